"""Integer square root recognised by value and emitted digit by digit (restoring): the matcher on
simulated values (and its near misses), and a linear-search spelling lifted on a real Yosys netlist and
proven equal to the emitted form."""

from __future__ import annotations

import numpy as np
import pytest

from rtlopt.semantic.isqrt import _isqrt, match_isqrt
from rtlopt.semantic.lift import Operand

RNG = np.random.default_rng(3)


def _op(name: str, w: int, n: int = 2048) -> Operand:
    v = np.concatenate([RNG.integers(0, 1 << w, n - 4, dtype=np.uint64),
                        np.array([0, 1, (1 << w) - 1, 1 << (w - 1)], dtype=np.uint64)])
    return Operand(name, name, w, v, False, True, (), 0)


def test_isqrt_matched_and_near_misses_not():
    a = _op("x", 16)
    got = match_isqrt(_isqrt(a.value), 8, [a])
    assert got and got[0][0] == "isqrt"
    assert "_q7" in got[0][2][0]
    assert not match_isqrt(_isqrt(a.value) + np.uint64(1), 8, [a])  # off by one
    assert not match_isqrt(a.value >> np.uint64(8), 8, [a])  # a shift, not a root
    assert np.array_equal(_isqrt(np.array([0, 1, 3, 4, 15, 16, 65535], dtype=np.uint64)),
                          np.array([0, 1, 1, 2, 3, 4, 255], dtype=np.uint64))


SRC = """module m (input [11:0] e, output reg [5:0] r);
  integer i;
  always @* begin
    r = 6'd0;
    for (i = 1; i < 64; i = i + 1)
      if (i * i <= e) r = i;
  end
endmodule
"""


@pytest.mark.yosys
def test_linear_search_root_lifted_and_proven(tmp_path):
    from types import SimpleNamespace

    from rtlopt.design import open_design
    from rtlopt.semantic import _candidates
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
    f = tmp_path / "m.v"
    f.write_text(SRC)
    cands = _candidates(SimpleNamespace(texts={f: SRC}, deadline=None, design=None, scope="m"))
    c = next((c for c in cands if "isqrt" in c.description), None)
    assert c is not None, [c.description for c in cands]
    new = c.text
    assert "_sqrt_" in new and "2'b01" in new  # the digit-by-digit steps
    g = tmp_path / "new.v"
    g.write_text(new)
    res = check_equivalence(open_design([f], "m"), open_design([g], "m"), VerifyOptions(timeout_s=120))
    assert res.verdict is Verdict.EQUIVALENT, (new, res)
