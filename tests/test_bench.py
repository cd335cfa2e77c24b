"""`rtlopt bench`: manifest/directory cases, parallel child processes, resume, timeouts, reports."""

from __future__ import annotations

import csv
import json

import pytest

from rtlopt.bench import BenchSettings, load_cases, run_cases, summarize
from rtlopt.cli import main
from rtlopt.errors import InputError

GOLD = """module m(input [3:0] a, input [3:0] b, input s, output [4:0] y);
  assign y = s ? a + b : a + 4'd3;
endmodule
"""
# A reference variant that is equivalent, and one that is not.
HUMAN = """module m(input [3:0] a, input [3:0] b, input s, output [4:0] y);
  assign y = a + (s ? b : 4'd3);
endmodule
"""
WRONG = """module m(input [3:0] a, input [3:0] b, input s, output [4:0] y);
  assign y = a + (s ? b : 4'd2);
endmodule
"""


@pytest.fixture
def manifest(tmp_path):
    d = tmp_path / "bench" / "basic" / "share"
    d.mkdir(parents=True)
    (d / "orig.v").write_text(GOLD)
    (d / "human.v").write_text(HUMAN)
    (d / "gpt4.v").write_text(WRONG)
    (d / "claude3.v").write_text("")  # the real benchmark ships empty variants too
    m = {"cases": [{"suite": "basic", "case": "share", "dir": "basic/share", "deps": None, "files": [
        {"file": "orig.v", "role": "original", "top": None},
        {"file": "human.v", "role": "human", "top": None},
        {"file": "gpt4.v", "role": "gpt4", "top": None},
        {"file": "claude3.v", "role": "claude3", "top": None}]}]}
    path = tmp_path / "bench" / "manifest.json"
    path.write_text(json.dumps(m))
    return path


def test_load_cases_from_manifest_directory_and_file(manifest, tmp_path):
    cases = load_cases(manifest.parent)
    assert [c.key for c in cases] == ["basic/share"]
    assert cases[0].original.path.name == "orig.v"
    assert [f.role for f in cases[0].files] == ["original", "human", "gpt4", "claude3"]
    d = tmp_path / "designs"
    d.mkdir()
    (d / "x.v").write_text(GOLD)
    assert [c.key for c in load_cases(d)] == ["designs/x"]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="no manifest.json and no HDL files"):
        load_cases(empty)
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    with pytest.raises(InputError, match="not a benchmark manifest"):
        load_cases(bad)


@pytest.mark.yosys
@pytest.mark.sta
@pytest.mark.slow
def test_bench_cli_reports_verdicts_and_resumes(manifest, tmp_path, capsys):
    out = tmp_path / "out"
    rc = main(["bench", str(manifest), "-o", str(out), "-j", "2", "--budget", "30"])
    assert rc == 0
    data = json.loads((out / "results.json").read_text())
    rows = {r["role"]: r for r in data["cases"][0]["rows"]}
    assert rows["human"]["verdict"] == "EQUIVALENT"
    assert rows["gpt4"]["verdict"] == "NOT_EQUIVALENT"
    assert rows["claude3"]["verdict"] == "ERROR" and "empty" in rows["claude3"]["error"]
    assert rows["rtlopt"]["verdict"] in ("EQUIVALENT", "UNCHANGED")
    assert rows["rtlopt"]["area_um2"] <= rows["original"]["area_um2"]
    with (out / "results.csv").open() as fh:
        assert {r["role"] for r in csv.DictReader(fh)} >= {"original", "rtlopt", "human", "gpt4"}
    assert "<svg" in (out / "report.html").read_text()
    assert "| basic/share | human |" in (out / "report.md").read_text()
    capsys.readouterr()
    # a second run resumes: nothing is redone
    assert main(["bench", str(manifest), "-o", str(out), "-j", "2", "--budget", "30"]) == 0
    assert "resumed" in capsys.readouterr().err


@pytest.mark.yosys
def test_case_timeout_is_recorded_not_fatal(manifest, tmp_path):
    cases = load_cases(manifest)
    settings = BenchSettings(case_timeout_s=0.5, budget_s=30)
    res = run_cases(cases, settings, tmp_path / "out", jobs=1)
    assert res[0]["status"] == "timeout"
    assert "limit of 0.5 s" in res[0]["error"]
    assert summarize(res)["status"] == {"timeout": 1}


@pytest.mark.yosys
@pytest.mark.sta
@pytest.mark.slow
def test_dask_local_cluster_runs_the_same_cases(tmp_path):
    pytest.importorskip("distributed")
    d = tmp_path / "designs"
    d.mkdir()
    (d / "a.v").write_text(GOLD)
    (d / "b.v").write_text(HUMAN)
    res = run_cases(load_cases(d), BenchSettings(budget_s=20, variants=False), tmp_path / "out", jobs=2,
                    executor="dask")
    assert [r["status"] for r in res] == ["ok", "ok"]
    assert all(r["rows"][0]["area_um2"] > 0 for r in res)


def test_bench_bad_path_is_a_clean_error(tmp_path, capsys):
    assert main(["bench", str(tmp_path / "missing"), "-o", str(tmp_path / "o")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_paired_comparison_counts_only_equivalent_references():
    def row(role, area, verdict="EQUIVALENT", file="f.v"):
        return {"role": role, "file": file, "area_um2": area, "delay_ns": 1.0, "power_mw": area / 100,
                "cells": 10, "verdict": verdict}
    results = [
        {"case": "a", "rows": [row("original", 100, "-"), row("rtlopt", 50),
                               row("human", 60), row("human", 10, "NOT_EQUIVALENT", "bad.v")]},
        {"case": "b", "rows": [row("original", 100, "-"), row("rtlopt", 100, "UNCHANGED"), row("human", 80)]},
        {"case": "c", "rows": [row("original", 100, "-"), row("rtlopt", 90), row("human", 70, "UNKNOWN")]},
    ]
    s = summarize(results)
    p = s["paired_vs_equivalent_references"]["human"]
    assert p["cases"] == 2                      # case c has no EQUIVALENT human file
    assert (p["area_wins"], p["area_ties"], p["area_losses"]) == (1, 0, 1)
    assert abs(p["reference"]["area_um2"] - (0.6 * 0.8) ** 0.5) < 1e-9   # the 0.1 non-equivalent file is ignored
    assert abs(p["rtlopt"]["area_um2"] - (0.5 * 1.0) ** 0.5) < 1e-9
    # the plain geomean still counts every human file, as before
    assert s["geomean_ratio_vs_original"]["human"]["area_um2"] < p["reference"]["area_um2"]


def test_results_of_other_code_are_not_resumed(monkeypatch):
    # a stored result carries the hash of rtlopt's sources: `-o DIR` reused after a code change reruns
    # the case instead of reporting the old code's result
    from rtlopt.bench import _run

    s = BenchSettings(budget_s=30)
    before = s.fingerprint()
    assert before == BenchSettings(budget_s=30).fingerprint()
    monkeypatch.setattr(_run, "code_sha", lambda: "another-tree")
    assert s.fingerprint() != before
