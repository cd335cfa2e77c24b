"""Sequential redundancy across sibling instances: the same register in several instances of one
module (a debouncer's sample prescaler, a PWM channel's period counter) provably equal in every
reachable state (signal-correspondence induction of :mod:`rtlopt.semantic.seqsim` on the flattened
design) becomes one register.

The module gets a parameter ``RTLOPT_<REG>_EXT`` (default 0: every other use of the module keeps
its behaviour), an input and an output port, and one wire right after the register's declaration:

    wire [W-1:0] rtlopt_<reg>_v = RTLOPT_<REG>_EXT ? rtlopt_<reg>_i : <reg>;
    assign rtlopt_<reg>_o = rtlopt_<reg>_v;

Every read of the register in the module reads ``rtlopt_<reg>_v``. In the parent, one instance
(the kept one) exports its register; the others take it in with ``RTLOPT_<REG>_EXT = 1``, so their
own copy has no reader left and synthesis removes it. Instances of a generate loop are connected
through one bus indexed by the genvar (``.RTLOPT_..._EXT(i != K)``), explicit instances through one
wire. The edited design is proven equal to the original from reset by the search loop like every
candidate. Names never matter: the facts come from simulation + induction on gates.

Cousins: the register's instances may each sit inside an instance of a parent module M (a prescaler in
every timer channel), M's instances siblings as above. M then passes the hook through: its own
``RTLOPT_<REG>_EXT`` parameter (default 0) and ``rtlopt_<reg>_i/_o`` ports, connected at the child's
instance; M's instances are connected like siblings. At 0 the child keeps its register and M's new
input is unread: M is the old module at every parameter value (:func:`pass_only`, for parampin). The
register's own next-state block keeps reading the register itself (only its other readers take the
hook's value): an instance fed from outside still drops it, and the kept register's value range is
what it was, so the width templates narrow it in the same candidate.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic.crossinst import after_last_port

RULE = "instance_register_sharing"
#: The proof order of a shared register's candidate: the edited design has one register where the
#: original has several equal ones (no name pairing for Yosys' register correspondence): ABC's
#: signal correspondence / PDR decides it in seconds; z3's induction after it. The automatic order
#: (equiv, smt, abc) spent the slices on the first two: heldout11 odo/trip_meter (two 16-bit
#: prescalers) equiv inconclusive 4 s, smt 40.6 s, abc 4.8 s (load 15); UNKNOWN within a 90 s budget.
PROOF_ENGINES = ("abc", "smt")
#: ... and when every flip-flop has a reset pin or an initial value (ABC is never skipped for start
#: values): ABC alone, with the whole slice. Second of two engines it had 40 % of the proof's cap: in
#: the search at load 16 esc/dshot_quad's shared bit timer + bit counter (abc 7.8 s alone) and
#: odo/trip_meter's prescaler ended UNKNOWN with --budget 90.
PROOF_ENGINES_STARTED = ("abc",)


def _bit_classes(texts: dict[Path, str], top: str, timeout_s: float, info: dict | None = None):
    """{(flop name, bit): (class id, polarity)} of flip-flop bits proven equal to others; ``info``
    gets "started": whether every flip-flop has a reset pin or an initial value."""
    import hashlib

    from rtlopt.semantic import seqred, seqsim

    # the seqredundancy generator's analysis of the same texts (it runs first in a round): reused
    key = hashlib.sha256(repr((top, sorted((str(p), t) for p, t in texts.items()))).encode()).hexdigest()
    an = seqred._CACHE.get(key)
    if an is not None and an.net is not None and an.error is None:
        net, classes = an.net, an.classes
    else:
        net = seqred._load_cached(texts, top, timeout_s)
        classes = seqsim.find_classes(net, timeout_s=timeout_s)
    rel: dict[int, tuple[int, int]] = {}
    for ci, (rep, mem) in enumerate(classes):
        if rep is None:
            # proven constant bits (a timer's bits above its load value): equal in every instance
            # holding the same constant there; class -1 with the constant as the polarity
            for j, p in mem.items():
                rel[j] = (-1, int(p))
            continue
        rel[rep] = (ci, 0)
        for j, p in mem.items():
            rel[j] = (ci, p)
    if info is not None:
        info["started"] = all(f.rst is not None or f.init is not None for f in net.flops)
    out: dict[tuple[str, int], tuple[int, int]] = {}
    for j, f in enumerate(net.flops):
        if j in rel:
            for n, i in net.names.get(f.q, []):
                out[(n, i)] = rel[j]
    return out


def _compile(texts: dict[Path, str], top: str | None = None):
    from pyslang import syntax

    from rtlopt.hdl.project import top_compilation

    comp = top_compilation(top)  # the top alone, at its -G values
    trees = []
    for p, t in texts.items():
        tr = syntax.SyntaxTree.fromText(t, str(p))
        trees.append(tr)
        comp.addSyntaxTree(tr)
    if any(d.isError() for tr in trees for d in tr.diagnostics):
        return None
    buf = {tr.root.sourceRange.start.buffer.id: i for i, tr in enumerate(trees)}
    return comp, buf


def _children(top_inst):
    """Every instance below the top with its parent instance: [(parent path, rel path, symbol, genvar)]
    (paths relative to the top, "" for the top itself; generate blocks in between are transparent)."""
    from pyslang import ast

    out = []
    cut = len(top_inst.name) + 1

    def walk(inst, ppath):
        kids = []

        def visit(n):
            k = type(n).__name__
            if k == "GenerateBlockSymbol" and n.isUninstantiated:
                return ast.VisitAction.Skip
            if k == "InstanceSymbol":
                kids.append(n)
                return ast.VisitAction.Skip
            return ast.VisitAction.Advance

        inst.body.visit(visit)
        for n in kids:
            rel = n.hierarchicalPath[cut:]
            m = re.search(r"\[(-?\d+)\]\.[^.]+$", rel)  # the index of the enclosing loop block
            out.append((ppath, rel, n, int(m.group(1)) if m else None))
            walk(n, rel)

    walk(top_inst, "")
    return out


def _loop_of(inst_syntax):
    """(LoopGenerateSyntax, genvar name) around an instance syntax, or None; a nested loop: refused."""
    p = inst_syntax.parent
    found = None
    while p is not None:
        if type(p).__name__ == "LoopGenerateSyntax":
            if found is not None:
                return "nested"
            found = p
        if type(p).__name__ in ("ModuleDeclarationSyntax",):
            break
        p = p.parent
    if found is None:
        return None
    return found, found.identifier.valueText


def _reads(bodies, var_name: str):
    """Spans of every read of variable ``var_name`` in the instance bodies (one definition's syntax)."""
    from pyslang import ast

    reads: set[tuple[int, int, int]] = set()
    lroots: set[tuple[int, int, int]] = set()
    nosyn = [0, 0]  # NamedValues without syntax / of them covered by their select's name syntax

    def span_of(e, outer):
        """(buffer, start, end) of a value's identifier; 'x[3:0]' parses as one name syntax."""
        if e.syntax is not None:
            r = e.syntax.sourceRange
            return r.start.buffer.id, r.start.offset, r.end.offset
        if outer is not None and type(outer.syntax).__name__ == "IdentifierSelectNameSyntax":
            r, t = outer.syntax.sourceRange, outer.syntax.identifier.range
            return r.start.buffer.id, t.start.offset, t.end.offset
        return None

    for body in bodies:
        sym = body.lookupName(var_name)
        if sym is None:
            return None

        def is_var(e, sym=sym):
            return type(e).__name__ in ("NamedValueExpression", "HierarchicalValueExpression") \
                and e.symbol is not None and e.symbol.name == var_name and e.symbol == sym

        def visit(n, is_var=is_var):
            k = type(n).__name__
            if k == "AssignmentExpression":
                roots = [n.left]
                if type(n.left).__name__ == "ConcatenationExpression":
                    roots = list(n.left.operands)
                for e in roots:
                    outer = None
                    while type(e).__name__ in ("ElementSelectExpression", "RangeSelectExpression",
                                               "MemberAccessExpression"):
                        outer, e = e, e.value
                    if type(e).__name__ == "NamedValueExpression":
                        sp = span_of(e, outer)
                        if sp is not None:
                            lroots.add(sp)
            if k in ("ElementSelectExpression", "RangeSelectExpression") and is_var(n.value) \
                    and n.value.syntax is None:
                sp = span_of(n.value, n)
                if sp is not None:
                    reads.add(sp)
                    nosyn[1] += 1
            if is_var(n):
                if n.syntax is None:
                    nosyn[0] += 1
                else:
                    r = n.syntax.sourceRange
                    reads.add((r.start.buffer.id, r.start.offset, r.end.offset))
            return ast.VisitAction.Advance

        body.visit(visit)
    if nosyn[0] != nosyn[1]:
        return None
    own = _own_blocks(bodies, var_name)
    return sorted(r for r in reads - lroots if not any(b == r[0] and s <= r[1] and r[2] <= e for b, s, e in own))


def _own_blocks(bodies, var_name: str) -> list[tuple[int, int, int]]:
    """Spans of the procedural blocks that assign ``var_name`` and nothing else (its own next-state
    logic). Their reads of it stay: with the hook's parameter at 1 the register then feeds only
    itself and synthesis removes it as before, while the register's update reads itself alone, so
    its value range from reset is what it was (the width templates still narrow the kept register:
    a prescaler shared by three channels and narrowed from 16 to 5 bits in one candidate)."""
    from pyslang import ast

    out = []
    for body in bodies:
        blocks = []

        def visit(n, blocks=blocks):
            if type(n).__name__ == "ProceduralBlockSymbol":
                blocks.append(n)
                return ast.VisitAction.Skip
            return ast.VisitAction.Advance

        body.visit(visit)
        for blk in blocks:
            lhs: set[str] = set()

            def lv(n, lhs=lhs):
                if type(n).__name__ == "AssignmentExpression":
                    e = n.left
                    while type(e).__name__ in ("ElementSelectExpression", "RangeSelectExpression",
                                               "MemberAccessExpression"):
                        e = e.value
                    sym = getattr(e, "symbol", None)
                    lhs.add(sym.name if sym is not None else "?")
                return ast.VisitAction.Advance

            blk.visit(lv)
            if lhs == {var_name} and blk.syntax is not None:
                r = blk.syntax.sourceRange
                out.append((r.start.buffer.id, r.start.offset, r.end.offset))
    return out


def share_edits(texts: dict[Path, str], top: str, timeout_s: float = 20.0,
                info: dict | None = None) -> list[tuple[dict[Path, str], str]]:
    """Candidate texts: [(new texts, description)], all shareable registers first, then each alone
    (``info``: see :func:`_bit_classes`)."""
    t0 = time.monotonic()
    if not any(re.search(r"\b(posedge|negedge)\b", t) for t in texts.values()):
        return []
    if not all(t.isascii() for t in texts.values()):
        return []
    got = _compile(texts, top)
    if got is None:
        return []
    comp, buf = got
    tops = [i for i in comp.getRoot().topInstances if i.name == top]
    if len(tops) != 1:
        return []
    kids = _children(tops[0])
    n_of_def: dict[str, int] = {}
    for _pp, _path, sym, _gv in kids:
        n_of_def[sym.definition.name] = n_of_def.get(sym.definition.name, 0) + 1
    pdef = {path: sym.definition.name for _pp, path, sym, _gv in kids}
    every: dict[str, list] = {}  # every instance of a definition (its reads are edited in all)
    by_def: dict[tuple[str, str], list] = {}
    for pp, path, sym, gv in kids:
        every.setdefault(sym.definition.name, []).append((path, sym, gv))
        # siblings under the top or under a parent whose module has this one instance only (the
        # parent's module text is edited: every copy of it must be this one)
        if pp == "" or n_of_def.get(pdef.get(pp, ""), 0) == 1:
            by_def.setdefault((pp, sym.definition.name), []).append((path, sym, gv))
    by_def = {d: v for d, v in by_def.items() if len(v) > 1}
    cousins = _cousin_groups(kids, n_of_def, pdef)
    if not by_def and not cousins:
        return []
    try:
        bits = _bit_classes(texts, top, max(2.0, timeout_s - (time.monotonic() - t0)), info)
    except Exception:  # noqa: BLE001 - outside the model: no candidates
        return []
    plans = []
    groups = [(dname, insts, None) for (_pp, dname), insts in by_def.items()]
    groups += [(dname, insts, via) for dname, insts, via in cousins]
    for dname, insts, via in groups:
        body0 = insts[0][1].body
        regs = sorted({n.rpartition(".")[2] for (n, _i) in bits
                       if n.rpartition(".")[0] == insts[0][0]})
        for reg in regs:
            if not re.fullmatch(r"[A-Za-z_]\w*", reg):
                continue
            v = body0.lookupName(reg)
            if v is None or type(v).__name__ != "VariableSymbol":
                continue
            w = int(getattr(v.type, "bitWidth", 0) or 0)
            if w <= 0 or v.type.isSigned or not v.type.isIntegral:
                continue
            sig = {}
            for path, _s, _g in insts:
                # (class, polarity to its representative) per bit: equal keys = equal registers
                key = tuple(bits.get((f"{path}.{reg}", i)) for i in range(w))
                if any(k is None for k in key) or all(k[0] == -1 for k in key):
                    continue  # a bit without a class, or a constant register (seqredundancy's)
                sig.setdefault(key, []).append((path, _s, _g))
            for grp in sig.values():
                if len(grp) > 1 and via is None:
                    plans.append((dname, reg, w, grp, every[dname]))
                elif len(grp) > 1:  # the hook goes through the module of each one's parent (all of them)
                    par = [dict(via)[g[0]] for g in grp]
                    plans.append((dname, reg, w, grp, every[dname], par, every[par[0][1].definition.name]))
    plans = [p for p in plans if _emit(texts, comp, buf, [p]) is not None]  # each alone, then together
    out = []
    for sel in ([plans] if len(plans) > 1 else []) + [[p] for p in plans]:
        new = _emit(texts, comp, buf, sel)
        if new is not None and new != texts:
            what = ", ".join(f"'{p[1]}' of {len(p[3])} '{p[0]}' instances"
                             + (f" (through '{p[5][0][1].definition.name}')" if len(p) > 5 else "") for p in sel)
            out.append((new, f"one shared register for {what}"))
    return out


def _emit(texts: dict[Path, str], comp, buf, plans) -> dict[Path, str] | None:
    try:
        return _emit1(texts, comp, buf, plans)
    except _Refuse:
        return None


def _emit1(texts: dict[Path, str], comp, buf, plans) -> dict[Path, str] | None:
    paths = list(texts)
    edits: dict[int, list[Edit]] = {}
    done_mod: dict[tuple[str, str], bool] = {}
    used: set[str] = set()  # wires added to parents (one per shared register)
    for plan in plans:
        dname, reg, w, grp, allinst = plan[:5]
        if (dname, reg) in done_mod:
            return None
        done_mod[(dname, reg)] = True
        P = f"RTLOPT_{reg.upper()}_EXT"
        pi, po, pv = f"rtlopt_{reg}_i", f"rtlopt_{reg}_o", f"rtlopt_{reg}_v"
        if any(re.search(rf"(?<![\w$]){x}(?![\w$])", t) for t in texts.values() for x in (P, pi, po, pv)):
            return None
        site = _module_site(texts, paths, buf, grp[0][1].definition)
        if site is None:
            return None
        fm, mtext, hdr = site
        var = grp[0][1].body.lookupName(reg)
        decl = var.syntax.parent if var.syntax is not None else None
        if decl is None or type(decl).__name__ != "DataDeclarationSyntax":
            return None
        dtext = mtext[decl.sourceRange.start.offset:decl.sourceRange.end.offset]
        dims = re.findall(r"\[[^\]]*\]", dtext.split("=")[0])
        if len(dims) > 1 or re.search(r"\bsigned\b", dtext):
            return None
        rng = (dims[0] + " ") if dims else ""
        if not dims and w != 1:
            return None
        reads = _reads([i[1].body for i in allinst], reg)
        if reads is None:
            return None
        me = edits.setdefault(fm, [])
        me += _header_edits(mtext, hdr, P, pi, po, rng)
        de = decl.sourceRange.end.offset
        ls = mtext.rfind("\n", 0, decl.sourceRange.start.offset) + 1
        ind = re.match(r"[ \t]*", mtext[ls:]).group(0)
        me.append(Edit(de, de, f"\n{ind}wire {rng}{pv} = {P} ? {pi} : {reg};  "
                               f"// rtlopt: one register shared by equal instances\n"
                               f"{ind}assign {po} = {pv};"))
        for b, s, e in reads:
            if buf.get(b) != fm or mtext[s:e] != reg:
                return None
            me.append(Edit(s, e, pv))
        if len(plan) > 5:
            # cousins: the module of their parents passes the hook through (its own parameter and ports,
            # connected at the one instance of this module inside it); the parents are connected below
            par, parall = plan[5], plan[6]
            if not _pass_edits(texts, paths, buf, edits, grp, par, P, pi, po, w):
                return None
            grp, allinst = par, parall
        # parent side
        loops = {_loop_of(i[1].syntax) for i in grp}
        if "nested" in loops:
            return None
        if len(loops) == 1 and None not in loops:
            loop, gvn = next(iter(loops))
            gvals = sorted(i[2] for i in grp)
            # every iteration of the loop is in the group
            if any(g is None for g in gvals) or gvals[0] < 0:
                return None
            same = [i for i in allinst if i[1].syntax is not None and i[1].syntax == grp[0][1].syntax]
            if len(same) != len(grp) or len({id(i[1].syntax) for i in grp}) > 1 and False:
                return None
            K = gvals[0]
            bus = f"rtlopt_{reg}_all"
            if bus in used or any(bus in t for t in texts.values()):
                return None
            used.add(bus)
            isyn = grp[0][1].syntax
            fi = buf.get(isyn.sourceRange.start.buffer.id)
            ptext = texts[paths[fi]]
            pe = edits.setdefault(fi, [])
            ls = ptext.rfind("\n", 0, loop.sourceRange.start.offset) + 1
            ind = re.match(r"[ \t]*", ptext[ls:]).group(0)
            pe.append(Edit(ls, ls, f"{ind}wire [{(gvals[-1] + 1) * w - 1}:0] {bus};\n"))
            stmt = isyn.parent
            if type(stmt).__name__ != "HierarchyInstantiationSyntax" or len(stmt.instances) != 1:
                return None
            pe += _inst_edits(ptext, stmt, isyn, f"({gvn} != {K})",
                              f".{pi}({bus}[{K * w + w - 1}:{K * w}]), .{po}({bus}[{w}*{gvn} +: {w}])")
        elif loops == {None}:
            wire = f"rtlopt_{reg}_sh"
            if wire in used or any(wire in t for t in texts.values()):
                return None
            used.add(wire)
            first = None
            for k, (_p, s, _g) in enumerate(grp):
                isyn = s.syntax
                stmt = isyn.parent
                if type(stmt).__name__ != "HierarchyInstantiationSyntax" or len(stmt.instances) != 1:
                    return None
                fi = buf.get(isyn.sourceRange.start.buffer.id)
                ptext = texts[paths[fi]]
                pe = edits.setdefault(fi, [])
                if first is None or (fi, stmt.sourceRange.start.offset) < first:
                    first = (fi, stmt.sourceRange.start.offset)
                if k == 0:
                    pe += _inst_edits(ptext, stmt, isyn, None, f".{po}({wire})")
                else:
                    pe += _inst_edits(ptext, stmt, isyn, "1", f".{pi}({wire})")
            fi, so = first
            ptext = texts[paths[fi]]
            ls = ptext.rfind("\n", 0, so) + 1
            ind = re.match(r"[ \t]*", ptext[ls:]).group(0)
            edits[fi].append(Edit(ls, ls, f"{ind}wire {'[' + str(w - 1) + ':0] ' if w > 1 else ''}{wire};\n"))
        else:
            return None
        if any(i[1].syntax is not None and i not in grp and i[1].syntax == grp[0][1].syntax for i in allinst):
            return None
    new = dict(texts)
    for fi, eds in edits.items():
        try:
            new[paths[fi]] = apply_edits(texts[paths[fi]], sorted(eds, key=lambda e: (e.start, e.end)))
        except (ValueError, AttributeError):
            try:
                new[paths[fi]] = apply_edits(texts[paths[fi]], eds)
            except ValueError:
                return None
    return new


def _cousin_groups(kids, n_of_def: dict[str, int], pdef: dict[str, str]) -> list:
    """[(definition, [(path, symbol, genvar)], [(path, parent (path, symbol, genvar))])]: the instances
    of one module, one inside each instance of a parent module M (the same instance statement of M),
    where every instance of M is a sibling under the top or under a module instantiated once: a
    prescaler inside each of three timer channels. Each instance of M holds one such instance."""
    by_path = {path: (path, sym, gv) for _pp, path, sym, gv in kids}
    parents_of: dict[str, list] = {}  # M -> its instances (path, sym, gv) with their parent path
    for pp, path, sym, gv in kids:
        parents_of.setdefault(sym.definition.name, []).append((pp, (path, sym, gv)))
    out = []
    for _pp, path, sym, gv in kids:
        pp = _pp
        if pp == "" or pp not in by_path:
            continue
        m = pdef.get(pp)
        if m is None or n_of_def.get(m, 0) < 2:
            continue
        ms = parents_of.get(m, [])
        gps = {g for g, _i in ms}
        if len(gps) != 1:
            continue
        gp = next(iter(gps))
        if gp != "" and n_of_def.get(pdef.get(gp, ""), 0) != 1:
            continue
        if path != f"{pp}.{path.rpartition('.')[2]}" or "[" in path.rpartition(".")[2]:
            continue
        out.append((gp, m, sym.definition.name, path.rpartition(".")[2], (path, sym, gv), by_path[pp]))
    groups: dict[tuple, list] = {}
    for gp, m, d, leaf, me, par in out:
        groups.setdefault((gp, m, d, leaf), []).append((me, par))
    res = []
    for (_gp, m, d, _leaf), v in groups.items():
        if len(v) != len(parents_of[m]) or len(v) < 2:
            continue
        if len({id(me[1].syntax) for me, _p in v}) != 1 and len({me[1].syntax for me, _p in v}) != 1:
            continue
        res.append((d, [me for me, _p in v], [(me[0], par) for me, par in v]))
    return res


def _module_site(texts, paths, buf, definition):
    """(file index, file text, header syntax) of a module with an ANSI port list, or None."""
    ds = definition.syntax
    fm = buf.get(ds.sourceRange.start.buffer.id)
    if fm is None:
        return None
    ports = ds.header.ports
    if ports is None or type(ports).__name__ != "AnsiPortListSyntax":
        return None
    return fm, texts[paths[fm]], ds.header


def _header_edits(mtext: str, hdr, P: str, pi: str, po: str, rng: str) -> list[Edit]:
    """The hook's parameter ``P`` (default 0) and its ports ``pi``/``po`` added to a module header."""
    out = []
    params = hdr.parameters
    if params is not None:
        at = after_last_port(mtext, params.closeParen.range.start.offset)
        out.append(Edit(at, at, f", parameter {P} = 0"))
    else:
        at = hdr.name.range.end.offset
        out.append(Edit(at, at, f" #(parameter {P} = 0)"))
    at = after_last_port(mtext, hdr.ports.closeParen.range.start.offset)
    out.append(Edit(at, at, f",\n  input  wire {rng}{pi},\n  output wire {rng}{po}"))
    return out


def _pass_edits(texts, paths, buf, edits, grp, par, P: str, pi: str, po: str, w: int) -> bool:
    """Edits to the module of the parents ``par`` passing the sharing hook of its child ``grp`` through:
    a parameter ``P`` (default 0), ports ``pi``/``po`` ([w-1:0]) and the connections at the child's
    instance statement. False when the shape is not one this emitter writes."""
    site = _module_site(texts, paths, buf, par[0][1].definition)
    if site is None:
        return False
    fm, mtext, hdr = site
    me = edits.setdefault(fm, [])
    me += _header_edits(mtext, hdr, P, pi, po, f"[{w - 1}:0] " if w > 1 else "")
    isyn = grp[0][1].syntax
    if buf.get(isyn.sourceRange.start.buffer.id) != fm:
        return False
    stmt = isyn.parent
    if type(stmt).__name__ != "HierarchyInstantiationSyntax" or len(stmt.instances) != 1 \
            or _loop_of(isyn) is not None:
        return False
    try:
        me += _inst_edits(mtext, stmt, isyn, P, f".{pi}({pi}), .{po}({po})")
    except _Refuse:
        return False
    return True


_PASS_PARAM = re.compile(r"(?:, parameter RTLOPT_(\w+)_EXT = 0| #\(parameter RTLOPT_(\w+)_EXT = 0\))")


def pass_only(mod_o: str, mod_n: str) -> bool:
    """Whether the new module is the old one plus the pass-through of a child's sharing hook
    (:func:`_pass_edits`): at the parameter's default 0 the child keeps its own register, the new
    output port reads it and the input is unread, so the module is the old one at every value of its
    other parameters."""
    regs = {(m.group(1) or m.group(2)) for m in _PASS_PARAM.finditer(mod_n)}
    if not regs or _HOOK_WIRE.search(mod_n):
        return False
    s = mod_n
    for r in regs:
        lo = r.lower()
        s = re.sub(rf",\n  input  wire (?:\[[^\]\n]*\] )?rtlopt_{lo}_i,\n  output wire (?:\[[^\]\n]*\] )?rtlopt_{lo}_o",
                   "", s, count=1)
        s = s.replace(f", .RTLOPT_{r}_EXT(RTLOPT_{r}_EXT)", "", 1).replace(f" #(.RTLOPT_{r}_EXT(RTLOPT_{r}_EXT))", "", 1)
        s = re.sub(rf",? ?\.rtlopt_{lo}_i\(rtlopt_{lo}_i\), \.rtlopt_{lo}_o\(rtlopt_{lo}_o\)", "", s, count=1)
        s = s.replace(f", parameter RTLOPT_{r}_EXT = 0", "", 1).replace(f" #(parameter RTLOPT_{r}_EXT = 0)", "", 1)
    return s.replace("\r", "") == mod_o.replace("\r", "")


class _Refuse(Exception):
    """An instance statement this emitter does not edit."""


def _inst_edits(ptext: str, stmt, isyn, ext: str | None, conns: str) -> list[Edit]:
    """Parameter ``ext`` (None: untouched) and extra named connections on one instance statement."""
    out = []
    conn_list = list(isyn.connections)
    if any(type(c).__name__ == "OrderedPortConnectionSyntax" for c in conn_list):
        raise _Refuse("positional port connections")
    if ext is not None:
        P = re.search(r"\.(rtlopt_(\w+)_[io])\(", conns).group(2)
        pname = f"RTLOPT_{P.upper()}_EXT"
        if stmt.parameters is not None:
            cp = stmt.parameters.closeParen.range.start.offset
            at = after_last_port(ptext, cp)
            out.append(Edit(at, at, f", .{pname}({ext})"))
        else:
            at = stmt.type.range.end.offset
            out.append(Edit(at, at, f" #(.{pname}({ext}))"))
    cp = isyn.closeParen.range.start.offset
    at = after_last_port(ptext, cp)
    sep = ", " if conn_list and ptext[ptext.find("(", isyn.sourceRange.start.offset) + 1:cp].strip() else ""
    out.append(Edit(at, at, sep + conns))
    return out


def instshare_candidates(state) -> list:
    """Search-loop generator: registers equal across sibling instances become one shared register."""
    from rtlopt.engine.candidate import Candidate

    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    info: dict = {}
    try:
        got = share_edits(dict(state.texts), state.design.top, timeout_s=max(2.0, min(20.0, left)), info=info)
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    engines = PROOF_ENGINES_STARTED if info.get("started") else PROOF_ENGINES
    # with the kept register narrowed to its value range too (one round instead of two): alone, three
    # timer channels' 16-bit prescalers narrowed to 5 bits each measure smaller than one shared 16-bit
    # prescaler, and once narrowed (pinned to the parameter values) the register is no longer found
    combo = []
    if got and (getattr(state, "deadline", None) or float("inf")) - time.monotonic() > 4.0:
        from rtlopt.semantic import regfunc_seq

        try:
            combo = regfunc_seq.with_narrowing(dict(state.texts), state.design.top, got[:1], limit=1,
                                               deadline=getattr(state, "deadline", None) or float("inf"))
        except Exception:  # noqa: BLE001 - no combination
            combo = []
    out = []
    for new, desc in got + [(n, d) for n, d in combo if d.startswith(got[0][1] + "; then ")]:
        changed = [p for p in new if new[p] != state.texts[p]]
        if len(changed) != 1:
            continue  # the engine replaces one file per candidate
        p = changed[0]
        hints = {"file": str(p), "engines": engines}
        if desc != got[0][1] and desc.startswith(got[0][1] + "; then ") and got[0][0].get(p) != state.texts[p]:
            hints["stage"] = got[0][0][p]  # the sharing proven first, then the narrowing against it
        rules = (RULE, "register_width_reduction") if "; then " in desc else (RULE,)
        out.append(Candidate(new[p], "template", rules, desc, hints))
    return out


_HOOK_PARAM = re.compile(r"(?:, parameter RTLOPT_(\w+)_EXT = 0| #\(parameter RTLOPT_(\w+)_EXT = 0\))")
_HOOK_PORTS = re.compile(r",\n  input  wire (?:\[[^\]\n]*\] )?rtlopt_(\w+)_i,\n  output wire (?:\[[^\]\n]*\] )?rtlopt_\1_o")
_HOOK_WIRE = re.compile(r"\n[ \t]*wire (?:\[[^\]\n]*\] )?rtlopt_(\w+)_v = RTLOPT_(\w+)_EXT \? rtlopt_\1_i : ([A-Za-z_]\w*);  "
                        r"// rtlopt: one register shared by equal instances\n[ \t]*assign rtlopt_\1_o = rtlopt_\1_v;")


def hook_only(mod_o: str, mod_n: str) -> bool:
    """Whether the new module is the old one plus this module's sharing hook (parameter, ports, the
    ``rtlopt_<reg>_v`` wire read instead of the register): at the parameter's default 0 it is the old
    module at every value of the other parameters (the pinning of rtlopt.engine.parampin is not needed)."""
    regs = {}
    for m in _HOOK_WIRE.finditer(mod_n):
        if m.group(2) != m.group(1).upper() or m.group(3) != m.group(1):
            return False
        regs[m.group(1)] = m.group(3)
    if not regs:
        return False
    s = _HOOK_WIRE.sub("", mod_n)
    s = _HOOK_PORTS.sub(lambda m: "" if m.group(1) in regs else m.group(0), s)
    s = _HOOK_PARAM.sub(lambda m: "" if (m.group(1) or m.group(2)).lower() in regs else m.group(0), s)
    for r in regs:
        s = re.sub(rf"(?<![\w$])rtlopt_{re.escape(r)}_v(?![\w$])", r, s)
    return s.replace("\r", "") == mod_o.replace("\r", "")
