"""Time limits on in-process analysis steps (template matching, FSM extraction, semantic generators).

``with time_limit(seconds):`` interrupts the block by raising :class:`Deadline` (a ``BaseException``,
so no ``except Exception`` in the analysis code swallows it) from a SIGALRM handler. Limits nest; the
outermost expired one wins. Only in the main thread (signals are delivered there); elsewhere the block
runs without a limit. A C call (pyslang elaboration, a z3 query) is interrupted when it returns to
Python; z3 reports an exception raised in one of its callbacks as a ``Z3Exception`` naming it, which
:func:`is_deadline` recognizes.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator


class Deadline(BaseException):
    """Raised inside a step that ran out of time."""


class Stopped(BaseException):
    """Raised inside a step whose limit's ``stop`` event was set (the run it serves is over). Not a
    :class:`Deadline`: analysis code that catches its own matchers' deadlines and goes on with the next
    one (the templates) does not swallow it."""


_limits: list[tuple[float, type, threading.Event | None]] = []  # active (deadline, exception, stop), outermost first
_lock = threading.Lock()  # entering/leaving a limit vs. stop_soon() from another thread


def _arm() -> None:
    if not _limits:
        signal.setitimer(signal.ITIMER_REAL, 0)
        return
    left = min(d for d, _e, _s in _limits) - time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))


def _in_destructor(frame, depth: int = 8) -> bool:
    """An exception raised inside ``__del__`` is printed ("Exception ignored in ...") and lost; one
    raised inside a z3 object's ``__init__`` leaves it half built, and its ``__del__`` then prints
    "Exception ignored ... 'BoolRef' object has no attribute 'ctx'" on stderr (picorv32, loaded). A
    garbage-collector callback (hypothesis installs one in the tests) loses it the same way."""
    while frame is not None and depth > 0:
        code = frame.f_code
        if code.co_name in ("__del__", "__exit__", "close", "gc_callback"):  # (gc callbacks: hypothesis)
            return True
        # (the innermost three frames: a z3 constructor running now, not one further up the stack)
        if code.co_name == "__init__" and depth >= 6 and "z3" in code.co_filename.replace("\\", "/").split("/"):
            return True
        frame, depth = frame.f_back, depth - 1
    return False


def _fire(_sig, frame):
    now = time.monotonic()
    for d, exc, stop in _limits:  # the outermost expired (or stopped) limit wins
        stopped = stop is not None and stop.is_set()
        if d <= now or stopped:
            if _in_destructor(frame):
                signal.setitimer(signal.ITIMER_REAL, 0.02)  # raise right after the destructor returns
                return
            # fire again soon in case the analysis swallows this one (e.g. inside a destructor)
            signal.setitimer(signal.ITIMER_REAL, 0.25)
            raise Stopped() if stopped else exc()
    _arm()


def available() -> bool:
    """True when a limit can be enforced here (main thread, setitimer present)."""
    return threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")


@contextlib.contextmanager
def time_limit(seconds: float | None, exc: type = Deadline, stop: threading.Event | None = None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` by raising ``exc`` (None or <= 0: no limit), or earlier
    by raising :class:`Stopped` once ``stop`` is set and :func:`stop_soon` is called (any thread)."""
    if seconds is None or not available():
        yield
        return
    if stop is not None and stop.is_set():
        raise Stopped()
    if seconds <= 0:
        raise exc()
    with _lock:
        outer = signal.getsignal(signal.SIGALRM) if not _limits else None
        if not _limits:
            signal.signal(signal.SIGALRM, _fire)
        entry = (time.monotonic() + seconds, exc, stop)
        _limits.append(entry)
        _arm()
    try:
        yield
    finally:
        with _lock:
            _limits.remove(entry)
            _arm()
            if not _limits and outer is not None:
                signal.signal(signal.SIGALRM, outer)


def stop_soon() -> None:
    """From any thread: the limits whose ``stop`` event is set fire now (checked by the SIGALRM
    handler, delivered in the main thread); nothing when no limit is active (the handler then is not
    ours, and an alarm could end the process)."""
    with _lock:
        if _limits and hasattr(signal, "setitimer"):
            signal.setitimer(signal.ITIMER_REAL, 0.001)


def is_deadline(exc: BaseException) -> bool:
    """``exc`` is a time limit firing (directly, or wrapped by z3 when it fired inside a solver call)."""
    return isinstance(exc, Deadline) or "Deadline" in f"{type(exc).__name__}: {exc}"
