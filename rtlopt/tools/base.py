"""Common machinery for the external tools rtlopt drives.

One subclass per tool (see :mod:`rtlopt.tools`). A tool is located once per process: an
environment override (``RTLOPT_<NAME>``) wins, then the default place (a Python wheel or PATH).
``require()`` checks the version and raises :class:`~rtlopt.errors.ToolNotFound` with an install
hint. Only this package starts processes; everything else in rtlopt is pure.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rtlopt.errors import Interrupted, ToolError, ToolNotFound, ToolTimeout
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

    #: Set when the version query timed out (a loaded machine), so ``problem`` does not call the
    #: tool "too old".
    version_timed_out: bool = field(default=False, init=False, repr=False, compare=False)

    @cached_property
    def version_text(self) -> str | None:
        """The tool's own version line, or None when it is not found or does not answer."""
        if not self.command:
            return None
        try:
            res = self._run_raw([*self.command, *self.version_args], timeout=60)
        except ToolTimeout:
            self.version_timed_out = True
            return None
        except OSError:
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
            if self.version_text is None and self.version_timed_out:
                return None  # the tool is there; a query that timed out says nothing about its age
            want = ".".join(map(str, self.min_version))
            return (f"{self.name} {self.version_text or '(unknown version)'} is older than the required "
                    f"{want}: {self.install_hint}")
        return None

    def require(self) -> Tool:
        """Return self, or raise ToolNotFound with an install hint.

        A version query that timed out (machine under load) is not a reason to refuse the tool: it
        is used, and ``version_note`` says the version is unknown because the query timed out.
        """
        msg = self.problem()
        if msg:
            raise ToolNotFound(msg)
        return self

    @property
    def version_note(self) -> str:
        """``"version query timed out"`` when it did, else the version line (or ``unknown``)."""
        if self.version_text is None and self.version_timed_out:
            return "version query timed out"
        return self.version_text or "unknown"

    # -- running --------------------------------------------------------------------------
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(self.extra_env)
        return env

    def _run_raw(self, argv: list[str], *, cwd: str | Path | None = None, timeout: float | None = None,
                 input_text: str | None = None) -> RunResult:
        start = time.monotonic()
        argv, env = confine(argv, self.env(), cwd, force=self.sandbox)
        proc = popen_child(argv, cwd=cwd, env=env, stdin=subprocess.PIPE if input_text else
                           subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, errors="replace")
        try:
            out, err = proc.communicate(input_text, timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_group(proc)
            out, err = proc.communicate()
            raise ToolTimeout(f"{self.name} exceeded its time limit of {timeout:g} s",
                              log=(out or "") + (err or "")) from None
        except BaseException:
            kill_group(proc)
            with contextlib.suppress(BaseException):
                proc.wait(5)
            raise
        finally:
            forget_child(proc)
        if stopping():
            raise Interrupted(_STOP_SIGNAL[0] or signal.SIGTERM)
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


# -- process hygiene ------------------------------------------------------------------------------
# Every child rtlopt starts is the leader of its own process group (session), dies with the thread
# that started it (PR_SET_PDEATHSIG, so a SIGKILLed rtlopt leaves no children), and is tracked in
# _LIVE so that a SIGINT/SIGTERM handler can kill every group at once. Once stopping() is true no
# new child is started.

_LIVE: dict[int, subprocess.Popen] = {}
_LIVE_LOCK = threading.Lock()
_STOP = threading.Event()
_STOP_SIGNAL: list[int] = [0]
_PR_SET_PDEATHSIG = 1


def _load_prctl():
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


_PRCTL = _load_prctl()


#: Niceness added to the children started in the background (see :func:`background_children`).
BACKGROUND_NICE = 10
_BACKGROUND = [0]
_BACKGROUND_LOCK = threading.Lock()
_FOREGROUND = threading.local()


@contextlib.contextmanager
def background_children():
    """While active, children started by threads not marked :func:`foreground` run at a lower CPU
    priority (``nice +BACKGROUND_NICE``): speculative analyses then leave the CPU to the work the
    run waits for (the input's PPA measurement) on a loaded machine, and cost nothing on an idle one.
    Only the scheduling priority changes, never what a tool computes."""
    with _BACKGROUND_LOCK:
        _BACKGROUND[0] += 1
    try:
        yield
    finally:
        with _BACKGROUND_LOCK:
            _BACKGROUND[0] -= 1


@contextlib.contextmanager
def foreground():
    """Children started by this thread keep the normal priority, even under :func:`background_children`."""
    before = getattr(_FOREGROUND, "on", False)
    _FOREGROUND.on = True
    try:
        yield
    finally:
        _FOREGROUND.on = before


def _child_nice() -> int:
    return BACKGROUND_NICE if _BACKGROUND[0] > 0 and not getattr(_FOREGROUND, "on", False) else 0


def child_preexec(death_signal: int = signal.SIGKILL, nice: int = 0):
    """A ``preexec_fn``: new session (own process group), ``death_signal`` when the parent dies, and
    ``nice`` added to the child's niceness (lower CPU priority)."""
    parent = os.getpid()
    prctl = _PRCTL

    def setup() -> None:
        os.setsid()
        if prctl is not None:
            prctl(_PR_SET_PDEATHSIG, int(death_signal), 0, 0, 0)
        if nice > 0:
            with contextlib.suppress(OSError):
                os.nice(nice)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(137)

    return setup


#: Python children that set up their own death signal and niceness (:func:`rtlopt.tools.watchdog.
#: self_setup`, from ``RTLOPT_CHILD_SETUP``) first thing after start: they are started without a
#: ``preexec_fn``, so Python spawns them with vfork instead of fork()ing the whole rtlopt process (a
#: 400 MB optimizer process: about 23 ms of CPU and 10-100 ms of wall time per child under load, and a
#: run starts 60-140 Yosys children). Every other child keeps :func:`child_preexec`.
SELF_SETUP_MODULES = frozenset({"rtlopt.tools._pyosys_main"})
SELF_SETUP_ENV = "RTLOPT_CHILD_SETUP"


def _self_setup(argv: list[str]) -> bool:
    import sys

    if len(argv) < 3 or argv[0] != sys.executable or _PRCTL is None:
        return False
    i = 2 if argv[1] == "-S" else 1  # (python -S: see rtlopt.tools.yosys.Yosys)
    return len(argv) > i + 1 and argv[i] == "-m" and argv[i + 1] in SELF_SETUP_MODULES


def popen_child(argv: list[str], **kwargs) -> subprocess.Popen:
    """``subprocess.Popen`` for every child rtlopt starts: own process group, dies with rtlopt, tracked.

    Raises:
        Interrupted: rtlopt is stopping (a SIGINT/SIGTERM arrived); no new child is started.
    """
    if _STOP.is_set():
        raise Interrupted(_STOP_SIGNAL[0] or signal.SIGTERM)
    kwargs.pop("start_new_session", None)
    nice = _child_nice()
    if _self_setup(argv):
        env = dict(kwargs.pop("env", None) or os.environ)
        env[SELF_SETUP_ENV] = f"{os.getpid()}:{int(signal.SIGKILL)}:{nice}"
        spawn = dict(kwargs, env=env, start_new_session=True)
    else:
        spawn = dict(kwargs, preexec_fn=child_preexec(nice=nice))
    with _LIVE_LOCK:
        proc = subprocess.Popen(argv, **spawn)  # noqa: PLW1509
        _LIVE[proc.pid] = proc
    if _STOP.is_set():  # a signal arrived while it started
        kill_group(proc)
    scope = getattr(_SCOPE, "scope", None)
    if scope is not None:
        scope.add(proc)
    return proc


def forget_child(proc: subprocess.Popen) -> None:
    with _LIVE_LOCK:
        _LIVE.pop(proc.pid, None)
    scope = getattr(proc, "_rtlopt_scope", None)
    if scope is not None:
        scope.discard(proc)


class ChildScope:
    """The children started by the threads inside :func:`child_scope`; :meth:`cancel` kills those still
    running (and any started later), e.g. the engines of a proof lane whose race another lane decided."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._procs: set[subprocess.Popen] = set()
        self.cancelled = False

    def add(self, proc: subprocess.Popen) -> None:
        with self._lock:
            if not self.cancelled:
                self._procs.add(proc)
                proc._rtlopt_scope = self  # type: ignore[attr-defined]
                return
        kill_group(proc)

    def discard(self, proc: subprocess.Popen) -> None:
        with self._lock:
            self._procs.discard(proc)

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            procs, self._procs = list(self._procs), set()
        for proc in procs:
            kill_group(proc)


_SCOPE = threading.local()


@contextlib.contextmanager
def child_scope(scope: ChildScope):
    """Children this thread starts while active belong to ``scope``."""
    before = getattr(_SCOPE, "scope", None)
    _SCOPE.scope = scope
    try:
        yield scope
    finally:
        _SCOPE.scope = before


def live_children() -> list[subprocess.Popen]:
    with _LIVE_LOCK:
        return list(_LIVE.values())


def kill_all_children() -> int:
    """Kill the process group of every tracked child; return how many groups were signalled."""
    procs = live_children()
    for p in procs:
        kill_group(p)
    return len(procs)


def stopping() -> bool:
    """True once a SIGINT/SIGTERM asked rtlopt to stop."""
    return _STOP.is_set()


def request_stop(signum: int) -> None:
    """Refuse new children from now on and kill every live child group."""
    if not _STOP_SIGNAL[0]:
        _STOP_SIGNAL[0] = int(signum)
    _STOP.set()
    kill_all_children()


# -- the per-run temporary root -------------------------------------------------------------------
_ROOT_PREFIX = "rtlopt-run-"
_ROOT: list[str] = []


def make_run_tmpdir() -> str:
    """Create this process's temporary root and make it the default for rtlopt and its children.

    Every temporary file or directory rtlopt or a child creates (``tempfile``, Yosys's and ABC's
    ``yosys-abc-*`` directories through ``$TMPDIR``) lands under it, so removing it is one rmtree.
    Roots left by rtlopt processes that no longer exist (SIGKILLed) are removed first.
    """
    if _ROOT:
        return _ROOT[0]
    base = tempfile.gettempdir()
    sweep_stale_tmpdirs(base)
    root = tempfile.mkdtemp(prefix=f"{_ROOT_PREFIX}{os.getpid()}-", dir=base)
    _ROOT.append(root)
    tempfile.tempdir = root
    os.environ["TMPDIR"] = root
    return root


def remove_run_tmpdir() -> None:
    for root in _ROOT:
        for _ in range(3):
            shutil.rmtree(root, ignore_errors=True)
            if not os.path.exists(root):
                break
            time.sleep(0.05)


def sweep_stale_tmpdirs(base: str) -> None:
    """Remove ``rtlopt-run-<pid>-*`` roots (ours) whose process is gone."""
    with contextlib.suppress(OSError):
        for name in os.listdir(base):
            if not name.startswith(_ROOT_PREFIX):
                continue
            m = re.match(rf"{_ROOT_PREFIX}(\d+)-", name)
            path = os.path.join(base, name)
            if not m or not os.path.isdir(path) or os.stat(path).st_uid != os.getuid():
                continue
            try:
                os.kill(int(m.group(1)), 0)
            except ProcessLookupError:
                shutil.rmtree(path, ignore_errors=True)
            except PermissionError:
                pass


def first_error(res: RunResult) -> str:
    """The most telling error line of a failed run."""
    for stream in (res.stderr, res.stdout):
        for line in stream.splitlines():
            if "ERROR" in line or "Error" in line or "error:" in line:
                return line.strip()
    tail = (res.stderr or res.stdout).strip().splitlines()
    return tail[-1].strip() if tail else "no output"
