"""nextfunc with a next value written as an expression in the sibling register's own load
(``seg <= seg + 1; tgt <= table(seg + 1)``) and a reset value that is a pure function of constants
(``tgt <= table(3'd0)``): the register is that function of the sibling register (heldout11
kiln/ramp_soak's segment target/rate/hold registers). The expression must be a whole operand of the
function (an argument, a parenthesized operand); near misses: the expression inside a larger sum, a
load under another condition, a reset value disagreeing with the function (offered, refused by the
proof), loads that are not all the same function, a load where the sibling is not loaded. Several
loads (an up and a down branch, a step and a load from an input) must each be f(the sibling's next
value) with one f (heldout11 tv/volume_bar's thermometer bar)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DESIGNS

pytestmark = pytest.mark.yosys

SEQ = DESIGNS / "generalization" / "seqredundancy"


def _cands(p: Path, top: str):
    from rtlopt.semantic import nextfunc

    return nextfunc.candidates_for({p: p.read_text()}, top)


def _verify(a: Path, text: str, top: str, tmp_path: Path) -> int:
    b = tmp_path / ("new" + a.suffix)
    b.write_text(text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=600)
    return r.returncode


@pytest.mark.parametrize("case,ext,want", [
    ("nextfunc_multiload_v", "v", ["always @* led = 8'b1 << (lvl);"]),
    ("nextfunc_multiload_sv", "sv", ["always @* mask = low_ones(sz);"]),
    ("nextfunc_expr_table_v", "v", ["always @* len_q = len_tab(idx);", "always @* lamps = {(idx), 3'b001} ^ 6'b100100;"]),
    ("nextfunc_expr_table_sv", "sv", ["always @* gain = gain_of(ch);", "always @* offs = 5'((ch) * 3);"]),
])
def test_expression_next_values_and_function_resets(tmp_path, case, ext, want):
    d = SEQ / case
    top = json.loads((d / "case.json").read_text())["top"]
    p = d / f"original.{ext}"
    got = _cands(p, top)
    assert got, "no candidate"
    new = got[0][0][p]
    for w in want:
        assert w in new
    assert _verify(p, new, top, tmp_path) == 0


PARTIAL_OPERAND = """
module m (input clk, input rst, input adv, input [2:0] d, output reg [2:0] s, output reg [7:0] r);
  function [7:0] tab; input [2:0] i; tab = {i, i, 2'b01}; endfunction
  always @(posedge clk)
    if (rst) begin s <= 3'd0; r <= tab(3'd0); end
    else if (adv) begin s <= s + 3'd1; r <= tab(s + 3'd1 + d); end
endmodule
"""

OTHER_CONDITION = """
module m (input clk, input rst, input adv, input hold, output reg [2:0] s, output reg [7:0] r);
  function [7:0] tab; input [2:0] i; tab = {i, i, 2'b01}; endfunction
  always @(posedge clk)
    if (rst) begin s <= 3'd0; r <= tab(3'd0); end
    else begin
      if (adv) s <= s + 3'd1;
      if (hold) r <= tab(s + 3'd1);
    end
endmodule
"""

OTHER_FUNCTION_IN_ONE_LOAD = """
module m (input clk, input rst, input up, input dn, output reg [2:0] s, output reg [7:0] r);
  function [7:0] tab; input [2:0] i; tab = {i, i, 2'b01}; endfunction
  always @(posedge clk)
    if (rst) begin s <= 3'd0; r <= tab(3'd0); end
    else if (up) begin s <= s + 3'd1; r <= tab(s + 3'd1); end
    else if (dn) begin s <= s - 3'd1; r <= tab(s - 3'd1) ^ 8'd1; end
endmodule
"""

LOAD_WITHOUT_SIBLING = """
module m (input clk, input rst, input up, input clr, output reg [2:0] s, output reg [7:0] r);
  function [7:0] tab; input [2:0] i; tab = {i, i, 2'b01}; endfunction
  always @(posedge clk)
    if (rst) begin s <= 3'd0; r <= tab(3'd0); end
    else if (up) begin s <= s + 3'd1; r <= tab(s + 3'd1); end
    else if (clr) begin r <= tab(s + 3'd1); end
endmodule
"""

RESET_MISMATCH = """
module m (input clk, input rst, input adv, output reg [2:0] s, output reg [7:0] r);
  function [7:0] tab; input [2:0] i; tab = {i, ~i, 2'b01}; endfunction
  always @(posedge clk)
    if (rst) begin s <= 3'd0; r <= tab(3'd1); end
    else if (adv) begin s <= s + 3'd1; r <= tab(s + 3'd1); end
endmodule
"""


@pytest.mark.parametrize("text", [PARTIAL_OPERAND, OTHER_CONDITION, OTHER_FUNCTION_IN_ONE_LOAD, LOAD_WITHOUT_SIBLING],
                         ids=["inside_a_larger_sum", "other_condition", "other_function_in_one_load",
                              "load_without_sibling"])
def test_near_misses_give_no_candidate(tmp_path, text):
    p = tmp_path / "m.v"
    p.write_text(text)
    assert _cands(p, "m") == []


def test_reset_value_disagreeing_with_the_table_is_refused_by_the_proof(tmp_path):
    p = tmp_path / "m.v"
    p.write_text(RESET_MISMATCH)
    got = _cands(p, "m")
    assert len(got) == 1
    assert "always @* r = tab(s);" in got[0][0][p]
    assert _verify(p, got[0][0][p], "m", tmp_path) != 0
