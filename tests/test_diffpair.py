"""A register pair read only through its difference kept as that difference (rtlopt.semantic.diffpair).

Designs: issued/completed tallies of a credit tracker (Verilog, one process, sync reset) and a shared
free-running time base with per-lane heartbeat stamps in generate-loop instances (SV always_ff, async
reset, a sibling's register reaching the lane through a port). Restyles: the tallies in two always_ff
blocks with conditional-operator writes; the time base in its own file with an active-low sync reset and
the capture written as ``if (!edge) ... else``. Near misses: a tally also read directly, a saturating
tally (its test reads it alone), a tally loaded from an input while the other holds (D' depends on it),
a time base stepping on a signal the lane cannot see, a difference compared in a 32-bit context (not
modulo 2**W). Real Yosys + z3 proofs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.semantic import diffpair

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"


def _smt(old: Path, new_text: str, top: str, files: list[Path] | None = None) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = old.parent / ("new" + old.suffix)
    g.write_text(new_text)
    rest = [f for f in (files or []) if f != old]
    res = check_equivalence(DesignRef([old] + rest, top), DesignRef([g] + rest, top),
                            VerifyOptions(engines=("smt", "abc"), timeout_s=300))
    return res.verdict


def _writes(t: str, name: str) -> bool:
    return re.search(rf"(?<![\w$]){name}\s*<=", t) is not None


def _copy(tmp_path: Path, name: str) -> Path:
    src = next((GEN / name).glob("original.*"))
    f = tmp_path / ("d" + src.suffix)
    f.write_text(src.read_text())
    return f


@pytest.mark.yosys
@pytest.mark.parametrize("name, top, gone, d", [
    ("diffpair_credit_v", "credit_track", ("n_issued", "n_done"), "n_issued_m_n_done"),
    ("diffpair_watch_sv", "keepalive", ("stamp",), "now_m_stamp"),
])
def test_designs(tmp_path, name, top, gone, d):
    f = _copy(tmp_path, name)
    got = diffpair.candidates_for({f: f.read_text()}, top, timeout_s=60)
    assert got, "no candidate"
    new, desc = got[0]
    t = new[f]
    assert d in t and d in desc, desc
    for g in gone:
        assert not _writes(t, g)
    assert _smt(f, t, top) == "EQUIVALENT"


_SPLIT = """
module tally2 #(parameter W = 5) (
  input  logic clk, input logic rst, input logic push, input logic pop,
  output logic full, output logic [W-1:0] level
);
  logic [W-1:0] wr_cnt, rd_cnt;
  always_ff @(posedge clk) wr_cnt <= rst ? '0 : (push && !full) ? wr_cnt + 1'b1 : wr_cnt;
  always_ff @(posedge clk) begin
    if (rst) rd_cnt <= '0;
    else rd_cnt <= (pop && (rd_cnt != wr_cnt)) ? rd_cnt + 5'd1 : rd_cnt;
  end
  assign full  = (rd_cnt + 5'd20 == wr_cnt);
  assign level = wr_cnt - rd_cnt;
endmodule
"""


@pytest.mark.yosys
def test_restyle_two_blocks_conditional_writes(tmp_path):
    f = tmp_path / "t.sv"
    f.write_text(_SPLIT)
    got = diffpair.candidates_for({f: _SPLIT}, "tally2", timeout_s=60)
    assert got, "no candidate"
    t = got[0][0][f]
    assert not _writes(t, "wr_cnt") and not _writes(t, "rd_cnt")
    assert _smt(f, t, "tally2") == "EQUIVALENT"


_TB = """
module stamp_clock (input clk, input rst_n, output reg [9:0] tnow);
  always @(posedge clk)
    if (!rst_n) tnow <= 10'd5;
    else        tnow <= tnow + 10'd1;
endmodule
"""
_CH = """
module gap_meter (input clk, input rst_n, input ev, input [9:0] t, output reg [9:0] gap, output long);
  reg [9:0] t_last;
  always @(posedge clk)
    if (!rst_n) begin
      t_last <= 10'd5;
      gap <= 10'd0;
    end else if (!ev) begin
    end else begin
      gap <= t - t_last;
      t_last <= t;
    end
  assign long = (t - t_last) > 10'd600;
endmodule

module meters (input clk, input rst_n, input [1:0] ev, output [19:0] gaps, output [1:0] longs);
  wire [9:0] tnow;
  stamp_clock u_clk (.clk(clk), .rst_n(rst_n), .tnow(tnow));
  gap_meter m0 (.clk(clk), .rst_n(rst_n), .ev(ev[0]), .t(tnow), .gap(gaps[9:0]), .long(longs[0]));
  gap_meter m1 (.clk(clk), .rst_n(rst_n), .ev(ev[1]), .t(tnow), .gap(gaps[19:10]), .long(longs[1]));
endmodule
"""


@pytest.mark.yosys
def test_restyle_sibling_in_own_file(tmp_path):
    a = tmp_path / "clk.v"
    b = tmp_path / "meters.v"
    a.write_text(_TB)
    b.write_text(_CH)
    got = diffpair.candidates_for({a: _TB, b: _CH}, "meters", timeout_s=60)
    assert got, "no candidate"
    new, desc = got[0]
    assert new[a] == _TB and "another module" in desc
    t = new[b]
    assert not _writes(t, "t_last") and "t - t_last" not in t
    assert _smt(b, t, "meters", [a, b]) == "EQUIVALENT"


_CREDIT = """
module ct (input clk, input srst, input iss, input cpl, output [5:0] pend, output idle EXTRA);
  reg [5:0] n_i, n_d;
  always @(posedge clk)
    if (srst) begin n_i <= 0; n_d <= 0; end
    else begin
      ISSUE
      if (cpl && !idle) n_d <= n_d + 1'b1;
    end
  assign pend = n_i - n_d;
  assign idle = (n_i == n_d);
endmodule
"""


def _credit(issue: str = "if (iss) n_i <= n_i + 1'b1;", extra: str = "") -> str:
    return _CREDIT.replace("ISSUE", issue).replace("EXTRA", extra)


@pytest.mark.yosys
def test_credit_base_fires(tmp_path):
    f = tmp_path / "c.v"
    t = _credit()
    got = diffpair.candidates_for({f: t}, "ct", timeout_s=60)
    assert got and not _writes(got[0][0][f], "n_i")


@pytest.mark.yosys
@pytest.mark.parametrize("issue, extra", [
    # the tally also read directly (an output bit)
    ("if (iss) n_i <= n_i + 1'b1;", ", output lsb);\n  assign lsb = n_i[0]; //"),
    # a saturating tally: its test reads it alone
    ("if (iss && n_i != 6'h3f) n_i <= n_i + 1'b1;", ""),
    # loaded from an input while the other holds: the next difference depends on n_i
    ("if (iss) n_i <= {cpl, 5'd3};", ""),
])
def test_near_misses_do_not_fire(tmp_path, issue, extra):
    f = tmp_path / "c.v"
    t = _credit(issue, extra)
    assert diffpair.rewrite({f: t}) == []


_TB_LOCAL = """
module slow_clock (input clk, input rst_n, output reg [9:0] tnow);
  reg [1:0] pre;
  always @(posedge clk)
    if (!rst_n) begin tnow <= 10'd0; pre <= 2'd0; end
    else begin
      pre <= pre + 2'd1;
      if (pre == 2'd3) tnow <= tnow + 10'd1;
    end
endmodule
"""


@pytest.mark.yosys
def test_sibling_stepping_on_a_hidden_signal_does_not_fire(tmp_path):
    a = tmp_path / "clk.v"
    b = tmp_path / "meters.v"
    ch = _CH.replace("stamp_clock", "slow_clock")
    got = diffpair.rewrite({a: _TB_LOCAL, b: ch})
    assert got == []


_WIDE = """
module wide (input clk, input srst, input iss, input cpl, output stall);
  reg [3:0] n_i, n_d;
  always @(posedge clk)
    if (srst) begin n_i <= 0; n_d <= 0; end
    else begin
      if (iss) n_i <= n_i + 1'b1;
      if (cpl) n_d <= n_d + 1'b1;
    end
  assign stall = (n_i - n_d) == 12;   // a 32-bit difference: n_i < n_d never matches
endmodule
"""


@pytest.mark.yosys
def test_wide_context_difference_is_not_offered(tmp_path):
    """The rewrite reads the difference modulo 2**4; the original compares it in 32 bits (n_i = 2, n_d =
    6 is 12 modulo 16 but not in 32 bits): the simulation check drops it (and the proof would refute it)."""
    f = tmp_path / "w.v"
    f.write_text(_WIDE)
    raw = diffpair.rewrite({f: _WIDE})
    assert raw  # the syntax matches ...
    assert diffpair.candidates_for({f: _WIDE}, "wide", timeout_s=60) == []  # ... the behaviour does not


_CASE = """
module burst_len (
  input  logic       clk,
  input  logic       rst_n,
  input  logic [1:0] op,
  input  logic [6:0] len,
  output logic       last,
  output logic       busy
);
  logic [6:0] limit_q, beat_q;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      limit_q <= 7'd0;
      beat_q  <= 7'd0;
      busy    <= 1'b0;
    end else
      case (op)
        2'd1:       begin limit_q <= len; beat_q <= 7'd0; busy <= 1'b1; end
        2'd2, 2'd3: if (busy) begin
                      if (beat_q + 7'd1 == limit_q) busy <= 1'b0;
                      beat_q <= beat_q + 7'd1;
                    end
        default:    ;
      endcase
  assign last = busy && (limit_q - beat_q == 7'd1);
endmodule
"""


@pytest.mark.yosys
def test_restyle_case_statement_latched_limit(tmp_path):
    """A latched limit and a beat counter written in the arms of a ``case`` (async reset, SV): the pair
    becomes the beats left (loaded with the length, counting down)."""
    f = tmp_path / "b.sv"
    f.write_text(_CASE)
    got = diffpair.candidates_for({f: _CASE}, "burst_len", timeout_s=60)
    assert got, "no candidate"
    new, desc = got[0]
    t = new[f]
    assert "limit_q_m_beat_q" in t, desc
    assert not _writes(t, "limit_q") and not _writes(t, "beat_q")
    assert _smt(f, t, "burst_len") == "EQUIVALENT"


_TB_OVF = """
module stamp_clock (input clk, input rst_n, output reg [9:0] tnow, output reg ovf);
  always @(posedge clk)
    if (!rst_n) begin
      tnow <= 10'd5;
      ovf  <= 1'b0;
    end else begin
      ovf  <= ovf | (tnow == 10'h3ff);
      tnow <= tnow + 10'd1;
    end
endmodule
"""


@pytest.mark.yosys
def test_sibling_block_also_writing_another_register(tmp_path):
    """The time base's block also keeps an overflow flag (read by the parent): its tree for the
    timestamp alone is mapped; the timestamp stays for the flag, the lanes keep differences."""
    a = tmp_path / "clk.v"
    b = tmp_path / "meters.v"
    ch = _CH.replace("output [1:0] longs);", "output [1:0] longs, output ovf);").replace(
        ".tnow(tnow));", ".tnow(tnow), .ovf(ovf));")
    a.write_text(_TB_OVF)
    b.write_text(ch)
    got = diffpair.candidates_for({a: _TB_OVF, b: ch}, "meters", timeout_s=60)
    assert got, "no candidate"
    t = got[0][0][b]
    assert not _writes(t, "t_last")
    assert _smt(b, t, "meters", [a, b]) == "EQUIVALENT"


_PARENT = """
module lane (input clk, input rst, input sof, input [7:0] t, output late);
  reg [7:0] t_mark;
  always @(posedge clk)
    if (rst) t_mark <= 8'd0;
    else if (sof) t_mark <= t + 8'd2;
  assign late = (t - t_mark) > 8'd150;
endmodule

module rx2 (input clk, input rst, input en, input [1:0] sof, output [1:0] late);
  reg [7:0] epoch;
  always @(posedge clk)
    if (rst) epoch <= 8'd0;
    else if (en) epoch <= epoch + 8'd1;
  lane l0 (.clk(clk), .rst(rst), .sof(sof[0]), .t(epoch), .late(late[0]));
  lane l1 (.clk(clk), .rst(rst), .sof(sof[1]), .t(epoch), .late(late[1]));
endmodule
"""


@pytest.mark.yosys
def test_parent_register_through_a_port(tmp_path):
    """The time base is a register of the parent stepping on an enable the parent does not pass on:
    no rewrite; with the enable connected to the lanes, the lanes keep differences."""
    f = tmp_path / "p.v"
    assert diffpair.rewrite({f: _PARENT}) == []
    t2 = _PARENT.replace("input sof, input [7:0] t,", "input sof, input en, input [7:0] t,").replace(
        ".sof(sof[0]),", ".sof(sof[0]), .en(en),").replace(".sof(sof[1]),", ".sof(sof[1]), .en(en),")
    f.write_text(t2)
    got = diffpair.candidates_for({f: t2}, "rx2", timeout_s=60)
    assert got, "no candidate"
    t = got[0][0][f]
    assert not _writes(t, "t_mark") and "t - t_mark" not in t
    assert _smt(f, t, "rx2") == "EQUIVALENT"


_CHILD = """
module ticker #(parameter int W = 8) (input logic clk, input logic rst_n, output logic [W-1:0] q);
  always_ff @(posedge clk) q <= !rst_n ? '0 : q + 1'b1;
endmodule

module pace (input logic clk, input logic rst_n, input logic go, output logic [7:0] dt, output logic slow);
  logic [7:0] tk;
  logic [7:0] t0;
  ticker #(.W(8)) u_t (.clk(clk), .rst_n(rst_n), .q(tk));
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      t0 <= '0;
      dt <= '0;
    end else if (go) begin
      dt <= tk - t0;
      t0 <= tk;
    end
  end
  assign slow = (tk - t0) >= 8'd100;
endmodule
"""


@pytest.mark.yosys
def test_child_register_inside_the_module(tmp_path):
    """The time base is a child instance of the reading module (SV, its output on a local net)."""
    f = tmp_path / "c.sv"
    f.write_text(_CHILD)
    got = diffpair.candidates_for({f: _CHILD}, "pace", timeout_s=60)
    assert got, "no candidate"
    new, desc = got[0]
    t = new[f]
    assert "child" in desc and not _writes(t, "t0") and "tk - t0" not in t
    assert _smt(f, t, "pace") == "EQUIVALENT"


_TWO_PROC = """
module twoproc (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       load,
  input  logic [5:0] n,
  output logic       fin
);
  logic [5:0] lim_q, lim_n, pos_q, pos_n;
  always_comb begin
    lim_n = lim_q;
    pos_n = pos_q;
    if (load) begin
      lim_n = n;
      pos_n = 6'd0;
    end else if (pos_q != lim_q) begin
      pos_n = pos_q + 6'd1;
    end
  end
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      lim_q <= '0;
      pos_q <= '0;
    end else begin
      lim_q <= lim_n;
      pos_q <= pos_n;
    end
  assign fin = (pos_q == lim_q);
endmodule
"""


@pytest.mark.yosys
def test_two_process_style(tmp_path):
    """Next values in an always_comb block (read through procnorm's normalized view), the pair declared
    on one line with its next values: no '-' anywhere, the reads are (in)equalities only."""
    f = tmp_path / "two.sv"
    f.write_text(_TWO_PROC)
    got = diffpair.candidates_for({f: _TWO_PROC}, "twoproc", timeout_s=60)
    assert got, "no candidate"
    t = got[0][0][f]
    assert not _writes(t, "lim_q") and not _writes(t, "pos_q")
    assert _smt(f, t, "twoproc") == "EQUIVALENT"
