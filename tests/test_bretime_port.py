"""Backward retiming of a mux (or any narrowing function) across module boundaries
(rtlopt.semantic.bretime_port + bretime): registers loaded together -- a bank of words and the select
that picks one of them -- read in another module only through the select are replaced by one register
of the selected word, loaded with the mux of the inputs (select taken from the select's next value).

Fires: a lane holder child read by its parent through an indexed part-select (Verilog, async low reset,
push only), a time-stamp freeze child read by a sibling report child through a packed-array select (SV,
``.*`` connections, the two registers loaded by separate ``if (freeze)`` statements: lift, then push),
and both restyled (the reader moved into a sibling child with named connections; the lane picked by a
right shift that the reading net truncates: the register holds the low bits only; one if with
begin/end, renamed parent nets); registers in the parent read through a child's part-select (lift only).
Near misses that must not fire: a select register loaded under another
enable (it can change between loads), a select that is a live input, a bank also read whole on an
output. Real Yosys + ABC proofs."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import bretime

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"


def _run(tmp_path: Path, name: str, top: str, edits=()):
    src = next((GEN / name).glob("original.*"))
    text = src.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    f = tmp_path / ("d" + src.suffix)
    f.write_text(text)
    return f, bretime.candidates_for({f: text}, top, timeout_s=60)


_LANE_SIBLING = [
    # the reader is a sibling child module with named connections, not the parent
    ("    assign pick = held_w[lane_w*12 +: 12];\n",
     "    lane_pick u_pick (.hv(held_w), .ln(lane_w), .word(pick));\n"),
    ("module lane_watch (",
     "module lane_pick (input wire [47:0] hv, input wire [1:0] ln, output wire [11:0] word);\n"
     "    assign word = hv[ln*12 +: 12];\nendmodule\n\nmodule lane_watch ("),
]
_LANE_SHIFT = [
    # the lane picked by a right shift the 12-bit net truncates (only the low bits are read)
    ("    assign pick = held_w[lane_w*12 +: 12];", "    assign pick = held_w >> (lane_w * 12);"),
]
_STAMP_RESTYLE = [
    ("            if (freeze) frozen <= now;\n            if (freeze) ask_q  <= ask;\n",
     "            if (freeze) begin\n                ask_q  <= ask;\n                frozen <= now;\n            end\n"),
    ("    logic [5:0][13:0] frozen;\n    logic [2:0]       ask_q;\n",
     "    logic [5:0][13:0] fz;\n    logic [2:0]       aq;\n"),
    ("    ts_freeze #(.NCH(6), .TW(14)) u_frz (.*);\n    ts_report #(.NCH(6), .TW(14)) u_rep (.*);\n",
     "    ts_freeze #(.NCH(6), .TW(14)) u_frz (.clk(clk), .rst_n(rst_n), .freeze(freeze), .now(now), .ask(ask),\n"
     "                                         .frozen(fz), .ask_q(aq));\n"
     "    ts_report #(.NCH(6), .TW(14)) u_rep (.clk(clk), .rst_n(rst_n), .rd(rd), .frozen(fz), .ask_q(aq),\n"
     "                                         .report(report));\n"),
]


@pytest.mark.yosys
@pytest.mark.parametrize("name, top, edits, regs, bits", [
    ("bretime_port_lane_v", "lane_watch", (), "held, lane_q", "50 -> 12"),
    ("bretime_port_lane_v", "lane_watch", _LANE_SIBLING, "held, lane_q", "50 -> 12"),
    ("bretime_port_lane_v", "lane_watch", _LANE_SHIFT, "held, lane_q", "50 -> 12"),
    ("bretime_port_stamp_sv", "ts_unit", (), "ask_q, frozen", "87 -> 14"),
    ("bretime_port_stamp_sv", "ts_unit", _STAMP_RESTYLE, "ask_q, frozen", "87 -> 14"),
])
def test_select_moves_before_the_bank_across_modules(tmp_path, name, top, edits, regs, bits):
    f, got = _run(tmp_path, name, top, edits)
    assert got, "no candidate"
    new, desc = got[0]
    assert f"registers {regs} are read only through" in desc and bits in desc, desc
    t = new[f]
    assert "_rtlopt_iu_" in t, t  # the changed children are copies for their instances
    assert abc_verdict(tmp_path, f, t, top) == "EQUIVALENT"


@pytest.mark.yosys
def test_select_loaded_under_another_enable_does_not_fire(tmp_path):
    """The select may change between loads of the bank: the selected word is no function of the
    registers' common next value."""
    _f, got = _run(tmp_path, "bretime_port_stamp_sv", "ts_unit", [
        ("            if (freeze) ask_q  <= ask;", "            if (rd) ask_q  <= ask;")])
    assert not [d for _n, d in got if "frozen" in d], got


@pytest.mark.yosys
def test_live_select_input_does_not_fire(tmp_path):
    _f, got = _run(tmp_path, "bretime_port_lane_v", "lane_watch", [
        ("    assign pick = held_w[lane_w*12 +: 12];", "    assign pick = held_w[lane*12 +: 12];")])
    assert got == [], got


@pytest.mark.yosys
def test_bank_also_read_whole_does_not_fire(tmp_path):
    _f, got = _run(tmp_path, "bretime_port_stamp_sv", "ts_unit", [
        ("    output logic [14:0]     report\n", "    output logic [14:0]     report,\n"
                                               "    output logic [5:0][13:0] dbg\n"),
        ("    logic [2:0]       ask_q;\n", "    logic [2:0]       ask_q;\n    assign dbg = frozen;\n")])
    assert got == [], got


_PARENT_BANK = """
module pick_fmt (input wire [31:0] bank, input wire [1:0] k, output wire [8:0] o);
    wire [7:0] b = bank[k*8 +: 8];
    assign o = {^b, b};
endmodule
module par_top (input wire clk, input wire rst, input wire ld, input wire [31:0] d, input wire [1:0] ks,
                output reg [8:0] y);
    reg [31:0] bank_q;
    reg [1:0]  k_q;
    wire [8:0] o;
    always @(posedge clk)
        if (rst) begin bank_q <= 32'd0; k_q <= 2'd0; end
        else if (ld) begin bank_q <= d; k_q <= ks; end
    pick_fmt u_f (.bank(bank_q), .k(k_q), .o(o));
    always @(posedge clk) y <= rst ? 9'd0 : o;
endmodule
"""


@pytest.mark.yosys
def test_parent_registers_read_by_a_child_select(tmp_path):
    """The registers in the parent, the select in a child: lifted into the parent, retimed there."""
    f = tmp_path / "d.v"
    f.write_text(_PARENT_BANK)
    got = bretime.candidates_for({f: _PARENT_BANK}, "par_top", timeout_s=60)
    assert got, "no candidate"
    new, desc = got[0]
    assert "registers bank_q, k_q are read only through" in desc and "34 -> 8" in desc, desc
    t = new[f]
    assert "reg [31:0] bank_q;" not in t and "pick_fmt_rtlopt_iu_f u_f" in t, t
    assert abc_verdict(tmp_path, f, t, "par_top") == "EQUIVALENT"
