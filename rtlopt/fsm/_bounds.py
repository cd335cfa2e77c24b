"""Lower bounds on the number of classes of a closed cover of an incompletely specified machine.

Any closed cover is a cover of the states by compatibles (sets of pairwise compatible states), so its
size is at least the *chromatic number* of the incompatibility graph (a clique cover of the
compatibility graph colours the incompatibility graph: give each state its first class). The
closure only adds classes. The chromatic number is at least the size of any clique of pairwise
incompatible states, and sometimes more (an odd cycle of incompatibilities: clique 2, colours 3).

:func:`coloring_bound` decides ``k``-colourability by SAT from the clique size upwards (the clique
pinned to the first colours, the other colours in value-precedence order), each ``k`` on a
conflict budget, all under a deadline: the answer is the largest ``k`` proven necessary, so it is
always a valid lower bound (never more than the chromatic number), whatever the budget.

Measured on the bench's random machines with 70 % don't-cares (``fsm_minimize_bench.py``; CPU s):
the colouring is decided in 0.01 s up to 150 states and lies 0-2 above the greedy clique (80
states: 24/22/20 against cliques 24/22/18; 150 states: 38/39/28 against 38/39/26), while the
closed-cover minimum lies 6-20 above both: on this family the gap is the closure's.
"""

from __future__ import annotations

import contextlib
import time


def dsatur_colors(inc: list[set[int]], clique: list[int]) -> int:
    """Colours used by DSATUR (clique first): an upper bound on the chromatic number; when it
    equals the clique size the clique size is the chromatic number."""
    n = len(inc)
    color = [-1] * n
    sat: list[set[int]] = [set() for _ in range(n)]

    def paint(s: int) -> None:
        c = 0
        while c in sat[s]:
            c += 1
        color[s] = c
        for t in inc[s]:
            sat[t].add(c)

    for q in clique:
        paint(q)
    left = {s for s in range(n) if color[s] < 0}
    while left:
        s = max(left, key=lambda v: (len(sat[v]), len(inc[v]), -v))
        left.remove(s)
        paint(s)
    return max(color, default=-1) + 1


def _colorable(inc: list[set[int]], clique: list[int], k: int, deadline: float) -> bool | None:
    """Is the incompatibility graph ``k``-colourable (None: deadline)? ``clique`` is pinned to
    colours ``0..len(clique)-1``; the other colours obey value precedence over the non-clique
    states (colour ``c`` used by state ``r_i`` only when colour ``c - 1`` is used by some ``r_h``,
    ``h < i``), which every colouring can be renumbered to satisfy."""
    from pysat.solvers import Solver

    n = len(inc)
    nq = len(clique)
    if nq > k:
        return False
    var = {}
    top = 0

    def new() -> int:
        nonlocal top
        top += 1
        return top

    pos = {q: j for j, q in enumerate(clique)}
    rest = [s for s in range(n) if s not in pos]
    sol = Solver(name="cadical195")
    try:
        for s in range(n):
            if s in pos:
                var[(s, pos[s])] = v = new()
                sol.add_clause([v])
                continue
            cols = [c for c in range(k) if c >= nq or clique[c] not in inc[s]]
            if not cols:
                return False
            for c in cols:
                var[(s, c)] = new()
            sol.add_clause([var[(s, c)] for c in cols])
        for s in range(n):
            if not s % 8 and time.monotonic() > deadline:
                return None  # building the clauses is itself bounded (400 states: ~10^6 clauses)
            for t in inc[s]:
                if s < t:
                    for c in range(k):
                        a, b = var.get((s, c)), var.get((t, c))
                        if a and b:
                            sol.add_clause([-a, -b])
        # value precedence on the free colours: used(c, i) = colour c taken by r_0..r_i
        prev_used: list[int | None] = [None] * k
        for i, s in enumerate(rest):
            if not i % 8 and time.monotonic() > deadline:
                return None
            for c in range(nq, k):
                v = var[(s, c)]
                if c > nq:
                    p = prev_used[c - 1]
                    sol.add_clause([-v, p] if p else [-v])
                u = new()
                p = prev_used[c]
                sol.add_clause([-v, u])
                if p:
                    sol.add_clause([-p, u])
                    sol.add_clause([-u, p, v])
                else:
                    sol.add_clause([-u, v])
                prev_used[c] = u
        budget = 2000
        while True:
            if time.monotonic() > deadline:
                return None
            sol.conf_budget(budget)
            r = sol.solve_limited()
            if r is not None:
                return r
            budget *= 2
    finally:
        sol.delete()


def coloring_bound(inc: list[set[int]], clique: list[int], deadline: float) -> int:
    """A lower bound on the chromatic number of the incompatibility graph, at least
    ``len(clique)`` (``clique``: pairwise incompatible states): the chromatic number itself when
    the SAT calls finish before ``deadline``, else the largest colour count proven necessary."""
    lb = max(1, len(clique)) if inc else 0
    if not inc or dsatur_colors(inc, clique) <= lb:
        return lb
    k = lb
    while time.monotonic() < deadline:
        r = _colorable(inc, clique, k, deadline)
        if r is None or r:
            break
        k += 1
        lb = k
    return lb


def max_clique(inc: list[set[int]], start: list[int], deadline: float) -> list[int]:
    """A maximum clique of the incompatibility graph by branch and bound (bitsets, greedy
    colouring bounds in the style of Tomita's MCQ / San Segundo's BBMC), ``start`` (any clique)
    the first incumbent. Anytime: at ``deadline`` the largest clique found so far is returned,
    which is never smaller than ``start`` and always a clique (so always a valid lower bound).

    Why (issue 13): on dense incompatibility graphs the greedy clique of
    :func:`rtlopt.fsm.minimize._clique` falls short; bench machines with whole (state, input) rows
    unspecified (``fsm_minimize_bench.py --dc-model rows``, 150 states, 50 %, density 0.82): greedy
    85/73/76 against maxima 87/80/77, and the colouring bound from the smaller clique took 40 s of
    CPU where it takes 0.09 s from the maximum one."""
    n = len(inc)
    if n == 0:
        return list(start)
    # vertices renumbered by non-increasing degree (bit i of a set is vertex order[i])
    order = sorted(range(n), key=lambda v: (-len(inc[v]), v))
    pos = {v: i for i, v in enumerate(order)}
    adj = [0] * n
    for v in range(n):
        m = 0
        for t in inc[v]:
            m |= 1 << pos[t]
        adj[pos[v]] = m
    best = [pos[v] for v in start]
    calls = 0

    class _Stop(Exception):
        pass

    def colour_sort(p: int) -> list[tuple[int, int]]:
        """(vertex, colour bound) in increasing bound order over the candidate set ``p``."""
        out: list[tuple[int, int]] = []
        u = p
        k = 0
        while u:
            k += 1
            q = u
            while q:
                low = q & -q
                v = low.bit_length() - 1
                q &= ~adj[v] & ~low
                u &= ~low
                out.append((v, k))
        return out

    def expand(r: list[int], p: int) -> None:
        nonlocal best, calls
        calls += 1
        if not calls & 255 and time.monotonic() > deadline:
            raise _Stop
        cs = colour_sort(p)
        for i in range(len(cs) - 1, -1, -1):
            v, k = cs[i]
            if len(r) + k <= len(best):
                return
            r.append(v)
            np_ = p & adj[v]
            if np_:
                expand(r, np_)
            elif len(r) > len(best):
                best = list(r)
            r.pop()
            p &= ~(1 << v)

    with contextlib.suppress(_Stop):
        expand([], (1 << n) - 1)
    return [order[i] for i in best]
