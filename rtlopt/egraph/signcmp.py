"""Word-level compares that need no datapath: the sign of a product, the bound of a min/max.

- ``r_product_sign``: ``p*q < 0`` / ``<= 0`` / ``> 0`` / ``>= 0`` (signed) and ``p*q == 0`` / ``!= 0``
  (either signedness, also ``0 < p*q`` unsigned) when the product is exact at its width (the integer
  product never wraps: interval bounds of the operands read signed for the signed compares, signed or
  unsigned for the zero tests). The sign of an exact product is the product of the signs, so the
  compare becomes tests on the operands' sign bits and zero tests: ``p*q < 0`` is
  ``(p < 0) != (q < 0) && p != 0 && q != 0``. The tests look through sign extensions (same sign and
  zero test) and zero extensions (never negative), so the narrow operands are tested.
- ``r_minmax_cmp``: a compare of a min or max with a bound, ``min(x, y) < T`` is ``x < T || y < T``,
  ``max(x, y) < T`` is ``x < T && y < T`` (and the mirrored ``T < min`` / ``T < max``, ``<=`` alike),
  where the min/max is a select ``s ? x : y`` whose condition compares the two arms in the same
  signedness as the outer compare (``x < y``, ``x <= y``, ``y < x``, their negations; arms that are the
  matching extension of the compared words).
"""

from __future__ import annotations

from rtlopt.egraph import core
from rtlopt.egraph.core import EGraph, _bits, _fits, _interval, _srange


def _exact_mul(eg: EGraph, p: int, q: int, signed: bool) -> bool:
    w = eg.w(p)
    if signed:
        return _fits(_interval("mul", _srange(eg, p), _srange(eg, q)), w)
    return _bits(eg, p) + _bits(eg, q) <= w


def _strip(eg: EGraph, p: int) -> tuple[int, bool]:
    """(narrowest class with the same sign and zero test as p, whether it is known non-negative)."""
    p = eg.find(p)
    nonneg = False
    for _ in range(4):
        nxt = None
        for n in eg.nodes[p]:
            if n[0] == "sext" and not nonneg:
                nxt = n[3]
            elif n[0] == "zext" and eg.w(n[3]) < eg.w(p):
                nxt, nonneg = n[3], True
            if nxt is not None:
                break
        if nxt is None:
            break
        p = eg.find(nxt)
    return p, nonneg


def _tests(eg: EGraph, p: int) -> tuple[int, int]:
    """1-bit classes (p <s 0, p != 0) on the narrowest equivalent operand."""
    x, nonneg = _strip(eg, p)
    zero = eg.k(eg.w(x), 0)
    nz = eg.add(("ne", 1, None, x, zero))
    neg = eg.k(1, 0) if nonneg else eg.add(("slt", 1, None, x, zero))
    return neg, nz


def r_product_sign(eg: EGraph, c: int, n: tuple) -> None:
    """Sign and zero tests of an exact product as tests of its operands (see module doc)."""
    op = n[0]
    if op not in core.CMP:
        return
    a, b = n[3], n[4]
    if eg.cval(b) == 0 and eg.cval(a) is None:
        m, left = a, True
    elif eg.cval(a) == 0 and eg.cval(b) is None:
        m, left = b, False
    else:
        return
    # what the compare asks: neg, nonneg, pos, nonpos, zero, nonzero
    if op in ("eq", "ne"):
        ask = "zero" if op == "eq" else "nonzero"
    elif op == "ult":
        if left:
            return  # m < 0 unsigned: constant false, r_identities' business
        ask = "nonzero"
    elif op == "ule":
        if not left:
            return
        ask = "zero"
    elif op == "slt":
        ask = "neg" if left else "pos"
    else:
        ask = "nonpos" if left else "nonneg"
    signed = ask not in ("zero", "nonzero")
    for mn in eg.has(m, "mul"):
        p, q = mn[3], mn[4]
        if eg.cval(p) is not None or eg.cval(q) is not None:
            continue  # a constant factor is r_scaled_cmp's
        modes = (True,) if signed else (False, True)
        if not any(_exact_mul(eg, p, q, s) for s in modes):
            continue
        (np_, zp), (nq, zq) = _tests(eg, p), _tests(eg, q)
        both = eg.add(("and", 1, None, zp, zq))
        if ask in ("zero", "nonzero"):
            r = both
        else:
            differ = eg.add(("xor", 1, None, np_, nq))
            if ask in ("neg", "nonneg"):
                r = eg.add(("and", 1, None, differ, both))
            else:
                r = eg.add(("and", 1, None, eg.add(("not", 1, None, differ)), both))
        if ask in ("zero", "nonneg", "nonpos"):
            r = eg.add(("not", 1, None, r))
        eg.pending.append((c, r))
        return


def _base(eg: EGraph, c: int, ext: str) -> int:
    c = eg.find(c)
    for _ in range(3):
        inner = [n[3] for n in eg.nodes[c] if n[0] == ext]
        if not inner:
            break
        c = eg.find(inner[0])
    return c


def _minmax(eg: EGraph, mn: tuple, signed: bool) -> str | None:
    """'min' / 'max' when the mux node ``(mux, w, None, s, x, y)`` selects the smaller / larger arm
    in the given signedness, else None."""
    ext = "sext" if signed else "zext"
    lt = ("slt", "sle") if signed else ("ult", "ule")
    s, x, y = mn[3], mn[4], mn[5]
    bx, by = _base(eg, x, ext), _base(eg, y, ext)
    if bx == by:
        return None
    conds = [(s, False)] + [(n[3], True) for n in eg.nodes[eg.find(s)] if n[0] == "not"]
    for cs, inv in conds:
        for cn in eg.nodes[eg.find(cs)]:
            if cn[0] not in lt:
                continue
            u, v = _base(eg, cn[3], ext), _base(eg, cn[4], ext)
            if (u, v) == (bx, by):
                kind = "min"
            elif (u, v) == (by, bx):
                kind = "max"
            else:
                continue
            if inv:
                kind = "max" if kind == "min" else "min"
            return kind
    return None


def r_minmax_cmp(eg: EGraph, c: int, n: tuple) -> None:
    """min/max compared with a bound -> two compares of the arms with the bound (see module doc)."""
    op = n[0]
    if op not in ("ult", "ule", "slt", "sle"):
        return
    signed = op in ("slt", "sle")
    for side in (0, 1):
        m, t = (n[3], n[4]) if side == 0 else (n[4], n[3])
        if eg.find(m) == eg.find(t):
            continue
        for mn in eg.has(m, "mux"):
            kind = _minmax(eg, mn, signed)
            if kind is None:
                continue
            x, y = mn[4], mn[5]
            if side == 0:  # m op t
                cx, cy = eg.add((op, 1, None, x, t)), eg.add((op, 1, None, y, t))
                join = "or" if kind == "min" else "and"
            else:  # t op m
                cx, cy = eg.add((op, 1, None, t, x)), eg.add((op, 1, None, t, y))
                join = "and" if kind == "min" else "or"
            eg.pending.append((c, eg.add((join, 1, None, cx, cy))))
            return


for _r in (r_product_sign, r_minmax_cmp):
    if _r not in core.RULES:
        core.RULES.append(_r)
