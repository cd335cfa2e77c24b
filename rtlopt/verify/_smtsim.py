"""Bit-parallel random simulation of a parsed SMT miter (:class:`rtlopt.verify._smt.SmtMiter`).

The miter's transition relation is a conjunction ``next_k(s0) == |M#k|(s1)`` (Yosys ``write_smt2``):
each state element's next value as an expression over the current state. :class:`MiterSim` compiles
those expressions (and the initial-value, assumption and candidate formulas) once into a flat
program and runs it on numpy arrays, one lane per random trace, from the initial states.

Used to *drop* candidate invariants that some simulated state violates before the z3 filters
(BMC and Houdini) see them. Dropping a candidate is always sound (the proof checks whatever is
kept), so a simulation shortcut can cost completeness at worst, never soundness; lanes whose
initial state or inputs violate the miter's constraints are not used. And to *suggest* a trace
where the outputs differ, deeper than the BMC goes (:meth:`MiterSim.find_difference`): only z3
confirming the trace on the miter gives a verdict (``rtlopt.verify._smt._deep_difference``).
"""

from __future__ import annotations

import time
import warnings

import numpy as np
import z3

from rtlopt.verify import _lanes


class Unsupported(Exception):
    """The miter uses something the simulator does not model (arrays, signed division, ...)."""


def _mask(w: int):
    return np.uint64((1 << w) - 1) if w <= 64 else (1 << w) - 1


def _width(e: z3.ExprRef) -> int:
    if z3.is_bool(e):
        return 0
    if z3.is_bv(e):
        return e.size()
    raise Unsupported(f"sort {e.sort()}")


def _as_obj(x):
    if isinstance(x, np.ndarray):
        return x.astype(object) if x.dtype != object else x
    return int(x)


def _as_u64(x):
    if isinstance(x, np.ndarray):
        return x.astype(np.uint64) if x.dtype != np.uint64 else x
    return np.uint64(int(x))


def _fit(x, w: int):
    """Representation for width ``w``: uint64 up to 64 bits, Python ints (object arrays) above."""
    return _as_u64(x) if w <= 64 else _as_obj(x)


def _sh(w: int, b):
    """A shift amount for width ``w`` values (uint64 scalars/arrays or Python ints)."""
    return _as_u64(b) if w <= 64 else _as_obj(b)


class _Program:
    """Expressions compiled to a topologically sorted list of numpy operations."""

    def __init__(self, roots: list[z3.ExprRef], s0: z3.ExprRef, max_nodes: int = 100_000,
                 deadline: float | None = None) -> None:
        self.ops: list[tuple] = []
        self.leaves: dict[str, int] = {}  # function name -> slot (apps f(s0))
        self.leaf_width: dict[str, int] = {}
        self.leaf_decl: dict[str, z3.FuncDeclRef] = {}
        index: dict[int, int] = {}
        s0_id = s0.get_id()
        stack: list[tuple[z3.ExprRef, bool]] = [(r, False) for r in reversed(roots)]
        while stack:
            e, ready = stack.pop()
            eid = e.get_id()
            if eid in index:
                continue
            if not z3.is_app(e):
                raise Unsupported("quantifier or variable")
            d = e.decl()
            k = d.kind()
            if k == z3.Z3_OP_UNINTERPRETED:
                if e.num_args() != 1 or e.arg(0).get_id() != s0_id:
                    raise Unsupported(f"function {d.name()} not over the current state")
                name = d.name()
                w = _width(e)
                if name not in self.leaves:
                    self.leaves[name] = len(self.ops)
                    self.leaf_width[name] = w
                    self.leaf_decl[name] = d
                    self.ops.append(("leaf", (), name, w))
                index[eid] = self.leaves[name]
                continue
            args = e.children()
            if not ready:
                stack.append((e, True))
                for a in reversed(args):
                    if a.get_id() not in index:
                        stack.append((a, False))
                continue
            if len(self.ops) > max_nodes:
                raise Unsupported("too many nodes")
            if len(self.ops) % 512 == 0 and (deadline is not None and time.monotonic() > deadline
                                             or _lanes.stopped()):
                raise Unsupported("time limit while compiling")
            params = tuple(d.params())
            if k == z3.Z3_OP_BNUM:
                op = ("const", (), _fit(e.as_long(), e.size()), e.size())
            elif k in (z3.Z3_OP_TRUE, z3.Z3_OP_FALSE):
                op = ("const", (), np.bool_(k == z3.Z3_OP_TRUE), 0)
            else:
                if k not in _OPS:
                    raise Unsupported(f"operator {d.name()}")
                op = (k, tuple(index[a.get_id()] for a in args),
                      (params, [_width(a) for a in args]), _width(e))
            index[eid] = len(self.ops)
            self.ops.append(op)
        self.roots = [index[r.get_id()] for r in roots]

    def run(self, env: dict[str, object], n: int) -> list:
        vals: list = [None] * len(self.ops)
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            for i, (k, args, p, w) in enumerate(self.ops):
                if i % 512 == 0 and _lanes.stopped():  # another proof lane decided (see _lanes)
                    raise Unsupported("stopped")
                if k == "leaf":
                    v = env.get(p)
                    if v is None:
                        raise Unsupported(f"no value for {p}")
                    vals[i] = v
                elif k == "const":
                    vals[i] = p
                else:
                    vals[i] = _OPS[k]([vals[a] for a in args], p, w)
        out = []
        for r in self.roots:
            v = vals[r]
            if not isinstance(v, np.ndarray) or v.shape != (n,):
                v = np.broadcast_to(np.asarray(v), (n,)).copy()
            out.append(v)
        return out


def _bool(v):
    return np.asarray(v, dtype=bool) if not isinstance(v, np.ndarray) or v.dtype != bool else v


def _nary(f):
    def op(a, p, w):
        acc = a[0]
        for x in a[1:]:
            acc = f(acc, x)
        return acc
    return op


def _arith(f):
    def op(a, p, w):
        m = _mask(w)
        acc = _fit(a[0], w)
        for x in a[1:]:
            acc = f(acc, _fit(x, w)) & m
        return acc & m
    return op


def _concat(a, p, w):
    ws = p[1]
    acc = _fit(a[0], w)
    for x, xw in zip(a[1:], ws[1:], strict=True):
        acc = (acc << _sh(w, xw)) | _fit(x, w)
    return acc


def _extract(a, p, w):
    hi, lo = p[0]
    iw = p[1][0]
    x = _fit(a[0], iw)
    if iw > 64:
        return _fit((x >> lo) & ((1 << w) - 1), w)
    return (x >> np.uint64(lo)) & _mask(w)


def _repeat(a, p, w):
    iw = p[1][0]
    x, acc = _fit(a[0], w), _fit(0, w)
    for _ in range(w // iw):
        acc = (acc << _sh(w, iw)) | x
    return acc


def _zext(a, p, w):
    return _fit(a[0], w)


def _sext(a, p, w):
    iw = p[1][0]
    x = _fit(a[0], w)
    sign = (x >> _sh(w, iw - 1)) & _fit(1, w)
    fill = _fit(((1 << w) - 1) ^ ((1 << iw) - 1), w)
    return x | (sign * fill)


def _cmp(f, signed=False):
    def op(a, p, w):
        iw = p[1][0]
        x, y = a
        if signed:
            sb = _fit(1 << (iw - 1), iw)
            x, y = _fit(x, iw) ^ sb, _fit(y, iw) ^ sb
        return _bool(f(x, y))
    return op


def _eq(a, p, w):
    x, y = a
    if p[1][0]:
        return _bool(_fit(x, p[1][0]) == _fit(y, p[1][0]))
    return _bool(x) == _bool(y)


def _distinct(a, p, w):
    if len(a) != 2:
        raise Unsupported("distinct of more than two")
    return ~_eq(a, p, w)


def _ite(a, p, w):
    c, x, y = a
    if w == 0:
        return np.where(_bool(c), _bool(x), _bool(y))
    r = np.where(_bool(c), x, y)
    return _fit(r, w)


def _shift(kind):
    def op(a, p, w):
        x, b = _fit(a[0], w), _fit(a[1], w)
        big = b >= _fit(w, w)
        bc = np.where(big, _fit(w - 1, w), b)
        bc = _fit(bc, w)
        m = _mask(w)
        if kind == "shl":
            r = np.where(big, _fit(0, w), (x << bc) & m)
        elif kind == "lshr":
            r = np.where(big, _fit(0, w), x >> bc)
        else:
            sign = (x >> _fit(w - 1, w)) & _fit(1, w)
            pos = x >> bc
            neg = (~((~x & m) >> bc)) & m
            r = np.where(sign.astype(bool) if isinstance(sign, np.ndarray) else bool(sign), neg, pos)
        return _fit(r, w)
    return op


def _udiv(a, p, w):
    x, y = _fit(a[0], w), _fit(a[1], w)
    z = y == _fit(0, w)
    safe = _fit(np.where(z, _fit(1, w), y), w)
    return _fit(np.where(z, _mask(w), x // safe), w)


def _urem(a, p, w):
    x, y = _fit(a[0], w), _fit(a[1], w)
    z = y == _fit(0, w)
    safe = _fit(np.where(z, _fit(1, w), y), w)
    return _fit(np.where(z, x, x % safe), w)


def _redor(a, p, w):
    return _fit(np.where(a[0] != _fit(0, p[1][0]), _fit(1, 1), _fit(0, 1)), 1)


def _redand(a, p, w):
    return _fit(np.where(_fit(a[0], p[1][0]) == _mask(p[1][0]), _fit(1, 1), _fit(0, 1)), 1)


def _bcomp(a, p, w):
    return _fit(np.where(_fit(a[0], p[1][0]) == _fit(a[1], p[1][0]), _fit(1, 1), _fit(0, 1)), 1)


def _bnot(a, p, w):
    return (~_fit(a[0], w)) & _mask(w)


_OPS = {
    z3.Z3_OP_AND: lambda a, p, w: _nary(lambda x, y: _bool(x) & _bool(y))(a, p, w),
    z3.Z3_OP_OR: lambda a, p, w: _nary(lambda x, y: _bool(x) | _bool(y))(a, p, w),
    z3.Z3_OP_XOR: lambda a, p, w: _nary(lambda x, y: _bool(x) ^ _bool(y))(a, p, w),
    z3.Z3_OP_NOT: lambda a, p, w: ~_bool(a[0]),
    z3.Z3_OP_IMPLIES: lambda a, p, w: ~_bool(a[0]) | _bool(a[1]),
    z3.Z3_OP_IFF: lambda a, p, w: _bool(a[0]) == _bool(a[1]),
    z3.Z3_OP_EQ: _eq,
    z3.Z3_OP_DISTINCT: _distinct,
    z3.Z3_OP_ITE: _ite,
    z3.Z3_OP_BADD: _arith(lambda x, y: x + y),
    z3.Z3_OP_BSUB: _arith(lambda x, y: x - y),
    z3.Z3_OP_BMUL: _arith(lambda x, y: x * y),
    z3.Z3_OP_BNEG: lambda a, p, w: (_fit(0, w) - _fit(a[0], w)) & _mask(w),
    z3.Z3_OP_BAND: _arith(lambda x, y: x & y),
    z3.Z3_OP_BOR: _arith(lambda x, y: x | y),
    z3.Z3_OP_BXOR: _arith(lambda x, y: x ^ y),
    z3.Z3_OP_BNOT: _bnot,
    z3.Z3_OP_BNAND: lambda a, p, w: _bnot([_arith(lambda x, y: x & y)(a, p, w)], p, w),
    z3.Z3_OP_BNOR: lambda a, p, w: _bnot([_arith(lambda x, y: x | y)(a, p, w)], p, w),
    z3.Z3_OP_BXNOR: lambda a, p, w: _bnot([_arith(lambda x, y: x ^ y)(a, p, w)], p, w),
    z3.Z3_OP_CONCAT: _concat,
    z3.Z3_OP_EXTRACT: _extract,
    z3.Z3_OP_ZERO_EXT: _zext,
    z3.Z3_OP_REPEAT: _repeat,
    z3.Z3_OP_SIGN_EXT: _sext,
    z3.Z3_OP_ULEQ: _cmp(lambda x, y: x <= y),
    z3.Z3_OP_ULT: _cmp(lambda x, y: x < y),
    z3.Z3_OP_UGEQ: _cmp(lambda x, y: x >= y),
    z3.Z3_OP_UGT: _cmp(lambda x, y: x > y),
    z3.Z3_OP_SLEQ: _cmp(lambda x, y: x <= y, True),
    z3.Z3_OP_SLT: _cmp(lambda x, y: x < y, True),
    z3.Z3_OP_SGEQ: _cmp(lambda x, y: x >= y, True),
    z3.Z3_OP_SGT: _cmp(lambda x, y: x > y, True),
    z3.Z3_OP_BSHL: _shift("shl"),
    z3.Z3_OP_BLSHR: _shift("lshr"),
    z3.Z3_OP_BASHR: _shift("ashr"),
    z3.Z3_OP_BUDIV: _udiv,
    z3.Z3_OP_BUDIV_I: _udiv,
    z3.Z3_OP_BUREM: _urem,
    z3.Z3_OP_BUREM_I: _urem,
    z3.Z3_OP_BREDOR: _redor,
    z3.Z3_OP_BREDAND: _redand,
    z3.Z3_OP_BCOMP: _bcomp,
}


def _full(w: int) -> int:
    return (1 << w) - 1


def _init_bits(c: z3.ExprRef, out: dict[str, tuple[int, int]]) -> None:
    """Record in ``out`` the bits an initial-state conjunct ``c`` fixes: ``Extract(hi, lo, r) == K`` or
    ``(Extract(hi, lo, r) == K) == True/False`` (the latter on one bit only). Anything else: nothing
    (the init program still checks every lane, so a missed or odd form costs lanes, never soundness)."""
    if not z3.is_eq(c):
        return
    a, b = c.arg(0), c.arg(1)
    positive = True
    if z3.is_true(b) or z3.is_false(b):
        if not z3.is_eq(a):
            return
        positive = z3.is_true(b)
        a, b = a.arg(0), a.arg(1)
    if not z3.is_bv_value(b):
        a, b = b, a
    if not (z3.is_bv_value(b) and z3.is_app(a) and a.decl().kind() == z3.Z3_OP_EXTRACT):
        return
    hi, lo = a.params()
    f = a.arg(0)
    if not (z3.is_app(f) and f.decl().kind() == z3.Z3_OP_UNINTERPRETED):
        return
    k = b.as_long()
    if not positive:
        if hi != lo:
            return
        k ^= 1
    m = _full(hi - lo + 1) << lo
    om, ov = out.get(f.decl().name(), (0, 0))
    if (ov ^ (k << lo)) & om & m:
        return  # contradicting fields: leave the lanes to the init program
    out[f.decl().name()] = (om | m, (ov & ~m) | (k << lo))


def _conjuncts(e: z3.ExprRef) -> list[z3.ExprRef]:
    out, stack = [], [e]
    while stack:
        x = stack.pop()
        if z3.is_and(x):
            stack.extend(x.children())
        else:
            out.append(x)
    return out


def _random(rng: np.random.Generator, w: int, n: int, mode: np.ndarray | None = None):
    """Random values of width ``w`` (0: Bool) for ``n`` lanes; 1-bit values follow a per-lane bias."""
    if w == 0 or w == 1:
        p = mode if mode is not None else np.full(n, 0.5)
        bits = rng.random(n) < p
        return bits if w == 0 else bits.astype(np.uint64)
    if w <= 64:
        hi = rng.integers(0, 1 << 32, n, dtype=np.uint64) << np.uint64(32)
        v = (hi | rng.integers(0, 1 << 32, n, dtype=np.uint64)) & _mask(w)
        # some lanes get small values (counters, indices and bounds live near 0)
        small = rng.random(n) < 0.25
        return np.where(small, v & np.uint64(min((1 << w) - 1, 7)), v)
    return np.array([int(rng.integers(0, 1 << 62)) << (w - 62) ^ int(rng.integers(0, 1 << 62))
                     for _ in range(n)], dtype=object) & ((1 << w) - 1)


#: Values (lanes x cycles x inputs) at most that :meth:`MiterSim.find_difference` keeps to replay a lane.
SEEN_VALUES = 2_000_000


class MiterSim:
    """Random traces of the miter from its initial states (see the module docstring)."""

    def __init__(self, sm, max_nodes: int = 100_000, deadline: float | None = None) -> None:
        self.sm = sm
        s0, s1 = sm.s0, sm.s1
        self.next: dict[str, z3.ExprRef] = {}
        self.decls: dict[str, z3.FuncDeclRef] = {}  # state element or input name -> its function of the state
        s1_id = s1.get_id()
        other = []
        for c in _conjuncts(sm.trans):
            if z3.is_true(c):
                continue
            if z3.is_eq(c):
                a, b = c.arg(0), c.arg(1)
                for lhs, rhs in ((b, a), (a, b)):
                    if z3.is_app(lhs) and lhs.decl().kind() == z3.Z3_OP_UNINTERPRETED and lhs.num_args() == 1 \
                            and lhs.arg(0).get_id() == s1_id and lhs.decl().name() not in self.next:
                        self.next[lhs.decl().name()] = rhs
                        self.decls[lhs.decl().name()] = lhs.decl()
                        break
                else:
                    other.append(c)
                continue
            other.append(c)
        if other:
            raise Unsupported("transition constraints other than next-state equalities")
        isi = sm.is_init
        if not (z3.is_app(isi) and isi.decl().kind() == z3.Z3_OP_UNINTERPRETED):
            raise Unsupported("initial-state flag is not a plain function")
        self.is_init_name = isi.decl().name()
        self.init_fixed: dict[str, int] = {}
        # registers whose initial value is given bit field by bit field (x-propagated gold registers:
        # ``Extract(14, 0, r) == 32767``, ``(Extract(15, 15, r) == 1) == True``): name -> (mask, value);
        # random start values satisfy them by chance only (2^-15), which left no valid lane at all
        self.init_bits: dict[str, tuple[int, int]] = {}
        for c in _conjuncts(sm.init):
            if z3.is_eq(c):
                for f, v in ((c.arg(0), c.arg(1)), (c.arg(1), c.arg(0))):
                    if z3.is_app(f) and f.decl().kind() == z3.Z3_OP_UNINTERPRETED and \
                            (z3.is_bv_value(v) or z3.is_true(v) or z3.is_false(v)):
                        self.init_fixed[f.decl().name()] = v.as_long() if z3.is_bv_value(v) else int(z3.is_true(v))
                        break
                    if _concat_init(f, v, self.init_fixed):
                        break
                else:
                    _init_bits(c, self.init_bits)
        names = list(self.next)
        self.step_prog = _Program([sm.assume, *[self.next[n] for n in names]], s0, max_nodes, deadline)
        self.init_prog = _Program([sm.init], s0, max_nodes, deadline)
        self.names = names
        self.widths: dict[str, int] = {}
        for prog in (self.step_prog, self.init_prog):
            self.widths.update(prog.leaf_width)
            for k, d in prog.leaf_decl.items():
                self.decls.setdefault(k, d)
        for n in names:
            self.widths.setdefault(n, _width(self.next[n]))
        self.free = [n for n in self.widths if n not in self.next and n != self.is_init_name]

    def _start(self, rng: np.random.Generator, n: int) -> dict[str, object]:
        """Start values of the state elements for ``n`` lanes: the fixed initial values, random elsewhere."""
        state: dict[str, object] = {}
        for name in self.names:
            w = self.widths[name]
            if name in self.init_fixed:
                v = self.init_fixed[name]
                state[name] = np.full(n, bool(v)) if w == 0 else np.full(n, v, dtype=np.uint64 if w <= 64 else object)
            else:
                state[name] = _random(rng, w, n)
                if name in self.init_bits and w:
                    m, v = self.init_bits[name]
                    x = state[name]
                    state[name] = (x & np.uint64(_full(w) ^ m)) | np.uint64(v) if w <= 64 else \
                        np.array([(int(a) & (_full(w) ^ m)) | v for a in x], dtype=object)
        return state

    def traces(self, n: int, cycles: int, seconds: float, seed: int = 1) -> list[dict[str, np.ndarray]]:
        """Per cycle, the leaf values (state and inputs) of the lanes that are valid so far (only those)."""
        t_end = time.monotonic() + seconds
        rng = np.random.default_rng(seed)
        bias = {name: rng.choice(np.array([0.05, 0.5, 0.95]), n) for name in self.free
                if self.widths[name] <= 1}
        state = self._start(rng, n)
        valid = np.ones(n, dtype=bool)
        out: list[dict[str, np.ndarray]] = []
        for t in range(cycles):
            if time.monotonic() > t_end:
                break
            env = dict(state)
            env[self.is_init_name] = np.full(n, t == 0)
            for name in self.free:
                env[name] = _random(rng, self.widths[name], n, bias.get(name))
            res = self.step_prog.run(env, n)
            if t == 0:
                valid &= _bool(self.init_prog.run(env, n)[0])
            ok = _bool(res[0])
            for _ in range(6):  # resample the inputs of lanes that violate the assumptions
                bad = valid & ~ok
                if not bad.any():
                    break
                for name in self.free:
                    env[name] = np.where(bad, _random(rng, self.widths[name], n, bias.get(name)), env[name])
                    if self.widths[name] > 64:
                        env[name] = env[name].astype(object)
                res2 = self.step_prog.run(env, n)
                res = [np.where(bad, r2, r1) for r1, r2 in zip(res, res2, strict=True)]
                ok = _bool(res[0])
            valid &= ok
            if not valid.any():
                break
            out.append({k: np.asarray(v)[valid] for k, v in env.items()})
            state = {name: _fit(res[1 + i], self.widths[name]) if self.widths[name] else _bool(res[1 + i])
                     for i, name in enumerate(self.names)}
        return out

    def find_difference(self, trigger: z3.ExprRef, n: int, cycles: int, seconds: float,
                        seed: int = 1) -> tuple[int, dict[str, int], list[dict[str, int]]] | None:
        """Long random traces that watch ``trigger`` (the miter's "outputs differ"): the first lane
        where it holds, as (its cycle k, its start state, its free values -- inputs -- in cycles 0..k),
        or None. Each 1-bit input keeps a per-lane bias of 0, 2 %, 50 %, 98 % or 100 %, so some lanes
        hold a reset, enable or strobe still for hundreds of cycles (a timer that must run out twice
        before the designs disagree). A hit is only a suggestion: the caller confirms it with z3."""
        t_end = time.monotonic() + seconds
        names = self.names
        prog = _Program([self.sm.assume, trigger, *[self.next[k] for k in names]], self.sm.s0,
                        deadline=t_end)
        for k, d in prog.leaf_decl.items():
            self.decls.setdefault(k, d)
            self.widths.setdefault(k, prog.leaf_width[k])
        free = [k for k in self.widths if k not in self.next and k != self.is_init_name]
        n = max(16, min(n, SEEN_VALUES // max(1, len(free) * cycles)))  # the inputs seen are kept
        rng = np.random.default_rng(seed)
        bias = {k: rng.choice(np.array([0.0, 0.02, 0.5, 0.98, 1.0]), n) for k in free if self.widths[k] <= 1}
        state = self._start(rng, n)
        start = dict(state)
        valid = np.ones(n, dtype=bool)
        seen: list[dict[str, object]] = []  # per cycle, the free values of every lane
        for t in range(cycles):
            if time.monotonic() > t_end or _lanes.stopped():
                return None
            env = dict(state)
            env[self.is_init_name] = np.full(n, t == 0)
            for k in free:
                env[k] = _random(rng, self.widths[k], n, bias.get(k))
            res = prog.run(env, n)
            if t == 0:
                valid &= _bool(self.init_prog.run(env, n)[0])
            valid &= _bool(res[0])  # a lane that violates an assumption is dropped (no resampling)
            if not valid.any():
                return None
            seen.append({k: env[k] for k in free})
            hit = np.flatnonzero(valid & _bool(res[1]))
            if hit.size:
                lane = int(hit[0])
                return (t, {k: int(np.asarray(v)[lane]) for k, v in start.items()},
                        [{k: int(np.asarray(v)[lane]) for k, v in c.items()} for c in seen])
            state = {k: _fit(res[2 + i], self.widths[k]) if self.widths[k] else _bool(res[2 + i])
                     for i, k in enumerate(names)}
        return None


def _concat_init(f, v, fixed: dict[str, int]) -> bool:
    """``Concat(r1, r2, ...) == const`` (registers initialised together, as Yosys writes the init of a
    flattened submodule's registers): each register's own value into ``fixed``. Without it random start
    values meet such a constraint by chance only (2^-16 for two bytes), which left no valid lane."""
    if not (z3.is_bv_value(v) and z3.is_app(f) and f.decl().kind() == z3.Z3_OP_CONCAT):
        return False
    parts = [f.arg(i) for i in range(f.num_args())]
    if not all(z3.is_app(p) and p.decl().kind() == z3.Z3_OP_UNINTERPRETED and z3.is_bv(p) for p in parts):
        return False
    val, out, lo = v.as_long(), {}, 0
    for p in reversed(parts):  # the last argument is the least significant
        w = p.size()
        out[p.decl().name()] = (val >> lo) & ((1 << w) - 1)
        lo += w
    fixed.update(out)
    return True


def sim_traces(sm, seconds: float, *, lanes: int = 256, cycles: int = 24, seed: int = 1) -> list | None:
    """Random traces of the miter (per cycle, the valid lanes' leaf values), or None when it cannot be
    simulated in ``seconds``."""
    if seconds <= 0:
        return None
    try:
        t_end = time.monotonic() + seconds
        sim = MiterSim(sm, deadline=t_end)
        steps = sim.traces(lanes, cycles, max(0.0, t_end - time.monotonic()), seed)
    except (Unsupported, z3.Z3Exception, ValueError, TypeError, OverflowError, MemoryError, IndexError, KeyError):
        return None
    return steps or None


def _evaluate(exprs: list, s0, steps: list) -> list | None:
    """Each expression's values on every lane of ``steps`` (cycles concatenated), or None."""
    try:
        prog = _Program(exprs, s0)
        env: dict[str, object] = {}
        for name in prog.leaves:
            parts = [s.get(name) for s in steps]
            if any(p is None for p in parts):
                return None
            env[name] = np.concatenate(parts if len({p.dtype for p in parts}) == 1
                                       else [p.astype(object) for p in parts])
        total = sum(len(next(iter(s.values()))) for s in steps)
        return prog.run(env, total)
    except (Unsupported, z3.Z3Exception, ValueError, TypeError, OverflowError, MemoryError, IndexError, KeyError):
        return None


def filter_by_traces(sm, cands: list, steps: list | None) -> list:
    """The candidates that hold on every lane of ``steps`` (all of them without traces). Only ever
    removes candidates; see the module docstring for why that is sound."""
    if not cands or not steps:
        return cands
    vals = _evaluate(cands, sm.s0, steps)
    if vals is None:
        return cands
    return [c for c, v in zip(cands, vals, strict=True) if bool(np.all(_bool(v)))]


def register_values(sm, steps: list | None, cycles: int, guard, names: list[str],
                    limit: int = 64) -> dict[str, list[int]]:
    """Values each register takes in the first ``cycles`` simulated cycles where ``guard`` holds (at most
    ``limit + 1`` per register): values that states of the BMC unrolling reach, to seed the mining."""
    if not steps or not names:
        return {}
    steps = steps[:cycles]
    exprs = [sm.regs[n] for n in names] + ([guard] if guard is not None else [])
    vals = _evaluate(exprs, sm.s0, steps)
    if vals is None:
        return {}
    keep = _bool(vals[-1]) if guard is not None else None
    out: dict[str, list[int]] = {}
    for n, v in zip(names, vals, strict=False):
        v = np.asarray(v)
        if keep is not None:
            v = v[keep]
        u = np.unique(v.astype(np.uint64) if v.dtype == bool else v) if v.dtype != object else sorted(set(v.tolist()))
        out[n] = [int(x) for x in list(u)[:limit + 1]]
    return out


def simulate_filter(sm, cands: list, seconds: float, *, lanes: int = 256, cycles: int = 24,
                    seed: int = 1) -> list:
    """:func:`filter_by_traces` on fresh traces (all candidates when the miter cannot be simulated)."""
    if not cands:
        return cands
    return filter_by_traces(sm, cands, sim_traces(sm, seconds, lanes=lanes, cycles=cycles, seed=seed))
