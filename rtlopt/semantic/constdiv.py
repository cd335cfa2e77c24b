"""A word that is a rational function of one narrow operand: an exact multiply-add and shift.

``round(c * 255 / 31)`` written as ``(c * 255 + 15) / 31`` (or a ``%``, a chain of named words, a table)
builds a constant divider. Over the operand's range the word is ``floor((c * M + A) / 2^S)`` for
small integers ``M``, ``A``, ``S`` (an exact multiply-shift for a division by a constant, with the
rounding offset folded in): one constant multiply (shift-adds) and a bit slice.

Found by values, not by spelling (a library extension of :mod:`rtlopt.semantic.lift`): the target's
simulated values are checked to be a function of one unsigned operand of at most :data:`MAX_W` bits;
the integer pairs ``(M, A)`` consistent with every observed point for a shift ``S`` form a convex
set (``2^S t <= M a + A < 2^S (t + 1)``), so the smallest ``S`` with a feasible ``M`` (fewest signed
digits) and ``A`` is exact on every observed value. Affine words (``S = 0``) and plain shifts are left
to the rest of the library. A remainder ``(k a + b) mod C`` (its steps over a contiguous run of ``a`` take
two values, ``k`` and ``k - C``) is ``k a + b - C q`` with the quotient ``q`` fitted the same way. The
search loop measures (ABC already folds small dividers well) and proves every candidate (an unobserved operand value the fit
gets wrong fails the proof).
"""

from __future__ import annotations

import numpy as np

from rtlopt.semantic.netlist import mask

KINDS = frozenset({"mul_shift", "mod_mul_shift"})
MAX_W = 16
MAX_S = 24
MAX_POINTS = 256


def _csd_len(n: int) -> int:
    k = 0
    while n:
        if n & 1:
            n -= 2 - (n & 3)
            k += 1
        n >>= 1
    return k


def fit_mul_shift(a: np.ndarray, t: np.ndarray, max_s: int = MAX_S) -> tuple[int, int, int] | None:
    """``(M, A, S)`` with ``floor((M a + A) / 2^S) == t`` at every point (``M >= 1``, ``A >= 0``,
    ``S >= 1``, smallest ``S``, then fewest signed digits of ``M``); None when there is none.

    ``a`` and ``t`` are integer arrays; ``t`` must be a function of ``a`` (checked).
    """
    a = np.asarray(a, dtype=np.int64)
    t = np.asarray(t, dtype=np.int64)
    if not len(a):
        return None
    order = np.argsort(a, kind="stable")
    a, t = a[order], t[order]
    first = np.concatenate(([True], a[1:] != a[:-1]))
    ua, ut = a[first], t[first]
    # a function of a: every repeated a has the same t
    idx = np.cumsum(first) - 1
    if not np.array_equal(ut[idx], t):
        return None
    if len(ua) < 3 or bool(np.any(np.diff(ut) < 0)) or ut[-1] == ut[0]:
        return None
    # an affine word with an integer slope is not a division (the rest of the library has it)
    k = (ut[1] - ut[0]) // max(int(ua[1] - ua[0]), 1)
    if np.array_equal(k * (ua - ua[0]) + ut[0], ut):
        return None
    fa, ft = ua, ut
    if len(ua) > MAX_POINTS:  # fit on an even subset (ends kept), checked on every point below
        pick = np.unique(np.linspace(0, len(ua) - 1, MAX_POINTS).astype(np.int64))
        ua, ut = ua[pick], ut[pick]
    da = ua[None, :] - ua[:, None]  # a_j - a_i
    upper = da > 0
    dav = da[upper]
    for s in range(1, max_s + 1):
        p = 1 << s
        lo = ut * p
        hi = lo + p - 1
        # pairs i < j: M (a_j - a_i) in [lo_j - hi_i, hi_j - lo_i]
        num_lo = (lo[None, :] - hi[:, None])[upper]
        num_hi = (hi[None, :] - lo[:, None])[upper]
        m_lo = max(int(np.max(-((-num_lo) // dav))), 1)
        m_hi = int(np.min(num_hi // dav))
        if m_lo > m_hi:
            continue
        cands = range(m_lo, min(m_hi, m_lo + 4096) + 1)
        flo = ft * p
        for m in sorted(cands, key=lambda m: (_csd_len(m), m)):
            a_lo = max(int(np.max(flo - m * fa)), 0)  # every point, not only the subset
            if a_lo <= int(np.min(flo + (p - 1) - m * fa)):
                if m & (m - 1) == 0:
                    return None  # a plain shift of the operand plus a constant: not this entry
                return m, a_lo, s
    return None


def fit_mod(a: np.ndarray, t: np.ndarray) -> tuple[int, int, int, tuple[int, int, int]] | None:
    """``(k, b, C, (M, A, S))`` with ``t == (k a + b) mod C`` and ``floor((k a + b) / C) ==
    floor((M a + A) / 2^S)`` at every point (a remainder by a constant, its quotient a multiply-shift);
    the points must cover a contiguous run of ``a`` (the steps of ``t`` give ``k`` and ``C``)."""
    a = np.asarray(a, dtype=np.int64)
    t = np.asarray(t, dtype=np.int64)
    order = np.argsort(a, kind="stable")
    a, t = a[order], t[order]
    first = np.concatenate(([True], a[1:] != a[:-1]))
    ua, ut = a[first], t[first]
    if len(ua) < 8 or not np.array_equal(ut[np.cumsum(first) - 1], t) or int(ua[-1] - ua[0]) != len(ua) - 1:
        return None
    steps = np.unique(np.diff(ut))
    if len(steps) != 2:
        return None
    d2, d1 = int(steps[0]), int(steps[1])
    c = d1 - d2
    if d1 < 0 or c < 3 or c & (c - 1) == 0 or int(ut.max()) >= c or int(ut.min()) < 0:
        return None  # (a remainder by a power of two is a bit slice)
    b = int(ut[0]) - d1 * int(ua[0])
    num = d1 * ua + b
    if b < 0 or np.any((num - ut) % c != 0):
        return None
    q = (num - ut) // c
    fit = fit_mul_shift(ua, q)
    if fit is None:
        return None
    return d1, b, c, fit


def _shift_adds(x: str, m: int) -> str:
    digits = []
    k, sh = m, 0
    while k:
        if k & 1:
            d = 2 - (k & 3)
            digits.append((d, sh))
            k -= d
        k >>= 1
        sh += 1
    if bin(m).count("1") <= len(digits):  # no subtraction when it costs no extra adder
        digits = [(1, i) for i in range(m.bit_length()) if m >> i & 1]
    digits.sort(key=lambda ds: -ds[1])
    return " ".join(("" if i == 0 else ("+ " if d > 0 else "- ")) + (x if sh == 0 else f"({x} << {sh})")
                    for i, (d, sh) in enumerate(digits))


def match_mul_shift(t: np.ndarray, w: int, ops) -> list[tuple]:
    """``("mul_shift", (a,), [expr, ...])`` when ``t`` (``w`` bits) is ``(a * M + A) >> S`` on every vector."""
    out: list[tuple] = []
    if not len(t) or w > 62:
        return out
    t = t & mask(w)
    for a in sorted((o for o in ops if 2 <= o.width <= MAX_W and not o.signed), key=lambda o: o.width):
        av = a.value & mask(a.width)
        fit = fit_mul_shift(av.astype(np.int64), t.astype(np.int64))
        if fit is None:
            mod = fit_mod(av.astype(np.int64), t.astype(np.int64)) if a.width <= 12 else None
            if mod is None:
                continue
            k, b, c, (m, add, s) = mod
            top = (1 << a.width) - 1
            wide = max((m * top + add).bit_length(), (k * top + b).bit_length())
            q = f"(({_shift_adds(a.text, m)} + {wide}'d{add}) >> {s})"
            num = f"{_shift_adds(a.text, k)} + {wide}'d{b}" if k else f"{wide}'d{b}"
            e0 = f"({num} - ({_shift_adds(q, c)}))"
            e1 = f"({a.text} * {wide}'d{k} + {wide}'d{b} - {wide}'d{c} * (({a.text} * {wide}'d{m} + {wide}'d{add}) >> {s}))"
            out.append(("mod_mul_shift", (a,), [e0, e1]))
            break
        m, add, s = fit
        wide = (m * ((1 << a.width) - 1) + add).bit_length()
        # shift-adds of the canonical signed digits first (one adder per digit), the product second;
        # the sized constant keeps the context at least ``wide`` bits (no term wraps)
        digits = []
        k, sh = m, 0
        while k:
            if k & 1:
                d = 2 - (k & 3)
                digits.append((d, sh))
                k -= d
            k >>= 1
            sh += 1
        if bin(m).count("1") <= len(digits):  # no subtraction when it costs no extra adder
            digits = [(1, i) for i in range(m.bit_length()) if m >> i & 1]
        digits.sort(key=lambda ds: -ds[1])
        flat = " ".join(("" if i == 0 else ("+ " if d > 0 else "- ")) + (a.text if sh == 0 else f"({a.text} << {sh})")
                        for i, (d, sh) in enumerate(digits))
        e0 = f"(({flat} + {wide}'d{add}) >> {s})"
        e1 = f"(({a.text} * {wide}'d{m} + {wide}'d{add}) >> {s})"
        out.append(("mul_shift", (a,), [e0, e1]))
        break
    return out


__all__ = ["KINDS", "fit_mul_shift", "match_mul_shift"]
