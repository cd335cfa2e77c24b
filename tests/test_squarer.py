"""squarer (algebraic_factoring): an unsigned ``x * x`` becomes an inline folded squarer (diagonal bits
spread to even positions plus n(n-1)/2 AND rows); not for a signed square or a product of two different
words. Proven exhaustively on a small width and in a narrower context (truncation)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.semantic.squarer import rewrites

SQ = """module sq(input [5:0] x, input [5:0] y, output [11:0] p, output [8:0] lo, output [11:0] xy);
  assign p = x * x;
  assign lo = x * x + y;
  assign xy = x * y;
endmodule
"""

SIGNED = "module s(input signed [5:0] x, output signed [11:0] p);\n  assign p = x * x;\nendmodule\n"


def test_offered_for_each_square_only():
    got = rewrites(SQ, "t.v")
    assert len(got) == 2, got
    assert all("x * y" in n for n, _ in got)  # the general product is left alone
    assert any("{1'b0, x[5], 1'b0, x[4]" in n and "(15 partial products instead of 36)" in d for n, d in got)
    assert rewrites(SIGNED, "t.v") == []


@pytest.mark.yosys
def test_squarers_proven(tmp_path: Path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    got = rewrites(SQ, "t.v")
    new = rewrites(got[0][0], "t.v")[0][0]  # both squares rewritten
    assert new.count("x * x") == 0
    for d, t in (("gold", SQ), ("gate", new)):
        (tmp_path / d).mkdir()
        (tmp_path / d / "t.v").write_text(t)
    r = check_equivalence(open_design(tmp_path / "gold" / "t.v"), open_design(tmp_path / "gate" / "t.v"),
                          VerifyOptions(timeout_s=120))
    assert r.verdict.name == "EQUIVALENT", new
