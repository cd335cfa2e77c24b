"""z3 induction with per-state bounds: a timer reloaded with a different limit in each controller state
(``==`` compares: green 25, yellow 4, red 30 cycles) kept in fewer bits needs ``st == S -> tmr <= K_S``
(a global ``tmr <= 29`` is not inductive: yellow counts on from 4 up to the wrap of the narrow
register). The candidates ``s == a -> r <= K`` (verify._smt._state_bound_candidates) let Houdini prove
it; a register too narrow for one state's limit stays a difference."""

from __future__ import annotations

import pytest

from rtlopt.design import open_design
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

pytestmark = pytest.mark.yosys

GOLD = """module tl (input clk, input rst, input walk, output [1:0] phase, output go);
  localparam G = 2'd0, Y = 2'd1, R = 2'd2;
  reg [1:0] st;
  reg [15:0] tmr;
  assign phase = st;
  assign go = (st == G);
  always @(posedge clk)
    if (rst) begin st <= R; tmr <= 16'd0; end
    else if (st == G) begin
      if (tmr == TG || (walk && tmr >= TW)) begin st <= Y; tmr <= 16'd0; end
      else tmr <= tmr + 16'd1;
    end else if (st == Y) begin
      if (tmr == TY) begin st <= R; tmr <= 16'd0; end
      else tmr <= tmr + 16'd1;
    end else begin
      if (tmr == TR) begin st <= G; tmr <= 16'd0; end
      else tmr <= tmr + 16'd1;
    end
endmodule
"""


def design(tg: int = 24, ty: int = 3, tr: int = 29, tw: int = 12, bits: int = 16) -> str:
    text = GOLD
    for name, v in (("TG", tg), ("TY", ty), ("TR", tr), ("TW", tw)):
        text = text.replace(name, f"16'd{v}")
    if bits == 16:
        return text
    return (text.replace("  reg [15:0] tmr;\n", f"  wire [15:0] tmr;\n  reg [{bits - 1}:0] tmr_q;\n"
                                                 "  assign tmr = tmr_q;\n")
            .replace("tmr <= ", "tmr_q <= "))


def smt(tmp_path, gold: str, gate: str):
    (tmp_path / "g.v").write_text(gold)
    (tmp_path / "h.v").write_text(gate)
    return check_equivalence(open_design(tmp_path / "g.v"), open_design(tmp_path / "h.v"),
                             VerifyOptions(timeout_s=600, engines=["smt"]))


def test_per_state_limits_narrowed_timer_proves_by_induction(tmp_path):
    r = smt(tmp_path, design(), design(bits=5))
    assert r.verdict == Verdict.EQUIVALENT, r.reason
    assert "induction" in r.reason


def test_one_state_limit_past_the_narrow_width_is_a_difference(tmp_path):
    # yellow counts to 12: 3 bits hold red's 2 and green's 6, not yellow's 12 (reached in ~15 cycles)
    r = smt(tmp_path, design(tg=6, ty=12, tr=2, tw=1), design(tg=6, ty=12, tr=2, tw=1, bits=3))
    assert r.verdict == Verdict.NOT_EQUIVALENT, r.reason


def test_state_bound_candidates_per_code():
    import z3

    from rtlopt.verify._smt import RegInfo, SmtMiter, _state_bound_candidates

    srt = z3.DeclareSort("S")
    s0, s1 = z3.Const("s0", srt), z3.Const("s1", srt)
    st = z3.Function("st", srt, z3.BitVecSort(2))(s0)
    tmr = z3.Function("tmr", srt, z3.BitVecSort(16))(s0)
    flag = z3.Function("f", srt, z3.BoolSort())(s0)
    sm = SmtMiter("m", s0, s1, z3.BoolVal(True), z3.BoolVal(True), z3.BoolVal(True), z3.BoolVal(True),
                  z3.BoolVal(False), {}, {"gold.st": st, "gold.tmr": tmr, "gold.f": flag},
                  [RegInfo("gold.st", 2, "st", "bv"), RegInfo("gold.tmr", 16, "tmr", "bv"),
                   RegInfo("gold.f", 1, "f", "bool")], {}, constants=[3, 24, 29])
    cands = _state_bound_candidates(sm, sm.reg_info, [])
    text = {str(c) for c in cands}
    assert "Implies(1 == st(s0), ULE(tmr(s0), 3))" in text, sorted(text)[:5]
    assert "Implies(0 == st(s0), ULE(tmr(s0), 24))" in text
    # the one-bit flag conditions nothing here (flags: _flag_bound_candidates) and is never bounded
    assert not any("f(s0)" in t for t in text)
    # a state register is not bounded by its own codes
    assert not any("ULE(st(s0)" in t for t in text)
