"""Rule packs and the :class:`RuleLibrary`: finding, loading and querying the rules.

Packs, in load order:

1. the built-in pack: ``<repo>/rules`` in a source checkout (editable install), else the package data
   directory ``rtlopt/data/rules`` of an installed wheel;
2. directories in ``RTLOPT_RULE_PATH`` (``os.pathsep``-separated);
3. ``rule_paths`` from the nearest ``.rtlopt.toml`` (top level or ``[tool.rtlopt]``) or ``pyproject.toml``
   (``[tool.rtlopt]``) found upward from the current directory; relative paths are relative to that file;
4. installed distributions exposing the entry point group ``rtlopt.rules``; each entry point loads to a
   directory path, or to a callable returning one.

A rule from a later pack whose name is already taken is an error unless it says ``override: true``.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from rtlopt.errors import InputError
from rtlopt.rules._schema import CATEGORIES, OBJECTIVES, RULE_SUFFIXES, Rule, read_rule_file
from rtlopt.rules._search import DEFAULT_MIN_SCORE, BM25Index

ENV_VAR = "RTLOPT_RULE_PATH"
ENTRY_POINT_GROUP = "rtlopt.rules"
_PKG_DIR = Path(__file__).resolve().parent.parent  # .../rtlopt


@dataclass(frozen=True)
class RulePack:
    """A directory of rule files and where it came from."""

    path: Path
    label: str


def builtin_rules_dir() -> Path:
    """The built-in rules: ``<repo>/rules`` in a checkout, else ``rtlopt/data/rules`` (package data)."""
    repo_rules = _PKG_DIR.parent / "rules"
    if repo_rules.is_dir() and (_PKG_DIR.parent / "pyproject.toml").is_file():
        return repo_rules
    return _PKG_DIR / "data" / "rules"


def _config_rule_paths(start: Path) -> list[RulePack]:
    """``rule_paths`` from the nearest .rtlopt.toml / pyproject.toml ([tool.rtlopt]) upward from ``start``."""
    from rtlopt.config import find_config_file

    found = find_config_file(start)
    if found is None:
        return []
    cfg, section = found
    raw = section.get("rule_paths")
    if raw is None:
        return []
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(p, str) for p in raw):
        raise InputError("'rule_paths' must be a list of directory paths", file=cfg)
    return [RulePack((cfg.parent / p).resolve(), f"{cfg}") for p in raw]


def _entry_point_packs() -> list[RulePack]:
    packs = []
    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            obj = ep.load()
            value = obj() if callable(obj) else obj
        except Exception as exc:  # a broken third-party plugin must be named, not crash with a traceback
            raise InputError(f"rule pack entry point '{ep.name}' ({ep.value}) failed to load: {exc}") from None
        packs.append(RulePack(Path(str(value)).resolve(), f"entry point {ep.name}"))
    return packs


def default_packs(cwd: Path | None = None) -> list[RulePack]:
    """Every rule pack in load order: built-in, $RTLOPT_RULE_PATH, config ``rule_paths``, entry points."""
    packs = [RulePack(builtin_rules_dir(), "builtin")]
    env = os.environ.get(ENV_VAR, "")
    for part in env.split(os.pathsep):
        if part.strip():
            packs.append(RulePack(Path(part).expanduser().resolve(), f"${ENV_VAR}"))
    packs.extend(_config_rule_paths((cwd or Path.cwd()).resolve()))
    packs.extend(_entry_point_packs())
    seen: set[Path] = set()
    unique = []
    for p in packs:
        if p.path not in seen:
            seen.add(p.path)
            unique.append(p)
    return unique


def _rule_files(pack: RulePack) -> Iterator[Path]:
    if not pack.path.is_dir():
        raise InputError(f"rule pack directory does not exist (from {pack.label})", file=pack.path)
    for p in sorted(pack.path.rglob("*")):
        if p.suffix in RULE_SUFFIXES and p.is_file() and not any(part.startswith(".") for part in
                                                                   p.relative_to(pack.path).parts):
            yield p


def known_template_ids() -> frozenset[str] | None:
    """Ids of the deterministic templates (``rtlopt.templates``), or None if that package is absent."""
    try:
        import rtlopt.templates as templates
    except ModuleNotFoundError as exc:
        if exc.name in ("rtlopt.templates",):
            return None
        raise
    for attr in ("template_ids", "all_template_ids"):
        fn = getattr(templates, attr, None)
        if callable(fn):
            return frozenset(fn())
    for attr in ("REGISTRY", "TEMPLATES", "registry"):
        reg = getattr(templates, attr, None)
        if reg is None:
            continue
        if callable(getattr(reg, "ids", None)):
            return frozenset(reg.ids())
        if callable(getattr(reg, "names", None)):
            return frozenset(reg.names())
        if isinstance(reg, dict):
            return frozenset(reg)
        try:
            return frozenset(getattr(t, "id", getattr(t, "name", t)) for t in reg)
        except TypeError:
            continue
    return None


class RuleLibrary:
    """An immutable, validated set of rules with lookup, grouping, hashing and search."""

    def __init__(self, rules: Iterable[Rule], packs: Iterable[RulePack] = ()) -> None:
        self._rules: dict[str, Rule] = {}
        for r in rules:
            self._rules[r.name] = r
        self._rules = dict(sorted(self._rules.items()))
        self.packs: tuple[RulePack, ...] = tuple(packs)
        self._index: BM25Index | None = None

    def __len__(self) -> int:
        return len(self._rules)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __contains__(self, name: object) -> bool:
        return name in self._rules

    def names(self) -> list[str]:
        """All rule names, sorted."""
        return list(self._rules)

    def get(self, name: str) -> Rule:
        """The rule called ``name``; InputError listing close matches if there is none."""
        try:
            return self._rules[name]
        except KeyError:
            close = difflib.get_close_matches(name, self._rules, n=5, cutoff=0.5)
            if not close:
                close = [n for n in self._rules if name.lower() in n][:5]
            hint = f"; did you mean {', '.join(close)}?" if close else "; see 'rtlopt rules list'"
            raise InputError(f"unknown rule '{name}'{hint}") from None

    def by_category(self) -> dict[str, list[Rule]]:
        """Rules grouped by category, in :data:`CATEGORIES` order, empty categories left out."""
        out: dict[str, list[Rule]] = {}
        for cat in CATEGORIES:
            rules = [r for r in self._rules.values() if r.category == cat]
            if rules:
                out[cat] = rules
        return out

    def filter(self, *, category: str | None = None, objective: str | None = None) -> list[Rule]:
        """Rules of ``category`` and/or improving ``objective`` (InputError if either is not a known value)."""
        _check_filters(category, objective)
        return [r for r in self._rules.values()
                if (category is None or r.category == category)
                and (objective is None or objective in r.objectives)]

    def content_hash(self) -> str:
        """SHA-256 of the rules' content (not their file paths): changes iff any rule changes."""
        payload = json.dumps([r.to_dict(with_source=False) for r in self._rules.values()],
                             sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def search(self, query: str, *, category: str | None = None, objective: str | None = None,
               min_score: float = DEFAULT_MIN_SCORE) -> list[tuple[Rule, float]]:
        """Rules matching ``query`` with a score in [0, 1] at least ``min_score``, best first."""
        _check_filters(category, objective)
        if self._index is None:
            self._index = BM25Index(list(self._rules.values()))
        keep = [i for i, r in enumerate(self._index.rules)
                if (category is None or r.category == category)
                and (objective is None or objective in r.objectives)]
        return self._index.search(query, candidates=keep, min_score=min_score)


def _check_filters(category: str | None, objective: str | None) -> None:
    if category is not None and category not in CATEGORIES:
        raise InputError(f"unknown category '{category}' (one of: {', '.join(CATEGORIES)})")
    if objective is not None and objective not in OBJECTIVES:
        raise InputError(f"unknown objective '{objective}' (one of: {', '.join(OBJECTIVES)})")


def load_rules(paths: Iterable[str | Path] | None = None, *,
               templates: Iterable[str] | None | Callable[[], frozenset[str] | None] = known_template_ids,
               ) -> RuleLibrary:
    """Load and validate rule packs into a :class:`RuleLibrary`.

    Args:
        paths: Pack directories to load, in order. None loads the default packs (see
            :func:`default_packs`).
        templates: Known template ids every rule's ``template`` must name: an iterable, a callable returning
            one (the default asks ``rtlopt.templates``), or None to skip the check.

    Raises:
        InputError: naming the file and field of the first invalid rule, a duplicate name, a rule that
            redefines an earlier pack's rule without ``override: true``, or an unknown template id.
    """
    if paths is None:
        packs = default_packs()
    else:
        packs = [RulePack(Path(p).expanduser().resolve(), str(p)) for p in paths]
    rules: dict[str, Rule] = {}
    for pack in packs:
        seen_here: dict[str, Path] = {}
        for f in _rule_files(pack):
            rule = read_rule_file(f, pack=pack.label)
            if rule.name in seen_here:
                raise InputError(f"field 'name': duplicate rule name '{rule.name}' "
                                 f"(also defined in {seen_here[rule.name]})", file=f)
            seen_here[rule.name] = f
            if rule.name in rules:
                prev = rules[rule.name]
                if not rule.override:
                    raise InputError(f"field 'name': rule '{rule.name}' is already defined by "
                                     f"{prev.source} ({prev.pack}); set 'override: true' to replace it",
                                     file=f)
            rules[rule.name] = rule
    known = templates() if callable(templates) else templates
    if known is not None:
        known = frozenset(known)
        for rule in rules.values():
            if rule.template is not None and rule.template not in known:
                close = difflib.get_close_matches(rule.template, sorted(known), n=3)
                hint = f"; did you mean {', '.join(close)}?" if close else ""
                raise InputError(f"field 'template': no template with id '{rule.template}'{hint} "
                                 "(use null for rules without a deterministic template)", file=rule.source)
    return RuleLibrary(rules.values(), packs)
