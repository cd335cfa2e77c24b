"""A load guard that never matters: ``if (g) R <= E;`` (no else: R holds) becomes ``R <= E;``.

Inside a clocked branch (``else if (!locked) if (|take) owner <= win;``) the inner guard only keeps the
register from loading a value it already has: when ``g`` is false, ``E`` equals the register's present
value in every reachable state of that branch (no requester: the winner is 0, and a free lock's owner is
0). The guard and its logic (an OR tree, the enable mux) go. Whether ``E`` equals the held value when
``g`` is false is a sequential fact (a reachable-state invariant), not assumed here: the search loop
proves every candidate from reset (a guard that matters fails the simulation filter or the proof).

Offered only for an ``if`` without ``else`` whose body holds only nonblocking assignments, nested in a
branch of a clocked block (the outermost statement of the block, a reset or an enable, is left alone),
at most :data:`MAX_CANDIDATES` sites per file (innermost first).
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


def _clocked(text: str, blk) -> bool:
    a, b = _span(text, blk)
    head = text[a:min(b, a + 200)]
    return re.match(r"\s*always(_ff)?\b[^;]*?@\s*\(\s*(posedge|negedge)\b", head) is not None


def rewrites(text: str, path: str) -> list[tuple[str, str]]:
    from pyslang import syntax

    if "<=" not in text or not re.search(r"\b(posedge|negedge)\b", text):
        return []
    tr = syntax.SyntaxTree.fromText(text, path)
    if any(d.isError() for d in tr.diagnostics):
        return []
    sites: list[tuple[int, int, int, str, str]] = []  # (depth, start, end, replacement, guard)

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
                sites.append((depth, s, e, inner.strip(), text[a:b].strip()))
                return
        try:
            kids = list(n)
        except TypeError:
            return
        for c in kids:
            if hasattr(c, "sourceRange") and not _kind(c).endswith("Token"):
                walk(c, depth + 1, in_clocked, top_stmt)

    walk(tr.root, 0, False, None)
    out = []
    for _d, s, e, rep, g in sorted(sites, key=lambda x: (-x[0], x[1]))[:MAX_CANDIDATES]:
        try:
            new = apply_edits(text, [Edit(s, e, rep)])
        except ValueError:
            continue
        out.append((new, f"load guard if ({g}) dropped (the register would load the value it holds)"))
    return out


def dropguard_edits(texts: dict[Path, str]) -> list[tuple[dict[Path, str], str]]:
    out = []
    for p, t in texts.items():
        for new, desc in rewrites(t, str(p)):
            nt = dict(texts)
            nt[p] = new
            out.append((nt, desc))
    return out


def dropguard_candidates(state) -> list:
    """Search-loop generator: a nested ``if (g) R <= E;`` without else loses its guard (proven)."""
    from rtlopt.engine.candidate import one_file_candidates

    try:
        got = dropguard_edits(dict(state.texts))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    return one_file_candidates(state.texts, got, RULE, "load guard", "dropguard")
