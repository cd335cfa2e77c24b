"""Up/down counters wrapping within ``0 .. N-1`` both ways (up: ``N-1 -> 0``, down: ``0 -> N-1``), ``N`` a
parameter set by the top: register_width_reduction bounds them (z3 induction of ``r <= N-1`` over both
directions) and the word-level SMT engine proves the narrowed copy with its width-and-range round
(:func:`rtlopt.verify._smt._narrowing_houdini`: equal registers, ``gold.r == zext(gate.r')`` and
``r <= K`` only). The whole structural candidate set (1000+ on an xprop-encoded gold) made the quick
Houdini run out of its slice and the full mining take 30-40 s under load, past the search's proof slot
(heldout9 motor/quad_pos stayed UNCHANGED).

Designs: generalization/ranges/updown_wrap_ternary_v (Verilog ?: with compare wires, two instances
MOD=360/100) and updown_wrap_case_sv (SV unique case on {inc, dec}, ``>=`` up-wrap, SLOTS=48).
Near-misses: a down-wrap to MOD (above the up bound, with a ``>=`` up-wrap the range is 0..MOD:
10 bits for MOD = 512, never 9), a pointer that also loads a 12-bit input (no narrowing), and a
copy one bit too narrow (the prover finds the difference)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from rtlopt.templates._regwidth import RegisterWidthReduction
from rtlopt.templates._sem import analyze

RW = RegisterWidthReduction()
ROOT = Path(__file__).resolve().parents[1]
D = ROOT / "designs/generalization/ranges"
TERN = D / "updown_wrap_ternary_v/original.v"
CASE = D / "updown_wrap_case_sv/original.sv"


def _descs(text: str) -> list[str]:
    return [m.description for m in RW.match(text)]


def _pinned(text: str, new: str, top: str, name: str) -> str:
    from rtlopt.engine.parampin import design_configs, pin_text
    from rtlopt.hdl.project import syntax_tree

    cfg = design_configs(SimpleNamespace(trees=[syntax_tree(text, name)]), top)
    out = pin_text(text, new, cfg)
    assert out is not None
    return out


def _smt(tmp_path: Path, old: Path, new_text: str, top: str):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("new" + old.suffix)
    g.write_text(new_text)
    return check_equivalence(DesignRef([old], top), DesignRef([g], top),
                             VerifyOptions(engines=("smt",), timeout_s=120))


@pytest.mark.yosys
@pytest.mark.parametrize("path,top,reg,bits", [
    (TERN, "dial2", "ang 16", 9),
    (CASE, "ring_ctl", "p 12", 6),
])
def test_updown_wrap_narrowed_and_proven_by_width_range_round(tmp_path: Path, path, top, reg, bits):
    text = path.read_text()
    ms = [m for m in RW.match(text) if f"{reg} -> {bits} bits" in m.description]
    assert ms, _descs(text)
    new = RW.rewrite(text, ms[:1])
    assert analyze(new).errors == 0
    # as the search proves it: pinned to the parameter values of the elaboration
    res = _smt(tmp_path, path, _pinned(text, new, top, path.name), top)
    assert res.verdict.name == "EQUIVALENT", res.reason
    assert "width and range invariants" in res.reason, res.reason


@pytest.mark.yosys
def test_one_bit_too_narrow_is_a_difference(tmp_path: Path):
    text = TERN.read_text()
    # 8 bits cannot hold 359: the counter wraps at 255 going up in the narrow copy
    bad = text.replace("reg [15:0] ang;", "reg [7:0] ang;")
    assert bad != text
    res = _smt(tmp_path, TERN, bad, "dial2")
    assert res.verdict.name == "NOT_EQUIVALENT", res.reason


def test_down_wrap_above_the_up_bound_not_narrowed_to_it():
    text = CASE.read_text()
    # back from 0 to SLOTS (one past the forward wrap point): 0..SLOTS, 65 values for SLOTS = 64
    text = text.replace("2'b01:   p <= (p == '0) ? 12'(LAST) : p - 12'd1;",
                        "2'b01:   p <= (p == '0) ? 12'(SLOTS) : p - 12'd1;")
    text = text.replace("#(.SLOTS(48))", "#(.SLOTS(64))")
    assert "12'(SLOTS)" in text and "SLOTS(64)" in text
    got = _descs(text)
    assert not any("p 12 -> 6 bits" in d for d in got), got
    assert any("p 12 -> 7 bits" in d for d in got), got


def test_pointer_that_also_loads_an_input_not_narrowed():
    text = CASE.read_text()
    text = text.replace("input  logic       dec,", "input  logic       dec,\n  input  logic [11:0] load_v,")
    text = text.replace("        default: p <= p;", "        2'b11:   p <= load_v;\n        default: p <= p;")
    text = text.replace("input  logic       clk, rst, push, pop,", "input  logic       clk, rst, push, pop,\n  input  logic [11:0] lv,")
    text = text.replace(".dec(pop),", ".dec(pop), .load_v(lv),")
    assert "p <= load_v" in text
    got = _descs(text)
    assert not any("p 12 ->" in d for d in got), got
