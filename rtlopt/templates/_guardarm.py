"""An if arm (or one ``||`` term of its condition) that changes nothing: under its condition the arm
assigns what the rest of the statement would assign anyway.

``if (c == 7) c <= 0; else c <= c + 1;`` for a 3-bit ``c``: at 7, ``c + 1`` wraps to 0 by itself, so
the compare and the multiplexer go (``c <= c + 1;``). The same for one term of a condition
(``if (rst || tick) c <= 0; else c <= c + 1;`` with ``tick`` only at the counter's all-ones value ->
``if (rst) ...``; a counter narrowed to a power-of-two range keeps such a wrap), for ``else if`` arms, and
for a ternary ``d ? a : b`` whose arms agree whenever ``d`` holds (``(x == 0) ? 0 : x`` -> ``x``).

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


def _effect(zx, st, eff: dict) -> None:
    """``eff`` (variable key -> z3 next value) updated by statement ``st`` (nonblocking assignments to
    whole variables through if/else and begin/end only, else :class:`_Unsupported`)."""
    from rtlopt.templates._guards import _resize, _signed, _width, skey

    if st is None:
        return
    kind = type(st).__name__
    if kind == "BlockStatement":
        if str(st.blockKind).split(".")[-1] != "Sequential":
            raise _Unsupported
        _effect(zx, st.body, eff)
    elif kind == "StatementList":
        for x in st.list:
            _effect(zx, x, eff)
    elif kind == "EmptyStatement":
        return
    elif kind == "ExpressionStatement":
        e = st.expr
        if type(e).__name__ != "AssignmentExpression" or not e.isNonBlocking:
            raise _Unsupported
        lhs = strip(e.left)
        if type(lhs).__name__ != "NamedValueExpression" or not is_pure(e.right):
            raise _Unsupported
        w = _width(lhs)
        if w <= 0:
            raise _Unsupported
        eff[skey(lhs.symbol)] = (w, _resize(zx.bv(e.right), w, _signed(e.right)))
    elif kind == "ConditionalStatement":
        if len(st.conditions) != 1 or st.conditions[0].pattern is not None or not is_pure(st.conditions[0].expr):
            raise _Unsupported
        c = zx.boolean(st.conditions[0].expr)
        a, b = dict(eff), dict(eff)
        _effect(zx, st.ifTrue, a)
        _effect(zx, st.ifFalse, b)
        for k in set(a) | set(b):
            w = (a.get(k) or b.get(k))[0]
            ta = a[k][1] if k in a else zx.var(k, w)
            tb = b[k][1] if k in b else zx.var(k, w)
            eff[k] = (w, ta if ta.eq(tb) else z3.If(c, ta, tb))
    else:
        raise _Unsupported


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
                if reads(d) & avoid or not is_pure(d):
                    continue
                if unsat(zx.boolean(d), z3.Not(same), timeout_ms=_CHECK_MS):
                    ok.add(i)
            return ok

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

                def visit(n, stmts=stmts):
                    if isinstance(n, ast.Statement) and type(n).__name__ == "ConditionalStatement":
                        stmts.append(n)
                    return True

                b.body.visit(visit)
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
        out: list[Match] = []
        for (kind, (s, e)), (node, ds, ok) in sorted(seen.items(), key=lambda kv: kv[0][1]):
            if not ok:
                continue
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


__all__ = ["Match", "RedundantGuardedArm"]
