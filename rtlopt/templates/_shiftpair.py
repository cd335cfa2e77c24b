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
replace a barrel shifter, kept only when measured smaller). The two arms may also be the items of a case on a
one-bit selector (items 0 and 1) or one item and a default (``sel == K``), each assigning the one target; in
a function body (formals are not module signals) the shared shifter is a named block with its own variables
put in place of the statement.
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


def _two_arms(an: Analysis, st):
    """``(condition nodes, condition text, arm taken when true, arm taken otherwise)`` of a two-way statement:
    ``if (c) A else B``; ``case (s) K: A; default: B endcase`` (``s == K``); or a case on a one-bit selector
    with exactly the two items ``1`` and ``0`` (any order). None for anything else (more items, casez/casex,
    a missing arm)."""
    k = type(st).__name__
    if k == "ConditionalStatement":
        if st.ifFalse is None or len(st.conditions) != 1 or st.conditions[0].pattern is not None \
                or not is_pure(st.conditions[0].expr):
            return None
        return [st.conditions[0].expr], _text(an, st.conditions[0].expr), st.ifTrue, st.ifFalse
    if k != "CaseStatement" or not str(st.condition).endswith("Normal") or not is_pure(st.expr):
        return None
    sel = _text(an, st.expr)
    items = list(st.items)
    if sel is None or any(len(list(g.expressions)) != 1 for g in items):
        return None
    if st.defaultCase is not None:
        if len(items) != 1:
            return None
        e = list(items[0].expressions)[0]
        et = _text(an, e)
        if et is None or not is_pure(e):
            return None
        return [st.expr, e], f"{paren(sel)} == {paren(et)}", items[0].stmt, st.defaultCase
    if len(items) != 2 or int(getattr(st.expr.type, "bitWidth", 0) or 0) != 1:
        return None
    vals = [_item_const(an, list(g.expressions)[0]) for g in items]
    if sorted(v for v in vals if v is not None) != [0, 1] or None in vals:
        return None
    one, zero = (items[0], items[1]) if vals[0] == 1 else (items[1], items[0])
    return [st.expr], sel, one.stmt, zero.stmt


def _item_const(an: Analysis, node) -> int | None:
    """The value of a case item that is a constant (literal, parameter or enum member), else None."""
    from pyslang import ast

    v = an.const(node)
    if v is not None:
        return v
    n = strip(node)
    if type(n).__name__ != "NamedValueExpression" \
            or type(n.symbol).__name__ not in ("EnumValueSymbol", "ParameterSymbol"):
        return None
    try:
        sv = getattr(n.eval(ast.EvalContext(an.root)), "value", None)
        return None if sv is None or type(sv).__name__ != "SVInt" or sv.hasUnknown else int(sv)
    except Exception:  # noqa: BLE001 - pyslang raises assorted errors on odd nodes
        return None


def _in_function(syn) -> bool:
    """True when ``syn`` lies in a function or task body."""
    while syn is not None:
        if type(syn).__name__ == "FunctionDeclarationSyntax":
            return True
        syn = syn.parent
    return False


def _function_statements(an: Analysis) -> list:
    """The if/case statements of the bodies of the design's functions (not visited with the module items)."""
    from pyslang import ast

    out: list = []
    seen: set = set()
    for fn in an.symbols:
        if not isinstance(fn, ast.SubroutineSymbol) or getattr(fn, "syntax", None) is None or fn.body is None \
                or "Function" not in str(fn.subroutineKind):
            continue

        def visit(n, out=out):
            if isinstance(n, ast.Statement) and type(n).__name__ in ("ConditionalStatement", "CaseStatement"):
                syn = getattr(n, "syntax", None)
                if syn is not None and an.span(syn) not in seen:
                    seen.add(an.span(syn))
                    out.append(n)
            return True

        fn.body.visit(visit)
    return out


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
                forms.append(([n.conditions[0].expr], n.left, n.right, info.width, n.syntax,
                              (info.start, info.end), lambda v: v, _text(an, n.conditions[0].expr), None))
        stmts, seen_st = [], set()
        for st in [st for st, _s, _e in an.statements] + _function_statements(an):
            syn = getattr(st, "syntax", None)
            if syn is not None and an.span(syn) not in seen_st:
                seen_st.add(an.span(syn))
                stmts.append((st, _in_function(syn)))
        for st, local in stmts:
            arms = _two_arms(an, st)
            if arms is None or getattr(st, "syntax", None) is None:
                continue
            cnodes, ctext, tst, fst = arms
            at, af = single_assignment(tst), single_assignment(fst)
            if at is None or af is None or at.isNonBlocking != af.isNonBlocking or at.right.syntax is None:
                continue
            lt, lf = _text(an, at.left), _text(an, af.left)
            if lt is None or lf is None or norm(lt) != norm(lf):
                continue
            op = "<=" if at.isNonBlocking else "="
            lw = int(getattr(strip(at.left).type, "bitWidth", 0) or 0)
            if local and op != "=":
                continue
            forms.append((cnodes, at.right, af.right, lw, at.right.syntax, an.span(st.syntax),
                          lambda v, lt=lt, op=op: f"{lt} {op} {v};", ctext, lt if local else None))
        for cnodes, tnode, fnode, w, anchor, (a, b), fmt, ctext, local in forms:
            fa, fb = _same_amount_form(an, tnode, w), _same_amount_form(an, fnode, w)
            if fa is None or fb is None or {fa[0], fb[0]} != {"L", "R"} or w < 2:
                continue
            if norm(_text(an, fa[1])) != norm(_text(an, fb[1])) or norm(_text(an, fa[2])) != norm(_text(an, fb[2])):
                continue
            cond = ctext
            if cond is None:
                continue
            cond = paren(cond) if fa[0] == "L" else f"!{paren(cond)}"
            x, amt = _text(an, fa[1]), _text(an, fa[2])

            def rev(v: str, w: int = w) -> str:
                return "{" + ", ".join(f"{v}[{i}]" for i in range(w)) + "}"

            if local is not None:
                # inside a function body: a named block with its own variables, evaluated where the
                # statement was (reads whatever the statement read at that point)
                name = _fresh(an.text + "".join(used), "rtlopt_rs")
                used.add(name)
                ls = an.text.rfind("\n", 0, a) + 1
                ind = an.text[ls:a] if not an.text[ls:a].strip() else ""
                new = (f"begin : {name}\n"
                       f"{ind}  reg [{w - 1}:0] {name}_a, {name}_s;\n"
                       f"{ind}  {name}_a = {x};\n"
                       f"{ind}  {name}_s = ({cond} ? {rev(name + '_a')} : {name}_a) >> {paren(amt)};\n"
                       f"{ind}  {local} = {cond} ? {rev(name + '_s')} : {name}_s;\n"
                       f"{ind}end")
                out.append(self._m(an, a, b, f"{x} << / >> {amt} in a function: one right shifter, operand and "
                                   "result reversed for the left shift", [Edit(a, b, new)]))
                continue
            v = vol.get(an.span(anchor), frozenset())
            rd = reads(fa[1]) | reads(fa[2])
            for c in cnodes:
                rd |= reads(c)
            if rd & v:
                continue
            item = _module_item(anchor)
            if item is None:
                continue
            name = _fresh(an.text + "".join(used), "rtlopt_rs")
            used.add(name)
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
