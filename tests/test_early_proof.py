"""The early proof (rtlopt.engine.search, EARLY_PROOF_SHARE): once the early generators ran, the best
candidate measured so far is proven before the later (slow) generators run; proven, it is accepted and the
round ends, the later generators run in the next round first. Before, every proof waited for every
generator: under load a --budget 90 run gave each found candidate a 10-13 s slot after ~55 s of
generators (heldout11 combo_lock / trng_health ended no_proof; proven early they land in round 1).

Whole searches with fake generators, measurements and prover (no wall-clock limit: the fake light
generator waits for the measurement of the candidate it follows to start, and the early proof waits for
a running measurement, so the order is deterministic)."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from types import SimpleNamespace

from rtlopt.design import open_design
from rtlopt.engine import search
from rtlopt.engine.candidate import Candidate
from rtlopt.engine.search import EARLY_PROOF_MIN_GAIN, _early_generators, _early_pick, _generator_order

_SRC = """module top(input clk, input [7:0] a, output reg [7:0] y);
  always @(posedge clk) y <= a + 8'd1; // AREA=1000 ORIGINAL
endmodule
"""


def _c(desc: str, **hints) -> Candidate:
    return Candidate(text=desc, source="template", rules=("r",), description=desc, hints=hints)


def test_early_pick_takes_the_best_measured_candidate_with_a_real_gain():
    measured = [(_c("small gain"), 1000.0 * (1 - EARLY_PROOF_MIN_GAIN / 2)), (_c("best"), 700.0),
                (_c("good"), 800.0), (_c("unmeasured"), None)]
    assert _early_pick(measured, 1000.0) == 1
    assert _early_pick(measured[:1] + measured[3:], 1000.0) is None  # a gain below the minimum: none
    assert _early_pick([], 1000.0) is None
    # a candidate containing a rewrite the verifier could not prove is not proven early
    bad = [(_c("with bad", parts=("x", "y")), 600.0), (_c("clean", parts=("z",)), 750.0)]
    assert _early_pick(bad, 1000.0, [frozenset({"x"})]) == 1
    # ties: a combination before a single rewrite (as the prove stage orders them: its extra rewrites cost
    # nothing here and may open the next round's), then by description
    tie = [(_c("a single"), 700.0), (_c("b combined", combined=True), 700.0)]
    assert _early_pick(tie, 1000.0) == 1
    assert _early_pick(tie[::-1], 1000.0) == 0
    assert _early_pick([(_c("b single"), 700.0), (_c("a single"), 700.0)], 1000.0) == 1
    # a strictly better single rewrite still comes first
    assert _early_pick([(_c("single"), 699.0), (_c("combined", combined=True), 700.0)], 1000.0) == 0


def test_the_early_group_is_the_first_the_light_and_the_bounded_syntax_generators():
    order = _generator_order(["templates", "fsm", "romsym", "regfunc", "datapath_egraph", "histflag"])
    assert order[:4] == ["templates", "romsym", "histflag", "datapath_egraph"]
    assert _early_generators(order) == {"templates", "romsym", "histflag", "datapath_egraph"}


def _measure(started: dict[str, threading.Event]):
    from rtlopt.ppa._report import Metric, PpaReport

    def measure_fn(ref, texts=None, timeout=300.0):
        text = next(iter(texts.values())) if texts else Path(ref.files[0]).read_text()
        m = re.search(r"AREA=(\d+) (\w+)", text)
        if m.group(2) in started:
            started[m.group(2)].set()
        na = Metric(None, "ns", "n/a")
        return PpaReport(area_um2=Metric(float(m.group(1)), "um^2", "test"), delay_ns=na,
                         power_mw=Metric(None, "mW", "n/a"), cells=Metric(1, "cells", "test"),
                         generic_cells=Metric(None, "cells", "n/a"), generic_wires=Metric(None, "wires", "n/a"),
                         cells_by_type={}, provenance={}, scripts={}, seconds=0.0)
    return measure_fn


def _setup(tmp_path: Path, monkeypatch, gens: dict, verdicts: dict[str, str], log: list):
    import rtlopt.engine.modproof as modproof
    import rtlopt.verify as verify

    src = tmp_path / "top.v"
    src.write_text(_SRC)
    monkeypatch.setattr(search, "_GENERATORS", gens)
    monkeypatch.setattr(search, "_MEMO_KEYS", {})
    monkeypatch.setattr(search, "EARLY_WAIT_S", 600.0)  # a bound on waiting for a running measurement

    def check(gold, gate, opts):
        tag = re.search(r"AREA=\d+ (\w+)", Path(gate.files[0]).read_text()).group(1)
        log.append(("prove", tag, opts.timeout_s))
        v = verdicts.get(tag, "UNKNOWN")
        return SimpleNamespace(verdict=v, engine="fake", seconds=0.0, to_dict=lambda: {"verdict": v})

    monkeypatch.setattr(verify, "check_equivalence", check)
    monkeypatch.setattr(modproof, "prove_by_modules", lambda *a, **k: None)
    return src, open_design([str(src)], "top")


def _variant(text: str, area: int, tag: str) -> str:
    return re.sub(r"AREA=\d+ \w+", f"AREA={area} {tag}", text)


def _two_round_search(tmp_path: Path, monkeypatch, at_once: bool, better_later: bool = False):
    log: list = []
    started = {"NARROW": threading.Event(), "SHARE": threading.Event()}
    src = tmp_path / "top.v"

    def templates(state):  # round 0: a narrowing; round 1 (on the narrowed text): a sharing
        text = state.texts[src]
        if "ORIGINAL" in text:
            return [Candidate(_variant(text, 700, "NARROW"), "template", ("register_width_reduction",),
                              "narrow", {"file": str(src)})]
        if "NARROW" in text:
            return [Candidate(_variant(text, 500, "SHARE"), "template", ("exclusive_operator_sharing",),
                              "share", {"file": str(src)})]
        return []

    def light(state):  # waits until the measurement of this round's early candidate started
        text = state.texts[src]
        tag = "NARROW" if "ORIGINAL" in text else "SHARE" if "NARROW" in text else None
        if tag is not None:
            started[tag].wait(timeout=600)
        log.append(("gen", "romsym", state.round))
        return []

    def heavy(name):
        def g(state):
            log.append(("gen", name, state.round))
            if better_later and name == "slow2" and "ORIGINAL" in state.texts[src]:
                return [Candidate(_variant(_SRC, 300, "FUNC"), "regfunc", ("sequential_redundancy",), "func",
                                  {"file": str(src)})]
            return []
        return g

    gens = {"templates": templates, "romsym": light, "slow1": heavy("slow1"), "slow2": heavy("slow2")}
    verdicts = {"NARROW": "EQUIVALENT", "SHARE": "EQUIVALENT", "FUNC": "EQUIVALENT"}
    _, design = _setup(tmp_path, monkeypatch, gens, verdicts, log)
    monkeypatch.setattr(search, "EARLY_ACCEPT_AT_ONCE", at_once)
    res = search.optimize(design, budget_s=300, verify_timeout_s=60, measure_fn=_measure(started),
                          max_steps=1 if better_later else 5)
    return res, log


def test_the_best_early_candidate_is_proven_before_the_slow_generators(tmp_path: Path, monkeypatch):
    res, log = _two_round_search(tmp_path, monkeypatch, at_once=False)
    assert [s.description for s in res.steps] == ["narrow", "share"]
    assert all(s.verdict == "EQUIVALENT" for s in res.steps)
    events = [e[:2] if e[0] == "prove" else e for e in log]
    # round 0: the narrowing proven before any slow generator ran; they run after it, in the same round
    i_narrow = events.index(("prove", "NARROW"))
    assert events.index(("gen", "romsym", 0)) < i_narrow < events.index(("gen", "slow1", 0))
    assert ("gen", "slow2", 0) in events
    # its slot: 0.35 of the time left (the per-proof limit caps it at 60 s), not a prove-stage share
    assert [e[2] for e in log if e[:2] == ("prove", "NARROW")] == [60.0]
    # round 1: the sharing proven early too; each proven once (the prove stage reads the verdict)
    i_share = events.index(("prove", "SHARE"))
    assert events.index(("gen", "romsym", 1)) < i_share < events.index(("gen", "slow1", 1))
    assert len([e for e in events if e[0] == "prove"]) == 2


def test_a_better_candidate_of_a_later_generator_still_wins(tmp_path: Path, monkeypatch):
    """heldout11 gate_ctrl: accepting the early narrowing at once (1426 -> 815 um^2) ended at 374.1; the
    register function of a later generator (-> 345) was the better step (337.8 at the end)."""
    res, log = _two_round_search(tmp_path, monkeypatch, at_once=False, better_later=True)
    proofs = [e[1] for e in log if e[0] == "prove"]
    assert proofs == ["NARROW", "FUNC"]  # the early one, then the better one in the prove stage
    assert [s.description for s in res.steps] == ["func"]


def test_accepted_at_once_the_round_ends_and_the_next_runs_its_later_generators_first(tmp_path: Path,
                                                                                       monkeypatch):
    res, log = _two_round_search(tmp_path, monkeypatch, at_once=True)
    assert [s.description for s in res.steps] == ["narrow", "share"]
    events = [e[:2] if e[0] == "prove" else e for e in log]
    i_narrow = events.index(("prove", "NARROW"))
    assert ("gen", "slow1", 0) not in events and ("gen", "slow2", 0) not in events
    assert events.index(("gen", "romsym", 0)) < i_narrow
    # round 1: the generator round 0 ended before runs before the next early proof
    i_share = events.index(("prove", "SHARE"))
    assert i_narrow < events.index(("gen", "slow1", 1)) < i_share
    assert ("gen", "slow2", 1) not in events  # round 1 ended by the early proof of the sharing
    assert ("gen", "slow2", 2) in events  # and it ran in round 2
    assert len([e for e in events if e[0] == "prove"]) == 2


def test_an_unknown_early_proof_keeps_the_round_going(tmp_path: Path, monkeypatch):
    log: list = []
    started = {"HARD": threading.Event()}
    src = tmp_path / "top.v"

    def templates(state):
        if state.round > 0:
            return []
        return [Candidate(_variant(_SRC, 600, "HARD"), "template", ("register_width_reduction",), "hard",
                          {"file": str(src)})]

    def light(state):
        if state.round == 0:
            started["HARD"].wait(timeout=600)
        log.append(("gen", "romsym", state.round))
        return []

    def slow(state):  # the later generator still runs after the early proof ended UNKNOWN
        log.append(("gen", "slow", state.round))
        if state.round > 0:
            return []
        return [Candidate(_variant(_SRC, 800, "EASY"), "regfunc", ("sequential_redundancy",), "easy",
                          {"file": str(src)})]

    gens = {"templates": templates, "romsym": light, "slow": slow}
    _, design = _setup(tmp_path, monkeypatch, gens, {"EASY": "EQUIVALENT"}, log)
    res = search.optimize(design, budget_s=300, verify_timeout_s=60, measure_fn=_measure(started), max_steps=1)
    proofs = [e for e in log if e[0] == "prove"]
    assert proofs[0][:2] == ("prove", "HARD")
    assert log.index(proofs[0]) < log.index(("gen", "slow", 0))
    # the prove stage: the hard one again only with a limit >= 1.5x its early one (60 s, the per-proof
    # limit, is not): not proven again; the sharing of the slow generator proven and accepted
    assert [p[1] for p in proofs] == ["HARD", "EASY"]
    assert [s.description for s in res.steps] == ["easy"]
    hard = [a for a in res.attempts if a.candidate.description == "hard"]
    assert hard and hard[0].verdict == "UNKNOWN" and "early proof" in (hard[0].error or "")


def test_fsm_engine_first_run_may_come_in_a_later_round(tmp_path: Path, monkeypatch):
    """A round ended by an early proof (or whose window closed) before the FSM engine: the next round runs
    it on the current text as its first run (before, a later round ran it only when round one had)."""
    import rtlopt.fsm as fsm_pkg

    src = tmp_path / "top.v"
    src.write_text(_SRC)
    design = open_design([str(src)], "top")
    calls: list[dict] = []

    def fake(d, **kw):
        calls.append({"text": Path(d.files[0]).read_text(), **kw})
        return [Candidate(_variant(_SRC, 900, "FSM"), "fsm", ("fsm_reencode_onehot",), "fsm", {"file": str(d.files[0])})]

    monkeypatch.setattr(fsm_pkg, "candidates", fake, raising=False)
    search._FSM_FOUND.clear()
    search._FSM_LATER_MEMO.clear()
    st = search.State
    cur = _variant(_SRC, 950, "NARROW")
    got = search.fsm_candidates(st(design=design, texts={design.files[0]: cur}, goal="area", liberty=None, round=1))
    assert [c.description for c in got] == ["fsm"] and got[0].hints["file"] == str(design.files[0])
    assert len(calls) == 1 and "NARROW" in calls[0]["text"]  # the current text, not the file on disk
    assert search._FSM_FOUND[(design.top, (str(design.files[0]),))] is True
    # a machine-less design whose first run found nothing: the later rounds skip it
    search._FSM_FOUND.clear()
    search._FSM_LATER_MEMO.clear()
    monkeypatch.setattr(fsm_pkg, "candidates", lambda d, **kw: calls.append(kw) or [], raising=False)
    assert search.fsm_candidates(st(design=design, texts={design.files[0]: cur}, goal="area", liberty=None,
                                    round=1)) == []
    n = len(calls)
    other = _variant(_SRC, 940, "NARROWER")
    assert search.fsm_candidates(st(design=design, texts={design.files[0]: other}, goal="area", liberty=None,
                                    round=2)) == []
    assert len(calls) == n


def test_no_early_proof_while_a_family_s_first_candidate_is_unmeasured(tmp_path: Path, monkeypatch):
    """mac_const: the datapath e-graph's rewrite (322.7 um^2) was still being measured when a template
    combination (357.2) was proven early and accepted; the run ended at 356.7 instead of 188.6. The early
    proof waits until the first candidate of every family is measured."""
    log: list = []
    src = tmp_path / "top.v"
    release, started = threading.Event(), {"SLOWMEAS": threading.Event()}
    inner = _measure(started)

    def measure_fn(ref, texts=None, timeout=300.0):
        text = next(iter(texts.values())) if texts else ""
        if "SLOWMEAS" in text:
            release.wait(timeout=600)  # measured once the first later generator ran
        return inner(ref, texts=texts, timeout=timeout)

    def templates(state):
        if state.round > 0:
            return []
        return [Candidate(_variant(_SRC, 900, "QUICK"), "template", ("const_mult_to_shift_add",), "quick",
                          {"file": str(src)})]

    def egraph(state):
        if state.round > 0:
            return []
        return [Candidate(_variant(_SRC, 600, "SLOWMEAS"), "egraph", ("datapath_egraph",), "slow to measure",
                          {"file": str(src)})]

    def heavy1(state):
        log.append(("gen", "heavy1", state.round))
        if state.round == 0:
            release.set()
        return []

    def heavy2(state):
        log.append(("gen", "heavy2", state.round))
        return []

    gens = {"templates": templates, "datapath_egraph": egraph, "heavy1": heavy1, "heavy2": heavy2}
    _, design = _setup(tmp_path, monkeypatch, gens, {"QUICK": "EQUIVALENT", "SLOWMEAS": "EQUIVALENT"}, log)
    monkeypatch.setattr(search, "EARLY_WAIT_S", 0.0)  # (its measurement waits for heavy1: no waiting for it)
    res = search.optimize(design, budget_s=300, verify_timeout_s=60, measure_fn=measure_fn, max_steps=1)
    proofs = [e[:2] for e in log if e[0] == "prove"]
    # the better one (early before heavy2, or in the prove stage), never the one measured first
    assert proofs == [("prove", "SLOWMEAS")]
    assert log.index(("gen", "heavy1", 0)) < [e[:2] for e in log].index(("prove", "SLOWMEAS"))
    assert [s.description for s in res.steps] == ["slow to measure"]


def test_the_early_pick_waits_for_the_rest_of_its_family(tmp_path: Path, monkeypatch):
    """heldout11 dshot_quad: the first instshare candidate (one register of four instances shared) was
    proven early while the one sharing all three registers was still being measured: 4650.7 um^2 at the
    end instead of 3943.8. A candidate is picked only when its whole family is measured."""
    log: list = []
    src = tmp_path / "top.v"
    release = threading.Event()
    inner = _measure({})

    def measure_fn(ref, texts=None, timeout=300.0):
        if texts and "ALLREGS" in next(iter(texts.values())):
            release.wait(timeout=600)  # measured once the first later generator ran
        return inner(ref, texts=texts, timeout=timeout)

    def templates(state):
        return []

    def share(state):  # one family, its weaker candidate first
        if state.round > 0:
            return []
        return [Candidate(_variant(_SRC, 800, "ONEREG"), "instshare", ("instance_register_sharing",), "one",
                          {"file": str(src)}),
                Candidate(_variant(_SRC, 500, "ALLREGS"), "instshare", ("instance_register_sharing",), "all",
                          {"file": str(src)})]

    def heavy(state):
        log.append(("gen", "heavy", state.round))
        release.set()
        return []

    gens = {"templates": templates, "romsym": share, "heavy": heavy, "heavy2": lambda st: []}
    _, design = _setup(tmp_path, monkeypatch, gens, {"ONEREG": "EQUIVALENT", "ALLREGS": "EQUIVALENT"}, log)
    monkeypatch.setattr(search, "EARLY_WAIT_S", 0.0)
    res = search.optimize(design, budget_s=300, verify_timeout_s=60, measure_fn=measure_fn, max_steps=1)
    assert [e[:2] for e in log if e[0] == "prove"] == [("prove", "ALLREGS")]
    assert [s.description for s in res.steps] == ["all"]
