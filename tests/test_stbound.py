"""Per-state register bounds as a least fixed point on the miter (rtlopt.verify._stbound), real Yosys + z3.

Timers narrowed to the values they reach per controller state are proven by z3's narrowing round with
the computed bounds (the guessed per-state candidates missed pairs and ran out of time); a narrowing one
bit too small, which differs only after a timer runs past the smaller width hundreds of cycles from
reset, is still refuted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import DesignRef
from rtlopt.verify import VerifyOptions, check_equivalence

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "stateinv"


def _check(gold: Path, gate: Path, top: str, engines=("smt",), timeout_s: float = 240.0):
    return check_equivalence(DesignRef([gold], top), DesignRef([gate], top),
                             VerifyOptions(engines=engines, timeout_s=timeout_s))


def _kiln(tmp_path: Path, heat: int, soak: int, cool: int) -> Path:
    t = (GEN / "kiln_timers_sv" / "original.sv").read_text()
    t = t.replace("logic [15:0] th, ts, tc;", f"logic [{heat - 1}:0] th;\n  logic [{soak - 1}:0] ts;\n"
                  f"  logic [{cool - 1}:0] tc;")
    for r, w in (("th", heat), ("ts", soak), ("tc", cool)):
        t = t.replace(f"{r} <= {r} + 16'd1", f"{r} <= {r} + {w}'d1")
    p = tmp_path / f"kiln_{heat}_{soak}_{cool}.sv"
    p.write_text(t)
    return p


@pytest.mark.yosys
def test_restyled_pump_timer_narrowed_equivalent():
    # Verilog, one process, one timer shared by two timed states, synchronous reset (gold via xprop)
    d = GEN / "pump_timer_v"
    res = _check(d / "original.v", d / "reference.v", "pump_ctl")
    assert res.verdict.name == "EQUIVALENT", res.reason


@pytest.mark.yosys
def test_three_phase_timers_narrowed_proven_by_fixed_point_bounds(tmp_path):
    # 16-bit timers narrowed to 4/6/5 bits; each is bounded only per phase (11 in HEAT and 12 on leaving
    # it, 0 in the other phases): without the fixed point z3 needed ~900 mined invariants (70 s at load 14).
    # The bounds are computed, not guessed: the soak timer's own (39 in SOAK, 40 on leaving it) is among
    # them; Houdini proves them with the outputs equal
    from rtlopt.verify import _stbound

    got: list = []
    orig = _stbound.state_bound_candidates

    def spy(*a, **k):
        out = orig(*a, **k)
        got.append([str(c) for c in out])
        return out

    _stbound.state_bound_candidates = spy
    try:
        d = GEN / "kiln_timers_sv"
        res = _check(d / "original.sv", d / "reference.sv", "kiln_seq")
    finally:
        _stbound.state_bound_candidates = orig
    assert res.verdict.name == "EQUIVALENT", res.reason
    assert "fixed point" in res.reason
    assert got and got[0], "the fixed point gave no bounds"
    flat = " ".join(got[0]).replace("\n", " ")
    assert "39)" in flat and "40)" in flat


@pytest.mark.yosys
@pytest.mark.slow
def test_timer_narrowed_one_bit_too_far_is_refuted(tmp_path):
    # the soak timer in 5 bits: it wraps at 32 before reaching 39, so SOAK lasts longer -- a difference
    # about 200 cycles from reset, past any BMC depth (found by the deep random simulation, z3-confirmed)
    d = GEN / "kiln_timers_sv"
    res = _check(d / "original.sv", _kiln(tmp_path, 4, 5, 5), "kiln_seq", timeout_s=400.0)
    assert res.verdict.name == "NOT_EQUIVALENT", res.reason


@pytest.mark.yosys
@pytest.mark.slow
def test_pump_timer_narrowed_below_its_bound_is_refuted(tmp_path):
    # 4 bits for a timer that counts to 19 in PRIME: differs some 60 cycles from reset
    d = GEN / "pump_timer_v"
    t = (d / "original.v").read_text().replace("reg [9:0] t;", "reg [3:0] t;").replace("10'd", "4'd")
    g = tmp_path / "pump4.v"
    g.write_text(t)
    res = _check(d / "original.v", g, "pump_ctl", timeout_s=400.0)
    assert res.verdict.name == "NOT_EQUIVALENT", res.reason


BEACON_MAP = {"gold_reg": "st", "gate_reg": "st_q", "map": {"1": 0, "2": 1, "4": 3, "8": 2, "16": 6}}


@pytest.mark.yosys
def test_onehot_machine_reencoded_proven_by_state_map_round():
    # one-hot codes -> 3-bit binary (the FSM engine's state map as the hint), beside a span counter and a
    # bit index bounded per state: the state-map round (equalities, the map's code pairs, the index and
    # counter bounded per new code by the fixed point) proves it
    d = GEN / "beacon_onehot_sv"
    res = check_equivalence(DesignRef([d / "original.sv"], "beacon"), DesignRef([d / "reference.sv"], "beacon"),
                            VerifyOptions(engines=("smt",), timeout_s=240.0, state_map=BEACON_MAP))
    assert res.verdict.name == "EQUIVALENT", res.reason
    assert "state-map" in res.reason


@pytest.mark.yosys
def test_reencoded_machine_leaving_one_bit_early_is_refuted(tmp_path):
    # the binary machine leaves BITS one index early: a difference some 30 cycles from reset (the FSM
    # candidates' engine order, ABC first, as the search proves them; no trace needed)
    d = GEN / "beacon_onehot_sv"
    g = tmp_path / "wrong.sv"
    g.write_text((d / "reference.sv").read_text().replace("if (idx == NBITS - 1) begin st_q <= GAP;",
                                                          "if (idx == NBITS - 2) begin st_q <= GAP;"))
    res = check_equivalence(DesignRef([d / "original.sv"], "beacon"), DesignRef([g], "beacon"),
                            VerifyOptions(engines=("abc", "smt", "abc"), timeout_s=240.0, state_map=BEACON_MAP,
                                          counterexample=False))
    assert res.verdict.name == "NOT_EQUIVALENT", res.reason
