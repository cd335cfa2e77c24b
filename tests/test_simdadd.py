"""Mode-selected wide / lane-wise adds (rtlopt.semantic.simdadd): recognised by value (wrapping, signed
and unsigned saturating lanes; any mode word), emitted on one adder with lane separators, proven; near
misses (a lane reading another operand, a lane off by one) are not rewritten."""

from __future__ import annotations

import numpy as np
import pytest

from rtlopt.semantic.lift import Operand
from rtlopt.semantic.simdadd import _lane_funcs, match_simd_add

RNG = np.random.default_rng(3)
N = 2048


def _op(name: str, w: int) -> Operand:
    return Operand(name, name, w, RNG.integers(0, 1 << w, N, dtype=np.uint64), False, True, (), 0)


def test_lane_kinds_and_mode_values():
    a, b, c, m = _op("a", 32), _op("b", 32), _op("c", 32), _op("m", 2)
    wide = (a.value + b.value) & np.uint64(0xFFFFFFFF)
    f = _lane_funcs(a.value, b.value, 32, 8)
    on = m.value == np.uint64(1)
    res = match_simd_add(np.where(on, f["sat_signed"][0], wide), 32, [a, b, c, m])
    assert [k for k, _o, _e in res] == ["simd_add_sat_signed"]
    from rtlopt.semantic.algos import helpers_for
    h = helpers_for(res[0][2][0])
    assert h.count(" + ") == 1 and "(m == 2'd1)" in h  # one adder; lanes on mode value 1 only
    # the gated any-lane overflow flag
    anyov = (f["sat_signed"][1] != 0).astype(np.uint64)
    assert [k for k, _o, _e in match_simd_add(np.where(on, anyov, np.uint64(0)), 1, [a, b, m])] == \
        ["simd_add_sat_signed_overflow"]
    # near misses: one lane adds another word's byte; one lane off by one
    g = _lane_funcs(a.value, c.value, 32, 8)["wrap"][0]
    mixed = (f["wrap"][0] & np.uint64(0xFFFFFF00)) | (g & np.uint64(0xFF))
    assert match_simd_add(np.where(on, mixed, wide), 32, [a, b, c, m]) == []
    off = (f["wrap"][0] & np.uint64(0xFFFF00FF)) | ((f["wrap"][0] + np.uint64(0x100)) & np.uint64(0xFF00))
    assert match_simd_add(np.where(on, off, wide), 32, [a, b, m]) == []


SIMD = """module sx (input [15:0] x, input [15:0] y, input lanes, output [15:0] z);
  wire [7:0] lo = x[7:0] + y[7:0];
  wire [7:0] hi = x[15:8] + y[15:8];
  assign z = lanes ? {hi, lo} : x + y;
endmodule
"""


@pytest.mark.yosys
def test_wrapping_lanes_beside_the_word_add_share_one_adder_and_are_proven(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.semantic import lifting_candidates
    from rtlopt.verify import check_equivalence
    f = tmp_path / "s.v"

    class St:
        texts = {f: SIMD}
    f.write_text(SIMD)
    c = next(c for c in lifting_candidates(St()) if c.description.startswith("simd_add_wrap") and "_simk" not in c.text)
    assert c.text.count(" + ") == 1 and "wire [17:0]" in c.text and " ? " not in c.text, c.text
    g = tmp_path / "n.v"
    g.write_text(c.text)
    assert check_equivalence(DesignRef([f], "sx"), DesignRef([g], "sx")).verdict == "EQUIVALENT"
    # the high lane adds y's low byte: no shared adder
    bad = SIMD.replace("x[15:8] + y[15:8]", "x[15:8] + y[7:0]")
    f.write_text(bad)
    St.texts = {f: bad}
    assert not any(c.description.startswith("simd_add") for c in lifting_candidates(St()))
