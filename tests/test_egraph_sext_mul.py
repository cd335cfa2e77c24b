"""datapath_egraph: a select of two signed products with a common operand becomes one signed product
of the selected narrow operand: the mux moves under the sign extension (mux(s, sext a, sext b) =
sext(mux(s, a, b))) and a product of sign-extended operands is emitted as ``$signed(a) * $signed(b)``
in a wide wire (not a product of wide sign-extended wires). Two products read together stay. Proven."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.egraph import optimize_text

ASSIGN = """module gain(input sel, input signed [9:0] x, input signed [7:0] g0, g1, output signed [17:0] y);
  wire signed [17:0] p0 = g0 * x;
  wire signed [17:0] p1 = x * g1;
  assign y = sel ? p1 : p0;
endmodule
"""

TOGETHER = """module gain(input signed [9:0] x, input signed [7:0] g0, g1, output signed [17:0] y0, y1);
  assign y0 = g0 * x;
  assign y1 = x * g1;
endmodule
"""


def _one_mul(text: str) -> str | None:
    for _m, new, _i in optimize_text(text):
        if re.search(r"\$signed\(\w+\) \* \$signed\(\w+\)", new) and "? $unsigned(" in new:
            return new
    return None


def test_selected_signed_products_become_one_narrow_product():
    new = _one_mul(ASSIGN)
    assert new is not None, optimize_text(ASSIGN)
    assert "[17:0]" in new and "$signed(" in new


def test_products_read_together_stay():
    assert _one_mul(TOGETHER) is None


@pytest.mark.yosys
def test_narrow_signed_product_is_proven(tmp_path: Path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    new = _one_mul(ASSIGN)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / "t.v").write_text(ASSIGN)
    (tmp_path / "gate" / "t.v").write_text(new)
    r = check_equivalence(open_design(tmp_path / "gold" / "t.v"), open_design(tmp_path / "gate" / "t.v"),
                          VerifyOptions(timeout_s=120))
    assert r.verdict.name == "EQUIVALENT", new


LERP = """module mix(input [5:0] p, q, input [5:0] k, output [5:0] r);
  wire [12:0] acc = p * (7'd64 - k) + q * k;
  assign r = acc[11:6];
endmodule
"""


def test_difference_of_zero_extended_words_is_a_narrow_signed_operand():
    got = [new for _m, new, _i in optimize_text(LERP)]
    assert got and re.search(r"\{1'b0, \w+\} - \{1'b0, \w+\}", got[0]) and "$signed(" in got[0], got


@pytest.mark.yosys
def test_narrow_difference_product_is_proven(tmp_path: Path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    new = [n for _m, n, _i in optimize_text(LERP)][0]
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / "t.v").write_text(LERP)
    (tmp_path / "gate" / "t.v").write_text(new)
    r = check_equivalence(open_design(tmp_path / "gold" / "t.v"), open_design(tmp_path / "gate" / "t.v"),
                          VerifyOptions(timeout_s=120))
    assert r.verdict.name == "EQUIVALENT", new
