"""The dispatcher: look at a design and decide which optimization paths to run, with reasons.

Paths:

* ``templates`` - the deterministic templates (:mod:`rtlopt.templates`): run when any template matches;
* ``fsm`` - the FSM engine (:mod:`rtlopt.fsm`): run when a state machine is extracted;
* ``llm_dataflow`` - an LLM data-flow rewrite: arithmetic, multiplexers, bit widths, memories, loops;
* ``llm_control`` - an LLM control-flow rewrite: state machines and branchy control logic.

The LLM paths need a configured model; without one they are reported as not run, with that reason.
Large designs are split per module for the prompts (:attr:`Plan.targets`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rtlopt.design import DesignRef
from rtlopt.rag import Features, extract_features

#: Files longer than this (characters) are prompted module by module.
SPLIT_CHARS = 12000
#: Designs longer than this (characters, all files) are not sent to a model at all.
MAX_LLM_CHARS = 200_000

_NO_MODEL = "no model configured (set --model, RTLOPT_MODEL or 'model' in [tool.rtlopt])"


@dataclass
class PathChoice:
    """One path: whether it runs and why."""

    name: str
    run: bool
    reason: str

    def to_dict(self) -> dict:
        return {"path": self.name, "run": self.run, "reason": self.reason}


@dataclass
class Plan:
    """What the dispatcher decided for a design.

    Attributes:
        paths: every path with its decision and reason.
        features: merged design features (all files).
        per_file: features of each file.
        fsms: names of the extracted state machines (``module.reg``).
        templates: ids of the templates that match.
        targets: (file, modules) the LLM prompts cover; one entry per file, or per module when a file is
            longer than :data:`SPLIT_CHARS`.
        query: the retrieval query (design features + goal).
    """

    paths: list[PathChoice] = field(default_factory=list)
    features: Features = field(default_factory=Features)
    per_file: dict[str, Features] = field(default_factory=dict)
    fsms: list[str] = field(default_factory=list)
    templates: list[str] = field(default_factory=list)
    targets: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    query: str = ""
    goal: str = "area"

    def runs(self, name: str) -> bool:
        return any(p.name == name and p.run for p in self.paths)

    def reason(self, name: str) -> str:
        return next((p.reason for p in self.paths if p.name == name), "")

    def to_dict(self) -> dict:
        return {"paths": [p.to_dict() for p in self.paths], "fsms": self.fsms, "templates": self.templates,
                "targets": [{"file": f, "modules": list(m)} for f, m in self.targets], "query": self.query,
                "features": self.features.to_dict()}

    def format_text(self) -> str:
        lines = [f"plan ({self.goal}):"]
        for p in self.paths:
            lines.append(f"  {'run ' if p.run else 'skip'} {p.name:13} {p.reason}")
        return "\n".join(lines)


def _merge(feats: list[Features]) -> Features:
    out = Features()
    for f in feats:
        out.modules += f.modules
        out.lines += f.lines
        out.ops.update(f.ops)
        out.const_mults += f.const_mults
        out.facts.update(f.facts)
        out.max_width = max(out.max_width, f.max_width)
        out.max_port_width = max(out.max_port_width, f.max_port_width)
        out.instances += f.instances
        out.always_ff += f.always_ff
        out.always_comb += f.always_comb
    return out


def _template_matches(texts: dict[Path, str]) -> list[str]:
    try:
        from rtlopt.templates import REGISTRY, analyze
    except ImportError:  # pragma: no cover
        return []
    found: list[str] = []
    for p, text in texts.items():
        an = analyze(text, str(p))
        if an.syntax_errors:
            continue
        for tid, tmpl in REGISTRY.items():
            try:
                if tmpl.match(an) and tid not in found:
                    found.append(tid)
            except Exception:  # noqa: BLE001 - a template bug must not stop planning
                continue
    return found


def _fsms(design: DesignRef) -> tuple[list[str], str]:
    try:
        from rtlopt.fsm import extract
    except ImportError:  # pragma: no cover
        return [], "the FSM engine is not installed"
    try:
        ex = extract(design)
    except Exception as exc:  # noqa: BLE001 - extraction problems only mean "no FSM path"
        return [], f"FSM extraction failed: {' '.join(str(exc).split())[:120]}"
    names = [f"{f.source.module}.{f.state_reg}" if f.source is not None and hasattr(f.source, "module")
             else (f.state_reg or f.name) for f in ex.fsms]
    why = ""
    if not names and ex.rejections:
        why = "; ".join(f"{r.signal}: {r.reason}" for r in ex.rejections[:2])
    return names, why


def _module_sizes(path: Path, text: str) -> list[tuple[str, int]]:
    from rtlopt.llm._extract import _module_spans

    return [(n, e - s) for n, (s, e) in _module_spans(text, str(path)).items()]


def dispatch(design: DesignRef, *, goal: str = "area", model: str | None = None,
             texts: dict[Path, str] | None = None, run_fsm: bool = True) -> Plan:
    """Analyse ``design`` (FSMs, arithmetic, muxes, widths, size) and choose the paths to run.

    Args:
        design: the design (files and top).
        goal: the optimization goal (part of the retrieval query).
        model: the configured chat model, or None (the LLM paths are then skipped, with that reason).
        texts: current file texts (default: read from ``design.files``).
        run_fsm: run FSM extraction (z3) to decide the FSM path; False uses the syntactic features only.
    """
    texts = texts or {p: p.read_text(encoding="utf-8", errors="replace") for p in design.files}
    plan = Plan(goal=goal)
    for p, t in texts.items():
        plan.per_file[str(p)] = extract_features(t, str(p))
    f = plan.features = _merge(list(plan.per_file.values()))
    plan.query = f.query(goal)
    plan.templates = _template_matches(texts)
    plan.paths.append(PathChoice("templates", bool(plan.templates),
                                 f"templates match: {', '.join(plan.templates)}" if plan.templates
                                 else "no template matches"))
    if run_fsm:
        plan.fsms, why = _fsms(design)
    else:
        plan.fsms, why = (["(syntactic)"] if f.has("fsm") else []), ""
    plan.paths.append(PathChoice("fsm", bool(plan.fsms),
                                 f"state machine(s): {', '.join(plan.fsms)}" if plan.fsms
                                 else (f"no state machine extracted ({why})" if why else "no state machine found")))
    total = sum(len(t) for t in texts.values())
    data_reasons = []
    if f.arithmetic:
        data_reasons.append(f"{f.arithmetic} arithmetic operator(s)")
    if f.facts["const_mult"]:
        data_reasons.append(f"{f.facts['const_mult']} constant multiplication(s)")
    if f.muxes:
        data_reasons.append(f"{f.muxes} multiplexer(s)/branches")
    if f.facts["wide_internal"]:
        data_reasons.append(f"{f.facts['wide_internal']} oversized signal(s) (max width {f.max_width})")
    if f.facts["memory"]:
        data_reasons.append(f"{f.facts['memory']} memory array(s)")
    if f.facts["loop"]:
        data_reasons.append(f"{f.facts['loop']} loop(s)")
    for k in ("repeated_subexpr", "adder_chain", "unused_signal", "unused_reg", "gate_primitives", "full_adder"):
        if f.facts[k]:
            data_reasons.append(k.replace("_", " "))
    if (plan.fsms or f.has("fsm")) and all("multiplexer(s)/branches" in r for r in data_reasons):
        data_reasons = []  # the branches are the state machine's: the control path covers them
    ctrl_reasons = []
    if plan.fsms or f.has("fsm"):
        ctrl_reasons.append(f"state machine(s) {', '.join(plan.fsms) or 'by syntax'}")
    if f.facts["case"] >= 1 and (f.always_ff or f.facts["if_chain"]):
        ctrl_reasons.append(f"{f.facts['case']} case statement(s)")
    if f.facts["if_chain"]:
        ctrl_reasons.append("priority if/else-if chain(s)")
    if f.facts["redundant_condition"]:
        ctrl_reasons.append("re-tested condition(s) / unreachable branches")
    for name, reasons, what in (("llm_dataflow", data_reasons, "data-flow"), ("llm_control", ctrl_reasons, "control")):
        if not model:
            plan.paths.append(PathChoice(name, False, _NO_MODEL))
        elif total > MAX_LLM_CHARS:
            plan.paths.append(PathChoice(name, False, f"design too large for a prompt ({total} characters)"))
        elif not reasons:
            plan.paths.append(PathChoice(name, False, f"no {what} structure worth a model call"))
        else:
            plan.paths.append(PathChoice(name, True, "; ".join(reasons)))
    for p, t in texts.items():
        mods = _module_sizes(p, t)
        if not mods:
            continue
        if len(t) <= SPLIT_CHARS or len(mods) == 1:
            plan.targets.append((str(p), tuple(n for n, _s in mods)))
        else:
            for n, _size in mods:
                plan.targets.append((str(p), (n,)))
    return plan
