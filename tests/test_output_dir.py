"""`optimize a.v b.v -o DIR`: a design of several files (a read-only tree, the RTL-Rewriter long suite's
file lists) written into an existing directory, each changed file under its own name (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.cli import main

pytestmark = [pytest.mark.yosys, pytest.mark.sta]

TOP = ("// top: a constant product and a child in another file\n"
       "module top(input [7:0] x, output [11:0] p, output [7:0] q);\n"
       "  assign p = x * 9;\n"
       "  inc8 u_inc (.a(x), .y(q));\n"
       "endmodule\n")
CHILD = "module inc8(input [7:0] a, output [7:0] y);\n  assign y = a + 8'd1;\nendmodule\n"


def test_several_files_into_directory(tmp_path: Path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "top.v").write_text(TOP)
    (src / "inc8.v").write_text(CHILD)
    out = tmp_path / "out"
    out.mkdir()
    rc = main(["optimize", str(src / "top.v"), str(src / "inc8.v"), "--top", "top", "-o", str(out), "-q",
               "--budget", "60", "--json"])
    cap = capsys.readouterr()
    assert rc == 0, cap.err
    new = (out / "top.v").read_text()
    assert new.startswith("// top: a constant product") and "x * 9" not in new and "inc8 u_inc" in new
    assert not (out / "inc8.v").exists()  # unchanged files are not copied
    assert (src / "top.v").read_text() == TOP and (src / "inc8.v").read_text() == CHILD  # inputs untouched
    assert str(out / "top.v") in cap.out  # the report names the file written


def test_output_directory_refusals(tmp_path: Path, capsys):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "top.v").write_text(TOP)
    (b / "top.v").write_text(CHILD)  # same name in two folders: one would overwrite the other
    (a / "inc8.v").write_text(CHILD)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["optimize", str(a / "top.v"), str(b / "top.v"), "--top", "top", "-o", str(out), "-q"]) == 2
    assert "same name" in capsys.readouterr().err
    # the directory of an input: the input would be overwritten
    assert main(["optimize", str(a / "top.v"), str(a / "inc8.v"), "--top", "top", "-o", str(a), "-q"]) == 2
    assert "directory of an input" in capsys.readouterr().err
    # -o FILE with several inputs stays an error
    assert main(["optimize", str(a / "top.v"), str(a / "inc8.v"), "--top", "top", "-o", str(out / "x.v"),
                 "-q"]) == 2
    assert "needs exactly one input" in capsys.readouterr().err


def test_hierarchical_run_writes_every_changed_file(tmp_path: Path, capsys):
    """--hierarchical with -o DIR: the child's and the parent's files, each under its own name."""
    src = tmp_path / "src"
    src.mkdir()
    top = "module top(input [7:0] x, output [11:0] p, output [11:0] q);\n  assign p = x * 9;\n" \
          "  mul9 u (.a(x), .y(q));\nendmodule\n"
    child = "module mul9(input [7:0] a, output [11:0] y);\n  assign y = a * 9;\nendmodule\n"
    (src / "top.v").write_text(top)
    (src / "mul9.v").write_text(child)
    out = tmp_path / "out"
    out.mkdir()
    rc = main(["optimize", str(src / "top.v"), str(src / "mul9.v"), "--top", "top", "--hierarchical",
               "-o", str(out), "-q", "--budget", "90"])
    cap = capsys.readouterr()
    assert rc == 0, cap.err
    assert "a * 9" not in (out / "mul9.v").read_text() and "mul9 u" in (out / "top.v").read_text()
    assert (src / "top.v").read_text() == top and (src / "mul9.v").read_text() == child
