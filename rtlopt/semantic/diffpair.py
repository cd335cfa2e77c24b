"""A register pair observed only through its difference kept as that difference.

Two registers ``X`` and ``Y`` of one width ``W`` (in one module, or ``Y`` a register of a sibling
instance reaching ``X``'s module through an input port) whose every read in ``X``'s module is a
difference ``Y - X`` (``X - Y``), or a compare ``X [+-k] == Y [+-k]`` / ``!=``, carry no more
information than ``D = Y - X (mod 2**W)`` when their joint next state gives ``D'`` from ``D`` and the
inputs alone. On each guarded branch of the clocked code (the joint decision tree of both registers'
writes) each new value is ``base + offset`` with the base ``X``, ``Y`` or nothing (an expression of other
signals); ``D' = Y' - X'`` is then

- ``D + (oy - ox)`` when ``X`` keeps its base and ``Y`` its own (both held, a counter step, a hold beside a
  free-running counter),
- ``oy - ox`` when both share a base (both loaded from inputs, ``X`` captures ``Y`` while ``Y`` steps),
- ``-D + oy - ox`` when they swap;

anything else (``X`` loaded while ``Y`` keeps its base: ``D'`` depends on ``Y`` alone, a saturating ``X``
whose test reads ``X`` directly) is no rewrite. The edit: ``reg [R] <Y>_m_<X>;`` holds ``D``; one new
clocked block (the pair's event control, the joint tree's guards with their difference reads rewritten)
writes it; every difference read reads it (a compare against ``(kx - ky)`` as a ``W``-bit wire); the
writes of ``X`` (and of ``Y`` in its own module) go. A ``Y`` of a sibling instance (a shared
free-running timestamp) stays where it is -- its decision tree is mapped into ``X``'s module through
the parent's port connections (guards on ports only, parameters at the instance's values, the same in
every instance) -- and disappears in synthesis once no module reads it.

Found by what the logic does (the reads and the joint next-state tree, in any spelling of the
if/else chains, ``always``/``always_ff``, one process or split across modules); the candidate is offered
only when a simulation of the whole design agrees on the outputs, and the search proves it from reset
like every candidate.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from rtlopt.semantic.pingpong import _kind, _span, _walk  # the shared syntax walkers

RULE = "difference_register"
MAX_TRIES = 4
#: z3 first: its difference round (equal registers, ``h == a - b`` across the designs, X masks at 0) proves
#: these in 1-4 s (heldout16 down_count, 3 one-shots with async reset: 4.2 s, where ABC took 27 s)
PROOF_ENGINES = ("smt", "abc")
_ID = r"[A-Za-z_][\w$]*"
HOLD = None


def _strip(n):
    while True:
        k = _kind(n)
        if k == "ParenthesizedExpressionSyntax":
            n = n.expression
        elif k in ("SimplePropertyExprSyntax", "SimpleSequenceExprSyntax"):
            n = n.expr
        else:
            return n


def _idents(n) -> set[str]:
    out: set[str] = set()

    def f(x):
        if _kind(x) == "IdentifierNameSyntax":
            out.add(x.identifier.valueText)
    _walk(n, f)
    return out


def _name(n) -> str | None:
    n = _strip(n)
    return n.identifier.valueText if _kind(n) == "IdentifierNameSyntax" else None


class _Fail(Exception):
    pass


# ----------------------------------------------------------------------------------------------
# modules


class Mod:
    def __init__(self, path: Path, text: str, node):
        self.path, self.text, self.node = path, text, node
        self.name = node.header.name.valueText
        self.ports: dict[str, tuple[str, str]] = {}  # name -> (direction, header text)
        ports = getattr(node.header, "ports", None)
        for p in (getattr(ports, "ports", None) or []):
            if _kind(p) != "ImplicitAnsiPortSyntax":
                continue
            d = getattr(p.header, "direction", None)
            self.ports[p.declarator.name.valueText] = (d.valueText if d is not None else "", str(p.header))
        self.params: dict[str, str] = {}
        hp = getattr(node.header, "parameters", None)
        for src in ([hp] if hp is not None else []) + list(node.members):
            def f(x):
                if _kind(x) == "DeclaratorSyntax" and getattr(x, "initializer", None) is not None:
                    self.params.setdefault(x.name.valueText, str(x.initializer.expr).strip())
            if _kind(src) in ("ParameterPortListSyntax", "ParameterDeclarationStatementSyntax"):
                _walk(src, f)
        # registers declared in the body: name -> (range text, declaration node, sole declarator?)
        self.regs: dict[str, tuple[str, object, bool]] = {}
        for it in node.members:
            if _kind(it) != "DataDeclarationSyntax":
                continue
            ty = str(it.type).strip()
            m = re.fullmatch(r"(?:reg|logic|bit)\s*(?:unsigned\s*)?(\[[^\]]+\])", ty)
            if m is None:
                continue
            decls = [d for d in it.declarators if _kind(d) == "DeclaratorSyntax"]
            for d in decls:
                if not list(d.dimensions) and d.initializer is None:
                    self.regs[d.name.valueText] = (m.group(1), it, len(decls) == 1)
        self.blocks = []
        self.insts = []  # (module type, instance name, {port: connection node}, {param: text})

        def g(x):
            k = _kind(x)
            if k == "ProceduralBlockSyntax":
                self.blocks.append(x)
            elif k == "HierarchyInstantiationSyntax":
                pars = {}
                if x.parameters is not None:
                    for a in x.parameters.parameters:
                        if _kind(a) == "NamedParamAssignmentSyntax" and a.expr is not None:
                            pars[a.name.valueText] = str(a.expr).strip()
                for inst in x.instances:
                    if _kind(inst) != "HierarchicalInstanceSyntax":
                        continue
                    conns = {}
                    for c in inst.connections:
                        if _kind(c) == "NamedPortConnectionSyntax" and c.expr is not None:
                            conns[c.name.valueText] = c.expr
                    self.insts.append((x.type.valueText, inst.decl.name.valueText, conns, pars))
        for it in node.members:
            _walk(it, g)
        # name pairs read together by a difference or an (in)equality (``a - b``, ``a == b + k``)
        self.diff_pairs: set[tuple[str, str]] = set()

        def side(n) -> str | None:
            n = _strip(n)
            nm = _name(n)
            if nm is not None:
                return nm
            if _kind(n) == "BinaryExpressionSyntax" and str(n.kind) in ("SyntaxKind.AddExpression",
                                                                       "SyntaxKind.SubtractExpression"):
                return _name(n.left) or (_name(n.right) if str(n.kind) == "SyntaxKind.AddExpression" else None)
            return None

        def h(x):
            if _kind(x) == "BinaryExpressionSyntax" and str(x.kind) in (
                    "SyntaxKind.SubtractExpression", "SyntaxKind.EqualityExpression",
                    "SyntaxKind.InequalityExpression"):
                a, b = side(x.left), side(x.right)
                if a and b and a != b:
                    self.diff_pairs.add((a, b))
                    self.diff_pairs.add((b, a))
        for it in node.members:
            _walk(it, h)

    def seg(self, n) -> str:
        a, b = _span(n)
        return self.text[a:b]


def _modules(texts: dict[Path, str]) -> dict[str, Mod]:
    from pyslang import syntax
    out: dict[str, Mod] = {}
    for p, t in texts.items():
        tr = syntax.SyntaxTree.fromText(t, str(p))
        root = tr.root
        for m in ([root] if _kind(root) == "ModuleDeclarationSyntax" else root.members):
            if _kind(m) == "ModuleDeclarationSyntax":
                try:
                    out.setdefault(m.header.name.valueText, Mod(p, t, m))
                except AttributeError:  # a construct the reader does not know (no pair found in it)
                    continue
    return out


# ----------------------------------------------------------------------------------------------
# decision trees of the clocked writes: ("if", cond text, then, else) | ("leaf", {reg: rhs node or HOLD})


def _event(mod: Mod, blk) -> tuple[str, object] | None:
    """(event-control text, body statement) of a clocked block."""
    st = blk.statement
    if _kind(st) != "TimingControlStatementSyntax":
        return None
    ev = mod.seg(st.timingControl)
    if not re.search(r"\b(posedge|negedge)\b", ev):
        return None
    return ev, st.statement


def _writes(mod: Mod, n) -> set[str]:
    out: set[str] = set()

    def f(x):
        if _kind(x) == "BinaryExpressionSyntax" and "Assignment" in str(x.kind):
            nm = _name(x.left)
            if nm is None:
                out.update(_idents(x.left))
            else:
                out.add(nm)
    _walk(n, f)
    return out


def _tree(mod: Mod, st, regs: set[str], cur):
    k = _kind(st)
    if not (_writes(mod, st) & regs):
        return cur
    if k == "BlockStatementSyntax":
        for it in st.items:
            cur = _tree(mod, it, regs, cur)
        return cur
    if k == "ConditionalStatementSyntax":
        conds = [c for c in st.predicate.conditions if _kind(c) == "ConditionalPatternSyntax"]
        if len(conds) != 1 or conds[0].matchesClause is not None:
            raise _Fail("if predicate")
        c = mod.seg(conds[0].expr).strip()
        th = _tree(mod, st.statement, regs, cur)
        el = _tree(mod, st.elseClause.clause, regs, cur) if st.elseClause is not None else cur
        return ("if", c, th, el)
    if k == "CaseStatementSyntax":
        # a priority chain of ``(sel) == (item)`` tests (plain ``case`` only: casez/casex wildcards and
        # ``inside`` sets are not equalities)
        if st.caseKeyword.valueText != "case" or st.matchesOrInside.valueText:
            raise _Fail("case kind")
        sel = mod.seg(st.expr).strip()
        arms = []
        default = cur
        for it in st.items:
            ik = _kind(it)
            if ik == "StandardCaseItemSyntax":
                es = [mod.seg(e).strip() for e in it.expressions if not _kind(e).endswith("Token")]
                cond = " || ".join(f"({sel}) == ({e})" for e in es)
                arms.append((cond, _tree(mod, it.clause, regs, cur)))
            elif ik == "DefaultCaseItemSyntax":
                default = _tree(mod, it.clause, regs, cur)
            else:
                raise _Fail(ik)
        out = default
        for cond, t in reversed(arms):
            out = ("if", cond, t, out)
        return out
    if k == "EmptyStatementSyntax":
        return cur
    if k == "ExpressionStatementSyntax":
        e = st.expr
        if _kind(e) != "BinaryExpressionSyntax" or str(e.kind) != "SyntaxKind.NonblockingAssignmentExpression":
            raise _Fail("blocking write")
        nm = _name(e.left)
        if nm not in regs:
            raise _Fail("partial write")
        return _set_value(mod, cur, nm, e.right)
    raise _Fail(k)


def _set_value(mod: Mod, cur, reg: str, rhs):
    """``cur`` with ``reg`` written ``rhs``; a conditional ``c ? a : b`` becomes a branch of the tree."""
    r = _strip(rhs)
    if _kind(r) == "ConditionalExpressionSyntax":
        conds = [c for c in r.predicate.conditions if _kind(c) == "ConditionalPatternSyntax"]
        if len(conds) == 1 and conds[0].matchesClause is None:
            return ("if", mod.seg(conds[0].expr).strip(), _set_value(mod, cur, reg, r.left),
                    _set_value(mod, cur, reg, r.right))
    if _name(r) == reg:  # an explicit hold
        return _set(cur, reg, HOLD)
    return _set(cur, reg, rhs)


def _set(t, reg, rhs):
    if t[0] == "if":
        return ("if", t[1], _set(t[2], reg, rhs), _set(t[3], reg, rhs))
    return ("leaf", {**t[1], reg: rhs})


def _product(a, b, path: dict[str, bool] | None = None):
    """Joint tree of two trees (leaves merged), pruning conditions already decided on the path."""
    path = path or {}
    if a[0] == "if":
        if a[1] in path:
            return _product(a[2] if path[a[1]] else a[3], b, path)
        return ("if", a[1], _product(a[2], b, {**path, a[1]: True}), _product(a[3], b, {**path, a[1]: False}))
    if b[0] == "if":
        if b[1] in path:
            return _product(a, b[2] if path[b[1]] else b[3], path)
        return ("if", b[1], _product(a, b[2], {**path, b[1]: True}), _product(a, b[3], {**path, b[1]: False}))
    return ("leaf", {**a[1], **b[1]})


def _prune(t, path: dict[str, bool] | None = None):
    path = path or {}
    if t[0] != "if":
        return t
    if t[1] in path:
        return _prune(t[2] if path[t[1]] else t[3], path)
    return ("if", t[1], _prune(t[2], {**path, t[1]: True}), _prune(t[3], {**path, t[1]: False}))


# ----------------------------------------------------------------------------------------------
# next values as base + offset


def _affine(mod: Mod, node, self_name: str, x: str, y: str, rename=None):
    """(base, [(sign, offset text)]) of a next value: base ``x``, ``y`` or None; offsets read neither."""
    if node is HOLD:
        return self_name, []
    sub = rename or (lambda n: mod.seg(n).strip())
    n = _strip(node)
    nm = _name(n)
    if nm in (x, y):
        return nm, []
    if not (_idents(n) & {x, y}):
        return None, [(1, sub(n))]
    if _kind(n) == "BinaryExpressionSyntax" and str(n.kind) in ("SyntaxKind.AddExpression",
                                                               "SyntaxKind.SubtractExpression"):
        sign = 1 if str(n.kind) == "SyntaxKind.AddExpression" else -1
        ln, rn = _name(n.left), _name(n.right)
        if ln in (x, y) and not (_idents(n.right) & {x, y}):
            return ln, [(sign, sub(n.right))]
        if sign == 1 and rn in (x, y) and not (_idents(n.left) & {x, y}):
            return rn, [(1, sub(n.left))]
        base, offs = _affine(mod, n.left, self_name, x, y, rename)
        if not (_idents(n.right) & {x, y}):
            return base, offs + [(sign, sub(n.right))]
    raise _Fail("next value")


def _dnext(d: str, ax, ay, x: str, y: str) -> str | None:
    """Text of D' = Y' - X' (None: D held), from the two (base, offsets)."""
    (bx, ox), (by, oy) = ax, ay
    terms = [(s, t) for s, t in oy] + [(-s, t) for s, t in ox]
    for s, t in list(terms):  # k - k cancels
        if (s, t) in terms and (-s, t) in terms:
            terms.remove((s, t))
            terms.remove((-s, t))
    if bx == x and by == y:
        head = d
    elif bx == by:
        head = ""
    elif bx == y and by == x:
        head = f"-{d}"
    else:
        raise _Fail("next difference")
    if head == d and not terms:
        return None
    txt = head
    for s, t in terms:
        t = t if re.fullmatch(r"[\w$']+", t) else f"({t})"
        txt += (" + " if s > 0 else " - ") + t if txt else (t if s > 0 else f"-{t}")
    return txt or "0"


# ----------------------------------------------------------------------------------------------
# reads


def _read_edits(mod: Mod, roots, x: str, y: str, d: str, skip: list[tuple[int, int]], consts: list[str]):
    """Edits (start, end, text) turning every read of ``x``/``y`` under ``roots`` outside ``skip`` spans into
    reads of ``d``; raises _Fail when one is read otherwise."""
    edits: list[tuple[int, int, str]] = []
    covered: list[tuple[int, int]] = []

    def side(n):
        """(name, [(sign, text)]) of ``name [+- k]`` with k reading neither register."""
        n = _strip(n)
        nm = _name(n)
        if nm in (x, y):
            return nm, []
        if _kind(n) == "BinaryExpressionSyntax" and str(n.kind) in ("SyntaxKind.AddExpression",
                                                                   "SyntaxKind.SubtractExpression"):
            s = 1 if str(n.kind) == "SyntaxKind.AddExpression" else -1
            ln, rn = _name(n.left), _name(n.right)
            if ln in (x, y) and not (_idents(n.right) & {x, y}):
                return ln, [(s, mod.seg(n.right).strip())]
            if s == 1 and rn in (x, y) and not (_idents(n.left) & {x, y}):
                return rn, [(1, mod.seg(n.left).strip())]
        return None

    def f(n):
        a, b = _span(n)
        if any(s <= a and b <= e for s, e in skip + covered):
            return
        if _kind(n) != "BinaryExpressionSyntax":
            return
        kd = str(n.kind)
        if kd == "SyntaxKind.SubtractExpression":
            ln, rn = _name(n.left), _name(n.right)
            if {ln, rn} == {x, y}:
                edits.append((a, b, d if ln == y else f"(-{d})"))
                covered.append((a, b))
            return
        if kd in ("SyntaxKind.EqualityExpression", "SyntaxKind.InequalityExpression"):
            sl, sr = side(n.left), side(n.right)
            if sl is None or sr is None or {sl[0], sr[0]} != {x, y}:
                return
            # xs + ox == ys + oy  <=>  D == ox - oy
            (_, ox), (_, oy) = (sl, sr) if sl[0] == x else (sr, sl)
            terms = [(s, t) for s, t in ox] + [(-s, t) for s, t in oy]
            op = "==" if kd == "SyntaxKind.EqualityExpression" else "!="
            if not terms:
                rhs = "0"
            else:
                txt = ""
                for s, t in terms:
                    t = t if re.fullmatch(r"[\w$']+", t) else f"({t})"
                    txt += (" + " if s > 0 else " - ") + t if txt else (t if s > 0 else f"0 - {t}")
                if txt not in consts:
                    consts.append(txt)
                rhs = f"{d}_k{consts.index(txt)}"
            edits.append((a, b, f"{d} {op} {rhs}"))
            covered.append((a, b))

    for r in roots:
        _walk(r, f)

    def g(n):
        if _kind(n) != "IdentifierNameSyntax" or n.identifier.valueText not in (x, y):
            return
        a, b = _span(n)
        if not any(s <= a and b <= e for s, e in skip + covered):
            raise _Fail(f"direct read of {n.identifier.valueText}")
    for r in roots:
        _walk(r, g)
    return edits


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for a, b, r in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:a] + r + text[b:]
    return text


# ----------------------------------------------------------------------------------------------
# candidates


def _reg_tree(mod: Mod, regs: set[str]):
    """(event text, block, joint tree, write statements) of the registers ``regs`` (all written in clocked
    blocks of one event control), or None."""
    ev = None
    tree = ("leaf", {})
    blocks = []
    stmts = []
    for blk in mod.blocks:
        w = _writes(mod, blk) & regs
        if not w:
            continue
        got = _event(mod, blk)
        if got is None:
            raise _Fail("not clocked")
        e, body = got
        if ev is not None and re.sub(r"\s+", "", e) != re.sub(r"\s+", "", ev):
            raise _Fail("two clocks")
        ev = e
        tree = _product(tree, _tree(mod, body, w, ("leaf", {})))
        blocks.append(blk)

        def f(x):
            if _kind(x) == "ExpressionStatementSyntax" and _kind(x.expr) == "BinaryExpressionSyntax" and \
                    "Assignment" in str(x.expr.kind) and _name(x.expr.left) in regs:
                stmts.append(x)
        _walk(body, f)
    if ev is None:
        return None
    return ev, blocks, tree, stmts


def _emit_tree(t, d: str, leaf, rw, ind: str, unit: str = "    ") -> str:
    if t[0] == "if":
        th = _emit_tree(t[2], d, leaf, rw, ind + unit, unit)
        el = _emit_tree(t[3], d, leaf, rw, ind + unit, unit)
        if not th.strip() and not el.strip():
            return ""
        if not th.strip():
            return f"{ind}if (!({rw(t[1])})) begin\n{el}{ind}end\n"
        s = f"{ind}if ({rw(t[1])}) begin\n{th}{ind}end"
        if el.strip():
            s += f" else begin\n{el}{ind}end"
        return s + "\n"
    v = leaf(t[1])
    return f"{ind}{d} <= {v};\n" if v is not None else ""


def _line(text: str, a: int, b: int) -> tuple[int, int]:
    """``[a, b)`` widened to its whole line when nothing else is written on it."""
    ls = text.rfind("\n", 0, a)
    e = b
    while e < len(text) and text[e] in " \t":
        e += 1
    if not text[ls + 1:a].strip() and (e == len(text) or text[e] == "\n"):
        return ls, e
    return a, b


def _cond_rewriter(mod: Mod, x: str, y: str, d: str, consts: list[str]):
    from pyslang import syntax

    def rw(c: str) -> str:
        tr = syntax.SyntaxTree.fromText(f"module m; wire q = {c}; endmodule", "c.sv")
        root = tr.root if _kind(tr.root) == "ModuleDeclarationSyntax" else tr.root.members[0]
        sub = Mod(Path("c.sv"), f"module m; wire q = {c}; endmodule", root)
        off = len("module m; wire q = ")
        root = [sub.node]
        eds = _read_edits(sub, root, x, y, d, [], consts)
        return _apply(sub.text, eds)[off:-len("; endmodule")] if eds else c
    return rw


def _decl_of(mod: Mod, name: str):
    """(range text, declaration node) of a net/variable ``name`` declared in ``mod``'s body, or None."""
    for it in mod.node.members:
        if _kind(it) not in ("NetDeclarationSyntax", "DataDeclarationSyntax"):
            continue
        names = [d.name.valueText for d in it.declarators if _kind(d) == "DeclaratorSyntax"]
        if name in names:
            rng = re.search(r"\[[^\]]+\]", mod.seg(it))
            return (rng.group(0) if rng else "", it) if len(names) == 1 else None
    return None


def _build(mod: Mod, x: str, y: str, ytree=None, yev: str | None = None,
           extra_skip: list | None = None) -> tuple[str, str] | None:
    """New text of ``mod``'s file with the pair (``x`` a register of ``mod``; ``y`` one too, or an input
    port / a child's output net whose register's tree ``ytree`` / event ``yev`` is given in ``mod``'s
    names; ``extra_skip``: spans where ``y`` is read otherwise and stays, its declaration and driver)."""
    rng = mod.regs[x][0]
    d = f"{y}_m_{x}"
    while re.search(rf"(?<![\w$]){re.escape(d)}(?![\w$])", mod.text):
        d += "_"
    own = ytree is None
    regs = {x, y} if own else {x}
    got = _reg_tree(mod, regs)
    if got is None:
        return None
    ev, blocks, tree, stmts = got
    if not own:
        if re.sub(r"\s+", "", yev) != re.sub(r"\s+", "", ev):
            return None
        tree = _product(tree, ytree)
    tree = _prune(tree)
    consts: list[str] = []
    rw = _cond_rewriter(mod, x, y, d, consts)

    def leaf(vals):
        ax = _affine(mod, vals.get(x), x, x, y)
        vy = vals.get(y)
        ay = vy if isinstance(vy, tuple) else _affine(mod, vy, y, x, y)
        return _dnext(d, ax, ay, x, y)
    last = max(blocks, key=lambda n: _span(n)[1])
    ls = mod.text.rfind("\n", 0, _span(last)[0]) + 1
    ind = mod.text[ls:_span(last)[0]]
    ind = ind if ind.strip() == "" and ind else "    "
    body = _emit_tree(tree, d, leaf, rw, ind * 2, ind)
    # reads everywhere in the module, outside the deleted writes and the declarations
    skip = [_span(s) for s in stmts]
    decl_nodes = [mod.regs[x][1]] + ([mod.regs[y][1]] if own else [])
    skip += [_span(n) for n in decl_nodes] + list(extra_skip or [])
    if not own:
        for p in getattr(mod.node.header.ports, "ports", []):
            if _kind(p) == "ImplicitAnsiPortSyntax" and p.declarator.name.valueText == y:
                skip.append(_span(p))
    eds = _read_edits(mod, list(mod.node.members) + [mod.node.header], x, y, d, skip, consts)
    # the reads inside the kept guards of the written blocks are already covered by eds
    text = mod.text
    for s in stmts:
        a, b = _span(s)
        before = text[:a].rstrip()
        if before.endswith(";") or re.search(r"\b(begin|end)$", before):  # an item of a begin .. end
            eds.append((*_line(text, a, b), ""))
        else:
            eds.append((a, b, ";"))
    for blk in blocks:
        if _writes(mod, blk) <= regs:  # a block writing only the pair goes as a whole
            a, b = _span(blk)
            eds = [e for e in eds if not (a <= e[0] < b)] + [(a, b, "")]
    # declarations: the new register where the first of the pair is declared
    kw = "logic" if mod.path.suffix in (".sv", ".svh") else "reg"
    first = min(decl_nodes, key=lambda n: _span(n)[0])
    a, b = _span(first)
    newdecl = f"{kw} {rng} {d};" + "".join(f"\n{ind}wire {rng} {d}_k{i} = {c};" for i, c in enumerate(consts))
    gone = regs  # the registers whose declarations go (the other one of a port pair stays elsewhere)
    for n in list({id(n): n for n in decl_nodes}.values()):
        na, nb = _span(n)
        names = {k for k, v in mod.regs.items() if v[1] is n}
        whole = len([dd for dd in n.declarators if _kind(dd) == "DeclaratorSyntax"]) == len(names) and names <= gone
        if whole:
            eds.append((na, nb, newdecl) if n is first else (*_line(text, na, nb), ""))
        elif n is first:  # declared beside other names: they stay (undriven and unread, swept by synthesis)
            eds.append((nb, nb, "\n" + ind + newdecl))
    hdr = "always_ff" if mod.seg(last).lstrip().startswith("always_ff") else "always"
    if not body.strip():
        return None
    blk = f"\n{ind}{hdr} {ev.strip()} begin\n{body}{ind}end\n"
    eds.append((_span(last)[1], _span(last)[1], blk))
    eds = sorted(eds, key=lambda e: (e[0], e[1]))
    for i in range(1, len(eds)):
        if eds[i][0] < eds[i - 1][1]:
            return None
    return _apply(text, eds), d


def _to_port(xmod: Mod, xconns: dict):
    """Parent net -> the input port of ``xmod`` connected to it in that instance (None when not one)."""
    def f(net: str) -> str | None:
        xp = [p for p, e in xconns.items() if _name(e) == net]
        return xp[0] if len(xp) == 1 and xmod.ports.get(xp[0], ("",))[0] == "input" else None
    return f


def _sibling_trees(mods: dict[str, Mod], mod: Mod, y: str):
    """(tree, event) of the register driving input port ``y`` of every instance of ``mod`` -- an output
    register of a sibling instance or a register of the parent itself -- mapped into ``mod``'s names (the
    same in every instance), or None."""
    found = None
    n_inst = 0
    for par in mods.values():
        for ty, _iname, conns, _pars in par.insts:
            if ty != mod.name:
                continue
            n_inst += 1
            net = conns.get(y)
            if net is None or _name(net) is None:
                return None
            net = _name(net)
            # the net's driver: an output port of a sibling instance whose module writes it as a register
            drv = [(mods.get(t2), c2, p2) for t2, _i2, c2, p2 in par.insts
                   for port, e in c2.items() if _name(e) == net and t2 in mods
                   and mods[t2].ports.get(port, ("",))[0] == "output"]
            # (other readers of the net keep reading the register: the edit of ``mod`` holds regardless)
            if net in par.ports and par.ports[net][0] == "input":
                return None
            written = re.search(rf"(?<![\w$.]){re.escape(net)}\s*(?:<=|=(?!=))", par.seg(par.node))
            if len(drv) == 1 and not written:
                ym, yconns, ypars = drv[0]
                yport = next(p for p, e in yconns.items() if _name(e) == net)
                got = _mapped_tree(ym, yport, ypars, {p: _name(e) for p, e in yconns.items() if _name(e)},
                                   _to_port(mod, conns))
            elif not drv and written:  # a register of the parent (at its default parameters)
                got = _mapped_tree(par, net, {}, None, _to_port(mod, conns))
            else:
                return None
            if got is None:
                return None
            key = (repr(got[0]), got[1])
            if found is not None and found[2] != key:
                return None
            found = (got[0], got[1], key)
    if found is None or n_inst == 0:
        return None
    return found[0], found[1]


def _child_tree(mods: dict[str, Mod], mod: Mod, y: str):
    """(tree, event, connection span) of the register of a child instance of ``mod`` driving its net
    ``y``, mapped into ``mod``'s names, or None."""
    drv = [(mods.get(t2), c2, p2, port, e) for t2, _i2, c2, p2 in mod.insts for port, e in c2.items()
           if _name(e) == y and t2 in mods and mods[t2].ports.get(port, ("",))[0] == "output"]
    if len(drv) != 1 or re.search(rf"(?<![\w$.]){re.escape(y)}\s*(?:<=|=(?!=))", mod.seg(mod.node)):
        return None
    ym, yconns, ypars, port, e = drv[0]
    got = _mapped_tree(ym, port, ypars, {p: _name(c) for p, c in yconns.items() if _name(c)}, lambda n: n)
    return None if got is None else (got[0], got[1], _span(e))


def _mapped_tree(ym: Mod, yreg: str, ypars: dict, to_net: dict | None, to_x):
    """The decision tree of register ``yreg`` of ``ym`` (one clocked block) in the names of the module
    that reads it: each name of ``ym`` -> the net it is connected to (``to_net``; None: ``ym`` is where
    the nets are) -> that module's name for it (``to_x``); parameters at their values (``ypars`` over
    the defaults). None when a guard or an offset reads anything else."""
    from rtlopt.semantic.thrcount import const_value
    got = _reg_tree(ym, {yreg})
    if got is None:
        return None
    ev, blocks, tree, _stmts = got
    if len(blocks) != 1:
        return None
    pvals: dict[str, int] = {}
    for k, v in ym.params.items():
        val = const_value(ypars.get(k, v), pvals, 64)
        if val is None:
            return None
        pvals[k] = val

    def ren(text: str) -> str:
        def sub(m):
            w = m.group(0)
            if w in ("posedge", "negedge", "or", "iff"):
                return w
            if w == yreg:
                return "\0"
            if w in pvals:
                return str(pvals[w])
            net = w if to_net is None else to_net.get(w)
            xn = to_x(net) if net is not None else None
            if xn is None:
                raise _Fail(f"unmapped {w}")
            return xn
        return re.sub(r"(?<!['\w$])" + _ID, sub, text).replace("\0", yreg)

    def conv(t):
        if t[0] == "if":
            return ("if", ren(t[1]), conv(t[2]), conv(t[3]))
        v = t[1].get(yreg)
        if v is HOLD:
            aff = ("Y", [])
        else:
            base, offs = _affine(ym, v, yreg, "\1", yreg, rename=lambda n: ren(ym.seg(n).strip()))
            aff = ("Y" if base == yreg else None, offs)
        return ("leaf", {"\0y": aff})
    try:
        mapped = conv(tree)
        evm = ren(ev)
    except _Fail:
        return None
    return mapped, evm


def rewrite(texts: dict[Path, str]) -> list[tuple[dict[Path, str], str]]:
    """``(new texts, description)`` per register pair read only through its difference."""
    mods = _modules(texts)
    out = []
    for mod in mods.values():
        pairs = []
        for x, y in sorted(mod.diff_pairs):
            if x not in mod.regs:
                continue
            rx = re.sub(r"\s", "", mod.regs[x][0])
            written = any(y in _writes(mod, blk) for blk in mod.blocks)
            if y in mod.regs and written and re.sub(r"\s", "", mod.regs[y][0]) == rx:
                pairs.append((x, y, None))
            elif mod.ports.get(y, ("",))[0] == "input":
                rng = re.search(r"\[[^\]]+\]", mod.ports[y][1])
                if rng is not None and re.sub(r"\s", "", rng.group(0)) == rx:
                    pairs.append((x, y, "port"))
            elif not written and y not in mod.ports:
                dcl = _decl_of(mod, y)
                if dcl is not None and re.sub(r"\s", "", dcl[0]) == rx:
                    pairs.append((x, y, "child"))
        for x, y, kind in pairs:
            try:
                if kind is None:
                    got = _build(mod, x, y)
                elif kind == "child":
                    ch = _child_tree(mods, mod, y)
                    if ch is None:
                        continue
                    got = _build(mod, x, y, _rename_leaf(ch[0], y), ch[1],
                                 extra_skip=[_span(_decl_of(mod, y)[1]), ch[2]])
                else:
                    sib = _sibling_trees(mods, mod, y)
                    if sib is None:
                        continue
                    ytree, yev = sib
                    ytree = _rename_leaf(ytree, y)
                    got = _build(mod, x, y, ytree, yev)
            except (_Fail, RecursionError, AttributeError):
                continue
            if got is None:
                continue
            new, d = got
            where = f"'{mod.name}.{x}', '{y}'" + {None: "", "port": " (a register of another module)",
                                                  "child": " (a child's register)"}[kind]
            out.append(({**texts, mod.path: new}, f"{where} read only through {y} - {x}: one register '{d}'"))
    # a pair (x, y) and (y, x) give the same edit up to sign: the one negating fewer reads first
    seen = set()
    res = []
    for new, desc in sorted(out, key=lambda o: sum(t.count("(-") for t in o[0].values())):
        key = tuple(sorted(new.items()))
        if key not in seen:
            seen.add(key)
            res.append((new, desc))
    return res


def _rename_leaf(t, y: str):
    if t[0] == "if":
        return ("if", t[1], _rename_leaf(t[2], y), _rename_leaf(t[3], y))
    base, offs = t[1]["\0y"]
    return ("leaf", {y: (y if base == "Y" else None, offs)})


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    deadline = time.monotonic() + timeout_s
    if not any(re.search(r"-|==|!=", t) and re.search(r"\b(posedge|negedge)\b", t) for t in texts.values()):
        return []
    raw = rewrite(texts)
    if not raw:
        # the next values in a combinational block (two-process style): the same updates inside the
        # clocked block (procnorm), then the same analysis
        from rtlopt.semantic.procnorm import variants
        for p, t in variants(texts):
            raw += rewrite({**texts, p: t})
    if not raw:
        return []
    from rtlopt.semantic import seqsim
    return seqsim.agreeing(texts, raw, top, deadline, MAX_TRIES, strict=True)


def diffpair_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import sequential_candidates
    out = sequential_candidates(state, candidates_for, RULE, "difference register")
    for c in out:
        c.hints["engines"] = PROOF_ENGINES
    return out
