"""Dividers and remainder units in different instances, used under exclusive conditions, share one unit
at their lowest common ancestor (rtlopt.semantic.hiershare, the operators beside ``*``).

Fires: two lane averages dividing a sum by a count in always @* (Verilog, non-ANSI ports) published on
strobes a phase bit alternates; two rate channels taking a tally modulo a setting in always_ff (SV, enum
FSM states SAMPLE0/SAMPLE1). Both guard a zero divisor (x in Verilog: the verifier takes the gate's x
as any value, so the shared unit's result must be masked where it was). Restyled (ternary in a
continuous assign) still fires. Near miss: the second lane publishing on every ``go`` (both lanes in
the same cycle) is not offered (simulation) and the forced candidate is refuted. Real Yosys, z3/ABC."""

from __future__ import annotations

import re

import pytest

from rtlopt.semantic import hiershare
from tests.test_hiershare import _design, _verdict
from tests.test_semantic_readshare import _area


def _ops(text: str, op: str) -> int:
    body = re.sub(r"//[^\n]*", "", text)
    return len(re.findall(rf"\w\s*{re.escape(op)}\s*\w", body))


@pytest.mark.yosys
@pytest.mark.slow
def test_alternate_phase_dividers_share_one(tmp_path):
    f, text = _design(tmp_path, "hiershare_div_v")
    got = hiershare.hiershare_edits({f: text}, "dual_avg")
    assert len(got) == 1, got
    new, desc = got[0]
    t = new[f]
    assert desc.startswith("one divider for") and "u_l0" in desc and "u_l1" in desc, desc
    assert "assign rtlopt_hs0_y = rtlopt_hs0_a / rtlopt_hs0_b;" in t, t
    assert "assign rtlopt_hs0_a = pub0 ? rtlopt_hs0_0a : rtlopt_hs0_1a;" in t, t
    # the two instances' copies divide no more (the original module stays, used by no instance)
    clones = re.findall(r"module lane_avg_rtlopt_i\w+.*?endmodule", t, re.S)
    assert len(clones) == 2 and all(_ops(c, "/") == 0 for c in clones), t
    assert _verdict(tmp_path, f, t, "dual_avg") == "EQUIVALENT"
    assert _area(tmp_path, t, f.suffix, "dual_avg", "n") < _area(tmp_path, text, f.suffix, "dual_avg", "o")


@pytest.mark.yosys
def test_fsm_state_remainders_share_one_sv(tmp_path):
    f, text = _design(tmp_path, "hiershare_mod_sv")
    got = hiershare.hiershare_edits({f: text}, "rate_pair", simulate=False)  # the proof decides
    assert len(got) == 1, got
    new, desc = got[0]
    t = new[f]
    assert desc.startswith("one remainder unit for"), desc
    assert "assign rtlopt_hs0_y = rtlopt_hs0_a % rtlopt_hs0_b;" in t, t
    assert "st == SAMPLE0" in t.split("assign rtlopt_hs0_a =")[1].split(";")[0], t
    assert _verdict(tmp_path, f, t, "rate_pair") == "EQUIVALENT"


def test_restyled_divider_still_fires(tmp_path):
    f, text = _design(tmp_path, "hiershare_div_v", [
        ("    reg [9:0] mean;\n    always @* begin\n        if (cnt == 4'd0) mean = 10'd0;\n"
         "        else             mean = sum / cnt;\n    end\n",
         "    wire [9:0] mean;\n    assign mean = (cnt != 4'd0) ? sum / cnt : 10'd0;\n")])
    got = hiershare.hiershare_edits({f: text}, "dual_avg", simulate=False)
    assert len(got) == 1 and got[0][1].startswith("one divider for"), got


@pytest.mark.yosys
def test_same_cycle_dividers_near_miss_not_offered_and_refuted(tmp_path):
    f, text = _design(tmp_path, "hiershare_div_v", [("wire pub1 = go & phase;", "wire pub1 = go;")])
    assert hiershare.hiershare_edits({f: text}, "dual_avg") == []
    forced = hiershare.hiershare_edits({f: text}, "dual_avg", simulate=False)
    assert len(forced) == 1, forced
    assert _verdict(tmp_path, f, forced[0][0][f], "dual_avg") == "NOT_EQUIVALENT"
