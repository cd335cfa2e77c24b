"""Behaviour-preserving restylings of a design, for the metamorphic benchmark.

A rewrite found on one spelling of a design should be found on every spelling of the same logic.
:func:`restyle` produces variants of the top module of a Verilog file that a different designer
might have written, each a syntactic change with the same behaviour:

- ``rename``: every signal, parameter and genvar declared inside the module (ports excepted) gets a
  new name, and the operands of innermost commutative operators (``+ * & | ^ == !=``) swap places;
- ``always``: continuous assignments to whole signals, and net declaration assignments
  (``wire [7:0] x = e;``), become ``always @*`` blocks (their nets become ``reg``), as designers who
  prefer procedural code write them; clocked blocks of plain non-blocking assignments are split into
  one block per register;
- ``assign``: the reverse — combinational blocks made only of whole assignments to distinct
  signals become ``assign`` statements (their ``reg`` declarations become nets);
- ``hierarchy``: the module's body moves into ``<top>_core`` and the top becomes a wrapper that
  instantiates it (the logic split across a module boundary);
- ``ternary``: ``if``/``else`` chains and ``case`` statements (with a ``default``) whose every arm is
  one assignment to the same target become one assignment of a ``?:`` chain (mux written as an
  expression instead of as control flow).

Each returns ``None`` when the style does not apply (nothing to change). The benchmark proves every
variant equivalent to the original before using it, so a restyling bug cannot make a false claim.
"""

from __future__ import annotations

import re

from pyslang import parsing, syntax

from rtlopt.hdl.edit import Edit, apply_edits

STYLES = ("rename", "always", "assign", "hierarchy", "ternary")

_K = syntax.SyntaxKind
_COMMUTATIVE = {_K.AddExpression, _K.MultiplyExpression, _K.BinaryAndExpression, _K.BinaryOrExpression,
                _K.BinaryXorExpression, _K.EqualityExpression, _K.InequalityExpression}


def _children(node):
    for c in node:
        if c is not None:
            yield c


def _nodes(node):
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, syntax.SyntaxNode):
            yield n
            stack.extend(reversed([c for c in _children(n) if isinstance(c, syntax.SyntaxNode)]))


def _tokens(node):
    for c in _children(node):
        if isinstance(c, syntax.SyntaxNode):
            yield from _tokens(c)
        elif hasattr(c, "rawText"):
            yield c


def _span(node) -> tuple[int, int]:
    r = node.sourceRange
    return r.start.offset, r.end.offset


def _module(tree, top: str | None):
    mods = [n for n in _nodes(tree.root) if n.kind == _K.ModuleDeclaration]
    for m in mods:
        if top is None or m.header.name.valueText == top:
            return m
    return None


def _port_names(mod) -> set[str]:
    names = set()
    for n in _nodes(mod.header):
        if n.kind == _K.Declarator:
            names.add(n.name.valueText)
        elif n.kind == _K.ImplicitNonAnsiPort or n.kind == _K.ExplicitNonAnsiPort:
            for t in _tokens(n):
                if t.kind == parsing.TokenKind.Identifier:
                    names.add(t.valueText)
    for m in mod.members:
        if m.kind == _K.PortDeclaration:
            for n in _nodes(m):
                if n.kind == _K.Declarator:
                    names.add(n.name.valueText)
    return names


def _rename(text: str, tree, mod) -> str | None:
    ports = _port_names(mod)
    declared: list[str] = []
    for n in _nodes(mod):
        name = None
        if n.kind == _K.Declarator and n.parent is not None and n.parent.kind != _K.ImplicitAnsiPort:
            name = n.name.valueText
        elif n.kind == _K.GenvarDeclaration:
            for t in _tokens(n):
                if t.kind == parsing.TokenKind.Identifier:
                    declared.append(t.valueText)
        if name and name not in ports and name not in declared:
            declared.append(name)
    mapping = {name: f"rs_{i}" for i, name in enumerate(declared)}
    # port and parameter names in instance connections (.port(sig), #(.P(v))) name the other module's
    skip = {n.name.location.offset for n in _nodes(mod)
            if n.kind in (_K.NamedPortConnection, _K.NamedParamAssignment)}
    edits: list[Edit] = []
    for t in _tokens(mod):
        if t.kind == parsing.TokenKind.Identifier and t.valueText in mapping and t.location.offset not in skip:
            off = t.location.offset
            edits.append(Edit(off, off + len(t.rawText), mapping[t.valueText]))
    renamed = apply_edits(text, edits) if edits else text
    # swap the operands of innermost commutative operators (their spans are disjoint)
    tree2 = syntax.SyntaxTree.fromText(renamed, "renamed.v")
    mod2 = _module(tree2, mod.header.name.valueText)
    swaps: list[Edit] = []
    for n in _nodes(mod2):
        if n.kind in _COMMUTATIVE and not any(c.kind in _COMMUTATIVE for c in _nodes(n) if c is not n):
            ls, le = _span(n.left)
            rs, re_ = _span(n.right)
            swaps += [Edit(ls, le, renamed[rs:re_]), Edit(rs, re_, renamed[ls:le])]
    out = apply_edits(renamed, swaps) if swaps else renamed
    return None if out == text else out


def _always(text: str, tree, mod) -> str | None:
    # whole-signal targets of continuous assignments, each assigned exactly once
    targets: dict[str, list] = {}
    for m in mod.members:
        if m.kind == _K.ContinuousAssign:
            for a in m.assignments:
                if not isinstance(a, syntax.SyntaxNode):
                    continue
                lhs = a.left if hasattr(a, "left") else None
                if lhs is not None and lhs.kind == _K.IdentifierName:
                    targets.setdefault(lhs.identifier.valueText, []).append((m, a))
                else:
                    targets.setdefault("\0" + str(lhs).strip(), []).append((m, a))
    single = {k: v[0] for k, v in targets.items() if len(v) == 1 and not k.startswith("\0")}
    # where each target is declared: a net declaration (all declarators must convert) or an ANSI output port
    edits: list[Edit] = []
    convert: set[str] = set()
    inits = 0
    for n in _nodes(mod):
        if n.kind == _K.NetDeclaration:
            decls = [d for d in n.declarators if isinstance(d, syntax.SyntaxNode)]
            names = [d.name.valueText for d in decls]
            plain = n.netType.kind == parsing.TokenKind.WireKeyword and n.delay is None and n.strength is None \
                and not any(d.dimensions for d in decls)
            if all(x in single for x in names) and all(d.initializer is None for d in decls) and plain:
                off = n.netType.location.offset
                edits.append(Edit(off, off + len(n.netType.rawText), "reg"))
                convert.update(names)
            elif plain and decls and all(d.initializer is not None for d in decls) \
                    and not any(x in targets for x in names):
                # ``wire [7:0] x = e;`` (a net declaration assignment) -> ``reg [7:0] x; always @* x = e;``
                off = n.netType.location.offset
                edits.append(Edit(off, off + len(n.netType.rawText), "reg"))
                procs = []
                for d in decls:
                    i0, i1 = _span(d.initializer)
                    e0, e1 = _span(d.initializer.expr)
                    while i0 > 0 and text[i0 - 1] in " \t":
                        i0 -= 1
                    edits.append(Edit(i0, i1, ""))
                    procs.append(f" always @* {d.name.valueText} = {text[e0:e1]};")
                end = _span(n)[1]
                edits.append(Edit(end, end, "".join(procs)))
                inits += 1
        elif n.kind == _K.ImplicitAnsiPort:
            name = n.declarator.name.valueText
            h = n.header
            if name in single and h.kind == _K.VariablePortHeader and h.direction is not None \
                    and h.direction.kind == parsing.TokenKind.OutputKeyword and _ansi_group_ok(n, single):
                kw = getattr(h, "varKeyword", None)
                net = getattr(h, "netType", None)
                if net is not None and net.rawText == "wire":
                    off = net.location.offset
                    edits.append(Edit(off, off + len(net.rawText), "reg"))
                    convert.add(name)
                elif (kw is None or not kw.rawText) and (net is None or not net.rawText) and \
                        not str(h.dataType).strip().startswith(("reg", "logic")):
                    off = h.direction.location.offset + len(h.direction.rawText)
                    edits.append(Edit(off, off, " reg"))
                    convert.add(name)
    split = _split_clocked(text, mod)
    edits.extend(split)
    if not convert:
        return apply_edits(text, edits) if inits or split else None
    for name in sorted(convert):
        m, a = single[name]
        if len([x for x in m.assignments if isinstance(x, syntax.SyntaxNode)]) != 1 or \
                m.strength is not None or m.delay is not None:
            return None
        s, e = _span(m)
        rhs = text[_span(a.right)[0]:_span(a.right)[1]]
        edits.append(Edit(s, e, f"always @* {name} = {rhs};"))
    return apply_edits(text, edits)


def _split_clocked(text: str, mod) -> list[Edit]:
    """Clocked blocks made only of unconditional non-blocking assignments to distinct whole registers
    (``always @(posedge clk) begin a <= x; b <= y; end``) as one block per register."""
    edits = []
    for m in mod.members:
        if m.kind not in (_K.AlwaysBlock, _K.AlwaysFFBlock):
            continue
        st = m.statement
        if st.kind != _K.TimingControlStatement or st.timingControl.kind != _K.EventControlWithExpression \
                or not any(t.rawText in ("posedge", "negedge") for t in _tokens(st.timingControl)):
            continue
        body = st.statement
        if body.kind != _K.SequentialBlockStatement or body.blockName is not None:
            continue
        items = [x for x in body.items if isinstance(x, syntax.SyntaxNode)]
        if len(items) < 2 or any(it.kind != _K.ExpressionStatement
                                 or it.expr.kind != _K.NonblockingAssignmentExpression
                                 or it.expr.left.kind != _K.IdentifierName for it in items):
            continue
        names = [it.expr.left.identifier.valueText for it in items]
        if len(set(names)) != len(names):
            continue
        s, e = _span(m)
        b0 = _span(body)[0]
        head = text[s:b0].rstrip()  # "always @(posedge clk)"
        ls = text.rfind("\n", 0, s) + 1
        indent = text[ls:s] if not text[ls:s].strip() else ""
        edits.append(Edit(s, e, f"\n{indent}".join(f"{head} {text[_span(it)[0]:_span(it)[1]].strip()}"
                                                    for it in items)))
    return edits


def _comb_assignments(block):
    """``[(target, rhs node)]`` of a combinational block (``always @*``, ``always_comb``, or an event
    list without edges) whose body is only blocking assignments to distinct whole names, none of
    which a right-hand side of the block reads; else None."""
    st = block.statement
    kw = block.keyword.rawText
    if kw == "always":
        if st.kind != _K.TimingControlStatement:
            return None
        tc = st.timingControl
        if tc.kind != _K.ImplicitEventControl and (tc.kind != _K.EventControlWithExpression or any(
                t.rawText in ("posedge", "negedge", "edge") for t in _tokens(tc))):
            return None
        st = st.statement
    elif kw != "always_comb":
        return None
    items = [st]
    if st.kind == _K.SequentialBlockStatement:
        if st.blockName is not None:
            return None
        items = [x for x in st.items if isinstance(x, syntax.SyntaxNode)]
    out = []
    for it in items:
        if it.kind != _K.ExpressionStatement or it.expr.kind != _K.AssignmentExpression \
                or it.expr.left.kind != _K.IdentifierName:
            return None
        out.append((it.expr.left.identifier.valueText, it.expr.right))
    targets = [t for t, _r in out]
    if not out or len(set(targets)) != len(targets):
        return None
    for _t, rhs in out:
        if any(t.kind == parsing.TokenKind.Identifier and t.valueText in targets for t in _tokens(rhs)):
            return None
    return out


def _assign(text: str, tree, mod) -> str | None:
    blocks = []
    for m in mod.members:
        if m.kind in (_K.AlwaysBlock, _K.AlwaysCombBlock):
            got = _comb_assignments(m)
            if got is not None:
                blocks.append((m, got))
    counts: dict[str, int] = {}
    for n in _nodes(mod):
        if n.kind in (_K.AssignmentExpression, _K.NonblockingAssignmentExpression):
            lhs = n.left
            names = [t.valueText for t in _tokens(lhs) if t.kind == parsing.TokenKind.Identifier][:1]
            for x in names:
                counts[x] = counts.get(x, 0) + 1
    ok = {t for _b, asg in blocks for t, _r in asg if counts.get(t) == 1}
    groups: list[tuple[Edit, list[str]]] = []  # declarations turned to nets together
    for n in _nodes(mod):
        if n.kind == _K.DataDeclaration and n.type.kind == _K.RegType and n.type.keyword.rawText == "reg":
            decls = [d for d in n.declarators if isinstance(d, syntax.SyntaxNode)]
            names = [d.name.valueText for d in decls]
            if names and all(d.initializer is None for d in decls) and not any(d.dimensions for d in decls):
                off = n.type.keyword.location.offset
                groups.append((Edit(off, off + 3, "wire"), names))
        elif n.kind == _K.ImplicitAnsiPort and n.header.kind == _K.VariablePortHeader:
            dt = n.header.dataType
            if dt.kind == _K.RegType and dt.keyword.rawText == "reg" and n.declarator.initializer is None:
                off = dt.keyword.location.offset
                groups.append((Edit(off, off + 3, "wire"), [n.declarator.name.valueText]))
    declared = {x for _e, names in groups for x in names}
    while True:  # a block converts with all its targets, a declaration with all its names
        conv = [(b, asg) for b, asg in blocks if all(t in ok and t in declared for t, _r in asg)]
        names_c = {t for _b, asg in conv for t, _r in asg}
        bad = {x for _e, names in groups if any(y in names_c for y in names) and not all(y in names_c for y in names)
               for x in names}
        if not bad & ok:
            break
        ok -= bad
    if not conv:
        return None
    edits = [e for e, names in groups if all(y in names_c for y in names)]
    for block, asg in conv:
        s, e = _span(block)
        ls = text.rfind("\n", 0, s) + 1
        indent = text[ls:s] if not text[ls:s].strip() else ""
        parts = []
        for name, rhs in asg:
            r0, r1 = _span(rhs)
            parts.append(f"assign {name} = {text[r0:r1]};")
        edits.append(Edit(s, e, f"\n{indent}".join(parts)))
    return apply_edits(text, edits)


def _ansi_group_ok(port, single) -> bool:
    """An ANSI port that inherits its header from the previous one (``output [3:0] a, b``) is
    converted only together with it; keep it simple: refuse ports with an empty header."""
    return bool(str(port.header).strip())


def _hierarchy(text: str, tree, mod) -> str | None:
    name = mod.header.name.valueText
    core = f"{name}_core"
    if re.search(rf"\b{re.escape(core)}\b", text):
        return None
    hs, he = _span(mod.header)
    header = text[hs:he]
    ports = mod.header.ports
    params = mod.header.parameters
    if ports is None or ports.kind != _K.AnsiPortList:
        return None  # non-ANSI headers would need their body declarations copied
    port_names = [p.declarator.name.valueText for p in ports.ports if hasattr(p, "declarator")]
    if not port_names:
        return None
    # the wrapper's header: the same text with the name kept, variable kinds made nets
    wrapper_header = re.sub(r"\b(reg|logic)\b", "wire", header)
    wrapper_header = re.sub(r"\bwire\s+wire\b", "wire", wrapper_header)
    pnames = []
    if params is not None:
        for n in _nodes(params):
            if n.kind == _K.Declarator:
                pnames.append(n.name.valueText)
    pov = (" #(" + ", ".join(f".{p}({p})" for p in pnames) + ")") if pnames else ""
    conns = ", ".join(f".{p}({p})" for p in port_names)
    off = mod.header.name.location.offset
    edits = [Edit(off, off + len(mod.header.name.rawText), core)]
    _, me = _span(mod)
    wrapper = f"\n\n{wrapper_header}\n    {core}{pov} u_core ({conns});\nendmodule\n"
    edits.append(Edit(me, me, wrapper))
    return apply_edits(text, edits)


def _tok(t) -> str:
    return "" if t is None else getattr(t, "rawText", "") or ""


def _one_assignment(st):
    """``(target text, op token text, rhs node)`` of a statement that is exactly one assignment
    (possibly inside an unnamed ``begin``/``end``), else None."""
    while st is not None and st.kind == _K.SequentialBlockStatement:
        items = [x for x in st.items if isinstance(x, syntax.SyntaxNode)]
        if len(items) != 1 or st.blockName is not None:
            return None
        st = items[0]
    if st is None or st.kind != _K.ExpressionStatement:
        return None
    e = st.expr
    if e.kind not in (_K.AssignmentExpression, _K.NonblockingAssignmentExpression):
        return None
    # the target from its tokens: str() would carry a comment in front of it
    return "".join(t.rawText for t in _tokens(e.left)), e.operatorToken.rawText, e.right


def _mux_of(text: str, st):
    """``(target, op, expression text)`` of an if/else chain or a case statement that assigns one
    target in every arm (arms may nest such statements), as a ``?:`` chain; None otherwise."""
    def src(node):
        x, y = _span(node)
        return text[x:y].strip()

    def arm(node):
        one = _one_assignment(node)
        if one is not None:
            return one[0], one[1], f"({src(one[2])})"
        while node is not None and node.kind == _K.SequentialBlockStatement:
            items = [x for x in node.items if isinstance(x, syntax.SyntaxNode)]
            if len(items) != 1 or node.blockName is not None:
                return None
            node = items[0]
        if node is not None and node.kind in (_K.ConditionalStatement, _K.CaseStatement):
            return _mux_of(text, node)
        return None

    if st.kind == _K.ConditionalStatement:
        if _tok(st.uniqueOrPriority) or st.elseClause is None:
            return None
        conds = [c for c in st.predicate.conditions if isinstance(c, syntax.SyntaxNode)]
        if len(conds) != 1 or conds[0].matchesClause is not None:
            return None
        t, f = arm(st.statement), arm(st.elseClause.clause)
        if t is None or f is None or t[:2] != f[:2]:
            return None
        return t[0], t[1], f"({src(conds[0].expr)}) ? {t[2]} : {f[2]}"
    if st.kind == _K.CaseStatement:
        if _tok(st.uniqueOrPriority) or st.caseKeyword.rawText != "case" or _tok(st.matchesOrInside):
            return None
        arms, default = [], None
        for it in st.items:
            if not isinstance(it, syntax.SyntaxNode):
                continue
            a = arm(it.clause)
            if a is None:
                return None
            if it.kind == _K.DefaultCaseItem:
                default = a
            elif it.kind == _K.StandardCaseItem:
                arms.append(([x for x in it.expressions if isinstance(x, syntax.SyntaxNode)], a))
            else:
                return None
        if default is None or not arms or any(a[:2] != default[:2] for _l, a in arms):
            return None
        sel = src(st.expr)
        out = default[2]
        for labels, a in reversed(arms):
            cond = " || ".join(f"({sel}) == ({src(x)})" for x in labels)
            out = f"({cond}) ? {a[2]} : {out}"
        return default[0], default[1], out
    return None


def _muxes_of(text: str, st) -> dict[str, tuple[str, str]] | None:
    """Like :func:`_mux_of` for an if/else chain or case statement whose every arm assigns the same
    several targets once each (``next_state = D; z = 1;``): target -> (op, ``?:`` chain). None when an
    arm differs, or when a condition, selector or right-hand side reads one of the targets (one
    statement per target would then read another's new value)."""
    def src(node):
        x, y = _span(node)
        return text[x:y].strip()

    reads: list = []  # conditions, selectors and right-hand sides: checked against the targets at the end

    def arm(node) -> dict[str, tuple[str, str]] | None:
        while node is not None and node.kind == _K.SequentialBlockStatement and node.blockName is None:
            items = [x for x in node.items if isinstance(x, syntax.SyntaxNode)]
            if len(items) == 1:
                node = items[0]
                continue
            out: dict[str, tuple[str, str]] = {}
            for it in items:
                one = _one_assignment(it)
                if one is None or one[0] in out:
                    return None
                reads.append(one[2])
                out[one[0]] = (one[1], f"({src(one[2])})")
            return out
        one = _one_assignment(node)
        if one is not None:
            reads.append(one[2])
            return {one[0]: (one[1], f"({src(one[2])})")}
        if node is not None and node.kind in (_K.ConditionalStatement, _K.CaseStatement):
            return chain(node)
        return None

    def same(a, b) -> bool:
        return a.keys() == b.keys() and all(a[k][0] == b[k][0] for k in a)

    def chain(st) -> dict[str, tuple[str, str]] | None:
        if st.kind == _K.ConditionalStatement:
            if _tok(st.uniqueOrPriority) or st.elseClause is None:
                return None
            conds = [c for c in st.predicate.conditions if isinstance(c, syntax.SyntaxNode)]
            if len(conds) != 1 or conds[0].matchesClause is not None:
                return None
            t, f = arm(st.statement), arm(st.elseClause.clause)
            if t is None or f is None or not same(t, f):
                return None
            reads.append(conds[0].expr)
            c = src(conds[0].expr)
            return {k: (t[k][0], f"({c}) ? {t[k][1]} : {f[k][1]}") for k in t}
        if st.kind == _K.CaseStatement:
            if _tok(st.uniqueOrPriority) or st.caseKeyword.rawText != "case" or _tok(st.matchesOrInside):
                return None
            arms, default = [], None
            for it in st.items:
                if not isinstance(it, syntax.SyntaxNode):
                    continue
                a = arm(it.clause)
                if a is None:
                    return None
                if it.kind == _K.DefaultCaseItem:
                    default = a
                elif it.kind == _K.StandardCaseItem:
                    arms.append(([x for x in it.expressions if isinstance(x, syntax.SyntaxNode)], a))
                else:
                    return None
            if default is None or not arms or any(not same(a, default) for _l, a in arms):
                return None
            reads.append(st.expr)
            sel = src(st.expr)
            out = {k: v[1] for k, v in default.items()}
            for labels, a in reversed(arms):
                cond = " || ".join(f"({sel}) == ({src(x)})" for x in labels)
                out = {k: f"({cond}) ? {a[k][1]} : {out[k]}" for k in out}
            return {k: (default[k][0], out[k]) for k in out}
        return None

    got = chain(st)
    if got is None or len(got) < 2:
        return None
    names = {k for k in got}
    if any(t.rawText in names for r in reads for t in _tokens(r)):
        return None
    return got


def _ternary(text: str, tree, mod) -> str | None:
    edits: list[Edit] = []
    # blocks with several edge events (an asynchronous reset): their if/else is what synthesis reads
    # as the reset, it stays control flow
    taken: list[tuple[int, int]] = [
        _span(m) for m in mod.members if m.kind in (_K.AlwaysBlock, _K.AlwaysFFBlock)
        and sum(t.rawText in ("posedge", "negedge") for t in _tokens(m.statement)) > 1]
    for n in _nodes(mod):
        if n.kind not in (_K.ConditionalStatement, _K.CaseStatement):
            continue
        s, e = _span(n)
        if any(a <= s and e <= b for a, b in taken):
            continue  # inside a statement already rewritten
        got = _mux_of(text, n)
        if got is None:
            many = _muxes_of(text, n)  # several targets: one ?: chain each
            if many is None:
                continue
            taken.append((s, e))
            body = " ".join(f"{t} {op} {expr};" for t, (op, expr) in many.items())
            edits.append(Edit(s, e, f"begin {body} end"))
            continue
        target, op, expr = got
        taken.append((s, e))
        edits.append(Edit(s, e, f"{target} {op} {expr};"))
    return apply_edits(text, edits) if edits else None


def restyle(text: str, style: str, top: str | None = None, name: str = "design.v") -> str | None:
    """``text`` with its modules rewritten in ``style`` (``hierarchy``: the top module, ``top`` or
    else the first one, split into a wrapper and a core).

    Returns None when the style does not apply to this design.
    """
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; one of {', '.join(STYLES)}")
    tree = syntax.SyntaxTree.fromText(text, name)
    mod = _module(tree, top)
    if mod is None:
        return None
    fn = {"rename": _rename, "always": _always, "assign": _assign, "hierarchy": _hierarchy,
          "ternary": _ternary}[style]
    if style == "hierarchy":
        out = fn(text, tree, mod)
        return None if out is None or out == text else out
    # every module of the file in this style (the top first; a sub-module such as a mux cell is
    # part of the design as much as the top is)
    names = [mod.header.name.valueText] + [m.header.name.valueText for m in _nodes(tree.root)
                                           if m.kind == _K.ModuleDeclaration and m is not mod]
    out = text
    for mname in names:
        t2 = syntax.SyntaxTree.fromText(out, name)
        m2 = _module(t2, mname)
        if m2 is None:
            continue
        got = fn(out, t2, m2)
        if got is not None:
            out = got
    return None if out == text else out
