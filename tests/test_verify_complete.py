"""The complete combinational engines: exhaustive bit-parallel evaluation and algebraic rewriting."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from arith_pairs import add_cla, add_ripple, mul_array, mul_op, mul_shift_add  # noqa: E402

from rtlopt.design import open_design  # noqa: E402
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence  # noqa: E402

pytestmark = pytest.mark.yosys


def _check(tmp_path: Path, gold: str, gate: str, **kw):
    g, h = tmp_path / "gold.v", tmp_path / "gate.v"
    g.write_text(gold)
    h.write_text(gate)
    return check_equivalence(open_design([g]), open_design([h]), VerifyOptions(timeout_s=120, **kw))


def test_small_input_space_is_decided_exhaustively(tmp_path: Path):
    res = _check(tmp_path, mul_op(8), mul_shift_add(8, swap=True))
    assert res.verdict is Verdict.EQUIVALENT and res.engine == "exhaustive", res.format_text()
    assert "2^16" in res.reason


def test_exhaustive_counterexample_is_a_real_difference(tmp_path: Path):
    bad = mul_shift_add(8).replace("<< i", "<< (i == 7 ? 6 : i)")
    res = _check(tmp_path, mul_shift_add(8), bad, engines=("exhaustive",))
    assert res.verdict is Verdict.NOT_EQUIVALENT
    cex = res.counterexample.cycles[0]
    a, b = cex["inputs"]["a"], cex["inputs"]["b"]
    assert cex["gold"]["p"] == a * b != cex["gate"]["p"]


def test_16x16_multipliers_of_different_architecture_by_algebra(tmp_path: Path):
    res = _check(tmp_path, mul_op(16), mul_array(16))
    assert res.verdict is Verdict.EQUIVALENT and res.engine == "algebra", res.format_text()


def test_algebra_refutes_with_a_witness(tmp_path: Path):
    res = _check(tmp_path, mul_shift_add(16), mul_op(16).replace("a * b", "a * b + {31'b0, a[3] & b[5]}"),
                 engines=("algebra",))
    assert res.verdict is Verdict.NOT_EQUIVALENT, res.format_text()
    cex = res.counterexample.cycles[0]
    a, b = cex["inputs"]["a"], cex["inputs"]["b"]
    assert cex["gold"]["p"] == a * b and cex["gate"]["p"] == a * b + 1


def test_adders_of_different_architecture(tmp_path: Path):
    res = _check(tmp_path, add_ripple(32), add_cla(32), engines=("algebra",))
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()


def test_sequential_designs_skip_the_complete_engines(tmp_path: Path):
    seq = ("module m(input clk, input [3:0] a, output reg [3:0] q);\n"
           "  always @(posedge clk) q <= a + 1;\nendmodule\n")
    res = _check(tmp_path, seq, seq.replace("a + 1", "1 + a"))
    assert res.verdict is Verdict.EQUIVALENT
    assert not {"exhaustive", "algebra"} & {e for e, _, _ in res.engines_tried}


def test_narrowed_counter_is_proven_with_range_invariants(tmp_path: Path):
    """A 32-bit mod-1000 counter against the same counter in 10 bits: needs both the cross-width
    equality and the bound <= 999, mined as candidates and kept by induction."""
    wide = """module c(input clk, rst, en, output wrap, output [9:0] low);
  reg [31:0] n;
  always @(posedge clk)
    if (rst) n <= 0;
    else if (en) n <= (n == 32'd999) ? 32'd0 : n + 32'd1;
  assign wrap = en && n == 32'd999;
  assign low = n[9:0];
endmodule
"""
    narrow = """module c(input clk, rst, en, output wrap, output [9:0] low);
  reg [9:0] m;
  always @(posedge clk)
    if (rst) m <= 0;
    else if (en) m <= (m == 10'd999) ? 10'd0 : m + 10'd1;
  assign wrap = en && m == 10'd999;
  assign low = m;
endmodule
"""
    res = _check(tmp_path, wide, narrow)
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()


def test_pipelined_multipliers_by_register_correspondence(tmp_path: Path):
    gold = """module p(input clk, input [11:0] a, b, c, output reg [24:0] y);
  reg [23:0] r; reg [11:0] cc;
  always @(posedge clk) begin r <= a * b; cc <= c; y <= r + cc * a; end
endmodule
"""
    gate = gold.replace("r <= a * b", "r <= b * a").replace("y <= r + cc * a", "y <= a * cc + r")
    res = _check(tmp_path, gold, gate)
    assert res.verdict is Verdict.EQUIVALENT and res.engine == "algebra", res.format_text()
    assert "register correspondence" in res.reason


def test_difference_in_unreachable_states_is_no_counterexample(tmp_path: Path):
    """Cut registers compare every state, reachable or not: a difference there must not become a
    NOT EQUIVALENT verdict (the counter below never reaches 3)."""
    gold = """module u(input clk, rst, input [7:0] a, b, c, output [15:0] y);
  reg [1:0] s;
  always @(posedge clk) s <= rst ? 2'd0 : (s == 2'd2 ? 2'd0 : s + 2'd1);
  assign y = (s == 2'd3) ? a * b : a * c;
endmodule
"""
    gate = gold.replace("? a * b :", "? b * c :")
    res = _check(tmp_path, gold, gate)
    assert res.verdict is not Verdict.NOT_EQUIVALENT, res.format_text()
    assert res.engine != "algebra"
