"""datapath_egraph: the window test b <= x && x < b + s (the sum exact, one bit wider) becomes one
subtraction d = x - b (its top bit the borrow) and d < s; found inside generate-loop instances, with the
comparisons swapped and negated; a wrapping W-bit sum b + s is left alone. Proven."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.egraph import optimize_text

GEN = """module win #(parameter W = 32) (input [W-1:0] x, b, s, output hit);
  wire [W:0] top = {1'b0, b} + {1'b0, s};
  assign hit = ({1'b0, x} >= {1'b0, b}) && ({1'b0, x} < top);
endmodule
module top(input [47:0] x, input [95:0] b, s, output [1:0] hit);
  genvar g;
  generate for (g = 0; g < 2; g = g + 1) begin : gl
    win #(.W(24)) u (.x(x[24*g +: 24]), .b(b[48*g +: 24]), .s(s[48*g +: 24]), .hit(hit[g]));
  end endgenerate
endmodule
"""

IFSTYLE = """module chk(input [15:0] addr, lo, len, output in_win);
  assign in_win = ({1'b0, lo} + len > addr) & ~(addr < lo);
endmodule
"""

WRAP = """module chk(input [15:0] addr, lo, len, output hit);
  wire [15:0] hi = lo + len;
  assign hit = (addr >= lo) && (addr < hi);
endmodule
"""


def _sub(text: str) -> str | None:
    for _m, new, _i in optimize_text(text):
        if " - " in new and "< " in new:
            return new
    return None


@pytest.mark.parametrize("text", [GEN, IFSTYLE], ids=["generate", "assign"])
def test_window_becomes_one_subtraction(text):
    assert _sub(text) is not None, optimize_text(text)


def test_wrapping_sum_is_not_a_window():
    assert _sub(WRAP) is None


@pytest.mark.yosys
def test_window_rewrite_is_proven(tmp_path: Path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    new = _sub(IFSTYLE)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / "t.v").write_text(IFSTYLE)
    (tmp_path / "gate" / "t.v").write_text(new)
    r = check_equivalence(open_design(tmp_path / "gold" / "t.v"), open_design(tmp_path / "gate" / "t.v"),
                          VerifyOptions(timeout_s=60))
    assert r.verdict.name == "EQUIVALENT", new
