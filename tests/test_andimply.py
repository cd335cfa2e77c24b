"""andimply: ``a & b`` / ``a && b`` is ``a`` when ``a -> b`` holds in every state reachable from reset.

Fires on pending flags that latch only while armed (a child per channel, the AND in the parent's
generate loop) and on a rising-edge detector of a strobe a sibling never raises two cycles in a row
(bitwise spelling, the strobe renamed through a port), also restyled (inline flags in one SV block,
``||`` form); near misses (a flag that can latch while disarmed, a strobe that can last two cycles)
give no candidate for that operator. Candidates are proven by the verifier from reset.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic.andimply import candidates_for

ROOT = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "implied_operand"
ARM = ROOT / "arm_pending_v" / "original.v"
DONE = ROOT / "done_strobe_sv" / "original.sv"


def _cands(path: Path, text: str, top: str):
    return candidates_for({path: text}, top, timeout_s=120.0)


@pytest.mark.yosys
def test_pending_implies_armed_across_children(tmp_path):
    got = _cands(ARM, ARM.read_text(), "wake_ctrl")
    hit = [(n, d) for n, d in got if "'p[i]' implies 'a[i]'" in d]
    assert hit, [d for _n, d in got]
    new = hit[0][0][ARM]
    assert "assign live[i] = p[i];" in new
    assert abc_verdict(tmp_path, ARM, new, "wake_ctrl", timeout_s=120) == "EQUIVALENT"


@pytest.mark.yosys
def test_pending_that_latches_while_disarmed_is_not_implied(tmp_path):
    text = ARM.read_text().replace("else if (evt && armed)   pend <= 1'b1;", "else if (evt)            pend <= 1'b1;")
    assert text != ARM.read_text()
    f = tmp_path / "loose.v"
    f.write_text(text)
    assert not [d for _n, d in _cands(f, text, "wake_ctrl") if "p[i] && a[i]" in d or "'p[i]'" in d]


@pytest.mark.yosys
def test_edge_of_strobe_never_high_twice_is_the_strobe(tmp_path):
    got = _cands(DONE, DONE.read_text(), "xfer_top")
    hit = [(n, d) for n, d in got if "implies '~strobe_d'" in d]
    assert hit, [d for _n, d in got]
    new = hit[0][0][DONE]
    assert "else if (strobe) count" in new
    assert abc_verdict(tmp_path, DONE, new, "xfer_top", timeout_s=120) == "EQUIVALENT"


@pytest.mark.yosys
def test_strobe_that_can_last_two_cycles_keeps_its_edge_detector(tmp_path):
    # the engine raises done while it sits in S_END as well: two cycles in a row
    text = DONE.read_text().replace("S_END:  st <= S_IDLE;", "S_END:  begin st <= S_IDLE; done <= 1'b1; end")
    assert text != DONE.read_text()
    f = tmp_path / "long.sv"
    f.write_text(text)
    assert not [d for _n, d in _cands(f, text, "xfer_top") if "strobe_d" in d]


@pytest.mark.yosys
def test_restyled_inline_flags_and_logical_edge(tmp_path):
    # one SV block for all channels (packed vectors, a loop), the edge spelled with && and !, the
    # strobe's producer and its detector in one module
    text = """
module flags_inline (
    input  logic       clk, rst,
    input  logic [5:0] arm_wr, arm_val, hit, w1c,
    output logic [5:0] show,
    output logic       any_q, tick
);
    logic [5:0] arm, pnd;
    logic       pulse, pulse_q, gap;
    always_ff @(posedge clk) begin
        if (rst) begin
            arm <= '0; pnd <= '0; pulse <= 1'b0; pulse_q <= 1'b0; gap <= 1'b0; any_q <= 1'b0;
        end else begin
            for (int i = 0; i < 6; i++) begin
                if (arm_wr[i]) arm[i] <= arm_val[i];
                if (arm_wr[i] && !arm_val[i]) pnd[i] <= 1'b0;
                else if (hit[i] && arm[i]) pnd[i] <= 1'b1;
                else if (w1c[i]) pnd[i] <= 1'b0;
            end
            pulse   <= hit[0] && !gap && !pulse;
            gap     <= pulse;
            pulse_q <= pulse;
            any_q   <= |(arm & pnd);
        end
    end
    assign show = pnd & arm;
    assign tick = pulse && !pulse_q;
endmodule
"""
    f = tmp_path / "inline.sv"
    f.write_text(text)
    got = _cands(f, text, "flags_inline")
    descs = [d for _n, d in got]
    assert any("'pnd' implies 'arm'" in d for d in descs), descs
    assert any("'pulse' implies '!pulse_q'" in d for d in descs), descs
    joint = [n for n, d in got if "operands implied" in d]
    assert joint
    new = joint[0][f]
    assert "assign tick = pulse;" in new and "assign show = pnd;" in new
    assert abc_verdict(tmp_path, f, new, "flags_inline", timeout_s=120) == "EQUIVALENT"
