"""mulset: a product with a word that only holds a few values, each 0 or +-2^k (a +1/-1 sign reference
from a case or a ternary, a power-of-two gain picked by a mode), becomes a select of the operand, its
negation, shifts or zero. Found by simulating the elaborated module; proven by the verifier. Near
misses: a gain that can be 3 is not offered; a value outside the simulated set (a rare 3) is refuted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design

# Verilog: a +1/-1 chip from a case inside a child instance, signed product
CHIP = """module chip_apply #(parameter W = 10) (input signed [W-1:0] d, input chip, output signed [W+1:0] p);
  reg signed [2:0] c;
  always @* begin
    case (chip)
      1'b0: c = 3'sd1;
      default: c = -3'sd1;
    endcase
  end
  assign p = d * c;
endmodule

module despread (input clk, input rst, input signed [9:0] d, output reg signed [15:0] acc);
  reg [4:0] lfsr;
  wire signed [11:0] p;
  chip_apply #(.W(10)) u_c (.d(d), .chip(lfsr[0]), .p(p));
  always @(posedge clk)
    if (rst) begin lfsr <= 5'h1f; acc <= 16'sd0; end
    else begin lfsr <= {lfsr[3:0], lfsr[4] ^ lfsr[2]}; acc <= acc + p; end
endmodule
"""

# SystemVerilog: a gain of 0/1/2/4 from always_comb, unsigned product in always_ff
GAIN = """module pga (input logic clk, input logic rst, input logic [1:0] mode, input logic [11:0] x,
            output logic [14:0] y);
  logic [2:0] g;
  always_comb begin
    unique case (mode)
      2'd0: g = 3'd0;
      2'd1: g = 3'd1;
      2'd2: g = 3'd2;
      default: g = 3'd4;
    endcase
  end
  always_ff @(posedge clk)
    if (rst) y <= '0;
    else y <= x * g;
endmodule
"""

# near miss: a gain that can be 3 (not a power of two) keeps its multiplier
GAIN3 = GAIN.replace("2'd2: g = 3'd2;", "2'd2: g = 3'd3;")

# near miss: +1/-1 except for one rare input word, where the factor is 3
RARE = """module rare (input signed [7:0] d, input s, input [15:0] key, output signed [9:0] p);
  wire signed [2:0] c = (key == 16'hb5e3) ? 3'sd3 : (s ? -3'sd1 : 3'sd1);
  assign p = d * c;
endmodule
"""


def _rw(tmp_path: Path, name: str, text: str):
    from rtlopt.semantic.mulset import rewrites

    p = tmp_path / name
    p.write_text(text)
    return rewrites({p: text})


def _proven(tmp_path: Path, name: str, gold: str, gate: str) -> str:
    from rtlopt.verify import VerifyOptions, check_equivalence

    for d, t in (("gold", gold), ("gate", gate)):
        (tmp_path / d).mkdir(exist_ok=True)
        (tmp_path / d / name).write_text(t)
    return check_equivalence(open_design(tmp_path / "gold" / name), open_design(tmp_path / "gate" / name),
                             VerifyOptions(timeout_s=120)).verdict.name


@pytest.mark.yosys
def test_mulset_sign_reference_in_instance(tmp_path: Path):
    got = _rw(tmp_path, "t.v", CHIP)
    assert len(got) == 1, got
    new = got[0][1]
    assert "d * c" not in new and "(-(d))" in new, new
    assert _proven(tmp_path, "t.v", CHIP, new) == "EQUIVALENT"


@pytest.mark.yosys
def test_mulset_power_of_two_gain_sv(tmp_path: Path):
    got = _rw(tmp_path, "t.sv", GAIN)
    assert len(got) == 1, got
    new = got[0][1]
    assert "x * g" not in new and "<< 2" in new and "{12{1'b0}}" in new, new
    assert _proven(tmp_path, "t.sv", GAIN, new) == "EQUIVALENT"


@pytest.mark.yosys
def test_mulset_not_offered_for_non_power_of_two(tmp_path: Path):
    assert _rw(tmp_path, "t.sv", GAIN3) == []


@pytest.mark.yosys
def test_mulset_rare_value_refuted(tmp_path: Path):
    # whether the simulation sees the rare 3 or not, no wrong rewrite survives the proof
    for _p, new, _d in _rw(tmp_path, "t.v", RARE):
        assert _proven(tmp_path, "t.v", RARE, new) == "NOT_EQUIVALENT"
