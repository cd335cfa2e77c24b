"""The input's measurement within the budget: it may use the whole budget (the share kept back for
proofs is of no use before the input is measured), and the first round's analyses run their tool
children at a lower CPU priority while it is pending. No Yosys: the measurement is replaced."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from rtlopt.design import open_design
from rtlopt.engine import search
from rtlopt.ppa._report import Metric, PpaReport

ADD = "module add(input [7:0] a, b, output [7:0] y);\n  assign y = a + b;\nendmodule\n"


def _report(area: float) -> PpaReport:
    return PpaReport(area_um2=Metric(area, "um^2", "test"), delay_ns=Metric(1.0, "ns", "test"),
                     power_mw=Metric(0.1, "mW", "test"), cells=Metric(3, "cells", "test"),
                     generic_cells=Metric(None, "cells", "n/a"), generic_wires=Metric(None, "wires", "n/a"),
                     cells_by_type={}, provenance={}, scripts={}, seconds=0.0)


def _niceness() -> int:
    from rtlopt.tools.base import popen_child

    proc = popen_child([sys.executable, "-c", "import os; print(os.nice(0))"], stdout=subprocess.PIPE, text=True)
    out, _ = proc.communicate(timeout=60)
    return int(out)


def test_input_measurement_gets_the_whole_budget_and_the_cpu(tmp_path: Path, monkeypatch):
    src = tmp_path / "add.v"
    src.write_text(ADD)
    limits: list[float] = []
    nice_seen: list[int] = []

    def slow_input(ref, *, timeout, **_kw):
        limits.append(timeout)
        time.sleep(1.5)  # still pending while the generator below runs
        return _report(100.0)

    def gen(state):
        nice_seen.append(_niceness())
        return []

    import rtlopt.ppa._cache

    monkeypatch.setattr(rtlopt.ppa._cache, "measure_staged", slow_input)
    monkeypatch.setattr(search, "_GENERATORS", {"g": gen})
    base = _niceness()
    budget, verify = 20.0, 30.0
    res = search.optimize(open_design([str(src)], "add"), liberty="nangate45", budget_s=budget,
                          verify_timeout_s=verify, ppa_timeout_s=300.0)
    assert res.before.area_um2.value == 100.0 and not res.changed
    # the search's deadline keeps min(verify/2, 20 % of the budget) = 4 s back for proofs; the
    # input's measurement may run to the end of the budget instead
    assert limits and limits[0] > budget - min(verify / 2, budget * 0.2) + 1.0
    assert limits[0] <= budget
    # the analysis ran while the input was being measured: its tool child was niced
    assert nice_seen and nice_seen[0] > base or base >= 19


def test_blas_runs_single_threaded_unless_the_user_says_otherwise():
    """OpenBLAS's spinning thread pair made one small lstsq take minutes on a loaded machine (an
    uninterruptible C call inside the regfunc generator, past the budget): rtlopt runs BLAS on one thread."""
    import os

    code = "import rtlopt, os; print(os.environ['OPENBLAS_NUM_THREADS'], os.environ['OMP_NUM_THREADS'])"
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["1", "1"]
    env["OPENBLAS_NUM_THREADS"] = "4"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["4", "1"]


def test_generators_leave_time_to_measure_what_they_found(tmp_path: Path, monkeypatch):
    """A generator that runs to the end of its window (picorv32's templates did) leaves a quarter of
    the search window: its candidate is still measured, and the generators after it are skipped."""
    from rtlopt.engine.candidate import Candidate

    src = tmp_path / "add.v"
    src.write_text(ADD)
    measured: list[str] = []
    windows: list[float] = []
    late_ran: list[bool] = []

    def quick(ref, *, timeout, **_kw):
        measured.append(Path(ref.files[0]).read_text())
        return _report(100.0)

    def slow(state):
        windows.append(state.deadline - time.monotonic())
        time.sleep(max(0.0, state.deadline - time.monotonic()))
        return [Candidate(ADD.replace("a + b", "b + a"), "template", ("t",), "commuted", {"file": str(src)})]

    def after(state):
        late_ran.append(True)
        return []

    import rtlopt.ppa._cache

    monkeypatch.setattr(rtlopt.ppa._cache, "measure_staged", quick)
    monkeypatch.setattr(search, "_GENERATORS", {"slow": slow, "after": after})
    budget = 10.0
    t0 = time.monotonic()
    res = search.optimize(open_design([str(src)], "add"), liberty="nangate45", budget_s=budget,
                          verify_timeout_s=4.0, ppa_timeout_s=300.0)
    assert not res.changed and time.monotonic() - t0 <= budget + 2.0
    window = budget - min(4.0 / 2, budget * 0.2)  # the search's deadline
    assert windows and windows[0] <= search.GEN_SHARE * window + 0.5
    assert any("b + a" in t for t in measured), "the slow generator's candidate was not measured"
    assert not late_ran



def _capped_run(tmp_path: Path, monkeypatch, input_s: float, fail: bool = False) -> list[float]:
    """A first-round generator that outlasts the input's measurement limit (1 s) and one after it;
    the input's measurement takes ``input_s`` (``fail``: then runs out of time). Returns the second
    generator's window (empty: skipped)."""
    from rtlopt.errors import BudgetExhausted, ToolTimeout

    src = tmp_path / "add.v"
    src.write_text(ADD)
    second: list[float] = []

    def measure(ref, *, timeout, **_kw):
        time.sleep(input_s)
        if fail:
            raise ToolTimeout("the input's measurement ran out of time")
        return _report(100.0)

    def first(state):
        time.sleep(1.5)  # past t0 + the input's measurement limit
        return []

    def after(state):
        second.append(state.deadline - time.monotonic())
        return []

    import rtlopt.ppa._cache

    monkeypatch.setattr(rtlopt.ppa._cache, "measure_staged", measure)
    monkeypatch.setattr(search, "_GENERATORS", {"first": first, "after": after})
    try:
        res = search.optimize(open_design([str(src)], "add"), liberty="nangate45", budget_s=20.0,
                              verify_timeout_s=4.0, ppa_timeout_s=1.0)
        assert not fail and res.before.area_um2.value == 100.0
    except BudgetExhausted:
        assert fail
    return second


def test_first_round_window_opens_once_the_input_is_measured(tmp_path: Path, monkeypatch):
    """The first round's generators are capped at the input's measurement limit only while the input
    is pending (a design with submodules gets a tenth of the budget as that limit: on a loaded machine
    the templates alone used it and the semantic generators never ran, verilog-axis arbiter)."""
    second = _capped_run(tmp_path, monkeypatch, input_s=0.0)
    assert second, "the generator after a slow one was skipped although the input was measured"
    assert second[0] > 5.0  # the round's window (3/4 of what is left), not the 1 s input limit


def test_first_round_waits_for_a_pending_input_then_opens(tmp_path: Path, monkeypatch):
    """The cap passes while the input is still measured (it finishes within its own limit): the
    search waits for it instead of skipping every generator after the first."""
    second = _capped_run(tmp_path, monkeypatch, input_s=3.0)
    assert second and second[0] > 3.0


def test_first_round_ends_when_the_input_cannot_be_measured(tmp_path: Path, monkeypatch):
    """Near miss: the input's measurement fails: no generator runs after the cap (the run reports
    the failure; a design too large to measure does not wait for analyses)."""
    second = _capped_run(tmp_path, monkeypatch, input_s=3.0, fail=True)
    assert not second
