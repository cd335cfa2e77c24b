"""Registered outputs that only mirror the state ("shadow" registers of one-process machines).

A one-process FSM often registers its outputs in the arms (``level <= 1'b1`` when entering DOWN,
``level <= 1'b0`` when entering UP, held otherwise). When such a register's value is, in every
reachable state, a constant of that state (an inductive invariant: true at reset and preserved by every
transition), it is a Moore output of the state and needs no flip-flop of its own: the machine can drive
it from the state register (with the output encoding, as a state bit). :func:`moorize` finds these
registers and returns the machine with them turned into Moore outputs; the equivalence checker proves
the regenerated design as usual.
"""

from __future__ import annotations

import dataclasses

import z3

from rtlopt.fsm._symbolic import bv_const, var_names
from rtlopt.fsm.model import Fsm, Transition


def _const_under(e: z3.ExprRef, guard: z3.BoolRef) -> int | None:
    e = z3.simplify(e)
    if z3.is_bv_value(e):
        return e.as_long()
    s = z3.Solver()
    s.set("timeout", 5000)
    s.add(guard)
    if s.check() != z3.sat:
        return None
    v = s.model().eval(e, model_completion=True)
    s.add(e != v)
    return v.as_long() if s.check() == z3.unsat else None


def state_functions(fsm: Fsm) -> dict[str, dict[str, int]]:
    """Registered outputs whose value is a constant of the (reachable) state: output -> state -> value."""
    src = fsm.source
    if src is None or fsm.reset is None:
        return {}
    reach = fsm.reachable
    out: dict[str, dict[str, int]] = {}
    for r, rv in src.registered_outputs.items():
        w = fsm.outputs.get(r)
        if w is None or rv is None:
            continue
        full = (1 << w) - 1
        f: dict[str, int] = {fsm.reset: rv & full}
        todo = [fsm.reset]
        ok = True
        while todo and ok:
            s = todo.pop()
            for t in fsm.out_of(s):
                if t.dst is None:
                    ok = False
                    break
                e, dc = t.outputs.get(r, (None, full))
                if e is None or dc:
                    ok = False
                    break
                me = (z3.BitVec(r, w), bv_const(f[s], w))
                e = z3.substitute(e, me) if r in var_names(e) else e
                g = z3.simplify(z3.substitute(t.guard, me)) if r in var_names(t.guard) else t.guard
                if z3.is_false(g):
                    continue
                v = _const_under(e, g)
                if v is None:
                    ok = False
                    break
                if t.dst in f:
                    if f[t.dst] != v:
                        ok = False
                        break
                else:
                    f[t.dst] = v
                    todo.append(t.dst)
        if ok and set(f) >= set(reach):
            out[r] = {s: f[s] for s in reach}
    return out


def moorize(fsm: Fsm) -> Fsm | None:
    """``fsm`` restricted to its reachable states with every shadow register turned into a Moore output
    (its flip-flop dropped; reads of it replaced by the state's constant). None when there is none."""
    funcs = state_functions(fsm)
    if not funcs:
        return None
    reach = fsm.reachable
    transitions: list[Transition] = []
    for t in fsm.transitions:
        if t.src not in reach:
            continue
        subs = [(z3.BitVec(r, fsm.outputs[r]), bv_const(f[t.src], fsm.outputs[r])) for r, f in funcs.items()]
        g = z3.simplify(z3.substitute(t.guard, *subs))
        outs = {}
        for o, (e, dc) in t.outputs.items():
            if o in funcs:
                outs[o] = (bv_const(funcs[o][t.src], fsm.outputs[o]), 0)
            else:
                outs[o] = (z3.simplify(z3.substitute(e, *subs)), dc)
        transitions.append(Transition(t.src, t.dst, g, outs))
    used: set[str] = set()
    for t in transitions:
        used |= var_names(t.guard)
        for e, _dc in t.outputs.values():
            used |= var_names(e)
    inputs = {n: w for n, w in fsm.inputs.items() if n in used and n not in funcs}
    src = fsm.source
    new_src = dataclasses.replace(
        src, registered_outputs={o: v for o, v in src.registered_outputs.items() if o not in funcs},
        output_is_variable={**src.output_is_variable, **{o: True for o in funcs}})
    return Fsm(name=fsm.name, states=list(reach), reset=fsm.reset, inputs=inputs, outputs=dict(fsm.outputs),
               transitions=transitions, codes={s: c for s, c in fsm.codes.items() if s in reach},
               state_reg=fsm.state_reg, width=fsm.width, source=new_src,
               notes=list(fsm.notes) + [f"registered outputs {', '.join(sorted(funcs))} mirror the state"])
