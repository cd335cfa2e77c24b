"""histflag (register_reduction): registers read only through comparisons with constants are kept as
the comparison flags (the flags move along a shift chain), and a shift chain compared with a
constant pattern in one conjunction as match-progress flags (``m1 <= X == P; m2 <= m1 && X == P'``).
A history kept in one vector shifted by a lane (``sr <= {sr[15:0], d}``) and compared on whole lanes
gets the same progress flags. Not for a history register also read as a word, compared with a non-constant, assigned blocking in an
``always``, or written in part; the progress flags not for members shifted at different places or
compared in two conjunctions. Rewrites proven from reset (real Yosys) and measured smaller."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.semantic.histflag import rewrites

HIST = Path(__file__).resolve().parent.parent / "designs" / "generalization" / "history"

TRS = """module trs(input clk, input rst, input [7:0] d, output reg hit, output reg [7:0] q);
  reg [7:0] d1, d2, d3;
  always @(posedge clk) begin
    if (rst) begin
      d1 <= 8'h00; d2 <= 8'h00; d3 <= 8'h00; hit <= 1'b0; q <= 8'h00;
    end else begin
      d1 <= d; d2 <= d1; d3 <= d2;
      hit <= (d3 == 8'hFF) && (d2 == 8'h00) && (d1 == 8'h00);
      q <= d;
    end
  end
endmodule
"""


def _kinds(src: str) -> list[str]:
    return ["progress" if "match-progress" in d else "flags" for _n, d in rewrites(src, "t.v")]


def test_sync_word_gives_progress_and_flags():
    got = rewrites(TRS, "t.v")
    assert [("match-progress" in d) for _n, d in got] == [True, False]
    new = got[0][0]
    assert "hit <= d1_match3;" in new and "d1_match2 <= d1_match1 && d == 8'h0;" in new, new
    assert "reg d1_match1, d1_match2, d1_match3;" in new and "d2" not in new
    flags = got[1][0]
    assert "d3_is_ff <= d2_is_ff;" in flags and "d1_is_0 <= 1'b1;" in flags, flags


@pytest.mark.parametrize("edit", [
    ("q <= d;", "q <= d3;"),                          # the history read as a word
    ("(d2 == 8'h00)", "(d2 == q)"),                   # compared with a non-constant
    ("d1 <= d; d2 <= d1;", "d1[3:0] <= d[3:0]; d2 <= d1;"),  # written in part
], ids=["word_read", "nonconst_cmp", "part_write"])
def test_near_misses_not_offered(edit):
    assert rewrites(TRS.replace(*edit), "t.v") == []


def test_blocking_in_always_not_offered():
    from rtlopt.templates._sem import analyze

    src = TRS.replace("d1 <= d; d2 <= d1; d3 <= d2;", "d3 = d2; d2 = d1; d1 = d;")
    assert analyze(src, "t.v").errors == 0
    assert rewrites(src, "t.v") == []


def test_progress_needs_one_shift_place_and_one_conjunction():
    split = TRS.replace("d1 <= d; d2 <= d1; d3 <= d2;", "if (d[0]) d1 <= d; d2 <= d1; d3 <= d2;")
    assert _kinds(split) == ["flags"]
    kpair = (HIST / "kchar_pair_flags_v" / "original.v").read_text()
    assert _kinds(kpair) == ["flags"]  # c1 compared in three conditions


VEC = TRS.replace("reg [7:0] d1, d2, d3;", "reg [23:0] sr;").replace(
    "d1 <= 8'h00; d2 <= 8'h00; d3 <= 8'h00;", "sr <= 24'h0;").replace(
    "d1 <= d; d2 <= d1; d3 <= d2;", "sr <= {sr[15:0], d};").replace(
    "(d3 == 8'hFF) && (d2 == 8'h00) && (d1 == 8'h00)", "sr == 24'hFF0000")


def test_history_vector_gives_progress_flags():
    got = rewrites(VEC, "t.v")
    assert len(got) == 1 and "3 lanes of 8 bits" in got[0][1]
    new = got[0][0]
    assert "hit <= sr_match3;" in new and "sr_match3 <= sr_match2 && d == 8'h0;" in new, new
    # the same compare split into lane-aligned slices in one conjunction
    split = VEC.replace("sr == 24'hFF0000", "(sr[23:16] == 8'hFF) && (sr[15:0] == 16'h0)")
    assert "hit <= sr_match3;" in rewrites(split, "t.v")[0][0]


@pytest.mark.parametrize("edit", [
    ("sr == 24'hFF0000", "sr[20:5] == 16'h0"),         # not lane-aligned
    ("q <= d;", "q <= sr[7:0];"),                      # the vector read as a word
    ("sr <= {sr[15:0], d};", "sr <= {sr[14:0], d, 1'b0};"),  # not a lane shift
    ("sr == 24'hFF0000", "sr == {d, 16'h0}"),          # compared with a non-constant
], ids=["unaligned", "word_read", "not_shift", "nonconst"])
def test_history_vector_near_misses(edit):
    src = VEC.replace(*edit)
    assert src != VEC
    assert rewrites(src, "t.v") == []


@pytest.mark.yosys
@pytest.mark.slow
@pytest.mark.parametrize("case", ["nibble_sync_always_ff_sv", "sfd_detect_enable_v", "kchar_pair_flags_v",
                                  "sym_frame_vector_sv", "preamble_word_vector_v"])
def test_suite_rewrites_proven_and_smaller(tmp_path: Path, case: str, monkeypatch):
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty
    from rtlopt.verify import VerifyOptions, check_equivalence

    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    d = HIST / case
    orig_path = next(d.glob("original.*"))
    top = json.loads((d / "case.json").read_text())["top"]
    orig = orig_path.read_text()
    got = rewrites(orig, orig_path.name)
    assert got
    lib = resolve_liberty(None)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / orig_path.name).write_text(orig)
    gold = open_design(tmp_path / "gold" / orig_path.name, top=top)
    base = measure_cached(gold, liberty=lib).area_um2.value
    for i, (new, desc) in enumerate(got):
        (tmp_path / f"gate{i}").mkdir()
        (tmp_path / f"gate{i}" / orig_path.name).write_text(new)
        gate = open_design(tmp_path / f"gate{i}" / orig_path.name, top=top)
        r = check_equivalence(gold, gate, VerifyOptions(timeout_s=120))
        assert r.verdict.name == "EQUIVALENT", (desc, new)
        assert measure_cached(gate, liberty=lib).area_um2.value < base, desc


def test_signed_source_is_not_compared_unsigned():
    # d1 holds sa + sb sign-extended; "(sa + sb) == 8'hfe" would compare it zero-extended
    src = """module s(input clk, input signed [3:0] sa, input signed [3:0] sb, output reg hit);
  reg [7:0] d1, d2;
  always @(posedge clk) begin
    d1 <= sa + sb; d2 <= d1;
    hit <= d2 == 8'hFE;
  end
endmodule
"""
    assert rewrites(src, "t.v") == []
    assert rewrites(src.replace("input signed [3:0] sa, input signed [3:0] sb", "input [7:0] sa, input [7:0] sb"),
                    "t.v")


HDR = (HIST / "hdr_match_flat_assign_v" / "original.v").read_text()


def test_progress_with_other_comparisons_of_the_chain():
    # the conjunction is a continuous assign, and the newest byte is also compared alone: the chain
    # gets the progress flags plus a comparison flag for the other compare (4 flip-flops, not 7 flags)
    got = rewrites(HDR, "t.v")
    assert _kinds(HDR) == ["progress", "flags"]
    new, desc = got[0]
    assert "24 -> 4 flip-flops" in desc, desc
    assert "assign hit = a_match3;" in new and "assign ff_now = a_is_ff;" in new, new
    assert "a_is_ff <= din == 8'hff;" in new and "a_match3 <= a_match2 && din == 8'h99;" in new, new


@pytest.mark.parametrize("edit", [
    ("assign ff_now = (a == 8'hFF);", "assign ff_now = ^b;"),   # the chain read as a word in one place
    ("(b == 8'h3C)", "(b == din)"),                             # compared with a non-constant
], ids=["word_read", "nonconst"])
def test_progress_with_other_comparisons_near_misses(edit):
    src = HDR.replace(*edit)
    assert src != HDR
    assert rewrites(src, "t.v") == []


def test_progress_not_offered_when_flags_alone_are_fewer():
    # kpair: c1 compared three times; progress (2) + flags (3) = 5 > the 4 comparison flags alone
    kpair = (HIST / "kchar_pair_flags_v" / "original.v").read_text()
    assert _kinds(kpair) == ["flags"]


@pytest.mark.yosys
@pytest.mark.slow
def test_progress_with_other_comparisons_proven_and_smaller(tmp_path: Path, monkeypatch):
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty
    from rtlopt.verify import VerifyOptions, check_equivalence

    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    lib = resolve_liberty(None)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "h.v").write_text(HDR)
    gold = open_design(tmp_path / "gold" / "h.v", top="hdr_match")
    base = measure_cached(gold, liberty=lib).area_um2.value
    areas = []
    for i, (new, desc) in enumerate(rewrites(HDR, "h.v")):
        (tmp_path / f"gate{i}").mkdir()
        (tmp_path / f"gate{i}" / "h.v").write_text(new)
        gate = open_design(tmp_path / f"gate{i}" / "h.v", top="hdr_match")
        r = check_equivalence(gold, gate, VerifyOptions(timeout_s=120))
        assert r.verdict.name == "EQUIVALENT", (desc, new)
        areas.append(measure_cached(gate, liberty=lib).area_um2.value)
    assert len(areas) == 2 and areas[0] < areas[1] < base, areas


GEN = (HIST / "hdr_match_gen_array_v" / "original.v").read_text()


def test_register_array_shifted_by_generate_gives_flag_arrays():
    got = rewrites(GEN, "t.v")
    # the flag arrays, then the match-progress flags of the mirrored lanes (tests/test_histflag_hier.py)
    assert len(got) == 2 and "register array sr" in got[0][1] and "match-progress" in got[1][1], got
    new = got[0][0]
    assert "sr_is_c3[g] <= sr_is_c3[g - 1];" in new and "sr_is_ff[0] <= din == 8'hff;" in new, new
    assert "assign hit = sr_is_c3[2] && sr_is_3c[1] && sr_is_99[0];" in new and "sr[" not in new, new


@pytest.mark.parametrize("edit", [
    ("assign ff_now = (sr[0] == 8'hFF);", "assign ff_now = ^sr[0];"),   # an element read as a word
    ("(sr[1] == 8'h3C)", "(sr[1] == din)"),                             # compared with a non-constant
    ("sr[g] <= sr[g - 1];", "sr[g] <= sr[g - 1] + 8'd1;"),              # shifted through arithmetic
    ("if (rst) sr[0] <= 8'h00;", "if (rst) sr[0][3:0] <= 4'h0;"),       # written in part
], ids=["word_read", "nonconst", "arith", "part_write"])
def test_register_array_near_misses(edit):
    src = GEN.replace(*edit)
    assert src != GEN
    assert rewrites(src, "t.v") == []


@pytest.mark.yosys
@pytest.mark.slow
def test_register_array_flags_proven_and_smaller(tmp_path: Path, monkeypatch):
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty
    from rtlopt.verify import VerifyOptions, check_equivalence

    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    lib = resolve_liberty(None)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "h.v").write_text(GEN)
    (tmp_path / "gate").mkdir()
    (tmp_path / "gate" / "h.v").write_text(rewrites(GEN, "h.v")[0][0])
    gold = open_design(tmp_path / "gold" / "h.v", top="hdr_match")
    gate = open_design(tmp_path / "gate" / "h.v", top="hdr_match")
    assert check_equivalence(gold, gate, VerifyOptions(timeout_s=120)).verdict.name == "EQUIVALENT"
    assert measure_cached(gate, liberty=lib).area_um2.value < 0.5 * measure_cached(gold, liberty=lib).area_um2.value
