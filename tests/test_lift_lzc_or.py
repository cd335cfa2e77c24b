"""Word-level lifting: the least leading-zero (trailing-zero) count over several words is the count of
their OR (``min(lzc(a), lzc(b)) = lzc(a | b)``), whatever the count's spelling (a function with a found
flag, a priority loop, casez, generate instances) and the min's (``?:`` in a child, if/else, a tree, a
loop). Near misses: a min with an offset, counts of words of different widths and a max of counts are no
such OR; a single count stays a single count."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from rtlopt.design import open_design
from rtlopt.semantic.lift import Operand, match_target
from rtlopt.semantic.lzcor import _lzc, _tzc
from tests.test_lift_limited_shift import _cands, _proven

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "lzc_or"


def _op(name: str, w: int, v, base_id: int) -> Operand:
    return Operand(name, name, w, np.asarray(v, dtype=np.uint64), False, True, tuple(range(base_id, base_id + w)))


def _sparse(rng, n: int, w: int) -> np.ndarray:
    """Values whose leading one sits anywhere (a random word shifted right by a random amount)."""
    v = rng.integers(0, 1 << w, n, dtype=np.uint64)
    return v >> rng.integers(0, w + 1, n, dtype=np.uint64)


def test_matcher_min_of_counts_is_count_of_or():
    rng = np.random.default_rng(7)
    n = 2048
    a, b, c = (_sparse(rng, n, 12) for _ in range(3))
    ops = [_op("a", 12, a, 0), _op("b", 12, b, 100), _op("c", 12, c, 200)]
    lz = np.minimum(np.minimum(_lzc(a, 12), _lzc(b, 12)), _lzc(c, 12))
    got = match_target(lz, 4, ops)
    assert got and got[0][0] == "leading_zeros_of_or" and len(got[0][1]) == 3, got
    tz = np.minimum(_tzc(a, 12), _tzc(b, 12))
    got = match_target(tz, 4, ops)
    assert got and got[0][0] == "trailing_zeros_of_or" and {o.text for o in got[0][1]} == {"a", "b"}, got
    # lanes of one packed word
    packed = a | (b << np.uint64(12)) | (c << np.uint64(24))
    got = match_target(lz, 4, [_op("p", 36, packed, 0)])
    assert got and got[0][0] == "leading_zeros_of_or", got
    assert "rtlopt_flat_p" in got[0][2][0] or "rtlopt_or_" in got[0][2][0]


def test_matcher_near_misses():
    rng = np.random.default_rng(11)
    n = 2048
    a, b = _sparse(rng, n, 12), _sparse(rng, n, 12)
    b8 = _sparse(rng, n, 8)
    ops = [_op("a", 12, a, 0), _op("b", 12, b, 100)]
    kinds = lambda t, o: {k for k, _u, _e in match_target(t, 4, o)}  # noqa: E731
    assert not kinds(np.minimum(_lzc(a, 12) + np.uint64(1), _lzc(b, 12)), ops) & {"leading_zeros_of_or"}
    assert not kinds(np.maximum(_lzc(a, 12), _lzc(b, 12)), ops) & {"leading_zeros_of_or"}
    mixed = [_op("a", 12, a, 0), _op("d", 8, b8, 300)]
    assert not kinds(np.minimum(_lzc(a, 12), _lzc(b8, 8)), mixed) & {"leading_zeros_of_or"}
    single = kinds(_lzc(a, 12), ops)
    assert "leading_zeros" in single and "leading_zeros_of_or" not in single


def _area(path: Path, top: str) -> float:
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty
    lib = ROOT.parent / "shared" / "lib" / "sky130hd_tt.lib.gz"
    return measure_cached(open_design([path], top), liberty=resolve_liberty(str(lib) if lib.exists() else None)
                          ).area_um2.value


@pytest.mark.yosys
@pytest.mark.parametrize("fname,top,kind,gain", [
    # function with a found flag, ?: min in a child (two words; the two shifters dominate: ref 0.91)
    ("exp_align_v.v", "pair_norm", "leading_zeros_of_or", 0.97),
    # casez per generate instance, if/else min tree over four words (ref 0.81)
    ("tz_block_sv.sv", "tz_block", "trailing_zeros_of_or", 0.9),
])
def test_min_of_counts_lifted_and_proven(tmp_path, fname, top, kind, gain):
    src = GEN / fname
    cands = [c for c in _cands(src, top) if kind in c.description]
    assert cands, [c.description for c in _cands(src, top)]
    c = cands[0]
    assert "rtlopt_or_" in c.text
    assert _proven(tmp_path, src, c.text, top)
    out = tmp_path / ("after" + src.suffix)
    out.write_text(c.text)
    assert _area(out, top) < _area(src, top) * gain


# restyled: three separate ports, a priority loop in an SV function (the last set bit wins), a nested ?:
TRIO = """
module trio_exp (
  input  logic [13:0] a, b, c,
  output logic [3:0]  e
);
  function automatic logic [3:0] lz14(input logic [13:0] v);
    lz14 = 4'd14;
    for (int i = 0; i < 14; i++) if (v[i]) lz14 = 13 - i;
  endfunction
  logic [3:0] la, lb, lc;
  assign la = lz14(a);
  assign lb = lz14(b);
  assign lc = lz14(c);
  assign e = (la < lb) ? ((la < lc) ? la : lc) : ((lb < lc) ? lb : lc);
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("edit", [
    ("assign e = (la < lb)", "assign e = (la + 4'd1 < lb)"),  # an offset count in one compare
    ("assign lb = lz14(b);", "assign lb = lz14({4'b0, b[9:0]}) - 4'd4;"),  # a 10-bit count beside 14-bit ones
])
def test_trio_near_misses(tmp_path, edit):
    f = tmp_path / "trio.sv"
    f.write_text(TRIO.replace(*edit))
    assert TRIO.replace(*edit) != TRIO
    descs = [c.description for c in _cands(f, "trio_exp")]
    assert not any("_of_or" in d for d in descs), descs


MAXED = TRIO.replace("(la < lb) ? ((la < lc) ? la : lc) : ((lb < lc) ? lb : lc)",
                     "(la > lb) ? ((la > lc) ? la : lc) : ((lb > lc) ? lb : lc)")


@pytest.mark.yosys
def test_max_of_counts_not_lifted(tmp_path):
    f = tmp_path / "tmax.sv"
    f.write_text(MAXED)
    descs = [c.description for c in _cands(f, "trio_exp")]
    assert not any("_of_or" in d for d in descs), descs


def test_wide_packed_word_lanes():
    from rtlopt.semantic.lift import match_wide
    rng = np.random.default_rng(5)
    n = 1024
    lanes = [_sparse(rng, n, 20) for _ in range(4)]
    wide = np.array([sum(int(v[i]) << (20 * j) for j, v in enumerate(lanes)) for i in range(n)], dtype=object)
    t = np.minimum.reduce([_lzc(v, 20) for v in lanes])
    op = Operand("x", "x", 80, wide, False, True, tuple(range(80)))
    got = [k for k, _u, _e in match_wide(np.asarray([int(v) for v in t], dtype=object), 5, [op])]
    assert "leading_zeros_of_or" in got, got
    t_off = np.asarray([int(v) for v in t + np.uint64(1)], dtype=object)
    assert "leading_zeros_of_or" not in [k for k, _u, _e in match_wide(t_off, 5, [op])]


# six 12-bit samples in a 72-bit packed port (wider than one 64-bit lane), counts from a function in a
# generate of assigns, the min in a for loop with <=
SIX = """
module six_exp (
  input  logic [5:0][11:0] s,
  output logic [3:0]       e
);
  function automatic logic [3:0] lz12(input logic [11:0] v);
    lz12 = 4'd12;
    for (int i = 0; i < 12; i++) if (v[i]) lz12 = 11 - i;
  endfunction
  logic [5:0][3:0] z;
  for (genvar g = 0; g < 6; g++) begin : g_z
    assign z[g] = lz12(s[g]);
  end
  always_comb begin
    e = z[5];
    for (int i = 4; i >= 0; i--)
      if (z[i] <= e) e = z[i];
  end
endmodule
"""


# eight separate ports (more than the subsets tried: the whole group), a casez function into an unpacked array,
# the min in a Verilog for loop
EIGHT = """
module eight_min (
  input  [7:0] s0, s1, s2, s3, s4, s5, s6, s7,
  output reg [3:0] m
);
  function [3:0] lz8;
    input [7:0] v;
    begin
      casez (v)
        8'b1???????: lz8 = 4'd0;
        8'b01??????: lz8 = 4'd1;
        8'b001?????: lz8 = 4'd2;
        8'b0001????: lz8 = 4'd3;
        8'b00001???: lz8 = 4'd4;
        8'b000001??: lz8 = 4'd5;
        8'b0000001?: lz8 = 4'd6;
        8'b00000001: lz8 = 4'd7;
        default:     lz8 = 4'd8;
      endcase
    end
  endfunction
  reg [3:0] z [0:7];
  integer i;
  always @* begin
    z[0] = lz8(s0); z[1] = lz8(s1); z[2] = lz8(s2); z[3] = lz8(s3);
    z[4] = lz8(s4); z[5] = lz8(s5); z[6] = lz8(s6); z[7] = lz8(s7);
    m = z[0];
    for (i = 1; i < 8; i = i + 1)
      if (z[i] < m) m = z[i];
  end
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("name,top,must", [
    ("TRIO", "trio_exp", "rtlopt_or_"),  # restyled: separate ports, SV function priority loop, nested ?:
    ("SIX", "six_exp", "rtlopt_flat_s"),  # 72-bit packed port (wider than one 64-bit lane)
    ("EIGHT", "eight_min", "s0 | s1 | s2 | s3 | s4 | s5 | s6 | s7"),  # eight ports: the whole group
])
def test_inline_styles_lifted_and_proven(tmp_path, name, top, must):
    f = tmp_path / f"{top}{'.v' if name == 'EIGHT' else '.sv'}"
    f.write_text(globals()[name])
    cands = [c for c in _cands(f, top) if "leading_zeros_of_or" in c.description]
    assert cands, [c.description for c in _cands(f, top)]
    assert must in cands[0].text
    assert _proven(tmp_path, f, cands[0].text, top)
