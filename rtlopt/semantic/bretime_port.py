"""Enabling steps of backward retiming across module boundaries: a function of registers moved to the
module that holds them.

A register bank captured in one module and read in another only through a function of it -- a
snapshot of every channel read as ``snap[sel_q]`` in a sibling readout module, ``sel_q`` captured with
it -- is one retiming away from a single word, but :mod:`rtlopt.semantic.bretime` sees one module at a
time. Two steps bring the function to the registers, each keeping the logic the same:

* **lift**: a child ``r`` whose input ports are read only inside occurrences of functions ``f`` of those
  ports (maximal operator expressions of them, parameters and literals) gets one input port per
  function instead; the parent computes ``f`` over the nets it connected (``assign r_f0 = f(nets);``).
* **push**: expressions of the parent over nets driven only by output registers of one child ``w`` (read
  nowhere else in the parent) move into ``w``: one new output port per function, the registers become
  internal (no longer ports), the parent reads the new port's net.

Either step changes a copy of the child for its instance (clone convention ``<module>_rtlopt_i<inst>``,
written after the module in its file: other uses keep the module; widths of the new ports are the
elaborated ones, and a parameter of the moved text becomes its elaborated value). Composed -- lift when
the reader is a child, push when the registers are a child's -- the registers are read only through
``f`` inside their own module and bretime moves ``f`` before them. Only the composed retiming is
offered (by :func:`rtlopt.semantic.bretime.candidates_for`), proven by the verifier like every other.
"""

from __future__ import annotations

import re
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic.bretime import occ_type
from rtlopt.semantic.fretime import _VALUE, _buf, _refs, _span, _sv, _tkey, _uniq, top_bodies

_TOK = re.compile(r"(\d*\s*'[sS]?[bBoOdDhH]\s*[0-9a-fA-FxXzZ_?]+|'[01xXzZ])|(\$[\w$]+)|([A-Za-z_][\w$]*)|(.)", re.S)
_VAL = re.compile(r"^(\d+|\d+'s?[bdh][0-9a-fA-F]+)$")
_CLONE = re.compile(r"[A-Za-z_][\w$]*?_rtlopt_i[A-Za-z_][\w$]*")
#: functions moved in one step at most
_MAX_FUNCS = 8


def _dir(port) -> str:
    return str(port.direction).rsplit(".", 1)[-1]


def _occurrences(body, text: str, buf: int, lo: int, hi: int, vars_: set):
    """([(function text, [occurrence])], {var name: width}) of the maximal operator expressions of
    ``body`` over the symbols named in ``vars_`` (and constants) that read every var they contain only
    inside such occurrences; None when none is left."""
    from rtlopt.semantic.bretime import _collect, _emit, _roots

    def key_of(sym):
        return "G" if sym is not None and getattr(sym, "name", None) in vars_ else None

    occs: list = []
    for r in _roots(body):
        ok, regs = _collect(r, key_of, text, buf, occs)
        _emit(r, ok, regs, text, buf, occs)
    occs = [o for o in occs if lo <= o.span[0] < hi]
    spans = {o.span for o in occs}
    top: dict = {}
    for o in occs:
        if not any(c <= o.span[0] and o.span[1] <= d and (c, d) != o.span for c, d in spans):
            top.setdefault(o.span, o)
    reads: dict[str, list] = {}
    for sym, s, isw in _refs(body, lo, hi, buf):
        if sym.name in vars_ and not isw:
            reads.setdefault(sym.name, []).append(s)
    ok_vars = set(vars_)
    used = list(top.values())
    while True:  # a var is movable when every read of it lies in a used occurrence
        used = [o for o in used if {s.name for s in o.regs} <= ok_vars]
        covered = {n for n in ok_vars if all(any(o.span[0] <= a and b <= o.span[1] for o in used)
                                             for a, b in reads.get(n, []))}
        if covered == ok_vars:
            break
        ok_vars = covered
    used = [o for o in used if o.regs]
    if not used:
        return None
    funcs: dict[str, list] = {}
    for o in sorted(used, key=lambda o: o.span):
        funcs.setdefault(o.text, []).append(o)
    if len(funcs) > _MAX_FUNCS:
        return None
    moved = {s.name: int(s.type.bitWidth) for o in used for s in o.regs}
    return sorted(funcs.items()), moved


def _translate(ftext: str, rename: dict[str, str], params: dict[str, str]) -> str | None:
    """The function's text with its variables renamed and its parameters as their values (None: any
    other name: a function call, an enum value, a hierarchical name)."""
    out = []
    for m in _TOK.finditer(ftext):
        ident = m.group(3)
        if ident is None:
            if m.group(2) is not None and m.group(2) not in ("$signed", "$unsigned"):
                return None
            out.append(m.group(0))
        elif ident in rename:
            out.append(rename[ident])
        elif ident in params:
            out.append(f"({params[ident]})")
        else:
            return None
    return "".join(out)


def _params(body) -> dict[str, str] | None:
    out = {}
    for p in body:
        if type(p).__name__ == "ParameterSymbol":
            v = str(p.value).strip()
            if not _VAL.match(v):
                return None
            out[p.name] = v
    return out


def _ports(msyn):
    """The ANSI port syntaxes of a module header, None for another kind of list."""
    hp = msyn.header.ports
    if hp is None or type(hp).__name__ != "AnsiPortListSyntax":
        return None
    ports = [p for p in hp.ports if type(p).__name__ == "ImplicitAnsiPortSyntax"]
    if len(ports) != len([p for p in hp.ports if not type(p).__name__.endswith("Token")]):
        return None
    return ports


def _port_list_edit(text: str, msyn, drop: set[str], add: list[str]) -> Edit | None:
    """The module's ANSI port list rewritten: ports in ``drop`` gone (a port written without its own
    header gets the header it shared), ``add`` appended."""
    ports = _ports(msyn)
    if ports is None:
        return None
    kept, head = [], None
    for p in ports:
        h = text[slice(*_span(p.header))].strip() if p.header is not None else ""
        d = text[slice(*_span(p.declarator))].strip()
        if h:
            head = h
        if p.declarator.name.valueText in drop:
            continue
        if not h and head is None:
            return None
        kept.append(f"{h or head} {d}")
    hp = msyn.header.ports
    a = hp.openParen.location.offset + 1
    b = hp.closeParen.location.offset
    ls = text.rfind("\n", 0, _span(ports[0])[0]) + 1
    ind = re.match(r"[ \t]*", text[ls:_span(ports[0])[0]]).group(0) or "    "
    return Edit(a, b, "\n" + ",\n".join(ind + p for p in kept + add) + "\n")


def _conn_edit(text: str, inst_syn, drop: set[str], add: list[str]) -> Edit | None:
    """An instance's connection list rewritten: named connections of ``drop`` gone (a ``.*`` stays: the
    ports it connected are gone with the module's copy), ``add`` appended."""
    conns = [c for c in inst_syn.connections if not type(c).__name__.endswith("Token")]
    kept = []
    for c in conns:
        k = type(c).__name__
        if k == "NamedPortConnectionSyntax":
            if c.name.valueText in drop:
                continue
        elif k != "WildcardPortConnectionSyntax":
            return None  # ordered connections
        kept.append(text[slice(*_span(c))].strip())
    a = inst_syn.openParen.location.offset + 1
    b = inst_syn.closeParen.location.offset
    return Edit(a, b, ", ".join(kept + add))


def _inst_ok(inst, pbody) -> bool:
    syn = inst.syntax
    return syn is not None and type(syn).__name__ == "HierarchicalInstanceSyntax" \
        and type(syn.parent).__name__ == "HierarchyInstantiationSyntax" and len(list(syn.parent.instances)) == 1 \
        and not list(syn.decl.dimensions) and inst.body.definition is not None \
        and inst.body.definition.syntax is not None


class _Files:
    """Per-file edits of one step: edits of the original texts plus module copies inserted after their
    module (several copies into one file compose)."""

    def __init__(self, tlist):
        self.tlist = tlist
        self.edits: dict[int, list[Edit]] = {}

    def add(self, fi: int, e: Edit):
        self.edits.setdefault(fi, []).append(e)

    def clone(self, fi: int, msyn, inner: list[Edit], name: str) -> bool:
        """A copy of module ``msyn`` named ``name`` with ``inner`` (offsets of the file) applied, after it;
        a module already a copy is edited where it is."""
        text = self.tlist[fi]
        lo, hi = _span(msyn)
        if any(not (lo <= e.start and e.end <= hi) for e in inner):
            return False
        if _CLONE.fullmatch(msyn.header.name.valueText):
            for e in inner:
                self.add(fi, e)
            return True
        if re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", "".join(self.tlist)):
            return False
        na, nb = _span(msyn.header.name)
        try:
            mod = apply_edits(text[lo:hi], [Edit(e.start - lo, e.end - lo, e.replacement) for e in inner]
                              + [Edit(na - lo, nb - lo, name)])
        except Exception:  # noqa: BLE001 - overlapping edits
            return False
        self.add(fi, Edit(hi, hi, "\n\n" + mod))
        return True

    def texts(self, paths) -> dict | None:
        out = {}
        for fi, t in enumerate(self.tlist):
            try:
                out[paths[fi]] = apply_edits(t, self.edits.get(fi, []))
            except Exception:  # noqa: BLE001 - overlapping edits
                return None
        return out


def _clone_name(inst) -> str:
    d = inst.body.definition.name
    return d if _CLONE.fullmatch(d) else f"{d}_rtlopt_i{inst.name}"


def _rewire(files: _Files, pfi: int, ptext: str, inst, drop: set[str], conns: list[str], lines: list[str]) -> bool:
    """The parent's edits for a changed child: its instance of the copy, connections ``drop`` gone and
    ``conns`` added, ``lines`` (declarations, assigns) written before the instantiation."""
    isyn = inst.syntax
    ce = _conn_edit(ptext, isyn, drop, conns)
    if ce is None:
        return False
    files.add(pfi, ce)
    ta, tb = _span(isyn.parent.type)
    if ptext[ta:tb] != _clone_name(inst):
        files.add(pfi, Edit(ta, tb, _clone_name(inst)))
    s0 = _span(isyn.parent)[0]
    ls = ptext.rfind("\n", 0, s0) + 1
    ind = re.match(r"[ \t]*", ptext[ls:s0]).group(0)
    files.add(pfi, Edit(ls, ls, "".join(f"{ind}{d}\n" for d in lines)))
    return True


def _decl(kw_sv: bool, w: int, signed: bool) -> str:
    return ("logic" if kw_sv else "wire") + (" signed" if signed else "") + (f" [{w - 1}:0]" if w > 1 else "")


def _parents(texts: dict[Path, str], top: str):
    got = top_bodies(texts, top)
    if got is None:
        return None
    paths, tlist, root, buf_file, pairs = got
    counts: dict[str, int] = {}

    def count(n):
        if type(n).__name__ == "InstanceSymbol" and n.body.definition is not None:
            counts[n.body.definition.name] = counts.get(n.body.definition.name, 0) + 1
        return True

    for ti in root.topInstances:
        if ti.name == top:
            ti.visit(count)
    parents = []
    for pbody, _rel in pairs:
        d = pbody.definition
        if d is None or d.syntax is None or counts.get(d.name, 0) > 1 or buf_file.get(_buf(d.syntax)) is None:
            continue
        insts = [m for m in pbody if type(m).__name__ == "InstanceSymbol" and _inst_ok(m, pbody)]
        if insts:
            parents.append((pbody, insts))
    return paths, tlist, buf_file, parents


def _register_nets(pbody, insts, ptext: str) -> set[str]:
    """Names of the parent driven by a register: a child's output register, or a variable the parent
    writes with a nonblocking assignment."""
    out = set()
    for w in insts:
        for pc in w.portConnections:
            e = pc.expression
            if _dir(pc.port) == "Out" and type(pc.port.internalSymbol).__name__ == "VariableSymbol" \
                    and e is not None and type(e).__name__ == "AssignmentExpression" \
                    and type(e.left).__name__ in _VALUE:
                out.add(e.left.symbol.name)
    lo, hi = _span(pbody.definition.syntax)
    for m in pbody:
        if type(m).__name__ == "VariableSymbol" and re.search(
                rf"(?<![\w$.]){re.escape(m.name)}\s*(\[[^;]*\])?\s*<=", ptext[lo:hi]):
            out.add(m.name)
    return out


def lift_steps(texts: dict[Path, str], top: str) -> list[tuple[dict[Path, str], str]]:
    """``[(new texts, description)]``: each child whose input ports are read only through functions of
    them gets the functions as input ports, computed in the parent."""
    got = _parents(texts, top)
    if got is None:
        return []
    paths, tlist, buf_file, parents = got
    out = []
    for pbody, insts in parents:
        pd = pbody.definition
        pfi = buf_file[_buf(pd.syntax)]
        ptext = tlist[pfi]
        pparams = _params(pbody)
        regnets = _register_nets(pbody, insts, ptext)
        for r in insts:
            cdef = r.body.definition
            cfi = buf_file.get(_buf(cdef.syntax))
            cparams = _params(r.body)
            if cfi is None or cparams is None or pparams is None or _ports(cdef.syntax) is None:
                continue
            ctext = tlist[cfi]
            # input ports connected to a register of the parent or a sibling's output register, of the
            # port's type
            conn: dict[str, str] = {}
            for pc in r.portConnections:
                e = pc.expression
                if _dir(pc.port) != "In" or e is None or type(e).__name__ not in _VALUE \
                        or e.symbol.name not in regnets:
                    continue
                if int(e.type.bitWidth) != int(pc.port.type.bitWidth) or _tkey(e.type) != _tkey(pc.port.type):
                    continue
                conn[pc.port.name] = e.symbol.name
            if not conn:
                continue
            clo, chi = _span(cdef.syntax)
            try:
                occ = _occurrences(r.body, ctext, _buf(cdef.syntax), clo, chi, set(conn))
            except Exception:  # noqa: BLE001 - an analysis failure: nothing lifted
                occ = None
            if occ is None:
                continue
            funcs, moved = occ
            types = [occ_type(lst) for _t, lst in funcs]
            if None in types or sum(w for w, _s in types) >= sum(moved.values()):
                continue
            taken = "".join(tlist)
            files = _Files(tlist)
            inner, adds, pconns, passigns, names = [], [], [], [], []
            sv_c, sv_p = _sv(paths[cfi], ctext), _sv(paths[pfi], ptext)
            ok = True
            for (ftext, lst), (w, sg) in zip(funcs, types, strict=True):
                name = _uniq(taken, f"{r.name}_f{len(names)}")
                taken += " " + name
                names.append(name)
                inner += [Edit(a, b, name) for a, b in sorted({o.span for o in lst})]
                adds.append(f"input {_decl(sv_c, w, sg)} {name}")
                ptxt = _translate(ftext, conn, pparams)
                if ptxt is None:
                    # the child's parameters in the function: their elaborated values
                    ptxt = _translate(ftext, conn, {**cparams, **pparams})
                    if ptxt is None or any(re.search(rf"(?<![\w$]){re.escape(k)}(?![\w$])", ftext)
                                           for k in set(cparams) & set(pparams) if cparams[k] != pparams[k]):
                        ok = False
                        break
                pconns.append(f".{name}({name})")
                passigns.append((name, w, sg, ptxt))
            if not ok:
                continue
            pe = _port_list_edit(ctext, cdef.syntax, set(moved), adds)
            if pe is None or not files.clone(cfi, cdef.syntax, inner + [pe], _clone_name(r)):
                continue
            lines = [ln for n, w, sg, t in passigns for ln in (f"{_decl(sv_p, w, sg)} {n};", f"assign {n} = {t};")]
            if not _rewire(files, pfi, ptext, r, set(moved), pconns, lines):
                continue
            new = files.texts(paths)
            if new is None:
                continue
            out.append((new, f"{r.name}'s reads of {', '.join(sorted(moved))} ({'; '.join(t for t, _l in funcs)}) "
                             f"computed in {pd.name}"))
    return out


def push_steps(texts: dict[Path, str], top: str) -> list[tuple[dict[Path, str], list[str], str]]:
    """``[(new texts, registers made internal, description)]``: each child whose output registers' nets
    the parent reads only through functions of them computes the functions and drives them instead."""
    got = _parents(texts, top)
    if got is None:
        return []
    paths, tlist, buf_file, parents = got
    out = []
    for pbody, insts in parents:
        pd = pbody.definition
        pfi = buf_file[_buf(pd.syntax)]
        ptext = tlist[pfi]
        plo, phi = _span(pd.syntax)
        pparams = _params(pbody)
        if pparams is None:
            continue
        pports = {m.name for m in pbody if type(m).__name__ in ("PortSymbol", "MultiPortSymbol")}
        for w in insts:
            cdef = w.body.definition
            cfi = buf_file.get(_buf(cdef.syntax))
            if cfi is None or _ports(cdef.syntax) is None:
                continue
            ctext = tlist[cfi]
            # output registers driving a plain net of the parent of their type
            nets: dict[str, str] = {}
            psyn: dict[str, object] = {}
            for pc in w.portConnections:
                port, e = pc.port, pc.expression
                if _dir(port) != "Out" or type(port.internalSymbol).__name__ != "VariableSymbol":
                    continue
                if e is None or type(e).__name__ != "AssignmentExpression" or type(e.left).__name__ not in _VALUE:
                    continue
                net = e.left.symbol
                if _tkey(net.type) != _tkey(port.type) or port.internalSymbol.syntax is None or net.name in pports:
                    continue
                nets[net.name] = port.name
                psyn[port.name] = port.internalSymbol
            if not nets:
                continue
            try:
                occ = _occurrences(pbody, ptext, _buf(pd.syntax), plo, phi, set(nets))
            except Exception:  # noqa: BLE001 - an analysis failure: nothing pushed
                occ = None
            if occ is None:
                continue
            funcs, moved = occ
            types = [occ_type(lst) for _t, lst in funcs]
            if None in types or sum(x for x, _s in types) >= sum(moved.values()):
                continue
            # the moved nets: mentioned in the parent only by their declaration, the child's connection
            # (by name, or implicitly: '.q' / '.*') and the occurrences
            spans = [o.span for _t, lst in funcs for o in lst]
            bad = False
            for n in moved:
                hits = [m.start() + plo for m in re.finditer(rf"(?<![\w$.]){re.escape(n)}(?![\w$])", ptext[plo:phi])]
                rest = [h for h in hits if not any(a <= h < b for a, b in spans)]
                if len(rest) > 2:
                    bad = True
            if bad:
                continue
            files = _Files(tlist)
            taken = "".join(tlist)
            sv_c, sv_p = _sv(paths[cfi], ctext), _sv(paths[pfi], ptext)
            adds, pconns, decls, assigns, names = [], [], [], [], []
            ok = True
            for (ftext, lst), (fw, sg) in zip(funcs, types, strict=True):
                name = _uniq(taken, f"{w.name}_f{len(names)}")
                taken += " " + name
                names.append(name)
                ctxt = _translate(ftext, nets, pparams)
                if ctxt is None:
                    ok = False
                    break
                for a, b in sorted({o.span for o in lst}):
                    files.add(pfi, Edit(a, b, name))
                adds.append(f"output {_decl(sv_c, fw, sg)} {name}")
                assigns.append(f"assign {name} = {ctxt};")
                pconns.append(f".{name}({name})")
                decls.append(f"{_decl(sv_p, fw, sg)} {name};")
            if not ok:
                continue
            regs = [nets[n] for n in moved]
            # the registers become internal: declared with their port's type (the header they had)
            body_decls = []
            heads = {}
            head = None
            for p in _ports(cdef.syntax):
                h = ctext[slice(*_span(p.header))].strip() if p.header is not None else ""
                head = h or head
                heads[p.declarator.name.valueText] = (head, ctext[slice(*_span(p.declarator))].strip())
            for q in regs:
                h, d = heads.get(q, (None, None))
                m = re.fullmatch(r"output\s*(.*)", h or "", re.S)
                if m is None:
                    ok = False
                    break
                t = m.group(1).strip()
                if not re.match(r"(reg|logic|bit|var)\b", t):
                    t = ("logic " if sv_c else "reg ") + t
                body_decls.append(f"{t.strip()} {d};")
            if not ok:
                continue
            pe = _port_list_edit(ctext, cdef.syntax, set(regs), adds)
            if pe is None:
                continue
            hb = cdef.syntax.header.semi.location.offset + 1
            endm = _span(cdef.syntax)[1]
            em = ctext.rfind("endmodule", 0, endm)
            inner = [pe, Edit(hb, hb, "\n    " + "\n    ".join(body_decls)),
                     Edit(em, em, "    " + "\n    ".join(assigns) + "\n")]
            if not files.clone(cfi, cdef.syntax, inner, _clone_name(w)):
                continue
            if not _rewire(files, pfi, ptext, w, set(regs), pconns, decls):
                continue
            new = files.texts(paths)
            if new is None:
                continue
            out.append((new, regs, f"{pd.name}'s reads of {w.name}'s {', '.join(regs)} "
                                   f"({'; '.join(t for t, _l in funcs)}) computed in {cdef.name}"))
    return out
