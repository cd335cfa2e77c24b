"""A median of three alone is emitted as three compares of the inputs side by side and two muxes
(b when a<b and b<c agree, else a when a<b and a<c differ, else c) instead of the pruned sort's three
chained compares and four muxes; other order statistics keep the network."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from rtlopt.semantic.algos import emit_order, helpers_for

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "algorithms"


def _eval(expr: str, env: dict[str, int], w: int, signed: bool) -> int:
    """Evaluate the emitted helpers (wire decls) and expression on concrete words."""
    def sx(v: int) -> int:
        return v - (1 << w) if signed and v >> (w - 1) else v
    vals = dict(env)
    for line in (helpers_for(expr) or "").splitlines():
        name, rhs = line.split("=", 1)
        name = name.split()[-1]
        rhs = rhs.strip().rstrip(";").replace("$signed", "sx").replace("$unsigned", "")
        rhs = rhs.replace("==", " == ").replace("!=", " != ")
        py = rhs
        if "?" in py:  # (p == q) ? b : ((p != r) ? a : c) / c ? x : y
            import re
            while "?" in py:
                py = re.sub(r"\(([^()?]*)\) \? (\w+) : \(\(([^()?]*)\) \? (\w+) : (\w+)\)",
                            r"(\2 if (\1) else (\4 if (\3) else \5))", py, count=1)
                py = re.sub(r"^(\w+) \? (\w+) : (\w+)$", r"(\2 if \1 else \3)", py)
        vals[name] = int(eval(py, {"sx": sx}, vals))
    return vals[expr] if expr in vals else int(eval(expr, {}, vals))


@pytest.mark.parametrize("signed", [False, True])
@pytest.mark.parametrize("lt", [True, None])
def test_median_of_three_is_three_side_by_side_compares_exhaustively_right(signed, lt):
    w = 3
    expr = emit_order(("a", "b", "c"), "a", w, [1], signed, lt=lt)
    h = helpers_for(expr)
    assert h.count(" < ") == 3 and h.count(" ? ") == 2 and "_md" in expr, h
    key = (lambda v: v - 8 if v >= 4 else v) if signed else (lambda v: v)
    for a, b, c in itertools.product(range(8), repeat=3):
        want = sorted((a, b, c), key=key)[1]
        assert _eval(expr, {"a": a, "b": b, "c": c}, w, signed) == want, (a, b, c)


def test_other_order_statistics_keep_the_network():
    # near misses: a min or max of three, all three ranks, a median of five, the median shared with the max
    for ranks, need, n in (([0], None, 3), ([2], None, 3), ([0, 1, 2], None, 3), ([2], None, 5),
                           ([1], {1, 2}, 3)):
        names = tuple("abcde"[:n])
        expr = emit_order(names, "a", 8, ranks, False, need=need)
        assert "_md" not in (helpers_for(expr) or "") + expr, (ranks, need, n)


def _cands(path):
    from rtlopt.semantic import lifting_candidates

    class St:
        texts = {path: path.read_text()}
    return lifting_candidates(St())


@pytest.mark.yosys
@pytest.mark.parametrize("case,top", [("median3_case_sv/original.sv", "med3_case"),
                                      ("median3_minmax_v/original.v", "med3_minmax")])
def test_own_median_designs_lift_to_the_direct_form_and_are_proven(tmp_path, case, top):
    from rtlopt.design import DesignRef
    from rtlopt.verify import check_equivalence
    f = GEN / case
    cs = [c for c in _cands(f) if "median" in c.description]
    assert cs, [c.description for c in _cands(f)]
    c = cs[0]
    assert "_md" in c.text and " == " in c.text, c.text
    g = tmp_path / f.name
    g.write_text(c.text)
    assert check_equivalence(DesignRef([f], top), DesignRef([g], top)).verdict == "EQUIVALENT"


@pytest.mark.yosys
def test_a_near_median_is_not_lifted(tmp_path):
    # the between-tests with one '>=' made strict: picks c when a ties b (not a median): nothing lifted
    f = tmp_path / "nm.v"
    f.write_text("""module nm(input [5:0] a, b, c, output reg [5:0] m);
  always @*
    if ((a > b && a <= c) || (a <= b && a >= c)) m = a;
    else if ((b > a && b <= c) || (b < a && b >= c)) m = b;
    else m = c;
endmodule
""")
    assert not any("median" in c.description for c in _cands(f))
