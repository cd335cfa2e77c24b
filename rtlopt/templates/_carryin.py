"""Two sums that differ by one, selected by a condition: one adder with the condition as its carry-in.

``c ? (x + K + 1) : (x + K)`` (either arm order, constants on the right of an add/sub chain, arms possibly
held in single-driver wires: ``e_hi = a + b - 6; e_lo = a + b - 7; e = norm ? e_hi : e_lo``) builds two
adders and a mux; it is ``x + K + c``: one adder whose carry-in is the condition (the normalization carry
of a floating-point multiplier's exponent). The result keeps the arms' signedness (the carry enters as a
non-negative signed value for signed arms); the search measures the candidate and proves it.
"""

from __future__ import annotations

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._sem import Analysis, is_pure, norm, op_name, strip


def _text(an: Analysis, node) -> str | None:
    syn = getattr(strip(node), "syntax", None)
    if syn is None:
        return None
    a, b = an.span(syn)
    return an.text[a:b].strip()


def _offset_form(an: Analysis, node, defs: dict, width: int):
    """``(base node, k, whole node)`` of ``base + k`` / ``base - k`` (k constant), seen through one wire."""
    from rtlopt.templates._guards import skey
    n = strip(node)
    if type(n).__name__ == "NamedValueExpression":
        d = defs.get(skey(n.symbol))
        # the wire's width truncates its sum: seen through only when it is the selection's width
        if d is None or int(getattr(n.symbol.type, "bitWidth", 0) or 0) != width:
            return None
        n = strip(d)
    if type(n).__name__ != "BinaryExpression" or op_name(n) not in ("Add", "Subtract"):
        return None
    k = an.const(n.right)
    if k is None:
        return None
    return n.left, (k if op_name(n) == "Add" else -k), n


class CarryInSelect(Template):
    """``c ? x + K + 1 : x + K`` -> ``x + K + c`` (one adder, the condition as carry-in)."""

    id = rule = "carry_in_select"
    description = ("a selection between two sums of one operand whose constants differ by one becomes one sum "
                   "with the condition as its carry-in")

    def find(self, an: Analysis) -> list[Match]:
        from rtlopt.templates._guards import net_definitions
        defs = None
        out: list[Match] = []
        for info in an.exprs:
            n = info.node
            if type(n).__name__ != "ConditionalExpression" or len(n.conditions) != 1 \
                    or n.conditions[0].pattern is not None or not is_pure(n.conditions[0].expr):
                continue
            if defs is None:
                defs = net_definitions(an)
            ft, ff = _offset_form(an, n.left, defs, info.width), _offset_form(an, n.right, defs, info.width)
            if ft is None or ff is None:
                continue
            bt, bf = _text(an, ft[0]), _text(an, ff[0])
            if bt is None or bf is None or norm(bt) != norm(bf) or abs(ft[1] - ff[1]) != 1:
                continue
            lo, hi_when_true = (ff, True) if ft[1] > ff[1] else (ft, False)
            lt, ct = _text(an, lo[2]), _text(an, n.conditions[0].expr)
            if lt is None or ct is None:
                continue
            bit = f"({ct} ? 1'b1 : 1'b0)" if hi_when_true else f"({ct} ? 1'b0 : 1'b1)"
            signed = bool(getattr(lo[2].type, "isSigned", False))
            cin = f"$signed({{1'b0, {bit}}})" if signed else bit
            out.append(self._m(an, info.start, info.end, f"sums of {bt} differing by one: one adder, carry-in {ct}",
                               [Edit(info.start, info.end, f"(({lt}) + {cin})")]))
        return out


__all__ = ["CarryInSelect", "Match"]
