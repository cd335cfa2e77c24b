"""Saturation and overflow recognised by simulation signatures (a library extension of :mod:`lift`).

A word ``t`` (``w`` bits) that equals a wider word ``a`` clamped to the ``w``-bit signed range
(``a > MAX ? MAX : a < MIN ? MIN : a``, written with wide compares against the limits, a case on the
sign, a function, ...), or to the ``w``-bit unsigned range, or to ``[0, 2**w - 1]`` from a signed
``a``; and a 1-bit ``t`` that says whether ``a`` is out of such a range (the overflow / clip flag,
both sides or one). The emitted form reads only the top bits of ``a``: a value of ``a`` that needs
``k`` bits (as observed on every vector: ``a`` may be declared wider, a sum of narrower words, say) is
out of the ``w``-bit signed range iff ``a[k-1:w-1]`` is not all copies of the sign ``a[k-1]``, and the
clamp is ``{a[k-1], {w-1{~a[k-1]}}}``. The observed width is evidence only: the search loop proves
every candidate (the proof checks that ``a`` never needs more than ``k`` bits).
"""

from __future__ import annotations

import numpy as np

from rtlopt.semantic.netlist import mask

#: the kinds of lift this module finds (with an ``_add``/``_sub`` suffix on a helper sum)
KINDS = frozenset(k + sfx for k in ("signed_saturate", "unsigned_saturate", "clamp_unsigned", "signed_overflow",
                                    "signed_overflow_high", "signed_overflow_low", "unsigned_overflow")
                  for sfx in ("", "_add", "_sub"))

#: saturation targets/operands are ordinary words: at most this wide (values are uint64 per vector)
MAX_W = 62


def _signed(x: np.ndarray, w: int) -> np.ndarray:
    if w >= 64:
        return x.view(np.int64)
    sh = np.uint64(64 - w)
    return (x << sh).view(np.int64) >> np.int64(64 - w)


def signed_width(av: np.ndarray, wa: int) -> int:
    """Bits the two's-complement values ``av`` (``wa`` bits) need on every vector (1..wa)."""
    sa = _signed(av & mask(wa), wa)
    mag = np.where(sa < 0, ~sa, sa)
    return min(wa, int(mag.max()).bit_length() + 1) if len(sa) else wa


def unsigned_width(av: np.ndarray, wa: int) -> int:
    return max(1, int((av & mask(wa)).max()).bit_length()) if len(av) else wa


def _bit(a, k: int) -> str:
    return a.text if a.width == 1 else f"{a.base}[{k + a.offset}]"


def _slice(a, hi: int, lo: int) -> str:
    return _bit(a, lo) if hi == lo else f"{a.base}[{hi + a.offset}:{lo + a.offset}]"


def _out_of_signed(a, k: int, w: int) -> str:
    """``a`` (needing ``k`` bits, ``k > w``) is not a ``w``-bit signed value."""
    if k == w + 1:
        return f"({_bit(a, w)} ^ {_bit(a, w - 1)})"
    sgn = _bit(a, k - 1)
    return f"({_slice(a, k - 1, w - 1)} != {{{k - w + 1}{{{sgn}}}}})"


def _above_signed(a, k: int, w: int) -> str:
    """``a > 2**(w-1) - 1``: non-negative with a set bit in ``a[k-2:w-1]``."""
    sgn = _bit(a, k - 1)
    mid = _bit(a, w - 1) if k - 2 == w - 1 else f"(|{_slice(a, k - 2, w - 1)})"
    return f"(~{sgn} & {mid})"


def _below_signed(a, k: int, w: int) -> str:
    """``a < -2**(w-1)``: negative with a clear bit in ``a[k-2:w-1]``."""
    sgn = _bit(a, k - 1)
    mid = f"~{_bit(a, w - 1)}" if k - 2 == w - 1 else f"~(&{_slice(a, k - 2, w - 1)})"
    return f"({sgn} & {mid})"


def match_saturation(t: np.ndarray, w: int, ops) -> list[tuple]:
    """``(kind, (a,), [expr, ...])`` for every clamp of one wider operand ``a`` to ``w`` bits that equals
    ``t`` on every vector, and (``w == 1``) every out-of-range flag of ``a``. When no word of the cone is
    the value clamped, the sum or difference of two cut-point words is tried (a saturating add written
    without a named sum: a function's local, an expression in a compare): it becomes a helper wire."""
    got = _match(t, w, ops)
    if got or not len(t) or w > MAX_W:
        return got
    if w > 1:
        # a clamp shows one of its limits somewhere (else no sum of cut points is worth trying)
        tm = t & mask(w)
        lims = [np.uint64((1 << (w - 1)) - 1), np.uint64(1 << (w - 1)), np.uint64((1 << w) - 1), np.uint64(0)]
        if not any(bool((tm == v).any()) for v in lims):
            return got
    free = [o for o in ops if o.free and 2 <= o.width <= MAX_W - 1]
    for i, a in enumerate(free):
        for b in free[i + 1:] + free[:i]:
            for op in ("+", "-"):
                if op == "+" and free.index(b) < i:
                    continue  # a + b once
                for signed in (True, False):
                    v = _virtual(a, b, op, signed, w)
                    if v is None:
                        continue
                    for kind, _u, exprs in _match(t, w, [v], flags_at=max(a.width, b.width)):
                        name, decl = _name(a, b, op, signed, v.width)
                        out = [_remember(e.replace(_PH, name), [decl]) for e in exprs]
                        got.append((kind + ("_add" if op == "+" else "_sub"), (a, b), out))
                    if got:
                        return got
    return got


class _Virtual:
    """A helper word (the sum/difference of two operands) in the role of an Operand."""

    def __init__(self, text: str, width: int, value: np.ndarray, decl: str):
        self.text = self.base = text
        self.width = width
        self.value = value
        self.offset = 0
        self.signed = False
        self.free = False
        self.notes = decl


def _ext(o, k: int, signed: bool) -> str:
    pad = k - o.width
    if pad <= 0:
        return o.text
    fill = f"{{{pad}{{{_bit(o, o.width - 1)}}}}}" if signed else f"{pad}'d0"
    return f"{{{fill}, {o.text}}}"


def _virtual(a, b, op: str, signed: bool, w: int):
    k = max(a.width, b.width) + 1
    if k > MAX_W or k <= w and w > 1:
        return None
    av = a.value & mask(a.width)
    bv = b.value & mask(b.width)
    if signed:
        x, y = _signed(av, a.width), _signed(bv, b.width)
        r = (x + y) if op == "+" else (x - y)
        val = r.view(np.uint64) & mask(k)
    else:
        val = ((av + bv) if op == "+" else (av - bv)) & mask(k)
    return _Virtual(_PH, k, val, "")


#: the helper word's name in expressions until a match names it
_PH = "\x00sum\x00"


def _name(a, b, op: str, signed: bool, k: int) -> tuple[str, str]:
    from rtlopt.semantic.algos import _h, _ident
    name = f"{_ident(a.base)}_{'p' if op == '+' else 'm'}{'s' if signed else 'u'}_{_ident(b.base)}_{_h(a.text, b.text, op, signed, k)}"
    return name, f"wire [{k - 1}:0] {name} = {_ext(a, k, signed)} {op} {_ext(b, k, signed)};"


def _remember(expr: str, decls: list[str]) -> str:
    from rtlopt.semantic.algos import _remember as rem
    return rem(expr, decls)


def _match(t: np.ndarray, w: int, ops, flags_at: int | None = None) -> list[tuple]:
    out: list[tuple] = []
    if not len(t) or w > MAX_W:
        return out
    m = mask(w)
    t = t & m

    def ok(pred) -> bool:
        return bool(np.array_equal(pred & m, t))
    ok.t = t

    for a in ops:
        wa = a.width
        if wa < 3 or wa > MAX_W or (w > 1 and wa <= w):
            continue
        av = a.value & mask(wa)
        sa = _signed(av, wa)
        ks, ku = signed_width(av, wa), unsigned_width(av, wa)
        if w == 1:
            # at or above 2**j (a word never negative) / out of the j-bit signed range (both sides,
            # above only, below only)
            flags = _unsigned_flags(a, av, ku, ok, flags_at) if bool((sa >= 0).all()) else []
            out += flags or _signed_flags(a, sa, ks, ok, flags_at)
            continue
        lo, hi = -(1 << (w - 1)), (1 << (w - 1)) - 1
        if ks > w and ((sa > hi) | (sa < lo)).any() and ok(np.clip(sa, lo, hi).view(np.uint64)):
            sgn = _bit(a, ks - 1)
            ovf = _out_of_signed(a, ks, w)
            sat = f"{{{sgn}, {{{w - 1}{{~{sgn}}}}}}}"
            out.append(("signed_saturate", (a,),
                        [f"{ovf} ? {sat} : {_slice(a, w - 1, 0)}",
                         f"{_above_signed(a, ks, w)} ? {{1'b0, {{{w - 1}{{1'b1}}}}}} : "
                         f"{_below_signed(a, ks, w)} ? {{1'b1, {{{w - 1}{{1'b0}}}}}} : {_slice(a, w - 1, 0)}"]))
            continue
        top = (1 << w) - 1
        if ku > w and (av > np.uint64(top)).any() and ok(np.minimum(av, np.uint64(top))):
            big = _slice(a, ku - 1, w) if ku - 1 == w else f"(|{_slice(a, ku - 1, w)})"
            out.append(("unsigned_saturate", (a,), [f"{big} ? {{{w}{{1'b1}}}} : {_slice(a, w - 1, 0)}"]))
            continue
        if ks > w and (sa < 0).any() and ok(np.clip(sa, 0, top).view(np.uint64)):
            # a signed value clamped to [0, 2**w - 1] (a pixel / unsigned output of a signed datapath;
            # a difference clamped at zero)
            sgn = _bit(a, ks - 1)
            if ks == w + 1:
                out.append(("clamp_unsigned", (a,), [f"{sgn} ? {w}'d0 : {_slice(a, w - 1, 0)}"]))
                continue
            over = _bit(a, w) if ks - 2 == w else f"(|{_slice(a, ks - 2, w)})"
            out.append(("clamp_unsigned", (a,),
                        [f"{sgn} ? {w}'d0 : {over} ? {{{w}{{1'b1}}}} : {_slice(a, w - 1, 0)}"]))
    return out


def _bitlen(x: np.ndarray) -> np.ndarray:
    """Bit length of each uint64 value (0 for 0), by halving."""
    x = x.copy()
    n = np.zeros(x.shape, dtype=np.int64)
    for sh in (32, 16, 8, 4, 2, 1):
        big = (x >> np.uint64(sh)) != 0
        n += big.astype(np.int64) * sh
        x = np.where(big, x >> np.uint64(sh), x)
    return n + (x != 0).astype(np.int64)


def _threshold(need: np.ndarray, on: np.ndarray, lo: int, hi: int, flags_at: int | None) -> int | None:
    """A width ``j`` in ``[lo, hi)`` with ``on == (need > j)`` on every vector (the smallest), or None."""
    if not on.any() or on.all():
        return None
    j = max(lo, int(need[~on].max()))
    if j >= int(need[on].min()) or j >= hi:
        return None
    if flags_at is not None:
        return flags_at if j <= flags_at < int(need[on].min()) and flags_at < hi else None
    return j


def _unsigned_flags(a, av: np.ndarray, ku: int, ok, flags_at: int | None) -> list[tuple]:
    on = ok.t.astype(bool)
    j = _threshold(_bitlen(av), on, 1, ku, flags_at)
    if j is None:
        return []
    sl = _slice(a, ku - 1, j)
    return [("unsigned_overflow", (a,), [sl if ku - 1 == j else f"(|{sl})"])]


def _signed_flags(a, sa: np.ndarray, ks: int, ok, flags_at: int | None) -> list[tuple]:
    on = ok.t.astype(bool)
    neg = sa < 0
    need = _bitlen(np.where(neg, ~sa, sa).view(np.uint64)) + 1
    j = _threshold(need, on, 2, ks, flags_at)
    if j is not None:
        return [("signed_overflow", (a,), [_out_of_signed(a, ks, j)])]
    if not (on & neg).any() and (~neg).any():
        j = _threshold(need[~neg], on[~neg], 2, ks, flags_at)
        if j is not None:
            return [("signed_overflow_high", (a,), [_above_signed(a, ks, j)])]
    if not (on & ~neg).any() and neg.any():
        j = _threshold(need[neg], on[neg], 2, ks, flags_at)
        if j is not None:
            return [("signed_overflow_low", (a,), [_below_signed(a, ks, j)])]
    return []
