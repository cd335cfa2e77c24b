"""A left shift for one side of a constant and a right shift for the other: one left shift and a slice.

``(e >= K) ? x << (e - K) : x >> (K - e)`` (a ternary, or an if/else assigning one target; the condition
does not matter: the two arms are the same function of ``e`` wherever no bit is lost) scales ``x`` by
``2^(e-K)`` with two barrel shifters and a mux. Widened by ``K`` zero bits the left shift keeps every bit the
right shift would drop, so both arms are ``({0.., x} << e) >> K``: one left shifter by ``e`` and a constant
slice (the fixed-point conversion of a float, an exponent-driven scale). The constant may be on either
side (``x << (e - K)`` / ``x >> (K - e)``); ``x`` is unsigned (a signed operand sign-extends differently).
The search measures the candidate and proves it.
"""

from __future__ import annotations

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._sem import Analysis, is_pure, norm, op_name, paren, self_width, strip

_LEFT = {"LogicalShiftLeft", "ArithmeticShiftLeft"}
_RIGHT = {"LogicalShiftRight"}


def _text(an: Analysis, node) -> str | None:
    syn = getattr(strip(node), "syntax", None)
    if syn is None:
        return None
    a, b = an.span(syn)
    return an.text[a:b].strip()


def _form(an: Analysis, node):
    """``(dir, operand node, amount text, K)`` of ``x << (e - K)`` ('L') or ``x >> (K - e)`` ('R')."""
    n = strip(node)
    if type(n).__name__ != "BinaryExpression":
        return None
    op = op_name(n)
    if op not in _LEFT and op not in _RIGHT:
        return None
    amt = strip(n.right)
    if type(amt).__name__ != "BinaryExpression" or op_name(amt) != "Subtract":
        return None
    if op in _LEFT:
        k, var = an.const(amt.right), amt.left
    else:
        k, var = an.const(amt.left), amt.right
    if k is None or k <= 0 or an.const(var) is not None:
        return None
    vt = _text(an, var)
    return ("L" if op in _LEFT else "R"), n.left, vt, k


def _merged(an: Analysis, fl, fr, ctx: int) -> str | None:
    """The one-shifter text for a left form ``fl`` and a right form ``fr``, or None when they differ."""
    if fl is None or fr is None or {fl[0], fr[0]} != {"L", "R"} or fl[3] != fr[3] or fl[2] is None \
            or fr[2] is None or norm(fl[2]) != norm(fr[2]):
        return None
    xl, xr = _text(an, fl[1]), _text(an, fr[1])
    if xl is None or xr is None or norm(xl) != norm(xr) or not is_pure(fl[1]):
        return None
    if getattr(strip(fl[1]).type, "isSigned", True) or getattr(strip(fr[1]).type, "isSigned", True):
        return None
    wx = self_width(fl[1])
    if not wx:
        return None
    k = fl[3]
    pad = max(ctx, wx) + k - wx
    return f"({{{pad}'d0, {paren(xl)}}} << {paren(fl[2])}) >> {k}"


class OppositeShiftPair(Template):
    """``c ? x << (e - K) : x >> (K - e)`` -> ``({0, x} << e) >> K`` (one shifter and a constant slice)."""

    id = rule = "opposite_shift_pair"
    description = ("a selection between x << (e - K) and x >> (K - e) (ternary or if/else on one target) becomes "
                   "one left shift of the zero-widened x by e followed by a constant right shift by K")

    def find(self, an: Analysis) -> list[Match]:
        from rtlopt.templates._arith import single_assignment

        out: list[Match] = []
        for info in an.exprs:
            n = info.node
            if type(n).__name__ != "ConditionalExpression" or len(n.conditions) != 1 \
                    or n.conditions[0].pattern is not None or not is_pure(n.conditions[0].expr):
                continue
            fa, fb = _form(an, n.left), _form(an, n.right)
            if fa is None or fb is None:
                continue
            fl, fr = (fa, fb) if fa[0] == "L" else (fb, fa)
            new = _merged(an, fl, fr, info.width)
            if new is not None:
                out.append(self._m(an, info.start, info.end, f"opposite shifts of {_text(an, fl[1])}: one shifter",
                                   [Edit(info.start, info.end, paren(new))]))
        for st, _s, _e in an.statements:
            if type(st).__name__ != "ConditionalStatement" or st.ifFalse is None or len(st.conditions) != 1:
                continue
            if st.conditions[0].pattern is not None or not is_pure(st.conditions[0].expr):
                continue
            at, af = single_assignment(st.ifTrue), single_assignment(st.ifFalse)
            if at is None or af is None or at.isNonBlocking != af.isNonBlocking:
                continue
            lt, lf = _text(an, at.left), _text(an, af.left)
            if lt is None or lf is None or norm(lt) != norm(lf):
                continue
            fa, fb = _form(an, at.right), _form(an, af.right)
            if fa is None or fb is None:
                continue
            fl, fr = (fa, fb) if fa[0] == "L" else (fb, fa)
            lw = getattr(strip(at.left).type, "bitWidth", 0) or 0
            new = _merged(an, fl, fr, int(lw))
            if new is None:
                continue
            a, b = an.span(st.syntax)
            op = "<=" if at.isNonBlocking else "="
            out.append(self._m(an, a, b, f"opposite shifts of {_text(an, fl[1])} in if/else: one shifter",
                               [Edit(a, b, f"{lt} {op} {new};")]))
        return out


__all__ = ["Match", "OppositeShiftPair"]
