"""nextfunc with reset values that are constant expressions other than a plain literal (``{N{1'b0}}``,
``'0``, ``W'(0)``, ``BASE - 1``, a replication inside a concatenation) and next values held in wires:
the register loaded with f(next values) becomes f(registers) (heldout10 gpio/edge_irq's summary irq).
Near misses: a reset value reading an input, a register loaded from something other than the word's
next value, and a reset value that disagrees with f (offered, refused by the proof)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DESIGNS

pytestmark = pytest.mark.yosys

SEQ = DESIGNS / "generalization" / "seqredundancy"


def _cands(p: Path, top: str):
    from rtlopt.semantic import nextfunc

    return nextfunc.candidates_for({p: p.read_text()}, top)


def _verify(a: Path, text: str, top: str, tmp_path: Path) -> int:
    b = tmp_path / ("new" + a.suffix)
    b.write_text(text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=300)
    return r.returncode


@pytest.mark.parametrize("case,ext,top,want", [
    ("nextfunc_repl_reset_sv", "sv", "err_status", "always @* alert = |(status & enable);"),
    ("nextfunc_repl_reset_v", "v", "lvl_watch", "always @* over = (level > limit);"),
])
def test_constant_expression_resets_and_wire_next_values(tmp_path, case, ext, top, want):
    p = SEQ / case / f"original.{ext}"
    got = _cands(p, top)
    assert len(got) == 1, [d for _, d in got]
    new = got[0][0][p]
    assert want in new
    assert _verify(p, new, top, tmp_path) == 0


RESET_FROM_INPUT = """
module m (input clk, input rst, input [3:0] seed, input [3:0] d, input [3:0] e,
          output reg [3:0] a, output reg [3:0] b, output reg z);
  wire [3:0] a_d = a ^ d;
  wire [3:0] b_d = b | e;
  always @(posedge clk)
    if (rst) begin a <= seed; b <= {4{1'b0}}; z <= 1'b0; end
    else begin a <= a_d; b <= b_d; z <= |(a_d & b_d); end
endmodule
"""

OTHER_NEXT = """
module m (input clk, input rst, input [3:0] d, input [3:0] e,
          output reg [3:0] a, output reg [3:0] b, output reg z);
  wire [3:0] a_d = a ^ d;
  wire [3:0] b_d = b | e;
  always @(posedge clk)
    if (rst) begin a <= '0; b <= {4{1'b0}}; z <= 1'b0; end
    else begin a <= a_d + 4'd1; b <= b_d; z <= |(a_d & b_d); end
endmodule
"""

RESET_MISMATCH = """
module m (input clk, input rst, input [3:0] d, input [3:0] e,
          output reg [3:0] a, output reg [3:0] b, output reg z);
  wire [3:0] a_d = a ^ d;
  wire [3:0] b_d = b | e;
  always @(posedge clk)
    if (rst) begin a <= {4{1'b1}}; b <= {2{2'b11}}; z <= 1'b0; end
    else begin a <= a_d; b <= b_d; z <= |(a_d & b_d); end
endmodule
"""


@pytest.mark.parametrize("text", [RESET_FROM_INPUT, OTHER_NEXT], ids=["reset_reads_input", "other_next_value"])
def test_near_misses_give_no_candidate(tmp_path, text):
    p = tmp_path / "m.sv"
    p.write_text(text)
    assert _cands(p, "m") == []


def test_reset_value_disagreeing_with_the_function_is_refused_by_the_proof(tmp_path):
    p = tmp_path / "m.v"
    p.write_text(RESET_MISMATCH)
    got = _cands(p, "m")
    assert len(got) == 1
    assert "always @* z = |(a & b);" in got[0][0][p]
    assert _verify(p, got[0][0][p], "m", tmp_path) != 0
