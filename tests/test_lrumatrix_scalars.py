"""lrumatrix over sets of named scalar registers: four (or three) same-width registers that together hold a
permutation in every sampled state and move to the front (per-way ages in named registers, a recency list
of way numbers in named slots) kept as a pairwise order matrix. Writers read through module functions,
ternaries, if-chains and casez items; a list's front writes are taken as one touch when a simulation from
reset agrees. Own designs designs/generalization/seqredundancy/lru_scalar_ages_sv (SV, one always_ff per
way, ternary update) and lru_mru_casez_v (Verilog, named slots, casez on a one-hot match); near-misses
(saturating named counters, a swap with the front slot, a lock that gates the touch) checked too."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.design import open_design
from rtlopt.semantic import lrumatrix

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "seqredundancy"
LIB = ROOT.parent / "shared" / "lib" / "sky130hd_tt.lib.gz"


def _area(tmp_path: Path, text: str, suffix: str, top: str, tag: str) -> float:
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty

    f = tmp_path / f"{tag}{suffix}"
    f.write_text(text)
    lib = resolve_liberty(str(LIB) if LIB.exists() else None)
    return measure_cached(open_design(f, top), liberty=lib).area_um2.value


def _cands(tmp_path: Path, text: str, suffix: str, top: str):
    f = tmp_path / ("orig" + suffix)
    f.write_text(text)
    return f, [new[f] for new, _d in lrumatrix.candidates_for({f: text}, top)]


def _fires_proven_smaller(tmp_path, text, suffix, top, ratio):
    f, got = _cands(tmp_path, text, suffix, top)
    assert len(got) == 1, got
    new = got[0]
    assert abc_verdict(tmp_path, f, new, top) == "EQUIVALENT"
    assert _area(tmp_path, new, suffix, top, "n") < ratio * _area(tmp_path, text, suffix, top, "o")
    return new


def test_named_age_registers_one_block_each(tmp_path):
    d = GEN / "lru_scalar_ages_sv"
    new = _fires_proven_smaller(tmp_path, (d / "original.sv").read_text(), ".sv", "tlb_ages4", 0.7)
    # the touch of each way is the ternary arm writing the youngest age; the four blocks go
    assert "assign age_touch[1] = (((hit && hit_way == 2'd1)));" in new
    assert "age_b <= (hit" not in new
    # each register decoded as its rank; 'age_d == 2'd3' reads its matrix row
    assert "age_d = !age_ord[2] + !age_ord[4] + !age_ord[5];" in new
    assert "if ((!age_ord[2] & !age_ord[4] & !age_ord[5])) repl_way = 2'd3;" in new


def test_named_slots_casez_front_writes_as_one_touch(tmp_path):
    d = GEN / "lru_mru_casez_v"
    new = _fires_proven_smaller(tmp_path, (d / "original.v").read_text(), ".v", "vbuf_order", 0.9)
    # the slot0 writes (all 'use_id') under the casez items read as one touch of use_id, the
    # 'already in front' condition cut (a touch of the front entry is no move)
    assert "assign slot_touch[2] = (use_en) && ((use_id) == 2);" in new
    assert "if (!rst_n) slot_ord <= 6'b111111;" in new


RANK_FN = """
module lru3_fn (input wire clk, rst, acc, input wire [1:0] w, output wire [1:0] lru);
  reg [1:0] ra, rb, rc;
  wire [1:0] rs = (w == 2'd0) ? ra : (w == 2'd1) ? rb : rc;
  function [1:0] bump;
    input [1:0] r, sel;
    input me;
    begin
      if (me) bump = 2'd2;
      else if (r > sel) bump = r - 2'd1;
      else bump = r;
    end
  endfunction
  always @(posedge clk)
    if (rst) begin ra <= 2'd0; rb <= 2'd1; rc <= 2'd2; end
    else if (acc) begin
      ra <= bump(ra, rs, w == 2'd0);
      rb <= bump(rb, rs, w == 2'd1);
      rc <= bump(rc, rs, w >= 2'd2);
    end
  assign lru = (ra == 2'd0) ? 2'd0 : (rb == 2'd0) ? 2'd1 : 2'd2;
endmodule
"""


def test_ranks_updated_through_a_function(tmp_path):
    new = _fires_proven_smaller(tmp_path, RANK_FN, ".v", "lru3_fn", 0.9)
    # the function's 'bump = 2'd2' arm, formals replaced by the actual arguments
    assert "assign r_touch[2] = ((acc) && ((w >= 2'd2)));" in new


SAT_NAMED = """
module sat4 (input logic clk, rst, acc, input logic [1:0] w, output logic [1:0] oldest);
  logic [1:0] a0, a1, a2, a3;
  always_ff @(posedge clk)
    if (rst) begin a0 <= 2'd0; a1 <= 2'd1; a2 <= 2'd2; a3 <= 2'd3; end
    else if (acc) begin
      a0 <= (w == 2'd0) ? 2'd0 : (a0 != 2'd3) ? a0 + 2'd1 : a0;
      a1 <= (w == 2'd1) ? 2'd0 : (a1 != 2'd3) ? a1 + 2'd1 : a1;
      a2 <= (w == 2'd2) ? 2'd0 : (a2 != 2'd3) ? a2 + 2'd1 : a2;
      a3 <= (w == 2'd3) ? 2'd0 : (a3 != 2'd3) ? a3 + 2'd1 : a3;
    end
  assign oldest = a0 ^ a1 ^ a2 ^ a3;
endmodule
"""

SWAP_FRONT = """
module swapf (input wire clk, rst, acc, input wire [1:0] w, output wire [1:0] last);
  reg [1:0] s0, s1, s2, s3;
  always @(posedge clk)
    if (rst) begin s0 <= 2'd0; s1 <= 2'd1; s2 <= 2'd2; s3 <= 2'd3; end
    else if (acc) begin
      if (s1 == w) begin s0 <= w; s1 <= s0; end
      else if (s2 == w) begin s0 <= w; s2 <= s0; end
      else if (s3 == w) begin s0 <= w; s3 <= s0; end
    end
  assign last = s3;
endmodule
"""


@pytest.mark.parametrize("text,top", [(SAT_NAMED, "sat4"), (SWAP_FRONT, "swapf")])
def test_near_misses_do_not_fire(tmp_path, text, top):
    # saturating named counters (reset 0..3, then ages repeat); the used way swaps with the front slot
    # (a permutation in every state, but the slots between keep their places: no move-to-front)
    _f, got = _cands(tmp_path, text, ".sv" if "logic" in text else ".v", top)
    assert got == []


LOCKED = (GEN / "lru_mru_casez_v" / "original.v").read_text().replace(
    "end else if (use_en) begin\n      casez", "end else if (use_en) begin\n      if (!lock) casez").replace(
    "input  wire       use_en,", "input  wire       use_en, lock,")


def test_lock_that_gates_the_touch_is_kept(tmp_path):
    # cutting the prefix down to 'use_en' would drop the lock: the simulation rejects that cut, the
    # touch keeps '!lock' (and only the 'already in front' condition goes)
    assert "if (!lock) casez" in LOCKED
    f, got = _cands(tmp_path, LOCKED, ".v", "vbuf_order")
    assert len(got) == 1
    assert "assign slot_touch[0] = (use_en) && (!lock) && ((use_id) == 0);" in got[0]
    assert abc_verdict(tmp_path, f, got[0], "vbuf_order") == "EQUIVALENT"
