"""Exclusive per-element updates ``if (sel == i) R[i] <= f(R[i])`` read ``R[sel]`` (rtlopt.semantic.readshare,
guarded_index_rewrites): one ``f`` on one read multiplexer instead of one per element, in a procedural loop,
a generate loop or a case with constant indices. Near misses: updates that are not exclusive (a mask bit, a
guard inside ``||``, ``!=``), blocking updates, a read outside the guarded ``if``."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyslang import syntax

from rtlopt.semantic.readshare import guarded_index_rewrites, readshare_edits

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "sharing"
LIB = Path(__file__).resolve().parents[2] / "shared" / "lib" / "sky130hd_tt.lib.gz"

# own: per-queue credit counters, an int loop, saturating decrement (SV)
LOOP = """module credits (
    input  logic       clk,
    input  logic       rst,
    input  logic       take,
    input  logic [2:0] q,
    input  logic [2:0] rq,
    output logic [9:0] rd
);
    logic [9:0] cr [8];
    always_ff @(posedge clk)
        for (int i = 0; i < 8; i++)
            if (rst) cr[i] <= 10'd1000;
            else if (take && q == i && cr[i] != 10'd0) cr[i] <= cr[i] - 10'd1;
    assign rd = cr[rq];
endmodule
"""

# own: unrolled ifs with constant indices (Verilog), add an input
UNROLLED = """module tally (input clk, input rst, input en, input [1:0] s, input [5:0] w, input [1:0] r,
              output [11:0] o);
  reg [11:0] t [0:3];
  always @(posedge clk) begin
    if (rst) begin t[0] <= 0; t[1] <= 0; t[2] <= 0; t[3] <= 0; end
    else begin
      if (en && s == 2'd0) t[0] <= t[0] + w;
      if (en && s == 2'd1) t[1] <= t[1] + w;
      if (en && s == 2'd2) t[2] <= t[2] + w;
      if (en && s == 2'd3) t[3] <= t[3] + w;
    end
  end
  assign o = t[r];
endmodule
"""


def _subs(text: str) -> list[tuple[str, str]]:
    return guarded_index_rewrites(text, syntax.SyntaxTree.fromText(text, "x.sv"))


def _prove(tmp_path, old: str, new: str, top: str, ext: str) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence
    f, g = tmp_path / f"old.{ext}", tmp_path / f"new.{ext}"
    f.write_text(old)
    g.write_text(new)
    return check_equivalence(DesignRef([f], top), DesignRef([g], top), VerifyOptions(timeout_s=180)).verdict.value


def _area(tmp_path, text: str, top: str, ext: str) -> float:
    from rtlopt.ppa import _measure
    f = tmp_path / f"a_{abs(hash(text))}.{ext}"
    f.write_text(text)
    syn = _measure.synthesize([f], liberty=LIB if LIB.exists() else None, top=top, generic=False)
    return float(syn.area_um2)


def test_loop_guard_reads_the_selected_element():
    got = _subs(LOOP)
    assert len(got) == 1, got
    new = got[0][0]
    assert "cr[q] != 10'd0" in new and "cr[i] <= cr[q] - 10'd1" in new and "if (rst) cr[i] <= 10'd1000" in new, new


def test_unrolled_constant_guards_and_case_items():
    got = _subs(UNROLLED)
    assert len(got) == 1 and got[0][0].count("t[s] + w") == 4, got
    # the write targets and the reset keep their constant indices
    assert "t[2] <= t[s] + w" in got[0][0] and "t[0] <= 0;" in got[0][0]
    src = (GEN / "oneupd_level_case_sv" / "original.sv").read_text()
    got = _subs(src)
    assert len(got) == 1 and got[0][0].count("sat_add(lvl[ch], credit)") == 4, got


def test_near_misses_are_left_alone():
    misses = [
        # not exclusive: a mask bit enables every element
        LOOP.replace("take && q == i && cr[i] != 10'd0", "take && q[0] && cr[i] != 10'd0"),
        # the guard is not a conjunct
        LOOP.replace("take && q == i && cr[i] != 10'd0", "(take || q == i) && cr[i] != 10'd0")
            .replace("if (rst) cr[i]", "if (rst) cr[i]"),
        # the other elements
        LOOP.replace("take && q == i", "take && q != i"),
        # blocking updates (a combinational loop may have changed the selected element)
        LOOP.replace("cr[i] <= cr[i] - 10'd1", "cr[i] = cr[i] - 10'd1"),
    ]
    for src in misses:
        assert _subs(src) == [], src
    # a read in an outer condition that has an else arm stays per element
    outer = LOOP.replace("else if (take && q == i && cr[i] != 10'd0) cr[i] <= cr[i] - 10'd1;",
                         "else if (cr[i] != 10'd0) begin if (take && q == i) cr[i] <= cr[i] - 10'd1; end\n"
                         "            else cr[i] <= 10'd5;")
    got = _subs(outer)
    assert len(got) == 1 and "else if (cr[i] != 10'd0)" in got[0][0] and "cr[i] <= cr[q] - 10'd1" in got[0][0]


@pytest.mark.yosys
@pytest.mark.parametrize("src,top,ext", [(LOOP, "credits", "sv"), (UNROLLED, "tally", "v")])
def test_rewrites_are_proven_and_smaller(tmp_path, src, top, ext):
    new = _subs(src)[0][0]
    assert _prove(tmp_path, src, new, top, ext) == "EQUIVALENT"
    assert _area(tmp_path, new, top, ext) < _area(tmp_path, src, top, ext)


@pytest.mark.yosys
def test_generate_loop_design_offered_through_readshare_edits(tmp_path):
    f = GEN / "oneupd_lane_acc_gen_v" / "original.v"
    t = f.read_text()
    got = [nt[f] for nt, d in readshare_edits({f: t}) if "acc[tag]" in d]
    assert len(got) == 1 and "acc[g] <= acc[tag] + {6'd0, mag};" in got[0]
    assert _prove(tmp_path, t, got[0], "lane_energy", "v") == "EQUIVALENT"


# own: separate registers, one if per selector value (Verilog), and the same as case items (SV)
REGS = """module unr (input clk, input rst, input hit, input [1:0] s, input [5:0] w, output [35:0] o);
  reg [11:0] c0, c1, c2;
  always @(posedge clk)
    if (rst) begin c0 <= 12'd0; c1 <= 12'd0; c2 <= 12'd0; end
    else begin
      if (hit && s == 2'd0) c0 <= c0 + w;
      if (hit && s == 2'd1) c1 <= c1 + w;
      if (hit && s == 2'd2) c2 <= c2 + w;
    end
  assign o = {c2, c1, c0};
endmodule
"""

REGS_CASE = """module unc (input logic clk, input logic rst, input logic go, input logic [1:0] s, input logic [9:0] d,
            output logic [9:0] a, output logic [9:0] b);
  always_ff @(posedge clk)
    if (rst) begin a <= '0; b <= '0; end
    else if (go)
      case (s)
        2'd1: a <= (a > d) ? a - d : '0;
        2'd2: begin b <= (b > d) ? b - d : '0; end
        default: ;
      endcase
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("src,top,ext,mux", [(REGS, "unr", "v", "rtlopt_rd_s_c0_c1_c2"),
                                             (REGS_CASE, "unc", "sv", "rtlopt_rd_s_a_b")])
def test_separate_registers_read_through_one_mux(tmp_path, src, top, ext, mux):
    from rtlopt.semantic.readshare import unrolled_register_rewrites
    got = unrolled_register_rewrites(src, syntax.SyntaxTree.fromText(src, f"x.{ext}"), f"x.{ext}")
    assert len(got) == 1 and mux in got[0][0], got
    assert _prove(tmp_path, src, got[0][0], top, ext) == "EQUIVALENT"


def test_separate_register_near_misses():
    from rtlopt.semantic.readshare import unrolled_register_rewrites
    misses = [
        REGS.replace("c1 <= c1 + w;", "c1 <= c1 - w;").replace("c2 <= c2 + w;", "c2 <= c2 ^ w;"),  # other functions
        REGS.replace("s == 2'd1", "s == 2'd0").replace("s == 2'd2", "s == 2'd0"),  # one key: not exclusive
        REGS.replace("c0 <= c0 + w;", "c0 <= w;").replace("c1 <= c1 + w;", "c1 <= w;")
            .replace("c2 <= c2 + w;", "c2 <= w;"),  # no register read: nothing to share
    ]
    for src in misses:
        assert unrolled_register_rewrites(src, syntax.SyntaxTree.fromText(src, "x.v"), "x.v") == [], src
