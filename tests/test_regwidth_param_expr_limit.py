"""A counter stepped while a flag is set, the flag cleared when the count meets an operator expression of
the instance's parameters (``t == 2*T_RST - 1``, ``cyc == PULSES * PERIOD - 1``, ``tm == (HOLD << 2) - 1``):
the bound candidates of register_width_reduction's flag/next-state search are the numerals of the z3
next-state terms, and z3 keeps ``2 * 500 - 1`` unfolded, so 999 was no candidate (heldout9
onewire/reset_presence: 16-bit microsecond counter, 10 bits suffice). :func:`_z3_consts` now also folds
the operators over numerals only.

Designs: generalization/ranges/busy_limit_product_sv (SV, busy flag, product of two parameters from the
top) and holdoff_idle_shift_v (Verilog, inverse idle flag through a one-driver wire, shifted parameter,
async reset); both narrowed and proven. Near-misses: a limit that adds an input, a counter that keeps
counting while idle."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from rtlopt.templates._regwidth import RegisterWidthReduction, _z3_consts
from rtlopt.templates._sem import analyze

RW = RegisterWidthReduction()
ROOT = Path(__file__).resolve().parents[1]
D = ROOT / "designs/generalization/ranges"
BUSY = D / "busy_limit_product_sv/original.sv"
IDLE = D / "holdoff_idle_shift_v/original.v"


def _descs(text: str) -> list[str]:
    return [m.description for m in RW.match(text)]


def test_z3_consts_folds_operators_over_numerals_only():
    import z3

    x = z3.BitVec("x", 16)
    two, five = z3.BitVecVal(2, 16), z3.BitVecVal(500, 16)
    got: set = set()
    _z3_consts(z3.If(x == two * five - 1, x + 1, x), got)
    assert 999 in got and 1000 in got, got
    got2: set = set()
    _z3_consts(z3.If(x * two == five, x + 1, x), got2)
    assert got2 == {2, 500, 1}, got2  # nothing closed to fold: only the numerals themselves


@pytest.mark.yosys
@pytest.mark.parametrize("path,top,reg,bits", [
    (BUSY, "burst_top", "cyc 16", 8),  # busy ends at 12*20 - 1: cyc <= 240
    (IDLE, "holdoff_top", "tm 16", 9),  # idle set at (100 << 2) - 1: tm <= 400
])
def test_flag_counter_with_parameter_expression_limit_narrowed_and_proven(tmp_path: Path, path, top, reg, bits):
    from rtlopt.design import DesignRef
    from rtlopt.engine.parampin import design_configs, pin_text
    from rtlopt.hdl.project import syntax_tree
    from rtlopt.verify import VerifyOptions, check_equivalence

    text = path.read_text()
    ms = [m for m in RW.match(text) if f"{reg} -> {bits} bits" in m.description]
    assert ms, _descs(text)
    new = RW.rewrite(text, ms[:1])
    assert analyze(new).errors == 0
    pinned = pin_text(text, new, design_configs(SimpleNamespace(trees=[syntax_tree(text, path.name)]), top))
    assert pinned is not None
    g = tmp_path / ("new" + path.suffix)
    g.write_text(pinned)
    res = check_equivalence(DesignRef([path], top), DesignRef([g], top), VerifyOptions(engines=("smt",), timeout_s=120))
    assert res.verdict.name == "EQUIVALENT", res.reason


def test_limit_reading_an_input_not_narrowed():
    text = BUSY.read_text()
    text = text.replace("input  logic start,", "input  logic start,\n  input  logic [15:0] extra,")
    text = text.replace("if (cyc == PULSES * PERIOD - 1)", "if (cyc == PULSES * PERIOD - 1 + extra)")
    text = text.replace(".start(go),", ".start(go), .extra(ext),")
    text = text.replace("input  logic clk, rst, go,", "input  logic clk, rst, go,\n  input  logic [15:0] ext,")
    assert "+ extra" in text and ".extra(ext)" in text
    got = _descs(text)
    assert not any("cyc 16 ->" in d for d in got), got


def test_counter_running_while_idle_not_narrowed():
    text = IDLE.read_text()
    # the tick counter also advances while idle: free-running, no bound
    text = text.replace("      if (trig) begin\n", "      tm <= tm + 1'b1;\n      if (trig) begin\n")
    assert text.count("tm <= tm + 1'b1;") == 2
    got = _descs(text)
    assert not any("tm 16 ->" in d for d in got), got
