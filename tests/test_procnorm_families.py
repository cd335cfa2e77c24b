"""Restyle audit (issue 10) of thrcount and histflag: the two-process style (the register's next value
computed in a combinational block, registered in another) did not fire; both run on
rtlopt.semantic.procnorm's inlined view now; thrcount's compares through a function (over(missed,
LIMIT)) are written out by procnorm.inline_calls (ranges/thrcount_cmpfunc_sv). Own designs: ranges/thrcount_twoproc_v (always @* next
count), ranges/thrcount_twoproc_sv (always_comb, async reset), history/sfd_twoproc_v (three byte
next values). Near misses: the count also read raw (an output), the history read raw, and the next
value read elsewhere (not inlined: nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization"
THR_V = (GEN / "ranges" / "thrcount_twoproc_v" / "original.v").read_text()
THR_SV = (GEN / "ranges" / "thrcount_twoproc_sv" / "original.sv").read_text()
SFD = (GEN / "history" / "sfd_twoproc_v" / "original.v").read_text()
CMPFN = (GEN / "ranges" / "thrcount_cmpfunc_sv" / "original.sv").read_text()
PARAMS = {"debounce": {"N": 5}, "wdog_core": {"LIMIT": 10}}


def _thr(tmp_path: Path, text: str, top: str, suffix: str):
    from rtlopt.semantic.thrcount import candidates_for
    f = tmp_path / f"d{suffix}"
    f.write_text(text)
    return f, candidates_for({f: text}, top, 60, params=PARAMS)


@pytest.mark.yosys
@pytest.mark.parametrize("text,top,suffix,want", [
    (THR_V, "debounce_top", ".v", "8 -> 3 bits saturating at 5"),
    (THR_SV, "wdog", ".sv", "12 -> 4 bits saturating at 11"),
    (CMPFN, "wdog", ".sv", "12 -> 4 bits saturating at 11"),
], ids=["v_always_star", "sv_always_comb", "sv_compare_function"])
def test_two_process_threshold_counter_narrowed(tmp_path, text, top, suffix, want):
    f, got = _thr(tmp_path, text, top, suffix)
    assert len(got) == 1 and want in got[0][1], got
    assert "_n = " not in got[0][0][f] and "_nx = " not in got[0][0][f]


@pytest.mark.yosys
def test_two_process_threshold_counter_proven(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    f, got = _thr(tmp_path, THR_SV, "wdog", ".sv")
    g = tmp_path / "gate.sv"
    g.write_text(got[0][0][f])
    assert check_equivalence(DesignRef([f], "wdog"), DesignRef([g], "wdog"),
                             VerifyOptions(engines=("abc", "smt"), timeout_s=300)).verdict == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.parametrize("text", [
    # the count read raw: no threshold counter
    THR_SV.replace("output logic warn\n);\n    logic [11:0] missed", "output logic warn,\n    output logic [11:0] cnt\n);\n"
                   "    assign cnt = missed;\n    logic [11:0] missed"),
    # the next value read by an output: not inlined
    THR_SV.replace("output logic warn\n);\n    logic [11:0] missed", "output logic warn,\n    output logic nz\n);\n"
                   "    assign nz = missed_nx[0];\n    logic [11:0] missed"),
    # a function that truncates the count (8-bit formal): not a compare of the register, not inlined
    CMPFN.replace("input logic [11:0] m,", "input logic [7:0] m,"),
], ids=["count_read_raw", "next_value_read", "truncating_function"])
def test_threshold_near_misses(tmp_path, text):
    assert text not in (THR_SV, CMPFN)
    _f, got = _thr(tmp_path, text, "wdog", ".sv")
    assert got == []


@pytest.mark.yosys
def test_two_process_history_kept_as_match_progress(tmp_path):
    from rtlopt.semantic.histflag import rewrites
    got = rewrites(SFD, "d.v")
    assert got and "match-progress" in got[0][1], [d for _n, d in got]
    assert "b0_n" not in got[0][0]


def test_history_read_raw_is_no_match_progress():
    from rtlopt.semantic.histflag import rewrites
    text = SFD.replace("output reg sof);", "output reg sof, output [7:0] last);").replace(
        "reg [7:0] b0, b1, b2;", "reg [7:0] b0, b1, b2;\n  assign last = b2;")
    assert text != SFD
    assert not any("match-progress" in d for _n, d in rewrites(text, "d.v"))
