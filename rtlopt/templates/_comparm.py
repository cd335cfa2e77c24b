"""A selection whose arms come in complementary pairs one selector bit apart: one arm of each pair, then an XOR.

``case (f3) 0: t = eq; 1: t = ne; 4: t = lt; 5: t = ge; 6: t = ltu; 7: t = geu; default: t = 0; endcase``
(a RISC-V branch condition: funct3[0] inverts the sense) selects, for every pair of selector values that
differ only in bit ``b``, two values that are bitwise complements of each other (``ne`` is ``!eq``, ``ge``
is ``!lt``) or the same value (the two default codes). The selection is then one over the other bits,
``case ({f3[2], f3[1]}) 2'b00: t = eq ^ f3[0]; ...; 2'b01: t = 0; ...``: half the arms, so half the
multiplexer, and the complemented operands (``ne``, ``ge``, ``geu`` as separate comparators, or their
inverters) are no longer read. The same for any selected word (``{W{s[b]}}``) and any arm values.

Decided on the semantics, never on names: z3 proves for every pair that the two arm values (at the
assigned width) are complements (or equal) for every input value, reading the arms through single-driver
wires and through whole-variable blocking assignments that come earlier in the same block (``eq = (a ==
b); ne = (a != b); case ..``). Plain ``case`` statements (also ``unique``/``priority``) of constant labels
over a selector of at most :data:`MAX_SEL` bits that is a named vector or a constant part-select of one,
every item one assignment to the same target, every selector value covered (a ``default``, or all
values); the same selection written as a ``?:`` chain ``S == K1 ? v1 : S == K2 ? v2 : .. : vd`` or an
``if (S == K1) y = v1; else if ..; else y = vd;`` chain (either operand order of each compare; the
result is a ``?:`` chain or a case over the other bits). At least :data:`MIN_PAIRS` complementary pairs.
Measured and proven like every rewrite. Not recognised: one-hot ``case (1'b1)`` selections by decoded
flags (picorv32's ``instr_beq: eq; instr_bne: !eq; ..``), whose pairing is not one selector bit.
"""

from __future__ import annotations

from pyslang import ast

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._guards import Z3Expr, _const_of, _resize, _signed, net_definitions, reads, skey, unsat
from rtlopt.templates._sem import Analysis, is_pure, op_name, paren, self_width, strip

MAX_SEL = 6
MIN_PAIRS = 2
_UNARY = ("BitwiseNot", "LogicalNot", "Minus", "Plus", "BitwiseAnd", "BitwiseOr", "BitwiseXor",
          "BitwiseNand", "BitwiseNor", "BitwiseXnor")


def _pure(node) -> bool:
    """Side-effect free; ``$signed``/``$unsigned`` calls of such operands allowed."""
    node = strip(node)
    kind = type(node).__name__
    if kind == "CallExpression":
        return bool(getattr(node, "isSystemCall", False)) and node.subroutineName in ("$signed", "$unsigned") \
            and all(_pure(x) for x in node.arguments)
    if kind == "BinaryExpression":
        return _pure(node.left) and _pure(node.right)
    if kind == "UnaryExpression":
        return op_name(node) in _UNARY and _pure(node.operand)
    if kind == "ConditionalExpression":
        return all(_pure(c.expr) for c in node.conditions) and _pure(node.left) and _pure(node.right)
    return is_pure(node)


def _assign_of(stmt):
    """(lhs, rhs, assignment) of an item that is one plain assignment (in a begin .. end of its own)."""
    while type(stmt).__name__ == "BlockStatement":
        stmt = stmt.body
    if type(stmt).__name__ != "ExpressionStatement":
        return None
    a = stmt.expr
    if type(a).__name__ != "AssignmentExpression" or a.isCompound:
        return None
    return strip(a.left), a.right, a


def _bit_texts(an: Analysis, sel) -> list[str] | None:
    """Verilog text of each bit of the selector (index 0 = its least significant bit), else None."""
    sel = strip(sel)
    kind = type(sel).__name__
    w = self_width(sel)
    if not w or w > MAX_SEL:
        return None
    if kind == "NamedValueExpression":
        name, t = sel.symbol.name, sel.symbol.type
        if w == 1:
            return [name]
        if not getattr(t, "hasFixedRange", False) or not t.isPackedArray:
            return None
        r = t.fixedRange
        if r.left < r.right:
            return None
        return [f"{name}[{r.right + i}]" for i in range(w)]
    if kind == "ConcatenationExpression":
        out: list[str] = []
        for o in reversed(list(sel.operands)):
            got = _bit_texts(an, o)
            if got is None:
                return None
            out.extend(got)
        return out if len(out) == w else None
    if kind == "RangeSelectExpression":
        base = strip(sel.value)
        if type(base).__name__ != "NamedValueExpression" or str(sel.selectionKind).split(".")[-1] != "Simple":
            return None
        t = base.symbol.type
        if not getattr(t, "hasFixedRange", False) or t.fixedRange.left < t.fixedRange.right:
            return None
        hi, lo = an.const(sel.left), an.const(sel.right)
        if hi is None or lo is None or hi - lo + 1 != w:
            return None
        return [f"{base.symbol.name}[{lo + i}]" for i in range(w)]
    return None


def _block_of(an: Analysis, s: int, e: int):
    best = None
    for sym in an.symbols:
        if isinstance(sym, (ast.ProceduralBlockSymbol, ast.SubroutineSymbol)) \
                and getattr(sym, "body", None) is not None and getattr(sym, "syntax", None) is not None:
            a, b = an.span(sym.syntax)
            if a <= s and e <= b and (best is None or b - a < best[1] - best[0]):
                best = (a, b, sym)
    return best


def _top_statements(body) -> list:
    while type(body).__name__ == "TimedStatement":
        body = body.stmt
    if type(body).__name__ == "BlockStatement":
        body = body.body
    if type(body).__name__ == "StatementList":
        return list(body.list)
    return [body]


def _prefix_rename(an: Analysis, zx: Z3Expr, block, s: int) -> None:
    """Whole variables written once in ``block``, by an unconditional blocking assignment at its top level
    before the statement at ``s``: their value there is that expression (``zx.rename``, in order)."""
    a, b = an.span(block.syntax)
    writes: dict = {}
    for info in an.exprs:
        n = info.node
        if type(n).__name__ == "AssignmentExpression" and a <= info.start and info.end <= b:
            for k in reads(strip(n.left)):
                writes[k] = writes.get(k, 0) + 1
    for st in _top_statements(block.body):
        if st.syntax is None:
            continue
        if an.span(st.syntax)[0] >= s:
            break
        got = _assign_of(st) if type(st).__name__ == "ExpressionStatement" else None
        if got is None:
            continue
        lhs, rhs, asg = got
        if asg.isNonBlocking or type(lhs).__name__ != "NamedValueExpression":
            continue
        k = skey(lhs.symbol)
        w = self_width(lhs)
        if writes.get(k) != 1 or not w:
            continue
        zx.rename[k] = _resize(zx.bv(rhs), w, _signed(rhs))


class ComplementArmXor(Template):
    """A case whose arms pair up as complements one selector bit apart -> half the arms and an XOR."""

    id = rule = "complement_arm_xor"
    description = ("a case whose arms for selector values one bit apart are complements of each other (eq/ne, "
                   "lt/ge) selects half of them and XORs with that bit")

    def find(self, an: Analysis) -> list[Match]:
        defs = net_definitions(an)
        out: list[Match] = []
        done: set[tuple[int, int]] = set()
        for st, s, e in an.statements:
            kind = type(st).__name__
            if kind not in ("CaseStatement", "ConditionalStatement") or (s, e) in done:
                continue
            done.add((s, e))
            try:
                m = self._case(an, defs, st, s, e) if kind == "CaseStatement" else self._ifs(an, defs, st, s, e, done)
            except Exception:  # noqa: BLE001 - odd trees: no match
                m = None
            if m is not None:
                out.append(m)
        inner: set[tuple[int, int]] = set()
        for info in an.exprs:
            if type(info.node).__name__ != "ConditionalExpression" or (info.start, info.end) in inner:
                continue
            try:
                m = self._chain(an, defs, info, inner)
            except Exception:  # noqa: BLE001 - odd trees: no match
                m = None
            if m is not None:
                out.append(m)
        return out

    def _chain(self, an: Analysis, defs: dict, info, inner: set) -> Match | None:
        """``S == K1 ? v1 : S == K2 ? v2 : .. : vd`` (either operand order of each compare)."""
        arms: list = []
        sel, sel_key, cur = None, None, info.node
        while type(cur).__name__ == "ConditionalExpression" and len(cur.conditions) == 1 \
                and cur.conditions[0].pattern is None:
            got = _sel_eq(an, defs, cur.conditions[0].expr)
            if got is None:
                break
            x, kv = got
            xt = _text(an, x).replace(" ", "")
            if sel_key is not None and xt != sel_key:
                break
            if sel is None:
                sel, sel_key = x, xt
            arms.append(([kv], cur.left))
            ci = an.info(cur)
            if ci is not None:
                inner.add((ci.start, ci.end))
            cur = strip(cur.right)
        if len(arms) < 2 * MIN_PAIRS or sel is None or not is_pure(sel):
            return None
        arms.append((None, cur))
        if not all(_pure(v) for _l, v in arms):
            return None
        bits = _bit_texts(an, sel)
        w = info.width
        if bits is None or not w:
            return None
        got = _pair(an, defs, sel, bits, arms, w, info.start, info.end)
        if got is None:
            return None
        b, flips, pairs, arm_of, rest = got
        sb = bits[b]
        flip = sb if w == 1 else f"{{{w}{{{sb}}}}}"
        by_val: dict[str, list[int]] = {}
        const_val: set[str] = set()
        for v, r in sorted(pairs.items()):
            x = strip(arms[arm_of[v]][1])
            t = _text(an, x)
            if t is None:
                return None
            val = f"({paren(t)} ^ {flip})" if r == "not" else paren(t)
            if r != "not" and an.const(x) is not None:
                const_val.add(val)
            by_val.setdefault(val, []).append(_rest_value(v, rest))
        subject = "{" + ", ".join(bits[i] for i in reversed(rest)) + "}" if len(rest) > 1 else bits[rest[0]]
        last = max(by_val, key=lambda k: (k in const_val, len(by_val[k])))
        parts = []
        for val, vs in by_val.items():
            if val != last:
                cond = " || ".join(f"{subject} == {len(rest)}'d{rv}" for rv in vs)
                parts.append(f"({cond}) ? {val} : ")
        new = "(" + "".join(parts) + last + ")"
        return self._m(an, info.start, info.end, f"?: chain of {len(arms)} arms as {len(pairs)} pairs ({flips} "
                       f"complementary) over bit {b} of {_text(an, sel)}", [Edit(info.start, info.end, new)])

    def _case(self, an: Analysis, defs: dict, st, s: int, e: int) -> Match | None:
        if str(st.condition).split(".")[-1] != "Normal" or not is_pure(st.expr):
            return None
        sel = st.expr
        items = [(list(it.expressions), it.stmt) for it in st.items]
        if an.const(st.expr) == 1 and self_width(st.expr) == 1:
            # ``case (1'b1)`` of decode conditions ``S == K`` (through wires): a selection by S
            sel, key, items1 = None, None, []
            for labels, stmt in items:
                ks = []
                for lab in labels:
                    got = _sel_eq(an, defs, lab)
                    if got is None or (key is not None and _text(an, got[0]).replace(" ", "") != key):
                        return None
                    sel, key = (got[0], _text(an, got[0]).replace(" ", "")) if sel is None else (sel, key)
                    ks.append(got[1])
                items1.append((ks, stmt))
            if sel is None:
                return None
            items = items1
        bits = _bit_texts(an, sel)
        if bits is None:
            return None
        arms, lhs_text, nonblocking, w = [], None, None, 0
        if st.defaultCase is not None:
            items.append((None, st.defaultCase))
        for labels, stmt in items:
            got = _assign_of(stmt)
            if got is None or not _pure(got[1]):
                return None
            lhs, rhs, asg = got
            lt = an.text[slice(*an.span(lhs))].strip()
            if lhs_text is None:
                lhs_text, nonblocking, w = lt, asg.isNonBlocking, self_width(lhs)
            elif lt != lhs_text or asg.isNonBlocking != nonblocking:
                return None
            arms.append((labels, rhs))
        if not w:
            return None
        return self._emit_stmt(an, defs, sel, bits, arms, w, lhs_text, nonblocking, s, e)

    def _ifs(self, an: Analysis, defs: dict, st, s: int, e: int, done: set) -> Match | None:
        """``if (S == K1) y = v1; else if (S == K2) y = v2; .. else y = vd;`` (either operand order)."""
        arms: list = []
        sel, sel_key, cur = None, None, st
        lhs_text, nonblocking, w = None, None, 0
        while type(cur).__name__ == "ConditionalStatement":
            if len(cur.conditions) != 1 or cur.conditions[0].pattern is not None or cur.ifFalse is None:
                return None
            got = _sel_eq(an, defs, cur.conditions[0].expr)
            if got is None:
                return None
            x, kv = got
            xt = _text(an, x).replace(" ", "")
            if sel_key is not None and xt != sel_key:
                return None
            if sel is None:
                sel, sel_key = x, xt
            arms.append(([kv], cur.ifTrue))
            if cur.syntax is not None:
                done.add(an.span(cur.syntax))
            cur = cur.ifFalse
        arms.append((None, cur))
        if len(arms) < 2 * MIN_PAIRS + 1 or sel is None or not is_pure(sel):
            return None
        vals = []
        for labels, stmt in arms:
            got = _assign_of(stmt)
            if got is None or not _pure(got[1]):
                return None
            lhs, rhs, asg = got
            lt = _text(an, lhs)
            if lhs_text is None:
                lhs_text, nonblocking, w = lt, asg.isNonBlocking, self_width(lhs)
            elif lt != lhs_text or asg.isNonBlocking != nonblocking:
                return None
            vals.append((labels, rhs))
        bits = _bit_texts(an, sel)
        if bits is None or not w:
            return None
        return self._emit_stmt(an, defs, sel, bits, vals, w, lhs_text, nonblocking, s, e)

    def _emit_stmt(self, an: Analysis, defs: dict, sel, bits: list[str], arms: list, w: int, lhs_text: str,
                   nonblocking: bool, s: int, e: int) -> Match | None:
        """The statement at ``s..e`` selecting ``arms`` by ``sel`` as a case over the other bits."""
        got = _pair(an, defs, sel, bits, arms, w, s, e)
        if got is None:
            return None
        b, flips, pairs, arm_of, rest = got
        sb = bits[b]
        flip = sb if w == 1 else f"{{{w}{{{sb}}}}}"
        op = "<=" if nonblocking else "="
        by_stmt: dict[str, list[str]] = {}
        const_body: dict[str, bool] = {}
        for v, r in sorted(pairs.items()):
            rhs = strip(arms[arm_of[v]][1])
            t = _text(an, rhs)
            if t is None:
                return None
            body = f"{lhs_text} {op} {paren(t)} ^ {flip};" if r == "not" else f"{lhs_text} {op} {t};"
            const_body[body] = r != "not" and an.const(rhs) is not None
            by_stmt.setdefault(body, []).append(f"{len(rest)}'d{_rest_value(v, rest)}")
        subject = "{" + ", ".join(bits[i] for i in reversed(rest)) + "}" if len(rest) > 1 else bits[rest[0]]
        ind = _indent(an.text, s)
        # the default: a constant arm when there is one (Yosys then builds the select of the other arms
        # over a constant: on the branch condition 345 um^2 against 382 with a comparison as default)
        consts = {body for body, v in const_body.items() if v}
        common = max(by_stmt, key=lambda k: (k in consts, len(by_stmt[k])))
        lines = [f"case ({subject})"]
        for body, labs in by_stmt.items():
            if body != common:
                lines.append(f"{ind}  {', '.join(labs)}: {body}")
        lines.append(f"{ind}  default: {common}")
        lines.append(f"{ind}endcase")
        return self._m(an, s, e, f"{2 * len(pairs)} selector values as {len(pairs)} pairs ({flips} complementary) "
                       f"over bit {b} of {_text(an, sel)}",
                       [Edit(s, e, "\n".join(lines))])

def _sel_eq(an: Analysis, defs: dict, cond):
    """``(S, K)`` of a condition ``S == K`` / ``K == S`` (K constant), seen through one single-driver wire
    (``wire is_bne = f3 == 3'b001;``), else None."""
    c = strip(cond)
    if type(c).__name__ == "NamedValueExpression" and skey(c.symbol) in defs:
        c = strip(defs[skey(c.symbol)])
    if type(c).__name__ != "BinaryExpression" or op_name(c) != "Equality":
        return None
    x, k = strip(c.left), strip(c.right)
    kv = _const_of(an, k)
    if kv is None:
        x, k = k, x
        kv = _const_of(an, k)
    if kv is None or _text(an, x) is None or not is_pure(x):
        return None
    return x, kv

def _text(an: Analysis, node) -> str | None:
    node = strip(node)
    return an.text[slice(*an.span(node))].strip() if node.syntax is not None else None


def _rest_value(v: int, rest: list[int]) -> int:
    rv = 0
    for k, i in enumerate(rest):
        rv |= (v >> i & 1) << k
    return rv


def _pair(an: Analysis, defs: dict, sel, bits: list[str], arms: list, w: int, s: int, e: int):
    """The selector bit whose value pairs complementary (or equal) arms: ``(bit, complementary pairs,
    {value with the bit 0: "not" / "eq"}, {selector value: arm index}, other bits)``, else None. ``arms``:
    ``(labels or None for the default, value)``; the values are read at width ``w`` through single-driver
    wires and the blocking writes before ``s`` in the enclosing block."""
    n = len(bits)
    arm_of: dict[int, int] = {}
    default = None
    for i, (labels, _rhs) in enumerate(arms):
        if labels is None:
            default = i
            continue
        for lab in labels:
            v = lab if isinstance(lab, int) else _const_of(an, lab)
            if v is None or v >> n:
                return None
            arm_of.setdefault(v, i)
    for v in range(1 << n):
        if v not in arm_of:
            if default is None:
                return None
            arm_of[v] = default
    zx = Z3Expr(an, defs=defs)
    blk = _block_of(an, s, e)
    if blk is not None:
        _prefix_rename(an, zx, blk[2], s)
    val = []
    for _labels, rhs in arms:
        if (self_width(rhs) or 0) < w and _signed(rhs):
            return None  # a sign-extended arm: the XOR form would zero-extend it
        val.append(_resize(zx.bv(rhs), w, _signed(rhs)))
    sel_reads = reads(sel)
    if any(reads(rhs) & sel_reads for _l, rhs in arms):
        return None  # arms that read the selector: the pairing would have to hold for that bit too
    rel: dict = {}

    def relation(i: int, j: int) -> str | None:
        if i == j:
            return "eq"
        key = (min(i, j), max(i, j))
        if key not in rel:
            if unsat(val[i] != val[j], timeout_ms=1000):
                rel[key] = "eq"
            elif unsat(val[i] != ~val[j], timeout_ms=1000):
                rel[key] = "not"
            else:
                rel[key] = None
        return rel[key]

    best = None
    for b in range(n):
        pairs, ok = {}, True
        for v in range(1 << n):
            if v >> b & 1:
                continue
            r = relation(arm_of[v], arm_of[v | 1 << b])
            if r is None:
                ok = False
                break
            pairs[v] = r
        flips = sum(1 for r in pairs.values() if r == "not")
        if ok and flips >= MIN_PAIRS and (best is None or flips > best[1]):
            best = (b, flips, pairs)
    if best is None:
        return None
    b, flips, pairs = best
    return b, flips, pairs, arm_of, [i for i in range(n) if i != b]


def _indent(text: str, offset: int) -> str:
    ls = text.rfind("\n", 0, offset) + 1
    pre = text[ls:offset]
    return pre if not pre.strip() else pre[: len(pre) - len(pre.lstrip())]


__all__ = ["ComplementArmXor"]
