"""Word-level lifting: recognise what a cone of logic computes, by simulation signatures.

For every named, combinationally driven word of a module (a *target*), the words that feed its cone
(module inputs, registers, named intermediate words, and contiguous slices of them) are candidate
operands. The target's simulated values are compared with the values of canonical word-level
functions of those operands (a library: ``==``, ``<`` (unsigned/signed), ``+``, ``-``, negation,
increment, decoders, priority and one-hot encoders, muxes, shifts and rotations, population count,
parity, min/max, absolute value, ...). A function that agrees on every vector is a *lift*: the cone
can be written as that operator expression. Signature agreement is evidence only; the search loop
proves every candidate it keeps.
"""

from __future__ import annotations

import dataclasses
import re
import time
from dataclasses import dataclass, field
from itertools import permutations

import numpy as np

from rtlopt.semantic.netlist import Net, Netlist, mask

MAX_OPERANDS = 10
MAX_CONE_CELLS = 20000


@dataclass
class Operand:
    text: str  # Verilog text: a name or a slice
    base: str  # the declared name
    width: int
    value: np.ndarray  # uint64 per vector
    signed: bool
    free: bool  # a cut point (input/register), not an intermediate word
    bits: tuple = ()  # Yosys bit ids
    offset: int = 0  # declared index of the operand's bit 0


@dataclass
class Lift:
    """One recognised word-level function."""

    module: str
    targets: tuple[str, ...]  # the names whose drivers the expression replaces
    lhs: str  # assignment target text ("y" or "{co, s}")
    kind: str  # "add", "lt_signed", "decoder", ...
    operands: tuple[str, ...]  # declared names the expression reads
    exprs: tuple[str, ...]  # alternative right-hand sides, best guess first
    cone_cells: int = 0
    notes: dict = field(default_factory=dict)

    @property
    def description(self) -> str:
        return f"{self.lhs} = {self.exprs[0]}" if len(self.exprs[0]) < 80 else f"{self.lhs} = {self.kind}(...)"


def _u(x: np.ndarray, w: int) -> np.ndarray:
    return x & mask(w)


def _s(x: np.ndarray, w: int) -> np.ndarray:
    if w >= 64:
        return x.view(np.int64)
    sh = np.uint64(64 - w)
    return (x << sh).view(np.int64) >> np.int64(64 - w)


def _clog2(n: int) -> int:
    return max(1, (n - 1).bit_length())


def _lit(w: int, v: int) -> str:
    return f"{w}'h{v:X}" if w > 4 else f"{w}'b{v:0{w}b}"


def _popcount(x: np.ndarray) -> np.ndarray:
    return np.bitwise_count(x).astype(np.uint64)


def _lowest_index(x: np.ndarray, w: int) -> np.ndarray:
    iso = x & (~x + np.uint64(1))
    out = np.zeros_like(x)
    for k in range(w):
        out = np.where(iso == (np.uint64(1) << np.uint64(k)), np.uint64(k), out)
    return out


def _highest_index(x: np.ndarray, w: int) -> np.ndarray:
    out = np.zeros_like(x)
    for k in range(w):
        out = np.where((x >> np.uint64(k)) & np.uint64(1) == 1, np.uint64(k), out)
    return out


def _or_of_indices(x: np.ndarray, w: int) -> np.ndarray:
    out = np.zeros_like(x)
    for k in range(w):
        out |= np.where((x >> np.uint64(k)) & np.uint64(1) == 1, np.uint64(k), np.uint64(0))
    return out


def _shift_in_right(av: np.ndarray, wa: int, bv: np.ndarray, fill: np.ndarray) -> np.ndarray:
    """``a >> b`` with the ``b`` vacated top bits set to ``fill`` (0/1 per vector), ``wa`` bits."""
    sh = np.minimum(bv, np.uint64(wa))
    kept = np.where(sh >= np.uint64(64), np.uint64(0), (av & mask(wa)) >> np.minimum(sh, np.uint64(63)))
    ones = mask(wa) & ~np.where(sh >= np.uint64(wa), np.uint64(0), mask(wa) >> np.minimum(sh, np.uint64(63)))
    return kept | np.where(fill == 1, ones, np.uint64(0))


def _sdiv_pow2(av: np.ndarray, wa: int, k: int) -> np.ndarray:
    """Signed ``a / 2**k`` rounded toward zero (Verilog ``/``), as a sign-extended uint64."""
    sa = _s(av, wa)
    bias = np.where(sa < 0, np.int64((1 << k) - 1), np.int64(0))
    return ((sa + bias) >> np.int64(k)).view(np.uint64)


def _p(o: Operand) -> str:
    """Operand text in an unsigned context."""
    return f"$unsigned({o.text})" if o.signed else o.text


def _sg(o: Operand) -> str:
    return o.text if o.signed and o.text == o.base else f"$signed({o.text})"


def _bit(o: Operand, k: int) -> str:
    if o.width == 1:
        return o.text
    return f"{o.base}[{k + o.offset}]"


def _isolate_highest(x: np.ndarray, w: int) -> np.ndarray:
    """The highest set bit of each value alone (0 for 0)."""
    out = np.zeros_like(x)
    for k in range(w):
        out = np.where((x >> np.uint64(k)) & np.uint64(1) == 1, np.uint64(1) << np.uint64(k), out)
    return out


def _isolate_highest_match(av: np.ndarray, wa: int, ok) -> int | None:
    """``-1`` when the target is the isolated highest set bit of ``av``; ``0`` when it is that of
    ``av | 1`` (the decode ``1 << i`` of a highest-index priority encoder ``i`` that gives 0 for no bit
    set: bit 0 stands for "nothing above"); else None."""
    if ok(_isolate_highest(av, wa)):
        return -1
    if ok(_isolate_highest(av | np.uint64(1), wa)):
        return 0
    return None


def _isolate_highest_expr(a: Operand, forced: int) -> str:
    """``{y[n-1], ..., y[0]}`` with ``y[p] = a[p] & ~|a[n-1:p+1]`` (a prefix OR from the top; bit 0
    is ``~|a[n-1:1]`` when ``forced`` is 0). ``forced`` 1: the word is ``{a, 1'b1}`` (one bit wider
    than ``a``, bit 0 is ``~|a``)."""
    shift = 1 if forced == 1 else 0
    n = a.width + shift
    forced = 0 if shift else forced

    def v(q: int) -> str:
        return _bit(a, q - shift)

    bits = []
    for p in reversed(range(n)):
        above = [v(q) for q in reversed(range(p + 1, n))]
        nor = "" if not above else (f"~{above[0]}" if len(above) == 1 else "~|{" + ", ".join(above) + "}")
        if p == 0 and forced == 0:
            bits.append(nor or "1'b1")
        else:
            bits.append(f"{v(p)} & {nor}" if nor else v(p))
    return "{" + ", ".join(f"({b})" if "&" in b else b for b in bits) + "}"


# ---- canonical emitters for the encoders ----------------------------------------------------------
def _onehot_bits_expr(vec: str, n: int, k: int, index_of) -> str:
    parts = []
    for j in reversed(range(k)):
        m = sum(1 << p for p in range(n) if (index_of(p) >> j) & 1)
        parts.append(f"|({vec} & {_lit(n, m)})")
    return parts[0] if len(parts) == 1 else "{" + ", ".join(parts) + "}"


def _prio_lo_exprs(a: Operand, w: int) -> list[str]:
    n, k = a.width, min(w, _clog2(a.width))
    iso = f"({_p(a)} & (~{_p(a)} + 1'b1))"
    one = _onehot_bits_expr(iso, n, k, lambda p: p)
    chain = " : ".join(f"{_bit(a, p)} ? {w}'d{p}" for p in range(n - 1)) + f" : {w}'d{n - 1 if n > 1 else 0}"
    # the chain must give 0 when nothing is set: the last arm tests the last bit too
    chain = " : ".join(f"{_bit(a, p)} ? {w}'d{p}" for p in range(n)) + f" : {w}'d0"
    return [one, chain]


def _prio_hi_exprs(a: Operand, w: int) -> list[str]:
    n, k = a.width, min(w, _clog2(a.width))
    rev = "{" + ", ".join(_bit(a, p) for p in range(n)) + "}"  # rev[q] = a[n-1-q]
    iso = f"({rev} & (~{rev} + 1'b1))"
    one = _onehot_bits_expr(iso, n, k, lambda q: n - 1 - q)
    chain = " : ".join(f"{_bit(a, p)} ? {w}'d{p}" for p in reversed(range(n))) + f" : {w}'d0"
    if n >= 4:
        return [_tree_highest(a, 0, n), one, chain]
    return [one, chain]


def _tzc_exprs(a: Operand, w: int) -> list[str]:
    n = a.width
    lo = _prio_lo_exprs(a, w)
    out = [f"({_p(a)} == {n}'d0) ? {w}'d{n} : {e}" if " ? " not in e else f"({_p(a)} == {n}'d0) ? {w}'d{n} : ({e})"
           for e in lo]
    if n >= 4:
        out.insert(0, _tree_count(a, 0, n + 1, False))  # the count of {1'b1, a} (see _lzc_exprs)
    return out


def _lzc_exprs(a: Operand, w: int) -> list[str]:
    n, k = a.width, min(w, _clog2(a.width))
    rev = "{" + ", ".join(_bit(a, p) for p in range(n)) + "}"  # rev[q] = a[n-1-q]
    iso = f"({rev} & (~{rev} + 1'b1))"
    one = _onehot_bits_expr(iso, n, k, lambda q: q)
    chain = " : ".join(f"{_bit(a, p)} ? {w}'d{n - 1 - p}" for p in reversed(range(n))) + f" : {w}'d{n}"
    out = [f"({_p(a)} == {n}'d0) ? {w}'d{n} : {one}", chain]
    if n >= 4:
        # the count of {a, 1'b1}: the all-zero case (n) falls out of the tree, no separate compare
        # (the padding bit is only ever the other half of a split, never read)
        out = [_tree_count(a, 0, n + 1, True, 1), chain, out[0]]
    return out


def _bits(a: Operand, lo: int, n: int) -> str:
    """Bits ``lo .. lo+n-1`` of ``a`` as one expression (MSB first)."""
    if n == 1:
        return _bit(a, lo)
    return f"{a.base}[{lo + n - 1 + a.offset}:{lo + a.offset}]"


def _tree_count(a: Operand, lo: int, n: int, from_top: bool, shift: int = 0) -> str:
    """A log-depth count over positions ``lo .. lo+n-1`` (``clog2(n)`` bits wide, ``n >= 2``; position
    ``p`` is bit ``p - shift`` of ``a``): leading zeros (``from_top``) or trailing zeros, valid when the
    bits are not all zero.

    Recursive halves: the half a power of two wide is the one scanned first; when it is all zero the
    count is its width plus the other half's count (a concatenation), else its own count."""
    k = _clog2(n)
    m = 1 << (k - 1)
    first, other = (lo + n - m, lo) if from_top else (lo, lo + m)
    z = f"~|{_bits(a, first - shift, m)}" if m > 1 else f"~{_bit(a, first - shift)}"
    if n == 2:
        return z
    in_first = _tree_count(a, first, m, from_top, shift) if m > 1 else ""
    rest = n - m
    in_other = _tree_count(a, other, rest, from_top, shift) if rest > 1 else ""
    pad = (k - 1) - (_clog2(rest) if rest > 1 else 0)
    hi_parts = ["1'b1"] + ([f"{pad}'b0"] if pad > 0 else []) + ([in_other] if in_other else [])
    lo_parts = ["1'b0"] + ([in_first] if in_first else [])
    return f"(({z}) ? {{{', '.join(hi_parts)}}} : {{{', '.join(lo_parts)}}})"


def _tree_highest(a: Operand, lo: int, n: int) -> str:
    """Index of the highest set bit among bits ``lo .. lo+n-1`` (0 when none), ``clog2(n)`` bits, by halves."""
    k = _clog2(n)
    m = 1 << (k - 1)
    rest = n - m  # the upper part [lo+m, lo+n)
    any_hi = f"|{_bits(a, lo + m, rest)}" if rest > 1 else _bit(a, lo + m)
    if n == 2:
        return any_hi
    in_hi = _tree_highest(a, lo + m, rest) if rest > 1 else ""
    in_lo = _tree_highest(a, lo, m) if m > 1 else ""
    pad = (k - 1) - (_clog2(rest) if rest > 1 else 0)
    hi_parts = ["1'b1"] + ([f"{pad}'b0"] if pad > 0 else []) + ([in_hi] if in_hi else [])
    lo_parts = ["1'b0"] + ([in_lo] if in_lo else [])
    return f"(({any_hi}) ? {{{', '.join(hi_parts)}}} : {{{', '.join(lo_parts)}}})"


def _mux_tree(sel: Operand, arms: list[str], lo: int, hi_bit: int) -> str:
    """Binary mux tree over select bits ``hi_bit`` down to 0 for arms[lo : lo + 2**(hi_bit+1)]."""
    if hi_bit < 0:
        return arms[lo]
    half = 1 << hi_bit
    a0 = _mux_tree(sel, arms, lo, hi_bit - 1)
    a1 = _mux_tree(sel, arms, lo + half, hi_bit - 1)
    if a0 == a1:
        return a0
    return f"({_bit(sel, hi_bit)} ? {a1} : {a0})"


# ---- the matcher ------------------------------------------------------------------------------------
def match_target(t: np.ndarray, w: int, ops: list[Operand], deadline: float | None = None,
                 _arm: bool = False) -> list[tuple]:
    """All library functions of ``ops`` that equal ``t`` (a ``w``-bit word) on every vector.

    Returns ``(kind, operands, [expr, ...])`` tuples, most preferred first.
    """
    out = _match_target(t, w, ops, deadline)
    if out or _arm:
        return out
    return _match_const_arm(t, w, ops, deadline)


#: vectors the non-constant arm of a constant-arm mux needs to be matched on
_ARM_MIN_VECTORS = 64


def _match_const_arm(t: np.ndarray, w: int, ops: list[Operand], deadline: float | None) -> list[tuple]:
    """``c ? K : f(...)``: a 1-bit operand whose one value makes the word a constant (a flag that
    forces a full/idle value), the other arm a library function matched on the remaining vectors."""
    m = mask(w)
    t = t & m
    out: list[tuple] = []
    for c in ops:
        if c.width != 1:
            continue
        cv = (c.value & np.uint64(1)) == 1
        for pol in (True, False):
            at = cv if pol else ~cv
            rest = ~at
            if not at.any() or int(rest.sum()) < _ARM_MIN_VECTORS:
                continue
            k = t[at]
            if not np.all(k == k[0]):
                continue
            sub = [dataclasses.replace(o, value=o.value[rest]) for o in ops if o is not c]
            sub = [o for o in sub if not np.all(o.value == o.value[0])]
            got = match_target(t[rest], w, sub, deadline, _arm=True)
            if not got:
                continue
            kind, used, exprs = got[0]
            if kind in ("copy", "mux", "indexed_mux", "onehot_andor_mux"):
                continue  # a plain multiplexer: the cone's own if/case structure
            byname = {o.text: o for o in ops}
            used = (c,) + tuple(byname.get(o.text, o) for o in used)
            kv = f"{w}'d{int(k[0])}"
            forms = [f"{c.text} ? {kv} : ({e})" if pol else f"{c.text} ? ({e}) : {kv}" for e in exprs]
            out.append(("const_arm_" + kind, used, forms))
    return out


def _funnel_shifts(t: np.ndarray, w: int, ops: list[Operand], m) -> list[tuple]:
    """A shift of the concatenation ``{h, l}`` of two free words by a third (a funnel/extract of a bit
    stream written per position or per bit, with no word naming the concatenation): ``{h, l} >> s``,
    ``{h, l} << s`` or their bounded forms (:func:`_limited_shifts`)."""
    words = [o for o in ops if o.free and o.width >= 2]
    amts = [o for o in ops if o.free and 1 <= o.width <= 7]
    out: list[tuple] = []
    if w < 2 or not amts:
        return out
    for h, lo in permutations(words, 2):
        wc = h.width + lo.width
        if wc > 64 or wc <= w or set(h.bits) & set(lo.bits):
            continue
        cv = ((h.value & mask(h.width)) << np.uint64(lo.width)) | (lo.value & mask(lo.width))
        cat = Operand(f"{{{_p(h)}, {_p(lo)}}}", h.base, wc, cv, False, True, tuple(lo.bits) + tuple(h.bits))
        for b in amts:
            if b is h or b is lo or set(b.bits) & set(cat.bits):
                continue
            bv = b.value
            sh = np.minimum(bv, np.uint64(63))
            big = bv >= np.uint64(64)
            if np.array_equal(np.where(big | (bv >= np.uint64(wc)), np.uint64(0), cv >> sh) & m, t):
                out.append(("funnel_shift_right", (h, lo, b), [f"{cat.text} >> {_p(b)}"]))
            elif np.array_equal(np.where(big, np.uint64(0), cv << sh) & m, t):
                out.append(("funnel_shift_left", (h, lo, b), [f"{cat.text} << {_p(b)}"]))
            else:
                out += [("funnel_" + k, (h, lo, b), ex) for k, _u, ex in _limited_shifts(t, w, cat, b, m, sh, big)]
            if out:
                return out
    return out


def _limited_shifts(t: np.ndarray, w: int, a: Operand, b: Operand, m, sh, big) -> list[tuple]:
    """A shift whose amount is bounded: the word is ``a << b`` / ``a >> b`` while ``b < L`` and zero from
    ``L`` on (a funnel/extract loop over ``b == i`` for ``i < L``, a barrel shifter with an out-of-range
    guard): ``(b < L) ? (a >> b) : 0`` -- one log shifter and one compare instead of an L:1 mux per bit."""
    av, bv = a.value, b.value
    for kind, pred, op in (("shift_left", np.where(big, np.uint64(0), av << sh), "<<"),
                           ("shift_right", np.where(big, np.uint64(0), (av & mask(a.width)) >> sh), ">>")):
        bad = (pred & m) != t
        if not bad.any():
            continue
        lim = int(bv[bad].min())
        hi = bv >= np.uint64(lim)
        # below the bound the shift on every vector, from it on zero; both sides seen
        if lim < 1 or bad[~hi].any() or np.any(t[hi] != 0) or not (~hi).any() or int(hi.sum()) < 8:
            continue
        if lim >= (1 << b.width) or len(np.unique(bv[~hi])) < min(lim, 4):
            continue
        forms = [f"({_p(b)} < {b.width}'d{lim}) ? ({_p(a)} {op} {_p(b)}) : {w}'d0",
                 f"({_p(a)} {op} {_p(b)}) & {{{w}{{{_p(b)} < {b.width}'d{lim}}}}}"]
        # the whole word instead of the low slice the cone reads (right shift: its upper bits never
        # reach the result below the bound; the synthesized shifter differs): a second spelling
        whole = re.sub(r"\b([A-Za-z_]\w*)\[\d+:0\]", r"\1", _p(a))
        if whole != _p(a) and op == ">>":
            forms.insert(1, f"({_p(b)} < {b.width}'d{lim}) ? ({whole} {op} {_p(b)}) : {w}'d0")
        return [("limited_" + kind, (a, b), forms)]
    return []


def _match_target(t: np.ndarray, w: int, ops: list[Operand], deadline: float | None = None) -> list[tuple]:
    m = mask(w)
    t = t & m
    out: list[tuple] = []

    def ok(pred) -> bool:
        return bool(np.array_equal(pred & m, t))

    const = bool(np.all(t == t[0])) if len(t) else True
    if const:
        return []
    # the cone only reproduces a word that already exists (redundant logic around it)
    for a in ops:
        if a.width == w and ok(a.value):
            out.append(("copy", (a,), [a.text]))
    for a in ops:
        if a.width < 1:
            continue
        av = a.value
        wa = a.width
        if w == 1 and wa >= 2:
            if ok(_popcount(av) & np.uint64(1)):
                out.append(("parity", (a,), [f"^{_p(a)}"]))
            elif ok((av != 0).astype(np.uint64)):
                out.append(("reduce_or", (a,), [f"|{_p(a)}"]))
            elif ok((av == mask(wa)).astype(np.uint64)):
                out.append(("reduce_and", (a,), [f"&{_p(a)}"]))
        if wa >= 2 and w >= 1:
            if ok(np.uint64(0) - (_s(av, wa).view(np.uint64) if a.signed else av)):
                out.append(("negate", (a,), [f"-{a.text}"]))
            if ok(av + np.uint64(1)):
                out.append(("increment", (a,), [f"{a.text} + 1'b1"]))
            if ok(av - np.uint64(1)):
                out.append(("decrement", (a,), [f"{a.text} - 1'b1"]))
            if w == wa and ok(av & (np.uint64(0) - av)):
                # the one-hot decode of a lowest-index priority encoder: the isolated lowest set bit
                out.append(("isolate_lowest", (a,), [f"{_p(a)} & (~{_p(a)} + 1'b1)"]))
            elif w == wa and 2 <= wa <= 32:
                got = _isolate_highest_match(av, wa, ok)
                if got is not None:
                    out.append(("isolate_highest", (a,), [_isolate_highest_expr(a, got)]))
            if w == wa + 1 and wa <= 31 and ok(_isolate_highest((av << np.uint64(1)) | np.uint64(1), w)):
                # the decode of a highest-index priority encoder whose bit 0 does not matter (it only
                # decides between index 0 and "nothing set", which both decode to bit 0)
                out.append(("isolate_highest", (a,), [_isolate_highest_expr(a, 1)]))
            if w == wa:
                neg = (av >> np.uint64(wa - 1)) & np.uint64(1)
                if ok(np.where(neg == 1, np.uint64(0) - av, av)):
                    out.append(("abs", (a,), [f"{_bit(a, wa - 1)} ? -{_p(a)} : {_p(a)}"]))
            if w >= 2 and wa <= 64 and (1 << w) > wa and ok(_popcount(av)):
                adds = " + ".join(_bit(a, k) for k in range(wa))
                out.append(("popcount", (a,), [f"$countones({a.text})", adds]))
            if 2 <= w <= 7 and wa <= 64:
                if ok(_lowest_index(av, wa)):
                    out.append(("priority_lowest", (a,), _prio_lo_exprs(a, w)))
                elif ok(_highest_index(av, wa)):
                    out.append(("priority_highest", (a,), _prio_hi_exprs(a, w)))
                elif ok(_or_of_indices(av, wa)):
                    out.append(("onehot_to_binary", (a,),
                                [_onehot_bits_expr(_p(a), wa, min(w, _clog2(wa)), lambda p: p)]))
            if 2 <= w <= 8 and wa <= 64 and (1 << w) > wa:
                zero = av == np.uint64(0)
                if ok(np.where(zero, np.uint64(wa), _lowest_index(av, wa))):
                    out.append(("trailing_zeros", (a,), _tzc_exprs(a, w)))
                elif ok(np.where(zero, np.uint64(wa), np.uint64(wa - 1) - _highest_index(av, wa))):
                    out.append(("leading_zeros", (a,), _lzc_exprs(a, w)))
        if wa >= 3 and w >= 2 and wa <= 62:
            # signed division by a power of two (rounds toward zero): bias negatives, shift arithmetically
            for k in range(1, wa - 1):
                if ok(_sdiv_pow2(av, wa, k)):
                    bias = f"{{{{{wa - k}{{1'b0}}}}, {{{k}{{{_bit(a, wa - 1)}}}}}}}"
                    out.append(("signed_div_pow2", (a,), [f"$signed({_p(a)} + {bias}) >>> {k}"]))
                    break
        if wa <= 7 and w >= 2 and (1 << wa) >= w // 2:
            dec = np.where(av < np.uint64(min(w, 64)), np.uint64(1) << np.minimum(av, np.uint64(63)),
                           np.uint64(0))
            if ok(dec):
                out.append(("decoder", (a,), [f"{w}'d1 << {_p(a)}"]))
            elif not np.array_equal(dec & m, t):
                for c in ops:
                    if c.width != 1:
                        continue
                    en = (c.value & np.uint64(1)) == 1
                    if ok(np.where(en, dec, np.uint64(0))):
                        out.append(("decoder_enable", (a, c), [f"{{{w}{{{c.text}}}}} & ({w}'d1 << {_p(a)})",
                                                               f"{c.text} ? ({w}'d1 << {_p(a)}) : {w}'d0"]))
                        break
                    if ok(np.where(en, np.uint64(0), dec)):
                        out.append(("decoder_enable", (a, c), [f"{{{w}{{~{c.text}}}}} & ({w}'d1 << {_p(a)})",
                                                               f"{c.text} ? {w}'d0 : ({w}'d1 << {_p(a)})"]))
                        break
    if deadline is not None and time.monotonic() > deadline:
        return out
    for a, b in permutations(ops, 2):
        wa, wb = a.width, b.width
        av, bv = a.value, b.value
        first = ops.index(a) < ops.index(b)
        if w == 1 and wa > 1 and wb > 1:
            if first and ok((av == bv).astype(np.uint64)):
                out.append(("equal", (a, b), [f"{_p(a)} == {_p(b)}"]))
            if first and ok((av != bv).astype(np.uint64)):
                out.append(("not_equal", (a, b), [f"{_p(a)} != {_p(b)}"]))
            # both words zero / either nonzero (two zero tests of transformed words: of what feeds them)
            if first and ok(((av == 0) & (bv == 0)).astype(np.uint64)):
                out.append(("both_zero", (a, b), [f"~|{{{a.text}, {b.text}}}"]))
            elif first and ok(((av != 0) | (bv != 0)).astype(np.uint64)):
                out.append(("any_nonzero", (a, b), [f"|{{{a.text}, {b.text}}}"]))
            # written with the operand that comes first (inputs in declaration order) on the left
            lt_, le_ = ("<", "<=") if first else (">", ">=")
            x, y = (a, b) if first else (b, a)
            if ok((av < bv).astype(np.uint64)):
                out.append(("less_than", (a, b), [f"{_p(x)} {lt_} {_p(y)}"]))
            if ok((av <= bv).astype(np.uint64)):
                out.append(("less_equal", (a, b), [f"{_p(x)} {le_} {_p(y)}"]))
            if wa == wb:
                sa, sb = _s(av, wa), _s(bv, wb)
                if ok((sa < sb).astype(np.uint64)):
                    out.append(("less_than_signed", (a, b), [f"{_sg(x)} {lt_} {_sg(y)}"]))
                if ok((sa <= sb).astype(np.uint64)):
                    out.append(("less_equal_signed", (a, b), [f"{_sg(x)} {le_} {_sg(y)}"]))
            if first and wa == wb and ok(((av + bv) >> np.uint64(wa)) & np.uint64(1)):
                out.append(("carry_out", (a, b), [f"({{1'b0, {_p(a)}}} + {_p(b)}) >> {wa}"]))
        if w > 1 and wa > 1 and wb > 1:
            if first and ok(av + bv):
                out.append(("add", (a, b), [f"{_p(a)} + {_p(b)}"]))
            if ok(av - bv):
                out.append(("subtract", (a, b), [f"{_p(a)} - {_p(b)}"]))
            elif w > wa == wb and ok((av - bv) & mask(wa)):
                # the difference modulo 2**wa, zero-extended (``a >= b ? a - b : 2**wa - b + a``, a
                # ring-pointer distance): the concatenation sizes the subtraction to the operands
                out.append(("subtract_mod", (a, b), [f"{{{w - wa}'b0, {_p(a)} - {_p(b)}}}"]))
            if first and w == wa == wb:
                lt = av < bv
                slt = _s(av, wa) < _s(bv, wb)
                for kind, pred, e in (("min", np.where(lt, av, bv), f"({_p(a)} < {_p(b)}) ? {_p(a)} : {_p(b)}"),
                                      ("max", np.where(lt, bv, av), f"({_p(a)} < {_p(b)}) ? {_p(b)} : {_p(a)}"),
                                      ("min_signed", np.where(slt, av, bv),
                                       f"({_sg(a)} < {_sg(b)}) ? {_p(a)} : {_p(b)}"),
                                      ("max_signed", np.where(slt, bv, av),
                                       f"({_sg(a)} < {_sg(b)}) ? {_p(b)} : {_p(a)}")):
                    if ok(pred):
                        out.append((kind, (a, b), [e]))
                        break
        if wa >= 2 and 1 <= wb <= 7 and w >= 2:
            sh = np.minimum(bv, np.uint64(63))
            big = bv >= np.uint64(64)
            if ok(np.where(big, np.uint64(0), av << sh)):
                out.append(("shift_left", (a, b), [f"{_p(a)} << {_p(b)}"]))
            elif ok(np.where(big | (bv >= np.uint64(max(wa, w))), np.uint64(0), (av & mask(wa)) >> sh)):
                out.append(("shift_right", (a, b), [f"{_p(a)} >> {_p(b)}"]))
            elif w == wa and ok((_s(av, wa) >> sh.astype(np.int64)).view(np.uint64)):
                out.append(("shift_right_arith", (a, b), [f"$signed({a.text}) >>> {_p(b)}"]))
            elif w == wa and (wa & (wa - 1)) == 0 and (1 << wb) == wa:
                r = bv.astype(np.int64)
                rl = ((av << bv) | (av >> (np.uint64(wa) - bv))) & mask(wa)
                rl = np.where(r == 0, av, rl)
                rr = ((av >> bv) | (av << (np.uint64(wa) - bv))) & mask(wa)
                rr = np.where(r == 0, av, rr)
                # one shifter over the doubled word (a log rotator after synthesis) first; the
                # two-shifter OR form stays as an alternative
                aa = f"{{{_p(a)}, {_p(a)}}}"
                if ok(rl):
                    out.append(("rotate_left", (a, b),
                                [f"({aa} << {_p(b)}) >> {wa}", f"{aa} >> ({wb}'d0 - {_p(b)})",
                                 f"({_p(a)} << {_p(b)}) | ({_p(a)} >> ({wa} - {_p(b)}))"]))
                elif ok(rr):
                    out.append(("rotate_right", (a, b),
                                [f"{aa} >> {_p(b)}", f"({aa} << ({wb}'d0 - {_p(b)})) >> {wa}",
                                 f"({_p(a)} >> {_p(b)}) | ({_p(a)} << ({wa} - {_p(b)}))"]))
            if not out or out[-1][1] != (a, b):
                out += _limited_shifts(t, w, a, b, m, sh, big)
    if deadline is not None and time.monotonic() > deadline:
        return out
    ones = [o for o in ops if o.width == 1]
    words = [o for o in ops if o.width > 1]
    for c in ones:
        cv = c.value & np.uint64(1)
        for a, b in permutations(words, 2):
            av, bv = a.value, b.value
            first = ops.index(a) < ops.index(b)
            if w > 1 and first and ok(av + bv + cv):
                out.append(("add_carry_in", (a, b, c), [f"{_p(a)} + {_p(b)} + {c.text}"]))
            if w > 1 and ok(av - bv - cv):
                out.append(("subtract_borrow_in", (a, b, c), [f"{_p(a)} - {_p(b)} - {c.text}"]))
            if w == 1 and first and a.width == b.width and \
                    ok(((av + bv + cv) >> np.uint64(a.width)) & np.uint64(1)):
                out.append(("carry_out", (a, b, c),
                            [f"({{1'b0, {_p(a)}}} + {_p(b)} + {c.text}) >> {a.width}"]))
            if w > 1 and 1 <= b.width <= 7 and a.width == w and ok(_shift_in_right(av, a.width, bv, cv)):
                # a right shift that fills the vacated bits with a given bit (logical when the bit
                # is 0, arithmetic when it is the sign): one arithmetic shift of the extended word
                out.append(("shift_right_fill", (a, b, c), [f"$signed({{{c.text}, {_p(a)}}}) >>> {_p(b)}"]))
            elif w > 1 and 1 <= b.width <= 7 and a.width == w and \
                    ok(_shift_in_right(av, a.width, bv, cv & (av >> np.uint64(a.width - 1)) & np.uint64(1))):
                # logical or arithmetic by a mode bit: the fill is mode & sign
                out.append(("shift_right_fill", (a, b, c),
                            [f"$signed({{{c.text} & {_bit(a, a.width - 1)}, {_p(a)}}}) >>> {_p(b)}"]))
            if w > 1 and a.width >= w and b.width >= w and ok(np.where(cv == 1, av, bv)):
                out.append(("mux", (c, a, b), [f"{c.text} ? {_p(a)} : {_p(b)}"]))
    # a one-hot AND-OR multiplexer: OR over k of (sel[k] ? data_k : 0), equal on every select value
    # (a priority chain is not: it differs when two select bits are set, and is not matched here)
    for s_ in ops:
        n = s_.width
        if not (2 <= n <= 16) or w < 2:
            continue
        sv = s_.value
        packed = [d for d in ops if d is not s_ and d.width == n * w]
        singles = [d for d in ops if d is not s_ and d.width == w]
        arms_sets = [[(d, k) for k in range(n)] for d in packed]
        if len(singles) >= n:
            pick = []
            for k in range(n):
                one = sv == (np.uint64(1) << np.uint64(k))
                if not one.any():
                    pick = None
                    break
                d = next((d for d in singles if np.array_equal(d.value[one] & m, t[one])), None)
                if d is None:
                    pick = None
                    break
                pick.append((d, None))
            if pick:
                arms_sets.append(pick)
        for arms in arms_sets:
            acc = np.zeros_like(t)
            for k, (d, lane) in enumerate(arms):
                dv = d.value if lane is None else (d.value >> np.uint64(lane * w)) & m
                acc |= np.where(((sv >> np.uint64(k)) & np.uint64(1)) == 1, dv, np.uint64(0))
            if ok(acc):
                terms = []
                for k, (d, lane) in enumerate(arms):
                    dt = _p(d) if lane is None else f"{d.base}[{d.offset + lane * w + w - 1}:{d.offset + lane * w}]"
                    terms.append(f"({{{w}{{{_bit(s_, k)}}}}} & {dt})")
                used = (s_,)
                for d, _l in arms:
                    if not any(d is u for u in used):
                        used += (d,)
                out.append(("onehot_andor_mux", used, [" | ".join(terms)]))
                break
    # an indexed multiplexer: a select word picks one data word (or zero) per value
    for s in ops:
        if not (1 <= s.width <= 4) or w < 1:
            continue
        data = [d for d in ops if d is not s and d.width >= w and d.width > 1]
        if len(data) < 2:
            continue
        arms = []
        for v in range(1 << s.width):
            sel = s.value == np.uint64(v)
            if not sel.any():
                arms = None
                break
            tv = t[sel]
            pick = next((d for d in data if np.array_equal(d.value[sel] & m, tv)), None)
            if pick is not None:
                arms.append(_p(pick))
            elif not tv.any():
                arms.append(f"{w}'d0")
            else:
                arms = None
                break
        if arms and len(set(arms)) >= 2:
            out.append(("indexed_mux", (s,) + tuple(d for d in data if _p(d) in arms),
                        [_mux_tree(s, arms, 0, s.width - 1)]))
    # a clamp of a wider word to w bits, or its overflow flag (read from the top bits of the word)
    from rtlopt.semantic.saturate import match_saturation
    out += match_saturation(t, w, ops)
    # |a - b| written as a compare and two subtractions (or any other way): one subtraction
    from rtlopt.semantic.absdiff import match_absdiff
    out += match_absdiff(t, w, ops)
    if not out:  # a shift of two words side by side (a funnel: {next, current} >> pos), bounded or not
        out += _funnel_shifts(t, w, ops, m)
    if not any(o[0] in ("leading_zeros", "trailing_zeros") for o in out):
        # the least leading/trailing-zero count of several words: the count of their OR
        from rtlopt.semantic.lzcor import match_count_of_or
        out += match_count_of_or(t, w, ops)
    if not out:  # a division/remainder by a constant of one narrow operand: an exact multiply-shift
        from rtlopt.semantic.constdiv import match_mul_shift
        out += match_mul_shift(t, w, ops)
    return out


# ---- per-module driver ---------------------------------------------------------------------------
def _declared(nl: Netlist, scope_names: set[str] | None, name: str) -> bool:
    if "." in name or name.startswith("$") or "\\" in name:
        return False
    return scope_names is None or name in scope_names


def lift_module(nl: Netlist, *, scope_names: set[str] | None = None, nvec: int = 2048,
                deadline: float | None = None, min_cone: int = 3,
                nba_lines: dict[str, set[int]] | None = None, gen_labels: set[str] | None = None,
                inst_types: dict[str, str] | None = None, small_mux: bool = False) -> list[Lift]:
    """Every lift found in ``nl``; ``scope_names`` restricts targets/operands to module-level names.
    ``small_mux``: also a lone mux over other words (marked ``notes['small']``, for xshare).

    Targets are the named combinational words and, for every register, the data words its
    next-state logic loads (``q <= <cone>`` inside a clocked block, under any enable/reset).
    """
    if len(nl.order) > MAX_CONE_CELLS:
        return []
    vals = nl.simulate(nvec, deadline=deadline)
    found: list[Lift] = []
    named = [n for n in nl.nets.values() if not n.hidden and _declared(nl, scope_names, n.name)]
    for tgt in sorted(named, key=lambda n: n.name):
        if deadline is not None and time.monotonic() > deadline:
            break
        if tgt.port == "input" or tgt.width > WIDE_MAX:
            continue
        ibits = [b for b in tgt.bits if isinstance(b, int)]
        if not ibits or any(b in nl.free for b in ibits):
            continue
        got = _lift_bits(nl, vals, named, tgt, tgt.bits, min_cone, deadline, small_mux=small_mux)
        if got is None:
            continue
        kind, used, exprs, removed, cone_names, rest = got
        small = kind.startswith("small_")
        kind = kind.removeprefix("small_")
        found.append(Lift(nl.module, (tgt.name,), tgt.name, kind, tuple(sorted({o.base for o in used})),
                          tuple(exprs), removed, {"width": tgt.width, "ops": tuple(o.text for o in used),
                                                  "carry_width": max(o.width for o in used),
                                                  "cone_names": cone_names, "alternatives": rest,
                                                  **({"small": True} if small else {})}))
    found = _group_carries(found)
    found += _scoped_lifts(nl, vals, named, min_cone, deadline, gen_labels, inst_types)
    regs = {n.name for n in named}
    words = {tuple(n.bits) for n in named}
    for reg, _q, leaf_sets, switches in nl.register_leaves(nba_lines):
        if reg not in regs:
            continue
        jobs, seen = [], set()
        for leaves in leaf_sets:
            for k, (bits, conds) in enumerate(leaves):
                if tuple(bits) not in seen:
                    seen.add(tuple(bits))
                    jobs.append((bits, conds, {"leaf": k, "nleaves": len(leaves),
                                               "src_lines": tuple(sorted(nl.src_lines(bits)))}))
        jobs += [(bits, conds, {"switch": lines}) for bits, lines, conds in switches]
        for bits, conds, where in jobs:
            if deadline is not None and time.monotonic() > deadline:
                return found
            if len(bits) > WIDE_MAX or not any(isinstance(b, int) and b in nl.driver for b in bits) \
                    or tuple(bits) in words:  # a named word: lifted (or not) as a combinational target
                continue
            pseudo = Net("$leaf", list(bits))
            # the arm's value matters only where the if/case selects it
            sel = nl.path_mask(vals, conds)
            if sel is not None and int(sel.sum()) < 64:
                continue
            got = _lift_bits(nl, vals, named, pseudo, bits, min_cone, deadline, sel)
            if got is None:
                continue
            kind, used, exprs, removed, cone_names, rest = got
            if kind in ("mux", "indexed_mux"):
                continue  # the register's own if/case structure seen through a path condition
            if "switch" in where and (reg in {o.base for o in used} or any(
                    f.lhs == reg and f.notes.get("clocked") and f.exprs[0] == exprs[0] for f in found)):
                continue  # a switch that only repeats what one of its arms computes
            found.append(Lift(nl.module, (reg,), reg, kind, tuple(sorted({o.base for o in used})),
                              tuple(exprs), removed,
                              dict(where, width=len(bits), ops=tuple(o.text for o in used), cone_names=cone_names,
                                   clocked=True, alternatives=rest)))
    return found


def _scoped_lifts(nl: Netlist, vals: dict, named: list, min_cone: int, deadline: float | None,
                  gen_labels: set[str] | None = None, inst_types: dict[str, str] | None = None) -> list[Lift]:
    """Lifts of words declared inside a generate block or inside a submodule instance (flattened).

    Generate block: every instance of the block must compute the same expression of the block's own
    names (and module-level names), so one edit of the block's source serves all of them. Submodule:
    every instance must compute the same expression of the submodule's own names; the lift belongs to
    the submodule's source (its ``module``)."""
    gen_labels = gen_labels or set()
    inst_types = inst_types or {}
    groups: dict[tuple[str, str, str], list] = {}
    for n in nl.nets.values():
        if n.hidden or n.name.startswith("$") or "\\" in n.name or "." not in n.name:
            continue
        prefix, local = n.name.rsplit(".", 1)
        if not re.fullmatch(r"[A-Za-z_]\w*(\[\d+\])?(\.[A-Za-z_]\w*(\[\d+\])?)*", prefix) or \
                not re.fullmatch(r"[A-Za-z_]\w*", local):
            continue
        comps = [re.sub(r"\[\d+\]$", "", c) for c in prefix.split(".")]
        if comps[-1] in inst_types and all(c in gen_labels for c in comps[:-1]):
            key = ("instance", inst_types[comps[-1]], local)
        elif all(c in gen_labels for c in comps):
            key = ("generate", re.sub(r"\[\d+\]", "[*]", prefix), local)
        else:
            continue
        groups.setdefault(key, []).append((prefix, n))
    by_prefix: dict[str, list] = {}
    for insts in groups.values():
        for prefix, n in insts:
            by_prefix.setdefault(prefix, []).append(n)
    out = []
    for (how, pat, local), insts in sorted(groups.items()):
        if deadline is not None and time.monotonic() > deadline:
            break
        common: list | None = None
        one = None
        for prefix, n in insts:
            ibits = [b for b in n.bits if isinstance(b, int)]
            if n.width > WIDE_MAX or not ibits or any(b in nl.free for b in ibits):
                common = None
                break
            view = [Net(m.name.rsplit(".", 1)[1], m.bits, m.signed, port=None) for m in by_prefix[prefix]]
            if how == "generate":
                view += list(named)
            tgt = Net(local, n.bits, n.signed)
            got = _lift_bits(nl, vals, [v for v in view if v.name != local] + [tgt], tgt, n.bits, min_cone,
                             deadline)
            if got is None:
                common = None
                break
            # the first, then the alternative readings: one that every instance shares
            mine = [(got[0], tuple(o.text for o in got[1]), tuple(got[2]))] + \
                [(k, tuple(t), tuple(e)) for k, t, e in got[5]]
            common = mine if common is None else [x for x in common if x in mine]
            one = got
            if not common:
                break
        if not common or one is None:
            continue
        kind, optexts, exprs = common[0]
        _k, _u, _e, removed, cone_names, _rest = one
        bases = tuple(sorted({re.sub(r"\[.*", "", t) for t in optexts}))
        notes = {"width": len(insts[0][1].bits), "ops": optexts, "cone_names": cone_names,
                 "alternatives": common[1:]}
        if how == "generate":
            notes["scope"] = pat
            module = nl.module
        else:
            notes["instance_in"] = nl.module
            module = pat
        out.append(Lift(module, (local,), local, kind, bases, exprs, removed * len(insts), notes))
    return out


#: Words up to this wide are targets/operands; beyond 64 bits they are matched as Python ints.
WIDE_MAX = 512


def match_wide(t: np.ndarray, w: int, ops: list[Operand]) -> list[tuple]:
    """:func:`match_target` for words wider than 64 bits (values are Python ints in object arrays):
    equality, magnitude comparison, reductions, add/subtract/increment/decrement/negate, 2:1 mux."""
    m = (1 << w) - 1
    t = np.asarray(t, dtype=object) & m
    if len(t) == 0 or bool(np.all(t == t[0])):
        return []

    def ok(pred) -> bool:
        return bool(np.all((np.asarray(pred, dtype=object) & m) == t))

    def b(x) -> np.ndarray:
        return np.asarray(x, dtype=bool).astype(np.int64).astype(object)

    out: list[tuple] = []
    for a in ops:
        av, wa = a.value, a.width
        if w == 1 and wa >= 2:
            if ok(b(av != 0)):
                out.append(("reduce_or", (a,), [f"|{_p(a)}"]))
            elif ok(b(av == (1 << wa) - 1)):
                out.append(("reduce_and", (a,), [f"&{_p(a)}"]))
            elif ok(np.array([bin(int(x)).count("1") & 1 for x in av], dtype=object)):
                out.append(("parity", (a,), [f"^{_p(a)}"]))
        if w > 1 and wa >= 2:
            if ok(av + 1):
                out.append(("increment", (a,), [f"{a.text} + 1'b1"]))
            elif ok(av - 1 + (1 << max(w, wa))):
                out.append(("decrement", (a,), [f"{a.text} - 1'b1"]))
            elif ok((1 << max(w, wa)) - av):
                out.append(("negate", (a,), [f"-{_p(a)}"]))
    for a, c in permutations(ops, 2):
        av, cv = a.value, c.value
        first = ops.index(a) < ops.index(c)
        if w == 1 and a.width > 1 and c.width > 1:
            if first and ok(b(av == cv)):
                out.append(("equal", (a, c), [f"{_p(a)} == {_p(c)}"]))
            if first and ok(b(av != cv)):
                out.append(("not_equal", (a, c), [f"{_p(a)} != {_p(c)}"]))
            x, y, lt_ = (a, c, "<") if first else (c, a, ">")
            if ok(b(av < cv)):
                out.append(("less_than", (a, c), [f"{_p(x)} {lt_} {_p(y)}"]))
        if w > 1 and a.width > 1 and c.width > 1:
            if first and ok(av + cv):
                out.append(("add", (a, c), [f"{_p(a)} + {_p(c)}"]))
            if ok(av - cv + (1 << max(w, a.width, c.width))):
                out.append(("subtract", (a, c), [f"{_p(a)} - {_p(c)}"]))
    if 2 <= w <= 8:  # the least leading/trailing-zero count of the lanes of a wide packed word
        from rtlopt.semantic.lzcor import match_count_of_or
        out += match_count_of_or(t, w, ops)
    ones = [o for o in ops if o.width == 1]
    words = [o for o in ops if o.width >= w > 1]
    for s_ in ones:
        sv = s_.value.astype(bool) if s_.value.dtype != object else np.array([bool(x) for x in s_.value])
        for a, c in permutations(words, 2):
            if ok(np.where(sv, a.value, c.value)):
                out.append(("mux", (s_, a, c), [f"{s_.text} ? {_p(a)} : {_p(c)}"]))
    return out


#: Exhaustive simulation of a cone of one operand up to this many input bits.
EXHAUSTIVE_BITS = 14


def _match_constant_compare(nl: Netlist, tbits: list, w: int, ops: list[Operand], boundary: set,
                            cone: set) -> list[tuple]:
    """A 1-bit function of one word ``x`` that is ``x == K``, ``x != K``, ``x < K``, ``x >= K`` or a
    range ``K1 <= x <= K2``, found by simulating the cone exhaustively over ``x``."""
    if w != 1:
        return []
    live = {b for b in boundary if isinstance(b, int)}
    for a in ops:
        if not a.free or a.width < 2 or a.width > EXHAUSTIVE_BITS:
            continue
        abits = [b for b in a.bits if isinstance(b, int)]
        if not live <= set(abits):
            continue
        n = 1 << a.width
        xs = np.arange(n, dtype=np.uint64)
        inputs = {b: ((xs >> np.uint64(k)) & np.uint64(1)).astype(bool) for k, b in enumerate(a.bits)}
        try:
            vals = nl.simulate_cells(cone, inputs, n)
        except Exception:  # noqa: BLE001 - an unsupported cell: no exhaustive answer
            return []
        b0 = tbits[0]
        if isinstance(b0, int) and b0 not in vals:
            return []
        tv = nl.bits_value(vals, [b0])[0]
        return _threshold_exprs(tv, a) or _symmetric_exprs(tv, a, xs)
    return []


def _match_modular_window(nl: Netlist, tbits: list, ops: list[Operand], boundary: set, cone: set,
                          deadline: float | None = None) -> list[tuple]:
    """A 1-bit function of two words ``a``, ``b`` that depends only on their modular distance
    ``d = (a - b) mod 2^n`` and is a threshold/range of it (a sequence-number window check written as
    range compares with wrap cases): ``(a - b) < K`` and the like, one subtraction and one compare.
    Found by simulating the cone over every ``d`` from two random bases ``b`` (the same answer from both)."""
    live = {x for x in boundary if isinstance(x, int)}
    words = [o for o in ops if o.free and 2 <= o.width <= 16 and not o.signed]
    if len(words) < 2 or len(words) > 4 or len(cone) > 2000:
        return []  # (a bounded effort: every pair costs two simulations of the cone over 2^n vectors)
    rng = np.random.default_rng(11)
    found: list[tuple] = []
    for a in words:
        for b in words:
            if a is b or a.width != b.width or not live <= {x for x in a.bits + b.bits if isinstance(x, int)}:
                continue
            if deadline is not None and time.monotonic() > deadline:
                return found[:1]
            n = 1 << a.width
            d = np.arange(n, dtype=np.uint64)
            got = []
            for _ in range(2):
                bv = rng.integers(0, n, n, dtype=np.uint64)
                av = (bv + d) & mask(a.width)
                inputs = {x: ((av >> np.uint64(k)) & np.uint64(1)).astype(bool) for k, x in enumerate(a.bits)}
                inputs.update({x: ((bv >> np.uint64(k)) & np.uint64(1)).astype(bool) for k, x in enumerate(b.bits)})
                try:
                    vals = nl.simulate_cells(cone, inputs, n)
                except Exception:  # noqa: BLE001 - an unsupported cell: no answer
                    return []
                if isinstance(tbits[0], int) and tbits[0] not in vals:
                    return []
                got.append(nl.bits_value(vals, [tbits[0]])[0].astype(bool))
            if not np.array_equal(got[0], got[1]):
                continue
            diff = Operand(text=f"({a.text} - {b.text})", base=a.base, width=a.width, value=d, signed=False,
                           free=True)
            out = [(k, (a, b), ex) for k, _u, ex in _threshold_exprs(got[0], diff)]
            if out and out[0][0] in ("equal_const", "not_equal_const") and \
                    (not got[0][0] if out[0][0] == "not_equal_const" else got[0][0]):
                continue  # a == b / a != b: the rest of the library
            found += [("mod_window_" + k, u, ex) for k, u, ex in out]
    # a window starting at the base first: (a - b) < K is one subtraction and one compare
    rank = {"mod_window_less_than_const": 0, "mod_window_greater_equal_const": 1, "mod_window_range_const": 2}
    found.sort(key=lambda mt: rank.get(mt[0], 3))
    return found[:1]


def _symmetric_exprs(t: np.ndarray, a: Operand, xs: np.ndarray) -> list[tuple]:
    """A symmetric function of the bits of ``a`` (it depends only on how many are set: a disparity or
    weight check, a majority, "at least k requests"): a compare of ``a``'s population count, found by
    the exhaustive values ``t`` over ``xs``."""
    pc = _popcount(xs)
    g = np.zeros(a.width + 1, dtype=bool)
    for c in range(a.width + 1):
        at = t[pc == np.uint64(c)].astype(bool)
        if at.any() != at.all():
            return []
        g[c] = bool(at[0])
    cw = _clog2(a.width + 1)
    # a sum of the bits, compared with cw-bit constants: the relational context sizes it to cw bits
    adds = "(" + " + ".join(_bit(a, k) for k in range(a.width)) + ")"
    cnt = Operand(text=adds, base=adds, width=cw, value=g, signed=False, free=True)
    out = _threshold_exprs(g, cnt)
    return [("symmetric_" + k, (a,), ex) for k, _u, ex in out]


def _threshold_exprs(t: np.ndarray, a: Operand) -> list[tuple]:
    n = len(t)
    ones = np.flatnonzero(t)
    if len(ones) in (0, n):
        return []
    x = _p(a)
    lit = lambda v: f"{a.width}'d{v}"  # noqa: E731
    lo, hi = int(ones[0]), int(ones[-1])
    contiguous = hi - lo + 1 == len(ones)
    if len(ones) == 1:
        return [("equal_const", (a,), [f"{x} == {lit(lo)}"])]
    if len(ones) == n - 1:
        k = int(np.flatnonzero(~t)[0])
        return [("not_equal_const", (a,), [f"{x} != {lit(k)}"])]
    if contiguous and lo == 0:
        return [("less_than_const", (a,), [f"{x} < {lit(hi + 1)}", f"{x} <= {lit(hi)}"])]
    if contiguous and hi == n - 1:
        return [("greater_equal_const", (a,), [f"{x} >= {lit(lo)}", f"{x} > {lit(lo - 1)}"])]
    if contiguous:
        return [("range_const", (a,), [f"({x} >= {lit(lo)}) && ({x} <= {lit(hi)})"])]
    zeros = np.flatnonzero(~t)
    if int(zeros[-1]) - int(zeros[0]) + 1 == len(zeros):
        return [("outside_range_const", (a,), [f"({x} < {lit(int(zeros[0]))}) || ({x} > {lit(int(zeros[-1]))})"])]
    return []


#: cells that stand for a whole array of logic: one of them alone is worth lifting
_HEAVY = {"$div", "$mod", "$divfloor", "$modfloor"}


def _weight(nl: Netlist, cells) -> int:
    """Size of a cone for the min_cone threshold: its cell count, a divider counting as many."""
    return sum(8 if nl.cells[i].type in _HEAVY else 1 for i in cells)


def _lift_bits(nl: Netlist, vals: dict, named: list, tgt: Net, bits: list, min_cone: int,
               deadline: float | None, sel: np.ndarray | None = None, small_mux: bool = False):
    """``(kind, operands, exprs, cells removed, cone names, alternatives)`` for the word ``bits``."""
    ibits = [b for b in bits if isinstance(b, int)]
    cone = nl.fanin_cells(ibits)
    if _weight(nl, cone) < min_cone:
        return None
    inside, boundary = nl.cone_bits(cone)
    avail = inside | boundary
    ops = _operands(nl, vals, named, tgt, avail, boundary, cone)
    w = len(bits)
    matches = []
    if w <= 64 and ops:
        tv = nl.word(vals, bits)
        if sel is not None and not sel.all():
            tv = tv[sel]
            ops = [dataclasses.replace(o, value=o.value[sel]) for o in ops]
            ops = [o for o in ops if not np.all(o.value == o.value[0])]
        matches = match_target(tv, w, ops, deadline)
        if not any(all(o.free for o in mt[1]) for mt in matches):
            from rtlopt.semantic.algos import match_algorithms  # sorting networks, arbiters, ...
            matches += match_algorithms(tv, w, ops)
        if w == 1 and (sel is None or sel.all()) and not any(all(o.free for o in mt[1]) for mt in matches):
            matches = _match_constant_compare(nl, list(bits), w, ops, boundary, cone) or \
                _match_modular_window(nl, list(bits), ops, boundary, cone, deadline) or matches
        if not any(all(o.free for o in mt[1]) for mt in matches):
            # a step function of one narrow word (a slicer, a quantizer, a threshold table): compares
            # (the cone's exhaustive table over the word: exact wherever the path selects it)
            from rtlopt.semantic.intervals import match_interval_table
            matches = match_interval_table(nl, list(bits), w, ops, boundary, cone, named) or matches
    if not any(all(o.free for o in mt[1]) for mt in matches) and (
            w > 64 or any(len(n.bits) > 64 for n in named if any(isinstance(b, int) and b in boundary for b in n.bits))):
        wops = _operands(nl, vals, named, tgt, avail, boundary, cone, wide=True)
        tv = nl.word_int(vals, bits)
        if sel is not None and not sel.all():
            tv = tv[sel]
            wops = [dataclasses.replace(o, value=o.value[sel]) for o in wops]
            wops = [o for o in wops if not np.all(o.value == o.value[0])]
        matches = match_wide(tv, w, wops) + matches
        if not any(all(o.free for o in mt[1]) for mt in matches):
            from rtlopt.semantic.algos import match_algorithms  # lanes of words wider than 64 bits
            matches += match_algorithms(tv, w, wops)
    # a word that already reads an alias of itself (a wire an earlier lift declared): renaming it is no lift
    alias = {tgt.name} | {n.name for n in named if list(n.bits) == list(bits)}
    matches = [(k, u, [e for e in ex if e not in alias]) for k, u, ex in matches]
    matches = [mt for mt in matches if mt[2]]
    if not matches:
        return None
    # a function of cut points first: it removes the whole cone, not only its last stage
    matches.sort(key=lambda mt: sum(not o.free for o in mt[1]))
    kind, used, exprs = matches[0]
    # the operands' own cones are kept: the lift must remove at least min_cone cells
    kept = nl.fanin_cells([b for o in used for b in o.bits if isinstance(b, int)])
    removed = len(cone - kept)
    from rtlopt.semantic.saturate import KINDS as _SAT_KINDS
    # a clamp is at least a wide compare and a mux: those two cells are worth lifting
    if _weight(nl, cone - kept) < (min(min_cone, 2) if kind in _SAT_KINDS else min_cone):
        if not (small_mux and kind in ("mux", "indexed_mux") and removed >= 1):
            return None
        # a lone mux over other words: no lift of its own, but a post-pass may share the units it
        # selects between (xshare); it is marked 'small'
        kind = "small_" + kind
    cone_names = tuple(sorted(n.name for n in named if n.name != tgt.name and n.port is None and any(
        isinstance(b, int) and b in inside for b in n.bits)))
    rest = [(k, tuple(o.text for o in u), e) for k, u, e in matches[1:4]]
    return kind, used, exprs, removed, cone_names, rest


def _operands(nl, vals, named, tgt, avail, boundary, cone, wide: bool = False) -> list[Operand]:
    ops: list[Operand] = []
    for n in named:
        if n.name == tgt.name:
            continue
        ib = [k for k, b in enumerate(n.bits) if isinstance(b, int) and b in avail]
        if not ib:
            continue
        # the net (or a contiguous slice of it) must be computable without the target
        if any(b in tgt.bits for b in n.bits if isinstance(b, int)):
            continue
        free = all(isinstance(b, int) and b in boundary for b in (n.bits[k] for k in ib))
        if not free and not all(isinstance(b, int) for b in n.bits):
            continue  # an intermediate word with constant bits
        if n.upto:
            continue
        if len(ib) == n.width:
            text, whole = n.name, True
        elif ib == list(range(ib[0], ib[-1] + 1)):
            whole = False
            hi, lo = ib[-1] + n.offset, ib[0] + n.offset
            text = f"{n.name}[{hi}:{lo}]" if len(ib) > 1 else f"{n.name}[{lo}]"
        else:
            continue
        bits = tuple(n.bits[k] for k in ib)
        if len(bits) > (WIDE_MAX if wide else 64):
            continue
        value = nl.word_int(vals, list(bits)) if wide else nl.word(vals, list(bits))
        ops.append(Operand(text, n.name, len(bits), value, n.signed and whole, free, bits, n.offset + ib[0]))
    # cut points first (the lift then removes the whole cone), wide words first, at most MAX_OPERANDS
    ops.sort(key=lambda o: (not o.free, o.width == 1, -o.width, o.text))
    ops = [o for o in ops if not np.all(o.value == o.value[0])]
    return ops[:MAX_OPERANDS]


def _group_carries(found: list[Lift]) -> list[Lift]:
    """An n-bit sum and a 1-bit carry-out of the same operands become ``{cout, sum} = a + b (+ cin)``."""
    sums = {f.notes["ops"]: f for f in found if f.kind in ("add", "add_carry_in") and len(f.targets) == 1}
    out = list(found)
    for c in found:
        if c.kind != "carry_out":
            continue
        ops = c.notes["ops"]
        s = sums.get(ops) or sums.get((ops[1], ops[0]) + ops[2:])
        if s is None or s.notes["width"] != c.notes.get("carry_width"):
            continue
        out.append(Lift(c.module, (c.targets[0], s.targets[0]), f"{{{c.targets[0]}, {s.targets[0]}}}",
                        s.kind + "_with_carry", s.operands, (s.exprs[0],), s.cone_cells + c.cone_cells,
                        dict(s.notes, cone_names=tuple(sorted(set(s.notes["cone_names"])
                                                              | set(c.notes["cone_names"]))))))
    subs = {f.notes["ops"]: f for f in found if f.kind == "subtract" and len(f.targets) == 1}
    for c in found:
        if c.kind != "less_than":
            continue
        s = subs.get(c.notes["ops"])
        if s is None or s.notes["width"] != c.notes.get("carry_width") or len(s.notes["ops"]) != 2:
            continue
        a, b = s.notes["ops"]
        out.append(Lift(c.module, (c.targets[0], s.targets[0]), f"{{{c.targets[0]}, {s.targets[0]}}}",
                        "subtract_with_borrow", s.operands, (f"{{1'b0, {a}}} - {{1'b0, {b}}}",),
                        s.cone_cells + c.cone_cells,
                        dict(s.notes, cone_names=tuple(sorted(set(s.notes["cone_names"])
                                                              | set(c.notes["cone_names"]))))))
    return out
