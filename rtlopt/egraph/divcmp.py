"""Compares of an unsigned quotient with a constant, cross-multiplied (no divider).

For unsigned a, b with b != 0 and q = floor(a / b): ``q < K <=> a < K*b``, ``q <= K <=> a < (K+1)*b``,
``q > K <=> a >= (K+1)*b``, ``q >= K <=> a >= K*b`` and ``q == K <=> K*b <= a < (K+1)*b`` (``!=`` its
negation). The products are built at a width that holds them exactly (the operands' significant bits
plus the constant's), so nothing wraps; a divider (W stages of a W-bit subtract-and-select) becomes a
constant multiple of b (a few adders) and a compare: one ``("mulge", 1, K, B, A)`` node (``A >= K*B``,
costed as one calibrated unit: Yosys and ABC fold the constant's adders into the comparator).

Division by zero: Verilog makes ``a / 0`` x; Yosys's engines (and this e-graph's evaluator) read it
as all ones. At b == 0 the cross-multiplied forms read ``a < 0`` (false) and ``a >= 0`` (true), i.e.
a quotient above K -- the all-ones value's answer whenever all ones exceeds K, which the rule checks
at the quotient's width. Either way the rewrite is proven by the search loop's verifier (a design
that guards the compare with ``b != 0`` does not even depend on it).

The extraction decides whether the divider goes: it does only when no reader of the quotient is left
(a quotient also used as a value keeps its divider, so the compares would only add cost).
"""

from __future__ import annotations

from rtlopt.egraph import core
from rtlopt.egraph.core import EGraph, _bits, mask


def ubits(eg: EGraph, c: int, depth: int = 0) -> int:
    """An upper bound on the significant bits of class ``c`` (``core._bits`` plus products, left shifts
    and quotients, each bounded by the class width)."""
    c = eg.find(c)
    best = _bits(eg, c)
    if depth > 4 or eg.cval(c) is not None:
        return best
    w = eg.width[c]
    for n in eg.nodes[c]:
        if n[0] == "mul":
            best = min(best, ubits(eg, n[3], depth + 1) + ubits(eg, n[4], depth + 1))
        elif n[0] == "shl":
            best = min(best, ubits(eg, n[3], depth + 1) + n[2])
        elif n[0] in ("zext", "umod"):  # a % b <= a (a % 0 = a)
            best = min(best, ubits(eg, n[3], depth + 1))
    return min(best, w)


def _fit(eg: EGraph, x: int, w: int) -> int:
    """``x`` at width ``w`` (zero-extended, or truncated where its significant bits fit: exact)."""
    wx = eg.w(x)
    if wx == w:
        return eg.find(x)
    return eg.add(("zext" if wx < w else "trunc", w, None, x))


def _quotients(eg: EGraph, c: int) -> list[tuple[int, int]]:
    """``(a, b)`` of the ``udiv`` nodes of class ``c`` whose divisor is not a constant (a constant divisor
    maps to a small network of its own)."""
    return [(n[3], n[4]) for n in eg.has(c, "udiv") if eg.cval(n[4]) is None]


def _ge(eg: EGraph, A: int, B: int, W: int, k: int) -> int:
    """``A >= k*B`` (both W bits wide, the product exact at W bits)."""
    if k == 0:
        return eg.k(1, 1)
    return eg.add(("mulge", 1, k, B, A))


def r_div_cmp(eg: EGraph, c: int, n: tuple) -> None:
    """``a/b op K`` (ult/ule either way round, eq/ne) -> a compare of a with a constant multiple of b."""
    op = n[0]
    if op not in ("ult", "ule", "eq", "ne"):
        return
    for q, kc, q_left in ((n[3], n[4], True), (n[4], n[3], False)):
        K = eg.cval(kc)
        if K is None or eg.cval(q) is not None:
            continue
        wq = eg.w(q)
        if mask(wq) <= K + 1:  # the quotient of a division by zero (all ones) must be above K
            continue
        for a, b in _quotients(eg, q):
            # lo = the least quotient that is "high": q >= lo  <=>  a >= lo*b  (b != 0)
            if op in ("eq", "ne"):
                lo = K
            elif op == "ult":
                lo = K if q_left else K + 1  # q < K: not (q >= K); K < q: q >= K + 1
            else:
                lo = K + 1 if q_left else K  # q <= K: not (q >= K + 1); K <= q: q >= K
            wa, wb = ubits(eg, a), ubits(eg, b)
            W = max(wa, (lo + 1).bit_length() + wb, 1)
            A, B = _fit(eg, a, W), _fit(eg, b, W)

            if op in ("eq", "ne"):
                r = eg.add(("and", 1, None, _ge(eg, A, B, W, lo), eg.add(("not", 1, None, _ge(eg, A, B, W, lo + 1)))))
                if op == "ne":
                    r = eg.add(("not", 1, None, r))
            else:
                r = _ge(eg, A, B, W, lo)
                if q_left:  # q < K, q <= K: the low side
                    r = eg.add(("not", 1, None, r))
            eg.pending.append((c, r))


if r_div_cmp not in core.RULES:
    core.RULES.append(r_div_cmp)
