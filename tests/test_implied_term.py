"""implied_condition_term: a condition term the other terms and the guard decide is dropped (z3); the
rewrites of the own designs are proven with the real verifier; near misses are not offered."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.templates import REGISTRY, analyze

ROOT = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "conditions"
T = REGISTRY["implied_condition_term"]


def _matches(text: str, name: str = "t.v"):
    return T.match(analyze(text, name))


def _rewrite(text: str, name: str = "t.v") -> str | None:
    ms = _matches(text, name)
    return T.rewrite(text, ms) if ms else None


RF = """module rf(input [4:0] ra, wa, input we, input [7:0] wd, q, output [7:0] rd);
  assign rd = (ra == 5'd0) ? 8'h00 : (we && (wa == ra) && (wa != 5'd0)) ? wd : q;
endmodule
"""


def test_register_file_bypass_term_dropped():
    new = _rewrite(RF)
    assert new is not None and "(we && (wa == ra))" in new and "wa != 5'd0" not in new


def test_near_miss_other_guard_keeps_the_term():
    # under ra != 1 (not ra != 0) wa == ra does not give wa != 0
    assert _matches(RF.replace("(ra == 5'd0) ?", "(ra == 5'd1) ?")) == []


def test_near_miss_no_guard_keeps_the_term():
    assert _matches("""module rf(input [4:0] ra, wa, input we, input [7:0] wd, q, output [7:0] rd);
  assign rd = (we && (wa == ra) && (wa != 5'd0)) ? wd : q;
endmodule
""") == []


def test_near_miss_register_invariant_is_not_used():
    # cnt never exceeds 7 (it wraps there), but that is a reachable-state fact, not a combinational one
    text = """module c(input clk, rst, en, output reg [3:0] cnt, output hit);
  always @(posedge clk) if (rst) cnt <= 0; else if (en) cnt <= (cnt == 4'd7) ? 4'd0 : cnt + 4'd1;
  assign hit = en && (cnt < 4'd8);
endmodule
"""
    assert _matches(text) == []


def test_near_miss_wide_bitwise_and_is_not_split():
    text = """module m(input [3:0] x, k, input s, output [3:0] y);
  assign y = (x == 4'd0) ? 4'd0 : ((x & k) != 4'd0) ? x : k;
endmodule
"""
    assert _matches(text) == []


def test_disjunct_covered_by_another():
    text = """module d(input [3:0] a, input b, input [7:0] p, q, r, output [7:0] y);
  assign y = (a == 4'd0) ? p : (b || ((a == 4'd1) && b)) ? q : r;
endmodule
"""
    new = _rewrite(text)
    assert new is not None and "(a == 4'd0) ? p : b ? q : r;" in new


def test_near_miss_parameter_dead_conjunction_is_not_decided():
    # at BLOCK = 0 the whole conjunction is false: every other term "follows" vacuously; left alone
    text = """module p #(parameter BLOCK = 0) (input [3:0] g, r, input v, output reg h);
  always @* begin
    h = 1'b0;
    if (BLOCK && (g & r) != 0 && v) h = 1'b1;
  end
endmodule
"""
    assert _matches(text) == []


@pytest.mark.parametrize("case,ext", [("implied_term_bypass_sv", "sv"), ("implied_term_window_v", "v")])
def test_own_designs_fire(case, ext):
    p = ROOT / case / f"original.{ext}"
    ms = _matches(p.read_text(), str(p))
    assert len(ms) == 1


def test_restyled_bypass_as_ternary_fires():
    # the SV design's forward test as one continuous ternary (another style): still found
    text = """module fwd #(parameter int AW = 16, DW = 16) (
  input logic [AW-1:0] io_base, ld_addr, sb_addr, input logic sb_valid,
  input logic [DW-1:0] sb_data, mem_q, io_q, output logic [DW-1:0] ld_data);
  assign ld_data = (ld_addr < io_base) ? mem_q
                 : (sb_valid && (sb_addr == ld_addr) && !(sb_addr < io_base)) ? sb_data : io_q;
endmodule
"""
    new = _rewrite(text, "fwd.sv")
    assert new is not None and "sb_addr < io_base" not in new.split("? mem_q")[1]


@pytest.mark.yosys
@pytest.mark.parametrize("case,ext", [("implied_term_bypass_sv", "sv"), ("implied_term_window_v", "v")])
def test_own_design_rewrite_is_proven(tmp_path, case, ext):
    from rtlopt.design import open_design
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

    p = ROOT / case / f"original.{ext}"
    new = _rewrite(p.read_text(), str(p))
    assert new is not None
    q = tmp_path / f"gate.{ext}"
    q.write_text(new)
    res = check_equivalence(open_design(p, case), open_design(q, case), VerifyOptions(timeout_s=120))
    assert res.verdict == Verdict.EQUIVALENT


@pytest.mark.yosys
def test_wrongly_dropped_term_is_refuted(tmp_path):
    # the near miss's edit done by hand (guard ra != 1): the verifier finds the difference
    from rtlopt.design import open_design
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

    gold = RF.replace("(ra == 5'd0) ?", "(ra == 5'd1) ?")
    gate = gold.replace(" && (wa != 5'd0)", "")
    a, b = tmp_path / "a.v", tmp_path / "b.v"
    a.write_text(gold)
    b.write_text(gate)
    res = check_equivalence(open_design(a, "rf"), open_design(b, "rf"), VerifyOptions(timeout_s=120))
    assert res.verdict == Verdict.NOT_EQUIVALENT
