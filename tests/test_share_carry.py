"""exclusive_operator_sharing: three-operand sums (``a + b + cin``, ``a - b - cin``) join the shared adder
as its carry-in (a select of 0 / 1 / cin / ~cin), and ``a < b`` / ``a == b`` of the same words read the
shared subtractor's borrow bit and zero flag, in if-chain and assign/ternary styles; operations evaluated
together never share. Rewrites are proven with the real verifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates._share import ExclusiveOperatorSharing

T = ExclusiveOperatorSharing()

IFCHAIN = """module acc(input [1:0] mode, input [11:0] p, q, input c, output reg [12:0] r, output reg lt, eq);
  always @* begin
    lt = 1'b0; eq = 1'b0;
    if (mode == 2'b00) r = p + q + c;
    else if (mode == 2'b01) r = {1'b0, p} - {1'b0, q} - c;
    else if (mode == 2'b10) r = p - q;
    else begin r = 13'd0; lt = p < q; eq = p == q; end
  end
endmodule
"""

TERNARY = """module acc(input [1:0] mode, input [11:0] p, q, input c, output [12:0] r);
  assign r = mode[1] ? (mode[0] ? c + q + p : 13'd0)
                     : (mode[0] ? p - q - c : p + q);
endmodule
"""

TOGETHER = """module acc(input [1:0] mode, input [11:0] p, q, input c, output [12:0] r, s);
  assign r = mode[0] ? p + q + c : 13'd0;
  assign s = mode[1] ? p - q - c : 13'd0;
endmodule
"""


BIT_OPERAND = """module u(input [1:0] op, input [15:0] a, b, input c, output reg [15:0] y);
  always @* case (op)
    2'd0: y = a + b;
    2'd1: y = a + {15'd0, c};
    2'd2: y = a - c;
    default: y = a - b;
  endcase
endmodule
"""


def _carry(text: str):
    return [m for m in T.match(text) if "each side inverted" in m.description
            and any(t in m.description for t in ("+ c", "- c", "c +"))]


def _prove(tmp_path: Path, gold: str, gate: str):
    from rtlopt.verify import VerifyOptions, check_equivalence

    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "gate").mkdir(exist_ok=True)
    g, h = tmp_path / "gold" / "t.v", tmp_path / "gate" / "t.v"
    g.write_text(gold)
    h.write_text(gate)
    return check_equivalence(open_design(g), open_design(h), VerifyOptions(timeout_s=60))


def test_if_chain_carry_in_and_compare_flags_share_one_adder():
    ms = _carry(IFCHAIN)
    assert ms, [m.description for m in T.match(IFCHAIN)]
    new = T.rewrite(IFCHAIN, [ms[0]])
    assert "rtlopt_sh0_ci = " in new and "c" in new.split("rtlopt_sh0_ci = ")[1].split(";")[0]
    assert new.count(" + ") == 2 and " - " not in new.split("endmodule")[0].split("rtlopt_sh0 = ")[1]
    assert "lt = rtlopt_sh0[12]" in new and "eq = ~|rtlopt_sh0[11:0]" in new, new
    assert "p < q" not in new and "p == q" not in new


def test_ternary_style_any_leaf_is_the_carry():
    ms = _carry(TERNARY)
    assert ms
    new = T.rewrite(TERNARY, [ms[0]])
    assert "c + q + p" not in new and "p - q - c" not in new and "p + q)" not in new
    ci = new.split("rtlopt_sh0_ci = ")[1].split(";")[0]
    assert "~c" in ci.replace("(~c)", "~c"), ci


def test_one_bit_operand_of_a_two_operand_sum_is_the_carry_in():
    """``a + {15'd0, c}`` = ``a + 0 + c`` and ``a - c`` = ``a + ~0 + ~c``: the bit never reaches an operand mux."""
    ms = [m for m in T.match(BIT_OPERAND) if "each side inverted" in m.description]
    news = [T.rewrite(BIT_OPERAND, [m]) for m in ms]
    carry = [n for n in news if "c" in n.split("rtlopt_sh0_ci = ")[-1].split(";")[0]
             and ", c}" not in n.split("always")[0]]
    assert carry, news


def test_sums_evaluated_together_do_not_share():
    assert not [m for m in T.match(TOGETHER) if "shared by" in m.description]


@pytest.mark.yosys
@pytest.mark.parametrize("text", [IFCHAIN, TERNARY, BIT_OPERAND], ids=["ifchain", "ternary", "bit"])
def test_carry_in_sharing_is_proven(tmp_path, text):
    ms = [m for m in T.match(text) if "each side inverted" in m.description]
    assert ms
    for m in ms:  # every offered unit (carry-in forms and the plain side-inverted one) is exact
        new = T.rewrite(text, [m])
        assert _prove(tmp_path, text, new).verdict.name == "EQUIVALENT", new
