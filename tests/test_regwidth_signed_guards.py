"""register_width_reduction on signed arrays whose saturation guards test the UPDATED value
(``x + 3 > 60 ? 60 : x + 3``, ``x - 1 < 0 ? 0 : x - 1``) instead of ``x``: the bound 0..60 is inductive
(z3 models the compare signed at the element width), and the guard's read of the element sits in a
signed expression that an unsigned narrow element would change (``0 - 1 < 0`` is never true unsigned),
so that read is kept at the element's width and signedness (``$signed({10'd0, x})``) and the proof holds.

Negatives: a cap guard that lets the value past 60 (``x + 3 > 64``: 64 needs 7 bits), a floor guard that
lets it go negative (``x - 1 < -1``: no non-negative bound).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.templates._regwidth import RegisterWidthReduction
from rtlopt.templates._sem import analyze
from tests._proof import abc_verdict

RW = RegisterWidthReduction()

# Verilog: one always block per generate iteration, async reset, sized signed literals
V_GEN = """module bk (input clk, input rst_n, input [1:0] ev, input [1:0] drain,
           output [1:0] full, output [1:0] empty);
  reg signed [15:0] lvl [0:1];
  genvar i;
  generate
    for (i = 0; i < 2; i = i + 1) begin : b
      always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
          lvl[i] <= 16'sd0;
        else if (ev[i])
          lvl[i] <= (lvl[i] + 16'sd3 > 16'sd60) ? 16'sd60 : lvl[i] + 16'sd3;
        else if (drain[i])
          lvl[i] <= (lvl[i] - 16'sd1 < 16'sd0) ? 16'sd0 : lvl[i] - 16'sd1;
      end
      assign full[i]  = lvl[i] >= 16'sd60;
      assign empty[i] = lvl[i] <= 16'sd0;
    end
  endgenerate
endmodule
"""

# SV: int array, one always_ff with a for loop, unsized literals, the guards as if/else
SV_LOOP = """module bk (input logic clk, rst, input logic [1:0] ev, drain, output logic [1:0] full);
  int lvl [2];
  always_ff @(posedge clk)
    for (int i = 0; i < 2; i++)
      if (rst) lvl[i] <= 0;
      else if (ev[i]) begin
        if (lvl[i] + 3 > 60) lvl[i] <= 60;
        else lvl[i] <= lvl[i] + 3;
      end else if (drain[i])
        lvl[i] <= (lvl[i] - 1 < 0) ? 0 : lvl[i] - 1;
  always_comb for (int i = 0; i < 2; i++) full[i] = lvl[i] >= 60;
endmodule
"""


def _ms(text: str) -> list:
    return [m for m in RW.match(text) if "elements" in m.description]


@pytest.mark.yosys
@pytest.mark.parametrize("text,suffix,width,head", [
    (V_GEN, ".v", 16, "reg [5:0] lvl [0:1];"),
    (SV_LOOP, ".sv", 32, "logic [5:0] lvl [2];"),
])
def test_updated_value_guards_narrowed_and_proven(tmp_path: Path, text, suffix, width, head):
    ms = _ms(text)
    assert len(ms) == 1 and f"{width} -> 6 bits" in ms[0].description, [m.description for m in ms]
    new = RW.rewrite(text, ms)
    assert head in new, new
    # the guards' reads keep the element's signed width: the floor test still sees -1 at zero
    assert f"$signed({{{width - 6}'d0, lvl[i]}}) - " in new, new
    assert f"$signed({{{width - 6}'d0, lvl[i]}}) + " in new, new
    assert analyze(new).errors == 0
    old = tmp_path / ("old" + suffix)
    old.write_text(text)
    assert abc_verdict(tmp_path, old, new, "bk").name == "EQUIVALENT"


def test_cap_guard_past_the_bound_needs_more_bits():
    text = V_GEN.replace("(lvl[i] + 16'sd3 > 16'sd60)", "(lvl[i] + 16'sd3 > 16'sd64)")
    ms = _ms(text)
    # x = 61 -> 64 is kept (64 > 64 is false): the range is 0..64, 7 bits, never 6
    assert len(ms) == 1 and "16 -> 7 bits" in ms[0].description, [m.description for m in ms]


def test_floor_guard_letting_the_value_go_negative_refused():
    text = SV_LOOP.replace("(lvl[i] - 1 < 0)", "(lvl[i] - 1 < -1)")
    assert _ms(text) == [], [m.description for m in _ms(text)]
