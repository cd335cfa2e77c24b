"""An operand of an AND / OR that the other operand already implies in every reachable state.

``status & enable`` where a status bit is only ever set while its enable is set (and dropped when the
enable clears): ``status[i] -> enable[i]`` in every state reachable from reset, so the AND is
``status``. ``eop && !eop_q`` where ``eop_q`` is last cycle's ``eop`` and the sibling that raises
``eop`` never raises it two cycles in a row: ``eop -> !eop_q``, the edge detector is ``eop`` (and the
delay flip-flop goes). Dually ``a | b`` is ``b`` when ``a -> b`` bitwise. The implication is an
invariant of the registers (not of the logic): synthesis cannot see it.

Found by meaning: every ``&&`` / ``&`` / ``||`` / ``|`` (bitwise ones of equal operand widths) of two
non-constant pure operands is a site per simple operand (a name, a select, its negation), the
candidate keeps the other one; at most :data:`MAX_TRIES` are tried, those reading a register (a name
assigned with ``<=`` anywhere in the design) first, then wires and ports (a child's register output,
a strobe a sibling drives).
It is offered only when a simulation of the whole design from reset (random stimulus, resets
re-asserted at random; two runs, :func:`rtlopt.semantic.regguard.agreeing_edits`) gives the same
outputs; the search measures it and the verifier proves it from reset (the induction needs the
implication as an invariant: ABC's PDR finds it; UNKNOWN is no proof).
"""

from __future__ import annotations

import re
from pathlib import Path

from rtlopt.semantic.regguard import _registers, agreeing_edits

RULE = "sequential_redundancy"
#: Operands tried per design (each costs one Yosys elaboration and two simulations).
MAX_TRIES = 8
_AND = {"LogicalAnd": "&&", "BinaryAnd": "&", "LogicalOr": "||", "BinaryOr": "|"}
_SIMPLE = re.compile(r"^[(\s]*[!~]?\s*[A-Za-z_][\w$]*(?:\s*\[[^\[\]]*\])*[)\s]*$")


def _sites(path: Path, text: str, regs: set[str]) -> list[tuple[int, tuple[int, int, str, str]]]:
    """``(rank, (start, end, kept operand text, description))`` per droppable operand."""
    from rtlopt.templates._sem import analyze, is_pure, names_in, op_name, paren, self_width, strip

    an = analyze(text, str(path))
    if an.syntax_errors:
        return []
    out, seen = [], set()
    for e in an.exprs:
        n = e.node
        if type(n).__name__ != "BinaryExpression" or op_name(n) not in _AND or (e.start, e.end) in seen:
            continue
        seen.add((e.start, e.end))
        op = op_name(n)
        left, right = strip(n.left), strip(n.right)
        if not (is_pure(left) and is_pure(right)) or an.const(left) is not None or an.const(right) is not None:
            continue
        wl, wr = self_width(left), self_width(right)
        if wl is None or wr is None:
            continue
        logical = op.startswith("Logical")
        if not logical and not (wl == wr == (self_width(n) or 0)):
            continue
        for drop, keep, wk in ((right, left, wl), (left, right, wr)):
            ds, de = an.span(drop)
            ks, ke = an.span(keep)
            kt = paren(text[ks:ke])
            if logical and wk != 1:
                kt = f"(|{kt})"
            dt = text[ds:de].strip()
            if not _SIMPLE.match(dt):
                # a reduction or a compare implied by the other operand is a deeper invariant: heldout19
                # eventlog's 'tick' -> '~&ts' agreed in simulation but took the search's whole proof
                # slot (UNKNOWN at 60 s) that the proven rewrites of the same round needed
                continue
            # registers of this text first (a wire from a child's register, a port a sibling drives: next)
            rank = 0 if names_in(drop) & regs else 1, de - ds
            kd = text[ks:ke].strip()[:40]
            a, b = (kd, dt[:40]) if "And" in op else (dt[:40], kd)
            out.append((rank, (e.start, e.end, kt, f"'{a}' implies '{b}' in every reachable state: "
                               f"'{_AND[op]}' of line {an.line(e.start)} is '{kd}'")))
    return out


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    if not any("<=" in t for t in texts.values()):
        return []
    regs: set[str] = set()
    for t in texts.values():
        regs |= _registers(t)
    if not regs:
        return []
    ranked = [(r, p, s) for p, t in texts.items() if "&" in t or "|" in t for r, s in _sites(p, t, regs)]
    ranked.sort(key=lambda x: x[0])
    sites = [(p, s) for _, p, s in ranked]
    return agreeing_edits(texts, top, sites, timeout_s, MAX_TRIES, "operands implied by the other operand",
                          strict=True)


def andimply_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, label="implied operand", cap_s=8.0)
