"""A ``case`` table of constants that is arithmetic of the selector: ``x + b`` (or ``b - x``) on a
contiguous range of labels, one constant elsewhere.

``case (x) 0: t <= 1; 1: t <= 2; ... 4: t <= 5; default: t <= 0; endcase`` assigns ``x + 1`` for
every label and 0 for every other value: it is ``t <= (x <= 4) ? x + 1 : 0;`` (a modulo counter
written as a table). Found from the values alone (labels and constants of the elaborated source,
any label order, several labels per item, a ``begin``/``end`` around the one assignment), checked
modulo the target's width; the search loop measures and proves every candidate. Reported under
``word_level_lifting`` (the table is lifted to the word-level operator it tabulates).
"""

from __future__ import annotations

RULE = "word_level_lifting"


def _single_assign(st):
    """The one assignment expression of a statement (through begin/end), else None."""
    while st is not None and type(st).__name__ == "BlockStatement":
        body = st.body
        if type(body).__name__ == "StatementList":
            items = [x for x in body.list if type(x).__name__ != "EmptyStatement"]
            if len(items) != 1:
                return None
            body = items[0]
        st = body
    if st is None or type(st).__name__ != "ExpressionStatement":
        return None
    e = st.expr
    return e if type(e).__name__ == "AssignmentExpression" else None


def _table_rewrite(an, st) -> tuple[str, str] | None:
    from rtlopt.templates._sem import is_pure, norm, strip

    if str(getattr(st, "condition", "")).split(".")[-1] != "Normal" or st.defaultCase is None:
        return None
    sel = strip(st.expr)
    if not is_pure(sel) or sel.type.isSigned or not sel.type.isIntegral:
        return None
    ws = int(sel.type.bitWidth or 0)
    if not 1 <= ws <= 32:
        return None
    target = None
    table: dict[int, int] = {}
    arms = [(list(it.expressions), it.stmt) for it in st.items] + [(None, st.defaultCase)]
    dflt = None
    for labels, body in arms:
        a = _single_assign(body)
        if a is None:
            return None
        left = a.left
        ls, le = an.span(left.syntax)
        key = (norm(an.text[ls:le]), bool(a.isNonBlocking))
        if target is None:
            target = (key, left, a)
        elif target[0] != key:
            return None
        c = an.const(a.right)
        if c is None:
            return None
        wt = int(left.type.bitWidth or 0)
        if wt <= 0 or left.type.isSigned:
            return None
        c &= (1 << wt) - 1
        if labels is None:
            dflt = c
            continue
        for lab in labels:
            v = an.const(lab)
            if v is None or v < 0 or v >= 1 << ws or v in table:
                return None
            table[v] = c
    if len(table) < 3 or dflt is None:
        return None
    (_key, left, a) = target
    wt = int(left.type.bitWidth)
    m = (1 << wt) - 1
    vs = sorted(table)
    lo, hi = vs[0], vs[-1]
    if hi - lo + 1 != len(vs):
        return None  # not one contiguous range of labels
    xs, xe = an.span(sel.syntax)
    xtext = an.text[xs:xe].strip()
    if not (xtext.isidentifier() or xtext.replace("[", "").replace("]", "").replace(":", "").replace("_", "")
            .isalnum()):
        xtext = f"({xtext})"
    expr = None
    b = (table[lo] - lo) & m
    if all(((v + b) & m) == table[v] for v in vs):
        expr = xtext if b == 0 else f"{xtext} + {wt}'d{b}"
        what = f"x + {b}"
    else:
        b = (table[lo] + lo) & m
        if all(((b - v) & m) == table[v] for v in vs):
            expr = f"{wt}'d{b} - {xtext}"
            what = f"{b} - x"
    if expr is None:
        return None
    top = (1 << ws) - 1
    if lo == 0 and hi == top:
        rhs = expr
    else:
        cond = f"{xtext} <= {ws}'d{hi}" if lo == 0 else f"{xtext} >= {ws}'d{lo}" if hi == top else \
            f"{xtext} >= {ws}'d{lo} && {xtext} <= {ws}'d{hi}"
        rhs = f"({cond}) ? {expr} : {wt}'d{dflt}"
    ls, le = an.span(left.syntax)
    op = "<=" if a.isNonBlocking else "="
    desc = f"case table on {xtext} is {what} for labels {lo}..{hi}, {dflt} otherwise"
    return f"{an.text[ls:le].strip()} {op} {rhs};", desc


def rewrites(text: str, name: str = "design.v") -> list[tuple[str, str]]:
    """``[(new text, description)]``: one per case table that is arithmetic of its selector."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.templates._sem import analyze, parses_cleanly

    an = analyze(text, name)
    if an.syntax_errors:
        return []
    out = []
    for st, s, e in an.statements:
        if type(st).__name__ != "CaseStatement":
            continue
        try:
            got = _table_rewrite(an, st)
        except Exception:  # noqa: BLE001 - an unusual statement: no rewrite
            got = None
        if got is None:
            continue
        new = apply_edits(text, [Edit(s, e, got[0])])
        if new != text and parses_cleanly(new, an.errors):
            out.append((new, got[1]))
    return out


def casetable_candidates(state) -> list:
    from rtlopt.engine.candidate import per_file_candidates

    return per_file_candidates(state, rewrites, RULE, "case table", "casetable")


__all__ = ["casetable_candidates", "rewrites"]
