"""Two selections between the same pair of values that decide in opposite directions share one decision.

``lo = lt(a, b) ? a : b`` and ``hi = lt(b, a) ? a : b`` (a min and a max, a winner and a loser, ...) pick
opposite operands whenever the operands differ, whatever the comparison (a strict total order written as
a function, a floating-point order, a magnitude compare on a sign-magnitude word): ``hi`` is
``lt(a, b) ? b : a`` and the second decision disappears. Whether the two decisions really are
complementary (up to ties, where both operands are the same value) is a semantic fact the template does
not try to establish: it offers the rewrite for every pair of conditionals over the same two operands
whose conditions both read the two operands (decisions about the pair, not selections by unrelated
controls, nor between two constants), and the equivalence proof of the search loop accepts or refuses it.
"""

from __future__ import annotations

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._expr import in_decl_context, wrap
from rtlopt.templates._sem import Analysis, is_pure, names_in, paren, strip

_SCOPES = ("FunctionDeclaration", "TaskDeclaration", "ModuleDeclaration")
MAX_GROUP = 6  # conditionals over one pair considered at most


def _pure(node) -> bool:
    node = strip(node)
    if type(node).__name__ == "CallExpression":
        if node.isSystemCall:
            return False
        return all(_pure(a) for a in node.arguments)
    if type(node).__name__ == "BinaryExpression":
        return _pure(node.left) and _pure(node.right)
    if type(node).__name__ == "UnaryExpression":
        return _pure(node.operand)
    return is_pure(node)


def _cond(text: str) -> str:
    """``text`` parenthesized unless atomic or one call (``f(a, b)``)."""
    t = text.strip()
    i = t.find("(")
    if i > 0 and t.endswith(")") and t[:i].strip().replace("_", "a").replace("$", "a").isalnum():
        depth = 0
        for j, ch in enumerate(t[i:], i):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0:
                if j == len(t) - 1:
                    return t
                break
    return paren(t)


def _reads(node) -> set[str]:
    """Names an expression reads, through user function calls' arguments."""
    node = strip(node)
    if type(node).__name__ == "CallExpression":
        out: set[str] = set()
        for a in node.arguments:
            out |= _reads(a)
        return out
    out = names_in(node)
    for attr in ("left", "right", "operand"):
        ch = getattr(node, attr, None)
        if ch is not None and type(strip(ch)).__name__ == "CallExpression":
            out |= _reads(ch)
    return out


def _scope(syn):
    p = syn.parent
    while p is not None:
        if str(p.kind).split(".")[-1] in _SCOPES:
            return p
        p = p.parent
    return None


class ComplementarySelection(Template):
    """``y = c2 ? a : b`` next to ``x = c1 ? a : b`` becomes ``y = c1 ? b : a`` (proof decides)."""

    id = rule = "complementary_selection"
    description = ("two selections between the same two values that decide in opposite directions "
                   "(min/max of one order) share one decision")

    def find(self, an: Analysis) -> list[Match]:
        groups: dict[tuple, list] = {}
        for e in an.exprs:
            n = e.node
            if type(n).__name__ != "ConditionalExpression" or len(n.conditions) != 1 or in_decl_context(n.syntax):
                continue
            c = n.conditions[0]
            if getattr(c, "pattern", None) is not None:
                continue
            ci, li, ri = an.info(c.expr), an.info(n.left), an.info(n.right)
            if None in (ci, li, ri) or li.key == ri.key:
                continue
            if not (_pure(c.expr) and is_pure(n.left) and is_pure(n.right)):
                continue
            if strip(n.left).type.bitWidth != strip(n.right).type.bitWidth:
                continue
            # a decision about the pair itself (an order of the two values): the condition reads both;
            # two constants (``x[7] ? 8'h1b : 8'h00``, a conditional reduction term) are no pair of values
            # a comparison orders, and any condition vacuously "reads" them
            arms = names_in(n.left) | names_in(n.right)
            if not arms or not arms <= _reads(c.expr):
                continue
            sc = _scope(n.syntax)
            k = (tuple(sorted((li.key, ri.key))), None if sc is None else an.span(sc), e.width)
            groups.setdefault(k, []).append((e, ci, li, ri))
        out = []
        for items in groups.values():
            items = items[:MAX_GROUP]
            for i, (e1, c1, l1, r1) in enumerate(items):
                for e2, c2, _l2, _r2 in items[i + 1:]:
                    if c1.key == c2.key or (e2.start < e1.end and e1.start < e2.end):
                        continue
                    # e2's arms are e1's (either order): the opposite choice of e1 is c1 ? r1 : l1
                    new = f"{_cond(c1.text)} ? {paren(r1.text)} : {paren(l1.text)}"
                    out.append(self._m(an, e2.start, e2.end, "the opposite choice of an earlier selection",
                                       [Edit(e2.start, e2.end, wrap(e2, new))]))
        return out
