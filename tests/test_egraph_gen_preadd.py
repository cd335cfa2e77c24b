"""E-graph view of generate blocks and flattened-sum factoring (symmetric FIR pre-add).

Products written by a generate loop into an array (``assign p[i] = x[i] * c[mirror(i)]``) and summed
elsewhere (an unrolled for loop, a chain of generate assigns) are seen through as text-less named
values, and a sum of many products sharing factors is factored group by group at once (the mirrored
taps sit at opposite ends of the sum): ``(x_i + x_{N-1-i}) * c_i``, proven. Near misses: distinct
coefficients, coefficients that differ in sign, a generate value that reads the genvar in a select
the module scope cannot write."""

from __future__ import annotations

import re
import textwrap

import pytest

from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph, r_sum_factor, saturate
from rtlopt.egraph.front import build_module, module_bodies
from rtlopt.templates._sem import analyze
from tests.test_egraph_inst_distrib import _prove

# Verilog: mirrored coefficient index by a localparam ternary, sum chained through a generate loop
GEN_V = """
module gsym #(parameter N = 6, W = 4, CW = 3) (
  input  [N*W-1:0]      x,
  input  [(N/2)*CW-1:0] c,
  output [W+CW+2:0]     y
);
  wire [W+CW-1:0] p [0:N-1];
  wire [W+CW+2:0] a [0:N];
  assign a[0] = 0;
  genvar i;
  generate
    for (i = 0; i < N; i = i + 1) begin : g_p
      localparam integer M = (i < N/2) ? i : N - 1 - i;
      assign p[i] = x[i*W +: W] * c[M*CW +: CW];
      assign a[i+1] = a[i] + p[i];
    end
  endgenerate
  assign y = a[N];
endmodule
"""

# SV: constant signed coefficients from a function of the genvar, if-generate, always_comb for (int k)
GEN_SV = """
module hsym #(parameter int N = 6) (
  input  logic [4*N-1:0]    zs,
  output logic signed [9:0] y
);
  function automatic logic signed [4:0] hc(input int t);
    if (t == 0 || t == N - 1) hc = 5'sd7;
    else if (t == 1 || t == N - 2) hc = -5'sd5;
    else hc = 5'sd11;
  endfunction
  logic signed [8:0] prod [N];
  for (genvar i = 0; i < N; i++) begin : g_t
    assign prod[i] = $signed(zs[4*i +: 4]) * hc(i);
  end
  always_comb begin
    y = '0;
    for (int k = 0; k < N; k++)
      y = y + prod[k];
  end
endmodule
"""


def _opt(src: str, module: str, name: str = "design.v"):
    got = [t for m, t, _i in optimize_text(textwrap.dedent(src), name, budget_s=60) if m == module]
    return got[0] if got else None


def _rewritten(new: str, lhs: str) -> str:
    """The rewritten right-hand side of ``lhs`` (last assignment to it)."""
    return re.findall(rf"\b{re.escape(lhs)}\s*<?=\s*([^;]*);", new)[-1]


def _summed_slices(new: str) -> set[frozenset]:
    """Pairs of ``zs`` slice offsets added together in the rewrite (through its eg_ wires)."""
    src: dict[str, int] = {}
    for w, rhs in re.findall(r"assign (eg_\d+) = ([^;]*);", new):
        m = re.fullmatch(r"zs >> (\d+)|\$signed\(zs\[3:0\]\)|zs\[3:0\]|\$signed\((eg_\d+)\)", rhs.strip())
        if m:
            src[w] = int(m.group(1)) if m.group(1) else src.get(m.group(2), -1) if m.group(2) else 0
    return {frozenset((src[a], src[b])) for a, b in re.findall(r"(eg_\d+) \+ (eg_\d+)", new)
            if src.get(a, -1) >= 0 and src.get(b, -1) >= 0}


def test_generate_assigns_are_named_values():
    an = analyze(textwrap.dedent(GEN_V))
    mg = build_module(an, module_bodies(an)[0])
    named = {r.lhs: r for r in mg.roots if r.nameable}
    assert {f"p[{k}]" for k in range(6)} | {f"a[{k}]" for k in range(7)} <= set(named)
    assert all(not named[n].nodes and not named[n].mandatory for n in ("p[0]", "a[3]"))
    assert mg.eg.has(named["p[4]"].cls, "mul")


@pytest.mark.yosys
def test_mirrored_generate_products_pre_added_and_proven(tmp_path):
    new = _opt(GEN_V, "gsym")
    assert new is not None
    rhs = _rewritten(new, "assign y")
    assert rhs.count("*") == 3, rhs  # 6 -> 3 multipliers
    for lo, hi in ((0, 5), (1, 4), (2, 3)):  # each product pre-adds a mirrored pair
        assert re.search(rf"x\[{4 * lo + 3}:{4 * lo}\] \+ x\[{4 * hi + 3}:{4 * hi}\]|"
                         rf"x\[{4 * hi + 3}:{4 * hi}\] \+ x\[{4 * lo + 3}:{4 * lo}\]", rhs), rhs
    assert _prove(tmp_path, GEN_V, new, "gsym") == "EQUIVALENT"


@pytest.mark.yosys
def test_sv_function_coefficients_signed_pre_added_and_proven(tmp_path):
    new = _opt(GEN_SV, "hsym", "design.sv")
    assert new is not None
    # the mirrored samples are pre-added (constant products as shift-adds of the sums)
    assert {frozenset((0, 20)), frozenset((4, 16)), frozenset((8, 12))} <= _summed_slices(new), new
    assert _prove(tmp_path, GEN_SV, new, "hsym", sv=True) == "EQUIVALENT"


def test_distinct_coefficients_are_not_factored():
    src = GEN_V.replace("(N/2)*CW-1:0", "N*CW-1:0").replace("(i < N/2) ? i : N - 1 - i", "i")
    new = _opt(src, "gsym")
    assert new is None or not re.search(r"x\[\d+:\d+\] \+ x\[\d+:\d+\]", new)


@pytest.mark.yosys
def test_mirrored_coefficients_of_opposite_sign_are_not_pre_added(tmp_path):
    # tap N-1-i uses -c[i]: x_i*c - x_j*c is no pre-add (a + would be wrong)
    src = GEN_SV.replace("assign prod[i] = $signed(zs[4*i +: 4]) * hc(i);",
                         "assign prod[i] = z[i] * (i < N / 2 ? hc(i) : -hc(i));")
    new = _opt(src, "hsym", "design.sv")
    if new is not None:  # constant sharing may add other samples; never a mirrored pair
        assert not {frozenset((0, 20)), frozenset((4, 16)), frozenset((8, 12))} & _summed_slices(new), new
        assert _prove(tmp_path, src, new, "hsym", sv=True) == "EQUIVALENT"


def test_generate_value_reading_the_genvar_in_a_select_is_dropped():
    # x[s + i]: a select through the genvar the module scope cannot name (no view for p[k])
    src = GEN_V.replace("x[i*W +: W]", "x[s + i]").replace("input  [N*W-1:0]      x,",
                                                            "input  [N*W-1:0]      x, input [2:0] s,")
    an = analyze(textwrap.dedent(src))
    mg = build_module(an, module_bodies(an)[0])
    assert not [r for r in mg.roots if r.lhs and r.lhs.startswith("p[")]
    new = _opt(src, "gsym")
    assert new is None or "s + i" not in _rewritten(new, "assign y")
    # the same read through a block-local net
    src = GEN_V.replace("assign p[i] = x[i*W +: W] * c[M*CW +: CW];",
                        "wire [W-1:0] t = x[s + i];\n      assign p[i] = t * c[M*CW +: CW];") \
               .replace("input  [N*W-1:0]      x,", "input  [N*W-1:0]      x, input [2:0] s,")
    an = analyze(textwrap.dedent(src))
    mg = build_module(an, module_bodies(an)[0])
    assert not [r for r in mg.roots if r.lhs and r.lhs.startswith("p[")]


def test_sum_factor_groups_far_apart_terms_only():
    def run(coefs):
        eg = EGraph()
        cs = {k: eg.add(("var", 8, f"c{k}")) for k in set(coefs)}
        acc = None
        for i, k in enumerate(coefs):
            t = eg.add(("mul", 8, None, eg.add(("var", 8, f"x{i}")), cs[k]))
            acc = t if acc is None else eg.add(("add", 8, None, acc, t))
        before = {n for c in eg.classes() for n in eg.nodes[c]}
        saturate(eg, rules=[r_sum_factor], max_iters=1)
        return [n for n in eg.nodes[eg.find(acc)] if n not in before]

    assert run([0, 1, 2, 2, 1, 0])  # mirrored coefficients: factored in one step
    assert not run([0, 1, 2, 3, 4, 5])  # all distinct: nothing to factor


# restyled: one multiplier instance per tap inside the generate loop, the sum by a descending loop
GEN_INST = """
module tapmul #(parameter A = 4, B = 3) (input [A-1:0] d, input [B-1:0] k, output [A+B-1:0] q);
  assign q = d * k;
endmodule
module gsym2 #(parameter N = 6, W = 4, CW = 3) (
  input  [N*W-1:0]      x,
  input  [(N/2)*CW-1:0] c,
  output reg [W+CW+2:0] y
);
  wire [W+CW-1:0] p [0:N-1];
  genvar i;
  generate
    for (i = 0; i < N; i = i + 1) begin : g_p
      tapmul #(.A(W), .B(CW)) u_m (.d(x[i*W +: W]), .k(c[((i < N/2) ? i : N - 1 - i)*CW +: CW]), .q(p[i]));
    end
  endgenerate
  integer j;
  always @* begin
    y = 0;
    for (j = N - 1; j >= 0; j = j - 1) y = y + p[j];
  end
endmodule
"""


@pytest.mark.yosys
def test_generate_instances_per_tap_pre_added_and_proven(tmp_path):
    new = _opt(GEN_INST, "gsym2")
    assert new is not None
    rhs = _rewritten(new[new.index("module gsym2"):], "y")
    assert rhs.count("*") == 3, rhs
    assert _prove(tmp_path, GEN_INST, new, "gsym2") == "EQUIVALENT"


def test_generate_instance_driving_a_part_select_is_not_a_value():
    # the instance writes only some bits of p[i] (the rest driven elsewhere): no view of p[k]
    src = GEN_INST.replace("wire [W+CW-1:0] p [0:N-1];", "wire [W+CW:0] p [0:N-1];") \
                  .replace(".q(p[i]));", ".q(p[i][W+CW-1:0]));\n      assign p[i][W+CW] = 1'b0;")
    an = analyze(textwrap.dedent(src))
    body = next(b for b in module_bodies(an) if b.definition.name == "gsym2")
    mg = build_module(an, body)
    assert not [r for r in mg.roots if r.lhs and r.lhs.startswith("p[")]
