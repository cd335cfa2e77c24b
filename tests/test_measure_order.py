"""The measurement order (rtlopt.engine.search): candidates are measured round-robin across families
(each template rule, the templates' combinations, each other generator), the first of every family
before the second of any. Before, the pool measured in listing order: the templates' candidates
(listed first, ~36 on a 32-arm table) before any semantic generator's, and under load the budget ran
out before tables/sine32_ifchain_function_v's table-symmetry candidate (the best) was measured. Also:
the syntax-only generators run right after the templates, before the analyses that synthesize or
simulate (there the regfunc analyses alone used the round's generator window)."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from types import SimpleNamespace

from rtlopt.design import open_design
from rtlopt.engine import search
from rtlopt.engine.candidate import Candidate
from rtlopt.engine.search import _generator_order, _measure_family, _next_measurement
from rtlopt.errors import ToolTimeout


def _order(waiting: list[tuple]) -> list[int]:
    """Arrival numbers in the order _next_measurement starts them (one worker)."""
    waiting, started, out = list(waiting), {}, []
    while (i := _next_measurement(waiting, started)) is not None:
        fam, seq = waiting.pop(i)
        if fam is not None:
            started[fam] = started.get(fam, 0) + 1
        out.append(seq)
    return out


def test_round_robin_across_families_in_arrival_order():
    a, b, c = ("templates", "cse"), ("romsym", ""), ("templates", "width")
    waiting = [(a, 1), (a, 2), (a, 3), (c, 4), (c, 5), (b, 6)]
    assert _order(waiting) == [1, 4, 6, 2, 5, 3]
    # the input (no family) first, whenever it arrives
    assert _order(waiting + [(None, 7)])[0] == 7
    assert _next_measurement([], {}) is None


def test_a_late_family_goes_before_the_second_candidates_of_the_others():
    a, late = ("templates", "cse"), ("romsym", "")
    started = {a: 1}  # one cse candidate already measuring when the romsym candidate arrives
    waiting = [(a, 2), (a, 3), (late, 9)]
    assert _next_measurement(waiting, started) == 2


def test_queue_runs_every_live_measurement_once_and_skips_cancelled_ones():
    from concurrent.futures import ThreadPoolExecutor

    from rtlopt.engine.search import _MeasureQueue

    gate, running, ran = threading.Event(), threading.Event(), []
    with ThreadPoolExecutor(max_workers=1) as pool:
        q = _MeasureQueue(pool)

        def job(tag):
            if tag == "first":
                running.set()
                gate.wait()  # (no time limit: set below once the others are queued)
            ran.append(tag)
            return tag

        first = q.submit(("templates", "cse"), job, "first")
        running.wait()  # the worker is busy with it: the next ones wait in the queue
        futs = [q.submit(("templates", "cse"), job, "cse2"), q.submit(("templates", "cse"), job, "cse3"),
                q.submit(("romsym", ""), job, "sym"), q.submit(None, job, "input")]
        futs[1].cancel()
        gate.set()
        assert first.result() == "first" and [f.result() for f in (futs[0], futs[2], futs[3])] == ["cse2", "sym", "input"]
    assert ran == ["first", "input", "sym", "cse2"]


def test_families():
    comb = Candidate("x", "template", ("cse", "width"), "all", {"combined": True})
    one = Candidate("y", "template", ("cse",), "cse")
    sem = Candidate("z", "template", ("word_level_lifting",), "romsym")  # semantic, source "template"
    assert _measure_family("templates", comb) == ("templates", "*combined")
    assert _measure_family("templates", one) == ("templates", "cse")
    assert _measure_family("romsym", sem) == ("romsym", "")
    assert _measure_family("fsm", Candidate("w", "fsm", ("fsm_reencode_gray",), "f")) == ("fsm", "")


def test_light_generators_run_after_the_templates_before_the_analyses():
    names = list(search._GENERATORS)
    order = _generator_order(names)
    assert sorted(order) == sorted(names) and order[0] == "templates"
    assert order.index("romsym") < order.index("regfunc") < order.index("maxcmp")
    assert order.index("histflag") < order.index("seqredundancy")
    # the bounded syntax-only e-graph right after the light ones, before the FSM and register analyses
    assert max(order.index(n) for n in search.LIGHT_GENERATORS if n in order) < order.index("datapath_egraph") \
        < min(order.index("fsm"), order.index("regfunc"), order.index("linresub"))
    assert _generator_order(["a", "b", "c"]) == ["a", "b", "c"]  # unknown names: registration order


_SRC = """module top(input clk, input [7:0] a, output reg [7:0] y);
  always @(posedge clk) y <= a + 8'd1; // AREA=1000 ORIGINAL
endmodule
"""


def _variant(area: int, tag: str) -> str:
    return _SRC.replace("AREA=1000 ORIGINAL", f"AREA={area} {tag}")


def test_optimize_measures_the_semantic_candidate_within_a_small_budget(tmp_path: Path, monkeypatch):
    """A whole search with fake measurements and a fake prover, one worker: the templates list eight
    candidates of one rule, a semantic generator one (the smallest, provable). The measurement
    "budget" allows three candidate measurements (the rest end as when the time ran out). Before, the
    three were template ones and the result their best (900); now the semantic candidate is the
    second one measured and is accepted (700)."""
    import rtlopt.engine.modproof as modproof
    import rtlopt.verify as verify
    from rtlopt.ppa._report import Metric, PpaReport

    src = tmp_path / "top.v"
    src.write_text(_SRC)
    design = open_design([str(src)], "top")
    listed = threading.Event()

    def tmpl_gen(st):
        if st.round > 0:
            return []
        return [Candidate(_variant(900 + i, f"T{i}"), "template", ("width",), f"narrow {i}", {"file": str(src)})
                for i in range(8)]

    def sem_gen(st):
        if st.round > 0:
            return []
        return [Candidate(_variant(700, "SEM"), "template", ("word_level_lifting",), "table symmetry",
                          {"file": str(src)})]

    def last_gen(_st):
        listed.set()  # every candidate above is listed: the measurements may go on
        return []

    monkeypatch.setattr(search, "_GENERATORS", {"templates": tmpl_gen, "romsym": sem_gen, "zlast": last_gen})
    measured: list[str] = []

    def measure_fn(ref, texts=None, timeout=300.0):
        text = next(iter(texts.values())) if texts else Path(ref.files[0]).read_text()
        tag = re.search(r"AREA=\d+ (\w+)", text).group(1)
        if tag != "ORIGINAL":
            listed.wait()  # (no time limit: set by the main thread once the generators have run)
            if len(measured) >= 3:
                raise ToolTimeout("the time budget ran out before this measurement")
            measured.append(tag)
        area = float(re.search(r"AREA=(\d+)", text).group(1))
        na = Metric(None, "ns", "n/a")
        return PpaReport(area_um2=Metric(area, "um^2", "test"), delay_ns=na, power_mw=Metric(None, "mW", "n/a"),
                         cells=Metric(1, "cells", "test"), generic_cells=Metric(None, "cells", "n/a"),
                         generic_wires=Metric(None, "wires", "n/a"), cells_by_type={}, provenance={},
                         scripts={}, seconds=0.0)

    def check(gold, gate, _opts):
        return SimpleNamespace(verdict="EQUIVALENT", engine="fake", seconds=0.0,
                               to_dict=lambda: {"verdict": "EQUIVALENT"})

    monkeypatch.setattr(verify, "check_equivalence", check)
    monkeypatch.setattr(modproof, "prove_by_modules", lambda *a, **k: None)
    res = search.optimize(design, budget_s=600, verify_timeout_s=5, measure_fn=measure_fn, max_steps=1, jobs=1)
    assert "SEM" in measured[:2], measured
    assert res.steps and res.steps[0].description == "table symmetry" and res.steps[0].metric_after == 700.0
