"""rtlopt.verify on combinational pairs, don't-cares, interfaces, engines, time limits (real Yosys/z3/ABC)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.errors import InputError
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
from rtlopt.verify._check import x_literals
from rtlopt.verify._netlist import reset_name_polarity
from rtlopt.verify._prepare import MiterSpec, miter_verilog

V = Path(__file__).resolve().parent.parent / "designs" / "verify"


def ref(name: str, top: str | None = None):
    return open_design(V / f"{name}.v", top)


def check(gold: str, gate: str, **kw):
    return check_equivalence(ref(gold), ref(gate), VerifyOptions(**{"timeout_s": 30, **kw}))


# -- pure parts -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name,low", [("rst", False), ("reset", False), ("rst_n", True), ("resetn", True),
                                      ("areset", False), ("arst_n", True), ("nrst", True), ("rst_ni", True),
                                      ("reset_b", True), ("clk", None), ("restart", None), ("first", None)])
def test_reset_names_and_polarity(name, low):
    assert reset_name_polarity(name) == low


def test_x_literals_are_found_outside_comments(tmp_path):
    f = tmp_path / "x.v"
    f.write_text("// 'x in a comment\nmodule m; wire [3:0] a = 4'b10x1; /* 1'bx */\n"
                 "wire b = 1'bz; wire [1:0] c = 2'd1; wire d = 'x; wire e = c == 2'd1? 1 : 0;\nendmodule\n")
    assert x_literals([f]) == ["x.v:2", "x.v:3"]


def test_miter_text_masks_gold_x_and_forces_reset():
    spec = MiterSpec({"clk": 1, "rst_n": 1, "a": 4}, {"y": 4}, reset="rst_n", reset_active_low=True,
                     force_reset=True, gold_xprop=True, clock="clk", sequential=True)
    text = miter_verilog(spec)
    assert "wire rtlopt_rst_eff = rtlopt_started ? rst_n : 1'b0;" in text
    assert ".y_d(rtlopt_g_y), .y_x(rtlopt_gx_y)" in text
    assert "& ~rtlopt_gx_y" in text
    assert "assign rtlopt_trigger = rtlopt_started &" in text


# -- combinational ----------------------------------------------------------------------------------

pytestmark = pytest.mark.yosys


@pytest.mark.parametrize("gold,gate", [("mul10_a", "mul10_b"), ("mux4_case", "mux4_tree"), ("expr_a", "expr_b")])
def test_equivalent_combinational_pairs(gold, gate):
    res = check(gold, gate)
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()
    assert res.exit_code == 0
    assert res.engine in ("exhaustive", "algebra", "equiv", "smt", "abc")
    assert res.counterexample is None
    assert len(res.engines_tried) <= 2, res.engines_tried  # decided by an early engine (no wall-clock assert)


def test_mul10_wrong_counterexample_is_real():
    res = check("mul10_a", "mul10_bad")
    assert res.verdict is Verdict.NOT_EQUIVALENT and res.exit_code == 1
    cex = res.counterexample
    assert cex is not None and not cex.sequential
    a = cex.inputs_at(0)["a"]
    assert (a * 10) & 0xFFF != ((a << 3) + a) & 0xFFF  # re-evaluate both designs on the counterexample
    c = cex.cycles[0]
    assert c["gold"]["y"] == (a * 10) & 0xFFF and c["gate"]["y"] == ((a << 3) + a) & 0xFFF
    text = cex.format()
    assert f"= 8'h{a:x}" in text and "differs" in text


def test_mux_wrong_counterexample_is_real():
    res = check("mux4_case", "mux4_bad")
    assert res.verdict is Verdict.NOT_EQUIVALENT
    i = res.counterexample.inputs_at(0)
    gold = [i["a"], i["b"], i["c"], i["d"]][i["sel"]]
    gate = [i["a"], i["b"], i["d"], i["c"]][i["sel"]]
    assert gold != gate
    assert res.counterexample.diff_outputs == ["y"]


def test_width_change_is_an_interface_difference():
    res = check("mul10_a", "mul10_wide")
    assert res.verdict is Verdict.NOT_EQUIVALENT and res.engine == "interface"
    assert res.interface_diffs == ["output 'y' is 12 bits wide in gold but 13 in gate"]
    assert "interface: output 'y'" in res.format_text()


def test_extra_port_is_an_interface_difference():
    res = check("mul10_a", "mul10_missing")
    assert res.verdict is Verdict.NOT_EQUIVALENT
    assert res.interface_diffs == ["gate has an extra input 'en' [1 bit]"]
    res2 = check("mul10_missing", "mul10_a")
    assert res2.interface_diffs == ["input 'en' [1 bit] is missing in gate"]


def test_different_top_names_are_matched():
    res = check_equivalence(ref("mul10_a"), ref("mul10_renamed", "mul10_opt"), VerifyOptions(timeout_s=30))
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()


def test_gold_x_is_dont_care():
    res = check("dc_gold", "dc_gate_ok")
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()
    assert any("'x" in n and "don't-care" in n for n in res.notes), res.notes


def test_gate_differs_where_gold_is_specified():
    res = check("dc_gold", "dc_gate_bad")
    assert res.verdict is Verdict.NOT_EQUIVALENT
    i = res.counterexample.inputs_at(0)
    op, a, b = i["op"], i["a"], i["b"]
    gold_y = {0: (a + b) & 15, 1: (a - b) & 15, 2: a & b}.get(op)  # None = x (don't care)
    gold_z = None if op & 2 else a & 1
    gate_y = (a | b) if op & 2 else ((a - b) & 15 if op & 1 else (a + b) & 15)
    gate_z = a & 1
    assert (gold_y is not None and gold_y != gate_y) or (gold_z is not None and gold_z != gate_z)


def test_gate_x_must_match_for_every_choice(tmp_path):
    gold = tmp_path / "g.v"
    gate = tmp_path / "h.v"
    gold.write_text("module t(input a, output y); assign y = a; endmodule\n")
    gate.write_text("module t(input a, output y); assign y = a ? 1'b1 : 1'bx; endmodule\n")
    res = check_equivalence(open_design(gold), open_design(gate), VerifyOptions(timeout_s=30))
    assert res.verdict is Verdict.NOT_EQUIVALENT
    assert res.counterexample.inputs_at(0)["a"] == 0
    assert any("gate assigns 'x" in n for n in res.notes)


@pytest.mark.parametrize("engine", ["equiv", "smt", "abc", "sat", "exhaustive", "algebra"])
def test_each_engine_proves_a_simple_pair(engine):
    res = check("mul10_a", "mul10_b", engines=(engine,))
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()
    assert res.engine == engine
    assert [e for e, _, _ in res.engines_tried] == [engine]


@pytest.mark.parametrize("engine", ["smt", "abc", "sat", "exhaustive", "algebra"])
def test_each_engine_refutes_a_wrong_pair(engine):
    res = check("mul10_a", "mul10_bad", engines=(engine,))
    assert res.verdict is Verdict.NOT_EQUIVALENT, res.format_text()


def test_equiv_engine_never_claims_a_difference():
    res = check("mul10_a", "mul10_bad", engines=("equiv",))
    assert res.verdict is Verdict.UNKNOWN
    assert "equiv" in res.reason


def test_time_limit_gives_unknown_with_reason():
    # the word-level engines (z3, ABC): the algebraic engine decides this pair in under a second
    res = check("mulhard_a", "mulhard_b", timeout_s=2.5, engines=("smt", "abc"))
    assert res.verdict is Verdict.UNKNOWN and res.exit_code == 3
    assert "time limit" in res.reason
    assert res.engines_tried
    assert res.seconds < 120  # the 2.5 s limit holds (generous for a loaded machine)


def test_concurrent_calls_are_independent():
    out: dict = {}

    def run(key, gold, gate):
        out[key] = check(gold, gate).verdict

    threads = [threading.Thread(target=run, args=(i, "mul10_a", "mul10_bad" if i % 2 else "mul10_b")) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == {0: Verdict.EQUIVALENT, 1: Verdict.NOT_EQUIVALENT, 2: Verdict.EQUIVALENT,
                   3: Verdict.NOT_EQUIVALENT}


def test_to_dict_and_text():
    res = check("mul10_a", "mul10_bad")
    d = res.to_dict()
    assert d["verdict"] == "NOT EQUIVALENT" and d["exit_code"] == 1
    assert d["counterexample"]["cycles"][0]["inputs"]["a"] == res.counterexample.inputs_at(0)["a"]
    assert d["engines_tried"][-1]["engine"] == res.engine
    assert res.format_text().startswith("NOT EQUIVALENT")


def test_bad_options_and_inputs(tmp_path):
    with pytest.raises(InputError, match="--init"):
        check("mul10_a", "mul10_b", init="sometimes")
    with pytest.raises(InputError, match="engine"):
        check("mul10_a", "mul10_b", engines=("magic",))
    bad = tmp_path / "bad.v"
    bad.write_text("module mul10(input [7:0] a, output [11:0] y);\n  nosuch u (.a(a), .y(y));\nendmodule\n")
    with pytest.raises(InputError) as exc:
        check_equivalence(ref("mul10_a"), open_design(bad), VerifyOptions(timeout_s=30))
    assert "gate design" in str(exc.value)
