"""Multipliers in different branches of the hierarchy whose results are used exclusively share one.

Two products ``A * B`` (continuous assigns, net initializers, ``always`` blocks, a multiplier module
instantiated in each path ...) that live in different module instances -- a TX path and an RX path
under one modem front end, each with its own gain multiplier -- and whose results are observed only
under conditions that are never true together (a mode FSM's decoded states, a mode register, a
decoded enable) become one multiplier in the lowest common ancestor instance:

* each product's operands leave its module through new output ports, passed up through every
  module between it and the ancestor (each such module is copied for its one instance,
  ``<module>_rtlopt_i<path>`` -- the copies are used by that instance alone, at the parameter values
  it was proven with -- so other instances of the same module are untouched);
* the ancestor multiplies ``g1 ? a1 : a2`` by ``g1 ? b1 : b2`` (more products: a chain) and sends the
  product back down through a new input port that replaces the product where it was written.

The condition ``g`` is where the product is observed: the conditions of the ``if``/``case``/``?:``
arms around the register writes (and combinational nets) that read it, followed through continuous
assignments and output ports up the hierarchy, translated to the ancestor through the input port
connections (or exported through a new port when they read internal signals). Operand widths and
signedness come from pyslang's elaboration (the product's context width; unsigned operands of a
product shared with a signed one get a zero bit), so the shared unit computes each product's low bits
exactly. Nothing here claims exclusivity: a random simulation from reset filters candidates whose
outputs differ, and the search proves every candidate with the verifier (a pair used together is
refuted there).

Quotients and remainders by a variable (``/``, ``%``) are shared the same way (a group holds one
operator kind): each site's operands reach the shared unit extended as in its own expression, so its
result is exact where it is selected; a divisor of 0 gives x in both designs at the same place (the
verifier takes the gate's x as any value, so only designs that mask it where observed prove).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic.instmux import _kind, _walk

RULE = "exclusive_operator_sharing"
MAX_CANDIDATES = 4
MAX_SITES = 12
#: Site groups tried (each guard analysis and edit is cheap; each candidate offered is simulated).
MAX_GROUPS = 16
CLONE = "_rtlopt_i"
#: Proof order of the candidates: every register keeps its name, so register correspondence (Yosys
#: equiv_*, split per value of the controller's state register) decides the shared multiplier in one
#: induction step (heldout modem front end: equiv 25 s; algebra / z3 / ABC UNKNOWN at 60 s at load 17).
PROOF_ENGINES = ("equiv", "smt")

_ID = re.compile(r"(?<!['\w$.`])[A-Za-z_][\w$]*")
_KW = {"begin", "end", "if", "else", "case", "endcase", "assign", "wire", "reg", "logic", "signed", "unsigned",
       "posedge", "negedge", "or", "and", "default", "for", "integer"}
_SIMPLE = {"NamedValue", "ElementSelect", "RangeSelect", "Concatenation", "Replication", "IntegerLiteral",
           "Call", "MemberAccess", "UnbasedUnsizedIntegerLiteral"}


def _ids(text: str) -> set[str]:
    return {m.group(0) for m in _ID.finditer(text)} - _KW


@dataclass
class _Inst:
    path: str
    module: str
    parent: str | None
    syn: object  # HierarchicalInstanceSyntax (None for the top)
    params: dict = field(default_factory=dict)  # name -> value literal
    ports: dict = field(default_factory=dict)  # name -> 'In'/'Out'/...
    decl: object = None  # ModuleDeclarationSyntax
    here: bool = True  # its module is written in the file being edited


@dataclass
class _Site:
    path: str
    start: int
    end: int
    syn: object  # the product's BinaryExpressionSyntax
    yw: int
    signed: bool
    ops: list  # [(start, end, self width, simple)]
    func: tuple | None = None  # in a function: (name, [(formal, width, signed)])
    op: str = "*"  # the operator shared: '*', '/' or '%' (a variable divisor)
    anchor: object = None  # where the value is observed from: the product, or the function's one call
    actuals: list | None = None  # the call's argument texts (function sites)


def _elaborate(texts: dict, focus, top: str):
    """(instances by path, product sites written in file ``focus``, syntax trees) of the design, or None."""
    from pyslang import ast, syntax

    from rtlopt.hdl.project import top_compilation

    trees = {p: syntax.SyntaxTree.fromText(t, str(p)) for p, t in texts.items()}
    if any(d.isError() for tr in trees.values() for d in tr.diagnostics):
        return None
    _OPS = {ast.BinaryOperator.Multiply: "*", ast.BinaryOperator.Divide: "/", ast.BinaryOperator.Mod: "%"}
    comp = top_compilation(top)
    for tr in trees.values():
        comp.addSyntaxTree(tr)
    if [r.name for r in comp.getRoot().topInstances] != [top]:
        return None
    if any(d.isError() for d in comp.getAllDiagnostics()):
        return None
    tree = trees[focus]
    buf = tree.root.sourceRange.start.buffer.id
    insts: dict[str, _Inst] = {}
    found: dict[tuple, set] = {}  # (instance, start, end) -> owner symbol paths
    made: dict[tuple, _Site] = {}
    cur = [None]

    def cb(x):
        k = getattr(x, "kind", None)
        if isinstance(k, ast.SymbolKind):
            cur[0] = x
            if k == ast.SymbolKind.Instance:
                params = {}
                for p in x.body.parameters:
                    sym = getattr(p, "symbol", p)
                    if sym.kind == ast.SymbolKind.Parameter:
                        params[str(sym.name)] = str(sym.value)
                ports = {str(p.name): str(p.direction).split(".")[-1] for p in x.body.portList
                         if hasattr(p, "direction")}
                hp = x.hierarchicalPath
                dsyn = x.definition.syntax
                here = dsyn is not None and dsyn.sourceRange.start.buffer.id == buf
                insts[hp] = _Inst(hp, str(x.definition.name), hp.rsplit(".", 1)[0] if "." in hp else None,
                                  x.syntax, params, ports, dsyn, here)
            return True
        if isinstance(k, ast.ExpressionKind) and k == ast.ExpressionKind.BinaryOp \
                and x.op in _OPS and x.syntax is not None and cur[0] is not None:
            sr = x.sourceRange
            if sr.start.buffer.id != buf:
                return True
            owner = cur[0].hierarchicalPath
            ip = owner
            while ip not in insts and "." in ip:
                ip = ip.rsplit(".", 1)[0]
            if ip not in insts:
                return True
            d = insts[ip].decl
            if d is None or not (d.sourceRange.start.offset <= sr.start.offset < d.sourceRange.end.offset):
                return True
            ops = []
            for o in (x.left, x.right):
                inner = o
                while inner.kind == ast.ExpressionKind.Conversion and inner.isImplicit:
                    inner = inner.operand
                if inner.constant is not None or inner.kind == ast.ExpressionKind.IntegerLiteral:
                    return True  # a constant factor: nothing to share
                r = inner.sourceRange
                simple = str(inner.kind).split(".")[-1] in _SIMPLE
                ops.append((r.start.offset, r.end.offset, inner.type.bitWidth, simple, bool(inner.type.isSigned)))
            func = None
            if cur[0].kind == ast.SymbolKind.Subroutine:
                func = (str(cur[0].name), [(str(a.name), a.type.bitWidth, bool(a.type.isSigned))
                                           for a in cur[0].arguments])
            key = (ip, sr.start.offset, sr.end.offset)
            found.setdefault(key, set()).add(owner)
            made.setdefault(key, _Site(ip, sr.start.offset, sr.end.offset, x.syntax, x.type.bitWidth,
                                       bool(x.type.isSigned), ops, func, _OPS[x.op]))
        return True

    comp.getRoot().visit(cb)
    # one elaboration of the text in its instance (not a generate-loop body)
    sites = [made[k] for k, owners in found.items() if len(owners) == 1]
    return insts, sites, trees


# ---------------------------------------------------------------- where a product is observed

def _within(n, anc) -> bool:
    a, b = anc.sourceRange.start.offset, anc.sourceRange.end.offset
    x, y = n.sourceRange.start.offset, n.sourceRange.end.offset
    return a <= x and y <= b


def _same(a, b) -> bool:
    """The same syntax node (pyslang hands out a new wrapper per access)."""
    if a is None or b is None:
        return False
    return _kind(a) == _kind(b) and a.sourceRange.start.offset == b.sourceRange.start.offset \
        and a.sourceRange.end.offset == b.sourceRange.end.offset


def _txt(text, n) -> str:
    return text[n.sourceRange.start.offset:n.sourceRange.end.offset]


def _is_assign(n) -> bool:
    return _kind(n) == "BinaryExpressionSyntax" and "Assignment" in str(n.kind)


def _lhs_names(text, stmt) -> set[str]:
    out = set()
    _walk(stmt, lambda n: out.update(_ids(_txt(text, n.left))) if _is_assign(n) else None)
    return out


class _Guards:
    """Observation conditions of nets in the instances of one design (see the module docstring)."""

    def __init__(self, text: str, insts: dict[str, _Inst], lca: str, dirs: dict):
        self.text, self.insts, self.lca, self.dirs = text, insts, lca, dirs
        self.memo: dict = {}

    def occurrence(self, path: str, node, depth: int):
        """Alternatives [[(scope, cond text, negated)]] under which the value at ``node`` is observed,
        or None (observed unconditionally, or in a way this does not follow)."""
        text = self.text
        conds = []
        targets = None  # names written with the value (the first assignment or controlled statement)
        n, prev = node.parent, node
        while n is not None:
            k = _kind(n)
            if k == "ConditionalExpressionSyntax":
                if _within(prev, n.left) and not _same(prev, n.predicate):
                    conds.append((path, _txt(text, n.predicate), False))
                elif _within(prev, n.right) and not _same(prev, n.predicate):
                    conds.append((path, _txt(text, n.predicate), True))
            elif k == "ConditionalStatementSyntax":
                if _same(prev, n.statement):
                    conds.append((path, _txt(text, n.predicate), False))
                elif _same(prev, n.elseClause):
                    conds.append((path, _txt(text, n.predicate), True))
                elif _same(prev, n.predicate) and targets is None:
                    targets = _lhs_names(text, n)
            elif k == "CaseStatementSyntax":
                if _same(prev, n.expr):
                    if targets is None:
                        targets = _lhs_names(text, n)
                elif _kind(prev) == "StandardCaseItemSyntax" and str(n.caseKeyword.valueText) == "case":
                    sel = _txt(text, n.expr)
                    alts = [e for e in prev.expressions if not _kind(e).endswith("Token")]
                    conds.append((path, " || ".join(f"(({sel}) == ({_txt(text, e)}))" for e in alts), False))
            elif _is_assign(n):
                if targets is None:
                    if not _within(prev, n.right):
                        return None  # an index of the target: not followed
                    targets = _ids(_txt(text, n.left))
            elif k == "DeclaratorSyntax":
                return self._target(path, None, {n.name.valueText}, conds, depth)
            elif k in ("ProceduralBlockSyntax", "ContinuousAssignSyntax"):
                if targets is None:
                    return None
                return self._target(path, n, targets, conds, depth)
            elif k in ("HierarchicalInstanceSyntax", "FunctionDeclarationSyntax", "TaskDeclarationSyntax",
                       "ModuleDeclarationSyntax"):
                return None
            prev, n = n, n.parent
        return None

    def observed(self, path: str, node):
        """:meth:`occurrence` with repeated alternatives dropped."""
        res = self.occurrence(path, node, 0)
        if res is None or any(not a for a in res):
            return None  # observed without a condition somewhere: nothing to select on
        return [list(a) for a in dict.fromkeys(tuple(a) for a in res)]

    def _clocked(self, blk) -> bool:
        if blk is None or _kind(blk) != "ProceduralBlockSyntax":
            return False
        kw = blk.keyword.valueText
        if kw == "always_ff":
            return True
        head = self.text[blk.sourceRange.start.offset:blk.statement.sourceRange.start.offset]
        st = blk.statement
        if _kind(st) == "TimingControlStatementSyntax":
            head = _txt(self.text, st.timingControl)
        return kw == "always" and bool(re.search(r"\b(posedge|negedge)\b", head))

    def _target(self, path, blk, targets, conds, depth):
        if self._clocked(blk):
            return [conds] if conds else None
        if blk is not None and _kind(blk) == "ProceduralBlockSyntax" and blk.keyword.valueText not in (
                "always", "always_comb"):
            return None
        out = []
        for t in targets:
            # a net observed unconditionally, or in a way not followed (into a child instance, a top
            # output): true, so the conditions gathered so far stand (a superset of where it is observed)
            g = self.name(path, t, depth + 1) or [[]]
            out += [conds + alt for alt in g]
        return out or None

    def name(self, path: str, name: str, depth: int = 0):
        """Alternatives under which net ``name`` of instance ``path`` is observed, or None."""
        key = (path, name)
        if key in self.memo:
            return self.memo[key]
        self.memo[key] = None  # a cycle (comb loop through the net) is not followed
        if depth > 8:
            return None
        res = self._name(path, name, depth)
        if res is not None:
            res = [list(a) for a in dict.fromkeys(tuple(a) for a in res)]
        if res is not None and len(res) > 6:
            res = [[]]  # too many ways to be observed: taken as always
        self.memo[key] = res
        return res

    def _name(self, path, name, depth):
        inst = self.insts[path]
        text = self.text
        reads = []
        _walk(inst.decl, lambda n: reads.append(n) if _kind(n) in ("IdentifierNameSyntax", "IdentifierSelectNameSyntax")
              and n.identifier.valueText == name else None)
        out = []
        for r in reads:
            if self._is_write(r):
                continue
            out += self.occurrence(path, r, depth) or [[]]
        if inst.ports.get(name) == "Out":
            conn = None
            if path != self.lca and inst.parent is not None:
                conn = _connections(text, inst.syn, self.dirs.get(inst.module))
            if conn is None or conn.get(name) is None:
                out.append([])  # observed outside the ancestor's view: always
            else:
                for nm in _ids(conn[name][2]):
                    out += self.name(inst.parent, nm, depth + 1) or [[]]
        return out or None

    def _is_write(self, r) -> bool:
        n, prev = r.parent, r
        while n is not None:
            if _is_assign(n):
                return _same(prev, n.left) and _kind(r) == "IdentifierNameSyntax" or (
                    _within(r, n.left) and _kind(n.left) in ("ConcatenationExpressionSyntax",))
            k = _kind(n)
            if k == "NamedPortConnectionSyntax" or k == "OrderedPortConnectionSyntax":
                return True  # a child's output (an input connection was rejected before)
            if k in ("ConcatenationExpressionSyntax", "ParenthesizedExpressionSyntax", "ElementSelectExpressionSyntax",
                     "SimpleSequenceExprSyntax", "SimplePropertyExprSyntax"):
                prev, n = n, n.parent
                continue
            return False
        return False


def _connections(text: str, hi, ports):
    """{port: (start, end, text)} of an instance, or None (unknown shape)."""
    if hi is None or ports is None:
        return None
    got = {}
    cs = [c for c in hi.connections if not _kind(c).endswith("Token")]
    for i, c in enumerate(cs):
        k = _kind(c)
        if k == "NamedPortConnectionSyntax":
            if c.expr is None:
                if c.openParen is None:  # .name
                    a = c.sourceRange.start.offset
                    got[c.name.valueText] = (a, a, c.name.valueText)
                continue
            got[c.name.valueText] = (c.expr.sourceRange.start.offset, c.expr.sourceRange.end.offset,
                                     _txt(text, c.expr))
        elif k == "OrderedPortConnectionSyntax":
            if i >= len(ports):
                return None
            got[ports[i][0]] = (c.expr.sourceRange.start.offset, c.expr.sourceRange.end.offset, _txt(text, c.expr))
        elif k == "WildcardPortConnectionSyntax":
            for p, _d in ports:
                got.setdefault(p, (0, 0, p))
        else:
            return None
    return got


# ---------------------------------------------------------------- emitting

def _chain(path: str, lca: str) -> list[str]:
    """Instance paths strictly below ``lca`` down to ``path`` (top-down)."""
    out = []
    p = path
    while p != lca:
        out.append(p)
        p = p.rsplit(".", 1)[0]
    return out[::-1]


def _lca(paths: list[str]) -> str:
    parts = [p.split(".") for p in paths]
    out = []
    for xs in zip(*parts, strict=False):
        if len(set(xs)) != 1:
            break
        out.append(xs[0])
    return ".".join(out)


def _paren(s: str) -> str:
    """``s`` parenthesized unless it is a name or already one parenthesized whole."""
    s = s.strip()
    if re.fullmatch(r"[A-Za-z_][\w$]*", s):
        return s
    if s.startswith("(") and s.endswith(")"):
        depth = 0
        for i, ch in enumerate(s):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0 and i < len(s) - 1:
                break
        else:
            return s
    return f"({s})"


def _rng(w: int, signed: bool = False) -> str:
    return ("signed " if signed else "") + (f"[{w - 1}:0] " if w > 1 else "")


class _Refuse(Exception):
    pass


def _plain_context(node) -> object | None:
    """The module declaration around ``node`` when nothing between them re-evaluates it (a loop, a
    function or task, a block with its own declarations); else None."""
    n = node.parent
    while n is not None and _kind(n) != "ModuleDeclarationSyntax":
        k = _kind(n)
        if k in ("FunctionDeclarationSyntax", "TaskDeclarationSyntax", "ForLoopStatementSyntax",
                 "LoopGenerateSyntax", "LoopStatementSyntax", "ForeverStatementSyntax", "DoWhileStatementSyntax",
                 "ForeachLoopStatementSyntax"):
            return None
        if k == "BlockStatementSyntax" and any(_kind(i) == "DataDeclarationSyntax" for i in n.items):
            return None
        n = n.parent
    return n


def _function_call(text: str, site: _Site):
    """(call node, argument texts) of the one call of the function holding ``site`` in its module, or
    None (called more or less than once, named arguments, operands reading other than its arguments)."""
    fname, formals = site.func
    n = site.syn.parent
    while n is not None and _kind(n) != "FunctionDeclarationSyntax":
        if _kind(n) in ("ForLoopStatementSyntax", "LoopStatementSyntax", "DoWhileStatementSyntax",
                        "ForeachLoopStatementSyntax", "ForeverStatementSyntax"):
            return None
        n = n.parent
    if n is None or _plain_context(n) is None:
        return None
    names = {f for f, _w, _s in formals}
    for a, b, *_ in site.ops:
        if not _ids(text[a:b]) <= names:
            return None
    mod = _plain_context(n)
    calls = []
    _walk(mod, lambda x: calls.append(x) if _kind(x) == "InvocationExpressionSyntax"
          and _txt(text, x.left).strip() == fname else None)
    if len(calls) != 1 or calls[0].arguments is None:
        return None
    args = [x for x in calls[0].arguments.parameters if not _kind(x).endswith("Token")]
    if len(args) != len(formals) or any(_kind(x) != "OrderedArgumentSyntax" for x in args):
        return None
    return calls[0], [_txt(text, x.expr) for x in args]


def _module_items_ok(text: str, site: _Site) -> bool:
    """The product sits where module-level operand copies compute what it reads: not in a task, loop or
    block with its own declarations (in a function called once: its operands read the function's
    arguments, copied from the call); what it reads is written by no blocking assignment."""
    if site.func is not None:
        got = _function_call(text, site)
        if got is None:
            return False
        site.anchor, site.actuals = got
        n = _plain_context(site.anchor)
        used = set().union(*(_ids(a) for a in site.actuals))
    else:
        site.anchor = site.syn
        n = _plain_context(site.syn)
        used = set().union(*(_ids(text[a:b]) for a, b, *_ in site.ops))
    if n is None:
        return False
    # blocking writes in procedural code of the module
    blocking = set()

    def visit(x):
        if _is_assign(x) and str(x.kind).endswith("AssignmentExpression") and "Nonblocking" not in str(x.kind):
            p = x.parent
            while p is not None and _kind(p) not in ("ProceduralBlockSyntax", "ModuleDeclarationSyntax",
                                                     "ContinuousAssignSyntax"):
                p = p.parent
            if p is not None and _kind(p) == "ProceduralBlockSyntax":
                blocking.update(_ids(_txt(text, x.left)))

    _walk(n, visit)
    return not (used & blocking)


def _emit(text: str, insts: dict[str, _Inst], dirs: dict, group: list[_Site], guards: list, k: int,
          positive_only: bool, inplace: frozenset = frozenset()) -> tuple[str, str] | None:
    """The candidate text and description for sharing ``group`` (guards[i]: alternatives or None)."""
    lca = _lca([s.path for s in group])
    shared_signed = any(s.signed for s in group)
    pre = f"rtlopt_hs{k}"
    # operand widths
    widths = []
    for s in group:
        ws = []
        for (_a, _b, w, simple, _sg) in s.ops:
            w = w if simple else s.yw
            if shared_signed and not s.signed:
                w += 1
            ws.append(w)
        widths.append(ws)
    aw = max(w[0] for w in widths)
    bw = max(w[1] for w in widths)
    yw = max(s.yw for s in group)
    mod_edits: dict[str, list[Edit]] = {}  # instance path -> file-offset edits inside its module text
    ports: dict[str, list[str]] = {}  # instance path -> new port declarations
    items: dict[str, list[str]] = {}  # instance path -> new module items (before endmodule)
    conns: dict[str, list[str]] = {}  # child instance path -> new connections on its instance
    lca_decl: list[str] = []
    lca_items: list[str] = []
    sel_texts: list[str | None] = []
    for i, s in enumerate(group):
        chain = _chain(s.path, lca)
        nm = f"{pre}_{i}"
        py = f"{nm}y"
        opnd = []
        copies = {}
        if s.func is not None:  # the arguments as the function sees them (assignment to the formal's type)
            for j, ((fn, fw, fs), act) in enumerate(zip(s.func[1], s.actuals, strict=True)):
                copies[fn] = f"{nm}f{j}"
                decl = f"wire {_rng(fw, fs)}{nm}f{j}"
                if chain:
                    items.setdefault(s.path, []).append(f"{decl} = {act.strip()};")
                else:
                    lca_decl.append(f"{decl};")
                    lca_items.append(f"assign {nm}f{j} = {act.strip()};")
        for (a, b, _w, simple, _sg) in s.ops:
            e = _ID.sub(lambda m, copies=copies: copies.get(m.group(0), m.group(0)), text[a:b]) if copies \
                else text[a:b]
            if not simple:  # evaluated at least at the product's width, extended as in the product
                e = f"({e})" if s.signed else f"({e}) + 1'b0"
            elif s.signed:
                e = f"$signed({e})"
            else:
                e = f"$unsigned({e})"
            opnd.append(e)
        wa = [aw, bw]
        repl = py if chain else (f"$signed({pre}_y[{s.yw - 1}:0])" if s.signed else f"{pre}_y[{s.yw - 1}:0]")
        mod_edits.setdefault(s.path, []).append(Edit(s.start, s.end, repl))
        if chain:
            for j, suf in enumerate("ab"):
                items.setdefault(s.path, []).append(f"assign {nm}{suf} = {opnd[j]};")
                lca_decl.append(f"wire {_rng(wa[j])}{nm}{suf};")
            lca_decl.append(f"wire {_rng(s.yw)}{py};")
            lca_items.append(f"assign {py} = {pre}_y[{s.yw - 1}:0];")
            for c in chain:
                ports.setdefault(c, []).extend([f"output wire {_rng(aw)}{nm}a", f"output wire {_rng(bw)}{nm}b",
                                                f"input wire {_rng(s.yw, s.signed)}{py}"])
                conns.setdefault(c, []).extend([f".{nm}a({nm}a)", f".{nm}b({nm}b)", f".{py}({py})"])
        else:
            for j, suf in enumerate("ab"):
                lca_items.append(f"assign {nm}{suf} = {opnd[j]};")
                lca_decl.append(f"wire {_rng(wa[j])}{nm}{suf};")
        # the selection: this product's observation condition at the ancestor
        g = guards[i]
        if g is None:
            sel_texts.append(None)
            continue
        alts = []
        gi = 0
        for alt in g:
            terms = []
            for scope, cond, neg in alt:
                if positive_only and neg:
                    continue
                t = f"!{_paren(cond)}" if neg else _paren(cond)
                terms.append(_lift(text, insts, dirs, scope, lca, t, f"{nm}g{gi}", ports, items, conns, lca_decl))
                gi += 1
            if not terms:
                alts = None
                break
            alts.append(" && ".join(terms) if len(terms) > 1 else terms[0])
        if not alts:
            sel_texts.append(None)
            continue
        sel_texts.append(" || ".join(_paren(a) for a in alts) if len(alts) > 1 else alts[0])
    # mux chain: guarded products first, one unguarded at most (the last)
    order = sorted(range(len(group)), key=lambda i: sel_texts[i] is None)
    if sum(sel_texts[i] is None for i in order) > 1:
        return None
    for suf, w in (("a", aw), ("b", bw)):
        expr = f"{pre}_{order[-1]}{suf}"
        for i in reversed(order[:-1]):
            expr = f"{_paren(sel_texts[i])} ? {pre}_{i}{suf} : {expr}"
        lca_items.append(f"assign {pre}_{suf} = {expr};")
        lca_decl.append(f"wire {_rng(w, shared_signed)}{pre}_{suf};")
    lca_decl.append(f"wire {_rng(yw, shared_signed)}{pre}_y;")
    # one operator of the group's kind (a quotient/remainder at the widest context: each site's operands
    # are its values extended as in its own expression, so its low bits are its own result)
    lca_items.append(f"assign {pre}_y = {pre}_a {group[0].op} {pre}_b;")
    return _assemble(text, insts, dirs, lca, mod_edits, ports, items, conns, lca_decl, lca_items, inplace), \
        " / ".join(f"{s.path}: {text[s.start:s.end].strip()}" for s in group) + " on " + \
        ", ".join(t or "else" for t in sel_texts)


def _lift(text, insts, dirs, scope, lca, t, pname, ports, items, conns, lca_decl) -> str:
    """Condition ``t`` of instance ``scope`` as an expression of the ancestor ``lca``."""
    while scope != lca:
        inst = insts[scope]
        ids = _ids(t)
        pdirs = dirs.get(inst.module)
        conn = _connections(text, inst.syn, pdirs)
        if conn is not None and all(inst.ports.get(x) == "In" and conn.get(x) is not None or x in inst.params
                                    for x in ids):
            t = _ID.sub(lambda m, inst=inst, conn=conn, ids=ids: _substitute(m.group(0), inst, conn, ids), t)
            scope = inst.parent
            continue
        # exported through a new port of every module up to the ancestor
        items.setdefault(scope, []).append(f"assign {pname} = |({t});")
        for c in _chain(scope, lca):
            ports.setdefault(c, []).append(f"output wire {pname}")
            conns.setdefault(c, []).append(f".{pname}({pname})")
        lca_decl.append(f"wire {pname};")
        return pname
    return t


def _indent_of(text: str, at: int, default: str) -> str:
    """The leading blanks of the line holding offset ``at`` (of the last line before it with text when
    that line is blank), or ``default``."""
    for _ in range(4):
        ls = text.rfind("\n", 0, max(at, 0)) + 1
        le = text.find("\n", ls)
        line = text[ls:le if le >= 0 else len(text)]
        if line.strip():
            m = re.match(r"[ \t]*", line).group(0)
            return m if m else default
        at = ls - 1
    return default


def _substitute(x: str, inst: _Inst, conn: dict, ids: set[str]) -> str:
    """Name ``x`` of instance ``inst`` as its parent sees it: a parameter's value, an input's connection."""
    if x not in ids:
        return x
    if x in inst.params:
        return _paren(inst.params[x])
    if inst.ports.get(x) == "In":
        return _paren(conn[x][2])
    return x


def _assemble(text, insts, dirs, lca, mod_edits, ports, items, conns, lca_decl, lca_items,
              inplace: frozenset = frozenset()) -> str:
    """Copies of the modules below the ancestor with their edits (edited in place: the ancestor and the
    ``inplace`` instances, whose modules have no parameters and this one instance)."""
    from rtlopt.semantic.crossinst import after_last_port

    clones: dict[str, str] = {}  # path -> clone module name
    names = {i.module for i in insts.values()}
    for p in ports:
        if p in inplace:
            continue
        nm = insts[p].module + CLONE + p[len(lca) + 1:].replace(".", "_")
        if not re.fullmatch(r"[A-Za-z_][\w$]*", nm) or nm in names or re.search(rf"(?<![\w$]){re.escape(nm)}(?![\w$])", text):
            raise _Refuse("clone name taken")
        clones[p] = nm
    # instance edits (type rename + connections) land in the parent's module text
    for c, cs in conns.items():
        inst = insts[c]
        hi = inst.syn
        stmt = hi.parent
        if _kind(stmt) != "HierarchyInstantiationSyntax" or len([x for x in stmt.instances
                                                                 if _kind(x) == "HierarchicalInstanceSyntax"]) != 1:
            raise _Refuse("instance statement")
        if any(_kind(x) == "OrderedPortConnectionSyntax" for x in hi.connections):
            raise _Refuse("ordered connections")
        if hi.decl is None or list(hi.decl.dimensions):
            raise _Refuse("instance array")
        t0 = stmt.type.range.start.offset
        ed = mod_edits.setdefault(inst.parent, [])
        if c in clones:
            ed.append(Edit(t0, stmt.type.range.end.offset, clones[c]))
        close = hi.closeParen.range.start.offset
        has = any(not _kind(x).endswith("Token") for x in hi.connections)
        at = after_last_port(text, close)
        ed.append(Edit(at, at, (", " if has else "") + ", ".join(cs)))
    # ports and items of the copies
    for p, ps in ports.items():
        d = insts[p].decl
        hdr = d.header
        if hdr.ports is None or _kind(hdr.ports) not in ("AnsiPortListSyntax", "NonAnsiPortListSyntax"):
            raise _Refuse("port list")
        at = after_last_port(text, hdr.ports.closeParen.range.start.offset)
        has = any(not _kind(x).endswith("Token") for x in hdr.ports.ports)
        if _kind(hdr.ports) == "NonAnsiPortListSyntax":  # names in the list, declarations after the header
            hs = hdr.semi.range.end.offset
            ind = _indent_of(text, text.find("\n", hs) + 1, "    ")
            mod_edits.setdefault(p, []).extend([
                Edit(at, at, ("," if has else "") + ",".join(" " + x.split()[-1] for x in ps)),
                Edit(hs, hs, "\n" + "".join(ind + x + ";\n" for x in ps))])
            continue
        ind = _indent_of(text, at, "  ")
        mod_edits.setdefault(p, []).append(Edit(at, at, ("," if has else "") + ",".join("\n" + ind + x for x in ps)))
    for p, its in items.items():
        if p == lca:
            continue
        e = insts[p].decl.endmodule.range.start.offset
        ind = _indent_of(text, text.rfind("\n", 0, e), "  ")
        mod_edits.setdefault(p, []).append(Edit(e, e, "".join(ind + x + "\n" for x in its)))
    # the ancestor: declarations after its header, logic before endmodule
    d = insts[lca].decl
    hs = d.header.semi.range.end.offset
    e = d.endmodule.range.start.offset
    top_ed = mod_edits.setdefault(lca, [])
    ind = _indent_of(text, text.rfind("\n", 0, e), "  ")
    top_ed.append(Edit(hs, hs, "\n" + "".join(ind + x + "\n" for x in lca_decl)))
    top_ed.append(Edit(e, e, "".join(ind + x + "\n" for x in items.get(lca, []) + lca_items)))
    # build
    file_edits = list(mod_edits.get(lca, []))
    tail = []
    for p in sorted(clones, key=lambda q: q.count(".")):
        d = insts[p].decl
        ms, me = d.sourceRange.start.offset, d.sourceRange.end.offset
        local = [Edit(x.start - ms, x.end - ms, x.replacement) for x in mod_edits.get(p, [])]
        if any(x.start < 0 or x.end > me - ms for x in local):
            raise _Refuse("edit outside module")
        nt = d.header.name.range
        local.append(Edit(nt.start.offset - ms, nt.end.offset - ms, clones[p]))
        tail.append(apply_edits(text[ms:me], local))
    for p in mod_edits:
        if p in inplace and p != lca:
            file_edits += mod_edits[p]
        elif p != lca and p not in clones:
            raise _Refuse("edit in an unchained module")
    end = insts[lca].decl.sourceRange.end.offset
    file_edits.append(Edit(end, end, "".join("\n\n" + t for t in tail)))
    return apply_edits(text, file_edits)


# ---------------------------------------------------------------- driver

def hiershare_edits(texts: dict[Path, str], top: str, timeout_s: float = 20.0,
                    simulate: bool = True) -> list[tuple[dict[Path, str], str]]:


    out = []
    for path, text in texts.items():  # the file that holds every module the sharing edits
        if "*" in text or "/" in text or "%" in text:
            out += _file_edits(texts, path, top, timeout_s, simulate)
    return out[:MAX_CANDIDATES]


def _file_edits(texts: dict[Path, str], path: Path, top: str, timeout_s: float,
                simulate: bool) -> list[tuple[dict[Path, str], str]]:
    from pyslang import syntax

    from rtlopt.semantic.instmux import _port_dirs

    text = texts[path]
    got = _elaborate(texts, path, top)
    if got is None:
        return []
    insts, sites, trees = got
    sites = [s for s in sites if insts[s.path].here and _module_items_ok(text, s)][:MAX_SITES]
    if len(sites) < 2:
        return []
    dirs = _port_dirs(list(trees.items()))
    mod_count: dict[str, int] = {}
    for i in insts.values():
        mod_count[i.module] = mod_count.get(i.module, 0) + 1
    # modules without parameters instantiated once are edited where they are (no copy left unused)
    from rtlopt.engine.parampin import has_parameters

    inplace = frozenset(p for p, i in insts.items() if mod_count[i.module] == 1 and i.decl is not None and i.here
                        and not has_parameters(text[i.decl.sourceRange.start.offset:i.decl.sourceRange.end.offset]))
    k = 0
    while any(f"rtlopt_hs{k}_" in t for t in texts.values()):
        k += 1
    groups = []
    for i in range(len(sites)):
        for j in range(i + 1, len(sites)):
            if sites[i].path != sites[j].path and sites[i].op == sites[j].op:
                groups.append([sites[i], sites[j]])
    groups.sort(key=lambda g: -min(s.ops[0][2] * s.ops[1][2] for s in g))
    # every product of distinct instances at once first (three exclusive modes: one multiplier for three)
    for op in dict.fromkeys(s.op for s in sites):
        one_each = list({s.path: s for s in sites if s.op == op}.values())
        if len(one_each) > 2:
            groups.insert(0, one_each)
    groups = groups[:MAX_GROUPS]
    out = []
    seen = set()
    for g in groups:
        lca = _lca([s.path for s in g])
        if lca not in insts or mod_count[insts[lca].module] != 1 or not all(
                p in insts and insts[p].here for s in g for p in [lca, *_chain(s.path, lca)]):
            continue
        gd = _Guards(text, insts, lca, dirs)
        guards = []
        for s in g:
            try:
                guards.append(gd.observed(s.path, s.anchor))
            except Exception:  # noqa: BLE001 - an unusual shape: no condition
                guards.append(None)
        if sum(x is None for x in guards) > 1:
            continue
        # the positive arm conditions alone first (a reset branch's negation adds logic and, in the
        # proof, a condition the controller's state does not carry); all conditions only without them
        for positive in (True, False):
            try:
                got = _emit(text, insts, dirs, g, guards, k, positive, inplace)
            except (_Refuse, ValueError, KeyError, AttributeError):
                got = None
            if got is None:
                continue
            if got[0] in seen:
                break
            seen.add(got[0])
            new, desc = got
            try:
                syntax.SyntaxTree.fromText(new, str(path))
            except Exception:  # noqa: BLE001
                continue
            unit = {"*": "multiplier", "/": "divider", "%": "remainder unit"}[g[0].op]
            out.append(({**texts, path: new}, f"one {unit} for {desc}"))
            break
    if simulate and out:
        out = _agreeing(texts, top, out, timeout_s, MAX_CANDIDATES)
    return out[:MAX_CANDIDATES]


def _agreeing(texts, top, cands, timeout_s, most: int):
    """The first ``most`` candidates whose outputs agree with the original's in a random simulation from
    reset (a pair of products used together differs at once), within ``timeout_s`` in all."""
    import time

    end = time.monotonic() + timeout_s
    from rtlopt.semantic import seqsim

    try:
        net = seqsim.load_texts(texts, top, timeout=timeout_s)
    except Exception:  # noqa: BLE001 - no model: the proof decides
        return cands
    out = []
    for new, desc in cands:
        if len(out) >= most or time.monotonic() > end:
            break
        try:
            ok = seqsim.outputs_agree(net, new, top, max(1.0, end - time.monotonic()))
        except Exception:  # noqa: BLE001
            ok = None
        if ok is not False:
            out.append((new, desc))
    return out


def hiershare_candidates(state) -> list:
    """Search-loop generator: products in different instances used exclusively share one multiplier."""
    import time

    from rtlopt.engine.candidate import one_file_candidates

    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    try:
        got = hiershare_edits(dict(state.texts), state.design.top, timeout_s=max(2.0, min(20.0, left)))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    out = one_file_candidates(state.texts, got, RULE, "hierarchical operator sharing", "hiershare")
    for c in out:
        c.hints["engines"] = PROOF_ENGINES
    return out
