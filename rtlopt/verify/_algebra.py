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

The result is complete and sound: equal polynomials prove equivalence; different polynomials give a
counterexample directly (set the variables of a monomial of the difference that is minimal under
inclusion to 1, all others to 0: only that monomial is non-zero there). A monomial limit bounds the
work; past it the engine says UNKNOWN.
"""

from __future__ import annotations

import time

from rtlopt.verify._gates import Bit, GateNet

#: Largest intermediate polynomial (monomials) before the engine gives up.
MAX_TERMS = 400_000


class GiveUp(Exception):
    pass


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


def _numbering(net: GateNet) -> tuple[dict, dict[int, int], list[tuple[str, int]]]:
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
    blocks = _adder_blocks(net, excl)
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


def _adder_blocks(net: GateNet, excl: _Exclusive) -> dict[int, tuple]:
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
            for _ in range(6):
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
    full = excl.full
    blocks: dict[int, tuple] = {}
    pat = (0xAA, 0xCC, 0xF0)
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
        cands.append(((u[0], v[0]), par))
        for leaves, p in cands:
            if not all(isinstance(x, int) and x in excl.sig for x in leaves) or len(set(leaves)) < len(leaves):
                continue
            by_sig = near(leaves)
            leaf_sup = 0
            for x in leaves:
                leaf_sup |= excl.sup[x]
            found = None
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
                            found = (tuple(zip(leaves, negs, strict=True)), c, inv)
                            break
                    if found:
                        break
                if found:
                    break
            if found:
                blocks[s] = found
                break
    return blocks


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


def word_polynomial(net: GateNet, bits: list[Bit], deadline: float,
                    max_terms: int = MAX_TERMS) -> dict[int, int]:
    """``sum 2^i * bits[i]`` (mod ``2^len(bits)``) as {monomial bitmask over input variables: coefficient}."""
    w = len(bits)
    mod_mask = (1 << w) - 1
    num, gate_var, names = _numbering(net)
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
        if time.monotonic() > deadline:
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


def check(gold: GateNet, gate: GateNet, seconds: float,
          max_terms: int = MAX_TERMS) -> tuple[str, str, dict | None]:
    """("equivalent" | "different" | "unknown", detail, counterexample inputs or None)."""
    deadline = time.monotonic() + seconds
    if sorted(gold.inputs) != sorted(gate.inputs) or sorted(gold.outputs) != sorted(gate.outputs) or \
            _numbering(gold)[2] != _numbering(gate)[2]:
        return "unknown", "ports differ", None
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
