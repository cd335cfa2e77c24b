"""E-graph: an unsigned quotient by a variable that is only compared with constants is cross-multiplied
(``a/b < K`` -> ``a < K*b``, ``a/b > K`` -> ``a >= (K+1)*b``, ``== K`` -> ``K*b <= a < (K+1)*b``): the
divider goes. At b == 0 the quotient reads as all ones (Yosys's engines), above every constant the rule
accepts, so the rewrite needs no guard. Near misses: a quotient also used as a value keeps its divider
(no cross-multiplied compare), signed operands are left alone, a constant at the quotient's all-ones
value is not rewritten, and an off-by-one cross-multiplication is refuted by the verifier."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from rtlopt.egraph.core import EGraph, saturate
from tests.test_egraph_inst_read import _area, _opt, _proven

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "egraph_div"


def _quotient_graph(wq: int, wa: int, wb: int):
    eg = EGraph()
    a = eg.add(("var", wa, "a"))
    b = eg.add(("var", wb, "b"))
    q = eg.add(("udiv", wq, None, *(x if eg.w(x) == wq else eg.add(("zext", wq, None, x)) for x in (a, b))))
    return eg, q


def test_cross_multiplied_compares_exact_including_zero_divisor():
    eg, q = _quotient_graph(6, 6, 3)
    cmps = []
    for K in range(0, 9):
        k = eg.k(6, K)
        for op, x, y in (("ult", q, k), ("ult", k, q), ("ule", q, k), ("ule", k, q), ("eq", q, k), ("ne", q, k)):
            cmps.append(eg.add((op, 1, None, x, y)))
    saturate(eg, max_nodes=20000, max_iters=4, time_s=30)
    for c in cmps:  # every compare has a divider-free form
        assert any(n[0] in ("mulge", "not", "and") for n in eg.nodes[eg.find(c)]), eg.nodes[eg.find(c)]
    envs = [{"a": a, "b": b} for a, b in itertools.product(range(64), range(8))]
    assert eg.check(envs) == []  # every node of a class has the class's value, b == 0 included


def test_constant_at_all_ones_not_rewritten():
    eg, q = _quotient_graph(4, 4, 4)
    c = eg.add(("ult", 1, None, q, eg.k(4, 14)))  # all ones (15) is not above 14 + 1
    saturate(eg, max_nodes=4000, max_iters=4, time_s=20)
    assert not any(n[0] in ("mulge", "not") for n in eg.nodes[eg.find(c)])


def _compares_read(body: str, name: str) -> bool:
    return re.search(rf"\b{name}\s*(<|>|==|!=)", body) is not None or \
        re.search(rf"(<|>|==|!=)=?\s*{name}\b", body) is not None


@pytest.mark.yosys
@pytest.mark.parametrize("fname,top,quot", [
    ("speed_band_v.v", "speed_band", "speed"),  # Verilog: wire quotient, >, <, == in a clocked block, b may be 0
    ("fill_pct_sv.sv", "watermark", "pct"),  # SV: quotient from a function in a child, >=, <= under a guard
])
def test_quotient_compares_lose_the_divider(tmp_path, fname, top, quot):
    src = (GEN / fname).read_text()
    new = _opt(src, top, fname)
    assert new is not None
    body = new[new.index(f"module {top}"):]
    assert not _compares_read(body, quot), body
    assert re.search(r">= \(\w+ \* \d+'d\d+\)", body), body
    suffix = Path(fname).suffix
    assert _proven(tmp_path, src, new, suffix, top) == "EQUIVALENT"
    before = _area(tmp_path, src, suffix, top, "before")
    after = _area(tmp_path, new, suffix, top, "after")
    assert after < before * 0.8, (before, after)


# the same classifier restyled: an always @* if/else chain, the quotient in the compare itself, swapped
# operands (K < q, K >= q)
RESTYLED = """
module ratio_cls (
  input  [11:0] num,
  input  [4:0]  den,
  output reg [1:0] cls
);
  always @* begin
    if (12'd40 < num / den) cls = 2'd3;
    else if (12'd5 >= num / den) cls = 2'd0;
    else cls = 2'd1;
  end
endmodule
"""


@pytest.mark.yosys
def test_restyled_quotient_in_condition(tmp_path):
    new = _opt(RESTYLED, "ratio_cls", "r.v")
    assert new is not None
    assert "/" not in new.split("always")[-1], new
    assert _proven(tmp_path, RESTYLED, new, ".v", "ratio_cls") == "EQUIVALENT"


# near miss: the quotient is also an output (the divider stays; cross-multiplied compares only add area)
VALUE_TOO = """
module ratio_out (
  input  [9:0] num,
  input  [5:0] den,
  output [9:0] q,
  output hi, lo
);
  assign q = num / den;
  assign hi = q > 10'd20;
  assign lo = q < 10'd2;
endmodule
"""

# near miss: signed operands (a signed quotient truncates toward zero): left alone
SIGNED = """
module sratio (
  input  signed [9:0] num,
  input  signed [5:0] den,
  output hi, lo
);
  wire signed [9:0] q = num / den;
  assign hi = q > 10'sd20;
  assign lo = q < 10'sd2;
endmodule
"""


@pytest.mark.yosys
def test_near_misses_keep_the_quotient():
    new = _opt(VALUE_TOO, "ratio_out", "v.v")
    assert new is None or (_compares_read(new, "q") and "* 1" not in new), new
    new = _opt(SIGNED, "sratio", "s.v")
    assert new is None or _compares_read(new, "q"), new


@pytest.mark.yosys
def test_off_by_one_cross_multiplication_refuted(tmp_path):
    src = (GEN / "speed_band_v.v").read_text()
    wrong = (GEN / "speed_band_v_ref.v").read_text().replace("d >= t * 11'd13", "d >= t * 11'd12")
    assert wrong != (GEN / "speed_band_v_ref.v").read_text()
    assert _proven(tmp_path, src, wrong, ".v", "speed_band") == "NOT EQUIVALENT"


# a unique case (1'b1) of overlapping conditions (q >= 8 implies q >= 2) is parallel in synthesis (Yosys
# ORs both arms: band 3): the front end must not read it as a priority chain (it did: the cross-multiplied
# rewrite was refuted at a = b = 0). Distinct constant items stay readable.
UNIQUE = """
module r2 (input logic [9:0] a, input logic [9:0] b, output logic [1:0] band);
  function automatic logic [9:0] ratio(input logic [9:0] x, input logic [9:0] y);
    ratio = x / y;
  endfunction
  always_comb begin
    unique case (1'b1)
      ratio(a, b) >= 10'd8: band = 2'd2;
      ratio(a, b) >= 10'd2: band = 2'd1;
      default: band = 2'd0;
    endcase
  end
endmodule
"""


@pytest.mark.yosys
def test_unique_case_of_overlapping_conditions_not_a_priority_chain(tmp_path):
    new = _opt(UNIQUE, "r2", "u.sv")
    assert new is None or _proven(tmp_path, UNIQUE, new, ".sv", "r2") == "EQUIVALENT"
    prio = UNIQUE.replace("unique case", "case")  # a plain case is a priority chain: rewritten, proven
    new = _opt(prio, "r2", "p.sv")
    assert new is not None and "/" not in new.split("always_comb")[-1], new
    assert _proven(tmp_path, prio, new, ".sv", "r2") == "EQUIVALENT"
