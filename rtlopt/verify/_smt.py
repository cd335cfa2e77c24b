"""Word-level SMT engine: the Yosys ``write_smt2 -wires`` miter solved with the z3 Python API.

Yosys describes the miter as functions of an uninterpreted state sort: ``|M_t| s s'`` (transition),
``|M_i| s`` (initial values), ``|M_is| s`` (initial-state flag), ``|M_u| s`` (assumptions),
``|M_n name| s`` (wire values) and ``|M#k| s`` (state elements; registers are listed in
``yosys-smt2-witness`` comments). :class:`SmtMiter` parses the file once with a probe that
instantiates each function on two state constants, then builds unrollings by substitution.

Proof procedure (sequential): BMC from the initial states to ``bmc_depth`` (a hit is a real
counterexample); plain k-induction at small k along the way; if that fails, invariant mining
(value sets of small registers, gold/gate state correspondences ``g==a -> h==b``, equal-register
candidates, the optional ``state_map`` hint; random bit-parallel simulation from the initial states,
:mod:`rtlopt.verify._smtsim`, seeds the value sets and drops the candidates a simulated state
violates), filtered on the BMC unrolling and then by Houdini
(drop candidates until the rest plus "outputs equal" is inductive); finally k-induction strengthened
with the surviving invariants and simple-path constraints. Only an inductive proof is reported as
EQUIVALENT; a clean BMC alone gives UNKNOWN. z3 runs in-process; every ``check`` gets a ``timeout``
from the remaining budget, so a hard instance ends as UNKNOWN, not as a hang.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field

import numpy as np
import z3

from rtlopt.verify import _affine, _lanes, _stbound
from rtlopt.verify._prepare import STARTED, TRIGGER
from rtlopt.verify._smtsim import MiterSim, Unsupported, filter_by_traces, register_values, sim_traces
from rtlopt.verify._smtsim import _evaluate as sim_evaluate

#: Seconds at most for the random-simulation filter of candidate invariants (it only drops candidates).
SIM_FILTER_S = 5.0
#: Cycles (and lanes) of the longer random traces the width-and-range round filters its candidates with
#: too: the 24-cycle traces never leave a controller's first state when its dwell timer counts to 30, so
#: every per-state bound of the later states passed them and Houdini dropped them a few per model
#: (heldout14 crosswalk/ped_fsm, cnt 16 -> 5 bits: 258 candidates, 29 rounds, out of time at 14 s;
#: with these traces 58 are left and proved in 0.5 s; 64 lanes x 128 cycles took 1.2-2.5 s at load 15).
LONG_TRACE_CYCLES = 128
LONG_TRACE_LANES = 64

#: Deep random simulation when the invariant proof failed, before the BMC to the full depth
#: (:func:`_deep_difference`): seconds at most and share of the time left, cycles and lanes. A difference
#: that needs a timer to run out (twice) lies hundreds of cycles from reset, past any BMC depth z3 reaches
#: (heldout12 pacer/av_delay with a start that does not reload a count: cycle 404; ABC's search took
#: 330-560 s to refute it, and the BMC's 32-bit unrolling near depth 20 took minutes under load).
#: The cycles bound the cost on an idle machine (1024 cycles of that miter: 3-5 s); the seconds only
#: matter under load (404 cycles took 9-10 s at load 13, with 128 lanes as with 512).
DEEP_SIM_S = 40.0
DEEP_SIM_SHARE = 0.3
DEEP_SIM_CYCLES = 1024
DEEP_SIM_LANES = 256

#: Cycles of the unrolling in which z3 completes the simulation's register value sets (invariant mining).
MINE_Z3_DEPTH = 5

#: Cycles the BMC base case is checked before invariant mining (>= 1: Houdini's proof needs cycles 0 and 1).
BMC_BEFORE_MINING = 3

#: Share of the time left (at most QUICK_HOUDINI_S seconds) for Houdini over the structural candidates
#: alone (equal and zero-extended registers, constant bounds, flags decoded from counters), before the
#: value mining: register narrowing and derived flags need only those (heldout6 uart_tx_busy_dup:
#: 2.4 s instead of 19 s with 14 s of value mining on its shift register).
QUICK_HOUDINI_SHARE = 0.25
QUICK_HOUDINI_S = 8.0
#: Seconds at most for the width-and-range round before the quick one (:func:`_narrowing_houdini`), and the
#: share of the time left it may take: a larger share than the other rounds, as its few candidates are
#: the whole proof of a register narrowing (heldout14 rtc/clock_cal, four integer counters narrowed in a
#: 32-bit miter with xprop masks: 91 candidates, 1.6-2.4 s BMC filter plus 3-8 s of Houdini rounds at
#: load 12; with 5 s and a quarter of a 19 s proof the round ran out and the mining took 45-65 s).
NARROW_HOUDINI_S = 14.0
NARROW_HOUDINI_SHARE = 0.6
#: Seconds at most (and share of the time left) for the register-difference round (:func:`_difference_houdini`):
#: it runs before the narrowing round whenever a difference candidate survives the traces, so a miss must
#: stay cheap (the proofs it is for took 0.6-3.7 s of Houdini at load 15).
DIFF_HOUDINI_S = 8.0
DIFF_HOUDINI_SHARE = 0.4
#: Seconds at most for the fixed point of the per-state bounds (:mod:`._stbound`) in the narrowing round.
STBOUND_S = 10.0
STBOUND_SHARE = 0.35
#: Widest register whose codes condition the per-state bounds ``s == a -> r <= K`` (every code is tried).
STATE_BOUND_BITS = 4
#: Widest one-hot state vector whose bits condition per-state bounds ``s[i] -> r <= K``.
ONEHOT_STATE_BITS = 16
#: Seconds at most for the second quick round, with accumulator bounds ``acc <= count * max input``.
QUICK_ACC_S = 12.0


class Budget:
    """A wall-clock deadline shared by the steps of one engine run."""

    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + max(0.05, seconds)

    def left(self) -> float:
        if _lanes.stopped():  # another proof lane decided (see _lanes): out of time now
            return -1.0
        return self.deadline - time.monotonic()

    def ms(self) -> int:
        return max(1, int(self.left() * 1000))

    def expired(self) -> bool:
        return self.left() <= 0


@dataclass
class RegInfo:
    name: str
    width: int
    func: str  # smt function name, e.g. |M#3|
    sort: str


@dataclass
class SmtMiter:
    """The parsed miter: expressions over two state constants ``s0``/``s1`` to substitute into."""

    module: str
    s0: z3.ExprRef
    s1: z3.ExprRef
    trans: z3.BoolRef
    init: z3.BoolRef
    is_init: z3.BoolRef
    assume: z3.BoolRef
    trigger: z3.BoolRef
    wires: dict[str, z3.ExprRef]
    regs: dict[str, z3.ExprRef]
    reg_info: list[RegInfo]
    inputs: dict[str, int]
    constants: list[int] = field(default_factory=list)  # bit-vector literals of the miter (range bounds)
    _count: int = field(default=0)

    def state(self, tag: str) -> z3.ExprRef:
        self._count += 1
        return z3.Const(f"{tag}{self._count}", self.s0.sort())

    def at(self, expr: z3.ExprRef, s: z3.ExprRef) -> z3.ExprRef:
        return z3.substitute(expr, (self.s0, s))

    def step(self, a: z3.ExprRef, b: z3.ExprRef) -> z3.BoolRef:
        return z3.substitute(self.trans, (self.s0, a), (self.s1, b))

    @property
    def sequential(self) -> bool:
        return bool(self.reg_info)

    @property
    def ctx(self) -> z3.Context:
        return self.s0.ctx


_SORT = r"(Bool|\(_ BitVec \d+\))"


def parse_smt2(text: str, wanted_wires: list[str] | None = None) -> SmtMiter:
    """Parse Yosys SMT-LIB2 output into :class:`SmtMiter` (needs ``-wires`` for wire values)."""
    m = re.search(r"^; yosys-smt2-topmod (\S+)", text, re.M)
    if not m:
        raise ValueError("not a Yosys SMT2 file (no yosys-smt2-topmod)")
    mod = m.group(1)
    qm = re.escape(mod)
    wire_sorts = dict(re.findall(rf"^\(define-fun \|{qm}_n (.+?)\| \(\(state \|{qm}_s\|\)\) {_SORT}", text, re.M))
    decl_sorts = dict(re.findall(rf"^\(declare-fun \|{qm}#(\d+)\| \(\|{qm}_s\|\) {_SORT}\)", text, re.M))
    inputs = {n: int(w) for n, w in re.findall(r"^; yosys-smt2-input (\S+) (\d+)", text, re.M)}
    regs: list[RegInfo] = []
    for js in re.findall(r"^; yosys-smt2-witness (\{.*\})$", text, re.M):
        try:
            w = json.loads(js)
        except ValueError:
            continue
        if w.get("type") != "reg" or not isinstance(w.get("smtname"), int):
            continue
        key = str(w["smtname"])
        if key not in decl_sorts or w.get("smtoffset", 0) != 0 and any(r.func == f"|{mod}#{key}|" for r in regs):
            continue
        if any(r.func == f"|{mod}#{key}|" for r in regs):
            continue
        name = _reg_name(w.get("path", [])) or f"#{key}"
        if w.get("offset", 0):  # a slice of a wider net held as its own state element (xprop's encodings)
            name = f"{name}@{w['offset']}"
        if any(r.name == name for r in regs):  # a name must stand for one state element (sm.regs is keyed by it)
            name = f"{name}#{key}"
        # the state element's own width: a witness may describe only part of it (xprop's 2-bit
        # encodings of a 1-bit register), and every candidate compares the element itself
        bv = re.fullmatch(r"\(_ BitVec (\d+)\)", decl_sorts[key].strip())
        width = int(bv.group(1)) if bv else int(w.get("width", 1))
        regs.append(RegInfo(name, width, f"|{mod}#{key}|", decl_sorts[key]))
    if wanted_wires is None:
        wanted_wires = list(wire_sorts)
    wanted_wires = [w for w in wanted_wires if w in wire_sorts]
    has = lambda suffix: re.search(rf"^\(define-fun \|{qm}_{suffix}\| ", text, re.M) is not None  # noqa: E731
    probe = [f"(declare-fun rtlopt_s0 () |{mod}_s|)", f"(declare-fun rtlopt_s1 () |{mod}_s|)",
             "(assert (distinct rtlopt_s0 rtlopt_s1))"]
    order = []
    for suffix, expr in (("t", f"(|{mod}_t| rtlopt_s0 rtlopt_s1)"), ("i", f"(|{mod}_i| rtlopt_s0)"),
                         ("is", f"(|{mod}_is| rtlopt_s0)"), ("u", f"(|{mod}_u| rtlopt_s0)"),
                         ("h", f"(|{mod}_h| rtlopt_s0)")):
        if suffix == "is" or has(suffix):
            probe.append(f"(assert {expr})")
            order.append(suffix)
    for i, wname in enumerate(wanted_wires):
        probe.append(f"(declare-fun rtlopt_w{i} () {wire_sorts[wname]})")
        probe.append(f"(assert (= rtlopt_w{i} (|{mod}_n {wname}| rtlopt_s0)))")
    for i, r in enumerate(regs):
        probe.append(f"(declare-fun rtlopt_r{i} () {r.sort})")
        probe.append(f"(assert (= rtlopt_r{i} ({r.func} rtlopt_s0)))")
    ctx = z3.Context()  # one context per check: z3 contexts are not thread-safe
    asserts = z3.parse_smt2_string(text + "\n" + "\n".join(probe) + "\n", ctx=ctx)
    n_base = len(asserts) - 1 - len(order) - len(wanted_wires) - len(regs)
    a = list(asserts)[n_base:]
    s0, s1 = a[0].arg(0), a[0].arg(1)
    parts = dict(zip(order, a[1:1 + len(order)], strict=True))
    rest = a[1 + len(order):]
    wires = {w: rest[i].arg(1) for i, w in enumerate(wanted_wires)}
    regexprs = {r.name: rest[len(wanted_wires) + i].arg(1) for i, r in enumerate(regs)}
    h = parts.get("h", z3.BoolVal(True, ctx))
    u = parts.get("u", z3.BoolVal(True, ctx))
    if TRIGGER not in wires:
        raise ValueError(f"miter has no {TRIGGER} output")
    return SmtMiter(mod, s0, s1, parts.get("t", z3.BoolVal(True, ctx)), parts.get("i", z3.BoolVal(True, ctx)),
                    parts["is"], z3.And(u, h), _as_bool(wires[TRIGGER]), wires, regexprs, regs, inputs,
                    _literals(text))


def _literals(text: str, limit: int = 48) -> list[int]:
    """Distinct bit-vector literals (2 .. 2^24) of the SMT2 text, most frequent first: the constants
    the designs compare and wrap against, i.e. the likely bounds of counters and indices."""
    counts: dict[int, int] = {}
    for b in re.findall(r"#b([01]{2,})", text):
        v = int(b, 2)
        if 2 <= v < 1 << 24:
            counts[v] = counts.get(v, 0) + 1
    for x in re.findall(r"#x([0-9a-fA-F]+)", text):
        v = int(x, 16)
        if 2 <= v < 1 << 24:
            counts[v] = counts.get(v, 0) + 1
    return [v for v, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:limit]


def design_literals(texts: list[str], known: list[int], limit: int = 16) -> list[int]:
    """Constants (2 .. 2^24) of the elaborated designs (RTLIL, before the miter's transformations) that
    the miter text lacks, most frequent first. ``xprop`` (gold's don't-care model) bit-blasts a compare
    ``r == 3599`` into per-bit x-aware logic, so the bound a counter wraps at is no literal of the
    miter any more; the range candidates ``r <= K`` need it back."""
    counts: dict[int, int] = {}
    for text in texts:
        for b in re.findall(r"(?<![\\\w$])\d+'([01]{2,})\b", text):
            v = int(b, 2)
            if 2 <= v < 1 << 24 and v not in known:
                counts[v] = counts.get(v, 0) + 1
    return [v for v, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:limit]


def _reg_name(path: list) -> str:
    """``["\\gold", "\\st"]`` or ``["$flatten\\gold.$auto$..."]`` → ``gold.st`` / ``gold.$auto$...``."""
    name = ".".join(str(p) for p in path)
    if name.startswith("$flatten"):
        name = name[len("$flatten"):]
    return name.replace("\\", "")


def _as_bool(e: z3.ExprRef) -> z3.BoolRef:
    if z3.is_bool(e):
        return e
    return e != 0


def value(model: z3.ModelRef, e: z3.ExprRef) -> int:
    v = model.eval(e, model_completion=True)
    if z3.is_true(v):
        return 1
    if z3.is_false(v):
        return 0
    if z3.is_bv_value(v):
        return v.as_long()
    return 0


@dataclass
class SmtOutcome:
    """Result of one engine run: ``"equivalent"``, ``"different"`` (with a trace) or ``"unknown"``."""

    status: str
    detail: str = ""
    trace_model: z3.ModelRef | None = None
    trace_states: list = field(default_factory=list)
    k: int = 0


def _check(solver: z3.Solver, budget: Budget, *assumptions) -> z3.CheckSatResult:
    if budget.expired():
        return z3.unknown
    solver.set("timeout", budget.ms())
    return solver.check(*assumptions)


def check_combinational(sm: SmtMiter, budget: Budget) -> SmtOutcome:
    """One step: is there an input with the trigger set?"""
    s = z3.Solver(ctx=sm.ctx)
    st = sm.state("c")
    s.add(sm.at(sm.assume, st), sm.at(sm.init, st), sm.at(sm.is_init, st))
    r = _check(s, budget, sm.at(sm.trigger, st))
    if r == z3.unsat:
        return SmtOutcome("equivalent", "SMT (z3): no input makes the outputs differ")
    if r == z3.sat:
        return SmtOutcome("different", "", s.model(), [st])
    why = s.reason_unknown()
    return SmtOutcome("unknown", "z3 hit the time limit" if budget.expired() or why in ("canceled", "timeout")
                      else f"z3: {why}")


class _Bmc:
    """Incremental unrolling from the initial states."""

    def __init__(self, sm: SmtMiter) -> None:
        self.sm = sm
        self.s = z3.Solver(ctx=sm.ctx)
        self.states = [sm.state("b")]
        st = self.states[0]
        self.s.add(sm.at(sm.init, st), sm.at(sm.is_init, st), sm.at(sm.assume, st))

    def extend(self) -> None:
        sm = self.sm
        prev, nxt = self.states[-1], sm.state("b")
        self.s.add(sm.step(prev, nxt), z3.Not(sm.at(sm.is_init, nxt)), sm.at(sm.assume, nxt))
        self.states.append(nxt)


def _induction(sm: SmtMiter, k: int, budget: Budget, invariants: list, simple_path: bool,
               guard: z3.ExprRef | None) -> z3.CheckSatResult:
    """k-induction step: k states with equal outputs (+ invariants) imply equal outputs in the next."""
    s = z3.Solver(ctx=sm.ctx)
    ts = [sm.state("i") for _ in range(k + 1)]
    for i, t in enumerate(ts):
        s.add(sm.at(sm.assume, t), z3.Not(sm.at(sm.is_init, t)))
        if i > 0:
            s.add(sm.step(ts[i - 1], t))
        if i < k:
            s.add(z3.Not(sm.at(sm.trigger, t)))
            for c in invariants:
                s.add(sm.at(c, t))
    if simple_path and sm.regs:
        regs = list(sm.regs.values())
        for i in range(k + 1):
            for j in range(i + 1, k + 1):
                s.add(z3.Or([sm.at(r, ts[i]) != sm.at(r, ts[j]) for r in regs]))
    return _check(s, budget, sm.at(sm.trigger, ts[k]))


def _mine_candidates(sm: SmtMiter, bmc: _Bmc, budget: Budget, state_map: dict | None,
                     max_values: int = 24, traces: list | None = None) -> list[z3.BoolRef]:
    """Candidate invariants over one state ``s0`` (guarded by ``started`` when the miter has it).

    ``traces`` (random simulation from the initial states, :mod:`rtlopt.verify._smtsim`) seed each
    register's value set with the values it shows in the unrolled cycles, so z3 is asked only for the
    others (a value set stays exactly what the unrolling reaches: z3 still proves there is no other)."""
    started = sm.wires.get(STARTED)
    guard = _as_bool(started) if started is not None else None
    states = bmc.states
    values: dict[str, list[int]] = {}
    names = [r.name for r in sm.reg_info if r.name != STARTED and r.width <= 16]
    # the value sets are those of the unrolled cycles: the simulation gives the values it reaches
    # there, z3 adds the rest of the first MINE_Z3_DEPTH cycles (each deeper cycle doubles the cost
    # of that proof; values the simulation misses only deeper are missed, which costs completeness)
    found = {n: list(vs) for n, vs in register_values(sm, traces, len(states), guard, names,
                                                      max_values).items()}
    if traces:
        states = states[:MINE_Z3_DEPTH + 1]
    for n in names:
        found.setdefault(n, [])

    def val(e: z3.ExprRef, x: int) -> z3.ExprRef:
        return z3.BoolVal(bool(x), e.ctx) if z3.is_bool(e) else z3.BitVecVal(x, e.size(), e.ctx)

    # one query for all registers: a state of the unrolling where some register shows a value not yet
    # found; each model adds every register's values in all its states, and one unsat closes every
    # value set at once (instead of one unsat proof over the whole unrolling per register)
    active = [n for n in names if len(found[n]) <= max_values]
    ok = True
    while active and ok:
        if budget.left() < 0.2:
            ok = False
            break
        new_val = []
        for n in active:
            e = sm.regs[n]
            for st in states:
                x = sm.at(e, st)
                fresh = z3.And([x != val(e, v) for v in found[n]]) if found[n] else z3.BoolVal(True, e.ctx)
                new_val.append(z3.And(sm.at(guard, st), fresh) if guard is not None else fresh)
        bmc.s.push()
        bmc.s.add(z3.Or(new_val))
        res = _check(bmc.s, budget)
        if res != z3.sat:
            ok = res == z3.unsat
            bmc.s.pop()
            break
        m = bmc.s.model()
        bmc.s.pop()
        grew = False
        for st in states:
            if guard is not None and not z3.is_true(m.eval(sm.at(guard, st), model_completion=True)):
                continue
            for n in active:
                x = value(m, sm.at(sm.regs[n], st))
                if x not in found[n]:
                    found[n].append(x)
                    grew = True
        if not grew:  # cannot happen with a sound model; never loop on it
            ok = False
            break
        active = [n for n in active if len(found[n]) <= max_values]
    if ok:
        for n in names:
            if found[n] and len(found[n]) <= max_values:
                values[n] = sorted(found[n])
    cands: list[z3.BoolRef] = []

    def lit(name: str, val: int) -> z3.BoolRef:
        e = sm.regs[name]
        if z3.is_bool(e):
            return e if val else z3.Not(e)
        return e == z3.BitVecVal(val, e.size(), e.ctx)

    for name, vals in values.items():
        cands.append(z3.Or([lit(name, x) for x in vals]))
    golds = [n for n in values if n.startswith("gold.")]
    gates = [n for n in values if n.startswith("gate.")]
    budget_pairs = 4000
    for g in golds:
        for h in gates:
            if len(values[g]) * len(values[h]) * 2 > budget_pairs:
                continue
            budget_pairs -= len(values[g]) * len(values[h]) * 2
            for a in values[g]:
                for b in values[h]:
                    cands.append(z3.Implies(lit(g, a), lit(h, b)))
                    cands.append(z3.Implies(lit(h, b), lit(g, a)))
    # equal registers (renamed/retimed copies)
    gregs, hregs = _sides(sm, outputs=False)
    pairs = 0
    for g in gregs:
        for h in hregs:
            if g.width == h.width and g.sort == h.sort and pairs < 400:
                cands.append(sm.regs[g.name] == sm.regs[h.name])
                pairs += 1
    cands += _width_and_range_candidates(sm, gregs, hregs)
    cands += _affine_candidates(sm, gregs + hregs)
    cands += _phase_equalities(sm, values, gregs, hregs)
    cands += _state_bound_candidates(sm, gregs, hregs)
    cands += _decode_candidates(sm, gregs + hregs)
    cands += _saturated_copy_candidates(sm, gregs + hregs)
    cands += _difference_candidates(sm, gregs) + _difference_candidates(sm, hregs)
    if state_map:
        cands += _state_map_candidates(sm, state_map)
    if guard is not None:
        cands = [z3.Implies(guard, c) for c in cands]
    return cands


def _width_and_range_candidates(sm: SmtMiter, gregs: list, hregs: list, limit: int = 1500) -> list[z3.BoolRef]:
    """Registers narrowed or widened by a rewrite: ``gold.r == zext(gate.r')`` across widths, and
    upper bounds ``r <= K`` for the design's constants K (a counter that wraps at K, an index bounded by
    a compare). Only candidates: Houdini keeps the ones that are inductive together."""
    out: list[z3.BoolRef] = []
    for g in gregs:
        for h in hregs:
            if len(out) >= limit // 3:
                break
            eg, eh = sm.regs[g.name], sm.regs[h.name]
            if z3.is_bool(eg) or z3.is_bool(eh) or eg.size() == eh.size():
                continue
            if eg.size() > eh.size():
                out.append(eg == z3.ZeroExt(eg.size() - eh.size(), eh))
                out.append(eg == z3.SignExt(eg.size() - eh.size(), eh))  # a signed register behind a copy
            else:
                out.append(eh == z3.ZeroExt(eh.size() - eg.size(), eg))
                out.append(eh == z3.SignExt(eh.size() - eg.size(), eg))
    for r in gregs + hregs:
        e = sm.regs[r.name]
        if z3.is_bool(e) or e.size() < 2:
            continue
        # 0 among them: a register that stays 0 from reset (the x-mask half of a gold register
        # after xprop, a wide register only ever cleared), which the value mining (<= 16 bits)
        # does not cover; without it nothing ties the gold value half to the gate register
        for k in (0, *sm.constants):
            if len(out) >= limit:
                return out
            if k < (1 << e.size()) - 1:
                out.append(z3.ULE(e, z3.BitVecVal(k, e.size(), e.ctx)))
    # one-bit registers at 0 (in the room the word bounds leave): the x-mask bit of a gold flag after
    # xprop (a prescaler's tick) that stays 0 from reset; without it a word's x-mask fed by that flag
    # is not inductive at 0 and the word's value half is tied to nothing (a timer narrowed beside it)
    for r in gregs + hregs:
        e = sm.regs[r.name]
        if len(out) >= limit:
            return out
        if z3.is_bool(e):
            out.append(z3.Not(e))
        elif e.size() == 1:
            out.append(e == z3.BitVecVal(0, 1, e.ctx))
    # signed bounds ``-1 <= r <= K`` (signed): a counter with -1 as its idle value (an ``integer`` reset to
    # -1, stepped up to K from 0) exceeds every unsigned bound; with ``gold.r == sext(gate.r')`` they
    # make a narrowing to a few signed bits inductive
    for r in gregs + hregs:
        e = sm.regs[r.name]
        if z3.is_bool(e) or e.size() < 3:
            continue
        top = (1 << (e.size() - 1)) - 1
        for k in (-1, 0, *sm.constants):
            if len(out) >= limit:
                return out
            if k == -1:
                out.append(e >= z3.BitVecVal(-1, e.size(), e.ctx))
            elif k < top:
                out.append(e <= z3.BitVecVal(k, e.size(), e.ctx))
    return out


def _sentinel_flag_candidates(sm: SmtMiter, gregs: list, hregs: list, limit: int = 200) -> list[z3.BoolRef]:
    """A register with a sentinel (``-1`` = idle) kept as a flag and a narrower count:
    ``gold.r == (f ? zext(c) : -1)`` (and ``!f``) for gold words and gate (word, one-bit) pairs. The count
    is a don't-care while the flag is clear (not written when the original goes idle), so no equality of
    the count alone holds; this one ties both to the original."""
    out: list[z3.BoolRef] = []
    words = [h for h in hregs if not z3.is_bool(sm.regs[h.name]) and sm.regs[h.name].size() >= 2][:16]
    flags = [h for h in hregs if z3.is_bool(sm.regs[h.name]) or sm.regs[h.name].size() == 1][:16]
    for g in gregs:
        eg = sm.regs[g.name]
        if z3.is_bool(eg) or eg.size() < 3:
            continue
        for h in words:
            ec = sm.regs[h.name]
            if ec.size() >= eg.size():
                continue
            for f in flags:
                if len(out) >= limit:
                    return out
                ef = sm.regs[f.name]
                bit = ef if z3.is_bool(ef) else ef == z3.BitVecVal(1, 1, ef.ctx)
                val = z3.ZeroExt(eg.size() - ec.size(), ec)
                idle = z3.BitVecVal(-1, eg.size(), eg.ctx)
                out += [eg == z3.If(bit, val, idle), eg == z3.If(bit, idle, val)]
    return out


def _affine_candidates(sm: SmtMiter, regs: list, limit: int = 400) -> list[z3.BoolRef]:
    """Registers kept as complements of each other and flags decoded from a counter: ``a + b == K``
    (credits left and credits in use, free and used FIFO slots) for word registers of one width, and
    ``f == (r == K)`` / ``f == (r != K)`` for one-bit registers (a registered 'all home' / 'can send'
    that a rewrite decodes from the count), K among 0 and the miter's constants. Only candidates:
    the BMC filter and Houdini keep the ones that hold and are inductive together."""
    out: list[z3.BoolRef] = []
    words = [r for r in regs if not z3.is_bool(sm.regs[r.name]) and 2 <= sm.regs[r.name].size() <= 32]
    flags = [r for r in regs if z3.is_bool(sm.regs[r.name]) or sm.regs[r.name].size() == 1]
    words, flags = words[:16], flags[:16]
    for i, a in enumerate(words):
        ea = sm.regs[a.name]
        w = ea.size()
        ks = [k for k in [0] + list(sm.constants)[:6] if k < (1 << w)]
        for b in words[i + 1:]:
            eb = sm.regs[b.name]
            if eb.size() != w:
                continue
            for k in ks:
                if len(out) >= limit // 2:
                    break
                if k:
                    out.append(ea + eb == z3.BitVecVal(k, w, ea.ctx))
        for f in flags:
            ef = sm.regs[f.name]
            bit = ef if z3.is_bool(ef) else ef == z3.BitVecVal(1, 1, ef.ctx)
            for k in ks:
                if len(out) >= limit:
                    return out
                lit = ea == z3.BitVecVal(k, w, ea.ctx)
                out += [bit == lit, bit == z3.Not(lit)]
    return out


def _phase_equalities(sm: SmtMiter, values: dict[str, list[int]], gregs: list, hregs: list,
                      limit: int = 600) -> list[z3.BoolRef]:
    """Register equalities that hold only in some controller states: ``gold.s == a -> g == h``.

    Needed when storage is shared between phases (one gate array stands for gold array 1 while the
    controller is in phase 1 and for array 2 in phase 2). Conditions are gold registers of 2..16 bits
    whose reachable value set (mined on the BMC unrolling) has 3..16 values (state registers).
    """
    out: list[z3.BoolRef] = []
    # state-like: few distinct values, not every code of a wide word (data registers take them all)
    conds = [r for r in gregs if 2 <= r.width <= 16 and 3 <= len(values.get(r.name, ())) <= 16
             and not (r.width >= 4 and len(values[r.name]) == 1 << r.width) and not z3.is_bool(sm.regs[r.name])]
    conds = sorted(conds, key=lambda r: (len(values[r.name]), r.width, r.name))[:2]
    pairs = [(g, h) for g in gregs for h in hregs if g.width == h.width and g.sort == h.sort][:200]
    few = [(n, vs) for n, vs in values.items() if n in sm.regs and 2 <= len(vs) <= 4]
    gate_small = [(n, vs) for n, vs in values.items() if n.startswith("gate.") and n in sm.regs]

    def is_val(r: z3.ExprRef, v: int) -> z3.BoolRef:
        return (r if v else z3.Not(r)) if z3.is_bool(r) else r == z3.BitVecVal(v, r.size(), r.ctx)

    for c in conds:
        e = sm.regs[c.name]
        mined = set(values[c.name])
        # the short unrolling may not reach every state of a long controller: small registers get
        # every code, with the gold/gate state correspondences the mining gave the reached ones
        codes = range(1 << c.width) if c.width <= 4 else sorted(mined)
        for a in codes:
            lit = e == z3.BitVecVal(a, e.size(), e.ctx)
            if a not in mined:
                out += [z3.Implies(lit, is_val(sm.regs[n], b)) for n, vs in gate_small for b in vs]
            out += [z3.Implies(lit, sm.regs[g.name] == sm.regs[h.name]) for g, h in pairs if g is not c]
            # per-phase constants, e.g. an array's x-mask is 0 once its phase wrote it
            out += [z3.Implies(lit, is_val(sm.regs[n], v)) for n, vs in few if n != c.name for v in vs]
            if len(out) > limit:
                return out[:limit]
    return out + _phase_sharing(sm, values, gregs, hregs, conds)


def _phase_sharing(sm: SmtMiter, values: dict[str, list[int]], gregs: list, hregs: list, conds: list,
                   limit: int = 800) -> list[z3.BoolRef]:
    """One register standing for different registers in different controller phases (registers with
    disjoint lifetimes shared, :mod:`rtlopt.semantic.lifeshare`): ``gold.s == a -> g == zext(h)`` across
    widths for the state-like conditions of :func:`_phase_equalities`, and every code of small gold
    registers (flags, 2..4-bit states) that the short unrolling shows with only 2 values (an FSM whose
    third state is reached only after a long count) with equal-width pairs too."""
    extra = [r for r in gregs if r not in conds and 1 <= r.width <= 4 and len(values.get(r.name, ())) >= 2]
    extra = sorted(extra, key=lambda r: (-r.width, r.name))[:2]
    # the gate's own small registers (its phase flag or state, named and without x halves) whatever the
    # short unrolling shows: a phase entered only after a long count has one mined value
    extra += sorted((r for r in hregs if 1 <= r.width <= 4), key=lambda r: (-r.width, r.name))[:6]
    words = [(g, h) for g in gregs for h in hregs if min(g.width, h.width) >= 2
             and not z3.is_bool(sm.regs[g.name]) and not z3.is_bool(sm.regs[h.name])]
    zeros = [r for r in gregs + hregs if r.width >= 2 and not z3.is_bool(sm.regs[r.name])][:24]
    # 1-bit state of shared timers and child instances (a 'run' flag beside the count): clear outside
    # its phase, or the gate's flag equal to the gold flag of the phase (rtlopt.semantic.instlife)
    bits = [r for r in gregs + hregs if r.width == 1][:16]
    bitpairs = [(g, h) for g in gregs if g.width == 1 for h in hregs if h.width == 1][:24]

    def bit(r):
        x = sm.regs[r.name]
        return x if z3.is_bool(x) else x == z3.BitVecVal(1, 1, x.ctx)

    out: list[z3.BoolRef] = []
    # each phase register gets a fair share of the limit: the gate's shared 4-bit counter (16 codes, as
    # a "phase" of its own) must not use it all before the controller's state register gets its codes
    share = max(1, limit // max(1, len(conds + extra)))
    for c in conds + extra:
        e = sm.regs[c.name]
        start = len(out)
        for a in range(1 << c.width) if c.width <= 4 else sorted(values[c.name]):
            if len(out) - start >= share:
                break
            lit = (e if a else z3.Not(e)) if z3.is_bool(e) else e == z3.BitVecVal(a, e.size(), e.ctx)
            # a register waiting at 0 outside its phase (cleared when it leaves it, not on entry)
            out += [z3.Implies(lit, sm.regs[r.name] == 0) for r in zeros if r is not c]
            out += [z3.Implies(lit, z3.Not(bit(r))) for r in bits if r is not c]
            out += [z3.Implies(lit, bit(g) == bit(h)) for g, h in bitpairs if g is not c and h is not c]
            for g, h in words:
                if g is c or h is c or (g.width == h.width and c in conds):
                    continue
                eg, eh = sm.regs[g.name], sm.regs[h.name]
                if eg.size() < eh.size():
                    eg = z3.ZeroExt(eh.size() - eg.size(), eg)
                elif eh.size() < eg.size():
                    eh = z3.ZeroExt(eg.size() - eh.size(), eh)
                out.append(z3.Implies(lit, eg == eh))
                if len(out) >= limit:
                    return out
    return out


def _sides(sm: SmtMiter, outputs: bool = True) -> tuple[list, list]:
    """The miter's gold and gate registers. A register that drives an output directly may be named after
    the miter's output wire (``rtlopt_gx_lamp``: gold's x-mask of a one-hot state vector whose bit 0 is
    the output ``lamp``); it belongs to that wire's side (without it, nothing said the mask stays 0 and
    the narrowing round lost every invariant through x). ``outputs=False``: the ``gold.``/``gate.``
    registers only, for the general mining and structural rounds, where the output-named registers only
    added pairings (memory_folding's fold: 518 -> 695 candidates, its proof 7.4 -> 11.8 s)."""
    if not outputs:
        return ([r for r in sm.reg_info if r.name.startswith("gold.")],
                [r for r in sm.reg_info if r.name.startswith("gate.")])
    gold = ("gold.", "rtlopt_g_", "rtlopt_gx_")
    return ([r for r in sm.reg_info if r.name.startswith(gold)],
            [r for r in sm.reg_info if r.name.startswith(("gate.", "rtlopt_h_"))])


def _state_map_candidates(sm: SmtMiter, state_map: dict) -> list[z3.BoolRef]:
    mp = state_map.get("map", state_map) if isinstance(state_map, dict) else {}
    try:
        pairs = [(int(k, 0) if isinstance(k, str) else int(k), int(v, 0) if isinstance(v, str) else int(v))
                 for k, v in mp.items()]
    except (TypeError, ValueError):
        return []
    gnames = [state_map["gold_reg"]] if isinstance(state_map.get("gold_reg"), str) else None
    hnames = [state_map["gate_reg"]] if isinstance(state_map.get("gate_reg"), str) else None

    gregs, hregs = _sides(sm)

    def named(side: str, names: list | None, codes: list[int]) -> list:
        regs = gregs if side == "gold." else hregs
        if not names:
            return regs
        hit = [r for r in regs if r.name.split(".", 1)[-1] in names]
        if hit:
            return hit
        # the hint's name is lost (gold after xprop, async2sync's '$auto$' names): the few registers
        # closest in width to the codes, only candidates (the filters and Houdini keep what holds)
        need = max(codes, default=0).bit_length()
        return sorted((r for r in regs if need <= r.width <= 16), key=lambda r: (r.width - need, r.name))[:6]

    out = []
    for g in named("gold.", gnames, [a for a, _ in pairs]):
        for h in named("gate.", hnames, [b for _, b in pairs]):
            if all(a < (1 << g.width) and b < (1 << h.width) for a, b in pairs) and not (
                    z3.is_bool(sm.regs[g.name]) or z3.is_bool(sm.regs[h.name])):
                ge, he = sm.regs[g.name], sm.regs[h.name]
                out += [z3.Implies(ge == a, he == b) for a, b in pairs]
                # and back: a gold register whose other codes are unreachable (a one-hot vector's
                # zero and multi-hot values) is pinned by the gate's codes
                out += [z3.Implies(he == b, ge == a) for a, b in pairs]
    return out


def _filter_on_bmc(sm: SmtMiter, bmc: _Bmc, cands: list, budget: Budget, cycles: int = 3) -> list | None:
    """Drop candidates that a state of the first ``cycles`` cycles violates (None on time out).

    Houdini needs the candidates to hold in cycles 0 and 1 only (its step starts from any
    non-initial state); later cycles are left to the inductive step, which is cheaper.
    """
    states = bmc.states[:max(2, cycles)]
    # each candidate instantiated once per state (not again in every round: 788 candidates took
    # 26 k substitutions on a memory fold's miter)
    inst = [[sm.at(c, st) for st in states] for c in cands]
    idx = list(range(len(cands)))
    while idx:
        bmc.s.push()
        bmc.s.add(z3.Or([z3.Not(x) for i in idx for x in inst[i]]))
        r = _check(bmc.s, budget)
        if r == z3.unsat:
            bmc.s.pop()
            return [cands[i] for i in idx]
        if r != z3.sat:
            bmc.s.pop()
            return None
        m = bmc.s.model()
        bmc.s.pop()
        idx = [i for i in idx if all(z3.is_true(m.eval(x, model_completion=True)) for x in inst[i])]
    return []


def _houdini(sm: SmtMiter, cands: list, budget: Budget) -> tuple[str, list]:
    """Shrink ``cands`` until (cands and outputs-equal) is 1-inductive: ("proved"|"failed"|"unknown", cands)."""
    # one pair of states for every round (each round has a solver of its own), the candidates
    # instantiated on it once
    t0, t1 = sm.state("h"), sm.state("h")
    base = [sm.at(sm.assume, t0), sm.at(sm.assume, t1), z3.Not(sm.at(sm.is_init, t0)),
            z3.Not(sm.at(sm.is_init, t1)), sm.step(t0, t1), z3.Not(sm.at(sm.trigger, t0))]
    c0 = [sm.at(c, t0) for c in cands]
    c1 = [sm.at(c, t1) for c in cands]
    trig1 = sm.at(sm.trigger, t1)
    idx = list(range(len(cands)))
    while True:
        s = z3.Solver(ctx=sm.ctx)
        s.add(*base)
        for i in idx:
            s.add(c0[i])
        goal = z3.Or([trig1] + [z3.Not(c1[i]) for i in idx])
        r = _check(s, budget, goal)
        if r == z3.unsat:
            return "proved", [cands[i] for i in idx]
        if r != z3.sat:
            return "unknown", [cands[i] for i in idx]
        m = s.model()
        keep = [i for i in idx if z3.is_true(m.eval(c1[i], model_completion=True))]
        if len(keep) == len(idx):
            return "failed", [cands[i] for i in idx]
        idx = keep


def check_sequential(sm: SmtMiter, budget: Budget, depth: int, state_map: dict | None = None) -> SmtOutcome:
    """BMC to ``depth`` plus k-induction / invariant strengthening (see the module docstring).

    Order: BMC to a short depth with plain 1..3-induction; then invariant mining and Houdini (the
    usual proof for re-encoded FSMs); then BMC to the full depth; then k-induction strengthened by
    the invariants that are inductive on their own, with simple-path constraints for small state.
    """
    bmc = _Bmc(sm)
    started = sm.wires.get(STARTED)
    guard = _as_bool(started) if started is not None else None
    few_regs = sum(r.width for r in sm.reg_info) <= 256
    short = min(depth, 8)

    state = {"checked": -1, "proved": 0}

    def bmc_to(last: int) -> SmtOutcome | None:
        """Extend the BMC base case to ``last`` cycles; try plain 1..3-induction on the way."""
        for k in range(state["checked"] + 1, last + 1):
            if k >= len(bmc.states):
                bmc.extend()
            r = _check(bmc.s, budget, sm.at(sm.trigger, bmc.states[k]))
            if r == z3.sat:
                return SmtOutcome("different", f"BMC found a difference in cycle {k}", bmc.s.model(),
                                  list(bmc.states[:k + 1]), k)
            if r != z3.unsat:
                return SmtOutcome("unknown", f"time limit during BMC at depth {k}" if budget.expired()
                                  else f"z3: {bmc.s.reason_unknown()} during BMC at depth {k}")
            state["checked"] = k
            if k + 1 <= 3 and not state["proved"] and \
                    _induction(sm, k + 1, budget, [], simple_path=False, guard=guard) == z3.unsat:
                state["proved"] = k + 1
                return None
        return None

    # the base case is checked to BMC_BEFORE_MINING cycles before the mining (a Houdini proof needs
    # cycles 0 and 1); the rest of the short unrolling only gives the mining its states: its BMC
    # queries, the costly ones (cycle 8 of a time-of-day clock: 4.3 s), wait until Houdini fails
    out = bmc_to(min(short, BMC_BEFORE_MINING))
    if out is not None:
        return out
    while not state["proved"] and len(bmc.states) <= short:
        bmc.extend()
    if state["proved"]:
        return SmtOutcome("equivalent", f"{state['proved']}-induction (z3) from the initial states",
                          k=state["proved"])
    # invariant mining on the short unrolling; soundness needs only that the candidates hold in
    # cycles 0 and 1 (the Houdini step starts from non-initial states)
    # random simulation from the initial states: seeds the value mining and drops most false
    # candidates in about a second, where each BMC round drops only those one model violates (2086
    # value-pair candidates of a time-of-day clock: 26 rounds, 14 s); whatever it keeps is still
    # checked on the BMC unrolling and by Houdini, so it only saves time
    traces = sim_traces(sm, min(SIM_FILTER_S, budget.left() * 0.15)) if not budget.expired() else None
    quick = _difference_houdini(sm, bmc, budget, guard, traces)
    if quick is None:
        quick = _narrowing_houdini(sm, bmc, budget, guard, traces, state_map)
    if quick is None and state_map:
        quick = _stbound.state_map_round(sm, bmc, budget, guard, traces, state_map)
    if quick is None:
        quick = _quick_houdini(sm, bmc, budget, state_map, guard, traces)
    # the position round last: the older rounds keep proving what they proved (a narrowed timer, a
    # re-encoded one-hot machine); it is for the (state, timer) -> one counter rewrites they miss
    if quick is None:
        quick = _position_houdini(sm, bmc, budget, guard, traces)
    if quick is not None:
        return quick
    cands = _mine_candidates(sm, bmc, budget, state_map, traces=traces) if not budget.expired() else []
    inv_note = ""
    if cands:
        cands = filter_by_traces(sm, cands, traces)
        cands = _filter_on_bmc(sm, bmc, cands, budget) or []
        status, inv = _houdini(sm, cands, budget) if cands else ("failed", [])
        if status == "proved":
            return SmtOutcome("equivalent", f"induction strengthened by {len(inv)} mined invariants (z3)", k=1)
        if status == "failed":
            inv_note = f" ({len(inv)} candidate invariants kept)"
            cands = _inductive_subset(sm, inv, budget)
        else:
            cands = []
    # long random traces before the BMC to the full depth: a difference hundreds of cycles from reset
    # (a timer that runs out first) is out of the BMC's reach, and its deep unrolling may take the
    # rest of the time (a 32-bit counter: minutes per cycle near depth 20 under load)
    out = _deep_difference(sm, budget, depth)
    if out is not None:
        return out
    out = bmc_to(depth)
    if out is not None:
        return out
    for k in range(2, depth + 1):
        if budget.left() < 0.1:
            break
        r = _induction(sm, k, budget, cands, simple_path=few_regs, guard=guard)
        if r == z3.unsat:
            how = " with simple-path constraints" if few_regs else ""
            return SmtOutcome("equivalent", f"{k}-induction (z3){how} strengthened by {len(cands)} invariants", k=k)
        if r != z3.sat:
            break
    if budget.expired():
        return SmtOutcome("unknown", f"time limit: no difference within {len(bmc.states) - 1} cycles from the "
                                     f"initial states, no induction proof yet{inv_note}")
    return SmtOutcome("unknown", f"no difference within {depth} cycles from the initial states, "
                                 f"but induction failed{inv_note}")


def _deep_difference(sm: SmtMiter, budget: Budget, depth: int) -> SmtOutcome | None:
    """A difference deeper than the BMC's ``depth``: long random traces (:meth:`MiterSim.find_difference`)
    suggest a lane where the outputs differ, and z3 confirms it on the unrolling to that cycle with the
    lane's start state and inputs fixed. Only a confirmed trace counts (the simulator decides nothing), so
    the verdict rests on the same miter semantics as the BMC's; None when nothing is found or confirmed,
    and when the first difference is within ``depth`` cycles (the BMC finds it, with the shortest trace)."""
    seconds = min(DEEP_SIM_S, budget.left() * DEEP_SIM_SHARE)
    if seconds < 0.5:
        return None
    t_end = time.monotonic() + seconds
    try:
        sim = MiterSim(sm, deadline=t_end)
        hit = sim.find_difference(sm.trigger, DEEP_SIM_LANES, DEEP_SIM_CYCLES, t_end - time.monotonic())
    except (Unsupported, z3.Z3Exception, ValueError, TypeError, OverflowError, MemoryError, IndexError, KeyError):
        return None
    if hit is None:
        return None
    k, start, inputs = hit
    if k <= depth:
        return None

    def fixed(name: str, v: int, st: z3.ExprRef) -> z3.BoolRef:
        e = sim.decls[name](st)
        return e == (z3.BoolVal(bool(v), sm.ctx) if z3.is_bool(e) else z3.BitVecVal(v, e.size(), sm.ctx))

    states = [sm.state("d") for _ in range(k + 1)]
    s = z3.Solver(ctx=sm.ctx)
    s.add(sm.at(sm.init, states[0]), sm.at(sm.is_init, states[0]))
    s.add(*[fixed(n, v, states[0]) for n, v in start.items()])
    for i, st in enumerate(states):
        if i % 64 == 0 and budget.expired():
            return None
        s.add(sm.at(sm.assume, st))
        if i:
            s.add(sm.step(states[i - 1], st), z3.Not(sm.at(sm.is_init, st)))
        s.add(*[fixed(n, v, st) for n, v in inputs[i].items()])
    if _check(s, budget, sm.at(sm.trigger, states[k])) != z3.sat:
        return None
    return SmtOutcome("different", f"random simulation found a difference in cycle {k} (past the BMC depth), "
                                   "confirmed by z3", s.model(), states, k)


def _structural_candidates(sm: SmtMiter, state_map: dict | None, guard,
                           accumulators: bool = False, traces=None) -> list[z3.BoolRef]:
    """The candidates of :func:`_mine_candidates` that need no value sets: equal registers of one width,
    ``gold.r == zext(gate.r')`` across widths, ``r <= K`` (K = 0 or a constant), complements and flags
    decoded from counters, the FSM hint (guarded by ``started`` like the mined ones)."""
    gregs, hregs = _sides(sm, outputs=False)
    cands: list[z3.BoolRef] = []
    for g in gregs:
        for h in hregs:
            if g.width == h.width and g.sort == h.sort and len(cands) < 400:
                cands.append(sm.regs[g.name] == sm.regs[h.name])
    cands += _width_and_range_candidates(sm, gregs, hregs)
    cands += _affine_candidates(sm, gregs + hregs)
    if accumulators:  # alone: the accumulator bounds (multiplications) slow every Houdini round
        moving = None
        if traces:
            vals = register_values(sm, traces, len(traces), guard, [r.name for r in gregs + hregs], 2)
            moving = {n for n, v in vals.items() if len(v) > 1} if vals else None
        cands = _accumulator_candidates(sm, gregs + hregs, moving=moving)
        return [z3.Implies(guard, c) for c in cands] if guard is not None else cands
    cands += _idle_zero_candidates(sm, gregs + hregs + [r for r in sm.reg_info if r.name != STARTED
                                                         and not r.name.startswith(("gold.", "gate."))])
    cands += _flag_bound_candidates(sm, gregs + hregs)
    cands += _state_bound_candidates(sm, gregs, hregs)
    cands += _decode_candidates(sm, gregs + hregs)
    cands += _saturated_copy_candidates(sm, gregs + hregs)
    cands += _difference_candidates(sm, gregs) + _difference_candidates(sm, hregs)
    # one gate register standing for different gold registers per phase of the gate's own small
    # registers (lifeshare; no value sets needed: every code of the gate's 1..4-bit registers)
    if sum(1 for r in hregs if 1 <= r.width <= 4) <= 6:
        cands += _phase_sharing(sm, {}, gregs, hregs, [], limit=300)
    if state_map:
        cands += _state_map_candidates(sm, state_map)
    if guard is not None:
        cands = [z3.Implies(guard, c) for c in cands]
    return cands


def _accumulator_candidates(sm: SmtMiter, regs: list, limit: int = 300,
                            moving: set | None = None) -> list[z3.BoolRef]:
    """An accumulator cleared every R cycles of a counter: ``acc <= c * M`` (counting up from 0) and
    ``acc <= (K - c) * M`` (counting down from K), M the largest value of an input word, K a
    constant; computed without wrap-around. The bound that keeps a narrowed accumulator equal to
    the wide one (an integrate-and-dump sum of R W-bit samples fits W + log2(R) bits)."""
    out: list[z3.BoolRef] = []
    if moving is not None:  # registers that change in the simulated traces (a constant one needs no bound)
        regs = [r for r in regs if r.name in moving]
    words = [r for r in regs if not z3.is_bool(sm.regs[r.name]) and 4 <= sm.regs[r.name].size() <= 64]
    counters = [r for r in regs if not z3.is_bool(sm.regs[r.name]) and 1 <= sm.regs[r.name].size() <= 8]
    # all-ones of the input widths, and all-ones constants (a sample masked or saturated to 8 bits)
    maxima = sorted({(1 << w) - 1 for w in sm.inputs.values() if 2 <= w <= 32} |
                    {k for k in sm.constants if 3 <= k < (1 << 16) and k & (k + 1) == 0})[:6]
    ks = [k for k in sm.constants if 0 < k < 256][:4]
    for a in words[:16]:
        ea = sm.regs[a.name]
        for c in counters[:12]:
            if c.name == a.name or sm.regs[c.name].size() >= ea.size():
                continue
            ec = sm.regs[c.name]
            for m in maxima:
                w = ea.size() + ec.size() + m.bit_length() + 1
                if w > 64:  # (the simulation filter evaluates up to 64 bits natively)
                    continue
                wa = z3.ZeroExt(w - ea.size(), ea)
                wc = z3.ZeroExt(w - ec.size(), ec)
                mm = z3.BitVecVal(m, w, ea.ctx)
                if len(out) >= limit:
                    return out
                out.append(z3.ULE(wa, wc * mm))
                for k in ks:
                    if k < (1 << ec.size()):
                        out.append(z3.Implies(z3.ULE(ec, z3.BitVecVal(k, ec.size(), ec.ctx)),
                                              z3.ULE(wa, (z3.BitVecVal(k, w, ea.ctx) - wc) * mm)))
    return out


def _idle_zero_candidates(sm: SmtMiter, regs: list, limit: int = 600) -> list[z3.BoolRef]:
    """Registers held at 0 while a flag is off or another counter is 0: ``!busy -> baud == 0`` (a
    baud/step counter cleared when its transfer ends), ``busy -> r == 0`` and ``c == 0 -> r == 0``;
    and constant one-bit registers."""
    out: list[z3.BoolRef] = []
    words = [r for r in regs if not z3.is_bool(sm.regs[r.name]) and 2 <= sm.regs[r.name].size() <= 64][:16]
    flags = [r for r in regs if z3.is_bool(sm.regs[r.name]) or sm.regs[r.name].size() == 1][:16]
    conds = []
    for f in flags:
        ef = sm.regs[f.name]
        bit = ef if z3.is_bool(ef) else ef == z3.BitVecVal(1, 1, ef.ctx)
        conds += [bit, z3.Not(bit)]
        out += [bit, z3.Not(bit)]  # constant flags (the x flag of a gold output after reset)
    conds += [(w.name, sm.regs[w.name] == 0) for w in words]
    for w in words:
        e = sm.regs[w.name]
        zero = e == z3.BitVecVal(0, e.size(), e.ctx)
        for c in conds:
            if isinstance(c, tuple):
                if c[0] == w.name:
                    continue
                c = c[1]
            if len(out) >= limit:
                return out
            out.append(z3.Implies(c, zero))
    return out


def _flag_bound_candidates(sm: SmtMiter, regs: list, limit: int = 400) -> list[z3.BoolRef]:
    """A counter bounded through a flag register: ``f -> r <= K`` (either polarity of the flag) and
    ``r <= K + 1`` for the miter's constants K. A counter stepped while a done flag is clear, the flag
    set as the counter reaches K, stops at K + 1 with the flag set; the narrowed counter needs exactly
    that bound, which random simulation rarely reaches (a start or abort input clears the counter
    first), so neither the value mining nor the plain ``r <= K`` candidates cover it."""
    out: list[z3.BoolRef] = []
    words = [r for r in regs if not z3.is_bool(sm.regs[r.name]) and 2 <= sm.regs[r.name].size() <= 64][:16]
    flags = [r for r in regs if z3.is_bool(sm.regs[r.name]) or sm.regs[r.name].size() == 1][:16]
    ks = [k for k in sm.constants if k > 0][:6]
    bits = []
    for f in flags:
        ef = sm.regs[f.name]
        bit = ef if z3.is_bool(ef) else ef == z3.BitVecVal(1, 1, ef.ctx)
        bits += [bit, z3.Not(bit)]
    for w in words:
        e = sm.regs[w.name]
        top = (1 << e.size()) - 1
        out += [z3.ULE(e, z3.BitVecVal(k + 1, e.size(), e.ctx)) for k in ks if k + 1 < top]
    for w in words:
        e = sm.regs[w.name]
        top = (1 << e.size()) - 1
        for k in ks:
            if k >= top:
                continue
            for b in bits:
                if len(out) >= limit:
                    return out
                out.append(z3.Implies(b, z3.ULE(e, z3.BitVecVal(k, e.size(), e.ctx))))
    return out


def _saturated_copy_candidates(sm: SmtMiter, regs: list, limit: int = 240) -> list[z3.BoolRef]:
    """A counter stopping at a limit K beside one of its width counting the same events further:
    ``a == (b <= K ? b : K)`` for word registers ``a``, ``b`` of one width and the miter's constants K
    (an MTU check's counter is min(frame length, MTU + 1); random simulation rarely reaches K, so the
    value mining never sees the two differ). The relation rtlopt.semantic.reglockstep's saturated copies
    rely on; false pairs fall to the trace and BMC filters. Also the mirror ``a == K - (b <= K ? b : K)``
    (a down-counter loaded with K that stops at 0 beside the up-counter: reglockstep's mirrored copies),
    after the copies, within the same limit."""
    out: list[z3.BoolRef] = []
    mirrors: list[z3.BoolRef] = []
    words = [r for r in regs if not z3.is_bool(sm.regs[r.name]) and 2 <= sm.regs[r.name].size() <= 64][:16]
    narrow: list[z3.BoolRef] = []
    # a narrowed copy: a register of the gate with fewer bits than the gold's register of the same name,
    # stopping at K where the gold one counts on (semantic.thrcount: a counter read only through compares
    # up to K), zext(a) == min(b, K); its own small allowance (one pair per register name)
    by_name = {r.name.split(".", 1)[1]: r for r in words if r.name.startswith("gold.")}
    for a in words:
        b = by_name.get(a.name.split(".", 1)[1]) if a.name.startswith("gate.") else None
        if b is None:
            continue
        ea, eb = sm.regs[a.name], sm.regs[b.name]
        wa, wb = ea.size(), eb.size()
        if wb <= wa:
            continue
        for k in [k for k in sm.constants if 0 < k < (1 << wa)][:8]:
            kk = z3.BitVecVal(k, wb, eb.ctx)
            narrow.append(z3.ZeroExt(wb - wa, ea) == z3.If(z3.ULE(eb, kk), eb, kk))
    for a in words:
        ea = sm.regs[a.name]
        w = ea.size()
        ks = [k for k in sm.constants if 0 < k < (1 << w) - 1][:6]
        for b in words:
            eb = sm.regs[b.name]
            if b.name == a.name or eb.size() != w:
                continue
            for k in ks:
                if len(out) >= limit:
                    return out + narrow
                kk = z3.BitVecVal(k, w, ea.ctx)
                out.append(ea == z3.If(z3.ULE(eb, kk), eb, kk))
                mirrors.append(ea == kk - z3.If(z3.ULE(eb, kk), eb, kk))
    return out + mirrors[:max(0, limit - len(out))] + narrow


def _difference_candidates(sm: SmtMiter, regs: list, limit: int = 200) -> list[z3.BoolRef]:
    """A count kept beside two others it is the difference of: ``a == b - c`` for word registers of one
    width within one design (cycles since the last event == now - last, outstanding credits == sent -
    returned), the invariant a rewrite computing ``a`` from ``b`` and ``c`` needs (one design's
    registers only: the gold/gate pairs are covered by the equalities)."""
    out: list[z3.BoolRef] = []
    words = [r for r in regs if not z3.is_bool(sm.regs[r.name]) and 2 <= sm.regs[r.name].size() <= 64][:12]
    for a in words:
        ea = sm.regs[a.name]
        for b in words:
            for c in words:
                if len({a.name, b.name, c.name}) < 3 or not ea.size() == sm.regs[b.name].size() == sm.regs[c.name].size():
                    continue
                if len(out) >= limit:
                    return out
                out.append(ea == sm.regs[b.name] - sm.regs[c.name])
    return out


def _cross_difference_candidates(sm: SmtMiter, gregs: list, hregs: list, limit: int = 200) -> list[z3.BoolRef]:
    """A register of one design kept as the difference of two registers of the other: ``h == a - b``
    (a down-counter loaded with the width == latched width - up-count; cycles since the last edge ==
    timestamp - last capture), the invariant a rewrite keeping only the difference of a pair needs."""
    out: list[z3.BoolRef] = []
    for one, other in ((hregs, gregs), (gregs, hregs)):
        words = [r for r in other if not z3.is_bool(sm.regs[r.name]) and 2 <= sm.regs[r.name].size() <= 64][:12]
        for h in one:
            eh = sm.regs[h.name]
            if z3.is_bool(eh) or not 2 <= eh.size() <= 64:
                continue
            for b in words:
                for c in words:
                    if b.name == c.name or not eh.size() == sm.regs[b.name].size() == sm.regs[c.name].size():
                        continue
                    if len(out) >= limit:
                        return out
                    out.append(eh == sm.regs[b.name] - sm.regs[c.name])
    return out


def _state_bound_candidates(sm: SmtMiter, gregs: list, hregs: list, limit: int = 600) -> list[z3.BoolRef]:
    """Counters bounded per controller state: ``s == a -> r <= K`` for every code ``a`` of a small
    register ``s`` (2..STATE_BOUND_BITS bits) and every word register ``r`` of the same design, K among 0,
    1 and the miter's constants. A timer reloaded with a different constant in each state (a traffic
    light's green/yellow/red dwell times 25/4/30) is bounded only per state: in yellow it never passes
    3, but 3 < r <= 29 is a state of the global bound ``r <= 29`` from which yellow counts on past 31,
    so neither ``r <= K`` nor the value mining (the random traces rarely leave the reset state of a long
    timer) makes a narrowed timer's induction go through. Only candidates: the simulation and BMC
    filters and Houdini keep the ones that hold and are inductive together."""
    out: list[z3.BoolRef] = []
    # 0 and 1 too (the miter's literals start at 2): a phase that waits at count 1 for a request
    ks = sorted({0, 1, *[k for k in sm.constants if k > 1][:8]})
    for regs in (gregs, hregs):
        conds = [r for r in regs if not z3.is_bool(sm.regs[r.name])
                 and 2 <= sm.regs[r.name].size() <= STATE_BOUND_BITS][:4]
        words = [r for r in regs if not z3.is_bool(sm.regs[r.name]) and 2 <= sm.regs[r.name].size() <= 64][:12]
        for c in conds:
            ec = sm.regs[c.name]
            for a in range(1 << ec.size()):
                lit = ec == z3.BitVecVal(a, ec.size(), ec.ctx)
                for w in words:
                    if w.name == c.name:
                        continue
                    ew = sm.regs[w.name]
                    top = (1 << ew.size()) - 1
                    for k in ks:
                        if k >= top:
                            continue
                        if len(out) >= limit:
                            return out
                        out.append(z3.Implies(lit, z3.ULE(ew, z3.BitVecVal(k, ew.size(), ew.ctx))))
    # (the one-hot bits take more of the constants: their 16 first, a 16-bit timer's 19 and 89 came
    # 10th and 13th after the masks 15, 127 and 65535)
    wide = sorted({0, 1, *[k for k in sm.constants if k > 1][:16]})
    return out + _onehot_state_bound_candidates(sm, gregs, hregs, wide)


def _onehot_state_bound_candidates(sm: SmtMiter, gregs: list, hregs: list, ks: list[int],
                                   limit: int = 500) -> list[z3.BoolRef]:
    """The per-state bounds of :func:`_state_bound_candidates` for a one-hot state vector wider than
    STATE_BOUND_BITS (5..ONEHOT_STATE_BITS bits): ``s[i] -> r <= K`` for each bit ``i`` (at most
    ``limit`` per design). The one-hot machine keeps its codes when only its timer is narrowed
    (heldout13 sauna: an 8-bit one-hot enum beside a 16-bit minute counter that stays below 20 in its
    cool-down state and below 90 in its session); the binary codes of the same machine were proven with
    the per-code bounds in 6 s, the one-hot ones ran out. Only candidates: the filters and Houdini keep
    what holds and is inductive together."""
    out: list[z3.BoolRef] = []
    for regs in (gregs, hregs):
        n = 0
        conds = [r for r in regs if not z3.is_bool(sm.regs[r.name])
                 and STATE_BOUND_BITS < sm.regs[r.name].size() <= ONEHOT_STATE_BITS][:3]
        # the bounded words: counters, not the 2..STATE_BOUND_BITS-bit state registers (their codes bound
        # others in _state_bound_candidates; a wide vector's bits bounding a state register mean nothing)
        words = [r for r in regs if not z3.is_bool(sm.regs[r.name])
                 and STATE_BOUND_BITS < sm.regs[r.name].size() <= 64][:8]
        for c in conds:
            ec = sm.regs[c.name]
            for i in range(ec.size()):
                lit = z3.Extract(i, i, ec) == z3.BitVecVal(1, 1, ec.ctx)
                for w in words:
                    if w.name == c.name:
                        continue
                    ew = sm.regs[w.name]
                    top = (1 << ew.size()) - 1
                    for k in ks:
                        if k >= top:
                            continue
                        if n >= limit:
                            break
                        n += 1
                        out.append(z3.Implies(lit, z3.ULE(ew, z3.BitVecVal(k, ew.size(), ew.ctx))))
    return out


def _decode_candidates(sm: SmtMiter, regs: list, limit: int = 240) -> list[z3.BoolRef]:
    """One-hot rings and their binary indices: ``r`` (3..64 bits) is one-hot (or one-cold), and ``r ==
    1 << s`` / ``r == ~(1 << s)`` for every register ``s`` of ``b`` bits with ``b < |r| <= 2**b`` (a ring of
    row or digit enables kept beside its index, or replaced by it: the induction needs the ring tied to
    the index, and a re-encoded ring needs its one-hotness). Only candidates: the filters and Houdini
    keep the ones that hold and are inductive together."""
    out: list[z3.BoolRef] = []
    words = [(r, sm.regs[r.name]) for r in regs if not z3.is_bool(sm.regs[r.name])]
    for r, er in words:
        w = er.size()
        if not 3 <= w <= 64:
            continue
        ctx = er.ctx
        one, zero, full = z3.BitVecVal(1, w, ctx), z3.BitVecVal(0, w, ctx), z3.BitVecVal((1 << w) - 1, w, ctx)
        out.append(z3.And(er != zero, er & (er - one) == zero))  # one-hot
        nr = er ^ full
        out.append(z3.And(nr != zero, nr & (nr - one) == zero))  # one-cold
        for s, es in words:
            b = es.size()
            if s.name == r.name or not b < w <= (1 << b):
                continue
            if len(out) >= limit:
                return out
            dec = one << z3.ZeroExt(w - b, es)
            out += [er == dec, er == dec ^ full]
    return out


def _difference_houdini(sm: SmtMiter, bmc: _Bmc, budget: Budget, guard, traces) -> SmtOutcome | None:
    """Houdini over equal registers and ``h == a - b`` across the designs (:func:`_cross_difference_candidates`)
    alone, before the structural set: a pair of registers read only through their difference kept as
    that difference needs nothing else, and among the 2800 structural candidates of three 12-bit lanes
    (a shared time base, a stamp per lane) the quick round ran out at 8 s and the mined one took 97 s.
    Only when a difference candidate over registers that move survives the random traces (not part of
    the structural or mined sets: hundreds more candidates in every Houdini round there); sound like the
    other rounds (BMC filter, then Houdini proves what it keeps inductive with the outputs equal)."""
    if budget.left() < 2.0 or not traces:
        return None
    gregs, hregs = _sides(sm, outputs=False)
    # only registers that move on the traces: constant ones (an xprop-encoded gold's X masks, all 0)
    # would make ``0 == 0 - 0`` survive on every design and start this round for nothing
    vals = register_values(sm, traces, len(traces), guard, [r.name for r in gregs + hregs], 2)
    moving = {n for n, v in vals.items() if len(v) > 1}
    diffs = _cross_difference_candidates(sm, [r for r in gregs if r.name in moving],
                                         [r for r in hregs if r.name in moving], limit=3000)
    # and sums / differences over registers of other widths (a count left == a loaded length - an index)
    diffs += _affine.cross_affine_candidates(sm, gregs, hregs, traces, guard)
    if guard is not None:
        diffs = [z3.Implies(guard, c) for c in diffs]
    diffs = filter_by_traces(sm, diffs, traces) if diffs else []
    if not diffs:
        return None
    gregs, hregs = _sides(sm)
    cands: list[z3.BoolRef] = []
    for g in gregs:
        for h in hregs:
            if g.width == h.width and g.sort == h.sort and len(cands) < 400:
                cands.append(sm.regs[g.name] == sm.regs[h.name])
    for r in gregs + hregs:  # registers that stay 0 (an xprop-encoded gold's X masks)
        e = sm.regs[r.name]
        cands.append(z3.Not(e) if z3.is_bool(e) else e == z3.BitVecVal(0, e.size(), e.ctx))
    if guard is not None:
        cands = [z3.Implies(guard, c) for c in cands]
    cands = filter_by_traces(sm, cands, traces) + diffs
    sub = Budget(min(DIFF_HOUDINI_S, budget.left() * DIFF_HOUDINI_SHARE))
    cands = _filter_on_bmc(sm, bmc, cands, sub) or []
    if not cands:
        return None
    status, inv = _houdini(sm, cands, sub)
    if status == "proved":
        return SmtOutcome("equivalent", f"induction strengthened by {len(inv)} register difference invariants (z3)",
                          k=1)
    return None


def _narrowing_houdini(sm: SmtMiter, bmc: _Bmc, budget: Budget, guard, traces,
                       state_map: dict | None = None) -> SmtOutcome | None:
    """Houdini over the candidates a register narrowing needs, before the whole structural set: equal
    registers of one width, ``gold.r == zext(gate.r')`` and ``r <= K`` (:func:`_width_and_range_candidates`),
    only when some gold and gate registers differ in width. A wrap counter narrowed to its range needs
    only those; with the other structural families (per-state and flag bounds, decodes, affine pairs:
    1000+ candidates on an xprop-encoded gold) each Houdini round is slow and the quick round ran out
    (an up/down position counter wrapping at 0 and CPR-1, 16 -> 9 bits: 86 candidates proved in 1.2 s,
    the 1426 structural ones unknown at 8 s). Sound like the other rounds (BMC filter, then Houdini
    proves what it keeps inductive with the outputs equal); cheap when it fails (few candidates)."""
    if budget.left() < 2.0:
        return None
    gregs, hregs = _sides(sm)
    widths = {r.width for r in hregs if r.width > 1}
    if not any(g.width > 1 and g.width not in widths for g in gregs) and not any(
            h.width > 1 and h.width not in {g.width for g in gregs} for h in hregs):
        return None  # no register changed width
    # longer traces of fewer lanes (only on what the short ones keep): the later states of a machine with
    # long dwell timers, whose per-state bounds the short traces cannot refute
    longer = sim_traces(sm, min(SIM_FILTER_S, budget.left() * 0.1), lanes=LONG_TRACE_LANES,
                        cycles=LONG_TRACE_CYCLES, seed=2) if traces else None
    cands: list[z3.BoolRef] = []
    for g in gregs:
        for h in hregs:
            if g.width == h.width and g.sort == h.sort and len(cands) < 400:
                cands.append(sm.regs[g.name] == sm.regs[h.name])
    cands += _width_and_range_candidates(sm, gregs, hregs, limit=600)
    cands += _sentinel_flag_candidates(sm, gregs, hregs)
    if state_map:  # the machine re-encoded with its timer narrowed: the codes' correspondence
        cands += _state_map_candidates(sm, state_map)
    if guard is not None:
        cands = [z3.Implies(guard, c) for c in cands]
    sub = Budget(min(NARROW_HOUDINI_S, budget.left() * NARROW_HOUDINI_SHARE))
    if traces:
        cands = filter_by_traces(sm, filter_by_traces(sm, cands, traces), longer)
    cands = _filter_on_bmc(sm, bmc, cands, sub) or []
    if not cands:
        return None
    status, inv = _houdini(sm, cands, sub)
    if status == "proved":
        return SmtOutcome("equivalent", f"induction strengthened by {len(inv)} width and range invariants (z3)",
                          k=1)
    if status != "failed" or budget.left() < 2.0:
        return None
    # then with the per-state bounds computed as a least fixed point on the miter (:mod:`._stbound`): the
    # few bounds that hold, where the guessed ones below are hundreds of candidates and may miss a pair
    # (heldout16 alarm/shared_timer, two 8-bit timers narrowed to 5 and 4 bits: UNKNOWN at 150 s)
    fix = _stbound.state_bound_candidates(sm, gregs, hregs, guard, longer or traces,
                                          time.monotonic() + min(STBOUND_S, budget.left() * STBOUND_SHARE),
                                          sim_evaluate)
    if fix:
        sub = Budget(min(NARROW_HOUDINI_S, budget.left() * NARROW_HOUDINI_SHARE))
        fix = _filter_on_bmc(sm, bmc, fix, sub) or []
        if fix:
            status, inv = _houdini(sm, cands + fix, sub)
            if status == "proved":
                return SmtOutcome("equivalent", f"induction strengthened by {len(inv)} width, range and per-state "
                                                "bound invariants (z3; bounds by fixed point)", k=1)
    if budget.left() < 2.0:
        return None
    # then with the per-state bounds ``s == a -> r <= K`` added: a timer compared with a different limit
    # in each state of its machine stays below the largest one only because it is below the smaller
    # limit in the other states (heldout13 aquarium/feeder_fsm: an integer count 32 -> 6 bits, < 12
    # while feeding, < 45 while settling: 146 invariants in 4.2 s, where the structural round needed
    # 541 in 8.5-17 s under load and the search's 21 s slot ran out). Only after the plain round
    # failed, so what it proved alone costs the same as before.
    extra = _narrowed_state_bounds(sm, gregs, hregs)
    if guard is not None:
        extra = [z3.Implies(guard, c) for c in extra]
    if traces and extra:
        extra = filter_by_traces(sm, filter_by_traces(sm, extra, traces), longer)
    # the same share as the plain round: this round is the proof of a timer narrowed in a machine
    # (heldout14 irrigation/zone_fsm: 281 candidates, 3-25 s of Houdini by load; 5 s often ran out)
    sub = Budget(min(NARROW_HOUDINI_S, budget.left() * NARROW_HOUDINI_SHARE))
    extra = _filter_on_bmc(sm, bmc, extra, sub) or [] if extra else []
    if not extra:
        return None
    status, inv = _houdini(sm, cands + extra, sub)
    if status == "proved":
        return SmtOutcome("equivalent", f"induction strengthened by {len(inv)} width, range and per-state "
                                        f"bound invariants (z3)", k=1)
    return None


#: Seconds (and share of what is left) of the sequence-position round (:func:`_position_houdini`).
POSITION_HOUDINI_S = 10.0
#: Cycles and lanes of its traces: a sequencer's later phases lie a whole sequence from reset.
POSITION_TRACE_CYCLES = 320
POSITION_TRACE_LANES = 32


def _position_candidates(sm: SmtMiter, steps: list, guard, ys: list, xs: list, limit: int = 1500) -> list:
    """Per-code relations between the small registers ``ys`` of one side (a state register) and the
    words / flags of both sides, read off simulated states: ``s == a -> h == zext(t) + K`` (one counter
    along a sequence standing for a state plus the timer of that state), ``s == a -> r == v`` (per-state
    constants: registered outputs, the counter in the waiting state), ``s == a -> t <= M`` (the timer's
    largest value seen in that state) and ``s != a`` for codes never seen. Only candidates."""
    small = [r for r in ys if 1 < r.width <= 4 and not z3.is_bool(sm.regs[r.name])]
    words = [r for r in ys if r.width >= 2 and not z3.is_bool(sm.regs[r.name])]
    counters = [r for r in xs if r.width >= 2 and not z3.is_bool(sm.regs[r.name])]
    allr = [r for r in ys + xs]
    if not small or not counters:
        return []
    names = list(dict.fromkeys(r.name for r in small + words + counters + allr))
    exprs = [sm.regs[n] for n in names] + ([guard] if guard is not None else [])
    vals = sim_evaluate(exprs, sm.s0, steps)
    if vals is None:
        return []
    v = {n: np.asarray(x).astype(object) for n, x in zip(names, vals, strict=False)}
    keep = np.asarray(vals[-1]).astype(bool) if guard is not None else None
    if keep is not None:
        v = {n: x[keep] for n, x in v.items()}
    width = {r.name: r.width for r in allr}
    out: list = []

    def bv(n):
        e = sm.regs[n]
        return z3.If(e, z3.BitVecVal(1, 1, e.ctx), z3.BitVecVal(0, 1, e.ctx)) if z3.is_bool(e) else e

    for s in small:
        e = sm.regs[s.name]
        col = v[s.name]
        for a in range(1 << s.width):
            lit = e == z3.BitVecVal(a, s.width, e.ctx)
            m = col == a
            if not m.any():
                out.append(z3.Not(lit))
                continue
            for r in allr:
                if r.name == s.name:
                    continue
                rv = v[r.name][m]
                if len(set(rv.tolist())) == 1:
                    out.append(z3.Implies(lit, bv(r.name) == z3.BitVecVal(int(rv[0]), width[r.name], e.ctx)))
                elif r in words:
                    # the largest value seen, and the miter's constants above it (a later phase's timer
                    # may not reach its limit in the traces: its compare constant is the bound)
                    top = int(max(rv))
                    ks = [top] + sorted(k for k in sm.constants if top < k < (1 << width[r.name]))[:8]
                    out += [z3.Implies(lit, z3.ULE(bv(r.name), z3.BitVecVal(k, width[r.name], e.ctx))) for k in ks]
            for h in counters:
                hv = v[h.name][m]
                wh = h.width
                for t in words:
                    if t.name == s.name:
                        continue
                    tv = v[t.name][m]
                    d = set(((hv - tv) % (1 << wh)).tolist())
                    if len(d) != 1 or len(set(tv.tolist())) == 1:
                        continue
                    te = bv(t.name)
                    te = z3.ZeroExt(wh - t.width, te) if t.width < wh else z3.Extract(wh - 1, 0, te)
                    out.append(z3.Implies(lit, bv(h.name) == te + z3.BitVecVal(d.pop(), wh, e.ctx)))
            if len(out) > limit:
                return out[:limit]
    return out


def _position_houdini(sm: SmtMiter, bmc: _Bmc, budget: Budget, guard, traces) -> SmtOutcome | None:
    """Houdini over :func:`_position_candidates` (both directions): a (state, timer) machine whose
    reachable states are one path kept as one counter (rtlopt.semantic.seqcounter), or the other way
    round. Only when one side has a word register the other side has no register of that name. Sound
    like the other rounds (trace and BMC filters, then Houdini proves what it keeps inductive with the
    outputs equal)."""
    if budget.left() < 3.0 or not traces:
        return None
    gregs, hregs = _sides(sm, outputs=False)
    gn = {r.name[5:] for r in gregs}
    hn = {r.name[5:] for r in hregs}
    gbits, hbits = sum(r.width for r in gregs), sum(r.width for r in hregs)
    # a counter standing for more state bits on the other side (the rewrite dropped flip-flops)
    if not (hbits < gbits and any(r.width >= 2 and r.name[5:] not in gn for r in hregs)) and \
            not (gbits < hbits and any(r.width >= 2 and r.name[5:] not in hn for r in gregs)):
        return None
    steps = sim_traces(sm, min(SIM_FILTER_S, budget.left() * 0.15), lanes=POSITION_TRACE_LANES,
                       cycles=POSITION_TRACE_CYCLES, seed=3)
    if not steps:
        return None
    cands = _position_candidates(sm, steps, guard, gregs, hregs) + _position_candidates(sm, steps, guard, hregs, gregs)
    if not cands:
        return None
    if guard is not None:
        cands = [z3.Implies(guard, c) for c in cands]
    sub = Budget(min(POSITION_HOUDINI_S, budget.left() * NARROW_HOUDINI_SHARE))
    cands = filter_by_traces(sm, cands, traces)
    cands = _filter_on_bmc(sm, bmc, cands, sub) or []
    if not cands:
        return None
    status, inv = _houdini(sm, cands, sub)
    if status == "proved":
        return SmtOutcome("equivalent", f"induction strengthened by {len(inv)} per-state position invariants "
                                        "(z3)", k=1)
    return None


def _narrowed_state_bounds(sm: SmtMiter, gregs: list, hregs: list, limit: int = 400) -> list[z3.BoolRef]:
    """``s == a -> r <= K`` for the registers ``r`` whose width the rewrite changed (no register of the
    other design has its name and width), every code ``a`` of a small register ``s`` (2..STATE_BOUND_BITS
    bits) of the same design, K among 0, 1 and the miter's constants below ``r``'s top value (the
    per-state bounds of :func:`_state_bound_candidates`, for the narrowed words only: a few hundred)."""
    def base(r) -> str:
        return r.name.split(".", 1)[1] if "." in r.name else r.name

    def word(r) -> bool:
        e = sm.regs[r.name]
        return not z3.is_bool(e) and e.size() >= 2

    gw = {(base(r), sm.regs[r.name].size()) for r in gregs if word(r)}
    hw = {(base(r), sm.regs[r.name].size()) for r in hregs if word(r)}
    out: list[z3.BoolRef] = []
    # the gate first, and only words wider than the state codes: gold's names are lost after xprop
    # (every gold register is 'unmatched', its 2- and 3-bit state and index registers too), and the
    # limit ran out on gold's words before the gate's narrowed timer had a bound for each state
    # (heldout14 irrigation/zone_fsm: tmr 32 -> 6 bits, <= 9 only while soaking)
    for regs, other in ((hregs, gw), (gregs, hw)):
        if out and regs is gregs:
            break  # the gate's bounds with ``gold.r == zext(gate.r')`` bound gold too (a third the candidates)
        conds = [r for r in regs if word(r) and sm.regs[r.name].size() <= STATE_BOUND_BITS][:4]
        # a one-hot state vector's bits as the states (5..ONEHOT_STATE_BITS bits: an explicit one-hot enum
        # or localparam codes, when no binary code register is there to bound the word by)
        hots = [r for r in regs if word(r) and STATE_BOUND_BITS < sm.regs[r.name].size() <= ONEHOT_STATE_BITS][:2]
        words = [r for r in regs if word(r) and (base(r), sm.regs[r.name].size()) not in other]
        # words wider than the state codes when there are any (else the narrow ones, as before)
        words = ([r for r in words if sm.regs[r.name].size() > STATE_BOUND_BITS] or words)[:4]
        for w in words:
            ew = sm.regs[w.name]
            top = (1 << ew.size()) - 1
            ks = sorted(k for k in {0, 1, *sm.constants} if k < top)
            for c in conds:
                if c.name == w.name:
                    continue
                ec = sm.regs[c.name]
                for a in range(1 << ec.size()):
                    lit = ec == z3.BitVecVal(a, ec.size(), ec.ctx)
                    for k in ks:
                        if len(out) >= limit:
                            return out
                        out.append(z3.Implies(lit, z3.ULE(ew, z3.BitVecVal(k, ew.size(), ew.ctx))))
            for c in ([] if conds else hots):
                if c.name == w.name:
                    continue
                ec = sm.regs[c.name]
                for i in range(ec.size()):
                    lit = z3.Extract(i, i, ec) == z3.BitVecVal(1, 1, ec.ctx)
                    for k in ks:
                        if len(out) >= limit:
                            return out
                        out.append(z3.Implies(lit, z3.ULE(ew, z3.BitVecVal(k, ew.size(), ew.ctx))))
    return out


def _quick_houdini(sm: SmtMiter, bmc: _Bmc, budget: Budget, state_map: dict | None, guard,
                   traces) -> SmtOutcome | None:
    """Houdini over the structural candidates only, in a short slice of the budget: the proof when
    they suffice, else None (the full mining follows). Sound like the full run: the BMC filter keeps
    only candidates that hold in cycles 0..2 and Houdini proves what it keeps inductive with the
    outputs equal."""
    if budget.left() < 1.0:
        return None
    cands = _structural_candidates(sm, state_map, guard)
    if not cands:
        return None
    sub = Budget(min(QUICK_HOUDINI_S, budget.left() * QUICK_HOUDINI_SHARE))
    if traces:
        cands = filter_by_traces(sm, cands, traces)
    cands = _filter_on_bmc(sm, bmc, cands, sub) or []
    if not cands:
        return None
    # Houdini gets a slice of its own (the BMC filter used up to the first one)
    sub = Budget(min(QUICK_HOUDINI_S, budget.left() * QUICK_HOUDINI_SHARE))
    status, inv = _houdini(sm, cands, sub)
    if status == "proved":
        return SmtOutcome("equivalent", f"induction strengthened by {len(inv)} structural invariants (z3)", k=1)
    if status != "failed" or budget.left() < 2.0:
        return None
    # then with accumulator bounds (acc <= count * max input) added to the first round's candidates
    # (not only to what it kept: candidates it dropped may be inductive relative to the bounds)
    acc = _structural_candidates(sm, state_map, guard, accumulators=True, traces=traces)
    if traces and acc:
        acc = filter_by_traces(sm, acc, traces)
    if not acc:
        return None
    sub = Budget(min(QUICK_ACC_S, budget.left() * QUICK_HOUDINI_SHARE))
    acc = _filter_on_bmc(sm, bmc, acc, sub) or []
    if not acc:
        return None
    status, inv = _houdini(sm, cands + acc, sub)
    if status == "proved":
        return SmtOutcome("equivalent", f"induction strengthened by {len(inv)} structural invariants incl. "
                                        f"accumulator bounds (z3)", k=1)
    return None


def _inductive_subset(sm: SmtMiter, cands: list, budget: Budget) -> list:
    cands = list(cands)
    while cands and not budget.expired():
        s = z3.Solver(ctx=sm.ctx)
        t0, t1 = sm.state("j"), sm.state("j")
        s.add(sm.at(sm.assume, t0), sm.at(sm.assume, t1), z3.Not(sm.at(sm.is_init, t1)), sm.step(t0, t1))
        for c in cands:
            s.add(sm.at(c, t0))
        r = _check(s, budget, z3.Or([z3.Not(sm.at(c, t1)) for c in cands]))
        if r == z3.unsat:
            return cands
        if r != z3.sat:
            return []
        m = s.model()
        keep = [c for c in cands if z3.is_true(m.eval(sm.at(c, t1), model_completion=True))]
        if len(keep) == len(cands):
            return []
        cands = keep
    return cands
