"""A multiply/divide/modulo by a constant power of two (``d[sel*W +: W]`` of a lane mux, ``x / 4``,
``x % 16``) is wiring: it must not count as a multiplier/divider when the proof portfolio picks its
engine order (verilog-axis axis_arb_mux at S_COUNT=4: the lane select ``s_axis_tdata[grant*8 +: 8]``
made a '$mul' cell, z3 went first and ran out at 92 s where ABC proved the arbiter rewrite in 1.3 s).
Real multipliers, constants that are not powers of two and signed division keep the word-level order."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
from rtlopt.verify._netlist import _shift_type
from rtlopt.verify._prepare import elaborate


def _cell(t: str, a: list, b: list, signed: bool = False) -> dict:
    s = "1" if signed else "0"
    return {"type": t, "parameters": {"A_SIGNED": s, "B_SIGNED": s},
            "connections": {"A": a, "B": b, "Y": [9, 10]}}


def test_shift_type_of_cells():
    assert _shift_type(_cell("$mul", [2, 3], ["0", "0", "0", "1"])) == "$shl"   # x * 8
    assert _shift_type(_cell("$mul", ["0", "1", "0"], [2, 3])) == "$shl"        # 2 * x
    assert _shift_type(_cell("$div", [2, 3, 4], ["0", "0", "1"])) == "$shr"     # x / 4
    assert _shift_type(_cell("$mod", [2, 3, 4], ["0", "0", "1"])) == "$and"     # x % 4
    # near misses: not a power of two, not constant, signed division, negative signed constant
    assert _shift_type(_cell("$mul", [2, 3], ["1", "0", "1", "0"])) is None     # x * 5
    assert _shift_type(_cell("$mul", [2, 3], [4, 5])) is None                   # x * y
    assert _shift_type(_cell("$div", [2, 3, 4], ["0", "0", "1", "0"], signed=True)) is None
    assert _shift_type(_cell("$mul", [2, 3], ["0", "0", "1"], signed=True)) is None  # x * -4
    assert _shift_type(_cell("$add", [2, 3], ["0", "1"])) is None


LANES = """
module lanes #(parameter W = 8) (
    input wire clk, input wire rst,
    input wire [4*W-1:0] d, input wire [3:0] req,
    output wire [W-1:0] y, output wire [3:0] gnt, output wire [3:0] q);
    reg [1:0] sel_reg = 0;
    reg       vld_reg = 0;
    {GNT_DECL}
    reg [W-1:0] y_reg = 0;
    reg [3:0] q_reg = 0;
    assign y = y_reg;
    assign gnt = gnt_reg;
    assign q = {QEXPR};
    always @(posedge clk) begin
        y_reg <= d[sel_reg*W +: W];
        q_reg <= req {QOP};
        if (req[0])      begin sel_reg <= 2'd0; vld_reg <= 1'b1; {G0} end
        else if (req[1]) begin sel_reg <= 2'd1; vld_reg <= 1'b1; {G1} end
        else if (req[2]) begin sel_reg <= 2'd2; vld_reg <= 1'b1; {G2} end
        else if (req[3]) begin sel_reg <= 2'd3; vld_reg <= 1'b1; {G3} end
        else             begin sel_reg <= 2'd0; vld_reg <= 1'b0; {GN} end
        if (rst) begin sel_reg <= 0; vld_reg <= 0; y_reg <= 0; q_reg <= 0; {GR} end
    end
endmodule
"""


def _lanes(gate: bool, qexpr: str = "q_reg", qop: str = "") -> str:
    if gate:  # the one-hot grant is the decode of the index register, gated by the valid flag
        g = dict(GNT_DECL="wire [3:0] gnt_reg = vld_reg ? (4'b0001 << sel_reg) : 4'b0000;",
                 G0="", G1="", G2="", G3="", GN="", GR="")
    else:
        g = dict(GNT_DECL="reg [3:0] gnt_reg = 0;", G0="gnt_reg <= 4'b0001;", G1="gnt_reg <= 4'b0010;",
                 G2="gnt_reg <= 4'b0100;", G3="gnt_reg <= 4'b1000;", GN="gnt_reg <= 4'b0000;", GR="gnt_reg <= 0;")
    text = LANES
    for k, v in {**g, "QEXPR": qexpr, "QOP": qop}.items():
        text = text.replace("{" + k + "}", v)
    return text


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


@pytest.mark.parametrize("qexpr,qop,arith", [
    ("q_reg", "", False),                 # only the lane select d[sel*W +: W]
    ("q_reg / 4'd4", "", False),          # unsigned divide by a power of two
    ("q_reg * 4'd3", "", True),           # near miss: 3 is not a power of two
    ("q_reg * req", "", True),            # near miss: a real multiplier
])
def test_lane_select_scaled_by_power_of_two_is_not_arithmetic(tmp_path: Path, qexpr, qop, arith):
    g = _write(tmp_path, "g.v", _lanes(False, qexpr, qop))
    h = _write(tmp_path, "h.v", _lanes(True, qexpr, qop))
    wd = tmp_path / "wd"
    wd.mkdir()
    ginfo, _gil, hinfo, _hil = elaborate(open_design(g), open_design(h), wd, timeout=60)
    assert ginfo.has_arith is arith and hinfo.has_arith is arith


def test_register_function_rewrite_beside_scaled_lane_select_proven_without_z3_first(tmp_path: Path):
    g = _write(tmp_path, "g.v", _lanes(False))
    h = _write(tmp_path, "h.v", _lanes(True))
    # parallel=False: the order itself (in a race z3 may decide first under load)
    res = check_equivalence(open_design(g), open_design(h), VerifyOptions(timeout_s=90, parallel=False))
    assert res.verdict is Verdict.EQUIVALENT, res.reason
    tried = [e for e, _o, _s in res.engines_tried]
    assert "smt" not in tried, res.engines_tried  # a bit-level engine decided before z3 got a slice
    # and a wrong decode (index one lane off) is still caught
    bad = _lanes(True).replace("4'b0001 << sel_reg", "4'b0010 << sel_reg")
    b = _write(tmp_path, "b.v", bad)
    res = check_equivalence(open_design(g), open_design(b), VerifyOptions(timeout_s=90))
    assert res.verdict is Verdict.NOT_EQUIVALENT, res.reason
