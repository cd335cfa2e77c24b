"""Memory constant-bits removal: do not store word bits that every write sets to the same constant.

For an unsigned array ``reg [H:L] m [..]`` (one unpacked dimension, a plain packed element range,
one declarator, not a port), a bit-level structural evaluator gives, for every write
``m[idx] <= e`` / ``m[idx] = e`` (reset loops included), which bits of the stored word are known
constants: literals, concatenations with literal parts, replications, ``<<`` / ``>>`` by a constant,
``&`` / ``|`` / ``^`` with constants, ``?:`` whose arms agree, and nets with a single whole continuous
driver are looked through. If a run of bits at the top and/or bottom of the word has the same
constant value in EVERY write, and the array is only ever read as whole words ``m[idx]`` (no part
selects of words, no writes through selects or concatenations, no bare references such as
``$readmemh``, no accesses in ``initial`` blocks, no instance outputs), then

* the element range becomes ``[k-1:0]`` with ``k`` the number of live bits,
* each write stores only the live bits (``e[hi:lo]`` of a name, the live operands of a
  concatenation, the live part of a literal, or ``e`` itself when the live bits start at bit 0 and
  truncation is exact),
* each read ``m[idx]`` becomes ``{C_hi, m[idx], C_lo}``, which has the original self-determined
  width and is unsigned like the original element select.

Words that are never written start undefined in both versions; the equivalence checker, not this
template, decides whether a rewrite is accepted.
"""

from __future__ import annotations

import re

from pyslang import ast

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._sem import Analysis, literal, literal_only, op_name, paren, self_width, strip
from rtlopt.templates._width import _context_safe

_BRACKET = re.compile(r"\[[^\[\]]*\]")
#: Bits: LSB first, each 0, 1 or None (unknown / varies).
Bits = list
#: Depth limit when looking through continuously assigned nets.
_MAX_DEPTH = 8


def _key(sym) -> tuple[str, int]:
    return sym.name, int(sym.location.offset)


def _fit(bits: Bits, w: int) -> Bits:
    """Zero-extend or truncate unsigned ``bits`` to ``w``."""
    return (bits + [0] * w)[:w]


def _unknown(w: int) -> Bits:
    return [None] * w


class _Eval:
    """Bit-level structural evaluator over one analysis (unsigned context)."""

    def __init__(self, an: Analysis):
        self.an = an
        self.drivers = _single_drivers(an)
        #: array → assumed word bits (reads of the array itself, for copies between words)
        self.assume: dict[tuple[str, int], Bits] = {}

    def bits(self, node, w: int, depth: int = 0) -> Bits:
        """The ``w`` low bits of ``node`` evaluated in a context of width ``w``."""
        node = strip(node)
        if node is None or w <= 0:
            return _unknown(max(w, 0))
        kind = type(node).__name__
        if kind == "UnbasedUnsizedIntegerLiteral":
            txt = self.an.text[slice(*self.an.span(node))] if node.syntax is not None else ""
            fill = {"'0": 0, "'1": 1}.get(txt.strip())
            return [fill] * w
        if literal_only(node):
            v = self.an.const(node)
            if v is None:
                return _unknown(w)
            v &= (1 << w) - 1
            return [(v >> i) & 1 for i in range(w)]
        sw = self_width(node)
        signed = bool(getattr(getattr(node, "type", None), "isSigned", False))
        if signed or sw is None:
            return _unknown(w)
        if kind == "NamedValueExpression":
            drv = self.drivers.get(_key(node.symbol))
            if drv is not None and depth < _MAX_DEPTH:
                return _fit(self.bits(drv, sw, depth + 1), w)
            return _fit(_unknown(sw), w)
        if kind == "ConcatenationExpression":
            out: Bits = []
            for op in reversed(list(node.operands)):
                ow = self_width(op)
                if ow is None:
                    return _unknown(w)
                out.extend(self.bits(op, ow, depth))
            return _fit(out, w)
        if kind == "ReplicationExpression":
            n = self.an.const(node.count)
            cw = self_width(node.concat)
            if n is None or cw is None or n < 0:
                return _unknown(w)
            return _fit(self.bits(node.concat, cw, depth) * n, w)
        if kind == "BinaryExpression":
            op = op_name(node)
            if op in ("LogicalShiftLeft", "ArithmeticShiftLeft", "LogicalShiftRight"):
                n = self.an.const(node.right)
                if n is None or n < 0:
                    return _unknown(w)
                left = self.bits(node.left, w, depth)
                if op == "LogicalShiftRight":
                    return _fit(left[n:], w)
                return ([0] * n + left)[:w]
            if op in ("BinaryAnd", "BinaryOr", "BinaryXor"):
                a, b = self.bits(node.left, w, depth), self.bits(node.right, w, depth)
                return [_bitop(op, x, y) for x, y in zip(a, b, strict=True)]
            return _unknown(w)
        if kind == "ConditionalExpression":
            a, b = self.bits(node.left, w, depth), self.bits(node.right, w, depth)
            return [x if x == y else None for x, y in zip(a, b, strict=True)]
        if kind == "ElementSelectExpression" and type(strip(node.value)).__name__ == "NamedValueExpression":
            assumed = self.assume.get(_key(strip(node.value).symbol))
            if assumed is not None:
                return _fit(assumed, w)
        if kind in ("ElementSelectExpression", "RangeSelectExpression"):
            return _fit(_unknown(sw), w)
        return _unknown(w)


def _bitop(op: str, x, y):
    if op == "BinaryAnd":
        if x == 0 or y == 0:
            return 0
        return 1 if x == 1 and y == 1 else None
    if op == "BinaryOr":
        if x == 1 or y == 1:
            return 1
        return 0 if x == 0 and y == 0 else None
    return None if x is None or y is None else x ^ y


def _lhs_names(node, out: dict[tuple[str, int], int]) -> None:
    def visit(n):
        if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression":
            out[_key(n.symbol)] = out.get(_key(n.symbol), 0) + 1
        return True
    node.visit(visit)


def _single_drivers(an: Analysis) -> dict[tuple[str, int], object]:
    """Internal nets with exactly one driver, a whole continuous assignment → its right-hand side."""
    writes: dict[tuple[str, int], int] = {}
    whole: dict[tuple[str, int], object] = {}
    for s in an.symbols:
        if isinstance(s, ast.ContinuousAssignSymbol):
            a = s.assignment
            if type(a).__name__ != "AssignmentExpression":  # slang could not bind it (InvalidExpression)
                continue
            lhs = strip(a.left)
            if type(lhs).__name__ == "NamedValueExpression":
                whole[_key(lhs.symbol)] = a.right
        elif isinstance(s, ast.InstanceSymbol):
            for pc in s.portConnections:
                if pc.expression is not None and not str(pc.port.direction).endswith(".In"):
                    driven: dict[tuple[str, int], int] = {}
                    _lhs_names(pc.expression, driven)
                    for k in driven:  # an instance output: never a single continuous driver
                        writes[k] = writes.get(k, 0) + 2
        elif type(s).__name__ == "NetSymbol" and getattr(s, "initializer", None) is not None:
            writes[_key(s)] = writes.get(_key(s), 0) + 1
            whole[_key(s)] = s.initializer
    for info in an.exprs:
        if type(info.node).__name__ == "AssignmentExpression":
            _lhs_names(info.node.left, writes)
    ports = {_key(s.internalSymbol) for s in an.symbols
             if isinstance(s, ast.PortSymbol) and s.internalSymbol is not None}
    out = {}
    for s in an.symbols:
        if type(s).__name__ != "NetSymbol" or _key(s) in ports:
            continue
        k = _key(s)
        if writes.get(k) == 1 and k in whole:
            out[k] = whole[k]
    return out


class _Slicer:
    """Text for bits ``[hi:lo]`` of an expression evaluated at a given width (unsigned)."""

    def __init__(self, an: Analysis, ev: _Eval):
        self.an = an
        self.ev = ev

    def text(self, node, hi: int, lo: int, w: int) -> str | None:
        node = strip(node)
        an = self.an
        k = hi - lo + 1
        bits = self.ev.bits(node, w)
        part = bits[lo:hi + 1]
        if all(b is not None for b in part):
            return literal(sum(b << i for i, b in enumerate(part)), k)
        kind = type(node).__name__
        sw = self_width(node)
        if sw is None or getattr(node.type, "isSigned", False) or node.syntax is None:
            return None
        full = an.text[slice(*an.span(node))]
        if lo == 0 and hi == sw - 1 and w >= sw and _context_safe(node):
            return paren(full)  # exactly the operand's own (self-determined) bits
        if kind == "ConcatenationExpression" and w >= sw:
            return self._concat(node, hi, lo)
        if kind == "BinaryExpression" and op_name(node) in ("LogicalShiftLeft", "ArithmeticShiftLeft"):
            n = an.const(node.right)
            if n is not None and 0 <= n <= lo:  # bits [hi:lo] of x << n are bits [hi-n:lo-n] of x
                return self.text(node.left, hi - n, lo - n, w)
            return None
        if kind == "BinaryExpression" and op_name(node) in ("BinaryAnd", "BinaryOr", "BinaryXor"):
            neutral = 1 if op_name(node) == "BinaryAnd" else 0
            for keep, mask in ((node.left, node.right), (node.right, node.left)):
                mb = self.ev.bits(mask, w)[lo:hi + 1]
                if all(b == neutral for b in mb):  # the constant side passes every live bit unchanged
                    return self.text(keep, hi, lo, w)
            return None
        if kind in ("NamedValueExpression", "RangeSelectExpression") and hi < sw:
            base = self._select_base(node)
            if base is None:
                return None
            name, off = base
            return f"{name}[{off + hi}]" if hi == lo else f"{name}[{off + hi}:{off + lo}]"
        if hi >= sw and lo < sw and w >= sw:  # zero-extended operand: live bits reach the padding
            inner = self.text(node, sw - 1, lo, sw)
            return None if inner is None else f"{{{literal(0, hi - sw + 1)}, {inner}}}"
        return None

    def _select_base(self, node) -> tuple[str, int] | None:
        """``(name, index of bit 0)`` for a name or constant part select of a descending-range vector."""
        an = self.an
        kind = type(node).__name__
        target = strip(node.value) if kind == "RangeSelectExpression" else node
        if type(target).__name__ != "NamedValueExpression":
            return None
        ty = target.symbol.type
        if not getattr(ty, "hasFixedRange", False) or ty.isUnpackedArray:
            return None
        r = ty.fixedRange
        if r.left < r.right:
            return None
        if kind == "NamedValueExpression":
            return target.symbol.name, r.right
        if not str(node.selectionKind).endswith("Simple"):
            return None
        left, right = an.const(node.left), an.const(node.right)
        if left is None or right is None or left < right:
            return None
        return target.symbol.name, right

    def _concat(self, node, hi: int, lo: int) -> str | None:
        pieces: list[str] = []
        pos = 0
        for op in reversed(list(node.operands)):
            ow = self_width(op)
            if ow is None:
                return None
            a, b = max(lo, pos), min(hi, pos + ow - 1)
            if a <= b:
                t = self.text(op, b - pos, a - pos, ow)
                if t is None:
                    return None
                pieces.append(t)
            pos += ow
        if hi >= pos:
            pieces.append(literal(0, hi - max(pos, lo) + 1))
        pieces.reverse()
        return pieces[0] if len(pieces) == 1 else "{" + ", ".join(pieces) + "}"


class _Access:
    """Every access of one array, or a reason to refuse it."""

    def __init__(self):
        self.writes: list[tuple[object, object]] = []  # (assignment, element select)
        self.reads: list[object] = []  # element selects
        self.names = 0  # named references (each element select has one)
        self.bad = False


def _initial_spans(an: Analysis) -> list[tuple[int, int]]:
    out = []
    for s in an.symbols:
        if isinstance(s, ast.ProceduralBlockSymbol) and s.syntax is not None and \
                str(s.procedureKind).split(".")[-1] in ("Initial", "Final"):
            out.append(an.span(s.syntax))
    return out


def _is_elem_of(node, arrays: dict) -> tuple[str, int] | None:
    node = strip(node)
    if type(node).__name__ != "ElementSelectExpression":
        return None
    base = strip(node.value)
    if type(base).__name__ != "NamedValueExpression":
        return None
    k = _key(base.symbol)
    return k if k in arrays else None


def _collect(an: Analysis, arrays: dict) -> dict[tuple[str, int], _Access]:
    acc = {k: _Access() for k in arrays}
    written: set[tuple[int, int]] = set()  # spans of element selects that are whole write targets

    def visit(n):
        if not isinstance(n, ast.Expression):
            return True
        kind = type(n).__name__
        sym = getattr(n, "symbol", None)
        if sym is not None and kind != "NamedValueExpression" and _key_safe(sym) in acc:
            acc[_key(sym)].bad = True  # hierarchical or other reference kinds
        if kind == "NamedValueExpression" and _key(n.symbol) in acc:
            acc[_key(n.symbol)].names += 1
        elif kind == "ElementSelectExpression":
            k = _is_elem_of(n, acc)
            if k is not None and (n.syntax is None or an.span(n.syntax) not in written):
                acc[k].reads.append(n)
        elif kind == "AssignmentExpression":
            k = _is_elem_of(n.left, acc)
            if k is not None and not n.isCompound and strip(n.left).syntax is not None:
                acc[k].writes.append((n, strip(n.left)))
                written.add(an.span(strip(n.left).syntax))
                return True
            inner: dict = {}
            _lhs_names(n.left, inner)
            for kk in inner:
                if kk in acc:
                    acc[kk].bad = True
        if kind in ("RangeSelectExpression", "ElementSelectExpression", "MemberAccessExpression"):
            k = _is_elem_of(getattr(n, "value", None), acc)
            if k is not None:
                acc[k].bad = True  # a select of a word
        if kind == "UnaryExpression" and op_name(n) in ("Preincrement", "Predecrement", "Postincrement",
                                                          "Postdecrement"):
            inner = {}
            _lhs_names(n.operand, inner)
            for kk in inner:
                if kk in acc:
                    acc[kk].bad = True
        return True

    an.root.visit(visit)
    for s in an.symbols:  # outputs of instances and of tasks/functions
        if isinstance(s, ast.InstanceSymbol):
            for pc in s.portConnections:
                if pc.expression is not None and not str(pc.port.direction).endswith(".In"):
                    inner = {}
                    _lhs_names(pc.expression, inner)
                    for kk in inner:
                        if kk in acc:
                            acc[kk].bad = True
    init = _initial_spans(an)
    for a in acc.values():
        if a.names != len(a.writes) + len(a.reads):
            a.bad = True  # a bare reference ($readmemh, port, whole-array assignment, ...)
        for e in [w[1] for w in a.writes] + a.reads:
            if e.syntax is None or an.info(e) is None:
                a.bad = True
                continue
            s, t = an.span(e)
            if any(x <= s and t <= y for x, y in init):
                a.bad = True
        for asg, _e in a.writes:
            if strip(asg.right).syntax is None or an.info(asg.right) is None:
                a.bad = True
    return acc


def _key_safe(sym):
    try:
        return _key(sym)
    except Exception:  # noqa: BLE001 - symbols without a location
        return None


def _arrays(an: Analysis) -> dict[tuple[str, int], tuple[object, int, int, str]]:
    """Candidate arrays → (symbol, bracket start, bracket end, element width)."""
    ports = {_key(s.internalSymbol) for s in an.symbols
             if isinstance(s, ast.PortSymbol) and s.internalSymbol is not None}
    out = {}
    for s in an.symbols:
        if type(s).__name__ not in ("VariableSymbol", "NetSymbol") or _key(s) in ports:
            continue
        ty = s.type
        if not ty.isUnpackedArray:
            continue
        et = ty.elementType
        if et.isUnpackedArray or et.isSigned or not et.hasFixedRange or not et.isIntegral or et.isStruct:
            continue
        syn = s.syntax
        if syn is None or len(list(syn.dimensions)) != 1 or not hasattr(syn.parent, "declarators"):
            continue
        decl = syn.parent
        dcls = [d for d in decl.declarators if type(d).__name__ == "DeclaratorSyntax"]
        if len(dcls) != 1 or getattr(s, "initializer", None) is not None:
            continue
        ds = an.span(decl)[0]
        head = an.text[ds:an.span(dcls[0])[0]]
        brackets = list(_BRACKET.finditer(head))
        w = int(et.bitWidth or 0)
        r = et.fixedRange
        if len(brackets) != 1 or w < 2 or abs(r.left - r.right) + 1 != w or re.search(r"\bsigned\b", head):
            continue
        b = brackets[0]
        out[_key(s)] = (s, ds + b.start(), ds + b.end(), w)
    return out


def _constant_runs(all_bits: list[Bits], w: int) -> tuple[int, int, list[int]]:
    """``(n_low, n_high, value bits)`` of the bottom/top runs where every write has the same constant."""
    common: list[int | None] = []
    for i in range(w):
        vals = {b[i] for b in all_bits}
        common.append(vals.pop() if len(vals) == 1 and None not in vals else None)
    n_low = 0
    while n_low < w and common[n_low] is not None:
        n_low += 1
    n_high = 0
    while n_high < w - n_low and common[w - 1 - n_high] is not None:
        n_high += 1
    return n_low, n_high, common


class MemoryConstantBitsRemoval(Template):
    """Drop word bits of an array that every write sets to the same constant; restore them on read."""

    id = "memory_constant_bits_removal"
    rule = "memory_constant_bits_removal"
    description = "store only the non-constant bits of memory words and re-create the constant bits on read"

    def find(self, an: Analysis) -> list[Match]:
        arrays = _arrays(an)
        if not arrays:
            return []
        acc = _collect(an, arrays)
        ev = _Eval(an)
        sl = _Slicer(an, ev)
        out = []
        for k, (sym, bs, be, w) in sorted(arrays.items(), key=lambda kv: kv[1][1]):
            a = acc[k]
            if a.bad or not a.writes or not a.reads:
                continue
            ctx = []
            for asg, _e in a.writes:
                sw = self_width(asg.right)
                ctx.append(max(w, sw or w))
            # words copied from other words of the array (``m[i+1] <= m[i]``) carry whatever the other
            # writes store: optimistic fixpoint, starting from "copies agree with everything"
            copies = [_is_elem_of(asg.right, arrays) == k for asg, _e in a.writes]
            if all(copies):
                continue
            ev.assume.pop(k, None)
            common: list = []
            for _ in range(w + 2):
                all_bits = [ev.bits(asg.right, c)[:w] for (asg, _e), c, cp in
                            zip(a.writes, ctx, copies, strict=True) if not cp or k in ev.assume]
                n_low, n_high, new_common = _constant_runs(all_bits, w)
                if new_common == common:
                    break
                common = new_common
                ev.assume[k] = common
            else:
                ev.assume.pop(k, None)
                continue
            ev.assume.pop(k, None)
            if n_low + n_high == 0 or n_low + n_high >= w:
                continue
            lo, hi = n_low, w - 1 - n_high
            live = hi - lo + 1
            edits = [Edit(bs, be, f"[{live - 1}:0]")]
            ok = True
            copied = set()
            for (asg, _e), c, cp in zip(a.writes, ctx, copies, strict=True):
                if cp:  # a copy between words stays a copy of the narrowed word
                    copied.add(an.span(strip(asg.right).syntax))
                    continue
                t = sl.text(asg.right, hi, lo, c)
                if t is None and lo == 0 and c == w and _context_safe(asg.right) and \
                        not getattr(strip(asg.right).type, "isSigned", False):
                    continue  # truncation to the low bits is exact: leave the right-hand side as is
                if t is None:
                    ok = False
                    break
                info = an.info(asg.right)
                edits.append(Edit(info.start, info.end, t))
            if not ok:
                continue
            top = literal(sum(b << i for i, b in enumerate(common[hi + 1:])), n_high) if n_high else ""
            bot = literal(sum(b << i for i, b in enumerate(common[:lo])), n_low) if n_low else ""
            for r in a.reads:
                info = an.info(r)
                if (info.start, info.end) in copied:
                    continue
                parts = [p for p in (top, info.text, bot) if p]
                edits.append(Edit(info.start, info.end, "{" + ", ".join(parts) + "}"))
            what = (f"{sym.name}: bits {hi}:{lo} of {w} are live "
                    f"({n_high} constant high, {n_low} constant low bits no longer stored)")
            out.append(self._m(an, bs, be, what, edits, array=sym.name, live=(hi, lo), width=w))
        return out
