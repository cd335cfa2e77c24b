"""A ``yosys``-like command line over the pyosys wheel, run as a child process.

pyosys ends the whole Python process on any Yosys ERROR (no exception), so rtlopt never calls it
in-process: :class:`rtlopt.tools.yosys.Yosys` starts ``python -m rtlopt.tools._pyosys_main``.
Accepted flags (the subset rtlopt uses, same meaning as yosys): ``-V``, ``-q``, ``-s FILE``,
``-p COMMANDS``. Yosys writes its log to stdout and errors to stderr; exit 1 on ERROR.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from rtlopt.tools.watchdog import guard_group, self_setup

    self_setup()  # death signal and niceness (rtlopt spawns this child without a preexec fork)
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
    guard_group()  # yosys-abc children die with this process, whatever ends it
    from pyosys import libyosys as ys

    from rtlopt.tools._canon import register

    register()  # the PPA flow's ``rtlopt_canon`` pass (structural names, rtlopt.ppa._flow.canon_lines)
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
