"""Equality through a common bijection: ``f(a) == f(b)`` is ``a == b`` when f is one-to-one.

``r_bij_eq`` (``eq``/``ne`` at any width) strips, one layer per application, a bijection applied to
both sides with the same other operand class: XOR / addition of a common value, subtraction of or
from a common value, NOT, negation, multiplication by a common odd constant (all modulo 2^W), a
rotate by a common amount (recorded by core's r_rotate / r_rot_compose), and a common bit permutation
(both sides concatenations of the same slices of one word each, every bit of the word exactly once).
Child instances are flattened into the module's e-graph, so a scrambler module instantiated for both
sides meets here; a request compared against N stored values becomes N plain compares.
"""

from __future__ import annotations

from rtlopt.egraph import core
from rtlopt.egraph.core import EGraph


def _slices(eg: EGraph, c: int) -> list[tuple[int, int, int]] | None:
    """c as a concatenation of slices (source class, low bit, width), most significant first."""
    out: list[tuple[int, int, int]] = []

    def one(x: int) -> tuple[int, int, int] | None:
        w = eg.w(x)
        for m in eg.nodes[eg.find(x)]:
            if m[0] == "trunc":
                src = eg.find(m[3])
                for sh in eg.nodes[src]:
                    if sh[0] == "lshr":
                        return (eg.find(sh[3]), sh[2], w)
                return (src, 0, w)
        return None

    for m in eg.nodes[eg.find(c)]:
        if m[0] != "concat":
            continue
        out = []
        for x in m[3:]:
            s = one(x)
            if s is None:
                break
            out.append(s)
        else:
            return out
    return None


def _perm(eg: EGraph, a: int, b: int) -> tuple[int, int] | None:
    sa, sb = _slices(eg, a), _slices(eg, b)
    if not sa or not sb or len(sa) != len(sb):
        return None
    xa, xb = {s[0] for s in sa}, {s[0] for s in sb}
    if len(xa) != 1 or len(xb) != 1:
        return None
    x, y = xa.pop(), xb.pop()
    if eg.w(x) != eg.w(y) or [s[1:] for s in sa] != [s[1:] for s in sb]:
        return None
    covered = sorted((lo, w) for _s, lo, w in sa)
    pos = 0
    for lo, w in covered:
        if lo != pos:
            return None
        pos += w
    return (x, y) if pos == eg.w(x) else None


def _strip(eg: EGraph, a: int, b: int) -> list[tuple[int, int]]:
    """Pairs (a', b') with a == b iff a' == b'."""
    f = eg.find
    out = []
    rots = eg.__dict__.get("_rotates", {})
    ra, rb = rots.get(f(a)), rots.get(f(b))
    if ra and rb and f(ra[1]) == f(rb[1]) and eg.w(ra[0]) == eg.w(rb[0]):
        out.append((ra[0], rb[0]))
    p = _perm(eg, a, b)
    if p:
        out.append(p)
    for ma in eg.nodes[f(a)]:
        op = ma[0]
        if op not in ("xor", "add", "sub", "not", "neg", "mul"):
            continue
        for mb in eg.has(b, op):
            if op in ("not", "neg"):
                out.append((ma[3], mb[3]))
            elif op == "sub":
                if f(ma[4]) == f(mb[4]):
                    out.append((ma[3], mb[3]))
                if f(ma[3]) == f(mb[3]):
                    out.append((ma[4], mb[4]))
            else:
                for i in (3, 4):
                    for j in (3, 4):
                        if f(ma[i]) != f(mb[j]):
                            continue
                        if op == "mul" and (eg.cval(ma[i]) is None or not eg.cval(ma[i]) & 1):
                            continue
                        out.append((ma[7 - i], mb[7 - j]))
    return [(x, y) for x, y in out if eg.w(x) == eg.w(y) and f(x) != f(a)]


def r_bij_eq(eg: EGraph, c: int, n: tuple) -> None:
    if n[0] not in ("eq", "ne"):
        return
    done = eg.__dict__.setdefault("_bij_eq_done", set())
    key = (eg.find(c), eg.find(n[3]), eg.find(n[4]))
    if key in done:
        return
    got = _strip(eg, n[3], n[4])
    if not got:
        return
    done.add(key)
    for x, y in got[:2]:
        eg.pending.append((c, eg.add((n[0], 1, None, x, y))))


if r_bij_eq not in core.RULES:
    core.RULES.append(r_bij_eq)
