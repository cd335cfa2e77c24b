"""net_definitions sees through combinational blocks whose whole body is one blocking write of a whole
variable (``always_comb x = e;``, ``always @* x = e;``, ``always @(*) begin x = e; end``), like a continuous
assignment: register_width_reduction's induction then bounds a down-counter whose step is guarded by such a
``done`` signal. Negative: a flag that lets the counter wrap (``done = (c == 1)``: 0 - 1 wraps to 255)."""

from __future__ import annotations

import pytest

from rtlopt.templates._regwidth import RegisterWidthReduction

RW = RegisterWidthReduction()

SV = """module t(input clk, rst, go, output logic z, output logic [7:0] q);
  logic [7:0] c; logic done;
  DEF
  assign z = done;
  assign q = c;
  always_ff @(posedge clk) if (rst) c <= 0; else if (go) c <= 8'd9; else if (!done) c <= c - 8'd1;
endmodule
"""

V = """module t(input clk, rst, go, output z, output [7:0] q);
  reg [7:0] c; reg done;
  DEF
  assign z = done;
  assign q = c;
  always @(posedge clk) if (rst) c <= 8'd0; else if (go) c <= 8'd9; else if (!done) c <= c - 8'd1;
endmodule
"""


def _bits(text: str) -> list[str]:
    return [m.description for m in RW.match(text) if "c 8 -> 4 bits (inductive" in m.description]


@pytest.mark.parametrize("text,d", [
    (SV, "always_comb done = (c == 0);"),
    (V, "always @* done = (c == 8'd0);"),
    (V, "always @(*) begin done = ~|c; end"),
])
def test_comb_block_definition_seen_through(text, d):
    assert _bits(text.replace("DEF", d)), [m.description for m in RW.match(text.replace("DEF", d))]


@pytest.mark.parametrize("text,d", [
    (SV, "always_comb done = (c == 1);"),  # the counter wraps at 0
])
def test_wrapping_flag_not_narrowed(text, d):
    assert _bits(text.replace("DEF", d)) == []
