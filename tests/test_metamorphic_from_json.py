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
