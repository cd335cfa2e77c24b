"""A function library of *algorithms*: recognise what a combinational cone computes, however it is written.

:func:`match_algorithms` is called by the word-level lifting (:mod:`rtlopt.semantic.lift`) with the
simulated values of a target word and of the words that feed its cone. It tests hypotheses about what
the target computes as a whole:

- **order statistics**: every ``w``-bit lane of the target is the ``r``-th smallest (unsigned or signed)
  of a set of ``w``-bit input lanes (slices of the operands): a full sort (ascending or descending, any
  lane order), a median, a min or max of several words. Emitted as the best known comparator network
  for that many words (optimal sorting networks for n <= 8, checked by the 0-1 principle), pruned to the
  ranks the target needs; a min/max alone as a balanced tree.
- **round-robin arbitration**: the target is the one-hot grant (or its index) of a request vector
  scanned from one past (or at) a pointer word, wrapping around. Emitted as mask-and-isolate: the
  requests above the pointer, their lowest set bit (``x & -x``), else the lowest of all requests.

The replacement needs intermediate wires (a comparator network shares its compare-exchanges): the
expression the lift emits names them, and :func:`helpers_for` gives their declarations, which the
lifting's emitter inserts in front of the module item that reads them (:func:`insert_helpers`).
Signature agreement is evidence only: the search loop proves every candidate before it is kept.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

from rtlopt.semantic.netlist import mask

#: Best known comparator networks (optimal comparator counts 1, 3, 5, 9, 12, 16, 19); each is checked
#: by the 0-1 principle before use, and Batcher's odd-even merge sort replaces one that fails.
_NETWORKS: dict[int, list[tuple[int, int]]] = {
    2: [(0, 1)],
    3: [(0, 2), (0, 1), (1, 2)],
    4: [(0, 1), (2, 3), (0, 2), (1, 3), (1, 2)],
    5: [(0, 3), (1, 4), (0, 2), (1, 3), (0, 1), (2, 4), (1, 2), (3, 4), (2, 3)],
    6: [(0, 5), (1, 3), (2, 4), (1, 2), (3, 4), (0, 3), (2, 5), (0, 1), (2, 3), (4, 5), (1, 2), (3, 4)],
    7: [(0, 6), (2, 3), (4, 5), (0, 2), (1, 4), (3, 6), (0, 1), (2, 5), (3, 4), (1, 2), (4, 6), (2, 3),
        (4, 5), (1, 2), (3, 4), (5, 6)],
    8: [(0, 2), (1, 3), (4, 6), (5, 7), (0, 4), (1, 5), (2, 6), (3, 7), (0, 1), (2, 3), (4, 5), (6, 7),
        (2, 4), (3, 5), (1, 4), (3, 6), (1, 2), (3, 4), (5, 6)],
}
MAX_LANES = 8
_HELPERS: dict[str, str] = {}  # expression -> the declarations of the helper wires it names
_META: dict[str, tuple] = {}  # order-statistics expression -> (lane texts, base, width, signed, ranks)
_HELPERS_MAX = 512
_FLAT: dict[str, str] = {}  # flat copy of a word whose lanes are read -> its declaration


def sorts(net: list[tuple[int, int]], n: int) -> bool:
    """The network sorts every 0-1 input of ``n`` lines (hence every input: the 0-1 principle)."""
    for x in range(1 << n):
        v = [(x >> k) & 1 for k in range(n)]
        for i, j in net:
            if v[i] > v[j]:
                v[i], v[j] = v[j], v[i]
        if any(v[k] > v[k + 1] for k in range(n - 1)):
            return False
    return True


def batcher(n: int) -> list[tuple[int, int]]:
    """Batcher's odd-even merge sort for ``n`` lines (comparators touching lines >= n dropped)."""
    p2 = 1
    while p2 < n:
        p2 *= 2
    out = []
    p = 1
    while p < p2:
        k = p
        while k >= 1:
            for j in range(k % p, p2 - k, 2 * k):
                for i in range(min(k, p2 - j - k)):
                    if (i + j) // (2 * p) == (i + j + k) // (2 * p):
                        out.append((i + j, i + j + k))
            k //= 2
        p *= 2
    return [(a, b) for a, b in out if b < n]


def network(n: int) -> list[tuple[int, int]]:
    net = _NETWORKS.get(n)
    if net is not None and sorts(net, n):
        return net
    return batcher(n)


def helpers_for(expr: str) -> str | None:
    """Declarations of the helper wires ``expr`` (an expression this module emitted) reads."""
    return _HELPERS.get(expr)


def _remember(expr: str, decls: list[str]) -> str:
    if len(_HELPERS) >= _HELPERS_MAX:
        _HELPERS.pop(next(iter(_HELPERS)))
    while len(_META) >= _HELPERS_MAX:
        _META.pop(next(iter(_META)))
    _HELPERS[expr] = "\n".join(decls)
    return expr


def _h(*parts) -> str:
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:4]


def _ident(s: str) -> str:
    return re.sub(r"\W+", "_", s).strip("_") or "w"


def _sv(v: np.ndarray, w: int) -> np.ndarray:
    """Signed view of ``w``-bit values (int64)."""
    sh = np.uint64(64 - w)
    return (v << sh).view(np.int64) >> np.int64(64 - w)


# ---- lanes -----------------------------------------------------------------------------------------------
class _Lane:
    __slots__ = ("text", "value", "op", "k")

    def __init__(self, text: str, value: np.ndarray, op, k: int):
        self.text, self.value, self.op, self.k = text, value, op, k


def _lane(v: np.ndarray, k: int, w: int) -> np.ndarray:
    """Bits ``k*w .. k*w+w-1`` of every value (uint64, or Python ints in an object array)."""
    if v.dtype == object:
        mk = (1 << w) - 1
        return np.array([(int(x) >> (k * w)) & mk for x in v], dtype=np.uint64)
    return (v >> np.uint64(k * w)) & mask(w)


def _lanes(ops, w: int) -> list[_Lane]:
    out = []
    for o in ops:
        if not o.free or o.width % w:
            continue
        for k in range(o.width // w):
            if o.width == w:
                text = o.text
            elif o.text == o.base:
                # a lane of a word is read from a flat copy: a part-select of a packed array
                # ('logic [3:0][11:0] s') would select elements, not bits
                fl = f"{_ident(o.base)}_flat{_h(o.base, o.width)}"
                if len(_FLAT) >= _HELPERS_MAX:
                    _FLAT.pop(next(iter(_FLAT)))
                _FLAT[fl] = f"wire [{o.width - 1}:0] {fl} = {o.base};"
                text = f"{fl}[{k * w + w - 1}:{k * w}]"
            else:
                continue  # a slice of a slice: not spelled here
            out.append(_Lane(text, _lane(o.value, k, w), o, k))
    return out


# ---- order statistics ------------------------------------------------------------------------------------
def _order_stats(t: np.ndarray, tw: int, ops) -> list[tuple]:
    out = []
    widths = {w for w in range(2, tw + 1) if tw % w == 0 and any(o.free and o.width % w == 0 for o in ops)}
    for w in sorted(widths, reverse=True):
        if w > 64 or sum(o.width // w for o in ops if o.free and o.width % w == 0) > 4 * MAX_LANES \
                or tw // w > MAX_LANES:
            continue
        lanes = []
        for ln in _lanes(ops, w):  # a word that only renames another's lane ('wire [7:0] a0 = bus[7:0];')
            if not any(np.array_equal(ln.value, x.value) for x in lanes):
                lanes.append(ln)
        if not 3 <= len(lanes) <= 4 * MAX_LANES:
            continue
        tl = [_lane(t, j, w) for j in range(tw // w)]
        vals = np.stack([ln.value for ln in lanes])  # (L, nvec)
        # every target lane is always one of the input lanes
        if not all(bool(np.all((vals == x).any(axis=0))) for x in tl):
            continue
        # the lanes the target ever shows where that lane's value is unique among the lanes
        uniq = np.array([(vals == vals[i]).sum(axis=0) == 1 for i in range(len(lanes))])
        shown = [i for i in range(len(lanes))
                 if any(int(((x == vals[i]) & uniq[i]).sum()) >= max(2, len(t) // 200) for x in tl)]
        subsets = [shown] + ([list(range(len(lanes)))] if len(shown) < len(lanes) else [])
        for sub in subsets:
            if not 3 <= len(sub) <= MAX_LANES:
                continue
            for signed in (False, True):
                sv = vals[sub]
                key = _sv(sv, w) if signed else sv.astype(np.int64) if w < 64 else sv
                order = np.argsort(key, axis=0, kind="stable")
                srt = np.take_along_axis(sv, order, axis=0)  # ascending
                ranks = []
                for x in tl:
                    r = next((r for r in range(len(sub)) if np.array_equal(srt[r], x)), None)
                    if r is None:
                        break
                    ranks.append(r)
                if len(ranks) != len(tl):
                    continue
                chosen = [lanes[i] for i in sub]
                # two spellings of each compare-exchange: synthesis maps 'a < b ? a : b' and 'b < a ? b : a'
                # differently (a sort of four: 1996.9 vs 1950.6 um^2), the search measures both; 'a > b ? b : a'
                # (the second one's selection with $gt) maps worse than both (2102.0; median of three 972 vs
                # 746 / 751) and is not offered
                exprs = [_emit_order(chosen, w, ranks, signed, lt) for lt in _SPELLINGS]
                used = []
                for ln in chosen:
                    if not any(ln.op is u for u in used):
                        used.append(ln.op)
                kind = _kind(ranks, len(sub))
                out.append((kind, tuple(used), exprs))
                return out
    return out


def _kind(ranks: list[int], n: int) -> str:
    if len(ranks) == n and sorted(ranks) == list(range(n)):
        return "sort_network" + ("_descending" if ranks[0] == n - 1 and n > 1 else "")
    if set(ranks) == {(n - 1) // 2} and n % 2:
        return "median"
    if set(ranks) <= {0}:
        return "min"
    if set(ranks) <= {n - 1}:
        return "max"
    return "order_statistics"


#: compare-exchange spellings offered: True 'a < b' (low output a when set) and None 'b < a' (low output b
#: when set: the selection of False, 'a > b', spelled with $lt)
_SPELLINGS = (True, None)


def _cmp(a: str, b: str, signed: bool, lt: bool | None) -> str:
    if lt is None:
        a, b, lt = b, a, True
    op = "<" if lt else ">"
    return f"$signed({a}) {op} $signed({b})" if signed else f"{a} {op} {b}"


def _emit_order(lanes: list[_Lane], w: int, ranks: list[int], signed: bool, lt: bool) -> str:
    # whole operands declared signed: an unsigned order compares them as $unsigned
    sgn = frozenset(ln.text for ln in lanes if ln.op.signed and ln.text == ln.op.base)
    return emit_order(tuple(ln.text for ln in lanes), _ident(lanes[0].op.base), w, ranks, signed, sgn=sgn, lt=lt)


#: selection networks that need fewer compare-exchanges than the pruned sorting network for the ranks
#: they select: (lanes, ranks) -> compare-exchanges; position r holds rank r afterwards (0-1 principle,
#: checked by tests). Median of five: 7 (half of them one-sided) instead of the 9 of the pruned sort.
SELECTION_NETS: dict[tuple[int, frozenset], list[tuple[int, int]]] = {
    (5, frozenset({2})): [(0, 1), (3, 4), (0, 3), (1, 4), (1, 2), (2, 3), (1, 2)],
}


def emit_order(names: tuple[str, ...], base: str, w: int, ranks: list[int], signed: bool,
               need: set[int] | None = None, sgn: frozenset = frozenset(), lt: bool | None = True) -> str:
    """The expression (MSB lane first) of the order statistics ``ranks`` (0 = smallest) of the words
    ``names``; its helper wires are remembered (:func:`helpers_for`). The network is built for the ranks
    ``need`` (default: ``ranks``; several targets reading one network pass the union of their ranks, so
    that their helpers coincide), but only the helpers ``ranks`` depend on are declared."""
    n = len(names)
    need = set(ranks) if need is None else set(need) | set(ranks)
    names = list(names)
    tag = _h(tuple(names), signed, w, lt)
    decls: dict[str, tuple[str, set[str]]] = {}  # name -> (declaration, helper names it reads)
    for x in names:  # lanes read from a flat copy of their word: the copy is declared first
        fl = x.split("[", 1)[0]
        if fl != x and fl in _FLAT:
            decls[fl] = (_FLAT[fl], set())
            decls[x] = ("", {fl})
    wdecl = f"[{w - 1}:0] " if w > 1 else ""

    def cx(prefix: str, k: int, a: str, b: str, want_lo: bool, want_hi: bool) -> tuple[str, str]:
        c = f"{prefix}_c{k}"
        ua, ub = (f"$unsigned({x})" if x in sgn and not signed else x for x in (a, b))
        decls[c] = (f"wire {c} = {_cmp(ua, ub, signed, lt)};", {a, b})
        # c = a < b: the low output is a when c; c = a > b: the low output is b when c
        x, y = (a, b) if lt else (b, a)
        lo = hi = ""
        if want_lo:
            lo = f"{prefix}_lo{k}"
            decls[lo] = (f"wire {wdecl}{lo} = {c} ? {x} : {y};", {a, b, c})
        if want_hi:
            hi = f"{prefix}_hi{k}"
            decls[hi] = (f"wire {wdecl}{hi} = {c} ? {y} : {x};", {a, b, c})
        return lo, hi

    if need <= {0, n - 1}:
        # a min and/or max alone: pair up, then reduction trees (ceil(3n/2)-2 compares for both)
        prefix = f"{base}_mm{tag}"
        cnt = [0]

        def nxt() -> int:
            cnt[0] += 1
            return cnt[0] - 1

        both = need == {0, n - 1}
        if both:
            lows, highs = [], []
            for i in range(0, n - 1, 2):
                lo, hi = cx(prefix, nxt(), names[i], names[i + 1], True, True)
                lows.append(lo)
                highs.append(hi)
            if n % 2:
                lows.append(names[-1])
                highs.append(names[-1])
        else:
            lows = highs = list(names)

        def tree(xs: list[str], lo: bool) -> str:
            while len(xs) > 1:
                out = []
                for i in range(0, len(xs) - 1, 2):
                    a, b = cx(prefix, nxt(), xs[i], xs[i + 1], lo, not lo)
                    out.append(a if lo else b)
                if len(xs) % 2:
                    out.append(xs[-1])
                xs = out
            return xs[0]

        res = {}
        if 0 in need:
            res[0] = tree(lows, True)
        if n - 1 in need:
            res[n - 1] = tree(highs, False)
    elif n == 3 and need == {1}:
        # a median of three alone: three compares of the inputs side by side and two muxes (b when
        # a<b and b<c agree, else a when a<b and a<c differ, else c; holds with ties and for either
        # compare direction) instead of the pruned sort's three chained compares and four muxes
        # (scanner median, 10-bit lanes: 1761.7 vs 2296.0 um^2)
        prefix = f"{base}_md{tag}"
        a, b, c = names
        ua, ub, uc = (f"$unsigned({x})" if x in sgn and not signed else x for x in (a, b, c))
        pab, pbc, pac = f"{prefix}_ab", f"{prefix}_bc", f"{prefix}_ac"
        decls[pab] = (f"wire {pab} = {_cmp(ua, ub, signed, lt)};", {a, b})
        decls[pbc] = (f"wire {pbc} = {_cmp(ub, uc, signed, lt)};", {b, c})
        decls[pac] = (f"wire {pac} = {_cmp(ua, uc, signed, lt)};", {a, c})
        m = f"{prefix}_m"
        decls[m] = (f"wire {wdecl}{m} = ({pab} == {pbc}) ? {b} : (({pab} != {pac}) ? {a} : {c});",
                    {a, b, c, pab, pbc, pac})
        res = {1: m}
    else:
        net = SELECTION_NETS.get((n, frozenset(need))) or network(n)
        # backwards: the compare-exchanges (and which of their outputs) the needed ranks depend on
        live = set(need)
        use: list[tuple[bool, bool] | None] = [None] * len(net)
        for k in reversed(range(len(net))):
            i, j = net[k]
            if i in live or j in live:
                use[k] = (i in live, j in live)
                live |= {i, j}
        prefix = f"{base}_sn{tag}"
        cur = list(names)
        for k, (i, j) in enumerate(net):
            if use[k] is None:
                continue
            lo, hi = cx(prefix, k, cur[i], cur[j], use[k][0], use[k][1])
            cur[i], cur[j] = lo or cur[i], hi or cur[j]
        res = {r: cur[r] for r in need}
    parts = [res[r] for r in reversed(ranks)]  # MSB lane first
    expr = parts[0] if len(parts) == 1 else "{" + ", ".join(parts) + "}"
    # only the helpers this expression reads (transitively), in declaration order
    want: set[str] = set()
    todo = [p for p in parts if p in decls]
    while todo:
        x = todo.pop()
        if x in want:
            continue
        want.add(x)
        todo += [y for y in decls[x][1] if y in decls]
    _META[expr] = (tuple(names), base, w, signed, tuple(ranks), sgn, lt)
    return _remember(expr, [d for k, (d, _r) in decls.items() if k in want and d])


def regroup(lifts: list) -> None:
    """Lifts of one module that read order statistics of the same words (separate outputs of one sort,
    a min and a max): each gets, as its first spelling, the network built for the union of their ranks,
    so that applied together they share one network (their helper wires coincide)."""
    groups: dict[tuple, list] = {}
    for lf in lifts:
        meta = _META.get(lf.exprs[0]) if lf.exprs else None
        if meta is not None:
            groups.setdefault((lf.module, meta[:4]), []).append((lf, meta))
    for (_m, _k), group in groups.items():
        if len(group) < 2:
            continue
        union = set().union(*(set(m[4]) for _lf, m in group))
        for lf, (names, base, w, signed, ranks, sgn, _lt) in group:
            shared = tuple(emit_order(names, base, w, list(ranks), signed, union, sgn, lt) for lt in _SPELLINGS)
            # a target that is itself a wire of the shared network (a helper an earlier lift of this
            # design declared, lifted again): that spelling would assign the wire to itself
            # (a register's next state may read the register: a running maximum)
            clocked = lf.notes.get("clocked")
            shared = tuple(e for e in shared if clocked or not reads_own(e, lf.targets))
            if shared and shared[0] != lf.exprs[0]:
                lf.exprs = shared + tuple(e for e in lf.exprs if e not in shared)
        for lf, _meta in group:
            if not lf.notes.get("clocked"):
                lf.exprs = tuple(e for e in lf.exprs if not reads_own(e, lf.targets))


def reads_own(expr: str, targets) -> bool:
    """Whether ``expr`` (with the helper wires it declares) names one of ``targets``: emitted, it would
    assign a target to itself (a combinational loop the proof can only reject)."""
    own = {t.split("[", 1)[0] for t in targets}
    names = set(re.findall(r"[A-Za-z_][\w$]*", expr))
    for d in (helpers_for(expr) or "").split("\n"):
        m = re.match(r"\s*wire\s+(?:\[[^\]]*\]\s*)?([A-Za-z_][\w$]*)", d)
        if m:
            names.add(m.group(1))
    return bool(own & names)


# ---- argmax / argmin -------------------------------------------------------------------------------------
MAX_ARG_LANES = 16


def _arg_extreme(t: np.ndarray, tw: int, ops) -> list[tuple]:
    """The target is the index of the largest (smallest) lane of one word, the first or the last one on
    ties: emitted as one tournament tree that carries the index with the value (the min/max tree of
    :func:`emit_order`, so a lift of the value itself shares its helper wires)."""
    out = []
    if tw > 8:
        return out
    tmax = int(t.max())
    for o in ops:
        if not o.free or o.text != o.base:
            continue
        for n in range(MAX_ARG_LANES, 2, -1):
            if o.width % n or tmax >= n or (n - 1).bit_length() > tw:
                continue
            w = o.width // n
            if w < 2 or w > 64:
                continue
            lanes = _lanes([o], w)
            vals = np.stack([ln.value for ln in lanes])
            for signed in (False, True):
                key = _sv(vals, w) if signed else vals.astype(np.int64) if w < 64 else vals
                for want_max in (True, False):
                    ext = key.max(axis=0) if want_max else key.min(axis=0)
                    hit = key == ext
                    first = np.argmax(hit, axis=0).astype(np.uint64)
                    last = (n - 1 - np.argmax(hit[::-1], axis=0)).astype(np.uint64)
                    for is_first, idx in ((True, first), (False, last)):
                        if not np.array_equal(t, idx):
                            continue
                        # right operand wins on a strict compare (first index) or on ties too (last)
                        lt = is_first == want_max
                        expr = _emit_arg([ln.text for ln in lanes], _ident(o.base), w, signed, want_max, lt,
                                         tw, frozenset({o.text}) if o.signed and not signed else frozenset())
                        kind = ("argmax" if want_max else "argmin") + ("_first" if is_first else "_last")
                        out.append((kind, (o,), [expr]))
                        return out
    return _arg_extreme_words(t, tw, ops)


def _arg_extreme_words(t: np.ndarray, tw: int, ops) -> list[tuple]:
    """:func:`_arg_extreme` over lanes held in separate words (``r0``, ``r1``, ``r2`` ports, or lanes of
    several buses): which lane each index value names is read off the vectors where it is the unique
    extreme; the tree is the one :func:`emit_order` builds for these lanes in that order, so a lift of the
    extreme value itself shares its compares."""
    n = int(t.max()) + 1
    if not 3 <= n <= MAX_ARG_LANES or (n - 1).bit_length() > tw:
        return []
    for w in sorted({o.width for o in ops if o.free and 2 <= o.width <= 64}, reverse=True):
        lanes: list[_Lane] = []
        for ln in _lanes([o for o in ops if o.free and o.width == w], w):
            if not any(np.array_equal(ln.value, x.value) for x in lanes):
                lanes.append(ln)
        if not n <= len(lanes) <= 4 * MAX_LANES:
            continue
        vals = np.stack([ln.value for ln in lanes])
        for signed in (False, True):
            key = _sv(vals, w) if signed else vals.astype(np.int64)
            for want_max in (True, False):
                ext = key.max(axis=0) if want_max else key.min(axis=0)
                hit = key == ext
                uniq = hit.sum(axis=0) == 1
                order = []
                for k in range(n):
                    sel = uniq & (t == k)
                    if int(sel.sum()) < 2:
                        break
                    who = [j for j in range(len(lanes)) if bool(np.all(hit[j][sel]))]
                    if len(who) != 1 or who[0] in order:
                        break
                    order.append(who[0])
                if len(order) != n:
                    continue
                h = hit[order]
                first = np.argmax(h, axis=0).astype(np.uint64)
                last = (n - 1 - np.argmax(h[::-1], axis=0)).astype(np.uint64)
                for is_first, idx in ((True, first), (False, last)):
                    if not np.array_equal(t, idx):
                        continue
                    chosen = [lanes[j] for j in order]
                    lt = is_first == want_max
                    sgn = frozenset(ln.text for ln in chosen if ln.op.signed and ln.text == ln.op.base
                                    and not signed)
                    expr = _emit_arg([ln.text for ln in chosen], _ident(chosen[0].op.base), w, signed,
                                     want_max, lt, tw, sgn)
                    used = []
                    for ln in chosen:
                        if not any(ln.op is u for u in used):
                            used.append(ln.op)
                    kind = ("argmax" if want_max else "argmin") + ("_first" if is_first else "_last")
                    return [(kind, tuple(used), [expr])]
    return []


def _emit_arg(names: list[str], base: str, w: int, signed: bool, want_max: bool, lt: bool, tw: int,
              sgn: frozenset) -> str:
    # 'a > b' is spelled 'b < a' (None), as emit_order spells it, so the value tree shares these compares
    sel, lt = bool(lt), (True if lt else None)
    tag = _h(tuple(names), signed, w, lt)
    prefix = f"{base}_mm{tag}"  # the names emit_order gives the min/max tree of these lanes
    decls: list[str] = []
    for x in names:
        fl = x.split("[", 1)[0]
        if fl != x and fl in _FLAT and _FLAT[fl] not in decls:
            decls.append(_FLAT[fl])
    wdecl = f"[{w - 1}:0] " if w > 1 else ""
    xs = [(x, f"{tw}'d{i}") for i, x in enumerate(names)]
    k = 0
    while len(xs) > 1:
        nxt = []
        for i in range(0, len(xs) - 1, 2):
            (a, ia), (b, ib) = xs[i], xs[i + 1]
            c = f"{prefix}_c{k}"
            ua, ub = (f"$unsigned({x})" if x in sgn and not signed else x for x in (a, b))
            decls.append(f"wire {c} = {_cmp(ua, ub, signed, lt)};")
            # emit_order's exchange: c = a < b picks b for the high output; c = a > b picks a
            (x, ix), (y, iy) = ((b, ib), (a, ia)) if sel == want_max else ((a, ia), (b, ib))
            v = f"{prefix}_{'hi' if want_max else 'lo'}{k}"
            decls.append(f"wire {wdecl}{v} = {c} ? {x} : {y};")
            ixn = f"{prefix}_ix{k}"
            decls.append(f"wire [{tw - 1}:0] {ixn} = {c} ? {ix} : {iy};")
            nxt.append((v, ixn))
            k += 1
        if len(xs) % 2:
            nxt.append(xs[-1])
        xs = nxt
    return _remember(xs[0][1], decls)


# ---- round-robin arbitration -----------------------------------------------------------------------------
def _rotr(v: np.ndarray, s: np.ndarray, n: int) -> np.ndarray:
    m = mask(n)
    s = s % np.uint64(n)
    return ((v >> s) | np.where(s == 0, np.uint64(0), v << (np.uint64(n) - s))) & m


def _lowest(v: np.ndarray, n: int) -> np.ndarray:
    iso = v & (~v + np.uint64(1))
    out = np.zeros_like(v)
    for k in range(n):
        out = np.where(iso == (np.uint64(1) << np.uint64(k)), np.uint64(k), out)
    return out


def _window(r: np.ndarray, start: np.ndarray, n: int) -> np.ndarray:
    """The requests of the doubled vector ``{r, r}`` (2n bits) from bit ``start`` on, lowest first: the grant
    (one-hot, folded back onto n bits) of a rotate / fixed-priority / rotate-back arbiter at any pointer value,
    also past n-1 (where nothing wraps)."""
    d = (r | (r << np.uint64(n))) & mask(2 * n)
    x = d & ~((np.uint64(1) << np.minimum(start, np.uint64(63))) - np.uint64(1))
    x = np.where(start >= np.uint64(2 * n), np.uint64(0), x)
    g = x & (~x + np.uint64(1))
    return (g | (g >> np.uint64(n))) & mask(n)


def _round_robin(t: np.ndarray, tw: int, ops) -> list[tuple]:
    out = []
    free = [o for o in ops if o.free]
    for r in free:
        n = r.width
        if n < 3 or n > 31:
            continue
        k = (n - 1).bit_length()
        pow2 = not n & (n - 1)
        for p in free:
            if p is r or p.width != k:
                continue
            # a pointer past n-1 (n not a power of two) never comes from a round-robin pointer: the
            # hypothesis is tested where it is below n (the proof decides whether the rest matters)
            ok = np.ones(len(t), dtype=bool) if pow2 else p.value < np.uint64(n)
            if int(ok.sum()) < 64:
                continue
            tt, rv, pv = t[ok], r.value[ok], p.value[ok]
            for after in (True, False):  # the scan starts one past the pointer, or at it
                start = (pv + np.uint64(1 if after else 0)) % np.uint64(n)
                rot = _rotr(rv, start, n)
                idx = (_lowest(rot, n) + start) % np.uint64(n)
                anyr = rv != 0
                onehot = np.where(anyr, np.uint64(1) << idx, np.uint64(0))
                got = None
                if tw == n and np.array_equal(tt, onehot):
                    got = "grant"
                elif tw >= k and tw <= 8 and np.array_equal(tt[anyr], idx[anyr]):
                    dflt = np.unique(tt[~anyr])
                    if len(dflt) <= 1:
                        got = ("index", int(dflt[0]) if len(dflt) else 0)
                elif tw == k + 1 and np.array_equal(tt[anyr], idx[anyr] | np.uint64(1 << k)) \
                        and not tt[~anyr].any():
                    got = ("valid_index", 0)  # {found, index}
                if got is None:
                    continue
                exprs = []
                forms = [False]
                if not pow2 and got == "grant" and np.array_equal(
                        t, _window(r.value, p.value + np.uint64(1 if after else 0), n)):
                    # past n-1 the design scans the doubled requests without wrapping: the exact form
                    # first, the masked one (equal where the pointer is below n) as the alternative
                    forms = [True, False]
                for wide in forms:
                    g, decls = _emit_rr(r, p, n, after, wide)
                    if got == "grant":
                        expr = g
                    else:
                        enc = [f"|({g} & {n}'h{sum(1 << q for q in range(n) if (q >> b) & 1):X})"
                               for b in reversed(range(k))]
                        expr = "{" + ", ".join(enc) + "}"
                        if got[0] == "valid_index":
                            expr = "{" + f"|{r.text}, " + expr[1:]
                        elif tw > k:
                            expr = f"{{{tw - k}'d0, {expr}}}"
                        if got[1]:
                            expr = f"(|{r.text}) ? {expr} : {tw}'d{got[1]}"
                    exprs.append(_remember(expr, decls))
                out.append(("round_robin_" + ("grant" if got == "grant" else "index"), (r, p), exprs))
                return out
    return out


def _emit_rr(r, p, n: int, after: bool, wide: bool = False) -> tuple[str, list[str]]:
    pre = f"{_ident(r.base)}_rr{_h(r.text, p.text, after, wide)}"
    req = r.text
    if wide:
        # the doubled requests from the pointer on, their lowest bit folded back onto n bits
        m = 2 * n
        decls = [
            f"wire [{m - 1}:0] {pre}_hi = {{{req}, {req}}} & ~(({m}'d{2 if after else 1} << {p.text}) - {m}'d1);",
            f"wire [{m - 1}:0] {pre}_iso = {pre}_hi & (~{pre}_hi + {m}'d1);",
            f"wire [{n - 1}:0] {pre}_gnt = {pre}_iso[{n - 1}:0] | {pre}_iso[{m - 1}:{n}];",
        ]
        return f"{pre}_gnt", decls
    # the requests strictly above the pointer (the scan starts one past it), or at and above it
    above = f"~(({n}'d{2 if after else 1} << {p.text}) - {n}'d1)"
    decls = [
        f"wire [{n - 1}:0] {pre}_hi = {req} & {above};",
        f"wire [{n - 1}:0] {pre}_pick = (|{pre}_hi) ? {pre}_hi : {req};",
        f"wire [{n - 1}:0] {pre}_gnt = {pre}_pick & (~{pre}_pick + {n}'d1);",
    ]
    return f"{pre}_gnt", decls


# ---- shift unit ----------------------------------------------------------------------------------------
def _shifts(d: np.ndarray, sh: np.ndarray, w: int) -> dict[str, np.ndarray]:
    big = sh >= np.uint64(w)
    s = np.minimum(sh, np.uint64(w - 1))
    m = mask(w)
    sra = (_sv(d & m, w) >> s.astype(np.int64)).view(np.uint64) & m
    return {"sll": np.where(big, np.uint64(0), (d << s) & m),
            "srl": np.where(big, np.uint64(0), (d & m) >> s),
            "sra": np.where(big, np.where(_sv(d & m, w) < 0, m, np.uint64(0)), sra)}


def _shift_unit(t: np.ndarray, tw: int, ops) -> list[tuple]:
    """The target is a left shift, a logical and an arithmetic right shift of one word by one amount,
    chosen by a select word: emitted as one right shifter with the operand and the result bit-reversed
    for a left shift and a fill bit for the arithmetic one."""
    free = [o for o in ops if o.free]
    for d in free:
        if d.width != tw or tw < 4 or d.text != d.base:
            continue
        for a in free:
            if a is d or not 2 <= a.width <= 6 or (1 << a.width) < tw:
                continue
            res = _shifts(d.value, a.value, tw)
            for sel in free:
                if sel is d or sel is a or sel.width > 3:
                    continue
                kinds: dict[int, str] = {}
                for v in range(1 << sel.width):
                    at = sel.value == np.uint64(v)
                    if int(at.sum()) < 16:
                        kinds = {}
                        break
                    k = next((k for k, r in res.items() if np.array_equal(t[at], r[at])), None)
                    if k is None:
                        kinds = {}
                        break
                    kinds[v] = k
                if not kinds or "sll" not in kinds.values() or set(kinds.values()) == {"sll"}:
                    continue
                return [("shift_unit", (d, a, sel), [_emit_shift_unit(d, a, sel, kinds, tw)])]
    return []


def _emit_shift_unit(d, a, sel, kinds: dict[int, str], w: int) -> str:
    pre = f"{_ident(d.base)}_su{_h(d.text, a.text, sel.text, tuple(sorted(kinds.items())))}"

    def anyof(kind: str) -> str:
        vs = [v for v, k in kinds.items() if k == kind]
        if not vs:
            return "1'b0"
        return " | ".join(f"({sel.text} == {sel.width}'d{v})" for v in vs)

    def rev(x: str) -> str:
        return "{" + ", ".join(f"{x}[{k}]" for k in range(w)) + "}"

    fl = f"{pre}_d"
    decls = [
        f"wire [{w - 1}:0] {fl} = {d.text};",
        f"wire {pre}_left = {anyof('sll')};",
        f"wire {pre}_fill = ({anyof('sra')}) & {fl}[{w - 1}];",
        f"wire [{w - 1}:0] {pre}_x = {pre}_left ? {rev(fl)} : {fl};",
        f"wire [{w}:0] {pre}_y = $signed({{{pre}_fill, {pre}_x}}) >>> {a.text};",
        f"wire [{w - 1}:0] {pre}_r = {pre}_y[{w - 1}:0];",
        f"wire [{w - 1}:0] {pre}_o = {pre}_left ? {rev(pre + '_r')} : {pre}_r;",
    ]
    return _remember(f"{pre}_o", decls)


def match_algorithms(t: np.ndarray, w: int, ops) -> list[tuple]:
    """``(kind, operands, [expr])`` for every algorithm of the library ``t`` (a ``w``-bit word) equals."""
    if len(t) == 0 or bool(np.all(t == t[0])):
        return []
    try:
        out = _order_stats(t, w, ops)
        if not out and w <= 8:  # an index (the wide path hands it over as Python ints)
            out = _arg_extreme(np.asarray([int(x) for x in t], dtype=np.uint64) & mask(w), w, ops)
        if w <= 64 and t.dtype != object:
            small = [o for o in ops if o.width <= 64 and o.value.dtype != object]
            out += _round_robin(t & mask(w), w, small)
            if not out:
                out += _shift_unit(t & mask(w), w, small)
            if not out:  # rotators and normalizers (rtlopt.semantic.rotnorm)
                from rtlopt.semantic.rotnorm import match_normalize, match_rotate, match_zero_count
                out += match_rotate(t & mask(w), w, small) or match_normalize(t & mask(w), w, small) \
                    or match_zero_count(t & mask(w), w, small)
            if not out:  # mode-selected wide / lane-wise adds (rtlopt.semantic.simdadd)
                from rtlopt.semantic.simdadd import match_simd_add
                out += match_simd_add(t & mask(w), w, small)
            if not out:  # filtered / offset argmax, argmin (rtlopt.semantic.argsel)
                from rtlopt.semantic.argsel import match_argsel
                out += match_argsel(t & mask(w), w, small)
            if not out:  # integer square root (rtlopt.semantic.isqrt): digit by digit
                from rtlopt.semantic.isqrt import match_isqrt
                out += match_isqrt(t & mask(w), w, small)
        if not out:  # leave-one-out min / max / xor / sum per lane (rtlopt.semantic.loo), any target width
            from rtlopt.semantic.loo import match_leave_one_out
            out += match_leave_one_out(t, w, ops)
        # a word already driven by the structure this library emits (an earlier lift of this design):
        # re-emitting it would only rename it
        have = {o.base for o in ops}
        out = [(k, u, [e for e in ex if e not in have]) for k, u, ex in out]
        return [r for r in out if r[2]]
    except (ValueError, IndexError, MemoryError):
        return []


# ---- emission: helper wires in front of their reader -----------------------------------------------------
def insert_helpers(text: str, module: str, exprs: list[str], targets) -> str | None:
    """``text`` with the helper wires of ``exprs`` declared in ``module`` in front of the first module item
    that assigns one of ``targets`` (the item the lift replaces; what it reads is declared before it);
    unchanged when no expression has helpers or they are all declared already (an earlier lift of the
    same network). None when a helper's name is declared otherwise, or no module-level item assigns a
    target."""
    decls: list[str] = []
    for e in exprs:
        h = helpers_for(e)
        if h:
            decls += [d for d in h.split("\n") if d not in decls]
    if not decls:
        return text
    from rtlopt.semantic.emit import _module_node
    from rtlopt.templates._sem import analyze
    an = analyze(text)
    mod = _module_node(an, module)
    if mod is None or an.syntax_errors:
        return None
    s0, e0 = an.span(mod)
    body = text[s0:e0]
    tset = set(targets)

    # the first module item that drives a target: assignments, always blocks, instances, declarations
    # with an initializer ('wire [3:0] s = f(x);')
    from rtlopt.semantic.emit import module_source, port_directions
    ms = module_source(an, module, port_directions(an))
    first = next((m for m in (ms.members if ms is not None else ()) if m.writes & tset), None)
    if first is None:
        return None
    s = first.start
    todo, move = [], []
    for d in decls:
        nm = re.match(r"wire\s+(?:\[[^\]]*\]\s*)?(\w+)", d)[1]
        at = text.find(d, s0, e0)
        if at >= 0:
            if at > s:  # declared by an earlier lift further down: moved up, in front of this reader
                move.append(d)
                todo.append(d)
            continue  # the same helper, declared by an earlier lift of this network
        if re.search(rf"\b{nm}\b", body):
            return None
        todo.append(d)
    if not todo:
        return text
    ls = text.rfind("\n", 0, s) + 1
    indent = text[ls:s] if not text[ls:s].strip() else ""
    new = text[:s] + ("\n" + indent).join(todo) + "\n" + indent + text[s:]
    for d in move:  # the old line (after the insertion point)
        at = new.find(d, s + len("\n".join(todo)) + 1)
        ls2 = new.rfind("\n", 0, at) + 1
        le2 = new.find("\n", at)
        new = new[:ls2] + new[le2 + 1:]
    return new


def apply_initializer(text: str, module: str, target: str, expr: str) -> str | None:
    """``text`` with the initializer of the net declaration ``wire [..] target = <old>;`` in ``module``
    replaced by ``expr`` (a lift of a word declared with its driver); logic and declarations only the
    old expression used are removed. None when ``target`` is not declared so, or the result does not
    read back."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.emit import _module_node, remove_leftovers
    from rtlopt.templates._expr import kind_name
    from rtlopt.templates._sem import analyze
    an = analyze(text)
    mod = _module_node(an, module)
    if mod is None or an.syntax_errors:
        return None
    hits = []
    for m in mod.members:
        if kind_name(m) != "NetDeclaration":
            continue
        for d in getattr(m, "declarators", None) or ():
            init = getattr(d, "initializer", None)
            if init is not None and hasattr(d, "name") and d.name.valueText == target:
                hits.append(init.expr)
    if len(hits) != 1:
        return None
    s, e = an.span(hits[0])
    new = remove_leftovers(apply_edits(text, [Edit(s, e, expr)]), module, text)
    an2 = analyze(new)
    if an2.syntax_errors or an2.errors > an.errors:
        return None
    return new
