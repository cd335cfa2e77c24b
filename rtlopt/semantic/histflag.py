"""Registers read only through comparisons with constants kept as the comparison flags.

A byte history ``d1 <= d; d2 <= d1; d3 <= d2;`` whose bytes are only ever compared with constants
(``d3 == 8'hFF && d2 == 8'h00 && d1 == 8'h00``, a sync-word detector) needs one flip-flop per
(register, constant) pair, not the bytes: ``d1_is_0 <= d == 8'h0; d1_is_ff <= d == 8'hff;
d2_is_0 <= d1_is_0; ...`` -- the flags a shifted register is compared with move along the shift.

Found on the elaborated source: a variable (not a port) whose every mention is a whole-variable
nonblocking assignment (a constant, another such variable of the same width, or an expression of the
same width) or one side of ``==`` / ``!=`` with a constant, or the whole right-hand side of an
assignment to another such variable. The constants of a variable are its own and those of every
variable assigned from it. Every assignment gets one assignment per flag at the same place (the
reset's constants become 1/0), every comparison reads its flag; the declaration of the variables is
replaced by the flags'. Only when there are fewer flags than bits.

A shift chain compared with a constant pattern in one conjunction (``d3 == 8'hFF && d2 == 8'h00 &&
d1 == 8'h00``; every member assigned at the same places) is also offered as match-progress flags:
``m1 <= d == 8'hFF; m2 <= m1 && d == 8'h00; m3 <= m2 && d == 8'h00;`` and the conjunction reads
``m3`` (k flip-flops for a k-lane pattern). So is a history kept in one vector shifted by a lane
(``sr <= {sr[15:0], d}`` or ``{d, sr[23:8]}``; also a packed array ``logic [3:0][7:0] sr`` shifted by
``{sr[2:0], d}``) and compared on whole lanes (``sr == 24'hFF0000``); its other comparisons on lanes
(``sr[7:0] == 8'hFF``) keep comparison flags moving along the lanes.
The search loop proves the result (sequential equivalence from reset) and measures it. Reported under
``register_reduction``.
"""

from __future__ import annotations

import contextlib
import re

RULE = "register_reduction"
_EQ = {"Equality": "==", "Inequality": "!="}
_IDENT = r"[A-Za-z_][\w$]*"


def _named(node):
    from rtlopt.templates._sem import strip

    node = strip(node)
    return node.symbol if type(node).__name__ == "NamedValueExpression" else None


def _facts(an, text: str) -> dict | None:
    from rtlopt.templates._sem import strip

    ports = {s.name for s in an.symbols if type(s).__name__ == "PortSymbol"}
    cand = {}
    for s in an.symbols:
        if type(s).__name__ != "VariableSymbol" or s.name in ports:
            continue
        ty = s.type
        if not ty.isIntegral or getattr(ty, "isUnpackedArray", False) or not 2 <= int(ty.bitWidth or 0) <= 64:
            continue
        if type(s.syntax).__name__ != "DeclaratorSyntax" or s.syntax.parent is None:
            continue
        if getattr(s.syntax, "initializer", None) is not None:
            continue
        cand[s.name] = s
    if not cand:
        return None

    def var_of(node):
        sym = _named(node)
        if sym is None or sym.name not in cand:
            return None
        return sym.name if sym.location.offset == cand[sym.name].location.offset else None

    uses: dict[str, int] = {}
    for x in an.exprs:
        v = var_of(x.node) if type(x.node).__name__ == "NamedValueExpression" else None
        if v is not None:
            uses[v] = uses.get(v, 0) + 1
    accounted: dict[str, int] = {}
    cmps: list[tuple[str, int, str, int, int]] = []  # var, const, op, span
    assigns: list[tuple[str, object, int, int]] = []  # var, rhs node, span of the assignment
    bad: set[str] = set()
    blocking: set[tuple[int, int]] = set()
    for x in an.exprs:
        node = x.node
        kind = type(node).__name__
        if kind == "BinaryExpression" and str(node.op).split(".")[-1] in _EQ:
            op = _EQ[str(node.op).split(".")[-1]]
            for a, b in ((node.left, node.right), (node.right, node.left)):
                v = var_of(a)
                if v is None:
                    continue
                c = an.const(b)
                w = int(cand[v].type.bitWidth)
                if c is None or int(strip(b).type.bitWidth or 0) > w or strip(b).type.isSigned:
                    bad.add(v)
                    continue
                cmps.append((v, c & ((1 << w) - 1), op, x.start, x.end))
                accounted[v] = accounted.get(v, 0) + 1
                break
        elif kind == "AssignmentExpression":
            v = var_of(node.left)
            if v is not None:
                if not node.isNonBlocking:
                    if an.const(node.right) is None or not _in_initial(node.syntax):
                        bad.add(v)
                        continue
                    blocking.add((x.start, x.end))
                accounted[v] = accounted.get(v, 0) + 1
                assigns.append((v, node.right, x.start, x.end))
                src = var_of(node.right)
                if src is not None:
                    accounted[src] = accounted.get(src, 0) + 1
    ok = {v for v in cand if v not in bad and uses.get(v, 0) == accounted.get(v, 0) and uses.get(v)}
    # every assignment: a constant, an ok variable of the same width, or an expression of the same width
    changed = True
    while changed:
        changed = False
        for v, rhs, _s, _e in assigns:
            if v not in ok:
                continue
            src = var_of(rhs)
            w = int(cand[v].type.bitWidth)
            if src is not None:
                good = src in ok and int(cand[src].type.bitWidth) == w and \
                    bool(cand[src].type.isSigned) == bool(cand[v].type.isSigned)
                if not good and src in ok:
                    ok.discard(src)
                    changed = True
            else:
                r = strip(rhs)
                # the same width and unsigned: ``(X) == W'hC`` then compares what the register holds
                good = an.const(rhs) is not None or (int(r.type.bitWidth or 0) == w and not r.type.isSigned)
            if not good:
                ok.discard(v)
                changed = True
        for v, rhs, _s, _e in assigns:  # a variable read by a dropped one is read as a word
            src = var_of(rhs)
            if src is not None and src in ok and v not in ok:
                ok.discard(src)
                changed = True
    if not ok:
        return None
    consts: dict[str, set[int]] = {v: set() for v in ok}
    for v, c, _op, _s, _e in cmps:
        if v in ok:
            consts[v].add(c)
    changed = True
    while changed:
        changed = False
        for v, rhs, _s, _e in assigns:
            src = var_of(rhs)
            if v in ok and src in ok and not consts[v] <= consts[src]:
                consts[src] |= consts[v]
                changed = True
    ok = {v for v in ok if consts[v]}
    changed = True
    while changed:  # a variable assigned to a dropped one is read as a word
        changed = False
        for v, rhs, _s, _e in assigns:
            src = var_of(rhs)
            if src in ok and v not in ok:
                ok.discard(src)
                changed = True
    if not ok:
        return None
    stmt_of = {}
    for st, s, e in an.statements:
        if type(st).__name__ == "ExpressionStatement":
            stmt_of[an.span(strip(st.expr).syntax)] = (st, s, e)
    return dict(cand=cand, ok=ok, consts=consts, assigns=assigns, cmps=cmps, var_of=var_of, stmt_of=stmt_of,
                blocking=blocking)


def _kw(text: str, ds: int) -> str:
    """``logic`` when the declaration being replaced says so, else ``reg``."""
    return "logic" if re.match(r"\s*(?:var\s+)?logic\b", text[ds:]) else "reg"


def _join(text: str, at: int, parts: list[str]) -> str:
    """Statements in place of one at ``at``: on one line when short, else one a line at its indentation."""
    one = " ".join(parts)
    if len(parts) <= 2 or len(one) <= 90:
        return one
    ls = text.rfind("\n", 0, at) + 1
    ind = re.match(r"[ \t]*", text[ls:at]).group(0)
    return ("\n" + ind).join(parts) if not text[ls:at].strip() else one


def _block(text: str, at: int, parts: list[str]) -> str:
    """``begin ... end`` around statements in place of one at ``at`` (one a line when long)."""
    one = "begin " + " ".join(parts) + " end"
    if len(one) <= 90:
        return one
    ls = text.rfind("\n", 0, at) + 1
    ind = re.match(r"[ \t]*", text[ls:at]).group(0)
    return "begin\n" + "".join(f"{ind}  {p}\n" for p in parts) + f"{ind}end"


def _in_initial(syn) -> bool:
    while syn is not None:
        k = str(syn.kind).split(".")[-1]
        if k == "InitialBlock":
            return True
        if k in ("AlwaysBlock", "AlwaysFFBlock", "AlwaysCombBlock", "AlwaysLatchBlock", "FunctionDeclaration",
                 "TaskDeclaration", "ModuleDeclaration"):
            return False
        syn = syn.parent
    return False


def _fresh(text: str):
    taken = set(re.findall(r"[A-Za-z_][\w$]*", text))

    def fresh(base: str) -> str:
        n, i = base, 1
        while n in taken:
            n, i = f"{base}_{i}", i + 1
        taken.add(n)
        return n
    return fresh


def _flags(an, text: str, f: dict) -> tuple[str, str] | None:
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.templates._sem import parses_cleanly, strip

    cand, ok, consts, assigns, cmps, var_of, stmt_of = (f[k] for k in (
        "cand", "ok", "consts", "assigns", "cmps", "var_of", "stmt_of"))
    nflags = sum(len(consts[v]) for v in ok)
    nbits = sum(int(cand[v].type.bitWidth) for v in ok)
    if nflags >= nbits:
        return None
    fresh = _fresh(text)
    names = {(v, c): fresh(f"{v}_is_{c:x}") for v in sorted(ok) for c in sorted(consts[v])}
    eds: list[Edit] = []
    for v, c, op, s, e in cmps:
        if v in ok:
            eds.append(Edit(s, e, names[(v, c)] if op == "==" else f"!{names[(v, c)]}"))
    for v, rhs, s, e in assigns:
        if v not in ok:
            continue
        got = stmt_of.get((s, e))
        if got is None:
            return None
        st, ss, se = got
        w = int(cand[v].type.bitWidth)
        src = var_of(rhs)
        k = an.const(rhs)
        rs, re_ = an.span(strip(rhs).syntax)
        rtext = text[rs:re_].strip()
        parts = []
        for c in sorted(consts[v]):
            if src is not None:
                val = names[(src, c)]
            elif k is not None:
                val = "1'b1" if (k & ((1 << w) - 1)) == c else "1'b0"
            else:
                val = f"{rtext if re.fullmatch(_IDENT, rtext) else f'({rtext})'} == {w}'h{c:x}"
            parts.append(f"{names[(v, c)]} {'=' if (s, e) in f['blocking'] else '<='} {val};")
        body = _join(text, ss, parts)
        parent = st.syntax.parent
        if len(parts) > 1 and (parent is None or str(parent.kind).split(".")[-1] != "SequentialBlockStatement"):
            body = _block(text, ss, parts)
        eds.append(Edit(ss, se, body))
    # declarations
    decls: dict[int, list[str]] = {}
    for v in ok:
        d = cand[v].syntax.parent
        decls.setdefault(id(d), [])
        decls[id(d)].append(v)
    done = set()
    for v in sorted(ok):
        d = cand[v].syntax.parent
        if id(d) in done:
            continue
        done.add(id(d))
        ds, de = an.span(d)
        declared = [x.name.valueText for x in d.declarators if hasattr(x, "name")]
        mine = [x for x in declared if x in ok]
        flags = ", ".join(names[(x, c)] for x in mine for c in sorted(consts[x]))
        if set(declared) <= ok:
            eds.append(Edit(ds, de, f"{_kw(text, ds)} {flags};"))
        else:
            eds.append(Edit(de, de, f"\n  {_kw(text, ds)} {flags};"))
    try:
        new = apply_edits(text, eds)
    except ValueError:
        return None
    if new == text or not parses_cleanly(new, an.errors):
        return None
    what = ", ".join(f"{v} ({int(cand[v].type.bitWidth)} bits) as {len(consts[v])} flag(s)" for v in sorted(ok))
    return new, f"registers read only through constant comparisons kept as the comparisons: {what}"


def _and_leaves(node, op: str) -> list:
    """The operands of a chain of ``op`` (through parentheses), left to right."""
    from rtlopt.templates._sem import strip

    node = strip(node)
    if type(node).__name__ == "BinaryExpression" and str(node.op).split(".")[-1] == op:
        return _and_leaves(node.left, op) + _and_leaves(node.right, op)
    return [node]


def _prefix(an, text: str, f: dict) -> tuple[str, str] | None:
    """A shift chain ``h1 <= X; h2 <= h1; ... hk <= h(k-1)`` compared with a constant pattern in one
    conjunction (``hk == Pk && ... && h1 == P1``, a sync-word detector) as match-progress flags:
    ``m1 <= X == Pk; m2 <= m1 && X == P(k-1); ...``; the conjunction is ``mk``. Every member is
    assigned at the same places (a reset of constants, the shift), so the flags move together."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.romsym import _whole_lines
    from rtlopt.templates._sem import parses_cleanly, strip

    cand, ok, assigns, cmps, var_of, stmt_of = (f[k] for k in ("cand", "ok", "assigns", "cmps", "var_of", "stmt_of"))
    cmp_at = {(s, e): (v, c, op) for v, c, op, s, e in cmps if v in ok}
    best = None
    for x in an.exprs:
        node = x.node
        if type(node).__name__ != "BinaryExpression":
            continue
        op = str(node.op).split(".")[-1]
        if op not in ("LogicalAnd", "BinaryAnd"):
            continue
        leaves = _and_leaves(node, op)
        spans = [an.span(leaf.syntax) for leaf in leaves]
        hits = [sp for sp in spans if sp in cmp_at]
        if len(hits) < 2 or (op == "BinaryAnd" and any(int(leaf.type.bitWidth or 0) != 1 for leaf in leaves)):
            continue
        if best is None or x.end - x.start > best[0].end - best[0].start:
            best = (x, op, leaves, spans, hits)
    if best is None:
        return None
    root, op, leaves, spans, hits = best
    terms = [cmp_at[sp] for sp in hits]
    if any(o != "==" for _v, _c, o in terms):
        return None
    members = {v for v, _c, _o in terms}
    if len(members) != len(terms):
        return None  # two comparisons of one register
    srcs: dict[str, set] = {}
    for v, rhs, _s, _e in assigns:
        if v in ok:
            if an.const(rhs) is not None:
                continue
            srcs.setdefault(v, set()).add(var_of(rhs))
    # the chain: from the deepest member back to its head
    reads = {}
    for v, ss in srcs.items():
        for src in ss:
            if src is not None:
                reads.setdefault(src, set()).add(v)
    deepest = [v for v in members if not reads.get(v)]
    if len(deepest) != 1:
        return None
    chain = [deepest[0]]
    while True:
        ss = srcs.get(chain[-1], set())
        if len(ss) != 1:
            return None
        src = next(iter(ss))
        if src is None:
            break
        if src not in ok or reads.get(src, set()) != {chain[-1]}:
            return None
        chain.append(src)
        if len(chain) > 64:
            return None
    chain.reverse()  # h1 (head) .. hk (deepest)
    k = len(chain)
    if not members <= set(chain) or k < 2:
        return None
    depth = {v: i + 1 for i, v in enumerate(chain)}
    pat: dict[int, int] = {depth[v]: c for v, c, _o in terms}
    w = int(cand[chain[0]].type.bitWidth)
    if any(int(cand[v].type.bitWidth) != w for v in chain):
        return None
    # other comparisons of the chain's registers (``ff_now = (h1 == 8'hFF)``) keep comparison flags that
    # move along the chain from its head: ``h1_is_ff <= X == 8'hff; h2_is_ff <= h1_is_ff; ...``
    hitset = set(hits)
    extra = [(v, c, o, s, e) for v, c, o, s, e in cmps if v in depth and (s, e) not in hitset]
    xconsts: dict[str, set] = {v: set() for v in chain}
    for v, c, _o, _s, _e in extra:
        for u in chain[:depth[v]]:
            xconsts[u].add(c)
    nflags = k + sum(len(cs) for cs in xconsts.values())
    if nflags >= k * w or (extra and nflags >= sum(len(f["consts"].get(v, ())) for v in chain)):
        return None  # no fewer flip-flops than the bits, or than the comparison flags alone
    # the assignments, grouped by the block they sit in
    groups: dict[tuple, dict] = {}
    g_blocking: set[tuple] = set()
    for v, rhs, s, e in assigns:
        if v not in depth:
            continue
        got = stmt_of.get((s, e))
        if got is None:
            return None
        st, ss_, se = got
        par = st.syntax.parent
        if par is None or str(par.kind).split(".")[-1] != "SequentialBlockStatement":
            return None
        key = an.span(par)
        g = groups.setdefault(key, {})
        if v in g:
            return None
        g[v] = (rhs, ss_, se)
        if (s, e) in f["blocking"]:
            g_blocking.add(key)
    fresh = _fresh(text)
    m_name = [fresh(f"{chain[0]}_match{m}") for m in range(1, k + 1)]
    x_name = {(v, c): fresh(f"{v}_is_{c:x}") for v in chain for c in sorted(xconsts[v])}
    eds: list[Edit] = []
    for v, c, o, s, e in extra:
        eds.append(Edit(s, e, x_name[(v, c)] if o == "==" else f"!{x_name[(v, c)]}"))
    mask = (1 << w) - 1
    for key, g in groups.items():
        if set(g) != set(chain):
            return None
        consts = [an.const(g[v][0]) for v in chain]
        eq = "=" if key in g_blocking else "<="
        parts = []
        if all(c is not None for c in consts):
            for m in range(1, k + 1):
                val = all(pat.get(i + k - m) is None or (consts[i - 1] & mask) == pat[i + k - m] for i in range(1, m + 1))
                parts.append(f"{m_name[m - 1]} {eq} 1'b{int(val)};")
            for i, v in enumerate(chain):
                for c in sorted(xconsts[v]):
                    parts.append(f"{x_name[(v, c)]} {eq} 1'b{int((consts[i] & mask) == c)};")
        else:
            for i, v in enumerate(chain[1:], start=1):
                if var_of(g[v][0]) != chain[i - 1]:
                    return None
            rhs = g[chain[0]][0]
            if var_of(rhs) is not None:
                return None
            rs, re_ = an.span(strip(rhs).syntax)
            xt = text[rs:re_].strip()
            xt = xt if re.fullmatch(_IDENT, xt) else f"({xt})"
            for m in range(1, k + 1):
                p = pat.get(k - m + 1)
                term = None if p is None else f"{xt} == {w}'h{p:x}"
                prev = m_name[m - 2] if m > 1 else None
                val = " && ".join(t for t in (prev, term) if t) or "1'b1"
                parts.append(f"{m_name[m - 1]} <= {val};")
            for i, v in enumerate(chain):
                for c in sorted(xconsts[v]):
                    val = f"{xt} == {w}'h{c:x}" if i == 0 else x_name[(chain[i - 1], c)]
                    parts.append(f"{x_name[(v, c)]} <= {val};")
        sts = sorted((se_s, se_e) for _r, se_s, se_e in g.values())
        eds.append(Edit(sts[0][0], sts[0][1], _join(text, sts[0][0], parts)))
        dels = []
        for a, b in sts[1:]:
            while a > 0 and text[a - 1] in " \t" and text[:a].rstrip(" \t")[-1:] not in ("\n", ""):
                a -= 1
            dels.append((a, b))
        eds += [Edit(a, b, "") for a, b in _whole_lines(text, dels)]
    if not groups:
        return None
    others = [text[a:b].strip() for (a, b) in spans if (a, b) not in set(hits)]
    join = " && " if op == "LogicalAnd" else " & "
    newexpr = m_name[-1] if not others else "(" + join.join([m_name[-1]] + [o if re.fullmatch(_IDENT, o) else f"({o})" for o in others]) + ")"
    eds.append(Edit(root.start, root.end, newexpr))
    done = set()
    for v in chain:
        d = cand[v].syntax.parent
        ds, de = an.span(d)
        if (ds, de) in done:
            continue
        done.add((ds, de))
        declared = [x.name.valueText for x in d.declarators if hasattr(x, "name")]
        mine = [x for x in declared if x in depth]
        if set(declared) <= set(chain):
            flags = ", ".join(m_name + list(x_name.values())) if mine and (ds, de) == min(done) else ""
            eds.append(Edit(ds, de, f"{_kw(text, ds)} {flags};" if flags else ""))
        else:
            eds.append(Edit(de, de, f"\n  {_kw(text, ds)} {', '.join(m_name + list(x_name.values()))};"
                            if len(done) == 1 else ""))
    if len(done) != 1:
        return None  # members declared in several statements: not rewritten
    try:
        new = apply_edits(text, eds)
    except ValueError:
        return None
    if new == text or not parses_cleanly(new, an.errors):
        return None
    patt = " ".join("--" if pat.get(d) is None else f"{pat[d]:x}" for d in range(k, 0, -1))
    more = f" and {len(x_name)} comparison flag(s)" if x_name else ""
    return new, (f"shift chain {', '.join(chain)} compared with the pattern {patt} kept as {k} match-progress "
                 f"flags{more} ({k * w} -> {nflags} flip-flops)")


def _vector_prefix(an, text: str) -> list[tuple[str, str]]:
    """A history kept in one vector shifted by a lane (``sr <= {sr[N-W-1:0], X}`` or ``{X, sr[N-1:W]}``)
    and compared with constants on whole lanes in one conjunction (``sr == 24'hFF0000``): the
    match-progress flags of :func:`_prefix` (``m1 <= X == P; m2 <= m1 && X == P'; ...``). A packed
    array's selects count its elements. Other comparisons of lanes with constants (``sr[7:0] != 0``)
    read comparison flags ``sr_is_C_d`` (the lane at depth d equals C) shifted from ``X == C``."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.romsym import _strip_comments
    from rtlopt.templates._sem import parses_cleanly, strip

    ports = {s.name for s in an.symbols if type(s).__name__ == "PortSymbol"}
    out = []
    seen = set()
    clean = _strip_comments(text)
    for sym in an.symbols:
        if type(sym).__name__ != "VariableSymbol" or sym.name in ports or sym.name in seen:
            continue
        seen.add(sym.name)
        ty = sym.type
        if not ty.isIntegral or getattr(ty, "isUnpackedArray", False) or ty.isSigned:
            continue
        n = int(ty.bitWidth or 0)
        if not 4 <= n <= 256 or type(sym.syntax).__name__ != "DeclaratorSyntax":
            continue
        if getattr(sym.syntax, "initializer", None) is not None:
            continue
        name, off = sym.name, sym.location.offset
        # a packed array (``logic [3:0][7:0] win``): selects count elements of ``ew`` bits
        try:
            rng = ty.fixedRange
            ew = int(ty.elementType.bitWidth or 0)
        except Exception:  # noqa: BLE001 - not a packed array: bits
            rng, ew = None, 1
        if rng is None or ew < 1 or (rng.upper - rng.lower + 1) * ew != n:
            continue

        def bits(a_, b_, rng=rng, ew=ew):
            """The bits ``(hi, lo)`` of the select ``[a_:b_]`` (element indexes), or None."""
            if a_ is None or b_ is None or not (rng.lower <= min(a_, b_) and max(a_, b_) <= rng.upper):
                return None
            desc = rng.left >= rng.right
            pa, pb = ((a_ - rng.lower, b_ - rng.lower) if desc else (rng.upper - a_, rng.upper - b_))
            if pa < pb:
                return None  # a select against the declared direction
            return pa * ew + ew - 1, pb * ew

        def is_v(node, name=name, off=off):
            node = strip(node)
            return type(node).__name__ == "NamedValueExpression" and node.symbol.name == name and \
                node.symbol.location.offset == off

        shifts, resets, cmps, bad = [], [], [], False
        w = None
        lsb_in = None
        for x in an.exprs:
            node = x.node
            kind = type(node).__name__
            if kind == "AssignmentExpression" and is_v(node.left):
                if not node.isNonBlocking:
                    bad = True
                    break
                c = an.const(node.right)
                if c is not None:
                    resets.append((c, x.start, x.end))
                    continue
                r = strip(node.right)
                if type(r).__name__ != "ConcatenationExpression" or len(r.operands) != 2:
                    bad = True
                    break
                hi_op, lo_op = (strip(o) for o in r.operands)
                for sl, xin, lsb in ((hi_op, lo_op, True), (lo_op, hi_op, False)):
                    if type(sl).__name__ == "RangeSelectExpression" and is_v(sl.value) and \
                            str(sl.selectionKind).split(".")[-1] == "Simple":
                        ab = bits(an.const(sl.left), an.const(sl.right))
                        xw = int(xin.type.bitWidth or 0)
                        if ab is None or xw <= 0 or n % xw:
                            continue
                        a_, b_ = ab
                        want = (n - 1 - xw, 0) if lsb else (n - 1, xw)
                        if (a_, b_) != want:
                            continue
                        if w not in (None, xw) or lsb_in not in (None, lsb):
                            bad = True
                        w, lsb_in = xw, lsb
                        shifts.append((xin, x.start, x.end))
                        break
                else:
                    bad = True
                    break
            elif kind == "BinaryExpression" and str(node.op).split(".")[-1] in _EQ:
                for a_, b_ in ((node.left, node.right), (node.right, node.left)):
                    c = an.const(b_)
                    a_ = strip(a_)
                    if is_v(a_):
                        lo_, hi_ = 0, n - 1
                    elif type(a_).__name__ == "RangeSelectExpression" and is_v(a_.value) and \
                            str(a_.selectionKind).split(".")[-1] == "Simple":
                        hl = bits(an.const(a_.left), an.const(a_.right))
                        if hl is None:
                            continue
                        hi_, lo_ = hl
                    elif type(a_).__name__ == "ElementSelectExpression" and is_v(a_.value) and ew > 1:
                        i_ = an.const(a_.selector)
                        hl = bits(i_, i_)
                        if hl is None:
                            continue
                        hi_, lo_ = hl
                    else:
                        continue
                    if c is None or int(strip(b_).type.bitWidth or 0) > hi_ - lo_ + 1:
                        bad = True
                        continue
                    cmps.append((lo_, hi_, c, _EQ[str(node.op).split(".")[-1]], x.start, x.end))
                    break
        if bad or not shifts or not cmps or w is None:
            continue
        k = n // w
        mentions = len(re.findall(rf"(?<![\w$.]){re.escape(name)}(?![\w$])", clean))
        if mentions != 1 + len(resets) + 2 * len(shifts) + len(cmps):
            continue
        # every comparison's lanes by depth (1 = the lane shifted in last)
        lanes_of = []
        for lo_, hi_, c, _op, _s, _e in cmps:
            if lo_ % w or (hi_ + 1) % w or hi_ < lo_:
                break
            lanes_of.append({(lane + 1 if lsb_in else k - lane): (c >> (lane * w - lo_)) & ((1 << w) - 1)
                             for lane in range((lo_ // w), (hi_ + 1) // w)})
        if len(lanes_of) != len(cmps):
            continue
        # the pattern: one comparison, or the comparisons in one conjunction (the one covering the
        # most lanes); other comparisons keep comparison flags moving along the lanes
        choices = [(len(lanes_of[i]), cmps[i][5] - cmps[i][4], None, [i]) for i in range(len(cmps))]
        for x in an.exprs:
            node = x.node
            if type(node).__name__ != "BinaryExpression":
                continue
            opn = str(node.op).split(".")[-1]
            if opn not in ("LogicalAnd", "BinaryAnd"):
                continue
            leaves = _and_leaves(node, opn)
            lsp = set(an.span(leaf.syntax) for leaf in leaves)
            inside = [i for i, cm in enumerate(cmps) if (cm[4], cm[5]) in lsp]
            if len(inside) < 2 or any(cmps[i][3] != "==" for i in inside):
                continue
            if opn == "BinaryAnd" and any(int(leaf.type.bitWidth or 0) != 1 for leaf in leaves):
                continue
            choices.append((sum(len(lanes_of[i]) for i in inside), x.end - x.start,
                            (x, opn, [an.span(leaf.syntax) for leaf in leaves]), inside))
        _nl, _ln, root, in_pat = max(choices, key=lambda ch: (ch[0], ch[1]))
        pat: dict[int, int] = {}
        ok = True
        for i in in_pat:
            for d, v in lanes_of[i].items():
                if pat.get(d, v) != v:
                    ok = False
                pat[d] = v
        if not ok or not pat:
            continue
        kk = max(pat)
        extra = [i for i in range(len(cmps)) if i not in in_pat]
        xneed: dict[int, int] = {}
        for i in extra:
            for d, v in lanes_of[i].items():
                xneed[v] = max(xneed.get(v, 0), d)
        if extra and kk + sum(xneed.values()) >= n:
            continue
        fresh = _fresh(text)
        m_name = [fresh(f"{name}_match{m}") for m in range(1, kk + 1)]
        x_name = {(v, d): fresh(f"{name}_is_{v:x}_{d}") for v in sorted(xneed) for d in range(1, xneed[v] + 1)}
        mask = (1 << w) - 1
        eds: list[Edit] = []
        stmt_of = {}
        for st, s_, e_ in an.statements:
            if type(st).__name__ == "ExpressionStatement":
                stmt_of[an.span(strip(st.expr).syntax)] = (st, s_, e_)

        def place(span, parts, stmt_of=stmt_of):
            got = stmt_of.get(span)
            if got is None:
                return None
            st, s_, e_ = got
            body = _join(text, s_, parts)
            par = st.syntax.parent
            if len(parts) > 1 and (par is None or str(par.kind).split(".")[-1] != "SequentialBlockStatement"):
                body = _block(text, s_, parts)
            return Edit(s_, e_, body)

        for c, s_, e_ in resets:
            lanes = {d: (c >> (((d - 1) if lsb_in else (k - d)) * w)) & mask for d in range(1, k + 1)}
            parts = []
            for m in range(1, kk + 1):
                val = all(pat.get(i + kk - m) is None or lanes[i] == pat[i + kk - m] for i in range(1, m + 1))
                parts.append(f"{m_name[m - 1]} <= 1'b{int(val)};")
            for (v, d), xn in x_name.items():
                parts.append(f"{xn} <= 1'b{int(lanes[d] == v)};")
            ed = place((s_, e_), parts)
            if ed is None:
                ok = False
                break
            eds.append(ed)
        for xin, s_, e_ in shifts:
            xs, xe = an.span(xin.syntax)
            xt = text[xs:xe].strip()
            xt = xt if re.fullmatch(_IDENT, xt) else f"({xt})"
            parts = []
            for m in range(1, kk + 1):
                p_ = pat.get(kk - m + 1)
                term = None if p_ is None else f"{xt} == {w}'h{p_:x}"
                prev = m_name[m - 2] if m > 1 else None
                val = " && ".join(t for t in (prev, term) if t) or "1'b1"
                parts.append(f"{m_name[m - 1]} <= {val};")
            for (v, d), xn in x_name.items():
                parts.append(f"{xn} <= {xt} == {w}'h{v:x};" if d == 1 else f"{xn} <= {x_name[(v, d - 1)]};")
            ed = place((s_, e_), parts)
            if ed is None:
                ok = False
                break
            eds.append(ed)
        if not ok:
            continue
        for i in extra:
            _lo, _hi, _c, op, s_, e_ = cmps[i]
            fl = [x_name[(v, d)] for d, v in sorted(lanes_of[i].items())]
            t_ = fl[0] if len(fl) == 1 else "(" + " && ".join(fl) + ")"
            eds.append(Edit(s_, e_, t_ if op == "==" else f"!{t_}"))
        if root is None:
            _lo, _hi, _c, op, s_, e_ = cmps[in_pat[0]]
            eds.append(Edit(s_, e_, m_name[-1] if op == "==" else f"!{m_name[-1]}"))
        else:
            x, opn, lsp = root
            spans = {(cmps[i][4], cmps[i][5]) for i in in_pat}
            others = [text[a_:b_].strip() for a_, b_ in lsp if (a_, b_) not in spans]
            join = " && " if opn == "LogicalAnd" else " & "
            new_e = m_name[-1] if not others else "(" + join.join(
                [m_name[-1]] + [o if re.fullmatch(_IDENT, o) else f"({o})" for o in others]) + ")"
            eds.append(Edit(x.start, x.end, new_e))
        d = sym.syntax.parent
        ds, de = an.span(d)
        declared = [x.name.valueText for x in d.declarators if hasattr(x, "name")]
        flags = ", ".join(m_name + list(x_name.values()))
        if declared == [name]:
            eds.append(Edit(ds, de, f"{_kw(text, ds)} {flags};"))
        else:
            eds.append(Edit(de, de, f"\n  {_kw(text, ds)} {flags};"))
        try:
            new = apply_edits(text, eds)
        except ValueError:
            continue
        if new == text or not parses_cleanly(new, an.errors):
            continue
        patt = " ".join("--" if pat.get(d) is None else f"{pat[d]:x}" for d in range(kk, 0, -1))
        more = f" and {len(x_name)} comparison flag(s)" if x_name else ""
        out.append((new, f"history vector {name} ({k} lanes of {w} bits) compared with the pattern {patt} kept as "
                         f"{kk} match-progress flags{more} ({n} -> {kk + len(x_name)} flip-flops)"))
    return out


def _array_flags(an, text: str) -> list[tuple[str, str]]:
    """An unpacked array of registers (``reg [7:0] sr [0:2]``, a delay line often shifted by a generate
    loop: ``sr[g] <= sr[g - 1]``) whose elements are only assigned whole (nonblocking) and compared with
    constants: one flag array per constant (``sr_is_c3[g] <= sr_is_c3[g - 1]``), each assignment mirrored
    with the same index text, each comparison reading its flag. Flags of elements never compared are
    left for synthesis to drop."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.romsym import _strip_comments
    from rtlopt.templates._sem import parses_cleanly, strip

    ports = {s.name for s in an.symbols if type(s).__name__ == "PortSymbol"}
    clean = _strip_comments(text)
    out = []
    seen = set()
    stmt_of = {}
    for st, s_, e_ in an.statements:
        if type(st).__name__ == "ExpressionStatement":
            stmt_of[an.span(strip(st.expr).syntax)] = (st, s_, e_)
    for sym in an.symbols:
        if type(sym).__name__ != "VariableSymbol" or sym.name in ports or sym.name in seen:
            continue
        seen.add(sym.name)
        ty = sym.type
        if not getattr(ty, "isUnpackedArray", False) or type(sym.syntax).__name__ != "DeclaratorSyntax":
            continue
        et = ty.elementType
        if not et.isIntegral or et.isSigned or getattr(et, "isUnpackedArray", False):
            continue
        w = int(et.bitWidth or 0)
        if not 2 <= w <= 64 or getattr(sym.syntax, "initializer", None) is not None:
            continue
        name, off = sym.name, sym.location.offset

        def elem(node, name=name, off=off):
            node = strip(node)
            if type(node).__name__ != "ElementSelectExpression":
                return None
            v = strip(node.value)
            if type(v).__name__ != "NamedValueExpression" or v.symbol.name != name or \
                    v.symbol.location.offset != off:
                return None
            return an.span(node.syntax)

        sels = set()
        for x in an.exprs:
            sp = elem(x.node)
            if sp is not None:
                sels.add(sp)
        accounted: set = set()
        cmps, assigns, bad = {}, {}, False
        for x in an.exprs:
            node = x.node
            kind = type(node).__name__
            if kind == "AssignmentExpression":
                lsp = elem(node.left)
                if lsp is None:
                    continue
                if not node.isNonBlocking:
                    bad = True
                    break
                rsp = elem(node.right)
                r = strip(node.right)
                if rsp is None and an.const(node.right) is None and (
                        int(r.type.bitWidth or 0) != w or r.type.isSigned):
                    bad = True
                    break
                accounted |= {lsp} | ({rsp} if rsp else set())
                assigns[(x.start, x.end)] = (lsp, rsp, node.right)
            elif kind == "BinaryExpression" and str(node.op).split(".")[-1] in _EQ:
                for a_, b_ in ((node.left, node.right), (node.right, node.left)):
                    sp = elem(a_)
                    if sp is None:
                        continue
                    c = an.const(b_)
                    if c is None or int(strip(b_).type.bitWidth or 0) > w or strip(b_).type.isSigned:
                        bad = True
                        break
                    accounted.add(sp)
                    cmps[(x.start, x.end)] = (sp, c & ((1 << w) - 1), _EQ[str(node.op).split(".")[-1]])
                    break
        if bad or not cmps or not assigns or accounted != sels:
            continue
        mentions = len(re.findall(rf"(?<![\w$.]){re.escape(name)}(?![\w$])", clean))
        if mentions != 1 + len(sels):
            continue
        consts = sorted({c for _sp, c, _o in cmps.values()})
        if len(consts) >= w:
            continue
        d = sym.syntax.parent
        declared = [x.name.valueText for x in d.declarators if hasattr(x, "name")]
        if declared != [name]:
            continue
        fresh = _fresh(text)
        fl = {c: fresh(f"{name}_is_{c:x}") for c in consts}

        def sub(sp, c, fl=fl, name=name):
            t = text[sp[0]:sp[1]]
            return fl[c] + t[len(name):] if t.startswith(name) else None

        eds: list[Edit] = []
        for (s_, e_), (sp, c, o) in cmps.items():
            t = sub(sp, c)
            if t is None:
                bad = True
                break
            eds.append(Edit(s_, e_, t if o == "==" else f"!{t}"))
        for span_, (lsp, rsp, rhs) in assigns.items():
            got = stmt_of.get(span_)
            if got is None or bad:
                bad = True
                break
            st, s_, e_ = got
            k = an.const(rhs)
            rs, re_ = an.span(strip(rhs).syntax)
            rtext = text[rs:re_].strip()
            parts = []
            for c in consts:
                if rsp is not None:
                    val = sub(rsp, c)
                elif k is not None:
                    val = "1'b1" if (k & ((1 << w) - 1)) == c else "1'b0"
                else:
                    val = f"{rtext if re.fullmatch(_IDENT, rtext) else f'({rtext})'} == {w}'h{c:x}"
                lhs = sub(lsp, c)
                if val is None or lhs is None:
                    bad = True
                    break
                parts.append(f"{lhs} <= {val};")
            if bad:
                break
            body = _join(text, s_, parts)
            par = st.syntax.parent
            if len(parts) > 1 and (par is None or str(par.kind).split(".")[-1] != "SequentialBlockStatement"):
                body = _block(text, s_, parts)
            eds.append(Edit(s_, e_, body))
        if bad:
            continue
        ds, de = an.span(d)
        dims = "".join(str(x) for x in sym.syntax.dimensions).strip()
        eds.append(Edit(ds, de, f"{_kw(text, ds)} " + ", ".join(f"{fl[c]} {dims}" for c in consts) + ";"))
        try:
            new = apply_edits(text, eds)
        except ValueError:
            continue
        if new == text or not parses_cleanly(new, an.errors):
            continue
        out.append((new, f"register array {name} ({w}-bit elements) read only through constant comparisons kept as "
                         f"{len(consts)} flag array(s)"))
    return out


def rewrites(text: str, name: str = "design.v") -> list[tuple[str, str]]:
    """``[(new text, description)]``: every such register of the file at once. Without a match-progress
    form on ``text``, also on the texts :func:`rtlopt.semantic.histmirror.prepared` gives (compare
    functions inlined, compares moved across a module boundary) and by mirroring lanes
    (:mod:`rtlopt.semantic.histmirror`). Nothing at all: the same on the file with its next-state blocks
    inlined and its per-register clocked blocks merged (:func:`rtlopt.semantic.procnorm.normalize`)."""
    out = _rewrites(text, name)
    if not out:
        from rtlopt.semantic.procnorm import normalize
        try:
            n = normalize(text, name)
        except Exception:  # noqa: BLE001 - a parse problem: no view
            n = None
        if n is not None:
            out = _rewrites(n, name)
    return out


def _rewrites(text: str, name: str) -> list[tuple[str, str]]:
    out = _forms(text, name)
    if any("match-progress" in d for _n, d in out):
        return out
    from rtlopt.semantic.histmirror import prepared
    from rtlopt.semantic.histmirror import rewrites as mirrored

    mir = mirrored(text, name)
    if not any("match-progress" in d for _n, d in mir):
        # the forms of this module on a prepared text (a vector history in a child, say)
        for t, steps in prepared(text, name)[1:]:
            got = [(n, f"{d} ({'; '.join(steps)})") for n, d in _forms(t, name) if "match-progress" in d]
            if got:
                return out + got[:1] + [(n, d) for n, d in mir if not out]
    # other structures: generate-block registers, lanes of nets, packed arrays, across modules
    # (only the match-progress form when this file's own forms already gave comparison flags)
    return out + [(n, d) for n, d in mir if not out or "match-progress" in d]


def _forms(text: str, name: str) -> list[tuple[str, str]]:
    from rtlopt.templates._sem import analyze

    an = analyze(text, name)
    if an.syntax_errors:
        return []
    out = []
    with contextlib.suppress(Exception):  # an unusual design: no vector rewrite
        out += _vector_prefix(an, text)
    with contextlib.suppress(Exception):  # an unusual design: no array rewrite
        out += _array_flags(an, text)
    try:
        facts = _facts(an, text)
    except Exception:  # noqa: BLE001 - an unusual design: no rewrite
        facts = None
    if facts is not None:
        for make in (_prefix, _flags):
            try:
                got = make(an, text, facts)
            except Exception:  # noqa: BLE001 - an unusual design: no rewrite
                got = None
            if got:
                out.append(got)
    return out


def histflag_candidates(state) -> list:
    from rtlopt.engine.candidate import per_file_candidates

    return per_file_candidates(state, rewrites, RULE, "comparison flags", "histflag")


__all__ = ["histflag_candidates", "rewrites"]
