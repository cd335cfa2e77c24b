"""The bench's independent minimum (``fsm_minimize_bench.py --truth``, issue 13): for rows rtlopt
does not prove minimum, the script's own SAT ladder (its clique upwards, its encoding, CaDiCaL in
CPU-time slices) tells a gap of rtlopt's from a minimum nobody knows. Checked against the
brute-force enumeration and the MiniSat refutation of the same script."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import fsm_minimize_bench as fb  # noqa: E402


def _closed(tab, n, ni, classes, delta) -> bool:
    """Every state covered, members pairwise compatible, successors inside the successor class."""
    inc = fb.incompatibility(tab, n, ni)
    if set().union(*classes) != set(range(n)):
        return False
    for j, c in enumerate(classes):
        if any((min(s, t), max(s, t)) in inc for s in c for t in c if s < t):
            return False
        for a in range(1 << ni):
            succ = {tab[(s, a)][0] for s in c} - {None}
            if succ and (delta[(j, a)] is None or not succ <= classes[delta[(j, a)]]):
                return False
    return True


def test_truth_ladder_finds_the_minimum_above_the_clique():
    """10 states / 70 % don't-cares (bench seed 10002): clique 6, minimum 7; from a cover of 9
    the ladder refutes 6 and satisfies 7."""
    n = 10
    tab = fb.random_machine(n, 2, 2, 0.7, 10002)
    inc = fb.incompatibility(tab, n, 2)
    assert fb.clique_bound(inc, n) == 6
    lo, hi, _cpu = fb.truth_range(tab, n, 2, inc, 9, 60.0)
    assert (lo, hi) == (7, 7)
    assert fb.cover_exists(tab, n, 2, 6, inc, timeout=60.0) is False


def test_truth_ladder_agrees_with_brute_force():
    for seed in range(6):
        n = 5 + seed % 2
        tab = fb.random_machine(n, 2, 2, 0.6, 8700 + seed, reduce_to=n - 2 if seed % 2 else None)
        inc = fb.incompatibility(tab, n, 2)
        lo, hi, _cpu = fb.truth_range(tab, n, 2, inc, n, 60.0)
        assert lo == hi == fb.brute_min(tab, n, 2, inc)


def test_truth_ladder_without_budget_keeps_the_range():
    """No time: the range is the script's clique bound up to the given cover, nothing claimed."""
    n = 40
    tab = fb.random_machine(n, 2, 2, 0.7, 40000)
    inc = fb.incompatibility(tab, n, 2)
    lo, hi, _cpu = fb.truth_range(tab, n, 2, inc, 20, 0.0)
    assert (lo, hi) == (fb.clique_bound(inc, n), 20)


def test_cadical_model_is_a_closed_cover():
    """The CPU-limited CaDiCaL path of the script's encoding returns a closed cover (40 states /
    70 % don't-cares, bench seed 40002, at the minimum 14), and refutes one class less."""
    n = 40
    tab = fb.random_machine(n, 2, 2, 0.7, 40002)
    inc = fb.incompatibility(tab, n, 2)
    r = fb._cover_model(tab, n, 2, 14, inc, set(range(n)), 120.0, cpu=True)
    assert r
    classes, delta = r
    assert _closed(tab, n, 2, classes, delta)
    assert fb._cover_model(tab, n, 2, 13, inc, set(range(n)), 120.0, cpu=True) is False
