"""Instances of one child module that work in disjoint cycles but keep their last value while idle share
one instance (rtlopt.semantic.instlife, the working-cycle form): each unit is dead from the end of its
message or pass until a strobe clears it again, so the 'busy' test (state away from reset) overlaps
while the working cycles do not. The kept instance is cleared by either strobe and takes its data and
enable from the other instance on that instance's strobe or phase.

Fires: a half-duplex port's request/response ones'-complement checksum units (Verilog, async reset, two
busy flags), a sweep controller's calibration/measurement peak-hold units (SV enum FSM, always_comb
clear strobes, one-process state register), and both restyled. Near misses that must not fire: a
response that may start while a request is collected (overlapping working cycles), a stale sum read on
an output while the other direction works (the simulation refutes the sharing). Real Yosys, simulation,
ABC/z3."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic import instlife

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "sharing"


def _run(tmp_path: Path, name: str, top: str, edits=()):
    src = next((GEN / name).glob("original.*"))
    text = src.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    f = tmp_path / ("d" + src.suffix)
    f.write_text(text)
    return f, instlife.candidates_for({f: text}, top, timeout_s=90)


def _verdict(tmp_path: Path, old: Path, new_text: str, top: str) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("gate" + old.suffix)
    g.write_text(new_text)
    res = check_equivalence(DesignRef([old], top), DesignRef([g], top),
                            VerifyOptions(timeout_s=240, engines=instlife.PROOF_ENGINES))
    return res.verdict


_SUM_RESTYLE = [
    # the start strobes folded into the instances' connections, the flags as one 2-bit mode register
    ("wire start_q = req_sop & ~in_req & ~in_rsp;", "wire idle = ~(in_req | in_rsp);\n    wire start_q = idle && req_sop;"),
    ("wire start_r = rsp_sop & ~req_sop & ~in_req & ~in_rsp;", "wire start_r = idle && !req_sop && rsp_sop;"),
]
_FSM_RESTYLE = [
    # clear strobes written inline as conditions on the state, no always_comb decoder
    (".clear(clr_cal),", ".clear(st == IDLE && go),"),
    (".clear(clr_meas),", ".clear(st == CAL && pass_end),"),
]


@pytest.mark.yosys
@pytest.mark.slow
@pytest.mark.parametrize("name, top, kept, dropped, edits, ored", [
    ("instlife_stale_sum_v", "hd_port", "u_req", "u_rsp", (), ".add((in_rsp & rsp_vld) || (in_req & req_vld))"),
    ("instlife_stale_sum_v", "hd_port", "u_req", "u_rsp", _SUM_RESTYLE, ".add((in_rsp & rsp_vld) || (in_req & req_vld))"),
    ("instlife_stale_fsm_sv", "sweep_ctrl", "u_cal", "u_meas", (), ".take((st == MEAS && smp_vld) || (st == CAL"),
    ("instlife_stale_fsm_sv", "sweep_ctrl", "u_cal", "u_meas", _FSM_RESTYLE, ".take((st == MEAS && smp_vld) || (st == CAL"),
])
def test_stale_units_share_one_instance_and_prove(tmp_path, name, top, kept, dropped, edits, ored):
    f, got = _run(tmp_path, name, top, edits)
    assert len(got) == 1, got
    new, desc = got[0]
    t = new[f]
    assert f"instances {dropped} " in desc and f"one instance ({kept})" in desc, desc
    assert f" {dropped} (" not in t and f"{dropped}(" not in t.replace(" ", ""), t
    assert ored in t, t  # the enables OR-ed: each unit raises its own only while it works
    assert _verdict(tmp_path, f, t, top) == "EQUIVALENT"


@pytest.mark.yosys
def test_response_overlapping_a_request_does_not_fire(tmp_path):
    """The response may start while a request is collected: both units work in the same cycles."""
    _f, got = _run(tmp_path, "instlife_stale_sum_v", "hd_port",
                   [("wire start_r = rsp_sop & ~req_sop & ~in_req & ~in_rsp;", "wire start_r = rsp_sop & ~in_rsp;")])
    assert got == [], got


@pytest.mark.yosys
def test_stale_sum_read_while_the_other_works_does_not_fire(tmp_path):
    """The request unit's last sum is an output the whole time: sharing would show the response's sum."""
    _f, got = _run(tmp_path, "instlife_stale_sum_v", "hd_port",
                   [("output reg         rsp_done\n", "output reg         rsp_done,\n    output wire [15:0] last_q\n"),
                    ("    wire [15:0] q_sum, r_sum;\n", "    wire [15:0] q_sum, r_sum;\n    assign last_q = q_sum;\n")])
    assert got == [], got
