"""Registered outputs that are constants of the state entered become state decodes, a dwell timer is
narrowed to its per-state bound, equivalent wait states merge; and their near misses do not fire: an
output register that differs from the state decode on one transition stays a register, a timer that
counts freely in one state keeps its width, and wait states that differ in one output stay apart.
Own designs (designs/generalization/fsm/regout_seq_timer_{v,sv}) in a Verilog one-process and an SV
two-process style; the merged + narrowed plan is proven by the verifier."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.fsm import extract, minimize, plan

GEN = Path(__file__).resolve().parent.parent / "designs" / "generalization" / "fsm"
V = GEN / "regout_seq_timer_v" / "original.v"
SV = GEN / "regout_seq_timer_sv" / "original.sv"


def _plans(tmp_path: Path, text: str, top: str, suffix: str = ".v"):
    f = tmp_path / f"d{suffix}"
    f.write_text(text)
    return plan(open_design([f], top=top), timeout_s=120)


def _merged(plans) -> list[str]:
    """The registers named by the registered-output merging plans."""
    out = []
    for p in plans:
        if "fsm_registered_output_merging" in p.rules:
            out.append(p.description.split("registered outputs ", 1)[1].split(" mirror", 1)[0])
    return out


@pytest.mark.parametrize("path,top,timer", [(V, "pump_ctrl", "t 16 -> 5 bits"), (SV, "kiln", "tm 16 -> 5 bits")])
def test_outputs_merged_and_timer_narrowed(tmp_path, path, top, timer):
    plans, skipped = _plans(tmp_path, path.read_text(), top, path.suffix)
    both = [p for p in plans if "fsm_registered_output_merging" in p.rules and "register_width_reduction" in p.rules]
    assert both, (skipped, [p.description for p in plans])
    assert timer in both[0].description
    regs = set(_merged(plans)[0].split(", "))
    assert regs == ({"motor", "ready", "valve"} if top == "pump_ctrl" else {"done", "fan", "heat"}), regs


def test_output_differing_on_one_transition_stays(tmp_path):
    # leaving RUN on a fault opens the drain valve: IDLE then has valve 3'b010 after a fault and
    # 3'b000 after reset, so valve is no function of the state (motor and ready still are)
    text = V.read_text().replace("st <= IDLE; valve <= 3'b000; motor <= 1'b0; ready <= 1'b0;\n                end",
                                 "st <= IDLE; valve <= 3'b010; motor <= 1'b0; ready <= 1'b0;\n                end")
    assert "3'b010" in text
    plans, _ = _plans(tmp_path, text, "pump_ctrl")
    merged = _merged(plans)
    assert merged, [p.description for p in plans]
    assert all("valve" not in m for m in merged), merged
    assert any(set(m.split(", ")) == {"motor", "ready"} for m in merged), merged


def test_timer_free_running_in_one_state_keeps_its_width(tmp_path):
    # RUN lets the timer count on (never cleared there): no per-state bound below 2^16
    text = V.read_text().replace("RUN: if (fault) begin", "RUN: if (!fault) t <= t + 16'd1; else begin")
    assert "if (!fault) t <=" in text
    plans, _ = _plans(tmp_path, text, "pump_ctrl")
    assert plans
    assert not any("register_width_reduction" in p.rules for p in plans), [p.description for p in plans]


PIN = """
module pin #(parameter [7:0] CODE = 8'h5A) (
  input logic clk, rst, v, input logic [3:0] k, output logic open_, output logic err, output logic beep);
  typedef enum logic [2:0] {IDLE, D1, OK, BAD_A, BAD_B} s_t;
  s_t s;
  always_ff @(posedge clk)
    if (rst) s <= IDLE;
    else if (v) unique case (s)
      IDLE:  s <= (k == CODE[7:4]) ? D1 : BAD_A;
      D1:    s <= (k == CODE[3:0]) ? OK : BAD_B;
      OK:    if (k == 4'hF) s <= IDLE;
      BAD_A: if (k == 4'hF) s <= IDLE;
      BAD_B: if (k == 4'hF) s <= IDLE;
      default: s <= IDLE;
    endcase
  assign open_ = (s == OK);
  assign err = (s == BAD_A) || (s == BAD_B);
  assign beep = BEEP;
endmodule
"""


@pytest.mark.parametrize("beep,merged", [("1'b0", True), ("(s == BAD_B)", False)])
def test_wait_states_merge_unless_one_output_differs(tmp_path, beep, merged):
    f = tmp_path / "pin.sv"
    f.write_text(PIN.replace("BEEP", beep))
    ex = extract(open_design([f], top="pin"), pragmas=False)
    m = minimize(ex.fsms[0])
    together = any({"BAD_A", "BAD_B"} <= set(c) for c in m.blocks)
    assert together == merged, m.blocks
    assert len(m.blocks) == (4 if merged else 5)


@pytest.mark.yosys
def test_merged_narrowed_plan_proven(tmp_path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    gold = open_design([V], top="pump_ctrl")
    plans, _ = plan(gold, timeout_s=120)
    p = next(p for p in plans
             if "fsm_registered_output_merging" in p.rules and "register_width_reduction" in p.rules)
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "gate.v"
        f.write_text(p.text)
        res = check_equivalence(gold, open_design([f], top="pump_ctrl"),
                                VerifyOptions(timeout_s=300, state_map=p.state_map, engines=("smt", "abc"),
                                              counterexample=False))
    assert res.verdict.name == "EQUIVALENT", res
