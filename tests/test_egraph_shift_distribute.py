"""datapath_egraph: one variable shift over a sum (rtlopt/egraph/shiftdist.py): `(a << s) + (b << s)`
-> `(a + b) << s` (and `-`), sums of several; `sext/zext` of a narrower shift that cannot overflow
widens the shift. Checked exhaustively in the e-graph; near misses: different amounts (no rewrite), a
narrow shift that can overflow (no widening, and the widened form really differs); on Verilog and SV
designs with real Yosys (fires, one shifter left, proven)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph, r_assoc, r_comm, saturate, to_signed
from rtlopt.egraph.shiftdist import r_ext_shlv, r_shift_distribute
from tests.test_egraph_scaled_cmp import _prove


@pytest.mark.parametrize("op", ["add", "sub"])
def test_distribute_exhaustive(op):
    eg = EGraph()
    a, b, s = (eg.add(("var", 3, k)) for k in "abs")
    W = 6
    sa = eg.add(("shlv", W, None, eg.add(("zext", W, None, a)), s))
    sb = eg.add(("shlv", W, None, eg.add(("sext", W, None, b)), s))
    c = eg.add((op, W, None, sa, sb))
    saturate(eg, rules=[r_shift_distribute], max_iters=3)
    assert eg.check([{"a": x, "b": y, "s": z} for x in range(8) for y in range(8) for z in range(8)]) == []
    assert eg.has(c, "shlv")


def test_three_terms_fold_to_one_shift():
    eg = EGraph()
    a, b, d, s = (eg.add(("var", 3, k)) for k in "abds")
    W = 8
    sh = [eg.add(("shlv", W, None, eg.add(("zext", W, None, v)), s)) for v in (a, b, d)]
    c = eg.add(("add", W, None, eg.add(("add", W, None, sh[0], sh[1])), sh[2]))
    saturate(eg, rules=[r_shift_distribute, r_assoc, r_comm], max_iters=5)
    assert eg.check([{"a": x, "b": y, "d": x ^ y, "s": z} for x in range(8) for y in range(8) for z in range(8)]) == []
    inner = [m[3] for m in eg.has(c, "shlv")]
    assert any(eg.has(i, "add") and not any(eg.has(q, "shlv") for n in eg.has(i, "add") for q in n[3:])
               for i in inner)


def test_different_amounts_do_not_distribute():
    eg = EGraph()
    a, b, s, t = (eg.add(("var", 3, k)) for k in "abst")
    sa = eg.add(("shlv", 6, None, eg.add(("zext", 6, None, a)), s))
    sb = eg.add(("shlv", 6, None, eg.add(("zext", 6, None, b)), t))
    c = eg.add(("add", 6, None, sa, sb))
    saturate(eg, rules=[r_shift_distribute], max_iters=3)
    assert not eg.has(c, "shlv")


@pytest.mark.parametrize("ext", ["sext", "zext"])
@pytest.mark.parametrize("w,fits", [(7, True), (6, False)])
def test_widen_shift_exhaustive(ext, w, fits):
    """4-bit x shifted by a 2-bit amount (up to 3) needs 7 bits signed or unsigned: widening fires at
    w = 7 and not at w = 6, where the narrow shift overflows and the widened form differs."""
    eg = EGraph()
    x, s = eg.add(("var", 4, "x")), eg.add(("var", 2, "s"))
    sh = eg.add(("shlv", w, None, eg.add((ext, w, None, x)), s))
    c = eg.add((ext, 10, None, sh))
    saturate(eg, rules=[r_ext_shlv], max_iters=3)
    assert eg.check([{"x": v, "s": k} for v in range(16) for k in range(4)]) == []
    assert bool(eg.has(c, "shlv")) == fits
    if not fits:
        def narrow(v, k):
            r = ((to_signed(v, 4) if ext == "sext" else v) << k) & ((1 << w) - 1)
            return to_signed(r, w) if ext == "sext" else r
        wide = [(to_signed(v, 4) if ext == "sext" else v) << k for v in range(16) for k in range(4)]
        assert [narrow(v, k) for v in range(16) for k in range(4)] != wide


MIX_V = """module sh(input [2:0] g, input signed [5:0] a, input signed [5:0] b, input signed [5:0] c,
          output signed [15:0] y, output signed [15:0] z);
  wire signed [12:0] ya = a <<< g;
  wire signed [12:0] yb = b <<< g;
  wire signed [12:0] yc = c <<< g;
  assign y = ya + yb + yc;
  assign z = (a << g) - (b << g);
endmodule
"""

MIX_SV = """module scale #(parameter int W = 6) (input logic [W-1:0] x, input logic [1:0] e, output logic [W+2:0] y);
  assign y = x << e;
endmodule
module shsv(input logic [1:0] e, input logic [5:0] p, q, output logic [9:0] s);
  logic [8:0] yp, yq;
  scale #(.W(6)) u_p (.x(p), .e(e), .y(yp));
  scale #(.W(6)) u_q (.x(q), .e(e), .y(yq));
  always_comb s = yp + yq;
endmodule
"""

# different amounts: nothing to share
NEAR_V = """module nd(input [2:0] g, input [2:0] h, input [5:0] a, input [5:0] b, output [15:0] y);
  assign y = (a << g) + (b << h);
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("text,ext,top,outs", [(MIX_V, "v", "sh", ("assign y", "assign z")),
                                               (MIX_SV, "sv", "shsv", ("s =",))], ids=["v", "sv_instances"])
def test_distribute_fires_and_is_proven(tmp_path: Path, text, ext, top, outs):
    got = [g for g in optimize_text(text, f"t.{ext}") if g[0] == top]
    assert got, "no rewrite"
    new = got[0][1]
    for o in outs:
        line = [ln for ln in new.splitlines() if o in ln][0]
        assert line.count("<<") == 1, new
    assert _prove(tmp_path, text, new, ext) == "EQUIVALENT", new


@pytest.mark.yosys
def test_different_amounts_keep_two_shifts(tmp_path: Path):
    for _m, new, _i in optimize_text(NEAR_V):
        line = [ln for ln in new.splitlines() if "assign y" in ln][0]
        assert line.count("<<") == 2, new
        assert _prove(tmp_path, NEAR_V, new, "v") == "EQUIVALENT", new


GEN = {"pan_mix_v/original.v": ("pan_mix", "bus <=", "s0"), "exp_acc_sv/original.sv": ("exp_diff", "d =", "ya")}


@pytest.mark.parametrize("path", sorted(GEN))
def test_generalization_designs_fire(path):
    """Own designs (Verilog named shifts summed into a register; SV shift child instances subtracted
    in an always_comb): one shift left, modelled cost down by > 25%."""
    top, lhs, old = GEN[path]
    f = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "shiftdist" / path
    got = [g for g in optimize_text(f.read_text(), str(f)) if g[0] == top]
    assert got, "no rewrite"
    _m, new, info = got[0]
    assert info["model_after"] < info["model_before"] * 0.75, info
    line = [ln for ln in new.splitlines() if lhs in ln][0]
    assert "<<" in line and old not in line, new
