"""Speed machinery of the search: parallel measurement, area pre-filter, generator memo, budgets in
generators. Fast: tiny designs, fake measurements where the flow itself is not what is tested."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from rtlopt.config import load_settings
from rtlopt.design import open_design
from rtlopt.engine import search
from rtlopt.engine.candidate import Candidate

ADD = "module add(input [7:0] a, b, output [8:0] y);\n  assign y = a + b;\nendmodule\n"


def test_default_jobs_is_parallel_on_two_cores(monkeypatch):
    monkeypatch.delenv("RTLOPT_JOBS", raising=False)
    n = search.default_jobs()
    assert 1 <= n <= 2
    assert load_settings().jobs == n


def test_memoized_generator_runs_once_per_text(tmp_path: Path):
    calls = []

    def gen(state):
        calls.append(state.round)
        return [Candidate(state.texts[next(iter(state.texts))] + "\n", "test", ("r",), "d", {})]

    src = tmp_path / "add.v"
    src.write_text(ADD)
    d = open_design([str(src)], "add")
    texts = {d.files[0]: ADD}
    search.register_generator("memo_test", gen, memo_key=lambda st: search._h(st.texts))
    try:
        a = search._run_generator("memo_test", gen, search.State(d, dict(texts), "area", None, 0), None)
        b = search._run_generator("memo_test", gen, search.State(d, dict(texts), "area", None, 3), None)
        other = {d.files[0]: ADD.replace("a + b", "b + a")}
        search._run_generator("memo_test", gen, search.State(d, other, "area", None, 0), None)
    finally:
        search.unregister_generator("memo_test")
    assert [c.text for c in a] == [c.text for c in b]
    assert calls == [0, 0]  # the second call with the same text was served from the memo


class _Rep:
    def __init__(self, area, delay=1.0, only_area=False):
        from rtlopt.ppa._report import Metric

        self.area_um2 = Metric(area, "um^2", "fake")
        self.delay_ns = Metric(None if only_area else delay, "ns", "fake")
        self.power_mw = Metric(None if only_area else 0.1, "mW", "fake")
        self.cells = Metric(1, "cells", "fake")
        self.provenance = {"measured": "area only"} if only_area else {}

    def metric(self, goal):
        return self.area_um2.value


@pytest.mark.yosys
def test_parallel_measurement_area_prefilter_and_best_first(tmp_path: Path, monkeypatch):
    """jobs=2: candidates are measured in pool threads; the losers get area-only reports (no STA);
    the smallest proven candidate is accepted and the result equals the serial run's."""
    src = tmp_path / "add.v"
    src.write_text(ADD)
    spellings = {"b + a": 80.0, "a + b + 0": 120.0, "(a + b)": 90.0}
    threads: set[str] = set()
    full: list[float] = []

    def fake(ref, *, area_below=None, **_kw):
        text = "".join(Path(p).read_text() for p in ref.files)
        threads.add(threading.current_thread().name)
        time.sleep(0.2)
        area = next((v for k, v in spellings.items() if k in text), 100.0)
        if area_below is not None and not area < area_below:
            return _Rep(area, only_area=True)
        full.append(area)
        return _Rep(area)

    def gen(state):
        text = next(iter(state.texts.values()))
        if "a + b;" not in text:
            return []
        return [Candidate(text.replace("a + b;", k + ";"), "test", ("spelling",), k, {}) for k in spellings]

    import rtlopt.ppa._cache

    monkeypatch.setattr(rtlopt.ppa._cache, "measure_staged", fake)
    monkeypatch.setattr(search, "_GENERATORS", {"spell": gen})
    d = open_design([str(src)], "add")
    res2 = search.optimize(d, liberty="nangate45", budget_s=120, jobs=2)
    assert any(t.startswith("rtlopt-ppa") for t in threads)
    assert res2.status == "improved" and "b + a" in res2.final[d.files[0]]
    assert res2.timings["jobs"] == 2 and "gen_spell_s" in res2.timings
    only_area = [a for a in res2.attempts if (a.ppa or {}).get("measured", "").startswith("area only")]
    assert {a.candidate.description for a in only_area} == {"a + b + 0"}  # never timed: not smaller
    assert 120.0 not in full
    res1 = search.optimize(d, liberty="nangate45", budget_s=120, jobs=1)
    assert res1.final == res2.final


@pytest.mark.yosys
@pytest.mark.sta
def test_measure_staged_area_only_then_full(tmp_path: Path, monkeypatch):
    from rtlopt.ppa import _cache
    from rtlopt.ppa.liberty import resolve_liberty

    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "add.v"
    src.write_text(ADD)
    d = open_design([str(src)], "add")
    lib = resolve_liberty("nangate45")
    small = _cache.measure_staged(d, liberty=lib, area_below=1.0)  # nothing is below 1 um^2
    assert small.provenance.get("measured") == "area only" and small.delay_ns.value is None
    area = small.area_um2.value
    full = _cache.measure_staged(d, liberty=lib, area_below=area * 10)
    assert full.delay_ns.value is not None and full.area_um2.value == pytest.approx(area)
    again = _cache.measure_staged(d, liberty=lib, area_below=1.0)  # the full report is cached now
    assert again.provenance["cache"]["hit"] and again.delay_ns.value is not None


def test_first_round_generators_stop_at_the_input_limit(tmp_path: Path, monkeypatch):
    """A design whose input cannot be measured in the PPA limit does not wait for every analysis."""
    src = tmp_path / "add.v"
    src.write_text(ADD)
    seen: list[float | None] = []

    def slow_measure(ref, **_kw):
        time.sleep(1.5)
        from rtlopt.errors import ToolTimeout

        raise ToolTimeout("too big")

    def gen(state):
        seen.append(state.deadline)
        time.sleep(1.0)
        return []

    import rtlopt.ppa._cache
    from rtlopt.errors import BudgetExhausted

    monkeypatch.setattr(rtlopt.ppa._cache, "measure_staged", slow_measure)
    monkeypatch.setattr(search, "_GENERATORS", {f"g{i}": gen for i in range(6)})
    t0 = time.monotonic()
    with pytest.raises(BudgetExhausted):
        search.optimize(open_design([str(src)], "add"), liberty="nangate45", budget_s=100, ppa_timeout_s=1.0)
    assert time.monotonic() - t0 < 5.0  # not 6 generators x 1 s
    assert seen and seen[0] is not None and seen[0] - t0 < 2.0


def test_all_templates_combination_parses_each_text_once_and_reuses_matches(monkeypatch):
    """_apply_all with the per-template pass's memo: each text is analysed once for all matchers, and
    a matcher's answer on a text already seen is reused (the same combined text as without the memo)."""
    from collections import Counter

    text = ("module m(input s, input [7:0] a, b, c, output [8:0] y);\n"
            "  assign y = s ? a + b : a + c;\nendmodule\n")
    plain = search._apply_all(text, search.REGISTRY)
    calls: Counter = Counter()
    orig = search.analyze

    def counting(t, *a, **k):
        calls[t] += 1
        return orig(t, *a, **k)

    monkeypatch.setattr(search, "analyze", counting)
    memo: dict = {}
    assert search._apply_all(text, search.REGISTRY, None, None, memo) == plain
    assert calls and max(calls.values()) == 1  # one analysis per distinct text
    matched = len([k for k in memo if isinstance(k, tuple)])
    n = sum(calls.values())
    assert search._apply_all(text, search.REGISTRY, None, None, memo) == plain  # all from the memo
    assert sum(calls.values()) == n and len([k for k in memo if isinstance(k, tuple)]) == matched


_TWO = """module sub(input clk, input rst, input [7:0] a, output [7:0] y);
  reg [7:0] q;
  always @(posedge clk) if (rst) q <= 8'd0; else q <= q & a;
  assign y = q ^ a;
endmodule

module top(input clk, input rst, input [7:0] a, output [7:0] y);
  sub u(.clk(clk), .rst(rst), .a(a), .y(y));
endmodule
"""


@pytest.mark.yosys
@pytest.mark.sta
def test_search_defers_generic_statistics_to_its_final_report(tmp_path: Path, monkeypatch):
    """Candidates of a multi-module design are measured without the generic synthesis (the search ranks
    by area, delay, power); the report the search returns has the generic numbers a full measurement of
    the result gives."""
    from rtlopt.ppa import _measure, measure
    from rtlopt.ppa.liberty import resolve_liberty

    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "two.v"
    src.write_text(_TWO)
    smaller = _TWO.replace("  assign y = q ^ a;", "  assign y = a;")  # q is 0 from reset on

    def gen(state):
        text = next(iter(state.texts.values()))
        return [Candidate(smaller, "test", ("sequential_redundancy",), "q is always 0", {})] \
            if "q ^ a" in text else []

    runs: list[str] = []
    real = _measure._generic_stats

    def counted(script, work, top, deadline):
        runs.append(script)
        return real(script, work, top, deadline)

    monkeypatch.setattr(_measure, "_generic_stats", counted)
    in_finish: list[object] = []
    real_finish_generic = _measure._run_generic

    def finish_generic(syn, deadline):  # the generic run of a candidate's measurement (finish)
        in_finish.append(syn)
        return real_finish_generic(syn, deadline)

    monkeypatch.setattr(_measure, "_run_generic", finish_generic)
    monkeypatch.setattr(search, "_GENERATORS", {"redundant": gen})
    d = open_design([str(src)], "top")
    lib = resolve_liberty(None)
    res = search.optimize(d, liberty=lib, budget_s=120, jobs=1)
    assert res.status == "improved" and "assign y = a;" in res.final[d.files[0]]
    assert len(runs) == 1 and not in_finish  # the final report's, not the candidate measurement's
    out = tmp_path / "out.v"
    out.write_text(res.final[d.files[0]])
    full = measure(open_design([str(out)], "top"), liberty=lib)
    assert not _measure.generic_pending(res.after)
    for m in ("area_um2", "cells", "generic_cells", "generic_wires"):
        assert getattr(res.after, m).value == getattr(full, m).value, m
    assert res.after.generic_cells.value < res.before.generic_cells.value
