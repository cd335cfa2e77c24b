"""Instance-level resource sharing: two instances of one module whose results are used under
exclusive conditions become one instance fed by muxed inputs.

``u_a (.x(p), .k(k), .y(ya)); u_b (.x(q), .k(k), .y(yb)); ... out = c ? f(yb) : g(ya)``: only one of the
two results matters at a time, selected by ``c``. The kept instance takes ``c ? q : p`` on every input
port whose connections differ (identical connections stay), and the dropped instance's output nets
become copies of the kept one's (``assign yb = ya;``). The selection and its polarity come from the
module's own dataflow: a ternary or an if/else on ``c`` whose one arm reads (transitively, through
continuous assignments, declarations and procedural assignments) only results of ``u_b`` and whose
other arm only results of ``u_a``. Names and coding style do not matter; the search loop measures every
candidate and proves the one it keeps (a selection that is not truly exclusive fails the proof).
"""

from __future__ import annotations

import re
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits

RULE = "exclusive_instance_sharing"  # the catalog rule (rules/datapath)
MAX_CANDIDATES = 6

_ID = re.compile(r"(?<!['\w$.])[A-Za-z_][\w$]*")
_KW = {"begin", "end", "if", "else", "case", "endcase", "assign", "wire", "reg", "logic", "signed", "unsigned",
       "posedge", "negedge", "or", "and", "default", "for", "integer"}


def _ids(text: str) -> set[str]:
    return {m.group(0) for m in _ID.finditer(text)} - _KW


def _kind(n) -> str:
    return type(n).__name__


def _port_dirs(trees) -> dict[str, list[tuple[str, str]]]:
    """{module name: [(port name, direction)]} for ANSI-port modules of every file."""
    out: dict[str, list[tuple[str, str]]] = {}
    for _p, tr in trees:
        for m in tr.root.members:
            if _kind(m) != "ModuleDeclarationSyntax" or m.header.ports is None:
                continue
            if _kind(m.header.ports) == "NonAnsiPortListSyntax":
                pd = {}
                for it in m.members:
                    if _kind(it) == "PortDeclarationSyntax" and getattr(it.header, "direction", None) is not None:
                        for d in it.declarators:
                            if _kind(d) == "DeclaratorSyntax":
                                pd[d.name.valueText] = it.header.direction.valueText
                names = [str(x).strip() for x in m.header.ports.ports if not _kind(x).endswith("Token")]
                if names and all(n in pd for n in names):
                    out[m.header.name.valueText] = [(n, pd[n]) for n in names]
                continue
            if _kind(m.header.ports) != "AnsiPortListSyntax":
                continue
            ports, last = [], None
            for pt in m.header.ports.ports:
                if _kind(pt).endswith("Token"):
                    continue
                if _kind(pt) != "ImplicitAnsiPortSyntax":
                    ports = None
                    break
                h = pt.header
                d = getattr(h, "direction", None)
                dt = d.valueText if d is not None and d.valueText else last
                if dt is None:
                    ports = None
                    break
                last = dt
                ports.append((pt.declarator.name.valueText, dt))
            if ports:
                out[m.header.name.valueText] = ports
    return out


def _walk(n, f):
    f(n)
    try:
        kids = list(n)
    except TypeError:
        return
    for k in kids:
        if hasattr(k, "sourceRange") and not _kind(k).endswith("Token"):
            _walk(k, f)


def _span(text: str, n) -> tuple[int, int]:
    r = n.sourceRange
    return r.start.offset, r.end.offset


def _deps(text: str, mod, dirs_all: dict) -> dict[str, set[str]]:
    """name -> names it is computed from (one step), over the module's assignments."""
    dep: dict[str, set[str]] = {}

    def add(lhs: str, rhs: str) -> None:
        for v in _ids(lhs):
            dep.setdefault(v, set()).update(_ids(rhs))

    def visit(n):
        k = _kind(n)
        if k == "BinaryExpressionSyntax" and hasattr(n, "operatorToken"):
            if "Assignment" in str(n.kind):
                a, b = _span(text, n.left)
                c, d = _span(text, n.right)
                add(text[a:b], text[c:d])
        elif k == "DeclaratorSyntax" and n.initializer is not None:
            c, d = _span(text, n.initializer)
            add(n.name.valueText, text[c:d])
        elif k == "HierarchyInstantiationSyntax":
            ports = dirs_all.get(n.type.valueText)
            for hi in n.instances:
                if _kind(hi) != "HierarchicalInstanceSyntax":
                    continue
                cs = _conns(text, hi, ports) if ports else None
                if cs is None:  # unknown directions: every connection may drive every other
                    a, b = _span(text, hi)
                    every = _ids(text[a:b])
                    for v in every:
                        dep.setdefault(v, set()).update(every)
                    continue
                pdir = dict(ports)
                ins = " ".join(c[2] for p, c in cs.items() if c is not None and pdir.get(p) == "input")
                for p, c in cs.items():
                    if c is not None and pdir.get(p) != "input":
                        add(c[2], ins)

    _walk(mod, visit)
    return dep


def _closure(dep: dict[str, set[str]], seeds: set[str]) -> set[str]:
    """Every name that (transitively) reads one of ``seeds``."""
    users: dict[str, set[str]] = {}
    for v, srcs in dep.items():
        for s in srcs:
            users.setdefault(s, set()).add(v)
    out, todo = set(seeds), list(seeds)
    while todo:
        for u in users.get(todo.pop(), ()):
            if u not in out:
                out.add(u)
                todo.append(u)
    return out


def _reads(text: str, n) -> set[str]:
    """Names an expression or statement reads (the targets of its assignments left out)."""
    lhs: set[str] = set()

    def visit(x):
        if _kind(x) == "BinaryExpressionSyntax" and hasattr(x, "operatorToken") \
                and "Assignment" in str(x.kind):
            a, b = _span(text, x.left)
            lhs.update(_ids(text[a:b]))

    _walk(n, visit)
    a, b = _span(text, n)
    return _ids(text[a:b]) - lhs


def _outer(text: str, n) -> set[str]:
    """What the other arms of the selections around ``n`` read (enclosing ?: / if-else / case items, up to
    the module item): a selection between two results that are also read there is not where they meet."""
    got: set[str] = set()
    child, up = n, getattr(n, "parent", None)
    while up is not None and _kind(up) != "ModuleDeclarationSyntax":
        k = _kind(up)
        arms = []
        if k == "ConditionalExpressionSyntax":
            arms = [up.left, up.right]
        elif k == "ConditionalStatementSyntax":
            arms = [up.statement] + ([up.elseClause] if up.elseClause is not None else [])
        elif k == "CaseStatementSyntax":
            arms = [it for it in up.items if hasattr(it, "sourceRange")]
        c0, c1 = _span(text, child)
        for arm in arms:
            a, b = _span(text, arm)
            if not (a <= c0 and c1 <= b):
                got |= _reads(text, arm)
        child, up = up, getattr(up, "parent", None)
    return got


def _selections(text: str, mod):
    """[(condition text, true-arm reads, false-arm reads, span, outer reads)] of the module's ternaries and
    if/else, and ("case", selector, items, span, outer reads) of its plain case statements (:func:`_outer`)."""
    out = []

    def visit(n):
        k = _kind(n)
        if k == "ConditionalExpressionSyntax":
            p = n.predicate
            a, b = _span(text, p)
            out.append((text[a:b], _reads(text, n.left), _reads(text, n.right), _span(text, n), _outer(text, n)))
        elif k == "ConditionalStatementSyntax" and n.elseClause is not None:
            a, b = _span(text, n.predicate)
            out.append((text[a:b], _reads(text, n.statement), _reads(text, n.elseClause), _span(text, n),
                        _outer(text, n)))
        elif k == "CaseStatementSyntax" and n.caseKeyword.valueText == "case":
            got = _case_items(text, n)
            if got is not None:
                out.append(got + (_span(text, n), _outer(text, n)))

    _walk(mod, visit)
    return out


def _child_selections(text: str, mod, dirs_all: dict, mods: dict | None):
    """Selections written inside a child instance, seen from the parent: a ternary or if/else of the child
    whose condition reads only the child's input ports (``assign y = c ? pa : pb;`` in an arbiter) is
    the parent's ``c`` with every port replaced by its connection, its arms reading the connections of
    the ports they (transitively, inside the child) read. [(condition, true-arm reads, false-arm reads)]."""
    from pyslang import syntax

    out = []
    if not mods:
        return out
    seen: dict[str, tuple] = {}
    for it in mod.members:
        if _kind(it) != "HierarchyInstantiationSyntax":
            continue
        mname = it.type.valueText
        ports = dirs_all.get(mname)
        if not ports or mname not in mods:
            continue
        if mname not in seen:
            ctext = mods[mname]
            ctr = syntax.SyntaxTree.fromText(ctext, mname)
            root = ctr.root
            cm = [root] if _kind(root) == "ModuleDeclarationSyntax" else \
                [m for m in root.members if _kind(m) == "ModuleDeclarationSyntax"]
            if any(d.isError() for d in ctr.diagnostics) or len(cm) != 1:
                seen[mname] = None
                continue
            cdep = _deps(ctext, cm[0], dirs_all)
            ins = [p for p, d in ports if d == "input"]
            bits = _bit_nets(ctext, cm[0])
            csel = [(_expand(e[0], bits),) + e[1:] for e in _selections(ctext, cm[0]) if e[0] != "case"]
            # a port read also outside a selection (a compare-and-swap's max beside its min) is read there
            # too: what those reads observe is the selection's outer reads
            where_read = {p: [m.start() for m in re.finditer(rf"(?<![\w$.']){re.escape(p)}(?![\w$])", ctext)]
                          for p in ins}
            hdr = _span(ctext, cm[0].header)
            csel = [e[:4] + (e[4] | {p for p in ins if any(not (e[3][0] <= o < e[3][1]) and not (hdr[0] <= o < hdr[1])
                                                           for o in where_read[p])
                                     and p in (e[1] | e[2])},)
                    for e in csel]
            seen[mname] = (csel, {p: _closure(cdep, {p}) for p in ins})
        info = seen[mname]
        if info is None:
            continue
        csel, reach = info
        for hi in it.instances:
            if _kind(hi) != "HierarchicalInstanceSyntax" or hi.decl is None or list(hi.decl.dimensions):
                continue
            cs = _conns(text, hi, ports)
            if cs is None:
                continue
            for cond, ti, fi, _sp, ou in csel:
                names = _ids(cond)
                if not names or any(n not in reach or cs.get(n) is None for n in names):
                    continue
                pc = _subst(cond, {n: cs[n][2] for n in names})
                out.append((pc, _up(ti, reach, cs), _up(fi, reach, cs), (0, 0), _up(ou, reach, cs)))
    return out


def _bit_nets(text: str, mod) -> dict[str, str]:
    """{one-bit net: its expression} of the module's ``wire x = e;`` / ``assign x = e;`` (x declared
    without a range, assigned once): a selection's condition may name them."""
    decl: dict[str, str | None] = {}  # name -> its initializer (None: none) for one-bit nets
    assigned: dict[str, list[str]] = {}

    def visit(n):
        k = _kind(n)
        if k == "NetDeclarationSyntax" or k == "DataDeclarationSyntax":
            a, b = _span(text, n)
            head = text[a:b].split("=")[0]
            if "[" in head:
                return
            for d in n.declarators:
                if _kind(d) != "DeclaratorSyntax" or list(d.dimensions):
                    continue
                init = None
                if d.initializer is not None:
                    c, e = _span(text, d.initializer.expr)
                    init = text[c:e]
                decl[d.name.valueText] = init
        elif k == "ContinuousAssignSyntax":
            for x in n.assignments:
                if _kind(x) != "BinaryExpressionSyntax":
                    continue
                a, b = _span(text, x.left)
                c, e = _span(text, x.right)
                assigned.setdefault(text[a:b].strip(), []).append(text[c:e])

    _walk(mod, visit)
    out = {}
    for nm, init in decl.items():
        rhs = ([init] if init is not None else []) + assigned.get(nm, [])
        if len(rhs) == 1:
            out[nm] = rhs[0].strip()
    return out


def _expand(cond: str, bits: dict[str, str], depth: int = 4) -> str:
    """``cond`` with the one-bit nets of ``bits`` replaced by their expressions (a few levels)."""
    for _ in range(depth):
        if not _ids(cond) & set(bits):
            break
        cond = _subst(cond, bits)
    return cond


def _subst(cond: str, conn: dict[str, str]) -> str:
    """``cond`` with every name of ``conn`` replaced by its (parenthesized) connection."""
    return _ID.sub(lambda m: f"({conn[m.group(0)].strip()})" if m.group(0) in conn else m.group(0), cond)


def _up(arm: set[str], reach: dict[str, set[str]], cs: dict) -> set[str]:
    """The parent names a child's arm reads: the connections of the input ports whose readers it reads."""
    got: set[str] = set()
    for p, r in reach.items():
        if cs.get(p) is not None and arm & r:
            got |= _ids(cs[p][2])
    return got


def _case_items(text: str, n):
    """A plain ``case`` as ("case", selector text, [(labels or None for the default, arm reads)]), or None."""
    a, b = _span(text, n.expr)
    items = []
    for it in n.items:
        k = _kind(it)
        if k == "StandardCaseItemSyntax":
            labels = []
            for e in it.expressions:
                if _kind(e).endswith("Token"):
                    continue
                c, d = _span(text, e)
                labels.append(text[c:d].strip())
            items.append((labels, _reads(text, it.clause)))
        elif k == "DefaultCaseItemSyntax":
            items.append((None, _reads(text, it.clause)))
        else:
            return None
    return ("case", text[a:b].strip(), items)


def _case_split(entry, fa: set[str], fb: set[str]):
    """(condition, pol) choosing between the items of a case that read ``fa`` and those that read ``fb``
    (pol: the condition holds where ``fb`` is read), or None when an item reads both or a side is empty.
    The condition lists the labels of the side without the default (a label repeated in an earlier item
    of the other side would make it wrong: the proof refutes that)."""
    _k, sel, items, _sp, _ou = entry
    sa = [lab for lab, r in items if r & fa and not r & fb]
    sb = [lab for lab, r in items if r & fb and not r & fa]
    if any(r & fa and r & fb for _lab, r in items) or not sa or not sb:
        return None
    if all(lab is not None for lab in sb):
        side, pol = sb, True
    elif all(lab is not None for lab in sa):
        side, pol = sa, False
    else:
        return None
    return " || ".join(f"({sel}) == ({x})" for lab in side for x in lab), pol


def _conns(text: str, hi, ports: list[tuple[str, str]]):
    """{port: (start, end, expr text or None)} of an instance's connections, or None (wildcards...)."""
    got = {}
    cs = [c for c in hi.connections if not _kind(c).endswith("Token")]
    for i, c in enumerate(cs):
        k = _kind(c)
        if k == "NamedPortConnectionSyntax":
            name = c.name.valueText
            if c.expr is None:
                got[name] = None
            else:
                a, b = _span(text, c.expr)
                got[name] = (a, b, text[a:b])
        elif k == "OrderedPortConnectionSyntax":
            if i >= len(ports):
                return None
            a, b = _span(text, c.expr)
            got[ports[i][0]] = (a, b, text[a:b])
        else:
            return None
    return got


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def rewrites(text: str, path: str, dirs_all: dict, mods: dict | None = None) -> list[tuple[str, str]]:
    from pyslang import syntax

    tr = syntax.SyntaxTree.fromText(text, path)
    if any(d.isError() for d in tr.diagnostics):
        return []
    out: list[tuple[str, str]] = []
    for mod in tr.root.members:
        if _kind(mod) != "ModuleDeclarationSyntax":
            continue
        insts = []  # (module type, params text, instantiation node, instance node)
        for it in mod.members:
            if _kind(it) != "HierarchyInstantiationSyntax":
                continue
            ptxt = ""
            if it.parameters is not None:
                a, b = _span(text, it.parameters)
                ptxt = _norm(text[a:b])
            for hi in it.instances:
                if _kind(hi) == "HierarchicalInstanceSyntax" and hi.decl is not None and not list(hi.decl.dimensions):
                    insts.append((it.type.valueText, ptxt, it, hi))
        if len(insts) < 2:
            continue
        dep = sel = None
        for i in range(len(insts)):
            for j in range(len(insts)):
                if j <= i and (j == i or insts[i][0] == insts[j][0]):
                    continue  # one module: each pair once; two modules: both orders (which one adds)
                twin = None  # two different modules equal up to add/subtract sites (instaddsub)
                if insts[i][1] != insts[j][1]:
                    continue
                if insts[i][0] != insts[j][0]:
                    twin = _twin(insts[i][0], insts[j][0], insts[i][3].decl.name.valueText, dirs_all, mods)
                    if twin is None:
                        continue
                ports = dirs_all.get(insts[i][0])
                if not ports:
                    continue
                ca = _conns(text, insts[i][3], ports)
                cb = _conns(text, insts[j][3], ports)
                if ca is None or cb is None or set(ca) != set(cb) or set(ca) - {p for p, _ in ports}:
                    continue
                pdir = dict(ports)
                outs = [p for p in ca if pdir[p] != "input"]
                if not outs or any(pdir[p] not in ("input", "output") for p in ca):
                    continue
                if any(ca[p] is None or cb[p] is None for p in outs):
                    continue
                diff = [p for p in ca if pdir[p] == "input" and (ca[p] is None) != (cb[p] is None)]
                if diff:
                    continue
                muxed = [p for p in ca if pdir[p] == "input" and ca[p] is not None
                         and _norm(ca[p][2]) != _norm(cb[p][2])]
                if not muxed and twin is None:
                    continue  # identical instances: plain duplicate (other rules)
                if dep is None:
                    dep = _deps(text, mod, dirs_all)
                    sel = _selections(text, mod) + _child_selections(text, mod, dirs_all, mods)
                ya = set().union(*(_ids(ca[p][2]) for p in outs))
                yb = set().union(*(_ids(cb[p][2]) for p in outs))
                fa, fb = _closure(dep, ya), _closure(dep, yb)
                seen = set()
                for entry in sel:
                    if entry[-1] & (fa | fb):
                        continue  # also read around this selection: not where the two results meet
                    if entry[0] == "case":
                        got = _case_split(entry, fa, fb)
                        if got is None:
                            continue
                        cond, pol = got
                    else:
                        cond, ti, fi, _sp, _ou = entry
                        if ti & fb and not ti & fa and fi & fa and not fi & fb:
                            pol = True  # the true arm reads u_b's results
                        elif ti & fa and not ti & fb and fi & fb and not fi & fa:
                            pol = False
                        else:
                            continue
                    key = (_norm(cond), pol)
                    if key in seen:
                        continue
                    seen.add(key)
                    new = _edit(text, insts[i], insts[j], ca, cb, outs, muxed, cond, pol, twin)
                    if new is not None:
                        what = f"{insts[i][0]}" if twin is None else f"{twin[0]} (add/subtract {insts[i][0]}, " \
                                                                      f"{insts[j][0]})"
                        out.append((new, f"one instance of {what} ({insts[i][3].decl.name.valueText}) "
                                         f"shared with {insts[j][3].decl.name.valueText} on "
                                         f"{'' if pol else '!'}({cond.strip()})"))
                    if len(out) >= MAX_CANDIDATES:
                        return out
    return out


def _twin(ma: str, mb: str, inst: str, dirs_all: dict, mods: dict | None):
    """(merged module name, merged module text) when ``ma`` and ``mb`` are one body up to ``+``/``-``
    sites (:mod:`rtlopt.semantic.instaddsub`), else None."""
    from rtlopt.semantic import instaddsub

    if not mods or ma not in mods or mb not in mods or dirs_all.get(ma) != dirs_all.get(mb) or not dirs_all.get(ma):
        return None
    # a changed copy of ``ma`` for the kept instance: named like the search's other per-instance copies
    # (engine.parampin: the copy is used by that instance alone, inside its parent's pinned arm)
    name = f"{ma}_rtlopt_i{inst}"
    if name in mods:
        return None
    sites = instaddsub.addsub_sites(mods[ma], mods[mb], ma, mb, [p for p, _ in dirs_all[ma]])
    if sites is None:
        return None
    merged = instaddsub.merged_module(mods[ma], ma, name, sites)
    return None if merged is None else (name, merged)


def _edit(text, ia, ib, ca, cb, outs, muxed, cond, pol, twin=None) -> str | None:
    edits = []
    c = cond.strip()
    if twin is not None:  # the kept instance becomes the merged module, rtlopt_sel = "ib's result is used"
        it = ia[2]
        if len([x for x in it.instances if _kind(x) == "HierarchicalInstanceSyntax"]) != 1:
            return None
        t0 = it.type.location.offset
        edits.append(Edit(t0, t0 + len(ia[0]), twin[0]))
        hi = ia[3]
        close = hi.closeParen.location.offset
        sel = f"({c})" if pol else f"!({c})"
        named = all(_kind(x) == "NamedPortConnectionSyntax" for x in hi.connections if not _kind(x).endswith("Token"))
        edits.append(Edit(close, close, f", .rtlopt_sel({sel})" if named else f", {sel}"))
        edits.append(Edit(len(text), len(text), ("" if text.endswith("\n") else "\n") + "\n" + twin[1] + "\n"))
    for p in muxed:
        a, b, ta = ca[p]
        tb = cb[p][2]
        m = f"({c}) ? ({tb}) : ({ta})" if pol else f"({c}) ? ({ta}) : ({tb})"
        edits.append(Edit(a, b, m))
    it = ib[2]
    assigns = " ".join(f"assign {cb[p][2]} = {ca[p][2]};" for p in outs)
    if len([x for x in it.instances if _kind(x) == "HierarchicalInstanceSyntax"]) == 1:
        a, b = _span(text, it)
        edits.append(Edit(a, b, assigns))
    else:
        return None
    try:
        return apply_edits(text, edits)
    except ValueError:
        return None


def instmux_edits(texts: dict[Path, str]) -> list[tuple[dict[Path, str], str]]:
    from pyslang import syntax

    trees = [(p, syntax.SyntaxTree.fromText(t, str(p))) for p, t in texts.items()]
    dirs = _port_dirs(trees)
    out = []
    from rtlopt.semantic.instaddsub import module_texts

    mods = module_texts(trees)
    for p, t in texts.items():
        for new, desc in rewrites(t, str(p), dirs, mods):
            nt = dict(texts)
            nt[p] = new
            out.append((nt, desc))
    return out


def instmux_candidates(state) -> list:
    """Search-loop generator: two instances used under exclusive conditions become one muxed instance."""
    from rtlopt.engine.candidate import one_file_candidates

    try:
        got = instmux_edits(dict(state.texts))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        got = []
    try:  # a generate loop of one function's instances read through one index (semantic.hoistgen)
        from rtlopt.semantic.hoistgen import hoistgen_edits

        got += hoistgen_edits(dict(state.texts))
    except Exception:  # noqa: BLE001
        pass
    return one_file_candidates(state.texts, got, RULE, "instance sharing", "instmux")
