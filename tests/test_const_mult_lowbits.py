"""const_mult_to_shift_add: ``x*C + y`` with C even is also offered as
``(x << s2) + {x[W-1-s1:0] + y[wy-1:s1], y[s1-1:0]}`` (the product's low zero bits pass y's low bits
through; the rest of y joins the smallest shifted term in a narrow adder). Not offered for an odd C, a
signed sum, an addend that is not a plain vector, or an addend no wider than the zero bits. Proven."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates import REGISTRY

DEC = """module dp(input clk, input [3:0] d, input en, output reg [23:0] v);
  always @(posedge clk) if (en) v <= v * 24'd10 + d;
endmodule
"""

TILE = """module ta(input [5:0] row, input [4:0] col, output [10:0] addr);
  assign addr = col + (row * 11'd20);
endmodule
"""

NEGATIVE = {
    "odd": "module n(input [5:0] a, input [4:0] b, output [10:0] y);\n  assign y = a * 11'd5 + b;\nendmodule\n",
    "signed": "module n(input signed [5:0] a, input signed [4:0] b, output signed [10:0] y);\n"
              "  assign y = a * 11'sd20 + b;\nendmodule\n",
    "expr": "module n(input [5:0] a, input [4:0] b, c, output [10:0] y);\n  assign y = a * 11'd20 + (b ^ c);\n"
            "endmodule\n",
    "narrow": "module n(input [5:0] a, input [1:0] b, output [10:0] y);\n  assign y = a * 11'd20 + b;\nendmodule\n",
}


def _lowbits(text: str) -> list:
    return [m for m in REGISTRY["const_mult_to_shift_add"].match(text) if "low bits passed through" in m.description]


def test_dec_times_ten_plus_digit():
    ms = _lowbits(DEC)
    assert len(ms) == 1
    assert ms[0].edits[0].replacement == "(v << 3) + {v[22:0] + d[3:1], d[0]}"


def test_product_on_the_right_and_narrow_multiplicand():
    ms = _lowbits(TILE)
    assert len(ms) == 1
    assert ms[0].edits[0].replacement == "(row << 4) + {{3'b0, row} + col[4:2], col[1:0]}"


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_not_offered(name):
    assert _lowbits(NEGATIVE[name]) == []


@pytest.mark.yosys
@pytest.mark.parametrize("src", [DEC, TILE], ids=["dec", "tile"])
def test_low_bits_form_is_proven(tmp_path: Path, src: str):
    from rtlopt.verify import VerifyOptions, check_equivalence

    tmpl = REGISTRY["const_mult_to_shift_add"]
    new = tmpl.rewrite(src, _lowbits(src))
    assert new and new != src
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / "t.v").write_text(src)
    (tmp_path / "gate" / "t.v").write_text(new)
    r = check_equivalence(open_design(tmp_path / "gold" / "t.v"), open_design(tmp_path / "gate" / "t.v"),
                          VerifyOptions(timeout_s=120))
    assert r.verdict.name == "EQUIVALENT", new
