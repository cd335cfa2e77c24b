"""Parameterized family (issue 10): a counter kept twice (credits left and credits in use) with
registered flags (generalization parameterized/credit_clog2, slot_acct_case). The register-function
rewrite keeps one count; its proof needs the invariants ``a + b == K`` and ``flag == (count == K)``,
which the SMT engine now mines as induction candidates (the value-pair candidates cover a 12-credit
counter only past the BMC depth: the proof was UNKNOWN after 200 s, now about 40 s)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "designs" / "generalization" / "parameterized" / "slot_acct_case" / "original.v"


def test_affine_and_flag_candidates_are_mined():
    import z3

    from rtlopt.verify._smt import _affine_candidates

    ctx = z3.Context()
    a, b = z3.BitVec("gold.avail", 4, ctx), z3.BitVec("gold.used", 4, ctx)
    c = z3.BitVec("gold.other", 5, ctx)  # another width: never paired with the 4-bit words
    f = z3.Bool("gold.full", ctx)
    regs = {"gold.avail": a, "gold.used": b, "gold.other": c, "gold.full": f}
    sm = SimpleNamespace(regs=regs, constants=[12, 3])
    info = [SimpleNamespace(name=n) for n in regs]
    cands = _affine_candidates(sm, info)

    def has(want) -> bool:  # the same formula (z3 may print the operands of == in either order)
        return any(x.eq(want) or z3.simplify(x).eq(z3.simplify(want)) for x in cands)

    assert has(a + b == 12)
    assert has(f == (b == 12))
    assert has(f == z3.Not(b == 0))
    assert not has(a + b == 5)  # only 0 and the miter's constants
    assert not any("gold.other +" in str(x) or "+ gold.other" in str(x) for x in cands)
    # true in the reachable states of the pair only: the solver sees them as candidates, not facts
    s = z3.Solver(ctx=ctx)
    s.add(a == 5, b == 7)
    assert s.check() == z3.sat and z3.is_true(s.model().eval(a + b == 12))


def _regfunc_text(tmp_path, slots: int) -> tuple[Path, Path]:
    from rtlopt.semantic.regfunc import candidates_for

    src = CASE.read_text().replace("SLOTS = 12", f"SLOTS = {slots}")
    gold = tmp_path / "gold.v"
    gold.write_text(src)
    cands = candidates_for({gold: src}, "slot_acct")
    texts = [list(t.values())[0] for t, desc in cands if "'avail' ==" in desc and "'full' ==" in desc]
    assert texts, [d for _t, d in cands]
    gate = tmp_path / "gate.v"
    gate.write_text(texts[0])
    return gold, gate


def _verify(gold, gate, *extra) -> str:
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(gold), str(gate), "--top", "slot_acct",
                        "--timeout", "240", *extra], capture_output=True, text=True, timeout=600)
    return r.stdout + r.stderr


@pytest.mark.yosys
def test_single_count_rewrite_of_the_restyle_is_proven_and_a_wrong_flag_is_not(tmp_path):
    gold, gate = _regfunc_text(tmp_path, 3)
    assert "'d3" in gate.read_text()
    assert _verify(gold, gate).startswith("EQUIVALENT")
    bad = tmp_path / "bad.v"
    bad.write_text(gate.read_text().replace("(used == 2'd3)", "(used == 2'd2)"))
    assert bad.read_text() != gate.read_text()
    assert _verify(gold, bad).startswith("NOT EQUIVALENT")


@pytest.mark.yosys
@pytest.mark.slow
def test_twelve_slot_rewrite_is_proven_by_smt(tmp_path):
    gold, gate = _regfunc_text(tmp_path, 12)
    out = _verify(gold, gate, "--engines", "smt")
    assert out.startswith("EQUIVALENT"), out
