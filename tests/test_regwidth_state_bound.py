"""register_width_reduction of an event counter bounded by a controller state: the step
(``tries <= tries + 1`` on a NAK) has no compare of the counter guarding it; the controller leaves for a
parking state at ``tries == MAX - 1`` and never steps there, so ``tries <= MAX`` holds together with
``st == v -> tries != MAX`` for the other states (a Houdini search over the state values).
Near misses: a parking state that steps the counter once more (bound exceeded once), and one that
steps it on every cycle (no bound)."""

from __future__ import annotations

import pytest

from rtlopt.templates._regwidth import RegisterWidthReduction

RW = RegisterWidthReduction()

CTRL = """module r #(parameter MAX_TRY = 8) (input clk, input rst, input start, input ack, input nak, input bump,
  output busy, output failed, output last_try);
  localparam IDLE = 3'd0, SEND = 3'd1, WAIT = 3'd2, DONE = 3'd3, FAIL = 3'd4;
  reg [2:0] st;
  reg [15:0] tries;
  reg bumped;
  always @(posedge clk)
    if (rst) begin st <= IDLE; tries <= 16'd0; bumped <= 1'b0; end
    else
      case (st)
        IDLE: if (start) begin st <= SEND; tries <= 16'd0; bumped <= 1'b0; end
        FAIL: if (start) begin st <= SEND; tries <= 16'd0; bumped <= 1'b0; end
              PARK
        SEND: st <= WAIT;
        WAIT: if (ack) st <= DONE;
              else if (nak) begin tries <= tries + 16'd1; st <= (tries == MAX_TRY - 1) ? FAIL : SEND; end
        default: st <= IDLE;
      endcase
  assign busy = (st == SEND) || (st == WAIT);
  assign failed = (st == FAIL);
  assign last_try = (tries == MAX_TRY - 1) && bumped;
endmodule
module top (input clk, input rst, input start, input ack, input nak, input bump, output busy, output failed,
            output last_try);
  r #(.MAX_TRY(3)) u (.clk(clk), .rst(rst), .start(start), .ack(ack), .nak(nak), .bump(bump), .busy(busy),
                     .failed(failed), .last_try(last_try));
endmodule
"""


def _tries(text):
    return [m.description.split(": ", 1)[-1] for m in RW.match(text) if ": tries 16 ->" in m.description]


def test_state_bounded_counter_narrowed():
    got = _tries(CTRL.replace("PARK", ""))
    assert "tries 16 -> 2 bits (inductive value range from reset, proven with z3)" in got, got


def test_parking_state_stepping_once_more_not_narrowed_to_2():
    # FAIL steps the counter once more (3 -> 4): 2 bits would drop the top value
    got = _tries(CTRL.replace("PARK", "else if (bump && !bumped) begin tries <= tries + 16'd1; bumped <= 1'b1; end"))
    assert not [d for d in got if "-> 2 bits" in d or "-> 1 bits" in d], got


def test_parking_state_stepping_freely_not_narrowed():
    got = _tries(CTRL.replace("PARK", "else if (bump) tries <= tries + 16'd1;"))
    assert not got, got


@pytest.mark.yosys
def test_state_bounded_counter_narrowing_proves(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

    text = CTRL.replace("PARK", "")
    ms = [m for m in RW.match(text) if "tries 16 -> 2 bits (inductive" in m.description]
    (tmp_path / "g.v").write_text(text)
    (tmp_path / "h.v").write_text(RW.rewrite(text, ms[:1]))
    r = check_equivalence(open_design(tmp_path / "g.v", top="top"), open_design(tmp_path / "h.v", top="top"),
                          VerifyOptions(timeout_s=120))
    assert r.verdict == Verdict.EQUIVALENT, r.reason
