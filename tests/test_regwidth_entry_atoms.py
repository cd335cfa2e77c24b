"""register_width_reduction bounds a timer by the register predicates in its guards
(:func:`rtlopt.templates._regwidth._atom_bound`): a timer cleared one cycle after every state change
(``first = st != st_q``, or a registered change flag ``chg <= st_n != st``) and stepped only in one state,
which the machine -- its next state computed in a combinational block -- leaves at ``t == K``, holds
``HOLD && !first -> t <= K`` and ``t <= K + 1`` otherwise, though no bound per state alone is inductive.

Designs: generalization/ranges/entry_timer_prev_v (Verilog, three processes, registered state copy) and
entry_timer_chgflag_sv (SV enum, always_comb, registered change flag). Near misses: the timer cleared only by
an input, and a machine whose exit also needs an input (the compare does not bound the count): not narrowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.templates._regwidth import RegisterWidthReduction

RW = RegisterWidthReduction()
ROOT = Path(__file__).resolve().parents[1]
D = ROOT / "designs/generalization/ranges"
V = D / "entry_timer_prev_v"
SV = D / "entry_timer_chgflag_sv"


def _narrowed(text: str) -> list[str]:
    return [m.description for m in RW.match(text)]


@pytest.mark.parametrize("d,want", [(V, "t 12 -> 5 bits"), (SV, "cnt 10 -> 4 bits")])
def test_entry_cleared_timer_is_narrowed(d: Path, want: str):
    descs = _narrowed(next(d.glob("original.*")).read_text())
    assert any(want in s for s in descs), descs


def test_restyled_case_statement_as_if_chain_still_fires():
    text = (V / "original.v").read_text()
    old = """        case (st)
            IDLE:  if (start) st_n = FILL;
            FILL:  if (full) st_n = SOAK;
            SOAK:  if (tick && t == SOAK_T - 1) st_n = DRAIN;
            DRAIN: if (empty) st_n = IDLE;
        endcase"""
    new = """        if (st == IDLE && start) st_n = FILL;
        else if (st == FILL && full) st_n = SOAK;
        else if (st == SOAK && tick && t == SOAK_T - 1) st_n = DRAIN;
        else if (st == DRAIN && empty) st_n = IDLE;"""
    assert old in text
    descs = _narrowed(text.replace(old, new))
    assert any("t 12 -> 5 bits" in s for s in descs), descs


def test_timer_cleared_only_by_an_input_is_not_narrowed():
    # re-entering SOAK keeps the count: it runs past SOAK_T - 1 and wraps at 4095
    text = (V / "original.v").read_text().replace("else if (first)               t <= 12'd0;",
                                                  "else if (start)               t <= 12'd0;")
    assert "else if (start)" in text
    assert not any(" t 12 ->" in s for s in _narrowed(text))


def test_exit_that_also_needs_an_input_does_not_bound_it():
    text = (V / "original.v").read_text().replace("if (tick && t == SOAK_T - 1) st_n = DRAIN;",
                                                  "if (tick && t == SOAK_T - 1 && empty) st_n = DRAIN;")
    assert "&& empty) st_n = DRAIN" in text
    assert not any(" t 12 ->" in s for s in _narrowed(text))


@pytest.mark.yosys
def test_reference_proven_and_too_narrow_not(tmp_path: Path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    def prove(text: str):
        g = tmp_path / "gate.v"
        g.write_text(text)
        return check_equivalence(DesignRef([V / "original.v"], "entry_timer_prev_v"), DesignRef([g], "entry_timer_prev_v"),
                                 VerifyOptions(timeout_s=180))

    ref = (V / "reference.v").read_text()
    assert prove(ref).verdict.name == "EQUIVALENT"
    # 4 bits never reach 19: the machine stays in SOAK
    bad = ref.replace("reg [4:0]  t;", "reg [3:0]  t;")
    assert bad != ref
    assert prove(bad).verdict.name != "EQUIVALENT"
