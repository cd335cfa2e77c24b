"""End-to-end tests of ``rtlopt optimize`` (real Yosys, OpenSTA and the verifier)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from rtlopt.cli import main
from rtlopt.design import open_design
from rtlopt.engine import search
from rtlopt.hdl.edit import Edit
from rtlopt.templates import Template
from rtlopt.templates._base import Match
from rtlopt.templates._sem import Analysis

DESIGNS = Path(__file__).resolve().parent.parent / "designs"

pytestmark = [pytest.mark.yosys, pytest.mark.sta]


def _copy(tmp_path: Path, name: str) -> Path:
    dst = tmp_path / name
    shutil.copy(DESIGNS / name, dst)
    return dst


def _outside_edits_equal(old: str, new: str) -> bool:
    """Lines that the diff does not touch are identical (comments and license header included)."""
    import difflib

    sm = difflib.SequenceMatcher(a=old.splitlines(True), b=new.splitlines(True), autojunk=False)
    kept = sum(b.size for b in sm.get_matching_blocks())
    return kept >= len(old.splitlines()) - 6


def test_optimize_mac_const_improves_and_is_proven(tmp_path: Path, capsys):
    src = _copy(tmp_path, "mac_const.v")
    before = src.read_text()
    out = tmp_path / "mac_opt.v"
    rep = tmp_path / "report.json"
    rc = main(["optimize", str(src), "-o", str(out), "--report", str(rep), "-q", "--budget", "60"])
    assert rc == 0
    assert src.read_text() == before, "the input must not change without --in-place"
    new = out.read_text()
    assert new != before
    data = json.loads(rep.read_text())
    assert data["status"] == "improved"
    assert data["ppa"]["area"]["after"]["value"] < data["ppa"]["area"]["before"]["value"]
    assert data["ppa"]["area"]["after"]["unit"] == "um^2"
    assert data["verification"]["verdict"] in ("EQUIVALENT", "equivalent") or \
        "EQUIVALENT" in json.dumps(data["verification"]).upper()
    # the constant multiplications become shifts and adds: by the template, or by the datapath e-graph
    # (which may also share the taps' common terms, a smaller result measured first); under load the
    # first proven step may instead retime a product (the search keeps whichever proves in its slot)
    rules = {r for step in data["rules_applied"] for r in step["rules"]}
    assert rules & {"const_mult_to_shift_add", "datapath_egraph", "register_retiming"}, rules
    if "register_retiming" not in rules:
        assert "x * 9" not in new and "<<" in new
    assert data["diff"].startswith("--- a/mac_const.v")
    # comments, license header and formatting outside the edits survive byte for byte
    assert new.startswith("// SPDX-License-Identifier: Apache-2.0\n// mac_const:")
    assert "/* sum of taps */" in new and "// sample" in new  # comments kept (the dead taps' lines go)
    assert _outside_edits_equal(before, new)
    text = capsys.readouterr().out
    assert "written to" in text and "EQUIVALENT" in text


def test_in_place_writes_only_after_proof(tmp_path: Path):
    src = _copy(tmp_path, "prio_decode.v")
    before = src.read_text()
    rc = main(["optimize", str(src), "--in-place", "-q", "--budget", "60"])
    assert rc == 0
    after = src.read_text()
    assert after != before and "~(~a)" not in after and "en ? b : b" not in after
    assert not list(tmp_path.glob(".*.tmp")), "no temp files left behind"


def test_markdown_report_and_stdout_policy(tmp_path: Path, capsys):
    src = tmp_path / "cm.v"
    src.write_text("// constant multiplier\nmodule cm(input [7:0] a, output [11:0] y);\n"
                   "  assign y = a * 4'd9;  // keep\nendmodule\n")
    before = src.read_text()
    rep = tmp_path / "r.md"
    rc = main(["optimize", str(src), "--report", str(rep), "-q", "--budget", "60"])
    assert rc == 0
    assert src.read_text() == before
    md = rep.read_text()
    assert md.startswith("# rtlopt optimize") and "| area | um^2 |" in md
    assert "const_mult_to_shift_add" in md and "(a << 3) + a;  // keep" in md
    out = capsys.readouterr().out
    assert "use -o FILE or --in-place" in out


class _WrongTemplate(Template):
    """Deliberately wrong: replaces every addition by its left operand (smaller, not equivalent)."""

    id = rule = "wrong_on_purpose"
    description = "test only"

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for e in an.exprs:
            if type(e.node).__name__ == "BinaryExpression" and str(e.node.op).endswith("Add"):
                left = an.info(e.node.left)
                if left is not None:
                    out.append(self._m(an, e.start, e.end, "drop addition", [Edit(e.start, e.end, left.text)]))
        return out


def test_rejected_candidate_is_never_written(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setattr(search, "REGISTRY", {"wrong_on_purpose": _WrongTemplate()})
    src = tmp_path / "add.v"
    src.write_text("module add(input [7:0] a, b, output [8:0] y);\n  assign y = a + b;\nendmodule\n")
    before = src.read_text()
    out = tmp_path / "out.v"
    rc = main(["optimize", str(src), "--in-place", "-q", "--budget", "30"])
    assert rc == 4
    assert src.read_text() == before
    rc = main(["optimize", str(src), "-o", str(out), "-q", "--budget", "30"])
    assert rc == 4 and not out.exists()
    assert "NOT_EQUIVALENT" in capsys.readouterr().out


def test_no_improvement_exits_zero_and_leaves_file(tmp_path: Path, capsys):
    src = tmp_path / "min.v"
    src.write_text("// already minimal\nmodule m(input a, b, output y);\n  assign y = a & b;\nendmodule\n")
    before = src.read_text()
    rc = main(["optimize", str(src), "--in-place", "-q"])
    assert rc == 0
    assert src.read_text() == before
    assert "no improvement found" in capsys.readouterr().out


def test_bad_input_exit_2_and_untouched(tmp_path: Path, capsys):
    src = tmp_path / "bad.v"
    src.write_text("module m(input a, output y);\n  assign y = a +;\nendmodule\n")
    before = src.read_text()
    assert main(["optimize", str(src), "--in-place"]) == 2
    assert src.read_text() == before
    assert "bad.v:2" in capsys.readouterr().err
    assert main(["optimize", str(src), str(src), "-o", str(tmp_path / "x.v")]) == 2


@pytest.mark.slow
def test_engine_api_result_never_worse(tmp_path: Path):
    src = _copy(tmp_path, "alu_shared.v")
    res = search.optimize(open_design(src), goal="area", budget_s=40, verify_timeout_s=15)
    assert res.after.metric("area") <= res.before.metric("area")
    for a in res.attempts:
        if a.accepted:
            assert a.verdict == "EQUIVALENT"
    if res.changed:
        assert res.status == "improved" and res.steps
