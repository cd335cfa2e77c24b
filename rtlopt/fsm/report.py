"""Text and JSON reports of extracted and minimized machines (used by ``rtlopt fsm``)."""

from __future__ import annotations

import re

from rtlopt.fsm._verilog import const_text, guard_text
from rtlopt.fsm.dot import moore_outputs, output_text
from rtlopt.fsm.minimize import Minimization
from rtlopt.fsm.model import Fsm


def _transitions(f: Fsm) -> list[dict]:
    rows = []
    moore = {s: moore_outputs(f, s) for s in f.states}
    for t in f.transitions:
        rows.append({"from": t.src, "to": t.dst if t.dst is not None else "*",
                     "guard": guard_text(t.guard, f.inputs),
                     "outputs": None if moore[t.src] else output_text(f, t.outputs, t.guard)})
    return rows


def fsm_text(f: Fsm, m: Minimization | None, mf: Fsm | None) -> str:
    """Human-readable report of one machine."""
    L: list[str] = []
    src = f.source
    where = f" ({src.file}:{src.line})" if src else ""
    L.append(f"FSM {f.name}{where}")
    if f.state_reg:
        L.append(f"  state register: {f.state_reg} [{f.width} bits]")
    if src:
        clk = f"{src.clock[0]} {src.clock[1]}"
        rst = (f"{src.reset[0]} (active {'high' if src.reset[1] else 'low'}, "
               f"{'asynchronous' if src.reset[2] else 'synchronous'})") if src.reset else "none"
        L.append(f"  clock: {clk}; reset: {rst}")
    L.append(f"  inputs: {', '.join(f'{n}[{w}]' if w > 1 else n for n, w in f.inputs.items()) or '-'}")
    L.append(f"  outputs: {', '.join(f'{n}[{w}]' if w > 1 else n for n, w in f.outputs.items()) or '-'}"
             + (f" (registered: {', '.join(src.registered_outputs)})" if src and src.registered_outputs else ""))
    L.append(f"  kind: {'Moore' if f.is_moore() else 'Mealy'}")
    L.append(f"  states ({len(f.states)}), reset state {f.reset}:")
    for s in f.states:
        code = f" = {const_text(f.codes[s], f.width)}" if s in f.codes and f.width else ""
        tags = []
        if s == f.reset:
            tags.append("reset")
        if s in f.unreachable:
            tags.append("UNREACHABLE")
        if s in f.dont_care_states:
            tags.append("declared unreachable")
        mo = moore_outputs(f, s)
        if mo:
            tags.append(mo)
        L.append(f"    {s}{code}" + (f"  ({'; '.join(tags)})" if tags else ""))
    L.append("  transitions:")
    for r in _transitions(f):
        tail = f" / {r['outputs']}" if r["outputs"] else ""
        L.append(f"    {r['from']} -> {r['to']}: {r['guard']}{tail}")
    chk = f.check_guards()
    L.append(f"  deterministic: {'yes' if not chk['nondeterministic'] else 'NO: ' + '; '.join(chk['nondeterministic'])}")
    L.append("  complete: " + ("yes" if not chk["incomplete"] else
                               "no (don't-care inputs in " + ", ".join(chk["incomplete"]) + ")"))
    L.append(f"  unreachable states: {', '.join(f.unreachable) or 'none'}")
    dead = f.dead_transitions()
    if dead:
        L.append(f"  dead transitions: {len(dead)} (" + ", ".join(f"{t.src}->{t.dst or '*'}" for t in dead[:8])
                 + (" ..." if len(dead) > 8 else "") + ")")
    for n in f.notes:
        L.append(f"  note: {n}")
    if src and src.regen_blockers:
        L.append(f"  cannot regenerate: {'; '.join(src.regen_blockers)}")
    if m is not None and mf is not None:
        eq = m.equivalence_classes()
        kind = "equivalent" if m.method == "partition" else "merged (compatible)"
        unmodelled = unmodelled_outputs(f)
        qual = f" (on the modelled outputs only; {', '.join(unmodelled)} not modelled)" if unmodelled else ""
        L.append(f"  {kind} states{qual}: " + (", ".join("{" + ", ".join(b) + "}" for b in eq) if eq else "none"))
        status = ("optimal" if m.optimal else
                  f"not proven minimum: lower bound {m.lower_bound}, gap {m.n_after - m.lower_bound}")
        L.append(f"  minimized: {m.n_before} -> {m.n_after} states ({m.method}, {status}, "
                 f"{m.seconds * 1000:.0f} ms)")
        if m.n_after < m.n_before:
            sts = []
            for st in mf.states:
                mo = moore_outputs(mf, st)
                sts.append(st + (" (reset" if st == mf.reset else "") +
                           ((("; " if st == mf.reset else " (") + mo) if mo else "") +
                           (")" if st == mf.reset or mo else ""))
            L.append("    states: " + ", ".join(sts))
            for r in _transitions(mf):
                tail = f" / {r['outputs']}" if r["outputs"] else ""
                L.append(f"    {r['from']} -> {r['to']}: {r['guard']}{tail}")
    return "\n".join(L)


def unmodelled_outputs(f: Fsm) -> list[str]:
    """Outputs whose logic the extractor did not model (memories, datapath): a state merge found on
    the machine says nothing about them, so reports must say the equivalence is over control outputs."""
    src = f.source
    names = []
    for b in (src.regen_blockers if src else []):
        mo = re.match(r"output (\S+) depends on logic that is not modelled", b)
        if mo:
            names.append(mo.group(1))
    return names


def fsm_json(f: Fsm, m: Minimization | None, mf: Fsm | None) -> dict:
    """JSON-ready dict of one machine."""
    src = f.source
    chk = f.check_guards()
    doc = {
        "name": f.name, "state_register": f.state_reg, "width": f.width,
        "file": src.file if src else None, "line": src.line if src else None,
        "clock": list(src.clock) if src else None,
        "reset": ({"signal": src.reset[0], "active_high": src.reset[1], "asynchronous": src.reset[2]}
                  if src and src.reset else None),
        "inputs": f.inputs, "outputs": f.outputs, "moore": f.is_moore(),
        "states": [{"name": s, "code": f.codes.get(s), "reset": s == f.reset, "reachable": s not in f.unreachable,
                    "outputs": moore_outputs(f, s)} for s in f.states],
        "reset_state": f.reset, "transitions": _transitions(f), "unreachable": f.unreachable,
        "deterministic": not chk["nondeterministic"], "complete": not chk["incomplete"],
        "nondeterminism": chk["nondeterministic"], "incomplete_states": chk["incomplete"],
        "notes": f.notes, "regeneration_blockers": src.regen_blockers if src else [],
    }
    if m is not None and mf is not None:
        doc["minimization"] = {
            "unmodelled_outputs": unmodelled_outputs(f),
            "method": m.method, "optimal": m.optimal, "lower_bound": m.lower_bound,
            "gap": m.n_after - m.lower_bound,
            "states_before": m.n_before, "states_after": m.n_after, "seconds": round(m.seconds, 4),
            "classes": [list(b) for b in m.blocks], "state_map": m.state_map(),
            "machine": {"states": mf.states, "reset": mf.reset, "transitions": _transitions(mf)},
        }
    return doc
