"""datapath_egraph r_abs_square and r_rot_compose.

- r_abs_square: the square of a difference d = p - q of two w-bit values held in w+1 bits is the square of
  its w-bit magnitude (borrow ? -d[w-1:0] : d[w-1:0]) with an unsigned multiplier; a difference held in w
  bits (it wraps) must not be rewritten.
- r_rot_compose: two left rotates written as double-width shifts ({x, x} << n)[2W-1:W] compose into one
  rotate by the sum of the amounts mod W (W a power of two, 2^width(n) <= W); an amount as wide as the
  word (not a rotate) or W = 12 must not be composed.
- r_leak_shift: (a * ((1 << k) - 1) + x) >> k with a run-time k is a + ((x - a) >>> k) when the sum does
  not wrap at its width; a sum kept two bits too narrow must not be rewritten.
- r_neg_mul: (-s)*g = -(s*g), and sext(-s) = -sext(s) when s is never the most negative word, so x + s*g
  and x + (-s)*g share one product; a negation that may wrap (s a full-range word) must not be shared.
Checked exhaustively in the e-graph; assign, always_comb, function and instance designs fire and are proven
by ABC (the registered ones by the default engines); near misses do not fire."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph, r_abs_square, r_leak_shift, r_neg_mul, r_rot_compose, saturate

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs/generalization/datapath"

SQ_FN_V = """module sqf (input [4:0] a, input [4:0] b, input clk, output reg [9:0] y);
  function [9:0] sqd;
    input [4:0] p, q;
    reg signed [5:0] t;
    begin
      t = $signed({1'b0, p}) - $signed({1'b0, q});
      sqd = t * t;
    end
  endfunction
  always @(posedge clk) y <= sqd(b, a);
endmodule
"""

# the difference of two 6-bit words kept in 6 bits wraps: no borrow bit, |d| is not d's magnitude
SQ_WRAP = """module sqnm (input [5:0] a, input [5:0] b, output [11:0] y);
  wire signed [5:0] d = a - b;
  wire signed [11:0] p = d * d;
  assign y = p;
endmodule
"""

# a 4-bit amount on an 8-bit word: {v, v} << 9 is not a rotate
ROT_WIDE_AMT = """module rotnm (input [7:0] v, input [3:0] b, input [2:0] c, output [7:0] y);
  wire [15:0] d1 = {v, v} << b;
  wire [7:0]  r1 = d1[15:8];
  wire [15:0] d2 = {r1, r1} << c;
  assign y = d2[15:8];
endmodule
"""

# W = 12 is not a power of two: (b + c) mod 12 is not a 3-bit sum
ROT_W12 = """module rotnm12 (input [11:0] v, input [2:0] b, input [2:0] c, output [11:0] y);
  wire [23:0] d1 = {v, v} << b;
  wire [11:0] r1 = d1[23:12];
  wire [23:0] d2 = {r1, r1} << c;
  assign y = d2[23:12];
endmodule
"""

# the 16-bit sum kept in 14 bits: acc * 127 + din wraps, the leaky form would differ
LEAK_NARROW = """module leaknm (input clk, input rst, input [2:0] sh, input [7:0] din, output reg [7:0] acc);
  wire [13:0] t = acc * ((14'd1 << sh) - 14'd1) + din;
  always @(posedge clk)
    if (rst) acc <= 8'd0;
    else     acc <= t >> sh;
endmodule
"""

# sn = -s at s's own 7 bits: -(-64) wraps to -64, so (-s)*g is not -(s*g)
NEG_WRAP = """module pannm (input signed [6:0] s, input [4:0] g, input signed [7:0] c, input clk,
              output reg signed [13:0] yl, output reg signed [13:0] yr);
  wire signed [6:0] sn = -s;
  wire signed [5:0] gs = $signed({1'b0, g});
  wire signed [13:0] pl = s * gs;
  wire signed [13:0] pr = sn * gs;
  always @(posedge clk) begin
    yl <= c + pl;
    yr <= c + pr;
  end
endmodule
"""

SQ_RE = re.compile(r"\beg_\d+ \* eg_\d+\b|\(\d+\)'\(eg_\d+\) \* ")
ROT_RE = re.compile(r"<< \([^()]*\+[^()]*\)")
NEG_RE = re.compile(r"- \$unsigned\((pl|p1)\)")
LEAK_RE = re.compile(r"\$signed\(eg_\d+\) >>> ")


def _rewritten(text: str, name: str, pat: re.Pattern) -> str | None:
    for _m, new, _i in optimize_text(text, name=name):
        if pat.search(new):
            return new
    return None


def _sq_graph(wide_operands: bool):
    eg = EGraph()
    if wide_operands:  # 5-bit operands in a 5-bit difference: may wrap
        p, q = eg.add(("var", 5, "p")), eg.add(("var", 5, "q"))
    else:
        p, q = (eg.add(("zext", 5, None, eg.add(("var", 4, k)))) for k in "pq")
    d = eg.add(("sub", 5, None, p, q))
    s = eg.add(("sext", 12, None, d))
    root = eg.add(("mul", 12, None, s, s))
    return eg, root


def test_abs_square_exhaustive():
    eg, root = _sq_graph(False)
    saturate(eg, rules=[r_abs_square], max_iters=3, max_nodes=100000, time_s=30)
    assert any(m[0] == "mul" and eg.has(m[3], "zext") for m in eg.nodes[eg.find(root)])
    assert eg.check([{"p": x, "q": y} for x in range(16) for y in range(16)]) == []


def test_abs_square_wrapping_difference_does_not_fire():
    eg, root = _sq_graph(True)
    before = eg.size()
    saturate(eg, rules=[r_abs_square], max_iters=3)
    assert eg.size() == before


def _rot(eg, x, amt, W):
    dbl = eg.add(("concat", 2 * W, None, x, x))
    return eg.add(("trunc", W, None, eg.add(("lshr", 2 * W, W, eg.add(("shlv", 2 * W, None, dbl, amt))))))


def _rot_graph(W: int, sw: int):
    eg = EGraph()
    v, b, c = eg.add(("var", W, "v")), eg.add(("var", sw, "b")), eg.add(("var", sw, "c"))
    root = _rot(eg, _rot(eg, v, b, W), c, W)
    return eg, root


def test_rot_compose_exhaustive():
    eg, root = _rot_graph(8, 3)
    saturate(eg, rules=[r_rot_compose], max_iters=4, max_nodes=100000, time_s=30)
    adds = [m for m in eg.nodes[eg.find(root)] if m[0] == "trunc" for s in eg.has(m[3], "lshr")
            for v in eg.has(s[3], "shlv") if eg.has(v[4], "add")]
    assert adds, "no composed rotate"
    assert eg.check([{"v": x, "b": i, "c": j} for x in range(0, 256, 7) for i in range(8) for j in range(8)]) == []


@pytest.mark.parametrize("W,sw", [(8, 4), (12, 3)])
def test_rot_compose_near_miss_graph(W, sw):
    eg, root = _rot_graph(W, sw)
    before = eg.size()
    saturate(eg, rules=[r_rot_compose], max_iters=4)
    assert eg.size() == before


def _leak_graph(P: int):
    eg = EGraph()
    a = eg.add(("zext", P, None, eg.add(("var", 4, "a"))))
    x = eg.add(("zext", P, None, eg.add(("var", 4, "x"))))
    k = eg.add(("var", 2, "k"))
    t = eg.add(("sub", P, None, eg.add(("shlv", P, None, eg.k(P, 1), k)), eg.k(P, 1)))
    root = eg.add(("lshrv", P, None, eg.add(("add", P, None, eg.add(("mul", P, None, a, t)), x)), k))
    return eg, root


def test_leak_shift_exhaustive():
    eg, root = _leak_graph(8)  # 4 + 3 + 1 bits: exact
    saturate(eg, rules=[r_leak_shift], max_iters=3, max_nodes=100000, time_s=30)
    assert any(m[0] == "add" for m in eg.nodes[eg.find(root)])
    assert eg.check([{"a": i, "x": j, "k": e} for i in range(16) for j in range(16) for e in range(4)]) == []


def test_leak_shift_narrow_sum_does_not_fire():
    eg, root = _leak_graph(7)
    before = eg.size()
    saturate(eg, rules=[r_leak_shift], max_iters=3)
    assert eg.size() == before


@pytest.mark.parametrize("ext", [True, False])
def test_neg_mul_exhaustive(ext):
    """sext_8(-s) * g with s a sign-extended 4-bit word (5 bits: no wrap) or a full 5-bit word."""
    eg = EGraph()
    s0 = eg.add(("var", 4 if ext else 5, "s"))
    s = eg.add(("sext", 5, None, s0)) if ext else s0
    g = eg.add(("zext", 8, None, eg.add(("var", 3, "g"))))
    root = eg.add(("mul", 8, None, eg.add(("sext", 8, None, eg.add(("neg", 5, None, s)))), g))
    saturate(eg, rules=[r_neg_mul], max_iters=3, max_nodes=100000, time_s=30)
    shared = any(eg.has(m[3], "mul") for m in eg.has(root, "neg"))
    assert shared == ext
    assert eg.check([{"s": i, "g": j} for i in range(32) for j in range(8)]) == []


@pytest.mark.yosys
@pytest.mark.parametrize("case,top,suffix,pat", [
    ("abssq_diff_assign_v", "sqdist", ".v", SQ_RE),
    ("abssq_diff_comb_sv", "sqdist_sv", ".sv", SQ_RE),
    (None, "sqf", ".v", SQ_RE),
    ("rotcompose_shift_v", "rot2", ".v", ROT_RE),
    ("rotcompose_inst_sv", "rot2_sv", ".sv", ROT_RE),
    ("leakshift_assign_v", "leaky", ".v", LEAK_RE),
    ("leakshift_fn_sv", "leaky_sv", ".sv", LEAK_RE),
    ("negshare_assign_v", "pan", ".v", NEG_RE),
    ("negshare_inst_sv", "pan_sv", ".sv", NEG_RE),
])
def test_fires_and_proves(tmp_path, case, top, suffix, pat):
    text = SQ_FN_V if case is None else (GEN / case / ("original" + suffix)).read_text()
    new = _rewritten(text, "d" + suffix, pat)
    assert new is not None
    old = tmp_path / ("old" + suffix)
    old.write_text(text)
    if "posedge" not in text:
        assert abc_verdict(tmp_path, old, new, top, timeout_s=300) == "EQUIVALENT"
        return
    # registered designs: the default engine portfolio (sequential checks)
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence
    g = tmp_path / ("new" + suffix)
    g.write_text(new)
    res = check_equivalence(DesignRef([old], top), DesignRef([g], top), VerifyOptions(timeout_s=300))
    assert res.verdict == "EQUIVALENT"


@pytest.mark.parametrize("text,pat", [(SQ_WRAP, SQ_RE), (ROT_WIDE_AMT, ROT_RE), (ROT_W12, ROT_RE),
                                      (LEAK_NARROW, LEAK_RE), (NEG_WRAP, NEG_RE)])
def test_near_misses_do_not_fire(text, pat):
    assert _rewritten(text, "n.v", pat) is None
