"""Transitive equalities: an AND of equalities over a set of values keeps a spanning forest of them.

``r_eq_chain`` (1-bit ``and`` trees and ``redand`` of a concatenation): the conjuncts that are
``eq(a, b)`` are edges of a graph over the compared classes; equality is an equivalence relation, so
the conjunction of all edges of a connected component equals the conjunction of any spanning tree of
it (``a == b && b == c && a == c`` is ``a == b && a == c``). When some edge is redundant, the AND of a
spanning forest (first edges kept, in a fixed order) and of the other conjuncts joins the class. The
dual, an OR of inequalities (``ne``, ``redor`` of a concatenation), keeps a spanning forest of them.
Edges of different components are all kept (a set of pairs that is not connected needs every tree).
"""

from __future__ import annotations

from rtlopt.egraph import core
from rtlopt.egraph.core import EGraph

#: Conjuncts looked at per AND (larger sets are left alone).
MAX_TERMS = 64


def _terms(eg: EGraph, c: int, n: tuple, op: str, red: str) -> list[int] | None:
    """The operand classes of the ``op`` tree rooted at node ``n`` of class ``c`` (1-bit ``op`` nodes
    and ``red`` of a concatenation of 1-bit parts flattened), or None when too many."""
    f = eg.find
    out: list[int] = []
    seen = {f(c)}

    def node_of(x: int) -> tuple | None:
        for m in sorted(eg.nodes[f(x)], key=repr):
            if m[0] == op and m[1] == 1:
                return m
            if m[0] == red and any(k[0] == "concat" for k in eg.nodes[f(m[3])]):
                return m
        return None

    def parts(m: tuple) -> list[int]:
        if m[0] == op:
            return list(m[3:])
        for k in sorted(eg.nodes[f(m[3])], key=repr):
            if k[0] == "concat":
                return [x if eg.w(x) == 1 else eg.add((red, 1, None, x)) for x in k[3:]]
        return []

    stack = parts(n)
    while stack:
        x = stack.pop()
        if len(out) > MAX_TERMS:
            return None
        fx = f(x)
        m = node_of(fx) if fx not in seen else None
        if m is not None:
            seen.add(fx)
            stack += parts(m)
        elif fx not in seen:
            out.append(fx)
    return out


def r_eq_chain(eg: EGraph, c: int, n: tuple) -> None:
    if n[0] == "and" and n[1] == 1 or n[0] == "redand":
        op, red, cmp = "and", "redand", "eq"
    elif n[0] == "or" and n[1] == 1 or n[0] == "redor":
        op, red, cmp = "or", "redor", "ne"
    else:
        return
    if n[0] == red and not any(k[0] == "concat" for k in eg.nodes[eg.find(n[3])]):
        return
    done = eg.__dict__.setdefault("_eq_chain_done", set())
    if eg.find(c) in done:
        return
    terms = _terms(eg, c, n, op, red)
    if not terms or len(terms) < 3:
        return
    f = eg.find
    parent: dict[int, int] = {}

    def root(v: int) -> int:
        while parent.setdefault(v, v) != v:
            v = parent[v]
        return v

    kept: list[int] = []
    dropped = 0
    for t in sorted(dict.fromkeys(terms)):
        e = next((m for m in sorted(eg.nodes[t], key=repr) if m[0] == cmp), None)
        if e is None:
            kept.append(t)
            continue
        a, b = root(f(e[3])), root(f(e[4]))
        if a == b:
            dropped += 1  # implied by the edges kept so far
            continue
        parent[a] = b
        kept.append(t)
    if not dropped:
        return
    done.add(eg.find(c))
    acc = kept[0]
    for t in kept[1:]:
        acc = eg.add((op, 1, None, acc, t))
    eg.pending.append((c, acc))


if r_eq_chain not in core.RULES:
    core.RULES.append(r_eq_chain)
