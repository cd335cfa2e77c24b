"""histflag through histmirror: history storage of any structure (a register declared in each generate
iteration named ``stage[g-1].d``, an SV packed array shifted by an always_ff for loop, an array
compared through a Verilog function) and across a module boundary (the parent's compares of a child's
output buses moved into the child; a module copy when the child has other instances) becomes
comparison flags or match-progress flags. Near-misses (a stage also read as a word, a non-constant
compare, stages shifted under different enables) give no progress rewrite. Rewrites proven from reset
with real Yosys/ABC and measured."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.semantic.histflag import rewrites

HIST = Path(__file__).resolve().parent.parent / "designs" / "generalization" / "history"
CASES = ["hdr_match_gen_submod_v", "sfd_genblk_submod_v", "sym_packed_ff_submod_sv", "hdr_func_cmp_array_v",
         "hdr_match_gen_array_v", "kcomma_checker_child_sv", "sync_task_cmp_v"]


def _src(case: str) -> tuple[str, str, str]:
    d = HIST / case
    p = next(d.glob("original.*"))
    return p.read_text(), p.name, json.loads((d / "case.json").read_text())["top"]


def _progress(got) -> list[str]:
    return [n for n, d in got if "match-progress" in d]


def _prove(tmp_path: Path, name: str, top: str, gold_text: str, gate_text: str, tag: str) -> tuple[str, float, float]:
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty
    from rtlopt.verify import VerifyOptions, check_equivalence

    lib = resolve_liberty(None)
    (tmp_path / f"gold_{tag}").mkdir()
    (tmp_path / f"gold_{tag}" / name).write_text(gold_text)
    (tmp_path / f"gate_{tag}").mkdir()
    (tmp_path / f"gate_{tag}" / name).write_text(gate_text)
    gold = open_design(tmp_path / f"gold_{tag}" / name, top=top)
    gate = open_design(tmp_path / f"gate_{tag}" / name, top=top)
    r = check_equivalence(gold, gate, VerifyOptions(timeout_s=120))
    return (r.verdict.name, measure_cached(gold, liberty=lib).area_um2.value,
            measure_cached(gate, liberty=lib).area_um2.value)


def test_generate_block_registers_in_a_submodule_get_progress_flags():
    src, name, _top = _src("sfd_genblk_submod_v")
    got = rewrites(src, name)
    prog = _progress(got)
    assert len(prog) == 1, [d for _n, d in got]
    new = prog[0]
    # the four word ports became two flag outputs computed in a copy of the parameterized child for this
    # instance (the original module is left as it was); the parent reads them
    copy = new[new.index("module byte_hist_rtlopt_iu_hist"):]
    assert "output [7:0] q0" not in copy and "wire [7:0] w0" not in new, new
    # the word ports were 'assign q3 = stage[3].d;' alone: the moved compares read the stages directly
    assert "assign q0_hf0 = stage[3].d_pm;" in copy and "assign q3" not in copy, new
    assert new.startswith(src[:src.index("module sfd_top")]) and "byte_hist_rtlopt_iu_hist #(.N(4)) u_hist" in new
    assert "stage[g-1].d_pm && rx == (g == 3 ? 8'hd5 : 8'h55)" in new and "reg d_is_7, d_pm;" in new, new
    assert "assign sfd = u_hist_" in new and "== 8'h" not in new.split("module sfd_top")[1], new


def test_packed_array_submodule_and_function_compare_fire():
    src, name, _top = _src("sym_packed_ff_submod_sv")
    new = _progress(rewrites(src, name))
    assert len(new) == 1 and "taps_pm[i] <= taps_pm[i-1] && sym == " in new[0] and "taps_pm <= {4{1'b0}};" in new[0]
    src, name, _top = _src("hdr_func_cmp_array_v")
    got = rewrites(src, name)
    new = _progress(got)
    assert len(new) == 1 and "is_hdr(h[" not in new[0] and "h_pm[i] <= h_pm[i-1] && d == " in new[0], new
    assert "lane_det_rtlopt" not in new[0]  # no push-down: the module is edited in place


@pytest.mark.yosys
@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_suite_progress_rewrites_proven_and_as_small_as_reference(tmp_path: Path, case: str, monkeypatch):
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty

    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    src, name, top = _src(case)
    prog = _progress(rewrites(src, name))
    assert len(prog) == 1
    verdict, base, area = _prove(tmp_path, name, top, src, prog[0], "p")
    assert verdict == "EQUIVALENT"
    ref = next((HIST / case).glob("reference.*"))
    (tmp_path / "ref").mkdir()
    (tmp_path / "ref" / ref.name).write_text(ref.read_text())
    ref_area = measure_cached(open_design(tmp_path / "ref" / ref.name, top=top), liberty=resolve_liberty(None)).area_um2.value
    assert area < 0.5 * base and area <= ref_area * 1.01, (area, ref_area, base)


SFD, SFD_NAME, SFD_TOP = _src("sfd_genblk_submod_v")
SYM, SYM_NAME, SYM_TOP = _src("sym_packed_ff_submod_sv")


@pytest.mark.parametrize("src, edit", [
    # a stage also read as a word by another output
    (SFD, ("assign idle = (w0 == 8'h07);", "assign idle = (w0 == 8'h07) ^ w1[3];")),
    (SYM, ("assign marker = ", "assign marker = ^t[1] ^ ")),
    # a compare with a non-constant
    (SFD, ("(w0 == 8'hD5)", "(w0 == rx)")),
    (SYM, ("(t[2] == 4'h5)", "(t[2] == sym)")),
], ids=["word_sfd", "word_sym", "nonconst_sfd", "nonconst_sym"])
def test_near_misses_not_offered(src, edit):
    new = src.replace(*edit)
    assert new != src
    name = SFD_NAME if src is SFD else SYM_NAME
    assert rewrites(new, name) == []


ENABLES = [
    # stages after the head shifted under another enable than the head
    (SFD, SFD_NAME, SFD_TOP, ("else if (vld) d <=", "else if ((g == 0) ? vld : vld && rx[7]) d <=")),
    (SYM, SYM_NAME, SYM_TOP, ("for (int i = 1; i < N; i++) taps[i] <= taps[i-1];",
                              "for (int i = 1; i < N; i++) if (sym[0]) taps[i] <= taps[i-1];")),
]


@pytest.mark.parametrize("src, name, top, edit", ENABLES, ids=["genblk", "packed"])
def test_enable_differing_between_stages_gives_no_progress(src, name, top, edit):
    new = src.replace(*edit)
    assert new != src
    assert _progress(rewrites(new, name)) == []


@pytest.mark.yosys
@pytest.mark.slow
@pytest.mark.parametrize("src, name, top, edit", ENABLES, ids=["genblk", "packed"])
def test_enable_differing_between_stages_flags_only_and_proven(tmp_path: Path, src, name, top, edit, monkeypatch):
    # comparison flags mirror every assignment under its own condition: still the same machine
    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    new = src.replace(*edit)
    for i, (gate, desc) in enumerate(rewrites(new, name)):
        assert "match-progress" not in desc
        verdict, _b, _a = _prove(tmp_path, name, top, new, gate, str(i))
        assert verdict == "EQUIVALENT", desc


TWO = _src("hdr_match_gen_submod_v")[0].replace(
    "output hit, output ff_now);", "output hit, output ff_now, output [15:0] two);").replace(
    "  assign hit =", "  tap_line #(.W(8), .N(2)) u_two (.clk(clk), .rst(rst), .en(en), .din(din), .taps(two));\n"
                     "  assign hit =")


def test_child_with_another_instance_gets_a_module_copy():
    got = _progress(rewrites(TWO, "t.v"))
    assert len(got) == 1
    new = got[0]
    assert "module tap_line_rtlopt_iu_line #(" in new and "tap_line_rtlopt_iu_line #(.W(8), .N(3)) u_line" in new, new
    assert "tap_line #(.W(8), .N(2)) u_two" in new and "output [W*N-1:0] taps" in new, new


@pytest.mark.yosys
@pytest.mark.slow
def test_child_with_another_instance_copy_proven(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    new = _progress(rewrites(TWO, "t.v"))[0]
    verdict, base, area = _prove(tmp_path, "t.v", "hdr_match", TWO, new, "two")
    assert verdict == "EQUIVALENT" and area < base


def test_function_of_ports_not_inlined():
    from rtlopt.semantic.histmirror import _inline_calls

    src = """module f(input [7:0] a, input [7:0] b, output y);
  function both(input [7:0] x, input [7:0] z); both = x == 8'h1 && z == 8'h2; endfunction
  assign y = both(a, b);
endmodule
"""
    assert _inline_calls(src, "f.v") == src
    assert rewrites(src, "f.v") == []


KC, KC_NAME, KC_TOP = _src("kcomma_checker_child_sv")


def test_checker_child_compares_move_to_the_parent():
    new = _progress(rewrites(KC, KC_NAME))
    assert len(new) == 1
    copy = new[0][new[0].index("module k_checker_rtlopt_iu_chk"):]
    # the parameter K0 read by its value; the child keeps only the new 1-bit inputs
    assert "input logic [7:0] oldest" not in copy and "assign comma = oldest_hf0;" in copy, new[0]
    assert "b1_pm <= b0_pm && rx == 8'h50;" in new[0] and ".oldest_hf0(b2_pm)" in new[0], new[0]
    assert new[0].startswith(KC[:KC.index("module kcomma_det")]), new[0]  # the original child unchanged


@pytest.mark.parametrize("edit", [
    # a port also read as a word (another output of the checker)
    (("output logic comma, output logic idle_k\n);", "output logic comma, output logic idle_k, output logic p\n);"),
     ("assign idle_k = newest == 8'h1C;", "assign idle_k = newest == 8'h1C;\n  assign p = ^mid;")),
    # a compare with a non-constant (other bytes of the history)
    (("(newest == 8'hC5)", "(newest == (oldest ^ mid))"),),
], ids=["word", "nonconst"])
def test_checker_child_near_misses(edit):
    src = KC
    for e in edit:
        assert e[0] in src
        src = src.replace(*e)
    assert rewrites(src, KC_NAME) == []


def test_task_compare_inlined_into_its_output():
    src, name, _top = _src("sync_task_cmp_v")
    new = _progress(rewrites(src, name))
    assert len(new) == 1 and "chk_hdr(h2" not in new[0] and "hw = h2_pm;" in new[0], new
    # a task whose output is a word, or with two outputs: not inlined
    two = src.replace("output m);", "output m, output n);").replace("m = (a == 8'h47)", "n = 1'b0; m = (a == 8'h47)")
    assert _progress(rewrites(two.replace("chk_hdr(h2, h1, h0, hw);", "chk_hdr(h2, h1, h0, hw, hit);"), name)) == []


IFGEN = """module ifgen (input clk, input rst, input en, input [7:0] din, output hit);
  genvar g;
  generate
    for (g = 0; g < 3; g = g + 1) begin : stage
      reg [7:0] d;
      if (g == 0) begin : head
        always @(posedge clk)
          if (rst) d <= 8'h00;
          else if (en) d <= din;
      end else begin : tail
        always @(posedge clk)
          if (rst) d <= 8'h00;
          else if (en) d <= stage[g-1].d;
      end
    end
  endgenerate
  assign hit = (stage[2].d == 8'hC3) && (stage[1].d == 8'h3C) && (stage[0].d == 8'h99);
endmodule
"""


def test_if_generate_head_and_tail_get_progress_flags():
    new = _progress(rewrites(IFGEN, "g.v"))
    assert len(new) == 1 and "d_pm <= stage[g-1].d_pm && din == (g == 1 ? 8'h3c : 8'h99);" in new[0], new
    assert "assign hit = stage[2].d_pm;" in new[0]


@pytest.mark.yosys
@pytest.mark.slow
def test_if_generate_progress_proven(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    verdict, base, area = _prove(tmp_path, "g.v", "ifgen", IFGEN, _progress(rewrites(IFGEN, "g.v"))[0], "ifg")
    assert verdict == "EQUIVALENT" and area < 0.5 * base


VECCHILD = """module win24 (input clk, input rst, input en, input [7:0] din, output [23:0] taps);
  reg [23:0] sr;
  always @(posedge clk)
    if (rst) sr <= 24'h0;
    else if (en) sr <= {sr[15:0], din};
  assign taps = sr;
endmodule

module vtop (input clk, input rst, input en, input [7:0] din, output hit);
  wire [23:0] t;
  win24 u_w (.clk(clk), .rst(rst), .en(en), .din(din), .taps(t));
  assign hit = (t[23:16] == 8'hC3) && (t[15:8] == 8'h3C) && (t[7:0] == 8'h99);
endmodule
"""


def test_vector_history_in_a_child_gets_the_vector_progress_form():
    # the parent's compares moved into the child (taps is 'assign taps = sr;' alone: read as sr), then
    # the shift-vector form of histflag on the prepared text
    got = rewrites(VECCHILD, "v.v")
    new = _progress(got)
    assert len(new) == 1 and "sr_match3 <= sr_match2 && din == 8'h99;" in new[0], [d for _n, d in got]
    assert "assign taps_hf0 = sr_match3;" in new[0] and "assign hit = u_w_taps_hf0;" in new[0], new[0]


@pytest.mark.yosys
@pytest.mark.slow
def test_vector_history_in_a_child_proven(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    verdict, base, area = _prove(tmp_path, "v.v", "vtop", VECCHILD, _progress(rewrites(VECCHILD, "v.v"))[0], "vc")
    assert verdict == "EQUIVALENT" and area < 0.5 * base


# a packed SV array of nibbles shifted by a concatenation, compared through a function on the flat
# window (inlined as element selects), with one more constant compare of a lane beside the pattern
PACKEDX = """module nib_seq (input logic clk, input logic rst, input logic [3:0] nib, output logic seen, output logic busy);
  logic [2:0][3:0] hist;
  function automatic logic is_seq(input logic [11:0] v);
    is_seq = (v[11:8] == 4'h9) & (v[7:4] == 4'hA) & (v[3:0] == 4'h5);
  endfunction
  always_ff @(posedge clk) begin
    if (rst) hist <= '0;
    else     hist <= {hist[1:0], nib};
  end
  assign seen = is_seq(hist);
  assign busy = hist[2] != 4'h0;
endmodule
"""

# a flat vector shifted in at the top, a multi-lane compare beside the pattern conjunction
VECX = """module topin (input clk, input rst_n, input [3:0] d, output m, output z);
  reg [15:0] sh;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) sh <= 16'hffff;
    else sh <= {d, sh[15:4]};
  assign m = (sh[15:12] == 4'h1) && (sh[11:8] == 4'h2) && (sh[7:4] == 4'h3) && (sh[3:0] == 4'h4);
  assign z = sh[7:0] == 8'h00;
endmodule
"""

# a child's registers handed out as one bus built by a concatenation (newest in the top lane); the
# parent compares lanes of the bus with a pattern and one lane with another constant
CATBUS = """module last3 (input clk, input clr, input [5:0] din, output [17:0] bus);
  reg [5:0] r0, r1, r2;
  always @(posedge clk)
    if (clr) begin r0 <= 6'd0; r1 <= 6'd0; r2 <= 6'd0; end
    else begin r0 <= din; r1 <= r0; r2 <= r1; end
  assign bus = {r0, r1, r2};
endmodule

module cat_top (input clk, input clr, input [5:0] din, output hit, output nz);
  wire [17:0] b;
  last3 u_l (.clk(clk), .clr(clr), .din(din), .bus(b));
  assign hit = (b[17:12] == 6'h2A) && (b[11:6] == 6'h15) && (b[5:0] == 6'h3F);
  assign nz = b[11:6] != 6'h00;
endmodule
"""


def test_packed_vector_with_an_extra_compare_keeps_a_comparison_flag():
    got = rewrites(PACKEDX, "p.sv")
    new = _progress(got)
    assert len(new) == 1, [d for _n, d in got]
    assert "hist_match3 <= hist_match2 && nib == 4'h5;" in new[0] and "hist_is_0_3 <= hist_is_0_2;" in new[0], new[0]
    # the function's v[11:8] on the packed array is the element hist[2] (the pattern's oldest nibble)
    assert "assign busy = !hist_is_0_3;" in new[0] and "assign seen = hist_match3;" in new[0], new[0]
    assert "logic [2:0][3:0] hist" not in new[0]
    got = rewrites(VECX, "t.v")
    new = _progress(got)
    assert len(new) == 1 and "comparison flag" in [d for _n, d in got if "match-progress" in d][0], got
    # shifted in at the top: sh[7:0] holds the two oldest nibbles (depths 3 and 4)
    assert "assign z = (sh_is_0_3 && sh_is_0_4);" in new[0] and "sh_is_0_4 <= sh_is_0_3;" in new[0], new[0]
    assert "sh_match4 <= 1'b0;" in new[0] and "sh_is_0_1 <= 1'b0;" in new[0], new[0]


def test_concatenated_bus_of_a_child_maps_slices_to_its_operands():
    got = rewrites(CATBUS, "c.v")
    new = _progress(got)
    assert len(new) == 1, [d for _n, d in got]
    child = new[0][:new[0].index("module cat_top")]
    assert "bus" not in child.replace("bus_hf", "") and "{r0, r1, r2}" not in new[0], new[0]
    # b[17:12] is r0 (the newest): the pattern's last value; b[11:6] != 0 reads r1's flag
    assert "r2_pm <= r1_pm && din == 6'h2a;" in child and "assign bus_hf1 = !r1_is_0;" in child, new[0]
    assert "assign nz = u_l_bus_hf1;" in new[0], new[0]


@pytest.mark.parametrize("src, name, edit", [
    # the extra compare reads a non-constant: the lane is a word
    (PACKEDX, "p.sv", ("hist[2] != 4'h0", "hist[2] != nib")),
    (VECX, "t.v", ("sh[7:0] == 8'h00", "sh[7:0] == {d, d}")),
    # a select of the bus across two operands of the concatenation: no lane map, no flags
    (CATBUS, "c.v", ("b[11:6] != 6'h00", "b[9:4] != 6'h00")),
    # the bus also read whole
    (CATBUS, "c.v", ("assign nz = b[11:6] != 6'h00;", "assign nz = ^b;")),
], ids=["packed_nonconst", "vec_nonconst", "cat_straddle", "cat_whole"])
def test_extra_compare_and_concat_near_misses(src, name, edit):
    new = src.replace(*edit)
    assert new != src
    assert _progress(rewrites(new, name)) == []


@pytest.mark.yosys
@pytest.mark.slow
@pytest.mark.parametrize("src, name, top", [(PACKEDX, "p.sv", "nib_seq"), (VECX, "t.v", "topin"),
                                            (CATBUS, "c.v", "cat_top")], ids=["packed", "vec", "cat"])
def test_extra_compare_and_concat_proven(tmp_path: Path, monkeypatch, src, name, top):
    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    verdict, base, area = _prove(tmp_path, name, top, src, _progress(rewrites(src, name))[0], "x")
    assert verdict == "EQUIVALENT" and area < 0.6 * base, (verdict, base, area)
