"""Forward retiming: combinational logic whose result a register captures moves after the register.

``r <= f(x1, ..., xk)`` (``f`` an expression in the clocked block, the right side of the one
``assign w = f(...)`` driving the net ``w`` the register captures, or a combinational child instance
whose output port drives ``w``): the register holds the inputs instead and ``r`` becomes the net
``f(regs)``. An input ``x`` needs no new flip-flops when a register ``q <= x`` already sits beside
``r`` (same clocked block, written at exactly the same places: same clock, reset and enable, a
constant where ``r`` gets its reset constant); the other inputs get fresh registers written where
``r`` was (their total width at most ``r``'s). Afterwards the composition of ``f`` with what reads
``r`` is one combinational cone, where synthesis can simplify it (a conditional transpose undone by a
second one under the registered mode collapses to a wire): only the measurement says whether it pays.

A child instance connected by ``.*`` (or ``.x``) is spelled out where it moves or is copied: its
inputs read the registers, its output is ``r``, in a copy its other outputs are left open.

Refused: ``f`` reading ``r`` itself or a value assigned with blocking assignments in the clocked
block, names of other scopes, a child instance with clocked logic or with an inout or ref port, an
instance inside a generate scope (its text cannot move out of the scope), ``r`` written anywhere else
or in part, a declaration initializer, widths that differ between ``w`` and ``r``. The instance and
generate-scope refusals are told (``candidates_for(..., refusals=[])``). The reset value of
``r`` must be ``f`` of the registers' reset values: checked on the gate-level model (one reset cycle,
three-valued) before the candidate is offered. The search loop measures and proves every candidate.
"""

from __future__ import annotations

import contextlib
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits

RULE = "register_retiming"

_VALUE = ("NamedValueExpression",)
_CONSTS = ("ParameterSymbol", "EnumValueSymbol")  # names that are constants, not inputs
_MAX_PLANS = 8  # rewrites built and reset-checked per call (two gate-model loads each with a reset)
_MAX_CANDS = 4


@dataclass
class _Write:
    sym: object
    path: tuple
    rhs: object  # bound expression
    stmt: object  # statement syntax
    const: bool
    blocking: bool
    whole: bool
    in_loop: bool


@dataclass
class _Plan:
    file: int
    r: object
    kind: str  # "expr" | "assign" | "inst" | "comb"
    data: _Write
    reset: _Write | None
    inputs: list = field(default_factory=list)  # [(symbol, existing register symbol or None)]
    fnode: object = None  # assign syntax / instance symbol
    net: object = None  # the net w the register captured (assign / inst)
    move: bool = False
    inputs_spans: list = field(default_factory=list)  # [(symbol, span, format)] of f's input names
    path: str = ""
    block: object = None  # the clocked block's syntax
    wspans: list = field(default_factory=list)  # the net's names inside a combinational block
    tmp: _Write | None = None  # a blocking temporary of the clocked block holding f
    fixed_ok: bool = False  # the module has no parameters: elaborated dimensions may be written


def _span(node) -> tuple[int, int]:
    r = node.sourceRange if hasattr(node, "sourceRange") else node.range
    return r.start.offset, r.end.offset


def _buf(node) -> int:
    return node.sourceRange.start.buffer.id


def _unwrap(e):
    while type(e).__name__ == "ConversionExpression":
        e = e.operand
    return e


def _const(e) -> bool:
    """Whether an expression reads no variable, net or system call (parameters and literals only)."""
    bad = []

    def visit(n):
        k = type(n).__name__
        value = k in ("NamedValueExpression", "HierarchicalValueExpression") and \
            type(n.symbol).__name__ not in _CONSTS
        if value or k == "CallExpression" and bool(getattr(n, "isSystemCall", False)):
            bad.append(n)
        return True

    e.visit(visit)
    return not bad


def _esyn(e):
    """The syntax of a bound expression (implicit conversions have none: their operand's)."""
    while e is not None and e.syntax is None and type(e).__name__ == "ConversionExpression":
        e = e.operand
    return None if e is None else e.syntax


def _is_edge_block(pb) -> bool:
    body = pb.body
    if type(body).__name__ != "TimedStatement" or body.stmt is None:
        return False
    syn = body.timing.syntax if body.timing is not None else None
    return syn is not None and re.search(r"\b(posedge|negedge)\b", str(syn)) is not None


def _walk(stmt, path: tuple, out: list, in_loop: bool = False) -> bool:
    """Collect assignments of a statement tree with their condition paths; False: a statement kind
    whose writes are not tracked."""
    k = type(stmt).__name__
    if k == "BlockStatement":
        return _walk(stmt.body, path, out, in_loop)
    if k == "StatementList":
        return all(_walk(s, path, out, in_loop) for s in stmt.list)
    if k == "TimedStatement":
        return _walk(stmt.stmt, path, out, in_loop)
    if k in ("EmptyStatement", "VariableDeclStatement"):
        return True  # a declaration of the block (a loop variable): not a write of the module's
    sid = _span(stmt.syntax)[0] if stmt.syntax is not None else id(stmt)
    if k == "ConditionalStatement":
        ok = _walk(stmt.ifTrue, path + ((sid, 0),), out, in_loop)
        if stmt.ifFalse is not None:
            ok = _walk(stmt.ifFalse, path + ((sid, 1),), out, in_loop) and ok
        return ok
    if k == "CaseStatement":
        ok = True
        for i, item in enumerate(stmt.items):
            ok = _walk(item.stmt, path + ((sid, i),), out, in_loop) and ok
        if stmt.defaultCase is not None:
            ok = _walk(stmt.defaultCase, path + ((sid, -1),), out, in_loop) and ok
        return ok
    if k in ("ForLoopStatement", "WhileLoopStatement", "RepeatLoopStatement", "ForeverLoopStatement",
             "DoWhileLoopStatement", "ForeachLoopStatement"):
        body = getattr(stmt, "body", None)
        return body is not None and _walk(body, path + ((sid, "loop"),), out, True)
    if k == "ExpressionStatement":
        e = stmt.expr
        if type(e).__name__ != "AssignmentExpression":
            return True
        lhs = e.left
        whole = type(lhs).__name__ in _VALUE
        root = lhs
        while type(root).__name__ in ("ElementSelectExpression", "RangeSelectExpression", "MemberAccessExpression"):
            root = root.value
        if type(root).__name__ not in _VALUE:
            return False  # a concatenation or other target: not tracked
        out.append(_Write(root.symbol, path, e.right, stmt.syntax, _const(e.right),
                          not e.isNonBlocking, whole, in_loop))
        return True
    return False


def _refs(node, lo: int, hi: int, buf: int) -> list:
    """(symbol, span, is_write) of the plain names inside ``node`` whose syntax lies in [lo, hi)."""
    out = []
    lhs: list[tuple[int, int]] = []

    def visit(n):
        k = type(n).__name__
        if k == "AssignmentExpression" and n.left.syntax is not None:
            lhs.append(_span(n.left.syntax))
        elif k in ("ElementSelectExpression", "RangeSelectExpression") and type(n.value).__name__ in _VALUE \
                and n.value.syntax is None and n.syntax is not None \
                and type(n.syntax).__name__ == "IdentifierSelectNameSyntax" and _buf(n.syntax) == buf:
            s = _span(n.syntax.identifier)  # 'x[3:0]' parsed as one name: the base has no syntax of its own
            if lo <= s[0] and s[1] <= hi:
                out.append((n.value.symbol, s))
        elif k in (*_VALUE, "HierarchicalValueExpression") and n.syntax is not None and _buf(n.syntax) == buf:
            s = _span(n.syntax)
            if lo <= s[0] and s[1] <= hi:
                out.append((n.symbol, s))
        return True

    node.visit(visit)
    return [(sym, s, any(a <= s[0] and s[1] <= b for a, b in lhs)) for sym, s in out]


def _sequential(body) -> bool:
    """Whether an instance body (or anything below it) holds clocked or latched logic."""
    found = []

    def visit(n):
        k = type(n).__name__
        if k == "ProceduralBlockSymbol":
            kind = str(n.procedureKind)
            if kind.endswith(("AlwaysFF", "AlwaysLatch")) or _is_edge_block(n):
                found.append(n)
            elif kind.endswith("Always") and type(n.body).__name__ == "TimedStatement" \
                    and "*" not in str(n.body.timing.syntax or ""):
                found.append(n)  # an always @(a or b): maybe a latch; not followed
        return True

    body.visit(visit)
    return bool(found)


def _decl_parts(sym, text: str, fixed_ok: bool = False) -> tuple[str, bool] | None:
    """(packed dimensions text, signed) of a declaration, read from its syntax; ``fixed_ok`` (a
    module without parameters): a port sharing the previous port's header ('input [9:0] a, b')
    takes its elaborated dimensions."""
    syn = sym.syntax
    if syn is None or type(syn).__name__ != "DeclaratorSyntax":
        return None
    if len(syn.dimensions) or syn.initializer is not None:
        return None
    par = syn.parent
    while par is not None and type(par).__name__ == "SyntaxList" or type(par).__name__.startswith("SeparatedSyntaxList"):
        par = par.parent
    if par is None:
        return None
    a = _span(par)[0]
    head = text[a:_span(syn)[0]]
    # ports in an ANSI list without their own header inherit the previous one: read the type instead
    dims = re.findall(r"\[[^\[\]]*\]", re.sub(r"(?<![\w$])[A-Za-z_][\w$]*\s*,", ",", head))
    tw = int(sym.type.bitWidth or 0)
    if not dims and tw != 1:
        m = re.fullmatch(r"(?:logic|reg|bit)(?:\s+signed)?\s*((?:\[\d+:\d+\])+)", str(sym.type))
        if not fixed_ok or m is None or head.strip():
            return None
        dims = [m.group(1)]
    if re.search(r"\b(int|integer|byte|shortint|longint|real|time|struct|union|enum)\b", head):
        return None
    return "".join(dims), bool(sym.type.isSigned)


def _tkey(t) -> str:
    """An elaborated type as text, 'reg' spelled 'logic' (same ranges, direction, sign, enum)."""
    return re.sub(r"^reg\b", "logic", str(t))


def _uniq(text: str, base: str) -> str:
    name = base
    while re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", text):
        name += "_q"
    return name


def _sv(path: Path, text: str) -> bool:
    return str(path).endswith(".sv") or re.search(r"\b(logic|always_ff|always_comb)\b", text) is not None


def _stmt_edit(text: str, stmt, repl: list[str]) -> Edit:
    """Replace one statement by ``repl`` statements (none: the line goes when the statement is
    alone on it inside a begin-end block, else a null statement)."""
    a, b = _span(stmt)
    ls = text.rfind("\n", 0, a) + 1
    ind = re.match(r"[ \t]*", text[ls:a]).group(0)
    par = stmt.parent
    in_list = par is not None and (type(par).__name__ == "BlockStatementSyntax" or type(par).__name__ == "SyntaxList"
                                   and par.parent is not None and type(par.parent).__name__ == "BlockStatementSyntax")
    if not repl:
        le = text.find("\n", b)
        if in_list and le >= 0 and not text[ls:a].strip() and not text[b:le].strip():
            return Edit(ls, le + 1, "")
        return Edit(a, b, ";")
    if len(repl) == 1:
        return Edit(a, b, repl[0])
    if in_list:
        return Edit(a, b, ("\n" + ind).join(repl))
    return Edit(a, b, "begin " + " ".join(repl) + " end")


def _impure_calls(node, local) -> bool:
    """Whether a user function called inside ``node`` (or from such a function) reads or writes a
    name of the module itself or another scope (its arguments and locals are fine): such a read is an
    input of f that the call's arguments do not show."""
    seen: set[str] = set()
    todo: list = []
    found: list = []

    def collect(n):
        if type(n).__name__ == "CallExpression" and not n.isSystemCall:
            sub = n.subroutine
            key = getattr(sub, "hierarchicalPath", None) or str(id(sub))
            if key not in seen:
                seen.add(key)
                todo.append(sub)
        return True

    def check(n):
        k = type(n).__name__
        if k == "HierarchicalValueExpression" or k == "NamedValueExpression" and local(n.symbol):
            found.append(n)
        return collect(n)

    node.visit(collect)
    while todo and not found:
        todo.pop().visit(check)
    return bool(found)


def _implicit_conn(inst, port: str) -> tuple[int, int] | None:
    """The span of an instance's implicit named connection ``.port`` (no parentheses), if it has one."""
    syn = inst.syntax
    for c in getattr(syn, "connections", None) or []:
        if type(c).__name__ == "NamedPortConnectionSyntax" and c.name.valueText == port \
                and (c.openParen is None or c.openParen.isMissing or not c.openParen.rawText):
            return _span(c)
    return None


def _wildcard_conn(inst, port: str) -> tuple[int, int] | None:
    """The span of an instance's ``.*`` when it is what connects ``port`` (no named connection of it)."""
    conns = list(getattr(inst.syntax, "connections", None) or [])
    star = next((c for c in conns if type(c).__name__ == "WildcardPortConnectionSyntax"), None)
    if star is None or any(type(c).__name__ == "NamedPortConnectionSyntax" and c.name.valueText == port
                           for c in conns):
        return None
    return _span(star)


def _generate_drivers(body, local) -> dict[str, str]:
    """Net name -> path of an instance inside a generate scope of ``body`` whose output drives it."""
    out: dict[str, str] = {}

    def visit(n):
        k = type(n).__name__
        if k == "InstanceSymbol":
            for pc in n.portConnections:
                e = pc.expression
                if e is not None and type(e).__name__ == "AssignmentExpression":
                    u = _unwrap(e.left)
                    if type(u).__name__ in _VALUE and local(u.symbol):
                        out.setdefault(u.symbol.name, n.hierarchicalPath)
            return False
        return True

    for m in body:
        if type(m).__name__ in ("GenerateBlockSymbol", "GenerateBlockArraySymbol"):
            m.visit(visit)
    return out


def _temp(e, d: _Write, per: dict, byname: dict, rn: str, r, local) -> _Write | None:
    """The one blocking write ``t = f(x);`` of a temporary ``t`` the register's data write reads
    (``r <= t;``): same condition path, before it, t written and read nowhere else, t's type r's."""
    if type(e).__name__ not in _VALUE or not local(e.symbol) or e.symbol.name == rn or e.symbol.name not in per:
        return None
    t = e.symbol
    tw = per[t.name]
    if len(tw) != 1 or not tw[0].blocking or not tw[0].whole or tw[0].in_loop or tw[0].path != d.path \
            or _span(tw[0].stmt)[0] >= _span(d.stmt)[0]:
        return None
    refs = byname.get(t.name, [])
    if sum(1 for _s, w in refs if w) != 1 or sum(1 for _s, w in refs if not w) != 1:
        return None
    if int(t.type.bitWidth) != int(r.type.bitWidth) or bool(t.type.isSigned) != bool(r.type.isSigned) \
            or t.syntax is None or t.syntax.initializer is not None:
        return None
    return tw[0]


def _analyze(body, texts: list[str], buf_file: dict[int, int], why: list | None = None) -> list[_Plan]:
    """The plans of one module body; ``why`` gets ``(register path, reason)`` of the refusals worth
    telling (a register whose logic forward retiming leaves alone for a reason of its own)."""
    why = [] if why is None else why
    msyn = body.definition.syntax if body.definition is not None else None
    if msyn is None:
        return []
    fi = buf_file.get(_buf(msyn))
    if fi is None:
        return []
    text = texts[fi]
    mlo, mhi = _span(msyn)
    buf = _buf(msyn)
    path0 = body.hierarchicalPath if hasattr(body, "hierarchicalPath") else ""
    members = list(body)
    refs = _refs(body, mlo, mhi, buf)
    # implicit named connections ('.x'): their expressions have no syntax of their own
    implicit: dict[str, int] = {}  # name -> such connections (the textual count below skips '.x')
    for m in members:
        if type(m).__name__ != "InstanceSymbol" or m.syntax is None:
            continue
        for pc in m.portConnections:
            ex = pc.expression
            star = _wildcard_conn(m, pc.port.name)
            if ex is None or _implicit_conn(m, pc.port.name) is None and star is None:
                continue
            isw = type(ex).__name__ == "AssignmentExpression"
            u = _unwrap(ex.left if isw else ex)
            if type(u).__name__ in _VALUE and u.syntax is None:
                if star is None:
                    c = next(c for c in m.syntax.connections if type(c).__name__ == "NamedPortConnectionSyntax"
                             and c.name.valueText == pc.port.name)
                    refs.append((u.symbol, _span(c.name), isw))
                else:  # '.*': the name is nowhere in the text
                    refs.append((u.symbol, star, isw))
                implicit[u.symbol.name] = implicit.get(u.symbol.name, 0) + 1
    mine = {}  # symbol name -> symbol of this scope (by declaration span)
    for m in members:
        if type(m).__name__ in ("VariableSymbol", "NetSymbol") and m.syntax is not None:
            mine[m.name] = m

    def local(sym) -> bool:
        return sym is not None and type(sym).__name__ in ("VariableSymbol", "NetSymbol") \
            and mine.get(sym.name) is not None and _span(mine[sym.name].syntax) == _span(sym.syntax)

    byname: dict[str, list] = {}
    for sym, s, w in refs:
        if local(sym):
            byname.setdefault(sym.name, []).append((s, w))
    # drivers of nets: continuous assigns (module items), instance output connections
    assigns: dict[str, object] = {}
    inst_out: dict[str, list] = {}
    for m in members:
        k = type(m).__name__
        if k == "ContinuousAssignSymbol":
            e = m.assignment
            if type(e).__name__ == "AssignmentExpression" and type(e.left).__name__ in _VALUE and local(e.left.symbol):
                assigns.setdefault(e.left.symbol.name, []).append(m)
        elif k == "InstanceSymbol":
            for pc in m.portConnections:
                e = pc.expression
                if e is not None and type(e).__name__ == "AssignmentExpression":
                    t = _unwrap(e.left)
                    if type(t).__name__ in _VALUE and local(t.symbol):
                        inst_out.setdefault(t.symbol.name, []).append((m, pc))
    # combinational blocks (always_comb, always @*) writing one variable of the module
    comb: dict[str, tuple] = {}
    for pb in members:
        if type(pb).__name__ != "ProceduralBlockSymbol" or pb.body is None or pb.body.syntax is None:
            continue
        kind = str(pb.procedureKind)
        star = type(pb.body).__name__ == "TimedStatement" and pb.body.timing is not None \
            and re.fullmatch(r"@\s*(\*|\(\s*\*\s*\))", str(pb.body.timing.syntax or "").strip()) is not None
        if not (kind.endswith("AlwaysComb") or kind.endswith("Always") and star):
            continue
        cw: list[_Write] = []
        if not _walk(pb.body, (), cw):
            continue
        outs = {w.sym.name for w in cw if local(w.sym)}
        if len(outs) == 1 and all(w.blocking for w in cw):
            (wn,) = outs
            comb.setdefault(wn, []).append((pb, [w for w in cw if local(w.sym)]))
    fixed_ok = not any(type(m).__name__ == "ParameterSymbol" for m in members)
    gen_out = _generate_drivers(members, local)
    plans: list[_Plan] = []
    for pb in members:
        if type(pb).__name__ != "ProceduralBlockSymbol" or not _is_edge_block(pb):
            continue
        writes: list[_Write] = []
        if not _walk(pb.body, (), writes):
            continue
        bsyn = pb.body.syntax
        if bsyn is None:
            continue
        blo, bhi = _span(bsyn)
        per: dict[str, list[_Write]] = {}
        for w in writes:
            if local(w.sym):
                per.setdefault(w.sym.name, []).append(w)
        blocking = {n for n, ws in per.items() if any(w.blocking for w in ws)}

        def clean(n: str, per=per, blo=blo, bhi=bhi) -> bool:
            ws = per[n]
            if any(w.blocking or not w.whole or w.in_loop for w in ws):
                return False
            # every write of the module is one of these (none elsewhere)
            nw = sum(1 for s, isw in byname.get(n, []) if isw)
            return nw == len(ws) and all(blo <= _span(w.stmt)[0] < bhi for w in ws)

        for rn, ws in per.items():
            r = mine[rn]
            if not clean(rn) or type(r).__name__ != "VariableSymbol":
                continue
            data = [w for w in ws if not w.const]
            rst = [w for w in ws if w.const]
            if len(data) != 1 or len(rst) > 1:
                continue
            d = data[0]
            e = _unwrap(d.rhs)
            kind, fnode, net = "expr", d.rhs, None
            tmp = _temp(e, d, per, byname, rn, r, local)
            if tmp is not None:  # 't = f(x); r <= t;' in the clocked block: f is t's right side
                fnode = tmp.rhs
            elif type(e).__name__ in _VALUE and local(e.symbol) and e.symbol.name in gen_out:
                why.append((f"{path0}.{rn}", f"{e.symbol.name} is driven by instance {gen_out[e.symbol.name]} "
                                             f"inside a generate scope"))
                continue
            elif type(e).__name__ in _VALUE and local(e.symbol) and e.symbol.name not in per \
                    and e.symbol.name in comb:
                net = e.symbol
                drv_c = comb[net.name]
                if int(net.type.bitWidth) != int(r.type.bitWidth) or bool(net.type.isSigned) != bool(r.type.isSigned) \
                        or len(drv_c) != 1 or net.name in assigns or net.name in inst_out \
                        or net.syntax.initializer is not None \
                        or sum(1 for _s, isw in byname.get(net.name, []) if isw) != len(drv_c[0][1]):
                    continue
                kind, fnode = "comb", drv_c[0][0]
            elif type(e).__name__ in _VALUE and local(e.symbol) and e.symbol.name not in per \
                    and (type(e.symbol).__name__ == "NetSymbol" or e.symbol.name in assigns or e.symbol.name in inst_out):
                net = e.symbol
                if int(net.type.bitWidth) != int(r.type.bitWidth) or bool(net.type.isSigned) != bool(r.type.isSigned):
                    continue
                drv_a = assigns.get(net.name, [])
                drv_i = inst_out.get(net.name, [])
                if len(drv_a) + len(drv_i) != 1 or net.syntax.initializer is not None \
                        or sum(1 for _s, isw in byname.get(net.name, []) if isw) != 1:
                    continue
                if drv_a:
                    kind, fnode = "assign", drv_a[0]
                else:
                    kind, fnode = "inst", drv_i[0][0]
            elif type(e).__name__ in _VALUE or _const(d.rhs):
                continue  # a plain copy: nothing to move
            if kind == "expr" and (type(_unwrap(fnode)).__name__ in _VALUE or _const(fnode)):
                continue
            # the inputs of f
            ins: list = []
            bad = False
            if kind == "inst":
                inst = fnode
                if _sequential(inst.body):
                    continue
                for pc in inst.portConnections:
                    dirn = str(pc.port.direction) if hasattr(pc.port, "direction") else ""
                    ex = pc.expression
                    if dirn.endswith(".In"):
                        if ex is None or _const(ex):
                            continue
                        u = _unwrap(ex)
                        imp = _implicit_conn(inst, pc.port.name)
                        if imp is not None and type(u).__name__ in _VALUE and local(u.symbol):
                            ins.append((u.symbol, imp, f".{pc.port.name}({{}})"))  # '.x' -> '.x(reg)'
                            continue
                        star = _wildcard_conn(inst, pc.port.name)
                        if star is not None and type(u).__name__ in _VALUE and local(u.symbol):
                            ins.append((u.symbol, star, None))  # spelled out where '.*' stands
                            continue
                        # the names the connection reads (a name, a select, a concatenation ...)
                        got = [(sym, sp, "{}") for sym, sp, _w in _refs(ex, mlo, mhi, buf)
                               if type(sym).__name__ not in _CONSTS]
                        if not got or not all(local(sym) for sym, _sp, _f in got):
                            bad = True
                            break
                        ins += got
                    elif dirn.endswith(".Out"):
                        continue
                    else:  # an inout (not an output: 'InOut' ends with 'Out') or ref port
                        bad = True
                        how = " through .*" if _wildcard_conn(inst, pc.port.name) is not None else ""
                        why.append((f"{path0}.{rn}", f"instance {inst.name} has {dirn.rsplit('.', 1)[-1]} port "
                                                     f"{pc.port.name}{how}"))
                        break
            elif kind == "comb":
                clo, chi = _span(fnode.syntax)
                for sym, s, _w in _refs(fnode, mlo, mhi, buf):
                    k = type(sym).__name__
                    if k in _CONSTS or sym.name == net.name and local(sym):
                        continue
                    if not local(sym):
                        # a name of the block itself (a loop variable, a local declaration) stays
                        if sym.syntax is not None and clo <= _span(sym.syntax)[0] < chi:
                            continue
                        bad = True
                        break
                    ins.append((sym, s, "{}"))
                plan_wspans = [s for sym, s, _w in _refs(fnode, mlo, mhi, buf) if sym.name == net.name and local(sym)]
            else:
                ex = fnode.assignment.right if kind == "assign" else fnode
                for sym, s, _w in _refs(ex, mlo, mhi, buf):
                    k = type(sym).__name__
                    if k in _CONSTS:
                        continue
                    if not local(sym):
                        bad = True
                        break
                    ins.append((sym, s, "{}"))
            if bad or not ins or kind != "inst" and _impure_calls(fnode if kind != "assign" else fnode.assignment, local):
                continue
            names = {s.name for s, _sp, _f in ins}
            if rn in names or names & blocking:
                continue
            # registered copies of the inputs beside r
            plan = _Plan(fi, r, kind, d, rst[0] if rst else None, fnode=fnode, net=net, tmp=tmp, fixed_ok=fixed_ok)
            if kind == "comb":
                plan.wspans = plan_wspans
            cost = 0
            paths = sorted(w.path for w in ws)
            for n in sorted(names):
                sym = next(s for s, _sp, _f in ins if s.name == n)
                have = None
                for qn, qws in per.items():
                    if qn in (rn, n) or not clean(qn) or sorted(w.path for w in qws) != paths:
                        continue
                    qd = [w for w in qws if not w.const]
                    if len(qd) != 1 or qd[0].path != d.path:
                        continue
                    qe = qd[0].rhs
                    q = mine[qn]
                    if type(qe).__name__ in _VALUE and qe.symbol.name == n and local(qe.symbol) \
                            and int(q.type.bitWidth) == int(sym.type.bitWidth) \
                            and bool(q.type.isSigned) == bool(sym.type.isSigned) \
                            and _tkey(q.type) == _tkey(sym.type):
                        have = q
                        break
                if have is None:
                    cost += int(sym.type.bitWidth or 0)
                plan.inputs.append((sym, have))
            if cost > int(r.type.bitWidth):
                continue
            plan.inputs_spans = ins
            # textual safety: every mention of r in the module is its declaration, a write or a read seen
            nr = len(re.findall(rf"(?<![\w$.]){re.escape(rn)}(?![\w$])", text[mlo:mhi])) + implicit.get(rn, 0)
            if nr != len(byname.get(rn, [])) + 1:
                continue
            if tmp is not None:
                tn = tmp.sym.name
                if len(re.findall(rf"(?<![\w$.]){re.escape(tn)}(?![\w$])", text[mlo:mhi])) != 3:
                    continue
            if net is not None:
                nn = len(re.findall(rf"(?<![\w$.]){re.escape(net.name)}(?![\w$])", text[mlo:mhi])) \
                    + implicit.get(net.name, 0)
                if nn != len(byname.get(net.name, [])) + 1:
                    continue
                reads = [s for s, isw in byname.get(net.name, []) if not isw]
                if kind == "comb":  # reads of the variable inside its own block are not readers
                    clo, chi = _span(fnode.syntax)
                    reads = [s for s in reads if not clo <= s[0] < chi]
                plan.move = len(reads) == 1
            plan.path = f"{path0}.{rn}"
            plan.block = pb.syntax if pb.syntax is not None else bsyn
            plans.append(plan)
    return plans


def _rewrite(plan: _Plan, text: str, path: Path, msyn, reset_choice: int = 0) -> str | None:
    """The edited text; ``reset_choice``: the new registers' reset constant (0: the register's own
    when of its width, else 0; 1: 0; 2: all ones)."""
    r = plan.r
    rn = r.name
    sv = _sv(path, text)
    eds: list[Edit] = []
    regs: dict[str, str] = {}  # input name -> register name
    decls = []
    new = []
    for sym, have in plan.inputs:
        if have is not None:
            regs[sym.name] = have.name
            continue
        parts = _decl_parts(sym, text, plan.fixed_ok)
        if parts is None:
            return None
        nm = _uniq(text + "".join(decls), f"{rn}_{sym.name}")
        regs[sym.name] = nm
        dims, sg = parts
        decls.append(f"{'logic' if sv else 'reg'}{' signed' if sg else ''}{' ' + dims if dims else ''} {nm};")
        new.append((nm, sym))
    # r becomes a net (a combinational block keeps driving a variable)
    par = None
    if plan.kind != "comb":
        rparts = _decl_parts(r, text)
        if rparts is None:
            return None
        rsyn = r.syntax
        par = rsyn.parent
        while par is not None and type(par).__name__ in ("SyntaxList", "SeparatedSyntaxList"):
            par = par.parent
        if par is None:
            return None
        pa, pb = _span(par)
        ptxt = text[pa:pb]
        pk = type(par).__name__
        if pk == "DataDeclarationSyntax":
            if len(par.declarators) == 1:
                m = re.match(r"\s*(?:var\s+)?(reg|logic|bit)\b", ptxt)
                if m is None:
                    return None
                if m.group(1) == "reg":
                    eds.append(Edit(pa + m.start(1), pa + m.end(1), "wire"))
            else:
                if not re.match(r"\s*(?:var\s+)?(reg|logic|bit)\b", ptxt):
                    return None
                # drop r from the list, declare it alone
                a, b = _span(rsyn)
                after = text[b:pb]
                mc = re.match(r"\s*,", after)
                if mc:
                    eds.append(Edit(a, b + mc.end(), ""))
                else:
                    before = text[pa:a]
                    mc2 = re.search(r",\s*$", before)
                    if mc2 is None:
                        return None
                    eds.append(Edit(pa + mc2.start(), b, ""))
                dims, sg = rparts
                ls = text.rfind("\n", 0, pa) + 1
                ind = re.match(r"[ \t]*", text[ls:pa]).group(0)
                eds.append(Edit(pb, pb, f"\n{ind}{'logic' if sv else 'wire'}{' signed' if sg else ''}"
                                        f"{' ' + dims if dims else ''} {rn};"))
        elif pk in ("ImplicitAnsiPortSyntax", "PortDeclarationSyntax"):
            a = _span(rsyn)[0]
            head = text[pa:a]
            m = re.search(r"\boutput\s+(reg)\b", head)
            if m is None:
                if re.search(r"\boutput\b", head) and (re.search(r"\blogic\b", head) or sv and not re.search(r"\breg\b", head)):
                    pass
                else:
                    return None
            else:
                if pk == "ImplicitAnsiPortSyntax" and "," in head:
                    return None
                eds.append(Edit(pa + m.start(1), pa + m.end(1), "wire"))
        else:
            return None
    # the writes of r
    eds.append(_stmt_edit(text, plan.data.stmt, [f"{nm} <= {sym.name};" for nm, sym in new]))
    if plan.reset is not None:
        rs = _esyn(plan.reset.rhs)
        rtxt = text[slice(*_span(rs))] if rs is not None else None
        if rtxt is None:
            return None
        vals = []
        for nm, sym in new:
            same = int(sym.type.bitWidth) == int(r.type.bitWidth)
            v = (rtxt if same else "0", "0", "~0")[reset_choice]
            vals.append(f"{nm} <= {v};")
        eds.append(_stmt_edit(text, plan.reset.stmt, vals))
    # f after the register
    endm = _span(msyn.endmodule)[0] if hasattr(msyn, "endmodule") else None
    if endm is None:
        return None
    ls = text.rfind("\n", 0, endm) + 1
    tail_at = ls if not text[ls:endm].strip() else endm

    def subst(lo: int, hi: int, extra: dict[tuple[int, int], str] | None = None) -> str:
        sub = []
        for sym, s, fmt in plan.inputs_spans:
            if fmt is not None and lo <= s[0] and s[1] <= hi:
                sub.append(Edit(s[0] - lo, s[1] - lo, fmt.format(regs[sym.name])))
        for s, rep in (extra or {}).items():
            sub.append(Edit(s[0] - lo, s[1] - lo, rep))
        return apply_edits(text[lo:hi], sub)

    blk_at = _span(plan.block)[0]

    def drop(lo: int, hi: int) -> Edit:
        ls = text.rfind("\n", 0, lo) + 1
        le = text.find("\n", hi)
        if le >= 0 and not text[ls:lo].strip() and not text[hi:le].strip():
            return Edit(ls, le + 1, "")
        return Edit(lo, hi, "")

    if plan.kind == "expr":
        ds = _esyn(plan.fnode)
        if ds is None:
            return None
        a, b = _span(ds)
        new_f = f"  assign {rn} = {subst(a, b)};\n"
        eds.append(Edit(tail_at, tail_at, new_f))
        if plan.tmp is not None:  # the temporary's statement goes (nothing else reads it)
            eds.append(_stmt_edit(text, plan.tmp.stmt, []))
    elif plan.kind == "assign":
        asyn = plan.fnode.syntax  # the assignment expression
        rs, lsn = _esyn(plan.fnode.assignment.right), _esyn(plan.fnode.assignment.left)
        if rs is None or lsn is None:
            return None
        a, b = _span(rs)
        la, lb = _span(lsn)
        item = asyn.parent
        while item is not None and type(item).__name__ != "ContinuousAssignSyntax":
            item = item.parent
        if item is None:
            return None
        if plan.move and len(item.assignments) == 1 and _span(item)[0] > blk_at:
            eds.append(Edit(la, lb, rn))
            for sym, s, fmt in plan.inputs_spans:
                eds.append(Edit(s[0], s[1], fmt.format(regs[sym.name])))
        else:
            if plan.move and len(item.assignments) == 1:
                eds.append(drop(*_span(item)))
            eds.append(Edit(tail_at, tail_at, f"  assign {rn} = {subst(a, b)};\n"))
    elif plan.kind == "comb":
        a, b = _span(plan.fnode.syntax)
        extra = {sp: rn for sp in plan.wspans}
        body = subst(a, b, extra)
        if plan.move and a > blk_at:
            eds.append(Edit(a, b, body))
        else:
            if plan.move:
                eds.append(drop(a, b))
            eds.append(Edit(tail_at, tail_at, "  " + body.strip() + "\n"))
    else:
        inst = plan.fnode
        isyn = inst.syntax  # HierarchicalInstanceSyntax
        hsyn = isyn.parent
        while hsyn is not None and type(hsyn).__name__ != "HierarchyInstantiationSyntax":
            hsyn = hsyn.parent
        if hsyn is None:
            return None
        outs = {}
        others = []
        star, wild, wild_copy = None, [], []  # '.*' and the connections it makes (in a copy: other outputs open)
        for pc in inst.portConnections:
            ex = pc.expression
            at = _wildcard_conn(inst, pc.port.name)
            if at is not None and ex is not None:
                star = at
                isw = type(ex).__name__ == "AssignmentExpression"
                t = _unwrap(ex.left if isw else ex)
                if type(t).__name__ not in _VALUE:
                    return None
                if not isw:
                    wild.append(f".{pc.port.name}({regs.get(t.symbol.name, t.symbol.name)})")
                    wild_copy.append(wild[-1])
                elif t.symbol.name == plan.net.name:
                    outs[at] = rn
                    wild.append(f".{pc.port.name}({rn})")
                    wild_copy.append(wild[-1])
                else:
                    others.append(None)  # another output: the instance stays, a copy drives r
                    wild.append(f".{pc.port.name}({t.symbol.name})")
                    wild_copy.append(f".{pc.port.name}()")
                continue
            if ex is not None and type(ex).__name__ == "AssignmentExpression":
                t = _unwrap(ex.left)
                imp = _implicit_conn(inst, pc.port.name)
                if type(t).__name__ in _VALUE and t.symbol.name == plan.net.name and t.syntax is not None:
                    outs[_span(t.syntax)] = rn
                elif type(t).__name__ in _VALUE and t.symbol.name == plan.net.name and imp is not None:
                    outs[imp] = f".{pc.port.name}({rn})"
                elif ex.left.syntax is not None:
                    others.append((_span(ex.left.syntax), ""))
                elif imp is not None:
                    others.append((imp, f".{pc.port.name}()"))
                else:
                    return None
        if len(outs) != 1:
            return None
        move = plan.move and not others
        others = [o for o in others if o is not None]
        if star is not None:  # '.*' spelled out: its inputs read the registers, its output is r
            outs[star] = ", ".join(wild if move else wild_copy)
        if move and _span(hsyn)[0] > blk_at:
            for s, rep in outs.items():
                eds.append(Edit(s[0], s[1], rep))
            for sym, s, fmt in plan.inputs_spans:
                if fmt is not None:
                    eds.append(Edit(s[0], s[1], fmt.format(regs[sym.name])))
        else:
            if len(hsyn.instances) != 1:
                return None
            a, b = _span(hsyn)
            nm_s = _span(isyn.decl.name) if isyn.decl is not None else None
            if nm_s is None:
                return None
            if move:  # the instance moves below the registers it now reads
                eds.append(drop(a, b))
                extra = dict(outs)
            else:  # a copy beside it (its other outputs left open)
                extra = {nm_s: _uniq(text, f"{inst.name}_rt"), **outs}
            for s, rep in others:
                extra[s] = rep
            body = subst(a, b, extra)
            eds.append(Edit(tail_at, tail_at, "  " + body.strip() + "\n"))
    # new declarations: just before the clocked block (everything it reads is declared by then)
    at = blk_at
    ls = text.rfind("\n", 0, at) + 1
    if text[ls:at].strip():
        return None
    ind = text[ls:at]
    eds.append(Edit(ls, ls, "".join(f"{ind}{dcl}\n" for dcl in decls)))
    try:
        return apply_edits(text, eds)
    except ValueError:
        return None


def _reset_bits(net, path: str, comb: bool):
    """Values of ``path`` after one reset cycle (None bits unknown); ``comb``: the net computed
    from the flip-flops' reset state rather than its own flip-flops."""
    from rtlopt.semantic import seqsim

    bits = net.name_bits.get(path)
    if bits is None:
        return None
    st = seqsim.ternary_reset_state(net)
    if not comb:
        qi = net.q_index
        return [st[qi[b]] if b in qi else None for b in bits]
    val: dict[int, int | None] = {0: 0, 1: 1}
    for f, v in zip(net.flops, st, strict=True):
        val[f.q] = v
    for t, o, ins in net.gates:
        val[o] = seqsim._tern(t, [val.get(i) for i in ins])
    return [val.get(b) for b in bits]


def top_bodies(texts: dict[Path, str], top: str):
    """``(paths, texts, root, buffer id -> file index, [(body, path below the top)])`` of the module bodies
    below ``top`` (one per module definition), or None: non-ASCII text, no clocked block, a syntax error."""
    from pyslang import syntax

    from rtlopt.hdl.project import top_compilation

    paths = list(texts)
    tlist = [texts[p] for p in paths]
    if not all(t.isascii() for t in tlist) or not any(re.search(r"\b(posedge|negedge)\b", t) for t in tlist):
        return None
    comp = top_compilation(top)
    trees = []
    for t, p in zip(tlist, paths, strict=True):
        tr = syntax.SyntaxTree.fromText(t, str(p))
        trees.append(tr)
        comp.addSyntaxTree(tr)
    if any(d.isError() for t in trees for d in t.diagnostics):
        return None
    root = comp.getRoot()
    buf_file = {t.root.sourceRange.start.buffer.id: i for i, t in enumerate(trees)}
    bodies = []
    seen = set()

    def walk(inst, rel: str):
        body = inst.body
        dn = body.definition.name if body.definition is not None else None
        if dn not in seen:
            seen.add(dn)
            bodies.append((body, rel))

        def visit(n):
            if type(n).__name__ == "InstanceSymbol" and n is not inst:
                hp = n.hierarchicalPath
                walk(n, hp.split(".", 1)[1] if "." in hp else hp)
                return False
            return True

        body.visit(visit)

    for ti in root.topInstances:
        if ti.name == top:
            walk(ti, "")
    return paths, tlist, root, buf_file, bodies


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0,
                   refusals: list | None = None) -> list[tuple[dict[Path, str], str]]:
    """Forward-retiming candidates ``[(new texts, description)]``; ``refusals`` (a list) gets
    ``(register path, reason)`` of the registers left alone for a reason worth telling (the logic they
    capture is an instance inside a generate scope, an instance's inout port connected through ``.*``)."""
    t0 = time.monotonic()
    got = top_bodies(texts, top)
    if got is None:
        return []
    paths, tlist, _root, buf_file, bodies = got
    out = []
    orig_net = None
    plans = []
    for body, rel in bodies:
        with contextlib.suppress(Exception):  # an analysis failure: no candidates for this module
            plans += [(p, body, rel) for p in _analyze(body, tlist, buf_file, refusals)]
    # registers whose inputs are mostly registered beside them first (a control travelling with the
    # data: what reads the register likely reads it too), then the fewest new flip-flops
    plans.sort(key=lambda t: (-sum(h is not None for _s, h in t[0].inputs),
                              sum(int(s.type.bitWidth or 0) for s, h in t[0].inputs if h is None)))
    for plan, body, rel in plans[:_MAX_PLANS]:
        if len(out) >= _MAX_CANDS or time.monotonic() - t0 > timeout_s:
            break
        fi = plan.file
        rpath = f"{rel}.{plan.r.name}" if rel else plan.r.name
        new = None
        tried: set[str] = set()
        # the new registers' reset constant: r's own, 0, all ones - the first whose f gives r's reset
        for choice in range(3 if plan.reset is not None and any(h is None for _s, h in plan.inputs) else 1):
            got = _rewrite(plan, tlist[fi], paths[fi], body.definition.syntax, choice)
            if got is None or got == tlist[fi] or got in tried:
                continue
            tried.add(got)
            cand = {**texts, paths[fi]: got}
            if plan.reset is not None:
                try:
                    from rtlopt.semantic import seqsim
                    if orig_net is None:
                        orig_net = seqsim.load_texts(texts, top, timeout=max(5.0, timeout_s - (time.monotonic() - t0)))
                    want = _reset_bits(orig_net, rpath, comb=False)
                    have = _reset_bits(seqsim.load_texts(cand, top, timeout=max(5.0, timeout_s - (time.monotonic() - t0))),
                                       rpath, comb=True)
                except Exception:  # noqa: BLE001 - no model: no candidate
                    break
                if want is None or have is None or len(want) != len(have) or any(
                        a is not None and a != b for a, b in zip(want, have, strict=True)):
                    continue
            new = cand
            break
        if new is None:
            continue
        ins = ", ".join(f"{s.name}" + (f" (as {h.name})" if h is not None else "") for s, h in plan.inputs)
        how = {"expr": "its expression", "assign": "the assign", "comb": "the combinational block",
               "inst": f"instance {getattr(plan.fnode, 'name', '')}"}[plan.kind]
        out.append((new, f"register {plan.r.name} holds the inputs {ins} of {how}, which moves after it"))
    return out


def fretime_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE)
