"""Leave-one-out reductions: every lane of a target is an associative-commutative reduction of all
input lanes but one, ``t_j = OP_{i != k(j)} x_i``, computed once for all lanes.

A min-sum LDPC check node sends each of its N edges the minimum of the other N-1 incoming magnitudes
and the XOR of the other signs; written directly (a loop ``for j if (j != i)``, N explicit trees, a
function per output) it is N reductions of N-1 words: N(N-2) comparators and muxes. Computed once:

- min / max (unsigned or signed): the smallest and second smallest lane (with multiplicity) and the
  index of the smallest, by a tournament that carries (m1, m2, index) -- a pair costs one compare, a
  merge two -- and per target lane ``(idx == k) ? m2 : m1``; a second spelling needs no index:
  ``(x_k == m1) ? m2 : m1`` (exact on ties: a repeated minimum makes m2 equal to m1);
- xor: the XOR of all lanes once, ``total ^ x_k`` per lane;
- + (modulo 2^w): the sum of all lanes once, ``total - x_k`` per lane.

Found by values, in any spelling: :func:`match_leave_one_out` is called by the word-level lifting
(:func:`rtlopt.semantic.algos.match_algorithms`) with the simulated target word and the words that feed
its cone; every target lane must equal the reduction of all input lanes but a distinct one on every
simulated vector (evidence only: the search loop proves each candidate). Near misses -- a lane that
keeps its own word, two lanes leaving out the same word, a different operator in one lane -- fail the
signature and give nothing.
"""

from __future__ import annotations

import numpy as np

from rtlopt.semantic.netlist import mask

MAX_LANES = 16
#: separate words (one lift each) share a tournament from this many words on: four 6-bit words as four
#: own trees 845.8 um^2 (synthesis shares a pair), as one tournament 1058.5; five 1550.2 -> 1267.5, six
#: 2503.7 -> 1700.4 (sky130hd)
MIN_SEPARATE = 5


def _red(op: str, vals: np.ndarray, w: int, signed: bool) -> np.ndarray:
    """The reduction of the rows of ``vals`` ((L, nvec) uint64, w-bit lanes)."""
    if op == "xor":
        return np.bitwise_xor.reduce(vals, axis=0)
    if op == "add":
        return np.add.reduce(vals, axis=0) & mask(w) if w < 64 else np.add.reduce(vals, axis=0)
    from rtlopt.semantic.algos import _sv
    key = _sv(vals, w) if signed else vals
    pick = np.argmin(key, axis=0) if op == "min" else np.argmax(key, axis=0)
    return np.take_along_axis(vals, pick[None, :], axis=0)[0]


def _plausible(op: str, vals: np.ndarray, t0: np.ndarray, w: int, wt: int) -> bool:
    """A cheap necessary test on the target's first lane: a min / max lane is always one of the input
    lanes; total ^ t0 (total - t0) is always one of them for xor (+)."""
    if op in ("min", "max"):
        probe = t0
    elif op == "xor":
        probe = np.bitwise_xor.reduce(vals, axis=0) ^ t0
    else:
        probe = (np.add.reduce(vals, axis=0) - t0) & mask(wt)
    return bool((vals == probe[None, :]).any(axis=0).all())


def _excluded(t_lane: np.ndarray, loo: list[np.ndarray]) -> int | None:
    """The lane k whose leave-one-out reduction equals ``t_lane`` on every vector (the only one)."""
    hit = [k for k, v in enumerate(loo) if np.array_equal(v, t_lane)]
    return hit[0] if len(hit) == 1 else None


def match_leave_one_out(t: np.ndarray, tw: int, ops) -> list[tuple]:
    """``(kind, operands, [expr...])`` when every ``w``-bit lane of the target ``t`` (``tw`` bits) is the
    min / max / xor / sum of all ``w``-bit input lanes but a distinct one."""
    from rtlopt.semantic.algos import _lanes

    out = []
    for w in range(1, min(tw, 64) + 1):
        # the input lanes: every w-bit lane of the free operands, one per target lane (cheap test first:
        # a target of a few lanes never looks at the single-bit lanes of wide words)
        total = sum(o.width // w for o in ops if o.free and o.width % w == 0)
        if not 3 <= total <= MAX_LANES or tw % total or tw // total < w:
            continue
        lanes = []
        for ln in _lanes(ops, w):
            if not any(np.array_equal(ln.value, x.value) for x in lanes):
                lanes.append(ln)
        n = len(lanes)
        # the target's lanes: one per input lane, at least as wide (a sum kept wider than its words)
        if not 3 <= n <= MAX_LANES or tw % n or tw // n < w or tw // n > 64:
            continue
        wt = tw // n
        vals = np.stack([ln.value for ln in lanes])
        if t.dtype == object:  # a target wider than 64 bits: Python ints
            tl = [np.array([(int(x) >> (j * wt)) & ((1 << wt) - 1) for x in t], dtype=np.uint64) for j in range(n)]
        else:
            tl = [(t >> np.uint64(j * wt)) & mask(wt) for j in range(n)]
        for op, signed in (("min", False), ("max", False), ("min", True), ("max", True), ("xor", False),
                           ("add", False)):
            if signed and wt != w:
                continue
            if op in ("min", "max") and w == 1:
                continue  # one-bit min/max is AND/OR: left to synthesis
            if not _plausible(op, vals, tl[0], w, wt):
                continue
            loo = [_red(op, np.delete(vals, k, axis=0), wt if op == "add" else w, signed) for k in range(n)]
            ks = [_excluded(x, loo) for x in tl]
            if any(k is None for k in ks) or len(set(ks)) != len(ks):
                continue
            used = []
            for ln in lanes:
                if not any(ln.op is u for u in used):
                    used.append(ln.op)
            exprs = _emit(op, [ln.text for ln in lanes], w, wt, ks, signed,
                          frozenset(ln.text for ln in lanes if ln.op.signed and ln.text == ln.op.base))
            out.append((f"leave_one_out_{op}", tuple(used), exprs))
            return out
    return out


def _emit(op: str, names: list[str], w: int, wt: int, ks: list[int], signed: bool, sgn: frozenset) -> list[str]:
    from rtlopt.semantic.algos import _FLAT, _h, _ident, _remember

    n = len(names)
    tag = _h(tuple(names), op, signed, w)
    base = _ident(names[0].split("[", 1)[0])
    pre = f"{base}_loo{tag}"
    flat: list[str] = []
    for x in names:
        fl = x.split("[", 1)[0]
        if fl != x and fl in _FLAT and _FLAT[fl] not in flat:
            flat.append(_FLAT[fl])
    wd = f"[{w - 1}:0] " if w > 1 else ""
    pad = f"{wt - w}'d0, " if wt > w else ""
    if op in ("xor", "add"):
        sym = "^" if op == "xor" else "+"
        wd = f"[{wt - 1}:0] " if wt > 1 else ""
        tot = f"{pre}_t"
        decl = f"wire {wd}{tot} = {f' {sym} '.join(names)};"
        lanes = [f"{tot} {'^' if op == 'xor' else '-'} {names[k]}" for k in ks]
        parts = [f"({x})" for x in reversed(lanes)]  # the total is declared wt bits wide
        return [_remember("{" + ", ".join(parts) + "}", flat + [decl])]

    def less(a: str, b: str) -> str:
        """``a`` strictly before ``b`` in the reduction's order (smaller for min, larger for max)."""
        ua, ub = (f"$unsigned({x})" if x in sgn and not signed else x for x in (a, b))
        if signed:
            ua, ub = f"$signed({ua})", f"$signed({ub})"
        return f"{ua} < {ub}" if op == "min" else f"{ub} < {ua}"

    iw = max(1, (n - 1).bit_length())
    out = []
    for with_index in (True, False):
        decls = list(flat)
        cnt = [0]

        def new(kind: str, cnt=cnt, sp="" if with_index else "e") -> str:
            cnt[0] += 1
            return f"{pre}{sp}_{kind}{cnt[0] - 1}"

        # entries: (best, second or None, index text)
        xs: list[tuple[str, str | None, str]] = [(x, None, f"{iw}'d{i}") for i, x in enumerate(names)]
        while len(xs) > 1:
            nxt = []
            for i in range(0, len(xs) - 1, 2):
                (a1, a2, ai), (b1, b2, bi) = xs[i], xs[i + 1]
                if a2 is None and b2 is not None:  # the single one second
                    (a1, a2, ai), (b1, b2, bi) = (b1, b2, bi), (a1, a2, ai)
                c = new("c")
                decls.append(f"wire {c} = {less(b1, a1)};")  # b strictly first: b's best wins
                m1 = new("m")
                decls.append(f"wire {wd}{m1} = {c} ? {b1} : {a1};")
                if a2 is None:  # two single lanes: the loser is the second
                    m2 = new("s")
                    decls.append(f"wire {wd}{m2} = {c} ? {a1} : {b1};")
                elif b2 is None:  # a pair and a single lane b1
                    d = new("d")
                    decls.append(f"wire {d} = {less(b1, a2)};")
                    m2 = new("s")
                    decls.append(f"wire {wd}{m2} = {c} ? {a1} : ({d} ? {b1} : {a2});")
                else:  # two pairs: the second is the other best or the winner's second
                    u, v, d = new("u"), new("v"), new("d")
                    decls.append(f"wire {wd}{u} = {c} ? {a1} : {b1};")
                    decls.append(f"wire {wd}{v} = {c} ? {b2} : {a2};")
                    decls.append(f"wire {d} = {less(v, u)};")
                    m2 = new("s")
                    decls.append(f"wire {wd}{m2} = {d} ? {v} : {u};")
                ix = bi if with_index else ""
                if with_index:
                    ix = new("i")
                    decls.append(f"wire [{iw - 1}:0] {ix} = {c} ? {bi} : {ai};")
                nxt.append((m1, m2, ix))
            if len(xs) % 2:
                nxt.append(xs[-1])
            xs = nxt
        m1, m2, ix = xs[0]
        if with_index:
            lanes = [f"({ix} == {iw}'d{k}) ? {m2} : {m1}" for k in ks]
        else:
            lanes = [f"({names[k]} == {m1}) ? {m2} : {m1}" for k in ks]
        parts = [f"{{{pad}({x})}}" if pad else f"({x})" for x in reversed(lanes)]
        out.append(_remember("{" + ", ".join(parts) + "}", decls))
    return out


def regroup_separate(lifts: list) -> None:
    """Leave-one-out outputs written as separate words (``o0 = min(b, c, d)``, ``o1 = min(a, c, d)``, ...):
    lifts of one module that are each the min (max) of all words of a set U (at least MIN_SEPARATE) but a
    distinct one, three or more of them, get as their SECOND spelling their lane of one tournament over U
    (the same helper wires for all: the lifting's candidate of every lift's second spelling is the shared
    network; its candidate of the first spellings keeps the own trees, which can be smaller when the
    written chains share prefixes). The index-free spelling comes last."""
    from rtlopt.semantic.algos import _META

    groups: dict[tuple, list] = {}
    for lf in lifts:
        if lf.kind not in ("min", "max") or not lf.exprs or lf.notes.get("clocked"):
            continue
        meta = _META.get(lf.exprs[0])
        if meta is None:
            continue
        names, _base, w, signed, ranks, sgn, _lt = meta
        n = len(names)
        if tuple(ranks) != ((0,) if lf.kind == "min" else (n - 1,)):
            continue
        groups.setdefault((lf.module, lf.kind, w, signed), []).append((lf, frozenset(names), sgn))
    for (_m, kind, w, signed), group in groups.items():
        if len(group) < 3:
            continue
        union = frozenset().union(*(g[1] for g in group))
        left = [next(iter(union - g[1]), None) if len(g[1]) == len(union) - 1 else None for g in group]
        if any(x is None for x in left) or len(set(left)) != len(left) or not \
                MIN_SEPARATE <= len(union) <= MAX_LANES:
            continue
        order = sorted(union)
        sgn = frozenset().union(*(g[2] for g in group))
        for (lf, _names, _s), out in zip(group, left, strict=True):
            exprs = _emit(kind, order, w, w, [order.index(out)], signed, sgn)
            own = tuple(e for e in lf.exprs if e not in exprs)
            lf.exprs = own[:1] + tuple(exprs[:1]) + own[1:] + tuple(exprs[1:])
            lf.operands = tuple(dict.fromkeys(tuple(lf.operands) + tuple(
                x.split("[", 1)[0] for x in order)))
