"""Rewrites of parameterized modules are pinned to the parameter values they were proven with."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rtlopt.engine.parampin import pin_text

LIB = Path(__file__).resolve().parents[2] / "shared" / "lib" / "sky130hd_tt.lib.gz"

DEB = """module deb #(parameter HOLD = 1000) (input clk, input rst, input din, output reg stable);
  reg [15:0] cnt;
  always @(posedge clk) begin
    if (rst) begin cnt <= 0; stable <= 1'b0; end
    else if (!din) begin cnt <= 0; stable <= 1'b0; end
    else if (cnt < HOLD) begin cnt <= cnt + 1'b1; stable <= (cnt == HOLD - 1); end
  end
endmodule
"""
NARROW = DEB.replace("reg [15:0] cnt;", "reg [9:0] cnt;")
CFG = {"deb": {(("HOLD", "1000"),)}}


def test_changed_parameterized_module_is_pinned():
    out = pin_text(DEB, NARROW, CFG, "template")
    assert out is not None and out.startswith("module deb #(parameter HOLD = 1000)")
    head, _, rest = out.partition("if (HOLD == 1000) begin : rtlopt_params_deb")
    assert "reg [9:0] cnt;" in rest.split("end else begin")[0]
    assert "reg [15:0] cnt;" in rest.split("end else begin : rtlopt_original_deb")[1]
    # several elaborated parameterizations: the proof covered each, the pin names them all
    two = pin_text(DEB, NARROW, {"deb": {(("HOLD", "1000"),), (("HOLD", "900"),)}}, "template")
    assert "if ((HOLD == 1000) || (HOLD == 900))" in two


def test_unparameterized_and_refused_cases():
    plain = DEB.replace(" #(parameter HOLD = 1000)", "").replace("HOLD", "16'd1000")
    assert pin_text(plain, plain.replace("[15:0]", "[9:0]"), {}, "template") == plain.replace("[15:0]", "[9:0]")
    # header changed, module never elaborated, already pinned: refused
    assert pin_text(DEB, NARROW.replace("output reg stable", "output stable"), CFG, "template") is None
    assert pin_text(DEB, NARROW, {}, "template") is None
    # several rounds accumulate in one pinned arm: the search pins each text against the original
    two = NARROW.replace("cnt + 1'b1", "cnt + 10'd1")
    out2 = pin_text(DEB, two, CFG, "template")
    arm, orig = out2.split("end else begin : rtlopt_original_deb")
    assert "reg [9:0] cnt;" in arm and "cnt + 10'd1" in arm and "reg [15:0] cnt;" in orig and "cnt + 1'b1" in orig
    # non-ANSI port declarations (and the reg declaration of an output) stay at module level
    nonansi = ("module m (a, y);\n  parameter W = 4;\n  input [W-1:0] a;\n  output [W-1:0] y;\n  reg [W-1:0] y;\n"
               "  wire [W-1:0] t = a + 0;\n  always @* y = t;\nendmodule\n")
    out = pin_text(nonansi, nonansi.replace("a + 0", "a"), {"m": {(("W", "4"),)}}, "template")
    head, _, rest = out.partition("if (W == 4) begin : rtlopt_params_m")
    assert "input [W-1:0] a;" in head and "reg [W-1:0] y;" in head and "output" not in rest
    assert "wire [W-1:0] t = a;" in rest and "wire [W-1:0] t = a + 0;" in rest
    # generate regions lose their optional keywords inside the pinned block; a hierarchical name
    # through the module itself gains the block level
    gen = DEB.replace("  always @(posedge clk) begin", "  generate if (1) begin : g\n  always @(posedge clk) begin")
    gen = gen.replace("  end\nendmodule", "  end\n  end endgenerate\nendmodule")
    pg = pin_text(gen, gen.replace("reg [15:0] cnt;", "reg [9:0] cnt;"), CFG, "template")
    assert pg is not None and "generate" not in pg
    selfref = gen.replace("stable <= (cnt == HOLD - 1)", "stable <= (deb.g.cnt == HOLD - 1)")
    sp = pin_text(selfref, selfref.replace("reg [15:0] cnt;", "reg [9:0] cnt;"), CFG, "template")
    assert "deb.rtlopt_params_deb.g.cnt" in sp and "deb.rtlopt_original_deb.g.cnt" in sp
    # a function's input arguments are not ports
    fn = DEB.replace("  reg [15:0] cnt;", "  reg [15:0] cnt;\n  function [15:0] inc;\n    input [15:0] v;\n    inc = v + 1'b1;\n"
                     "  endfunction")
    assert "rtlopt_params_deb" in pin_text(fn, fn.replace("reg [15:0] cnt;", "reg [9:0] cnt;"), CFG, "template")


@pytest.mark.yosys
@pytest.mark.skipif(not LIB.exists(), reason="shared liberty not available")
def test_optimized_module_keeps_other_parameterizations(tmp_path):
    src = tmp_path / "deb.v"
    src.write_text(DEB)
    out = tmp_path / "out.v"
    r = subprocess.run([sys.executable, "-m", "rtlopt", "optimize", str(src), "--top", "deb", "--liberty", str(LIB),
                        "--budget", "90", "-o", str(out)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    text = out.read_text()
    assert "rtlopt_params_deb" in text and "reg [15:0] cnt;" in text
    # another instance of the module (HOLD beyond what 10 bits hold) behaves as the original
    for hold in ("1000", "3000"):
        v = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(src), str(out), "--top", "deb",
                            "-G", f"HOLD={hold}", "--timeout", "240"], capture_output=True, text=True, timeout=600)
        assert v.returncode == 0 and "EQUIVALENT" in v.stdout, (hold, v.stdout[-1500:], v.stderr[-1500:])


def test_body_parameters_stay_at_module_level():
    """State codes declared with `parameter` in the body stay outside the pinned block (a generate block
    cannot hold them) and must be the same on both sides; the pin names their values."""
    fsm = ("module f (input clk, input rst, input a, output reg y);\n"
           "    parameter S0 = 2'd0,\n              S1 = 2'd1;\n"
           "    reg [1:0] st;\n    always @(posedge clk) if (rst) st <= S0; else st <= a ? S1 : S0;\n"
           "    always @* y = (st == S1);\nendmodule\n")
    new = fsm.replace("reg [1:0] st;", "reg st;")
    cfg = {"f": {(("S0", "2'b0"), ("S1", "2'b1"))}}
    out = pin_text(fsm, new, cfg, "fsm")
    assert out is not None
    head, _, rest = out.partition("if (S0 == 2'b0 && S1 == 2'b1) begin : rtlopt_params_f")
    assert "parameter S0 = 2'd0," in head and "parameter" not in rest
    assert "reg st;" in rest.split("end else begin")[0] and "reg [1:0] st;" in rest.split("end else begin")[1]
    # CRLF on one side only (a generator writing its own line endings) is the same declaration
    assert pin_text(fsm, new.replace("S0 = 2'd0,\n", "S0 = 2'd0,\r\n"), cfg, "fsm") is not None
    # a changed parameter declaration cannot be pinned
    assert pin_text(fsm, new.replace("S1 = 2'd1", "S1 = 2'd2"), cfg, "fsm") is None


def test_changed_file_keeps_crlf_line_endings(tmp_path):
    from rtlopt.engine.search import _line_endings_like

    p = tmp_path / "a.v"
    p.write_bytes(b"module a;\r\nendmodule\r\n")
    before = "module a;\nendmodule\n"
    assert _line_endings_like(p, "module a;\r\n// x\nendmodule\n", before) == "module a;\r\n// x\r\nendmodule\r\n"
    assert _line_endings_like(p, before, before) == before  # unchanged: as read
    q = tmp_path / "b.v"
    q.write_bytes(b"module b;\nendmodule\n")
    assert _line_endings_like(q, "module b;\r\n// x\nendmodule\n", "module b;\nendmodule\n") == \
        "module b;\n// x\nendmodule\n"


def test_output_reg_port_declaration_is_kept_once_and_nothing_after_it_is_cut():
    """`output reg [..] q;` is both a port and a reg declaration: it stays at module level once, and
    the comment after it is not cut into code (every candidate of a vending machine failed to parse)."""
    src = ("module vm(clk, sel, a, b, c, d, q);\n  parameter W = 8;\n  input wire clk, sel;\n"
           "  input wire [W-1:0] a, b, c, d;\n  output reg [W-1:0] q;\n  reg [3:0] st;  // state\n\n"
           "  // sequential logic for state transitions\n  always @(posedge clk) st <= st + 1'b1;\n"
           "  always @(*) begin\n    if (sel) q = a + b;\n    else q = c + d;\n  end\nendmodule\n")
    new = src.replace("q = a + b;", "q = b + a;")
    out = pin_text(src, new, {"vm": {(("W", "8"),)}}, "template")
    assert out is not None and out.count("output reg [W-1:0] q;") == 1
    assert "// sequential logic for state transitions" in out
    from pyslang import syntax

    tree = syntax.SyntaxTree.fromText(out, "vm.v")
    assert not [d for d in tree.diagnostics if d.isError()], out
