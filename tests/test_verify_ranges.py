"""z3 induction on register narrowing: an ``int`` counter kept as a narrower register behind a copy
(the gold is x-propagated, so each of its registers has an x-mask half that stays 0 from reset)."""

from __future__ import annotations

import pytest

from rtlopt.design import open_design
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

pytestmark = pytest.mark.yosys

GOLD = """module tmr (input logic clk, input logic rst, input logic go, output logic act, output logic tick);
  int cnt;
  int pend;
  always_ff @(posedge clk) begin
    if (rst) begin cnt <= 0; pend <= 0; end
    else begin
      if (cnt == 99) cnt <= 0; else cnt <= cnt + 1;
      if (go) pend <= 12; else if (pend != 0) pend <= pend - 1;
    end
  end
  assign act = (pend != 0);
  assign tick = (cnt == 99);
endmodule
"""


def narrowed(pend_bits: int) -> str:
    return (GOLD.replace("  int pend;\n", f"  int pend;\n  reg [6:0] cnt_q;\n  always @* cnt = cnt_q;\n"
                                         f"  reg [{pend_bits - 1}:0] pend_q;\n  always @* pend = pend_q;\n")
            .replace("cnt <= ", "cnt_q <= ").replace("pend <= ", "pend_q <= "))


def smt(tmp_path, gate: str):
    (tmp_path / "g.sv").write_text(GOLD)
    (tmp_path / "h.sv").write_text(gate)
    return check_equivalence(open_design(tmp_path / "g.sv"), open_design(tmp_path / "h.sv"),
                             VerifyOptions(timeout_s=60, engines=["smt"]))


def test_int_counters_narrowed_behind_copies_prove_by_induction(tmp_path):
    r = smt(tmp_path, narrowed(4))
    assert r.verdict == Verdict.EQUIVALENT, r.reason
    assert "induction" in r.reason


def test_too_narrow_counter_is_a_difference(tmp_path):
    r = smt(tmp_path, narrowed(3))  # 12 does not fit 3 bits
    assert r.verdict == Verdict.NOT_EQUIVALENT, r.reason


def test_simulation_starts_from_bit_field_initial_values():
    """An x-propagated register's reset value is given field by field; the simulator fixes those bits
    (random start values met them with probability 2^-15: no valid lane)."""
    import z3

    from rtlopt.verify._smtsim import _init_bits

    r = z3.Function("r", z3.DeclareSort("S"), z3.BitVecSort(16))(z3.Const("s", z3.DeclareSort("S")))
    out: dict = {}
    _init_bits(z3.Extract(14, 0, r) == 32767, out)
    _init_bits((z3.Extract(15, 15, r) == 1) == z3.BoolVal(False), out)
    assert out == {"r": (0xFFFF, 0x7FFF)}
    _init_bits((z3.Extract(15, 15, r) == 1) == z3.BoolVal(True), out)  # contradiction: ignored
    assert out == {"r": (0xFFFF, 0x7FFF)}


ACC = """module dump (input clk, input rst, input v, input [9:0] d, output reg [17:0] q);
  reg [1:0] ph;
  reg [17:0] acc;
  always @(posedge clk)
    if (rst) begin ph <= 0; acc <= 0; q <= 0; end
    else if (v) begin
      if (ph == 3) begin ph <= 0; q <= acc + d; acc <= 0; end
      else begin ph <= ph + 1; acc <= acc + d; end
    end
endmodule
"""


@pytest.mark.parametrize("bits,verdict", [(12, Verdict.EQUIVALENT), (11, Verdict.NOT_EQUIVALENT)])
def test_accumulator_cleared_every_r_cycles_narrowed(tmp_path, bits, verdict):
    """Four 10-bit samples summed: the accumulator (3 * 1023 before the dump) fits 12 bits, proven with
    the bound acc <= ph * 1023; 11 bits is a difference."""
    gate = ACC.replace("  reg [17:0] acc;\n", f"  reg [17:0] acc;\n  reg [{bits - 1}:0] acc_q;\n"
                                                "  always @* acc = acc_q;\n").replace("acc <= ", "acc_q <= ")
    (tmp_path / "g.v").write_text(ACC)
    (tmp_path / "h.v").write_text(gate)
    r = check_equivalence(open_design(tmp_path / "g.v"), open_design(tmp_path / "h.v"),
                          VerifyOptions(timeout_s=60, engines=["smt"]))
    assert r.verdict == verdict, r.reason


def test_accumulator_bound_candidate_and_free_running_negative():
    """register_width_reduction bounds an accumulator by its dump counter (acc <= ph * 1023 with
    ph <= 3: 12 bits); never cleared, or cleared on an input instead of the counter, it has no bound."""
    from rtlopt.templates._regwidth import RegisterWidthReduction

    rw = RegisterWidthReduction()
    descs = [m.description for m in rw.match(ACC)]
    assert any("acc 18 -> 12 bits" in d for d in descs), descs
    free = ACC.replace("q <= acc + d; acc <= 0;", "q <= acc + d;")
    assert not any(" acc 18 ->" in d for d in (m.description for m in rw.match(free)))
    by_input = ACC.replace("if (ph == 3)", "if (d[9])")
    assert not any(" acc 18 ->" in d for d in (m.description for m in rw.match(by_input)))
