"""Rotators and normalizers recognised by what a cone computes (rtlopt.semantic.rotnorm): any width,
any amount width, out-of-range amounts decided per value; normalize + zero count sharing one staged
structure. Near misses (an off-by-one rotation, a shift, a normalize that keeps a guard bit) are not
rewritten."""

from __future__ import annotations

import numpy as np
import pytest

from rtlopt.semantic.lift import Operand
from rtlopt.semantic.rotnorm import _rot, match_normalize, match_rotate, match_zero_count

RNG = np.random.default_rng(5)
N = 2048


def _op(name: str, w: int, values=None, free: bool = True) -> Operand:
    v = RNG.integers(0, 1 << w, N, dtype=np.uint64) if values is None else np.asarray(values, dtype=np.uint64)
    return Operand(name, name, w, v, False, free, (), 0)


def _kinds(res) -> list[str]:
    return [k for k, _o, _e in res]


def _highest(v, w):
    out = np.zeros_like(v)
    for k in range(w):
        out = np.where((v >> np.uint64(k)) & np.uint64(1) == 1, np.uint64(k), out)
    return out


# ---- recognition (pure) ---------------------------------------------------------------------------------
def test_rotation_of_a_non_power_of_two_word_with_out_of_range_amounts():
    x, n = _op("x", 24), _op("n", 5)
    m = np.uint64((1 << 24) - 1)
    rl = _rot(x.value, n.value, 24, True)
    # (x << n) | (x >> (24 - n)): past 24 both shifts run out (zero); 24 itself gives x (natural)
    t = np.where(n.value > np.uint64(24), np.uint64(0), rl)
    res = match_rotate(t, 24, [x, n])
    assert _kinds(res) == ["rotate_left_stages"]
    from rtlopt.semantic.algos import helpers_for
    h = helpers_for(res[0][2][0])
    assert h.count(" ? ") == 6 and "> 5'd24" in h  # five stages and one zero compare
    assert _kinds(match_rotate(_rot(x.value, n.value, 24, False), 24, [x, n])) == ["rotate_right_stages"]
    # near misses: a rotation off by one for some amounts, and a plain shift
    off = ((x.value << n.value) | (x.value >> (np.uint64(23) - np.minimum(n.value, np.uint64(23))))) & m
    assert match_rotate(off, 24, [x, n]) == []
    assert match_rotate((x.value << n.value) & m, 24, [x, n]) == []
    # an amount value past the width that gives neither zero, x nor the rotation: no rotator
    odd = np.where(n.value == np.uint64(30), x.value ^ np.uint64(1), rl)
    assert match_rotate(odd, 24, [x, n]) == []


def test_normalize_left_and_right_and_a_guard_bit_near_miss():
    d = _op("d", 16)
    d.value[::7] >>= np.uint64(9)  # many leading zeros
    d.value[::31] = 0
    v = d.value
    nz = v != 0
    lz = np.uint64(15) - _highest(v, 16)
    left = np.where(nz, (v << lz) & np.uint64(0xFFFF), np.uint64(0))
    assert _kinds(match_normalize(left, 16, [d])) == ["normalize_left"]
    low = np.zeros_like(v)
    for k in reversed(range(16)):
        low = np.where((v >> np.uint64(k)) & np.uint64(1) == 1, np.uint64(k), low)
    assert _kinds(match_normalize(np.where(nz, v >> low, np.uint64(0)), 16, [d])) == ["normalize_right"]
    # shifted until bit 14 is set (a guard bit kept on top): not a normalization
    guard = np.where(nz & (lz > 0), (v << (lz - np.uint64(1))) & np.uint64(0xFFFF), v)
    assert match_normalize(guard, 16, [d]) == []
    # the count with a zero value of the design's choosing (0 here) is read from the stages
    cnt = np.where(nz, lz, np.uint64(0))
    res = match_zero_count(cnt, 4, [d])
    assert _kinds(res) == ["leading_zeros_stages"]
    from rtlopt.semantic.algos import helpers_for
    assert "_z3, " in helpers_for(res[0][2][0])
    assert match_zero_count(np.where(nz, lz ^ np.uint64(1), np.uint64(0)), 4, [d]) == []


# ---- whole flow (Yosys + proof) -----------------------------------------------------------------------
def _cands(path):
    from rtlopt.semantic import lifting_candidates

    class St:
        texts = {path: path.read_text()}
    return lifting_candidates(St())


def _proven(tmp_path, f, text: str, top: str) -> bool:
    from rtlopt.design import DesignRef
    from rtlopt.verify import check_equivalence
    g = tmp_path / "new.v"
    g.write_text(text)
    return check_equivalence(DesignRef([f], top), DesignRef([g], top)).verdict == "EQUIVALENT"


ROT_INST = """module rotr #(parameter W = 16) (input [W-1:0] v, input [$clog2(W)-1:0] k, output [W-1:0] r);
  assign r = (v >> k) | (v << (W - k));
endmodule
module top (input [19:0] s, input [4:0] a, input [4:0] b, input sel, output [19:0] y);
  wire [4:0] amt = sel ? b : a;
  rotr #(.W(20)) u (.v(s), .k(amt), .r(y));
endmodule
"""


@pytest.mark.yosys
def test_rotate_in_a_parameterized_instance_becomes_a_log_rotator_and_is_proven(tmp_path):
    f = tmp_path / "r.v"
    f.write_text(ROT_INST)
    c = next(c for c in _cands(f) if c.description.startswith("rotate_right_stages"))
    assert "<<" not in c.text.split("module top", 1)[1] and "rotr #(.W(20)) u" not in c.text, c.text
    assert _proven(tmp_path, f, c.text, "top")
    # one amount value rotates by one place too few: no rotator
    f.write_text(ROT_INST.replace("(v >> k) | (v << (W - k))",
                                  "(k == 5'd7) ? ((v >> 6) | (v << (W - 6))) : ((v >> k) | (v << (W - k)))"))
    assert not any("_stages" in c.description for c in _cands(f))


NORM = """module nz (input [15:0] m, output reg [15:0] mo, output reg [3:0] lz);
  integer i;
  always @* begin
    lz = 4'd0;
    for (i = 0; i < 16; i = i + 1)
      if (m[i]) lz = 15 - i;
    mo = m << lz;
  end
endmodule
"""


@pytest.mark.yosys
def test_normalize_and_its_count_share_one_staged_structure_and_are_proven(tmp_path):
    f = tmp_path / "n.v"
    f.write_text(NORM)
    whole = [c for c in _cands(f) if "normalize_left" in c.description and "zeros" in c.description]
    assert whole, [c.description for c in _cands(f)]
    new = whole[0].text
    # four stages, each test read by the count too: no second zero-count structure, no barrel shift
    assert new.count("~|") == 4 and "<< lz" not in new and "for (" not in new, new
    assert _proven(tmp_path, f, new, "nz")
    # keeping a guard bit (shift until bit 14 is set) is no normalize: no staged candidate
    f.write_text(NORM.replace("mo = m << lz;", "mo = (lz == 4'd0) ? m : m << (lz - 4'd1);"))
    assert not any("normalize" in c.description for c in _cands(f))


@pytest.mark.yosys
def test_dynamic_bit_index_writes_simulate_as_the_rotation_they_are(tmp_path):
    # Yosys writes dout[(i + sh) % 12] through a $shift by a negative (signed, 32-bit) amount; the
    # lifting's simulator took every such amount as out of range, and the rotation was never seen
    f = tmp_path / "d.v"
    f.write_text("""module dyn (input [11:0] din, input [3:0] sh, output reg [11:0] dout);
  integer i;
  always @* begin
    dout = 12'd0;
    for (i = 0; i < 12; i = i + 1)
      dout[(i + sh) % 12] = din[i];
  end
endmodule
""")
    assert any(c.description.startswith("rotate_left_stages") for c in _cands(f))
