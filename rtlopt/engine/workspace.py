"""Temporary copies of a design, one directory per candidate text (same file names as the original)."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

from rtlopt.design import DesignRef, open_design
from rtlopt.hdl.project import register_copy


class Workspace:
    """Writes candidate texts next to each other in a temp directory and opens them as designs.

    Each distinct set of texts is written once (cached by content hash). Use as a context manager or
    call :meth:`close`.
    """

    def __init__(self, design: DesignRef, prefix: str = "rtlopt-", keep: set[Path] | None = None) -> None:
        """``keep``: the files (resolved paths) each copy holds, in the design's order (None: all). The
        search passes the files its top's elaboration reads: a copy of a 31-file tree for a candidate
        of one module parsed and elaborated all 31 (kept for the process's life, rtlopt._slanglife)."""
        self.design = design
        self.keep = keep
        self.root = Path(tempfile.mkdtemp(prefix=prefix))
        self.n = 0
        self._seen: dict[str, DesignRef] = {}

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def materialize(self, texts: dict[Path, str]) -> DesignRef:
        """The design with each file's text replaced by ``texts[file]``, written under the workspace."""
        key = hashlib.sha256("\0".join(texts[p] for p in self.design.files).encode()).hexdigest()
        if key in self._seen:
            return self._seen[key]
        self.n += 1
        d = self.root / f"c{self.n}"
        d.mkdir()
        files = []
        for i, p in enumerate(self.design.files):
            if self.keep is not None and Path(p).resolve() not in self.keep:
                continue
            sub = d if i == 0 else d / f"f{i}"
            sub.mkdir(exist_ok=True)
            q = sub / p.name
            q.write_text(texts[p], encoding="utf-8")
            register_copy(q, p)  # the copy reads includes and keeps the language of its original
            files.append(q)
        ref = open_design(files, top=self.design.top)
        self._seen[key] = ref
        return ref

    def gold(self) -> DesignRef:
        """A copy of the ORIGINAL design as it is on disk."""
        return self.materialize({p: p.read_text(encoding="utf-8", errors="replace") for p in self.design.files})

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
