"""A delay ring buffer read only at (a constant offset from) its write pointer kept as a shift register.

A memory ``M`` of ``N`` entries written at a pointer ``P`` that steps by one modulo ``N`` on every write
(``M[P] <= D; P <= (P == N-1) ? 0 : P + 1;`` under the same conditions) and read only at ``P + K``
modulo ``N`` returns the entry written ``N - K`` writes ago: it is an ``N``-stage shift register
shifted on every write (``S <= {S[..], D}``) read at a fixed stage, so the pointer, the write decoder
and the read multiplexer go. An echo/delay line's ring buffer becomes its delay line.

Found on the elaborated source (pyslang, every instance at its own parameter values): an unpacked
array whose every mention is a write at an index, a read at an index, and a pointer variable (not a
port) whose every mention is its own write or inside an index of the array. The index and pointer
expressions are classified by constant evaluation at every pointer value 0..N-1 (so any spelling of
the wrap counts, also ``if (P == N-1) P <= 0; else P <= P + 1;``: the two arms evaluated as one
``c ? A : B``): each data write at ``P + Kw``, each read at ``P + Kr`` (mod N), every pointer step
``+1 mod N`` with the same controls (conditions and clock) as a data write, and each other write of the
pointer a constant in ``0..N-1`` written with the same controls as a loop that writes one constant to
every entry (a reset loop: all entries equal, so the stages need no order). The array becomes a
``W*N``-bit vector shifted at each data write, the reset loop writes its lanes, each read is a fixed
lane; the pointer's declaration and writes are removed. Candidates are offered only when a simulation
from reset agrees on the outputs; the search proves each one.
"""

from __future__ import annotations

import re
from pathlib import Path

RULE = "memory_to_shift_register"
_ID = re.compile(r"(?<![\w$'.])([A-Za-z_][\w$]*)(?![\w$])")


def _k(node) -> str:
    return type(node).__name__


def _key(sym):
    return (sym.name, sym.location.offset)


def _params(scope) -> dict[str, int]:
    out = {}
    for m in scope:
        if _k(m) == "ParameterSymbol":
            t = str(m.value).replace("_", "")
            mm = re.fullmatch(r"(?:\d+)?'s?([dhbo])([0-9a-fA-F]+)", t)
            if mm:
                out[m.name] = int(mm.group(2), {"d": 10, "h": 16, "b": 2, "o": 8}[mm.group(1)])
            elif re.fullmatch(r"-?\d+", t):
                out[m.name] = int(t)
    return out


def _values(expr: str, ptr: str, pw: int, params: dict[str, int], n: int, typed: bool) -> list[int] | None:
    """``expr`` at ``P = 0..n-1`` (``typed``: assigned to a ``pw``-bit variable, else self-determined),
    by pyslang's constant evaluator; None when it reads anything else or does not evaluate."""
    ids = {m.group(1) for m in _ID.finditer(expr)} - {"signed", "unsigned"}
    if ids - {ptr} - set(params):
        return None
    lines = [f"  localparam integer {p} = {v};" for p, v in sorted(params.items())]
    for v in range(n):
        body = _ID.sub(lambda m, v=v: f"__p{v}" if m.group(1) == ptr else m.group(1), expr)
        lines.append(f"  localparam [{pw - 1}:0] __p{v} = {pw}'d{v};")
        lines.append(f"  localparam {f'[{pw - 1}:0] ' if typed else ''}__y{v} = {body};")
    from rtlopt.semantic.romsym import _const_eval

    return _const_eval(lines, n)


def _inst(arr, psyms) -> tuple[dict, int, int] | None:
    """(parameters, entries, pointer width) of the instance the array symbol ``arr`` belongs to."""
    psym = next((p for p in psyms if p.parentScope == arr.parentScope), None)
    if psym is None:
        return None
    nn, pw = arr.type.range.width, int(psym.type.bitWidth)
    return (_params(arr.parentScope), nn, pw) if nn <= (1 << pw) else None


def _offset(vals: list[int] | None, n: int) -> int | None:
    """K when ``vals[p] == (p + K) % n`` for every p."""
    if vals is None or any(not 0 <= v < n for v in vals):
        return None
    ks = {(v - p) % n for p, v in enumerate(vals)}
    return ks.pop() if len(ks) == 1 else None


def _dim_text(text: str, an, syn) -> str | None:
    """The element count of a dimension ``[hi:lo]`` / ``[lo:hi]`` / ``[N]`` as text."""
    s, e = an.span(syn)
    t = text[s:e].strip()
    m = re.fullmatch(r"\[\s*([^\]:]+?)\s*(?::\s*([^\]:]+?)\s*)?\]", t)
    if m is None:
        return None
    a, b = m.group(1), m.group(2)
    if b is None:
        return a if re.fullmatch(r"[\w$]+", a) else f"({a})"
    if a == "0" or b == "0":
        hi = b if a == "0" else a
        if re.fullmatch(r"\d+", hi):
            return str(int(hi) + 1)
        mm = re.fullmatch(r"(.+?)\s*-\s*1", hi)
        if mm:
            x = mm.group(1).strip()
            return x if re.fullmatch(r"[\w$]+", x) else f"({x})"
        return f"({hi} + 1)"
    return None


def _mul(a: str, b: str) -> str:
    if re.fullmatch(r"\d+", a) and re.fullmatch(r"\d+", b):
        return str(int(a) * int(b))
    return f"{a}*{b}"


def _rewrite(text: str, name: str) -> list[tuple[str, str]]:  # noqa: C901 - one walk over the ring's mentions
    from pyslang import ast

    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.histflag import _fresh
    from rtlopt.semantic.histmirror import _controls, _loop
    from rtlopt.templates._sem import analyze, parses_cleanly, strip

    an = analyze(text, name)
    if an.syntax_errors:
        return []
    ports = {s.name for s in an.symbols if _k(s) == "PortSymbol"}
    arrays: dict = {}
    scalars: dict = {}
    for s in an.symbols:
        if _k(s) != "VariableSymbol" or s.name in ports or s.syntax is None:
            continue
        if getattr(s.syntax, "initializer", None) is not None:
            continue
        t = s.type
        if getattr(t, "isUnpackedArray", False) or (getattr(t, "isPackedArray", False)
                                                     and getattr(t.elementType, "isPackedArray", False)):
            el = t.elementType  # entries 0..N-1: a ring's index arithmetic is modulo N from 0
            if el.isIntegral and not el.isSigned and 2 <= t.range.width <= 256 and 1 <= int(el.bitWidth) <= 256 \
                    and t.range.lower == 0:
                arrays.setdefault(_key(s), []).append(s)
        elif t.isIntegral and 1 <= int(t.bitWidth or 0) <= 16:
            scalars.setdefault(_key(s), []).append(s)
    if not arrays or not scalars:
        return []
    # every mention, per instance
    mentions: dict = {}  # key -> [span]
    writes: list = []  # (array key, AssignmentExpression, select node, span of the assignment)
    reads: list = []  # (array key, select node)
    pwrites: list = []  # (pointer key, AssignmentExpression)
    in_sel: dict = {}  # array key -> spans of every select of it
    whole: dict = {}  # array key -> [(assignment, span of its left-hand side)] of whole writes (packed)

    def visit(node):
        if isinstance(node, ast.Expression):
            k = _k(node)
            if k == "NamedValueExpression" and node.syntax is not None:
                key = _key(node.symbol)
                if key in arrays or key in scalars:
                    mentions.setdefault(key, []).append((an.span(node.syntax), node.symbol))
            elif k in ("ElementSelectExpression", "RangeSelectExpression") and node.syntax is not None and \
                    _k(strip(node.value)) == "NamedValueExpression":
                vk = _key(strip(node.value).symbol)
                if vk in scalars:  # a select of a scalar: a mention of it (its name may have no syntax)
                    mentions.setdefault(vk, []).append((an.span(node.syntax), None))
                elif vk in arrays and k == "RangeSelectExpression":  # a slice of the array: never rewritten
                    mentions.setdefault(vk, []).append(((-1, -1), None))
                elif vk in arrays and strip(node.value).syntax is not None:
                    in_sel.setdefault(vk, []).append(an.span(strip(node.value).syntax))
            elif k == "AssignmentExpression":
                lhs = strip(node.left)
                if _k(lhs) == "ElementSelectExpression" and _k(strip(lhs.value)) == "NamedValueExpression" \
                        and _key(strip(lhs.value).symbol) in arrays:
                    writes.append((_key(strip(lhs.value).symbol), node, lhs))
                elif _k(lhs) == "NamedValueExpression" and _key(lhs.symbol) in scalars:
                    pwrites.append((_key(lhs.symbol), node))
                elif _k(lhs) == "NamedValueExpression" and _key(lhs.symbol) in arrays and lhs.syntax is not None:
                    whole.setdefault(_key(lhs.symbol), []).append((node, an.span(lhs.syntax)))
        return True
    an.root.visit(visit)
    wsel = {an.span(lhs.syntax) for _a, _n, lhs in writes}

    def visit_reads(node):
        if isinstance(node, ast.Expression) and _k(node) == "ElementSelectExpression" and node.syntax is not None \
                and _k(strip(node.value)) == "NamedValueExpression" and _key(strip(node.value).symbol) in arrays \
                and an.span(node.syntax) not in wsel:
            reads.append((_key(strip(node.value).symbol), node))
        return True
    an.root.visit(visit_reads)
    out = []
    fresh = _fresh(text)
    for akey, asyms in arrays.items():
        # every mention of the array is the value of an element select (a read or the left of a write)
        if {sp for sp, _s in mentions.get(akey, [])} - set(in_sel.get(akey, [])) - \
                {sp for _n, sp in whole.get(akey, [])}:
            continue
        sym0 = asyms[0]
        my_writes = [(n, lhs) for a, n, lhs in writes if a == akey]
        my_reads = [r for a, r in reads if a == akey]
        if not my_writes or not my_reads or any(not n.isNonBlocking for n, _l in my_writes):
            continue
        # the pointer: the one scalar named in the index of a data write
        ptrs = set()
        for _n, lhs in my_writes:
            for m in _ID.finditer(text[slice(*an.span(strip(lhs.selector).syntax))]):
                for pk, ss in scalars.items():
                    if ss[0].name == m.group(1):
                        ptrs.add(pk)
        if len(ptrs) != 1:
            continue
        pkey = ptrs.pop()
        psyms = scalars[pkey]
        pname = psyms[0].name
        idx_spans = set()
        for _n, lhs in my_writes:
            idx_spans.add(an.span(strip(lhs.selector).syntax))
        for r in my_reads:
            idx_spans.add(an.span(strip(r.selector).syntax))
        my_pw = [n for pk, n in pwrites if pk == pkey]
        pw_spans = [an.span(n.syntax) for n in my_pw]
        # every mention of the pointer: its own writes (either side), inside an index of the array, or the
        # condition of an 'if' whose two arms are writes of the pointer (the wrap spelled as a statement)
        for n in my_pw:
            st = n.syntax.parent if n.syntax is not None else None
            par = st.parent if st is not None else None
            if par is not None and str(par.kind).split(".")[-1] == "ElseClause":
                par = par.parent
            if par is None or str(par.kind).split(".")[-1] != "ConditionalStatement" or par.elseClause is None:
                continue
            arms = [par.statement, par.elseClause.clause]
            if all(str(a.kind).split(".")[-1] == "ExpressionStatement" and any(
                    an.span(a) == (an.span(m.syntax)[0], an.span(a)[1]) for m in my_pw) for a in arms):
                pw_spans.append(an.span(par.predicate))
        if not my_pw or any(not any(a <= sp[0] and sp[1] <= b for a, b in list(idx_spans) + pw_spans)
                            for sp, _s in mentions.get(pkey, [])):
            continue
        if any(not n.isNonBlocking for n in my_pw):
            continue
        ok = True
        kinds: dict = {}  # span -> set of kinds (per instance)
        for n, _lsp in whole.get(akey, []):  # a packed array written whole: a constant with equal entries
            sym = strip(n.left).symbol
            ew, nn = int(sym.type.elementType.bitWidth), sym.type.range.width
            try:
                cv = strip(n.right).eval(ast.EvalContext(an.root)).value
                v = int(cv) if type(cv).__name__ == "SVInt" and not cv.hasUnknown else None
            except Exception:  # noqa: BLE001 - not a constant
                v = None
            if not n.isNonBlocking or v is None or len({(v >> (ew * i)) & ((1 << ew) - 1) for i in range(nn)}) != 1:
                ok_w = False
                break
            kinds.setdefault(an.span(n.syntax), set()).add(("wfill",))
        else:
            ok_w = True
        if not ok_w:
            continue
        # per instance (parameters of the pointer's scope)
        for n, lhs in my_writes:
            sel = strip(lhs.selector)
            if not any(_k(x) == "NamedValueExpression" and x.symbol.name == pname for x in [sel]) and \
                    pname not in text[slice(*an.span(sel.syntax))]:
                # a write at a loop index: a constant to every entry
                kinds.setdefault(an.span(n.syntax), set()).add(("fill",))
                continue
            sym = strip(lhs.value).symbol
            got = _inst(sym, psyms)
            if got is None:
                ok = False
                break
            pv, nn, pw = got
            kw = _offset(_values(text[slice(*an.span(sel.syntax))], pname, pw, pv, nn, False), nn)
            if kw is None or int(strip(n.right).type.bitWidth or 0) != int(sym.type.elementType.bitWidth):
                ok = False
                break
            kinds.setdefault(an.span(n.syntax), set()).add(("data", kw))
        if not ok:
            continue
        for r in my_reads:
            got = _inst(strip(r.value).symbol, psyms)
            if got is None:
                ok = False
                break
            pv, nn, pw = got
            kr = _offset(_values(text[slice(*an.span(strip(r.selector).syntax))], pname, pw, pv, nn, False), nn)
            if kr is None:
                ok = False
                break
            kinds.setdefault(an.span(r.syntax), set()).add(("read", kr))
        if not ok:
            continue
        pinfo: dict = {}  # span of a pointer write -> [(right-hand text, pointer width, parameters, N)]
        for n in my_pw:
            sym = strip(n.left).symbol
            arr = next((a for a in asyms if a.parentScope == sym.parentScope), None)
            if arr is None:
                ok = False
                break
            pinfo.setdefault(an.span(n.syntax), []).append((text[slice(*an.span(strip(n.right).syntax))],
                                                             int(sym.type.bitWidth), _params(sym.parentScope),
                                                             arr.type.range.width))
            kinds.setdefault(an.span(n.syntax), set()).add(("ptr",))
        if not ok or any(len(v) != 1 for v in kinds.values()):
            continue
        # fills: one constant to every entry (a loop over 0..N-1 of the one statement)
        stmt_of = {}
        for st, s, e in an.statements:
            if _k(st) == "ExpressionStatement":
                stmt_of[an.span(strip(st.expr).syntax)] = (st, s, e)
        ctrl: dict = {}
        for sp, ks in kinds.items():
            kd = next(iter(ks))[0]
            if kd == "read":
                continue
            st = stmt_of.get(sp)
            if st is None:
                ok = False
                break
            ctrl[sp] = (kd, _controls(st[0].syntax, an, text), st)
        if not ok or any(c is None for _kd, c, _st in ctrl.values()):
            continue
        # the pointer's writes: a constant, a step, or the two arms of an 'if (c) P <= A; else P <= B;'
        # (any spelling of the wrap: the arms are evaluated as 'c ? A : B' at every pointer value)
        pc = {sp: c for sp, (kd, c, _st) in ctrl.items() if kd == "ptr"}
        for sp, (kd, c, st) in list(ctrl.items()):
            if kd != "ptr":
                continue
            cls = None
            other = next((sp2 for sp2, c2 in pc.items() if sp2 != sp and len(c2) == len(c) and c2[:-1] == c[:-1]
                          and c2[-1][0] == c[-1][0] and c2[-1][1] != c[-1][1]), None) if len(c) > 1 else None
            for rt, pw, pv, nn in pinfo[sp]:
                vals = _values(rt, pname, pw, pv, nn, True)
                if vals is not None and len(set(vals)) == 1 and vals[0] < nn and \
                        pname not in {m.group(1) for m in _ID.finditer(rt)}:
                    k1 = "pconst"
                elif _offset(vals, nn) == 1:
                    k1 = "step"
                else:
                    k1 = None
                if other is not None:
                    rt2 = next((r2 for r2, _w2, p2, _n2 in pinfo[other] if p2 == pv), pinfo[other][0][0])
                    ta, fa = (rt, rt2) if c[-1][1] else (rt2, rt)
                    both = _values(f"({c[-1][0]}) ? ({ta}) : ({fa})", pname, pw, pv, nn, True)
                    if _offset(both, nn) == 1:
                        k1 = "parm"
                if k1 is None or cls not in (None, k1):
                    cls = "bad"
                    break
                cls = k1
            if cls in (None, "bad"):
                ok = False
                break
            ctrl[sp] = (cls, c[:-1] if cls == "parm" else c, st)
        if not ok:
            continue
        snap = dict(ctrl)
        for sp, (kd, c, st) in snap.items():  # both arms of a step: counted once
            if kd == "parm":
                mates = sorted(s2 for s2, (k2, c2, _s2) in snap.items() if k2 == "parm" and c2 == c)
                if len(mates) != 2:
                    ok = False
                    break
                ctrl[sp] = ("step" if sp == mates[0] else "pgone", c, st)
        if not ok:
            continue
        for sp, (kd, _c, st) in ctrl.items():
            if kd != "fill":
                continue
            n = next(n for n, _l in my_writes if an.span(n.syntax) == sp)
            lhs = strip(n.left)
            sel = text[slice(*an.span(strip(lhs.selector).syntax))].strip()
            arr = strip(lhs.value).symbol
            nn = arr.type.range.width
            lp = _loop(st[0].syntax, text, an, _params(arr.parentScope))
            if lp is None or lp[0] is None or sel != lp[0] or sorted(lp[1]) != list(range(nn)):
                ok = False
                break
            c = strip(n.right)
            try:
                cv = c.eval(ast.EvalContext(an.root)).value
            except Exception:  # noqa: BLE001 - not a constant
                cv = None
            if type(cv).__name__ != "SVInt" or cv.hasUnknown or lp[0] in {m.group(1) for m in
                                                                           _ID.finditer(text[slice(*an.span(c.syntax))])}:
                ok = False
                break
        if not ok:
            continue
        # pair the pointer's writes with the array's: a step with a data write, a constant with a fill
        def ctl_list(kd, ctrl=ctrl):
            return sorted(str(c) for k2, c, _st in ctrl.values() if k2 == kd or (kd == "fill" and k2 == "wfill"))
        if ctl_list("data") != ctl_list("step") or not set(ctl_list("pconst")) <= set(ctl_list("fill")) \
                or not set(ctl_list("fill")) <= set(ctl_list("pconst")):
            continue
        # the texts: element width and count as the declaration writes them
        decl = sym0.syntax
        dd = decl.parent
        if _k(dd) != "DataDeclarationSyntax" or len(dd.declarators) != 1:
            continue
        packed = getattr(sym0.type, "isPackedArray", False)
        pd = list(dd.type.dimensions) if hasattr(dd.type, "dimensions") else []
        if (packed and (len(decl.dimensions) != 0 or len(pd) != 2)) or \
                (not packed and (len(decl.dimensions) != 1 or len(pd) > 1)):
            continue
        ds, de = an.span(dd)
        dtext = text[ds:de]
        m = re.match(r"(\s*(?:var\s+)?(?:reg|logic|bit)\s*(?:unsigned\s*)?)(\[\s*[^\]]+\]\s*)*", dtext)
        if m is None:
            continue
        kw = m.group(1).rstrip()
        if packed:
            nt, wt = _dim_text(text, an, pd[0]), _dim_text(text, an, pd[1])
        else:
            wt = _dim_text(text, an, pd[0]) if pd else "1"
            nt = _dim_text(text, an, decl.dimensions[0])
        if wt is None or nt is None:
            continue
        sr = fresh(f"{sym0.name}_sr")
        tot = _mul(wt if re.fullmatch(r"[\w$]+", wt) else f"({wt})", nt if re.fullmatch(r"[\w$]+", nt) else f"({nt})")
        eds: list = [Edit(ds, de, f"{kw} [{tot}-1:0] {sr};" if not re.fullmatch(r"\d+", tot)
                          else f"{kw} [{int(tot) - 1}:0] {sr};")]
        eds[0] = Edit(ds, de, eds[0].replacement + dtext[len(dtext.rstrip()):])
        wtp = wt if re.fullmatch(r"[\w$]+", wt) else f"({wt})"
        for sp, ks in kinds.items():
            kd = next(iter(ks))
            if kd[0] == "ptr" and sp not in ctrl:
                ok = False
                break
            if kd[0] == "read":
                _r, kr = kd
                kws = {next(iter(kinds[s]))[1] for s, (k2, _c, _st) in ctrl.items() if k2 == "data"}
                if len(kws) != 1:
                    ok = False
                    break
                d = (kr - kws.pop())
                # stage (0 = newest) of the entry read: written N - d writes ago (d mod N)
                stage = (str(int(nt) - 1) if re.fullmatch(r"\d+", nt) else f"{nt} - 1") if d == 0 else None
                if stage is None:
                    # d is a number of this instance's N: only when every instance agrees on N - 1 - d
                    stages = {nn - 1 - (d % nn) for nn in {a.type.range.width for a in asyms}}
                    if len(stages) != 1:
                        ok = False
                        break
                    stage = str(stages.pop())
                hi = f"{wtp}*({stage})" if not re.fullmatch(r"\d+", stage) or not re.fullmatch(r"\d+", wt) \
                    else str(int(wt) * int(stage))
                eds.append(Edit(sp[0], sp[1], f"{sr}[{hi} +: {wt}]"))
            elif kd[0] == "data":
                n = next(n for n, _l in my_writes if an.span(n.syntax) == sp)
                rt = text[slice(*an.span(strip(n.right).syntax))]
                eds.append(Edit(sp[0], sp[1], f"{sr} <= {{{sr}[{tot}-{wt}-1:0], {rt}}}" if not re.fullmatch(
                    r"\d+", tot) or not re.fullmatch(r"\d+", wt) else f"{sr} <= {{{sr}[{int(tot) - int(wt) - 1}:0], {rt}}}"))
            elif kd[0] == "wfill":
                n = next(n for n, _l in whole[akey] if an.span(n.syntax) == sp)
                eds.append(Edit(sp[0], sp[1], f"{sr} <= {text[slice(*an.span(strip(n.right).syntax))]}"))
            elif kd[0] == "fill":
                n = next(n for n, _l in my_writes if an.span(n.syntax) == sp)
                lhs = strip(n.left)
                sel = text[slice(*an.span(strip(lhs.selector).syntax))].strip()
                rt = text[slice(*an.span(strip(n.right).syntax))]
                eds.append(Edit(sp[0], sp[1], f"{sr}[{wtp}*{sel} +: {wt}] <= {rt}"))
            else:  # the pointer's writes go (both arms of a wrap written as an 'if': the whole 'if')
                st = stmt_of[sp]
                par = st[0].syntax.parent
                rm = (st[1], st[2])
                if ctrl[sp][0] in ("step", "pgone") and len(ctrl[sp][1]) < len(_controls(st[0].syntax, an, text)):
                    if str(par.kind).split(".")[-1] == "ElseClause":
                        par = par.parent
                    rm = an.span(par)
                    par = par.parent
                    if any(e.start == rm[0] or (e.start <= rm[0] < e.end) for e in eds):
                        continue
                if _k(par) == "BlockStatementSyntax" or str(getattr(par, "kind", "")).endswith("SequentialBlockStatement"):
                    ls = text.rfind("\n", 0, rm[0]) + 1
                    le = text.find("\n", rm[1])
                    if not text[ls:rm[0]].strip() and not text[rm[1]:le if le >= 0 else len(text)].strip():
                        rm = (ls, le + 1 if le >= 0 else len(text))
                    eds.append(Edit(rm[0], rm[1], ""))
                else:
                    eds.append(Edit(rm[0], rm[1], ";"))
        if not ok:
            continue
        # the pointer's declaration goes (a lone declarator)
        pd = psyms[0].syntax.parent
        if _k(pd) == "DataDeclarationSyntax" and len(pd.declarators) == 1:
            ps, pe = an.span(pd)
            ls = text.rfind("\n", 0, ps) + 1
            le = text.find("\n", pe)
            if not text[ls:ps].strip() and not text[pe:le if le >= 0 else len(text)].strip():
                eds.append(Edit(ls, le + 1 if le >= 0 else len(text), ""))
            else:
                eds.append(Edit(ps, pe, ""))
        try:
            new = apply_edits(text, sorted(eds, key=lambda e: e.start))
        except ValueError:
            continue
        if new == text or not parses_cleanly(new, an.errors):
            continue
        out.append((new, f"ring buffer '{sym0.name}' written at the stepping pointer '{pname}' and read at a fixed "
                         f"offset from it kept as a {nt}-stage shift register '{sr}' (pointer, write decoder and "
                         f"read multiplexer removed)"))
    return out


def rewrites(text: str, name: str = "design.v") -> list[tuple[str, str]]:
    if "<=" not in text or "[" not in text:
        return []
    return _rewrite(text, name)


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict, str]]:
    from rtlopt.semantic.histwin import simulated

    return simulated(texts, top, timeout_s, rewrites)


def ringshift_candidates(state) -> list:
    """Search-loop generator: ring buffers read at their write pointer kept as shift registers."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, "ring buffer to shift register", "ringshift")


__all__ = ["candidates_for", "rewrites", "ringshift_candidates"]
