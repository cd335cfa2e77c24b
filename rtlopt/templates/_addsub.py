"""Add/subtract merging: one adder with a conditional two's-complement operand instead of two units.

``mode ? X - Y : X + Y`` computes two results and throws one away. With two's complement,
``X - Y == X + ~Y + 1``, so a single adder does both: ``X + (Y ^ {W{mode}}) + mode``. The adder
and subtractor may be written inline or as instances of leaf modules whose whole body is
``assign out = in1 + in2`` / ``assign out = in1 - in2`` (a hand-instantiated adder and subtractor
feeding a mux); an instance output is resolved to the operator on the instance's connections.

Only the result bits that are used are claimed: the low ``K`` bits, where ``K`` is the context
width of the conditional, or the width of the assignment target when the conditional is a whole
right-hand side. Low bits of ``+``, ``-`` and ``^`` never depend on higher bits, so the rewrite is
exact on those bits provided every operand reaches the mux at least ``K`` bits wide (instance
outputs and the wires they drive are checked). Signed arithmetic is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyslang import ast

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._sem import Analysis, is_pure, norm, op_name, paren, self_signed, self_width, strip


@dataclass(frozen=True)
class _Arith:
    """``left op right`` as it reaches a mux arm; ``width`` bounds the bits that are exact."""

    op: str  # "Add" or "Subtract"
    left: str  # source text of the left operand (in the module of the mux)
    right: str
    width: int  # the arm's low ``width`` bits equal (left op right) mod 2^width
    operand_width: int  # max self-determined width of the operands


def _sym_key(sym) -> tuple[str, int]:
    return sym.name, int(sym.location.offset)


def _comb_assignment(block):
    """The one assignment of ``always @* out = ...;`` / ``always_comb out = ...;`` (``begin``/``end``
    around it allowed), else None."""
    kind = str(block.procedureKind).split(".")[-1]
    st = block.body
    if kind == "Always":
        if type(st).__name__ != "TimedStatement" or type(st.timing).__name__ != "ImplicitEventControl":
            return None
        st = st.stmt
    elif kind != "AlwaysComb":
        return None
    while True:
        name = type(st).__name__
        if name == "BlockStatement" and str(st.blockKind).endswith("Sequential"):
            st = st.body
        elif name == "StatementList" and len(st.list) == 1:
            st = st.list[0]
        else:
            break
    if type(st).__name__ != "ExpressionStatement" or type(st.expr).__name__ != "AssignmentExpression":
        return None
    return st.expr


def _leaf_arith(inst) -> tuple[str, str, str, str] | None:
    """``(out_port, op, in1_port, in2_port)`` if the instance body is one ``assign out = in1 op in2``
    (or the same assignment as the only statement of an ``always @*``/``always_comb`` block)."""
    assigns = []
    for m in inst.body:
        if isinstance(m, ast.ContinuousAssignSymbol):
            assigns.append(m.assignment)
        elif isinstance(m, ast.ProceduralBlockSymbol):
            a = _comb_assignment(m)
            if a is None:
                return None
            assigns.append(a)
        elif not isinstance(m, (ast.PortSymbol, ast.NetSymbol, ast.VariableSymbol, ast.ParameterSymbol)):
            return None
    if len(assigns) != 1:
        return None
    a = assigns[0]
    lhs, rhs = strip(a.left), strip(a.right)
    if type(lhs).__name__ != "NamedValueExpression" or type(rhs).__name__ != "BinaryExpression":
        return None
    op = op_name(rhs)
    if op not in ("Add", "Subtract") or rhs.type.isSigned:
        return None
    l_in, r_in = strip(rhs.left), strip(rhs.right)
    if type(l_in).__name__ != "NamedValueExpression" or type(r_in).__name__ != "NamedValueExpression":
        return None
    ports = {p.name: p for p in inst.body.portList if isinstance(p, ast.PortSymbol)}
    out = ports.get(lhs.symbol.name)
    p1, p2 = ports.get(l_in.symbol.name), ports.get(r_in.symbol.name)
    if out is None or p1 is None or p2 is None:
        return None
    if str(out.direction).endswith("Out") and str(p1.direction).endswith("In") and str(p2.direction).endswith("In"):
        return out.name, op, p1.name, p2.name
    return None


def _instance_drivers(an: Analysis) -> dict[tuple[str, int], _Arith]:
    """Nets driven by an output of a leaf add/sub instance → the arithmetic they carry."""
    out: dict[tuple[str, int], _Arith] = {}
    for inst in an.symbols:
        if not isinstance(inst, ast.InstanceSymbol) or inst.syntax is None:
            continue
        leaf = _leaf_arith(inst)
        if leaf is None:
            continue
        out_port, op, in1, in2 = leaf
        conns = {pc.port.name: pc for pc in inst.portConnections}
        if out_port not in conns or in1 not in conns or in2 not in conns:
            continue
        texts = []
        widths = []
        for name in (in1, in2):
            e = conns[name].expression
            if e is None:
                break
            e = strip(e)
            info = an.info(e)
            pw = conns[name].port.type.bitWidth
            w = self_width(e)
            if info is None or w is None or w != pw or self_signed(e) or not is_pure(e):
                break  # implicit extension/truncation or signedness at the port: keep it simple
            texts.append(info.text)
            widths.append(w)
        if len(texts) != 2:
            continue
        oc = conns[out_port].expression
        if oc is None or type(oc).__name__ != "AssignmentExpression":
            continue
        net = strip(oc.left)
        if type(net).__name__ != "NamedValueExpression":
            continue
        width = min(int(conns[out_port].port.type.bitWidth), int(net.type.bitWidth))
        out[_sym_key(net.symbol)] = _Arith(op, texts[0], texts[1], width, max(widths))
    return out


def _arm(an: Analysis, node, drivers: dict[tuple[str, int], _Arith], ctx: int) -> _Arith | None:
    node = strip(node)
    kind = type(node).__name__
    if kind == "BinaryExpression" and op_name(node) in ("Add", "Subtract"):
        li, ri = an.info(node.left), an.info(node.right)
        if li is None or ri is None or node.type.isSigned or not is_pure(node):
            return None
        if self_signed(node.left) or self_signed(node.right):
            return None
        lw, rw = self_width(node.left), self_width(node.right)
        if lw is None or rw is None:
            return None
        return _Arith(op_name(node), li.text, ri.text, ctx, max(lw, rw))
    if kind == "NamedValueExpression":
        got = drivers.get(_sym_key(node.symbol))
        if got is None:
            got = _assigned_arith(an, node, ctx)
        return got
    return None


def _scope_of(syn):
    """The innermost generate block or module around a piece of syntax (names resolve alike in it)."""
    p = syn.parent if syn is not None else None
    while p is not None and type(p).__name__ not in ("GenerateBlockSyntax", "ModuleDeclarationSyntax"):
        p = p.parent
    return p


def _net_drivers(an: Analysis) -> dict:
    """Nets (and SV variables) with one whole continuous driver -> its right-hand side: ``wire s = a + b;``
    or ``assign s = a + b;``. Every elaborated copy (generate iterations) must come from the same
    syntax."""
    got = getattr(an, "_addsub_nets", None)
    if got is not None:
        return got
    spans: dict = {}
    rhs: dict = {}
    for sym in an.symbols:
        if isinstance(sym, ast.NetSymbol) and getattr(sym, "initializer", None) is not None:
            k, r = _sym_key(sym), sym.initializer
        elif isinstance(sym, ast.ContinuousAssignSymbol):
            a = sym.assignment
            if type(a).__name__ != "AssignmentExpression":  # slang could not bind it (InvalidExpression)
                continue
            lhs = strip(a.left)
            if type(lhs).__name__ != "NamedValueExpression" \
                    or not isinstance(lhs.symbol, (ast.NetSymbol, ast.VariableSymbol)):
                continue
            k, r = _sym_key(lhs.symbol), a.right
        else:
            continue
        if r.syntax is None:
            spans.setdefault(k, set()).add(None)
            continue
        spans.setdefault(k, set()).add(an.span(r.syntax))
        rhs.setdefault(k, r)
    got = an._addsub_nets = {k: r for k, r in rhs.items() if len(spans[k]) == 1 and None not in spans[k]}
    return got


def _assigned_arith(an: Analysis, node, ctx: int) -> _Arith | None:
    """A mux arm that names a net whose one driver is ``a + b`` / ``a - b`` written in the same scope
    (lanes of a generate loop: ``assign sum = a[i*W +: W] + b[i*W +: W];``); its operand texts are
    valid at the mux. Exact on the net's width."""
    sym = node.symbol
    if not isinstance(sym, (ast.NetSymbol, ast.VariableSymbol)) or sym.type.isSigned:
        return None
    r = _net_drivers(an).get(_sym_key(sym))
    if r is None:
        return None
    r = strip(r)
    if type(r).__name__ != "BinaryExpression" or op_name(r) not in ("Add", "Subtract") or r.syntax is None:
        return None
    if node.syntax is None or _scope_of(r.syntax) is None or _scope_of(r.syntax) is not _scope_of(node.syntax) \
            and not _same_node(_scope_of(r.syntax), _scope_of(node.syntax), an):
        return None
    arith = _arm(an, r, {}, int(r.type.bitWidth))
    if arith is None:
        return None
    w = min(int(sym.type.bitWidth), arith.width, ctx)
    return _Arith(arith.op, arith.left, arith.right, w, arith.operand_width)


def _same_node(a, b, an: Analysis) -> bool:
    return a is not None and b is not None and an.span(a) == an.span(b)


def _rhs_targets(an: Analysis) -> dict[tuple[int, int], int]:
    """Span of every whole assignment right-hand side → width of its target."""
    out = {}
    for x in an.exprs:
        if type(x.node).__name__ == "AssignmentExpression":
            rhs = an.info(x.node.right)
            lw = x.node.left.type.bitWidth
            if rhs is not None and lw:
                out[(rhs.start, rhs.end)] = int(lw)
    return out


def _used_bits(targets: dict[tuple[int, int], int], cond_info) -> tuple[int, bool]:
    """Bits of the conditional that matter, and whether it is a whole assignment right-hand side."""
    lw = targets.get((cond_info.start, cond_info.end))
    if lw is not None:
        return min(cond_info.width, lw), True
    return cond_info.width, False


def _label_value(an: Analysis, node) -> int | None:
    """Value of a case label that is a literal or a parameter (no x/z), else None."""
    node = strip(node)
    v = an.const(node)
    if v is not None:
        return v
    if type(node).__name__ != "NamedValueExpression" or not isinstance(node.symbol, ast.ParameterSymbol):
        return None
    try:
        sv = node.eval(ast.EvalContext(an.root)).value
    except Exception:  # noqa: BLE001 - pyslang raises assorted errors on odd nodes
        return None
    if type(sv).__name__ != "SVInt" or sv.hasUnknown:
        return None
    return int(sv)


def _arm_assignment(stmt):
    """The ``target = left op right`` of a case arm that is one add/sub assignment, else None."""
    if type(stmt).__name__ != "ExpressionStatement":
        return None
    a = stmt.expr
    if type(a).__name__ != "AssignmentExpression" or a.isCompound:
        return None
    rhs = strip(a.right)
    if type(rhs).__name__ != "BinaryExpression" or op_name(rhs) not in ("Add", "Subtract"):
        return None
    return a, rhs


class AddSubMerging(Template):
    """``c ? X - Y : X + Y`` (inline or via adder/subtractor instances) → ``X + (Y ^ {K{c}}) + c``."""

    id = "add_sub_merging"
    rule = "add_sub_merging"
    description = "merge an adder and a subtractor selected by a mode into one add/subtract unit"

    def find(self, an: Analysis) -> list[Match]:
        drivers = None
        targets = None
        out = []
        for info in an.exprs:
            node = info.node
            if type(node).__name__ != "ConditionalExpression" or len(node.conditions) != 1:
                continue
            c = node.conditions[0]
            if c.pattern is not None or info.signed or not is_pure(c.expr):
                continue
            if drivers is None:
                drivers = _instance_drivers(an)
            t = _arm(an, node.left, drivers, info.width)
            f = _arm(an, node.right, drivers, info.width)
            if t is None or f is None or {t.op, f.op} != {"Add", "Subtract"}:
                continue
            sub, add = (t, f) if t.op == "Subtract" else (f, t)
            x, y = norm(sub.left), norm(sub.right)
            if {x, y} != {norm(add.left), norm(add.right)} or (x == y):
                continue
            if targets is None:
                targets = _rhs_targets(an)
            k, whole_rhs = _used_bits(targets, info)
            if k > sub.width or k > add.width:
                continue
            if not whole_rhs and max(sub.operand_width, add.operand_width) > info.width:
                continue  # the merged expression would be wider than the mux: it could widen its context
            ci = an.info(c.expr)
            if ci is None:
                continue
            cw = self_width(c.expr)
            cond = paren(ci.text) if cw == 1 else f"(|{paren(ci.text)})"
            sel = cond if t.op == "Subtract" else f"!{cond}"
            new = f"{paren(sub.left)} + ({paren(sub.right)} ^ {{{k}{{{sel}}}}}) + {sel}"
            if not whole_rhs:
                new = f"({new})"
            out.append(self._m(an, info.start, info.end,
                               f"one {k}-bit adder for {sub.left} +/- {sub.right} selected by {ci.text}",
                               [Edit(info.start, info.end, new)]))
        out.extend(self._case_arms(an))
        return out

    def _case_arms(self, an: Analysis) -> list[Match]:
        """``case (s) L1: t = X + Y; L2: t = X - Y;`` → both arms ``t = X + (Y ^ {C{s == L2}}) + (s == L2)``.

        The two arms then compute the same expression, which synthesis builds once. In the add arm
        ``s`` matches L1, whose values differ from L2's, so the mode is 0; in the subtract arm it is 1.
        """
        out = []
        for st, _s, _e in an.statements:
            if not isinstance(st, ast.CaseStatement) or not str(st.condition).endswith("Normal"):
                continue
            sel = an.info(st.expr)
            if sel is None or not is_pure(st.expr):
                continue
            arms = []
            for item in st.items:
                aa = _arm_assignment(item.stmt)
                values = [_label_value(an, x) for x in item.expressions]
                labels = [an.info(x) for x in item.expressions]
                if aa is None or None in values or None in labels:
                    continue
                arms.append((item, aa[0], aa[1], set(values), [x.text for x in labels]))
            for i, add in enumerate(arms):
                if op_name(add[2]) != "Add":
                    continue
                for sub in arms[i + 1:] + arms[:i]:
                    if op_name(sub[2]) != "Subtract" or add[3] & sub[3]:
                        continue
                    if norm(an.info(add[1].left).text) != norm(an.info(sub[1].left).text) \
                            or add[1].isNonBlocking != sub[1].isNonBlocking:
                        continue
                    ai, si = an.info(add[2]), an.info(sub[2])
                    x, y = an.info(sub[2].left), an.info(sub[2].right)
                    ax, ay = an.info(add[2].left), an.info(add[2].right)
                    if None in (ai, si, x, y, ax, ay) or ai.width != si.width or ai.signed or si.signed:
                        continue
                    if {norm(x.text), norm(y.text)} != {norm(ax.text), norm(ay.text)} or norm(x.text) == norm(y.text):
                        continue
                    if not (is_pure(add[2]) and is_pure(sub[2])):
                        continue
                    if any(self_signed(n) for n in (sub[2].left, sub[2].right)):
                        continue
                    mode = " || ".join(f"{paren(sel.text)} == {paren(t)}" for t in sub[4])
                    mode = f"({mode})"
                    new = f"{paren(x.text)} + ({paren(y.text)} ^ {{{ai.width}{{{mode}}}}}) + {mode}"
                    edits = [Edit(ai.start, ai.end, new), Edit(si.start, si.end, new)]
                    out.append(self._m(an, min(ai.start, si.start), max(ai.end, si.end),
                                       f"case arms {x.text} + {y.text} / - share one {ai.width}-bit adder",
                                       edits))
                    break
        return out
