"""comparison_simplification: a test against zero (or the sign bit) of a difference that cannot
overflow is a comparison of its operands: ``(a - b) >= 0`` at a width wider than a and b is
``a >= b``. Written in place, as a named wire's sign bit, in SV always_comb with a constant operand.
Not for a difference that can overflow (the test sees the wrapped value), nor when the difference is
computed unsigned from signed operands. Proven."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates import REGISTRY

# a signed timer compare: 16-bit words, the difference at 32 bits (the literal 0 is an integer)
INPLACE = """module tcmp(input clk, input signed [15:0] now, input signed [15:0] due, output reg fire,
                 output late);
  always @(posedge clk) fire <= (now - due >= 0);
  assign late = 0 > now - due;
endmodule
"""

# a borrow written as the top bit of a one-bit-wider difference
NAMED = """module bsel(input [7:0] a, input [7:0] b, output [7:0] lo);
  wire [8:0] diff = {1'b0, a} - {1'b0, b};
  assign lo = diff[8] ? a : b;
endmodule
"""

# SystemVerilog, a constant operand and a signed named difference tested in an if
SVCONST = """module thr(input logic signed [11:0] x, output logic over, output logic neg);
  logic signed [12:0] d;
  assign d = x - 12'sd100;
  always_comb begin
    over = 1'b0;
    if (d > 0) over = 1'b1;
  end
  assign neg = d < 0;
endmodule
"""

NEG = {
    # same width as the operands: the difference wraps, its sign is not a < b
    "wraps": "module n(input signed [7:0] a, b, output y);\n  assign y = (a - b) < 8'sd0;\nendmodule\n",
    "wraps_named": "module n(input [7:0] a, b, output y);\n  wire [7:0] d = a - b;\n  assign y = d[7];\nendmodule\n",
    # signed operands in an unsigned context: zero-extended, not the signed values
    "mixed_sign": "module n(input signed [7:0] a, b, output y);\n  assign y = (a - b) == 9'd0;\nendmodule\n",
    # an operand that is itself an operator: its width would change
    "nested": "module n(input signed [7:0] a, b, c, output y);\n  assign y = (a + c) - b >= 0;\nendmodule\n",
    # conditionally assigned difference: not one driver
    "conditional": "module n(input s, input [3:0] a, b, output y);\n  reg [4:0] d;\n"
                   "  always @* if (s) d = a - b; else d = 5'd0;\n  assign y = d[4];\nendmodule\n",
}


def _diff(text: str) -> list:
    return [m for m in REGISTRY["comparison_simplification"].match(text) if "difference" in m.description]


def test_in_place_signed_tests_become_comparisons():
    reps = [m.edits[0].replacement for m in _diff(INPLACE)]
    assert reps == ["now >= due", "now < due"], reps


def test_sign_bit_of_wider_difference():
    reps = [m.edits[0].replacement for m in _diff(NAMED)]
    assert reps == ["({1'b0, a} < {1'b0, b})"], reps


def test_sv_constant_operand():
    reps = sorted(m.edits[0].replacement.strip("()") for m in _diff(SVCONST))
    assert reps == ["x < 12'sd100", "x > 12'sd100"], reps


@pytest.mark.parametrize("name", sorted(NEG))
def test_not_offered(name):
    assert _diff(NEG[name]) == []


@pytest.mark.yosys
@pytest.mark.parametrize("src,suffix", [(INPLACE, "v"), (NAMED, "v"), (SVCONST, "sv")])
def test_difference_sign_is_proven(tmp_path: Path, src: str, suffix: str):
    from rtlopt.verify import VerifyOptions, check_equivalence

    tmpl = REGISTRY["comparison_simplification"]
    new = tmpl.rewrite(src, _diff(src))
    assert new and new != src
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / f"t.{suffix}").write_text(src)
    (tmp_path / "gate" / f"t.{suffix}").write_text(new)
    r = check_equivalence(open_design(tmp_path / "gold" / f"t.{suffix}"),
                          open_design(tmp_path / "gate" / f"t.{suffix}"), VerifyOptions(timeout_s=120))
    assert r.verdict.name == "EQUIVALENT", new
