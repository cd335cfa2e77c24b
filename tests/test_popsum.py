"""popsum (word_level_lifting): a combinational word written only by its own statements that equals the
sum of other computed words (found by simulation) becomes that sum: a total popcount from the group
counts, also when the counts are chunks of one packed word. Not offered when no sum fits (a word that is
not a total of the others). Proven."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design

LANES = """module ber(input [15:0] e, output reg [2:0] l0, output reg [2:0] l1, output reg [2:0] l2,
           output reg [2:0] l3, output reg [4:0] tot);
  integer i;
  always @* begin
    l0 = 0; l1 = 0; l2 = 0; l3 = 0;
    for (i = 0; i < 4; i = i + 1) begin
      l0 = l0 + e[i]; l1 = l1 + e[4 + i]; l2 = l2 + e[8 + i]; l3 = l3 + e[12 + i];
    end
    tot = 5'd0;
    for (i = 0; i < 16; i = i + 1)
      tot = tot + e[i];
  end
endmodule
"""

PACKED = """module occ(input logic [11:0] v, output logic [2:0][2:0] c, output logic [3:0] t);
  always_comb begin
    for (int b = 0; b < 3; b++) begin
      c[b] = '0;
      for (int k = 0; k < 4; k++) c[b] += 3'(v[4*b + k]);
    end
    t = '0;
    for (int n = 0; n < 12; n++) t += 4'(v[n]);
  end
endmodule
"""

NOT_SUM = LANES.replace("tot = tot + e[i];", "tot = tot + (e[i] & e[15 - i]);")


def _rw(tmp_path: Path, name: str, text: str):
    from rtlopt.semantic.popsum import rewrites

    p = tmp_path / name
    p.write_text(text)
    return p, rewrites({p: text})


def _proven(tmp_path: Path, name: str, gold: str, gate: str) -> str:
    from rtlopt.verify import VerifyOptions, check_equivalence

    for d, t in (("gold", gold), ("gate", gate)):
        (tmp_path / d).mkdir(exist_ok=True)
        (tmp_path / d / name).write_text(t)
    return check_equivalence(open_design(tmp_path / "gold" / name), open_design(tmp_path / "gate" / name),
                             VerifyOptions(timeout_s=120)).verdict.name


@pytest.mark.yosys
def test_total_from_lane_counts(tmp_path: Path):
    _p, got = _rw(tmp_path, "t.v", LANES)
    assert len(got) == 1, got
    new = got[0][1]
    assert "tot = l0 + l1 + l2 + l3;" in new and "tot = tot + e[i]" not in new, new
    assert "\n    \n" not in new  # removed statements leave no blank line
    assert _proven(tmp_path, "t.v", LANES, new) == "EQUIVALENT"


@pytest.mark.yosys
def test_total_from_packed_counts(tmp_path: Path):
    _p, got = _rw(tmp_path, "t.sv", PACKED)
    assert len(got) == 1, got
    new = got[0][1]
    assert "((c >> 3) & 9'h7)" in new, new
    assert _proven(tmp_path, "t.sv", PACKED, new) == "EQUIVALENT"


@pytest.mark.yosys
def test_not_a_sum_not_offered(tmp_path: Path):
    assert _rw(tmp_path, "t.v", NOT_SUM)[1] == []
