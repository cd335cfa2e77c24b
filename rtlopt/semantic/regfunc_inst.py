"""Registers of a child instance that are a proven function of another register: drop the instance.

:mod:`rtlopt.semantic.regfunc` proves relations between registers anywhere in the flattened hierarchy
(``ph_q == ph_i + K``, ``words == bytes >> 2``, ``rd == (wr + 639) mod 640``). When the target is a net of
the top module driven by an output port of one instance, and every output port of that instance drives
only such targets (or nothing), the instance goes and each target gets ``assign t = <function of the
kept register>;`` before ``endmodule``. The instance's registers are then gone with it. Names never
matter: instances and ports are found on the parsed source, the relation on simulation plus induction.
The search loop measures and proves every candidate (from reset).
"""

from __future__ import annotations

import re
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits


def _module_tail(text: str, mod) -> tuple[int, str] | None:
    """Where a new item goes before ``endmodule`` (the start of its line when nothing else is on it) and
    the indentation of the module's items (two spaces when none is indented)."""
    end = mod.endmodule.location.offset if hasattr(mod.endmodule, "location") else None
    if end is None:
        return None
    ls = text.rfind("\n", 0, end) + 1
    if text[ls:end].strip():
        ls = end
    body = text[mod.sourceRange.start.offset:end]
    mm = re.search(r"^([ \t]+)(assign|always|wire|logic|reg)\b", body, re.M)
    return ls, (mm.group(1) if mm else "  ")


def emit_instance_drop(texts: dict[Path, str], top: str, rels: list,
                       widths: dict[str, int] | None = None) -> dict[Path, str] | None:
    """New texts with the instance driving each relation's (top-level) target removed and the target
    assigned its function, or None when the relations do not fit that shape. ``widths``: flip-flop
    names -> widths (the netlist's), for top-level nets the source never mentions outside the port
    list (connected only through SV implicit ``.name`` ports)."""
    from pyslang import syntax

    from rtlopt.semantic import instmux, regfunc

    if not rels or any("." in r.target or not r.base or "." in r.base or r.base2 or r.bits or r.gate
                       for r in rels):
        return None
    if any(r.op not in ("add", "shr", "mul", "modadd", "dec", "therm") for r in rels):
        return None
    targets = {r.target for r in rels}
    if any(r.base in targets for r in rels):
        return None
    trees = [(p, syntax.SyntaxTree.fromText(t, str(p))) for p, t in texts.items()]
    dirs = instmux._port_dirs(trees)
    for p, tr in trees:
        text = texts[p]
        for mod in tr.root.members:
            if instmux._kind(mod) != "ModuleDeclarationSyntax" or mod.header.name.valueText != top:
                continue
            drops: list[tuple[int, int]] = []
            driven: set[str] = set()
            for it in mod.members:
                if instmux._kind(it) != "HierarchyInstantiationSyntax":
                    continue
                ports = dirs.get(it.type.valueText)
                insts = [hi for hi in it.instances if instmux._kind(hi) == "HierarchicalInstanceSyntax"]
                for hi in insts:
                    if ports is None:
                        continue
                    conns = instmux._conns(text, hi, ports)
                    if conns is None:
                        continue
                    pdir = dict(ports)
                    outs = [(pn, c) for pn, c in conns.items() if pdir.get(pn) in ("output", "inout")]
                    if any(pdir.get(pn) == "inout" for pn, _c in outs):
                        continue
                    # an implicit '.name' connection drives the net of the port's name
                    nets = [pn if c is None else c[2].strip() for pn, c in outs]
                    hit = [n for n in nets if n in targets]
                    if not hit:
                        continue
                    if any(n and n not in targets for n in nets):
                        return None  # the instance drives something else too: it must stay
                    if len(insts) != 1:
                        return None
                    driven |= set(hit)
                    a, b = instmux._span(text, it)
                    drops.append((a, b))
            if driven != targets or not drops:
                return None
            # every base is declared in the top module (not driven by a dropped instance: checked above)
            from rtlopt.semantic.seqred import _source_model

            paths = list(texts)
            model = _source_model([texts[q] for q in paths], [str(q) for q in paths], top)
            if model is None:
                return None
            decl: dict[str, tuple[int, bool, int]] = {}
            for o in model[0]:
                decl.setdefault(o.path, (o.decl_lo, o.decl_up, o.width))
            for r in rels:  # a top-level port only connected by '.name': its [W-1:0] width
                for n in (r.target, r.base):
                    if n not in decl and widths and n in widths and _plain_port(text, mod, n, widths[n]):
                        decl[n] = (0, False, widths[n])
            var = {o.path for o in model[0] if o.proc and "." not in o.path}
            if any(decl.get(r.target, (0, False, -1))[2] != r.width for r in rels):
                return None
            for r in rels:
                if r.base not in decl:
                    return None
            eds = []
            for a, b in drops:
                ed = _line_removal(text, a, b)
                eds.append(ed)
            tail = _module_tail(text, mod)
            if tail is None:
                return None
            ls, ind = tail
            lines = []
            for r in sorted(rels, key=lambda r: r.target):
                et = regfunc._expr_text(r, decl)
                if et is None:
                    return None
                # a Verilog-2005 variable ('output reg') cannot take a continuous assignment (SV's can)
                sv = str(p).endswith((".sv", ".svh"))
                kw = "always @*" if r.target in var and not sv else "assign"
                lines.append(f"{ind}{kw} {r.target} = {et};\n")
            eds.append(Edit(ls, ls, "".join(lines)))
            try:
                new = apply_edits(text, eds)
            except ValueError:
                return None
            out = dict(texts)
            out[p] = new
            return out
    return None


def _plain_port(text: str, mod, name: str, width: int) -> bool:
    """Whether the header of ``mod`` declares port ``name`` as ``[width-1:0]`` (or one bit, unranged)."""
    hdr = text[mod.header.sourceRange.start.offset:mod.header.sourceRange.end.offset]
    hdr = re.sub(r"//[^\n]*|/\*.*?\*/", " ", hdr, flags=re.S)
    for m in re.finditer(r"(?:^|[(,;])\s*((?:input|output|inout)\b[^,;()]*?)(?<![\w$])" + re.escape(name)
                         + r"(?![\w$])\s*(?=[,;)])", hdr):
        rng = re.findall(r"\[\s*(\d+)\s*:\s*0\s*\]", m.group(1))
        if re.search(r"\[", m.group(1)) is None:
            return width == 1
        return len(rng) == 1 and int(rng[0]) == width - 1 and m.group(1).count("[") == 1
    return False


def _line_removal(text: str, a: int, b: int) -> Edit:
    """Remove ``text[a:b]`` with its whole lines when nothing else shares them."""
    ls = text.rfind("\n", 0, a) + 1
    le = text.find("\n", b)
    le = len(text) if le < 0 else le + 1
    if not text[ls:a].strip() and not text[b:le].strip():
        return Edit(ls, le, "")
    return Edit(a, b, "")


def emit_port_detach(texts: dict[Path, str], top: str, rel,
                     widths: dict[str, int] | None = None) -> dict[Path, str] | None:
    """New texts where the top-level net ``rel.target``, driven by an output port of one instance that
    drives other nets too (so the instance stays), is no longer connected to that port (``.busy()``) and
    gets ``assign target = <function of the kept register>;`` instead: the child's register behind the
    port is then unread in this instance and synthesis removes it. A status block's busy flag that is
    always ``remaining != 0`` of a sibling instance, say. None when the relation or the source does not
    fit (the target is connected to several ports, written in the top, or the base is not a top-level
    name)."""
    from pyslang import syntax

    from rtlopt.semantic import instmux, regfunc

    r = rel
    if "." in r.target or not r.base or "." in r.base or (r.base2 and "." in r.base2) or r.bits or r.gate:
        return None
    if r.op in ("fn", "ule", "dec0", "cat"):
        return None
    trees = [(p, syntax.SyntaxTree.fromText(t, str(p))) for p, t in texts.items()]
    dirs = instmux._port_dirs(trees)
    for p, tr in trees:
        text = texts[p]
        for mod in tr.root.members:
            if instmux._kind(mod) != "ModuleDeclarationSyntax" or mod.header.name.valueText != top:
                continue
            hits: list[tuple[int, int, str]] = []  # (start, end, replacement) of the connection
            for it in mod.members:
                if instmux._kind(it) != "HierarchyInstantiationSyntax":
                    continue
                ports = dirs.get(it.type.valueText)
                for hi in it.instances:
                    if instmux._kind(hi) != "HierarchicalInstanceSyntax":
                        continue
                    if ports is None:
                        if re.search(rf"(?<![\w$.]){re.escape(r.target)}(?![\w$])", text[slice(*instmux._span(text, hi))]):
                            return None  # connected somewhere this emitter cannot read
                        continue
                    conns = instmux._conns(text, hi, ports)
                    a, b = instmux._span(text, hi)
                    if conns is None:
                        if re.search(rf"(?<![\w$.]){re.escape(r.target)}(?![\w$])", text[a:b]):
                            return None
                        continue
                    pdir = dict(ports)
                    for pn, c in conns.items():
                        if c is None:  # '.name': connected to the net of the port's name
                            if pn == r.target:
                                if pdir.get(pn) != "output":
                                    return None
                                m = re.search(rf"\.\s*{re.escape(pn)}(?![\w$])", text[a:b])
                                if m is None:
                                    return None
                                hits.append((a + m.end(), a + m.end(), "()"))
                            continue
                        expr = c[2].strip()
                        if re.search(rf"(?<![\w$.]){re.escape(r.target)}(?![\w$])", expr):
                            if expr != r.target or pdir.get(pn) != "output":
                                return None  # read by the instance, or part of a wider connection
                            hits.append((c[0], c[1], ""))
            if len(hits) != 1:
                return None
            from rtlopt.semantic.seqred import _source_model

            paths = list(texts)
            model = _source_model([texts[q] for q in paths], [str(q) for q in paths], top)
            if model is None:
                return None
            decl: dict[str, tuple[int, bool, int]] = {}
            for o in model[0]:
                decl.setdefault(o.path, (o.decl_lo, o.decl_up, o.width))
            for n in (r.target, r.base, r.base2):
                if n and n not in decl and widths and n in widths and _plain_port(text, mod, n, widths[n]):
                    decl[n] = (0, False, widths[n])
            if decl.get(r.target, (0, False, -1))[2] != r.width or r.base not in decl:
                return None
            if r.base2 and r.base2 not in decl:
                return None
            # nothing in the top writes the target but the detached connection (it is the instance's net)
            fi = paths.index(p)
            s, e, rep = hits[0]
            if any(o.path == r.target and o.write and not (o.file == fi and s <= o.ident[0] and o.ident[1] <= e)
                   for o in model[0]):
                return None
            et = regfunc._expr_text(r, decl)
            if et is None:
                return None
            tail = _module_tail(text, mod)
            if tail is None:
                return None
            ls, ind = tail
            try:
                new = apply_edits(text, [Edit(s, e, rep), Edit(ls, ls, f"{ind}assign {r.target} = {et};\n")])
            except ValueError:
                return None
            out = dict(texts)
            out[p] = new
            return out
    return None


def candidates_for(texts: dict[Path, str], top: str, an) -> list[tuple[dict[Path, str], str]]:
    """[(new texts, description)]: one candidate per proven relation whose target an instance drives
    (both directions of a symmetric pair are tried: measurement picks)."""
    from rtlopt.semantic import regfunc

    out = []
    allregs = regfunc._all_registers(an.net) if an.net is not None else {}
    widths = {n: len(js) for n, js in allregs.items()} if an.net is not None else None
    for r in an.relations:
        if "." in r.target or not r.base or "." in r.base:
            continue
        try:
            new = emit_instance_drop(texts, top, [r], widths)
        except Exception:  # noqa: BLE001 - a source shape this emitter does not know: no candidate
            new = None
        if new is not None:
            out.append((new, f"'{r.target}' == {regfunc._describe(r)} (instance dropped)"))
        elif not any("." in x.target for x in regfunc.localize(r, allregs, an.regs)):
            # the instance drives other nets too and the relation has no spelling inside it (the base
            # is a register of a sibling instance): only this port is detached
            try:
                new = emit_port_detach(texts, top, r, widths)
            except Exception:  # noqa: BLE001
                new = None
            if new is not None:
                out.append((new, f"'{r.target}' == {regfunc._describe(r)} (instance port detached)"))
        if len(out) >= 4:
            break
    return out
