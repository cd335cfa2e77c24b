"""Products of the same words with different signedness computed inside a combinational block, and
the proof of such rewrites behind asynchronous-reset registers (issue 10, resource sharing family).

* ``multiplier_sign_sharing`` (rtlopt/templates/_mulsign.py) also reads the products a combinational
  block computes in turn (``p = a * b; q = $signed(a) * $signed(b); ... case (op) ...`` in ``always_comb``
  or ``always @*``), the unit placed before the block, and ``$signed({1'b0, b})`` as b zero-extended in a
  product wider than the concatenation.
* The exhaustive/algebraic engines cut flip-flops with an asynchronous reset too
  (rtlopt/verify/_gates.py): equal reset polarity/value per bit, equal R and D functions.
* Own designs: designs/generalization/sharing/mulsign_comb_ternary_sv (SV always_comb, casts, ?:) and
  mulsign_regchild_v (Verilog always @*, hand-written extension, parameterized child, async register).
Near misses: different operands in an arm, two products read in one arm, an operand extension that is
neither sign nor zero (``{1'b1, b}``); a register whose reset value or reset condition differs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates._mulsign import MultiplierSignSharing

M = MultiplierSignSharing()
GEN = Path(__file__).resolve().parent.parent / "designs" / "generalization" / "sharing"

COMB = """module t (input logic [1:0] f, input logic [5:0] a, b, output logic [5:0] y);
  logic signed [11:0] pss;
  logic signed [12:0] psu;
  logic [11:0] puu;
  always_comb begin
    pss = $signed(a) * $signed(b);
    psu = $signed(a) * $signed({1'b0, b});
    puu = a * b;
    case (f)
      2'd0: y = puu[5:0];
      2'd1: y = pss[11:6];
      2'd2: y = psu[11:6];
      default: y = puu[11:6];
    endcase
  end
endmodule
"""

# Verilog, hand-written extension, an if-chain on a net that renames the select
STAR = """module t (input [1:0] f, input [5:0] a, b, output reg [5:0] y);
  reg [11:0] pss, pus, puu;
  wire [1:0] g = f;
  always @* begin
    pss = {{6{a[5]}}, a} * {{6{b[5]}}, b};
    pus = {6'd0, a} * {{6{b[5]}}, b};
    puu = a * b;
    if (g == 2'd0) y = pss[11:6];
    else if (g == 2'd1) y = pus[11:6];
    else if (g == 2'd2) y = puu[11:6];
    else y = puu[5:0];
  end
endmodule
"""


# products written in place in the arms (y as wide as the mixed product)
ARMS = """module t (input logic [1:0] f, input logic [5:0] a, b, output logic [12:0] y);
  always_comb begin
    unique case (f)
      2'd0: y = $signed(a) * $signed(b);
      2'd1: y = $signed(a) * $signed({1'b0, b});
      default: y = a * b;
    endcase
  end
endmodule
"""

# a signed product beside an unsigned one in ?: is unsigned (Verilog's expression signedness)
TRAP = """module t (input logic f, input logic [5:0] a, b, output logic [11:0] y);
  assign y = f ? $signed(a) * $signed(b) : a * b;
endmodule
"""


def _descs(text):
    return [m.description for m in M.match(text)]


def _prove(tmp_path: Path, gold: str, gate: str, top: str, engines=None, suffix=".sv"):
    from rtlopt.verify import VerifyOptions, check_equivalence

    g, h = tmp_path / "gold" / f"t{suffix}", tmp_path / "gate" / f"t{suffix}"
    for f, text in ((g, gold), (h, gate)):
        f.parent.mkdir(exist_ok=True)
        f.write_text(text)
    return check_equivalence(open_design(g, top=top), open_design(h, top=top),
                             VerifyOptions(timeout_s=120, engines=engines))


@pytest.mark.parametrize("text", [COMB, STAR, COMB.replace("case (f)", "unique case (f)"),
                                  COMB.replace("always_comb begin", "always @* begin")])
def test_products_of_a_comb_block_share(text):
    d = _descs(text)
    assert len(d) == 1 and "one 7x7 signed multiplier shared by 3 products" in d[0], d
    new = M.rewrite(text, M.match(text))
    # the unit is declared at module level, before the block; the block reads its slices
    assert new.index("wire signed [13:0] rtlopt_msm0 =") < new.index("always")
    assert new.count("*") == 1 + text.count("*") - 3


def test_products_in_place_share():
    d = _descs(ARMS)
    assert len(d) == 1 and "shared by 3 products of a and b with different signedness" in d[0], d
    new = M.rewrite(ARMS, M.match(ARMS))
    assert "2'd0: y = $signed(rtlopt_msm0[12:0]);" in new and "default: y = rtlopt_msm0[12:0];" in new
    # the trap: both products are unsigned; shared as such (no sign extension anywhere)
    d = _descs(TRAP)
    assert len(d) == 1 and "with the same signedness" in d[0], d
    new = M.rewrite(TRAP, M.match(TRAP))
    assert "rtlopt_msm0_ax = {1'b0, rtlopt_msm0_a};" in new and "rtlopt_msm0_bx = {1'b0, rtlopt_msm0_b};" in new


@pytest.mark.parametrize("text", [
    # an arm reads a product of other words: the two others share, the third stays
    COMB.replace("puu = a * b;", "puu = a * a;"),
    # an operand extended by a constant 1 is neither signed nor unsigned b
    COMB.replace("$signed({1'b0, b})", "$signed({1'b1, b})"),
])
def test_near_misses_leave_the_odd_product(text):
    d = _descs(text)
    assert len(d) == 1 and "shared by 2 products" in d[0], d
    new = M.rewrite(text, M.match(text))
    odd = "puu = a * a;" if "a * a" in text else "psu = $signed(a) * $signed({1'b1, b});"
    assert odd in new


@pytest.mark.parametrize("text", [
    # two products read in one arm: not exclusive
    COMB.replace("2'd1: y = pss[11:6];", "2'd1: y = pss[11:6] ^ psu[11:6];").replace(
        "default: y = puu[11:6];", "default: y = puu[11:6] ^ pss[5:0];"),
    # a product written twice in the block (a second write after the case): not one definition
    COMB.replace("    endcase\n", "    endcase\n    pss = 12'd0;\n"),
    # the product reads a value the block itself computes later (read before written)
    COMB.replace("pss = $signed(a) * $signed(b);", "pss = $signed(a) * $signed(b) + y;"),
])
def test_not_exclusive_or_not_a_definition(text):
    d = _descs(text)
    assert not any("shared by 3 products" in x for x in d), d


@pytest.mark.yosys
def test_comb_block_rewrites_are_proven_and_the_proof_bites(tmp_path):
    for text in (COMB, STAR, ARMS, TRAP):
        new = M.rewrite(text, M.match(text))
        res = _prove(tmp_path, text, new, "t")
        assert res.verdict.name == "EQUIVALENT", res.format_text()
    new = M.rewrite(COMB, M.match(COMB))
    bad = new.replace("rtlopt_msm0_ax = {(", "rtlopt_msm0_ax = {~(")
    assert bad != new
    assert _prove(tmp_path, COMB, bad, "t").verdict.name == "NOT_EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.parametrize("case, top", [("mulsign_comb_ternary_sv", "dsp_mulh"), ("mulsign_regchild_v", "scaler")])
def test_generalization_designs_fire_and_are_proven(tmp_path, case, top):
    d = GEN / case
    src = next(d.glob("original.*"))
    text = src.read_text()
    ms = M.match(text)
    assert len(ms) == 1 and "shared by 3 products" in ms[0].description, [m.description for m in ms]
    new = M.rewrite(text, ms)
    res = _prove(tmp_path, text, new, top, suffix=src.suffix)
    assert res.verdict.name == "EQUIVALENT", res.format_text()


REG = (GEN / "mulsign_regchild_v" / "original.v").read_text() if (GEN / "mulsign_regchild_v").exists() else ""


@pytest.mark.yosys
def test_async_reset_registers_are_cut_by_the_exhaustive_engine(tmp_path):
    ref = (GEN / "mulsign_regchild_v" / "reference.v").read_text()
    res = _prove(tmp_path, REG, ref, "scaler", engines=["exhaustive"], suffix=".v")
    assert res.verdict.name == "EQUIVALENT", res.format_text()
    assert "register correspondence by name" in res.reason


@pytest.mark.yosys
@pytest.mark.parametrize("change", [
    ("if (!rst_n) q <= 7'd0;", "if (!rst_n) q <= 7'd1;"),                   # another reset value
    ("posedge clk or negedge rst_n", "posedge clk or posedge rst_n"),       # another reset polarity
])
def test_async_reset_that_differs_is_never_proven_by_the_cut(tmp_path, change):
    ref = (GEN / "mulsign_regchild_v" / "reference.v").read_text()
    bad = ref.replace(*change)
    if change[0].startswith("posedge"):
        bad = bad.replace("if (!rst_n)", "if (rst_n)")
    assert bad != ref
    res = _prove(tmp_path, REG, bad, "scaler", engines=["exhaustive", "algebra"], suffix=".v")
    assert res.verdict.name != "EQUIVALENT", res.format_text()


@pytest.mark.yosys
def test_async_reset_condition_that_differs_is_not_proven(tmp_path):
    # the same flip-flop type, reset by another function of the inputs: the R outputs differ
    ref = (GEN / "mulsign_regchild_v" / "reference.v").read_text()
    bad = ref.replace("wire [6:0] y;", "wire [6:0] y;\n  wire rn = rst_n | load;").replace(
        "posedge clk or negedge rst_n", "posedge clk or negedge rn").replace("if (!rst_n)", "if (!rn)")
    res = _prove(tmp_path, REG, bad, "scaler", engines=["exhaustive", "algebra"], suffix=".v")
    assert res.verdict.name != "EQUIVALENT", res.format_text()


# the select both multi-module and function designs read the products with
SEL = """  always_comb case (f)
    2'd0: y = puu[5:0];
    2'd1: y = pss[11:6];
    default: y = puu[11:6];
  endcase
endmodule
"""


SPLIT = """module mss (input logic [5:0] a, b, output logic signed [11:0] p);
  assign p = $signed(a) * $signed(b);
endmodule
module muu (input logic [5:0] a, b, output logic [11:0] p);
  assign p = a * b;
endmodule
module t (input logic [1:0] f, input logic [5:0] a, b, output logic [5:0] y);
  logic [11:0] pss, puu;
  mss u0 (.a, .b, .p(pss));
  muu u1 (.a, .b, .p(puu));
""" + SEL


@pytest.mark.yosys
def test_products_of_different_signedness_in_sibling_modules_share(tmp_path):
    # split across modules: the hierarchy sharing (rtlopt/semantic/hiershare.py) extends each operand
    # by its own signedness; the single-module template does not see them
    from rtlopt.semantic.hiershare import hiershare_edits

    assert M.match(SPLIT) == []
    f = tmp_path / "split.sv"
    f.write_text(SPLIT)
    got = hiershare_edits({f: SPLIT}, "t", timeout_s=60)
    assert got, "no sharing offered"
    new = got[0][0][f]
    assert new.count("*") == 1 and "$signed($signed(a))" in new
    res = _prove(tmp_path, SPLIT, new, "t")
    assert res.verdict.name == "EQUIVALENT", res.format_text()


FUNC = """module t (input logic [1:0] f, input logic [5:0] a, b, output logic [5:0] y);
  function automatic logic signed [11:0] mul_s(input logic [5:0] x, z);
    mul_s = $signed(x) * $signed(z);
  endfunction
  logic [11:0] pss, puu;
  assign pss = mul_s(a, b);
  assign puu = a * b;
""" + SEL


@pytest.mark.parametrize("text", [FUNC, FUNC.replace("mul_s = $signed(x) * $signed(z);",
                                                     "return $signed(x) * $signed(z);")])
def test_a_function_product_of_its_arguments_shares(text):
    d = _descs(text)
    assert len(d) == 1 and "shared by 2 products of a and b with different signedness" in d[0], d
    new = M.rewrite(text, M.match(text))
    assert "assign pss = $signed(rtlopt_msm0[11:0]);" in new and "function automatic" in new


@pytest.mark.parametrize("text", [
    # an argument narrower than its formal: the formal is not the actual word
    FUNC.replace("assign pss = mul_s(a, b);", "assign pss = mul_s(a, b[4:0]);"),
    # the function's product reads a word from outside (not an argument)
    FUNC.replace("mul_s = $signed(x) * $signed(z);", "mul_s = $signed(x) * $signed(b);"),
    # the function result narrower than its product
    FUNC.replace("logic signed [11:0] mul_s", "logic signed [9:0] mul_s"),
])
def test_function_near_misses(text):
    assert not any("shared by 2 products" in x for x in _descs(text)), _descs(text)


@pytest.mark.yosys
def test_function_rewrite_is_proven(tmp_path):
    new = M.rewrite(FUNC, M.match(FUNC))
    assert _prove(tmp_path, FUNC, new, "t").verdict.name == "EQUIVALENT"
