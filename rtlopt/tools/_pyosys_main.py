"""A ``yosys``-like command line over the pyosys wheel, run as a child process.

pyosys ends the whole Python process on any Yosys ERROR (no exception), so rtlopt never calls it
in-process: :class:`rtlopt.tools.yosys.Yosys` starts ``python -m rtlopt.tools._pyosys_main``.
Accepted flags (the subset rtlopt uses, same meaning as yosys): ``-V``, ``-q``, ``-s FILE``,
``-p COMMANDS``. Yosys writes its log to stdout and errors to stderr; exit 1 on ERROR.
"""

from __future__ import annotations

import os
import signal
import sys


def _start_watchdog() -> None:
    """Fork a tiny process that kills this process group when this process ends.

    rtlopt starts this process as the leader of its own group with PR_SET_PDEATHSIG (SIGKILL when
    rtlopt dies). Yosys's own children (``yosys-abc``) do not have that, so the watchdog - in the same
    group, with PR_SET_PDEATHSIG=SIGTERM relative to this process - kills the whole group the moment
    this process is gone, whatever ended it.
    """
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


def main(argv: list[str]) -> int:
    scripts: list[str] = []
    commands: list[str] = []
    quiet = False
    it = iter(argv)
    for arg in it:
        if arg == "-V":
            from pyosys import libyosys as ys

            print(ys.yosys_maybe_version())
            return 0
        if arg == "-q":
            quiet = True
        elif arg == "-s":
            scripts.append(next(it))
        elif arg == "-p":
            commands.append(next(it))
        else:
            print(f"ERROR: unsupported argument {arg!r}", file=sys.stderr)
            return 2
    if os.getpid() == os.getpgid(0):  # our own group (as rtlopt starts us): guard it
        _start_watchdog()
    from pyosys import libyosys as ys

    design = ys.Design()
    if quiet:
        ys.run_pass("logger -notime", design)
    for cmd in commands:
        ys.run_pass(cmd, design)
    for path in scripts:
        ys.run_pass(f"script {path}", design)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
