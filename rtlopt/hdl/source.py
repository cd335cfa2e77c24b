"""Reading and parsing HDL source files with pyslang (lossless syntax trees).

This module is pure: it reads files and parses them, and starts no processes. Every problem a
user can cause becomes an :class:`~rtlopt.errors.InputError` naming the file and line.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from pyslang import DiagnosticEngine, syntax

from rtlopt.errors import InputError

#: Files larger than this are refused (override with RTLOPT_MAX_FILE_BYTES).
DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024
HDL_SUFFIXES = (".v", ".sv", ".vh", ".svh", ".vlog", ".verilog")


def max_file_bytes() -> int:
    raw = os.environ.get("RTLOPT_MAX_FILE_BYTES")
    if raw:
        try:
            return int(raw)
        except ValueError:
            raise InputError(f"RTLOPT_MAX_FILE_BYTES must be a whole number of bytes, not {raw!r}") from None
    return DEFAULT_MAX_FILE_BYTES


@dataclass(frozen=True)
class SourceFile:
    """The text of one HDL file as read from disk."""

    path: Path
    text: str

    @property
    def name(self) -> str:
        return str(self.path)


def read_source(path: str | Path, *, limit: int | None = None) -> SourceFile:
    """Read an HDL file, refusing missing, empty, binary, non-UTF-8 and oversized files."""
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", file=p)
    if p.is_dir():
        raise InputError("is a directory, not an HDL file", file=p)
    limit = max_file_bytes() if limit is None else limit
    size = p.stat().st_size
    if size > limit:
        raise InputError(f"file is {size} bytes, over the limit of {limit} bytes "
                         "(raise it with RTLOPT_MAX_FILE_BYTES)", file=p)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=p) from None
    if not data.strip():
        raise InputError("file is empty", file=p)
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not Verilog/SystemVerilog", file=p)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        text = data.decode("latin-1")  # every byte decodes; reject what is clearly not text
        if sum(ch < 9 or 13 < ch < 32 for ch in data) > len(data) // 100:
            raise InputError("binary file, not Verilog/SystemVerilog", file=p, line=line) from None
    return SourceFile(p, text)


@dataclass(frozen=True)
class Port:
    name: str
    direction: str  # "input" | "output" | "inout"
    width: int
    signed: bool = False


@dataclass(frozen=True)
class ModuleInfo:
    """One module declaration: name, where it is, its ports and parameters (default elaboration)."""

    name: str
    file: str
    line: int
    ports: tuple[Port, ...] = ()
    parameters: dict[str, str] = field(default_factory=dict)
    is_top_candidate: bool = False


_DIRS = {"In": "input", "Out": "output", "InOut": "inout", "Ref": "ref"}


@dataclass
class ParsedDesign:
    """Parsed sources plus a light module model (ports/params of each uninstantiated module)."""

    sources: list[SourceFile]
    trees: list[syntax.SyntaxTree]
    modules: dict[str, ModuleInfo]
    warnings: list[str]
    #: pyslang warnings that change the meaning of the code (reversed part-select, truncated
    #: constant, out-of-range select): shown by the commands (rtlopt.hdl.policy.emit_warnings)
    meaning_warnings: list[str] = field(default_factory=list)

    @property
    def top_candidates(self) -> list[str]:
        return [m.name for m in self.modules.values() if m.is_top_candidate]

    def choose_top(self, top: str | None = None) -> str:
        """The top module: ``top`` if given and present, else the only uninstantiated module."""
        names = list(self.modules)
        where = self.sources[0].path if len(self.sources) == 1 else None
        if not names:
            raise InputError("no module declarations found", file=where)
        if top:
            if top not in self.modules:
                raise InputError(f"top module '{top}' not found; modules here: {', '.join(names)}", file=where)
            return top
        cands = self.top_candidates or names
        if len(cands) == 1:
            return cands[0]
        raise InputError(f"cannot choose the top module: {', '.join(cands)} are all uninstantiated; "
                         "name one with --top", file=where)


def _format_diag(tree: syntax.SyntaxTree, diag, path: Path, kind: str = "syntax error") -> InputError:
    sm = tree.sourceManager
    text = DiagnosticEngine.reportAll(sm, [diag]).strip().splitlines()
    first = text[0] if text else str(diag.code)
    # "file:line:col: error: message" → keep only the message part
    msg = first.split(": error: ", 1)[1] if ": error: " in first else first
    msg = msg.split(": warning: ", 1)[1] if ": warning: " in msg else msg
    line_no = sm.getLineNumber(diag.location)
    if "'`error'" in msg:  # the designer's own stop: say what it says (Yosys and Icarus stop there too)
        with contextlib.suppress(OSError, IndexError, UnicodeDecodeError):
            src_line = path.read_text(errors="replace").splitlines()[line_no - 1].strip()
            return InputError(f"{src_line[:160]} (an `error directive reached in this file order)",
                              file=path, line=line_no, column=sm.getColumnNumber(diag.location))
    return InputError(f"{kind}: {msg}" if kind else msg, file=path,
                      line=sm.getLineNumber(diag.location), column=sm.getColumnNumber(diag.location))


def parse_sources(sources: list[SourceFile]) -> ParsedDesign:
    """Parse ``sources`` together; raise InputError on the first syntax error."""
    import pyslang

    from rtlopt.hdl.project import compilation, defined_macros, syntax_tree

    trees = []
    macros: list = []
    sm = pyslang.SourceManager()  # one per design: a compilation needs its trees in one manager
    for src in sources:
        # language by file (.v: Verilog-2005 keywords), includes from the file's directory then -I,
        # -D macros, and the macros earlier files defined (as Yosys/Icarus): see rtlopt.hdl.project
        tree = syntax_tree(src.text, src.path, inherited_macros=macros, source_manager=sm)
        if len(sources) > 1 and ("`define" in src.text or "`include" in src.text):
            macros = macros + defined_macros(tree)
        for diag in tree.diagnostics:
            if diag.isError():
                raise _format_diag(tree, diag, src.path)
        trees.append(tree)
    comp = compilation(trees)  # with the -G overrides of the top's parameters
    root = comp.getRoot()
    tops = {inst.name: inst for inst in root.topInstances}
    modules: dict[str, ModuleInfo] = {}
    for src, tree in zip(sources, trees, strict=True):
        sm = tree.sourceManager
        for member in _module_decls(tree.root):
            name = member.header.name.valueText
            line = sm.getLineNumber(member.sourceRange.start)
            inst = tops.get(name)
            ports: tuple[Port, ...] = ()
            params: dict[str, str] = {}
            if inst is not None:
                body = inst.body
                ports = tuple(_port(p) for p in body.portList if hasattr(p, "direction"))
                params = {p.name: str(getattr(p, "value", "")) for p in body.parameters}
            modules[name] = ModuleInfo(name, str(src.path), line, ports, params,
                                       is_top_candidate=inst is not None)
    warnings = []
    meaning: list[str] = []
    from rtlopt.hdl.policy import fatal_diagnostic, meaning_warning, tolerated_error

    for diag in comp.getAllDiagnostics():
        if diag.isError():
            for tree in trees:
                rep = DiagnosticEngine.reportAll(tree.sourceManager, [diag]).strip()
                if rep:
                    warnings.append(rep.splitlines()[0])
                    break
            if fatal_diagnostic(diag) and not tolerated_error(diag):
                # semantic errors too (``x[15:8][3:0]``): Yosys would read such code another way
                raise _format_diag(trees[0], diag, _diag_path(trees[0], diag, sources), kind="")
        elif meaning_warning(diag):
            w = _format_diag(trees[0], diag, _diag_path(trees[0], diag, sources), kind="")
            w.message = w.message.split(": warning: ", 1)[-1]
            meaning.append(str(w))
    parsed = ParsedDesign(sources, trees, modules, warnings)
    parsed.meaning_warnings = meaning
    return parsed


def _diag_path(tree, diag, sources: list[SourceFile]) -> Path:
    try:
        name = tree.sourceManager.getFileName(diag.location)
    except Exception:  # noqa: BLE001 - a location without a file
        name = ""
    for src in sources:
        with contextlib.suppress(OSError):
            if name and (str(src.path) == str(name) or src.path.resolve() == Path(name).resolve()):
                return src.path
    return Path(name) if name else sources[0].path


def _module_decls(node):
    """Module declarations at the top of a compilation unit (pyslang roots a lone module directly)."""
    if node.kind == syntax.SyntaxKind.ModuleDeclaration:
        yield node
        return
    for member in getattr(node, "members", ()):
        if member.kind == syntax.SyntaxKind.ModuleDeclaration:
            yield member


def _port(p) -> Port:
    direction = _DIRS.get(p.direction.name, p.direction.name.lower())
    t = p.type
    return Port(p.name, direction, int(getattr(t, "bitWidth", 1) or 1), bool(getattr(t, "isSigned", False)))


def load_design(paths: list[str | Path]) -> ParsedDesign:
    """Read and parse HDL files (the usual entry point for commands)."""
    if not paths:
        raise InputError("no input files given")
    from rtlopt.hdl.policy import require_design_units

    parsed = parse_sources([read_source(p) for p in paths])
    require_design_units(parsed, paths)  # comments-only: exit 2 in every command
    return parsed
