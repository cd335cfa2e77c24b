"""net_definitions: a variable declared inside a ``begin .. end`` block and written there once, by an
unconditional blocking statement of that block before every read, is its expression at each read
(``logic [7:0] len; len = (arlen > 15) ? 15 : arlen; remaining <= len;``): register_width_reduction's
induction bounds a register loaded from it. Negatives: a read before the write (the variable keeps its
previous value there), a conditional write."""

from __future__ import annotations

from rtlopt.templates._regwidth import RegisterWidthReduction

RW = RegisterWidthReduction()

SV = """module t(input logic clk, rst, ld, dec, input logic [7:0] a, output logic [7:0] q, output logic z);
  logic [7:0] r;
  always_ff @(posedge clk)
    if (rst) r <= '0;
    else if (ld) begin
      logic [7:0] len;
      len = (a > 8'd12) ? 8'd12 : a;
      r <= len;
    end else if (dec && r != 0) r <= r - 8'd1;
  assign q = r;
  assign z = (r == 0);
endmodule
"""

V = """module t(input clk, rst, ld, dec, input [7:0] a, output [7:0] q);
  reg [7:0] r;
  always @(posedge clk)
    if (rst) r <= 8'd0;
    else if (ld) begin : blk
      reg [7:0] m;
      m = a & 8'h1f;
      r <= m;
    end else if (dec && r != 8'd0) r <= r - 8'd1;
  assign q = r;
endmodule
"""


def _bits(text: str, bits: int) -> list[str]:
    return [m.description for m in RW.match(text) if f"r 8 -> {bits} bits (inductive" in m.description]


def test_sv_block_local_clip_seen_through():
    assert _bits(SV, 4), [m.description for m in RW.match(SV)]


def test_verilog_named_block_local_seen_through():
    assert _bits(V, 5), [m.description for m in RW.match(V)]


def test_read_before_write_not_a_definition():
    # r <= len reads the previous activation's len (any 8-bit value of a): no bound
    text = SV.replace("len = (a > 8'd12) ? 8'd12 : a;\n      r <= len;", "r <= len;\n      len = a;")
    assert [m for m in RW.match(text) if "r 8 ->" in m.description] == []


def test_conditional_write_not_a_definition():
    # taken as 'len = 3' the bound would be 2 bits; len may be any value of a
    text = SV.replace("len = (a > 8'd12) ? 8'd12 : a;", "len = 8'd3;\n      if (a[0]) len = a;")
    assert [m for m in RW.match(text) if "r 8 ->" in m.description] == []


# the arms of ?: have different own widths (an unsized parameter expression, an 8-bit input): the z3 model
# extends both to the expression's width (before: a sort error, the value became an opaque variable)
MIXED = """module t #(parameter M = 8) (input clk, rst, ld, dec, input [7:0] a, output [7:0] q);
  reg [7:0] r;
  always @(posedge clk)
    if (rst) r <= 8'd0;
    else if (ld) begin : blk
      reg [7:0] m;
      m = (a > M - 1) ? M - 1 : a;
      r <= m;
    end else if (dec && r != 8'd0) r <= r - 8'd1;
  assign q = r;
endmodule
"""


def test_ternary_arms_of_different_widths():
    assert _bits(MIXED, 3), [m.description for m in RW.match(MIXED)]
    # a bound past the clip is not claimed
    assert not _bits(MIXED.replace("? M - 1 : a", "? M - 1 : a + 8'd1"), 3)
