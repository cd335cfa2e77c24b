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
