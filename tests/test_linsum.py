"""linsum: a constant-weighted sum of words re-emitted as (positive terms) - (negative terms)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.semantic.linsum import _csd, rewrites

# weights 3, 7, 6 as shift-and-subtract through a wire array, read whole by a continuous assignment
ARRAY = """module wsum (input wire [5:0] a, input wire [5:0] b, input wire [5:0] c, output wire [15:0] y);
    wire [15:0] st [0:3];
    assign st[0] = 16'd0;
    assign st[1] = st[0] + ((a << 2) - a);
    assign st[2] = st[1] + ((b << 3) - b);
    assign st[3] = st[2] + ((c << 3) - (c << 1));
    assign y = st[3];
endmodule
"""

# the same shape with one non-linear term (a product of two inputs): no rewrite
PRODUCT = ARRAY.replace("((b << 3) - b)", "(a * b)")


def test_csd_digits():
    for c in (1, 3, 7, 15, 23, 31, 45, 255):
        ds = _csd(c)
        assert sum(d << k for d, k in ds) == c
        ks = [k for _d, k in ds]
        assert all(k2 - k1 >= 2 for k1, k2 in zip(ks, ks[1:], strict=False))  # non-adjacent form
    assert _csd(7) == [(-1, 0), (1, 3)]


def _prove(tmp_path: Path, gold: str, gate: str) -> str:
    from rtlopt.verify import VerifyOptions, check_equivalence

    for d, t in (("gold", gold), ("gate", gate)):
        (tmp_path / d).mkdir(exist_ok=True)
        (tmp_path / d / "t.v").write_text(t)
    r = check_equivalence(open_design(tmp_path / "gold" / "t.v"), open_design(tmp_path / "gate" / "t.v"),
                          VerifyOptions(timeout_s=120))
    return r.verdict.name


@pytest.mark.yosys
def test_array_chain_rewritten_and_proven(tmp_path: Path):
    f = tmp_path / "t.v"
    f.write_text(ARRAY)
    got = rewrites({f: ARRAY}, budget_s=60)
    assert len(got) == 1, got
    _p, new, desc = got[0]
    assert "st[3]" in desc
    # every negative term in one sum, the result read where st[3] was
    assert "st_3_lin_val = st_3_lin_pos - st_3_lin_neg" in new and "assign y = st_3_lin_val;" in new
    assert new.startswith(ARRAY.split("    assign y")[0])  # the rest byte for byte
    assert _prove(tmp_path, ARRAY, new) == "EQUIVALENT"


@pytest.mark.yosys
def test_nonlinear_term_not_rewritten(tmp_path: Path):
    f = tmp_path / "t.v"
    f.write_text(PRODUCT)
    assert rewrites({f: PRODUCT}, budget_s=60) == []
