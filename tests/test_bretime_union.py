"""Backward retiming through several narrowing functions at once (rtlopt.semantic.bretime, union of read
cones): a register read only through a few functions -- window compares, an XOR fold, a case-table
function, a constant select -- holds each function of the written value, one register per function, with
the same clock, enable and reset (reset value computed through the functions). Designs: a descriptor latch
(Verilog, load enable, async active-low reset) and a command register (SV always_ff, async active-high
reset to a nonzero opcode, a function with a case). Restyle: the decodes in an always block's case and a
concatenated index. Near misses: the register also read whole on an output, or read by a variable select,
or the functions as wide as the register. Real Yosys + ABC proofs."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import bretime

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"


def _file(tmp_path: Path, text: str, suffix: str = ".v") -> Path:
    f = tmp_path / ("d" + suffix)
    f.write_text(text)
    return f


@pytest.mark.yosys
@pytest.mark.parametrize("name, top, bits", [("bretime_union_dec_v", "desc_latch", "16 -> 5"),
                                             ("bretime_union_case_sv", "cmd_reg", "12 -> 4")])
def test_several_decodes_move_before_the_register(tmp_path, name, top, bits):
    src = next((GEN / name).glob("original.*"))
    f = _file(tmp_path, src.read_text(), src.suffix)
    got = bretime.candidates_for({f: f.read_text()}, top, timeout_s=60)
    assert got, "no candidate"
    new, desc = got[0]
    assert bits in desc, desc
    t = new[f]
    assert "_f0 <=" in t and "_f1 <=" in t
    assert "[15:0] w_q" not in t and "[11:0] cmd_q" not in t
    assert abc_verdict(tmp_path, f, t, top) == "EQUIVALENT"


_RESTYLE = """
module bank_sel (input clk, input rst_n, input en, input [13:0] addr,
                 output reg [3:0] cs, output [2:0] lane);
  reg [13:0] aq;
  always @(posedge clk or negedge rst_n) begin
    if (~rst_n) aq <= 14'h3f00;
    else begin
      if (en) aq <= addr;
    end
  end
  always @* begin
    cs = 4'b0000;
    case (aq[13:10])
      4'd3: cs = 4'b0001;
      4'd5: cs = 4'b0010;
      4'd9: cs = 4'b0100;
      4'd12: cs = 4'b1000;
      default: cs = 4'b0000;
    endcase
  end
  assign lane = {aq[0], aq[2:1] & aq[4:3]};
endmodule
"""


@pytest.mark.yosys
def test_restyled_case_and_concat_fire(tmp_path):
    f = _file(tmp_path, _RESTYLE)
    got = bretime.candidates_for({f: f.read_text()}, "bank_sel", timeout_s=60)
    assert got, "no candidate"
    new, desc = got[0]
    assert "registers aq " in desc, desc
    t = new[f]
    assert "reg [13:0] aq;" not in t
    assert abc_verdict(tmp_path, f, t, "bank_sel") == "EQUIVALENT"


_BASE = """
module m (input clk, input rst_n, input ld, input [11:0] d, input [3:0] k,
          output [1:0] hit, output [1:0] f, output o);
  reg [11:0] q;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) q <= 12'h0;
    else if (ld) q <= d;
  assign hit = {q[11:6] == 6'h15, q[11:6] == 6'h2a};
  assign f = q[1:0] ^ q[3:2];
  assign o = EXTRA;
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("extra, bits", [("1'b0", "12 -> 4"), ("^q", "12 -> 5"), ("|q[5:4]", "12 -> 5"),
                                         ("q[k]", None)])
def test_union_fires_or_not(tmp_path, extra, bits):
    """A reduction of all of q is one more 1-bit function (still narrower); a variable select reads q
    whole: never removed."""
    f = _file(tmp_path, _BASE.replace("EXTRA", extra))
    got = bretime.candidates_for({f: f.read_text()}, "m", timeout_s=60)
    union = [(n, d) for n, d in got if "registers q " in d and "_f0" in d]
    if bits is None:
        assert not union, got
        return
    assert union and bits in union[0][1], got
    assert abc_verdict(tmp_path, f, union[0][0][f], "m") == "EQUIVALENT"


@pytest.mark.yosys
def test_register_on_an_output_not_offered(tmp_path):
    t = _BASE.replace("output o);", "output o, output [11:0] qo);").replace("assign o = EXTRA;",
                                                                            "assign o = 1'b0;\n  assign qo = q;")
    f = _file(tmp_path, t)
    got = bretime.candidates_for({f: f.read_text()}, "m", timeout_s=60)
    assert not [d for _n, d in got if "registers q " in d], got


@pytest.mark.yosys
def test_union_as_wide_as_register_refused(tmp_path):
    t = _BASE.replace("reg [11:0] q;", "reg [11:0] q;\n  wire [8:0] w = {q[11:6] + 6'd1, q[5:3]};") \
             .replace("assign o = EXTRA;", "assign o = ^w;")
    t = t.replace("assign hit = {q[11:6] == 6'h15, q[11:6] == 6'h2a};", "assign hit = q[11:10] | q[9:8];")
    t = t.replace("assign f = q[1:0] ^ q[3:2];", "assign f = {q[2], q[0]} ;")
    f = _file(tmp_path, t)
    got = bretime.candidates_for({f: f.read_text()}, "m", timeout_s=60)
    assert not [d for _n, d in got if "registers q " in d], got


@pytest.mark.yosys
def test_async_reset_to_a_signal_not_offered(tmp_path):
    """An asynchronous reset loading an input: f of the reset value is no constant."""
    t = _BASE.replace("input [3:0] k,", "input [3:0] k, input [11:0] init,").replace("q <= 12'h0;", "q <= init;") \
             .replace("EXTRA", "1'b0")
    f = _file(tmp_path, t)
    got = bretime.candidates_for({f: f.read_text()}, "m", timeout_s=60)
    assert not [d for _n, d in got if "registers q " in d], got
    # the same reset value under a synchronous reset is a function of the written value like any other
    t2 = t.replace("always @(posedge clk or negedge rst_n)", "always @(posedge clk)")
    f2 = _file(tmp_path, t2)
    got2 = bretime.candidates_for({f2: f2.read_text()}, "m", timeout_s=60)
    assert [d for _n, d in got2 if "registers q " in d], got2


_PARAM = """
module win_dec #(parameter W = 24, parameter [W-1:0] ORG = 24'h12_3400) (
    input  wire         clk, input wire arst_n, input wire grab,
    input  wire [W-1:0] ain,
    output wire [2:0]   win, output wire [1:0] word);
    reg [W-1:0] a_r;
    always @(posedge clk or negedge arst_n)
        if (!arst_n) a_r <= {W{1'b0}};
        else if (grab) a_r <= ain;
    assign win[0] = (a_r[W-1:9] == (ORG >> 9) + 0);
    assign win[1] = (a_r[W-1:9] == (ORG >> 9) + 1);
    assign win[2] = (a_r[W-1:9] == (ORG >> 9) + 2);
    assign word = a_r[4:3];
endmodule
"""


@pytest.mark.yosys
def test_parameterized_windows_and_a_plain_select(tmp_path):
    """Parameter-sized compares with a parameter origin and a bare constant select as the union."""
    f = _file(tmp_path, _PARAM)
    got = bretime.candidates_for({f: f.read_text()}, "win_dec", timeout_s=60)
    assert got and "24 -> 5" in got[0][1], got
    t = got[0][0][f]
    assert "a_r_f3 <= ain[4:3];" in t and "reg [W-1:0] a_r;" not in t
    assert abc_verdict(tmp_path, f, t, "win_dec") == "EQUIVALENT"
