"""A second instance of a module fed the first one's inputs delayed k cycles (semantic/delayrep) is the
first one's outputs delayed: the replica becomes k registers per output read. Positives are proven;
near misses (undelayed inputs, mixed delays, another parameter, delays without a reset) get no
candidate, and delays reset to a value that moves the replica out of its reset state are refuted."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import cli_verify as _verify
from _proof import file_candidates

pytestmark = pytest.mark.yosys

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "delayed_replica"


def _cands(tmp_path: Path, text: str, top: str, ext: str = "v"):
    from rtlopt.semantic import delayrep

    return file_candidates(delayrep.candidates_for, tmp_path, text, top, ext)


def test_shadow_detector_with_open_port_in_the_live_copy(tmp_path):
    text = (GEN / "sv_enum_open_port_k1" / "original.sv").read_text()
    got = _cands(tmp_path, text, "det_trace", "sv")
    assert len(got) == 1, got
    new, desc = got[0]
    assert "delayed 1 cycle" in desc and "u_shadow" not in new
    # the live copy's unconnected error flag gets a wire; the Mealy flag is delayed like the others
    assert ".err(rtlopt_dly0_err_o)" in new and "rtlopt_dly0_err_1 <= rtlopt_dly0_err_o;" in new
    assert "if (srst) begin" in new and "assign err_t = rtlopt_dly0_err_1;" in new
    assert _verify(tmp_path, text, new, "det_trace", "sv") == 0


# restyle: Verilog, the pair in the top, one delay register per input in processes of their own,
# asynchronous reset, a register output of the machine
TICK = """
module tick_fsm (input clk, input arst, input go, input stop, output reg [1:0] s, output run);
  parameter LIM = 2'd3;
  always @(posedge clk or posedge arst)
    if (arst) s <= 2'd0;
    else case (s)
      2'd0: if (go) s <= 2'd1;
      2'd1: if (stop) s <= 2'd0; else s <= 2'd2;
      2'd2: s <= LIM;
      default: if (stop) s <= 2'd0;
    endcase
  assign run = s != 2'd0;
endmodule
module tick_top (input clk, input arst, input go, input stop, output [1:0] s, output run,
                 output [1:0] s_late, output run_late);
  reg go_r, stop_r;
  always @(posedge clk or posedge arst) if (arst) go_r <= 1'b0; else go_r <= go;
  always @(posedge clk or posedge arst) if (arst) stop_r <= 1'b0; else stop_r <= stop;
  tick_fsm a (.clk(clk), .arst(arst), .go(go), .stop(stop), .s(s), .run(run));
  tick_fsm b (.clk(clk), .arst(arst), .go(go_r), .stop(stop_r), .s(s_late), .run(run_late));
endmodule
"""


def test_restyle_top_pair_async_reset(tmp_path):
    got = _cands(tmp_path, TICK, "tick_top")
    assert len(got) == 1, got
    new = got[0][0]
    assert "tick_fsm b" not in new and "always @(posedge clk or posedge arst)" in new
    assert "rtlopt_dly0_s_1 <= s;" in new and "assign run_late = rtlopt_dly0_run_1;" in new
    assert _verify(tmp_path, TICK, new, "tick_top") == 0


def test_undelayed_inputs_are_no_candidate(tmp_path):
    text = TICK.replace(".go(go_r), .stop(stop_r)", ".go(go), .stop(stop)")
    assert _cands(tmp_path, text, "tick_top") == []


def test_mixed_delays_are_no_candidate(tmp_path):
    # 'go' twice delayed, 'stop' once: the replica is no delayed copy
    text = TICK.replace("reg go_r, stop_r;", "reg go_r, go_rr, stop_r;").replace(
        "else go_r <= go;", "else begin go_r <= go; go_rr <= go_r; end").replace(
        "if (arst) go_r <= 1'b0;", "if (arst) begin go_r <= 1'b0; go_rr <= 1'b0; end").replace(
        ".go(go_r), .stop(stop_r)", ".go(go_rr), .stop(stop_r)")
    assert _cands(tmp_path, text, "tick_top") == []


def test_other_parameter_or_unreset_delays_are_no_candidate(tmp_path):
    other = TICK.replace("tick_fsm b (", "tick_fsm #(.LIM(2'd1)) b (")
    assert _cands(tmp_path, other, "tick_top") == []
    bare = TICK.replace("always @(posedge clk or posedge arst) if (arst) go_r <= 1'b0; else go_r <= go;",
                        "always @(posedge clk) go_r <= go;").replace(
        "always @(posedge clk or posedge arst) if (arst) stop_r <= 1'b0; else stop_r <= stop;",
        "always @(posedge clk) stop_r <= stop;")
    assert _cands(tmp_path, bare, "tick_top") == []


def test_delay_reset_leaving_the_reset_state_is_refuted(tmp_path):
    # go_r resets to 1: the replica starts one cycle after the reset, the live machine does not
    text = TICK.replace("if (arst) go_r <= 1'b0;", "if (arst) go_r <= 1'b1;")
    got = _cands(tmp_path, text, "tick_top")
    assert len(got) == 1, got
    assert _verify(tmp_path, text, got[0][0], "tick_top") != 0


def test_two_cycle_replica_is_proven_one_delay_per_step(tmp_path):
    # k = 2 in a wrapper below the top: one ABC miter of the whole rewrite takes ~100 s; the candidate
    # carries the step with the replica fed the once-delayed inputs and its outputs delayed once, and
    # every link is a one-cycle proof
    from rtlopt.semantic import delayrep

    text = (GEN / "v_mealy_two_cycle_wrapper" / "original.v").read_text()
    got = _cands(tmp_path, text, "credit_top")
    assert len(got) == 1, got
    new, desc = got[0]
    assert "delayed 2 cycle" in desc and "credit_fsm #(.MAXC(5)) late" not in new
    steps = delayrep.CHAINS[new]
    assert len(steps) == 1 and ".req({d1[2]}), .rel({d1[1]}), .hold_n({d1[0]})" in steps[0]
    assert _verify(tmp_path, text, steps[0], "credit_top") == 0
    assert _verify(tmp_path, steps[0], new, "credit_top") == 0
