"""Rotators and normalizers recognised by what a cone computes (part of the algorithm library,
:mod:`rtlopt.semantic.algos`).

- **rotation**: every value of the target is one word rotated left (or right) by an amount word, at
  any width (not only powers of two) and any amount width; amounts at or past the width may give the
  natural rotation (amount mod width), zero or the word itself, each decided per amount value by the
  simulation. ``(x << n) | (x >> (W - n))``, a case table of rotations, a bit loop, a function: all
  compute the same thing. Emitted as a log-stage rotator (one W-bit 2:1 mux per amount bit, stage k
  rotating by ``2**k mod W``) and one compare for the out-of-range amounts.
- **normalization**: the target is one word shifted left until its MSB is set (or right until its LSB
  is set), zero staying zero. Emitted as staged shifts (test the top 2**s bits, shift by 2**s, for s
  from high to low); the stage tests are the leading-zero count, so a count of the same word's leading
  (trailing) zeros in the same module is re-emitted from them (:func:`regroup_normalize`) and the two
  share one structure.

Signature agreement is evidence only: the search loop proves every candidate before it is kept.
"""

from __future__ import annotations

import re

import numpy as np

from rtlopt.semantic.netlist import mask

MAX_AMOUNT_BITS = 7
_NORM: dict[str, tuple] = {}  # normalize expression -> (base, offset, w, stages, prefix, left, text)
_NORM_MAX = 256


#: Vectors a hypothesis is screened on before the whole signature is compared (every target of every
#: module reaches this library when nothing simpler matched: the screen keeps that cheap).
SCREEN = 256


def _screened(fn, t: np.ndarray, tw: int, ops) -> list[tuple]:
    import dataclasses
    if len(t) > 4 * SCREEN:
        sub = [dataclasses.replace(o, value=o.value[:SCREEN]) for o in ops]
        if not fn(t[:SCREEN], tw, sub, screen=True):
            return []
    return fn(t, tw, ops)


def match_rotate(t: np.ndarray, tw: int, ops) -> list[tuple]:
    """``t`` is a word of ``ops`` rotated by another (see the module docstring)."""
    return _screened(_match_rotate, t, tw, ops)


def match_normalize(t: np.ndarray, tw: int, ops) -> list[tuple]:
    """``t`` is a word of ``ops`` normalized (see :func:`_match_normalize`)."""
    return _screened(_match_normalize, t, tw, ops)


def match_zero_count(t: np.ndarray, tw: int, ops) -> list[tuple]:
    """``t`` is a zero count of a word of ``ops`` (see :func:`_match_zero_count`)."""
    return _screened(_match_zero_count, t, tw, ops)


def _clog2(n: int) -> int:
    return max(1, (n - 1).bit_length())


def _rot(d: np.ndarray, s: np.ndarray, w: int, left: bool) -> np.ndarray:
    """``d`` (w bits) rotated by ``s mod w``."""
    m = mask(w)
    d = d & m
    s = s % np.uint64(w)
    inv = np.where(s == 0, np.uint64(0), np.uint64(w) - s)
    if left:
        r = (d << s) | np.where(s == 0, np.uint64(0), d >> inv)
    else:
        r = (d >> s) | np.where(s == 0, np.uint64(0), d << inv)
    return r & m


def _values_cond(name: str, aw: int, vals: list[int]) -> str:
    """A condition on the ``aw``-bit word ``name`` true exactly for ``vals`` (runs as ranges)."""
    vals = sorted(vals)
    top = (1 << aw) - 1
    runs: list[list[int]] = []
    for v in vals:
        if runs and v == runs[-1][1] + 1:
            runs[-1][1] = v
        else:
            runs.append([v, v])
    parts = []
    for lo, hi in runs:
        if lo == hi:
            parts.append(f"({name} == {aw}'d{lo})")
        elif hi == top:
            parts.append(f"({name} > {aw}'d{lo - 1})" if lo else "1'b1")
        elif lo == 0:
            parts.append(f"({name} < {aw}'d{hi + 1})")
        else:
            parts.append(f"(({name} >= {aw}'d{lo}) && ({name} <= {aw}'d{hi}))")
    return " | ".join(parts)


def _match_rotate(t: np.ndarray, tw: int, ops, screen: bool = False) -> list[tuple]:
    """``t`` is a word of ``ops`` rotated by another (see the module docstring)."""
    from rtlopt.semantic.algos import _h, _ident, _remember
    if not 3 <= tw <= 64:
        return []
    m = mask(tw)
    t = t & m
    for d in ops:
        if d.width != tw:
            continue
        dv = d.value & m
        if len(np.unique(dv)) < 16:
            continue
        for a in ops:
            if a is d or not 1 <= a.width <= MAX_AMOUNT_BITS:
                continue
            av = a.value & mask(a.width)
            if (tw & (tw - 1)) == 0 and (1 << a.width) == tw and a.free and d.free:
                continue  # the lifting's own rotate (power-of-two word, amount of log2 bits) has it
            inr = av < np.uint64(tw)
            real = inr & (av % np.uint64(tw) != 0)
            if int(real.sum()) < 32:
                continue
            for left in (True, False):
                nat = _rot(dv, av, tw, left)
                if not np.array_equal(t[inr], nat[inr]):
                    continue
                # a shift agrees with a rotation only where nothing wraps around: not a rotation
                sh = ((dv << av) if left else (dv >> av)) & m
                if np.array_equal(t[real], sh[real]):
                    continue
                fix: dict[int, str] = {}
                ok = True
                for v in np.unique(av[~inr]).tolist():
                    at = av == np.uint64(v)
                    tv = t[at]
                    if np.array_equal(tv, nat[at]):
                        continue
                    if not tv.any():
                        fix[int(v)] = "zero"
                    elif np.array_equal(tv, dv[at]):
                        fix[int(v)] = "copy"
                    else:
                        ok = False
                        break
                if not ok:
                    continue
                pre = f"{_ident(d.base)}_rot{_h(d.text, a.text, tw, left, tuple(sorted(fix.items())))}"
                decls = [f"wire [{tw - 1}:0] {pre}_s0 = {d.text};",
                         f"wire [{a.width - 1}:0] {pre}_n = {a.text};" if a.width > 1
                         else f"wire {pre}_n = {a.text};"]
                cur = f"{pre}_s0"
                for k in range(a.width):
                    r = (1 << k) % tw
                    if r == 0:
                        continue
                    nb = f"{pre}_n[{k}]" if a.width > 1 else f"{pre}_n"
                    if left:
                        rotd = f"{{{cur}[{tw - 1 - r}:0], {cur}[{tw - 1}:{tw - r}]}}"
                    else:
                        rotd = f"{{{cur}[{r - 1}:0], {cur}[{tw - 1}:{r}]}}"
                    nxt = f"{pre}_s{k + 1}"
                    decls.append(f"wire [{tw - 1}:0] {nxt} = {nb} ? {rotd} : {cur};")
                    cur = nxt
                zero = [v for v, k in fix.items() if k == "zero"]
                copy = [v for v, k in fix.items() if k == "copy"]
                if zero or copy:
                    val = cur
                    if copy:
                        val = f"({_values_cond(pre + '_n', a.width, copy)}) ? {pre}_s0 : {val}"
                    if zero:
                        val = f"({_values_cond(pre + '_n', a.width, zero)}) ? {tw}'d0 : {val}"
                    decls.append(f"wire [{tw - 1}:0] {pre}_o = {val};")
                    cur = f"{pre}_o"
                kind = "rotate_left" if left else "rotate_right"
                return [(kind + "_stages", (d, a), [_remember(cur, decls)])]
    return []


def _highest(v: np.ndarray, w: int) -> np.ndarray:
    """Index of the highest set bit (0 for 0), by binary search over the word."""
    out = np.zeros_like(v)
    x = v.copy()
    for s in (32, 16, 8, 4, 2, 1):
        if s >= w:
            continue
        hit = (x >> np.uint64(s)) != 0
        out += np.where(hit, np.uint64(s), np.uint64(0))
        x = np.where(hit, x >> np.uint64(s), x)
    return out


def _lowest(v: np.ndarray, w: int) -> np.ndarray:
    """Index of the lowest set bit (0 for 0)."""
    return _highest(v & (~v + np.uint64(1)), w)


def _match_normalize(t: np.ndarray, tw: int, ops, screen: bool = False) -> list[tuple]:
    """``t`` is a word of ``ops`` normalized: shifted left until its MSB is set (right until its LSB is
    set), zero staying zero."""
    if not 4 <= tw <= 64:
        return []
    m = mask(tw)
    t = t & m
    for d in ops:
        if d.width != tw or not d.free:
            continue
        dv = d.value & m
        nz = dv != 0
        if int(nz.sum()) < (16 if screen else 64) or bool(np.any(t[~nz])):
            continue
        for left in (True, False):
            if left:
                want = np.where(nz, (dv << (np.uint64(tw - 1) - _highest(dv, tw))) & m, np.uint64(0))
            else:
                want = np.where(nz, dv >> _lowest(dv, tw), np.uint64(0))
            if np.array_equal(t, want) and not np.array_equal(t, dv):
                return [("normalize_left" if left else "normalize_right", (d,), [_emit_normalize(d, tw, left)])]
            # the normalized word with its leading (trailing) one shifted out too: a float's hidden bit
            # dropped (``m << (lz + 1)``); the same stages and a constant slice
            for c in (1, 2):
                drop = (want << np.uint64(c)) & m if left else want >> np.uint64(c)
                if np.array_equal(t, drop) and not np.array_equal(t, dv):
                    base = _emit_normalize(d, tw, left)
                    sl = f"{{{base}[{tw - 1 - c}:0], {c}'d0}}" if left else f"{{{c}'d0, {base}[{tw - 1}:{c}]}}"
                    return [("normalize_left_drop" if left else "normalize_right_drop", (d,),
                             [_emit_dropped(base, sl)])]
    return []


def _emit_dropped(base: str, expr: str) -> str:
    """``expr`` (a constant slice of the normalizer ``base``) with the normalizer's declarations; known to
    :func:`regroup_normalize` like the normalizer itself (a zero count of the word shares its stages)."""
    from rtlopt.semantic.algos import _remember
    info = _NORM[base]
    while len(_NORM) >= _NORM_MAX:
        _NORM.pop(next(iter(_NORM)))
    _NORM[expr] = info
    return _remember(expr, list(info[7]))


def _match_zero_count(t: np.ndarray, tw: int, ops, screen: bool = False) -> list[tuple]:
    """``t`` is the leading (trailing) zero count of a word of ``ops`` and some constant for the zero word
    (the lifting's own counts take zero -> the width): emitted from the stage tests of the word's
    normalizer (so that a normalize of the same word shares them), the zero value from its last stage."""
    if not 1 <= tw <= 8:
        return []
    for d in ops:
        w = d.width
        if not d.free or not 4 <= w <= 64 or (1 << tw) <= w - 1:
            continue
        dv = d.value & mask(w)
        nz = dv != 0
        if int(nz.sum()) < (16 if screen else 64) or not (screen or (~nz).any()):
            continue
        z = np.unique(t[~nz])
        if len(z) > 1 or (len(z) == 0 and not screen):
            continue
        if len(z) == 0:
            z = np.zeros(1, dtype=np.uint64)  # the screen saw no zero word: only the count is screened
        for left in (True, False):
            cnt = (np.uint64(w - 1) - _highest(dv, w)) if left else _lowest(dv, w)
            if not np.array_equal(t[nz], cnt[nz] & mask(tw)):
                continue
            _emit_normalize(d, w, left)
            pre = _stages_prefix(d, w, left)
            S = _clog2(w)
            expr = _count_expr(pre, S, w, left, w, tw, int(z[0]), _NORM[f"{pre}_m0"][7])
            return [("leading_zeros_stages" if left else "trailing_zeros_stages", (d,), [expr])]
    return []


def _count_expr(pre: str, S: int, w: int, left: bool, n: int, cw: int, zval: int, decls) -> str:
    """The count (``cw`` bits) of the leading (trailing) zeros of the top (bottom) ``n`` bits of the
    normalizer's word ``pre``, from its stage tests; ``zval`` where those bits are all zero."""
    from rtlopt.semantic.algos import _remember
    cnt = "{" + ", ".join(f"{pre}_z{s}" for s in reversed(range(S))) + "}"
    K = max(S, n.bit_length(), zval.bit_length())
    full = (1 << S) - 1  # the stages' count of the zero word
    at0 = f"{pre}_m0[{w - 1}]" if left else f"{pre}_m0[0]"
    if n < w:
        # the slice is zero where the word's count reaches n (the zero word's count, full, is >= n)
        val = cnt if n == full and zval == n else f"({cnt} >= {S}'d{n}) ? {K}'d{zval} : {cnt}"
    else:
        val = cnt if (full - zval) % (1 << cw) == 0 else f"{at0} ? {cnt} : {K}'d{zval}"
    name = f"{pre}_c{n}_{zval}"
    cdecl = f"wire [{K - 1}:0] {name} = {val};"
    expr = name if cw == K else f"{name}[{cw - 1}:0]" if cw < K else f"{{{cw - K}'d0, {name}}}"
    return _remember(expr, list(decls) + [cdecl])


def _stages_prefix(d, w: int, left: bool) -> str:
    from rtlopt.semantic.algos import _h, _ident
    return f"{_ident(d.base)}_nrm{_h(d.text, w, left)}"


def _emit_normalize(d, w: int, left: bool) -> str:
    from rtlopt.semantic.algos import _remember
    pre = _stages_prefix(d, w, left)
    S = _clog2(w)
    decls = [f"wire [{w - 1}:0] {pre}_m{S} = {d.text};"]
    for s in reversed(range(S)):
        c = 1 << s
        src = f"{pre}_m{s + 1}"
        if left:
            test = f"{src}[{w - 1}:{w - c}]"
            shifted = f"{{{src}[{w - 1 - c}:0], {c}'d0}}"
        else:
            test = f"{src}[{c - 1}:0]"
            shifted = f"{{{c}'d0, {src}[{w - 1}:{c}]}}"
        decls.append(f"wire {pre}_z{s} = ~|{test};")
        decls.append(f"wire [{w - 1}:0] {pre}_m{s} = {pre}_z{s} ? {shifted} : {src};")
    expr = _remember(f"{pre}_m0", decls)
    while len(_NORM) >= _NORM_MAX:
        _NORM.pop(next(iter(_NORM)))
    _NORM[expr] = (d.base, d.offset, w, S, pre, left, d.text, tuple(decls))
    return expr


_SLICE = re.compile(r"^([A-Za-z_]\w*)(?:\[(\d+)(?::(\d+))?\])?$")


def regroup_normalize(lifts: list) -> None:
    """A leading (trailing) zero count of a word -- or of its top (bottom) slice -- in a module where the
    word is also normalized is re-emitted from the normalizer's stage tests (first spelling), so that
    applied together the two share one structure."""
    norms = [(lf, _NORM[lf.exprs[0]]) for lf in lifts if lf.exprs and lf.exprs[0] in _NORM]
    if not norms:
        return
    for lf in lifts:
        if lf.kind not in ("leading_zeros", "trailing_zeros") or len(lf.notes.get("ops", ())) != 1:
            continue
        mo = _SLICE.match(lf.notes["ops"][0])
        if mo is None:
            continue
        for nlf, (base, off, w, S, pre, left, dtext, decls) in norms:
            if nlf.module != lf.module or mo[1] != base or dtext != base or left != (lf.kind == "leading_zeros"):
                continue
            if mo[2] is None:
                hi, lo = off + w - 1, off
            else:
                hi = int(mo[2])
                lo = int(mo[3]) if mo[3] is not None else hi
            if not off <= lo <= hi <= off + w - 1:
                continue
            # the count of the slice: min(count of the word, n), n (the slice's width) when it is zero
            if (left and hi != off + w - 1) or (not left and lo != off):
                continue
            n = hi - lo + 1
            cw = int(lf.notes.get("width", 0))
            if cw < 1:
                continue
            expr = _count_expr(pre, S, w, left, n, cw, n, decls)
            if expr not in lf.exprs:
                lf.exprs = (expr,) + tuple(lf.exprs)
            break
