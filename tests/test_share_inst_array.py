"""Exclusive instance sharing when the instance outputs drive constant elements of an unpacked array
(``.c(cs[0])``, or ``.n(cnt[k])`` in a generate loop whose genvar elaborates to a constant): the outputs
are the array's constant-index reads ``cs[K]``; a variable-index read of the array refuses the pair."""

from __future__ import annotations

import pytest

from rtlopt.templates._sem import analyze
from rtlopt.templates._share import ExclusiveInstanceSharing
from tests._proof import abc_verdict

# Verilog: two explicit encoder instances writing the elements of a wire array; element 0 is read
# when ``rd``, element 1 only when ``!rd && wr``
ENC_V = """module enc(input [7:0] d, output [3:0] c);
  assign c = (d[3:0] + d[7:4]) ^ {d[0], d[7], d[2], d[5]};
endmodule
module top(input clk, input rst, input rd, input wr, input [7:0] x, input [7:0] y, output reg [3:0] q);
  wire [3:0] cs [0:1];
  enc e0 (.d(x), .c(cs[0]));
  enc e1 (.d(y), .c(cs[1]));
  always @(posedge clk)
    if (rst) q <= 4'd0;
    else if (rd) q <= cs[0];
    else if (wr) q <= cs[1];
endmodule
"""

# SystemVerilog: a generate loop of popcount instances over unpacked arrays of inputs / results,
# read as ``en ? (sel ? cnt[1] : cnt[0]) : o``
CNT_SV = """module pc (input logic [7:0] v, output logic [3:0] n);
  always_comb begin
    n = '0;
    for (int i = 0; i < 8; i++) n += 4'(v[i]);
  end
endmodule
module top (input logic clk, input logic rst, input logic sel, input logic en, input logic [7:0] a, input logic [7:0] b,
            output logic [3:0] o);
  logic [7:0] in_w [2];
  logic [3:0] cnt [2];
  assign in_w[0] = a;
  assign in_w[1] = b;
  generate
    for (genvar k = 0; k < 2; k = k + 1) begin : g
      pc p (.v(in_w[k]), .n(cnt[k]));
    end
  endgenerate
  always_ff @(posedge clk) o <= rst ? 4'd0 : en ? (sel ? cnt[1] : cnt[0]) : o;
endmodule
"""


def _share(src: str) -> str:
    t = ExclusiveInstanceSharing()
    ms = t.match(src)
    assert len(ms) == 1, [m.description for m in ms]
    new = t.rewrite(src, ms)
    assert new is not None and analyze(new).errors == 0, new
    return new


@pytest.mark.yosys
def test_explicit_instances_on_array_elements_share_one(tmp_path):
    new = _share(ENC_V)
    assert new.count("enc e") == 1, new
    assert "assign cs[1] = cs[0];" in new, new
    assert "else if (wr) q <= cs[0];" in new, new  # b's read reads a's element
    old = tmp_path / "old.v"
    old.write_text(ENC_V)
    assert str(abc_verdict(tmp_path, old, new, "top")).split(".")[-1].upper() == "EQUIVALENT"


@pytest.mark.yosys
def test_generate_loop_instances_on_array_elements_share_one(tmp_path):
    new = _share(CNT_SV)
    # the loop statement keeps one instance (iteration 0 or 1) on muxed inputs, the other copies
    assert new.count("pc p (") == 1 and "if (k == " in new, new
    assert "in_w[1]" in new and "in_w[0]" in new and "in_w[k]" not in new, new
    assert "assign cnt[1] = cnt[0];" in new or "assign cnt[0] = cnt[1];" in new, new
    # everything outside the loop statement and the reads is byte for byte
    assert new.startswith(CNT_SV[:CNT_SV.index("    for (genvar")]), new
    old = tmp_path / "old.sv"
    old.write_text(CNT_SV)
    assert str(abc_verdict(tmp_path, old, new, "top")).split(".")[-1].upper() == "EQUIVALENT"


def test_variable_index_read_of_the_array_refuses():
    t = ExclusiveInstanceSharing()
    # ``cs[rd]`` may read either element in any cycle: not a constant-index read
    v = ENC_V.replace("output reg [3:0] q);", "output reg [3:0] q, output [3:0] z);").replace(
        "  always @", "  assign z = cs[rd];\n  always @")
    assert analyze(v).errors == 0
    assert t.match(v) == []
    sv = CNT_SV.replace("output logic [3:0] o);", "output logic [3:0] o, output logic [3:0] z);").replace(
        "  always_ff", "  assign z = cnt[sel];\n  always_ff")
    assert analyze(sv).errors == 0
    assert t.match(sv) == []


def test_overlapping_element_reads_and_wider_loops_refuse():
    t = ExclusiveInstanceSharing()
    # both elements matter in the same cycle (the second read is not under ``!rd``)
    assert t.match(ENC_V.replace("else if (wr) q <= cs[1];", "else if (wr) q <= cs[1];\n"
                                 "  always @(posedge clk) if (wr) q2 <= cs[1];").replace(
        "output reg [3:0] q);", "output reg [3:0] q, output reg [3:0] q2);")) == []
    # three iterations of the loop: one edit of the loop statement cannot keep the third
    three = CNT_SV.replace("logic [7:0] in_w [2];", "logic [7:0] in_w [3];").replace(
        "logic [3:0] cnt [2];", "logic [3:0] cnt [3];").replace("k < 2", "k < 3").replace(
        "assign in_w[1] = b;", "assign in_w[1] = b;\n  assign in_w[2] = a ^ b;")
    assert analyze(three).errors == 0
    assert t.match(three) == []
