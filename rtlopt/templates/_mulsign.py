"""One multiplier for products of the same words with different signedness, read under exclusive guards.

``MUL``/``MULH``/``MULHSU``/``MULHU`` style units compute ``a * b`` several times: signed x signed,
signed x unsigned, unsigned x unsigned (``$signed(a) * $signed(b)``, ``$signed({{N{a[N-1]}}, a}) *
$signed({{N{1'b0}}, b})``, ``a * b``), each value read only under its own select (arms of a ``case`` on
``funct``). Every such product is the ``(N+1) x (M+1)`` signed product of the operands extended by
one bit (the sign bit for a signed operand, 0 for an unsigned one), taken modulo the product's width:
the integer value of ``{s & a[N-1], a}`` read as signed is ``a`` read with signedness ``s``. When the
products' values are read under pairwise exclusive guards (z3), one multiplier serves them all::

    wire [N-1:0] m_a = a;  wire [M-1:0] m_b = b;
    wire signed [N:0] m_ax = {<a is signed here> & m_a[N-1], m_a};
    wire signed [M:0] m_bx = {<b is signed here> & m_b[M-1], m_b};
    wire signed [N+M+1:0] m = m_ax * m_bx;
    assign p_ss = $signed(m[2N-1:0]);  assign p_uu = m[2N-1:0]; ...

The extension selects are 1 under the read guards of the products that extend with the sign and 0
under the others (minimised over the select bits when the guards read few bits, else the guards'
OR). Products must be whole single drivers of nets whose every read is seen with its guard:
``assign p = ...;``/``wire p = ...;``, a combinational block's top-level ``p = ...;`` written before any
read of p there (``always_comb begin p_ss = ...; p_uu = ...; case (op) ... end``: the unit goes before the
block), or a call of a function whose body is ``return x * z;`` on whole argument words (the call is
replaced); or products written in place under their own guard (``2'd1: y = $signed(a) * $signed(b);``).
Signedness is the elaborated one: ``f ? $signed(a) * $signed(b) : a * b`` is two unsigned products.
The search loop proves and measures the candidate (the exhaustive engine up to about 11x11 bits with a
2-bit select, or cone by cone between registers; wider products stay UNKNOWN: the high half of a product
has no small polynomial and SAT on a 12x12 product miter ran out at 90 s).
"""

from __future__ import annotations

import z3
from pyslang import ast

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._guards import (
    Z3Expr,
    _const_of,
    blocking_targets,
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
from rtlopt.templates._sem import Analysis, op_name, strip

MAX_PRODUCTS = 8


def _call_arg(n, name: str):
    if type(n).__name__ == "CallExpression" and n.isSystemCall and n.subroutineName == name and len(n.arguments) == 1:
        return strip(n.arguments[0])
    return None


def _cv(an: Analysis, n) -> int | None:
    """The constant value of ``n`` (parameter expressions of an instance included)."""
    v = _const_of(an, n)
    if v is not None:
        return v
    try:
        sv = strip(n).eval(ast.EvalContext(an.root)).value
    except Exception:  # noqa: BLE001 - pyslang raises assorted errors on odd nodes
        return None
    return int(sv) if type(sv).__name__ == "SVInt" and not sv.hasUnknown else None


def _single(n):
    """``x`` of ``{x}``."""
    n = strip(n)
    while type(n).__name__ == "ConcatenationExpression" and len(n.operands) == 1:
        n = strip(n.operands[0])
    return n


def _bit_of(an: Analysis, n, base) -> bool:
    """``n`` is the top bit of ``base`` (``a[N-1]`` of ``a``)."""
    n = strip(n)
    if type(n).__name__ != "ElementSelectExpression":
        return False
    i = _cv(an, n.selector)
    v = strip(n.value)
    if type(v).__name__ == "NamedValueExpression" and type(base).__name__ == "NamedValueExpression":
        same = skey(v.symbol) == skey(base.symbol)
    else:
        bi, vi = an.info(base), an.info(v)
        same = bi is not None and vi is not None and bi.key == vi.key
    if i is None or not same or not base.type.hasFixedRange:
        return False
    r = base.type.fixedRange
    return i == max(int(r.left), int(r.right)) and min(int(r.left), int(r.right)) == 0


def _ext(an: Analysis, node, signed_ctx: bool, width: int):
    """``(base, signed)``: ``node`` is ``base`` sign- (``signed``) or zero-extended to ``width`` bits in
    a product of that width (``signed_ctx``: the product is signed, so operands extend with their sign)."""
    n = strip(node)
    sg = getattr(n.type, "isSigned", False)
    inner = _call_arg(n, "$signed")
    if inner is None:
        inner = _call_arg(n, "$unsigned")
        if inner is not None:
            sg = False
    if inner is not None:
        n = inner
    w = int(n.type.bitWidth or 0)
    ext_sign = signed_ctx and sg  # how the context extends n itself (w < width)
    if type(n).__name__ == "ConcatenationExpression" and len(n.operands) == 2:
        hi, lo = strip(n.operands[0]), strip(n.operands[1])
        if type(lo).__name__ in ("NamedValueExpression", "RangeSelectExpression") and an.info(lo) is not None \
                and not getattr(lo.type, "isSigned", False) and _cv(an, hi) == 0:
            # ``{1'b0, b}`` / ``{6'd0, b}``: b zero-extended, however the context extends the zero top bit
            return lo, False
        if w < width and not ext_sign:
            return None  # zero-extended concatenation: no clean extension of the low word unless all zeros
        if type(lo).__name__ in ("NamedValueExpression", "RangeSelectExpression") and an.info(lo) is not None \
                and not getattr(lo.type, "isSigned", False):
            if type(hi).__name__ == "ReplicationExpression" and _bit_of(an, _single(hi.concat), lo):
                return lo, True
            if _bit_of(an, hi, lo):
                return lo, True
        return None
    if type(n).__name__ in ("NamedValueExpression", "RangeSelectExpression") and an.info(n) is not None:
        return n, bool(ext_sign)
    return None


def _comb_definitions(an: Analysis) -> dict:
    """``key -> (e, start of the block)`` for ``x = e;`` statements of a combinational block (``always_comb``
    or ``always @*``) that several values compute in turn (``p = a * b; q = $signed(a) * $signed(b); case
    (op) ...``): a top-level unconditional blocking write of a whole variable, not read by an earlier
    statement of the block, ``e`` reading nothing the block writes. ``x`` is then ``e`` at every read;
    that it has no other writer is checked by the caller (every occurrence of the name is accounted for)."""
    out: dict = {}
    seen: set = set()
    for blk in an.symbols:
        if not isinstance(blk, ast.ProceduralBlockSymbol) or blk.body is None or blk.syntax is None:
            continue
        span = an.span(blk.syntax)
        if span in seen:
            continue
        seen.add(span)
        kind = str(blk.procedureKind)
        body = blk.body
        if kind.endswith(".Always"):
            if type(body).__name__ != "TimedStatement" or type(body.timing).__name__ != "ImplicitEventControl":
                continue
            body = body.stmt
        elif not kind.endswith(".AlwaysComb"):
            continue
        while type(body).__name__ == "BlockStatement":
            body = body.body
        stmts = list(body.list) if type(body).__name__ == "StatementList" else [body]
        written = blocking_targets(blk.body)
        earlier: set = set()
        for st in stmts:
            a = st.expr if type(st).__name__ == "ExpressionStatement" else None
            if a is not None and type(a).__name__ == "AssignmentExpression" and not a.isNonBlocking \
                    and not a.isCompound:
                lhs = strip(a.left)
                if type(lhs).__name__ == "NamedValueExpression" and isinstance(lhs.symbol, ast.VariableSymbol):
                    k = skey(lhs.symbol)
                    if k not in earlier and not (reads(a.right) & written):
                        out.setdefault(k, (a.right, span[0]))
                    earlier |= reads(a.right)
                    continue
            earlier |= reads(st)  # (a statement: every name in it)
    return out


def _product_function(call):
    """``(product, {formal: actual}, call syntax, result signed)`` for a call of a function whose body is
    ``return <product>;`` (or ``f = <product>;``) and whose arguments are inputs passed as whole words of their own width (so
    the formals are the actuals), its result as wide as the product; else None."""
    if type(call).__name__ != "CallExpression" or call.isSystemCall:
        return None
    sub = call.subroutine
    if not isinstance(sub, ast.SubroutineSymbol) or getattr(call, "syntax", None) is None:
        return None
    body = sub.body
    while type(body).__name__ == "BlockStatement":
        body = body.body
    if type(body).__name__ == "ReturnStatement" and body.expr is not None:
        prod = strip(body.expr)
    elif type(body).__name__ == "ExpressionStatement" and type(body.expr).__name__ == "AssignmentExpression" \
            and not body.expr.isNonBlocking and sub.returnValVar is not None \
            and type(strip(body.expr.left)).__name__ == "NamedValueExpression" \
            and skey(strip(body.expr.left).symbol) == skey(sub.returnValVar):
        prod = strip(body.expr.right)  # ``mul_s = x * z;``
    else:
        return None
    if type(prod).__name__ != "BinaryExpression" or op_name(prod) != "Multiply":
        return None
    formals, actuals = list(sub.arguments), list(call.arguments)
    if len(formals) != len(actuals) or int(sub.returnType.bitWidth or 0) != int(prod.type.bitWidth or 0):
        return None
    got = {}
    for f, a in zip(formals, actuals, strict=True):
        x = strip(a)
        if not str(f.direction).endswith(".In") or type(x).__name__ not in (
                "NamedValueExpression", "RangeSelectExpression") or f.type.isSigned or x.type.isSigned \
                or int(f.type.bitWidth or 0) != int(x.type.bitWidth or 0):
            return None
        got[skey(f)] = x
    return prod, got, call.syntax, bool(sub.returnType.isSigned)


def _actual(ext, actual: dict):
    """``(base, signed)`` with a formal argument base replaced by the call's actual word."""
    base, sg = ext
    if type(base).__name__ == "NamedValueExpression" and skey(base.symbol) in actual:
        return actual[skey(base.symbol)], sg
    return None  # (a select of a formal, or a name the function reads from outside)


def _reads(an: Analysis, all_sites, key) -> list:
    """Read sites of the net ``key`` (a select of it counts once, with its own guard)."""
    out, seen = [], set()
    for s in all_sites:  # assignment targets are no reads
        if type(s.node).__name__ == "AssignmentExpression" and getattr(strip(s.node.left), "syntax", None) is not None:
            seen.add(an.span(strip(s.node.left).syntax))
    for x in an.symbols:
        if isinstance(x, ast.ContinuousAssignSymbol) and type(x.assignment).__name__ == "AssignmentExpression":
            lhs = strip(x.assignment.left)
            if getattr(lhs, "syntax", None) is not None:
                seen.add(an.span(lhs.syntax))
    for s in all_sites:
        n = strip(s.node)
        kind = type(n).__name__
        if kind in ("RangeSelectExpression", "ElementSelectExpression"):
            v = strip(n.value)
            if type(v).__name__ == "NamedValueExpression" and skey(v.symbol) == key:
                sp = an.span(n.syntax) if getattr(n, "syntax", None) is not None else None
                if sp is None:
                    return []
                seen.add(sp)
                vsp = an.span(v.syntax) if getattr(v, "syntax", None) is not None else None
                if vsp is not None:
                    seen.add(vsp)
                out.append(s)
    for s in all_sites:
        n = strip(s.node)
        if type(n).__name__ == "NamedValueExpression" and skey(n.symbol) == key:
            syn = getattr(n, "syntax", None)
            if syn is None:
                continue  # the value of a select counted above
            sp = an.span(syn)
            if sp in seen:
                continue
            seen.add(sp)
            out.append(s)
    return out


class MultiplierSignSharing(Template):
    """Products of the same two words with different signedness, read under exclusive guards → one
    ``(N+1) x (M+1)`` signed multiplier with per-use operand extension."""

    id = rule = "multiplier_sign_sharing"
    description = ("share one (N+1)x(M+1) signed multiplier between products of the same words with different "
                   "signedness (MUL/MULH/MULHSU/MULHU) whose values are read under exclusive conditions")

    def find(self, an: Analysis) -> list[Match]:
        from rtlopt.templates._share import _all_reads_seen, _care_points, _flag, _Op

        defs = net_definitions(an)
        where: dict = {}  # product net -> where its unit goes when that is not the product's line
        for k, (e, at) in _comb_definitions(an).items():
            if k not in defs:
                defs[k], where[k] = e, at
        all_sites = sites(an)
        syms = {skey(x): x for x in an.symbols if isinstance(x, (ast.NetSymbol, ast.VariableSymbol))}
        ports = {p.name for p in an.symbols if isinstance(p, ast.PortSymbol)}
        prods = []
        for k, rhs in defs.items():
            r = strip(rhs)
            call = _product_function(r)
            if call is not None:  # ``p = mul_s(a, b);``: the function's product of its arguments
                r, actual, syn, sc = call
            else:
                actual, syn, sc = {}, getattr(r, "syntax", None), bool(r.type.isSigned)
            if type(r).__name__ != "BinaryExpression" or op_name(r) != "Multiply" or k[0] in ports:
                continue
            sym = syms.get(k)
            if sym is None or syn is None:
                continue
            w = int(r.type.bitWidth or 0)
            if int(rhs.type.bitWidth or 0) != w and not (int(rhs.type.bitWidth or 0) < w):
                continue  # (the product is truncated by its net at most; a wider net would extend it)
            ea, eb = _ext(an, r.left, bool(r.type.isSigned), w), _ext(an, r.right, bool(r.type.isSigned), w)
            if ea is None or eb is None:
                continue
            if actual:
                ea, eb = _actual(ea, actual), _actual(eb, actual)
                if ea is None or eb is None:
                    continue
            rd = _reads(an, all_sites, k)
            if not rd or any(not s.guard or guard_reads(s.guard) & s.volatile for s in rd):
                continue
            if any(lit_text(an, g) is None for s in rd for g in s.guard):
                continue
            nin = 1 if getattr(sym, "initializer", None) is not None else 2
            if not _all_reads_seen(an, sym, nin + len(rd)):
                continue
            prods.append((k, r, an.span(syn), int(rhs.type.bitWidth or 0), ea, eb, rd, sc))
        prods += self._in_place(an, all_sites, {p[2] for p in prods}, where)
        groups: dict = {}
        for p in prods[:MAX_PRODUCTS * 4]:
            (a, _sa), (b, _sb) = p[4], p[5]
            ka, kb = an.info(a).key, an.info(b).key
            groups.setdefault(tuple(sorted((ka, kb))), []).append(p)
        out = []
        zx = Z3Expr(an, defs=defs)
        for key, g in groups.items():
            g = list({p[2]: p for p in g}.values())[:MAX_PRODUCTS]  # (one per source span)
            if len(g) < 2:
                continue
            m = self._emit(an, zx, key, g, _Op, _care_points, _flag, where)
            if m is not None:
                out.append(m)
        return out

    @staticmethod
    def _in_place(an: Analysis, all_sites, taken: set, where: dict) -> list:
        """Products written where they are used (``y = f ? $signed(a) * $signed(b) : a * b;``, a ``case``
        arm's ``y = a * b;``): each is read once, under its own guard. Not inside functions (the guard
        reads formals), not when a guard or an operand reads what the block writes."""
        out = []
        for s in all_sites:
            r = strip(s.node)
            if type(r).__name__ != "BinaryExpression" or op_name(r) != "Multiply":
                continue
            syn = getattr(r, "syntax", None)
            if syn is None or an.span(syn) in taken or not s.guard or isinstance(s.block, ast.SubroutineSymbol):
                continue
            if (guard_reads(s.guard) | reads(r)) & s.volatile or any(lit_text(an, x) is None for x in s.guard):
                continue
            w = int(r.type.bitWidth or 0)
            sc = bool(r.type.isSigned)
            ea, eb = _ext(an, r.left, sc, w), _ext(an, r.right, sc, w)
            if ea is None or eb is None:
                continue
            sp = an.span(syn)
            taken.add(sp)
            k = ("<in place>", sp)
            if s.block is not None and getattr(s.block, "syntax", None) is not None:
                where[k] = an.span(s.block.syntax)[0]
            out.append((k, r, sp, w, ea, eb, [s], sc))
        return out

    def _emit(self, an, zx, key, g, _Op, _care_points, _flag, where) -> Match | None:
        ka = key[0]
        # orient every product as (word ka, word kb)
        rows = []
        for (_k, _r, span, nw, ea, eb, rd, sc) in g:
            (a, sa), (b, sb) = (ea, eb) if an.info(ea[0]).key == ka else (eb, ea)
            rows.append((span, nw, a, sa, b, sb, rd, sc))
        a0, b0 = rows[0][2], rows[0][4]
        n, m = int(a0.type.bitWidth or 0), int(b0.type.bitWidth or 0)
        if n <= 0 or m <= 0 or any(int(r[2].type.bitWidth) != n or int(r[4].type.bitWidth) != m for r in rows):
            return None
        gz = [z3.Or(*[guard_z3(an, zx, s.guard) for s in r[6]]) for r in rows]
        for i in range(len(rows)):
            for j in range(i + 1, len(rows)):
                if not unsat(gz[i], gz[j], timeout_ms=2000):
                    return None
        # select texts: one entry per read (its guard), flag = the read's product extends with the sign
        rds, fa, fb = [], [], []
        for r in rows:
            for s in r[6]:
                rds.append(s)
                fa.append(r[3])
                fb.append(r[5])
        ops = [_Op(s, "mul", None, None, False, 1, 0, 0, True) for s in rds]
        rgz = [guard_z3(an, zx, s.guard) for s in rds]
        care = _care_points(an, zx, ops, rgz)
        sels = []
        for flags in (fa, fb):
            t = _flag(flags, care[1], care[0], None) if care is not None else None
            if t is None:
                t = self._text_flag(an, zx, rds, rgz, flags)
            if t is None:
                return None
            sels.append(t)
        # the unit goes before the statement of the first product (its line), or before the
        # combinational block that computes it
        pos = min(where.get(p[0], p[2][0]) for p in g)
        ls = an.text.rfind("\n", 0, pos) + 1
        pos = ls
        indent = an.text[ls:ls + len(an.text[ls:]) - len(an.text[ls:].lstrip(" \t"))]
        used = set()
        for r in rows:
            for s in r[6]:
                used |= guard_reads(s.guard)
        used |= reads(a0) | reads(b0)
        if any(k[1] >= pos for k in used):
            return None
        base = "rtlopt_msm"
        i = 0
        while f"{base}{i}" in an.text:
            i += 1
        nm = f"{base}{i}"
        pw = n + m + 2

        def ext(tag, w, sel):
            if sel == "1'b1":
                return f"{{{nm}_{tag}[{w - 1}], {nm}_{tag}}}"
            if sel == "1'b0":
                return f"{{1'b0, {nm}_{tag}}}"
            return f"{{({sel}) & {nm}_{tag}[{w - 1}], {nm}_{tag}}}"

        ta, tb = an.info(a0).text.strip(), an.info(b0).text.strip()
        lines = [f"wire [{n - 1}:0] {nm}_a = {ta};", f"wire [{m - 1}:0] {nm}_b = {tb};",
                 f"wire signed [{n}:0] {nm}_ax = {ext('a', n, sels[0])};",
                 f"wire signed [{m}:0] {nm}_bx = {ext('b', m, sels[1])};",
                 f"wire signed [{pw - 1}:0] {nm} = {nm}_ax * {nm}_bx;"]
        edits = [Edit(pos, pos, "".join(f"{indent}{ln}\n" for ln in lines))]
        for (_k, r, span, _nw, _ea, _eb, _rd3, sc) in g:
            w = int(r.type.bitWidth)
            if w <= pw:
                t = nm if w == pw else f"{nm}[{w - 1}:0]"
            else:
                t = f"{{{{{w - pw}{{{nm}[{pw - 1}]}}}}, {nm}}}"
            edits.append(Edit(span[0], span[1], f"$signed({t})" if sc else t))
        first = min(r[0][0] for r in rows)
        kinds = "different" if len({(r[3], r[5]) for r in rows}) > 1 else "the same"
        return self._m(an, first, rows[0][0][1],
                       f"one {n + 1}x{m + 1} signed multiplier shared by {len(rows)} products of "
                       f"{ta} and {tb} with {kinds} signedness, read under exclusive conditions", edits)

    @staticmethod
    def _text_flag(an, zx, reads, rgz, flags) -> str | None:
        if all(flags):
            return "1'b1"
        if not any(flags):
            return "1'b0"
        terms, tz = [], []
        for s, f in zip(reads, flags, strict=True):
            if f:
                terms.append(" && ".join(lit_text(an, x) for x in s.guard))
                tz.append(z3.And(*[lit_z3(an, zx, x, as_text=True) for x in s.guard]))
        fz = z3.Or(*tz)
        for gzi, f in zip(rgz, flags, strict=True):
            if not unsat(gzi, z3.Not(fz) if f else fz, timeout_ms=2000):
                return None
        return " || ".join(f"({t})" for t in terms)
