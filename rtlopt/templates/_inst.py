"""Templates that look across module instances: merging cascaded 2:1 mux instances.

A module is recognised as a 2:1 multiplexer when its whole body is one assignment
``out = sel ? in1 : in0`` (continuous, or a single blocking assignment in ``always @*`` /
``always_comb``) of input ports, with a 1-bit select and data inputs as wide as the output.
"""

from __future__ import annotations

import re

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._expr import kind_name
from rtlopt.templates._sem import Analysis, norm, paren

_ID = re.compile(r"^[A-Za-z_][\w$]*$")


def _mux_module(mod) -> tuple[str, str, str, str] | None:
    """``(sel, in1, in0, out)`` port names if the module body is exactly one 2:1 mux assignment."""
    if mod.header.parameters is not None or mod.header.ports is None \
            or kind_name(mod.header.ports) != "AnsiPortList":  # 'module tb;' has no port list
        return None
    members = list(mod.members)
    if len(members) != 1:
        return None
    item = members[0]
    k = kind_name(item)
    if k == "ContinuousAssign":
        assigns = [a for a in item.assignments if not isinstance(a, syntax_token_type())]
        if len(assigns) != 1:
            return None
        ex = assigns[0]
    elif k in ("AlwaysBlock", "AlwaysCombBlock"):
        st = item.statement
        if k == "AlwaysBlock":
            if kind_name(st) != "TimingControlStatement" or norm(str(st.timingControl)) not in ("@*", "@(*)"):
                return None
            st = st.statement
        while kind_name(st) == "SequentialBlockStatement" and len(st.items) == 1 and st.blockName is None:
            st = st.items[0]
        if kind_name(st) != "ExpressionStatement":
            return None
        ex = st.expr
    else:
        return None
    if kind_name(ex) != "AssignmentExpression":
        return None
    rhs = ex.right
    while kind_name(rhs) == "ParenthesizedExpression":
        rhs = rhs.expression
    if kind_name(rhs) != "ConditionalExpression" or len(rhs.predicate.conditions) != 1:
        return None
    names = [norm(str(x)) for x in (rhs.predicate.conditions[0].expr, rhs.left, rhs.right, ex.left)]
    if not all(_ID.match(n) for n in names) or len(set(names)) != 4:
        return None
    return names[0], names[1], names[2], names[3]


def syntax_token_type():
    from pyslang import parsing
    return parsing.Token


def _conns(inst) -> dict[str, object] | None:
    """Named port connections ``name -> expr syntax`` (None if any connection is not ``.name(expr)``)."""
    out = {}
    for c in inst.connections:
        if isinstance(c, syntax_token_type()):
            continue
        if kind_name(c) != "NamedPortConnection" or c.expr is None:
            return None
        out[c.name.valueText] = c.expr
    return out


class MuxInstanceMerge(Template):
    """Two 2:1 mux instances with the same data inputs feeding a third mux merge into one select mux.

    ``m0: x0 = p ? b : a``, ``m1: x1 = q ? b : a``, ``m2: y = s ? x1 : x0`` (``x0``/``x1`` read nowhere
    else) → ``m2: y = (s ? q : p) ? b : a`` and ``m0``/``m1`` are removed.
    """

    id = rule = "mux_shared_data_select_merge"
    description = ("a 2:1 mux instance selecting between two mux instances that have the same data inputs "
                   "becomes one mux whose select is muxed (two of three data multiplexers are removed)")

    def find(self, an: Analysis) -> list[Match]:
        root = an.tree.root
        mods = [root] if kind_name(root) == "ModuleDeclaration" else \
            [m for m in getattr(root, "members", ()) if kind_name(m) == "ModuleDeclaration"]
        muxes: dict[str, tuple[str, str, str, str]] = {}
        for m in mods:
            sig = _mux_module(m)
            if sig is not None and self._widths_ok(an, m.header.name.valueText, sig):
                muxes[m.header.name.valueText] = sig
        out = []
        for m in mods:
            out.extend(self._in_module(an, m, muxes))
        return out

    def _widths_ok(self, an: Analysis, name: str, sig) -> bool:
        for s in an.symbols:
            if type(s).__name__ == "InstanceSymbol" and s.body.name == name:
                w = {p.name: int(p.type.bitWidth or 0) for p in s.body.portList}
                sel, in1, in0, out = sig
                return len(w) == 4 and w.get(sel) == 1 and w.get(in1) == w.get(in0) == w.get(out) and w[out] > 0
        return False

    def _in_module(self, an: Analysis, mod, muxes) -> list[Match]:
        insts = []  # (stmt syntax, instance syntax, mux signature, connections)
        for item in mod.members:
            if kind_name(item) != "HierarchyInstantiation" or item.parameters is not None:
                continue
            tname = item.type.valueText
            if tname not in muxes:
                continue
            real = [i for i in item.instances if not isinstance(i, syntax_token_type())]
            if len(real) != 1:
                continue
            c = _conns(real[0])
            sel, in1, in0, out = muxes[tname]
            if c is None or set(c) != {sel, in1, in0, out}:
                continue
            txt = {k: norm(str(v)) for k, v in c.items()}
            insts.append((item, {"sel": c[sel], "in1": c[in1], "in0": c[in0], "out": c[out]},
                          {"sel": txt[sel], "in1": txt[in1], "in0": txt[in0], "out": txt[out]}))
        ms, me = an.span(mod)
        body = an.text[ms:me]
        # plain declarations (no initialiser, which could read a name) do not count as uses
        decl_spans = [an.span(it) for it in mod.members if kind_name(it) in ("NetDeclaration", "DataDeclaration")
                      and "=" not in str(it)]

        def uses(name: str) -> int:
            n = 0
            for mt in re.finditer(rf"(?<![\w$]){re.escape(name)}(?![\w$])", body):
                pos = ms + mt.start()
                if not any(s <= pos < e for s, e in decl_spans):
                    n += 1
            return n

        out = []
        used: set[int] = set()
        for k, (stmt, conn, txt) in enumerate(insts):
            x0, x1 = txt["in0"], txt["in1"]
            if not (_ID.match(x0) and _ID.match(x1)) or x0 == x1:
                continue
            d0 = [j for j, (_s, _c, t) in enumerate(insts) if t["out"] == x0 and j != k]
            d1 = [j for j, (_s, _c, t) in enumerate(insts) if t["out"] == x1 and j != k]
            if len(d0) != 1 or len(d1) != 1:
                continue
            j0, j1 = d0[0], d1[0]
            if {j0, j1, k} & used:
                continue
            t0, t1 = insts[j0][2], insts[j1][2]
            if t0["in0"] != t1["in0"] or t0["in1"] != t1["in1"]:
                continue
            if uses(x0) != 2 or uses(x1) != 2:  # driver + this select, nothing else
                continue
            if any(t0["out"] in (t0[p], t1[p]) or t1["out"] in (t0[p], t1[p]) for p in ("in0", "in1", "sel")):
                continue
            c0 = insts[j0][1]
            s = an.text
            sel_new = f"{paren(s[slice(*an.span(conn['sel']))])} ? {paren(s[slice(*an.span(insts[j1][1]['sel']))])}" \
                f" : {paren(s[slice(*an.span(c0['sel']))])}"
            edits = [Edit(*an.span(conn["sel"]), sel_new),
                     Edit(*an.span(conn["in0"]), s[slice(*an.span(c0["in0"]))].strip()),
                     Edit(*an.span(conn["in1"]), s[slice(*an.span(c0["in1"]))].strip())]
            for j in (j0, j1):
                a, b = an.span(insts[j][0])
                ls = s.rfind("\n", 0, a) + 1
                if s[ls:a].strip() == "" and s[b:b + 1] == "\n":  # the instance is alone on its line
                    a, b = ls, b + 1
                edits.append(Edit(a, b, ""))
            used |= {j0, j1, k}
            st = an.span(stmt)[0]
            out.append(Match(self.id, st, st, an.line(st),
                             f"{self.id} at line {an.line(st)}: mux of muxes {x0}/{x1} with shared data inputs",
                             tuple(edits), "", {}))
        return out
