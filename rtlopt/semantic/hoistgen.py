"""One function hoisted past the selection of its copies: a generate loop of instances ``F u (.x(X[i]),
.y(Y[i]))`` (one combinational module, the same parameters in every iteration) whose results are read
as ``Y[e]`` -- one element picked by an index -- computes ``F(X[e])`` with one instance.

Where the pick is:

* in the same module: each read ``Y[e]`` becomes a new net driven by one instance of F on ``X[e]``;
* in a child instance that receives the whole packed array ``Y`` on a port and reads it only as
  ``P[e]`` (a display scanner's ``seg_in[digit]``, its index a register of its own): the child gets
  ``X`` on that port instead (the port takes X's packed type) and one instance of F on ``P[e]`` inside
  it. The child is changed in a copy ``<module>_rtlopt_i<instance>`` used by that instance alone (the
  search's clone convention; other instances and parameter pinning keep the original); the loop stays,
  and synthesis removes it when nothing else reads ``Y``.

* explicit instances ``F u_k (.x(x_k), .y(y_k))`` whose results go only to ports ``q_k`` of one child
  (a scanner selecting them with its own counter): a copy of the child takes ``x_k`` and applies F inside,
  and :mod:`rtlopt.semantic.instmux` shares the copy's selection in the same candidate.

Nothing depends on names. Offered by the ``instmux`` generator (one file changed); every candidate is
measured and proven by the search like any other.
"""

from __future__ import annotations

import re
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic.instmux import _conns, _ids, _kind, _port_dirs, _span, _walk

RULE = "exclusive_instance_sharing"
MAX_CANDIDATES = 4
_SEQ = re.compile(r"\b(posedge|negedge|always_ff|always_latch)\b")


def _insts(node) -> list:
    out = []
    _walk(node, lambda n: out.append(n) if _kind(n) == "HierarchyInstantiationSyntax" else None)
    return out


def _combinational(name: str, mods: dict[str, str], depth: int = 0) -> bool:
    from pyslang import syntax

    t = mods.get(name)
    if t is None or depth > 6 or _SEQ.search(t):
        return False
    for it in _insts(syntax.SyntaxTree.fromText(t, name).root):
        if not _combinational(it.type.valueText, mods, depth + 1):
            return False
    return True


def _decl_types(text: str, mod) -> dict[str, str]:
    """{variable: its packed type text} of the module's data/net declarations without unpacked dims."""
    out = {}
    ports = mod.header.ports
    if ports is not None and _kind(ports) == "AnsiPortListSyntax":
        for pt in ports.ports:
            if _kind(pt) == "ImplicitAnsiPortSyntax" and not list(pt.declarator.dimensions) \
                    and getattr(pt.header, "dataType", None) is not None:
                a, b = _span(text, pt.header.dataType)
                if "[" in text[a:b]:
                    out[pt.declarator.name.valueText] = text[a:b].strip()
    for it in mod.members:
        if _kind(it) not in ("DataDeclarationSyntax", "NetDeclarationSyntax"):
            continue
        a, b = _span(text, it.type)
        ty = text[a:b].strip()
        if _kind(it) == "NetDeclarationSyntax":
            a = it.netType.location.offset
            ty = text[a:b].strip()
        for d in it.declarators:
            if _kind(d) == "DeclaratorSyntax" and not list(d.dimensions):
                out[d.name.valueText] = ty
    return out


def _element_dims(ty: str) -> str | None:
    """The packed dims of one element of a packed array type (its first dimension dropped)."""
    dims = re.findall(r"\[[^\[\]]*\]", ty)
    if len(dims) < 2:
        return None
    return "".join(dims[1:])


def _selects(text: str, root, name: str, skip: tuple[int, int] | None = None) -> list | None:
    """[(start, end, index text)] of every ``name[e]`` read in ``root`` (outside ``skip``), or None when
    ``name`` is also read another way."""
    out, plain = [], 0

    def visit(n):
        nonlocal plain
        k = _kind(n)
        if k == "IdentifierSelectNameSyntax" and n.identifier.valueText == name:
            a, b = _span(text, n)
            if skip and skip[0] <= a < skip[1]:
                return
            sels = list(n.selectors)
            if len(sels) != 1 or _kind(sels[0].selector) != "BitSelectSyntax":
                plain += 1
                return
            c, d = _span(text, sels[0].selector.expr)
            out.append((a, b, text[c:d].strip()))
        elif k == "IdentifierNameSyntax" and n.identifier.valueText == name:
            a, _b = _span(text, n)
            if not (skip and skip[0] <= a < skip[1]):
                plain += 1

    _walk(root, visit)
    return None if plain else out


def _member_start(text: str, mod, off: int) -> int | None:
    for it in mod.members:
        a, b = _span(text, it)
        if a <= off < b:
            return a
    return None


def _loops(text: str, mod, dirs: dict, mods: dict):
    """[(loop span, F, params text, in port, X, out port, Y)] of generate loops of one F instance."""
    out = []
    items = []
    for it in mod.members:  # a ``generate ... endgenerate`` region's loops too
        items.extend(it.members if _kind(it) == "GenerateRegionSyntax" else [it])
    for L in items:
        if _kind(L) != "LoopGenerateSyntax" or _kind(L.block) != "GenerateBlockSyntax":
            continue
        g = L.identifier.valueText
        body = [m for m in L.block.members]
        if len(body) != 1 or _kind(body[0]) != "HierarchyInstantiationSyntax":
            continue
        it = body[0]
        his = [h for h in it.instances if _kind(h) == "HierarchicalInstanceSyntax"]
        f = it.type.valueText
        ports = dirs.get(f)
        if len(his) != 1 or not ports or not _combinational(f, mods):
            continue
        ptxt = ""
        if it.parameters is not None:
            a, b = _span(text, it.parameters)
            ptxt = text[a:b]
            if g in _ids(ptxt):
                continue
        cs = _conns(text, his[0], ports)
        if cs is None or any(c is None for c in cs.values()):
            continue
        pdir = dict(ports)
        ins = [p for p in cs if pdir.get(p) == "input"]
        outs = [p for p in cs if pdir.get(p) == "output"]
        if len(ins) != 1 or len(outs) != 1 or len(cs) != 2:
            continue
        pat = re.compile(rf"\s*([A-Za-z_]\w*)\s*\[\s*{re.escape(g)}\s*\]\s*")
        mx, my = pat.fullmatch(cs[ins[0]][2]), pat.fullmatch(cs[outs[0]][2])
        if not mx or not my:
            continue
        out.append((_span(text, L), f, ptxt, ins[0], mx.group(1), outs[0], my.group(1)))
    return out


def hoistgen_edits(texts: dict[Path, str]) -> list[tuple[dict[Path, str], str]]:
    from pyslang import syntax

    from rtlopt.semantic.instaddsub import module_texts

    trees = [(p, syntax.SyntaxTree.fromText(t, str(p))) for p, t in texts.items()]
    if any(d.isError() for _p, tr in trees for d in tr.diagnostics):
        return []
    dirs = _port_dirs(trees)
    mods = module_texts(trees)
    where: dict[str, tuple[Path, object]] = {}
    for p, tr in trees:
        for m in tr.root.members:
            if _kind(m) == "ModuleDeclarationSyntax":
                where.setdefault(m.header.name.valueText, (p, m))
    out = []
    for p, tr in trees:
        text = texts[p]
        for mod in tr.root.members:
            if _kind(mod) != "ModuleDeclarationSyntax":
                continue
            types = _decl_types(text, mod)
            got = _ports_into_child(texts, p, text, mod, types, dirs, mods, where)
            if got is not None:
                out.append(got)
            loops = _loops(text, mod, dirs, mods)
            if not loops:
                continue
            for span, f, ptxt, pin, x, pout, y in loops:
                got = _same_module(text, mod, span, f, ptxt, pin, x, pout, y, types)
                if got is not None:
                    nt = dict(texts)
                    nt[p] = got
                    out.append((nt, f"one {f} on {x}[...] instead of a loop of {f} read as {y}[...]"))
                got = _into_child(texts, p, text, mod, span, f, ptxt, pin, x, pout, y, types, dirs, where)
                if got is not None:
                    out.append(got)
                if len(out) >= MAX_CANDIDATES:
                    return out
    return out


def _ports_into_child(texts, p, text, mod, types, dirs, mods, where):
    """Explicit instances ``F u_k (.x(x_k), .y(y_k))`` (one combinational module, same parameters) whose
    results go only to ports ``q_k`` of one child instance C (a scanner multiplexing them with its own
    counter): a copy of C takes ``x_k`` on ``q_k`` and applies F inside, and the copy's own selection
    of them is then shared by :func:`rtlopt.semantic.instmux.rewrites` (pairs, repeatedly). Offered only
    when at least one pair is shared inside the copy."""
    from rtlopt.semantic import instmux

    groups: dict[tuple[str, str], list] = {}
    for it in mod.members:
        if _kind(it) != "HierarchyInstantiationSyntax":
            continue
        f = it.type.valueText
        ports = dirs.get(f)
        his = [h for h in it.instances if _kind(h) == "HierarchicalInstanceSyntax"]
        if not ports or len(his) != 1 or list(his[0].decl.dimensions):
            continue
        ptxt = ""
        if it.parameters is not None:
            a, b = _span(text, it.parameters)
            ptxt = text[a:b]
        cs = _conns(text, his[0], ports)
        pdir = dict(ports)
        if cs is None or len(cs) != 2 or any(c is None for c in cs.values()):
            continue
        ins = [q for q in cs if pdir.get(q) == "input"]
        outs = [q for q in cs if pdir.get(q) == "output"]
        if len(ins) != 1 or len(outs) != 1:
            continue
        x, y = cs[ins[0]][2].strip(), cs[outs[0]][2].strip()
        if not re.fullmatch(r"[A-Za-z_]\w*", x) or not re.fullmatch(r"[A-Za-z_]\w*", y):
            continue
        groups.setdefault((f, ptxt), []).append((it, ins[0], x, outs[0], y))
    for (f, ptxt), members in groups.items():
        if len(members) < 2 or (ptxt and _ids(ptxt)) or not _combinational(f, mods):
            continue
        ys = {m[4] for m in members}
        if len(ys) != len(members):
            continue
        # each y read exactly once more: by one port of one child instance, the same for all
        reads = {y: 0 for y in ys}
        for m in re.finditer(r"(?<![\w$.'])[A-Za-z_]\w*", text[slice(*_span(text, mod))]):
            if m.group(0) in reads:
                reads[m.group(0)] += 1
        users = [(it, h) for it in mod.members if _kind(it) == "HierarchyInstantiationSyntax"
                 for h in it.instances if _kind(h) == "HierarchicalInstanceSyntax"]
        for it, h in users:
            mname = it.type.valueText
            if mname == f or mname not in where or not dirs.get(mname):
                continue
            cs = _conns(text, h, dirs[mname])
            if cs is None:
                continue
            qs = {c[2].strip(): q for q, c in cs.items() if c is not None and c[2].strip() in ys}
            if set(qs) != ys or any(dict(dirs[mname]).get(q) != "input" for q in qs.values()):
                continue
            # declaration (1 or 2 with an initializer: none expected), the F output, the child input
            if any(n != 3 for n in reads.values()):
                continue
            got = _port_clone(texts, p, text, mod, types, members, qs, cs, it, h, mname, f, ptxt, where)
            if got is None:
                continue
            new, clone = got
            merged = 0
            for _ in range(len(members) - 1):
                nxt = [t for t, d in instmux.rewrites(new, str(p), instmux._port_dirs(
                    [(p, __import__("pyslang").syntax.SyntaxTree.fromText(new, str(p)))]), None)
                       if "u_rtlopt_hoist_" in d and f"of {f} (" in d]
                if not nxt:
                    break
                new, merged = nxt[0], merged + 1
            if merged:
                nt = dict(texts)
                nt[p] = new
                return nt, f"{len(members)} {f} moved into {clone} and shared there ({merged + 1} -> 1)"
    return None


def _port_clone(texts, p, text, mod, types, members, qs, cs, it, h, mname, f, ptxt, where):
    """(new text, clone name): the child copy takes each x_k on q_k and applies F to it inside."""
    clone = f"{mname}_rtlopt_i{h.decl.name.valueText}"
    cp, cmod = where[mname]
    if clone in where or cp != p:
        return None
    ports = {}
    if cmod.header.ports is None or _kind(cmod.header.ports) != "AnsiPortListSyntax":
        return None
    for pt in cmod.header.ports.ports:
        if _kind(pt) == "ImplicitAnsiPortSyntax":
            ports[pt.declarator.name.valueText] = pt
    ms, me = _span(text, cmod)
    cedits = []
    parent_edits = []
    adds, decls = [], []  # nets after the header, instances before endmodule (after every declaration)
    for _it, pin, x, pout, y in members:
        q = qs[y]
        pt = ports.get(q)
        xty, yty = types.get(x), types.get(y)
        if pt is None or xty is None or yty is None or getattr(pt.header, "dataType", None) is None:
            return None
        if _ids(re.sub(r"^\s*(wire|logic|reg|bit)\b", "", xty)) - {"signed", "unsigned"}:
            return None
        a, b = _span(text, pt.header.dataType)
        old = text[a:b]
        kw = re.match(r"\s*(wire|logic|reg|bit)?", old).group(1) or ""
        dims = "".join(re.findall(r"\[[^\[\]]*\]", xty))
        cedits.append(Edit(a, b, f"{kw} {dims}".strip() if kw else dims))
        rd = _selects_whole(text, cmod, q)
        if rd is None:
            return None
        nm = f"rtlopt_hoist_{q}"
        for s0, s1 in rd:
            cedits.append(Edit(s0, s1, nm))
        ydims = "".join(re.findall(r"\[[^\[\]]*\]", yty))
        decls.append(f"wire {ydims} {nm};")
        adds.append(_instance(f, ptxt, "u_" + nm, pin, q, pout, nm))
        s0, s1, _t = cs[q]
        parent_edits.append(Edit(s0, s1, x))
    hdr_end = cmod.header.sourceRange.end.offset
    cedits.append(Edit(hdr_end, hdr_end, "\n    " + "\n    ".join(decls)))
    e0 = cmod.endmodule.location.offset
    cedits.append(Edit(e0, e0, "    " + "\n    ".join(adds) + "\n"))
    n0 = cmod.header.name.location.offset
    cedits.append(Edit(n0, n0 + len(mname), clone))
    try:
        body = apply_edits(text[ms:me], [Edit(e.start - ms, e.end - ms, e.replacement) for e in cedits])
        t0 = it.type.location.offset
        parent_edits += [Edit(t0, t0 + len(mname), clone),
                         Edit(len(text), len(text), ("" if text.endswith("\n") else "\n") + "\n" + body + "\n")]
        return apply_edits(text, parent_edits), clone
    except ValueError:
        return None


def _selects_whole(text: str, root, name: str) -> list | None:
    """[(start, end)] of every read of ``name`` in the module body (not its port declaration)."""
    out = []
    hdr = root.header.sourceRange

    def visit(n):
        k = _kind(n)
        if k in ("IdentifierNameSyntax", "IdentifierSelectNameSyntax") and n.identifier.valueText == name:
            a = n.identifier.location.offset
            if not (hdr.start.offset <= a < hdr.end.offset):
                out.append((a, a + len(name)))

    _walk(root, visit)
    return out


def _instance(f: str, ptxt: str, name: str, pin: str, arg: str, pout: str, res: str) -> str:
    return f"{f} {ptxt + ' ' if ptxt else ''}{name} (.{pin}({arg}), .{pout}({res}));"


def _same_module(text, mod, span, f, ptxt, pin, x, pout, y, types) -> str | None:
    reads = _selects(text, mod, y, skip=span)
    dims = _element_dims(types.get(y, ""))
    if not reads or dims is None:
        return None
    edits, adds = [], {}
    for k, (a, b, e) in enumerate(reads):
        if e in adds:
            nm = adds[e][0]
        else:
            nm = f"rtlopt_hoist_{y}_{k}"
            at = _member_start(text, mod, a)
            if at is None or at < span[1]:
                return None
            adds[e] = (nm, at)
        edits.append(Edit(a, b, nm))
    for e, (nm, at) in adds.items():
        edits.append(Edit(at, at, f"wire {dims} {nm};\n    "
                                  f"{_instance(f, ptxt, 'u_' + nm, pin, f'{x}[{e}]', pout, nm)}\n    "))
    try:
        return apply_edits(text, edits)
    except ValueError:
        return None


def _into_child(texts, p, text, mod, span, f, ptxt, pin, x, pout, y, types, dirs, where):
    if ptxt and _ids(ptxt):
        return None  # parameters of the parent: not visible inside the child
    xty, yty = types.get(x), types.get(y)
    if xty is None or yty is None or _ids(re.sub(r"^\s*(wire|logic|reg|bit)\b", "", xty)) - {"signed", "unsigned"}:
        return None
    dims = _element_dims(yty)
    xdims = re.findall(r"\[[^\[\]]*\]", xty)
    if dims is None or len(xdims) < 2:
        return None
    users = [(it, h) for it in mod.members if _kind(it) == "HierarchyInstantiationSyntax"
             for h in it.instances if _kind(h) == "HierarchicalInstanceSyntax"]
    for it, h in users:  # Y read elsewhere in the parent is fine: the loop stays for those reads
        mname = it.type.valueText
        if mname not in where or not dirs.get(mname):
            continue
        cs = _conns(text, h, dirs[mname])
        if cs is None:
            continue
        port = [q for q, c in cs.items() if c is not None and c[2].strip() == y]
        if len(port) != 1 or dict(dirs[mname]).get(port[0]) != "input":
            continue
        q = port[0]
        cp, cmod = where[mname]
        ctext = texts[cp] if cp != p else text
        hdr = None
        if cmod.header.ports is not None and _kind(cmod.header.ports) == "AnsiPortListSyntax":
            for pt in cmod.header.ports.ports:
                if _kind(pt) == "ImplicitAnsiPortSyntax" and pt.declarator.name.valueText == q:
                    hdr = pt.header
        if hdr is None or _kind(hdr) not in ("VariablePortHeaderSyntax", "NetPortHeaderSyntax") \
                or getattr(hdr, "dataType", None) is None or list(pt_dims(cmod, q)):
            continue
        cr = _selects(ctext, cmod, q)
        if not cr:
            continue
        a, b = _span(ctext, hdr.dataType)
        cedits = [Edit(a, b, " " + xty.strip() if not xty.strip().startswith(("wire", "logic", "reg", "bit"))
                       else re.sub(r"^\s*(wire|reg)\b", "logic", xty.strip()))]
        adds = {}
        for k, (s0, s1, e) in enumerate(cr):
            if e not in adds:
                nm = f"rtlopt_hoist_{q}_{k}"
                at = _member_start(ctext, cmod, s0)
                if at is None:
                    return None
                adds[e] = (nm, at)
            cedits.append(Edit(s0, s1, adds[e][0]))
        for e, (nm, at) in adds.items():
            cedits.append(Edit(at, at, f"wire {dims} {nm};\n    "
                                       f"{_instance(f, ptxt, 'u_' + nm, pin, f'{q}[{e}]', pout, nm)}\n    "))
        # the child is changed in a copy used by this instance alone (<module>_rtlopt_i<instance>, the
        # search's clone convention: other instances and the parameter pinning keep the original)
        clone = f"{mname}_rtlopt_i{h.decl.name.valueText}"
        if clone in where:
            continue
        ms, me = _span(ctext, cmod)
        nm0 = cmod.header.name
        n0 = nm0.location.offset
        cedits.append(Edit(n0, n0 + len(mname), clone))
        try:
            body = apply_edits(ctext[ms:me], [Edit(e.start - ms, e.end - ms, e.replacement) for e in cedits])
        except ValueError:
            return None
        s0, s1, _t = cs[q]
        t0 = it.type.location.offset
        pedits = [Edit(s0, s1, x), Edit(t0, t0 + len(mname), clone),
                  Edit(len(text), len(text), ("" if text.endswith("\n") else "\n") + "\n" + body + "\n")]
        try:
            nt = dict(texts)
            nt[p] = apply_edits(text, pedits)
        except ValueError:
            return None
        return nt, f"one {f} inside {mname} on {q}[...] (fed {x} instead of the loop's {y})"
    return None


def pt_dims(cmod, q):
    """Unpacked dimensions of ANSI port ``q`` (none expected)."""
    for pt in cmod.header.ports.ports:
        if _kind(pt) == "ImplicitAnsiPortSyntax" and pt.declarator.name.valueText == q:
            return list(pt.declarator.dimensions)
    return []
