"""simdadd with any lane width that divides the word (6-bit lanes of 24, 3-bit lanes of 12, 5-bit lanes of 20),
and the wrapping form also as a chain of lane adders whose carry is killed in lane mode (no separator bits),
proven; a near miss whose lanes are joined at one boundary is not recognised."""

from __future__ import annotations

import pytest

from rtlopt.semantic.simdadd import _lane_widths

LANES12 = """module v3(input [11:0] a, input [11:0] b, input [1:0] mode, output reg [11:0] y);
  integer i;
  always @* begin
    if (mode == 2'd1 || mode == 2'd2)
      for (i = 0; i < 4; i = i + 1) y[i*3 +: 3] = a[i*3 +: 3] + b[i*3 +: 3];
    else
      y = a + b;
  end
endmodule
"""

# lanes 1 and 2 joined (a 6-bit middle lane): not four 3-bit lanes, not two 6-bit lanes
JOINED = """module v3(input [11:0] a, input [11:0] b, input [1:0] mode, output reg [11:0] y);
  always @* begin
    if (mode == 2'd1 || mode == 2'd2) begin
      y[2:0] = a[2:0] + b[2:0];
      y[8:3] = a[8:3] + b[8:3];
      y[11:9] = a[11:9] + b[11:9];
    end else
      y = a + b;
  end
endmodule
"""


def test_lane_widths_are_every_divisor():
    assert _lane_widths(24)[:3] == [8, 16, 4] and 6 in _lane_widths(24) and 3 in _lane_widths(24)
    assert 5 in _lane_widths(20) and 3 in _lane_widths(12)
    assert 12 not in _lane_widths(24) or 24 // 12 >= 2  # (two lanes allowed)
    assert all(24 % L == 0 and 2 <= 24 // L <= 8 for L in _lane_widths(24)[3:])


def _cands(tmp_path, text):
    from rtlopt.semantic import lifting_candidates
    f = tmp_path / "s.v"
    f.write_text(text)

    class St:
        texts = {f: text}
    return f, [c for c in lifting_candidates(St()) if c.description.startswith("simd_add")]


@pytest.mark.yosys
def test_three_bit_lanes_as_a_carry_killed_chain_are_proven(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import check_equivalence
    f, cs = _cands(tmp_path, LANES12)
    chain = [c for c in cs if "_simk" in c.text]
    assert chain, [c.description for c in cs]
    t = chain[0].text
    assert t.count(" + ") == 4 + 3 and "_pass" in t, t  # four lane adders, three gated carries
    g = tmp_path / "n.v"
    g.write_text(t)
    assert check_equivalence(DesignRef([f], "v3"), DesignRef([g], "v3")).verdict == "EQUIVALENT"


@pytest.mark.yosys
def test_joined_lanes_are_not_a_simd_add(tmp_path):
    _f, cs = _cands(tmp_path, JOINED)
    assert cs == []
