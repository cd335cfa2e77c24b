"""Bit-parallel truth tables of z3 expressions over few input bits.

Every input bit is a Python int used as a bit mask over all ``2**n`` input minterms (minterm ``m``
is bit ``m``); a Boolean expression evaluates to one mask, a bit-vector to a list of masks (LSB
first). Exact and fast for the small input spaces of state machines (``n`` up to ~14); any
operator the evaluator does not know raises :class:`Unsupported` so callers fall back to z3.
"""

from __future__ import annotations

import z3

MAX_BITS = 14


class Unsupported(Exception):
    pass


class TruthTables:
    """Evaluate expressions over the variables ``vars_`` (z3 bit-vector or Bool constants)."""

    def __init__(self, vars_: list[z3.ExprRef]) -> None:
        self.vars = sorted(vars_, key=lambda v: v.decl().name())
        self.bits: list[tuple[str, int]] = []
        self.env: dict[str, object] = {}
        n = 0
        for v in self.vars:
            w = v.size() if z3.is_bv(v) else 1
            masks = []
            for b in range(w):
                masks.append(_var_mask(n, None))
                self.bits.append((v.decl().name(), b))
                n += 1
            self.env[v.decl().name()] = masks if z3.is_bv(v) else masks[0]
        if n > MAX_BITS:
            raise Unsupported(f"{n} input bits")
        self.n = n
        self.full = (1 << (1 << n)) - 1
        for name, val in list(self.env.items()):
            if isinstance(val, list):
                self.env[name] = [_var_mask(self.bits.index((name, b)), n) for b in range(len(val))]
            else:
                self.env[name] = _var_mask(self.bits.index((name, 0)), n)
        self._memo: dict[int, object] = {}

    # ------------------------------------------------------------------ evaluation
    def bool(self, e: z3.ExprRef) -> int:
        v = self.eval(e)
        if isinstance(v, list):
            if len(v) != 1:
                raise Unsupported("bit-vector used as Boolean")
            return v[0]
        return v

    def bv(self, e: z3.ExprRef) -> list[int]:
        v = self.eval(e)
        return v if isinstance(v, list) else [v]

    def eval(self, e: z3.ExprRef):
        key = e.get_id()
        got = self._memo.get(key)
        if got is None:
            got = self._eval(e)
            self._memo[key] = got
        return got

    def _eval(self, e: z3.ExprRef):  # noqa: C901 - one dispatch table
        full = self.full
        if z3.is_bv_value(e):
            v = e.as_long()
            return [full if (v >> b) & 1 else 0 for b in range(e.size())]
        if z3.is_true(e):
            return full
        if z3.is_false(e):
            return 0
        k = e.decl().kind()
        if k == z3.Z3_OP_UNINTERPRETED and e.num_args() == 0:
            name = e.decl().name()
            if name not in self.env:
                raise Unsupported(f"free variable {name}")
            return self.env[name]
        a = e.children()
        if k == z3.Z3_OP_AND:
            r = full
            for x in a:
                r &= self.bool(x)
            return r
        if k == z3.Z3_OP_OR:
            r = 0
            for x in a:
                r |= self.bool(x)
            return r
        if k == z3.Z3_OP_NOT:
            return full & ~self.bool(a[0])
        if k == z3.Z3_OP_XOR:
            return self.bool(a[0]) ^ self.bool(a[1])
        if k == z3.Z3_OP_IMPLIES:
            return (full & ~self.bool(a[0])) | self.bool(a[1])
        if k == z3.Z3_OP_ITE:
            c = self.bool(a[0])
            nc = full & ~c
            t, f = self.eval(a[1]), self.eval(a[2])
            if isinstance(t, list):
                return [(x & c) | (y & nc) for x, y in zip(t, f, strict=True)]
            return (t & c) | (f & nc)
        if k in (z3.Z3_OP_EQ, z3.Z3_OP_IFF):
            x, y = self.eval(a[0]), self.eval(a[1])
            if isinstance(x, list):
                r = full
                for p, q in zip(x, y, strict=True):
                    r &= full & ~(p ^ q)
                return r
            return full & ~(x ^ y)
        if k == z3.Z3_OP_DISTINCT:
            if len(a) != 2:
                raise Unsupported("distinct/n")
            return full & ~self._eval(a[0] == a[1])
        if k == z3.Z3_OP_BAND:
            return self._fold(a, lambda p, q: p & q)
        if k == z3.Z3_OP_BOR:
            return self._fold(a, lambda p, q: p | q)
        if k == z3.Z3_OP_BXOR:
            return self._fold(a, lambda p, q: p ^ q)
        if k == z3.Z3_OP_BNOT:
            return [full & ~p for p in self.bv(a[0])]
        if k == z3.Z3_OP_CONCAT:
            out: list[int] = []
            for x in reversed(a):
                out += self.bv(x)
            return out
        if k == z3.Z3_OP_EXTRACT:
            hi, lo = e.params()
            return self.bv(a[0])[lo:hi + 1]
        if k == z3.Z3_OP_ZERO_EXT:
            return self.bv(a[0]) + [0] * e.params()[0]
        if k == z3.Z3_OP_SIGN_EXT:
            v = self.bv(a[0])
            return v + [v[-1]] * e.params()[0]
        if k == z3.Z3_OP_BREDOR:
            r = 0
            for p in self.bv(a[0]):
                r |= p
            return [r]
        if k == z3.Z3_OP_BREDAND:
            r = full
            for p in self.bv(a[0]):
                r &= p
            return [r]
        if k == z3.Z3_OP_BCOMP:
            return [self._eval(a[0] == a[1])]
        if k == z3.Z3_OP_BADD:
            r = self.bv(a[0])
            for x in a[1:]:
                r = self._add(r, self.bv(x), 0)
            return r
        if k == z3.Z3_OP_BSUB:
            return self._add(self.bv(a[0]), [full & ~p for p in self.bv(a[1])], full)
        if k == z3.Z3_OP_BNEG:
            v = self.bv(a[0])
            return self._add([0] * len(v), [full & ~p for p in v], full)
        if k in (z3.Z3_OP_ULT, z3.Z3_OP_ULEQ, z3.Z3_OP_UGT, z3.Z3_OP_UGEQ,
                 z3.Z3_OP_SLT, z3.Z3_OP_SLEQ, z3.Z3_OP_SGT, z3.Z3_OP_SGEQ):
            x, y = self.bv(a[0]), self.bv(a[1])
            if k in (z3.Z3_OP_UGT, z3.Z3_OP_UGEQ, z3.Z3_OP_SGT, z3.Z3_OP_SGEQ):
                x, y = y, x
            if k in (z3.Z3_OP_SLT, z3.Z3_OP_SLEQ, z3.Z3_OP_SGT, z3.Z3_OP_SGEQ):
                x = x[:-1] + [full & ~x[-1]]
                y = y[:-1] + [full & ~y[-1]]
            lt = self._ult(x, y)
            if k in (z3.Z3_OP_ULEQ, z3.Z3_OP_UGEQ, z3.Z3_OP_SLEQ, z3.Z3_OP_SGEQ):
                eq = full
                for p, q in zip(x, y, strict=True):
                    eq &= full & ~(p ^ q)
                return lt | eq
            return lt
        if k in (z3.Z3_OP_BSHL, z3.Z3_OP_BLSHR, z3.Z3_OP_BASHR) and z3.is_bv_value(a[1]):
            v = self.bv(a[0])
            s = min(a[1].as_long(), len(v))
            if k == z3.Z3_OP_BSHL:
                return ([0] * s + v)[:len(v)]
            fill = v[-1] if k == z3.Z3_OP_BASHR else 0
            return v[s:] + [fill] * s
        raise Unsupported(f"operator {e.decl().name()}")

    def _fold(self, a, op):
        r = self.bv(a[0])
        for x in a[1:]:
            r = [op(p, q) for p, q in zip(r, self.bv(x), strict=True)]
        return r

    def _add(self, x: list[int], y: list[int], cin: int) -> list[int]:
        out = []
        c = cin
        for p, q in zip(x, y, strict=True):
            out.append(p ^ q ^ c)
            c = (p & q) | (c & (p ^ q))
        return out

    def _ult(self, x: list[int], y: list[int]) -> int:
        full = self.full
        lt = 0
        for p, q in zip(x, y, strict=True):  # LSB to MSB: a higher bit decides
            bit_lt = (full & ~p) & q
            bit_eq = full & ~(p ^ q)
            lt = bit_lt | (bit_eq & lt)
        return lt

    # ------------------------------------------------------------------ back to z3
    def cover(self, mask: int) -> z3.BoolRef:
        """A z3 formula (sum of cubes over the input bits) true exactly on the minterms of ``mask``."""
        mask &= self.full
        if mask == self.full:
            return z3.BoolVal(True)
        if mask == 0:
            return z3.BoolVal(False)
        n = self.n
        cubes: list[dict[int, int]] = []
        left = mask
        while left:
            m = (left & -left).bit_length() - 1
            cube = {i: (m >> i) & 1 for i in range(n)}
            for i in range(n):  # drop literals while the cube stays inside the mask
                trial = dict(cube)
                del trial[i]
                cm = self._cube_mask(trial)
                if cm & ~mask == 0:
                    cube = trial
            cubes.append(cube)
            left &= ~self._cube_mask(cube)
        byname = {v.decl().name(): v for v in self.vars}
        terms = []
        for cube in cubes:
            lits = []
            for i, val in sorted(cube.items()):
                name, b = self.bits[i]
                v = byname[name]
                if z3.is_bv(v):
                    lits.append(z3.Extract(b, b, v) == val)
                else:
                    lits.append(v if val else z3.Not(v))
            terms.append(z3.And(*lits) if len(lits) > 1 else (lits[0] if lits else z3.BoolVal(True)))
        return terms[0] if len(terms) == 1 else z3.Or(*terms)

    def _cube_mask(self, cube: dict[int, int]) -> int:
        r = self.full
        for i, val in cube.items():
            vm = _var_mask(i, self.n)
            r &= vm if val else self.full & ~vm
        return r


_VM: dict[tuple[int, int], int] = {}


def _var_mask(i: int, n: int | None) -> int:
    """Mask of the minterms (of ``n`` variables) in which variable ``i`` is 1."""
    if n is None:
        return 0
    key = (i, n)
    got = _VM.get(key)
    if got is None:
        got = 0
        for m in range(1 << n):
            if (m >> i) & 1:
                got |= 1 << m
        _VM[key] = got
    return got
