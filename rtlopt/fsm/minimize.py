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
DOWN_MAX_CELLS = 6000  # the downward search runs up to this many (state, class) pairs
GREEDY_ROUNDS = 10**6  # random orders of the greedy cover (bounded by its time share)
QUICK_SHARE = 0.02  # the upward SAT turn before the greedy upper bound (share of the limit)
UP_SHARE = 0.2  # the first turn of each search (upward, downward): this share of the time left
# the downward (cover-finding) search runs on a second solver: CaDiCaL, so the two searches also
# differ in their solver (finding a cover of the minimum size, fresh encodings, 70 % don't-cares,
# CPU s, CaDiCaL/Glucose: 60 states 1.9/7.5+, 1.1/1.6; 80 states 0.9/0.7, 0.8/0.1, 0.7/4.5)
DOWN_SOLVER = "cadical195"
# ... in CaDiCaL's stable (SAT-oriented) search mode only, without inprocessing: a cover of the
# minimum size found by a fresh solver with the greedy partition as phases in a median 0.53 s of
# CPU (stable with inprocessing 0.81 s, default alternating mode 2.63 s; bench seed 60002, k = 20,
# 8 solver seeds); 80 states (80002 k = 30, 80000 k = 31) within +-30 % of the default. Without
# inprocessing a conflict-budget slice also ends in time (one of 100 conflicts was seen to take
# 0.21 s in an inprocessing round, 0.25 s past a 2 s limit)
DOWN_OPTIONS = {"stabilizeonly": 1, "inprocessing": 0}
# a downward solver that ran out on one class count is replaced (fresh, next seed, the other phase
# source) once it has spent this long on it, twice as long after each replacement
RESTART_S = 0.5
# when the best cover is at most JUMP_GAP classes above the proven bound, the first downward solver
# asks for lb + 1 classes at once (for up to JUMP_S of its time, then it walks down from the best
# cover as before), and once the best cover is lb + 1 the downward turns go to the upward solver
# (only the refutation of lb is open). Bench seed 60002 (minimum 20): exact in 1.4-1.6 s of CPU
# (3 of 3 runs, load 17) where the walk 23 -> 22 -> 21 ended at 21 (see the docstring, sixth round)
DOWN_JUMP = True
JUMP_S = 0.6
JUMP_GAP = 4


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
    table = fsm.table(deadline=t0 + timeout_s)  # the limit covers the table (z3 per class and output bit)
    if table.reset is None:
        raise ValueError(f"{fsm.name}: no reset state; minimization needs one")
    if table.completely_specified():
        m = partition_refine(table)
    else:
        # the limit covers the table built above too (z3 per input class and output bit on wide
        # inputs: 0.5 s of wall time for 150 states on a loaded machine), so the search gets what is left
        left = max(1e-3, timeout_s - (time.monotonic() - t0))
        m = closed_cover(table, exact_max_states=exact_max_states, timeout_s=left)
    m.seconds = time.monotonic() - t0
    return m


def sampled_distinct(fsm: Fsm, k: int = 256) -> bool:
    """True when sampled inputs already tell every two reachable states apart, so :func:`minimize`
    cannot merge any (``n_after == n_before``) and its table over the input classes (z3 validity
    checks per class, state and output bit: seconds on a wide-input controller) need not be built.

    Sound: a difference seen at one sampled input is a difference on the input class holding it
    (outputs are compared bit by bit where both states specify them, next states by the same
    incompatibility fixpoint as the exact method). False means only "not shown by the samples"
    (a pair may still be distinguishable, or an operator is not modelled): build the table."""
    from rtlopt.fsm._truth import SampledTables, Unsupported

    states = fsm.reachable
    if len(states) < 2:
        return True
    idx = {s: i for i, s in enumerate(states)}
    exprs: list = []
    for t in fsm.transitions:
        if t.src in idx:
            exprs.append(t.guard)
            exprs += [v for v, _dc in t.outputs.values()]
    seen: dict[str, z3.ExprRef] = {}
    visited: set[int] = set()
    stack = list(exprs)
    while stack:
        x = stack.pop()
        if x.get_id() in visited:
            continue
        visited.add(x.get_id())
        if z3.is_const(x):
            if x.decl().kind() == z3.Z3_OP_UNINTERPRETED:
                seen.setdefault(x.decl().name(), x)
        else:
            stack.extend(x.children())
    try:
        st = SampledTables(list(seen.values()), k=k)
        # per state: (samples where this transition is the one taken, next state, {(out, bit): mask})
        taken: list[list[tuple[int, str | None, dict]]] = []
        for s in states:
            rows, covered = [], 0
            for t in fsm.out_of(s):
                m = st.bool(t.guard) & ~covered
                covered |= m
                if not m:
                    continue
                bits: dict = {}
                for o, (v, dc) in t.outputs.items():
                    masks = st.bv(v)
                    for b in range(fsm.outputs.get(o, len(masks))):
                        if not (dc >> b) & 1 and b < len(masks):
                            bits[(o, b)] = masks[b]
                rows.append((m, t.dst, bits))
            taken.append(rows)
    except (Unsupported, z3.Z3Exception, RecursionError):
        return False
    n = len(states)
    inc = [[False] * n for _ in range(n)]
    succ: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for i in range(n):
        for j in range(i + 1, n):
            pairs = set()
            for mi, di, bi in taken[i]:
                for mj, dj, bj in taken[j]:
                    m = mi & mj
                    if not m:
                        continue
                    if any((bi[key] ^ bj[key]) & m for key in bi.keys() & bj.keys()):
                        inc[i][j] = inc[j][i] = True
                        break
                    if di is not None and dj is not None and di != dj and di in idx and dj in idx:
                        pairs.add((min(idx[di], idx[dj]), max(idx[di], idx[dj])))
                if inc[i][j]:
                    break
            if not inc[i][j]:
                succ[(i, j)] = pairs
    changed = True
    while changed:
        changed = False
        for (i, j), pairs in succ.items():
            if not inc[i][j] and any(inc[a][b] for a, b in pairs):
                inc[i][j] = inc[j][i] = True
                changed = True
    return all(inc[i][j] for i in range(n) for j in range(i + 1, n))


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


def closed_cover(table: Table, *, exact_max_states: int = EXACT_MAX_STATES,
                 timeout_s: float = EXACT_TIMEOUT_S) -> Minimization:
    """Minimum closed cover containing the reset state.

    Exact by SAT the way MeMin does it (Abel & Reineke, ICCAD 2015), see
    :mod:`rtlopt.fsm._cover_sat`: a large clique of pairwise incompatible states is a lower bound
    and fixes its members to distinct classes (symmetry breaking), then one incremental solver is
    asked for ``k`` classes from that bound upwards, each ``k`` under one assumption; the first
    satisfiable ``k`` is the minimum. A greedy closed partition (:mod:`rtlopt.fsm._greedy_cover`)
    is the upper bound: reaching it proves it minimum. A second solver searches downward from the
    best cover (solution-guided phases); the two take turns of growing time slices. Machines with
    more than ``exact_max_states`` states, or a run past ``timeout_s``, get the best cover found
    (greedy or a SAT answer below it) with the proven lower bound (``optimal`` False, the gap is
    ``n_after - lower_bound``).

    The upward search starts at the chromatic number of the incompatibility graph
    (:func:`rtlopt.fsm._bounds.coloring_bound`: any closed cover colours it), at least the clique.

    Measured limits (benchmarks/fsm_minimize_bench.py): with 70 % don't-cares the minimum lies 6+
    classes above the clique bound (the maximum clique equals the greedy one; the chromatic number
    is 0-2 above it: 80 states 24/22/20 against cliques 24/22/18, 150 states 38/39/28 against
    38/39/26), and the UNSAT proofs for the classes in between grow steeply (about 6-15x the
    conflicts per class). The
    order in which the lexicographic symmetry breaking reads the free states decides much of it
    (:func:`rtlopt.fsm._cover_sat.free_order`; 40 states, k = 15 below the minimum 16: 0.44 s of
    CPU, 4.8 s in index order, 23+ s without the ordering; BFS-numbering symmetry breaking as in
    SAT-based DFA identification, and justification clauses, were slower). Up to 60 states/70 %
    the minimum is proven in about 1-2 s of CPU; at 80 states/70 % the proof one class above the
    proven bound stays open after 25 s of CPU (the result is then the best cover with the gap).
    One such machine (bench seed 80000): minimum 31, clique 24; k = 29 is refuted in 35k conflicts
    (about 1 s of CPU, Glucose or CaDiCaL; at-most-one successor class, dropping the 'every state
    covered' clauses, other maximum cliques: no better), k = 30 in 341k conflicts (21 s of
    CaDiCaL); without the lexicographic ordering k = 29 is open after 400k conflicts. MeMin's own
    search (its source: degree-greedy clique pinned, one fresh MiniSat per k, no other symmetry
    breaking; ``fsm_minimize_bench.py --memin``) is slower on these, not faster: its 'under
    0.1 s' holds for its literature benchmarks, where the clique bound is (nearly) tight.
    Past the downward search's size, the turns that would go to it improve the greedy partition
    by iterated greedy instead (:func:`rtlopt.fsm._greedy_cover.improve_partition`).

    Tried and not kept (CaDiCaL conflicts of the UNSAT proof one or two classes below the
    minimum, 80 states/70 % DC; fresh encodings): sound dominance clauses from the simulation
    preorder (``s`` below ``t``: every class holding ``t`` may hold ``s``; 4-11 such states at
    80-150 states) and 'no free class inside a clique class': +-5 %; prefix (first-member) order
    beside the lexicographic one: +-5 %; other SAT solvers (Glucose 4/4.2, MiniSat, CaDiCaL
    1.5.3/1.9.5, MapleChrono): within 1.5x, none faster; other maximum cliques: +-20 %; the
    free-state order with transition neighbours counted beside incompatibilities: 1.3-3.7x fewer
    conflicts on 80-state machines but 1.2-2.5x more on 150-state and some 60-state ones; subsets of
    the states as relaxations: 70 of 80 states already lose 2 classes of the bound; SAT-based
    large-neighbourhood search from the best cover (most classes fixed by assumptions): no better
    than the downward search; cost-estimate scheduling of the two searches instead of equal
    turns: within the run-to-run noise (+-2 classes). The minimum closed partition can lie above
    the minimum cover (60 states/70 % DC, bench seed 60002: partition 22, cover 20), which bounds
    what the partition-based greedy can reach.

    Also measured and not kept (issue 13; CaDiCaL, fresh encodings, bench seed 80000 unless
    stated): counterexample-guided refinement over state subsets (solve on the clique's states,
    extend the model greedily along the transitions, add the states that do not fit;
    ``fsm_minimize_bench.py --subset``): the subset ends at 37-40 of 40, 78-80 of 80 and 145-150
    of 150 states after 2-4 rounds, at the minimum and one class below, so the instances stay
    full size (k = 29: 1.7 s of CPU against 1.6 s for the plain encoding; 150 states/30 %:
    0.30 s against 0.03 s). Justification clauses for every state (a membership needs a member
    of a predecessor class going there; every cover can be reduced to one that has them): k = 29
    refuted in 36k conflicts against 31k. Closed partitions are much easier to refute than covers
    (k = 29: 2.0k conflicts against 31k; k = 30: 9.1k against 341k), but not a lower bound; a
    core-guided relaxation (each state in at most one class under an assumption, released for
    the states in the UNSAT core until the core is empty) releases 60 of 80 states in its first
    core and then costs what the cover proof costs (k = 29: 51k conflicts). A downward search on
    the partition encoding at 150 states/70 %: 8.3 s of CPU for one cover of 60 classes.
    These machines lie where the minimum is far above the clique (70 % don't-cares:
    incompatible pairs about 0.6 of all pairs; at 80-150 states the proven bound is 4-6 and the
    best cover 7-29 above the clique), unlike the bench's machines with up to 50 % don't-cares
    (0.92-1.0, minimum 0-5 above the clique), on which MeMin's own search (``--memin``)
    finishes in 0.01-2.8 s of CPU; on 70 % it takes 4.3 s for a 60-state machine (bench seed
    60000, 0.2 s here), 30 s for a 40-state one (seed 40000, minimum 6 above its clique; 1.0 s
    here) and has no answer after 3-5 s on 80 states.

    Second round on the 70 % machines (issue 13; CPU s, bench ``--cpu-clock``, load 7-13):

    * Which half is hard differs: on 60 states (seed 60002, minimum 20, clique 14) refuting 19
      classes costs 0.8 s (Glucose or CaDiCaL, 21-26k conflicts) but *finding* the 20-class
      cover 9-17 s for Glucose without phases and 2.6 s (median of 8 solver seeds) for a fresh
      CaDiCaL with the greedy partition as phases; in CaDiCaL's stable mode without inprocessing
      0.53 s (with inprocessing 0.81 s). So the downward solver runs so (``DOWN_OPTIONS``). On 80
      states the proofs are the wall: seed 80000 refutes 29 in 1.6-1.9 s (Glucose, CaDiCaL, CaDiCaL
      focused-only ``stable=0``: no gain) and 30 in about 21 s.
    * Google OR-Tools CP-SAT 9.15 (2 workers: default_lp + first-solution/LNS/local-search
      interleaved; import 0.36 s) on the same boolean model (clique pinned, lexicographic free
      classes, objective: used free classes, the greedy cover as hint): presolve alone 1.5-2.7 s
      (0.6 s with ``cp_model_presolve`` off); seed 60002 reaches 21 after 1.0-3.0 s and not 20 in
      4 s, its bound stays at 16 (the ladder proves 19 in 0.9 s); deciding k = 19 alone: 2.5 s
      on one worker (CaDiCaL 0.8 s). Seed 80002: 30 after 3.1 s (bound 21) where the SAT
      search here reaches 29-31 in 1.7 s. Not adopted (and not a dependency).
    * Phases from the best cover for the upward solver too: within the run-to-run noise
      (+-1 class on 60-80 states). The downward SAT search past ``DOWN_MAX_CELLS`` (150 states,
      stable mode): the first cover below the greedy one after 1.4 s, 3 classes lower at 2.3 s:
      still past the budget there.
    * Bench, 70 % DC, seeds 0-5, 2 s of CPU, two runs each, before -> after the stable-mode
      downward solver: 60 states exact 4/6 -> 4/6 (states found summed 139/140 -> 140/139,
      proven bounds unchanged); 80 states exact 1/6 -> 1/6, states found summed 201/197 ->
      191/193 (seed 80002: 33-34 -> 30-31; the minimum there is at most 29), largest minimization
      CPU 1.98/1.95 -> 1.74/1.72 s (a CaDiCaL inprocessing round no longer runs past a slice).
      The exact count is unchanged: the open cases need the UNSAT proofs above. All 84 bench
      rows (5-150 states, 0/30/50/70 % DC, seeds 0-2): 77 exact before and after, every row at
      most 1.71 s of CPU after (the 70 % rows reached 1.84-1.98 s in three runs before).

    Third round (session 12; CPU s, load 9-12, not adopted):

    * Phases of the downward solver. Finding a cover of the minimum size is heavy-tailed and
      depends on the phases: seed 60002, k = 20, fresh CaDiCaL (stable mode), solver seeds 0-7:
      one-round first-fit partition in the table's state order (26 classes) as phases
      0.37-0.64 s; the improved partition (22 classes) 1.6-7.3 s; first-fit in random orders
      4.1-8.7 s, in BFS order 8.0-9.4 s; no phases 5.8-9.9 s. Walking down 25 -> 20 with each
      SAT answer as the next phases (what the downward turns do) is slower than keeping the
      first phases (0.7-13.3 s against 0.5-2.0 s). Seed 80002, k = 29: first-fit phases
      0.3-1.6 s, chained from the improved partition 3 of 4 runs past 13 s. In the 2 s pipeline
      (seeds 60000-60009 and 80000-80005) the three policies (chained, fixed first-fit, fixed
      improved partition) end alike: 7-8 of 10 and 1 of 6 exact, classes found summed 233/233/233
      and 192/191/190. The table order's gain is that order's luck on 60002.
    * A constructive cover heuristic (the minimized machine built in BFS order, each class the
      least set of states its words reach; a successor set joins the existing class its closure
      allows with least growth, else opens a class; random restarts): 33-38 classes on seed 60002
      (minimum 20, greedy partition 22).
    * Bounds: a Lovász-theta bound lies below the chromatic number, which ``coloring_bound``
      already decides exactly by SAT. Upward solver fresh instead of incremental (seed 60002,
      k = 19): Glucose 0.67 s / 25.9k conflicts against 0.72 s / 32k, CaDiCaL 0.85 s. The
      first open proofs: 80002 refutes 23 in 0.5 s and 24 is open after 59k conflicts (minimum
      at most 29), 80001 refutes 25 in 0.3 s and 26 is open after 50k (best 29).

    Fourth round (session 13; CPU s, load 13-22, not adopted):

    * MeMin's method as its source has it (github andreas-abel/MeMin, ``minimizer.cpp``,
      ``DIMACSWriter.cpp``): the degree-greedy clique pinned to the first classes, then one fresh
      MiniSat per class count from the clique size upwards over *all* states (no subset of the
      states, no incremental solving, no symmetry breaking beyond the clique), closure through one
      auxiliary literal per (class, input, target class), the input alphabet reduced to distinct
      successor columns. The encoding here is that one plus the lexicographic order of the free
      classes and the incremental activation literals.
    * Subset relaxations for the lower bound (a cover of ``k`` classes impossible for the states
      of a subset, closure into the others dropped, is impossible for the machine), 80000 at
      k = 29 (all 80 states: UNSAT in 39.6k conflicts): the clique and the first states of
      ``free_order`` up to 70 states: SAT (no bound); 75 states: UNSAT in 34.2k conflicts (no
      cheaper); BFS prefixes from reset of 51-59 states: SAT. The proof needs nearly the whole
      machine.
    * Dominance clauses (same instance, fresh CaDiCaL): saturation (a state compatible with
      every member of a class whose successors lie in the class's successor classes is in it;
      exactly one successor class per class and input, successor-membership variables)
      36.4k conflicts, twice the CPU; canonical successor class (the lowest-numbered class
      holding the successor set; 40000, k = 15) 18.4k against 20.8k conflicts, 5.8x the CPU;
      at most one successor class 35.8k. Glucose against CaDiCaL on the incremental encoding:
      1.8 s / 44k against 1.7 s / 34k conflicts.
    * The downward SAT search at 150 states (``DOWN_MAX_CELLS`` 12000 instead of 6000, 2 s):
      65/67/58 classes against 61/64/55 by iterated greedy (seeds 150000-150002).
    * Seed 60002 with 10 s instead of 2: the bound 20 (k = 19 refuted) at 1.7 s, then the
      20-class cover is not found by either solver in the 7 s left; the bench's own encoding
      (degree-ordered lexicographic classes, fresh default CaDiCaL) finds it in 2.3 s and
      refutes 19 in 1.1 s (``fsm_minimize_bench.py --truth``: minimum 20 in 4.3 s from its
      clique 14).
    * True minima of the bench's 70 % rows (``--truth``, the bench's own ladder, nothing of
      this module): 80000 minimum 31 (48.8 s; rtlopt 32 with bound 29 in 2 s); 80001 in 28..29
      after 150 s (rtlopt 29-30 with bound 26; a 29-class cover seen before); 80002 in 27..29
      after 150 s (rtlopt 30-31 with bound 24); 150000 in 45..62 and 150001 in 46..63 after 60 s
      (rtlopt 61-63 with bounds 43-44). The 80-state gaps are partly rtlopt's (one class
      on 80000), the rest and the 150-state minima are not known to either method.

    Fifth round (session 14; CPU s, load 4-17):

    * Why 60002 and 80000 miss: neither the encoding nor the bound. The encoding is MeMin's
      (every state, every class, closure through class-successor literals, clique pinned) plus
      sound symmetry breaking; every UNSAT answer is a valid bound (80000: 29 proven, minimum
      31; 60002: 20 proven, minimum 20). The 2 s limit cuts two proof steps that cost more than
      it: 80000's k = 30 refutation (fresh CaDiCaL 21.3 s / 408k conflicts; Glucose
      incremental more than 33 s; the pipeline with a 60 s limit still ends at bound 30 because
      the downward solver spends its half on the same k = 30 question) and 60002's 20-class
      cover (the upward solvers need 9-11 s for it after refuting 19 in 0.9-1.1 s).
    * Tried, no gain: Kissat 4.0.4 and CaDiCaL 3.0 (pysat ``kissat404``/``cadical300``) on the
      fresh encoding (80000 k = 29: 1.83/1.62 s against 1.57 s; 60002 k = 19: 0.89/0.95 against
      0.65); clique-group symmetry breaking (a free class holding clique state ``q_j`` is
      lexicographically at most class ``j``; sound since a class holds at most one clique
      state): 32.6k against 35.8k conflicts on 80000 k = 29, 23.7k against 19.5k on 60002
      k = 19; explicit output literals per (class, letter, bit) beside the incompatibility
      clauses: +-5 %; the word-tree relaxation (each word from reset one class, exactly one,
      DFA-identification style; a valid bound): 400 words already undecided after 400k
      conflicts at k = 19 where the full encoding needs 20k; a near-partition search (at most
      ``d`` states in two or more classes, sequential counter): k = 20 in 6.7-9.3 s.
    * The 20-class cover of 60002 depends on the downward solver's initial phases far more than
      on its seed: fresh stable CaDiCaL at k = 20, phases from the one-round first-fit
      partition (clique first, index order) 0.47-0.52 s (3 seeds), from singleton classes
      0.39-0.57 s (4 seeds), the same with the first free state in the first free class: 4 of
      4 past 4 s, the first-fit in random orders 3.7 s and 3 of 4 past 4 s, default mode without
      phases 0.41-9.0 s (6 seeds). A solver that walked 22 -> 21 -> 20 was stuck for 10 s. So
      the downward search takes a fresh solver per class count, first-fit phases first, and
      after ``RESTART_S`` (doubling) on one count a fresh one with the next seed and the best
      cover's phases (alternating). 60002 reaches and proves 20 at 3.1-3.9 s of CPU with a 5 or
      10 s limit in 4 of 5 runs (before: 21 after 10 s in a traced run, 20 at 12.7 s with a 30 s
      limit, and 20 at 3.6 s in one bench run with 5 s: heavy-tailed both ways). Within 2 s the exact
      count is unchanged (the refutation of 19 and the cover together need about 1.5 s of the
      1.6 s the search gets); 60/80 states at 70 %, classes found summed over the six rows
      166/166 before, 163/165 after.
    * 80001's minimum is 28: a 28-class closed cover found by a fresh CaDiCaL at k = 28
      (default mode 18.7 s, stable with first-fit phases 51.8 s; checked by the bench's code,
      tests/test_fsm_down_restart.py), and the bench's ladder had refuted 27. rtlopt: 29-31.
      80002 stays in 27..29: no 28-class cover in 120 s of CPU each for stable CaDiCaL with
      first-fit phases and default CaDiCaL.
    * All 84 bench rows (kiss2, 2 s of CPU, load 3-13, one run each): 77 exact before and
      after, every row at most 1.72 s of CPU; 60002 21 -> 20 (bound 19 both), 80002 30 -> 31,
      150002 56 -> 55 (run-to-run noise of +-1 on the 70 % rows).

    Sixth round (session 15; CPU s, load 15-20):

    * Bounds are not the gap. On the seven rows not proven in 2 s (60002, 80000-80002,
      150000-150002) an exact maximum clique (networkx ``max_weight_clique``, 0.00-0.06 s) equals
      the greedy clique every time (14, 24, 22, 18, 38, 39, 26); the chromatic bound is 14, 24, 22,
      20, 38, 39, 28; the minima are 20, 31, 28 and 27..29 (80 states), so a larger clique cannot
      replace the UNSAT proofs. The incompatibility fixpoint equals a naive pairwise fixpoint
      (output conflicts, then any pair with an incompatible successor pair, repeated) on all seven.
    * Preprocessing: no two states have the same specification (the coarsest partition by outputs
      with don't-cares and successor blocks is all singletons on 60002, 80000-80002, 150000), so
      there is nothing to merge; 11-24 states have a compatible state with the same successor
      wherever they specify one (the simulation-preorder dominance of the first round, clauses
      only, +-5 %). The specified transitions form one large strongly connected part (26-131
      states) and transient states; classes mix states of different parts, no independent pieces.
    * The encoding and the upward search already are MeMin's with one incremental solver and
      assumptions (see above); what missed on 60002 was the schedule: the downward solver walked
      23 -> 22 -> 21 (a fresh solver and its build per count) and then spent its turns on k = 19,
      the very question the upward solver was refuting. Now (``DOWN_JUMP``): when the best cover is
      at most ``JUMP_GAP`` (4) above the proven bound, the first downward solver asks for
      ``lb + 1`` classes directly (for ``JUMP_S`` of its time, then the walk as before; an UNSAT
      answer raises the bound), and when the best cover is ``lb + 1`` the downward turns are
      skipped so the upward solver gets the time. Only the first downward solver may jump (a
      jump later in the walk, 80000 at 33 with bound 29, spent its time on k = 30 and ended at 33
      where the walk reaches 31). 60002 (minimum 20): exact in 1.38-1.65 s in 9 of 11 runs of
      the 2 s pipeline (the misses: the jump solver ran out after ``JUMP_S`` and the walk came
      too late, ending at 21-23 with bound 19), before 21 with bound 19 in 8 of 8. 70 % rows
      seeds 40000-40002, 60000-60005, 80000-80005, one run each, before -> after: exact 10 -> 10
      of 15 (60002 gained, 60003 lost: its minimum 21 equals the bound, so the SAT answer was
      the downward solver's; three more runs each: 60003 exact 2/3 -> 1/3, 60002 0/3 -> 3/3,
      40000 0.99-1.02 -> 0.73-0.76 s), 80-state results 31/30/31/34/37 -> 31/29/31/33/37.
    * All 84 bench rows (kiss2, 2 s of CPU, load 15-20), before: 77 exact, max 1.71 s of CPU;
      with the jump (first version, jump allowed later in the walk): 78 exact (60002 20 in
      1.53 s), max 1.72 s, 80000 31 -> 33; the final version: 77 exact (60002 missed in this
      run: 23 with bound 19, the jump solver ran out and the walk came too late), max 1.71 s;
      80000-80002 31/29/31 -> 31/29/30, 150000-150002 62/62/56 -> 61/62/54. 80000 (k = 30
      refutation 21 s), 80001 (the 28-class cover 18.7 s) and 80002 stay out of reach in 2 s.

    Seventh round (session 17; CPU s, fresh CaDiCaL 1.9.5 unless stated, load 15-18; none kept):

    * LP relaxation of this model (scipy/HiGHS; clique pinned, closure linearized as
      ``x(t, jt) >= x(s, j) + y(j, a, jt) - 1``, objective the used free classes): 24.03 on 80000
      (clique 24, minimum 31), 14.33 on 60002 (clique 14, minimum 20), 38.25 on 150000 (clique
      38; 20 s of CPU for 407k rows). Fractional memberships satisfy the closure rows almost
      for free, so the LP is the fractional clique cover and lies below the colouring bound.
    * Pair-sharing literals ``p(s, t)`` (``x(s, j) & x(t, j) -> p(s, t)`` for every class,
      ``p(s, t) -> p(succ(s, a), succ(t, a))``), so that 'these two never share a class' can
      be learned once for all classes: 80000 k = 29 35.5k against 39.3k conflicts (1.62/1.66 s),
      80001 k = 26 119k against 130k (4.8/5.3 s), 60002 k = 19 22.0k against 20.7k,
      40000 k = 15 27.3k against 22.2k, and the wall, 80000 k = 30, 409k against 364k
      (22.2/18.4 s): within the noise of the solver's order.
    * Cover-level SAT large-neighbourhood search at 150 states (where the downward solver is not
      built): the iterated-greedy partition's classes pinned by assumptions in an unsymmetric
      encoding, 6-10 classes freed along the transitions and asked for one class fewer, conflict
      budget per step: 150000 stays at 62 after 5-8 s (63 steps; building the 61 unsymmetric
      classes alone 2.3 s); 80001 stays at 31 (13 steps in 5 s). A stable-mode CaDiCaL with
      first-fit phases finds no 55-class cover of 150000 in 20 s, and iterated greedy reaches
      62/61/60/60/58 classes after 1/2/5/10/20 s: the 150-state minima (45..62 by the bench's
      ``--truth``) are open from both sides, not only in 2 s.
    * CaDiCaL options on the refutations just below the bound (80000 k = 29, 60002 k = 19,
      40000 k = 15; default 1.82/0.73/0.63 s): ``elim``, ``probe``+``vivify``, ``subsume``,
      ``chrono``, ``shrink`` off, ``stable=0``, ``reduceint=100``, ``restartint=50``: all within
      -15/+15 % (best: ``chrono=0`` 1.70/0.64/0.59 s). The proofs that miss need 10x, not 15 %.

    Eighth round (session 18; CPU s, 2 s limit, load 16-27):

    * Which machines MeMin's timings are about: its README and evaluation use "the same sets of
      benchmarks that were used previously in the literature" (logic synthesis, learning problems,
      networks of interacting FSMs), not random machines. The bench's default don't-care model
      makes the next state and every output bit of a row a don't-care independently
      (``--dc-model entries``); the literature's random ISFSMs leave whole rows unspecified
      (``--dc-model rows``: a KISS2 file with that share of its lines missing). On rows machines
      incompatibility is denser (0.82 at 50 %, 0.53-0.56 at 70 %) and rtlopt is exact on all
      20-80-state rows and on 150 states at 30 % (at most 0.28 s; 80 states at most 0.07 s, where
      MeMin's search, ``--memin``, takes 0.4-2.1 s); 150 states at 50 %/70 % stay open in 2 s (gaps
      0/5/10 and 12/12/12; 150001 at 50 % is exact, 87, after 12 s). MeMin's search has no answer on
      the three 150/50 % rows machines after 13-14 s of CPU (it reached k = 87/84/78).
    * The greedy clique is not maximum on dense graphs: 150 states rows 50 %: 85/73/76 against
      87/80/77 (networkx agrees), and the colouring bound from the short clique took 40 s where it
      takes 0.09 s from the maximum one. Hence :func:`rtlopt.fsm._bounds.max_clique` (branch and
      bound, 1-5 ms up to 150 states): rows 150/50 % exact 0/3 -> 1/3 (150000: 98 with bound 94
      -> 94 exact in 1.2 s), summed gap 25 -> 15. On the default model the maximum clique equals
      the greedy one (as the sixth round found), so those rows are unchanged.
    * The downward SAT search at 150 states (``DOWN_MAX_CELLS`` 20000): rows 50 % 94/92/93 against
      94/91/91, rows 70 % 65/59/60 against 63/60/58, default model 63/64/58 against 61/62/56. Not kept.
      On rows 150000-150001 at 50 % the wall is the refutation one below the minimum (150001, k = 86:
      7.6 s fresh Glucose, 24 s CaDiCaL, 11 s stable CaDiCaL) while the minimum cover (87) is found
      by a fresh Glucose in 0.6 s; a jump to it needs the bound first.
    * All 84 default bench rows (kiss2, 5-150 states, 0/30/50/70 %) with the maximum clique: 78 exact
      (60002 exact in 1.29 s in this run), every row at most 1.71 s of CPU; misses 80000-80002 and
      150000-150002 at 70 % as before (31/29/31, 62/62/55).

    Ninth round (session 19; CPU s, fresh CaDiCaL 1.9.5, load 2-14; none kept):

    * Profile (py-spy, 80000, 2 s): 72 % of the samples in the solvers' ``solve_limited``, 12 % in
      building clauses, the rest imports and the greedy; nothing outside the proofs to speed up.
    * Closure clauses added lazily (counterexample-guided: solve without them, add the ones the
      model violates, repeat): 40000 k = 15 refuted in 103 rounds, 3084 of 4931 closure clauses
      added, 58.1k conflicts / 1.52 s against 26.7k / 0.68 s for the full encoding; 80000 k = 29
      83 rounds, 4583 of 12896 clauses, 90.6k / 3.39 s against 36.7k / 1.52 s. The proofs need
      most of the closure, and relearning after each round costs more than the smaller formula saves.
    * The justified normal form (every cover reduces to the least set of memberships generated
      from the reset state along the chosen successor classes, so a state's class count is at
      most the summed class counts of its predecessor edges): states provably in one class only
      (at-most-one constraints, sound) number 0-1 on 40000-40002 and 80000-80002, 0-7 on
      60000-60002 and 150000-150002; the specified transitions form one large strongly connected
      part, where the bound is unbounded. Not worth a constraint.
    * The free-state order of the lexicographic symmetry breaking: random tie-breaking (6 seeds)
      and transition neighbours counted (40000 k = 15: 19.5-22.6k conflicts against 22.2k; 80000
      k = 30: all five orders still open after 150k conflicts, 7.4-8.3 s). The greedy order is
      not a lucky one; a portfolio over orders would not shorten the proof.
    * All 84 default bench rows (kiss2, 2 s of CPU, load 3-11): 78 exact, every row at most
      1.71 s of CPU (60002 exact in 1.55 s); 80000-80002 31/30/30-31 with bounds 29/26/24 and
      150000-150002 61/62/55-56 with bounds 43-44/44/32 (two runs). In wall-clock mode (2 s limit, load 8)
      minimize() returns after 1.71-1.74 s on all seven 60-150-state/70 % rows.
    """
    from rtlopt.fsm._bounds import coloring_bound, max_clique
    from rtlopt.fsm._cover_sat import CoverSat
    from rtlopt.fsm._greedy_cover import greedy_partition, improve_partition, is_closed_partition

    t0 = time.monotonic()
    # a margin for the solver to notice its interrupt and for the answer to be built (measured up
    # to 1 s on a loaded machine)
    deadline = t0 + timeout_s - min(1.0, 0.15 * timeout_s)
    states = table.states
    n = len(states)
    idx = {s: i for i, s in enumerate(states)}
    ncls = table.n_classes
    nxt = [[None if table.entries[(s, c)][0] is None else idx[table.entries[(s, c)][0]] for c in range(ncls)]
           for s in states]
    inc = _incompatibility(table)
    ri = idx[table.reset]
    clique = _clique(inc, first=ri)
    # a maximum clique by branch and bound from the greedy one (anytime: never smaller): on dense
    # graphs the greedy one falls short (150 states, whole rows unspecified at 50 %: 73 against
    # 80), and the bound, the pinned classes and the colouring bound's run time all follow it
    # (1-5 ms up to 150 states; see rtlopt.fsm._bounds.max_clique)
    clique = max_clique(inc, clique, min(deadline, time.monotonic() + 0.05 * timeout_s))
    if ri in clique:
        clique.remove(ri)
        clique.insert(0, ri)
    # the chromatic number of the incompatibility graph (any closed cover colours it) is the start
    # bound, at least the clique (rtlopt.fsm._bounds; 0.01-0.25 s at 150 states, always valid)
    lb = coloring_bound(inc, clique, min(deadline, time.monotonic() + 0.05 * timeout_s))
    in_clique = set(clique)
    order = clique + [s for s in range(n) if s not in in_clique]
    exact = n <= exact_max_states
    # a short upward SAT turn before the greedy upper bound: most machines are decided here in
    # milliseconds (the greedy's fixed share of the limit was most of their time: 0.11 s of CPU for
    # 10-20 states with 2 s), and the solver keeps what it learned for the turns below
    up = CoverSat(nxt, inc, clique) if exact else None
    k = lb
    if up is not None:
        end = min(deadline, time.monotonic() + QUICK_SHARE * timeout_s)
        while end - time.monotonic() > 0:
            res = up.solve(k, end - time.monotonic())
            if res == "timeout":
                break
            if res is None:
                lb = k = k + 1
                continue
            m = _finish(_from_cover(table, nxt, res, up), k, "exact-sat")
            up.close()
            return m
    # random greedy orders for 5 % of the time when the SAT search follows (its downward search
    # starts from this cover; 40 states/70 % don't-cares: 18 -> 17 classes), for half of it when not
    share = (0.05 if exact else 0.5) * timeout_s
    part = greedy_partition(nxt, inc, order, time.monotonic() + 0.3 * share, rounds=GREEDY_ROUNDS, target=lb)
    # then iterated greedy from the best order (dissolve a few classes, re-merge; see
    # improve_partition): fewer classes than more random orders in the same time
    part = improve_partition(nxt, inc, part, time.monotonic() + 0.7 * share, target=lb)
    if not is_closed_partition(nxt, inc, part):  # never expected (tests check it); never handed on
        part = [[s] for s in range(n)]
    best = _from_partition(table, nxt, part)
    best_classes = [list(c) for c in part]  # the best cover as state indices (phases of the SAT search)
    old = _heuristic(table)
    if old.n_after < best.n_after:
        best = old
        best_classes = [[idx[s] for s in b] for b in old.blocks]
    if up is None:
        return _finish(best, lb, "heuristic")
    if best.n_after <= lb:
        up.close()
        return _finish(best, lb, "exact-sat")
    # two searches take turns, each turn a time slice growing by half each round (neither starves
    # the other; each solver keeps what it learned between its turns):
    # * upward from the clique bound on one incremental solver: UNSAT for k raises the proven
    #   bound; the first satisfiable k is the minimum;
    # * downward from the best cover on a second solver (one that is busy with an UNSAT proof
    #   searches badly for covers), solution-guided: its phases follow the best cover with one
    #   class dropped (80 states/70 % don't-cares: 36 -> 31 classes where the unguided search
    #   stopped at 32); SAT is a smaller cover, UNSAT proves the bound.
    # Past DOWN_MAX_CELLS state x class variables the downward solver is not built (a fresh
    # Glucose was seen to ignore its interrupt for seconds at 150 states and 67 classes, and never
    # found a cover below the greedy one there).
    down = None
    restarts = 0  # downward restarts on one class count (even: phases from first_fit, odd: the best cover)
    stuck: int | None = None  # the class count the last downward turn ran out on
    first_fit: list[list[int]] | None = None  # one greedy round in the clique-first order
    spent = 0.0  # time of the current downward solver on its class count
    jump_k: int | None = None  # the first downward solver's class count (-1: given up on it)
    rounds = 0
    turn = max(0.05, UP_SHARE * (deadline - time.monotonic()))
    try:
        while best.n_after > lb:
            # upward turn
            end = min(deadline, time.monotonic() + turn)
            while k < best.n_after and end - time.monotonic() > 0.02:
                res = up.solve(k, end - time.monotonic())
                if res == "timeout":
                    break
                if res is None:
                    lb = k + 1  # monotone in k (a class may stay empty)
                    k += 1
                    continue
                return _finish(_from_cover(table, nxt, res, up), k, "exact-sat")
            if best.n_after <= lb or deadline - time.monotonic() <= 0.05:
                break
            # downward turn (SAT), or on machines too large for it an iterated greedy turn
            if DOWN_JUMP and best.n_after - 1 <= lb:
                pass  # only the bound's refutation is open: the upward solver (its learned clauses) gets the time
            elif n * (best.n_after - 1) > DOWN_MAX_CELLS:
                rounds += 1
                part = improve_partition(nxt, inc, part, min(deadline, time.monotonic() + turn), target=lb,
                                         seed=rounds)
                if len(part) < best.n_after and is_closed_partition(nxt, inc, part):
                    best = _from_partition(table, nxt, part)
                    best_classes = [list(c) for c in part]
            else:
                if down is not None and stuck == best.n_after - 1 and spent >= RESTART_S * 2 ** restarts:
                    # this solver has had its share on this class count: a fresh one, another seed
                    # and the other phase source (finding the cover is heavy-tailed in the phases;
                    # see the docstring, fifth round)
                    down.close()
                    down = None
                    restarts += 1
                stuck = None
                end = min(deadline, time.monotonic() + turn)
                while best.n_after - (1 if DOWN_JUMP else 0) > lb and end - time.monotonic() > 0.02:
                    kd = best.n_after - 1
                    if jump_k is None and down is None:
                        # the first downward solver only (a jump later in the walk, 80000 at 33 with
                        # lb 29, spent its time on k = 30 and ended at 33 where the walk reaches 31)
                        jump = DOWN_JUMP and lb + 1 < best.n_after - 1 and best.n_after - lb <= JUMP_GAP
                        jump_k = lb + 1 if jump else -1
                    if jump_k is not None and 0 <= jump_k < kd:
                        kd = jump_k
                    if down is None:  # fresh for each class count (a solver that walked down got stuck)
                        down = CoverSat(nxt, inc, clique, solver=DOWN_SOLVER, options=dict(DOWN_OPTIONS, seed=restarts))
                        spent = 0.0
                        if first_fit is None:
                            first_fit = greedy_partition(nxt, inc, order, deadline, rounds=1)
                    t_solve = time.monotonic()
                    res = down.solve(kd, end - time.monotonic(), hint=best_classes if restarts % 2 else first_fit)
                    spent += time.monotonic() - t_solve
                    if res == "timeout":
                        stuck = kd
                        if jump_k == kd and spent >= JUMP_S:  # back to walking down from the best cover
                            jump_k = -1
                            down.close()
                            down = None
                        break
                    if res is None:
                        lb = kd + 1
                        if jump_k == kd:
                            jump_k = -1
                            down.close()
                            down = None
                        break
                    best = _from_cover(table, nxt, res, down)
                    best.method = "sat-bounded"
                    best_classes = [c for c in res if c]
                    down.close()
                    down = None
            if deadline - time.monotonic() <= 0.05:
                break
            turn *= 1.5
    finally:
        up.close()
        if down is not None:
            down.close()
    if best.n_after <= lb:  # an UNSAT answer proved the best cover minimum
        return _finish(best, lb, "exact-sat")
    return _finish(best, lb, best.method if best.method == "sat-bounded" else "heuristic")


def _finish(m: Minimization, lb: int, method: str) -> Minimization:
    """Set the proven bound: optimal when the cover meets it (``method`` "heuristic" stays)."""
    m.optimal = m.n_after <= lb
    m.lower_bound = m.n_after if m.optimal else lb
    m.method = "exact-sat" if m.optimal and method != "heuristic" else method
    return m


def _from_classes(table: Table, classes: list[list[int]], succ) -> Minimization:
    """A Minimization from classes of state indices and ``succ(j, c)`` -> class index or None."""
    states = table.states
    keep = [j for j, c in enumerate(classes) if c]
    ri = states.index(table.reset)
    rj = next(j for j in keep if ri in classes[j])
    keep.remove(rj)
    keep.insert(0, rj)
    ren = {j: i for i, j in enumerate(keep)}
    blocks = [tuple(states[s] for s in sorted(classes[j])) for j in keep]
    nxt_block: dict[tuple[int, int], int | None] = {}
    choice: dict[tuple[int, int], str | None] = {}
    for j in keep:
        members = blocks[ren[j]]
        for c in range(table.n_classes):
            if any(table.entries[(s, c)][0] is not None for s in members):
                nxt_block[(ren[j], c)] = ren[succ(j, c)]
            else:
                nxt_block[(ren[j], c)] = None
            choice[(ren[j], c)] = _best_member(table, members, c)
    return Minimization(table, blocks, 0, nxt_block, "heuristic", False, 1, choice=choice)


def _from_partition(table: Table, nxt: list[list[int | None]], part: list[list[int]]) -> Minimization:
    cls_of = {s: j for j, c in enumerate(part) for s in c}

    def succ(j: int, c: int) -> int:
        return cls_of[next(nxt[s][c] for s in part[j] if nxt[s][c] is not None)]

    return _from_classes(table, part, succ)


def _from_cover(table: Table, nxt: list[list[int | None]], classes: list[list[int]], sat) -> Minimization:
    def succ(j: int, c: int) -> int:
        return sat.succ[(j, sat.rep_of[c])]

    m = _from_classes(table, classes, succ)
    m.method = "exact-sat"
    return m


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
    from rtlopt.fsm.model import _implies as implies

    return implies(a, b)
