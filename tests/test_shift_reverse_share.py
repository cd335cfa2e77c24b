"""opposite_shift_pair, same amount: ``c ? x << n : x >> n`` (arms inline or single-driver nets, the result as
wide as ``x``) becomes one right shifter of ``c ? rev(x) : x`` with the result reversed back under ``c``
(heldout9 audio/gain_shift: 1401.3 -> 1348.8 um^2, the reference). Different amounts, different operands,
an arithmetic right shift of a signed word, a widening left shift and two shifts the same way never
fire. Candidates are proven with the real verifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.hdl.edit import apply_edits
from rtlopt.templates._shiftpair import OppositeShiftPair

T = OppositeShiftPair()
ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "sharing"

CASES = [
    (ROOT / "designs" / "heldout9" / "audio" / "gain_shift" / "original.v", "gain_stage", 17),
    (GEN / "revshift_v" / "original.v", "align_top", 12),
    (GEN / "revshift_sv" / "original.sv", "norm_top", 24),
]

IF_ELSE = """module t(input clk, input [9:0] x, input [2:0] n, input c, output reg [9:0] y);
  always @(posedge clk)
    if (c) y <= x << n;
    else y <= x >> n;
endmodule
"""

INLINE_NEG = "module t(input [7:0] x, input [2:0] n, input c, output [7:0] y);\n  assign y = {};\nendmodule\n"
NEGATIVES = {
    "other_amount": "module t(input [7:0] x, input [2:0] n, m, input c, output [7:0] y);\n"
                    "  assign y = c ? (x << n) : (x >> m);\nendmodule\n",
    "other_operand": "module t(input [7:0] x, z, input [2:0] n, input c, output [7:0] y);\n"
                     "  assign y = c ? (x << n) : (z >> n);\nendmodule\n",
    "arith_signed": "module t(input signed [7:0] x, input [2:0] n, input c, output signed [7:0] y);\n"
                    "  assign y = c ? (x <<< n) : (x >>> n);\nendmodule\n",
    "widening": "module t(input [7:0] x, input [2:0] n, input c, output [8:0] y);\n"
                "  assign y = c ? (x << n) : (x >> n);\nendmodule\n",
    "same_direction": INLINE_NEG.format("c ? (x >> n) : (x >> (n + 3'd1))"),
    "both_left": INLINE_NEG.format("c ? (x << n) : (x << n)"),
    # the operand is a blocking temporary of the clocked block: a module-level shifter would read it late
    "blocking_temp": "module t(input clk, input [9:0] x, input [2:0] n, input c, output reg [9:0] y);\n"
                     "  reg [9:0] t;\n  always @(posedge clk) begin\n    t = x + 10'd1;\n"
                     "    y <= c ? (t << n) : (t >> n);\n  end\nendmodule\n",
}


def _rev(text: str):
    return [m for m in T.match(text) if "one right shifter" in m.description]


@pytest.mark.parametrize("path,top,w", CASES, ids=lambda v: getattr(v, "parent", Path(str(v))).name)
def test_left_and_right_shift_share_one_right_shifter(path, top, w):
    text = path.read_text()
    (m,) = _rev(text)
    new = apply_edits(text, m.edits)
    assert text[m.start:m.end] not in new  # the selection of the two shifts is replaced
    assert f"wire [{w - 1}:0] rtlopt_rs0 = rtlopt_rs0_x >> " in new
    assert "{rtlopt_rs0[0], rtlopt_rs0[1]," in new  # the result reversed back


def test_if_else_on_one_target_shares_too():
    (m,) = _rev(IF_ELSE)
    new = apply_edits(IF_ELSE, m.edits)
    assert "if (c)" not in new and "    y <= (c ? {rtlopt_rs0[0]," in new


@pytest.mark.yosys
def test_if_else_reversed_shifter_is_proven(tmp_path: Path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    (m,) = _rev(IF_ELSE)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    g, h = tmp_path / "gold" / "t.v", tmp_path / "gate" / "t.v"
    g.write_text(IF_ELSE)
    h.write_text(apply_edits(IF_ELSE, m.edits))
    res = check_equivalence(open_design(g, "t"), open_design(h, "t"), VerifyOptions(timeout_s=90))
    assert res.verdict.name == "EQUIVALENT", res


@pytest.mark.parametrize("name", sorted(NEGATIVES))
def test_not_the_same_shift_mirrored_does_not_fire(name):
    assert not _rev(NEGATIVES[name]), [m.description for m in T.match(NEGATIVES[name])]


@pytest.mark.yosys
@pytest.mark.parametrize("path,top,w", CASES, ids=lambda v: getattr(v, "parent", Path(str(v))).name)
def test_reversed_shifter_is_proven(tmp_path: Path, path, top, w):
    from rtlopt.verify import VerifyOptions, check_equivalence

    text = path.read_text()
    (m,) = _rev(text)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    g, h = tmp_path / "gold" / path.name, tmp_path / "gate" / path.name
    g.write_text(text)
    h.write_text(apply_edits(text, m.edits))
    res = check_equivalence(open_design(g, top), open_design(h, top), VerifyOptions(timeout_s=90))
    assert res.verdict.name == "EQUIVALENT", res
