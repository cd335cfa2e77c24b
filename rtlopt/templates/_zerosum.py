"""Zero test of a sum that cannot wrap: ``S == 0`` is ``~|{t1, ..., tn}`` (``S != 0`` is ``|{...}``).

``S`` is a sum of unsigned terms (bits, slices, whole vectors, concatenations), written in place or
as the one unconditional driver of a name (``assign n = ...``, ``wire n = ...``, ``always @*``/
``always_comb`` ``n = ...``), whose largest possible value (the sum of the terms' largest values)
fits the width it is computed at: then no carry leaves the sum, so it is zero exactly when every
term is zero, and the test needs no adder (an occupancy count of valid flags, ``idle = count == 0``,
becomes the NOR of the flags). Part of ``comparison_simplification``; measured and proven like every
candidate.
"""

from __future__ import annotations

from pyslang import ast

from rtlopt.templates._base import Match
from rtlopt.templates._expr import _replace, in_decl_context
from rtlopt.templates._sem import Analysis, is_pure, op_name, self_width, strip

_TERMS = ("NamedValueExpression", "ElementSelectExpression", "RangeSelectExpression", "ConcatenationExpression")
_COMB_BLOCKS = ("AlwaysComb", "Always")


def _flatten_sum(node, out: list) -> bool:
    node = strip(node)
    if type(node).__name__ == "BinaryExpression" and op_name(node) == "Add":
        return _flatten_sum(node.left, out) and _flatten_sum(node.right, out)
    out.append(node)
    return True


def _single_driver(an: Analysis, sym):
    """The expression driving ``sym`` when it has exactly one unconditional driver, else None."""
    init = getattr(sym, "initializer", None)
    found = []
    for e in an.exprs:
        n = e.node
        if type(n).__name__ != "AssignmentExpression":
            continue
        left = strip(n.left)
        if type(left).__name__ == "NamedValueExpression" and left.symbol is sym:
            found.append(n)
        elif type(left).__name__ != "NamedValueExpression":
            # a select or concatenation writing part of sym: not one driver
            try:
                names = set()

                def visit(x, names=names):
                    if isinstance(x, ast.Expression) and type(x).__name__ == "NamedValueExpression":
                        names.add(id(x.symbol))
                    return True

                left.visit(visit)
                if id(sym) in names:
                    return None
            except Exception:  # noqa: BLE001
                return None
    if init is not None:
        return init if not found else None
    if len(found) != 1:
        return None
    n = found[0]
    p = n.syntax.parent
    while p is not None:
        k = str(p.kind).split(".")[-1]
        if k == "ContinuousAssign":
            return n.right
        if k in ("AlwaysCombBlock", "AlwaysBlock"):
            return n.right if k == "AlwaysCombBlock" or _implicit_event(p) else None
        if k in ("ConditionalStatement", "CaseStatement", "LoopStatement", "ForLoopStatement",
                 "FunctionDeclaration", "TaskDeclaration", "AlwaysFFBlock", "InitialBlock"):
            return None
        p = p.parent
    return None


def _implicit_event(block_syn) -> bool:
    text = str(block_syn)
    head = text[: text.find(")") + 1] if ")" in text else text
    return "@*" in head.replace(" ", "") or "@(*)" in head.replace(" ", "")


def _zero_sum_terms(an: Analysis, x, width: int) -> list[str] | None:
    """Texts of the terms of the no-wrap sum ``x`` (or of its one driver), else None."""
    x = strip(x)
    src = x
    if type(x).__name__ == "NamedValueExpression":
        src = _single_driver(an, x.symbol)
        if src is None:
            return None
        src = strip(src)
    terms: list = []
    if type(src).__name__ != "BinaryExpression" or op_name(src) != "Add" or not _flatten_sum(src, terms):
        return None
    if len(terms) < 2 or getattr(src.type, "isSigned", True):
        return None
    total, texts = 0, []
    for t in terms:
        c = an.const(t)
        if c is not None:
            if c != 0:
                return None  # a non-zero constant: the test is constant (left to constant folding)
            continue
        if type(t).__name__ not in _TERMS or not is_pure(t) or t.type.isSigned:
            return None
        mx = _max_value(an, t)
        info = an.info(t)
        if mx is None or info is None:
            return None
        total += mx
        texts.append(info.text.strip())
    if not texts or total > (1 << width) - 1:
        return None
    return texts


def _max_value(an: Analysis, t) -> int | None:
    """Largest value of an unsigned term: all ones for a name or select, a concatenation's constant
    parts (leading zeros) kept."""
    t = strip(t)
    c = an.const(t)
    if c is not None:
        return c
    w = self_width(t)
    if w is None:
        return None
    if type(t).__name__ == "ConcatenationExpression":
        v = 0
        for o in t.operands:
            ow = self_width(o)
            m = _max_value(an, o)
            if ow is None or m is None:
                return (1 << w) - 1
            v = (v << ow) | m
        return v
    return (1 << w) - 1


def zero_test_of_sum(tmpl, an: Analysis) -> list[Match]:
    out: list[Match] = []
    for e in an.exprs:
        n = e.node
        if type(n).__name__ != "BinaryExpression" or op_name(n) not in ("Equality", "Inequality"):
            continue
        if in_decl_context(n.syntax):
            continue
        L, R = strip(n.left), strip(n.right)
        if an.const(R) == 0:
            x = L
        elif an.const(L) == 0:
            x = R
        else:
            continue
        w = int(x.type.bitWidth or 0)
        if w <= 0 or x.type.isSigned:
            continue
        try:
            texts = _zero_sum_terms(an, x, w)
        except Exception:  # noqa: BLE001 - an unusual expression: no rewrite
            texts = None
        if not texts:
            continue
        cat = texts[0] if len(texts) == 1 else "{" + ", ".join(texts) + "}"
        new = f"~|{cat}" if op_name(n) == "Equality" else f"|{cat}"
        out.append(_replace(an, tmpl, e, new, "zero test of a sum that cannot wrap: no term is non-zero"))
    return out
