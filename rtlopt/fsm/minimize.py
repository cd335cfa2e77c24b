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

import itertools
import time
from dataclasses import dataclass, field

import networkx as nx
import z3

from rtlopt.fsm.model import Fsm, Table, Transition

EXACT_MAX_STATES = 40
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


def incompatible_pairs(table: Table) -> set[frozenset[str]]:
    """Pairs of states that cannot be merged (output conflict, directly or through successors)."""
    states = table.states
    ncls = table.n_classes
    inc: set[frozenset[str]] = set()
    for s, t in itertools.combinations(states, 2):
        if any(_out_conflict(table.entries[(s, c)][1], table.entries[(t, c)][1]) for c in range(ncls)):
            inc.add(frozenset((s, t)))
    changed = True
    while changed:
        changed = False
        for s, t in itertools.combinations(states, 2):
            p = frozenset((s, t))
            if p in inc:
                continue
            for c in range(ncls):
                ns, nt = table.entries[(s, c)][0], table.entries[(t, c)][0]
                if ns is not None and nt is not None and ns != nt and frozenset((ns, nt)) in inc:
                    inc.add(p)
                    changed = True
                    break
    return inc


def _lower_bound(states: list[str], inc: set[frozenset[str]]) -> int:
    g = nx.Graph()
    g.add_nodes_from(states)
    g.add_edges_from(tuple(p) for p in inc)
    if len(states) <= 60:
        clique, _w = nx.max_weight_clique(g, weight=None)
        return max(1, len(clique))
    # greedy clique
    best: list[str] = []
    for v in sorted(g.nodes, key=g.degree, reverse=True)[:20]:
        cl = [v]
        for u in sorted(g.neighbors(v), key=g.degree, reverse=True):
            if all(g.has_edge(u, w) for w in cl):
                cl.append(u)
        best = max(best, cl, key=len)
    return max(1, len(best))


def closed_cover(table: Table, *, exact_max_states: int = EXACT_MAX_STATES,
                 timeout_s: float = EXACT_TIMEOUT_S) -> Minimization:
    """Minimum closed cover containing the reset state (exact with z3 when small enough)."""
    states = table.states
    inc = incompatible_pairs(table)
    lb = _lower_bound(states, inc)
    heur = _heuristic(table)
    ub = heur.n_after
    if len(states) <= exact_max_states:
        deadline = time.monotonic() + timeout_s
        for k in range(lb, ub):
            left = deadline - time.monotonic()
            if left <= 0:
                break
            res = _sat_cover(table, inc, k, left)
            if res == "timeout":
                break
            if res is not None:
                res.lower_bound = k
                return res
            lb = k + 1
        else:
            heur.optimal = True
            heur.lower_bound = ub
            heur.method = "exact-sat"
            return heur
    heur.lower_bound = lb
    heur.optimal = lb >= heur.n_after
    return heur


def _sat_cover(table: Table, inc: set[frozenset[str]], k: int, timeout_s: float) -> Minimization | str | None:
    states = table.states
    ncls = table.n_classes
    x = {(s, j): z3.Bool(f"x_{i}_{j}") for i, s in enumerate(states) for j in range(k)}
    y = {(j, c, j2): z3.Bool(f"y_{j}_{c}_{j2}") for j in range(k) for c in range(ncls) for j2 in range(k)}
    sol = z3.Solver()
    sol.set("timeout", max(1, int(timeout_s * 1000)))
    sol.add(x[(table.reset, 0)])
    for p in inc:
        s, t = tuple(p)
        for j in range(k):
            sol.add(z3.Not(z3.And(x[(s, j)], x[(t, j)])))
    for j in range(k):
        sol.add(z3.Or(*[x[(s, j)] for s in states]))  # no empty blocks
        for c in range(ncls):
            members = [(s, table.entries[(s, c)][0]) for s in states if table.entries[(s, c)][0] is not None]
            if not members:
                continue
            sol.add(z3.Or(*[y[(j, c, j2)] for j2 in range(k)]))
            for s, n in members:
                for j2 in range(k):
                    sol.add(z3.Implies(z3.And(x[(s, j)], y[(j, c, j2)]), x[(n, j2)]))
    r = sol.check()
    if r == z3.unknown:
        return "timeout"
    if r == z3.unsat:
        return None
    m = sol.model()
    blocks = [tuple(s for s in states if z3.is_true(m.eval(x[(s, j)], model_completion=True))) for j in range(k)]
    nxt: dict[tuple[int, int], int | None] = {}
    choice: dict[tuple[int, int], str | None] = {}
    for j in range(k):
        for c in range(ncls):
            spec = [s for s in blocks[j] if table.entries[(s, c)][0] is not None]
            if not spec:
                nxt[(j, c)] = None
            else:
                nxt[(j, c)] = next(j2 for j2 in range(k) if z3.is_true(m.eval(y[(j, c, j2)], model_completion=True)))
            choice[(j, c)] = _best_member(table, blocks[j], c)
    return Minimization(table, blocks, 0, nxt, "exact-sat", True, k, choice=choice)


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
            key = (nb, tuple(sorted((o, str(e), dc) for o, (e, dc) in outs.items())))
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
