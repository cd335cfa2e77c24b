"""Guards and bit-vector semantics of expressions: when an operation is evaluated, and what a condition means.

Two pieces shared by the semantic templates (resource sharing, value ranges):

* :class:`Z3Expr` translates an elaborated pyslang expression into a z3 bit-vector term with the
  exact Verilog widths (slang has already propagated context widths and made every extension an
  explicit conversion). Anything it does not model becomes a fresh variable of the right width, so
  every fact proven over the translation holds for the real expression (an over-approximation).
* :func:`sites` walks every continuous assignment, net initializer and procedural block of the
  design and records, for every expression, its *guard*: the conjunction of conditions under which
  it is evaluated (ternary arms, ``if``/``else`` branches, ``case`` items including ``default``),
  and the names that are blocking-assigned in its block (whose value at the guard differs from the
  module-level value, so such guards and operands are not used).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import z3
from pyslang import ast

from rtlopt.templates._sem import Analysis, op_name, paren, strip


class _NoModel(Exception):
    """A function body the inliner does not model (its call becomes a free value)."""


def skey(sym) -> tuple[str, int]:
    return sym.name, int(sym.location.offset)


def _const_of(an: Analysis, node) -> int | None:
    node = strip(node)
    v = an.const(node)
    if v is not None:
        return v
    if type(node).__name__ == "NamedValueExpression" \
            and isinstance(node.symbol, (ast.ParameterSymbol, ast.EnumValueSymbol)):  # (enum members: constants)
        try:
            sv = node.eval(ast.EvalContext(an.root)).value
        except Exception:  # noqa: BLE001 - pyslang raises assorted errors on odd nodes
            return None
        if type(sv).__name__ == "SVInt" and not sv.hasUnknown:
            return int(sv)
    return None


def _resize(t, w: int, signed: bool):
    cur = t.size()
    if cur == w:
        return t
    if cur > w:
        return z3.Extract(w - 1, 0, t)
    return z3.SignExt(w - cur, t) if signed else z3.ZeroExt(w - cur, t)


def _signed(node) -> bool:
    """Whether the value :meth:`Z3Expr.bv` returns for ``node`` (its implicit conversions looked
    through) extends with its sign."""
    t = getattr(strip(node), "type", None)
    return bool(t is not None and t.isSigned)


def _width(node) -> int:
    return int(getattr(getattr(node, "type", None), "bitWidth", 0) or 0)


def _param_const(an: Analysis, node) -> int | None:
    """The value of an operator expression over parameters and literals only (``OVS/2 - 1``), as this
    elaborated copy evaluates it; None when it reads anything else or has x/z bits."""
    names: list = []

    def visit(n):
        if isinstance(n, ast.Expression):
            k = type(n).__name__
            if k == "NamedValueExpression":
                names.append(isinstance(n.symbol, (ast.ParameterSymbol, ast.EnumValueSymbol)))
            elif k not in ("BinaryExpression", "UnaryExpression", "IntegerLiteral", "UnbasedUnsizedIntegerLiteral",
                           "ConversionExpression"):
                names.append(False)
        return True

    node.visit(visit)
    if not names or not all(names):
        return None
    try:
        sv = node.eval(ast.EvalContext(an.root)).value
    except Exception:  # noqa: BLE001 - pyslang raises assorted errors on odd nodes
        return None
    if type(sv).__name__ != "SVInt" or sv.hasUnknown:
        return None
    try:
        return int(sv)
    except (TypeError, ValueError):
        return None


def _reads_keys(node, keys) -> bool:
    """Whether ``node`` names a symbol whose key is in ``keys``."""
    found: list = []

    def visit(n):
        if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression" \
                and skey(n.symbol) in keys:
            found.append(n)
        return True

    node.visit(visit)
    return bool(found)


_IDENT = re.compile(r"(?<![\w$'`])([A-Za-z_][\w$]*)")


def configurable_params(an: Analysis) -> frozenset:
    """Keys of the parameters of ``an`` a user can override (``parameter``, not ``localparam``) and of
    the localparams computed from them: what :class:`Z3Expr` reads as free with ``free_params``."""
    params = [s for s in an.symbols if isinstance(s, ast.ParameterSymbol)]
    free = {skey(s) for s in params if not s.isLocalParam}
    names = {s.name for s in params if not s.isLocalParam}
    changed = True
    while changed:
        changed = False
        for s in params:
            if skey(s) in free:
                continue
            init = str(s.syntax).split("=", 1)[1] if s.syntax is not None and "=" in str(s.syntax) else ""
            if set(_IDENT.findall(init)) & names:
                free.add(skey(s))
                names.add(s.name)
                changed = True
    return frozenset(free)


class Z3Expr:
    """pyslang expression → z3 bit-vector (width = the expression's elaborated width)."""

    def __init__(self, an: Analysis, volatile: set | None = None, rename: dict | None = None,
                 defs: dict | None = None, free_params: frozenset = frozenset()):
        self.an = an
        #: parameter keys read as free values (any configuration) instead of this copy's values, where
        #: they are data (select indices and bounds keep this copy's values: the structure is fixed)
        self.free_params = free_params
        self.volatile = volatile or set()
        self.rename = rename or {}  # symbol key -> z3 term substituted for the name
        self.defs = defs or {}  # net key -> its one continuous driver (expression), inlined
        self.see_defs = defs is not None  # drivers seen through (also of net array elements)
        self.vars: dict = {}
        self._fresh = 0
        self._depth = 0
        self._bases: list = []  # per inlined call: (rename outside it, its return variable)
        self._calls = 0  # > 0 while a function body is inlined (its expressions are not one value per text)

    def var(self, key, w: int):
        v = self.vars.get((key, w))
        if v is None:
            v = self.vars[(key, w)] = z3.BitVec(f"{key}#{w}", w)
        return v

    def fresh(self, w: int):
        self._fresh += 1
        return z3.BitVec(f"__free{self._fresh}", max(w, 1))

    def boolean(self, node):
        t = self.bv(node)
        return t != 0

    def bv(self, node):
        node = strip(node)
        w = _width(node)
        if w <= 0:
            return self.fresh(1)
        try:
            t = self._bv(node, w)
        except (z3.Z3Exception, AttributeError, TypeError, ValueError):
            t = None
        if t is None:
            info = self.an.info(node)
            t = self.var(("text", info.key), w) if info is not None and not self._calls \
                and not self._reads_volatile(node) and not _reads_genvar(node) else self.fresh(w)
        return _resize(t, w, False)

    def _reads_volatile(self, node) -> bool:
        found = []

        def visit(n):
            if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression" \
                    and skey(n.symbol) in self.volatile:
                found.append(n)
            return True

        node.visit(visit)
        return bool(found)

    def _bv(self, node, w: int):  # noqa: C901 - one dispatch over expression kinds
        kind = type(node).__name__
        if self.free_params and kind == "NamedValueExpression" and isinstance(node.symbol, ast.ParameterSymbol) \
                and skey(node.symbol) in self.free_params:
            return self.var(("param",) + skey(node.symbol), w)
        c = _const_of(self.an, node) if kind in ("IntegerLiteral", "UnbasedUnsizedIntegerLiteral",
                                                 "NamedValueExpression") else None
        if c is not None:
            return z3.BitVecVal(c & ((1 << w) - 1), w)
        if kind == "NamedValueExpression":
            k = skey(node.symbol)
            if k in self.rename:
                return _resize(self.rename[k], w, False)
            if k in self.volatile:
                return self.fresh(w)
            d = self.defs.get(k)
            if d is not None and self._depth < 16:
                self._depth += 1
                try:  # (the driver's conversion to the net's width extends by the driver's signedness)
                    return _resize(self.bv(d), w, _signed(d))
                finally:
                    self._depth -= 1
            return self.var(k, w)
        if kind == "ConversionExpression":
            op = node.operand
            return _resize(self.bv(op), w, bool(op.type.isSigned))
        if kind == "UnaryExpression":
            op = op_name(node)
            x = self.bv(node.operand)
            if op == "BitwiseNot":
                return _resize(~x, w, False)
            if op == "Minus":
                return _resize(-x, w, False)
            if op == "Plus":
                return _resize(x, w, False)
            if op == "LogicalNot":
                return z3.If(x == 0, z3.BitVecVal(1, w), z3.BitVecVal(0, w))
            red = {"BitwiseAnd": lambda: x == -1, "BitwiseNand": lambda: x != -1,
                   "BitwiseOr": lambda: x != 0, "BitwiseNor": lambda: x == 0}
            if op in red:
                return z3.If(red[op](), z3.BitVecVal(1, w), z3.BitVecVal(0, w))
            if op in ("BitwiseXor", "BitwiseXnor"):
                bits = [z3.Extract(i, i, x) for i in range(x.size())]
                r = bits[0]
                for b in bits[1:]:
                    r = r ^ b
                return _resize(r if op == "BitwiseXor" else ~r, w, False)
            return None
        if kind == "BinaryExpression":
            c = None if self.free_params and _reads_keys(node, self.free_params) \
                else _param_const(self.an, node)  # 'OVS/2 - 1' of parameters: its value (division is not modelled)
            if c is not None:
                return z3.BitVecVal(c & ((1 << w) - 1), w)
            return self._binary(node, w)
        if kind == "ConditionalExpression":
            if len(node.conditions) != 1 or node.conditions[0].pattern is not None:
                return None
            # the arms extended to the expression's width (by its signedness) before they are joined: an
            # arm seen through its implicit conversion keeps its own width (MAXB - 1 : len_in, 32 and 8 bits)
            sg = bool(node.type.isSigned)
            return z3.If(self.boolean(node.conditions[0].expr), _resize(self.bv(node.left), w, sg),
                         _resize(self.bv(node.right), w, sg))
        if kind == "ElementSelectExpression" or kind == "RangeSelectExpression":
            return self._select(node, w)
        if kind == "ConcatenationExpression":
            parts = [self.bv(o) for o in node.operands if _width(o) > 0]
            return parts[0] if len(parts) == 1 else z3.Concat(*parts) if parts else None
        if kind == "ReplicationExpression":
            n = _const_of(self.an, node.count)
            if not n:
                return None
            x = self.bv(node.concat)
            return x if n == 1 else z3.Concat(*([x] * n))
        if kind == "CallExpression":
            return self._call(node, w)
        return None

    # ------------------------------------------------------------------ user functions, inlined

    def _call(self, node, w: int):
        """A call of a user function: its body executed symbolically on the argument terms (blocking
        assignments to its own locals, ``if``/``case``, ``return``, ``for`` loops with constant bounds),
        the value of its return variable. None (a free value) for anything else: tasks, system calls,
        writes to other variables, ``while`` loops, recursion."""
        if getattr(node, "isSystemCall", False) or self._calls >= 4:
            return None
        sub = node.subroutine
        if type(sub).__name__ != "SubroutineSymbol" or not str(sub.subroutineKind).endswith("Function"):
            return None
        formals, args = list(sub.arguments), list(node.arguments)
        ret = sub.returnValVar
        if len(formals) != len(args) or ret is None or any(not str(f.direction).endswith(".In") for f in formals):
            return None
        env: dict = {}
        for f, a in zip(formals, args, strict=True):
            fw = _width(f)
            if fw <= 0:
                return None
            env[skey(f)] = _resize(self.bv(a), fw, _signed(a))
        for m in sub:
            if type(m).__name__ == "VariableSymbol" and skey(m) not in env:
                mw = _width(m)
                if mw <= 0:
                    return None
                env[skey(m)] = self.fresh(mw)  # an unassigned local (static: last call's value): any value
        if skey(ret) not in env:
            return None
        saved = self.rename
        self._calls += 1
        self._bases.append((saved, skey(ret)))
        try:
            env, _done = self._exec(sub.body, env, z3.BoolVal(False), 0)
            val = env[skey(ret)]
        except (_NoModel, RecursionError):
            return None
        finally:
            self._calls -= 1
            self._bases.pop()
            self.rename = saved
        return _resize(val, w, bool(ret.type.isSigned))

    def _eval_in(self, env: dict, node):
        self.rename = {**self._bases[-1][0], **env}
        return self.bv(node)

    def _exec(self, st, env: dict, done, steps: int):  # noqa: C901 - one dispatch over statement kinds
        """``(env, done)`` after statement ``st``; ``done``: a ``return`` was executed (later writes are void)."""
        if steps > 4096:
            raise _NoModel
        kind = type(st).__name__
        if kind == "BlockStatement":
            return self._exec(st.body, env, done, steps + 1)
        if kind == "StatementList":
            for s in st.list:
                env, done = self._exec(s, env, done, steps + 1)
            return env, done
        if kind == "EmptyStatement":
            return env, done
        if kind == "VariableDeclStatement":
            init = getattr(st.symbol, "initializer", None)
            k = skey(st.symbol)
            if k not in env:  # a block-local variable: any value until written
                if _width(st.symbol) <= 0:
                    raise _NoModel
                env = {**env, k: self.fresh(_width(st.symbol))}
            if init is not None:
                env = self._set(env, done, k, self._eval_in(env, init), _signed(init))
            return env, done
        if kind == "ExpressionStatement":
            return self._exec_expr(st.expr, env, done)
        if kind == "ReturnStatement":
            if st.expr is not None:
                env = self._set(env, done, self._bases[-1][1], self._eval_in(env, st.expr), _signed(st.expr))
            return env, z3.BoolVal(True)
        if kind == "ConditionalStatement":
            if len(st.conditions) != 1 or st.conditions[0].pattern is not None:
                raise _NoModel
            c = z3.simplify(self._eval_in(env, st.conditions[0].expr) != 0)
            return self._branch(c, st.ifTrue, st.ifFalse, env, done, steps)
        if kind == "CaseStatement":
            if not str(st.condition).endswith("Normal"):
                raise _NoModel
            sel = self._eval_in(env, st.expr)
            arms = []
            for item in st.items:
                conds = []
                for x in item.expressions:
                    v = self._eval_in(env, x)
                    m = max(v.size(), sel.size())
                    conds.append(_resize(sel, m, False) == _resize(v, m, False))
                arms.append((z3.Or(*conds) if conds else z3.BoolVal(False), item.stmt))
            return self._case(arms, st.defaultCase, env, done, steps)
        if kind == "ForLoopStatement":
            return self._for(st, env, done, steps)
        raise _NoModel

    @staticmethod
    def _set(env: dict, done, k, val, signed: bool) -> dict:
        if k not in env:
            raise _NoModel
        env = dict(env)
        val = _resize(val, env[k].size(), signed)
        env[k] = val if z3.is_false(done) else z3.simplify(z3.If(done, env[k], val))
        return env

    def _branch(self, c, then, other, env, done, steps):
        if z3.is_true(c):
            return self._exec(then, env, done, steps + 1)
        if z3.is_false(c):
            return self._exec(other, env, done, steps + 1) if other is not None else (env, done)
        et, dt = self._exec(then, env, done, steps + 1)
        ef, df = self._exec(other, env, done, steps + 1) if other is not None else (env, done)
        merged = {k: (et[k] if et[k].eq(ef[k]) else z3.If(c, et[k], ef[k])) for k in env}
        return merged, z3.simplify(z3.If(c, dt, df))

    def _case(self, arms, default, env, done, steps):
        if not arms:
            return self._exec(default, env, done, steps + 1) if default is not None else (env, done)
        (c, stmt), rest = arms[0], arms[1:]
        c = z3.simplify(c)
        if z3.is_true(c):
            return self._exec(stmt, env, done, steps + 1)
        et, dt = self._exec(stmt, env, done, steps + 1)
        ef, df = self._case(rest, default, env, done, steps + 1)
        if z3.is_false(c):
            return ef, df
        return {k: (et[k] if et[k].eq(ef[k]) else z3.If(c, et[k], ef[k])) for k in env}, z3.simplify(z3.If(c, dt, df))

    def _for(self, st, env, done, steps):
        """A ``for`` loop whose bound is a constant once unrolled (at most 256 iterations)."""
        env = dict(env)
        for v in st.loopVars:  # for (int i = 0; ...)
            k = skey(v)
            init = getattr(v, "initializer", None)
            if init is None:
                raise _NoModel
            env[k] = _resize(self._eval_in(env, init), max(_width(v), 1), _signed(init))
        for e in st.initializers:
            env, done = self._exec_expr(e, env, done)
        for _ in range(257):
            if st.stopExpr is None:
                raise _NoModel
            c = z3.simplify(self._eval_in(env, st.stopExpr) != 0)
            if z3.is_false(c):
                for v in st.loopVars:
                    env.pop(skey(v), None)
                return env, done
            if not z3.is_true(c):
                raise _NoModel
            env, done = self._exec(st.body, env, done, steps + 1)
            for e in st.steps:
                env, done = self._exec_expr(e, env, done)
            steps += 16
        raise _NoModel

    def _exec_expr(self, e, env, done):
        """An assignment (or ``i++``) to a local of the function being inlined."""
        kind = type(e).__name__
        if kind == "UnaryExpression" and op_name(e) in ("Preincrement", "Postincrement", "Predecrement",
                                                        "Postdecrement"):
            lhs = strip(e.operand)
            if type(lhs).__name__ != "NamedValueExpression" or skey(lhs.symbol) not in env:
                raise _NoModel
            k = skey(lhs.symbol)
            one = z3.BitVecVal(1, env[k].size())
            return self._set(env, done, k, env[k] + one if "increment" in op_name(e) else env[k] - one,
                             False), done
        if kind != "AssignmentExpression" or e.isCompound:
            raise _NoModel
        lhs = strip(e.left)
        if type(lhs).__name__ in ("ElementSelectExpression", "RangeSelectExpression"):
            return self._set_part(env, done, lhs, e.right), done
        if type(lhs).__name__ != "NamedValueExpression":
            raise _NoModel
        return self._set(env, done, skey(lhs.symbol), self._eval_in(env, e.right), _signed(e.right)), done

    def _set_part(self, env, done, lhs, rhs) -> dict:
        """``x[i] = v`` / ``x[h:l] = v`` / ``x[b +: w] = v`` on a local vector, the index a constant once
        the loops around it are unrolled."""
        base = strip(lhs.value)
        if type(base).__name__ != "NamedValueExpression" or skey(base.symbol) not in env:
            raise _NoModel
        t = base.type
        if not t.hasFixedRange or not t.isIntegral or t.isUnpackedArray:
            raise _NoModel
        hi, lo = int(t.fixedRange.left), int(t.fixedRange.right)
        k = skey(base.symbol)
        cur = env[k]
        if hi < lo or cur.size() % (hi - lo + 1):
            raise _NoModel
        ew = cur.size() // (hi - lo + 1)

        def idx(x):
            v = z3.simplify(self._eval_in(env, x))
            if not z3.is_bv_value(v):
                raise _NoModel
            n = v.as_signed_long() if _signed(x) else v.as_long()
            return n

        if type(lhs).__name__ == "ElementSelectExpression":
            i = idx(lhs.selector)
            low, width = (i - lo) * ew, ew
        else:
            kind = str(lhs.selectionKind)
            a, b = idx(lhs.left), idx(lhs.right)
            if kind.endswith("Simple"):
                low, width = (min(a, b) - lo) * ew, (abs(a - b) + 1) * ew
            elif kind.endswith("IndexedUp"):
                low, width = (a - lo) * ew, b * ew
            elif kind.endswith("IndexedDown"):
                low, width = (a - b + 1 - lo) * ew, b * ew
            else:
                raise _NoModel
        if low < 0 or width <= 0 or low + width > cur.size():
            raise _NoModel  # an out-of-range write does nothing in Verilog; keep it unmodelled
        v = _resize(self._eval_in(env, rhs), width, _signed(rhs))
        parts = []
        if low + width < cur.size():
            parts.append(z3.Extract(cur.size() - 1, low + width, cur))
        parts.append(v)
        if low > 0:
            parts.append(z3.Extract(low - 1, 0, cur))
        new = parts[0] if len(parts) == 1 else z3.Concat(*parts)
        return self._set(env, done, k, new, False)

    def _binary(self, node, w: int):
        op = op_name(node)
        if op in ("LogicalAnd", "LogicalOr", "LogicalImplication", "LogicalEquivalence"):
            a, b = self.boolean(node.left), self.boolean(node.right)
            r = {"LogicalAnd": z3.And(a, b), "LogicalOr": z3.Or(a, b), "LogicalImplication": z3.Implies(a, b),
                 "LogicalEquivalence": a == b}[op]
            return z3.If(r, z3.BitVecVal(1, w), z3.BitVecVal(0, w))
        a, b = self.bv(node.left), self.bv(node.right)
        if op in ("Equality", "Inequality", "CaseEquality", "CaseInequality", "LessThan", "LessThanEqual",
                  "GreaterThan", "GreaterThanEqual"):
            sg = bool(node.left.type.isSigned) and bool(node.right.type.isSigned)
            m = max(a.size(), b.size())
            a, b = _resize(a, m, sg), _resize(b, m, sg)
            if op in ("Equality", "CaseEquality"):
                r = a == b
            elif op in ("Inequality", "CaseInequality"):
                r = a != b
            elif sg:
                r = {"LessThan": a < b, "LessThanEqual": a <= b, "GreaterThan": a > b, "GreaterThanEqual": a >= b}[op]
            else:
                r = {"LessThan": z3.ULT(a, b), "LessThanEqual": z3.ULE(a, b), "GreaterThan": z3.UGT(a, b),
                     "GreaterThanEqual": z3.UGE(a, b)}[op]
            return z3.If(r, z3.BitVecVal(1, w), z3.BitVecVal(0, w))
        if op in ("LogicalShiftLeft", "ArithmeticShiftLeft", "LogicalShiftRight", "ArithmeticShiftRight"):
            # the shifted operand is context-determined: extended to the result width before the shift
            # (``s + (s >>> 2)`` in 12 bits shifts the sign-extended s, not s at its own 10 bits)
            m = max(a.size(), b.size(), w)
            sg = bool(node.left.type.isSigned)
            aa, bb = _resize(a, m, sg), _resize(b, m, False)
            if op in ("LogicalShiftLeft", "ArithmeticShiftLeft"):
                r = aa << bb
            elif op == "ArithmeticShiftRight" and sg:
                r = aa >> bb
            else:
                r = z3.LShR(aa, bb)
            return _resize(r, w, False)
        m = max(a.size(), b.size(), w)
        sg = bool(node.type.isSigned)
        a, b = _resize(a, m, sg), _resize(b, m, sg)
        r = {"Add": lambda: a + b, "Subtract": lambda: a - b, "Multiply": lambda: a * b,
             "BinaryAnd": lambda: a & b, "BinaryOr": lambda: a | b, "BinaryXor": lambda: a ^ b,
             "BinaryXnor": lambda: ~(a ^ b)}.get(op)
        if r is None:
            return None
        return _resize(r(), w, False)

    def _select(self, node, w: int):
        base = strip(node.value)
        t = base.type
        if not t.hasFixedRange:
            return None
        rng = t.fixedRange
        hi, lo = int(rng.left), int(rng.right)
        if t.isUnpackedArray and self.see_defs and type(node).__name__ == "ElementSelectExpression" \
                and type(base).__name__ == "NamedValueExpression":
            # an element of a net array with one continuous driver (``assign acc[t+1] = acc[t] + p[t]``
            # per generate iteration), seen through like a single-driver net
            i = _elab_const(node.selector)
            d = element_definitions(self.an).get((skey(base.symbol), i)) if i is not None else None
            if d is not None and self._depth < 16:
                self._depth += 1
                try:
                    return _resize(self.bv(d), w, False)
                finally:
                    self._depth -= 1
            return None
        if hi < lo:
            return None
        # Only packed integral values are bit vectors: an unpacked array (a memory) has no bit
        # width, and its element is not a slice of any one term (None: the caller's free value).
        if not t.isIntegral or t.isUnpackedArray or _width(base) <= 0:
            return None
        n = hi - lo + 1
        x = self.bv(base)
        if x.size() % n:
            return None
        ew = x.size() // n  # bits per element: 1 for a vector, the element width of a packed array
        if type(node).__name__ == "ElementSelectExpression":
            if w != ew:
                return None
            i = _const_of(self.an, node.selector)
            if i is None and self.free_params:  # an index of parameters: this copy's (free values are data only)
                i = _elab_const(node.selector)
            if i is None:
                idx = self.bv(node.selector)
                m = max(idx.size(), x.size(), (hi + 1).bit_length(), abs(lo).bit_length()) + 2
                ix = _resize(idx, m, bool(node.selector.type.isSigned))
                inside = z3.And(ix >= lo, ix <= hi)  # signed compare: m leaves the sign bit clear
                sel = z3.Extract(w - 1, 0, z3.LShR(_resize(x, m, False), (ix - lo) * ew))
                return z3.If(inside, sel, self.fresh(w))  # out of range reads x: any value
            i -= lo
            return z3.Extract((i + 1) * ew - 1, i * ew, x) if 0 <= i < n else None
        kind = str(node.selectionKind)
        if kind.endswith(("IndexedUp", "IndexedDown")):  # x[b +: n] / x[b -: n] with an elaborated constant b
            start, cnt = _elab_const(node.left), _elab_const(node.right)
            if start is None or not cnt or cnt * ew != w:
                return None
            low = (start - lo if kind.endswith("IndexedUp") else start - cnt + 1 - lo) * ew
            return z3.Extract(low + w - 1, low, x) if low >= 0 and low + w <= x.size() else None
        if not kind.endswith("Simple"):
            return None
        left, right = _const_of(self.an, node.left), _const_of(self.an, node.right)
        if left is None or right is None:  # ``x[W-1:0]``: the bounds at this copy's parameter values
            left, right = _elab_const(node.left), _elab_const(node.right)
        if left is None or right is None:
            return None
        low = (min(left, right) - lo) * ew
        return z3.Extract(low + w - 1, low, x) if low >= 0 and low + w <= x.size() else None


def _reads_genvar(node) -> bool:
    """``node`` reads a generate loop's iteration value: one text, another value per iteration (so it
    is no one variable of its text)."""
    found = []

    def visit(n):
        if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression" \
                and isinstance(n.symbol, ast.ParameterSymbol) \
                and type(getattr(n.symbol, "syntax", None)).__name__ == "IdentifierNameSyntax":
            found.append(n)
        return not found

    try:
        node.visit(visit)
    except Exception:  # noqa: BLE001 - an odd node: treat as varying
        return True
    return bool(found)


def _elab_const(node) -> int | None:
    """The elaborated value of a constant expression (genvars and parameters of its copy included)."""
    try:
        c = getattr(node, "constant", None)
        sv = getattr(c, "value", None) if c is not None else None
        if sv is not None and type(sv).__name__ == "SVInt" and not sv.hasUnknown:
            return int(sv)
    except Exception:  # noqa: BLE001 - pyslang raises assorted errors on odd nodes
        return None
    return None


def element_definitions(an: Analysis) -> dict:
    """Elements of unpacked net arrays with exactly one whole continuous driver at an elaborated constant
    index (``assign acc[t+1] = acc[t] + p[t];`` in a generate loop): ``(array key, index)`` → the driver.
    An array also driven any other way (a variable index, a slice, the whole array, an initializer) has
    none."""
    got = getattr(an, "_element_defs", None)
    if got is not None:
        return got
    out: dict = {}
    count: dict = {}
    bad: set = set()
    seen: set = set()
    for s in an.symbols:
        if isinstance(s, ast.NetSymbol) and getattr(s, "initializer", None) is not None:
            bad.add(skey(s))
        if not isinstance(s, ast.ContinuousAssignSymbol):
            continue
        a = s.assignment
        if type(a).__name__ != "AssignmentExpression":
            continue
        lhs = strip(a.left)
        kind = type(lhs).__name__
        if kind == "NamedValueExpression":
            if getattr(lhs.symbol.type, "isUnpackedArray", False):
                bad.add(skey(lhs.symbol))
            continue
        if kind not in ("ElementSelectExpression", "RangeSelectExpression"):
            continue
        base = strip(lhs.value)
        while type(base).__name__ in ("ElementSelectExpression", "RangeSelectExpression"):
            lhs, base = base, strip(base.value)  # a bit of an element: the element is not whole
            kind = "partial"
        if type(base).__name__ != "NamedValueExpression" or not getattr(base.type, "isUnpackedArray", False):
            continue
        k = skey(base.symbol)
        i = _elab_const(lhs.selector) if kind == "ElementSelectExpression" else None
        if i is None or not isinstance(base.symbol, ast.NetSymbol):
            bad.add(k)
            continue
        syn = getattr(a, "syntax", None)
        tag = (k, i, an.span(syn) if syn is not None else id(a))
        if tag in seen:  # one module body elaborated per instance: one driver
            continue
        seen.add(tag)
        out[(k, i)] = a.right
        count[(k, i)] = count.get((k, i), 0) + 1
    got = an._element_defs = {key: v for key, v in out.items() if count[key] == 1 and key[0] not in bad}
    return got


def net_definitions(an: Analysis, symbols=None) -> dict:
    """Nets with exactly one whole continuous driver (``wire w = e;`` or ``assign w = e;``) → ``e``
    (converted to the net's width), so next-state logic written in a separate wire is seen through.
    ``symbols``: only these (one elaborated copy's nets and assignments), not the whole analysis."""
    out: dict = {}
    count: dict = {}
    drivers: set = set()  # (net, driver syntax): one module's body elaborated per instance is one driver
    for s in (an.symbols if symbols is None else symbols):
        if isinstance(s, ast.NetSymbol) and getattr(s, "initializer", None) is not None:
            k = skey(s)
            syn = getattr(s.initializer, "syntax", None)
            if syn is not None and (k, an.span(syn)) in drivers:
                continue
            drivers.add((k, an.span(syn) if syn is not None else id(s)))
            out[k] = s.initializer
            count[k] = count.get(k, 0) + 1
        elif isinstance(s, ast.ContinuousAssignSymbol):
            a = s.assignment
            if type(a).__name__ != "AssignmentExpression":  # slang could not bind it (InvalidExpression)
                continue
            lhs = strip(a.left)
            # (an SV variable driven by a continuous assignment has no other driver: a net here)
            if type(lhs).__name__ == "NamedValueExpression" \
                    and isinstance(lhs.symbol, (ast.NetSymbol, ast.VariableSymbol)):
                k = skey(lhs.symbol)
                syn = getattr(a, "syntax", None)
                if syn is not None and (k, an.span(syn)) in drivers:
                    continue
                drivers.add((k, an.span(syn) if syn is not None else id(a)))
                out[k] = a.right
                count[k] = count.get(k, 0) + 1
        elif isinstance(s, ast.ProceduralBlockSymbol):
            # ``always @* x = e;`` / ``always_comb x = e;`` (one unconditional blocking write of the whole
            # variable): x is e at every instant, like a continuous assignment
            a = _comb_single_assignment(s)
            if a is not None:
                k = skey(strip(a.left).symbol)
                syn = getattr(a, "syntax", None)
                if syn is not None and (k, an.span(syn)) in drivers:
                    continue
                drivers.add((k, an.span(syn) if syn is not None else id(a)))
                out[k] = a.right
                count[k] = count.get(k, 0) + 1
    got = {k: v for k, v in out.items() if count[k] == 1}
    if symbols is None:
        for k, v in _block_local_definitions(an).items():
            got.setdefault(k, v)
    return got


def _block_local_definitions(an: Analysis) -> dict:
    """Variables declared inside a ``begin .. end`` block and written once there, by an unconditional
    blocking assignment that is a statement of that block itself (``logic [7:0] len; len = a > 15 ? 15 :
    a; ... r <= len;``), every read after that write and the value's operands not written by a blocking
    assignment of the same block: at each read the variable is the expression. (Read before the write,
    a block variable keeps its previous value: not a definition then.)"""
    decl_block: dict = {}
    for s in an.symbols:
        if type(s).__name__ != "VariableSymbol" or s.syntax is None:
            continue
        decl = s.syntax.parent
        if type(decl).__name__ == "DataDeclarationSyntax" and type(decl.parent).__name__ == "BlockStatementSyntax" \
                and s.syntax.initializer is None:
            decl_block[skey(s)] = an.span(decl.parent)
    if not decl_block:
        return {}
    writes: dict = {}
    blocking_in: dict = {}  # block span -> keys written by blocking assignments inside it
    reads_at: dict = {}
    for info in an.exprs:
        n = info.node
        kind = type(n).__name__
        if kind == "AssignmentExpression":
            lhs = strip(n.left)
            for k in reads(lhs):
                if k in decl_block:
                    writes.setdefault(k, []).append(n)
            if not n.isNonBlocking:
                for bspan in set(decl_block.values()):
                    if bspan[0] <= info.start and info.end <= bspan[1]:
                        blocking_in.setdefault(bspan, set()).update(reads(lhs))
        elif kind == "NamedValueExpression" and skey(n.symbol) in decl_block:
            reads_at.setdefault(skey(n.symbol), []).append((info.start, info.end))
    out: dict = {}
    for k, ws in writes.items():
        if len(ws) != 1:
            continue
        a = ws[0]
        lhs = strip(a.left)
        if a.isNonBlocking or a.isCompound or type(lhs).__name__ != "NamedValueExpression":
            continue
        syn = a.syntax.parent if a.syntax is not None else None
        if type(syn).__name__ != "ExpressionStatementSyntax" or syn.parent is None \
                or an.span(syn.parent) != decl_block[k]:
            continue  # not a statement of the declaring block itself (conditional or nested)
        ls, le = an.span(lhs)
        ae = an.span(a)[1]
        if any(not (s0 == ls and e0 == le) and s0 < ae for s0, e0 in reads_at.get(k, [])):
            continue  # read before (or inside) its write
        if reads(a.right) & (blocking_in.get(decl_block[k], set()) - {k}):
            continue
        out[k] = a.right
    return out


def _comb_single_assignment(block):
    """The assignment of a combinational block whose whole body is one blocking write ``x = e`` of a
    whole variable (``always_comb``, or ``always`` with ``@*``; a ``begin .. end`` of that one
    statement), else None."""
    kind = str(block.procedureKind)
    body = block.body
    if kind.endswith(".Always"):
        if type(body).__name__ != "TimedStatement" or type(body.timing).__name__ != "ImplicitEventControl":
            return None
        body = body.stmt
    elif not kind.endswith(".AlwaysComb"):
        return None
    while type(body).__name__ == "BlockStatement":
        body = body.body
    if type(body).__name__ != "ExpressionStatement":
        return None
    a = body.expr
    if type(a).__name__ != "AssignmentExpression" or a.isNonBlocking or a.isCompound:
        return None
    lhs = strip(a.left)
    if type(lhs).__name__ != "NamedValueExpression" or not isinstance(lhs.symbol, ast.VariableSymbol):
        return None
    return a


# ----------------------------------------------------------------------------------------- guards


@dataclass(frozen=True)
class Lit:
    """One conjunct of a guard: ``kind`` "cond" (``node`` true/false) or "case" (``node`` = case stmt,
    ``index`` = item index, -1 for default)."""

    kind: str
    node: object
    positive: bool = True
    index: int = 0
    key: str = ""  # text key (for identity across ops)


@dataclass
class Site:
    """An expression and the conjunction under which it is evaluated."""

    node: object
    guard: tuple[Lit, ...]
    block: object  # procedural block symbol, or None (continuous assignment / initializer)
    volatile: frozenset = field(default_factory=frozenset)
    item: tuple[int, int] = (0, 0)  # span of the enclosing module item


def _expr_children(node):
    kind = type(node).__name__
    if kind == "BinaryExpression" or kind == "AssignmentExpression":
        return [node.left, node.right]
    if kind in ("UnaryExpression", "ConversionExpression"):
        return [node.operand]
    if kind == "ConcatenationExpression":
        return list(node.operands)
    if kind == "ReplicationExpression":
        return [node.count, node.concat]
    if kind == "ElementSelectExpression":
        return [node.value, node.selector]
    if kind == "RangeSelectExpression":
        return [node.value, node.left, node.right]
    return []


def _walk_expr(node, guard, out: list, block, vol, item):
    node = strip(node)
    if node is None or not isinstance(node, ast.Expression):
        return
    out.append(Site(node, guard, block, vol, item))
    if type(node).__name__ == "ConditionalExpression":
        if len(node.conditions) == 1 and node.conditions[0].pattern is None:
            c = node.conditions[0].expr
            _walk_expr(c, guard, out, block, vol, item)
            key = _key_text(c)
            _walk_expr(node.left, guard + (Lit("cond", c, True, key=key),), out, block, vol, item)
            _walk_expr(node.right, guard + (Lit("cond", c, False, key=key),), out, block, vol, item)
        return
    if type(node).__name__ == "BinaryExpression" and op_name(node) in ("LogicalAnd", "LogicalOr") \
            and int(strip(node.left).type.bitWidth or 0) == 1:
        # ``a && b`` reads ``b`` only when ``a`` holds (``a || b`` when it does not): the right operand's
        # value matters under that guard (only the right one: both at once would not be exact)
        c = node.left
        _walk_expr(c, guard, out, block, vol, item)
        _walk_expr(node.right, guard + (Lit("cond", c, op_name(node) == "LogicalAnd", key=_key_text(c)),), out,
                   block, vol, item)
        return
    for ch in _expr_children(node):
        _walk_expr(ch, guard, out, block, vol, item)


def _key_text(node) -> str:
    syn = getattr(strip(node), "syntax", None)
    return re.sub(r"\s+", "", str(syn)) if syn is not None else str(id(node))


def blocking_targets(stmt) -> set:
    """Symbols assigned by blocking assignments (or declared / used as loop variables) in a statement."""
    out: set = set()

    def visit(n):
        if isinstance(n, ast.Expression) and type(n).__name__ == "AssignmentExpression" and not n.isNonBlocking:
            def lhs(m):
                if isinstance(m, ast.Expression) and type(m).__name__ == "NamedValueExpression":
                    out.add(skey(m.symbol))
                return True
            n.left.visit(lhs)
        elif isinstance(n, ast.Expression) and type(n).__name__ == "UnaryExpression" and op_name(n) in (
                "Preincrement", "Predecrement", "Postincrement", "Postdecrement"):
            def lhs2(m):
                if isinstance(m, ast.Expression) and type(m).__name__ == "NamedValueExpression":
                    out.add(skey(m.symbol))
                return True
            n.operand.visit(lhs2)
        elif isinstance(n, (ast.VariableSymbol,)):
            out.add(skey(n))
        return True

    stmt.visit(visit)
    return out


def _walk_stmt(an: Analysis, st, guard, out: list, block, vol, item):  # noqa: C901
    if st is None:
        return
    kind = type(st).__name__
    if kind == "TimedStatement":
        _walk_stmt(an, st.stmt, guard, out, block, vol, item)
    elif kind == "BlockStatement":
        _walk_stmt(an, st.body, guard, out, block, vol, item)
    elif kind == "StatementList":
        for s in st.list:
            _walk_stmt(an, s, guard, out, block, vol, item)
    elif kind == "ExpressionStatement":
        _walk_expr(st.expr, guard, out, block, vol, item)
    elif kind == "ConditionalStatement":
        if len(st.conditions) != 1 or st.conditions[0].pattern is not None:
            return
        c = st.conditions[0].expr
        _walk_expr(c, guard, out, block, vol, item)
        key = _key_text(c)
        _walk_stmt(an, st.ifTrue, guard + (Lit("cond", c, True, key=key),), out, block, vol, item)
        _walk_stmt(an, st.ifFalse, guard + (Lit("cond", c, False, key=key),), out, block, vol, item)
    elif kind == "CaseStatement":
        _walk_expr(st.expr, guard, out, block, vol, item)
        key = _key_text(st.expr) + "@" + str(an.span(st.syntax)[0])
        for i, it in enumerate(st.items):
            _walk_stmt(an, it.stmt, guard + (Lit("case", st, True, i, key=f"{key}#{i}"),), out, block, vol, item)
        if st.defaultCase is not None:
            _walk_stmt(an, st.defaultCase, guard + (Lit("case", st, True, -1, key=f"{key}#d"),), out, block,
                       vol, item)
    elif kind in ("ForLoopStatement", "WhileLoopStatement", "RepeatLoopStatement", "ForeverLoopStatement"):
        body = getattr(st, "body", None)
        _walk_stmt(an, body, guard, out, block, vol, item)


def _module_item_span(an: Analysis, syn) -> tuple[int, int]:
    """Span of the module member (declaration, assign, always, ...) that contains ``syn``."""
    node = syn
    while node.parent is not None and type(node.parent).__name__ != "ModuleDeclarationSyntax":
        node = node.parent
    return an.span(node)


def sites(an: Analysis) -> list[Site]:
    """Every expression of every continuous assignment, initializer and procedural block, with its guard."""
    out: list[Site] = []
    seen: set[tuple[int, int]] = set()
    for s in an.symbols:
        syn = getattr(s, "syntax", None)
        if syn is None:
            continue
        if isinstance(s, ast.ContinuousAssignSymbol):
            span = an.span(syn)
            if span in seen:
                continue
            seen.add(span)
            _walk_expr(s.assignment, (), out, None, frozenset(), _module_item_span(an, syn))
        elif isinstance(s, ast.NetSymbol) and getattr(s, "initializer", None) is not None:
            span = an.span(syn)
            if span in seen:
                continue
            seen.add(span)
            _walk_expr(s.initializer, (), out, None, frozenset(), _module_item_span(an, syn))
        elif isinstance(s, ast.SubroutineSymbol) and getattr(s, "body", None) is not None:
            # function / task bodies: guards over the formals; ``block`` is the subroutine
            span = an.span(syn)
            if span in seen:
                continue
            seen.add(span)
            vol = frozenset(blocking_targets(s.body))
            _walk_stmt(an, s.body, (), out, s, vol, _module_item_span(an, syn))
        elif isinstance(s, ast.ProceduralBlockSymbol) and s.body is not None:
            span = an.span(syn)
            if span in seen:
                continue
            seen.add(span)
            kind = str(s.procedureKind).split(".")[-1]
            if kind not in ("Always", "AlwaysComb", "AlwaysFF", "AlwaysLatch"):
                continue
            vol = frozenset(blocking_targets(s.body))
            _walk_stmt(an, s.body, (), out, s, vol, _module_item_span(an, syn))
    return out


# ------------------------------------------------------------------------------------ guard logic


def _case_label_match(an: Analysis, zx: Z3Expr, st, item):
    """z3 Bool: the case selector matches one of the item's labels (None if not modelled)."""
    sel = zx.bv(st.expr)
    cond = str(st.condition).split(".")[-1]
    terms = []
    for x in item.expressions:
        v = _const_of(an, x)
        if v is not None:
            if cond != "Normal" and cond not in ("WildcardJustZ", "WildcardXOrZ"):
                return None
            terms.append(_eq_const(sel, v, _width(x)))
            continue
        if cond in ("WildcardJustZ", "WildcardXOrZ"):
            mv = _wild(an, x)
            if mv is None:
                return None
            mask, val, lw = mv
            m = max(lw, sel.size())
            s = _resize(sel, m, False)
            terms.append(s & mask == val)
            continue
        if cond != "Normal":
            return None
        t = zx.bv(x)
        m = max(t.size(), sel.size())
        terms.append(_resize(sel, m, False) == _resize(t, m, False))
    return z3.Or(*terms) if terms else z3.BoolVal(False)


def _eq_const(sel, v: int, lw: int):
    m = max(sel.size(), lw, v.bit_length(), 1)
    return _resize(sel, m, False) == z3.BitVecVal(v, m)


def _wild(an: Analysis, x):
    """``(mask, value, width)`` of a casez/casex label literal with ``?``/``z`` bits."""
    try:
        sv = strip(x).eval(ast.EvalContext(an.root)).value
    except Exception:  # noqa: BLE001
        return None
    s = str(sv)
    m = re.fullmatch(r"(\d+)'s?b([01xzXZ?]+)", s)
    if not m:
        return None
    w, bits = int(m.group(1)), m.group(2).rjust(int(m.group(1)), "0")
    mask = val = 0
    for ch in bits:
        mask, val = mask << 1, val << 1
        if ch in "01":
            mask |= 1
            val |= int(ch)
    return mask, val, w


def lit_z3(an: Analysis, zx: Z3Expr, lit: Lit, as_text: bool = False):
    """z3 Bool of a guard literal; ``as_text``: the meaning of :func:`lit_text` (a plain ``case`` item
    is then its own label match, without the priority over earlier items)."""
    if lit.kind == "cond":
        b = zx.boolean(lit.node)
        return b if lit.positive else z3.Not(b)
    st = lit.node
    items = list(st.items)
    earlier = items if lit.index < 0 else items[:lit.index]
    if as_text and lit.index >= 0 and str(st.condition).split(".")[-1] == "Normal":
        earlier = []
    terms = []
    for it in earlier:
        m = _case_label_match(an, zx, st, it)
        if m is None:
            return z3.BoolVal(True)  # unknown: no constraint (sound)
        terms.append(z3.Not(m))
    if lit.index >= 0:
        m = _case_label_match(an, zx, st, items[lit.index])
        if m is None:
            return z3.BoolVal(True)
        terms.append(m)
    return z3.And(*terms) if terms else z3.BoolVal(True)


def guard_z3(an: Analysis, zx: Z3Expr, guard) -> object:
    return z3.And(*[lit_z3(an, zx, g) for g in guard]) if guard else z3.BoolVal(True)


def lit_text(an: Analysis, lit: Lit) -> str | None:
    """Verilog text of a guard literal (module-level expression), or None if it cannot be written."""
    if lit.kind == "cond":
        info = an.info(lit.node)
        if info is None:
            return None
        return f"({info.text.strip()})" if lit.positive else f"!{paren(info.text.strip())}"
    st = lit.node
    sel = an.info(st.expr)
    if sel is None:
        return None
    cond = str(st.condition).split(".")[-1]
    items = list(st.items)

    def match(it):
        parts = []
        for x in it.expressions:
            xi = an.info(x)
            if cond == "Normal":
                if xi is None:
                    return None
                parts.append(f"{paren(sel.text.strip())} == {paren(xi.text.strip())}")
            else:
                mv = _wild(an, x)
                if mv is None:
                    v = _const_of(an, x)
                    if v is None or xi is None:
                        return None
                    parts.append(f"{paren(sel.text.strip())} == {paren(xi.text.strip())}")
                    continue
                mask, val, w = mv
                parts.append(f"({paren(sel.text.strip())} & {w}'b{mask:0{w}b}) == {w}'b{val:0{w}b}")
        return "(" + " || ".join(parts) + ")" if parts else None

    if lit.index < 0:
        ms = [match(it) for it in items]
        if any(m is None for m in ms):
            return None
        return "!(" + " || ".join(ms) + ")" if ms else None
    own = match(items[lit.index])
    if own is None:
        return None
    if cond != "Normal":  # overlapping wildcard labels: priority matters
        prev = [match(it) for it in items[:lit.index]]
        if any(m is None for m in prev):
            return None
        if prev:
            return "(" + own + " && !(" + " || ".join(prev) + "))"
    return own


def reads(node) -> set:
    out: set = set()

    def visit(n):
        if isinstance(n, ast.Expression) and type(n).__name__ == "NamedValueExpression":
            out.add(skey(n.symbol))
        return True

    strip(node).visit(visit)
    return out


def guard_reads(guard) -> set:
    out: set = set()
    for g in guard:
        if g.kind == "cond":
            out |= reads(g.node)
        else:
            out |= reads(g.node.expr)
            items = list(g.node.items)
            for it in items:
                for x in it.expressions:
                    out |= reads(x)
    return out


def unsat(*facts, timeout_ms: int = 2000) -> bool:
    s = z3.Solver()
    s.set("timeout", timeout_ms)
    s.add(*facts)
    return s.check() == z3.unsat
