"""datapath_egraph: compares that need no datapath (rtlopt/egraph/signcmp.py).

r_product_sign: the sign / zero test of an exact product (`a*b < 0`, `<= 0`, `> 0`, `>= 0`, `== 0`,
`!= 0`, signed and unsigned) as tests of the operands; checked exhaustively in the e-graph for every
extension mix and width (a product that can wrap at its width must not fire), and on Verilog designs
(fire, proven, multiplier gone; near misses: a wrapping product, a signed test of an unsigned product
that reads as negative).
r_minmax_cmp: `min(a,b) < T` -> `a < T || b < T`, `max(a,b) < T` -> `a < T && b < T`, every direction,
min/max written with `<`, `<=`, `>` in either arm order; checked exhaustively in the e-graph and on an
SV design whose min is a child instance (fires, proven); near misses: a signed compare of an unsigned
min, a select whose arms are not the compared words."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph, saturate, to_signed
from rtlopt.egraph.signcmp import r_minmax_cmp, r_product_sign
from tests.test_egraph_scaled_cmp import _prove

OPS = ("ult", "ule", "slt", "sle", "eq", "ne")


def _mentions_mul(eg: EGraph, c: int, m: int) -> bool:
    """Every node of class c's cheapest reading mentions m: here simply whether some node of c is
    not a compare of m (the rule added an alternative without the product)."""
    return not any(n[0] in ("and", "or", "not", "xor", "const") for n in eg.nodes[eg.find(c)])


@pytest.mark.parametrize("ea,eb", list(itertools.product(("sext", "zext"), repeat=2)))
@pytest.mark.parametrize("W", [5, 6, 7, 8])
def test_product_sign_exhaustive(ea, eb, W):
    eg = EGraph()
    a, b = eg.add(("var", 3, "a")), eg.add(("var", 3, "b"))
    m = eg.add(("mul", W, None, eg.add((ea, W, None, a)), eg.add((eb, W, None, b))))
    z = eg.k(W, 0)
    cmps = {(o, side): eg.add((o, 1, None, m, z) if side == 0 else (o, 1, None, z, m)) for o in OPS for side in (0, 1)}
    saturate(eg, rules=[r_product_sign], max_iters=3, max_nodes=10 ** 6, time_s=60)
    env = [{"a": x, "b": y} for x in range(8) for y in range(8)]
    assert eg.check(env) == []
    ra = (-4, 3) if ea == "sext" else (0, 7)
    rb = (-4, 3) if eb == "sext" else (0, 7)
    prods = [x * y for x in range(ra[0], ra[1] + 1) for y in range(rb[0], rb[1] + 1)]
    s_exact = min(prods) >= -(1 << (W - 1)) and max(prods) < (1 << (W - 1))
    u_exact = min(prods) >= 0 and max(prods) < (1 << W)
    for (o, side), c in cmps.items():
        fired = not _mentions_mul(eg, c, m)
        trivial = (o, side) in (("ult", 0), ("ule", 1))  # m < 0, 0 <= m unsigned: constants
        if trivial:
            continue
        if o in ("slt", "sle"):
            want = s_exact
        elif o in ("eq", "ne") or (o, side) in (("ult", 1), ("ule", 0)):
            want = s_exact or u_exact
        assert fired == want, (o, side, W, ea, eb)


def test_wrapping_product_keeps_its_compare():
    """4-bit signed a*b at 7 bits reads -56..64 (exact at 8, not at 7): no rewrite, and the rewrite
    that would be made is refuted by some pair (the identity really fails)."""
    eg = EGraph()
    a, b = eg.add(("var", 4, "a")), eg.add(("var", 4, "b"))
    m = eg.add(("mul", 7, None, eg.add(("sext", 7, None, a)), eg.add(("sext", 7, None, b))))
    c = eg.add(("slt", 1, None, m, eg.k(7, 0)))
    saturate(eg, rules=[r_product_sign], max_iters=3)
    assert len(eg.nodes[eg.find(c)]) == 1
    bad = [(x, y) for x in range(-8, 8) for y in range(-8, 8)
           if (to_signed((x * y) & 127, 7) < 0) != (x * y < 0)]
    assert bad  # (-8) * (-8) = 64 reads -64 at 7 bits


def _minmax_graph(signed: bool, form: str):
    eg = EGraph()
    a, b, t = (eg.add(("var", 3, k)) for k in "abt")
    lt, le = ("slt", "sle") if signed else ("ult", "ule")
    forms = {
        "min_lt": (eg.add((lt, 1, None, a, b)), a, b),
        "min_le": (eg.add((le, 1, None, a, b)), a, b),
        "min_gt": (eg.add((lt, 1, None, b, a)), b, a),   # a > b ? b : a
        "max_lt": (eg.add((lt, 1, None, a, b)), b, a),   # a < b ? b : a
        "max_gt": (eg.add((lt, 1, None, b, a)), a, b),   # a > b ? a : b
        "max_not": (eg.add(("not", 1, None, eg.add((lt, 1, None, a, b)))), a, b),  # !(a < b) ? a : b
    }
    s, x, y = forms[form]
    mm = eg.add(("mux", 3, None, s, x, y))
    return eg, mm, t


@pytest.mark.parametrize("signed", [False, True], ids=["unsigned", "signed"])
@pytest.mark.parametrize("form", ["min_lt", "min_le", "min_gt", "max_lt", "max_gt", "max_not"])
def test_minmax_compare_exhaustive(signed, form):
    eg, mm, t = _minmax_graph(signed, form)
    ops = ("slt", "sle") if signed else ("ult", "ule")
    cmps = [eg.add((o, 1, None, mm, t)) for o in ops] + [eg.add((o, 1, None, t, mm)) for o in ops]
    saturate(eg, rules=[r_minmax_cmp], max_iters=3)
    env = [{"a": x, "b": y, "t": z} for x in range(8) for y in range(8) for z in range(8)]
    assert eg.check(env) == []
    for c in cmps:
        assert any(n[0] in ("and", "or") for n in eg.nodes[eg.find(c)]), form


@pytest.mark.parametrize("signed", [False, True], ids=["unsigned_min_signed_cmp", "signed_min_unsigned_cmp"])
def test_minmax_signedness_mismatch_does_not_fire(signed):
    eg, mm, t = _minmax_graph(signed, "min_lt")
    ops = ("ult", "ule") if signed else ("slt", "sle")  # the other signedness
    cmps = [eg.add((o, 1, None, mm, t)) for o in ops]
    saturate(eg, rules=[r_minmax_cmp], max_iters=3)
    assert all(len(eg.nodes[eg.find(c)]) == 1 for c in cmps)


def test_select_of_other_words_does_not_fire():
    eg = EGraph()
    a, b, c, t = (eg.add(("var", 3, k)) for k in "abct")
    mm = eg.add(("mux", 3, None, eg.add(("ult", 1, None, a, b)), a, c))  # a < b ? a : c
    cmp = eg.add(("ult", 1, None, mm, t))
    saturate(eg, rules=[r_minmax_cmp], max_iters=3)
    assert len(eg.nodes[eg.find(cmp)]) == 1


# ---- Verilog / SV designs with real Yosys ----------------------------------------------------------------

SIGN_V = """module sg(input signed [5:0] a, input signed [5:0] b, input [5:0] u, input [5:0] v,
          output neg, output pos, output nn, output z, output unz);
  wire signed [11:0] p = a * b;
  wire [11:0] q = u * v;
  assign neg = p < 0;
  assign pos = p > 12'sd0;
  assign nn = p >= 0;
  assign z = (a * b) == 12'sd0;
  assign unz = q != 0;
endmodule
"""

# SV: a function computing the product, read in an always_comb if
SIGN_SV = """module sgf(input logic signed [5:0] a, b, output logic [1:0] q);
  function automatic logic signed [11:0] prod(input logic signed [5:0] x, y);
    prod = x * y;
  endfunction
  always_comb begin
    if (prod(a, b) <= 0) q = 2'd1;
    else q = 2'd2;
  end
endmodule
"""

# near misses: the product truncated to 8 bits wraps; an unsigned product read signed can look negative
WRAP_V = """module sw(input signed [5:0] a, input signed [5:0] b, output neg);
  wire signed [7:0] p = a * b;
  assign neg = p < 0;
endmodule
"""
UNS_AS_SIGNED_V = """module su(input [5:0] a, input [5:0] b, output neg);
  wire [11:0] p = a * b;
  assign neg = $signed(p) < 0;
endmodule
"""

MIN_SV = """module mn #(parameter int W = 6) (input logic [W-1:0] a, b, output logic [W-1:0] y);
  always_comb y = (a > b) ? b : a;
endmodule
module mz(input logic [5:0] l, r, input logic [5:0] lim, output logic close, output logic far, output logic hi);
  logic [5:0] m;
  mn #(.W(6)) u_m (.a(l), .b(r), .y(m));
  wire [5:0] mx = (l < r) ? r : l;
  assign close = m < 6'd10;
  assign far = m >= lim;
  assign hi = mx > 6'd40;
endmodule
"""

MIN_MISMATCH_V = """module mm(input [5:0] a, input [5:0] b, input signed [5:0] t, output k);
  wire [5:0] m = (a < b) ? a : b;
  assign k = $signed(m) < t;
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("text,ext,top", [(SIGN_V, "v", "sg"), (SIGN_SV, "sv", "sgf")], ids=["assign", "sv_function"])
def test_product_sign_fires_and_is_proven(tmp_path: Path, text, ext, top):
    got = [g for g in optimize_text(text) if g[0] == top]
    assert got, "no rewrite"
    new = got[0][1]
    reads = [ln for ln in new.splitlines() if ("assign" in ln and "=" in ln) or "if (" in ln]
    assert reads and not any("*" in ln or "prod(" in ln or " p " in ln for ln in reads), new
    assert _prove(tmp_path, text, new, ext) == "EQUIVALENT", new


@pytest.mark.yosys
@pytest.mark.parametrize("text", [WRAP_V, UNS_AS_SIGNED_V], ids=["wrap", "unsigned_read_signed"])
def test_product_sign_near_misses(tmp_path: Path, text):
    for _m, new, _i in optimize_text(text):
        line = [ln for ln in new.splitlines() if "assign neg" in ln][0]
        assert "p" in line.split("=", 1)[1], new  # still the product's compare
        assert _prove(tmp_path, text, new, "v") == "EQUIVALENT", new


@pytest.mark.yosys
def test_min_max_compare_fires_through_a_child_and_is_proven(tmp_path: Path):
    got = [g for g in optimize_text(MIN_SV, "t.sv") if g[0] == "mz"]
    assert got, "no rewrite"
    new = got[0][1]
    for o in ("close", "far", "hi"):
        line = [ln for ln in new.splitlines() if f"assign {o}" in ln][0]
        assert "l" in line.split("=", 1)[1] and "r" in line.split("=", 1)[1], new
        assert " m " not in line and "mx" not in line, new
    assert _prove(tmp_path, MIN_SV, new, "sv") == "EQUIVALENT", new


@pytest.mark.yosys
def test_min_compare_of_other_signedness_is_kept(tmp_path: Path):
    for _m, new, _i in optimize_text(MIN_MISMATCH_V):
        line = [ln for ln in new.splitlines() if "assign k" in ln][0]
        assert "m" in line.split("=", 1)[1], new
        assert _prove(tmp_path, MIN_MISMATCH_V, new, "v") == "EQUIVALENT", new


GEN = {"polarity_v/original.v": ("polarity", "exp_w = {"),
       "sign_quadrant_sv/original.sv": ("quadrant", "assign live = (|mag_a) & (|mag_b);"),
       "minmax_gate_sv/original.sv": ("level_gate", "ch1"),
       "minmax_func_v/original.v": ("temp_alarm", "t_b")}


@pytest.mark.parametrize("path", sorted(GEN))
def test_generalization_designs_fire(path):
    """Own designs (Verilog constant loop over packed lanes; SV function in an always_comb if chain; SV
    min in a child instance and max in an always_comb; Verilog function with if/else computing a
    signed min): the product / min / max is gone from the compares, modelled cost down by > 15%."""
    top, expect = GEN[path]
    f = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "signcmp" / path
    got = [g for g in optimize_text(f.read_text(), str(f)) if g[0] == top]
    assert got, "no rewrite"
    _m, new, info = got[0]
    assert info["model_after"] < info["model_before"] * 0.85, info
    assert expect in new, new
    assert "*" not in "".join(ln for ln in new.splitlines() if "=" in ln and "//" not in ln and "xprod =" not in ln)


# one module, two instances with different thresholds: the thresholds stay parameters in the rewrite
PARAM_SV = """module zone #(parameter logic [7:0] LIM = 8'd40) (input logic [7:0] a, b, output logic near);
  logic [7:0] m;
  assign m = (a < b) ? a : b;
  assign near = m < LIM;
endmodule
module two(input logic [7:0] p, q, r, s, output logic n0, n1);
  zone #(.LIM(8'd40)) u0 (.a(p), .b(q), .near(n0));
  zone #(.LIM(8'd90)) u1 (.a(r), .b(s), .near(n1));
endmodule
"""

# near miss: the instances differ in a width, so the rewritten texts differ: no rewrite of the module
WIDTH_V = """module sz #(parameter W = 6) (input signed [W-1:0] a, input signed [W-1:0] b, output neg);
  wire signed [2*W-1:0] p = a * b;
  assign neg = p < 0;
endmodule
module twow(input signed [5:0] a, input signed [5:0] b, input signed [7:0] c, input signed [7:0] d,
            output n0, output n1);
  sz #(.W(6)) u0 (.a(a), .b(b), .neg(n0));
  sz #(.W(8)) u1 (.a(c), .b(d), .neg(n1));
endmodule
"""


@pytest.mark.yosys
def test_parameters_that_differ_between_instances_stay_names(tmp_path: Path):
    got = [g for g in optimize_text(PARAM_SV, "t.sv") if g[0] == "zone"]
    assert got, "no rewrite"
    new = got[0][1]
    line = [ln for ln in new.splitlines() if "assign near" in ln][0]
    assert "LIM" in line and "8'd40" not in line and " m " not in line, new
    assert _prove(tmp_path, PARAM_SV, new, "sv") == "EQUIVALENT", new


def test_rewrite_that_depends_on_a_differing_width_is_not_offered():
    got = [g for g in optimize_text(WIDTH_V) if g[0] == "sz"]
    for _m, new, _i in got:  # only a text that is the same for W = 6 and W = 8
        assert "5:0" not in new and "7:0" not in new.split("module twow")[0], new
