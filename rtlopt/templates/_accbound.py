"""Bound of an accumulator cleared every R steps of a counter (integrate-and-dump): ``acc <= c * M``
together with ``c <= C`` (``M`` the largest value one step adds, ``C`` the counter's top), proven
inductive at once over the next-state functions of ``acc`` and ``c`` and established by the reset;
then ``acc <= C * M`` (a sum of R W-bit samples fits W + log2(R) bits).

Used by :func:`rtlopt.templates._regwidth.inductive_bound` when a register's own induction finds no
bound. Only a candidate's bound: the rewrite is still proven equivalent by rtlopt.verify."""

from __future__ import annotations

from rtlopt.templates._sem import Analysis, strip
from rtlopt.templates._width import _width

#: (step maximum M, counter top C) pairs tried per counter (each is two small z3 queries).
MAX_PAIRS = 160


def accumulator_bound(an: Analysis, key, sym, writes: list, ctx=None) -> int | None:
    """Bit count of the accumulator ``key`` (None when no counter bounds it). ``ctx``: one generate
    iteration's view (``_regwidth._ScopeCtx``: its write sites, net drivers and proven facts) instead of
    the whole analysis."""
    import z3

    from rtlopt.templates._guards import Z3Expr, _case_label_match, guard_z3, reads
    from rtlopt.templates._regwidth import (
        _const,
        _last,
        _next_state,
        _z3_consts,
        net_defs_cached,
        sites_cached,
        writes_by_key,
    )

    width = _width(sym)
    if width < 4 or width > 64:
        return None
    defs = net_defs_cached(an) if ctx is None else ctx.defs
    by_key = writes_by_key(sites_cached(an) if ctx is None else ctx.sites)
    mine = by_key.get(key, [])
    if not any(key in reads(st.node.right) for st in mine):
        return None  # no accumulation (acc <= acc + x)
    if not mine or sorted(an.span(st.node) for st in mine) != sorted(an.span(w) for w in writes) \
            or any(st.volatile or not st.node.isNonBlocking for st in mine):
        return None
    greads: set = set()
    for st in mine:  # counters read in the guards or the written value (acc <= (n == 15) ? 0 : acc + x)
        greads |= reads(st.node.right)
        for g in st.guard:
            greads |= reads(g.node if g.kind == "cond" else g.node.expr)
    counters = []
    for ck, sts in by_key.items():
        if ck == key or ck not in greads or any(st.volatile or not st.node.isNonBlocking for st in sts):
            continue
        lhs = strip(sts[0].node.left)
        if 1 <= _width(lhs) <= 64 and type(lhs.symbol).__name__ == "VariableSymbol":
            counters.append((ck, _width(lhs), sts))
    if not counters:
        return None
    zx = Z3Expr(an, defs=defs)
    for st in mine + [x for _k, _w, sts in counters for x in sts]:
        for g in st.guard:
            if g.kind == "case" and any(_case_label_match(an, zx, g.node, it) is None for it in g.node.items):
                return None
    r = zx.var(key, width)
    nr = _next_state(an, zx, mine, r, width)
    resets = [st for st in mine if _const(an, st.node.right) is not None
              and any(key not in reads(g.node if g.kind == "cond" else g.node.expr) for g in st.guard)]
    if not resets:
        return None
    # step maxima: all-ones of the widths below the accumulator's (the sample widths)
    steps = [(1 << k) - 1 for k in range(1, width)]

    def unsat(*facts) -> bool:
        s = z3.Solver()
        s.set("timeout", 1000)
        s.add(*facts)
        return s.check() == z3.unsat

    best = None
    for ck, cw, sts in counters:
        c = zx.var(ck, cw)
        nc = _next_state(an, zx, sts, c, cw)
        consts: set[int] = set()
        _z3_consts(z3.simplify(nc), consts)  # (folded: ``n == 2 * K + 1`` of a generate iteration)
        _z3_consts(z3.simplify(nr), consts)
        tops = sorted({k + d for k in consts for d in (-1, 0, 1) if 0 < k + d < min(1 << cw, 1 << 16)})
        ww = width + cw + 2

        def inv(rr, cc, m, top, ww=ww, cw=cw):
            wide_r = z3.ZeroExt(ww - width, rr)
            wide_c = z3.ZeroExt(ww - cw, cc)
            return z3.And(z3.ULE(cc, z3.BitVecVal(top, cw)), z3.ULE(wide_r, wide_c * z3.BitVecVal(m, ww)))

        tried = [0]

        def holds(m, top, inv=inv, c=c, nc=nc, tried=tried) -> bool:
            tried[0] += 1
            return unsat(inv(r, c, m, top), z3.Not(inv(nr, nc, m, top))) and all(
                unsat(guard_z3(an, zx, st.guard), _last(an, zx, st, mine), z3.Not(inv(nr, nc, m, top)))
                for st in resets[:1])

        for top in tops:
            ms = [m for m in steps if top * m < (1 << width) - 1 and (best is None or top * m < best)]
            # a bound that holds for M holds for every larger M: the largest first, then bisection
            if not ms or tried[0] > MAX_PAIRS or not holds(ms[-1], top):
                continue
            lo, hi = 0, len(ms) - 1
            while lo < hi and tried[0] <= MAX_PAIRS:
                mid = (lo + hi) // 2
                if holds(ms[mid], top):
                    hi = mid
                else:
                    lo = mid + 1
            best = top * ms[hi]
            # the proven invariant, for registers loaded from this one (_regwidth._loaded_bound)
            facts = an.__dict__.setdefault("_reg_facts", {}) if ctx is None else ctx.facts
            facts[key] = inv(r, c, ms[hi], top)
    return None if best is None else max(1, best.bit_length())
