"""A divide / modulo by zero in the GATE is x (Verilog), not all ones: a candidate ``q = a / b`` must not
be proven equal to an original ``q = (b == 0) ? 'hff : a / b`` by any engine (rtlopt.verify._gatex frees
the quotient where the divisor is 0). Gold's division by zero is don't-care; a constant divisor (``% 6``)
keeps its plain form."""

from __future__ import annotations

import json

import pytest

from rtlopt.design import open_design
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
from rtlopt.verify._bounded import bounded_check
from rtlopt.verify._gatex import zero_divisors

COMB = """module c (input [3:0] a, b, output [3:0] q, r);
  assign q = {q};
  assign r = {r};
endmodule
"""
GUARD_ONES = COMB.format(q="(b == 4'd0) ? 4'hf : a / b", r="(b == 4'd0) ? a : a % b")  # what the engines read
PLAIN = COMB.format(q="a / b", r="a % b")
GUARD_ZERO = COMB.format(q="(b == 4'd0) ? 4'd0 : a / b", r="(b == 4'd0) ? 4'd0 : a % b")
ONLY_MOD = COMB.format(q="a", r="(b == 4'd0) ? a : a % b"), COMB.format(q="a", r="a % b")

SEQ = """module s (input clk, rst, input [3:0] a, b, output reg [3:0] q);
  always @(posedge clk) if (rst) q <= 4'd0; else q <= {e};
endmodule
"""
SEQ_GUARD_ONES = SEQ.format(e="(b == 4'd0) ? 4'hf : a / b")
SEQ_PLAIN = SEQ.format(e="a / b")
SEQ_GUARD_ZERO = SEQ.format(e="(b == 4'd0) ? 4'd0 : a / b")

ENGINES = [("equiv",), ("smt",), ("sat",), ("abc",), ("exhaustive",), ("algebra",), None]
_ids = lambda e: "default" if e is None else e[0]  # noqa: E731


def _check(tmp_path, gold_text, gate_text, engines, top="c"):
    g, h = tmp_path / "gold.v", tmp_path / "gate.v"
    g.write_text(gold_text)
    h.write_text(gate_text)
    opts = VerifyOptions(timeout_s=120) if engines is None else VerifyOptions(timeout_s=120, engines=engines)
    return check_equivalence(open_design(g, top=top), open_design(h, top=top), opts)


@pytest.mark.parametrize("engines", ENGINES, ids=_ids)
def test_gate_division_by_zero_is_not_all_ones(tmp_path, engines):
    res = _check(tmp_path, GUARD_ONES, PLAIN, engines)
    assert res.verdict is not Verdict.EQUIVALENT, res.format_text()
    if engines in (None, ("smt",), ("sat",), ("abc",)):
        assert res.verdict is Verdict.NOT_EQUIVALENT, res.format_text()
    if res.counterexample is not None:  # the witness divides by zero
        assert res.counterexample.cycles[-1]["inputs"]["b"] == 0, res.format_text()
    if engines is None:
        assert any("division by zero" in n and "gate assigns" in n for n in res.notes), res.notes


@pytest.mark.parametrize("engines", [("smt",), ("abc",), None], ids=_ids)
def test_gate_modulo_by_zero_is_not_the_dividend(tmp_path, engines):
    res = _check(tmp_path, *ONLY_MOD, engines)
    assert res.verdict is Verdict.NOT_EQUIVALENT, res.format_text()


@pytest.mark.parametrize("engines", [("smt",), ("sat",), ("abc",), None], ids=_ids)
def test_same_or_guarded_division_stays_provable(tmp_path, engines):
    pairs = [(PLAIN, PLAIN)]
    if engines is None:
        pairs += [(GUARD_ZERO, GUARD_ZERO), (PLAIN, GUARD_ONES), (PLAIN, GUARD_ZERO)]
    for gold, gate in pairs:
        # the gate's guard hides its division by zero; gold's x (unguarded) is don't-care
        res = _check(tmp_path, gold, gate, engines)
        assert res.verdict is Verdict.EQUIVALENT, res.format_text()


def test_sequential_gate_division_by_zero(tmp_path):
    for engines in (("equiv",), None):
        res = _check(tmp_path, SEQ_GUARD_ONES, SEQ_PLAIN, engines, top="s")
        assert res.verdict is not Verdict.EQUIVALENT, (engines, res.format_text())
    assert res.verdict is Verdict.NOT_EQUIVALENT, res.format_text()
    same = _check(tmp_path, SEQ_PLAIN, SEQ_PLAIN, None, top="s")
    assert same.verdict is Verdict.EQUIVALENT, same.format_text()
    # the guard masks the free quotient: register correspondence still proves it
    guarded = _check(tmp_path, SEQ_GUARD_ZERO, SEQ_GUARD_ZERO, ("equiv",), top="s")
    assert guarded.verdict is Verdict.EQUIVALENT, guarded.format_text()
    rev = _check(tmp_path, SEQ_PLAIN, SEQ_GUARD_ONES, None, top="s")
    assert rev.verdict is Verdict.EQUIVALENT, rev.format_text()


def test_bounded_check_sees_the_gate_division_by_zero(tmp_path):
    g, h = tmp_path / "gold.v", tmp_path / "gate.v"
    g.write_text(SEQ_GUARD_ONES)
    h.write_text(SEQ_PLAIN)
    r = bounded_check(open_design(g, top="s"), open_design(h, top="s"), depth=4, timeout_s=120)
    assert r.status == "different", r
    r = bounded_check(open_design(h, top="s"), open_design(g, top="s"), depth=4, timeout_s=120)
    assert r.status == "no_difference", r


def _module(tmp_path, body):
    from rtlopt.verify._prepare import yosys_tool

    f = tmp_path / "m.v"
    f.write_text(f"module c (input [7:0] a, b, output [7:0] q);\n  {body}\nendmodule\n")
    yosys_tool().run_script(f"read_verilog {f.name}\nproc\nwrite_json m.json\n", cwd=tmp_path, timeout=60)
    return json.loads((tmp_path / "m.json").read_text())["modules"]["c"]


@pytest.mark.parametrize("body, freed", [
    ("assign q = a / b;", 1), ("assign q = a % b;", 1), ("assign q = $signed(a) / $signed(b);", 1),
    ("assign q = a / {b[7:1], 1'b0};", 1), ("assign q = (a / b) + (a % b);", 2),
    ("assign q = a % 8'd6;", 0), ("assign q = a / 8'd3;", 0), ("assign q = a / {b[7:1], 1'b1};", 0),
])
def test_which_divisions_are_freed(tmp_path, body, freed):
    assert len(zero_divisors(_module(tmp_path, body))) == freed


def test_constant_divisor_keeps_its_plain_form(tmp_path):
    """'% 6' never divides by zero: no gate x, the x-free engine order (a complete engine decides)."""
    gold = COMB.format(q="a % 4'd6", r="a / 4'd3")
    gate = COMB.format(q="a - (a >= 4'd12 ? 4'd12 : a >= 4'd6 ? 4'd6 : 4'd0)",
                       r="(a >= 4'd15) ? 4'd5 : (a >= 4'd12) ? 4'd4 : (a >= 4'd9) ? 4'd3 : (a >= 4'd6) ? 4'd2 : (a >= 4'd3) ? 4'd1 : 4'd0")
    res = _check(tmp_path, gold, gate, None)
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()
    assert res.engine == "exhaustive" and not any("division by zero" in n for n in res.notes), res.format_text()


def test_seqsim_filter_reads_the_division_by_zero_as_the_proof_does(tmp_path):
    """The simulation filter (seqsim.outputs_agree) frees the division by zero too: a candidate whose
    quotient is free where the original's is defined differs (it agreed with Yosys's all-ones gates);
    the same division (gold's x) or a guarded one still agrees."""
    from pathlib import Path

    from rtlopt.semantic import seqsim

    def agree(orig, cand):
        net = seqsim.load_texts({Path("o.v"): orig}, "s")
        return seqsim.outputs_agree(net, {Path("o.v"): cand}, "s", 60)

    assert agree(SEQ_GUARD_ONES, SEQ_PLAIN) is False
    assert agree(SEQ_GUARD_ZERO, SEQ_PLAIN) is False
    assert agree(SEQ_PLAIN, SEQ_PLAIN) is True
    assert agree(SEQ_PLAIN, SEQ_GUARD_ONES) is True
    assert agree(SEQ_GUARD_ZERO, SEQ_GUARD_ZERO) is True
