"""sumshare (rtlopt.semantic.sumshare) restyled: the child's sum accumulated in a procedural for loop
into a temporary (Verilog integer loop in always @*; SV nested always_comb loops with '+=' and a
loop-variable condition skipping the centre) -- unrolled by rtlopt.semantic.procnorm.unroll_sums into
one '+' chain, then regrouped across instances like the written-out sum. Near misses: a parity loop
(xor, no sum) and a single instance (nothing shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic import sumshare

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "sharing"


def _run(tmp_path: Path, name: str, top: str, edit=None):
    src = next((GEN / name).glob("original.*"))
    text = src.read_text()
    if edit:
        assert edit[0] in text
        text = text.replace(*edit)
    f = tmp_path / ("d" + src.suffix)
    f.write_text(text)
    return f, sumshare.candidates_for({f: text}, top, timeout_s=60)


@pytest.mark.yosys
@pytest.mark.parametrize("name,top,chain", [
    ("sumshare_loop_v", "smooth_row", "cnt = (taps[0] + taps[1]) + taps[2] + (taps[3] + taps[4]);"),
    ("sumshare_loop_sv", "seeds_row", "n = (win[0] + win[6]) + (win[1] + win[7]) + (win[2] + win[8]) + win[3] + win[5];"),
], ids=["v_integer_loop", "sv_nested_loops"])
def test_loop_sum_regrouped_and_proven(tmp_path, name, top, chain):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    f, got = _run(tmp_path, name, top)
    assert got, "no candidate"
    new = got[0][0][f]
    assert chain in new and "for (" not in new.split("module", 2)[1], new
    g = tmp_path / ("gate" + f.suffix)
    g.write_text(new)
    assert check_equivalence(DesignRef([f], top), DesignRef([g], top), VerifyOptions(timeout_s=240)).verdict == \
        "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.parametrize("edit", [
    ("cnt = cnt + taps[i];", "cnt = cnt ^ taps[i];"),
    ("        for (g = 0; g < 16; g = g + 1) begin : g_cell\n            smooth5 u_s (.taps(ext[g +: 5]), .q(q[g]));\n"
     "        end", "        smooth5 u_s (.taps(ext[4:0]), .q(q[0]));\n        assign q[15:1] = 15'd0;"),
], ids=["parity_loop", "single_instance"])
def test_loop_near_misses(tmp_path, edit):
    _f, got = _run(tmp_path, "sumshare_loop_v", "smooth_row", edit)
    assert got == []
