"""Deep random simulation in the z3 engine (rtlopt.verify._smt._deep_difference): a difference hundreds of
cycles from reset -- a timer that must run out before the designs disagree -- lies past the BMC depth (20)
and used to be refuted only by ABC's deeper search (heldout12 pacer/av_delay with a start that does not
reload its count: cycle 404, 330-560 s of ABC). Long random traces (some inputs held still per lane)
suggest the trace and z3 confirms it on the unrolling with the lane's inputs fixed, so the verdict rests
on the miter's own semantics; a suggestion z3 does not confirm gives nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.verify import Verdict, VerifyOptions, _smt, _smtsim, check_equivalence

pytestmark = pytest.mark.yosys

# a watchdog: after `arm`, 150 ticks without `kick` raise `bark`; the late gate counts to 151
GOLD = """module wd(input clk, input rst, input arm, input kick, input tick, output reg bark);
  reg [7:0] cnt; reg on;
  always @(posedge clk)
    if (rst) begin cnt <= 0; on <= 0; bark <= 0; end
    else begin
      if (arm) on <= 1;
      if (kick || !on) cnt <= 0;
      else if (tick && cnt != 8'd150) cnt <= cnt + 8'd1;
      bark <= on && cnt == 8'd150;
    end
endmodule
"""
# the same watchdog counting down (equivalent: must be proven, not refuted)
DOWN = """module wd(input clk, input rst, input arm, input kick, input tick, output reg bark);
  reg [7:0] left; reg on;
  always @(posedge clk)
    if (rst) begin left <= 8'd150; on <= 0; bark <= 0; end
    else begin
      if (arm) on <= 1;
      if (kick || !on) left <= 8'd150;
      else if (tick && left != 0) left <= left - 8'd1;
      bark <= on && left == 0;
    end
endmodule
"""
LATE = GOLD.replace("8'd150", "8'd151")


def _check(tmp_path: Path, gate: str, engines=("smt",), timeout=120.0):
    g, h = tmp_path / "gold.v", tmp_path / "gate.v"
    g.write_text(GOLD)
    h.write_text(gate)
    return check_equivalence(open_design([g], "wd"), open_design([h], "wd"),
                             VerifyOptions(engines=engines, timeout_s=timeout))


def test_late_difference_found_by_simulation_and_confirmed(tmp_path):
    res = _check(tmp_path, LATE)
    assert res.verdict == Verdict.NOT_EQUIVALENT, res.reason
    assert "random simulation" in res.reason and "confirmed by z3" in res.reason, res.reason
    cex = res.counterexample
    assert cex is not None and cex.diff_cycle > 100 and cex.diff_outputs == ["bark"]
    last = cex.cycles[cex.diff_cycle]
    assert last["gold"]["bark"] != last["gate"]["bark"]


def test_equivalent_restyle_still_proven(tmp_path):
    res = _check(tmp_path, DOWN)
    assert res.verdict == Verdict.EQUIVALENT, res.reason


def test_unconfirmed_suggestion_gives_no_verdict(tmp_path, monkeypatch):
    """A simulator hit that z3 does not reproduce (here: the hit's cycle with inputs that never arm the
    watchdog) is dropped; the same hit with the lane's own inputs is confirmed (the late gate differs)."""
    real = _smtsim.MiterSim.find_difference
    got = []

    def deep_only(sm, budget, depth, state_map=None):
        out = _smt._deep_difference(sm, _smt.Budget(60.0), depth)
        got.append(out)
        return out or _smt.SmtOutcome("unknown", "deep simulation only")

    def idle_inputs(self, trigger, n, cycles, seconds, seed=1):
        hit = real(self, trigger, n, cycles, seconds, seed)
        assert hit is not None and hit[0] > 100  # the real search finds the late bark
        k, start, inputs = hit
        return k, start, [dict.fromkeys(c, 0) for c in inputs]

    monkeypatch.setattr(_smt, "check_sequential", deep_only)
    res = _check(tmp_path, LATE)
    assert res.verdict == Verdict.NOT_EQUIVALENT and got[-1] is not None and got[-1].k > 100
    monkeypatch.setattr(_smtsim.MiterSim, "find_difference", idle_inputs)
    res = _check(tmp_path, LATE)
    assert got[-1] is None and res.verdict == Verdict.UNKNOWN, res.reason
