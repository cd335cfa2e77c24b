"""Absolute difference recognised by simulation signatures (a library extension of :mod:`lift`).

A word that equals ``|a - b|`` of two words (unsigned or signed), whatever the spelling -- a compare
choosing between ``a - b`` and ``b - a``, a case on the sign of a difference, a function, a max minus
a min -- is one ``n+1``-bit subtraction whose sign (the borrow) decides a conditional negate of its
low ``n`` bits: one subtractor instead of two (and no separate comparator). The helper word holds
the magnitude; the search loop proves every candidate.
"""

from __future__ import annotations

import numpy as np

from rtlopt.semantic.netlist import mask

KINDS = frozenset({"abs_diff", "abs_diff_signed"})


def _signed(x: np.ndarray, w: int) -> np.ndarray:
    sh = np.uint64(64 - w)
    return (x << sh).view(np.int64) >> np.int64(64 - w)


def _ext(o, k: int, signed: bool) -> str:
    pad = k - o.width
    if pad <= 0:
        return o.text
    msb = o.text if o.width == 1 else f"{o.base}[{o.offset + o.width - 1}]"
    fill = f"{{{pad}{{{msb}}}}}" if signed else f"{pad}'d0"
    return f"{{{fill}, {o.text}}}"


def match_absdiff(t: np.ndarray, w: int, ops) -> list[tuple]:
    """``(kind, (a, b), [expr, ...])`` when ``t`` (``w`` bits) is ``|a - b|`` on every vector."""
    from rtlopt.semantic.algos import _h, _ident, _remember
    out: list[tuple] = []
    if w < 2 or w > 62 or not len(t):
        return out
    m = mask(w)
    t = t & m
    words = [o for o in ops if 2 <= o.width <= 61]
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            n = max(a.width, b.width)
            if n > w:
                continue
            av, bv = a.value & mask(a.width), b.value & mask(b.width)
            found = None
            d = np.where(av >= bv, av - bv, bv - av)
            if bool((av > bv).any()) and bool((av < bv).any()) and np.array_equal(d & m, t):
                found = ("abs_diff", False)
            else:
                sd = _signed(av, a.width) - _signed(bv, b.width)
                if bool((sd < 0).any()) and bool((sd > 0).any()) and \
                        np.array_equal(np.abs(sd).view(np.uint64) & m, t):
                    found = ("abs_diff_signed", True)
            if found is None:
                continue
            kind, signed = found
            k = n + 1
            exprs = []
            for alt in range(2):
                pre = f"{_ident(a.base)}_ad_{_ident(b.base)}{alt}_{_h(a.text, b.text, signed, k, w, alt)}"
                neg = f"(~{pre}_d[{n - 1}:0] + 1'b1)" if alt == 0 else f"-{pre}_d[{n - 1}:0]"
                decls = [f"wire [{k - 1}:0] {pre}_d = {_ext(a, k, signed)} - {_ext(b, k, signed)};",
                         f"wire [{n - 1}:0] {pre}_m = {pre}_d[{k - 1}] ? {neg} : {pre}_d[{n - 1}:0];"]
                e = f"{pre}_m" if w == n else f"{{{w - n}'d0, {pre}_m}}"
                exprs.append(_remember(e, decls))
            out.append((kind, (a, b), exprs))
    return out
