"""datapath_egraph: `(x + j) * (y + k)` beside `x * y` -> `x*y + k*x + j*y + j*k` sharing the product
(rtlopt/egraph/shiftdist.py r_offset_product), also when `x*y` is an exact narrower product of the
zero-extended words. Exhaustive in the e-graph; near miss: no `x*y` computed elsewhere (no rewrite);
Verilog and SV designs with real Yosys (one multiplier left, proven)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph, saturate
from rtlopt.egraph.shiftdist import r_offset_product
from tests.test_egraph_scaled_cmp import _prove


@pytest.mark.parametrize("narrow", [False, True], ids=["same_width", "narrow_product"])
def test_offset_product_exhaustive(narrow):
    eg = EGraph()
    x, y = eg.add(("var", 3, "x")), eg.add(("var", 3, "y"))
    W = 8
    xz, yz = eg.add(("zext", W, None, x)), eg.add(("zext", W, None, y))
    if narrow:
        plain = eg.add(("mul", 6, None, eg.add(("zext", 6, None, x)), eg.add(("zext", 6, None, y))))
    else:
        plain = eg.add(("mul", W, None, xz, yz))
    off = eg.add(("mul", W, None, eg.add(("add", W, None, xz, eg.k(W, 1))), eg.add(("add", W, None, yz, eg.k(W, 3)))))
    saturate(eg, rules=[r_offset_product], max_iters=3)
    assert eg.check([{"x": a, "y": b} for a in range(8) for b in range(8)]) == []
    assert any(n[0] == "add" for n in eg.nodes[eg.find(off)])
    assert plain is not None


def test_alone_does_not_fire():
    eg = EGraph()
    x, y = eg.add(("var", 3, "x")), eg.add(("var", 3, "y"))
    xz, yz = eg.add(("zext", 8, None, x)), eg.add(("zext", 8, None, y))
    off = eg.add(("mul", 8, None, eg.add(("add", 8, None, xz, eg.k(8, 1))), eg.add(("add", 8, None, yz, eg.k(8, 1)))))
    saturate(eg, rules=[r_offset_product], max_iters=3)
    assert len(eg.nodes[eg.find(off)]) == 1


AREA_V = """module ar(input [4:0] w, input [4:0] h, output [9:0] inner, output [11:0] outer);
  assign inner = w * h;
  assign outer = (w + 12'd1) * (h + 12'd1);
endmodule
"""

AREA_SV = """module ar2(input logic [4:0] a, b, output logic [11:0] tot, output logic [9:0] core);
  logic [5:0] a2, b2;
  always_comb begin
    a2 = a + 6'd2;
    b2 = b + 6'd1;
    core = a * b;
    tot = a2 * b2;
  end
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("text,ext,top", [(AREA_V, "v", "ar"), (AREA_SV, "sv", "ar2")], ids=["v", "sv_always_comb"])
def test_offset_product_fires_and_is_proven(tmp_path: Path, text, ext, top):
    got = [g for g in optimize_text(text, f"t.{ext}") if g[0] == top]
    assert got, "no rewrite"
    new = got[0][1]
    body = new.split(");", 1)[1]
    # one product of two variables left (a constant multiple such as b * 2 is a shift)
    assert len(re.findall(r"[\w)]\s*\*\s*[a-z(]", body)) == 1, new
    assert _prove(tmp_path, text, new, ext) == "EQUIVALENT", new


GEN = {"tile_count_v/original.v": ("tile_count", "(n + 1'b1) * (m + 1'b1)"),
       "frame_size_sv/original.sv": ("frame_size", "area(hact + 8'd4, vact + 8'd4)")}


@pytest.mark.parametrize("path", sorted(GEN))
def test_generalization_designs_fire(path):
    """Own designs (Verilog always block; SV function called on offset words): the offset product
    is gone, modelled cost down by > 15%."""
    top, gone = GEN[path]
    f = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "offsetprod" / path
    got = [g for g in optimize_text(f.read_text(), str(f)) if g[0] == top]
    assert got, "no rewrite"
    _m, new, info = got[0]
    assert info["model_after"] < info["model_before"] * 0.85, info
    assert gone not in new, new
