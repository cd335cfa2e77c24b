"""The least leading-zero (trailing-zero) count over several words is the count of their OR.

``min(lzc(a), lzc(b), ...) = lzc(a | b | ...)`` for words of one width (the OR's highest one is the
highest one of any word; all zero only when every word is), and likewise ``min(tzc(a), ...) =
tzc(a | ...)``. A block-floating-point normaliser's block exponent, written as one counter per sample
(a priority loop, casez, a function, a generate of child instances) and a min over them (``?:``,
if/else, a loop, a tree), is one counter on the OR of the samples.

The matcher (word-level lifting, by simulation signatures; the search loop proves every lift) tries
the ORs of the equal-width lanes of one packed operand (``[N-1:0][W-1:0] x`` or a flat ``N*W``-bit
word) and of several equal-width operands. The OR is a helper wire (a packed array is read through a
flat copy, so its lanes are plain part-selects), counted by the library's leading/trailing-zero
expressions. Nothing is matched when one word alone already explains the target (a single count), and a
count of words of different widths, an offset count or a max of counts is no such OR (the signatures
disagree).
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

from rtlopt.semantic.netlist import mask

#: Equal-width operands ORed together: every subset (of at least two) of the first this many, and all.
MAX_GROUP = 4


def _lzc(v: np.ndarray, k: int) -> np.ndarray:
    from rtlopt.semantic.lift import _highest_index
    return np.where(v == np.uint64(0), np.uint64(k), np.uint64(k - 1) - _highest_index(v, k))


def _tzc(v: np.ndarray, k: int) -> np.ndarray:
    from rtlopt.semantic.lift import _lowest_index
    return np.where(v == np.uint64(0), np.uint64(k), _lowest_index(v, k))


def _u64(v: np.ndarray) -> np.ndarray:
    """A value array as uint64 (a wide word's object array of Python ints: its low 64 bits)."""
    if v.dtype == object:
        return np.array([int(x) & 0xFFFFFFFFFFFFFFFF for x in v], dtype=np.uint64)
    return v


def _lane(v: np.ndarray, lo: int, k: int) -> np.ndarray:
    """Bits ``lo .. lo+k-1`` of each value (``k <= 64``; uint64 or, for a wide word, Python ints)."""
    if v.dtype == object:
        return np.array([(int(x) >> lo) & ((1 << k) - 1) for x in v], dtype=np.uint64)
    return (v >> np.uint64(lo)) & mask(k)


def match_count_of_or(t: np.ndarray, w: int, ops: list) -> list[tuple]:
    """``("leading_zeros_of_or" | "trailing_zeros_of_or", operands, exprs)`` where the ``w``-bit target
    ``t`` is the count of the OR of equal-width lanes/operands (see the module doc)."""
    from rtlopt.semantic import lift as L
    from rtlopt.semantic.algos import _h, _ident, _remember

    if not 2 <= w <= 8:
        return []
    m = mask(w)
    t = _u64(t)
    out: list[tuple] = []
    groups: list[tuple[tuple, int, list[np.ndarray], list[str], list[str]]] = []
    # lanes of one packed operand: N words of k bits (only a whole word, read through a flat copy)
    for a in ops:
        if a.text != a.base or a.signed:
            continue
        for k in range(2, min(a.width // 2, (1 << w) - 1, 64) + 1):  # (a lane is a uint64)
            n = a.width // k
            if a.width % k or n < 2:
                continue
            flat = f"rtlopt_flat_{_ident(a.base)}_{_h(a.base, a.width)}"
            lanes = [_lane(a.value, i * k, k) for i in range(n)]
            texts = [f"{flat}[{i * k + k - 1}:{i * k}]" for i in range(n)]
            groups.append(((a,), k, lanes, texts, [f"wire [{a.width - 1}:0] {flat} = {a.text};"]))
    # several operands of one width
    by_w: dict[int, list] = {}
    for a in ops:
        if 2 <= a.width <= 64 and (1 << w) > a.width:
            by_w.setdefault(a.width, []).append(a)
    for k, same in by_w.items():
        subs = [tuple(same)] if len(same) > MAX_GROUP else []  # all of them (eight sample ports)
        subs += [sub for r in range(min(len(same), MAX_GROUP), 1, -1) for sub in combinations(same[:MAX_GROUP], r)]
        for sub in subs:
            groups.append((sub, k, [_u64(s.value) & mask(k) for s in sub], [L._p(s) for s in sub], []))
    for used, k, lanes, texts, pre in groups:
        orv = np.zeros_like(t)
        for v in lanes:
            orv = orv | v
        for kind, count in (("leading_zeros_of_or", _lzc), ("trailing_zeros_of_or", _tzc)):
            if not np.array_equal(count(orv, k) & m, t & m):
                continue
            name = f"rtlopt_or_{_h(kind, tuple(texts))}"
            decls = [*pre, f"wire [{k - 1}:0] {name} = {' | '.join(texts)};"]
            orop = L.Operand(name, name, k, orv, False, all(u.free for u in used),
                             tuple(b for u in used for b in u.bits), 0)
            exprs = (L._lzc_exprs if kind == "leading_zeros_of_or" else L._tzc_exprs)(orop, w)
            out.append((kind, tuple(used), [_remember(e, decls) for e in exprs]))
            return out
    return out
