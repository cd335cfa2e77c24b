"""mixradix: a linear address r*C + c split again by / C and % C reads r and c (same module or across a
module boundary through new ports, or in the parent of the producer), proven from reset.

Fires on a Verilog sprite walker (named connections, the divisor a parameter of another name with the
same value at the instance) and an SV frame-buffer scan (one module), and on a restyled pair (SV, ``.*``
connections, ``c + C*r`` in ``always_comb``, a literal divisor); every candidate is proven by ABC. Near
misses: a column counter that reaches C is refuted; so is an address that overflows its width (the
parent dividing its child's output); divisors of different values at the two instances
are not offered; ``a * y / C`` (the product divided) is not rewritten.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic.mixradix import rewrites

ROOT = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "mixed_radix"
SPRITE = ROOT / "v_named_ports_sprite" / "original.v"
FRAMEBUF = ROOT / "sv_same_module_framebuf" / "original.sv"

RESTYLE = """
module walker #(parameter int N = 10) (
  input  logic clk, rst, go,
  output logic [6:0] pos);
  logic [3:0] u;
  logic [2:0] t;
  always_ff @(posedge clk)
    if (rst) begin u <= 0; t <= 0; end
    else if (go) begin
      if (u == N - 1) begin u <= 0; t <= t + 1; end
      else u <= u + 1;
    end
  always_comb pos = u + N*t;
endmodule
module digits (
  input  logic [6:0] pos,
  output logic [3:0] ones,
  output logic [2:0] tens);
  assign ones = pos % 10;
  assign tens = pos / 10;
endmodule
module top (input logic clk, rst, go, output logic [3:0] ones, output logic [2:0] tens, output logic [6:0] pos);
  walker #(.N(WRAP)) w (.*);
  digits d (.*);
endmodule
"""


MULTI = """
module ctr #(parameter int N = 10) (input logic clk, rst, go, output logic [7:0] lin);
  logic [3:0] lo, hi;
  always_ff @(posedge clk)
    if (rst) begin lo <= 0; hi <= 0; end
    else if (go) begin
      if (lo == N - 1) begin lo <= 0; hi <= (hi == 9) ? 0 : hi + 1; end
      else lo <= lo + 1;
    end
  assign lin = hi*N + lo;
endmodule
module split #(parameter int D = 10) (input logic [7:0] v, output logic [3:0] q, output logic [3:0] m);
  assign q = v / D;
  assign m = v % D;
endmodule
module two #(parameter int A = 12) (input logic clk, rst, go, output logic [3:0] q0, m0, q1, m1);
  logic [7:0] a0, a1, a2;
  assign a2 = a1;
  ctr #(.N(10)) c0 (.clk(clk), .rst(rst), .go(go), .lin(a0));
  ctr #(.N(A)) c1 (.clk(clk), .rst(rst), .go(go), .lin(a1));
  split #(.D(10)) s0 (.v(a0), .q(q0), .m(m0));
  split #(.D(A)) s1 (.v(a1), .q(q1), .m(m1));
endmodule
"""


PARENT = """
module seat_ctr #(parameter SEATS = 6) (
    input  wire       clk,
    input  wire       rst,
    input  wire       tick,
    output wire [5:0] seat_id
);
    reg [2:0] s;
    reg [2:0] r;
    always @(posedge clk)
        if (rst) begin s <= 3'd0; r <= 3'd0; end
        else if (tick) begin
            if (s == SEATS - 1) begin s <= 3'd0; r <= r + 3'd1; end
            else s <= s + 3'd1;
        end
    assign seat_id = r * SEATS + s;
endmodule

module hall (
    input  wire       clk,
    input  wire       rst,
    input  wire       tick,
    output wire [2:0] row_no,
    output wire [2:0] seat_no,
    output wire [5:0] id
);
    localparam PER = 6;
    seat_ctr #(.SEATS(PER)) u (.clk(clk), .rst(rst), .tick(tick), .seat_id(id));
    assign row_no  = id / PER;
    assign seat_no = id % PER;
endmodule
"""


def _cands(path: Path, text: str) -> list[tuple[str, str]]:
    return [(new[path], d) for new, d in rewrites({path: text})]


@pytest.mark.yosys
def test_verilog_named_ports_cross_module(tmp_path):
    got = _cands(SPRITE, SPRITE.read_text())
    assert len(got) == 1 and "sheet_seq's fr and fc" in got[0][1]
    new = got[0][0]
    assert "fnum / PER_ROW" not in new and "fnum % PER_ROW" not in new
    assert ".rtlopt_fr_o(rtlopt_seq_fr)" in new and ".rtlopt_split_1_i(rtlopt_seq_fc)" in new
    assert abc_verdict(tmp_path, SPRITE, new, "sprite_walk", 300) == "EQUIVALENT"


@pytest.mark.yosys
def test_sv_same_module(tmp_path):
    got = _cands(FRAMEBUF, FRAMEBUF.read_text())
    assert len(got) == 1 and "lin % W -> x" in got[0][1] and "lin / W -> y" in got[0][1]
    assert abc_verdict(tmp_path, FRAMEBUF, got[0][0], "fb_scan", 300) == "EQUIVALENT"


@pytest.mark.yosys
def test_restyle_star_connections_literal_divisor(tmp_path):
    p = tmp_path / "top.sv"
    text = RESTYLE.replace("WRAP", "10")
    p.write_text(text)
    got = _cands(p, text)
    assert len(got) == 1, got
    new = got[0][0]
    assert "rtlopt_split_0_i" in new and "% 10" not in new and "/ 10" not in new
    assert "wire [6:0] rtlopt_w_t, rtlopt_w_u;" in new
    assert abc_verdict(tmp_path, p, new, "top", 300) == "EQUIVALENT"


def test_different_divisor_not_offered(tmp_path):
    p = tmp_path / "top.sv"
    text = RESTYLE.replace("WRAP", "12")
    assert _cands(p, text) == []


def test_product_divided_not_rewritten(tmp_path):
    text = FRAMEBUF.read_text().replace("py     = lin / W;", "py     = 3 * lin / W;")
    got = _cands(FRAMEBUF, text)
    assert len(got) == 1 and "lin / W" not in got[0][1] and "3 * lin / W" in got[0][0]


@pytest.mark.yosys
def test_column_reaching_divisor_refuted(tmp_path):
    # the column wraps after C, not after C - 1: (r*C + C) / C = r + 1 is reachable
    text = FRAMEBUF.read_text().replace("x <= (x == W - 1) ?", "x <= (x == W) ?")
    p = tmp_path / "near.sv"
    p.write_text(text)
    got = _cands(p, text)
    assert len(got) == 1
    assert abc_verdict(tmp_path, p, got[0][0], "fb_scan", 300) == "NOT EQUIVALENT"


@pytest.mark.yosys
def test_pinned_to_the_instance_parameters(tmp_path):
    # the consumer's rewrite holds only where its divisor equals the producer's multiplier: the search
    # pins it to the elaborated values; the producer's exports hold at every value (left unpinned)
    from types import SimpleNamespace

    from rtlopt.engine.parampin import design_configs, pin_text
    from rtlopt.hdl.project import syntax_tree

    old = SPRITE.read_text()
    new = _cands(SPRITE, old)[0][0]
    cfgs = design_configs(SimpleNamespace(trees=[syntax_tree(old, str(SPRITE))]), "sprite_walk")
    pinned = pin_text(old, new, cfgs)
    assert pinned is not None and "PER_ROW == 12" in pinned and "fnum / PER_ROW" in pinned, pinned
    assert pinned.count("begin : ") == 2  # one module pinned (the consumer): its two arms
    assert abc_verdict(tmp_path, SPRITE, pinned, "sprite_walk", 300) == "EQUIVALENT"


@pytest.mark.yosys
def test_every_instance_pair_wired_and_pinned(tmp_path):
    # two producer/consumer pairs with different divisors (one through the parent's parameter): both wired,
    # the consumer pinned to both values
    from types import SimpleNamespace

    from rtlopt.engine.parampin import design_configs, pin_text
    from rtlopt.hdl.project import syntax_tree

    p = tmp_path / "two.sv"
    p.write_text(MULTI)
    got = _cands(p, MULTI)
    assert len(got) == 1 and "2 instance pair(s)" in got[0][1] and "10/12" in got[0][1], got
    new = got[0][0]
    assert ".rtlopt_hi_o(rtlopt_c1_hi)" in new and ".rtlopt_split_0_i(rtlopt_c1_hi)" in new
    assert ".rtlopt_split_1_i(rtlopt_c0_lo)" in new
    cfgs = design_configs(SimpleNamespace(trees=[syntax_tree(MULTI, str(p))]), "two")
    pinned = pin_text(MULTI, new, cfgs)
    assert pinned is not None and "v / D" in pinned, pinned
    assert abc_verdict(tmp_path, p, pinned, "two", 300) == "EQUIVALENT"


def test_one_consumer_not_fed_by_the_producer_not_offered(tmp_path):
    p = tmp_path / "two.sv"
    text = MULTI.replace("split #(.D(A)) s1 (.v(a1)", "split #(.D(A)) s1 (.v(a2)")
    assert _cands(p, text) == []


@pytest.mark.yosys
def test_parent_divides_the_child_output(tmp_path):
    p = tmp_path / "hall.v"
    p.write_text(PARENT)
    got = _cands(p, PARENT)
    assert len(got) == 1 and "hall.u: id / and % 6" in got[0][1], got
    new = got[0][0]
    assert "id / PER" not in new and "assign row_no  = rtlopt_u_r;" in new
    assert abc_verdict(tmp_path, p, new, "hall", 300) == "EQUIVALENT"


@pytest.mark.yosys
def test_parent_divides_overflowing_address_refuted(tmp_path):
    # a 5-bit address: r*6 + s wraps once r reaches 6 (r counts to 7), so id / 6 != r there
    text = PARENT.replace("output wire [5:0] seat_id", "output wire [4:0] seat_id").replace(
        "output wire [5:0] id", "output wire [4:0] id")
    p = tmp_path / "hall.v"
    p.write_text(text)
    got = _cands(p, text)
    assert len(got) == 1
    assert abc_verdict(tmp_path, p, got[0][0], "hall", 300) == "NOT EQUIVALENT"


@pytest.mark.yosys
def test_product_through_a_named_wire(tmp_path):
    text = SPRITE.read_text().replace("    assign frame_no = fc + fr * FPR;",
                                      "    wire [NW-1:0] rowbase = fr * FPR;\n    assign frame_no = rowbase + fc;")
    assert "rowbase + fc" in text
    p = tmp_path / "sprite.v"
    p.write_text(text)
    got = _cands(p, text)
    assert len(got) == 1 and "sheet_seq's fr and fc" in got[0][1], got
    assert abc_verdict(tmp_path, p, got[0][0], "sprite_walk", 300) == "EQUIVALENT"
