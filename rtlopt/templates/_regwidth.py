"""Register width reduction: declare counters and state registers as wide as the values they reach.

Synthesis trims bits nobody reads, but not bits that only ever hold zeros because of the
register's own update rule: a ``reg [15:0] cnt`` that counts 0..9 keeps sixteen flip-flops and a
16-bit incrementer. This template bounds the register's values structurally and proposes the
narrower declaration; the equivalence check from reset (induction) is what proves the bound.

A register qualifies when it is internal, unsigned, declared with a literal ``[H:0]`` range,
written only as a whole, from a clocked block, and every write is one of

* a constant (literal or parameter) ``c``,
* ``r + c`` / ``r - c`` / ``c + r`` (a step of the register itself), or
* a narrower unsigned signal, select or concatenation (a load of a ``w``-bit value: at most 2^w - 1;
  not an operator such as ``a + b``, whose carry grows with the context).

The bound is the largest written constant, ``2^w - 1`` of the loads, and the largest constant the
register is compared with in a condition that encloses a step (``if (r == 9) r <= 0; else r <= r + 1``,
``if (r < LIMIT) r <= r + 2``) plus the largest step; a step that no such comparison guards
(a free-running counter) disqualifies the register. The bound is used only when the steps' own
conditions keep the count within it (:func:`_steps_sound`: a step under ``r != C`` alone stops at ``C``
only when it cannot start above it) or when the z3 bound below (per controller state) is within it: a
state compared with 1 but entered with the count at 7 runs to the full width. Constants written to the
register and constants it is compared with are re-sized to the new width.

Registers this syntactic bound does not cover (ternary updates ``cnt <= (cnt == N-1) ? 0 : cnt + 1``,
saturating accumulators, modulo counters declared 32-bit, index registers bounded by a compare in
an enclosing ``if``, loads of narrow inputs through muxes) get an inductive bound from z3
(:func:`inductive_bound`): the smallest ``B`` among the constants of the register's updates (±1)
and ``2^k - 1`` such that every write, under the conditions that guard it, maps ``r <= B`` to a value
``<= B`` and one write is a constant (the reset). Such a register is narrowed without touching
any read: ``reg [31:0] cnt;`` becomes ``reg [k-1:0] cnt_q; wire [31:0] cnt = cnt_q;`` and the
writes target ``cnt_q`` (every read still sees the full-width value, which the bound keeps equal).
An ``output reg`` keeps its port declaration and becomes a combinational copy of the narrow
register (``reg [8:0] count_q; always @* count = count_q;``).

The z3 bound also covers: a module instantiated with other parameter values per instance (proven per
elaborated copy from that copy's own nodes; when the bounds follow a parameter ``P`` the declaration is
``$clog2((P) + 1)`` bits, right in every copy), a counter whose step is guarded by a 1-bit flag
register rather than its own compare (``r <= b`` proven together with ``f == v -> r != 0 / b``), and
the elements of an unpacked array of counters written ``A[i] <= ...`` in a loop (a generic element;
the element range is narrowed in place).
"""

from __future__ import annotations

import re

from pyslang import ast

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._sem import Analysis, literal, op_name, self_width, strip
from rtlopt.templates._width import BitwidthReduction, _comb_spans, _context_safe, _key, _width

#: Loads whose value cannot grow with the context width (unlike ``a + b``, whose carry needs it).
_LOADS = {"NamedValueExpression", "RangeSelectExpression", "ElementSelectExpression", "ConcatenationExpression",
          "ReplicationExpression"}
_CMP = {"Equality", "Inequality", "CaseEquality", "CaseInequality", "LessThan", "LessThanEqual",
        "GreaterThan", "GreaterThanEqual"}

#: ``Match.data["kind"]`` of the matches that narrow declarations and nothing else (each with ``reg``:
#: the register's key, or a tuple of keys for one declaration of several, and ``bits``: its new width,
#: or a tuple). The alternatives that also rewrite comparisons carry no kind.
NARROWING_KINDS = frozenset({"declared", "per_copy", "inductive", "in_place", "output_copy", "integer_copy",
                             "array_elements", "signed_copy", "signed_output_copy"})


def is_narrowing(m: Match) -> bool:
    """Whether ``m`` (a register_width_reduction match) narrows declarations only (its data says so)."""
    return isinstance(m.data, dict) and m.data.get("kind") in NARROWING_KINDS


def _narrowed(kind: str, keys: list, bits: list) -> dict:
    """The data of a narrowing match of the registers ``keys`` to ``bits``."""
    if len(keys) == 1:
        return {"kind": kind, "reg": keys[0], "bits": bits[0]}
    return {"kind": kind, "reg": tuple(keys), "bits": tuple(bits)}


def _param_only(node) -> bool:
    """An expression of literals, parameters and ``$clog2``-style constant calls only (``HOLD - 1``,
    ``DEPTH``, ``$clog2(N) + 1``): a constant at the elaborated parameter values. (Rewrites that
    fold one are pinned to the values the proof covers: engine.parampin.)"""
    node = strip(node)
    name = type(node).__name__
    if name in ("IntegerLiteral", "UnbasedUnsizedIntegerLiteral"):
        return True
    if name == "NamedValueExpression":
        return isinstance(node.symbol, ast.ParameterSymbol)
    if name == "BinaryExpression":
        return _param_only(node.left) and _param_only(node.right)
    if name in ("UnaryExpression", "ConversionExpression"):
        return _param_only(node.operand)
    if name == "ConditionalExpression":
        return all(_param_only(c.expr) for c in node.conditions) and _param_only(node.left) \
            and _param_only(node.right)
    if name == "ConcatenationExpression":  # {WIDTH{1'b0}}, {{PAD{1'b0}}, LAST}
        return all(_param_only(o) for o in node.operands)
    if name == "ReplicationExpression":
        return _param_only(node.count) and _param_only(node.concat)
    if name == "CallExpression":
        return bool(getattr(node, "isSystemCall", False)) and getattr(node, "subroutineName", None) in ("$clog2", "$bits") \
            and all(_param_only(a) for a in node.arguments)
    return False


def _pkey(sym) -> tuple:
    loc = sym.location
    return (sym.name, loc.buffer.id, loc.offset)


def _multi_params(an: Analysis) -> set[tuple]:
    """Parameters (by declaration) whose value differs between elaborated copies of their module:
    a module instantiated twice with other values (``#(.DIV(16))`` and ``#(.DIV(1250))``); localparams
    computed from them included. The analysis sees every copy's nodes under one span."""
    got = getattr(an, "_multi_params", None)
    if got is None:
        vals: dict[tuple, set[str]] = {}
        for sym in an.symbols:
            if isinstance(sym, ast.ParameterSymbol):
                try:
                    vals.setdefault(_pkey(sym), set()).add(str(sym.value))
                except Exception:  # noqa: BLE001 - an odd parameter: treat as varying
                    vals.setdefault(_pkey(sym), set()).update({"?", "??"})
        got = an._multi_params = {k for k, v in vals.items() if len(v) > 1}
    return got


def _scope_varies(an: Analysis, sym) -> bool:
    """The module declaring ``sym`` has a parameter whose value differs between its copies."""
    try:
        body = sym.parentScope.containingInstance.body
        multi = _multi_params(an)
        return any(isinstance(m, ast.ParameterSymbol) and _pkey(m) in multi for m in body)
    except Exception:  # noqa: BLE001 - no instance body found: treat as varying
        # ... unless only generate-loop genvars vary (one value per iteration, not per copy of a module;
        # the z3 model reads every iteration's elaborated nodes)
        multi = _multi_params(an)
        return any(isinstance(p, ast.ParameterSymbol) and _pkey(p) in multi and not _is_genvar(p)
                   for p in an.symbols)


def _is_genvar(sym) -> bool:
    """A generate loop's iteration value (``genvar t`` seen inside one iteration's block)."""
    syn = getattr(sym, "syntax", None)
    return syn is not None and type(syn).__name__ == "IdentifierNameSyntax"


def _varies(an: Analysis, node) -> bool:
    """``node`` reads a parameter whose value differs between the elaborated copies of its module."""
    multi = _multi_params(an)
    if not multi:
        return False
    hit = []

    def visit(n):
        if type(n).__name__ == "NamedValueExpression" and isinstance(n.symbol, ast.ParameterSymbol) \
                and _pkey(n.symbol) in multi:
            hit.append(n)
        return not hit

    strip(node).visit(visit)
    return bool(hit)


def _copies_max(an: Analysis, node) -> int | None:
    """The largest value of a parameter expression over every elaborated copy of its syntax (an upper
    bound that holds in each copy), or None."""
    table = getattr(an, "_param_copies", None)
    if table is None:
        table = an._param_copies = {}

        def visit(n):
            if isinstance(n, ast.Expression) and n.syntax is not None and _param_only(n) \
                    and type(n).__name__ not in ("IntegerLiteral", "UnbasedUnsizedIntegerLiteral"):
                table.setdefault(an.span(n.syntax), []).append(n)
            return True

        an.root.visit(visit)
    vals = []
    for n in table.get(an.span(node.syntax), [node]) if node.syntax is not None else [node]:
        try:
            sv = n.eval(ast.EvalContext(an.root)).value
        except Exception:  # noqa: BLE001 - pyslang raises assorted errors on odd nodes
            return None
        if type(sv).__name__ != "SVInt" or sv.hasUnknown or int(sv) < 0:
            return None
        vals.append(int(sv))
    return max(vals) if vals else None


def _const(an: Analysis, node) -> int | None:
    """The value of a constant expression; for a parameter expression whose value differs between
    the elaborated copies of the module, the largest (this module's uses are upper bounds; the
    equality rewrites ask :func:`_varies` first)."""
    node = strip(node)
    v = an.const(node)
    if v is not None:
        return v
    if _param_only(node) and _varies(an, node):
        return _copies_max(an, node)
    if type(node).__name__ != "NamedValueExpression" and _param_only(node):
        try:
            sv = node.eval(ast.EvalContext(an.root)).value
        except Exception:  # noqa: BLE001 - pyslang raises assorted errors on odd nodes
            return None
        if type(sv).__name__ == "SVInt" and not sv.hasUnknown:
            v = int(sv)
            return v if v >= 0 else None
        return None
    if type(node).__name__ == "NamedValueExpression" and isinstance(node.symbol, ast.ParameterSymbol):
        try:
            sv = node.eval(ast.EvalContext(an.root)).value
        except Exception:  # noqa: BLE001 - pyslang raises assorted errors on odd nodes
            return None
        if type(sv).__name__ == "SVInt" and not sv.hasUnknown:
            return int(sv)
    return None


def _is_reg(node, key) -> bool:
    node = strip(node)
    return type(node).__name__ == "NamedValueExpression" and _key(node.symbol) == key


def _is_reg_read(node, key) -> bool:
    """``r`` itself, or its low bits zero-extended (``{26'b0, r[5:0]}``, how a narrowing of an earlier
    round spells the reads): equal to ``r`` whenever ``r`` fits the slice, which a proven bound ``r <= C``
    below the slice's range guarantees (the callers' bound is checked against the slice width)."""
    if _is_reg(node, key):
        return True
    return _low_slice_bits(node, key) is not None


def _low_slice_bits(node, key) -> int | None:
    """Bits of the low slice in ``{0..., r[m:0]}`` (zero-extended low bits of register ``key``), else None."""
    node = strip(node)
    if type(node).__name__ != "ConcatenationExpression":
        return None
    ops = list(node.operands)
    if len(ops) != 2:
        return None
    z, sl = strip(ops[0]), strip(ops[1])
    if type(z).__name__ != "IntegerLiteral":
        return None
    zt = str(z.constant) if getattr(z, "constant", None) is not None else \
        (str(z.syntax).strip() if z.syntax is not None else "")
    if not re.fullmatch(r"(?:\d*'s?[bBdDhHoO])?0+", zt.replace("_", "")):
        return None
    if type(sl).__name__ != "RangeSelectExpression" or not _is_reg(sl.value, key):
        return None
    try:
        lo, hi = int(str(sl.right.constant)), int(str(sl.left.constant))
    except (AttributeError, TypeError, ValueError):
        return None
    return hi + 1 if lo == 0 and hi >= 0 else None


class RegisterWidthReduction(Template):
    """``reg [15:0] cnt`` counting 0..9 → ``reg [3:0] cnt`` (proven from reset)."""

    id = "register_width_reduction"
    rule = "register_width_reduction"
    description = "narrow counters and registers to the range of values they can reach"

    def find(self, an: Analysis) -> list[Match]:
        cands = BitwidthReduction._candidates(an, param_ranges=True)
        roots = BitwidthReduction._roots(an, cands)
        comb = _comb_spans(an)
        from rtlopt.templates._regwrap import wrap_matches
        from rtlopt.templates._signedrange import signed_range_matches

        # counters kept in fewer bits than their range, wrapping where no read sees it: listed first, so
        # that all matches at once take them over the same register's range narrowing (their own group
        # lets the search also try every match but them)
        wraps = wrap_matches(self, an)
        if not cands:
            return wraps + _output_reg_matches(self, an, roots, comb) + _integer_reg_matches(self, an, roots, comb) \
                + _array_reg_matches(self, an) + signed_range_matches(self, an, roots, comb)
        writes: dict[tuple[str, int], list] = {}
        clocked: set[tuple[str, int]] = set()
        bad: set[tuple[str, int]] = set()
        for kind, node, sym in roots:
            if kind == "init" and _key(sym) in cands:
                bad.add(_key(sym))  # an initial value is not a reset: leave such registers alone
            elif kind == "assign":
                lhs = strip(node.left)
                if type(lhs).__name__ != "NamedValueExpression" or _key(lhs.symbol) not in cands:
                    continue
                k = _key(lhs.symbol)
                s, e = an.span(node)
                if node.isNonBlocking or not any(a <= s and e <= b for a, b in comb):
                    clocked.add(k)
                writes.setdefault(k, []).append(node)
        narrow: dict[tuple[str, int], int] = {}
        aliased: dict[tuple[str, int], int] = {}  # the bound above, for the alias form (_inductive_matches)
        resize: dict[tuple[str, int], list[tuple[object, int]]] = {}
        width_expr: dict[tuple[str, int], str] = {}  # a width that differs per elaborated copy
        ternary: set[tuple[str, int]] = set()  # registers with a ternary next value (the z3 bound first)
        for k, ws in writes.items():
            if k in bad or k not in clocked:
                continue
            sym = cands[k]
            width = _width(sym)
            bound, step, lits = 0, 0, []
            guards: list[tuple[object, int]] = []
            ok = True
            steps: list[tuple[object, list]] = []  # (write, enclosing ternary conditions) of each step
            kinds: list[tuple[object, list, str, object]] = []  # the same with the step's operator and constant
            loads: list = []  # the constants written
            load_top = 0  # the largest value of a narrower load
            adds: set[int] = set()  # ids of the step literals of up-counting steps
            reset = False  # a constant write under conditions that do not read the register
            for w in ws:
                leaves = _rhs_leaves(w.right)
                if len(leaves) > 1:
                    ternary.add(k)
                for rhs, conds in leaves:
                    c = _const(an, rhs)
                    if c is not None:
                        bound = max(bound, c)
                        lits.append((rhs, c))
                        loads.append(rhs)
                        reset = reset or (not any(_mentions(cx, k) for cx, _p in conds)
                                          and not _encloses_read(an, k, w))
                        continue
                    if conds and _is_reg(rhs, k):
                        continue  # a ternary arm holding the register's value
                    if type(rhs).__name__ == "BinaryExpression" and op_name(rhs) in ("Add", "Subtract"):
                        left, right = strip(rhs.left), strip(rhs.right)
                        cl, cr = _const(an, left), _const(an, right)
                        g = self._guards(an, k, w)
                        for cx, _pos in conds:  # 'r <= cond ? a : b' guards its arms like 'if (cond)'
                            g = g + self._cmp_in(an, k, cx)
                        if _is_reg(left, k) and cr is not None and g:
                            step, guards = max(step, cr), guards + g
                            lits.append((right, cr))
                            steps.append((w, conds))
                            kinds.append((w, conds, op_name(rhs), right))
                            if op_name(rhs) == "Add":
                                adds.add(id(right))
                            continue
                        if op_name(rhs) == "Add" and _is_reg(right, k) and cl is not None and g:
                            step, guards = max(step, cl), guards + g
                            lits.append((left, cl))
                            steps.append((w, conds))
                            kinds.append((w, conds, "Add", left))
                            adds.add(id(left))
                            continue
                    sw = self_width(rhs)
                    if type(rhs).__name__ in _LOADS and sw is not None and sw < width and not rhs.type.isSigned \
                            and not _mentions(rhs, k):
                        bound = max(bound, (1 << sw) - 1)
                        load_top = max(load_top, (1 << sw) - 1)
                        continue
                    ok = False
                    break
                if not ok:
                    break
            if not ok or (adds and not _loads_below_guards(an, lits, adds, guards)):
                continue
            if k in ternary and not reset:
                continue  # 'r <= (r == 23) ? 0 : r + 1' with no reset starts anywhere
            cmps = self._comparisons(an, k)
            per_copy = _per_copy_width(an, k, steps, bound, step, lits, guards)
            bound = max([bound] + [c for _n, c in guards]) + step
            bits = max(1, bound.bit_length())
            if bits >= width:
                continue
            if not _steps_sound(an, k, loads, load_top, kinds, bound):
                # the compares alone do not keep the count in range (a state entered with the count past
                # its compare): this bound only where z3's (per-state) one is within it, else z3's alone
                ib = inductive_bound(an, k, sym, ws) if all(w.isNonBlocking for w in ws) else None
                if ib is None or ib > bits:
                    continue
                per_copy = None
            if not BitwidthReduction._reads_ok(an, sym, roots) or _layout_read(an, k, bits):
                # reads that cannot be re-sized in place (a slice above the new width, 't[15:3] != 0'):
                # the narrow register behind a full-width alias wire keeps every read as written
                aliased[k] = bits
                continue
            narrow[k] = bits
            resize[k] = lits + cmps
            if per_copy is not None and per_copy[1] < bits and not _layout_read(an, k, per_copy[1]):
                width_expr[k] = per_copy[0]
        # a counter whose compares bound it per controller state (3 in START, 7 in DATA) gets a tighter
        # z3 bound than its largest compare plus its step: offered instead of the syntactic narrowing
        # (not for a module elaborated with other parameter values per instance: its syntactic narrowing
        # has a width per copy, the z3 one the largest over the copies)
        better = {k for k, b in narrow.items() if k not in ternary and k in writes and k in clocked and k not in bad
                  and k not in width_expr and not (_multi_params(an) and _scope_varies(an, cands[k]))
                  and all(w.isNonBlocking for w in writes[k])
                  and (ib := inductive_bound(an, k, cands[k], writes[k])) is not None and ib < b}
        for k in better:  # (the tighter one instead: all matches together keep one narrowing per register)
            narrow.pop(k)
        ind = _inductive_matches(self, an, cands, writes, clocked, bad, set(narrow) - ternary, aliased)
        for c in ind:  # a ternary chain's z3 bound sees its '<' guards exactly (127, not 127 + 1)
            if c.data.get("kind") == "inductive" and c.data.get("reg") in ternary:
                narrow.pop(c.data["reg"], None)
        ind += _output_reg_matches(self, an, roots, comb)
        ind += _integer_reg_matches(self, an, roots, comb)
        ind += _range_compare_matches(self, an, cands, writes, clocked, bad)
        ind += _array_reg_matches(self, an)
        ind += _inplace_matches(self, an, cands, roots, ind)
        ind += signed_range_matches(self, an, roots, comb)
        if not narrow:
            return wraps + ind
        matches = BitwidthReduction()._matches(an, cands, narrow, roots)
        out = []
        for m in matches:
            keys = [k for k in narrow if an.span(cands[k].syntax.parent) == (m.start, m.end)]
            extra = []
            have = {(e.start, e.end) for e in m.edits}
            for k in keys:
                for node, c in resize[k]:
                    info = an.info(node)
                    if info is None or (info.start, info.end) in have or "'" not in info.text:
                        continue  # only sized literals; parameters and plain numbers stay
                    if type(strip(node)).__name__ != "IntegerLiteral" or c >= (1 << narrow[k]):
                        continue
                    have.add((info.start, info.end))
                    extra.append(Edit(info.start, info.end, literal(c, narrow[k])))
            desc = m.description.replace("bitwidth_reduction", self.id, 1)
            out.append(Match(self.id, m.start, m.end, m.line, desc + " (value range from reset)",
                             m.edits + tuple(extra), m.original,
                             {**m.data, **_narrowed("declared", keys, [narrow[k] for k in keys])}))
            # the narrowing together with the same register's equality compares (a later round no longer
            # sees a register declared by a width expression, so the pair is offered here)
            for c in ind:
                if c.data.get("reg") in keys and c.data.get("group") == "compare_eq":
                    out.append(Match(self.id, m.start, m.end, m.line, desc + "; " + c.description.split(": ", 1)[-1],
                                     m.edits + tuple(extra) + c.edits, m.original, {"alternative": True}))
            per = [k for k in keys if k in width_expr]
            if per and len(keys) == 1:
                # copies of the module bound the register by other parameter values: the width as an
                # expression of the parameters, right in every copy (the wider copies' literals keep
                # their values: writes truncate, comparisons zero-extend)
                k = per[0]
                old_rng = f"[{narrow[k] - 1}:0]"
                new_rng = f"[{width_expr[k]}-1:0]"
                eds = tuple(Edit(e.start, e.end, e.replacement.replace(old_rng, new_rng, 1))
                            if old_rng in e.replacement else e for e in m.edits + tuple(extra))
                if any(old_rng in e.replacement for e in m.edits):
                    out.append(Match(self.id, m.start, m.end, m.line,
                                     f"{desc.split(' (')[0]} as {new_rng} per elaborated copy (value range from "
                                     f"reset)", eds, m.original, {**m.data, **_narrowed("per_copy", [k], [narrow[k]])}))
                    for c in ind:
                        if c.data.get("reg") == k and c.data.get("group") == "compare_eq":
                            out.append(Match(self.id, m.start, m.end, m.line,
                                             f"{desc.split(' (')[0]} as {new_rng} per elaborated copy; "
                                             + c.description.split(": ", 1)[-1], eds + c.edits, m.original,
                                             {"alternative": True}))
        return wraps + out + ind

    @staticmethod
    def _guards(an: Analysis, key, write) -> list[tuple[object, int]]:
        """Comparisons of the register with constants in the conditions that enclose ``write``
        (``if`` / ``else`` branches and ``case`` on the register): what keeps a step in range."""
        ws, we = an.span(write)
        out = []
        for st, s, e in an.statements:
            if not (s <= ws and we <= e):
                continue
            kind = type(st).__name__
            if kind == "ConditionalStatement":
                for c in st.conditions:
                    out.extend(RegisterWidthReduction._cmp_in(an, key, c.expr))
            elif kind == "CaseStatement" and _is_reg(st.expr, key):
                for item in st.items:
                    for x in item.expressions:
                        v = _const(an, x)
                        if v is not None:
                            out.append((strip(x), v))
        return out

    @staticmethod
    def _cmp_in(an: Analysis, key, cond, depth: int = 0) -> list[tuple[object, int]]:
        """Comparisons of the register with constants in ``cond``, seen through wires with one driver
        (``wire at_lim = (cnt == LIM)``) and through calls of functions that return only constants
        (``cnt == limit(ph)``: each value ``limit`` can return)."""
        from rtlopt.templates._guards import skey

        out = []
        nested = []

        def visit(n):
            if not isinstance(n, ast.Expression):
                return True
            kind = type(n).__name__
            if kind == "BinaryExpression" and op_name(n) in _CMP:
                for a, b in ((n.left, n.right), (n.right, n.left)):
                    if not _is_reg(a, key):
                        continue
                    c = _const(an, b)
                    if c is not None:
                        out.append((strip(b), c))
                        continue
                    for v in _function_returns(an, b) or ():
                        out.append((strip(b), v))
            elif kind == "NamedValueExpression" and depth < 3 and isinstance(n.symbol, ast.NetSymbol):
                d = net_defs_cached(an).get(skey(n.symbol))
                if d is not None:
                    nested.append(d)
            return True

        cond.visit(visit)
        for d in nested:
            out.extend(RegisterWidthReduction._cmp_in(an, key, d, depth + 1))
        return out

    @staticmethod
    def _comparisons(an: Analysis, key) -> list[tuple[object, int]]:
        """``(constant node, value)`` of every comparison of the register with a constant."""
        out = []
        for info in an.exprs:
            n = info.node
            if type(n).__name__ != "BinaryExpression" or op_name(n) not in _CMP:
                continue
            for a, b in ((n.left, n.right), (n.right, n.left)):
                if _is_reg(a, key):
                    c = _const(an, b)
                    if c is not None:
                        out.append((strip(b), c))
        return out


def _copies_values(an: Analysis, node) -> list[int] | None:
    """The value of a parameter expression in every elaborated copy of its syntax (None if one fails)."""
    _copies_max(an, node)  # fills the table
    vals = []
    for n in an._param_copies.get(an.span(node.syntax), [node]) if node.syntax is not None else [node]:
        try:
            sv = n.eval(ast.EvalContext(an.root)).value
        except Exception:  # noqa: BLE001 - pyslang raises assorted errors on odd nodes
            return None
        if type(sv).__name__ != "SVInt" or sv.hasUnknown:
            return None
        vals.append(int(sv))
    return vals


def _branch_adjust(an: Analysis, key, write, cnode) -> int:
    """-1 when the write lies on the branch of ``if (r == C)`` / ``if (r >= C)`` (else) or ``r < C`` /
    ``r != C`` (then) that excludes ``C`` itself (the step starts from at most ``C - 1``), else 0."""
    ws, we = an.span(write)
    cs = an.span(cnode.syntax) if cnode.syntax is not None else None
    for st, s, e in an.statements:
        if not (s <= ws and we <= e) or type(st).__name__ != "ConditionalStatement" or len(st.conditions) != 1:
            continue
        c = strip(st.conditions[0].expr)
        if type(c).__name__ != "BinaryExpression" or op_name(c) not in _CMP:
            continue
        if not (_is_reg(c.left, key) and strip(c.right).syntax is not None and an.span(strip(c.right).syntax) == cs):
            continue
        then_s, then_e = an.span(st.ifTrue)
        in_then = then_s <= ws and we <= then_e
        op = op_name(c)
        if (not in_then and op in ("Equality", "GreaterThanEqual")) or (in_then and op in ("LessThan", "Inequality")):
            return -1
    return 0


def _rhs_leaves(rhs, conds: tuple = ()) -> list[tuple[object, list]]:
    """The arms of a (nested) ternary right-hand side, each with the ``(condition, polarity)`` pairs
    that select it (``r <= c ? a : b`` is read like ``if (c) r <= a; else r <= b;``)."""
    rhs = strip(rhs)
    if type(rhs).__name__ == "ConditionalExpression" and len(rhs.conditions) == 1 \
            and rhs.conditions[0].pattern is None:
        c = rhs.conditions[0].expr
        return _rhs_leaves(rhs.left, conds + ((c, True),)) + _rhs_leaves(rhs.right, conds + ((c, False),))
    return [(rhs, list(conds))]


def _loads_below_guards(an: Analysis, lits, adds: set, guards) -> bool:
    """An up-count stops at its guard only when it starts below it: a constant load above every guard
    value (``c <= (c == 9) ? 20 : c + 1``: 20, 21, ... run past 9 to the full width) breaks the bound,
    in any elaborated copy (a varying guard counts with its smallest value)."""
    def low(n, c):
        vals = _copies_values(an, n) if _param_only(n) and _varies(an, n) else None
        return min(vals) if vals else c

    def high(n, c):
        vals = _copies_values(an, n) if _param_only(n) and _varies(an, n) else None
        return max(vals) if vals else c

    top = max((low(n, c) for n, c in guards), default=None)
    if top is None:
        return False
    return all(high(n, c) <= top for n, c in lits if id(n) not in adds)


def _function_returns(an: Analysis, node) -> list[int] | None:
    """The values a call of a user function can return when every assignment to its return variable
    (and every ``return``) is a constant: ``limit(ph)`` of an if/case table of limits. None otherwise."""
    node = strip(node)
    if type(node).__name__ != "CallExpression" or getattr(node, "isSystemCall", False):
        return None
    sub = node.subroutine
    if type(sub).__name__ != "SubroutineSymbol" or not str(sub.subroutineKind).endswith("Function"):
        return None
    ret = sub.returnValVar
    if ret is None or sub.body is None:
        return None
    vals: list[int] = []
    bad = []

    def visit(n):
        kind = type(n).__name__
        if kind == "AssignmentExpression":
            lhs = strip(n.left)
            if type(lhs).__name__ == "NamedValueExpression" and _key(lhs.symbol) == _key(ret):
                c = _const(an, n.right)
                (vals.append(c) if c is not None else bad.append(n))
            elif _mentions(n.left, _key(ret)):
                bad.append(n)  # a part of the return value written
        elif kind == "ReturnStatement" and getattr(n, "expr", None) is not None:
            c = _const(an, n.expr)
            (vals.append(c) if c is not None else bad.append(n))
        return True

    sub.body.visit(visit)
    return sorted(set(vals)) if vals and not bad else None


def _encloses_read(an: Analysis, key, write) -> bool:
    """True if an ``if`` / ``case`` around ``write`` reads the register (the write is no reset)."""
    ws, we = an.span(write)
    for st, s, e in an.statements:
        if not (s <= ws and we <= e):
            continue
        kind = type(st).__name__
        if kind == "ConditionalStatement" and any(_mentions(c.expr, key) for c in st.conditions):
            return True
        if kind == "CaseStatement" and _mentions(st.expr, key):
            return True
    return False


def _cond_adjust(an: Analysis, key, conds: list, cnode) -> int:
    """:func:`_branch_adjust` for the ternary conditions that select a step's arm."""
    cs = an.span(cnode.syntax) if cnode.syntax is not None else None
    for c, positive in conds:
        c = strip(c)
        if type(c).__name__ != "BinaryExpression" or op_name(c) not in _CMP:
            continue
        if not (_is_reg(c.left, key) and strip(c.right).syntax is not None and an.span(strip(c.right).syntax) == cs):
            continue
        op = op_name(c)
        if (not positive and op in ("Equality", "GreaterThanEqual")) or (positive and op in ("LessThan", "Inequality")):
            return -1
    return 0


_NEGATE = {"LessThan": "GreaterThanEqual", "GreaterThanEqual": "LessThan", "LessThanEqual": "GreaterThan",
           "GreaterThan": "LessThanEqual", "Equality": "Inequality", "Inequality": "Equality",
           "CaseEquality": "CaseInequality", "CaseInequality": "CaseEquality"}
_MIRROR = {"LessThan": "GreaterThan", "GreaterThan": "LessThan", "LessThanEqual": "GreaterThanEqual",
           "GreaterThanEqual": "LessThanEqual"}
#: what ``r OP C`` says of ``r``: (kind, adjustment) pairs, kind ``le`` (r <= C + adj), ``ge`` (r >= C + adj)
#: or ``ne`` (r != C)
_FACTS = {"LessThan": (("le", -1),), "LessThanEqual": (("le", 0),), "GreaterThan": (("ge", 1),),
          "GreaterThanEqual": (("ge", 0),), "Equality": (("le", 0), ("ge", 0)),
          "CaseEquality": (("le", 0), ("ge", 0)), "Inequality": (("ne", 0),), "CaseInequality": (("ne", 0),)}


def _cond_facts(an: Analysis, key, cond, positive: bool, depth: int = 0) -> list[tuple[str, list, int]]:
    """What ``cond`` being ``positive`` says of register ``key``: ``(kind, constant nodes, adj)`` facts
    (``r <= max(C) + adj``, ``r >= min(C) + adj``, ``r`` none of ``C``), through ``!``, ``&&`` (true),
    ``||`` (false) and wires with one driver."""
    from rtlopt.templates._guards import skey

    e = strip(cond)
    kind = type(e).__name__
    if kind == "UnaryExpression" and op_name(e) == "LogicalNot":
        return _cond_facts(an, key, e.operand, not positive, depth)
    if kind == "NamedValueExpression" and depth < 3 and isinstance(e.symbol, ast.NetSymbol):
        d = net_defs_cached(an).get(skey(e.symbol))
        return [] if d is None else _cond_facts(an, key, d, positive, depth + 1)
    if kind != "BinaryExpression":
        return []
    op = op_name(e)
    if (op == "LogicalAnd" and positive) or (op == "LogicalOr" and not positive):
        return _cond_facts(an, key, e.left, positive, depth) + _cond_facts(an, key, e.right, positive, depth)
    if op not in _FACTS:
        return []
    for a, b, flip in ((e.left, e.right, False), (e.right, e.left, True)):
        if _is_reg(a, key) and _const(an, b) is not None:
            o = _MIRROR.get(op, op) if flip else op
            o = o if positive else _NEGATE[o]
            return [(f, [strip(b)], adj) for f, adj in _FACTS[o]]
    return []


def _path_facts(an: Analysis, key, write, conds) -> list[tuple[str, list, int]]:
    """Facts on register ``key`` wherever ``write`` executes: the branches of the ``if`` statements and of
    the ``case (r)`` statements around it, and the ternary conditions ``conds`` that select its arm."""
    ws, we = an.span(write)
    out = []
    for st, s, e in an.statements:
        if not (s <= ws and we <= e):
            continue
        kind = type(st).__name__
        if kind == "ConditionalStatement" and len(st.conditions) == 1 and st.conditions[0].pattern is None:
            ts, te = an.span(st.ifTrue)
            if ts <= ws and we <= te:
                out += _cond_facts(an, key, st.conditions[0].expr, True)
            elif st.ifFalse is not None and an.span(st.ifFalse)[0] <= ws and we <= an.span(st.ifFalse)[1]:
                out += _cond_facts(an, key, st.conditions[0].expr, False)
        elif kind == "CaseStatement" and _is_reg(st.expr, key) and str(st.condition).endswith("Normal"):
            labels = [[strip(x) for x in item.expressions] for item in st.items]
            if any(_const(an, x) is None for lab in labels for x in lab):
                continue
            for item, lab in zip(st.items, labels, strict=True):
                a, b = an.span(item.stmt)
                if a <= ws and we <= b:
                    out += [("le", lab, 0), ("ge", lab, 0)]
            if st.defaultCase is not None:
                a, b = an.span(st.defaultCase)
                if a <= ws and we <= b:
                    out.append(("ne", [x for lab in labels for x in lab], 0))
    for c, positive in conds:
        out += _cond_facts(an, key, c, positive)
    return out


def _steps_sound(an: Analysis, key, loads: list, load_top: int, steps: list, bound: int) -> bool:
    """Whether the register provably stays ``<= bound`` (the largest constant written or compared around
    a step, plus the step) from what its writes' own conditions say: ``loads`` (constant nodes written),
    ``load_top`` (the largest value of a narrower load), ``steps`` ``(write, ternary conditions, op,
    step node)``. Some ``T <= bound`` must be inductive: every load ``<= T``; a step under ``r <= C``
    (``r < C``, ``r == C``, a ``case (r)`` item...) ends ``<= C + step <= T``; a step under ``r != C``
    alone (``if (r == C) ... else r <= r + 1``) only stops at ``C`` when it cannot start above it, which
    holds when ``C`` is ``T`` itself (every ``T - step < v <= T`` excluded); a down step cannot wrap
    below 0 (``r >= step`` on its path). A counter compared with 1 in one state and 7 in another, and
    entered with a value past 1 from the other, fails (it runs past 7 to the full width). Evaluated in
    every elaborated copy of a module with other parameter values per instance."""
    facts = [(op, node, _path_facts(an, key, w, conds)) for w, conds, op, node in steps]
    nodes = list(loads) + [n for _op, n, _f in facts] + [x for *_a, fs in facts for _k, xs, _j in fs for x in xs]
    copies = 1
    per: dict[int, list[int]] = {}
    for n in nodes:
        if _param_only(n) and _varies(an, n):
            vals = _copies_values(an, n)
            if not vals or (copies > 1 and len(vals) != copies):
                return False
            copies = len(vals)
            per[id(n)] = vals
    for i in range(copies):
        def val(n, i=i):
            return per[id(n)][i] if id(n) in per else _const(an, n)

        top = max([load_top] + [val(n) for n in loads])
        free = []  # (excluded values, step) of the steps bounded by exclusions only
        for op, node, fs in facts:
            s = val(node)
            if s is None or s < 0:
                return False
            le = [max(val(x) for x in xs) + adj for kind, xs, adj in fs if kind == "le"]
            ne = {val(x) for kind, xs, _adj in fs if kind == "ne" for x in xs}
            if op == "Subtract":
                lo = max([min(val(x) for x in xs) + adj for kind, xs, adj in fs if kind == "ge"] + [0])
                if any(v not in ne for v in range(lo, s)):
                    return False  # may wrap below zero
            elif le:
                top = max(top, min(le) + s)
            elif ne:
                top = max(top, max(ne))  # the value where it stops
                free.append((ne, s))
            else:
                return False
        if top > bound or any(v not in ne for ne, s in free for v in range(max(0, top - s + 1), top + 1)):
            return False
    return True


def _per_copy_width(an: Analysis, key, writes, bound: int, step: int, lits, guards) -> tuple[str, int] | None:
    """``writes``: ``(write, ternary conditions)`` of each step. ``($clog2((C) + n), smallest width)`` when one guard ``C`` of the register's steps is a parameter
    expression whose value differs between the module's elaborated copies (``cnt >= DIV - 1`` with
    DIV = 16 and 1250) and the width it bounds covers every other written constant in every copy."""
    varying = [(n, c) for n, c in guards if _param_only(n) and _varies(an, n)]
    if not varying or any(_varies(an, n) for n, _c in lits if _param_only(n)):
        return None
    if len({an.span(n.syntax) for n, _c in varying if n.syntax is not None}) != 1 or varying[0][0].syntax is None:
        return None
    node = varying[0][0]
    if not writes:
        return None
    adj = min(min(_branch_adjust(an, key, w, node), _cond_adjust(an, key, conds, node)) for w, conds in writes)
    vals = _copies_values(an, node)
    if not vals:
        return None
    others = max([bound] + [c for n, c in guards if not (_param_only(n) and _varies(an, n))])
    n_add = adj + step + 1
    widths = []
    for v in vals:
        top = v + adj + step
        if top < max(1, others):
            return None  # this copy's bound comes from another constant: no one expression
        widths.append(top.bit_length())
    info = an.info(node)
    if info is None:
        return None
    expr = f"$clog2(({info.text}) + {n_add})" if n_add > 0 else f"$clog2({info.text})" if n_add == 0 else None
    return (expr, min(widths)) if expr else None


def _layout_read(an: Analysis, key, bits: int) -> bool:
    """True if the register is read through a select reaching bit ``bits`` or above (or a variable
    one) or inside a concatenation, where its declared width (not only its value) matters: those
    registers are narrowed behind a full-width alias instead."""
    for info in an.exprs:
        n = info.node
        kind = type(n).__name__
        if kind in ("RangeSelectExpression", "ElementSelectExpression") and _is_reg(n.value, key):
            if kind == "ElementSelectExpression":
                hi = _const(an, n.selector)
            else:
                ends = [_const(an, n.left), _const(an, n.right)]
                hi = None if None in ends or not str(n.selectionKind).endswith("Simple") else max(ends)
            if hi is None or hi >= bits:
                return True
        if kind == "ConcatenationExpression" and any(_is_reg(o, key) for o in n.operands):
            return True
    return False


def _mentions(node, key) -> bool:
    found = []

    def visit(n):
        if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression" and _key(n.symbol) == key:
            found.append(n)
        return True

    node.visit(visit)
    return bool(found)


# ----------------------------------------------------------------------------- inductive bounds

#: Candidate bounds tried per register (each is one z3 query per write).
MAX_BOUNDS = 48


def _consts_in(an: Analysis, node, out: set) -> None:
    def visit(n):
        if isinstance(n, ast.Expression):
            v = _const(an, n)
            if v is not None and v >= 0:
                out.add(v)
        return True

    strip(node).visit(visit)


def inductive_bound(an: Analysis, key, sym, writes: list) -> int | None:
    """Smallest bit count ``k`` < the declared width such that the register provably stays below
    ``2^k`` from reset (z3 induction over its writes and their guards), or None. A module elaborated
    with other parameter values per instance is modelled once per copy, each from that copy's own
    nodes (its writes, guards and net drivers at its parameter values): the largest count wins."""
    if _multi_params(an) and _scope_varies(an, sym):
        ctxs = _copy_contexts(an, writes)
        if not ctxs:
            return None
        best, per = 0, {}
        for ws, site_of, defs, path in ctxs:
            if any(_width(strip(w.left)) != _width(sym) for w in ws):
                return None
            got = _induction(an, key, sym, ws, (site_of, defs))
            b = None if got is None else _least_bound(got, _width(sym))
            if b is None:
                return _flag_bound(an, key, sym, writes)
            per[path] = b
            best = max(best, max(1, b.bit_length()))
        if not hasattr(an, "_copy_bounds"):
            an._copy_bounds = {}
        an._copy_bounds[key] = per
        return best
    # the induction, flag and accumulator bounds depend on the register's writes only (they read no
    # recorded fact), so each is worked out once per analysis: a register loaded from others asks
    # for their bounds (_loaded_bound), and every register of a module may ask for the same ones
    if _genvar_only(an):  # generate-loop iterations: each one's own nodes (``g[i].acc``)
        return _iteration_bits(an, key, sym, writes)
    memo = an.__dict__.setdefault("_own_bounds", {})
    mkey = (key, tuple(sorted(an.span(w) for w in writes)))
    if mkey in memo:
        bits = memo[mkey]
    else:
        got = _induction(an, key, sym, writes)
        bits = None if got is None else _least_bits(got, _width(sym))
        if bits is None:
            bits = _flag_bound(an, key, sym, writes)
        if bits is None and not _multi_params(an):
            from rtlopt.templates._accbound import accumulator_bound

            bits = accumulator_bound(an, key, sym, writes)
        memo[mkey] = bits
    if bits is None and not _multi_params(an):
        bits = _loaded_bound(an, key, sym, writes)
    elif bits is not None and not _multi_params(an):
        import z3

        an.__dict__.setdefault("_reg_facts", {}).setdefault(
            key, z3.ULE(z3.BitVec(f"{key}#{_width(sym)}", _width(sym)), (1 << bits) - 1))
    return bits


def _loaded_bound(an: Analysis, key, sym, writes: list, ctx=None) -> int | None:
    """Bit count of a register each of whose writes is a constant (one the reset) or a value bounded
    by the proven invariants of the registers it reads (``dout <= acc + din`` at the dump of a bounded
    accumulator), the register itself assumed ``<= b`` (induction): the smallest ``2^k - 1`` that holds.
    The other registers' bounds come from :func:`inductive_bound` (recorded per analysis)."""
    import z3

    from rtlopt.templates._guards import Z3Expr, guard_z3, reads

    width = _width(sym)
    busy = an.__dict__.setdefault("_loaded_busy", set()) if ctx is None else ctx.busy
    if width < 2 or width > 64 or key in busy:
        return None
    defs = net_defs_cached(an) if ctx is None else ctx.defs
    by_key = writes_by_key(sites_cached(an) if ctx is None else ctx.sites)
    mine = by_key.get(key, [])
    if not mine or sorted(an.span(st.node) for st in mine) != sorted(an.span(w) for w in writes) \
            or any(st.volatile or not st.node.isNonBlocking for st in mine):
        return None
    if not any(_const(an, st.node.right) is not None and any(
            key not in reads(g.node if g.kind == "cond" else g.node.expr) for g in st.guard) for st in mine):
        return None  # no reset
    others: set = set()
    for st in mine:
        others |= _state_names(st.node.right)
        for g in st.guard:
            others |= _state_names(g.node if g.kind == "cond" else g.node.expr)
    others.discard(key)
    loads = [st for st in mine if _const(an, st.node.right) is None]
    if not loads or not any(_state_names(st.node.right) - {key} for st in loads):
        return None  # nothing loaded from another register
    facts = an.__dict__.setdefault("_reg_facts", {}) if ctx is None else ctx.facts
    busy.add(key)
    try:
        for ok in sorted(others, key=str):
            sts = by_key.get(ok)
            if ok in facts or not sts:
                continue
            osym = strip(sts[0].node.left).symbol
            if isinstance(osym, ast.VariableSymbol) and 1 <= _width(osym) <= 64:
                if ctx is None:
                    inductive_bound(an, ok, osym, [st.node for st in sts])
                else:
                    _ctx_bits(an, ok, osym, [st.node for st in sts], ctx)
    finally:
        busy.discard(key)
    zx = Z3Expr(an, defs=defs)
    r = zx.var(key, width)
    known = [facts[k] for k in others if k in facts]
    if not known:
        return None
    terms = []
    for st in loads:
        rhs = zx.bv(st.node.right)
        if rhs.size() != width:
            rhs = _fit_rhs(rhs, width, st.node.right)
        terms.append((guard_z3(an, zx, st.guard), rhs))
    consts = [_const(an, st.node.right) for st in mine if _const(an, st.node.right) is not None]

    def holds(b: int) -> bool:
        if any(c < 0 or c > b for c in consts):
            return False
        for gz, rhs in terms:
            s = z3.Solver()
            s.set("timeout", 1000)
            s.add(*known, z3.ULE(r, b), gz, z3.UGT(rhs, b))
            if s.check() != z3.unsat:
                return False
        return True

    ks = list(range(1, width))
    if not holds((1 << ks[-1]) - 1):
        return None
    lo, hi = 0, len(ks) - 1  # a bound that holds for 2^k - 1 holds for every larger k
    while lo < hi:
        mid = (lo + hi) // 2
        if holds((1 << ks[mid]) - 1):
            hi = mid
        else:
            lo = mid + 1
    facts[key] = z3.ULE(r, (1 << ks[hi]) - 1)
    return ks[hi]


class _ScopeCtx:
    """One elaborated scope's view for the bounds of a register declared in a generate loop iteration
    (``g[1].acc``): the write sites of the procedural blocks and the net drivers of that iteration, its
    enclosing scopes and the scopes nested in it (each elaborated once there), the facts proven in it.
    Items of other iterations (sibling scopes) are not seen; an item elaborated twice within the view
    (a nested loop's iterations share one name) is left out, so what it drives is a free value."""

    def __init__(self, path, sites, defs):
        self.path = path
        self.sites = sites
        self.site_of = {}
        for st in sites:
            if type(st.node).__name__ == "AssignmentExpression":
                self.site_of.setdefault(st.node_span, st)
        self.defs = defs
        self.facts: dict = {}
        self.memo: dict = {}
        self.busy: set = set()


def _scope_of(sym) -> str | None:
    """Hierarchical path of the scope an elaborated symbol belongs to (a procedural block or continuous
    assignment: the scope it sits in; a named net or variable: its path without its name)."""
    try:
        p = str(sym.hierarchicalPath)
    except Exception:  # noqa: BLE001 - no path
        return None
    name = getattr(sym, "name", "")
    if not name:
        return p
    return p[:-len(name) - 1] if p.endswith("." + name) else None


def _related(p: str, scope: str) -> bool:
    """``p`` encloses ``scope``, is ``scope`` or lies within it."""
    return p == scope or scope.startswith(p + ".") or p.startswith(scope + ".")


def _genvar_only(an: Analysis) -> bool:
    """Parameters differ between elaborated copies only as generate-loop iteration values."""
    multi = _multi_params(an)
    return bool(multi) and not any(isinstance(p, ast.ParameterSymbol) and _pkey(p) in multi and not _is_genvar(p)
                                   for p in an.symbols)


def _scope_contexts(an: Analysis, key, writes: list) -> list | None:
    """One :class:`_ScopeCtx` per elaborated scope declaring the register ``key`` (every iteration of
    the generate loop holding it, in every instance), each holding every one of ``writes`` (by span)
    exactly once; None when one does not."""
    from rtlopt.templates._guards import _module_item_span, _walk_stmt, blocking_targets, net_definitions

    cache = an.__dict__.setdefault("_scope_ctxs", {})
    scopes = sorted({sc for s in an.symbols if type(s).__name__ == "VariableSymbol" and _key(s) == key
                     and (sc := _scope_of(s)) is not None})
    if not scopes:
        return None
    items = []  # (scope, kind, identity, symbol) of blocks, continuous assignments and nets
    for s in an.symbols:
        if getattr(s, "syntax", None) is None:
            continue
        if isinstance(s, ast.ProceduralBlockSymbol) and s.body is not None:
            items.append((s, ("block", an.span(s.syntax))))
        elif isinstance(s, ast.ContinuousAssignSymbol):
            items.append((s, ("assign", an.span(s.syntax))))
        elif isinstance(s, ast.NetSymbol):
            items.append((s, ("net", _key(s))))
    spans = [an.span(w) for w in writes]
    out = []
    for sc in scopes:
        got = cache.get(sc)
        if got is None:
            mine = [(s, ident) for s, ident in items if (p := _scope_of(s)) is not None and _related(p, sc)]
            count: dict = {}
            for _s, ident in mine:
                count[ident] = count.get(ident, 0) + 1
            mine = [s for s, ident in mine if count[ident] == 1]
            sites: list = []
            for s in mine:
                if isinstance(s, ast.ProceduralBlockSymbol):
                    kind = str(s.procedureKind).split(".")[-1]
                    if kind in ("Always", "AlwaysComb", "AlwaysFF", "AlwaysLatch"):
                        _walk_stmt(an, s.body, (), sites, s, frozenset(blocking_targets(s.body)),
                                   _module_item_span(an, s.syntax))
            for st in sites:
                st.node_span = an.span(st.node) if type(st.node).__name__ == "AssignmentExpression" else None
            got = cache[sc] = _ScopeCtx(sc, sites, net_definitions(an, mine))
        if any(sum(1 for st in got.sites if st.node_span == sp) != 1 for sp in spans):
            return None
        out.append(got)
    return out


def _iteration_bits(an: Analysis, key, sym, writes: list) -> int | None:
    """Bit count that holds for the register in every elaborated scope declaring it (each generate
    iteration modelled from its own nodes: ``acc <= acc + x[10*c +: 10]`` per ``c``), or None."""
    ctxs = _scope_contexts(an, key, writes)
    if not ctxs:
        return None
    best = 0
    for ctx in ctxs:
        b = _ctx_bits(an, key, sym, writes, ctx)
        if b is None:
            return None
        best = max(best, b)
    return best


def _ctx_bits(an: Analysis, key, sym, writes: list, ctx) -> int | None:
    """The register's bound in one scope view (:class:`_ScopeCtx`): its own induction, the next-state
    and flag bound, the accumulator bound, then a load from registers bounded in the same view."""
    import z3

    if key in ctx.memo:
        return ctx.memo[key]
    width = _width(sym)
    sts = [ctx.site_of.get(an.span(w)) for w in writes]
    if any(st is None for st in sts) or width < 2 or width > 64:
        return None
    cws = [st.node for st in sts]
    if any(_width(strip(w.left)) != width for w in cws):
        return None
    got = _induction(an, key, sym, cws, (ctx.site_of, ctx.defs))
    bits = None if got is None else _least_bits(got, width)
    if bits is None:
        b = _flag_bound_in(an, key, width, cws, ctx.sites, ctx.defs)
        bits = None if b is None else max(1, b.bit_length())
    if bits is None:
        from rtlopt.templates._accbound import accumulator_bound

        bits = accumulator_bound(an, key, sym, cws, ctx)
    if bits is None:
        bits = _loaded_bound(an, key, sym, cws, ctx)
    elif key not in ctx.facts:
        ctx.facts[key] = z3.ULE(z3.BitVec(f"{key}#{width}", width), (1 << bits) - 1)
    if key not in ctx.busy:
        ctx.memo[key] = bits
    return bits


def _fit_rhs(rhs, width: int, node):
    """The z3 value of a write's right side ``node`` at the register's width: truncated, or extended
    as the assignment does -- sign-extended when the (unconverted) right side is signed."""
    import z3

    if rhs.size() > width:
        return z3.Extract(width - 1, 0, rhs)
    n = width - rhs.size()
    t = getattr(strip(node), "type", None)
    return z3.SignExt(n, rhs) if t is not None and t.isSigned else z3.ZeroExt(n, rhs)


def _next_state(an: Analysis, zx, sts: list, cur, width: int):
    """z3 next value of a register from its nonblocking write sites in program order: the last write
    whose guard holds, else ``cur`` (the value held)."""
    import z3

    from rtlopt.templates._guards import guard_z3

    nxt = cur
    for st in sts:
        rhs = zx.bv(st.node.right)
        if rhs.size() != width:
            rhs = _fit_rhs(rhs, width, st.node.right)
        nxt = z3.If(guard_z3(an, zx, st.guard), rhs, nxt)
    return nxt


def _flag_bound(an: Analysis, key, sym, writes: list) -> int | None:
    """The bound of a register over its next-state function (the last write that fires, else the value
    held: ``r <= r + 1; if (r == 9) r <= 0;`` is bounded although its first write alone is not), or of
    a counter whose step is guarded by a flag register instead of a compare of its own
    (``else if (!expired) begin timer <= timer - 1; if (timer == 1) expired <= 1; end``, or an up-count
    while ``!done`` that sets ``done`` at ``LIMIT - 1``): ``r <= b`` together with ``f == v -> r != c``
    (``c`` = 0 or ``b``) for a 1-bit register ``f`` read in the guards of ``r``'s writes,
    both proven inductive at once over the next-state functions of ``r`` and ``f`` (the last write that
    fires, else the value held), and established by ``r``'s reset write."""

    width = _width(sym)
    if width < 2 or width > 64:
        return None
    if _multi_params(an) and _scope_varies(an, sym):  # once per elaborated copy, as inductive_bound
        ctxs = _copy_contexts(an, writes)
        if not ctxs:
            return None
        per = {}
        for ws, site_of, defs, path in ctxs:
            b = _flag_bound_in(an, key, width, ws, list(site_of.values()), defs)
            if b is None:
                return None
            per[path] = b
        if not hasattr(an, "_copy_bounds"):
            an._copy_bounds = {}
        an._copy_bounds[key] = per
        return max(max(1, b.bit_length()) for b in per.values())
    b = flag_bound_value(an, key, width, writes)
    return None if b is None else max(1, b.bit_length())


def flag_bound_value(an: Analysis, key, width: int, writes: list) -> int | None:
    """:func:`_flag_bound_in` over the analysis's own sites, kept per analysis (the wrapping narrowing,
    :mod:`rtlopt.templates._regwrap`, asks for the same bound)."""
    memo = an.__dict__.setdefault("_flag_bound_memo", {})
    mk = (key, width, tuple(sorted(an.span(w) for w in writes)))
    if mk not in memo:
        memo[mk] = _flag_bound_in(an, key, width, writes, sites_cached(an), net_defs_cached(an))
    return memo[mk]


def _flag_bound_in(an: Analysis, key, width: int, writes: list, sites: list, defs: dict) -> int | None:
    """:func:`_flag_bound` over one elaborated copy's sites (program order) and net drivers: the bound."""
    import z3

    from rtlopt.templates._guards import Z3Expr, _case_label_match, reads

    by_key = writes_by_key(sites)
    mine = by_key.get(key, [])
    if sorted(an.span(st.node) for st in mine) != sorted(an.span(w) for w in writes) \
            or any(st.volatile or not st.node.isNonBlocking for st in mine):
        return None
    # a counter: each write a constant or a function of the register itself (a data register loaded
    # from other signals is left to the per-write bound; this search is for overriding steps)
    for st in mine:
        names = _state_names(st.node.right)
        if names and key not in names:
            return None
    import time

    # the boxes count this process's CPU seconds: on a loaded machine a wall-clock box expired before
    # the z3 queries had run (a done-flag counter lost its bound at load 26), the same work is allowed
    now = time.process_time()
    if getattr(an, "_chain_deadline", None) is None:
        an._chain_deadline = now + cpu_box(an, CHAIN_SECONDS)
    stop = min(now + cpu_box(an, CHAIN_REG_SECONDS), an._chain_deadline)
    if now > stop:
        return None
    greads: set = set()
    for st in mine:
        for g in st.guard:
            greads |= reads(g.node if g.kind == "cond" else g.node.expr)
    flags, states = [], []
    for fk, sts in by_key.items():
        if fk == key or fk not in greads or any(st.volatile or not st.node.isNonBlocking for st in sts):
            continue
        lhs = strip(sts[0].node.left)
        if _width(lhs) == 1 and type(lhs.symbol).__name__ == "VariableSymbol":
            flags.append((fk, sts))
        elif 2 <= _width(lhs) <= 4 and type(lhs.symbol).__name__ == "VariableSymbol":
            # a controller state register: its writes may read inputs and other registers (free values
            # of the one-step induction: an over-approximation, ``st <= rxd ? IDLE : DATA``)
            states.append((fk, sts, _width(lhs)))
    zx = Z3Expr(an, defs=defs)
    for st in mine + [x for _k, sts, *_w in flags + states for x in sts]:  # the chains need every guard modelled
        for g in st.guard:
            if g.kind == "case" and any(_case_label_match(an, zx, g.node, it) is None for it in g.node.items):
                return None
        if time.process_time() > stop:
            return None
    r = zx.var(key, width)
    nr = _next_state(an, zx, mine, r, width)
    resets = [st for st in mine if _const(an, st.node.right) is not None
              and any(key not in reads(g.node if g.kind == "cond" else g.node.expr) for g in st.guard)]
    if not resets:
        return None
    consts: set[int] = set()
    _z3_consts(nr, consts)

    box = [stop]

    def unsat(*facts) -> bool:
        if time.process_time() > box[0]:
            raise _Late
        s = z3.Solver()
        s.set("timeout", 500)
        s.add(*facts)
        return s.check() == z3.unsat

    def atom_bound():
        # the register-predicate bound has a box of its own (the other searches spend theirs on the
        # state values of a wide machine), within the analysis's
        atom_s = cpu_box(an, ATOM_REG_SECONDS)
        box[0] = min(time.process_time() + atom_s, an._chain_deadline + atom_s)
        try:
            return _atom_bound(an, zx, key, width, r, nr, mine, resets, consts, by_key, unsat, box[0])
        except _Late:
            return None

    # a guard comparing two registers (an entry flag ``state != prev_state``) is a relation no bound per
    # state value holds: the predicate bound first (the per-state searches cost 0.7 s CPU per timer of a
    # six-state machine, and fail)
    atoms, _keys = _register_atoms(zx, nr, key, _registers(by_key))
    first = any(not z3.is_bv_value(a.arg(0)) and not z3.is_bv_value(a.arg(1)) for a in atoms)
    b = atom_bound() if first else None
    if b is None:
        box[0] = stop
        try:
            b = _chain_search(an, zx, key, width, r, nr, mine, resets, consts, flags, unsat, states)
        except _Late:
            b = None
    if b is None and not first:
        b = atom_bound()
    return b


def _registers(by_key: dict) -> dict:
    """The keys of ``by_key`` written only by nonblocking, non-volatile writes: registers."""
    return {k: sts for k, sts in by_key.items()
            if sts and not any(st.volatile or not st.node.isNonBlocking for st in sts)}


def _state_names(node) -> set:
    """Keys of the names ``node`` reads other than parameters and enum members."""
    out: set = set()

    def visit(n):
        if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression" \
                and not isinstance(n.symbol, (ast.ParameterSymbol, ast.EnumValueSymbol)):
            out.add(_key(n.symbol))
        return True

    strip(node).visit(visit)
    return out


class _Late(Exception):
    """The next-state bound search ran out of its time (per register / per analysis)."""


#: Seconds the next-state (and flag) bound search may take per analysis / per register: a large design
#: has many free-running and data registers for which no bound exists.
CHAIN_SECONDS = 12.0  # CPU seconds of the process
CHAIN_REG_SECONDS = 4.0
ATOM_REG_SECONDS = 2.0
#: ``rtlopt check`` (an analysis with ``report_only``) gives these searches this fraction of their CPU
#: boxes: a pre-commit report has seconds for a whole tree, and a register the short search does not
#: bound is rarely bounded by the long one (picorv32's tree: the same findings at 0.15, simpleuart's
#: data-dependent baud counters 14.7 -> 3.0 CPU s for none).
REPORT_BOX_SCALE = 0.15


def cpu_box(an, seconds: float) -> float:
    """``seconds`` of a CPU box of a bound search, scaled down for a report-only analysis."""
    return seconds * (REPORT_BOX_SCALE if getattr(an, "report_only", False) else 1.0)


def _chain_search(an: Analysis, zx, key, width: int, r, nr, mine, resets, consts, flags, unsat,
                  states=()) -> int | None:
    import z3

    from rtlopt.templates._guards import guard_z3

    # the register alone over its next-state function: a later write overriding an earlier one
    # (``r <= r + 1; if (r == 9) r <= 0;``) is seen, unlike per write
    cands = {c + d for c in consts for d in (-1, 0, 1)} | {(1 << k) - 1 for k in range(1, width)}
    for b in sorted(b for b in cands if 0 <= b < (1 << (width - 1)))[:MAX_BOUNDS]:
        if unsat(z3.ULE(r, b), z3.Not(z3.ULE(nr, b))) and unsat(
                guard_z3(an, zx, resets[0].guard), _last(an, zx, resets[0], mine), z3.Not(z3.ULE(nr, b))):
            return b
    for fk, sts in flags:
        f = zx.var(fk, 1)
        nf = _next_state(an, zx, sts, f, 1)
        fconsts = set(consts)
        _z3_consts(nf, fconsts)  # (the flag is set at the counter's last step: its compare constant)
        cands = {c + d for c in fconsts for d in (-1, 0, 1)} | {(1 << k) - 1 for k in range(1, width)}
        cands = sorted(b for b in cands if 0 <= b < (1 << (width - 1)))[:MAX_BOUNDS]
        for v, top in ((0, False), (1, False), (0, True), (1, True)):
            def inv(rr, ff, b, v=v, top=top):  # f == v -> r != 0 (a down-count), r != b (an up-count)
                return z3.And(z3.ULE(rr, b), z3.Implies(ff == v, rr != (b if top else 0)))
            for b in cands:
                # established by the reset (the reset write fires: later writes are under the same reset
                # path only if the chain says so), and preserved by every transition
                if unsat(inv(r, f, b), z3.Not(inv(nr, nf, b))) and all(
                        unsat(guard_z3(an, zx, st.guard), _last(an, zx, st, mine), z3.Not(inv(nr, nf, b)))
                        for st in resets[:1]):
                    return b
    for fk, sts, fw in states:
        # a counter of events bounded by a controller state: ``nref <= nref + 1`` in a refresh state
        # that moves on to a final state at ``nref == NREF - 1`` holds ``r <= b`` together with
        # ``st == v -> r != b`` for the states v the count does not reach its top in (Houdini: every
        # value of the state register at first, those whose implication is not preserved dropped)
        f = zx.var(fk, fw)
        nf = _next_state(an, zx, sts, f, fw)
        fconsts = set(consts)
        _z3_consts(nf, fconsts)
        cands = {c + d for c in fconsts for d in (0, 1)}
        cands = sorted(b for b in cands if 0 < b < (1 << (width - 1)))[:16]
        for b in cands:
            vals = list(range(1 << fw))

            def inv(rr, ff, vs, b=b):
                return z3.And(z3.ULE(rr, b), *[z3.Implies(ff == v, rr != b) for v in vs])

            while vals:
                keep = [v for v in vals if unsat(inv(r, f, vals), z3.Not(z3.Implies(nf == v, nr != b)))]
                if keep == vals:
                    break
                vals = keep
            if not vals or not unsat(inv(r, f, vals), z3.Not(z3.ULE(nr, b))):
                continue
            if all(unsat(guard_z3(an, zx, st.guard), _last(an, zx, st, mine), z3.Not(inv(nr, nf, vals)))
                   for st in resets[:1]):
                return b
    for fk, sts, fw in states:
        b = _per_state_bound(an, zx, key, width, r, nr, mine, resets, consts, fk, sts, fw, unsat)
        if b is not None:
            return b
    return None


def _per_state_bound(an: Analysis, zx, key, width: int, r, nr, mine, resets, consts, fk, sts, fw: int,
                     unsat) -> int | None:
    """A bound per value of a controller state register: ``st == v -> r <= b_v`` for every value ``v``
    (Houdini over the constants of the next-state functions: the implications not preserved by one
    transition are dropped until the rest is inductive), established by the reset; the bound is the
    largest ``b_v``. An oversampling counter compared with 3 in START and with 7 in DATA, reset to 0
    on every state change, is at most 7 (``r <= 7`` alone is not inductive: START steps past 3 from 4)."""
    import z3


    f = zx.var(fk, fw)
    nf = _next_state(an, zx, sts, f, fw)
    cs = {c for c in consts if 0 <= c < (1 << (width - 1))} | {(1 << k) - 1 for k in range(1, min(width, 9))}
    cands = sorted(cs)[:10]
    facts = [(v, c) for v in range(1 << fw) for c in cands]

    def inv(rr, post, fs):
        ff = nf if post else f
        return z3.And(*[z3.Implies(ff == v, z3.ULE(rr, c)) for v, c in fs])

    return _valuation_bound(an, zx, r, nr, mine, resets, facts, 1 << fw, inv,
                            lambda m: m.eval(nf, model_completion=True).as_long(), unsat)


def _valuation_bound(an: Analysis, zx, r, nr, mine, resets, facts: list, n_vals: int, inv, post_val, unsat,
                     stop: float | None = None) -> int | None:
    """Houdini over ``facts`` ``(valuation, c)`` (``valuation -> r <= c``; ``inv(rr, post, facts)`` their
    conjunction over the current (``post`` False) or next predicates, ``post_val(model)`` the next
    valuation of a counterexample): the facts a counterexample violates are dropped until the rest is
    inductive; every one of the ``n_vals`` valuations must keep a bound, established by the reset. The
    bound is the largest kept per valuation (None: none, a solver timeout, or past ``stop`` CPU s)."""
    import time

    import z3

    from rtlopt.templates._guards import guard_z3

    for _ in range(len(facts) + 1):
        if stop is not None and time.process_time() > stop:
            return None
        s = z3.Solver()
        s.set("timeout", 1000)
        s.add(inv(r, False, facts), z3.Not(inv(nr, True, facts)))
        res = s.check()
        if res == z3.unsat:
            break
        if res != z3.sat:
            return None
        m = s.model()
        fv = post_val(m)
        rv = m.eval(nr, model_completion=True).as_long()
        drop = [(v, c) for v, c in facts if v == fv and rv > c]
        if not drop:
            return None
        facts = [x for x in facts if x not in drop]
    else:
        return None
    best: dict = {}
    for v, c in facts:
        best[v] = min(best.get(v, c), c)
    if len(best) != n_vals:
        return None
    keep = list(best.items())
    if not unsat(inv(r, False, keep), z3.Not(inv(nr, True, keep))):
        return None
    if not all(unsat(guard_z3(an, zx, st.guard), _last(an, zx, st, mine), z3.Not(inv(nr, True, keep)))
               for st in resets[:1]):
        return None
    return max(best.values())


#: Most register predicates (compares over other registers in the counter's guards) one valuation Houdini
#: keeps apart: 2^n valuations per candidate bound.
MAX_ATOMS = 3


def _register_atoms(zx, term, key, regs: dict) -> tuple[list, set]:
    """Compares in ``term`` (``==``, ``!=`` as ``==``, unsigned/signed orders) whose every variable is a
    register of ``regs`` other than ``key``: predicates of the controller's state, such as an entry flag
    ``state != prev_state`` or ``state == WAIT`` (an input in a compare makes it no state predicate)."""
    import z3

    byid = {v.get_id(): k for (k, _w), v in zx.vars.items()}
    kinds = {z3.Z3_OP_EQ, z3.Z3_OP_DISTINCT, z3.Z3_OP_ULEQ, z3.Z3_OP_ULT, z3.Z3_OP_UGEQ, z3.Z3_OP_UGT,
             z3.Z3_OP_SLEQ, z3.Z3_OP_SLT, z3.Z3_OP_SGEQ, z3.Z3_OP_SGT}
    out, seen, keys = [], set(), set()
    todo = [term]
    while todo:
        t = todo.pop()
        if t.get_id() in seen or not z3.is_app(t):
            continue
        seen.add(t.get_id())
        k = t.decl().kind()
        if k in kinds and t.num_args() == 2 and z3.is_bv(t.arg(0)) and not _has_bool(t.arg(0)) \
                and not _has_bool(t.arg(1)):  # a leaf compare (``If(c, 1, 0) != 0`` is read through)
            vs = [byid.get(v.get_id()) for v in z3.z3util.get_vars(t)]
            if vs and all(v is not None and v != key and v in regs for v in vs):
                a = t.arg(0) == t.arg(1) if k == z3.Z3_OP_DISTINCT else t
                if not any(z3.eq(a, b) for b in out):
                    out.append(a)
                    keys.update(vs)
            continue
        todo.extend(t.children())
    return out, keys


def _comb_values(an: Analysis, zx, by_key: dict) -> list:
    """``(variable, value)`` z3 pairs of the variables ``zx`` has met that a combinational block
    (``always @*`` / ``always_comb``) computes: every write blocking and in that block, the first one
    unconditional (no latch), no write's value or guard reading a variable the block writes (its value
    is then the last write whose guard holds, over the block's inputs as they are)."""
    from rtlopt.templates._guards import reads

    out = []
    for (k, w), v in list(zx.vars.items()):
        sts = by_key.get(k)
        if not sts or sts[0].guard or any(st.node.isNonBlocking or st.block is not sts[0].block for st in sts):
            continue
        blk = sts[0].block
        kind = str(getattr(blk, "procedureKind", ""))
        body = getattr(blk, "body", None)
        timing = getattr(getattr(body, "timing", None), "kind", None)
        if not (kind.endswith("AlwaysComb") or (kind.endswith(".Always") and str(timing).endswith("ImplicitEvent"))):
            continue
        if any(reads(st.node.right) & st.volatile
               or any(reads(g.node if g.kind == "cond" else g.node.expr) & st.volatile for g in st.guard)
               for st in sts):
            continue
        out.append((v, _next_state(an, zx, sts, zx.fresh(w), w)))
    return out


def _has_bool(t) -> bool:
    import z3

    todo, seen = [t], set()
    while todo:
        x = todo.pop()
        if x.get_id() in seen:
            continue
        seen.add(x.get_id())
        if z3.is_bool(x):
            return True
        todo.extend(x.children())
    return False


def _atom_bound(an: Analysis, zx, key, width: int, r, nr, mine, resets, consts, by_key: dict,
                unsat, stop: float) -> int | None:
    """A bound per valuation of the register predicates in the counter's next-state function
    (:func:`_register_atoms`): ``(p1 == v1 && ... ) -> r <= b_v`` for every valuation ``v`` (Houdini over
    the constants of the counter's and the predicates' registers' next-state functions, +-1), established
    by the reset; the bound is the largest ``b_v``. A pause timer cleared one cycle after every state change
    (``entry = state != prev_state``) and counting in WAIT, which the machine leaves at ``t == 11``, holds
    ``WAIT && !entry -> t <= 11`` and ``t <= 12`` otherwise, though no bound per state alone is inductive
    (WAIT is entered with the count at 12); a count cleared only by an input has no such bound."""
    import itertools

    import z3


    regs = _registers(by_key)
    atoms, keys = _register_atoms(zx, nr, key, regs)
    if not atoms or len(atoms) > MAX_ATOMS:
        return None
    widths = {k: w for (k, w) in zx.vars if k in keys}
    sub, cs = [], set(consts)
    for k in keys:
        v = zx.var(k, widths[k])
        sub.append((v, _next_state(an, zx, regs[k], v, widths[k])))
    comb = _comb_values(an, zx, by_key)
    for _ in range(3):  # next states through a combinational next-state block (``state <= nxt``)
        sub = [(v, z3.substitute(nv, *comb)) if comb else (v, nv) for v, nv in sub]
        nr = z3.substitute(nr, *comb) if comb else nr
    for _v, nv in sub:
        _z3_consts(nv, cs)
    natoms = [z3.substitute(a, *sub) for a in atoms]
    top = 1 << (width - 1)
    cands = sorted({c + d for c in cs for d in (-1, 0, 1) if 0 <= c + d < top}
                   | {(1 << k) - 1 for k in range(1, min(width, 9))})[:16]
    vals = list(itertools.product((False, True), repeat=len(atoms)))
    facts = [(v, c) for v in vals for c in cands]

    def inv(rr, post, fs):
        aa = natoms if post else atoms
        return z3.And(*[z3.Implies(z3.And(*[a if x else z3.Not(a) for a, x in zip(aa, v, strict=True)]),
                                   z3.ULE(rr, c)) for v, c in fs])

    return _valuation_bound(an, zx, r, nr, mine, resets, facts, len(vals), inv,
                            lambda m: tuple(z3.is_true(m.eval(a, model_completion=True)) for a in natoms),
                            unsat, stop)


def _last(an: Analysis, zx, st, sts: list):
    """No write after ``st`` in ``sts`` fires (``st`` is the one that sets the register)."""
    import z3

    from rtlopt.templates._guards import guard_z3

    later = sts[sts.index(st) + 1:]
    return z3.And(*[z3.Not(guard_z3(an, zx, s.guard)) for s in later]) if later else z3.BoolVal(True)


def _copy_path(s) -> str | None:
    try:
        return str(s.parentScope.containingInstance.hierarchicalPath)
    except Exception:  # noqa: BLE001 - no instance found
        return None


def _copy_contexts(an: Analysis, writes: list, per_iteration: bool = False) -> list | None:
    """Per elaborated copy (instance) of the module holding ``writes``: ``(that copy's writes, its
    write sites by span, its net drivers, its path)``, or None when a copy cannot be told apart (one
    syntax elaborated twice within one instance: generate loops) or lacks one of the writes.
    ``per_iteration``: a block elaborated once per generate iteration is one copy per iteration (the
    n-th elaboration of each block syntax within an instance together)."""
    from rtlopt.templates._guards import _module_item_span, _walk_stmt, blocking_targets, net_definitions

    spans = [an.span(w) for w in writes]
    blocks: dict[str, list] = {}
    syms: dict[str, list] = {}
    seen: dict = {}
    for s in an.symbols:
        syn = getattr(s, "syntax", None)
        if syn is None:
            continue
        p = _copy_path(s)
        if isinstance(s, ast.ProceduralBlockSymbol) and s.body is not None:
            n = seen.get((p, an.span(syn)), 0)
            if p is None or (n and not per_iteration):
                return None
            seen[(p, an.span(syn))] = n + 1
            blocks.setdefault((p, n), []).append(s)
        elif isinstance(s, (ast.NetSymbol, ast.ContinuousAssignSymbol)) and p is not None:
            syms.setdefault(p, []).append(s)
    out = []
    for (p, _n), bl in blocks.items():
        sites: list = []
        for s in bl:
            _walk_stmt(an, s.body, (), sites, s, frozenset(blocking_targets(s.body)), _module_item_span(an, s.syntax))
        site_of = {an.span(st.node): st for st in sites if type(st.node).__name__ == "AssignmentExpression"}
        got = [site_of.get(sp) for sp in spans]
        if all(g is None for g in got):
            continue  # another module's blocks
        if any(g is None for g in got):
            return None
        out.append(([g.node for g in got], site_of, net_definitions(an, syms.get(p, [])), p))
    return out or None


def copy_width_expr(an: Analysis, key, sym) -> str | None:
    """A declaration width that is right in every elaborated copy: ``$clog2((P) + n)`` for a parameter
    ``P`` of the register's module whose value in each copy is that copy's proven bound less ``n - 1``
    (``tokens <= CAP`` per copy: ``$clog2((CAP) + 1)`` bits, 11 for CAP = 1500 and 8 for 200), or None."""
    per = getattr(an, "_copy_bounds", {}).get(key)
    if not per or len(per) < 2 or len({max(1, b.bit_length()) for b in per.values()}) < 2:
        return None
    try:
        body = sym.parentScope.containingInstance
        body = getattr(body, "body", body)
        names = [m.name for m in body if isinstance(m, ast.ParameterSymbol)]
    except Exception:  # noqa: BLE001 - no instance body
        return None
    vals: dict[str, dict[str, int]] = {}
    for s in an.symbols:
        if isinstance(s, ast.ParameterSymbol) and s.name in names:
            p = _copy_path(s)
            try:
                v = int(str(s.value))
            except Exception:  # noqa: BLE001 - not an integer parameter
                continue
            if p in per:
                vals.setdefault(s.name, {})[p] = v
    for d in (0, -1, 1):
        for name in names:
            pv = vals.get(name, {})
            if set(pv) == set(per) and all(per[p] == v + d and per[p] >= 1 for p, v in pv.items()):
                n = 1 + d
                return f"$clog2(({name}) + {n})" if n else f"$clog2({name})"
    return None


def _least_bits(got, width: int) -> int | None:
    b = _least_bound(got, width)
    return None if b is None else max(1, b.bit_length())


def _least_bound(got, width: int) -> int | None:
    checks, consts = got
    cands = set()
    for c in consts:
        cands.update({c - 1, c, c + 1})
    cands.update((1 << k) - 1 for k in range(1, width))
    cands = sorted(b for b in cands if 0 <= b < (1 << (width - 1)))
    for b in cands[:MAX_BOUNDS]:
        if _holds(checks, b):
            return b
    # a counter stepped down under a guard that stops it above zero (``credit == 1`` reloads,
    # ``credit - 1`` otherwise) wraps from 0 to the top: ``r <= b`` alone is not inductive, but
    # ``lo <= r <= b`` is, with ``lo`` the smallest value it is ever written (its reloads, its reset)
    los = sorted({c for c in consts if 0 < c < (1 << (width - 1))} | {1})[:4]
    top = (1 << (width - 1)) - 1
    for lo in los:
        if not _holds(checks, top, lo):
            continue
        for b in cands[:MAX_BOUNDS]:
            if b >= lo and _holds(checks, b, lo):
                return b
    return None


def _holds(checks: list, b: int, lo: int = 0) -> bool:
    """``lo <= r <= b`` is preserved by every write (under its guard): with a reset to a value in
    that interval (one of the writes), an invariant from reset."""
    import z3

    for r, gz, rhs in checks:
        s = z3.Solver()
        s.set("timeout", 1000)
        if lo:
            s.add(z3.ULE(lo, r), z3.ULE(r, b), gz, z3.Or(z3.UGT(rhs, b), z3.ULT(rhs, lo)))
        else:
            s.add(z3.ULE(r, b), gz, z3.UGT(rhs, b))
        if s.check() != z3.unsat:
            return False
    return True


def _shared_zx(an: Analysis, volatile, defs):
    """One z3 translator per (blocking-written variables, net drivers) of an analysis: every register
    of a module is modelled under the same guard literals (picorv32: one large case on the CPU state
    for 40 registers), and each literal is translated once (:func:`_lit_once`). Each write is still
    checked on its own, so a translator shared by several writes changes no answer."""
    from rtlopt.templates._guards import Z3Expr

    cache = an.__dict__.setdefault("_induction_zx", {})
    k = (frozenset(volatile), id(defs))
    got = cache.get(k)
    if got is None or got[0] is not defs:  # (the entry keeps ``defs`` alive: its id is not reused)
        got = cache[k] = (defs, Z3Expr(an, volatile=set(volatile), defs=defs))
    return got[1]


def _lit_once(an: Analysis, zx, g, lit_z3):
    """``lit_z3(an, zx, g)``, kept per literal on ``zx`` (one syntax node, one value in one context)."""
    memo = zx.__dict__.setdefault("_lits", {})
    try:
        got = memo.get(g)
    except TypeError:
        return lit_z3(an, zx, g)
    if got is None:
        got = memo[g] = lit_z3(an, zx, g)
    return got


def _induction(an: Analysis, key, sym, writes: list, ctx=None) -> tuple[list, set[int]] | None:
    """Per write of the register ``(r, guard, next value)`` as z3 terms, and the constants they
    mention; None when a write cannot be modelled or none is a reset/reload to a constant. ``ctx``:
    one elaborated copy's ``(write sites by span, net drivers)`` (:func:`_copy_contexts`)."""
    if ctx is None:  # kept per analysis: the value-range and the wrapping narrowings ask for the same
        memo = an.__dict__.setdefault("_induction_memo", {})
        mk = (key, tuple(sorted(an.span(w) for w in writes)))
        if mk not in memo:
            memo[mk] = _induction_of(an, key, sym, writes, None)
        return memo[mk]
    return _induction_of(an, key, sym, writes, ctx)


def _induction_of(an: Analysis, key, sym, writes: list, ctx) -> tuple[list, set[int]] | None:
    import z3

    from rtlopt.templates._guards import lit_z3, net_definitions, reads

    width = _width(sym)
    if width < 2 or width > 64:
        return None
    if ctx is not None:
        site_of, defs = ctx
    else:
        if _multi_params(an) and _scope_varies(an, sym):
            return None  # the z3 model has one copy's parameter values: not a bound of the others
        site_of = {}
        for site in sites_cached(an):
            if type(site.node).__name__ == "AssignmentExpression":
                site_of[an.span(site.node)] = site
        defs = getattr(an, "_net_defs", None)
        if defs is None:
            defs = an._net_defs = net_definitions(an)
    checks = []
    consts: set[int] = set()
    has_const = False
    for w in writes:
        site = site_of.get(an.span(w))
        if site is None:
            return None
        if key in site.volatile:
            return None  # blocking writes read back within the block: keep it simple
        vol = site.volatile - defs.keys()  # (a block variable written once before its reads: its value)
        zx = _shared_zx(an, vol, defs)
        r = zx.var(key, width)
        guard = [g for g in site.guard if not ((reads(g.node if g.kind == "cond" else g.node.expr)) & vol)]
        gz = z3.And(*[_lit_once(an, zx, g, lit_z3) for g in guard]) if guard else z3.BoolVal(True)
        rhs = zx.bv(w.right)
        if rhs.size() != width:  # an unsized literal / wider value: the write truncates or extends it
            rhs = _fit_rhs(rhs, width, w.right)
        checks.append((r, gz, rhs))
        _z3_consts(rhs, consts)
        _z3_consts(gz, consts)
        path_free = any(key not in reads(g.node if g.kind == "cond" else g.node.expr)
                                     for g in site.guard)
        if _reset_value(an, w.right, key, path_free):
            has_const = True
        _consts_in(an, w.right, consts)
        for g in guard:
            _consts_in(an, g.node if g.kind == "cond" else g.node.expr, consts)
    if not has_const or not checks:
        return None
    return checks, consts


def _induction_all(an: Analysis, key, sym, writes: list) -> tuple[list, set[int]] | None:
    """:func:`_induction` of the register in every generate iteration declaring it (their checks
    together: a bound holds only if it holds in each), or of the analysis's one model."""
    if not _genvar_only(an):
        return _induction(an, key, sym, writes)
    ctxs = _scope_contexts(an, key, writes)
    if not ctxs:
        return None
    checks, consts = [], set()
    for ctx in ctxs:
        cws = [ctx.site_of[an.span(w)].node for w in writes]
        got = _induction(an, key, sym, cws, (ctx.site_of, ctx.defs))
        if got is None:
            return None
        checks += got[0]
        consts |= got[1]
    return checks, consts


def _range_compare_matches(tmpl, an: Analysis, cands, writes, clocked, bad) -> list[Match]:
    """``r == C`` / ``r != C`` where ``r <= C`` holds from reset (z3 induction over the register's
    writes): ``r >= C`` / ``r < C`` (the top value of a bounded counter is one comparison of its high
    bits: ``count == 8`` of a FIFO count bounded by 8 is ``count[3]``). Proven like every rewrite."""
    out = []
    for k, ws in writes.items():
        if k in bad or k not in clocked or any(not w.isNonBlocking for w in ws):
            continue
        sym = cands[k]
        width = _width(sym)
        cmps = []
        rev = []  # the other direction: r >= C / r < C (C on either side) -> r == C / r != C
        varying_rev = []  # r < C with C a parameter expression that differs per copy, r <= C in each copy
        for info in an.exprs:
            n = info.node
            if type(n).__name__ != "BinaryExpression":
                continue
            op = op_name(n)
            for first, (a, b) in enumerate(((n.left, n.right), (n.right, n.left))):
                if _varies(an, b):  # one value per copy: not one C (a guarded counter: every copy's own C)
                    if first == 0 and op == "LessThan" and _is_reg_read(a, k) and _low_slice_bits(a, k) is None \
                            and _copies_bounded(an, k, ws, b, width):
                        varying_rev.append(info)
                    continue
                c = _const(an, b)
                if not (_is_reg_read(a, k) and c is not None and 0 < c < (1 << width) - 1):
                    continue
                lb = _low_slice_bits(a, k)
                if lb is not None and c >= (1 << lb):  # r <= C no longer keeps r inside the slice
                    continue
                if op in ("Equality", "Inequality"):
                    cmps.append((info, first == 1, c, op == "Equality"))
                elif (op, first) in (("GreaterThanEqual", 0), ("LessThan", 0), ("LessThanEqual", 1),
                                     ("GreaterThan", 1)):
                    rev.append((info, first == 1, c, op in ("GreaterThanEqual", "LessThanEqual")))
        if not cmps and not rev and not varying_rev:
            continue
        redits = []
        for info in varying_rev:
            syn = info.node.syntax
            while type(syn).__name__ == "ParenthesizedExpressionSyntax":
                syn = syn.expression
            tok = getattr(syn, "operatorToken", None)
            if tok is not None and tok.rawText == "<":
                off = an.off(tok.location.offset)
                if all(e.start != off for e in redits):
                    redits.append(Edit(off, off + 1, "!="))
        got = _induction_all(an, k, sym, ws) if (cmps or rev) else None
        checks = got[0] if got is not None else []
        if got is None:
            cmps, rev = [], []
        held: dict[int, bool] = {}
        for info, _const_first, c, eq in rev:
            if c not in held:
                held[c] = _holds(checks, c)
            syn = info.node.syntax
            while type(syn).__name__ == "ParenthesizedExpressionSyntax":
                syn = syn.expression
            tok = getattr(syn, "operatorToken", None)
            if not held[c] or tok is None or tok.rawText not in (">=", "<", "<=", ">"):
                continue
            off = an.off(tok.location.offset)
            redits.append(Edit(off, off + len(tok.rawText), "==" if eq else "!="))
        if redits:  # with r <= C, 'r >= C' is 'r == C' (measured: an equality can share with its negation)
            out.append(tmpl._m(an, redits[0].start, redits[0].end,
                               f"{sym.name}: {len(redits)} magnitude comparison(s) against its top value as "
                               f"equalities (value range from reset, " + ("proven with z3)" if got is not None else
                                                                           "per elaborated copy)"), redits,
                               group="compare_eq", reg=k))
        edits = []
        for info, const_first, c, eq in cmps:
            if c not in held:
                held[c] = _holds(checks, c)
            if not held[c]:
                continue
            # only the operator token changes (relational binds tighter than equality, and the
            # literal next to it may be resized by a narrowing of the same round without overlap)
            syn = info.node.syntax
            while type(syn).__name__ == "ParenthesizedExpressionSyntax":
                syn = syn.expression
            tok = getattr(syn, "operatorToken", None)
            if tok is None or tok.rawText not in ("==", "!="):
                continue
            off = an.off(tok.location.offset)
            new = (">=" if eq else "<") if not const_first else ("<=" if eq else ">")
            edits.append(Edit(off, off + len(tok.rawText), new))
        if edits:
            out.append(tmpl._m(an, edits[0].start, edits[0].end,
                               f"{sym.name}: {len(edits)} comparison(s) with its largest value as a magnitude "
                               f"comparison (value range from reset, proven with z3)", edits, group="compare"))
    return out


def _copies_bounded(an: Analysis, key, writes, cnode, width: int) -> bool:
    """In every elaborated copy the register stays ``<= C`` (``C``: the value of the parameter expression
    ``cnode`` in that copy): each write is a constant no larger than the smallest ``C``, or ``r + 1`` on
    the branch of ``if (r < C)`` / ``if (r != C)`` (same syntax ``C``) that excludes ``C`` itself. Then
    ``r < C`` is ``r != C`` in every copy (a counter with a per-instance period)."""
    vals = _copies_values(an, cnode)
    if not vals or min(vals) <= 0 or max(vals) >= (1 << width) - 1:
        return False
    from rtlopt.templates._guards import reads

    lo = min(vals)
    site_of = {an.span(st.node): st for st in sites_cached(an) if type(st.node).__name__ == "AssignmentExpression"}
    steps, reset = 0, False
    for w in writes:
        rhs = strip(w.right)
        if not _varies(an, rhs):
            c = an.const(rhs)
            if c is not None:
                if not 0 <= c <= lo:
                    return False
                site = site_of.get(an.span(w))
                # a reset: a constant load under a path that does not depend on the register itself
                reset = reset or (site is not None and any(
                    key not in reads(g.node if g.kind == "cond" else g.node.expr) for g in site.guard))
                continue
        if type(rhs).__name__ == "BinaryExpression" and op_name(rhs) == "Add":
            left, right = strip(rhs.left), strip(rhs.right)
            one = (_is_reg(left, key) and an.const(right) == 1) or (_is_reg(right, key) and an.const(left) == 1)
            if one and _branch_adjust(an, key, w, cnode) == -1:
                steps += 1
                continue
        return False
    return steps > 0 and reset


#: (z3 context, term id, limit, signed) -> (the term, its constants): the guards of one design's writes
#: share large terms (a CPU's decode), walked node by node through z3's Python API once each, not per
#: write (picorv32.v: 405 walks, 2.9 of 5.3 CPU s of register_width_reduction). The entry holds the
#: term, so its id (and its context) cannot be reused while the entry exists.
_CONSTS_MEMO: dict = {}
_CONSTS_MEMO_MAX = 4096


def _z3_consts(term, out: set, limit: int = 2000, signed: bool = False) -> None:
    """Numerals inside a z3 term (the constants of inlined next-state wires, too); ``signed``: each also
    read as two's complement of its own size."""
    key = (id(term.ctx), term.get_id(), limit, signed)
    got = _CONSTS_MEMO.get(key)
    if got is None:
        mine: set = set()
        _z3_consts_walk(term, mine, limit, signed)
        if len(_CONSTS_MEMO) >= _CONSTS_MEMO_MAX:
            _CONSTS_MEMO.clear()
        got = _CONSTS_MEMO[key] = (term, frozenset(mine))
    out |= got[1]


def _z3_consts_walk(term, out: set, limit: int, signed: bool) -> None:
    import z3

    todo, seen, order = [term], set(), []
    while todo and len(seen) < limit:
        t = todo.pop()
        if t.get_id() in seen:
            continue
        seen.add(t.get_id())
        order.append(t)
        if z3.is_bv_value(t):
            v, n = t.as_long(), t.size()
            out.add(v)
            if signed and n > 1 and v >= 1 << (n - 1):
                out.add(v - (1 << n))
        todo.extend(t.children())
    # operators over numerals only, folded: a compare with 'T_RST * 2 - 1' of parameters is a term
    # '2 * 500 - 1' (z3 keeps it unfolded), whose value 999 is the bound (post-order over the terms seen)
    closed: dict[int, bool] = {}
    folds = 0
    for root in order:
        stack = [(root, False)]
        while stack:
            t, done = stack.pop()
            i = t.get_id()
            if i in closed:
                continue
            if z3.is_bv_value(t):
                closed[i] = True
                continue
            kids = t.children()
            if not done and kids and i in seen:
                stack.append((t, True))
                stack.extend((c, False) for c in kids if c.get_id() not in closed)
                continue
            closed[i] = bool(kids) and i in seen and (z3.is_bv(t) or z3.is_bool(t)) \
                and all(closed.get(c.get_id(), False) for c in kids)
    for t in order:
        if closed.get(t.get_id()) and not z3.is_bv_value(t) and z3.is_bv(t) and folds < 200:
            folds += 1
            v = z3.simplify(t)
            if z3.is_bv_value(v):
                out.add(v.as_long())
                n = v.size()
                if signed and n > 1 and v.as_long() >= 1 << (n - 1):
                    out.add(v.as_long() - (1 << n))


def _reset_value(an: Analysis, rhs, key, free: bool) -> bool:
    """The write loads a constant under a condition that does not depend on the register itself (a
    reset or reload, not the wrap of a counter): ``free`` says such a condition is on the path."""
    from rtlopt.templates._guards import reads

    rhs = strip(rhs)
    if _const(an, rhs) is not None:
        return free
    if type(rhs).__name__ == "ConditionalExpression" and len(rhs.conditions) == 1:
        f = free or key not in reads(rhs.conditions[0].expr)
        return _reset_value(an, rhs.left, key, f) or _reset_value(an, rhs.right, key, f)
    return False


def sites_cached_by_span(an: Analysis) -> dict:
    """:func:`sites_cached` by the span of the written assignment."""
    got = an.__dict__.get("_sites_by_span")
    if got is None:
        got = an._sites_by_span = {an.span(st.node): st for st in sites_cached(an) if st.node.syntax is not None}
    return got


def sites_cached(an: Analysis) -> list:
    """The guarded expression sites of ``an``, computed once per analysis (kept on the analysis
    itself: pyslang nodes must never outlive the compilation they belong to)."""
    from rtlopt.templates._guards import sites

    got = getattr(an, "_guard_sites", None)
    if got is None:
        got = sites(an)
        an._guard_sites = got
    return got


def net_defs_cached(an: Analysis) -> dict:
    """Net drivers of ``an`` (``net_definitions``), computed once per analysis."""
    from rtlopt.templates._guards import net_definitions

    got = getattr(an, "_net_defs", None)
    if got is None:
        got = an._net_defs = net_definitions(an)
    return got


def writes_by_key(sites: list) -> dict:
    """Assignment sites whose target is a plain name, grouped by that name's key (program order)."""
    by_key: dict = {}
    for st in sites:
        n = st.node
        if type(n).__name__ != "AssignmentExpression":
            continue
        lhs = strip(n.left)
        if type(lhs).__name__ == "NamedValueExpression":
            by_key.setdefault(_key(lhs.symbol), []).append(st)
    return by_key


def _fresh_name(text: str, base: str) -> str:
    name, i = f"{base}_q", 0
    while re.search(rf"\b{re.escape(name)}\b", text):
        i += 1
        name = f"{base}_q{i}"
    return name


def _inductive_matches(tmpl, an: Analysis, cands, writes, clocked, bad, done: set,
                       guarded: dict | None = None) -> list[Match]:
    """Narrow registers by a z3-proven inductive bound; reads go through a full-width alias wire.

    ``guarded``: bit counts of the step-guarded bound of :meth:`RegisterWidthReduction.find` (largest
    constant written or compared around a step, plus the step) for registers whose reads could not be
    re-sized in place, used when the z3 bound fails. That bound is what the counter's own compares
    give; z3 over the register's writes alone proves only a global one, and a timer that ends each
    state on its own ``==`` limit (yellow at 3, red at 29) holds ``r <= 29`` only with
    ``st == YELLOW -> r <= 3`` (the equivalence proof's per-state candidates, verify._smt)."""
    out = []
    guarded = guarded or {}
    for k, ws in writes.items():
        if k in bad or k not in clocked or k in done:
            continue
        sym = cands[k]
        if any(not w.isNonBlocking for w in ws):
            continue
        bits = inductive_bound(an, k, sym, ws)
        how = "inductive value range from reset, proven with z3"
        if bits is None and k in guarded:
            bits, how = guarded[k], "value range from reset: steps guarded by compares"
        if bits is None or bits >= _width(sym):
            continue
        decl = sym.syntax.parent
        ds, de = an.span(decl)
        declarators = [d for d in decl.declarators if type(d).__name__ == "DeclaratorSyntax"]
        dtext = an.text[ds:de]
        head = an.text[ds:an.span(declarators[0])[0]]
        m = re.search(r"\[\s*([^\[\]:]+?)\s*:\s*0\s*\]", head)  # [15:0] or [CW-1:0] (the alias keeps it)
        if m is None or head.count("[") != 1:
            continue
        new = _fresh_name(an.text, sym.name)
        indent = BitwidthReduction._indent(an.text, ds)
        prefix = head[:m.start()].rstrip()
        cw = copy_width_expr(an, k, sym) if how.startswith("inductive") else None
        rng = f"[{bits - 1}:0]" if cw is None else f"[{cw}-1:0]"
        narrow_decl = f"{prefix} {rng} {new};\n{indent}wire {m.group(0)} {sym.name} = {new};"
        edits: list[Edit] = []
        if len(declarators) == 1:
            if an.span(declarators[0])[1] != de - 1 or not dtext.rstrip().endswith(";"):
                continue
            edits.append(Edit(ds, de, narrow_decl))
        else:
            spans = [an.span(d) for d in declarators]
            kept = [an.text[s:e] for d, (s, e) in zip(declarators, spans, strict=True) if d.name.valueText != sym.name]
            edits.append(Edit(spans[0][0], spans[-1][1], ", ".join(kept)))
            edits.append(Edit(de, de, f"\n{indent}{narrow_decl}"))
        for w in ws:
            ls, le = an.span(strip(w.left))
            edits.append(Edit(ls, le, new))
        out.append(tmpl._m(an, ds, de, f"{sym.name} {_width(sym)} -> {bits} bits ({how})", edits,
                           kind="inductive", reg=k, bits=bits))
    return out


def _output_reg_matches(tmpl, an: Analysis, roots, comb) -> list[Match]:
    """``output reg [15:0] cnt`` whose value provably stays below ``2^k`` from reset: the port keeps
    its declaration byte for byte and becomes a copy of a narrow register
    (``reg [k-1:0] cnt_q; always @* cnt = cnt_q;``); every write targets ``cnt_q``."""
    ports = {}
    for s in an.symbols:
        if isinstance(s, ast.PortSymbol) and str(s.direction).endswith(".Out") \
                and isinstance(s.internalSymbol, ast.VariableSymbol):
            v = s.internalSymbol
            if not v.type.isSigned and 2 <= _width(v) <= 64 and v.type.hasFixedRange \
                    and int(v.type.fixedRange.right) == 0 and int(v.type.fixedRange.left) == _width(v) - 1:
                ports[_key(v)] = v
    if not ports:
        return []
    writes, bad = _whole_register_writes(an, roots, comb, ports)
    for s in an.symbols:  # driven by a sub-instance: not a register of this module
        if isinstance(s, ast.InstanceSymbol):
            for pc in s.portConnections:
                e = pc.expression
                if e is not None:
                    e.visit(lambda n: (bad.add(_key(n.symbol)) if isinstance(n, ast.Expression) and type(
                        n).__name__ == "NamedValueExpression" and _key(n.symbol) in ports else None) or True)
    blocks = [an.span(s.syntax) for s in an.symbols
              if isinstance(s, ast.ProceduralBlockSymbol) and s.syntax is not None]
    out = []
    for k, ws in writes.items():
        if k in bad:
            continue
        sym = ports[k]
        bits = inductive_bound(an, k, sym, ws)
        if bits is None or bits >= _width(sym):
            continue
        blk = [b for b in blocks if any(b[0] <= an.span(w)[0] and an.span(w)[1] <= b[1] for w in ws)]
        if not blk:
            continue
        pos = min(b[0] for b in blk)  # before the first block that writes the register
        new = _fresh_name(an.text, sym.name)
        indent = BitwidthReduction._indent(an.text, pos)
        rng = f"[{bits - 1}:0]" if (cw := copy_width_expr(an, k, sym)) is None else f"[{cw}-1:0]"
        edits = [Edit(pos, pos, f"reg {rng} {new};\n{indent}always @* {sym.name} = {new};\n{indent}")]
        for w in ws:
            ls, le = an.span(strip(w.left))
            edits.append(Edit(ls, le, new))
        out.append(tmpl._m(an, pos, pos, f"output {sym.name} {_width(sym)} -> {bits} bits behind a copy (inductive "
                                         f"value range from reset, proven with z3)", edits,
                           **_narrowed("output_copy", [k], [bits])))
    return out


def _whole_register_writes(an: Analysis, roots, comb, cands: dict) -> tuple[dict, set]:
    """For the variables ``cands`` (key -> symbol): their whole-variable nonblocking writes in clocked
    blocks (key -> assignment nodes), and the keys that cannot be narrowed behind a copy (an initializer,
    a part or compound write, a blocking write or one in a combinational block)."""
    writes: dict = {}
    bad: set = set()
    for kind, node, sym in roots:
        if kind == "init" and _key(sym) in cands:
            bad.add(_key(sym))
        if kind != "assign":
            continue

        def visit(n, node=node):
            if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression" \
                    and _key(n.symbol) in cands:
                lhs = strip(node.left)
                if type(lhs).__name__ != "NamedValueExpression" or node.isCompound:
                    bad.add(_key(n.symbol))  # a part or compound write keeps the variable as it is
            return True

        node.left.visit(visit)
        lhs = strip(node.left)
        if type(lhs).__name__ == "NamedValueExpression" and _key(lhs.symbol) in cands and not node.isCompound:
            s0, e0 = an.span(node)
            if not node.isNonBlocking or any(a <= s0 and e0 <= b for a, b in comb):
                bad.add(_key(lhs.symbol))  # only registers written with <= in clocked blocks
            writes.setdefault(_key(lhs.symbol), []).append(node)
    return writes, bad


def _integer_reg_matches(tmpl, an: Analysis, roots, comb) -> list[Match]:
    """A register declared ``integer`` / ``int`` (or signed, or without a range) whose value provably
    stays in ``0 .. 2^k - 1`` from reset (z3 induction over its writes, function calls inlined): a
    round-robin pointer kept in an integer and advanced by a function of the parameters. The
    declaration stays byte for byte and becomes a combinational copy of a ``k``-bit register
    (``reg [k-1:0] ptr_q; always @* ptr = ptr_q;``); every write targets ``ptr_q``."""
    ports = {_key(s.internalSymbol) for s in an.symbols
             if isinstance(s, ast.PortSymbol) and s.internalSymbol is not None}
    regs = {}
    for s in an.symbols:
        if type(s).__name__ != "VariableSymbol" or _key(s) in ports or s.syntax is None:
            continue
        decl = s.syntax.parent
        if type(decl).__name__ != "DataDeclarationSyntax" or len(list(s.syntax.dimensions)):
            continue
        if type(decl.parent).__name__ not in ("ModuleDeclarationSyntax", "GenerateBlockSyntax"):
            continue  # declared in a procedural block or a function: no module-level copy possible
        w = _width(s)
        if not 2 <= w <= 64 or not s.type.isIntegral:
            continue
        head = an.text[an.span(decl)[0]:an.span(s.syntax)[0]]
        if not s.type.isSigned and "[" in head:
            continue  # an unsigned vector with a range: register_width_reduction's own declarations
        regs[_key(s)] = s
    if not regs:
        return []
    writes, bad = _whole_register_writes(an, roots, comb, regs)
    for info in an.exprs:  # i++ / i += 1 (loop variables) are no registers of this kind
        n = info.node
        if type(n).__name__ == "UnaryExpression" and op_name(n) in (
                "Preincrement", "Predecrement", "Postincrement", "Postdecrement"):
            BitwidthReduction._names(n.operand, bad)
    instance_driven(an, bad)
    out = []
    for k, ws in writes.items():
        if k in bad:
            continue
        sym = regs[k]
        bits = inductive_bound(an, k, sym, ws)
        if bits is None or bits >= _width(sym) - (1 if sym.type.isSigned else 0):
            continue
        ds, de = an.span(sym.syntax.parent)
        new = _fresh_name(an.text, sym.name)
        indent = BitwidthReduction._indent(an.text, ds)
        rng = f"[{bits - 1}:0]" if (cw := copy_width_expr(an, k, sym)) is None else f"[{cw}-1:0]"
        edits = [Edit(de, de, f"\n{indent}reg {rng} {new};\n{indent}always @* {sym.name} = {new};")]
        for w in ws:
            ls, le = an.span(strip(w.left))
            edits.append(Edit(ls, le, new))
        from rtlopt.templates._signedrange import COPY_ENGINES

        out.append(tmpl._m(an, ds, de, f"{sym.name} ({sym.type}) {_width(sym)} -> {bits} bits behind a copy "
                                       f"(inductive value range from reset, proven with z3)", edits,
                           engines=COPY_ENGINES, **_narrowed("integer_copy", [k], [bits])))
    return out


def instance_driven(an: Analysis, out: set) -> None:
    """Adds the keys of the variables a sub-instance's output or inout port drives to ``out``."""
    for s in an.symbols:
        if isinstance(s, ast.InstanceSymbol):
            for pc in s.portConnections:
                e = pc.expression
                if e is not None and not str(pc.port.direction).endswith(".In"):
                    BitwidthReduction._names(e, out)


def _array_reg_matches(tmpl, an: Analysis) -> list[Match]:
    """An unpacked array of counters (``reg [15:0] tmr [0:NB-1]``, one timer per bank, written
    ``tmr[i] <= ...`` in a ``for`` loop) whose every element provably stays below ``2^k`` from reset:
    the element range is narrowed in place. Each write ``A[e] <= rhs`` is modelled for a generic element:
    reads ``A[e]`` with the index text of the write (the loop variable is one value per iteration) are
    that element, every other read of ``A`` is a free value; the induction is the scalar one."""
    from rtlopt.templates._guards import lit_z3, net_definitions, reads

    ports = {_key(s.internalSymbol) for s in an.symbols
             if isinstance(s, ast.PortSymbol) and s.internalSymbol is not None}
    arrays = {}
    # packed arrays of vectors (``logic [N-1:0][7:0] age``) too: the whole array may be cleared
    # (``age <= '0``, a reset of every element); any other whole read or write depends on the layout
    packed_keys: set = set()
    for s in an.symbols:
        if type(s).__name__ != "VariableSymbol" or _key(s) in ports or s.syntax is None:
            continue
        packed = type(s.type).__name__ == "PackedArrayType" and not len(list(s.syntax.dimensions)) \
            and s.type.elementType.isIntegral and type(s.type.elementType).__name__ == "PackedArrayType" \
            and type(s.type.elementType.elementType).__name__ == "ScalarType"
        if not packed and (len(list(s.syntax.dimensions)) != 1
                           or type(s.type).__name__ != "FixedSizeUnpackedArrayType"):
            continue
        et = s.type.elementType
        if not et.isIntegral or not 2 <= int(et.bitWidth) <= 64:
            continue
        decl = s.syntax.parent
        if type(decl).__name__ != "DataDeclarationSyntax" or len(list(decl.declarators)) != 1:
            continue
        if packed:
            packed_keys.add(_key(s))
        arrays[_key(s)] = s
    if not arrays:
        return []
    # signed elements (``int cnt [4]``, ``integer c [0:3]``, ``reg signed [15:0] a [..]``) are narrowed to
    # unsigned ``[k-1:0]`` when the bound keeps them in 0 .. 2^k - 1 and every read only consumes the value
    # (:func:`_signed_reads`): their own context checks replace the unsigned ones below;
    # a read in a signed context is kept at the element's width and signedness
    signed = {k for k, s in arrays.items() if s.type.elementType.isSigned}
    loopvars: set = set()
    for st, _s, _e in an.statements:
        if type(st).__name__ == "ForLoopStatement":
            for a in list(st.initializers) + list(st.steps):
                if type(a).__name__ == "AssignmentExpression":
                    loopvars |= reads(a.left)
            for v in st.loopVars:
                loopvars.add(_key(v))
    bad: set = set()
    nassign: dict = {}
    cleared: dict = {}  # packed array key -> spans of its whole-array clears (``age <= '0``)
    for info in an.exprs:  # every write of an array: whole elements only
        n = info.node
        if type(n).__name__ != "AssignmentExpression":
            continue
        lhs = strip(n.left)
        hit = reads(n.left) & set(arrays)
        if not hit:
            continue
        if _key_of(lhs) in packed_keys and not n.isCompound and n.isNonBlocking and _const(an, n.right) == 0:
            cleared.setdefault(_key_of(lhs), set()).add(an.span(n))
            continue
        if type(lhs).__name__ == "ElementSelectExpression" and _key_of(lhs.value) in arrays \
                and not n.isCompound and n.isNonBlocking and not (reads(lhs.selector) & set(arrays)):
            nassign[_key_of(lhs.value)] = nassign.get(_key_of(lhs.value), 0) + 1
        else:
            bad |= hit
    # reads whose meaning depends on the element width (concatenations, calls, signed contexts)
    for info in an.exprs:
        n = info.node
        if type(n).__name__ in ("ConcatenationExpression", "ReplicationExpression", "CallExpression",
                                "StreamingConcatenationExpression") or (
                type(n).__name__ == "AssignmentExpression" and not _context_safe(n.right)):
            hit = reads(n if type(n).__name__ != "AssignmentExpression" else n.right) & set(arrays)
            bad |= hit - signed if type(n).__name__ == "AssignmentExpression" else hit
        if type(n).__name__ == "RangeSelectExpression" or (
                type(n).__name__ == "ElementSelectExpression" and type(strip(n.value)).__name__
                == "ElementSelectExpression"):
            bad |= reads(n.value) & set(arrays)
    for s in an.symbols:  # an element driven by a sub-instance's output: a write not modelled here
        if isinstance(s, ast.InstanceSymbol):
            for pc in s.portConnections:
                e = pc.expression
                if e is not None and not str(pc.port.direction).endswith(".In"):
                    bad |= reads(e) & set(arrays)
    if packed_keys:  # a packed array read or written other than element by element or cleared
        named, allowed = {}, set()

        def span(n):
            n = strip(n)
            return None if n.syntax is None else an.span(n)

        for info in an.exprs:
            n = info.node
            if type(n).__name__ == "NamedValueExpression" and _key(n.symbol) in packed_keys:
                named.setdefault(_key(n.symbol), set()).add(span(n))
            elif type(n).__name__ == "ElementSelectExpression" and _key_of(n.value) in packed_keys:
                allowed.add(span(n.value))
            elif type(n).__name__ == "AssignmentExpression" and span(n) in cleared.get(_key_of(n.left), ()):
                allowed.add(span(n.left))
        for pk, spans in named.items():
            if spans - allowed:
                bad.add(pk)
    writes: dict = {}
    site_of: dict = {}
    for st in sites_cached(an):
        n = st.node
        if type(n).__name__ == "AssignmentExpression" and type(strip(n.left)).__name__ == "ElementSelectExpression":
            k = _key_of(strip(n.left).value)
            if k in arrays:
                writes.setdefault(k, []).append(n)
                site_of[an.span(n)] = st
    out = []
    for k, ws in writes.items():
        sym = arrays[k]
        if k in bad or len(ws) != nassign.get(k):
            continue
        # every instance and every generate iteration on its own (``A[g] <= g * 100`` differs per g)
        ctxs = _copy_contexts(an, ws, per_iteration=True)
        if not ctxs:
            continue
        width = int(sym.type.elementType.bitWidth)
        best = 0
        for cws, csites, cdefs, *_p in ctxs:
            if cdefs is None:
                cdefs = getattr(an, "_net_defs", None)
                if cdefs is None:
                    cdefs = an._net_defs = net_definitions(an)
            checks, consts, has_reset = [], set(), False
            for w in cws:
                st = csites.get(an.span(w))
                if st is None or not st.volatile <= loopvars:
                    checks = None
                    break
                zx = _ElemZ3(an, volatile=set(), defs=cdefs)
                zx.arrays = set(arrays)
                r = zx.bv(w.left)
                if r.size() != width:
                    checks = None
                    break
                gz = z3_and([lit_z3(an, zx, g) for g in st.guard])
                rhs = zx.bv(w.right)
                if rhs.size() != width:
                    rhs = _fit(rhs, width)
                checks.append((r, gz, rhs))
                _z3_consts(rhs, consts)
                _z3_consts(gz, consts)
                lhs_text = an.info(strip(w.left)).key if an.info(strip(w.left)) is not None else None
                free = any(not (reads(g.node if g.kind == "cond" else g.node.expr) & {k}) for g in st.guard)
                if _const(an, w.right) is not None and free and lhs_text is not None:
                    has_reset = True
            for span in cleared.get(k, ()) if checks else ():  # a clear writes 0 to every element
                st = sites_cached_by_span(an).get(span)
                if st is None or not st.volatile <= loopvars:
                    checks = None
                    break
                import z3

                checks.append((z3.BitVec(f"{k}#clear", width), z3.BoolVal(True), z3.BitVecVal(0, width)))
                if any(not (reads(g.node if g.kind == "cond" else g.node.expr) & {k}) for g in st.guard):
                    has_reset = True
            if not checks or not has_reset:
                best = None
                break
            bits = _least_bits((checks, consts), width)
            if bits is None:
                best = None
                break
            best = max(best, bits)
        if not best or best >= width:
            continue
        decl = sym.syntax.parent
        ds, de = an.span(decl)
        head = an.text[ds:an.span(sym.syntax)[0]]
        if k in signed:
            wrap = _signed_reads(an, k, best, ws)
            if wrap is None:
                continue
            new_head = _unsigned_head(head, best)
            if new_head is None:
                continue
            # a read in a signed or width-dependent context (``lvl[i] - 16'sd1 < 16'sd0``) keeps its
            # original meaning: the narrowed value zero-extended back to the element width, signed
            # (equal to the element, which is non-negative: the bound holds from reset)
            wraps = [Edit(s, e, f"$signed({{{width - best}'d0, {an.text[s:e]}}})") for s, e in wrap]
            steps = [ed for ed in _step_literals(an, ws, best)
                     if not any(s <= ed.start and ed.end <= e for s, e in wrap)]
            edits = [Edit(ds, ds + len(head), new_head)] + steps + wraps
        else:
            ms = list(re.finditer(r"\[\s*([^\[\]:]+?)\s*:\s*0\s*\]", head))
            if not ms or head.count("[") != (2 if k in packed_keys else 1):
                continue
            m = ms[-1]  # the element range (of a packed array: the last one, right before the name)
            if k in packed_keys and head[m.end():].strip():
                continue
            edits = [Edit(ds + m.start(), ds + m.end(), f"[{best - 1}:0]")]
        out.append(tmpl._m(an, ds, de, f"{sym.name} elements {width} -> {best} bits (inductive value range of "
                                       f"every element from reset, proven with z3)", edits,
                           **_narrowed("array_elements", [k], [best])))
    return out


def _elem_z3():
    from rtlopt.templates._guards import Z3Expr

    class ElemZ3(Z3Expr):
        """Array elements ``A[e]`` by the text of the select: one element per text within one loop
        iteration or one generate iteration's block (the model covers one at a time)."""

        arrays: set = set()

        def bv(self, node):
            n = strip(node)
            if type(n).__name__ == "ElementSelectExpression" and _key_of(n.value) in self.arrays:
                info = self.an.info(n)
                w = _width(n)
                if info is not None and w > 0:
                    return self.var(("elem", info.key), w)
            return super().bv(node)

    return ElemZ3


def _ElemZ3(*a, **k):  # noqa: N802 - a class made on first use (z3 is imported lazily)
    global _ELEM_Z3
    if _ELEM_Z3 is None:
        _ELEM_Z3 = _elem_z3()
    return _ELEM_Z3(*a, **k)


_ELEM_Z3 = None


def _key_of(node):
    node = strip(node)
    if type(node).__name__ == "NamedValueExpression":
        return _key(node.symbol)
    return None


def z3_and(terms: list):
    import z3

    return z3.And(*terms) if terms else z3.BoolVal(True)


def _fit(t, width: int):
    import z3

    return z3.Extract(width - 1, 0, t) if t.size() > width else z3.ZeroExt(width - t.size(), t)


#: Keyword integer types of a signed array element, and the keyword of their unsigned narrow declaration.
_INT_KEYWORDS = {"int": "logic", "integer": "reg", "shortint": "logic", "longint": "logic", "byte": "logic"}


def _unsigned_head(head: str, bits: int) -> str | None:
    """The declaration text before the name of a signed array, as an unsigned ``bits``-wide one:
    ``int `` -> ``logic [5:0] ``, ``integer `` -> ``reg [5:0] ``, ``reg signed [15:0] `` -> ``reg [5:0] ``;
    None for other spellings (a typedef, a packed struct)."""
    m = re.fullmatch(r"(\s*)(int|integer|shortint|longint|byte)(\s+)", head)
    if m is not None:
        return f"{m.group(1)}{_INT_KEYWORDS[m.group(2)]} [{bits - 1}:0]{m.group(3)}"
    m = re.fullmatch(r"(\s*(?:reg|logic|bit|wire|var\s+logic)\s+)signed\s*\[\s*[^\[\]:]+?\s*:\s*0\s*\](\s+)", head)
    if m is not None:
        return f"{m.group(1)}[{bits - 1}:0]{m.group(2)}"
    return None


def _signed_reads(an: Analysis, key, bits: int, writes: list) -> list[tuple[int, int]] | None:
    """Every read of the signed array ``key`` means the same when the element becomes unsigned
    ``[bits-1:0]`` with a value in ``0 .. 2^bits - 1`` (proven from reset): a signed element turns the
    expression it sits in unsigned and narrower, so each read must only consume its value --

    * in the next value of one of the array's own writes through operators whose low ``bits`` bits
      do not depend on the context (``+ - * & | ^ ~ <<``, the arms of ``?:``), the other operands
      unsigned or at least ``bits`` wide (a narrow signed operand would be zero- instead of sign-extended);
    * as an operand of a comparison whose other side is a constant >= 0, an unsigned value or another
      element of the array (both non-negative, compared by value);
    * as the operand of ``&&``/``||``/``!`` (its truth), the right side of an assignment (the value
      truncated to the target), an explicit conversion wider than ``bits`` whose result is itself read
      so, or no operator at all (a condition, a port connection, a case selector).

    Any other plain read (``lvl[i] - 16'sd1 < 16'sd0``, ``lvl[i] + 3 > 60``, ``x < d`` with a signed ``d``)
    is returned to be rewritten as the narrowed value zero-extended back to the element width and made
    signed: the same value, width and signedness as before (the element is non-negative), so the
    expression around it is evaluated exactly as written. None: a read that cannot be kept so (a write's
    next value that does not only consume the element, an element used as an index of another read).
    """
    reads_of = []
    for info in an.exprs:
        n = info.node
        if type(n).__name__ == "ElementSelectExpression" and _key_of(n.value) == key:
            reads_of.append(info)
    lhs = {an.span(strip(w.left)) for w in writes}
    covered: set = set()

    def mod_ok(node) -> bool:
        node = strip(node)
        kind = type(node).__name__
        if kind == "ElementSelectExpression" and _key_of(node.value) == key:
            covered.add(an.span(node))
            return True
        if kind == "BinaryExpression" and op_name(node) in ("Add", "Subtract", "Multiply", "BinaryAnd",
                                                              "BinaryOr", "BinaryXor", "BinaryXnor"):
            return mod_ok(node.left) and mod_ok(node.right)
        if kind == "BinaryExpression" and op_name(node) in ("LogicalShiftLeft", "ArithmeticShiftLeft"):
            return mod_ok(node.left)  # the amount is self-determined (a read there is checked on its own)
        if kind == "UnaryExpression" and op_name(node) in ("BitwiseNot", "Minus", "Plus"):
            return mod_ok(node.operand)
        if kind == "ConditionalExpression":
            return mod_ok(node.left) and mod_ok(node.right)
        if not _mentions_elem(node, key):
            t = getattr(node, "type", None)
            w = self_width(node)
            return t is not None and (not t.isSigned or (w is not None and w >= bits))
        return False

    for w in writes:
        if not mod_ok(w.right):
            return False
    infos = sorted(an.exprs, key=lambda i: i.end - i.start)
    spans = {(i.start, i.end) for i in reads_of}

    def parent(span):
        s, e = span
        for i in infos:
            if i.start <= s and e <= i.end and (i.start, i.end) != (s, e) and not (
                    type(i.node).__name__ == "ElementSelectExpression" and _key_of(i.node.value) == key
                    and (i.start, i.end) in spans):
                return i
        return None

    def value_ok(info) -> bool:
        p = parent((info.start, info.end))
        if p is None:
            return True
        n = p.node
        kind = type(n).__name__
        if kind == "BinaryExpression":
            op = op_name(n)
            if op in ("LogicalAnd", "LogicalOr", "LogicalImplication", "LogicalEquivalence"):
                return True
            if op in _CMP:
                ls = an.span(strip(n.left))
                other = strip(n.right) if (ls[0] <= info.start and info.end <= ls[1]) else strip(n.left)
                if other is None or (an.span(other) == (info.start, info.end)):
                    return False
                if type(other).__name__ == "ElementSelectExpression" and _key_of(other.value) == key:
                    return True
                c = _const(an, other)
                if c is not None:
                    return c >= 0
                t = getattr(other, "type", None)
                return t is not None and not t.isSigned
            return False
        if kind == "UnaryExpression":
            return op_name(n) == "LogicalNot"
        if kind == "AssignmentExpression":
            rs = an.span(strip(n.right))
            return rs[0] <= info.start and info.end <= rs[1] and not n.isCompound
        if kind == "ConversionExpression" and not n.isImplicit:
            return p.width > bits and value_ok(p)
        return False

    wrap = []
    for info in reads_of:
        sp = (info.start, info.end)
        if sp in lhs or sp in covered:
            continue
        if not value_ok(info):
            if not _rvalue_read(an, info, spans):
                return None
            wrap.append(sp)
    return wrap


def _rvalue_read(an: Analysis, info, spans: set) -> bool:
    """The element read ``info`` is a plain value (not an assignment target, not a port connection, not
    inside another read of the same array being rewritten), so its text can be wrapped in an expression."""
    for i in an.exprs:
        if (i.start, i.end) == (info.start, info.end) or not (i.start <= info.start and info.end <= i.end):
            continue
        if (i.start, i.end) in spans:
            return False  # nested in another read of the array (an index): keep it simple
        n = i.node
        if type(n).__name__ == "AssignmentExpression":
            ls = an.span(strip(n.left))
            if ls[0] <= info.start and info.end <= ls[1]:
                return False
    return info.node.type is not None and info.node.type.isSigned


def _mentions_elem(node, key) -> bool:
    found = []

    def visit(n):
        if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression" and _key(n.symbol) == key:
            found.append(1)
        return True

    node.visit(visit)
    return bool(found)


def _step_literals(an: Analysis, writes: list, bits: int) -> list[Edit]:
    """Unsized literal operands of ``+``/``-`` in the next values of a narrowed signed array's writes
    (``cnt[b] + 1``), sized to the element (``6'h1``): the step is then computed at the element's
    width (the write truncates to it anyway; measured: a 32-bit ``+ 1`` keeps a wider adder)."""
    out: list[Edit] = []
    seen: set = set()

    def visit(node):
        node = strip(node)
        kind = type(node).__name__
        if kind == "BinaryExpression" and op_name(node) in ("Add", "Subtract"):
            for o in (strip(node.left), strip(node.right)):
                info = an.info(o)
                if type(o).__name__ == "IntegerLiteral" and info is not None and "'" not in info.text:
                    c = _const(an, o)
                    if c is not None and 0 <= c < (1 << bits) and (info.start, info.end) not in seen:
                        seen.add((info.start, info.end))
                        out.append(Edit(info.start, info.end, literal(c, bits)))
                else:
                    visit(o)
        elif kind == "ConditionalExpression":
            visit(node.left)
            visit(node.right)

    for w in writes:
        visit(w.right)
    return out


def _inplace_matches(tmpl, an: Analysis, cands, roots, ind: list) -> list[Match]:
    """The registers the z3 bound narrows behind a full-width alias (:func:`_inductive_matches`), also
    declared narrow in place when no read depends on the declared width (no select above the new
    width, no concatenation of the register, context-safe reads): ``reg [9:0] cnt;`` with the writes'
    next values computed at the new width (:func:`_narrow_steps`: ``{2'b00, cnt[9:0]} + 12'd1`` ->
    ``cnt + 10'h1``), alone and together with the same register's top-value equalities (measured: the
    equality pays only with the narrow adder). Offered as alternatives; proven like every rewrite."""
    inplace: dict = {}
    for c in ind:
        if c.data.get("kind") != "inductive":
            continue
        k, b = c.data["reg"], c.data["bits"]
        sym = cands.get(k)
        if sym is None or copy_width_expr(an, k, sym) is not None or not BitwidthReduction._reads_ok(
                an, sym, roots) or _layout_read(an, k, b):
            continue
        inplace[k] = b
    if not inplace:
        return []
    out = []
    for m in BitwidthReduction()._matches(an, cands, inplace, roots):
        keys = [k for k in inplace if an.span(cands[k].syntax.parent) == (m.start, m.end)]
        if not keys:
            continue
        have = [(e.start, e.end) for e in m.edits]
        eds = list(m.edits)
        for k in keys:
            for e in _narrow_steps(an, k, inplace[k], roots):
                inner = [x for x in eds if e.start <= x.start and x.end <= e.end]  # a read inside the step
                if not any(s < e.end and e.start < t for s, t in have if not e.start <= s <= t <= e.end):
                    eds = [x for x in eds if x not in inner] + [e]
                    have = [(x.start, x.end) for x in eds]
        desc = m.description.replace("bitwidth_reduction", tmpl.id, 1) + " in place (inductive value range " \
                                                                           "from reset, proven with z3)"
        out.append(Match(tmpl.id, m.start, m.end, m.line, desc, tuple(eds), m.original,
                         {"alternative": True, **_narrowed("in_place", keys, [inplace[k] for k in keys])}))
        for c in ind:
            if c.data.get("reg") in keys and c.data.get("group") == "compare_eq" and not any(
                    s < e.end and e.start < t for e in c.edits for s, t in have):
                out.append(Match(tmpl.id, m.start, m.end, m.line, desc + "; " + c.description.split(": ", 1)[-1],
                                 tuple(eds) + c.edits, m.original, {"alternative": True}))
    return out


def _narrow_steps(an: Analysis, key, bits: int, roots) -> list[Edit]:
    """Edits computing the next values of register ``key`` (narrowed to ``bits``) at that width: inside
    operators whose low ``bits`` result bits depend only on the operands' low bits (``+ - * & | ^ ~``,
    the arms of ``?:``), a zero-extended low slice of the register ``{2'b00, r[9:0]}`` becomes ``r``
    and a wider sized literal below ``2^bits`` becomes a ``bits``-wide one (the write truncates to
    ``bits`` anyway; a 12-bit adder truncated to 10 bits maps larger than a 10-bit one)."""
    out: list[Edit] = []
    name = None

    def zero_ext_self(node) -> bool:
        node = strip(node)
        if type(node).__name__ != "ConcatenationExpression":
            return False
        ops = [strip(o) for o in node.operands]
        if len(ops) < 2 or any(_const(an, o) != 0 for o in ops[:-1]):
            return False
        last = ops[-1]
        if type(last).__name__ != "RangeSelectExpression" or not _is_reg(last.value, key):
            return False
        return _const(an, last.right) == 0 and _const(an, last.left) == bits - 1

    def visit(node, top: bool):
        node = strip(node)
        kind = type(node).__name__
        info = an.info(node)
        if not top and info is not None:
            if zero_ext_self(node):
                out.append(Edit(info.start, info.end, name))
                return
            if kind == "IntegerLiteral" and "'" in info.text and (self_width(node) or 0) > bits:
                c = _const(an, node)
                if c is not None and 0 <= c < (1 << bits):
                    out.append(Edit(info.start, info.end, literal(c, bits)))
                return
        if kind == "BinaryExpression" and op_name(node) in ("Add", "Subtract", "Multiply", "BinaryAnd",
                                                              "BinaryOr", "BinaryXor", "BinaryXnor"):
            visit(node.left, False)
            visit(node.right, False)
        elif kind == "UnaryExpression" and op_name(node) in ("BitwiseNot", "Minus", "Plus"):
            visit(node.operand, False)
        elif kind == "ConditionalExpression":  # the arms are next values (the condition is not touched)
            visit(node.left, False)
            visit(node.right, False)

    for kind, node, _sym in roots:
        if kind != "assign" or type(strip(node.left)).__name__ != "NamedValueExpression" \
                or _key(strip(node.left).symbol) != key or node.isCompound:
            continue
        name = strip(node.left).symbol.name
        visit(node.right, True)
    return out
