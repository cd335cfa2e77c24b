"""Sums of the carry-save parts of two words (the bitwise half-adder identities).

``a + b = (a ^ b) + 2(a & b) = (a | b) + (a & b)`` over the integers, hence, at any width W with a, b
of width W:

- ``(a & b) + (a | b)`` and ``(a ^ b) + ((a & b) << 1)`` are ``a + b`` (modulo 2^W);
- ``(a & b) + ((a ^ b) >> 1)`` is ``floor((a + b) / 2)`` and ``(a | b) - ((a ^ b) >> 1)`` is
  ``ceil((a + b) / 2)``, both below 2^W: ``(a + b) >> 1`` and ``(a + b + 1) >> 1`` computed at W + 1 bits
  (one adder instead of AND, XOR and an adder).
"""

from __future__ import annotations

from rtlopt.egraph import core
from rtlopt.egraph.core import EGraph


def _pairs(eg: EGraph, x: int, op: str) -> list[frozenset]:
    return [frozenset((eg.find(m[3]), eg.find(m[4]))) for m in eg.has(x, op)]


def _half_xor(eg: EGraph, y: int) -> list[frozenset]:
    """Pairs {a, b} with y = (a ^ b) >> 1, also spelled {1'b0, x[W-1:1]} (the zero-extended slice)."""
    shifts = [y]
    W = eg.w(y)
    for z in eg.has(y, "zext"):
        shifts += [t[3] for t in eg.has(z[3], "trunc") if t[1] >= W - 1 and eg.w(t[3]) == W]
    return [p for c in shifts for m in eg.has(c, "lshr") if m[2] == 1 for p in _pairs(eg, m[3], "xor")]


def _avg(eg: EGraph, W: int, pair: frozenset, ceil: bool) -> int:
    a, b = sorted(pair) if len(pair) == 2 else (next(iter(pair)),) * 2
    s = eg.add(("add", W + 1, None, eg.add(("zext", W + 1, None, a)), eg.add(("zext", W + 1, None, b))))
    if ceil:
        s = eg.add(("add", W + 1, None, s, eg.k(W + 1, 1)))
    return eg.add(("trunc", W, None, eg.add(("lshr", W + 1, 1, s))))


def r_avg_identity(eg: EGraph, c: int, n: tuple) -> None:
    op = n[0]
    if op not in ("add", "sub"):
        return
    W = n[1]
    done = eg.__dict__.setdefault("_avgid_done", set())
    if eg.find(c) in done:
        return
    x, y = n[3], n[4]
    if op == "sub":
        for p in set(_pairs(eg, x, "or")) & set(_half_xor(eg, y)):
            done.add(eg.find(c))
            eg.pending.append((c, _avg(eg, W, p, True)))
            return
        return
    for u, v in ((x, y), (y, x)):
        ands = set(_pairs(eg, u, "and"))
        hits = [(p, "avg") for p in ands & set(_half_xor(eg, v))]
        hits += [(p, "sum") for p in ands & set(_pairs(eg, v, "or"))]
        dbl = {p for m in eg.has(u, "shl") if m[2] == 1 for p in _pairs(eg, m[3], "and")}
        hits += [(p, "sum") for p in dbl & set(_pairs(eg, v, "xor"))]
        for p, kind in hits:
            done.add(eg.find(c))
            if kind == "avg":
                eg.pending.append((c, _avg(eg, W, p, False)))
            else:
                a, b = sorted(p) if len(p) == 2 else (next(iter(p)),) * 2
                eg.pending.append((c, eg.add(("add", W, None, a, b))))
            return


if r_avg_identity not in core.RULES:
    core.RULES.append(r_avg_identity)
