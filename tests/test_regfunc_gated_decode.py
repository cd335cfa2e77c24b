"""regfunc: a one-hot register that is the decode of an index register gated by a valid flag
(``R == (V ? 1 << S : 0)``), as arbiters keep grant, grant index and grant valid side by side."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys

# loop priority pick, one block, synchronous reset
PICK = """
module pick_hold(input clk, input rst, input [7:0] req, input ack,
                 output [7:0] oh_o, output [2:0] idx_o, output ok_o);
  reg [7:0] oh;
  reg [2:0] idx;
  reg ok;
  reg [2:0] first;
  reg found;
  integer i;
  always @* begin
    first = 3'd0;
    found = 1'b0;
    for (i = 7; i >= 0; i = i - 1)
      if (req[i]) begin first = i; found = 1'b1; end
  end
  always @(posedge clk) begin
    if (rst) begin
      oh <= 8'd0; idx <= 3'd0; ok <= 1'b0;
    end else if (ok) begin
      if (ack) begin oh <= 8'd0; ok <= 1'b0; end
    end else if (found) begin
      oh <= 8'd1 << first; idx <= first; ok <= 1'b1;
    end
  end
  assign oh_o = oh;
  assign idx_o = idx;
  assign ok_o = ok;
endmodule
"""

# restyled: ternary chain, separate blocks, asynchronous active-low reset, a case on {take, drop},
# the one-hot written as a compare per bit, 6 outputs from a 3-bit index
PICK2 = """
module pick_hold2(input clk, input rst_n, input [5:0] req, input ack,
                  output reg [5:0] grant, output reg [2:0] who, output reg busy);
  wire [2:0] nxt = req[0] ? 3'd0 : req[1] ? 3'd1 : req[2] ? 3'd2 : req[3] ? 3'd3 : req[4] ? 3'd4 : 3'd5;
  wire take = !busy && (req != 6'd0);
  wire drop = busy && ack;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) busy <= 1'b0;
    else case ({take, drop})
      2'b10: busy <= 1'b1;
      2'b01: busy <= 1'b0;
      default: ;
    endcase
  always @(posedge clk or negedge rst_n)
    if (!rst_n) who <= 3'd0;
    else if (take) who <= nxt;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) grant <= 6'd0;
    else if (take || drop)
      grant <= {take && nxt == 3'd5, take && nxt == 3'd4, take && nxt == 3'd3,
                take && nxt == 3'd2, take && nxt == 3'd1, take && nxt == 3'd0};
endmodule
"""


def _run(tmp_path: Path, text: str, top: str):
    from rtlopt.semantic import regfunc

    p = tmp_path / f"{top}.v"
    p.write_text(text)
    an = regfunc.analysis_for({p: text}, top)
    assert an.error is None, an.error
    return an, p, regfunc.candidates_for({p: text}, top)


def _verify(tmp_path: Path, a: Path, b_text: str, top: str) -> int:
    b = tmp_path / f"{top}_new.v"
    b.write_text(b_text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=300)
    return r.returncode


def _dec(an, target):
    return [(r.base, r.bits) for r in an.relations if r.target == target and r.op == "dec"]


def test_gated_decode_found_emitted_and_proven(tmp_path):
    an, p, cands = _run(tmp_path, PICK, "pick_hold")
    assert _dec(an, "oh") == [("idx", (("ok", 0),))]
    new = [n[p] for n, d in cands if "'oh' ==" in d]
    assert new and "always @* oh = ok ? (8'd1 << idx) : 8'd0;" in new[0] and "oh <=" not in new[0]
    assert _verify(tmp_path, p, new[0], "pick_hold") == 0


def test_gated_decode_restyled(tmp_path):
    an, p, cands = _run(tmp_path, PICK2, "pick_hold2")
    assert _dec(an, "grant") == [("who", (("busy", 0),))]
    new = [n[p] for n, d in cands if "'grant' ==" in d]
    assert new and "always @* grant = busy ? (6'd1 << who) : 6'd0;" in new[0] and "grant <=" not in new[0]
    assert _verify(tmp_path, p, new[0], "pick_hold2") == 0


def test_sticky_one_hot_is_not_a_gated_decode(tmp_path):
    # the one-hot keeps its value when the flag drops: neither 1 << who nor busy ? 1 << who : 0
    sticky = PICK2.replace("else if (take || drop)", "else if (take)")
    an, _p, cands = _run(tmp_path, sticky, "pick_hold2")
    assert not _dec(an, "grant")
    assert not [d for _n, d in cands if "'grant' ==" in d and "table(" not in d]
    # it is zero or the decode of who (zero only before the first grant): regfd's zero-flag table holds
    for n, d in cands:
        if "'grant' == table(" in d:
            assert _verify(tmp_path, _p, n[_p], "pick_hold2") == 0, d
