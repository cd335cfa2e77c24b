"""Table registers (rtlopt.semantic.reglockstep): the indices of the base register never reached (a mod-5
count of a mod-10 index: index values 10..15) are filled three ways -- per bit by Shannon choices, all 0,
all 1 -- one candidate each, every one proven. A reader that compares several bits of the replaced
register at once (``q5 == 2``, a wrap strobe) comes out smaller with a constant fill than with per-bit
choices; the search measures. Real Yosys + ABC proofs and the real PPA flow (sky130hd)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.design import open_design
from rtlopt.semantic import reglockstep

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"
LIB = Path(__file__).resolve().parents[2] / "shared" / "lib" / "sky130hd_tt.lib.gz"


def _design(name: str) -> tuple[str, str]:
    d = GEN / name
    f = next(d.glob("original.*"))
    return f.read_text(), f.suffix


def _run(tmp_path: Path, text: str, suffix: str, top: str):
    f = tmp_path / ("d" + suffix)
    f.write_text(text)
    return f, reglockstep.candidates_for({f: text}, top, timeout_s=60)


def _area(tmp_path: Path, text: str, suffix: str, top: str, tag: str) -> float:
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty

    f = tmp_path / f"{tag}{suffix}"
    f.write_text(text)
    lib = resolve_liberty(str(LIB) if LIB.exists() else None)
    return measure_cached(open_design(f, top), liberty=lib).area_um2.value


def test_fill_variants_are_distinct_tables():
    # a mod-3 count of a 4-bit mod-12 index: 12 sampled indices, 4 free ones
    rng = [m % 12 for m in range(48)]
    bm = [[(v >> b) & 1 for v in rng] for b in range(4)] + [[((v % 3) >> b) & 1 for v in rng] for b in range(2)]
    import numpy as np

    bm = np.array(bm, dtype=np.uint8)
    words = [([0, 1, 2, 3], reglockstep._word_of([0, 1, 2, 3], bm))]
    got = reglockstep._fn_variants([4, 5], bm, words)
    assert got is not None and len(got) == 3
    for fns in got:  # every variant agrees with mod 3 on the reachable indices
        for b, (sup, tt) in enumerate(fns):
            assert sup == (0, 1, 2, 3)
            assert all((tt >> m & 1) == ((m % 3) >> b & 1) for m in range(12))
    zero, one = got[1], got[2]
    assert all(not (tt >> m & 1) for _s, tt in zero for m in range(12, 16))
    assert all(tt >> m & 1 for _s, tt in one for m in range(12, 16))


@pytest.mark.yosys
def test_cross_instance_quintet_count_constant_fill_is_proven_and_smaller(tmp_path):
    text, sfx = _design("lockfn_fill_quint_v")
    f, got = _run(tmp_path, text, sfx, "line_timing")
    mine = [(t[f], d) for t, d in got if "'u_quint.n'" in d]
    assert len(mine) == 3, [d for _t, d in got]  # Shannon, all-0, all-1 fills
    areas = [_area(tmp_path, t, sfx, "line_timing", f"v{i}") for i, (t, _d) in enumerate(mine)]
    assert min(areas[1:]) < areas[0], areas  # a constant fill beats the per-bit choices here
    best = mine[min(range(3), key=lambda i: areas[i])][0]
    assert "module cyc_rtlopt_iu_quint" in best and "always @* n = rtlopt_lock_0_i;" in best, best
    assert abc_verdict(tmp_path, f, best, "line_timing") == "EQUIVALENT"


@pytest.mark.yosys
def test_same_module_beat_count_constant_fill_is_proven_and_smaller(tmp_path):
    text, sfx = _design("lockfn_fill_beat_sv")
    f, got = _run(tmp_path, text, sfx, "beat_gen")
    mine = [(t[f], d) for t, d in got if d.startswith("'beat' ==")]
    assert len(mine) == 3, [d for _t, d in got]
    areas = [_area(tmp_path, t, sfx, "beat_gen", f"s{i}") for i, (t, _d) in enumerate(mine)]
    assert min(areas[1:]) < areas[0], areas
    best = mine[min(range(3), key=lambda i: areas[i])][0]
    assert "always @* beat = {" in best and "beat <= beat + 2'd1" not in best, best
    assert abc_verdict(tmp_path, f, best, "beat_gen") == "EQUIVALENT"


@pytest.mark.yosys
def test_quintet_counter_on_its_own_step_is_left_alone(tmp_path):
    # the quintet counter also advances when the group counter does not (step | kick): no function
    text, sfx = _design("lockfn_fill_quint_v")
    text = text.replace("input        step,\n  output [3:0] grp,", "input        step,\n  input        kick,\n  output [3:0] grp,")
    text = text.replace(".step(step), .n(q5)", ".step(step | kick), .n(q5)")
    assert "kick" in text and ".step(step | kick)" in text
    _f, got = _run(tmp_path, text, sfx, "line_timing")
    assert not any("'u_quint.n'" in d for _t, d in got), got


@pytest.mark.yosys
def test_beat_count_with_an_unreachable_reset_value_is_left_alone(tmp_path):
    # beat reset to 3 (never reached from 0..2): beat is 3 at step 0 once, later 0 at step 0: no table
    text, sfx = _design("lockfn_fill_beat_sv")
    text = text.replace("      beat <= '0;\n    end else", "      beat <= 2'd3;\n    end else")
    assert "beat <= 2'd3;" in text
    _f, got = _run(tmp_path, text, sfx, "beat_gen")
    assert not any(d.startswith("'beat' ==") for _t, d in got), got
