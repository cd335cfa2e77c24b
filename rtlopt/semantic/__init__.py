"""Semantic analysis of RTL: word-level lifting of bit-level logic (see :mod:`rtlopt.semantic.lift`).

:func:`lifting_candidates` is registered with the search loop as generator ``"lifting"``: it
elaborates every module of the design with Yosys (in a child process), simulates it, recognises the
word-level function of each named combinational word, and proposes one candidate per lift (plus one
with every lift applied) as a minimal source edit. Every candidate is measured and proven by the
search loop before it is kept.
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

from rtlopt.errors import RtloptError
from rtlopt.semantic.emit import (
    apply_clocked,
    apply_clocked_switch,
    apply_lifts,
    module_source,
    nonblocking_lines,
    port_directions,
    scope_labels,
)
from rtlopt.semantic.lift import Lift, lift_module
from rtlopt.semantic.netlist import Netlist, elaborate_modules

RULE = "word_level_lifting"
#: Wall-clock budget of one call of the generator (Yosys + simulation + matching).
BUDGET_S = 20.0
MAX_MODULES = 16
MAX_ALTERNATIVES = 3  # spellings tried per lift (only lifts that offer that many: encoders, rotations)


def find_lifts(texts: dict[Path, str], *, budget_s: float = BUDGET_S, top: str | None = None,
               design_top: str | None = None, inst_params: dict | None = None) -> list[tuple[Path, Lift]]:
    """Every lift in the design's files, as ``(file, lift)``; with ``top``, only in the modules under it
    (a module of the file list the top never instantiates cannot change the top's result)."""
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
    names = list(mods)
    if top in mods:
        under = _subtree(ans, top)
        names = [m for m in names if m in under]
    names = names[:MAX_MODULES]
    with tempfile.TemporaryDirectory(prefix="rtlopt-lift-src-") as td:
        files = []
        for i, (p, t) in enumerate(texts.items()):
            f = Path(td) / f"{i}_{p.name}"
            f.write_text(t, encoding="utf-8")
            files.append(f)
        try:
            # the files are read as copies: `include resolves against the originals' directories too;
            # the design's top carries the user's parameter overrides (-G), so lifts are pinned to them
            dirs_in = list(dict.fromkeys(Path(p).resolve().parent for p in texts))
            nls = elaborate_modules(files, names, timeout=max(5.0, deadline - time.monotonic()),
                                    top=design_top, include_dirs=dirs_in, params=inst_params)
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
            labels, insts = scope_labels(an, m)
            lifts = lift_module(nl, scope_names=ms.declared - ms.counters, deadline=deadline,
                                nba_lines=nonblocking_lines(an, m), gen_labels=labels,
                                inst_types={k: v for k, v in insts.items() if v in mods}, small_mux=True)
        except (TimeoutError, MemoryError, ValueError, IndexError):
            continue
        for lf in lifts:
            # the parameter values the lift holds for (an edit of parameter-dependent logic is pinned to them)
            src = nls.get(lf.module)
            lf.notes.setdefault("params", dict(src.params) if src is not None else None)
        out += [(mods.get(lf.module, mods[m]), lf) for lf in lifts]
    return out


def _inst_params(design) -> dict | None:
    """{module: {param: decimal}} for the modules below the top every elaborated instance of which gets
    the same integer parameter values: they are lifted at those values (the lifts are pinned to them,
    engine.parampin), not at the module's defaults."""
    try:
        from rtlopt.engine.parampin import design_configs
        cfgs = design_configs(getattr(design, "parsed", None), getattr(design, "top", None))
    except Exception:  # noqa: BLE001 - no configurations: the defaults, as before
        return None
    out = {}
    for m, cs in (cfgs or {}).items():
        if m == getattr(design, "top", None) or len(cs) != 1 or None in cs:
            continue
        cfg = next(iter(cs))
        vals = {}
        for k, v in cfg:
            v = str(v).strip().replace("_", "")
            # a plain integer or a sized / unsized literal of any radix (parampin prints 4'b111)
            mt = re.fullmatch(r"(?:\d*'[sS]?([dDbBhHoO]))?([0-9a-fA-F]+)", v)
            base = {"d": 10, "b": 2, "h": 16, "o": 8}[(mt.group(1) or "d").lower()] if mt else 10
            try:
                vals[k] = int(mt.group(2), base) if mt else None
            except ValueError:
                vals[k] = None
            if vals[k] is None:
                vals = None
                break
        if vals:
            out[m] = vals
    return out or None


def _subtree(ans: dict, top: str) -> set[str]:
    """Module names instantiated (transitively) under ``top``, ``top`` included (syntactic)."""
    from rtlopt.semantic.emit import _modules, _walk
    from rtlopt.templates._expr import kind_name
    children: dict[str, set[str]] = {}
    for an in ans.values():
        if an.syntax_errors:
            continue
        for mod in _modules(an):
            kids = children.setdefault(mod.header.name.valueText, set())
            for node in _walk(mod):
                if kind_name(node) == "HierarchyInstantiation":
                    kids.add(node.type.valueText)
    seen, todo = {top}, [top]
    while todo:
        for k in children.get(todo.pop(), ()):
            if k not in seen:
                seen.add(k)
                todo.append(k)
    return seen


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
    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    design = getattr(state, "design", None)
    # a lift of an earlier round pinned itself to the parameter values (a generate if around the edited
    # items): later rounds lift on its pinned arm (the search pins what it measures against the original)
    from rtlopt.semantic.emit import repin_own, unpin_own
    unpinned = {p: unpin_own(t) for p, t in state.texts.items()}
    texts = {p: u[0] for p, u in unpinned.items()}
    lifts = find_lifts(texts, budget_s=max(1.0, min(BUDGET_S, left)),
                       top=getattr(state, "scope", None) or getattr(design, "top", None),
                       design_top=getattr(design, "top", None), inst_params=_inst_params(design))
    # a lone mux over other lifted words is no lift of its own (xshare may share what it selects)
    small = [(p, lf) for p, lf in lifts if lf.notes.get("small")]
    lifts = [(p, lf) for p, lf in lifts if not lf.notes.get("small")]
    if not lifts:
        return []
    from rtlopt.semantic.algos import regroup
    regroup([lf for _p, lf in lifts])  # separate outputs of one sorting network share it
    from rtlopt.semantic.loo import regroup_separate
    regroup_separate([lf for _p, lf in lifts])  # minimum-of-the-others words share one tournament
    lifts = [(p, lf) for p, lf in lifts if lf.exprs]  # (a spelling that assigned a target to itself is gone)
    from rtlopt.semantic.rotnorm import regroup_normalize
    regroup_normalize([lf for _p, lf in lifts])  # a zero count shares the stages of a normalizer
    from rtlopt.semantic.xshare import share_transformed_units
    lifts = share_transformed_units(lifts, small)  # CLZ and CTZ behind one mux: one counter, operand reversed
    out = []
    seen: set[str] = set()
    by_file: dict[Path, dict[str, list[Lift]]] = {}
    for path, lf in lifts:
        by_file.setdefault(path, {}).setdefault(lf.module, []).append(lf)
    for path, mods in by_file.items():
        text = texts[path]
        combined = combined2 = text  # combined2: the second spelling of each lift that has one
        applied: list[str] = []
        for module, all_lfs in mods.items():
            lfs = [lf for lf in all_lfs if not lf.notes.get("clocked") and not lf.notes.get("scope")]
            scopes: dict[str, list[Lift]] = {}
            for lf in all_lfs:
                if lf.notes.get("scope"):
                    scopes.setdefault(lf.notes["scope"], []).append(lf)
            for scope, group in scopes.items():
                # each lift alone, and the whole block at once (one always block computing several words)
                comps = [[lf] for lf in group] + ([group] if len(group) > 1 else [])
                for comp in comps:
                    for alt in range(MAX_ALTERNATIVES):
                        if alt and not any(len(lf.exprs) > alt for lf in comp):
                            break
                        new = _apply_scoped(text, comp, alt)
                        if new is None or new in seen:
                            continue
                        seen.add(new)
                        out.append(Candidate(new, "lifting", _rules(comp, alt), _describe(comp, alt) + f" [in {scope}]",
                                             {"file": str(path), "parts": tuple(_part(lf) for lf in comp)}))
                for comp in sorted(comps, key=len, reverse=True):
                    nxt = _apply_scoped(combined, comp, 0)
                    if nxt is not None:
                        combined = nxt
                        combined2 = _apply_scoped(combined2, comp, 0) or combined2
                        applied += [_part(lf) for lf in comp]
                        break
            for lf in (lf for lf in all_lfs if lf.notes.get("clocked")):
                for alt in range(min(MAX_ALTERNATIVES, len(lf.exprs))):
                    new = _apply_clocked(text, lf, alt)
                    if new is None or new in seen:
                        continue
                    seen.add(new)
                    out.append(Candidate(new, "lifting", _rules([lf], alt), _describe([lf], alt) + " [register next state]",
                                         {"file": str(path), "parts": (_part(lf),)}))
                nxt = _apply_clocked(combined, lf, 0)
                if nxt is not None:
                    combined = nxt
                    combined2 = _apply_clocked(combined2, lf, 0) or combined2
                    applied.append(_part(lf))
            chosen = _non_overlapping(lfs)
            # one candidate per lift (and per alternative spelling); a lift whose drivers are shared
            # with other lifts (one always block computing several outputs) goes with its component
            comps = _components(text, module, chosen)
            # a component whose lifts cannot be applied together (one of them cannot be taken out of a
            # shared always block, say) is tried lift by lift
            comps += [[lf] for comp in comps if len(comp) > 1 and _apply(text, module, comp, 0) is None
                      for lf in comp]
            for comp in comps:
                for alt in range(MAX_ALTERNATIVES):
                    if alt and not any(len(lf.exprs) > alt for lf in comp):
                        break
                    new = _apply(text, module, comp, alt)
                    if new is None or new in seen:
                        continue
                    seen.add(new)
                    out.append(Candidate(new, "lifting", _rules(comp, alt), _describe(comp, alt),
                                         {"file": str(path), "parts": tuple(_part(lf) for lf in comp)}))
                nxt = _apply(combined, module, comp, 0)
                if nxt is not None:
                    combined = nxt
                    applied += [_part(lf) for lf in comp]
                    # (a selection's outputs in separate items share one structure only when all take
                    # the same spelling: the tree or the scan of argsel, say)
                    alt2 = _apply(combined2, module, comp, 1) if any(len(lf.exprs) > 1 for lf in comp) else None
                    combined2 = alt2 or _apply(combined2, module, comp, 0) or combined2
        if len(applied) > 1 and combined not in seen:
            out.append(Candidate(combined, "lifting", _rules([lf for _p, lf in lifts if _part(lf) in applied], 0),
                                 "word-level lifting: " + ", ".join(applied[:6]),
                                 {"file": str(path), "parts": tuple(applied)}))
            seen.add(combined)
        if len(applied) > 1 and combined2 not in seen and combined2 != text:
            seen.add(combined2)
            out.append(Candidate(combined2, "lifting", _rules([lf for _p, lf in lifts if _part(lf) in applied], 1),
                                 "word-level lifting (second spellings): " + ", ".join(applied[:6]),
                                 {"file": str(path), "parts": tuple(applied)}))
    if any(u[1] for u in unpinned.values()):
        # a new pin of items an earlier round pinned: its else arm is the original items again
        import dataclasses
        out = [dataclasses.replace(c, text=repin_own(c.text, unpinned.get(Path(c.hints.get("file", "")), ("", []))[1]))
               for c in out]
    return out


#: Rule of the lifts that are whole algorithms (sorting networks, medians, round-robin arbiters).
ALGO_RULE = "algorithm_recognition"


def _rules(comp: list[Lift], alt: int) -> tuple[str, ...]:
    from rtlopt.semantic.algos import helpers_for
    algo = any(helpers_for(e) for lf in comp for e in lf.exprs[:max(1, alt + 1)])
    return (RULE, ALGO_RULE) if algo else (RULE,)


def _part(lf: Lift) -> str:
    return f"{lf.module}:{lf.lhs}:{lf.kind}"


def _describe(comp: list[Lift], alt: int) -> str:
    parts = []
    for lf in comp:
        e = lf.exprs[min(alt, len(lf.exprs) - 1)]
        parts.append(f"{lf.kind}: {lf.lhs} = {e}" if len(e) <= 60 else f"{lf.kind}: {lf.lhs} = ...")
    return "; ".join(parts) + f" ({comp[0].module})"


def _non_overlapping(lfs: list[Lift]) -> list[Lift]:
    """Grouped lifts ({cout, sum}) first; then the single lifts they do not cover."""
    out, cov = [], set()
    for lf in sorted(lfs, key=lambda x: (-len(x.targets), x.lhs)):
        if cov & set(lf.targets):
            continue
        out.append(lf)
        cov.update(lf.targets)
    return out


def _apply(text: str, module: str, comp: list[Lift], alt: int) -> str | None:
    cone = set()
    for lf in comp:
        cone |= set(lf.notes.get("cone_names", ()))
    spec = [(lf.targets, lf.operands, lf.lhs, lf.exprs[min(alt, len(lf.exprs) - 1)]) for lf in comp]
    orig = text
    text = helped = _helpers(text, module, [s[3] for s in spec], {t for lf in comp for t in lf.targets})
    if text is None:
        return None
    new = apply_lifts(text, module, spec, None, cone, pins=_pins(comp))
    if new is None and cone and helped != orig:
        # the edit replaces an earlier item of the cone (an instance computing an operand of the old
        # expression): the helper wires go in front of that one
        again = _helpers(orig, module, [s[3] for s in spec], {t for lf in comp for t in lf.targets} | cone)
        if again is not None and again != helped:
            new = apply_lifts(again, module, spec, None, cone, pins=_pins(comp))
    if new is None and len(comp) == 1 and comp[0].notes.get("params") in (None, {}) \
            and comp[0].lhs == comp[0].targets[0]:
        # a word declared with its driver ('wire [3:0] s = f(a, b);'): the initializer is replaced
        from rtlopt.semantic.algos import apply_initializer
        new = apply_initializer(text, module, comp[0].lhs, spec[0][3])
    return new


def _helpers(text: str, module: str, exprs: list[str], targets) -> str | None:
    """``text`` with the helper wires the expressions name (a comparator network, say) declared in front
    of the item that writes the targets (None when that is not possible)."""
    from rtlopt.semantic.algos import insert_helpers
    return insert_helpers(text, module, exprs, targets)


def _pins(comp: list[Lift]) -> dict | None:
    """The parameter values every lift of ``comp`` was found for (None when they differ or are unknown)."""
    vals = [lf.notes.get("params") for lf in comp]
    return vals[0] if vals and all(v is not None and v == vals[0] for v in vals) else None


def _apply_scoped(text: str, comp: list[Lift], alt: int) -> str | None:
    spec = [(lf.targets, lf.operands, lf.lhs, lf.exprs[min(alt, len(lf.exprs) - 1)]) for lf in comp]
    cone = set()
    for lf in comp:
        cone |= set(lf.notes.get("cone_names", ()))
    from rtlopt.semantic.algos import helpers_for
    if any(helpers_for(sp[3]) for sp in spec):
        return None  # helper wires are declared at module level; a generate block's names are not there
    return apply_lifts(text, comp[0].module, spec, None, cone, scope_local=comp[0].lhs, pins=_pins(comp))


def _apply_clocked(text: str, lf: Lift, alt: int) -> str | None:
    n = lf.notes
    expr = lf.exprs[min(alt, len(lf.exprs) - 1)]
    helped = _helpers(text, lf.module, [expr], lf.targets)
    if helped is None:
        return None
    # helper wires go in front of the clocked block: its source lines move down by as many lines
    dl = helped.count("\n") - text.count("\n")
    text = helped
    if "switch" in n:
        new = apply_clocked_switch(text, lf.module, lf.lhs, tuple(x + dl for x in n["switch"]), lf.operands, expr,
                                   pins=n.get("params"))
    else:
        src = tuple(x + dl for x in n.get("src_lines", ()))
        new = apply_clocked(text, lf.module, lf.lhs, n["leaf"], n["nleaves"], src, lf.operands,
                            expr, pins=n.get("params"))
        if new is None and n.get("nleaves") == 1 and src:
            # the register's only data input is an if/case chain over its arms (a median picked by
            # comparisons, say): the whole chain becomes one assignment
            lines = src
            new = apply_clocked_switch(text, lf.module, lf.lhs, (min(lines), max(lines)), lf.operands, expr,
                                       pins=n.get("params"))
    return new


def _components(text: str, module: str, lfs: list[Lift]) -> list[list[Lift]]:
    """Lifts whose targets are written by a common module item belong together."""
    from rtlopt.templates._sem import analyze
    an = analyze(text)
    ms = module_source(an, module, port_directions(an))
    if ms is None:
        return [[lf] for lf in lfs]
    parent = list(range(len(lfs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for m in ms.members:
        idx = [i for i, lf in enumerate(lfs) if m.writes & set(lf.targets)]
        for i in idx[1:]:
            parent[find(i)] = find(idx[0])
    comps: dict[int, list[Lift]] = {}
    for i, lf in enumerate(lfs):
        comps.setdefault(find(i), []).append(lf)
    return list(comps.values())


__all__ = ["RULE", "Lift", "Netlist", "elaborate_modules", "find_lifts", "lift_module", "lifting_candidates"]
