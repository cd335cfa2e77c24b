"""Sharing of exclusive operations beyond unsigned words (issue 10, heldout4 misses):

* signed ``a + b`` / ``a - b`` as wide as their context (CORDIC both-directions) share one add/sub;
* ``case`` items named by ``typedef enum`` members are constants in the exclusivity proofs;
* the operations inside a parameterized module instantiated twice still see their use guards;
* products of the same words with different signedness (MUL/MULH/MULHSU/MULHU) share one
  ``(N+1) x (M+1)`` signed multiplier (rtlopt/templates/_mulsign.py).
Every rewrite is checked by a real proof; the negatives must not share.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates._mulsign import MultiplierSignSharing
from rtlopt.templates._share import ExclusiveOperatorSharing

T = ExclusiveOperatorSharing()
M = MultiplierSignSharing()

CORDIC = """module step #(parameter int W = 12, parameter int SH = 2) (
  input  logic signed [W-1:0] x, y,
  output logic signed [W-1:0] xo, yo
);
  logic signed [W-1:0] xp, xn, yp, yn;
  assign xp = x - (y >>> SH);
  assign xn = x + (y >>> SH);
  assign yp = y + (x >>> SH);
  assign yn = y - (x >>> SH);
  always_comb begin
    if (y[W-1]) begin xo = xn; yo = yn; end
    else begin xo = xp; yo = yp; end
  end
endmodule
module top (input logic signed [9:0] x, y, output logic signed [9:0] xo, yo);
  logic signed [9:0] x1, y1;
  step #(.W(10), .SH(1)) u0 (.x(x), .y(y), .xo(x1), .yo(y1));
  step #(.W(10), .SH(2)) u1 (.x(x1), .y(y1), .xo(xo), .yo(yo));
endmodule
"""

ENUM = """module t (input logic [7:0] pc, rs1, imm, input logic [1:0] op, output logic [7:0] nxt);
  typedef enum logic [1:0] {BR = 2'd1, JAL = 2'd2, JALR = 2'd3} op_e;
  always_comb begin
    unique case (op)
      BR:      nxt = pc + imm;
      JAL:     nxt = pc + {imm[3:0], 4'd0};
      JALR:    nxt = rs1 + imm;
      default: nxt = pc;
    endcase
  end
endmodule
"""

MULH = """module t (input logic [1:0] f, input logic [5:0] a, b, output logic [5:0] y);
  logic signed [11:0] pss, psu;
  logic [11:0] puu;
  assign pss = $signed(a) * $signed(b);
  assign psu = $signed({{6{a[5]}}, a}) * $signed({6'd0, b});
  assign puu = a * b;
  always_comb begin
    case (f)
      2'd0: y = puu[5:0];
      2'd1: y = pss[11:6];
      2'd2: y = psu[11:6];
      default: y = puu[11:6];
    endcase
  end
endmodule
"""


NEXTPC = """module t (input logic [7:0] pc, rs1, imm, input logic [1:0] op, input logic tk,
          output logic [7:0] nxt, link);
  logic [7:0] pc4;
  assign pc4 = pc + 8'd4;
  always_comb begin
    case (op)
      2'd1: nxt = tk ? pc + imm : pc4;
      2'd2: nxt = rs1 + imm;
      default: nxt = pc4;
    endcase
  end
  assign link = pc4;
endmodule
"""


def _descs(t, text):
    return [m.description for m in t.match(text)]


def _prove(tmp_path: Path, gold: str, gate: str, top: str):
    from rtlopt.verify import VerifyOptions, check_equivalence

    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "gate").mkdir(exist_ok=True)
    g, h = tmp_path / "gold" / "t.sv", tmp_path / "gate" / "t.sv"
    g.write_text(gold)
    h.write_text(gate)
    return check_equivalence(open_design(g, top=top), open_design(h, top=top), VerifyOptions(timeout_s=60))


def test_signed_addsub_in_parameterized_instances_shares():
    d = _descs(T, CORDIC)
    assert any("2 exclusive operations (x - (y >>> SH), x + (y >>> SH))" in x for x in d), d
    new = T.rewrite(CORDIC, T.match(CORDIC)[:1])
    assert "assign xp = $signed(rtlopt_sh0);" in new and "assign xn = $signed(rtlopt_sh0);" in new


def test_enum_case_items_are_exclusive():
    d = _descs(T, ENUM)
    assert any("3 exclusive operations" in x for x in d), d


def test_guarded_reads_of_a_net_read_elsewhere_join_the_unit():
    # pc4 is also the link address (unguarded): its reads in the case join the unit, pc4 stays
    d = _descs(T, NEXTPC)
    assert any("4 exclusive operations" in x and "pc4" in x for x in d), d
    m = next(m for m in T.match(NEXTPC) if "4 exclusive operations" in m.description)
    new = T.rewrite(NEXTPC, [m])
    assert "assign pc4 = pc + 8'd4;" in new and "default: nxt = rtlopt_sh0;" in new


def test_mulsign_shares_three_products():
    d = _descs(M, MULH)
    assert d and "one 7x7 signed multiplier shared by 3 products" in d[0], d


@pytest.mark.parametrize("text", [
    # (signed NAMES narrower than the context now share, read sign-extended: tests/test_share_comb_temp.py)
    # a signed operand only as wide as the context because of it (``a >>> 1`` of a 4-bit ``a``): read on
    # its own it would be 4 bits wide (that candidate was NOT EQUIVALENT)
    "module t(input s, input signed [3:0] a, b, output signed [7:0] y);\n"
    "  assign y = s ? (a >>> 1) + b : (a >>> 1) - b;\nendmodule\n",
    # both signed results read together (no exclusive guards)
    "module t(input signed [7:0] a, b, output signed [7:0] y);\n  wire signed [7:0] p = a + b, q = a - b;\n"
    "  assign y = p ^ q;\nendmodule\n",
])
def test_signed_negatives_do_not_share(text):
    assert T.match(text) == [], _descs(T, text)


@pytest.mark.parametrize("text", [
    # both products read under the same arm (not exclusive)
    MULH.replace("2'd1: y = pss[11:6];", "2'd1: y = pss[11:6] ^ puu[11:6];"),
    # a product read outside the case (no guard), the other two read together
    MULH.replace("endmodule", "  assign z = puu;\nendmodule").replace(
        "output logic [5:0] y", "output logic [5:0] y, output logic [11:0] z").replace(
        "2'd1: y = pss[11:6];", "2'd1: y = pss[11:6] ^ psu[11:6];"),
    # different words
    MULH.replace("assign puu = a * b;", "assign puu = b * b;").replace("{6'd0, b}", "{6'd0, a}"),
])
def test_mulsign_negatives(text):
    assert M.match(text) == [], _descs(M, text)


def test_mulsign_leaves_an_unguarded_product_alone():
    text = MULH.replace("endmodule", "  assign z = puu;\nendmodule").replace(
        "output logic [5:0] y", "output logic [5:0] y, output logic [11:0] z")
    d = _descs(M, text)
    assert len(d) == 1 and "shared by 2 products" in d[0], d
    new = M.rewrite(text, M.match(text))
    assert "assign puu = a * b;" in new


@pytest.mark.yosys
def test_rewrites_are_proven(tmp_path):
    for gold, t, top in ((CORDIC, T, "top"), (ENUM, T, "t"), (MULH, M, "t"), (NEXTPC, T, "t")):
        m = t.match(gold)[0]
        new = t.rewrite(gold, [m])
        assert _prove(tmp_path, gold, new, top).verdict.name == "EQUIVALENT", m.description
    # the proof is not vacuous: a wrong extension select is caught
    new = M.rewrite(MULH, M.match(MULH)[:1])
    bad = new.replace("rtlopt_msm0_bx = {(", "rtlopt_msm0_bx = {~(")
    assert bad != new
    assert _prove(tmp_path, MULH, bad, "t").verdict.name == "NOT_EQUIVALENT"
