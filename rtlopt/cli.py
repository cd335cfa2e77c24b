"""Command line: ``rtlopt <command> ...``.

Each subcommand lives in ``rtlopt/commands/<name>.py`` with ``register(subparsers)``, which adds its
parser and sets ``func(args) -> int``. ``main()`` turns every :class:`RtloptError` into one line on
stderr and its exit code (see :class:`rtlopt.errors.ExitCode`), never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import signal
import sys

from rtlopt import __version__
from rtlopt.errors import ExitCode, Interrupted, RtloptError

#: Subcommand modules, in the order ``rtlopt --help`` lists them.
COMMANDS = ("optimize", "check", "verify", "simulate", "ppa", "fsm", "rules", "bench", "doctor")

EPILOG = """exit codes: 0 ok/equivalent, 1 not equivalent (verify) or findings (check), 2 bad input or usage,
3 unknown (verify could not decide), 4 no candidate could be proven (optimize), 5 tool missing,
6 tool failed unexpectedly, 7 output not written
(input unchanged), 130 interrupted (SIGINT), 143 terminated (SIGTERM); with --json every
outcome, errors and interrupts included, is one JSON object on stdout"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, like every other input error
        self.print_usage(sys.stderr)
        print(f"rtlopt: {message}", file=sys.stderr)
        raise _UsageExit(message)


class _UsageExit(SystemExit):
    def __init__(self, message: str) -> None:
        super().__init__(int(ExitCode.USAGE))
        self.message = message


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The ``rtlopt`` parser; with ``only`` (a command name) just that command's subparser, so a run of
    one command does not import every other command's modules (``rtlopt check`` as a hook spent a
    second of its start importing the optimizer)."""
    parser = _Parser(prog="rtlopt", description="Proven-equivalent RTL optimization with real PPA.",
                     epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"rtlopt {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        if only is not None and name != only:
            continue
        try:
            mod = importlib.import_module(f"rtlopt.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"rtlopt.commands.{name}":
                continue
            raise
        mod.register(sub)
    return parser


def _json_error(argv: list[str], command: str | None, code: int, message: str, exc=None) -> None:
    """With ``--json``: the error as one JSON object on stdout (the one-line message stays on stderr)."""
    if "--json" not in argv:
        return
    data = {"tool": "rtlopt", "version": __version__, "command": command, "status": "error",
            "exit_code": int(code), "error": message}
    for key in ("file", "line", "column"):
        if exc is not None and getattr(exc, key, None) is not None:
            data[key] = getattr(exc, key)
    with contextlib.suppress(OSError, ValueError):
        print(json.dumps(data, indent=2))


def run(argv: list[str]) -> int:
    """Parse ``argv`` and run the command; every outcome is an exit code (never a traceback)."""
    command = None
    try:
        parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else None)
        args = parser.parse_args(argv)
        command = getattr(args, "command", None)
        if not getattr(args, "func", None):
            parser.print_help()
            return ExitCode.USAGE
        return int(args.func(args))
    except _UsageExit as exc:
        _json_error(argv, command, ExitCode.USAGE, exc.message)
        return int(ExitCode.USAGE)
    except SystemExit as exc:  # --help, --version
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except RtloptError as exc:
        print(f"rtlopt: {exc}", file=sys.stderr)
        _json_error(argv, command, exc.exit_code, str(exc), exc)
        return int(exc.exit_code)
    except KeyboardInterrupt as exc:
        from rtlopt.tools.base import kill_all_children, request_stop

        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        request_stop(signum)
        kill_all_children()
        what = "terminated (SIGTERM)" if signum == signal.SIGTERM else "interrupted (SIGINT)"
        with contextlib.suppress(OSError, ValueError):
            print(f"rtlopt: {what}; child processes killed, nothing written", file=sys.stderr)
        _json_error(argv, command, 128 + signum, what)
        return 128 + int(signum)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return int(ExitCode.OK)


def _on_signal(signum, _frame) -> None:
    from rtlopt.tools.base import request_stop, stopping

    if stopping():  # already on the way out
        return
    request_stop(signum)
    raise Interrupted(signum)


def _finish(code: int) -> None:
    """The end of an ``rtlopt`` process: no child, no temporary file, no thread keeps it alive."""
    from rtlopt.tools.base import kill_all_children, remove_run_tmpdir

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_IGN)  # a late signal must not interrupt the clean-up
    kill_all_children()
    from rtlopt.tools import _forkserver

    _forkserver.shutdown()  # reaped (its children's CPU counted in this process's) before the exit
    remove_run_tmpdir()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    # os._exit: a hung daemon/non-daemon thread (an LLM client, a pool worker) must not keep the
    # process alive once the report is out; everything worth keeping was flushed and cleaned above
    os._exit(code)


#: True when ``main()`` owns the process (``python -m rtlopt``): budgets then count from the process
#: start (``rtlopt.PROCESS_STARTED``), not from the command's own start
PROCESS_ENTRY = False


def main(argv: list[str] | None = None) -> int:
    """Entry point. Called with ``argv`` (tests, embedding) it returns the exit code; as the process
    entry (``argv`` None) it also owns the process: SIGINT/SIGTERM handlers that kill every child
    process group, one temporary root removed at exit, and a hard exit once the output is flushed."""
    if argv is not None:
        return run(list(argv))
    global PROCESS_ENTRY
    PROCESS_ENTRY = True
    install_signal_handlers()
    code = 1
    try:
        from rtlopt.tools.base import make_run_tmpdir

        make_run_tmpdir()
        code = run(sys.argv[1:])
    except KeyboardInterrupt as exc:  # a signal outside run() (start-up)
        code = 128 + (exc.signum if isinstance(exc, Interrupted) else signal.SIGINT)
    except Exception as exc:  # noqa: BLE001 - a bug in rtlopt: one line, exit 6, never a silent code
        code = int(ExitCode.TOOL_FAILED)
        with contextlib.suppress(Exception):
            if os.environ.get("RTLOPT_DEBUG"):
                import traceback

                traceback.print_exc()
            msg = f"internal error: {type(exc).__name__}: {exc} (please report it; RTLOPT_DEBUG=1 shows where)"
            print(f"rtlopt: {msg}", file=sys.stderr)
            _json_error(sys.argv[1:], None, code, msg)
    finally:
        _finish(code)
    return code  # not reached


def install_signal_handlers() -> None:
    """SIGINT and SIGTERM kill every child process group and end rtlopt with 130 / 143.

    A SIGINT that was ignored when the process started (``nohup``, a background job of a
    non-interactive shell) stays ignored, as for any Unix program."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(ValueError, OSError):  # not in the main thread
            if sig == signal.SIGINT and _INHERITED_SIGINT_IGNORED:
                continue
            signal.signal(sig, _on_signal)


_INHERITED_SIGINT_IGNORED = (os.environ.get("RTLOPT_SIGINT_IGNORED") == "1"
                             or signal.getsignal(signal.SIGINT) is signal.SIG_IGN)


if __name__ == "__main__":
    sys.exit(main())
