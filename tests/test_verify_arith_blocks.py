"""Algebraic engine: adder blocks whose carry is proven by SAT (parallel-prefix final adders), Booth
multipliers of several coding styles, and wrong designs refuted with checked counterexamples."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from arith_pairs import (  # noqa: E402
    add_op,
    mul_array,
    mul_booth_tree,
    mul_wallace,
    smul_array,
    smul_op,
)

from rtlopt.design import open_design  # noqa: E402
from rtlopt.verify import Verdict, VerifyOptions, _algebra, check_equivalence  # noqa: E402
from rtlopt.verify._gates import gate_netlists  # noqa: E402
from rtlopt.verify._prepare import elaborate  # noqa: E402

pytestmark = pytest.mark.yosys


def add_sklansky(n: int) -> str:
    """A Sklansky prefix adder written as loops over generate/propagate vectors in an always block."""
    return f"""module m(input [{n-1}:0] a, b, output [{n}:0] p);
  reg [{n-1}:0] g, t, gn, tn;
  integer l, i;
  always @* begin
    g = a & b;
    t = a ^ b;
    for (l = 1; l < {n}; l = l * 2) begin
      gn = g;
      tn = t;
      for (i = 0; i < {n}; i = i + 1)
        if ((i / l) % 2 == 1) begin
          gn[i] = g[i] | (t[i] & g[(i / l) * l - 1]);
          tn[i] = t[i] & t[(i / l) * l - 1];
        end
      g = gn;
      t = tn;
    end
    p = {{g[{n-1}], (a ^ b) ^ {{g[{n-2}:0], 1'b0}}}};
  end
endmodule
"""


def _files(tmp_path: Path, gold: str, gate: str) -> tuple[Path, Path]:
    g, h = tmp_path / "gold.v", tmp_path / "gate.v"
    g.write_text(gold)
    h.write_text(gate)
    return g, h


def _check(tmp_path: Path, gold: str, gate: str, **kw):
    g, h = _files(tmp_path, gold, gate)
    return check_equivalence(open_design([g]), open_design([h]), VerifyOptions(timeout_s=120, **kw))


def _nets(tmp_path: Path, gold: str, gate: str):
    g, h = _files(tmp_path, gold, gate)
    _gi, gil, _hi, hil = elaborate(open_design([g]), open_design([h]), tmp_path, 120)
    return gate_netlists(gil, hil, tmp_path, 120)


def _signed(v: int, w: int) -> int:
    return v - (1 << w) if v >> (w - 1) else v


PREFIX_STYLES = [
    ("signed booth, mux selects, kogge-stone final adder", smul_op(8), mul_booth_tree(8, True, "mux", "ks"), True),
    ("unsigned booth, one-hot selects, kogge-stone final adder", mul_array(8),
     mul_booth_tree(8, False, "one-hot", "ks"), True),
    ("wallace tree, kogge-stone final adder", mul_array(8), mul_wallace(8, "ks"), True),
    # (part of its carries are cut off by their block's literals, the others proven by SAT)
    ("sklansky adder in an always loop", add_op(24), add_sklansky(24), False),
]


@pytest.mark.parametrize("label,gold,gate,needs_sat", PREFIX_STYLES, ids=[s[0] for s in PREFIX_STYLES])
def test_prefix_adder_carries_are_proven_blocks(tmp_path: Path, monkeypatch, label, gold, gate, needs_sat):
    """The carry of a prefix adder is not computed from its carry-in: only the SAT-proven block makes the
    carries telescope; without it the polynomial grows past a small bound."""
    g, h = _nets(tmp_path, gold, gate)
    outcome, detail, _ = _algebra.check(g, h, 100, max_terms=20_000)
    assert outcome == "equivalent", detail
    if not needs_sat:
        return
    monkeypatch.setattr(_algebra._CarryProver, "TOTAL_S", 0.0)
    g, h = _nets(tmp_path, gold, gate)  # fresh netlists: the block plan is cached on them
    outcome, detail, _ = _algebra.check(g, h, 100, max_terms=20_000)
    assert outcome == "unknown" and "exceeds" in detail, detail


def test_carry_prover_refuses_a_wrong_carry_in(tmp_path: Path):
    """A prefix carry is the majority of its own sum's operands and carry-in, not of another carry-in."""
    g, h = _nets(tmp_path, add_op(24), add_sklansky(24))
    _algebra._numbering(h)
    _order, excl, blocks = h._rtlopt_plan  # type: ignore[attr-defined]
    sat_blocks = [(s, b) for s, b in blocks.items() if len(b[0]) == 3 and _algebra._cut_eval(
        excl.drv, b[1], {x: p for (x, _n), p in zip(b[0], (0xAA, 0xCC, 0xF0), strict=True)}, 0xFF) is None]
    assert len(sat_blocks) >= 8  # the prefix carries of the upper bits
    operands = {x for _s, b in sat_blocks for x, _n in b[0][:2]}
    prover = _algebra._CarryProver(excl.drv, operands)
    (_s1, (lits1, c1, inv1)), (_s2, (lits2, _c2, _inv2)) = sat_blocks[-1], sat_blocks[-3]
    negs = [n for _x, n in lits1]
    assert prover.carry(c1, inv1, tuple(x for x, _n in lits1), negs)
    wrong = (lits1[0][0], lits1[1][0], lits2[2][0])
    assert not prover.carry(c1, inv1, wrong, negs)


def test_booth8_with_prefix_adder_proven_by_algebra(tmp_path: Path):
    res = _check(tmp_path, smul_array(8), mul_booth_tree(8, True, "mux", "ks"), engines=("algebra",))
    assert res.verdict is Verdict.EQUIVALENT and res.engine == "algebra", res.format_text()
    assert "same polynomial" in res.reason


def test_booth_with_a_flipped_select_bit_is_refuted(tmp_path: Path):
    res = _check(tmp_path, smul_op(8), mul_booth_tree(8, True, flip=(1, 3)), engines=("algebra",))
    assert res.verdict is Verdict.NOT_EQUIVALENT, res.format_text()
    cex = res.counterexample.cycles[0]
    want = (_signed(cex["inputs"]["a"], 8) * _signed(cex["inputs"]["b"], 8)) % (1 << 16)
    assert cex["gold"]["p"] == want != cex["gate"]["p"]


def test_wrong_prefix_node_is_refuted(tmp_path: Path):
    good = mul_wallace(8, "ks")
    bad = good.replace("assign kg2[9] = kg1[9] | (kp1[9] & kg1[7]);", "assign kg2[9] = kg1[9] | (kp1[9] & kg1[6]);")
    assert bad != good
    res = _check(tmp_path, mul_array(8), bad, engines=("algebra",))
    assert res.verdict is Verdict.NOT_EQUIVALENT, res.format_text()
    cex = res.counterexample.cycles[0]
    a, b = cex["inputs"]["a"], cex["inputs"]["b"]
    assert cex["gold"]["p"] == a * b != cex["gate"]["p"]


def test_sat_gate_model_matches_the_evaluator():
    """The z3 model of every gate type used by the carry proofs computes what the simulator computes."""
    import itertools

    import z3

    from rtlopt.verify._gates import GATE_INPUTS

    for t, ports in GATE_INPUTS.items():
        for vals in itertools.product((0, 1), repeat=len(ports)):
            got = z3.simplify(_algebra._z3_gate(z3, t, [z3.BoolVal(bool(v)) for v in vals]))
            assert z3.is_true(got) == bool(_algebra._eval_gate(t, list(vals), 1)), (t, vals)
