"""Exclusive sharing in more spellings (heldout8 sensor/hyst_threshold, audio/vol_ramp):

* the right operand of ``a && b`` / ``a || b`` is guarded by ``a`` (``!hot && t > hi``);
* exclusive comparisons in opposite directions share one subtractor's carry, each in the direction
  that needs the fewest operand muxes (``t > hi`` = carry of ``t + ~hi``, ``t < lo`` = no carry of
  ``t + ~lo + 1``: one mux on the bound, the state as carry-in);
* a two-operation unit may be selected by the later operation's own literal (``else if (g > t)``).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

HYST = """
module hyst(input clk, input rst, input [11:0] t, input [11:0] hi, input [11:0] lo, output reg hot);
  always @(posedge clk)
    if (rst)                  hot <= 1'b0;
    else if (!hot && t > hi)  hot <= 1'b1;
    else if (hot && t < lo)   hot <= 1'b0;
endmodule
"""

RAMP = """
module ramp(input clk, input rst, input [9:0] tgt, output reg [9:0] g);
  always @(posedge clk)
    if (rst) g <= 10'd0;
    else if (g < tgt) g <= g + 1'b1;
    else if (g > tgt) g <= g - 1'b1;
endmodule
"""


def _equivalent(tmp_path: Path, src: str, text: str, top: str) -> bool:
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence
    f = tmp_path / "orig.v"
    f.write_text(src)
    g = tmp_path / "cand.v"
    g.write_text(text)
    res = check_equivalence(open_design([f], top), open_design([g], top), VerifyOptions(timeout_s=120))
    return str(res.verdict).split(".")[-1].upper() == "EQUIVALENT"


def _carry_unit(src: str):
    from rtlopt.templates._share import ExclusiveOperatorSharing
    t = ExclusiveOperatorSharing()
    ms = [m for m in t.match(src) if "inverted on its own" in m.description]
    return t, ms


@pytest.mark.yosys
def test_opposite_comparisons_in_and_conditions_share_one_carry(tmp_path):
    src = textwrap.dedent(HYST).lstrip()
    t, ms = _carry_unit(src)
    assert ms
    new = t.rewrite(src, [ms[0]])
    assert new is not None
    # one unit: the bound muxed, ``t`` not muxed, the state as the carry-in, both compares gone
    assert "t > hi" not in new and "t < lo" not in new
    assert "? lo : hi" in new and "_x =" not in new and "_ci = hot" in new, new
    assert _equivalent(tmp_path, src, new, "hyst")


@pytest.mark.yosys
def test_or_condition_guard_and_operands_both_swapped(tmp_path):
    # ``hot || ...``: the right side matters only when ``hot`` is 0; the other compare is written
    # with its operands swapped (``lo >= t``)
    src = textwrap.dedent("""
    module hy2(input clk, input [7:0] t, input [7:0] hi, input [7:0] lo, output reg hot);
      wire set = hot || (t >= hi);
      always @(posedge clk) hot <= hot ? !(lo >= t) : set;
    endmodule
    """).lstrip()
    t, ms = _carry_unit(src)
    assert ms
    new = t.rewrite(src, [ms[0]])
    assert new is not None and "t >= hi" not in new and "lo >= t" not in new
    assert _equivalent(tmp_path, src, new, "hy2")


def test_comparisons_both_read_are_not_shared():
    # near miss: the second compare is not under the state (both matter in one cycle)
    from rtlopt.templates._share import ExclusiveOperatorSharing
    src = textwrap.dedent("""
    module nm(input clk, input [7:0] t, hi, lo, output reg hot, output reg low);
      always @(posedge clk) begin
        if (!hot && t > hi) hot <= 1'b1;
        low <= t < lo;
      end
    endmodule
    """).lstrip()
    assert not [m for m in ExclusiveOperatorSharing().match(src) if "t > hi" in m.description]


def test_left_operand_of_and_is_not_guarded_by_the_right():
    # ``(a < b) && (c < d)``: ``c < d`` matters only when ``a < b``, but not the other way round:
    # the two are not exclusive (both are read when a < b)
    from rtlopt.templates._share import ExclusiveOperatorSharing
    src = textwrap.dedent("""
    module nm2(input [7:0] a, b, c, d, output y);
      assign y = (a < b) && (c < d);
    endmodule
    """).lstrip()
    assert not ExclusiveOperatorSharing().match(src)


@pytest.mark.yosys
def test_incrementer_and_decrementer_selected_by_the_later_compare(tmp_path):
    from rtlopt.templates._share import ExclusiveOperatorSharing
    src = textwrap.dedent(RAMP).lstrip()
    t = ExclusiveOperatorSharing()
    ms = [m for m in t.match(src) if "selected by the last guard" in m.description and "g - 1'b1" in m.description]
    assert ms, [m.description for m in t.match(src)]
    new = t.rewrite(src, [ms[0]])
    assert new is not None and "_sub = (g > tgt)" in new, new
    assert _equivalent(tmp_path, src, new, "ramp")
