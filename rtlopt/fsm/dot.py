"""State diagrams: a plain DOT writer (no pydot) and SVG through Graphviz ``dot`` when installed."""

from __future__ import annotations

import z3

from rtlopt.fsm._verilog import NotPrintable, const_text, expr_text, guard_text
from rtlopt.fsm.model import Fsm


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def output_text(fsm: Fsm, outs: dict, guard: z3.BoolRef | None = None) -> str:
    """``Z=1, y=a`` for an output map ``{name: (expr, dc_mask)}`` (restricted to ``guard``)."""
    parts = []
    for o, (e, dc) in outs.items():
        w = fsm.outputs.get(o, e.size())
        if dc == (1 << w) - 1:
            parts.append(f"{o}=-")
            continue
        v = z3.simplify(e)
        if guard is not None and not z3.is_bv_value(v):
            from rtlopt.fsm.encode import _const_under
            v = _const_under(v, guard)
        try:
            txt = const_text(v.as_long(), w) if z3.is_bv_value(v) else expr_text(v)
        except NotPrintable:
            txt = str(v)
        if z3.is_bv_value(v) and w == 1:
            txt = str(v.as_long())
        if dc:
            txt += f" (dc mask {dc:#x})"
        parts.append(f"{o}={txt}")
    return ", ".join(parts)


def moore_outputs(fsm: Fsm, state: str) -> str | None:
    """The state's output text when it does not depend on inputs, else None."""
    texts = {output_text(fsm, t.outputs) for t in fsm.out_of(state)}
    if len(texts) == 1:
        only = texts.pop()
        if not any(n in only for n in fsm.inputs):
            return only
    return None


def to_dot(fsm: Fsm) -> str:
    """DOT text: reset state double-circled, unreachable states dashed, edges labelled guard / outputs."""
    lines = [f"digraph {_q(fsm.name)} {{", "  rankdir=LR;", '  node [shape=circle, fontname="Helvetica"];',
             '  edge [fontname="Helvetica", fontsize=10];']
    unreach = set(fsm.unreachable)
    moore = {s: moore_outputs(fsm, s) for s in fsm.states}
    for s in fsm.states:
        label = s
        if s in fsm.codes and fsm.width:
            label += f"\n{const_text(fsm.codes[s], fsm.width)}"
        if moore[s]:
            label += f"\n{moore[s]}"
        attrs = [f"label={_q(label)}"]
        if s == fsm.reset:
            attrs.append("shape=doublecircle")
        if s in unreach:
            attrs.append("style=dashed")
        lines.append(f"  {_q(s)} [{', '.join(attrs)}];")
    if fsm.reset:
        lines.append('  "__reset" [shape=point, label=""];')
        lines.append(f'  "__reset" -> {_q(fsm.reset)};')
    for t in fsm.transitions:
        g = guard_text(t.guard, fsm.inputs)
        lab = g if g != "1'b1" else ""
        if not moore[t.src] and t.outputs:
            lab += f" / {output_text(fsm, t.outputs, t.guard)}"
        dst = t.dst if t.dst is not None else "__dc"
        if t.dst is None and '"__dc"' not in "\n".join(lines):
            lines.append('  "__dc" [shape=plaintext, label="*"];')
        lines.append(f"  {_q(t.src)} -> {_q(dst)} [label={_q(lab.strip())}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_svg(fsm: Fsm) -> str:
    """SVG text rendered by Graphviz ``dot`` (raises ToolNotFound with an install hint when absent)."""
    from rtlopt.tools.graphviz import Graphviz

    return Graphviz().svg(to_dot(fsm))
