"""Arithmetic equivalence by algebraic backward rewriting (symbolic computer algebra).

Every function from ``{0,1}^n`` to the integers modulo ``2^W`` has exactly one multilinear polynomial
with coefficients in ``Z/2^W``. So an output word ``O = sum 2^i * o_i`` (mod ``2^W``) of gold and of gate
are the same function of the inputs exactly when their reduced multilinear polynomials over the input
bits are equal. Each polynomial is computed by backward rewriting: start from the output word in terms
of the output bits and substitute each gate by its polynomial (``NOT a = 1 - a``, ``a AND b = ab``,
``a XOR b = a + b - 2ab``, ...) in reverse topological order, reducing ``x^2 = x`` and coefficients mod
``2^W``. For adders and multipliers of any architecture (ripple, lookahead, array, Booth, Wallace,
operands swapped, constant multipliers as shift-and-add) the carries cancel as they are substituted, so
the polynomial stays small (``a*b`` of 16x16 bits has 256 monomials) where SAT on the miter explodes.

Half and full adders are found by function ("atomic blocks", see :func:`_adder_blocks`) and rewritten as
word-level equations ``s = x + y + z - 2c``, so the carries telescope; a carry that its block's literals
do not cut off (parallel-prefix final adders: Kogge-Stone and the like) is proven the majority of them by
SAT. Products of literals that are never 1 together (Booth selects) are dropped as they appear
(vanishing monomials, :class:`_Exclusive`). Before any rewriting, :data:`SIM_LANES` random vectors are
simulated: most wrong designs differ on one, which is the counterexample.

The result is complete and sound: equal polynomials prove equivalence; different polynomials give a
counterexample directly (set the variables of a monomial of the difference that is minimal under
inclusion to 1, all others to 0: only that monomial is non-zero there). A monomial limit bounds the
work; past it the engine says UNKNOWN.
"""

from __future__ import annotations

import time

from rtlopt.verify import _lanes
from rtlopt.verify._gates import Bit, GateNet

#: Largest intermediate polynomial (monomials) before the engine gives up.
MAX_TERMS = 400_000


class GiveUp(Exception):
    pass


class _Budget:
    """A wall-clock limit and optionally a CPU-time one (the engine's own effort, which a loaded machine
    does not shrink the way it shrinks wall-clock seconds)."""

    def __init__(self, seconds: float, cpu_seconds: float | None = None) -> None:
        self.wall = time.monotonic() + seconds
        self.cpu = None if cpu_seconds is None else time.thread_time() + cpu_seconds

    def left(self) -> float:
        if _lanes.stopped():  # another proof lane decided (see _lanes): out of time now
            return -1.0
        w = self.wall - time.monotonic()
        return w if self.cpu is None else min(w, self.cpu - time.thread_time())

    def half(self) -> _Budget:
        """Half of what is left of each limit."""
        return _Budget((self.wall - time.monotonic()) / 2,
                       None if self.cpu is None else (self.cpu - time.thread_time()) / 2)


def _gate_poly(t: str, ins: tuple[Bit, ...]) -> list[tuple[frozenset, int]]:
    """The gate's output as a multilinear polynomial over its input variables (constants folded)."""
    def var(b: Bit) -> dict[frozenset, int]:
        if b == "0":
            return {}
        if b == "1":
            return {frozenset(): 1}
        return {frozenset((b,)): 1}

    def add(*ps: dict, k: tuple[int, ...] | None = None) -> dict:
        out: dict[frozenset, int] = {}
        for p, c in zip(ps, k or (1,) * len(ps), strict=True):
            for m, v in p.items():
                out[m] = out.get(m, 0) + c * v
        return {m: v for m, v in out.items() if v}

    def mul(p: dict, q: dict) -> dict:
        out: dict[frozenset, int] = {}
        for m1, v1 in p.items():
            for m2, v2 in q.items():
                m = m1 | m2
                out[m] = out.get(m, 0) + v1 * v2
        return {m: v for m, v in out.items() if v}

    one = {frozenset(): 1}

    def neg(p: dict) -> dict:
        return add(one, p, k=(1, -1))

    def x_or(p: dict, q: dict) -> dict:
        return add(p, q, mul(p, q), k=(1, 1, -2))

    def o_r(p: dict, q: dict) -> dict:
        return add(p, q, mul(p, q), k=(1, 1, -1))

    a = var(ins[0])
    b = var(ins[1]) if len(ins) > 1 else None
    if t == "$_BUF_":
        r = a
    elif t == "$_NOT_":
        r = neg(a)
    elif t == "$_AND_":
        r = mul(a, b)
    elif t == "$_OR_":
        r = o_r(a, b)
    elif t == "$_XOR_":
        r = x_or(a, b)
    elif t == "$_NAND_":
        r = neg(mul(a, b))
    elif t == "$_NOR_":
        r = neg(o_r(a, b))
    elif t == "$_XNOR_":
        r = neg(x_or(a, b))
    elif t == "$_ANDNOT_":
        r = mul(a, neg(b))
    elif t == "$_ORNOT_":
        r = o_r(a, neg(b))
    elif t in ("$_MUX_", "$_NMUX_"):
        s = var(ins[2])
        r = add(mul(a, neg(s)), mul(b, s))
        if t == "$_NMUX_":
            r = neg(r)
    elif t == "$_AOI3_":
        r = neg(o_r(mul(a, b), var(ins[2])))
    elif t == "$_OAI3_":
        r = neg(mul(o_r(a, b), var(ins[2])))
    elif t == "$_AOI4_":
        r = neg(o_r(mul(a, b), mul(var(ins[2]), var(ins[3]))))
    else:  # $_OAI4_
        r = neg(mul(o_r(a, b), o_r(var(ins[2]), var(ins[3]))))
    return list(r.items())


def _eval_gate(t: str, v: list[int], full: int) -> int:
    """One gate on bit-parallel Python ints (``full``: all lanes set)."""
    a = v[0]
    if t == "$_BUF_":
        return a
    if t == "$_NOT_":
        return full ^ a
    b = v[1]
    if t == "$_AND_":
        return a & b
    if t == "$_OR_":
        return a | b
    if t == "$_XOR_":
        return a ^ b
    if t == "$_NAND_":
        return full ^ (a & b)
    if t == "$_NOR_":
        return full ^ (a | b)
    if t == "$_XNOR_":
        return full ^ a ^ b
    if t == "$_ANDNOT_":
        return a & (full ^ b)
    if t == "$_ORNOT_":
        return a | (full ^ b)
    if t in ("$_MUX_", "$_NMUX_"):
        r = (a & (full ^ v[2])) | (b & v[2])
        return full ^ r if t == "$_NMUX_" else r
    if t == "$_AOI3_":
        return full ^ ((a & b) | v[2])
    if t == "$_OAI3_":
        return full ^ ((a | b) & v[2])
    if t == "$_AOI4_":
        return full ^ ((a & b) | (v[2] & v[3]))
    return full ^ ((a | b) & (v[2] | v[3]))  # $_OAI4_


class _Exclusive:
    """Proofs that two literals (a net bit, possibly negated) are never 1 together.

    Random simulation rules most pairs out at once. A pair is proven by exhaustive evaluation of both
    cones when their joint support (input bits they depend on) has at most :data:`SUPPORT` bits, else
    by decomposition: ``x & y`` with ``x`` exclusive to ``z`` makes ``x & y`` exclusive to ``z``, and an
    OR is exclusive to ``z`` when each of its inputs is. Every "yes" is a proof over all inputs."""

    SUPPORT = 14
    DEPTH = 8
    LANES = 512

    def __init__(self, net: GateNet, num: dict, n_in: int) -> None:
        import random

        self.drv = {y: (t, ins) for t, y, ins in net.gates}
        self.order = {y: i for i, (_t, y, _ins) in enumerate(net.gates)}
        self.var = {b: k for b, k in num.items() if k < n_in}
        rnd = random.Random(0x5EED)
        full = (1 << self.LANES) - 1
        self.sig: dict[int, int] = {}
        self.sup: dict[int, int] = {}
        for b, k in self.var.items():
            self.sig[b] = rnd.getrandbits(self.LANES)
            self.sup[b] = 1 << k
        for t, y, ins in net.gates:
            self.sig[y] = _eval_gate(t, [self._s(b) for b in ins], full)
            s = 0
            for b in ins:
                if isinstance(b, int):
                    s |= self.sup.get(b, 0)
            self.sup[y] = s
        self.full = full
        self.memo: dict = {}
        self.tables: dict[int, dict[int, int]] = {}
        self.table_bytes = 0

    def _s(self, b: Bit) -> int:
        if b == "0":
            return 0
        if b == "1":
            return (1 << self.LANES) - 1
        return self.sig.get(b, 0)  # an undriven net: never proven exclusive (see _exhaustive_disjoint)

    def _lsig(self, lit: tuple[Bit, bool]) -> int:
        s = self._s(lit[0])
        return self.full ^ s if lit[1] else s

    def disjoint(self, l1: tuple[Bit, bool], l2: tuple[Bit, bool], depth: int = 0) -> bool:
        if self._lsig(l1) & self._lsig(l2):
            return False
        for lit in (l1, l2):  # a constant 0 literal
            if lit[0] in ("0", "1") and (lit[0] == "1") == lit[1]:
                return True
        if any(isinstance(b, int) and b not in self.sig for b in (l1[0], l2[0])):
            return False
        key = frozenset((l1, l2))
        if key in self.memo:
            return self.memo[key]
        self.memo[key] = False  # no cycles through the recursion
        out = self._prove(l1, l2, depth)
        self.memo[key] = out
        return out

    def constant(self, b: int) -> int | None:
        """0 or 1 when net ``b`` is proven constant, else None."""
        s = self.sig.get(b)
        if s == 0 and self.disjoint((b, False), (b, False)):
            return 0
        if s == self.full and self.disjoint((b, True), (b, True)):
            return 1
        return None

    def _parts(self, lit: tuple[Bit, bool]) -> tuple[str, list[tuple[Bit, bool]]] | None:
        """The literal as ("and" | "or", two literals), through buffers and inverters."""
        b, neg = lit
        while isinstance(b, int) and b in self.drv and self.drv[b][0] in ("$_BUF_", "$_NOT_"):
            t, ins = self.drv[b]
            neg ^= t == "$_NOT_"
            b = ins[0]
        if not isinstance(b, int) or b not in self.drv:
            return None
        t, ins = self.drv[b]
        for table, kind in ((_AND_LIKE, "and"), (_OR_LIKE, "or")):
            if t in table:
                ny, na, nb = table[t]
                if ny == neg:
                    return kind, [(ins[0], na), (ins[1], nb)]
        for table, kind in ((_AND_LIKE, "or"), (_OR_LIKE, "and")):  # De Morgan: ~(x & y) = ~x | ~y
            if t in table:
                ny, na, nb = table[t]
                if ny != neg:
                    return kind, [(ins[0], not na), (ins[1], not nb)]
        return None

    def _prove(self, l1: tuple[Bit, bool], l2: tuple[Bit, bool], depth: int) -> bool:
        sup = self._sup(l1[0]) | self._sup(l2[0])
        n = bin(sup).count("1")
        if n <= self.SUPPORT:
            return self._exhaustive_disjoint(l1, l2, sup)
        if depth < self.DEPTH:
            for a, b in ((l1, l2), (l2, l1)):
                p = self._parts(a)
                if p is None:
                    continue
                kind, lits = p
                if kind == "and" and any(self.disjoint(x, b, depth + 1) for x in lits):
                    return True
                if kind == "or" and all(self.disjoint(x, b, depth + 1) for x in lits):
                    return True
        return False

    def _sup(self, b: Bit) -> int:
        return self.sup.get(b, 0) if isinstance(b, int) else 0

    def _exhaustive_disjoint(self, l1: tuple[Bit, bool], l2: tuple[Bit, bool], sup: int) -> bool:
        ks = [k for k in range(sup.bit_length()) if (sup >> k) & 1]
        n = len(ks)
        lanes = 1 << n
        full = (1 << lanes) - 1
        val = self.tables.get(sup)  # truth tables over this support, shared by later queries
        if val is None:
            if len(self.tables) > 256 or self.table_bytes > 64 << 20:
                self.tables.clear()
                self.table_bytes = 0
            val = self.tables[sup] = {}
            inv = {k: b for b, k in self.var.items()}
            for j, k in enumerate(ks):
                half = 1 << j
                unit = ((1 << half) - 1) << half
                val[inv[k]] = unit * (full // ((1 << (2 * half)) - 1))
        cone: set[int] = set()
        stack = [b for b in (l1[0], l2[0]) if isinstance(b, int)]
        while stack:
            b = stack.pop()
            if b in cone or b in val:
                continue
            if b not in self.drv:
                return False  # undriven: no proof
            cone.add(b)
            stack.extend(x for x in self.drv[b][1] if isinstance(x, int))
        for b in sorted(cone, key=self.order.__getitem__):
            t, ins = self.drv[b]
            val[b] = _eval_gate(t, [0 if x == "0" else full if x == "1" else val[x] for x in ins], full)
        self.table_bytes += len(cone) * (lanes // 8 + 1)

        def lv(lit: tuple[Bit, bool]) -> int:
            b, neg = lit
            v = 0 if b == "0" else full if b == "1" else val[b]
            return full ^ v if neg else v
        return not (lv(l1) & lv(l2))


def _numbering(net: GateNet, budget: _Budget | None = None) -> tuple[dict, dict[int, int], list[tuple[str, int]]]:
    """Variable numbers: input bits first (sorted by port name and bit), then gate outputs in
    topological order. Backward rewriting in reverse topological order then always substitutes the
    highest-numbered variable of every monomial that contains it, so monomials (int bitmasks) can be
    kept in buckets by their highest variable, with no index to maintain."""
    cached = getattr(net, "_rtlopt_numbering", None)
    if cached is not None:
        return cached
    num: dict = {}
    names: list[tuple[str, int]] = []
    for name in sorted(net.inputs):
        for i, b in enumerate(net.inputs[name]):
            if isinstance(b, int) and b not in num:
                num[b] = len(names)
                names.append((name, i))
            else:
                names.append((name, i))  # a constant or repeated input bit keeps its slot unused
    excl = _Exclusive(net, num, len(names))
    blocks = _adder_blocks(net, excl, budget)
    order = _block_order(net, blocks)
    if order is None:
        blocks, order = {}, list(net.gates)
    gate_var: dict[int, int] = {}
    for _t, y, _ins in order:
        gate_var[y] = num[y] = len(names) + len(gate_var)
    out = (num, gate_var, names)
    net._rtlopt_numbering = out  # type: ignore[attr-defined]
    net._rtlopt_plan = (order, excl, blocks)  # type: ignore[attr-defined]
    return out


def _resolve(drv: dict, b: Bit) -> tuple[Bit, bool]:
    """``b`` through buffers and inverters: (net, inverted)."""
    neg = False
    while isinstance(b, int) and b in drv and drv[b][0] in ("$_BUF_", "$_NOT_"):
        neg ^= drv[b][0] == "$_NOT_"
        b = drv[b][1][0]
    return b, neg


#: Carry candidates (nets near the leaves that simulate like the carry) checked per polarity.
NEAREST = 4

#: Gates after a leaf searched for its carry.
NEAR_DEPTH = 6


def _adder_blocks(net: GateNet, excl: _Exclusive, budget: _Budget | None = None) -> dict[int, tuple]:
    """Half and full adders, found by what they compute ("atomic blocks"): a sum net ``s = x ^ y [^ z]``
    (an XOR of XORs, through inverters) with a net ``c`` proven to be the carry ``maj(x, y, z)`` (or
    ``x & y``) of the same literals. Backward rewriting then substitutes ``s = x + y + z - 2c`` (exact,
    since ``x + y + z = 2c + s``), after which the weighted carry cancels instead of spreading
    nonlinear terms through a carry-save tree. Returns {s: (literals, carry net, carry inverted)}."""
    drv = excl.drv
    readers: dict[int, list[int]] = {}
    for _t, y, ins in net.gates:
        for x in ins:
            if isinstance(x, int):
                readers.setdefault(x, []).append(y)

    def near(leaves: tuple[int, ...]) -> dict[int, list[int]]:
        """Nets within a few gates after a leaf, by signature (where a block's carry must be): from
        the leaf with the smallest such neighbourhood (an operand bit may feed hundreds of gates)."""
        best: dict[int, list[int]] = {}
        for x in sorted(leaves, key=lambda b: len(readers.get(b, ()))):
            out: dict[int, list[int]] = {}
            frontier, seen = [x], {x}
            for _ in range(NEAR_DEPTH):
                nxt = []
                for b in frontier:
                    for r in readers.get(b, ()):
                        if r not in seen:
                            seen.add(r)
                            nxt.append(r)
                            out.setdefault(excl.sig[r], []).append(r)
                frontier = nxt
                if len(seen) > 400:
                    break
            if len(seen) <= 400:
                return out
            best = best or out
        return best
    blocks: dict[int, tuple] = {}
    all_cands: list[tuple[int, list]] = []
    operands: set[int] = set()  # the two XOR-ed operand bits of every three-leaf sum (cut points of carry proofs)
    carry_ins: set[int] = set()  # the third leaf of every three-leaf sum (a carry some other block produces)
    for t, s, ins in net.gates:
        if t not in ("$_XOR_", "$_XNOR_"):
            continue
        u, v = _resolve(drv, ins[0]), _resolve(drv, ins[1])
        par = (t == "$_XNOR_") ^ u[1] ^ v[1]
        cands = []
        for a, b in ((u[0], v[0]), (v[0], u[0])):
            if isinstance(a, int) and a in drv and drv[a][0] in ("$_XOR_", "$_XNOR_"):
                x, y = _resolve(drv, drv[a][1][0]), _resolve(drv, drv[a][1][1])
                cands.append(((x[0], y[0], b), par ^ (drv[a][0] == "$_XNOR_") ^ x[1] ^ y[1]))
                operands.update(z for z in (x[0], y[0]) if isinstance(z, int))
                if isinstance(b, int):
                    carry_ins.add(b)
        cands.append(((u[0], v[0]), par))
        all_cands.append((s, cands))
    prover = _CarryProver(drv, operands, budget)
    glob: dict[int, list[int]] | None = None  # every net by signature (built on first need)
    for s, cands in all_cands:
        ok = [(leaves, p) for leaves, p in cands
              if all(isinstance(x, int) and x in excl.sig for x in leaves) and len(set(leaves)) == len(leaves)]
        found = None
        for leaves, p in ok:
            found = _find_carry(s, leaves, p, near(leaves), excl, drv, None)
            if found:
                break
        for leaves, p in ok:
            if found or not prover.budget_left():
                break
            if any(excl.sig[x] in (0, excl.full) for x in leaves):
                continue  # a leaf constant on every random vector: its signature tells nothing
            # a carry computed apart from its carry-in (a parallel-prefix adder): any net of the
            # majority's signature, a carry-in of another sum first (then the weighted carries telescope)
            if glob is None:
                glob = {}
                for _t, y, _ins in net.gates:
                    glob.setdefault(excl.sig[y], []).append(y)
                for lst in glob.values():
                    lst.sort(key=lambda c: c not in carry_ins)
            found = _find_carry(s, leaves, p, glob, excl, drv, prover)
        if found:
            blocks[s] = found
    return blocks


def _find_carry(s: int, leaves: tuple, p: int, by_sig: dict[int, list[int]], excl: _Exclusive, drv: dict,
                prover: _CarryProver | None) -> tuple | None:
    """The block (literals, carry net, carry inverted) of sum ``s`` over ``leaves`` of parity ``p``: a
    net of ``by_sig`` that reads exactly the leaves' input bits and simulates like their carry, proven
    by evaluating its cone cut at the leaves, or (with ``prover``) by SAT when the leaves do not cut it."""
    full = excl.full
    pat = (0xAA, 0xCC, 0xF0)
    leaf_sup = 0
    for x in leaves:
        leaf_sup |= excl.sup[x]
    k = len(leaves)
    for pol in range(1 << k):
        negs = [bool((pol >> i) & 1) for i in range(k)]
        if sum(negs) % 2 != p:
            continue
        ls = [excl.sig[x] ^ (full if n else 0) for x, n in zip(leaves, negs, strict=True)]
        want = (ls[0] & ls[1]) | (ls[0] & ls[2]) | (ls[1] & ls[2]) if k == 3 else ls[0] & ls[1]
        for inv in (False, True):
            # the nearest nets that read exactly the leaves' input bits (a carry reads every leaf)
            near_c = [c for c in by_sig.get(want ^ (full if inv else 0), ()) if excl.sup[c] == leaf_sup]
            for c in near_c[:NEAREST]:
                if c == s or c in leaves:
                    continue
                tt = [pat[i] ^ (0xFF if negs[i] else 0) for i in range(k)]
                exp = (tt[0] & tt[1]) | (tt[0] & tt[2]) | (tt[1] & tt[2]) if k == 3 else tt[0] & tt[1]
                got = _cut_eval(drv, c, dict(zip(leaves, pat, strict=False)), 0xFF)
                if got is not None and got ^ (0xFF if inv else 0) == exp:
                    return tuple(zip(leaves, negs, strict=True)), c, inv
                if got is None and prover is not None and prover.carry(c, inv, leaves, negs):
                    return tuple(zip(leaves, negs, strict=True)), c, inv
    return None


class _CarryProver:
    """Proofs by SAT (z3) that a net is the carry ``maj(x, y, z)`` of a sum's literals when its cone is
    not cut by them: in a parallel-prefix adder (Kogge-Stone, Brent-Kung, Sklansky, ...) the carry into
    bit ``i+1`` is computed from generate/propagate terms, not from the carry into bit ``i``. Both cones
    are cut at the adders' operand bits (the XOR-ed pair of every three-leaf sum) and at primary
    inputs; those become free variables, so an UNSAT miter proves the identity for every value they can
    take in the circuit (a SAT answer or a time-out only means no block). A half adder's carry (``x & y``)
    is proven the same way (where a column of the final adder has one operand bit, the cones go on
    through the tree before it). Work is bounded per query (cone size, solver time) and in total
    (:data:`TOTAL_S`, at most half of the engine's time)."""

    CONE = 4000
    QUERY_MS = 2000
    TOTAL_S = 20.0
    #: Refuted (or timed-out) queries after which a design is taken to have no such adder.
    FAILURES = 24

    def __init__(self, drv: dict, cut: set[int], budget: _Budget | None = None) -> None:
        self.drv, self.cut = drv, cut
        self.spent = 0.0
        self.failed = 0
        # at most half of what is left of the engine's time (the rewriting itself needs the rest)
        self.budget = None if budget is None else budget.half()
        self.expr: dict[int, object] = {}
        self.z3 = None

    def _lit(self, b: Bit):
        z3 = self.z3
        if b == "0":
            return z3.BoolVal(False)
        if b == "1":
            return z3.BoolVal(True)
        return self.expr[b]

    def _build(self, root: int) -> bool:
        """z3 expressions for the cone of ``root`` (cut as described); False past the size bound."""
        z3 = self.z3
        stack = [(root, False)]
        added = 0
        while stack:
            b, done = stack.pop()
            if b in self.expr:
                continue
            if b in self.cut or b not in self.drv:
                self.expr[b] = z3.Bool(f"n{b}")
                continue
            t, ins = self.drv[b]
            if done:
                v = [self._lit(x) for x in ins]
                self.expr[b] = _z3_gate(z3, t, v)
                continue
            added += 1
            if added > self.CONE:
                return False
            stack.append((b, True))
            stack.extend((x, False) for x in ins if isinstance(x, int) and x not in self.expr)
        return True

    def budget_left(self) -> bool:
        return self.spent < self.TOTAL_S and self.failed < self.FAILURES and \
            (self.budget is None or self.budget.left() > 0)

    def carry(self, c: int, inv: bool, leaves: tuple, negs: list[bool]) -> bool:
        if not self.budget_left():
            return False
        t0 = time.monotonic()
        try:
            import z3

            self.z3 = z3
            if not all(self._build(x) for x in (c, *leaves)):
                return False
            ls = [z3.Not(self.expr[b]) if n else self.expr[b] for b, n in zip(leaves, negs, strict=True)]
            if len(ls) == 3:
                maj = z3.Or(z3.And(ls[0], ls[1]), z3.And(ls[0], ls[2]), z3.And(ls[1], ls[2]))
            else:
                maj = z3.And(ls[0], ls[1])
            got = z3.Not(self.expr[c]) if inv else self.expr[c]
            sol = z3.SolverFor("QF_FD")
            ms = self.QUERY_MS if self.budget is None else min(self.QUERY_MS, self.budget.left() * 1000)
            sol.set("timeout", max(1, int(ms)))
            sol.add(got != maj)
            ok = sol.check() == z3.unsat
            self.failed += not ok
            return ok
        finally:
            self.spent += time.monotonic() - t0


def _z3_gate(z3, t: str, v: list):
    """One gate as a z3 Boolean expression."""
    a = v[0]
    if t == "$_BUF_":
        return a
    if t == "$_NOT_":
        return z3.Not(a)
    b = v[1]
    r = {"$_AND_": lambda: z3.And(a, b), "$_OR_": lambda: z3.Or(a, b), "$_XOR_": lambda: z3.Xor(a, b),
         "$_NAND_": lambda: z3.Not(z3.And(a, b)), "$_NOR_": lambda: z3.Not(z3.Or(a, b)),
         "$_XNOR_": lambda: z3.Not(z3.Xor(a, b)), "$_ANDNOT_": lambda: z3.And(a, z3.Not(b)),
         "$_ORNOT_": lambda: z3.Or(a, z3.Not(b)),
         "$_MUX_": lambda: z3.If(v[2], b, a), "$_NMUX_": lambda: z3.Not(z3.If(v[2], b, a)),
         "$_AOI3_": lambda: z3.Not(z3.Or(z3.And(a, b), v[2])),
         "$_OAI3_": lambda: z3.Not(z3.And(z3.Or(a, b), v[2])),
         "$_AOI4_": lambda: z3.Not(z3.Or(z3.And(a, b), z3.And(v[2], v[3]))),
         "$_OAI4_": lambda: z3.Not(z3.And(z3.Or(a, b), z3.Or(v[2], v[3])))}
    return r[t]()


def _cut_eval(drv: dict, root: int, leaves: dict[int, int], full: int, limit: int = 64) -> int | None:
    """The value of ``root`` over the patterns of ``leaves`` when its cone, cut at them, reads nothing
    else (else None): then the result is ``root`` as an exact function of the leaves."""
    val = dict(leaves)
    order: list[int] = []
    stack = [(root, False)]
    seen: set[int] = set()
    while stack:
        b, done = stack.pop()
        if b in val:
            continue
        if done:
            order.append(b)
            val[b] = -1  # placeholder, evaluated below in order
            continue
        if b in seen:
            continue
        if b not in drv:
            return None
        seen.add(b)
        if len(seen) > limit:
            return None
        stack.append((b, True))
        for x in drv[b][1]:
            if isinstance(x, int):
                if x not in val and x not in drv:
                    return None
                stack.append((x, False))
    for b in order:
        t, ins = drv[b]
        val[b] = _eval_gate(t, [0 if x == "0" else full if x == "1" else val[x] for x in ins], full)
    return val[root]


def _block_order(net: GateNet, blocks: dict[int, tuple]) -> list | None:
    """A topological order of the gates in which each block's carry comes before its sum (None on a cycle)."""
    import heapq

    idx = {y: i for i, (_t, y, _ins) in enumerate(net.gates)}
    deps: dict[int, list[int]] = {}
    for _t, y, ins in net.gates:
        d = [x for x in ins if isinstance(x, int) and x in idx]
        if y in blocks:
            d.append(blocks[y][1])
        deps[y] = d
    users: dict[int, list[int]] = {}
    count = {}
    for y, d in deps.items():
        count[y] = len(d)
        for x in d:
            users.setdefault(x, []).append(y)
    ready = [idx[y] for y, n in count.items() if n == 0]
    heapq.heapify(ready)
    out = []
    while ready:
        i = heapq.heappop(ready)
        g = net.gates[i]
        out.append(g)
        for u in users.get(g[1], ()):
            count[u] -= 1
            if count[u] == 0:
                heapq.heappush(ready, idx[u])
    return out if len(out) == len(net.gates) else None


#: OR-like two-input gates as (output negated, input a negated, input b negated): ``y = [~](la | lb)``.
_OR_LIKE = {"$_OR_": (False, False, False), "$_NOR_": (True, False, False), "$_ORNOT_": (False, False, True),
            "$_NAND_": (False, True, True)}
#: AND-like: ``y = [~](la & lb)``.
_AND_LIKE = {"$_AND_": (False, False, False), "$_NAND_": (True, False, False), "$_ANDNOT_": (False, False, True),
             "$_NOR_": (False, True, True)}


def _gate_poly_int(t: str, ins: tuple[Bit, ...], num: dict, excl: _Exclusive | None = None,
                   y: int | None = None) -> list[tuple[int, int]]:
    """:func:`_gate_poly` with monomials as bitmasks of variable numbers.

    With ``excl``, an OR (or XOR) of two inputs that are proven never 1 together is the plain sum
    of their polynomials: the product term ``-ab`` is identically zero as a function, and keeping it
    is what makes Booth multipliers blow up (a vanishing monomial: a selector product times single
    bits of a negated operand, which no longer sum up to a word)."""
    def conv(b: Bit) -> Bit:
        if isinstance(b, int):
            if b not in num:
                raise GiveUp("a net without driver reaches an output")
            return num[b]
        return b
    out = []
    if excl is not None and y is not None:
        const = excl.constant(y)
        if const is not None:  # a net proven constant (e.g. a Booth selector of an impossible digit)
            return [(0, 1)] if const else []
    if excl is not None and len(ins) == 2 and (t in _OR_LIKE or t in ("$_XOR_", "$_XNOR_")):
        neg_y, na, nb = _OR_LIKE.get(t, (t == "$_XNOR_", False, False))
        if excl.disjoint((ins[0], na), (ins[1], nb)):
            # y = [1 -] (la + lb), la = a or 1 - a
            terms: dict[int, int] = {}
            for b, neg in ((ins[0], na), (ins[1], nb)):
                for m, c in _gate_poly("$_NOT_" if neg else "$_BUF_", (conv(b),)):
                    mask = 0
                    for v in m:
                        mask |= 1 << v
                    terms[mask] = terms.get(mask, 0) + c
            if neg_y:
                terms = {m: -c for m, c in terms.items()}
                terms[0] = terms.get(0, 0) + 1
            return [(m, c) for m, c in terms.items() if c]
    for m, c in _gate_poly(t, tuple(conv(b) for b in ins)):
        mask = 0
        for v in m:
            mask |= 1 << v
        out.append((mask, c))
    return out


def _block_poly(block: tuple, num: dict) -> list[tuple[int, int]]:
    """An adder block's sum as ``x + y [+ z] - 2c`` over its literals and carry net."""
    lits, c, inv = block
    terms: dict[int, int] = {}
    for x, neg in lits:
        if neg:
            terms[0] = terms.get(0, 0) + 1
            terms[1 << num[x]] = terms.get(1 << num[x], 0) - 1
        else:
            terms[1 << num[x]] = terms.get(1 << num[x], 0) + 1
    cm = 1 << num[c]
    if inv:  # the net is ~carry: -2 * (1 - net)
        terms[0] = terms.get(0, 0) - 2
        terms[cm] = terms.get(cm, 0) + 2
    else:
        terms[cm] = terms.get(cm, 0) - 2
    return [(m, k) for m, k in terms.items() if k]


def word_polynomial(net: GateNet, bits: list[Bit], deadline: float | _Budget,
                    max_terms: int = MAX_TERMS) -> dict[int, int]:
    """``sum 2^i * bits[i]`` (mod ``2^len(bits)``) as {monomial bitmask over input variables: coefficient};
    ``deadline``: a :func:`time.monotonic` time or a :class:`_Budget`."""
    budget = deadline if isinstance(deadline, _Budget) else _Budget(deadline - time.monotonic())
    w = len(bits)
    mod_mask = (1 << w) - 1
    num, gate_var, names = _numbering(net, budget)
    n_in = len(names)
    order, excl, blocks = net._rtlopt_plan  # type: ignore[attr-defined]
    buckets: dict[int, dict[int, int]] = {}
    size = 0

    def put(m: int, c: int) -> None:
        nonlocal size
        bk = buckets.setdefault(m.bit_length() - 1, {})
        old = bk.get(m)
        v = ((old or 0) + c) & mod_mask
        if v:
            bk[m] = v
            size += old is None
        elif old is not None:
            del bk[m]
            size -= 1

    for i, b in enumerate(bits):
        if b == "1":
            put(0, 1 << i)
        elif b != "0":
            if b not in num:
                raise GiveUp("an output bit has no driver")
            put(1 << num[b], 1 << i)
    for t, y, ins in reversed(order):
        v = gate_var[y]
        bk = buckets.pop(v, None)
        if not bk:
            continue
        if budget.left() < 0:
            raise GiveUp("time limit")
        size -= len(bk)
        f = _block_poly(blocks[y], num) if y in blocks else _gate_poly_int(t, ins, num, excl, y)
        ybit = 1 << v
        for m, c in bk.items():
            base = m ^ ybit
            for fm, fc in f:
                put(base | fm, c * fc)
        if size > max_terms:
            raise GiveUp(f"polynomial exceeds {max_terms} monomials")
    out: dict[int, int] = {}
    for top, bk in buckets.items():
        if top >= n_in:
            raise GiveUp("a net without driver reaches an output")
        out.update(bk)
    return out


#: Random input vectors simulated (bit-parallel) before rewriting: most wrong designs differ on one.
SIM_LANES = 1024


def _simulate(net: GateNet, inputs: dict[tuple[str, int], int], full: int) -> dict[str, list[int]]:
    """Every output bit of ``net`` over the lanes of ``inputs`` ({(port, bit): lanes})."""
    val: dict = {}
    for name, bits in net.inputs.items():
        for i, b in enumerate(bits):
            if isinstance(b, int):
                val.setdefault(b, inputs[(name, i)])

    def get(b: Bit) -> int:
        return 0 if b == "0" else full if b == "1" else val.get(b, 0)
    for t, y, ins in net.gates:
        val[y] = _eval_gate(t, [get(b) for b in ins], full)
    return {name: [get(b) for b in bits] for name, bits in net.outputs.items()}


def _random_difference(gold: GateNet, gate: GateNet) -> tuple[str, dict[str, int]] | None:
    """(output, input values) of a random vector on which the two netlists differ, else None."""
    import random

    rnd = random.Random(0xB007)
    full = (1 << SIM_LANES) - 1
    inputs = {(name, i): rnd.getrandbits(SIM_LANES) for name in sorted(gold.inputs)
              for i in range(len(gold.inputs[name]))}
    go, ho = _simulate(gold, inputs, full), _simulate(gate, inputs, full)
    for name in sorted(go):
        diff = 0
        for x, y in zip(go[name], ho.get(name, ()), strict=False):
            diff |= x ^ y
        if diff:
            lane = (diff & -diff).bit_length() - 1
            ins = {n: 0 for n in gold.inputs}
            for (n, i), v in inputs.items():
                ins[n] |= ((v >> lane) & 1) << i
            return name, ins
    return None


def check(gold: GateNet, gate: GateNet, seconds: float, max_terms: int = MAX_TERMS,
          cpu_seconds: float | None = None) -> tuple[str, str, dict | None]:
    """("equivalent" | "different" | "unknown", detail, counterexample inputs or None), within ``seconds``
    (wall clock) and ``cpu_seconds`` of the calling thread's CPU time (if given; other threads of the
    process do not count)."""
    deadline = _Budget(seconds, cpu_seconds)
    if sorted(gold.inputs) != sorted(gate.inputs) or sorted(gold.outputs) != sorted(gate.outputs) or \
            _numbering(gold, deadline)[2] != _numbering(gate, deadline)[2]:
        return "unknown", "ports differ", None
    witness = _random_difference(gold, gate)
    if witness is not None:  # a wrong design: no polynomial needed (the caller re-evaluates the witness)
        name, ins = witness
        return "different", f"algebra: random simulation, output {name} differs", {"inputs": ins}
    biggest = 0
    for name in sorted(gold.outputs):
        gb, hb = gold.outputs[name], gate.outputs[name]
        if len(gb) != len(hb):
            return "unknown", f"output {name} differs in width", None
        try:
            pg = word_polynomial(gold, gb, deadline, max_terms)
            ph = word_polynomial(gate, hb, deadline, max_terms)
            mask = (1 << len(gb)) - 1
        except GiveUp as exc:
            if len(gb) == 1 or "exceeds" not in str(exc):
                return "unknown", f"algebraic rewriting of output {name}: {exc}", None
            # bit by bit: each output bit's polynomial mod 2 (its algebraic normal form over GF(2), where
            # XOR is addition) stays small for XOR networks (parity, CRC, ECC, MixColumns) whose word
            # polynomial over the integers blows up
            pg = ph = {}
            for gbit, hbit in zip(gb, hb, strict=True):
                try:
                    pg = word_polynomial(gold, [gbit], deadline, max_terms)
                    ph = word_polynomial(gate, [hbit], deadline, max_terms)
                except GiveUp as exc2:
                    return "unknown", f"algebraic rewriting of output {name}: {exc}; bit by bit: {exc2}", None
                biggest = max(biggest, len(pg), len(ph))
                if pg != ph:
                    break
            mask = 1
        biggest = max(biggest, len(pg), len(ph))
        if pg != ph:
            diff = {m: (pg.get(m, 0) - ph.get(m, 0)) & mask for m in set(pg) | set(ph)}
            diff = {m: c for m, c in diff.items() if c}
            m0 = min(diff, key=lambda m: bin(m).count("1"))  # minimal degree => minimal under inclusion
            names = _numbering(gold)[2]
            ins = {n: 0 for n in gold.inputs}
            for k, (n, i) in enumerate(names):
                if (m0 >> k) & 1:
                    ins[n] |= 1 << i
            return "different", f"algebraic: output {name} has different word polynomials", {"inputs": ins}
    return "equivalent", (f"algebraic backward rewriting: every output word has the same polynomial over the "
                          f"input bits (largest {biggest} monomials)"), None
