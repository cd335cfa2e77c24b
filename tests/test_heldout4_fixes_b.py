"""heldout4 misses closed by value-level mechanisms (issue 10): saturation / overflow from the top bits
of the clamped word (rtlopt.semantic.saturate), |a - b| as one subtraction and a conditional negate
(rtlopt.semantic.absdiff), trailing/leading zero counts behind one mux sharing one counter through a
reversed operand (rtlopt.semantic.xshare). Each: recognised by value, the candidate proven; near misses
are not rewritten."""

from __future__ import annotations

import numpy as np
import pytest

from rtlopt.semantic.lift import Operand

RNG = np.random.default_rng(7)
N = 2048


def _op(name: str, w: int, free: bool = True) -> Operand:
    return Operand(name, name, w, RNG.integers(0, 1 << w, N, dtype=np.uint64), False, free, (), 0)


def _sx(v: np.ndarray, w: int) -> np.ndarray:
    sh = np.uint64(64 - w)
    return (v << sh).view(np.int64) >> np.int64(64 - w)


# ---- value-level matchers (no tools) ---------------------------------------------------------------
def test_saturation_matcher_kinds_and_near_misses():
    from rtlopt.semantic.saturate import match_saturation
    a, b = _op("a", 10), _op("b", 6)
    s = (_sx(a.value, 10) + _sx(b.value, 6))  # true sum: 11 bits signed
    wide = Operand("s", "s", 16, s.view(np.uint64) & np.uint64(0xFFFF), True, False, (), 0)
    clamp = np.clip(s, -512, 511).view(np.uint64)
    got = match_saturation(clamp, 10, [a, b, wide])
    assert [k for k, _o, _e in got] == ["signed_saturate"]
    assert "s[10] ^ s[9]" in got[0][2][0]  # the observed 11-bit width, not the declared 16
    flag = ((s > 511) | (s < -512)).astype(np.uint64)
    assert [k for k, _o, _e in match_saturation(flag, 1, [a, b, wide])] == ["signed_overflow"]
    # no named sum: the sum of the two cut points becomes a helper word
    got = match_saturation(clamp, 10, [a, b])
    assert [k for k, _o, _e in got] == ["signed_saturate_add"]
    from rtlopt.semantic.algos import helpers_for
    assert " + " in helpers_for(got[0][2][0])
    # near misses: a limit that is no power of two; a clamp one below the range
    assert match_saturation(np.clip(s, -500, 500).view(np.uint64), 10, [a, b, wide]) == []
    assert match_saturation(np.clip(s, -512, 510).view(np.uint64), 10, [a, b, wide]) == []


def test_unsigned_saturation_prefers_the_unsigned_flag():
    from rtlopt.semantic.saturate import match_saturation
    x = Operand("acc", "acc", 16, RNG.integers(0, 6000, N, dtype=np.uint64), False, False, (), 0)
    got = match_saturation(np.minimum(x.value, np.uint64(4095)), 12, [x])
    assert got and got[0][0] == "unsigned_saturate" and got[0][2][0].startswith("acc[12] ?")
    got = match_saturation((x.value > np.uint64(4095)).astype(np.uint64), 1, [x])
    assert [(k, e[0]) for k, _o, e in got] == [("unsigned_overflow", "acc[12]")]


def test_absdiff_matcher_signed_unsigned_and_near_misses():
    from rtlopt.semantic.absdiff import match_absdiff
    from rtlopt.semantic.algos import helpers_for
    a, b = _op("a", 8), _op("b", 8)
    d = np.where(a.value >= b.value, a.value - b.value, b.value - a.value)
    got = match_absdiff(d, 8, [a, b])
    assert [k for k, _o, _e in got] == ["abs_diff"]
    h = helpers_for(got[0][2][0])
    assert h.count(" - ") == 1 and "wire [8:0]" in h  # one 9-bit subtraction
    sd = np.abs(_sx(a.value, 8) - _sx(b.value, 8)).view(np.uint64)
    assert [k for k, _o, _e in match_absdiff(sd, 8, [a, b])] == ["abs_diff_signed"]
    # near misses: one arm adds instead of subtracting; a one-sided difference
    assert match_absdiff(np.where(a.value >= b.value, a.value - b.value, b.value + a.value) & np.uint64(255),
                         8, [a, b]) == []
    assert match_absdiff(np.maximum(a.value, b.value) - b.value, 8, [a, b]) == []


def test_mux_tree_condition_for_the_mirrored_arm():
    from rtlopt.semantic.xshare import _collapse, _condition
    assert _condition("(op[1] ? cpop : (op[0] ? ctz : clz))", "clz", "ctz") == "op[0]"
    assert _condition("right ? trail : lead", "lead", "trail") == "right"
    assert _condition("sel ? lead : trail", "lead", "trail") == "~sel"
    assert _condition("(s[1] ? (s[0] ? a : t) : (s[0] ? t : l))", "l", "t") is not None
    assert _condition("(s[0] ? a : b)", "l", "t") is None  # neither count is selected
    assert _collapse("(op[1] ? cpop : (op[0] ? z : z))", "z") == "(op[1] ? cpop : z)"


# ---- whole designs: candidate, proof ---------------------------------------------------------------
SAT = """module sat8 (input signed [7:0] acc, input signed [3:0] d, output reg signed [7:0] y,
             output reg clip);
  integer s;
  always @* begin
    s = acc + d;
    case (1'b1)
      s > 127:  begin y = 8'sd127;  clip = 1'b1; end
      s < -128: begin y = -8'sd128; clip = 1'b1; end
      default:  begin y = s[7:0];   clip = 1'b0; end
    endcase
  end
endmodule
"""

ZC = """module zc (input sel, input [15:0] x, output [4:0] n);
  reg [4:0] lz, tz;
  reg f;
  integer i;
  always @* begin
    lz = 5'd16; f = 1'b0;
    for (i = 15; i >= 0; i = i - 1)
      if (!f && x[i]) begin lz = 15 - i; f = 1'b1; end
  end
  always @* begin
    tz = 5'd16; f = 1'b0;
    for (i = 0; i < 16; i = i + 1)
      if (!f && x[i]) begin tz = i; f = 1'b1; end
  end
  assign n = sel ? tz : lz;
endmodule
"""

AD = """module ad (input [7:0] a, input [7:0] b, output [7:0] d);
  assign d = (a > b) ? a - b : b - a;
endmodule
"""


def _cands(tmp_path, text, name="m.v"):
    from rtlopt.semantic import lifting_candidates
    f = tmp_path / name
    f.write_text(text)

    class St:
        texts = {f: text}
    return f, lifting_candidates(St())


def _proven(f, cand, top) -> bool:
    from rtlopt.design import DesignRef
    from rtlopt.verify import check_equivalence
    g = f.with_name("cand_" + f.name)
    g.write_text(cand.text)
    return check_equivalence(DesignRef([f], top), DesignRef([g], top)).verdict == "EQUIVALENT"


@pytest.mark.yosys
def test_saturating_add_in_a_case_block_is_lifted_and_proven(tmp_path):
    f, cs = _cands(tmp_path, SAT)
    c = next(c for c in cs if "signed_saturate" in c.description and "signed_overflow" in c.description)
    # the case left the block (it did nothing else); the sum stays; the clamp reads its top bits
    assert "case" not in c.text and "s = acc + d;" in c.text and "s[8] ^ s[7]" in c.text, c.text
    assert _proven(f, c, "sat8")
    # a clamp to +-100 is not a saturation to a bit width: not rewritten
    near = SAT.replace("127", "100").replace("-128", "-100").replace("-8'sd100", "-8'sd100")
    _f, cs = _cands(tmp_path, near, "n.v")
    assert not any("saturate" in c.description for c in cs)


@pytest.mark.yosys
def test_mirrored_zero_counts_behind_a_mux_share_one_counter_and_are_proven(tmp_path):
    f, cs = _cands(tmp_path, ZC)
    shared = [c for c in cs if c.description.startswith("shared_zero_count") and "_z" in c.description]
    assert shared, [c.description for c in cs]
    c = shared[0]
    assert "sel ? {x[0], x[1]," in c.text, c.text  # the operand reversed under the mux condition
    assert _proven(f, c, "zc")
    # the trailing count reads another word: nothing to share
    other = ZC.replace("input [15:0] x,", "input [15:0] x, input [15:0] y,").replace(
        "if (!f && x[i]) begin tz", "if (!f && y[i]) begin tz")
    _f, cs = _cands(tmp_path, other, "n.v")
    assert not any(c.description.startswith("shared_zero_count") for c in cs)


@pytest.mark.yosys
def test_absolute_difference_is_one_subtraction_and_proven(tmp_path):
    f, cs = _cands(tmp_path, AD)
    c = next(c for c in cs if c.description.startswith("abs_diff"))
    assert c.text.count(" - ") == 1 and "wire [8:0]" in c.text, c.text
    assert _proven(f, c, "ad")
    _f, cs = _cands(tmp_path, AD.replace("b - a", "b + a"), "n.v")
    assert not any(c.description.startswith("abs_diff") for c in cs)
