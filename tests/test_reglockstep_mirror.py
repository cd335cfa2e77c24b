"""reglockstep: a down-counter loaded with K that stops at 0 beside an up-counter restarted by the same
event is K - min(S, K) in every reachable state (the mirrored saturated copy), proven by induction and
computed from the up-counter: across sibling instances (designs/generalization/seqredundancy/
satmirror_beats_sv, SV, the budget fed in on a new port) and inside one module (satmirror_idle_v,
Verilog, 'always @* R = ...'). Near misses (a timer reloaded by another event too, one counting down by
two, beside a count that stops below the timer's load) give no such candidate."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.design import open_design
from rtlopt.semantic import reglockstep

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "seqredundancy"
LIB = ROOT.parent / "shared" / "lib" / "sky130hd_tt.lib.gz"


def _area(tmp_path: Path, text: str, suffix: str, top: str, tag: str) -> float:
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty

    f = tmp_path / f"{tag}{suffix}"
    f.write_text(text)
    lib = resolve_liberty(str(LIB) if LIB.exists() else None)
    return measure_cached(open_design(f, top), liberty=lib).area_um2.value


def _cands(tmp_path: Path, text: str, suffix: str, top: str):
    f = tmp_path / ("orig" + suffix)
    f.write_text(text)
    return f, reglockstep.candidates_for({f: text}, top)


def test_sibling_budget_is_limit_minus_count(tmp_path):
    text = (GEN / "satmirror_beats_sv" / "original.sv").read_text()
    f, got = _cands(tmp_path, text, ".sv", "burst_chk")
    mine = [(new[f], d) for new, d in got if "u_bud.left" in d]
    assert len(mine) == 1, got
    new, desc = mine[0]
    assert "((beats > 6'd24) ? 6'd0 : 6'd24 - beats)" in desc
    assert abc_verdict(tmp_path, f, new, "burst_chk") == "EQUIVALENT"
    assert _area(tmp_path, new, ".sv", "burst_chk", "n") < 0.6 * _area(tmp_path, text, ".sv", "burst_chk", "o")


def test_same_module_timer_is_limit_minus_idle_count(tmp_path):
    text = (GEN / "satmirror_idle_v" / "original.v").read_text()
    f, got = _cands(tmp_path, text, ".v", "idle_mon")
    mine = [new[f] for new, d in got if d.startswith("'wait_left' ==")]
    assert len(mine) == 1, got
    assert "always @* wait_left = ((idle_len > 7'd40) ? 7'd0 : 7'd40 - idle_len);" in mine[0]
    assert "wait_left <= wait_left - 7'd1" not in mine[0]
    assert abc_verdict(tmp_path, f, mine[0], "idle_mon") == "EQUIVALENT"
    assert _area(tmp_path, mine[0], ".v", "idle_mon", "n") < 0.7 * _area(tmp_path, text, ".v", "idle_mon", "o")


def test_smt_proves_the_mirrored_copy(tmp_path):
    # the z3 Houdini needs 'left == 24 - min(beats, 24)' among its candidates (verify/_smt
    # _saturated_copy_candidates' mirrors): without them UNKNOWN at 40 s, with them a few seconds
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    text = (GEN / "satmirror_beats_sv" / "original.sv").read_text()
    f, got = _cands(tmp_path, text, ".sv", "burst_chk")
    new = next(n[f] for n, d in got if "u_bud.left" in d)
    g = tmp_path / "gate.sv"
    g.write_text(new)
    res = check_equivalence(DesignRef([f], "burst_chk"), DesignRef([g], "burst_chk"),
                            VerifyOptions(engines=("smt",), timeout_s=120))
    assert res.verdict == "EQUIVALENT"


IDLE = (GEN / "satmirror_idle_v" / "original.v").read_text()


@pytest.mark.parametrize("old,new", [
    # the timer is also reloaded by a kick the idle counter never sees
    ("if (rst || busy) wait_left <= 7'd40;", "if (rst || busy || kick) wait_left <= 7'd40;"),
    # counting down by two
    ("wait_left <= wait_left - 7'd1;", "wait_left <= (wait_left < 7'd2) ? 7'd0 : wait_left - 7'd2;"),
    # the idle count stops at 30, below the timer's 40: the timer runs on alone
    ("else if (idle_len != 7'h7f)", "else if (idle_len != 7'd30)"),
])
def test_near_misses_do_not_fire(tmp_path, old, new):
    assert old in IDLE
    text = IDLE.replace(old, new).replace("input  wire       busy,", "input  wire       busy, kick,")
    _f, got = _cands(tmp_path, text, ".v", "idle_mon")
    assert not [d for _n, d in got if d.startswith("'wait_left' ==")], got
