"""The rule schema: :class:`Rule` and :class:`Example`, and parsing/validating one YAML rule file.

One rule per file, ``<pack>/<category>/<name>.yaml``. Every problem is an
:class:`~rtlopt.errors.InputError` naming the file (and the line, for YAML syntax errors) and the
offending field, e.g. ``rules/mux/x.yaml: field 'category': 'muxes' is not one of ...``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from rtlopt.errors import InputError

#: yaml.safe_load's loader, in C when PyYAML has libyaml (the rule library loads 10x faster)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Rule families. A rule's file lives in the directory of its category.
CATEGORIES: tuple[str, ...] = (
    "dataflow", "logic", "mux", "datapath", "precision", "register", "memory", "loop", "fsm", "control",
)
#: What a rule improves.
OBJECTIVES: tuple[str, ...] = ("area", "delay", "power")
#: File suffixes read as rules.
RULE_SUFFIXES: tuple[str, ...] = (".yaml", ".yml")

_NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_IDENT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*$")
_TAG_RE = re.compile(r"^[a-z0-9][a-z0-9_+\-.]*$")

_REQUIRED = ("name", "category", "title", "detects", "rewrite", "objectives", "preconditions", "template",
             "tags", "examples")
_OPTIONAL = ("references", "override")
_EXAMPLE_REQUIRED = ("top", "before", "after")
_EXAMPLE_OPTIONAL = ("sequential", "note")


@dataclass(frozen=True)
class Example:
    """A before/after pair of complete, synthesizable Verilog modules with the same top and ports."""

    top: str
    before: str
    after: str
    sequential: bool = False
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"top": self.top, "before": self.before, "after": self.after,
                             "sequential": self.sequential}
        if self.note:
            d["note"] = self.note
        return d


@dataclass(frozen=True)
class Rule:
    """One optimization rule: what it detects, how it rewrites, when it is safe, and worked examples."""

    name: str
    category: str
    title: str
    detects: str
    rewrite: str
    objectives: tuple[str, ...]
    preconditions: tuple[str, ...]
    template: str | None
    tags: tuple[str, ...]
    examples: tuple[Example, ...]
    references: tuple[str, ...] = ()
    override: bool = False
    #: The YAML file the rule was read from (not part of the content hash).
    source: Path | None = field(default=None, compare=False)
    #: The label of the rule pack the rule came from ("builtin", a directory, an entry point).
    pack: str = field(default="builtin", compare=False)

    def to_dict(self, *, with_source: bool = True) -> dict[str, Any]:
        """A JSON-ready dict with every schema field (plus ``source``/``pack`` when asked)."""
        d: dict[str, Any] = {
            "name": self.name, "category": self.category, "title": self.title,
            "detects": self.detects, "rewrite": self.rewrite, "objectives": list(self.objectives),
            "preconditions": list(self.preconditions), "template": self.template, "tags": list(self.tags),
            "references": list(self.references), "examples": [e.to_dict() for e in self.examples],
        }
        if self.override:
            d["override"] = True
        if with_source:
            d["source"] = str(self.source) if self.source else None
            d["pack"] = self.pack
        return d

    def text(self) -> str:
        """The rule as one retrieval document (title, tags, detects, rewrite, preconditions)."""
        parts = [self.name.replace("_", " "), self.title, self.category, " ".join(self.tags),
                 self.detects, self.rewrite, "\n".join(self.preconditions)]
        return "\n".join(parts)


def _err(path: Path, message: str, line: int | None = None) -> InputError:
    return InputError(message, file=path, line=line)


def _need_str(path: Path, data: dict, key: str, *, multiline_ok: bool = True) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise _err(path, f"field '{key}': must be a non-empty string, got {value!r}"[:300])
    if not multiline_ok and "\n" in value.strip():
        raise _err(path, f"field '{key}': must be a single line")
    return value.strip() if not multiline_ok else value.rstrip() + "\n"


def _need_str_list(path: Path, data: dict, key: str, *, allow_empty: bool) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list):
        raise _err(path, f"field '{key}': must be a list of strings, got {type(value).__name__}")
    if not value and not allow_empty:
        raise _err(path, f"field '{key}': must not be empty")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise _err(path, f"field '{key}[{i}]': must be a non-empty string, got {item!r}"[:300])
        out.append(item.strip())
    return tuple(out)


def _parse_example(path: Path, i: int, raw: Any) -> Example:
    where = f"examples[{i}]"
    if not isinstance(raw, dict):
        raise _err(path, f"field '{where}': must be a mapping with top/before/after")
    unknown = sorted(set(raw) - set(_EXAMPLE_REQUIRED) - set(_EXAMPLE_OPTIONAL))
    if unknown:
        raise _err(path, f"field '{where}.{unknown[0]}': unknown field (allowed: "
                         f"{', '.join(_EXAMPLE_REQUIRED + _EXAMPLE_OPTIONAL)})")
    for key in _EXAMPLE_REQUIRED:
        if key not in raw:
            raise _err(path, f"field '{where}.{key}': missing")
    top = raw["top"]
    if not isinstance(top, str) or not _IDENT_RE.match(top):
        raise _err(path, f"field '{where}.top': must be a Verilog identifier, got {top!r}")
    texts = {}
    for key in ("before", "after"):
        text = raw[key]
        if not isinstance(text, str) or not text.strip():
            raise _err(path, f"field '{where}.{key}': must be non-empty Verilog text")
        if not re.search(rf"\bmodule\s+{re.escape(top)}\b", text):
            raise _err(path, f"field '{where}.{key}': does not declare module '{top}' (the example's top)")
        texts[key] = text.rstrip() + "\n"
    if texts["before"] == texts["after"]:
        raise _err(path, f"field '{where}': before and after are identical")
    seq = raw.get("sequential", False)
    if not isinstance(seq, bool):
        raise _err(path, f"field '{where}.sequential': must be true or false, got {seq!r}")
    note = raw.get("note")
    if note is not None and not isinstance(note, str):
        raise _err(path, f"field '{where}.note': must be a string")
    return Example(top=top, before=texts["before"], after=texts["after"], sequential=seq,
                   note=note.strip() if note else None)


def parse_rule(path: Path, data: Any, *, pack: str = "builtin") -> Rule:
    """Validate one loaded YAML document as a rule; raise InputError naming the file and field."""
    if not isinstance(data, dict):
        raise _err(path, f"a rule file must be a YAML mapping, got {type(data).__name__}")
    unknown = sorted(set(data) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise _err(path, f"field '{unknown[0]}': unknown field (allowed: {', '.join(_REQUIRED + _OPTIONAL)})")
    for key in _REQUIRED:
        if key not in data:
            raise _err(path, f"field '{key}': missing")

    name = data["name"]
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise _err(path, f"field 'name': must be snake_case (a-z, 0-9, single underscores), got {name!r}")
    if name != path.stem:
        raise _err(path, f"field 'name': '{name}' must equal the file name stem '{path.stem}'")
    category = data["category"]
    if category not in CATEGORIES:
        raise _err(path, f"field 'category': {category!r} is not one of {', '.join(CATEGORIES)}")
    parent = path.parent.name
    if parent in CATEGORIES and parent != category:
        raise _err(path, f"field 'category': '{category}' but the file is in the '{parent}' directory")

    title = _need_str(path, data, "title", multiline_ok=False)
    detects = _need_str(path, data, "detects")
    rewrite = _need_str(path, data, "rewrite")

    objectives = _need_str_list(path, data, "objectives", allow_empty=False)
    for obj in objectives:
        if obj not in OBJECTIVES:
            raise _err(path, f"field 'objectives': {obj!r} is not one of {', '.join(OBJECTIVES)}")
    if len(set(objectives)) != len(objectives):
        raise _err(path, "field 'objectives': duplicate entries")
    preconditions = _need_str_list(path, data, "preconditions", allow_empty=False)

    template = data["template"]
    if template is not None and (not isinstance(template, str) or not _NAME_RE.match(template)):
        raise _err(path, f"field 'template': must be a template id (snake_case) or null, got {template!r}")

    tags = _need_str_list(path, data, "tags", allow_empty=False)
    for tag in tags:
        if not _TAG_RE.match(tag):
            raise _err(path, f"field 'tags': {tag!r} must be lower case without spaces")
    references = (() if data.get("references") is None
                  else _need_str_list(path, data, "references", allow_empty=True))

    raw_examples = data["examples"]
    if not isinstance(raw_examples, list) or not raw_examples:
        raise _err(path, "field 'examples': must be a list with at least one example")
    examples = tuple(_parse_example(path, i, ex) for i, ex in enumerate(raw_examples))

    override = data.get("override", False)
    if not isinstance(override, bool):
        raise _err(path, f"field 'override': must be true or false, got {override!r}")

    return Rule(name=name, category=category, title=title, detects=detects, rewrite=rewrite,
                objectives=objectives, preconditions=preconditions, template=template, tags=tags,
                examples=examples, references=references, override=override, source=path, pack=pack)


def read_rule_file(path: Path, *, pack: str = "builtin") -> Rule:
    """Read and validate one rule file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _err(path, f"cannot read rule file: {exc}") from None
    try:
        data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader (libyaml's when present)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise _err(path, f"YAML syntax error: {problem}", line=line) from None
    if data is None:
        raise _err(path, "empty rule file")
    return parse_rule(path, data, pack=pack)
