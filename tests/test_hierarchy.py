"""Hierarchy, edit scope, budgets and the PPA cache (issue 11)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from rtlopt.cli import main
from rtlopt.design import open_design
from rtlopt.engine.hierarchy import (
    changed_region,
    edit_scope,
    graph,
    in_scope,
    instance_counts,
    module_span,
    reachable,
)

MULTI = """// two copies of one pattern; only the chosen module may change
module cm (input [7:0] a, output [11:0] y);
  assign y = a * 4'd9;  /* module unrelated ... endmodule */
endmodule

module top2 (input clk, input [7:0] a, output reg [11:0] q);
  wire [11:0] y0, y1;
  cm u0 (.a(a), .y(y0));
  cm u1 (.a(~a), .y(y1));
  always @(posedge clk) q <= y0 ^ y1;
endmodule

module unrelated (input [7:0] a, output [11:0] y);
  assign y = a * 4'd9;
endmodule
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


def test_module_span_and_scope_ignore_comments():
    s = module_span(MULTI, "unrelated")
    assert s is not None and MULTI[s[0]:s[1]].startswith("module unrelated") and MULTI[s[1] - 9:s[1]] == "endmodule"
    cm = module_span(MULTI, "cm")
    assert MULTI[cm[0]:cm[1]].count("endmodule") == 2  # the one in the comment and the real one
    assert module_span(MULTI, "absent") is None
    edited_cm = MULTI.replace("assign y = a * 4'd9;  /*", "assign y = (a << 3) + a;  /*")
    assert in_scope(MULTI, edited_cm, "cm") and not in_scope(MULTI, edited_cm, "unrelated")
    i = MULTI.rindex("a * 4'd9")
    edited_unrel = MULTI[:i] + "(a << 3) + a" + MULTI[i + 8:]
    assert not in_scope(MULTI, edited_unrel, "cm")
    assert changed_region("abcXdef", "abcYYdef") == (3, 4)


def test_graph_counts_instances(tmp_path: Path):
    d = open_design(_write(tmp_path, "m.v", MULTI), "top2")
    g = graph(d.parsed)
    assert reachable(g, "top2") == ["cm", "top2"]
    assert instance_counts(g, "top2") == {"top2": 1, "cm": 2}
    assert edit_scope(d) == "top2"  # 'unrelated' is in the file but not under the top
    assert edit_scope(open_design(_write(tmp_path, "c.v", MULTI.split("module top2")[0]))) is None


def test_fsm_extract_has_a_deadline(tmp_path: Path):
    from rtlopt.fsm.extract import extract

    src = _write(tmp_path, "f.v", """module f(input clk, rst, go, output reg [1:0] st);
  always @(posedge clk) if (rst) st <= 0; else case (st) 0: st <= go ? 1 : 0; 1: st <= 2; 2: st <= 3; default: st <= 0; endcase
endmodule
""")
    ex = extract(open_design(src), timeout_s=1e-9)
    assert not ex.fsms and any("time limit" in n for n in ex.notes)
    assert extract(open_design(src)).fsms  # without the (tiny) limit the machine is found


@pytest.mark.yosys
def test_top_edits_only_that_module(tmp_path: Path, capsys):
    src = _write(tmp_path, "m.v", MULTI)
    out = tmp_path / "out.v"
    rc = main(["optimize", str(src), "--top", "cm", "-o", str(out), "-q", "--budget", "90", "--json"])
    assert rc == 0
    data = json.loads(capsys.readouterr().out)
    assert data["top"] == "cm" and data["status"] == "improved"
    new = out.read_text()
    a, b = module_span(MULTI, "cm")
    assert new[:a] == MULTI[:a], "text before the chosen module is unchanged"
    assert new.endswith(MULTI[b:]), "text after the chosen module (including 'unrelated') is unchanged"
    assert "a * 4'd9" in new[new.index("module unrelated"):]


@pytest.mark.yosys
def test_hierarchical_composes_and_proves(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    src = _write(tmp_path, "m.v", MULTI)
    rc = main(["optimize", str(src), "--top", "top2", "--hierarchical", "-q", "--budget", "150", "--json"])
    assert rc == 0
    data = json.loads(capsys.readouterr().out)
    mods = {m["module"]: m for m in data["modules"]}
    assert list(mods) == ["cm", "top2"]  # leaves first; 'unrelated' is not under the top
    assert mods["cm"]["instances"] == 2 and mods["cm"]["status"] == "improved"
    assert mods["cm"]["area_after"] < mods["cm"]["area_before"]
    t = data["total"]
    assert t["measured"].startswith("per-module sum")
    own_sum = mods["cm"]["area_after"] * 2 + mods["top2"]["area_after"]
    assert abs(t["area_after_um2"] - own_sum) < 1e-6 and t["area_after_um2"] < t["area_before_um2"]
    assert data["composed_proof"]["verdict"] == "EQUIVALENT"
    assert src.read_text() == MULTI  # nothing written without -o / --in-place


BIG = """module big(input clk, input [31:0] a, b, c, d, output reg [63:0] y);
  always @(posedge clk) y <= a * b + c * d + (a ^ c) * (b | d);
endmodule
"""


@pytest.mark.yosys
def test_budget_bounds_input_measurement(tmp_path: Path, capsys):
    src = _write(tmp_path, "big.v", BIG)
    t0 = time.monotonic()
    rc = main(["optimize", str(src), "--budget", "1.5", "-q"])
    took = time.monotonic() - t0
    err = capsys.readouterr().err
    assert rc == 8, err
    assert "budget" in err and "input unchanged" in err
    assert took < 60  # the measurement was cut at the budget, not at a fixed Yosys limit
    assert src.read_text() == BIG


@pytest.mark.yosys
def test_ppa_cache_hit(tmp_path: Path, monkeypatch):
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty

    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    lib = resolve_liberty(None)
    src = _write(tmp_path, "cm.v", MULTI.split("module top2")[0])
    first = measure_cached(open_design(src), liberty=lib)
    assert first.provenance["cache"]["hit"] is False
    assert list((tmp_path / "cache" / "ppa").glob("*.json"))
    copy = _write(tmp_path / "", "copy.v", src.read_text())  # same content, other path: same key
    second = measure_cached(open_design(copy), liberty=lib)
    assert second.provenance["cache"]["hit"] is True
    assert second.area_um2.value == first.area_um2.value and second.delay_ns.value == first.delay_ns.value
    src.write_text(src.read_text().replace("4'd9", "4'd7"))
    third = measure_cached(open_design(src), liberty=lib)
    assert third.provenance["cache"]["hit"] is False  # the text changed: measured again
