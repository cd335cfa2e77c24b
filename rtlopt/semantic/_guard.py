"""Shared wrapper of the search loop's semantic generators."""

from __future__ import annotations

import functools
import time


def never_raises(fn):
    """A search-loop generator that returns no candidates instead of raising: an analysis bug must not stop
    the optimizer (every candidate is proven anyway, so no result is lost beyond this generator's)."""
    @functools.wraps(fn)
    def run(state) -> list:
        try:
            return fn(state)
        except Exception:  # noqa: BLE001
            return []
    return run


def generator_deadline(state, budget_s: float) -> float:
    """The monotonic time a generator stops at: its own budget, or the search's deadline if earlier."""
    deadline = time.monotonic() + budget_s
    if getattr(state, "deadline", None):
        deadline = min(deadline, state.deadline)
    return deadline
