"""register_width_reduction on arrays of SIGNED counters (``int cnt [4]``, ``integer c [0:3]``,
``reg signed [15:0] a [..]``): every element provably stays in ``0 .. 2^k - 1`` from reset, and every read
only consumes the value (compared with a non-negative constant, cast wider, assigned, stepped in the
array's own writes), so the element becomes unsigned ``[k-1:0]`` and the step literal is sized to it.

Negatives: an element that wraps (no bound), a read re-signed at the narrow width (``$signed(c[0])``).
A read in a signed expression (``c[0] - 5 < 0``) or compared with a signed input keeps the element's
width and signedness (``$signed({26'd0, c[0]})``), proven with the real verifier.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates._regwidth import RegisterWidthReduction
from rtlopt.templates._sem import analyze

RW = RegisterWidthReduction()

# SV: int array, saturation written with ?: inside a for loop, a parameter bound, reads cast and compared
SV_INT_TERNARY = """module hbin #(parameter int LIM = 255) (
  input  logic clk, rst, en,
  input  logic [1:0] sel,
  output logic [7:0] c0,
  output logic full
);
  int n [4];
  always_ff @(posedge clk) begin
    if (rst) for (int i = 0; i < 4; i++) n[i] <= 0;
    else if (en)
      for (int i = 0; i < 4; i++)
        if (sel == 2'(i)) n[i] <= (n[i] >= LIM) ? n[i] : n[i] + 1;
  end
  assign c0 = 8'(n[0]);
  assign full = (n[1] == LIM) || (n[2] == LIM);
endmodule
module top (input logic clk, rst, en, input logic [1:0] sel, output logic [7:0] c0, output logic full);
  hbin #(.LIM(40)) u (.*);
endmodule
"""

# Verilog-2005: integer array, one always block per generate iteration, down-counter reloaded to 20
V_INTEGER_GEN = """module t (input clk, rst, input [3:0] go, output [3:0] busy);
  integer tm [0:3];
  genvar g;
  generate for (g = 0; g < 4; g = g + 1) begin : gt
    always @(posedge clk)
      if (rst) tm[g] <= 0;
      else if (go[g]) tm[g] <= 20;
      else if (tm[g] != 0) tm[g] <= tm[g] - 1;
    assign busy[g] = (tm[g] > 0);
  end endgenerate
endmodule
"""

# Verilog: reg signed [15:0] array, saturation by if, integer loop variable
V_SIGNED_REG = """module t (input clk, rst, input [1:0] hit, output [1:0] sat);
  reg signed [15:0] c [0:1];
  integer i;
  always @(posedge clk)
    for (i = 0; i < 2; i = i + 1)
      if (rst) c[i] <= 16'sd0;
      else if (hit[i] && c[i] < 16'sd9) c[i] <= c[i] + 16'sd1;
  assign sat[0] = c[0] == 9;
  assign sat[1] = c[1] == 9;
endmodule
"""


def _ms(text: str) -> list:
    return [m for m in RW.match(text) if "elements" in m.description]


def test_sv_int_array_saturating_ternary():
    ms = _ms(SV_INT_TERNARY)
    assert len(ms) == 1 and "n elements 32 -> 6 bits" in ms[0].description, [m.description for m in ms]
    new = RW.rewrite(SV_INT_TERNARY, ms)
    assert "logic [5:0] n [4];" in new, new
    assert "n[i] + 6'h1" in new, new  # the step is sized to the element
    assert "n[i] <= 0;" in new  # a constant write stays as written
    assert analyze(new).errors == 0


def test_verilog_integer_array_per_generate_iteration():
    ms = _ms(V_INTEGER_GEN)
    assert len(ms) == 1 and "32 -> 5 bits" in ms[0].description, [m.description for m in ms]
    new = RW.rewrite(V_INTEGER_GEN, ms)
    assert "reg [4:0] tm [0:3];" in new, new
    assert analyze(new).errors == 0


def test_verilog_signed_reg_array():
    ms = _ms(V_SIGNED_REG)
    assert len(ms) == 1 and "16 -> 4 bits" in ms[0].description, [m.description for m in ms]
    new = RW.rewrite(V_SIGNED_REG, ms)
    assert "reg [3:0] c [0:1];" in new, new
    assert analyze(new).errors == 0


def test_wrapping_element_not_narrowed():
    text = SV_INT_TERNARY.replace("(n[i] >= LIM) ? n[i] : n[i] + 1", "n[i] + 1")
    assert _ms(text) == []


def _with_read(read: str) -> str:
    return SV_INT_TERNARY.replace(
        "  assign c0 = 8'(n[0]);",
        f"  logic low;\n  logic signed [7:0] d;\n  assign d = -8'sd3;\n  {read}\n  assign c0 = 8'(n[0]);")


def test_signed_read_contexts_refused():
    # re-signed at the narrow width: the top bit would become the sign (a call: refused)
    text = _with_read("assign low = $signed(n[0]) < 0;")
    assert analyze(text).errors == 0
    assert _ms(text) == [], [m.description for m in _ms(text)]


@pytest.mark.yosys
@pytest.mark.parametrize("read", [
    "assign low = (n[0] - 5) < 0;",  # a signed expression: unsigned it is never negative
    "assign low = n[0] < d;",  # compared with a signed input: an unsigned compare differs for d < 0
])
def test_signed_read_contexts_kept_at_element_width(tmp_path: Path, read):
    """A read in a signed context is rewritten to the narrowed value zero-extended back to 32 bits and
    made signed (the same value, width and signedness): the expression means what it meant."""
    from tests._proof import abc_verdict

    text = _with_read(read)
    assert analyze(text).errors == 0
    ms = _ms(text)
    assert len(ms) == 1 and "32 -> 6 bits" in ms[0].description, [m.description for m in ms]
    new = RW.rewrite(text, ms)
    assert read.replace("n[0]", "$signed({26'd0, n[0]})") in new, new
    assert analyze(new).errors == 0
    old = tmp_path / "old.sv"
    old.write_text(text)
    assert abc_verdict(tmp_path, old, new, "top").name == "EQUIVALENT"


@pytest.mark.yosys
def test_signed_array_narrowing_proven(tmp_path: Path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    new = RW.rewrite(V_SIGNED_REG, _ms(V_SIGNED_REG))
    for d, t in (("gold", V_SIGNED_REG), ("gate", new)):
        (tmp_path / d).mkdir()
        (tmp_path / d / "t.v").write_text(t)
    got = check_equivalence(open_design(tmp_path / "gold" / "t.v", top="t"),
                            open_design(tmp_path / "gate" / "t.v", top="t"), VerifyOptions(timeout_s=120))
    assert got.verdict.name == "EQUIVALENT", got
