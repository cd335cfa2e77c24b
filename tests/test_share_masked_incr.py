"""exclusive_operator_sharing: incrementers by different constants of one word under constant masks
(the AXI next-address ``case (size)``: ``a + 1``, ``(a & ~1) + 2``, ``(a & ~3) + 4``) share one adder whose
operand mux is an AND per bit and whose step is a mux of constants; incrementers of different words do not
(their word mux costs what the adders save). Proven with the real verifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates._share import ExclusiveOperatorSharing

T = ExclusiveOperatorSharing()

CASE = """module agu(input [31:0] addr, input [1:0] size, output reg [31:0] nxt);
  always @* begin
    case (size)
      2'd0: nxt = addr + 32'd1;
      2'd1: nxt = (addr & ~32'd1) + 32'd2;
      2'd2: nxt = (addr & ~32'd3) + 32'd4;
      default: nxt = (addr & 32'hffff_fff8) + 32'd8;
    endcase
  end
endmodule
"""

TERNARY = """module agu(input [23:0] a, input [1:0] sz, output [23:0] y);
  assign y = sz[1] ? (sz[0] ? 24'd8 + (24'hfffff8 & a) : (a & ~24'd3) + 24'd4)
                   : (sz[0] ? (a & ~24'd1) + 24'd2 : a + 24'd1);
endmodule
"""

OTHER_WORDS = """module agu(input [31:0] a, b, c, input [1:0] size, output reg [31:0] nxt);
  always @* begin
    case (size)
      2'd0: nxt = a + 32'd1;
      2'd1: nxt = (b & ~32'd1) + 32'd2;
      default: nxt = (c & ~32'd3) + 32'd4;
    endcase
  end
endmodule
"""


def _shared(text: str):
    return [m for m in T.match(text) if "shared by" in m.description]


@pytest.mark.parametrize("text", [CASE, TERNARY], ids=["case", "ternary"])
def test_masked_incrementers_share_one_adder(text):
    ms = _shared(text)
    assert ms and any("by 4 exclusive" in m.description for m in ms), [m.description for m in T.match(text)]


def test_incrementers_of_different_words_do_not_share():
    assert not _shared(OTHER_WORDS)


@pytest.mark.yosys
def test_masked_incrementer_sharing_is_proven(tmp_path: Path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    m = max(_shared(CASE), key=lambda m: "by 4" in m.description)
    new = T.rewrite(CASE, [m])
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / "t.v").write_text(CASE)
    (tmp_path / "gate" / "t.v").write_text(new)
    r = check_equivalence(open_design(tmp_path / "gold" / "t.v"), open_design(tmp_path / "gate" / "t.v"),
                          VerifyOptions(timeout_s=60))
    assert r.verdict.name == "EQUIVALENT", new
