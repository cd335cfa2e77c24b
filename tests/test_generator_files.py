"""A search with --top on one module of a many-file tree: generators and the candidate copies get only
the files the top's elaboration reads (its modules' files, files of macros and packages), not every file
(verilog-axis: 31 files analysed, parsed and elaborated per candidate for a 2-file arbiter, each tree
kept for the process's life: the rtlopt process grew to ~640 MB). No Yosys: the measurement is replaced."""

from __future__ import annotations

from pathlib import Path

from rtlopt.design import open_design
from rtlopt.engine import search
from rtlopt.engine.candidate import Candidate
from rtlopt.engine.workspace import Workspace
from rtlopt.ppa._report import Metric, PpaReport

TOP = ("module top(input [7:0] a, b, output [7:0] y);\n"
       "  wire [7:0] s;\n  child u (.a(a), .b(b), .y(s));\n  assign y = s ^ `MASK;\nendmodule\n")
CHILD = "module child(input [7:0] a, b, output [7:0] y);\n  assign y = a + b;\nendmodule\n"
MACROS = "// masks\n`define MASK 8'h5a\n"
OTHER = ("// an unrelated module of the same tree (its comment names an interface and a package)\n"
         "module other(input [3:0] p, output [3:0] q);\n  assign q = ~p;\nendmodule\n")
PKG = "package cfg_pkg;\n  localparam int N = 4;\nendpackage\n"


def _report(area: float) -> PpaReport:
    return PpaReport(area_um2=Metric(area, "um^2", "test"), delay_ns=Metric(1.0, "ns", "test"),
                     power_mw=Metric(0.1, "mW", "test"), cells=Metric(3, "cells", "test"),
                     generic_cells=Metric(None, "cells", "n/a"), generic_wires=Metric(None, "wires", "n/a"),
                     cells_by_type={}, provenance={}, scripts={}, seconds=0.0)


def _tree(tmp_path: Path, with_other: bool = True) -> list[Path]:
    files = {"macros.v": MACROS, "top.v": TOP, "child.v": CHILD, "pkg.sv": PKG}
    if with_other:
        files["other.v"] = OTHER
    out = []
    for name, text in files.items():
        p = tmp_path / name
        p.write_text(text)
        out.append(p)
    return out


def test_generator_files_are_the_tops_and_shared_ones(tmp_path: Path):
    files = _tree(tmp_path)
    d = open_design([str(f) for f in files], "top")
    keep = search.generator_files(d)
    assert keep is not None
    assert {p.name for p in keep} == {"macros.v", "top.v", "child.v", "pkg.sv"}  # not other.v
    # the child as top: its own file, the macro and package files; not top.v, not other.v
    keep = search.generator_files(open_design([str(f) for f in files], "child"))
    assert {p.name for p in keep} == {"macros.v", "child.v", "pkg.sv"}


def test_workspace_copies_hold_the_kept_files_only(tmp_path: Path):
    files = _tree(tmp_path)
    d = open_design([str(f) for f in files], "top")
    keep = search.generator_files(d)
    with Workspace(d, prefix="rtlopt-test-", keep=keep) as ws:
        ref = ws.materialize({p: p.read_text() for p in d.files})
        assert sorted(Path(f).name for f in ref.files) == ["child.v", "macros.v", "pkg.sv", "top.v"]
        assert ref.top == "top"
    with Workspace(d, prefix="rtlopt-test-") as ws:  # no keep: every file
        ref = ws.materialize({p: p.read_text() for p in d.files})
        assert len(ref.files) == 5


def _run(tmp_path: Path, monkeypatch, with_other: bool):
    files = _tree(tmp_path, with_other)
    seen_texts: list[set[str]] = []
    measured: list[set[str]] = []

    def measure(ref, *, timeout, **_kw):
        measured.append({Path(f).name for f in ref.files})
        return _report(100.0 if len(measured) == 1 else 200.0)  # the candidate is larger: no proof

    def gen(state):
        seen_texts.append({Path(p).name for p in state.texts})
        p = next(p for p in state.texts if Path(p).name == "top.v")  # (a scoped search edits the top only)
        return [Candidate(state.texts[p].replace("s ^ `MASK", "`MASK ^ s"), "template", ("t",), "swap",
                          {"file": str(p)})]

    import rtlopt.ppa._cache

    monkeypatch.setattr(rtlopt.ppa._cache, "measure_staged", measure)
    monkeypatch.setattr(search, "_GENERATORS", {"g": gen})
    res = search.optimize(open_design([str(f) for f in files], "top"), liberty="nangate45", budget_s=20.0,
                          verify_timeout_s=10.0, ppa_timeout_s=300.0)
    assert not res.changed
    return seen_texts, measured


def test_search_generators_and_candidates_skip_unreached_files(tmp_path: Path, monkeypatch):
    seen_texts, measured = _run(tmp_path, monkeypatch, with_other=True)
    assert seen_texts and all(s == {"macros.v", "top.v", "child.v", "pkg.sv"} for s in seen_texts)
    # the input as the user gave it; the candidate copy without other.v
    assert measured[0] == {"macros.v", "top.v", "child.v", "pkg.sv", "other.v"}
    assert len(measured) >= 2 and measured[1] == {"macros.v", "top.v", "child.v", "pkg.sv"}


def test_every_module_under_the_top_keeps_every_file(tmp_path: Path, monkeypatch):
    seen_texts, measured = _run(tmp_path, monkeypatch, with_other=False)
    assert seen_texts and all(s == {"macros.v", "top.v", "child.v", "pkg.sv"} for s in seen_texts)
    assert len(measured) >= 2 and measured[1] == {"macros.v", "top.v", "child.v", "pkg.sv"}
