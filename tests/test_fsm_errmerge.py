"""Two error states with the same output and exits merge (the FSM engine), and the merge candidate names
its proof order: its state register is re-encoded under a new name, so the register correspondence by
name (first in the automatic order when the counters keep their names) cannot pair it and only spent the
search's slot (heldout11 combo_lock: equiv inconclusive 11-17 s, ABC EQUIVALENT 12-21 s, slot 10 s).
Own designs designs/generalization/fsm/errmerge_pinpad_v (Verilog localparam binary, one process, hex
overrides) and errmerge_gate_sv (SV enum two-process, async reset, .* instance); near miss: the stalled
state also leaves on a new digit (different exits), no merge."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.fsm._candidates import PROOF_ENGINES, candidates

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "fsm"
PINPAD = GEN / "errmerge_pinpad_v" / "original.v"
GATE = GEN / "errmerge_gate_sv" / "original.sv"


def _merges(f: Path, top: str):
    d = open_design([str(f)], top)
    cands = candidates(d, measure_ppa=False)
    return d, [c for c in cands if c.hints["states_after"] == c.hints["states_before"] - 1]


@pytest.mark.parametrize("f,top,gold_reg", [(PINPAD, "pad_top", "st"), (GATE, "turnstile", "cur")])
def test_error_states_merge_with_abc_first(f, top, gold_reg):
    _d, merged = _merges(f, top)
    assert merged, "the two error states merge"
    for c in merged:
        assert c.hints["state_map"]["gold_reg"] == gold_reg
        assert c.hints["engines"] == PROOF_ENGINES and PROOF_ENGINES[0] == "abc"


def test_merge_is_proven_with_its_engines(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    _d, merged = _merges(PINPAD, "pad_top")
    c = merged[0]
    g = tmp_path / "gate.v"
    g.write_text(c.text)
    res = check_equivalence(DesignRef([PINPAD], "pad_top"), DesignRef([g], "pad_top"),
                            VerifyOptions(timeout_s=300, engines=c.hints["engines"], state_map=c.hints["state_map"],
                                          parallel=False))  # the hint's order itself (no race)
    assert res.verdict == "EQUIVALENT"
    assert res.engines_tried[0][0] == "abc"


def test_different_exits_do_not_merge(tmp_path):
    text = PINPAD.read_text().replace("ERR_IDLE: if (ack) st <= S_IDLE;", "ERR_IDLE: if (ack || dv) st <= S_IDLE;")
    f = tmp_path / "near.v"
    f.write_text(text)
    _d, merged = _merges(f, "pad_top")
    assert merged == []
