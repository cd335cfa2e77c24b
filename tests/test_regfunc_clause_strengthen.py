"""Invariants true on every reachable state but not inductive alone are proven with mined helper
clauses (rtlopt.semantic.regfunc.prove / _clause_helpers).

Seen in real code (verilog-axis axis_frame_join: s_axis_tready_reg is 0 or 1 << port_sel_reg, but in
the tag state it is set to 'ready << 0' where port_sel_reg is 0 only by reachability). The designs
here are our own, in two styles (case FSM with an encoded state, phase flags with a for loop)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "designs" / "generalization" / "seqredundancy"


def _found(case: str, top: str, monkeypatch, clauses: bool) -> list[tuple[str, str, str]]:
    from rtlopt.semantic import onehotidx, regfunc

    if not clauses:
        monkeypatch.setattr(regfunc, "_CLAUSE_BITS", 0)
    p = CASES / case / "original.v"
    an = regfunc.analyze_texts({p: p.read_text()}, top, timeout_s=60.0)
    assert an.net is not None, an.error
    import time

    return [(r.target, r.op, r.base) for r in onehotidx._find(an, time.monotonic() + 60.0)]


@pytest.mark.parametrize("case,top,target,base", [
    ("onehot_ready_phase_case", "frame_join8", "ready_r", "port"),
    ("onehot_lane_phase_loop", "lane_collect8", "lane_en", "lane"),
])
def test_needs_helper_clauses(case, top, target, base, monkeypatch):
    assert _found(case, top, monkeypatch, clauses=True) == [(target, "dec0", base)]


def test_plain_induction_fails_without_helpers(monkeypatch):
    # the same hypothesis alone is not inductive: the strengthening is what proves it
    assert _found("onehot_ready_phase_case", "frame_join8", monkeypatch, clauses=False) == []


def test_false_invariant_stays_unproven(tmp_path: Path):
    # a vector that is 0 or 1 << idx on every sampled state within the first cycles but not always
    # (a rare input sets a second bit) is never proven, helpers or not
    from rtlopt.semantic import regfunc

    text = """
module rare (input clk, input rst, input [2:0] nx, input go, input [15:0] key,
             output reg [7:0] v, output reg [2:0] idx);
  always @(posedge clk) begin
    if (rst) begin v <= 8'd0; idx <= 3'd0; end
    else begin
      idx <= nx;
      v <= go ? (8'd1 << nx) : 8'd0;
      if (key == 16'hBEEF && go) v <= (8'd1 << nx) | 8'd1;
    end
  end
endmodule
"""
    p = tmp_path / "rare.v"
    p.write_text(text)
    an = regfunc.analyze_texts({p: text}, "rare", timeout_s=60.0)
    assert an.net is not None, an.error
    hyp = regfunc.Relation("v", 8, 0, "idx", op="dec0")
    assert regfunc.prove(an.net, an.regs, [hyp], timeout_s=30.0) == []


def test_helper_clauses_hold_in_reset_state():
    from rtlopt.semantic import regfunc, seqsim

    p = CASES / "onehot_ready_phase_case" / "original.v"
    an = regfunc.analyze_texts({p: p.read_text()}, "frame_join8", timeout_s=60.0)
    st = seqsim.ternary_reset_state(an.net)
    hyp = regfunc.Relation("ready_r", 8, 0, "port", op="dec0")
    cls = regfunc._clause_helpers(an.net, [hyp], an.regs, st)
    assert cls, "expected mined clauses over the state and port flip-flops"
    for cl in cls:
        assert any(st[j] == pol for j, pol in cl)
