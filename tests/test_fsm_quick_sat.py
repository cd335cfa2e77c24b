"""The short upward SAT turn of :func:`rtlopt.fsm.minimize.closed_cover` before the greedy upper
bound (issue 13): small and medium machines are decided exactly by SAT without the greedy
(which took a fixed share of the limit, most of their run time), larger ones still get it.

Minima are checked independently of rtlopt.fsm by the brute-force enumeration and the KISS2
simulator of ``benchmarks/fsm_minimize_bench.py``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rtlopt.fsm import _greedy_cover, kiss2, minimize, minimized_fsm

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import fsm_minimize_bench as fb  # noqa: E402


def _no_greedy(*_a, **_k):
    raise AssertionError("the greedy upper bound ran although SAT had decided the machine")


@pytest.mark.parametrize("seed", range(8))
def test_small_machines_decided_by_sat_before_the_greedy(seed, monkeypatch):
    """Random 4-6 state machines with don't-cares (some with the minimum above the clique):
    the minimum equals the brute-force minimum, found without calling the greedy."""
    monkeypatch.setattr(_greedy_cover, "greedy_partition", _no_greedy)
    monkeypatch.setattr(_greedy_cover, "improve_partition", _no_greedy)
    n = 4 + seed % 3
    dc = (0.4, 0.6, 0.7)[seed % 3]
    tab = fb.random_machine(n, 2, 2, dc, 8300 + seed, reduce_to=max(2, n - 2) if seed % 2 else None)
    f = kiss2.parse(fb.to_kiss2(tab, n, 2, 2))
    m = minimize(f, timeout_s=60.0)
    assert m.optimal and m.method == "exact-sat"
    assert m.n_after == fb.brute_min(tab, n, 2, fb.incompatibility(tab, n, 2))
    assert fb.simulate_check(tab, n, 2, 2, kiss2.dumps(minimized_fsm(f, m)), seed, runs=100, length=30) is None


def test_minimum_above_the_clique_decided_by_sat_before_the_greedy(monkeypatch):
    """Bench machine 10 states / 70 % don't-cares (seed 10002): clique 6, minimum 7 (the SAT
    turn refutes 6 classes, then finds 7); the bench's own MiniSat encoding refutes 6 too."""
    monkeypatch.setattr(_greedy_cover, "greedy_partition", _no_greedy)
    n = 10
    tab = fb.random_machine(n, 2, 2, 0.7, 10002)
    inc = fb.incompatibility(tab, n, 2)
    assert fb.clique_bound(inc, n) == 6
    f = kiss2.parse(fb.to_kiss2(tab, n, 2, 2))
    m = minimize(f, timeout_s=60.0)
    assert m.optimal and m.n_after == 7 and m.lower_bound == 7
    assert fb.cover_exists(tab, n, 2, 6, inc, timeout=60.0) is False
    assert fb.simulate_check(tab, n, 2, 2, kiss2.dumps(minimized_fsm(f, m)), 1) is None


def test_the_greedy_still_runs_when_the_sat_turn_is_not_enough():
    """60 states / 70 % don't-cares (bench seed 60002, minimum 20): a 2 s limit is not enough for
    the SAT turn alone, the greedy and the turns after it give a valid cover at or above the
    minimum with a proven bound at or below it."""
    calls = []
    real = _greedy_cover.greedy_partition

    def spy(*a, **k):
        calls.append(1)
        return real(*a, **k)

    n = 60
    tab = fb.random_machine(n, 2, 2, 0.7, 60002)
    f = kiss2.parse(fb.to_kiss2(tab, n, 2, 2))
    mp = pytest.MonkeyPatch()
    mp.setattr(_greedy_cover, "greedy_partition", spy)
    try:
        m = minimize(f, timeout_s=2.0)
    finally:
        mp.undo()
    assert calls
    assert m.lower_bound <= 20 <= m.n_after
    assert fb.simulate_check(tab, n, 2, 2, kiss2.dumps(minimized_fsm(f, m)), 2) is None


def test_the_time_limit_covers_the_table_build(monkeypatch):
    """``minimize``'s limit bounds the whole run: the time the explicit table took (z3 per input
    class on wide inputs) is taken from what the cover search gets. A fake clock makes the table
    take 5 of 8 s; the search must be given at most the 3 s left."""
    import types

    from rtlopt.fsm import minimize as mod
    from rtlopt.fsm.model import Fsm

    minimize_mod = sys.modules["rtlopt.fsm.minimize"]
    now = [100.0]
    monkeypatch.setattr(minimize_mod, "time", types.SimpleNamespace(monotonic=lambda: now[0]))
    real_table = Fsm.table

    def slow_table(self, *a, **k):
        now[0] += 5.0
        return real_table(self, *a, **k)

    seen = []

    def fake_cover(table, *, exact_max_states, timeout_s):
        seen.append(timeout_s)
        raise RuntimeError("stop")

    monkeypatch.setattr(Fsm, "table", slow_table)
    monkeypatch.setattr(minimize_mod, "closed_cover", fake_cover)
    n = 10
    tab = fb.random_machine(n, 2, 2, 0.7, 10002)
    f = kiss2.parse(fb.to_kiss2(tab, n, 2, 2))
    with pytest.raises(RuntimeError, match="stop"):
        mod(f, timeout_s=8.0)
    assert seen and seen[0] <= 3.0 + 1e-9
