"""A shift there and back by one variable amount is a mask (bit-field extraction).

- ``r_shift_pair_mask``: ``(a << p) >> p`` (both at width W, one amount class) keeps the low W - p bits,
  ``a & (~0 >> p)``; ``(a >> p) << p`` clears the low p bits, ``a & (~0 << p)`` (exact for every p, also
  p >= W where both sides are 0). Two barrel shifters become an AND with a thermometer mask: a shift of
  a constant, which synthesis folds into a decoder.
- The mask simplifies through an affine amount: with ``p = C - x`` (C constant, x never above C, so the
  amount does not wrap) and C <= W, ``~0 >> p`` has bit i set iff ``i < W - C + x``, which is
  ``~((~0 << (W - C)) << x)`` (no subtractor, the mask decoded from x itself; ``p = ~x`` is C = 2^|x| - 1).
"""

from __future__ import annotations

from rtlopt.egraph import core
from rtlopt.egraph.core import EGraph, _bits, mask


def _affine(eg: EGraph, p: int) -> list[tuple[int, int]]:
    """(C, x) with p = C - x at p's width and x <= C for every value of x."""
    out = []
    wp = eg.w(p)
    for m in eg.nodes[eg.find(p)]:
        if m[0] == "sub" and eg.cval(m[3]) is not None and eg.cval(m[4]) is None:
            C, x = eg.cval(m[3]), m[4]
        elif m[0] == "not" and eg.w(m[3]) == wp:
            C, x = mask(wp), m[3]
        else:
            continue
        if mask(_bits(eg, x)) <= C:
            out.append((C, eg.find(x)))
    return out


def _low_mask(eg: EGraph, W: int, p: int) -> int:
    """~0 >> p at width W (bit i set iff i < W - p), also decoded from x when p = C - x."""
    base = eg.add(("lshrv", W, None, eg.k(W, mask(W)), p))
    for C, x in _affine(eg, p):
        if C > W:
            continue
        alt = eg.add(("not", W, None, eg.add(("shlv", W, None, eg.k(W, mask(W) << (W - C)), x))))
        eg.pending.append((base, alt))
    return base


def r_shift_pair_mask(eg: EGraph, c: int, n: tuple) -> None:
    op = n[0]
    if op not in ("lshrv", "shlv"):
        return
    W = n[1]
    inner_op = "shlv" if op == "lshrv" else "lshrv"
    done = eg.__dict__.setdefault("_shift_pair_done", set())
    for m in eg.has(n[3], inner_op):
        if m[1] != W or eg.find(m[4]) != eg.find(n[4]):
            continue
        key = (eg.find(c), eg.find(m[3]), eg.find(n[4]))
        if key in done:
            return
        done.add(key)
        p = eg.find(n[4])
        mk = _low_mask(eg, W, p) if op == "lshrv" else eg.add(("shlv", W, None, eg.k(W, mask(W)), p))
        eg.pending.append((c, eg.add(("and", W, None, m[3], mk))))
        return


if r_shift_pair_mask not in core.RULES:
    core.RULES.append(r_shift_pair_mask)
