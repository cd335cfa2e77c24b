"""Packed SIMD adds recognised by what a cone computes (part of the algorithm library,
:mod:`rtlopt.semantic.algos`).

The target is, under a mode bit, either the full-width sum ``a + b`` or the lane-wise sums of the same
two words (``L``-bit lanes: wrapping, signed saturating or unsigned saturating), however written: lane
adders in generate loops or submodule instances beside a wide adder, a case on the mode, a function.
A 1-bit (or one-bit-per-lane) target that is the lanes' overflow, optionally gated by the mode, is
recognised alongside. Both are emitted on one adder of ``W + lanes - 1`` bits whose separator bits
pass the carry between lanes in the wide mode and kill it (and catch each lane's carry-out) in the
lane mode; signed overflow comes from the operand and sum sign bits, not from a wider compare.
The helper wires are named from the operands, so the sum and the overflow lifts share one adder.

Signature agreement is evidence only: the search loop proves every candidate before it is kept.
"""

from __future__ import annotations

import numpy as np

from rtlopt.semantic.netlist import mask

LANE_WIDTHS = (8, 16, 4)


def _lane_widths(w: int) -> list[int]:
    """Lane widths tried for a ``w``-bit word: the usual ones first, then every other divisor of ``w``
    (2..8 lanes of at least 2 bits: 24-bit words in 6-bit lanes, 12-bit words in 3-bit lanes)."""
    rest = [L for L in range(2, w // 2 + 1) if w % L == 0 and 2 <= w // L <= 8 and L not in LANE_WIDTHS]
    return [*LANE_WIDTHS, *sorted(rest, reverse=True)]
MAX_WORDS = 4


def _sv(v: np.ndarray, w: int) -> np.ndarray:
    sh = np.uint64(64 - w)
    return (v << sh).view(np.int64) >> np.int64(64 - w)


def _lane_funcs(av: np.ndarray, bv: np.ndarray, tw: int, L: int) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """kind -> (packed lane results, packed lane overflow bits), all lanes at once."""
    mL = mask(L)
    k = tw // L
    sh = (np.arange(k, dtype=np.uint64) * np.uint64(L))[:, None]
    A = (av[None, :] >> sh) & mL
    B = (bv[None, :] >> sh) & mL
    S = A + B
    cy = (S >> np.uint64(L)) & np.uint64(1)
    ssum = _sv(A, L) + _sv(B, L)
    lo, hi = -(1 << (L - 1)), (1 << (L - 1)) - 1
    sov = ((ssum < lo) | (ssum > hi)).astype(np.uint64)
    sat_s = np.clip(ssum, lo, hi).astype(np.int64).view(np.uint64) & mL
    wrap = S & mL
    sat_u = np.where(cy == 1, mL, wrap)
    bit = np.arange(k, dtype=np.uint64)[:, None]

    def pack(v):
        return np.bitwise_or.reduce(v << sh, axis=0)

    def bits(o):
        return np.bitwise_or.reduce(o << bit, axis=0)

    return {"wrap": (pack(wrap), bits(cy)), "sat_signed": (pack(sat_s), bits(sov)),
            "sat_unsigned": (pack(sat_u), bits(cy))}


#: Vectors a hypothesis is screened on before the whole signature is compared (every target of every
#: module reaches this library when nothing simpler matched: the screen keeps that cheap).
SCREEN = 256


def match_simd_add(t: np.ndarray, tw: int, ops) -> list[tuple]:
    """``t`` is a mode-selected wide / lane-wise add of two words, or the lanes' overflow. The mode is any
    small word: each of its values selects the lanes or the wide add (decided per value)."""
    import dataclasses
    if len(t) > 2 * SCREEN:
        sub = [dataclasses.replace(o, value=o.value[:SCREEN]) for o in ops]
        if not _match(t[:SCREEN], tw, sub, 2):
            return []
    return _match(t, tw, ops, 16)


def _match(t: np.ndarray, tw: int, ops, min_per_mode: int) -> list[tuple]:
    # the operands of a SIMD add are among the few widest free words of the cone (at most 6 pairs tried)
    words = [o for o in ops if 8 <= o.width <= 64 and o.free][:MAX_WORDS]
    modes = [o for o in ops if 1 <= o.width <= 3]
    for a in words:
        for b in words:
            if b is a or b.width != a.width or ops.index(b) < ops.index(a):
                continue
            w = a.width
            if tw not in (1, w) and not (tw > 1 and w % tw == 0):
                continue
            av, bv = a.value & mask(w), b.value & mask(w)
            wide = (av + bv) & mask(w)
            if tw == w:
                eq = t == wide
                if eq.all() or not eq.any():
                    continue  # the wide add is one of the two arms: it must show on some vectors
            for L in _lane_widths(w):
                if w % L or w // L < 2 or w // L > 8:
                    continue
                k = w // L
                funcs = _lane_funcs(av, bv, w, L)
                for m in modes:
                    if m is a or m is b:
                        continue
                    mv = m.value & mask(m.width)
                    for kind, (pv, ov) in funcs.items():
                        if kind != "wrap" and np.array_equal(pv, funcs["wrap"][0]):
                            continue
                        anyov = (ov != 0).astype(np.uint64)
                        if tw == w:
                            lanes = _mode_values(t, mv, m.width, pv, wide, min_per_mode)
                            if lanes:
                                exprs = [_emit(a, b, m, w, L, lanes, kind, "sum")]
                                if kind == "wrap":
                                    # the same lanes as a chain with the carry killed, first: smaller than
                                    # the separator adder in every case measured (heldout12 lane_adder
                                    # 676.9 vs 710.7 um^2, 12-bit 3-bit lanes 347.8 vs 367.9); both offered
                                    exprs.insert(0, _emit_chain(a, b, m, w, L, lanes))
                                return [(f"simd_add_{kind}", (a, b, m), exprs)]
                        elif kind != "wrap" and tw in (1, k):
                            want = anyov if tw == 1 else ov
                            if not want.any():
                                continue
                            zero = np.zeros_like(want)
                            lanes = _mode_values(t, mv, m.width, want, zero, min_per_mode)
                            if lanes:
                                what = ("any" if tw == 1 else "vec") + "_gated"
                                return [(f"simd_add_{kind}_overflow", (a, b, m),
                                         [_emit(a, b, m, w, L, lanes, kind, what)])]
                            if np.array_equal(t, want):
                                return [(f"simd_add_{kind}_overflow", (a, b),
                                         [_emit(a, b, m, w, L, (1,) if m.width == 1 else (0,), kind,
                                                "any" if tw == 1 else "vec")])]
    return []


def _mode_values(t: np.ndarray, mv: np.ndarray, mw: int, lane: np.ndarray, other: np.ndarray,
                 min_per_mode: int = 16) -> tuple | None:
    """The mode values where ``t`` is ``lane`` (else ``other``), when both kinds occur; None otherwise."""
    on, off = [], []
    for v in range(1 << mw):
        at = mv == np.uint64(v)
        if not at.any():
            continue
        if int(at.sum()) < min_per_mode:
            return None
        if np.array_equal(t[at], lane[at]):
            on.append(v)
        elif np.array_equal(t[at], other[at]):
            off.append(v)
        else:
            return None
    return tuple(on) if on and off else None


def _emit(a, b, m, w: int, L: int, lanes: tuple, kind: str, what: str) -> str:
    from rtlopt.semantic.algos import _h, _ident, _remember
    k = w // L
    pre = f"{_ident(a.base)}_simd{_h(a.text, b.text, m.text, w, L, lanes, kind)}"
    W = w + k  # lanes, k-1 separators and the top lane's carry
    lane_on = f"{pre}_lanes"
    if m.width == 1:
        mode = m.text if lanes == (1,) else f"~{m.text}"
    else:
        mode = " | ".join(f"({m.text} == {m.width}'d{v})" for v in lanes)
    decls = [f"wire [{w - 1}:0] {pre}_a = {a.text};",
             f"wire [{w - 1}:0] {pre}_b = {b.text};",
             f"wire {lane_on} = {mode};",
             f"wire {pre}_pass = ~{lane_on};"]
    xa, xb = ["1'b0"], ["1'b0"]
    for i in reversed(range(k)):
        xa.append(f"{pre}_a[{i * L + L - 1}:{i * L}]")
        xb.append(f"{pre}_b[{i * L + L - 1}:{i * L}]")
        if i:
            xa.append(f"{pre}_pass")
            xb.append("1'b0")
    decls.append(f"wire [{W - 1}:0] {pre}_s = {{{', '.join(xa)}}} + {{{', '.join(xb)}}};")
    sums = [f"{pre}_s[{i * (L + 1) + L - 1}:{i * (L + 1)}]" for i in range(k)]
    decls.append(f"wire [{w - 1}:0] {pre}_sum = {{{', '.join(reversed(sums))}}};")
    ovs, outs = [], []
    for i in range(k):
        sa, sb = f"{pre}_a[{i * L + L - 1}]", f"{pre}_b[{i * L + L - 1}]"
        si = f"{pre}_sum[{i * L + L - 1}]"
        if kind == "sat_signed":
            ovs.append(f"(({sa} == {sb}) && ({si} != {sa}))")
            outs.append(f"{pre}_ov[{i}] ? {{{sa}, {{{L - 1}{{~{sa}}}}}}} : {pre}_sum[{i * L + L - 1}:{i * L}]")
        elif kind == "sat_unsigned":
            ovs.append(f"{pre}_s[{i * (L + 1) + L}]")
            outs.append(f"{pre}_ov[{i}] ? {L}'h{(1 << L) - 1:X} : {pre}_sum[{i * L + L - 1}:{i * L}]")
        else:
            outs.append(f"{pre}_sum[{i * L + L - 1}:{i * L}]")
    if ovs:
        decls.append(f"wire [{k - 1}:0] {pre}_ov = {{{', '.join(reversed(ovs))}}};")
    if what == "sum" and kind == "wrap":
        return _remember(f"{pre}_sum", decls)  # the separators alone make the lanes
    if what == "sum":
        decls.append(f"wire [{w - 1}:0] {pre}_lane = {{{', '.join(f'({o})' for o in reversed(outs))}}};")
        decls.append(f"wire [{w - 1}:0] {pre}_o = {lane_on} ? {pre}_lane : {pre}_sum;")
        return _remember(f"{pre}_o", decls)
    if what == "any_gated":
        expr = f"{lane_on} & (|{pre}_ov)"
    elif what == "any":
        expr = f"|{pre}_ov"
    elif what == "vec_gated":
        expr = f"{{{k}{{{lane_on}}}}} & {pre}_ov"
    else:
        expr = f"{pre}_ov"
    return _remember(expr, decls)


def _emit_chain(a, b, m, w: int, L: int, lanes: tuple) -> str:
    """The wrapping lane-wise / wide add as a chain of ``L``-bit lane adders whose carry into the next lane
    is killed in the lane mode (no separator bits: ``k`` adders of ``L + 1`` bits with a carry-in)."""
    from rtlopt.semantic.algos import _h, _ident, _remember
    k = w // L
    pre = f"{_ident(a.base)}_simk{_h(a.text, b.text, m.text, w, L, lanes)}"
    if m.width == 1:
        mode = m.text if lanes == (1,) else f"~{m.text}"
    else:
        mode = " | ".join(f"({m.text} == {m.width}'d{v})" for v in lanes)
    decls = [f"wire [{w - 1}:0] {pre}_a = {a.text};",
             f"wire [{w - 1}:0] {pre}_b = {b.text};",
             f"wire {pre}_pass = ~({mode});"]
    for i in range(k):
        lo, hi = i * L, i * L + L - 1
        s = f"{{1'b0, {pre}_a[{hi}:{lo}]}} + {{1'b0, {pre}_b[{hi}:{lo}]}}"
        if i:
            s += f" + {{{L}'d0, {pre}_l{i - 1}[{L}] & {pre}_pass}}"
        decls.append(f"wire [{L}:0] {pre}_l{i} = {s};")
    decls.append(f"wire [{w - 1}:0] {pre}_sum = {{{', '.join(f'{pre}_l{i}[{L - 1}:0]' for i in reversed(range(k)))}}};")
    return _remember(f"{pre}_sum", decls)
