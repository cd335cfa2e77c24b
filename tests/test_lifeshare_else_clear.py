"""Register lifetime sharing (rtlopt.semantic.lifeshare) of timers each written by an if/else of its own:
``if (in its states) t <= t + 1; else t <= 0;`` -- the heldout10 lcd/hd44780_init style. A plain renaming
is wrong (the later statement's else clears the other timer's count in its phase); the later of the two
else-clears goes, and where the two phases touch (door_lock: the motor run ends straight into the open
hold) the kept register gets the value the other timer starts its phase with at the entry.

Fires: gas_seq (Verilog localparam FSM, 5-/4-bit counters with a state between their phases), door_lock
(SV enum FSM, begin/end else clears, adjacent phases). Near-misses that must not fire: the cool-down
counter also counting while warming (overlapping lifetimes), the warm-up count read while cooling down.
Real Yosys, simulation and z3."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.semantic import lifeshare

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "sharing"


def _run(tmp_path: Path, name: str, top: str, edits: list[tuple[str, str]] = ()):
    src = next((GEN / name).glob("original.*"))
    text = src.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    f = tmp_path / ("d" + src.suffix)
    f.write_text(text)
    return f, lifeshare.candidates_for({f: text}, top, timeout_s=60)


def _smt_verdict(tmp_path: Path, old: Path, new_text: str, top: str, timeout_s: float = 150) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("smt" + old.suffix)
    g.write_text(new_text)
    res = check_equivalence(DesignRef([old], top), DesignRef([g], top),
                            VerifyOptions(engines=("smt",), timeout_s=timeout_s))
    return res.verdict


@pytest.mark.yosys
def test_else_cleared_timers_share_one_register(tmp_path):
    f, got = _run(tmp_path, "lifeshare_else_clear_v", "gas_seq")
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "cool_cnt" not in t, t
    # the cool-down's else clear went (the warm-up's, earlier in the block, clears outside WARM)
    assert "if (st == COOL) warm_cnt <= warm_cnt + 4'd1;\n            case" in t, t
    assert len(re.findall(r"warm_cnt <= 5'd0;", t)) == 2  # reset and the warm-up's else
    assert _smt_verdict(tmp_path, f, t, "gas_seq") == "EQUIVALENT"


@pytest.mark.yosys
def test_adjacent_phases_get_the_entry_value(tmp_path):
    f, got = _run(tmp_path, "lifeshare_else_clear_sv", "door_lock")
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "run_t" not in t and "logic [5:0] hold_t;" in t, t
    # the later else clear (the hold timer's) went; the motor run ends into OPEN with the count cleared
    assert "end else begin\n            end" in t, t
    assert "begin state <= OPEN; hold_t <= 0; end" in t, t
    assert _smt_verdict(tmp_path, f, t, "door_lock") == "EQUIVALENT"


@pytest.mark.yosys
def test_overlapping_else_cleared_timers_do_not_fire(tmp_path):
    _f, got = _run(tmp_path, "lifeshare_else_clear_v", "gas_seq", [
        ("if (st == COOL) cool_cnt", "if (st == COOL || st == WARM) cool_cnt")])
    assert got == []


@pytest.mark.yosys
def test_timer_read_in_the_other_phase_does_not_fire(tmp_path):
    # busy drops when the warm-up count is 3, whatever the state: the cool-down would show there
    _f, got = _run(tmp_path, "lifeshare_else_clear_v", "gas_seq", [
        ("assign busy   = (st != IDLE);", "assign busy   = (st != IDLE) && (warm_cnt != 5'd3);")])
    assert got == []
