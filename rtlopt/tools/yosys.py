"""Yosys and its bundled ABC.

By default Yosys is the ``pyosys==0.70`` wheel run in a child process (see ``_pyosys_main``);
``RTLOPT_YOSYS=/path/to/yosys`` selects a system binary instead. Scripts are built by the callers
(``rtlopt.ppa``, ``rtlopt.verify``) as text, so they can be golden-tested without Yosys.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import importlib.util
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from rtlopt.errors import InputError, ToolError
from rtlopt.tools.base import RunResult, Tool

_INSTALL = "pip install pyosys==0.70 (or set RTLOPT_YOSYS to a yosys >= 0.40 binary)"


@dataclass
class Yosys(Tool):
    name: str = "yosys"
    env_var: str = "RTLOPT_YOSYS"
    executable: str = "yosys"
    min_version: tuple[int, ...] = (0, 40)
    install_hint: str = _INSTALL
    version_args: tuple[str, ...] = ("-V",)

    def _default_command(self) -> list[str] | None:
        if importlib.util.find_spec("pyosys") is None:
            return None
        # -S: no site module (.pth files, editable-install finders, sitecustomize): about 20 ms of CPU
        # less in each of the 60-140 Yosys children of an optimizer run; env() puts rtlopt's and
        # pyosys's directories on the child's PYTHONPATH instead
        return [sys.executable, "-S", "-m", "rtlopt.tools._pyosys_main"]

    def env(self) -> dict[str, str]:
        env = Tool.env(self)
        cmd = self.command or []
        if cmd[1:2] == ["-S"] and cmd[-1] == "rtlopt.tools._pyosys_main":
            paths = _child_paths()
            if env.get("PYTHONPATH"):
                paths = [*paths, env["PYTHONPATH"]]
            env["PYTHONPATH"] = os.pathsep.join(paths)
        return env

    @cached_property
    def version_text(self) -> str | None:  # type: ignore[override]
        """The pyosys wheel's version from its metadata (no child process, cannot time out under
        load); a system binary (``$RTLOPT_YOSYS``) is asked with ``-V``."""
        if self.command and self.command[-1] == "rtlopt.tools._pyosys_main":
            try:
                return f"Yosys {importlib.metadata.version('pyosys')} (pyosys wheel)"
            except importlib.metadata.PackageNotFoundError:
                pass
        return Tool.version_text.func(self)  # type: ignore[attr-defined]

    def run_script(self, script: str, *, cwd: str | Path | None = None, timeout: float | None = 600,
                   check: bool = True) -> RunResult:
        """Run a Yosys script given as text; raise ToolError with the first ERROR line on failure.

        With a working directory, the pyosys Yosys runs as a child of the fork server
        (:mod:`rtlopt.tools._forkserver`: no Python/libyosys start-up per run, the same state as a fresh
        process); confined runs, a system binary or a server that cannot be used: a normal child."""
        if os.environ.get("RTLOPT_TRACE_YOSYS"):
            return _traced(self._run_script, script, cwd=cwd, timeout=timeout, check=check)
        return self._run_script(script, cwd=cwd, timeout=timeout, check=check)

    def _run_script(self, script: str, *, cwd: str | Path | None = None, timeout: float | None = 600,
                    check: bool = True) -> RunResult:
        res = None
        if cwd is not None:
            from rtlopt.tools import _forkserver

            self.require()
            res = _forkserver.run_script(self, script, cwd=cwd, timeout=timeout)
        if res is not None:
            if check and res.returncode != 0:
                raise ToolError(f"yosys: {yosys_error(res)}", log=res.stdout + res.stderr)
            return res
        with tempfile.NamedTemporaryFile("w", suffix=".ys", delete=False, dir=cwd) as fh:
            fh.write(script)
            path = fh.name
        try:
            res = self.run(["-s", path], cwd=cwd, timeout=timeout, check=False)
        finally:
            Path(path).unlink(missing_ok=True)
        if check and res.returncode != 0:
            raise ToolError(f"yosys: {yosys_error(res)}", log=res.stdout + res.stderr)
        return res


def _traced(run, script: str, **kw) -> RunResult:
    """``run(script, **kw)``, one JSON line appended to ``$RTLOPT_TRACE_YOSYS`` per run (a diagnostic for
    benchmarks/optimize_time_bench.py: the rtlopt function that asked, the seconds, hashes of the script
    and of the files it reads, so repeated syntheses of the same text show)."""
    import hashlib
    import json
    import threading
    import time
    import traceback

    t0 = time.monotonic()
    ok = "?"
    try:
        res = run(script, **kw)
        ok = res.returncode
        return res
    except BaseException as exc:
        ok = type(exc).__name__
        raise
    finally:
        dt = time.monotonic() - t0
        who = [f"{Path(f.filename).stem}.{f.name}" for f in traceback.extract_stack()[:-2]
               if "/rtlopt/" in f.filename and "/tools/" not in f.filename]
        body = hashlib.sha1(re.sub(r"/tmp/\S+/", "", script).encode()).hexdigest()[:10]
        reads = []
        for m in re.finditer(r"^read\S*\s.*?(\S+\.s?v)\"?\s*$", script, re.M):
            with contextlib.suppress(OSError):
                f = Path(m.group(1).strip('"'))
                f = f if f.is_absolute() or kw.get("cwd") is None else Path(kw["cwd"]) / f
                reads.append(hashlib.sha1(f.read_bytes()).hexdigest()[:10])
        rec = {"t": round(time.time(), 3), "s": round(dt, 3), "rc": ok, "thread": threading.current_thread().name,
               "who": who[-4:], "script": body, "reads": reads}
        with contextlib.suppress(OSError), open(os.environ["RTLOPT_TRACE_YOSYS"], "a") as fh:
            fh.write(json.dumps(rec) + "\n")


_PATHS: list[str] = []


def _child_paths() -> list[str]:
    """The directories a ``python -S`` Yosys child imports from: the one holding this rtlopt package
    (the code of this process, whatever installed it) and the one holding pyosys."""
    if not _PATHS:
        import rtlopt

        spec = importlib.util.find_spec("pyosys")
        where = [str(Path(rtlopt.__file__).resolve().parents[1])]
        if spec is not None and spec.submodule_search_locations:
            where.append(str(Path(next(iter(spec.submodule_search_locations))).resolve().parent))
        _PATHS.extend(dict.fromkeys(where))
    return list(_PATHS)


def yosys_error(res: RunResult) -> str:
    """The ERROR line of a failed Yosys run, without the ``ERROR:`` prefix."""
    for stream in (res.stderr, res.stdout):
        for line in stream.splitlines():
            if "ERROR:" in line:
                return line.split("ERROR:", 1)[1].strip() or line.strip()
    tail = (res.stderr or res.stdout).strip().splitlines()
    return tail[-1] if tail else f"exit code {res.returncode} with no output"


@dataclass
class Abc(Tool):
    """Berkeley ABC as shipped with Yosys (``yosys-abc``)."""

    name: str = "abc"
    env_var: str = "RTLOPT_ABC"
    executable: str = "yosys-abc"
    install_hint: str = "pip install pyosys==0.70 (ships yosys-abc), or set RTLOPT_ABC"
    version_args: tuple[str, ...] = ("-c", "version")

    def _default_command(self) -> list[str] | None:
        spec = importlib.util.find_spec("pyosys")
        if spec and spec.origin:
            cand = Path(spec.origin).parent / "yosys-abc"
            if cand.exists():
                return [str(cand)]
        return super()._default_command()


def read_design_script(files: Iterable[str | Path], top: str, *, defines: dict[str, str] | None = None,
                       include_dirs: Iterable[str | Path] = ()) -> str:
    """Yosys commands that read ``files`` and elaborate ``top``: ``-sv`` only for SystemVerilog files,
    ``-D``/``-I`` and ``chparam`` (the top's parameter overrides) from the active project
    (:mod:`rtlopt.hdl.project`) plus ``defines``/``include_dirs``."""
    from rtlopt.hdl.project import yosys_read_lines

    lines = yosys_read_lines(files, top, extra_defines=defines, extra_include_dirs=include_dirs)
    lines.append(f"hierarchy -check -top {top}")
    return "\n".join(lines) + "\n"


def _q(path: str | Path) -> str:
    text = str(path)
    return f'"{text}"' if re.search(r"\s", text) else text


_LOC = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):\s*ERROR:\s*(?P<msg>.*)$")


def _design_check(file: str, line: int, msg: str) -> str | None:
    """A design's own elaboration check that fired (``initial if (BAD) begin $error("..."); $finish;
    end``: Verilog-mode Yosys keeps the call only when the condition holds at these parameter values
    and then cannot resolve ``$error``): the designer's message, or None."""
    if not re.search(r"Can't resolve task name `\$(error|fatal)'", msg):
        return None
    try:
        src = Path(file).read_text(errors="replace").splitlines()
    except OSError:
        return None
    call = re.compile(r'\$(?:error|fatal)\s*\(\s*(?:\d+\s*,\s*)?"((?:[^"\\]|\\.)*)"')
    # Yosys names a line at or after the call (the end of its block): the nearest call before it
    said = ""
    for i in range(min(len(src), line + 1), max(0, line - 8), -1):
        m = call.search(src[i - 1])
        if m and (i <= line or not said):
            said = f': "{m.group(1)}"'
            if i <= line:
                break
    return (f"the design's own parameter check fails at these parameter values{said} "
            "(its $error/$fatal is elaborated; check -G/--param and the defaults)")


_GEN_IF = re.compile(r"\b(if|case)\s*\(")


def _generate_condition(file: str, line: int, msg: str) -> str | None:
    """Yosys's "Condition for generate if is not constant" (also ``case``) with what it means: an
    ``if``/``case`` outside any ``always``/``initial`` block is a generate construct, elaborated once,
    so its condition may name only parameters and constants (``if (sel) assign y = a; else assign y =
    b;`` on a port ``sel`` is not Verilog; Icarus rejects it too). The condition is quoted from the
    source line Yosys names; None for any other message."""
    if not re.search(r"Condition for generate (if|case) is not constant", msg):
        return None
    try:
        text = Path(file).read_text(errors="replace").splitlines()[line - 1]
    except (OSError, IndexError):
        text = ""
    m = _GEN_IF.search(text)
    cond = ""
    if m:  # the balanced parenthesised condition after if/case
        depth, i = 0, m.end() - 1
        for j in range(i, len(text)):
            depth += {"(": 1, ")": -1}.get(text[j], 0)
            if depth == 0:
                cond = text[i + 1:j].strip()
                break
    kw = m.group(1) if m else "if"
    what = f"`{kw} ({cond})`" if cond else f"this `{kw}`"
    return (f"invalid input: {what} is outside any always block, so it is a generate-{kw} and its condition "
            f"must be a constant expression (parameters, literals) (yosys: {msg.strip()}). "
            "Select with `?:` or inside an always block")


def input_error_from_yosys(res: RunResult) -> InputError:
    """Turn a failed Yosys read/elaborate run into an InputError naming file and line when Yosys did."""
    for stream in (res.stderr, res.stdout):
        for line in stream.splitlines():
            m = _LOC.match(line.strip())
            if m:
                why = _design_check(m["file"], int(m["line"]), m["msg"]) \
                    or _generate_condition(m["file"], int(m["line"]), m["msg"])
                return InputError(why or f"yosys: {m['msg'].strip()}", file=m["file"], line=int(m["line"]))
    msg = yosys_error(res)
    m = re.search(r"(?P<file>\S+\.s?vh?):(?P<line>\d+)", msg)
    if m:
        return InputError(f"yosys: {msg}", file=m["file"], line=int(m["line"]))
    return InputError(f"yosys: {msg}")
