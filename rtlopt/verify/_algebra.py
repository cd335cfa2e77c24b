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
    gate_var: dict[int, int] = {}
    for _t, y, _ins in net.gates:
        gate_var[y] = num[y] = len(names) + len(gate_var)
    out = (num, gate_var, names)
    net._rtlopt_numbering = out  # type: ignore[attr-defined]
    return out


def _gate_poly_int(t: str, ins: tuple[Bit, ...], num: dict) -> list[tuple[int, int]]:
    """:func:`_gate_poly` with monomials as bitmasks of variable numbers."""
    def conv(b: Bit) -> Bit:
        if isinstance(b, int):
            if b not in num:
                raise GiveUp("a net without driver reaches an output")
            return num[b]
        return b
    out = []
    for m, c in _gate_poly(t, tuple(conv(b) for b in ins)):
        mask = 0
        for v in m:
            mask |= 1 << v
        out.append((mask, c))
    return out


def word_polynomial(net: GateNet, bits: list[Bit], deadline: float,
                    max_terms: int = MAX_TERMS) -> dict[int, int]:
    """``sum 2^i * bits[i]`` (mod ``2^len(bits)``) as {monomial bitmask over input variables: coefficient}."""
    w = len(bits)
    mod_mask = (1 << w) - 1
    num, gate_var, names = _numbering(net)
    n_in = len(names)
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
    for t, y, ins in reversed(net.gates):
        v = gate_var[y]
        bk = buckets.pop(v, None)
        if not bk:
            continue
        if time.monotonic() > deadline:
            raise GiveUp("time limit")
        size -= len(bk)
        f = _gate_poly_int(t, ins, num)
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
        except GiveUp as exc:
            return "unknown", f"algebraic rewriting of output {name}: {exc}", None
        biggest = max(biggest, len(pg), len(ph))
        if pg != ph:
            mask = (1 << len(gb)) - 1
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
