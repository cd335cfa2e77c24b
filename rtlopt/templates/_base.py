"""Template base class and match record."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rtlopt.hdl.edit import Edit, OverlappingEdits, apply_edits
from rtlopt.templates._sem import Analysis, analyze, parses_cleanly


@lru_cache(maxsize=64)
def _baseline_errors(text: str) -> int:
    return analyze(text).errors


@dataclass(frozen=True)
class Match:
    """One place a template applies: where, what it will do, and the edits that do it.

    ``edits`` are character-offset edits on the analysed text; ``original`` is the text of the
    matched span, checked again by :meth:`Template.apply` so stale matches are refused.
    """

    template: str
    start: int
    end: int
    line: int
    description: str
    edits: tuple[Edit, ...]
    original: str = ""
    data: dict = field(default_factory=dict, compare=False, hash=False)


class Template:
    """A deterministic rewrite. Subclasses set ``id``/``rule``/``description`` and implement ``find``."""

    id: str = ""
    rule: str = ""
    description: str = ""

    def find(self, an: Analysis) -> list[Match]:  # pragma: no cover - abstract
        raise NotImplementedError

    def match(self, design: Analysis | str) -> list[Match]:
        """Every place this template applies in ``design`` (an Analysis or the text itself)."""
        an = analyze(design) if isinstance(design, str) else design
        if an.syntax_errors:
            return []
        out = []
        for m in self.find(an):
            if m.edits:
                out.append(m)
        return out

    def apply(self, text: str, match: Match) -> list[Edit]:
        """The edits for ``match`` on ``text``; raises ValueError if ``text`` no longer matches."""
        if text[match.start:match.end] != match.original:
            raise ValueError(f"{self.id}: text changed since the match at line {match.line}")
        return list(match.edits)

    def rewrite(self, text: str, matches: list[Match]) -> str | None:
        """Apply several matches at once; None if they overlap or the result does not parse cleanly."""
        edits: list[Edit] = []
        for m in matches:
            edits.extend(self.apply(text, m))
        try:
            new = apply_edits(text, edits)
        except (OverlappingEdits, ValueError):
            return None
        if new == text or not parses_cleanly(new, _baseline_errors(text)):
            return None
        return new

    def _m(self, an: Analysis, start: int, end: int, what: str, edits: list[Edit], **data) -> Match:
        return Match(self.id, start, end, an.line(start), f"{self.id} at line {an.line(start)}: {what}",
                     tuple(edits), an.text[start:end], data)
