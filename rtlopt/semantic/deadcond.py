"""Dead guards: an ``if`` condition that is false in every reachable state, because of invariants
the sequential-redundancy finder proved (a one-hot state register's "exactly one bit set", two
events a sibling raises from the two arms of one if/else), becomes ``1'b0`` in the source (the
recovery branch of a defensive one-hot check, the guard of an error state), so synthesis drops
the branch and the logic only it reads.

Finding: only after :func:`rtlopt.semantic.seqsim.find_classes` proved helper invariants (mutual
exclusions / one-hot groups of flip-flops) for the design; the conditions of ``if`` statements that
read a variable those flip-flops live in are each replaced by ``1'b0``, kept when a simulation from
reset shows the outputs unchanged (:func:`seqsim.outputs_agree`). Nothing here is trusted: the
search loop measures each candidate and the verifier proves it like any other.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from rtlopt.semantic import seqsim

RULE = "sequential_redundancy"
MAX_CONDS = 6
#: seconds the search gives the dead-guard checks (one Yosys load and simulation per guard)
TIME_S = 12.0

_IF = re.compile(r"\bif\s*\(")
_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")


def _strip_comments(t: str) -> str:
    """``t`` with comments blanked (same length: offsets stay valid)."""
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r"//[^\n]*|/\*.*?\*/", blank, t, flags=re.S)


def _conditions(text: str) -> list[tuple[int, int]]:
    """(start, end) of the parenthesised condition of every ``if`` (contents, without parentheses)."""
    clean = _strip_comments(text)
    out = []
    for m in _IF.finditer(clean):
        i, depth = m.end(), 1
        while i < len(clean) and depth:
            depth += {"(": 1, ")": -1}.get(clean[i], 0)
            i += 1
        if depth == 0:
            out.append((m.end(), i - 1))
    return out


def _helper_names(net: seqsim.GateNet, clauses: list) -> set[str]:
    """Simple identifiers (last hierarchy component) of the flip-flops the proven helper invariants
    talk about."""
    names: set[str] = set()
    for c in clauses:
        for j, _v in c:
            for n, _b in net.names.get(net.flops[j].q, []):
                names.add(re.split(r"[.\\]", n)[-1])
    return names


_ASSIGN = re.compile(r"\b(?:assign|wire|logic)\s+(?:\[[^\]]*\]\s*)?([A-Za-z_][A-Za-z0-9_$]*)\s*=\s*([^;]*);")


def _through_wires(texts: dict[Path, str], names: set[str]) -> set[str]:
    """``names`` plus the continuously assigned nets computed from them (a 'legal' flag of the
    state vector), to a fixed point."""
    defs = [(m.group(1), set(_ID.findall(m.group(2))))
            for t in texts.values() for m in _ASSIGN.finditer(_strip_comments(t))]
    names = set(names)
    changed = True
    while changed:
        changed = False
        for lhs, rhs in defs:
            if lhs not in names and rhs & names:
                names.add(lhs)
                changed = True
    return names


def candidates(texts: dict[Path, str], top: str, net: seqsim.GateNet, timeout_s: float = 20.0) -> list:
    """[(new texts, description)]: each dead guard alone, then all of them together."""
    clauses = net._cands.get("proven_clauses")
    if not clauses:
        return []
    names = _helper_names(net, clauses)
    if not names:
        return []
    names = _through_wires(texts, names)
    deadline = time.monotonic() + timeout_s
    dead: list[tuple[Path, int, int, str]] = []
    tried = 0
    for p, t in texts.items():
        for s, e in _conditions(t):
            cond = t[s:e]
            if cond.strip() in ("1'b0", "0") or not (set(_ID.findall(cond)) & names):
                continue
            if tried >= MAX_CONDS or time.monotonic() > deadline:
                break
            tried += 1
            new = dict(texts)
            new[p] = t[:s] + "1'b0" + t[e:]
            ok = seqsim.outputs_agree(net, new, top, max(3.0, deadline - time.monotonic()))
            if ok:
                dead.append((p, s, e, " ".join(cond.split())))
    out = []
    for p, s, e, cond in dead:
        out.append(({**texts, p: texts[p][:s] + "1'b0" + texts[p][e:]}, f"dead guard '{cond}'"))
    if len(dead) > 1:
        new = dict(texts)
        for p, s, e, _c in sorted(dead, key=lambda x: (str(x[0]), -x[1])):
            new[p] = new[p][:s] + "1'b0" + new[p][e:]
        if seqsim.outputs_agree(net, new, top, max(3.0, deadline - time.monotonic())):
            out.insert(0, (new, "dead guards " + "; ".join(f"'{c}'" for *_x, c in dead[:3])))
    return out
