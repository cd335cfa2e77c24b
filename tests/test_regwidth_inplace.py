"""register_width_reduction: a register the z3 bound narrows (behind a full-width alias) is also offered
declared narrow IN PLACE when no read depends on its declared width, with its next values computed at
the new width (``{2'b00, cnt[9:0]} + 12'd1`` -> ``cnt + 10'h1``; a 12-bit adder truncated to 10 bits
maps larger), alone and with its top-value equalities (``cnt >= 999`` -> ``cnt == 999``).

Negatives: a register read inside a concatenation (its width is visible: alias only), a counter that
wraps past the bound (nothing); one proof with the real verifier.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates._regwidth import RegisterWidthReduction
from rtlopt.templates._sem import analyze

RW = RegisterWidthReduction()

# Verilog: period counter whose reads were masked by an earlier rewrite, compared with >= its top value
V_MASKED = """module t (input clk, input rst, input run, output reg tick, output [11:0] cnt_out);
  reg [11:0] cnt;
  always @(posedge clk) begin
    if (rst) begin cnt <= 12'd0; tick <= 1'b0; end
    else if (run) begin
      if ({2'b00, cnt[9:0]} >= 12'd999) begin cnt <= 12'd0; tick <= 1'b1; end
      else begin cnt <= {2'b00, cnt[9:0]} + 12'd1; tick <= 1'b0; end
    end else tick <= 1'b0;
  end
  assign cnt_out = {2'b00, cnt[9:0]};
endmodule
"""

# SV: saturating counter written with ?: (not the syntactic if-guarded step)
SV_TERNARY = """module t (input logic clk, rst, hit, output logic full, output logic [15:0] level);
  logic [15:0] q;
  always_ff @(posedge clk)
    if (rst) q <= 16'd0;
    else if (hit) q <= (q < 16'd50) ? q + 16'd1 : q;
  assign full = (q >= 16'd50);
  assign level = q;
endmodule
"""

# Verilog, counter in a sub-module: modulo-10 counter whose wrap is a ternary
V_SUB = """module digit (input clk, rst, en, output [7:0] d, output carry);
  reg [7:0] c;
  always @(posedge clk)
    if (rst) c <= 8'd0;
    else if (en) c <= (c == 8'd9) ? 8'd0 : c + 8'd1;
  assign d = c;
  assign carry = en && (c == 8'd9);
endmodule
module top (input clk, rst, en, output [7:0] d, output carry);
  digit u (.clk(clk), .rst(rst), .en(en), .d(d), .carry(carry));
endmodule
"""


def _inplace(text: str) -> list:
    return [m for m in RW.match(text) if " in place " in m.description]


def test_masked_reads_in_place_with_equality():
    ms = _inplace(V_MASKED)
    assert len(ms) == 2, [m.description for m in RW.match(V_MASKED)]
    plain = RW.rewrite(V_MASKED, [m for m in ms if "equalities" not in m.description])
    assert "reg [9:0] cnt;" in plain and "cnt <= cnt + 10'h1;" in plain, plain
    assert ">= 12'd999" in plain
    both = RW.rewrite(V_MASKED, [m for m in ms if "equalities" in m.description])
    assert "reg [9:0] cnt;" in both and "== 12'd999" in both and "cnt <= cnt + 10'h1;" in both, both
    assert analyze(both).errors == 0


def test_sv_ternary_saturation_in_place():
    ms = _inplace(SV_TERNARY)
    assert ms, [m.description for m in RW.match(SV_TERNARY)]
    new = RW.rewrite(SV_TERNARY, [ms[0]])
    assert "logic [5:0] q;" in new and "q + 6'h1" in new, new
    assert analyze(new).errors == 0


def test_counter_in_submodule_in_place():
    ms = _inplace(V_SUB)
    assert ms, [m.description for m in RW.match(V_SUB)]
    new = RW.rewrite(V_SUB, [ms[0]])
    assert "reg [3:0] c;" in new and "c + 4'" in new and "8'd1" not in new, new
    assert analyze(new).errors == 0


def test_concatenated_register_only_behind_alias():
    text = SV_TERNARY.replace("assign level = q;", "assign level = {q[11:0], 4'b0};")
    assert _inplace(text) == []
    assert any("16 -> 6 bits" in m.description for m in RW.match(text))  # the alias form stays


def test_wrapping_counter_not_narrowed():
    text = SV_TERNARY.replace("(q < 16'd50) ? q + 16'd1 : q", "q + 16'd1")
    assert [m for m in RW.match(text) if "bits" in m.description] == []


@pytest.mark.yosys
def test_in_place_with_equality_proven(tmp_path: Path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    new = RW.rewrite(V_MASKED, [m for m in _inplace(V_MASKED) if "equalities" in m.description])
    for d, t in (("gold", V_MASKED), ("gate", new)):
        (tmp_path / d).mkdir()
        (tmp_path / d / "t.v").write_text(t)
    got = check_equivalence(open_design(tmp_path / "gold" / "t.v", top="t"),
                            open_design(tmp_path / "gate" / "t.v", top="t"), VerifyOptions(timeout_s=120))
    assert got.verdict.name == "EQUIVALENT", got
