"""casetable (word_level_lifting): a case table of constants that is ``x + b`` (or ``b - x``) on a
contiguous label range and one constant elsewhere becomes that arithmetic. Not for a table that is
not affine (Gray code), labels with a gap, an arm that is not a constant, or a casez table. Proven."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.semantic.casetable import rewrites

UP = """module ph(input clk, input rst, input go, output reg [7:0] p);
  always @(posedge clk)
    if (rst) p <= 8'd0;
    else if (go)
      case (p)
        8'd3: p <= 8'd4;
        8'd0: p <= 8'd1;
        8'd1, 8'd2: p <= p + 8'd1 == 8'd2 ? 8'd2 : 8'd3;
        8'd4: p <= 8'd5;
        default: p <= 8'd0;
      endcase
endmodule
"""

UP_CONST = UP.replace("8'd1, 8'd2: p <= p + 8'd1 == 8'd2 ? 8'd2 : 8'd3;", "8'd2, 8'd1: begin p <= 8'd2 + p[0]; end") \
    .replace("8'd2 + p[0]", "8'd2")  # a constant arm again, but 2 -> 2 breaks x + 1

DOWN = """module sl(input logic [3:0] s, output logic [3:0] n);
  always_comb
    unique case (s)
      4'd9: begin n = 4'd8; end
      4'd8: n = 4'd7;  4'd7: n = 4'd6;  4'd6: n = 4'd5;  4'd5: n = 4'd4;
      4'd4: n = 4'd3;  4'd3: n = 4'd2;  4'd2: n = 4'd1;  4'd1: n = 4'd0;
      default: n = 4'd9;
    endcase
endmodule
"""

NEG = {
    "gray": "module g(input [1:0] s, output reg [1:0] n);\n  always @* case (s) 2'd0: n = 2'd1; 2'd1: n = 2'd3;"
            " 2'd3: n = 2'd2; default: n = 2'd0; endcase\nendmodule\n",
    "gap": "module g(input [3:0] s, output reg [3:0] n);\n  always @* case (s) 4'd0: n = 4'd1; 4'd1: n = 4'd2;"
           " 4'd3: n = 4'd4; default: n = 4'd0; endcase\nendmodule\n",
    "not_const": UP,
    "casez": "module g(input [3:0] s, output reg [3:0] n);\n  always @* casez (s) 4'd0: n = 4'd1; 4'd1: n = 4'd2;"
             " 4'd2: n = 4'd3; default: n = 4'd0; endcase\nendmodule\n",
    "broken": UP_CONST,
}


def test_down_table_with_blocks_and_descending_labels():
    got = rewrites(DOWN, "t.sv")
    assert len(got) == 1
    new, desc = got[0]
    assert "n = (s >= 4'd1 && s <= 4'd9) ? s + 4'd15 : 4'd9;" in new, new
    assert "case" not in new and "1..9" in desc


def test_up_table_several_labels_per_item():
    src = UP.replace("8'd1, 8'd2: p <= p + 8'd1 == 8'd2 ? 8'd2 : 8'd3;", "8'd2, 8'd1: begin p <= p == 8'd1 ? 8'd2 : 8'd3; end")
    assert rewrites(src) == []  # an arm that is not a constant: no table
    src = UP.replace("8'd1, 8'd2: p <= p + 8'd1 == 8'd2 ? 8'd2 : 8'd3;", "8'd2: p <= 8'd3;\n        8'd1: p <= 8'd2;")
    got = rewrites(src)
    assert len(got) == 1 and "p <= (p <= 8'd4) ? p + 8'd1 : 8'd0;" in got[0][0], got


@pytest.mark.parametrize("name", sorted(NEG))
def test_not_offered(name):
    assert rewrites(NEG[name], "t.sv") == []


@pytest.mark.yosys
def test_table_rewrite_is_proven(tmp_path: Path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    new = rewrites(DOWN, "t.sv")[0][0]
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / "t.sv").write_text(DOWN)
    (tmp_path / "gate" / "t.sv").write_text(new)
    r = check_equivalence(open_design(tmp_path / "gold" / "t.sv"), open_design(tmp_path / "gate" / "t.sv"),
                          VerifyOptions(timeout_s=120))
    assert r.verdict.name == "EQUIVALENT", new
