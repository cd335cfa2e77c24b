"""The complete combinational engines: exhaustive bit-parallel evaluation and algebraic rewriting."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from arith_pairs import (  # noqa: E402
    add_cla,
    add_ripple,
    mul_array,
    mul_booth,
    mul_booth_gates,
    mul_op,
    mul_shift_add,
    mul_wallace,
)

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


def test_booth_against_array_by_algebra(tmp_path: Path):
    """Radix-4 Booth recoding: selector products that vanish (digits that cannot occur, selectors that
    exclude each other) are proven zero instead of being expanded."""
    res = _check(tmp_path, mul_array(16), mul_booth(16, swap=True), engines=("algebra",))
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()


def test_flat_wallace_tree_against_gate_level_booth_by_algebra(tmp_path: Path):
    """Full/half adders found by function in a flat gate netlist rewrite as x + y + z - 2c."""
    res = _check(tmp_path, mul_wallace(16), mul_booth_gates(16), engines=("algebra",))
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()


def test_wrong_booth_encoder_is_refuted_with_a_witness(tmp_path: Path):
    bad = mul_booth_gates(16).replace("assign neg[i] = bz[2*i+2];", "assign neg[i] = bz[2*i+2] & bz[2*i+1];")
    res = _check(tmp_path, mul_wallace(16), bad, engines=("algebra",))
    assert res.verdict is Verdict.NOT_EQUIVALENT, res.format_text()
    cex = res.counterexample.cycles[0]
    a, b = cex["inputs"]["a"], cex["inputs"]["b"]
    assert cex["gold"]["p"] == a * b != cex["gate"]["p"]


def test_exhaustive_goes_cone_by_cone(tmp_path: Path):
    """32 input bits in all, but every output bit reads at most 16 of them: each cone is enumerated."""
    two = ("module m(input [7:0] a, b, c, d, output [15:0] p, q);\n"
           "  assign p = a * b;\n  assign q = c * d;\nendmodule\n")
    res = _check(tmp_path, two, two.replace("a * b", "b * a").replace("c * d", "d * c"), engines=("exhaustive",))
    assert res.verdict is Verdict.EQUIVALENT and "output cones" in res.reason, res.format_text()
    res = _check(tmp_path, two, two.replace("c * d", "d * c + 1"), engines=("exhaustive",))
    assert res.verdict is Verdict.NOT_EQUIVALENT, res.format_text()
    cex = res.counterexample.cycles[0]
    assert cex["gate"]["q"] != cex["gold"]["q"] == cex["inputs"]["c"] * cex["inputs"]["d"]


def test_small_sequential_designs_one_step_exhaustively(tmp_path: Path):
    """Inputs + register bits <= 24: next states and outputs compared from every state."""
    seq = ("module m(input clk, input [3:0] a, output reg [3:0] q);\n"
           "  always @(posedge clk) q <= a + 1;\nendmodule\n")
    res = _check(tmp_path, seq, seq.replace("a + 1", "1 + a"))
    assert res.verdict is Verdict.EQUIVALENT and res.engine == "exhaustive", res.format_text()
    assert "every state" in res.reason
    res = _check(tmp_path, seq, seq.replace("a + 1", "a - 1"))
    assert res.verdict is Verdict.NOT_EQUIVALENT and res.counterexample is not None, res.format_text()


def test_sequential_cones_are_enumerated_one_by_one(tmp_path: Path):
    """33 input + state bits in all, but each next-state/output cone reads at most 17 of them."""
    gold = """module two(input clk, rst, input [7:0] x, y, output reg [7:0] sa, sb, output hi);
  always @(posedge clk) begin
    if (rst) begin sa <= 0; sb <= 0; end
    else begin sa <= sa + x; sb <= (sb ^ y) + 8'd3; end
  end
  assign hi = sa[7] & sb[7];
endmodule
"""
    gate = gold.replace("sa <= sa + x;", "sa <= x + sa;").replace("(sb ^ y) + 8'd3", "(y ^ sb) + 8'd2 + 8'd1")
    res = _check(tmp_path, gold, gate)
    assert res.verdict is Verdict.EQUIVALENT and res.engine == "exhaustive", res.format_text()
    assert "output cones" in res.reason


def test_register_cut_is_not_used_when_start_states_are_independent(tmp_path: Path):
    """--init any: gold and gate start anywhere, independently; equal transition functions prove nothing."""
    seq = ("module m(input clk, input [3:0] a, output [3:0] y);\n  reg [3:0] q;\n"
           "  always @(posedge clk) q <= q + a;\n  assign y = q;\nendmodule\n")
    res = _check(tmp_path, seq, seq.replace("q + a", "a + q"), init="any")
    assert res.verdict is not Verdict.EQUIVALENT, res.format_text()
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
    # z3 alone (its invariant mining is what this checks): the default chain gives ABC a first slice it runs
    # out of here (48 s of CPU at load 15, then z3 proves it in 1.5 s)
    res = _check(tmp_path, wide, narrow, engines=("smt",))
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()
    assert res.engine == "smt"


def test_pipelined_multipliers_by_register_correspondence(tmp_path: Path):
    gold = """module p(input clk, input [11:0] a, b, c, output reg [24:0] y);
  reg [23:0] r; reg [11:0] cc;
  always @(posedge clk) begin r <= a * b; cc <= c; y <= r + cc * a; end
endmodule
"""
    gate = gold.replace("r <= a * b", "r <= b * a").replace("y <= r + cc * a", "y <= a * cc + r")
    # the algebraic engine alone (in the automatic race another lane may prove it first under load)
    res = _check(tmp_path, gold, gate, engines=("algebra",))
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
