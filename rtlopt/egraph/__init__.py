"""Global exploration of datapath rewrites by equality saturation (an e-graph per module).

Pipeline (generator ``"datapath_egraph"`` of the search loop):

1. :mod:`rtlopt.egraph.front` turns every supported right-hand side of a module (continuous assigns,
   ``always`` blocks, register inputs) into terms of one e-graph, widths and extensions explicit;
2. :func:`rtlopt.egraph.core.saturate` applies width-exact rewrite rules (commutativity,
   associativity, factoring, constant shift-add with sharing, mux hoisting, subtraction/negation,
   truncation push-down, comparison normalisation, constant folding) within node/iteration/time limits;
3. :class:`rtlopt.egraph.extract.Extraction` picks the cheapest DAG under the calibrated cost model,
   starting from the original expressions;
4. :func:`rtlopt.egraph.emit.module_edits` rewrites only the changed right-hand sides, shared
   subterms as new ``wire`` declarations of exact width.

Every candidate is then measured and proven by the search loop like any other.
"""

from __future__ import annotations

import time
from pathlib import Path

from rtlopt.egraph import (
    avgid,  # noqa: F401 - registers r_avg_identity in core.RULES
    bijeq,  # noqa: F401 - registers r_bij_eq in core.RULES
    divcmp,  # noqa: F401 - registers r_div_cmp in core.RULES
    eqchain,  # noqa: F401 - registers r_eq_chain in core.RULES
    lzcop,  # noqa: F401 - registers r_count_min in core.RULES
    polprod,  # noqa: F401 - registers r_polarity_product in core.RULES
    scaledcmp,  # noqa: F401 - registers r_scaled_cmp in core.RULES
    shiftdist,  # noqa: F401 - registers r_shift_distribute, r_ext_shlv in core.RULES
    shiftmask,  # noqa: F401 - registers r_shift_pair_mask in core.RULES
    signcmp,  # noqa: F401 - registers r_product_sign, r_minmax_cmp in core.RULES
)
from rtlopt.egraph.core import EGraph, saturate
from rtlopt.egraph.emit import module_edits
from rtlopt.egraph.extract import Extraction, node_cost
from rtlopt.egraph.front import ModuleGraph, build_module, instance_bodies, module_bodies, param_configs

RULE = "datapath_egraph"
#: Whole-call budget and per-module limits (bounded saturation and extraction).
BUDGET_S = 12.0
MAX_NODES = 6000
MAX_ITERS = 6
SAT_TIME_S = 2.5
EXTRACT_TIME_S = 2.0
#: Minimum modelled gain (fraction of the module's modelled area) worth proposing.
MIN_GAIN = 0.01


def optimize_text(text: str, name: str = "design.v", *, scope: str | None = None,
                  budget_s: float = BUDGET_S) -> list[tuple[str, str, dict]]:
    """Rewrites of ``text``: ``[(module, new_text, info)]``, one per module whose modelled cost drops."""
    from rtlopt.templates._sem import analyze

    deadline = time.monotonic() + budget_s
    an = analyze(text, name)
    if an.syntax_errors:
        return []
    out = []
    all_bodies = instance_bodies(an)
    for body in module_bodies(an):
        if time.monotonic() > deadline:
            break
        mname = body.definition.name
        if scope is not None and mname != scope:
            continue
        # a module instantiated with different parameter values: the parameters that differ are read
        # by name, and a rewrite is offered only when every configuration gives the same text
        bodies, varying = param_configs(all_bodies.get(mname, [body]))
        if len(bodies) <= 1:
            bodies = [body]
        per = [_body_rewrites(an, text, b, varying, deadline) for b in bodies]
        for new, info in per[0]:
            if all(any(n2 == new for n2, _i in p) for p in per[1:]):
                out.append((mname, new, info))
    return out


def _body_rewrites(an, text: str, body, varying: frozenset, deadline: float) -> list[tuple[str, dict]]:
    from rtlopt.hdl.edit import apply_edits
    from rtlopt.templates._sem import parses_cleanly

    mname = body.definition.name
    try:
        mg = build_module(an, body, varying)
    except Exception:  # noqa: BLE001 - an unsupported construct means no rewrite of this module
        return []
    if not mg.roots:
        return []
    res = explore(mg, deadline)
    if res is None:
        return []
    choice, cost, base, stats, live = res
    if not cost < base * (1 - MIN_GAIN):
        return []
    out = []
    # a multi-way selection as a ?: chain and as a parallel case: which maps smaller depends on the
    # arms (Yosys keeps a case as one $pmux), so both are offered and the search measures them
    seen = {text}
    for form in ("ternary", "case"):
        try:
            edits, changed = module_edits(mg, choice, text, live, case_form=form == "case")
        except (ValueError, KeyError, RecursionError):
            continue
        if not edits:
            continue
        new = apply_edits(text, edits)
        if new in seen or not parses_cleanly(new, an.errors):
            continue
        seen.add(new)
        info = {"module": mname, "model_before": round(base, 1), "model_after": round(cost, 1),
                "changed": [r.lhs or f"line {an.line(r.start)}" for r in changed], "form": form, **stats}
        out.append((new, info))
    return out


def explore(mg: ModuleGraph, deadline: float | None = None):
    """Saturate and extract; returns (choice, cost, original cost, stats, live classes) or None."""
    eg: EGraph = mg.eg
    left = SAT_TIME_S if deadline is None else max(0.2, min(SAT_TIME_S, deadline - time.monotonic()))
    stats = saturate(eg, max_nodes=MAX_NODES, max_iters=MAX_ITERS, time_s=left)
    roots = {f"r{i}": r.cls for i, r in enumerate(mg.roots)}
    mandatory = {f"r{i}" for i, r in enumerate(mg.roots) if r.mandatory}
    if not mandatory:
        return None
    named = {("var", k[1], k[2]) for k in mg.refs}
    original: dict[int, tuple] = {}
    # a child instance's value is its logic as written: a product the e-graph proved constant (X * conj(X)
    # has a zero imaginary part) is still built by the instance, so it counts as the original's cost
    for r in mg.roots:
        for c, n in r.view:
            if n not in named and _synthesized(eg, n) and eg.find(c) not in original and \
                    eg.find(c) not in {eg.find(x) for x in n[3:]}:
                original[eg.find(c)] = eg.canon(n)
    for r in mg.roots:
        for c, n in r.nodes + r.view:
            # constant classes stay constants; x + 0 (now in x's own class) is x
            if n not in named and (n[0] == "const" or eg.cval(c) is None) and \
                    eg.find(c) not in {eg.find(x) for x in n[3:]}:
                if eg.find(c) in original:
                    continue  # values that merged (zext(y1) = x * k1, a wire and its widened use): the first
                    # one's node (a later one may be defined through the first: a cycle)
                original[eg.find(c)] = eg.canon(n)
    ex = Extraction(eg, roots, mandatory, mg.refs, time_s=EXTRACT_TIME_S)
    choice, cost, base = ex.run(original)
    if cost == float("inf") or base == float("inf"):
        return None
    # the original as written: saturation may merge a written term with one of its own sub-terms (an AND
    # of equalities with the prefix that implies the rest), and the class's cheaper node hides the cost
    written = written_cost(mg, ex)
    if written is not None and written > base:
        base = written
    live = set(ex.reachable(choice))
    return choice, cost, base, stats, live


def written_cost(mg: ModuleGraph, ex: Extraction) -> float | None:
    """The mandatory roots' cost as written: the DAG over the classes the front built (before saturation,
    so two written terms saturation proved equal are both paid), each node priced by the same cost model
    on the saturated e-graph. A class saturation proved constant is free (synthesis folds it) unless it is
    a child instance's arithmetic (see :func:`_synthesized`), as is a node equal to one of its operands
    whose other operands are constants (``x + 0``). None when a class has no written node."""
    eg = mg.eg
    f = eg.find
    written: dict[int, tuple[tuple, bool]] = {}
    for r in mg.roots:
        for c, n in r.nodes:
            written.setdefault(c, (n, False))
        for c, n in r.view:
            written.setdefault(c, (n, True))
    total = 0.0
    done: set[int] = set()
    stack = [r.cls for r in mg.roots if r.mandatory]
    while stack:
        c = stack.pop()
        if c in done:
            continue
        done.add(c)
        got = written.get(c)
        if got is None:
            return None
        n, view = got
        if n[0] == "var":
            ref = mg.refs.get(n)
            if ref is not None:
                stack.append(ref)
            continue
        fc = f(c)
        if eg.cval(fc) is not None and not (view and _synthesized(eg, n)):
            continue
        kids = list(n[3:])
        same = [x for x in kids if f(x) == fc]
        if same and all(eg.cval(x) is not None for x in kids if f(x) != fc):
            stack += same
            continue
        cn = eg.canon(n)
        total += ex.cost[cn] if cn in ex.cost else node_cost(eg, cn, ex.sig)
        stack += kids
    return total


def _synthesized(eg: EGraph, n: tuple) -> bool:
    """Whether synthesis builds ``n`` even where its class is a constant: arithmetic on operands none of
    which is a constant (a cancellation such as ``a*(-b) + b*a`` needs algebra Yosys's folding lacks)."""
    return n[0] in ("add", "sub", "mul", "neg") and all(eg.cval(x) is None for x in n[3:])


def egraph_candidates(state) -> list:
    """Search-loop generator: one candidate per module whose extracted datapath is cheaper, plus
    all modules of a file at once. Never raises (an analysis failure means no candidates)."""
    try:
        return _candidates(state)
    except Exception:  # noqa: BLE001 - an e-graph bug must not stop the optimizer
        return []


def _candidates(state) -> list:
    from rtlopt.engine.candidate import Candidate
    from rtlopt.hdl.edit import Edit, apply_edits  # noqa: F401
    out = []
    t0 = time.monotonic()
    for path, text in state.texts.items():
        left = BUDGET_S - (time.monotonic() - t0)
        if getattr(state, "deadline", None) is not None:  # the search's budget bounds the analysis too
            left = min(left, state.deadline - time.monotonic())
        if left <= 0.5:
            break
        got = optimize_text(text, str(path), scope=state.scope, budget_s=left)
        for mname, new, info in got:
            desc = (f"datapath e-graph ({mname}{', case form' if info.get('form') == 'case' else ''}): "
                    f"model {info['model_before']:g} -> {info['model_after']:g}; "
                    f"rewrote {', '.join(map(str, info['changed'][:6]))}")
            out.append(Candidate(new, "egraph", (RULE,), desc, {"file": str(Path(path)), "egraph": info,
                                                               "parts": (f"{RULE}:{mname}",)}))
    return out


__all__ = ["RULE", "egraph_candidates", "explore", "optimize_text", "written_cost"]
