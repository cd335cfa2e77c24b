"""reglockstep: the registers of several instances fed from outside in one candidate. Stage flags
(reset 1), one per instance of a stage module, equal to the inverses of the first taps of a sibling
delay line (reset 0) whose last tap has no partner (the last flag is unread): the line cannot go, each
stage alone removes one flip-flop, both together two (designs/generalization/seqredundancy/
lockmulti_stage_flags_v, Verilog; lockmulti_stage_flags_sv, SV, .* and a loop). Near miss: a stage
whose flag resets to 0 is not in lock step: no combined candidate, that stage untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import reglockstep

pytestmark = pytest.mark.yosys

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"
TAIL = " (lock step, fed from outside the instances)"


def _cands(tmp_path: Path, text: str, suffix: str, top: str):
    f = tmp_path / ("orig" + suffix)
    f.write_text(text)
    return f, [(new[f], d) for new, d in reglockstep.candidates_for({f: text}, top, timeout_s=60)]


@pytest.mark.parametrize("case,suffix,top,want", [
    ("lockmulti_stage_flags_v", ".v", "audio_pipe",
     "'u_a.idle_out' == ~rtlopt_u_line_taps[0]; 'u_b.idle_out' == ~rtlopt_u_line_taps[1]"),
    ("lockmulti_stage_flags_sv", ".sv", "tagger",
     "'u_h1.hole_out' == ~rtlopt_u_d_a[0]; 'u_h2.hole_out' == ~rtlopt_u_d_a[1]"),
])
def test_two_stage_flags_fed_from_the_delay_line_at_once(tmp_path, case, suffix, top, want):
    text = (GEN / case / ("original" + suffix)).read_text()
    f, got = _cands(tmp_path, text, suffix, top)
    both = [n for n, d in got if d == want + TAIL]
    assert len(both) == 1, [d for _n, d in got]
    assert got[0][1] == want + TAIL  # measured first
    new = both[0]
    assert new.count("rtlopt_lock_0_i") >= 4 and new.count("_rtlopt_i") >= 2  # two uniquified copies
    assert abc_verdict(tmp_path, f, new, top) == "EQUIVALENT"


def test_near_miss_stage_flag_reset_low_is_not_combined(tmp_path):
    text = (GEN / "lockmulti_stage_flags_v" / "original.v").read_text()
    # the second stage's flag a copy resetting to 0 (one cycle out of step with the line's inverse)
    text = text.replace("    fstage u_b (", "    fstage_lo u_b (")
    lo = text[text.index("module fstage ("):text.index("endmodule") + len("endmodule")]
    lo = lo.replace("module fstage (", "module fstage_lo (").replace("idle_out <= 1'b1;", "idle_out <= 1'b0;")
    text = text + "\n" + lo + "\n"
    f, got = _cands(tmp_path, text, ".v", "audio_pipe")
    descs = [d for _n, d in got]
    assert not any(d.endswith(TAIL) for d in descs), descs
    assert not any("u_b.idle_out" in d for d in descs), descs
