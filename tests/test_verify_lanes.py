"""Engines raced in lanes on sequential miters (rtlopt.verify._check._race, real Yosys/ABC/z3).

Which lanes each miter class gets, the head start of the first lane, cancellation (children killed, z3
interrupted, engines' budgets out), and soundness: a difference is still found, an undecidable pair stays
UNKNOWN, a decision never comes from a stopped engine. No wall-clock asserts.
"""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.tools import base
from rtlopt.verify import Verdict, VerifyOptions, _lanes, check_equivalence
from rtlopt.verify._check import _lane_plan
from rtlopt.verify._smt import Budget

pytestmark = pytest.mark.yosys

# a decade counter with a wrap pulse, kept in 8 bits (gold) and in 4 bits (gate): a narrowing, the
# register keeps its name and changes its width
COUNTER = """
module cnt(input clk, input rst, input en, output tick, output [3:0] q);
  reg [{w}:0] c;
  always @(posedge clk)
    if (rst) c <= 0;
    else if (en) c <= (c == {top}) ? 0 : c + 1;
  assign tick = en && c == {top};
  assign q = c[3:0];
endmodule
"""

# a 32-bit counter whose flag differs only when it reaches 2^32 - 1 (gold) or 2^32 - 2 (gate): a real
# difference about 4e9 cycles after reset, beyond any BMC, and no inductive proof exists
DEEP = """
module deep(input clk, input rst, output flag);
  reg [31:0] c;
  always @(posedge clk)
    if (rst) c <= 0;
    else c <= c + 1;
  assign flag = c == 32'h{last:08x};
endmodule
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


def _pair(tmp_path, gold: str, gate: str):
    (tmp_path / "g").mkdir(exist_ok=True)
    (tmp_path / "h").mkdir(exist_ok=True)
    return open_design(_write(tmp_path / "g", "d.v", gold)), open_design(_write(tmp_path / "h", "d.v", gate))


# -- lane plans per miter class (orders as _engine_order gives them) -------------------------------

@pytest.mark.parametrize("order, lanes", [
    # registers of equal names, no arithmetic (narrowings, register functions): register
    # correspondence, ABC and z3 each in a lane, ABC once with the whole time
    (["equiv", "abc", "smt", "abc"], [["equiv"], ["abc"], ["smt"]]),
    # small state + adders: the structural engines one after another in their lane
    (["exhaustive", "algebra", "equiv", "smt", "abc"], [["exhaustive", "algebra", "equiv"], ["smt"], ["abc"]]),
    # multipliers between registers of equal names: register correspondence in a lane of its own (the
    # algebraic engine's slice may be long there: the polynomial is the proof when exhaustive refuses)
    (["algebra", "exhaustive", "equiv", "smt", "abc"], [["algebra", "exhaustive"], ["equiv"], ["smt"], ["abc"]]),
    # adders only between registers of equal names: algebra's slice before equiv is short, one lane
    (["algebra", "equiv", "smt", "abc"], [["algebra", "equiv"], ["smt"], ["abc"]]),
    # dividers between registers: register correspondence first, the others after it in its lane
    (["equiv", "exhaustive", "algebra", "smt", "abc"], [["equiv", "exhaustive", "algebra"], ["smt"], ["abc"]]),
    # no register name in common (re-encoded state), no arithmetic: ABC first, then z3
    (["abc", "smt", "abc"], [["abc"], ["smt"]]),
    # arithmetic without shared registers / a generator's hint (integer copies, instlife): z3 first
    (["smt", "abc"], [["smt"], ["abc"]]),
    # a hint naming one engine: one lane (no race)
    (["abc"], [["abc"]]),
])
def test_lane_plan_per_miter_class(order, lanes):
    assert _lane_plan(order) == lanes


# -- cancellation points ---------------------------------------------------------------------------

def test_stop_token_outside_a_lane_changes_nothing():
    assert not _lanes.stopped()
    assert Budget(5.0).left() > 0
    _lanes.on_stop(lambda: pytest.fail("no lane: nothing to call"))


def test_stopped_lane_ends_budgets_and_runs_callbacks():
    token = _lanes.StopToken()
    seen = {}
    called = []

    def lane_thread():
        with _lanes.lane(token):
            _lanes.on_stop(lambda: called.append(1))
            b = Budget(100.0)
            seen["before"] = b.left() > 0
            token.stop()
            seen["after"] = b.left()
            seen["expired"] = b.expired()
            seen["new_budget"] = Budget(100.0).left()
        seen["outside"] = _lanes.stopped()

    t = threading.Thread(target=lane_thread)
    t.start()
    t.join()
    assert seen["before"] and seen["after"] < 0 and seen["expired"] and seen["new_budget"] < 0
    assert called == [1] and seen["outside"] is False
    late = []
    token.add(lambda: late.append(1))  # registered after the stop: run at once
    assert late == [1]


def test_child_scope_kills_its_running_children():
    scope = base.ChildScope()
    procs = []
    try:
        with base.child_scope(scope):
            procs.append(base.popen_child(["sleep", "60"], stdout=subprocess.DEVNULL))
        procs.append(base.popen_child(["sleep", "60"], stdout=subprocess.DEVNULL))  # outside the scope
        scope.cancel()
        assert procs[0].wait(timeout=30) != 0
        assert procs[1].poll() is None
        with base.child_scope(scope):  # a child started after the cancel is killed at once
            procs.append(base.popen_child(["sleep", "60"], stdout=subprocess.DEVNULL))
        assert procs[2].wait(timeout=30) != 0
    finally:
        for p in procs:
            p.kill()
            p.wait()
            base.forget_child(p)


# -- races on real miters --------------------------------------------------------------------------

def test_narrowing_is_proven_in_the_race_and_leaves_no_children(tmp_path):
    gold, gate = _pair(tmp_path, COUNTER.format(w=7, top=9), COUNTER.format(w=3, top=9))
    res = check_equivalence(gold, gate, VerifyOptions(timeout_s=90))
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()
    assert res.engines_tried[-1][0] == res.engine and res.engines_tried[-1][1] == "equivalent"
    # the decided race killed the other lanes' tools before returning
    assert not [p for p in base.live_children() if p.poll() is None]


def test_sequential_order_without_race_is_unchanged(tmp_path):
    gold, gate = _pair(tmp_path, COUNTER.format(w=7, top=9), COUNTER.format(w=3, top=9))
    res = check_equivalence(gold, gate, VerifyOptions(timeout_s=90, parallel=False, engines=("smt", "abc")))
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()
    assert [e for e, _o, _s in res.engines_tried][0] == "smt"  # the order as given, one engine at a time


def test_difference_is_still_found_in_the_race(tmp_path):
    # the gate wraps at 10 instead of 9: q differs 10 cycles after reset
    gold, gate = _pair(tmp_path, COUNTER.format(w=7, top=9), COUNTER.format(w=3, top=10))
    res = check_equivalence(gold, gate, VerifyOptions(timeout_s=90))
    assert res.verdict is Verdict.NOT_EQUIVALENT, res.format_text()
    assert res.counterexample is not None and res.counterexample.diff_cycle >= 10


def test_undecidable_pair_stays_unknown_in_the_race(tmp_path):
    gold, gate = _pair(tmp_path, DEEP.format(last=0xFFFFFFFF), DEEP.format(last=0xFFFFFFFE))
    res = check_equivalence(gold, gate, VerifyOptions(timeout_s=8, counterexample=False))
    assert res.verdict is Verdict.UNKNOWN, res.format_text()
    assert not [p for p in base.live_children() if p.poll() is None]


def test_hinted_engines_race_from_the_hint(tmp_path):
    # a generator's hint ("smt", "abc") names the lanes; whichever decides, the verdict is the proof
    gold, gate = _pair(tmp_path, COUNTER.format(w=7, top=9), COUNTER.format(w=3, top=9))
    res = check_equivalence(gold, gate, VerifyOptions(timeout_s=90, engines=("smt", "abc")))
    assert res.verdict is Verdict.EQUIVALENT and res.engine in ("smt", "abc"), res.format_text()
    assert {e for e, _o, _s in res.engines_tried} <= {"smt", "abc"}


def test_cli_one_at_a_time_keeps_the_given_order(tmp_path, capsys):
    import json

    from rtlopt.cli import main

    g, h = tmp_path / "g.v", tmp_path / "h.v"
    g.write_text(COUNTER.format(w=7, top=9))
    h.write_text(COUNTER.format(w=3, top=9))
    rc = main(["verify", str(g), str(h), "--engines", "smt,abc", "--one-at-a-time", "--json", "--timeout", "90"])
    d = json.loads(capsys.readouterr().out)
    assert rc == 0 and d["verdict"] == "EQUIVALENT", d
    assert d["engines_tried"][0]["engine"] == "smt"


# -- register correspondence beside the algebraic engine (multipliers between registers) ----------

# a registered gain stage: a 10-bit word times a run-time mask 2^k - 1, plus an offset, shifted back by
# k; the gate (SystemVerilog, a function) writes the product as a shift and a subtraction. The
# polynomial of the variable shifts exceeds the algebraic engine's size limit (UNKNOWN after ~15 s),
# the one-step exhaustive check refuses (26 input bits per cone), register correspondence by name
# proves it in a few seconds: it must not wait for the algebraic engine.
GAIN_GOLD = """
module gain(input clk, input rst, input [2:0] k, input [9:0] a, input [11:0] b, output reg [15:0] y);
  reg [9:0] ar; reg [11:0] br; reg [2:0] kr;
  always @(posedge clk)
    if (rst) begin ar <= 0; br <= 0; kr <= 0; y <= 0; end
    else begin
      ar <= a; br <= b; kr <= k;
      y <= (ar * ((12'd1 << kr) - 12'd1) + br) >> kr;
    end
endmodule
"""

GAIN_GATE_SV = """
module gain(input logic clk, input logic rst, input logic [2:0] k, input logic [9:0] a,
            input logic [11:0] b, output logic [15:0] y);
  logic [9:0] ar; logic [11:0] br; logic [2:0] kr;
  function automatic logic [15:0] scaled(input logic [9:0] v, input logic [11:0] o, input logic [2:0] s);
    logic [15:0] t;
    t = ({6'd0, v} << s) - {6'd0, v} + {4'd0, o};
    scaled = t >> s;
  endfunction
  always_ff @(posedge clk) begin
    if (rst) begin ar <= '0; br <= '0; kr <= '0; y <= '0; end
    else begin
      ar <= a; br <= b; kr <= k;
      y <= scaled(ar, br, {OP});
    end
  end
endmodule
"""


def _sv_pair(tmp_path, gold: str, gate: str):
    (tmp_path / "g").mkdir(exist_ok=True)
    (tmp_path / "h").mkdir(exist_ok=True)
    return open_design(_write(tmp_path / "g", "d.v", gold)), open_design(_write(tmp_path / "h", "d.sv", gate))


def test_registered_multiplier_proven_by_correspondence_beside_algebra(tmp_path):
    gold, gate = _sv_pair(tmp_path, GAIN_GOLD, GAIN_GATE_SV.replace("{OP}", "kr"))
    # the structural engines only (ABC's lane may also prove this pair, and first under load); their
    # automatic order on this miter (tests/test_verify_order.py) is the one given here
    res = check_equivalence(gold, gate, VerifyOptions(timeout_s=60, counterexample=False,
                                                      engines=("algebra", "exhaustive", "equiv")))
    assert res.verdict is Verdict.EQUIVALENT and res.engine == "equiv", res.format_text()
    # it runs in its own lane, not after the structural lane's algebraic + exhaustive engines. (The
    # order of engines_tried is the order the engines *ended* in: on a loaded machine the algebraic
    # engine may end UNKNOWN just before register correspondence proves it, so the plan is asserted.)
    assert _lane_plan(["algebra", "exhaustive", "equiv"]) == [["algebra", "exhaustive"], ["equiv"]]
    assert not [p for p in base.live_children() if p.poll() is None]


def test_registered_multiplier_near_miss_is_not_proven_beside_algebra(tmp_path):
    # the shift by the new k (the input) instead of the registered one: differs one cycle after k changes
    gold, gate = _sv_pair(tmp_path, GAIN_GOLD, GAIN_GATE_SV.replace("{OP}", "k"))
    res = check_equivalence(gold, gate, VerifyOptions(timeout_s=30, counterexample=False))
    assert res.verdict is not Verdict.EQUIVALENT, res.format_text()
    assert not [p for p in base.live_children() if p.poll() is None]
