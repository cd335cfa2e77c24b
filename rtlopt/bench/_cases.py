"""Benchmark cases: the RTL-Rewriter-Bench manifest layout, a directory of designs, or one file."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from rtlopt.errors import InputError
from rtlopt.hdl.source import HDL_SUFFIXES

#: Roles a manifest may give a file (RTL-Rewriter-Bench); "original" is the design to optimize.
REFERENCE_ROLES = ("human", "gpt4", "claude3", "rtlrewriter", "reference")


@dataclass(frozen=True)
class BenchFile:
    path: Path
    role: str
    top: str | None = None


@dataclass(frozen=True)
class BenchCase:
    """One design to optimize plus the reference variants shipped with it."""

    suite: str
    name: str
    files: tuple[BenchFile, ...]
    deps: tuple[Path, ...] = field(default=())
    style: str | None = None  # coding style (generalization suite: loop, generate, bitlevel, ...)

    @property
    def key(self) -> str:
        return f"{self.suite}/{self.name}"

    @property
    def original(self) -> BenchFile:
        for f in self.files:
            if f.role == "original":
                return f
        raise InputError(f"case {self.key} has no file with role 'original'")

    def to_dict(self) -> dict:
        return {"suite": self.suite, "case": self.name, "deps": [str(d) for d in self.deps], "style": self.style,
                "files": [{"path": str(f.path), "role": f.role, "top": f.top} for f in self.files]}

    @classmethod
    def from_dict(cls, d: dict) -> BenchCase:
        return cls(d["suite"], d["case"], tuple(BenchFile(Path(f["path"]), f["role"], f.get("top"))
                                                for f in d["files"]), tuple(Path(p) for p in d.get("deps") or ()),
                   d.get("style"))


def _from_manifest(path: Path) -> list[BenchCase]:
    try:
        data = json.loads(path.read_text())
        raw_cases = data["cases"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not a benchmark manifest (expected a JSON object with 'cases'): {exc}",
                         file=path) from None
    base = path.parent
    cases = []
    for i, c in enumerate(raw_cases):
        try:
            d = base / c["dir"]
            files = tuple(BenchFile(d / f["file"], f["role"], f.get("top")) for f in c["files"])
            deps = tuple(d / x for x in (c.get("deps") or ()))
            cases.append(BenchCase(c.get("suite", base.name), c["case"], files, deps, c.get("style")))
        except (KeyError, TypeError) as exc:
            raise InputError(f"case #{i + 1} lacks {exc}", file=path) from None
    return cases


def _from_case_dirs(root: Path, specs: list[Path]) -> list[BenchCase]:
    """The generalization-suite layout: ``<family>/<case>/{original.v, reference.v, case.json}``.

    ``case.json`` gives ``family``, ``style``, ``top`` and a description; extra ``*.v`` files in the
    case directory other than the two roles are dependencies (sub-modules shared by both).
    """
    cases = []
    for spec in sorted(specs):
        d = spec.parent
        try:
            meta = json.loads(spec.read_text())
            if not isinstance(meta, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as exc:
            raise InputError(f"not a case description: {exc}", file=spec) from None
        orig = next((d / n for n in ("original.v", "original.sv") if (d / n).exists()), None)
        if orig is None:
            raise InputError("case directory has no original.v", file=d)
        top = meta.get("top")
        files = [BenchFile(orig.resolve(), "original", top)]
        refs = sorted(p for p in d.iterdir() if p.stem == "reference" and p.suffix in HDL_SUFFIXES)
        files += [BenchFile(p.resolve(), "reference", top) for p in refs]
        deps = tuple(sorted(p.resolve() for p in d.iterdir() if p.suffix in HDL_SUFFIXES
                            and p.stem not in ("original", "reference")))
        family = meta.get("family") or (d.parent.name if d.parent != root else root.name)
        cases.append(BenchCase(str(family), d.name, tuple(files), deps, meta.get("style")))
    return cases


def load_cases(spec: str | Path) -> list[BenchCase]:
    """Cases from a manifest (``manifest.json`` or a directory holding one), a directory of case
    directories with ``case.json`` (the generalization suite), a directory of HDL files (each file
    is one case, role original), or a single HDL file."""
    p = Path(spec)
    if not p.exists():
        raise InputError("no such file or directory", file=p)
    if p.is_file() and p.suffix == ".json":
        return _from_manifest(p)
    if p.is_dir() and (p / "manifest.json").exists():
        return _from_manifest(p / "manifest.json")
    if p.is_dir():
        specs = list(p.rglob("case.json"))
        if specs:
            return _from_case_dirs(p, specs)
    if p.is_file():
        return [BenchCase(p.parent.name or ".", p.stem, (BenchFile(p.resolve(), "original"),))]
    files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in HDL_SUFFIXES)
    if not files:
        raise InputError("no manifest.json and no HDL files (.v, .sv) found", file=p)
    cases = []
    for f in files:
        rel = f.relative_to(p)
        suite = str(rel.parent) if str(rel.parent) != "." else p.name
        cases.append(BenchCase(suite, f.stem, (BenchFile(f.resolve(), "original"),)))
    return cases
