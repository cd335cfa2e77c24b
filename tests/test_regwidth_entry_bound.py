"""register_width_reduction's bound from the compares around a counter's steps (rtlopt.templates._regwidth
._steps_sound): the largest compare plus the step holds only when the steps cannot start past their own
compare. A step under ``r != C`` alone (``if (r == C) ... else r <= r + 1``) stops at ``C`` only when ``C``
is the largest value the counter reaches otherwise; a step of 3 jumps over ``== 7``; a state compared with
1 and entered with the count at 7 runs to the full width; a down step under ``!= 5`` wraps below zero.
Those near-misses get no candidate (neither this bound nor z3's); the sound forms still fire (one shape
ABC-proven)."""

from __future__ import annotations

import pytest
from _proof import abc_verdict

from rtlopt.templates import REGISTRY
from rtlopt.templates._sem import analyze

T = REGISTRY["register_width_reduction"]
HEAD = "module t(input clk, rst, a, b, output [3:0] y);\n  reg [15:0] r;\n"
TAIL = "  assign y = r[3:0];\nendmodule\n"


def _descs(body: str) -> list[str]:
    return [m.description.split(": ", 1)[1] for m in T.match(analyze(HEAD + body + TAIL, "d.v"))]


@pytest.mark.parametrize("body", [
    # steps of 3 from 0 never meet 7
    "  always @(posedge clk) if (rst) r <= 0; else if (r == 16'd7) r <= 0; else r <= r + 16'd3;\n",
    # steps of 2 from 0 never meet 7 (a '!=' guard in the then branch)
    "  always @(posedge clk) if (rst) r <= 0; else if (r != 16'd7) r <= r + 16'd2;\n",
    # a down count from 0 wraps to 65535 before it meets 5
    "  always @(posedge clk) if (rst) r <= 0; else if (r != 16'd5) r <= r - 16'd1;\n",
    # mode a stops at 1, mode !a counts to 7: entered with 7, mode a runs past 1 to the full width
    "  always @(posedge clk) if (rst) r <= 0; else if (a) begin if (r != 16'd1) r <= r + 16'd1; end\n"
    "    else begin if (r < 16'd7) r <= r + 16'd1; end\n",
    # the same through a case on a state register whose entry keeps the count
    "  reg [1:0] st;\n  always @(posedge clk) if (rst) begin st <= 0; r <= 0; end else case (st)\n"
    "    2'd0: if (a) st <= 2'd1;\n"
    "    2'd1: if (r == 16'd2) begin st <= 2'd2; end else r <= r + 16'd1;\n"
    "    2'd2: if (r == 16'd9) begin st <= 2'd0; end else r <= r + 16'd1;\n"
    "    default: st <= 2'd0;\n  endcase\n",
])
def test_a_step_that_can_start_past_its_compare_gets_no_candidate(body):
    assert not any(d.startswith("r 16 ->") for d in _descs(body)), _descs(body)


@pytest.mark.parametrize("body,bits", [
    ("  always @(posedge clk) if (rst) r <= 0; else if (r == 16'd9) r <= 0; else r <= r + 16'd1;\n", 4),
    ("  always @(posedge clk) if (rst) r <= 0; else if (a && r < 16'd20) r <= r + 16'd2;\n", 5),
    ("  always @(posedge clk) if (rst) r <= 16'd30; else if (r != 16'd0) r <= r - 16'd1;\n"
     "    else if (a) r <= 16'd30;\n", 5),
    ("  always @(posedge clk) if (rst) r <= 0; else case (r) 16'd5: r <= 0; default: r <= r + 16'd1; endcase\n", 3),
    ("  wire at = r == 16'd12;\n  always @(posedge clk) if (rst) r <= 0; else if (!at) r <= r + 16'd1;\n"
     "    else if (a) r <= 0;\n", 4),
    # two states, each entered with the count cleared: the per-state z3 bound vouches for them (3 bits)
    ("  reg [1:0] st;\n  always @(posedge clk) if (rst) begin st <= 0; r <= 0; end else case (st)\n"
     "    2'd0: if (a) begin st <= 2'd1; r <= 0; end\n"
     "    2'd1: if (r == 16'd2) begin st <= 2'd2; r <= 0; end else r <= r + 16'd1;\n"
     "    2'd2: if (r == 16'd6) begin st <= 2'd0; r <= 0; end else r <= r + 16'd1;\n"
     "    default: st <= 2'd0;\n  endcase\n", 3),
])
def test_steps_that_stop_at_their_compare_still_narrow(body, bits):
    assert any(d.startswith(f"r 16 -> {bits} bits") for d in _descs(body)), _descs(body)


@pytest.mark.yosys
def test_case_item_bound_proven(tmp_path):
    body = "  always @(posedge clk) if (rst) r <= 0; else case (r) 16'd5: r <= 0; default: r <= r + 16'd1; endcase\n"
    text = HEAD + body + TAIL
    m = next(m for m in T.match(analyze(text, "d.v")) if "r 16 -> 3 bits" in m.description)
    f = tmp_path / "old.v"
    f.write_text(text)
    assert abc_verdict(tmp_path, f, T.rewrite(text, [m]), "t") == "EQUIVALENT"
