"""The optimizer hook: FSM rewrites of a design as (unverified) :class:`~rtlopt.engine.Candidate` s."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from rtlopt.design import DesignRef, open_design
from rtlopt.engine.candidate import Candidate
from rtlopt.errors import RtloptError, UnsupportedConstruct
from rtlopt.fsm._narrow import (
    declaration_only,
    narrow_declaration,
    narrowable,
    narrowed_machine,
    read_outside,
)
from rtlopt.fsm._shadow import moorize
from rtlopt.fsm.encode import MergedStatesRead, adjacent_codes, candidate_orders, regenerate
from rtlopt.fsm.extract import extract
from rtlopt.fsm.minimize import minimize, minimized_fsm
from rtlopt.fsm.model import Fsm
from rtlopt.hdl.project import register_copy

#: Encodings tried for every machine; the rule names the optimizer knows.
RULE_OF = {"binary": "fsm_reencode_binary", "gray": "fsm_reencode_gray", "onehot": "fsm_reencode_onehot",
           "johnson": "fsm_reencode_johnson", "output": "fsm_reencode_output"}
#: Encodings proposed by default (each is measured; the best proven one wins).
DEFAULT_ENCODINGS = ("binary", "gray", "onehot", "johnson", "output")
#: Dense encodings also tried with other state numberings (declaration order, the original codes'
#: order, a transition-adjacency placement); each distinct code assignment is measured.
NUMBERED_ENCODINGS = ("binary", "gray")
#: Proof order of a candidate whose state register is re-encoded under a new name: the register
#: correspondence by name (Yosys equiv_*, first in the automatic order when the other registers keep
#: their names) cannot pair the state register, so it only spends its slice (heldout11 combo_lock's
#: merge of BAD/TIMEOUT: equiv inconclusive after 11-17 s, then ABC EQUIVALENT in 12-21 s, load 12-16;
#: the search's slot was 10 s). ABC first, then z3 (its Houdini uses the state_map), then ABC again.
PROOF_ENGINES = ("abc", "smt", "abc")
#: Proof order of a plan that narrows the machine's timers: z3's width-and-range round with per-state
#: bounds is their proof (heldout14 crosswalk/ped_fsm, a one-hot machine with its 16-bit timer narrowed
#: to 5 bits, re-encoded or not: smt 6-10 s at load 16; abc unknown at 120 s), ABC after it.
NARROW_PROOF_ENGINES = ("smt", "abc")
#: Encodings tried for the variant whose shadow registers became Moore outputs.
SHADOW_ENCODINGS = ("binary", "gray", "output")


@dataclass
class Plan:
    """One proposed rewrite of one machine (before PPA ranking)."""

    fsm: Fsm
    encoding: str
    minimized: bool
    n_before: int
    n_after: int
    text: str
    file: str
    state_map: dict
    rules: tuple[str, ...]
    description: str
    ppa: float | None = None
    notes: list[str] = field(default_factory=list)


def plan(design: DesignRef, *, assume: tuple[str, ...] = (), pragmas: bool = False,
         encodings: tuple[str, ...] = DEFAULT_ENCODINGS,
         timeout_s: float | None = None) -> tuple[list[Plan], list[str]]:
    """Every regeneration of every extracted machine; returns (plans, reasons some were skipped).

    Assumptions (``assume`` and, with ``pragmas``, ``// rtlopt: assume`` comments) widen the
    don't-care set; the equivalence checker does not know them, so the optimizer's default is none.
    """
    kw = {} if timeout_s is None else {"timeout_s": timeout_s}  # default: the extraction's own limit
    # the plans stop at the same limit (what is planned by then is kept: the narrowed binary plan and the
    # declaration-only narrowing come first): the search interrupts a generator past its window and keeps
    # nothing of it (heldout14 crosswalk/ped_fsm under load 16: 10 plans with 16-bit timer guards printed
    # as cube covers took 12-20 s, the generator was cut off and the search had no FSM candidate)
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    ex = extract(design, assume=assume, pragmas=pragmas, below_top=True, **kw)
    plans: list[Plan] = []
    skipped: list[str] = [str(r) for r in ex.rejections]
    for fsm in ex.fsms:
        if fsm.source is not None and fsm.source.regen_blockers:
            skipped.append(f"{fsm.name}: cannot regenerate: {'; '.join(fsm.source.regen_blockers)}")
            continue
        variants: list[tuple[Fsm, tuple[str, ...], tuple[str, ...]]] = [(fsm, (), encodings)]
        shadow = moorize(fsm)
        if shadow is not None:
            # registered outputs that mirror the state become Moore outputs (state bits with the
            # output encoding); only the encodings that can exploit it are tried
            variants.append((shadow, ("fsm_registered_output_merging",),
                             tuple(e for e in encodings if e in SHADOW_ENCODINGS)))
        # the timers narrowed together with the re-encoding (one encoding: see _narrowed_plans), and in
        # their declarations alone when that is exact (the smallest edit, the easiest proof: it is what
        # a round keeps when the combined one is not proven in time, the next round re-encodes)
        plans.extend(_declaration_plans(fsm))
        for machine, extra_rules, encs in variants:
            plans.extend(_plan_one(fsm, machine, extra_rules, encs, skipped, deadline=deadline))
    return plans, skipped


def _note(fsm: Fsm, reg: str) -> str:
    """The comment on a narrowed declaration: where its bound comes from."""
    ties = fsm.source.ties if fsm.source is not None else {}
    return (f"as wide as the values it reaches in each state of {fsm.state_reg}"
            + (" with " + ", ".join(f"{p} = {v}" for p, v in ties.items()) + " (tied by every instance)"
               if ties else ""))


def _declaration_plans(fsm: Fsm) -> list[Plan]:
    """The machine's timers narrowed in their declarations alone (the machine's code unchanged): one
    plan with every register whose per-state bound fits fewer bits and whose reads are all in the
    machine's blocks and width-safe (:func:`rtlopt.fsm._narrow.declaration_only`). The smallest edit,
    and its proof pairs every register by name."""
    src = fsm.source
    if src is None or not src.blocks:
        return []
    nar = {r: b for r, b in narrowable(fsm).items() if declaration_only(fsm, r)}
    text = src.text
    for r, b in sorted(nar.items()):
        text = narrow_declaration(text, src.module, min(a for a, _ in src.blocks), r, b, _note(fsm, r)) \
            if text else None
    if not nar or not text:
        return []
    desc = ", ".join(f"{r} {fsm.outputs[r]} -> {b} bits" for r, b in sorted(nar.items()))
    tie = (" with " + ", ".join(f"{p} = {v}" for p, v in src.ties.items()) + " (tied by every instance)"
           if src.ties else "")
    return [Plan(fsm, "declaration", False, len(fsm.reachable), len(fsm.reachable), text, src.file, {},
                 ("register_width_reduction",),
                 f"{fsm.name}: {desc} (per-state bound of the machine{tie}), declarations only")]


def _plan_one(fsm: Fsm, machine: Fsm, extra_rules: tuple[str, ...], encodings: tuple[str, ...],
              skipped: list[str], narrow: bool = True, deadline: float | None = None) -> list[Plan]:
    """Plans for ``machine`` (``fsm`` itself or a variant of it), minimized, in each encoding (with
    ``narrow``: also with its timers narrowed to their per-state bounds)."""
    try:
        return _plan_min(fsm, machine, extra_rules, encodings, skipped, merge=True, narrow=narrow,
                         deadline=deadline)
    except MergedStatesRead:
        # code outside the machine reads the old register and tells merged states apart: keep them
        return _plan_min(fsm, machine, extra_rules, encodings, skipped, merge=False, narrow=narrow,
                         deadline=deadline)


def _plan_min(fsm: Fsm, machine: Fsm, extra_rules: tuple[str, ...], encodings: tuple[str, ...],
              skipped: list[str], merge: bool, narrow: bool = True, deadline: float | None = None) -> list[Plan]:
    plans: list[Plan] = []
    if not merge and machine is not fsm:
        return plans  # (the unmerged variant is only the extracted machine itself)
    try:
        m = minimize(machine)
    except ValueError as exc:
        skipped.append(f"{fsm.name}: {exc}")
        return plans
    # unmerged: every state kept (unreachable ones too), states map to themselves
    n_after = m.n_after if merge else len(machine.reachable)
    smaller = n_after < len(machine.reachable)
    drop_unreachable = bool(fsm.unreachable) and merge
    target = minimized_fsm(machine, m) if merge and (smaller or bool(machine.unreachable)) else machine
    smap = {}
    if target is not fsm:
        for s, j in m.state_map().items():
            smap[s] = target.states[j]
    base_rules: tuple[str, ...] = ()
    if drop_unreachable:
        base_rules += ("fsm_unreachable_state_removal",)
    if smaller:
        base_rules += ("fsm_state_minimization",) + (("fsm_dont_care_merging",) if m.method != "partition" else ())
    base_rules += extra_rules
    what = []
    if smaller:
        what.append(f"{len(machine.reachable)} -> {n_after} states ({m.method})")
    if drop_unreachable:
        what.append(f"unreachable {', '.join(fsm.unreachable)} removed")
    if extra_rules:
        what.append(machine.notes[-1] if machine.notes else "variant")
    seen_codes: set[tuple[str, tuple]] = set()
    for enc in encodings:
        label = f"{fsm.name} " + ("; ".join(what) if what else "re-encoded")
        for nplan in (_narrowed_plans(fsm, machine, target, enc, smap, label, base_rules, what) if narrow else []):
            key = ("narrow", enc, nplan.text)
            if key not in seen_codes:
                seen_codes.add(key)
                plans.append(nplan)
        numberings: list[tuple[str, dict]] = [("", {})]
        if enc in NUMBERED_ENCODINGS:
            numberings = [(n, {"order": o}) for n, o in candidate_orders(target, fsm)]
            if enc == "binary":
                adj = adjacent_codes(target)
                if adj is not None:
                    numberings.append(("adjacent", {"codes": adj}))
            # each numbering also with self-loops written as constants (d = S instead of holding)
            numberings = [v for n, kw in numberings
                          for v in ((n, kw), (n + "+explicit-hold", {**kw, "explicit_hold": True}))]
        for k, (numbering, kw) in enumerate(numberings):
            if deadline is not None and time.monotonic() > deadline:
                skipped.append(f"{fsm.name}: time limit: the plans from {enc} encoding #{k} on were not made")
                return plans
            try:
                reg = regenerate(target, enc, original=fsm, state_map=smap or None, label=label, **kw)
            except MergedStatesRead:
                if merge:
                    raise
                return plans
            except UnsupportedConstruct as exc:
                if enc in ("output", "johnson") or k > 0:
                    break  # not applicable to this machine (no Moore output); the others still are
                skipped.append(str(exc))
                return plans
            key = (enc, bool(kw.get("explicit_hold")), tuple(sorted(reg.codes.items())))
            if key in seen_codes:
                continue  # the same code assignment as an earlier numbering
            seen_codes.add(key)
            rules = base_rules + ((RULE_OF[enc],) if enc in RULE_OF else ())
            num = f" ({numbering} state numbering)" if k > 0 else ""
            desc = (f"{fsm.name}: {'; '.join(what)}, {enc} encoding{num}" if what
                    else f"{fsm.name}: {enc} encoding{num} of {len(fsm.reachable)} states")
            plans.append(Plan(fsm, enc, smaller, len(machine.reachable), n_after, reg.text,
                              fsm.source.file, reg.state_map, rules, desc))
            if k <= 1 and enc in NUMBERED_ENCODINGS:  # the first numbering, with and without explicit holds
                plans.extend(_hoisted(fsm, target, enc, smap, label, rules, desc, smaller, len(machine.reachable),
                                      n_after, kw))
    return plans


def _hoisted(fsm: Fsm, target: Fsm, enc: str, smap: dict, label: str, rules: tuple[str, ...], desc: str,
             smaller: bool, n_before: int, n_after: int, kw: dict) -> list[Plan]:
    """The same regeneration with the machine's common priority condition (an input that takes every
    state to one state with the same outputs: an emergency stop) as one outer ``if`` over the ``case``;
    [] when there is none. Which of the two is smaller is left to the measurement."""
    try:
        reg = regenerate(target, enc, original=fsm, state_map=smap or None, label=label, hoist=True, **kw)
    except (UnsupportedConstruct, MergedStatesRead):
        return []
    return [Plan(fsm, enc, smaller, n_before, n_after, reg.text, fsm.source.file, reg.state_map, rules,
                 desc + ", common priority condition hoisted")]


def _narrowed_plans(fsm: Fsm, machine: Fsm, target: Fsm, enc: str, smap: dict, label: str,
                    base_rules: tuple[str, ...], what: list[str]) -> list[Plan]:
    """The machine in ``enc`` with its timers narrowed to their per-state bounds (:mod:`rtlopt.fsm._narrow`):
    one plan in the default numbering (the numbered variants are the un-narrowed plans' business)."""
    src = fsm.source
    # one encoding only: the proofs of these (the gold's wide timer beside the re-encoded machine) are
    # the slow ones, each ending UNKNOWN costs a slice; the other encodings come in later rounds, from
    # the narrowed text (and the declaration-only narrowing is offered beside them)
    if src is None or enc != "binary":
        return []
    nar = {r: b for r, b in narrowable(target).items() if not read_outside(fsm, r)}
    if not nar:
        return []
    tn = narrowed_machine(target, nar)
    anchor = min(a for a, _ in src.blocks)
    desc_n = ", ".join(f"{r} {target.outputs[r]} -> {b} bits" for r, b in sorted(nar.items()))
    lab = f"{label}; {desc_n} (per-state bound)"
    try:
        reg = regenerate(tn, enc, original=fsm, state_map=smap or None, label=lab)
    except (UnsupportedConstruct, MergedStatesRead):
        return []
    text = reg.text
    for r, b in sorted(nar.items()):
        text = narrow_declaration(text, src.module, anchor, r, b, _note(fsm, r)) if text is not None else None
    if text is None:
        return []
    rules = base_rules + ((RULE_OF[enc],) if enc in RULE_OF else ()) + ("register_width_reduction",)
    head = "; ".join(what + [desc_n])
    out = [Plan(fsm, enc, target is not machine, len(machine.reachable), len(target.states), text, src.file,
                reg.state_map, rules, f"{fsm.name}: {head}, {enc} encoding")]
    for hp in _hoisted(fsm, tn, enc, smap, lab, rules, out[0].description, target is not machine,
                       len(machine.reachable), len(target.states), {}):
        for r, b in sorted(nar.items()):
            hp.text = narrow_declaration(hp.text, src.module, anchor, r, b, _note(fsm, r)) if hp.text else None
        if hp.text:
            out.append(hp)
    return out


def candidates(design: DesignRef, *, goal: str = "area", liberty=None, assume: tuple[str, ...] = (),
               measure_ppa: bool = True, timeout: float = 300.0,
               extract_timeout_s: float | None = None) -> list[Candidate]:
    """FSM rewrites of ``design`` (minimization + re-encoding), best measured PPA first.

    Candidates are NOT verified here (the optimizer proves them). With ``rtlopt.ppa`` available
    and ``measure_ppa`` set, each is synthesized and the list is sorted by ``report.metric(goal)``
    (lower is better); candidates whose measurement fails are dropped.
    """
    plans, _skipped = plan(design, assume=assume, timeout_s=extract_timeout_s)
    if measure_ppa and plans:
        _rank(design, plans, goal, liberty, timeout)
    out = []
    for p in plans:
        hints = {"state_map": p.state_map, "file": p.file, "encoding": p.encoding,
                 "states_before": p.n_before, "states_after": p.n_after}
        if p.state_map.get("gate_reg") != p.state_map.get("gold_reg"):
            hints["engines"] = PROOF_ENGINES
        if "register_width_reduction" in p.rules and p.n_after == p.n_before:
            hints["engines"] = NARROW_PROOF_ENGINES  # (a merge of states keeps ABC first: PROOF_ENGINES)
        if p.ppa is not None:
            hints["ppa_" + goal] = p.ppa
        if assume:
            hints["assume"] = list(assume)
        if p.encoding == "declaration":
            hints["family"] = "declaration"
        out.append(Candidate(text=p.text, source="fsm", rules=p.rules, description=p.description, hints=hints))
    return out


def _rank(design: DesignRef, plans: list[Plan], goal: str, liberty, timeout: float) -> None:
    try:
        from rtlopt.ppa import measure
    except ImportError:  # pragma: no cover - ppa is part of the package
        return
    lib = liberty
    if goal == "area":
        try:  # area needs only the Yosys stage; remembered in the PPA cache the optimizer reads too
            from rtlopt.ppa import _cache, resolve_liberty
            lib = liberty if hasattr(liberty, "sha256") else resolve_liberty(liberty)
        except (ImportError, RtloptError):
            _cache = None
    for p in plans:
        try:
            ref = design_with_text(design, p.file, p.text)
            if goal == "area" and _cache is not None:
                area = _cache.cached_area(ref, liberty=lib)
                if area is None:
                    syn = _cache.synthesize_cached(ref, liberty=lib, timeout=timeout)
                    area = syn.area_um2
                    syn.close()
                p.ppa = area
            else:
                p.ppa = measure(ref, liberty=lib, timeout=timeout).metric(goal)
        except RtloptError as exc:
            p.notes.append(f"PPA not measured: {exc}")
    plans.sort(key=lambda p: (p.ppa is None, p.ppa if p.ppa is not None else 0.0))


_TMP: list[tempfile.TemporaryDirectory] = []


def design_with_text(design: DesignRef, file: str, text: str) -> DesignRef:
    """``design`` with ``file`` replaced by ``text`` (written to a temporary directory that lives
    until the process exits)."""
    tmp = tempfile.TemporaryDirectory(prefix="rtlopt-fsm-")
    _TMP.append(tmp)
    paths = []
    for f in design.files:
        if str(f) == str(Path(file).resolve()) or str(f) == file:
            p = Path(tmp.name) / Path(f).name
            p.write_text(text)
            register_copy(p, f)  # includes from the original's directory, the original's language
            paths.append(p)
        else:
            paths.append(f)
    return open_design(paths, top=design.top)
