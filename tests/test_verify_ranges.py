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


# a counter stepped while a flag is clear (or set) and stopped by the flag as it reaches K: it ends
# at K + 1 with the flag set, a value random simulation rarely reaches (start clears it first)
DONE_SV = """module settle (input logic clk, input logic rst, input logic go, output logic ready);
  logic [31:0] n;
  always_ff @(posedge clk) begin
    if (rst) begin n <= '0; ready <= 1'b1; end
    else if (go) begin n <= '0; ready <= 1'b0; end
    else if (!ready) begin
      n <= n + 32'd1;
      if (n == 32'd12) ready <= 1'b1;
    end
  end
endmodule
"""

BUSY_V = """module hold (clk, rst_n, kick, busy);
  input clk, rst_n, kick;
  output busy;
  reg busy;
  reg [15:0] t;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) t <= 16'd0;
    else if (kick) t <= 16'd0;
    else if (busy) t <= t + 16'd1;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) busy <= 1'b0;
    else if (kick) busy <= 1'b1;
    else if (busy && t == 16'd9) busy <= 1'b0;
endmodule
"""


def _narrow(text: str, old: str, new: str, width_old: str, width_new: str) -> str:
    return text.replace(old, new, 1).replace(width_old, width_new)


def _smt_pair(tmp_path, gold: str, gate: str, ext: str):
    (tmp_path / f"g.{ext}").write_text(gold)
    (tmp_path / f"h.{ext}").write_text(gate)
    return check_equivalence(open_design(tmp_path / f"g.{ext}"), open_design(tmp_path / f"h.{ext}"),
                             VerifyOptions(timeout_s=60, engines=["smt"]))


@pytest.mark.parametrize("gold,old,new,wold,wnew,ext", [
    (DONE_SV, "logic [31:0] n;", "logic [3:0] n;", "32'd", "4'd", "sv"),   # stops at 13 with ready set
    (BUSY_V, "reg [15:0] t;", "reg [3:0] t;", "16'd", "4'd", "v"),         # stops at 10 with busy clear
])
def test_flag_stopped_counter_narrowed_proves_by_induction(tmp_path, gold, old, new, wold, wnew, ext):
    r = _smt_pair(tmp_path, gold, _narrow(gold, old, new, wold, wnew), ext)
    assert r.verdict == Verdict.EQUIVALENT, r.reason
    # 1-induction over the structural candidates (without the flag bounds: 17-induction, ~40 s loaded)
    assert "structural invariants" in r.reason


def test_flag_stopped_counter_too_narrow_is_a_difference(tmp_path):
    # 3 bits wrap at 8 before the compare with 12 fires: ready never rises again
    r = _smt_pair(tmp_path, DONE_SV, _narrow(DONE_SV, "logic [31:0] n;", "logic [2:0] n;", "32'd", "3'd"), "sv")
    assert r.verdict == Verdict.NOT_EQUIVALENT, r.reason


def test_flag_bound_candidates():
    """``f -> r <= K`` for either flag polarity and ``r <= K + 1`` are offered for the miter's constants."""
    import z3

    from rtlopt.verify._smt import _flag_bound_candidates

    class R:
        def __init__(self, name):
            self.name = name

    class M:
        regs = {"gold.n": z3.BitVec("n", 8), "gold.f": z3.Bool("f")}
        constants = [12]

    got = {str(c) for c in _flag_bound_candidates(M(), [R("gold.n"), R("gold.f")])}
    assert "ULE(n, 13)" in got
    assert "Implies(f, ULE(n, 12))" in got and "Implies(Not(f), ULE(n, 12))" in got
