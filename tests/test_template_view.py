"""Templates on the procedural view (engine.search._view_candidates): a template that matches nothing on
the user's file but matches on rtlopt.semantic.procnorm.normalize's view (a two-process next-state block
inlined, per-register clocked blocks merged) gives a candidate -- the rewritten view, proven against the
user's design like any other. Own design ranges/sentinel_twoproc_v (an integer countdown whose next value
is computed in always @*): register_width_reduction 32 -> 8 signed bits only through the view. Near
misses: the single-block original (the template fires on the text itself: no view candidate), and a
two-process count that is not bounded (no narrowing anywhere)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import DesignRef
from rtlopt.engine import search
from rtlopt.templates import REGISTRY

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "ranges"
TWOPROC = (GEN / "sentinel_twoproc_v" / "original.v").read_text()
ONEBLOCK = (GEN / "sentinel_countdown_int_v" / "original.v").read_text()
RW = {"register_width_reduction": REGISTRY["register_width_reduction"]}


def _cands(tmp_path: Path, text: str):
    f = tmp_path / "d.v"
    f.write_text(text)
    state = search.State(DesignRef([f], "holdoff_cd"), {f: text}, "area", None)
    return f, search.template_candidates(state, RW)


def test_two_process_register_narrowed_through_the_view(tmp_path):
    _f, got = _cands(tmp_path, TWOPROC)
    view = [c for c in got if "procedural view" in c.description]
    assert len(view) == 1 and "32 -> 8 signed bits" in view[0].description, [c.description for c in got]
    assert "left_n =" not in view[0].text and "reg signed [7:0] left_q" in view[0].text


@pytest.mark.yosys
def test_view_candidate_is_proven(tmp_path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    f, got = _cands(tmp_path, TWOPROC)
    g = tmp_path / "gate.v"
    g.write_text(next(c for c in got if "procedural view" in c.description).text)
    assert check_equivalence(DesignRef([f], "holdoff_cd"), DesignRef([g], "holdoff_cd"),
                             VerifyOptions(timeout_s=300)).verdict == "EQUIVALENT"


@pytest.mark.parametrize("text", [
    ONEBLOCK,
    # the countdown also counts up on a second input: no bound, no narrowing
    TWOPROC.replace("        else if (left >= 0)\n            left_n = left - 1;",
                    "        else if (left >= 0)\n            left_n = left - 1;\n        else if (clean)\n"
                    "            left_n = left - 1;"),
], ids=["single_block_fires_on_text", "unbounded_two_process"])
def test_no_view_candidate(tmp_path, text):
    _f, got = _cands(tmp_path, text)
    assert not any("procedural view" in c.description for c in got)
