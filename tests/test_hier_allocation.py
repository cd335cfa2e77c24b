"""Module-by-module optimization: how the budget is split (engine/hierarchy.py).

A module too large to measure must cost a bounded, early part of the budget (its capped measurement and
estimate), not the time of the modules that can be searched; those share the rest in proportion to
their size, and time a module leaves unused flows to the modules after it."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from rtlopt.engine import hierarchy
from rtlopt.engine.hierarchy import search_weight, split_share

_SRC = (
    "module tiny(input [3:0] a, output [3:0] y); assign y = ~a; endmodule\n"
    "module mid(input [7:0] a, b, output [7:0] y); assign y = a + b; endmodule\n"
    # the largest text: measured first, on its own worker, like cnn's RFselector
    "module huge(input [7:0] a, output [7:0] y);\n"
    + "".join(f"  wire [7:0] w{i} = a ^ 8'd{i};\n" for i in range(40))
    + "  assign y = w0 & w39;\nendmodule\n"
    "module top(input [7:0] a, b, output [3:0] y, output [7:0] z, output [7:0] u);\n"
    "  tiny u0(.a(a[3:0]), .y(y)); mid u1(.a(a), .b(b), .y(z)); huge u2(.a(a), .y(u));\nendmodule\n")


def _report(area: float):
    from rtlopt.ppa._report import Metric, PpaReport

    na = Metric(None, "ns", "n/a")
    return PpaReport(area_um2=Metric(area, "um^2", "test"), delay_ns=na, power_mw=Metric(None, "mW", "n/a"),
                     cells=Metric(1, "cells", "test"), generic_cells=Metric(None, "cells", "n/a"),
                     generic_wires=Metric(None, "wires", "n/a"), cells_by_type={}, provenance={},
                     scripts={}, seconds=0.0)


def test_split_share_is_proportional_with_a_floor():
    assert split_share(100.0, [20.0, 10.0, 10.0]) == pytest.approx(50.0)
    assert split_share(100.0, [1.0, 1000.0]) == pytest.approx(10.0)  # the floor
    assert split_share(8.0, [1.0, 1000.0]) == pytest.approx(4.0)  # the floor, but not above an equal share
    assert split_share(5.0, [3.0]) == pytest.approx(5.0)  # the last module: all that is left
    assert split_share(0.0, [1.0]) == 0.0
    assert search_weight(400.0, 1) == pytest.approx(20.0)
    assert search_weight(100.0, 4) == pytest.approx(20.0)  # own area x instances
    assert search_weight(None, 3) == 1.0 and search_weight(0.0, 1) == 1.0


@pytest.mark.slow
def test_unmeasurable_module_costs_a_bounded_part_and_leaves_share_the_rest(tmp_path: Path, monkeypatch):
    """Fake costs: ``huge``'s full flow and its estimate each run until their limit and fail (cnn's
    RFselector); the others measure at once. Before, the measuring phase ran to 40 % of the budget and
    the estimates to 85 %, so the searchable modules got what was left (cnn: 8 s each of 300); now the
    two windows end at MEASURE_FRAC and ESTIMATE_FRAC and the searches share the rest by weight."""
    from rtlopt.design import open_design
    from rtlopt.engine import search
    from rtlopt.errors import ToolTimeout

    src = tmp_path / "h.v"
    src.write_text(_SRC)
    budget = 40.0
    areas = {"tiny": 25.0, "mid": 400.0, "top": 4.0}
    limits: dict[str, list[float]] = {"measure": [], "estimate": []}
    lock = threading.Lock()

    def measure_fn(ref, texts=None, timeout=300.0):
        if ref.top == "huge":
            with lock:
                limits["measure"].append(timeout)
            time.sleep(timeout)
            raise ToolTimeout("yosys exceeded its time limit")
        return _report(areas[ref.top])

    def estimate_fn(ref, texts=None, timeout=120.0):
        assert ref.top == "huge"
        with lock:
            limits["estimate"].append(timeout)
        time.sleep(timeout)
        raise ToolTimeout("the estimate exceeded its time limit")

    given: dict[str, float] = {}

    def fake_optimize(design, *, budget_s, **kw):
        given[design.top] = budget_s
        a = areas[design.top]
        m = SimpleNamespace(value=a)
        return SimpleNamespace(status="no_improvement", before=SimpleNamespace(area_um2=m),
                               after=SimpleNamespace(area_um2=m), steps=[], final={}, budget_exhausted=False)

    monkeypatch.setattr(search, "optimize", fake_optimize)
    t0 = time.monotonic()
    res = hierarchy.optimize_hierarchical(open_design([str(src)], "top"), budget_s=budget, max_steps=1,
                                          measure_fn=measure_fn, estimate_fn=estimate_fn)
    # the searched modules got the rest: more than half of the budget in all (before: none got 5 s)
    assert set(given) == {"tiny", "mid", "top"}
    assert sum(given.values()) >= 0.5 * budget
    # huge: its measurement and its estimate were capped by the two windows, it was not searched
    assert limits["measure"] and sum(limits["measure"]) <= budget * hierarchy.MEASURE_FRAC + 0.5
    assert limits["estimate"] and max(limits["estimate"]) <= budget * hierarchy.ESTIMATE_FRAC + 0.5
    assert "huge" not in given
    rows = {m.module: m for m in res.modules}
    assert rows["huge"].share_s is None and rows["huge"].measure_s is not None and rows["huge"].measure_s > 0
    assert "not estimated either" in rows["huge"].measured
    # in proportion to sqrt(own area x instances): mid (400) before tiny (25) and top (4, floored)
    assert given["mid"] > given["tiny"] >= 5
    # tiny's fake search used nothing of its share: it flowed on to mid and top (the last one gets
    # everything that is left before the deadline)
    assert given["top"] >= given["tiny"]
    assert rows["mid"].share_s == pytest.approx(given["mid"], abs=0.1)
    # the report says where the time went
    d = res.to_dict()
    assert d["time"]["searched"] == 3 and "sqrt(own area x instances)" in d["time"]["rule"]
    assert d["time"]["measuring_s"] + d["time"]["estimating_s"] <= time.monotonic() - t0
    assert "share" in res.format_text() and "measuring" in res.format_text()


def test_zero_area_module_is_not_searched(tmp_path: Path, monkeypatch):
    from rtlopt.design import open_design
    from rtlopt.engine import search

    src = tmp_path / "h.v"
    src.write_text(_SRC)
    areas = {"tiny": 25.0, "mid": 400.0, "huge": 900.0, "top": 0.0}
    given: dict[str, float] = {}

    def fake_optimize(design, *, budget_s, **kw):
        given[design.top] = budget_s
        m = SimpleNamespace(value=areas[design.top])
        return SimpleNamespace(status="no_improvement", before=SimpleNamespace(area_um2=m),
                               after=SimpleNamespace(area_um2=m), steps=[], final={}, budget_exhausted=False)

    monkeypatch.setattr(search, "optimize", fake_optimize)
    res = hierarchy.optimize_hierarchical(open_design([str(src)], "top"), budget_s=30, max_steps=1,
                                          measure_fn=lambda ref, texts=None, timeout=300.0: _report(areas[ref.top]))
    assert set(given) == {"tiny", "mid", "huge"}
    top = next(m for m in res.modules if m.module == "top")
    assert "0 um^2" in top.note and top.share_s is None
    assert res.total_before == pytest.approx(25 + 400 + 900)


def _unchanged(area: float):
    """What a search that found nothing returns (the fields optimize_hierarchical reads)."""
    m = SimpleNamespace(value=area)
    return SimpleNamespace(status="no_improvement", before=SimpleNamespace(area_um2=m),
                           after=SimpleNamespace(area_um2=m), steps=[], final={}, budget_exhausted=False)


def _second_chance_run(tmp_path: Path, monkeypatch, budget: float, second_ok: bool):
    """``huge``'s full flow needs a limit of 8 s (fake: fails at once below that, else measures 900);
    its estimate answers at once. With one worker its fair share of the measuring window is below 8 s."""
    from rtlopt.design import open_design
    from rtlopt.engine import search
    from rtlopt.errors import ToolTimeout

    src = tmp_path / "h.v"
    src.write_text(_SRC)
    areas = {"tiny": 25.0, "mid": 400.0, "huge": 900.0, "top": 4.0}
    calls: list[tuple[str, float]] = []

    def measure_fn(ref, texts=None, timeout=300.0):
        calls.append((ref.top, timeout))
        if ref.top == "huge" and (timeout < 8.0 or not second_ok):
            raise ToolTimeout("yosys exceeded its time limit")
        return _report(areas[ref.top])

    def estimate_fn(ref, texts=None, timeout=120.0):
        rep = _report(1000.0)
        rep.provenance.update(estimate=True, measured="estimate (coarse synthesis)")
        return rep

    given: dict[str, float] = {}

    def fake_optimize(design, *, budget_s, **kw):
        given[design.top] = budget_s
        return _unchanged(areas[design.top])

    monkeypatch.setattr(search, "optimize", fake_optimize)
    res = hierarchy.optimize_hierarchical(open_design([str(src)], "top"), budget_s=budget, max_steps=1,
                                          measure_fn=measure_fn, estimate_fn=estimate_fn, jobs=1)
    return res, {m.module: m for m in res.modules}, given, [t for n, t in calls if n == "huge"]


def test_estimated_module_gets_a_second_full_try_from_time_left(tmp_path: Path, monkeypatch):
    res, rows, given, tries = _second_chance_run(tmp_path, monkeypatch, 80.0, True)
    assert len(tries) == 2 and tries[0] < 8.0 <= tries[1]  # the fair share, then the time left
    assert "huge" in given and given["huge"] >= 5  # searched with what the others left
    assert not rows["huge"].estimated and rows["huge"].area_before == 900.0
    assert rows["huge"].note.count("second full try") == 1
    assert res.total_before == pytest.approx(25 + 400 + 900 + 4)  # measured, not the estimate (1000)
    assert not res.estimated and res.to_dict()["time"]["second_chance"]["measured"] == ["huge"]


def test_near_miss_second_try_that_fails_keeps_the_estimate(tmp_path: Path, monkeypatch):
    res, rows, given, tries = _second_chance_run(tmp_path, monkeypatch, 80.0, False)
    assert len(tries) == 2 and "huge" not in given
    assert rows["huge"].estimated and rows["huge"].area_before == 1000.0
    assert "did not finish" in rows["huge"].note
    assert res.total_before == pytest.approx(25 + 400 + 1000 + 4)


def test_near_miss_no_second_try_without_time(tmp_path: Path, monkeypatch):
    # a budget whose searches leave less than SECOND_CHANCE_MIN_S: no second full measurement
    res, rows, given, tries = _second_chance_run(tmp_path, monkeypatch, 20.0, True)
    assert len(tries) == 1 and "huge" not in given and rows["huge"].estimated


def test_leaf_modules_are_searched_with_the_flat_flow(tmp_path: Path, monkeypatch):
    """A leaf module (no instances) with output ports: its search measures with the flat flow (the
    canonical one, its own logic for a leaf); a module with children keeps the per-module measurement."""
    from rtlopt.design import open_design
    from rtlopt.engine import search

    src = tmp_path / "h.v"
    src.write_text(_SRC)
    areas = {"tiny": 25.0, "mid": 400.0, "huge": 900.0, "top": 4.0}
    seen: dict[str, bool] = {}

    def fake_optimize(design, *, budget_s, **kw):
        seen[design.top] = kw.get("measure_fn") is not None
        return _unchanged(areas[design.top])

    monkeypatch.setattr(search, "optimize", fake_optimize)
    res = hierarchy.optimize_hierarchical(open_design([str(src)], "top"), budget_s=30, max_steps=1,
                                          measure_fn=lambda ref, texts=None, timeout=300.0: _report(areas[ref.top]))
    assert seen == {"tiny": False, "mid": False, "huge": False, "top": True}
    rows = {m.module: m for m in res.modules}
    assert rows["mid"].measured.startswith("flat (a leaf") and rows["top"].measured.startswith("per-module")
