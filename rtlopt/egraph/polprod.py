"""A product of two factors negated under one condition is the plain product.

``r_polarity_product``: ``(s ? -a : a) * (s ? -b : b)`` is ``a * b`` (a ring identity at the product's
width: (-a)(-b) = ab modulo 2^W, so both arms agree). The factors may be the sign extensions of
conditional negations at a narrower width w, ``sext_W(s ? -u : u)``: that is ``s ? -sext_W(u) :
sext_W(u)`` only when -u does not wrap at w bits (u, read as a signed w-bit number, is never the most
negative one: interval bounds); a negation that can overflow is left alone. Opposite polarities
(``(s ? -a : a) * (s ? b : -b)``) give ``-(a * b)``.
"""

from __future__ import annotations

from rtlopt.egraph import core
from rtlopt.egraph.core import EGraph, _srange


def _negpair(eg: EGraph, p: int, q: int) -> tuple[int, bool] | None:
    """(u, negated-when-true) when {p, q} = {-u, u}."""
    f = eg.find
    for m in eg.has(p, "neg"):
        if f(m[3]) == f(q):
            return f(q), True
    for m in eg.has(q, "neg"):
        if f(m[3]) == f(p):
            return f(p), False
    return None


def _cond_negs(eg: EGraph, x: int, W: int) -> list[tuple[int, int, bool]]:
    """(condition, u at width W, negated-when-true) with x = cond ? ±u : ∓u at width W."""
    out = []
    for m in eg.nodes[eg.find(x)]:
        if m[0] == "mux":
            got = _negpair(eg, m[4], m[5])
            if got:
                out.append((eg.find(m[3]), got[0], got[1]))
        elif m[0] == "sext":
            w = eg.w(m[3])
            for mm in eg.has(m[3], "mux"):
                got = _negpair(eg, mm[4], mm[5])
                if got and _srange(eg, got[0])[0] > -(1 << (w - 1)):
                    out.append((eg.find(mm[3]), eg.add(("sext", W, None, got[0])), got[1]))
    return out


def r_polarity_product(eg: EGraph, c: int, n: tuple) -> None:
    if n[0] != "mul":
        return
    W = n[1]
    done = eg.__dict__.setdefault("_polprod_done", set())
    if eg.find(c) in done:
        return
    for sa, ua, pa in _cond_negs(eg, n[3], W):
        for sb, ub, pb in _cond_negs(eg, n[4], W):
            if sa != sb:
                continue
            done.add(eg.find(c))
            prod = eg.add(("mul", W, None, ua, ub))
            eg.pending.append((c, prod if pa == pb else eg.add(("neg", W, None, prod))))
            return


if r_polarity_product not in core.RULES:
    core.RULES.append(r_polarity_product)
