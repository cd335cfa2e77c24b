"""Word-level lifting: a cone whose only varying input is one narrow word (plus a few single bits) and
whose value is a step function of it (a nearest-level slicer by squared or absolute errors and an
argmin, a quantizer written as a case table, a range lookup in a loop; also ``x + c`` pieces) becomes a
chain of compares against the breakpoints, found from the cone's exhaustive table, proven by the
verifier. Near misses: two varying words, too many intervals, a function that is no step function."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.test_lift_limited_shift import _cands, _proven
from tests.test_lift_lzc_or import _area

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "interval_lift"


def _interval(cands):
    return [c for c in cands if "interval_" in c.description]


def _lifted_text(tmp_path, name: str, text: str, top: str, desc: str = "interval_") -> str:
    """The first interval candidate (whose description holds ``desc``) of ``text``, proven; its text."""
    f = tmp_path / name
    f.write_text(text)
    cands = [c for c in _interval(_cands(f, top)) if desc in c.description]
    assert cands, [c.description for c in _cands(f, top)]
    assert _proven(tmp_path, f, cands[0].text, top)
    return cands[0].text


def _assert_no_interval(tmp_path, name: str, text: str, top: str) -> None:
    f = tmp_path / name
    f.write_text(text)
    descs = [c.description for c in _cands(f, top)]
    assert not any("interval_" in d for d in descs), descs


def test_segments_and_spellings():
    from rtlopt.semantic.intervals import _segments, _tables
    from rtlopt.semantic.lift import Operand
    xs = np.arange(256, dtype=np.uint64)
    # signed 8-bit x: -128..-49 -> 0, -48..47 -> 1, 48..127 -> 2 (indexed by the unsigned pattern)
    sx = xs.astype(np.int64) - np.where(xs >= 128, 256, 0)
    t = np.where(sx < -48, 0, np.where(sx < 48, 1, 2)).astype(np.uint64)
    op = Operand("x", "x", 8, xs, True, True, tuple(range(8)))
    tab = _tables(t, op, 2)
    assert tab.signed and len(tab.segs) == 3
    ex = tab.exprs()
    assert ex[0] == "(x < 8'shD0) ? 2'd0 : (x < 8'sh30) ? 2'd1 : 2'd2", ex
    assert ex[-1].startswith("(2'd0 + !"), ex  # a count of the thresholds passed
    # x + c pieces: a dead zone that clamps
    t2 = np.where(xs < 10, 0, np.where(xs > 200, 190, xs - 10)).astype(np.uint64)
    segs = _segments(t2, xs, 8)
    assert [s[2] for s in segs] == ["c", "a", "c"], segs
    # min(x, 12): the point 12 fits both pieces; both breakpoints are offered
    x5 = np.arange(32, dtype=np.uint64)
    lv = Operand("lv", "lv", 5, x5, False, True, tuple(range(5)))
    ex = _tables(np.minimum(x5, np.uint64(12)), lv, 4).exprs()
    assert ex[0].startswith("(lv < 5'd13) ?") and ex[1].startswith("(lv < 5'd12) ?"), ex
    # too many pieces: none
    assert _segments((xs * xs >> np.uint64(4)) & np.uint64(255), xs, 8) is None


@pytest.mark.yosys
@pytest.mark.parametrize("fname,top,kind,gain", [
    # squared error per level in a child in a generate loop, first-wins argmin loop (Verilog)
    ("sqerr_argmin_v.v", "level_pick", "interval_table", 0.3),
    # |x - L| from an SV function, a priority if-chain, a hold bit split off
    ("absdist_func_sv.sv", "tri_slice", "interval_table", 0.6),
    # a full case table in a function, labels out of order, under a register enable
    ("quant_case_v.v", "quant_bin", "interval_table", 0.97),
])
def test_designs_lifted_and_proven(tmp_path, fname, top, kind, gain):
    src = GEN / fname
    cands = _interval(_cands(src, top))
    assert cands, [c.description for c in _cands(src, top)]
    c = cands[0]
    assert kind in c.description
    assert _proven(tmp_path, src, c.text, top)
    out = tmp_path / ("after" + src.suffix)
    out.write_text(c.text)
    assert _area(out, top) < _area(src, top) * gain


# restyled slicer: levels from a case function, |x - L| through a generate of assigns, argmin with <= in a
# loop (the last of equals wins: ties go to the upper level), an 'invert' bit that mirrors the symbol
RESTYLE = """
module slice4 #(parameter int W = 7) (
  input  logic [W-1:0] s,
  input  logic         inv,
  output logic [1:0]   sym
);
  function automatic logic [W:0] lv(input int i);
    case (i)
      0: lv = 10;
      1: lv = 45;
      2: lv = 80;
      default: lv = 115;
    endcase
  endfunction
  logic [3:0][W:0] dd;
  for (genvar g = 0; g < 4; g++) begin : g_d
    assign dd[g] = ({1'b0, s} > lv(g)) ? {1'b0, s} - lv(g) : lv(g) - {1'b0, s};
  end
  logic [1:0] k;
  logic [W:0] b;
  always_comb begin
    k = 2'd0;
    b = dd[0];
    for (int i = 1; i < 4; i++)
      if (dd[i] <= b) begin
        b = dd[i];
        k = 2'(i);
      end
    sym = inv ? ~k : k;
  end
endmodule
"""


@pytest.mark.yosys
def test_restyled_slicer_lifted_and_proven(tmp_path):
    assert "inv ?" in _lifted_text(tmp_path, "slice4.sv", RESTYLE, "slice4")


# a dead zone with a clamp, written as a lookup loop over every code: x + c on the middle interval
DEADZONE = """
module dz (
  input  logic [7:0] x,
  output logic [7:0] y
);
  always_comb begin
    y = 8'd0;
    for (int i = 0; i < 256; i++)
      if (x == i[7:0]) y = (i < 10) ? 8'd0 : (i > 200) ? 8'd190 : 8'(i - 10);
  end
endmodule
"""


@pytest.mark.yosys
def test_affine_pieces_lifted_and_proven(tmp_path):
    _lifted_text(tmp_path, "dz.sv", DEADZONE, "dz", "interval_affine")


@pytest.mark.yosys
@pytest.mark.parametrize("edit", [
    # one level comes from a second varying word: two words in the cone
    ("      2: lv = 80;", "      2: lv = {1'b0, ofs};"),
    # a magnitude that is no step function: the distance to the nearest level itself
    ("    sym = inv ? ~k : k;\n", "    sym = b[1:0];\n"),
])
def test_near_misses(tmp_path, edit):
    text = RESTYLE.replace(*edit)
    assert text != RESTYLE
    if "ofs" in edit[1]:
        text = text.replace("input  logic         inv,", "input  logic         inv,\n  input  logic [W-1:0] ofs,")
    _assert_no_interval(tmp_path, "slice4.sv", text, "slice4")


# twenty bins with labels out of order: more intervals than the limit
MANY = "module many (input [6:0] c, output reg [4:0] q);\n  always @* case (c)\n{}\n    default: q = 5'd0;\n" \
       "  endcase\nendmodule\n"


@pytest.mark.yosys
def test_many_intervals_not_lifted(tmp_path):
    arms = "\n".join(f"    {', '.join(str(v) for v in range(6 * k, 6 * k + 6))}: q = 5'd{(7 * k) % 20};"
                     for k in range(20))
    _assert_no_interval(tmp_path, "many.v", MANY.format(arms), "many")


# a table already written as its compare chain (and a small one-bit decode): nothing to gain, no candidate
CHAIN = """
module chain3 (input [9:0] x, input en, output [1:0] y, output z);
  assign y = (x < 10'd100) ? 2'd2 : (x < 10'd600) ? 2'd0 : 2'd1;
  assign z = en & (x != 10'd0);
endmodule
"""


@pytest.mark.yosys
def test_written_chain_not_lifted(tmp_path):
    _assert_no_interval(tmp_path, "chain3.v", CHAIN, "chain3")


# the varying word is an intermediate sum of three inputs (a slicer after an equalizer's taps): the part of
# the cone above the word is the table; distances signed, argmin as a two-level tournament of named wires
CUT = """
module eq_slice (
  input             clk,
  input      [7:0]  a, b, c,
  output reg [1:0]  sym
);
  wire [9:0] y = a + b + c;
  wire signed [10:0] d0 = $signed({1'b0, y}) - 11'sd60;
  wire signed [10:0] d1 = $signed({1'b0, y}) - 11'sd200;
  wire signed [10:0] d2 = $signed({1'b0, y}) - 11'sd340;
  wire signed [10:0] d3 = $signed({1'b0, y}) - 11'sd480;
  wire [21:0] s0 = d0 * d0, s1 = d1 * d1, s2 = d2 * d2, s3 = d3 * d3;
  wire [1:0]  i01 = (s1 < s0) ? 2'd1 : 2'd0;
  wire [21:0] m01 = (s1 < s0) ? s1 : s0;
  wire [1:0]  i23 = (s3 < s2) ? 2'd3 : 2'd2;
  wire [21:0] m23 = (s3 < s2) ? s3 : s2;
  wire [1:0]  k = (m23 < m01) ? i23 : i01;
  always @(posedge clk) sym <= k;
endmodule
"""


@pytest.mark.yosys
def test_intermediate_word_lifted_and_proven(tmp_path):
    assert "(y < 10'd131)" in _lifted_text(tmp_path, "cut.v", CUT, "eq_slice", "interval_table: k =")
