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
    return DesignRef(tuple(Path(p).resolve() for p in paths), chosen, parsed)
