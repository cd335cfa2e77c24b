"""register_width_reduction reads a ternary next value like the ``if`` it spells: ``c <= (c == LIM) ? 0 :
c + 1`` is ``if (c == LIM) c <= 0; else c <= c + 1;`` (nested ternaries too, a hold arm ``: c`` keeps
the value). The generate-loop counter with a per-iteration localparam limit narrows to the widest
iteration, the SV nested chain narrows as well; both are proven with ABC.

Near-misses: a wrap value above the limit (20, 21, ... run past 9 to the full width), the same in one
generate iteration only, and a ternary counter without a reset (it starts anywhere)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.templates._regwidth import RegisterWidthReduction
from rtlopt.templates._sem import analyze
from tests._proof import abc_verdict

RW = RegisterWidthReduction()
ROOT = Path(__file__).resolve().parents[1]
LANE = (ROOT / "designs/generalization/ranges/lane_wrap_gen_localparam_v/original.v").read_text()

SV_NESTED = """module wrap9 (input logic clk, input logic rst, input logic en, output logic [7:0] q);
  logic [7:0] c;
  always_ff @(posedge clk)
    if (rst) c <= '0;
    else c <= (c == 8'd9) ? 8'd0 : en ? c + 8'd1 : c;
  assign q = c;
endmodule
"""

V_WRAP_HIGH = """module nm (input clk, input rst, input en, output [7:0] q);
  reg [7:0] c;
  always @(posedge clk)
    if (rst) c <= 8'd0;
    else if (en) c <= (c == 8'd9) ? 8'd20 : c + 8'd1;
  assign q = c;
endmodule
"""


def _descs(text: str) -> list[str]:
    return [m.description for m in RW.match(text)]


@pytest.mark.yosys
def test_generate_ternary_wrap_narrowed_and_proven(tmp_path: Path):
    ms = [m for m in RW.match(LANE) if "c 8 -> 5 bits" in m.description]
    assert ms, _descs(LANE)  # lane 3 wraps at 17: 5 bits
    new = RW.rewrite(LANE, ms[:1])
    assert "reg [4:0] c;" in new and analyze(new).errors == 0, new
    old = tmp_path / "old.v"
    old.write_text(LANE)
    assert abc_verdict(tmp_path, old, new, "lane_ctrs").name == "EQUIVALENT"


@pytest.mark.yosys
def test_sv_nested_ternary_narrowed_and_proven(tmp_path: Path):
    ms = [m for m in RW.match(SV_NESTED) if "c 8 -> 4 bits" in m.description]
    assert ms, _descs(SV_NESTED)
    new = RW.rewrite(SV_NESTED, ms[:1])
    assert analyze(new).errors == 0
    old = tmp_path / "old.sv"
    old.write_text(SV_NESTED)
    assert abc_verdict(tmp_path, old, new, "wrap9").name == "EQUIVALENT"


def test_wrap_value_above_limit_not_narrowed():
    for text in (V_WRAP_HIGH,
                 V_WRAP_HIGH.replace("c <= (c == 8'd9) ? 8'd20 : c + 8'd1;",
                                     "begin if (c == 8'd9) c <= 8'd20; else c <= c + 8'd1; end")):
        got = _descs(text)
        assert not any("c 8 ->" in d for d in got), got


def test_wrap_value_above_limit_in_one_iteration_not_narrowed():
    text = LANE.replace("localparam [7:0] LIM = 5 * i + 2;",
                        "localparam [7:0] LIM = 5 * i + 2;\n      localparam [7:0] WR = (i == 2) ? 8'd40 : 8'd0;")
    text = text.replace("c <= (c == LIM) ? 8'd0 : c + 8'd1;", "c <= (c == LIM) ? WR : c + 8'd1;")
    assert "WR : c" in text
    got = _descs(text)
    assert not any("c 8 ->" in d for d in got), got
    ok = _descs(LANE)
    assert any("c 8 -> 5 bits" in d for d in ok), ok


def test_ternary_counter_without_reset_not_narrowed():
    text = SV_NESTED.replace("if (rst) c <= '0;\n    else ", "")
    assert "rst) c" not in text
    got = _descs(text)
    assert not any("c 8 ->" in d for d in got), got
