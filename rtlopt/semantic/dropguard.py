"""A load guard that never matters: ``if (g) R <= E;`` (no else: R holds) becomes ``R <= E;``.

Inside a clocked branch (``else if (!locked) if (|take) owner <= win;``) the inner guard only keeps the
register from loading a value it already has: when ``g`` is false, ``E`` equals the register's present
value in every reachable state of that branch (no requester: the winner is 0, and a free lock's owner is
0). The guard and its logic (an OR tree, the enable mux) go. Whether ``E`` equals the held value when
``g`` is false is a sequential fact (a reachable-state invariant), not assumed here: the search loop
proves every candidate from reset (a guard that matters fails the simulation filter or the proof).

Offered only for an ``if`` without ``else`` whose body holds only nonblocking assignments, nested in a
branch of a clocked block (the outermost statement of the block, a reset or an enable, is left alone),
whose guard is a nonzero test of a word X (``|X``, ``X != 0``: false exactly when X is zero) and whose
loaded value is computed from X (through continuous assignments and combinational blocks): with X zero
the value is typically the zero the register already holds. At most :data:`MAX_CANDIDATES` sites per
file (innermost first). Over every heldout original this offers 5 sites (without the X restriction,
heldout10 appliance/microwave_fsm got 3 candidates, and a bench of it at load 12 went no_proof; the
cause was not isolated).
"""

from __future__ import annotations

import re
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic.instmux import _kind, _span

RULE = "redundant_guarded_arm"  # the catalog rule (rules/mux): the hold arm changes nothing
MAX_CANDIDATES = 3


def _stmts(n) -> list:
    """The statements of a body (``begin .. end`` flattened one level), or [n]."""
    if _kind(n) == "BlockStatementSyntax":
        return list(n.items)
    return [n]


def _nonblocking_only(text: str, n) -> bool:
    items = _stmts(n)
    if not items:
        return False
    for s in items:
        if _kind(s) != "ExpressionStatementSyntax":
            return False
        e = s.expr
        if _kind(e) != "BinaryExpressionSyntax" or "NonblockingAssignment" not in str(e.kind):
            return False
    return True


def _assigned(text: str, n) -> set[str]:
    """Names on the left of the assignments under ``n``."""
    from rtlopt.semantic.instmux import _ids, _walk

    out: set[str] = set()

    def visit(x):
        if _kind(x) == "BinaryExpressionSyntax" and "Assignment" in str(x.kind):
            a, b = _span(text, x.left)
            out.update(_ids(text[a:b]))

    _walk(n, visit)
    return out


def _clocked(text: str, blk) -> bool:
    a, b = _span(text, blk)
    head = text[a:min(b, a + 200)]
    return re.match(r"\s*always(_ff)?\b[^;]*?@\s*\(\s*(posedge|negedge)\b", head) is not None


_ZERO = r"(?:\d*'[sS]?[bdhoBDHO]0+|'0|0)"


def _zero_test(g: str) -> str | None:
    """X of a nonzero test ``|X``, ``X != 0``, ``0 != X`` (the guard is false exactly when X is zero),
    else None."""
    g = g.strip()
    while g.startswith("(") and g.endswith(")"):
        g = g[1:-1].strip()
    m = re.fullmatch(r"\|\s*(.+)", g)
    if m and "|" not in m.group(1):
        return m.group(1)
    m = re.fullmatch(r"(.+?)\s*!=\s*" + _ZERO, g) or re.fullmatch(_ZERO + r"\s*!=\s*(.+)", g)
    return m.group(1) if m else None


def rewrites(text: str, path: str) -> list[tuple[str, str]]:
    from pyslang import syntax

    if "<=" not in text or not re.search(r"\b(posedge|negedge)\b", text):
        return []
    tr = syntax.SyntaxTree.fromText(text, path)
    if any(d.isError() for d in tr.diagnostics):
        return []
    sites: list[tuple] = []  # (depth, start, end, replacement, guard, tested word)

    def walk(n, depth: int, in_clocked: bool, top_stmt):
        k = _kind(n)
        bn = getattr(n, "beginName", None) or getattr(n, "blockName", None)
        if bn is not None and getattr(bn, "name", None) is not None \
                and bn.name.valueText.startswith("rtlopt_original_"):
            return  # the pinned original arm (other parameter values): left as written
        if k == "ElseClauseSyntax" and _kind(n.clause) == "ConditionalStatementSyntax":
            walk(n.clause.statement, depth + 1, in_clocked, n.clause)  # an else-if: a chain member, not a guard
            if n.clause.elseClause is not None:
                walk(n.clause.elseClause, depth + 1, in_clocked, top_stmt)
            return
        if k == "ProceduralBlockSyntax":
            if _clocked(text, n):
                st = n.statement
                # the timed statement's body: its outermost statement is left alone
                body = getattr(st, "statement", st)
                inner = _stmts(body)
                for s in inner:
                    walk(s, 0, True, s)
            return
        if in_clocked and k == "ConditionalStatementSyntax":
            conds = list(n.predicate.conditions)
            if n is not top_stmt and n.elseClause is None and len(conds) == 1 \
                    and conds[0].matchesClause is None and _nonblocking_only(text, n.statement):
                s, e = _span(text, n)
                body = n.statement
                a, b = _span(text, body)
                inner = text[a:b]
                if _kind(body) == "BlockStatementSyntax" and len(list(body.items)) == 1:
                    a, b = _span(text, body.items[0])
                    inner = text[a:b]  # begin S end: S alone (more statements keep their begin/end)
                a, b = _span(text, conds[0].expr)
                x = _zero_test(text[a:b])
                if x is not None:
                    sites.append((depth, s, e, inner.strip(), text[a:b].strip(), x))
                    return
        try:
            kids = list(n)
        except TypeError:
            return
        for c in kids:
            if hasattr(c, "sourceRange") and not _kind(c).endswith("Token"):
                walk(c, depth + 1, in_clocked, top_stmt)

    walk(tr.root, 0, False, None)
    if not sites:
        return []
    from rtlopt.semantic.instmux import _closure, _deps, _ids

    dep = _deps(text, tr.root, {})
    # control dependence, coarsely: every name a combinational block assigns reads every name in it
    # (``for (..) if (take[i]) win = ..``: win is computed from take)

    def comb(n):
        if _kind(n) == "ProceduralBlockSyntax" and not _clocked(text, n):
            a, b = _span(text, n)
            every = _ids(text[a:b])
            for v in _assigned(text, n):
                dep.setdefault(v, set()).update(every)
            return
        try:
            kids = list(n)
        except TypeError:
            return
        for c in kids:
            if hasattr(c, "sourceRange") and not _kind(c).endswith("Token"):
                comb(c)

    comb(tr.root)
    # the loaded value must be computed from the tested word (no request: no winner)
    sites = [x for x in sites if _ids(x[3].split("<=", 1)[-1]) & _closure(dep, _ids(x[5]))]
    out = []
    for _d, s, e, rep, g, _x in sorted(sites, key=lambda x: (-x[0], x[1]))[:MAX_CANDIDATES]:
        try:
            new = apply_edits(text, [Edit(s, e, rep)])
        except ValueError:
            continue
        out.append((new, f"load guard if ({g}) dropped (the register would load the value it holds)"))
    return out


def dropguard_edits(texts: dict[Path, str]) -> list[tuple[dict[Path, str], str]]:
    from rtlopt.engine.candidate import per_file_rewrites

    return per_file_rewrites(texts, rewrites)


def dropguard_candidates(state) -> list:
    """Search-loop generator: a nested ``if (g) R <= E;`` without else loses its guard (proven)."""
    from rtlopt.engine.candidate import one_file_candidates

    try:
        got = dropguard_edits(dict(state.texts))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    return one_file_candidates(state.texts, _simulated(state, got), RULE, "load guard", "dropguard")


def _simulated(state, got: list[tuple[dict[Path, str], str]]) -> list[tuple[dict[Path, str], str]]:
    """The candidates whose outputs equal the original's in a simulation from reset (seqsim, random
    stimulus): a dropped guard that changes what the register holds is not offered. Each costs a proof
    otherwise (two such NOT_EQUIVALENT proofs took 61 s of a loaded run's first round)."""
    if not got:
        return got
    import time

    from rtlopt.semantic import seqsim
    from rtlopt.semantic.seqsim import outputs_agree as _sim_agrees

    top = getattr(getattr(state, "design", None), "top", None)
    if top is None:
        return got
    end = time.monotonic() + 15.0
    try:
        net = seqsim.load_texts(dict(state.texts), top, timeout=15.0)
    except Exception:  # noqa: BLE001 - no simulation model: left to the proof
        return got
    return [(new, desc) for new, desc in got
            if time.monotonic() > end or _sim_agrees(net, new, top, max(2.0, end - time.monotonic())) is not False]
