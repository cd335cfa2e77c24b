"""Common machinery for the external tools rtlopt drives.

One subclass per tool (see :mod:`rtlopt.tools`). A tool is located once per process: an
environment override (``RTLOPT_<NAME>``) wins, then the default place (a Python wheel or PATH).
``require()`` checks the version and raises :class:`~rtlopt.errors.ToolNotFound` with an install
hint. Only this package starts processes; everything else in rtlopt is pure.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rtlopt.errors import ToolError, ToolNotFound, ToolTimeout
from rtlopt.tools.sandbox import confine


def parse_version(text: str) -> tuple[int, ...]:
    """The first dotted number in ``text`` as a tuple (``"Yosys 0.70+1"`` → ``(0, 70)``)."""
    m = re.search(r"(\d+)\.(\d+)(?:\.(\d+))?", text)
    if not m:
        return ()
    return tuple(int(g) for g in m.groups() if g is not None)


@dataclass
class RunResult:
    """What a finished tool process left behind."""

    argv: list[str]
    returncode: int
    stdout: str
    stderr: str
    seconds: float


@dataclass
class Tool:
    """Base class: subclasses set the class attributes and may override ``_default_command``."""

    name: str = ""
    env_var: str = ""
    executable: str = ""
    min_version: tuple[int, ...] = ()
    install_hint: str = ""
    version_args: tuple[str, ...] = ("--version",)
    extra_env: dict[str, str] = field(default_factory=dict)
    #: confine runs (no writes outside ``cwd``; see rtlopt.tools.sandbox): None = while untrusted text is about
    sandbox: bool | None = None

    # -- location -------------------------------------------------------------------------
    def _default_command(self) -> list[str] | None:
        path = shutil.which(self.executable)
        return [path] if path else None

    @cached_property
    def command(self) -> list[str] | None:
        """The argv prefix that starts the tool, or None when it is not found."""
        override = os.environ.get(self.env_var) if self.env_var else None
        if override:
            path = shutil.which(override) or (override if Path(override).exists() else None)
            return [path] if path else None
        return self._default_command()

    @property
    def source(self) -> str:
        """Where the tool was found (for provenance and ``rtlopt doctor``)."""
        if self.env_var and os.environ.get(self.env_var):
            return f"${self.env_var}"
        return "default"

    @cached_property
    def version_text(self) -> str | None:
        """The tool's own version line, or None when it is not found or does not answer."""
        if not self.command:
            return None
        try:
            res = self._run_raw([*self.command, *self.version_args], timeout=60)
        except (OSError, ToolTimeout):
            return None
        text = (res.stdout + "\n" + res.stderr).strip()
        for line in text.splitlines():
            if parse_version(line):
                return line.strip()
        return text.splitlines()[0].strip() if text else None

    @property
    def version(self) -> tuple[int, ...]:
        return parse_version(self.version_text or "")

    def available(self) -> bool:
        return self.problem() is None

    def problem(self) -> str | None:
        """Why the tool cannot be used, or None when it can."""
        if not self.command:
            where = f" (${self.env_var} points to a missing file)" if self.env_var and os.environ.get(
                self.env_var) else ""
            return f"{self.name} not found{where}: {self.install_hint}"
        if self.min_version and self.version < self.min_version:
            want = ".".join(map(str, self.min_version))
            return (f"{self.name} {self.version_text or '(unknown version)'} is older than the required "
                    f"{want}: {self.install_hint}")
        return None

    def require(self) -> Tool:
        """Return self, or raise ToolNotFound with an install hint."""
        msg = self.problem()
        if msg:
            raise ToolNotFound(msg)
        return self

    # -- running --------------------------------------------------------------------------
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(self.extra_env)
        return env

    def _run_raw(self, argv: list[str], *, cwd: str | Path | None = None, timeout: float | None = None,
                 input_text: str | None = None) -> RunResult:
        start = time.monotonic()
        argv, env = confine(argv, self.env(), cwd, force=self.sandbox)
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.PIPE if input_text else
                                subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, errors="replace", start_new_session=True)
        try:
            out, err = proc.communicate(input_text, timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_group(proc)
            out, err = proc.communicate()
            raise ToolTimeout(f"{self.name} exceeded its time limit of {timeout:g} s",
                              log=(out or "") + (err or "")) from None
        except BaseException:
            kill_group(proc)
            raise
        return RunResult(argv, proc.returncode, out, err, time.monotonic() - start)

    def run(self, args: list[str], *, cwd: str | Path | None = None, timeout: float | None = None,
            input_text: str | None = None, check: bool = True) -> RunResult:
        """Run the tool with ``args``; raise ToolError on a non-zero exit when ``check``."""
        self.require()
        assert self.command is not None
        res = self._run_raw([*self.command, *args], cwd=cwd, timeout=timeout, input_text=input_text)
        if check and res.returncode != 0:
            raise ToolError(f"{self.name} failed (exit {res.returncode}): {first_error(res)}",
                            log=res.stdout + res.stderr)
        return res


def kill_group(proc: subprocess.Popen) -> None:
    """Kill a child started with ``start_new_session`` and everything it started."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


def first_error(res: RunResult) -> str:
    """The most telling error line of a failed run."""
    for stream in (res.stderr, res.stdout):
        for line in stream.splitlines():
            if "ERROR" in line or "Error" in line or "error:" in line:
                return line.strip()
    tail = (res.stderr or res.stdout).strip().splitlines()
    return tail[-1].strip() if tail else "no output"
