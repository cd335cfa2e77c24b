"""The prove stage's order (rtlopt.engine.search): after FAMILY_UNKNOWN_LIMIT proofs of one family
(generator, or template rule) end UNKNOWN in a round, that family's further candidates, and near-
duplicates of an UNKNOWN one, wait behind the other families' candidates (heldout8 pkt_hdr_extract:
~25 FSM re-encodings ended UNKNOWN and the provable byte-index narrowing behind them was never tried);
best first otherwise. Also: the later rounds' FSM engine runs once per text of the machine's file."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from rtlopt.design import open_design
from rtlopt.engine import search
from rtlopt.engine.candidate import Candidate
from rtlopt.engine.search import _held_back, _next_to_prove


def _c(source: str, rules: tuple[str, ...], desc: str) -> Candidate:
    return Candidate(text=desc, source=source, rules=rules, description=desc)


def _fsm(i: int) -> Candidate:
    return _c("fsm", (["fsm_reencode_onehot", "fsm_reencode_gray", "fsm_reencode_binary"][i % 3],), f"fsm{i}")


def test_best_first_while_nothing_failed():
    pending = [(_fsm(i), 2436.0 + 5 * i) for i in range(5)] + [(_c("template", ("width",), "narrow"), 2592.0)]
    assert _next_to_prove(pending, []) == 0
    assert _next_to_prove([], []) is None


def test_a_family_with_two_unknowns_waits_behind_the_others():
    pending = [(_fsm(i), 2446.0 + 5 * i) for i in range(2, 6)] + [(_c("template", ("width",), "narrow"), 2592.0)]
    one = [(_fsm(0), 2436.0)]
    assert _next_to_prove(pending, one) == 0  # one UNKNOWN: a different-rule FSM candidate still first
    two = one + [(_fsm(1), 2441.0)]
    assert _next_to_prove(pending, two) == len(pending) - 1  # the narrowing gets its turn
    # only the held-back family left: the best of it is proven (the time is not wasted)
    assert _next_to_prove(pending[:-1], two) == 0


def test_template_rules_are_separate_families():
    failed = [(_c("template", ("width",), "w1"), 100.0), (_c("template", ("width",), "w2"), 90.0)]
    assert _held_back(_c("template", ("width",), "w3"), 80.0, failed)
    assert not _held_back(_c("template", ("cse",), "c1"), 80.0, failed)
    assert not _held_back(_c("lifting", ("width",), "l1"), 80.0, failed)


def test_near_duplicates_of_an_unknown_wait():
    failed = [(_c("fsm", ("fsm_reencode_onehot", "fsm_state_minimization"), "a"), 2436.0)]
    same_rules = ("fsm_reencode_onehot", "fsm_state_minimization")
    assert _held_back(_c("fsm", same_rules, "b"), 2450.0, failed)  # within 1 %
    assert not _held_back(_c("fsm", same_rules, "c"), 2500.0, failed)  # 2.6 % away
    assert not _held_back(_c("fsm", ("fsm_reencode_gray",), "d"), 2437.0, failed)  # other rules
    pending = [(_c("fsm", same_rules, "b"), 2450.0), (_c("template", ("width",), "narrow"), 2592.0)]
    assert _next_to_prove(pending, failed) == 1


_SRC = """module top(input clk, input [7:0] a, output reg [7:0] y);
  always @(posedge clk) y <= a + 8'd1; // AREA=1000 ORIGINAL
endmodule
"""


def _variant(area: int, tag: str) -> str:
    return _SRC.replace("AREA=1000 ORIGINAL", f"AREA={area} {tag}")


def test_optimize_proves_the_other_family_after_two_unknowns(tmp_path: Path, monkeypatch):
    """A whole search with fake measurements and a fake prover: six FSM-family candidates (smaller,
    every proof UNKNOWN) and one template candidate (larger, provable). Before, the six proofs came
    first (on a real design each takes its full time, and the round's budget ran out before the
    template one); now it is the third proof."""
    import rtlopt.engine.modproof as modproof
    import rtlopt.verify as verify
    from rtlopt.ppa._report import Metric, PpaReport

    src = tmp_path / "top.v"
    src.write_text(_SRC)
    design = open_design([str(src)], "top")

    def fsm_gen(_state):
        if _state.round > 0:
            return []
        return [Candidate(_variant(900 + i, f"FSM{i}"), "fsm", (f"fsm_reencode_{i % 2}",), f"fsm {i}",
                          {"file": str(src)}) for i in range(6)]

    def tmpl_gen(_state):
        if _state.round > 0:
            return []
        return [Candidate(_variant(950, "PROVABLE"), "template", ("width",), "narrow", {"file": str(src)})]

    monkeypatch.setattr(search, "_GENERATORS", {"fakefsm": fsm_gen, "faketmpl": tmpl_gen})

    def measure_fn(ref, texts=None, timeout=300.0):
        text = next(iter(texts.values())) if texts else Path(ref.files[0]).read_text()
        area = float(re.search(r"AREA=(\d+)", text).group(1))
        na = Metric(None, "ns", "n/a")
        return PpaReport(area_um2=Metric(area, "um^2", "test"), delay_ns=na, power_mw=Metric(None, "mW", "n/a"),
                         cells=Metric(1, "cells", "test"), generic_cells=Metric(None, "cells", "n/a"),
                         generic_wires=Metric(None, "wires", "n/a"), cells_by_type={}, provenance={},
                         scripts={}, seconds=0.0)

    proved: list[str] = []

    def check(gold, gate, _opts):
        text = Path(gate.files[0]).read_text()
        tag = re.search(r"AREA=\d+ (\w+)", text).group(1)
        proved.append(tag)
        verdict = "EQUIVALENT" if tag == "PROVABLE" else "UNKNOWN"
        return SimpleNamespace(verdict=verdict, engine="fake", seconds=0.0, to_dict=lambda: {"verdict": verdict})

    monkeypatch.setattr(verify, "check_equivalence", check)
    monkeypatch.setattr(modproof, "prove_by_modules", lambda *a, **k: None)
    res = search.optimize(design, budget_s=60, verify_timeout_s=5, measure_fn=measure_fn, max_steps=1)
    assert proved[:3] == ["FSM0", "FSM1", "PROVABLE"]
    assert res.steps and res.steps[0].description == "narrow" and res.steps[0].metric_after == 950.0


def test_later_round_fsm_runs_once_per_text(tmp_path: Path, monkeypatch):
    import rtlopt.fsm as fsm_pkg

    src = tmp_path / "top.v"
    src.write_text(_SRC)
    design = open_design([str(src)], "top")
    calls: list[dict] = []

    def fake(d, **kw):
        calls.append(kw)
        return [Candidate(_variant(900, "FSM"), "fsm", ("fsm_reencode_onehot",), "fsm", {"file": str(d.files[0])})]

    monkeypatch.setattr(fsm_pkg, "candidates", fake, raising=False)
    search._FSM_FOUND.clear()
    search._FSM_LATER_MEMO.clear()
    src = design.files[0]
    st = search.State
    assert search.fsm_candidates(st(design=design, texts={src: _SRC}, goal="area", liberty=None, round=0))
    cur = _variant(950, "NARROW")
    first = search.fsm_candidates(st(design=design, texts={src: cur}, goal="area", liberty=None, round=1))
    again = search.fsm_candidates(st(design=design, texts={src: cur}, goal="area", liberty=None, round=2))
    assert len(calls) == 2 and [c.description for c in first] == [c.description for c in again] == ["fsm"]
    assert first[0].hints["file"] == str(src)  # the copy's file mapped back to the user's
    assert calls[1]["extract_timeout_s"] <= max(5.0, 3 * 30.0)  # capped by the first run's time
    other = _variant(940, "NARROWER")
    search.fsm_candidates(st(design=design, texts={src: other}, goal="area", liberty=None, round=2))
    assert len(calls) == 3  # the machine's file changed: the engine runs again


def test_a_proof_gets_an_equal_share_when_several_families_wait():
    from rtlopt.engine.search import PROOF_FLOOR_S, _proof_cap

    assert 86.0 < _proof_cap(123.0, 90.0, others=True) < 88.0  # one family waits: as before
    assert 86.0 < _proof_cap(123.0, 90.0, others=True, families=1) < 88.0
    assert 30.0 < _proof_cap(123.0, 90.0, others=True, families=3) < 31.0  # 123 / 4
    assert _proof_cap(20.0, 90.0, others=True, families=5) == PROOF_FLOOR_S
    assert _proof_cap(600.0, 90.0, others=True, families=3) is None  # room for all: the whole limit
