"""Variable shifts by one amount distributed over a sum.

- ``r_shift_distribute``: ``(a << s) + (b << s)`` is ``(a + b) << s`` and ``(a << s) - (b << s)`` is
  ``(a - b) << s`` (same amount class, every operand at the result width: modular identities, exact for
  any amount, also ``s >= W`` where both sides are 0). Sums of several fold pairwise with
  associativity, so N shifters become one.
- ``r_ext_shlv``: ``sext_W(x <<_w s)`` is ``sext_W(x) <<_W s`` (and ``zext`` alike) when ``x << s`` cannot
  leave the w-bit signed (unsigned) range for any value of s (interval bounds of x, largest amount
  ``2^|s| - 1``): shifts named at a narrower width (a gain module's output) then meet in the wider sum.
"""

from __future__ import annotations

from rtlopt.egraph import core
from rtlopt.egraph.core import EGraph, _bits, _fits, _srange, mask


def r_shift_distribute(eg: EGraph, c: int, n: tuple) -> None:
    op = n[0]
    if op not in ("add", "sub"):
        return
    w = n[1]
    for sa in eg.has(n[3], "shlv"):
        for sb in eg.has(n[4], "shlv"):
            if sa[1] != w or sb[1] != w or eg.find(sa[4]) != eg.find(sb[4]):
                continue
            inner = eg.add((op, w, None, sa[3], sb[3]))
            eg.pending.append((c, eg.add(("shlv", w, None, inner, sa[4]))))
            return


def _max_amount(eg: EGraph, s: int) -> int:
    k = eg.cval(s)
    return k if k is not None else mask(min(eg.w(s), 16))


def r_ext_shlv(eg: EGraph, c: int, n: tuple) -> None:
    op = n[0]
    if op not in ("sext", "zext"):
        return
    W = n[1]
    for sh in eg.has(n[3], "shlv"):
        x, s = sh[3], sh[4]
        w = sh[1]
        k = _max_amount(eg, s)
        if k >= w:
            continue
        if op == "sext":
            lo, hi = _srange(eg, x)
            if not _fits((lo << k, hi << k), w):
                continue
        elif _bits(eg, x) + k > w:
            continue
        eg.pending.append((c, eg.add(("shlv", W, None, eg.add((op, W, None, x)), s))))
        return


for _r in (r_shift_distribute, r_ext_shlv):
    if _r not in core.RULES:
        core.RULES.append(_r)


def _unzext(eg: EGraph, c: int) -> int:
    c = eg.find(c)
    for _ in range(3):
        inner = [m[3] for m in eg.nodes[c] if m[0] == "zext"]
        if not inner:
            break
        c = eg.find(inner[0])
    return c


def _as(eg: EGraph, x: int, w: int) -> int | None:
    """Existing class of x zero-extended to w bits (x itself at its own width)."""
    if eg.w(x) == w:
        return eg.find(x)
    if eg.w(x) > w:
        return None
    got = eg.memo.get(eg.canon(("zext", w, None, x)))
    return None if got is None else eg.find(got)


def _existing_product(eg: EGraph, x: int, y: int, w: int) -> int | None:
    """A class holding x*y at width w that the graph already computes: the product itself, or an
    exact narrower product of the zero-extension bases widened to w."""
    got = eg.memo.get(eg.canon(("mul", w, None, x, y))) or eg.memo.get(eg.canon(("mul", w, None, y, x)))
    if got is not None:
        return got
    x0, y0 = _unzext(eg, x), _unzext(eg, y)
    if x0 == eg.find(x) and y0 == eg.find(y):
        return None
    need = _bits(eg, x0) + _bits(eg, y0)
    for wn in range(max(need, eg.w(x0), eg.w(y0)), w):
        a, b = _as(eg, x0, wn), _as(eg, y0, wn)
        if a is None or b is None:
            continue
        got = eg.memo.get(eg.canon(("mul", wn, None, a, b))) or eg.memo.get(eg.canon(("mul", wn, None, b, a)))
        if got is not None:
            return eg.add(("zext", w, None, got))
    return None


def r_offset_product(eg: EGraph, c: int, n: tuple) -> None:
    """``(x + j) * (y + k)`` -> ``x*y + k*x + j*y + j*k`` (constants j, k; modular at the width, so
    exact): the product of the offsets shares the plain product ``x*y`` another output computes
    (an inclusive ``(w+1)*(h+1)`` beside ``w*h``), also when that product is an exact narrower one of
    the zero-extended words. Fires only when ``x*y`` is already computed, so products that stand
    alone are left alone."""
    if n[0] != "mul":
        return
    w = n[1]
    for pa in eg.has(n[3], "add"):
        for pb in eg.has(n[4], "add"):
            j, k = eg.cval(pa[4]), eg.cval(pb[4])
            x, y = pa[3], pb[3]
            if j is None or k is None or eg.cval(x) is not None or eg.cval(y) is not None:
                continue
            xy = _existing_product(eg, x, y, w)
            if xy is None:
                continue
            t = eg.add(("add", w, None, xy, eg.add(("mul", w, None, x, eg.k(w, k)))))
            t = eg.add(("add", w, None, t, eg.add(("mul", w, None, y, eg.k(w, j)))))
            eg.pending.append((c, eg.add(("add", w, None, t, eg.k(w, j * k)))))
            return


if r_offset_product not in core.RULES:
    core.RULES.append(r_offset_product)
