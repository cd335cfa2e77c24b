"""``rtlopt check`` does not warn of a multiplier shared by products whose operand is a parameter
(verilog-axis axis_adapter.v:179 ``m_axis_tdata_reg[seg_reg*SEG_DATA_WIDTH +: ...]`` in two arms,
axis_switch.v:236 ``tdest[m*S_DEST_WIDTH + ...]``): a product by a constant is shifts and adds, there
is no multiplier to share. The template proposes it (the optimizer measures and rejects it); the report
drops it. Near miss: products of two variable words of different signedness are still a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.commands import check
from rtlopt.templates import REGISTRY, analyze
from tests.test_check_speed import _no_active_project, _w  # noqa: F401 - (an autouse fixture)
from tests.test_mulsign_comb import ARMS

# own designs: a segment written at seg*SEG_W in both arms of an if (Verilog), a lane at k*STEP in the
# arms of a case with a localparam step (SV)
SEG_V = """module seg_pack #(parameter SEG_W = 8, parameter N = 4) (input clk, input [1:0] seg, input sel,
                 input [SEG_W-1:0] d0, d1, output reg [SEG_W*N-1:0] q);
  always @(posedge clk) begin
    if (seg == 0) begin
      q[seg*SEG_W +: SEG_W] <= sel ? d0 : d1;
    end else begin
      q[seg*SEG_W +: SEG_W] <= d1;
    end
  end
endmodule
"""
LANE_SV = """module lane_put #(parameter int LW = 4) (input logic clk, input logic [2:0] k, input logic [1:0] m,
                                          input logic [LW-1:0] x, output logic [8*LW-1:0] q);
  localparam int STEP = LW;
  always_ff @(posedge clk) begin
    case (m)
      2'd0: q[k*STEP +: LW] <= x;
      2'd1: q[k*STEP +: LW] <= ~x;
      default: q[k*STEP +: LW] <= '0;
    endcase
  end
endmodule
"""


@pytest.mark.parametrize("name,text", [("seg.v", SEG_V), ("lane.sv", LANE_SV)])
def test_products_by_a_parameter_are_not_reported(tmp_path: Path, name, text):
    f = _w(tmp_path / name, text)
    an = analyze(text, str(f))
    assert REGISTRY["multiplier_sign_sharing"].match(an)  # the template proposes it ...
    rep = check.check_files([f], only={"multiplier_sign_sharing"}, file_timeout=600)
    assert not rep.findings and not rep.skipped  # ... the report drops it


def test_near_miss_products_of_two_words_are_still_a_warning(tmp_path: Path):
    f = _w(tmp_path / "arms.sv", ARMS)
    rep = check.check_files([f], only={"multiplier_sign_sharing"}, file_timeout=600)
    assert [(x.rule, x.severity) for x in rep.findings] == [("multiplier_sign_sharing", "warning")]
