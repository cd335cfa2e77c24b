"""Resource sharing of mutually exclusive operations: one adder / multiplier / comparator, muxed operands.

Generalises ``add_sub_merging`` and ``operator_sharing_across_mux`` from one spelling to the
semantics: every addition, subtraction, negation, multiplication and magnitude comparison of the
design is collected with its *guard* (the conjunction of ternary-arm, ``if``/``else`` and ``case``
item conditions under which it is evaluated; :mod:`rtlopt.templates._guards`). Two operations are
exclusive when z3 proves their guards disjoint over the condition expressions (``state == S1`` vs
``state == S2``, ``op[1:0] == 2'b00`` vs ``op == 3'b101``, ``if``/``else`` arms, arms of one
``case``, and arms in different ``always`` blocks).

A group of pairwise exclusive operations of one kind becomes one unit at module level::

    wire [W-1:0] rtlopt_sh0_x = s1 ? X1 : s2 ? X2 : X3;       // operand muxes (omitted when equal)
    wire [W-1:0] rtlopt_sh0_y = ...;
    wire rtlopt_sh0_sub = s1 || s2;                            // carry-in / inversion
    wire [W-1:0] rtlopt_sh0 = rtlopt_sh0_x + (rtlopt_sh0_y ^ {W{rtlopt_sh0_sub}}) + rtlopt_sh0_sub;

``a + b``, ``a - b``, ``b - a`` and ``-a`` are all ``X + ~Y + cin`` with the right operands;
``a < b``, ``a > b``, ``a <= b``, ``a >= b`` are all ``X < Y`` possibly negated. Each operation is
replaced by the shared result (its low ``W_i`` bits: the context width of that use), which is exact
because under the operation's guard the selectors pick its operands. The selector of each operation
is its guard minus the literals common to the whole group, checked with z3: under guard ``i`` the
selector of ``i`` holds and every selector before it in the chain is false. Operands and conditions
must be module-level values (nothing blocking-assigned in the same block), unsigned, and free of
operators whose low bits depend on the context width. Whether the muxes cost less than the saved
unit is left to measurement: the search loop measures and proves every candidate.

When the guards read only a few select bits (``op``, ``state``, decode wires seen through), the
operand and carry selects are minimised over the care set instead (:mod:`rtlopt.templates._selmin`):
outside every guard the unit's value is unused, so ``case (op)`` arms ``0..3`` pick an operand with
``op[1]``. Comparisons of two words exclusive with an adder fold into it (``a < b`` = the borrow bit
of the shared ``(W+1)``-bit ``a - b``, ``a == b`` its zero flag). A one-bit operand of a sum is the
adder's carry-in (``a + b + cin``, ``a - b - cin`` = ``a + ~b + ~cin``, ``a + cin``, ``a - cin`` =
``a + ~0 + ~cin``): the unit ``(X ^ ix) + (Y ^ iy) + ci`` then selects ``ci`` among 0, 1, ``cin`` and
``~cin``, and ``a < b`` / ``a == b`` under one guard both read it. Operations inside a function or
task share a unit computed in local variables at the start of its body; sibling ``if`` statements
whose assignment becomes the same shared value merge into one. :class:`ExclusiveInstanceSharing`
does the same for two instances of one combinational user module whose outputs are read under
exclusive guards; :class:`CaseItemMerge` merges case items left identical (measured on its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations, permutations

import z3
from pyslang import ast

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._guards import (
    Lit,
    Site,
    Z3Expr,
    _const_of,
    _expr_children,
    _key_text,
    guard_reads,
    guard_z3,
    lit_text,
    lit_z3,
    net_definitions,
    reads,
    sites,
    skey,
    unsat,
)
from rtlopt.templates._selmin import minimize
from rtlopt.templates._sem import Analysis, analyze, op_name, paren, self_width, strip
from rtlopt.templates._width import _context_safe

_ATOMS = {"NamedValueExpression", "RangeSelectExpression", "ElementSelectExpression", "IntegerLiteral",
          "ConcatenationExpression", "ReplicationExpression", "UnbasedUnsizedIntegerLiteral"}
_CMP = {"LessThan": (False, False), "GreaterThan": (True, False), "GreaterThanEqual": (False, True),
        "LessThanEqual": (True, True)}  # op -> (swap operands, negate result) to express as X < Y
MAX_OPS = 24  # per kind and module: keep the pairwise proofs cheap
MAX_PAIRS = 6


@dataclass
class _Op:
    site: Site
    kind: str  # "addsub", "mul", "cmp"
    x: object | None  # operand nodes (None = constant 0)
    y: object
    inv: bool  # subtract (addsub) / negate result (cmp)
    width: int  # context width of the result (cmp: operand compare width)
    start: int
    end: int
    commutative: bool
    res: str = ""  # addsub unit: "" (the sum), "lt" (borrow of x - y), "eq" (zero flag of x - y)
    neg: bool = False  # "lt"/"eq": the result is negated
    ci: object | None = None  # three-operand sum: its one-bit operand, the adder's carry-in
    ci_inv: bool = False  # ``x - y - ci`` = ``x + ~y + ~ci``: the carry-in is the inverted bit
    signed: bool = False  # a signed sum/difference of operands as wide as its context (same bits as unsigned)
    read: bool = False  # one guarded read of a net defined by the operation (the net itself stays)


def _constant_op(n) -> bool:
    """Whether an operation reads no variable or net (literals and parameters only)."""
    found = []

    def visit(x):
        k = type(x).__name__
        if k in ("NamedValueExpression", "HierarchicalValueExpression") \
                and type(x.symbol).__name__ not in ("ParameterSymbol", "EnumValueSymbol") \
                or k == "CallExpression":
            found.append(x)
        return True

    n.visit(visit)
    return not found


def _op_of(an: Analysis, site: Site) -> _Op | None:
    n = site.node
    kind = type(n).__name__
    info = an.info(n)
    if info is None or _constant_op(n):
        return None  # a constant ('-1', 'AVI - 1'): folded by synthesis, nothing to share
    if n.type.isSigned:
        return _signed_op(an, site, info)
    if kind == "UnaryExpression" and op_name(n) == "Minus":
        return _Op(site, "addsub", None, n.operand, True, info.width, info.start, info.end, False)
    if kind != "BinaryExpression":
        return None
    op = op_name(n)
    if op in ("Add", "Subtract"):
        return _Op(site, "addsub", _zext_arg(n.left), _zext_arg(n.right), op == "Subtract",
                   _sum_width(an, n, info.width), info.start, info.end, op == "Add")
    if op == "Multiply":
        return _Op(site, "mul", n.left, n.right, False, info.width, info.start, info.end, True)
    if op in _CMP:
        if n.left.type.isSigned or n.right.type.isSigned:
            # $signed(a) < $signed(b) of unsigned words: the borrow of the shared a - b xor both sign bits
            a, b = _unsigned_arg(n.left), _unsigned_arg(n.right)
            if a is None or b is None or int(a.type.bitWidth or 0) != int(b.type.bitWidth or 0):
                return None
            swap, neg = _CMP[op]
            x, y = (b, a) if swap else (a, b)
            return _Op(site, "cmp", x, y, neg, int(a.type.bitWidth), info.start, info.end, False, "slt", neg)
        swap, neg = _CMP[op]
        x, y = (n.right, n.left) if swap else (n.left, n.right)
        w = max(int(n.left.type.bitWidth or 0), int(n.right.type.bitWidth or 0))
        return _Op(site, "cmp", x, y, neg, w, info.start, info.end, False)
    if op in ("Equality", "Inequality"):
        if n.left.type.isSigned or n.right.type.isSigned:
            return None
        w = max(int(n.left.type.bitWidth or 0), int(n.right.type.bitWidth or 0))
        return _Op(site, "addsub", n.left, n.right, True, w, info.start, info.end, False, "eq",
                   op == "Inequality")
    return None


def _zext_arg(node):
    """The operand of an explicit widening cast of an unsigned value (``18'(p)`` with ``p`` 14 bits,
    ``unsigned'(p)``): in an unsigned sum both are ``p`` zero-extended, so the unit reads ``p`` itself
    (a product behind it stays visible to the product hoist). Anything else unchanged."""
    s = strip(node)
    if (type(s).__name__ == "ConversionExpression" and not s.isImplicit
            and not getattr(s.type, "isSigned", False) and getattr(s.type, "isIntegral", False)):
        a = strip(s.operand)
        aw, sw = int(getattr(a.type, "bitWidth", 0) or 0), int(getattr(s.type, "bitWidth", 0) or 0)
        if a.type.isIntegral and not a.type.isSigned and 0 < aw <= sw:
            return s.operand
    return node


def _signed_op(an: Analysis, site: Site, info) -> _Op | None:
    """A signed ``a + b`` / ``a - b`` / ``-a`` whose operands are exactly as wide as the result and its
    context: modulo ``2^W`` the bits do not depend on the signedness, so it is an adder use like an
    unsigned one (its shared result is read back through ``$signed``)."""
    n = site.node
    kind = type(n).__name__
    if kind not in ("UnaryExpression", "BinaryExpression"):
        return None
    op = op_name(n)
    w = int(n.type.bitWidth or 0)
    if w <= 0 or info.width != w:
        return None
    if kind == "UnaryExpression" and op == "Minus":
        args = [n.operand]
    elif kind == "BinaryExpression" and op in ("Add", "Subtract"):
        args = [n.left, n.right]
    else:
        return None
    sext = {}
    for a in args:
        s = strip(a)
        aw = int(s.type.bitWidth or 0)
        if aw == w:
            continue
        # a signed name narrower than the sum is sign-extended to it: the unit reads it extended
        sp = _span_of(an, s)
        if not (1 < aw < w and type(s).__name__ == "NamedValueExpression" and s.type.isSigned and sp is not None):
            return None
        sext[sp] = (w, aw)
    if sext:
        if not hasattr(an, "_share_sext"):
            an._share_sext = {}
        an._share_sext.update(sext)
    if len(args) == 1:
        return _Op(site, "addsub", None, n.operand, True, w, info.start, info.end, False, signed=True)
    return _Op(site, "addsub", n.left, n.right, op == "Subtract", w, info.start, info.end, op == "Add", signed=True)


def _unsigned_arg(node):
    """``x`` of ``$signed(x)`` for an unsigned operand ``x`` (None otherwise)."""
    n = strip(node)
    if type(n).__name__ != "CallExpression" or not n.isSystemCall or n.subroutineName != "$signed" \
            or len(n.arguments) != 1:
        return None
    a = strip(n.arguments[0])
    return None if a.type.isSigned or type(a).__name__ != "NamedValueExpression" else a


def _sum_width(an: Analysis, n, width: int) -> int:
    """Bits that carry the value of an unsigned ``x + y`` (or ``x + y + c``, one-bit ``c``) of plain
    operands: ``max(wx, wy) + 1``, fewer than its context width when the sum is stored wide (an
    ``integer``): a shared adder only needs those bits, its value zero-extends in the context."""
    def leaves(m):
        m = strip(m)
        if type(m).__name__ == "BinaryExpression" and op_name(m) == "Add" and not m.type.isSigned:
            return leaves(m.left) + leaves(m.right)
        return [m]

    ls = leaves(n) if op_name(n) == "Add" else []
    if len(ls) not in (2, 3):
        return width
    ws = []
    for v in ls:
        b = _zext_base(an, v)
        w = self_width(b) if _is_atom(b) and not getattr(b.type, "isSigned", False) else None
        if w is None:
            return width
        ws.append(w)
    ws.sort()
    if len(ws) == 3 and ws[0] != 1:
        return width
    return min(width, ws[-1] + 1)


def _three(an: Analysis, op: _Op) -> _Op | None:
    """``a + b + c`` / ``a - b - c`` with a one-bit ``c`` as one adder use: the bit is its carry-in
    (``a - b - c`` = ``a + ~b + ~c``). Any leaf of a sum of three may be the bit; of a difference only
    the last (``a - b + c`` is not one carry-in)."""
    n = op.site.node
    if op.kind != "addsub" or op.res or type(n).__name__ != "BinaryExpression":
        return None
    sub = op_name(n) == "Subtract"

    def bit(v):  # a one-bit variable operand (seen through zero extension: ``{15'd0, cin}``)
        c = _zext_base(an, v)
        if c is None or self_width(c) != 1 or getattr(c.type, "isSigned", False) or _const_of(an, c) is not None:
            return None
        return c

    inner = strip(n.left)
    if type(inner).__name__ == "BinaryExpression" and op_name(inner) == op_name(n) and not inner.type.isSigned:
        leaves = [inner.left, inner.right, n.right]
        for k in ((2, 0, 1) if not sub else (2,)):
            c = bit(leaves[k])
            if c is not None:
                x, y = [v for i, v in enumerate(leaves) if i != k]
                return _Op(op.site, "addsub", x, y, sub, op.width, op.start, op.end, not sub, ci=c, ci_inv=sub)
    # ``p + c`` = ``p + 0 + c``; ``p - c`` = ``p + ~0 + ~c``
    for k in ((1, 0) if not sub else (1,)):
        c = bit((n.left, n.right)[k])
        other = (n.left, n.right)[1 - k]
        if c is not None and _is_atom(other) and bit(other) is None:
            return _Op(op.site, "addsub", other, None, sub, op.width, op.start, op.end, False, ci=c, ci_inv=sub)
    return None


def _is_product(node) -> bool:
    n = strip(node)
    return type(n).__name__ == "BinaryExpression" and op_name(n) == "Multiply"


def _span_of(an: Analysis, node) -> tuple[int, int] | None:
    syn = getattr(strip(node), "syntax", None)
    return None if syn is None else an.span(syn)


def _block_span(an: Analysis, block):
    return None if block is None else an.span(block.syntax)


def _comb_block(block) -> bool:
    """``always_comb`` or ``always @*`` (every assignment in it settles whenever its inputs change)."""
    if not isinstance(block, ast.ProceduralBlockSymbol):
        return False
    kind = str(block.procedureKind).split(".")[-1]
    if kind == "AlwaysComb":
        return True
    st = block.body
    return kind == "Always" and type(st).__name__ == "TimedStatement" \
        and type(st.timing).__name__ == "ImplicitEventControl"


def _common_guard(rd: list[Site], vol_of) -> tuple:
    """The literals common to the guards of all reads ``rd`` that read nothing blocking-assigned where
    they are evaluated (so each has its module-level value there)."""
    common = None
    for r in rd:
        ks = {(g.kind, g.key, g.positive) for g in r.guard if not (guard_reads((g,)) & (r.volatile | vol_of))}
        common = ks if common is None else common & ks
    return tuple(g for g in rd[0].guard if (g.kind, g.key, g.positive) in (common or set()))


def _use_guards(an: Analysis, all_sites: list[Site]) -> list[tuple[int, int, object, tuple]]:
    """Right-hand sides whose value only matters under a guard.

    * ``t = <rhs>;`` at the top level of a procedural block or function body (no loop around it), the
      only assignment to the variable ``t`` anywhere, ``t`` not a port, every read of ``t`` later in
      the same block;
    * ``wire t = <rhs>;`` / ``assign t = <rhs>;``, the only driver of the net ``t`` (not a port).

    Such a value is used only where its reads are evaluated, so the operations of ``<rhs>`` are
    evaluated under the literals common to the guards of all reads: ``sum = a + b;`` read only under
    ``!op_sub`` is an addition under ``!op_sub``. ``(rhs start, rhs end, block span, guard)`` each."""
    ports = {p.name for p in an.symbols if isinstance(p, ast.PortSymbol)}
    assigns: dict = {}
    lhs_spans: set = set()
    for s in all_sites:
        n = s.node
        if type(n).__name__ != "AssignmentExpression":
            continue
        keys = set()

        def visit(m, keys=keys):
            if isinstance(m, ast.Expression) and type(m).__name__ == "NamedValueExpression":
                keys.add(skey(m.symbol))
                lhs_spans.add(_span_of(an, m))
            return True

        strip(n.left).visit(visit)
        for k in keys:
            assigns.setdefault(k, []).append(s)
    reads_of: dict = {}
    for s in all_sites:
        n = s.node
        kind = type(n).__name__
        if kind in ("RangeSelectExpression", "ElementSelectExpression"):  # ``t[15:0]``: its name may
            v = strip(n.value)                                             # have no syntax of its own
            if type(v).__name__ == "NamedValueExpression" and _span_of(an, v) is None:
                n, kind = v, "sel"
        if kind in ("NamedValueExpression", "sel") and _span_of(an, s.node) not in lhs_spans:
            reads_of.setdefault(skey(n.symbol), []).append(s)
    # a name without syntax is the value of a select counted above (one for one, else unknown reads)
    for k, rl in list(reads_of.items()):
        bare = [r for r in rl if _span_of(an, r.node) is None]
        sel = [r for r in rl if type(r.node).__name__ != "NamedValueExpression"]
        if len(bare) == len(sel):
            reads_of[k] = [r for r in rl if _span_of(an, r.node) is not None]
    out = []
    for k, al in assigns.items():  # procedural temporaries
        if len(al) != 1 or k[0] in ports:
            continue
        a = al[0]
        n = a.node
        lhs = strip(n.left)
        if a.guard or n.isNonBlocking or not isinstance(a.block, (ast.ProceduralBlockSymbol, ast.SubroutineSymbol)) \
                or type(lhs).__name__ != "NamedValueExpression" or not isinstance(lhs.symbol, ast.VariableSymbol) \
                or lhs.symbol.name == getattr(a.block, "name", None):
            continue
        syn, loop = n.syntax, False
        while syn is not None and type(syn).__name__ not in ("ModuleDeclarationSyntax", "ProceduralBlockSyntax",
                                                              "FunctionDeclarationSyntax"):
            loop |= "Loop" in type(syn).__name__ or "Foreach" in type(syn).__name__
            syn = syn.parent
        rs = _span_of(an, n.right)
        rd = reads_of.get(k, [])
        if loop or rs is None or not rd:
            continue
        bspan = _block_span(an, a.block)
        # a read in another block sees the settled value of a combinational block's unconditional
        # assignment (``always_comb begin mid = l + r; side = l - r; end`` read by an ``always_ff``): there
        # ``t`` is its right-hand side at module level, provided that reads nothing the block assigns
        comb = _comb_block(a.block) and not (reads(n.right) & a.volatile)
        if any((_span_of(an, r.node) or (-1, -1))[0] < rs[1] if r.block is not None and _block_span(an, r.block) == bspan
               else not comb or isinstance(r.block, ast.SubroutineSymbol) for r in rd):
            continue
        guard = _common_guard(rd, a.volatile)
        if guard and _all_reads_seen(an, lhs.symbol, 2 + len(rd)):
            out.append((rs[0], rs[1], bspan, guard))
    for k, rhs in net_definitions(an).items():  # single-driver nets
        rs = _span_of(an, rhs)
        rd = reads_of.get(k, [])
        if k[0] in ports or rs is None or not rd or k in assigns and len(assigns[k]) != 1:
            continue
        guard = _common_guard(rd, frozenset())
        sym = next((x for x in an.symbols if isinstance(x, (ast.NetSymbol, ast.VariableSymbol)) and skey(x) == k),
                   None)
        if sym is None or not guard or any(isinstance(r.block, ast.SubroutineSymbol) for r in rd):
            continue
        if _all_reads_seen(an, sym, (1 if getattr(sym, "initializer", None) is not None else 2) + len(rd)):
            out.append((rs[0], rs[1], None, guard))
    return out


def _read_ops(an: Analysis, all_sites: list[Site], seen: set) -> list[_Op]:
    """Guarded whole reads of a net defined by an addition/subtraction (``assign s = a + b;``) that is
    not shared as a whole (another read is unguarded, or the reads share no guard literal): each such
    read is a use of the operation under its own guard. The shared unit replaces those reads; the
    net keeps its adder for the other readers (``pc + 4`` read as the link address and as the
    sequential next pc, the latter under exclusive case arms with the branch/jump targets)."""
    ports = {p.name for p in an.symbols if isinstance(p, ast.PortSymbol)}
    out: list[_Op] = []
    for k, rhs in net_definitions(an).items():
        r = strip(rhs)
        info = an.info(r)
        if k[0] in ports or info is None or (info.start, info.end) in seen \
                or type(r).__name__ != "BinaryExpression" or op_name(r) not in ("Add", "Subtract"):
            continue
        base = _op_of(an, Site(r, (), None, frozenset(), (info.start, info.end)))
        if base is None or base.res or base.width != int(rhs.type.bitWidth or 0):
            continue
        sw = base.width if base.signed else 0
        for s in all_sites:
            n = s.node
            if type(n).__name__ != "NamedValueExpression" or skey(n.symbol) != k or not s.guard:
                continue
            sp = _span_of(an, n)
            if sp is None or int(n.type.bitWidth or 0) != base.width or isinstance(s.block, ast.SubroutineSymbol) \
                    or s.block is None or s.item is None:
                continue
            if guard_reads(s.guard) & s.volatile or any(lit_text(an, g) is None for g in s.guard):
                continue
            if not (_operand_ok(an, base.x, s.volatile, sw) and _operand_ok(an, base.y, s.volatile, sw)):
                continue
            out.append(_Op(s, base.kind, base.x, base.y, base.inv, base.width, sp[0], sp[1], base.commutative,
                           signed=base.signed, read=True))
    return out[:MAX_OPS]


def _fresh_units(an: Analysis, m: Match, others: list[Match]) -> Match:
    """``m`` with its unit names (``rtlopt_sh3``, ``rtlopt_sh3_x`` ...) renamed to ones no match in
    ``others`` declares, so that disjoint matches found by separate group runs still combine."""
    from dataclasses import replace

    unit = re.compile(r"\brtlopt_sh([mc]?)(\d+)(?=\b|_)")
    used = {u.group(0) for o in others for e in o.edits for u in unit.finditer(e.replacement)}
    if not used:
        return m
    mine = sorted({u.group(0) for e in m.edits for u in unit.finditer(e.replacement)})
    ren: dict[str, str] = {}
    taken = used | set(re.findall(r"\brtlopt_sh[mc]?\d+", an.text))
    for nm in mine:
        if nm not in used:
            continue
        base = re.sub(r"\d+$", "", nm)
        i = 0
        while f"{base}{i}" in taken or f"{base}{i}" in mine:
            i += 1
        ren[nm] = f"{base}{i}"
        taken.add(ren[nm])
    if not ren:
        return m
    sub = lambda t: unit.sub(lambda u: ren.get(u.group(0), u.group(0)), t)  # noqa: E731
    return replace(m, edits=tuple(Edit(e.start, e.end, sub(e.replacement)) for e in m.edits))


def _identity_ops(an: Analysis, all_sites: list[Site], ops: dict, seen: set) -> dict[tuple, list[_Op]]:
    """Plain operands assigned next to sums: ``default: t = pc;`` beside ``t = pc + off_b`` and
    ``t = rs1 + off_i`` in exclusive arms is ``pc + 0``, one more use of the shared adder (its other
    operand mux selects 0 there). Then every arm assigns the adder and the output mux disappears.
    Only an operand that a sum assigned to the same target (under an exclusive guard) already reads."""
    rhs_of: dict[tuple[int, int], tuple[str, object, Site]] = {}  # value span -> (target, value, its site)
    by_span = {(i.start, i.end): st for st in all_sites if (i := an.info(st.node)) is not None}

    def leaves(node, out: list) -> None:  # the arms of a ``?:`` chain (each is the value under its guard)
        node = strip(node)
        if type(node).__name__ == "ConditionalExpression" and len(node.conditions) == 1:
            leaves(node.left, out)
            leaves(node.right, out)
        else:
            out.append(node)

    for s in all_sites:
        n = s.node
        if type(n).__name__ != "AssignmentExpression":
            continue
        lhs = strip(n.left)
        li = an.info(lhs)
        if li is None:
            continue
        vals: list = []
        leaves(n.right, vals)
        for v in vals:
            vi = an.info(v)
            st = s if len(vals) == 1 else by_span.get((vi.start, vi.end)) if vi is not None else None
            if vi is not None and st is not None:
                rhs_of[(vi.start, vi.end)] = (li.key, v, st)
    out: dict[tuple, list[_Op]] = {}
    for key, group in ops.items():
        if key[0] != "addsub":
            continue
        targets: dict[str, set[str]] = {}
        for o in group:
            if o.res or o.inv or o.ci is not None or o.signed or (o.start, o.end) not in rhs_of:
                continue
            targets.setdefault(rhs_of[(o.start, o.end)][0], set()).update({_key(an, o.x), _key(an, o.y)})
        targets = {t: ks for t, ks in targets.items()
                   if sum(1 for o in group if rhs_of.get((o.start, o.end), ("",))[0] == t) >= 2}
        if not targets:
            continue
        for (rs, re_), (lkey, rhs, a) in rhs_of.items():
            if lkey not in targets or (rs, re_) in seen or not a.guard:
                continue
            if type(rhs).__name__ not in ("NamedValueExpression", "RangeSelectExpression", "ElementSelectExpression") \
                    or an.info(rhs).key not in targets[lkey] or rhs.type.isSigned:
                continue
            vol = a.volatile
            if guard_reads(a.guard) & vol or any(lit_text(an, g) is None for g in a.guard) \
                    or not _operand_ok(an, rhs, vol):
                continue
            width = int(an.info(rhs).width or 0)
            if not width:
                continue
            site = Site(rhs, a.guard, a.block, vol, a.item)
            op = _Op(site, "addsub", rhs, None, False, width, rs, re_, True)
            sub = an.span(a.block.syntax)[0] if isinstance(a.block, ast.SubroutineSymbol) else -1
            if (_module_of(an, op), sub) != key[1]:
                continue
            seen.add((rs, re_))
            out.setdefault(key, []).append(op)
    return out


def _all_reads_seen(an: Analysis, sym, expected: int) -> bool:
    """The name occurs in its scope (function or module) exactly ``expected`` times: its declaration,
    its one assignment and the reads found; anything else (an instance port connection, a
    hierarchical reference, a comment) may read it unguarded, so no guard is derived."""
    syn = getattr(sym, "syntax", None)
    while syn is not None and type(syn).__name__ not in ("ModuleDeclarationSyntax", "FunctionDeclarationSyntax"):
        syn = syn.parent
    if syn is None:
        return False
    a, b = an.span(syn)
    return len(re.findall(rf"(?<![\w$.]){re.escape(sym.name)}(?![\w$])", an.text[a:b])) == expected


def _use_guard(an: Analysis, uses: list, site: Site) -> tuple:
    sp = _span_of(an, site.node) if uses else None
    if sp is None:
        return ()
    bspan = 0
    for rs, re_, bs, guard in uses:
        if rs <= sp[0] and sp[1] <= re_:
            if bspan == 0:
                bspan = _block_span(an, site.block)
            if bs == bspan:
                return guard
    return ()


def _form(an: Analysis, o: _Op) -> tuple:
    """What the shared adder computes for ``o`` (operands seen through zero extension): two uses of
    one form read the same unit value, so they may be evaluated together."""
    return (_key(an, _zext_base(an, o.x)), _key(an, _zext_base(an, o.y)), o.inv,
            None if o.ci is None else _key(an, o.ci), o.ci_inv)


def _value_form(an: Analysis, o: _Op) -> tuple:
    """:func:`_form` with the operands of a commutative operation in canonical order."""
    f = _form(an, o)
    return (tuple(sorted(f[:2])),) + f[2:] if o.commutative else f


#: Shared uses of one value whose follow-up sharing (the largest) is offered in the same candidate.
MAX_TWINS = 4


def _zext_base(an: Analysis, node):
    """``{1'b0, a}`` / ``{N'd0, a}`` as ``a``: inside a wider context both are the same value."""
    if node is None:
        return None
    s = strip(node)
    while type(s).__name__ == "ConcatenationExpression" and len(s.operands) >= 2 \
            and all(_const_of(an, v) == 0 for v in s.operands[:-1]) \
            and not getattr(strip(s.operands[-1]).type, "isSigned", False) \
            and an.info(strip(s.operands[-1])) is not None:
        s = strip(s.operands[-1])
    return s


def _mask_base(an: Analysis, node) -> str:
    """The key of ``node`` with constant AND masks removed (``a & ~32'd3`` -> ``a``)."""
    s = strip(node) if node is not None else None
    while s is not None and type(s).__name__ == "BinaryExpression" and op_name(s) == "BinaryAnd":
        if _const_of(an, s.right) is not None:
            s = strip(s.left)
        elif _const_of(an, s.left) is not None:
            s = strip(s.right)
        else:
            break
    return _key(an, s)


def _const_operand(an: Analysis, op: _Op) -> bool:
    return any(v is not None and _const_of(an, v) is not None for v in (op.x, op.y))


def _folded(an: Analysis, op: _Op) -> _Op | None:
    """A comparison of two non-constant words as a use of a shared subtractor: ``x < y`` is the borrow
    of ``x - y``, ``x == y`` its zero flag (None for comparisons with constants: those stay cheap)."""
    if _const_of(an, op.x) is not None or _const_of(an, op.y) is not None:
        return None
    if op.kind == "cmp":
        return _Op(op.site, "addsub", op.x, op.y, True, op.width, op.start, op.end, False, op.res or "lt", op.inv)
    return op


def _sign_bits(an: Analysis, o: _Op) -> str:
    """``x[W-1] ^ y[W-1]`` of a signed comparison's operands (named words)."""
    return " ^ ".join(f"{_text(an, v)}[{o.width - 1}]" for v in (o.x, o.y))


def _operand_ok(an: Analysis, node, vol, width: int = 0) -> bool:
    """An operand the unit can read as it is (``width``: a signed operand of exactly that many bits,
    a name or ``$signed`` of one, is read as its bits)."""
    if node is None:
        return True
    s = strip(node)
    if _sext_of(an, s) is not None:
        return not (reads(s) & vol)
    if width and getattr(s.type, "isSigned", False) and int(s.type.bitWidth or 0) == width:
        k = type(s).__name__
        if k == "CallExpression" and s.isSystemCall and s.subroutineName == "$signed" and len(s.arguments) == 1:
            a = strip(s.arguments[0])
            return int(getattr(a.type, "bitWidth", 0) or 0) == width and _operand_ok(an, a, vol)
        # any other operand as wide as the signed context: evaluated the same on its own (its text is
        # read through ``$unsigned`` so an unsigned mux or XOR around it does not change it)
        # (as wide on its own, too: ``a >>> 1`` of a narrower ``a`` is only that wide in its context)
        return an.info(s) is not None and not (reads(s) & vol) and self_width(s) == width
    if an.info(s) is None or not _context_safe(s) or getattr(s.type, "isSigned", False):
        return False
    return not (reads(s) & vol)


def _is_atom(node) -> bool:
    return node is None or type(strip(node)).__name__ in _ATOMS


def _sext_of(an: Analysis, s) -> tuple[int, int] | None:
    """(sum width, own width) of a signed name operand a signed sum sign-extends (:func:`_signed_op`)."""
    got = getattr(an, "_share_sext", None)
    return None if not got else got.get(_span_of(an, s))


def _text(an: Analysis, node) -> str:
    if node is None:
        return "1'b0"
    s = strip(node)
    t = an.info(s).text.strip()
    ext = _sext_of(an, s)
    if ext is not None:
        return f"{{{{{ext[0] - ext[1]}{{{t}[{ext[1] - 1}]}}}}, {t}}}"
    if getattr(s.type, "isSigned", False) and type(s).__name__ not in ("IntegerLiteral", "NamedValueExpression"):
        return f"$unsigned({t})"  # (a signed operand of a signed sum as wide as it: its own bits)
    return t


def _key(an: Analysis, node) -> str:
    if node is None:
        return "0"
    ext = _sext_of(an, strip(node))
    return an.info(strip(node)).key + ("" if ext is None else f"#sext{ext[0]}")


def _unit_name(an: Analysis, kind: str) -> str:
    """A fresh unit name; multipliers and comparators get their own prefix, so the units of two groups
    of one module applied together (an adder and a multiplier) never declare the same wires."""
    return _fresh(an.text, {"mul": "rtlopt_shm", "cmp": "rtlopt_shc"}.get(kind, "rtlopt_sh"))


def _unit_names(an: Analysis, kind: str, n: int) -> list[str]:
    """``n`` distinct fresh unit names (one per clique of a group: two cliques without a common
    operation may be applied in one candidate)."""
    base = {"mul": "rtlopt_shm", "cmp": "rtlopt_shc"}.get(kind, "rtlopt_sh")
    out: list[str] = []
    i = 0
    while len(out) < n:
        nm = f"{base}{i}"
        if nm not in an.text:
            out.append(nm)
        i += 1
    return out


def _fresh(text: str, base: str) -> str:
    i = 0
    while f"{base}{i}" in text:
        i += 1
    return f"{base}{i}"


class ExclusiveOperatorSharing(Template):
    """Operations of one kind under pairwise exclusive guards → one shared unit with muxed operands."""

    id = rule = "exclusive_operator_sharing"
    description = ("share one adder/subtractor, multiplier or comparator between operations evaluated under "
                   "mutually exclusive conditions (mux/case/if arms, FSM states), proven disjoint with z3")

    def find(self, an: Analysis) -> list[Match]:
        ops: dict[tuple, list[_Op]] = {}
        folds: dict[tuple, list[_Op]] = {}  # comparisons that may fold into a shared subtractor
        threes: dict[tuple, list[_Op]] = {}  # three-operand sums (``a + b + cin``) as one adder use
        seen: set[tuple[int, int]] = set()
        all_sites = sites(an)
        uses = _use_guards(an, all_sites)
        for site in all_sites:
            # (not for products: a shared multiplier whose value differs from the original product outside
            # the guard needs a sequential algebraic proof that does not finish for 12-bit squares; the
            # adder that reads the products is shared instead, and the operand mux moves into the
            # multiplier as a combinational identity, proven structurally)
            got = _use_guard(an, uses, site) if not _is_product(site.node) else ()
            if got:  # its value lands in a temporary that is read only under these conditions
                site = Site(site.node, got + site.guard, site.block, site.volatile, site.item)
            if not site.guard:
                continue
            op = _op_of(an, site)
            if op is None or (op.start, op.end) in seen:
                continue
            vol = site.volatile
            if guard_reads(site.guard) & vol:
                continue
            sw = op.width if op.signed else 0
            if not (_operand_ok(an, op.x, vol, sw) and _operand_ok(an, op.y, vol, sw)):
                continue
            if any(lit_text(an, g) is None for g in site.guard):
                continue
            seen.add((op.start, op.end))
            t3 = _three(an, op) if not op.signed else None
            if t3 is not None and not all(_operand_ok(an, v, vol) for v in (t3.x, t3.y, t3.ci)):
                t3 = None
            mod = (_module_of(an, op), an.span(site.block.syntax)[0]
                   if isinstance(site.block, ast.SubroutineSymbol) else -1)
            if op.res == "eq" or op.kind == "cmp":
                f = _folded(an, op)
                if f is not None:
                    folds.setdefault(("addsub", mod), []).append(f)
                if op.res in ("eq", "slt"):  # (a signed comparison only folds into a subtractor)
                    continue
            ops.setdefault((op.kind, mod), []).append(op)
            if t3 is not None:
                threes.setdefault(("addsub", mod), []).append(t3)
        idents = _identity_ops(an, all_sites, ops, seen)
        out: list[Match] = []
        reads_ops: dict[tuple, list[_Op]] = {}
        for op in (_read_ops(an, all_sites, seen) if not getattr(an, "_share_follow", False) else []):
            reads_ops.setdefault((op.kind, (_module_of(an, op), -1)), []).append(op)
        for key, rl in reads_ops.items():  # the net's other readers keep it: only extra candidates
            group = (ops.get(key, []) + rl)[:MAX_OPS]
            if len(group) >= 2 and any(not o.read for o in group):
                out.extend(self._groups(an, group, need_read=True))
        for key, tl in threes.items():  # sums with a one-bit third operand: the unit's carry-in
            inner = {(i.start, i.end) for t in tl if (i := an.info(strip(t.site.node.left))) is not None}
            by = {(t.start, t.end): t for t in tl}
            group = [by.get((o.start, o.end), o) for o in ops.get(key, []) if (o.start, o.end) not in inner]
            group = (group + folds.get(key, []))[:MAX_OPS]
            if len(group) >= 2:
                out.extend(self._groups(an, group, three=True))
        for key in list(ops) + [k for k in folds if k not in ops]:
            group = ops.get(key, [])[:MAX_OPS]
            if len(group) >= 2:
                out.extend(self._groups(an, group))
            extra = folds.get(key, [])
            if group and extra:  # the adder's clique grown by exclusive comparisons (borrow / zero flag)
                out.extend(self._groups(an, (group + extra)[:MAX_OPS], need_fold=True))
            lts = [f for f in extra if f.res == "lt"]
            if len(lts) >= 2:
                # exclusive comparisons alone as one subtractor's carry: each in whichever direction
                # (``t > hi`` = carry of ``t + ~hi``, ``t < lo`` = no carry of ``t + ~lo + 1``) needs
                # the fewest operand muxes (the carry-in and the result inversion follow the guard)
                out.extend(_fresh_units(an, m, out) for m in self._groups(an, lts[:MAX_OPS], three=True,
                                                                         lt_only=True))
        for key, extra in idents.items():  # the same groups with the plain-operand arms as adder uses
            group = (ops.get(key, []) + extra)[:MAX_OPS]
            have = {m.edits for m in out}
            got = [m for m in self._groups(an, group) if m.edits not in have
                   and {(o.start, o.end) for o in extra} & set(m.data.get("spans", ()))]
            out.extend(_fresh_units(an, m, out) for m in got)
        # whole trees of sums and products (signed too: ``acc + kx * ex`` in three FSM states) as one unit
        from rtlopt.templates._treeshare import tree_matches
        out.extend(tree_matches(self, an, lambda s: _use_guard(an, uses, s) + s.guard))
        if not getattr(an, "_share_follow", False) and not an.report_only:  # (alternatives only)
            out.extend(self._followups(an, out))
            out.extend(self._product_hoists(an, out))
        return out

    def _product_hoists(self, an: Analysis, out: list[Match]) -> list[Match]:
        """A shared unit whose operand mux selects between products (``acc + p`` / ``acc + q`` in two FSM
        states, ``p = a * a``, ``q = b * b``), offered with the mux moved into one product of muxed
        operands (:mod:`rtlopt.templates._prodmux`) as one candidate: measured alone, the folded squarer
        of one product would win the greedy round and leave two expressions no mux can share."""
        if "*" not in an.text:
            return []
        from rtlopt.templates._prodmux import hoist_product_muxes
        got: list[Match] = []
        for m in [m for m in out if not m.data.get("alternative")][:MAX_TWINS]:
            t1 = self.rewrite(an.text, [m])
            if t1 is None:
                continue
            fresh = set(re.findall(r"\brtlopt_sh\d+_[xy]\b", t1)) - set(re.findall(r"\brtlopt_sh\d+_[xy]\b", an.text))
            if not fresh:
                continue
            try:
                t2 = hoist_product_muxes(t1, "|".join(sorted(fresh)))
            except Exception:  # noqa: BLE001 - an optional follow-up
                continue
            if t2 is None:
                continue
            p = 0
            while p < min(len(t2), len(an.text)) and t2[p] == an.text[p]:
                p += 1
            q = 0
            while q < min(len(t2), len(an.text)) - p and t2[-1 - q] == an.text[-1 - q]:
                q += 1
            edit = Edit(p, len(an.text) - q, t2[p:len(t2) - q])
            if any(g.edits == (edit,) for g in got):
                continue
            got.append(self._m(an, m.start, m.end, f"{m.description.split(': ', 1)[-1]}, the products behind its "
                               "operand mux as one product of muxed operands", [edit], alternative=True))
        return got

    def _followups(self, an: Analysis, out: list[Match]) -> list[Match]:
        """A unit shared by two uses of ONE value (``a + c`` in a sum and ``c + a`` in an arm) followed
        at once by the largest sharing it then enables, as one candidate: which of that and the
        all-in-one unit maps smaller is a measurement a greedy step can misjudge (synthesis noise
        tips it on the operand spelling), so both groupings are offered whatever the spelling."""
        got: list[Match] = []
        for m in [m for m in out if m.data.get("twin")][:MAX_TWINS]:
            t1 = self.rewrite(an.text, [m])
            if t1 is None:
                continue
            an1 = analyze(t1)
            if an1.syntax_errors:
                continue
            an1._share_follow = True
            try:
                nxt = [x for x in self.find(an1) if x.data.get("nops", 0) >= 3][:1]
            except Exception:  # noqa: BLE001 - a follow-up is optional
                continue
            for m1 in nxt:
                t2 = self.rewrite(t1, [m1])
                if t2 is None or t2 == an.text:
                    continue
                p = 0
                while p < min(len(t2), len(an.text)) and t2[p] == an.text[p]:
                    p += 1
                q = 0
                while q < min(len(t2), len(an.text)) - p and t2[-1 - q] == an.text[-1 - q]:
                    q += 1
                edit = Edit(p, len(an.text) - q, t2[p:len(t2) - q])
                if any(g.edits == (edit,) for g in got):
                    continue
                got.append(self._m(an, m.start, m.end, f"{m.description.split(': ', 1)[-1]}, then "
                                   f"{m1.description.split(': ', 1)[-1]}", [edit], alternative=True))
        return got

    def _groups(self, an: Analysis, group: list[_Op], need_fold: bool = False, three: bool = False,
                need_read: bool = False, lt_only: bool = False) -> list[Match]:
        defs = getattr(an, "_net_defs", None)
        if defs is None:
            defs = an._net_defs = net_definitions(an)
        zx = Z3Expr(an, defs=defs)  # decoded-select wires are seen through (``wire is_add = op == 0``)
        gz = [guard_z3(an, zx, o.site.guard) for o in group]
        # an operation whose guard never holds (an arm of ``FRAME_FIFO ? ... : ...`` at FRAME_FIFO = 0, a word
        # read only there) is exclusive with every other one vacuously: synthesis drops it already, and a
        # unit "shared" with it computes one live operation (or rewrites dead logic with the unit's value)
        live = [k for k, g in enumerate(gz) if not unsat(g, timeout_ms=1000)]
        if len(live) < len(group):
            group, gz = [group[k] for k in live], [gz[k] for k in live]
        n = len(group)
        excl = {(i, j) for i, j in combinations(range(n), 2) if unsat(gz[i], gz[j], timeout_ms=1000)}
        # uses of one value (``a < b``, ``a == b`` and ``a - b`` of the same words) may overlap: they read
        # the same unit output (the care-set selects then pick that one form on the union of their guards)
        same = {(i, j) for i, j in combinations(range(n), 2) if (i, j) not in excl
                and _form(an, group[i]) == _form(an, group[j])}
        if three:
            excl |= {(i, j) for i, j in same if group[i].res and group[j].res}
        if not excl:
            return []

        def cliques_of(pairs):
            found: list[tuple[int, ...]] = []
            for s in range(n):
                c = [s]
                for j in range(n):
                    if j != s and all((min(j, k), max(j, k)) in pairs for k in c):
                        c.append(j)
                t = tuple(sorted(c))
                if len(t) >= 2 and t not in found:
                    found.append(t)
            return found

        cliques = cliques_of(excl)
        if same - excl:  # grown by the uses of one value (only kept where the selects can be built)
            cliques = [c for c in cliques_of(excl | same) if any(group[i].res for i in c)] + cliques
            cliques = list(dict.fromkeys(cliques))
        cliques.sort(key=lambda c: (-len(c), c))
        if three:  # only the adder with its own carry-in and side inversions can hold these
            out = []
            tc = [c for c in cliques if lt_only or any(group[i].ci is not None for i in c)][:2]
            for c, name in zip(tc, _unit_names(an, group[0].kind, len(tc)), strict=True):
                m = self._emit(an, zx, [group[i] for i in c], [gz[i] for i in c], name, sides=True)
                if m is not None:
                    out.append(m)
            return out
        if need_read:  # only cliques with a guarded read of a net that other readers keep
            cliques = [c for c in cliques if any(group[i].read for i in c)
                       and len({_form(an, group[i]) for i in c}) > 1]
        if need_fold:  # only cliques that fold a comparison into at least two arithmetic uses
            cands = [c for c in cliques if any(group[i].res for i in c)
                     and sum(1 for i in c if not group[i].res) >= 1][:2]
        elif need_read:
            cands = cliques[:2]
        else:
            cands = cliques[:3]
            pairs = sorted(excl, key=lambda p: (-_affinity(an, group[p[0]], group[p[1]]), p))
            for p in pairs[:MAX_PAIRS]:
                if p not in cands:
                    cands.append(p)
        out = []
        names = _unit_names(an, group[0].kind, len(cands))  # (disjoint cliques may be applied together)
        ncliques = len(cands) if need_fold else min(3, len(cliques))
        for k, c in enumerate(cands):
            name = names[k]
            m = self._emit(an, zx, [group[i] for i in c], [gz[i] for i in c], name)
            if m is not None:
                out.append(m)
                if not m.data.get("care") and len(c) == 2 and not an.report_only:
                    # the other operation's own literals as the select (an alternative, measured)
                    mr = self._emit(an, zx, [group[i] for i in c], [gz[i] for i in c], name, reverse=True)
                    if mr is not None and all(mr.edits != x.edits for x in out):
                        out.append(mr)
            if k < ncliques and m is not None and m.data.get("care"):
                # the same unit with every select exactly the OR of its operations' guards (0 outside
                # them, not minimised over the don't-cares): which of the two the synthesiser maps
                # smaller (it shares the decode with the rest of the design) is left to measurement
                m2 = self._emit(an, zx, [group[i] for i in c], [gz[i] for i in c], name, exact=True)
                if m2 is not None and m2.edits != m.edits:
                    out.append(m2)
            if an.report_only:
                continue  # (m4 and m3 below are alternatives: a report of places discards them)
            if k < ncliques and m is not None and m.data.get("care") and len(c) > 2:
                # exact on the side with fewer operations (the decode the rest of the design needs)
                m4 = self._emit(an, zx, [group[i] for i in c], [gz[i] for i in c], name, exact="small")
                if m4 is not None and m4.edits != m.edits and all(m4.edits != x.edits for x in out):
                    out.append(m4)
            if k < ncliques and m is not None and m.data.get("care") and not need_fold \
                    and any(group[i].inv for i in c):
                # the same adder with each side inverted on its own (no operand swap for b - a)
                m3 = self._emit(an, zx, [group[i] for i in c], [gz[i] for i in c], name, sides=True)
                if m3 is not None and m3.edits != m.edits:
                    out.append(m3)
        return out

    def _emit(self, an: Analysis, zx: Z3Expr, ops: list[_Op], gz: list, name: str,
              exact: bool = False, sides: bool = False, reverse: bool = False) -> Match | None:
        kind = ops[0].kind
        care = _care_points(an, zx, ops, gz)
        if exact and care is None:
            return None
        if sides and (care is None or kind != "addsub"):
            return None
        if not sides and any(o.ci is not None for o in ops):
            return None
        universe = set(range(1 << len(care[0]))) if exact else None
        small = exact == "small"  # each select exact on whichever side has fewer operations
        if care is not None:  # select logic minimised over the care set of the select bits
            bits, pts = care
            sel_t: list[str] = []
        else:
            if reverse and care is None and len(ops) == 2:
                got = _text_selectors(an, zx, ops, gz, reverse=True)
            elif reverse:
                return None
            else:
                got = _text_selectors(an, zx, ops, gz)
            if got is None:
                return None
            order, sel_t = got
            ops = [ops[i] for i in order]
        xs, ys = _orient(an, ops)
        width = max(o.width for o in ops)
        if kind == "cmp" and any(not (_is_atom(x) and _is_atom(y)) and o.width != width
                                 for o, x, y in zip(ops, xs, ys, strict=True)):
            return None

        def mux_width(vals, ow):
            if not all(_is_atom(v) for v in vals):
                return ow
            ws = [1 if v is None else self_width(strip(v)) for v in vals]
            return None if None in ws else max(ws)

        lines = []
        operands = []
        for tag, vals in (() if sides else (("x", xs), ("y", ys))):
            keys = [_key(an, v) for v in vals]
            if len(set(keys)) == 1:
                operands.append(paren(_text(an, vals[0])))
                continue
            mw = mux_width(vals, width)
            if mw is None:
                return None
            if kind == "addsub" and all(_const_operand(an, o) for o in ops) \
                    and any(v is not None and _const_of(an, v) is None for v in vals) \
                    and len({_mask_base(an, v) for v in vals}) > 1:
                # incrementers cost about what a word mux sharing them would; not when the operands are
                # one word under constant masks (``a``, ``a & ~1``, ``a & ~3``): that mux is an AND per bit
                return None
            chain = _min_chain(an, vals, pts, bits, universe, small) if care is not None \
                else _chain(an, vals, sel_t)
            if chain is None:
                return None
            w = f"{name}_{tag}"
            lines.append(f"wire [{mw - 1}:0] {w} = {chain};")
            operands.append(w)
        x, y = operands if not sides else ("", "")
        if sides:
            got = _sides_unit(an, ops, pts, bits, universe, name, width)
            if got is None:
                return None
            lines, core, uw, alt = got
            lines.append(f"wire [{uw - 1}:0] {name} = {core};")
            repl = []
            for k, o in enumerate(ops):
                if o.res == "lt":  # (the complemented form reads ``!(x < y)``)
                    repl.append(f"{'!' if o.neg != (k in alt) else ''}{name}[{o.width}]")
                elif o.res == "slt":
                    repl.append(f"{'~' if o.neg else ''}({name}[{o.width}] ^ {_sign_bits(an, o)})")
                elif o.res == "eq":
                    repl.append(f"{'|' if o.neg else '~|'}{name}[{o.width - 1}:0]")
                else:
                    repl.append(name if o.width == uw else f"{name}[{o.width - 1}:0]")
        elif kind == "addsub":
            inv = [o.inv for o in ops]
            uw = max([width] + [o.width + 1 for o in ops if o.res in ("lt", "slt")])  # + the borrow bit
            if all(inv):
                core = f"{x} - {y}"
            elif not any(inv):
                core = f"{x} + {y}"
            else:
                if care is not None:
                    on = set().union(*[p for p, v in zip(pts, inv, strict=True) if v])
                    off = set().union(*[p for p, v in zip(pts, inv, strict=True) if not v])
                    if small and sum(inv) > len(inv) - sum(inv):
                        got = minimize(universe - off, off, bits)  # 1 but under the additions' guards
                    else:
                        got = minimize(on, universe - on if universe is not None else off, bits)
                    if got is None:
                        return None
                    cin = got[0]
                else:
                    k = len(ops) - 1
                    firsts = [s for s, v in zip(sel_t[:k], inv[:k], strict=True) if v != inv[-1]]
                    cin = _or(firsts)
                    if inv[-1]:
                        cin = f"!{paren(cin)}"
                lines.append(f"wire {name}_sub = {cin};")
                core = f"{x} + ({y} ^ {{{uw}{{{name}_sub}}}}) + {name}_sub"
            lines.append(f"wire [{uw - 1}:0] {name} = {core};")
            repl = []
            for o in ops:
                if o.res == "lt":
                    repl.append(f"{'!' if o.neg else ''}{name}[{o.width}]")
                elif o.res == "slt":
                    repl.append(f"{'~' if o.neg else ''}({name}[{o.width}] ^ {_sign_bits(an, o)})")
                elif o.res == "eq":
                    repl.append(f"{'|' if o.neg else '~|'}{name}[{o.width - 1}:0]")
                else:
                    repl.append(name if o.width == uw else f"{name}[{o.width - 1}:0]")
        elif kind == "mul":
            lines.append(f"wire [{width - 1}:0] {name} = {x} * {y};")
            repl = [name if o.width == width else f"{name}[{o.width - 1}:0]" for o in ops]
        else:
            lines.append(f"wire {name} = {x} < {y};")
            repl = [f"!{name}" if o.inv else name for o in ops]
        sub = ops[0].site.block if isinstance(ops[0].site.block, ast.SubroutineSymbol) else None
        if sub is not None:  # inside a function / task: local variables computed first in its body
            stmts = [it for it in sub.syntax.items if "Statement" in type(it).__name__]
            if not stmts:
                return None
            pos, end = an.span(stmts[0])[0], an.span(stmts[-1])[1]
        else:
            # declarations go before the first module item that uses the unit
            pos = min(o.site.item[0] for o in ops)
        # everything the unit reads must be declared before that point
        used = set()
        for o in ops:  # (care-set selects read no guard literal over data words)
            used |= reads(o.site.node) | {k for v in (o.x, o.y) if v is not None for k in reads(strip(v))} \
                | guard_reads(tuple(g for g in o.site.guard
                                                           if care is None or not _wide_lit(an, zx, g)))
        for sym_key in used:
            if sym_key[1] >= pos:
                return None
        ls = an.text.rfind("\n", 0, pos) + 1
        indent = an.text[ls:pos] if not an.text[ls:pos].strip() else ""
        if sub is None:
            edits = [Edit(pos, pos, "".join(f"{ln}\n{indent}" for ln in lines))]
        else:
            decls, stmts_t = [], []
            for ln in lines:
                m = re.fullmatch(r"wire (\[[^\]]*\] )?(\w+) = (.*);", ln, re.S)
                if m is None:
                    return None
                decls.append(f"reg {m.group(1) or ''}{m.group(2)};")
                stmts_t.append(f"{m.group(2)} = {m.group(3)};")
            head = "".join(f"{d}\n{indent}" for d in decls) + "begin\n" + \
                "".join(f"{indent}  {st}\n" for st in stmts_t) + indent
            edits = [Edit(pos, pos, head), Edit(end, end, f"\n{indent}end")]
        # (case items that now hold the same statement are merged by case_item_merge, measured on its own)
        repl = [f"$signed({r})" if o.signed and not o.res else r for o, r in zip(ops, repl, strict=True)]
        gone, merge_edits = _merge_ifs(an, list(zip(ops, repl, strict=True)))
        edits.extend(merge_edits)
        for o, r in zip(ops, repl, strict=True):
            if (o.start, o.end) not in gone:
                if r[:1] in "!~" and an.text[o.start:o.start + 1] == "(":
                    r = f"({r})"  # (the operation's own parentheses: ``!(a >= b)`` stays ``!(!u)``, not ``!!u``)
                edits.append(Edit(o.start, o.end, r))
        first = min(ops, key=lambda o: o.start)
        what = {"addsub": "adder/subtractor", "mul": "multiplier", "cmp": "comparator"}[kind]
        return self._m(an, first.start, first.end,
                       f"one {width}-bit {what} shared by {len(ops)} exclusive operations "
                       f"({', '.join(an.text[o.start:o.end].strip() for o in ops[:4])}{', ...' if len(ops) > 4 else ''})"
                       f"{', selects exactly the guards' if exact is True else ''}"
                       f"{', selects exactly the fewer guards' if small else ''}"
                       f"{', each side inverted on its own' if sides else ''}"
                       f"{', selected by the last guard' if reverse else ''}", edits, care=care is not None,
                       nops=len(ops), spans=tuple((o.start, o.end) for o in ops), twin=len(ops) == 2 and _value_form(an, ops[0]) == _value_form(an, ops[1]),
                       **({"alternative": True} if sides or small or reverse else {}))


def _sides_unit(an: Analysis, ops: list[_Op], pts: list[set[int]], bits: list[str], universe: set[int] | None,
                name: str, width: int) -> tuple[list[str], str, int, frozenset] | None:
    """One adder ``(X ^ {W{ix}}) + (Y ^ {W{iy}}) + ci`` for additions, subtractions and increments:
    every operation is a sum of two terms (``p - q`` is ``p + ~q + 1``, ``p + 1`` is ``p + 0 + 1``,
    ``p - 1`` is ``p + ~0``), each term may sit on either side (the sum commutes), and each side has its
    own inversion select. ``b - a`` next to ``a + b`` and ``a - b`` then needs no operand mux at all
    (``~a + b + 1``): only the inversions and the carry-in change with the operation."""
    terms: list[list[tuple]] = []  # per op: two (node, inverted), and the carry-in
    cins: list = []  # per op: True / False, or (one-bit node, inverted) for a three-operand sum
    width = max([o.width for o in ops if not o.res] or [0])
    uw = max([width] + [o.width + (o.res in ("lt", "slt")) for o in ops if o.res])  # + the borrow bit of ``lt``
    zx = any(o.ci is not None or o.res for o in ops)  # ``{1'b0, a}`` is ``a`` inside the unit
    for o in ops:
        t = [(_zext_base(an, o.x) if zx else o.x, False), (_zext_base(an, o.y) if zx else o.y, o.inv)]
        if zx:  # a zero operand is no operand (one key for ``1'b0`` and ``17'd0``)
            t = [(None if n is not None and _const_of(an, n) == 0 else n, i) for n, i in t]
        cin = o.inv if o.ci is None else (o.ci, o.ci_inv)
        for k in (0, 1):
            node, inv = t[k]
            other = t[1 - k][0]
            c = _const_of(an, node) if node is not None else None
            if c == 1 and other is not None and _const_of(an, other) is None:
                if not inv:  # p + 1
                    t[k], cin = (None, False), True
                else:  # p - 1 = p + ~0
                    t[k], cin = (None, True), False
        terms.append(t)
        cins.append(cin)
    # ``x < y`` (the borrow of ``x + ~y + 1``) is also the complemented carry of ``y + ~x + 0`` (``y <= x``
    # negated): one comparison per guard with the operands and the carry-in chosen so the muxes shrink
    # (``t > hi`` / ``t < lo`` in exclusive states: ``t + ~(s ? lo : hi) + s``, no mux on ``t``)
    alts = {i: [(terms[i][1][0], False), (terms[i][0][0], True)] for i, o in enumerate(ops)
            if o.res == "lt" and o.ci is None and cins[i] is True and not terms[i][0][1] and terms[i][1][1]
            and None not in (terms[i][0][0], terms[i][1][0])}
    base = list(terms)

    def chosen(alt: frozenset) -> list:
        return [alts[i] if i in alt else base[i] for i in range(len(ops))]

    def cost(flip: frozenset, alt: frozenset = frozenset()) -> tuple:
        tt = chosen(alt)
        ks = [tuple(_key(an, n) for n, _i in t) for t in tt]
        kx = {ks[i][1] if i in flip else ks[i][0] for i in range(len(ops))}
        ky = {ks[i][0] if i in flip else ks[i][1] for i in range(len(ops))}
        ix = {tt[i][1][1] if i in flip else tt[i][0][1] for i in range(len(ops))}
        iy = {tt[i][0][1] if i in flip else tt[i][1][1] for i in range(len(ops))}
        # distinct values per operand mux (a zero is only a mask: half a value), then the sides whose
        # inversion changes with the operation (an XOR per bit)
        return sum(len(k - {"0"}) + 0.5 * ("0" in k) for k in (kx, ky)), len(ix) + len(iy), len(flip), len(alt)

    best: tuple[frozenset, frozenset] | None = None
    for am in range(1 << len(alts)) if len(alts) <= 4 else (0,):
        alt = frozenset(i for b, i in enumerate(sorted(alts)) if am >> b & 1)
        keys = [tuple(_key(an, n) for n, _i in t) for t in chosen(alt)]
        free = [i for i in range(len(ops)) if keys[i][0] != keys[i][1]]
        if len(free) <= MAX_ORIENT:
            flip = min((frozenset(i for b, i in enumerate(free) if m >> b & 1) for m in range(1 << len(free))),
                       key=lambda f, alt=alt: (cost(f, alt), sorted(f)))
        else:  # greedy: turn one operation at a time while the operand muxes shrink
            flip = frozenset()
            while True:
                nxt = min((flip ^ {i} for i in free), key=lambda f, alt=alt: (cost(f, alt), sorted(f)))
                if cost(nxt, alt) >= cost(flip, alt):
                    break
                flip = nxt
        if best is None or cost(flip, alt) < cost(*best):
            best = (flip, alt)
    flip, alt = best
    terms = chosen(alt)
    cins = [False if i in alt else c for i, c in enumerate(cins)]
    xs = [terms[i][1] if i in flip else terms[i][0] for i in range(len(ops))]
    ys = [terms[i][0] if i in flip else terms[i][1] for i in range(len(ops))]
    if not any(i for _n, i in xs) and not any(i for _n, i in ys) and all(isinstance(c, bool) for c in cins):
        return None  # no inversion at all: the plain unit covers it
    lines: list[str] = []
    sides: list[str] = []
    for tag, side in (("x", xs), ("y", ys)):
        vals = [n for n, _i in side]
        if len({_key(an, v) for v in vals}) == 1:
            v = paren(_text(an, vals[0]))
        else:
            if not all(_is_atom(v) for v in vals):
                return None
            chain = _min_chain(an, vals, pts, bits, universe)
            if chain is None:
                return None
            v = f"{name}_{tag}"
            lines.append(f"wire [{uw - 1}:0] {v} = {chain};")
        inv = _flag([i for _n, i in side], pts, bits, universe)
        if inv is None:
            return None
        if inv == "1'b1":
            sides.append(f"~{v}" if v != "1'b0" else f"{{{uw}{{1'b1}}}}")
        elif inv == "1'b0":
            sides.append(v)
        else:
            lines.append(f"wire {name}_i{tag} = {inv};")
            sides.append(f"({v} ^ {{{uw}{{{name}_i{tag}}}}})")
    if all(isinstance(c, bool) for c in cins):
        ci = _flag(cins, pts, bits, universe)
    else:  # a mux of 0 / 1 / the one-bit operands (inverted for ``x - y - c``)
        vals = []
        for c in cins:
            if isinstance(c, bool):
                vals.append(("1" if c else "0", "1'b1" if c else "1'b0"))
            else:
                t = paren(_text(an, c[0]))
                vals.append((("~" if c[1] else "") + _key(an, c[0]), f"~{t}" if c[1] else t))
        ci = _text_chain(vals, pts, bits, universe)
    if ci is None:
        return None
    if ci not in ("1'b0", "1'b1"):
        lines.append(f"wire {name}_ci = {ci};")
        ci = f"{name}_ci"
    core = " + ".join(sides) + ("" if ci == "1'b0" else f" + {ci}")
    return lines, core, uw, alt


def _text_chain(vals: list[tuple[str, str]], pts: list[set[int]], bits: list[str],
                universe: set[int] | None) -> str | None:
    """``f1 ? v1 : f2 ? v2 : vN`` over distinct (key, text) values, each select minimised over the
    care set (1 where its value is used, 0 where a later one is); the cheapest order of the values."""
    distinct = list(dict.fromkeys(k for k, _t in vals))
    text = dict(vals)
    on = {k: set().union(*[p for p, (kk, _t) in zip(pts, vals, strict=True) if kk == k]) for k in distinct}
    best = None
    for perm in (permutations(distinct) if len(distinct) <= 4 else [tuple(distinct)]):
        cost, sels = 0.0, []
        for i, k in enumerate(perm[:-1]):
            later = set().union(*[on[k2] for k2 in perm[i + 1:]])
            got = minimize(on[k], later if universe is None else universe - on[k], bits)
            if got is None:
                break
            sels.append(got[0])
            cost += got[1]
        else:
            if best is None or cost < best[0]:
                best = (cost, perm, sels)
    if best is None:
        return None
    _c, perm, sels = best
    return _select_chain(text, perm, sels)


def _select_chain(text, perm, sels: list[str]) -> str:
    """``sel_0 ? v_0 : sel_1 ? v_1 : ... : v_last`` over the values in ``perm`` order (a constant-1 select
    ends the chain there, a constant-0 one drops its value)."""
    chain = paren(text[perm[-1]])
    for k, sel in reversed(list(zip(perm[:-1], sels, strict=True))):
        if sel == "1'b1":
            chain = paren(text[k])
        elif sel != "1'b0":
            chain = f"{sel} ? {paren(text[k])} : {chain}"
    return chain


def _flag(flags: list[bool], pts: list[set[int]], bits: list[str], universe: set[int] | None) -> str | None:
    """A select that is 1 under the guards of the operations with ``flags`` set, 0 under the others."""
    if all(flags):
        return "1'b1"
    if not any(flags):
        return "1'b0"
    on = set().union(*[p for p, f in zip(pts, flags, strict=True) if f])
    off = universe - on if universe is not None else set().union(*[p for p, f in zip(pts, flags, strict=True)
                                                                    if not f])
    got = minimize(on, off, bits)
    return None if got is None else got[0]


def _text_selectors(an: Analysis, zx: Z3Expr, ops: list[_Op], gz: list,
                    reverse: bool = False) -> tuple[list[int], list[str]] | None:
    """Order of the operations and the text of their selectors, from their guard literals (each
    selector holds under its own guard and every earlier one is false under it), or None.
    ``reverse``: the operation with the most complex guard first (``else if (a > b)`` after
    ``if (a < b)``: its own ``a > b`` is the selector once the literals the others exclude anyway are
    dropped, and a comparator the design computes anyway picks the operands)."""
    kind = ops[0].kind
    # selectors: guard literals not common to the whole group
    common = set.intersection(*[{(g.kind, g.key, g.positive) for g in o.site.guard} for o in ops])
    rest = [[g for g in o.site.guard if (g.kind, g.key, g.positive) not in common] for o in ops]
    if any(not r for r in rest[:-1]) and sum(1 for r in rest if not r) > 1:
        return None
    # the operation with the most complex selector goes last (it needs none)
    order = sorted(range(len(ops)), key=lambda i: (sum(len(lit_text(an, g) or "") for g in rest[i]), i))
    if reverse:
        if any(not r for r in rest):
            return None
        order = order[::-1]
    last = order[-1]
    sel_z = [z3.And(*[lit_z3(an, zx, g, as_text=True) for g in r]) if r else z3.BoolVal(True) for r in rest]
    sel_t = [" && ".join(lit_text(an, g) for g in r) for r in rest]
    if kind == "addsub":  # subtractions first or last, so the carry-in is one OR of selectors
        invs = [i for i in order[:-1] if ops[i].inv]
        plain = [i for i in order[:-1] if not ops[i].inv]
        order = (invs + plain if not ops[last].inv else plain + invs) + [last]
    for pos, j in enumerate(order[:-1]):  # drop selector literals later operations never need
        lits = list(rest[j])
        for g in list(lits):
            if len(lits) < 2:
                break
            trial = [h for h in lits if h is not g]
            tz = z3.And(*[lit_z3(an, zx, h, as_text=True) for h in trial])
            if all(unsat(gz[i], tz, timeout_ms=1000) for i in order[pos + 1:]):
                lits = trial
        rest[j] = lits
        sel_z[j] = z3.And(*[lit_z3(an, zx, h, as_text=True) for h in lits]) if lits else z3.BoolVal(True)
        sel_t[j] = " && ".join(lit_text(an, h) for h in lits)
    for pos, i in enumerate(order):
        for j in order[:pos]:
            if not unsat(gz[i], sel_z[j], timeout_ms=1000):
                return None
        if pos < len(order) - 1 and not unsat(gz[i], z3.Not(sel_z[i]), timeout_ms=1000):
            return None
    return order, [sel_t[i] for i in order]


def _or(sels: list[str]) -> str:
    return sels[0] if len(sels) == 1 else " || ".join(paren(s) for s in sels)


def _chain(an: Analysis, vals: list, sels: list[str]) -> str:
    """``s1 ? v1 : s2 ? v2 : vN`` with runs of equal values merged (``(s1 || s2) ? v : ...``) and a
    tail of entries equal to the last value dropped; exact because each selector is only relied on
    under its operation's guard, where every earlier selector is false."""
    keys = [_key(an, v) for v in vals]
    entries: list[tuple[list[str], str, str]] = []  # (selectors, key, text)
    for v, k, s in zip(vals[:-1], keys[:-1], sels[:-1], strict=True):
        if entries and entries[-1][1] == k:
            entries[-1][0].append(s)
        else:
            entries.append(([s], k, _text(an, v)))
    while entries and entries[-1][1] == keys[-1]:
        entries.pop()
    chain = paren(_text(an, vals[-1]))
    for ss, _k, t in reversed(entries):
        chain = f"{_or(ss)} ? {paren(t)} : {chain}"
    return chain


def _module_of(an: Analysis, op: _Op) -> int:
    syn = op.site.node.syntax
    while syn.parent is not None and type(syn).__name__ != "ModuleDeclarationSyntax":
        syn = syn.parent
    return an.span(syn)[0]


def _affinity(an: Analysis, a: _Op, b: _Op) -> int:
    ka = {_key(an, a.x), _key(an, a.y)}
    kb = {_key(an, b.x), _key(an, b.y)}
    return len(ka & kb) * 2 + (a.width == b.width)


#: Commutative operations whose orientations are all tried (2**n); more are turned greedily.
MAX_ORIENT = 8


def _orient(an: Analysis, ops: list[_Op]) -> tuple[list, list]:
    """Operand lists with every commutative operation turned so the two operand muxes see as few
    distinct values as possible. Independent of how each operation was spelled (``b + a`` vs
    ``a + b``) and of the order of the operations: the non-commutative ones fix their sides, the
    commutative ones are then oriented jointly (exhaustively for a few, else greedily)."""
    keys = [(_key(an, o.x), _key(an, o.y)) for o in ops]
    free = [i for i, o in enumerate(ops) if o.commutative and keys[i][0] != keys[i][1]]

    const = [(o.x is not None and _const_of(an, o.x) is not None, _const_of(an, o.y) is not None) for o in ops]

    def cost(flip: set[int]) -> tuple[int, int, int]:
        kx = {keys[i][1] if i in flip else keys[i][0] for i in range(len(ops))}
        ky = {keys[i][0] if i in flip else keys[i][1] for i in range(len(ops))}
        cx = {const[i][1] if i in flip else const[i][0] for i in range(len(ops))}
        cy = {const[i][0] if i in flip else const[i][1] for i in range(len(ops))}
        # fewest mux inputs, then constants on one side (a mux of constants is a small decode), then the
        # spelling as written
        return len(kx) + len(ky), len(cx) + len(cy), len(flip)

    if len(free) <= MAX_ORIENT:
        best = min((frozenset(i for b, i in enumerate(free) if m >> b & 1) for m in range(1 << len(free))),
                   key=lambda f: (cost(set(f)), sorted(f)))
        flip = set(best)
    else:
        flip = set()
        for i in free:  # greedy, fixed operations first (they are in ``keys`` already)
            if cost(flip | {i}) < cost(flip):
                flip.add(i)
    xs = [o.y if i in flip else o.x for i, o in enumerate(ops)]
    ys = [o.x if i in flip else o.y for i, o in enumerate(ops)]
    return xs, ys


#: Select bits enumerated for the care set of a shared unit's operand muxes.
MAX_CARE_BITS = 8


def _care_points(an: Analysis, zx: Z3Expr, ops: list[_Op], gz: list,
                 through_nets: bool = False) -> tuple[list[str], list[set[int]]] | None:
    """The select bits the guards read (``op[0]``, ``op[1]``, ``mode``; module-level named signals
    only, at most :data:`MAX_CARE_BITS` bits) and, per operation, the set of bit combinations under
    which its guard holds; None when a guard reads anything else. ``through_nets``: the bits may
    also be signals the guards read through net definitions (``wire wr_go = wr_req && !rd_req``)."""
    syms: dict = {}
    if through_nets:
        for x in an.symbols:
            if isinstance(x, (ast.NetSymbol, ast.VariableSymbol)):
                syms.setdefault(skey(x), x)
    if any(_wide_lit(an, zx, g) for o in ops for g in o.site.guard):
        # a literal over data words (``!(a < b)``) is dropped from its guard: the weaker guard holds
        # wherever the real one does, so selects right on it are right on the real guard (and when
        # the weakened guards of different forms overlap there is no care set: None below)
        kept = [tuple(g for g in o.site.guard if not _wide_lit(an, zx, g)) for o in ops]
        gz = [guard_z3(an, zx, k) for k in kept]
        ops = [_Op(**{**o.__dict__, "site": Site(o.site.node, k, o.site.block, o.site.volatile, o.site.item)})
               for o, k in zip(ops, kept, strict=True)]
    for o in ops:
        for g in o.site.guard:
            node = g.node if g.kind == "cond" else g.node.expr

            def visit(n):
                if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression":
                    syms[skey(n.symbol)] = n.symbol
                return True

            strip(node).visit(visit)
            if g.kind == "case":
                for it in g.node.items:
                    for x in it.expressions:
                        strip(x).visit(visit)
    rev = {v.decl().name(): kw for kw, v in zx.vars.items()}
    found: dict[str, object] = {}
    todo, seen = list(gz), set()
    while todo:
        t = todo.pop()
        if t.get_id() in seen:
            continue
        seen.add(t.get_id())
        if z3.is_const(t) and t.decl().kind() == z3.Z3_OP_UNINTERPRETED:
            found[t.decl().name()] = t
        todo.extend(t.children())
    part = _bits_read(gz)  # a wide word read only through bit selects (``instr[6:0]``): only those bits
    bits: list[str] = []
    slots: list[tuple[object, int]] = []  # (z3 var, bit)
    for nm in sorted(found):
        kw = rev.get(nm)
        if kw is None:
            return None
        key, w = kw
        sym = syms.get(key) if isinstance(key, tuple) and len(key) == 2 and isinstance(key[1], int) else None
        if sym is None or getattr(sym.type, "isSigned", False):
            return None
        t = sym.type
        if w == 1 and not t.hasFixedRange:
            names = [sym.name]
        elif t.hasFixedRange:
            hi, lo = int(t.fixedRange.left), int(t.fixedRange.right)
            if hi < lo or hi - lo + 1 != w:
                return None
            names = [sym.name] if w == 1 and str(sym.syntax.parent).find("[") < 0 else \
                [f"{sym.name}[{lo + i}]" for i in range(w)]
        else:
            return None
        sub = part.get(nm)
        for i, bn in enumerate(names):
            if sub is not None and len(names) == w and i not in sub:
                continue  # (never read: 0 in every point, any value is the same there)
            bits.append(bn)
            slots.append((found[nm], i))
        if len(bits) > MAX_CARE_BITS:
            return None
    pts: list[set[int]] = [set() for _ in ops]
    for p in range(1 << len(bits)):
        vals: dict = {}
        for i, (var, b) in enumerate(slots):
            vals[var.get_id()] = vals.get(var.get_id(), (var, 0))
            if p >> i & 1:
                vals[var.get_id()] = (var, vals[var.get_id()][1] | (1 << b))
        subs = [(var, z3.BitVecVal(v, var.size())) for var, v in vals.values()]
        for i, g in enumerate(gz):
            r = z3.simplify(z3.substitute(g, *subs)) if subs else z3.simplify(g)
            if z3.is_true(r):
                pts[i].add(p)
            elif not z3.is_false(r):
                return None
    forms = [_form(an, o) for o in ops]
    if any(pts[i] & pts[j] and forms[i] != forms[j] for i, j in combinations(range(len(ops)), 2)):
        return None
    return bits, pts


def _bits_read(terms: list) -> dict[str, set[int]]:
    """Per z3 variable read only through ``Extract``: the bit positions read (absent: read whole)."""
    part: dict[str, set[int]] = {}
    whole: set[str] = set()
    seen: set[int] = set()
    todo = list(terms)
    while todo:
        t = todo.pop()
        if t.get_id() in seen:
            continue
        seen.add(t.get_id())
        if z3.is_app(t) and t.decl().kind() == z3.Z3_OP_EXTRACT and z3.is_const(t.arg(0)) \
                and t.arg(0).decl().kind() == z3.Z3_OP_UNINTERPRETED:
            hi, lo = t.params()
            part.setdefault(t.arg(0).decl().name(), set()).update(range(lo, hi + 1))
            continue
        if z3.is_const(t) and t.decl().kind() == z3.Z3_OP_UNINTERPRETED:
            whole.add(t.decl().name())
        todo.extend(t.children())
    return {k: v for k, v in part.items() if k not in whole}


def _wide_lit(an: Analysis, zx: Z3Expr, g) -> bool:
    """A guard literal over more than :data:`MAX_CARE_BITS` bits of signals (a data compare, also when
    written through a decode wire: ``wire under = x < y``). Kept per literal on ``zx``: the answer
    counts bits only (a fresh variable for an unmodelled value has the same width every time), and
    one search asks it for every guard literal of every candidate unit (hundreds of z3 translations
    of the same literals in a FIFO)."""
    memo = zx.__dict__.setdefault("_wide_lits", {})
    try:
        got = memo.get(g)
    except TypeError:  # a literal that cannot be hashed: computed every time
        return _wide_lit_uncached(an, zx, g)
    if got is None:
        got = memo[g] = _wide_lit_uncached(an, zx, g)
    return got


def _wide_lit_uncached(an: Analysis, zx: Z3Expr, g) -> bool:
    gt = guard_z3(an, zx, (g,))
    part = _bits_read([gt])  # (``instr[6:0] == OP``: 7 bits of a 32-bit word)
    todo, seen, total = [gt], set(), 0
    while todo:
        t = todo.pop()
        if t.get_id() in seen:
            continue
        seen.add(t.get_id())
        if z3.is_const(t) and t.decl().kind() == z3.Z3_OP_UNINTERPRETED:
            total += len(part[t.decl().name()]) if t.decl().name() in part else t.size() if z3.is_bv(t) else 1
        todo.extend(t.children())
    return total > MAX_CARE_BITS


def _min_chain(an: Analysis, vals: list, pts: list[set[int]], bits: list[str],
               universe: set[int] | None = None, small: bool = False) -> str | None:
    """``f1 ? v1 : f2 ? v2 : vN`` over the distinct operand values, each ``f`` minimised over the
    care set (1 where its value is used, 0 where a later value is, free elsewhere); the order of the
    values with the fewest select literals is kept."""
    keys = [_key(an, v) for v in vals]
    distinct = list(dict.fromkeys(keys))
    text = {k: _text(an, v) for k, v in zip(keys, vals, strict=True)}
    on = {k: set().union(*[p for p, kk in zip(pts, keys, strict=True) if kk == k]) for k in distinct}
    best: tuple[int, tuple, list[str]] | None = None
    perms = permutations(distinct) if len(distinct) <= 4 else [tuple(distinct)]
    for perm in perms:
        cost, sels = 0, []
        for i, k in enumerate(perm[:-1]):
            later = set().union(*[on[k2] for k2 in perm[i + 1:]])
            off = later if universe is None else universe - on[k]
            ons = on[k]
            if small and universe is not None and \
                    sum(keys.count(k2) for k2 in perm[i + 1:]) < keys.count(k):
                ons, off = universe - later, later  # 1 but under the later values' guards
            got = minimize(ons, off, bits)
            if got is None:
                break
            sels.append(got[0])
            cost += got[1] + 0.1 * got[0].count("~")  # positive selects read better
        else:
            if best is None or cost < best[0]:
                best = (cost, perm, sels)
    if best is None:
        return None
    _cost, perm, sels = best
    return _select_chain(text, perm, sels)


def _merge_ifs(an: Analysis, pairs: list) -> tuple[set, list[Edit]]:
    """Consecutive ``if (c_i) y = <op_i>;`` statements (no ``else``) whose assignments become the
    same ``y = shared;``: one ``if ((c1) || (c2) || ...)``. Exact because the assignment is
    idempotent (its value is a module-level wire) and the conditions read nothing the block assigns
    (checked for every shared operation's guard)."""
    by_cond = {}
    for st, s0, e0 in an.statements:
        if type(st).__name__ == "ConditionalStatement" and st.ifFalse is None and len(st.conditions) == 1:
            c = an.info(st.conditions[0].expr)
            if c is not None:
                by_cond[(c.start, c.end)] = (st, s0, e0)
    cands = []
    for o, r in pairs:
        lit = o.site.guard[-1] if o.site.guard else None
        if lit is None or lit.kind != "cond" or not lit.positive:
            continue
        c = an.info(lit.node)
        hit = by_cond.get((c.start, c.end)) if c is not None else None
        if hit is None:
            continue
        st, s0, e0 = hit
        body = an.span(st.ifTrue.syntax)
        a = o.site.node
        asg = [x for x in an.exprs if type(x.node).__name__ == "AssignmentExpression"
               and body[0] <= x.start and x.end <= body[1]]
        if len(asg) != 1 or an.info(strip(asg[0].node.right)) is None:
            continue
        rhs = an.info(strip(asg[0].node.right))
        if (rhs.start, rhs.end) != (o.start, o.end) or a is None:
            continue
        new_body = re.sub(r"\s+", " ", an.text[body[0]:o.start] + r + an.text[o.end:body[1]]).strip()
        par = st.syntax.parent
        cands.append((s0, e0, c, new_body, o, (type(par).__name__, an.span(par) if par is not None else None)))
    cands.sort(key=lambda t: t[0])
    gone: set = set()
    edits: list[Edit] = []
    i = 0
    while i < len(cands):
        j = i
        while j + 1 < len(cands) and cands[j + 1][3] == cands[i][3] and cands[j + 1][5] == cands[i][5] \
                and not an.text[cands[j][1]:cands[j + 1][0]].strip():  # siblings, nothing in between
            j += 1
        if j > i:
            run = cands[i:j + 1]
            cond = " || ".join(f"({t[2].text.strip()})" for t in run)
            edits.append(Edit(run[0][2].start, run[0][2].end, cond))
            for k in range(1, len(run)):
                edits.append(Edit(run[k - 1][1], run[k][1], ""))
                gone.add((run[k][4].start, run[k][4].end))
        i = j + 1
    return gone, edits


class CaseItemMerge(Template):
    """Items of one plain ``case`` with the same statement become one item (``2'd0: y = s; 2'd1: y = s;``
    → ``2'd0, 2'd1: y = s;``); labels must be distinct constants, so item order is irrelevant. Left to
    measurement: Yosys often merges such arms itself, sometimes not (functions, tasks)."""

    id = rule = "case_item_merge"
    description = "merge case items whose statements are identical into one item with all their labels"

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for st, _s, _e in an.statements:
            if type(st).__name__ != "CaseStatement" or str(st.condition).split(".")[-1] != "Normal":
                continue
            items = [it for it in st.syntax.items if type(it).__name__ == "StandardCaseItemSyntax"]
            if len(items) != len(st.items) or len(items) < 2:
                continue
            labels = [_const_of(an, x) for it in st.items for x in it.expressions]
            if None in labels or len(set(labels)) != len(labels):
                continue
            groups: dict[str, list[int]] = {}
            alias = _same_driver_aliases(an)
            for i, it in enumerate(items):
                cs, ce = an.span(it.clause)
                body = re.sub(r"\s+", " ", an.text[cs:ce]).strip()
                if alias:  # nets with one identical driver are one value (add_r / sub_r of a shared adder)
                    body = re.sub(r"(?<![\w$.'`\\])[A-Za-z_][\w$]*(?![\w$'])",
                                  lambda mm, al=alias: al.get(mm.group(0), mm.group(0)), body)
                groups.setdefault(body, []).append(i)
            all_items = list(st.syntax.items)
            edits: list[Edit] = []
            for idxs in groups.values():
                if len(idxs) < 2:
                    continue
                texts = []
                for i in idxs:
                    xs = list(items[i].expressions)
                    texts.append(an.text[an.span(xs[0])[0]:an.span(xs[-1])[1]])
                xs = list(items[idxs[0]].expressions)
                edits.append(Edit(an.span(xs[0])[0], an.span(xs[-1])[1], ", ".join(texts)))
                for i in idxs[1:]:
                    k = next(j for j, x in enumerate(all_items) if an.span(x) == an.span(items[i]))
                    start = an.span(all_items[k - 1])[1]
                    edits.append(Edit(start, an.span(items[i])[1], ""))
            if edits:
                s0, e0 = an.span(st.syntax)
                out.append(self._m(an, s0, e0, f"{sum(len(v) for v in groups.values() if len(v) > 1)} case items "
                                               f"with identical statements merged", edits))
            m = self._as_default(an, st, items, all_items, labels, groups)
            if m is not None:
                out.append(m)
        return out

    def _as_default(self, an: Analysis, st, items, all_items, labels, groups) -> Match | None:
        """The largest group of items with one statement becomes the ``default`` (the old default's
        statement keeps the values no label names, listed explicitly): the decoder then needs only the
        other labels. Only for a case over a narrow unsigned word whose values are all enumerated."""
        big = max(groups.values(), key=len)
        if len(big) < 2:
            return None
        w = int(getattr(st.expr.type, "bitWidth", 0) or 0)
        if not 1 <= w <= 6 or getattr(st.expr.type, "isSigned", False):
            return None
        if any(not 0 <= v < (1 << w) for v in labels):
            return None
        rest = sorted(set(range(1 << w)) - set(labels))
        dflt = [it for it in all_items if type(it).__name__ == "DefaultCaseItemSyntax"]
        if len(dflt) > 1 or (rest and not dflt) or len(rest) > 8:
            return None
        text = an.text
        edits: list[Edit] = []
        if dflt:
            ds, de = an.span(dflt[0])
            mm = re.match(r"default\b(\s*:)?", text[ds:de])
            if mm is None:
                return None
            if rest:
                edits.append(Edit(ds, ds + mm.end(), ", ".join(f"{w}'d{v}" for v in rest) + ":"))
            else:
                k = next(j for j, x in enumerate(all_items) if an.span(x) == (ds, de))
                if k == 0:
                    return None
                edits.append(Edit(an.span(all_items[k - 1])[1], de, ""))
        xs = list(items[big[0]].expressions)
        edits.append(Edit(an.span(xs[0])[0], an.span(xs[-1])[1], "default"))
        for i in big[1:]:
            k = next(j for j, x in enumerate(all_items) if an.span(x) == an.span(items[i]))
            if k == 0:
                return None
            edits.append(Edit(an.span(all_items[k - 1])[1], an.span(items[i])[1], ""))
        s0, e0 = an.span(st.syntax)
        return self._m(an, s0, e0, f"{len(big)} case items with identical statements become the default", edits,
                       alternative=True)


def _same_driver_aliases(an: Analysis) -> dict[str, str]:
    """Name -> representative name for nets (or continuously assigned variables) of one scope whose one
    whole driver is the same expression text at the same width (``assign add_r = s[11:0]; assign sub_r =
    s[11:0];``): reading either is reading one value. Only names declared once in the design, so a
    name in a statement is that net."""
    got = getattr(an, "_same_driver_aliases", None)
    if got is not None:
        return got
    count: dict[str, int] = {}
    syms: dict = {}
    for x in an.symbols:
        if isinstance(x, (ast.NetSymbol, ast.VariableSymbol)):
            count[x.name] = count.get(x.name, 0) + 1
            syms[skey(x)] = x
    classes: dict[tuple, str] = {}
    out: dict[str, str] = {}
    for k, rhs in net_definitions(an).items():
        sym = syms.get(k)
        syn = getattr(rhs, "syntax", None)
        if sym is None or syn is None or count.get(sym.name) != 1:
            continue
        a, b = an.span(syn)
        drv = re.sub(r"\s+", " ", an.text[a:b]).strip()
        width = int(getattr(sym.type, "bitWidth", 0) or 0)
        if not drv or not width:
            continue
        scope = str(getattr(sym, "hierarchicalPath", "") or "").rpartition(".")[0]
        cls = (scope, drv, width, bool(getattr(sym.type, "isSigned", False)))
        rep = classes.setdefault(cls, sym.name)
        if rep != sym.name:
            out[sym.name] = rep
    an._same_driver_aliases = out
    return out


def _merge_case_items(an: Analysis, ops: list[_Op], repl: list[str]) -> tuple[set, list[Edit]]:
    """Items of one ``case`` that become the same statement once their operation reads the shared
    unit (``3'd0: y = a + b; 3'd1: y = a - b;`` → ``3'd0, 3'd1: y = rtlopt_sh0;``): their labels move
    to the first such item and the others are deleted. Only for a plain ``case`` whose labels are
    distinct constants (item order is then irrelevant). Returns the operation spans deleted with
    their items and the edits."""
    by_item: dict[tuple, list] = {}
    for o, r in zip(ops, repl, strict=True):
        lit = o.site.guard[-1] if o.site.guard else None
        if lit is None or lit.kind != "case" or lit.index < 0:
            continue
        by_item.setdefault((id(lit.node), lit.index), []).append((o, r, lit.node))
    groups: dict[tuple, list] = {}
    for (_sid, idx), entries in by_item.items():
        if len(entries) != 1:
            continue
        o, r, st = entries[0]
        if str(st.condition).split(".")[-1] != "Normal":
            continue
        items = [it for it in st.syntax.items if type(it).__name__ == "StandardCaseItemSyntax"]
        if len(items) != len(st.items) or idx >= len(items):
            continue
        cs, ce = an.span(items[idx].clause)
        if not (cs <= o.start and o.end <= ce):
            continue
        body = re.sub(r"\s+", " ", an.text[cs:o.start] + r + an.text[o.end:ce]).strip()
        groups.setdefault((an.span(st.syntax), body), []).append((idx, o, st, items))
    gone: set = set()
    edits: list[Edit] = []
    for (_span, _body), members in groups.items():
        if len(members) < 2:
            continue
        st, items = members[0][2], members[0][3]
        labels = [_const_of(an, x) for it in st.items for x in it.expressions]
        if None in labels or len(set(labels)) != len(labels):
            continue
        members.sort(key=lambda m: m[0])
        keep = items[members[0][0]]
        exprs = [x for x in keep.expressions]
        es, ee = an.span(exprs[0])[0], an.span(exprs[-1])[1]
        texts = []
        for idx, _o, _st, _its in members:
            it = items[idx]
            xs = [x for x in it.expressions]
            texts.append(an.text[an.span(xs[0])[0]:an.span(xs[-1])[1]])
        edits.append(Edit(es, ee, ", ".join(texts)))
        all_items = list(st.syntax.items)
        for idx, o, _st, _its in members[1:]:
            it = items[idx]
            k = next(i for i, x in enumerate(all_items) if x is it or an.span(x) == an.span(it))
            start = an.span(all_items[k - 1])[1] if k > 0 else an.text.rfind("\n", 0, an.span(it)[0])
            edits.append(Edit(start, an.span(it)[1], ""))
            gone.add((o.start, o.end))
    return gone, edits


# ------------------------------------------------------------------------ sharing across instances


@dataclass
class _Out:
    sym: object  # the net / variable (for an element: the unpacked array)
    idx: int | None = None  # the constant element of an unpacked array the port drives (``.c(crcs[1])``)

    @property
    def name(self) -> str:
        return self.sym.name if self.idx is None else f"{self.sym.name}[{self.idx}]"


@dataclass
class _Inst:
    sym: object
    stmt: object  # HierarchyInstantiationSyntax
    ins: dict  # port name -> input connection expression
    outs: dict  # port name -> _Out
    out_types: dict = None  # port name -> declared type text of what the port drives
    gen: tuple | None = None  # (genvar, value) when the instance sits in a generate loop iteration


def _genvar_of(s, syn) -> tuple | None:
    """(genvar name, this iteration's value) when the instance statement sits in a ``for`` generate
    loop (one syntax, one elaborated instance per iteration); None outside a loop, False when unknown."""
    while syn is not None and type(syn).__name__ not in ("LoopGenerateSyntax", "ModuleDeclarationSyntax"):
        syn = syn.parent
    if syn is None or type(syn).__name__ != "LoopGenerateSyntax":
        return None
    gv = syn.identifier.valueText
    p = s.parentScope.find(gv) if s.parentScope is not None else None
    v = getattr(p, "value", None)
    try:
        return gv, int(str(v))
    except (TypeError, ValueError):
        return False


def _const_elem(e) -> tuple | None:
    """(array symbol, constant index) for ``arr[K]`` on an unpacked array net / variable (K constant
    after elaboration: a literal, a parameter or a generate loop's genvar)."""
    if type(e).__name__ != "ElementSelectExpression":
        return None
    v = strip(e.value)
    if type(v).__name__ != "NamedValueExpression" or not isinstance(v.symbol, (ast.NetSymbol, ast.VariableSymbol)):
        return None
    if not v.type.isUnpackedArray:
        return None
    k = e.selector.constant
    if k is None:
        return None
    try:
        return v.symbol, int(str(k))
    except ValueError:
        return None


def _inst_of(an: Analysis, s) -> _Inst | None:
    syn = s.syntax
    if syn is None or type(syn).__name__ != "HierarchicalInstanceSyntax":
        return None
    stmt = syn.parent
    if len(list(stmt.instances)) != 1 or (syn.decl is not None and list(syn.decl.dimensions)):
        return None
    ins, outs, types = {}, {}, {}
    for pc in s.portConnections:
        e = pc.expression
        if e is None:
            return None
        d = str(pc.port.direction).split(".")[-1]
        if d == "In":
            if e.syntax is None or an.info(e) is None:
                return None
            ins[pc.port.name] = e
        elif d == "Out":
            lhs = strip(e.left) if type(e).__name__ == "AssignmentExpression" else strip(e)
            # a net, or an SV variable (``logic``) driven by the port: ``assign`` may drive it as well;
            # or a constant element of an unpacked array of them (``.c(crcs[1])``, ``.c(crcs[g])``)
            el = _const_elem(lhs)
            if el is not None:
                outs[pc.port.name] = _Out(el[0], el[1])
            elif type(lhs).__name__ != "NamedValueExpression" or not isinstance(lhs.symbol, (ast.NetSymbol,
                                                                                            ast.VariableSymbol)):
                return None
            else:
                outs[pc.port.name] = _Out(lhs.symbol)
            if int(lhs.type.bitWidth or 0) != int(pc.port.type.bitWidth or 0):
                return None
            types[pc.port.name] = str(lhs.type)
        else:
            return None
    gen = _genvar_of(s, stmt)
    if gen is False:
        return None
    return _Inst(s, stmt, ins, outs, types, gen) if outs else None


def _combinational(an: Analysis, inst) -> bool:
    """The instantiated module holds no clocked state and no further instances (its outputs are a
    function of its inputs; a latch it might infer is left to the proof, which sees the whole design)."""
    syn = getattr(inst.definition, "syntax", None)
    if syn is None:
        return False
    text = re.sub(r"//[^\n]*|/\*.*?\*/", "", str(syn), flags=re.S)
    if re.search(r"\b(posedge|negedge|always_ff|always_latch|initial)\b", text):
        return False
    found = []

    def visit(n):
        if isinstance(n, ast.InstanceSymbol):
            found.append(n)
        return True

    inst.body.visit(visit)
    return not found


class ExclusiveInstanceSharing(Template):
    """Two instances of one combinational module whose outputs are only read under exclusive
    conditions → one instance with muxed inputs; the other instance's output nets copy its outputs."""

    id = rule = "exclusive_instance_sharing"
    description = ("share one instance of a combinational sub-module between two instances whose outputs are "
                   "read under mutually exclusive conditions (z3), muxing the inputs")

    def find(self, an: Analysis) -> list[Match]:
        insts: dict[tuple, list[_Inst]] = {}
        seen = set()
        for s in an.symbols:
            if not isinstance(s, ast.InstanceSymbol) or s.syntax is None:
                continue
            it = _inst_of(an, s)
            if it is None or not _combinational(an, s):
                continue
            sp = (an.span(s.syntax), it.gen)  # one per statement (per iteration of a generate loop)
            if sp in seen:
                continue
            seen.add(sp)
            params = str(it.stmt.parameters) if it.stmt.parameters is not None else ""
            mod = _module_of_syntax(an, s.syntax)
            insts.setdefault((mod, s.definition.name, re.sub(r"\s+", "", params)), []).append(it)
        if not any(len(v) >= 2 for v in insts.values()) and not re.search(r"\bfunction\b", an.text):
            return []
        all_sites = sites(an)
        refs: dict = {}
        for info in an.exprs:
            n = info.node
            if type(n).__name__ == "NamedValueExpression":
                refs.setdefault(skey(n.symbol), set()).add((info.start, info.end))
        self._iters: dict = {}
        for group in insts.values():
            for it in group:
                if it.gen is not None:
                    sp = an.span(it.stmt)
                    self._iters[sp] = self._iters.get(sp, 0) + 1
        out = []
        for group in insts.values():
            for a, b in combinations(group[:8], 2):
                for x, y in ((a, b), (b, a)):
                    m = self._pair(an, all_sites, refs, x, y)
                    if m is not None:
                        out.append(m)
                        break
        return out + self._calls(an, all_sites, refs)

    def _calls(self, an: Analysis, all_sites, refs) -> list[Match]:
        """Two calls of one user function (inputs only) whose values matter under exclusive care guards
        (:func:`_care_guards`) → one call on muxed arguments in a new wire declared before the module
        item of the first call; both calls read the wire."""
        calls: dict[tuple, list[Site]] = {}
        for st in all_sites:
            n = st.node
            if type(n).__name__ != "CallExpression" or n.isSystemCall or isinstance(st.block, ast.SubroutineSymbol):
                continue
            sub = n.subroutine
            if str(getattr(sub, "subroutineKind", "")).split(".")[-1] != "Function" or n.syntax is None:
                continue
            if any(str(f.direction).split(".")[-1] != "In" for f in sub.arguments) or \
                    len(list(n.arguments)) != len(list(sub.arguments)) or an.info(n) is None:
                continue
            if any(reads(x) & st.volatile for x in n.arguments):
                continue
            calls.setdefault((_module_of_syntax(an, n.syntax), sub.name), []).append(st)
        out: list[Match] = []
        for (_mod, fname), group in calls.items():
            uniq: dict = {}
            for st in group:
                uniq.setdefault((an.info(st.node).start, an.info(st.node).end), st)
            group = list(uniq.values())
            for a, b in combinations(group[:8], 2):
                m = self._call_pair(an, all_sites, refs, fname, a, b, len(out))
                if m is not None:
                    out.append(m)
        return out

    def _call_pair(self, an: Analysis, all_sites, refs, fname: str, a: Site, b: Site, k: int) -> Match | None:
        ia, ib = an.info(a.node), an.info(b.node)
        if ia.key == ib.key or ia.start < ib.end and ib.start < ia.end:
            return None
        if int(a.node.type.bitWidth or 0) != int(b.node.type.bitWidth or 0) or not int(a.node.type.bitWidth or 0):
            return None
        ca, cb = _care_guards(an, all_sites, refs, [a]), _care_guards(an, all_sites, refs, [b])
        if ca is None or cb is None:
            return None
        zx = Z3Expr(an, defs=getattr(an, "_net_defs", None) or net_definitions(an))
        if not unsat(z3.Or(*[guard_z3(an, zx, g) for g in ca]), z3.Or(*[guard_z3(an, zx, g) for g in cb]),
                     timeout_ms=2000):
            return None
        gs = ca + cb
        fake = [_Op(Site(a.node, g, None, frozenset(), (0, 0)), "inst", None, None, False, 1, 0, 0, False)
                for g in gs]
        care = _care_points(an, zx, fake, [guard_z3(an, zx, g) for g in gs], through_nets=True)
        if care is None:
            return None
        bits, pts = care
        pa, pb = set().union(*pts[:len(ca)]), set().union(*pts[len(ca):])
        got, neg = minimize(pa, pb, bits), minimize(pb, pa, bits)
        if got is None:
            return None
        swap = neg is not None and (neg[1], neg[0].count("~")) < (got[1], got[0].count("~"))
        sel = neg[0] if swap else got[0]
        first = min(a.item[0], b.item[0])
        if not first or any(k2[1] >= first for g in gs for k2 in guard_reads(g)):
            return None
        args = []
        for xa, xb in zip(a.node.arguments, b.node.arguments, strict=True):
            xia, xib = an.info(xa), an.info(xb)
            if xia is None or xib is None or any(k2[1] >= first for k2 in reads(xa) | reads(xb)):
                return None
            ta, tb = xia.text.strip(), xib.text.strip()
            hi, lo = (tb, ta) if swap else (ta, tb)
            args.append(ta if xia.key == xib.key else f"{sel} ? {paren(hi)} : {paren(lo)}")
        w = int(a.node.type.bitWidth)
        name = _fresh(an.text, f"rtlopt_fsh{k}_")
        sign = " signed" if a.node.type.isSigned else ""
        line = an.text.rfind("\n", 0, first) + 1
        indent = re.match(r"[ \t]*", an.text[line:]).group(0)
        decl = f"wire{sign} [{w - 1}:0] {name} = {fname}({', '.join(args)});\n{indent}"
        edits = [Edit(first, first, decl), Edit(ia.start, ia.end, name), Edit(ib.start, ib.end, name)]
        return self._m(an, first, first, f"one call of {fname} shared by two calls whose values matter under "
                                         "exclusive conditions", edits)

    def _elem_reads(self, an: Analysis, all_sites, refs, inst: _Inst, stmts: list) -> list[Site] | None:
        """The reads of ``inst``'s outputs that drive constant elements of unpacked arrays: the
        constant-index reads ``arr[K]``. None when such an array has any other reference than the
        instance connections and constant-index reads (a variable index ``arr[i]`` may read either
        element; a whole-array use or another driver is not modelled)."""
        rs: list[Site] = []
        for o in inst.outs.values():
            if o.idx is None:
                continue
            k = skey(o.sym)
            # a whole-array reference (the inner name of ``arr[i]`` carries no syntax of its own)
            if any(not any(s0 <= r[0] < e0 for s0, e0 in stmts) for r in refs.get(k, ())):
                return None
            at = {}
            for st in all_sites:
                if type(st.node).__name__ == "ElementSelectExpression" and an.info(st.node) is not None:
                    at.setdefault((an.info(st.node).start, an.info(st.node).end), st)
            for info in an.exprs:
                n = info.node
                if type(n).__name__ != "ElementSelectExpression" or any(s0 <= info.start < e0 for s0, e0 in stmts):
                    continue
                v = strip(n.value)
                if type(v).__name__ != "NamedValueExpression" or skey(v.symbol) != k:
                    continue
                el = _const_elem(n)
                if el is None:  # ``arr[i]``: may read the element under any guard
                    return None
                if el[1] == o.idx:
                    st = at.get((info.start, info.end))
                    if st is None:  # a read whose guard we do not know
                        return None
                    rs.append(st)
        return rs

    def _pair(self, an: Analysis, all_sites, refs, a: _Inst, b: _Inst) -> Match | None:
        same = a.stmt is b.stmt or an.span(a.stmt) == an.span(b.stmt)
        # one loop statement: only when the loop elaborates to exactly these two iterations; an
        # instance in a loop is not paired with one outside it (one edit would change every iteration)
        if same and (a.gen is None or b.gen is None or self._iters.get(an.span(a.stmt)) != 2):
            return None
        if not same and (a.gen is not None or b.gen is not None):
            return None
        stmts = [an.span(a.stmt), an.span(b.stmt)]
        reads_of, cares_of = {}, {}
        for inst in (a, b):
            keys = {skey(o.sym) for o in inst.outs.values() if o.idx is None}
            rs = [st for st in all_sites if type(st.node).__name__ == "NamedValueExpression"
                  and skey(st.node.symbol) in keys]
            # every other reference is the instance's own connection; anything else (another
            # instance's port, a read we do not model) keeps the instances apart
            n_refs = sum(len(refs.get(k, ())) for k in keys)
            if n_refs != len({(an.info(st.node).start, an.info(st.node).end) for st in rs}) + len(keys):
                return None
            ers = self._elem_reads(an, all_sites, refs, inst, stmts)
            if ers is None:
                return None
            rs += ers
            if not rs:
                return None
            cares = _care_guards(an, all_sites, refs, rs)
            if cares is None:
                return None
            reads_of[id(inst)], cares_of[id(inst)] = rs, cares
        zx = Z3Expr(an, defs=getattr(an, "_net_defs", None) or net_definitions(an))
        ga = z3.Or(*[guard_z3(an, zx, g) for g in cares_of[id(a)]])
        gb = z3.Or(*[guard_z3(an, zx, g) for g in cares_of[id(b)]])
        if not unsat(ga, gb, timeout_ms=2000):
            return None
        # one pseudo operation per care guard (the points where it holds), united per instance
        gs = cares_of[id(a)] + cares_of[id(b)]
        fake = [_Op(Site(reads_of[id(a)][0].node, g, None, frozenset(), (0, 0)), "inst", None, None, False, 1, 0, 0,
                    False) for g in gs]
        care = _care_points(an, zx, fake, [guard_z3(an, zx, g) for g in gs], through_nets=True)
        if care is None:
            return None
        bits, pts = care
        na = len(cares_of[id(a)])
        pa, pb = set().union(*pts[:na]), set().union(*pts[na:])
        got, neg = minimize(pa, pb, bits), minimize(pb, pa, bits)
        if got is None:
            return None
        swap = neg is not None and (neg[1], neg[0].count("~")) < (got[1], got[0].count("~"))
        sel = neg[0] if swap else got[0]
        a_start = an.span(a.stmt)[0]
        for e in list(b.ins.values()):  # what moves into a's connections must be declared before it
            if any(k[1] >= a_start for k in reads(e)):
                return None
        for g in cares_of[id(a)] + cares_of[id(b)]:
            if any(k[1] >= a_start for k in guard_reads(g)):
                return None
        def text_in(e, inst):  # a connection's text in one iteration of a loop: the genvar is its value
            s = an.info(e).text.strip()
            return s if inst.gen is None else re.sub(rf"\b{re.escape(inst.gen[0])}\b", str(inst.gen[1]), s)

        edits = []
        for port, ea in a.ins.items():
            eb = b.ins.get(port)
            if eb is None:
                return None
            ta, tb = text_in(ea, a), text_in(eb, b)
            if ta == tb if same else an.info(ea).key == an.info(eb).key:
                continue
            s0, e0 = an.info(ea).start, an.info(ea).end
            hi, lo = (tb, ta) if swap else (ta, tb)
            edits.append(Edit(s0, e0, f"{sel} ? {paren(hi)} : {paren(lo)}"))
        if any(p not in a.outs for p in b.outs):
            return None
        bs, be = an.span(b.stmt)
        copies = " ".join(f"assign {b.outs[p].name} = {a.outs[p].name};" for p in b.outs)
        if same:
            # the loop's statement becomes the shared instance in a's iteration and the copies in b's
            body = an.text[bs:be]
            for e in sorted(edits, key=lambda x: -x.start):
                body = body[:e.start - bs] + e.replacement + body[e.end - bs:]
            edits = [Edit(bs, be, f"if ({a.gen[0]} == {a.gen[1]}) begin {body} end else begin {copies} end")]
        else:
            edits.append(Edit(bs, be, copies))
        # the reads of b's outputs read a's directly (same declared type): arms that now compute the
        # same thing also read the same (a later case/if merge sees them as equal)
        alias = {(skey(b.outs[p].sym), b.outs[p].idx): a.outs[p].name for p in b.outs
                 if b.out_types.get(p) == a.out_types.get(p)}
        spans = set()
        for st in reads_of[id(b)]:
            n = st.node
            k = (skey(n.symbol), None) if type(n).__name__ == "NamedValueExpression" else \
                (skey(_const_elem(n)[0]), _const_elem(n)[1])
            info = an.info(n)
            if k in alias and info is not None and (info.start, info.end) not in spans \
                    and not (bs <= info.start < be):
                spans.add((info.start, info.end))
                edits.append(Edit(info.start, info.end, alias[k]))
        na_, nb_ = (f"{i.sym.name}" if i.gen is None else f"{i.sym.name}, {i.gen[0]} = {i.gen[1]}" for i in (a, b))
        return self._m(an, bs, be, f"one {a.sym.definition.name} instance ({na_}) shared with "
                                   f"{nb_}: their outputs are read under exclusive conditions", edits)


_OBS_AND = {"LogicalAnd": True, "BinaryAnd": True, "LogicalOr": False, "BinaryOr": False}


def _path_lits(an: Analysis, node, span: tuple[int, int]) -> tuple | None:
    """The literals under which the subexpression at ``span`` of ``node`` is observable: the arms of
    ``?:`` on the way down (``c ? X : ...``: ``c``) and the other operand of a one-bit AND/OR
    (``en && X`` matters only when ``en``; ``en || X`` only when ``!en``). None if not found."""
    node = strip(node)
    info = an.info(node)
    if info is None:
        return None
    if (info.start, info.end) == span:
        return ()
    kind = type(node).__name__
    kids: list = []
    if kind == "ConditionalExpression" and len(node.conditions) == 1 and node.conditions[0].pattern is None:
        c = node.conditions[0].expr
        key = _key_text(c)
        kids = [(c, ()), (node.left, (Lit("cond", c, True, key=key),)),
                (node.right, (Lit("cond", c, False, key=key),))]
    elif kind == "BinaryExpression" and op_name(node) in _OBS_AND and (
            op_name(node).startswith("Logical")
            or int(node.left.type.bitWidth or 0) == 1 == int(node.right.type.bitWidth or 0)):
        pos = _OBS_AND[op_name(node)]
        kids = [(node.left, (Lit("cond", node.right, pos, key=_key_text(node.right)),)),
                (node.right, (Lit("cond", node.left, pos, key=_key_text(node.left)),))]
    elif kind != "ConditionalExpression":
        kids = [(k, ()) for k in _expr_children(node)]
    for k, lits in kids:
        ki = an.info(strip(k))
        if ki is None or not (ki.start <= span[0] and span[1] <= ki.end):
            continue
        got = _path_lits(an, k, span)
        return None if got is None else lits + got
    return None


def _care_guards(an: Analysis, all_sites, refs, rs: list[Site], depth: int = 0) -> list[tuple] | None:
    """Guards (conjunctions of literals) under which the values read at ``rs`` matter: each read's
    statement guard plus the ``?:`` arms and one-bit AND/OR operands around it in its expression
    (:func:`_path_lits`). A read that defines a plain single-driver net (``wire s = x ^ k;``, not a
    port) matters where that net's reads matter (followed 3 deep). None when a read matters
    everywhere or its guard reads something blocking-assigned where it is evaluated."""
    ports = {p.name for p in an.symbols if isinstance(p, ast.PortSymbol)}
    defs = getattr(an, "_net_defs", None) or net_definitions(an)
    def_of = {_span_of(an, rhs): k for k, rhs in defs.items() if _span_of(an, rhs) is not None}
    out: list[tuple] = []
    for st in rs:
        sp = _span_of(an, st.node)
        if sp is None:
            return None
        root, rsp = None, None
        for s in all_sites:  # the whole expression the read sits in (its statement's root)
            if s.item != st.item or s.block is not st.block:
                continue
            ssp = _span_of(an, s.node)
            if ssp is not None and ssp[0] <= sp[0] and sp[1] <= ssp[1] and (rsp is None or ssp[1] - ssp[0] > rsp[1] - rsp[0]):
                root, rsp = s, ssp
        if root is None:
            return None
        top = strip(root.node)
        value = top.right if type(top).__name__ == "AssignmentExpression" else top
        lits = _path_lits(an, top, sp)
        if lits is None:
            return None
        known = {(g.kind, g.key, g.positive) for g in root.guard}
        guard = root.guard + tuple(g for g in lits if (g.kind, g.key, g.positive) not in known)
        if guard_reads(guard) & st.volatile:
            return None
        # the whole right-hand side of a single-driver net: where the net matters
        net = def_of.get(_span_of(an, value)) if st.block is None else None
        if net is not None and net[0] not in ports and depth < 3 and not root.guard:
            nrs = [s for s in all_sites if type(s.node).__name__ == "NamedValueExpression"
                   and skey(s.node.symbol) == net and _span_of(an, s.node) is not None
                   and not (rsp[0] <= _span_of(an, s.node)[0] < rsp[1])]
            lhs = 1 if type(top).__name__ == "AssignmentExpression" else 0
            if nrs and len(refs.get(net, ())) == len({_span_of(an, s.node) for s in nrs}) + lhs:
                sub = _care_guards(an, all_sites, refs, nrs, depth + 1)
                if sub is None:
                    return None
                out.extend(g + tuple(x for x in guard if (x.kind, x.key, x.positive)
                                     not in {(y.kind, y.key, y.positive) for y in g}) for g in sub)
                continue
        if not guard:
            return None
        out.append(guard)
    return out


def _module_of_syntax(an: Analysis, syn) -> int:
    while syn.parent is not None and type(syn).__name__ != "ModuleDeclarationSyntax":
        syn = syn.parent
    return an.span(syn)[0]
