"""datapath_egraph: a comparison of |x| (x's sign selecting x or its negation, W-bit unsigned) with a
constant compares x itself: |x| > K is x >s K | x <s -K (the negation and its mux disappear). Every
threshold of a 6-bit x checked exhaustively in the e-graph (2^(W-1) - 1, 2^(W-1) and above included:
|most negative| is 2^(W-1)); the Verilog ternary and an SV always_comb ``if`` both fire, are proven and
measure smaller; a selector that is not x's sign and an unsigned x < 0 do not fire."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph, r_abs_cmp, saturate

TERNARY = """module lvl(input signed [11:0] x, output [3:0] seg, output clip);
  wire [11:0] mag = x[11] ? -x : x;
  assign seg[0] = mag > 12'd100;
  assign seg[1] = mag > 12'd400;
  assign seg[2] = mag > 12'd900;
  assign seg[3] = mag > 12'd1600;
  assign clip = mag >= 12'd2000;
endmodule
"""

IFCOMB = """module lvl2 #(parameter int W = 10) (input logic signed [W-1:0] s, output logic [2:0] bar,
    output logic over);
  logic [W-1:0] a;
  always_comb begin
    if (s < 0) a = ~s + 1'b1;
    else a = s;
  end
  assign bar[0] = a > 40;
  assign bar[1] = a > 130;
  assign bar[2] = a >= 300;
  assign over = a > 500;
endmodule
"""

# thresholds at and around 2^(W-1) - 1 = 511 (only the most negative x reaches 512), plus <= and <
EDGE = """module edge_cmp(input signed [9:0] x, output [5:0] y);
  wire [9:0] m = (x >= 0) ? x : -x;
  assign y[0] = m > 10'd511;
  assign y[1] = m >= 10'd512;
  assign y[2] = m > 10'd512;
  assign y[3] = m <= 10'd37;
  assign y[4] = m < 10'd200;
  assign y[5] = m > 10'd0;
endmodule
"""

CASESTYLE = """module lvl4(input logic signed [8:0] d, output logic [1:0] lv);
  logic [8:0] m;
  always_comb begin
    case (d[8])
      1'b1: m = -d;
      default: m = d;
    endcase
  end
  assign lv[0] = m > 9'd20;
  assign lv[1] = m > 9'd200;
endmodule
"""

# declared unsigned, but the top bit selects 0 - x: the same two's-complement magnitude (fires, proven)
UNSIGNED_TOPBIT = """module u1(input [11:0] x, output [1:0] seg);
  wire [11:0] mag = x[11] ? 12'd0 - x : x;
  assign seg[0] = mag > 12'd700;
  assign seg[1] = mag > 12'd2047;
endmodule
"""

OTHER_BIT = """module nb(input [11:0] x, output [2:0] seg);
  wire [11:0] mag = x[10] ? -x : x;
  assign seg[0] = mag > 12'd100;
  assign seg[1] = mag > 12'd400;
  assign seg[2] = mag > 12'd900;
endmodule
"""

UNSIGNED_LT0 = """module nu(input [11:0] x, output [2:0] seg);
  wire [11:0] mag = (x < 0) ? -x : x;
  assign seg[0] = mag > 12'd100;
  assign seg[1] = mag > 12'd400;
  assign seg[2] = mag > 12'd900;
endmodule
"""


def _signed_cmp(text: str) -> str | None:
    for _m, new, _i in optimize_text(text):
        if "$signed" in new and "-x" not in new.split("endmodule")[0].split("assign", 1)[-1]:
            return new
    return None


@pytest.mark.parametrize("sel", ["bit", "lt0", "ge0", "eq1", "ne1"])
def test_every_threshold_exhaustive(sel):
    """All thresholds 0..70 and all four comparisons of |x| (6 bits) agree with the rewrite on every x."""
    w = 6
    eg = EGraph()
    x = eg.add(("var", w, "x"))
    neg = eg.add(("neg", w, None, x))
    if sel == "bit":
        s = eg.add(("trunc", 1, None, eg.add(("lshr", w, w - 1, x))))
        mag = eg.add(("mux", w, None, s, neg, x))
    elif sel == "lt0":
        s = eg.add(("slt", 1, None, x, eg.k(w, 0)))
        mag = eg.add(("mux", w, None, s, eg.add(("add", w, None, eg.add(("not", w, None, x)), eg.k(w, 1))), x))
    elif sel == "ge0":
        s = eg.add(("sle", 1, None, eg.k(w, 0), x))
        mag = eg.add(("mux", w, None, s, x, neg))
    else:  # case (x[W-1]) 1'b1: -x; default: x (and sign != 1'b1 with the arms swapped)
        top = eg.add(("trunc", 1, None, eg.add(("lshr", w, w - 1, x))))
        s = eg.add(("eq" if sel == "eq1" else "ne", 1, None, top, eg.k(1, 1)))
        mag = eg.add(("mux", w, None, s, neg, x) if sel == "eq1" else ("mux", w, None, s, x, neg))
    wide = eg.add(("zext", 9, None, mag))
    cmps = []
    for k in range(0, 71):
        cmps += [eg.add(("ult", 1, None, eg.k(w, k), mag)), eg.add(("ule", 1, None, eg.k(w, k), mag)),
                 eg.add(("ult", 1, None, mag, eg.k(w, k))), eg.add(("ule", 1, None, mag, eg.k(w, k))),
                 eg.add(("ult", 1, None, eg.k(9, k + 200), wide))]
    saturate(eg, rules=[r_abs_cmp], max_iters=2, max_nodes=100000, time_s=30)
    fired = sum(1 for c in cmps if any(n[0] in ("or", "not", "const") for n in eg.nodes[eg.find(c)]))
    assert fired == len(cmps)
    assert eg.check([{"x": v} for v in range(1 << w)]) == []


def test_not_the_sign_does_not_fire():
    w = 6
    eg = EGraph()
    x = eg.add(("var", w, "x"))
    s = eg.add(("trunc", 1, None, eg.add(("lshr", w, w - 2, x))))  # bit W-2
    mag = eg.add(("mux", w, None, s, eg.add(("neg", w, None, x)), x))
    c = eg.add(("ult", 1, None, eg.k(w, 9), mag))
    saturate(eg, rules=[r_abs_cmp])
    assert eg.has(c, "or") == []


@pytest.mark.parametrize("text", [TERNARY, IFCOMB, EDGE], ids=["ternary", "always_comb_if", "edges"])
def test_abs_compare_fires(text):
    assert _signed_cmp(text) is not None, optimize_text(text)


@pytest.mark.parametrize("text", [OTHER_BIT, UNSIGNED_LT0], ids=["other_bit", "unsigned_lt0"])
def test_near_misses_do_not_get_signed_compares(text):
    for _m, new, _i in optimize_text(text):
        assert "$signed" not in new, new


@pytest.mark.yosys
@pytest.mark.parametrize("text,top,ext", [(TERNARY, "lvl", "v"), (IFCOMB, "lvl2", "sv"), (EDGE, "edge_cmp", "v"),
                                          (UNSIGNED_TOPBIT, "u1", "v"), (CASESTYLE, "lvl4", "sv")],
                         ids=["ternary", "always_comb_if", "edges", "unsigned_topbit", "case"])
def test_abs_compare_is_proven(tmp_path: Path, text, top, ext):
    from rtlopt.verify import VerifyOptions, check_equivalence

    new = _signed_cmp(text)
    assert new is not None
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / f"t.{ext}").write_text(text)
    (tmp_path / "gate" / f"t.{ext}").write_text(new)
    r = check_equivalence(open_design(tmp_path / "gold" / f"t.{ext}"), open_design(tmp_path / "gate" / f"t.{ext}"),
                          VerifyOptions(timeout_s=120))
    assert r.verdict.name == "EQUIVALENT", new


BRANCH = """module mx(input logic [7:0] p, q, r, input logic sel, output logic [7:0] y);
  always_comb begin
    if (sel) y = p + q;
    else y = p + r;
  end
endmodule
"""

FUNC = """module lvl3(input logic signed [13:0] v, output logic hot, warm);
  function automatic logic [13:0] absval(input logic signed [13:0] a);
    if (a[13]) absval = -a;
    else absval = a;
  endfunction
  assign hot = absval(v) >= 14'd6000;
  assign warm = absval(v) > 14'd2500;
endmodule
"""


def test_function_style_fires():
    assert _signed_cmp(FUNC) is not None, optimize_text(FUNC)


def test_always_comb_if_is_one_value():
    """The front end sees an always_comb if/else writing one variable as a mux (here the two adders
    share one: p + (sel ? q : r)), the block rewritten as one assignment."""
    got = optimize_text(BRANCH)
    assert got and "sel ?" in got[0][1] and got[0][1].count("+") == 1, got


LATCH = """module lt(input logic [7:0] p, q, r, input logic sel, en, output logic [7:0] y);
  always_comb begin
    if (sel) y = p + q;
    else if (en) y = p + r;
  end
endmodule
"""


def test_a_path_without_assignment_is_no_branch_root():
    """y keeps its old value when neither sel nor en holds (a latch): no single value, no block root."""
    from rtlopt.egraph.front import build_module, module_bodies
    from rtlopt.templates._sem import analyze

    an = analyze(LATCH, "lt.sv")
    (body,) = list(module_bodies(an))
    mg = build_module(an, body)
    assert not any(r.stmt == "y" for r in mg.roots)
    an = analyze(BRANCH, "mx.sv")
    (body,) = list(module_bodies(an))
    assert any(r.stmt == "y" and r.writes == 2 for r in build_module(an, body).roots)
