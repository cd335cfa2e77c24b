"""Comparison flags for history storage in any structure: generate-block registers, packed/unpacked
arrays, lanes of a vector or net, and across a module boundary.

:mod:`rtlopt.semantic.histflag` keeps a register that is read only through ``== constant`` as the
comparison flags. This module does the same by *mirroring*: every lane of the storage (a whole
variable -- also one declared inside a generate block and named ``blk[g-1].d`` from another
iteration --, an array element ``sr[i - 1]``, a lane ``taps[k*W +: W]`` / ``taps[15:8]`` of a vector
or net) gets one flag per constant with the same reference text (``blk[g-1].d_is_c3``,
``sr_is_c3[i - 1]``, ``taps_is_c3[k*W]`` -- a net's flags sit at the lane's low bit), every
assignment of a lane is copied per flag (``L <= R`` becomes ``L_c <= R_c``: a lane of the storage
gives its flag, a constant 1'b1/1'b0, ``p ? A : B`` mirrors both arms, any other same-width
expression ``(R) == W'hC``), every comparison reads its flag. It is correct whatever the enables,
resets, loops or generate structure around the assignments are, because each copy states
``L_c == (L == C)`` after every step.

Two source-to-source steps come first (both semantics-preserving, only kept when the mirror fires):

* a call of a function whose body is one assignment of a 1-bit expression to its result
  (``m = a == 8'hC3 && b == 8'h3C``) with a lane of history storage among its arguments is inlined
  (a select of a formal whose actual is a packed array of wider elements reads its elements:
  ``x[31:24]`` of ``logic [3:0][7:0] win`` is ``win[3]``);
* an output bus of a child instance (``.taps(t)``) that the parent reads only inside expressions of
  that bus and constants (``t[23:16] == 8'hC3 && ...``) is pushed into the child: those expressions
  become new 1-bit (or wider) outputs of the child computed from the (now internal) bus, the parent
  reads the new outputs. A child instantiated more than once gets a copy of its module for this
  instance (``<module>_hf``); the copy keeps the instance's parameter overrides. A bus that is
  ``assign taps = {m[2], m[1], m[0]};`` alone in the child is read through its operands
  (``t[15:8]`` becomes ``m[1]``).

On the mirrored text, a generate-block or array shift chain compared with a constant pattern in one
conjunction is also offered as match-progress flags (see :func:`_progress`). The search loop proves
every rewrite (sequential equivalence from reset) and measures it.
"""

from __future__ import annotations

import re

_EQ = {"Equality": "==", "Inequality": "!="}
_IDENT = r"[A-Za-z_][\w$]*"
_VALUE = ("NamedValueExpression", "HierarchicalValueExpression")
_REF = r"[A-Za-z_][\w$]*(?:\[[^\[\]]*\])*(?:\.[A-Za-z_][\w$]*(?:\[[^\[\]]*\])*)*"  # a.b[i].c[j]


def _prune_tops(tops: set, tref: list, drop: set, items: dict) -> tuple[set, dict]:
    """Outermost moved expressions (spans) and the buses they keep: a top that reads a dropped bus is not
    moved (its buses are dropped too, to a fixpoint), and a bus read by no moved top is not moved.
    ``tref``: [((start, end), bus offset)] of every bus read; ``drop`` grows in place."""
    tops = {sp for sp in tops if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in tops)}
    changed = True
    while changed:
        changed = False
        for sp in list(tops):
            offs = {o for (a_, b_), o in tref if sp[0] <= a_ and b_ <= sp[1]}
            if offs & drop:
                tops.discard(sp)
                drop |= offs
                changed = True
    keep = {o: v for o, v in items.items() if o not in drop}
    for (a_, b_), o in tref:
        if o in keep and not any(s_ <= a_ and b_ <= e_ for s_, e_ in tops):
            keep.pop(o)
    return tops, keep


def _k(node) -> str:
    return type(node).__name__


def _op(node) -> str:
    return str(node.op).split(".")[-1]


def _module_of(syn):
    while syn is not None and str(syn.kind).split(".")[-1] != "ModuleDeclaration":
        syn = syn.parent
    return syn


def _sp(an, node) -> tuple[int, int]:
    """Source span of an expression (the value of ``t[3:0]`` has a range but no syntax node)."""
    if node.syntax is not None:
        return an.span(node.syntax)
    r = node.sourceRange
    return an.off(r.start.offset), an.off(r.end.offset)


def _codes(an) -> list:
    return [str(d.code) for d in an.comp.getAllDiagnostics() if d.isError()]


def _clean(new: str, an) -> bool:
    """``new`` parses and elaborates with no kind of error the original had not (copies of a
    statement repeat its diagnostics, e.g. slang's 'hierarchical index -1' in the untaken arm
    ``(g == 0) ? x : blk[g-1].d``)."""
    from rtlopt.templates._sem import analyze

    try:
        a2 = analyze(new)
    except Exception:  # noqa: BLE001 - any front-end failure means "do not use"
        return False
    return a2.syntax_errors == 0 and (a2.errors <= an.errors or set(_codes(a2)) <= set(_codes(an)))


def _key(sym):
    return (sym.name, sym.location.offset)


def _instances(an) -> dict[str, list]:
    """Instance symbols (with syntax) by definition name."""
    out: dict[str, list] = {}
    for s in an.symbols:
        if _k(s) == "InstanceSymbol" and s.syntax is not None:
            out.setdefault(s.definition.name, []).append(s)
    return out


def _param_sets(an) -> dict[str, set]:
    """Per module name, the distinct parameter value tuples it is elaborated with."""
    out: dict[str, set] = {}
    for s in an.symbols:
        if _k(s) == "InstanceSymbol":
            with_vals = tuple((p.name, str(getattr(p, "value", ""))) for p in s.body.parameters)
            out.setdefault(s.definition.name, set()).add(with_vals)
    return out



# --------------------------------------------------------------------------------------------------
# match-progress flags: the chain's depths, evaluated per loop iteration


def _pvals(an, module: str | None = None) -> dict[str, int]:
    """Parameter values by name (only names with one value everywhere; with ``module``, in the
    instances of that module)."""
    vals: dict[str, set] = {}
    syms = [s for s in an.symbols if _k(s) == "ParameterSymbol"]
    if module is not None:
        syms = [p for i in an.symbols if _k(i) == "InstanceSymbol" and i.definition.name == module
                for p in i.body.parameters]
    for s in syms:
        if _k(s) == "ParameterSymbol":
            with_v = getattr(s, "value", None)
            try:
                vals.setdefault(s.name, set()).add(int(str(with_v).split("'")[-1].lstrip("sdbh"), 10)
                                                   if "'" in str(with_v) and "'d" in str(with_v)
                                                   else int(str(with_v)))
            except (TypeError, ValueError):
                vals.setdefault(s.name, set()).add(None)
    return {n: next(iter(v)) for n, v in vals.items() if len(v) == 1 and None not in v}


def _pval(sym) -> int | None:
    """The integer value of a parameter symbol (``8'd188``, ``12``), or None."""
    t = str(getattr(sym, "value", "")).replace("_", "")
    m = re.fullmatch(r"(?:\d+)?'s?([dhbo])([0-9a-fA-F]+)", t)
    if m:
        return int(m.group(2), {"d": 10, "h": 16, "b": 2, "o": 8}[m.group(1)])
    return int(t) if re.fullmatch(r"-?\d+", t) else None


def _ev(expr: str, env: dict[str, int]):
    """An integer expression of names in ``env`` (Verilog operators), or None."""
    def name(m):
        n = m.group(0)
        if n not in env:
            raise KeyError(n)
        return str(env[n])
    try:
        t = re.sub(r"(?<!')\b[A-Za-z_][\w$]*", name, expr)
    except KeyError:
        return None
    if not re.fullmatch(r"[0-9\s+\-*/%()<>=!&|?:]*", t):
        return None
    t = t.replace("&&", " and ").replace("||", " or ").replace("/", "//")
    t = re.sub(r"!(?!=)", " not ", t)
    if "?" in t:
        return None
    try:
        v = eval(t, {"__builtins__": {}}, {})  # noqa: S307 - digits and operators only (checked above)
    except Exception:  # noqa: BLE001
        return None
    return int(v)


_FOR = re.compile(r"for\s*\(\s*(?:int\s+|integer\s+|genvar\s+)?(\w+)\s*=\s*([^;]+);\s*([^;]+);\s*([^)]+)\)")


def _loop(syn, text: str, an, env: dict[str, int]):
    """``(variable, values)`` of the one loop (procedural for or generate for) around ``syn``,
    ``(None, [None])`` without one, None for two loops or a loop not evaluated. Values for which an
    ``if`` generate around ``syn`` (inside the loop) does not take ``syn``'s branch are left out."""
    found = []
    gifs = []  # (condition text, True for the then-branch)
    child = syn
    while syn is not None:
        k = str(syn.kind).split(".")[-1]
        if k in ("ForLoopStatement", "LoopGenerate"):
            found.append(syn)
        elif k == "IfGenerate":
            cs_, ce_ = an.span(syn.condition)
            el = syn.elseClause
            in_else = el is not None and an.span(el)[0] <= an.span(child)[0] and an.span(child)[1] <= an.span(el)[1]
            gifs.append((text[cs_:ce_], not in_else, bool(found)))
        elif k == "CaseGenerate":
            return None
        if k == "ModuleDeclaration":
            break
        child = syn
        syn = syn.parent
    if any(outside for _c, _b, outside in gifs):
        return None  # an if generate around the loop
    if not found:
        return (None, [None]) if not gifs else None
    if len(found) > 1:
        return None
    s_, e_ = an.span(found[0])
    m = _FOR.match(text[s_:e_])
    if m is None:
        return None
    var, init, cond, step = m.groups()
    v = _ev(init, env)
    vals = []
    st = step.strip()
    while v is not None and len(vals) < 257:
        c = _ev(cond, {**env, var: v})
        if c is None:
            return None
        if not c:
            break
        vals.append(v)
        if re.fullmatch(rf"{var}\s*\+\+|\+\+\s*{var}", st):
            v += 1
        elif re.fullmatch(rf"{var}\s*--|--\s*{var}", st):
            v -= 1
        else:
            mm = re.fullmatch(rf"{var}\s*(\+|-)?=\s*(.+)", st)
            if mm is None:
                return None
            r = _ev(mm.group(2), {**env, var: v})
            if r is None:
                return None
            v = v + r if mm.group(1) == "+" else v - r if mm.group(1) == "-" else r
    if not vals or len(vals) > 256:
        return None
    kept = []
    for v in vals:
        takes = [_ev(c, {**env, var: v}) for c, _b, _o in gifs]
        if any(t is None for t in takes):
            return None
        if all(bool(t) == b for t, (_c, b, _o) in zip(takes, gifs, strict=True)):
            kept.append(v)
    return (var, kept) if kept else None


def _controls(syn, an, text: str) -> tuple | None:
    """The conditions (text, branch) from the statement up to its procedural block and the block's
    timing control: equal for statements that run at the same edges. None for a case statement."""
    out = []
    child = syn
    node = syn.parent
    while node is not None:
        k = str(node.kind).split(".")[-1]
        if k == "ConditionalStatement":
            cs_, ce_ = an.span(node.predicate)
            else_ = node.elseClause
            branch = else_ is not None and child is else_ or (
                else_ is not None and an.span(else_)[0] <= an.span(child)[0] and an.span(child)[1] <= an.span(else_)[1])
            out.append((re.sub(r"\s+", "", text[cs_:ce_]), not branch))
        elif k in ("CaseStatement", "RandCaseStatement"):
            return None
        elif k in ("AlwaysBlock", "AlwaysFFBlock"):
            st = node.statement
            if str(st.kind).split(".")[-1] == "TimingControlStatement":
                ts, te = an.span(st.timingControl)
                out.append((re.sub(r"\s+", "", text[ts:te]), True))
            return tuple(reversed(out))
        elif k in ("ModuleDeclaration", "AlwaysCombBlock", "InitialBlock", "FunctionDeclaration"):
            return None
        child = node
        node = node.parent
    return None


# --------------------------------------------------------------------------------------------------
# the mirror


def _mirror(text: str, path: str, progress: bool = False, info: dict | None = None):
    """``(new text, description)`` or None: comparison flags, or with ``progress`` a shift chain's
    conjunction of comparisons as match-progress flags (other comparisons of it as flags)."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.histflag import _block, _fresh, _join
    from rtlopt.semantic.romsym import _strip_comments
    from rtlopt.templates._sem import analyze, strip

    an = analyze(text, path)
    if an.syntax_errors:
        return None
    port_syms = {s.internalSymbol.location.offset for s in an.symbols
                 if _k(s) == "PortSymbol" and s.internalSymbol is not None}
    psets = _param_sets(an)
    const0 = an.const

    def const(node):
        """Also ``{W{1'b0}}`` / ``{W{1'b1}}`` where slang gives no value (a generate block's)."""
        v = const0(node)
        n = strip(node)
        if v is None and _k(n) == "ReplicationExpression":
            inner = const0(n.concat)
            w_ = int(n.type.bitWidth or 0)
            if inner is not None and w_ and int(n.concat.type.bitWidth or 0) == 1:
                return (1 << w_) - 1 if inner & 1 else 0
        return v

    an.const = const
    store: dict[tuple, object] = {}
    for s in an.symbols:
        if _k(s) not in ("VariableSymbol", "NetSymbol") or s.location.offset in port_syms:
            continue
        if type(s.syntax).__name__ != "DeclaratorSyntax" or s.syntax.parent is None:
            continue
        if getattr(s.syntax, "initializer", None) is not None:
            continue
        par = s.syntax.parent
        if str(par.kind).split(".")[-1] not in ("DataDeclaration", "NetDeclaration"):
            continue
        ty = s.type
        if getattr(ty, "isUnpackedArray", False):
            et = ty.elementType
            if not et.isIntegral or et.isSigned or getattr(et, "isUnpackedArray", False):
                continue
        elif not ty.isIntegral or ty.isSigned:
            continue
        mod = _module_of(s.syntax)
        if mod is None:
            continue
        name = mod.header.name.valueText
        if len(psets.get(name, ())) > 1:
            continue  # elaborated with different parameters: constants and widths may differ per copy
        store.setdefault(_key(s), s)
    if not store:
        return None

    def whole(node):
        node = strip(node)
        if _k(node) in _VALUE and node.symbol is not None and _key(node.symbol) in store:
            return _key(node.symbol)
        return None

    # every reference to a storage: (key, form, span, lane width, flag text builder)
    refs: dict[tuple[int, int], tuple] = {}
    inner: set[tuple[int, int]] = set()
    bad: set[tuple] = set()
    for x in an.exprs:
        node = x.node
        kind = _k(node)
        if kind in ("ElementSelectExpression", "RangeSelectExpression"):
            k = whole(node.value)
            if k is None:
                continue
            vs, ve = _sp(an, strip(node.value))
            inner.add((vs, ve))
            w = int(node.type.bitWidth or 0)
            sym = store[k]
            if kind == "ElementSelectExpression":
                if not (getattr(sym.type, "isUnpackedArray", False) or
                        (_k(sym.type) == "PackedArrayType" and int(sym.type.elementType.bitWidth or 0) > 1)):
                    bad.add(k)  # a bit of a vector
                    continue
                refs[(x.start, x.end)] = (k, "elem", w, (vs, ve), text[ve:x.end])
            else:
                sel = str(node.selectionKind).split(".")[-1]
                if getattr(sym.type, "isUnpackedArray", False) or _k(sym.type) == "PackedArrayType" and \
                        int(sym.type.elementType.bitWidth or 0) > 1:
                    bad.add(k)
                    continue
                lsyn = node.left.syntax
                if sel == "Simple":
                    lo = an.const(node.right)
                    if lo is None or an.const(node.left) is None or lo % max(w, 1):
                        bad.add(k)  # (a lane's flag sits at its low bit: lanes start at multiples of W)
                        continue
                    idx = str(lo)
                elif sel == "IndexedUp":
                    ls, le = an.span(lsyn)
                    idx = text[ls:le].strip()
                    o = an.const(node.left)
                    if o is not None and o % max(w, 1):
                        bad.add(k)
                        continue
                else:
                    bad.add(k)
                    continue
                refs[(x.start, x.end)] = (k, "lane", w, (vs, ve), "[" + idx + "]")
    for x in an.exprs:
        if (x.start, x.end) in inner or (x.start, x.end) in refs:
            continue
        k = whole(x.node)
        if k is None:
            continue
        sym = store[k]
        if getattr(sym.type, "isUnpackedArray", False):
            bad.add(k)
            continue
        if _k(sym.type) == "PackedArrayType" and int(sym.type.elementType.bitWidth or 0) > 1:
            # the whole packed array: only as the target of a constant of equal elements (a reset)
            refs[(x.start, x.end)] = (k, "all", int(sym.type.elementType.bitWidth), (x.start, x.end), "")
            continue
        refs[(x.start, x.end)] = (k, "whole", int(sym.type.bitWidth or 0), (x.start, x.end), "")
    forms: dict[tuple, set] = {}
    widths: dict[tuple, set] = {}
    for k, form, w, _v, _t in refs.values():
        if form == "all":
            continue
        forms.setdefault(k, set()).add("lane" if form == "lane" else "word")
        widths.setdefault(k, set()).add(w)
    for k in forms:
        if len(forms[k]) > 1 or len(widths[k]) > 1 or not 2 <= next(iter(widths[k])) <= 64:
            bad.add(k)
    # classify every reference
    accounted: set[tuple[int, int]] = set()
    cmps: list[tuple] = []  # (span of the comparison, ref span, constant, op)
    assigns: list[tuple] = []  # (assignment ExprInfo, lhs ref span, rhs node, continuous)

    def refs_in(s, e):
        return [sp for sp in refs if s <= sp[0] and sp[1] <= e]

    for x in an.exprs:
        node = x.node
        kind = _k(node)
        if kind == "BinaryExpression" and _op(node) in _EQ:
            for a_, b_ in ((node.left, node.right), (node.right, node.left)):
                sp = _sp(an, strip(a_))
                if sp not in refs:
                    continue
                k, f_, w, _v, _t = refs[sp]
                c = an.const(b_)
                if f_ == "all":
                    bad.add(k)
                    break
                if c is None or int(strip(b_).type.bitWidth or 0) > w or strip(b_).type.isSigned:
                    bad.add(k)
                    break
                cmps.append(((x.start, x.end), sp, c & ((1 << w) - 1), _EQ[_op(node)]))
                accounted.add(sp)
                break
        elif kind == "AssignmentExpression":
            sp = _sp(an, strip(node.left))
            if sp not in refs:
                for r in refs_in(*_sp(an, strip(node.left))):
                    bad.add(refs[r][0])  # a part of a lane written
                continue
            k = refs[sp][0]
            if refs[sp][1] == "all":
                v = an.const(node.right)
                sym = store[k]
                w = refs[sp][2]
                n = int(sym.type.bitWidth) // w
                if v is None or not node.isNonBlocking or \
                        v != sum((v & ((1 << w) - 1)) << (i * w) for i in range(n)):
                    bad.add(k)
                    continue
            syn = x.node.syntax
            cont = syn is not None and syn.parent is not None and \
                str(syn.parent.kind).split(".")[-1] == "ContinuousAssign"
            if not node.isNonBlocking and not cont:
                bad.add(k)
                continue
            assigns.append((x, sp, node.right, cont))
            accounted.add(sp)
    # right-hand sides: lanes, constants, conditionals of them, other same-width values
    edges: list[tuple] = []

    def mirrorable(r, w, dst) -> bool:
        r = strip(r)
        sp = _sp(an, r)
        if sp in refs:
            k2, f2, w2, _v, _t = refs[sp]
            if w2 != w or f2 == "all":
                bad.add(k2)
                return False
            edges.append((k2, dst))
            accounted.add(sp)
            return True
        if an.const(r) is not None:
            return True
        if _k(r) == "ConditionalExpression" and len(r.conditions) == 1:
            cs, ce = an.span(r.conditions[0].expr.syntax)
            if refs_in(cs, ce):
                return False
            return mirrorable(r.left, w, dst) and mirrorable(r.right, w, dst)
        return not (int(r.type.bitWidth or 0) != w or r.type.isSigned or refs_in(*sp))

    for _x, sp, rhs, _c in assigns:
        k, _f, w, _v, _t = refs[sp]
        if not mirrorable(rhs, w, k):
            bad.add(k)
    for sp, (k, *_r) in refs.items():
        if sp not in accounted:
            bad.add(k)
    # groups connected by assignments; a group with one bad member is dropped whole
    group = {k: k for k in forms}

    def find(k):
        while group[k] != k:
            group[k] = group[group[k]]
            k = group[k]
        return k

    for a_, b_ in edges:
        if a_ in group and b_ in group:
            group[find(a_)] = find(b_)
    members: dict[tuple, set] = {}
    for k in forms:
        members.setdefault(find(k), set()).add(k)
    clean = _strip_comments(text)
    ok: set[tuple] = set()
    consts: dict[tuple, list] = {}
    plans: list[dict] = []
    stmt_of = {}
    for st, s_, e_ in an.statements:
        if _k(st) == "ExpressionStatement":
            stmt_of[_sp(an, strip(st.expr))] = (st, s_, e_)

    def idx_text(sp) -> str | None:
        k, form, _w, (vs, ve), tail = refs[sp]
        if form in ("elem", "lane"):
            return tail[1:-1]
        if form == "all":
            return None
        vt = text[vs:ve]
        m = re.search(rf"\[([^\[\]]*)\]\s*\.\s*{re.escape(k[0])}$", vt)
        if m:
            return m.group(1)
        if vt.strip() != k[0]:
            return None
        lp = store[k].syntax
        while lp is not None and str(lp.kind).split(".")[-1] not in ("LoopGenerate", "ModuleDeclaration"):
            lp = lp.parent
        if lp is None or str(lp.kind).split(".")[-1] == "ModuleDeclaration":
            return ""
        a_, b_ = an.span(lp)
        mm = _FOR.match(text[a_:b_])
        return mm.group(1) if mm else None

    def coord(sp, env):
        it = idx_text(sp)
        if it is None:
            return None
        v = 0 if it == "" else _ev(it, env)
        return None if v is None else (refs[sp][0], v)

    def _plan(ms, w):  # noqa: C901 - one walk over the chain's assignments
        from rtlopt.semantic.histflag import _and_leaves

        mods = {_module_of(store[m].syntax).header.name.valueText for m in ms}
        if len(mods) != 1:
            return None
        env0 = {**_pvals(an), **_pvals(an, next(iter(mods)))}

        gc = {xs: (sp, c, o) for xs, sp, c, o in cmps if refs[sp][0] in ms}
        best = None
        for x in an.exprs:
            node = x.node
            if _k(node) != "BinaryExpression" or _op(node) not in ("LogicalAnd", "BinaryAnd"):
                continue
            leaves = _and_leaves(node, _op(node))
            lsp = [_sp(an, leaf) for leaf in leaves]
            hits = [sp for sp in lsp if sp in gc]
            if len(hits) < 2 or (_op(node) == "BinaryAnd" and any(int(lf.type.bitWidth or 0) != 1 for lf in leaves)):
                continue
            if best is None or x.end - x.start > best[0].end - best[0].start:
                best = (x, _op(node), lsp, hits)
        if best is None or any(gc[h][2] != "==" for h in best[3]):
            return None
        ff_src, ff_rst, alias, ctl_s, ctl_r, xt = {}, {}, {}, set(), set(), set()
        rows = []  # (assignment span, index text, [(value, dst coordinate)])
        for x, sp, rhs, cont in assigns:
            if refs[sp][0] not in ms:
                continue
            lp = _loop(x.node.syntax, text, an, env0)
            if lp is None:
                return None
            var, vals = lp
            ctl = None
            if not cont:
                got = stmt_of.get((x.start, x.end))
                ctl = _controls(got[0].syntax, an, text) if got else None
                if ctl is None or (var and any(re.search(rf"\b{var}\b", c_) for c_, _b in ctl)):
                    return None  # the statement runs under a condition of the loop's variable
            row = []
            for v in vals:
                env = {**env0, var: v} if var else env0
                if refs[sp][1] == "all":
                    n = int(store[refs[sp][0]].type.bitWidth) // w
                    c0 = an.const(rhs) & ((1 << w) - 1)
                    for i in range(n):
                        ff_rst[(refs[sp][0], i)] = c0
                    ctl_r.add(ctl)
                    continue
                dst = coord(sp, env)
                if dst is None:
                    return None
                row.append((v, dst))
                r = strip(rhs)
                while _k(r) == "ConditionalExpression":
                    ps_, pe_ = _sp(an, r.conditions[0].expr)
                    pv = _ev(text[ps_:pe_], env)
                    if pv is None:
                        return None
                    r = strip(r.left) if pv else strip(r.right)
                rs_ = _sp(an, r)
                if rs_ in refs:
                    src = coord(rs_, env)
                    if src is None:
                        return None
                    tgt = alias if cont else ff_src
                    if dst in tgt:
                        return None
                    tgt[dst] = src
                    if not cont:
                        ctl_s.add(ctl)
                elif an.const(r) is not None:
                    if cont or dst in ff_rst:
                        return None
                    ff_rst[dst] = an.const(r) & ((1 << w) - 1)
                    ctl_r.add(ctl)
                else:
                    if cont or dst in ff_src:
                        return None
                    ff_src[dst] = "X"
                    xt.add(re.sub(r"\s+", " ", text[rs_[0]:rs_[1]].strip()))
                    ctl_s.add(ctl)
            if refs[sp][1] != "all":
                rows.append(((x.start, x.end), idx_text(sp), row))
        if len(ctl_s) != 1 or len(ctl_r) > 1 or len(xt) != 1:
            return None
        if ctl_r and not set(ff_src) <= set(ff_rst):
            return None
        depth: dict = {}

        def dep(c_, seen=()):
            if c_ in depth:
                return depth[c_]
            if c_ in seen:
                return None
            if c_ in alias:
                d_ = dep(alias[c_], (*seen, c_))
            elif c_ in ff_src:
                s2 = ff_src[c_]
                d2 = 0 if s2 == "X" else dep(s2, (*seen, c_))
                d_ = None if d2 is None else d2 + 1
            else:
                d_ = None
            depth[c_] = d_
            return d_

        pat = {}
        deepest = None
        for h in best[3]:
            c_ = coord(gc[h][0], env0)
            d_ = None if c_ is None else dep(c_)
            if d_ is None or d_ in pat:
                return None
            pat[d_] = gc[h][1]
            if deepest is None or d_ > deepest[0]:
                deepest = (d_, gc[h][0])
        k = max(pat)
        byd: dict[int, list] = {}
        for c_ in ff_src:
            if dep(c_) is not None:
                byd.setdefault(dep(c_), []).append(c_)
        if any(len(byd.get(d_, [])) != 1 for d_ in range(1, k + 1)):
            return None
        extra = [(xs, v) for xs, v in gc.items() if xs not in best[3]]
        ex_depth: dict[int, int] = {}
        for _xs, (sp2, c2, _o) in extra:
            c_ = coord(sp2, env0)
            d_ = None if c_ is None else dep(c_)
            if d_ is None:
                return None
            ex_depth[c2] = max(ex_depth.get(c2, 0), d_)
        allc: dict[int, int] = dict(ex_depth)
        for d_, c2 in pat.items():
            allc[c2] = max(allc.get(c2, 0), d_)
        n_prog = k + sum(ex_depth.values())
        if n_prog >= sum(allc.values()) or n_prog >= k * w:
            return None
        r0 = {dep(c_): ff_rst[c_] for c_ in ff_src if dep(c_) is not None and c_ in ff_rst}

        def rst_of(d_):
            return int(all(pat.get(i + k - d_) is None or r0.get(i) == pat[i + k - d_] for i in range(1, d_ + 1)))

        tables = {}
        for span_, it, row in rows:
            tab = {}
            for _v, dst in row:
                d_ = dep(dst)
                if d_ is None:
                    return None
                tab[dst[1]] = (pat.get(k - d_ + 1), rst_of(d_) if d_ <= k else 0)
            tables[span_] = (it, tab)
        return dict(root=best, k=k, pat=pat, extra=sorted(ex_depth), x=next(iter(xt)), tables=tables,
                    deep=deepest[1], ms=ms, n=n_prog, was=sum(allc.values()))

    for ms in members.values():
        if ms & bad:
            continue
        cs = sorted({c for _x, sp, c, _o in cmps if refs[sp][0] in ms})
        w = next(iter(widths[next(iter(ms))]))
        if any(next(iter(widths[m])) != w for m in ms):
            continue
        if progress:
            pl = _plan(ms, w)
            if pl is None:
                continue
            cs = pl["extra"] + ["P"]
            plans.append(pl)
        elif not cs or len(cs) >= w:
            continue
        if not any(refs[sp][0] in ms for _x, sp, _r, _c in assigns):
            continue
        # every mention in the module's text is a reference found (or the declaration)
        good = True
        for m in ms:
            sym = store[m]
            mod = _module_of(sym.syntax)
            ms_, me_ = an.span(mod)
            n = len(re.findall(rf"(?<![\w$']){re.escape(m[0])}(?![\w$])", clean[ms_:me_]))
            if n != 1 + sum(1 for r in refs.values() if r[0] == m):
                good = False
        if not good:
            continue
        # a flip-flop somewhere (an always assignment)
        if not any(refs[sp][0] in ms and not cont for _x, sp, _r, cont in assigns):
            continue
        ok |= ms
        for m in ms:
            consts[m] = cs
    if not ok:
        return None
    fresh = _fresh(text)
    fname = {(m, c): fresh(f"{m[0]}_pm" if c == "P" else f"{m[0]}_is_{c:x}") for m in sorted(ok) for c in consts[m]}

    def flag(sp, c) -> str:
        k, form, _w, (vs, ve), tail = refs[sp]
        vt = text[vs:ve].strip()
        while vt.startswith("(") and vt.endswith(")") and not tail:
            vt = vt[1:-1].strip()  # a parenthesized whole reference
        if not vt.endswith(k[0]):
            raise ValueError("reference not spelled with its name")
        return vt[: len(vt) - len(k[0])] + fname[(k, c)] + tail

    def table(it, vals: dict, lit) -> str:
        vs = [v for v in vals.values() if v is not None]
        if len(set(vs)) <= 1:
            return lit(vs[0] if vs else 0)
        dflt = max(set(vs), key=vs.count)  # the most frequent value is the default arm
        items = [(i, v) for i, v in sorted(vals.items()) if v is not None and v != dflt]
        it = it if re.fullmatch(_IDENT, it.strip()) else f"({it})"
        return "(" + " : ".join(f"{it} == {i} ? {lit(v)}" for i, v in items) + f" : {lit(dflt)})"

    def xtext(pl) -> str:
        return pl["x"] if re.fullmatch(_IDENT, pl["x"]) else "(" + pl["x"] + ")"

    def ptext(r, w, ctx) -> str:
        pl, it, tab, cont = ctx
        r = strip(r)
        sp = _sp(an, r)
        pat = table(it, {i: p_ for i, (p_, _r) in tab.items()}, lambda v: f"{w}'h{v:x}")
        if sp in refs:
            return flag(sp, "P") if cont else f"{flag(sp, 'P')} && {xtext(pl)} == {pat}"
        if an.const(r) is not None:
            return table(it, {i: r_ for i, (_p, r_) in tab.items()}, lambda v: f"1'b{v}")
        if _k(r) == "ConditionalExpression":
            ls, le = _sp(an, strip(r.left))
            rs, re_ = _sp(an, strip(r.right))
            a_, b_ = ptext(r.left, w, ctx), ptext(r.right, w, ctx)
            a_ = a_ if re.fullmatch(r"[\w$.\[\]]*", a_) else f"({a_})"
            b_ = b_ if re.fullmatch(r"[\w$.\[\]]*", b_) else f"({b_})"
            return text[sp[0]:ls] + a_ + text[le:rs] + b_ + text[re_:sp[1]]
        return f"{xtext(pl)} == {pat}"

    def mtext(r, w, c) -> str:
        r = strip(r)
        sp = an.span(r.syntax)
        if sp in refs:
            return flag(sp, c)
        v = an.const(r)
        if v is not None:
            return "1'b1" if (v & ((1 << w) - 1)) == c else "1'b0"
        if _k(r) == "ConditionalExpression":
            ls, le = _sp(an, strip(r.left))
            rs, re_ = _sp(an, strip(r.right))
            a_, b_ = mtext(r.left, w, c), mtext(r.right, w, c)
            a_ = a_ if re.fullmatch(r"[\w$.\[\]:+*()' -]*", a_) and "==" not in a_ else f"({a_})"
            b_ = b_ if "==" not in b_ else f"({b_})"
            return text[sp[0]:ls] + a_ + text[le:rs] + b_ + text[re_:sp[1]]
        t = text[sp[0]:sp[1]].strip()
        return f"{t if re.fullmatch(_IDENT, t) else f'({t})'} == {w}'h{c:x}"

    eds: list[Edit] = []
    skip: set = set()
    for pl in plans:
        x, op_, lsp, hits = pl["root"]
        skip |= set(hits)
        others = [text[a_:b_].strip() for a_, b_ in lsp if (a_, b_) not in set(hits)]
        join = " && " if op_ == "LogicalAnd" else " & "
        head = flag(pl["deep"], "P")
        eds.append(Edit(x.start, x.end, head if not others else "(" + join.join(
            [head] + [o if re.fullmatch(_IDENT, o) else f"({o})" for o in others]) + ")"))
    plan_of = {m: pl for pl in plans for m in pl["ms"]}
    for (s_, e_), sp, c, o in cmps:
        if refs[sp][0] in ok and (s_, e_) not in skip:
            eds.append(Edit(s_, e_, flag(sp, c) if o == "==" else f"!{flag(sp, c)}"))
    for x, sp, rhs, cont in assigns:
        k, _f, w, _v, _t = refs[sp]
        if k not in ok:
            continue
        op = "<=" if x.node.isNonBlocking else "="
        pl = plan_of.get(k)
        parts = []
        for c in consts[k]:
            if refs[sp][1] == "all":
                n = int(store[k].type.bitWidth) // w
                v = an.const(rhs) & ((1 << w) - 1)
                if c == "P" and v in pl["pat"].values():
                    return None  # a reset to a pattern value: the flags' reset differs per depth
                parts.append(f"{flag(sp, c)} {op} {{{n}{{1'b{0 if c == 'P' else int(v == c)}}}}}")
            elif c == "P":
                it, tab = pl["tables"][(x.start, x.end)]
                parts.append(f"{flag(sp, c)} {op} {ptext(rhs, w, (pl, it, tab, cont))}")
            else:
                parts.append(f"{flag(sp, c)} {op} {mtext(rhs, w, c)}")
        if cont:
            ca = x.node.syntax.parent
            if len(ca.assignments) != 1:
                return None
            s_, e_ = an.span(ca)
            head = text[s_:x.start]
            eds.append(Edit(s_, e_, _join(text, s_, [f"{head}{p};" for p in parts])))
            continue
        got = stmt_of.get((x.start, x.end))
        if got is None:
            return None
        st, s_, e_ = got
        ps = [f"{p};" for p in parts]
        body = _join(text, s_, ps)
        par = st.syntax.parent
        if len(ps) > 1 and (par is None or str(par.kind).split(".")[-1] != "SequentialBlockStatement"):
            body = _block(text, s_, ps)
        eds.append(Edit(s_, e_, body))
    # declarations
    done = set()
    for m in sorted(ok):
        d = store[m].syntax.parent
        ds, de = an.span(d)
        if (ds, de) in done:
            continue
        done.add((ds, de))
        decls = [x for x in d.declarators if hasattr(x, "name")]
        first = an.span(decls[0])[0]
        tp = text[ds:first]
        keep, new_parts = [], []
        for dcl in decls:
            nm = dcl.name.valueText
            key = next((k for k in ok if k[0] == nm and store[k].syntax.parent is d), None)
            if key is None:
                a_, b_ = an.span(dcl)
                keep.append(text[a_:b_])
                continue
            a_, b_ = an.span(dcl)
            dims = text[a_:b_][len(nm):]
            form = next(r[1] for r in refs.values() if r[0] == key)
            for c in consts[key]:
                new_parts.append((form, fname[(key, c)] + dims))
        if not new_parts:
            continue
        form = new_parts[0][0]
        if any(f_ != form for f_, _n in new_parts):
            return None
        if form == "lane":
            ftp = tp
        else:  # a word per flag: the declaration without its last packed dimension
            mm = re.match(r"(\s*)((?:var\s+)?(?:reg|logic|wire|bit)\b(?:\s+unsigned)?)((?:\s*\[[^\]]*\])*)\s*$", tp)
            if mm is None:
                return None
            dims = re.findall(r"\[[^\]]*\]", mm.group(3))
            ftp = mm.group(1) + mm.group(2) + (" " + "".join(dims[:-1]) if len(dims) > 1 else "") + " "
        decl = ftp + ", ".join(n for _f, n in new_parts) + ";"
        if keep:
            eds.append(Edit(ds, de, tp + ", ".join(keep) + ";\n  " + decl.lstrip()))
        else:
            eds.append(Edit(ds, de, decl))
    try:
        new = apply_edits(text, eds)
    except ValueError:
        return None
    if new == text or not _clean(new, an):
        return None
    if info is not None:
        info["covered"] = len(ok)
    if plans:
        what = "; ".join(
            f"{', '.join(sorted(m[0] for m in pl['ms']))} compared with the pattern "
            + " ".join(f"{pl['pat'].get(d, 0):x}" for d in range(pl["k"], 0, -1))
            + f" kept as {pl['k']} match-progress flag(s)"
            + (f" and {len(pl['extra'])} comparison flag(s)" if pl["extra"] else "")
            + f" ({pl['n']} flip-flops, comparison flags {pl['was']})" for pl in plans)
        return new, f"history shift chain (mirrored lanes): {what}"
    what = ", ".join(f"{m[0]} ({next(iter(widths[m]))}-bit {'lanes' if 'lane' in forms[m] else 'words'}) as "
                     f"{len(consts[m])} flag(s)" for m in sorted(ok))
    return new, f"history storage read only through constant comparisons mirrored as comparison flags: {what}"


# --------------------------------------------------------------------------------------------------
# function inlining


def _inline_calls(text: str, path: str) -> str:
    """Calls of one-assignment 1-bit functions (and tasks ``o = <expr>;`` with one 1-bit output) with a
    lane of a non-port variable among their arguments, inlined (the argument texts substituted for the
    formals; a task call statement becomes ``<output actual> = <expr>;``)."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.templates._sem import analyze, strip

    an = analyze(text, path)
    if an.syntax_errors:
        return text
    port_syms = {s.internalSymbol.location.offset for s in an.symbols
                 if _k(s) == "PortSymbol" and s.internalSymbol is not None}
    eds = []
    seen = set()
    stmt_at = {_sp(an, strip(st.expr)): (s_, e_) for st, s_, e_ in an.statements
               if _k(st) == "ExpressionStatement" and _k(strip(st.expr)) == "CallExpression"}
    for x in an.exprs:
        node = x.node
        if _k(node) != "CallExpression" or (x.start, x.end) in seen:
            continue
        sub = node.subroutine
        kind = str(getattr(sub, "subroutineKind", "")).split(".")[-1]
        if _k(sub) != "SubroutineSymbol" or sub.syntax is None or kind not in ("Function", "Task"):
            continue
        if _k(sub.body) != "ExpressionStatement":
            continue
        asg = strip(sub.body.expr)
        if _k(asg) != "AssignmentExpression" or strip(asg.left).symbol is None:
            continue
        formals = list(sub.arguments)
        args = list(node.arguments)
        out_actual = None
        if kind == "Function":
            if int(sub.returnType.bitWidth or 0) != 1 or strip(asg.left).symbol.name != sub.name:
                continue
        else:
            # a task ``t(a, b, y)`` whose body is ``o = <expr of the inputs>;`` with ``o`` its one output:
            # the call statement becomes ``y = (<expr>);`` (a task's output is copied back on return)
            outs = [i for i, f in enumerate(formals) if str(f.direction).split(".")[-1] == "Out"]
            if len(outs) != 1 or strip(asg.left).symbol is not formals[outs[0]] or asg.isNonBlocking or \
                    (x.start, x.end) not in stmt_at or len(args) != len(formals):
                continue
            oa = strip(args[outs[0]])
            oa = strip(oa.left) if _k(oa) == "AssignmentExpression" else oa
            if _k(oa) not in _VALUE or int(oa.type.bitWidth or 0) != 1 or \
                    int(formals[outs[0]].type.bitWidth or 0) != 1:
                continue
            os_, oe_ = _sp(an, oa)
            out_actual = text[os_:oe_].strip()
            formals = [f for i, f in enumerate(formals) if i != outs[0]]
            args = [a_ for i, a_ in enumerate(args) if i != outs[0]]
        if len(formals) != len(args) or any(str(f.direction).split(".")[-1] != "In" for f in formals):
            continue
        # every local other than the formals and the result: refuse
        loc = [m for m in sub if _k(m) == "VariableSymbol" and m.name != sub.name
               and m.name not in {f.name for f in sub.arguments}]
        if loc:
            continue
        hist = False
        texts, acts = [], []
        for f, a_ in zip(formals, args, strict=True):
            a_ = strip(a_)
            if int(a_.type.bitWidth or 0) != int(f.type.bitWidth or 0) or a_.type.isSigned != f.type.isSigned:
                break
            s_, e_ = _sp(an, a_)
            t = text[s_:e_].strip()
            v = a_.value if _k(a_) in ("ElementSelectExpression", "RangeSelectExpression") else a_
            v = strip(v)
            if _k(v) in _VALUE and v.symbol is not None and _k(v.symbol) in ("VariableSymbol", "NetSymbol") and \
                    v.symbol.location.offset not in port_syms:
                hist = True
            texts.append(t if re.fullmatch(_REF, t) else f"({t})")
            acts.append(a_)
        else:
            if not hist:
                continue
            rs, re_ = _sp(an, strip(asg.right))
            body = text[rs:re_]
            if int(strip(asg.right).type.bitWidth or 0) != 1:
                continue
            # substitute the formals (identifier tokens) -- reading the body's names from its expressions
            subs = []
            for y in an.exprs:
                if rs <= y.start and y.end <= re_ and _k(y.node) == "NamedValueExpression":
                    sym = y.node.symbol
                    for i, f in enumerate(formals):
                        if sym is f:
                            subs.append((y.start - rs, y.end - rs, texts[i]))
                elif rs <= y.start and y.end <= re_ and \
                        _k(y.node) in ("RangeSelectExpression", "ElementSelectExpression"):
                    # a select of a formal (its value has no expression of its own)
                    v = strip(y.node.value)
                    i = next((i for i, f in enumerate(formals) if _k(v) == "NamedValueExpression" and
                              v.symbol is f), None)
                    if i is None:
                        continue
                    got = _select_text(an, y.node, formals[i], acts[i], texts[i])
                    if got is None:
                        subs = None
                        break
                    if got[0] == "value":
                        vs_, ve_ = _sp(an, v)
                        subs.append((vs_ - rs, ve_ - rs, got[1]))
                    else:
                        subs.append((y.start - rs, y.end - rs, got[1]))
            if subs is None:
                continue
            names = set(re.findall(_IDENT, body))
            if any(f.name in names for f in formals) and len(subs) < sum(
                    len(re.findall(rf"(?<![\w$.]){re.escape(f.name)}(?![\w$])", body)) for f in formals):
                continue
            for a_, b_, t in sorted(subs, reverse=True):
                body = body[:a_] + t + body[b_:]
            seen.add((x.start, x.end))
            if out_actual is None:
                eds.append(Edit(x.start, x.end, f"({body.strip()})"))
            else:
                s_, e_ = stmt_at[(x.start, x.end)]
                eds.append(Edit(s_, e_, f"{out_actual} = {body.strip()};"))
    if not eds:
        return text
    try:
        return apply_edits(text, eds)
    except ValueError:
        return text


def _select_text(an, sel, formal, act, atext: str):
    """How a select of a formal reads with the actual: ``("value", text)`` (the actual's text in place
    of the formal's name: the same bit layout), ``("select", text)`` (the whole select: the elements of
    a packed-array actual, ``x[31:24]`` -> ``win[3]``), or None."""
    ft, at = formal.type, act.type
    if _k(act) not in _VALUE or not re.fullmatch(_REF, atext):
        return None  # no select of a select or of a parenthesized expression
    try:
        fr, ar = ft.fixedRange, at.fixedRange
        ew = int(at.elementType.bitWidth or 0)
    except Exception:  # noqa: BLE001 - not a packed vector
        return None
    if str(ft) == str(at) or (ew == 1 and (ar.left, ar.right) == (fr.left, fr.right)):
        return ("value", atext)
    n = int(ft.bitWidth or 0)
    if ew <= 1 or (fr.left, fr.right) != (n - 1, 0) or ar.left < ar.right or (ar.upper - ar.lower + 1) * ew != n:
        return None
    if _k(sel) == "RangeSelectExpression":
        if str(sel.selectionKind).split(".")[-1] != "Simple":
            return None
        hi, lo = an.const(sel.left), an.const(sel.right)
    else:
        hi = lo = an.const(sel.selector)
    if hi is None or lo is None or lo % ew or (hi + 1) % ew or hi < lo:
        return None  # not whole elements
    eh, el = hi // ew + ar.lower, lo // ew + ar.lower
    return ("select", f"{atext}[{eh}]" if eh == el else f"{atext}[{eh}:{el}]")


# --------------------------------------------------------------------------------------------------
# pushing a parent's reads of a child's output bus into the child


def _pushdown(text: str, path: str) -> str:
    """Expressions of a parent that read only output buses of one child instance (and constants) moved
    into the child as new outputs; the buses become nets of the child."""
    from rtlopt.engine.parampin import has_parameters
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.histflag import _fresh
    from rtlopt.semantic.romsym import _strip_comments
    from rtlopt.templates._sem import analyze, strip

    an = analyze(text, path)
    if an.syntax_errors:
        return text
    clean = _strip_comments(text)
    insts = _instances(an)
    main_buf = an.tree.root.getLastToken().location.buffer
    mods = {}
    for s in an.symbols:
        if _k(s) == "InstanceSymbol" and s.definition.syntax is not None:
            mods[s.definition.name] = s.definition.syntax
    port_syms = {s.internalSymbol.location.offset for s in an.symbols
                 if _k(s) == "PortSymbol" and s.internalSymbol is not None}
    fresh = _fresh(text)
    eds: list[Edit] = []
    used_inst = {}
    for cname, lst in insts.items():
        csyn = mods.get(cname)
        if csyn is None or csyn.sourceRange.start.buffer != main_buf:
            continue
        for inst in lst:
            nets = {}  # offset of t -> (port, ansi port syntax, t symbol, connection syntax)
            for pc in inst.portConnections:
                p = pc.port
                e = pc.expression
                if _k(p) != "PortSymbol" or str(p.direction).split(".")[-1] != "Out" or \
                        _k(e) != "AssignmentExpression" or p.internalSymbol is None:
                    continue
                t = strip(e.left)
                if _k(t) != "NamedValueExpression" or _k(t.symbol) not in ("NetSymbol", "VariableSymbol") or \
                        t.symbol.location.offset in port_syms:
                    continue
                tsym = t.symbol
                pt = p.internalSymbol.type
                if str(tsym.type) != str(pt) and not (  # 'reg [5:0]' port, 'wire [5:0]' net: the same bits
                        tsym.type.isIntegral and pt.isIntegral and not getattr(pt, "isUnpackedArray", False)
                        and not getattr(tsym.type, "isUnpackedArray", False)
                        and int(tsym.type.bitWidth or 0) == int(pt.bitWidth or 0)
                        and bool(tsym.type.isSigned) == bool(pt.isSigned)):
                    continue
                if tsym.syntax is None or getattr(tsym.syntax, "initializer", None) is not None:
                    continue
                psyn = p.syntax.parent if p.syntax is not None else None
                if psyn is None or str(psyn.kind).split(".")[-1] != "ImplicitAnsiPort" or \
                        str(psyn.header.kind).split(".")[-1] not in ("VariablePortHeader", "NetPortHeader") or \
                        not str(psyn.header.direction).strip():
                    continue
                conn = t.syntax
                while conn is not None and str(conn.kind).split(".")[-1] != "NamedPortConnection":
                    conn = conn.parent
                if conn is None:
                    continue
                nets[tsym.location.offset] = (p, psyn, tsym, conn, an.span(t.syntax))
            if not nets:
                continue
            pmod = _module_of(inst.syntax)
            ps_, pe_ = an.span(pmod)
            # every reference to those nets (the value of a select has no syntax: its select's is kept)
            tref, tsyn_of = [], {}
            conns = {v[4] for v in nets.values()}
            for y in an.exprs:
                v = strip(y.node.value) if _k(y.node) in ("ElementSelectExpression",
                                                         "RangeSelectExpression") else None
                if v is not None and _k(v) == "NamedValueExpression" and v.symbol is not None and \
                        v.symbol.location.offset in nets:
                    sp = _sp(an, v)
                    tref.append((sp, v.symbol.location.offset))
                    tsyn_of[sp] = y.node.syntax
                elif _k(y.node) == "NamedValueExpression" and y.node.symbol is not None and \
                        y.node.symbol.location.offset in nets and (y.start, y.end) not in conns:
                    tref.append(((y.start, y.end), y.node.symbol.location.offset))
                    tsyn_of[(y.start, y.end)] = y.node.syntax
            spans = {sp for sp, _o in tref}
            drop = set()
            for off, (_p, _ps, tsym, _c, _cs) in nets.items():
                n = len(re.findall(rf"(?<![\w$.']){re.escape(tsym.name)}(?![\w$])", clean[ps_:pe_]))
                mine = sum(1 for _sp2, o in tref if o == off)
                if not mine or n != 2 + mine:
                    drop.add(off)
            tops = set()
            for (a_, b_), off in tref:
                syn = tsyn_of[(a_, b_)]
                best = None
                while syn is not None and syn.parent is not None:
                    syn = syn.parent
                    sp = an.span(syn)
                    info = an.by_span.get(sp)
                    if info is None:
                        if str(syn.kind).split(".")[-1].endswith("Expression"):
                            continue  # e.g. the binary syntax inside its parentheses
                        break
                    inside = [y for y in an.exprs if sp[0] <= y.start and y.end <= sp[1]]
                    if any(_k(y.node) in _VALUE + ("CallExpression",) and (
                            _k(y.node) != "NamedValueExpression" or y.node.symbol is None or
                            y.node.symbol.location.offset not in nets or
                            y.node.symbol.location.offset in drop) for y in inside):
                        break
                    if any(_k(y.node) in ("ElementSelectExpression", "RangeSelectExpression") and
                           _sp(an, strip(y.node.value)) not in spans for y in inside):
                        break
                    if _k(info.node) == "AssignmentExpression":
                        break
                    best = info
                if best is None or _k(best.node) in ("ElementSelectExpression", "RangeSelectExpression"):
                    drop.add(off)
                    continue
                tops.add((best.start, best.end))
            # a top that reads a dropped bus is not moved; a bus read by no moved top is not moved
            tops, keep = _prune_tops(tops, tref, drop, nets)
            if not keep or not tops:
                continue
            used_inst[inst.name] = (inst, keep, sorted(tops), [r for r in tref if r[1] in keep], tsyn_of)
    if not used_inst:
        return text
    appended: dict[str, list[str]] = {}
    for cname, lst in insts.items():
        mine = [used_inst[i.name] for i in lst if i.name in used_inst and used_inst[i.name][0] is i]
        if not mine:
            continue
        csyn = mods[cname]
        ms_, me_ = an.span(csyn)
        # a parameterized child is copied for the instance (``<module>_rtlopt_i<inst>``, the search's
        # module copies, engine.parampin): its rewrite holds at that instance's values only
        param = has_parameters(text[ms_:me_])
        for inst, keep, tops, tref, tsyn_of in mine:
            in_place = len(lst) == 1 and not param
            target = cname if in_place else f"{cname}_rtlopt_i{inst.name}"
            if not in_place and re.search(rf"(?<![\w$]){re.escape(target)}(?![\w$])", text):
                return text
            ceds: list[Edit] = []  # edits relative to the child module's text
            body_decl, body_assign = [], []
            first_port = None
            alias: dict[str, str] = {}  # a port driven by one 'assign p = <lane>;' alone: read that lane
            lanes: dict[str, dict] = {}  # ... by 'assign p = {a, b, c};': each select of p reads its operands
            for _o, (p, _psyn, _tsym, _conn, _cs) in keep.items():
                ins = [y for y in an.exprs if ms_ <= y.start and y.end <= me_ and _k(y.node) == "AssignmentExpression"
                       and _k(strip(y.node.left)) == "NamedValueExpression" and strip(y.node.left).symbol is not None
                       and strip(y.node.left).symbol.location.offset == p.internalSymbol.location.offset]
                n = len(re.findall(rf"(?<![\w$.']){re.escape(p.name)}(?![\w$])", clean[ms_:me_]))
                if len(ins) != 1 or n != 2 or ins[0].node.syntax is None or \
                        str(ins[0].node.syntax.parent.kind).split(".")[-1] != "ContinuousAssign" or \
                        len(ins[0].node.syntax.parent.assignments) != 1:
                    continue
                r = strip(ins[0].node.right)
                if _k(r) == "ConcatenationExpression":
                    got = _concat_alias(an, text, r, p, [(sp, tsyn_of[sp]) for sp, o in tref if o == _o])
                    if got is None:
                        continue
                    lanes[p.name] = got
                else:
                    v = strip(r.value) if _k(r) in ("ElementSelectExpression", "RangeSelectExpression") else r
                    if _k(v) not in _VALUE or int(r.type.bitWidth or 0) != int(p.internalSymbol.type.bitWidth or 0) or \
                            r.type.isSigned or not r.type.isIntegral or getattr(r.type, "isUnpackedArray", False):
                        continue
                    rs, re_ = _sp(an, r)
                alias[p.name] = text[rs:re_].strip() if p.name not in lanes else ""
                cs2, ce2 = an.span(ins[0].node.syntax.parent)
                ls = text.rfind("\n", 0, cs2) + 1
                le = text.find("\n", ce2)
                if not text[ls:cs2].strip() and not text[ce2:le if le >= 0 else len(text)].strip():
                    cs2, ce2 = ls, (le + 1 if le >= 0 else len(text))  # the whole line
                ceds.append(Edit(cs2 - ms_, ce2 - ms_, ""))
            for _o, (p, psyn, _tsym, _conn, _cs) in sorted(keep.items(), key=lambda kv: an.span(kv[1][1])):
                a_, b_ = an.span(psyn)
                hs, he = an.span(psyn.header)
                dcl_s, dcl_e = an.span(p.syntax)
                kw = re.sub(r"^\s*output\b\s*", "", text[hs:he])
                if not re.match(r"(?:wire|reg|logic|var\s+logic|bit)\b", kw):
                    kw = ("wire " + kw).strip()
                if p.name not in alias:
                    body_decl.append(f"{kw.strip()} {text[dcl_s:dcl_e]};")
                if first_port is None:
                    first_port = (a_, b_, p.name)
                else:  # the port and the comma before it
                    c_ = text.rfind(",", 0, a_)
                    ceds.append(Edit(c_ - ms_, b_ - ms_, ""))
            outs, pconns, newdecl = [], [], []
            for i_, (s_, e_) in enumerate(tops):
                info = an.by_span[(s_, e_)]
                w = int(info.node.type.bitWidth or 0)
                oname = fresh(f"{first_port[2]}_hf{i_}")
                wname = fresh(f"{inst.name}_{first_port[2]}_hf{i_}")
                rng = f"[{w - 1}:0] " if w > 1 else ""
                outs.append(f"output {rng}{oname}")
                body = text[s_:e_]
                subs = []
                for (a2, b2), o in tref:
                    if s_ <= a2 and b2 <= e_:
                        if keep[o][0].name in lanes:
                            ss_, se_ = an.span(tsyn_of[(a2, b2)])
                            subs.append((ss_ - s_, se_ - s_, lanes[keep[o][0].name][(a2, b2)]))
                            continue
                        nm = alias.get(keep[o][0].name, keep[o][0].name)
                        sel = text[b2:b2 + 1] == "["
                        simple = re.fullmatch(_REF, nm) and not (sel and nm.endswith("]"))
                        subs.append((a2 - s_, b2 - s_, nm if simple else f"({nm})"))
                for a2, b2, nm in sorted(subs, reverse=True):
                    body = body[:a2] + nm + body[b2:]
                body_assign.append(f"assign {oname} = {body.strip()};")
                eds.append(Edit(s_, e_, wname))
                pconns.append(f".{oname}({wname})")
                newdecl.append(f"wire {rng}{wname};")
            ceds.append(Edit(first_port[0] - ms_, first_port[1] - ms_, ", ".join(outs)))
            # the parent: connections (the first one becomes the new ones, the others go), declarations
            cl = sorted(an.span(v[3]) for v in keep.values())
            eds.append(Edit(cl[0][0], cl[0][1], ", ".join(pconns)))
            for a_, b_ in cl[1:]:
                c_ = text.rfind(",", 0, a_)
                eds.append(Edit(c_, b_, ""))
            bydecl: dict[tuple, list] = {}
            for v in keep.values():
                d = v[2].syntax.parent
                bydecl.setdefault(an.span(d), [d, set()])[1].add(v[2].name)
            ind = "\n  "
            first = True
            for (ds, de), (d, names) in sorted(bydecl.items()):
                decls = [x for x in d.declarators if hasattr(x, "name")]
                rest = [x for x in decls if x.name.valueText not in names]
                add = ind.join(newdecl) if first else ""
                first = False
                if not rest:
                    eds.append(Edit(ds, de, add))
                else:
                    tp = text[ds:an.span(decls[0])[0]]
                    kept = ", ".join(text[an.span(x)[0]:an.span(x)[1]] for x in rest)
                    eds.append(Edit(ds, de, tp + kept + ";" + (ind + add if add else "")))
            hdr_end = an.span(csyn.header)[1] - ms_
            if body_decl:
                ceds.append(Edit(hdr_end, hdr_end, "".join(f"\n  {d}" for d in body_decl)))
            # the moved expressions at the end of the body (after every declaration they read)
            em = text.rfind("endmodule", ms_, me_) - ms_
            ls = text.rfind("\n", 0, em + ms_) + 1 - ms_
            at = ls if not text[ls + ms_:em + ms_].strip() else em
            ceds.append(Edit(at, at, "".join(f"  {d}\n" for d in body_assign)))
            if not in_place:
                tok = csyn.header.name
                ns = an.off(tok.location.offset)
                ceds.append(Edit(ns - ms_, ns - ms_ + len(tok.valueText), target))
                tok = inst.syntax.parent.type
                a_ = an.off(tok.location.offset)
                eds.append(Edit(a_, a_ + len(tok.valueText), target))
                appended.setdefault(cname, []).append(apply_edits(text[ms_:me_], ceds))
            else:
                eds += [Edit(ed.start + ms_, ed.end + ms_, ed.replacement) for ed in ceds]
        if appended.get(cname):
            eds.append(Edit(me_, me_, "".join("\n\n" + m for m in appended[cname])))
    try:
        return apply_edits(text, eds)
    except ValueError:
        return text


def _concat_alias(an, text: str, r, p, sels: list) -> dict | None:
    """A child's output port driven by ``assign p = {a, b, c};`` (operands: references of unsigned
    vectors, array words or lanes): for each of the parent's selects of the port's net (``t[15:8]``),
    the operand text it reads (``b``; several whole operands: their concatenation; a part of an
    operand spelled as a plain name: its part-select). None when a select is not one of those (or the
    net is read whole)."""
    from rtlopt.templates._sem import strip

    pw = int(p.internalSymbol.type.bitWidth or 0)
    try:
        rng = p.internalSymbol.type.fixedRange
    except Exception:  # noqa: BLE001
        return None
    if int(r.type.bitWidth or 0) != pw or r.type.isSigned or (rng.lower, rng.upper) != (0, pw - 1) or \
            rng.left != pw - 1:
        return None
    ops = []  # (hi, lo, text, plain name)
    hi = pw - 1
    for o in r.operands:
        o = strip(o)
        v = strip(o.value) if _k(o) in ("ElementSelectExpression", "RangeSelectExpression") else o
        ow = int(o.type.bitWidth or 0)
        if _k(v) not in _VALUE or ow <= 0 or o.type.isSigned or not o.type.isIntegral:
            return None
        os_, oe_ = _sp(an, o)
        t = text[os_:oe_].strip()
        ops.append((hi, hi - ow + 1, t, bool(re.fullmatch(_IDENT, t))))
        hi -= ow
    if hi != -1:
        return None
    out = {}
    for sp, syn in sels:
        info = an.by_span.get(an.span(syn))
        node = None if info is None else info.node
        if node is None or _k(node) not in ("RangeSelectExpression", "ElementSelectExpression"):
            return None  # the net read whole
        if _k(node) == "RangeSelectExpression":
            if str(node.selectionKind).split(".")[-1] != "Simple":
                return None
            a_, b_ = an.const(node.left), an.const(node.right)
        else:
            a_ = b_ = an.const(node.selector)
        if a_ is None or b_ is None or a_ < b_ or b_ < 0 or a_ >= pw:
            return None
        whole = [o for o in ops if b_ <= o[1] and o[0] <= a_]
        if whole and whole[0][0] == a_ and whole[-1][1] == b_:
            out[sp] = whole[0][2] if len(whole) == 1 else "{" + ", ".join(o[2] for o in whole) + "}"
            continue
        part = [o for o in ops if o[1] <= b_ and a_ <= o[0]]
        if len(part) != 1 or not part[0][3]:
            return None
        o = part[0]
        out[sp] = f"{o[2]}[{a_ - o[1]}:{b_ - o[1]}]" if a_ != b_ else f"{o[2]}[{a_ - o[1]}]"
    return out


def _pullup(text: str, path: str) -> str:
    """Expressions of a child that read only some of its input ports (and constants), the ports
    connected to lanes of the parent's variables (``.b2(h[2])``), computed in the parent instead: the
    child gets new inputs, the parent's connections carry the expressions with the ports' texts
    substituted (a copy of the child, ``<module>_rtlopt_i<inst>``, when it is parameterized or has other
    instances)."""
    from rtlopt.engine.parampin import has_parameters
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.histflag import _fresh
    from rtlopt.semantic.romsym import _strip_comments
    from rtlopt.templates._sem import analyze, strip

    an = analyze(text, path)
    if an.syntax_errors:
        return text
    clean = _strip_comments(text)
    insts = _instances(an)
    main_buf = an.tree.root.getLastToken().location.buffer
    fresh = _fresh(text)
    eds: list[Edit] = []
    for cname, lst in insts.items():
        csyn = lst[0].definition.syntax
        if csyn is None or csyn.sourceRange.start.buffer != main_buf:
            continue
        ms_, me_ = an.span(csyn)
        param = has_parameters(text[ms_:me_])
        one_set = len(_param_sets(an).get(cname, ())) == 1  # its parameters' values: one per name
        done_module = False
        for inst in lst:
            if done_module:
                break
            ports = {}  # offset of the port's internal symbol -> (port, ansi syntax, connection syntax, text)
            for pc in inst.portConnections:
                p = pc.port
                e = pc.expression
                if _k(p) != "PortSymbol" or str(p.direction).split(".")[-1] != "In" or e is None or \
                        p.internalSymbol is None or p.syntax is None:
                    continue
                e = strip(e)
                v = strip(e.value) if _k(e) in ("ElementSelectExpression", "RangeSelectExpression") else e
                if _k(v) not in _VALUE or v.symbol is None or _k(v.symbol) not in ("VariableSymbol", "NetSymbol"):
                    continue
                if int(e.type.bitWidth or 0) != int(p.internalSymbol.type.bitWidth or 0) or e.type.isSigned or \
                        p.internalSymbol.type.isSigned:
                    continue
                psyn = p.syntax.parent
                if psyn is None or str(psyn.kind).split(".")[-1] != "ImplicitAnsiPort" or \
                        not str(psyn.header.direction).strip():
                    continue
                conn = e.syntax
                while conn is not None and str(conn.kind).split(".")[-1] != "NamedPortConnection":
                    conn = conn.parent
                if conn is None or e.syntax is None:
                    continue
                es, ee = an.span(e.syntax)
                ports[p.internalSymbol.location.offset] = (p, psyn, conn, text[es:ee].strip())
            if not ports:
                continue
            tref, syn_of = [], {}
            for y in an.exprs:
                if not (ms_ <= y.start and y.end <= me_):
                    continue
                v = strip(y.node.value) if _k(y.node) in ("ElementSelectExpression",
                                                         "RangeSelectExpression") else None
                if v is not None and _k(v) == "NamedValueExpression" and v.symbol is not None and \
                        v.symbol.location.offset in ports:
                    sp = _sp(an, v)
                    tref.append((sp, v.symbol.location.offset))
                    syn_of[sp] = y.node.syntax
                elif _k(y.node) == "NamedValueExpression" and y.node.symbol is not None and \
                        y.node.symbol.location.offset in ports:
                    tref.append(((y.start, y.end), y.node.symbol.location.offset))
                    syn_of[(y.start, y.end)] = y.node.syntax
            spans = {sp for sp, _o in tref}
            drop = set()
            for off, (p, _ps, _c, _t) in ports.items():
                n = len(re.findall(rf"(?<![\w$.']){re.escape(p.name)}(?![\w$])", clean[ms_:me_]))
                mine = sum(1 for _s, o in tref if o == off)
                if not mine or n != 1 + mine:
                    drop.add(off)
            tops = set()
            for (a_, b_), off in tref:
                syn = syn_of[(a_, b_)]
                best = None
                while syn is not None and syn.parent is not None:
                    syn = syn.parent
                    sp = an.span(syn)
                    info = an.by_span.get(sp)
                    if info is None:
                        if str(syn.kind).split(".")[-1].endswith("Expression"):
                            continue
                        break
                    inside = [y for y in an.exprs if sp[0] <= y.start and y.end <= sp[1]]
                    if any(_k(y.node) in _VALUE + ("CallExpression",) and (
                            _k(y.node) != "NamedValueExpression" or y.node.symbol is None or
                            (y.node.symbol.location.offset not in ports and not (
                                one_set and _k(y.node.symbol) == "ParameterSymbol"
                                and _pval(y.node.symbol) is not None)) or
                            y.node.symbol.location.offset in drop) for y in inside):
                        break
                    if any(_k(y.node) in ("ElementSelectExpression", "RangeSelectExpression") and
                           _sp(an, strip(y.node.value)) not in spans for y in inside):
                        break
                    if _k(info.node) == "AssignmentExpression":
                        break
                    best = info
                if best is None or _k(best.node) in ("ElementSelectExpression", "RangeSelectExpression") or \
                        _k(best.node) != "BinaryExpression":
                    drop.add(off)
                    continue
                tops.add((best.start, best.end))
            tops, keep = _prune_tops(tops, tref, drop, ports)
            tops = sorted(sp for sp in tops if all(o in keep for (a_, b_), o in tref if sp[0] <= a_ and b_ <= sp[1]))
            if not keep or not tops:
                continue
            in_place = len(lst) == 1 and not param
            target = cname if in_place else f"{cname}_rtlopt_i{inst.name}"
            if not in_place and re.search(rf"(?<![\w$]){re.escape(target)}(?![\w$])", text):
                continue
            ceds: list[Edit] = []
            ins, conns = [], []
            first = None
            for _o, (p, psyn, _c, _t) in sorted(keep.items(), key=lambda kv: an.span(kv[1][1])):
                a_, b_ = an.span(psyn)
                if first is None:
                    first = (a_, b_, p.name)
                else:
                    c_ = text.rfind(",", 0, a_)
                    ceds.append(Edit(c_ - ms_, b_ - ms_, ""))
            for i_, (s_, e_) in enumerate(tops):
                w = int(an.by_span[(s_, e_)].node.type.bitWidth or 0)
                nm = fresh(f"{first[2]}_hf{i_}")
                rng = f"[{w - 1}:0] " if w > 1 else ""
                ins.append(f"input {rng}{nm}")
                body = text[s_:e_]
                subs = []
                for (a2, b2), o in tref:
                    if s_ <= a2 and b2 <= e_:
                        t_ = keep[o][3]
                        subs.append((a2 - s_, b2 - s_, t_ if re.fullmatch(_REF, t_) else f"({t_})"))
                for y in an.exprs:  # parameters by value (one value: the module's only parameter set)
                    if s_ <= y.start and y.end <= e_ and _k(y.node) == "NamedValueExpression" and \
                            y.node.symbol is not None and _k(y.node.symbol) == "ParameterSymbol":
                        pw = int(y.node.type.bitWidth or 32)
                        subs.append((y.start - s_, y.end - s_, f"{pw}'h{_pval(y.node.symbol) & ((1 << pw) - 1):x}"))
                for a2, b2, t_ in sorted(subs, reverse=True):
                    body = body[:a2] + t_ + body[b2:]
                conns.append(f".{nm}({body.strip()})")
                ceds.append(Edit(s_ - ms_, e_ - ms_, nm))
            ceds.append(Edit(first[0] - ms_, first[1] - ms_, ", ".join(ins)))
            cl = sorted(an.span(v[2]) for v in keep.values())
            eds.append(Edit(cl[0][0], cl[0][1], ", ".join(conns)))
            for a_, b_ in cl[1:]:
                c_ = text.rfind(",", 0, a_)
                eds.append(Edit(c_, b_, ""))
            if in_place:
                eds += [Edit(ed.start + ms_, ed.end + ms_, ed.replacement) for ed in ceds]
                done_module = True
            else:
                tok = csyn.header.name
                ns = an.off(tok.location.offset)
                ceds.append(Edit(ns - ms_, ns - ms_ + len(tok.valueText), target))
                tok = inst.syntax.parent.type
                a_ = an.off(tok.location.offset)
                eds.append(Edit(a_, a_ + len(tok.valueText), target))
                eds.append(Edit(me_, me_, "\n\n" + apply_edits(text[ms_:me_], ceds)))
                done_module = True  # one instance per pass (a second copy would insert at the same place)
    if not eds:
        return text
    try:
        return apply_edits(text, eds)
    except ValueError:
        return text


def rewrites(text: str, name: str = "design.v") -> list[tuple[str, str]]:
    """Comparison flags by mirroring (match-progress flags first when a chain allows them), after
    inlining 1-bit compare functions/tasks, pushing a parent's compares of a child's output buses into
    the child and a child's compares of its input ports into the parent. Of the texts with and without
    those steps, the one whose rewrite covers the most history storage wins, the fewest steps on a tie
    (a step is kept only when the mirror needs it)."""
    texts = prepared(text, name)
    out = []
    seen = {text}
    for prog in (True, False):
        best = None
        for level, (t, st) in enumerate(texts):
            info: dict = {}
            try:
                got = _mirror(t, name, progress=prog, info=info)
            except Exception:  # noqa: BLE001 - an unusual design: no rewrite
                got = None
            if got is None or got[0] in seen:
                continue
            key = (info.get("covered", 0), -level)
            if best is None or key > best[0]:
                best = (key, got, st)
        if best is not None:
            (new, desc), st = best[1], best[2]
            seen.add(new)
            out.append((new, desc + (f" ({'; '.join(st)})" if st else "")))
    return out


def prepared(text: str, name: str = "design.v") -> list[tuple[str, list[str]]]:
    """``text`` and the texts after each preparatory step in turn (compare functions/tasks inlined,
    a parent's compares of child output buses pushed into the child, a child's compares of its
    input ports pulled into the parent), each with the steps taken; steps that change nothing are
    left out."""
    texts = [(text, [])]
    try:
        t1 = _inline_calls(text, name)
    except Exception:  # noqa: BLE001 - an unusual design: no inlining
        t1 = text
    try:
        t2 = _pushdown(t1, name)
    except Exception:  # noqa: BLE001 - an unusual design: no push-down
        t2 = t1
    try:
        t3 = _pullup(t2, name)
    except Exception:  # noqa: BLE001 - an unusual design: no pull-up
        t3 = t2
    steps: list[str] = []
    for t, what in ((t1, "compare function/task inlined"),
                    (t2, "a child's output bus compares moved into the child"),
                    (t3, "a child's input port compares moved into the parent")):
        if t != texts[-1][0]:
            steps = [*steps, what]
            texts.append((t, steps))
    return texts


__all__ = ["prepared", "rewrites"]
