"""Inputs as engineers pass them: files, file lists, include dirs, defines, parameters, language by file.

One :class:`Project` describes how a set of HDL files is read, the way Icarus, Verilator, VCS and
Yosys read them:

* source files, from the command line and from ``-f``/``-F`` file lists (nested; relative paths in a
  list are relative to the list's own directory, falling back to the current directory);
* ``+incdir+A+B`` / ``-I DIR`` include directories; ``+define+N=V`` / ``-D NAME[=VAL]`` macros;
* ``-y DIR`` library directories (a module not defined by the sources is looked up there as
  ``<name><libext>``; ``+libext+.v+.sv``, default ``.v``/``.sv``) and ``-v FILE`` library files (used
  only when they define a module the design needs);
* ``-G NAME=VAL`` / ``--param NAME=VAL``: overrides of the top module's parameters;
* language by file: ``.v``/``.vh``/``.vlog``/``.verilog`` are Verilog-2005 (IEEE 1364-2005 keywords, so
  ``logic``, ``bit``, ``expect``, ``dist`` are ordinary identifiers), ``.sv``/``.svh`` SystemVerilog;
  ``--sv FILE`` / ``--verilog FILE`` override one file, ``+systemverilog+ext+.EXT`` a suffix.

``include "x"`` is resolved as Yosys and Icarus do: the including file's directory first, then the
include directories in order (then, for Yosys, the current directory).

Every tool reads through this module: :func:`syntax_tree` and :func:`compilation` (pyslang: keyword
version, include dirs, defines, parameter overrides), :func:`yosys_read_lines` (``read_verilog -D -I``,
``-sv`` only for SystemVerilog files, ``chparam`` for parameters), :func:`icarus_args` and
:func:`verilator_args`. Commands build the project once from their flags and the configuration
(:func:`add_arguments`, :func:`from_args`) and make it the process's :func:`active` project, so code
deep in the optimizer (candidate copies in temp directories included, see :func:`register_copy`)
reads files the same way without threading the project through every call.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from rtlopt.errors import InputError

VERILOG_SUFFIXES = (".v", ".vh", ".vlog", ".verilog", ".vg", ".vm")
SV_SUFFIXES = (".sv", ".svh", ".svi")
DEFAULT_LIBEXT = (".v", ".sv")
#: The preamble buffer that gives a Verilog file the IEEE 1364-2005 keyword set (its own buffer, so
#: offsets in the file's buffer are untouched).
V2005_PREAMBLE = '`begin_keywords "1364-2005"\n'

_MACRO = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*$")
_PARAM = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*$")


@dataclass(frozen=True)
class Project:
    """How a set of HDL files is read (see the module docstring)."""

    files: tuple[Path, ...] = ()
    include_dirs: tuple[Path, ...] = ()
    defines: tuple[tuple[str, str | None], ...] = ()
    params: tuple[tuple[str, str], ...] = ()
    lib_dirs: tuple[Path, ...] = ()
    lib_files: tuple[Path, ...] = ()
    libext: tuple[str, ...] = DEFAULT_LIBEXT
    sv_files: frozenset[Path] = frozenset()
    verilog_files: frozenset[Path] = frozenset()
    sv_suffixes: tuple[str, ...] = SV_SUFFIXES

    @property
    def define_map(self) -> dict[str, str | None]:
        return dict(self.defines)

    @property
    def param_map(self) -> dict[str, str]:
        return dict(self.params)

    def is_empty(self) -> bool:
        return self == Project()

    def language(self, path: str | Path) -> str:
        """``"sv"`` or ``"verilog"`` for ``path`` (a copy is judged by its original)."""
        p = original_of(path)
        if p in self.sv_files:
            return "sv"
        if p in self.verilog_files:
            return "verilog"
        suffix = p.suffix.lower()
        if suffix in self.sv_suffixes:
            return "sv"
        if suffix in VERILOG_SUFFIXES:
            return "sv" if _uses_sv_syntax(p) else "verilog"
        return "sv"

    def include_dirs_for(self, path: str | Path) -> list[Path]:
        """Include directories for ``path``: its original's directory when ``path`` is a copy (a
        rewritten candidate in a temp directory resolves includes as the original does), then -I."""
        out: list[Path] = []
        p = _abs(path)
        orig = original_of(p)
        if orig != p:
            out.append(orig.parent)
        for d in self.include_dirs:
            if d not in out:
                out.append(d)
        return out

    def merged(self, other: Project) -> Project:
        """``self`` then ``other`` (files, dirs, defines and params appended; later defines win)."""
        defs = dict(self.defines)
        defs.update(dict(other.defines))
        params = dict(self.params)
        params.update(dict(other.params))
        return Project(
            files=_uniq(self.files + other.files), include_dirs=_uniq(self.include_dirs + other.include_dirs),
            defines=tuple(defs.items()), params=tuple(params.items()),
            lib_dirs=_uniq(self.lib_dirs + other.lib_dirs), lib_files=_uniq(self.lib_files + other.lib_files),
            libext=_uniq(other.libext if other.libext != DEFAULT_LIBEXT else self.libext),
            sv_files=self.sv_files | other.sv_files, verilog_files=self.verilog_files | other.verilog_files,
            sv_suffixes=_uniq(self.sv_suffixes + other.sv_suffixes))

    def with_files(self, files: Iterable[str | Path]) -> Project:
        return replace(self, files=_uniq(tuple(_abs(f) for f in files)))

    def to_dict(self) -> dict:
        return {"files": [str(f) for f in self.files], "include_dirs": [str(d) for d in self.include_dirs],
                "defines": {k: v for k, v in self.defines}, "params": dict(self.params),
                "lib_dirs": [str(d) for d in self.lib_dirs], "lib_files": [str(f) for f in self.lib_files],
                "libext": list(self.libext), "sv_files": sorted(str(f) for f in self.sv_files),
                "verilog_files": sorted(str(f) for f in self.verilog_files)}


_SV_HINT = re.compile(r"\b(expect|dist|always_ff|always_comb|always_latch|logic|typedef|enum|struct|interface|package|"
                      r"import|unique|priority|break|continue|return|int|bit|byte|shortint|longint|"
                      r"automatic|assert|property|sequence|class|foreach|void)\b")
_sv_cache: dict[tuple[Path, int, int], bool] = {}


def _uses_sv_syntax(path: Path) -> bool:
    """A ``.v`` file that is SystemVerilog in fact: it has syntax errors with Verilog-2005 keywords and
    none as SystemVerilog (many repositories keep SystemVerilog in ``.v`` files and read them with
    ``-sv``). Files that parse as Verilog-2005 are Verilog-2005 (``logic``/``bit`` are names there)."""
    try:
        st = path.stat()
    except OSError:
        return False
    key = (path, st.st_mtime_ns, st.st_size)
    if key in _sv_cache:
        return _sv_cache[key]
    result = False
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
        if _SV_HINT.search(_COMMENT.sub(" ", text)):
            import pyslang
            from pyslang import syntax

            def errors(preamble: bool) -> int:
                sm = pyslang.SourceManager()
                bufs = [sm.assignText("<kw>", V2005_PREAMBLE)] if preamble else []
                bufs.append(sm.assignText(str(path), text))
                tree = syntax.SyntaxTree.fromBuffers(bufs, sm, _bag(active(), path))
                return sum(1 for d in tree.diagnostics if d.isError())

            result = errors(True) > 0 and errors(False) == 0
    except Exception:  # noqa: BLE001 - undecidable: keep the suffix's language
        result = False
    with _lock:
        if len(_sv_cache) > 4096:
            _sv_cache.clear()
        _sv_cache[key] = result
    return result


def needs_verilog_keywords(text: str) -> bool:
    """Whether ``text`` parses as Verilog-2005 but not as SystemVerilog (it uses ``logic``, ``bit``,
    ``expect``... as names), so a tool that reads it as SystemVerilog needs ```begin_keywords``."""
    import pyslang
    from pyslang import syntax

    if not _SV_HINT.search(_COMMENT.sub(" ", text)):
        return False

    def errors(preamble: bool) -> int:
        sm = pyslang.SourceManager()
        bufs = [sm.assignText("<kw>", V2005_PREAMBLE)] if preamble else []
        bufs.append(sm.assignText("<text>", text))
        return sum(1 for d in syntax.SyntaxTree.fromBuffers(bufs, sm).diagnostics if d.isError())

    return errors(False) > errors(True)  # (unknown macros count the same both ways)


def _abs(path: str | Path) -> Path:
    p = Path(os.path.expanduser(str(path)))
    return Path(os.path.abspath(p))


def _uniq(items: tuple) -> tuple:
    return tuple(dict.fromkeys(items))


# -- the active project and candidate copies ------------------------------------------------------

_lock = threading.Lock()
_active: Project = Project()
_copies: dict[Path, Path] = {}


_local = threading.local()


def active() -> Project:
    """The project of the running command (empty when none was set: defaults for everything); a
    thread's own project (:func:`using_here`) first."""
    here = getattr(_local, "project", None)
    return _active if here is None else here


def set_active(project: Project | None) -> Project:
    """Make ``project`` the process's project; returns the previous one."""
    global _active
    with _lock:
        old, _active = _active, (project or Project())
    return old


@contextlib.contextmanager
def using(project: Project | None) -> Iterator[Project]:
    """``with using(p):`` — ``p`` is the active project inside the block."""
    old = set_active(project)
    try:
        yield active()
    finally:
        set_active(old)


@contextlib.contextmanager
def using_here(project: Project | None) -> Iterator[Project]:
    """``with using_here(p):`` — ``p`` is the active project of this thread only (the others, and
    threads this one starts, keep theirs): a module measured at its instances' parameter values beside
    modules measured at the design's."""
    old = getattr(_local, "project", None)
    _local.project = project
    try:
        yield active()
    finally:
        _local.project = old


def register_copy(copy: str | Path, original: str | Path) -> None:
    """Record that ``copy`` (e.g. a candidate in a temp directory) stands for ``original``: it gets the
    original's language and resolves includes from the original's directory too."""
    c, o = _abs(copy), original_of(original)
    if c != o:
        with _lock:
            _copies[c] = o


def original_of(path: str | Path) -> Path:
    p = _abs(path)
    seen = 0
    while p in _copies and seen < 16:
        p = _copies[p]
        seen += 1
    return p


# -- file lists -----------------------------------------------------------------------------------

_ENV_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$([A-Za-z_][A-Za-z0-9_]*)")


def expand_env(text: str, env: Mapping[str, str] | None = None, *, where: Path | None = None,
               line: int | None = None) -> str:
    """Replace ``$VAR``, ``${VAR}`` and ``$(VAR)``; an unset variable is an InputError."""
    env = os.environ if env is None else env

    def sub(m: re.Match) -> str:
        name = m.group(1) or m.group(2) or m.group(3)
        if name not in env:
            raise InputError(f"environment variable ${name} is not set", file=where, line=line)
        return env[name]

    return _ENV_VAR.sub(sub, text)


def _strip_comments(text: str) -> str:
    out = []
    for raw in text.splitlines():
        line = raw
        if line.lstrip().startswith("#"):
            line = ""
        # `//` starts a comment unless inside quotes; `#` after whitespace too
        line = re.sub(r'(^|\s)//.*$', "", line)
        line = re.sub(r"\s#.*$", "", line)
        out.append(line)
    return "\n".join(out)
    # block comments are rare in file lists; /* */ is handled by the caller


class _Builder:
    def __init__(self) -> None:
        self.files: list[Path] = []
        self.incdirs: list[Path] = []
        self.defines: dict[str, str | None] = {}
        self.params: dict[str, str] = {}
        self.lib_dirs: list[Path] = []
        self.lib_files: list[Path] = []
        self.libext: list[str] = []
        self.sv_files: set[Path] = set()
        self.v_files: set[Path] = set()
        self.sv_suffixes: list[str] = list(SV_SUFFIXES)

    def project(self) -> Project:
        return Project(files=_uniq(tuple(self.files)), include_dirs=_uniq(tuple(self.incdirs)),
                       defines=tuple(self.defines.items()), params=tuple(self.params.items()),
                       lib_dirs=_uniq(tuple(self.lib_dirs)), lib_files=_uniq(tuple(self.lib_files)),
                       libext=_uniq(tuple(self.libext)) or DEFAULT_LIBEXT, sv_files=frozenset(self.sv_files),
                       verilog_files=frozenset(self.v_files), sv_suffixes=_uniq(tuple(self.sv_suffixes)))


def _resolve(token: str, base: Path, *, must_exist: bool = False) -> Path:
    """A path from a file list: relative to the list's directory, else to the current directory."""
    p = Path(os.path.expanduser(token))
    if p.is_absolute():
        return Path(os.path.abspath(p))
    first = Path(os.path.abspath(base / p))
    if first.exists() or not must_exist:
        if not first.exists() and Path(os.path.abspath(p)).exists():
            return Path(os.path.abspath(p))
        return first
    return first


def parse_define(text: str, *, where: Path | None = None, line: int | None = None) -> tuple[str, str | None]:
    name, eq, val = text.partition("=")
    name = name.strip()
    if not _MACRO.match(name):
        raise InputError(f"bad macro name in define {text!r} (use NAME or NAME=VALUE)", file=where, line=line)
    return name, (val if eq else None)


def parse_param(text: str, *, where: Path | None = None, line: int | None = None) -> tuple[str, str]:
    name, eq, val = text.partition("=")
    name = name.strip()
    if not eq or not _PARAM.match(name) or not val.strip():
        raise InputError(f"bad parameter override {text!r} (use NAME=VALUE)", file=where, line=line)
    return name, val.strip()


def read_file_list(path: str | Path, *, env: Mapping[str, str] | None = None,
                   relative_to_cwd: bool = False) -> Project:
    """Parse a ``.f`` file list (Icarus/Verilator/VCS syntax) into a :class:`Project`.

    Understood: source files, ``-f``/``-F``/``-c`` nested lists, ``+incdir+A+B``, ``-I DIR``/``-IDIR``,
    ``+define+N=V+M``, ``-D N[=V]``, ``-y DIR``, ``-v FILE``, ``+libext+.v+.sv``, ``-G N=V``/``-P top.N=V``,
    ``+systemverilog+ext+.EXT``, ``-sv FILE``; comments ``//`` and ``#``; ``$VAR``/``${VAR}``. Other
    options (``-timescale``, ``+notimingchecks``, ``-Wall``, ...) are tool settings and are ignored.
    """
    b = _Builder()
    _read_list(_abs(path), b, env, stack=[], relative_to_cwd=relative_to_cwd)
    return b.project()


_IGNORED_WITH_ARG = {"-o", "-s", "-top", "--top-module", "-timescale", "--timescale", "-l", "-Mdir", "--Mdir",
                     "-L", "-g", "-T", "-W", "-M", "-m", "-N", "-p", "-work"}


def _read_list(path: Path, b: _Builder, env, stack: list[Path], relative_to_cwd: bool) -> None:
    if path in stack:
        raise InputError("file list includes itself (a -f cycle)", file=path)
    if len(stack) > 32:
        raise InputError("file lists nested more than 32 deep", file=path)
    if not path.is_file():
        where = stack[-1] if stack else None
        raise InputError(f"file list not found: {path}", file=where)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read file list: {exc.strerror or exc}", file=path) from None
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    base = Path.cwd() if relative_to_cwd else path.parent
    tokens: list[tuple[str, int]] = []
    for lineno, line in enumerate(_strip_comments(text).splitlines(), 1):
        line = expand_env(line, env, where=path, line=lineno)
        try:
            parts = shlex.split(line, posix=True)
        except ValueError as exc:
            raise InputError(f"file list: {exc}", file=path, line=lineno) from None
        tokens.extend((t, lineno) for t in parts)
    i = 0

    def arg(opt: str, lineno: int) -> str:
        nonlocal i
        if i + 1 >= len(tokens):
            raise InputError(f"file list: {opt} needs an argument", file=path, line=lineno)
        i += 1
        return tokens[i][0]

    while i < len(tokens):
        tok, ln = tokens[i]
        low = tok.lower()
        if tok in ("-f", "-F", "-c", "--file", "-file"):
            sub = arg(tok, ln)
            nested = _resolve(sub, base, must_exist=True)
            # Verilator's -f resolves the nested list's paths from the cwd, -F from the list; both are
            # accepted here: relative to the nested list's directory, then to the current directory.
            _read_list(nested, b, env, [*stack, path], relative_to_cwd=False)
        elif low.startswith("+incdir+"):
            b.incdirs += [_resolve(d, base) for d in tok[len("+incdir+"):].split("+") if d]
        elif tok.startswith("-I") or tok.startswith("--include"):
            d = tok[2:] if tok.startswith("-I") and len(tok) > 2 else arg(tok, ln)
            b.incdirs.append(_resolve(d, base))
        elif low.startswith("+define+"):
            for item in tok[len("+define+"):].split("+"):
                if item:
                    k, v = parse_define(item, where=path, line=ln)
                    b.defines[k] = v
        elif tok.startswith("-D"):
            k, v = parse_define(tok[2:] if len(tok) > 2 else arg(tok, ln), where=path, line=ln)
            b.defines[k] = v
        elif tok == "-y":
            b.lib_dirs.append(_resolve(arg(tok, ln), base))
        elif tok == "-v":
            b.lib_files.append(_resolve(arg(tok, ln), base))
        elif low.startswith("+libext+"):
            b.libext += [e if e.startswith(".") else "." + e for e in tok[len("+libext+"):].split("+") if e]
        elif tok.startswith("-G") or tok.startswith("-pvalue+"):
            text_ = tok[2:] if tok.startswith("-G") else tok[len("-pvalue+"):]
            k, v = parse_param(text_ if text_ else arg(tok, ln), where=path, line=ln)
            b.params[k] = v
        elif tok.startswith("-P"):  # Icarus: -Ptop.NAME=VAL
            text_ = tok[2:] if len(tok) > 2 else arg(tok, ln)
            k, v = parse_param(text_.split(".", 1)[-1], where=path, line=ln)
            b.params[k] = v
        elif low.startswith("+systemverilog+ext+") or low.startswith("+systemverilogext+"):
            b.sv_suffixes += ["." + e.lstrip(".") for e in tok.split("+")[3 if "ext+" in low[15:] else 2:] if e]
        elif tok in ("-sv", "--sv"):
            f = _resolve(arg(tok, ln), base)
            b.files.append(f)
            b.sv_files.add(f)
        elif tok in _IGNORED_WITH_ARG:
            arg(tok, ln)
        elif tok.startswith(("-", "+")):
            pass  # a tool option that does not change how sources are read
        else:
            b.files.append(_resolve(tok, base))
        i += 1


# -- configuration and command line ---------------------------------------------------------------

def from_config(section: Mapping, base: Path, env: Mapping[str, str] | None = None) -> Project:
    """The project part of ``[tool.rtlopt]``: ``include_dirs``, ``defines``, ``file_lists``, ``params``,
    ``lib_dirs``, ``lib_files``, ``libext``, ``sv_files``, ``verilog_files`` (paths relative to ``base``)."""
    b = _Builder()
    where = base

    def paths(key: str) -> list[Path]:
        v = section.get(key, [])
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise InputError(f"setting '{key}' must be a list of paths", file=where)
        return [_resolve(expand_env(x, env, where=where), base) for x in v]

    proj = Project()
    for fl in paths("file_lists"):
        proj = proj.merged(read_file_list(fl, env=env))
    b.incdirs = paths("include_dirs")
    b.lib_dirs = paths("lib_dirs")
    b.lib_files = paths("lib_files")
    b.sv_files = set(paths("sv_files"))
    b.v_files = set(paths("verilog_files"))
    defs = section.get("defines", {})
    if isinstance(defs, list):
        for d in defs:
            if not isinstance(d, str):
                raise InputError("setting 'defines' must be a table NAME = VALUE or a list of 'NAME[=VALUE]'",
                                 file=where)
            k, v = parse_define(d, where=where)
            b.defines[k] = v
    elif isinstance(defs, dict):
        for k, v in defs.items():
            name, _ = parse_define(str(k), where=where)
            b.defines[name] = None if v is True else str(v).lower() if isinstance(v, bool) else str(v)
    else:
        raise InputError("setting 'defines' must be a table NAME = VALUE or a list of 'NAME[=VALUE]'", file=where)
    params = section.get("params", {})
    if not isinstance(params, dict):
        raise InputError("setting 'params' must be a table NAME = VALUE", file=where)
    for k, v in params.items():
        b.params[parse_param(f"{k}={v}", where=where)[0]] = str(v)
    ext = section.get("libext", [])
    if isinstance(ext, str):
        ext = [ext]
    b.libext = ["." + str(e).lstrip(".") for e in ext]
    return proj.merged(b.project())


#: Keys of ``[tool.rtlopt]`` that belong to the project (rtlopt.config skips them).
CONFIG_KEYS = ("include_dirs", "defines", "file_lists", "params", "lib_dirs", "lib_files", "libext",
               "sv_files", "verilog_files")


def add_arguments(parser, *, file_lists: bool = True) -> None:
    """The shared "design inputs" argument group of optimize, check, verify, ppa, fsm and simulate."""
    g = parser.add_argument_group("design inputs (as Icarus/Verilator/Yosys take them)")
    if file_lists:
        g.add_argument("-f", dest="file_lists", action="append", default=[], metavar="FILE.f",
                       help="read a file list: sources, -f (nested), +incdir+, +define+, -y, -v, +libext+, "
                            "-I, -D; relative paths are relative to the list's directory")
    g.add_argument("-I", dest="include_dirs", action="append", default=[], metavar="DIR",
                   help="include directory, searched after the including file's directory (repeatable)")
    g.add_argument("-D", dest="defines", action="append", default=[], metavar="NAME[=VAL]",
                   help="define a macro (repeatable)")
    g.add_argument("-G", "--param", dest="params", action="append", default=[], metavar="NAME=VAL",
                   help="override a parameter of the top module (repeatable)")
    g.add_argument("-y", dest="lib_dirs", action="append", default=[], metavar="DIR",
                   help="library directory: missing modules are read from DIR/<module>.v (repeatable)")
    g.add_argument("-v", dest="lib_files", action="append", default=[], metavar="FILE",
                   help="library file, used for the modules it defines that the design needs (repeatable)")
    g.add_argument("--sv", dest="sv_files", action="append", default=[], metavar="FILE",
                   help="parse FILE as SystemVerilog whatever its suffix (default: .sv/.svh SystemVerilog, "
                        ".v Verilog-2005)")
    g.add_argument("--verilog", dest="verilog_files", action="append", default=[], metavar="FILE",
                   help="parse FILE as Verilog-2005 whatever its suffix")


def from_args(args, files: Iterable[str | Path] = (), *, cwd: Path | None = None,
              env: Mapping[str, str] | None = None, config: bool = True) -> Project:
    """The project of a command: ``[tool.rtlopt]`` first, then flags (``-f`` lists, -I, -D, -G, ...), then
    ``files`` (the positional sources). Flags add to the configuration; a flag define/param wins."""
    proj = Project()
    if config:
        proj = project_from_config_file(cwd, env)
    b = _Builder()
    base = Path.cwd() if cwd is None else cwd
    for fl in getattr(args, "file_lists", None) or []:
        proj = proj.merged(read_file_list(_resolve(fl, base), env=env))
    b.incdirs = [_abs(base / d) for d in getattr(args, "include_dirs", None) or []]
    for d in getattr(args, "defines", None) or []:
        k, v = parse_define(d)
        b.defines[k] = v
    for p in getattr(args, "params", None) or []:
        k, v = parse_param(p)
        b.params[k] = v
    b.lib_dirs = [_abs(base / d) for d in getattr(args, "lib_dirs", None) or []]
    b.lib_files = [_abs(base / f) for f in getattr(args, "lib_files", None) or []]
    b.sv_files = {_abs(base / f) for f in getattr(args, "sv_files", None) or []}
    b.v_files = {_abs(base / f) for f in getattr(args, "verilog_files", None) or []}
    both = b.sv_files & b.v_files
    if both:
        raise InputError(f"{sorted(both)[0]} is given both --sv and --verilog")
    b.files = [_abs(base / f) for f in files]
    proj = proj.merged(b.project())
    for d in proj.include_dirs:
        if not d.is_dir():
            raise InputError(f"include directory not found: {d}")
    for d in proj.lib_dirs:
        if not d.is_dir():
            raise InputError(f"library directory (-y) not found: {d}")
    for f in proj.lib_files:
        if not f.is_file():
            raise InputError(f"library file (-v) not found: {f}")
    return proj


def project_from_config_file(cwd: Path | None = None, env: Mapping[str, str] | None = None) -> Project:
    from rtlopt.config import find_config_file

    found = find_config_file(cwd)
    if not found:
        return Project()
    cfg, section = found
    sub = {k: v for k, v in section.items() if k in CONFIG_KEYS}
    if not sub:
        return Project()
    return from_config(sub, cfg.parent, env)


def activate_from_args(args, files: Iterable[str | Path] = ()) -> Project:
    """Build the project from a command's flags and config, make it active, and return it (files
    include those of -f lists; library modules from -y/-v are added by :func:`design_files`)."""
    proj = from_args(args, files)
    set_active(proj)
    return proj


def command_inputs(args, files: Iterable[str | Path] = ()) -> list[Path]:
    """For optimize/ppa/fsm/check: activate the project of ``args`` and return the design's files —
    the positional ``files``, then those of ``-f`` lists and ``[tool.rtlopt] file_lists``, then the
    library files (-y/-v) that define modules the others need."""
    files = list(files)
    proj = activate_from_args(args, [])
    ordered = _uniq(tuple(_abs(f) for f in files) + proj.files)
    proj = replace(proj, files=ordered)
    set_active(proj)
    if not ordered:
        raise InputError("no input files given (name files, or a file list with -f)")
    return design_files(proj)


def shared_inputs(args, designs: Iterable[str | Path] = ()) -> list[Path]:
    """For verify/simulate: activate the project of ``args`` and return the files that the designs
    (gold and gate) share: those of ``-f`` lists and the configuration, plus the library files (-y/-v)
    that define modules any of them needs."""
    proj = activate_from_args(args, [])
    seeds = [_abs(d) for d in designs]
    files = design_files(proj, [*proj.files, *seeds])
    return [f for f in files if f not in seeds]


def without_modules_of(files: Iterable[str | Path], design_file: str | Path) -> list[Path]:
    """``files`` less ``design_file`` and any file declaring a module that ``design_file`` declares
    (verify/simulate add the shared files to both designs without defining a module twice)."""
    me = _abs(design_file)
    mine = _declared(me)
    return [f for f in (_abs(x) for x in files) if f != me and not (_declared(f) & mine)]


# -- library resolution ---------------------------------------------------------------------------

_MODULE_DECL = re.compile(r"^\s*(?:module|macromodule|primitive)\s+(?:automatic\s+|static\s+)?"
                          r"([A-Za-z_][A-Za-z0-9_$]*)", re.M)
_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def _declared(path: Path) -> set[str]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    return set(_MODULE_DECL.findall(_COMMENT.sub(" ", text)))


def design_files(project: Project | None = None, files: Iterable[str | Path] | None = None) -> list[Path]:
    """``files`` (default: the project's) plus the library files (-y/-v) that define modules they
    instantiate and do not define, transitively."""
    proj = active() if project is None else project
    out = [_abs(f) for f in (proj.files if files is None else files)]
    if not proj.lib_dirs and not proj.lib_files:
        return out
    declared: set[str] = set()
    for f in out:
        declared |= _declared(f)
    lib_decl = {f: _declared(f) for f in proj.lib_files}
    todo = list(out)
    while todo:
        f = todo.pop()
        for name in sorted(instantiated_modules(f) - declared):
            found = None
            for d in proj.lib_dirs:
                for ext in proj.libext:
                    cand = d / f"{name}{ext}"
                    if cand.is_file():
                        found = cand
                        break
                if found:
                    break
            if found is None:
                found = next((lf for lf, names in lib_decl.items() if name in names), None)
            if found is not None and found not in out:
                out.append(found)
                todo.append(found)
                declared |= _declared(found)
    return out


def library_files(files: Iterable[str | Path], project: Project | None = None) -> set[Path]:
    """Those of ``files`` that are in the design only as library files (-y directories, -v files) and
    were not named by the user (positional, -f lists): read, never edited or written."""
    proj = active() if project is None else project
    if not proj.lib_dirs and not proj.lib_files:
        return set()
    named = {Path(os.path.realpath(f)) for f in proj.files}
    lib_files = {Path(os.path.realpath(f)) for f in proj.lib_files}
    lib_dirs = {Path(os.path.realpath(d)) for d in proj.lib_dirs}
    out: set[Path] = set()
    for f in files:
        r = Path(os.path.realpath(f))
        if r not in named and (r in lib_files or r.parent in lib_dirs):
            out.add(r)
    return out


def instantiated_modules(path: Path) -> set[str]:
    """Names of the modules instantiated in ``path`` (parsed with its language; includes resolved)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
        return instantiated_in(syntax_tree(text, path))
    except Exception:  # noqa: BLE001 - a file that does not parse instantiates nothing we can see
        return set()


# -- pyslang --------------------------------------------------------------------------------------

def _bag(project: Project, path: Path | None):
    import pyslang
    from pyslang import parsing

    opts = parsing.PreprocessorOptions()
    if path is not None:
        opts.additionalIncludePaths = [str(d) for d in project.include_dirs_for(path)]
    else:
        opts.additionalIncludePaths = [str(d) for d in project.include_dirs]
    opts.predefines = [k if v is None else f"{k}={v}" for k, v in project.defines]
    return pyslang.Bag([opts])


def defined_macros(tree) -> list:
    """The ```define`` directives a tree leaves defined (its own and those of the files it includes),
    to hand to the next file as Yosys and Icarus do (macros persist across the files of one run)."""
    from pyslang import parsing, syntax

    out: list = []

    def visit(n):
        if isinstance(n, parsing.Token):
            for tr in n.trivia:
                d = tr.syntax()
                if d is not None and d.kind == syntax.SyntaxKind.DefineDirective:
                    out.append(d)
                elif d is not None and d.kind == syntax.SyntaxKind.UndefDirective:
                    name = d.name.valueText
                    out[:] = [x for x in out if x.name.valueText != name]
        return True

    tree.root.visit(visit)
    return out


def macro_directives(tree) -> list[str]:
    """The text of every ```define`` and ```undef`` of ``tree`` (its includes too), in order: replayed
    before a later file of the same run, they give it the macros the earlier files left defined."""
    from pyslang import parsing, syntax

    out: list[str] = []
    kinds = (syntax.SyntaxKind.DefineDirective, syntax.SyntaxKind.UndefDirective)

    def visit(n):
        if isinstance(n, parsing.Token):
            for tr in n.trivia:
                d = tr.syntax()
                if d is not None and d.kind in kinds:
                    out.append(str(d).strip())
        return True

    tree.root.visit(visit)
    return out


#: file -> directives (```define``/```undef`` text) of the files before it in the running command, for
#: commands that analyse files one by one (check) while the tools read them as one compilation unit
_preceding: dict[Path, str] = {}


@contextlib.contextmanager
def preceding_macros(mapping: Mapping[Path, Iterable[str]]) -> Iterator[None]:
    """``with preceding_macros({file: directives}):`` — inside the block, parsing ``file`` (or a copy or
    rewrite of it) first replays ``directives`` in a buffer of their own (offsets of the file's text
    are unchanged), as Yosys and Icarus see macros defined by earlier files of the same run."""
    add = {_abs(k): "\n".join(v) + "\n" for k, v in mapping.items() if v}
    with _lock:
        old = dict(_preceding)
        _preceding.update(add)
    try:
        yield
    finally:
        with _lock:
            _preceding.clear()
            _preceding.update(old)


def syntax_tree(text: str, path: str | Path | None = None, project: Project | None = None, *,
                source_manager=None, inherited_macros=()):
    """Parse ``text`` (the contents of ``path``) as the project reads it: Verilog-2005 keywords for
    Verilog files, includes from the file's directory then -I dirs, -D macros. Without ``path`` (a text
    that is no file, e.g. a generated candidate) it is parsed as SystemVerilog, the superset.

    The tree keeps the file's text in a buffer of its own, so source offsets are those of ``text``.
    """
    import pyslang
    from pyslang import syntax

    proj = active() if project is None else project
    p = _abs(path) if path not in (None, "") else None
    sm = source_manager if source_manager is not None else pyslang.SourceManager()
    bufs = []
    if p is not None and proj.language(p) == "verilog":
        bufs.append(sm.assignText(f"<rtlopt: Verilog-2005 keywords for {p.name}>", V2005_PREAMBLE))
    before = _preceding.get(original_of(p)) if p is not None and _preceding else None
    if before:
        bufs.append(sm.assignText(f"<rtlopt: macros of the files before {p.name}>", before))
    bufs.append(sm.assignText(str(p) if p is not None else "source", text))
    return syntax.SyntaxTree.fromBuffers(bufs, sm, _bag(proj, p), list(inherited_macros))


def module_stubs(tree, language: str = "sv") -> dict[str, str]:
    """``{module name: stub text}`` for the modules declared in ``tree``: the header, port and parameter
    declarations and functions, no behaviour. A file analysed in the context of others gets the stubs
    of the modules it instantiates, so their ports and parameters resolve without their bodies."""
    from pyslang import syntax

    SK = syntax.SyntaxKind
    keep = {SK.PortDeclaration, SK.ParameterDeclarationStatement, SK.FunctionDeclaration,
            SK.TypedefDeclaration}
    out: dict[str, str] = {}
    root = tree.root
    members = [root] if root.kind == SK.ModuleDeclaration else list(getattr(root, "members", ()))
    for m in members:
        if m.kind != SK.ModuleDeclaration:
            continue
        body = "".join(str(x) for x in m.members if x.kind in keep)
        text = f"{m.header}\n{body}\nendmodule\n"
        if language == "verilog":
            text = f'`begin_keywords "1364-2005"\n{text}`end_keywords\n'
        out[m.header.name.valueText] = text
    return out


def declared_modules(tree) -> list[str]:
    """Names of the modules declared at the top of ``tree``."""
    from pyslang import syntax

    SK = syntax.SyntaxKind
    root = tree.root
    members = [root] if root.kind == SK.ModuleDeclaration else list(getattr(root, "members", ()))
    return [m.header.name.valueText for m in members if m.kind == SK.ModuleDeclaration]


def instantiated_in(tree) -> set[str]:
    """Names of the modules instantiated anywhere in ``tree``."""
    from pyslang import syntax

    names: set[str] = set()

    def visit(n):
        if getattr(n, "kind", None) == syntax.SyntaxKind.HierarchyInstantiation:
            names.add(n.type.valueText)
        return True

    tree.root.visit(visit)
    return names


def compilation(trees: Iterable = (), project: Project | None = None, *, params: bool = True):
    """A pyslang Compilation of ``trees`` with the project's parameter overrides for the top."""
    import pyslang
    from pyslang import ast

    proj = active() if project is None else project
    if params and proj.params:
        opts = ast.CompilationOptions()
        opts.paramOverrides = [f"{k}={v}" for k, v in proj.params]
        comp = ast.Compilation(pyslang.Bag([opts]))
    else:
        comp = ast.Compilation()
    for t in trees:
        comp.addSyntaxTree(t)
    return comp


def top_compilation(top: str | None, project: Project | None = None):
    """An empty pyslang Compilation (add the trees) that elaborates ``top`` as the only top, with the
    project's -G values: the design as Yosys elaborates it (``hierarchy -top``, ``chparam``). Without
    ``topModules`` a module that another file passed along instantiates is no top at all (its
    variables sit under the parent's instance, at the parent's parameters, not at the -G values)."""
    import pyslang
    from pyslang import ast

    proj = active() if project is None else project
    opts = ast.CompilationOptions()
    if top:
        opts.topModules = {top}
        if proj.params:
            opts.paramOverrides = [f"{k}={v}" for k, v in proj.params]
    return ast.Compilation(pyslang.Bag([opts]))


# -- tool invocations -----------------------------------------------------------------------------

def _q(text: str | Path) -> str:
    s = str(text)
    return f'"{s}"' if re.search(r'\s|"', s) else s


def _yosys_value(v: str) -> str:
    v = v.strip()
    if v.startswith('"') and v.endswith('"'):
        return v
    return v


def yosys_read_lines(files: Iterable[str | Path], top: str | None = None, project: Project | None = None,
                     *, extra_defines: Mapping[str, str] | None = None,
                     extra_include_dirs: Iterable[str | Path] = ()) -> list[str]:
    """``read_verilog`` lines for ``files`` (``-sv`` only for SystemVerilog files, ``-D``/``-I`` from the
    project) and, with ``top``, ``chparam`` for the project's parameter overrides (before ``hierarchy``)."""
    proj = active() if project is None else project
    lines = []
    defs: dict[str, str | None] = dict(proj.defines)
    defs.update(extra_defines or {})
    from rtlopt.hdl.policy import tool_dir, tool_path

    files = list(files)
    deferred = _files_outside_top(files, top, proj) if top else set()
    for f in files:
        flags = ["-sv"] if proj.language(f) == "sv" else []
        if f in deferred:
            # a file declaring a module the top does not use: read as syntax only (``-defer``), so
            # ``hierarchy -top`` elaborates just the modules under the top, as Yosys does for a user
            # who reads the file that way; a module elsewhere that does not elaborate (a generate-if
            # on a port) no longer stops the design that does not use it
            flags.append("-defer")
        for k, v in defs.items():
            flags.append(f"-D{k}" if v is None or v == "" else _q(f"-D{k}={v}"))
        # a file with a BOM or an odd name (newline, quotes) is read through a plain-named copy or
        # symlink (rtlopt.hdl.policy); its own directory stays first for `include
        tf = tool_path(f)
        dirs = [*extra_include_dirs, *proj.include_dirs_for(f)]
        if tf != str(f):
            dirs.insert(0, original_of(f).parent)
        for d in dirs:
            flags.append(_q(f"-I{tool_dir(d)}"))
        lines.append(f"read_verilog {' '.join([*flags, _q(tf)])}".replace("  ", " "))
    if top and proj.params:
        for k, v in proj.params:
            lines.append(f"chparam -set {k} {_yosys_value(v)} {top}")
    return lines


_MODULE_USES: dict[tuple, dict[str, set[str]]] = {}


def _module_uses(path: Path, proj: Project) -> dict[str, set[str]] | None:
    """``{module declared in path: names of the modules it instantiates}`` (cached by path, size and
    modification time), or None when the file cannot be read or parsed."""
    try:
        st = Path(path).stat()
    except OSError:
        return None
    key = (str(path), st.st_size, st.st_mtime_ns, proj.language(path))
    if key in _MODULE_USES:
        return _MODULE_USES[key]
    out: dict[str, set[str]] | None
    try:
        from pyslang import syntax

        tree = syntax_tree(Path(path).read_text(encoding="utf-8", errors="replace"), path, proj)
        root = tree.root
        members = [root] if root.kind == syntax.SyntaxKind.ModuleDeclaration else list(getattr(root, "members", ()))
        out = {}
        for m in members:
            if m.kind != syntax.SyntaxKind.ModuleDeclaration:
                continue
            names: set[str] = set()

            def visit(n, names=names):
                if getattr(n, "kind", None) == syntax.SyntaxKind.HierarchyInstantiation:
                    names.add(n.type.valueText)
                return True

            m.visit(visit)
            out[m.header.name.valueText] = names
    except Exception:  # noqa: BLE001 - unparsable here: read it as before, Yosys reports what it finds
        out = None
    if len(_MODULE_USES) > 4096:
        _MODULE_USES.clear()
    _MODULE_USES[key] = out
    return out


def _files_outside_top(files: list, top: str, proj: Project) -> set:
    """Those of ``files`` that declare a module outside ``top``'s instance tree (by the instantiations
    each module's syntax names, transitively; a module named by no file counts as used). Empty when
    any file cannot be parsed or ``top`` is declared nowhere: then every file is read in full."""
    uses: dict[str, set[str]] = {}
    declares: dict = {}
    for f in files:
        mods = _module_uses(Path(f), proj)
        if mods is None:
            return set()
        declares[f] = set(mods)
        for name, inst in mods.items():
            uses.setdefault(name, set()).update(inst)
    if top not in uses:
        return set()
    need, todo = {top}, [top]
    while todo:
        for child in uses.get(todo.pop(), ()):
            if child not in need:
                need.add(child)
                todo.append(child)
    return {f for f, mods in declares.items() if mods - need}


def icarus_args(project: Project | None = None, top: str | None = None, files: Iterable[str | Path] = ()) -> list[str]:
    """``iverilog`` flags: ``-I``, ``-D``, ``-P top.NAME=VAL`` (with ``top``)."""
    proj = active() if project is None else project
    out = []
    dirs: list[Path] = []
    for f in files:
        dirs += [d for d in proj.include_dirs_for(f) if d not in dirs]
    for d in dirs or proj.include_dirs:
        out.append(f"-I{d}")
    for k, v in proj.defines:
        out.append(f"-D{k}" if v is None else f"-D{k}={v}")
    if top:
        out += [f"-P{top}.{k}={v}" for k, v in proj.params]
    return out


def verilator_args(project: Project | None = None, files: Iterable[str | Path] = ()) -> list[str]:
    """``verilator`` flags: ``-I``/``+incdir+``, ``-D``, ``-G`` (Verilator applies -G to the top)."""
    proj = active() if project is None else project
    out = []
    dirs: list[Path] = []
    for f in files:
        dirs += [d for d in proj.include_dirs_for(f) if d not in dirs]
    for d in dirs or proj.include_dirs:
        out.append(f"-I{d}")
    for k, v in proj.defines:
        out.append(f"-D{k}" if v is None else f"-D{k}={v}")
    out += [f"-G{k}={v}" for k, v in proj.params]
    return out


# -- synthesis policy: the parameter-check idiom ---------------------------------------------------

def is_parameter_check(initial_block, loop_vars_out: set[str] | None = None) -> bool:
    """True for ``initial begin if (<constant>) begin $error(...); $finish; end end`` and its variants:
    an ``initial`` block with no timing control whose every system task (``$finish``, ``$stop``,
    ``$fatal``, ``$error``, ``$display``, ...) sits under a condition made only of parameters, literals
    and constant functions — an elaboration-time parameter check that synthesis ignores, not testbench
    code. ``initial`` blocks that assign signals are not this idiom.
    """
    from pyslang import syntax

    SK = syntax.SyntaxKind
    timing = {SK.DelayControl, SK.EventControl, SK.EventControlWithExpression, SK.WaitStatement,
              SK.ForeverStatement, SK.CycleDelay}
    bad = []
    loop_vars: set[str] = set()

    def guarded(stmt, under_if: bool) -> None:
        if bad:
            return
        k = stmt.kind
        if k in timing or k in (SK.TimingControlStatement,):
            bad.append(k)
            return
        if k == SK.SequentialBlockStatement or k == SK.ParallelBlockStatement:
            for item in stmt.items:
                guarded(item, under_if)
            return
        if k == SK.ConditionalStatement:
            if not all(_constant_expr(c.expr) for c in stmt.predicate.conditions):
                bad.append("condition")
                return
            guarded(stmt.statement, True)
            if stmt.elseClause is not None:
                guarded(stmt.elseClause.clause, True)
            return
        if k == SK.ExpressionStatement:
            e = stmt.expr
            name = e if e.kind == SK.SystemName else (e.left if e.kind == SK.InvocationExpression else None)
            if name is not None and name.kind == SK.SystemName:
                if not under_if and name.systemIdentifier.valueText in ("$finish", "$stop", "$fatal"):
                    bad.append("unconditional finish")
                return
            bad.append("expression")
            return
        if k == SK.EmptyStatement:
            return
        if k == SK.ForLoopStatement:  # e.g. checking every entry of an address-map parameter
            for init in stmt.initializers:
                left = getattr(init, "left", None)
                if left is None or left.kind != SK.IdentifierName:
                    bad.append("loop")
                    return
                loop_vars.add(left.identifier.valueText)
            guarded(stmt.statement, under_if)
            return
        bad.append(k)  # assignments, calls, other loops: not a parameter check

    stmt = getattr(initial_block, "statement", None)
    if stmt is None:
        return False
    guarded(stmt, False)
    if loop_vars_out is not None:
        loop_vars_out |= loop_vars
    return not bad


def _constant_expr(expr) -> bool:
    """No hierarchical reference in ``expr`` (identifiers are checked by :func:`is_parameter_check_in`)."""
    from pyslang import syntax

    SK = syntax.SyntaxKind
    ok = [True]

    def visit(n):
        if getattr(n, "kind", None) in (SK.ScopedName, SK.MemberAccessExpression):
            ok[0] = False
        return True

    expr.visit(visit)
    return ok[0]


def constant_names(module_decl) -> set[str]:
    """Names a constant expression in ``module_decl`` may use: parameters, localparams, genvars and
    functions (constant functions) declared in it."""
    from pyslang import syntax

    SK = syntax.SyntaxKind
    names: set[str] = set()

    def visit(n):
        k = getattr(n, "kind", None)
        if k == SK.ParameterDeclaration:
            for d in n.declarators:
                if getattr(d, "kind", None) == SK.Declarator:
                    names.add(d.name.valueText)
        elif k == SK.GenvarDeclaration:
            for d in n.identifiers:
                if getattr(d, "kind", None) == SK.IdentifierName:
                    names.add(d.identifier.valueText)
        elif k == SK.FunctionDeclaration:
            names.add(str(n.prototype.name).strip())
        return True

    module_decl.visit(visit)
    return names


def is_parameter_check_in(initial_block, module_decl) -> bool:
    """:func:`is_parameter_check`, with every identifier in its conditions a parameter, genvar or
    function of ``module_decl`` (so ``initial if (rst) $finish;`` is still testbench code)."""
    from pyslang import syntax

    loop_vars: set[str] = set()
    if not is_parameter_check(initial_block, loop_vars):
        return False
    allowed = constant_names(module_decl) | loop_vars
    SK = syntax.SyntaxKind
    ok = [True]

    def ident(m):
        if getattr(m, "kind", None) == SK.IdentifierName and m.identifier.valueText not in allowed:
            ok[0] = False
        return True

    def conds(n):
        if getattr(n, "kind", None) == SK.ConditionalStatement:
            for c in n.predicate.conditions:
                c.expr.visit(ident)
        return True

    initial_block.visit(conds)
    return ok[0]


__all__ = [
    "CONFIG_KEYS", "Project", "activate_from_args", "command_inputs", "shared_inputs", "without_modules_of", "active", "add_arguments", "compilation", "design_files",
    "expand_env", "from_args", "from_config", "icarus_args", "instantiated_modules", "is_parameter_check", "library_files",
    "is_parameter_check_in", "needs_verilog_keywords", "constant_names", "declared_modules", "defined_macros", "macro_directives", "preceding_macros", "instantiated_in", "module_stubs",
    "original_of", "parse_define", "parse_param", "read_file_list", "register_copy",
    "set_active", "syntax_tree", "using", "verilator_args", "yosys_read_lines",
]
