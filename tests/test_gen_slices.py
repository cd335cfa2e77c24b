"""Each generator of a round runs within its own slice of the round's generator window
(rtlopt.engine.search, GEN_SLICE_SHARE): a slow generator is cut at its slice's end, the later generators
still run, and the cut one runs again in the next round (a longer slice). Later rounds run the generators
the window closed before first and the costly or cut ones last (_round_order). Before, the templates
used up the window under load (heldout15 bistctl/march_fsm: 41-50 s of a --budget 90 run) and lifeshare,
which finds the winning rewrite, never ran. Whole searches with fake generators, measurements and prover
(no Yosys); the slices are made small, no time is asserted."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from test_early_proof import _measure, _setup, _variant

from rtlopt.engine import search
from rtlopt.engine.candidate import Candidate


def test_round_order_runs_skipped_first_and_costly_or_cut_last():
    order = ["templates", "casetable", "fsm", "regfunc", "lifeshare", "instlife"]
    assert search._round_order(order, set(), set(), set()) == order  # the first round: unchanged
    got = search._round_order(order, {"lifeshare", "instlife"}, {"templates"}, {"fsm"})
    assert got == ["lifeshare", "instlife", "casetable", "regfunc", "templates", "fsm"]


def test_a_slow_generator_is_cut_at_its_slice_the_next_runs_and_the_cut_one_resumes(tmp_path: Path, monkeypatch):
    log: list = []
    src = tmp_path / "top.v"
    calls = {"templates": 0}

    def templates(state):  # first call: past its slice and the window (interrupted); then it finds its rewrite
        calls["templates"] += 1
        log.append(("gen", "templates", state.round))
        if calls["templates"] == 1:
            calls["t0"] = time.monotonic()
            time.sleep(120)
        return [Candidate(_variant(state.texts[src], 600, "TMPL"), "template", ("register_width_reduction",),
                          "narrow", {"file": str(src)})]

    def later(state):
        log.append(("gen", "later", state.round))
        calls["later_after"] = time.monotonic() - calls["t0"]
        return [Candidate(_variant(state.texts[src], 800, "LATER"), "lifeshare", ("register_sharing",),
                          "share", {"file": str(src)})]

    _, design = _setup(tmp_path, monkeypatch, {"templates": templates, "later": later},
                       {"TMPL": "EQUIVALENT"}, log)
    monkeypatch.setattr(search, "GEN_SHARE", 0.25)  # a window of ~60 s of a 300 s budget
    monkeypatch.setattr(search, "GEN_SLICE_SHARE", 0.01)
    monkeypatch.setattr(search, "GEN_SLICE_MIN_S", 0.3)
    monkeypatch.setattr(search, "GEN_GRACE_S", 0.2)
    t = time.monotonic()
    res = search.optimize(design, budget_s=300, verify_timeout_s=60,
                          measure_fn=_measure({"TMPL": threading.Event()}), max_steps=1)
    assert time.monotonic() - t < 110  # the first call was interrupted
    # the later generator ran right after the cut (without slices: after the ~60 s window, in a new round)
    assert calls["later_after"] < 30
    gens = [e[1] for e in log if e[0] == "gen"]
    # round 1: the templates cut, the later generator still runs; nothing is proven (LATER: UNKNOWN),
    # so the next round on the same text runs the templates again (and not the later one)
    assert gens == ["templates", "later", "templates"]
    assert [s.description for s in res.steps] == ["narrow"]
    assert "gen_later_s" in res.timings


def test_a_generator_that_finishes_in_its_slice_is_not_run_again(tmp_path: Path, monkeypatch):
    log: list = []
    src = tmp_path / "top.v"

    def templates(state):
        log.append(("gen", "templates", state.round))
        return []

    def later(state):
        log.append(("gen", "later", state.round))
        return [Candidate(_variant(state.texts[src], 800, "LATER"), "lifeshare", ("register_sharing",),
                          "share", {"file": str(src)})]

    _, design = _setup(tmp_path, monkeypatch, {"templates": templates, "later": later}, {}, log)
    monkeypatch.setattr(search, "GEN_SLICE_MIN_S", 0.3)
    res = search.optimize(design, budget_s=300, verify_timeout_s=60,
                          measure_fn=_measure({"LATER": threading.Event()}), max_steps=1)
    assert [e[1] for e in log if e[0] == "gen"] == ["templates", "later"]
    assert res.steps == []


def test_a_generator_cut_while_the_input_is_measured_runs_again_in_the_same_round(tmp_path: Path, monkeypatch):
    """The first round's generators may not outlast the input's measurement limit (ppa_timeout_s) while
    it runs; one cut by that cap runs again once the input is measured, in the same round (before any
    proof), not only in a later round that may never come (heldout16 reqack: the templates cut at ~8 s,
    a tenth of the budget, and the width reduction they find later lost)."""
    log: list = []
    src = tmp_path / "top.v"
    calls = {"templates": 0}

    def templates(state):
        calls["templates"] += 1
        log.append(("gen", "templates", state.round))
        if calls["templates"] == 1:
            time.sleep(120)
        return [Candidate(_variant(state.texts[src], 600, "TMPL"), "template", ("register_width_reduction",),
                          "narrow", {"file": str(src)})]

    def later(state):
        log.append(("gen", "later", state.round))
        return []

    _, design = _setup(tmp_path, monkeypatch, {"templates": templates, "later": later},
                       {"TMPL": "EQUIVALENT"}, log)
    monkeypatch.setattr(search, "GEN_GRACE_S", 0.2)
    plain = _measure({"TMPL": threading.Event()})

    def slow_input(ref, texts=None, timeout=300.0):
        text = next(iter(texts.values())) if texts else Path(ref.files[0]).read_text()
        if "ORIGINAL" in text:
            time.sleep(2.0)  # the input: still measured when the cap passes
        return plain(ref, texts, timeout)

    msgs: list[str] = []
    res = search.optimize(design, budget_s=300, verify_timeout_s=60, ppa_timeout_s=0.5, measure_fn=slow_input,
                          max_steps=1, progress=msgs.append)
    assert [e[1] for e in log if e[0] == "gen"] == ["templates", "templates", "later"]  # again at once
    first_proof = next(i for i, e in enumerate(log) if e[0] == "prove")
    assert max(i for i, e in enumerate(log) if e[:2] == ("gen", "templates")) < first_proof  # same round
    assert any("runs again after it" in m for m in msgs)
    assert [s.description for s in res.steps] == ["narrow"]
