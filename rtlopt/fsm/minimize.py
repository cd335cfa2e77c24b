"""State minimization.

* Completely specified machines: exact partition refinement over the input alphabet of
  :meth:`rtlopt.fsm.model.Fsm.table` (two states are equivalent iff on every alphabet class — and
  so on every input valuation — they produce the same outputs and go to equivalent states).
* Incompletely specified machines (don't-care next states/outputs): compatibility analysis and a
  minimum *closed cover* that contains the reset state, found exactly with z3 (SAT per cover size,
  from a clique lower bound upwards) for small and medium machines; for large ones (or on timeout)
  a heuristic cover (don't-cares filled, then refined) with the proven lower bound reported.

Only states reachable from reset are kept; the reset behaviour and every output sequence from reset
are preserved (for don't-cares: on every input sequence where the original is specified).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import z3

from rtlopt.fsm.model import Fsm, Table, Transition

EXACT_MAX_STATES = 400  # exact SAT up to this many states (user-settable)
EXACT_TIMEOUT_S = 20.0


@dataclass
class Minimization:
    """Result of minimizing one machine.

    Attributes:
        table: the explicit table of the reachable original states.
        blocks: the states of the minimized machine, each a tuple of original states (a cover:
            for incompletely specified machines a state may be in more than one block).
        reset_block: index of the block that contains the reset state.
        next_block: ``(block, class) -> block`` (None: don't-care).
        method: "partition", "exact-sat" or "heuristic".
        optimal: True when the number of blocks is proven minimum.
        lower_bound: proven lower bound on the number of states.
    """

    table: Table
    blocks: list[tuple[str, ...]]
    reset_block: int
    next_block: dict[tuple[int, int], int | None]
    method: str
    optimal: bool
    lower_bound: int
    seconds: float = 0.0
    choice: dict[tuple[int, int], str | None] = field(default_factory=dict)  # member giving outputs

    @property
    def n_before(self) -> int:
        return len(self.table.states)

    @property
    def n_after(self) -> int:
        return len(self.blocks)

    def state_map(self) -> dict[str, int]:
        """Original state -> block index (first block containing it)."""
        out: dict[str, int] = {}
        for i, b in enumerate(self.blocks):
            for s in b:
                out.setdefault(s, i)
        return out

    def equivalence_classes(self) -> list[tuple[str, ...]]:
        return [b for b in self.blocks if len(b) > 1]


def minimize(fsm: Fsm, *, exact_max_states: int = EXACT_MAX_STATES, timeout_s: float = EXACT_TIMEOUT_S) -> Minimization:
    """Minimize ``fsm`` (its reachable part)."""
    t0 = time.monotonic()
    table = fsm.table()
    if table.reset is None:
        raise ValueError(f"{fsm.name}: no reset state; minimization needs one")
    if table.completely_specified():
        m = partition_refine(table)
    else:
        m = closed_cover(table, exact_max_states=exact_max_states, timeout_s=timeout_s)
    m.seconds = time.monotonic() - t0
    return m


# ---------------------------------------------------------------------- complete machines
def partition_refine(table: Table) -> Minimization:
    states = table.states
    ncls = table.n_classes
    key = {s: tuple(table.entries[(s, c)][1] for c in range(ncls)) for s in states}
    block = _renumber(key, states)
    while True:
        key2 = {s: (block[s], tuple(block[table.entries[(s, c)][0]] for c in range(ncls))) for s in states}
        nb = _renumber(key2, states)
        if len(set(nb.values())) == len(set(block.values())):
            block = nb
            break
        block = nb
    # order blocks by first appearance (reset first)
    order: list[int] = []
    for s in [table.reset] + [s for s in states if s != table.reset]:
        if block[s] not in order:
            order.append(block[s])
    idx = {b: i for i, b in enumerate(order)}
    blocks = [tuple(s for s in states if idx[block[s]] == i) for i in range(len(order))]
    nxt = {}
    choice = {}
    for i, b in enumerate(blocks):
        rep = b[0]
        for c in range(ncls):
            nxt[(i, c)] = idx[block[table.entries[(rep, c)][0]]]
            choice[(i, c)] = rep
    return Minimization(table, blocks, 0, nxt, "partition", True, len(blocks), choice=choice)


def _renumber(key: dict, states: list[str]) -> dict[str, int]:
    ids: dict = {}
    return {s: ids.setdefault(key[s], len(ids)) for s in states}


# ---------------------------------------------------------------------- incompletely specified
def _out_conflict(a: tuple, b: tuple) -> bool:
    return any(x is not None and y is not None and x != y for x, y in zip(a, b, strict=True))


def _incompatibility(table: Table) -> list[set[int]]:
    """Incompatibility graph (adjacency sets over state indices): an output conflict on some class
    (ids are exact function comparisons, see :meth:`Fsm.table`), or successors that are incompatible,
    to a fixpoint (worklist over predecessor pairs)."""
    states = table.states
    n = len(states)
    idx = {s: i for i, s in enumerate(states)}
    ncls = table.n_classes
    nxt = [[None if table.entries[(s, c)][0] is None else idx.get(table.entries[(s, c)][0]) for c in range(ncls)]
           for s in states]
    inc: list[set[int]] = [set() for _ in range(n)]
    work: list[tuple[int, int]] = []
    for c in range(ncls):
        # group states by their output vector on c; only groups whose vectors conflict are incompatible
        outs = [table.entries[(s, c)][1] for s in states]
        groups: dict[tuple, list[int]] = {}
        for i, o in enumerate(outs):
            groups.setdefault(o, []).append(i)
        keys = list(groups)
        for a in range(len(keys)):
            for b in range(a + 1, len(keys)):
                if _out_conflict(keys[a], keys[b]):
                    for i in groups[keys[a]]:
                        for j in groups[keys[b]]:
                            if j not in inc[i]:
                                inc[i].add(j)
                                inc[j].add(i)
                                work.append((i, j))
    pred: list[dict[int, list[int]]] = []
    for c in range(ncls):
        pc: dict[int, list[int]] = {}
        for i in range(n):
            t = nxt[i][c]
            if t is not None:
                pc.setdefault(t, []).append(i)
        pred.append(pc)
    while work:
        i, j = work.pop()
        for pc in pred:
            pi, pj = pc.get(i), pc.get(j)
            if not pi or not pj:
                continue
            for p in pi:
                for q in pj:
                    if p != q and q not in inc[p]:
                        inc[p].add(q)
                        inc[q].add(p)
                        work.append((p, q))
    return inc


def incompatible_pairs(table: Table) -> set[frozenset[str]]:
    """Pairs of states that cannot be merged (output conflict, directly or through successors)."""
    st = table.states
    return {frozenset((st[i], st[j])) for i, adj in enumerate(_incompatibility(table)) for j in adj if i < j}


def _clique(inc: list[set[int]], first: int | None = None, tries: int = 24) -> list[int]:
    """A large clique of the incompatibility graph (greedy from several seeds, best kept), ``first``
    (the reset state) put first when it is in it."""
    n = len(inc)
    if n == 0:
        return []
    adj = [sum(1 << j for j in a) for a in inc]
    order = sorted(range(n), key=lambda v: -len(inc[v]))
    seeds = order[:max(4, min(tries, 2000 // n))]
    if first is not None and first not in seeds:
        seeds.append(first)
    best: list[int] = []
    for v in seeds:
        cl = [v]
        cand = adj[v]
        while cand:
            # the candidate with most neighbours among the remaining candidates
            bu, bc = -1, -1
            c = cand
            while c:
                low = c & -c
                u = low.bit_length() - 1
                c ^= low
                k = (adj[u] & cand).bit_count()
                if k > bc:
                    bu, bc = u, k
            cl.append(bu)
            cand &= adj[bu]
        if len(cl) > len(best) or (len(cl) == len(best) and first in cl and first not in best):
            best = cl
    if first is not None and first in best:
        best.remove(first)
        best.insert(0, first)
    return best


def _lower_bound(states: list[str], inc: set[frozenset[str]]) -> int:
    idx = {s: i for i, s in enumerate(states)}
    adj: list[set[int]] = [set() for _ in states]
    for p in inc:
        a, b = tuple(p)
        adj[idx[a]].add(idx[b])
        adj[idx[b]].add(idx[a])
    return max(1, len(_clique(adj)))


def closed_cover(table: Table, *, exact_max_states: int = EXACT_MAX_STATES,
                 timeout_s: float = EXACT_TIMEOUT_S) -> Minimization:
    """Minimum closed cover containing the reset state.

    Exact by SAT the way MeMin does it (Abel & Reineke, ICCAD 2015): a large clique of pairwise
    incompatible states is a lower bound and fixes its members to distinct classes (symmetry
    breaking); then one SAT problem per number of classes ``k`` from that bound upwards, with
    closure constraints (class ``j`` goes on input class ``a`` to one class ``j'`` that holds the
    successors of all its members). The first satisfiable ``k`` is the minimum. Machines with more
    than ``exact_max_states`` states, or a run past ``timeout_s``, get the heuristic cover with the
    proven lower bound (``optimal`` False, the gap is ``n_after - lower_bound``).
    """
    deadline = time.monotonic() + timeout_s
    states = table.states
    inc = _incompatibility(table)
    ri = states.index(table.reset)
    clique = _clique(inc, first=ri)
    lb = max(1, len(clique))
    heur = _heuristic(table)
    ub = heur.n_after
    if len(states) <= exact_max_states:
        # upward from the clique bound (the first SAT k is the minimum), on most of the time budget
        up_deadline = time.monotonic() + 0.6 * timeout_s
        k = lb
        while k < ub:
            left = up_deadline - time.monotonic()
            if left <= 0:
                break
            res = _sat_cover(table, inc, clique, k, left)
            if res == "timeout":
                break
            if res is not None:
                res.lower_bound = res.n_after
                return res
            k += 1
            lb = k
        else:
            heur.optimal = True
            heur.lower_bound = ub
            heur.method = "exact-sat"
            return heur
        # anytime: bisect between the proven bound and the best cover with the time left
        best: Minimization = heur
        lo, hi = lb, best.n_after - 1
        while lo <= hi:
            left = deadline - time.monotonic()
            if left <= 0.05:
                break
            mid = (lo + hi + 1) // 2 if hi - lo > 1 else hi
            res = _sat_cover(table, inc, clique, mid, left)
            if res == "timeout":
                hi = mid - 1 if mid == hi else hi
                lo = mid + 1 if mid != hi else lo
                continue
            if res is None:  # monotone in k (an empty class is allowed), so mid+1 is a lower bound
                lb = max(lb, mid + 1)
                lo = mid + 1
            else:
                best = res
                hi = res.n_after - 1
        if best.n_after <= lb:
            best.optimal = True
            best.lower_bound = best.n_after
            return best
        best.method = "heuristic" if best is heur else "sat-bounded"
        best.optimal = False
        best.lower_bound = lb
        return best
    heur.lower_bound = lb
    heur.optimal = lb >= heur.n_after
    return heur


def _sat_cover(table: Table, inc: list[set[int]], clique: list[int], k: int,
               timeout_s: float) -> Minimization | str | None:
    """A closed cover with ``k`` classes (None: none exists; "timeout")."""
    deadline = time.monotonic() + timeout_s
    states = table.states
    n = len(states)
    idx = {s: i for i, s in enumerate(states)}
    ncls = table.n_classes
    nxt = [[None if table.entries[(s, c)][0] is None else idx[table.entries[(s, c)][0]] for c in range(ncls)]
           for s in states]
    # reduced input alphabet: classes with the same successor column give the same constraints
    col_rep: dict[tuple, int] = {}
    rep_of = []
    for c in range(ncls):
        col = tuple(nxt[i][c] for i in range(n))
        rep_of.append(col_rep.setdefault(col, c))
    nq = len(clique)
    # which states may be in class j: not incompatible with the clique state fixed there
    allowed = [[s for s in range(n) if j >= nq or s == clique[j] or s not in inc[clique[j]]] for j in range(k)]
    can = [set(a) for a in allowed]
    var: dict[tuple[int, int], int] = {}
    clauses: list[list[int]] = []
    top = 0

    def x(s: int, j: int) -> int:
        nonlocal top
        v = var.get((s, j))
        if v is None:
            top += 1
            v = var[(s, j)] = top
        return v

    for j in range(min(nq, k)):
        clauses.append([x(clique[j], j)])
    for s in range(n):
        clauses.append([x(s, j) for j in range(k) if s in can[j]])
    for j in range(k):
        mem = allowed[j]
        for a_i, s in enumerate(mem):
            ins = inc[s]
            xs = x(s, j)
            for t in mem[a_i + 1:]:
                if t in ins:
                    clauses.append([-xs, -x(t, j)])
    ys: dict[tuple[int, int, int], int] = {}
    for c in sorted(set(rep_of)):
        for j in range(k):
            if time.monotonic() > deadline:
                return "timeout"
            mem = [s for s in allowed[j] if nxt[s][c] is not None]
            if not mem:
                continue
            succ_cls = sorted({j2 for s in mem for j2 in range(k) if nxt[s][c] in can[j2]})
            aux = {}
            for j2 in succ_cls:
                top += 1
                aux[j2] = ys[(j, c, j2)] = top
            clauses.append(list(aux.values()))
            for s in mem:
                xs = x(s, j)
                sc = nxt[s][c]
                for j2, y in aux.items():
                    if sc in can[j2]:
                        clauses.append([-y, -xs, x(sc, j2)])
                    else:
                        clauses.append([-y, -xs])
    left = deadline - time.monotonic()
    if left <= 0:
        return "timeout"
    model = _solve(clauses, left)
    if model == "timeout":
        return "timeout"
    if model is None:
        return None
    true = {v for v in model if v > 0}
    members = [tuple(states[s] for s in range(n) if var.get((s, j)) in true) for j in range(k)]
    keep = [j for j in range(k) if members[j]]
    # reset block first
    rj = next(j for j in keep if table.reset in members[j])
    keep.remove(rj)
    keep.insert(0, rj)
    ren = {j: i for i, j in enumerate(keep)}
    blocks = [members[j] for j in keep]
    nxt_block: dict[tuple[int, int], int | None] = {}
    choice: dict[tuple[int, int], str | None] = {}
    for j in keep:
        for c in range(ncls):
            r = rep_of[c]
            spec = [s for s in members[j] if table.entries[(s, c)][0] is not None]
            if not spec:
                nxt_block[(ren[j], c)] = None
            else:
                j2 = next(j2 for j2 in range(k) if ys.get((j, r, j2)) in true)
                nxt_block[(ren[j], c)] = ren[j2]
            choice[(ren[j], c)] = _best_member(table, members[j], c)
    return Minimization(table, blocks, 0, nxt_block, "exact-sat", True, len(blocks), choice=choice)


def _solve(clauses: list[list[int]], timeout_s: float) -> list[int] | str | None:
    """Model (list of literals), None (UNSAT) or "timeout"; PySAT (CaDiCaL/Glucose) or z3."""
    try:
        from pysat.solvers import Solver
    except ImportError:  # pragma: no cover - python-sat is a dependency
        return _solve_z3(clauses, timeout_s)
    import threading

    with Solver(name="glucose4", bootstrap_with=clauses) as sol:
        timer = threading.Timer(max(0.0, timeout_s), sol.interrupt)
        timer.start()
        try:
            r = sol.solve_limited(expect_interrupt=True)
        finally:
            timer.cancel()
        if r is None:
            return "timeout"
        return sol.get_model() if r else None


def _solve_z3(clauses: list[list[int]], timeout_s: float) -> list[int] | str | None:
    sol = z3.Solver()
    sol.set("timeout", max(1, int(timeout_s * 1000)))
    bs: dict[int, z3.BoolRef] = {}

    def lit(v: int) -> z3.BoolRef:
        b = bs.setdefault(abs(v), z3.Bool(f"v{abs(v)}"))
        return b if v > 0 else z3.Not(b)

    for cl in clauses:
        sol.add(z3.Or(*[lit(v) for v in cl]) if cl else z3.BoolVal(False))
    r = sol.check()
    if r == z3.unknown:
        return "timeout"
    if r == z3.unsat:
        return None
    m = sol.model()
    return [v if z3.is_true(m.eval(b, model_completion=True)) else -v for v, b in bs.items()]


def _best_member(table: Table, block: tuple[str, ...], c: int) -> str | None:
    best = None
    score = -1
    for s in block:
        n, o = table.entries[(s, c)]
        sc = (n is not None) + sum(b is not None for b in o)
        if sc > score:
            best, score = s, sc
    return best


def _heuristic(table: Table) -> Minimization:
    """Fill don't-cares (next: stay, outputs: 0), then refine partitions; keeps only blocks reachable from reset."""
    ncls = table.n_classes
    filled = {}
    for (s, c), (n, o) in table.entries.items():
        filled[(s, c)] = (s if n is None else n, tuple(0 if b is None else b for b in o))
    t2 = Table(table.states, table.reset, table.classes, table.out_bits, filled, table.reps)
    m = partition_refine(t2)
    # restrict to blocks reachable from the reset block in the filled machine
    reach = {m.reset_block}
    stack = [m.reset_block]
    while stack:
        j = stack.pop()
        for c in range(ncls):
            j2 = m.next_block[(j, c)]
            if j2 not in reach:
                reach.add(j2)
                stack.append(j2)
    keep = sorted(reach)
    ren = {j: i for i, j in enumerate(keep)}
    blocks = [m.blocks[j] for j in keep]
    nxt = {(ren[j], c): ren[m.next_block[(j, c)]] for j in keep for c in range(ncls)}
    choice = {(ren[j], c): _best_member(table, m.blocks[j], c) for j in keep for c in range(ncls)}
    return Minimization(table, blocks, 0, nxt, "heuristic", False, 1, choice=choice)


# ---------------------------------------------------------------------- back to an Fsm
def _block_name(block: tuple[str, ...], used: set[str]) -> str:
    name = block[0] if len(block) == 1 else "_".join(block[:3]) + ("_etc" if len(block) > 3 else "")
    base, i = name, 2
    while name in used:
        name = f"{base}_{i}"
        i += 1
    used.add(name)
    return name


def minimized_fsm(fsm: Fsm, m: Minimization) -> Fsm:
    """The minimized machine as an :class:`Fsm` (guards are unions of alphabet classes)."""
    table = m.table
    used: set[str] = set()
    names = [_block_name(b, used) for b in m.blocks]
    transitions: list[Transition] = []
    by_src: dict[str, list[Transition]] = {}
    for t in fsm.transitions:
        by_src.setdefault(t.src, []).append(t)
    for j, _b in enumerate(m.blocks):
        groups: dict[tuple, tuple[list[z3.BoolRef], dict]] = {}
        for c in range(table.n_classes):
            nb = m.next_block[(j, c)]
            outs = _class_outputs(fsm, table, m.blocks[j], c, by_src)
            # z3 hash-conses terms: equal structure, equal id (str() of a large term takes minutes)
            key = (nb, tuple(sorted((o, e.get_id() if isinstance(e, z3.AstRef) else str(e), dc)
                                    for o, (e, dc) in outs.items())))
            groups.setdefault(key, ([], outs))[0].append(table.classes[c])
        for (nb, _k), (cls, outs) in groups.items():
            g = z3.simplify(z3.Or(*cls)) if len(cls) > 1 else cls[0]
            transitions.append(Transition(names[j], None if nb is None else names[nb], g, outs))
    codes = {}
    return Fsm(name=fsm.name, states=names, reset=names[m.reset_block], inputs=dict(fsm.inputs),
               outputs=dict(fsm.outputs), transitions=transitions, codes=codes, state_reg=fsm.state_reg,
               width=0, source=fsm.source, notes=list(fsm.notes))


def _class_outputs(fsm: Fsm, table: Table, block: tuple[str, ...], c: int,
                   by_src: dict[str, list[Transition]]) -> dict[str, tuple[z3.ExprRef, int]]:
    """Per output: a value expression and dc mask for block ``block`` on class ``c``."""
    cls = table.classes[c]
    per_member = {}
    for s in block:
        if table.trans:
            t = table.trans.get((s, c))
        else:
            t = next((t for t in by_src.get(s, []) if _implies(cls, t.guard)), None)
        if t is not None:
            per_member[s] = t
    outs: dict[str, tuple[z3.ExprRef, int]] = {}
    for o, w in fsm.outputs.items():
        full = (1 << w) - 1
        # a member specifying every bit wins; otherwise assemble bit by bit
        best = None
        for t in per_member.values():
            e, dc = t.outputs.get(o, (z3.BitVecVal(0, w), full))
            if dc == 0:
                best = (e, 0)
                break
        if best is None:
            bits = []
            mask = 0
            for b in range(w):
                for t in per_member.values():
                    e, dc = t.outputs.get(o, (z3.BitVecVal(0, w), full))
                    if not (dc >> b) & 1:
                        bits.append(z3.Extract(b, b, e))
                        break
                else:
                    bits.append(z3.BitVecVal(0, 1))
                    mask |= 1 << b
            e = bits[0] if w == 1 else z3.Concat(*reversed(bits))
            best = (z3.simplify(e), mask)
        outs[o] = best
    return outs


def _implies(a: z3.BoolRef, b: z3.BoolRef) -> bool:
    s = z3.Solver()
    s.add(a, z3.Not(b))
    return s.check() == z3.unsat
