"""lifeshare's first sharing offered with the register width templates applied on top (the kept
register keeps the wider declaration: heldout11 clock/alarm_snooze's two 16-bit timers counting to 19
and 6 became one 16-bit register, narrowed only a round later, after the budget), with a ``stage`` hint
(the sharing alone) so the search may prove it in two steps. Real Yosys, simulation and z3."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from rtlopt.semantic import lifeshare

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "sharing"
WIDE = [("logic [3:0] settle_q;", "logic [15:0] settle_q;"), ("logic [4:0] ring_q;", "logic [15:0] ring_q;"),
        ("4'(SETTLE - 1)", "16'(SETTLE - 1)"), ("5'(HOLD - 1)", "16'(HOLD - 1)"),
        ("settle_q + 4'd1", "settle_q + 16'd1"), ("ring_q + 5'd1", "ring_q + 16'd1")]


def _wide(tmp_path: Path) -> tuple[Path, str]:
    text = (GEN / "lifeshare_chime_sv" / "original.sv").read_text()
    for old, new in WIDE:
        assert old in text, old
        text = text.replace(old, new)
    f = tmp_path / "d.sv"
    f.write_text(text)
    return f, text


@pytest.mark.yosys
@pytest.mark.slow
def test_shared_wide_timers_come_narrowed_and_staged(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    f, text = _wide(tmp_path)
    got = lifeshare._with_narrowing({f: text}, "door_chime", 60)
    assert len(got) >= 2, [d for _n, d in got]
    new, desc = got[0]
    assert "; then register_width_reduction" in desc, desc
    decls = re.findall(r"logic \[(\d+):0\] (settle_q|ring_q);", new[f])
    assert len(decls) == 1 and int(decls[0][0]) + 1 == 5, decls  # one register, HOLD = 27 -> 5 bits
    g = tmp_path / "g.sv"
    g.write_text(new[f])
    res = check_equivalence(DesignRef([f], "door_chime"), DesignRef([g], "door_chime"),
                            VerifyOptions(engines=lifeshare.PROOF_ENGINES, timeout_s=240))
    assert res.verdict == "EQUIVALENT"
    # the search-loop generator: the combination carries the sharing alone as its stage
    st = SimpleNamespace(texts={f: text}, design=SimpleNamespace(top="door_chime"), deadline=None)
    cands = lifeshare.lifeshare_candidates(st)
    staged = [c for c in cands if "stage" in c.hints]
    assert staged and all(c.hints["stage"] in {n[f] for n, _d in got[1:]} for c in staged)
    assert all(c.hints["engines"] == ("smt", "abc") for c in cands)


@pytest.mark.yosys
def test_timer_counting_in_both_phases_gives_nothing(tmp_path):
    f, text = _wide(tmp_path)
    # the settle timer also counts while ringing: overlapping lifetimes, no sharing, no narrowing combo
    text = text.replace("else ring_q <= ring_q + 16'd1;",
                        "else begin ring_q <= ring_q + 16'd1; settle_q <= settle_q + 16'd1; end")
    f.write_text(text)
    assert lifeshare._with_narrowing({f: text}, "door_chime", 60) == []
