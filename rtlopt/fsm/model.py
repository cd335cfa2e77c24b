"""The FSM model: states, reset, symbolic transitions, outputs; explicit tables for minimization.

A :class:`Fsm` is symbolic: each :class:`Transition` has a z3 guard over input bits and, per
output, a z3 expression (Mealy outputs depend on inputs; Moore outputs do not) plus a don't-care
bit mask. Input combinations a state's guards do not cover are don't-care for that state (they come
from ``'x`` next states, ``--assume`` / ``// rtlopt: assume`` constraints or a KISS2 file).

:meth:`Fsm.table` turns the machine into an explicit :class:`Table` over an *input alphabet*: the
coarsest partition of the input space on which every guard is constant (computed with z3), with
output expressions compared per alphabet class. Minimization works on tables.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import z3

from rtlopt.fsm._symbolic import var_names
from rtlopt.fsm._truth import MAX_BITS, TruthTables, Unsupported

if TYPE_CHECKING:  # networkx is imported where a graph is built (0.25 s of every start otherwise)
    import networkx as nx


@dataclass
class Transition:
    """``src --guard--> dst`` with output values; ``dst`` None means don't-care next state."""

    src: str
    dst: str | None
    guard: z3.BoolRef
    outputs: dict[str, tuple[z3.ExprRef, int]] = field(default_factory=dict)  # name -> (value, dc mask)


@dataclass
class SourceInfo:
    """Where an FSM extracted from RTL lives (used to regenerate it)."""

    file: str
    module: str
    text: str
    line: int
    blocks: list[tuple[int, int]]  # byte spans of the blocks that implement the FSM
    clock: tuple[str, str]  # (edge, signal)
    reset: tuple[str, bool, bool] | None  # (signal, active_high, asynchronous)
    output_is_variable: dict[str, bool] = field(default_factory=dict)
    registered_outputs: dict[str, int | None] = field(default_factory=dict)  # name -> reset value (None: not reset)
    regen_blockers: list[str] = field(default_factory=list)
    # spans inside a declaration (`` = expr`` of ``wire w = expr;``) -> end of that declaration: they
    # are removed (not commented), and the new logic never goes inside one
    inline_spans: dict[tuple[int, int], int] = field(default_factory=dict)
    taken_names: set[str] = field(default_factory=set)
    state_is_variable: bool = True
    # inputs every instance of the module ties to a constant (port -> Verilog literal): the machine
    # was extracted with them at those values, so the regenerated logic holds for those ties only
    ties: dict[str, str] = field(default_factory=dict)


@dataclass
class Fsm:
    """A finite state machine (from RTL, from KISS2, or built by minimization)."""

    name: str
    states: list[str]
    reset: str | None
    inputs: dict[str, int]  # input name -> width
    outputs: dict[str, int]  # output name -> width
    transitions: list[Transition]
    codes: dict[str, int] = field(default_factory=dict)
    state_reg: str | None = None
    width: int = 0
    unreachable: list[str] = field(default_factory=list)  # declared but not reachable from reset
    dont_care_states: list[str] = field(default_factory=list)  # declared unreachable by the user
    source: SourceInfo | None = None
    notes: list[str] = field(default_factory=list)

    # ------------------------------------------------------------------ views
    def out_of(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if t.src == state]

    @property
    def reachable(self) -> list[str]:
        if self.reset is None:
            return list(self.states)
        succ: dict[str, set[str]] = {}
        for t in self.transitions:
            if t.dst is not None:
                succ.setdefault(t.src, set()).add(t.dst)
        seen, todo = {self.reset}, [self.reset]
        while todo:
            for d in succ.get(todo.pop(), ()):
                if d not in seen:
                    seen.add(d)
                    todo.append(d)
        return [s for s in self.states if s in seen]

    def graph(self) -> nx.MultiDiGraph:
        """The state-transition graph (edges carry ``guard`` and ``outputs``)."""
        import networkx as nx

        g = nx.MultiDiGraph()
        for s in self.states:
            g.add_node(s, code=self.codes.get(s), reset=(s == self.reset))
        for t in self.transitions:
            if t.dst is not None:
                g.add_edge(t.src, t.dst, guard=t.guard, outputs=t.outputs)
        return g

    def is_moore(self) -> bool:
        """True when no output depends on an input."""
        ins = set(self.inputs)
        for t in self.transitions:
            for v, _dc in t.outputs.values():
                if var_names(v) & ins:
                    return False
        by_state: dict[str, set[str]] = {}
        for t in self.transitions:
            sig = tuple(sorted((k, str(z3.simplify(v)), dc) for k, (v, dc) in t.outputs.items()))
            by_state.setdefault(t.src, set()).add(str(sig))
        return all(len(v) <= 1 for v in by_state.values())

    # ------------------------------------------------------------------ checks
    def check_guards(self) -> dict[str, list[str]]:
        """Determinism (pairwise-disjoint guards) and completeness (guards cover every input) per state."""
        overlaps: list[str] = []
        incomplete: list[str] = []
        for s in self.states:
            ts = self.out_of(s)
            for i in range(len(ts)):
                for j in range(i + 1, len(ts)):
                    if _sat(z3.And(ts[i].guard, ts[j].guard)):
                        overlaps.append(f"{s}: guards to {ts[i].dst} and {ts[j].dst} overlap")
            cover = z3.Or(*[t.guard for t in ts]) if ts else z3.BoolVal(False)
            if _sat(z3.Not(cover)):
                incomplete.append(s)
        return {"nondeterministic": overlaps, "incomplete": incomplete}

    def dead_transitions(self) -> list[Transition]:
        """Transitions whose guard is unsatisfiable, or that leave an unreachable state."""
        reach = set(self.reachable)
        return [t for t in self.transitions if t.src not in reach or not _sat(t.guard)]

    # ------------------------------------------------------------------ explicit table
    def table(self, states: list[str] | None = None, max_classes: int = 4096,
              deadline: float | None = None) -> Table:
        """Explicit table over the input alphabet, for ``states`` (default: the reachable ones).

        Outputs are compared as *functions* on each alphabet class (not as syntax): two output bits
        get the same id on a class iff they are equal on every input of the class, and a bit that
        is constant on the class gets the id of that constant (0/1), whatever its expression. So
        two entries conflict on a class exactly when their ids differ on a bit both specify.
        Small input spaces (up to ``_truth.MAX_BITS`` input bits) use bit-parallel truth tables;
        larger ones z3. Past ``deadline`` (``time.monotonic()``) the z3 build stops with ValueError
        (as past ``max_classes``): the caller's time limit covers the table.
        """
        states = list(self.reachable if states is None else states)
        try:
            return self._table_truth(states, max_classes)
        except Unsupported:
            return self._table_z3(states, max_classes, deadline)

    def _table_truth(self, states: list[str], max_classes: int) -> Table:
        exprs: list[z3.ExprRef] = []
        for t in self.transitions:
            if t.src in states:
                exprs.append(t.guard)
                exprs += [v for v, _dc in t.outputs.values()]
        seen: dict[str, z3.ExprRef] = {}
        visited: set[int] = set()
        stack = list(exprs)
        while stack:  # the free variables of all expressions, shared subterms visited once
            x = stack.pop()
            xid = x.get_id()
            if xid in visited:
                continue
            visited.add(xid)
            if z3.is_const(x):
                if x.decl().kind() == z3.Z3_OP_UNINTERPRETED:
                    seen.setdefault(x.decl().name(), x)
            else:
                stack.extend(x.children())
        if len(seen) > 8 and sum(v.size() if z3.is_bv(v) else 1 for v in seen.values()) > MAX_BITS:
            raise Unsupported("too many input bits")
        tt = TruthTables(list(seen.values()))
        full = tt.full
        by_src: dict[str, list[tuple[Transition, int]]] = {s: [] for s in states}
        for t in self.transitions:
            if t.src in by_src:
                g = tt.bool(t.guard)
                if g:
                    by_src[t.src].append((t, g))
        classes = [full]
        for s in states:
            for _t, g in by_src[s]:
                if g == full:
                    continue
                nxt = []
                for c in classes:
                    a, b = c & g, c & ~g
                    nxt += [x for x in (a, b) if x]
                classes = nxt
                if len(classes) > max_classes:
                    raise ValueError(f"input alphabet exceeds {max_classes} classes")
        out_bits = [(o, b) for o, w in self.outputs.items() for b in range(w)]
        entries: dict[tuple[str, int], tuple[str | None, tuple[int | None, ...]]] = {}
        trans: dict[tuple[str, int], Transition | None] = {}
        reps: dict[tuple[int, int], list[z3.ExprRef]] = {}
        fun_ids: dict[tuple[int, int], dict[int, int]] = {}
        for ci, c in enumerate(classes):
            for s in states:
                hit = next((t for t, g in by_src[s] if g & c), None)
                trans[(s, ci)] = hit
                if hit is None:
                    entries[(s, ci)] = (None, tuple(None for _ in out_bits))
                    continue
                ids: list[int | None] = []
                masks: dict[str, list[int]] = {}
                for bi, (o, b) in enumerate(out_bits):
                    val = hit.outputs.get(o)
                    if val is None or (val[1] >> b) & 1:
                        ids.append(None)
                        continue
                    if o not in masks:
                        masks[o] = tt.bv(val[0])
                    f = masks[o][b] & c
                    if f == 0:
                        ids.append(0)
                    elif f == c:
                        ids.append(1)
                    else:
                        known = fun_ids.setdefault((ci, bi), {})
                        if f not in known:
                            lst = reps.setdefault((ci, bi), [])
                            known[f] = 2 + len(lst)
                            lst.append(z3.Extract(b, b, val[0]))
                        ids.append(known[f])
                entries[(s, ci)] = (hit.dst, tuple(ids))
        formulas = [tt.cover(c) for c in classes]
        return Table(states, self.reset if self.reset in states else None, formulas, out_bits, entries, reps,
                     trans=trans)

    def _table_z3(self, states: list[str], max_classes: int, deadline: float | None = None) -> Table:
        classes: list[z3.BoolRef] = [z3.BoolVal(True)]
        for s in states:
            guards = [t.guard for t in self.out_of(s)]
            refined: list[z3.BoolRef] = []
            for c in classes:
                rest = c
                for g in guards:
                    part = z3.And(c, g)
                    if _sat(part):
                        refined.append(part)
                        rest = z3.And(rest, z3.Not(g))
                if _sat(rest):
                    refined.append(rest)
                if len(refined) > max_classes:
                    raise ValueError(f"input alphabet exceeds {max_classes} classes")
                _check_deadline(deadline)
            classes = refined
        out_bits = [(o, b) for o, w in self.outputs.items() for b in range(w)]
        entries: dict[tuple[str, int], tuple[str | None, tuple[int | None, ...]]] = {}
        trans: dict[tuple[str, int], Transition | None] = {}
        reps: dict[tuple[int, int], list[z3.ExprRef]] = {}
        words: dict[tuple[int, str], list[tuple[z3.ExprRef, tuple[int, ...]]]] = {}
        # one solver per class; a validity query is first tried on sampled inputs of the class (a
        # falsifying sample answers it exactly) and memoised: axis_frame_length_adjust (4 states,
        # 356 output bits, 12 classes) made 28,448 z3 checks, ~100 s
        unders = [_Under(c, deadline) for c in classes]
        probe = _probe_for(self, states, classes, unders)
        for ci, c in enumerate(classes):
            on_c = unders[ci]
            on_c.probe, on_c.ci = probe, ci
            for s in states:
                _check_deadline(deadline)
                t = next((t for t in self.out_of(s) if not on_c.outside(t.guard) and _implies(c, t.guard)), None)
                trans[(s, ci)] = t
                if t is None:
                    entries[(s, ci)] = (None, tuple(None for _ in out_bits))
                    continue
                ids: list[int | None] = []
                word_ids: dict[str, tuple[int, ...]] = {}
                for o, (e, dc) in t.outputs.items():
                    # whole-word fast path: a fully specified word equal on c to one seen before
                    # reuses that word's (exact, per-bit) ids
                    if dc or self.outputs.get(o, 1) < 4:
                        continue
                    e = z3.simplify(e)
                    for r, rids in words.get((ci, o), []):
                        if r.eq(e) or on_c.valid(_eq(r, e)):
                            word_ids[o] = rids
                            break
                for bi, (o, b) in enumerate(out_bits):
                    val = t.outputs.get(o)
                    if val is None or (val[1] >> b) & 1:
                        ids.append(None)
                        continue
                    if o in word_ids:
                        ids.append(word_ids[o][b])
                        continue
                    e = z3.simplify(z3.Extract(b, b, val[0]))
                    if z3.is_bv_value(e):
                        ids.append(e.as_long())
                        continue
                    if on_c.valid(_eq(e, _ZERO)):
                        ids.append(0)
                        continue
                    if on_c.valid(_eq(e, _ONE)):
                        ids.append(1)
                        continue
                    lst = reps.setdefault((ci, bi), [])
                    for k, r in enumerate(lst):
                        if r.eq(e) or on_c.valid(_eq(r, e)):
                            ids.append(2 + k)
                            break
                    else:
                        lst.append(e)
                        ids.append(2 + len(lst) - 1)
                for o, (e, dc) in t.outputs.items():
                    if dc == 0 and self.outputs.get(o, 1) >= 4 and o not in word_ids:
                        first = out_bits.index((o, 0))
                        words.setdefault((ci, o), []).append(
                            (z3.simplify(e), tuple(ids[first:first + self.outputs[o]])))
                entries[(s, ci)] = (t.dst, tuple(ids))
        return Table(states, self.reset if self.reset in states else None, classes, out_bits, entries, reps,
                     trans=trans)


class _Under:
    """Validity checks under one assumption, with one incremental solver; answers memoised per
    formula, and refuted without z3 when a sample of the class (``probe``) falsifies the formula."""

    queries = 0  # z3 checks made by every instance (tests bound it)

    def __init__(self, c: z3.BoolRef, deadline: float | None = None) -> None:
        self.s = z3.Solver()
        self.s.add(c)
        self.deadline = deadline
        self.probe = None
        self.ci = 0
        self._memo: dict[int, tuple[z3.BoolRef, bool]] = {}

    def model(self) -> z3.ModelRef | None:
        _Under.queries += 1
        return self.s.model() if self.s.check() == z3.sat else None

    def outside(self, g: z3.BoolRef) -> bool:
        """True when a sample of the class falsifies ``g`` (the class does not imply ``g``)."""
        return self.probe is not None and self.probe.refutes(self.ci, g)

    def valid(self, f: z3.BoolRef) -> bool:
        hit = self._memo.get(f.get_id())
        if hit is not None:
            return hit[1]
        if self.probe is not None and self.probe.refutes(self.ci, f):
            ok = False
        else:
            _Under.queries += 1
            if self.deadline is not None:  # one check cannot overrun the limit either
                _check_deadline(self.deadline)
                self.s.set("timeout", max(1, int(1000 * (self.deadline - time.monotonic()))))
            self.s.push()
            self.s.add(z3.Not(f))
            r = self.s.check()
            why = self.s.reason_unknown() if r == z3.unknown else ""
            self.s.pop()
            if self.deadline is not None and why in ("timeout", "canceled"):
                raise ValueError(f"input alphabet table not built within the time limit ({_Under.queries} z3 checks)")
            ok = r == z3.unsat
        self._memo[f.get_id()] = (f, ok)  # (f kept alive: its id is not reused)
        return ok


def _check_deadline(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise ValueError(f"input alphabet table not built within the time limit ({_Under.queries} z3 checks so far)")


_ZERO = z3.BitVecVal(0, 1)
_ONE = z3.BitVecVal(1, 1)


def _eq(a: z3.ExprRef, b: z3.ExprRef) -> z3.BoolRef:
    """``a == b`` without the Python operator's coercions (the same hash-consed term)."""
    ctx = a.ctx
    return z3.BoolRef(z3.Z3_mk_eq(ctx.ref(), a.as_ast(), b.as_ast()), ctx)


def _probe_for(fsm: Fsm, states: list[str], classes: list[z3.BoolRef], unders: list[_Under]):
    """Samples inside each class (:mod:`rtlopt.fsm._probe`), or None when not evaluable."""
    from rtlopt.fsm._probe import Probe
    from rtlopt.fsm._symbolic import z3_vars

    exprs: list[z3.ExprRef] = list(classes)
    for t in fsm.transitions:
        if t.src in states:
            exprs.append(t.guard)
            exprs += [v for v, _dc in t.outputs.values()]
    vs: dict[str, z3.ExprRef] = {}
    for e in exprs:
        for v in z3_vars(e):
            vs.setdefault(v.decl().name(), v)
    try:
        return Probe(list(vs.values()), classes, [u.model() for u in unders])
    except (Unsupported, z3.Z3Exception):
        return None


@dataclass
class Table:
    """An explicit machine: ``entries[(state, class)] = (next or None, output-bit ids or None)``.

    Output-bit ids: 0/1 for bits that are constant on the class (as functions, whatever their
    expression), ``2+k`` for the k-th distinct non-constant bit function seen on that class
    (``reps[(class, bit)][k]``). Equal ids on a class <=> equal functions on the class.
    """

    states: list[str]
    reset: str | None
    classes: list[z3.BoolRef]
    out_bits: list[tuple[str, int]]
    entries: dict[tuple[str, int], tuple[str | None, tuple[int | None, ...]]]
    reps: dict[tuple[int, int], list[z3.ExprRef]] = field(default_factory=dict)
    trans: dict[tuple[str, int], Transition | None] = field(default_factory=dict)  # the transition used

    @property
    def n_classes(self) -> int:
        return len(self.classes)

    def completely_specified(self) -> bool:
        return all(n is not None and all(b is not None for b in o) for n, o in self.entries.values())


def _sat(f: z3.BoolRef) -> bool:
    """Satisfiability; exact on truth tables when ``f`` has few variable bits (guards of state
    machines: the report's determinism/completeness checks made one z3 call per transition pair,
    13 s on a 150-state machine), z3 otherwise."""
    from rtlopt.fsm._symbolic import z3_vars
    from rtlopt.fsm._truth import shared

    vs = z3_vars(f)
    if sum(v.size() if z3.is_bv(v) else 1 for v in vs) <= MAX_BITS:
        try:
            return shared(vs).bool(f) != 0
        except Unsupported:
            pass
    s = z3.Solver()
    s.add(f)
    return s.check() == z3.sat


def _implies(a: z3.BoolRef, b: z3.BoolRef) -> bool:
    return not _sat(z3.And(a, z3.Not(b)))
