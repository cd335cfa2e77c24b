"""Incremental SAT encoding of the minimum closed cover of an incompletely specified machine.

The MeMin encoding (Abel & Reineke, ICCAD 2015), on integer state/alphabet indices:

* ``x(s, j)``: original state ``s`` is a member of class ``j`` (a cover: a state may be in several);
* ``y(j, a, j')``: the ``a``-successors of all members of class ``j`` lie in class ``j'``;
* incompatible states never share a class; closure ``x(s, j) & y(j, a, j') -> x(succ(s, a), j')``;
  every class with a member specified on ``a`` has a successor class; every state is in a class.

Symmetry breaking: the states of a clique of pairwise incompatible states are fixed to the first
classes (class ``j`` of the clique may only hold states compatible with its clique state), and the
remaining ("free") classes have non-increasing member vectors over the non-clique states in the
order of :func:`free_order` (lexicographically, a member before a non-member).
Both are sound for covers: any closed cover can be renumbered to satisfy them (free classes holding
only clique states are subsets of a clique class and are dropped by minimality, empty classes
sort last).

Classes are added one at a time to one solver; the clauses that depend on the number of classes
(every state in some class, every class with a successor class) carry an activation literal per
class count, so learned clauses survive from ``k`` to ``k + 1`` and ``solve(k)`` assumes only
``act_k``.
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time

SOLVER = "glucose4"  # interruptible (time limits), incremental with assumptions


def free_order(inc: list[set[int]], clique: list[int]) -> list[int]:
    """The non-clique states in the order the lexicographic symmetry breaking reads them: greedily
    the state incompatible with most of the clique and the states already ordered (ties: larger
    degree, then smaller index), so the states that cannot join the clique classes (and so open
    the free classes) come first and the ordering fixes them early. Measured on a 40-state machine
    with 70 % don't-cares (minimum 16, clique 10): the UNSAT proof for 15 classes takes 0.44 s of
    CPU with this order, 4.8 s with the states in index order."""
    n = len(inc)
    in_clique = set(clique)
    hits = [0] * n  # incompatible states among the clique and the states ordered so far
    for q in clique:
        for t in inc[q]:
            hits[t] += 1
    rest = {s for s in range(n) if s not in in_clique}
    out: list[int] = []
    while rest:
        s = max(rest, key=lambda v: (hits[v], len(inc[v]), -v))
        rest.remove(s)
        out.append(s)
        for t in inc[s]:
            hits[t] += 1
    return out


class CoverSat:
    """``nxt[s][a]``: successor index or None; ``inc[s]``: set of states incompatible with ``s``;
    ``clique``: pairwise incompatible states (reset first when it is one of them)."""

    def __init__(self, nxt: list[list[int | None]], inc: list[set[int]], clique: list[int],
                 solver: str = SOLVER, options: dict[str, int] | None = None) -> None:
        from pysat.solvers import Solver

        self.n = len(nxt)
        self.nxt = nxt
        self.inc = inc
        self.clique = list(clique)
        self.nq = len(clique)
        ncls = len(nxt[0]) if nxt else 0
        # alphabet classes with the same successor column give the same constraints
        reps: dict[tuple, int] = {}
        self.rep_of = [reps.setdefault(tuple(row[a] for row in nxt), a) for a in range(ncls)]
        self.letters = sorted(set(self.rep_of))
        self.free_states = free_order(inc, clique)  # ordered: r_0, r_1, ...
        self.free_pos = {s: i for i, s in enumerate(self.free_states)}
        self.sol = Solver(name=solver)
        if options:  # solver parameters (CaDiCaL's options.hpp names), e.g. minimize.DOWN_OPTIONS
            with contextlib.suppress(AttributeError, NotImplementedError):
                self.sol.configure(options)
        self.solver_name = solver
        self.top = 0
        self.xv: list[dict[int, int]] = []  # per class: state -> x(state, class)
        self.spec: list[dict[int, list[tuple[int, int]]]] = []  # per class, letter: (x var, successor)
        self.y: dict[tuple[int, int, int], int] = {}
        self.allowed: list[list[int]] = []  # per class: the states it may hold
        self.k = 0
        self.act: dict[int, int] = {}
        self.z: dict[tuple[int, int], int] = {}
        self.prev_free: dict[int, int] | None = None
        self._partial: tuple[int, int] | None = None  # (class, next letter index) of a class being built
        self._add = self.sol.add_clause
        # straight to the C function (clause building dominates the run time)
        try:
            import pysolvers  # the C extension PySAT itself imports

            if solver == "glucose4":
                self._add = functools.partial(pysolvers.glucose41_add_cl, self.sol.solver.glucose)
            elif solver == "cadical195":
                self._add = functools.partial(pysolvers.cadical195_add_cl, self.sol.solver.cadical)
        except (ImportError, AttributeError):  # pragma: no cover - other PySAT builds
            pass

    def close(self) -> None:
        self.sol.delete()

    def _new(self) -> int:
        self.top += 1
        return self.top

    # ------------------------------------------------------------------ building
    def _forced(self, j: int) -> int | None:
        return self.clique[j] if j < self.nq else None

    def _add_class(self, deadline: float) -> bool:
        """Add class ``self.k`` (False on deadline: the class stays half-built, not counted in
        ``self.k``, and the next call completes it; a class counted with some of its successor
        variables missing would make 'every class has a successor class' too strong, i.e. a
        wrong UNSAT when an interrupted build is resumed)."""
        if self._partial is None:
            self._new_class()
        j, start = self._partial
        for ai in range(start, len(self.letters)):
            if time.monotonic() > deadline:
                self._partial = (j, ai)
                return False
            a = self.letters[ai]
            # closure: new class as source (targets 0..j) and as target (sources 0..j-1)
            for jt in range(j + 1):
                self._closure(j, a, jt)
            for js in range(j):
                self._closure(js, a, j)
        self._partial = None
        self.k = j + 1
        return True

    def _new_class(self) -> None:
        """Variables, member constraints and symmetry breaking of class ``self.k`` (its closure
        clauses follow in :meth:`_add_class`)."""
        j = self.k
        add = self._add
        q = self._forced(j)
        n = self.n
        if q is None:
            allowed = list(range(n))
        else:
            bad = self.inc[q]
            allowed = [s for s in range(n) if s == q or s not in bad]
        self.allowed.append(allowed)
        xs: dict[int, int] = {}
        for s in allowed:
            xs[s] = self._new()
        self.xv.append(xs)
        if q is not None:
            add([xs[q]])
        inc = self.inc
        for i, s in enumerate(allowed):
            ins = inc[s]
            if not ins:
                continue
            v = -xs[s]
            for t in allowed[i + 1:]:
                if t in ins:
                    add([v, -xs[t]])
        nxt = self.nxt
        spec = {}
        for a in self.letters:
            mem = [(xs[s], nxt[s][a]) for s in allowed if nxt[s][a] is not None]
            spec[a] = mem
            if mem:
                z = self.z[(j, a)] = self._new()  # some member specified on a is in the class
                for v, _t in mem:
                    add([-v, z])
        self.spec.append(spec)
        # symmetry breaking among free classes: their member vectors over the non-clique states
        # are lexicographically non-increasing (a member before a non-member)
        if q is None:
            if self.prev_free is not None:
                xp = self.prev_free
                eq = None  # "agree on all earlier positions" (None: true)
                last = len(self.free_states) - 1
                for i, s in enumerate(self.free_states):
                    a, b = xp[s], xs[s]
                    pre = [] if eq is None else [-eq]
                    add(pre + [-b, a])  # equal so far -> x(r_i, j) <= x(r_i, j-1)
                    if i == last:
                        break
                    e2 = self._new()
                    add(pre + [-a, -b, e2])
                    add(pre + [a, b, e2])
                    eq = e2
            self.prev_free = xs
        self._partial = (j, 0)

    def _closure(self, j: int, a: int, jt: int) -> None:
        mem = self.spec[j][a]
        if not mem:
            return
        xt = self.xv[jt]
        q = self._forced(j)
        if q is not None:
            t = self.nxt[q][a]
            if t is not None and t not in xt:
                return  # the clique state's successor cannot be in jt
        y = self.y[(j, a, jt)] = self._new()
        add = self._add
        for v, t in mem:
            w = xt.get(t)
            add([-y, -v, w] if w else [-y, -v])

    def _activate(self, k: int) -> int:
        act = self._new()
        add = self._add
        xv = self.xv[:k]
        for s in range(self.n):
            add([-act] + [x[s] for x in xv if s in x])
        y = self.y
        for j in range(k):
            for a in self.letters:
                z = self.z.get((j, a))
                if z is not None:  # a class with a member specified on a has a successor class
                    add([-act, -z] + [y[(j, a, jt)] for jt in range(k) if (j, a, jt) in y])
        self.act[k] = act
        return act

    # ------------------------------------------------------------------ solving
    def _run(self, assumptions: list[int], deadline: float) -> bool | None:
        """One limited solve: Glucose is interrupted by a timer; CaDiCaL (no interrupt in PySAT)
        runs in conflict-budget slices of about 50 ms, the deadline checked between slices."""
        if self.solver_name != "cadical195":
            # a watcher polls this module's clock (not a wall-clock timer: the benchmark's
            # --cpu-clock gives the module the process CPU clock, and on a loaded machine a wall
            # timer stopped the solver after a fraction of its CPU share)
            stop = threading.Event()

            def watch() -> None:
                while not stop.wait(0.01):
                    if time.monotonic() >= deadline:
                        self.sol.interrupt()
                        return

            watcher = threading.Thread(target=watch, daemon=True)
            watcher.start()
            try:
                return self.sol.solve_limited(assumptions=assumptions, expect_interrupt=True)
            finally:
                stop.set()
                watcher.join()
                with contextlib.suppress(NotImplementedError):
                    self.sol.clear_interrupt()
        budget = 500
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self.sol.conf_budget(budget)
            t = time.monotonic()
            r = self.sol.solve_limited(assumptions=assumptions)
            if r is not None:
                return r
            dt = time.monotonic() - t
            # next slice sized to about 50 ms, and to a quarter of the time left (a slice was seen to
            # take 3x its estimate in CaDiCaL's stable mode: 0.17 s for 50 ms, 0.25 s past a 2 s
            # limit, so near the deadline the slices shrink)
            rate = budget / max(dt, 1e-3)
            budget = max(100, int(rate * min(0.05, max(0.005, 0.25 * (deadline - time.monotonic())))))

    def hint(self, classes: list[list[int]], k: int) -> None:
        """Phases from a known cover (solution-guided search for a cover of ``k`` classes): its
        class holding clique state ``j`` as class ``j``, the others in the free classes' order,
        the smallest one dropped when there are more than ``k``. Only a preference of the
        solver's decisions: the answer is whatever the solver proves."""
        pos = {q: j for j, q in enumerate(self.clique)}
        fixed: dict[int, list[int]] = {}
        rest = []
        for c in classes:
            js = [pos[s] for s in c if s in pos]
            if js:
                fixed.setdefault(js[0], list(c))
            elif c:
                rest.append(list(c))
        fp = self.free_pos
        rest.sort(key=lambda c: sorted(fp[s] for s in c if s in fp))
        if self.nq + len(rest) > k and rest:
            rest.remove(min(rest, key=len))
        order = [fixed.get(j, []) for j in range(self.nq)] + rest
        lits = []
        for j, c in enumerate(order[:min(k, self.k)]):
            cs = set(c)
            for s, v in self.xv[j].items():
                lits.append(v if s in cs else -v)
        with contextlib.suppress(NotImplementedError):
            self.sol.set_phases(lits)

    def solve(self, k: int, timeout_s: float, hint: list[list[int]] | None = None) -> list[list[int]] | str | None:
        """Classes (member lists, with successor class per letter in ``self.succ``) of a closed cover
        with at most ``k`` classes, None when none exists, "timeout". ``hint``: a cover whose
        classes guide the solver's phases (see :meth:`hint`)."""
        deadline = time.monotonic() + timeout_s
        while self.k < k:
            if not self._add_class(deadline):
                return "timeout"
        if hint is not None:
            self.hint(hint, k)
        act = self.act.get(k) or self._activate(k)
        left = deadline - time.monotonic()
        if left <= 0:
            return "timeout"
        r = self._run([act], deadline)
        if r is None:
            return "timeout"
        if not r:
            return None
        model = self.sol.get_model()
        true = {v for v in model if v > 0}
        classes = [[s for s, v in self.xv[j].items() if v in true] for j in range(k)]
        self.succ = {}
        for j in range(k):
            for a in self.letters:
                for jt in range(k):
                    v = self.y.get((j, a, jt))
                    if v is not None and v in true:
                        self.succ[(j, a)] = jt
                        break
        return classes
