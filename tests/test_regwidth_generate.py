"""register_width_reduction on registers declared inside a generate loop (``for (...) begin : ch reg [23:0]
acc; always @(posedge clk) ... end``): each iteration (``ch[0].acc``, ``ch[1].acc`` ...) is modelled from its
own elaborated nodes (its write sites, the nets of its scope, the facts proven in it), and the declaration
gets the width of the widest iteration.

Negatives: an iteration whose accumulator is never cleared (no bound, although the first iteration has
one), and a bound exceeded in one iteration only (the width follows that iteration).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.templates._regwidth import RegisterWidthReduction
from rtlopt.templates._sem import analyze
from tests._proof import abc_verdict

RW = RegisterWidthReduction()

# Verilog generate: integrate-and-dump per channel, the dump counter outside the loop
V_BOXCAR = """module bx (input clk, rst, valid, input [17:0] samples, output [47:0] sums);
  reg [2:0] phase;
  always @(posedge clk)
    if (rst) phase <= 3'd0;
    else if (valid) phase <= phase + 3'd1;
  genvar c;
  generate
    for (c = 0; c < 3; c = c + 1) begin : ch
      reg [15:0] acc;
      reg [15:0] sum_q;
      always @(posedge clk) begin
        if (rst) begin
          acc <= 16'd0;
          sum_q <= 16'd0;
        end else if (valid) begin
          if (phase == 3'd7) begin
            sum_q <= acc + SAMPLE;
            acc <= 16'd0;
          end else
            acc <= acc + SAMPLE;
        end
      end
      assign sums[16*c +: 16] = sum_q;
    end
  endgenerate
endmodule
"""

# SV for-generate: the next state one ternary chain (no syntactic bound), a parameter cap
SV_LEVEL = """module lv #(parameter int N = 3, parameter int TOP = 100) (
  input logic clk, rst, input logic [N-1:0] up, dn,
  output logic [N*16-1:0] level_o
);
  for (genvar g = 0; g < N; g++) begin : gen_ch
    logic [15:0] level;
    always_ff @(posedge clk)
      level <= rst ? '0
             : (up[g] && level < TOP) ? level + STEP
             : (dn[g] && level != 16'd0) ? level - 16'd1
             : level;
    assign level_o[16*g +: 16] = level;
  end
endmodule
"""


def _descs(text: str) -> list[str]:
    return [m.description for m in RW.match(text)]


def _sample(expr: str = "samples[6*c +: 6]") -> str:
    return V_BOXCAR.replace("SAMPLE", expr)


@pytest.mark.yosys
def test_generate_accumulators_narrowed_and_proven(tmp_path: Path):
    text = _sample()
    ms = RW.match(text)
    got = [m.description for m in ms]
    # 7 * 63 = 441 (acc), 441 + 63 = 504 (sum): 9 bits each, in every iteration
    assert any("acc 16 -> 9 bits in place" in d for d in got), got
    assert any("sum_q 16 -> 9 bits in place" in d for d in got), got
    new = RW.rewrite(text, [m for m in ms if "in place" in m.description])
    assert "reg [8:0] acc;" in new and "reg [8:0] sum_q;" in new, new
    assert analyze(new).errors == 0
    old = tmp_path / "old.v"
    old.write_text(text)
    assert abc_verdict(tmp_path, old, new, "bx").name == "EQUIVALENT"


@pytest.mark.yosys
def test_sv_for_generate_ternary_narrowed_and_proven(tmp_path: Path):
    text = SV_LEVEL.replace("STEP", "16'd1")
    ms = [m for m in RW.match(text) if "level 16 -> 7 bits" in m.description]
    assert ms, _descs(text)
    new = RW.rewrite(text, ms[:1])
    assert analyze(new).errors == 0
    old = tmp_path / "old.sv"
    old.write_text(text)
    assert abc_verdict(tmp_path, old, new, "lv").name == "EQUIVALENT"


def test_widest_iteration_sets_the_width():
    # channel c adds its sample shifted by c: channel 2 sums 7 * 252 = 1764 (11 bits), channel 0 only 441
    got = _descs(_sample("(samples[6*c +: 6] << c)"))
    assert any("acc 16 -> 11 bits" in d for d in got), got
    assert not any("acc 16 -> 9 bits" in d for d in got), got


def test_iteration_never_cleared_not_narrowed():
    # channel 2 never dumps: its accumulator grows without bound (channels 0 and 1 are bounded)
    text = _sample().replace("if (phase == 3'd7) begin", "if (phase == 3'd7 && c != 2) begin")
    got = _descs(text)
    assert not any("acc 16 ->" in d for d in got), got


def test_bound_exceeded_in_one_iteration_only():
    # TOP = 127 fits 7 bits, but lane 1 steps by 2 and reaches 128 once: 8 bits, never 7
    text = SV_LEVEL.replace("STEP", "((g == 1) ? 16'd2 : 16'd1)").replace("TOP = 100", "TOP = 127")
    got = _descs(text)
    assert any("level 16 -> 8 bits" in d for d in got), got
    assert not any("level 16 -> 7 bits" in d for d in got), got
    ok = _descs(SV_LEVEL.replace("STEP", "16'd1").replace("TOP = 100", "TOP = 127"))
    assert any("level 16 -> 7 bits" in d for d in ok), ok


# nested generate loops: the limit is a wire of the outer iteration (row 0: 5, row 1: 25)
V_NESTED = """module nest (input clk, rst, input [5:0] inc, output [95:0] q);
  genvar i, j;
  generate
    for (i = 0; i < 2; i = i + 1) begin : row
      wire [15:0] lim = 16'd5 + i * 20;
      for (j = 0; j < 3; j = j + 1) begin : col
        reg [15:0] c;
        always @(posedge clk)
          if (rst) c <= 16'd0;
          else if (inc[3*i+j]) c <= (c >= lim) ? 16'd0 : c + 16'd1;
        assign q[16*(3*i+j) +: 16] = c;
      end
    end
  endgenerate
endmodule
"""


@pytest.mark.yosys
def test_nested_loops_outer_wire_per_row(tmp_path: Path):
    ms = [m for m in RW.match(V_NESTED) if "in place" in m.description]
    # row 1 counts to 25 (5 bits); the first row alone (0..5) would claim 3
    assert len(ms) == 1 and "c 16 -> 5 bits" in ms[0].description, _descs(V_NESTED)
    new = RW.rewrite(V_NESTED, ms)
    assert "reg [4:0] c;" in new, new
    old = tmp_path / "old.v"
    old.write_text(V_NESTED)
    assert abc_verdict(tmp_path, old, new, "nest").name == "EQUIVALENT"
