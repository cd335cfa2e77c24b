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
        self._alive: list[z3.ExprRef] = []

    # ------------------------------------------------------------------ evaluation
    def bool(self, e: z3.ExprRef) -> int:
        return self._b(self.eval(e))

    def bv(self, e: z3.ExprRef) -> list[int]:
        v = self.eval(e)
        return v if isinstance(v, list) else [v]

    def eval(self, e: z3.ExprRef):
        """Masks of ``e``: an int for a Boolean, a list of ints (LSB first) for a bit-vector.

        The term is decoded once through z3's C API into a node table shared by every
        :class:`TruthTables` (FSM extraction evaluates the same shared subterms many times; the
        Python wrappers were most of its run time) and evaluated bottom-up, memoised per AST id.
        The terms evaluated are kept alive, so their ids cannot be reused while memoised."""
        key = e.get_id()
        if key in self._memo:
            return self._memo[key]
        self._alive.append(e)
        _flatten(e)
        return self.eval_node(key)

    def eval_node(self, key: int):
        """Masks of the node ``key`` of the shared node table (a subterm of a term that was
        decoded by :func:`_flatten` and is kept alive by the caller or by this table)."""
        memo = self._memo
        if key in memo:
            return memo[key]
        try:
            nodes = _NODES
            stack = [key]
            while stack:
                i = stack[-1]
                if i in memo:
                    stack.pop()
                    continue
                node = nodes[i]
                todo = [c for c in node[2] if c not in memo]
                if todo:
                    stack += todo
                    continue
                stack.pop()
                memo[i] = self._apply(node, [memo[c] for c in node[2]])
        except KeyError:  # the shared node table was cleared meanwhile (another thread)
            raise Unsupported("node table cleared") from None
        return memo[key]

    def _b(self, v) -> int:
        if isinstance(v, list):
            if len(v) != 1:
                raise Unsupported("bit-vector used as Boolean")
            return v[0]
        return v

    def _apply(self, node: tuple, a: list):  # noqa: C901 - one dispatch table
        full = self.full
        k, p = node[0], node[1]
        if k == _NUM:
            v, w = p
            return [full if (v >> b) & 1 else 0 for b in range(w)]
        if k == _VAR:
            got = self.env.get(p)
            if got is None:
                raise Unsupported(f"free variable {p}")
            return got
        if k == z3.Z3_OP_TRUE:
            return full
        if k == z3.Z3_OP_FALSE:
            return 0
        b = self._b
        if k == z3.Z3_OP_AND:
            r = full
            for x in a:
                r &= b(x)
            return r
        if k == z3.Z3_OP_OR:
            r = 0
            for x in a:
                r |= b(x)
            return r
        if k == z3.Z3_OP_NOT:
            return full & ~b(a[0])
        if k == z3.Z3_OP_XOR:
            r = 0
            for x in a:
                r ^= b(x)
            return r
        if k == z3.Z3_OP_IMPLIES:
            return (full & ~b(a[0])) | b(a[1])
        if k == z3.Z3_OP_ITE:
            c = b(a[0])
            nc = full & ~c
            t, f = a[1], a[2]
            if isinstance(t, list):
                return [(x & c) | (y & nc) for x, y in zip(t, f, strict=True)]
            return (t & c) | (f & nc)
        if k in (z3.Z3_OP_EQ, z3.Z3_OP_IFF, z3.Z3_OP_DISTINCT, z3.Z3_OP_BCOMP):
            if len(a) != 2:
                raise Unsupported("n-ary equality")
            x, y = a
            if isinstance(x, list):
                r = full
                for p_, q in zip(x, y, strict=True):
                    r &= full & ~(p_ ^ q)
            else:
                r = full & ~(x ^ y)
            if k == z3.Z3_OP_DISTINCT:
                return full & ~r
            return [r] if k == z3.Z3_OP_BCOMP else r
        if k == z3.Z3_OP_BAND:
            return self._fold(a, lambda p_, q: p_ & q)
        if k == z3.Z3_OP_BOR:
            return self._fold(a, lambda p_, q: p_ | q)
        if k == z3.Z3_OP_BXOR:
            return self._fold(a, lambda p_, q: p_ ^ q)
        if k == z3.Z3_OP_BNOT:
            return [full & ~x for x in a[0]]
        if k == z3.Z3_OP_CONCAT:
            out: list[int] = []
            for x in reversed(a):
                out += x
            return out
        if k == z3.Z3_OP_EXTRACT:
            hi, lo = p
            return a[0][lo:hi + 1]
        if k == z3.Z3_OP_ZERO_EXT:
            return a[0] + [0] * p[0]
        if k == z3.Z3_OP_SIGN_EXT:
            return a[0] + [a[0][-1]] * p[0]
        if k == z3.Z3_OP_BREDOR:
            r = 0
            for x in a[0]:
                r |= x
            return [r]
        if k == z3.Z3_OP_BREDAND:
            r = full
            for x in a[0]:
                r &= x
            return [r]
        if k == z3.Z3_OP_BADD:
            r = a[0]
            for x in a[1:]:
                r = self._add(r, x, 0)
            return r
        if k == z3.Z3_OP_BSUB:
            return self._add(a[0], [full & ~x for x in a[1]], full)
        if k == z3.Z3_OP_BNEG:
            return self._add([0] * len(a[0]), [full & ~x for x in a[0]], full)
        if k in (z3.Z3_OP_ULT, z3.Z3_OP_ULEQ, z3.Z3_OP_UGT, z3.Z3_OP_UGEQ,
                 z3.Z3_OP_SLT, z3.Z3_OP_SLEQ, z3.Z3_OP_SGT, z3.Z3_OP_SGEQ):
            x, y = a[0], a[1]
            if k in (z3.Z3_OP_UGT, z3.Z3_OP_UGEQ, z3.Z3_OP_SGT, z3.Z3_OP_SGEQ):
                x, y = y, x
            if k in (z3.Z3_OP_SLT, z3.Z3_OP_SLEQ, z3.Z3_OP_SGT, z3.Z3_OP_SGEQ):
                x = x[:-1] + [full & ~x[-1]]
                y = y[:-1] + [full & ~y[-1]]
            lt = self._ult(x, y)
            if k in (z3.Z3_OP_ULEQ, z3.Z3_OP_UGEQ, z3.Z3_OP_SLEQ, z3.Z3_OP_SGEQ):
                eq = full
                for p_, q in zip(x, y, strict=True):
                    eq &= full & ~(p_ ^ q)
                return lt | eq
            return lt
        if k == z3.Z3_OP_BMUL:  # shift-and-add, modulo 2**w (a product by a constant is common)
            r = a[0]
            for y in a[1:]:
                acc = [0] * len(r)
                for i, yb in enumerate(y):
                    if yb:
                        acc = self._add(acc, [0] * i + [xb & yb for xb in r[:len(r) - i]], 0)
                r = acc
            return r
        if k in (z3.Z3_OP_BSHL, z3.Z3_OP_BLSHR, z3.Z3_OP_BASHR):
            amount = _NODES[node[2][1]]
            if amount[0] != _NUM:  # a barrel shifter: one stage per bit of the amount
                v, w = a[0], len(a[0])
                for i, sb in enumerate(a[1]):
                    if not sb:
                        continue
                    fill = v[-1] if k == z3.Z3_OP_BASHR else 0
                    s = 1 << i
                    if s >= w:
                        sh = [fill] * w
                    elif k == z3.Z3_OP_BSHL:
                        sh = [0] * s + v[:w - s]
                    else:
                        sh = v[s:] + [fill] * s
                    ns = full & ~sb
                    v = [(x & ns) | (y & sb) for x, y in zip(v, sh, strict=True)]
                return v
            v = a[0]
            s = min(amount[1][0], len(v))
            if k == z3.Z3_OP_BSHL:
                return ([0] * s + v)[:len(v)]
            fill = v[-1] if k == z3.Z3_OP_BASHR else 0
            return v[s:] + [fill] * s
        raise Unsupported(f"operator kind {k}")

    def _fold(self, a, op):
        r = a[0]
        for x in a[1:]:
            r = [op(p, q) for p, q in zip(r, x, strict=True)]
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


class SampledTables(TruthTables):
    """The same evaluator over ``k`` sampled input assignments instead of every minterm (any number
    of input bits): bit ``j`` of a mask is the value at sample ``j``, exact there. Sample 0 sets every
    input bit to 0, sample 1 every bit to 1, the others are drawn from a fixed seed (reproducible):
    half of them with each bit 1 at probability 1/2, the rest sparse (1/8) and dense (7/8), so
    narrow guards over many bits (a counter at 0 or at all ones) are hit as well."""

    def __init__(self, vars_: list[z3.ExprRef], k: int = 256, seed: int = 1) -> None:
        import random

        rng = random.Random(seed)
        self.vars = sorted(vars_, key=lambda v: v.decl().name())
        self.bits = []
        self.env = {}
        self.n = None  # (no minterm numbering: cover() is not available)
        self.full = (1 << k) - 1
        q = k // 4
        sparse = ((1 << q) - 1) << (k // 2)  # samples [k/2, 3k/4): bits 1 at 1/8; [3k/4, k): at 7/8
        dense = ((1 << (k - k // 2 - q)) - 1) << (k // 2 + q)
        for v in self.vars:
            w = v.size() if z3.is_bv(v) else 1
            masks = []
            for b in range(w):
                r = rng.getrandbits(k)
                r = (r & ~(sparse | dense)) | (r & rng.getrandbits(k) & rng.getrandbits(k) & sparse) \
                    | ((r | rng.getrandbits(k) | rng.getrandbits(k)) & dense)
                masks.append((r & ~3) | 2)  # sample 0: all zeros, sample 1: all ones
                self.bits.append((v.decl().name(), b))
            self.env[v.decl().name()] = masks if z3.is_bv(v) else masks[0]
        self._memo = {}
        self._alive = []

    def cover(self, mask: int) -> z3.BoolRef:
        raise Unsupported("sampled tables have no minterm cover")


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


# ---------------------------------------------------------------------- shared node table
def _raw(fn):
    """The ctypes function behind a z3core wrapper (no error check per call: only valid calls are
    made here, on terms that z3 built)."""
    return fn.__defaults__[-1].f


_C_ID = _raw(z3.z3core.Z3_get_ast_id)
_C_KIND = _raw(z3.z3core.Z3_get_ast_kind)
_C_DECL = _raw(z3.z3core.Z3_get_app_decl)
_C_DKIND = _raw(z3.z3core.Z3_get_decl_kind)
_C_NARGS = _raw(z3.z3core.Z3_get_app_num_args)
_C_ARG = _raw(z3.z3core.Z3_get_app_arg)
_C_NUMSTR = _raw(z3.z3core.Z3_get_numeral_string)
_C_SORT = _raw(z3.z3core.Z3_get_sort)
_C_BVSIZE = _raw(z3.z3core.Z3_get_bv_sort_size)
_C_SKIND = _raw(z3.z3core.Z3_get_sort_kind)
_C_IPARAM = _raw(z3.z3core.Z3_get_decl_int_parameter)
_C_DNAME = _raw(z3.z3core.Z3_get_decl_name)
_C_SYMSTR = _raw(z3.z3core.Z3_get_symbol_string)

_NUM, _VAR = -1, -2
#: AST id -> (kind, payload, child ids); the terms decoded are kept alive in ``_ROOTS``
_NODES: dict[int, tuple] = {}
_ROOTS: list[z3.ExprRef] = []
_NODES_MAX = 400_000
_PARAMS = {z3.Z3_OP_EXTRACT: 2, z3.Z3_OP_ZERO_EXT: 1, z3.Z3_OP_SIGN_EXT: 1}


def _flatten(e: z3.ExprRef) -> None:
    """Decode ``e`` and its subterms into ``_NODES`` (each AST once per table lifetime)."""
    ctx = e.ctx_ref()
    root = e.as_ast()
    nodes = _NODES
    if _C_ID(ctx, root) in nodes:
        return
    if len(nodes) > _NODES_MAX:
        nodes.clear()
        _ROOTS.clear()
    _ROOTS.append(e)
    stack = [root]
    while stack:
        a = stack.pop()
        aid = _C_ID(ctx, a)
        if aid in nodes:
            continue
        kind = _C_KIND(ctx, a)
        if kind == z3.Z3_NUMERAL_AST:
            srt = _C_SORT(ctx, a)
            if _C_SKIND(ctx, srt) != z3.Z3_BV_SORT:
                raise Unsupported("numeral that is not a bit-vector")
            w = _C_BVSIZE(ctx, srt)
            nodes[aid] = (_NUM, (int(_C_NUMSTR(ctx, a)), w), ())
            continue
        if kind != z3.Z3_APP_AST:
            raise Unsupported("quantifier or variable binder")
        d = _C_DECL(ctx, a)
        k = _C_DKIND(ctx, d)
        n = _C_NARGS(ctx, a)
        if n == 0 and k == z3.Z3_OP_UNINTERPRETED:
            nodes[aid] = (_VAR, _C_SYMSTR(ctx, _C_DNAME(ctx, d)).decode(), ())
            continue
        kids = [_C_ARG(ctx, a, i) for i in range(n)]
        np_ = _PARAMS.get(k, 0)
        params = tuple(_C_IPARAM(ctx, d, i) for i in range(np_))
        nodes[aid] = (k, params, tuple(_C_ID(ctx, c) for c in kids))
        stack += kids


_SHARED: dict[tuple, TruthTables] = {}


def shared(vars_: list[z3.ExprRef]) -> TruthTables:
    """One :class:`TruthTables` per set of variables, reused across calls (its memo of subterm
    masks is what makes repeated evaluation of shared terms cheap)."""
    key = tuple(sorted((v.decl().name(), v.size() if z3.is_bv(v) else 0) for v in vars_))
    tt = _SHARED.get(key)
    if tt is None or len(tt._memo) > 200_000:
        if len(_SHARED) > 64:
            _SHARED.clear()
        tt = _SHARED[key] = TruthTables(vars_)
    return tt
