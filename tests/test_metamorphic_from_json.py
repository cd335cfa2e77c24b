"""metamorphic_bench --from-json reads the improved cases of an ``rtlopt bench`` results.json."""

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "metamorphic_bench", Path(__file__).resolve().parent.parent / "benchmarks" / "metamorphic_bench.py")
mb = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(mb)


def _case(name, verdict, role="rtlopt"):
    return {"name": name, "rows": [{"role": "original", "area_um2": 10.0},
                                   {"role": role, "area_um2": 8.0, "verdict": verdict}]}


def test_bench_results_json_cases_key():
    # the layout rtlopt bench writes: {"meta", "summary", "cases": [...]} (the old reader looked for
    # "results" only and so restyled nothing)
    data = {"meta": {}, "summary": {}, "cases": [
        _case("add3", "EQUIVALENT"), _case("flatten1", "UNCHANGED"), _case("gemm", "EQUIVALENT", role="human"),
        {"name": "md", "rows": []}]}
    assert mb.improved_cases(data) == {"add3"}


def test_list_and_results_key():
    recs = [_case("a", "EQUIVALENT"), _case("b", "UNKNOWN")]
    assert mb.improved_cases(recs) == {"a"}
    assert mb.improved_cases({"results": recs}) == {"a"}


def _bench_case(suite, name, verdict, orig=10.0, opt=8.0):
    return {"case": f"{suite}/{name}", "suite": suite, "name": name,
            "rows": [{"role": "original", "area_um2": orig},
                     {"role": "rtlopt", "area_um2": opt, "verdict": verdict, "rules": ["r1"], "seconds": 3.5},
                     {"role": "human", "area_um2": 5.0, "verdict": "EQUIVALENT"}]}


def test_reuse_from_bench_results_json():
    # --reuse rtlopt-bench/results.json: each original's optimization as the bench measured it, keyed like
    # BenchCase.key; an unchanged case keeps its original area (not improved), an unmeasured one is left out
    data = {"meta": {}, "summary": {}, "cases": [
        _bench_case("basic", "add3", "EQUIVALENT", 275.3, 115.1),
        _bench_case("mux", "mux_type1", "UNCHANGED", 30.0, 30.0),
        {"case": "algorithm/gemm", "suite": "algorithm", "name": "gemm", "status": "error", "rows": []}]}
    got = mb.reuse_rows(data)
    assert set(got) == {"basic/add3", "mux/mux_type1"}
    assert got["basic/add3"] == {"case": "basic/add3", "original_area": 275.3, "rtlopt_area": 115.1,
                                 "seconds": 3.5, "rules": ["r1"]}
    assert got["mux/mux_type1"]["rtlopt_area"] == got["mux/mux_type1"]["original_area"] == 30.0
    assert got["mux/mux_type1"]["rules"] == []


def test_reuse_from_own_rows():
    rows = [{"case": "basic/add3", "original_area": 275.3, "rtlopt_area": 115.1, "seconds": 2.0, "rules": ["x"],
             "variants": {}}]
    assert mb.reuse_rows(rows) == {"basic/add3": rows[0]}
    assert mb.reuse_rows([]) == {}
