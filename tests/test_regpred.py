"""Comparisons of a register that are functions of other registers' bits (rtlopt.semantic.regpred): a
run counter beside the shift window it counts is read through the window, the counter goes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from _proof import abc_verdict

from rtlopt.semantic import regpred

GEN = Path(__file__).resolve().parent.parent / "designs" / "generalization" / "seqredundancy"

# a ones-run counter (saturating, 4 bits, conditional-operator update) beside an 8-bit output window
ONES = """
module ones_mon (
  input            clk,
  input            rst,
  input            en,
  input            d,
  output reg [7:0] win,
  output           seven,
  output           five_then_zero
);
  reg [3:0] run;

  always @(posedge clk)
    if (rst) begin
      win <= 8'd0;
      run <= 4'd0;
    end else if (en) begin
      win <= {win[6:0], d};
      run <= d ? ((run == 4'hF) ? run : run + 4'd1) : 4'd0;
    end

  assign seven          = (7 <= run);
  assign five_then_zero = (run == 5) && !d;
endmodule
"""


def _run(tmp_path: Path, text: str, top: str, name: str = "d.v"):
    f = tmp_path / name
    f.write_text(text)
    return f, regpred.candidates_for({f: text}, top)


@pytest.mark.yosys
def test_ones_run_compares_read_the_window(tmp_path):
    f, got = _run(tmp_path, ONES, "ones_mon")
    assert len(got) == 1, got
    new = got[0][0][f]
    assert "assign seven          = (win[6] & win[5] & win[4] & win[3] & win[2] & win[1] & win[0]);" in new
    assert "(!win[5] & win[4] & win[3] & win[2] & win[1] & win[0]) && !d" in new
    # the counter, now read only by its own update (its saturation test is no function of the window), goes
    assert "reg [3:0] run;" not in new and "run <=" not in new and "win <= {win[6:0], d};" in new, new
    assert abc_verdict(tmp_path, f, new, "ones_mon") == "EQUIVALENT"


@pytest.mark.yosys
def test_debounce_history_sv_all_equal_table(tmp_path):
    # SystemVerilog, async active-low reset: 'all four samples equal' is no AND of literals (a table)
    src = GEN / "regpred_debounce_hist_sv" / "original.sv"
    f, got = _run(tmp_path, src.read_text(), "debounce_hist", "d.sv")
    assert len(got) == 1, got
    new = got[0][0][f]
    assert "assign settled      = (|(16'h8001 & (16'd1 << hist)));" in new
    assert "assign half_settled = (|(8'h81 & (8'd1 << hist[2:0])));" in new
    assert "same_cnt" not in new and "if ((|(16'h8001 & (16'd1 << hist))))" in new, new
    assert abc_verdict(tmp_path, f, new, "debounce_hist") == "EQUIVALENT"


@pytest.mark.yosys
def test_zero_run_counter_in_submodule(tmp_path):
    # the counter is a child instance; the top compares the port wire (constant on the left)
    src = GEN / "regpred_zero_run_submod_v" / "original.v"
    f, got = _run(tmp_path, src.read_text(), "line_idle")
    assert len(got) == 1, got
    new = got[0][0][f]
    assert "assign idle   = (!win[5] & !win[4] & !win[3] & !win[2] & !win[1] & !win[0]);" in new
    assert "assign gap2   = (win[2] & !win[1] & !win[0]);" in new
    assert abc_verdict(tmp_path, f, new, "line_idle") == "EQUIVALENT"


@pytest.mark.yosys
def test_symbol_repeats_against_a_parameter(tmp_path):
    src = GEN / "regpred_last_n_equal_loop_v" / "original.v"
    f, got = _run(tmp_path, src.read_text(), "sym_repeat")
    assert len(got) == 1, got
    new = got[0][0][f]
    assert "rep" not in new.replace("repeat", "").replace("Repeat", ""), new
    assert abc_verdict(tmp_path, f, new, "sym_repeat") == "EQUIVALENT"


@pytest.mark.yosys
def test_near_misses_are_not_rewritten(tmp_path):
    cases = [
        # the window is shorter than the compared run: seven ones are no function of six window bits
        ONES.replace("output reg [7:0] win", "output reg [5:0] win").replace("{win[6:0], d}", "{win[4:0], d}")
        .replace("win <= 8'd0", "win <= 6'd0"),
        # a wrapping counter: after eight ones it restarts, the window stays all ones
        ONES.replace("reg [3:0] run;", "reg [2:0] run;").replace(
            "run <= d ? ((run == 4'hF) ? run : run + 4'd1) : 4'd0;", "run <= d ? run + 3'd1 : 3'd0;")
        .replace("(7 <= run)", "(5 <= run)"),
        # the counter is reset to a value the window does not show (the reset state breaks the relation)
        ONES.replace("run <= 4'd0;\n    end else", "run <= 4'd6;\n    end else"),
    ]
    for i, text in enumerate(cases):
        f, got = _run(tmp_path, text, "ones_mon", f"n{i}.v")
        descs = [d for _t, d in got]
        # the 6-bit window still shows a run of exactly five (its sixth bit is the zero before it)
        assert descs == (["register compared only through functions of other registers (proven from reset): "
                          "(run == 5) -> (!win[5] & win[4] & win[3] & win[2] & win[1] & win[0])"] if i == 0 else []), \
            (i, descs)
        assert all("(7 <= run)" in new[f] for new, _d in got)


def test_function_search_on_samples():
    rng = np.random.default_rng(3)
    x = rng.integers(0, 2, size=(6, 4000)).astype(bool)
    cols = list(range(6))
    # an AND of literals, minimized to its support
    p = x[1] & ~x[4]
    kind, lits = regpred._function(p, x, cols)
    assert kind == "and" and sorted(lits) == [(1, 1), (4, 0)]
    # an OR
    kind, lits = regpred._function(x[0] | x[2], x, cols)
    assert kind == "or" and sorted(lits) == [(0, 1), (2, 1)]
    # a symmetric function no single bit correlates with: found by elimination
    p = (x[0] == x[3]) & (x[3] == x[5])
    kind, (rows, table) = regpred._function(p, x, cols)
    assert kind == "table" and rows == [0, 3, 5] and table == 0b10000001
    # not a function of the bits at all
    assert regpred._function(rng.integers(0, 2, 4000).astype(bool), x, cols) is None


# the detector as a child module, instantiated once per channel; the window length a parameter
CHANNELS = """
module run_det #(parameter W = 8) (
  input          clk,
  input          rst,
  input          en,
  input          d,
  output [W-1:0] win_o,
  output         abort,
  output         five
);
  reg [W-1:0] win;
  reg [3:0]   run;
  always @(posedge clk)
    if (rst) begin
      win <= {W{1'b0}};
      run <= 4'd0;
    end else if (en) begin
      win <= {win[W-2:0], d};
      if (!d) run <= 4'd0;
      else if (run != 4'd15) run <= run + 4'd1;
    end
  assign win_o = win;
  assign abort = run >= 4'd7;
  assign five  = run == 4'd5;
endmodule

module two_ch #(parameter W1 = 8) (
  input         clk,
  input         rst,
  input  [1:0]  en,
  input  [1:0]  d,
  output [7:0]  win0,
  output [W1-1:0] win1,
  output [1:0]  aborts,
  output [1:0]  fives
);
  run_det #(.W(8))  u0 (.clk(clk), .rst(rst), .en(en[0]), .d(d[0]), .win_o(win0), .abort(aborts[0]),
                        .five(fives[0]));
  run_det #(.W(W1)) u1 (.clk(clk), .rst(rst), .en(en[1]), .d(d[1]), .win_o(win1), .abort(aborts[1]),
                        .five(fives[1]));
endmodule
"""


@pytest.mark.yosys
def test_child_module_instances_share_one_rewrite(tmp_path):
    f, got = _run(tmp_path, CHANNELS, "two_ch")
    assert len(got) == 1, got
    new = got[0][0][f]
    assert "assign abort = (win[6] & win[5] & win[4] & win[3] & win[2] & win[1] & win[0]);" in new
    assert "assign five  = (!win[5] & win[4] & win[3] & win[2] & win[1] & win[0]);" in new
    assert abc_verdict(tmp_path, f, new, "two_ch") == "EQUIVALENT"


@pytest.mark.yosys
def test_child_instance_with_a_short_window_keeps_its_compare(tmp_path):
    # the second channel's window is six bits: seven ones are no function of it, so the module's text
    # (shared by both instances) keeps 'run >= 7'; a run of exactly five is visible in both windows
    text = CHANNELS.replace("parameter W1 = 8", "parameter W1 = 6")
    f, got = _run(tmp_path, text, "two_ch")
    assert len(got) == 1, got
    new = got[0][0][f]
    assert "assign abort = run >= 4'd7;" in new and "run <= run + 4'd1;" in new  # still read: kept
    assert "assign five  = (!win[5] & win[4] & win[3] & win[2] & win[1] & win[0]);" in new


@pytest.mark.yosys
def test_compare_in_a_wider_context_keeps_its_one_bit_value(tmp_path):
    # 'run == 0' is '!win[0]': in a 4-bit sum a '~' would be extended to 4 bits before it inverts
    text = ONES.replace("  output           five_then_zero\n", "  output           five_then_zero,\n  output     [3:0] acc\n")
    text = text.replace("endmodule", "  assign acc = {3'd0, d} + (run == 4'd0);\nendmodule")
    f, got = _run(tmp_path, text, "ones_mon")
    assert len(got) == 1, got
    new = got[0][0][f]
    assert "assign acc = {3'd0, d} + (!win[0]);" in new, new
    assert abc_verdict(tmp_path, f, new, "ones_mon") == "EQUIVALENT"


def test_dead_register_removal_only_when_its_own_update_reads_it():
    own = """module m(input clk, input d, output reg [3:0] w, output o);
  reg [2:0] c;
  always @(posedge clk) w <= {w[2:0], d};
  always @(posedge clk)
    if (!d) c <= 3'd0;
    else if (c != 3'd7) c <= c + 3'd1;
  assign o = &w[2:0];
endmodule
"""
    new = regpred.drop_dead_register(own, "c")
    assert new is not None and "c <=" not in new and "reg [2:0] c;" not in new, new
    assert "always @(posedge clk) w <= {w[2:0], d};" in new and new.count("always") == 1, new
    # read outside its update: kept
    assert regpred.drop_dead_register(own.replace("&w[2:0]", "&w[2:0] | c[2]"), "c") is None
    # a port: kept
    port = own.replace("output o);", "output o, output reg [2:0] c);").replace("  reg [2:0] c;\n", "")
    assert regpred.drop_dead_register(port, "c") is None
    # a branch that also assigns another variable stays (without c); the branch only for c goes
    mixed = regpred.drop_dead_register(own.replace("c <= 3'd0;", "begin c <= 3'd0; w <= 4'd0; end"), "c")
    assert mixed is not None and "if (!d) begin  w <= 4'd0; end" in mixed and "c" not in mixed.replace("clk", ""), mixed
    # read in the condition of a statement that assigns another variable: kept
    cond = own.replace("assign o = &w[2:0];", "assign o = &w[2:0];\n  always @(posedge clk) if (c == 3'd2) w <= 4'd0;")
    assert regpred.drop_dead_register(cond, "c") is None
