"""A round whose better candidates all ended UNKNOWN proves the best of them once more, longer."""

from __future__ import annotations

import time
from types import SimpleNamespace

from rtlopt.engine.candidate import Candidate
from rtlopt.engine.search import Attempt, _second_proof


def _att(desc: str, verdict: str) -> Attempt:
    a = Attempt(Candidate(rules=["r"], description=desc, text="", source="template"), 1.0)
    a.verdict = verdict
    return a


def _better():
    return [(_att("proven-not", "NOT_EQUIVALENT"), {"t": 1}, "rep1"),
            (_att("slow proof", "UNKNOWN"), {"t": 2}, "rep2"),
            (_att("second unknown", "UNKNOWN"), {"t": 3}, "rep3")]


def test_best_unknown_candidate_gets_a_longer_proof():
    calls = []

    def prove(texts, cand, limit=None):
        calls.append((texts, cand.description, limit))
        return SimpleNamespace(verdict="EQUIVALENT", engine="smt", seconds=3.0)

    got = _second_proof(_better(), prove, time.monotonic() + 400, 60.0, lambda m: None)
    assert got is not None
    att, texts, rep, _res = got
    assert att.candidate.description == "slow proof" and att.accepted and att.verdict == "EQUIVALENT"
    assert texts == {"t": 2} and rep == "rep2"
    assert len(calls) == 1 and 190 <= calls[0][2] <= 200  # half of the budget left


def test_no_second_proof_when_the_budget_left_is_short_or_it_stays_unknown():
    def unknown(texts, cand, limit=None):
        return SimpleNamespace(verdict="UNKNOWN", engine=None, seconds=limit)

    def never(texts, cand, limit=None):
        raise AssertionError("no time for a second proof")

    assert _second_proof(_better(), never, time.monotonic() + 100, 60.0, lambda m: None) is None
    assert _second_proof(_better(), unknown, time.monotonic() + 400, 60.0, lambda m: None) is None
    assert _second_proof(_better()[:1], never, time.monotonic() + 400, 60.0, lambda m: None) is None


def test_proof_capped_only_when_other_candidates_wait_at_the_budget_end():
    from rtlopt.engine.search import PROOF_FLOOR_S, _proof_cap

    # 90 s left, 90 s per proof, a lamp decode waiting behind a timer narrowing: 60 % of what is left
    assert _proof_cap(90.0, 90.0, others=True) == 54.0
    assert _proof_cap(90.0, 90.0, others=False) is None  # nothing waits: the whole limit
    assert _proof_cap(400.0, 90.0, others=True) is None  # room for this proof and the next
    assert 88.9 < _proof_cap(125.0, 90.0, others=True) < 89.1  # a reserve of 40 % of the limit
    assert _proof_cap(40.0, 90.0, others=True) == 24.0
    assert _proof_cap(5.0, 90.0, others=True) == PROOF_FLOOR_S  # never below the floor
    assert _proof_cap(5.0, 4.0, others=True) is None  # nor above the per-proof limit
