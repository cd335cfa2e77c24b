"""Enabling step of backward retiming across module boundaries: a decoder instance moved into the
module of the register it decodes.

A register ``R`` that is an output port of a child ``C`` (instantiated once in the design), whose net
``n`` in the parent is read only by the inputs of combinational instances ``F`` (modules whose body is
continuous assigns of their ports and parameters), is read only through ``F``'s logic. The step inlines
each ``F`` into ``C`` (its assigns with the inputs renamed ``R``, its outputs new output ports of ``C``
named ``<inst>_<port>``, its parameters local parameters of their elaborated values), turns ``R`` into an
internal register and connects the new ports where ``F``'s outputs went; ``F``'s instance goes. Then
``R`` is read only through functions inside ``C`` and :mod:`rtlopt.semantic.bretime` moves them before
the register (an APB bridge capturing the address in one module and decoding it in a sibling: 20 address
flip-flops become the 6 decode flip-flops). Only that composed candidate is offered, proven by the
verifier like any other.
"""

from __future__ import annotations

import re
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic.fretime import _buf, _span, top_bodies

_TOK = re.compile(r"(\d*\s*'[sS]?[bBoOdDhH]\s*[0-9a-fA-FxXzZ_?]+)|(\$[\w$]+)|([A-Za-z_][\w$]*)|(.)", re.S)
_VAL = re.compile(r"^(\d+|\d+'s?[bdh][0-9a-fA-F]+)$")


def _conns(inst) -> dict | None:
    """Port name -> NamedPortConnectionSyntax of an instance (None: ordered or wildcard connections)."""
    out = {}
    for c in inst.syntax.connections:
        if type(c).__name__ == "Token":
            continue  # the separating comma
        if type(c).__name__ != "NamedPortConnectionSyntax":
            return None
        out[c.name.valueText] = c
    return out


def _comb_assigns(body) -> list | None:
    """The continuous assign statements of a module that has nothing else in its body."""
    syn = body.definition.syntax
    items = list(syn.members)
    if not items or any(type(i).__name__ != "ContinuousAssignSyntax" for i in items):
        return None
    if type(syn.header.ports).__name__ != "AnsiPortListSyntax":
        return None
    return items


def _inline_text(body, text: str, rename: dict) -> str | None:
    """The assigns of ``body`` with identifiers renamed (None: an identifier not in ``rename``)."""
    parts = []
    for item in _comb_assigns(body) or []:
        a, b = _span(item)
        src = re.sub(r"/\*.*?\*/|//[^\n]*", " ", text[a:b], flags=re.S)
        out = []
        for m in _TOK.finditer(src):
            ident = m.group(3)
            if ident is None:
                out.append(m.group(0))
            elif ident == "assign":
                out.append(ident)
            elif ident in rename:
                out.append(rename[ident])
            else:
                return None
        parts.append("".join(out).strip())
    return "\n    ".join(parts) if parts else None


def hoist_decoders(texts: dict[Path, str], top: str) -> list[tuple[dict[Path, str], str, str]]:
    """``[(new texts, register name, description)]``: each child output register whose parent net feeds
    only combinational instances, those instances inlined into the child."""
    got = top_bodies(texts, top)
    if got is None:
        return []
    paths, tlist, root, buf_file, pairs = got
    counts: dict[str, int] = {}

    def count(n):
        if type(n).__name__ == "InstanceSymbol" and n.body.definition is not None:
            counts[n.body.definition.name] = counts.get(n.body.definition.name, 0) + 1
        return True

    for ti in root.topInstances:
        if ti.name == top:
            ti.visit(count)
    out = []
    for pbody, _rel in pairs:
        d = pbody.definition
        if d is None or d.syntax is None or counts.get(d.name, 0) > 1:
            continue
        pfi = buf_file.get(_buf(d.syntax))
        if pfi is None:
            continue
        ptext = tlist[pfi]
        plo, phi = _span(d.syntax)
        insts = [m for m in pbody if type(m).__name__ == "InstanceSymbol" and m.body.definition is not None
                 and m.syntax is not None]
        for ic in insts:
            cdef = ic.body.definition
            if cdef.syntax is None:
                continue
            cfi = buf_file.get(_buf(cdef.syntax))
            cconn = _conns(ic)
            if cfi is None or cconn is None:
                continue
            for pc in ic.portConnections:
                port, e = pc.port, pc.expression
                if str(port.direction).rsplit(".", 1)[-1] != "Out" or type(port.internalSymbol).__name__ != "VariableSymbol":
                    continue
                if e is None or type(e).__name__ != "AssignmentExpression" or type(e.left).__name__ != "NamedValueExpression":
                    continue
                net = e.left.symbol
                if int(net.type.bitWidth) != int(port.type.bitWidth) or port.name not in cconn:
                    continue
                got1 = _hoist_one(ptext, plo, phi, pfi, cfi, tlist, buf_file, insts, ic, cconn, port, net)
                if got1 is None:
                    continue
                new_texts = dict(zip(paths, tlist, strict=True))
                for fi, t in got1[0].items():
                    new_texts[paths[fi]] = t
                out.append((new_texts, port.name, got1[1]))
    return out


def _hoist_one(ptext, plo, phi, pfi, cfi, tlist, buf_file, insts, ic, cconn, port, net):
    readers = []
    for fi in insts:
        if fi is ic:
            continue
        ins = [pc for pc in fi.portConnections if str(pc.port.direction).rsplit(".", 1)[-1] == "In"]
        reads = [pc for pc in ins if pc.expression is not None and type(pc.expression).__name__ == "NamedValueExpression"
                 and pc.expression.symbol.name == net.name]
        if not reads:
            continue
        if len(reads) != len(ins) or any(int(pc.port.type.bitWidth) != int(net.type.bitWidth) for pc in reads):
            return None  # a reader with other inputs: not moved
        fbody = fi.body
        if fbody.definition.syntax is None or _comb_assigns(fbody) is None or _conns(fi) is None:
            return None
        readers.append(fi)
    if not readers:
        return None
    # the net is read nowhere else in the parent: declaration, the register's connection, the readers' inputs
    n_refs = len(re.findall(rf"(?<![\w$.]){re.escape(net.name)}(?![\w$])", ptext[plo:phi]))
    if n_refs != 2 + sum(1 for _r in readers):
        return None
    ctext = tlist[cfi]
    cdef = ic.body.definition
    clo, chi = _span(cdef.syntax)
    psyn = port.syntax
    if psyn is not None and type(psyn).__name__ == "DeclaratorSyntax":
        psyn = psyn.parent
    if psyn is None or type(psyn).__name__ != "ImplicitAnsiPortSyntax":
        return None
    pa, pb = _span(psyn)
    ptxt = ctext[pa:pb]
    m = re.match(r"\s*output\s+(reg|logic|var\s+logic|var)\b(.*)$", ptxt, re.S)
    if m is None:
        return None
    reg_decl = f"{m.group(1)}{m.group(2).rstrip()};"
    new_ports, body_lines, pconn, names = [], [], [], []
    for fi in readers:
        pre = fi.name + "_"
        rename = {}
        fconn = _conns(fi)
        for pc in fi.portConnections:
            dirn = str(pc.port.direction).rsplit(".", 1)[-1]
            if dirn == "In":
                rename[pc.port.name] = port.name
                continue
            if dirn != "Out" or pc.port.name not in fconn:
                return None
            w = int(pc.port.type.bitWidth)
            nm = pre + pc.port.name
            names.append(nm)
            rename[pc.port.name] = nm
            new_ports.append(f"output wire {f'[{w - 1}:0] ' if w > 1 else ''}{nm}")
            c = fconn[pc.port.name]
            ea, eb = _span(c.expr) if c.expr is not None else (0, 0)
            pconn.append(f".{nm}({ptext[ea:eb].strip() if c.expr is not None else ''})")
        for p in fi.body:
            if type(p).__name__ == "ParameterSymbol":
                v = str(p.value).strip()
                if not _VAL.match(v):
                    return None
                nm = pre + p.name
                names.append(nm)
                rename[p.name] = nm
                body_lines.append(f"localparam {nm} = {v};")
        ftext = tlist[buf_file[_buf(fi.body.definition.syntax)]]
        got = _inline_text(fi.body, ftext, rename)
        if got is None:
            return None
        body_lines.append(got)
    if any(re.search(rf"(?<![\w$]){re.escape(n)}(?![\w$])", ctext[clo:chi] + ptext[plo:phi]) for n in names):
        return None
    # the child: the register's port becomes the readers' outputs, the register internal, the logic inlined
    _ha, hb = _span(cdef.syntax.header)
    cedits = [Edit(pa, pb, " " + ",\n    ".join(new_ports) if ptxt.startswith(" ") else ",\n    ".join(new_ports)),
              Edit(hb, hb, "\n    " + reg_decl + "\n    " + "\n    ".join(body_lines.copy()))]
    # the parent: the register's connection carries the readers' outputs, the readers go
    ca, cb = _span(cconn[port.name])
    pedits = [Edit(ca, cb, ", ".join(pconn))]
    for fi in readers:
        hi = fi.syntax.parent
        if type(hi).__name__ != "HierarchyInstantiationSyntax" or len(list(hi.instances)) != 1:
            return None
        a, b = _span(hi)
        ls = ptext.rfind("\n", 0, a) + 1
        le = ptext.find("\n", b)
        if not ptext[ls:a].strip() and le >= 0 and not ptext[b:le].strip():
            pedits.append(Edit(ls, le + 1, ""))
        else:
            pedits.append(Edit(a, b, ""))
    # the changed child is a copy for this instance (clone convention ``<module>_rtlopt_i<instance>``:
    # other uses of the module keep it), written after the parent in the parent's file
    clone = f"{cdef.name}_rtlopt_i{ic.name}"
    if re.search(rf"(?<![\w$]){re.escape(clone)}(?![\w$])", "".join(tlist)):
        return None
    hi_c = ic.syntax.parent
    if type(hi_c).__name__ != "HierarchyInstantiationSyntax" or len(list(hi_c.instances)) != 1:
        return None
    ta, tb = _span(hi_c.type)
    pedits.append(Edit(ta, tb, clone))
    try:
        mod = apply_edits(ctext[clo:chi], [Edit(e.start - clo, e.end - clo, e.replacement) for e in cedits])
        mod = re.sub(rf"^(\s*(?:module|macromodule)\s+){re.escape(cdef.name)}(?![\w$])", rf"\g<1>{clone}", mod, count=1)
        newp = apply_edits(ptext, pedits)
    except Exception:  # noqa: BLE001 - overlapping edits
        return None
    shift = len(newp) - len(ptext)
    at = phi + shift  # the parent module's end in the new text (every parent edit lies before it)
    new = {pfi: newp[:at] + "\n\n" + mod + newp[at:]}
    desc = (f"{', '.join(f.name for f in readers)} (reading only {net.name}) inlined into {cdef.name}, "
            f"whose output register {port.name} it decodes")
    return new, desc
