"""``rtlopt check --timeout``: the whole run is bounded (a pre-commit hook over a tree on a loaded machine),
the time shared among the files' analysis steps by size, smallest first, each still capped by the
per-file limit; a step cut short is reported as skipped and names the run's limit."""

from __future__ import annotations

import time

import pytest

from rtlopt.commands import check
from tests.test_check_speed import _no_active_project, _w  # noqa: F401 - (an autouse fixture)

# a constant multiplier (a warning-level finding) in Verilog, and an SV file with a priority chain
MULT_V = """module top (input clk, input [7:0] a, output [15:0] y);
  assign y = a * 8'd10;
endmodule
"""
SEL_SV = """module sel (input logic [1:0] s, input logic [7:0] a, b, c, output logic [7:0] y);
  always_comb begin
    if (s == 2'd0) y = a;
    else if (s == 2'd1) y = b;
    else y = c;
  end
endmodule
"""


def test_budget_shares_by_weight_and_the_last_step_gets_the_rest(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(check.time, "monotonic", lambda: now[0])
    b = check._RunBudget(deadline=124.0, total=24.0)
    b.pending = {"small": 1.0, "mid": 3.0, "big": 20.0}
    lim, why = b.limit("small", 10.0)
    assert lim == pytest.approx(check.STEP_FLOOR_S) and "share" in why  # 1/24 of 24 s < the floor
    now[0] += 0.5  # the small step finished early: its time flows on
    lim, why = b.limit("mid", 10.0)
    assert lim == pytest.approx(23.5 * 3 / 23)
    now[0] += 1.0
    lim, why = b.limit("big", 30.0)  # the last step: all that is left, the per-file limit above it
    assert lim == pytest.approx(22.5) and "24 s (--timeout)" in why
    # capped by the per-file limit: then the per-file limit's own words
    b = check._RunBudget(deadline=200.0, total=100.0, pending={"a": 1.0})
    assert b.limit("a", 10.0) == (10.0, None)
    # past the deadline: no time, and why
    b = check._RunBudget(deadline=90.0, total=24.0, pending={"a": 1.0})
    lim, why = b.limit("a", 10.0)
    assert lim == 0.0 and "was reached" in why
    # no run limit: the per-file limit, as before
    assert check._RunBudget(None, None).limit("a", 10.0) == (10.0, None)


def _hang(_an):
    while True:
        time.sleep(0.01)


def test_run_limit_bounds_hanging_steps_and_says_so(tmp_path, monkeypatch):
    from rtlopt.templates import REGISTRY

    monkeypatch.setattr(REGISTRY["const_mult_to_shift_add"], "match", _hang)
    monkeypatch.setattr(check, "RULE_TIMEOUT", 120)  # only the run's limit can stop the matcher
    monkeypatch.setenv(check.ENV_CHECK_JOBS, "1")
    files = [_w(tmp_path / f"top{i}.v", MULT_V.replace("module top", f"module top{i}")) for i in range(3)]
    t0 = time.monotonic()
    rep = check.check_files(files, file_timeout=120, run_timeout=4)
    took = time.monotonic() - t0
    assert took < 60  # 3 hanging steps x 120 s per-file limit without the run's limit
    cut = [s for s in rep.skipped if "the run's time limit of 4 s (--timeout)" in s["reason"]]
    assert len(cut) == 3, rep.skipped
    assert len(rep.files) == 3


def test_near_miss_without_run_limit_the_per_file_limit_applies(tmp_path, monkeypatch):
    from rtlopt.templates import REGISTRY

    monkeypatch.setattr(REGISTRY["const_mult_to_shift_add"], "match", _hang)
    monkeypatch.setattr(check, "RULE_TIMEOUT", 120)
    monkeypatch.setenv(check.ENV_CHECK_JOBS, "1")
    f = _w(tmp_path / "top.v", MULT_V)
    rep = check.check_files([f], only={"const_mult_to_shift_add"}, file_timeout=0.5)
    assert [s["reason"] for s in rep.skipped] == [
        "template matching exceeded the per-file time limit of 0.5 s; findings of this file may be incomplete"]


def test_findings_unchanged_when_the_run_limit_is_ample(tmp_path, monkeypatch):
    monkeypatch.setenv(check.ENV_CHECK_JOBS, "1")
    files = [_w(tmp_path / "top.v", MULT_V), _w(tmp_path / "sel.sv", SEL_SV)]
    free = check.check_files(files, file_timeout=600)
    bounded = check.check_files(files, file_timeout=600, run_timeout=600)
    key = lambda r: sorted((f.file, f.line, f.rule) for f in r.findings)  # noqa: E731
    assert key(free) == key(bounded)
    assert any(f.rule == "const_mult_to_shift_add" for f in bounded.findings)
    assert not bounded.skipped


def test_cli_timeout_flag_and_environment(tmp_path, monkeypatch):
    import argparse

    f = _w(tmp_path / "top.v", MULT_V)
    ns = argparse.Namespace(files=[str(f)], format="json", min_severity=None, rules=None, disable=None,
                            rule_severity=[], output=str(tmp_path / "r.json"), file_timeout=None, timeout=None)
    seen = {}
    real = check.check_files

    def spy(*a, **kw):
        seen.update(kw)
        return real(*a, **kw)

    monkeypatch.setattr(check, "check_files", spy)
    monkeypatch.delenv(check.ENV_RUN_TIMEOUT, raising=False)
    # the default limit counts from the process's start: in a long-lived test worker it may be spent
    # already, so the run may end with its steps skipped (0) or with the multiplier's finding (1)
    assert check.run(ns) in (0, 1)
    assert seen["run_timeout"] == check.DEFAULT_RUN_TIMEOUT
    assert seen["started"] <= time.monotonic()
    monkeypatch.setenv(check.ENV_RUN_TIMEOUT, "0")  # 0: no run limit
    check.run(ns)
    assert seen["run_timeout"] is None
    ns.timeout = 40.0
    check.run(ns)
    assert seen["run_timeout"] == 40.0
    ns.timeout = -1.0
    with pytest.raises(check.InputError):
        check.run(ns)


def test_the_run_limit_counts_from_the_process_start():
    import subprocess
    import sys

    code = ("import time; time.sleep(1.5); from rtlopt.commands.check import process_started; "
            "print(time.monotonic() - process_started())")
    age = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                               timeout=300).stdout)
    assert 1.5 <= age < 300
    assert time.monotonic() - check.process_started() >= 0


def test_a_run_started_long_ago_runs_no_step(tmp_path, monkeypatch):
    monkeypatch.setenv(check.ENV_CHECK_JOBS, "1")
    f = _w(tmp_path / "top.v", MULT_V)
    rep = check.check_files([f], file_timeout=60, run_timeout=5, started=time.monotonic() - 10)
    assert not rep.findings and rep.files == [str(f)]
    assert rep.skipped and all("was reached" in s["reason"] for s in rep.skipped), rep.skipped
