"""datapath_egraph r_absdiff_carry: a borrow-selected |p - q| (b ? -D[w-1:0] : D[w-1:0], D = p - q in w+1 bits,
p and q below 2^w) added into a wider word is a + (D[w-1:0] ^ {w{b}}) + b: the +1 of the negation becomes a
carry of the sum (a SAD adds every borrow once). Exhaustive on 3-bit operands (every node of the saturated
graph checked); near misses -- a difference whose subtrahend may reach 2^w (a borrow with a zero low part)
and a select that is not the borrow -- keep their values and do not fold; a SAD fires and is proven."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import saturate
from rtlopt.egraph.front import build_module, module_bodies
from rtlopt.templates._sem import analyze

# |p - q| as a 3-bit word, summed into 5 bits
FOLD = """module f1(input [2:0] p, input [2:0] q, input [4:0] a, output [4:0] y);
  wire [2:0] m = (p > q) ? p - q : q - p;
  assign y = a + m;
endmodule
"""

# the subtrahend is 4 bits: D[3] = 1 with D[2:0] = 0 happens (p = 0, q = 8), so -0 must stay 0
WIDE_Q = """module f2(input [2:0] p, input [3:0] q, input [4:0] a, output [4:0] y);
  wire [3:0] d = {1'b0, p} - q;
  wire [2:0] m = d[3] ? -d[2:0] : d[2:0];
  assign y = a + m;
endmodule
"""

# the select is an input, not the borrow
OTHER_SEL = """module f3(input [2:0] p, input [2:0] q, input s, input [4:0] a, output [4:0] y);
  wire [3:0] d = {1'b0, p} - {1'b0, q};
  wire [2:0] m = s ? -d[2:0] : d[2:0];
  assign y = a + m;
endmodule
"""

SAD = """module sad3(input [11:0] u, input [11:0] v, output reg [5:0] t);
  function [3:0] ad(input [3:0] p, input [3:0] q);
    begin
      if (p < q) ad = q - p;
      else ad = p - q;
    end
  endfunction
  integer i;
  always @* begin
    t = 6'd0;
    for (i = 0; i < 3; i = i + 1) t = t + ad(u[4*i +: 4], v[4*i +: 4]);
  end
endmodule
"""


def _saturated(src: str):
    an = analyze(textwrap.dedent(src))
    (body,) = module_bodies(an)
    mg = build_module(an, body)
    saturate(mg.eg, max_nodes=4000, max_iters=6, time_s=30)
    return mg


def _folded(eg) -> bool:
    """Some class holds the borrow-inverted low part: xor with a sign-extended bit."""
    return any(n[0] == "xor" and any(k[0] == "sext" and eg.w(k[3]) == 1 for k in eg.nodes[eg.find(n[4])])
               for c in list(eg.nodes) for n in eg.nodes[c])


def _envs(names_widths: dict[str, int]) -> list[dict]:
    out = [{}]
    for k, w in names_widths.items():
        out = [dict(e, **{k: v}) for e in out for v in range(1 << w)]
    return out


def test_fold_is_exhaustively_sound_and_fires():
    mg = _saturated(FOLD)
    assert _folded(mg.eg)
    envs = _envs({"p": 3, "q": 3, "a": 5})
    assert mg.eg.check(envs) == []
    y = mg.eg.find(next(r for r in mg.roots if r.lhs == "y").cls)
    for e in envs[::7]:
        assert mg.eg.values(e)[y] == (e["a"] + abs(e["p"] - e["q"])) & 31


@pytest.mark.parametrize("src,widths", [(WIDE_Q, {"p": 3, "q": 4, "a": 5}), (OTHER_SEL, {"p": 3, "q": 3, "s": 1, "a": 5})],
                         ids=["wide_subtrahend", "other_select"])
def test_near_misses_do_not_fold(src, widths):
    mg = _saturated(src)
    assert not _folded(mg.eg)
    assert mg.eg.check(_envs(widths)) == []


@pytest.mark.yosys
def test_sad_folds_and_is_proven(tmp_path: Path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    got = optimize_text(SAD)
    assert got, got
    new = got[0][1]
    assert "^" in new and "for (i = 0" not in new.split("endfunction")[-1], new
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / "t.v").write_text(SAD)
    (tmp_path / "gate" / "t.v").write_text(new)
    r = check_equivalence(open_design(tmp_path / "gold" / "t.v"), open_design(tmp_path / "gate" / "t.v"),
                          VerifyOptions(timeout_s=120))
    assert r.verdict.name == "EQUIVALENT", new
