"""Two-step candidates: a rewrite that exposes an opportunity, followed by the rule it enables.

The search accepts one strictly better candidate per round. Some rewrites are area-neutral on
their own because synthesis already did them (a register loaded once from reset and never written
is a constant to Yosys too), yet they change what the rules can see in the source: once the
register's reads are the constant, ``x * gain`` is a multiplication by a constant that
const_mult_to_shift_add or the e-graph turn into shifts and adds. Neither step alone measures
better, so the greedy loop never takes the first one.

This generator takes the proven-constant rewrites of :mod:`rtlopt.semantic.seqred` (the
"enablers"), runs the templates and the datapath e-graph on each result, and proposes the two-step
text only for rules that match MORE often on the enabled text than on the current one (opportunities
the first step created; the others are proposed by the ordinary generators already). Nothing is
keyed on names: the enabler comes from simulation and induction, the second step from the rules'
own matchers. The search measures and proves every composite against the original like any other.

A second kind of enabler: a register kept as a function of another (:mod:`rtlopt.semantic.regfunc`, a
coefficient ``b1`` loaded as ``{wd, 1'b0}`` beside ``b0 <= wd`` becomes ``b0 << 1``) followed by the
datapath e-graph on the readers (the products of both factored). Its composite carries the register
function's text as a ``chain``, so it is proven in two links (the register function, then the rewrite).
"""

from __future__ import annotations

import time
from pathlib import Path

from rtlopt.engine.candidate import Candidate

#: At most this many enabling rewrites are followed per call, and this many composites proposed.
MAX_BASES = 2
MAX_OUT = 8
#: Time one call may take (it matches every template on the current text and on each enabled text):
#: on the long suite's HuffmanDecoderRaw (a 584-line decoder, 67.6 um^2 after synthesis; template
#: matching ~40 s per text at load 15) four unbounded passes took 127 s of a 252 s run, nothing found.
MAX_S = 30.0


def _const_bases(state) -> list[Candidate]:
    """seqred candidates that replace reads of a register by a constant (the 'all' candidate first)."""
    try:
        from rtlopt.engine.search import _GENERATORS, _run_generator
        from rtlopt.semantic.seqred import _last_facts
    except ImportError:
        return []
    gen = _GENERATORS.get("seqredundancy")
    if gen is None:
        return []
    try:
        cands = _run_generator("seqredundancy", gen, state, None)
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    consts = {f.name for f in _last_facts(state.texts, state.design.top) if f.const is not None}
    if not consts:
        return []
    out = [c for c in cands if set(c.hints.get("parts", ())) & consts]
    out.sort(key=lambda c: (c.hints.get("seq") != "all", -len(c.hints.get("parts", ()))))
    return out[:MAX_BASES]


def _function_bases(state) -> list[Candidate]:
    """regfunc candidates that keep a register as a function of another one (``b1 == b0 * 2`` of a
    coefficient loaded beside its source): its reads then show the relation to the datapath e-graph."""
    try:
        from rtlopt.engine.search import _GENERATORS, _run_generator
    except ImportError:
        return []
    gen = _GENERATORS.get("regfunc")
    if gen is None:
        return []
    try:
        cands = _run_generator("regfunc", gen, state, None)
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    return [c for c in cands if c.hints.get("file") and not c.hints.get("chain") and not c.hints.get("stage")][:MAX_BASES]


def _match_counts(text: str, name: str, templates, deadline: float | None) -> tuple[object, dict]:
    from rtlopt.templates import analyze

    an = analyze(text, name)
    counts: dict[str, list] = {}
    if an.syntax_errors:
        return an, counts
    for tid, tmpl in templates.items():
        if deadline is not None and time.monotonic() > deadline:
            break
        try:
            counts[tid] = tmpl.match(an)
        except Exception:  # noqa: BLE001 - a template bug must not stop the optimizer
            counts[tid] = []
    return an, counts


def compose_candidates(state) -> list[Candidate]:
    from rtlopt.templates import REGISTRY

    own = time.monotonic() + MAX_S
    deadline = own if state.deadline is None else min(state.deadline, own)
    out: list[Candidate] = []
    seen: set[str] = set()
    befores: dict = {}  # the current text's matches, once per file (not once per enabling rewrite)
    for base in _const_bases(state):
        if time.monotonic() > deadline - 5:
            break
        fname = base.hints.get("file")
        path = next((p for p in state.texts if str(p) == str(fname)), None)
        if path is None:
            continue
        cur_text = state.texts[path]
        if path not in befores:
            befores[path] = _match_counts(cur_text, str(path), REGISTRY, deadline)[1]
        before = befores[path]
        _an1, after = _match_counts(base.text, str(path), REGISTRY, deadline)
        # a template the time limit cut off on the current text is not compared
        enabled = [tid for tid, ms in after.items() if tid in before and len(ms) > len(before[tid])]
        step2: list[tuple[str, tuple[str, ...], str]] = []
        for tid in enabled:
            tmpl = REGISTRY[tid]
            try:
                new = tmpl.rewrite(base.text, after[tid])
            except ValueError:
                continue
            if new and new != base.text:
                step2.append((new, (tmpl.rule,), "; ".join(m.description for m in after[tid][:2])))
        step2.extend(_egraph_step(state, path, cur_text, base.text))
        for new, rules, what in step2:
            if new in seen or new == cur_text:
                continue
            seen.add(new)
            out.append(Candidate(new, "template", tuple(base.rules) + tuple(rules),
                                 f"{base.description}; then {what}",
                                 {"file": str(path), "composed": True, "parts": base.hints.get("parts", ())}))
            if len(out) >= MAX_OUT:
                return out
    # a register kept as a function of another, then the e-graph on its readers (products of both
    # factored); proven in two links: the register function against the current text, then the rewrite
    for base in _function_bases(state):
        if time.monotonic() > deadline - 5 or len(out) >= MAX_OUT:
            break
        path = next((p for p in state.texts if str(p) == str(base.hints["file"])), None)
        if path is None:
            continue
        for new, rules, what in _egraph_step(state, path, state.texts[path], base.text):
            if new in seen:
                continue
            seen.add(new)
            out.append(Candidate(new, "template", tuple(base.rules) + tuple(rules), f"{base.description}; then {what}",
                                 {"file": str(path), "composed": True, "parts": base.hints.get("parts", ()),
                                  "chain": [base.text], "chain_hints": [dict(base.hints), {}]}))
    return out


def _egraph_step(state, path: Path, cur_text: str, base_text: str) -> list[tuple[str, tuple[str, ...], str]]:
    """The e-graph's rewrite of the enabled text for modules whose rewrite differs from the current one."""
    try:
        from rtlopt.egraph import RULE, optimize_text
    except ImportError:
        return []
    left = None if state.deadline is None else state.deadline - time.monotonic()
    if left is not None and left < 3:
        return []
    budget = 6.0 if left is None else max(1.0, min(6.0, left / 4))
    try:
        cur = {m: info.get("model_after") for m, _t, info in optimize_text(cur_text, str(path), budget_s=budget)}
        got = optimize_text(base_text, str(path), budget_s=budget)
    except Exception:  # noqa: BLE001
        return []
    out = []
    for mod, new, info in got:
        if mod in cur and cur[mod] is not None and info.get("model_after") is not None \
                and info["model_after"] >= cur[mod]:
            continue
        out.append((new, (RULE,), f"datapath e-graph on {mod}"))
    return out
