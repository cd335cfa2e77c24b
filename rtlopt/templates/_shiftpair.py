"""A left shift for one side of a constant and a right shift for the other: one left shift and a slice.

``(e >= K) ? x << (e - K) : x >> (K - e)`` (a ternary, or an if/else assigning one target; the condition
does not matter: the two arms are the same function of ``e`` wherever no bit is lost) scales ``x`` by
``2^(e-K)`` with two barrel shifters and a mux. Widened by ``K`` zero bits the left shift keeps every bit the
right shift would drop, so both arms are ``({0.., x} << e) >> K``: one left shifter by ``e`` and a constant
slice (the fixed-point conversion of a float, an exponent-driven scale). The constant may be on either
side (``x << (e - K)`` / ``x >> (K - e)``); ``x`` is unsigned (a signed operand sign-extends differently).
The search measures the candidate and proves it.

The same amount on both sides (``c ? x << n : x >> n``, the arms inline or single-driver nets, the result as
wide as ``x``): a left shift is the right shift of the bit-reversed operand, reversed back, so one right
shifter does both: ``s = (c ? rev(x) : x) >> n; y = c ? rev(s) : s`` (reversals are wiring; two W-bit muxes
replace a barrel shifter, kept only when measured smaller).
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


def _same_amount_form(an: Analysis, node, ctx: int):
    """``(dir, operand node, amount node)`` of ``x << n`` / ``x >> n`` with unsigned ``x`` exactly as wide as the
    shift's result and the selection (``ctx``), inline or as the one driver of a net in the same scope."""
    from rtlopt.templates._addsub import _net_drivers, _same_node, _scope_of, _sym_key

    n = strip(node)
    if type(n).__name__ == "NamedValueExpression":
        sym = n.symbol
        r = _net_drivers(an).get(_sym_key(sym))
        if r is None or int(getattr(sym.type, "bitWidth", 0) or 0) != ctx or n.syntax is None or r.syntax is None:
            return None
        sa, sb = _scope_of(r.syntax), _scope_of(n.syntax)
        if sa is None or not (sa is sb or _same_node(sa, sb, an)):
            return None
        n = strip(r)
    if type(n).__name__ != "BinaryExpression" or not is_pure(n):
        return None
    op = op_name(n)
    if op not in _LEFT and op not in _RIGHT:
        return None
    if int(n.type.bitWidth or 0) != ctx or self_width(n.left) != ctx or getattr(strip(n.left).type, "isSigned", True):
        return None
    if _text(an, n.left) is None or _text(an, n.right) is None or an.const(n.right) is not None:
        return None
    return ("L" if op in _LEFT else "R"), n.left, n.right


def _module_item(syn):
    """The module (or generate block) item holding ``syn``."""
    while syn is not None and syn.parent is not None \
            and type(syn.parent).__name__ not in ("ModuleDeclarationSyntax", "GenerateBlockSyntax"):
        syn = syn.parent
    return syn if syn is not None and syn.parent is not None else None


def _fresh(text: str, base: str) -> str:
    i = 0
    while f"{base}{i}" in text:
        i += 1
    return f"{base}{i}"


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
        out.extend(self._reversed(an))
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

    def _reversed(self, an: Analysis) -> list[Match]:
        """``c ? x << n : x >> n`` (or ``if (c) t = x << n; else t = x >> n;``) -> one right shifter of
        ``c ? rev(x) : x``, its result reversed under ``c``. The shifter is a module-level wire, so the
        condition, ``x`` and ``n`` must read nothing blocking-assigned in the block around them."""
        from rtlopt.templates._arith import single_assignment
        from rtlopt.templates._guards import reads, sites

        vol = {}
        for site in sites(an):
            sp = getattr(site.node, "syntax", None)
            if sp is not None:
                vol[an.span(sp)] = site.volatile
        out: list[Match] = []
        used: set[str] = set()
        forms = []  # (cond node, true arm, false arm, width, anchor syntax, replace span, formatter)
        for info in an.exprs:
            n = info.node
            if type(n).__name__ == "ConditionalExpression" and len(n.conditions) == 1 \
                    and n.conditions[0].pattern is None and is_pure(n.conditions[0].expr) and n.syntax is not None:
                forms.append((n.conditions[0].expr, n.left, n.right, info.width, n.syntax,
                              (info.start, info.end), lambda v: v))
        for st, _s, _e in an.statements:
            if type(st).__name__ != "ConditionalStatement" or st.ifFalse is None or len(st.conditions) != 1 \
                    or st.conditions[0].pattern is not None or not is_pure(st.conditions[0].expr):
                continue
            at, af = single_assignment(st.ifTrue), single_assignment(st.ifFalse)
            if at is None or af is None or at.isNonBlocking != af.isNonBlocking or at.right.syntax is None:
                continue
            lt, lf = _text(an, at.left), _text(an, af.left)
            if lt is None or lf is None or norm(lt) != norm(lf):
                continue
            op = "<=" if at.isNonBlocking else "="
            lw = int(getattr(strip(at.left).type, "bitWidth", 0) or 0)
            forms.append((st.conditions[0].expr, at.right, af.right, lw, at.right.syntax, an.span(st.syntax),
                          lambda v, lt=lt, op=op: f"{lt} {op} {v};"))
        for cnode, tnode, fnode, w, anchor, (a, b), fmt in forms:
            fa, fb = _same_amount_form(an, tnode, w), _same_amount_form(an, fnode, w)
            if fa is None or fb is None or {fa[0], fb[0]} != {"L", "R"} or w < 2:
                continue
            if norm(_text(an, fa[1])) != norm(_text(an, fb[1])) or norm(_text(an, fa[2])) != norm(_text(an, fb[2])):
                continue
            v = vol.get(an.span(anchor), frozenset())
            if (reads(cnode) | reads(fa[1]) | reads(fa[2])) & v:
                continue
            item = _module_item(anchor)
            cond = _text(an, cnode)
            if item is None or cond is None:
                continue
            cond = paren(cond) if fa[0] == "L" else f"!{paren(cond)}"
            name = _fresh(an.text + "".join(used), "rtlopt_rs")
            used.add(name)
            x, amt = _text(an, fa[1]), _text(an, fa[2])

            def rev(v: str, w: int = w) -> str:
                return "{" + ", ".join(f"{v}[{i}]" for i in range(w)) + "}"

            pos = an.span(item)[0]
            ls = an.text.rfind("\n", 0, pos) + 1
            indent = an.text[ls:pos] if not an.text[ls:pos].strip() else ""
            decl = (f"wire [{w - 1}:0] {name}_a = {x};\n{indent}"
                    f"wire [{w - 1}:0] {name}_x = {cond} ? {rev(name + '_a')} : {name}_a;\n{indent}"
                    f"wire [{w - 1}:0] {name} = {name}_x >> {paren(amt)};\n{indent}")
            new = fmt(f"({cond} ? {rev(name)} : {name})")
            out.append(self._m(an, a, b,
                               f"{x} << / >> {amt}: one right shifter, operand and result reversed for the left shift",
                               [Edit(pos, pos, decl), Edit(a, b, new)]))
        return out

__all__ = ["Match", "OppositeShiftPair"]
