"""E-graph: a min of leading/trailing-zero counts is the count of the OR (``min(lzc(a), lzc(b)) =
lzc(a | b)``). The counts are recognised by evaluation whatever their spelling (a function with a found
flag, a priority loop); the min in any spelling the front end reads (``?:`` in a child, a register's next
state, a shift amount) -- every reader of the min class gets the one count of the OR, which a lift of one
named word cannot do. Near misses: a max of counts, an offset count and counts of different widths are
no such OR; a count alone keeps its own spelling (a casez count is not re-spelled as a chain)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.egraph.core import EGraph, saturate
from rtlopt.egraph.lzcop import count_of
from tests.test_egraph_inst_read import _area, _opt, _proven

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "lzc_or"


def _chain(eg: EGraph, x: int, k: int, e: int, lead: bool) -> int:
    """A priority chain over the bits of x (the front end's spelling of a count loop)."""
    acc = eg.k(e, k)
    for i in (range(k) if lead else range(k - 1, -1, -1)):
        bit = eg.add(("trunc", 1, None, eg.add(("lshr", k, i, x)))) if i else eg.add(("trunc", 1, None, x))
        acc = eg.add(("mux", e, None, bit, eg.k(e, k - 1 - i if lead else i), acc))
    return acc


@pytest.mark.parametrize("lead", [True, False])
def test_min_of_chains_is_count_of_or(lead):
    eg = EGraph()
    a, b = eg.add(("var", 6, "a")), eg.add(("var", 6, "b"))
    ca, cb = _chain(eg, a, 6, 3, lead), _chain(eg, b, 6, 3, lead)
    mn = eg.add(("mux", 3, None, eg.add(("ult", 1, None, ca, cb)), ca, cb))
    mx = eg.add(("mux", 3, None, eg.add(("ult", 1, None, ca, cb)), cb, ca))  # max: no OR count
    off = eg.add(("add", 3, None, ca, eg.k(3, 1)))
    mo = eg.add(("mux", 3, None, eg.add(("ult", 1, None, off, cb)), off, cb))  # offset count: none
    saturate(eg, max_nodes=20000, max_iters=4, time_s=30)
    op = "lzc" if lead else "tzc"
    assert any(n[0] == op for n in eg.nodes[eg.find(mn)])
    assert not any(n[0] == op for n in eg.nodes[eg.find(mx)])
    assert not any(n[0] == op for n in eg.nodes[eg.find(mo)])
    assert not any(n[0] == op for n in eg.nodes[eg.find(ca)])  # a count alone: no node of its own
    envs = [{"a": x, "b": y} for x in range(64) for y in range(0, 64, 3)]
    assert eg.check(envs) == []
    assert count_of(0b000100, 6, True) == 3 and count_of(0b000100, 6, False) == 2 and count_of(0, 6, True) == 6


# the min read by a register and as a shift amount, counts from a priority-loop function called inline
UNNAMED = """
module unnamed (
  input            clk,
  input      [9:0] ma,
  input      [9:0] mb,
  output reg [3:0] e_q,
  output reg [9:0] n_q
);
  function [3:0] clz10;
    input [9:0] v;
    integer i;
    begin
      clz10 = 4'd10;
      for (i = 0; i < 10; i = i + 1)
        if (v[i]) clz10 = 9 - i;
    end
  endfunction
  always @(posedge clk) begin
    e_q <= (clz10(ma) < clz10(mb)) ? clz10(ma) : clz10(mb);
    n_q <= ma << ((clz10(ma) < clz10(mb)) ? clz10(ma) : clz10(mb));
  end
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("src,top,name,orw", [
    (UNNAMED, "unnamed", "u.v", r"= ma \| mb;"),
    # found-flag function, min in a child
    ((GEN / "exp_align_v.v").read_text(), "pair_norm", "exp_align_v.v", r"= ma \| mb;"),
    # SV: trailing zeros, pairwise min functions inline in four register updates
    ((GEN / "shift_norm_sv.sv").read_text(), "shift_norm", "shift_norm_sv.sv", r"= l2 \| \(l1 \| l0\);"),
])
def test_min_of_counts_one_count_of_the_or(tmp_path, src, top, name, orw):
    new = _opt(src, top, name)
    assert new is not None
    body = new[new.index(f"module {top}"):]
    assert re.search(orw, body), body
    sfx = Path(name).suffix
    assert _proven(tmp_path, src, new, sfx, top) == "EQUIVALENT"
    assert _area(tmp_path, new, sfx, top, "after") < _area(tmp_path, src, sfx, top, "before") * 0.95


@pytest.mark.yosys
def test_max_of_counts_and_lone_count_untouched():
    maxed = UNNAMED.replace("(clz10(ma) < clz10(mb)) ? clz10(ma) : clz10(mb)",
                            "(clz10(ma) < clz10(mb)) ? clz10(mb) : clz10(ma)")
    assert maxed != UNNAMED
    new = _opt(maxed, "unnamed", "m.v")
    assert new is None or "ma | mb" not in new, new
    tz = (GEN / "tz_block_sv.sv").read_text()
    assert _opt(tz, "tzc8", "tz.sv") is None  # the casez count keeps its spelling
