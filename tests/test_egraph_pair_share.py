"""datapath_egraph r_pair_share: several sums of +-1 terms over common leaves (a Hadamard matrix written
out row by row) are regrouped into leaf pairs that another sum also contains, the pairs of two
sign-extended words kept one bit wider than the words, so the DAG extraction builds each pair once (12
adders -> 8, a two-stage butterfly). Checked exhaustively in the e-graph; Verilog named wires and an SV
packed always_comb fire and are proven; sums that share no pair, a lone sum and a doubled term do not
fire."""

from __future__ import annotations

import re

import pytest
from _proof import abc_verdict

from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph, r_pair_share, saturate

ROWS_V = """module h4v (input signed [4:0] a, b, c, d, output signed [6:0] y0, y1, y2, y3);
  wire signed [6:0] t1 = a - b + c - d;
  assign y0 = a + b + c + d;
  assign y1 = t1;
  assign y2 = a + b - c - d;
  assign y3 = a - b - c + d;
endmodule
"""

PACKED_SV = """module h4p (input logic signed [3:0][4:0] p, output logic signed [3:0][6:0] q);
  always_comb begin
    q[3] = $signed(p[3]) - $signed(p[2]) - $signed(p[1]) + $signed(p[0]);
    q[2] = $signed(p[3]) + $signed(p[2]) - $signed(p[1]) - $signed(p[0]);
    q[1] = $signed(p[3]) - $signed(p[2]) + $signed(p[1]) - $signed(p[0]);
    q[0] = $signed(p[3]) + $signed(p[2]) + $signed(p[1]) + $signed(p[0]);
  end
endmodule
"""

DISJOINT = """module nm1 (input signed [4:0] a, b, c, d, e, f, output signed [6:0] y0, y1);
  assign y0 = a + b + c;
  assign y1 = d - e + f;
endmodule
"""

LONE = """module nm2 (input signed [4:0] a, b, c, d, output signed [6:0] y0);
  assign y0 = a - b + c - d;
endmodule
"""


def _adders(text: str) -> int:
    body = "\n".join(ln for ln in text.splitlines() if "assign" in ln or "=" in ln)
    return len(re.findall(r"(?<![<>=!])[+-](?![+-:=])", body))


def _fires(text: str, name: str):
    return [(new, i) for _m, new, i in optimize_text(text, name=name)]


def test_pair_share_exhaustive():
    """Four Hadamard rows over 3-bit leaves in 5 bits: every node the rule adds keeps its class's value,
    and each row's class gets a regrouping over shared pairs."""
    w = 5
    eg = EGraph()
    leaf = {k: eg.add(("sext", w, None, eg.add(("var", 3, k)))) for k in "abcd"}

    def row(signs):
        acc = leaf["a"]
        for k, s in zip("bcd", signs, strict=True):
            acc = eg.add(("add" if s > 0 else "sub", w, None, acc, leaf[k]))
        return acc

    rows = [row(s) for s in ((1, 1, 1), (1, -1, -1), (-1, -1, 1), (-1, 1, -1))]
    before = {eg.find(r): len(eg.nodes[eg.find(r)]) for r in rows}
    saturate(eg, rules=[r_pair_share], max_iters=2, max_nodes=100000, time_s=30)
    assert all(len(eg.nodes[eg.find(r)]) > before[r] for r in rows)
    assert any(m[0] == "sext" and eg.has(m[3], "sub") for cl in eg.classes() for m in eg.nodes[cl]
               if m[1] == w)  # a narrow pair difference
    assert eg.check([{"a": x, "b": y, "c": z, "d": t} for x in range(8) for y in range(8)
                     for z in range(8) for t in range(8)]) == []


def test_no_shared_pair_no_rewrite():
    w = 6
    eg = EGraph()
    a, b, c, d, e, f = (eg.add(("var", w, k)) for k in "abcdef")
    y0 = eg.add(("add", w, None, a, eg.add(("add", w, None, b, c))))
    y1 = eg.add(("add", w, None, eg.add(("sub", w, None, d, e)), f))
    eg.add(("add", w, None, a, eg.add(("sub", w, None, d, f))))  # shares leaves d, f: d - f, not d + f
    n0 = eg.size()
    saturate(eg, rules=[r_pair_share], max_iters=2)
    assert eg.size() == n0 and eg.find(y0) != eg.find(y1)


def test_doubled_term_is_not_a_unit_sum():
    """a + a + b + c has a coefficient 2: not a +-1 sum, left alone even beside a partner."""
    w = 6
    eg = EGraph()
    a, b, c = (eg.add(("var", w, k)) for k in "abc")
    eg.add(("add", w, None, eg.add(("add", w, None, eg.add(("add", w, None, a, a)), b)), c))
    eg.add(("sub", w, None, eg.add(("add", w, None, a, b)), c))
    n0 = eg.size()
    saturate(eg, rules=[r_pair_share], max_iters=2)
    assert eg.size() == n0


@pytest.mark.yosys
@pytest.mark.parametrize("text,top,suffix", [(ROWS_V, "h4v", ".v"), (PACKED_SV, "h4p", ".sv")])
def test_butterfly_fires_and_proves(tmp_path, text, top, suffix):
    got = _fires(text, "h" + suffix)
    assert got, "no rewrite"
    new, info = got[0]
    assert info["model_after"] < info["model_before"] * 0.85
    assert _adders(new) < _adders(text)
    old = tmp_path / ("old" + suffix)
    old.write_text(text)
    assert abc_verdict(tmp_path, old, new, top, timeout_s=300) == "EQUIVALENT"


@pytest.mark.parametrize("text", [DISJOINT, LONE])
def test_near_misses_do_not_fire(text):
    for new, _i in _fires(text, "n.v"):
        assert _adders(new) >= _adders(text)
