"""Sign (or zero) test of a difference that cannot overflow: ``(A - B) >= 0`` is ``A >= B``.

``X`` is a difference ``A - B`` of two primary operands (names, selects, concatenations, literals,
explicit casts), written in place inside the comparison or as the one unconditional driver of a name
(``wire signed [16:0] d = a - b;``). When the exact difference of the operands' values (extended by
the difference's own signedness, as Verilog extends them) fits the width ``w`` it is computed at,
the w-bit result is the true difference, so

- a signed test against zero, ``X op 0`` / ``0 op X`` (op one of ``< <= > >= == !=``), is ``A op B``;
- an unsigned ``X == 0`` / ``X != 0`` (also ``X > 0``, ``X <= 0``) is ``A == B`` / ``A != B``;
- the top bit of a named difference, ``d[w-1]``, is its sign: ``A < B``.

Synthesis keeps the full w-bit subtractor (and its sign-extension bits) for these; the direct
comparison is one compare of the operands' own width (servant's timer: ``mtimeslice - mtimecmp >= 0``
at 32 bits of two 16-bit signed words). Part of ``comparison_simplification``; measured and proven
like every candidate. Not for a difference that can overflow (the test then sees the wrapped value),
nor for an operand that is itself an operator (its width would change with the context).
"""

from __future__ import annotations

from rtlopt.templates._base import Match
from rtlopt.templates._expr import _replace, in_decl_context
from rtlopt.templates._sem import Analysis, is_pure, op_name, paren, self_width, strip
from rtlopt.templates._zerosum import _max_value, _single_driver

_PRIMARY = ("NamedValueExpression", "ElementSelectExpression", "RangeSelectExpression",
            "ConcatenationExpression", "ReplicationExpression", "IntegerLiteral")
_CMP = {"LessThan": "<", "LessThanEqual": "<=", "GreaterThan": ">", "GreaterThanEqual": ">=",
        "Equality": "==", "Inequality": "!="}
_MIRROR = {"LessThan": "GreaterThan", "LessThanEqual": "GreaterThanEqual", "GreaterThan": "LessThan",
           "GreaterThanEqual": "LessThanEqual", "Equality": "Equality", "Inequality": "Inequality"}
# an unsigned test against zero of a difference that cannot wrap past zero's other side
_UNSIGNED = {"Equality": "==", "Inequality": "!=", "GreaterThan": "!=", "LessThanEqual": "=="}


def _operand(an: Analysis, x):
    """(text, signed, width) of a primary operand, else None."""
    x = strip(x)
    k = type(x).__name__
    if k == "ConversionExpression":  # an explicit cast ($signed(a), $unsigned(a)) of a primary
        if type(strip(x.operand)).__name__ not in _PRIMARY:
            return None
    elif k not in _PRIMARY:
        return None
    info = an.info(x)
    w = self_width(x)
    if info is None or w is None or w <= 0 or not is_pure(x):
        return None
    return info.text.strip(), bool(x.type.isSigned), w


def _range(an: Analysis, x, signed: bool, w: int) -> tuple[int, int]:
    c = an.const(x)
    if c is not None:
        c &= (1 << w) - 1
        if signed and c >> (w - 1):
            c -= 1 << w
        return c, c
    if signed:
        return -(1 << (w - 1)), (1 << (w - 1)) - 1
    mx = _max_value(an, x)  # a concatenation's leading zeros kept
    return 0, (1 << w) - 1 if mx is None else mx


def _difference(an: Analysis, x, width: int, *, zero_test: bool = False):
    """(A text, B text, signed) when ``x`` is ``A - B`` (in place or the one driver of a name) whose
    exact value fits ``width`` bits two's complement (``zero_test``: is zero modulo ``2**width`` only
    when it is zero), else None."""
    x = strip(x)
    if type(x).__name__ == "NamedValueExpression":
        src = _single_driver(an, x.symbol)
        if src is None:
            return None
        x = strip(src)
    if type(x).__name__ != "BinaryExpression" or op_name(x) != "Subtract":
        return None
    signed = bool(x.type.isSigned)
    a, b = _operand(an, x.left), _operand(an, x.right)
    if a is None or b is None:
        return None
    if (a[1] and b[1]) != signed:
        return None
    lo_a, hi_a = _range(an, x.left, signed, a[2])
    lo_b, hi_b = _range(an, x.right, signed, b[2])
    lo, hi = lo_a - hi_b, hi_a - lo_b
    if zero_test:
        if lo <= -(1 << width) or hi >= 1 << width:
            return None
    elif lo < -(1 << (width - 1)) or hi > (1 << (width - 1)) - 1:
        return None
    if an.const(x.left) is not None and an.const(x.right) is not None:
        return None  # constant folding's business
    return a[0], b[0], signed


def _cmp_matches(tmpl, an: Analysis) -> list[Match]:
    out: list[Match] = []
    for e in an.exprs:
        n = e.node
        if type(n).__name__ != "BinaryExpression" or op_name(n) not in _CMP or in_decl_context(n.syntax):
            continue
        L, R = strip(n.left), strip(n.right)
        op = op_name(n)
        if an.const(R) == 0 and an.const(L) is None:
            x = L
        elif an.const(L) == 0 and an.const(R) is None:
            x, op = R, _MIRROR[op]
        else:
            continue
        signed = bool(n.left.type.isSigned and n.right.type.isSigned)
        if not signed and op not in _UNSIGNED:
            continue  # unsigned >= 0 / < 0: constant, constant folding's business
        zero_test = not signed or op in ("Equality", "Inequality")
        if type(x).__name__ == "NamedValueExpression":
            w = int(x.type.bitWidth or 0)  # the stored width of the name
        else:
            w = int(strip(n.left).type.bitWidth or 0) if x is L else int(strip(n.right).type.bitWidth or 0)
        if w <= 0:
            continue
        try:
            d = _difference(an, x, w, zero_test=zero_test)
        except Exception:  # noqa: BLE001 - an unusual expression: no rewrite
            d = None
        if d is None:
            continue
        a, b, _ = d
        sym = _CMP[op] if signed else _UNSIGNED[op]
        out.append(_replace(an, tmpl, e, f"{paren(a)} {sym} {paren(b)}",
                            "test against zero of a difference that cannot overflow: compare the operands"))
    return out


def _sign_bit_matches(tmpl, an: Analysis) -> list[Match]:
    out: list[Match] = []
    for e in an.exprs:
        n = e.node
        if type(n).__name__ != "ElementSelectExpression" or in_decl_context(n.syntax):
            continue
        v = strip(n.value)
        if type(v).__name__ != "NamedValueExpression":
            continue
        t = v.type
        w = int(t.bitWidth or 0)
        if w < 2:
            continue
        try:
            if not t.hasFixedRange:
                continue
            msb = int(t.fixedRange.left)
        except Exception:  # noqa: BLE001
            continue
        if an.const(n.selector) != msb:
            continue
        try:
            d = _difference(an, v, w)
        except Exception:  # noqa: BLE001
            d = None
        if d is None:
            continue
        a, b, _ = d
        out.append(_replace(an, tmpl, e, f"{paren(a)} < {paren(b)}",
                            "sign bit of a difference that cannot overflow: compare the operands"))
    return out


def difference_sign_test(tmpl, an: Analysis) -> list[Match]:
    return _cmp_matches(tmpl, an) + _sign_bit_matches(tmpl, an)
