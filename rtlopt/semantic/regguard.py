"""A guard on state that never changes what it selects: ``g ? x : K`` is ``x`` when, in every reachable
state where ``g`` is false, ``x`` already equals the constant ``K``.

The idiom of tables with valid bits: a predictor entry reset to "weakly not taken" whose output is
``valid[i] ? ctr[i][1] : 1'b0`` -- an untrained counter already predicts not taken, so the valid bits
are read by nothing else and go. Likewise a ``busy ? count : 0`` where ``count`` rests at 0 while idle,
a ``loaded ? data : 0`` whose data register is cleared with the flag. Found by meaning: every
conditional expression with a constant arm whose condition reads a register is a candidate; the
rewrite keeps the other arm, and is offered only when a simulation of the whole design from reset
(random stimulus, resets re-asserted at random; two runs) gives the same outputs as the original. The
search loop measures it and proves it (the induction needs the invariant ``!g -> x == K``).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

RULE = "sequential_redundancy"
#: Conditional expressions tried per design (each costs one Yosys elaboration and two simulations: the
#: generator runs in every round of every optimize run with a register-guarded ternary).
MAX_TRIES = 4


def _registers(text: str) -> set[str]:
    """Names assigned with a nonblocking assignment (the clocked state of the text)."""
    return set(re.findall(r"([A-Za-z_][\w$]*)\s*(?:\[[^\]=;]*\])*\s*<=(?!=)", text))


def _sites(path: Path, text: str):
    """``(start, end, kept arm text, description)`` per ``c ? x : K`` / ``c ? K : x`` whose condition
    reads a register."""
    from rtlopt.templates._sem import analyze

    an = analyze(text, str(path))
    if an.syntax_errors:
        return []
    regs = _registers(text)
    out, seen = [], set()
    for e in an.exprs:
        n = e.node
        if type(n).__name__ != "ConditionalExpression" or len(n.conditions) != 1 \
                or n.conditions[0].pattern is not None or (e.start, e.end) in seen:
            continue
        cs, ce = an.span(n.conditions[0].expr)
        names = set(re.findall(r"[A-Za-z_][\w$]*", text[cs:ce]))
        if not names & regs:
            continue
        for const, keep in ((n.right, n.left), (n.left, n.right)):
            if an.const(const) is None or an.const(keep) is not None:
                continue
            ks, ke = an.span(keep)
            seen.add((e.start, e.end))
            out.append((e.start, e.end, f"({text[ks:ke]})",
                        f"'{text[cs:ce].strip()}' never changes what '{text[e.start:e.end].strip()[:60]}' selects "
                        f"(line {an.line(e.start)})"))
            break
    return out


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    from rtlopt.semantic import seqsim
    from rtlopt.semantic.seqsim import outputs_agree as _sim_agrees

    deadline = time.monotonic() + timeout_s
    sites = [(p, s) for p, t in texts.items() if "?" in t and "<=" in t for s in _sites(p, t)]
    if not sites:
        return []
    net = seqsim.load_texts(texts, top, timeout=max(2.0, deadline - time.monotonic()))
    ok: dict[Path, list] = {}
    out = []
    for p, (s, e, keep, desc) in sites[:MAX_TRIES]:
        if time.monotonic() > deadline:
            break
        new = dict(texts)
        new[p] = texts[p][:s] + keep + texts[p][e:]
        if _sim_agrees(net, new, top, max(2.0, deadline - time.monotonic())) is not False:
            ok.setdefault(p, []).append((s, e, keep))
            out.append((new, desc))
    # every agreeing guard of a file at once (a table's valid bits are read in several places: only
    # when all of them go is the register unread)
    for p, edits in ok.items():
        if len(edits) < 2 or time.monotonic() > deadline:
            continue
        t = texts[p]
        for s, e, keep in sorted(edits, reverse=True):
            t = t[:s] + keep + t[e:]
        new = {**texts, p: t}
        if _sim_agrees(net, new, top, max(2.0, deadline - time.monotonic())) is not False:
            out.insert(0, (new, f"{len(edits)} guards on state that never change what they select"))
    return out


def regguard_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, label="redundant state guard", cap_s=10.0)
