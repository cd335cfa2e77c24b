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
    # one try per condition text (a guard repeated in several arms is tried at all its places at
    # once); the conditions reading more of the invariant's flops first (a mutual exclusion's pair)
    groups: dict[str, list[tuple[Path, int, int]]] = {}
    for p, t in texts.items():
        for s, e in _conditions(t):
            cond = t[s:e]
            if cond.strip() in ("1'b0", "0") or not (set(_ID.findall(cond)) & names):
                continue
            groups.setdefault(" ".join(cond.split()), []).append((p, s, e))
    order = sorted(groups, key=lambda c: (-len(set(_ID.findall(c)) & names), groups[c][0][1]))

    def apply(sites) -> dict[Path, str]:
        new = dict(texts)
        for p, s, e in sorted(sites, key=lambda x: (str(x[0]), -x[1])):
            new[p] = new[p][:s] + "1'b0" + new[p][e:]
        return new

    dead: list[str] = []
    for cond in order[:MAX_CONDS]:
        if time.monotonic() > deadline:
            break
        if seqsim.outputs_agree(net, apply(groups[cond]), top, max(3.0, deadline - time.monotonic())):
            dead.append(cond)
    out = [(apply(groups[c]), f"dead guard '{c}'") for c in dead]
    if len(dead) > 1:
        new = apply([x for c in dead for x in groups[c]])
        if seqsim.outputs_agree(net, new, top, max(3.0, deadline - time.monotonic())):
            out.insert(0, (new, "dead guards " + "; ".join(f"'{c}'" for c in dead[:3])))
    return out
