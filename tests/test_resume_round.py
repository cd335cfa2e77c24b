"""A round that proves nothing after its generator window closed before some generators ran is followed
by a round on the same text that runs only those generators (rtlopt.engine.search, RESUME_MIN_S).
Before, such a round ended the search: heldout12 coffee/brew_fsm stopped at 51 s of --budget 90 (load
15) with the FSM engine never run. Whole searches with fake generators, measurements and prover; the
window is made to close by a generator outlasting a tiny GEN_SHARE (no time is asserted)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from test_early_proof import _SRC, _measure, _setup, _variant

from rtlopt.engine import search
from rtlopt.engine.candidate import Candidate


def _run(tmp_path: Path, monkeypatch, resume_min_s: float):
    log: list = []
    src = tmp_path / "top.v"

    def templates(state):  # outlasts the round's window: the slow generator is skipped
        log.append(("gen", "templates", state.round))
        time.sleep(0.5)
        return [Candidate(_variant(state.texts[src], 600, "HARD"), "template", ("register_width_reduction",),
                          "hard", {"file": str(src)})]

    def slow(state):
        log.append(("gen", "slow", state.round))
        return [Candidate(_variant(state.texts[src], 800, "EASY"), "regfunc", ("sequential_redundancy",),
                          "easy", {"file": str(src)})]

    gens = {"templates": templates, "slow": slow}
    _, design = _setup(tmp_path, monkeypatch, gens, {"EASY": "EQUIVALENT"}, log)
    monkeypatch.setattr(search, "GEN_SHARE", 0.0005)  # 0.15 s of a 300 s budget
    monkeypatch.setattr(search, "RESUME_MIN_S", resume_min_s)
    res = search.optimize(design, budget_s=300, verify_timeout_s=60,
                          measure_fn=_measure({"HARD": threading.Event()}), max_steps=1)
    return res, log


def test_generators_the_window_closed_before_run_when_nothing_was_proven(tmp_path: Path, monkeypatch):
    res, log = _run(tmp_path, monkeypatch, resume_min_s=15.0)
    gens = [e for e in log if e[0] == "gen"]
    assert gens == [("gen", "templates", 0), ("gen", "slow", 0)]  # templates once; slow in the next round
    proofs = [e[1] for e in log if e[0] == "prove"]
    assert proofs.count("HARD") == 1 and proofs[-1] == "EASY"  # the unproven one is not proven again
    assert [s.description for s in res.steps] == ["easy"]


def test_without_time_left_the_search_ends_as_before(tmp_path: Path, monkeypatch):
    res, log = _run(tmp_path, monkeypatch, resume_min_s=10_000.0)
    assert [e for e in log if e[0] == "gen"] == [("gen", "templates", 0)]
    assert res.steps == []
