"""regfunc: a 1-bit register that always equals the OR / AND (possibly inverted) of other flip-flop bits.

heldout13 beacon/frame_pipe: ``busy <= in_valid | v1 | v2`` beside ``v1 <= in_valid; v2 <= v1; v3 <= v2``
is ``busy == v1 | v2 | v3`` in every reachable state; regfunc had only comparisons of words (``busy ==
(inflight != 0)``), which cannot be combined with the in-flight count's own bit sum. Own designs in two
more styles (Verilog separate lane flags and a NOR written from their next state; SV set/clear flag in
its own process, inductive only with itself) and near misses: a flag equal to the OR only from the
first cycle on (reset value 1), and one that stays set on one rare input value. Real Yosys/z3."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic import regfunc

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "seqredundancy"


def _cands(tmp_path: Path, src: Path, top: str, edits=()):
    text = src.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    f = tmp_path / ("d" + src.suffix)
    f.write_text(text)
    return f, regfunc.candidates_for({f: text}, top, 60)


def _verdict(tmp_path: Path, old: Path, new_text: str, top: str) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("g" + old.suffix)
    g.write_text(new_text)
    return check_equivalence(DesignRef([old], top), DesignRef([g], top),
                             VerifyOptions(engines=("smt",), timeout_s=120)).verdict


def _gate_lines(f: Path, got, target: str) -> list[tuple[str, str]]:
    out = []
    for new, _d, *_ in got:
        for line in new[f].splitlines():
            s = line.strip()
            if s.startswith(f"always @* {target} = ") and ("|" in s or "&" in s):
                out.append((s, new[f]))
    return out


@pytest.mark.yosys
@pytest.mark.parametrize("src,top,target,expect", [
    (GEN / "gatefunc_stage_active_sv" / "original.sv", "stage_active", "active",
     "always @* active = va | vb | out_valid;"),
    (GEN / "gatefunc_credit_free_v" / "original.v", "credit_free", "all_free", "~("),
    (ROOT / "designs" / "heldout13" / "beacon" / "frame_pipe" / "original.sv", "beacon_tx", "busy",
     "always @* busy = out_valid | v1 | v2;"),
])
def test_or_of_bits_is_found_and_proven(tmp_path, src, top, target, expect):
    f, got = _cands(tmp_path, src, top)
    lines = _gate_lines(f, got, target)
    assert lines, [d for _n, d, *_ in got]
    line, text = lines[0]
    assert expect in line, line
    assert _verdict(tmp_path, f, text, top) == "EQUIVALENT"


@pytest.mark.yosys
def test_frame_pipe_busy_combines_with_the_inflight_sum(tmp_path):
    f, got = _cands(tmp_path, ROOT / "designs" / "heldout13" / "beacon" / "frame_pipe" / "original.sv",
                    "beacon_tx")
    both = [new[f] for new, _d, *_ in got if "always @* inflight =" in new[f] and "always @* busy =" in new[f]]
    assert both, [d for _n, d, *_ in got]
    assert "always @* busy = out_valid | v1 | v2;" in both[0]


@pytest.mark.yosys
def test_flag_equal_only_after_reset_is_no_function(tmp_path):
    # reset value 1: the flag equals the OR of the valid bits from the first cycle on only
    f, got = _cands(tmp_path, GEN / "gatefunc_stage_active_sv" / "original.sv", "stage_active",
                    [("      active <= 1'b0;\n    else if (in_valid)", "      active <= 1'b1;\n    else if (in_valid)")])
    assert not _gate_lines(f, got, "active"), [d for _n, d, *_ in got]


@pytest.mark.yosys
def test_flag_held_on_a_rare_input_is_no_function(tmp_path):
    # the flag is not cleared while in_data is 8'h5A: it differs from the OR on that one transition
    f, got = _cands(tmp_path, GEN / "gatefunc_stage_active_sv" / "original.sv", "stage_active",
                    [("else if (!va && !vb)", "else if (!va && !vb && in_data != 8'h5A)")])
    assert not _gate_lines(f, got, "active"), [d for _n, d, *_ in got]


@pytest.mark.yosys
def test_nor_of_lane_flags_with_a_missing_lane_is_no_function(tmp_path):
    # lane 3 left out of the flag: ~(h0 | h1 | h2) is not ~(h0 | h1 | h2 | h3), nor any other gate
    f, got = _cands(tmp_path, GEN / "gatefunc_credit_free_v" / "original.v", "credit_free",
                    [("!(n0 || n1 || n2 || n3)", "!(n0 || n1 || n2)")])
    lines = [s for s, _t in _gate_lines(f, got, "all_free")]
    assert all("h3" not in s and "held_hi[1]" not in s for s in lines), lines
    for s, t in _gate_lines(f, got, "all_free"):
        assert _verdict(tmp_path, f, t, "credit_free") == "EQUIVALENT", s
