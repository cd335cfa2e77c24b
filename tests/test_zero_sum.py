"""comparison_simplification: the zero test of a sum that cannot wrap (written in place or as the one
unconditional driver of a name) is the NOR (``!= 0``: the OR) of its terms. Not for a sum that can
wrap, a signed sum, a conditionally assigned count, or a term whose low bits depend on the width.
Proven."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates import REGISTRY

POS = """module ls(input [6:0] b, input [1:0] d, output many, output idle, output busy);
  reg [3:0] n;
  always @* n = b[0] + b[1] + b[2] + b[3] + b[4] + b[5] + b[6] + d;
  assign many = n > 4'd5;
  assign idle = (n == 4'd0);
  assign busy = 4'd0 != n;
endmodule
"""

INPLACE = """module ip(input [2:0] a, input [2:0] b, output z);
  assign z = ({1'b0, a} + {1'b0, b}) == 4'd0;
endmodule
"""

NEG = {
    # 8 flags in 3 bits: all set wraps to 0
    "wraps": "module n(input [7:0] b, output z);\n  wire [2:0] c = b[0] + b[1] + b[2] + b[3] + b[4] + b[5] + b[6] + b[7];\n"
             "  assign z = c == 3'd0;\nendmodule\n",
    "signed": "module n(input signed [3:0] a, b, output z);\n  wire signed [4:0] c = a + b;\n"
              "  assign z = c == 5'sd0;\nendmodule\n",
    "conditional": "module n(input s, input [1:0] a, b, output z);\n  reg [2:0] c;\n"
                   "  always @* if (s) c = a + b; else c = 3'd0;\n  assign z = c == 3'd0;\nendmodule\n",
    "shifted": "module n(input [2:0] a, b, output z);\n  wire [3:0] c = (a << 1) + b;\n"
               "  assign z = c == 4'd0;\nendmodule\n",
}


def _zero(text: str) -> list:
    return [m for m in REGISTRY["comparison_simplification"].match(text) if "cannot wrap" in m.description]


def test_count_zero_tests_become_nor_and_or():
    ms = _zero(POS)
    reps = sorted(m.edits[0].replacement for m in ms)
    terms = "{b[0], b[1], b[2], b[3], b[4], b[5], b[6], d}"
    assert reps == [f"|{terms}", f"~|{terms}"], reps


def test_sum_in_place():
    ms = _zero(INPLACE)
    assert [m.edits[0].replacement for m in ms] == ["~|{{1'b0, a}, {1'b0, b}}"]


@pytest.mark.parametrize("name", sorted(NEG))
def test_not_offered(name):
    assert _zero(NEG[name]) == []


@pytest.mark.yosys
def test_zero_sum_is_proven(tmp_path: Path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    tmpl = REGISTRY["comparison_simplification"]
    new = tmpl.rewrite(POS, _zero(POS))
    assert new and "~|{" in new
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / "t.v").write_text(POS)
    (tmp_path / "gate" / "t.v").write_text(new)
    r = check_equivalence(open_design(tmp_path / "gold" / "t.v"), open_design(tmp_path / "gate" / "t.v"),
                          VerifyOptions(timeout_s=120))
    assert r.verdict.name == "EQUIVALENT", new
