"""A register loaded with a function of other registers' next values is that function of the registers.

``r <= f(a_d, b_d)`` next to ``a <= a_d; b <= b_d`` (the same load condition: sibling statements of one
clocked block, the reset arm setting all of them to constants) keeps ``r == f(a, b)`` in every reachable
state when the reset values agree: ``r``'s flip-flops go and ``always @* r = f(a, b);`` replaces them
(an irq line registered as ``|(stat_d & mask_d)`` next to the status and mask registers).

Found on the elaborated source (pyslang): names never matter, only who loads what under which
condition. Parameters may appear in ``f``; any other operand (an input, a variable that is not a
register's next value) rejects the register. The search loop proves every candidate from reset.
"""

from __future__ import annotations

import re
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits, before_endmodule

_CONST = re.compile(r"\s*(?:\d+\s*)?'[sS]?(?:[bBoOdDhH]\s*[0-9a-fA-F_xXzZ]+|[01xXzZ])\s*|\s*\d+\s*")
_IDENT = re.compile(r"(?<![\w$'.])[A-Za-z_][\w$]*(?![\w$])")


def candidates_for(texts: dict[Path, str], top: str) -> list[tuple[dict[Path, str], str]]:
    from pyslang import ast, syntax

    from rtlopt.hdl.project import top_compilation

    paths = list(texts)
    comp = top_compilation(top)  # the top alone, at its -G values
    trees = []
    for p in paths:
        t = syntax.SyntaxTree.fromText(texts[p], str(p))
        trees.append(t)
        comp.addSyntaxTree(t)
    if any(d.isError() for t in trees for d in t.diagnostics):
        return []
    buf = {t.root.sourceRange.start.buffer.id: i for i, t in enumerate(trees)}
    # (file, block span) -> writes: (target symbol, stmt span, group span, rhs span, rhs text, is_const)
    blocks: dict[tuple, list] = {}
    allw: dict[tuple, int] = {}  # (file, declaration offset of a variable) -> number of writes anywhere
    scopes: dict[tuple, object] = {}

    def key(sym):
        loc = sym.location
        return (buf.get(loc.buffer.id), loc.offset)

    cur: list = [None]

    def visit(n):
        k = type(n).__name__
        if k == "ProceduralBlockSymbol":
            sx = n.body.syntax if n.body is not None else None
            clocked = sx is not None and re.match(r"\s*@\s*\(\s*(posedge|negedge)", str(sx)) is not None
            cur[0] = (buf.get(sx.sourceRange.start.buffer.id), sx.sourceRange.start.offset) if clocked else None
            if cur[0] is not None:
                scopes[cur[0]] = n.parentScope
        elif k == "AssignmentExpression" and n.syntax is not None:
            sym = n.left.symbol if type(n.left).__name__ == "NamedValueExpression" else None
            root = n.left
            while type(root).__name__ in ("ElementSelectExpression", "RangeSelectExpression"):
                root = root.value
            if type(root).__name__ == "NamedValueExpression":
                allw[key(root.symbol)] = allw.get(key(root.symbol), 0) + 1
            par = n.syntax.parent
            if (sym is not None and n.isNonBlocking and cur[0] is not None and par is not None
                    and type(par).__name__ == "ExpressionStatementSyntax" and par.parent is not None):
                f = buf.get(par.sourceRange.start.buffer.id)
                rs = n.syntax.right.sourceRange
                rtext = texts[paths[f]][rs.start.offset:rs.end.offset]
                g = par.parent.sourceRange
                blocks.setdefault(cur[0], []).append(
                    (sym, (f, par.sourceRange.start.offset, par.sourceRange.end.offset),
                     (g.start.offset, g.end.offset), (rs.start.offset, rs.end.offset), rtext,
                     _CONST.fullmatch(rtext) is not None or _const_expr(n.right)))
        return ast.VisitAction.Advance

    comp.getRoot().visit(visit)
    found = []  # (file, stmt spans to remove, target name, expression text, module end offset)
    seen = set()
    for bk, ws in blocks.items():
        by: dict[tuple, list] = {}
        for w in ws:
            by.setdefault(key(w[0]), []).append(w)
        scope = scopes[bk]
        for rk, rw in by.items():
            # r: one constant write (the reset) and one or more loads, all in this block
            if len(rw) < 2 or allw.get(rk) != len(rw) or sum(w[5] for w in rw) != 1 or rk in seen:
                continue
            cst = next(w for w in rw if w[5])
            fns = [w for w in rw if not w[5]]
            if len({w[2] for w in fns}) != len(fns):
                continue
            # sibling registers Q written exactly where r is: the reset beside r's, one load beside
            # each of r's loads (nowhere else)
            sib: dict[str, dict] = {}  # Q name -> {group span of a load: Q's right-hand side}
            for qk, qw in by.items():
                if qk == rk or len(qw) != len(rw) or allw.get(qk) != len(qw):
                    continue
                qc = [w for w in qw if w[5]]
                qf = {w[2]: w[4].strip() for w in qw if not w[5]}
                if len(qc) == 1 and qc[0][2] == cst[2] and set(qf) == {w[2] for w in fns} \
                        and len(qf) == len(fns):
                    sib[qw[0][0].name] = qf
            if not sib:
                continue
            exprs = {_subst(fn, sib, scope) for fn in fns}
            if len(exprs) != 1 or None in exprs:
                continue  # each load must be the same function f of the siblings' next values
            expr = exprs.pop()
            seen.add(rk)
            found.append((fns[0][1][0], [cst[1][1:]] + [fn[1][1:] for fn in fns], rw[0][0].name, expr,
                          fns[0][1][1]))
    out = []
    for group in [found] + ([[x] for x in found] if len(found) > 1 else []):
        new = _emit(texts, paths, group)
        if new is not None:
            desc = "; ".join(f"'{g[2]}' == {g[3]} (loaded from the next values)" for g in group)
            out.append((new, desc))
    return out


_NBA = re.compile(r"(?<![\w$.\]])([A-Za-z_][\w$]*)\s*<=\s*([^;]+);")


def _worth_looking(texts: dict[Path, str]) -> bool:
    """Cheap precondition (text only): some nonblocking right-hand side reads another nonblocking
    right-hand side (a next value in a wire read by name, or an expression repeated as an operand)."""
    for t in texts.values():
        if "<=" not in t:
            continue
        rhs = {" ".join(m.group(2).split()) for m in _NBA.finditer(t)}
        rhs = [r for r in rhs if not _CONST.fullmatch(r)]
        if len(rhs) < 2:
            continue
        names = {r for r in rhs if _IDENT.fullmatch(r)}
        exprs = [r for r in rhs if r not in names and len(r) > 2]
        for r in rhs:
            if names and any(n in names for n in _IDENT.findall(r)):
                return True
            if any(e != r and e in r for e in exprs):
                return True
    return False


def nextfunc_candidates(state) -> list:
    """Search-loop generator (syntax only, one pyslang elaboration when the text precondition holds):
    registers loaded with a function of other registers' next values. Runs among the light generators:
    inside regfunc it came after the simulating analyses, whose time could close the round's window
    first (heldout11 kiln/ramp_soak: no regfunc candidate at --budget 90)."""
    from rtlopt.engine.candidate import Candidate
    from rtlopt.semantic.regfunc import RULE

    texts = dict(state.texts)
    if not _worth_looking(texts):
        return []
    try:
        got = candidates_for(texts, state.design.top)
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    out = []
    for new, desc in got:
        changed = [p for p in new if new[p] != texts[p]]
        if len(changed) != 1:
            continue
        p = changed[0]
        out.append(Candidate(new[p], "template", (RULE,), f"register function: {desc}",
                             {"file": str(p), "regfunc": desc}))
    return out


def _subst(fn, sib: dict[str, dict], scope) -> str | None:
    """r's load ``fn`` (``r <= f(e1, e2)``) as ``f(Q1, Q2)`` where each sibling register Q is loaded
    with e in the same group (``sib``: Q name -> {group: right-hand side}); None when f reads anything
    else than parameters, pure functions and those next values."""
    ftext = fn[4]
    held: dict[str, str] = {}  # placeholder -> Q (an expression e as a whole operand of f)
    names: dict[str, str] = {}  # next value held in a variable or a wire -> Q
    for q, loads in sib.items():
        qt = loads[fn[2]]
        if _IDENT.fullmatch(qt):  # a next value in a variable: matched by name below
            names.setdefault(qt, q)
            continue
        # e as a whole operand of f (an argument, a parenthesized operand or all of f): reads Q's next
        # value (``seg <= seg + 1`` beside ``tgt <= table(seg + 1)``), so it becomes Q
        pat = re.compile(r"(^|[(,])(\s*)" + r"\s*".join(re.escape(t) for t in qt.split())
                         + r"(\s*)(?=[),]|$)")
        tok = f"__nf{len(held)}__"
        ftext2 = pat.sub(lambda m, t=tok: m.group(1) + m.group(2) + t + m.group(3), ftext)
        if ftext2 != ftext:
            held[tok] = q
            ftext = ftext2
    subst: dict[str, str] = {}
    for m in _IDENT.finditer(ftext):
        nm = m.group(0)
        if nm in subst:
            continue
        if nm in held:
            subst[nm] = f"({held[nm]})"
            continue
        s = scope.lookupName(nm)
        kind = type(s).__name__ if s is not None else ""
        if kind == "ParameterSymbol" or (kind == "SubroutineSymbol" and _pure(s)):
            continue
        if kind not in ("VariableSymbol", "NetSymbol") or nm not in names:
            return None
        subst[nm] = names[nm]
    if not subst:
        return None
    expr = _IDENT.sub(lambda m: subst.get(m.group(0), m.group(0)), ftext).strip()
    return re.sub(r"\(\(([A-Za-z_][\w$]*)\)\)", r"(\1)", expr)  # f((q)) -> f(q)


def _const_expr(e) -> bool:
    """Whether the elaborated expression ``e`` reads nothing but literals and parameters (a reset value
    spelled ``{N{1'b0}}``, ``'0``, ``{2'b01, W'(0)}`` or ``P - 1``): no variable, net, port or call."""
    from pyslang import ast

    ok = [True]

    def visit(n):
        k = type(n).__name__
        if k in ("NamedValueExpression", "HierarchicalValueExpression"):
            if type(n.symbol).__name__ != "ParameterSymbol":
                ok[0] = False
        elif k == "CallExpression":  # a pure user function of constants (``table(3'd0)``) is a constant
            sub = getattr(n, "subroutine", None)
            if n.isSystemCall or type(sub).__name__ != "SubroutineSymbol" or not _pure(sub):
                ok[0] = False
        return ast.VisitAction.Advance if ok[0] else ast.VisitAction.Interrupt

    try:
        e.visit(visit)
    except Exception:  # an expression pyslang cannot walk: not taken for a constant
        return False
    return ok[0]


def _pure(fn, depth: int = 0) -> bool:
    """Whether the function ``fn`` reads nothing but its arguments, its own variables, parameters and
    functions that are pure themselves (a function may read module variables: those would be
    operands of ``f`` the candidate does not see)."""
    from pyslang import ast

    sx = fn.syntax
    if depth > 8 or sx is None or getattr(fn, "subroutineKind", None) is None:
        return False
    rng = sx.sourceRange
    ok = [str(fn.subroutineKind).endswith("Function")]

    def inside(sym) -> bool:
        loc = sym.location
        return loc.buffer.id == rng.start.buffer.id and rng.start.offset <= loc.offset < rng.end.offset

    def visit(n):
        k = type(n).__name__
        if k == "NamedValueExpression":
            s = n.symbol
            if type(s).__name__ != "ParameterSymbol" and not inside(s):
                ok[0] = False
        elif k == "CallExpression" and not n.isSystemCall:
            sub = n.subroutine
            if type(sub).__name__ != "SubroutineSymbol" or not _pure(sub, depth + 1):
                ok[0] = False
        return ast.VisitAction.Advance if ok[0] else ast.VisitAction.Interrupt

    fn.visit(visit)
    return ok[0]


def _emit(texts, paths, group):
    from rtlopt.semantic.seqred import _dedupe, _stmt_removal

    files = {g[0] for g in group}
    if len(files) != 1:
        return None
    fi = files.pop()
    text = texts[paths[fi]]
    eds: list[Edit] = []
    adds: dict[int, list[str]] = {}
    for _f, spans, name, expr, at in group:
        for s, e in spans:
            eds.append(_stmt_removal(text, s, e))
        ls = before_endmodule(text, at)
        if ls is None:
            return None
        adds.setdefault(ls, []).append(f"  always @* {name} = {expr};\n")
    for ls, lines in adds.items():
        eds.append(Edit(ls, ls, "".join(lines)))
    try:
        new = apply_edits(text, _dedupe(eds))
    except ValueError:
        return None
    out = dict(texts)
    out[paths[fi]] = new
    return out if new != text else None
