"""One input policy across commands (rtlopt/hdl/policy.py): BOM, comments-only, odd paths,
simulation-only code, deep nesting, one line and the documented exit code."""

from __future__ import annotations

import pytest

from rtlopt.cli import main

INV = "module t(input a, output y);\nassign y = ~a;\nendmodule\n"


def _one_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    lines = [ln for ln in err if not ln.startswith("usage:")]
    assert len(lines) == 1, err
    assert "Traceback" not in lines[0]
    return lines[0]


@pytest.mark.yosys
def test_bom_is_accepted_everywhere(tmp_path, capsys):
    f = tmp_path / "bom.v"
    f.write_bytes(b"\xef\xbb\xbf" + INV.encode())
    assert main(["verify", str(f), str(f)]) == 0
    assert main(["check", str(f)]) == 0
    assert main(["fsm", str(f)]) == 0
    assert "EQUIVALENT" in capsys.readouterr().out


@pytest.mark.parametrize("cmd", ["check", "verify", "ppa", "fsm", "optimize", "simulate"])
def test_comments_only_is_no_module_everywhere(tmp_path, capsys, cmd):
    f = tmp_path / "c.v"
    f.write_text("// nothing here\n/* still\n nothing */\n")
    args = [cmd, str(f)] + ([str(f)] if cmd in ("verify", "simulate") else [])
    assert main(args) == 2
    if cmd == "check":  # check reports per file on stdout and goes on with the others
        out = capsys.readouterr()
        assert "no module declarations found" in out.out + out.err and "Traceback" not in out.err
    else:
        assert "no module declarations found" in _one_line(capsys)


@pytest.mark.yosys
def test_odd_path_with_newline_and_quote(tmp_path, capsys):
    d = tmp_path / "odd\ndir"
    d.mkdir()
    f = d / 'we"ird name.v'
    f.write_text(INV)
    assert main(["verify", str(f), str(f)]) == 0
    assert "EQUIVALENT" in capsys.readouterr().out


@pytest.mark.parametrize("cmd", ["verify", "optimize", "ppa"])
def test_delay_in_initial_is_refused_consistently(tmp_path, capsys, cmd):
    f = tmp_path / "i.v"
    f.write_text("module t(input clk, input [3:0] d, output reg [3:0] q);\ninitial #5 q = 4'd1;\n"
                 "always @(posedge clk) q <= d;\nendmodule\n")
    args = [cmd, str(f)] + ([str(f)] if cmd == "verify" else [])
    assert main(args) == 2
    line = _one_line(capsys)
    assert ":2" in line and "simulation-only" in line


@pytest.mark.yosys
def test_parameter_check_idiom_is_accepted(tmp_path, capsys):
    f = tmp_path / "p.v"
    f.write_text("module t #(parameter W = 4) (input [W-1:0] a, output [W-1:0] y);\n"
                 "initial begin if (W < 1) begin $error(\"W must be positive\"); $finish; end end\n"
                 "assign y = ~a;\nendmodule\n")
    assert main(["verify", str(f), str(f)]) == 0


@pytest.mark.parametrize("opener,closer", [("(", ")"), ("{", "}")])
def test_deep_nesting_is_one_line(tmp_path, capsys, opener, closer):
    n = 100_000
    f = tmp_path / "deep.v"
    f.write_text("module t(input a, output y);\nassign y = " + opener * n + "a" + closer * n + ";\nendmodule\n")
    for args in (["check", str(f)], ["verify", str(f), str(f)]):
        assert main(args) == 2
        out = capsys.readouterr()
        assert "nested" in out.out + out.err and "Traceback" not in out.err


def test_binary_and_missing_files(tmp_path, capsys):
    b = tmp_path / "b.v"
    b.write_bytes(bytes(range(256)) * 4)
    assert main(["verify", str(b), str(b)]) == 2
    assert "binary" in _one_line(capsys)
    assert main(["ppa", str(tmp_path / "none.v")]) == 2
    assert "no such file" in _one_line(capsys)
