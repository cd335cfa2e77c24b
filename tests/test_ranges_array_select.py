"""Value ranges must stay sound through selects of arrays.

A register loaded from an unpacked memory with a variable index (``data_out <= mem[i]``) was
modelled as a shift of a 1-bit free value (an unpacked array has no bit width), so z3 "proved"
``data_out`` stays below 2 from reset (RTL-Rewriter memory_folding: data_out 8 -> 1 bits, rejected
by the equivalence check). An element of a packed array (``p[i]`` of ``logic [3:0][7:0] p``) was
read at bit offset ``i`` instead of ``8*i``.
"""

from __future__ import annotations

import z3

from rtlopt.templates._guards import Z3Expr
from rtlopt.templates._regwidth import RegisterWidthReduction
from rtlopt.templates._sem import analyze

RW = RegisterWidthReduction()

MEM = """module mf(input clk, rst, we, input [7:0] wa, ra, input [7:0] d, output reg [7:0] q);
  reg [7:0] mem [255:0];
  always @(posedge clk) if (we) mem[wa] <= d;
  always @(posedge clk) if (rst) q <= 0; else q <= mem[ra];
endmodule
"""


def test_memory_read_is_not_narrowed():
    descs = [m.description for m in RW.match(MEM)]
    assert not any("q 8 ->" in d for d in descs), descs


def test_memory_read_internal_register_is_not_narrowed():
    text = MEM.replace("output reg [7:0] q", "output [7:0] y").replace(
        "  reg [7:0] mem [255:0];", "  reg [7:0] mem [255:0];\n  reg [7:0] q;\n  assign y = q;")
    descs = [m.description for m in RW.match(text)]
    assert not any("q 8 ->" in d for d in descs), descs


LOOP = """module lf(input clk, rst, go, input [7:0] d, output reg [7:0] q);
  reg [7:0] mem [3:0];
  reg s;
  integer i;
  always @(posedge clk)
    if (rst) begin s <= 0; q <= 0; end
    else if (!s) begin
      if (go) begin for (i = 0; i < 4; i = i + 1) mem[i] <= d; s <= 1; end
    end else begin
      for (i = 0; i < 4; i = i + 1) q <= mem[i];
      s <= 0;
    end
endmodule
"""


def test_memory_read_in_loop_is_not_narrowed():
    descs = [m.description for m in RW.match(LOOP)]
    assert not any("q 8 ->" in d for d in descs), descs


def _term(text: str, name: str):
    an = analyze(text)
    node = next(x.node for x in an.exprs if type(x.node).__name__ == "AssignmentExpression"
                and an.text[slice(*an.span(x.node.left))].strip() == name)
    zx = Z3Expr(an)
    return zx.bv(node.right), zx


def test_packed_element_select_scales_by_element_width():
    text = """module p(input [1:0] i, input [3:0][7:0] w, output [7:0] b, output [15:0] c);
  assign b = w[i];
  assign c = w[2:1];
endmodule
"""
    b, zx = _term(text, "b")
    c, zc = _term(text, "c")
    w = next(v for (k, _w), v in zx.vars.items() if k[0] == "w")
    iv = next(v for (k, _w), v in zx.vars.items() if k[0] == "i")
    s = z3.Solver()
    s.add(b != z3.Extract(7, 0, z3.LShR(w, z3.ZeroExt(30, iv) * 8)))
    assert s.check() == z3.unsat  # element i sits at bits [8i+7:8i]
    wc = next(v for (k, _w), v in zc.vars.items() if k[0] == "w")
    s = z3.Solver()
    s.add(c != z3.Extract(23, 8, wc))
    assert s.check() == z3.unsat  # elements 2..1 are bits [23:8]
