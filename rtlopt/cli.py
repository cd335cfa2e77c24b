"""Command line: ``rtlopt <command> ...``.

Each subcommand lives in ``rtlopt/commands/<name>.py`` with ``register(subparsers)``, which adds its
parser and sets ``func(args) -> int``. ``main()`` turns every :class:`RtloptError` into one line on
stderr and its exit code (see :class:`rtlopt.errors.ExitCode`), never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from rtlopt import __version__
from rtlopt.errors import ExitCode, RtloptError

#: Subcommand modules, in the order ``rtlopt --help`` lists them.
COMMANDS = ("optimize", "check", "verify", "simulate", "ppa", "fsm", "rules", "bench", "doctor")

EPILOG = """exit codes: 0 ok/equivalent, 1 not equivalent (verify) or findings (check), 2 bad input or usage,
3 unknown (verify could not decide), 4 no candidate could be proven (optimize), 5 tool missing,
6 tool failed unexpectedly, 130 interrupted"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, like every other input error
        self.print_usage(sys.stderr)
        print(f"rtlopt: {message}", file=sys.stderr)
        sys.exit(ExitCode.USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="rtlopt", description="Proven-equivalent RTL optimization with real PPA.",
                     epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"rtlopt {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        try:
            mod = importlib.import_module(f"rtlopt.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"rtlopt.commands.{name}":
                continue
            raise
        mod.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return ExitCode.USAGE
    try:
        return int(args.func(args))
    except RtloptError as exc:
        print(f"rtlopt: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print("rtlopt: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return int(ExitCode.OK)


if __name__ == "__main__":
    sys.exit(main())
