"""datapath_egraph on products read in different FSM states (after exclusive_operator_sharing has put
one adder behind ``sel ? a*a : b*b``): the mux moves in front of one multiplier, which keeps its exact
width (a tie in the cost model goes to the narrower node: a 25-bit product of 12-bit operands mapped
slower than the clock allows), the ``if`` testing an asynchronous reset is left as written, and an enum
member in a select is a constant (an enum-typed register is never given an integer). Products read
together stay two. Proven."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.egraph import optimize_text

# iq_energy after the adder sharing: the select reads the async reset (the guard's else arm)
IQ = """module iq(input clk, input rst_n, input go, input [11:0] i_s, input [11:0] q_s,
          output reg [24:0] energy);
  reg [1:0] state;
  wire [23:0] i_sq = i_s * i_s;
  wire [23:0] q_sq = q_s * q_s;
  wire [23:0] sh_y = (rst_n & state[0] & ~state[1]) ? i_sq : q_sq;
  wire [24:0] sh = energy + sh_y;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin state <= 2'd0; energy <= 25'd0; end
    else case (state)
      2'd0: if (go) begin energy <= 25'd0; state <= 2'd1; end
      2'd1: begin energy <= sh; state <= 2'd2; end
      2'd2: begin energy <= sh; state <= 2'd3; end
      default: state <= 2'd0;
    endcase
  end
endmodule
"""

# restyled: SV enum FSM, active-high async reset, assign-driven squares, select by an enum compare
ENUM = """module sp(input logic clk, input logic arst, input logic go, input logic [9:0] l, input logic [9:0] r,
          output logic [20:0] p);
  typedef enum logic [1:0] {IDLE, ACC_L, ACC_R, DONE} st_t;
  st_t st;
  logic [19:0] l2, r2;
  assign l2 = l * l;
  assign r2 = r * r;
  wire [19:0] y = (st == ACC_L) ? l2 : r2;
  wire [20:0] s = p + y;
  always_ff @(posedge clk, posedge arst)
    if (arst) begin st <= IDLE; p <= '0; end
    else unique case (st)
      IDLE: if (go) begin p <= '0; st <= ACC_L; end
      ACC_L: begin p <= s; st <= ACC_R; end
      ACC_R: begin p <= s; st <= DONE; end
      DONE: st <= IDLE;
    endcase
endmodule
"""

# negative: both squares read in the same cycle (not exclusive): two multipliers stay
TOGETHER = IQ.replace("wire [24:0] sh = energy + sh_y;", "wire [24:0] sh = energy + i_sq + q_sq;")


def _rewrite(text: str, name: str = "t.v") -> str | None:
    got = [new for _m, new, _i in optimize_text(text, name)]
    return got[0] if got else None


def _operand_mux(text: str, a: str, b: str) -> bool:
    """A select of the two operands (the products' declarations may stay, unread, for dead code removal)."""
    return bool(re.search(rf"\? {a} : {b}\b", text) or re.search(rf"\? {b} : {a}\b", text))


def test_selected_squares_share_one_exact_width_multiplier():
    new = _rewrite(IQ)
    assert new is not None
    assert _operand_mux(new, "i_s", "q_s"), new
    m = re.search(r"(\w+) = (\w+) \* \2;", new)
    assert m, new
    # the product is assigned at 24 bits (the exact width), never as a 25-bit product of widened wires
    assert re.search(rf"wire \[23:0\] {m.group(1)}\b", new) or re.search(rf"\[23:0\] {m.group(1)} =", new), new
    assert "[24:0] eg_" not in new, new
    # the asynchronous reset test is left as written (synthesis recognises it by its form)
    assert "if (!rst_n)" in new, new


def test_enum_member_select_is_a_constant_and_enum_register_untouched():
    new = _rewrite(ENUM, "t.sv")
    assert new is not None
    assert _operand_mux(new, "l", "r") and re.search(r"(\w+) \* \1;", new), new
    assert "if (arst)" in new
    for ln in new.splitlines():  # the enum register keeps its members
        if re.search(r"\bst <=", ln):
            assert not re.search(r"st <= \d", ln), ln


def test_products_read_together_stay_two():
    new = _rewrite(TOGETHER)
    assert new is None or not _operand_mux(new, "i_s", "q_s"), new


@pytest.mark.yosys
def test_enum_shared_squarer_is_proven(tmp_path: Path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    new = _rewrite(ENUM, "t.sv")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / "t.sv").write_text(ENUM)
    (tmp_path / "gate" / "t.sv").write_text(new)
    r = check_equivalence(open_design(tmp_path / "gold" / "t.sv"), open_design(tmp_path / "gate" / "t.sv"),
                          VerifyOptions(timeout_s=120))
    assert r.verdict.name == "EQUIVALENT", new
