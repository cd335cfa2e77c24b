"""Generalization fixes (issue 10, held-out and generalization suites): each mechanism on a restyled
variant of the case that exposed it, and a negative case where the rewrite must not happen."""

from __future__ import annotations

import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest


def _lift_texts(tmp_path: Path, src: str) -> tuple[Path, list[str]]:
    from rtlopt.semantic import lifting_candidates
    f = tmp_path / "m.v"
    f.write_text(textwrap.dedent(src).lstrip())
    st = SimpleNamespace(texts={f: f.read_text()}, deadline=None, design=None, scope=None)
    return f, [c.text for c in lifting_candidates(st)]


def _equivalent(tmp_path: Path, f: Path, text: str, top: str) -> bool:
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence
    g = tmp_path / "cand.v"
    g.write_text(text)
    res = check_equivalence(open_design([f], top), open_design([g], top), VerifyOptions(timeout_s=120))
    return str(res.verdict).split(".")[-1].upper() == "EQUIVALENT"


# ---- lifting: an accumulator variable read further down its always block is replaced in place ----------
@pytest.mark.yosys
@pytest.mark.parametrize("src", [
    # reg accumulator (not an integer), added without an if, compared with >, always_comb-like @*
    """
    module pc(input [11:0] v, input [3:0] lim, output reg [3:0] cnt, output reg over, output reg none);
      reg [3:0] acc;
      integer k;
      always @* begin
        acc = 4'd0;
        for (k = 11; k >= 0; k = k - 1)
          acc = acc + v[k];
        cnt  = acc;
        over = acc > lim;
        none = (acc == 0);
      end
    endmodule
    """,
    # integer accumulator, if-increment, the count is only compared (no output carries it)
    """
    module pc(input [15:0] v, input [4:0] lim, output reg over);
      integer k, n;
      always @(*) begin
        over = 1'b0;
        n = 0;
        for (k = 0; k < 16; k = k + 1) begin
          if (v[k]) n = n + 1;
        end
        if (n >= lim) over = 1'b1;
      end
    endmodule
    """,
])
def test_loop_accumulator_read_later_in_its_block_is_lifted_in_place(tmp_path, src):
    f, texts = _lift_texts(tmp_path, src)
    inplace = [t for t in texts if "$countones(v)" in t and "for (" not in t]
    assert inplace, texts
    t = inplace[0]
    # the rest of the block stays: the comparison still reads the (now lifted) accumulator
    assert ("acc > lim" in t) or ("n >= lim" in t)
    assert _equivalent(tmp_path, f, t, "pc")


@pytest.mark.yosys
def test_accumulator_also_written_after_its_readers_is_not_replaced(tmp_path):
    """The accumulator is written again after a reader: its final value is not what the reader saw,
    so no in-place replacement may happen (any candidate produced must still be equivalent)."""
    f, texts = _lift_texts(tmp_path, """
    module pc(input [7:0] v, output reg [3:0] cnt, output reg big);
      reg [3:0] acc;
      integer k;
      always @* begin
        acc = 0;
        for (k = 0; k < 8; k = k + 1) acc = acc + v[k];
        big = acc[3];
        acc = acc + 4'd1;
        cnt = acc;
      end
    endmodule
    """)
    for t in texts:
        assert "big = acc[3]" not in t or "for (" in t, t
