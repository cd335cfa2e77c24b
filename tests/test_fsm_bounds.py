"""Lower bounds of ISFSM minimization beyond the clique (issue 13): the chromatic number of the
incompatibility graph (rtlopt.fsm._bounds). Minima confirmed by the brute-force closed-cover
enumeration of ``benchmarks/fsm_minimize_bench.py`` (independent of rtlopt.fsm); minimized machines
simulated by that script's own KISS2 interpreter."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from rtlopt.fsm import kiss2, minimize, minimized_fsm
from rtlopt.fsm._bounds import coloring_bound, dsatur_colors
from rtlopt.fsm.minimize import _clique, _incompatibility

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import fsm_minimize_bench as fb  # noqa: E402


def _odd_cycle_tab(n: int = 5):
    """States 0..n-1 (n odd), 1 input, n outputs: on input 0, output bit e is 0 in state e and 1 in
    state e+1 (mod n), '-' elsewhere, so the output conflicts form an n-cycle; input 1 walks
    0 -> 1 -> ... -> n-1 (reachability; the last state's successors are don't-cares)."""
    tab = {}
    for s in range(n):
        o = ["-"] * n
        o[s] = "0"
        o[(s - 1) % n] = "1"
        tab[(s, 0)] = (None, "".join(o))
        tab[(s, 1)] = (s + 1 if s + 1 < n else None, "-" * n)
    return tab


def _indices(f):
    table = f.table()
    idx = {s: i for i, s in enumerate(table.states)}
    return table, idx


def test_chromatic_bound_exceeds_the_clique_on_an_odd_cycle():
    n = 5
    tab = _odd_cycle_tab(n)
    inc_b = fb.incompatibility(tab, n, 1)
    assert len(inc_b) == n  # exactly the cycle
    want = fb.brute_min(tab, n, 1, inc_b)
    f = kiss2.parse(fb.to_kiss2(tab, n, 1, n), name="c5")
    table, idx = _indices(f)
    inc = _incompatibility(table)
    clique = _clique(inc, first=idx[table.reset])
    assert len(clique) == 2
    b = coloring_bound(inc, clique, time.monotonic() + 30)
    assert b == 3 <= want
    # the heuristic path (no SAT) reports the colouring bound, not the clique
    m = minimize(f, exact_max_states=0)
    assert m.lower_bound == 3 and m.n_after >= want
    # the exact path: the brute-force minimum, proven
    m = minimize(f)
    assert m.optimal and m.n_after == want == m.lower_bound
    assert fb.simulate_check(tab, n, 1, n, kiss2.dumps(minimized_fsm(f, m)), 3, runs=200) is None


def test_chromatic_bound_with_an_expired_deadline_is_still_a_valid_bound():
    inc = [{(s - 1) % 7, (s + 1) % 7} for s in range(7)]  # a 7-cycle: clique 2, 3 colours
    assert dsatur_colors(inc, [0, 1]) == 3
    assert coloring_bound(inc, [0, 1], time.monotonic() - 1) == 2
    assert coloring_bound(inc, [0, 1], time.monotonic() + 30) == 3
    # an even cycle is 2-colourable
    inc = [{(s - 1) % 6, (s + 1) % 6} for s in range(6)]
    assert coloring_bound(inc, [0, 1], time.monotonic() + 30) == 2


@pytest.mark.parametrize("seed", range(8))
def test_chromatic_bound_never_exceeds_the_brute_force_minimum(seed):
    n, ni, no = 6, 1, 2
    tab = fb.random_machine(n, ni, no, 0.5, 9100 + seed)
    inc_b = fb.incompatibility(tab, n, ni)
    want = fb.brute_min(tab, n, ni, inc_b)
    f = kiss2.parse(fb.to_kiss2(tab, n, ni, no), name="r")
    table, idx = _indices(f)
    inc = _incompatibility(table)
    clique = _clique(inc, first=idx[table.reset])
    b = coloring_bound(inc, clique, time.monotonic() + 30)
    assert len(clique) <= b <= want
    m = minimize(f)
    assert m.optimal and m.n_after == want


def test_chromatic_bound_holds_its_deadline_on_a_large_dense_graph():
    """400 states, half the pairs incompatible (about 40,000 edges x colours of clauses): the bound
    stops at its deadline (building the clauses included) and stays at least the clique."""
    import random

    rng = random.Random(3)
    n = 400
    inc: list[set[int]] = [set() for _ in range(n)]
    for s in range(n):
        for t in range(s + 1, n):
            if rng.random() < 0.5:
                inc[s].add(t)
                inc[t].add(s)
    clique = _clique(inc)
    t0 = time.monotonic()
    b = coloring_bound(inc, clique, time.monotonic() + 0.2)
    assert time.monotonic() - t0 < 0.2 + 3.0  # generous: a loaded machine
    assert len(clique) <= b <= dsatur_colors(inc, clique)
