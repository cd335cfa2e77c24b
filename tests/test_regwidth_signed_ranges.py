"""register_width_reduction with signed value ranges from reset (rtlopt.templates._signedrange): a signed
register clipped to ``-L .. L`` by signed compares gets that interval (z3 induction over its writes); a
comparison that is constant under it (the saturation of a value computed from the clipped register) keeps
only the branch taken, and a register whose interval fits fewer signed bits sits behind a sign-extending
full-width copy.

Negatives: a second saturation reached by one value (limit one below the largest), a limiter whose lower
limit lets the gain pass the lower saturation (only the upper side is dead), a register without a reset.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.templates._regwidth import RegisterWidthReduction
from rtlopt.templates._sem import analyze
from tests._proof import abc_verdict

RW = RegisterWidthReduction()

# Verilog: if/else limiter, a 1.25x gain through a wire, the output saturation in an if chain
V_CLIP = """module cp (input clk, rst, input signed [9:0] a, b, output reg signed [9:0] y);
  reg signed [9:0] s1;
  wire signed [10:0] sum = a + b;
  wire signed [11:0] g = s1 + (s1 >>> 2);
  always @(posedge clk) begin
    if (rst) begin s1 <= 0; y <= 0; end
    else begin
      if (sum > 300) s1 <= 300;
      else if (sum < -300) s1 <= -300;
      else s1 <= sum[9:0];
      if (g > TOP) y <= 10'sd511;
      else if (g < -12'sd512) y <= -10'sd512;
      else y <= g[9:0];
    end
  end
endmodule
"""

# SV: ternary limiter on a wider logic signed register, doubled and clamped again with ternaries
SV_DELTA = """module dc (input logic clk, rst, input logic signed [11:0] cur, prev, output logic signed [15:0] o);
  logic signed [15:0] d_q, s_q;
  logic signed [12:0] diff;
  always_comb diff = cur - prev;
  always_ff @(posedge clk)
    if (rst) begin d_q <= '0; s_q <= '0; end
    else begin
      d_q <= (diff > 100) ? 16'sd100 : (diff < -100) ? -16'sd100 : 16'(diff);
      s_q <= (2 * d_q > 250) ? 16'sd250 : (2 * d_q < -250) ? -16'sd250 : 16'(2 * d_q);
    end
  assign o = s_q;
endmodule
"""


def _descs(text: str) -> list[str]:
    return [m.description for m in RW.match(text)]


@pytest.mark.yosys
def test_second_clip_dropped_and_proven(tmp_path: Path):
    text = V_CLIP.replace("TOP", "12'sd511")
    ms = [m for m in RW.match(text) if "always false" in m.description]
    assert len(ms) == 1 and "s1 in -300..300" in ms[0].description, _descs(text)
    assert "g > 12'sd511 is always false; g < -12'sd512 is always false" in ms[0].description
    new = RW.rewrite(text, ms)
    assert "y <= g[9:0];" in new and "y <= 10'sd511" not in new and "-10'sd512" not in new, new
    assert analyze(new).errors == 0
    old = tmp_path / "old.v"
    old.write_text(text)
    assert abc_verdict(tmp_path, old, new, "cp").name == "EQUIVALENT"


@pytest.mark.yosys
def test_sv_ternary_clamp_dropped_and_registers_narrowed(tmp_path: Path):
    ms = RW.match(SV_DELTA)
    got = [m.description for m in ms]
    assert any("d_q in -100..100" in d and "always false" in d for d in got), got
    assert any("d_q 16 -> 8 signed bits" in d for d in got), got
    new = RW.rewrite(SV_DELTA, ms)
    assert "s_q_q <= 16'(2 * d_q);" in new, new
    assert "logic signed [7:0] d_q_q;" in new and "wire signed [15:0] d_q = d_q_q;" in new, new
    assert analyze(new).errors == 0
    old = tmp_path / "old.sv"
    old.write_text(SV_DELTA)
    assert abc_verdict(tmp_path, old, new, "dc").name == "EQUIVALENT"


def test_saturation_reached_once_kept():
    # |g| <= 375: a limit of 374 is reached by s1 = 300 (g = 375), so the upper compare is live; the
    # lower one (-512) is still dead
    got = _descs(V_CLIP.replace("TOP", "12'sd374"))
    assert not any("g > 12'sd374 is always false" in d for d in got), got
    assert any("g < -12'sd512 is always false" in d for d in got), got


def test_wide_lower_limit_only_upper_dead():
    # s1 in -512..300: g reaches -640 below -512, the lower saturation is live
    text = V_CLIP.replace("TOP", "12'sd511").replace("(sum < -300) s1 <= -300;", "(sum < -512) s1 <= -512;")
    got = _descs(text)
    assert any("g > 12'sd511 is always false" in d for d in got), got
    assert not any("g < -12'sd512 is always false" in d for d in got), got


def test_no_reset_no_range():
    text = V_CLIP.replace("TOP", "12'sd511").replace("if (rst) begin s1 <= 0; y <= 0; end\n    else begin",
                                                     "begin")
    got = _descs(text)
    assert not any("always false" in d or "signed bits" in d for d in got), got


def test_plain_product_taps_not_narrowed():
    # transposed FIR taps hold sign-extended products (bounded, but synthesis already merges the duplicate
    # sign flops): no narrowing offered; a limiter in front makes the first tap a clamp-derived register
    fir = """module f (input clk, rst, input signed [11:0] x, output reg signed [23:0] y);
  wire signed [23:0] p0 = x * 10'sd45;
  wire signed [23:0] p1 = x * 10'sd90;
  reg signed [23:0] z1;
  always @(posedge clk)
    if (rst) begin z1 <= 0; y <= 0; end
    else begin z1 <= p1; y <= z1 + p0; end
endmodule
"""
    got = _descs(fir)
    assert not any("signed bits" in d for d in got), got
    lim = fir.replace("z1 <= p1;", "z1 <= (x > 12'sd100) ? 24'sd100 : (x < -12'sd100) ? -24'sd100 : x;")
    got = _descs(lim)
    assert any("z1 24 -> 8 signed bits" in d for d in got), got
