"""From pyslang's elaborated expressions to e-graph terms, one e-graph per module.

pyslang's bound tree makes Verilog's context-width rules explicit: every operand of a
context-determined operator carries an implicit conversion to the operator's type. A conversion that
widens sign-extends exactly when both its source and its target are signed (a signed operand in an
unsigned context is zero-extended; slang inserts a signed widening before a signedness change on
assignments), narrows by truncation, and otherwise only renames bits. Those become ``zext``/``sext``/
``trunc`` nodes, so the e-graph never has to know Verilog's sizing rules.

Roots are the right-hand sides of continuous assignments and of assignments in ``always`` blocks
(outside loops and subroutines). A variable assigned exactly once, unconditionally, at the top of a
procedural block is substituted where the same block reads it later; a combinational root that
assigns a whole signal exactly once makes that signal a name of its value (so another expression may
use it). Anything the front end cannot translate exactly makes its root unsupported (left alone).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field

from pyslang import ast

from rtlopt.egraph.core import EGraph, mask


class Unsupported(Exception):
    pass


@dataclass
class Leaf:
    key: str
    text: str
    width: int
    signed: bool
    lsb0: bool  # a whole declared vector [w-1:0] (so x[k-1:0] truncates it)
    decl: int  # offset of the declaration (-1: unknown)


@dataclass
class Root:
    lhs: str | None  # whole-signal name on the left (None: a select or concatenation)
    cls: int
    start: int  # RHS span in the text
    end: int
    width: int
    kind: str  # assign | comb | seq
    block: int  # procedural block index (-1 for assign)
    member_start: int  # start of the module item (continuous assign / always block)
    nodes: list[tuple[int, tuple]] = field(default_factory=list)  # original (class, node) pairs
    nameable: bool = False  # var(lhs) is this root's value, usable anywhere at module level
    temp: bool = False  # a single unconditional blocking assignment (substituted where its block reads it)
    mandatory: bool = True
    stmt_end: int = 0
    stmt: str | None = None  # a statement root: the span is whole statements, rewritten as ``stmt = <value>;``
    writes: int = 1  # assignments of lhs in the text that this root stands for (a branch root: all of them)
    #: a text-less flattened child view: the (class, node) pairs of the child's value as converted (the
    #: instance's logic as it is: the original cost; its name stands for the class only while chosen)
    view: list[tuple[int, tuple]] = field(default_factory=list)
    #: a child view's classes computed inside the instance (not its input connections) and the instance
    inner: list[int] = field(default_factory=list)
    inst: str | None = None
    #: a variable of a procedural block run as a whole (:mod:`rtlopt.egraph.blocks`): the group's index in
    #: ``ModuleGraph.groups`` (-1: none) and the variable's place in the block (earlier ones may be named)
    group: int = -1
    order: int = 0


@dataclass
class Group:
    """A procedural block (or statement) whose variables are roots of their final values: rewritten
    together, ``v = <value>;`` per variable, replacing ``[start, end)`` (whole mode), or inserted at
    ``start`` with the variables' own assignment statements removed (``dels``: the other variables,
    latches, keep their statements)."""

    start: int
    end: int
    indent: str
    op: str = "="
    dels: list[tuple[int, int, str]] = field(default_factory=list)
    wrap: bool = False  # the block's body is one statement: the assignments need begin/end


@dataclass
class ModuleGraph:
    name: str
    eg: EGraph
    roots: list[Root]
    leaves: dict[str, Leaf]
    refs: dict[tuple, int]  # var node of a nameable root -> its class
    names: set[str]  # every identifier declared in the module (for fresh names)
    body_start: int
    body_end: int  # offset of 'endmodule'
    groups: list[Group] = field(default_factory=list)


def _op(node) -> str:
    return str(node.op).split(".")[-1]


class _Builder:
    def __init__(self, an, body) -> None:
        self.an = an
        self.body = body
        self.eg = EGraph()
        self.leaves: dict[str, Leaf] = {}
        self.subst: dict[str, int] = {}  # procedural substitution (current block)
        self.tainted: set[str] = set()  # names a root of the current block may not read
        self.nodes: list[tuple[int, tuple]] = []
        self.reads: dict[str, int] = {}
        self._depth = 0
        self.child = False  # converting a child instance's body: every name must be substituted
        self.inner_start = 0  # b.nodes index where the current child instance's own body starts
        self.partial: dict[str, list] = {}  # variables written in parts so far: [(lo, width, class)]
        self.nonblocking = False  # the kind of assignment _exec runs (a sequential block's <=)
        # parameters whose value differs between the module's instances: read as named leaves (the
        # rewrite keeps the name), never folded to one instance's value
        self.varying: frozenset = frozenset()

    def mk(self, n: tuple) -> int:
        c = self.eg.add(n)
        self.nodes.append((c, n))
        return c

    def conv(self, e) -> int:
        k = type(e).__name__
        w = int(e.type.bitWidth or 0)
        if w <= 0 or w > 256 or not e.type.isIntegral:
            raise Unsupported(f"type {e.type}")
        if k == "ConversionExpression":
            src = e.operand
            sw = int(src.type.bitWidth or 0)
            inner = self.conv(src)
            if sw == w:
                return inner
            if sw > w:
                return self.mk(("trunc", w, None, inner))
            op = "sext" if (src.type.isSigned and e.type.isSigned) else "zext"
            return self.mk((op, w, None, inner))
        const = self._const(e)
        if const is not None:
            return self.mk(("const", w, const & mask(w)))
        if k == "NamedValueExpression":
            sym = e.symbol
            name = sym.name
            if name in self.subst:
                self.reads[name] = self.reads.get(name, 0) + 1
                return self.subst[name]
            if sym.kind.name == "Parameter" and name in self.varying and not self.child:
                c = self._leaf(name, name, e, sym)
                self.eg.params.add(c)
                return c
            if sym.kind.name not in ("Net", "Variable", "Port") or self.child:
                raise Unsupported(f"name {name}")
            if name in self.tainted:
                raise Unsupported(f"reads {name} written in the same block")
            self.reads[name] = self.reads.get(name, 0) + 1
            return self._leaf(name, name, e, sym)
        if k in ("ElementSelectExpression", "RangeSelectExpression"):
            sel = self._const_select(e, w)
            if sel is not None:
                return sel
            base = e.value
            if type(base).__name__ != "NamedValueExpression":
                raise Unsupported("select of an expression")
            if base.symbol.name in self.tainted or base.symbol.name in self.subst:
                raise Unsupported("select of a procedural temporary")
            from rtlopt.templates._sem import is_pure, names_in
            if not is_pure(e):
                raise Unsupported("impure select")
            for nm in names_in(e):
                if nm in self.tainted or nm in self.subst:
                    raise Unsupported("select index written in the block")
                self.reads[nm] = self.reads.get(nm, 0) + 1
            s, t = self.an.span(e.syntax)
            text = self.an.text[s:t]
            key = "".join(text.split())
            return self._leaf(key, text, e, None)
        if k == "BinaryExpression":
            op = _op(e)
            table = {"Add": "add", "Subtract": "sub", "Multiply": "mul", "BinaryAnd": "and", "BinaryOr": "or",
                     "BinaryXor": "xor"}
            if op in table:
                return self.mk((table[op], w, None, self.conv(e.left), self.conv(e.right)))
            if op in ("Divide", "Mod"):
                # unsigned only (a signed quotient rounds toward zero: no rule of the e-graph reads it)
                if e.left.type.isSigned or e.right.type.isSigned:
                    raise Unsupported(f"signed {op}")
                return self.mk(("udiv" if op == "Divide" else "umod", w, None, self.conv(e.left),
                                self.conv(e.right)))
            if op == "BinaryXnor":
                x = self.mk(("xor", w, None, self.conv(e.left), self.conv(e.right)))
                return self.mk(("not", w, None, x))
            cmp = {"Equality": ("eq", False), "Inequality": ("ne", False), "CaseEquality": ("eq", False),
                   "CaseInequality": ("ne", False), "LessThan": ("lt", False), "LessThanEqual": ("le", False),
                   "GreaterThan": ("lt", True), "GreaterThanEqual": ("le", True)}
            if op in cmp:
                name, swap = cmp[op]
                a, b = self.conv(e.left), self.conv(e.right)
                if swap:
                    a, b = b, a
                if name in ("lt", "le"):
                    signed = bool(e.left.type.isSigned and e.right.type.isSigned)
                    name = ("s" if signed else "u") + name
                return self.mk((name, 1, None, a, b))
            if op in ("LogicalAnd", "LogicalOr"):
                a, b = self._bool(e.left), self._bool(e.right)
                return self.mk(("and" if op == "LogicalAnd" else "or", 1, None, a, b))
            if op in ("LogicalShiftLeft", "ArithmeticShiftLeft", "LogicalShiftRight", "ArithmeticShiftRight"):
                x = self.conv(e.left)
                amt = self._const(e.right)
                right = op.endswith("Right")
                arith = op == "ArithmeticShiftRight" and bool(e.left.type.isSigned)
                if amt is not None:
                    if amt < 0:
                        raise Unsupported("negative shift")
                    if amt >= w:
                        return self.mk(("const", w, 0)) if not arith else \
                            self.mk(("ashr", w, w - 1, x))
                    return self.mk((("ashr" if arith else "lshr") if right else "shl", w, amt, x))
                if arith:  # x is the operand at the context width, already sign-extended when signed
                    return self.mk(("ashrv", w, None, x, self.conv(e.right)))
                return self.mk(("lshrv" if right else "shlv", w, None, x, self.conv(e.right)))
            raise Unsupported(f"operator {op}")
        if k == "UnaryExpression":
            op = _op(e)
            if op == "Plus":
                return self.conv(e.operand)
            if op == "BitwiseNot":
                return self.mk(("not", w, None, self.conv(e.operand)))
            if op == "Minus":
                return self.mk(("neg", w, None, self.conv(e.operand)))
            if op == "LogicalNot":
                x = self.conv(e.operand)
                return self.mk(("eq", 1, None, x, self.mk(("const", self.eg.w(x), 0))))
            red = {"BitwiseAnd": "redand", "BitwiseOr": "redor", "BitwiseXor": "redxor"}
            nred = {"BitwiseNand": "redand", "BitwiseNor": "redor", "BitwiseXnor": "redxor"}
            if op in red:
                return self.mk((red[op], 1, None, self.conv(e.operand)))
            if op in nred:
                return self.mk(("not", 1, None, self.mk((nred[op], 1, None, self.conv(e.operand)))))
            raise Unsupported(f"unary {op}")
        if k == "ConditionalExpression":
            if len(e.conditions) != 1 or e.conditions[0].pattern is not None:
                raise Unsupported("pattern condition")
            s = self._bool(e.conditions[0].expr)
            return self.mk(("mux", w, None, s, self.conv(e.left), self.conv(e.right)))
        if k == "ConcatenationExpression":
            parts = [self.conv(o) for o in e.operands if int(o.type.bitWidth or 0) > 0]
            if not parts:
                raise Unsupported("empty concatenation")
            if len(parts) == 1:
                return parts[0]
            return self.mk(("concat", w, None, *parts))
        if k == "ReplicationExpression":
            cnt = self._const(e.count)
            if cnt is None or cnt <= 0:
                raise Unsupported("replication")
            inner = self.conv(e.concat)
            if cnt == 1:
                return inner
            return self.mk(("concat", w, None, *([inner] * cnt)))
        if k == "CallExpression":
            name = e.getSubroutineName() if hasattr(e, "getSubroutineName") else e.subroutineName
            if name in ("$signed", "$unsigned") and len(e.arguments) == 1:
                return self.conv(e.arguments[0])
            if not e.isSystemCall:
                return self._inline(e)
            raise Unsupported(f"call {name}")
        raise Unsupported(k)

    def _const_select(self, e, w: int) -> int | None:
        """``x[hi:lo]`` / ``x[k]`` with constant bounds inside a one-dimensional ``[W-1:0]`` vector (or a
        procedural temporary of that type): ``trunc(lshr(x, lo))``, so the select reads the value of
        ``x``'s own expression (bits of a named sum, product, ...). Anything else: None (a leaf)."""
        base = e.value
        if type(base).__name__ != "NamedValueExpression":
            return None
        bt = base.type
        try:
            if type(e).__name__ == "ElementSelectExpression" and bt.isUnpackedArray and \
                    base.symbol.name not in self.subst and base.symbol.name not in self.tainted:
                # memory word at a constant (e.g. unrolled loop) index: its own leaf
                k = self._cint(e.selector)
                r = bt.fixedRange
                if k is None or not min(r.left, r.right) <= k <= max(r.left, r.right):
                    return None
                nm = base.symbol.name
                self.reads[nm] = self.reads.get(nm, 0) + 1
                return self._leaf(f"{nm}[{k}]", f"{nm}[{k}]", e, None)
            bw = int(bt.bitWidth or 0)
            if not (bt.isIntegral and bt.hasFixedRange) or bw <= 1:
                return None
            r = bt.fixedRange
            count = abs(r.left - r.right) + 1
            if type(e).__name__ == "ElementSelectExpression" and 1 < count < bw and count * w == bw:
                # one element of a packed array (logic [N-1:0][W-1:0] x; x[i]): element k sits
                # |k - right| elements above the least significant one
                k = self._cint(e.selector)
                if k is None or not min(r.left, r.right) <= k <= max(r.left, r.right):
                    return None
                hi = (abs(k - r.right) + 1) * w - 1
                lo = hi - w + 1
            elif r.right != 0 or r.left != bw - 1:
                return None
            elif type(e).__name__ == "RangeSelectExpression":
                kind = e.selectionKind.name
                if kind == "Simple":
                    hi, lo = self._cint(e.left), self._cint(e.right)
                elif kind in ("IndexedUp", "IndexedDown"):
                    at, width = self._cint(e.left), self._const(e.right)
                    if at is None or width is None:
                        return None
                    lo = at if kind == "IndexedUp" else at - width + 1
                    hi = lo + width - 1
                else:
                    return None
            else:
                hi = lo = self._cint(e.selector)
        except Exception:  # noqa: BLE001 - an unusual type: keep the select a leaf
            return None
        if hi is None or lo is None or not 0 <= lo <= hi < bw or hi - lo + 1 != w:
            return None
        x = self.conv(base)
        if self.eg.w(x) != bw:
            return None
        if lo:
            x = self.mk(("lshr", bw, lo, x))
        return self.mk(("trunc", w, None, x)) if w < bw else x

    def _cint(self, e) -> int | None:
        """A constant index: parameters/literals, or an expression of substituted constants only
        (a loop variable being unrolled); signed values as Python ints."""
        k = self._const(e)
        if k is None:
            from rtlopt.templates._sem import names_in
            try:
                if not all(nm in self.subst for nm in names_in(e)):
                    return None
                saved = len(self.nodes)
                k = self.eg.cval(self.conv(e))
                del self.nodes[saved:]
            except (Unsupported, ValueError, AssertionError, TypeError, AttributeError):
                return None
            if k is None:
                return None
        w = int(e.type.bitWidth or 0)
        return k - (1 << w) if e.type.isSigned and w and k >> (w - 1) & 1 else k

    def _inline(self, e) -> int:
        """A function call whose body is straight-line assignments (to locals and the result) or one
        ``return``: its value with the actual arguments (already converted to the formal types)."""
        sub = e.subroutine
        args = list(sub.arguments)
        if len(args) != len(e.arguments) or self._depth > 4:
            raise Unsupported("call")
        if any(str(a.direction).split(".")[-1] != "In" for a in args):
            raise Unsupported("function with outputs")
        actual = [self.conv(a) for a in e.arguments]
        saved = (self.subst, self.tainted)
        outer = (self.partial, self.nonblocking)
        self.partial, self.nonblocking = {}, False
        self.subst = {a.name: c for a, c in zip(args, actual, strict=True)}
        self.tainted = set(saved[1])
        self._depth += 1
        try:
            ret = sub.returnValVar.name if sub.returnValVar is not None else None
            # the result and the locals have no value until assigned (reading one first is unsupported)
            locals_ = {getattr(mem, "name", "") for mem in sub} | ({ret} if ret else set())
            self.tainted |= {nm for nm in locals_ if nm and nm not in self.subst}
            result = self._exec(_stmts(sub.body), ret)
            if result is None:
                if ret is None or ret not in self.subst:
                    raise Unsupported("function without a result")
                result = self.subst[ret]
            if self.eg.w(result) != int(e.type.bitWidth):
                raise Unsupported("function result width")
            return result
        finally:
            self._depth -= 1
            self.subst, self.tainted = saved
            self.partial, self.nonblocking = outer

    def _exec(self, stmts: list, ret: str | None) -> int | None:
        """Run a function body symbolically on ``self.subst`` (locals and arguments): blocking
        assignments of whole locals, ``if`` and ``case`` (a mux of the values each branch leaves; a
        constant condition picks its branch), ``return`` as the last statement. Returns the value of
        a ``return`` (None: the result is the return variable's final value)."""
        loop_vars = {v.name for x in stmts if type(x).__name__ == "ForLoopStatement" for v in x.loopVars}
        for pos, st in enumerate(stmts):
            k = type(st).__name__
            if k == "VariableDeclStatement":
                if st.symbol.name in loop_vars:
                    continue  # for (int i = ...): declared by the loop, set while unrolling it
                if st.symbol.getInitializer() is not None if hasattr(st.symbol, "getInitializer") else False:
                    raise Unsupported("initialised local")
                self.tainted.add(st.symbol.name)
                self.subst.pop(st.symbol.name, None)
                continue
            if k == "ReturnStatement" and st.expr is not None:
                return self.conv(st.expr)  # what follows is never run
            if k == "ExpressionStatement" and type(st.expr).__name__ == "AssignmentExpression":
                if st.expr.isNonBlocking != self.nonblocking or getattr(st.expr, "isCompound", False):
                    raise Unsupported("assignment kind")
                lhs = _lhs_whole(st.expr.left)
                if lhs is None:
                    if self.nonblocking:
                        raise Unsupported("part of a register")
                    self._assign_part(st.expr)
                    continue
                if self.nonblocking:  # the next value: a read still sees the register itself
                    lhs = NEXT + lhs
                if lhs not in self.subst and lhs not in self.tainted and lhs != ret:
                    raise Unsupported("function writes a non-local")
                c = self.conv(st.expr.right)
                if self.eg.w(c) != int(st.expr.left.type.bitWidth or 0):
                    raise Unsupported("assignment width")
                self._set(lhs, c)
                continue
            if k == "ForLoopStatement":
                self._loop(st, ret)
                continue
            if k == "EmptyStatement":
                continue
            if k in ("BlockStatement", "StatementList"):
                if self._exec(_stmts(st), ret) is not None:
                    raise Unsupported("return in a block")
                continue
            if k == "ConditionalStatement":
                conds = list(st.conditions)
                if len(conds) != 1 or conds[0].pattern is not None:
                    raise Unsupported("pattern condition")
                sel = self._bool(conds[0].expr)
                arms = [(sel, st.ifTrue), (None, st.ifFalse)]
            elif k == "CaseStatement":
                arms = self._case_arms(st)
            else:
                raise Unsupported(f"function statement {k}")
            if ret is not None and any(_returns(body) for _c, body in arms):
                # ``if (c) return a; ... return b;``: each arm runs on with the statements after it
                return self._split(arms, list(stmts[pos + 1:]), ret)
            self._branches(arms, ret)
        return None

    def _split(self, arms: list, rest: list, ret: str) -> int:
        """The result of a function whose ``if``/``case`` arms may return: each arm followed by
        ``rest`` run on its own copy of the state, the results selected by the arms' conditions."""
        base = (dict(self.subst), set(self.tainted), dict(self.partial))
        outs: list[tuple[int | None, int]] = []
        for cond, body in arms:
            kc = None if cond is None else self.eg.cval(cond)
            if kc == 0:
                continue
            self.subst, self.tainted, self.partial = dict(base[0]), set(base[1]), dict(base[2])
            r = self._exec((_stmts(body) if body is not None else []) + rest, ret)
            if r is None:
                if ret not in self.subst or ret in self.tainted:
                    raise Unsupported("function without a result")
                r = self.subst[ret]
            outs.append((None if kc == 1 else cond, r))
            if cond is None or kc == 1:
                break
        if not outs or outs[-1][0] is not None:
            raise Unsupported("no arm taken")
        val = outs[-1][1]
        for cond, r in reversed(outs[:-1]):
            val = r if self.eg.find(r) == self.eg.find(val) else self.mk(("mux", self.eg.w(r), None, cond, r, val))
        return val

    def _set(self, name: str, c: int) -> None:
        self.subst[name] = c
        self.tainted.discard(name)
        self.partial.pop(name, None)

    def _assign_part(self, e) -> None:
        """``v[hi:lo] = x`` / ``v[k] = x`` / ``v[a +: w] = x`` with constant bounds into a whole
        ``[W-1:0]`` variable the block writes: spliced into v's value, or collected until the parts
        cover v (a read of v in between is unsupported)."""
        lhs = e.left
        k = type(lhs).__name__
        if k not in ("ElementSelectExpression", "RangeSelectExpression") or \
                type(lhs.value).__name__ != "NamedValueExpression":
            raise Unsupported("assignment target")
        name = lhs.value.symbol.name
        bt = lhs.value.type
        if not (bt.isIntegral and bt.hasFixedRange) or name not in self.subst and name not in self.tainted:
            raise Unsupported("part write of a non-local")
        bw = int(bt.bitWidth or 0)
        r = bt.fixedRange
        w = int(lhs.type.bitWidth or 0)
        count = abs(r.left - r.right) + 1
        if k == "ElementSelectExpression" and 1 < count < bw and count * w == bw:
            # an element of a packed array (logic [N-1:0][W-1:0] y; y[k] = ...)
            at = self._cint(lhs.selector)
            if at is None or not min(r.left, r.right) <= at <= max(r.left, r.right):
                raise Unsupported("packed element index")
            lo = abs(at - r.right) * w
        elif r.right != 0 or r.left != bw - 1:
            raise Unsupported("part write of an offset vector")
        elif k == "ElementSelectExpression":
            lo = self._cint(lhs.selector)
        elif lhs.selectionKind.name == "Simple":
            lo = self._cint(lhs.right)
        elif lhs.selectionKind.name in ("IndexedUp", "IndexedDown"):
            at = self._cint(lhs.left)
            lo = None if at is None else (at if lhs.selectionKind.name == "IndexedUp" else at - w + 1)
        else:
            lo = None
        if lo is None or lo < 0 or lo + w > bw or w <= 0:
            raise Unsupported("part write bounds")
        val = self.conv(e.right)
        if self.eg.w(val) != w:
            raise Unsupported("part write width")
        old = self.subst.get(name)
        if old is not None and name not in self.tainted:
            parts = [(0, bw, old)]
        else:
            parts = list(self.partial.get(name, []))
        # cut the new part out of the known pieces: (lo, width, class of exactly that width)
        out = []
        for plo, pw, pc in parts:
            phi = plo + pw
            if phi <= lo or plo >= lo + w:
                out.append((plo, pw, pc))
                continue
            if plo < lo:
                out.append((plo, lo - plo, self._slice(pc, pw, 0, lo - plo)))
            if phi > lo + w:
                out.append((lo + w, phi - lo - w, self._slice(pc, pw, lo + w - plo, phi - lo - w)))
        out.append((lo, w, val))
        out.sort()
        if sum(pw for _l, pw, _c in out) == bw:
            pieces = [c for _l, _w, c in reversed(out)]
            self._set(name, pieces[0] if len(pieces) == 1 else self.mk(("concat", bw, None, *pieces)))
        else:
            self.subst.pop(name, None)
            self.tainted.add(name)
            self.partial[name] = out

    def _slice(self, c: int, w: int, lo: int, n: int) -> int:
        if lo:
            c = self.mk(("lshr", w, lo, c))
        return self.mk(("trunc", n, None, c)) if n < w else c

    def _loop(self, st, ret: str | None) -> None:
        """``for`` with constant bounds: the body run once per value of the loop variable (a constant
        there), at most MAX_UNROLL times. A loop variable declared outside the loop keeps its last value."""
        steps = list(st.steps)
        lvars = list(st.loopVars)
        if len(steps) != 1 or st.stopExpr is None:
            raise Unsupported("loop form")
        if not lvars and len(list(st.initializers)) == 1:
            init = list(st.initializers)[0]
            if type(init).__name__ != "AssignmentExpression":
                raise Unsupported("loop initialiser")
            i, init_val, wi = _lhs_whole(init.left), init.right, int(init.left.type.bitWidth or 0)
        elif len(lvars) == 1 and not list(st.initializers) and lvars[0].initializer is not None:
            i, init_val, wi = lvars[0].name, lvars[0].initializer, int(lvars[0].type.bitWidth or 0)
        else:
            raise Unsupported("loop variables")
        step = steps[0]
        incr = None
        if type(step).__name__ == "UnaryExpression" and _lhs_whole(step.operand) == i:
            incr = {"Postincrement": 1, "Preincrement": 1, "Postdecrement": -1, "Predecrement": -1}.get(_op(step))
            if incr is None:
                raise Unsupported("loop step")
        elif type(step).__name__ != "AssignmentExpression" or step.isCompound or _lhs_whole(step.left) != i:
            raise Unsupported("loop step")
        if i is None or wi <= 0 or (i not in self.tainted and i not in self.subst and lvars == []):
            raise Unsupported("loop variable")
        iv = self.eg.cval(self.conv(init_val))
        n = 0
        while True:
            if iv is None or n > MAX_UNROLL or len(self.nodes) > MAX_BLOCK_NODES:
                raise Unsupported("loop bounds")
            self._set(i, self.mk(("const", wi, iv & mask(wi))))
            go = self.eg.cval(self._bool(st.stopExpr))
            if go is None:
                raise Unsupported("loop condition")
            if not go:
                break
            if self._exec(_stmts(st.body), ret) is not None:
                raise Unsupported("return in a loop")
            if i not in self.subst or self.eg.cval(self.subst[i]) is None:
                raise Unsupported("loop variable written in the body")
            iv = self.eg.cval(self.conv(step.right)) if incr is None else (iv + incr) & mask(wi)
            n += 1
        if lvars:
            self.subst.pop(i, None)

    def _case_arms(self, st) -> list:
        """``[(hit, statement)]`` of a ``case``/``casez``/``casex`` (``unique``/``priority`` too) on
        constant items; the default last. Items that cover every selector value make the last item the
        else arm (no default needed)."""
        cond = str(st.condition).split(".")[-1]
        # a unique case is parallel in synthesis (Yosys: parallel_case, a $pmux ORs every arm whose
        # item matches): read as a priority chain only when no two items can match together
        parallel = str(getattr(st, "check", "")).split(".")[-1] in ("Unique", "Unique0")
        patterns: list[tuple[int, int]] = []
        x = self.conv(st.expr)
        wx = self.eg.w(x)
        arms = []
        seen: set[int] = set()
        exact = True
        for it in st.items:
            hit = None
            for ie in it.expressions:
                if cond == "Normal":
                    y = self.conv(ie)
                    if self.eg.w(y) != wx:
                        raise Unsupported("case item width")
                    v = self.eg.cval(y)
                    if v is None:
                        if parallel:
                            raise Unsupported("unique case with a variable item")
                        exact = False
                    else:
                        seen.add(v)
                        patterns.append((v, mask(wx)))
                    h = self.mk(("eq", 1, None, x, y))
                else:
                    try:
                        sv = ie.eval(ast.EvalContext(self.an.root)).value
                    except Exception:  # noqa: BLE001 - not a constant
                        raise Unsupported("casez item") from None
                    val, care = _wild_item(sv, wx, cond == "WildcardXOrZ")
                    exact = exact and care == mask(wx)
                    seen.add(val)
                    patterns.append((val, care))
                    xm = x if care == mask(wx) else self.mk(("and", wx, None, x, self.mk(("const", wx, care))))
                    h = self.mk(("eq", 1, None, xm, self.mk(("const", wx, val & care))))
                hit = h if hit is None else self.mk(("or", 1, None, hit, h))
            arms.append((hit, it.stmt))
        if parallel and any(((v1 ^ v2) & c1 & c2) == 0 for i, (v1, c1) in enumerate(patterns)
                            for v2, c2 in patterns[i + 1:]):
            raise Unsupported("unique case with overlapping items")
        if st.defaultCase is None and arms and exact and wx <= 12 and len(seen) == 1 << wx:
            arms[-1] = (None, arms[-1][1])  # full coverage: the last item is what is left
        else:
            arms.append((None, st.defaultCase))
        return arms

    def _branches(self, arms: list, ret: str | None) -> None:
        """``arms``: [(condition class or None for the last/else arm, statement)]; the first arm whose
        condition holds runs. Leaves self.subst/self.tainted as after the selected arm."""
        base = (dict(self.subst), set(self.tainted), dict(self.partial))
        outs = []
        for cond, body in arms:
            kc = None if cond is None else self.eg.cval(cond)
            if kc == 0:
                continue
            self.subst, self.tainted, self.partial = dict(base[0]), set(base[1]), dict(base[2])
            if body is not None and self._exec(_stmts(body), ret) is not None:
                raise Unsupported("return in a branch")
            outs.append((None if kc == 1 else cond, dict(self.subst), set(self.tainted), dict(self.partial)))
            if cond is None or kc == 1:
                break
        if not outs or outs[-1][0] is not None:  # no arm taken: the values before the statement
            outs.append((None, dict(base[0]), set(base[1]), dict(base[2])))
        _c, sub, tnt, part = outs[-1]
        for cond, s2, t2, p2 in reversed(outs[:-1]):
            merged = {}
            for nm in set(sub) | set(s2):
                a, b = s2.get(nm), sub.get(nm)
                if a is None or b is None:
                    continue  # assigned on one path only: unknown afterwards
                merged[nm] = a if self.eg.find(a) == self.eg.find(b) else self.mk(("mux", self.eg.w(a), None, cond, a, b))
            tnt = tnt | t2 | ((set(sub) | set(s2)) - set(merged))
            sub = merged
            part = {nm: p for nm, p in part.items() if p2.get(nm) == p}  # partly written alike on both paths
        self.subst, self.tainted, self.partial = sub, tnt, part

    def _bool(self, e) -> int:
        x = self.conv(e)
        if self.eg.w(x) == 1:
            return x
        return self.mk(("ne", 1, None, x, self.mk(("const", self.eg.w(x), 0))))

    def _const(self, e) -> int | None:
        from rtlopt.templates._sem import names_in
        k = type(e).__name__
        if self.varying and not self.child and self._reads_varying(e):
            return None
        if k in ("IntegerLiteral", "UnbasedUnsizedIntegerLiteral"):
            pass
        elif k == "NamedValueExpression":
            if e.symbol.kind.name not in ("Parameter", "EnumValue"):  # an enum member is a constant too
                return None
        elif k == "CallExpression":
            # a user function of constant arguments (a coefficient table indexed by a genvar): slang
            # evaluates it as a constant function
            try:
                if e.isSystemCall or not all(self._const(a) is not None for a in e.arguments):
                    return None
            except Exception:  # noqa: BLE001
                return None
        elif k in ("BinaryExpression", "UnaryExpression", "ConversionExpression", "ConditionalExpression"):
            try:
                syms = names_in(e)
            except Exception:  # noqa: BLE001
                return None
            if syms:
                # only parameters: pyslang evaluates them
                if not self._all_params(e):
                    return None
            elif k != "ConversionExpression":
                pass
        else:
            return None
        try:
            v = e.eval(ast.EvalContext(self.an.root))
        except Exception:  # noqa: BLE001
            return None
        sv = getattr(v, "value", None)
        if sv is None or type(sv).__name__ != "SVInt" or sv.hasUnknown:
            return None
        try:
            return int(sv) & mask(int(e.type.bitWidth))
        except (TypeError, ValueError):
            return None

    def _reads_varying(self, e) -> bool:
        hit = False

        def visit(n):
            nonlocal hit
            if type(n).__name__ == "NamedValueExpression" and n.symbol.name in self.varying \
                    and n.symbol.kind.name == "Parameter":
                hit = True
            return True

        e.visit(visit)
        return hit

    def _all_params(self, e) -> bool:
        ok = True

        def visit(n):
            nonlocal ok
            if type(n).__name__ == "NamedValueExpression" and n.symbol.kind.name not in ("Parameter", "EnumValue"):
                ok = False
            return True

        e.visit(visit)
        return ok

    def _leaf(self, key: str, text: str, e, sym) -> int:
        if self.child:
            raise Unsupported("a child's own name")
        w = int(e.type.bitWidth)
        if key not in self.leaves:
            lsb0 = False
            decl = -1
            if sym is not None:
                t = sym.type
                try:
                    if t.hasFixedRange:
                        r = t.fixedRange
                        lsb0 = r.right == 0 and r.left == w - 1 and t.isIntegral and w > 1
                except Exception:  # noqa: BLE001
                    lsb0 = False
                try:
                    decl = self.an.off(sym.location.offset)
                except Exception:  # noqa: BLE001
                    decl = -1
            self.leaves[key] = Leaf(key, text, w, bool(e.type.isSigned), lsb0, decl)
        elif self.leaves[key].width != w:
            raise Unsupported("leaf width differs")
        return self.mk(("var", w, key))


def _returns(s) -> bool:
    if s is None:
        return False
    found = False

    def visit(n):
        nonlocal found
        if type(n).__name__ == "ReturnStatement":
            found = True
        return True

    s.visit(visit)
    return found


def _wild_item(sv, w: int, x_too: bool) -> tuple[int, int]:
    """(value, care mask) of a ``casez`` (``casex``: x too) item constant: ``?``/``z`` bits match anything."""
    if type(sv).__name__ != "SVInt":
        raise Unsupported("casez item")
    if int(sv.bitWidth) != w:
        raise Unsupported("casez item width")
    if not sv.hasUnknown:
        return int(sv) & mask(w), mask(w)
    m = re.fullmatch(r"\d+'s?b([01xzXZ?]+)", str(sv))
    if m is None:
        raise Unsupported("casez item form")
    digits = m.group(1).lower().rjust(w, "0")[-w:]
    val = care = 0
    for ch in digits:
        val, care = val << 1, care << 1
        if ch in "01":
            val |= int(ch)
            care |= 1
        elif ch == "x" and not x_too:
            raise Unsupported("x in a casez item")
    return val, care


def _stmts(s):
    """Top-level statements of a procedural body (through begin/end and timing controls)."""
    k = type(s).__name__
    if k == "TimedStatement":
        return _stmts(s.stmt)
    if k == "BlockStatement":
        return _stmts(s.body)
    if k == "StatementList":
        out = []
        for x in s.list:
            out += _stmts(x) if type(x).__name__ in ("BlockStatement", "StatementList") else [x]
        return out
    return [s]


def _walk_assigns(s, top: bool, out: list, loops: list, arst: frozenset = frozenset()) -> None:
    """Every assignment statement under ``s`` as (stmt, assignment, top_level, in_loop).

    ``arst``: the signals of an edge list with several events (``@(posedge clk or negedge rst)``): an
    ``if`` reading one of them is the asynchronous reset test, which synthesis must recognise as
    written, so its condition is not a root to rewrite."""
    k = type(s).__name__
    if s is None:
        return
    if k == "TimedStatement":
        arst = arst | _async_names(s.timing)
        _walk_assigns(s.stmt, top, out, loops, arst)
    elif k == "BlockStatement":
        _walk_assigns(s.body, top, out, loops, arst)
    elif k == "StatementList":
        # for (int i = ...): slang declares i by a statement of its own just before the loop
        lv = {v.name for x in s.list if type(x).__name__ == "ForLoopStatement" for v in x.loopVars}
        for x in s.list:
            if type(x).__name__ == "VariableDeclStatement" and x.symbol.name in lv:
                continue
            _walk_assigns(x, top, out, loops, arst)
    elif k == "ExpressionStatement":
        e = s.expr
        if type(e).__name__ == "AssignmentExpression":
            out.append((s, e, top, bool(loops)))
    elif k == "ConditionalStatement":
        conds = list(s.conditions)
        if len(conds) == 1 and conds[0].pattern is None and conds[0].expr.syntax is not None \
                and not (arst and arst & _idents(str(conds[0].expr.syntax))):
            out.append((s, _Cond(conds[0].expr), top, bool(loops)))  # the condition is a root too
        _walk_assigns(s.ifTrue, False, out, loops, arst)
        _walk_assigns(s.ifFalse, False, out, loops, arst)
    elif k == "CaseStatement":
        for it in s.items:
            _walk_assigns(it.stmt, False, out, loops, arst)
        _walk_assigns(s.defaultCase, False, out, loops, arst)
    elif k in ("ForLoopStatement", "RepeatLoopStatement", "WhileLoopStatement", "DoWhileLoopStatement",
               "ForeverLoopStatement", "ForeachLoopStatement"):
        loops.append(1)
        _walk_assigns(s.body, False, out, loops, arst)
        loops.pop()
    elif k in ("EmptyStatement",):
        return
    else:
        out.append((s, None, top, True))  # unknown statement: blocks every write it might make


def _idents(text: str) -> frozenset:
    return frozenset(re.findall(r"[A-Za-z_][A-Za-z0-9_$]*", text))


def _async_names(timing) -> frozenset:
    """Names in an event list of two or more edge events (clock plus asynchronous set/reset)."""
    try:
        evs = list(timing.events) if type(timing).__name__ == "EventListControl" else []
        if len(evs) < 2:
            return frozenset()
        return frozenset().union(*(_idents(str(e.expr.syntax)) for e in evs))
    except Exception:  # noqa: BLE001 - an unusual event control: nothing excluded
        return frozenset()


class _Cond:
    """The condition of an ``if`` seen as an assignment to nothing: its expression becomes a root (so
    the comparison can share an adder with the arithmetic of the branches); it writes no name."""

    isNonBlocking = False

    def __init__(self, expr) -> None:
        self.right = expr
        self.left = _CondTarget(expr)


class _CondTarget:
    def __init__(self, expr) -> None:
        self.type = expr.type

    def visit(self, fn) -> None:
        pass


class _NetInit:
    """``wire [..] x = expr;`` seen as the assignment ``x = expr``."""

    isNonBlocking = False

    def __init__(self, net, init) -> None:
        self.right = init
        self.left = _NetName(net)


class _NetName:
    def __init__(self, net) -> None:
        self.symbol = net
        self.type = net.type

    def visit(self, fn) -> None:
        pass


def _lhs_names(e) -> set[str]:
    """Names an assignment target writes (the base of a select, not the names in its index)."""
    if isinstance(e, _CondTarget):
        return set()
    if isinstance(e, _NetName):
        return {e.symbol.name}
    k = type(e).__name__
    if k in ("ElementSelectExpression", "RangeSelectExpression"):
        return _lhs_names(e.value)
    if k == "ConcatenationExpression":
        return set().union(*[_lhs_names(o) for o in e.operands]) if list(e.operands) else set()

    out: set[str] = set()

    def visit(n):
        if type(n).__name__ == "NamedValueExpression":
            out.add(n.symbol.name)
        return True

    e.visit(visit)
    return out


def _bit_write(e) -> tuple[str, object] | None:
    """``(name, index expression)`` for a one-bit write ``name[index]`` of a ``[N-1:0]`` vector."""
    if isinstance(e, _NetName) or type(e).__name__ != "ElementSelectExpression":
        return None
    base = e.value
    if type(base).__name__ != "NamedValueExpression":
        return None
    try:
        fr = base.symbol.type.fixedRange
        if fr.right != 0 or fr.left < 1 or int(e.type.bitWidth or 0) != 1:
            return None
    except Exception:  # noqa: BLE001 - not a packed vector
        return None
    return base.symbol.name, e.selector


def _stepped_vars(assigns: list, write_count: dict[str, int]) -> set[str]:
    """Variables of one combinational block written only there, step by step: a whole top-level
    blocking assignment first, then whole assignments or one-bit indexed writes (at least one), all
    top-level."""
    seen: dict[str, int] = {}
    bad: set[str] = set()
    bits: set[str] = set()
    for _s, e, top, in_loop in assigns:
        if e is None:
            return set()
        whole = _lhs_whole(e.left)
        bit = _bit_write(e.left)
        name = whole or (bit[0] if bit else None)
        for nm in _lhs_names(e.left):
            if nm != name:
                bad.add(nm)
        if name is None:
            continue
        if e.isNonBlocking or not top or in_loop or (bit is not None and name not in seen):
            bad.add(name)
        if bit is not None:
            bits.add(name)
        seen[name] = seen.get(name, 0) + 1
    return {n for n, c in seen.items() if c > 1 and c == write_count.get(n, 0) and n not in bad and n in bits}


def _lhs_whole(e) -> str | None:
    if isinstance(e, _NetName):
        return e.symbol.name
    return e.symbol.name if type(e).__name__ == "NamedValueExpression" else None


def build_module(an, body, varying: frozenset = frozenset()) -> ModuleGraph:
    """The e-graph of one module body (an elaborated pyslang InstanceBody); parameters in ``varying``
    (values that differ between the module's instances) are read as named leaves."""
    b = _Builder(an, body)
    b.varying = frozenset(varying)
    roots: list[Root] = []
    refs: dict[tuple, int] = {}
    ports = {m.name for m in body if type(m).__name__ == "PortSymbol"}
    names = {m.name for m in body if hasattr(m, "name") and m.name}
    # who writes what: blocking/nonblocking per block, continuous assigns
    items = []
    write_count: dict[str, int] = {}
    for idx, m in enumerate(body):
        k = type(m).__name__
        if k == "ContinuousAssignSymbol":
            e = m.assignment
            if type(e).__name__ != "AssignmentExpression":
                continue
            items.append(("assign", idx, m, [(None, e, True, False)]))
            for nm in _lhs_names(e.left):
                write_count[nm] = write_count.get(nm, 0) + 1
        elif k == "NetSymbol" and getattr(m, "initializer", None) is not None:
            init = m.initializer
            items.append(("assign", idx, m, [(None, _NetInit(m, init), True, False)]))
            write_count[m.name] = write_count.get(m.name, 0) + 1
        elif k == "ProceduralBlockSymbol":
            kind = m.procedureKind.name
            if kind not in ("Always", "AlwaysComb", "AlwaysFF"):
                continue
            comb = kind == "AlwaysComb"
            if kind == "Always" and type(m.body).__name__ == "TimedStatement":
                comb = m.body.timing.kind.name == "ImplicitEvent"
            elif kind == "Always":
                continue
            out: list = []
            _walk_assigns(m.body, True, out, [])
            items.append(("comb" if comb else "seq", idx, m, out))
            for _s, e, _top, _loop in out:
                if e is not None:
                    for nm in _lhs_names(e.left):
                        write_count[nm] = write_count.get(nm, 0) + 1
    bi = 0
    total_refs = _count_refs(body)
    groups: list[Group] = []
    for kind, _idx, m, assigns in items:
        bi += 1
        mstart, _mend = an.span(m.syntax) if m.syntax is not None else (0, 0)
        block_writes_blocking: set[str] = set()
        if kind != "assign":
            if any(e is None for _s, e, _t, _l in assigns):
                continue  # a statement we do not model
            for _s, e, _t, _l in assigns:
                if not e.isNonBlocking:
                    block_writes_blocking |= _lhs_names(e.left)
        replaced: set[str] = set()
        grouped = False
        if kind == "comb":
            from rtlopt.egraph.blocks import block_group
            got = block_group(b, an, m, assigns, write_count, total_refs, ports, names, bi, mstart, groups)
            if got is not None:
                groots, replaced, whole, greads = got
                grouped = True
                roots += groots
                for nm, k in greads.items():
                    b.reads[nm] = b.reads.get(nm, 0) + k
                if whole:
                    continue  # the block's every statement stands in its variables' roots
        spans: list[tuple[int, int]] = []
        if kind == "seq":
            from rtlopt.egraph.blocks import seq_groups
            arst = _async_names(m.body.timing) if type(m.body).__name__ == "TimedStatement" else frozenset()
            for groots, span, greads in seq_groups(b, an, m, assigns, write_count, bi, mstart, groups, arst):
                roots += groots
                spans.append(span)
                for nm, k in greads.items():
                    b.reads[nm] = b.reads.get(nm, 0) + k
        b.subst = {}
        b.tainted = set(block_writes_blocking)
        stepped = _stepped_vars(assigns, write_count) if kind == "comb" else set()
        for s, e, top, in_loop in assigns:
            lhs = _lhs_whole(e.left)
            if in_loop or _lhs_names(e.left) & replaced:
                continue
            bit = _bit_write(e.left)
            if bit is not None and bit[0] in stepped:
                # ``v[i] = b`` after ``v = ...``: v becomes (v & ~(1 << i)) | (b << i) (an index past
                # the end writes nothing, as 1 << i is then 0 in v's width)
                name, sel = bit
                old = b.subst.get(name)
                try:
                    b.nodes = []
                    if old is None:
                        raise Unsupported("indexed write before a whole write")
                    w = b.eg.w(old)
                    idx = b.conv(sel)
                    val = b.conv(e.right)
                    if b.eg.w(val) != 1:
                        raise Unsupported("indexed write of more than one bit")
                    one = b.mk(("shlv", w, None, b.mk(("const", w, 1)), idx))
                    keep = b.mk(("and", w, None, old, b.mk(("not", w, None, one))))
                    put = b.mk(("shlv", w, None, b.mk(("zext", w, None, val)) if w > 1 else val, idx))
                    b.subst[name] = b.mk(("or", w, None, keep, put))
                except (Unsupported, ValueError, AssertionError, TypeError, AttributeError):
                    b.subst.pop(name, None)
                    b.tainted.add(name)
                    stepped.discard(name)
                continue
            try:
                b.nodes = []
                # reading a name before its own (single, top-level) assignment stays tainted
                c = b.conv(e.right)
            except Unsupported:
                c = None
            except (ValueError, AssertionError, TypeError, AttributeError):
                c = None
            rnode = e.right
            while rnode.syntax is None and type(rnode).__name__ == "ConversionExpression":
                rnode = rnode.operand
            rs, re_ = an.span(rnode.syntax) if rnode.syntax is not None else (0, 0)
            if any(g0 <= rs < g1 for g0, g1 in spans):
                continue  # inside a statement run as a whole (a register's next value)
            if kind == "assign":
                stmt_end = re_
            else:
                stmt_end = an.span(s.syntax)[1] if s is not None and s.syntax is not None else re_
            # substitution of a single top-level blocking assignment of a whole variable
            single = (kind != "assign" and not e.isNonBlocking and lhs is not None and top
                      and (write_count.get(lhs, 0) == 1 or lhs in stepped))
            w = int(e.left.type.bitWidth or 0)
            if c is not None and (b.eg.w(c) != w or rs >= re_ or (rs, re_) not in an.by_span):
                c = None
            if c is not None and getattr(e.left.type, "isEnum", False):
                c = None  # an enum variable takes its members, not the integers an emitted value would be
            if c is not None:
                r = Root(lhs, c, rs, re_, w, kind, bi if kind != "assign" else -1, mstart, list(b.nodes),
                         stmt_end=stmt_end)
                comb_single = lhs is not None and write_count.get(lhs, 0) == 1 and (
                    kind == "assign" or (kind == "comb" and single))
                if comb_single:
                    r.nameable = True
                r.temp = single
                roots.append(r)
            if single:
                b.tainted.discard(lhs)
                if c is not None:
                    b.subst[lhs] = c
        if kind == "comb" and not grouped:
            lr = _unrolled_root(b, an, m, write_count, bi, mstart)
            if lr is None:
                lr = _branch_root(b, an, m, assigns, write_count, bi, mstart)
            if lr is not None:  # replaces the roots inside its statements (the initial assignment)
                roots = [r for r in roots if not (r.block == bi and lr.start <= r.start < lr.end)]
                roots.append(lr)
    roots += _instance_roots(b, body, write_count)
    roots += _generate_roots(b, body, write_count, names)
    # var(lhs) == value of its root, for combinational single assignments
    eg = b.eg
    for r in roots:
        if r.nameable:
            leaf_w = r.width
            if r.lhs not in b.leaves:
                sym = next((m for m in body if getattr(m, "name", None) == r.lhs and hasattr(m, "type")
                            and type(m).__name__ != "PortSymbol"), None)
                if sym is None:
                    r.nameable = False
                    continue
                lsb0 = False
                try:
                    fr = sym.type.fixedRange
                    lsb0 = fr.right == 0 and fr.left == leaf_w - 1 and leaf_w > 1
                except Exception:  # noqa: BLE001
                    pass
                b.leaves[r.lhs] = Leaf(r.lhs, r.lhs, leaf_w, bool(sym.type.isSigned), lsb0,
                                       an.off(sym.location.offset))
            if b.leaves[r.lhs].width != leaf_w:
                r.nameable = False
                continue
            v = eg.add(("var", leaf_w, r.lhs))
            refs[("var", leaf_w, r.lhs)] = r.cls
            eg.pending.append((v, r.cls))
    eg.rebuild()
    # mandatory roots: registers, non-name targets, ports, names read outside the handled roots
    handled = dict(b.reads)
    lhs_refs: dict[str, int] = {}
    for r in roots:
        if r.lhs:
            lhs_refs[r.lhs] = lhs_refs.get(r.lhs, 0) + r.writes
    for r in roots:
        if (r.nameable or r.temp) and r.lhs not in ports and total_refs.get(r.lhs, 0) <= handled.get(r.lhs, 0) + \
                lhs_refs.get(r.lhs, 0):
            r.mandatory = False
    bs, be = _module_span(an, body)
    return ModuleGraph(body.definition.name if hasattr(body, "definition") else "", eg, roots, b.leaves, refs,
                       names | set(_all_identifiers(an.text[bs:be])), bs, be, groups)


MAX_UNROLL = 64
#: key prefix of a register's next value while a sequential statement runs (its name reads the register)
NEXT = "\0next:"
#: e-nodes one procedural block may create while it is run symbolically
MAX_BLOCK_NODES = 4000
#: Flattened view of child instances: nesting depth, e-nodes per instance, items of a child body.
MAX_INST_DEPTH = 3
MAX_CHILD_NODES = 800
MAX_CHILD_ITEMS = 64
_CATCH = (Unsupported, ValueError, AssertionError, TypeError, AttributeError, RecursionError)


def _instance_roots(b: _Builder, body, write_count: dict[str, int]) -> list[Root]:
    """The flattened view of the module's direct child instances: an output port whose value is a
    combinational function of the instance's inputs (continuous assigns, net initialisers, ``always @*``
    / ``always_comb`` blocks, functions, grandchildren of the same kind), connected to a whole net of the
    module that nothing else drives, names that value (the child's body with its input ports replaced by
    the connected expressions, widths as elaborated for this instance). A parent expression over several
    instances' results (``ya + yb`` of two ``y = x * g`` instances) can then be rewritten in terms of
    their inputs. These roots have no text: never rewritten, never mandatory unless the net is read
    where the e-graph does not look; a rewrite that stops reading the net leaves that output unused."""
    out: list[Root] = []
    for m in body:
        if type(m).__name__ != "InstanceSymbol":
            continue
        b.nodes = []
        b.inner_start = 0
        reads = dict(b.reads)
        try:
            got = _child_values(b, m, 0)
        except _CATCH:
            continue
        nout = sum(1 for pc in m.portConnections if pc.expression is not None
                   and getattr(getattr(pc.port, "direction", None), "name", "") == "Out")
        if len(got) < nout:  # an output (a register) left out: the instance itself reads its inputs
            b.reads = reads
        inner = [c for c, _n in b.nodes[b.inner_start:]]
        for net, c in got:
            if write_count.get(net, 0):
                continue  # driven elsewhere too
            r = Root(net, c, 0, 0, b.eg.w(c), "assign", -1, 0, [], view=list(b.nodes),
                     inner=inner, inst=m.name)
            r.nameable = True
            out.append(r)
    return out


MAX_GEN_BLOCKS = 64
#: nesting of generate scopes looked into (a loop's array and its block are two levels: two nested loops)
MAX_GEN_DEPTH = 4


def _generate_roots(b: _Builder, body, write_count: dict[str, int], module_names: set[str]) -> list[Root]:
    """Text-less named values of continuous assigns inside generate blocks (``for`` loops, ``if``/
    ``case`` generates) and of module-level assigns of array words at constant indices (the start of a
    chain ``ps[0]``): ``assign prod[i] = taps[i*W +: W] * coef[K*CW +: CW];`` in the block of
    genvar value 2 names the class of ``prod[2]`` (an unpacked array word at a constant index, or a
    whole module-level net), the genvar and the block's localparams being constants there. Nets the
    block declares with an initialiser or assigns are substituted where the block reads them. A
    value reading anything the module scope cannot name (a block-local name, a non-constant select
    through the genvar) is dropped. Like a child instance's view: never rewritten, never mandatory;
    an expression of the module reading ``prod[2]`` can be rewritten in terms of its operands (the
    products of a generate loop summed elsewhere, factored by the e-graph)."""
    got: list[tuple[str, int, list]] = []
    counts: dict[str, int] = {}
    nblocks = 0
    genvars = {m.name for m in body if type(m).__name__ == "GenvarSymbol"}
    poisoned: set[str] = set()  # written in a generate block some other way (a part select, a process)
    top_writes: dict[str, int] = {}  # module-level assigns of array words at constant indices
    reads = b.reads  # a read from a generate block is not one the e-graph may rewrite away
    b.reads = {}
    packed: dict[str, tuple[str, int, int]] = {}  # bit/element of a packed net -> (net, low bit, width)

    def blocks(scope, depth: int, outer: frozenset):
        """(block, names of the block and its enclosing blocks: the genvar, localparams, nets)"""
        nonlocal nblocks
        for m in scope:
            k = type(m).__name__
            if k == "GenerateBlockArraySymbol" and depth < MAX_GEN_DEPTH:
                for blk in m:
                    yield from blocks([blk], depth + 1, outer)
            elif k == "GenerateBlockSymbol" and not getattr(m, "isUninstantiated", False) and depth < MAX_GEN_DEPTH:
                nblocks += 1
                if nblocks > MAX_GEN_BLOCKS:
                    raise Unsupported("too many generate blocks")
                local = outer | {x.name for x in m if getattr(x, "name", "")}
                yield m, local
                yield from blocks(list(m), depth + 1, local)

    try:
        top = [m for m in body if type(m).__name__ == "ContinuousAssignSymbol"
               and type(m.assignment).__name__ == "AssignmentExpression"
               and type(m.assignment.left).__name__ == "ElementSelectExpression"]
        for blk, local in [(top, frozenset(genvars))] + list(blocks(body, 0, frozenset(genvars))):
            members = list(blk)
            b.subst, b.tainted = {}, set()
            pending = []
            for m in members:
                k = type(m).__name__
                if k == "NetSymbol" and getattr(m, "initializer", None) is not None:
                    pending.append((m.name, m.initializer, None))
                elif k == "ContinuousAssignSymbol" and type(m.assignment).__name__ == "AssignmentExpression":
                    pending.append((None, m.assignment.right, m.assignment.left))
                elif k == "ProceduralBlockSymbol":
                    poisoned.update(_local_reads(m.body, module_names))  # every name it might write
                elif k == "InstanceSymbol":
                    pending.append((None, m, None))
            for name, rhs, lhs in pending:
                if type(rhs).__name__ == "InstanceSymbol":
                    got += _gen_instance(b, rhs, local, module_names, counts, poisoned, packed)
                    continue
                key = name
                if lhs is not None:
                    key = _gen_target(b, lhs, local, module_names, None if blk is top else packed)
                    if key is None:
                        poisoned.update(_lhs_names(lhs))
                        continue
                    counts[key] = counts.get(key, 0) + 1
                    if blk is top:
                        top_writes[key.split("[")[0]] = top_writes.get(key.split("[")[0], 0) + 1
                    if key.split("[")[0] in local:
                        name = key
                b.nodes = []
                try:
                    c = b.conv(rhs)
                except _CATCH:
                    if name is not None and name in local:
                        b.tainted.add(name)
                    continue
                # reads a name of the block (or the genvar) that the module scope cannot
                bad = any(n[0] == "var" and (_idents(str(n[2])) & local or not _idents(str(n[2])) <= module_names)
                          for _c, n in b.nodes)
                if name is not None and name in local:
                    if bad:
                        b.tainted.add(name)
                    else:
                        b.subst[name] = c  # a block-local net: substituted where the block reads it
                    continue
                if not bad and b.eg.w(c) == int(lhs.type.bitWidth or 0):
                    got.append((key, c, list(b.nodes)))
    except _CATCH:
        return []
    finally:
        b.subst, b.tainted, b.reads = {}, set(), reads
    out = _packed_roots(b, body, got, packed, counts, write_count, poisoned)
    for key, c, nodes in got:
        base = key.split("[")[0]
        if key in packed:
            continue
        if counts.get(key, 0) != 1 or write_count.get(base, 0) != top_writes.get(base, 0) or base in poisoned:
            continue  # written twice, or also outside generate blocks
        r = Root(key, c, 0, 0, b.eg.w(c), "assign", -1, 0, [], view=nodes)
        r.nameable = True
        r.mandatory = False
        out.append(r)
    return out


def _gen_instance(b: _Builder, inst, local, module_names: set[str], counts: dict[str, int],
                  poisoned: set[str], packed: dict | None = None) -> list[tuple[str, int, list]]:
    """A child instance inside a generate block (a multiplier module per tap): its combinational
    outputs connected to module-level nets or array words at constant indices, as for
    :func:`_instance_roots`; every other name its outputs drive is poisoned."""
    outs = set()
    for pc in inst.portConnections:
        e = pc.expression
        if e is not None and type(e).__name__ == "AssignmentExpression":
            key = _gen_target(b, e.left, local, module_names, packed)
            if key is None:
                poisoned.update(_lhs_names(e.left))
            else:
                outs.add(key)
                counts[key] = counts.get(key, 0) + 1
    b.nodes = []
    try:
        vals = _child_values(b, inst, 0, target=lambda x: _gen_target(b, x, local, module_names, packed))
    except _CATCH:
        return []
    for _c, n in b.nodes:
        if n[0] == "var" and (_idents(str(n[2])) & local or not _idents(str(n[2])) <= module_names):
            return []
    out = []
    for key, c in vals:
        if key in local:
            b.subst[key] = c  # a block-local net: substituted where the block reads it
        elif key in outs:
            out.append((key, c, list(b.nodes)))
    return out


def _packed_roots(b: _Builder, body, got: list, packed: dict, counts: dict[str, int],
                  write_count: dict[str, int], poisoned: set[str]) -> list[Root]:
    """Whole packed nets every element of which one generate item writes (``pair_eq[K]`` of a
    compare instance per pair): the concatenation of the elements' values names the net."""
    by: dict[str, list[tuple[int, int, int, list]]] = {}
    for key, c, nodes in got:
        if key in packed and counts.get(key, 0) == 1:
            net, lo, w = packed[key]
            by.setdefault(net, []).append((lo, w, c, nodes))
    driven = set()
    for m in body:
        if type(m).__name__ == "InstanceSymbol":
            for pc in m.portConnections:
                e = pc.expression
                if e is not None and type(e).__name__ == "AssignmentExpression":
                    driven |= _lhs_names(e.left)
    out = []
    for net, parts in by.items():
        sym = next((m for m in body if getattr(m, "name", None) == net and hasattr(m, "type")), None)
        width = int(getattr(getattr(sym, "type", None), "bitWidth", 0) or 0)
        if write_count.get(net, 0) or net in poisoned or net in driven or not width:
            continue
        parts.sort(key=lambda p: p[0])
        pos = 0
        for lo, w, _c, _n in parts:
            if lo != pos:
                break
            pos += w
        if pos != width:
            continue  # a bit left out (or written twice)
        b.nodes = []
        kids = tuple(c for _lo, _w, c, _n in reversed(parts))
        c = b.eg.add(("concat", width, None, *kids)) if len(kids) > 1 else kids[0]
        nodes = [x for _lo, _w, _c, ns in parts for x in ns] + [(c, ("concat", width, None, *kids))]
        r = Root(net, c, 0, 0, width, "assign", -1, 0, [], view=nodes)
        r.nameable = True
        r.mandatory = False
        out.append(r)
    return out


def _gen_target(b: _Builder, lhs, local: set[str], module_names: set[str],
                packed: dict | None = None) -> str | None:
    """The module-level name an assign target inside a generate block writes: a whole net
    (``name``) or a word of an unpacked array at a constant index (``name[k]``); None otherwise.
    With ``packed``: also an element of a packed net at a constant index (``name[k]``, recorded there
    as (net, low bit, width); a descending range only)."""
    k = type(lhs).__name__
    if k == "NamedValueExpression":
        nm = lhs.symbol.name
        return nm if nm in module_names or nm in local else None
    if k != "ElementSelectExpression" or type(lhs.value).__name__ != "NamedValueExpression":
        return None
    base = lhs.value
    nm = base.symbol.name
    if nm in local or nm not in module_names:
        return None
    if not base.type.isUnpackedArray and (packed is None or not base.type.isPackedArray):
        return None
    idx = b._cint(lhs.selector)
    r = base.type.fixedRange
    if idx is None or not min(r.left, r.right) <= idx <= max(r.left, r.right):
        return None
    if not base.type.isUnpackedArray:
        if r.left < r.right:
            return None
        ew = int(lhs.type.bitWidth or 0)
        packed[f"{nm}[{idx}]"] = (nm, (idx - r.right) * ew, ew)
    return f"{nm}[{idx}]"


def _child_values(b: _Builder, inst, depth: int, target=None) -> list[tuple[str, int]]:
    """``[(net, class)]`` for the outputs of ``inst`` (connected to whole nets of the current scope)
    that are combinational functions of its inputs. Input connections are converted in the current
    scope (the parent's, or a child's when ``b.child``)."""
    if depth >= MAX_INST_DEPTH:
        raise Unsupported("instance nesting")
    conns: dict[str, int] = {}
    outs: list[tuple[str, str, int]] = []
    seeds: dict[str, int] = {}  # output port -> the parent's net it drives (a register's value)
    for pc in inst.portConnections:
        port = pc.port
        if type(port).__name__ != "PortSymbol":
            raise Unsupported("interface port")
        pw = int(port.type.bitWidth or 0)
        inner = port.internalSymbol
        if inner is None or not inner.name:
            raise Unsupported("port without an internal name")
        e = pc.expression
        d = port.direction.name
        if d == "In":
            if e is None:
                raise Unsupported("unconnected input")
            c = b.conv(e)
            if b.eg.w(c) != pw:
                raise Unsupported("input width")
            conns[inner.name] = c
        elif d == "Out":
            if e is None or type(e).__name__ != "AssignmentExpression":
                continue
            net = _lhs_whole(e.left) if target is None else target(e.left)
            if net is not None and int(e.left.type.bitWidth or 0) == pw:
                outs.append((inner.name, net, pw))
                if target is None and not b.child and type(e.left).__name__ == "NamedValueExpression":
                    rd = dict(b.reads)  # the connection itself is no read (the view's root writes it)
                    with contextlib.suppress(*_CATCH):
                        seeds[inner.name] = b.conv(e.left)
                    b.reads = rd
        else:
            raise Unsupported(f"port direction {d}")
    if not outs:
        return []
    saved = (b.subst, b.tainted, b.child, b.reads)
    start = len(b.nodes)
    if depth == 0:
        b.inner_start = start
    b.subst, b.tainted, b.child, b.reads = dict(conns), set(), True, {}
    try:
        env = _child_env(b, inst.body, depth, seeds)
    finally:
        b.subst, b.tainted, b.child, b.reads = saved
    if len(b.nodes) - start > MAX_CHILD_NODES:
        raise Unsupported("child too large")
    return [(net, env[name]) for name, net, pw in outs
            if name in env and b.eg.w(env[name]) == pw and env[name] != seeds.get(name)]


def _child_env(b: _Builder, child, depth: int, seeds: dict[str, int] | None = None) -> dict[str, int]:
    """Symbolic values of a child body's names, starting from ``b.subst`` (its input ports): each
    combinational item converted once every name it reads has a value. ``seeds``: output ports no
    combinational item writes (registers, in the sequential blocks this view skips) stand for the
    parent's nets they drive, so an output derived from another one (``assign b1 = {b0, 1'b0}`` of an
    output register ``b0``) is seen as that function of the parent's net."""
    local = {m.name for m in child if type(m).__name__ in ("NetSymbol", "VariableSymbol", "PortSymbol")}
    items: list[tuple[str, object, set[str], set[str]]] = []  # kind, item, writes, reads
    writers: dict[str, int] = {}
    for m in child:
        k = type(m).__name__
        if k == "ContinuousAssignSymbol":
            e = m.assignment
            lhs = _lhs_whole(e.left) if type(e).__name__ == "AssignmentExpression" else None
            if lhs is None:
                continue
            items.append(("assign", e.right, {lhs}, _local_reads(e.right, local)))
        elif k == "NetSymbol" and getattr(m, "initializer", None) is not None:
            items.append(("assign", m.initializer, {m.name}, _local_reads(m.initializer, local)))
        elif k == "ProceduralBlockSymbol":
            kind = m.procedureKind.name
            comb = kind == "AlwaysComb" or (kind == "Always" and type(m.body).__name__ == "TimedStatement"
                                            and m.body.timing.kind.name == "ImplicitEvent")
            if not comb:
                continue
            assigns: list = []
            _walk_assigns(m.body, True, assigns, [])
            if any(e is None or e.isNonBlocking for _s, e, _t, _l in assigns):
                continue
            writes = set().union(*[_lhs_names(e.left) for _s, e, _t, _l in assigns]) if assigns else set()
            items.append(("block", m.body, writes, _local_reads(m.body, local) - writes))
        elif k == "InstanceSymbol":
            ins = set()
            outs = set()
            for pc in m.portConnections:
                e = pc.expression
                if e is None:
                    continue
                if type(e).__name__ == "AssignmentExpression":
                    outs |= _lhs_names(e.left)
                else:
                    ins |= _local_reads(e, local)
            items.append(("inst", m, outs, ins))
    if len(items) > MAX_CHILD_ITEMS:
        raise Unsupported("child body too large")
    for _k, _it, writes, _r in items:
        for nm in writes:
            writers[nm] = writers.get(nm, 0) + 1
    for nm, c in (seeds or {}).items():
        if nm not in writers and nm not in b.subst:
            b.subst[nm] = c
    todo = [it for it in items if all(writers[nm] == 1 and nm not in b.subst for nm in it[2])]
    progress = True
    while todo and progress:
        progress = False
        for it in list(todo):
            kind, node, writes, reads = it
            if not reads <= set(b.subst):
                continue
            todo.remove(it)
            progress = True
            try:
                if kind == "assign":
                    (nm,) = writes
                    c = b.conv(node)
                    b.subst[nm] = c
                elif kind == "block":
                    b.tainted = set(writes)
                    for nm in writes:
                        b.subst.pop(nm, None)
                    if b._exec(_stmts(node), None) is not None:
                        raise Unsupported("return in a block")
                    b.tainted = set()
                else:
                    for net, c in _child_values(b, node, depth + 1):
                        b.subst[net] = c
            except _CATCH:
                b.tainted = set()
                for nm in writes:
                    b.subst.pop(nm, None)
    return b.subst


def _local_reads(node, local: set[str]) -> set[str]:
    """Names of the child's own nets/variables/ports an expression or statement reads (or writes)."""
    out: set[str] = set()

    def visit(n):
        if type(n).__name__ == "NamedValueExpression" and n.symbol.name in local:
            out.add(n.symbol.name)
        return True

    node.visit(visit)
    return out


def _unrolled_root(b: _Builder, an, block, write_count: dict[str, int], bi: int, mstart: int) -> Root | None:
    """``v = E0; for (i = c0; cond(i); i = step(i)) v = F(v, i);`` as the last two statements of a
    combinational block (v written nowhere else, the loop bounds constant): one root for v's final
    value, F unrolled with i a constant (so ``x[i]``, ``x[8*i +: 8]`` and calls of i are constant
    selects/calls). The two statements are rewritten together as ``v = <value>;``."""
    st = _stmts(block.body)
    if st and type(st[-1]).__name__ == "ForLoopStatement":  # for (int i ...): i's declaration statement
        lv = {x.name for x in st[-1].loopVars}
        st = [x for x in st if not (type(x).__name__ == "VariableDeclStatement" and x.symbol.name in lv)]
    if len(st) < 2:
        return None
    s0, lp = st[-2], st[-1]
    if type(lp).__name__ != "ForLoopStatement" or type(s0).__name__ != "ExpressionStatement":
        return None
    e0 = s0.expr
    if type(e0).__name__ != "AssignmentExpression" or e0.isNonBlocking:
        return None
    v = _lhs_whole(e0.left)
    body = _stmts(lp.body)
    if v is None or len(body) != 1 or type(body[0]).__name__ != "ExpressionStatement":
        return None
    ea = body[0].expr
    if type(ea).__name__ != "AssignmentExpression" or ea.isNonBlocking or _lhs_whole(ea.left) != v:
        return None
    if write_count.get(v, 0) != 2 or len(list(lp.steps)) != 1 or lp.stopExpr is None:
        return None
    step = list(lp.steps)[0]
    lvars = list(lp.loopVars)
    if not lvars and len(list(lp.initializers)) == 1:
        init = list(lp.initializers)[0]  # integer i; for (i = 0; ...)
        if type(init).__name__ != "AssignmentExpression":
            return None
        i, init_val, wi = _lhs_whole(init.left), init.right, int(init.left.type.bitWidth or 0)
    elif len(lvars) == 1 and not list(lp.initializers) and lvars[0].initializer is not None:
        # for (int i = 0; ...): the loop's own variable
        i, init_val, wi = lvars[0].name, lvars[0].initializer, int(lvars[0].type.bitWidth or 0)
    else:
        return None
    incr = None  # i++ / ++i / i-- / --i
    if type(step).__name__ == "UnaryExpression" and _lhs_whole(step.operand) == i:
        incr = {"Postincrement": 1, "Preincrement": 1, "Postdecrement": -1, "Predecrement": -1}.get(_op(step))
        if incr is None:
            return None
    elif type(step).__name__ != "AssignmentExpression" or step.isCompound or _lhs_whole(step.left) != i:
        return None
    if i is None or i == v or wi <= 0:
        return None
    w = int(e0.left.type.bitWidth or 0)
    saved = (b.subst, b.tainted, b.nodes, dict(b.reads))
    b.subst, b.tainted = dict(b.subst), set(b.tainted)
    b.subst.pop(v, None)
    b.tainted.discard(v)
    b.tainted.add(i)
    b.nodes = []
    try:
        val = b.conv(e0.right)
        iv = b.eg.cval(b.conv(init_val))
        n = 0
        while True:
            if iv is None or n > MAX_UNROLL:
                raise Unsupported("loop bounds")
            b.subst[i] = b.mk(("const", wi, iv & mask(wi)))
            go = b.eg.cval(b._bool(lp.stopExpr))
            if go is None:
                raise Unsupported("loop condition")
            if not go:
                break
            b.subst[v] = val
            val = b.conv(ea.right)
            iv = b.eg.cval(b.conv(step.right)) if incr is None else (iv + incr) & mask(wi)
            n += 1
        if b.eg.w(val) != w:
            raise Unsupported("width")
        nodes = b.nodes
    except (Unsupported, ValueError, AssertionError, TypeError, AttributeError):
        b.subst, b.tainted, b.nodes = saved[0], saved[1], saved[2]
        b.reads = saved[3]
        return None
    b.subst, b.tainted, b.nodes = saved[0], saved[1], saved[2]
    start = an.span(s0.syntax)[0]
    end = an.span(lp.syntax)[1]
    r = Root(v, val, start, end, w, "comb", bi, mstart, nodes, stmt_end=end, stmt=an.text[start:an.span(e0.left.syntax)[1]])
    r.nameable = True
    return r


def _branch_root(b: _Builder, an, block, assigns: list, write_count: dict[str, int], bi: int,
                 mstart: int) -> Root | None:
    """A combinational block that writes one whole variable v (nowhere else) through ``if``/``case``
    (``if (s < 0) a = -s; else a = s;``): one root for v's value after the block (a mux of the values each
    branch leaves, as in a function body); a path that leaves v unassigned (a latch) means no root. The
    block's statements are rewritten together as ``v = <value>;``."""
    if not assigns or any(e is None or in_loop or e.isNonBlocking for _s, e, _t, in_loop in assigns):
        return None
    assigns = [a for a in assigns if not isinstance(a[1].left, _CondTarget)]  # conditions write nothing
    if not assigns:
        return None
    names = {_lhs_whole(e.left) for _s, e, _t, _l in assigns}
    if len(names) != 1 or None in names:
        return None
    v = names.pop()
    if write_count.get(v, 0) != len(assigns) or all(top for _s, _e, top, _l in assigns):
        return None
    st = _stmts(block.body)
    if not st or any(x.syntax is None for x in st):
        return None
    w = int(assigns[0][1].left.type.bitWidth or 0)
    saved = (b.subst, b.tainted, b.nodes, dict(b.reads))
    b.subst, b.tainted = dict(b.subst), set(b.tainted) | {v}
    b.subst.pop(v, None)
    b.nodes = []
    try:
        if b._exec(st, None) is not None:
            raise Unsupported("return")
        val = b.subst.get(v)
        if val is None or v in b.tainted or b.eg.w(val) != w:
            raise Unsupported("not assigned on every path")
        nodes = b.nodes
    except (Unsupported, ValueError, AssertionError, TypeError, AttributeError):
        val = None
    # the reads were counted once by the per-statement roots this root replaces
    b.subst, b.tainted, b.nodes, b.reads = saved[0], saved[1], saved[2], saved[3]
    if val is None:
        return None
    start, end = an.span(st[0].syntax)[0], an.span(st[-1].syntax)[1]
    r = Root(v, val, start, end, w, "comb", bi, mstart, nodes, stmt_end=end, stmt=v, writes=len(assigns))
    r.nameable = True
    return r


def _module_span(an, body) -> tuple[int, int]:
    syn = body.definition.syntax
    s, e = an.span(syn)
    end_kw = an.text.rfind("endmodule", s, e + 1)
    return s, end_kw if end_kw >= 0 else e


def _all_identifiers(text: str) -> list[str]:
    import re
    return re.findall(r"[A-Za-z_][\w$]*", text)


def _count_refs(body) -> dict[str, int]:
    out: dict[str, int] = {}

    def visit(n):
        if type(n).__name__ == "NamedValueExpression":
            # body.visit descends into child instance bodies: a child's own names are not this
            # module's nets (a net connected as .use_a(use_a) must not count the child's reads)
            sc = n.symbol.parentScope
            ci = sc.containingInstance if sc is not None else None
            if ci is not None and ci != body:
                return True
            out[n.symbol.name] = out.get(n.symbol.name, 0) + 1
        return True

    body.visit(visit)
    return out


def instance_bodies(an) -> dict[str, list]:
    """Every elaborated body of each module definition (one per instance), in elaboration order."""
    out: dict[str, list] = {}

    def scan(scope):
        for m in scope:
            k = type(m).__name__
            if k == "InstanceSymbol":
                out.setdefault(m.body.definition.name, []).append(m.body)
                scan(m.body)
            elif k in ("GenerateBlockSymbol", "GenerateBlockArraySymbol") \
                    and not getattr(m, "isUninstantiated", False):
                scan(m)

    for inst in an.root.topInstances:
        out.setdefault(inst.body.definition.name, []).append(inst.body)
        scan(inst.body)
    return out


def param_configs(bodies: list) -> tuple[list, frozenset]:
    """(one body per distinct parameter configuration, names of the parameters whose values differ)."""
    seen: dict[tuple, object] = {}
    for b in bodies:
        try:
            cfg = tuple((p.name, str(p.value)) for p in b.parameters)
        except Exception:  # noqa: BLE001 - unreadable parameters: treat each body as its own configuration
            cfg = (id(b),)
        seen.setdefault(cfg, b)
    cfgs = list(seen)
    varying = {n for i, (n, _v) in enumerate(cfgs[0]) if isinstance(n, str)
               and any(len(c) != len(cfgs[0]) or c[i] != cfgs[0][i] for c in cfgs[1:])} if len(cfgs) > 1 else set()
    return list(seen.values()), frozenset(varying)


def module_bodies(an) -> list:
    """Each module definition's body once (the first instance), skipping duplicates."""
    out, seen = [], set()

    def rec(inst):
        body = inst.body
        name = body.definition.name
        if name not in seen:
            seen.add(name)
            out.append(body)
        scan(body)

    def scan(scope):
        for m in scope:
            k = type(m).__name__
            if k == "InstanceSymbol":
                rec(m)
            elif k in ("GenerateBlockSymbol", "GenerateBlockArraySymbol") \
                    and not getattr(m, "isUninstantiated", False):  # instances inside generate
                scan(m)

    for inst in an.root.topInstances:
        rec(inst)
    return out
