"""datapath_egraph front end: an element of a packed array (``logic [N-1:0][W-1:0] x; x[i]``, the index a
constant or an unrolled loop variable) is a slice of the array's bits, so a sum of |x[i] - y[i]| over packed
rows gets the one-subtractor absolute difference like the same sum over flat buses (it used to be no
rewrite: the loop-indexed select was unsupported). Descending and ascending element orders checked on
random vectors against Python; the rewrite fires and is proven by the verifier; a near miss
(``p >= q ? p - q : q - p - 1``) and a pair of different elements do not become |p - q|."""

from __future__ import annotations

import random
import re
import textwrap
from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import saturate
from rtlopt.egraph.front import build_module, module_bodies
from rtlopt.templates._sem import analyze

# descending rows, |p - q| from a function with a > compare, summed in an int loop
DESC_FN = """module rowcost(input logic [2:0][9:0] u, input logic [2:0][9:0] v, output logic [11:0] c);
  function automatic logic [9:0] gap(input logic [9:0] p, input logic [9:0] q);
    if (p > q) gap = p - q;
    else gap = q - p;
  endfunction
  always_comb begin
    c = '0;
    for (int j = 0; j < 3; j++) c = c + gap(u[j], v[j]);
  end
endmodule
"""

# ascending rows (element 0 is the most significant), if (p < q) in the function, a bias added first
ASC_FN = """module edgerow #(parameter int N = 4, parameter int W = 5) (
    input logic [0:N-1][W-1:0] l, input logic [0:N-1][W-1:0] r, input logic [7:0] b,
    output logic [7:0] s);
  function automatic logic [W-1:0] m(input logic [W-1:0] p, input logic [W-1:0] q);
    if (p < q) m = q - p;
    else m = p - q;
  endfunction
  always_comb begin
    s = b;
    for (int k = 0; k < N; k++) s = s + m(l[k], r[k]);
  end
endmodule
"""

# element order: ascending from 0, descending down to 1
ORDER = """module ord(input logic [0:2][5:0] a, input logic [3:1][5:0] b, output logic [6:0] y, output logic [6:0] z);
  assign y = a[0] + b[1];
  assign z = a[2] - b[3];
endmodule
"""

# near miss: the else arm is q - p - 1 (not |p - q|)
NEAR_OFF1 = """module nm1(input logic [2:0][7:0] u, input logic [2:0][7:0] v, output logic [9:0] c);
  function automatic logic [7:0] f(input logic [7:0] p, input logic [7:0] q);
    if (p >= q) f = p - q;
    else f = q - p - 8'd1;
  endfunction
  always_comb begin
    c = '0;
    for (int j = 0; j < 3; j++) c = c + f(u[j], v[j]);
  end
endmodule
"""

# near miss: the compare reads u[j] and v[j], the subtractions u[j] and v[2 - j]
NEAR_PAIR = """module nm2(input logic [2:0][7:0] u, input logic [2:0][7:0] v, output logic [9:0] c);
  always_comb begin
    c = '0;
    for (int j = 0; j < 3; j++) c = c + ((u[j] > v[j]) ? u[j] - v[2 - j] : v[2 - j] - u[j]);
  end
endmodule
"""


def _graph(src: str):
    an = analyze(textwrap.dedent(src))
    (body,) = module_bodies(an)
    return build_module(an, body)


def _elem(x: int, k: int, n: int, w: int, ascending: bool) -> int:
    pos = n - 1 - k if ascending else k
    return (x >> (w * pos)) & ((1 << w) - 1)


def _check(src: str, out: str, ref, n_vec: int = 60) -> None:
    mg = _graph(src)
    saturate(mg.eg, max_nodes=6000, max_iters=6, time_s=30)
    rnd = random.Random(7)
    named = {r.lhs for r in mg.roots if r.nameable}
    envs = [{k: rnd.getrandbits(lf.width) for k, lf in mg.leaves.items() if k not in named} for _ in range(n_vec)]
    assert mg.eg.check(envs) == []
    cls = mg.eg.find(next(r for r in mg.roots if r.lhs == out).cls)
    for env in envs:
        assert mg.eg.values(env)[cls] == ref(env), env


def _has_borrow_abs(src: str, out: str) -> bool:
    """Some class of the saturated graph is a mux selected by a borrow (one bit of a difference)."""
    mg = _graph(src)
    saturate(mg.eg, max_nodes=6000, max_iters=6, time_s=30)
    assert any(r.lhs == out for r in mg.roots)
    eg = mg.eg
    for c in list(eg.nodes):
        for n in eg.nodes[c]:
            if n[0] == "mux" and any(m[0] == "trunc" and m[1] == 1 and any(
                    k[0] == "lshr" and any(s[0] == "sub" for s in eg.nodes[eg.find(k[3])])
                    for k in eg.nodes[eg.find(m[3])]) for m in eg.nodes[eg.find(n[3])]):
                return True
    return False


def test_descending_rows_read_the_right_elements():
    _check(DESC_FN, "c", lambda e: sum(abs(_elem(e["u"], j, 3, 10, False) - _elem(e["v"], j, 3, 10, False))
                                       for j in range(3)) & 0xFFF)


def test_ascending_rows_read_the_right_elements():
    _check(ASC_FN, "s", lambda e: (e["b"] + sum(abs(_elem(e["l"], k, 4, 5, True) - _elem(e["r"], k, 4, 5, True))
                                               for k in range(4))) & 0xFF)


def test_element_order_of_both_directions():
    _check(ORDER, "y", lambda e: (e["a"] >> 12) + (e["b"] & 63))
    _check(ORDER, "z", lambda e: ((e["a"] & 63) - (e["b"] >> 12)) & 127)


def test_near_misses_keep_their_values():
    def off1(e):
        t = 0
        for j in range(3):
            p, q = _elem(e["u"], j, 3, 8, False), _elem(e["v"], j, 3, 8, False)
            t += (p - q) if p >= q else ((q - p - 1) & 0xFF)
        return t & 0x3FF

    def pair(e):
        t = 0
        for j in range(3):
            p, q, q2 = _elem(e["u"], j, 3, 8, False), _elem(e["v"], j, 3, 8, False), _elem(e["v"], 2 - j, 3, 8, False)
            t += (p - q2) if p > q else (q2 - p)
        return t & 0x3FF

    _check(NEAR_OFF1, "c", off1)
    _check(NEAR_PAIR, "c", pair)


def test_borrow_abs_only_for_the_real_absdiff():
    assert _has_borrow_abs(DESC_FN, "c") and _has_borrow_abs(ASC_FN, "s")
    assert not _has_borrow_abs(NEAR_OFF1, "c")
    assert not _has_borrow_abs(NEAR_PAIR, "c")


@pytest.mark.yosys
@pytest.mark.parametrize("text,top,n", [(DESC_FN, "rowcost", 3), (ASC_FN, "edgerow", 4)], ids=["descending", "ascending"])
def test_packed_sad_fires_and_is_proven(tmp_path: Path, text, top, n):
    from rtlopt.verify import VerifyOptions, check_equivalence

    got = optimize_text(text, "t.sv")
    assert got and got[0][0] == top, got
    new = got[0][1]
    subs = [ln for ln in new.splitlines() if ln.strip().startswith("assign") and re.search(r"\w - \w", ln)]
    assert len(subs) == n, new  # one subtraction per element, not two
    assert "for (int" not in new.split("endfunction")[-1], new
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / "t.sv").write_text(text)
    (tmp_path / "gate" / "t.sv").write_text(new)
    r = check_equivalence(open_design(tmp_path / "gold" / "t.sv"), open_design(tmp_path / "gate" / "t.sv"),
                          VerifyOptions(timeout_s=120))
    assert r.verdict.name == "EQUIVALENT", new
