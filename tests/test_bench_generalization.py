"""The generalization-suite layout (<family>/<case>/{original,reference}.v + case.json) and its report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rtlopt.bench._cases import load_cases
from rtlopt.bench._report import by_group, summarize, to_markdown
from rtlopt.errors import InputError

SUITE = Path(__file__).resolve().parent.parent / "designs" / "generalization"


def _case(root: Path, family: str, name: str, style: str, extra: bool = False) -> None:
    d = root / family / name
    d.mkdir(parents=True)
    (d / "original.v").write_text("module t(input a, output y); assign y = ~~a; endmodule\n")
    (d / "reference.v").write_text("module t(input a, output y); assign y = a; endmodule\n")
    if extra:
        (d / "cell.v").write_text("module cell(input a, output y); assign y = a; endmodule\n")
    (d / "case.json").write_text(json.dumps({"family": family, "style": style, "top": "t"}))


def test_case_directories_load_with_family_style_and_deps(tmp_path: Path):
    _case(tmp_path, "lifting", "eq_bitlevel", "bitlevel")
    _case(tmp_path, "lifting", "eq_loop", "loop", extra=True)
    cases = load_cases(tmp_path)
    assert [(c.suite, c.name, c.style) for c in cases] == [("lifting", "eq_bitlevel", "bitlevel"),
                                                           ("lifting", "eq_loop", "loop")]
    assert [f.role for f in cases[1].files] == ["original", "reference"]
    assert cases[1].files[0].top == "t" and [p.name for p in cases[1].deps] == ["cell.v"]
    assert cases[0].to_dict()["style"] == "bitlevel"


def test_bad_case_json_is_one_input_error(tmp_path: Path):
    _case(tmp_path, "f", "c", "loop")
    (tmp_path / "f" / "c" / "case.json").write_text("[1,")
    with pytest.raises(InputError, match="case.json"):
        load_cases(tmp_path)


def _result(family, style, orig, opt, ref, verdict="EQUIVALENT", ref_verdict="EQUIVALENT"):
    return {"case": f"{family}/x", "suite": family, "style": style, "status": "ok",
            "stages": {"optimize_s": 1.0, "ppa_s": 0.0, "verify_s": 0.0}, "seconds": 1.0,
            "rows": [{"role": "original", "area_um2": orig, "delay_ns": 1.0, "power_mw": 1.0},
                     {"role": "rtlopt", "area_um2": opt, "delay_ns": 1.0, "power_mw": 1.0, "verdict": verdict},
                     {"role": "reference", "area_um2": ref, "delay_ns": 1.0, "power_mw": 1.0,
                      "verdict": ref_verdict}]}


def test_by_group_counts_only_equivalent_references():
    res = [_result("lifting", "loop", 100, 50, 60), _result("lifting", "case", 100, 80, 50),
           _result("sharing", "mux", 100, 100, 10, verdict="UNCHANGED", ref_verdict="NOT_EQUIVALENT")]
    g = by_group(res)
    assert g["lifting"]["rtlopt_at_least_as_small"] == 1 and g["lifting"]["compared"] == 2
    assert g["lifting/loop"]["rtlopt"]["area_um2"] == pytest.approx(0.5)
    assert g["sharing"]["compared"] == 0 and g["sharing"]["changed"] == 0
    assert g["all"]["cases"] == 3
    md = to_markdown(res, summarize(res), {})
    assert "Per family and coding style" in md and "| lifting/loop |" in md


@pytest.mark.skipif(not SUITE.exists(), reason="no generalization suite in this checkout")
def test_shipped_suite_is_well_formed():
    cases = load_cases(SUITE)
    assert cases
    for c in cases:
        assert c.style, c.key
        assert any(f.role == "reference" for f in c.files), c.key
