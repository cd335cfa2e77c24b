"""One input policy for every command (check, optimize, verify, ppa, fsm, simulate).

* **UTF-8 byte-order mark**: accepted everywhere. pyslang reads it; the external tools (Yosys,
  Icarus, Verilator) get a copy without it (:func:`tool_path`); the user's file keeps it when
  rtlopt writes it back (the engine edits the text as read).
* **Odd paths** (newline, quotes, spaces, non-ASCII, shell/Yosys metacharacters): tools get a
  symlink (or BOM-less copy) with a plain name in the run's temporary directory, and include
  directories likewise (:func:`tool_path`, :func:`tool_dir`); messages name the original file.
* **No design** (a file with only comments/whitespace, or nothing but preprocessor directives that
  is not a header): exit 2 ``no module declarations found`` in every command
  (:func:`require_design_units`).
* **Errors**: every pyslang error diagnostic - syntax or semantic (``x[15:8][3:0]``: "cannot chain
  select expressions after a range select") - is bad input: exit 2 with ``file:line:col``
  (:func:`fatal_diagnostic`), because Yosys may silently give such code another meaning; except a
  short list of lenient-Verilog errors (:data:`_TOLERATED`) that the tools read as written.
* **Warnings that change meaning** (:data:`MEANING_WARNINGS`: reversed part-selects ``A[3:4]``,
  constants that do not fit, out-of-range selects) are printed on stderr by every command
  (:func:`emit_warnings`); the run goes on.
* **Simulation-only code** (an ``initial`` block with ``#`` delays, ``@`` events, ``wait``,
  ``forever``, ``$finish``/``$stop``; ``real`` data): refused with exit 2 by every command that
  synthesizes, proves or simulates (optimize, ppa, verify, fsm, simulate), because the synthesized
  meaning differs from the simulated one; ``check`` (a linter that also runs over testbenches)
  still lints such files. The parameter-check idiom
  ``initial if (PARAM bad) begin $error(..); $finish; end`` is accepted everywhere
  (:func:`rtlopt.hdl.project.is_parameter_check`).
* **Deep nesting**: pyslang refuses constructs nested deeper than its limit ("language constructs
  are too deeply nested", exit 2); very long expressions that Yosys cannot elaborate are exit 2 too.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
import tempfile
import threading
from pathlib import Path

from rtlopt.errors import InputError

BOM = "\ufeff"
BOM_BYTES = b"\xef\xbb\xbf"
#: pyslang diagnostic codes (warnings) whose code does not mean what it seems to say.
MEANING_WARNINGS = {"RangeSelectReversed", "ConstantConversion", "IndexOOB", "RangeOOB", "SelectEndianMismatch",
                    "SelectEndianDynamic", "ConstantOutOfRange"}
#: Header suffixes: a file of these kinds may hold only macros (``check`` accepts it).
HEADER_SUFFIXES = (".vh", ".svh", ".svi", ".inc")

_SAFE = re.compile(r"^[A-Za-z0-9_./+,@%=~-]+$")
_lock = threading.Lock()
_dir: list[Path] = []
_made: dict[tuple, str] = {}


def _copies_dir() -> Path:
    with _lock:
        if not _dir or not _dir[0].is_dir():
            _dir[:] = [Path(tempfile.mkdtemp(prefix="rtlopt-paths-"))]
        return _dir[0]


def is_safe_path(path: str | Path) -> bool:
    """Whether ``path`` can be written into a Yosys script or tool argument list as it is."""
    return bool(_SAFE.match(str(path)))


def has_bom(path: str | Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(3) == BOM_BYTES
    except OSError:
        return False


def tool_path(path: str | Path) -> str:
    """The path an external tool should read for ``path``: itself when it is plain and has no BOM,
    else a symlink (odd name) or a copy without the BOM, with a plain name, in the run's temp dir.
    The copy is registered with :func:`rtlopt.hdl.project.register_copy`, so it keeps the original's
    language and include directories."""
    p = Path(path)
    bom = has_bom(p)
    if not bom and is_safe_path(p):
        return str(p)
    try:
        st = p.stat()
    except OSError:
        return str(p)  # the tool reports the missing file
    key = (str(p), st.st_mtime_ns, st.st_size, bom)
    with _lock:
        done = _made.get(key)
    if done and os.path.lexists(done):
        return done
    tag = hashlib.sha256(str(p).encode("utf-8", "surrogateescape")).hexdigest()[:10]
    stem = re.sub(r"[^A-Za-z0-9_]", "_", p.stem)[:40] or "file"
    suffix = p.suffix if is_safe_path(p.suffix or ".v") else ".v"
    dest = _copies_dir() / f"{stem}_{tag}{suffix or '.v'}"
    with contextlib.suppress(FileNotFoundError):
        dest.unlink()
    if bom:
        dest.write_bytes(p.read_bytes()[len(BOM_BYTES):])
    else:
        os.symlink(p.resolve(), dest)
    from rtlopt.hdl.project import register_copy

    register_copy(dest, p)
    with _lock:
        _made[key] = str(dest)
    return str(dest)


def tool_dir(path: str | Path) -> str:
    """A directory path a tool can take as it is (a symlink with a plain name when needed)."""
    p = Path(path)
    if is_safe_path(p):
        return str(p)
    tag = hashlib.sha256(str(p).encode("utf-8", "surrogateescape")).hexdigest()[:10]
    dest = _copies_dir() / f"dir_{tag}"
    if not os.path.lexists(dest):
        with contextlib.suppress(FileExistsError):
            os.symlink(p.resolve(), dest)
    return str(dest)


def strip_bom(text: str) -> str:
    return text[1:] if text.startswith(BOM) else text


def fatal_diagnostic(diag) -> bool:
    """Whether a pyslang diagnostic makes the input unusable (every error)."""
    return bool(diag.isError())


#: pyslang errors that are not bad input by themselves. "Defined in a file not given" (``check`` runs
#: on one file of a project; the commands that elaborate report a missing module via Yosys
#: hierarchy), and lenient Verilog that Yosys and Icarus read with the meaning the designer wrote,
#: seen in real designs (serv, RTL-Rewriter-Bench): a procedural assignment to a net (``output y``
#: written in ``always``), a default value on an input port, ``{0{..}}``, a dead generate branch
#: indexing out of range, a constant function reading a variable, an undeclared identifier (an
#: implicit net, which Yosys reports itself when it matters). Every other error is exit 2.
_TOLERATED = ("UnknownModule", "UnknownInterface", "UnknownPackage", "UnknownPrimitive", "UnknownClassOrPackage",
              "AssignToNet", "DisallowedPortDefault", "ReplicationZeroOutsideConcat", "ValueMustNotBeUnknown",
              "ScopeIndexOutOfRange", "ConstEvalNonConstVariable", "TypoIdentifier", "UndeclaredIdentifier",
              # a `timescale in some files of a design but not all (RTL-Rewriter long cpu): Yosys ignores
              # timescales, Icarus warns and uses its default
              "MissingTimeScale")


def _code(diag) -> str:
    return getattr(diag.code, "name", None) or str(diag.code).split("(")[-1].rstrip(")")


def tolerated_error(diag) -> bool:
    return _code(diag) in _TOLERATED


def meaning_warning(diag) -> bool:
    """Whether a pyslang warning says the code does not do what it appears to (shown to the user)."""
    return not diag.isError() and _code(diag) in MEANING_WARNINGS


_CODE = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def require_design_units(parsed, paths) -> None:
    """Exit 2 for a design without any module when no file holds code (comments, whitespace or only
    preprocessor directives of a non-header file). Header-only files pass (``check`` on a ``.vh``)."""
    if parsed.modules:
        return
    for src in parsed.sources:
        body = _CODE.sub(" ", strip_bom(src.text))
        code = [ln for ln in body.splitlines() if ln.strip() and not ln.lstrip().startswith("`")]
        if code:
            return  # packages, interfaces, ... : the commands that need a module say so themselves
        if src.path.suffix in HEADER_SUFFIXES and body.strip():
            return
    where = parsed.sources[0].path if len(parsed.sources) == 1 else None
    raise InputError("no module declarations found (the file holds only comments or whitespace)"
                     if all(not _CODE.sub(" ", strip_bom(s.text)).strip() for s in parsed.sources)
                     else "no module declarations found", file=where)


def require_code(src) -> None:
    """Exit 2 for one file that holds only comments or whitespace (``check``'s per-file reading)."""
    if not _CODE.sub(" ", strip_bom(src.text)).strip():
        raise InputError("no module declarations found (the file holds only comments or whitespace)",
                         file=src.path)


def require_no_errors(tree, path) -> None:
    """Exit 2 for a pyslang error in one file elaborated alone (``check``), as :func:`parse_sources`
    does for a design; "defined elsewhere" errors are tolerated (see :data:`_TOLERATED`)."""
    from rtlopt.hdl.project import compilation
    from rtlopt.hdl.source import _format_diag

    try:
        comp = compilation([tree])
        diags = list(comp.getAllDiagnostics())
    except Exception:  # noqa: BLE001 - an elaboration pyslang cannot do is left to the matchers
        return
    for d in diags:
        if fatal_diagnostic(d) and not tolerated_error(d):
            raise _format_diag(tree, d, Path(path), kind="")


def emit_warnings(parsed, stream=None) -> None:
    """Print the meaning-changing warnings of ``parsed`` on stderr, once per process and message."""
    stream = stream or sys.stderr
    for w in getattr(parsed, "meaning_warnings", ()) or ():
        with _lock:
            if w in _emitted:
                continue
            _emitted.add(w)
        print(f"rtlopt: warning: {w}", file=stream)


_emitted: set[str] = set()


def enforce_synthesizable(parsed, top: str) -> None:
    """Refuse simulation-only code under ``top`` (see the module docstring); exit 2."""
    from rtlopt.ppa._synthcheck import check_synthesizable

    check_synthesizable(parsed, top)
