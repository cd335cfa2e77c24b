"""complement_arm_xor (rtlopt.templates._comparm): a case whose arms one selector bit apart are complements
(eq/ne, lt/ge, AND/NAND ...) selects half the arms and XORs with that bit.

heldout13 softcore/branch_unit (six comparators selected by funct3): 374.1 um^2 (operator sharing) ->
345.3 um^2 with this rewrite on top (reference 370.4). Own designs: designs/generalization/datapath/
cmpxor_branch_case_v (Verilog, inline comparisons in a case inside an if), cmpxor_cond_fn_sv (SV function,
unique case on the formal, ne/ge written as inversions, geu as q <= p) and cmpxor_invword_sv (16-bit logic
unit, wires, selector {op, inv}). Near misses: arms whose "complement" compares another operand pair, the
operands swapped (a < b against b < a: not complements on equal operands), one complementary pair only, a
casez; their hand-written XOR forms are refuted by the verifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.templates import REGISTRY
from rtlopt.templates._comparm import ComplementArmXor
from rtlopt.templates._sem import analyze

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "datapath"
OWN = [("cmpxor_branch_case_v", "br_decide"), ("cmpxor_cond_fn_sv", "cond_unit"), ("cmpxor_invword_sv", "lu16")]

T = ComplementArmXor()


def _rewrite(text: str, name: str = "d.v") -> tuple[list, str | None]:
    ms = T.match(analyze(text, name))
    return ms, (T.rewrite(text, ms) if ms else None)


def _verdict(gold_text: str, gate_text: str, top: str, tmp_path: Path, suffix: str = ".v") -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    a, b = tmp_path / ("gold" + suffix), tmp_path / ("gate" + suffix)
    a.write_text(gold_text)
    b.write_text(gate_text)
    return check_equivalence(DesignRef([a], top), DesignRef([b], top), VerifyOptions(timeout_s=120)).verdict


BRANCH = """
module br (
  input  wire [15:0] a, b,
  input  wire [2:0]  f,
  output reg         t
);
  localparam BEQ = 3'd0, BNE = 3'd1, BLT = 3'd4, BGE = 3'd5, BLTU = 3'd6, BGEU = 3'd7;
  always @* begin
    case (f)
      BEQ:  t = a == b;
      BNE:  t = ~(a == b);
      BLT:  t = $signed(a) < $signed(b);
      BGE:  t = !($signed(a) < $signed(b));
      BLTU: t = a < b;
      BGEU: begin t = b <= a; end
      default: t = 1'b0;
    endcase
  end
endmodule
"""


def test_registered():
    assert "complement_arm_xor" in REGISTRY


def test_branch_with_localparam_labels_fires_and_is_proven(tmp_path):
    ms, new = _rewrite(BRANCH)
    assert len(ms) == 1 and "3 complementary" in ms[0].description
    assert "^ f[0]" in new and "b <= a" not in new and "!(" not in new
    assert _verdict(BRANCH, new, "br", tmp_path).name == "EQUIVALENT"


@pytest.mark.parametrize("case,top", OWN)
def test_own_designs_fire_proven_and_reference_proven(case, top, tmp_path):
    d = GEN / case
    orig = next(d.glob("original.*"))
    ms, new = _rewrite(orig.read_text(), str(orig))
    assert len(ms) == 1 and new is not None
    assert _verdict(orig.read_text(), new, top, tmp_path, orig.suffix).name == "EQUIVALENT"
    ref = next(d.glob("reference.*"))
    assert _verdict(orig.read_text(), ref.read_text(), top, tmp_path, orig.suffix).name == "EQUIVALENT"


def test_word_arms_xor_with_replicated_bit():
    text = (GEN / "cmpxor_invword_sv" / "original.sv").read_text()
    ms, new = _rewrite(text, "lu.sv")
    assert "4 complementary" in ms[0].description and "{16{inv}}" in new
    assert "t_nand" not in new.split("always_comb")[1] and "t_nor" not in new.split("always_comb")[1]


def _near(arm1: str, arm5: str = "t = !($signed(a) < $signed(b));", kw: str = "case") -> str:
    return BRANCH.replace("BNE:  t = ~(a == b);", f"BNE:  {arm1}") \
        .replace("BGE:  t = !($signed(a) < $signed(b));", f"BGE:  {arm5}").replace("    case (f)", f"    {kw} (f)")


#: the XOR form of BRANCH, written by hand: what a rewrite keyed on the shape would write for every near miss
XOR_FORM = """
module br (
  input  wire [15:0] a, b,
  input  wire [2:0]  f,
  output reg         t
);
  always @* begin
    case ({f[2], f[1]})
      2'd0: t = (a == b) ^ f[0];
      2'd2: t = ($signed(a) < $signed(b)) ^ f[0];
      2'd3: t = (a < b) ^ f[0];
      default: t = 1'b0;
    endcase
  end
endmodule
"""

NEAR = [
    # ne of another operand pair: the BEQ/BNE pair is no complement
    ("other operand pair", _near("t = a != {b[14:0], 1'b0};")),
    # b < a is not the complement of a < b (both false on equal operands)
    ("swapped operands", _near("t = a != b;", "t = $signed(b) < $signed(a);")),
]


def test_xor_form_is_the_branch(tmp_path):
    assert _verdict(BRANCH, XOR_FORM, "br", tmp_path).name == "EQUIVALENT"


@pytest.mark.parametrize("what,text", NEAR, ids=[n[0] for n in NEAR])
def test_near_misses_do_not_fire_and_xor_form_is_refuted(what, text, tmp_path):
    assert text != BRANCH
    assert _rewrite(text)[0] == [], what
    assert _verdict(text, XOR_FORM, "br", tmp_path).name == "NOT_EQUIVALENT"


def test_one_complementary_pair_and_casez_do_not_fire():
    one = BRANCH.replace("BLT:  t = $signed(a) < $signed(b);", "BLT:  t = a[0];") \
        .replace("BGE:  t = !($signed(a) < $signed(b));", "BGE:  t = a[1];") \
        .replace("BLTU: t = a < b;", "BLTU: t = b[0];")
    assert _rewrite(one)[0] == []
    assert _rewrite(BRANCH.replace("    case (f)", "    casez (f)"))[0] == []


def test_restyled_unique_case_on_instruction_field(tmp_path):
    """SV, ``unique case`` on a part-select of the instruction word: the pairing bit is ins[12]."""
    text = BRANCH.replace("input  wire [2:0]  f,", "input  wire [31:0] ins,") \
        .replace("    case (f)", "    unique case (ins[14:12])")
    ms, new = _rewrite(text, "br.sv")
    assert len(ms) == 1 and "^ ins[12]" in new and "case ({ins[14], ins[13]})" in new
    assert _verdict(text, new, "br", tmp_path, ".sv").name == "EQUIVALENT"


TERNARY = """
module br2 (
  input  logic [15:0] a, b,
  input  logic [2:0]  f,
  output logic        t
);
  wire eq = a == b;
  wire lts = $signed(a) < $signed(b);
  assign t = (f == 3'b000) ? eq :
             (f == 3'b001) ? !eq :
             (f == 3'b100) ? lts :
             (f == 3'b101) ? !lts :
             (3'b110 == f) ? a < b :
             (f == 3'b111) ? a >= b : 1'b0;
endmodule
"""


def test_restyled_ternary_chain_fires_and_is_proven(tmp_path):
    ms, new = _rewrite(TERNARY, "br2.sv")
    assert len(ms) == 1 and "3 complementary" in ms[0].description
    assert "!eq" not in new and "a >= b" not in new and "(eq ^ f[0])" in new
    assert _verdict(TERNARY, new, "br2", tmp_path, ".sv").name == "EQUIVALENT"


def test_ternary_near_misses_do_not_fire():
    # one condition on another selector ends the chain (too few arms left); a wrong complement (ge of b, a)
    assert _rewrite(TERNARY.replace("(f == 3'b100) ? lts", "(a[2:0] == 3'b100) ? lts"), "n.sv")[0] == []
    assert _rewrite(TERNARY.replace("!lts", "$signed(b) < $signed(a)"), "n.sv")[0] == []


IFCHAIN = """
module br3 (
  input  wire        clk,
  input  wire [19:0] a, b,
  input  wire [2:0]  f,
  output reg         t_q
);
  always @(posedge clk)
    if (f == 3'd0)        t_q <= a == b;
    else if (3'd1 == f)   t_q <= a != b;
    else if (f == 3'd4)   t_q <= $signed(a) < $signed(b);
    else if (f == 3'd5)   t_q <= $signed(a) >= $signed(b);
    else if (f == 3'd6)   t_q <= a < b;
    else if (f == 3'd7)   t_q <= a >= b;
    else                  t_q <= 1'b0;
endmodule
"""


def test_restyled_if_chain_in_clocked_block_fires_and_is_proven(tmp_path):
    ms, new = _rewrite(IFCHAIN, "br3.v")
    assert len(ms) == 1 and "3 complementary" in ms[0].description, [m.description for m in ms]
    assert "t_q <= (a == b) ^ f[0];" in new and "a != b" not in new
    assert _verdict(IFCHAIN, new, "br3", tmp_path).name == "EQUIVALENT"
    # an if chain without a final else keeps t_q: not a full selection, left alone
    assert _rewrite(IFCHAIN.replace("    else                  t_q <= 1'b0;\n", ""), "n.v")[0] == []


ONEHOT = """
module br4 (
  input  logic [15:0] a, b,
  input  logic [31:0] ins,
  output logic        take
);
  wire [2:0] funct3 = ins[14:12];
  wire is_beq  = funct3 == 3'b000;
  wire is_bne  = funct3 == 3'b001;
  wire is_blt  = funct3 == 3'b100;
  wire is_bge  = funct3 == 3'b101;
  wire is_bltu = 3'b110 == funct3;
  wire is_bgeu = funct3 == 3'b111;
  wire eq  = a == b;
  wire lts = $signed(a) < $signed(b);
  wire ltu = a < b;
  always_comb begin
    unique case (1'b1)
      is_beq:  take = eq;
      is_bne:  take = !eq;
      is_blt:  take = lts;
      is_bge:  take = !lts;
      is_bltu: take = ltu;
      is_bgeu: take = !ltu;
      default: take = 1'b0;
    endcase
  end
endmodule
"""


def test_restyled_onehot_case_of_decode_wires_fires_and_is_proven(tmp_path):
    ms, new = _rewrite(ONEHOT, "br4.sv")
    assert len(ms) == 1 and "3 complementary" in ms[0].description, [m.description for m in ms]
    assert "case ({funct3[2], funct3[1]})" in new and "take = eq ^ funct3[0];" in new
    assert _verdict(ONEHOT, new, "br4", tmp_path, ".sv").name == "EQUIVALENT"
    # a decode wire of another selector: not one selection, left alone
    other = ONEHOT.replace("wire is_bge  = funct3 == 3'b101;", "wire is_bge  = ins[2:0] == 3'b101;")
    assert _rewrite(other, "n.sv")[0] == []
