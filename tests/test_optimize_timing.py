"""The timing guard of the search: an area (or power) win may not silently cost delay."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from rtlopt.cli import main
from rtlopt.config import load_settings
from rtlopt.engine import search
from rtlopt.hdl.edit import Edit
from rtlopt.templates import Template
from rtlopt.templates._sem import Analysis


@dataclasses.dataclass
class _M:
    value: float


@dataclasses.dataclass
class _Rep:
    area_um2: _M
    delay_ns: _M


def test_delay_limit_clock_period_and_percentage():
    rep = _Rep(_M(100.0), _M(2.0))
    assert search._delay_limit(rep, "delay", None, 5) is None  # delay is the goal itself
    assert search._delay_limit(rep, "area", None, None) == pytest.approx(10.0)  # default 10 ns period
    assert search._delay_limit(rep, "area", 1.5, None) == pytest.approx(2.0)  # already slower: no worse
    assert search._delay_limit(rep, "area", None, 5) == pytest.approx(2.1)
    assert search._delay_limit(rep, "power", 3.0, 0) == pytest.approx(2.0)


def test_max_delay_increase_setting_accepts_percent_text(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_settings(overrides={"max_delay_increase": "5%"}).max_delay_increase == 5.0
    assert load_settings(overrides={"max_delay_increase": 2}).max_delay_increase == 2.0
    monkeypatch.setenv("RTLOPT_MAX_DELAY_INCREASE", "oops")
    with pytest.raises(Exception, match="percentage"):
        load_settings()


class _SwapTemplate(Template):
    """An equivalent rewrite (operands swapped) that the fake PPA below calls smaller but slower."""

    id = rule = "swap_on_purpose"

    def find(self, an: Analysis):
        i = an.text.find("a + b")
        if i < 0:
            return []
        return [self._m(an, i, i + 5, "swap operands", [Edit(i, i + 5, "b + a")])]


def _fake_measure(slow_pct: float):
    from rtlopt.ppa._report import Metric

    def measure(ref, **_kw):
        text = "".join(Path(p).read_text() for p in ref.files)
        new = "b + a" in text
        area, delay = (80.0, 1.0 * (1 + slow_pct / 100)) if new else (100.0, 1.0)
        return _FakeReport(Metric(area, "um^2", "fake"), Metric(delay, "ns", "fake"))
    return measure


@dataclasses.dataclass
class _FakeReport:
    area_um2: object
    delay_ns: object

    def __post_init__(self):
        from rtlopt.ppa._report import Metric

        self.power_mw = Metric(0.1, "mW", "fake")
        self.cells = Metric(1, "cells", "fake")
        self.provenance = {"liberty": {"name": "fake"}}

    def metric(self, goal: str) -> float:
        return {"area": self.area_um2.value, "delay": self.delay_ns.value, "power": self.power_mw.value}[goal]


@pytest.mark.yosys
def test_area_win_that_costs_delay_is_rejected_when_bounded(tmp_path: Path, monkeypatch, capsys):
    import rtlopt.ppa._cache

    monkeypatch.setattr(search, "REGISTRY", {"swap_on_purpose": _SwapTemplate()})
    monkeypatch.setattr(search, "_GENERATORS", {"templates": search.template_candidates})
    fake = _fake_measure(20.0)
    # the search's measurement seam (content cache + area pre-filter): every design gets the fake report
    monkeypatch.setattr(rtlopt.ppa._cache, "measure_staged", lambda ref, **kw: fake(ref))
    src = tmp_path / "add.v"
    src.write_text("module add(input [7:0] a, b, output [8:0] y);\n  assign y = a + b;\nendmodule\n")
    assert main(["optimize", str(src), "-q", "--budget", "60", "--max-delay-increase", "5%"]) == 0
    out = capsys.readouterr().out
    assert "no improvement found" in out
    assert main(["optimize", str(src), "-q", "--budget", "60", "--max-delay-increase", "25"]) == 0
    out = capsys.readouterr().out
    assert "proven equivalent" in out and "+20.0%" in out  # the step shows its delay change


@pytest.mark.yosys
def test_a_candidate_that_does_not_read_back_is_rejected_not_fatal(tmp_path: Path, monkeypatch, capsys):
    from rtlopt.engine.candidate import Candidate

    def broken(state):  # a rewrite whose text no longer elaborates (an unresolved hierarchical name)
        text = next(iter(state.texts.values()))
        return [Candidate(text.replace("assign y = a + b;", "assign y = nowhere.q;"), "template", ("x",), "broken")]

    monkeypatch.setattr(search, "_GENERATORS", {"broken": broken})
    src = tmp_path / "add.v"
    src.write_text("module add(input [7:0] a, b, output [8:0] y);\n  assign y = a + b;\nendmodule\n")
    rc = main(["optimize", str(src), "-q", "--budget", "60"])
    out = capsys.readouterr().out
    assert rc in (0, 4), out  # never exit 2: the input is fine, only the candidate is broken
    assert "input left unchanged" in out
