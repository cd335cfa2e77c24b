"""E-graph flattened view of child instances: a parent sum of products computed in separate
combinational instances with a common factor (``ya + yb`` of two ``y = x * g`` instances) is factored
as ``(a + b) * g`` exactly as the original truncates, unsigned and signed (sext of a narrow product or
sum that cannot wrap); near misses (different gains, truncated products, registered products) are not."""

from __future__ import annotations

import re
import textwrap

import pytest

from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph, r_sext_nowrap, saturate
from rtlopt.egraph.front import build_module, module_bodies
from rtlopt.templates._sem import analyze

# unsigned, products in a grandchild (scale -> mult), the sum in a procedural block
NESTED = """
module mult #(parameter A = 4, B = 3) (input [A-1:0] p, input [B-1:0] q, output [A+B-1:0] r);
  assign r = p * q;
endmodule
module scale #(parameter W = 4, K = 3) (input [W-1:0] d, input [K-1:0] k, output [W+K-1:0] o);
  wire [W+K-1:0] t;
  mult #(.A(W), .B(K)) u_m (.p(d), .q(k), .r(t));
  assign o = t;
endmodule
module sum2 (input [4:0] u, v, w, input [2:0] k, kw, output reg [8:0] s);
  wire [7:0] su, sv, sw;
  scale #(.W(5), .K(3)) i0 (.d(u), .k(k), .o(su));
  scale #(.W(5), .K(3)) i1 (.d(v), .k(k), .o(sv));
  scale #(.W(5), .K(3)) i2 (.d(w), .k(kw), .o(sw));
  always @* s = sv + sw + su;
endmodule
"""

# signed, always_comb children, implicit .g connection
SIGNED = """
module sg #(parameter int W = 4, GW = 3) (input logic signed [W-1:0] x, input logic signed [GW-1:0] g,
                                          output logic signed [W+GW-1:0] y);
  always_comb y = x * g;
endmodule
module sbal (input logic signed [3:0] a, b, input logic signed [2:0] g, output logic signed [7:0] q);
  logic signed [6:0] pa, pb;
  sg u_a (.x(a), .g, .y(pa));
  sg u_b (.x(b), .g, .y(pb));
  assign q = pa + pb;
endmodule
"""


def _opt(src: str, module: str):
    got = [t for m, t, _i in optimize_text(textwrap.dedent(src)) if m == module]
    return got[0] if got else None


def _body(text: str, module: str) -> str:
    return text[text.index(f"module {module}"):]


def _prove(tmp_path, gold: str, gate: str, top: str, sv: bool = False):
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence
    ext = "sv" if sv else "v"
    g, t = tmp_path / f"g.{ext}", tmp_path / f"t.{ext}"
    g.write_text(textwrap.dedent(gold))
    t.write_text(gate)
    res = check_equivalence(open_design([g], top), open_design([t], top), VerifyOptions(timeout_s=240))
    return str(res.verdict).split(".")[-1].upper()


def test_instance_outputs_are_named_values():
    an = analyze(textwrap.dedent(NESTED))
    body = next(b for b in module_bodies(an) if b.definition.name == "sum2")
    mg = build_module(an, body)
    named = {r.lhs: r for r in mg.roots if r.nameable}
    assert {"su", "sv", "sw"} <= set(named)
    assert all(not named[n].nodes and not named[n].mandatory for n in ("su", "sv", "sw"))
    assert mg.eg.has(named["su"].cls, "mul")  # the grandchild's product, seen through two levels


@pytest.mark.yosys
def test_common_factor_across_instances_factored_and_proven(tmp_path):
    new = _opt(NESTED, "sum2")
    assert new is not None
    body = _body(new, "sum2")
    assert re.search(r"k \* \(v \+ u\)|k \* \(u \+ v\)|\(u \+ v\) \* k|\(v \+ u\) \* k", body), body
    assert "sw" in body.split("always @*")[1]  # the other gain keeps its instance
    assert _prove(tmp_path, NESTED, new, "sum2") == "EQUIVALENT"


@pytest.mark.yosys
def test_signed_common_factor_across_instances_proven(tmp_path):
    new = _opt(SIGNED, "sbal")
    assert new is not None
    assert "pa" not in _body(new, "sbal").split("assign q")[1].split(";")[0]
    assert _prove(tmp_path, SIGNED, new, "sbal", sv=True) == "EQUIVALENT"


def test_different_gains_are_not_factored():
    src = NESTED.replace(".k(k), .o(sv)", ".k(kw), .o(sv)").replace(".k(kw), .o(sw)", ".k(k), .o(sw)")
    src = src.replace("always @* s = sv + sw + su;", "always @* s = sv + su;")
    new = _opt(src, "sum2")
    assert new is None or "s = sv + su;" in new


@pytest.mark.yosys
def test_truncated_products_whose_sum_overflows_differently_are_not_factored(tmp_path):
    # each instance keeps 5 bits of a 8-bit product; the 6-bit sum of the truncated values is not
    # (u + v) * k in 6 bits
    src = """
    module tmul (input [4:0] x, input [2:0] g, output [4:0] y);
      assign y = x * g;
    endmodule
    module tsum (input [4:0] u, v, input [2:0] k, output [5:0] s);
      wire [4:0] a, b;
      tmul i0 (.x(u), .g(k), .y(a));
      tmul i1 (.x(v), .g(k), .y(b));
      assign s = a + b;
    endmodule
    """
    new = _opt(src, "tsum")
    if new is not None:  # whatever it proposes is exact
        assert _prove(tmp_path, src, new, "tsum") == "EQUIVALENT"
        assert "assign s = a + b;" in new


def test_registered_products_are_not_instance_values():
    src = """
    module rmul (input clk, input [3:0] x, input [2:0] g, output reg [6:0] y);
      always @(posedge clk) y <= x * g;
    endmodule
    module rsum (input clk, input [3:0] u, v, input [2:0] k, output [7:0] s);
      wire [6:0] a, b;
      rmul i0 (.clk(clk), .x(u), .g(k), .y(a));
      rmul i1 (.clk(clk), .x(v), .g(k), .y(b));
      assign s = a + b;
    endmodule
    """
    an = analyze(textwrap.dedent(src))
    body = next(b for b in module_bodies(an) if b.definition.name == "rsum")
    mg = build_module(an, body)
    assert not [r for r in mg.roots if r.lhs in ("a", "b")]
    assert _opt(src, "rsum") is None


def test_sext_nowrap_only_when_the_narrow_result_cannot_wrap():
    def run(xw: int, gw: int, pw: int):
        eg = EGraph()
        x = eg.add(("var", xw, "x"))
        g = eg.add(("var", gw, "g"))
        p = eg.add(("mul", pw, None, eg.add(("sext", pw, None, x)), eg.add(("sext", pw, None, g))))
        top = eg.add(("sext", 12, None, p))
        saturate(eg, rules=[r_sext_nowrap])
        return any(n[0] == "mul" and n[1] == 12 for n in eg.nodes[eg.find(top)])

    assert run(4, 3, 7)  # -8 * -4 = 32 fits in 7 bits signed
    assert not run(4, 3, 6)  # 32 does not fit in 6 bits signed: the narrow product wraps


# restyled: SV function in the child, positional ports, the common-gain terms not adjacent in the sum
RESTYLED = """
module amp (input logic [7:0] s, input logic [3:0] k, output logic [11:0] o);
  function automatic [11:0] mulk(input [7:0] v, input [3:0] c);
    mulk = v * c;
  endfunction
  assign o = mulk(s, k);
endmodule
module mix4 (input logic clk, input logic [7:0] a, b, c, input logic [3:0] vol, vol2, output logic [13:0] y);
  logic [11:0] pa, pb, pc;
  amp ua (a, vol, pa);
  amp ub (b, vol2, pb);
  amp uc (c, vol, pc);
  logic [13:0] s;
  always_comb s = pc + pb + pa;
  always_ff @(posedge clk) y <= s;
endmodule
"""


@pytest.mark.yosys
def test_restyled_function_child_positional_ports(tmp_path):
    new = _opt(RESTYLED, "mix4")
    assert new is not None
    body = _body(new, "mix4")
    assert re.search(r"vol \* \((c \+ a|a \+ c)\)", body), body
    assert _prove(tmp_path, RESTYLED, new, "mix4", sv=True) == "EQUIVALENT"
