"""Errors and exit codes shared by every rtlopt command.

Every failure a user can cause (bad file, missing top, missing tool) is raised as an
:class:`RtloptError` subclass carrying a one-line message and an exit code; the CLI prints
``rtlopt: <message>`` on stderr and exits with that code, never with a traceback.
"""

from __future__ import annotations

import enum
from pathlib import Path


class ExitCode(enum.IntEnum):
    """Documented process exit codes (see README, "Exit codes")."""

    OK = 0  #: success: equivalent / optimized / nothing to improve
    NOT_EQUIVALENT = 1  #: verify: designs differ (a counterexample is printed); check: findings
    USAGE = 2  #: bad command line or bad input (syntax error, missing top, unreadable file)
    UNKNOWN = 3  #: verify: no engine could decide within the limits
    NO_PROOF = 4  #: optimize: candidates existed but none could be proven equivalent
    TOOL_MISSING = 5  #: a required external tool is not installed or too old
    TOOL_FAILED = 6  #: an external tool failed on input rtlopt believed valid (a bug worth reporting)
    WRITE_FAILED = 7  #: optimize: the output could not be written (or the input changed meanwhile); input unchanged
    BUDGET_EXHAUSTED = 8  #: optimize: the time budget ran out before the input could be measured; input unchanged
    INTERRUPTED = 130  #: SIGINT (Ctrl-C): children killed, temporary files removed, nothing written
    TERMINATED = 143  #: SIGTERM (timeout, CI cancel): same clean-up as SIGINT


class RtloptError(Exception):
    """An error with a user-facing one-line message and an exit code."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, *, file: str | Path | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line:
                where += f":{self.line}"
                if self.column:
                    where += f":{self.column}"
            where += ": "
        return f"{where}{self.message}"


class InputError(RtloptError):
    """The user's input (file, flag, top name) cannot be used."""

    exit_code = ExitCode.USAGE


class UnsupportedConstruct(InputError):
    """The design uses a construct rtlopt (or the synthesis flow) cannot handle."""


class ToolNotFound(RtloptError):
    """A required external tool is missing or older than required."""

    exit_code = ExitCode.TOOL_MISSING


class WriteFailed(RtloptError):
    """The result could not be written (read-only file system, disk full, permission, or the file
    changed on disk since it was read); the file on disk is left as it was."""

    exit_code = ExitCode.WRITE_FAILED


class ToolError(RtloptError):
    """An external tool ran but failed."""

    exit_code = ExitCode.TOOL_FAILED

    def __init__(self, message: str, *, log: str = "", **kwargs) -> None:
        super().__init__(message, **kwargs)
        self.log = log


class ToolTimeout(ToolError):
    """An external tool exceeded its time limit."""


class BudgetExhausted(RtloptError):
    """The user's time budget (``--budget`` / ``--ppa-timeout``) ran out before there was a result to give."""

    exit_code = ExitCode.BUDGET_EXHAUSTED


class Interrupted(KeyboardInterrupt):
    """rtlopt was asked to stop by a signal (SIGINT: exit 130, SIGTERM: exit 143).

    A ``KeyboardInterrupt`` so that no ``except Exception`` swallows it on the way out.
    """

    def __init__(self, signum: int = 2) -> None:
        super().__init__(signum)
        self.signum = int(signum)

    @property
    def exit_code(self) -> int:
        return 128 + self.signum
