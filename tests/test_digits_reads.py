"""A counter read anywhere, but only through its digits (``R % C``, ``R / C``, ``R - (R / C) * C``) and
conditions true on a few values, becomes nested counters (rtlopt.semantic.digits, reads mode), also when the
counter sits in a child and the parent does the dividing (the parent's reads move into the child first).
Near misses: a counter stepping by 2, a whole-value read, a read that is no digit, a counter loaded from an
input, a parent that reads the whole net."""

from __future__ import annotations

import pytest

from rtlopt.semantic.digits import candidates_for

# one module, Verilog: the wrap is decided by a wire that mixes the counter with the enable
FLAT = """module scan_addr (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       step,
    output wire [2:0] col,
    output wire [3:0] row,
    output reg        sof,
    output wire       last_col
);
    reg [6:0] pos;
    wire done = step & (pos == 7'd69);
    always @(posedge clk or negedge rst_n)
        if (!rst_n)      pos <= 7'd0;
        else if (done)   pos <= 7'd0;
        else if (step)   pos <= pos + 7'd1;
    assign col = pos % 7;
    assign row = pos / 7;
    assign last_col = step && (col == 3'd6);
    always @(posedge clk) sof <= done;
endmodule
"""

# the counter in a child (SV, named connections), the parent divides by its own parameter
HIER = """module beat_cnt #(parameter int N = 16) (
    input  logic clk, input logic rst, input logic adv,
    output logic [$clog2(N)-1:0] beat
);
    always_ff @(posedge clk)
        if (rst) beat <= '0;
        else if (adv) beat <= (beat == N - 1) ? '0 : beat + 1'b1;
endmodule

module bar_pos #(parameter int BEATS = 4, parameter int BARS = 8) (
    input  logic clk, input logic rst, input logic adv,
    output logic [2:0] bar, output logic [1:0] beat_in_bar, output logic downbeat
);
    logic [4:0] b;
    beat_cnt #(.N(BEATS * BARS)) u_b (.clk(clk), .rst(rst), .adv(adv), .beat(b));
    always_comb begin
        bar = b / BEATS;
        beat_in_bar = b % BEATS;
    end
    assign downbeat = adv && beat_in_bar == 0;
endmodule

module metronome (input logic clk, input logic rst, input logic adv,
                  output logic [2:0] bar, output logic [1:0] beat_in_bar, output logic downbeat);
    bar_pos #(.BEATS(3), .BARS(6)) u_p (.clk(clk), .rst(rst), .adv(adv), .bar(bar), .beat_in_bar(beat_in_bar),
                                        .downbeat(downbeat));
endmodule
"""

# a free-running 6-bit counter (wraps at 64, no multiple of 10): the top digit wraps early
FREE = """module free_run (input clk, input rst, output [3:0] lo, output [2:0] hi);
  reg [5:0] c;
  always @(posedge clk) if (rst) c <= 6'd0; else c <= c + 6'd1;
  assign lo = c % 10;
  assign hi = c / 10;
endmodule
"""


def _prove(tmp_path, name, old, new, top, suffix=".v"):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence
    f = tmp_path / f"{name}_old{suffix}"
    g = tmp_path / f"{name}_new{suffix}"
    f.write_text(old)
    g.write_text(new)
    return check_equivalence(DesignRef([f], top), DesignRef([g], top),
                             VerifyOptions(timeout_s=180)).verdict


@pytest.mark.yosys
def test_flat_counter_with_a_mixed_wrap_condition_becomes_nested_counters(tmp_path):
    f = tmp_path / "a.v"
    got = candidates_for({f: FLAT}, "scan_addr")
    assert len(got) == 1 and "0..69" in got[0][1] and "7/10" in got[0][1], got
    new = got[0][0][f]
    assert "%" not in new and "/ 7" not in new and "reg [6:0] pos;" not in new, new
    assert _prove(tmp_path, "flat", FLAT, new, "scan_addr") == "EQUIVALENT"


@pytest.mark.yosys
def test_child_counter_divided_by_the_parent_moves_the_reads_and_is_pinned(tmp_path):
    from types import SimpleNamespace

    from rtlopt.engine.parampin import design_configs, pin_text
    from rtlopt.hdl.project import syntax_tree
    f = tmp_path / "m.sv"
    got = candidates_for({f: HIER}, "metronome")
    assert len(got) == 1 and "moved into beat_cnt" in got[0][1] and "3/6" in got[0][1], got
    new = got[0][0][f]
    assert "b / BEATS" not in new and "b % BEATS" not in new, new
    # parameterized modules: the search pins the rewrite to the values it was proven with
    cfgs = design_configs(SimpleNamespace(trees=[syntax_tree(HIER, str(f))]), "metronome")
    pinned = pin_text(HIER, new, cfgs)
    assert pinned is not None and "if (N == 18)" in pinned, pinned
    assert _prove(tmp_path, "hier", HIER, pinned, "metronome", ".sv") == "EQUIVALENT"


@pytest.mark.yosys
def test_power_of_two_wrap_keeps_an_early_wrap_of_the_top_digit(tmp_path):
    f = tmp_path / "c.v"
    got = candidates_for({f: FREE}, "free_run")
    assert len(got) == 1 and "0..63" in got[0][1], got
    new = got[0][0][f]
    assert "c_at_last" in new and "%" not in new, new
    assert _prove(tmp_path, "free", FREE, new, "free_run") == "EQUIVALENT"


@pytest.mark.yosys
def test_a_wrap_that_is_no_multiple_of_the_modulus_is_proven_not_assumed(tmp_path):
    # wraps at 70, read % 12: the digits are 12 x 6 = 72 values, the wrap compare stays -- right, proven
    src = FLAT.replace("pos % 7", "pos % 12").replace("pos / 7", "pos / 12").replace("[2:0] col", "[3:0] col") \
        .replace("[3:0] row", "[2:0] row").replace("col == 3'd6", "col == 4'd11")
    f = tmp_path / "a.v"
    got = candidates_for({f: src}, "scan_addr")
    assert len(got) == 1 and "0..69" in got[0][1] and "12/6" in got[0][1], got
    assert "pos_at_last" in got[0][0][f]
    assert _prove(tmp_path, "nomul", src, got[0][0][f], "scan_addr") == "EQUIVALENT"


@pytest.mark.yosys
def test_near_misses_are_left_alone(tmp_path):
    f = tmp_path / "a.v"
    flat = [
        # steps by 2: no increment
        FLAT.replace("pos <= pos + 7'd1;", "pos <= pos + 7'd2;"),
        # the whole value is read too
        FLAT.replace("endmodule", "  wire [6:0] addr = pos;\n  assign dbg = addr[0];\nendmodule")
            .replace("output wire       last_col", "output wire       last_col, output wire dbg"),
        # a read that is no digit (a sum of two digits)
        FLAT.replace("assign row = pos / 7;", "assign row = pos / 7 + pos % 7;"),
        # loaded from an input
        FLAT.replace("else if (done)   pos <= 7'd0;", "else if (done)   pos <= {4'd0, col};"),
    ]
    for src in flat:
        f.write_text(src)
        assert candidates_for({f: src}, "scan_addr") == [], src
    g = tmp_path / "m.sv"
    hier = [
        # the parent reads the whole net as well
        HIER.replace("assign downbeat = adv && beat_in_bar == 0;", "assign downbeat = adv && b[0];"),
        # the parent also writes the net it divides (not the child's value)
        HIER.replace("beat_in_bar = b % BEATS;", "beat_in_bar = b % BEATS;\n        b = 5'd0;"),
    ]
    for src in hier:
        g.write_text(src)
        assert candidates_for({g: src}, "metronome") == [], src


# a division by a loop of subtractions in always_comb (derived variables read by other logic), and a compare
LOOPDIV = """module walk #(parameter int W = 10, parameter int H = 5) (
    input  logic clk, input logic rst, input logic adv,
    output logic [3:0] x, output logic [2:0] y, output logic eol, output logic low
);
    logic [5:0] p;
    logic [5:0] rem;
    logic [2:0] quo;
    always_ff @(posedge clk)
        if (rst) p <= '0;
        else if (adv) p <= (p == W*H-1) ? '0 : p + 6'd1;
    always_comb begin
        rem = p;
        quo = '0;
        for (int k = 0; k < H; k++)
            if (rem >= W) begin
                rem = rem - W;
                quo = quo + 3'd1;
            end
    end
    assign x = rem[3:0];
    assign y = quo;
    assign eol = adv && x == W-1;
    assign low = p < 20;
endmodule
module walk_top (input logic clk, rst, adv, output logic [3:0] x, output logic [2:0] y, output logic eol, low);
    walk #(.W(10), .H(5)) u (.*);
endmodule
"""


@pytest.mark.yosys
def test_loop_division_and_a_range_compare(tmp_path):
    f = tmp_path / "w.sv"
    got = candidates_for({f: LOOPDIV}, "walk_top")
    assert len(got) == 1 and "0..49" in got[0][1] and "10/5" in got[0][1], got
    new = got[0][0][f]
    assert "rem >= W" not in new and "always @* begin quo = p_dg1; rem = p_dg0; end" in new, new
    assert "({p_dg1, p_dg0} <= {3'd1, 4'd9})" in new, new
    assert _prove(tmp_path, "loopdiv", LOOPDIV, new, "walk_top", ".sv") == "EQUIVALENT"
    # near misses: the loop also reads an input; a condition true on scattered values (no digit compare)
    for src in (LOOPDIV.replace("rem = p;", "rem = p ^ {5'd0, adv};"),
                LOOPDIV.replace("assign low = p < 20;", "assign low = p % 3 == 0;")):
        f.write_text(src)
        assert candidates_for({f: src}, "walk_top") == [], src


# the parent reads the child's counter whole: a quotient, then the remainder by subtraction (Verilog)
HIER_SUB = """module kcnt (input clk, input rst, input step, output reg [5:0] k);
  always @(posedge clk)
    if (rst) k <= 6'd0;
    else if (step) k <= (k == 6'd44) ? 6'd0 : k + 6'd1;
endmodule

module keypad_scan (input clk, input rst, input step, output reg [3:0] key, output reg [2:0] bank,
                    output wire bank_done);
  wire [5:0] k;
  kcnt u_k (.clk(clk), .rst(rst), .step(step), .k(k));
  always @* begin
    bank = k / 9;
    key = k - bank * 9;
  end
  assign bank_done = step && key == 4'd8;
endmodule
"""


@pytest.mark.yosys
def test_parent_remainder_by_subtraction_is_pushed_by_value(tmp_path):
    f = tmp_path / "k.v"
    got = candidates_for({f: HIER_SUB}, "keypad_scan")
    assert len(got) == 1 and "moved into kcnt" in got[0][1] and "9/5" in got[0][1], got
    new = got[0][0][f]
    assert "k - bank * 9" not in new and "(k / 9) % 5" not in new and "k_dg1" in new, new
    assert _prove(tmp_path, "hsub", HIER_SUB, new, "keypad_scan") == "EQUIVALENT"
    # near miss: the parent's derived value is no digit (k - bank * 8)
    src = HIER_SUB.replace("key = k - bank * 9;", "key = k - bank * 8;")
    f.write_text(src)
    assert candidates_for({f: src}, "keypad_scan") == [], src
