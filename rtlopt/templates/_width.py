"""Bit-width reduction: declare intermediates only as wide as the bits anything downstream observes.

A backward *demanded-bits* analysis over one module. Every expression is given the number of
low bits of it that can influence something observable; an internal net or variable needs only the
largest demand of its reads. Demand flows

* from an assignment target to its right-hand side (a port, memory, instance connection or any
  signal that is not a candidate demands its full width; a candidate demands its own demand);
* unchanged through ``+ - * & | ^ ~^ ~``, unary minus, a left shift and the arms of ``?:``
  (the low ``d`` result bits of these depend only on the low ``d`` operand bits);
* from a constant part select ``v[h:l]`` / bit select ``v[i]`` as ``h + 1`` / ``i + 1`` bits of ``v``;
* as the full (context) width into everything else: conditions, comparison operands, shift
  amounts, right shifts, division, modulo, concatenations, indices, calls, statement conditions.

A candidate is an internal (non-port) net or variable with a literal ``[H:0]`` packed range, no
unpacked dimensions, written only as a whole (``v = e`` / ``v <= e`` / a declaration initializer,
never through a select, a concatenation, a compound assignment or an instance output). It is
re-declared ``[k-1:0]`` with ``k`` its demand; its writes then truncate to ``k`` bits, which is
exact for the observed bits because a write's right-hand side may not contain an operator whose low
result bits depend on the context width (right shift, division, modulo, power, signed ops) outside
a self-determined operand. Zero-extending concatenations written to it (``{24'b0, a}``) lose their
unobserved leading part, and ``v[k-1:0]`` reads become ``v``. Upper bits that are never read are
removed even through registers, which synthesis keeps when they feed one another.
"""

from __future__ import annotations

import re

from pyslang import ast

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._sem import Analysis, literal, op_name, self_width, strip

_PASS = {"Add", "Subtract", "Multiply", "BinaryAnd", "BinaryOr", "BinaryXor", "BinaryXnor"}
_PASS_UNARY = {"BitwiseNot", "Minus", "Plus"}
_CONTEXT_SENSITIVE = {"LogicalShiftRight", "ArithmeticShiftRight", "Divide", "Mod", "Power"}
_RANGE = re.compile(r"\[\s*(\d+)\s*:\s*0\s*\]")
#: ``[H:0]`` with ``H`` a literal or a parameter expression (``[CW-1:0]``, ``[$clog2(N)-1:0]``); a
#: narrowed declaration gets a literal range, which engine.parampin pins to the elaborated values
_RANGE_ANY = re.compile(r"\[\s*([^\[\]:]+?)\s*:\s*0\s*\]")


def _key(sym) -> tuple[str, int]:
    return sym.name, int(sym.location.offset)


def _width(node) -> int:
    w = getattr(getattr(node, "type", None), "bitWidth", 0)
    return int(w or 0)


def _const_int(an: Analysis, node) -> int | None:
    return an.const(node)


class _Demand:
    """Fixpoint of demanded bits over the candidates of one analysis."""

    def __init__(self, an: Analysis, cands: dict[tuple[str, int], object]):
        self.an = an
        self.cands = cands
        self.demand: dict[tuple[str, int], int] = {k: 0 for k in cands}
        self.changed = False

    def need(self, key, bits: int) -> None:
        if key in self.demand and bits > self.demand[key]:
            self.demand[key] = bits
            self.changed = True

    def walk(self, node, d: int) -> None:
        """Record that the low ``d`` bits of ``node`` are observed."""
        node = strip(node)
        if node is None:
            return
        kind = type(node).__name__
        full = _width(node)
        d = min(d, full) if full else d
        if kind == "NamedValueExpression":
            self.need(_key(node.symbol), d)
            return
        if kind == "BinaryExpression":
            op = op_name(node)
            if op in _PASS:
                self.walk(node.left, d)
                self.walk(node.right, d)
                return
            if op in ("LogicalShiftLeft", "ArithmeticShiftLeft"):
                self.walk(node.left, d)
                self.walk(node.right, _width(node.right))
                return
            self.walk(node.left, _width(node.left))
            self.walk(node.right, _width(node.right))
            return
        if kind == "UnaryExpression":
            self.walk(node.operand, d if op_name(node) in _PASS_UNARY else _width(node.operand))
            return
        if kind == "ConditionalExpression":
            for c in node.conditions:
                self.walk(c.expr, _width(c.expr))
            self.walk(node.left, d)
            self.walk(node.right, d)
            return
        if kind in ("RangeSelectExpression", "ElementSelectExpression"):
            base = strip(node.value)
            sel = self._select_bits(node)
            if type(base).__name__ == "NamedValueExpression" and sel is not None and d > 0:
                lo, hi = sel
                self.need(_key(base.symbol), min(hi + 1, lo + d))
            else:
                self.walk(node.value, _width(node.value))
            for attr in ("selector", "left", "right"):
                child = getattr(node, attr, None)
                if isinstance(child, ast.Expression):
                    self.walk(child, _width(child))
            return
        if kind == "AssignmentExpression":
            self.assignment(node)
            return
        self._everything(node)

    def _select_bits(self, node) -> tuple[int, int] | None:
        """``(lo, hi)`` bit positions of a constant select of a vector declared ``[H:0]``."""
        base = strip(node.value)
        if type(base).__name__ != "NamedValueExpression" or _key(base.symbol) not in self.cands:
            return None
        if type(node).__name__ == "ElementSelectExpression":
            i = _const_int(self.an, node.selector)
            return None if i is None or i < 0 else (i, i)
        if str(node.selectionKind).endswith("Simple"):
            h, lo = _const_int(self.an, node.left), _const_int(self.an, node.right)
            if h is None or lo is None or lo < 0 or h < lo:
                return None
            return lo, h
        return None

    def _everything(self, node) -> None:
        """An expression kind the analysis does not model: every name inside it is fully demanded."""
        def visit(n):
            if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression":
                self.need(_key(n.symbol), _width(n))
            return True
        node.visit(visit)

    def target_bits(self, lhs) -> int:
        lhs = strip(lhs)
        if type(lhs).__name__ == "NamedValueExpression":
            k = _key(lhs.symbol)
            if k in self.demand:
                return self.demand[k]
        return _width(lhs)

    def assignment(self, node) -> None:
        lhs = strip(node.left)
        if type(lhs).__name__ != "NamedValueExpression":
            self.walk(node.left, _width(node.left))  # selects/concats on the left: their indices
        self.walk(node.right, self.target_bits(node.left))


def _context_safe(node) -> bool:
    """No operator whose low result bits depend on the context width, outside self-determined operands."""
    node = strip(node)
    kind = type(node).__name__
    if node is None:
        return True
    if getattr(getattr(node, "type", None), "isSigned", False) and kind not in ("IntegerLiteral",
                                                                                  "UnbasedUnsizedIntegerLiteral"):
        return False
    if kind == "BinaryExpression":
        op = op_name(node)
        if op in _CONTEXT_SENSITIVE:
            return False
        if op in _PASS:
            return _context_safe(node.left) and _context_safe(node.right)
        if op in ("LogicalShiftLeft", "ArithmeticShiftLeft"):
            return _context_safe(node.left)  # the shift amount is self-determined
        return True  # comparisons / logical: self-determined operands, 1-bit result
    if kind == "UnaryExpression":
        return _context_safe(node.operand) if op_name(node) in _PASS_UNARY else True
    if kind == "ConditionalExpression":
        return _context_safe(node.left) and _context_safe(node.right)
    return kind in ("NamedValueExpression", "IntegerLiteral", "UnbasedUnsizedIntegerLiteral",
                    "RangeSelectExpression", "ElementSelectExpression", "ConcatenationExpression",
                    "ReplicationExpression")


def _trim_concat(an: Analysis, rhs, k: int) -> str | None:
    """A narrower text for a ``{zeros, x}`` written to a ``k``-bit target, or None to leave it."""
    rhs = strip(rhs)
    if type(rhs).__name__ != "ConcatenationExpression":
        return None
    ops = list(rhs.operands)
    widths = [self_width(o) for o in ops]
    if any(w is None for w in widths) or sum(widths) <= k:
        return None
    keep: list[str] = []
    pos = 0
    for o, w in zip(reversed(ops), reversed(widths), strict=True):
        if pos >= k:
            break
        info = an.info(o)
        if info is None:
            return None
        if pos + w > k:
            if an.const(o) != 0:
                return None  # a variable straddles the cut: leave the implicit truncation
            keep.append(f"{k - pos}'b0")
        else:
            keep.append(info.text)
        pos += w
    keep.reverse()
    return keep[0] if len(keep) == 1 else "{" + ", ".join(keep) + "}"


def _resize_literal(an: Analysis, rhs, k: int) -> str | None:
    """A ``k``-bit literal for a wider sized literal written to a ``k``-bit target (value kept mod 2^k)."""
    rhs = strip(rhs)
    if type(rhs).__name__ != "IntegerLiteral" or (self_width(rhs) or 0) <= k or "'" not in an.text[
            an.span(rhs)[0]:an.span(rhs)[1]]:
        return None
    v = an.const(rhs)
    return None if v is None else literal(v, k)


class BitwidthReduction(Template):
    """Re-declare internal nets/variables ``[k-1:0]`` where only their low ``k`` bits are observed."""

    id = "bitwidth_reduction"
    rule = "bitwidth_reduction"
    description = "declare intermediates only as wide as the bits that are used downstream"

    def find(self, an: Analysis) -> list[Match]:
        cands = self._candidates(an)
        if not cands:
            return []
        dem = _Demand(an, cands)
        roots = self._roots(an, cands)
        for _ in range(64):
            dem.changed = False
            for kind, node, sym in roots:
                if kind == "init":
                    dem.walk(node, dem.demand.get(_key(sym), _width(sym)))
                elif kind == "assign":
                    dem.assignment(node)
                else:
                    dem.walk(node, _width(node))
            if not dem.changed:
                break
        else:
            return []
        narrow = {k: dem.demand[k] for k, sym in cands.items()
                  if 0 < dem.demand[k] < _width(sym) and self._writes_ok(an, sym, roots)
                  and self._reads_ok(an, sym, roots)}
        return self._matches(an, cands, narrow, roots)

    # -- candidates ------------------------------------------------------------------------------
    @staticmethod
    def _candidates(an: Analysis, param_ranges: bool = False) -> dict[tuple[str, int], object]:
        """Narrowable declarations; ``param_ranges`` admits ``[EXPR:0]`` ranges (register_width_reduction,
        whose rewrites are pinned to the elaborated parameter values)."""
        excluded: set[tuple[str, int]] = set()
        for s in an.symbols:
            if isinstance(s, ast.PortSymbol) and s.internalSymbol is not None:
                excluded.add(_key(s.internalSymbol))
            elif isinstance(s, ast.InstanceSymbol) and s.syntax is not None:
                for pc in s.portConnections:
                    e = pc.expression
                    if e is not None and not str(pc.port.direction).endswith(".In"):
                        def visit(n):
                            if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression":
                                excluded.add(_key(n.symbol))
                            return True
                        e.visit(visit)
        for info in an.exprs:  # partial / compound writes keep the full width
            n = info.node
            if type(n).__name__ == "AssignmentExpression":
                lhs = strip(n.left)
                if type(lhs).__name__ != "NamedValueExpression" or n.isCompound:
                    BitwidthReduction._names(n.left, excluded)
            elif type(n).__name__ == "UnaryExpression" and op_name(n) in (
                    "Preincrement", "Predecrement", "Postincrement", "Postdecrement"):
                BitwidthReduction._names(n.operand, excluded)
        out = {}
        widths: dict[tuple[str, int], set[int]] = {}
        for s in an.symbols:
            if not isinstance(s, (ast.NetSymbol, ast.VariableSymbol)) or type(s).__name__ not in (
                    "NetSymbol", "VariableSymbol"):
                continue
            widths.setdefault(_key(s), set()).add(_width(s))
            syn = s.syntax
            if syn is None or not hasattr(syn.parent, "declarators") or _key(s) in excluded:
                continue
            if len(list(syn.dimensions)) or _width(s) < 2 or s.type.isSigned:
                continue
            decl = syn.parent
            ds, _de = an.span(decl)
            first = next(d for d in decl.declarators if type(d).__name__ == "DeclaratorSyntax")
            head = an.text[ds:an.span(first)[0]]
            m = _RANGE_ANY.findall(head)
            if len(m) != 1 or head.count("[") != 1:
                continue
            if m[0].isdigit():
                if int(m[0]) + 1 != _width(s):
                    continue
            elif not param_ranges:
                continue
            else:  # a parameter expression: the elaborated range must be [width-1:0]
                rng = getattr(s.type, "range", None) if s.type.hasFixedRange else None
                if rng is None or (rng.left, rng.right) != (_width(s) - 1, 0):
                    continue
            out[_key(s)] = s
        # a module elaborated with other parameter values declares the register with another width
        # in each copy: one literal width can not replace the expression for all of them
        return {k: s for k, s in out.items() if len(widths.get(k, ())) == 1}

    @staticmethod
    def _names(node, out: set) -> None:
        def visit(n):
            if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression":
                out.add(_key(n.symbol))
            return True
        node.visit(visit)

    @staticmethod
    def _roots(an: Analysis, cands) -> list[tuple[str, object, object]]:
        """Maximal expressions (by span), tagged: declaration initializers, assignments, other reads."""
        inits = {}
        for s in an.symbols:
            if isinstance(s, (ast.NetSymbol, ast.VariableSymbol)) and getattr(s, "initializer", None) is not None:
                info = an.info(s.initializer)
                if info is not None:
                    inits[(info.start, info.end)] = s
        roots = []
        end = -1
        for info in sorted(an.exprs, key=lambda x: (x.start, -x.end)):
            if info.start < end:
                continue
            end = info.end
            sym = inits.get((info.start, info.end))
            if sym is not None:
                roots.append(("init", info.node, sym))
            elif type(info.node).__name__ == "AssignmentExpression":
                roots.append(("assign", info.node, None))
            else:
                roots.append(("read", info.node, None))
        return roots

    @staticmethod
    def _writes_ok(an: Analysis, sym, roots) -> bool:
        k = _key(sym)
        for kind, node, s in roots:
            if kind == "init" and _key(s) == k and not _context_safe(node):
                return False
            if kind == "assign":
                lhs = strip(node.left)
                if type(lhs).__name__ == "NamedValueExpression" and _key(lhs.symbol) == k \
                        and not _context_safe(node.right):
                    return False
        return True

    @staticmethod
    def _reads_ok(an: Analysis, sym, roots) -> bool:
        """A narrower operand narrows the context of the expression that reads it: refuse when that
        expression has a right shift / division / modulo whose result depends on the context width
        (``y = (v & m) + ((a + b) >> 1)``: the carry of ``a + b`` survives only in a wide context)."""
        k = _key(sym)
        for kind, node, _s in roots:
            rhs = node.right if kind == "assign" else node if kind == "init" else None
            if rhs is None:
                continue
            found = []

            def visit(n, found=found):
                if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression" \
                        and _key(n.symbol) == k:
                    found.append(n)
                return True

            rhs.visit(visit)
            if found and not _context_safe(rhs):
                return False
        return True

    # -- edits -----------------------------------------------------------------------------------
    def _matches(self, an: Analysis, cands, narrow: dict, roots) -> list[Match]:
        if not narrow:
            return []
        rhs_edit: dict[tuple[str, int], list[Edit]] = {}
        for kind, node, s in roots:
            if kind == "init" and _key(s) in narrow:
                key, rhs = _key(s), node
            elif kind == "assign" and type(strip(node.left)).__name__ == "NamedValueExpression" \
                    and _key(strip(node.left).symbol) in narrow:
                key, rhs = _key(strip(node.left).symbol), node.right
            else:
                continue
            new = _trim_concat(an, rhs, narrow[key])
            if new is None:
                new = _resize_literal(an, rhs, narrow[key])
            info = an.info(rhs)
            if new is not None and info is not None:
                rhs_edit.setdefault(key, []).append(Edit(info.start, info.end, new))
        read_edit: dict[tuple[str, int], list[Edit]] = {}
        for info in an.exprs:
            n = info.node
            if type(n).__name__ != "RangeSelectExpression" or not str(n.selectionKind).endswith("Simple"):
                continue
            base = strip(n.value)
            if type(base).__name__ != "NamedValueExpression" or _key(base.symbol) not in narrow:
                continue
            if an.const(n.right) == 0 and an.const(n.left) == narrow[_key(base.symbol)] - 1:
                read_edit.setdefault(_key(base.symbol), []).append(Edit(info.start, info.end, base.symbol.name))

        by_decl: dict[tuple[int, int], list] = {}
        for key in narrow:
            decl = cands[key].syntax.parent
            by_decl.setdefault(an.span(decl), []).append(key)
        out = []
        for (ds, de), keys in sorted(by_decl.items()):
            decl = cands[keys[0]].syntax.parent
            declarators = [d for d in decl.declarators if type(d).__name__ == "DeclaratorSyntax"]
            first = an.span(declarators[0])[0]
            head = an.text[ds:first]
            m = _RANGE_ANY.search(head)
            edits: list[Edit] = []
            moved = set()
            widths = {narrow[k] for k in keys}
            names = {cands[k].name for k in keys}
            if len(widths) == 1 and {d.name.valueText for d in declarators} == names:
                k = widths.pop()
                edits.append(Edit(ds + m.start(), ds + m.end(), f"[{k - 1}:0]"))
            else:
                spans = [an.span(d) for d in declarators]
                prefix = head[:m.start()].rstrip()
                new_decls = []
                for i, d in enumerate(declarators):
                    if d.name.valueText not in names:
                        continue
                    key = next(k for k in keys if cands[k].name == d.name.valueText)
                    moved.add(key)
                    s, e = spans[i]
                    dtext = an.text[s:e]
                    for ed in rhs_edit.get(key, []):  # an initializer moves with its declarator
                        if s <= ed.start and ed.end <= e:
                            dtext = dtext[:ed.start - s] + ed.replacement + dtext[ed.end - s:]
                    new_decls.append(f"{prefix} [{narrow[key] - 1}:0] {dtext};")
                kept = [i for i, d in enumerate(declarators) if d.name.valueText not in names]
                if not kept:
                    continue
                # rebuild the declarator list of the kept ones, then add the narrowed declarations
                list_start, list_end = spans[0][0], spans[-1][1]
                kept_text = ", ".join(an.text[spans[i][0]:spans[i][1]] for i in kept)
                indent = self._indent(an.text, ds)
                edits.append(Edit(list_start, list_end, kept_text))
                edits.append(Edit(de, de, "".join(f"\n{indent}{t}" for t in new_decls)))
            for key in keys:
                for ed in rhs_edit.get(key, []):
                    if key in moved and ds <= ed.start and ed.end <= de:
                        continue
                    edits.append(ed)
                edits.extend(read_edit.get(key, []))
            what = ", ".join(f"{cands[k].name} {_width(cands[k])} -> {narrow[k]} bits" for k in keys)
            out.append(self._m(an, ds, de, what, edits))
        return out

    @staticmethod
    def _indent(text: str, pos: int) -> str:
        ls = text.rfind("\n", 0, pos) + 1
        line = text[ls:pos]
        return line[:len(line) - len(line.lstrip())]


def _value_bits(an: Analysis, node, known: dict[tuple[str, int], int]) -> int | None:
    """Upper bound on the significant bits of an unsigned expression's value (its self width if unknown)."""
    node = strip(node)
    kind = type(node).__name__
    w = self_width(node)
    if w is None or getattr(node.type, "isSigned", False):
        return None
    if kind == "IntegerLiteral":
        v = an.const(node)
        return None if v is None else min(w, max(v.bit_length(), 1))
    if kind == "NamedValueExpression":
        return min(w, known.get(_key(node.symbol), w))
    if kind == "ConcatenationExpression":
        ops = list(node.operands)
        widths = [self_width(o) for o in ops]
        if any(x is None for x in widths):
            return w
        total = sum(widths)
        for o, ow in zip(ops, widths, strict=True):  # leading zero literals carry no value
            if an.const(o) != 0:
                break
            total -= ow
        return max(total, 1)
    if kind == "ConditionalExpression":
        lb, rb = _value_bits(an, node.left, known), _value_bits(an, node.right, known)
        return None if lb is None or rb is None else max(lb, rb)
    if kind == "BinaryExpression" and op_name(node) in ("BinaryOr", "BinaryXor", "BinaryAnd"):
        lb, rb = _value_bits(an, node.left, known), _value_bits(an, node.right, known)
        if lb is None or rb is None:
            return w
        return min(lb, rb) if op_name(node) == "BinaryAnd" else max(lb, rb)
    return w


def _comb_spans(an: Analysis) -> list[tuple[int, int]]:
    """Spans of the bodies of combinational procedural blocks (``always @*``, level lists, ``always_comb``)."""
    out = []
    for s in an.symbols:
        if not isinstance(s, ast.ProceduralBlockSymbol) or s.body is None or s.body.syntax is None:
            continue
        kind = str(s.procedureKind).split(".")[-1]
        comb = kind == "AlwaysComb"
        if kind == "Always" and type(s.body).__name__ == "TimedStatement":
            tc = s.body.timing
            name = type(tc).__name__
            events = list(tc.events) if name == "EventListControl" else [tc] if name == "SignalEventControl" else []
            comb = name == "ImplicitEventControl" or (bool(events) and all(
                type(e).__name__ == "SignalEventControl" and str(e.edge).endswith("None_") for e in events))
        if comb:
            out.append(an.span(s.body))
    return out


def known_value_bits(an: Analysis) -> dict[tuple[str, int], int]:
    """Internal unsigned nets/variables whose every write leaves the upper bits zero → significant bits.

    Forward analysis over whole-variable writes (assignments and declaration initializers): a
    write of ``{8'b0, x}`` or of an 8-bit unsigned signal to a 32-bit variable leaves bits 31..8
    zero. Only variables that are candidates of :class:`BitwidthReduction` (internal, written only
    as a whole, literal ``[H:0]`` range, unsigned) are considered. Keyed like the analysis (name,
    declaration offset); a variable that is never written is left out.
    """
    cands = BitwidthReduction._candidates(an)
    roots = BitwidthReduction._roots(an, cands)
    comb = _comb_spans(an)
    cont = [an.span(s.syntax) for s in an.symbols
            if isinstance(s, ast.ContinuousAssignSymbol) and s.syntax is not None]
    writes: dict[tuple[str, int], list] = {}
    stateful: set[tuple[str, int]] = set()  # registers start with arbitrary upper bits
    for kind, node, sym in roots:
        if kind == "init" and _key(sym) in cands:
            if isinstance(sym, ast.VariableSymbol):
                stateful.add(_key(sym))  # a variable initializer is only a start value
            writes.setdefault(_key(sym), []).append(node)
        elif kind == "assign":
            lhs = strip(node.left)
            if type(lhs).__name__ == "NamedValueExpression" and _key(lhs.symbol) in cands:
                s, e = an.span(node)
                if node.isNonBlocking or not any(a <= s and e <= b for a, b in comb + cont):
                    stateful.add(_key(lhs.symbol))
                writes.setdefault(_key(lhs.symbol), []).append(node.right)
    for k in stateful:
        writes.pop(k, None)
    known = {k: _width(cands[k]) for k in writes}
    for _ in range(16):  # narrowing only decreases: iterate to a fixpoint from the declared widths
        changed = False
        for k, rhss in writes.items():
            bits = 0
            for rhs in rhss:
                b = _value_bits(an, rhs, known)
                bits = max(bits, known[k] if b is None else b)
            bits = min(bits, _width(cands[k]))
            if bits < known[k]:
                known[k] = bits
                changed = True
        if not changed:
            break
    return {k: v for k, v in known.items() if v < _width(cands[k])}
