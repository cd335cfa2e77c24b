"""Register-function combinations ("X; then Y": a register function and the narrowing it allows) carry
the text of X alone (hint ``stage``); the search proves them in two steps, the input against that text
and that text against the combination (transitive, as its rounds' chain of proofs). heldout11
parking/gate_ctrl: the combination proven directly ended UNKNOWN after 19 s, the two steps took 14 s and
3 s. Here: the hint is X's text exactly, a candidate that is no combination has none, and both steps
are proven by the real verifier; a stage that is not the function (a wrong constant) is refuted, so a
staged proof cannot pass a wrong base."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.yosys

SLOTS = """
module slots #(parameter int CAP = 12) (
    input  logic       clk,
    input  logic       rst,
    input  logic       take,
    input  logic       give,
    output logic [7:0] left_n,
    output logic       none_left
);
    logic [15:0] used;
    always_ff @(posedge clk) begin
        if (rst) begin
            used <= '0; left_n <= 8'(CAP); none_left <= 1'b0;
        end else if (take && !give && used < 16'(CAP)) begin
            used <= used + 16'd1; left_n <= left_n - 8'd1; none_left <= (used + 16'd1 == 16'(CAP));
        end else if (give && !take && used != '0) begin
            used <= used - 16'd1; left_n <= left_n + 8'd1; none_left <= 1'b0;
        end
    end
endmodule
"""


def _verify(a: Path, b_text: str, top: str, tmp_path: Path, name: str) -> int:
    b = tmp_path / f"{name}.sv"
    b.write_text(b_text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=600)
    return r.returncode


def test_combination_carries_its_base_text_and_both_steps_prove(tmp_path):
    from rtlopt.semantic import regfunc

    p = tmp_path / "slots.sv"
    p.write_text(SLOTS)
    st = SimpleNamespace(texts={p: SLOTS}, design=SimpleNamespace(top="slots"), deadline=time.monotonic() + 600)
    got = regfunc.regfunc_candidates(st)
    by_desc = {c.description: c for c in got}
    combos = [c for c in got if "; then " in c.description]
    assert combos, [c.description for c in got]
    for c in got:
        if "; then " not in c.description:
            assert "stage" not in c.hints
    c = combos[0]
    base = by_desc[c.description[:c.description.rfind("; then ")]]
    assert c.hints["stage"] == base.text != c.text
    stage = p.parent / "stage.sv"
    stage.write_text(c.hints["stage"])
    assert _verify(p, c.hints["stage"], "slots", tmp_path, "s1") == 0  # input -> stage
    assert _verify(stage, c.text, "slots", tmp_path, "s2") == 0  # stage -> combination


def test_wrong_stage_is_refuted(tmp_path):
    from rtlopt.semantic import regfunc

    p = tmp_path / "slots.sv"
    p.write_text(SLOTS)
    st = SimpleNamespace(texts={p: SLOTS}, design=SimpleNamespace(top="slots"), deadline=time.monotonic() + 600)
    c = next(c for c in regfunc.regfunc_candidates(st) if "stage" in c.hints and "12 - left_n" in c.description)
    wrong = c.hints["stage"].replace("12 - left_n", "11 - left_n")
    assert wrong != c.hints["stage"]
    assert _verify(p, wrong, "slots", tmp_path, "w") != 0
