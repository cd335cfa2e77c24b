"""Arms of a selection that shift the same operand by different amounts share one shifter.

``c1 ? x : c2 ? y : c3 ? (x << s) : z`` builds a shifter for ``x << s`` and a mux arm for ``x``; but ``x`` is
``x << 0``, so both arms are one shifter whose amount is selected: ``(c1 || c3) ? (x << (c1 ? 0 : s)) :
c2 ? y : z`` (a log shifter of a 2-bit amount is two mux levels, the mux arm it replaces is one level over
the full width; the remaining operand mux loses an input). The same holds for two shifts of one operand by
different amounts (``x << a`` / ``x << b`` -> ``x << (c ? a : b)``), left or right, logical or arithmetic.

This is what the address-generation modes of a load/store unit look like after their adders were shared
(``base + index``, ``base + (index << size)`` -> one adder over an operand mux holding both ``index`` and
``index << size``), and what a hand-written offset / operand select looks like.

Semantics decide, not spelling: two arms are merged only when their shifted operands are the same
expression (whitespace and comments aside) and an arm that moves past others in the priority chain is
proven exclusive with every arm it passes (z3, through single-driver decode wires). The merged arm is
placed where the earlier arm was, where the later one was, or as the chain's default (the old default then
gets the complement condition); the search measures each placement and proves the one it keeps.
"""

from __future__ import annotations

from pyslang import ast  # noqa: F401 - pyslang must be importable (the analysis uses it)

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._guards import Z3Expr, net_definitions, skey, unsat
from rtlopt.templates._sem import Analysis, is_pure, norm, op_name, paren, self_width, strip

MAX_ARMS = 16
_SHIFTS = {"LogicalShiftLeft": "<<", "ArithmeticShiftLeft": "<<", "LogicalShiftRight": ">>",
           "ArithmeticShiftRight": ">>>"}


def _text(an: Analysis, node) -> str | None:
    node = strip(node)
    syn = getattr(node, "syntax", None)
    if syn is None:
        return None
    a, b = an.span(syn)
    return an.text[a:b].strip()


def _shift_form(an: Analysis, node, defs: dict | None = None, width: int = 0, depth: int = 0):
    """``(operand key, operand text, op, amount text, amount width)``; a plain value is ``op None``. An
    amount width ``<= 0`` is a constant amount ``-value``. Seen through a wire as wide as the selection
    (``width``) whose one driver is itself a selection of shifts of one operand (``c ? x << a : x << b``
    is ``x << (c ? a : b)``)."""
    n = strip(node)
    k = type(n).__name__
    if k == "BinaryExpression" and op_name(n) in _SHIFTS:
        bt, at = _text(an, n.left), _text(an, n.right)
        if bt is None or at is None:
            return None
        c = an.const(n.right)
        return norm(bt), bt, _SHIFTS[op_name(n)], at, (self_width(n.right) or 0) if c is None else -c
    if depth < 3 and defs and width and k == "NamedValueExpression":
        d = defs.get(skey(n.symbol))
        if d is not None and int(getattr(n.symbol.type, "bitWidth", 0) or 0) == width:
            f = _shift_form(an, d, defs, width, depth + 1)
            if f is not None and f[2] is not None:
                return f
    if depth < 3 and k == "ConditionalExpression" and len(n.conditions) == 1 and n.conditions[0].pattern is None:
        fl = _shift_form(an, n.left, defs, width, depth + 1)
        fr = _shift_form(an, n.right, defs, width, depth + 1)
        ct = _text(an, n.conditions[0].expr)
        if fl is not None and fr is not None and ct is not None and fl[0] == fr[0] \
                and (fl[2] is not None or fr[2] is not None) \
                and (fl[2] is None or fr[2] is None or fl[2] == fr[2]):
            aw, al, ar = _amounts(fl, fr)
            return fl[0], fl[1], fl[2] or fr[2], f"({paren(ct)} ? {paren(al)} : {paren(ar)})", aw
    t = _text(an, n)
    if t is None:
        return None
    return norm(t), t, None, None, None


def _amounts(fi, fj) -> tuple[int, str, str]:
    """``(width, amount text of fi, amount text of fj)``: a plain value shifts by 0; constant amounts are
    written as wide as the other amount."""
    ws = [f[4] for f in (fi, fj) if f[4] is not None and f[4] > 0]
    cs = [-f[4] for f in (fi, fj) if f[4] is not None and f[4] <= 0]
    aw = max(ws + [max(c.bit_length() for c in cs) if cs else 1, 1])

    def amount(f):
        if f[2] is None:
            return f"{aw}'d0"
        if f[4] is not None and f[4] <= 0:
            return f"{aw}'d{-f[4]}"
        return f[3]

    return aw, amount(fi), amount(fj)


def _bit_literal(zx, conds: list, ci, cj) -> tuple[str, bool] | None:
    """``(bit text, polarity)``: one bit of a word the conditions read that equals ``ci`` (polarity True) or
    its complement wherever ``ci`` or ``cj`` holds (a don't-care simplification of the amount select)."""
    import z3

    from rtlopt.templates._guards import skey as _skey
    syms: dict = {}
    budget = [24]  # z3 checks at most (a few decode bits in practice)

    def visit(n):
        if type(n).__name__ == "NamedValueExpression":
            syms.setdefault(_skey(n.symbol), n.symbol)
        return True

    for c in conds:
        c.visit(visit)
    for k, sym in syms.items():
        t = sym.type
        w = int(getattr(t, "bitWidth", 0) or 0)
        if not 1 <= w <= 8 or getattr(t, "isSigned", False):
            continue
        lo = 0
        if w > 1:
            rng = getattr(t, "range", None) if getattr(t, "hasFixedRange", False) else None
            if rng is None or rng.left < rng.right:
                continue
            lo = rng.right
        v = zx.var(k, w)
        for b in range(w):
            lit = z3.Extract(b, b, v) == 1
            for pol in (True, False):
                budget[0] -= 1
                if budget[0] < 0:
                    return None
                if unsat(z3.Or(ci, cj), (ci != lit) if pol else (ci == lit), timeout_ms=300):
                    return (sym.name if w == 1 else f"{sym.name}[{b + lo}]"), pol
    return None


def _label_bit(sel_node, li: list[int], lj: list[int]) -> tuple[str, bool] | None:
    """``(bit text, polarity)``: a bit of the (named) selector that is ``polarity`` for every label of one
    item and the opposite for every label of the other."""
    e = strip(sel_node)
    if type(e).__name__ != "NamedValueExpression":
        return None
    t = e.symbol.type
    w = int(getattr(t, "bitWidth", 0) or 0)
    rng = getattr(t, "range", None) if getattr(t, "hasFixedRange", False) else None
    if not 2 <= w <= 16 or rng is None or rng.left < rng.right:
        return None
    for b in range(w):
        bi = {(v >> b) & 1 for v in li}
        bj = {(v >> b) & 1 for v in lj}
        if len(bi) == 1 and len(bj) == 1 and bi != bj:
            return f"{e.symbol.name}[{b + rng.right}]", bi == {1}
    return None


def _chain(n):
    """``([(cond, value), ...], default)`` of a ``?:`` chain (None if it is not a plain chain)."""
    arms, cur = [], n
    while type(cur).__name__ == "ConditionalExpression":
        if len(cur.conditions) != 1 or cur.conditions[0].pattern is not None:
            return None
        arms.append((cur.conditions[0].expr, cur.left))
        cur = strip(cur.right)
    return arms, cur


class ShiftedArmMerge(Template):
    """Two arms of a ``?:`` chain shifting one operand (one of them maybe by 0) -> one shifter, amount muxed."""

    id = rule = "shifted_arm_merge"
    description = ("two arms of a ?: selection that shift the same operand by different amounts (a plain arm "
                   "being a shift by 0) become one shifter whose amount is selected; arms that move in the "
                   "priority chain are proven exclusive with those they pass (z3)")

    def find(self, an: Analysis) -> list[Match]:
        zx = None
        defs = None
        out: list[Match] = []
        inner: set[tuple[int, int]] = set()
        for info in an.exprs:
            n = info.node
            if type(n).__name__ != "ConditionalExpression" or (info.start, info.end) in inner:
                continue
            ch = _chain(n)
            if ch is None:
                continue
            arms, default = ch
            cur = strip(n.right)
            while type(cur).__name__ == "ConditionalExpression":
                ci = an.info(cur)
                if ci is not None:
                    inner.add((ci.start, ci.end))
                cur = strip(cur.right)
            if not 1 <= len(arms) <= MAX_ARMS:
                continue
            vals = [v for _c, v in arms] + [default]
            conds = [c for c, _v in arms]
            if not all(is_pure(x) for x in conds + vals):
                continue
            if defs is None:
                defs = net_definitions(an)
            forms = [_shift_form(an, v, defs, info.width) for v in vals]
            ctexts = [_text(an, c) for c in conds]
            if any(f is None for f in forms) or any(t is None for t in ctexts):
                continue
            pairs = []
            for i in range(len(vals)):
                for j in range(i + 1, len(vals)):
                    fi, fj = forms[i], forms[j]
                    if fi[0] != fj[0] or (fi[2] is None and fj[2] is None):
                        continue
                    if fi[2] is not None and fj[2] is not None and (fi[2] != fj[2] or norm(fi[3]) == norm(fj[3])):
                        continue
                    pairs.append((i, j))
            if not pairs:
                continue
            if zx is None:
                zx = Z3Expr(an, defs=defs)
            try:
                terms = [zx.boolean(c) for c in conds]
            except Exception:  # noqa: BLE001 - a condition z3 cannot model: no proof of exclusivity
                continue
            excl: dict[tuple[int, int], bool] = {}

            def ex(a, b, terms=terms, excl=excl):
                k = (min(a, b), max(a, b))
                if k not in excl:
                    excl[k] = unsat(terms[k[0]], terms[k[1]], timeout_ms=1000)
                return excl[k]

            texts = [_text(an, v) for v in vals]
            span = an.text[info.start:info.end].strip()
            # the span holds its parentheses (an operand of a larger expression): the new chain keeps them
            wrap = (lambda t: f"({t})") if span.startswith("(") and span.endswith(")") else (lambda t: t)
            for i, j in pairs:
                sel = None
                try:
                    if j < len(arms):
                        sel = _bit_literal(zx, conds, terms[i], terms[j])
                    else:  # the merged arm becomes the default: reached where no other arm's condition holds
                        import z3
                        others = [terms[k] for k in range(len(arms)) if k != i]
                        sel = _bit_literal(zx, conds, terms[i], z3.Not(z3.Or(*others)) if others else z3.BoolVal(True))
                except Exception:  # noqa: BLE001 - no simpler select
                    sel = None
                alts = [sel] if j < len(arms) or sel is None else [sel, None]  # the default: both selects measured
                for new, where in [x for s_ in alts for x in self._merges(arms, ctexts, texts, forms, i, j, ex, s_)]:
                    out.append(self._m(an, info.start, info.end,
                                       f"arms {i + 1} and {j + 1 if j < len(arms) else 'default'} shift "
                                       f"{forms[i][1]}: one shifter with a selected amount ({where})",
                                       [Edit(info.start, info.end, wrap(new))]))
        out.extend(self._cases(an, defs if defs is not None else net_definitions(an)))
        return out

    def _cases(self, an: Analysis, defs: dict) -> list[Match]:
        """``case (sel)`` whose items (constant, distinct labels: exclusive) each assign one target: two items
        shifting one operand become one item (labels joined) whose amount is selected by the first's labels."""
        from rtlopt.templates._arith import single_assignment
        out: list[Match] = []
        for st, _s, _e in an.statements:
            if type(st).__name__ != "CaseStatement" or str(st.condition).split(".")[-1] != "Normal":
                continue
            if not 1 <= len(st.items) <= MAX_ARMS or not is_pure(st.expr):
                continue
            sel = _text(an, st.expr)
            labels = [[an.const(x) for x in it.expressions] for it in st.items]
            flat = [v for ls in labels for v in ls]
            if sel is None or any(v is None for v in flat) or len(set(flat)) != len(flat):
                continue
            stmts = [it.stmt for it in st.items] + ([st.defaultCase] if st.defaultCase is not None else [])
            asg = [single_assignment(x) for x in stmts]
            if any(a is None or a.isNonBlocking for a in asg):
                continue
            lhs = [an.info(a.left) for a in asg]
            if any(x is None for x in lhs) or len({x.key for x in lhs}) != 1 or not all(is_pure(a.right) for a in asg):
                continue
            width = lhs[0].width
            forms = [_shift_form(an, a.right, defs, width) for a in asg]
            rinfo = [an.info(a.right) for a in asg]
            if any(f is None for f in forms) or any(r is None for r in rinfo):
                continue
            syn_items = [x for x in st.syntax.items if type(x).__name__ == "StandardCaseItemSyntax"]
            if len(syn_items) != len(st.items):
                continue
            ltexts = [[_text(an, x) for x in it.expressions] for it in st.items]
            if any(t is None for ls in ltexts for t in ls):
                continue
            n = len(st.items)
            for i in range(n):
                for j in range(i + 1, len(asg)):
                    fi, fj = forms[i], forms[j]
                    if fi[0] != fj[0] or (fi[2] is None and fj[2] is None):
                        continue
                    if fi[2] is not None and fj[2] is not None and (fi[2] != fj[2] or norm(fi[3]) == norm(fj[3])):
                        continue
                    _aw, amt_i, amt_j = _amounts(fi, fj)
                    cond = f"({sel} == {ltexts[i][0]})" if len(ltexts[i]) == 1 else \
                        "(" + " || ".join(f"({sel} == {t})" for t in ltexts[i]) + ")"
                    if j < n:  # a bit of the selector that tells the two items' labels apart
                        bit = _label_bit(st.expr, labels[i], labels[j])
                        if bit is not None:
                            cond = bit[0] if bit[1] else f"~{bit[0]}"
                    merged = f"{fi[1]} {fi[2] or fj[2]} ({cond} ? {paren(amt_i)} : {paren(amt_j)})"
                    ri = rinfo[j] if j == n else rinfo[i]
                    edits = [Edit(ri.start, ri.end, merged)]
                    a0, b0 = an.span(syn_items[i])
                    if j < n:  # item i takes item j's labels too; item j goes
                        la, _ = an.span(strip(st.items[i].expressions[0]).syntax)
                        _, lb = an.span(strip(st.items[i].expressions[-1]).syntax)
                        edits.append(Edit(la, lb, ", ".join(ltexts[i] + ltexts[j])))
                        a0, b0 = an.span(syn_items[j])
                    ls = an.text.rfind("\n", 0, a0) + 1
                    if not an.text[ls:a0].strip():
                        a0 = ls
                        if an.text[b0:b0 + 1] == "\n":
                            b0 += 1
                    edits.append(Edit(a0, b0, ""))
                    where = "into the default" if j == n else f"labels of item {j + 1} joined to item {i + 1}"
                    out.append(self._m(an, _s, _e, f"case items {i + 1} and {j + 1 if j < n else 'default'} shift "
                                       f"{fi[1]}: one shifter with a selected amount ({where})", edits))
        return out

    @staticmethod
    def _merges(arms, ctexts, texts, forms, i, j, ex, sel=None):
        n = len(arms)
        fi, fj = forms[i], forms[j]
        op = fi[2] or fj[2]
        _aw, amt_i, amt_j = _amounts(fi, fj)
        ci = paren(ctexts[i])
        if sel is not None:  # a bit that tells the two arms apart where either holds
            ci, amt_i, amt_j = (sel[0], amt_i, amt_j) if sel[1] else (sel[0], amt_j, amt_i)
        merged = f"({fi[1]} {op} ({ci} ? {paren(amt_i)} : {paren(amt_j)}))"
        conds = [paren(t) for t in ctexts]
        vals = [paren(t) for t in texts]

        def chain(lst, dflt):
            return "".join(f"{c} ? {v} : " for c, v in lst) + dflt

        res = []
        if j == n:  # the later arm is the default: arm i moves behind every later arm
            if all(ex(i, k) for k in range(i + 1, n)):
                rest = [(conds[k], vals[k]) for k in range(n) if k != i]
                res.append((chain(rest, merged), "as the default"))
            return res
        cij = f"({ctexts[i]} || {ctexts[j]})"
        if all(ex(j, k) for k in range(i + 1, j)):  # arm j moves up to arm i
            lst = [(conds[k], vals[k]) for k in range(n) if k != j]
            lst[i] = (cij, merged)
            res.append((chain(lst, vals[n]), "at the earlier arm"))
        if all(ex(i, k) for k in range(i + 1, j)):  # arm i moves down to arm j
            lst = [(conds[k], vals[k]) if k != j else (cij, merged) for k in range(n) if k != i]
            res.append((chain(lst, vals[n]), "at the later arm"))
        if all(ex(i, k) for k in range(i + 1, n)) and all(ex(j, k) for k in range(j + 1, n)):
            # both arms sink to the end: the merged arm is the default, the old default gets the complement
            lst = [(conds[k], vals[k]) for k in range(n) if k not in (i, j)]
            lst.append((f"!{cij}", vals[n]))
            res.append((chain(lst, merged), "as the default"))
        return res


__all__ = ["Match", "ShiftedArmMerge"]
