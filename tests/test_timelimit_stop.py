"""A run that is over interrupts the analysis running in it at once (rtlopt.engine.timelimit stop
events, rtlopt.engine.search): the long suite's FFTRaw.v, which Yosys rejects (a generate-if on an
input), reported the error after 21 s instead of 4 s. The input's measurement failed in 1 s, but the
templates generator ran on: its per-matcher limits catch Deadline and go on with the next matcher, so
the search's own limit on the generator (a Deadline too) was swallowed matcher after matcher."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from rtlopt.engine.timelimit import Deadline, Stopped, stop_soon, time_limit


def _swallowing_loop(rounds: int, done: list[int]) -> None:
    """Like the templates' loop: each step under its own limit, its Deadline caught, next step."""
    for _ in range(rounds):
        try:
            with time_limit(0.2):
                time.sleep(1.0)
        except Deadline:
            pass
        done.append(1)


def test_stop_event_interrupts_through_inner_deadline_handlers():
    stop = threading.Event()
    done: list[int] = []

    def later():
        time.sleep(0.5)
        stop.set()
        stop_soon()

    threading.Thread(target=later).start()
    with pytest.raises(Stopped), time_limit(600, stop=stop):
        _swallowing_loop(200, done)
    assert len(done) < 200  # interrupted, not drained step by step to the end


def test_outer_deadline_alone_is_still_a_deadline():
    """Without a stop event the behaviour is unchanged: the outer limit raises Deadline."""
    with pytest.raises(Deadline), time_limit(0.3):
        while True:
            time.sleep(0.05)


def test_stop_set_before_entering_raises_at_once_and_stop_soon_without_limits_is_harmless():
    stop = threading.Event()
    stop.set()
    ran = []
    with pytest.raises(Stopped), time_limit(600, stop=stop):
        ran.append(1)
    assert not ran
    stop_soon()  # no active limit: no alarm is armed (the default SIGALRM action would end the process)
    time.sleep(0.05)


def test_optimize_ends_when_the_input_cannot_be_measured(tmp_path: Path, monkeypatch):
    """A slow generator (its steps under their own limits, deadlines caught) and an input whose
    measurement fails: the run ends with that failure and the generator is interrupted, not drained."""
    from rtlopt.design import open_design
    from rtlopt.engine import search
    from rtlopt.errors import InputError

    src = tmp_path / "top.v"
    src.write_text("module top(input [7:0] a, output [7:0] y);\n  assign y = a + 8'd1;\nendmodule\n")
    design = open_design([str(src)], "top")
    done: list[int] = []

    def slow(_state):
        _swallowing_loop(1000, done)
        return []

    monkeypatch.setattr(search, "_GENERATORS", {"slow": slow})

    def measure_fn(ref, texts=None, timeout=300.0):
        time.sleep(0.3)
        raise InputError("top.v:2: yosys: rejected")

    said: list[str] = []
    with pytest.raises(InputError, match="rejected"):
        search.optimize(design, budget_s=600, ppa_timeout_s=300, measure_fn=measure_fn, progress=said.append)
    assert any("interrupted: the input could not be measured" in m for m in said), said
    assert len(done) < 1000
