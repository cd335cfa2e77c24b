"""Map then select becomes select then map: a loop computing ``V[i] = E(i)`` for every element, read only as
``V[S]``, is rewritten at each read to ``E(S)`` (one operator on the selected operands).

Source-level tests (pyslang only) for the always/for and generate/assign spellings and the near misses (a
vector also read whole, a body reading the vector itself, a clocked loop, a port); one proof with the real
equivalence checker."""

from __future__ import annotations

import pytest

from rtlopt.semantic.mapsel import rewrites

ALWAYS_FOR = """module m (input [2:0] sel, input [13:0] key, input [8*14-1:0] tags, output hit, output miss);
  reg [7:0] eq;
  integer i;
  always @(*) begin
    for (i = 0; i < 8; i = i + 1)
      eq[i] = (tags[i*14 +: 14] == key);
  end
  assign hit = eq[sel];
  assign miss = ~eq[sel];
endmodule
"""

GEN_ARRAY = """module m (input clk, input [1:0] s, input [7:0] lim, input [7:0] d, output y);
  reg [7:0] cnt [0:3];
  always @(posedge clk) cnt[s] <= d;
  wire [3:0] over;
  genvar g;
  generate for (g = 0; g < 4; g = g + 1) begin : gl
    assign over[g] = cnt[g] > lim;
  end endgenerate
  assign y = over[s];
endmodule
"""


def test_always_for_loop_reads_become_one_operator():
    got = rewrites(ALWAYS_FOR)
    assert len(got) == 1, got
    new, _desc = got[0]
    assert "assign hit = ((tags[(sel)*14 +: 14] == key));" in new
    assert "assign miss = ~((tags[(sel)*14 +: 14] == key));" in new
    assert "eq[i] = (tags[i*14 +: 14] == key);" in new  # the loop itself is kept byte for byte


def test_generate_loop_over_an_array():
    got = rewrites(GEN_ARRAY)
    assert len(got) == 1 and "assign y = (cnt[(s)] > lim);" in got[0][0], got


@pytest.mark.parametrize("src", [
    ALWAYS_FOR.replace("assign miss = ~eq[sel];", "assign miss = |eq;"),  # also read whole
    ALWAYS_FOR.replace("assign miss = ~eq[sel];", "assign miss = eq[3];"),  # a constant element
    ALWAYS_FOR.replace("eq[i] = (tags[i*14 +: 14] == key);", "eq[i] = (tags[i*14 +: 14] == key) & ^eq;"),
    ALWAYS_FOR.replace("always @(*)", "always @(posedge sel[0])"),  # not combinational
    ALWAYS_FOR.replace("i < 8", "i < 7"),  # not every element
    ALWAYS_FOR.replace("output miss", "output reg [7:0] eq, output miss").replace("  reg [7:0] eq;\n", ""),
])
def test_near_misses_not_rewritten(src):
    assert rewrites(src) == []


@pytest.mark.yosys
def test_rewrite_proven(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
    f, g = tmp_path / "a.v", tmp_path / "b.v"
    f.write_text(ALWAYS_FOR)
    g.write_text(rewrites(ALWAYS_FOR)[0][0])
    res = check_equivalence(open_design([f], "m"), open_design([g], "m"), VerifyOptions(timeout_s=120))
    assert res.verdict is Verdict.EQUIVALENT, res
