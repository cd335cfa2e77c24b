"""datapath_egraph r_diff_squares: ``a*a - b*b`` -> ``(a + b)*(a - b)`` (a ring identity, exact mod 2^W),
and for two sign-extended (or zero-extended) narrow words the sum and difference as exact narrow words
one bit (two bits) wider, so the single product is a narrow signed multiplier. Checked exhaustively in
the e-graph; a Verilog function design and SV squarer instances fire and are proven; a product that is
not a square, a sum of squares and squares truncated before the difference do not fire."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph, r_diff_squares, r_sext_nowrap, saturate

ROOT = Path(__file__).resolve().parents[1]

FUNC_V = """module dsq_f (input signed [5:0] a, b, output signed [12:0] y);
  function signed [11:0] sq; input signed [5:0] v; sq = v * v; endfunction
  assign y = sq(a) - sq(b);
endmodule
"""

INST_SV = """module sqr #(parameter int N = 4) (input logic signed [N-1:0] v, output logic signed [2*N-1:0] p);
  always_comb p = v * v;
endmodule
module dsq_i (input logic signed [4:0] x, z, output logic signed [10:0] y);
  logic signed [9:0] px, pz;
  sqr #(.N(5)) u0 (.v(x), .p(px));
  sqr #(.N(5)) u1 (.v(z), .p(pz));
  assign y = px - pz;
endmodule
"""

NOT_SQUARE = """module nm1 (input signed [5:0] a, b, c, output signed [12:0] y);
  wire signed [11:0] p = a * c;
  wire signed [11:0] q = b * b;
  assign y = p - q;
endmodule
"""

SUM_SQ = """module nm2 (input signed [5:0] a, b, output signed [12:0] y);
  wire signed [11:0] p = a * a;
  wire signed [11:0] q = b * b;
  assign y = p + q;
endmodule
"""

# squares kept in 8 bits (they wrap) before a 13-bit difference: (a+b)(a-b) in 13 bits would differ
TRUNC_SQ = """module nm3 (input signed [5:0] a, b, output signed [12:0] y);
  wire signed [7:0] p = a * a;
  wire signed [7:0] q = b * b;
  assign y = p - q;
endmodule
"""

PROD_RE = re.compile(r"\$signed\(eg_\d+\) \* \$signed\(eg_\d+\)|\(eg_\d+ \+ eg_\d+\) \* \(eg_\d+ - eg_\d+\)")


def _rewritten(text: str, name: str) -> str | None:
    for _m, new, _i in optimize_text(text, name=name):
        if PROD_RE.search(new):
            return new
    return None


@pytest.mark.parametrize("ext", ["sext", "zext", "none", "mixed"])
def test_diff_squares_exhaustive(ext):
    """Every pair of 4-bit words: each node the rule adds equals a^2 - b^2 in 9 bits."""
    v, w = 4, 9
    eg = EGraph()
    a0, b0 = eg.add(("var", v, "a")), eg.add(("var", v, "b"))
    if ext == "none":
        a, b = eg.add(("var", w, "a")), eg.add(("var", w, "b"))
    else:
        ea, eb = {"sext": ("sext", "sext"), "zext": ("zext", "zext"), "mixed": ("sext", "zext")}[ext]
        a, b = eg.add((ea, w, None, a0)), eg.add((eb, w, None, b0))
    root = eg.add(("sub", w, None, eg.add(("mul", w, None, a, a)), eg.add(("mul", w, None, b, b))))
    saturate(eg, rules=[r_diff_squares], max_iters=2, max_nodes=100000, time_s=30)
    prods = [m for m in eg.nodes[eg.find(root)] if m[0] == "mul"]
    assert prods, "a*a - b*b has no product form"
    if ext in ("sext", "zext"):  # the narrow sum/difference form is there
        assert any(eg.has(m[3], "sext") for m in prods)
    n = 1 << (w if ext == "none" else v)
    assert eg.check([{"a": x, "b": y} for x in range(0, n, 1 if ext != "none" else 7)
                     for y in range(0, n, 1 if ext != "none" else 5)]) == []


def test_not_a_square_does_not_fire():
    """a*c - b*b (one operand pair differs) must not become a product of a sum and a difference."""
    w = 6
    eg = EGraph()
    a, b, c = (eg.add(("var", w, k)) for k in "abc")
    root = eg.add(("sub", w, None, eg.add(("mul", w, None, a, c)), eg.add(("mul", w, None, b, b))))
    saturate(eg, rules=[r_diff_squares], max_iters=2)
    assert [m for m in eg.nodes[eg.find(root)] if m[0] == "mul"] == []
    assert eg.check([{"a": x, "b": y, "c": z} for x in range(0, 64, 5) for y in range(0, 64, 3)
                     for z in range(0, 64, 7)]) == []


def test_sext_squares_through_nowrap():
    """sext_13 of 12-bit signed squares (as named wires give them) reaches the rule via r_sext_nowrap."""
    eg = EGraph()
    a0, b0 = eg.add(("var", 6, "a")), eg.add(("var", 6, "b"))
    sq = [eg.add(("mul", 12, None, eg.add(("sext", 12, None, x)), eg.add(("sext", 12, None, x))))
          for x in (a0, b0)]
    root = eg.add(("sub", 13, None, eg.add(("sext", 13, None, sq[0])), eg.add(("sext", 13, None, sq[1]))))
    saturate(eg, rules=[r_sext_nowrap, r_diff_squares], max_iters=4, max_nodes=100000, time_s=30)
    assert any(m[0] == "mul" for m in eg.nodes[eg.find(root)])
    assert eg.check([{"a": x, "b": y} for x in range(64) for y in range(64)]) == []


@pytest.mark.yosys
@pytest.mark.parametrize("text,top,suffix", [(FUNC_V, "dsq_f", ".v"), (INST_SV, "dsq_i", ".sv")])
def test_diff_squares_fires_and_proves(tmp_path, text, top, suffix):
    new = _rewritten(text, "d" + suffix)
    assert new is not None
    old = tmp_path / ("old" + suffix)
    old.write_text(text)
    assert abc_verdict(tmp_path, old, new, top, timeout_s=300) == "EQUIVALENT"


@pytest.mark.parametrize("text", [NOT_SQUARE, SUM_SQ, TRUNC_SQ])
def test_near_misses_do_not_fire(text):
    assert _rewritten(text, "n.v") is None


def test_generalization_designs_present():
    for c in ("diffsq_fn_v", "diffsq_inst_sv"):
        assert (ROOT / "designs/generalization/datapath" / c / "case.json").is_file()
