"""A direction-selected comparison computed by one comparator: ``c ? (x > y) : (x < y)`` -> ``(x > y) ^ !c``.

A compare-exchange cell with a run-time direction decides ``swap = up ? (a > b) : (a < b)`` (or the
same as two nested if/else statements with the same two arms, or two ternaries) and builds one
comparator per direction (or, shared, one comparator with two operand multiplexers). The two
comparisons agree with complements of each other on every operand pair except equal operands:
``x < y`` is ``!(x > y)`` unless ``x == y``. Replacing the second one by the complement of the first
makes the decision ``c ? P : !P = P ^ !c``: one comparator and one XOR gate. It is exact only where a
decision on equal operands does not matter (swapping two equal values changes nothing), which is
NOT assumed here: the search loop proves every candidate on the whole design, so a cell whose two arms
differ on equal operands fails the proof and is dropped.

Recognised (syntax only, names and style free):
- a ternary ``c ? P : Q`` with P, Q comparisons of the same two operands (either order);
- ``c ? (P ? A : B) : (Q ? A : B)`` (also ``(Q ? B : A)``: then the complement of Q is used);
- ``if (c) [begin] if (P) S1 else S2 [end] else [begin] if (Q) S1 else S2 [end]`` (or ``S2 .. S1``).
"""

from __future__ import annotations

import re
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic.instmux import _kind, _span, _walk

RULE = "exclusive_operator_sharing"
MAX_CANDIDATES = 4

#: comparison -> its outcomes on (x < y, x == y, x > y)
_REL = {"<": (1, 0, 0), "<=": (1, 1, 0), ">": (0, 0, 1), ">=": (0, 1, 1)}
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _strip_parens(n):
    while _kind(n) == "ParenthesizedExpressionSyntax":
        n = n.expression
    return n


def _cmp(text: str, n):
    """(x text, y text, op) of a comparison node (parentheses around it allowed), else None."""
    n = _strip_parens(n)
    if _kind(n) != "BinaryExpressionSyntax" or not hasattr(n, "operatorToken"):
        return None
    op = n.operatorToken.valueText
    if op not in _REL:
        return None
    a, b = _span(text, n.left)
    c, d = _span(text, n.right)
    return text[a:b], text[c:d], op


def _outcomes(text: str, n, negate: bool = False):
    """{(x, y) normalized: outcomes} of comparison ``n`` in both operand orders."""
    got = _cmp(text, n)
    if got is None:
        return None
    x, y, op = got
    r = _REL[op]
    if negate:
        r = tuple(1 - v for v in r)
    return {(_norm(x), _norm(y)): r, (_norm(y), _norm(x)): tuple(reversed(r))}


def _flippable(text: str, p, q, q_negated: bool = False) -> bool:
    """Q is the complement of P on every operand pair with x != y (same two operands)."""
    op, oq = _outcomes(text, p), _outcomes(text, q, q_negated)
    if op is None or oq is None:
        return False
    key = next(iter(op))
    if key not in oq:
        return False
    rp, rq = op[key], oq[key]
    return rp[0] != rq[0] and rp[2] != rq[2]


def _unwrap(n):
    """The one statement of ``begin S end`` (nested), else the statement itself."""
    while _kind(n) == "BlockStatementSyntax":
        items = [i for i in n.items]
        if len(items) != 1:
            return n
        n = items[0]
    return n


def _if_parts(text: str, n):
    """(predicate expr node, then text, else text) of ``if (P) S1 else S2``, else None."""
    n = _unwrap(n)
    if _kind(n) != "ConditionalStatementSyntax" or n.elseClause is None:
        return None
    conds = list(n.predicate.conditions)
    if len(conds) != 1 or conds[0].matchesClause is not None:
        return None
    a, b = _span(text, n.statement)
    c, d = _span(text, n.elseClause.clause)
    return conds[0].expr, text[a:b], text[c:d], n


def _sel(text: str, cond_node) -> str:
    a, b = _span(text, cond_node)
    return text[a:b].strip()


def _not(text: str, c: str) -> str:
    """The negation of condition ``c``: ``~c`` for a one-bit name declared in ``text`` without a
    range (Yosys/ABC map ``$not`` into a smaller network than ``$logic_not`` here: 2001.9 vs 2110.8
    um^2 on a 4-input bitonic sorter), else ``!(c)``."""
    if re.fullmatch(r"[A-Za-z_][\w$]*", c):
        decls = re.findall(r"\b(?:input|output|inout|wire|reg|logic|bit)\b([^;(),\n]*?)(?<![\w$])" + re.escape(c)
                           + r"(?![\w$])", text)
        if decls and all("[" not in d for d in decls):
            return f"~{c}"
    return f"!({c})"


def rewrites(text: str, path: str) -> list[tuple[str, str]]:
    from pyslang import syntax

    if not re.search(r"[<>]", text):
        return []
    tr = syntax.SyntaxTree.fromText(text, path)
    if any(d.isError() for d in tr.diagnostics):
        return []
    found: list[tuple[int, int, str, str]] = []

    def visit(n):
        k = _kind(n)
        if k == "ConditionalExpressionSyntax":
            conds = list(n.predicate.conditions)
            if len(conds) != 1 or conds[0].matchesClause is not None:
                return
            c = _sel(text, conds[0].expr)
            left, right = _strip_parens(n.left), _strip_parens(n.right)
            s, e = _span(text, n)
            if _flippable(text, left, right):
                a, b = _span(text, left)
                found.append((s, e, f"(({text[a:b]}) ^ {_not(text, c)})", c))
                return
            if _kind(left) == "ConditionalExpressionSyntax" and _kind(right) == "ConditionalExpressionSyntax":
                pl, pr = list(left.predicate.conditions), list(right.predicate.conditions)
                if len(pl) != 1 or len(pr) != 1 or pl[0].matchesClause is not None or pr[0].matchesClause is not None:
                    return
                la, lb = _norm(str(left.left)), _norm(str(left.right))
                ra, rb = _norm(str(right.left)), _norm(str(right.right))
                neg = None
                if (la, lb) == (ra, rb):
                    neg = False
                elif (la, lb) == (rb, ra) and la != lb:
                    neg = True
                if neg is None or not _flippable(text, pl[0].expr, pr[0].expr, neg):
                    return
                a, b = _span(text, pl[0].expr)
                x0, x1 = _span(text, left.left)
                y0, y1 = _span(text, left.right)
                found.append((s, e, f"((({text[a:b]}) ^ {_not(text, c)}) ? ({text[x0:x1]}) : ({text[y0:y1]}))", c))
        elif k == "ConditionalStatementSyntax":
            outer = _if_parts(text, n)
            if outer is None or outer[3] is not n:
                return
            c = _sel(text, outer[0])
            t, f = _if_parts(text, n.statement), _if_parts(text, n.elseClause.clause)
            if t is None or f is None:
                return
            if (_norm(t[1]), _norm(t[2])) == (_norm(f[1]), _norm(f[2])):
                neg = False
            elif (_norm(t[1]), _norm(t[2])) == (_norm(f[2]), _norm(f[1])) and _norm(t[1]) != _norm(t[2]):
                neg = True
            else:
                return
            if not _flippable(text, t[0], f[0], neg):
                return
            a, b = _span(text, t[0])
            s, e = _span(text, n)
            found.append((s, e, f"if (({text[a:b]}) ^ {_not(text, c)}) {t[1].strip()}\n"
                                f"{_indent(text, s)}else {t[2].strip()}", c))

    _walk(tr.root, visit)
    out: list[tuple[str, str]] = []
    if not found:
        return out
    # one candidate with every site (the cells of a sorter share the style), then each site alone
    sites = sorted(found)
    disjoint = [x for i, x in enumerate(sites) if i == 0 or x[0] >= sites[i - 1][1]]
    groups = [disjoint] + ([[x] for x in disjoint] if len(disjoint) > 1 else [])
    for g in groups:
        try:
            new = apply_edits(text, [Edit(s, e, r) for s, e, r, _c in g])
        except ValueError:
            continue
        out.append((new, f"{len(g)} direction-selected comparison(s) on one comparator "
                         f"({', '.join(sorted({c for *_x, c in g}))})"))
        if len(out) >= MAX_CANDIDATES:
            break
    return out


def _indent(text: str, off: int) -> str:
    line = text.rfind("\n", 0, off) + 1
    m = re.match(r"[ \t]*", text[line:off])
    return m.group(0) if m else ""


def cmpflip_edits(texts: dict[Path, str]) -> list[tuple[dict[Path, str], str]]:
    from rtlopt.engine.candidate import per_file_rewrites

    return per_file_rewrites(texts, rewrites)


def cmpflip_candidates(state) -> list:
    """Search-loop generator: ``c ? (x > y) : (x < y)`` decisions computed by one comparator."""
    from rtlopt.engine.candidate import one_file_candidates

    try:
        got = cmpflip_edits(dict(state.texts))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    return one_file_candidates(state.texts, got, RULE, "direction flip", "cmpflip")
