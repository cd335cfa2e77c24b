"""True-LRU ages kept as a pairwise order matrix.

An array ``A`` of ``N`` elements (3 <= N <= :data:`MAX_WAYS`) of ``K`` bits whose joint value in every reachable state
is a permutation of ``0 .. N-1`` (per-way ages of a true-LRU set, of a TLB or an arbiter) and whose
update is "the touched element becomes the youngest" (move-to-front: the touched element gets the
youngest value Y, 0 or N-1, every element between keeps its order) holds N! states: ``N(N-1)/2`` bits
``o[a][b] = A[a] > A[b]`` (a < b) hold the same order. The writer block becomes::

    if (<reset>) o <= <order of the reset permutation>;
    else o[a][b] <= touch[b] ? (Y == 0) : touch[a] ? (Y != 0) : o[a][b];

with ``touch[i]`` the condition under which the source writes ``Y`` into ``A[i]`` (path conditions of
those writes, loop variables replaced by ``i``; a write ``A[x] <= Y`` contributes ``x == i``). ``A``
itself is decoded for every read: ``A[a] = sum over b != a of (A[a] > A[b])`` (the rank of ``A[a]`` in a
permutation of 0..N-1), so any read (compares with constants, with each other, the value itself) keeps
its text; synthesis folds ``rank == N-1`` into an AND of one matrix row.

Finding (semantics, not spelling): the gate model is simulated from reset; in every sample of every
instance of the module the N elements must form a permutation of 0..N-1, and every sampled transition
must be the identity, the reset permutation, or a move-to-front of one element toward the one youngest
value Y (which of 0 or N-1 is Y is read off the transitions; a transition moving toward the other end, a
swap with a neighbour, a saturating counter: no candidate). How the ages are computed is never read;
the source supplies only the reset condition and the touch conditions. The search loop proves the
rewrite (sequential equivalence from reset; the prover mines ``o == (A[a] > A[b])`` relations) and
measures it.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import numpy as np

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic import regfunc, seqsim

RULE = "lru_order_matrix"
#: Most elements re-encoded. Measured on lru_age_loop_sv at other WAYS (sky130hd, unpinned): 4 ways
#: 539.3 -> 279.0 um^2, 8 ways 1682.9 -> 1154.9 (the compares read as row flags), 16 ways 4389.2 -> 4725.8
#: (120 matrix flops against 64 age flops: larger, though 3.9 -> 1.6 ns). Eight ways pay but no engine
#: of the portfolio proves them (z3 Houdini over order-matrix candidates times out, ABC dprove is
#: undecided, pdr had no answer in 300 s at load 13), and an UNKNOWN candidate only costs proof time.
MAX_WAYS = 4
_ID = re.compile(r"(?<![\w$'.])([A-Za-z_][\w$]*)(?![\w$])")
#: ``A[x] == c`` / ``A[x] != c``: an element read compared with a (candidate) constant
_CMP_READ = re.compile(r"(?<![\w$.])(?P<leaf>[A-Za-z_][\w$]*)\s*\[(?P<x>[^\[\]]+)\]\s*(?P<op>==|!=)(?!=)\s*"
                       r"(?P<c>[^;,()?:&|^}=!<>\[\]]*(?:\([^()]*\)[^;,()?:&|^}=!<>\[\]]*)*?)\s*(?=[)\];,&|^?:}]|[=!]=)")


def _mask(text: str) -> str:
    return re.sub(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\])*\"", lambda m: re.sub(r"[^\n]", " ", m.group(0)),
                  text, flags=re.S)


# -- arrays of the design ---------------------------------------------------------------------------

class _Arr:
    def __init__(self, inst, name, n, k, elems, packed, lo, asc, file, decl_off, params, members=None,
                 decl_offs=()):
        self.inst, self.name, self.n, self.k = inst, name, n, k
        self.elems = elems          # declared element indices, in order
        self.packed, self.lo, self.asc = packed, lo, asc
        self.file, self.decl_off, self.params = file, decl_off, params
        #: a set of named scalar registers taken as one array (element i = members[i]), else None
        self.members: list[str] | None = members
        self.decl_offs = decl_offs  # the members' declaration offsets

    @property
    def path(self) -> str:
        return f"{self.inst}.{self.name}" if self.inst else self.name


def _arrays(tlist: list[str], names: list[str], top: str, scalars: list | None = None):
    """Arrays of 3..8 elements of K >= clog2(N) bits (K <= 6) in every instance, with the syntax trees.
    ``scalars`` (when given) collects the plain 2..6-bit vector variables of every instance as
    (inst, name, K, file, declaration offset, params): sets of them may hold a permutation too."""
    from pyslang import ast, syntax

    from rtlopt.hdl.project import top_compilation

    comp = top_compilation(top)
    trees = []
    for text, nm in zip(tlist, names, strict=True):
        t = syntax.SyntaxTree.fromText(text, nm)
        trees.append(t)
        comp.addSyntaxTree(t)
    if any(d.isError() for t in trees for d in t.diagnostics):
        return None, trees
    buf = {t.root.sourceRange.start.buffer.id: i for i, t in enumerate(trees)}
    out: list[_Arr] = []

    def visit(node):
        if type(node).__name__ != "InstanceSymbol":
            return ast.VisitAction.Advance
        hp = node.hierarchicalPath
        inst = "" if hp == top else hp[len(top) + 1:] if hp.startswith(top + ".") else None
        if inst is None:
            return ast.VisitAction.Advance
        params = {}
        for prm in node.body.parameters:
            m = re.fullmatch(r"(?:\d+'s?d)?(-?\d+)", str(prm.value).strip())
            if m:
                params[prm.name] = int(m.group(1))
        for s in node.body:
            if s.kind != ast.SymbolKind.Variable or s.syntax is None:
                continue
            ty = s.type
            el = getattr(ty, "elementType", None)
            rng = getattr(ty, "range", None)
            if el is None or rng is None or not (ty.isPackedArray or ty.isUnpackedArray):
                continue
            if scalars is not None and ty.isPackedArray and getattr(el, "elementType", None) is None:
                k = int(ty.bitWidth or 0)
                f = buf.get(s.syntax.sourceRange.start.buffer.id)
                if 2 <= k <= 6 and f is not None:
                    scalars.append((inst, s.name, k, f, s.syntax.sourceRange.start.offset, params))
                continue
            k = int(el.bitWidth or 0)
            if ty.isPackedArray and getattr(el, "elementType", None) is None:
                continue  # a plain vector
            n = abs(rng.left - rng.right) + 1
            if not 3 <= n <= MAX_WAYS or not (n - 1).bit_length() <= k <= 6:
                continue
            if getattr(el, "isUnpackedArray", False) or (getattr(el, "elementType", None) is not None
                                                         and getattr(el.elementType, "elementType", None) is not None):
                continue
            f = buf.get(s.syntax.sourceRange.start.buffer.id)
            if f is None:
                continue
            lo, asc = min(rng.left, rng.right), rng.left < rng.right
            out.append(_Arr(inst, s.name, n, k, list(range(lo, lo + n)), bool(ty.isPackedArray), lo, asc, f,
                            s.syntax.sourceRange.start.offset, params))
        return ast.VisitAction.Advance

    comp.getRoot().visit(visit)
    return out, trees


def _bits(arr: _Arr, allregs: dict[str, list[int]]) -> list[list[int]] | None:
    """Flop indices of each element (LSB first), in the order of ``arr.elems``."""
    if arr.members is not None:
        out = []
        for m in arr.members:
            js = allregs.get(f"{arr.inst}.{m}" if arr.inst else m)
            if js is None or len(js) != arr.k:
                return None
            out.append(js)
        return out
    if arr.packed:
        js = allregs.get(arr.path)
        if js is None or len(js) != arr.n * arr.k:
            return None
        out = []
        for e in arr.elems:
            # packed [hi:lo]: element lo is least significant; [lo:hi]: element lo is most significant
            pos = (arr.lo + arr.n - 1 - e) if arr.asc else (e - arr.lo)
            out.append(js[pos * arr.k:(pos + 1) * arr.k])
        return out
    out = []
    for e in arr.elems:
        js = allregs.get(f"{arr.path}[{e}]")
        if js is None or len(js) != arr.k:
            return None
        out.append(js)
    return out


def _inverse(vals: np.ndarray) -> np.ndarray:
    """Per sample (column), the inverse permutation: out[w] = the position k with vals[k] == w."""
    out = np.zeros_like(vals)
    for k in range(vals.shape[0]):
        np.put_along_axis(out, vals[k:k + 1], k, axis=0)
    return out


def _check(net, bits: list[list[int]], n: int, listed: bool = False) -> tuple[int, tuple[int, ...]] | None:
    """(youngest value Y, reset permutation) when every sample is a permutation of 0..N-1 and every
    sampled transition is the identity, the reset permutation or a move-to-front toward Y. ``listed``:
    the words are a list of element indices (an MRU stack: position k holds the k-th most recent way),
    checked through its inverse (the position of each way is its age)."""
    st = seqsim.ternary_reset_state(net)
    if any(st[j] is None for js in bits for j in js):
        return None
    rst = tuple(sum(st[j] << b for b, j in enumerate(js)) for js in bits)
    if sorted(rst) != list(range(n)):
        return None
    if listed:
        rst = tuple(int(x) for x in _inverse(np.array(rst, dtype=np.int64)[:, None])[:, 0])
    ys: set[int] = set()
    moves = 0
    for run in range(2):
        tr = regfunc.run_trace(net, run)
        bm = regfunc._bit_matrix(tr)  # [nflops, cycles * lanes] (cycle-major)
        c = tr.shape[0]
        vals = np.zeros((n, bm.shape[1]), dtype=np.int64)
        for e, js in enumerate(bits):
            for b, j in enumerate(js):
                vals[e] |= bm[j].astype(np.int64) << b
        srt = np.sort(vals, axis=0)
        if not (srt == np.arange(n)[:, None]).all():
            return None
        if listed:
            vals = _inverse(vals)
        v = vals.reshape(n, c, -1)
        a, b = v[:, :-1, :].reshape(n, -1), v[:, 1:, :].reshape(n, -1)
        same = (a == b).all(axis=0)
        isrst = (b == np.array(rst)[:, None]).all(axis=0)
        todo = ~(same | isrst)
        if not todo.any():
            continue
        a, b = a[:, todo], b[:, todo]
        ok_any = np.zeros(a.shape[1], dtype=bool)
        for y in (0, n - 1):
            # moved element t: b[t] == y != a[t]; others shift by one toward the old a[t] when between
            t_new = b == y
            at = (a * t_new).sum(axis=0)
            # toward 0: the elements younger than the moved one age by one; toward N-1 the mirror image
            exp = np.where(a < at, a + 1, a) if y == 0 else np.where(a > at, a - 1, a)
            exp = np.where(t_new, y, exp)
            ok = (exp == b).all(axis=0)
            if ok.any():
                ys.add(y)
            ok_any |= ok
        if not ok_any.all():
            return None
        moves += int(todo.sum())
    if moves == 0 or len(ys) != 1:
        return None
    return ys.pop(), rst


# -- the writer block ---------------------------------------------------------------------------------

class _Fail(Exception):
    pass


def _txt(node) -> str:
    return str(node).strip()


def _writes(stmt, leaf, conds: list[str], loopvars: dict, out: list, funcs: dict | None = None):
    """Element writes of ``leaf`` under ``stmt``: (index text | None, rhs text, conditions, loop vars); the
    loop variables map to their (first, comparison, bound) texts, None when unknown. ``leaf`` may be a map
    {scalar name: element index} (a set of scalar registers: a write of a member is the element write).
    ``funcs``: the module's functions by name; a call in a right-hand side is read through the body."""
    if funcs is not None and not isinstance(leaf, dict):
        leaf = {leaf: None, "": funcs}
    k = type(stmt).__name__
    kind = str(stmt.kind).rpartition(".")[2]
    if k == "TimingControlStatementSyntax":
        _writes(stmt.statement, leaf, conds, loopvars, out)
    elif kind in ("SequentialBlockStatement",):
        for it in stmt.items:
            if "Declaration" in type(it).__name__:
                raise _Fail
            _writes(it, leaf, conds, loopvars, out)
    elif k == "ConditionalStatementSyntax":
        p = f"({_txt(stmt.predicate)})"
        _writes(stmt.statement, leaf, conds + [p], loopvars, out)
        if stmt.elseClause is not None:
            _writes(stmt.elseClause.clause, leaf, conds + [f"!{p}"], loopvars, out)
    elif k == "CaseStatementSyntax":
        ckw = str(stmt.caseKeyword).strip()
        if ckw not in ("case", "casez"):
            raise _Fail
        sel = f"({_txt(stmt.expr)})"
        prev: list[str] = []
        for it in stmt.items:
            ik = type(it).__name__
            if ik == "StandardCaseItemSyntax":
                labs = [_label(sel, _txt(x), ckw) for x in it.expressions if type(x).__name__ != "Token"
                        and _txt(x) not in (",",)]
                c = "(" + " || ".join(labs) + ")"
                _writes(it.clause, leaf, conds + [f"!{q}" for q in prev] + [c], loopvars, out)
                prev.append(c)
            elif ik == "DefaultCaseItemSyntax":
                _writes(it.clause, leaf, conds + [f"!{q}" for q in prev], loopvars, out)
            else:
                raise _Fail
    elif k == "ForLoopStatementSyntax":
        vs: dict = {}
        for d in stmt.initializers:
            if type(d).__name__ == "ForVariableDeclarationSyntax":
                init = d.declarator.initializer
                vs[d.declarator.name.valueText] = _txt(init.expr) if init is not None else None
            elif type(d).__name__ == "BinaryExpressionSyntax":
                vs[_txt(d.left)] = _txt(d.right)
        # the values of a loop 'v = a; v < b (<= b, != b); v++ (v = v + 1, v += 1)': (a, op, b) texts
        stop = _txt(stmt.stopExpr) if stmt.stopExpr is not None else ""
        steps = [re.sub(r"\s+", "", _txt(x)) for x in stmt.steps if _txt(x) != ","]
        for v, init in list(vs.items()):
            m = re.fullmatch(rf"{re.escape(v)}\s*(<=|<|!=)\s*(.+)", stop, re.S)
            inc = steps in ([f"{v}++"], [f"++{v}"], [f"{v}={v}+1"], [f"{v}+=1"])
            vs[v] = (init, m.group(1), m.group(2)) if m and init is not None and inc else None
        _writes(stmt.statement, leaf, conds, {**loopvars, **vs}, out)
    elif k == "ExpressionStatementSyntax":
        e = stmt.expr
        ek = str(e.kind).rpartition(".")[2]
        if ek not in ("NonblockingAssignmentExpression", "AssignmentExpression"):
            raise _Fail
        lhs = e.left
        lk = type(lhs).__name__
        if lk == "IdentifierNameSyntax":
            name, idx = lhs.identifier.valueText, None
        elif lk == "IdentifierSelectNameSyntax" and len(lhs.selectors) == 1:
            name, idx = lhs.identifier.valueText, _txt(lhs.selectors[0].selector)
            if ":" in idx:
                raise _Fail
        else:
            raise _Fail
        if name in loopvars:
            return
        if isinstance(leaf, dict):
            if name not in leaf or name == "":
                raise _Fail  # the block writes something else too
            if leaf[name] is not None:
                if idx is not None:
                    raise _Fail
                idx = str(leaf[name])
        elif name != leaf:
            raise _Fail  # the block writes something else too
        _rhs(e.right, idx, conds, loopvars, out, leaf.get("") if isinstance(leaf, dict) else None)
    elif kind in ("EmptyStatement",):
        return
    else:
        raise _Fail


def _label(sel: str, lab: str, kw: str) -> str:
    """The condition of a case item label: ``sel == lab``; a casez label with ?/z digits (a binary
    literal) compares the other bits only."""
    m = re.fullmatch(r"(\d+)\s*'[bB]\s*([01?zZ_]+)", lab)
    if kw == "casez" and m and re.search(r"[?zZ]", m.group(2)):
        bits = m.group(2).replace("_", "")
        mask = "".join("0" if b in "?zZ" else "1" for b in bits)
        val = "".join("0" if b in "?zZ" else b for b in bits)
        return f"({sel} & {len(bits)}'b{mask}) == {len(bits)}'b{val}"
    if kw == "casez" and (not re.fullmatch(r"[\w$'\s]+", lab) or re.search(r"'[^']*[zZ?]", lab)):
        raise _Fail  # an expression label of a casez: its z bits are not known here
    return f"{sel} == ({lab})"


def _rhs(e, idx, conds, loopvars, out, funcs=None):
    if type(e).__name__ == "ConditionalExpressionSyntax":
        p = f"({_txt(e.predicate)})"
        _rhs(e.left, idx, conds + [p], loopvars, out, funcs)
        _rhs(e.right, idx, conds + [f"!{p}"], loopvars, out, funcs)
    elif type(e).__name__ == "ParenthesizedExpressionSyntax":
        _rhs(e.expression, idx, conds, loopvars, out, funcs)
    elif funcs and type(e).__name__ == "InvocationExpressionSyntax" and _txt(e.left) in funcs:
        # a call of a module function: the writes of the function's result in its body, each under
        # its path conditions, with the formals replaced by the (parenthesized) actual arguments
        formals, body = funcs[_txt(e.left)]
        args = [a for a in (e.arguments.parameters if e.arguments is not None else [])
                if type(a).__name__ != "Token" and _txt(a) != ","]
        if len(args) != len(formals) or any(type(a).__name__ != "OrderedArgumentSyntax" for a in args):
            raise _Fail
        sub = {f: f"({_txt(a.expr)})" for f, a in zip(formals, args, strict=True)}

        def rep(t: str) -> str:
            return _ID.sub(lambda m: sub.get(m.group(1), m.group(1)), t)

        got: list = []
        fname = _txt(e.left)
        for st in body:
            _writes(st, {fname: None}, [], {}, got)
        if not got:
            raise _Fail
        for _i, r, cs, _lv in got:
            out.append((idx, rep(r), conds + [rep(c) for c in cs], loopvars))
    else:
        out.append((idx, _txt(e), conds, loopvars))


def _functions(mod) -> dict[str, tuple[list[str], list]]:
    """The module's functions whose body only assigns the result (no locals, no return): name -> (formal
    names in order, body statements)."""
    out = {}
    for it in mod.members:
        if type(it).__name__ != "FunctionDeclarationSyntax":
            continue
        proto = it.prototype
        formals: list[str] = []
        body = []
        ok = True
        if proto.portList is not None:
            for pt in proto.portList.ports:
                if type(pt).__name__ == "FunctionPortSyntax":
                    formals.append(pt.declarator.name.valueText)
        for x in it.items:
            tn = type(x).__name__
            if tn == "PortDeclarationSyntax":
                formals += [d.name.valueText for d in x.declarators if hasattr(d, "name")]
            elif "Declaration" in tn or re.search(r"\breturn\b", _mask(str(x))):
                ok = False
            else:
                body.append(x)
        if ok and formals and body:
            out[proto.name.valueText if hasattr(proto.name, "valueText") else _txt(proto.name)] = (formals, body)
    return out


def _const(text: str, params: dict[str, int], k: int) -> int | None:
    s = text.strip()
    if re.fullmatch(r"'[01]", s):
        return 0 if s == "'0" else (1 << k) - 1
    m = re.fullmatch(r"\{\s*(\w+)\s*\{\s*1'b([01])\s*\}\s*\}", s)
    if m:
        return 0 if m.group(2) == "0" else (1 << k) - 1

    def lit(m):
        base = {"d": 10, "h": 16, "b": 2, "o": 8}[m.group(2).lower()]
        return str(int(m.group(3).replace("_", ""), base))

    s = re.sub(r"(?:[A-Za-z_][\w$]*|\d+)\s*'\s*\(", "(", s)  # a size cast: the value is taken mod 2**k
    s = re.sub(r"(?:unsigned|signed)\s*'\s*\(", "(", s)
    s = re.sub(r"(\d*)\s*'[sS]?([dDhHbBoO])\s*([0-9a-fA-F_]+)", lit, s)
    s = _ID.sub(lambda m: str(params[m.group(1)]) if m.group(1) in params else "@", s)
    if "@" in s or not re.fullmatch(r"[\d\s()+\-*]+", s):
        return None
    try:
        return int(eval(s, {"__builtins__": {}}, {})) & ((1 << k) - 1)  # noqa: S307 - digits/operators only
    except Exception:  # noqa: BLE001
        return None


def _subst(text: str, var: str, val: int) -> str:
    return re.sub(rf"(?<![\w$'.]){re.escape(var)}(?![\w$])", str(val), text)


def _blocks(tree, decl_off: int, leaf: str):
    """The module declaration around ``decl_off`` and the procedural blocks that write ``leaf`` (each with
    the genvars of enclosing generate loops), or None."""
    from pyslang import syntax

    mod = None
    tops = [tree.root] if type(tree.root).__name__ == "ModuleDeclarationSyntax" else list(tree.root.members)
    for n in tops:
        if type(n).__name__ == "ModuleDeclarationSyntax":
            r = n.sourceRange
            if r.start.offset <= decl_off < r.end.offset:
                mod = n
    if mod is None:
        return None
    blocks = []
    names = [leaf] if isinstance(leaf, str) else list(leaf)
    alt = "|".join(re.escape(x) for x in names)
    pat = re.compile(rf"(?<![\w$.])(?:{alt})(?![\w$])")

    def walk(n, gvars):
        tn = type(n).__name__
        if tn == "ProceduralBlockSyntax":
            blocks.append((n, gvars))
            return
        if tn == "LoopGenerateSyntax":
            gvars = gvars | {n.identifier.valueText}
        if tn in ("IfGenerateSyntax", "CaseGenerateSyntax") and pat.search(str(n)):
            raise _Fail
        if tn in ("ModuleDeclarationSyntax", "LoopGenerateSyntax", "GenerateRegionSyntax",
                  "GenerateBlockSyntax") or tn.endswith("ListSyntax") or tn == "SyntaxList":
            for c in n:
                if isinstance(c, syntax.SyntaxNode):
                    walk(c, gvars)

    for c in mod.members:
        walk(c, frozenset())
    writers = []
    for b, gv in blocks:
        # a write of leaf: leaf (or leaf[...]) followed by <= or =
        if re.search(rf"(?<![\w$.])(?:{alt})\s*(?:\[(?:[^\[\];]|\[[^\[\];]*\])*\]\s*)?<?=(?!=)",
                     _mask(str(b))):
            writers.append((b, gv))
    return mod, writers


def _in_loop(rng, e: int, params: dict[str, int]) -> bool:
    """Whether loop-variable value ``e`` is one the loop takes (True when the range is unknown)."""
    if rng is None:
        return True
    a, op, b = _const(rng[0], params, 32), rng[1], _const(rng[2], params, 32)
    if a is None or b is None:
        return True
    return a <= e and (e < b if op in ("<", "!=") else e <= b)


def _copied_from(ws: list, gvars) -> str | None:
    """B when every write is an unconditional copy 'A <= B' / 'A[i] <= B[i]' of one variable B."""
    names = set()
    for idx, rhs, conds, _lv in ws:
        m = re.fullmatch(r"([A-Za-z_][\w$]*)\s*(?:\[\s*(.*?)\s*\])?", rhs)
        if conds or m is None or (m.group(2) or None) != (idx.strip() if idx is not None else None):
            return None
        names.add(m.group(1))
    return names.pop() if len(names) == 1 and not gvars else None


def _comb(b) -> bool:
    kw = str(b.kind).rpartition(".")[2]
    if kw == "AlwaysCombBlock":
        return True
    st = b.statement
    return kw == "AlwaysBlock" and type(st).__name__ == "TimingControlStatementSyntax" and \
        re.fullmatch(r"@\s*(?:\*|\(\s*\*\s*\))", _txt(st.timingControl)) is not None


def _collect(arr: _Arr, ws: list, y: int, listed: bool, touch: dict[int, list[str]],
             holds: frozenset = frozenset(), fronts: list | None = None) -> bool:
    """Adds the touch conditions of the writes ``ws`` to ``touch``; False when a write cannot be read.
    ``holds``: arrays whose element copied to the same index is no touch (B[i] = A[i]). ``fronts``
    (a list) gets (conditions, value) of every write of the front position of a list, holds included
    (value None)."""
    for idx, rhs, conds, lvars in ws:
        if idx is None:
            return False
        m = re.fullmatch(r"([A-Za-z_][\w$]*)\s*\[\s*(.*?)\s*\]", rhs)
        hold = bool(m and m.group(1) in holds and m.group(2) == idx.strip())
        if arr.members is not None and idx.strip().isdigit() and int(idx) - arr.lo < arr.n:
            hold = rhs.strip() == arr.members[int(idx) - arr.lo]  # 'r <= r'
        if hold:
            if fronts is not None and listed and _const(idx, arr.params, 32) == arr.elems[y]:
                fronts.append((list(conds), None))
            continue
        if listed:
            # a list: the write of the front position (element Y) names the touched way
            ci = _const(idx, arr.params, 32)
            if ci is not None and ci != arr.elems[y]:
                continue
            if ci is None and idx not in lvars:
                return False
            if idx in lvars and not _in_loop(lvars[idx], arr.elems[y], arr.params):
                continue
            cs = [_subst(x, idx, arr.elems[y]) for x in conds] if idx in lvars else list(conds)
            r = _subst(rhs, idx, arr.elems[y]) if idx in lvars else rhs
            if any(re.search(rf"(?<![\w$'.]){re.escape(v)}(?![\w$])", x) for v in set(lvars) - {idx}
                   for x in cs + [r]):
                return False
            if fronts is not None:
                fronts.append((cs, r))
            for e in arr.elems:
                touch[e].append(" && ".join(cs + [f"(({r}) == {e - arr.lo})"]))
            continue
        c = _const(rhs, arr.params, arr.k)
        if c is None or c != y:
            continue
        for e in arr.elems:
            cs = list(conds)
            if idx in lvars:
                if not _in_loop(lvars[idx], e, arr.params):
                    continue
                cs = [_subst(x, idx, e) for x in cs]
                used = {idx}
            else:
                ci = _const(idx, arr.params, 32)
                if ci is not None:
                    if ci != e:
                        continue
                else:
                    cs.append(f"(({idx}) == {e})")
                used = set()
            if any(re.search(rf"(?<![\w$'.]){re.escape(v)}(?![\w$])", x) for v in set(lvars) - used for x in cs):
                return False
            touch[e].append(" && ".join(cs) if cs else "1'b1")
    return True


def _front_touch(arr: _Arr, fronts: list, cut: int = 0) -> dict[int, str] | None:
    """A list's touches read off its front writes as one: every write of the front position (holds
    included) under the common prefix P of their conditions, one value R among the writes that are not
    holds: touch[w] = P && (R == w) (a hold of the front, or a rewrite of the way already in front, is
    no move). Only a guess (a hold may not mean R is in front): offered after a simulation. ``cut``:
    that many trailing conditions of P dropped (they may only exclude a touch of the way in front);
    None when P is not that long."""
    vals = {r for _c, r in fronts if r is not None}
    if len(fronts) < 2 or len(vals) != 1:
        return None
    pre = fronts[0][0]
    for cs, _r in fronts[1:]:
        k = 0
        while k < min(len(pre), len(cs)) and pre[k] == cs[k]:
            k += 1
        pre = pre[:k]
    if cut > len(pre):
        return None
    pre = pre[:len(pre) - cut]
    r = vals.pop()
    return {e: " && ".join(pre + [f"(({r}) == {e - arr.lo})"]) for e in arr.elems}


def _plan(arr: _Arr, tree, text: str, y: int, listed: bool = False, merged: int | None = None):
    """(writer blocks, header text, reset condition, touch condition per element) or None. ``merged``:
    a list's touches from its front writes taken as one (:func:`_front_touch`, that many trailing
    conditions cut)."""
    names = arr.members if arr.members is not None else [arr.name]
    got = _blocks(tree, arr.decl_off, arr.members if arr.members is not None else arr.name)
    if got is None or not got[1]:
        return None
    mod, writers = got
    funcs = _functions(mod)
    leaf = dict(zip(arr.members, arr.elems, strict=True)) | {"": funcs} if arr.members is not None else arr.name
    header = reset = None
    touch: dict[int, list[str]] = {e: [] for e in arr.elems}
    fronts: list = []
    for b, gvars in writers:
        kw = str(b.kind).rpartition(".")[2]
        if kw not in ("AlwaysBlock", "AlwaysFFBlock"):
            return None
        st = b.statement
        if type(st).__name__ != "TimingControlStatementSyntax" or "edge" not in str(st.timingControl):
            return None
        h = text[b.sourceRange.start.offset:st.statement.sourceRange.start.offset].rstrip()
        body = st.statement
        while (str(body.kind).endswith("SequentialBlockStatement") and len(body.items) == 1
               and body.blockName is None):
            body = body.items[0]
        if type(body).__name__ != "ConditionalStatementSyntax" or body.elseClause is None:
            return None
        r = _txt(body.predicate)
        if any(re.search(rf"(?<![\w$.]){re.escape(x)}(?![\w$])", r) for x in names) or any(
                re.search(rf"(?<![\w$.]){re.escape(g)}(?![\w$])", r) for g in gvars):
            return None
        if header is None:
            header, reset = h, r
        elif re.sub(r"\s+", " ", h) != re.sub(r"\s+", " ", header) or r != reset:
            return None
        ws: list = []
        _writes(body.elseClause.clause, leaf, [], dict.fromkeys(gvars), ws, None if arr.members else funcs)
        nx = _copied_from(ws, gvars) if arr.members is None else None
        if nx is not None:
            # two processes: 'A <= B' (or A[i] <= B[i]) with B computed by one combinational block: the
            # touches are B's writes of the youngest value (B itself stays, read from the decoded A)
            got_b = _blocks(tree, arr.decl_off, nx)
            combs = got_b[1] if got_b is not None else []
            if len(combs) != 1 or combs[0][1] or not _comb(combs[0][0]):
                return None
            ws = []
            _writes(combs[0][0].statement, nx, [], {}, ws)
            ws = [w for w in ws if w[0] is not None]
        if not _collect(arr, ws, y, listed, touch, frozenset({arr.name, nx} if nx else ()), fronts):
            return None
    if merged is not None:
        ft = _front_touch(arr, fronts, merged) if listed and len(writers) == 1 else None
        if ft is None:
            return None
        return mod, writers, header, reset, ft
    if any(not v for v in touch.values()):
        return None
    return mod, writers, header, reset, {e: " || ".join(f"({c})" for c in v) for e, v in touch.items()}


def emit(texts: dict[Path, str], top: str, arr: _Arr, tree, y: int, rst: tuple[int, ...],
         listed: bool = False, merged: int | None = None) -> dict[Path, str] | None:
    from rtlopt.engine.parampin import _header_end
    from rtlopt.semantic.onehotidx import _fresh

    paths = list(texts)
    text = texts[paths[arr.file]]
    try:
        plan = _plan(arr, tree, text, y, listed, merged)
    except _Fail:
        return None
    if plan is None:
        return None
    mod, writers, header, reset, touch = plan
    masked = _mask(text)
    leaf, n, el = arr.name, arr.n, arr.elems
    mem = arr.members
    # a declaration initializer would not carry over to the matrix
    if mem is None and re.search(rf"(?<![\w$.]){re.escape(leaf)}\s*(?:\[[^\]]*\]\s*)*=(?![=>])",
                                 masked[:arr.decl_off + 200][arr.decl_off:]):
        return None
    for x, off in zip(mem or [], arr.decl_offs, strict=True):
        d = masked[off:masked.find(";", off)]
        if re.search(rf"(?<![\w$.]){re.escape(x)}\s*(?:\[[^\]]*\]\s*)*=(?![=>])", d):
            return None

    def elem(e):  # the text of element e
        return mem[e - arr.lo] if mem is not None else f"{leaf}[{e}]"
    ms, me = mod.sourceRange.start.offset, mod.sourceRange.end.offset
    em = masked.rfind("endmodule", ms, me)
    he = _header_end(masked[ms:me])
    if em < 0 or he is None:
        return None
    he += ms
    ordn = _fresh(text, f"{leaf}_ord")
    tn = _fresh(text + ordn, f"{leaf}_touch")
    pairs = [(a, b) for a in range(n) for b in range(a + 1, n)]
    pidx = {p: i for i, p in enumerate(pairs)}
    npair = len(pairs)
    mm = re.search(r"^([ \t]+)(assign|always|always_ff|always_comb|reg|wire|logic|input|output)\b",
                   text[he:em], re.M)
    ind = mm.group(1) if mm else "  "

    def o(a, b):  # A[a] > A[b]
        return f"{ordn}[{pidx[(a, b)]}]" if a < b else f"!{ordn}[{pidx[(b, a)]}]"

    def rank_is(a, c):  # the rank of element (way) a is c
        terms = [o(a, b) for b in range(n) if b != a]
        if c == n - 1:
            return " & ".join(terms)
        if c == 0:
            return " & ".join(t[1:] if t.startswith("!") else f"!{t}" for t in terms)
        return f"({' + '.join(terms)}) == {c}"

    rbits = "".join("1" if rst[a] > rst[b] else "0" for a, b in reversed(pairs))
    what = (f"the ways in order of use; {ordn}[p]: way a is behind way b in {leaf}" if listed else
            f"true-LRU order; {ordn}[p] = {leaf}[a] > {leaf}[b]")
    if mem is not None:
        what = (f"the ways in order of use; {ordn}[p]: way a is behind way b" if listed else
                f"true-LRU order; {ordn}[p] = element a > element b")
        leaf = "{" + ", ".join(mem) + "}"
    lines = [f"{ind}// {leaf}: a permutation of 0..{n - 1} ({what}), for the pair p = (a, b), a < b"]
    leaf = arr.name
    for i, e in enumerate(el):
        lines.append(f"{ind}assign {tn}[{i}] = {touch[e]};")
    lines.append(f"{header} begin")
    lines.append(f"{ind}{ind}if ({reset}) {ordn} <= {npair}'b{rbits};")
    lines.append(f"{ind}{ind}else begin")
    for (a, b), p in pidx.items():
        if y == 0:
            rhs = f"{tn}[{b}] | (!{tn}[{a}] & {ordn}[{p}])"
        else:
            rhs = f"!{tn}[{b}] & ({tn}[{a}] | {ordn}[{p}])"
        lines.append(f"{ind}{ind}{ind}{ordn}[{p}] <= {rhs};")
    lines.append(f"{ind}{ind}end")
    lines.append(f"{ind}end")
    lines.append(f"{ind}always @* begin")
    for a, e in enumerate(el):
        if listed:  # position a holds the way whose rank is a
            val = " | ".join(f"(({rank_is(w, a)}) ? {arr.k}'d{w} : {arr.k}'d0)" for w in range(1, n))
        else:
            val = " + ".join(o(a, b) for b in range(n) if b != a)
        lines.append(f"{ind}{ind}{elem(e)} = {val};")
    lines.append(f"{ind}end")
    # reads 'A[x] == c' / 'A[x] != c' (c a constant 0..N-1) read one flag per element: the rank test
    # of its matrix row (c == N-1: every other element younger, an AND; c == 0: a NOR)
    spans = [(b.sourceRange.start.offset, b.sourceRange.end.offset) for b, _gv in writers]
    flags: dict[int, str] = {}
    reads: list[tuple[int, int, str]] = []
    taken = text + ordn + tn
    for m in _CMP_READ.finditer(masked, ms, em):
        if listed or m.group("leaf") != leaf or any(a <= m.start() < b for a, b in spans):
            continue
        pre = masked[:m.start()].rstrip()
        if not pre or not (pre[-1] in "(,;?:{&|^" or (pre[-1] == "=" and pre[-2:-1] not in ("=", "!", "<", ">"))):
            continue
        c = _const(m.group("c"), arr.params, arr.k)
        if c is None or not 0 <= c < n or not re.fullmatch(r"\s*(?:[)\];,&|^?:}]|[=!]=)", masked[m.end():m.end() + 2][:2]
                                                          if masked[m.end():m.end() + 2][:2] in ("==", "!=")
                                                          else masked[m.end():m.end() + 1] or ";"):
            continue
        if c not in flags:
            flags[c] = _fresh(taken, f"{leaf}_is{c}")
            taken += flags[c]
        neg = "!" if m.group("op") == "!=" else ""
        reads.append((m.start(), m.end(), f"{neg}{flags[c]}[{m.group('x')}]"))
    if mem is not None and not listed:
        # scalar reads 'r == c' / 'r != c' (c a constant 0..N-1): the rank test of the element's row
        alt = "|".join(re.escape(x) for x in mem)
        for m in re.finditer(rf"(?<![\w$.'])(?P<leaf>{alt})\s*(?P<op>==|!=)(?!=)\s*"
                             rf"(?P<c>\d*\s*'[sS]?[dDhHbB]\s*[0-9a-fA-F_]+|\d+)(?![\w$'])", masked[ms:em]):
            a0, b0 = ms + m.start(), ms + m.end()
            if any(a <= a0 < b for a, b in spans):
                continue
            pre = masked[:a0].rstrip()
            post = masked[b0:].lstrip()[:1]
            if not pre or pre[-1] not in "(,;?:{&|^=" or post not in tuple(")];,&|?:}"):
                continue
            if pre[-1] == "=" and pre[-2:-1] in ("=", "!", "<", ">"):
                continue
            c = _const(m.group("c"), arr.params, arr.k)
            if c is None or not 0 <= c < n:
                continue
            t = rank_is(mem.index(m.group("leaf")), c)
            reads.append((a0, b0, f"!({t})" if m.group("op") == "!=" else f"({t})"))
    decls = f"\n{ind}reg [{npair - 1}:0] {ordn};\n{ind}wire [{n - 1}:0] {tn};"
    for c, fn in sorted(flags.items()):
        rng = f"[{arr.lo}:{arr.lo + n - 1}]" if arr.asc else f"[{arr.lo + n - 1}:{arr.lo}]"
        decls += f"\n{ind}wire {rng} {fn};"
        for a, e in enumerate(el):
            lines.append(f"{ind}assign {fn}[{e}] = {rank_is(a, c)};")
    # the decode is left out when no read of A is left
    gone = spans + [(a, b) for a, b, _r in reads]
    rest = [m.start() for m in re.finditer(rf"(?<![\w$.]){re.escape(leaf)}(?![\w$])", masked[ms:em])
            if not any(a <= ms + m.start() < b for a, b in gone)]
    if mem is None and len(rest) <= 1:  # the declaration
        i0 = next(i for i, ln in enumerate(lines) if ln.endswith("always @* begin"))
        del lines[i0:i0 + n + 2]
    block = "\n".join(lines)
    eds: list[Edit] = []
    eol = text.find("\n", he)
    eol = len(text) if eol < 0 else eol
    eds.append(Edit(eol, eol, decls))
    for a, b, rep in reads:
        eds.append(Edit(a, b, rep))
    top_level = len(writers) == 1 and not writers[0][1]
    for b, _gv in writers:
        s, e = b.sourceRange.start.offset, b.sourceRange.end.offset
        if top_level:
            ls = text.rfind("\n", 0, s) + 1
            lead = text[ls:s] if not text[ls:s].strip() else ind
            eds.append(Edit(ls, e, block.replace(f"\n{header} begin", f"\n{lead}{header} begin")))
        else:
            eds.append(Edit(s, e, f"/* {leaf}: kept as {ordn} */"))
    if not top_level:
        ls = text.rfind("\n", 0, em) + 1
        if text[ls:em].strip():
            ls = em
        eds.append(Edit(ls, ls, block.replace(f"\n{header} begin", f"\n{ind}{header} begin") + "\n"))
    try:
        new = apply_edits(text, eds)
    except ValueError:
        return None
    out = dict(texts)
    out[paths[arr.file]] = new
    return out


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict, str]]:
    t0 = time.monotonic()
    paths = list(texts)
    tlist = [texts[p] for p in paths]
    # a packed 2-D declaration ('[3:0][1:0] age') or an unpacked array of vectors ('[1:0] age [0:3]')
    has_arr = any(re.search(r"\]\s*\[[^\]]*\]\s*[A-Za-z_][\w$]*\s*[;,=\[]|\[[^\]]*\]\s*[A-Za-z_][\w$]*\s*\[[^\]]*\]"
                            r"\s*[;,=]", _mask(t)) for t in tlist)
    has_scal = any(_scalar_hint(_mask(t)) for t in tlist)
    if not has_arr and not has_scal:
        return []
    scalars: list = []
    arrs, trees = _arrays(tlist, [str(p) for p in paths], top, scalars if has_scal else None)
    if not arrs and not scalars:
        return []
    an = regfunc.analysis_for(texts, top, timeout_s)
    if an.net is None:
        return []
    allregs = regfunc._all_registers(an.net)
    # group the instances of one declaration (one module text): all must pass alike
    groups: dict[tuple, list[_Arr]] = {}
    for a in arrs or []:
        groups.setdefault((a.file, a.decl_off), []).append(a)
    if scalars:
        for key, grp in _scalar_sets(an.net, allregs, scalars).items():
            groups[key] = grp
    out = []
    done_sets: list[set] = []
    for key, grp in groups.items():
        if time.monotonic() - t0 > timeout_s:
            break
        if grp[0].members is not None and any(set(key[1]) & d for d in done_sets):
            continue  # a set overlapping one already re-encoded
        for listed in (False, True):
            res = set()
            for a in grp:
                bits = _bits(a, allregs)
                r = _check(an.net, bits, a.n, listed) if bits is not None else None
                if r is None:
                    res = None
                    break
                res.add((a.n, a.k, tuple(a.elems), r))
            if not res or len(res) != 1:
                continue
            a = grp[0]
            y, rst = next(iter(res))[3]
            new = None
            if listed:
                # the front writes taken as one touch: smaller when it holds, so tried first (each
                # simulated from reset against the original), with up to MAX_CUT trailing conditions
                # of their common prefix cut (the fewest conditions that agree)
                for cut in range(MAX_CUT, -1, -1):
                    try:
                        new = emit(texts, top, a, trees[a.file], y, rst, listed, merged=cut)
                    except Exception:  # noqa: BLE001
                        new = None
                    if new is not None and seqsim.outputs_agree(an.net, new, top, 10.0) is True:
                        break
                    new = None
            if new is None:
                try:
                    new = emit(texts, top, a, trees[a.file], y, rst, listed)
                except Exception:  # noqa: BLE001 - a source shape this emitter does not know: no candidate
                    new = None
            if new is not None:
                if a.members is not None:
                    done_sets.append(set(key[1]))
                kind = "MRU list of ways" if listed else "true-LRU ages"
                out.append((new, f"{kind} '{a.path}' ({a.n} x {a.k} bits) kept as a "
                                 f"{a.n * (a.n - 1) // 2}-bit pairwise order matrix"))
            break
    return out


#: most trailing conditions of a list's front-write prefix dropped (each try one simulation)
MAX_CUT = 2
#: most same-width scalars of one instance tried as members of a set (every 3- and 4-subset whose
#: reset values are a permutation is simulated)
MAX_SCALARS = 12


def _scalar_hint(masked: str) -> bool:
    """Cheap precondition: three or more variables declared with one literal 2..6-bit range
    ('reg [1:0] a, b, c;', or separate declarations of one range)."""
    cnt: dict[str, int] = {}
    for m in re.finditer(r"\b(?:reg|logic|bit)\s+(?:(?:un)?signed\s+)?\[\s*(\d+)\s*:\s*(\d+)\s*\]\s*"
                         r"([A-Za-z_][\w$]*(?:\s*,\s*[A-Za-z_][\w$]*)*)\s*;", masked):
        if not 2 <= abs(int(m.group(1)) - int(m.group(2))) + 1 <= 6:
            continue
        r = m.group(1) + ":" + m.group(2)
        cnt[r] = cnt.get(r, 0) + m.group(3).count(",") + 1
        if cnt[r] >= 3:
            return True
    return False


def _scalar_sets(net, allregs: dict, scalars: list) -> dict[tuple, list[_Arr]]:
    """Sets of 3..MAX_WAYS same-width scalar registers of one instance whose reset values are a
    permutation of 0..N-1 (declaration order), as virtual arrays; keyed by (file, declaration offsets),
    with one entry per instance of the module."""
    from itertools import combinations

    st = seqsim.ternary_reset_state(net)
    by: dict[tuple, list] = {}
    for inst, name, k, f, off, params in scalars:
        js = allregs.get(f"{inst}.{name}" if inst else name)
        if js is None or len(js) != k or any(st[j] is None for j in js):
            continue
        by.setdefault((inst, k, f), []).append((off, name, sum(st[j] << b for b, j in enumerate(js)), params))
    out: dict[tuple, list[_Arr]] = {}
    for (inst, k, f), lst in by.items():
        lst.sort()
        lst = [x for x in lst if x[2] < MAX_WAYS][:MAX_SCALARS]
        for n in range(MAX_WAYS, 2, -1):
            if (n - 1).bit_length() > k:
                continue
            for combo in combinations(lst, n):
                if sorted(x[2] for x in combo) != list(range(n)):
                    continue
                names = [x[1] for x in combo]
                base = re.sub(r"[_\d]+$", "", os.path.commonprefix(names)) or "lru"
                out.setdefault((f, tuple(x[0] for x in combo)), []).append(
                    _Arr(inst, base, n, k, list(range(n)), False, 0, True, f, combo[0][0], combo[0][3],
                         members=names, decl_offs=tuple(x[0] for x in combo)))
    return out


def lrumatrix_candidates(state) -> list:
    """Search-loop generator: true-LRU age arrays re-encoded as pairwise order matrices."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, "register re-encoding", "lrumatrix")
