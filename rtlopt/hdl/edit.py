"""Source-span edits: the one way rtlopt changes a user's text.

Rewrites (templates, FSM regeneration, LLM output spliced per module) are expressed as byte-offset
replacements on the original text, so everything outside the edited spans — comments, formatting,
license headers — survives byte for byte. Offsets come from pyslang source ranges
(``node.sourceRange.start.offset`` / ``.end.offset``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit span {self.start}..{self.end}")


class OverlappingEdits(ValueError):
    """Two edits touch the same text."""


def apply_edits(text: str, edits: list[Edit] | tuple[Edit, ...]) -> str:
    """Apply non-overlapping edits (any order) to ``text``; offsets refer to the original text."""
    ordered = sorted(edits)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b.start < a.end:
            raise OverlappingEdits(f"edits {a.start}..{a.end} and {b.start}..{b.end} overlap")
    if ordered and ordered[-1].end > len(text):
        raise ValueError(f"edit ends at {ordered[-1].end}, past the end of the text ({len(text)})")
    out = []
    pos = 0
    for e in ordered:
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


_ENDMODULE = re.compile(r"(?<![\w$])endmodule\b")


def before_endmodule(text: str, pos: int) -> int | None:
    """Offset where a line inserted before the first ``endmodule`` at or after ``pos`` goes: the start of
    the ``endmodule`` line when nothing else is written on it before the keyword, else the keyword itself.
    None when no ``endmodule`` follows ``pos``."""
    em = _ENDMODULE.search(text, pos)
    if em is None:
        return None
    ls = text.rfind("\n", 0, em.start()) + 1
    return em.start() if text[ls:em.start()].strip() else ls


def line_of(text: str, offset: int) -> int:
    """1-based line number of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1
