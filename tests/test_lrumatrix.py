"""lrumatrix: true-LRU ages (an array that is always a permutation of 0..N-1, updated by move-to-front)
kept as an N(N-1)/2-bit pairwise order matrix. Fires on three styles (designs/generalization/seqredundancy/
lru_age_*: Verilog-2005 generate per way with an async reset and a refill touching the victim; an SV
parameterized module with for loops, most recent = WAYS-1, WAYS given by the top; a packed 3-way array
updated through a case statement), each proven by ABC and smaller; near-misses (saturating per-way
counters, a swap with the next-younger way, touches toward both ends, eight ways) give no candidate."""

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


def _fires_proven_smaller(tmp_path: Path, text: str, suffix: str, top: str) -> str:
    f, got = _cands(tmp_path, text, suffix, top)
    assert len(got) == 1, got
    new = got[0]
    assert abc_verdict(tmp_path, f, new, top) == "EQUIVALENT"
    assert _area(tmp_path, new, suffix, top, "n") < 0.7 * _area(tmp_path, text, suffix, top, "o")
    return new


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
