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

# near miss: a gain that can be 11 (three powers of two in any signed form) keeps its multiplier
GAIN11 = GAIN.replace("logic [2:0] g;", "logic [3:0] g;").replace("2'd2: g = 3'd2;", "2'd2: g = 4'd11;")

# near miss: +1/-1 except for one rare input word, where the factor is 11
RARE = """module rare (input signed [7:0] d, input s, input [15:0] key, output signed [12:0] p);
  wire signed [4:0] c = (key == 16'hb5e3) ? 5'sd11 : (s ? -5'sd1 : 5'sd1);
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
def test_mulset_not_offered_for_weight_three(tmp_path: Path):
    assert _rw(tmp_path, "t.sv", GAIN11) == []


@pytest.mark.yosys
def test_mulset_rare_value_refuted(tmp_path: Path):
    # whether the simulation sees the rare 3 or not, no wrong rewrite survives the proof
    for _p, new, _d in _rw(tmp_path, "t.v", RARE):
        assert _proven(tmp_path, "t.v", RARE, new) == "NOT_EQUIVALENT"


# Verilog: a level table in a function (values needing a difference: 7 = 8 - 1, 14 = 16 - 2), product in
# a clocked block; the two shift amounts become tables of the 3-bit index, not of the 4-bit gain
LEVEL = """module mixgain (input clk, input [2:0] sel, input [9:0] s, output reg [14:0] o);
  function [3:0] lvl;
    input [2:0] i;
    begin
      case (i)
        3'd0: lvl = 4'd3;
        3'd1: lvl = 4'd4;
        3'd2: lvl = 4'd6;
        3'd3: lvl = 4'd7;
        3'd4: lvl = 4'd9;
        3'd5: lvl = 4'd12;
        3'd6: lvl = 4'd14;
        default: lvl = 4'd1;
      endcase
    end
  endfunction
  wire [3:0] g = lvl(sel);
  always @(posedge clk) o <= s * g;
endmodule
"""

# SystemVerilog: a flat localparam table {40, 17, 24, 33} read by part-select in always_comb
SCALE = """module scaler (input logic [1:0] idx, input logic [11:0] a, output logic [17:0] p);
  localparam logic [23:0] K = {6'd33, 6'd24, 6'd17, 6'd40};
  logic [5:0] k;
  always_comb k = K[idx*6 +: 6];
  assign p = a * k;
endmodule
"""

# near miss: one entry 11 (binary 1011, signed form 16 - 4 - 1): weight three, not offered
SCALE11 = SCALE.replace("6'd24", "6'd11")


def test_two_terms_weights():
    from rtlopt.semantic.mulset import _two_terms

    for v in (0, 1, -1, 2, 3, 5, 6, 7, 9, 10, 12, 14, 15, 16, -3, -7, -16, 48, 62):
        p, sa, q, sb = _two_terms(v)
        assert sa * (1 << p) + sb * (1 << q) == v, v
    for v in (11, 13, 21, 23, -11, 43):
        assert _two_terms(v) is None, v


@pytest.mark.yosys
def test_mulset_two_terms_function_rom(tmp_path: Path):
    got = _rw(tmp_path, "t.v", LEVEL)
    assert len(got) == 1, got
    new = got[0][1]
    assert "s * g" not in new and "keyed on sel" in got[0][2] and "~($unsigned(s) <<" in new, new
    assert _proven(tmp_path, "t.v", LEVEL, new) == "EQUIVALENT"


@pytest.mark.yosys
def test_mulset_two_terms_sv_localparam_table(tmp_path: Path):
    got = _rw(tmp_path, "t.sv", SCALE)
    assert len(got) == 1, got
    new = got[0][1]
    assert "a * k" not in new and "keyed on idx" in got[0][2] and new.count("$unsigned(a) <<") == 2, new
    assert _proven(tmp_path, "t.sv", SCALE, new) == "EQUIVALENT"
    # a wrong table is refuted: swap the second shift's amounts 3 and 0
    bad = new.replace("? 2'd3 : 2'd0", "? 2'd0 : 2'd3")
    assert bad != new
    assert _proven(tmp_path, "t.sv", SCALE, bad) == "NOT_EQUIVALENT"


@pytest.mark.yosys
def test_mulset_two_terms_not_offered_for_weight_three(tmp_path: Path):
    assert _rw(tmp_path, "t.sv", SCALE11) == []


# signed gains of both signs from a case in always @* (-3 = -2 - 1, -7 = -8 + 1): both terms' signs vary
SGAIN = """module sgain (input [1:0] m, input signed [9:0] d, output signed [14:0] y);
  reg signed [4:0] c;
  always @* case (m) 2'd0: c = -5'sd3; 2'd1: c = 5'sd6; 2'd2: c = -5'sd7; default: c = 5'sd9; endcase
  assign y = d * c;
endmodule
"""


@pytest.mark.yosys
def test_mulset_two_terms_signed_gains(tmp_path: Path):
    got = _rw(tmp_path, "t.v", SGAIN)
    assert len(got) == 1, got
    new = got[0][1]
    assert "d * c" not in new and "keyed on m" in got[0][2], new
    assert _proven(tmp_path, "t.v", SGAIN, new) == "EQUIVALENT"


# near misses for the two-term form: a literal times a 2-bit word (synthesis already shifts and adds) and
# a word of eight powers of two (one shift each: mulpow2's shift, not two)
LITW = """module litw (input [1:0] a, input [31:0] d, output [31:0] y);
  assign y = d >> (8 * a);
endmodule
"""
POW8 = """module pow8 (input [2:0] s, input [7:0] x, output [15:0] y);
  wire [7:0] inc = 8'd1 << s;
  assign y = x * inc;
endmodule
"""


@pytest.mark.yosys
def test_mulset_two_terms_not_for_literals_or_single_shifts(tmp_path: Path):
    assert _rw(tmp_path, "l.v", LITW) == []
    assert [d for _p, _n, d in _rw(tmp_path, "p.v", POW8) if "two shifts" in d] == []
