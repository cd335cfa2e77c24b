"""merge_case_states with extra reads of the state register that are pure functions of the state
(continuous assigns / always_comb decodes): states merge only where every such function agrees, and
the register is narrowed only when the functions read the kept codes the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates._memory import MemoryFolding, merge_case_states

GEN = Path(__file__).resolve().parent.parent / "designs" / "generalization" / "sharing"

# after the fold: states 0/2 and 1/3 do the same thing on the same array
_ARMS = """        3'd0: if (go) begin for (i = 0; i < 4; i = i + 1) m1[i] <= d; state <= 3'd1; end
        3'd1: begin q <= m1[a]; state <= 3'd2; end
        3'd2: if (go) begin for (i = 0; i < 4; i = i + 1) m1[i] <= d; state <= 3'd3; end
        3'd3: begin q <= m1[a]; state <= 3'd0; end"""


def _module(extra: str) -> str:
    return f"""module m (
  input clk, rst, go,
  input [7:0] d,
  input [1:0] a,
  output reg [7:0] q,
  output reg f
);
  reg [7:0] m1 [0:3];
  reg [2:0] state;
  integer i;
  always @(posedge clk) begin
    if (rst) begin
      state <= 3'd0;
      q <= 8'd0;
    end else begin
      case (state)
{_ARMS}
        default: state <= 3'd0;
      endcase
    end
  end
{extra}endmodule
"""


def test_decode_that_agrees_on_the_pairs_lets_them_merge_and_narrow():
    merged = merge_case_states(_module("  always @* f = state[0];\n"))
    assert merged is not None and "3'd2:" not in merged and "3'd3:" not in merged
    assert "reg [0:0] state;" in merged and "f = state[0];" in merged


def test_decode_reading_a_dropped_bit_merges_but_keeps_the_width():
    # state[2] would be out of range in a 1-bit register: merged, not narrowed
    merged = merge_case_states(_module("  always @* f = state[2] | state[0];\n"))
    assert merged is not None and "3'd2:" not in merged and "3'd3:" not in merged
    assert "reg [2:0] state;" in merged


def test_decode_that_tells_two_mergeable_states_apart_blocks_the_merge():
    # first_half separates 0 from 2 (and so 1 from 3): nothing may merge
    assert merge_case_states(_module("  always @* f = state < 3'd2;\n")) is None
    assert merge_case_states(_module("  always @* f = (state == 3'd3);\n")) is None


def test_read_mixed_with_other_signals_is_not_a_state_function():
    assert merge_case_states(_module("  always @* f = state[0] & go;\n")) is None
    assert merge_case_states(_module("  always @(posedge clk) f <= state[0];\n")) is not None  # pure RHS
    assert merge_case_states(_module("  always @(posedge clk) if (state[1]) f <= go;\n")) is None


@pytest.mark.yosys
@pytest.mark.slow
@pytest.mark.parametrize("extra", ["  always @* f = state[0];\n", "  always @* f = state[2] | state[0];\n"])
def test_merge_with_state_function_is_proven(tmp_path: Path, extra: str):
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

    text = _module(extra)
    merged = merge_case_states(text)
    assert merged is not None
    gold, gate = tmp_path / "gold.v", tmp_path / "gate.v"
    gold.write_text(text)
    gate.write_text(merged)
    res = check_equivalence(open_design(gold), open_design(gate), VerifyOptions(timeout_s=120))
    assert res.verdict == Verdict.EQUIVALENT


@pytest.mark.yosys
@pytest.mark.slow
@pytest.mark.parametrize("case,fname", [("memfold_decode_assign_v", "original.v"),
                                        ("memfold_decode_comb_sv", "original.sv")])
def test_own_designs_fold_merge_and_prove(tmp_path: Path, case: str, fname: str):
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

    src = GEN / case / fname
    text = src.read_text()
    fold = MemoryFolding()
    merged = [fold.rewrite(text, [m]) for m in fold.match(text) if m.data.get("merge")]
    assert len(merged) == 1 and merged[0] is not None
    new = merged[0]
    assert "reg [2:0] state" not in new and "logic [2:0] state" not in new  # merged and narrowed
    gate = tmp_path / ("gate" + src.suffix)
    gate.write_text(new)
    res = check_equivalence(open_design(src), open_design(gate), VerifyOptions(timeout_s=120))
    assert res.verdict == Verdict.EQUIVALENT
