"""Engines raced in parallel lanes (sequential miters; combinational multipliers): cancellation points shared by the engines.

A proof of a sequential miter runs its engines in lanes (see ``check_equivalence``): bit-level ABC
in one, z3 in another, the structural engines (register correspondence, the complete engines) in a
third. The first lane with a decision (EQUIVALENT or NOT EQUIVALENT) ends the others:

- every child process a lane thread starts is killed (:class:`rtlopt.tools.base.ChildScope`);
- z3 contexts the lane registered are interrupted (:func:`on_stop`);
- the engines' own time checks (``_smt.Budget``, the algebraic engine's budget, the exhaustive
  engine's deadline) read :func:`stopped` and end as if their time were up.

A stopped engine only ever ends UNKNOWN (out of time); its outcome is discarded anyway. Outside a
lane thread :func:`stopped` is always False, so the engines behave exactly as before.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

_LOCAL = threading.local()


class StopToken:
    """The stop signal of one lane: an event plus callbacks (z3 ``Context.interrupt``) run once."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], object]] = []

    def is_set(self) -> bool:
        return self.event.is_set()

    def add(self, fn: Callable[[], object]) -> None:
        """Run ``fn`` when the lane is stopped (at once when it already is)."""
        with self._lock:
            if not self.event.is_set():
                self._callbacks.append(fn)
                return
        with contextlib.suppress(Exception):
            fn()

    def stop(self) -> None:
        with self._lock:
            if self.event.is_set():
                return
            self.event.set()
            callbacks, self._callbacks = self._callbacks, []
        for fn in callbacks:
            with contextlib.suppress(Exception):
                fn()


@contextlib.contextmanager
def lane(token: StopToken):
    """Mark the current thread as a lane stopped by ``token``."""
    before = getattr(_LOCAL, "token", None)
    _LOCAL.token = token
    try:
        yield token
    finally:
        _LOCAL.token = before


def stopped() -> bool:
    """Whether the current thread is a lane whose race is decided (its engine should end now)."""
    tok = getattr(_LOCAL, "token", None)
    return tok is not None and tok.is_set()


def on_stop(fn: Callable[[], object]) -> None:
    """Run ``fn`` (from another thread) when the current lane is stopped; nothing outside a lane."""
    tok = getattr(_LOCAL, "token", None)
    if tok is not None:
        tok.add(fn)


__all__ = ["StopToken", "lane", "on_stop", "stopped"]
