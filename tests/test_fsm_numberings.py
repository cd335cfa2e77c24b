"""FSM re-encoding measured in several state numberings (declaration/code order, breadth-first,
transition-adjacency codes) and with self-loops written as constant next states; all proven."""

from __future__ import annotations

import pytest

from rtlopt.design import open_design
from rtlopt.fsm import plan
from rtlopt.fsm._candidates import design_with_text
from rtlopt.fsm.encode import adjacent_codes, candidate_orders, regenerate
from rtlopt.fsm.extract import extract
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

SV_ENUM = """\
module door_ctl (input logic clk, input logic rst, input logic open_req, input logic close_req, input logic limit,
                 output logic motor_up, output logic motor_dn, output logic busy);
  typedef enum logic [5:0] {
    CLOSED  = 6'b000001, OPENING = 6'b000010, OPENED = 6'b000100,
    CLOSING = 6'b001000, STALL_O = 6'b010000, STALL_C = 6'b100000
  } st_t;
  st_t st, st_n;
  always_ff @(posedge clk) if (rst) st <= CLOSED; else st <= st_n;
  always_comb begin
    st_n = st;
    unique case (st)
      CLOSED:  st_n = open_req ? OPENING : CLOSED;
      OPENING: st_n = limit ? OPENED : (close_req ? STALL_O : OPENING);
      OPENED:  st_n = close_req ? CLOSING : OPENED;
      CLOSING: st_n = limit ? CLOSED : (open_req ? STALL_C : CLOSING);
      STALL_O: st_n = open_req ? OPENING : CLOSING;
      STALL_C: st_n = close_req ? CLOSING : OPENING;
      default: st_n = CLOSED;
    endcase
  end
  assign motor_up = (st == OPENING);
  assign motor_dn = (st == CLOSING);
  assign busy = (st == OPENING) || (st == CLOSING) || (st == STALL_O) || (st == STALL_C);
endmodule
"""

V_PARAM_CODES = """\
module pump_ctl (clk, rst_n, lo, hi, fault, run, alarm);
  input clk, rst_n, lo, hi, fault;
  output run, alarm;
  parameter IDLE = 5'b00001, ERR = 5'b00010, DRAIN = 5'b00100, FULL = 5'b01000, FILL = 5'b10000;
  reg [4:0] s, ns;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) s <= IDLE;
    else s <= ns;
  always @(*) begin
    ns = s;
    case (s)
      IDLE:  if (fault) ns = ERR; else if (lo) ns = FILL;
      FILL:  if (fault) ns = ERR; else if (hi) ns = FULL;
      FULL:  if (!hi) ns = DRAIN;
      DRAIN: if (lo) ns = IDLE;
      ERR:   if (!fault) ns = IDLE;
      default: ns = IDLE;
    endcase
  end
  assign run = (s == FILL);
  assign alarm = (s == ERR);
endmodule
"""

V_CASE1 = """\
module tx_ctl (input clk, input rst, input start, input ack, input last, output reg req, output reg done);
  localparam S_IDLE = 0, S_REQ = 1, S_WAIT = 2, S_NEXT = 3, S_DONE = 4;
  reg [4:0] state, nstate;
  always @(posedge clk) begin
    if (rst) state <= 5'b1;
    else state <= nstate;
  end
  always @* begin
    nstate = 5'b0;
    req = 1'b0;
    done = 1'b0;
    case (1'b1) // synopsys parallel_case
      state[S_IDLE]: if (start) nstate[S_REQ] = 1'b1; else nstate[S_IDLE] = 1'b1;
      state[S_REQ]:  begin req = 1'b1; nstate[S_WAIT] = 1'b1; end
      state[S_WAIT]: begin req = 1'b1; if (ack) nstate[S_NEXT] = 1'b1; else nstate[S_WAIT] = 1'b1; end
      state[S_NEXT]: if (last) nstate[S_DONE] = 1'b1; else nstate[S_REQ] = 1'b1;
      state[S_DONE]: begin done = 1'b1; nstate[S_IDLE] = 1'b1; end
    endcase
  end
endmodule
"""

TOGGLE = """\
module ring3 (input clk, input rst, input t, output q);
  localparam A = 2'd0, B = 2'd1, C = 2'd2;
  reg [1:0] s;
  always @(posedge clk)
    if (rst) s <= A;
    else case (s)
      A: if (t) s <= B;
      B: if (t) s <= C;
      default: if (t) s <= A;
    endcase
  assign q = (s == C);
endmodule
"""

SUFFIX = {"SV_ENUM": ".sv", "V_PARAM_CODES": ".v", "V_CASE1": ".v"}


def _design(tmp_path, name, text, ext=".v"):
    p = tmp_path / f"{name.lower()}{ext}"
    p.write_text(text)
    return open_design(p)


def _prove(design, p, timeout=120):
    gate = design_with_text(design, p.file, p.text)
    return check_equivalence(design, gate, VerifyOptions(timeout_s=timeout, state_map=p.state_map)).verdict


@pytest.mark.yosys
@pytest.mark.slow
@pytest.mark.parametrize("name", ["SV_ENUM", "V_PARAM_CODES", "V_CASE1"])
def test_numbered_and_explicit_hold_variants_are_distinct_and_proven(tmp_path, name):
    d = _design(tmp_path, name, globals()[name], SUFFIX[name])
    plans, skipped = plan(d, encodings=("binary", "gray"))
    assert skipped == []
    numbered = [p for p in plans if "state numbering" in p.description]
    assert numbered, [p.description for p in plans]
    assert any("explicit-hold" in p.description for p in plans)
    # no two plans of one encoding and hold style share a code assignment
    keys = [(p.encoding, "explicit-hold" in p.description, tuple(sorted(p.state_map["map"].items())))
            for p in plans]
    assert len(keys) == len(set(keys))
    for p in numbered:
        assert _prove(d, p) == Verdict.EQUIVALENT, p.description


@pytest.mark.yosys
def test_code_numbering_follows_the_original_codes(tmp_path):
    d = _design(tmp_path, "SV_ENUM", SV_ENUM, ".sv")
    fsm = extract(d).fsms[0]
    orders = dict(candidate_orders(fsm, fsm))
    assert orders["code"] == ["CLOSED", "OPENING", "OPENED", "CLOSING", "STALL_O", "STALL_C"]
    reg = regenerate(fsm, "binary", order=orders["code"])
    assert reg.codes == {"CLOSED": 0, "OPENING": 1, "OPENED": 2, "CLOSING": 3, "STALL_O": 4, "STALL_C": 5}
    assert reg.width == 3


@pytest.mark.yosys
def test_adjacent_codes_put_heavy_transitions_one_bit_apart(tmp_path):
    d = _design(tmp_path, "V_CASE1", V_CASE1)
    fsm = extract(d).fsms[0]
    codes = adjacent_codes(fsm)
    assert codes is not None and codes[fsm.reset] == 0
    assert len(set(codes.values())) == len(fsm.states) and max(codes.values()) < 8
    # IDLE -> REQ is the reset state's only exit: its code is one bit away from 0
    exits = {t.dst for t in fsm.transitions if t.src == fsm.reset and t.dst not in (None, fsm.reset)}
    assert all(bin(codes[s]).count("1") == 1 for s in exits)


@pytest.mark.yosys
def test_explicit_hold_writes_self_loops_as_constants(tmp_path):
    d = _design(tmp_path, "V_PARAM_CODES", V_PARAM_CODES)
    fsm = extract(d).fsms[0]
    plain = regenerate(fsm, "binary")
    held = regenerate(fsm, "binary", explicit_hold=True)
    assert plain.codes == held.codes
    # FULL stays in FULL while hi: the explicit variant names the state (one more '= S_FULL;'),
    # the plain one holds (the default 'd = q')
    assert plain.text.count("= S_FULL;") == 1
    assert held.text.count("= S_FULL;") == 2


@pytest.mark.yosys
def test_near_miss_two_states_give_one_assignment_and_bad_codes_are_refused(tmp_path):
    d = _design(tmp_path, "TOGGLE", TOGGLE)
    plans, _ = plan(d, encodings=("binary",))
    # a ring declared in its own order: every numbering is the same assignment, measured once
    assert [("explicit-hold" in p.description) for p in plans] == [False, True]
    fsm = extract(d).fsms[0]
    with pytest.raises(ValueError):
        regenerate(fsm, "binary", codes={s: 0 for s in fsm.states})
    with pytest.raises(ValueError):
        regenerate(fsm, "binary", order=fsm.states[:1])
