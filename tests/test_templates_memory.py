"""memory_folding: same-shape arrays used in exclusive controller arms share one array; merge of
the controller states that become identical (``merge_case_states``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BENCH, SKY130

from rtlopt.design import open_design
from rtlopt.rules import load_rules
from rtlopt.templates import REGISTRY
from rtlopt.templates._memory import MemoryFolding, merge_case_states

FOLD = MemoryFolding()
EXAMPLE = load_rules().get("memory_folding").examples[0]
MEMDIR = BENCH / "short_benchmark" / "memory"
needs_bench = pytest.mark.skipif(not MEMDIR.is_dir(), reason="benchmark suite not present")


def _module(decls: str, arms: str, extra: str = "") -> str:
    return f"""module m (
  input clk, rst, go,
  input [7:0] d,
  input [1:0] a,
  output reg [7:0] q
);
{decls}
  reg [2:0] state;
  integer i;
  always @(posedge clk) begin
    if (rst) begin
      state <= 3'd0;
      q <= 8'd0;
    end else begin
      case (state)
{arms}
        default: state <= 3'd0;
      endcase
    end
  end
{extra}endmodule
"""


_TWO = """  reg [7:0] m1 [0:3];
  reg [7:0] m2 [0:3];"""
_PHASES = """        3'd0: if (go) begin for (i = 0; i < 4; i = i + 1) m1[i] <= d; state <= 3'd1; end
        3'd1: begin q <= m1[a]; state <= 3'd2; end
        3'd2: if (go) begin for (i = 0; i < 4; i = i + 1) m2[i] <= d; state <= 3'd3; end
        3'd3: begin q <= m2[a]; state <= 3'd0; end"""


def _fold_texts(text: str) -> list[str]:
    return [FOLD.rewrite(text, [m]) for m in FOLD.match(text)]


def test_registered_and_rule_points_at_it():
    assert REGISTRY["memory_folding"].__class__ is MemoryFolding
    assert load_rules().get("memory_folding").template == "memory_folding"


def test_rule_example_folds_and_merges_states():
    ms = FOLD.match(EXAMPLE.before)
    assert [m.data["merge"] for m in ms] == [False, True]
    folded, merged = (FOLD.rewrite(EXAMPLE.before, [m]) for m in ms)
    assert "mem2" not in folded and folded.count("mem1") == EXAMPLE.before.count("mem1") + \
        EXAMPLE.before.count("mem2") - 1
    assert "reg [2:0] state" in folded  # fold alone keeps the controller
    assert merged == EXAMPLE.after  # the rule's example is this template's output
    assert "reg [1:0] state" in merged and "3'd3" not in merged and "2'd2" in merged
    # everything outside the edits survives byte for byte
    assert merged.startswith(EXAMPLE.before[:EXAMPLE.before.index("reg [7:0] mem1")])


def test_if_else_branches_are_exclusive_too():
    arms = """        3'd0: begin
                if (go) m1[a] <= d; else m2[a] <= d;
                state <= 3'd1;
              end
        3'd1: begin q <= go ? 8'd0 : 8'd1; state <= 3'd0; end"""
    out = _fold_texts(_module(_TWO, arms))
    assert len(out) == 1 and "m2" not in out[0] and "if (go) m1[a] <= d; else m1[a] <= d;" in out[0]


def test_three_arrays_give_the_group_and_every_pair():
    decls = _TWO + "\n  reg [7:0] m3 [0:3];"
    arms = _PHASES.replace("state <= 3'd0; end", "state <= 3'd4; end") + """
        3'd4: if (go) begin for (i = 0; i < 4; i = i + 1) m3[i] <= d; state <= 3'd5; end
        3'd5: begin q <= m3[a]; state <= 3'd0; end"""
    text = _module(decls, arms)
    descs = [m.description for m in FOLD.match(text)]
    assert any("m2, m3 folded into m1" in d for d in descs)
    for pair in ("m2 folded into m1", "m3 folded into m1", "m3 folded into m2"):
        assert any(d.endswith(pair) for d in descs), descs
    merged = [FOLD.rewrite(text, [m]) for m in FOLD.match(text) if m.data["merge"]]
    # all three folded: 6 states -> 2 (load, read), one state bit, sized labels follow the width
    assert merged and "m2" not in merged[0] and "m3" not in merged[0]
    assert "reg [0:0] state;" in merged[0] and "1'd1: begin q <= m1[a]; state <= 1'd0; end" in merged[0]


def test_two_declarators_in_one_declaration():
    text = _module("  reg [7:0] m1 [0:3], m2 [0:3];", _PHASES)
    out = _fold_texts(text)
    assert out and "reg [7:0] m1 [0:3];" in out[0]


@pytest.mark.parametrize("decls,arms,extra", [
    # same arm touches both arrays
    (_TWO, _PHASES.replace("q <= m1[a];", "q <= m1[a] ^ m2[a];"), ""),
    # different element width
    ("  reg [7:0] m1 [0:3];\n  reg [3:0] m2 [0:3];", _PHASES, ""),
    # different depth
    ("  reg [7:0] m1 [0:3];\n  reg [7:0] m2 [0:7];", _PHASES, ""),
    # the same statement sequence (no branch between them)
    (_TWO, """        3'd0: begin m1[a] <= d; m2[a] <= d; state <= 3'd1; end
        3'd1: begin q <= m1[a]; state <= 3'd0; end""", ""),
    # one array is also read outside the always block
    (_TWO, _PHASES, "  wire [7:0] peek = m2[0];\n"),
    # used from two always blocks
    (_TWO, _PHASES.replace("m2[i] <= d;", "q <= d;"),
     "  always @(posedge clk) if (go) m2[a] <= d;\n"),
], ids=["same-arm", "width", "depth", "sequence", "outside-read", "two-blocks"])
def test_does_not_fire(decls: str, arms: str, extra: str):
    text = _module(decls, arms, extra)
    assert FOLD.match(text) == []


def test_merge_leaves_distinct_states_alone():
    text = _module(_TWO, _PHASES)
    assert merge_case_states(text) is None  # m1 and m2 arms differ: nothing to merge


def test_merge_needs_state_read_only_by_the_case():
    arms = _PHASES.replace("m2", "m1")
    text = _module("  reg [7:0] m1 [0:3];", arms)
    merged = merge_case_states(text)
    assert merged is not None and "3'd2:" not in merged and "3'd3:" not in merged
    assert "reg [0:0] state;" in merged and "state <= 1'd0;" in merged and "3'd" not in merged
    # a read of the state outside the case makes states observable: no merge
    spy = _module("  reg [7:0] m1 [0:3];", arms, "  wire in_second_half = state == 3'd2;\n")
    assert merge_case_states(spy) is None


@pytest.mark.yosys
@pytest.mark.slow
def test_fold_that_clobbers_a_live_array_is_rejected(tmp_path: Path):
    """m1 is still read after m2's phase: the template proposes the fold, the verifier refuses it."""
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

    arms = """        3'd0: if (go) begin for (i = 0; i < 4; i = i + 1) m1[i] <= d; state <= 3'd1; end
        3'd1: begin for (i = 0; i < 4; i = i + 1) m2[i] <= ~d; state <= 3'd2; end
        3'd2: begin q <= m2[a]; state <= 3'd3; end
        3'd3: begin q <= m1[a]; state <= 3'd0; end"""
    text = _module(_TWO, arms)
    cands = _fold_texts(text)
    assert cands
    gold, gate = tmp_path / "gold.v", tmp_path / "gate.v"
    gold.write_text(text)
    gate.write_text(cands[0])
    res = check_equivalence(open_design(gold), open_design(gate), VerifyOptions(timeout_s=60))
    assert res.verdict == Verdict.NOT_EQUIVALENT


@needs_bench
@pytest.mark.yosys
@pytest.mark.sta
@pytest.mark.slow
@pytest.mark.parametrize("case,raw,human_area", [
    ("memory_folding", "memory_folding_raw.v", 810.0),
    ("memory_folding2", "memory_folding_raw_1.v", 810.0),
])
def test_optimize_reaches_the_human_rewrite(case: str, raw: str, human_area: float):
    """The optimizer folds the arrays and merges the phases, proven, at or below the human area."""
    from rtlopt.engine.search import optimize

    res = optimize(open_design(MEMDIR / case / raw), goal="area", liberty=str(SKY130), budget_s=120,
                   verify_timeout_s=90, templates={"memory_folding": FOLD})
    assert res.status == "improved"
    assert all(s.verdict == "EQUIVALENT" for s in res.steps)
    assert res.after.area_um2.value <= human_area
    text = next(iter(res.final.values()))
    # a parameterized module is pinned to the proven values: the else arm keeps the original arrays
    text = text.split("end else begin : rtlopt_original_")[0].split(": rtlopt_params_")[-1]
    assert "mem2" not in text and "reg [1:0] state" in text
