"""Constant elements of register arrays (rtlopt.semantic.memconst): found by seqred, reads guarded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys


def _cands(tmp_path: Path, text: str, top: str):
    from rtlopt.semantic import memconst

    p = tmp_path / f"{top}.v"
    p.write_text(text)
    return p, memconst.candidates_for({p: text}, top, 60.0)


def _verify(tmp_path: Path, a: Path, b_text: str, top: str) -> int:
    b = tmp_path / f"{top}_new.v"
    b.write_text(b_text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=300)
    return r.returncode


# entry 0 is never written (guarded write), reads by a variable index, async reset through a loop
WORD = """
module rf4(input clk, input rst_n, input we, input [1:0] wa, input [7:0] wd, input [1:0] ra,
           output [7:0] rd);
  reg [7:0] mem [0:3];
  integer k;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      for (k = 0; k < 4; k = k + 1) mem[k] <= 8'h00;
    end else if (we && wa != 2'd0) mem[wa] <= wd;
  assign rd = mem[ra];
endmodule
"""

# entry 0 written with zero, read through a loop of compares (the loop variable folds the guard)
LOOP = """
module rf4l(input clk, input rst, input we, input [1:0] wa, input [7:0] wd, input [1:0] ra,
            output reg [7:0] rd);
  reg [7:0] r [0:3];
  integer i;
  always @(posedge clk)
    if (rst) begin
      for (i = 0; i < 4; i = i + 1) r[i] <= 8'd0;
    end else if (we) begin
      r[wa] <= (wa == 2'd0) ? 8'd0 : wd;
    end
  always @* begin
    rd = 8'd0;
    for (i = 0; i < 4; i = i + 1)
      if (ra == i) rd = r[i];
  end
endmodule
"""


def test_never_written_entry_reads_as_constant(tmp_path):
    p, cands = _cands(tmp_path, WORD, "rf4")
    assert [d for _n, d in cands] == ["array element 'mem[0]' is constant 0"]
    new = cands[0][0][p]
    assert "assign rd = ((ra) == 0 ? 8'd0 : mem[ra]);" in new
    assert "mem[wa] <= wd;" in new and "mem[k] <= 8'h00;" in new  # writes untouched
    assert _verify(tmp_path, p, new, "rf4") == 0


def test_zero_written_entry_in_a_loop_read(tmp_path):
    p, cands = _cands(tmp_path, LOOP, "rf4l")
    assert len(cands) == 1
    new = cands[0][0][p]
    assert "if (ra == i) rd = ((i) == 0 ? 8'd0 : r[i]);" in new and "r[wa] <= (wa == 2'd0)" in new
    assert _verify(tmp_path, p, new, "rf4l") == 0


def test_entry_written_with_data_is_not_constant(tmp_path):
    # entry 0 takes data when 'wd' has its top bit set: not constant, no candidate
    text = WORD.replace("else if (we && wa != 2'd0)", "else if (we && (wa != 2'd0 || wd[7]))")
    _p, cands = _cands(tmp_path, text, "rf4")
    assert cands == []
