"""Datapath registers of a machine narrowed to the values they reach per state.

A timer that lives in the machine's arms (``t <= st[WARN] ? t + 1 : 0``; ``if (t == HOLD - 1) ...
t <= 0``) is bounded by the machine, not by its own update: it counts only in WARN, and WARN is left
at ``t == 39``. The register's own syntax (the width templates) sees a free-running ``t + 1``; the
extracted machine sees, per state, the guard of every transition and the register's next value.

:func:`register_bounds` finds per-state upper bounds ``t <= B[s]`` by a least fixed point over
candidate constants (those of the machine's guards and updates, +-1, and ``2^k - 1``): start from
the reset value in the reset state and raise ``B[dst]`` to the next candidate whenever a transition
from ``s`` with ``t <= B[s]`` can write a larger value. :func:`narrowed_machine` rewrites the
machine over a ``b``-bit register (``t`` := its zero-extension) and :func:`narrow_declaration`
edits the register's declaration in the regenerated text. The analysis only proposes: the
equivalence proof of the whole candidate is what makes it a rewrite (the bound is its invariant).
"""

from __future__ import annotations

import re

import z3

from rtlopt.fsm.model import Fsm, Transition

#: Most z3 checks one register's bounds may take (each raises one state's bound to the next candidate).
MAX_CHECKS = 400


def _consts(e: z3.ExprRef, width: int, out: set[int], budget: list[int]) -> None:
    todo = [e]
    while todo and budget[0] > 0:
        budget[0] -= 1
        x = todo.pop()
        if z3.is_bv_value(x):
            if x.size() == width:
                out.add(x.as_long())
        elif z3.is_app(x):
            todo.extend(x.children())


def register_bounds(fsm: Fsm, reg: str, reset_value: int) -> dict[str, int] | None:
    """Per-state upper bounds of the registered output ``reg`` that the machine also reads (a
    timer in its arms), or None when one transition's next value is unknown or don't-care."""
    width = fsm.outputs.get(reg)
    if not width or fsm.inputs.get(reg) != width or fsm.reset is None:
        return None
    r = z3.BitVec(reg, width)
    top = (1 << width) - 1
    consts: set[int] = {0, reset_value}
    budget = [20000]
    for tr in fsm.transitions:
        e, dc = tr.outputs.get(reg, (None, -1))
        if e is None or dc:
            return None
        _consts(tr.guard, width, consts, budget)
        _consts(e, width, consts, budget)
    cands = sorted({c + d for c in consts for d in (-1, 0, 1) if 0 <= c + d <= top}
                   | {(1 << k) - 1 for k in range(1, width + 1)})
    bound: dict[str, int] = {fsm.reset: min(c for c in cands if c >= reset_value)}
    checks = 0
    changed = True
    while changed:
        changed = False
        for tr in fsm.transitions:
            if tr.dst is None or tr.src not in bound:
                continue
            e = tr.outputs[reg][0]
            have = bound.get(tr.dst)
            s = z3.Solver()
            s.set("timeout", 2000)
            s.add(z3.ULE(r, bound[tr.src]), tr.guard)
            if have is not None:
                s.add(z3.UGT(e, have))
            checks += 1
            if checks > MAX_CHECKS:
                return None
            res = s.check()
            if res == z3.unknown:
                return None
            if res == z3.unsat:
                continue
            v = s.model().eval(e, model_completion=True).as_long()
            bound[tr.dst] = min(c for c in cands if c >= max(v, have or 0))
            changed = True
    return bound


def narrowable(fsm: Fsm) -> dict[str, int]:
    """{register: bits} for the machine's reset registered outputs that it reads itself and whose
    per-state bounds (:func:`register_bounds`) fit in fewer bits than declared."""
    src = fsm.source
    if src is None:
        return {}
    out: dict[str, int] = {}
    for reg, rv in src.registered_outputs.items():
        if rv is None or reg not in fsm.inputs:
            continue
        try:
            b = register_bounds(fsm, reg, rv)
        except z3.Z3Exception:
            b = None
        if not b:
            continue
        bits = max(1, max(b.values()).bit_length())
        if bits < fsm.outputs[reg]:
            out[reg] = bits
    return out


def narrowed_machine(fsm: Fsm, regs: dict[str, int]) -> Fsm:
    """``fsm`` over ``bits``-wide registers (``regs``: name -> bits): every read of the register is its
    zero-extension, its next value the low bits."""
    subs, widths = [], {}
    for reg, bits in regs.items():
        w = fsm.outputs[reg]
        subs.append((z3.BitVec(reg, w), z3.ZeroExt(w - bits, z3.BitVec(reg, bits))))
        widths[reg] = bits

    def sub(e: z3.ExprRef) -> z3.ExprRef:
        return z3.simplify(z3.substitute(e, *subs))

    trans = []
    for tr in fsm.transitions:
        outs = {}
        for o, (e, dc) in tr.outputs.items():
            e2 = sub(e)
            if o in widths:
                e2 = z3.simplify(z3.Extract(widths[o] - 1, 0, e2))
                dc &= (1 << widths[o]) - 1
            outs[o] = (e2, dc)
        trans.append(Transition(tr.src, tr.dst, sub(tr.guard), outs))
    inputs = {n: widths.get(n, w) for n, w in fsm.inputs.items()}
    outputs = {n: widths.get(n, w) for n, w in fsm.outputs.items()}
    return Fsm(name=fsm.name, states=list(fsm.states), reset=fsm.reset, inputs=inputs, outputs=outputs,
               transitions=trans, codes=dict(fsm.codes), state_reg=fsm.state_reg, width=fsm.width,
               unreachable=list(fsm.unreachable), dont_care_states=list(fsm.dont_care_states),
               source=fsm.source, notes=list(fsm.notes))


def _strip(text: str) -> str:
    """``text`` with comments and strings blanked (same length: offsets stay)."""
    return re.sub(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\])*\"", lambda m: re.sub(r"[^\n]", " ", m.group()),
                  text, flags=re.S)


_DECL = re.compile(r"(?m)^([ \t]*)(reg|logic|bit)([ \t]+)(\[[^\]\n;]+\])([ \t]*)([A-Za-z_][\w$]*(?:[ \t]*,[ \t]*"
                   r"[A-Za-z_][\w$]*)*)([ \t]*);")


def _module_span(clean: str, name: str, inside: int) -> tuple[int, int] | None:
    for m in re.finditer(rf"(?<![\w$])module\s+{re.escape(name)}(?![\w$])", clean):
        end = clean.find("endmodule", m.end())
        if m.start() <= inside and end > inside:
            return m.start(), end
    return None


def read_outside(fsm: Fsm, reg: str) -> bool:
    """Whether the module reads ``reg`` anywhere outside the machine's blocks and its one plain
    declaration (such a read may be width-sensitive: a concatenation, a reduction)."""
    src = fsm.source
    if src is None or not src.blocks:
        return True
    clean = _strip(src.text)
    span = _module_span(clean, src.module, min(a for a, _ in src.blocks))
    if span is None:
        return True
    chars = list(clean)
    for a, b in src.blocks:
        chars[a:b] = " " * (b - a)
    body = "".join(chars)[span[0]:span[1]]
    hits = len(re.findall(rf"(?<![\w$.]){re.escape(reg)}(?![\w$])", body))
    decls = [m for m in _DECL.finditer(body) if reg in re.split(r"[ \t]*,[ \t]*", m.group(6))]
    return len(decls) != 1 or hits != 1


def _width_safe_reads(body: str, reg: str) -> bool:
    """Every read of ``reg`` in ``body`` (comments blanked) is an operand whose value, not width,
    matters once the register is narrower: not selected (``t[11]``), concatenated or replicated
    (``{t, x}``), reduced (``&t``), negated bitwise (``~t``, self-sized in a compare) or passed to a
    call or port (``f(t)``, ``.p(t)``); context-sized operands (``t == 39``, ``t + 1``) zero-extend."""
    for m in re.finditer(rf"(?<![\w$.']){re.escape(reg)}(?![\w$])", body):
        after = body[m.end():].lstrip()
        before = body[:m.start()].rstrip()
        if after.startswith(("[", "'", "(")):
            return False
        if before.endswith(("{", ",", "~", "!", "&", "|", "^", "(", "'")) and not before.endswith(
                ("&&", "||", "==", "!=")):
            if before.endswith("(") and re.search(r"(?:\bif|\bcase|\bcasez|\bcasex|[=<>?:+\-*(&|^!]|^)\s*\($",
                                                  before[-40:]):
                continue  # a parenthesised operand or condition
            return False
        if after.startswith(("}", ",")):
            return False
    return True


def declaration_only(fsm: Fsm, reg: str) -> bool:
    """Whether narrowing ``reg``'s declaration alone keeps every read of it exact (given its bound):
    read only in the machine's blocks, never as a port, each read width-safe (:func:`_width_safe_reads`)."""
    src = fsm.source
    if src is None or not src.blocks or read_outside(fsm, reg):
        return False
    clean = _strip(src.text)
    return all(_width_safe_reads(clean[a:b], reg) for a, b in src.blocks)


def narrow_declaration(text: str, module: str, anchor: int, reg: str, bits: int, note: str = "") -> str | None:
    """``text`` with the one plain declaration of ``reg`` in ``module`` (the module around offset
    ``anchor``) declared ``[bits-1:0]`` (with ``note`` as a comment); a declaration of several names is
    split. None when it is not one plain unsigned packed declaration."""
    clean = _strip(text)
    span = _module_span(clean, module, anchor)
    if span is None:
        return None
    found = [m for m in _DECL.finditer(clean, span[0], span[1])
             if reg in re.split(r"[ \t]*,[ \t]*", m.group(6))]
    if len(found) != 1:
        return None
    m = found[0]
    ind, kw = m.group(1), m.group(2)
    names = re.split(r"[ \t]*,[ \t]*", m.group(6))
    rng = f"[{bits - 1}:0]" if bits > 1 else ""
    mine = f"{ind}{kw}{' ' + rng if rng else ''} {reg};" + (f"  // rtlopt: {note}" if note else "")
    others = [n for n in names if n != reg]
    # a declaration of several names keeps the others in it; the register gets a line of its own
    new = f"{ind}{kw}{m.group(3)}{m.group(4)}{m.group(5)}{', '.join(others)};\n{mine}" if others else mine
    return text[:m.start()] + new + text[m.end():]
