"""A right shift and the last bit it shifts out, read by a second (variable) bit-select: one shift.

``q = x >> s`` (or ``>>>``) beside ``r = (s == 0) ? 0 : x[s - 1]`` builds a barrel shifter and a W:1 mux
on the same amount; the rounding bit is the bit just below the result's LSB, i.e. bit 0 of
``{x, 1'b0} >> s``. One shifter one bit wider gives both: a wire ``t = {x, 1'b0} >> s`` (signed for
``>>>``) declared before the module item that reads them, ``x >> s`` becomes ``t >> 1`` and the guarded
select becomes ``t[0]``. Operand and amount must be the same expressions (names free of side effects,
module-level signals); the search measures the candidate and proves it.
"""

from __future__ import annotations

import re

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._sem import Analysis, norm, op_name, strip

_RSHIFT = {"LogicalShiftRight": ">>", "ArithmeticShiftRight": ">>>"}


def _text(an: Analysis, node) -> str | None:
    syn = getattr(strip(node), "syntax", None)
    if syn is None:
        return None
    a, b = an.span(syn)
    return an.text[a:b].strip()


def _module_item_start(an: Analysis, syn) -> int | None:
    """Start of the line of the module member (always block, assign, declaration) holding ``syn``."""
    p = syn
    while p is not None and p.parent is not None and type(p.parent).__name__ != "ModuleDeclarationSyntax":
        p = p.parent
    if p is None or p.parent is None:
        return None
    a, _b = an.span(p)
    return an.text.rfind("\n", 0, a) + 1


def _range_text(sym) -> str | None:
    """``[msb+1:lsb]`` of a signal declared ``[msb:lsb]`` (its declared text: parameters stay symbolic)."""
    syn = getattr(sym, "syntax", None)
    p = getattr(syn, "parent", None)
    if p is None:
        return None
    dt = getattr(getattr(p, "header", None), "dataType", None) if type(p).__name__.endswith("PortSyntax") \
        else getattr(p, "type", None)
    if dt is None:
        return None
    m = re.search(r"\[([^\[\]:]+):([^\[\]:]+)\]\s*$", str(dt))
    if m is None:
        return None
    return f"[({m.group(1).strip()}) + 1:{m.group(2).strip()}]"


def _guarded_bit(an: Analysis, n):
    """``(x node, amount text)`` of ``(s == 0) ? 0 : x[s - 1]`` (either arm order, != too)."""
    if len(n.conditions) != 1 or n.conditions[0].pattern is not None:
        return None
    c = strip(n.conditions[0].expr)
    if type(c).__name__ != "BinaryExpression" or op_name(c) not in ("Equality", "Inequality"):
        return None
    if an.const(c.right) == 0:
        s = c.left
    elif an.const(c.left) == 0:
        s = c.right
    else:
        return None
    zero_arm, sel_arm = (n.left, n.right) if op_name(c) == "Equality" else (n.right, n.left)
    if an.const(zero_arm) != 0:
        return None
    e = strip(sel_arm)
    if type(e).__name__ != "ElementSelectExpression":
        return None
    k = strip(e.selector)
    if type(k).__name__ != "BinaryExpression" or op_name(k) != "Subtract" or an.const(k.right) != 1:
        return None
    st, kt = _text(an, s), _text(an, k.left)
    if st is None or kt is None or norm(st) != norm(kt):
        return None
    if type(strip(e.value)).__name__ != "NamedValueExpression":
        return None
    return e.value, st


class ShiftRoundBit(Template):
    """``x >> s`` and ``(s == 0) ? 0 : x[s - 1]`` -> one ``{x, 1'b0} >> s`` giving both."""

    id = rule = "shift_round_bit"
    description = ("a right shift x >> s (or >>>) and the last bit it shifts out, (s == 0) ? 0 : x[s - 1], become one "
                   "shift of {x, 1'b0} whose upper bits are the result and whose bit 0 is the rounding bit")

    def find(self, an: Analysis) -> list[Match]:
        shifts, bits = [], []
        for info in an.exprs:
            n = info.node
            k = type(n).__name__
            if k == "BinaryExpression" and op_name(n) in _RSHIFT \
                    and type(strip(n.left)).__name__ == "NamedValueExpression":
                xt, st = _text(an, n.left), _text(an, n.right)
                if xt is not None and st is not None:
                    shifts.append((info, norm(xt), norm(st), _RSHIFT[op_name(n)], n))
            elif k == "ConditionalExpression":
                g = _guarded_bit(an, n)
                if g is not None:
                    xt = strip(g[0]).symbol.name  # 'x[s-1]' is one name syntax: the symbol names x
                    if xt:
                        bits.append((info, norm(xt), norm(g[1]), g[0]))
        out: list[Match] = []
        used = 0
        for si, sx, ss, op, sn in shifts:
            for bi, bx, bs, xnode in bits:
                if (sx, ss) != (bx, bs):
                    continue
                w = _range_text(getattr(strip(xnode), "symbol", None))
                # signedness after propagation: x >>> s in an unsigned expression is a logical shift
                signed = op == ">>>" and bool(getattr(sn.type, "isSigned", False))
                op = ">>>" if signed else ">>"
                if not w:
                    continue
                at = _module_item_start(an, getattr(si.node, "syntax", None))
                bt = _module_item_start(an, getattr(bi.node, "syntax", None))
                if at is None or bt is None:
                    continue
                pos = min(at, bt)
                xt, st = _text(an, sn.left), _text(an, sn.right)
                name = f"rtlopt_rshift_t{used}"
                used += 1
                indent = re.match(r"[ \t]*", an.text[pos:]).group(0)
                rhs = f"$signed({{{xt}, 1'b0}}) >>> {st}" if signed else f"{{{xt}, 1'b0}} >> {st}"
                decl = f"{indent}wire {'signed ' if signed else ''}{w} {name} = {rhs};\n"
                edits = [Edit(pos, pos, decl), Edit(si.start, si.end, f"({name} {op} 1)"),
                         Edit(bi.start, bi.end, f"{name}[0]")]
                try:
                    out.append(self._m(an, si.start, si.end,
                                       f"{xt} {op} {st} and its last shifted-out bit: one shift of {{{xt}, 1'b0}}",
                                       edits))
                except ValueError:
                    continue
        return out


__all__ = ["Match", "ShiftRoundBit"]
