"""Combinational procedural blocks read as a whole: every variable's value after the block as a term.

``always_comb`` / ``always @*`` blocks in any coding style -- several variables, ``if``/``else``,
``case``/``casez``/``unique case`` (a default or full coverage), blocking temporaries assigned and read
later, ``for`` loops with constant bounds (unrolled), function calls (inlined), constant part/bit
writes -- are run symbolically (:meth:`rtlopt.egraph.front._Builder._exec`), each branch's values
merged by muxes. A variable written on every path gets a root of its final value; one left unassigned
on some path (a latch) keeps its own statements. Temporaries the block alone reads get no root (their
values are inlined).

A changed block is rewritten as ``v = <value>;`` per variable the rest of the module (or a port) reads:
the block's statements replaced (whole mode, no latch), or, when latches remain, inserted before the
first statement with the rewritten variables' own assignments removed (only when nothing kept reads
them). Declarations stay as they are (a procedural variable stays a variable).
"""

from __future__ import annotations

from rtlopt.egraph.front import (
    _CATCH,
    Group,
    Root,
    Unsupported,
    _CondTarget,
    _lhs_names,
    _lhs_whole,
    _stmts,
)


def _count_refs(stmt) -> dict[str, int]:
    """Name references under a statement (reads and writes), by name."""
    out: dict[str, int] = {}

    def visit(n):
        if type(n).__name__ == "NamedValueExpression":
            out[n.symbol.name] = out.get(n.symbol.name, 0) + 1
        return True

    stmt.visit(visit)
    return out


def _target_width(lhs) -> int:
    k = type(lhs).__name__
    if k in ("ElementSelectExpression", "RangeSelectExpression"):
        return int(lhs.value.type.bitWidth or 0)
    return int(lhs.type.bitWidth or 0)


def _loops(node) -> list:
    out: list = []

    def visit(n):
        if type(n).__name__ == "ForLoopStatement":
            out.append(n)
        return True

    node.visit(visit)
    return out


def _slots(s, in_list: bool, out: list) -> None:
    """Every expression statement under ``s`` with whether it sits in a statement list (may be
    removed outright) or is the whole body of an ``if``/``case`` arm or loop (becomes ``;``)."""
    if s is None:
        return
    k = type(s).__name__
    if k == "TimedStatement":
        _slots(s.stmt, False, out)
    elif k == "BlockStatement":
        _slots(s.body, True, out)
    elif k == "StatementList":
        for x in s.list:
            _slots(x, True, out)
    elif k == "ExpressionStatement":
        out.append((s, in_list))
    elif k == "ConditionalStatement":
        _slots(s.ifTrue, False, out)
        _slots(s.ifFalse, False, out)
    elif k == "CaseStatement":
        for it in s.items:
            _slots(it.stmt, False, out)
        _slots(s.defaultCase, False, out)
    elif k == "ForLoopStatement":
        _slots(s.body, False, out)


def _line_indent(text: str, pos: int) -> tuple[int, str | None]:
    """(start of pos's line, its indentation when only whitespace precedes pos there, else None)."""
    ls = text.rfind("\n", 0, pos) + 1
    pre = text[ls:pos]
    return ls, (pre if pre.strip() == "" else None)


def block_group(b, an, m, assigns: list, write_count: dict[str, int], total_refs: dict[str, int],
                ports: set[str], module_names: set[str], bi: int, mstart: int, groups: list[Group]):
    """Roots of a combinational block's variables, or None when the block is left to the
    per-statement roots (straight-line code of single assignments, or anything unsupported).

    Returns ``(roots, replaced, whole, reads)``: ``replaced`` the variables whose statements the group
    stands for, ``whole`` True when the group replaces every statement of the block, ``reads`` the
    name reads the group's terms stand for."""
    body = m.body
    inner = body.stmt if type(body).__name__ == "TimedStatement" else body
    st = _stmts(body)
    if not st or any(x.syntax is None for x in st):
        return None
    real = [x for x in st if type(x).__name__ != "VariableDeclStatement"]
    if not real or any(x.syntax is None for x in real):
        return None
    asg = [a for a in assigns if not isinstance(a[1].left, _CondTarget)]
    if not asg or any(e is None or e.isNonBlocking for _s, e, _t, _l in asg):
        return None
    per: dict[str, int] = {}
    for _s, e, _t, _l in asg:
        for nm in _lhs_names(e.left):
            per[nm] = per.get(nm, 0) + 1
    straight = all(top and not loop and _lhs_whole(e.left) is not None for _s, e, top, loop in asg) \
        and all(c == 1 for c in per.values())
    if straight:
        return None  # the per-statement roots (and temporaries substituted) read it already
    if any(write_count.get(nm, 0) != c for nm, c in per.items()):
        return None  # written elsewhere too
    blk_refs = _count_refs(body)
    loop_vars: set[str] = set()
    for lp in _loops(body):
        for init in lp.initializers:
            if type(init).__name__ == "AssignmentExpression" and _lhs_whole(init.left) is not None:
                loop_vars.add(_lhs_whole(init.left))
    for lv in loop_vars:
        if lv in module_names and (total_refs.get(lv, 0) != blk_refs.get(lv, 0) or lv in ports):
            return None  # a loop variable read elsewhere would lose its last value
    saved = (b.subst, b.tainted, b.nodes, b.reads, b.partial, b.nonblocking)
    b.subst, b.tainted, b.nodes, b.reads, b.partial, b.nonblocking = {}, set(per) | loop_vars, [], {}, {}, False
    vals = None
    try:
        if b._exec(st, None) is not None:
            raise Unsupported("return in a block")
        vals, tainted, partial, nodes = dict(b.subst), set(b.tainted), set(b.partial), b.nodes
    except _CATCH:
        vals = None
    finally:
        b.subst, b.tainted, b.nodes, b.reads, b.partial, b.nonblocking = saved
    if vals is None:
        return None
    widths = {}
    enum = set()
    for _s, e, _t, _l in asg:
        for nm in _lhs_names(e.left):
            widths.setdefault(nm, _target_width(e.left))
            t = e.left.value.type if type(e.left).__name__ in ("ElementSelectExpression", "RangeSelectExpression") \
                else e.left.type
            if getattr(t, "isEnum", False):
                enum.add(nm)
    order = []
    for _s, e, _t, _l in asg:
        for nm in sorted(_lhs_names(e.left)):
            if nm not in order:
                order.append(nm)
    mod_vars = [v for v in order if v in module_names]
    complete = [v for v in mod_vars if v in vals and v not in tainted and v not in partial and v not in enum
                and b.eg.w(vals[v]) == widths[v]]
    latch = [v for v in mod_vars if v not in complete]
    emitted = [v for v in complete if v in ports or total_refs.get(v, 0) > blk_refs.get(v, 0)]
    if not emitted:
        return None
    text = an.text
    whole = not latch
    slots: list = []
    _slots(inner, type(inner).__name__ == "StatementList", slots)
    replaced = set(complete) | {v for v in per if v not in module_names}  # block-local temporaries too
    start = an.span(real[0].syntax)[0]
    end = an.span(st[-1].syntax)[1]
    ls, ind = _line_indent(text, start)
    wrap = type(inner).__name__ not in ("BlockStatement", "StatementList")
    reads: dict[str, int] = {}
    if whole:
        g = Group(start, end, ind if ind is not None else "  ", "=", [], wrap)
        for nm, c in blk_refs.items():
            k = c - per.get(nm, 0)
            if k > 0:
                reads[nm] = k
    else:
        if wrap or ind is None:
            return None
        dels = []
        inside: dict[str, int] = {}

        def drop(s) -> None:  # a statement of a list: its lines go when nothing else shares them
            s0, s1 = an.span(s.syntax)
            l0, pre = _line_indent(text, s0)
            nl = text.find("\n", s1)
            rest = text[s1:nl if nl >= 0 else len(text)]
            if pre is not None and rest.strip() == "" and nl >= 0:
                dels.append((l0, nl + 1, ""))
            else:
                dels.append((s0, s1, ""))
            for nm, c in _count_refs(s).items():
                inside[nm] = inside.get(nm, 0) + c

        gone: list[tuple[int, int]] = []  # top-level if/case/for statements that only write rewritten ones
        for top in real:
            if type(top).__name__ in ("ConditionalStatement", "CaseStatement", "ForLoopStatement"):
                sl: list = []
                _slots(top, False, sl)
                if sl and all(type(x.expr).__name__ == "AssignmentExpression"
                              and _lhs_names(x.expr.left) and _lhs_names(x.expr.left) <= replaced for x, _l in sl):
                    drop(top)
                    gone.append(an.span(top.syntax))
        for s, in_list in slots:
            e = s.expr
            if type(e).__name__ != "AssignmentExpression" or not _lhs_names(e.left) & replaced:
                continue
            if not _lhs_names(e.left) <= replaced:
                return None
            s0, s1 = an.span(s.syntax)
            if any(g0 <= s0 < g1 for g0, g1 in gone):
                continue
            if not in_list:
                dels.append((s0, s1, ";"))
                for nm, c in _count_refs(s).items():
                    inside[nm] = inside.get(nm, 0) + c
                continue
            drop(s)
        for v in replaced:
            if inside.get(v, 0) != blk_refs.get(v, 0):
                return None  # a kept statement (a latch's, a condition) reads a rewritten variable
        if any(d[0] < ls < d[1] for d in dels):
            return None
        g = Group(ls, ls, ind, "=", dels, False)
        for nm, c in inside.items():
            k = c - per.get(nm, 0)
            if k > 0:
                reads[nm] = k
    gid = len(groups)
    groups.append(g)
    roots = []
    for i, v in enumerate(emitted):
        r = Root(v, vals[v], g.start, g.end, widths[v], "comb", bi, mstart, nodes, stmt_end=end, stmt=v,
                 writes=per[v], group=gid, order=i)
        r.nameable = True
        roots.append(r)
    return roots, replaced, whole, reads


def _const_arm(s) -> bool:
    """Every assignment under ``s`` writes a constant (a reset arm: ``r <= 0; q <= 8'hFF;``)."""
    slots: list = []
    _slots(s, False, slots)
    return bool(slots) and all(type(x.expr).__name__ == "AssignmentExpression" and x.expr.right.constant is not None
                               or _is_literal(x.expr.right) for x, _l in slots)


def _is_literal(e) -> bool:
    while type(e).__name__ == "ConversionExpression":
        e = e.operand
    return type(e).__name__ in ("IntegerLiteral", "UnbasedUnsizedIntegerLiteral")


def seq_groups(b, an, m, assigns: list, write_count: dict[str, int], bi: int, mstart: int,
               groups: list[Group], arst: frozenset):
    """Sequential block: each ``if``/``case`` statement (outermost first, not an asynchronous reset test
    nor an ``if`` with a reset arm of constants) whose nonblocking targets are registers written only
    there, each on every path: one root per register, the next value (``r <= <value>;`` replacing the
    statement). Returns ``[(roots, (start, end), reads)]``."""
    if any(e is None or (not isinstance(e.left, _CondTarget) and not e.isNonBlocking) for _s, e, _t, _l in assigns):
        return []  # blocking temporaries in a clocked block: left to the per-statement roots
    out = []

    def visit(s, in_list: bool) -> None:
        if s is None:
            return
        k = type(s).__name__
        if k == "TimedStatement":
            visit(s.stmt, False)
        elif k == "BlockStatement":
            visit(s.body, True)
        elif k == "StatementList":
            for x in s.list:
                visit(x, True)
        elif k in ("ConditionalStatement", "CaseStatement"):
            got = None
            reset_if = k == "ConditionalStatement" and (
                (arst and arst & _idents_of(s)) or _const_arm(s.ifTrue) or
                (s.ifFalse is not None and _const_arm(s.ifFalse)))
            if not reset_if:
                got = _seq_group(b, an, s, write_count, bi, mstart, groups, in_list)
            if got is not None:
                out.append(got)
                return
            if k == "ConditionalStatement":
                visit(s.ifTrue, False)
                visit(s.ifFalse, False)
            else:
                for it in s.items:
                    visit(it.stmt, False)
                visit(s.defaultCase, False)

    visit(m.body, False)
    return out


def _idents_of(s) -> frozenset:
    from rtlopt.egraph.front import _idents
    conds = list(s.conditions)
    if len(conds) != 1 or conds[0].expr.syntax is None:
        return frozenset()
    return _idents(str(conds[0].expr.syntax))


def _seq_group(b, an, s, write_count: dict[str, int], bi: int, mstart: int, groups: list[Group], in_list: bool):
    from rtlopt.egraph.front import NEXT
    if s.syntax is None:
        return None
    slots: list = []
    _slots(s, False, slots)
    per: dict[str, int] = {}
    widths: dict[str, int] = {}
    order: list[str] = []
    for x, _l in slots:
        e = x.expr
        if type(e).__name__ != "AssignmentExpression" or not e.isNonBlocking:
            return None
        nm = _lhs_whole(e.left)
        if nm is None or getattr(e.left.type, "isEnum", False):
            return None
        per[nm] = per.get(nm, 0) + 1
        widths.setdefault(nm, int(e.left.type.bitWidth or 0))
        if nm not in order:
            order.append(nm)
    if not per:
        return None  # (other writes of a register elsewhere in the block keep their order around the statement)
    saved = (b.subst, b.tainted, b.nodes, b.reads, b.partial, b.nonblocking)
    b.subst, b.tainted, b.nodes, b.reads, b.partial, b.nonblocking = {}, {NEXT + v for v in per}, [], {}, {}, True
    vals = None
    try:
        if b._exec([s], None) is not None:
            raise Unsupported("return")
        vals, tainted, nodes = dict(b.subst), set(b.tainted), b.nodes
    except _CATCH:
        vals = None
    finally:
        b.subst, b.tainted, b.nodes, b.reads, b.partial, b.nonblocking = saved
    if vals is None or any(NEXT + v not in vals or NEXT + v in tainted or b.eg.w(vals[NEXT + v]) != widths[v]
                           for v in per):
        return None  # a register kept on some path: its hold stays in the statement structure
    start, end = an.span(s.syntax)
    _ls, ind = _line_indent(an.text, start)
    gid = len(groups)
    groups.append(Group(start, end, ind if ind is not None else "  ", "<=", [], not in_list and len(per) > 1))
    roots = []
    for i, v in enumerate(order):
        roots.append(Root(v, vals[NEXT + v], start, end, widths[v], "seq", bi, mstart, nodes, stmt_end=end, stmt=v,
                          writes=per[v], group=gid, order=i))
    reads = {}
    for nm, c in _count_refs(s).items():
        k = c - per.get(nm, 0)
        if k > 0:
            reads[nm] = k
    return roots, (start, end), reads
