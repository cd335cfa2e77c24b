"""E-graph Gauss complex product: ``a*c - b*d`` and ``a*d + b*c`` both present share ``k = c*(a+b)``
(three products instead of four), chosen by a group move of the extraction (neither part alone pays
for the shared product). Near misses: the real part alone, a partner over other operands."""

from __future__ import annotations

import random
import re
import textwrap

import pytest

from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph, r_gauss, saturate
from tests.test_egraph_inst_distrib import _prove

WIRES_V = """
module cm5 (input clk, input signed [6:0] a, b, c, d, output reg signed [14:0] re, im);
  wire signed [14:0] p0 = a * c, p1 = b * d, p2 = a * d, p3 = b * c;
  always @(posedge clk) begin
    re <= p0 - p1;
    im <= p3 + p2;
  end
endmodule
"""

FN_SV = """
module cm6 (input logic signed [7:0] xr, xi, wr, wi, output logic [33:0] y);
  function automatic logic [33:0] cmul(input logic signed [7:0] p, q, r, s);
    logic signed [16:0] t_re, t_im;
    t_re = p * r - q * s;
    t_im = q * r + p * s;
    cmul = {t_re, t_im};
  endfunction
  assign y = cmul(xr, xi, wr, wi);
endmodule
"""


def _opt(src: str, module: str, name: str = "design.v"):
    got = [t for m, t, _i in optimize_text(textwrap.dedent(src), name, budget_s=60) if m == module]
    return got[0] if got else None


def _products(text: str) -> int:
    return len(re.findall(r"\*", text.split("endfunction")[-1]))


@pytest.mark.yosys
def test_named_products_three_multiplications_proven(tmp_path):
    new = _opt(WIRES_V, "cm5")
    assert new is not None
    # the named products stay declared (unread); the new logic has three
    assert _products("\n".join(ln for ln in new.splitlines() if "p0 = a * c" not in ln)) == 3, new
    assert _prove(tmp_path, WIRES_V, new, "cm5") == "EQUIVALENT"


@pytest.mark.yosys
def test_sv_function_concat_three_multiplications_proven(tmp_path):
    new = _opt(FN_SV, "cm6", "design.sv")
    assert new is not None
    assert _products(new) == 3, new
    assert _prove(tmp_path, FN_SV, new, "cm6", sv=True) == "EQUIVALENT"


def _graph(partner: bool, other: bool = False):
    eg = EGraph()
    a, b, c, d, e = (eg.add(("var", 8, v)) for v in "abcde")
    re_ = eg.add(("sub", 8, None, eg.add(("mul", 8, None, a, c)), eg.add(("mul", 8, None, b, d))))
    im = None
    if partner:
        im = eg.add(("add", 8, None, eg.add(("mul", 8, None, a, d)),
                     eg.add(("mul", 8, None, e if other else b, c))))
    return eg, re_, im


def test_gauss_identity_holds_and_needs_the_partner():
    eg, re_, im = _graph(True)
    saturate(eg, rules=[r_gauss], max_iters=2)
    assert len(eg.has(re_, "sub")) >= 2 and len(eg.has(im, "add")) >= 2
    rnd = random.Random(7)
    envs = [{v: rnd.randrange(256) for v in "abcde"} for _ in range(40)]
    assert not eg.check(envs)  # every node of a class computes one value
    for partner, other in ((False, False), (True, True)):  # the real part alone; a partner over b != e
        eg, re_, im = _graph(partner, other)
        saturate(eg, rules=[r_gauss], max_iters=2)
        assert len(eg.has(re_, "sub")) == 1
