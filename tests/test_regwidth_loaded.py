"""register_width_reduction: a register loaded from a register with a proven bound (the output of an
integrate-and-dump accumulator, written at the dump and otherwise held) gets that bound too; a register
loaded from an unbounded input keeps its width."""

from __future__ import annotations

from rtlopt.templates._regwidth import RegisterWidthReduction

RW = RegisterWidthReduction()

DUMP = """module t(input clk, rst, in_valid, input [11:0] din, output reg [19:0] dout);
  reg [1:0] ph;
  reg [19:0] acc;
  always @(posedge clk)
    if (rst) begin ph <= 0; acc <= 0; dout <= 0; end
    else if (in_valid) begin
      if (ph == 2'd3) begin ph <= 0; dout <= SRC; acc <= 0; end
      else begin ph <= ph + 1; acc <= acc + din; end
    end
endmodule
"""


def _descs(text: str) -> list[str]:
    return [m.description for m in RW.match(text)]


def test_output_loaded_from_bounded_accumulator_narrows():
    got = _descs(DUMP.replace("SRC", "acc + din"))
    assert any("output dout 20 -> 14 bits" in d for d in got), got
    got = _descs(DUMP.replace("SRC", "acc"))  # a plain copy of the accumulator: its own bound
    assert any("output dout 20 -> 14 bits" in d for d in got), got


def test_output_loaded_from_wide_input_stays():
    text = DUMP.replace("input [11:0] din", "input [11:0] din, input [19:0] raw").replace("SRC", "raw + acc")
    got = _descs(text)
    assert any("acc 20 ->" in d for d in got), got  # the accumulator still narrows
    assert not any("dout" in d for d in got), got
