"""regfunc: a ring of enables that is a decode of a binary index kept beside it: the complement
``~(1 << s)`` (active-low row/column strobes), a rotation ``1 << (s + c)``, the thermometer code
``(1 << s) - 1``; a ring that never leaves its reset value in simulation (stepped by a long divider)
is hypothesized from its reset value; a ring in a child instance beside an index in another instance
is replaced by the decode in the parent. Near-misses (a ring that can hold two bits, an index that
skips) must not fire."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "seqredundancy"

# active-low strobe, rotate left by concatenation, index counting up, ring reset to bit 1 (a rotation)
SCAN = """
module scan(input clk, input rst, input step, output reg [3:0] row_n, output reg [1:0] idx);
  always @(posedge clk)
    if (rst) begin row_n <= 4'b1101; idx <= 2'd0; end
    else if (step) begin row_n <= {row_n[2:0], row_n[3]}; idx <= idx + 2'd1; end
endmodule
"""

# a long divider: neither the ring nor the index moves in a few thousand simulated cycles
SLOW = """
module slow(input clk, input rst, output reg [3:0] an_n, output reg [1:0] dig);
  reg [15:0] cnt;
  wire tick = cnt == 16'd40000;
  always @(posedge clk)
    if (rst) begin cnt <= 16'd0; an_n <= 4'b1110; dig <= 2'd0; end
    else begin
      cnt <= tick ? 16'd0 : cnt + 16'd1;
      if (tick) begin an_n <= {an_n[2:0], an_n[3]}; dig <= dig + 2'd1; end
    end
endmodule
"""


def _cands(tmp_path: Path, text: str, top: str, suffix: str = ".v"):
    from rtlopt.semantic import regfunc

    p = tmp_path / f"{top}{suffix}"
    p.write_text(text)
    an = regfunc.analysis_for({p: text}, top)
    assert an.error is None, an.error
    return an, p, regfunc.candidates_for({p: text}, top)


def _verify(tmp_path: Path, a: Path, b_text: str, top: str) -> int:
    b = tmp_path / f"{top}_new{a.suffix}"
    b.write_text(b_text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=400)
    return r.returncode


def _decs(an):
    return {(r.target, r.base, r.op, r.k, r.rot) for r in an.relations if r.op in ("dec", "therm")}


def test_active_low_rotated_ring(tmp_path):
    an, p, cands = _cands(tmp_path, SCAN, "scan")
    assert ("row_n", "idx", "dec", 15, 1) in _decs(an)
    new = [n[p] for n, d in cands if "'row_n' ==" in d]
    assert new and "row_n = ~(4'd1 << (idx + 2'd1));" in new[0] and "row_n <=" not in new[0]
    assert _verify(tmp_path, p, new[0], "scan") == 0


def test_frozen_ring_hypothesized_from_reset(tmp_path):
    an, p, cands = _cands(tmp_path, SLOW, "slow")
    assert ("an_n", "dig", "dec", 15, 0) in _decs(an)
    new = [n[p] for n, d in cands if "'an_n' == ~(1 << dig)" in d]
    assert new and "an_n = ~(4'd1 << dig);" in new[0]


def test_ring_that_can_hold_two_bits_is_not_a_decode(tmp_path):
    # a load input ORs a bit in: the ring is no longer one-cold
    two = SCAN.replace("else if (step)", "else if (!step) row_n <= row_n & 4'b1110;\n    else if (step)")
    an, _p, cands = _cands(tmp_path, two, "scan")
    assert not [x for x in _decs(an) if x[0] == "row_n"]
    assert not [d for _n, d in cands if "'row_n' ==" in d]


def test_index_that_skips_is_not_a_decode(tmp_path):
    skip = SCAN.replace("idx <= idx + 2'd1;", "idx <= idx + (row_n[0] ? 2'd1 : 2'd2);")
    an, _p, cands = _cands(tmp_path, skip, "scan")
    assert not [x for x in _decs(an) if x[0] == "row_n"]
    slow = SLOW.replace("dig <= dig + 2'd1;", "dig <= dig + (an_n[3] ? 2'd1 : 2'd2);")
    an, _p, _c = _cands(tmp_path, slow, "slow")
    assert not [x for x in _decs(an) if x[0] == "an_n"]


@pytest.mark.parametrize("case,top,want", [
    ("decring_lowactive_rotr_v", "col_scan", "col_n = ~(8'd1 << col);"),
    ("decring_therm_bar_v", "bar_meter", "bar = ((9'd1 << level) - 9'd1);"),
    ("decring_inst_wrap_sv", "phase_top", "assign en = 6'd1 << ph;"),
])
def test_generalization_designs(tmp_path, case, top, want):
    src = next((GEN / case).glob("original.*"))
    an, p, cands = _cands(tmp_path, src.read_text(), top, src.suffix)
    new = [n[p] for n, _d in cands if want in n[p]]
    assert new, [d for _n, d in cands]
    assert _verify(tmp_path, p, new[0], top) == 0
