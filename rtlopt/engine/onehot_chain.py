"""Priority chains whose conditions are mutually exclusive in every reachable state.

``if (tok[0]) .. else if (tok[1]) .. else if (tok[2]) ..`` builds a priority mux: each arm is gated by
"no earlier condition". When the conditions are register bits that are never 1 together from reset
(a one-hot state register, a rotating token, a ring counter, a one-hot grant register), the priority
is dead logic and the chain is a parallel AND-OR selection:
``(* parallel_case *) case (1'b1) tok[0]: ..; tok[1]: ..; default: .. endcase`` (Yosys builds a
``$pmux`` without the priority gating, exactly as for the synthesis directive).

Finding is semantic: every if-else-if chain (any names, any register, any arm bodies) whose
conditions are single bits of registers is checked on the gate-level model simulated from reset on
many random input sequences (:mod:`rtlopt.semantic.seqsim`); only chains whose condition bits were
never 1 together are proposed. Syntax is never trusted for exclusivity (the names mean nothing);
the search proves every candidate against the original (the proof needs the reachable-state
invariant, which the sequential engines establish) and measures it.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from rtlopt.engine.candidate import Candidate
from rtlopt.hdl.edit import Edit, apply_edits

RULE = "exclusive_priority_to_parallel"
MIN_ARMS = 3


def _bit_cond(an, expr):
    """``(name, bit offset from the declared LSB)`` for ``name[k]`` / a 1-bit ``name``; else None."""
    from rtlopt.templates._sem import strip

    e = strip(expr)
    k = type(e).__name__
    if k == "NamedValueExpression":
        t = e.symbol.type
        if int(getattr(t, "bitWidth", 0) or 0) != 1:
            return None
        return e.symbol.name, 0
    if k == "ElementSelectExpression" and type(e.value).__name__ == "NamedValueExpression":
        idx = an.const(e.selector)
        if idx is None:  # a parameter index: the elaborated constant
            try:
                cv = e.selector.constant
                idx = None if cv is None or cv.value.hasUnknown else int(cv.value)
            except Exception:  # noqa: BLE001 - pyslang raises assorted errors on odd nodes
                idx = None
        t = e.value.symbol.type
        rng = getattr(t, "range", None) if getattr(t, "hasFixedRange", False) else None
        if idx is None or rng is None or rng.left < rng.right:
            return None
        if not rng.right <= idx <= rng.left:
            return None
        return e.value.symbol.name, idx - rng.right
    return None


def _module_name(syn) -> str | None:
    p = syn
    while p is not None and type(p).__name__ != "ModuleDeclarationSyntax":
        p = p.parent
    if p is None:
        return None
    try:
        return p.header.name.valueText
    except AttributeError:
        return None


def _chains(an, top: str):
    """[(start, end, [(cond (name, bit), cond text, body text)], else text | None, indent)]."""
    out = []
    inner: set[int] = set()
    for st, s, e in an.statements:
        if type(st).__name__ != "ConditionalStatement" or id(st) in inner:
            continue
        arms = []
        cur = st
        default = None
        ok = True
        while True:
            if len(cur.conditions) != 1 or cur.conditions[0].pattern is not None:
                ok = False
                break
            bc = _bit_cond(an, cur.conditions[0].expr)
            if bc is None:
                ok = False
                break
            cs, ce = an.span(cur.conditions[0].expr.syntax)
            bs, be = an.span(cur.ifTrue.syntax)
            arms.append((bc, an.text[cs:ce], an.text[bs:be]))
            nxt = cur.ifFalse
            if nxt is None:
                break
            if type(nxt).__name__ == "ConditionalStatement":
                inner.add(id(nxt))
                cur = nxt
                continue
            ds, de = an.span(nxt.syntax)
            default = an.text[ds:de]
            break
        if not ok or len(arms) < MIN_ARMS or len({a[0] for a in arms}) != len(arms):
            continue
        if _module_name(st.syntax) != top:
            continue
        ls = an.text.rfind("\n", 0, s) + 1
        indent = an.text[ls:s] if not an.text[ls:s].strip() else ""
        out.append((s, e, arms, default, indent))
    return out


def _exclusive(texts: dict[Path, str], top: str, wanted: set[tuple[str, int]], deadline: float | None):
    """The subset of ``wanted`` bits that are flip-flops, with their simulated traces."""
    from rtlopt.semantic import seqsim

    left = 30.0 if deadline is None else max(2.0, min(30.0, deadline - time.monotonic()))
    with tempfile.TemporaryDirectory(prefix="rtlopt-onehot-") as tmp:
        files = []
        for i, (p, text) in enumerate(texts.items()):
            f = Path(tmp) / f"{i}_{Path(p).name}"
            f.write_text(text)
            files.append(f)
        net = seqsim.load(files, top, timeout=left)
    trace = seqsim.simulate(net, cycles=256, words=2)
    qi = net.q_index
    got = {}
    for name, bit in wanted:
        sigs = net.name_bits.get(name)
        if not sigs or bit >= len(sigs) or sigs[bit] not in qi:
            continue
        got[(name, bit)] = trace[:, qi[sigs[bit]], :]
    return got


def onehot_chain_candidates(state) -> list[Candidate]:
    from rtlopt.templates import analyze

    if not any("posedge" in t or "negedge" in t for t in state.texts.values()):
        return []
    found = []
    for path, text in state.texts.items():
        an = analyze(text, str(path))
        if an.syntax_errors:
            continue
        for ch in _chains(an, state.design.top):
            found.append((path, ch))
    if not found:
        return []
    wanted = {a[0] for _p, ch in found for a in ch[2]}
    try:
        traces = _exclusive(state.texts, state.design.top, wanted, state.deadline)
    except Exception:  # noqa: BLE001 - outside the sequential model: no candidates
        return []
    edits: dict[Path, list[Edit]] = {}
    descs = []
    for path, (s, e, arms, default, indent) in found:
        bits = [traces.get(a[0]) for a in arms]
        if any(b is None for b in bits):
            continue
        if not all(b.any() for b in bits):
            continue  # an arm never taken in simulation: too little evidence of the reachable states
        excl = all(not (bits[i] & bits[j]).any() for i in range(len(bits)) for j in range(i + 1, len(bits)))
        if not excl:
            continue
        lines = ["(* parallel_case *)", f"{indent}case (1'b1)"]
        for _bc, ctext, body in arms:
            lines.append(f"{indent}    {ctext}: {body}")
        if default is not None:
            lines.append(f"{indent}    default: {default}")
        lines.append(f"{indent}endcase")
        edits.setdefault(path, []).append(Edit(s, e, "\n".join(lines)))
        descs.append(f"{RULE} at line {state.texts[path].count(chr(10), 0, s) + 1}: {len(arms)} exclusive arms "
                     f"({', '.join(a[1] for a in arms[:3])}{', ...' if len(arms) > 3 else ''})")
    out = []
    for path, eds in edits.items():
        try:
            new = apply_edits(state.texts[path], eds)
        except ValueError:
            continue
        out.append(Candidate(new, "template", (RULE,), "; ".join(descs[:3]), {"file": str(path)}))
    return out
