"""datapath_egraph r_rotate: ``(x << n) | (x >> (W - n))`` and ``(x >> n) | (x << (W - n))`` with n
narrower than W are rotates (n = 0 gives x | 0); each becomes a logarithmic rotator, and a left and a
right rotate of one x in the arms of a mux share one rotator on ``d ? -n : n`` (right = left by -n when
W = 2^width(n)). Checked exhaustively in the e-graph; a Verilog design and an SV always_comb design fire
and are proven; a W - n with another W, an amount as wide as W (n >= W makes the pair 0) and a right
rotate of a width that is not a power of two do not become rotators."""

from __future__ import annotations

import pytest
from _proof import abc_verdict

from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph, r_rotate, saturate

ROT_V = """module rv (input [15:0] x, input [3:0] n, input d, output [15:0] y);
  wire [15:0] l = (x << n) | (x >> (16 - n));
  wire [15:0] r = (x << (5'd16 - n)) | (x >> n);
  assign y = d ? r : l;
endmodule
"""

ROT_SV = """module rs #(parameter int W = 8) (input logic [W-1:0] a, input logic [2:0] k, input logic right,
    output logic [W-1:0] q);
  always_comb begin
    if (right) q = (a >> k) | (a << (W - k));
    else q = (a >> (W - k)) | (a << k);
  end
endmodule
"""

OTHER_W = """module nm1 (input [7:0] x, input [2:0] n, output [7:0] y);
  assign y = (x << n) | (x >> (7 - n));
endmodule
"""

WIDE_N = """module nm2 (input [7:0] x, input [3:0] n, output [7:0] y);
  assign y = (x << n) | (x >> (8 - n));
endmodule
"""


def _rot(eg, x, amt, W, right):
    wm = 8
    m = eg.add(("sub", wm, None, eg.k(wm, W), eg.add(("zext", wm, None, amt))))
    if right:
        return eg.add(("or", W, None, eg.add(("lshrv", W, None, x, amt)), eg.add(("shlv", W, None, x, m))))
    return eg.add(("or", W, None, eg.add(("shlv", W, None, x, amt)), eg.add(("lshrv", W, None, x, m))))


def _has_barrel(eg, c) -> bool:
    return any(m[0] == "mux" and eg.has(m[4], "concat") for m in eg.nodes[eg.find(c)])


@pytest.mark.parametrize("W,sw", [(8, 3), (6, 2)])
def test_rotate_exhaustive(W, sw):
    eg = EGraph()
    x, n, d = eg.add(("var", W, "x")), eg.add(("var", sw, "n")), eg.add(("var", 1, "d"))
    lft, rgt = _rot(eg, x, n, W, False), _rot(eg, x, n, W, True)
    y = eg.add(("mux", W, None, d, rgt, lft))
    saturate(eg, rules=[r_rotate], max_iters=3, max_nodes=100000, time_s=30)
    assert _has_barrel(eg, lft)
    # a right rotate by -n needs W = 2^width(n); W = 6 keeps the shift pair
    assert _has_barrel(eg, rgt) == (1 << sw == W) and _has_barrel(eg, y) == (1 << sw == W)
    assert eg.check([{"x": v, "n": k, "d": dd} for v in range(1 << W) for k in range(1 << sw)
                     for dd in (0, 1)]) == []


def test_amount_as_wide_as_w_is_not_a_rotate():
    """n of 4 bits on an 8-bit word: n >= 8 gives 0, not a rotate."""
    eg = EGraph()
    x, n = eg.add(("var", 8, "x")), eg.add(("var", 4, "n"))
    c = _rot(eg, x, n, 8, False)
    saturate(eg, rules=[r_rotate], max_iters=2)
    assert not _has_barrel(eg, c)


@pytest.mark.yosys
@pytest.mark.parametrize("text,top,suffix", [(ROT_V, "rv", ".v"), (ROT_SV, "rs", ".sv")])
def test_rotator_fires_and_proves(tmp_path, text, top, suffix):
    got = [(new, i) for _m, new, i in optimize_text(text, name="r" + suffix)]
    assert got
    new, info = got[0]
    assert "{" in new and "?" in new  # rotation stages: concatenations selected per amount bit
    assert info["model_after"] < info["model_before"] * 0.6
    old = tmp_path / ("old" + suffix)
    old.write_text(text)
    assert abc_verdict(tmp_path, old, new, top, timeout_s=300) == "EQUIVALENT"


@pytest.mark.parametrize("text", [OTHER_W, WIDE_N])
def test_near_misses_do_not_fire(text):
    for _m, new, _i in optimize_text(text, name="n.v"):
        assert "{" not in new
