"""A register equal to a register inside a child instance (a wrapper's level counter duplicating the
FIFO's own count): the child exports its register on a new output port and the wrapper's register
becomes that port's value (its flip-flops go). Found by regfunc (simulation + induction); the search
loop proves the edited design.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from rtlopt.hdl.edit import Edit, apply_edits


class ChildSite(NamedTuple):
    """A direct child instance of the top and its module, located in the source texts."""

    inst: object  # pyslang InstanceSymbol
    decl: object  # the module's declaration syntax
    ports: object  # its ANSI port list
    paths: list[Path]
    fm: int  # index in ``paths`` of the module's file
    fi: int  # ... and of the file holding the instance
    mtext: str  # the module's file text


def after_last_port(text: str, cp: int) -> int:
    """The offset just after the last port of a list closed by the ``)`` at ``cp``: before the
    whitespace and any comments ahead of it (a ',' added after a port whose line ends in
    ``// comment`` must not go into the comment)."""
    at = cp
    while True:
        s = text[:at].rstrip()
        if s.endswith("*/") and s.rfind("/*") >= 0:
            at = s.rfind("/*")
            continue
        ls = s.rfind("\n") + 1
        k = s.find("//", ls)
        while k >= 0 and s.count('"', ls, k) % 2:  # inside a string literal ("a//b")
            k = s.find("//", k + 2)
        if k >= 0:
            at = k
            continue
        return len(s)


def child_site(texts: dict[Path, str], top: str, inst: str, once: bool = False) -> ChildSite | None:
    """Where instance ``top.inst`` and its module (ANSI port list) are written; None when not found,
    not ANSI, or (``once``) when its module is instantiated more than once."""
    from pyslang import ast, syntax

    from rtlopt.hdl.project import top_compilation

    paths = list(texts)
    comp = top_compilation(top)  # the top alone, at its -G values
    trees = []
    for p in paths:
        t = syntax.SyntaxTree.fromText(texts[p], str(p))
        trees.append(t)
        comp.addSyntaxTree(t)
    buf = {t.root.sourceRange.start.buffer.id: i for i, t in enumerate(trees)}
    hit, defs = [], {}

    def visit(n):
        if type(n).__name__ == "InstanceSymbol":
            if n.hierarchicalPath == f"{top}.{inst}":
                hit.append(n)
            defs[n.definition.name] = defs.get(n.definition.name, 0) + 1
        return ast.VisitAction.Advance

    comp.getRoot().visit(visit)
    if len(hit) != 1 or hit[0].syntax is None or (once and defs.get(hit[0].definition.name) != 1):
        return None
    n = hit[0]
    ds = n.definition.syntax
    ports = getattr(ds.header, "ports", None)
    if ports is None or type(ports).__name__ != "AnsiPortListSyntax":
        return None
    fm = buf.get(ds.sourceRange.start.buffer.id)
    fi = buf.get(n.syntax.sourceRange.start.buffer.id)
    if fm is None or fi is None:
        return None
    return ChildSite(n, ds, ports, paths, fm, fi, texts[paths[fm]])


def apply_site_edits(texts: dict[Path, str], site: ChildSite, eds_m: list[Edit],
                     eds_i: list[Edit]) -> dict[Path, str] | None:
    """``texts`` with edits to the child's module (``eds_m``) and at its instance (``eds_i``) applied,
    in one file or two; None when edits overlap."""
    out = dict(texts)
    try:
        if site.fm == site.fi:
            out[site.paths[site.fm]] = apply_edits(site.mtext, sorted(eds_m + eds_i))
        else:
            out[site.paths[site.fm]] = apply_edits(site.mtext, sorted(eds_m))
            out[site.paths[site.fi]] = apply_edits(texts[site.paths[site.fi]], sorted(eds_i))
    except ValueError:
        return None
    return out


def texts_with_export(texts: dict[Path, str], top: str, base: str) -> tuple[dict[Path, str], str] | None:
    """``texts`` with register ``base`` (``inst.reg``, a direct child instance of the top, or a path
    ``parent.inst.reg`` below an instance whose module holds ``inst``) exported on a new output port of
    the child's module and connected to a new wire in the module holding the instance: (texts, wire)."""
    inst, _, reg = base.rpartition(".")
    if not inst or "." in reg or not re.fullmatch(r"[A-Za-z_][\w$]*", reg):
        return None
    site = child_site(texts, top, inst)
    if site is None:
        return None
    n, ds, ports, paths, fm, fi, mtext = site
    ms, me = ds.sourceRange.start.offset, ds.sourceRange.end.offset
    body = mtext[ms:me]
    dm = re.search(rf"\b(?:reg|logic|bit)\b\s*(?:signed\s*)?(\[[^\]]*\])?[^;]*?(?<![\w$]){re.escape(reg)}(?![\w$])",
                   body)
    if dm is None:  # a net (driven by a nested instance's output): its declaration, no initialiser
        dm = re.search(rf"\bwire\b\s*(?:signed\s*)?(\[[^\]]*\])?[^;=]*?(?<![\w$]){re.escape(reg)}(?![\w$])", body)
    if dm is None:
        return None
    rng = dm.group(1) or ""
    port = f"rtlopt_{reg}_o"
    wire = f"rtlopt_{inst.rpartition('.')[2]}_{reg}"
    if re.search(rf"(?<![\w$]){port}(?![\w$])", body) or any(wire in t for t in texts.values()):
        return None
    w = n.body.lookupName(reg)
    width = int(getattr(getattr(w, "type", None), "bitWidth", 0) or 0)
    if width <= 0:
        return None
    cp = ports.closeParen.range.start.offset
    em = re.compile(r"(?<![\w$])endmodule\b").search(mtext, ms)
    if em is None:
        return None
    at = after_last_port(mtext, cp)  # after the last port, before whitespace/comments ahead of ')'
    eds_m = [Edit(at, at, f",\n  output wire {rng + ' ' if rng else ''}{port}"),
             Edit(em.start(), em.start(), f"  assign {port} = {reg};\n")]
    itext_s, itext_e = n.syntax.sourceRange.start.offset, n.syntax.sourceRange.end.offset
    itext = mtext if fm == fi else texts[paths[fi]]
    if not itext[:itext_e].rstrip().endswith(")"):
        return None
    close = itext.rfind(")", itext_s, itext_e)
    conn = f", .{port}({wire})"
    # the statement holding the instance: declare the wire on the line before it
    ls = itext.rfind(";", 0, itext_s)
    ls = itext.find("\n", ls) + 1 if ls >= 0 else itext_s
    ind = re.match(r"[ \t]*", itext[ls:]).group(0)
    eds_i = [Edit(close, close, conn), Edit(ls, ls, f"{ind}wire [{width - 1}:0] {wire};\n")]
    out = apply_site_edits(texts, site, eds_m, eds_i)
    return None if out is None else (out, wire)
