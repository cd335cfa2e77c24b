"""Module hierarchy: which module instantiates which, where each module's text is, and the edit scope.

Used by the optimizer in two ways:

* ``--top M`` on a file (or file set) that holds other modules too: candidates may edit only the
  span of ``M`` (``module M ... endmodule``); proof and PPA are on ``M`` with its submodules.
* ``--hierarchical``: every module under the top is optimized on its own, leaves first
  (:func:`rtlopt.engine.hierarchy.optimize_hierarchical`); a module's accepted rewrites are proven
  with that module as the top, so a parent's run sees (and is proven against) its optimized children.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pyslang import syntax

SK = syntax.SyntaxKind
_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_STRING = re.compile(r'"(?:\\.|[^"\\\n])*"')


@dataclass
class ModuleNode:
    name: str
    file: Path
    children: dict[str, int] = field(default_factory=dict)  # child module -> instance count
    param_overrides: set[str] = field(default_factory=set)  # children instantiated with #(...) overrides


@lru_cache(maxsize=64)
def _mask(text: str) -> str:
    """``text`` with comments and strings blanked (same length, same offsets); the last few kept (the
    search pins and scopes every candidate of a large file: picorv32.v 0.5 s per candidate uncached)."""
    def blank(m: re.Match) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))
    return _COMMENT.sub(blank, _STRING.sub(blank, text))


_MODULE_HEAD = re.compile(r"\b(?:module|macromodule)\s+([A-Za-z_][\w$]*)")
_ENDMODULE = re.compile(r"\bendmodule\b")


@lru_cache(maxsize=32)
def _module_spans(text: str) -> dict[str, tuple[int, int] | None]:
    """Every module's first span in ``text`` (one pass; see :func:`module_span`)."""
    masked = _mask(text)
    out: dict[str, tuple[int, int] | None] = {}
    for m in _MODULE_HEAD.finditer(masked):
        if m.group(1) not in out:
            e = _ENDMODULE.search(masked, m.end())
            out[m.group(1)] = (m.start(), e.end()) if e is not None else None
    return out


def module_span(text: str, name: str) -> tuple[int, int] | None:
    """Character span ``[start, end)`` of ``module name ... endmodule`` in ``text`` (None if absent)."""
    spans = _module_spans(text)
    if name in spans:
        return spans[name]
    masked = _mask(text)
    m = re.search(r"\b(?:module|macromodule)\s+" + re.escape(name) + r"\b", masked)
    if m is None:
        return None
    e = re.search(r"\bendmodule\b", masked[m.end():])
    if e is None:
        return None
    return m.start(), m.end() + e.end()


def changed_region(old: str, new: str) -> tuple[int, int]:
    """``[start, end)`` of ``old`` that differs from ``new`` (common prefix and suffix removed)."""
    n = min(len(old), len(new))
    p, k = 0, 4096  # whole chunks first (slice compares run in C), then characters
    while p + k <= n and old[p:p + k] == new[p:p + k]:
        p += k
    while p < n and old[p] == new[p]:
        p += 1
    s, lo, ln = 0, len(old), len(new)
    while s + k <= n - p and old[lo - s - k:lo - s] == new[ln - s - k:ln - s]:
        s += k
    while s < n - p and old[lo - 1 - s] == new[ln - 1 - s]:
        s += 1
    return p, lo - s


def graph(parsed) -> dict[str, ModuleNode]:
    """Every module declared in ``parsed`` (a ParsedDesign) with the modules it instantiates."""
    out: dict[str, ModuleNode] = {}
    for src, tree in zip(parsed.sources, parsed.trees, strict=True):
        root = tree.root
        decls = [root] if root.kind == SK.ModuleDeclaration else [
            m for m in getattr(root, "members", ()) if m.kind == SK.ModuleDeclaration]
        for d in decls:
            node = ModuleNode(d.header.name.valueText, Path(src.path).resolve())

            def visit(n, node=node):
                if getattr(n, "kind", None) == SK.HierarchyInstantiation:
                    child = n.type.valueText
                    node.children[child] = node.children.get(child, 0) + len(list(n.instances))
                    if n.parameters is not None:
                        node.param_overrides.add(child)
                return True

            d.visit(visit)
            out.setdefault(node.name, node)
    return out


def reachable(g: dict[str, ModuleNode], top: str) -> list[str]:
    """``top`` and the declared modules below it, leaves first (post-order), each once."""
    order: list[str] = []
    seen: set[str] = set()

    def walk(n: str, stack: tuple[str, ...]) -> None:
        if n in seen or n not in g or n in stack:
            return
        for c in g[n].children:
            walk(c, stack + (n,))
        seen.add(n)
        order.append(n)

    walk(top, ())
    return order


def instance_counts(g: dict[str, ModuleNode], top: str) -> dict[str, int]:
    """How many times each module occurs in the elaborated hierarchy under ``top`` (top: 1)."""
    counts: dict[str, int] = {}

    def walk(n: str, k: int, depth: int) -> None:
        if n not in g or depth > 64:
            return
        counts[n] = counts.get(n, 0) + k
        for c, m in g[n].children.items():
            walk(c, k * m, depth + 1)

    walk(top, 1, 0)
    return counts


def _unread_instance(inst, texts: list[str]) -> bool:
    """True when no output or inout port of the elaborated instance ``inst`` is connected (a positional
    list shorter than the port list, ``.y()``), it has at least one, nothing names its internals
    (``inst.reg``) and its module asks for no ``keep``: synthesis of the design removes the instance
    and everything below it, whatever it computes."""
    outs = 0
    for pc in inst.portConnections:
        d = str(getattr(pc.port, "direction", "")).rsplit(".", 1)[-1]
        if d == "In":
            continue
        if d not in ("Out", "InOut") or pc.expression is not None:
            return False  # (an interface port, a connected output)
        outs += 1
    if not outs:
        return False
    ref = re.compile(rf"(?<![\w$.]){re.escape(inst.name)}\s*\.\s*[A-Za-z_]")
    if any(ref.search(_mask(t)) for t in texts):
        return False
    name = str(inst.definition.name)
    for t in texts:
        sp = module_span(t, name)
        if sp is not None and re.search(r"\bkeep\b", _mask(t[sp[0]:sp[1]])):
            return False
    return True


def elaborated_counts(parsed, top: str, dead: dict[str, str] | None = None) -> dict[str, int] | None:
    """How many times each module is instantiated in the ELABORATED design under ``top`` (generate
    loops unrolled, generate branches not taken left out; the top with the user's -G values), or None
    when slang cannot elaborate it. :func:`instance_counts` counts instantiations as written: the cnn
    layer's 28 convolution units (two generate loops) counted 2, and picorv32's multiplier and divider
    (generate branches off by default) counted 1 each.

    Instances none of whose outputs is connected (:func:`_unread_instance`: synthesis removes them)
    are not counted, nor anything below them; ``dead`` (when given) gets, per module with such an
    instance, where the first one is (``file:line: instance name``)."""
    if parsed is None:
        return None
    try:
        import pyslang
        from pyslang import ast

        from rtlopt.hdl.project import active

        opts = ast.CompilationOptions()
        opts.topModules = {top}
        if active().params:
            opts.paramOverrides = [f"{k}={v}" for k, v in active().params]
        comp = ast.Compilation(pyslang.Bag([opts]))
        for t in parsed.trees:
            comp.addSyntaxTree(t)
        roots = [r for r in comp.getRoot().topInstances if r.name == top]
        if len(roots) != 1:
            return None
        out: dict[str, int] = {}
        texts = [src.text for src in parsed.sources]
        cut: list[str] = []  # hierarchical paths of unread instances: nothing below them counts
        sm = comp.sourceManager

        def cb(s):
            if s.kind == ast.SymbolKind.Instance:
                path = str(s.hierarchicalPath)
                if any(path.startswith(c + ".") for c in cut):
                    return True
                n = str(s.definition.name)
                if n != top and _unread_instance(s, texts):
                    cut.append(path)
                    if dead is not None and n not in dead:
                        try:
                            where = f"{Path(sm.getFileName(s.location)).name}:{sm.getLineNumber(s.location)}: "
                        except Exception:  # noqa: BLE001 - the place is only for the message
                            where = ""
                        dead[n] = f"{where}instance {s.name}"
                    return True
                out[n] = out.get(n, 0) + 1
            return True

        roots[0].visit(cb)
        return out if out.get(top) == 1 else None
    except Exception:  # noqa: BLE001 - elaboration trouble: the counts as written are used
        return None


def edit_scope(design) -> str | None:
    """The module whose span alone may be edited, or None when every declared module is under the top."""
    if design.parsed is None:
        return None
    g = graph(design.parsed)
    under = set(reachable(g, design.top))
    return design.top if set(g) - under else None


def in_scope(old: str, new: str, module: str) -> bool:
    """True when ``new`` differs from ``old`` only inside ``module``'s span of ``old``."""
    if old == new:
        return True
    span = module_span(old, module)
    if span is None:
        return False
    a, b = changed_region(old, new)
    return span[0] <= a and b <= span[1]


# ----------------------------------------------------------------------------------------------------
# Hierarchical optimization

# The measuring phase is bounded so that modules too large to measure cannot eat the search time: the
# full PPA flow of every module ends by MEASURE_FRAC of the budget (a module that does not fit its capped
# share is "too large": not searched, since its search would measure every candidate the same way), the
# cheap estimate of those (so the total covers them) by ESTIMATE_FRAC. The rest goes to the searches.
MEASURE_FRAC = 0.25
ESTIMATE_FRAC = 0.4
SECOND_CHANCE_MIN_S = 30.0  # time left below which the estimated modules get no second full try
SECOND_CHANCE_MEASURE_FRAC = 0.3  # of the time left, for each second full measurement
MIN_SHARE_S = 10.0  # a searched module's floor (when the budget has it): small modules finish early anyway


def search_weight(area: float | None, instances: int) -> float:
    """A module's weight in the split of the search time: the square root of the area its rewrites can
    reduce (own area x instances). Larger logic has more candidates, each measured and proven more
    slowly, and more to gain; the root keeps small modules from being starved (they finish early and
    their unused time flows to the modules after them)."""
    if area is None:
        return 1.0
    return max(1.0, float(area) * max(1, instances)) ** 0.5


def split_share(left: float, weights: list[float], floor: float = MIN_SHARE_S) -> float:
    """The first module's share of ``left`` seconds among modules still to search with ``weights``
    (it first): in proportion to its weight, at least ``floor`` (or an equal share when that is less),
    never more than ``left``."""
    if not weights or left <= 0:
        return 0.0
    total = sum(weights)
    share = left * weights[0] / total if total > 0 else left / len(weights)
    return min(left, max(share, min(floor, left / len(weights))))


@dataclass
class ModuleResult:
    module: str
    instances: int
    status: str  # improved | no_improvement | no_proof | skipped | error | budget
    seconds: float = 0.0
    area_before: float | None = None
    area_after: float | None = None
    measured: str = ""  # how the module's PPA was measured
    rules: list[str] = field(default_factory=list)
    verdict: str | None = None
    note: str = ""
    estimated: bool = False  # area_before/after are an estimate (the full flow did not fit its slice)
    measure_s: float | None = None  # seconds its measurement took in the measuring phase (full flow, estimate)
    share_s: float | None = None  # seconds its search was given (None: not searched)
    weight: float | None = None  # its weight in the split of the search time
    #: candidates its searches rejected for a registered output or a keep/async_reg register (engine.regkeep)
    rejected_registered: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class HierResult:
    top: str
    modules: list[ModuleResult]
    original: dict[Path, str]
    final: dict[Path, str]
    total_before: float | None
    total_after: float | None
    total_measured: str
    final_verdict: str | None
    final_engine: str | None
    seconds: float
    budget_exhausted: bool = False
    estimated: list[str] = field(default_factory=list)  # modules whose area in the total is an estimate
    phases: dict[str, Any] = field(default_factory=dict)  # where the time went (measuring, estimating, search)

    @property
    def changed(self) -> bool:
        return any(self.final[p] != self.original[p] for p in self.original)

    def to_dict(self) -> dict[str, Any]:
        return {"top": self.top, "mode": "hierarchical", "modules": [m.to_dict() for m in self.modules],
                "total": {"area_before_um2": self.total_before, "area_after_um2": self.total_after,
                          "measured": self.total_measured, "estimated_modules": list(self.estimated)},
                "composed_proof": {"verdict": self.final_verdict, "engine": self.final_engine},
                "changed": self.changed, "seconds": round(self.seconds, 3),
                "budget_exhausted": self.budget_exhausted, "time": dict(self.phases),
                "rejected_registered_outputs": sum(m.rejected_registered for m in self.modules)}

    def format_text(self) -> str:
        lines = [f"hierarchical optimization of {self.top} ({len(self.modules)} modules, leaves first)"]
        w = max([len(m.module) for m in self.modules] + [6])
        lines.append(f"  {'module':<{w}}  inst  status          area before -> after (um^2)   s  share  measured")
        for m in self.modules:
            ab = "n/a" if m.area_before is None else f"{m.area_before:.2f}"
            aa = "n/a" if m.area_after is None else f"{m.area_after:.2f}"
            if m.estimated:
                ab, aa = "~" + ab, "~" + aa
            sh = "-" if m.share_s is None else f"{m.share_s:.0f}"
            lines.append(f"  {m.module:<{w}}  {m.instances:>4}  {m.status:<14}  {ab:>11} -> {aa:<11}  "
                         f"{m.seconds:>5.1f}  {sh:>5}  {m.measured}"
                         + (f" ({m.measure_s:.1f} s)" if m.measure_s is not None else "")
                         + (f"  {m.note}" if m.note else ""))
            if m.rules:
                lines.append(f"  {'':<{w}}        rules: {', '.join(m.rules)} ({m.verdict})")
        tb = "n/a" if self.total_before is None else f"{self.total_before:.2f}"
        ta = "n/a" if self.total_after is None else f"{self.total_after:.2f}"
        if self.estimated and self.total_before is not None:
            tb, ta = "~" + tb, "~" + ta
        lines.append(f"total area: {tb} -> {ta} um^2 ({self.total_measured})")
        if self.changed:
            lines.append(f"composed design vs original (top {self.top}): {self.final_verdict or 'not run'}"
                         + (f" by {self.final_engine}" if self.final_engine else ""))
        rejected = sum(m.rejected_registered for m in self.modules)
        if rejected:
            lines.append(f"registered outputs / protected registers kept: {rejected} candidate(s) rejected")
        lines.append(f"time: {self.seconds:.1f} s" + ("; budget exhausted" if self.budget_exhausted else ""))
        if self.phases:
            ph = self.phases
            lines.append(f"  measuring {ph.get('measuring_s', 0):.1f} s (full flow, window {ph.get('measure_window_s', 0):.0f} s), "
                         f"estimating {ph.get('estimating_s', 0):.1f} s (window to {ph.get('estimate_window_s', 0):.0f} s), "
                         f"search {ph.get('search_s', 0):.1f} s over {ph.get('searched', 0)} modules; "
                         f"split: {ph.get('rule', '')}")
        return "\n".join(lines)


def optimize_hierarchical(design, *, goal: str = "area", liberty=None, budget_s: float = 600.0,
                          ppa_timeout_s: float = 300.0, verify_timeout_s: float = 60.0,
                          clock_period_ns: float | None = None, max_steps: int = 20,
                          progress: Callable[[str], None] | None = None, **kw) -> HierResult:
    """Optimize every module under ``design.top``, leaves first, each with its own proof and PPA.

    Time (per-module area, ``measure_fn``): every module's own area first, in a bounded window (the
    full flow until MEASURE_FRAC of the budget, each module capped at a fair share of it; the cheap
    estimate of the modules that did not fit until ESTIMATE_FRAC). A module whose full flow did not fit
    its cap is not searched (its search would measure every candidate the same way). The modules that
    are searched share what is left in proportion to :func:`search_weight` (sqrt(own area x
    instances)), recomputed from what is left at each one's turn, so unused time flows to later
    modules; a module with 0 um^2 of own logic is not searched. Without per-module areas: equal
    shares, the top a double share. The report's ``time`` says what each phase took. A module instantiated with parameter overrides is measured and
    optimized at its instances' values when they all have the same ones (its rewrites pinned to them,
    rtlopt.engine.parampin); with several configurations, at all of them in one search (a wrapper with
    one instance per configuration: rtlopt.engine.multiconfig).
    Per-module PPA is the module measured as the top, submodules included; the total is the top's
    measurement when it finished within ``ppa_timeout_s``, else the sum over modules of their own
    area (module minus its instances) times their instance count, and the report says which.
    """
    from rtlopt.design import open_design
    from rtlopt.engine.search import optimize
    from rtlopt.errors import BudgetExhausted, RtloptError
    from rtlopt.hdl.project import using, using_here
    from rtlopt.ppa.liberty import resolve_liberty

    t0 = time.monotonic()
    deadline = t0 + budget_s - min(5.0, budget_s * 0.05)  # the rest: totals, report, cleanup
    say = progress or (lambda _m: None)
    lib = resolve_liberty(liberty) if not hasattr(liberty, "sha256") else liberty
    g = graph(design.parsed)
    order = reachable(g, design.top)
    counts = instance_counts(g, design.top)
    unread: dict[str, str] = {}  # module -> where an instance of it has no output connected
    elab = elaborated_counts(design.parsed, design.top, unread)
    absent: list[str] = []  # written under the top, not in the elaborated design at these parameters
    if elab is not None:
        absent = [n for n in order if not elab.get(n)]
        order = [n for n in order if elab.get(n)]
        counts = {n: elab[n] for n in order}
    overridden = {c for n in order for c in g[n].param_overrides}
    from rtlopt.hdl.project import library_files

    # a module instantiated with parameter overrides is measured and optimized at the values its
    # instances have, when they all have the same ones (its rewrites are then pinned to those values:
    # rtlopt.engine.parampin); with several configurations it is left to its parents, as before
    inst_params = _instance_params(design, overridden)
    # several configurations: one search over all of them (a wrapper instantiating it once per
    # configuration; every rewrite proven at each and pinned to them: rtlopt.engine.multiconfig)
    from rtlopt.engine.multiconfig import configurations

    multi = configurations(design, overridden - set(inst_params))

    read_only = library_files(design.files)
    original = {p: p.read_text(encoding="utf-8", errors="replace") for p in design.files}
    cur = dict(original)
    # modules whose internals some text names through an instance (``u_reg.q``): a rewrite proven at
    # the module's own ports says nothing about them (a module with no output ports is proven vacuously)
    hier_read = _hier_read(design, order, original)
    results: list[ModuleResult] = []
    flat_area: dict[str, tuple[float | None, float | None]] = {}
    exhausted = False
    measure_fn = kw.get("measure_fn")
    estimate_fn = kw.pop("estimate_fn", None)
    # the measuring phase's own measurement: may return the labelled estimate its run wrote before the
    # full flow overran the slice (provenance "estimate"), so a slow module costs one read, not two
    first_fn = kw.pop("measure_first_fn", None) or measure_fn
    estimated: dict[str, str] = {}  # module -> how its area was estimated
    attempted: set[str] = set()  # modules whose full measurement was tried in the measuring phase
    why_not: dict[str, str] = {}  # module -> why it has no number (for its row)
    import threading

    lock = threading.Lock()
    spent: dict[str, float] = {}  # module -> seconds of its measurements in the measuring phase
    phases: dict[str, Any] = {}
    t_meas = time.monotonic()
    t_est = 0.0  # seconds of the estimating window
    if measure_fn is not None:
        # every module's own area first (one synthesis each, cached), so the total is complete even
        # when the budget does not reach every module's optimization
        # pass 1: a fair share each (one huge module must not starve the others); pass 2: the rest
        # of the measuring time (up to 40 % of the budget) for the modules that did not fit
        # modules are measured in parallel (``jobs`` Yosys children), each with its fair share of the
        # measuring time times the parallelism
        from concurrent.futures import ThreadPoolExecutor

        from rtlopt.engine.search import default_jobs

        jobs = kw.get("jobs") or default_jobs()
        # the full flow's window ends at 40 % of the budget: an estimate (slang frontend: seconds where
        # the full flow's frontend takes minutes) then has until 85 % for the modules without a number
        measure_end = t0 + budget_s * MEASURE_FRAC
        # an estimate may run on to 85 % of the budget: a total that covers every module comes before
        # optimizing modules the full flow can measure (their search is best effort); estimates that
        # finish early leave the rest to the search
        estimate_end = min(deadline, t0 + budget_s * ESTIMATE_FRAC)
        refs = {name: open_design(list(design.files), name) for name in order}

        def size(name: str) -> int:
            sp = module_span(cur.get(g[name].file, ""), name) if name in g else None
            return sp[1] - sp[0] if sp else 0

        for attempt in (1, 2):
            # the largest modules first: they need the most time, the small ones fill in beside them
            pending = sorted((n for n in order if n not in flat_area), key=size, reverse=True)
            left = measure_end - time.monotonic()
            if not pending or left < 2:
                break  # (their rows say they were not measured within the limits)
            limit = max(2.0, min(ppa_timeout_s, left * jobs / len(pending) if attempt == 1 else left))

            # with parallel workers the largest module may use the whole window on its own worker:
            # the others share the remaining workers (a fair share each), so it starves nobody
            biggest = pending[0] if jobs > 1 and attempt == 1 else None
            if biggest is not None and len(pending) > 1:
                limit = max(2.0, min(ppa_timeout_s, left * (jobs - 1) / (len(pending) - 1)))

            def one(name: str, limit=limit, biggest=biggest, attempt=attempt):
                lim = min(ppa_timeout_s if name == biggest else limit, measure_end - time.monotonic())
                if lim < 2:
                    return name, None, "no time left for its measurement", None
                tm = time.monotonic()
                try:
                    if name in multi:  # every configuration, the instance-weighted mean
                        from rtlopt.engine.multiconfig import measure_configs

                        rep = measure_configs(first_fn, refs[name].files, name, multi[name], texts=cur, timeout=lim)
                    else:
                        with using_here(_project_at(inst_params.get(name))):
                            rep = first_fn(refs[name], texts=cur, timeout=lim)
                except RtloptError as exc:
                    return name, None, str(exc), None
                finally:
                    with lock:
                        spent[name] = spent.get(name, 0.0) + time.monotonic() - tm
                how = rep.provenance.get("measured", "estimate") if rep.provenance.get("estimate") else None
                return name, rep.area_um2.value, None, how

            with ThreadPoolExecutor(max_workers=jobs) as pool:
                for name, a, err, how in pool.map(one, pending):
                    attempted.add(name)
                    if a is not None:
                        flat_area[name] = (a, a)
                        why_not.pop(name, None)
                        if how is not None:
                            estimated[name] = how
                            say(f"{name}: the full flow did not fit its share; area estimated ({a:.0f} um^2)")
                    else:
                        why_not[name] = f"not measured: {err}" + (f"; {why_not[name]}" if name in why_not else "")
                        if attempt == 2:
                            say(f"{name}: not measured: {err}")
            slow = [n for n in pending if n not in flat_area]
            if attempt == 1 and estimate_fn is not None and slow:
                # too slow for the full flow in their share: the cheap estimate, once every module had
                # its full try (an estimate must not starve small modules), with the estimating window
                # shared among them, so the total covers every module; pass 2 then retries the full flow
                # for the modules that have neither number
                left = estimate_end - time.monotonic()
                te = time.monotonic()
                if left >= 4:
                    unfinished = [len(slow)]  # estimates not finished yet (this one included)

                    def est(name: str, unfinished=unfinished):
                        # the window left, shared among the estimates not finished yet: one that starts
                        # after a quick one gets the time that one did not use
                        with lock:
                            k = unfinished[0]
                        left_now = estimate_end - time.monotonic()
                        lim = min(ppa_timeout_s, left_now, max(2.0, left_now * min(jobs, k) / k))
                        if lim < 2:
                            return name, None, "no time left for an estimate"
                        tm = time.monotonic()
                        try:
                            if name in multi:
                                from rtlopt.engine.multiconfig import measure_configs

                                rep = measure_configs(estimate_fn, refs[name].files, name, multi[name], texts=cur,
                                                      timeout=lim)
                            else:
                                with using_here(_project_at(inst_params.get(name))):
                                    rep = estimate_fn(refs[name], texts=cur, timeout=lim)
                            return name, rep.area_um2.value, rep.provenance.get("measured", "estimate")
                        except RtloptError as exc:
                            return name, None, str(exc)
                        finally:
                            with lock:
                                spent[name] = spent.get(name, 0.0) + time.monotonic() - tm
                                unfinished[0] -= 1

                    with ThreadPoolExecutor(max_workers=jobs) as pool:
                        for name, a, how in pool.map(est, sorted(slow, key=size)):
                            if a is not None:
                                flat_area[name] = (a, a)
                                estimated[name] = how
                                say(f"{name}: the full flow did not fit its share; area estimated ({a:.0f} um^2)")
                            else:
                                why_not[name] = why_not.get(name, "not measured") + f"; not estimated either: {how}"
                                say(f"{name}: not estimated either: {how}")
                t_est += time.monotonic() - te
        phases = {"measuring_s": round(time.monotonic() - t_meas - t_est, 2), "estimating_s": round(t_est, 2),
                  "measure_window_s": round(budget_s * MEASURE_FRAC, 1),
                  "estimate_window_s": round(budget_s * ESTIMATE_FRAC, 1)}
    per_module = measure_fn is not None

    def searched(name: str) -> bool:  # (the same tests as the loop's skips below)
        if name in hier_read:
            return False
        at = inst_params.get(name) if name != design.top else None
        if name in overridden and name != design.top and at is None and name not in multi:
            return False
        if name in estimated or g[name].file.resolve() in read_only:
            return False
        if name not in flat_area and "not estimated either" in why_not.get(name, ""):
            return False
        return not (per_module and goal == "area" and name in flat_area and flat_area[name][0] == 0)

    # the search time: what is left after the (bounded) measuring phase, split among the modules that are
    # searched in proportion to search_weight (per-module areas known), else equally with the top
    # counted twice; each module's share is recomputed from what is left when its turn comes, so time a
    # module does not use flows to the modules after it
    to_search = [n for n in order if searched(n)]
    if per_module and any(n in flat_area for n in to_search):
        known = [search_weight(flat_area[n][0], counts.get(n, 1)) for n in to_search if n in flat_area]
        fill = sum(known) / len(known)
        weights = {n: search_weight(flat_area[n][0], counts.get(n, 1)) if n in flat_area else fill
                   for n in to_search}
        rule = ("in proportion to sqrt(own area x instances), at least "
                f"{MIN_SHARE_S:g} s each; unused time flows to the modules after")
    else:
        weights = {n: 2.0 if n == design.top else 1.0 for n in to_search}
        rule = "equal shares, the top a double share; unused time flows to the modules after"

    def _search_kw(name: str) -> dict:
        """The search's keywords for ``name``: a leaf module (no instances) with output ports is measured
        by the flat flow, which for a leaf is its own logic too: the canonical flow every other run
        reports, area-first staged (the per-module script's different ABC run measured the long suite's
        register file 2.5 % below the flat flow and its proven -1.5 % rewrite as no gain)."""
        if kw.get("measure_fn") is None or g[name].children:
            return kw
        from rtlopt.ppa._permodule import has_output_ports

        if not has_output_ports([cur.get(g[name].file, "")], name):
            return kw  # measured with its registers kept (keep_state_lines): per-module only
        return {k: v for k, v in kw.items() if k != "measure_fn"}

    def search_one(name: str, mr: ModuleResult, share: float, weight: float, at, label: str) -> None:
        """Search module ``name`` for ``share`` seconds on the current texts; its row ``mr`` says how."""
        nonlocal cur, exhausted
        mr.share_s, mr.weight = round(share, 1), round(weight, 2)
        say(f"{label} {name} ({share:.0f} s) ...")
        ts = time.monotonic()
        if name in multi:
            cur, hit = _optimize_configs(design, name, multi[name], mr, cur, share, goal=goal, liberty=lib,
                                         max_steps=max_steps, verify_timeout_s=verify_timeout_s,
                                         clock_period_ns=clock_period_ns, ppa_timeout_s=ppa_timeout_s, **kw)
            mr.seconds = time.monotonic() - ts
            if mr.area_before is not None and mr.status not in ("error", "budget"):
                flat_area[name] = (mr.area_before, mr.area_after)
            exhausted = exhausted or hit
            return
        try:
            # (a module at its instances' values: the search's -G for it, so its measurements, proofs
            # and pins are at those values; the global project, as the search may use threads)
            with using(_project_at(at)) if at is not None else contextlib.nullcontext():
                sub = open_design(list(design.files), name)
                res = optimize(sub, goal=goal, liberty=lib, budget_s=share, max_steps=max_steps,
                               verify_timeout_s=min(verify_timeout_s, max(10.0, share / 2)),
                               clock_period_ns=clock_period_ns, ppa_timeout_s=min(ppa_timeout_s, share),
                               start_texts=cur, scope=name, **_search_kw(name))
        except BudgetExhausted as exc:
            mr.status, mr.note = "budget", str(exc)
            mr.seconds = time.monotonic() - ts
            return
        except RtloptError as exc:
            mr.status, mr.note = "error", str(exc)
            mr.seconds = time.monotonic() - ts
            return
        mr.seconds = time.monotonic() - ts
        mr.status = res.status
        mr.rejected_registered += (getattr(res, "registered_outputs", None) or {}).get("rejected", 0)
        if at is not None:
            mr.note = (f"optimized at its instances' parameters ({_param_text(at)}); a rewrite holds only "
                       "there and is pinned to them")
        mr.area_before = res.before.area_um2.value
        mr.area_after = res.after.area_um2.value
        mr.measured = ("per-module (own logic, submodules as black boxes)" if _search_kw(name).get("measure_fn")
                       else "flat (a leaf module: its own logic)" if kw.get("measure_fn") is not None
                       else "flat (module as top, submodules included)")
        if at is not None:
            mr.measured += f"; at its instances' parameters ({_param_text(at)})"
        flat_area[name] = (mr.area_before, mr.area_after)
        if res.steps:
            why = composes(design, res.final)
            if why is not None:
                # proven for the module's ports, but the design at its top no longer reads: a parent
                # names the module's internals (``ID_EX_Reg.ALUSrcA`` in the long suite's cpu top)
                mr.status, mr.area_after = "error", mr.area_before
                flat_area[name] = (mr.area_before, mr.area_before)
                mr.note = f"rewrite not kept: the design at its top no longer reads ({why[:160]})"
            else:
                mr.rules = [r for s in res.steps for r in s.rules]
                mr.verdict = res.steps[-1].verdict
                cur = dict(res.final)
        if res.budget_exhausted:
            exhausted = True

    t_search = time.monotonic()
    phases.update(rule=rule, searched=len(to_search))
    for i, name in enumerate(order):
        left = deadline - time.monotonic()
        rest = [n for n in order[i:] if n in weights]
        share = split_share(left, [weights[n] for n in rest]) if name in weights else 0.0
        mr = ModuleResult(name, counts.get(name, 1), "skipped")
        mr.measure_s = round(spent[name], 2) if name in spent else None
        results.append(mr)
        if name not in flat_area and name in why_not:
            mr.measured = why_not[name][:300]
        if name in flat_area:
            mr.area_before, mr.area_after = flat_area[name]
            mr.measured = "per-module (own logic, submodules as black boxes)"
            if name in estimated:
                mr.measured, mr.estimated = estimated[name], True
        at = inst_params.get(name) if name != design.top else None
        if at is not None and name in flat_area:
            mr.measured += f"; at its instances' parameters ({_param_text(at)})"
        if name in multi and name in flat_area:
            mr.measured += f"; mean over its {len(multi[name])} configurations"
        if name in overridden and name != design.top and at is None and name not in multi:
            mr.note = ("instantiated with parameter overrides that cannot be represented (type or string "
                       "parameters, interface or array ports) or in more than 8 configurations: not optimized on "
                       "its own")
            if kw.get("measure_fn") is not None and name not in flat_area and name not in attempted \
                    and deadline - time.monotonic() > 5:
                try:  # its area still counts in the per-module sum (at its default parameters)
                    a = kw["measure_fn"](open_design(list(design.files), name), texts=cur,
                                         timeout=min(ppa_timeout_s, deadline - time.monotonic())).area_um2.value
                    mr.area_before = mr.area_after = a
                    flat_area[name] = (a, a)
                    mr.measured = "per-module (own logic, submodules as black boxes)"
                except RtloptError as exc:
                    mr.note += f"; not measured: {exc}"
                    if estimate_fn is not None and deadline - time.monotonic() > 5:
                        try:
                            rep = estimate_fn(open_design(list(design.files), name), texts=cur,
                                              timeout=min(ppa_timeout_s, deadline - time.monotonic()))
                            a = rep.area_um2.value
                            mr.area_before = mr.area_after = a
                            flat_area[name] = (a, a)
                            estimated[name] = rep.provenance.get("measured", "estimate")
                            mr.measured, mr.estimated = estimated[name], True
                        except RtloptError as exc2:
                            mr.note += f"; not estimated: {exc2}"
            if name in flat_area:
                mr.note += f"; area {'estimated' if name in estimated else 'measured'} at its default parameters"
            continue
        if name in hier_read:
            mr.note = (f"not optimized: its internals are read by hierarchical reference ({hier_read[name]}); "
                       "a proof at its own ports does not cover them")
            continue
        if name in estimated:
            # its full measurement did not fit a fair share of the measuring window: the search (which
            # measures every candidate the same way) would spend its slice failing; the time goes to others
            mr.note = "not optimized: the full PPA flow does not fit its slice (area estimated)"
            continue
        if g[name].file.resolve() in read_only:
            mr.note = "library module (-y/-v): read, not edited"
            continue
        if name not in flat_area and "not estimated either" in why_not.get(name, ""):
            # neither the full flow nor the estimate measured it in the measuring window: its search
            # (which measures its input the same way first) would spend its share failing (cnn layer)
            mr.note = "not optimized: its area could not be measured within the limits"
            continue
        if per_module and goal == "area" and name in flat_area and flat_area[name][0] == 0:
            mr.note = "not optimized: 0 um^2 of its own logic, nothing to reduce"
            continue
        if share < 5:
            mr.status, mr.note = "budget", "no time left in the budget"
            exhausted = True
            continue
        search_one(name, mr, share, weights[name], at, f"[{i + 1}/{len(order)}]")
    # second chance: a module whose full flow did not fit its fair share of the measuring window got an
    # estimate and no search; time the searches left (the other modules finish early, an estimate
    # fails) goes to one full measurement of each such module, smallest estimate first (the likeliest
    # to finish), and the modules measured then are searched with what is left, in proportion to
    # search_weight (the long suite's CPU register file: its flow takes 20 s, its fair share was 10 s)
    retry = sorted((n for n in order if n in estimated and n not in hier_read and n not in multi
                    and g[n].file.resolve() not in read_only
                    and not (n in overridden and n != design.top and inst_params.get(n) is None)),
                   key=lambda n: (flat_area[n][0], n))
    if measure_fn is not None and retry and deadline - time.monotonic() >= SECOND_CHANCE_MIN_S:
        rows = {mr.module: mr for mr in results}
        measured_now: list[str] = []
        for name in retry:
            left = deadline - time.monotonic()
            if left < SECOND_CHANCE_MIN_S:
                break
            lim = min(ppa_timeout_s, left * SECOND_CHANCE_MEASURE_FRAC)
            at = inst_params.get(name) if name != design.top else None
            tm = time.monotonic()
            try:
                with using_here(_project_at(at)):
                    rep = measure_fn(refs[name], texts=cur, timeout=lim)
                if rep.provenance.get("estimate"):
                    raise RtloptError("estimate only")
            except RtloptError:
                rows[name].note += f"; a second full measurement ({lim:.0f} s, time the searches left) did not finish"
                continue
            finally:
                spent[name] = spent.get(name, 0.0) + time.monotonic() - tm
            a = rep.area_um2.value
            flat_area[name] = (a, a)
            estimated.pop(name, None)
            mr = rows[name]
            mr.area_before = mr.area_after = a
            mr.measured, mr.estimated = "per-module (own logic, submodules as black boxes)", False
            mr.measure_s = round(spent[name], 2)
            mr.note = f"measured in a second full try ({time.monotonic() - tm:.0f} s, time the searches left)"
            say(f"{name}: measured in a second try ({a:.0f} um^2)")
            measured_now.append(name)
        if per_module and goal == "area":
            measured_now = [n for n in measured_now if flat_area[n][0] != 0]
        for k, name in enumerate(measured_now):
            left = deadline - time.monotonic()
            ws = [search_weight(flat_area[n][0], counts.get(n, 1)) for n in measured_now[k:]]
            share = split_share(left, ws)
            if share < 5:
                break
            mr = rows[name]
            note, mr.note = mr.note, ""
            search_one(name, mr, share, ws[0], inst_params.get(name) if name != design.top else None,
                       f"[second chance {k + 1}/{len(measured_now)}]")
            mr.note = "; ".join(x for x in (note, mr.note) if x)
        phases["second_chance"] = {"measured": measured_now, "tried": [n for n in retry if n in spent]}
    phases["search_s"] = round(time.monotonic() - t_search, 2)
    # total: per-module runs (own logic): sum of own area x instances; flat runs: the top's number,
    # else each module's flat number minus its instances' flat numbers, times its instance count
    total_b = total_a = None
    how = "not measured"
    if not per_module and design.top in flat_area and flat_area[design.top][0] is not None:
        total_b, total_a = flat_area[design.top]
        how = "flat (top measured with all submodules)"
    elif flat_area:
        def own(n: str, k: int) -> float | None:
            v = flat_area.get(n, (None, None))[k]
            if v is None or per_module:
                return v
            for c, m in g[n].children.items():
                if c in absent:
                    continue  # not in the elaborated design
                cv = flat_area.get(c, (None, None))[k]
                if cv is None:
                    return None
                v -= cv * m
            return v
        tb = [own(n, 0) for n in order]
        ta = [own(n, 1) for n in order]
        if all(v is not None for v in tb) and all(v is not None for v in ta):
            total_b = sum(v * counts.get(n, 1) for v, n in zip(tb, order, strict=True))
            total_a = sum(v * counts.get(n, 1) for v, n in zip(ta, order, strict=True))
            how = "per-module sum (own area x instances)"
            est = [n for n in order if n in estimated]
            if est:
                share = sum(flat_area[n][0] * counts.get(n, 1) for n in est) / total_b if total_b else 0.0
                how += (f"; ESTIMATE: includes estimated area of {', '.join(est)} ({share:.0%} of the total "
                        "before; coarse synthesis + techmap, no ABC: the full flow did not fit their slice)")
        else:
            missing = [n for n, v in zip(order, tb, strict=True) if v is None]
            how = f"incomplete: not measured within the limits: {', '.join(missing)}"
            if per_module:  # the measured modules' sum, a lower bound, said as such
                total_b = sum(v * counts.get(n, 1) for v, n in zip(tb, order, strict=True) if v is not None)
                total_a = sum(v * counts.get(n, 1) for v, n in zip(ta, order, strict=True) if v is not None)
                how = (f"partial: per-module sum over {len(order) - len(missing)} of {len(order)} modules "
                       f"(own area x instances); not measured within the limits: {', '.join(missing)}")
                est = [n for n in order if n in estimated]
                if est:
                    how += f"; ESTIMATE: includes estimated area of {', '.join(est)}"
    for n in absent:
        if n in unread:
            results.append(ModuleResult(n, 0, "skipped", note=f"no output of its instances is connected ({unread[n]}): "
                                        "synthesis of the design removes it; not measured, not searched, not in "
                                        "the total (check the port list of the instantiation)"))
            continue
        results.append(ModuleResult(n, 0, "skipped", note="not instantiated at these parameter values "
                                    "(a generate branch not taken): not measured, not in the total"))
    if per_module:
        from rtlopt.ppa._permodule import has_output_ports

        for mr in results:  # (ppa._permodule.keep_state_lines)
            if mr.measured and mr.module in g and not has_output_ports([cur.get(g[mr.module].file, "")], mr.module):
                mr.measured += "; no output ports: its registers kept (read through hierarchical references)"
    for mr in results:
        if mr.area_before == 0 and per_module and not mr.note:
            mr.note = ("0 um^2: nothing it computes reaches an output port (logic read only through "
                       "hierarchical references is removed by synthesis)")
    verdict = engine = None
    if any(cur[p] != original[p] for p in original):
        tp = time.monotonic()
        verdict, engine = _compose_proof(design, original, cur, deadline, verify_timeout_s, say)
        phases["composed_proof_s"] = round(time.monotonic() - tp, 2)
        if verdict == "NOT_EQUIVALENT":  # never: every step was proven; refuse the result anyway
            cur = dict(original)
    return HierResult(design.top, results, original, cur, total_b, total_a, how, verdict, engine,
                      time.monotonic() - t0, exhausted, [n for n in order if n in estimated], phases)


def _optimize_configs(design, name, cfgs, mr, cur, share, *, goal, liberty, max_steps, verify_timeout_s,
                      clock_period_ns, ppa_timeout_s, **kw):
    """``name`` at every configuration it is instantiated with (engine.multiconfig): first one search
    over all of them at once (60 % of the share; rewrites that hold in every configuration), then, with
    what is left, one search per configuration (most instances first) with that configuration as the
    child's -G, each rewrite pinned to its configuration alone (the pins nest: each one's else arm is
    the text before it). Fills ``mr``; returns the texts after it (the wrapper dropped) and whether the
    budget ran out."""
    from rtlopt.design import open_design
    from rtlopt.engine.multiconfig import Wrapped, condition_text, measure_configs
    from rtlopt.engine.search import optimize
    from rtlopt.errors import BudgetExhausted, RtloptError
    from rtlopt.hdl.project import using

    end = time.monotonic() + share
    mfn = kw.pop("measure_fn", None)
    joint = dict(kw)
    if mfn is not None:
        def measure(ref, texts=None, timeout=300.0):  # the copies' files are read as they are
            return measure_configs(mfn, ref.files, name, cfgs, texts=None, timeout=timeout)

        joint["measure_fn"] = measure
    try:
        # the wrapper's top has none of the user's -G parameters (they are in the configurations)
        with using(_project_at(())), Wrapped(design, name, cfgs) as w:
            res = optimize(w.design, goal=goal, liberty=liberty, budget_s=share * 0.6, max_steps=max_steps,
                           verify_timeout_s=min(verify_timeout_s, max(10.0, share * 0.3)),
                           clock_period_ns=clock_period_ns, ppa_timeout_s=min(ppa_timeout_s, share * 0.6),
                           start_texts={**cur, w.path: w.text}, scope=name, **joint)
    except BudgetExhausted as exc:
        mr.status, mr.note = "budget", str(exc)
        return cur, True
    except RtloptError as exc:
        mr.status, mr.note = "error", str(exc)
        return cur, False
    mr.status = res.status
    mr.note = (f"optimized at its {len(cfgs)} configurations at once ({condition_text(cfgs)}); every rewrite "
               "proven at each, pinned to them unless parameter-independent")
    mr.area_before = res.before.area_um2.value
    mr.area_after = res.after.area_um2.value
    if mfn is None and mr.area_before is not None and mr.area_after is not None:
        # the wrapper flat: one instance per configuration; the mean per instance
        mr.area_before, mr.area_after = mr.area_before / len(cfgs), mr.area_after / len(cfgs)
    mr.measured = ("per-module (own logic, submodules as black boxes); instance-weighted mean over its "
                   "configurations" if mfn is not None else
                   "flat, mean of one instance per configuration (module with submodules)")
    if res.steps:
        new = {p: res.final.get(p, t) for p, t in cur.items()}
        why = composes(design, new)
        if why is not None:  # (see the single-configuration path)
            mr.area_after = mr.area_before
            mr.note = f"rewrite not kept: the design at its top no longer reads ({why[:160]})"
            return cur, bool(res.budget_exhausted)
        mr.rules = [r for s in res.steps for r in s.rules]
        mr.verdict = res.steps[-1].verdict
        cur = new
    hit = bool(res.budget_exhausted)
    mr.rejected_registered += (getattr(res, "registered_outputs", None) or {}).get("rejected", 0)
    # then each configuration on its own (its rewrites pinned to it alone); the module's mean drops by
    # each configuration's gain times its share of the instances
    total = sum(k for _p, _q, k in cfgs)
    order = sorted(range(len(cfgs)), key=lambda i: -cfgs[i][2])
    own = []
    for j, i in enumerate(order):
        params, _ports, k = cfgs[i]
        per = (end - time.monotonic()) / (len(order) - j)
        if per < 10:
            break
        try:
            with using(_project_at(params)):
                sub = open_design(list(design.files), name)
                r = optimize(sub, goal=goal, liberty=liberty, budget_s=per, max_steps=max_steps,
                             verify_timeout_s=min(verify_timeout_s, max(10.0, per / 2)),
                             clock_period_ns=clock_period_ns, ppa_timeout_s=min(ppa_timeout_s, per),
                             start_texts=cur, scope=name, **({"measure_fn": mfn} if mfn is not None else {}), **kw)
        except RtloptError:  # (BudgetExhausted included: this configuration's extra search only)
            continue
        hit = hit or bool(r.budget_exhausted)
        mr.rejected_registered += (getattr(r, "registered_outputs", None) or {}).get("rejected", 0)
        if not r.steps:
            continue
        b, a = r.before.area_um2.value, r.after.area_um2.value
        if b is None or a is None or mr.area_after is None or composes(design, r.final) is not None:
            continue
        cur = dict(r.final)
        mr.area_after -= (b - a) * k / total
        mr.rules += [x for s in r.steps for x in s.rules]
        mr.verdict = r.steps[-1].verdict
        mr.status = "improved"
        own.append(", ".join(f"{n}={v}" for n, v in params))
    if own:
        mr.note += f"; then on its own at {' | '.join(own)} (pinned to that configuration)"
    return cur, hit


def _instance_params(design, modules) -> dict[str, tuple]:
    """{module: ((param, literal), ...)} for each of ``modules`` whose elaborated instances under the
    top all have the same (representable) parameter values; the others are left out."""
    if not modules:
        return {}
    from rtlopt.engine.parampin import design_configs

    configs = design_configs(design.parsed, design.top) or {}
    out: dict[str, tuple] = {}
    for name in modules:
        if name == design.top:
            continue
        cfgs = configs.get(name) or set()
        if len(cfgs) == 1:
            (cfg,) = cfgs
            if cfg:  # None: not representable (string or type parameters); (): nothing to set
                out[name] = cfg
    return out


def _project_at(params: tuple | None):
    """The active project with ``params`` as the top's -G values (None: None, i.e. unchanged)."""
    if params is None:
        return None
    from dataclasses import replace

    from rtlopt.hdl.project import active

    return replace(active(), params=tuple(params))


def _param_text(params: tuple) -> str:
    return ", ".join(f"{k}={v}" for k, v in params)


def _hier_read(design, order: list[str], texts: dict) -> dict[str, str]:
    """Module (not the top) -> the first hierarchical reference into one of its instances that some
    text makes (``ID_EX_Reg.ALUSrcA``; ``defparam u.P`` counts too), for the modules of ``order``.
    Instance names come from the elaborated design (the top with the user's -G values); an instance
    name followed by ``.name`` anywhere counts (conservative: such a module is only not searched)."""
    from rtlopt.engine.modproof import _instances

    parsed = getattr(design, "parsed", None)
    try:
        insts = _instances(parsed.trees, design.top, overrides=True, strict=False) if parsed is not None else None
    except Exception:  # noqa: BLE001 - no elaboration: the textual instance names below
        insts = None
    names: dict[str, set[str]] = {}
    for inst, mod, _cfg in insts or ():
        names.setdefault(mod, set()).add(inst)
    if insts is None:  # instance names as written (``Mod #(...) name (``)
        for t in texts.values():
            for m in re.finditer(r"(?<![\w$.])([A-Za-z_][\w$]*)\s*(?:#\s*\([^;]*?\))?\s+([A-Za-z_][\w$]*)\s*[\[(]",
                                 _mask(t)):
                names.setdefault(m.group(1), set()).add(m.group(2))
    out: dict[str, str] = {}
    masked = [_mask(t) for t in texts.values()]
    for mod in order:
        if mod == design.top:
            continue
        for n in sorted(names.get(mod, ())):
            pat = re.compile(rf"(?<![\w$]){re.escape(n)}\s*(?:\[[^\]]*\]\s*)?\.\s*([A-Za-z_][\w$]*)")
            hit = next((m for t in masked for m in [pat.search(t)] if m), None)
            if hit is not None:
                out[mod] = f"{n}.{hit.group(1)}"
                break
    return out


def composes(design, texts: dict) -> str | None:
    """None when ``texts`` (every file of ``design``) still elaborate with the design's top, else why not.
    A module's rewrite is proven at its own ports; a parent that names its internals through a
    hierarchical reference (``inst.reg``) is outside that proof and would stop reading."""
    from rtlopt.engine.workspace import Workspace
    from rtlopt.errors import RtloptError

    with Workspace(design, prefix="rtlopt-hier-chk-") as ws:
        try:
            ws.materialize(texts)
        except RtloptError as exc:
            return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return None


def _compose_proof(design, original, final, deadline, verify_timeout_s, say) -> tuple[str, str | None]:
    """Prove the composed design against the original at the top (flat), within what is left."""
    from rtlopt.engine.search import _verdict_name, _verify_api
    from rtlopt.engine.workspace import Workspace

    left = deadline - time.monotonic()
    if left < 5:
        return "PER_MODULE_PROOFS", None
    check_equivalence, VerifyOptions = _verify_api()
    say(f"proving the composed design against the original ({min(left, verify_timeout_s * 2):.0f} s) ...")
    with Workspace(design, prefix="rtlopt-hier-") as ws:
        res = check_equivalence(ws.materialize(original), ws.materialize(final),
                                VerifyOptions(timeout_s=min(left, verify_timeout_s * 2)))
    v = _verdict_name(res.verdict)
    if v == "UNKNOWN":
        return "PER_MODULE_PROOFS (flat proof UNKNOWN)", getattr(res, "engine", None)
    return v, getattr(res, "engine", None)
