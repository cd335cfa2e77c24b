"""Exclusive instance sharing when the instance outputs are not muxed but only *matter* under exclusive
conditions: read as ``en && h`` / ``!en || h`` (the other operand of a one-bit AND/OR), or through a
single-driver net (``wire s = c ^ k`` read under ``rd ? s : 0`` and ``rd && s != 0``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.templates._sem import analyze
from rtlopt.templates._share import ExclusiveInstanceSharing

# Verilog: two comparator instances, results consumed under ``a && h`` with exclusive enables
# (the second request only when the first is idle), through decode wires
CMP_V = """module eqc #(parameter W = 8) (input [W-1:0] p, input [W-1:0] q, input en, output m);
  assign m = en & (p == q);
endmodule
module top(input clk, input rst, input ra, input wa, input [15:0] x, input [15:0] y,
           input [15:0] k, input ok, output reg hr, output reg hw, output reg mw);
  wire go_r = ra;
  wire go_w = wa && !ra;
  wire m_r, m_w;
  eqc #(.W(16)) c_r (.p(k), .q(x), .en(ok), .m(m_r));
  eqc #(.W(16)) c_w (.p(k), .q(y), .en(ok), .m(m_w));
  always @(posedge clk)
    if (rst) begin hr <= 1'b0; hw <= 1'b0; mw <= 1'b0; end
    else begin
      hr <= go_r && m_r;
      hw <= m_w & go_w;
      mw <= go_w && !m_w;
    end
endmodule
"""

# SystemVerilog: parity generator instances; the read one is read through a net (syndrome) that is
# consumed under ``rd ? s : '0`` and ``!rd || s == '0`` (an OR: matters only when rd)
PAR_SV = """module pgen (input logic [15:0] d, output logic [3:0] c);
  always_comb begin
    c = '0;
    for (int i = 0; i < 16; i++) c[i % 4] = c[i % 4] ^ d[i];
  end
endmodule
module port (input logic clk, input logic we, input logic re, input logic [15:0] wd, input logic [15:0] rd_d,
             input logic [3:0] rk, output logic [3:0] wk, output logic [3:0] syn, output logic clean);
  logic rd;
  assign rd = re & ~we;
  logic [3:0] cw, cr;
  pgen g_w (.d(wd), .c(cw));
  pgen g_r (.d(rd_d), .c(cr));
  wire [3:0] s = cr ^ rk;
  always_ff @(posedge clk) begin
    wk <= we ? cw : 4'd0;
    syn <= rd ? s : 4'd0;
    clean <= !rd || (s == 4'd0);
  end
endmodule
"""


def _equivalent(tmp_path: Path, src: str, text: str, top: str, ext: str) -> str:
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence

    f, g = tmp_path / f"a.{ext}", tmp_path / f"b.{ext}"
    f.write_text(src)
    g.write_text(text)
    res = check_equivalence(open_design([f], top), open_design([g], top), VerifyOptions(timeout_s=120))
    return str(res.verdict).split(".")[-1].upper()


def _share(src: str) -> str:
    t = ExclusiveInstanceSharing()
    ms = t.match(src)
    assert len(ms) == 1, [m.description for m in ms]
    new = t.rewrite(src, ms)
    assert new is not None and analyze(new).errors == 0
    return new


@pytest.mark.yosys
def test_and_enabled_reads_share_one_comparator(tmp_path):
    new = _share(CMP_V)
    assert new.count("eqc #(.W(16)) c_") == 1
    assert ".q(ra ? x : y)" in new or ".q(!ra ? y : x)" in new or ".q(~ra ? y : x)" in new, new
    assert _equivalent(tmp_path, CMP_V, new, "top", "v") == "EQUIVALENT"


@pytest.mark.yosys
def test_reads_through_a_net_under_or_share_one_generator(tmp_path):
    new = _share(PAR_SV)
    assert new.count("pgen g_") == 1 and "we ? wd : rd_d" in new
    assert _equivalent(tmp_path, PAR_SV, new, "port", "sv") == "EQUIVALENT"


def test_units_active_in_the_same_cycle_are_not_shared():
    t = ExclusiveInstanceSharing()
    # both requests may be granted together: the two compares are needed in one cycle
    assert t.match(CMP_V.replace("wire go_w = wa && !ra;", "wire go_w = wa;")) == []
    # a write and a read in the same cycle
    assert t.match(PAR_SV.replace("assign rd = re & ~we;", "assign rd = re;")) == []
    # a read under an OR that does not exclude: ``rd || s == 0`` matters when rd is false too
    assert t.match(PAR_SV.replace("!rd || (s == 4'd0)", "rd || (s == 4'd0)")) == []
    # the written check bits also leave unguarded (a port)
    assert t.match(PAR_SV.replace("clean <= !rd || (s == 4'd0);", "clean <= |(s & cw);")) == []


# Verilog functions: the same check function called on the write word and on the read word, the
# results consumed under exclusive enables (``we`` and ``re && !we``), one inside an if, one under &&
FUNC_V = """module fport(input clk, input we, input re, input [15:0] wd, input [15:0] rdw, input [5:0] rk,
             output reg [5:0] wk, output reg bad);
  function [5:0] mix;
    input [15:0] d;
    integer i;
    begin
      mix = 6'd0;
      for (i = 0; i < 16; i = i + 1) mix = {mix[4:0], mix[5]} ^ {5'd0, d[i]} ^ (d[i] ? 6'h2b : 6'h00);
    end
  endfunction
  wire rd = re && !we;
  always @(posedge clk) begin
    if (we) wk <= mix(wd);
    bad <= rd && (mix(rdw) != rk);
  end
endmodule
"""


@pytest.mark.yosys
def test_exclusive_function_calls_share_one_call(tmp_path):
    new = _share(FUNC_V)
    assert new.count("mix(") == 1, new  # one call left
    assert "= mix(we ? wd : rdw);" in new or "= mix(~we ? rdw : wd);" in new, new
    assert _equivalent(tmp_path, FUNC_V, new, "fport", "v") == "EQUIVALENT"


def test_function_calls_that_overlap_are_not_shared():
    t = ExclusiveInstanceSharing()
    assert t.match(FUNC_V.replace("wire rd = re && !we;", "wire rd = re;")) == []
    # an unguarded use of one call
    assert t.match(FUNC_V.replace("bad <= rd && (mix(rdw) != rk);", "bad <= mix(rdw) != rk;")) == []
