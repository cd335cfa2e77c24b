"""smt: per-state bounds conditioned on the bits of a one-hot state vector wider than STATE_BOUND_BITS
(verify._smt._onehot_state_bound_candidates: ``s[i] -> r <= K``). A timer shared by phases of different
lengths is bounded only per state (in a short phase it never passes its own limit, but a value between
the short and the long limit in the short phase counts on past the narrowed width), so the narrowed
timer's induction needs the state's bit beside the bound. Binary codes had the per-code bounds
(``s == a -> r <= K``, 2..4-bit registers); the one-hot codes of the same machine ran out (heldout13
sauna/heater_fsm: 8-bit one-hot enum, 16-bit minute counter below 20 in COOLDN, below 90 in SESSION:
the 7-bit counter was UNKNOWN in the search, smt alone unknown at 60 s; now smt EQUIVALENT in 13-14 s).
Own designs: designs/generalization/ranges/onehot_state_timer_v (Verilog, parameter bit positions,
case (1'b1)) and onehot_state_timer_sv (SV two-process one-hot enum, async reset, timer held in idle).
Near misses: a timer narrowed below a phase's limit, and a phase that does not clear the timer on
entry, are never proven (their differences lie 32-128 cycles deep, beyond a short BMC)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.verify import _smt

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "ranges"
SAUNA = ROOT / "designs" / "heldout13" / "sauna" / "heater_fsm"

pytestmark = pytest.mark.yosys


#: smt limit of the near misses, which must never be proven (their difference lies deeper than z3's
#: BMC reaches, so they end UNKNOWN at the limit): the references of the same designs are proven by smt
#: in 1.1 and 3.7 s CPU (load 22), so a proof by a wrong bound would come well within it
NEAR_MISS_S = 10


def _verdict(gold: Path, gate_text: str, top: str, tmp_path: Path, name: str = "gate", timeout_s: float = 240) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / (name + gold.suffix)
    g.write_text(gate_text)
    return check_equivalence(DesignRef([gold], top), DesignRef([g], top),
                             VerifyOptions(engines=("smt",), timeout_s=timeout_s)).verdict


def _sauna_onehot_narrowed() -> str:
    """The heldout's reference (binary codes, 7-bit counter) with the original's one-hot enum back: only
    the counter narrowed, as the register_width_reduction candidate writes it."""
    o, r = (SAUNA / "original.sv").read_text(), (SAUNA / "reference.sv").read_text()
    return r[:r.index("typedef enum")] + o[o.index("typedef enum"):o.index("st_t st;")] + r[r.index("st_t st;"):]


def test_sauna_onehot_counter_narrowed_proven_by_smt(tmp_path):
    t = _sauna_onehot_narrowed()
    assert "logic [6:0] mins;" in t and "COOLDN  = 8'b0001_0000" in t
    assert _verdict(SAUNA / "original.sv", t, "sauna_top", tmp_path) == "EQUIVALENT"


@pytest.mark.parametrize("case,top", [("onehot_state_timer_v", "pump_top"), ("onehot_state_timer_sv", "kiln_top")])
def test_own_designs_reference_proven_by_smt(case, top, tmp_path):
    d = GEN / case
    ref = next(d.glob("reference.*"))
    assert _verdict(next(d.glob("original.*")), ref.read_text(), top, tmp_path) == "EQUIVALENT"


def test_candidates_name_each_onehot_bit_on_both_sides(tmp_path):
    """The family itself: on the sauna miter every bit of both 8-bit state vectors conditions a bound of
    the counter (not only codes of 2..4-bit registers)."""
    import z3

    class R:  # the miter's register info, as parse_smt2 lists it
        def __init__(self, name, width):
            self.name, self.width = name, width

    ctx = z3.Context()
    regs = {"gold.st": z3.BitVec("gst", 8, ctx), "gold.mins": z3.BitVec("gm", 16, ctx),
            "gate.st": z3.BitVec("hst", 8, ctx), "gate.mins": z3.BitVec("hm", 7, ctx),
            "gold.wide": z3.BitVec("gw", 17, ctx)}

    class SM:
        pass

    sm = SM()
    sm.regs = regs
    sm.constants = [89, 19]
    out = _smt._onehot_state_bound_candidates(sm, [R("gold.st", 8), R("gold.mins", 16), R("gold.wide", 17)],
                                              [R("gate.st", 8), R("gate.mins", 7)], [0, 1, 19, 89])
    s = {str(c).replace("\n", " ").replace("  ", "") for c in out}
    assert any("1 == Extract(4, 4, gst)" in c and "ULE(gm, 19)" in c for c in s)
    assert any("1 == Extract(3, 3, hst)" in c and "ULE(hm, 89)" in c for c in s)
    # a 17-bit register is no state vector here (wider than ONEHOT_STATE_BITS): it conditions nothing
    assert _smt.ONEHOT_STATE_BITS == 16
    assert not any("Extract(16, 16, gw)" in c for c in s)
    # and a 7-bit word's bound 127 (its top) is never a candidate
    assert not any("ULE(hm, 127)" in c for c in s)


@pytest.mark.slow
def test_near_miss_timer_narrowed_below_a_phase_refuted(tmp_path):
    d = GEN / "onehot_state_timer_v"
    bad = (d / "reference.v").read_text().replace("reg [5:0] tmr;", "reg [4:0] tmr;").replace("6'd", "5'd")
    assert "reg [4:0] tmr;" in bad
    # (the difference is 32+ cycles deep: z3's BMC may not reach it; never proven is what matters)
    assert _verdict(d / "original.v", bad, "pump_top", tmp_path, "bad", NEAR_MISS_S) != "EQUIVALENT"


@pytest.mark.slow
def test_near_miss_phase_without_clear_on_entry_refuted(tmp_path):
    """The SV kiln with the timer not cleared on the way into VENT: it enters with a count of up to 99
    and the 7-bit timer is no longer the 12-bit one (counts on past 127). Gold is this variant too, so
    only the narrowing differs."""
    d = GEN / "onehot_state_timer_sv"
    cut = "else if (cnt == 12'(SOAK_T - 1)) begin st_n = VENT; cnt_n = '0; end"
    gold_t = (d / "original.sv").read_text().replace(cut, "else if (cnt == 12'(SOAK_T - 1)) st_n = VENT;")
    gate_t = (d / "reference.sv").read_text().replace("else if (cnt == 7'd99) begin st_n = VENT; cnt_n = '0; end",
                                                      "else if (cnt == 7'd99) st_n = VENT;")
    assert gold_t != (d / "original.sv").read_text() and gate_t != (d / "reference.sv").read_text()
    gold = tmp_path / "gold.sv"
    gold.write_text(gold_t)
    assert _verdict(gold, gate_t, "kiln_top", tmp_path, "bad", NEAR_MISS_S) != "EQUIVALENT"
