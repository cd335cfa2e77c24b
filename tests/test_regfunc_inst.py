"""Registers that are a function of another register across module instances (regfunc shr / modadd
relations, regfunc_inst instance drop) and registers read only as one operator's operands (regretime)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic import regretime

# a word counter instance kept beside a byte counter instance: words == bytes >> 2
SHR = """
module bcnt(input clk, input rst, input inc, output reg [15:0] n);
  always @(posedge clk) if (rst) n <= 16'd0; else if (inc) n <= n + 16'd1;
endmodule
module wcnt(input clk, input rst, input inc, output reg [13:0] w);
  reg [1:0] ph;
  always @(posedge clk)
    if (rst) begin ph <= 2'd0; w <= 14'd0; end
    else if (inc) begin ph <= ph + 2'd1; if (ph == 2'd3) w <= w + 14'd1; end
endmodule
module top(input clk, input rst, input inc, output [15:0] nb, output [13:0] nw);
  bcnt ub (.clk(clk), .rst(rst), .inc(inc), .n(nb));
  wcnt uw (.clk(clk), .rst(rst), .inc(inc), .w(nw));
endmodule
"""

# two wrap-at-40 counters started one apart: rd == (wr + 39) mod 40
MOD = """
module wrapc #(parameter START = 0) (input clk, input rst, input en, output reg [5:0] c);
  always @(posedge clk)
    if (rst) c <= START;
    else if (en) c <= (c == 6'd39) ? 6'd0 : c + 6'd1;
endmodule
module top(input clk, input rst, input en, output [5:0] wr, output [5:0] rd);
  wrapc #(.START(1)) u_w (.clk(clk), .rst(rst), .en(en), .c(wr));
  wrapc #(.START(0)) u_r (.clk(clk), .rst(rst), .en(en), .c(rd));
endmodule
"""

# negative: the same counters with their own enables are not functions of each other
NEG = MOD.replace("input en, output [5:0] wr", "input en, input en2, output [5:0] wr").replace(
    ".en(en), .c(rd)", ".en(en2), .c(rd)")


def _cands(tmp_path: Path, text: str):
    from rtlopt.semantic import regfunc

    f = tmp_path / "d.v"
    f.write_text(text)
    texts = {f: text}
    return f, regfunc.analysis_for(texts, "top", 20.0), regfunc.candidates_for(texts, "top", 20.0)


@pytest.mark.yosys
def test_shr_relation_drops_instance(tmp_path):
    f, an, got = _cands(tmp_path, SHR)
    assert any(r.op == "shr" and r.target == "nw" and r.base == "nb" and r.k == 2 for r in an.relations)
    new = [t[f] for t, d in got if "instance dropped" in d]
    assert new and "assign nw = nb >> 2;" in new[0] and "wcnt uw" not in new[0] and "bcnt ub" in new[0]


@pytest.mark.yosys
def test_modadd_relation_drops_instance(tmp_path):
    f, an, got = _cands(tmp_path, MOD)
    assert any(r.op == "modadd" and r.target == "rd" and r.mod == 40 and r.k == 39 for r in an.relations)
    texts = [t[f] for t, d in got if "instance dropped" in d]
    assert any("assign rd = " in t and "u_r" not in t and "u_w" in t for t in texts)


@pytest.mark.yosys
def test_unrelated_counters_not_proposed(tmp_path):
    _f, an, got = _cands(tmp_path, NEG)
    assert not [r for r in an.relations if {r.target, r.base} == {"wr", "rd"}]
    assert not [d for _t, d in got if "instance dropped" in d]


RETIME = """
module m(input clk, input rst, input en, input signed [7:0] a, input signed [7:0] b,
         output reg signed [9:0] y);
  reg signed [7:0] a_d, b_d;
  always @(posedge clk)
    if (rst) begin
      a_d <= 8'sd0;
      b_d <= 8'sd0;
      y <= 10'sd0;
    end else if (en) begin
      a_d <= a;
      b_d <= b;
      y <= (a - b) - (a_d - b_d);
    end
endmodule
"""


def test_retime_pair_into_result_register(tmp_path):
    f = tmp_path / "r.v"
    got = regretime.candidates_for({f: RETIME}, "m")
    assert len(got) == 1
    t = got[0][0][f]
    assert "reg signed [8:0] a_d_sub_b_d;" in t
    assert "a_d_sub_b_d <= (a) - (b);" in t and "y <= (a - b) - a_d_sub_b_d;" in t
    assert "a_d <= a;" not in t and "b_d <= b;" not in t


def test_retime_rejects_other_reads_and_controls(tmp_path):
    f = tmp_path / "r.v"
    # a_d is also read elsewhere: the pair must stay
    other = RETIME.replace("output reg signed [9:0] y);", "output reg signed [9:0] y, output [7:0] z);\n"
                           "  assign z = a_d;")
    assert regretime.candidates_for({f: other}, "m") == []
    # written under different conditions (not adjacent statements of one branch)
    split = RETIME.replace("      b_d <= b;\n", "").replace("    end\nendmodule",
                                                          "    end\n  always @(posedge clk) b_d <= b;\nendmodule")
    assert regretime.candidates_for({f: split}, "m") == []
    # unsigned subtraction depends on the reader's width: not moved
    uns = RETIME.replace("reg signed [7:0] a_d, b_d;", "reg [7:0] a_d, b_d;")
    assert regretime.candidates_for({f: uns}, "m") == []


# a run counter that never exceeds 6 (clears at 6): 'run == 6' is run[2] & run[1]
MAXCMP = """
module top(input clk, input rst, input en, input d, output full, output reg [2:0] run);
  assign full = (run == 3'd6);
  always @(posedge clk)
    if (rst) run <= 3'd0;
    else if (en) run <= (run == 3'd6 || !d) ? 3'd0 : run + 3'd1;
endmodule
"""


@pytest.mark.yosys
def test_maxcmp_bound_compare_and_negative(tmp_path):
    from rtlopt.semantic import maxcmp

    f = tmp_path / "m.v"
    got = maxcmp.candidates_for({f: MAXCMP}, "top")
    assert len(got) == 1
    t = got[0][0][f]
    assert "assign full = ((run[2] & run[1]));" in t and "run == 3'd6" not in t
    # the counter reaches 7 (clears at 7): no bound below the top value, nothing proposed
    seven = MAXCMP.replace("run == 3'd6 || !d", "run == 3'd7 || !d")
    assert maxcmp.candidates_for({f: seven}, "top") == []


# the operator in a net declaration between the registers and their reader (async reset, signed)
RETIME_WIRE = """module w(input clk, input rst_n, input signed [9:0] p, input signed [9:0] q,
         output reg signed [11:0] acc);
  reg signed [9:0] p_r, q_r;
  wire signed [10:0] diff = p_r - q_r;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      p_r <= 10'sd0;
      q_r <= 10'sd0;
      acc <= 12'sd0;
    end else begin
      p_r <= p;
      q_r <= q;
      acc <= acc + diff;
    end
endmodule
"""


def test_retime_pair_read_through_a_wire(tmp_path):
    f = tmp_path / "w.v"
    got = regretime.candidates_for({f: RETIME_WIRE}, "w")
    assert len(got) == 1
    t = got[0][0][f]
    assert "reg signed [10:0] p_r_sub_q_r;" in t
    assert "wire signed [10:0] diff = p_r_sub_q_r;" in t and "p_r_sub_q_r <= (p) - (q);" in t
    assert "p_r <= p;" not in t and "q_r <= q;" not in t
    # a comparison is not an assignment: 'c = x <= a_r + b_r' keeps the registers
    cmp_ = RETIME_WIRE.replace("wire signed [10:0] diff = p_r - q_r;",
                               "wire signed [10:0] diff = p;\n  wire lt = diff <= p_r - q_r;")
    assert regretime.candidates_for({f: cmp_}, "w") == []
