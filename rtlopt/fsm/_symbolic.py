"""Symbolic (z3) semantics of one module's always blocks and continuous assigns.

Every procedural block and continuous assignment of a module body (pyslang elaborated AST) is
executed symbolically: combinational blocks give each written signal a z3 bit-vector expression,
clocked blocks give each register its next value. Expressions range over *free* variables: module
inputs, undriven signals and the current value of registers, each a ``z3.BitVec`` named like the
signal. Explicit ``'x`` values become fresh variables named ``__x<N>`` (don't-care). A variable that
a combinational block leaves unassigned on some path reads as ``<name>__latch`` (a latch).

Pure Python: no processes are started.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import z3
from pyslang import ast
from pyslang.syntax import SyntaxKind

X_PREFIX = "__x"
LATCH_SUFFIX = "__latch"
UNK_PREFIX = "__unk"
MAX_UNROLL = 4096
MAX_CALL_DEPTH = 16
_RET_NAME = " ret"  # frame keys that are never Verilog identifiers
_RET_FLAG = " returned"


class SymbolicError(Exception):
    """A construct the symbolic executor does not model (message names the construct)."""

    def __init__(self, message: str, offset: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass
class Signal:
    """A module-level net or variable."""

    name: str
    width: int
    direction: str | None  # "input" / "output" / "inout" / None (internal)
    is_variable: bool
    offset: int


@dataclass
class Block:
    """One always block or continuous assign."""

    kind: str  # "comb" | "clocked" | "assign" | "other"
    start: int
    end: int
    writes: set[str] = field(default_factory=set)
    reads: set[str] = field(default_factory=set)
    events: list[tuple[str, str]] = field(default_factory=list)  # (edge, signal) for clocked blocks
    values: dict[str, z3.ExprRef] = field(default_factory=dict)  # comb: final values; clocked: next values
    error: str | None = None
    error_offset: int | None = None
    nonblocking_in_comb: bool = False
    removable: str | None = None  # why the block's text cannot be replaced on its own (None: it can)
    # a net declaration's initializer (``wire w = expr;``, a continuous assign): the span is `` = expr``
    # (removing it leaves the declaration), and this is the end of the declaration statement
    decl_end: int | None = None
    soft_errors: list[tuple[str, int | None, list[str]]] = field(default_factory=list)  # (what, offset, names)
    case_selectors: list[tuple[z3.ExprRef, int, list[z3.ExprRef]]] = field(default_factory=list)


@dataclass
class ModuleSemantics:
    """The symbolic view of one module."""

    name: str
    file: str
    text: str
    signals: dict[str, Signal]
    blocks: list[Block]
    constants: dict[str, tuple[int, int]]  # parameter / enum name -> (value, width)
    constant_offsets: dict[str, int]
    xvars: list[z3.ExprRef] = field(default_factory=list)
    comb: dict[str, z3.ExprRef] = field(default_factory=dict)  # resolved comb values
    driver: dict[str, int] = field(default_factory=dict)  # signal -> index of the driving block
    memories: set[str] = field(default_factory=set)  # unpacked arrays (not modelled)
    multi_driven: set[str] = field(default_factory=set)
    unknowns: dict[str, tuple[str, int | None]] = field(default_factory=dict)  # unknown var -> (why, offset)
    port_params: set[str] = field(default_factory=set)  # parameters of the #(...) list (overridable)

    def var(self, name: str) -> z3.BitVecRef:
        return z3.BitVec(name, self.signals[name].width)

    def line(self, offset: int | None) -> int:
        if offset is None:
            return 0
        return self.text.count("\n", 0, offset) + 1

    @property
    def registers(self) -> dict[str, int]:
        return {n: i for n, i in self.driver.items() if self.blocks[i].kind == "clocked"}


def _bits_of(sv) -> list[str]:
    """LSB-first bit characters ('0','1','x','z') of a pyslang SVInt."""
    return [str(sv[i]) for i in range(sv.bitWidth)]


_CONSTS: dict[tuple[int, int], z3.BitVecRef] = {}


def bv_const(value: int, width: int) -> z3.BitVecRef:
    key = (value & ((1 << width) - 1), width)
    got = _CONSTS.get(key)
    if got is None:  # z3 terms are immutable: one wrapper per constant (BitVecVal costs ~0.1 ms)
        if len(_CONSTS) > 100_000:
            _CONSTS.clear()
        got = _CONSTS[key] = z3.BitVecVal(key[0], width)
    return got


def resize(e: z3.ExprRef, width: int, signed: bool = False) -> z3.ExprRef:
    w = e.size()
    if w == width:
        return e
    if w > width:
        return z3.Extract(width - 1, 0, e)
    return z3.SignExt(width - w, e) if signed else z3.ZeroExt(width - w, e)


def truth(e: z3.ExprRef) -> z3.BoolRef:
    if z3.is_bool(e):
        return e
    return e != bv_const(0, e.size())


def b2bv(b: z3.BoolRef) -> z3.BitVecRef:
    return z3.If(b, bv_const(1, 1), bv_const(0, 1))


class _Executor:
    """Symbolic execution over the elaborated AST of one instance body."""

    def __init__(self, body, sem: ModuleSemantics, comp_ctx) -> None:
        self.body = body
        self.sem = sem
        self.ctx = comp_ctx
        self.xcount = itertools.count()
        self.block: Block | None = None
        self.loop_depth = 0
        self.read_env: dict[str, z3.ExprRef] = {}  # the blocking view, for indices on the left
        self.frames: list[dict[str, int]] = []  # locals (name -> width) of the functions being inlined
        # locals of begin/end blocks and for loops of the procedure (SV ``for (int k ...)``,
        # ``automatic`` / static block variables): (name, declaration offset) -> environment key, a
        # name no Verilog identifier can take (so a local never aliases a module signal)
        self.blocals: dict[tuple[str, int], str] = {}
        self.local_w: dict[str, int] = {}  # environment key -> width
        self.lvref: list[z3.ExprRef] = []  # the target's value inside a compound assignment (a += b)

    # ----------------------------------------------------------------- constants
    def const_of(self, e) -> tuple[list[str], bool] | None:
        """Constant bits (LSB first) and signedness of a constant expression, else None."""
        k = e.kind
        if k in (ast.ExpressionKind.IntegerLiteral, ast.ExpressionKind.UnbasedUnsizedIntegerLiteral,
                 ast.ExpressionKind.StringLiteral):  # "A": an 8-bit-per-character integer constant
            pass
        elif k == ast.ExpressionKind.NamedValue:
            if e.symbol.kind not in (ast.SymbolKind.Parameter, ast.SymbolKind.EnumValue):
                return None
        elif k == ast.ExpressionKind.Conversion:
            inner = self.const_of(e.operand)
            if inner is None:
                return None
        else:
            return None
        try:
            cv = e.eval(self.ctx)
        except Exception:  # noqa: BLE001 - pyslang raises for non-constant expressions
            return None
        if cv is None or not cv or cv.isContainer():
            return None
        sv = cv.value
        if not hasattr(sv, "bitWidth"):
            return None
        bits = _bits_of(sv)
        width = e.type.bitWidth or len(bits)
        if len(bits) < width:
            fill = bits[-1] if (sv.isSigned and bits) else "0"
            if bits and bits[-1] in "xz" and e.kind == ast.ExpressionKind.UnbasedUnsizedIntegerLiteral:
                fill = bits[-1]
            bits = bits + [fill] * (width - len(bits))
        return bits[:width], bool(sv.isSigned)

    def bits_to_expr(self, bits: list[str]) -> z3.ExprRef:
        width = len(bits)
        known = sum(1 << i for i, b in enumerate(bits) if b == "1")
        mask = sum(1 << i for i, b in enumerate(bits) if b in "xz?")
        if not mask:
            return bv_const(known, width)
        xv = z3.BitVec(f"{X_PREFIX}{next(self.xcount)}", width)
        self.sem.xvars.append(xv)
        if mask == (1 << width) - 1:
            return xv
        return (bv_const(known, width) & bv_const(~mask, width)) | (xv & bv_const(mask, width))

    # ----------------------------------------------------------------- expressions
    def expr(self, e, env: dict[str, z3.ExprRef]) -> z3.ExprRef:
        c = self.const_of(e)
        if c is not None:
            return self.bits_to_expr(c[0])
        k = e.kind
        EK = ast.ExpressionKind
        width = e.type.bitWidth
        if k == EK.NamedValue:
            sym = e.symbol
            name = sym.name
            if sym.kind in (ast.SymbolKind.Parameter, ast.SymbolKind.EnumValue):
                raise SymbolicError(f"parameter '{name}' has no constant value", _off(e))
            if self._local(name) is not None and sym.kind in (ast.SymbolKind.FormalArgument, ast.SymbolKind.Variable):
                return env[name]
            key = self._blocal(sym)
            if key is not None:
                if key not in env:
                    raise SymbolicError(f"block variable '{name}' read outside its scope", _off(e))
                return env[key]
            if name not in self.sem.signals:
                if name in self.sem.memories:
                    raise SymbolicError(f"memory (unpacked array) '{name}'", _off(e))
                raise SymbolicError(f"reference to '{name}' (not a module-level signal)", _off(e))
            if self.block is not None:
                self.block.reads.add(name)
            if name in env:
                return env[name]
            return self.sem.var(name)
        if k == EK.Conversion:
            inner = self.expr(e.operand, env)
            if z3.is_bool(inner):
                inner = b2bv(inner)
            return resize(inner, width, bool(e.operand.type.isSigned))
        if k == EK.UnaryOp:
            return self.unary(e, env)
        if k == EK.BinaryOp:
            return self.binary(e, env)
        if k == EK.ConditionalOp:
            if len(e.conditions) != 1 or e.conditions[0].pattern is not None:
                raise SymbolicError("pattern-matching conditional expression", _off(e))
            cond = truth(self.expr(e.conditions[0].expr, env))
            a = self.expr(e.left, env)
            b = self.expr(e.right, env)
            return z3.If(cond, resize(a, width), resize(b, width))
        if k == EK.Concatenation:
            parts = [self.expr(op, env) for op in e.operands if op.type.bitWidth]
            parts = [b2bv(p) if z3.is_bool(p) else p for p in parts]
            return parts[0] if len(parts) == 1 else z3.Concat(*parts)
        if k == EK.Replication:
            # a constant count, also computed from parameters ({(W-2){1'b0}}, {($clog2(D)+1){..}})
            n = self.index(e.count, env)
            if n is None:
                n = _const_int(e.count, self.ctx)
            if n is None or n < 0:
                raise SymbolicError("replication with a non-constant count", _off(e))
            inner = self.expr(e.concat, env)
            return inner if n == 1 else z3.Concat(*([inner] * n))
        if k == EK.ElementSelect:
            base = self.expr(e.value, env)
            lo, hi, desc = _range_of(e.value.type)
            i = self.index(e.selector, env)
            if i is not None:
                pos = (i - min(lo, hi)) if desc else (max(lo, hi) - i)
                if not 0 <= pos < base.size():
                    return bv_const(0, width or 1)
                if width != 1:
                    return z3.Extract(pos * width + width - 1, pos * width, base)
                return z3.Extract(pos, pos, base)
            if width != 1:
                raise SymbolicError("variable index into an array", _off(e))
            sel = self.expr(e.selector, env)
            n = base.size()
            sw = max(sel.size(), n.bit_length() + 1)
            s = resize(sel, sw)
            off = s - bv_const(min(lo, hi), sw) if desc else bv_const(max(lo, hi), sw) - s
            shifted = z3.LShR(resize(base, max(n, sw)), resize(off, max(n, sw)))
            return z3.Extract(0, 0, shifted)
        if k == EK.RangeSelect:
            base = self.expr(e.value, env)
            lo, hi, desc = _range_of(e.value.type)
            lv = self.index(e.left, env)
            rv = self.index(e.right, env)
            if lv is None:
                raise SymbolicError("part select with a non-constant bound", _off(e))
            if e.selectionKind == ast.RangeSelectionKind.Simple:
                if rv is None:
                    raise SymbolicError("part select with a non-constant bound", _off(e))
                a, b = (lv, rv)
            else:
                if rv is None:
                    raise SymbolicError("indexed part select with a non-constant width", _off(e))
                w = rv
                a, b = (lv + w - 1, lv) if e.selectionKind == ast.RangeSelectionKind.IndexedUp else (lv, lv - w + 1)
                if not desc:
                    a, b = b, a
            if desc:
                p_hi, p_lo = a - min(lo, hi), b - min(lo, hi)
            else:
                p_hi, p_lo = max(lo, hi) - a, max(lo, hi) - b
            if p_lo < 0 or p_hi >= base.size() or p_hi < p_lo:
                raise SymbolicError("part select out of range", _off(e))
            return z3.Extract(p_hi, p_lo, base)
        if k == EK.Inside:
            left = self.expr(e.left, env)
            terms = []
            for r in e.rangeList:
                if r.kind == EK.ValueRange:
                    lo_e = resize(self.expr(r.left, env), left.size())
                    hi_e = resize(self.expr(r.right, env), left.size())
                    terms.append(z3.And(z3.UGE(left, lo_e), z3.ULE(left, hi_e)))
                else:
                    terms.append(left == resize(self.expr(r, env), left.size()))
            return b2bv(z3.Or(*terms)) if terms else bv_const(0, 1)
        if k == EK.Assignment:
            raise SymbolicError("assignment inside an expression", _off(e))
        if k == EK.Call:
            return self.call(e, env)
        if k == EK.LValueReference and self.lvref:
            return self.lvref[-1]
        raise SymbolicError(f"expression kind {k.name}", _off(e))

    def call(self, e, env: dict[str, z3.ExprRef]) -> z3.ExprRef:
        """Inline a user function: its body is executed on the argument values (a fresh frame of
        locals); module signals it reads are the caller's current values."""
        if e.isSystemCall:
            raise SymbolicError("system function call", _off(e))
        sub = e.subroutine
        if not isinstance(sub, ast.SubroutineSymbol) or sub.subroutineKind != ast.SubroutineKind.Function:
            raise SymbolicError("call of a task or method (not inlined)", _off(e))
        if len(self.frames) >= MAX_CALL_DEPTH:
            raise SymbolicError("function call nested too deeply (recursion?)", _off(e))
        formals = list(sub.arguments)
        actuals = list(e.arguments)
        if len(formals) != len(actuals) or any(f.direction != ast.ArgumentDirection.In for f in formals):
            raise SymbolicError("function with output/inout arguments or defaulted arguments (not inlined)", _off(e))
        frame: dict[str, int] = {}
        fenv = dict(env)
        for f, a in zip(formals, actuals, strict=True):
            w = f.type.bitWidth
            if not w or not f.type.isIntegral:
                raise SymbolicError(f"function argument '{f.name}' of a non-integral type", _off(e))
            v = self.expr(a, env)
            v = b2bv(v) if z3.is_bool(v) else v
            frame[f.name] = w
            fenv[f.name] = resize(v, w, bool(a.type.isSigned))
        ret = sub.returnValVar
        for m in sub:
            if m.kind == ast.SymbolKind.Variable and m.name not in frame:
                w = m.type.bitWidth
                if not w or not m.type.isIntegral:
                    raise SymbolicError(f"function local '{m.name}' of a non-integral type", _off(e))
                frame[m.name] = w
                fenv[m.name] = self._unknown(m.name, w)
        if ret is None or ret.name not in frame:
            raise SymbolicError("function without a return value", _off(e))
        frame[_RET_NAME] = ret.name  # type: ignore[assignment]
        frame[_RET_FLAG] = 1
        fenv[_RET_FLAG] = bv_const(0, 1)
        self.frames.append(frame)
        saved_read_env = self.read_env
        try:
            st = _State(fenv, {}, lambda n: fenv[n] if n in fenv else self.sem.var(n))
            st = self.run(sub.body, st)
        finally:
            self.frames.pop()
            self.read_env = saved_read_env
        out = z3.simplify(st.cur[ret.name])
        for v in z3_vars(out):
            n = v.decl().name()
            if not (n.startswith(UNK_PREFIX) and n.endswith("_" + ret.name)):
                continue
            # the initial (static) value of the result: harmless only where every path assigns it
            other = z3.BitVec(n + "_alt", v.size())
            chk = z3.Solver()
            chk.set("timeout", 5000)
            chk.add(out != z3.substitute(out, (v, other)))
            if chk.check() != z3.unsat:
                raise SymbolicError(f"function '{sub.name}' does not assign its result on every path", _off(e))
            out = z3.simplify(z3.substitute(out, (v, bv_const(0, v.size()))))
        return out

    def assign_local(self, name: str, value: z3.ExprRef, st: _State) -> None:
        value = b2bv(value) if z3.is_bool(value) else value
        st.cur[name] = resize(value, self.frames[-1][name])

    def _unknown(self, name: str, width: int) -> z3.ExprRef:
        return z3.BitVec(f"{UNK_PREFIX}{next(self.xcount)}_{name}", width)

    def _local(self, name: str) -> int | None:
        """Width of ``name`` when it is a local of the function being inlined."""
        return self.frames[-1].get(name) if self.frames else None

    def _blocal(self, sym) -> str | None:
        """Environment key of ``sym`` when it is a declared block variable of the procedure."""
        if not self.blocals or sym.kind != ast.SymbolKind.Variable:
            return None
        return self.blocals.get((sym.name, sym.location.offset))

    def local_default(self, key: str) -> z3.ExprRef:
        """Value of a block variable on a path that never declared it (outside its scope: never read)."""
        return self._unknown(key.split(" ", 1)[0], self.local_w[key])

    def declare(self, sym, st: _State, loop_var: bool = False) -> _State:
        """Execute the declaration of a block variable (a for-loop variable, a variable declared in a
        begin/end block). An ``automatic`` variable starts from its initializer (or 0 for a 2-state
        type) each time the declaration runs; a static one keeps the value it had, which on entry is
        the previous activation's: an unknown (any read of it is a dependence on state we do not
        model, so whatever reads it is not analysed)."""
        w = sym.type.bitWidth
        if not w or not sym.type.isIntegral:
            raise SymbolicError(f"block variable '{sym.name}' of a non-integral type", sym.location.offset)
        st = st.copy()
        if self.frames:  # inside an inlined function: a local of its frame
            key = sym.name
            self.frames[-1][key] = w
        else:
            key = f"{sym.name} @{sym.location.offset}"
            self.blocals[(sym.name, sym.location.offset)] = key
            self.local_w[key] = w
        automatic = loop_var or sym.lifetime == ast.VariableLifetime.Automatic
        if automatic:
            init = sym.initializer
            if init is not None:
                v = self.expr(init, st.cur)
                v = b2bv(v) if z3.is_bool(v) else v
                st.cur[key] = resize(v, w, bool(init.type.isSigned))
            elif not sym.type.isFourState:
                st.cur[key] = bv_const(0, w)
            else:
                st.cur[key] = self._unknown(sym.name, w)  # x in simulation: nothing to rely on
        elif key not in st.cur:
            u = st.cur[key] = self._unknown(sym.name, w)
            self.sem.unknowns[u.decl().name()] = (
                f"static block variable '{sym.name}' (read before written, it holds its previous value)",
                sym.location.offset)
        return st

    def unary(self, e, env) -> z3.ExprRef:
        UO = ast.UnaryOperator
        op = e.op
        v = self.expr(e.operand, env)
        if z3.is_bool(v):
            v = b2bv(v)
        width = e.type.bitWidth
        if op == UO.Plus:
            return resize(v, width)
        if op == UO.Minus:
            return -resize(v, width)
        if op == UO.BitwiseNot:
            return ~resize(v, width)
        if op == UO.LogicalNot:
            return b2bv(v == bv_const(0, v.size()))
        n = v.size()
        if op == UO.BitwiseAnd:
            return b2bv(v == bv_const(-1, n))
        if op == UO.BitwiseNand:
            return b2bv(v != bv_const(-1, n))
        if op == UO.BitwiseOr:
            return b2bv(v != bv_const(0, n))
        if op == UO.BitwiseNor:
            return b2bv(v == bv_const(0, n))
        if op in (UO.BitwiseXor, UO.BitwiseXnor):
            r = z3.Extract(0, 0, v)
            for i in range(1, n):
                r = r ^ z3.Extract(i, i, v)
            return r if op == UO.BitwiseXor else ~r
        raise SymbolicError(f"operator {op.name}", _off(e))

    def binary(self, e, env) -> z3.ExprRef:
        BO = ast.BinaryOperator
        op = e.op
        a = self.expr(e.left, env)
        b = self.expr(e.right, env)
        a = b2bv(a) if z3.is_bool(a) else a
        b = b2bv(b) if z3.is_bool(b) else b
        width = e.type.bitWidth
        signed = bool(e.left.type.isSigned and e.right.type.isSigned)
        if op in (BO.LogicalAnd, BO.LogicalOr, BO.LogicalImplication, BO.LogicalEquivalence):
            ta, tb = truth(a), truth(b)
            r = {BO.LogicalAnd: lambda: z3.And(ta, tb), BO.LogicalOr: lambda: z3.Or(ta, tb),
                 BO.LogicalImplication: lambda: z3.Implies(ta, tb), BO.LogicalEquivalence: lambda: ta == tb}[op]()
            return b2bv(r)
        if op in (BO.LogicalShiftLeft, BO.LogicalShiftRight, BO.ArithmeticShiftLeft, BO.ArithmeticShiftRight):
            a = resize(a, width, bool(e.left.type.isSigned))
            m = max(width, b.size())
            aa, bb = resize(a, m, bool(e.left.type.isSigned)), resize(b, m)
            if op in (BO.LogicalShiftLeft, BO.ArithmeticShiftLeft):
                r = aa << bb
            elif op == BO.ArithmeticShiftRight and e.left.type.isSigned:
                r = aa >> bb
            else:
                r = z3.LShR(aa, bb)
            return resize(r, width)
        if op in (BO.Equality, BO.Inequality, BO.CaseEquality, BO.CaseInequality, BO.LessThan, BO.LessThanEqual,
                  BO.GreaterThan, BO.GreaterThanEqual, BO.WildcardEquality, BO.WildcardInequality):
            m = max(a.size(), b.size())
            aa, bb = resize(a, m, signed), resize(b, m, signed)
            if op in (BO.WildcardEquality, BO.WildcardInequality):
                cb = self.const_of(e.right)
                if cb is not None:
                    care = sum(1 << i for i, ch in enumerate(cb[0]) if ch in "01")
                    r = (aa & bv_const(care, m)) == (bb & bv_const(care, m))
                else:
                    r = aa == bb
                return b2bv(r if op == BO.WildcardEquality else z3.Not(r))
            r = {BO.Equality: lambda: aa == bb, BO.CaseEquality: lambda: aa == bb,
                 BO.Inequality: lambda: aa != bb, BO.CaseInequality: lambda: aa != bb,
                 BO.LessThan: lambda: (aa < bb) if signed else z3.ULT(aa, bb),
                 BO.LessThanEqual: lambda: (aa <= bb) if signed else z3.ULE(aa, bb),
                 BO.GreaterThan: lambda: (aa > bb) if signed else z3.UGT(aa, bb),
                 BO.GreaterThanEqual: lambda: (aa >= bb) if signed else z3.UGE(aa, bb)}[op]()
            return b2bv(r)
        aa, bb = resize(a, width, bool(e.left.type.isSigned)), resize(b, width, bool(e.right.type.isSigned))
        if op == BO.Add:
            return aa + bb
        if op == BO.Subtract:
            return aa - bb
        if op == BO.Multiply:
            return aa * bb
        if op == BO.BinaryAnd:
            return aa & bb
        if op == BO.BinaryOr:
            return aa | bb
        if op == BO.BinaryXor:
            return aa ^ bb
        if op == BO.BinaryXnor:
            return ~(aa ^ bb)
        if op == BO.Divide:
            return (aa / bb) if signed else z3.UDiv(aa, bb)
        if op == BO.Mod:
            return z3.SRem(aa, bb) if signed else z3.URem(aa, bb)
        raise SymbolicError(f"operator {op.name}", _off(e))

    def index(self, e, env: dict[str, z3.ExprRef]) -> int | None:
        """A constant index (literal, parameter, or a loop variable with a known value), else None."""
        c = self.const_of(e)
        if c is not None:
            return _bits_int(c[0], signed=c[1])
        try:
            v = z3.simplify(self.expr(e, env))
        except SymbolicError:
            return None
        if not z3.is_bv_value(v):
            return None
        n = v.as_long()
        if e.type.isSigned and n >> (v.size() - 1):
            n -= 1 << v.size()
        return n

    # ----------------------------------------------------------------- lvalues
    def assign(self, lhs, value: z3.ExprRef, env: dict[str, z3.ExprRef], cur: dict[str, z3.ExprRef]) -> None:
        """Write ``value`` to ``lhs`` in ``env``; ``cur`` gives the value to splice partial writes into."""
        EK = ast.ExpressionKind
        if z3.is_bool(value):
            value = b2bv(value)
        k = lhs.kind
        if k == EK.NamedValue:
            name = lhs.symbol.name
            if self._local(name) is not None:
                env[name] = resize(value, self._local(name))
                return
            key = self._blocal(lhs.symbol)
            if key is not None:
                env[key] = resize(value, self.local_w[key])
                return
            if self.frames:
                raise SymbolicError(f"function writes module signal '{name}'", _off(lhs))
            if name not in self.sem.signals:
                if name in self.sem.memories:
                    raise SymbolicError(f"write to memory (unpacked array) '{name}'", _off(lhs))
                raise SymbolicError(f"assignment to '{name}' (not a module-level signal)", _off(lhs))
            self.block.writes.add(name)
            env[name] = resize(value, self.sem.signals[name].width)
            return
        if k == EK.Concatenation:
            pos = value.size()
            for op in lhs.operands:
                w = op.type.bitWidth
                if not w:
                    continue
                self.assign(op, z3.Extract(pos - 1, pos - w, value), env, cur)
                pos -= w
            return
        if k in (EK.ElementSelect, EK.RangeSelect):
            base_e = lhs.value
            if base_e.kind != EK.NamedValue:
                raise SymbolicError("nested select on the left of an assignment", _off(lhs))
            name = base_e.symbol.name
            local = self._local(name) is not None
            key = self._blocal(base_e.symbol) if not local else None
            if key is not None:
                name, local = key, True
            if self.frames and not local:
                raise SymbolicError(f"function writes module signal '{name}'", _off(lhs))
            if name in self.sem.memories and not local:
                raise SymbolicError(f"write to memory (unpacked array) '{name}'", _off(lhs))
            if name not in self.sem.signals and not local:
                raise SymbolicError(f"assignment to '{name}' (not a module-level signal)", _off(lhs))
            base = cur.get(name, env.get(name))
            if base is None:
                base = self.sem.var(name)
            n = base.size()
            lo, hi, desc = _range_of(base_e.type)
            if k == EK.ElementSelect:
                i = self.index(lhs.selector, self.read_env)
                if i is None:
                    raise SymbolicError("variable index on the left of an assignment", _off(lhs))
                w = lhs.type.bitWidth
                p = (i - min(lo, hi)) if desc else (max(lo, hi) - i)
                p_lo, p_hi = p * w, p * w + w - 1
            else:
                lv = self.index(lhs.left, self.read_env)
                rv = self.index(lhs.right, self.read_env)
                if lv is None or rv is None:
                    raise SymbolicError("part select with a non-constant bound", _off(lhs))
                if lhs.selectionKind == ast.RangeSelectionKind.Simple:
                    a, b = lv, rv
                elif lhs.selectionKind == ast.RangeSelectionKind.IndexedUp:
                    a, b = lv + rv - 1, lv
                else:
                    a, b = lv, lv - rv + 1
                if desc:
                    p_hi, p_lo = max(a, b) - min(lo, hi), min(a, b) - min(lo, hi)
                else:
                    p_hi, p_lo = max(lo, hi) - min(a, b), max(lo, hi) - max(a, b)
            if p_lo < 0 or p_hi >= n:
                return  # out-of-range write: no effect
            v = resize(value, p_hi - p_lo + 1)
            parts = []
            if p_hi < n - 1:
                parts.append(z3.Extract(n - 1, p_hi + 1, base))
            parts.append(v)
            if p_lo > 0:
                parts.append(z3.Extract(p_lo - 1, 0, base))
            if not local:
                self.block.writes.add(name)
            env[name] = parts[0] if len(parts) == 1 else z3.Concat(*parts)
            return
        raise SymbolicError(f"assignment target kind {k.name}", _off(lhs))

    # ----------------------------------------------------------------- statements
    def run(self, stmt, st: _State) -> _State:
        SK = ast.StatementKind
        if self.frames and _RET_FLAG in st.cur:
            # inside an inlined function: a statement after a 'return' runs only where none was taken
            flag = z3.simplify(st.cur[_RET_FLAG])
            if not (z3.is_bv_value(flag) and flag.as_long() == 0):
                if z3.is_bv_value(flag):
                    return st
                live = st.copy()
                live.cur[_RET_FLAG] = bv_const(0, 1)
                return _State.merge(flag == bv_const(1, 1), st, self.run(stmt, live))
        if self.loop_depth == 0 and stmt.kind in (SK.ExpressionStatement, SK.ForLoop, SK.RepeatLoop,
                                                  SK.ForeachLoop, SK.WhileLoop, SK.DoWhileLoop, SK.ForeverLoop):
            try:
                return self._run(stmt, st)
            except SymbolicError as exc:
                return self._soften(stmt, st, exc)
        return self._run(stmt, st)

    def _soften(self, stmt, st: _State, exc: SymbolicError) -> _State:
        """Model a statement we cannot execute as writing unknown values to everything it assigns
        (module signals, and block variables or function locals declared outside it)."""
        names: list[str] = []
        local_keys: dict[str, int] = {}

        def target(sym) -> None:
            key = self._blocal(sym)
            if key is not None:
                local_keys[key] = self.local_w[key]
            elif self._local(sym.name) is not None:
                local_keys[sym.name] = self._local(sym.name)
            elif sym.name not in names:
                names.append(sym.name)

        def visit(node) -> bool:
            if isinstance(node, ast.NamedValueExpression) and node.symbol.name in self.sem.signals:
                self.block.reads.add(node.symbol.name)
            if isinstance(node, ast.AssignmentExpression):
                lhs = node.left
                while lhs.kind in (ast.ExpressionKind.ElementSelect, ast.ExpressionKind.RangeSelect,
                                   ast.ExpressionKind.MemberAccess):
                    lhs = lhs.value
                stack = [lhs]
                while stack:
                    x = stack.pop()
                    if x.kind == ast.ExpressionKind.NamedValue:
                        target(x.symbol)
                    elif x.kind == ast.ExpressionKind.Concatenation:
                        stack.extend(x.operands)
            elif (isinstance(node, ast.UnaryExpression)
                  and node.op.name in ("Preincrement", "Predecrement", "Postincrement", "Postdecrement")
                  and node.operand.kind == ast.ExpressionKind.NamedValue):
                target(node.operand.symbol)
            return True

        try:
            stmt.visit(visit)
        except Exception:  # noqa: BLE001 - visitor failures leave the name list partial
            raise exc from None
        st = st.copy()
        for key, w in local_keys.items():
            st.cur[key] = self._unknown(key.split(" ", 1)[0], w)
        for n in names:
            if n not in self.sem.signals:
                continue
            self.block.writes.add(n)
            u = z3.BitVec(f"{UNK_PREFIX}{next(self.xcount)}_{n}", self.sem.signals[n].width)
            st.cur[n] = u
            if self.block.kind == "clocked":
                st.nxt[n] = u
        shown = names + [k.split(" ", 1)[0] for k in local_keys if k.split(" ", 1)[0] not in names]
        self.block.soft_errors.append((str(exc), exc.offset if exc.offset is not None else _off(stmt), shown))
        return st

    def _loop(self, stmt, st: _State) -> _State:
        SK = ast.StatementKind
        if stmt.kind != SK.ForLoop:
            raise SymbolicError("loop statement (only for loops are unrolled)", _off(stmt))
        self.loop_depth += 1
        try:
            for lv in stmt.loopVars:  # for (int k = 0; ...): automatic, initialized on entry
                st = self.declare(lv, st, loop_var=True)
            return self._unroll(stmt, st)
        finally:
            self.loop_depth -= 1

    def _unroll(self, stmt, st: _State) -> _State:
        for init in stmt.initializers:
            st = self._assign_expr(init, st)
        for _ in range(MAX_UNROLL):
            if stmt.stopExpr is not None:
                c = z3.simplify(truth(self.expr(stmt.stopExpr, st.cur)))
                if z3.is_false(c):
                    return st
                if not z3.is_true(c):
                    raise SymbolicError("loop with a non-constant bound", _off(stmt))
            st = self.run(stmt.body, st)
            for step in stmt.steps:
                st = self._assign_expr(step, st)
        raise SymbolicError(f"loop with more than {MAX_UNROLL} iterations", _off(stmt))

    def _assign_expr(self, e, st: _State) -> _State:
        """Execute an assignment or ++/-- expression used as a statement (loop init/step)."""
        if e.kind == ast.ExpressionKind.UnaryOp and e.op.name in ("Preincrement", "Predecrement",
                                                                  "Postincrement", "Postdecrement"):
            v = self.expr(e.operand, st.cur)
            one = bv_const(1, v.size())
            nv = v + one if "incr" in e.op.name else v - one
            return self._blocking_write(e.operand, nv, st)
        if e.kind != ast.ExpressionKind.Assignment or e.isNonBlocking:
            raise SymbolicError(f"loop control expression {e.kind.name}", _off(e))
        return self._blocking_write(e.left, self._rhs(e, st), st)

    def _rhs(self, e, st: _State) -> z3.ExprRef:
        """The value an assignment writes; in a compound one (``a += b``) the right side reads the
        target's current value through an lvalue reference."""
        if not e.isCompound:
            return self.expr(e.right, st.cur)
        self.lvref.append(self.expr(e.left, st.cur))
        try:
            return self.expr(e.right, st.cur)
        finally:
            self.lvref.pop()

    def _blocking_write(self, target, value, st: _State) -> _State:
        """A blocking write of a loop variable: visible at once, and the register's next value in a clocked block."""
        self.read_env = st.cur
        st = st.copy()
        self.assign(target, value, st.cur, st.cur)
        if self.block.kind == "clocked" and not self.frames:
            self.assign(target, value, st.nxt, st.cur)
        return st

    def _run(self, stmt, st: _State) -> _State:
        SK = ast.StatementKind
        k = stmt.kind
        if k == SK.Empty:
            return st
        if k == SK.List:
            for s in stmt.list:
                st = self.run(s, st)
            return st
        if k == SK.Block:
            return self.run(stmt.body, st)
        if k == SK.VariableDeclaration:
            return self.declare(stmt.symbol, st)
        if k == SK.Return and self.frames:
            if stmt.expr is None:
                raise SymbolicError("return without a value", _off(stmt))
            rv = self.expr(stmt.expr, st.cur)
            st = st.copy()
            self.assign_local(self.frames[-1][_RET_NAME], rv, st)
            st.cur[_RET_FLAG] = bv_const(1, 1)
            return st
        if k == SK.Timed:
            return self.run(stmt.stmt, st)
        if k == SK.ExpressionStatement:
            e = stmt.expr
            if e.kind == ast.ExpressionKind.UnaryOp:
                return self._assign_expr(e, st)
            if e.kind != ast.ExpressionKind.Assignment:
                raise SymbolicError(f"expression statement {e.kind.name}", _off(stmt))
            if e.timingControl is not None:
                raise SymbolicError("intra-assignment delay", _off(stmt))
            rhs = self._rhs(e, st)
            self.read_env = st.cur
            st = st.copy()
            if e.isNonBlocking:
                if self.frames:
                    raise SymbolicError("non-blocking assignment in a function", _off(stmt))
                if self.block.kind != "clocked":
                    self.block.nonblocking_in_comb = True
                self.assign(e.left, rhs, st.nxt, st.nxt)
            else:
                self.assign(e.left, rhs, st.cur, st.cur)
                if self.block.kind == "clocked" and not self.frames:
                    self.assign(e.left, rhs, st.nxt, st.cur)
            return st
        if k == SK.Conditional:
            if len(stmt.conditions) != 1 or stmt.conditions[0].pattern is not None:
                raise SymbolicError("pattern-matching if", _off(stmt))
            cond = truth(self.expr(stmt.conditions[0].expr, st.cur))
            t = self.run(stmt.ifTrue, st)
            f = self.run(stmt.ifFalse, st) if stmt.ifFalse is not None else st
            return _State.merge(cond, t, f)
        if k == SK.Case:
            return self.case(stmt, st)
        if k in (SK.ForLoop, SK.RepeatLoop, SK.ForeachLoop, SK.WhileLoop, SK.DoWhileLoop, SK.ForeverLoop):
            return self._loop(stmt, st)
        if k in (SK.ImmediateAssertion, SK.ConcurrentAssertion):
            return st
        raise SymbolicError(f"statement kind {k.name}", _off(stmt))

    def case(self, stmt, st: _State) -> _State:
        CC = ast.CaseStatementCondition
        cond_kind = stmt.condition
        if cond_kind not in (CC.Normal, CC.WildcardJustZ, CC.WildcardXOrZ, CC.Inside):
            raise SymbolicError(f"case kind {cond_kind.name}", _off(stmt))
        sel = self.expr(stmt.expr, st.cur)
        sel = b2bv(sel) if z3.is_bool(sel) else sel
        item_exprs: list[z3.ExprRef] = []
        conds = []
        for item in stmt.items:
            terms = []
            for ie in item.expressions:
                c = self.const_of(ie)
                if cond_kind == CC.Inside and ie.kind == ast.ExpressionKind.ValueRange:
                    lo_e = self.expr(ie.left, st.cur)
                    hi_e = self.expr(ie.right, st.cur)
                    m = max(sel.size(), lo_e.size(), hi_e.size())
                    terms.append(z3.And(z3.UGE(resize(sel, m), resize(lo_e, m)),
                                        z3.ULE(resize(sel, m), resize(hi_e, m))))
                    continue
                if c is not None:
                    bits = c[0]
                    m = max(sel.size(), len(bits))
                    bits = bits + ["0"] * (m - len(bits))
                    wild = "z?" if cond_kind == CC.WildcardJustZ else "xz?" if cond_kind in (CC.WildcardXOrZ, CC.Inside) else ""
                    care = sum(1 << i for i, ch in enumerate(bits) if ch not in wild)
                    val = sum(1 << i for i, ch in enumerate(bits) if ch == "1")
                    if any(ch in "xz" for i, ch in enumerate(bits) if care >> i & 1):
                        terms.append(z3.BoolVal(False))  # an x/z bit a 2-state value never matches
                        continue
                    s = resize(sel, m)
                    terms.append((s & bv_const(care, m)) == bv_const(val & care, m))
                    item_exprs.append(bv_const(val, m))
                else:
                    v = self.expr(ie, st.cur)
                    v = b2bv(v) if z3.is_bool(v) else v
                    m = max(sel.size(), v.size())
                    terms.append(resize(sel, m) == resize(v, m))
                    item_exprs.append(v)
            conds.append(z3.Or(*terms) if terms else z3.BoolVal(False))
        self.block.case_selectors.append((sel, _off(stmt), item_exprs))
        out = self.run(stmt.defaultCase, st) if stmt.defaultCase is not None else st
        for item, c in reversed(list(zip(stmt.items, conds, strict=True))):
            out = _State.merge(c, self.run(item.stmt, st), out)
        return out


@dataclass
class _State:
    cur: dict[str, z3.ExprRef]
    nxt: dict[str, z3.ExprRef]
    dflt: object  # callable(name) -> value of a signal not yet written in this block

    def copy(self) -> _State:
        return _State(dict(self.cur), dict(self.nxt), self.dflt)

    @staticmethod
    def merge(cond: z3.BoolRef, t: _State, f: _State) -> _State:
        def mrg(a: dict, b: dict) -> dict:
            out = {}
            for key in set(a) | set(b):
                va = a.get(key)
                vb = b.get(key)
                va = t.dflt(key) if va is None else va
                vb = f.dflt(key) if vb is None else vb
                out[key] = va if va.eq(vb) else z3.If(cond, va, vb)
            return out
        return _State(mrg(t.cur, f.cur), mrg(t.nxt, f.nxt), t.dflt)


def _off(node) -> int | None:
    try:
        return node.sourceRange.start.offset
    except Exception:  # noqa: BLE001
        return None


def _const_int(e, ctx) -> int | None:
    """The value of a constant integer expression (pyslang's evaluation), else None."""
    try:
        cv = e.eval(ctx)
        if cv is None or not cv or cv.isContainer() or not hasattr(cv.value, "bitWidth"):
            return None
        bits = _bits_of(cv.value)
        return None if any(b not in "01" for b in bits) else _bits_int(bits, bool(cv.value.isSigned))
    except Exception:  # noqa: BLE001 - pyslang raises for non-constant expressions
        return None


def _bits_int(bits: list[str], signed: bool = False) -> int:
    v = sum(1 << i for i, b in enumerate(bits) if b == "1")
    if signed and bits and bits[-1] == "1":
        v -= 1 << len(bits)
    return v


def _range_of(t) -> tuple[int, int, bool]:
    """(left, right, descending) of a packed type's outer range; (w-1, 0) when unknown."""
    try:
        if t.hasFixedRange:
            r = t.fixedRange
            return r.left, r.right, r.left >= r.right
    except Exception:  # noqa: BLE001
        pass
    w = t.bitWidth or 1
    return w - 1, 0, True


def analyze_body(body, name: str, file: str, text: str) -> ModuleSemantics:
    """Build the symbolic semantics of an instance body (pyslang InstanceBodySymbol)."""
    SKD = ast.SymbolKind
    signals: dict[str, Signal] = {}
    constants: dict[str, tuple[int, int]] = {}
    const_off: dict[str, int] = {}
    port_params: set[str] = set()
    directions: dict[str, str] = {}
    memories: set[str] = set()
    members = list(body)
    for m in members:
        if m.kind == SKD.Port:
            directions[m.name] = {"In": "input", "Out": "output", "InOut": "inout"}.get(m.direction.name, "inout")
    ctx = ast.EvalContext(body)

    def add_const(sym) -> None:
        try:
            sv = sym.value.value
            bits = _bits_of(sv)
        except Exception:  # noqa: BLE001
            return
        if any(b in "xz" for b in bits):
            return
        constants[sym.name] = (_bits_int(bits), len(bits))
        const_off[sym.name] = sym.location.offset
        if getattr(sym, "isPortParam", False):
            port_params.add(sym.name)

    for m in members:
        if m.kind in (SKD.Net, SKD.Variable):
            w = m.type.bitWidth
            if not w or not m.type.isIntegral:
                memories.add(m.name)
                continue
            signals[m.name] = Signal(m.name, w, directions.get(m.name), m.kind == SKD.Variable, m.location.offset)
        elif m.kind == SKD.Parameter:
            add_const(m)
        elif m.kind == SKD.TransparentMember and m.wrapped.kind == SKD.EnumValue:
            add_const(m.wrapped)
    sem = ModuleSemantics(name, file, text, signals, [], constants, const_off, port_params=port_params)
    sem.memories = memories
    ex = _Executor(body, sem, ctx)
    for m in members:
        blk = None
        if m.kind == SKD.ProceduralBlock:
            syn = m.syntax
            blk = Block("other", syn.sourceRange.start.offset, syn.sourceRange.end.offset)
            _run_procedure(ex, m, blk)
        elif m.kind == SKD.ContinuousAssign:
            syn = m.syntax
            par = getattr(syn, "parent", None)
            if par is not None and par.kind == SyntaxKind.ContinuousAssign:
                blk = Block("assign", par.sourceRange.start.offset, par.sourceRange.end.offset)
                n_asg = sum(1 for x in par.assignments if getattr(x, "kind", None) == SyntaxKind.AssignmentExpression)
                if n_asg != 1:
                    blk.removable = "continuous assign statement with several assignments"
            else:
                blk = Block("assign", syn.sourceRange.start.offset, syn.sourceRange.end.offset)
                blk.removable = "assignment inside a larger statement"
            ex.block = blk
            try:
                a = m.assignment
                st = _State({}, {}, lambda n: sem.var(n))
                rhs = ex.expr(a.right, st.cur)
                ex.assign(a.left, rhs, st.cur, st.cur)
                blk.values = st.cur
            except SymbolicError as exc:
                blk.error, blk.error_offset = str(exc), exc.offset
        elif m.kind in (SKD.Net,) and getattr(m, "initializer", None) is not None and m.name in signals:
            blk = _net_initializer_block(m, text)
            ex.block = blk
            try:
                v = ex.expr(m.initializer, {})
                blk.values = {m.name: resize(b2bv(v) if z3.is_bool(v) else v, signals[m.name].width)}
                blk.writes.add(m.name)
            except SymbolicError as exc:
                blk.error, blk.error_offset = str(exc), exc.offset
        elif m.kind == SKD.Instance:
            # a submodule instance reads what its ports are connected to: a state register (or a
            # word computed from it) handed to a child is observable there, so the machine must
            # not treat it as internal (its states would look equivalent)
            blk = Block("instance", m.location.offset, m.location.offset)
            blk.reads = _instance_reads(m, signals)
        if blk is not None:
            sem.blocks.append(blk)
    ex.block = None
    for i, blk in enumerate(sem.blocks):
        for w in blk.writes:
            if w in sem.driver and sem.driver[w] != i:
                sem.multi_driven.add(w)
            sem.driver.setdefault(w, i)
    _resolve_comb(sem)
    return sem


def _net_initializer_block(net, text: str) -> Block:
    """The block of ``wire w = expr;``: a continuous assign whose text is the `` = expr`` part of the
    declarator (dropping it leaves ``wire w;``, which the regenerated logic then drives)."""
    syn = getattr(net, "syntax", None)
    ini = getattr(syn, "initializer", None)
    par = getattr(syn, "parent", None)
    if ini is not None and par is not None and par.kind == SyntaxKind.NetDeclaration:
        a, b = ini.sourceRange.start.offset, ini.sourceRange.end.offset
        end = par.sourceRange.end.offset
        if 0 < a < b <= end <= len(text) and text[a] == "=" and text[end - 1] == ";":
            while a > 0 and text[a - 1] in " \t":
                a -= 1
            blk = Block("assign", a, b)
            blk.decl_end = end
            return blk
    blk = Block("assign", net.location.offset, net.location.offset)
    blk.removable = f"net declaration with an initializer ({net.name})"
    return blk


def _instance_reads(inst, signals: dict) -> set[str]:
    """Names of this module's signals read by the port connections of the instance ``inst``."""
    names: set[str] = set()

    def visit(n):
        if isinstance(n, ast.NamedValueExpression) and n.symbol.name in signals:
            names.add(n.symbol.name)
        return ast.VisitAction.Advance

    try:
        for pc in inst.portConnections:
            e = pc.expression
            if e is not None:
                e.visit(visit)
    except Exception:  # noqa: BLE001 - an unreadable connection: every signal counts as read
        names = set(signals)
    return names


def _run_procedure(ex: _Executor, proc, blk: Block) -> None:
    PK = ast.ProceduralBlockKind
    kind = proc.procedureKind
    stmt = proc.body
    ex.block = blk
    if kind in (PK.Initial, PK.Final):
        blk.kind = "other"
        return
    events: list[tuple[str, str]] = []
    if stmt.kind == ast.StatementKind.Timed:
        tc = stmt.timing
        TK = ast.TimingControlKind
        evs = []
        if tc.kind == TK.EventList:
            evs = list(tc.events)
        elif tc.kind == TK.SignalEvent:
            evs = [tc]
        elif tc.kind != TK.ImplicitEvent:
            blk.error, blk.error_offset = f"timing control {tc.kind.name}", _off(stmt)
            return
        for ev in evs:
            edge = ev.edge.name
            if ev.expr.kind != ast.ExpressionKind.NamedValue:
                blk.error, blk.error_offset = "event on an expression", _off(ev)
                return
            events.append((edge, ev.expr.symbol.name))
        body = stmt.stmt
    else:
        body = stmt
    edges = [e for e in events if e[0] in ("PosEdge", "NegEdge")]
    if kind == PK.AlwaysFF or edges:
        if len(edges) != len(events):
            blk.error, blk.error_offset = "mix of edge and level events", _off(stmt)
            return
        blk.kind = "clocked"
        blk.events = [("posedge" if e == "PosEdge" else "negedge", s) for e, s in edges]
    elif kind in (PK.AlwaysComb, PK.AlwaysLatch) or kind == PK.Always:
        blk.kind = "comb"
    else:
        return
    sem = ex.sem
    if blk.kind == "clocked":
        def dflt(name: str) -> z3.ExprRef:
            if name not in sem.signals:  # a block variable on a path outside its scope
                return ex.local_default(name)
            return sem.var(name)
    else:
        def dflt(name: str) -> z3.ExprRef:
            if name not in sem.signals:
                return ex.local_default(name)
            return z3.BitVec(name + LATCH_SUFFIX, sem.signals[name].width)
    try:
        st = ex.run(body, _State({}, {}, dflt))
    except SymbolicError as exc:
        blk.error, blk.error_offset = str(exc), exc.offset
        return
    if blk.kind == "clocked":
        blk.values = {w: st.nxt.get(w, sem.var(w)) for w in blk.writes}
    else:
        blk.values = {w: st.cur.get(w, dflt(w)) for w in blk.writes}


def _resolve_comb(sem: ModuleSemantics) -> None:
    """Substitute combinational signals into every block's values (fixpoint, cycle-safe)."""
    comb_names = [n for n, i in sem.driver.items()
                  if sem.blocks[i].kind in ("comb", "assign") and sem.blocks[i].error is None
                  and n not in sem.multi_driven]
    resolved: dict[str, z3.ExprRef] = {}
    visiting: set[str] = set()

    def resolve(name: str) -> z3.ExprRef:
        if name in resolved:
            return resolved[name]
        blk = sem.blocks[sem.driver[name]]
        raw = blk.values.get(name)
        if raw is None or name in visiting:
            return sem.var(name)
        visiting.add(name)
        subs = []
        for v in z3_vars(raw):
            vn = v.decl().name()
            if vn in comb_set and vn != name:
                subs.append((v, resolve(vn)))
        visiting.discard(name)
        val = z3.substitute(raw, *subs) if subs else raw
        resolved[name] = val
        return val

    comb_set = set(comb_names)
    for n in comb_names:
        resolve(n)
    sem.comb = resolved
    # substitute into clocked next values and case selectors
    pairs = [(sem.var(n), v) for n, v in resolved.items() if not v.eq(sem.var(n))]
    for blk in sem.blocks:
        if blk.kind == "clocked" and blk.error is None and pairs:
            blk.values = {k: z3.substitute(v, *pairs) for k, v in blk.values.items()}
        if pairs:
            blk.case_selectors = [(z3.substitute(s, *pairs), o, [z3.substitute(i, *pairs) for i in its])
                                  for s, o, its in blk.case_selectors]


_VARS_MEMO: dict[int, tuple[z3.ExprRef, tuple[int, ...]]] = {}
_VAR_OF: dict[int, z3.ExprRef] = {}
_MEMO_MAX = 200_000


def _var_ids(e: z3.ExprRef) -> tuple[int, ...]:
    """AST ids of the variables under ``e`` (memoised per sub-DAG with the raw z3 C API: the Python
    wrappers cost ~50x more per node, and FSM extraction walks the same shared expressions often)."""
    from rtlopt.fsm import _truth as T

    memo = _VARS_MEMO
    if len(memo) > _MEMO_MAX:
        memo.clear()
        _VAR_OF.clear()
        _VAR_NAME.clear()
    eid = e.get_id()
    hit = memo.get(eid)
    if hit is not None:
        return hit[1]
    ctx = e.ctx_ref()
    gid, gkind, gdecl, gdkind, gnargs, garg = T._C_ID, T._C_KIND, T._C_DECL, T._C_DKIND, T._C_NARGS, T._C_ARG
    local: dict[int, tuple[int, ...]] = {}
    # iterative post-order over raw ASTs; sub-DAGs memoised by an earlier call are reused
    stack: list[tuple[object, bool]] = [(e.as_ast(), False)]
    app_kind = z3.Z3_APP_AST
    while stack:
        a, done = stack.pop()
        aid = gid(ctx, a)
        if aid in local:
            continue
        h = memo.get(aid)
        if h is not None:
            local[aid] = h[1]
            continue
        kind = gkind(ctx, a)
        if kind != app_kind:
            if kind == z3.Z3_QUANTIFIER_AST:
                body = _quant_body(ctx, a)
                if not done:
                    stack.append((a, True))
                    stack.append((body, False))
                    continue
                local[aid] = local.get(gid(ctx, body), ())
            else:
                local[aid] = ()
            continue
        n = gnargs(ctx, a)
        if n == 0:
            if gdkind(ctx, gdecl(ctx, a)) == z3.Z3_OP_UNINTERPRETED:
                local[aid] = (aid,)
                if aid not in _VAR_OF:
                    _VAR_OF[aid] = z3.z3._to_expr_ref(a, e.ctx)
            else:
                local[aid] = ()
            continue
        args = [garg(ctx, a, i) for i in range(n)]
        if not done:
            stack.append((a, True))
            for b in args:
                bid = gid(ctx, b)
                if bid not in local:
                    h = memo.get(bid)
                    if h is not None:
                        local[bid] = h[1]
                    else:
                        stack.append((b, False))
            continue
        acc: set[int] = set()
        for b in args:
            acc.update(local.get(gid(ctx, b), ()))
        local[aid] = tuple(sorted(acc))
    res = local[eid]
    # every subterm's answer is kept (alive as long as the root, which is kept with its answer;
    # the table is only ever cleared as a whole)
    for i, r in local.items():
        if i not in memo:
            memo[i] = (None, r)
    memo[eid] = (e, res)
    return res


def _quant_body(ctx, a):
    from z3 import z3core as C

    return C.Z3_get_quantifier_body(ctx, a)


def z3_vars(e: z3.ExprRef) -> list[z3.ExprRef]:
    """Uninterpreted constants (variables) in ``e``."""
    return [_VAR_OF[i] for i in _var_ids(e)]


_VAR_NAME: dict[int, str] = {}


def var_names(e: z3.ExprRef) -> set[str]:
    out = set()
    for i in _var_ids(e):
        nm = _VAR_NAME.get(i)
        if nm is None:  # keyed by the id of a variable kept alive in _VAR_OF
            if len(_VAR_NAME) > _MEMO_MAX:
                _VAR_NAME.clear()
            nm = _VAR_NAME[i] = _VAR_OF[i].decl().name()
        out.add(nm)
    return out
