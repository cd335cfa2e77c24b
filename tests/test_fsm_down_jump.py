"""The downward cover search's first target (issue 13, session 15): when the best cover is at most
``JUMP_GAP`` classes above the proven bound, the first downward solver asks for one class above
the bound (``lb + 1``) instead of walking down from the best cover, and once the best cover is one
above the bound the downward turns go to the upward solver (only the bound's refutation is open).

Real solvers on bench seed 40000 (40 states, 70 % don't-cares, clique 10, minimum 16: the bench's
own MiniSat refutes 15). The upward solver is made to run out of time on ``k = 15`` for its first
calls (a hard proof, as on bench seed 60002) by a clock that jumps by the timeout it was given; the
other answers are the real solvers'. Independent check: the bench's closure check and KISS2
simulator."""

from __future__ import annotations

import importlib
import sys
import time
import types
from pathlib import Path

import pytest

from rtlopt.fsm import kiss2, minimized_fsm

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import fsm_minimize_bench as fb  # noqa: E402

MOD = importlib.import_module("rtlopt.fsm.minimize")
CS = importlib.import_module("rtlopt.fsm._cover_sat")
CLOCKED = ("rtlopt.fsm.minimize", "rtlopt.fsm._cover_sat", "rtlopt.fsm._greedy_cover", "rtlopt.fsm._bounds")


def _run(monkeypatch, jump: bool, hard_calls: int = 2):
    n, ni = 40, 2
    tab = fb.random_machine(n, ni, 2, 0.7, 40000)
    f = kiss2.parse(fb.to_kiss2(tab, n, ni, 2), name="r40000")
    table = f.table()
    offset = [0.0]
    clock = types.SimpleNamespace(monotonic=lambda: time.monotonic() + offset[0], time=time.time,
                                  process_time=time.process_time)
    for mod in CLOCKED:
        monkeypatch.setattr(importlib.import_module(mod), "time", clock)
    calls: list[tuple[str, int, object]] = []
    left = [hard_calls]
    real_solve = CS.CoverSat.solve

    def solve(self, k, timeout_s, hint=None):
        up = self.solver_name != MOD.DOWN_SOLVER
        if up and k == 15 and left[0] > 0:
            left[0] -= 1
            offset[0] += timeout_s  # the proof ran out of its time
            calls.append(("up", k, "timeout"))
            return "timeout"
        r = real_solve(self, k, timeout_s, hint)
        calls.append(("up" if up else "down", k, r if r is None or isinstance(r, str) else "sat"))
        return r

    monkeypatch.setattr(CS.CoverSat, "solve", solve)
    # the upper bound from one first-fit round, not improved (a cover well above the minimum)
    monkeypatch.setattr(MOD, "GREEDY_ROUNDS", 1)
    monkeypatch.setattr(importlib.import_module("rtlopt.fsm._greedy_cover"), "improve_partition",
                        lambda nxt, inc, part, deadline, target=0, seed=0: part)
    monkeypatch.setattr(MOD, "DOWN_JUMP", jump)
    monkeypatch.setattr(MOD, "JUMP_GAP", 100)  # the jump whenever the best cover is 2+ above lb + 1
    m = MOD.closed_cover(table, timeout_s=600.0)
    return tab, f, m, calls


@pytest.mark.parametrize("jump", [True, pytest.param(False, marks=pytest.mark.slow)])
def test_first_downward_target(monkeypatch, jump):
    tab, f, m, calls = _run(monkeypatch, jump)
    assert m.n_after == 16 and m.optimal and m.lower_bound == 16, (m.n_after, m.lower_bound, calls)
    classes = [{int(s[1:]) for s in b} for b in m.blocks]
    inc = fb.incompatibility(tab, 40, 2)
    for c in classes:
        assert all((min(a, b), max(a, b)) not in inc for a in c for b in c if a < b)
    assert fb.simulate_check(tab, 40, 2, 2, kiss2.dumps(minimized_fsm(f, m)), 5, runs=200) is None
    down = [k for who, k, _r in calls if who == "down"]
    assert down, calls
    if jump:
        # the up solver refuted 14 before the first downward turn: the jump asks for 16 directly
        assert down[0] == 16, calls
        # and never for 15 (= the bound) itself: that question stays with the upward solver
        assert 15 not in down, calls
    else:
        assert down[0] > 16, calls  # walks down from the first-fit cover (21 classes)
