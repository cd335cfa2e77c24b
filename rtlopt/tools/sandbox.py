"""Running tools on untrusted (LLM-written) text with no write access outside their temp directory.

The guard (:mod:`rtlopt.llm._guard`) refuses host-touching code before any tool sees it; this module is
the second line. While :func:`untrusted` is active (the optimizer with a model configured, the LLM
rewrite loop), every process :class:`rtlopt.tools.base.Tool` starts is confined:

* **Landlock** (Linux >= 5.13, no privileges needed, works as root and inside containers whose seccomp
  profile allows it): the child runs ``python -I -S sandbox.py --rw DIR -- argv...``, which restricts
  itself (``PR_SET_NO_NEW_PRIVS`` + ``landlock_restrict_self``) and ``exec``s the tool. The ruleset
  handles every file-system write right (write/truncate files, create/remove/rename/link anything) and
  grants them only beneath the run's working directory (a temp directory) and on ``/dev/null``;
  ``TMPDIR`` points into the working directory. With Landlock ABI >= 4 TCP bind/connect are denied, with
  ABI >= 6 signals to and abstract sockets of processes outside the sandbox too. Reads stay allowed
  (the guard refuses new ``$readmem``/```include`` paths).
* **bubblewrap** (``bwrap``, when installed and user namespaces work): the whole file system read-only,
  the working directory writable, no network.
* **none**: the status says why. Synthesis and proofs (Yosys, ABC, OpenSTA never execute the design's
  system tasks) still run; **simulation of untrusted text is refused** (:class:`SandboxUnavailable`),
  so ``--sim-check``/``--accept-simulation`` gain no evidence from it (fail closed, reported).

:func:`status` probes once per process (and proves the confinement works by trying a forbidden write).
``RTLOPT_SANDBOX=off`` disables confinement (simulation of untrusted text is then refused);
``RTLOPT_SANDBOX=landlock|bwrap`` forces a mechanism.

This file is also the confining wrapper itself (run as a script with ``-I -S``: standard library only).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
import threading

# -- Landlock (linux/landlock.h) ------------------------------------------------------------------
_SYS_CREATE, _SYS_ADD_RULE, _SYS_RESTRICT = 444, 445, 446  # same numbers on every architecture
_RULE_PATH_BENEATH = 1
_CREATE_RULESET_VERSION = 1
_PR_SET_NO_NEW_PRIVS = 38
_WRITE_FILE = 1 << 1
_REMOVE_DIR, _REMOVE_FILE = 1 << 4, 1 << 5
_MAKE_CHAR, _MAKE_DIR, _MAKE_REG, _MAKE_SOCK, _MAKE_FIFO, _MAKE_BLOCK, _MAKE_SYM = (1 << i for i in range(6, 13))
_REFER, _TRUNCATE = 1 << 13, 1 << 14
_FILE_RIGHTS = _WRITE_FILE | _TRUNCATE
_NET_BIND_TCP, _NET_CONNECT_TCP = 1, 2
_SCOPE_ABSTRACT_UNIX_SOCKET, _SCOPE_SIGNAL = 1, 2


class _PathBeneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


class _Ruleset(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def landlock_abi() -> int:
    """The kernel's Landlock ABI version, 0 when Landlock is unavailable (or blocked by seccomp)."""
    if not sys.platform.startswith("linux"):
        return 0
    try:
        libc = _libc()
        libc.syscall.restype = ctypes.c_long
        v = libc.syscall(ctypes.c_long(_SYS_CREATE), None, ctypes.c_size_t(0), ctypes.c_uint32(_CREATE_RULESET_VERSION))
    except (OSError, AttributeError):
        return 0
    return int(v) if v > 0 else 0


def _write_rights(abi: int) -> int:
    rights = (_WRITE_FILE | _REMOVE_DIR | _REMOVE_FILE | _MAKE_CHAR | _MAKE_DIR | _MAKE_REG | _MAKE_SOCK
              | _MAKE_FIFO | _MAKE_BLOCK | _MAKE_SYM)
    if abi >= 2:
        rights |= _REFER
    if abi >= 3:
        rights |= _TRUNCATE
    return rights


def apply_landlock(writable: list[str]) -> None:
    """Confine this process (and everything it starts) to writing beneath ``writable``; raise OSError."""
    abi = landlock_abi()
    if abi < 1:
        raise OSError("landlock is not available")
    libc = _libc()
    libc.syscall.restype = ctypes.c_long
    fs = _write_rights(abi)
    attr = _Ruleset(fs, (_NET_BIND_TCP | _NET_CONNECT_TCP) if abi >= 4 else 0,
                    (_SCOPE_ABSTRACT_UNIX_SOCKET | _SCOPE_SIGNAL) if abi >= 6 else 0)
    size = 8 if abi < 4 else (16 if abi < 6 else 24)
    rs = libc.syscall(ctypes.c_long(_SYS_CREATE), ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0))
    if rs < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
    try:
        for path in [*writable, "/dev/null"]:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue
            try:
                rights = fs if os.path.isdir(path) else (fs & _FILE_RIGHTS)
                rule = _PathBeneath(rights, fd)
                if libc.syscall(ctypes.c_long(_SYS_ADD_RULE), ctypes.c_int(rs), ctypes.c_int(_RULE_PATH_BENEATH),
                                ctypes.byref(rule), ctypes.c_uint32(0)) < 0:
                    raise OSError(ctypes.get_errno(), f"landlock_add_rule failed for {path}")
            finally:
                os.close(fd)
        if libc.prctl(ctypes.c_int(_PR_SET_NO_NEW_PRIVS), ctypes.c_ulong(1), ctypes.c_ulong(0), ctypes.c_ulong(0),
                      ctypes.c_ulong(0)) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
        if libc.syscall(ctypes.c_long(_SYS_RESTRICT), ctypes.c_int(rs), ctypes.c_uint32(0)) < 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(rs)


# -- the parent side ------------------------------------------------------------------------------
class SandboxUnavailable(Exception):
    """Untrusted text would run unconfined (raised where that is refused: simulation)."""


_lock = threading.Lock()
_depth = 0
_status: tuple[str | None, str] | None = None


@contextlib.contextmanager
def untrusted():
    """While active (any thread), every tool process is confined (see the module docs)."""
    global _depth
    with _lock:
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1


def enter_untrusted() -> None:
    global _depth
    with _lock:
        _depth += 1


def leave_untrusted() -> None:
    global _depth
    with _lock:
        _depth = max(0, _depth - 1)


def active() -> bool:
    """True while untrusted text may reach the tools."""
    return _depth > 0


def _wrapper_argv(mechanism: str, writable: str | None, argv: list[str]) -> list[str]:
    if mechanism == "bwrap":
        bw = shutil.which("bwrap") or "bwrap"
        rw = ["--bind", writable, writable, "--chdir", writable] if writable else []
        return [bw, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", *rw, "--unshare-net",
                "--die-with-parent", "--", *argv]
    rw = ["--rw", writable] if writable else []
    return [sys.executable, "-I", "-S", os.path.abspath(__file__), *rw, "--", *argv]


def _probe(mechanism: str) -> str | None:
    """None when ``mechanism`` confines writes here (a forbidden write fails, an allowed one works)."""
    inside = tempfile.mkdtemp(prefix="rtlopt-sbx-")
    outside = tempfile.mkdtemp(prefix="rtlopt-sbx-out-")
    try:
        code = ("import sys\nopen(sys.argv[1] + '/ok', 'w').write('1')\n"
                "try:\n    open(sys.argv[2] + '/bad', 'w').write('1')\nexcept OSError:\n    sys.exit(0)\nsys.exit(9)\n")
        argv = _wrapper_argv(mechanism, inside, [sys.executable, "-I", "-S", "-c", code, inside, outside])
        try:
            res = subprocess.run(argv, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"{mechanism}: {exc}"
        if res.returncode == 0 and os.path.exists(os.path.join(inside, "ok")) and \
                not os.path.exists(os.path.join(outside, "bad")):
            return None
        err = (res.stderr.strip().splitlines() or [f"exit {res.returncode}"])[-1]
        return f"{mechanism}: {err[:160]}"
    finally:
        shutil.rmtree(inside, ignore_errors=True)
        shutil.rmtree(outside, ignore_errors=True)


def status() -> tuple[str | None, str]:
    """``(mechanism, detail)``: ``("landlock", "Landlock ABI 7")``, ``("bwrap", ...)`` or ``(None, why)``."""
    global _status
    if _status is not None:
        return _status
    want = os.environ.get("RTLOPT_SANDBOX", "").strip().lower()
    if want in ("off", "0", "none", "no"):
        _status = (None, "disabled by RTLOPT_SANDBOX=off")
        return _status
    problems = []
    if want in ("", "auto", "landlock"):
        abi = landlock_abi()
        if abi < 1:
            problems.append("landlock: not supported by this kernel (or blocked by seccomp)")
        else:
            p = _probe("landlock")
            if p is None:
                _status = ("landlock", f"Landlock ABI {abi}")
                return _status
            problems.append(p)
    if want in ("", "auto", "bwrap"):
        if shutil.which("bwrap") is None:
            problems.append("bwrap: not installed (apt-get install bubblewrap)")
        else:
            p = _probe("bwrap")
            if p is None:
                _status = ("bwrap", "bubblewrap")
                return _status
            problems.append(p)
    _status = (None, "; ".join(problems) or f"unknown RTLOPT_SANDBOX={want!r}")
    return _status


def available() -> bool:
    return status()[0] is not None


def require() -> str:
    """The mechanism; raise SandboxUnavailable (with the reason) when there is none."""
    mech, detail = status()
    if mech is None:
        raise SandboxUnavailable(f"no sandbox for untrusted (LLM-written) code: {detail}")
    return mech


def confine(argv: list[str], env: dict[str, str], cwd, *, force: bool | None = None
            ) -> tuple[list[str], dict[str, str]]:
    """``(argv, env)`` for a tool run: confined when untrusted text is about (``active()``, or ``force``)
    and a sandbox exists, unchanged otherwise. The run may write beneath ``cwd`` only (a private
    per-process scratch directory when ``cwd`` is None); its ``TMPDIR`` is ``<that>/.tmp``."""
    if not (force if force is not None else active()):
        return argv, env
    mech = status()[0]
    if mech is None:
        return argv, env
    writable = os.path.realpath(str(cwd)) if cwd is not None else _scratch()
    env = dict(env)
    tmp = os.path.join(writable, ".tmp")
    os.makedirs(tmp, exist_ok=True)
    env["TMPDIR"] = tmp
    return _wrapper_argv(mech, writable, argv), env


_scratch_dir: list[str] = []


def _scratch() -> str:
    """A private directory for runs without a working directory (version queries ...), removed at exit."""
    with _lock:
        if not _scratch_dir:
            import atexit

            d = tempfile.mkdtemp(prefix="rtlopt-sbx-")
            atexit.register(shutil.rmtree, d, True)
            _scratch_dir.append(d)
        return _scratch_dir[0]


def _main(args: list[str]) -> int:
    writable: list[str] = []
    while args and args[0] == "--rw":
        writable.append(args[1])
        args = args[2:]
    if not args or args[0] != "--":
        print("usage: sandbox.py --rw DIR [--rw DIR ...] -- COMMAND...", file=sys.stderr)
        return 2
    cmd = args[1:]
    try:
        apply_landlock(writable)
    except OSError as exc:
        print(f"ERROR: rtlopt sandbox: {exc}", file=sys.stderr)
        return 126
    try:
        os.execvp(cmd[0], cmd)
    except OSError as exc:
        print(f"ERROR: rtlopt sandbox: cannot run {cmd[0]}: {exc}", file=sys.stderr)
        return 127


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
