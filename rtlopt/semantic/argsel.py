"""Selections of the best lane under a filter, recognised by what a cone computes (part of the algorithm
library, :mod:`rtlopt.semantic.algos`).

The target is one output of "the largest (smallest) lane of a key word among the lanes whose valid bit is
set and whose key beats a threshold" (an interrupt controller's preemption: pending sources whose priority
is above the current one, then the highest), or of "the smallest (largest) of ``offset + lane``" (an
earliest-deadline-first pick over release time plus relative deadlines, widened so nothing wraps):

- a threshold test that is monotone in the same key (``key > T`` / ``key >= T`` for a maximum,
  ``key < T`` / ``key <= T`` for a minimum) keeps the best lane whenever it keeps any: the selection is
  the unfiltered one followed by ONE compare of the winner with the threshold;
- a common offset added without wrap does not change the order: the lanes are compared as they are and
  the offset is added once, to the winner.

Each output word is decided by simulation: the winner's index (first or last on ties, a constant when
nothing qualifies), its value (plus the offset), or the "something qualifies" bit. Emitted as one
tournament tree that carries each lane's valid bit and index with its key; the helper wires are named
from the operands, so the outputs of one selection share one tree. Signature agreement is evidence only:
the search loop proves every candidate before it is kept.
"""

from __future__ import annotations

import numpy as np

from rtlopt.semantic.netlist import mask

MAX_LANES = 16
MAX_HYP = 1000  # hypotheses tested per target at most (~0.1 ms each at 2048 vectors)


def _lanes_of(v: np.ndarray, n: int, w: int) -> np.ndarray:
    sh = (np.arange(n, dtype=np.uint64) * np.uint64(w))[:, None]
    return ((v[None, :] >> sh) & mask(w)).astype(np.int64)


def _select(key: np.ndarray, valid: np.ndarray, want_max: bool):
    """(best key, first index, last index, any) of the valid lanes (best key arbitrary when none)."""
    n = key.shape[0]
    fill = np.int64(-1) if want_max else np.int64(1 << 62)
    mk = np.where(valid, key, fill)
    best = mk.max(axis=0) if want_max else mk.min(axis=0)
    hit = (mk == best) & valid
    first = np.argmax(hit, axis=0).astype(np.uint64)
    last = (n - 1 - np.argmax(hit[::-1], axis=0)).astype(np.uint64)
    return best, first, last, valid.any(axis=0)


_OPS = {True: (">", ">="), False: ("<", "<=")}


def _cmp(a: np.ndarray, b: np.ndarray, op: str) -> np.ndarray:
    return {">": a > b, ">=": a >= b, "<": a < b, "<=": a <= b}[op]


def _default(t: np.ndarray, off: np.ndarray) -> int | None:
    """The one value ``t`` shows where nothing qualifies (0 when that never happens); None if several."""
    if not off.any():
        return 0
    u = np.unique(t[off])
    return int(u[0]) if len(u) == 1 else None


def match_argsel(t: np.ndarray, tw: int, ops) -> list[tuple]:
    """``(kind, operands, [expr])`` when ``t`` is an output of a filtered / offset argmax or argmin."""
    # cut points, and intermediate words (a valid vector 'pending & enable' computed in the module)
    free = [o for o in ops if o.width <= 64 and o.value.dtype != object and not o.signed]
    tried = 0
    for K in free:
        if K.text != K.base or K.width < 4:
            continue
        for n in range(min(MAX_LANES, K.width // 2), 1, -1):
            if K.width % n:
                continue
            w = K.width // n
            if w < 2 or w > 32:
                continue
            key = _lanes_of(K.value & mask(K.width), n, w)
            iw = max(1, (n - 1).bit_length())
            vs = [V for V in free if V is not K and V.width == n] + [None]
            # a threshold word, or the constant 0 (a PLIC's "priority 0 never interrupts": key > 0)
            ts = [T for T in free if T is not K and T.width == w] + [_Zero(w, len(t)), None]
            rs = [R for R in free if R is not K and R.width >= w and tw > w] + [None]
            for V in vs:
                if V is None:
                    valid = np.ones(key.shape, dtype=bool)
                else:
                    vv = V.value & mask(n)
                    valid = ((vv[None, :] >> np.arange(n, dtype=np.uint64)[:, None]) & np.uint64(1)) == 1
                for want_max in (True, False):
                    best, first, last, anyv = _select(key, valid, want_max)
                    for T in ts:
                        if T is V:
                            continue
                        for op in (_OPS[want_max] if T is not None else (None,)):
                            if isinstance(T, _Zero) and op != ">":
                                continue  # (key >= 0 is no filter; key < 0 never holds)
                            if V is None and T is None:
                                continue  # a plain argmax: algos._arg_extreme
                            tried += 1
                            if tried > MAX_HYP:
                                return []
                            if T is not None:
                                ok = anyv & _cmp(best, (T.value & mask(w)).astype(np.int64), op)
                                if not ok.any() or ok.all():
                                    continue
                            else:
                                ok = anyv
                            off = ~ok
                            hyp = (K, V, T, op, n, w, want_max)
                            # the "something qualifies" bit
                            if tw == 1 and T is not None and not (V is None and isinstance(T, _Zero)) \
                                    and np.array_equal(t, ok.astype(np.uint64)):
                                # (ties do not matter here: both trees, so that the index's one is shared)
                                return [("argsel_valid", _used(K, V, T),
                                         [_emit(hyp, "valid", tw, True), _emit(hyp, "valid", tw, True, scan=True),
                                          _emit(hyp, "valid", tw, False)])]
                            # the winner's index
                            if tw >= iw and tw <= 8:
                                for is_first, idx in ((True, first), (False, last)):
                                    if not np.array_equal(t[ok], idx[ok]):
                                        continue
                                    d = _default(t, off)
                                    if d is None:
                                        continue
                                    kind = ("argmax" if want_max else "argmin") + "_filtered_index"
                                    return [(kind, _used(K, V, T),
                                             [_emit(hyp, "index", tw, is_first, d),
                                              _emit(hyp, "index", tw, is_first, d, scan=True)])]
                            # the winner's value, maybe plus a common offset
                            if tw >= w:
                                bv = best.astype(np.uint64)
                                for R in rs:
                                    if R is V or R is T:
                                        continue
                                    if R is None:
                                        val = bv
                                    else:
                                        if T is not None:
                                            continue
                                        val = ((R.value & mask(R.width)) + bv) & mask(tw)
                                    if not np.array_equal(t[ok], val[ok]):
                                        continue
                                    d = _default(t, off)
                                    if d is None:
                                        continue
                                    kind = ("argmax" if want_max else "argmin") + (
                                        "_offset_value" if R is not None else "_filtered_value")
                                    return [(kind, _used(K, V, T, R),
                                             [_emit(hyp, "value", tw, True, d, R),
                                              _emit(hyp, "value", tw, True, d, R, scan=True),
                                              _emit(hyp, "value", tw, False, d, R)])]
    return []


class _Zero:
    """The constant threshold 0 (not an operand of the lift)."""

    def __init__(self, w: int, nv: int):
        self.text, self.width, self.value = f"{w}'d0", w, np.zeros(nv, dtype=np.uint64)


def _used(*xs) -> tuple:
    return tuple(x for x in xs if x is not None and not isinstance(x, _Zero))


def _emit(hyp, what: str, tw: int, is_first: bool, dflt: int = 0, R=None, scan: bool = False) -> str:
    """The selection as a tournament tree (log depth), or with ``scan`` as one pass over the lanes in
    order (a running best: the same compares and muxes, often smaller after synthesis, deeper)."""
    from rtlopt.semantic.algos import _FLAT, _h, _ident, _lanes, _remember
    K, V, T, op, n, w, want_max = hyp
    iw = max(1, (n - 1).bit_length())
    pre = f"{_ident(K.base)}_as{_h(K.text, V.text if V else '', n, w, want_max, is_first, *(('scan',) if scan else ()))}"
    decls: list[str] = []
    lanes = _lanes([K], w)
    for ln in lanes:
        fl = ln.text.split("[", 1)[0]
        if fl != ln.text and fl in _FLAT and _FLAT[fl] not in decls:
            decls.append(_FLAT[fl])
    if V is not None:
        decls.append(f"wire [{n - 1}:0] {pre}_v = {V.text};")
    wd = f"[{w - 1}:0] " if w > 1 else ""
    xs = [(f"{pre}_v[{i}]" if V is not None else "1'b1", ln.text, f"{iw}'d{i}") for i, ln in enumerate(lanes)]
    # the right operand wins on a strict compare (first index on ties) or on ties too (last index)
    rel = (">" if is_first else ">=") if want_max else ("<" if is_first else "<=")
    k = 0
    while len(xs) > 1:
        nxt = []
        # a scan pairs the running best (left) with the next lane (right): the same step as a tree node
        pairs = [(0, 1)] if scan else [(i, i + 1) for i in range(0, len(xs) - 1, 2)]
        for i, j in pairs:
            (va, ka, ia), (vb, kb, ib) = xs[i], xs[j]
            tb = f"{pre}_t{k}"
            if V is None:
                decls.append(f"wire {tb} = {kb} {rel} {ka};")
                nv = "1'b1"
            else:
                decls.append(f"wire {tb} = {vb} & (~{va} | ({kb} {rel} {ka}));")
                nv = f"{pre}_o{k}"
                decls.append(f"wire {nv} = {va} | {vb};")
            nk, ni = f"{pre}_k{k}", f"{pre}_i{k}"
            decls.append(f"wire {wd}{nk} = {tb} ? {kb} : {ka};")
            decls.append(f"wire [{iw - 1}:0] {ni} = {tb} ? {ib} : {ia};")
            nxt.append((nv, nk, ni))
            k += 1
        if scan:
            nxt += xs[2:]
        elif len(xs) % 2:
            nxt.append(xs[-1])
        xs = nxt
    bv, bk, bi = xs[0]
    if T is not None:
        ok = f"{pre}_ok{_h(T.text, op)}"
        decls.append(f"wire {ok} = {bv} & ({bk} {op} {T.text});" if V is not None
                     else f"wire {ok} = {bk} {op} {T.text};")
    else:
        ok = bv
    if what == "valid":
        return _remember(ok, decls)
    if what == "index":
        x = bi if tw == iw else f"{{{tw - iw}'d0, {bi}}}"
    else:
        if R is not None:
            s = f"{pre}_s{_h(R.text, tw)}"
            decls.append(f"wire [{tw - 1}:0] {s} = {R.text} + {bk};")
            x = s
        else:
            x = bk if tw == w else f"{{{tw - w}'d0, {bk}}}"
    if ok == "1'b1":
        return _remember(x, decls)
    return _remember(f"{ok} ? {x} : {tw}'d{dflt}", decls)
