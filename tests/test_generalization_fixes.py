"""Generalization fixes (issue 10, held-out and generalization suites): each mechanism on a restyled
variant of the case that exposed it, and a negative case where the rewrite must not happen."""

from __future__ import annotations

import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest


def _lift_texts(tmp_path: Path, src: str) -> tuple[Path, list[str]]:
    from rtlopt.semantic import lifting_candidates
    f = tmp_path / "m.v"
    f.write_text(textwrap.dedent(src).lstrip())
    st = SimpleNamespace(texts={f: f.read_text()}, deadline=None, design=None, scope=None)
    return f, [c.text for c in lifting_candidates(st)]


def _equivalent(tmp_path: Path, f: Path, text: str, top: str) -> bool:
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence
    g = tmp_path / "cand.v"
    g.write_text(text)
    res = check_equivalence(open_design([f], top), open_design([g], top), VerifyOptions(timeout_s=120))
    return str(res.verdict).split(".")[-1].upper() == "EQUIVALENT"


# ---- lifting: an accumulator variable read further down its always block is replaced in place ----------
@pytest.mark.yosys
@pytest.mark.parametrize("src", [
    # reg accumulator (not an integer), added without an if, compared with >, always_comb-like @*
    """
    module pc(input [11:0] v, input [3:0] lim, output reg [3:0] cnt, output reg over, output reg none);
      reg [3:0] acc;
      integer k;
      always @* begin
        acc = 4'd0;
        for (k = 11; k >= 0; k = k - 1)
          acc = acc + v[k];
        cnt  = acc;
        over = acc > lim;
        none = (acc == 0);
      end
    endmodule
    """,
    # integer accumulator, if-increment, the count is only compared (no output carries it)
    """
    module pc(input [15:0] v, input [4:0] lim, output reg over);
      integer k, n;
      always @(*) begin
        over = 1'b0;
        n = 0;
        for (k = 0; k < 16; k = k + 1) begin
          if (v[k]) n = n + 1;
        end
        if (n >= lim) over = 1'b1;
      end
    endmodule
    """,
])
def test_loop_accumulator_read_later_in_its_block_is_lifted_in_place(tmp_path, src):
    f, texts = _lift_texts(tmp_path, src)
    inplace = [t for t in texts if "$countones(v)" in t and "for (" not in t]
    assert inplace, texts
    t = inplace[0]
    # the rest of the block stays: the comparison still reads the (now lifted) accumulator
    assert ("acc > lim" in t) or ("n >= lim" in t)
    assert _equivalent(tmp_path, f, t, "pc")


@pytest.mark.yosys
def test_accumulator_also_written_after_its_readers_is_not_replaced(tmp_path):
    """The accumulator is written again after a reader: its final value is not what the reader saw,
    so no in-place replacement may happen (any candidate produced must still be equivalent)."""
    f, texts = _lift_texts(tmp_path, """
    module pc(input [7:0] v, output reg [3:0] cnt, output reg big);
      reg [3:0] acc;
      integer k;
      always @* begin
        acc = 0;
        for (k = 0; k < 8; k = k + 1) acc = acc + v[k];
        big = acc[3];
        acc = acc + 4'd1;
        cnt = acc;
      end
    endmodule
    """)
    for t in texts:
        assert "big = acc[3]" not in t or "for (" in t, t


# ---- sharing: one adder whose sides are inverted on their own (b - a next to a - b, a + 1) --------------
ALU_IF = """
module alu2(input [11:0] x, y, input [1:0] mode, input en, output reg [11:0] q);
  wire do_inc = mode == 2'b11;
  always @* begin
    q = x ^ y;
    if (en) begin
      if (mode == 2'b00)      q = y - x;
      else if (mode == 2'b01) q = x + y;
      else if (mode == 2'b10) q = x - y;
      else if (do_inc)        q = x + 12'd1;
    end
  end
endmodule
"""


@pytest.mark.yosys
def test_shared_adder_inverts_each_side_instead_of_swapping(tmp_path):
    from rtlopt.templates._share import ExclusiveOperatorSharing
    t = ExclusiveOperatorSharing()
    src = textwrap.dedent(ALU_IF).lstrip()
    ms = [m for m in t.match(src) if "inverted on its own" in m.description]
    assert ms, [m.description for m in t.match(src)]
    new = t.rewrite(src, [ms[0]])
    assert new is not None
    # no operand mux on x (always x, inverted for y - x); the increment is a carry-in, not a constant operand
    assert "rtlopt_sh0_x" not in new and "12'd1" not in new and "rtlopt_sh0_ci" in new
    f = tmp_path / "m.v"
    f.write_text(src)
    assert _equivalent(tmp_path, f, new, "alu2")


def test_shared_adder_without_subtraction_has_no_inverted_variant():
    from rtlopt.templates._share import ExclusiveOperatorSharing
    src = """module m(input [7:0] a, b, c, input s, output [7:0] y);
  assign y = s ? a + b : c + a;
endmodule
"""
    ds = [m.description for m in ExclusiveOperatorSharing().match(src)]
    assert not any("inverted on its own" in d for d in ds)


# ---- case items with one statement become the default (the old default's values listed) ----------------
@pytest.mark.yosys
def test_case_group_becomes_default_and_old_default_gets_its_values(tmp_path):
    from rtlopt.templates._share import CaseItemMerge
    src = textwrap.dedent("""
    module sel(input [1:0] k, input [7:0] a, b, s, output reg [7:0] y);
      always @* case (k)
        2'b00: y = s;
        2'b01: y = a & b;
        2'b10: y = s;
        default y = a;
      endcase
    endmodule
    """).lstrip()
    cm = CaseItemMerge()
    ms = [m for m in cm.match(src) if "become the default" in m.description]
    assert ms
    new = cm.rewrite(src, ms[:1])
    assert new is not None and "default: y = s;" in new and "2'd3: y = a;" in new and "2'b10" not in new
    f = tmp_path / "m.v"
    f.write_text(src)
    assert _equivalent(tmp_path, f, new, "sel")


def test_incomplete_case_without_default_is_not_given_one():
    from rtlopt.templates._share import CaseItemMerge
    src = """module m(input clk, input [1:0] k, input [7:0] a, b, output reg [7:0] y);
  always @(posedge clk) case (k)
    2'd0: y <= a;
    2'd1: y <= b;
    2'd2: y <= a;
  endcase
endmodule
"""
    assert not [m for m in CaseItemMerge().match(src) if "become the default" in m.description]


# ---- constant products as flat sums of shifted operands (no shift around a sum) ------------------------
@pytest.mark.yosys
def test_even_constant_products_also_offered_as_flat_sums(tmp_path):
    from rtlopt.templates._arith import ConstMultToShiftAdd
    src = textwrap.dedent("""
    module m(input [9:0] a, b, output reg [19:0] q);
      reg [15:0] t1, t2;
      always @* begin
        t1 = a * 10'd40;
        t2 = 10'd80 * b;
        q  = t1 + t2;
      end
    endmodule
    """).lstrip()
    T = ConstMultToShiftAdd()
    ms = T.match(src)
    usual = [m for m in ms if "flat" not in m.description]
    flat = [m for m in ms if "every constant product as a flat sum" in m.description]
    assert usual and flat and ms.index(flat[0]) > ms.index(usual[-1])  # the usual spelling stays first
    new = T.rewrite(src, flat)
    assert new is not None and ") <<" not in new and "(a << 5) + (a << 3)" in new and "10'd80" not in new
    f = tmp_path / "m.v"
    f.write_text(src)
    assert _equivalent(tmp_path, f, new, "m")


def test_odd_constant_product_has_no_second_spelling():
    from rtlopt.templates._arith import ConstMultToShiftAdd
    src = "module m(input [7:0] a, output [15:0] y);\n  assign y = a * 8'd29;\nendmodule\n"
    ms = ConstMultToShiftAdd().match(src)
    assert len(ms) == 1 and "flat" not in ms[0].description


# ---- e-graph: a mask built by an indexed write in an always block ----------------------------------------
@pytest.mark.yosys
@pytest.mark.parametrize("src,pick", [
    # enable bit written at a variable index of a 12-bit mask (a 4-bit index can point past the end)
    ("""
    module m(input [11:0] vec, input [3:0] idx, input en, output reg hit);
      reg [11:0] mask;
      always @* begin
        mask = {12{1'b0}};
        mask[idx] = en;
        hit = (vec & mask) != 0;
      end
    endmodule
    """, "hit"),
    # one-hot select built the same way, read through an OR of an AND with another mask
    ("""
    module m(input [7:0] d, input [2:0] s, input [7:0] keep, output reg y, output reg [7:0] oh);
      always @(*) begin
        oh = 8'h00;
        oh[s] = 1'b1;
        y = |(d & oh & keep);
      end
    endmodule
    """, "y"),
])
def test_onehot_built_by_indexed_write_is_a_bit_pick(tmp_path, src, pick):
    from rtlopt.egraph import optimize_text
    src = textwrap.dedent(src).lstrip()
    got = optimize_text(src)
    assert got, "the indexed write should be modelled"
    _mod, new, info = got[0]
    assert pick in info["changed"]
    line = next(ln for ln in new.splitlines() if ln.strip().startswith(f"{pick} ="))
    assert "mask" not in line and "oh" not in line  # the pick reads the data word, not the mask
    assert "<<" not in new.split("always")[0]
    f = tmp_path / "m.v"
    f.write_text(src)
    assert _equivalent(tmp_path, f, new, "m")


@pytest.mark.yosys
def test_guarded_indexed_write_is_not_modelled_as_unconditional(tmp_path):
    """The bit is written only under a condition: the e-graph must not treat the mask as 1 << sel."""
    from rtlopt.egraph import optimize_text
    src = textwrap.dedent("""
    module m(input [7:0] d, input [2:0] s, input go, output reg y);
      reg [7:0] oh;
      always @* begin
        oh = 8'h00;
        if (go) oh[s] = 1'b1;
        y = |(d & oh);
      end
    endmodule
    """).lstrip()
    f = tmp_path / "m.v"
    f.write_text(src)
    for _mod, new, _info in optimize_text(src):
        assert "d[s]" not in new.replace(" ", "") or "go" in new.split("y =")[1]
        assert _equivalent(tmp_path, f, new, "m")


# ---- search: a template's matches of different kinds are also tried kind by kind -------------------------
@pytest.mark.yosys
def test_narrowing_without_the_comparison_rewrites_is_a_candidate(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.engine.search import State, template_candidates
    f = tmp_path / "div.v"
    f.write_text(textwrap.dedent("""
    module div(input clk, input rst, output pulse);
      reg [19:0] cnt;
      always @(posedge clk)
        if (rst) cnt <= 20'd0;
        else if (cnt == 20'd49) cnt <= 20'd0;
        else cnt <= cnt + 20'd1;
      assign pulse = (cnt == 20'd49);
    endmodule
    """).lstrip())
    st = State(design=open_design([f], "div"), texts={f: f.read_text()}, goal="area", liberty=None)
    texts = [c.text for c in template_candidates(st) if "register_width_reduction" in c.rules]
    narrowed = [t for t in texts if "[19:0] cnt" not in t]
    assert any(">=" in t for t in narrowed), texts  # the comparison rewrite still comes with it
    assert any(">=" not in t and "<=" not in t.replace("cnt <=", "") for t in narrowed), narrowed


def test_template_matches_without_kinds_give_the_usual_groups():
    """Untagged matches: the all-at-once and one-by-one candidates only (no extra groups)."""
    from rtlopt.engine.search import State, template_candidates
    from rtlopt.templates._arith import ConstMultToShiftAdd
    f = Path("/nonexistent/m.v")
    src = "module m(input [7:0] a, b, output [15:0] y, z);\n  assign y = a * 8'd29;\n  assign z = b * 8'd45;\nendmodule\n"
    st = State(design=None, texts={f: src}, goal="area", liberty=None)
    cands = template_candidates(st, {"const_mult_to_shift_add": ConstMultToShiftAdd()})
    assert len(cands) == 3  # both products, then each alone


# ---- instance sharing: the reads of the dropped instance's outputs read the kept one's ------------------
INST_SRC = """
module absdiff8(input [7:0] p, input [7:0] q, output [7:0] d);
  assign d = p > q ? p - q : q - p;
endmodule

module top(input sel_hi, input [7:0] a0, b0, a1, b1, output [7:0] r);
  wire [7:0] lo_d;
  wire [{W}:0] hi_d;
  absdiff8 u_lo (.p(a0), .q(b0), .d(lo_d));
  absdiff8 u_hi (.p(a1), .q(b1), .d(hi_d));
  assign r = sel_hi ? hi_d : lo_d;
endmodule
"""


@pytest.mark.yosys
def test_shared_instance_outputs_are_read_by_the_kept_name(tmp_path):
    from rtlopt.templates._share import ExclusiveInstanceSharing
    src = textwrap.dedent(INST_SRC.replace("{W}", "7")).lstrip()
    T = ExclusiveInstanceSharing()
    ms = T.match(src)
    assert ms
    new = T.rewrite(src, ms[:1])
    assert new is not None and new.count("absdiff8 u_") == 1
    kept = "lo_d" if "absdiff8 u_lo" in new else "hi_d"
    gone = "hi_d" if kept == "lo_d" else "lo_d"
    assert f"? {kept} : {kept}" in new.split("assign r")[1].replace("(", "").replace(")", "") or \
        gone not in new.split("assign r")[1], new
    f = tmp_path / "m.v"
    f.write_text(src)
    assert _equivalent(tmp_path, f, new, "top")


def test_shared_instance_outputs_of_another_type_keep_their_copy():
    from rtlopt.templates._share import ExclusiveInstanceSharing
    src = textwrap.dedent(INST_SRC.replace("{W}", "8")).lstrip()  # hi_d is 9 bits wide
    for m in ExclusiveInstanceSharing().match(src):
        new = ExclusiveInstanceSharing().rewrite(src, [m])
        if new is None:
            continue
        tail = new.split("assign r")[1]
        assert "hi_d" in tail and "lo_d" in tail  # the read of the wider wire is not renamed


# ---- sharing: selects exact on the side with fewer operations (reuse the decode) ------------------------
@pytest.mark.yosys
def test_shared_unit_selects_exact_on_the_smaller_side(tmp_path):
    from rtlopt.templates._share import ExclusiveOperatorSharing
    src = textwrap.dedent("""
    module ob(input [9:0] p, q, r, input [2:0] f, output reg [9:0] o);
      always @* case (f)
        3'd0:    o = p + q;
        3'd5:    o = p - r;
        3'd6:    o = r - q;
        default: o = 10'd0;
      endcase
    endmodule
    """).lstrip()
    T = ExclusiveOperatorSharing()
    ms = [m for m in T.match(src) if "fewer guards" in m.description]
    assert ms
    new = T.rewrite(src, ms[:1])
    assert new is not None
    # the carry-in is 1 everywhere but under the one addition's guard: all three select bits read
    sub = next(ln for ln in new.splitlines() if "rtlopt_sh0_sub =" in ln)
    assert all(f"f[{i}]" in sub for i in range(3)), sub
    f = tmp_path / "m.v"
    f.write_text(src)
    assert _equivalent(tmp_path, f, new, "ob")


def test_two_operation_unit_has_no_smaller_side_variant():
    from rtlopt.templates._share import ExclusiveOperatorSharing
    src = """module m(input [7:0] a, b, input [1:0] s, output reg [7:0] y);
  always @* case (s) 2'd0: y = a + b; 2'd3: y = a - b; default: y = a; endcase
endmodule
"""
    assert not [m for m in ExclusiveOperatorSharing().match(src) if "fewer guards" in m.description]
