"""Per-state register bounds by a least fixed point on the miter (candidate invariants for Houdini).

A timer narrowed to the values it reaches, or kept beside a re-encoded machine, is bounded only per
controller state: ``state == EXIT -> t <= 29`` (it leaves EXIT when the count reaches 29), ``t <= 30``
in the state it leaves to, ``t == 0`` elsewhere. Guessing these as ``s == a -> r <= K`` for every code,
word and constant gives hundreds of candidates per design (the structural rounds of :mod:`._smt`), of
which Houdini keeps few, a round at a time, and a pair it never generated (its limit ran out on a
4-bit count that is also a "state") leaves the proof UNKNOWN.

Here the bounds are computed instead (abstract interpretation in the domain "per code of ``s``, an
upper bound of ``r`` or unreachable"): every bound starts at bottom (the code unreachable), is raised to
what random simulation from reset shows, and then, as long as some step from a state within all bounds
(any state before the reset took effect) leads out of a bound, that bound is raised to the next value of
a ladder (the miter's constants +-1 and ``2^k - 1``) at or above the value z3's model shows. The fixed
point, when reached within the limits, is inductive for the design's own transition relation, and the
result is only a list of candidates: the callers filter them on the BMC unrolling and Houdini proves
what it keeps together with the outputs equal, so nothing here needs to be right for soundness.
"""

from __future__ import annotations

import time

import numpy as np
import z3

#: Widest register whose codes are the states (every code is tracked).
COND_BITS = 4
#: Small registers taken as states per design, and words bounded per design.
MAX_CONDS = 4
MAX_WORDS = 10
#: (state, word) pairs at most over both designs.
MAX_PAIRS = 48
#: Widest word bounded (wider counters are left to the other candidate families).
MAX_WORD_BITS = 32
#: Raising rounds at most (each one z3 query on one step of the miter).
MAX_ROUNDS = 120
#: Raises after which a pair whose reachable codes all have one bound is given up (see the loop).
LOCKSTEP_RAISES = 2


def _ladder(constants: list[int], width: int) -> list[int]:
    """The values a bound may take: 0, 1, each constant K of the miter and K + 1 (a count that leaves its
    state when it reaches K may have stepped once more), and ``2^k - 1``."""
    top = (1 << width) - 1
    vals = {0, 1} | {(1 << k) - 1 for k in range(1, width + 1)}
    vals |= {k + d for k in constants for d in (0, 1)}
    return sorted(v for v in vals if 0 <= v <= top)


def _up(ladder: list[int], v: int) -> int:
    for x in ladder:
        if x >= v:
            return x
    return ladder[-1]


def _pairs(sm, gregs: list, hregs: list) -> list[tuple[z3.ExprRef, z3.ExprRef]]:
    """(state, word) pairs: the small registers of one design as states, its words whose width no word of
    the other design has as the bounded ones (the registers a rewrite narrowed or widened; every word
    when there are none)."""
    out: list[tuple[z3.ExprRef, z3.ExprRef]] = []
    gw = {sm.regs[r.name].size() for r in gregs if not z3.is_bool(sm.regs[r.name])}
    hw = {sm.regs[r.name].size() for r in hregs if not z3.is_bool(sm.regs[r.name])}
    sides = []
    for regs, other in ((hregs, gw), (gregs, hw)):  # the gate first: its names survive (gold's, after xprop, not)
        words = [sm.regs[r.name] for r in regs if not z3.is_bool(sm.regs[r.name])
                 and 2 <= sm.regs[r.name].size() <= MAX_WORD_BITS]
        sides.append((words, [e for e in words if e.size() not in other]))
    anything = any(ch for _w, ch in sides)
    if sides[0][1]:
        # the gate's changed words: their bounds with ``gold.r == zext(gate.r')`` bound gold's too (and gold's
        # xprop model adds an x-mask word beside each of its registers: twice the pairs, none needed)
        sides = sides[:1]
    for words, changed in sides:
        conds = [e for e in words if e.size() <= COND_BITS][:MAX_CONDS]
        for c in conds:
            for w in (changed if anything else words)[:MAX_WORDS]:
                if not w.eq(c) and len(out) < MAX_PAIRS:
                    out.append((c, w))
    return out


def state_pairs(sm, regs: list, state: str) -> list[tuple[z3.ExprRef, z3.ExprRef]]:
    """(state, word) pairs of the register named ``state`` (the last part of its hierarchical name; a
    re-encoded machine's new state register) with every other word register of ``regs``."""
    hit = [r for r in regs if r.name.rsplit(".", 1)[-1] == state and not z3.is_bool(sm.regs[r.name])
           and 2 <= sm.regs[r.name].size() <= COND_BITS]
    if len(hit) != 1:
        return []
    c = sm.regs[hit[0].name]
    words = [sm.regs[r.name] for r in regs if r is not hit[0] and not z3.is_bool(sm.regs[r.name])
             and 2 <= sm.regs[r.name].size() <= MAX_WORD_BITS]
    return [(c, w) for w in words[:MAX_PAIRS]]


def state_bound_candidates(sm, gregs: list, hregs: list, guard, traces, deadline: float,
                           evaluate=None, pairs: list | None = None) -> list[z3.BoolRef]:
    """``s == a -> r <= B[a]`` and ``s != a`` (code ``a`` unreachable) for small registers ``s`` and word
    registers ``r`` of one design, at the least fixed point reached from the simulated bounds (see the
    module docstring); [] when the fixed point is not reached by ``deadline`` or within MAX_ROUNDS.
    ``guard``: the miter's 'started' flag (the bounds hold from the first compared cycle on); ``pairs``:
    the (state, word) pairs (default: :func:`_pairs`)."""
    pairs = _pairs(sm, gregs, hregs) if pairs is None else pairs
    if not pairs:
        return []
    ctx = sm.s0.ctx
    ladders = {w.size(): _ladder(list(sm.constants), w.size()) for _c, w in pairs}
    # bounds[p][a]: None = code a of pair p's state unreachable (bottom), else the bound
    bounds: list[list[int | None]] = [[None] * (1 << c.size()) for c, _w in pairs]
    useless: set[int] = set()
    if traces and evaluate is not None:
        exprs = [e for c, w in pairs for e in (c, w)] + ([guard] if guard is not None else [])
        vals = evaluate(exprs, sm.s0, traces)
        if vals is not None:
            keep = np.asarray(vals[-1]).astype(bool) if guard is not None else None
            for i, (_c, w) in enumerate(pairs):
                cv = np.asarray(vals[2 * i]).astype(np.int64)
                wv = np.asarray(vals[2 * i + 1]).astype(np.int64)
                if keep is not None:
                    cv, wv = cv[keep], wv[keep]
                most = {}
                for a in np.unique(cv):
                    most[int(a)] = int(wv[cv == a].max())
                    bounds[i][int(a)] = _up(ladders[w.size()], most[int(a)])
                if len(most) > 1 and len(set(most.values())) == 1 and min(most.values()) > 0:
                    useless.add(i)  # the codes seen do not separate the word's values: no state of it
    if useless:
        pairs = [p for i, p in enumerate(pairs) if i not in useless]
        bounds = [b for i, b in enumerate(bounds) if i not in useless]
        if not pairs:
            return []
    t0, t1 = sm.state("f"), sm.state("f")
    base = [sm.at(sm.assume, t0), sm.at(sm.assume, t1), sm.step(t0, t1), z3.Not(sm.at(sm.is_init, t1))]
    g0 = sm.at(guard, t0) if guard is not None else None
    g1 = sm.at(guard, t1) if guard is not None else None
    inst = [(sm.at(c, t0), sm.at(w, t0), sm.at(c, t1), sm.at(w, t1)) for c, w in pairs]

    def term(a: int, b: int | None, c: z3.ExprRef, w: z3.ExprRef) -> z3.BoolRef:
        lit = c == z3.BitVecVal(a, c.size(), ctx)
        if b is None:
            return z3.Not(lit)
        return z3.Implies(lit, z3.ULE(w, z3.BitVecVal(b, w.size(), ctx)))

    s = z3.Solver(ctx=ctx)
    s.add(*base)
    raises = [[0] * len(b) for b in bounds]
    done = False
    for _round in range(MAX_ROUNDS):
        left = deadline - time.monotonic()
        if left <= 0.05:
            break
        hyps, goals, where = [], [], []
        for i, (c0, w0, c1, w1) in enumerate(inst):
            top = (1 << w0.size()) - 1
            for a, b in enumerate(bounds[i]):
                if b is not None and b >= top:
                    continue  # no bound
                hyps.append(term(a, b, c0, w0))
                goals.append(z3.Not(term(a, b, c1, w1)))
                where.append((i, a))
        if not goals:
            break
        h = z3.And(hyps)
        goal = z3.Or(goals)
        s.push()  # one solver for every round: what it learns about the step stays
        s.add(z3.Implies(g0, h) if g0 is not None else h)
        s.add(z3.And(g1, goal) if g1 is not None else goal)
        s.set("timeout", max(1, int(left * 1000)))
        r = s.check()
        m = s.model() if r == z3.sat else None
        s.pop()
        if r == z3.unsat:
            done = True
            break
        if m is None:
            break
        raised = False
        for (i, a), gl in zip(where, goals, strict=True):
            if not z3.is_true(m.eval(gl, model_completion=True)):
                continue
            w1 = inst[i][3]
            v = m.eval(w1, model_completion=True).as_long()
            old = bounds[i][a]
            new = _up(ladders[w1.size()], max(v, old if old is not None else 0))
            if old is None or new > old:
                raises[i][a] += old is not None
                bounds[i][a] = new
                raised = True
        if not raised:  # cannot happen with a sound model; never loop on it
            break
        for i, b in enumerate(bounds):
            # a pair whose reachable codes all climb together (the codes of a prescaler beside a timer)
            # is no state of the word: no bound (else it climbs the whole ladder, a round per step)
            vals = {x for x in b if x is not None}
            if len(vals) == 1 and sum(x is not None for x in b) > 1 and max(raises[i]) >= LOCKSTEP_RAISES:
                top = (1 << inst[i][1].size()) - 1
                bounds[i] = [top if x is not None else None for x in b]
    if not done:
        return []
    out: list[z3.BoolRef] = []
    seen: set[tuple[int, int]] = set()
    for i, (c, w) in enumerate(pairs):
        top = (1 << w.size()) - 1
        for a, b in enumerate(bounds[i]):
            if b is None:
                key = (c.get_id(), a)
                if key in seen:
                    continue
                seen.add(key)
            elif b >= top:
                continue
            cand = term(a, b, c, w)
            out.append(z3.Implies(guard, cand) if guard is not None else cand)
    return out


#: Seconds at most (and share of the time left) for the fixed point of the state-map round, and for its Houdini.
MAP_FIX_S = 10.0
MAP_FIX_SHARE = 0.3
MAP_HOUDINI_S = 25.0
MAP_HOUDINI_SHARE = 0.6


def state_map_round(sm, bmc, budget, guard, traces, state_map: dict | None):
    """Houdini for a re-encoded machine (the FSM engine's ``state_map`` hint: the gate's state register and
    the code of each gold state in it): equal registers of one width across the designs, registers at 0
    (gold's x-masks after xprop), the state map's code pairs, and the per-state bounds of every other word
    of the gate by the gate's new state register (:func:`state_bound_candidates`: the count a state
    leaves at, the index a state never passes). A few hundred candidates where the structural round has
    1500 and no per-code bound of the new codes (heldout16 manchester/onehot_enum, one-hot 6 -> 3-bit codes:
    that round failed twice in 15 s at load 12; these 208 are proven in 28 s at load 18). The outcome
    (EQUIVALENT) or None; sound like the other rounds (BMC filter, then Houdini with the outputs equal)."""
    from rtlopt.verify import _smt
    from rtlopt.verify._smtsim import _evaluate, filter_by_traces, sim_traces

    gate_reg = state_map.get("gate_reg") if isinstance(state_map, dict) else None
    if not isinstance(gate_reg, str) or budget.left() < 3.0:
        return None
    gregs, hregs = _smt._sides(sm, outputs=False)
    pairs = state_pairs(sm, hregs, gate_reg)
    if not pairs:
        return None
    longer = sim_traces(sm, min(_smt.SIM_FILTER_S, budget.left() * 0.1), lanes=_smt.LONG_TRACE_LANES,
                        cycles=_smt.LONG_TRACE_CYCLES, seed=2) if traces else None
    fix = state_bound_candidates(sm, gregs, hregs, guard, longer or traces,
                                 time.monotonic() + min(MAP_FIX_S, budget.left() * MAP_FIX_SHARE), _evaluate,
                                 pairs=pairs)
    if not fix:
        return None
    cands: list[z3.BoolRef] = []
    for g in gregs:
        for h in hregs:
            eg, eh = sm.regs[g.name], sm.regs[h.name]
            if len(cands) >= 400 or z3.is_bool(eg) != z3.is_bool(eh):
                continue
            if g.width == h.width and g.sort == h.sort:
                cands.append(eg == eh)
            elif not z3.is_bool(eg) and eg.size() > eh.size():  # a timer narrowed beside the re-encoding
                cands.append(eg == z3.ZeroExt(eg.size() - eh.size(), eh))
            elif not z3.is_bool(eg):
                cands.append(eh == z3.ZeroExt(eh.size() - eg.size(), eg))
    for r in gregs + hregs:
        e = sm.regs[r.name]
        cands.append(z3.Not(e) if z3.is_bool(e) else e == z3.BitVecVal(0, e.size(), e.ctx))
    cands += _smt._state_map_candidates(sm, state_map)
    if guard is not None:
        cands = [z3.Implies(guard, c) for c in cands]
    if traces:
        cands = filter_by_traces(sm, filter_by_traces(sm, cands, traces), longer)
    sub = _smt.Budget(min(MAP_HOUDINI_S, budget.left() * MAP_HOUDINI_SHARE))
    cands = _smt._filter_on_bmc(sm, bmc, cands + fix, sub) or []
    if not cands:
        return None
    status, inv = _smt._houdini(sm, cands, sub)
    if status == "proved":
        return _smt.SmtOutcome("equivalent", f"induction strengthened by {len(inv)} state-map, equality and "
                                             "per-state bound invariants (z3; bounds by fixed point)", k=1)
    return None
