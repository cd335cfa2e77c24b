"""Interval tables recognised by exhaustive simulation (a library extension of :mod:`lift`).

A word ``t`` whose cone reads only ONE narrow word ``x`` (at most :data:`MAX_X_BITS` bits, plus up to
:data:`MAX_SPLIT_BITS` single bits handled by a case split) and that is a step function of ``x`` with
few intervals -- constant on each, or ``x + c`` on some -- is a chain of compares of ``x`` against the
breakpoints. Nearest-level slicers (distances to constant levels, then an argmin), quantizers written
as case tables, threshold tables in functions or loops, range lookups: whatever the cone's spelling,
its exhaustive value table over ``x`` (signed or unsigned order, whichever has fewer intervals) gives
the breakpoints. Offered only when the cone is heavier than the chain it becomes; the search loop
measures and proves every candidate.
"""

from __future__ import annotations

import time

import numpy as np

from rtlopt.semantic.netlist import mask

#: the varying word: at most this many bits (2**bits vectors per split)
MAX_X_BITS = 16
#: single bits besides ``x`` the cone may read (each doubles the enumeration)
MAX_SPLIT_BITS = 2
#: at most this many intervals per table
MAX_INTERVALS = 16
#: enumeration effort bound: cone cells x vectors
MAX_WORK = 1 << 22
#: a named word inside the cone is tried as the varying word for cones up to this many cells
MAX_CUT_CONE = 3000
#: seconds of enumeration per netlist (it runs on every design: most have no such cone)
BUDGET_S = 2.0
#: cells that stand for an array of logic (a compare + mux chain is a few cells per interval)
_HEAVY = {"$mul": 6, "$div": 8, "$mod": 8, "$divfloor": 8, "$modfloor": 8, "$pow": 8}


def _segments(t: np.ndarray, xs: np.ndarray, w: int) -> list[tuple[int, int, str, int]] | None:
    """Greedy maximal pieces of ``t`` (indexed in order) as ``(start, end, kind, value)``: kind ``c``
    (constant value) or ``a`` (``x + value`` mod 2**w); None when more than :data:`MAX_INTERVALS`."""
    m = int(mask(w))
    c = (t - xs) & np.uint64(m)
    n = len(t)
    # where the value / the offset changes from the previous index
    tch = np.flatnonzero(t[1:] != t[:-1]) + 1
    cch = np.flatnonzero(c[1:] != c[:-1]) + 1
    tnext = np.append(tch, n)  # next change at or after i: searchsorted
    cnext = np.append(cch, n)
    out: list[tuple[int, int, str, int]] = []
    i = 0
    while i < n:
        et = int(tnext[np.searchsorted(tnext, i, side="right")])
        ec = int(cnext[np.searchsorted(cnext, i, side="right")])
        if et >= ec or ec - i < 2 or w == 1:  # (a bit: x[0] + c is a bit pick, no step table)
            out.append((i, et, "c", int(t[i])))
            i = et
        else:
            out.append((i, ec, "a", int(c[i])))
            i = ec
        if len(out) > MAX_INTERVALS:
            return None
    return out


def _lit(w: int, v: int) -> str:
    return f"{w}'d{v & int(mask(w))}"


class _Table:
    """One piecewise table of ``x`` in one order (signed or not), and its spellings."""

    def __init__(self, segs, x, width: int, signed: bool, w: int):
        self.segs, self.x, self.wx, self.signed, self.w = segs, x, width, signed, w
        self.rsegs = None  # the pieces found from the top down (same count, breakpoints may differ)

    def _key(self, i: int) -> int:
        """The index ``i`` of the ordered enumeration as the compared value of x."""
        return i - (1 << (self.wx - 1)) if self.signed else i

    def _xtext(self) -> str:
        x = self.x
        if self.signed:
            return x.text if x.signed and x.text == x.base else f"$signed({x.text})"
        return f"$unsigned({x.text})" if x.signed else x.text

    def _klit(self, v: int) -> str:
        if self.signed:
            return f"{self.wx}'sh{v & ((1 << self.wx) - 1):X}"
        return f"{self.wx}'d{v}"

    def _lt(self, i: int) -> str:
        """``x`` is below the piece starting at index ``i``."""
        return f"({self._xtext()} < {self._klit(self._key(i))})"

    def _ext(self) -> str:
        """``x`` as a ``w``-bit word (truncated or extended in its own signedness)."""
        x, w = self.x, self.w
        if w <= self.wx:
            if w == self.wx:
                return x.text
            lo = x.offset
            return f"{x.base}[{lo + w - 1}:{lo}]" if w > 1 else f"{x.base}[{lo}]"
        top = f"{x.base}[{x.offset + self.wx - 1}]" if x.width > 1 else x.text
        fill = top if self.signed else "1'b0"
        return f"{{{{{w - self.wx}{{{fill}}}}}, {x.text}}}"

    def _val(self, seg) -> str:
        _s, _e, kind, v = seg
        if kind == "c":
            return _lit(self.w, v)
        return f"({self._ext()} + {_lit(self.w, v)})" if v else f"{{{self._ext()}}}"

    def chain(self) -> str:
        parts = [f"{self._lt(self.segs[k + 1][0])} ? {self._val(self.segs[k])}" for k in range(len(self.segs) - 1)]
        return " : ".join(parts + [self._val(self.segs[-1])])

    def tree(self, lo: int = 0, hi: int | None = None) -> str:
        hi = len(self.segs) if hi is None else hi
        if hi - lo == 1:
            return self._val(self.segs[lo])
        mid = (lo + hi) // 2
        return f"({self._lt(self.segs[mid][0])} ? {self.tree(lo, mid)} : {self.tree(mid, hi)})"

    def count(self) -> str | None:
        """``v0 + (x >= b1) + ...`` when the constant pieces step by +1 (or -1) in order."""
        if self.w == 1 or any(s[2] != "c" for s in self.segs):
            return None
        vs = [s[3] for s in self.segs]
        m = int(mask(self.w))
        steps = {(b - a) & m for a, b in zip(vs, vs[1:], strict=False)}
        if steps not in ({1}, {m}):
            return None
        op = " + " if steps == {1} else " - "
        ge = [f"!{self._lt(s[0])}" for s in self.segs[1:]]
        return f"({_lit(self.w, vs[0])}{op}{op.join(ge)})"

    def exprs(self) -> list[str]:
        out = [self.chain()]
        if self.rsegs and self.rsegs != self.segs:
            # a point both neighbours explain goes to the upper piece instead (x < 12 rather than
            # x < 13: a compare the rest of the design may share)
            out.append(_Table(self.rsegs, self.x, self.wx, self.signed, self.w).chain())
        if len(self.segs) > 3:
            out.append(self.tree())
        c = self.count()
        if c:
            out.append(c)
        return out


def _tables(t: np.ndarray, x, w: int) -> _Table | None:
    """The table of ``t`` (indexed by unsigned x) in the order with fewer pieces."""
    n = 1 << x.width
    xs = np.arange(n, dtype=np.uint64)
    best = None
    for signed in (False, True):
        order = np.roll(xs, n // 2) if signed else xs  # -2^(W-1) .. 2^(W-1)-1 as unsigned bit patterns
        xv = (xs.view(np.int64) - (n // 2)).view(np.uint64) if signed else xs  # x's value at each index
        segs = _segments(t[order], xv, w)
        if segs is not None and (best is None or len(segs) < len(best.segs)):
            best = _Table(segs, x, x.width, signed, w)
            rev = _segments(t[order][::-1].copy(), xv[::-1].copy(), w)
            if rev is not None and len(rev) == len(segs):
                best.rsegs = [(n - e, n - s_, k, v) for s_, e, k, v in reversed(rev)]
    return best


def _cost(tab: _Table) -> int:
    """Muxes and adders of one table's chain (its compares are counted across tables)."""
    return len(tab.segs) - 1 + sum(s[2] == "a" for s in tab.segs)


def match_interval_table(nl, tbits: list, w: int, ops: list, boundary: set, cone: set,
                         named: list | None = None) -> list[tuple]:
    """``[(kind, operands, exprs)]`` for a step (or step + offset) function of one narrow word: a free
    word (an input, a register) of the cone, or else a named intermediate word that cuts the cone (a
    slicer after an equalizer's sum: the part of the cone above the word)."""
    if w > 32 or not cone:
        return []
    live = {b for b in boundary if isinstance(b, int)}
    words = [o for o in ops if o.free and 2 <= o.width <= MAX_X_BITS and live & set(o.bits)]
    if words:
        got = _attempt(nl, tbits, w, max(words, key=lambda o: o.width), ops, cone, live)
        if got is not None:
            return got  # the cone reads one word (and single bits): its table is the answer
    spent = getattr(nl, "_interval_spent", 0.0)
    if len(cone) > MAX_CUT_CONE or spent > BUDGET_S:
        return []
    t0 = time.monotonic()
    try:
        return _match_cut(nl, tbits, w, ops, cone, named)
    finally:
        nl._interval_spent = spent + time.monotonic() - t0  # (the enumerations inside included)


def _match_cut(nl, tbits: list, w: int, ops: list, cone: set, named: list | None) -> list[tuple]:
    tb = [b for b in tbits if isinstance(b, int)]
    inside = nl.cone_bits(cone)[0]
    cuts = [o for o in ops if not o.free]
    from rtlopt.semantic.lift import Operand
    for n in named or ():  # named words of the cone beyond the lift's operand limit
        if 2 <= n.width <= MAX_X_BITS and not n.upto and all(isinstance(b, int) and b in inside for b in n.bits) \
                and all(tuple(n.bits) != o.bits for o in cuts):
            cuts.append(Operand(n.name, n.name, n.width, np.zeros(1, dtype=np.uint64), n.signed, False,
                                tuple(n.bits), n.offset))
    tries = 0
    for o in sorted((o for o in cuts if 2 <= o.width <= MAX_X_BITS
                     and all(isinstance(b, int) for b in o.bits) and not set(o.bits) & set(tb)),
                    key=lambda o: -o.width)[:16]:
        sub = nl.fanin_cells(tb, set(o.bits))  # the cone above the word
        bnd = nl.cone_bits(sub)[1]
        if not sub or not set(o.bits) <= bnd or len(bnd - set(o.bits)) > MAX_SPLIT_BITS:
            continue  # not a cut of the cone
        got = _attempt(nl, tbits, w, o, ops, sub, {b for b in bnd if isinstance(b, int)})
        tries += got is not None
        if got or tries >= 2:
            return got or []
    return []


def _attempt(nl, tbits: list, w: int, x, ops: list, cone: set, live: set) -> list[tuple] | None:
    """The table of the cone over ``x`` and up to :data:`MAX_SPLIT_BITS` free single bits; None when the
    cone reads anything else (or the effort bound says no)."""
    rest = live - set(x.bits)
    if len(rest) > MAX_SPLIT_BITS or len(live & set(x.bits)) != x.width:
        return None
    # the split bits must be nameable: a bit of a free operand
    split = []
    for b in sorted(rest):
        o = next((o for o in ops if o.free and b in o.bits), None)
        if o is None:
            return None
        k = o.bits.index(b)
        split.append((b, o, o.text if o.width == 1 else f"{o.base}[{k + o.offset}]"))
    n = 1 << (x.width + len(split))
    spent = getattr(nl, "_interval_spent", 0.0)
    if n * len(cone) > MAX_WORK or spent > BUDGET_S:
        return None
    t0 = time.monotonic()
    try:
        return _match(nl, tbits, w, x, split, n, cone)
    finally:
        nl._interval_spent = spent + time.monotonic() - t0


def _match(nl, tbits: list, w: int, x, split: list, n: int, cone: set) -> list[tuple]:
    weight = sum(_HEAVY.get(nl.cells[i].type, 1) for i in cone)
    vec = np.arange(n, dtype=np.uint64)
    inputs = {b: ((vec >> np.uint64(k)) & np.uint64(1)).astype(bool) for k, b in enumerate(x.bits)}
    for j, (b, _o, _t) in enumerate(split):
        inputs[b] = ((vec >> np.uint64(x.width + j)) & np.uint64(1)).astype(bool)
    try:
        vals = nl.simulate_cells(cone, inputs, n)
    except Exception:  # noqa: BLE001 - an unsupported cell: no exhaustive answer
        return []
    if any(isinstance(b, int) and b not in vals for b in tbits):
        return []
    from rtlopt.semantic.netlist import pack
    tv = pack(nl.bits_value(vals, tbits[:64]))
    nx = 1 << x.width
    leaves: dict[int, _Table | None] = {}
    for s in range(1 << len(split)):
        leaves[s] = _tables(tv[s * nx:(s + 1) * nx], x, w)
        if leaves[s] is None:
            return []
    if all(len(tb.segs) == 1 and tb.segs[0][2] == "c" for tb in leaves.values()) and len(split) == 0:
        return []  # a constant
    # compares (one per distinct breakpoint), muxes (one per piece but the last), adders, split muxes
    cmps = {(tb.signed, tb.segs[k][0]) for tb in leaves.values() for k in range(1, len(tb.segs))}
    cost = len(cmps) + sum(_cost(tb) for tb in leaves.values()) + (len(leaves) - 1)
    if weight < 1.5 * cost + 4:
        return []  # the cone is not clearly heavier than the chain it would become

    def build(j: int, lo: int) -> list[str]:
        # split bit j (0 = first) chooses between the halves; equal halves need no mux
        if j == len(split):
            return leaves[lo].exprs()
        a = build(j + 1, lo)
        b = build(j + 1, lo | (1 << j))
        if a == b:
            return a
        k = min(len(a), len(b))
        return [f"({split[j][2]} ? ({b[i]}) : ({a[i]}))" for i in range(k)]

    exprs = build(0, 0)
    used = [x]
    for _b, o, _t in split:
        if all(o is not u for u in used):
            used.append(o)
    segs = sum(len(tb.segs) for tb in leaves.values())
    kind = "interval_table" if all(s[2] == "c" for tb in leaves.values() for s in tb.segs) else "interval_affine"
    return [(kind, tuple(used), exprs[:3])] if segs >= 2 else []
