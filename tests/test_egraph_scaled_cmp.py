"""datapath_egraph: a comparison of a scaled value with a constant compares the unscaled value
(x*C + D < K is x < ceil((K - D) / C) when no step wraps at its width; likewise <=, >, >=, ==, !=,
signed and unsigned). Checked exhaustively in the e-graph (every threshold, every operator, both
signednesses, chains of multiply / shift / add / subtract and extensions), and on Verilog assign,
SV always_comb if and SV function designs (fire, proven, multiplier gone); near misses: a product
truncated to a narrow context width (it wraps), a signed product compared unsigned, a negative factor."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph, saturate
from rtlopt.egraph.scaledcmp import r_scaled_cmp

OPS = ("ult", "ule", "slt", "sle", "eq", "ne")


def _chain(eg: EGraph, x: int, form: str, signed: bool) -> int:
    ext = "sext" if signed else "zext"
    wx = eg.w(x)
    if form == "mul":  # x * 5 at 8 bits (exact: 4-bit x)
        return eg.add(("mul", 8, None, eg.add((ext, 8, None, x)), eg.k(8, 5)))
    if form == "mul_add":  # x * 3 + 7 (or - 7 signed)
        m = eg.add(("mul", 8, None, eg.add((ext, 8, None, x)), eg.k(8, 3)))
        return eg.add(("add", 8, None, m, eg.k(8, -7 if signed else 7)))
    if form == "shl_sub":  # (x << 2) - 3, then widened
        s = eg.add(("shl", 8, 2, eg.add((ext, 8, None, x))))
        d = eg.add(("sub", 8, None, s, eg.k(8, 3 if signed else 0)))  # x << 2 - 3 wraps unsigned at x = 0
        return eg.add((ext, 10, None, d))
    assert form == "wrap"  # x * 37 at 8 bits wraps
    return eg.add(("mul", 8, None, eg.add((ext, 8, None, x)), eg.k(8, 37 if wx == 4 else 3)))


@pytest.mark.parametrize("signed", [False, True], ids=["unsigned", "signed"])
@pytest.mark.parametrize("form", ["mul", "mul_add", "shl_sub"])
def test_every_threshold_exhaustive(form, signed):
    eg = EGraph()
    x = eg.add(("var", 4, "x"))
    v = _chain(eg, x, form, signed)
    w = eg.w(v)
    cmps = []
    ops = ("slt", "sle", "eq", "ne") if signed else ("ult", "ule", "eq", "ne")
    ks = range(1 << w) if w <= 8 else [*range(0, 1 << w, 5), *range((1 << w) - 80, 1 << w)]
    for k in ks:
        kc = eg.k(w, k)
        for op in ops:
            cmps += [eg.add((op, 1, None, v, kc)), eg.add((op, 1, None, kc, v))]
    saturate(eg, rules=[r_scaled_cmp], max_iters=3, max_nodes=10 ** 6, time_s=60)
    assert eg.check([{"x": a} for a in range(16)]) == []

    def direct(c):  # a comparison of x (4 bits) itself, or a constant
        return any(n[0] == "const" or (n[0] in OPS and x in {eg.find(a) for a in n[3:]})
                   for n in eg.nodes[eg.find(c)])
    assert all(direct(c) for c in cmps)


@pytest.mark.parametrize("signed", [False, True], ids=["unsigned", "signed"])
def test_wrapping_product_does_not_fire(signed):
    eg = EGraph()
    x = eg.add(("var", 4, "x"))
    v = _chain(eg, x, "wrap", signed)
    cmps = [eg.add((op, 1, None, v, eg.k(8, k))) for op in OPS for k in (20, 100, 200)]
    saturate(eg, rules=[r_scaled_cmp], max_iters=3)
    for c in cmps:
        assert not any(n[0] in OPS and eg.find(x) in {eg.find(a) for a in n[3:]} for n in eg.nodes[eg.find(c)])


ASSIGN = """module keyer(input [7:0] r, input [9:0] g, output kr, output kg, output kb, output ke);
  wire [15:0] sr = r * 37;
  wire [17:0] sg = g * 11 + 5;
  assign kr = sr < 2900;
  assign kg = sg > 18'd7100;
  assign kb = (r << 3) >= 16'd900;
  assign ke = sr == 16'd2590;
endmodule
"""

COMB_IF = """module lvl(input logic signed [9:0] t, input logic [6:0] u, output logic hot, output logic [1:0] band);
  logic signed [15:0] st;
  always_comb begin
    st = t * 16'sd13;
    if (st > -16'sd200) hot = 1'b1;
    else hot = 1'b0;
  end
  function automatic logic [12:0] scale(input logic [6:0] a);
    scale = a * 13'd45 + 13'd20;
  endfunction
  assign band[0] = scale(u) <= 13'd3000;
  assign band[1] = scale(u) > 13'd5000;
endmodule
"""

# the product truncated to 8 bits wraps: r * 37 > 100 is not r > 2
TRUNC = """module tr(input [7:0] r, output k);
  wire [7:0] s = r * 37;
  assign k = s > 8'd100;
endmodule
"""

# a signed product compared unsigned: negative products are large
SIGNED_AS_UNSIGNED = """module su(input signed [7:0] a, output k);
  wire signed [15:0] p = a * 16'sd5;
  assign k = p > 16'd300;
endmodule
"""

# a negative factor reverses the order
NEG_FACTOR = """module nf(input signed [7:0] a, output k);
  wire signed [15:0] p = a * -16'sd5;
  assign k = p > 16'sd300;
endmodule
"""


def _prove(tmp_path: Path, gold: str, gate: str, ext: str) -> str:
    from rtlopt.verify import VerifyOptions, check_equivalence

    for d, t in (("gold", gold), ("gate", gate)):
        (tmp_path / d).mkdir(exist_ok=True)
        (tmp_path / d / f"t.{ext}").write_text(t)
    r = check_equivalence(open_design(tmp_path / "gold" / f"t.{ext}"), open_design(tmp_path / "gate" / f"t.{ext}"),
                          VerifyOptions(timeout_s=120))
    return r.verdict.name


@pytest.mark.yosys
@pytest.mark.parametrize("text,ext,outs", [(ASSIGN, "v", ("kr =", "kg =", "kb =", "ke =")),
                                           (COMB_IF, "sv", ("hot", "band[0]", "band[1]"))],
                         ids=["assign", "always_comb_if_function"])
def test_scaled_compare_fires_and_is_proven(tmp_path: Path, text, ext, outs):
    got = optimize_text(text)
    assert got, "no rewrite"
    new = got[0][1]
    body = [ln for ln in new.splitlines() if any(o in ln for o in outs) and ("<" in ln or ">" in ln or "=" in ln)]
    assert body and not any("*" in ln or "scale(" in ln for ln in body if "assign" in ln), new
    assert _prove(tmp_path, text, new, ext) == "EQUIVALENT", new


@pytest.mark.yosys
@pytest.mark.parametrize("text", [TRUNC, SIGNED_AS_UNSIGNED, NEG_FACTOR], ids=["trunc", "signed_as_unsigned", "neg"])
def test_near_misses_keep_the_product_or_are_proven(tmp_path: Path, text):
    for _m, new, _i in optimize_text(text):
        cmp_line = [ln for ln in new.splitlines() if "assign k" in ln][0]
        assert "s >" in cmp_line or "p >" in cmp_line, new  # still the product's compare
        assert _prove(tmp_path, text, new, "v") == "EQUIVALENT", new


DESIGNS = {"dose_limit_v/original.v": ("dose_limit", "s0 < 9'd56"),
           "fan_curve_sv/original.sv": ("fan_curve", "duty_fb < 6'd9"),
           "louder_mic_v/original.v": ("louder_mic", "(pick_l ? env_l : env_r) * pga"),
           "loadbal_sv/original.sv": ("loadbal", "pick1 = q1 < q0")}


@pytest.mark.parametrize("path", sorted(DESIGNS))
def test_generalization_designs_fire(path):
    """The own designs (parameterized Verilog instances; SV function in an always_comb if chain; two
    instances scaling by a shared gain; an SV function summing a shared term): the top compares the
    unscaled inputs, the modelled cost drops by more than 40%."""
    top, expect = DESIGNS[path]
    f = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "scaledcmp" / path
    got = optimize_text(f.read_text(), str(f))
    tops = [(m, new, i) for m, new, i in got if m == top]
    assert tops, got
    _m, new, info = tops[0]
    assert info["model_after"] < info["model_before"] * 0.6, info
    assert expect in new, new


# ---- two products with a common non-negative factor, two sums with a common term (r_common_cmp) ----

@pytest.mark.parametrize("kind", ["mul", "mul_signed", "add", "add_signed"])
def test_common_factor_exhaustive(kind):
    from rtlopt.egraph.scaledcmp import r_common_cmp

    eg = EGraph()
    a, b = eg.add(("var", 3, "a")), eg.add(("var", 3, "b"))
    g = eg.add(("var", 3, "g"))
    signed = kind.endswith("signed")
    ext = "sext" if signed else "zext"
    op = "mul" if kind.startswith("mul") else "add"
    # signed: a, b signed, g zero-extended (non-negative); 8 bits hold every product / sum exactly
    pa = eg.add((op, 8, None, eg.add((ext, 8, None, a)), eg.add(("zext", 8, None, g))))
    pb = eg.add((op, 8, None, eg.add(("zext", 8, None, g)), eg.add((ext, 8, None, b))))
    ops = ("slt", "sle", "eq", "ne") if signed else ("ult", "ule", "eq", "ne")
    cmps = [eg.add((o, 1, None, x, y)) for o in ops for x, y in ((pa, pb), (pb, pa))]
    saturate(eg, rules=[r_common_cmp], max_iters=2)
    env = [{"a": x, "b": y, "g": z} for x in range(8) for y in range(8) for z in range(8)]
    assert eg.check(env) == []
    assert all(any(n[0] in ("and", "or") or (n[0] in OPS and eg.find(n[3]) not in (eg.find(pa), eg.find(pb)))
                   for n in eg.nodes[eg.find(c)]) for c in cmps)


@pytest.mark.parametrize("case", ["wrap", "signed_factor"])
def test_common_factor_near_misses_do_not_fire(case):
    from rtlopt.egraph.scaledcmp import r_common_cmp

    eg = EGraph()
    a, b, g = (eg.add(("var", 4, n)) for n in "abg")
    if case == "wrap":  # 4-bit by 4-bit products kept at 6 bits wrap
        za, zb, zg = (eg.add(("zext", 6, None, v)) for v in (a, b, g))
        pa, pb, op = eg.add(("mul", 6, None, za, zg)), eg.add(("mul", 6, None, zb, zg)), "ult"
    else:  # a signed factor that may be negative reverses the order
        sa, sb, sg = (eg.add(("sext", 8, None, v)) for v in (a, b, g))
        pa, pb, op = eg.add(("mul", 8, None, sa, sg)), eg.add(("mul", 8, None, sb, sg)), "slt"
    c = eg.add((op, 1, None, pa, pb))
    saturate(eg, rules=[r_common_cmp], max_iters=2)
    assert [n for n in eg.nodes[eg.find(c)] if n[0] != op or eg.find(n[3]) != eg.find(pa)] == []


PICK_V = """module pick(input [5:0] a, input [5:0] b, input [3:0] g, output sel, output [9:0] best);
  wire [9:0] pa = a * g;
  wire [9:0] pb = b * g;
  assign sel = pa > pb;
  assign best = sel ? pa : pb;
endmodule
"""

PICK_SV = """module picks(input logic signed [5:0] a, b, input logic [3:0] g, input logic [7:0] c,
    output logic le, output logic eqs, output logic hi);
  function automatic logic signed [11:0] sc(input logic signed [5:0] v, input logic [3:0] k);
    sc = v * $signed({1'b0, k});
  endfunction
  always_comb begin
    if (sc(a, g) <= sc(b, g)) le = 1'b1;
    else le = 1'b0;
  end
  assign eqs = sc(a, g) == sc(b, g);
  assign hi = ({3'b0, a[5:0]} + {1'b0, c}) > ({3'b0, b[5:0]} + {1'b0, c});
endmodule
"""

# the product wraps at 8 bits: pa > pb is not a > b
PICK_WRAP = """module pw(input [5:0] a, input [5:0] b, input [3:0] g, output sel);
  wire [7:0] pa = a * g;
  wire [7:0] pb = b * g;
  assign sel = pa > pb;
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("text,ext", [(PICK_V, "v"), (PICK_SV, "sv")], ids=["assign", "always_comb_if_function"])
def test_common_factor_fires_and_is_proven(tmp_path: Path, text, ext):
    got = optimize_text(text)
    assert got, "no rewrite"
    new = got[0][1]
    assert any(s in new for s in ("!g", "4'd0 == g", "g == 4'd0")), new  # the factor's zero guard
    outs = [ln for ln in new.splitlines() if any(f" {o} =" in ln for o in ("sel", "le", "eqs", "hi"))]
    assert outs and not any("sc(" in ln or "+" in ln or "pa" in ln for ln in outs), new
    assert _prove(tmp_path, text, new, ext) == "EQUIVALENT", new


@pytest.mark.yosys
def test_common_factor_guard_is_needed(tmp_path: Path):
    """Without the g != 0 guard (a > b alone) the verifier refutes; the wrapping product is not rewritten."""
    unguarded = PICK_V.replace("assign sel = pa > pb;", "assign sel = a > b;")
    assert _prove(tmp_path, PICK_V, unguarded, "v") == "NOT_EQUIVALENT"
    for _m, new, _i in optimize_text(PICK_WRAP):
        assert "pa > pb" in new, new
