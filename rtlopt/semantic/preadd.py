"""Mirror pre-add of a loop accumulating products: ``acc = acc + X(k) * Y(k)`` over ``k = LO .. HI``.

When one factor takes the same value at mirrored indices (``Y(k) == Y(LO+HI-k)``: the coefficients of a
linear-phase / symmetric FIR, written as a function, a mirrored array read or a parameter table), the
two products of a mirrored pair share that factor and the pair is one product of a pre-added sum::

    for (k ...) if (k < M) acc = acc + (X(k) + X(M)) * Y(k); else if (k == M) acc = acc + X(k) * Y(k);

with ``M`` the mirrored index expression. Half the multipliers become adders. The pre-add sits in the
same expression context as the products did (same operands, so the same extension rules, every
operation as wide as the accumulation): the identity ``x*c + z*c == (x+z)*c`` holds exactly modulo
2^W for that width. Whether ``Y`` is mirror-symmetric is not decided here: both factors are tried as
the shared one and the search loop simulates and proves every candidate (a non-symmetric factor fails
the simulation screen at once). The rewrite is valid for every value of the loop's bounds (also an odd
count: the middle term stays), so it is right for every parameterization of the module.
"""

from __future__ import annotations

RULE = "algebraic_factoring"


def _unwrap(st):
    while st is not None and type(st).__name__ == "BlockStatement":
        body = st.body
        if type(body).__name__ == "StatementList":
            items = [x for x in body.list if type(x).__name__ != "EmptyStatement"]
            if len(items) != 1:
                return None
            body = items[0]
        st = body
    return st


def _conv_strip(e):
    while type(e).__name__ in ("Conversion", "ConversionExpression"):
        e = e.operand
    return e


def _refs(expr, sym) -> list:
    """Syntax nodes of every read of ``sym`` inside ``expr``."""
    out = []

    def visit(n):
        if type(n).__name__ == "NamedValueExpression" and getattr(n, "symbol", None) is sym and n.syntax is not None:
            out.append(n.syntax)
        return True

    try:
        expr.visit(visit)
    except Exception:  # noqa: BLE001
        return []
    return out


def _subst(an, expr, sym, repl: str) -> str | None:
    s0, e0 = an.span(expr.syntax)
    spans = sorted({an.span(x) for x in _refs(expr, sym)})
    if not spans:
        return None
    out, pos = [], s0
    for s, e in spans:
        if s < pos or e > e0:
            return None
        out.append(an.text[pos:s])
        out.append(f"({repl})")
        pos = e
    out.append(an.text[pos:e0])
    return "".join(out)


def _loop_rewrites(an, st, sv: bool = False) -> list[tuple[int, int, str, str]]:
    """``[(start, end, new body text, description)]`` for one for loop."""
    from rtlopt.templates._sem import norm, op_name

    vars_ = list(st.loopVars)
    if len(st.steps) != 1:
        return []
    if len(vars_) == 1 and vars_[0].initializer is not None and not list(st.initializers):
        v = vars_[0]  # for (int k = 0; ...)
        ini = v.initializer
    elif not vars_ and len(list(st.initializers)) == 1:
        a0 = st.initializers[0]  # integer k; for (k = 0; ...)
        lv = _conv_strip(getattr(a0, "left", None)) if type(a0).__name__ == "AssignmentExpression" else None
        if type(lv).__name__ != "NamedValueExpression" or a0.isNonBlocking:
            return []
        v, ini = lv.symbol, _conv_strip(a0.right)
    else:
        return []
    k = v.name
    init = an.text[slice(*an.span(ini.syntax))].strip()
    step = norm(an.text[slice(*an.span(st.steps[0].syntax))])
    if step not in (f"{k}++", f"++{k}", f"{k}+=1", f"{k}={k}+1"):
        return []
    stop = st.stopExpr
    if type(stop).__name__ != "BinaryExpression":
        return []
    sl = _conv_strip(stop.left)
    if type(sl).__name__ != "NamedValueExpression" or sl.symbol is not v:
        return []
    bound = an.text[slice(*an.span(_conv_strip(stop.right).syntax))].strip()
    lo = "" if norm(init) in ("0", "'0") else f"({init}) + "
    if op_name(stop) == "LessThan":
        mirror = f"{lo}({bound}) - 1 - {k}"
    elif op_name(stop) == "LessThanEqual":
        mirror = f"{lo}({bound}) - {k}"
    else:
        return []
    body = _unwrap(st.body)
    if body is None or type(body).__name__ != "ExpressionStatement":
        return []
    a = body.expr
    if type(a).__name__ != "AssignmentExpression":
        return []
    lt = norm(an.text[slice(*an.span(a.left.syntax))])
    rhs = _conv_strip(a.right)
    if type(rhs).__name__ != "BinaryExpression" or op_name(rhs) != "Add":
        return []
    prod = None
    compound = bool(a.isCompound)
    if compound:  # acc += X * Y (the right side is acc + X * Y with acc as an lvalue reference)
        if str(a.op).split(".")[-1] == "Add":
            prod = _conv_strip(rhs.right)
    else:
        for acc, p in ((rhs.left, rhs.right), (rhs.right, rhs.left)):
            acc = _conv_strip(acc)
            if acc.syntax is not None and norm(an.text[slice(*an.span(acc.syntax))]) == lt:
                prod = _conv_strip(p)
                break
    if prod is None or type(prod).__name__ != "BinaryExpression" or op_name(prod) != "Multiply":
        return []
    if prod.syntax is None or any(_refs(x, a.left.symbol if hasattr(a.left, "symbol") else None)
                                  for x in (prod.left, prod.right)):
        return []
    bs, be = an.span(body.syntax)
    lhs_text = an.text[slice(*an.span(a.left.syntax))].strip()
    op = "<=" if a.isNonBlocking else "="
    ps, pe = an.span(prod.syntax)
    ptext = an.text[ps:pe].strip()
    out = []
    for pre, shared in ((prod.left, prod.right), (prod.right, prod.left)):
        pre, shared = _conv_strip(pre), _conv_strip(shared)
        if pre.syntax is None or shared.syntax is None:
            continue
        mirrored = _subst(an, pre, v, mirror)
        if mirrored is None:
            continue
        ptx = an.text[slice(*an.span(pre.syntax))].strip()
        stx = an.text[slice(*an.span(shared.syntax))].strip()
        presum = f"(({ptx}) + {mirrored})"
        if sv and bool(pre.type.isSigned) == bool(prod.type.isSigned):
            # one bit wider than the operand, no wider (a size cast evaluates its operand as wide as the
            # cast, extended by the operand's own signedness, which is the product context's here)
            presum = f"($bits({ptx}) + 1)'({ptx} + {mirrored})"
        acc = f"{lhs_text} +=" if compound else f"{lhs_text} {op} {lhs_text} +"
        # begin/end: an else after the loop (an enclosing if) must not bind to the new if
        new = (f"begin if ({k} < {mirror}) {acc} {presum} * ({stx});\n"
               f"{' ' * 6}else if ({k} == {mirror}) {acc} {ptext}; end")
        out.append((bs, be, new, f"mirror pre-add in the loop over {k}: ({ptx} + its mirror) * {stx} "
                                 f"(half the multipliers, if {stx} is symmetric)"))
    return out


def rewrites(text: str, name: str = "design.v") -> list[tuple[str, str]]:
    """``[(new text, description)]``: one per loop and choice of the shared factor."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.templates._sem import analyze, parses_cleanly

    if "for" not in text or "*" not in text:
        return []
    an = analyze(text, name)
    if an.syntax_errors:
        return []
    out = []
    seen = set()
    for st, _s, _e in an.statements:
        if type(st).__name__ != "ForLoopStatement":
            continue
        try:
            got = _loop_rewrites(an, st, sv=str(name).endswith((".sv", ".svh")))
        except Exception:  # noqa: BLE001 - an unusual loop: no rewrite
            got = []
        for bs, be, new_body, desc in got:
            new = apply_edits(text, [Edit(bs, be, new_body)])
            if new != text and new not in seen and parses_cleanly(new, an.errors):
                seen.add(new)
                out.append((new, desc))
    return out


def preadd_candidates(state) -> list:
    from rtlopt.engine.candidate import per_file_candidates

    return per_file_candidates(state, rewrites, RULE, "mirror pre-add", "preadd")


__all__ = ["preadd_candidates", "rewrites"]
