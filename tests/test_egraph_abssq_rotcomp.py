"""datapath_egraph r_abs_square and r_rot_compose.

- r_abs_square: the square of a difference d = p - q of two w-bit values held in w+1 bits is the square of
  its w-bit magnitude (borrow ? -d[w-1:0] : d[w-1:0]) with an unsigned multiplier; a difference held in w
  bits (it wraps) must not be rewritten.
- r_rot_compose: two left rotates written as double-width shifts ({x, x} << n)[2W-1:W] compose into one
  rotate by the sum of the amounts mod W (W a power of two, 2^width(n) <= W); an amount as wide as the
  word (not a rotate) or W = 12 must not be composed.
Checked exhaustively in the e-graph; assign, always_comb, function and instance designs fire and are proven
by ABC (the registered ones by the default engines); near misses do not fire."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph, r_abs_square, r_rot_compose, saturate

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

SQ_RE = re.compile(r"\beg_\d+ \* eg_\d+\b|\(\d+\)'\(eg_\d+\) \* ")
ROT_RE = re.compile(r"<< \([^()]*\+[^()]*\)")


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


@pytest.mark.yosys
@pytest.mark.parametrize("case,top,suffix,pat", [
    ("abssq_diff_assign_v", "sqdist", ".v", SQ_RE),
    ("abssq_diff_comb_sv", "sqdist_sv", ".sv", SQ_RE),
    (None, "sqf", ".v", SQ_RE),
    ("rotcompose_shift_v", "rot2", ".v", ROT_RE),
    ("rotcompose_inst_sv", "rot2_sv", ".sv", ROT_RE),
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


@pytest.mark.parametrize("text,pat", [(SQ_WRAP, SQ_RE), (ROT_WIDE_AMT, ROT_RE), (ROT_W12, ROT_RE)])
def test_near_misses_do_not_fire(text, pat):
    assert _rewritten(text, "n.v", pat) is None
