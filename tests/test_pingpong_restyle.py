"""pingpong (rtlopt.semantic.pingpong) restyled: the sweep_tri triangle (generalization
pingpong_triangle_case_v) with an asynchronous active-low reset and nested if/else without begin/end,
and with the turn written through a continuous word of the pair (wire at_end = down ? (ramp == 0) :
(ramp == 8'hff); down <= at_end ? ~down : down; ramp <= at_end ? ramp : ...): such words are computed
in the transition probe from C and D (pingpong.pair_wires). Near misses: the word or the step also reads
an input (a reverse request), no fixed cycle. The counter and the flag in two always blocks, and a
two-process next-state style, fold through the shared normalization (rtlopt.semantic.procnorm: blocks
with the same clock and reset merged, next-state blocks inlined); near misses of those: the two blocks
step on different enables, the next-state block also turns on an input, the next value read by an
output (not inlined)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic.pingpong import rewrites

AT_END = "module sweep_tri (input wire clk, input wire rst, input wire tick, output wire [7:0] ctl, output wire falling);\n    reg [7:0] ramp;\n    reg       down;\n    wire at_end = down ? (ramp == 8'h00) : (ramp == 8'hff);\n    always @(posedge clk) begin\n        if (rst) begin\n            ramp <= 8'hff;\n            down <= 1'b1;\n        end else if (tick) begin\n            down <= at_end ? ~down : down;\n            ramp <= at_end ? ramp : (down ? ramp - 8'd1 : ramp + 8'd1);\n        end\n    end\n    assign ctl = ramp;\n    assign falling = down;\nendmodule\n"

ASYNC = "module sweep_tri (input wire clk, input wire rst_n, input wire tick, output reg [7:0] ctl, output wire falling);\n    reg dir_dn;\n    always @(posedge clk or negedge rst_n)\n        if (!rst_n) begin\n            ctl <= 8'd255;\n            dir_dn <= 1'b1;\n        end else if (tick)\n            if (dir_dn)\n                if (ctl == 8'd0) dir_dn <= 1'b0; else ctl <= ctl - 1'b1;\n            else\n                if (ctl == 8'd255) dir_dn <= 1'b1; else ctl <= ctl + 1'b1;\n    assign falling = dir_dn;\nendmodule\n"

WIRE_INPUT = "module sweep_tri (input wire clk, input wire rst, input wire tick, input wire rev, output wire [7:0] ctl, output wire falling);\n    reg [7:0] ramp;\n    reg       down;\n    wire at_end = (down ? (ramp == 8'h00) : (ramp == 8'hff)) | rev;\n    always @(posedge clk) begin\n        if (rst) begin\n            ramp <= 8'hff;\n            down <= 1'b1;\n        end else if (tick) begin\n            down <= at_end ? ~down : down;\n            ramp <= at_end ? ramp : (down ? ramp - 8'd1 : ramp + 8'd1);\n        end\n    end\n    assign ctl = ramp;\n    assign falling = down;\nendmodule\n"

TURN_INPUT = "module sweep_tri (input wire clk, input wire rst, input wire tick, input wire rev, output wire [7:0] ctl, output wire falling);\n    reg [7:0] ramp;\n    reg       down;\n    always @(posedge clk) begin\n        if (rst) begin ramp <= 8'hff; down <= 1'b1; end\n        else if (tick) begin\n            if (down) begin\n                if (ramp == 8'h00 || rev) down <= 1'b0; else ramp <= ramp - 8'd1;\n            end else begin\n                if (ramp == 8'hff) down <= 1'b1; else ramp <= ramp + 8'd1;\n            end\n        end\n    end\n    assign ctl = ramp;\n    assign falling = down;\nendmodule\n"

TWO_BLOCKS = "module sweep_tri (input wire clk, input wire rst, input wire tick, output wire [7:0] ctl, output wire falling);\n    reg [7:0] ramp;\n    reg       down;\n    always @(posedge clk) begin\n        if (rst) ramp <= 8'hff;\n        else if (tick) begin\n            if (!down && ramp != 8'hff) ramp <= ramp + 8'd1;\n            else if (down && ramp != 8'h00) ramp <= ramp - 8'd1;\n        end\n    end\n    always @(posedge clk) begin\n        if (rst) down <= 1'b1;\n        else if (tick) begin\n            if (!down && ramp == 8'hff) down <= 1'b1;\n            else if (down && ramp == 8'h00) down <= 1'b0;\n        end\n    end\n    assign ctl = ramp;\n    assign falling = down;\nendmodule\n"

NEXT_STATE = "module sweep_tri (input logic clk, rst, tick, output logic [7:0] ctl, output logic falling);\n    logic [7:0] ramp, ramp_n;\n    logic down, down_n;\n    always_comb begin\n        ramp_n = ramp;\n        down_n = down;\n        if (tick) begin\n            if (down) begin\n                if (ramp == 8'h00) down_n = 1'b0;\n                else ramp_n = ramp - 8'd1;\n            end else begin\n                if (ramp == 8'hff) down_n = 1'b1;\n                else ramp_n = ramp + 8'd1;\n            end\n        end\n    end\n    always_ff @(posedge clk) begin\n        if (rst) begin ramp <= 8'hff; down <= 1'b1; end\n        else begin ramp <= ramp_n; down <= down_n; end\n    end\n    assign ctl = ramp;\n    assign falling = down;\nendmodule\n"


def _cands(tmp_path: Path, text: str, suffix: str = ".v"):
    f = tmp_path / f"orig{suffix}"
    f.write_text(text)
    return f, rewrites({f: text}, "sweep_tri", None, timeout_s=60.0)


@pytest.mark.yosys
@pytest.mark.parametrize("text", [AT_END, ASYNC], ids=["at_end_wire", "async_reset"])
def test_restyled_triangle_folds(tmp_path, text):
    f, got = _cands(tmp_path, text)
    assert len(got) == 1 and "one 9-bit phase" in got[0][1], got
    new = got[0][0][f]
    assert "_ph <= " in new and " - 8'd1" not in new and "- 1'b1" not in new, new


@pytest.mark.yosys
def test_at_end_wire_fold_is_proven(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    f, got = _cands(tmp_path, AT_END)
    g = tmp_path / "gate.v"
    g.write_text(got[0][0][f])
    assert check_equivalence(DesignRef([f], "sweep_tri"), DesignRef([g], "sweep_tri"),
                             VerifyOptions(engines=("abc", "smt"), timeout_s=300)).verdict == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.parametrize("text", [WIRE_INPUT, TURN_INPUT], ids=["wire_reads_input", "turn_on_input"])
def test_turn_on_an_input_gives_nothing(tmp_path, text):
    _f, got = _cands(tmp_path, text)
    assert got == []


TWO_ENABLES = TWO_BLOCKS.replace("input wire tick,", "input wire tick, input wire tock,").replace(
    "if (rst) down <= 1'b1;\n        else if (tick)", "if (rst) down <= 1'b1;\n        else if (tock)")
NEXT_STATE_REV = NEXT_STATE.replace("tick, output", "tick, rev, output").replace(
    "if (ramp == 8'h00) down_n", "if (ramp == 8'h00 || rev) down_n")
NEXT_STATE_READ = NEXT_STATE.replace("output logic falling);", "output logic falling, output logic [7:0] peek);").replace(
    "assign ctl = ramp;", "assign ctl = ramp;\n    assign peek = ramp_n;")


@pytest.mark.yosys
@pytest.mark.parametrize("text,suffix", [(TWO_BLOCKS, ".v"), (NEXT_STATE, ".sv")], ids=["two_blocks", "next_state"])
def test_split_step_folds_and_is_proven(tmp_path, text, suffix):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    f, got = _cands(tmp_path, text, suffix)
    assert len(got) == 1 and "one 9-bit phase" in got[0][1], got
    new = got[0][0][f]
    assert "_ph <= " in new and "- 8'd1" not in new, new
    g = tmp_path / f"gate{suffix}"
    g.write_text(new)
    assert check_equivalence(DesignRef([f], "sweep_tri"), DesignRef([g], "sweep_tri"),
                             VerifyOptions(engines=("abc", "smt"), timeout_s=300)).verdict == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.parametrize("text,suffix", [(TWO_ENABLES, ".v"), (NEXT_STATE_REV, ".sv"), (NEXT_STATE_READ, ".sv")],
                         ids=["two_enables", "next_state_turns_on_input", "next_value_read_elsewhere"])
def test_split_step_near_misses(tmp_path, text, suffix):
    assert text not in (TWO_BLOCKS, NEXT_STATE)
    _f, got = _cands(tmp_path, text, suffix)
    assert got == []
