"""Compares of a scaled value with a constant (strength reduction by monotonicity).

``x * C + D`` (C > 0, any chain of constant multiplies, left shifts, constant adds/subtracts and
extensions) is strictly increasing in x as long as no step wraps at its own width. Then
``x*C + D < K`` is ``x < ceil((K - D) / C)``, ``x*C + D <= K`` is ``x <= floor((K - D) / C)``, and
``x*C + D == K`` is ``x == (K - D) / C`` when C divides K - D (else false): the comparison of the
narrow x with a transformed constant, the multiplier gone.

Exactness is checked at every step with the operand's full range at its own width (unsigned for the
unsigned compares and zero extensions, signed for the signed compares and sign extensions), so a
product truncated to a narrow context width (which wraps) or a negative factor never matches.
"""

from __future__ import annotations

from rtlopt.egraph import core
from rtlopt.egraph.core import EGraph, _bits, _fits, _interval, _srange, mask, to_signed

#: Decompositions kept per class (the e-graph holds many equivalent nodes per class).
MAX_FORMS = 8


def _range(w: int, signed: bool) -> tuple[int, int]:
    return (-(1 << (w - 1)), (1 << (w - 1)) - 1) if signed else (0, mask(w))


def _kval(eg: EGraph, c: int, signed: bool) -> int | None:
    k = eg.cval(c)
    if k is None:
        return None
    return to_signed(k, eg.w(c)) if signed else k


def _affine(eg: EGraph, c: int, signed: bool, depth: int = 0) -> list[tuple[int, int, int]]:
    """``(x, C, D)`` with value(c) = value(x) * C + D exactly (values read unsigned, or signed when
    ``signed``, at each class's own width), C > 0. Always includes ``(c, 1, 0)``."""
    c = eg.find(c)
    out = [(c, 1, 0)]
    if depth >= 4:
        return out
    w = eg.w(c)
    lo_w, hi_w = _range(w, signed)
    ext = "sext" if signed else "zext"
    for n in list(eg.nodes[c]):
        forms: list[tuple[int, int, int]] = []
        op = n[0]
        if op == ext or (op == "zext" and signed and eg.w(n[3]) < w):
            # a zero extension to a wider signed value keeps the unsigned value: only sound in signed
            # mode through the unsigned decomposition, so take the inner as an unsigned leaf
            if op == "zext" and signed:
                forms = [(x, C, D) for x, C, D in _affine(eg, n[3], False, depth + 1)]
                forms = [f + ("u",) for f in forms]  # type: ignore[misc]
            else:
                forms = _affine(eg, n[3], signed, depth + 1)
        elif op in ("mul", "add", "sub"):
            for p, q in ((n[3], n[4]), (n[4], n[3])) if op != "sub" else ((n[3], n[4]),):
                k = _kval(eg, q, signed)
                if k is None or eg.cval(p) is not None:
                    continue
                for x, C, D, *tag in _affine(eg, p, signed, depth + 1):
                    if op == "mul":
                        if k <= 0:
                            continue
                        forms.append((x, C * k, D * k, *tag))
                    elif op == "add":
                        forms.append((x, C, D + k, *tag))
                    else:
                        forms.append((x, C, D - k, *tag))
        elif op == "shl":
            for x, C, D, *tag in _affine(eg, n[3], signed, depth + 1):
                forms.append((x, C << n[2], D << n[2], *tag))
        for f in forms:
            x, C, D = f[0], f[1], f[2]
            xs = signed and len(f) == 3
            lo, hi = _range(eg.w(x), xs)
            if lo * C + D < lo_w or hi * C + D > hi_w:  # a step may wrap: not exact
                continue
            out.append(f)
            if len(out) >= MAX_FORMS:
                return out
    return out


def _lt_const(eg: EGraph, x: int, t: int, xs: bool, negate: bool) -> int:
    """Class of ``x < t`` (or ``x >= t`` when ``negate``), x read signed when ``xs``."""
    wx = eg.w(x)
    lo, hi = _range(wx, xs)
    if t <= lo:
        return eg.k(1, int(negate))
    if t > hi:
        return eg.k(1, int(not negate))
    kt = eg.k(wx, t)
    if negate:
        return eg.add(("sle" if xs else "ule", 1, None, kt, x))
    return eg.add(("slt" if xs else "ult", 1, None, x, kt))


def r_scaled_cmp(eg: EGraph, c: int, n: tuple) -> None:
    """v op K with v = x*C + D exact (see module doc) -> x op' K' (ult/ule/slt/sle/eq/ne)."""
    op = n[0]
    if op not in core.CMP:
        return
    modes = (False, True) if op in ("eq", "ne") else (op in ("slt", "sle"),)
    for signed in modes:
        for v, kc, v_left in ((n[3], n[4], True), (n[4], n[3], False)):
            K = _kval(eg, kc, signed)
            if K is None or eg.cval(v) is not None:
                continue
            for f in _affine(eg, v, signed)[1:]:
                x, C, D = f[0], f[1], f[2]
                xs = signed and len(f) == 3
                R = K - D
                if op in ("eq", "ne"):
                    lo, hi = _range(eg.w(x), xs)
                    if R % C or not lo <= R // C <= hi:
                        r = eg.k(1, int(op == "ne"))
                    else:
                        r = eg.add((op, 1, None, x, eg.k(eg.w(x), R // C)))
                else:
                    fl, ce = R // C, -((-R) // C)
                    strict = op in ("ult", "slt")
                    if v_left:  # x*C < R: x < ceil; x*C <= R: x < floor + 1
                        r = _lt_const(eg, x, ce if strict else fl + 1, xs, False)
                    else:  # R < x*C: x >= floor + 1; R <= x*C: x >= ceil
                        r = _lt_const(eg, x, fl + 1 if strict else ce, xs, True)
                eg.pending.append((c, r))


def _exact(eg: EGraph, op: str, p: int, g: int, signed: bool) -> bool:
    """``p op g`` (add/mul) at the class width computes the exact integer (unsigned or signed read)."""
    w = eg.w(p)
    if signed:
        return _fits(_interval(op, _srange(eg, p), _srange(eg, g)), w)
    bp, bg = _bits(eg, p), _bits(eg, g)
    return (bp + bg if op == "mul" else max(bp, bg) + 1) <= w


def r_common_cmp(eg: EGraph, c: int, n: tuple) -> None:
    """Compares of two exact products with a common non-negative factor, or two exact sums with a
    common term: p*g < q*g is g != 0 & p < q (<=: g == 0 | p <= q; ==: g == 0 | p == q; != likewise),
    p + t < q + t is p < q (any comparison). Unsigned compares need unsigned-exact operations, signed
    ones signed-exact operations and, for the product, g provably >= 0 as a signed value."""
    op = n[0]
    if op not in core.CMP:
        return
    signed = op in ("slt", "sle")
    a, b = n[3], n[4]
    for kind in ("mul", "add"):
        for m1 in eg.has(a, kind):
            for m2 in eg.has(b, kind):
                for p, g in ((m1[3], m1[4]), (m1[4], m1[3])):
                    for q, g2 in ((m2[3], m2[4]), (m2[4], m2[3])):
                        if eg.find(g) != eg.find(g2) or eg.find(p) == eg.find(q):
                            continue
                        if kind == "mul" and (eg.cval(g) is not None or (signed and _srange(eg, g)[0] < 0)):
                            continue  # a constant factor is r_scaled_cmp's
                        modes = (signed,) if op not in ("eq", "ne") else (False, True)
                        if not any(_exact(eg, kind, p, g, sg) and _exact(eg, kind, q, g, sg) for sg in modes):
                            continue
                        r = eg.add((op, 1, None, p, q))
                        if kind == "mul":
                            gz = eg.add(("eq", 1, None, g, eg.k(eg.w(g), 0)))
                            if op in ("ult", "slt", "ne"):
                                r = eg.add(("and", 1, None, eg.add(("not", 1, None, gz)), r))
                            else:
                                r = eg.add(("or", 1, None, gz, r))
                        eg.pending.append((c, r))
                        return


for _r in (r_scaled_cmp, r_common_cmp):
    if _r not in core.RULES:
        core.RULES.append(_r)
