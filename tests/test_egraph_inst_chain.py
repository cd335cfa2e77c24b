"""E-graph flattened child view, chained: an instance whose input is another instance's output
(``y1 = x * k1`` then ``y2 = y1 * k2``, or ``+ c1`` then ``+ c2``) folds into one operation on x when the
intermediate width cannot wrap (zext of a product/sum that fits); the view's own nodes are the original
cost, so the folded value in the same class as the named net is emitted in the parent. Near miss: an
intermediate truncation that wraps keeps the two constants (whatever is proposed is proven)."""

from __future__ import annotations

import re
import textwrap

import pytest

from rtlopt.egraph import optimize_text
from rtlopt.egraph.front import build_module, module_bodies
from rtlopt.templates._sem import analyze
from tests.test_egraph_inst_distrib import _prove

# 8-bit x * 9 fits 12 bits (2295 < 4096), * 7 fits 16: x * 63 = (x << 6) - x
CHAIN = """
module kmul #(parameter IW = 8, OW = 10, K = 3) (input [IW-1:0] a, output [OW-1:0] p);
  assign p = a * K;
endmodule
module chain2 (input clk, input [7:0] x, input [5:0] bias, output reg [15:0] q);
  wire [11:0] s1;
  wire [15:0] s2;
  kmul #(.IW(8), .OW(12), .K(9)) u1 (.a(x), .p(s1));
  kmul #(.IW(12), .OW(16), .K(7)) u2 (.a(s1), .p(s2));
  always @(posedge clk) q <= s2 - bias;
endmodule
"""

# the intermediate keeps 11 bits: 255 * 9 = 2295 wraps, so s2 is not x * 63
WRAP = CHAIN.replace("OW(12), .K(9)) u1", "OW(11), .K(9)) u1").replace("wire [11:0] s1", "wire [10:0] s1") \
    .replace("IW(12), .OW(16)", "IW(11), .OW(16)")

# restyled: SV always_comb offsets, the second instance's input is the first one's output
ADDS = """
module offs #(parameter int W = 8, parameter int OW = 9, parameter int C = 1)
             (input logic [W-1:0] d, output logic [OW-1:0] e);
  always_comb e = d + C;
endmodule
module addchain (input logic clk, input logic [7:0] x, output logic [9:0] q);
  logic [8:0] t1;
  logic [9:0] t2;
  offs #(.W(8), .OW(9), .C(17)) ua (.d(x), .e(t1));
  offs #(.W(9), .OW(10), .C(40)) ub (.d(t1), .e(t2));
  always_ff @(posedge clk) q <= t2;
endmodule
"""


def _opt(src: str, module: str, name: str = "design.v"):
    got = [t for m, t, _i in optimize_text(textwrap.dedent(src), name) if m == module]
    return got[0] if got else None


def _after(text: str, module: str) -> str:
    return text[text.index(f"module {module}"):].split("always", 1)[1]


def test_chained_views_keep_their_nodes_as_the_original():
    an = analyze(textwrap.dedent(CHAIN))
    body = next(b for b in module_bodies(an) if b.definition.name == "chain2")
    mg = build_module(an, body)
    named = {r.lhs: r for r in mg.roots if r.nameable}
    assert named["s1"].view and named["s2"].view and not named["s2"].nodes
    assert any(n[0] == "mul" for _c, n in named["s2"].view)


@pytest.mark.yosys
def test_constant_product_chain_folded_and_proven(tmp_path):
    new = _opt(CHAIN, "chain2")
    assert new is not None
    use = _after(new, "chain2")
    assert "s2" not in use and "s1" not in use, use
    assert re.search(r"- x\)", use) and "7" not in use and "9" not in use, use  # (x << 6) - x
    assert _prove(tmp_path, CHAIN, new, "chain2") == "EQUIVALENT"


@pytest.mark.yosys
def test_wrapping_intermediate_is_not_folded(tmp_path):
    new = _opt(WRAP, "chain2")
    if new is not None:
        use = _after(new, "chain2")
        assert "63" not in use and "<< 6" not in use and "* 18'd64" not in use, use
        assert _prove(tmp_path, WRAP, new, "chain2") == "EQUIVALENT"


@pytest.mark.yosys
def test_restyled_constant_add_chain_folded_and_proven(tmp_path):
    new = _opt(ADDS, "addchain", "d.sv")
    assert new is not None
    use = _after(new, "addchain")
    assert "57" in use and "t2" not in use, use
    assert _prove(tmp_path, ADDS, new, "addchain", sv=True) == "EQUIVALENT"


# signed: -128 * 5 = -640 fits 12 signed bits, then * 3 -> x * 15 (sext of a product that cannot wrap)
SIGNED = """
module sk #(parameter int IW = 8, parameter int OW = 11, parameter int K = 5)
           (input logic signed [IW-1:0] a, output logic signed [OW-1:0] p);
  assign p = a * $signed(K);
endmodule
module schain (input logic clk, input logic signed [7:0] x, output logic signed [15:0] q);
  logic signed [11:0] s1;
  logic signed [15:0] s2;
  sk #(.IW(8), .OW(12), .K(5)) u1 (.a(x), .p(s1));
  sk #(.IW(12), .OW(16), .K(3)) u2 (.a(s1), .p(s2));
  always_ff @(posedge clk) q <= s2;
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("wraps", [False, True])
def test_signed_product_chain(tmp_path, wraps):
    src = SIGNED
    if wraps:  # 10 signed bits: -640 wraps, so the chain is not x * 15
        src = src.replace("OW(12), .K(5)) u1", "OW(10), .K(5)) u1").replace("signed [11:0] s1", "signed [9:0] s1") \
            .replace("IW(12), .OW(16)", "IW(10), .OW(16)")
    new = _opt(src, "schain", "d.sv")
    assert new is not None or wraps
    if new is None:
        return
    use = _after(new, "schain")
    # folded: nothing is computed at the intermediate width (x * 5 in 10/12 bits) any more
    folded = re.search(r"wire \[(9|11):0\]", new[new.index("module schain"):]) is None
    assert "s2" not in use
    assert bool(folded) != wraps, new
    assert _prove(tmp_path, src, new, "schain", sv=True) == "EQUIVALENT"
