"""Flags that are a comparison of a state register whose decisive state a random simulation never
reaches (rtlopt.semantic.regfunc._predicates): every comparison form that fits the samples is a
hypothesis ('busy == (st == SHIFT)' and 'busy == (st != IDLE)' while DONE is never sampled), and a
flag beside a state that never left reset is compared with each other value of the state; the
induction keeps the one that holds. Near-misses: the same flags one cycle late."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import regfunc

pytestmark = pytest.mark.yosys

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"
LONG_V = (GEN / "flagstate_busy_long_shift_v" / "original.v").read_text()
POWERUP_SV = (GEN / "flagstate_ready_powerup_sv" / "original.sv").read_text()


def _cands(tmp_path: Path, text: str, top: str, name: str):
    p = tmp_path / name
    p.write_text(text)
    an = regfunc.analysis_for({p: text}, top)
    assert an.error is None, an.error
    rels = {(r.target, regfunc._describe(r)) for r in an.relations}
    return p, rels, regfunc.candidates_for({p: text}, top)


def test_busy_beside_a_state_reached_after_1500_cycles(tmp_path):
    # GAP comes after 48 * 32 cycles of SEND: the samples only show IDLE and SEND
    p, rels, cands = _cands(tmp_path, LONG_V, "frame_tx", "d.v")
    assert ("busy", "(state != 0)") in rels, rels
    new = [n[p] for n, d in cands if d == "'busy' == (state != 0)"]
    assert new and "busy <=" not in new[0]
    assert abc_verdict(tmp_path, p, new[0], "frame_tx") == "EQUIVALENT"


def test_flags_beside_a_state_frozen_at_reset(tmp_path):
    # SV enum state in a child instance (.* hookup), a 3000-cycle settle: the state never moves
    p, rels, cands = _cands(tmp_path, POWERUP_SV, "pwr_top", "d.sv")
    assert ("ready", "(u_seq.st == 3)") in rels, rels
    assert ("busy", "(u_seq.st != 3)") in rels, rels
    new = [n[p] for n, d in cands if "'ready' == (u_seq.st == 3)" in d and "'busy'" in d]
    assert new and "ready <=" not in new[0] and "busy <=" not in new[0]
    assert abc_verdict(tmp_path, p, new[0], "pwr_top") == "EQUIVALENT"


@pytest.mark.parametrize("text,top,name,old,new,flag", [
    # busy cleared in IDLE (one cycle after GAP): not a function of the state
    (LONG_V, "frame_tx", "d.v", "else if (state == GAP) busy <= 1'b0;", "else if (state == IDLE && !go) busy <= 1'b0;",
     "busy"),
    # ready set while in RUN (one cycle after the step into RUN), busy cleared there too
    (POWERUP_SV, "pwr_top", "d.sv", "        RUN:      ;", "        RUN:      begin ready <= 1'b1; busy <= 1'b0; end",
     None),
])
def test_late_flags_are_not_rewritten(tmp_path, text, top, name, old, new, flag):
    assert old in text
    text = text.replace(old, new)
    if flag is None:
        text = text.replace("begin st <= RUN; ready <= 1'b1; busy <= 1'b0; end", "st <= RUN;")
    _p, rels, cands = _cands(tmp_path, text, top, name)
    for fl in ([flag] if flag else ["ready", "busy"]):
        assert not [r for r in rels if r[0] == fl], rels
        assert not [d for _n, d in cands if f"'{fl}'" in d]
