"""Upper bounds of ISFSM minimization (issue 13): the greedy closed partition and its iterated-greedy
improvement stay closed partitions (checked here by a closure check of this file, independent of
rtlopt's), and the time limit holds on a 150-state machine with 70 % don't-cares.

Random machines and the KISS2 simulator come from ``benchmarks/fsm_minimize_bench.py``."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from rtlopt.fsm import kiss2, minimize, minimized_fsm
from rtlopt.fsm._greedy_cover import greedy_partition, improve_partition, is_closed_partition
from rtlopt.fsm.minimize import _clique, _incompatibility

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import fsm_minimize_bench as fb  # noqa: E402


def _machine(n: int, dc: float, seed: int):
    tab = fb.random_machine(n, 2, 2, dc, seed, reduce_to=None if seed % 2 else max(2, int(0.7 * n)))
    f = kiss2.parse(fb.to_kiss2(tab, n, 2, 2))
    t = f.table()
    idx = {s: i for i, s in enumerate(t.states)}
    nxt = [[None if t.entries[(s, c)][0] is None else idx[t.entries[(s, c)][0]] for c in range(t.n_classes)]
           for s in t.states]
    return tab, f, t, nxt, _incompatibility(t), idx


def _closed(tab, t, part: list[list[int]]) -> bool:
    """Ground-truth check: classes partition the states, are pairwise compatible by the bench's own
    incompatibility relation, and send their specified successors into one class per input."""
    n = len(t.states)
    gt = [int(s[1:]) for s in t.states]  # table state "s<i>" is ground-truth state i
    inc = fb.incompatibility(tab, n, 2)
    cls: dict[int, int] = {}
    for j, c in enumerate(part):
        for s in c:
            if gt[s] in cls:
                return False
            cls[gt[s]] = j
    if len(cls) != n:
        return False
    for c in part:
        g = sorted(gt[s] for s in c)
        if any((a, b) in inc for i, a in enumerate(g) for b in g[i + 1:]):
            return False
        for a in range(4):
            if len({cls[tab[(s, a)][0]] for s in g if tab[(s, a)][0] is not None}) > 1:
                return False
    return True


@pytest.mark.parametrize("seed", range(16))
def test_greedy_and_iterated_greedy_give_closed_partitions(seed):
    """On machines of 9-40 states with 50-70 % don't-cares: the greedy partition and its iterated
    greedy improvement are closed partitions (the merge undo used to be corrupted by path
    compression: an invalid partition of 3 classes where the minimum is 4), never larger."""
    n = 9 + (seed * 7) % 32
    tab, _f, t, nxt, inc, idx = _machine(n, 0.5 + 0.1 * (seed % 3), 91000 + seed)
    cl = _clique(inc, first=idx[t.reset])
    order = cl + [s for s in range(n) if s not in cl]
    part = greedy_partition(nxt, inc, order, time.monotonic() + 0.05, rounds=20, seed=seed)
    assert _closed(tab, t, part) and is_closed_partition(nxt, inc, part)
    better = improve_partition(nxt, inc, part, time.monotonic() + 0.15, seed=seed)
    assert _closed(tab, t, better) and is_closed_partition(nxt, inc, better)
    assert len(cl) <= len(better) <= len(part)


def test_is_closed_partition_rejects_broken_partitions():
    tab, _f, t, nxt, inc, idx = _machine(20, 0.6, 91500)
    n = len(nxt)
    part = greedy_partition(nxt, inc, list(range(n)), time.monotonic() + 1.0, rounds=1)
    assert is_closed_partition(nxt, inc, part)
    assert not is_closed_partition(nxt, inc, part[1:])  # a state in no class
    assert not is_closed_partition(nxt, inc, part + [[part[0][0]]])  # a state in two classes
    s = next(s for s in range(n) if inc[s])
    t_ = next(iter(inc[s]))
    merged = [c for c in part if s not in c and t_ not in c] + [[s, t_]] + \
        [[u for u in c if u not in (s, t_)] for c in part if (s in c or t_ in c)]
    assert not is_closed_partition(nxt, inc, [c for c in merged if c])  # incompatible states together


def test_iterated_greedy_improves_a_large_machine():
    """150 states, 70 % don't-cares: a second of iterated greedy beats the greedy partition."""
    tab, _f, t, nxt, inc, idx = _machine(150, 0.7, 150000)
    cl = _clique(inc, first=idx[t.reset])
    order = cl + [s for s in range(len(nxt)) if s not in cl]
    part = greedy_partition(nxt, inc, order, time.monotonic() + 5.0, rounds=1)
    better = improve_partition(nxt, inc, part, time.monotonic() + 1.0)
    assert len(better) < len(part) and _closed(tab, t, better)


def test_time_limit_holds_at_150_states_and_the_gap_is_stated():
    """150 states, 70 % don't-cares, 1.5 s limit: ends in time (generous margin for a loaded
    machine) with a valid machine, a bound at least the clique and the gap to it stated."""
    n = 150
    tab = fb.random_machine(n, 2, 2, 0.7, 150001, reduce_to=None)
    f = kiss2.parse(fb.to_kiss2(tab, n, 2, 2))
    t0 = time.monotonic()
    m = minimize(f, timeout_s=1.5)
    assert time.monotonic() - t0 < 1.5 + 6.0
    assert fb.clique_bound(fb.incompatibility(tab, n, 2), n) <= m.lower_bound <= m.n_after < n
    assert m.optimal == (m.n_after == m.lower_bound)
    assert fb.simulate_check(tab, n, 2, 2, kiss2.dumps(minimized_fsm(f, m)), 5, runs=30) is None


@pytest.mark.parametrize("seed", [36001, 36005])
def test_36_states_70pct_dont_cares_exact_within_the_limit(seed):
    """36 states, 70 % don't-cares, minimum 2-3 classes above every clique: proven minimum within a
    2 s limit (generous margin for a loaded machine), equal to MeMin's own search (bench
    memin_ladder: fresh MiniSat per k) and to the bench's check that one class less is impossible."""
    n = 36
    tab = fb.random_machine(n, 2, 2, 0.7, seed, reduce_to=None)
    f = kiss2.parse(fb.to_kiss2(tab, n, 2, 2))
    t0 = time.monotonic()
    m = minimize(f, timeout_s=2.0)
    assert time.monotonic() - t0 < 2.0 + 6.0
    inc = fb.incompatibility(tab, n, 2)
    assert m.optimal and m.method == "exact-sat" and m.lower_bound == m.n_after
    assert fb.clique_bound(inc, n) < m.n_after
    assert fb.memin_ladder(tab, n, 2, inc, 60.0)[0] == m.n_after
    assert fb.cover_exists(tab, n, 2, m.n_after - 1, inc, timeout=60) is False
    assert fb.simulate_check(tab, n, 2, 2, kiss2.dumps(minimized_fsm(f, m)), 6, runs=60) is None
