"""What a command works on: a set of HDL files and a top module, validated by the front end."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from rtlopt.hdl.source import ParsedDesign, load_design


@dataclass(frozen=True)
class DesignRef:
    """HDL files plus the chosen top module. Create it with :func:`open_design`."""

    files: tuple[Path, ...]
    top: str
    parsed: ParsedDesign | None = field(default=None, compare=False, repr=False)

    @property
    def label(self) -> str:
        return f"{', '.join(str(f) for f in self.files)} (top {self.top})"

    def sha256(self) -> str:
        h = hashlib.sha256()
        for f in self.files:
            h.update(f.read_bytes())
        return h.hexdigest()


def open_design(paths: list[str | Path] | tuple[str | Path, ...] | str | Path, top: str | None = None) -> DesignRef:
    """Read, parse (pyslang) and choose the top; raise InputError with file:line on any problem."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    parsed = load_design(list(paths))
    chosen = parsed.choose_top(top)
    _apply_policy(parsed, chosen, paths)
    return DesignRef(tuple(Path(p).resolve() for p in paths), chosen, parsed)


def _apply_policy(parsed: ParsedDesign, top: str, paths) -> None:
    """The input policy every command shares (rtlopt.hdl.policy): simulation-only code is refused;
    meaning-changing warnings are shown for the user's own files (not for candidate copies)."""
    from rtlopt.hdl.policy import emit_warnings, enforce_synthesizable
    from rtlopt.hdl.project import original_of

    enforce_synthesizable(parsed, top)
    if all(original_of(p) == Path(p).resolve() for p in paths):
        emit_warnings(parsed)


def open_gate_design(paths: list[str | Path] | tuple[str | Path, ...] | str | Path, gold: DesignRef,
                     top: str | None = None) -> DesignRef:
    """Open the design compared against ``gold``: its top is ``top`` when given, else the gold's top
    when the gate has a module of that name (a rewrite may leave helper modules uninstantiated, e.g.
    the cells of a netlist replaced by an operator), else chosen as usual."""
    if top is not None:
        return open_design(paths, top)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    parsed = load_design(list(paths))
    chosen = parsed.choose_top(gold.top if gold.top in parsed.modules else None)
    _apply_policy(parsed, chosen, paths)
    return DesignRef(tuple(Path(p).resolve() for p in paths), chosen, parsed)

