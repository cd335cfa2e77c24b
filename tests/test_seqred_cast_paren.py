"""A redundant register read as the operand of a cast (``int'(r)``): the replacement keeps the
cast's parentheses (``int'(p)``, ``int'(oh[2:1])``), before it was ``int'p``: a syntax error, and
the candidate was lost (heldout13 switchfab/rr_arb)."""

from __future__ import annotations

import pytest

from rtlopt.semantic import seqred

SRC = """module dup (
  input  logic       clk, rst, en,
  input  logic [2:0] d,
  input  logic [7:0] v,
  output logic       o,
  output logic [2:0] q
);
  logic [2:0] p, r;
  always_ff @(posedge clk) begin
    if (rst) begin p <= '0; r <= '0; end
    else if (en) begin p <= d; r <= d; end
  end
  assign q = p;
  always_comb begin
    int j;
    j = (int'(r) + 1) % 8;
    o = v[j];
  end
endmodule
"""


@pytest.mark.yosys
def test_duplicate_register_read_in_a_cast_keeps_the_parentheses(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import check_equivalence
    f = tmp_path / "dup.sv"
    f.write_text(SRC)
    cands = seqred.candidates_for({f: SRC}, "dup", 60)
    assert cands
    new = cands[0][0][f]
    assert "int'(p)" in new and "int'p" not in new and " r <= " not in new, new
    g = tmp_path / "g" / "dup.sv"
    g.parent.mkdir()
    g.write_text(new)
    assert check_equivalence(DesignRef([f], "dup"), DesignRef([g], "dup")).verdict == "EQUIVALENT"


def test_a_parenthesised_read_outside_a_cast_is_left_alone(tmp_path):
    # near miss: 'r' read in a plain expression: no parentheses added around the replacement
    src = SRC.replace("j = (int'(r) + 1) % 8;", "j = r + 1;")
    f = tmp_path / "dup.sv"
    f.write_text(src)
    cands = seqred.candidates_for({f: src}, "dup", 60)
    assert cands
    new = cands[0][0][f]
    assert "j = p + 1;" in new, new
