"""An if arm (or one ``||`` term of its condition) that changes nothing: under its condition the arm
assigns what the rest of the statement would assign anyway.

``if (c == 7) c <= 0; else c <= c + 1;`` for a 3-bit ``c``: at 7, ``c + 1`` wraps to 0 by itself, so
the compare and the multiplexer go (``c <= c + 1;``). The same for one term of a condition
(``if (rst || tick) c <= 0; else c <= c + 1;`` with ``tick`` only at the counter's all-ones value ->
``if (rst) ...``; a counter narrowed to a power-of-two range keeps such a wrap), for ``else if`` arms, and
for a ternary ``d ? a : b`` whose arms agree whenever ``d`` holds (``(x == 0) ? 0 : x`` -> ``x``), and for
case/casez items (plain or ``?``/``z`` wildcard labels; casex, unique/priority left alone): an item whose
effect, under "its labels match and no earlier item's do", equals the effect of the later items once it is
removed (its inputs fall through to them, then the default or nothing) is removed; else, if it equals the
effect of "the items between, then item j" for a later item j with a different statement, its labels join
item j (two casez literals one bit apart become one label with ``?`` there: ``3'b011`` + ``3'b010`` ->
``3'b01?``). An if inside a function body (``if (p == 31) bump = 0; else bump = p + 1;``) is read too:
blocking assignments whose targets the statement never reads, the formals free (so every call agrees).

Decided on the semantics, for every input and register value (combinational, no reachability): z3 proves
``d -> effect(arm) == effect(rest)`` over the bit-vector meaning of the expressions (exact widths, the
assignment's truncation included), seen through single-driver wires of the same elaborated copy. Effects
are those of nonblocking assignments to whole variables, through nested if/else (a variable an arm
does not assign keeps its value). A module elaborated with several parameter values is rewritten only
where every copy agrees. Conditions reading a signal of the block's event list (an asynchronous reset)
are left alone. The search measures and proves every candidate like any other rewrite.
"""

from __future__ import annotations

import time

import z3
from pyslang import ast

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._sem import Analysis, is_pure, op_name, paren, strip

#: z3 time per implication (ms) and the whole search (s).
_CHECK_MS = 500
_TOTAL_S = 6.0


class _Unsupported(Exception):
    pass


def _disjuncts(node) -> list:
    n = strip(node)
    if type(n).__name__ == "BinaryExpression" and (op_name(n) == "LogicalOr" or (
            op_name(n) == "BinaryOr" and int(getattr(n.type, "bitWidth", 0) or 0) == 1)):
        return _disjuncts(n.left) + _disjuncts(n.right)
    return [n]


def _unwrap(t: str) -> str:
    """``t`` without parentheses around the whole (``(rst)`` -> ``rst``: it becomes a condition alone)."""
    t = t.strip()
    while t.startswith("(") and t.endswith(")") and paren(t[1:-1]) == t[1:-1].strip() \
            and _balanced(t[1:-1]):
        t = t[1:-1].strip()
    return t


def _balanced(t: str) -> bool:
    depth = 0
    for ch in t:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return False
    return depth == 0


def _effect(zx, st, eff: dict, blk: dict | None = None) -> None:
    """``eff`` (variable key -> z3 next value) updated by statement ``st`` (nonblocking assignments to
    whole variables through if/else and begin/end only, else :class:`_Unsupported`)."""
    from rtlopt.templates._guards import _resize, _signed, _width, reads, skey

    if st is None:
        return
    kind = type(st).__name__
    if kind == "BlockStatement":
        if str(st.blockKind).split(".")[-1] != "Sequential":
            raise _Unsupported
        _effect(zx, st.body, eff, blk)
    elif kind == "StatementList":
        for x in st.list:
            _effect(zx, x, eff, blk)
    elif kind == "EmptyStatement":
        return
    elif kind == "ExpressionStatement":
        e = st.expr
        if type(e).__name__ != "AssignmentExpression" or (not e.isNonBlocking and blk is None):
            raise _Unsupported
        lhs = strip(e.left)
        if type(lhs).__name__ != "NamedValueExpression" or not is_pure(e.right):
            raise _Unsupported
        w = _width(lhs)
        if w <= 0:
            raise _Unsupported
        eff[skey(lhs.symbol)] = (w, _resize(zx.bv(e.right), w, _signed(e.right)))
        if blk is not None:
            blk["w"].add(skey(lhs.symbol))
            blk["r"] |= reads(e.right)
    elif kind == "ConditionalStatement":
        if len(st.conditions) != 1 or st.conditions[0].pattern is not None or not is_pure(st.conditions[0].expr):
            raise _Unsupported
        c = zx.boolean(st.conditions[0].expr)
        if blk is not None:
            blk["r"] |= reads(st.conditions[0].expr)
        a, b = dict(eff), dict(eff)
        _effect(zx, st.ifTrue, a, blk)
        _effect(zx, st.ifFalse, b, blk)
        _merge(zx, eff, c, a, b)
    elif kind == "CaseStatement":
        if blk is not None:
            raise _Unsupported
        ms = _case_matches(zx, st)
        _chain(zx, eff, ms, [it.stmt for it in st.items], st.defaultCase)
    else:
        raise _Unsupported


def _merge(zx, eff: dict, c, a: dict, b: dict) -> None:
    for k in set(a) | set(b):
        w = (a.get(k) or b.get(k))[0]
        ta = a[k][1] if k in a else zx.var(k, w)
        tb = b[k][1] if k in b else zx.var(k, w)
        eff[k] = (w, ta if ta.eq(tb) else z3.If(c, ta, tb))


def _chain(zx, eff: dict, ms: list, stmts: list, last) -> None:
    """``eff`` updated by the priority chain ``if (ms[0]) stmts[0] else if ... else last``."""
    tail = dict(eff)
    _effect(zx, last, tail)
    for m, s in reversed(list(zip(ms, stmts, strict=True))):
        a = dict(eff)
        _effect(zx, s, a)
        merged = dict(eff)
        _merge(zx, merged, m, a, tail)
        tail = merged
    eff.clear()
    eff.update(tail)


def _wild_bits(lab) -> str | None:
    """A casez label literal with ``?``/``z`` bits as a string of '0', '1', '?' (MSB first), or None
    when the label has no unknown bits; :class:`_Unsupported` for x bits or another shape."""
    n = strip(lab)
    if type(n).__name__ != "IntegerLiteral":
        return None
    v = n.value
    if not v.hasUnknown:
        return None
    if v.countXs() != 0:
        raise _Unsupported
    txt = str(v)
    if "'" not in txt:
        raise _Unsupported
    w, body = txt.split("'", 1)
    body = body.lstrip("s")
    if not body.startswith("b"):
        raise _Unsupported
    bits = body[1:].replace("_", "").replace("z", "?").replace("Z", "?")
    if set(bits) - set("01?") or int(w) != v.bitWidth:
        raise _Unsupported
    return bits.rjust(v.bitWidth, "0")


def _case_matches(zx, st) -> list:
    """Per case item, the z3 condition that one of its labels matches the case expression (plain case
    and casez; a 2-state reading: ``?``/``z`` label bits of a casez are wildcards)."""
    from rtlopt.templates._guards import _resize, _signed, _width

    cond = str(st.condition).split(".")[-1]
    if cond not in ("Normal", "WildcardJustZ") or str(st.check).split(".")[-1] != "None_":
        raise _Unsupported
    if not is_pure(st.expr):
        raise _Unsupported
    labels = [e for it in st.items for e in it.expressions]
    allx = [st.expr] + labels
    w = max(_width(x) for x in allx)
    if w <= 0 or any(_width(x) <= 0 for x in allx):
        raise _Unsupported
    sg = all(_signed(x) for x in allx)
    ev = _resize(zx.bv(st.expr), w, sg)
    out = []
    for it in st.items:
        terms = []
        for lab in it.expressions:
            if not is_pure(lab):
                raise _Unsupported
            bits = _wild_bits(lab) if cond == "WildcardJustZ" else None
            if bits is None:
                if strip(lab).constant is not None and getattr(strip(lab).constant, "value", None) is not None \
                        and getattr(strip(lab).constant.value, "hasUnknown", False):
                    raise _Unsupported
                terms.append(ev == _resize(zx.bv(lab), w, sg))
                continue
            if len(bits) != w:
                raise _Unsupported
            eqs = [z3.Extract(w - 1 - i, w - 1 - i, ev) == int(b) for i, b in enumerate(bits) if b != "?"]
            terms.append(z3.And(*eqs) if eqs else z3.BoolVal(True))
        out.append(z3.Or(*terms) if len(terms) > 1 else terms[0])
    return out


def _same(zx, ea: dict, eb: dict):
    """z3 formula: both effects leave every variable they touch with the same value."""
    eqs = []
    for k in set(ea) | set(eb):
        w = (ea.get(k) or eb.get(k))[0]
        ta = ea[k][1] if k in ea else zx.var(k, w)
        tb = eb[k][1] if k in eb else zx.var(k, w)
        if ta.size() != tb.size():
            raise _Unsupported
        eqs.append(ta == tb)
    return z3.And(*eqs) if eqs else z3.BoolVal(True)


def _event_reads(block) -> set:
    """Symbols of the block's event list (``@(posedge clk or negedge rst_n)``)."""
    from rtlopt.templates._guards import skey

    out: set = set()
    body = block.body
    if type(body).__name__ != "TimedStatement":
        return out

    def visit(n):
        if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression":
            out.add(skey(n.symbol))
        return True

    body.timing.visit(visit)
    return out


def _reads_signal(node) -> bool:
    """Whether the expression reads a net or variable (not only parameters and genvars): a condition of
    parameters alone selects a configuration; its untaken arm is dead code, not a redundant guard."""
    found = []

    def visit(n):
        if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression":
            k = str(getattr(n.symbol, "kind", ""))
            if not (k.endswith("Parameter") or k.endswith("Genvar")):
                found.append(n)
        return not found

    strip(node).visit(visit)
    return bool(found)


def _live(s) -> bool:
    """Whether symbol ``s`` is elaborated for real (not inside a generate branch not taken: that text
    serves other parameter values)."""
    sc = getattr(s, "parentScope", None)
    return sc is None or not getattr(sc, "isUninstantiated", False)


def _contexts(an: Analysis):
    """Per elaborated copy (instance path): (its procedural blocks, continuous assignments, net drivers)."""
    from rtlopt.templates._guards import net_definitions
    from rtlopt.templates._regwidth import _copy_path

    blocks: dict = {}
    assigns: dict = {}
    syms: dict = {}
    for s in an.symbols:
        if getattr(s, "syntax", None) is None:
            continue
        p = _copy_path(s)
        if p is None or not _live(s):
            continue
        if isinstance(s, ast.ProceduralBlockSymbol) and s.body is not None:
            blocks.setdefault(p, []).append(s)
            syms.setdefault(p, []).append(s)
        elif isinstance(s, ast.ContinuousAssignSymbol):
            assigns.setdefault(p, []).append(s)
            syms.setdefault(p, []).append(s)
        elif isinstance(s, ast.NetSymbol):
            syms.setdefault(p, []).append(s)
    for p in sorted(set(blocks) | set(assigns)):
        yield blocks.get(p, []), assigns.get(p, []), net_definitions(an, syms.get(p, []))


class RedundantGuardedArm(Template):
    """``if (d) c <= K; else c <= e;`` with ``d -> e == K`` -> ``c <= e;`` (also one ``||`` term, ternaries)."""

    id = rule = "redundant_guarded_arm"
    description = ("an if arm, one || term of its condition, or a ?: arm whose effect under its condition equals "
                   "what the rest computes anyway (a wrap to 0 at a counter's all-ones value) is dropped (z3)")

    def find(self, an: Analysis) -> list[Match]:  # noqa: C901 - one walk over statements and ternaries
        from rtlopt.templates._guards import Z3Expr, _resize, _signed, _width, blocking_targets, reads, unsat

        t0 = time.monotonic()
        # (kind, span) -> [node, disjunct nodes, droppable index set (intersection over copies)]
        seen: dict = {}

        def record(key, node, ds, ok: set):
            got = seen.get(key)
            if got is None:
                seen[key] = [node, ds, set(ok)]
            elif len(got[1]) != len(ds):
                got[2] = set()
            else:
                got[2] &= ok

        def droppable(zx, ds, same, avoid) -> set:
            ok = set()
            for i, d in enumerate(ds):
                if time.monotonic() - t0 > _TOTAL_S:
                    break
                if reads(d) & avoid or not is_pure(d) or not _reads_signal(d):
                    continue
                if unsat(zx.boolean(d), timeout_ms=_CHECK_MS):
                    continue  # never true at these parameter values: a dead arm, not a redundant guard
                if unsat(zx.boolean(d), z3.Not(same), timeout_ms=_CHECK_MS):
                    ok.add(i)
            return ok

        def case_arms(zx, st, avoid):
            """Each case item whose effect, where it is the first to match, equals that of the later items
            once it is gone (target -1: dropped; the inputs fall through) or once its labels join a later
            item j (target j: the items between may catch them first)."""
            syn = getattr(st, "syntax", None)
            if syn is None:
                return
            n = len(st.items)
            stmts = [it.stmt for it in st.items]
            try:
                ms = _case_matches(zx, st)
            except (_Unsupported, z3.Z3Exception, AttributeError, TypeError, ValueError):
                ms = None
            labs = [e for it in st.items for e in it.expressions]
            bad = ms is None or bool(reads(st.expr) & avoid) or any(reads(e) & avoid for e in labs) \
                or not _reads_signal(st.expr)
            for i in range(n):
                key = ("case", an.span(syn), i)
                ok: set = set()
                if not bad and time.monotonic() - t0 <= _TOTAL_S:
                    try:
                        ea: dict = {}
                        _effect(zx, stmts[i], ea)
                        first = z3.And(ms[i], *[z3.Not(m) for m in ms[:i]])
                        if unsat(first, timeout_ms=_CHECK_MS):
                            raise _Unsupported("an item no input reaches: dead, not redundant")
                        for tgt in [-1] + list(range(i + 1, n)):
                            if tgt >= 0 and _stext(an, stmts[tgt]) == _stext(an, stmts[i]):
                                continue  # the same statement: merging labels only, no logic goes
                            eb: dict = {}
                            if tgt < 0:
                                _chain(zx, eb, ms[i + 1:], stmts[i + 1:], st.defaultCase)
                            else:
                                _chain(zx, eb, ms[i + 1:tgt], stmts[i + 1:tgt], stmts[tgt])
                            if unsat(first, z3.Not(_same(zx, ea, eb)), timeout_ms=_CHECK_MS):
                                ok.add(tgt)
                                break
                    except (_Unsupported, z3.Z3Exception, AttributeError, TypeError, ValueError):
                        ok = set()
                record(key, (st, i), list(range(n + 1)), ok)

        def ternaries(zx, root, avoid):
            found = []

            def visit(n):
                if isinstance(n, ast.Expression) and type(n).__name__ == "ConditionalExpression":
                    found.append(n)
                return True

            root.visit(visit)
            for n in found:
                syn = getattr(n, "syntax", None)
                if syn is None or len(n.conditions) != 1 or n.conditions[0].pattern is not None \
                        or not is_pure(n.left) or not is_pure(n.right):
                    continue
                w = _width(n)
                if w <= 0:
                    continue
                try:
                    same = _resize(zx.bv(n.left), w, _signed(n.left)) == _resize(zx.bv(n.right), w, _signed(n.right))
                except Exception:  # noqa: BLE001 - a shape the translation does not know
                    continue
                ds = _disjuncts(n.conditions[0].expr)
                record(("?", an.span(syn)), n, ds, droppable(zx, ds, same, avoid))

        for blocks, assigns, defs in _contexts(an):
            for a in assigns:
                if time.monotonic() - t0 > _TOTAL_S:
                    break
                asg = a.assignment
                if type(asg).__name__ == "AssignmentExpression":
                    ternaries(Z3Expr(an, defs=defs), asg.right, set())
            for b in blocks:
                if time.monotonic() - t0 > _TOTAL_S:
                    break
                zx = Z3Expr(an, volatile=set(blocking_targets(b.body)), defs=defs)
                avoid = _event_reads(b)
                stmts = []

                cases = []

                def visit(n, stmts=stmts, cases=cases):
                    if isinstance(n, ast.Statement) and type(n).__name__ == "ConditionalStatement":
                        stmts.append(n)
                    if isinstance(n, ast.Statement) and type(n).__name__ == "CaseStatement":
                        cases.append(n)
                    return True

                b.body.visit(visit)
                for st in cases:
                    case_arms(zx, st, avoid)
                for st in stmts:
                    syn = getattr(st, "syntax", None)
                    if syn is None or len(st.conditions) != 1 or st.conditions[0].pattern is not None:
                        continue
                    ds = _disjuncts(st.conditions[0].expr)
                    try:
                        ea, eb = {}, {}
                        _effect(zx, st.ifTrue, ea)
                        _effect(zx, st.ifFalse, eb)
                        same = _same(zx, ea, eb)
                    except (_Unsupported, z3.Z3Exception, AttributeError, TypeError, ValueError):
                        record(("if", an.span(syn)), st, ds, set())
                        continue
                    record(("if", an.span(syn)), st, ds, droppable(zx, ds, same, avoid))
                ternaries(zx, b.body, avoid)
        for fn in an.symbols:
            # a function body's if (``if (p == 31) bump = 0; else bump = p + 1;``): blocking assignments
            # whose targets the statement never reads, formals and other names free (every call agrees)
            if time.monotonic() - t0 > _TOTAL_S:
                break
            if not isinstance(fn, ast.SubroutineSymbol) or getattr(fn, "syntax", None) is None \
                    or fn.body is None or not _live(fn) or "Function" not in str(fn.subroutineKind):
                continue
            fstmts = []

            def fvisit(n, fstmts=fstmts):
                if isinstance(n, ast.Statement) and type(n).__name__ == "ConditionalStatement":
                    fstmts.append(n)
                return True

            fn.body.visit(fvisit)
            zx = Z3Expr(an)
            for st in fstmts:
                syn = getattr(st, "syntax", None)
                if syn is None or len(st.conditions) != 1 or st.conditions[0].pattern is not None:
                    continue
                ds = _disjuncts(st.conditions[0].expr)
                try:
                    blk: dict = {"r": set(), "w": set()}
                    ea, eb = {}, {}
                    _effect(zx, st.ifTrue, ea, blk)
                    _effect(zx, st.ifFalse, eb, blk)
                    if blk["r"] & blk["w"] or reads(st.conditions[0].expr) & blk["w"]:
                        raise _Unsupported
                    same = _same(zx, ea, eb)
                except (_Unsupported, z3.Z3Exception, AttributeError, TypeError, ValueError):
                    record(("if", an.span(syn)), st, ds, set())
                    continue
                record(("if", an.span(syn)), st, ds, droppable(zx, ds, same, set()))
        out: list[Match] = []
        for key, (node, ds, ok) in sorted(seen.items(), key=lambda kv: kv[0][1]):
            if not ok:
                continue
            if key[0] == "case":
                m = self._case_match(an, node, ok)
                if m is not None:
                    out.append(m)
                continue
            kind, (s, e) = key
            spans = [an.span(getattr(d, "syntax", None)) if getattr(d, "syntax", None) is not None else None
                     for d in ds]
            if any(sp is None for sp in spans):
                continue
            texts = [an.text[a:b] for a, b in spans]
            keep = [t for i, t in enumerate(texts) if i not in ok]
            cond = node.conditions[0].expr
            csyn = getattr(cond, "syntax", None)
            if csyn is None:
                continue
            ca, cb = an.span(csyn)
            dropped = ", ".join(texts[i].strip() for i in sorted(ok))
            if keep:
                new = " || ".join(paren(t) for t in keep) if len(keep) > 1 else _unwrap(keep[0])
                edits = [Edit(ca, cb, new)]
                what = f"condition term(s) {dropped} change nothing (the other arm computes the same)"
            elif kind == "if":
                if node.ifFalse is None or getattr(node.ifFalse, "syntax", None) is None:
                    continue
                fa, _fb = an.span(node.ifFalse.syntax)
                edits = [Edit(s, fa, "")]
                what = f"the arm under {dropped} changes nothing: the else arm alone"
            else:
                rsyn = getattr(node.right, "syntax", None)
                if rsyn is None:
                    continue
                ra, rb = an.span(rsyn)
                edits = [Edit(s, e, paren(an.text[ra:rb]))]
                what = f"the arm under {dropped} equals the other: the other alone"
            out.append(self._m(an, s, e, what, edits))
        return out

    def _case_match(self, an: Analysis, node, ok: set):
        """The edit for case item ``i`` of ``st``: removed (target -1) or its labels joined to item j."""
        st, i = node
        items = [x for x in st.syntax.items if type(x).__name__ == "StandardCaseItemSyntax"]
        allsyn = list(st.syntax.items)
        if len(items) != len(st.items) or len(allsyn) < 2:
            return None
        tgt = -1 if -1 in ok else min(ok)
        it = items[i]
        a, b = an.span(it)
        k = allsyn.index(it)
        if k + 1 < len(allsyn):
            edits = [Edit(a, an.span(allsyn[k + 1])[0], "")]
        else:
            edits = [Edit(an.span(allsyn[k - 1])[1], b, "")]
        ltxt = [an.text[slice(*an.span(strip(e).syntax))] for e in st.items[i].expressions
                if getattr(strip(e), "syntax", None) is not None]
        if len(ltxt) != len(st.items[i].expressions):
            return None
        if tgt < 0:
            what = f"case item {', '.join(ltxt)} changes nothing: its inputs fall through to the later items"
            return self._m(an, a, b, what, edits)
        jl = [strip(e) for e in st.items[tgt].expressions]
        if any(getattr(e, "syntax", None) is None for e in jl):
            return None
        new = None
        cond = str(st.condition).split(".")[-1]
        if cond == "WildcardJustZ" and len(jl) == 1 and len(st.items[i].expressions) == 1:
            try:
                bi = _wild_bits(st.items[i].expressions[0]) or _lit_bits(st.items[i].expressions[0])
                bj = _wild_bits(jl[0]) or _lit_bits(jl[0])
            except _Unsupported:
                bi = bj = None
            if bi and bj and len(bi) == len(bj):
                diff = [x for x in range(len(bi)) if bi[x] != bj[x]]
                if len(diff) == 1 and "?" not in (bi[diff[0]], bj[diff[0]]):
                    new = f"{len(bi)}'b" + "".join("?" if x == diff[0] else bj[x] for x in range(len(bj)))
        ja, jb = an.span(jl[0].syntax)
        if new is not None:
            edits.append(Edit(ja, jb, new))
        else:
            edits.append(Edit(ja, ja, ", ".join(ltxt) + ", "))
        what = (f"case item {', '.join(ltxt)} computes what the item {an.text[ja:jb]} computes there: "
                "its labels join that item")
        return self._m(an, a, b, what, edits)


def _stext(an: Analysis, st) -> str | None:
    syn = getattr(st, "syntax", None)
    return None if syn is None else "".join(an.text[slice(*an.span(syn))].split())


def _lit_bits(lab) -> str | None:
    """A fully known literal label as a string of bits (MSB first), else None."""
    n = strip(lab)
    if type(n).__name__ != "IntegerLiteral" or n.value.hasUnknown:
        return None
    v = n.value
    w = v.bitWidth
    try:
        x = int(str(v).split("'")[-1].lstrip("s")[1:].replace("_", ""),
                {"b": 2, "h": 16, "d": 10, "o": 8}[str(v).split("'")[-1].lstrip("s")[0]])
    except (KeyError, ValueError, IndexError):
        return None
    return format(x, f"0{w}b")


__all__ = ["Match", "RedundantGuardedArm"]
