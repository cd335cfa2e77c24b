"""The guarded LLM rewrite loop.

For each path the dispatcher chose (data-flow, control-flow) and each prompt target (a file, or a
module of a large file): retrieve rules for the design's features, prompt the model, and run every
response through the guard, in this order, stopping at the first failure:

1. extract the code (:mod:`rtlopt.llm._extract`) - no usable code: ``no_code``;
2. refuse unsafe / unsynthesizable code and interface changes (:mod:`rtlopt.llm._guard`), in process,
   before any tool runs - ``refused``;
3. parse and elaborate with pyslang - ``parse_error`` (with the line and its neighbourhood);
4. prove equivalence with the ORIGINAL design (:func:`rtlopt.verify.check_equivalence`) -
   ``not_equivalent`` (with the counterexample trace) or ``unknown`` (never accepted);
5. measure PPA (:func:`rtlopt.ppa.measure`) and compare with the current design on the goal -
   ``worse`` (with both numbers) or ``accepted``.

A failure is fed back to the model as a concrete message (``prompts/feedback_*.md``) for a bounded
number of retries; ``llm_samples`` > 1 samples several responses per attempt and keeps the best.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rtlopt.config import Settings, load_settings
from rtlopt.design import DesignRef
from rtlopt.engine.workspace import Workspace
from rtlopt.errors import InputError, RtloptError, ToolError, ToolNotFound
from rtlopt.hdl.source import SourceFile, parse_sources
from rtlopt.llm import _prompts as P
from rtlopt.llm._dispatch import Plan, dispatch
from rtlopt.llm._extract import ExtractionError, _module_spans, extract_code
from rtlopt.llm._guard import _EDGE, check_interface, check_safety, module_interfaces
from rtlopt.llm._models import LlmError, ModelSpec, invoke_with_limit, make_chat_model, parse_model
from rtlopt.llm._session import AttemptRecord, LlmSession, ResponseCache
from rtlopt.rules import Rule, RuleLibrary, load_rules
from rtlopt.tools import sandbox

#: Rules put into one prompt at most (the retrieval cutoff decides first; this bounds prompt size).
MAX_RULES = 6
#: A candidate must beat the current design by this relative margin on the goal metric.
MIN_GAIN = 1e-6
#: How far each outcome got (the furthest failure of a round is fed back).
_STAGE = {"no_code": 0, "unchanged": 0, "refused": 1, "parse_error": 2, "unknown": 3, "not_equivalent": 4,
          "worse": 5, "accepted": 6}
_PATH_CATEGORIES = {
    "llm_dataflow": ("dataflow", "logic", "mux", "datapath", "precision", "memory", "loop", "register", "control"),
    "llm_control": ("fsm", "control", "mux", "register", "logic"),
}


@dataclass
class Evaluation:
    """What happened to one response."""

    outcome: str
    detail: str
    feedback: str | None = None
    file: str | None = None
    text: str | None = None
    metric: float | None = None
    ppa: dict | None = None
    verdict: str | None = None
    engine: str | None = None
    rules: tuple[str, ...] = ()
    path: str = ""

    @property
    def accepted(self) -> bool:
        return self.outcome == "accepted"


@dataclass
class _Ctx:
    design: DesignRef
    texts: dict[Path, str]
    goal: str
    liberty: Any
    baseline: Any  # PpaReport of the current texts
    deadline: float
    rules: list[tuple[Rule, float]] = field(default_factory=list)


def _ppa_dict(rep) -> dict:
    return {"area_um2": rep.area_um2.value, "delay_ns": rep.delay_ns.value, "power_mw": rep.power_mw.value,
            "cells": rep.cells.value}


def _fmt(x) -> str:
    return "n/a" if x is None else (f"{x:.6g}" if isinstance(x, float) else str(x))


class LlmRewriter:
    """Runs the guarded loop for one configuration (model, rules, settings).

    Args:
        settings: the settings (model, retries, samples, timeouts, embedding, cache dir ...).
        chat_model: a ready langchain chat model (tests inject scripted ones); default: built from
            ``settings.model`` with :func:`rtlopt.llm._models.make_chat_model`.
        model_label: the label recorded/cached for an injected ``chat_model``.
        session: where calls and attempts are recorded (a new one by default).
        library: the rule library (default :func:`load_rules`).
        use_cache: read/write the response cache in ``settings.cache_dir``.

    Raises:
        LlmConfigError: the model needs a key that is not in the environment, or is malformed.
        ToolNotFound: the llm extra (or the provider's package) is not installed.
    """

    def __init__(self, settings: Settings | None = None, *, chat_model: Any = None, model_label: str | None = None,
                 session: LlmSession | None = None, library: RuleLibrary | None = None,
                 use_cache: bool = True) -> None:
        self.settings = settings or load_settings()
        if chat_model is None:
            self.spec = parse_model(self.settings.model or "", self.settings.base_url)
            self.model = make_chat_model(self.spec, temperature=self.settings.temperature,
                                         timeout=self.settings.llm_timeout, max_tokens=self.settings.max_tokens)
        else:
            label = model_label or type(chat_model).__name__
            self.spec = ModelSpec(*label.split(":", 1)) if ":" in label else ModelSpec("custom", label)
            self.model = chat_model
        self.session = session or LlmSession()
        self.session.model = self.spec.label
        self.session.endpoint = self.spec.endpoint
        if self.session.status == "not_configured":
            self.session.status = "unused"
        self.library = library or load_rules()
        self.cache = ResponseCache(self.settings.cache_dir) if use_cache else None
        self._store = None

    # ------------------------------------------------------------------ model calls
    def _call(self, messages: list, sample: int) -> str:
        from langchain_core.messages import AIMessage

        key = None
        if self.cache is not None:
            key = ResponseCache.key(self.spec, messages, temperature=self.settings.temperature,
                                    max_tokens=self.settings.max_tokens, sample=sample,
                                    library_hash=self.library.content_hash())
            hit = self.cache.get(key)
            if hit is not None:
                self.session.add_call(self.spec, hit.get("usage"), 0.0, cached=True)
                return hit["response"]
        t0 = time.monotonic()
        msg = invoke_with_limit(self.model, messages, timeout=self.settings.llm_timeout,
                                spec_label=self.spec.label, endpoint=self.spec.endpoint)
        secs = time.monotonic() - t0
        content = msg.content if isinstance(msg, AIMessage) or hasattr(msg, "content") else str(msg)
        if isinstance(content, list):  # content blocks (Anthropic): keep the text parts
            content = "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
        usage = dict(getattr(msg, "usage_metadata", None) or {}) or None
        if usage:
            usage = {k: usage.get(k) for k in ("input_tokens", "output_tokens", "total_tokens")}
        self.session.add_call(self.spec, usage, secs, cached=False)
        if key is not None:
            self.cache.put(key, {"response": content, "usage": usage, "model": self.spec.label})
        return str(content)

    # ------------------------------------------------------------------ retrieval
    def store(self):
        if self._store is None:
            from rtlopt.rag import open_store

            self._store = open_store(self.library, embedding=self.settings.embedding,
                                     cache_dir=self.settings.cache_dir)
        return self._store

    def retrieve(self, plan: Plan, path: str) -> list[tuple[Rule, float]]:
        """Rules for ``plan``'s query above the cutoff, limited to the path's categories (best first)."""
        hits = self.store().search(plan.query, min_score=self.settings.rag_min_score)
        cats = _PATH_CATEGORIES.get(path)
        chosen = [(r, s) for r, s in hits if cats is None or r.category in cats] or hits
        return chosen[:MAX_RULES]

    # ------------------------------------------------------------------ the loop
    def rewrite(self, design: DesignRef, *, goal: str | None = None, texts: dict[Path, str] | None = None,
                liberty: Any = None, plan: Plan | None = None, deadline: float | None = None) -> list[Evaluation]:
        """Run every LLM path the dispatcher chooses; return the accepted rewrites, best first.

        Raises:
            LlmError: the endpoint failed (down, timeout, credentials); ToolNotFound: tools missing.
        """
        from rtlopt.ppa import measure
        from rtlopt.ppa.liberty import resolve_liberty

        goal = goal or self.settings.goal
        texts = dict(texts) if texts else {p: p.read_text(encoding="utf-8", errors="replace") for p in design.files}
        plan = plan or dispatch(design, goal=goal, model=self.spec.label, texts=texts)
        self.session.plan = plan.to_dict()
        paths = [p for p in ("llm_dataflow", "llm_control") if plan.runs(p)]
        if not paths:
            if not self.session.used:
                self.session.status = "unused"
                self.session.reason = "; ".join(f"{p}: {plan.reason(p)}" for p in ("llm_dataflow", "llm_control"))
            return []
        lib = liberty if hasattr(liberty, "sha256") else resolve_liberty(liberty or self.settings.liberty)
        deadline = deadline or (time.monotonic() + self.settings.budget)
        with sandbox.untrusted(), Workspace(design, prefix="rtlopt-llm-") as ws:
            baseline = measure(ws.materialize(texts), liberty=lib, clock_period_ns=self.settings.clock_period)
            ctx = _Ctx(design, texts, goal, lib, baseline, deadline)
            accepted: list[Evaluation] = []
            for path in paths:
                ctx.rules = self.retrieve(plan, path)
                for r, s in ctx.rules:
                    if all(r.name != n for n, _ in self.session.rules_retrieved):
                        self.session.rules_retrieved.append((r.name, s))
                for file, modules in plan.targets:
                    if time.monotonic() > deadline:
                        break
                    ev = self._target(ctx, ws, path, file, modules)
                    if ev is not None:
                        accepted.append(ev)
        accepted.sort(key=lambda e: (e.metric if e.metric is not None else float("inf")))
        return accepted

    def _target(self, ctx: _Ctx, ws: Workspace, path: str, file: str, modules: tuple[str, ...]) -> Evaluation | None:
        from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

        fpath = Path(file)
        text = ctx.texts[fpath]
        spans = _module_spans(text, file)
        whole = set(modules) == set(spans)
        code = text if whole else "\n\n".join(text[spans[m][0]:spans[m][1]] for m in modules)
        target = P.Target(file, code, modules, whole, constraints=_constraints(ctx, modules, text))
        feats = P.rewrite_prompt(target, goal=ctx.goal, path=path.removeprefix("llm_"), rules=ctx.rules,
                                 findings=_findings(code))
        messages: list = [SystemMessage(P.system_prompt()), HumanMessage(feats)]
        label = f"{path}:{target.label}"
        for attempt in range(1 + self.settings.llm_retries):
            if time.monotonic() > ctx.deadline:
                break
            evals: list[tuple[str, Evaluation]] = []
            for sample in range(self.settings.llm_samples):
                response = self._call(messages, sample)
                ev = self.evaluate(ctx, ws, target, response)
                ev.path = path
                self.session.attempts.append(AttemptRecord(label, attempt, sample, ev.outcome, ev.detail, ev.metric))
                evals.append((response, ev))
            good = [e for _r, e in evals if e.accepted]
            if good:
                return min(good, key=lambda e: e.metric)
            response, worst = max(evals, key=lambda re_: _STAGE[re_[1].outcome])
            if worst.feedback is None:
                break
            messages += [AIMessage(response), HumanMessage(worst.feedback)]
        return None

    def evaluate(self, ctx: _Ctx, ws: Workspace, target: P.Target, response: str) -> Evaluation:
        """Run one response through the guard (see the module docstring)."""
        from rtlopt.ppa import measure
        from rtlopt.verify import VerifyOptions, check_equivalence

        file = Path(target.file)
        original = ctx.texts[file]
        rw = target.return_what
        try:
            ex = extract_code(response, original, name=str(file))
        except ExtractionError as exc:
            return Evaluation("no_code", exc.message, P.feedback("no_code", error=exc.message, return_what=rw))
        new = ex.text
        if " ".join(new.split()) == " ".join(original.split()):
            return Evaluation("unchanged", "the response repeats the input", P.feedback("unchanged"))
        claimed = P.rules_claimed(response, set(self.library.names()))
        refusals = check_safety(original, new, str(file), path=file if file.is_absolute() else None)
        if not refusals:
            syn = _syntax_error(file, new)
            if syn is not None:
                msg, line = syn
                return Evaluation("parse_error", msg, P.feedback("parse_error", error=msg,
                                                                 context=P.parse_error_context(new, line)),
                                  file=str(file), text=new)
            new_texts = dict(ctx.texts)
            new_texts[file] = new
            try:
                refusals = check_interface([(str(p), t) for p, t in ctx.texts.items()],
                                           [(str(p), t) for p, t in new_texts.items()], ctx.design.top)
            except Exception as exc:  # noqa: BLE001 - elaboration problems become parse errors
                msg = " ".join(str(exc).split())[:200]
                return Evaluation("parse_error", msg, P.feedback("parse_error", error=msg, context=""),
                                  file=str(file), text=new)
        if refusals:
            problems = "\n".join(f"- {r}" for r in refusals)
            return Evaluation("refused", "; ".join(str(r) for r in refusals),
                              P.feedback("refused", problems=problems), file=str(file), text=new)
        new_texts = dict(ctx.texts)
        new_texts[file] = new
        try:
            gate = ws.materialize(new_texts)
        except InputError as exc:
            return Evaluation("parse_error", str(exc), P.feedback("parse_error", error=str(exc),
                                                                  context=P.parse_error_context(new, exc.line)),
                              file=str(file), text=new)
        remaining = max(5.0, min(self.settings.verify_timeout, ctx.deadline - time.monotonic()))
        try:
            res = check_equivalence(ws.gold(), gate, VerifyOptions(timeout_s=remaining))
        except ToolNotFound:
            raise
        except InputError as exc:
            return Evaluation("parse_error", str(exc), P.feedback("parse_error", error=str(exc),
                                                                  context=P.parse_error_context(new, exc.line)),
                              file=str(file), text=new)
        verdict = str(res.verdict)
        if verdict == "NOT EQUIVALENT":
            trace = res.counterexample.format() if res.counterexample else (res.reason or "outputs differ")
            if res.interface_diffs:
                trace = "\n".join(res.interface_diffs)
            return Evaluation("not_equivalent", trace.splitlines()[0] if trace else "not equivalent",
                              P.feedback("not_equivalent", trace=trace), file=str(file), text=new,
                              verdict=verdict, engine=res.engine)
        if verdict != "EQUIVALENT":
            reason = res.reason or "no engine decided"
            return Evaluation("unknown", reason, P.feedback("unknown", reason=reason), file=str(file), text=new,
                              verdict=verdict, engine=res.engine)
        try:
            rep = measure(gate, liberty=ctx.liberty, clock_period_ns=self.settings.clock_period)
        except ToolNotFound:
            raise
        except (InputError, ToolError) as exc:
            return Evaluation("parse_error", str(exc), P.feedback("parse_error", error=str(exc), context=""),
                              file=str(file), text=new, verdict=verdict)
        before, after = ctx.baseline.metric(ctx.goal), rep.metric(ctx.goal)
        b, a = ctx.baseline, rep
        rules = claimed or tuple(r.name for r, _s in ctx.rules[:1])
        if after < before * (1 - MIN_GAIN):
            return Evaluation("accepted", f"{ctx.goal} {_fmt(before)} -> {_fmt(after)}", None, file=str(file),
                              text=new, metric=after, ppa=_ppa_dict(rep), verdict=verdict, engine=res.engine,
                              rules=rules)
        fb = P.feedback("worse", goal=ctx.goal, metric_name=ctx.goal, before=_fmt(before), after=_fmt(after),
                        area_before=_fmt(b.area_um2.value), area_after=_fmt(a.area_um2.value),
                        delay_before=_fmt(b.delay_ns.value), delay_after=_fmt(a.delay_ns.value),
                        cells_before=_fmt(b.cells.value), cells_after=_fmt(a.cells.value))
        return Evaluation("worse", f"{ctx.goal} {_fmt(before)} -> {_fmt(after)}", fb, file=str(file), text=new,
                          metric=after, ppa=_ppa_dict(rep), verdict=verdict, engine=res.engine, rules=rules)


def _syntax_error(file: Path, text: str) -> tuple[str, int | None] | None:
    """The first pyslang syntax error of ``text`` as (message, line), or None."""
    try:
        parse_sources([SourceFile(file, text)])
    except InputError as exc:
        return str(exc), exc.line
    return None


def _findings(code: str) -> list[str]:
    from rtlopt.rag import extract_features

    return extract_features(code).phrases()[:8]


def _constraints(ctx: _Ctx, modules: tuple[str, ...], text: str) -> list[str]:
    """Per-module interface and clocking facts the rewrite must keep."""
    try:
        ifaces, _d, _i = module_interfaces([(str(p), t) for p, t in ctx.texts.items()])
    except Exception:  # noqa: BLE001 - constraints are advisory; the guard enforces them
        ifaces = {}
    out = []
    for m in modules:
        mi = ifaces.get(m)
        top = " (the top module)" if m == ctx.design.top else ""
        if mi is None:
            out.append(f"module `{m}`{top}: keep its name, ports and parameters exactly")
            continue
        ports = ", ".join(f"{d} {n} [{w} bit{'s' if w != 1 else ''}{', signed' if s else ''}]"
                          for n, d, w, s in mi.ports)
        out.append(f"module `{m}`{top}: keep the name and the ports in this order: {ports}")
        if mi.params:
            out.append(f"module `{m}`: keep the parameters {', '.join(f'{n} = {v}' for n, v in mi.params)}")
    edges = sorted({f"{e} {s}" for e, s in _EDGE.findall(text)})
    if edges:
        out.append("keep the clock/reset events of every always block: " + ", ".join(f"@({e})" for e in edges) +
                   "; same reset values, same number of register stages (cycle timing)")
    else:
        out.append("the design is combinational: do not add registers or latches")
    return out


__all__ = ["Evaluation", "LlmRewriter", "RtloptError", "LlmError"]
