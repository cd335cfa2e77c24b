"""lrumatrix: true-LRU ages (an array that is always a permutation of 0..N-1, updated by move-to-front)
kept as an N(N-1)/2-bit pairwise order matrix. Fires on five styles (designs/generalization/seqredundancy/
lru_*: Verilog-2005 generate per way with an async reset and a refill touching the victim; an SV
parameterized module with for loops, most recent = WAYS-1, WAYS given by the top; an MRU stack of way
numbers; Verilog two processes (always @* next ages, clocked copy); a packed 3-way array updated
through a case statement), each proven by ABC and smaller;
near-misses (saturating per-way counters, a swap with the next-younger way, touches toward both ends, a
stack whose hit way swaps with the top, eight ways) give no candidate."""

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


def _fires_proven_smaller_than(tmp_path: Path, text: str, suffix: str, top: str, ratio: float) -> str:
    f, got = _cands(tmp_path, text, suffix, top)
    assert len(got) == 1, got
    new = got[0]
    assert abc_verdict(tmp_path, f, new, top) == "EQUIVALENT"
    assert _area(tmp_path, new, suffix, top, "n") < ratio * _area(tmp_path, text, suffix, top, "o")
    return new


def _fires_proven_smaller(tmp_path: Path, text: str, suffix: str, top: str) -> str:
    return _fires_proven_smaller_than(tmp_path, text, suffix, top, 0.7)


def test_generate_per_way_verilog_refill_touches_victim(tmp_path):
    d = GEN / "lru_age_genway_v"
    new = _fires_proven_smaller(tmp_path, (d / "original.v").read_text(), ".v", "plru_way4")
    # the touch condition is the source's (the victim is a state-dependent index), the reset order
    # ages 3,2,1,0 (every lower way older), the per-way blocks gone, the compare reads row flags
    assert "assign age_touch[2] = ((touch) && (tway == 2));" in new
    assert "if (!rst_n) age_ord <= 6'b111111;" in new
    assert "age[g] <=" not in new and "age_is3[i]" in new
    assert "assign victim_is_w0 = (age_is3[0]);" in new


def test_sv_parameterized_for_loops_newest_is_top_age(tmp_path):
    d = GEN / "lru_age_loop_sv"
    new = _fires_proven_smaller(tmp_path, (d / "original.sv").read_text(), ".sv", "tlb_lru4")
    # most recent = WAYS-1: a touch of way b clears (a, b) and sets (b, c)
    assert "age_ord[0] <= !age_touch[1] & (age_touch[0] | age_ord[0]);" in new
    assert "assign use_is_mru = age_is3[use_way];" in new


def test_mru_stack_of_way_numbers(tmp_path):
    d = GEN / "lru_mru_stack_sv"
    new = _fires_proven_smaller_than(tmp_path, (d / "original.sv").read_text(), ".sv", "mru_stack4", 0.85)
    # the front write 'stack[0] <= hit_way' names the touched way; the shift loop starts at slot 1
    assert "assign stack_touch[2] = ((hit) && ((hit_way) == 2));" in new
    assert "stack[0 - 1]" not in new and "stack[k] <=" not in new
    # slots are decoded where read: the slot holding the way of rank k
    assert "stack[3] = ((!stack_ord[0] & stack_ord[3] & stack_ord[4]) ? 2'd1 : 2'd0)" in new


def test_two_process_next_ages_in_always_star(tmp_path):
    d = GEN / "lru_age_twoproc_v"
    new = _fires_proven_smaller(tmp_path, (d / "original.v").read_text(), ".v", "lru_arb4")
    # the touches come from the combinational block's writes of the newest age (3); the copy
    # 'age_nx[i] = age[i]' is no touch, and the next-age block stays (read from the decoded ages)
    assert "assign age_touch[1] = ((gnt_vld) && (gnt_id == 1));" in new
    assert "if (rst) age_ord <= 6'b000111;" in new
    assert "age_nx[i] = 2'd3;" in new and "age[i] <= age_nx[i];" not in new


SWAP_TOP = """
module swaptop (input logic clk, rst, hit, input logic [1:0] hit_way, output logic [1:0] lru_way);
  logic [1:0] stack [4];
  logic [1:0] pos;
  always_comb begin
    pos = 2'd0;
    for (int k = 0; k < 4; k++) if (stack[k] == hit_way) pos = 2'(k);
  end
  always_ff @(posedge clk) begin
    if (rst) begin
      for (int k = 0; k < 4; k++) stack[k] <= 2'(k);
    end else if (hit) begin
      stack[0] <= hit_way;
      stack[pos] <= stack[0];
    end
  end
  assign lru_way = stack[3];
endmodule
"""


def test_stack_that_swaps_with_the_top_does_not_fire(tmp_path):
    # the hit way trades places with the top entry: a permutation in every state, but the entries
    # between keep their slots (not a move-to-front), so the order matrix would not follow it
    _f, got = _cands(tmp_path, SWAP_TOP, ".sv", "swaptop")
    assert got == []


LRU3_CASE = """
module lru3 (input logic clk, rst, acc, input logic [1:0] w, output logic [1:0] lru, output logic w_new);
  logic [2:0][1:0] rank;
  always_ff @(posedge clk) begin
    if (rst) rank <= {2'd0, 2'd2, 2'd1};
    else if (acc) begin
      case (w)
        2'd0: begin
          rank[0] <= 2'd0;
          if (rank[1] < rank[0]) rank[1] <= rank[1] + 2'd1;
          if (rank[2] < rank[0]) rank[2] <= rank[2] + 2'd1;
        end
        2'd1: begin
          rank[1] <= 2'd0;
          if (rank[0] < rank[1]) rank[0] <= rank[0] + 2'd1;
          if (rank[2] < rank[1]) rank[2] <= rank[2] + 2'd1;
        end
        2'd2: begin
          rank[2] <= 2'd0;
          if (rank[0] < rank[2]) rank[0] <= rank[0] + 2'd1;
          if (rank[1] < rank[2]) rank[1] <= rank[1] + 2'd1;
        end
        default: ;
      endcase
    end
  end
  assign lru = (rank[0] == 2'd2) ? 2'd0 : (rank[1] == 2'd2) ? 2'd1 : 2'd2;
  assign w_new = (rank[0] == 2'd0);
endmodule
"""


def test_three_ways_case_statement_packed(tmp_path):
    new = _fires_proven_smaller(tmp_path, LRU3_CASE, ".sv", "lru3")
    # case items in priority order; reset ranks 1, 2, 0 -> (0,1) = 0, (0,2) = 1, (1,2) = 1
    assert "assign rank_touch[1] = ((acc) && !((w) == (2'd0)) && ((w) == (2'd1)));" in new
    assert "if (rst) rank_ord <= 3'b110;" in new
    assert "rank_is2[0]" in new and "rank_is0[0]" in new


def _age4(update: str, reads: str = "if (age[i] == 2'd3) victim = 2'(i);", extra_ports: str = "") -> str:
    return f"""
module a4 (input logic clk, rst, access, {extra_ports} input logic [1:0] way, output logic [1:0] victim);
  logic [3:0][1:0] age;
  always_ff @(posedge clk) begin
    if (rst) age <= {{2'd3, 2'd2, 2'd1, 2'd0}};
    else begin
{update}
    end
  end
  always_comb begin
    victim = 2'd0;
    for (int i = 0; i < 4; i++) {reads}
  end
endmodule
"""


MTF = """      if (access)
        for (int i = 0; i < 4; i++)
          if (i == way) age[i] <= 2'd0;
          else if (age[i] < age[way]) age[i] <= age[i] + 2'd1;"""


def test_inline_move_to_front_fires(tmp_path):
    # the baseline of the near-misses below: the same shell with a true-LRU update does fire
    _f, got = _cands(tmp_path, _age4(MTF), ".sv", "a4")
    assert len(got) == 1


def test_raw_age_read_is_decoded_and_proven(tmp_path):
    # a read of the age value itself (not a comparison) reads the rank decode of the matrix
    text = _age4(MTF, extra_ports="output logic [1:0] hit_age,").replace(
        "endmodule", "  assign hit_age = age[way];\nendmodule")
    f, got = _cands(tmp_path, text, ".sv", "a4")
    assert len(got) == 1
    assert "age[1] = !age_ord[0] + age_ord[3] + age_ord[4];" in got[0]
    assert "assign hit_age = age[way];" in got[0]
    assert abc_verdict(tmp_path, f, got[0], "a4") == "EQUIVALENT"


@pytest.mark.parametrize("update,ports", [
    # saturating per-way counters: ages repeat (3, 3, ...), not a permutation
    ("""      if (access)
        for (int i = 0; i < 4; i++)
          if (i == way) age[i] <= 2'd0;
          else if (age[i] != 2'd3) age[i] <= age[i] + 2'd1;""", ""),
    # a touch swaps the way with the next-younger one (transposition heuristic): always a permutation,
    # never a move-to-front
    ("""      if (access && age[way] != 2'd0)
        for (int i = 0; i < 4; i++)
          if (i == way) age[i] <= age[i] - 2'd1;
          else if (age[i] == age[way] - 2'd1) age[i] <= age[i] + 2'd1;""", ""),
    # an access moves the way to the front, an invalidate to the back (two youngest values)
    ("""      if (access) begin
        for (int i = 0; i < 4; i++)
          if (i == way) age[i] <= 2'd0;
          else if (age[i] < age[way]) age[i] <= age[i] + 2'd1;
      end else if (inval) begin
        for (int i = 0; i < 4; i++)
          if (i == way) age[i] <= 2'd3;
          else if (age[i] > age[way]) age[i] <= age[i] - 2'd1;
      end""", "input logic inval,"),
])
def test_near_misses_do_not_fire(tmp_path, update, ports):
    _f, got = _cands(tmp_path, _age4(update, extra_ports=ports), ".sv", "a4")
    assert got == []


def test_eight_ways_not_offered(tmp_path):
    # eight ways pay in area, but no engine proves the rewrite: not offered (MAX_WAYS)
    text = (GEN / "lru_age_loop_sv" / "original.sv").read_text().replace(".WAYS(4)", ".WAYS(8)").replace(
        "logic [1:0] hit_way", "logic [2:0] hit_way").replace("logic [1:0] repl_way", "logic [2:0] repl_way")
    _f, got = _cands(tmp_path, text, ".sv", "tlb_lru4")
    assert got == []
