"""Maximum clique of the incompatibility graph (issue 13): rtlopt.fsm._bounds.max_clique, the
branch-and-bound clique that replaces the greedy one as the lower bound and the pinned classes of
the exact ISFSM minimization. Cliques compared with networkx's exact maximum clique; minima
confirmed by the independent MiniSat encoding of ``benchmarks/fsm_minimize_bench.py`` (a cover of
``k`` classes exists, none of ``k - 1``) and the minimized machines simulated by that script's own
KISS2 interpreter."""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

from rtlopt.fsm import kiss2, minimize, minimized_fsm
from rtlopt.fsm._bounds import max_clique
from rtlopt.fsm.minimize import _clique, _incompatibility

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import fsm_minimize_bench as fb  # noqa: E402


def _is_clique(inc: list[set[int]], cl: list[int]) -> bool:
    return len(set(cl)) == len(cl) and all(b in inc[a] for a in cl for b in cl if a != b)


def _nx_max(inc: list[set[int]]) -> int:
    g = nx.Graph()
    g.add_nodes_from(range(len(inc)))
    g.add_edges_from((a, b) for a in range(len(inc)) for b in inc[a] if a < b)
    return nx.max_weight_clique(g, weight=None)[1]


@pytest.mark.parametrize("seed", range(12))
def test_max_clique_is_maximum_on_random_graphs(seed):
    rng = random.Random(seed)
    n = rng.choice([1, 2, 7, 20, 35, 50])
    p = rng.choice([0.2, 0.5, 0.8, 0.95])
    inc: list[set[int]] = [set() for _ in range(n)]
    for a in range(n):
        for b in range(a + 1, n):
            if rng.random() < p:
                inc[a].add(b)
                inc[b].add(a)
    cl = max_clique(inc, [0] if n else [], time.monotonic() + 60)
    assert _is_clique(inc, cl)
    assert len(cl) == _nx_max(inc)


def test_max_clique_out_of_time_returns_the_start_clique():
    rng = random.Random(5)
    n = 60
    inc: list[set[int]] = [set() for _ in range(n)]
    for a in range(n):
        for b in range(a + 1, n):
            if rng.random() < 0.7:
                inc[a].add(b)
                inc[b].add(a)
    start = _clique(inc)
    cl = max_clique(inc, start, time.monotonic() - 1.0)  # deadline already past: anytime answer
    assert _is_clique(inc, cl) and len(cl) >= len(start)


def _rows_machine(n: int, dc: float, seed: int):
    tab = fb.random_machine(n, 2, 2, dc, seed, dc_model="rows")
    return tab, kiss2.parse(fb.to_kiss2(tab, n, 2, 2), name=f"r{n}")


@pytest.mark.parametrize(("n", "dc", "seed", "greedy", "maximum"), [(24, 0.6, 12, 13, 14), (40, 0.5, 86, 24, 25)])
def test_greedy_clique_falls_short_and_the_minimum_is_reached(n, dc, seed, greedy, maximum):
    """Machines with whole rows unspecified (the bench's --dc-model rows) where the greedy clique
    is one state short of the maximum one, which equals the minimum: the minimization proves it
    and the bench's independent checks agree."""
    tab, fsm = _rows_machine(n, dc, seed)
    table = fsm.table()
    inc = _incompatibility(table)
    ri = table.states.index(table.reset)
    assert len(_clique(inc, first=ri)) == greedy  # the near miss the branch and bound repairs
    mc = max_clique(inc, _clique(inc, first=ri), time.monotonic() + 60)
    assert _is_clique(inc, mc) and len(mc) == maximum == _nx_max(inc)
    m = minimize(fsm, timeout_s=20)
    assert m.optimal and m.n_after == maximum and m.lower_bound == maximum
    assert fb.simulate_check(tab, n, 2, 2, kiss2.dumps(minimized_fsm(fsm, m)), seed) is None
    bench_inc = fb.incompatibility(tab, n, 2)
    assert fb.cover_exists(tab, n, 2, maximum - 1, bench_inc) is False
    assert fb.cover_exists(tab, n, 2, maximum, bench_inc) is True


def test_rows_model_keeps_rows_whole():
    """--dc-model rows: a row is either absent (next state and every output bit don't-care) or
    fully specified; every state reachable from state 0."""
    n, no = 30, 3
    tab = fb.random_machine(n, 2, no, 0.6, 7, dc_model="rows")
    dropped = 0
    for (_s, _a), (nx_, o) in tab.items():
        if nx_ is None:
            assert o == "-" * no
            dropped += 1
        else:
            assert "-" not in o
    assert 0.4 * len(tab) < dropped < 0.8 * len(tab)
    seen, stack = {0}, [0]
    while stack:
        s = stack.pop()
        for a in range(4):
            t = tab[(s, a)][0]
            if t is not None and t not in seen:
                seen.add(t)
                stack.append(t)
    assert seen == set(range(n))
    with pytest.raises(ValueError):
        fb.random_machine(n, 2, no, 0.6, 7, dc_model="bits")
