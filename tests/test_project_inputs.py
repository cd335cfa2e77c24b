"""Design inputs as engineers pass them (rtlopt.hdl.project): file lists, include dirs, defines,
parameters, language by file, and the parameter-check idiom."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from rtlopt.errors import InputError, UnsupportedConstruct
from rtlopt.hdl import project as prj
from rtlopt.hdl.source import load_design


@pytest.fixture(autouse=True)
def _no_active_project():
    old = prj.set_active(None)
    yield
    prj.set_active(old)


def _w(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def _args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    prj.add_arguments(p)
    return p.parse_args(argv)


def test_nested_file_lists_relative_to_each_list(tmp_path, monkeypatch):
    _w(tmp_path / "ip/rtl/core.v", "module core; endmodule\n")
    _w(tmp_path / "ip/inc/a.vh", "")
    _w(tmp_path / "ip/ip.f", "// the IP's own list\n+incdir+inc+../shared_inc\n+define+IP_W=8+FAST\n"
                             "rtl/core.v   # its only source\n-y lib\n+libext+.v+.vl\n")
    (tmp_path / "ip/lib").mkdir()
    (tmp_path / "shared_inc").mkdir()
    _w(tmp_path / "top/top.v", "module top; core u(); endmodule\n")
    _w(tmp_path / "top/files.f", "/* block\ncomment */\n-f ${IPROOT}/ip.f\n-D TOPDEF -DV=3\n$HERE/top.v\n"
                                 "-G DEPTH=16\n-v ../ip/rtl/core.v\n-timescale 1ns/1ps\n")
    monkeypatch.setenv("IPROOT", str(tmp_path / "ip"))
    monkeypatch.setenv("HERE", ".")
    proj = prj.read_file_list(tmp_path / "top/files.f")
    assert proj.files == (tmp_path / "ip/rtl/core.v", tmp_path / "top/top.v")
    assert proj.include_dirs == (tmp_path / "ip/inc", tmp_path / "shared_inc")
    assert proj.define_map == {"IP_W": "8", "FAST": None, "TOPDEF": None, "V": "3"}
    assert proj.param_map == {"DEPTH": "16"}
    assert proj.lib_dirs == (tmp_path / "ip/lib",) and proj.lib_files == (tmp_path / "ip/rtl/core.v",)
    assert proj.libext == (".v", ".vl")


def test_file_list_errors_name_the_list(tmp_path, monkeypatch):
    monkeypatch.delenv("NO_SUCH_VAR_X", raising=False)
    f = _w(tmp_path / "a.f", "x.v\n$NO_SUCH_VAR_X/y.v\n")
    with pytest.raises(InputError, match=r"NO_SUCH_VAR_X is not set") as info:
        prj.read_file_list(f)
    assert info.value.line == 2
    loop = _w(tmp_path / "loop.f", "-f loop.f\n")
    with pytest.raises(InputError, match="includes itself"):
        prj.read_file_list(loop)
    with pytest.raises(InputError, match="bad macro name"):
        prj.read_file_list(_w(tmp_path / "d.f", "+define+9bad=1\n"))


def test_include_is_resolved_from_the_including_file_not_the_cwd(tmp_path, monkeypatch):
    _w(tmp_path / "soc/rtl/config.vh", "`define WIDTH 8\n")
    top = _w(tmp_path / "soc/rtl/core/alu.v",
             '`include "../config.vh"\nmodule alu(input [`WIDTH-1:0] a, output [`WIDTH-1:0] y);\n'
             "  assign y = ~a;\nendmodule\n")
    monkeypatch.chdir(tmp_path)  # neither the cwd nor an -I dir has config.vh next to it
    d = load_design([top])
    assert d.modules["alu"].ports[0].width == 8


def test_include_dirs_come_after_the_including_files_directory(tmp_path):
    _w(tmp_path / "rtl/w.vh", "`define W 4\n")
    _w(tmp_path / "other/w.vh", "`define W 16\n")
    _w(tmp_path / "inc/only.vh", "`define V 2\n")
    top = _w(tmp_path / "rtl/t.v", '`include "w.vh"\n`include "only.vh"\n'
                                    "module t(input [`W-1:0] a, output [`V-1:0] y); assign y = a[1:0]; endmodule\n")
    prj.set_active(prj.from_args(_args(["-I", str(tmp_path / "other"), "-I", str(tmp_path / "inc")]),
                                 config=False))
    d = load_design([top])
    assert [p.width for p in d.modules["t"].ports] == [4, 2]


def test_defines_and_parameter_overrides_reach_pyslang(tmp_path):
    f = _w(tmp_path / "m.v", "module m #(parameter N = 2) (input [N-1:0] a, output [`OUTW-1:0] y);\n"
                             "  assign y = a;\nendmodule\n")
    with pytest.raises(InputError, match="OUTW"):
        load_design([f])
    prj.set_active(prj.from_args(_args(["-D", "OUTW=6", "-G", "N=5"]), config=False))
    d = load_design([f])
    assert [p.width for p in d.modules["m"].ports] == [5, 6]


def test_bad_define_and_param_flags_are_input_errors():
    with pytest.raises(InputError, match="NAME=VALUE"):
        prj.from_args(_args(["-G", "N"]), config=False)
    with pytest.raises(InputError, match="bad macro name"):
        prj.from_args(_args(["-D", "1X"]), config=False)
    with pytest.raises(InputError, match="include directory not found"):
        prj.from_args(_args(["-I", "/no/such/dir/rtlopt"]), config=False)


V2005 = """module dist(input logic, input bit, output reg y);
  task expect;
    input v;
    begin y = v; end
  endtask
  always @* expect(logic ^ bit);
endmodule
"""


def test_verilog_2005_keywords_for_v_files_systemverilog_for_sv(tmp_path):
    v = _w(tmp_path / "legacy.v", V2005)
    d = load_design([v])
    assert [p.name for p in d.modules["dist"].ports] == ["logic", "bit", "y"]
    sv = _w(tmp_path / "legacy.sv", V2005)
    with pytest.raises(InputError, match="syntax error"):
        load_design([sv])
    # per-file overrides: --sv makes the .v SystemVerilog (and fail), --verilog the .sv Verilog-2005
    prj.set_active(prj.from_args(_args(["--sv", str(v), "--verilog", str(sv)]), config=False))
    with pytest.raises(InputError, match="syntax error"):
        load_design([v])
    assert "dist" in load_design([sv]).modules


def test_systemverilog_in_a_v_file_is_still_read():
    # many repositories keep SystemVerilog in .v files: a file that is not Verilog-2005 but is valid
    # SystemVerilog is read as SystemVerilog
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        f = _w(Path(d) / "c.v", "module c(input clk, output logic [3:0] q);\n"
                                "  always_ff @(posedge clk) q <= q + 4'd1;\nendmodule\n")
        assert prj.active().language(f) == "sv"
        assert "c" in load_design([f]).modules


def test_yosys_read_lines(tmp_path):
    proj = prj.Project(include_dirs=(tmp_path / "inc",), defines=(("A", None), ("B", "2")),
                       params=(("W", "8"), ("NAME", '"x y"')))
    lines = prj.yosys_read_lines([tmp_path / "a.v", tmp_path / "b.sv"], "top", proj)
    assert lines[0] == f"read_verilog -DA -DB=2 -I{tmp_path / 'inc'} {tmp_path / 'a.v'}"
    assert lines[1].startswith("read_verilog -sv -DA")
    assert lines[2:] == ["chparam -set W 8 top", 'chparam -set NAME "x y" top']
    assert prj.icarus_args(proj, "top")[-2:] == ["-Ptop.W=8", '-Ptop.NAME="x y"']
    assert "-GW=8" in prj.verilator_args(proj)


def test_copies_resolve_includes_and_language_like_their_original(tmp_path):
    orig = _w(tmp_path / "rtl/a.v", '`include "cfg.vh"\nmodule a(input logic, output y); assign y = logic; endmodule\n')
    _w(tmp_path / "rtl/cfg.vh", "")
    copy = _w(tmp_path / "work/c1/a.v", orig.read_text())
    prj.register_copy(copy, orig)
    assert prj.active().include_dirs_for(copy)[0] == tmp_path / "rtl"
    assert "a" in load_design([copy]).modules


def test_config_file_project_keys(tmp_path):
    _w(tmp_path / "rtl/inc/defs.vh", "")
    _w(tmp_path / "rtl/x.v", "module x; endmodule\n")
    _w(tmp_path / "rtl/files.f", "x.v\n")
    _w(tmp_path / "pyproject.toml", '[tool.rtlopt]\ngoal = "area"\ninclude_dirs = ["rtl/inc"]\n'
                                    'defines = { SIM = true, W = 8 }\nparams = { DEPTH = 4 }\n'
                                    'file_lists = ["rtl/files.f"]\n')
    from rtlopt.config import load_settings

    assert load_settings(cwd=tmp_path, env={}).goal == "area"  # the project keys are not settings errors
    proj = prj.from_args(_args(["-D", "W=16"]), cwd=tmp_path, env={})
    assert proj.include_dirs == (tmp_path / "rtl/inc",)
    assert proj.define_map == {"SIM": None, "W": "16"}  # a flag wins over the configuration
    assert proj.param_map == {"DEPTH": "4"} and proj.files == (tmp_path / "rtl/x.v",)


def test_library_dirs_and_files_add_only_what_is_needed(tmp_path):
    top = _w(tmp_path / "top.v", "module top(input a, output y); leaf u(.a(a), .y(y)); endmodule\n")
    _w(tmp_path / "lib/leaf.v", "module leaf(input a, output y); inner i(.a(a), .y(y)); endmodule\n")
    _w(tmp_path / "lib/unused.v", "module unused; endmodule\n")
    cells = _w(tmp_path / "cells.v", "module inner(input a, output y); assign y = ~a; endmodule\n"
                                     "module other; endmodule\n")
    proj = prj.from_args(_args(["-y", str(tmp_path / "lib"), "-v", str(cells)]), [top], config=False)
    assert prj.design_files(proj) == [top, tmp_path / "lib/leaf.v", cells]


PARAM_CHECK = """module fifo #(parameter DEPTH = 16, parameter W = 8) (input clk, input [W-1:0] d, output reg [W-1:0] q);
  localparam AW = $clog2(DEPTH);
  integer i;
  initial begin
    if (DEPTH < 2 || (1 << AW) != DEPTH) begin
      $error("Error: DEPTH must be a power of two (instance %m)");
      $finish;
    end
    for (i = 0; i < W; i = i + 1) begin
      if (W % 2) $display("odd width %d", i);
    end
  end
  always @(posedge clk) q <= d;
endmodule
"""


def test_parameter_check_idiom_is_not_simulation_only(tmp_path):
    from rtlopt.ppa._synthcheck import check_synthesizable

    d = load_design([_w(tmp_path / "fifo.v", PARAM_CHECK)])
    check_synthesizable(d, "fifo")  # accepted: Yosys ignores it
    tb = _w(tmp_path / "tb.v", "module tb(input rst, output reg q);\n"
                               "  initial begin if (rst) begin $error(\"x\"); $finish; end end\nendmodule\n")
    with pytest.raises(UnsupportedConstruct, match="simulation-only"):  # a signal, not a parameter
        check_synthesizable(load_design([tb]), "tb")
    tb2 = _w(tmp_path / "tb2.v", "module tb2 #(parameter N = 1) (output reg q);\n"
                                 "  initial begin q = 0; if (N) $finish; end\nendmodule\n")
    with pytest.raises(UnsupportedConstruct, match="simulation-only"):  # assigns a signal
        check_synthesizable(load_design([tb2]), "tb2")


@pytest.mark.yosys
def test_cli_file_list_include_define_param_through_yosys(tmp_path, monkeypatch):
    from rtlopt.cli import main

    _w(tmp_path / "inc/sel.vh", "`define PICK(x, y) ((W == 8) ? (x) : (y))\n")
    _w(tmp_path / "rtl/gold.v", '`include "../inc/sel.vh"\n'
                                "module top #(parameter W = 4) (input [W-1:0] a, b, output [W-1:0] y);\n"
                                "  assign y = `PICK(a & b, a | b);\n"
                                "  initial begin if (W > 64) begin $error(\"W\"); $finish; end end\nendmodule\n")
    _w(tmp_path / "rtl/gate.v", "module top #(parameter W = 4) (input [W-1:0] a, b, output [W-1:0] y);\n"
                                "  wire [W-1:0] logic = a & b;  // a name in Verilog-2005\n"
                                "  assign y = logic;\nendmodule\n")
    _w(tmp_path / "files.f", "+incdir+inc\n")
    monkeypatch.chdir(tmp_path)
    gold, gate = str(tmp_path / "rtl/gold.v"), str(tmp_path / "rtl/gate.v")
    assert main(["verify", gold, gate, "-G", "W=8", "--timeout", "120"]) == 0
    assert main(["verify", gold, gate, "--timeout", "120"]) == 1  # W = 4: y = a | b differs
    assert main(["verify", gold, gate, "-f", "files.f", "--param", "W=8", "--timeout", "120"]) == 0


def test_rewrites_of_a_file_are_checked_with_its_includes_and_language(tmp_path):
    # the templates check a rewrite with parses_cleanly(text): no file name, so it is read like the
    # file this thread analysed last (includes from its directory, Verilog-2005 keywords)
    from rtlopt.templates._sem import analyze, parses_cleanly

    _w(tmp_path / "inc/cfg.vh", "`define MASK 16'h0\n")
    f = _w(tmp_path / "rtl/m.v", '`include "../inc/cfg.vh"\nmodule m(input [15:0] a, output [15:0] y);\n'
                                 "  wire [15:0] logic = a | `MASK;\n  assign y = logic;\nendmodule\n")
    an = analyze(f.read_text(), str(f))
    assert an.errors == 0
    assert parses_cleanly(f.read_text().replace("a | `MASK", "`MASK | a"))
