"""A fork server for the PPA flow's Yosys runs: one pyosys process, imported once, forks a fresh child
per script.

Every PPA measurement runs two or three Yosys processes (:mod:`rtlopt.ppa._flow`), an optimizer run
60-140 of them; each ``python -m rtlopt.tools._pyosys_main`` spends about 45 ms of CPU starting Python and
loading libyosys before its first pass. The server (``python -S -m rtlopt.tools._forkserver``) does that
once; a child forked from it is in the state a fresh process is in after the same imports (the server
never runs a Yosys pass itself), so what the child computes is what a fresh process computes.

Each child: its own session (process group; the caller kills it with ``os.killpg`` on a time-out or a
stop, as with any rtlopt child), SIGKILL when the server dies, the niceness asked for, stdout/stderr
to files the caller reads. The server ends (killing its children) when its stdin closes, i.e. when
rtlopt ends whatever way. Any failure of the server makes :func:`run_script` return None and the caller
starts a normal child. ``RTLOPT_FORKSERVER=0`` turns it off.

Protocol (one JSON object per line): request ``{"id", "argv", "cwd", "env", "nice", "out", "err"}`` on the
server's stdin; replies ``{"id", "pid"}`` after the fork and ``{"id", "rc"}`` when the child ended.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys

# --------------------------------------------------------------------------------------------- server


def _child(req: dict, server: int, keep: set[int]) -> None:  # pragma: no cover - runs in the fork
    code = 1
    try:
        os.setsid()
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
        if os.getppid() != server:
            os._exit(137)
        for sig in (signal.SIGCHLD, signal.SIGINT, signal.SIGTERM, signal.SIGPIPE):
            signal.signal(sig, signal.SIG_DFL)
        signal.set_wakeup_fd(-1)
        if req.get("nice", 0) > 0:
            os.nice(int(req["nice"]))
        os.chdir(req["cwd"])
        fin = os.open(os.devnull, os.O_RDONLY)
        fout = os.open(req["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        ferr = os.open(req["err"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        for fd, target in ((fin, 0), (fout, 1), (ferr, 2)):
            os.dup2(fd, target)
            os.close(fd)
        for fd in keep:
            os.close(fd)
        os.environ.clear()
        os.environ.update(req["env"])
        from rtlopt.tools import _pyosys_main

        code = _pyosys_main.main(list(req["argv"]))
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException as exc:  # noqa: BLE001 - report and exit, never return into the server loop
        with contextlib.suppress(OSError):
            os.write(2, f"ERROR: rtlopt fork server child: {exc!r}\n".encode())
        code = 1
    os._exit(code)


def serve() -> int:  # pragma: no cover - exercised through run_script in a child process
    import selectors

    from pyosys import libyosys  # noqa: F401 - loaded once, before any fork

    from rtlopt.tools import _canon, _pyosys_main  # noqa: F401 - imported once too

    server = os.getpid()
    rd, wr = os.pipe()
    os.set_blocking(rd, False)
    os.set_blocking(wr, False)
    signal.set_wakeup_fd(wr)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    out = sys.stdout
    running: dict[int, object] = {}
    sel = selectors.DefaultSelector()
    sel.register(0, selectors.EVENT_READ)
    sel.register(rd, selectors.EVENT_READ)
    buf = b""
    open_in = True

    def reply(obj: dict) -> None:
        out.write(json.dumps(obj) + "\n")
        out.flush()

    def reap() -> None:
        while running:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            rid = running.pop(pid, None)
            if rid is not None:
                reply({"id": rid, "rc": os.waitstatus_to_exitcode(status)})

    while open_in or running:
        for key, _ in sel.select(timeout=1.0):
            if key.fd == rd:
                try:
                    while os.read(rd, 512):
                        pass
                except BlockingIOError:
                    pass
                continue
            chunk = os.read(0, 65536)
            if not chunk:
                open_in = False
                sel.unregister(0)
                for pid in list(running):  # rtlopt is gone or done: nothing waits for these
                    with contextlib.suppress(OSError):
                        os.killpg(pid, signal.SIGKILL)
                continue
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                req = json.loads(line)
                out.flush()
                pid = os.fork()
                if pid == 0:
                    _child(req, server, {rd, wr})
                running[pid] = req["id"]
                reply({"id": req["id"], "pid": pid})
        reap()
    return 0


# --------------------------------------------------------------------------------------------- client

import itertools  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402

_LOCK = threading.Lock()
_SERVER: list = []  # [_Client] while one runs; [None] once it failed (no new attempt in this process)


class _Pid:
    """What rtlopt's child registry needs of a child (``pid``: its process group)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid


class _Client:
    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen([sys.executable, "-S", "-m", "rtlopt.tools._forkserver"], env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     start_new_session=True, cwd=tempfile.gettempdir())
        self.owner = os.getpid()  # a forked copy of this process must not share the pipe
        self.ids = itertools.count(1)
        self.waiting: dict[int, dict] = {}
        self.cond = threading.Condition()
        self.dead = False
        self.write_lock = threading.Lock()
        threading.Thread(target=self._read, name="rtlopt-forkserver", daemon=True).start()

    def _read(self) -> None:
        try:
            for line in self.proc.stdout:
                msg = json.loads(line)
                with self.cond:
                    self.waiting.setdefault(msg["id"], {}).update(msg)
                    self.cond.notify_all()
        except (OSError, ValueError):
            pass
        with self.cond:
            self.dead = True
            self.cond.notify_all()

    def _wait(self, rid: int, key: str, until: float | None) -> dict | None:
        with self.cond:
            while True:
                got = self.waiting.get(rid, {})
                if key in got:
                    return got
                if self.dead:
                    return None
                left = None if until is None else until - time.monotonic()
                if left is not None and left <= 0:
                    return None
                self.cond.wait(left if left is None else min(left, 1.0))

    def run(self, argv: list[str], cwd: str, env: dict[str, str], nice: int, timeout: float | None):
        from rtlopt.errors import ToolTimeout
        from rtlopt.tools import base

        start = time.monotonic()
        fd, out = tempfile.mkstemp(prefix="yosys-out-", dir=cwd)
        os.close(fd)
        fd, err = tempfile.mkstemp(prefix="yosys-err-", dir=cwd)
        os.close(fd)
        rid = next(self.ids)
        req = {"id": rid, "argv": argv, "cwd": cwd, "env": env, "nice": nice, "out": out, "err": err}
        try:
            with self.write_lock:
                self.proc.stdin.write((json.dumps(req) + "\n").encode())
                self.proc.stdin.flush()
            got = self._wait(rid, "pid", time.monotonic() + 60)
            if got is None:
                raise OSError("the fork server did not start the child")
            child = _Pid(int(got["pid"]))
            with base._LIVE_LOCK:
                base._LIVE[child.pid] = child  # killed with every other child on a stop
            scope = getattr(base._SCOPE, "scope", None)  # a proof lane's engines: cancelled as a group
            if scope is not None:
                scope.add(child)
            try:
                if base.stopping():
                    base.kill_group(child)
                done = self._wait(rid, "rc", None if timeout is None else start + timeout)
                if done is None:
                    base.kill_group(child)
                    self._wait(rid, "rc", time.monotonic() + 10)
                    if self.dead:
                        raise OSError("the fork server ended")
                    log = _read(out) + _read(err)
                    raise ToolTimeout(f"yosys exceeded its time limit of {timeout:g} s", log=log)
            finally:
                with base._LIVE_LOCK:
                    base._LIVE.pop(child.pid, None)
                if scope is not None:
                    scope.discard(child)
                with self.cond:
                    self.waiting.pop(rid, None)
            if base.stopping():
                from rtlopt.errors import Interrupted

                raise Interrupted(base._STOP_SIGNAL[0] or signal.SIGTERM)
            return int(done["rc"]), _read(out), _read(err), time.monotonic() - start
        finally:
            for f in (out, err):
                with contextlib.suppress(OSError):
                    os.unlink(f)

    def close(self, wait_s: float = 5.0) -> None:
        with contextlib.suppress(OSError):
            self.proc.stdin.close()
        try:
            self.proc.wait(wait_s)  # reaped: its children's CPU is counted in this process's
        except subprocess.TimeoutExpired:
            with contextlib.suppress(OSError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:
        return ""


def enabled() -> bool:
    return os.environ.get("RTLOPT_FORKSERVER", "1").strip().lower() not in ("0", "no", "false", "off")


def run_script(yosys, script: str, *, cwd, timeout: float | None):
    """Run ``script`` like ``yosys.run_script(script, cwd=cwd, timeout=timeout, check=False)`` in a child
    of the fork server; None when the server cannot be used (the caller runs a normal child)."""
    from rtlopt.tools import base
    from rtlopt.tools.base import RunResult

    cmd = getattr(yosys, "command", None) or []
    if not enabled() or cwd is None or not cmd or cmd[-1] != "rtlopt.tools._pyosys_main" or base.stopping():
        return None
    env = yosys.env()
    from rtlopt.tools.sandbox import confine

    argv, env2 = confine(list(cmd), env, cwd, force=getattr(yosys, "sandbox", None))
    if argv != list(cmd):  # confined runs (untrusted text) keep the sandbox's own spawning
        return None
    with _LOCK:
        if not _SERVER:
            try:
                _SERVER.append(_Client(env))
            except OSError:
                _SERVER.append(None)
        client = _SERVER[0]
    if client is None or client.dead or client.owner != os.getpid():
        return None
    path = None
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".ys", delete=False, dir=cwd) as fh:
            fh.write(script)
            path = fh.name
        rc, out, err, secs = client.run(["-s", path], str(cwd), env2, base._child_nice(), timeout)
    except OSError:
        return None
    finally:
        if path:
            with contextlib.suppress(OSError):
                os.unlink(path)
    return RunResult([*cmd, "-s", path], rc, out, err, secs)


def shutdown() -> None:
    """End the server (after its running children) and reap it; called when rtlopt finishes."""
    with _LOCK:
        client = _SERVER[0] if _SERVER else None
        _SERVER[:] = [None]
    if client is not None:
        client.close()


if __name__ == "__main__":
    sys.exit(serve())
