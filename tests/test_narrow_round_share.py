"""The SMT width-and-range round (:func:`rtlopt.verify._smt._narrowing_houdini`) gets up to
NARROW_HOUDINI_S seconds and NARROW_HOUDINI_SHARE of the time left: its few candidates are the whole proof
of a counter narrowing, but in a miter of 32-bit ``int``/``integer`` counters with xprop masks its BMC filter
and Houdini rounds take 5-10 s under load (heldout14 rtc/clock_cal: four cascaded integer counters, the
round ran out at 5 s and a quarter of the search's 19 s proof, the mining then needed 45-65 s). The per-state
bounds (:func:`_narrowed_state_bounds`) take the gate's narrowed words first: gold's register names are lost
after xprop, and the limit ran out on gold's words before the gate's timer had a bound per state.

Designs: generalization/ranges/cascade_tick_mods_sv (SV: tick divider and two cascaded wrap counters, one
module each, ``int unsigned``, parameters from the top) and phase_int_timer_onebody_v (Verilog: one always
block, integer phase timer restarted on entry, a limit per phase from the top). Near misses: a rare load past
the bound, and a bound that is an input (no 6-bit candidate; the 6-bit reference refuted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import DesignRef
from rtlopt.templates import REGISTRY
from rtlopt.templates._sem import analyze
from rtlopt.verify import VerifyOptions, check_equivalence

ROOT = Path(__file__).resolve().parents[1]
D = ROOT / "designs/generalization/ranges"
CASC = D / "cascade_tick_mods_sv"
PHASE = D / "phase_int_timer_onebody_v"


def _smt(tmp_path: Path, gold: Path, gate_text: str, top: str, timeout: float = 90):
    g = tmp_path / ("gate" + gold.suffix)
    g.write_text(gate_text)
    return check_equivalence(DesignRef([gold], top), DesignRef([g], top),
                             VerifyOptions(engines=("smt",), timeout_s=timeout))


def _widths(text: str, name: str) -> list[str]:
    ms = REGISTRY["register_width_reduction"].match(analyze(text, name))
    return [m.description.split(": ", 1)[1].split(" behind")[0] for m in ms]


@pytest.mark.yosys
@pytest.mark.parametrize("d,top,what", [(CASC, "lap_timer", "width and range invariants"),
                                        (PHASE, "kiln_vent", "per-state bound invariants")])
def test_reference_proven_by_the_width_round(tmp_path: Path, d: Path, top: str, what: str):
    gold = next(d.glob("original.*"))
    ref = next(d.glob("reference.*"))
    res = _smt(tmp_path, gold, ref.read_text(), top)
    assert res.verdict.name == "EQUIVALENT", res.reason
    # the width round itself (before: it ran out and the cascade was left to the mining)
    assert what in res.reason, res.reason


def test_candidates_per_counter():
    assert _widths((CASC / "original.sv").read_text(), "c.sv") == ["pre (int unsigned) 32 -> 6 bits",
                                                                    "c (int unsigned) 32 -> 7 bits"]
    assert _widths((PHASE / "original.v").read_text(), "p.v") == ["t (integer) 32 -> 6 bits"]


# a rare path (sync pulse) loads the divider past its wrap point: 103 needs 7 bits, and its low 6 bits
# are the tick value (the 6-bit copy ticks at once)
RARE = ("            if (pre >= DIV - 1) pre <= 0;",
        "            if (sync) pre <= DIV + 63;\n            else if (pre >= DIV - 1) pre <= 0;")
# the wrap point is an input (up to 255): not 6 bits
INPUT = ("            if (pre >= DIV - 1) pre <= 0;", "            if (pre >= lim) pre <= 0;")


def _bend(text: str, edit, port: str) -> str:
    text = text.replace(*edit).replace("    input  logic run,\n", f"    input  logic run,\n    {port}\n", 1)
    extra = ".sync(clr)" if "sync" in port else ".lim({clr, 7'd100})"
    return text.replace(".run(run), .tick(t)", f".run(run), {extra}, .tick(t)")


@pytest.mark.parametrize("edit,port", [(RARE, "input  logic sync,"), (INPUT, "input  logic [7:0] lim,")])
def test_near_misses_get_no_6_bit_candidate(edit, port):
    orig = (CASC / "original.sv").read_text()
    assert edit[0] in orig
    assert "pre (int unsigned) 32 -> 6 bits" not in _widths(_bend(orig, edit, port), "g.sv")


@pytest.mark.yosys
def test_rare_load_past_the_bound_refuted(tmp_path: Path):
    ref = (CASC / "reference.sv").read_text()
    assert RARE[0].replace("pre <=", "pre_q <=") in ref
    gp = tmp_path / "gold.sv"
    gp.write_text(_bend((CASC / "original.sv").read_text(), RARE, "input  logic sync,"))
    gate = _bend(ref, (RARE[0].replace("pre <=", "pre_q <="), RARE[1].replace("pre <=", "pre_q <=")),
                 "input  logic sync,")
    res = _smt(tmp_path, gp, gate, "lap_timer", timeout=60)
    assert res.verdict.name == "NOT_EQUIVALENT", res.reason
