"""Registers busy in disjoint phases share one register (rtlopt.semantic.lifeshare), and the SMT engine's
phase-sharing invariants that prove it (verify/_smt._phase_sharing).

Fires: a localparam FSM's two timers reloaded on entry (Verilog case), an SV enum FSM's 4/5-bit timers
where the ring timer waits at 0 (one write added at the entry to its state), prime/run timers advanced by
functions behind a 1-bit phase flag in a module instantiated twice, an auto-repeat delay/rate pair (the
rule's example). Near-misses that must not fire: a timer also counting in the other phase (overlapping
lifetimes), a timer read in the other phase (an output shows it), a timer neither reloaded on entry nor
waiting at one constant. Real Yosys, simulation and z3."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic import lifeshare

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "sharing"


def _run(tmp_path: Path, name: str, top: str, edits: list[tuple[str, str]] = (), timeout_s: float = 60):
    src = next((GEN / name).glob("original.*"))
    text = src.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    f = tmp_path / ("d" + src.suffix)
    f.write_text(text)
    return f, lifeshare.candidates_for({f: text}, top, timeout_s=timeout_s)


def _smt_verdict(tmp_path: Path, old: Path, new_text: str, top: str, timeout_s: float = 150,
                 engines: tuple[str, ...] = ("smt",)) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("smt" + old.suffix)
    g.write_text(new_text)
    res = check_equivalence(DesignRef([old], top), DesignRef([g], top),
                            VerifyOptions(engines=engines, timeout_s=timeout_s))
    return res.verdict


def _decls(text: str, names: list[str]) -> int:
    import re

    return sum(bool(re.search(rf"^\s*(?:reg|logic)\b[^;]*\b{n}\b[^;]*;", text, re.M)) for n in names)


@pytest.mark.yosys
def test_reloaded_fsm_timers_share_and_smt_proves(tmp_path):
    f, got = _run(tmp_path, "lifeshare_burst_v", "burst_gen")
    assert len(got) == 1, got
    new, desc = got[0]
    t = new[f]
    assert _decls(t, ["on_cnt", "off_cnt"]) == 1, t
    assert "busy in disjoint phases" in desc
    # only renaming: no write added, the reloads on entry do it
    assert t.count("<= 4'd0;") == f.read_text().count("<= 4'd0;") - 1
    assert _smt_verdict(tmp_path, f, t, "burst_gen") == "EQUIVALENT"


@pytest.mark.yosys
def test_timer_waiting_at_zero_gets_a_write_at_its_entry(tmp_path):
    f, got = _run(tmp_path, "lifeshare_chime_sv", "door_chime")
    assert len(got) == 1, got
    t = got[0][0][f]
    assert _decls(t, ["settle_q", "ring_q"]) == 1 and "logic [4:0] ring_q;" in t
    # the one added write, at the entry to RINGING, with no guard (the case item implies it)
    assert "else if (ring_q == 4'(SETTLE - 1)) begin st <= RINGING; ring_q <= 0; end" in t, t
    assert t.count("ring_q <= 0;") == 1
    assert _smt_verdict(tmp_path, f, t, "door_chime") == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.slow
def test_function_timers_behind_a_flag_in_two_instances(tmp_path):
    f, got = _run(tmp_path, "lifeshare_pump_func_v", "pump_pair")
    assert len(got) == 1, got
    t = got[0][0][f]
    assert _decls(t, ["prime_t", "run_t"]) == 1 and "prime_t" not in t
    assert "begin running <= 1'b1; run_t <= 0; pump_on <= 1'b1; end" in t, t
    # one module edited for both instances; the module alone is proven by the SMT engine
    assert _smt_verdict(tmp_path, f, t, "pump_ctl") == "EQUIVALENT"


@pytest.mark.yosys
def test_rule_example_auto_repeat(tmp_path):
    import yaml

    rule = yaml.safe_load((ROOT / "rules" / "register" / "register_lifetime_sharing.yaml").read_text())
    ex = rule["examples"][0]
    f = tmp_path / "auto_rep.v"
    f.write_text(ex["before"])
    got = lifeshare.candidates_for({f: ex["before"]}, ex["top"], timeout_s=60)
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "rcnt" not in t and "begin repeating <= 1'b1; dcnt <= 0; rep <= 1'b1; end" in t, t
    assert _smt_verdict(tmp_path, f, t, ex["top"]) == "EQUIVALENT"


@pytest.mark.yosys
def test_overlapping_lifetimes_do_not_fire(tmp_path):
    # the low-phase timer also counts while the output is high
    _f, got = _run(tmp_path, "lifeshare_burst_v", "burst_gen", [(
        "else on_cnt <= on_cnt + 4'd1;",
        "else begin on_cnt <= on_cnt + 4'd1; off_cnt <= off_cnt + 4'd1; end")])
    assert got == []


@pytest.mark.yosys
def test_timer_read_in_the_other_phase_does_not_fire(tmp_path):
    # the settle count is shown on an output in every state (ringing included)
    _f, got = _run(tmp_path, "lifeshare_chime_sv", "door_chime", [
        ("output logic chime\n", "output logic chime,\n  output logic [3:0] settle_seen\n"),
        ("assign chime = (st == RINGING);", "assign chime = (st == RINGING);\n  assign settle_seen = settle_q;")])
    assert got == []


@pytest.mark.yosys
def test_timer_not_reloaded_on_entry_does_not_fire(tmp_path):
    # the low-phase timer resumes from wherever it stopped (8 after a full phase, less after 'stop')
    _f, got = _run(tmp_path, "lifeshare_burst_v", "burst_gen", [(
        "begin st <= OFF; off_cnt <= 4'd0; out <= 1'b0; end", "begin st <= OFF; out <= 1'b0; end")])
    assert got == []
