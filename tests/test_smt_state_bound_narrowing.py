"""A timer narrowed by a rewrite whose range holds only per state of its machine (compared with a
different limit in each state): the SMT width-and-range round (:func:`rtlopt.verify._smt._narrowing_houdini`)
retries with ``s == a -> r <= K`` for the narrowed registers (:func:`_narrowed_state_bounds`) when the
plain round fails, instead of falling through to the whole structural set (heldout13 aquarium/feeder_fsm:
541 structural invariants, 8.5-17 s under load, UNKNOWN in the search's 21 s slot; now 140 in ~1.5 s
of Houdini).

Designs: generalization/ranges/state_timer_bound_v (Verilog two-process, integer count, per-phase
limits 9/30/6) and state_timer_bound_sv (SV enum, 16-bit timer in one always_ff, 7/40/11).
Near misses: the count too narrow for the fill phase (a difference), and a machine whose global bound is inductive
on its own (the plain round proves it, the new round is not needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import DesignRef
from rtlopt.verify import VerifyOptions, check_equivalence

ROOT = Path(__file__).resolve().parents[1]
D = ROOT / "designs/generalization/ranges"
V = D / "state_timer_bound_v"
SV = D / "state_timer_bound_sv"


def _smt(tmp_path: Path, gold: Path, gate_text: str, top: str):
    g = tmp_path / ("gate" + gold.suffix)
    g.write_text(gate_text)
    return check_equivalence(DesignRef([gold], top), DesignRef([g], top),
                             VerifyOptions(engines=("smt",), timeout_s=120))


@pytest.mark.yosys
@pytest.mark.parametrize("d,top", [(V, "state_timer_bound_v"), (SV, "state_timer_bound_sv")])
def test_per_state_bound_narrowing_proven_by_width_range_round(tmp_path: Path, d: Path, top: str):
    gold = next(d.glob("original.*"))
    ref = next(d.glob("reference.*"))
    res = _smt(tmp_path, gold, ref.read_text(), top)
    assert res.verdict.name == "EQUIVALENT", res.reason
    assert "per-state bound invariants" in res.reason, res.reason


@pytest.mark.yosys
def test_too_narrow_is_a_difference(tmp_path: Path):
    # 3 bits hold 0..7: the fill phase (9 ticks) wraps at 7 and never ends in the narrow copy (a
    # difference ten cycles after reset)
    bad = (V / "reference.v").read_text().replace("reg [4:0] n;", "reg [2:0] n;").replace("5'd1", "3'd1")
    assert "reg [2:0] n;" in bad
    res = _smt(tmp_path, V / "original.v", bad, "state_timer_bound_v")
    assert res.verdict.name == "NOT_EQUIVALENT", res.reason


@pytest.mark.yosys
def test_global_bound_alone_needs_no_state_round(tmp_path: Path):
    # every phase compares with the same limit: n <= 29 is inductive alone, the plain round proves it
    orig = (V / "original.v").read_text().replace(".FILL_N(9)", ".FILL_N(30)").replace(".DRAIN_N(6)", ".DRAIN_N(30)")
    gold = tmp_path / "gold.v"
    gold.write_text(orig)
    gate = orig.replace("  integer n;", "  reg [4:0] n;")
    res = _smt(tmp_path, gold, gate, "state_timer_bound_v")
    assert res.verdict.name == "EQUIVALENT", res.reason
    assert "width and range invariants" in res.reason and "per-state" not in res.reason, res.reason
