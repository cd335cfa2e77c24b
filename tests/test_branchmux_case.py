"""branch_operand_mux on a ``case`` of two items that together take every selector value: the items' common
statement once, on multiplexed operands (``case (k) 1'b0: y <= f ? -q : q; 1'b1: y <= f ? -r : r;``:
one negation instead of two, then shared by synthesis). Found on this session's own SV divider
(designs/generalization/sharing/negshare_div_sv), the case spelling of picorv32_pcpi_div's if/else arms.
Near misses: a case some selector value falls out of (it holds there), casez, unique case, an item of
another shape, arms differing in an operator, a selector the items assign.

N >= 2 items (tests at the end): ``case (k) L0: S[x0]; L1: S[x1]; default: S[x2]`` -> ``S[((k) == (L0) ? x0 :
(k) == (L1) ? x1 : x2)]``: designs/generalization/sharing/negshare_case3_sv (three items each negating their
own sign-magnitude word, a restyle check's miss) and clipsel_case4_v (four labels and a default each
clipping their own sample); near misses: one item with another operator, one item assigning another
target, casez with wildcard labels, three items that leave a selector value out."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates import REGISTRY

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "sharing"

BIT = """module c1(input clk, input k, input f, input [9:0] q, r, output reg [9:0] y);
  always @(posedge clk)
    case (k)
      1'b0: y <= f ? -q : q;
      1'b1: y <= f ? -r : r;
    endcase
endmodule
"""

DFLT = """module c2(input [1:0] mode, input [11:0] a, b, output logic [11:0] y);
  always_comb begin
    case (mode)
      2'd2: y = (a > 12'd100) ? a - 12'd100 : 12'd0;
      default: y = (b > 12'd100) ? b - 12'd100 : 12'd0;
    endcase
  end
endmodule
"""

SPLIT = """module c3(input [1:0] s, input [7:0] a, b, c, output reg [8:0] y);
  always @* begin
    case (s)
      2'd0, 2'd1: y = a + c;
      2'd2, 2'd3: y = b + c;
    endcase
  end
endmodule
"""

NEG = {
    # labels 0 and 1 of a 2-bit selector, no default: y holds for 2 and 3
    "incomplete": SPLIT.replace("2'd2, 2'd3", "2'd2"),
    "casez": BIT.replace("case (k)", "casez (k)"),
    "unique": DFLT.replace("case (mode)", "unique case (mode)"),
    "item_of_other_shape": DFLT.replace("default:", "2'd1: y = 12'd0;\n      default:"),
    "operator": BIT.replace("f ? -r : r", "f ? r + 1'b1 : r"),
    # only wiring differs (picorv32's halfword select: {16'b0, mem[15:0]} / {16'b0, mem[31:16]}): nothing
    # shared, the multiplexer is what synthesis builds anyway (no finding from rtlopt check)
    "wiring_only": """module c5(input [1:0] k, input [31:0] mem, output reg [31:0] y);
  always @* case (k[1])
    1'b0: y = {16'b0, mem[15: 0]};
    1'b1: y = {16'b0, mem[31:16]};
  endcase
endmodule
""",
    # the selector is assigned by the items
    "assigns_selector": """module c4(input clk, input [7:0] a, b, output reg [7:0] y);
  reg k;
  always @(posedge clk)
    case (k)
      1'b0: begin y <= -a; k <= 1'b1; end
      1'b1: begin y <= -b; k <= 1'b0; end
    endcase
endmodule
""",
}


def _case_matches(text: str):
    return [m for m in REGISTRY["branch_operand_mux"].match(text) if "case" in m.original]


@pytest.mark.parametrize("text,expect", [
    (BIT, "-(((k) == (1'b0)) ? q : r)"),
    (DFLT, "(((mode) == (2'd2)) ? a : b) > 12'd100"),
    (SPLIT, "(((s) == (2'd0) || (s) == (2'd1)) ? a : b) + c"),
])
def test_case_items_share_one_copy(text: str, expect: str):
    ms = _case_matches(text)
    assert len(ms) == 1, ms
    rep = ms[0].edits[0].replacement
    assert expect in rep and "case" not in rep, rep


@pytest.mark.parametrize("name", sorted(NEG))
def test_case_near_misses_not_offered(name: str):
    assert _case_matches(NEG[name]) == []


def _prove(tmp_path: Path, gold: str, gate: str, top: str | None = None, ext: str = "sv") -> str:
    from rtlopt.verify import VerifyOptions, check_equivalence

    (tmp_path / "gold").mkdir(parents=True)
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / f"t.{ext}").write_text(gold)
    (tmp_path / "gate" / f"t.{ext}").write_text(gate)
    r = check_equivalence(open_design(tmp_path / "gold" / f"t.{ext}", top=top),
                          open_design(tmp_path / "gate" / f"t.{ext}", top=top), VerifyOptions(timeout_s=120))
    return r.verdict.name


@pytest.mark.yosys
@pytest.mark.parametrize("text", [BIT, DFLT, SPLIT])
def test_case_rewrites_proven(tmp_path: Path, text: str):
    tmpl = REGISTRY["branch_operand_mux"]
    new = tmpl.rewrite(text, _case_matches(text))
    assert new and new != text and "case" not in new.split("endmodule")[0].split("begin", 1)[-1]
    assert _prove(tmp_path, text, new) == "EQUIVALENT", new


@pytest.mark.yosys
def test_sv_divider_case_items_fire_and_prove(tmp_path: Path):
    path = GEN / "negshare_div_sv" / "original.sv"
    text = path.read_text()
    tmpl = REGISTRY["branch_operand_mux"]
    from rtlopt.templates import analyze

    ms = [m for m in tmpl.match(analyze(text, str(path))) if m.original.startswith("case (op_q[1])")]
    assert len(ms) == 1
    new = tmpl.rewrite(text, ms)
    assert new.count("-(((op_q[1]) == (1'b0)) ? quo : acc)") == 1
    assert _prove(tmp_path, text, new, top="sdiv_case") == "EQUIVALENT", new


# --- N >= 2 items -------------------------------------------------------------------------------------

THREE = """module n3(input [1:0] k, input [9:0] a, b, c, output reg [10:0] y);
  always @* begin
    case (k)
      2'd0: y = -{1'b0, a};
      2'd1: y = -{1'b0, b};
      default: y = -{1'b0, c};
    endcase
  end
endmodule
"""

FOUR = """module n4(input clk, input [1:0] k, input [7:0] w0, w1, w2, w3, input [2:0] n,
          output logic [7:0] y);
  always_ff @(posedge clk)
    case (k)
      2'd0: y <= ~w0 >> n;
      2'd1: y <= ~w1 >> n;
      2'd2: y <= ~w2 >> n;
      2'd3: y <= ~w3 >> n;
    endcase
endmodule
"""

NEG_N = {
    "other_operator": FOUR.replace("~w2 >> n", "~w2 << n"),
    "other_target": THREE.replace("2'd1: y = -{1'b0, b};", "2'd1: z = -{1'b0, b};").replace(
        "output reg [10:0] y", "output reg [10:0] y, z"),
    "casez_wildcards": THREE.replace("case (k)", "casez (k)").replace("2'd0:", "2'b?0:"),
    # no default and labels 0..2 of a 2-bit selector: y holds for 3
    "uncovered_value": FOUR.replace("      2'd3: y <= ~w3 >> n;\n", ""),
}


# three or more items: each differing operand selected by a case of its own in a combinational block
# inserted before the procedural block (a parallel multiplexer; a ternary chain maps larger)
@pytest.mark.parametrize("text,decl,expect", [
    (THREE, "always @* case (k) 2'd0: {t} = a; 2'd1: {t} = b; default: {t} = c; endcase",
     "y = -{{1'b0, {t}}};"),
    (FOUR, "always @* case (k) 2'd0: {t} = w0; 2'd1: {t} = w1; 2'd2: {t} = w2; default: {t} = w3; endcase",
     "y <= ~{t} >> n;"),
])
def test_n_items_share_one_copy(text: str, decl: str, expect: str):
    ms = _case_matches(text)
    assert len(ms) == 1, ms
    ins, rep = ms[0].edits
    t = rep.replacement.split("~" if "~" in rep.replacement else "b0, ")[1].split(" ")[0].rstrip("};")
    assert t.startswith("rtlopt_bm"), rep
    assert decl.format(t=t) in ins.replacement and ins.start == ins.end, ins
    assert expect.format(t=t) in rep.replacement and "case" not in rep.replacement, rep


def test_n_items_operand_written_in_block_falls_back_to_ternary():
    # b is computed earlier in the same always block: a block before it would read the old value
    text = THREE.replace("input [9:0] a, b, c", "input [9:0] a, b0, c").replace(
        "output reg [10:0] y);", "output reg [10:0] y);\n  reg [9:0] b;").replace(
        "always @* begin\n", "always @* begin\n    b = b0 ^ 10'h155;\n")
    ms = _case_matches(text)
    assert len(ms) == 1 and len(ms[0].edits) == 1, ms
    assert "-{1'b0, (((k) == (2'd0)) ? a : ((k) == (2'd1)) ? b : c)}" in ms[0].edits[0].replacement


def test_n_items_in_initial_block_fall_back_to_ternary():
    # an always block before an initial block would not have run when the initial block reads it
    ms = _case_matches(THREE.replace("always @* begin", "initial begin"))
    assert len(ms) == 1 and len(ms[0].edits) == 1, ms
    assert "-{1'b0, (((k) == (2'd0)) ? a : ((k) == (2'd1)) ? b : c)}" in ms[0].edits[0].replacement


@pytest.mark.parametrize("name", sorted(NEG_N))
def test_n_items_near_misses_not_offered(name: str):
    assert NEG_N[name] not in (THREE, FOUR)  # the replace took: a real near miss
    assert _case_matches(NEG_N[name]) == []


@pytest.mark.yosys
@pytest.mark.parametrize("text", [THREE, FOUR])
def test_n_items_rewrites_proven(tmp_path: Path, text: str):
    tmpl = REGISTRY["branch_operand_mux"]
    new = tmpl.rewrite(text, _case_matches(text))
    assert new and new != text and new.count("case (k)") == 1 and "rtlopt_bm" in new
    assert _prove(tmp_path, text, new) == "EQUIVALENT", new


@pytest.mark.yosys
@pytest.mark.parametrize("case,top,ext,expect", [
    # parameterised: the ternary chain (a declared width would pin one instance's width)
    ("negshare_case3_sv", "sm_sel_top", "sv",
     "-{1'b0, (((sel) == (2'd0)) ? a[W-1:0] : ((sel) == (2'd1)) ? b[W-1:0] : c[W-1:0])}"),
    ("clipsel_case4_v", "clipsel4", "v", "r = (rtlopt_bm"),
    ("abssel_case4_v", "abssel4", "v", "mag <= rtlopt_bm"),
])
def test_generalization_n_item_cases_fire_and_prove(tmp_path: Path, case: str, top: str, ext: str, expect: str):
    from rtlopt.templates import analyze

    path = GEN / case / f"original.{ext}"
    text = path.read_text()
    tmpl = REGISTRY["branch_operand_mux"]
    ms = [m for m in tmpl.match(analyze(text, str(path))) if m.original.startswith("case (")]
    assert len(ms) == 1, ms
    new = tmpl.rewrite(text, ms)
    # the parameterised module keeps the ternary chain; the others get inserted operand cases
    # (abssel: the word and its sign bit are two differing operands, two operand cases)
    cases = {"negshare_case3_sv": 0, "clipsel_case4_v": 1, "abssel_case4_v": 2}[case]
    assert expect in new and new.count("endcase") == cases, new
    # everything outside the inserted block and the case statement byte for byte
    s = text.index(ms[0].original)
    ins = ms[0].edits[0] if len(ms[0].edits) == 2 else None
    pre = text[:s] if ins is None else text[:ins.start] + ins.replacement + text[ins.start:s]
    assert new[:len(pre)] == pre and new.endswith(text[s + len(ms[0].original):])
    assert _prove(tmp_path, text, new, top=top, ext=ext) == "EQUIVALENT", new
