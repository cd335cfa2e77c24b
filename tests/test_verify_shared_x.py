"""The x of a statement written alike in gold and gate reads one shared new input in both (verify._sharedx):
register correspondence then pairs the registers it feeds (picorv32_pcpi_div's 'pcpi_rd <= 'bx' in idle
cycles). Soundness: each gate x keeps a free value of its own per cycle, so a gate that depends on two x
writes being equal, or on the values of one loop statement's x writes, is still not proven."""

from __future__ import annotations

import pytest

from rtlopt.design import open_design
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

pytestmark = pytest.mark.yosys

IDLE = """module dv (input clk, input resetn, input go, input [7:0] a, output reg [7:0] rd, output reg rdy);
  reg [7:0] acc;
  reg [2:0] n;
  reg run;
  always @(posedge clk) begin
    rdy <= 0;
    rd <= 'bx;
    if (!resetn) run <= 0;
    else if (go) begin run <= 1; acc <= a; n <= 3'd0; end
    else if (run && n == 3'd7) begin run <= 0; rdy <= 1; rd <= acc; end
    else begin acc <= SHIFT; n <= n + 3'd1; end
  end
endmodule
"""


def _verdict(tmp_path, gold: str, gate: str, engines=None):
    (tmp_path / "g.v").write_text(gold)
    (tmp_path / "h.v").write_text(gate)
    return check_equivalence(open_design(tmp_path / "g.v"), open_design(tmp_path / "h.v"),
                             VerifyOptions(timeout_s=60, engines=engines))


def test_idle_x_write_of_an_unchanged_statement_is_shared(tmp_path):
    gold = IDLE.replace("SHIFT", "acc >> 1")
    gate = IDLE.replace("SHIFT", "{1'b0, acc[7:1]}")
    r = _verdict(tmp_path, gold, gate, engines=["equiv"])
    assert r.verdict == Verdict.EQUIVALENT, r.reason
    assert any("shared free value" in n for n in r.notes), r.notes


TWO = """module two (input clk, input s, output y);
  reg a, b;
  always @(posedge clk) begin
    a <= 'bx;
    b <= 'bx;
  end
  assign y = Y;
endmodule
"""


def test_two_x_writes_keep_independent_values(tmp_path):
    # every gate choice must match: synthesis may give a != b, so y = (a == b) is not gold's 1
    r = _verdict(tmp_path, TWO.replace("Y", "1'b1"), TWO.replace("Y", "a == b"), engines=["smt"])
    assert r.verdict == Verdict.NOT_EQUIVALENT, r.reason


LOOP = """module lp (input clk, output y);
  reg [1:0] m [0:1];
  integer i;
  always @(posedge clk)
    for (i = 0; i < 2; i = i + 1) m[i] <= 'bx;
  assign y = Y;
endmodule
"""


def test_x_write_in_a_loop_is_not_shared(tmp_path):
    from pathlib import Path

    from rtlopt.verify._sharedx import _occurrences

    p = tmp_path / "l.v"
    p.write_text(LOOP.replace("Y", "1'b1"))
    got = _occurrences(Path(p), "lp")
    assert got is not None and got[0] == []
    r = _verdict(tmp_path, LOOP.replace("Y", "1'b1"), LOOP.replace("Y", "m[0] == m[1]"))
    assert r.verdict != Verdict.EQUIVALENT, r.reason


def test_initial_x_write_is_not_shared(tmp_path):
    from rtlopt.verify._sharedx import _occurrences

    p = tmp_path / "i.v"
    p.write_text("module t(input clk, output reg [3:0] q, output reg [3:0] z);\n  initial z = 'bx;\n"
                 "  always @(posedge clk) q <= 'bx;\nendmodule\n")
    got = _occurrences(p, "t")
    assert got is not None and [o[0] for o in got[0]] == ["q<='bx;"]


def test_child_module_x_write_is_not_shared_and_width_is_the_tops(tmp_path):
    from rtlopt.verify._sharedx import _occurrences

    p = tmp_path / "c.v"
    p.write_text("module c #(parameter W = 4) (input clk, output reg [W-1:0] q);\n"
                 "  always @(posedge clk) q <= 'bx;\nendmodule\n"
                 "module w #(parameter W2 = 6) (input clk, output [7:0] q, output reg [W2-1:0] z);\n"
                 "  c #(.W(8)) u (.clk(clk), .q(q));\n  always @(posedge clk) z <= 'bx;\nendmodule\n")
    got = _occurrences(p, "w")  # the child's write runs once per instance: not the top's
    assert got is not None and [(o[0], o[3]) for o in got[0]] == [("z<='bx;", 6)]
    got = _occurrences(p, "c")  # elaborated as the proof's top: its default width, not the wrapper's 8
    assert got is not None and [(o[0], o[3]) for o in got[0]] == [("q<='bx;", 4)]
