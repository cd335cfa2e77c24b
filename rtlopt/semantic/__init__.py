"""Semantic analysis of RTL: word-level lifting of bit-level logic (see :mod:`rtlopt.semantic.lift`).

:func:`lifting_candidates` is registered with the search loop as generator ``"lifting"``: it
elaborates every module of the design with Yosys (in a child process), simulates it, recognises the
word-level function of each named combinational word, and proposes one candidate per lift (plus one
with every lift applied) as a minimal source edit. Every candidate is measured and proven by the
search loop before it is kept.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from rtlopt.errors import RtloptError
from rtlopt.semantic.emit import apply_lift, module_source, port_directions
from rtlopt.semantic.lift import Lift, lift_module
from rtlopt.semantic.netlist import Netlist, elaborate_modules

RULE = "word_level_lifting"
#: Wall-clock budget of one call of the generator (Yosys + simulation + matching).
BUDGET_S = 20.0
MAX_MODULES = 16
MAX_ALTERNATIVES = 2


def find_lifts(texts: dict[Path, str], *, budget_s: float = BUDGET_S) -> list[tuple[Path, Lift]]:
    """Every lift in the design's files, as ``(file, lift)``."""
    from rtlopt.templates._sem import analyze
    deadline = time.monotonic() + budget_s
    ans = {p: analyze(t, str(p)) for p, t in texts.items()}
    mods: dict[str, Path] = {}
    for p, an in ans.items():
        if an.syntax_errors:
            continue
        for m in port_directions(an):
            mods.setdefault(m, p)
    if not mods:
        return []
    names = list(mods)[:MAX_MODULES]
    with tempfile.TemporaryDirectory(prefix="rtlopt-lift-src-") as td:
        files = []
        for i, (p, t) in enumerate(texts.items()):
            f = Path(td) / f"{i}_{p.name}"
            f.write_text(t, encoding="utf-8")
            files.append(f)
        try:
            nls = elaborate_modules(files, names, timeout=max(5.0, deadline - time.monotonic()))
        except RtloptError:
            return []
    dirs: dict = {}
    for an in ans.values():
        for k, v in port_directions(an).items():
            dirs.setdefault(k, v)
    out = []
    for m, nl in nls.items():
        if time.monotonic() > deadline:
            break
        an = ans[mods[m]]
        ms = module_source(an, m, dirs)
        if ms is None:
            continue
        try:
            lifts = lift_module(nl, scope_names=ms.declared - ms.loopvars, deadline=deadline)
        except (TimeoutError, MemoryError, ValueError, IndexError):
            continue
        out += [(mods[m], lf) for lf in lifts]
    return out


def lifting_candidates(state) -> list:
    """Search-loop generator: one candidate per lift (and alternative spelling), plus all lifts at once.

    Never raises: a failure of the analysis (unsupported construct, tool error) means no candidates.
    """
    try:
        return _candidates(state)
    except Exception:  # noqa: BLE001 - a lifting bug must not stop the optimizer
        return []


def _candidates(state) -> list:
    from rtlopt.engine.candidate import Candidate
    lifts = find_lifts(state.texts)
    if not lifts:
        return []
    dirs: dict = {}
    out = []
    seen: set[str] = set()
    combined: dict[Path, str] = {}
    applied: dict[Path, list[str]] = {}
    covered: dict[Path, set[str]] = {}
    # grouped lifts ({cout, sum}) first: they cover their members
    order = sorted(lifts, key=lambda pl: (-len(pl[1].targets), pl[1].module, pl[1].lhs))
    for path, lf in order:
        text = state.texts[path]
        for expr in lf.exprs[:MAX_ALTERNATIVES]:
            new = apply_lift(text, lf.module, lf.targets, lf.operands, lf.lhs, expr, dirs,
                             lf.notes.get("cone_names", ()))
            if new is None or new in seen:
                continue
            seen.add(new)
            desc = f"{lf.kind}: {lf.lhs} = {expr}" if len(expr) <= 60 else f"{lf.kind}: {lf.lhs} = ..."
            out.append(Candidate(new, "lifting", (RULE,), f"{desc} ({lf.module})",
                                 {"file": str(path), "parts": (f"{lf.module}:{lf.lhs}:{lf.kind}",)}))
        cov = covered.setdefault(path, set())
        if cov & set(lf.targets):
            continue
        cur = combined.get(path, text)
        new = apply_lift(cur, lf.module, lf.targets, lf.operands, lf.lhs, lf.exprs[0], dirs,
                         lf.notes.get("cone_names", ()))
        if new is not None:
            combined[path] = new
            cov.update(lf.targets)
            applied.setdefault(path, []).append(f"{lf.module}:{lf.lhs}:{lf.kind}")
    for path, new in combined.items():
        if len(applied[path]) > 1 and new not in seen:
            out.append(Candidate(new, "lifting", (RULE,), "word-level lifting: " + ", ".join(applied[path][:6]),
                                 {"file": str(path), "parts": tuple(applied[path])}))
    return out


__all__ = ["RULE", "Lift", "Netlist", "elaborate_modules", "find_lifts", "lift_module", "lifting_candidates"]
