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
    sites = [(p, s) for p, t in texts.items() if "?" in t and "<=" in t for s in _sites(p, t)]
    return agreeing_edits(texts, top, sites, timeout_s, MAX_TRIES, "guards on state that never change what they select")


def agreeing_edits(texts: dict[Path, str], top: str, sites: list, timeout_s: float, max_tries: int,
                   joint: str, strict: bool = False) -> list[tuple[dict[Path, str], str]]:
    """Each ``(path, (start, end, replacement, description))`` site whose replacement keeps the whole
    design's outputs in a simulation from reset (:func:`seqsim.outputs_agree`, the original simulated
    once), then every agreeing site of a file at once (checked jointly; of nested sites the one that
    starts later) first. ``strict``: a simulation without a verdict (None) does not count as agreeing."""
    from rtlopt.semantic import seqsim
    from rtlopt.semantic.seqsim import outputs_agree as _sim_agrees

    if not sites:
        return []
    deadline = time.monotonic() + timeout_s
    net = seqsim.load_texts(texts, top, timeout=max(2.0, deadline - time.monotonic()))
    ok: dict[Path, list] = {}
    out = []
    tries = 0
    for p, (s, e, keep, desc) in sites:
        if time.monotonic() > deadline or tries >= max_tries:
            break
        if any((s, e) == (s2, e2) for s2, e2, _ in ok.get(p, ())):
            continue  # the same expression already taken (its other operand)
        tries += 1
        new = dict(texts)
        new[p] = texts[p][:s] + keep + texts[p][e:]
        verdict = _sim_agrees(net, new, top, max(2.0, deadline - time.monotonic()))
        if verdict is True or (verdict is None and not strict):
            ok.setdefault(p, []).append((s, e, keep))
            out.append((new, desc))
    # every agreeing site of a file at once (a table's valid bits are read in several places: only
    # when all of them go is the register unread)
    for p, edits in ok.items():
        if len(edits) < 2 or time.monotonic() > deadline:
            continue
        t, last = texts[p], len(texts[p]) + 1
        for s, e, keep in sorted(edits, reverse=True):
            if e <= last:  # of nested sites only one (sites do not overlap otherwise)
                t, last = t[:s] + keep + t[e:], s
        new = {**texts, p: t}
        verdict = _sim_agrees(net, new, top, max(2.0, deadline - time.monotonic()))
        if verdict is True or (verdict is None and not strict):
            out.insert(0, (new, f"{len(edits)} {joint}"))
    return out


def regguard_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, label="redundant state guard", cap_s=10.0)
