"""Inputs at the edges: out-of-range selects read as x, a top with nothing in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.cli import main


@pytest.mark.yosys
def test_out_of_range_select_compares_equal_to_itself(tmp_path: Path, capsys):
    f = tmp_path / "oor.v"
    f.write_text("module t(input [3:0] a, output [3:0] y);\n  assign y = a[7:4];\nendmodule\n")
    assert main(["verify", str(f), str(f)]) == 0
    out = capsys.readouterr()
    assert "EQUIVALENT" in out.out and "out-of-range select" in out.out and "range-oob" in out.err


@pytest.mark.yosys
def test_empty_top_is_bad_input_for_ppa(tmp_path: Path, capsys):
    f = tmp_path / "e.v"
    f.write_text("module t; endmodule\n")
    assert main(["ppa", str(f)]) == 2
    assert "no logic to measure" in capsys.readouterr().err
