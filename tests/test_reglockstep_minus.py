"""A child instance's register that is another register minus a flip-flop bit, ``R == k + S - b``
(rtlopt.semantic.reglockstep): a falling-edge / release / end count is the rising-edge / press / start
count minus the level seen last. Offered beside the ``+ b`` form of the other instance (``S == R + b``);
which one is smaller depends on the design, the search measures. Real Yosys + ABC proofs, real PPA."""

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


@pytest.mark.yosys
def test_sv_end_count_is_start_count_minus_level_and_smaller(tmp_path):
    text, sfx = _design("lockfn_minus_level_sv")
    f, got = _run(tmp_path, text, sfx, "burst_stats")
    minus = next((t[f], d) for t, d in got if "'u_b.cnt' == starts - " in d)
    plus = next((t[f], d) for t, d in got if "'u_a.cnt' == ends + " in d)
    t = minus[0]
    assert "module pulse_cnt_rtlopt_iu_b" in t and "always @* cnt = rtlopt_lock_0_i;" in t, t
    assert abc_verdict(tmp_path, f, t, "burst_stats") == "EQUIVALENT"
    # here the minus form is the smaller one (the reference's choice)
    assert _area(tmp_path, t, sfx, "burst_stats", "m") < _area(tmp_path, plus[0], sfx, "burst_stats", "p")


@pytest.mark.yosys
def test_verilog_release_count_is_press_count_minus_key_level(tmp_path):
    text, sfx = _design("lockfn_minus_level_v")
    f, got = _run(tmp_path, text, sfx, "key_stats")
    t, d = next((t[f], d) for t, d in got if "'u_release.n' ==" in d)
    assert "== presses - key_q" in d, d
    assert abc_verdict(tmp_path, f, t, "key_stats") == "EQUIVALENT"


@pytest.mark.yosys
def test_end_count_with_an_extra_event_is_left_alone(tmp_path):
    # the end counter also counts while the level stays high on 'extra': no longer starts - level
    text, sfx = _design("lockfn_minus_level_sv")
    text = text.replace("input  logic         lvl,\n", "input  logic         lvl,\n  input  logic         extra,\n")
    text = text.replace("(~lvl & lvl_d));", "(~lvl & lvl_d) | (extra & lvl & lvl_d & ~LEAD));")
    text = text.replace("input  logic        active,\n", "input  logic        active,\n  input  logic        extra,\n")
    text = text.replace(".lvl(active), .cnt(starts)", ".lvl(active), .extra(1'b0), .cnt(starts)")
    text = text.replace(".lvl(active), .cnt(ends)", ".lvl(active), .extra(extra), .cnt(ends)")
    assert text.count("extra") == 6
    _f, got = _run(tmp_path, text, sfx, "burst_stats")
    assert not any("'u_b.cnt'" in d or "'u_a.cnt'" in d for _t, d in got), got


@pytest.mark.yosys
def test_release_count_with_the_key_level_reset_high_is_left_alone(tmp_path):
    # key_q resets to 1 while both counts reset to 0: presses - key_q is -1 after reset, not releases
    text, sfx = _design("lockfn_minus_level_v")
    text = text.replace("      key_q <= 1'b0;\n    end else", "      key_q <= 1'b1;\n    end else")
    assert "key_q <= 1'b1;" in text
    _f, got = _run(tmp_path, text, sfx, "key_stats")
    assert not any("'u_release.n' == presses - key_q" in d for _t, d in got), got
