"""Integer square root recognised by value (part of the algorithm library, :mod:`rtlopt.semantic.algos`).

A word that equals ``floor(sqrt(a))`` of an operand on every vector -- however it is written: trial
squarings from the top bit (``t = r | 1 << b; if (t * t <= a) r = t``), a table, a search loop -- is
emitted as the digit-by-digit (restoring) square root: two bits of ``a`` per step, one subtraction of
``{q, 01}`` from the partial remainder per result bit, no multiplier. The search proves every candidate.
"""

from __future__ import annotations

import numpy as np

from rtlopt.semantic.netlist import mask

KINDS = frozenset({"isqrt"})
MAX_W = 32  # operand bits (the result has half as many)


def _isqrt(v: np.ndarray) -> np.ndarray:
    r = np.floor(np.sqrt(v.astype(np.float64))).astype(np.uint64)
    # float rounding near perfect squares: correct by one either way
    r = np.where(r * r > v, r - np.uint64(1), r)
    r = np.where((r + np.uint64(1)) * (r + np.uint64(1)) <= v, r + np.uint64(1), r)
    return r


def emit_isqrt(x: str, wa: int, pre: str) -> tuple[str, list[str]]:
    """``(result name, declarations)`` of the restoring square root of the ``wa``-bit word ``x``."""
    n = (wa + 1) // 2  # result bits
    w2 = 2 * n
    decls = [f"wire [{w2 - 1}:0] {pre}_x = {x};"]
    rem, q = f"{n + 2}'d0", None
    for i in range(n):
        hi = w2 - 1 - 2 * i
        cur = f"{{{rem}[{n - 1}:0], {pre}_x[{hi}:{hi - 1}]}}" if i else f"{{{n}'d0, {pre}_x[{hi}:{hi - 1}]}}"
        sub = f"{{1'b0, {q}, 2'b01}}" if q is not None else f"{n + 3}'d1"
        decls.append(f"wire [{n + 1}:0] {pre}_c{i} = {cur};")
        decls.append(f"wire [{n + 2}:0] {pre}_t{i} = {{1'b0, {pre}_c{i}}} - {sub};")
        if i < n - 1:
            decls.append(f"wire [{n + 1}:0] {pre}_r{i} = {pre}_t{i}[{n + 2}] ? {pre}_c{i} : {pre}_t{i}[{n + 1}:0];")
        bit = f"~{pre}_t{i}[{n + 2}]"
        qn = f"{{{q}[{n - 2}:0], {bit}}}" if q is not None else f"{{{n - 1}'d0, {bit}}}"
        decls.append(f"wire [{n - 1}:0] {pre}_q{i} = {qn};")
        rem, q = f"{pre}_r{i}", f"{pre}_q{i}"
    return q, decls


def match_isqrt(t: np.ndarray, w: int, ops) -> list[tuple]:
    """``("isqrt", (a,), [expr])`` when ``t`` (``w`` bits) is ``floor(sqrt(a))`` on every vector."""
    from rtlopt.semantic.algos import _h, _ident, _remember
    out: list[tuple] = []
    if w > 16 or not len(t):
        return out
    t = t & mask(w)
    for a in ops:
        if a.signed or not 4 <= a.width <= MAX_W or (a.width + 1) // 2 > w:
            continue
        av = a.value & mask(a.width)
        if int(av.max()) < 16 or not np.array_equal(_isqrt(av), t):
            continue
        n = (a.width + 1) // 2
        pre = f"{_ident(a.text)}_sqrt_{_h(a.text, a.width, w)}"
        res, decls = emit_isqrt(a.text, a.width, pre)
        e = res if w == n else f"{{{w - n}'d0, {res}}}"
        out.append(("isqrt", (a,), [_remember(e, decls)]))
        break
    return out


__all__ = ["KINDS", "emit_isqrt", "match_isqrt"]
