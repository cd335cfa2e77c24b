"""Exclusive read sharing: two evaluations of one selection (``m[i]`` and ``m[j]``, ``f(i)`` and ``f(j)``,
two symmetric read ports of one instance) whose results are observed under exclusive conditions become
one evaluation on a muxed index.

A register file with read ports A (ALU operand) and B (output) that no instruction uses together needs
one read multiplexer, not two: ``m[(s) ? (j) : (i)]`` where ``s`` holds whenever B's result is observed
and fails whenever A's is. Found by what the logic does, not by names:

* *evaluations* of one thing on different operands: element or indexed part selects ``m[i]``,
  ``v[i*W +: W]`` of one variable (unpacked array, packed rows, a plain vector); calls of one module
  function with different arguments; two output ports of one child instance that the child computes as
  one expression up to its input ports (``assign rdata_a = regs[raddr_a]; assign rdata_b =
  regs[raddr_b];``, a function read, an ``always_comb``), each of those inputs read nowhere else in the
  child (the child stays unchanged: the kept port reads the muxed address, the other port is left open
  and its net becomes a copy of the kept one);
* *observation conditions*, from the parent's own dataflow: a result is observed under the conjunction
  of the ``if``/``else``, ``case`` item and ternary-arm conditions of every read of it, followed through
  combinational assignments (conditions of the assigned name's reads), cut at registers (a register
  loads the value only under its assignment's conditions). An output port, an instance input, a
  condition or an index observes it always. ``s`` is the observation of B, or the negated observation
  of A (conditions that read a variable the reading block assigns itself are dropped, which only widens
  an observation).

The same sharing with the selector as the muxed index (:func:`guarded_index_rewrites`): per-element updates
``if (sel == i) R[i] <= f(R[i])`` (a procedural or generate loop, unrolled ``if`` statements or case items with
constant indices) observe ``f(R[i])`` only when ``sel == i``, so every element reads ``R[sel]`` and the N
copies of ``f`` become one (synthesis merges the identical expressions).

Whether the two observations are truly exclusive (decoded opcodes in another instance, FSM states) is
left to the verifier: the search measures every candidate and proves the one it keeps; a candidate
whose reads are both used by one instruction fails the proof and is never applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations, permutations
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits

RULE = "exclusive_operator_sharing"
MAX_CANDIDATES = 8
MAX_TERMS = 8  # conjunctions of one observation (more: observed always)

_ID = re.compile(r"(?<![\w$'.])[A-Za-z_][\w$]*")
_KW = {"begin", "end", "if", "else", "case", "endcase", "assign", "wire", "reg", "logic", "signed", "unsigned",
       "default", "for", "integer", "int", "bit"}


def _kind(n) -> str:
    return type(n).__name__


def _ids(text: str) -> set[str]:
    return {m.group(0) for m in _ID.finditer(text)} - _KW


def _span(n) -> tuple[int, int]:
    r = n.sourceRange
    return r.start.offset, r.end.offset


def _kids(n):
    try:
        kids = list(n)
    except TypeError:
        return []
    return [k for k in kids if hasattr(k, "sourceRange") and not _kind(k).endswith("Token")]


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


@dataclass
class _Use:
    guard: tuple[str | None, ...]  # condition texts (None: a condition that cannot be written at module level)
    targets: tuple[str, ...] | None  # names assigned from it (None: observed always)
    seq: bool  # a nonblocking assignment (a register loads it)


@dataclass
class _Eval:
    key: str  # what is evaluated (variable + select shape, function)
    args: list[tuple[int, int, str]]  # its operands
    span: tuple[int, int]
    use: _Use  # the site (its guard and what it is assigned to)
    result: str | None = None  # the net whose whole value it is (``assign y = m[i];``)


@dataclass
class _Mod:
    text: str
    node: object
    names: dict[str, int] = field(default_factory=dict)  # module-level name -> declaration offset
    outputs: set[str] = field(default_factory=set)
    uses: dict[str, list[_Use]] = field(default_factory=dict)
    evals: list[_Eval] = field(default_factory=list)
    funcs: set[str] = field(default_factory=set)
    params: set[str] = field(default_factory=set)


def _declared(m: _Mod) -> None:
    mod = m.node
    hdr = mod.header
    if hdr.ports is not None and _kind(hdr.ports) == "AnsiPortListSyntax":
        last = None
        for pt in _kids(hdr.ports):
            if _kind(pt) != "ImplicitAnsiPortSyntax":
                continue
            d = getattr(pt.header, "direction", None)
            dt = d.valueText if d is not None and d.valueText else last
            last = dt
            nm = pt.declarator.name.valueText
            m.names[nm] = 0
            if dt != "input":
                m.outputs.add(nm)
    if hdr.parameters is not None:
        for d in _walk_kind(hdr.parameters, "DeclaratorSyntax"):
            m.names[d.name.valueText] = 0
            m.params.add(d.name.valueText)
    for it in mod.members:
        k = _kind(it)
        if k == "FunctionDeclarationSyntax":
            m.funcs.add(it.prototype.name.valueText if hasattr(it.prototype.name, "valueText")
                        else str(it.prototype.name).strip())
            continue
        if k == "TypedefDeclarationSyntax":  # enum members: constants
            for d in _walk_kind(it, "DeclaratorSyntax"):
                m.names.setdefault(d.name.valueText, _span(it)[0])
                m.params.add(d.name.valueText)
            continue
        if k in ("DataDeclarationSyntax", "NetDeclarationSyntax", "ParameterDeclarationStatementSyntax",
                 "PortDeclarationSyntax", "GenvarDeclarationSyntax"):
            for d in _walk_kind(it, "DeclaratorSyntax"):
                m.names.setdefault(d.name.valueText, _span(it)[0])
                if k == "ParameterDeclarationStatementSyntax":
                    m.params.add(d.name.valueText)
            if k == "PortDeclarationSyntax" and getattr(it.header, "direction", None) is not None \
                    and it.header.direction.valueText != "input":
                for d in _walk_kind(it, "DeclaratorSyntax"):
                    m.outputs.add(d.name.valueText)


def _walk_kind(n, kind: str):
    if _kind(n) == kind:
        yield n
    for k in _kids(n):
        yield from _walk_kind(k, kind)


class _Collect:
    """Uses of every name and every evaluation of a module, each with its guard and assignment targets."""

    def __init__(self, m: _Mod, arrays: set[str], mods: dict | None = None, dirs: dict | None = None):
        self.m = m
        self.dirs = dirs or {}
        self.t = m.text
        self.arrays = arrays
        self.mods = mods or {}

    def child_outputs(self, name: str) -> set[str] | None:
        if name not in self.mods:
            return None
        cm = _Mod(*self.mods[name])
        _declared(cm)
        return cm.outputs

    def txt(self, n) -> str:
        a, b = _span(n)
        return self.t[a:b].strip()

    def run(self) -> None:
        for it in self.m.node.members:
            k = _kind(it)
            if k == "ContinuousAssignSyntax":
                for a in _kids(it):
                    if _kind(a) == "BinaryExpressionSyntax":
                        self.assign(a, (), frozenset(), False, comb=True)
            elif k in ("DataDeclarationSyntax", "NetDeclarationSyntax"):
                for d in _walk_kind(it, "DeclaratorSyntax"):
                    if d.initializer is not None:
                        self.expr(d.initializer.expr, (), _Use((), (d.name.valueText,), False), frozenset(),
                                  whole=d.name.valueText)
            elif k == "ProceduralBlockSyntax":
                kw = it.keyword.valueText
                body = it.statement
                clocked = kw == "always_ff" or "edge" in self.txt(body)[:200].split(")")[0]
                if kw in ("initial", "final"):
                    continue
                local = frozenset(self.blocking(body))
                self.stmt(body, (), local, clocked)
            elif k == "HierarchyInstantiationSyntax":
                self.instance(it)

    def combinational(self, name: str, depth: int = 0) -> bool:
        """Whether module ``name`` (and every module under it) holds no clocked logic and no latch."""
        if name not in self.mods or depth > 8:
            return False
        text, node = self.mods[name]
        body = text[slice(*_span(node))]
        if re.search(r"\b(posedge|negedge|always_ff|always_latch|initial)\b", body):
            return False
        if re.search(r"\balways\s+(?!@)", body):
            return False  # (``always`` without an event control: a testbench-like process)
        return all(self.combinational(it.type.valueText, depth + 1) for it in node.members
                   if _kind(it) == "HierarchyInstantiationSyntax")

    def instance(self, it) -> None:
        """An input connection of a child is observed always, except by a combinational child: there
        it is observed where the child's output nets are (one over-approximation: every output)."""
        name = it.type.valueText
        outs = self.child_outputs(name)
        order = self.dirs.get(name, [])
        for h in _walk_kind(it, "HierarchicalInstanceSyntax"):
            cs = []  # (port name or None, expression)
            ordered = [x for x in h.connections if _kind(x) == "OrderedPortConnectionSyntax"]
            named = [x for x in h.connections if _kind(x) == "NamedPortConnectionSyntax"]
            for i, e in enumerate(ordered):
                cs.append((order[i][0] if i < len(order) else None, e.expr))
            cs.extend((e.name.valueText, e.expr) for e in named if e.expr is not None)
            wild = len(ordered) + len(named) < len([x for x in h.connections if not _kind(x).endswith("Token")])
            if outs is None or wild:
                for _p, e in cs:
                    self.expr(e, (), _Use((), None, False), frozenset())
                # ``.*`` connects every port to the net of its name: each of those observed always
                for p in ([q for q, d in order if d != "output"] if order else sorted(self.m.names)) if wild else ():
                    self.m.uses.setdefault(p, []).append(_Use((), None, False))
                continue
            nets = tuple(sorted(set().union(*[_ids(self.txt(e)) for p, e in cs if p in outs]))) \
                if outs and self.combinational(name) else None
            for p, e in cs:
                if p is None or p not in outs:  # (an output drives its net)
                    self.expr(e, (), _Use((), nets or None, False), frozenset())

    def blocking(self, n) -> set[str]:
        out: set[str] = set()
        for b in _walk_kind(n, "BinaryExpressionSyntax"):
            if str(b.kind) == "SyntaxKind.AssignmentExpression":
                out |= _ids(self.txt(b.left))
        for d in _walk_kind(n, "DeclaratorSyntax"):
            out.add(d.name.valueText)
        return out

    def lit(self, text: str, local) -> str | None:
        ids = _ids(text)
        if ids & local or any(i not in self.m.names for i in ids):
            return None
        return text

    def stmt(self, n, g, local, clocked) -> None:
        k = _kind(n)
        if k == "ConditionalStatementSyntax":
            conds = [c for c in _kids(n.predicate) if _kind(c) == "ConditionalPatternSyntax"]
            if len(conds) != 1 or conds[0].matchesClause is not None:
                return self.opaque(n, g)
            p = self.txt(conds[0].expr)
            self.expr(conds[0].expr, g, _Use(g, None, False), local)
            lp = self.lit(f"({p})", local)
            self.stmt(n.statement, g + (lp,), local, clocked)
            if n.elseClause is not None:
                self.stmt(n.elseClause.clause, g + (None if lp is None else f"!({p})",), local, clocked)
            return None
        if k == "CaseStatementSyntax":
            sel = self.txt(n.expr)
            self.expr(n.expr, g, _Use(g, None, False), local)
            plain = n.caseKeyword.valueText == "case" and not getattr(n.matchesOrInside, "valueText", "")
            alls: list[str] = []
            for item in n.items:
                ik = _kind(item)
                if ik == "StandardCaseItemSyntax":
                    es = [self.txt(e) for e in item.expressions if hasattr(e, "sourceRange")
                          and not _kind(e).endswith("Token")]
                    for e in item.expressions:
                        if hasattr(e, "sourceRange") and not _kind(e).endswith("Token"):
                            self.expr(e, g, _Use(g, None, False), local)
                    c = " || ".join(f"({sel}) == ({e})" for e in es)
                    alls.append(c)
                    lp = self.lit(f"({c})", local) if plain and es else None
                    self.stmt(item.clause, g + (lp,), local, clocked)
            for item in n.items:
                if _kind(item) == "DefaultCaseItemSyntax":
                    lp = self.lit(f"!({' || '.join(alls)})", local) if plain and alls else None
                    self.stmt(item.clause, g + (lp,), local, clocked)
            return None
        if k in ("SequentialBlockStatementSyntax", "BlockStatementSyntax"):
            for s in n.items:
                if "Statement" in _kind(s):
                    self.stmt(s, g, local, clocked)
            return None
        if k == "TimingControlStatementSyntax":
            return self.stmt(n.statement, g, local, clocked)
        if k == "ExpressionStatementSyntax" and _kind(n.expr) == "BinaryExpressionSyntax" \
                and "Assignment" in str(n.expr.kind):
            return self.assign(n.expr, g, local, "Nonblocking" in str(n.expr.kind) or clocked)
        return self.opaque(n, g)

    def opaque(self, n, g) -> None:
        """Everything read in a statement this does not follow (loops, ...) is observed always."""
        for x in _walk_kind(n, "IdentifierNameSyntax"):
            self.m.uses.setdefault(x.identifier.valueText, []).append(_Use(g, None, False))
        for x in _walk_kind(n, "IdentifierSelectNameSyntax"):
            self.m.uses.setdefault(x.identifier.valueText, []).append(_Use(g, None, False))

    def assign(self, a, g, local, seq, comb=False) -> None:
        lhs = a.left
        tgt = tuple(sorted(_ids(self.txt(lhs))))
        whole = tgt[0] if comb and _kind(lhs) == "IdentifierNameSyntax" else None
        # indices on the left are observed always (an address)
        for s in _walk_kind(lhs, "ElementSelectSyntax"):
            self.expr(s, g, _Use(g, None, False), local)
        self.expr(a.right, g, _Use(g, tgt, seq), local, whole=whole)

    def expr(self, n, g, use: _Use, local, whole: str | None = None) -> None:
        k = _kind(n)
        if k == "ParenthesizedExpressionSyntax":
            return self.expr(n.expression, g, use, local, whole)
        if k == "ConditionalExpressionSyntax":
            conds = [c for c in _kids(n.predicate) if _kind(c) == "ConditionalPatternSyntax"]
            p = self.txt(n.predicate)
            self.expr(n.predicate, g, _Use(g, None, False), local)
            lp = self.lit(f"({p})", local) if len(conds) == 1 else None
            for arm, lit in ((n.left, lp), (n.right, None if lp is None else f"!({p})")):
                self.expr(arm, g + (lit,), _Use(g + (lit,), use.targets, use.seq), local)
            return None
        if k == "IdentifierNameSyntax":
            self.m.uses.setdefault(n.identifier.valueText, []).append(use)
            return None
        if k == "IdentifierSelectNameSyntax":
            name = n.identifier.valueText
            sels = list(n.selectors)
            ev = None
            if name in self.arrays and len(sels) == 1:
                sel = sels[0].selector
                sk = _kind(sel)
                if sk == "BitSelectSyntax":
                    ev = (f"{name}[]", [sel.expr])
                elif sk == "RangeSelectSyntax" and str(sel.kind) in ("SyntaxKind.AscendingRangeSelect",
                                                                     "SyntaxKind.DescendingRangeSelect"):
                    ev = (f"{name}[{str(sel.kind)[-20:]}{_norm(self.txt(sel.right))}]", [sel.left])
            self.m.uses.setdefault(name, []).append(use)
            for s in sels:
                self.expr(s, g, _Use(g, None, False), local)  # an index: observed always
            if ev is not None and all(_ids(self.txt(x)) - self.m.params and not (_ids(self.txt(x)) & local)
                                      and all(i in self.m.names for i in _ids(self.txt(x))) for x in ev[1]):
                self.m.evals.append(_Eval(ev[0], [(*_span(x), self.txt(x)) for x in ev[1]], _span(n), use,
                                          whole))
            return None
        if k == "InvocationExpressionSyntax" and _kind(n.left) == "IdentifierNameSyntax" \
                and n.left.identifier.valueText in self.m.funcs and n.arguments is not None:
            args = [a for a in _kids(n.arguments) if _kind(a) == "OrderedArgumentSyntax"]
            if len(args) == len(_kids(n.arguments)) and args:
                for a in args:
                    self.expr(a.expr, g, use, local)
                xs = [a.expr for a in args]
                if all(not (_ids(self.txt(x)) & local) and all(i in self.m.names for i in _ids(self.txt(x)))
                       for x in xs):
                    self.m.evals.append(_Eval(f"{n.left.identifier.valueText}()",
                                              [(*_span(x), self.txt(x)) for x in xs], _span(n), use, whole))
                return None
        for c in _kids(n):
            self.expr(c, g, use, local)
        return None


def _observed(m: _Mod, name: str, depth: int = 0, seen: frozenset = frozenset()) -> list[tuple] | None:
    """Conjunctions (tuples of condition texts) one of which holds whenever ``name`` is observed; None:
    observed always (or not known)."""
    if name in m.outputs or depth > 6 or name in seen or name not in m.names:
        return None
    out: list[tuple] = []
    for u in m.uses.get(name, ()):
        got = _use_obs(m, u, depth, seen | {name})
        if got is None:
            return None
        out.extend(got)
        if len(out) > MAX_TERMS:
            return None
    return out


def _use_obs(m: _Mod, u: _Use, depth: int, seen: frozenset) -> list[tuple] | None:
    g = tuple(x for x in u.guard if x is not None)
    if u.targets is None:
        return [g] if g else None
    if u.seq:
        return [g] if g else None
    out: list[tuple] = []
    for t in u.targets:
        sub = _observed(m, t, depth + 1, seen)
        if sub is None:
            if not g:
                return None
            out.append(g)
            continue
        out.extend(g + s for s in sub)
    return out or None


def _paren(s: str) -> str:
    """``s`` in parentheses unless one pair already encloses all of it (or it is a name or a select)."""
    if re.fullmatch(r"[A-Za-z_][\w$]*(?:\[[^\[\]]*\])*", s.strip()):
        return s.strip()
    if s.startswith("!") and len(s) > 1 and _paren(s[1:]) == s[1:]:
        return s  # (a negated name or parenthesized condition binds tighter than ``?:``)
    if s.startswith("(") and s.endswith(")"):
        depth = 0
        for i, c in enumerate(s):
            depth += c == "("
            depth -= c == ")"
            if depth == 0 and i < len(s) - 1:
                break
        else:
            return s
    return f"({s})"


def _or(terms: list[tuple]) -> str:
    parts = [" && ".join(t) if len(t) > 1 else t[0] for t in dict.fromkeys(terms)]
    return " || ".join(f"({p})" if len(t) > 1 else p for p, t in zip(parts, dict.fromkeys(terms), strict=True))


def _selects(obs_b: list[tuple] | None, obs_a: list[tuple] | None) -> list[str]:
    """Select texts (1: B's operands) from B's observation, or A's negated; each also with only the
    innermost condition of every conjunction (outer ones, a reset branch, often need not be tested)."""
    out: list[str] = []
    if obs_a and obs_b and set(obs_a) & set(obs_b):
        return []  # observed together under one condition (``acc <= m[i] ^ m[j]`` in one arm)
    if obs_b:
        out.append(_or(obs_b))
        out.append(_or([t[-1:] for t in obs_b]))
    if obs_a:
        out.append(f"!{_paren(_or(obs_a))}")
        out.append(f"!{_paren(_or([t[-1:] for t in obs_a]))}")
    return list(dict.fromkeys(out))


def _arrays(m: _Mod) -> set[str]:
    """Variables whose variable-index selects are evaluations: every module-level name (an unpacked
    array, packed rows, a plain vector's bit or indexed part select; parameters are never indexed by a
    variable that is not one, and constant indices are left out where the evaluations are made)."""
    return set(m.names) - m.params


_TOK = re.compile(r"[A-Za-z_][\w$]*|\d+'[sS]?[bBoOdDhH][\w?]+|\S")


def _drivers(ctext: str, node, outs: set[str]) -> dict[str, tuple[int, int]]:
    """Output -> the span that alone computes it: the right side of its one continuous assignment or
    declaration, or the statement of the one combinational block that assigns it and nothing else."""
    seen: dict[str, list] = {}
    for it in node.members:
        k = _kind(it)
        if k == "ContinuousAssignSyntax":
            for a in _walk_kind(it, "BinaryExpressionSyntax"):
                if "Assignment" in str(a.kind):
                    for o in _ids(ctext[slice(*_span(a.left))]):
                        seen.setdefault(o, []).append(_span(a.right) if _kind(a.left) == "IdentifierNameSyntax"
                                                      else None)
        elif k in ("DataDeclarationSyntax", "NetDeclarationSyntax"):
            for d in _walk_kind(it, "DeclaratorSyntax"):
                if d.initializer is not None:
                    seen.setdefault(d.name.valueText, []).append(_span(d.initializer.expr))
        elif k == "ProceduralBlockSyntax":
            st = _block_body(it)
            head = ctext[slice(*_span(it.statement))][:200]
            clocked = it.keyword.valueText == "always_ff" or re.match(r"\s*@\s*\([^)]*edge", head)
            lhs = set()
            for a in _walk_kind(st, "BinaryExpressionSyntax"):
                if "Assignment" in str(a.kind):
                    lhs |= _ids(ctext[slice(*_span(a.left))])
            for o in lhs:
                one = len(lhs) == 1 and not clocked and it.keyword.valueText in ("always_comb", "always")
                seen.setdefault(o, []).append(_span(st) if one else None)
    return {o: v[0] for o, v in seen.items() if o in outs and len(v) == 1 and v[0] is not None}


def _port_pairs(ctext: str, node) -> list[tuple[str, str, dict[str, str]]]:
    """(output A, output B, {input of A: input of B}) of a child module (``node`` in its file's text
    ``ctext``) whose two outputs are computed alike up to input ports read nowhere else (one
    expression, one function call, or one combinational block -- a case table -- with its own
    target)."""
    cm = _Mod(ctext, node)
    _declared(cm)
    inputs = {n for n in cm.names if n not in cm.outputs}
    m0, m1 = _span(node)
    cut = [_span(node.header.ports)] if node.header.ports is not None else []
    cut += [_span(it) for it in node.members if _kind(it) == "PortDeclarationSyntax"]  # (non-ANSI)
    body, pos = "", m0
    for a, b in sorted(cut):
        body += ctext[pos:a] + " "
        pos = b
    body += ctext[pos:m1]

    def counts(t: str) -> dict[str, int]:
        c: dict[str, int] = {}
        for x in _TOK.findall(re.sub(r"//[^\n]*|/\*.*?\*/", " ", t, flags=re.S)):
            c[x] = c.get(x, 0) + 1
        return c

    count = counts(body)
    drv = _drivers(ctext, node, cm.outputs)
    toks = {o: _TOK.findall(re.sub(r"//[^\n]*|/\*.*?\*/", " ", ctext[slice(*sp)], flags=re.S))
            for o, sp in drv.items()}
    own = {o: counts(ctext[slice(*sp)]) for o, sp in drv.items()}
    got = []
    for oa, ob in permutations(sorted(drv), 2):
        mp = _align(toks[oa], toks[ob], oa, ob,
                    lambda x, o: x in inputs and count.get(x) == own[o].get(x))
        if mp:
            got.append((oa, ob, mp))
    return got


def _align(ta: list[str], tb: list[str], oa: str, ob: str, ok) -> dict[str, str] | None:
    """{operand of A: operand of B} when the token lists are one computation up to a renaming of
    operands (``ok(name, result)``: an operand allowed for that result) and of the results ``oa`` ->
    ``ob``; None when they differ otherwise or not at all."""
    if len(ta) != len(tb) or ta == tb:
        return None
    mp: dict[str, str] = {}
    for x, y in zip(ta, tb, strict=True):
        if x == y or (x, y) == (oa, ob):
            continue
        if x in (oa, ob) or y in (oa, ob) or mp.get(x, y) != y or not ok(x, oa) or not ok(y, ob):
            return None
        mp[x] = y
    if not mp or len(set(mp.values())) != len(mp) or set(mp) & set(mp.values()):
        return None
    return mp


def _table_pairs(m: _Mod) -> list:
    """Two module nets, each computed alone by one combinational block or assignment, that are one
    computation up to a renaming of module-level operands (``case (ra) 0: qa = r0; ...`` beside
    ``case (rb) 0: qb = r0; ...``): A's operands muxed, B a copy of A. Drivers that are one array
    read or call are left to the evaluations (the same sharing, written once)."""
    text, node = m.text, m.node
    inputs_ok = {n for n in m.names if n not in m.params}
    drv = _drivers(text, node, {n for n in m.names if n not in m.params})
    evs = {e.span for e in m.evals}
    drv = {o: sp for o, sp in drv.items() if sp not in evs}
    if len(drv) < 2:
        return []
    toks = {o: _TOK.findall(re.sub(r"//[^\n]*|/\*.*?\*/", " ", text[slice(*sp)], flags=re.S)) for o, sp in drv.items()}
    out = []
    for oa, ob in combinations(sorted(drv), 2):
        mp = _align(toks[oa], toks[ob], oa, ob, lambda x, _o: x in inputs_ok and x not in drv)
        if not mp:
            continue
        for s in _selects(_observed(m, ob), _observed(m, oa)):
            sa = drv[oa]
            edits = [Edit(sa[0] + x.start(), sa[0] + x.end(), f"({_paren(s)} ? {mp[x.group(0)]} : {x.group(0)})")
                     for x in _ID.finditer(text[slice(*sa)]) if x.group(0) in mp]
            sb = drv[ob]
            blk = _is_block(node, sb)
            edits.append(Edit(sb[0], sb[1], f" {ob} = {oa};" if blk else f" {oa}"))
            pos = min(sa[0], sb[0])
            out.append((edits, f"{oa} and {ob} computed alike on operands {'/'.join(mp)} vs "
                               f"{'/'.join(mp.values())}: one computation on muxed operands selected by {s}",
                        _ids(s) | set(mp.values()), pos))
    return out


def _block_body(it):
    """A procedural block's statement under its event control (``always @* S`` -> ``S``)."""
    st = it.statement
    return st.statement if _kind(st) == "TimingControlStatementSyntax" else st


def _is_block(node, span) -> bool:
    """Whether ``span`` is the statement of a procedural block of ``node`` (else an expression)."""
    return any(_kind(it) == "ProceduralBlockSyntax" and _span(_block_body(it)) == span for it in node.members)


def _modules(tr):
    root = tr.root
    if _kind(root) == "ModuleDeclarationSyntax":  # (a text of one module parses as that module)
        return [root]
    return [x for x in getattr(root, "members", ()) if _kind(x) == "ModuleDeclarationSyntax"]


def _class_obs(m: _Mod, evs: list[_Eval]) -> list[tuple] | None:
    out: list[tuple] = []
    for e in evs:
        got = _observed(m, e.result) if e.result else _use_obs(m, e.use, 0, frozenset())
        if got is None:
            return None
        out.extend(got)
    return out if len(out) <= MAX_TERMS else None


def _class_share(m: _Mod, key: str, ca: list[_Eval], cb: list[_Eval]) -> list | None:
    """Edits making every evaluation of ``ca`` and ``cb`` (one selection, two operand lists) one
    evaluation on operands muxed by each select candidate: ``[(edits, description, select reads,
    position)]``."""
    text = m.text
    every = ca + cb
    if any(x is not y and x.span[0] <= y.span[0] < x.span[1] for x in every for y in every):
        return None  # nested (m[m[i]])
    oa, ob = _class_obs(m, ca), _class_obs(m, cb)
    pos = min(e.span[0] for e in every)
    # a net whose whole value is one of the evaluations (declared before every other one) carries it
    keep = next((e for e in every if e.result and m.names.get(e.result, pos + 1) <= pos), None)
    ea, eb = ca[0], cb[0]
    out = []
    for s in _selects(ob, oa):
        muxed = [(a0, a1, ta if _norm(ta) == _norm(tb) else f"{_paren(s)} ? {_paren(tb)} : {_paren(ta)}")
                 for (a0, a1, ta), (_b0, _b1, tb) in zip(ea.args, eb.args, strict=True)]
        one = apply_edits(text[ea.span[0]:ea.span[1]],
                          [Edit(a0 - ea.span[0], a1 - ea.span[0], t) for a0, a1, t in muxed])
        edits = []
        for e in every:
            if keep is not None and e is not keep:
                edits.append(Edit(e.span[0], e.span[1], keep.result))
            elif e is ea:
                edits.append(Edit(e.span[0], e.span[1], one))
            else:
                sub = [Edit(a0 - e.span[0], a1 - e.span[0], t)
                       for (a0, a1, _t0), (_c0, _c1, t) in zip(e.args, muxed, strict=True)]
                edits.append(Edit(e.span[0], e.span[1], apply_edits(text[e.span[0]:e.span[1]], sub)))
        out.append((edits, f"one evaluation of {key} on a muxed operand ({text[ea.span[0]:ea.span[1]].strip()}"
                           f" / {text[eb.span[0]:eb.span[1]].strip()}) selected by {s}", _ids(s), pos))
    return out


def rewrites(text: str, tr, mods: dict[str, tuple], dirs: dict | None = None) -> list[tuple[str, str]]:
    """``(new text, description)`` for the modules of ``text`` (parsed as ``tr``); ``mods``: every
    module of the design by name, ``(its file's text, its declaration)``; ``dirs``: their ports in
    order, ``[(name, direction)]`` (for ordered connections)."""
    from rtlopt.semantic.instmux import _conns

    if any(d.isError() for d in tr.diagnostics):
        return []
    out: list[tuple[str, str]] = []
    pairs_of: dict[str, list] = {}
    for mod in _modules(tr):
        m = _Mod(text, mod)
        _declared(m)
        _Collect(m, _arrays(m), mods, dirs).run()
        pend: list[tuple[list[Edit], str, set[str], int]] = []  # (edits, description, select reads, position)
        # 1) two evaluations of one selection in this module
        by: dict[str, list[_Eval]] = {}
        for e in m.evals:
            by.setdefault(e.key, []).append(e)
        for key, evs in by.items():
            classes: dict[tuple, list[_Eval]] = {}
            for e in evs:
                classes.setdefault(tuple(_norm(x[2]) for x in e.args), []).append(e)
            for ka, kb in combinations(classes, 2):  # (each select also negated: one order)
                got = _class_share(m, key, classes[ka], classes[kb])
                if got is not None:
                    pend.extend(got)
        # 2) two symmetric read ports of one child instance
        for it in mod.members:
            if _kind(it) != "HierarchyInstantiationSyntax" or it.type.valueText not in mods:
                continue
            his = [h for h in it.instances if _kind(h) == "HierarchicalInstanceSyntax"]
            if len(his) != 1:
                continue
            if it.type.valueText not in pairs_of:
                pairs_of[it.type.valueText] = _port_pairs(*mods[it.type.valueText])
            pairs = pairs_of[it.type.valueText]
            if not pairs:
                continue
            cs = _conns(text, his[0], (dirs or {}).get(it.type.valueText, []))
            if cs is None:
                continue
            for pa, pb, mp in pairs:
                if any(x[:2] == (pb, pa) for x in pairs[:pairs.index((pa, pb, mp))]):
                    continue  # (the same two ports the other way round)
                ca, cb = cs.get(pa), cs.get(pb)
                if ca is None or cb is None or not re.fullmatch(r"[A-Za-z_][\w$]*", ca[2].strip()) \
                        or not re.fullmatch(r"[A-Za-z_][\w$]*", cb[2].strip()) \
                        or any(cs.get(x) is None or cs.get(y) is None for x, y in mp.items()):
                    continue
                ya, yb = ca[2].strip(), cb[2].strip()
                oa, ob = _observed(m, ya), _observed(m, yb)
                for s in _selects(ob, oa):
                    edits = []
                    for x, y in mp.items():
                        a0, a1, ta = cs[x]
                        tb = cs[y][2]
                        if _norm(ta) != _norm(tb):
                            edits.append(Edit(a0, a1, f"{_paren(s)} ? {_paren(tb)} : {_paren(ta)}"))
                    if not edits:
                        continue
                    edits.append(Edit(cb[0], cb[1], ""))
                    end = _span(it)[1]
                    edits.append(Edit(end, end, f"\n    assign {yb} = {ya};"))
                    pend.append((edits, f"one read port of {his[0].decl.name.valueText} ({pa} for {pb}) "
                                        f"on a muxed {'/'.join(mp)} selected by {s}", _ids(s), _span(it)[0]))
        # 3) two nets computed alike up to operands (case tables, mux trees over the same words)
        pend.extend(_table_pairs(m))
        for edits, desc, rd, pos in pend:
            if any(m.names.get(i, pos + 1) > pos for i in rd):
                continue  # a select name declared after the place that reads it
            try:
                new = apply_edits(text, edits)
            except ValueError:
                continue
            out.append((new, desc))
            if len(out) >= MAX_CANDIDATES:
                return out
    return out


# ---- one evaluation per guarded update: ``if (sel == i) R[i] <= f(R[i])`` reads ``R[sel]`` ----------------
_LIT = re.compile(r"(?:(\d+)?\s*'\s*[sS]?([dDhHbBoO])\s*([0-9a-fA-F_]+)|(\d+))")


def _lit_value(t: str) -> int | None:
    m = _LIT.fullmatch(t.strip().replace("_", ""))
    if m is None:
        return None
    if m.group(4) is not None:
        return int(m.group(4))
    return int(m.group(3), {"d": 10, "h": 16, "b": 2, "o": 8}[m.group(2).lower()])


def _sk(n) -> str:
    k = getattr(n, "kind", None)
    return getattr(k, "name", "")


def _conjuncts(n) -> list:
    while _sk(n) == "ParenthesizedExpression":
        n = n.expression
    if _sk(n) == "LogicalAndExpression":
        return _conjuncts(n.left) + _conjuncts(n.right)
    return [n]


def _guard_of(cond, index_ok) -> tuple[str, object] | None:
    """``(S, key)`` for a conjunct ``S == key`` / ``key == S`` of ``cond`` where ``index_ok(key text)`` names
    an index (the loop variable, a constant) and ``S`` is a plain name or a constant select of one."""
    for c in _conjuncts(cond):
        if _sk(c) != "EqualityExpression":
            continue
        for a, b in ((c.left, c.right), (c.right, c.left)):
            key = index_ok(str(b).strip())
            sel = str(a).strip()
            if key is not None and re.fullmatch(r"[A-Za-z_][\w$]*(\s*\[[^\[\]]*\])?", sel) \
                    and index_ok(sel) is None and not _ids(sel) & {str(b).strip()}:
                return sel, key
    return None


def _writes_in(n, out: list) -> None:
    k = _sk(n)
    if k in ("NonblockingAssignmentExpression", "AssignmentExpression"):
        out.append((k, _span(n.left)))
    for c in _kids(n):
        _writes_in(c, out)


def _guarded_subs(text: str, scope, index_ok) -> list[tuple[int, int, str, str]]:
    """``(start, end, array, sel)`` for each read ``X[k]`` (``index_ok(k)`` is the guard's key) in an ``if``
    whose condition has the conjunct ``sel == k``: in its other conjuncts and its true branch's right sides
    (every write there nonblocking; the write targets stay)."""
    out = []

    def visit(n):
        if _sk(n) == "ConditionalStatement":
            conds = list(getattr(n.predicate, "conditions", []) or [])
            if len(conds) == 1:
                cond = conds[0].expr
                g = _guard_of(cond, index_ok)
                if g is not None:
                    sel, key = g
                    writes: list = []
                    _writes_in(n.statement, writes)
                    if writes and all(k == "NonblockingAssignmentExpression" for k, _s in writes):
                        lhs = [s for _k, s in writes]
                        for region in (_span(cond), _span(n.statement)):
                            a, b = region
                            for m in re.finditer(r"(?<![\w$.'])([A-Za-z_][\w$]*)\s*\[\s*([^\[\]:]+?)\s*\]",
                                                 text[a:b]):
                                s0, e0 = a + m.start(), a + m.end()
                                if any(x0 <= s0 < x1 for x0, x1 in lhs) or index_ok(m.group(2)) != key:
                                    continue
                                if m.group(1) == sel.split("[")[0].strip():
                                    continue
                                out.append((s0, e0, m.group(1), sel))
        for c in _kids(n):
            visit(c)

    visit(scope)
    return out


def guarded_index_rewrites(text: str, tr) -> list[tuple[str, str]]:
    """Exclusive updates of array elements ``if (sel == i) R[i] <= f(R[i])`` (a procedural or generate
    loop over ``i``, or one ``if`` / case item per constant index) read ``R[sel]`` instead of ``R[i]``:
    under the guard both are the same element, so every iteration computes the same ``f(R[sel])`` and
    synthesis keeps one ``f`` on one read multiplexer instead of one per element. The guard's whole value
    is unchanged (a conjunct replaced only where the conjunction already requires ``sel == i``), so else
    arms see the same condition. Measured and proven by the search like every candidate."""
    loops = []

    def find(n):
        k = _sk(n)
        if k in ("ForLoopStatement", "LoopGenerate"):
            m = re.match(r"\s*for\s*\(\s*(?:genvar\s+|int\s+(?:unsigned\s+)?|integer\s+)?([A-Za-z_][\w$]*)\s*=",
                         str(n))
            if m:
                loops.append((n, m.group(1)))
        if k in ("AlwaysFFBlock", "AlwaysBlock") or k == "ModuleDeclaration" or k == "CompilationUnit":
            pass
        for c in _kids(n):
            find(c)

    find(tr.root)
    subs: list = []
    for node, var in loops:
        subs += _guarded_subs(text, node, lambda t, v=var: v if t.strip() == v else None)
    # constant keys (unrolled updates, one if per element), outside loops
    in_loop = [_span(n) for n, _v in loops]
    for md in _modules(tr):
        for s0, e0, arr, sel in _guarded_subs(text, md, lambda t: _lit_value(t)):
            if not any(a <= s0 < b for a, b in in_loop):
                subs.append((s0, e0, arr, sel))
    # case (sel) K: ... R[K] ...
    def cases(n):
        if _sk(n) == "CaseStatement":
            sel = str(n.expr).strip()
            if re.fullmatch(r"[A-Za-z_][\w$]*(\s*\[[^\[\]]*\])?", sel):
                for it in _kids(n):
                    if _sk(it) != "StandardCaseItem" or len(list(_kids(it.expressions) if hasattr(it, "expressions")
                                                                   else [])) != 1:
                        continue
                    key = _lit_value(str(list(_kids(it.expressions))[0]))
                    if key is None:
                        continue
                    writes: list = []
                    _writes_in(it.clause, writes)
                    if not writes or any(k != "NonblockingAssignmentExpression" for k, _s in writes):
                        continue
                    lhs = [s for _k, s in writes]
                    a, b = _span(it.clause)
                    for m in re.finditer(r"(?<![\w$.'])([A-Za-z_][\w$]*)\s*\[\s*([^\[\]:]+?)\s*\]", text[a:b]):
                        s0 = a + m.start()
                        if any(x0 <= s0 < x1 for x0, x1 in lhs) or _lit_value(m.group(2)) != key:
                            continue
                        subs.append((s0, a + m.end(), m.group(1), sel))
        for c in _kids(n):
            cases(c)

    cases(tr.root)
    if not subs:
        return []
    seen = set()
    subs = [x for x in subs if not ((x[0], x[1]) in seen or seen.add((x[0], x[1])))]
    out = []
    groups: dict[str, list] = {}
    for x in subs:
        groups.setdefault(x[2], []).append(x)
    variants = [(arr, g) for arr, g in groups.items()]
    if len(groups) > 1:
        variants.append(("+".join(sorted(groups)), subs))
    for arr, g in variants:
        edits = []
        for s0, e0, a, sel in g:
            m = re.match(rf"{re.escape(a)}\s*\[", text[s0:e0])
            edits.append(Edit(s0, e0, f"{a}[{sel}]" if m else text[s0:e0]))
        try:
            new = apply_edits(text, edits)
        except ValueError:
            continue
        sels = sorted({x[3] for x in g})
        out.append((new, f"{arr}[k] read under {' / '.join(sels)} == k as {arr}[{', '.join(sels)}]: one update "
                         f"function on the selected element instead of one per element ({len(g)} reads)"))
    return out


def _single_update(stmt):
    """``(name, right side node)`` when ``stmt`` is one nonblocking assignment to a plain name (alone in
    ``begin ... end`` blocks)."""
    while _sk(stmt) == "SequentialBlockStatement":
        items = list(stmt.items)
        if len(items) != 1:
            return None
        stmt = items[0]
    if _sk(stmt) != "ExpressionStatement" or _sk(stmt.expr) != "NonblockingAssignmentExpression":
        return None
    lhs = str(stmt.expr.left).strip()
    return (lhs, stmt.expr.right) if re.fullmatch(r"[A-Za-z_][\w$]*", lhs) else None


def _enclosing_block(n):
    while n is not None and _sk(n) not in ("AlwaysFFBlock", "AlwaysBlock", "AlwaysCombBlock"):
        n = n.parent
    return n


def unrolled_register_rewrites(text: str, tr, path: str = "x.sv") -> list[tuple[str, str]]:
    """Separate registers updated one per selector value with the same function (``if (s == 0) c0 <= c0 + w;
    if (s == 1) c1 <= c1 + w;``, or case items): each update reads the selected register through one mux
    ``rtlopt_rd = (s == 0) ? c0 : (s == 1) ? c1 : ...`` (equal to its own register under its guard), so
    the copies of the function become one. Only sites whose right sides are the same up to the register."""
    sites: list = []  # (selector, key, register, rhs span, condition span or None, block span)

    def visit(n):
        k = _sk(n)
        if k == "ConditionalStatement":
            conds = list(getattr(n.predicate, "conditions", []) or [])
            if len(conds) == 1:
                g = _guard_of(conds[0].expr, _lit_value)
                u = _single_update(n.statement)
                blk = _enclosing_block(n)
                if g is not None and u is not None and blk is not None:
                    sites.append((_norm(g[0]), g[1], u[0], _span(u[1]), _span(conds[0].expr), _span(blk)))
        elif k == "CaseStatement":
            sel = str(n.expr).strip()
            blk = _enclosing_block(n)
            if re.fullmatch(r"[A-Za-z_][\w$]*(\s*\[[^\[\]]*\])?", sel) and blk is not None:
                for it in _kids(n):
                    if _sk(it) != "StandardCaseItem":
                        continue
                    labels = list(_kids(it.expressions))
                    key = _lit_value(str(labels[0])) if len(labels) == 1 else None
                    u = _single_update(it.clause)
                    if key is not None and u is not None:
                        sites.append((_norm(sel), key, u[0], _span(u[1]), None, _span(blk)))
        for c in _kids(n):
            visit(c)

    visit(tr.root)
    groups: dict = {}
    for st in sites:
        sel, _key, reg, (a, b), _c, _blk = st
        if reg in _ids(sel) or not re.search(rf"(?<![\w$.]){re.escape(reg)}(?![\w$])", text[a:b]):
            continue
        tmpl = _norm(re.sub(rf"(?<![\w$.]){re.escape(reg)}(?![\w$])", "\x00", text[a:b]))
        groups.setdefault((sel, tmpl), []).append(st)
    out = []
    an = None
    for (sel, _tmpl), g in groups.items():
        if len(g) < 2 or len({x[1] for x in g}) != len(g) or len({x[2] for x in g}) != len(g):
            continue
        if an is None:
            from rtlopt.templates._sem import analyze
            an = analyze(text, path)
        types = set()
        for x in g:
            t = {(e.width, e.signed) for e in an.exprs if "NamedValue" in str(e.node.kind) and e.text == x[2]}
            types |= t
        if len(types) != 1:
            continue
        w, sgn = next(iter(types))
        nm = f"rtlopt_rd_{re.sub(r'[^A-Za-z0-9_]', '_', sel)}_{'_'.join(x[2] for x in g)}"
        sel_txt = next(str(x[0]) for x in g)
        chain = " : ".join(f"({sel_txt} == {x[1]}) ? {x[2]}" for x in g[:-1]) + f" : {g[-1][2]}"
        first = min(x[5][0] for x in g)
        ls = text.rfind("\n", 0, first) + 1
        edits = [Edit(ls, ls, f"  wire {'signed ' if sgn else ''}{f'[{w - 1}:0] ' if w > 1 else ''}{nm} = {chain};\n")]
        for _s, _k, reg, (a, b), cspan, _blk in g:
            for sp in [(a, b)] + ([cspan] if cspan else []):
                for m in re.finditer(rf"(?<![\w$.]){re.escape(reg)}(?![\w$])", text[sp[0]:sp[1]]):
                    edits.append(Edit(sp[0] + m.start(), sp[0] + m.end(), nm))
        try:
            new = apply_edits(text, edits)
        except ValueError:
            continue
        out.append((new, f"{', '.join(x[2] for x in g)} updated one per {sel_txt} value with one function: "
                         f"read through one mux {nm}"))
    return out


def readshare_edits(texts: dict[Path, str]) -> list[tuple[dict[Path, str], str]]:
    from pyslang import syntax

    from rtlopt.semantic.instmux import _port_dirs

    trees = {p: syntax.SyntaxTree.fromText(t, str(p)) for p, t in texts.items()}
    dirs = _port_dirs(list(trees.items()))
    mods: dict[str, tuple] = {}
    for p, tr in trees.items():
        for md in _modules(tr):
            mods.setdefault(md.header.name.valueText, (texts[p], md))
    out = []
    for p, t in texts.items():
        for new, desc in rewrites(t, trees[p], mods, dirs):
            out.append(({**texts, p: new}, desc))
        try:
            more = guarded_index_rewrites(t, trees[p]) + unrolled_register_rewrites(t, trees[p], str(p))
            for new, desc in more[:MAX_CANDIDATES // 2]:
                out.append(({**texts, p: new}, desc))
        except (AttributeError, ValueError, TypeError):
            pass
    return out


#: seconds for the simulation filter of one design's candidates (one Yosys load each)
SIM_BUDGET_S = 12.0


def _simulated(state, got: list) -> list:
    """The candidates whose outputs do not differ from the original's on random stimulus from reset
    (:func:`rtlopt.semantic.seqsim.outputs_agree`): observations that are not exclusive (both reads
    used by one opcode) show at once and cost no proof. One simulation per pair of reads, with its
    first select (B's whole observation): when that differs the pair's other selects go too; without a
    simulation model (or past the time given) a candidate is kept: the proof decides."""
    import time

    from rtlopt.semantic import seqsim

    top = getattr(getattr(state, "design", None), "top", None)
    if top is None or not got:
        return got
    t0 = time.monotonic()
    end = t0 + SIM_BUDGET_S
    try:
        net = seqsim.load_texts(dict(state.texts), top, timeout=SIM_BUDGET_S)
    except Exception:  # noqa: BLE001 - combinational or outside the model: the proof decides
        return got
    if time.monotonic() - t0 > SIM_BUDGET_S / 3:
        return got  # (a candidate's load and runs take longer than that: not within the time given)
    verdict: dict[str, bool | None] = {}  # per pair of reads: its first select's simulation
    out = []
    for new, desc in got:
        pair = desc.rsplit(" selected by ", 1)[0]
        if pair not in verdict:
            left = end - time.monotonic()
            try:
                verdict[pair] = seqsim.outputs_agree(net, {Path(p): t for p, t in new.items()}, top,
                                                     max(2.0, left)) if left > 4.0 else None
            except Exception:  # noqa: BLE001 - no verdict
                verdict[pair] = None
        if verdict[pair] is not False:
            out.append((new, desc))
    return out


def readshare_candidates(state) -> list:
    """Search-loop generator: two reads observed exclusively become one read on a muxed index (the
    candidates a random simulation tells apart from the original left out)."""
    from rtlopt.engine.candidate import one_file_candidates

    try:
        got = _simulated(state, readshare_edits(dict(state.texts)))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    return one_file_candidates(state.texts, got, RULE, "read sharing", "readshare")
