"""E-graph: a shift there and back by one amount is a mask (``(a << p) >> p`` -> ``a & (~0 >> p)``,
``(a >> p) << p`` -> ``a & (~0 << p)``, the mask decoded from x when p = C - x cannot wrap), and an
equality through a common bijection is the equality of the arguments (XOR/add/sub of a common value,
NOT, negation, odd constant product, rotate by a common amount, common bit permutation). Near misses:
different amounts, different keys or rotate amounts, a non-bijective AND with a key, an amount that
wraps (no affine mask)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from rtlopt.egraph.core import EGraph, saturate
from tests.test_egraph_inst_read import _area, _opt, _proven

ROOT = Path(__file__).resolve().parents[1]


def _pair(W: int, aw: int, inner: str, outer: str, same: bool = True, affine: int | None = None):
    eg = EGraph()
    a = eg.add(("var", W, "a"))
    x = eg.add(("var", aw, "x"))
    p = x if affine is None else eg.add(("sub", aw, None, eg.k(aw, affine), x))
    q = p if same else eg.add(("var", aw, "y"))
    r = eg.add((outer, W, None, eg.add((inner, W, None, a, p)), q))
    return eg, a, r


@pytest.mark.parametrize("inner,outer,affine", [("shlv", "lshrv", None), ("lshrv", "shlv", None),
                                                ("shlv", "lshrv", 7), ("shlv", "lshrv", 5), ("shlv", "lshrv", 3)])
def test_shift_pair_is_a_mask_exhaustive(inner, outer, affine):
    eg, a, r = _pair(8, 3, inner, outer, affine=affine)
    saturate(eg, max_nodes=4000, max_iters=6, time_s=20)
    assert any(n[0] == "and" for n in eg.nodes[eg.find(r)])
    envs = [{"a": va, "x": vx} for va, vx in itertools.product(range(0, 256, 7), range(8))]
    assert eg.check(envs) == []


def test_affine_mask_only_without_wrap():
    eg, a, r = _pair(8, 3, "shlv", "lshrv", affine=7)  # 7 - x never wraps: mask from x itself
    saturate(eg, max_nodes=4000, max_iters=6, time_s=20)
    assert any(n[0] == "not" for c in eg.classes() for n in eg.nodes[c] if eg.w(c) == 8)
    eg, a, r = _pair(8, 3, "shlv", "lshrv", affine=5)  # 5 - x wraps for x > 5: no decoded-from-x form
    saturate(eg, max_nodes=4000, max_iters=6, time_s=20)
    assert not any(n[0] == "not" for c in eg.classes() for n in eg.nodes[c] if eg.w(c) == 8)


def test_shift_pair_different_amounts_not_a_mask():
    eg, a, r = _pair(8, 3, "shlv", "lshrv", same=False)
    saturate(eg, max_nodes=4000, max_iters=6, time_s=20)
    assert not any(n[0] == "and" for n in eg.nodes[eg.find(r)])


def _eq_of(op: str, same_key: bool = True, odd: int = 5):
    eg = EGraph()
    a, b = eg.add(("var", 6, "a")), eg.add(("var", 6, "b"))
    k1 = eg.add(("var", 6, "k"))
    k2 = k1 if same_key else eg.add(("var", 6, "j"))
    if op in ("not", "neg"):
        fa, fb = eg.add((op, 6, None, a)), eg.add((op, 6, None, b))
    elif op == "mul":
        fa, fb = eg.add((op, 6, None, a, eg.k(6, odd))), eg.add((op, 6, None, eg.k(6, odd), b))
    else:
        fa, fb = eg.add((op, 6, None, a, k1)), eg.add((op, 6, None, k2 if op != "sub" else b, b if op != "sub" else k2))
        if op == "sub":
            fb = eg.add(("sub", 6, None, b, k2))
    c = eg.add(("eq", 1, None, fa, fb))
    saturate(eg, max_nodes=4000, max_iters=4, time_s=20)
    plain = eg.memo.get(eg.canon(("eq", 1, None, a, b))) or eg.memo.get(eg.canon(("eq", 1, None, b, a)))
    return eg, plain is not None and eg.find(plain) == eg.find(c)


@pytest.mark.parametrize("op", ["xor", "add", "sub", "not", "neg", "mul"])
def test_common_bijection_stripped(op):
    eg, ok = _eq_of(op)
    assert ok
    envs = [{"a": x, "b": y, "k": k, "j": 3} for x, y, k in itertools.product(range(0, 64, 5), range(0, 64, 9), (0, 7, 63))]
    assert eg.check(envs) == []


@pytest.mark.parametrize("op,same,odd", [("xor", False, 5), ("add", False, 5), ("and", True, 5), ("or", True, 5),
                                         ("mul", True, 6)])
def test_near_misses_keep_the_function(op, same, odd):
    assert not _eq_of(op, same_key=same, odd=odd)[1]


def own_design(sub: str, fname: str, module: str) -> tuple[str, str, str, str]:
    """(original text, rewritten text, rewritten body of ``module``, suffix) of an own design."""
    f = ROOT / "designs" / "generalization" / sub / fname
    text = f.read_text()
    new = _opt(text, module, fname)
    assert new is not None
    body = new[new.index(f"module {module}"):]
    return text, new, body[:body.index("endmodule")], f.suffix


def proven_smaller(tmp_path, text: str, new: str, suffix: str, top: str) -> None:
    assert _proven(tmp_path, text, new, suffix, top) == "EQUIVALENT"
    assert _area(tmp_path, new, suffix, top, "new") < _area(tmp_path, text, suffix, top, "old")


@pytest.mark.yosys
@pytest.mark.parametrize("sub,fname,top,module", [
    ("shift_pair_mask", "field_fn_v.v", "field_fn_v", "fld_unit"),
    ("shift_pair_mask", "trim_sv.sv", "trim_sv", "trimmer"),
    ("bij_equal", "tag_match_v.v", "tag_match_v", "tag_match_v"),
    ("bij_equal", "salt_cmp_sv.sv", "salt_cmp_sv", "salt_cmp_sv"),
])
def test_own_designs_rewritten_proven_smaller(tmp_path, sub, fname, top, module):
    text, new, body, suffix = own_design(sub, fname, module)
    if sub == "shift_pair_mask":
        assert "&" in body
    else:
        assert "look ==" in body or "== look" in body or "== req" in body, body
        assert "(w0 & msk) == (req & msk)" in body or "mhit" not in body  # the masked compare stays
    proven_smaller(tmp_path, text, new, suffix, top)


BAD_KEYS = """
module k2 (input [7:0] p, input [7:0] q, input [7:0] k, input [7:0] j, input [2:0] r, input [2:0] s,
           output e1, output e2, output e3);
  assign e1 = (p ^ k) == (q ^ j);
  assign e2 = ({p[6:0], p[7]}) == ({q[0], q[7:1]});
  wire [7:0] x = p ^ k, y = q ^ k;
  assign e3 = ((x << r) | (x >> (8 - r))) == ((y << s) | (y >> (8 - s)));
endmodule
"""


def test_different_keys_amounts_permutations_not_stripped():
    new = _opt(BAD_KEYS, "k2", "k2.v")
    if new is not None:
        assert "p == q" not in new and "q == p" not in new


RESTYLES = {
    "low_fn": ("""
module low_fn #(parameter int W = 16) (input logic [W-1:0] a, input logic [3:0] n, output logic [W-1:0] y,
                                       output logic [W-1:0] z);
  function automatic logic [W-1:0] lowbits(input logic [W-1:0] v, input logic [3:0] p);
    logic [W-1:0] t;
    t = v >> p;
    lowbits = t << p;
  endfunction
  assign y = lowbits(a, n);
  always_comb begin
    z = a << (4'd15 - n);
    z = z >> (4'd15 - n);
  end
endmodule
""", ".sv", "<<"),
    "xor_add_ne": ("""
module xor_add_ne (input [11:0] a, input [11:0] b, input [11:0] k, input [11:0] c, output e1);
  assign e1 = ((a ^ k) + c) != ((b ^ k) + c);
endmodule
""", ".v", "a != b"),
}


@pytest.mark.yosys
@pytest.mark.parametrize("top", sorted(RESTYLES))
def test_restyles_fire_and_prove(tmp_path, top):
    text, suffix, want = RESTYLES[top]
    new = _opt(text, top, f"{top}{suffix}")
    assert new is not None
    body = new[new.index(f"module {top}"):]
    assert want in body.split("endfunction")[-1]
    assert _proven(tmp_path, text, new, suffix, top) == "EQUIVALENT"
