"""exclusive_operator_sharing of whole trees (rtlopt.templates._treeshare) restyled: the seg4 multiply-adds
of test_treeshare written as one nested ternary, an SV enum + unique case, a parameterized core with the
widths overridden by a top, one-hot select arms, and as continuous-assignment wires selected by a segment
code declared *after* them (the unit is declared at the first use and driven at the module's end). Near
misses: a wire read unguarded by a second output joins no unit; overlapping guards share nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.templates._share import ExclusiveOperatorSharing

T = ExclusiveOperatorSharing()

TERNARY = """module seg4(input [4:0] x, input [4:0] s0, s1, s2, s3, input [9:0] o0, o1, o2, o3,
  output [9:0] y);
  assign y = (x < 5'd6) ? x * s0 + o0 :
             (x < 5'd12) ? o1 + s1 * x :
             (x < 5'd20) ? s2 * x + o2 : o3 + x * s3;
endmodule
"""

ENUM_SV = """module seg4(input logic [4:0] x, input logic [4:0] s0, s1, s2, s3, input logic [9:0] o0, o1, o2, o3,
  output logic [9:0] y);
  typedef enum logic [1:0] {LOW, MID, HIGH, TOP} seg_t;
  seg_t seg;
  always_comb begin
    if (x < 5'd6) seg = LOW;
    else if (x < 5'd12) seg = MID;
    else if (x < 5'd20) seg = HIGH;
    else seg = TOP;
  end
  always_comb begin
    unique case (seg)
      LOW:  y = x * s0 + o0;
      MID:  y = o1 + s1 * x;
      HIGH: y = s2 * x + o2;
      TOP:  y = o3 + x * s3;
    endcase
  end
endmodule
"""

PARAM_TOP = """module seg_core #(parameter W = 4, parameter OW = 8)(input [W-1:0] x, input [W-1:0] s0, s1, s2, s3,
  input [OW-1:0] o0, o1, o2, o3, output reg [OW-1:0] y);
  always @(*) begin
    case (x[W-1:W-2])
      2'b00: y = x * s0 + o0;
      2'b01: y = o1 + s1 * x;
      2'b10: y = s2 * x + o2;
      default: y = o3 + x * s3;
    endcase
  end
endmodule
module top(input [5:0] x, input [5:0] s0, s1, s2, s3, input [11:0] o0, o1, o2, o3, output [11:0] y);
  seg_core #(.W(6), .OW(12)) u(.x(x), .s0(s0), .s1(s1), .s2(s2), .s3(s3), .o0(o0), .o1(o1), .o2(o2), .o3(o3), .y(y));
endmodule
"""

ONEHOT = """module selmac(input [2:0] sel, input [3:0] a0, b0, a1, b1, a2, b2, input [7:0] c0, c1, c2,
  output reg [7:0] y);
  always @* begin
    case (sel)
      3'b001: y = a0 * b0 + c0;
      3'b010: y = c1 + b1 * a1;
      3'b100: y = a2 * b2 + c2;
      default: y = 8'd0;
    endcase
  end
endmodule
"""

LATE_SEG = """module seg4(input [4:0] x, input [4:0] s0, s1, s2, s3, input [9:0] o0, o1, o2, o3,
  output [9:0] y);
  wire [9:0] p0 = x * s0 + o0;
  wire [9:0] p1 = o1 + s1 * x;
  wire [9:0] p2 = s2 * x + o2;
  wire [9:0] p3 = o3 + x * s3;
  wire [1:0] seg = (x < 5'd6) ? 2'd0 : (x < 5'd12) ? 2'd1 : (x < 5'd20) ? 2'd2 : 2'd3;
  assign y = seg == 2'd0 ? p0 : seg == 2'd1 ? p1 : seg == 2'd2 ? p2 : p3;
endmodule
"""

# p0 is also an output of its own: its value matters under every guard
LATE_SEG_TAP = LATE_SEG.replace("output [9:0] y);", "output [9:0] y, output [9:0] tap);").replace(
    "endmodule", "  assign tap = p0;\nendmodule")
# the select code overlaps: seg 0 and seg 1 guards both hold for x < 6
OVERLAP = """module seg4(input [4:0] x, input [4:0] s0, s1, input [9:0] o0, o1, output [9:0] y, z);
  assign y = (x < 5'd12) ? x * s0 + o0 : 10'd0;
  assign z = (x > 5'd6) ? o1 + s1 * x : 10'd0;
endmodule
"""


def _trees(text: str):
    return [m for m in T.match(text) if m.data.get("tree")]


def _prove(tmp_path: Path, gold: str, gate: str, top: str, suffix: str = ".v"):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g, h = tmp_path / f"gold{suffix}", tmp_path / f"gate{suffix}"
    g.write_text(gold)
    h.write_text(gate)
    return check_equivalence(DesignRef([g], top), DesignRef([h], top), VerifyOptions(timeout_s=120)).verdict


@pytest.mark.parametrize("text,n,width", [(TERNARY, 4, 10), (ENUM_SV, 4, 10), (PARAM_TOP, 4, 12),
                                          (ONEHOT, 3, 8), (LATE_SEG, 4, 10)])
def test_restyled_multiply_adds_share_one_unit(text, n, width):
    ms = [m for m in _trees(text) if m.data["nops"] == n]
    assert ms and f"one {width}-bit (_ * _) + _ unit" in ms[0].description, [m.description for m in _trees(text)]
    new = T.rewrite(text, [ms[0]])
    assert new is not None and new.count(" * ") == 1, new


@pytest.mark.yosys
def test_late_declared_select_unit_driven_at_the_module_end(tmp_path):
    m = next(m for m in _trees(LATE_SEG) if m.data["nops"] == 4)
    new = T.rewrite(LATE_SEG, [m])
    lines = [ln.strip() for ln in new.splitlines()]
    # declared before the first use, driven after the select code's declaration
    assert lines.index("wire [9:0] rtlopt_sht0;") < lines.index("wire [9:0] p0 = rtlopt_sht0;")
    drv = next(i for i, ln in enumerate(lines) if ln.startswith("assign rtlopt_sht0 ="))
    assert drv > next(i for i, ln in enumerate(lines) if ln.startswith("wire [1:0] seg")) and lines[drv + 1] == "endmodule"
    assert _prove(tmp_path, LATE_SEG, new, "seg4") == "EQUIVALENT"


def test_unguarded_read_keeps_its_tree_out():
    # p1..p3 stay exclusive (a 3-use unit is fine); p0, read unguarded by tap, joins no unit
    ms = _trees(LATE_SEG_TAP)
    assert ms and all(m.data["nops"] <= 3 and "x * s0" not in m.description for m in ms), \
        [m.description for m in ms]


def test_overlapping_guards_are_not_shared():
    assert _trees(OVERLAP) == []
