"""Group watchdog for rtlopt's Python child processes (Yosys via pyosys, cocotb, bench workers).

rtlopt starts every child as the leader of its own process group with PR_SET_PDEATHSIG (SIGKILL when
rtlopt dies, see :func:`rtlopt.tools.base.popen_child`). The child's own children (``yosys-abc``,
``iverilog``/``vvp`` under cocotb) do not have that. :func:`guard_group` forks a tiny process in the
same group, with PR_SET_PDEATHSIG=SIGTERM relative to the child, that kills the whole group the
moment the child is gone, whatever ended it (normal exit, SIGKILL, rtlopt's death).
"""

from __future__ import annotations

import contextlib
import os
import signal


def self_setup() -> None:
    """What :func:`rtlopt.tools.base.child_preexec` does in the parent's fork, done by a Python child
    itself first thing (``RTLOPT_CHILD_SETUP=ppid:signal:nice``, set by
    :func:`rtlopt.tools.base.popen_child`, which then spawns it without a fork of the parent): the
    death signal when rtlopt dies, the niceness, and an exit when rtlopt already died before the
    death signal took effect. Without the variable (started by hand): nothing."""
    spec = os.environ.pop("RTLOPT_CHILD_SETUP", None)
    if not spec:
        return
    try:
        ppid, sig, nice = (int(x) for x in spec.split(":"))
    except ValueError:
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, sig, 0, 0, 0)  # PR_SET_PDEATHSIG
    if nice > 0:
        with contextlib.suppress(OSError):
            os.nice(nice)
    if os.getppid() != ppid:  # the parent died before the death signal was set
        os._exit(137)


def guard_group() -> None:
    """Start the watchdog when this process leads its own group (as rtlopt starts it); else no-op."""
    try:
        if os.getpid() != os.getpgid(0):
            return
    except OSError:
        return
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:
        return
    if pid:
        return
    try:
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)  # hold none of the caller's pipes open
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, lambda *_: os.killpg(0, signal.SIGKILL))
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:
            os.killpg(0, signal.SIGKILL)
        while True:
            signal.pause()
    finally:
        os._exit(0)
