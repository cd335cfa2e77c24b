"""Two-level minimisation of small select functions with don't-cares (for shared-unit operand muxes).

A shared unit's operand mux only has to be right where one of its operations is evaluated; every
other combination of the select bits is a don't-care. Experts exploit that: the four adder arms of
a ``case (op)`` over ``op = 0..3`` pick the second operand with ``op[1]`` alone, not with
``op == 3'd2 || op == 3'd3``. :func:`minimize` finds a small expression over the select bits that is
1 on ``on``, 0 on ``off`` and free elsewhere: a constant, one literal, a two-literal XOR/XNOR, or a
sum of prime implicants (Quine-McCluskey over the care set, greedy cover). Points are integers
whose bit ``i`` is the value of ``names[i]``; up to :data:`MAX_BITS` bits.
"""

from __future__ import annotations

from itertools import combinations

MAX_BITS = 10


def _lit(names: list[str], i: int, val: int) -> str:
    return names[i] if val else f"~{names[i]}"


def minimize(on: set[int], off: set[int], names: list[str]) -> tuple[str, int] | None:
    """``(verilog text, literal count)`` of a function 1 on ``on`` and 0 on ``off``, or None."""
    n = len(names)
    if n > MAX_BITS or on & off:
        return None
    if not on:
        return "1'b0", 0
    if not off:
        return "1'b1", 0
    best: tuple[str, int] | None = None
    # one literal or an XOR of two
    for i in range(n):
        for v in (1, 0):
            if all((p >> i & 1) == v for p in on) and all((p >> i & 1) != v for p in off):
                return _lit(names, i, v), 1
    for i, j in combinations(range(n), 2):
        for v in (1, 0):
            f = lambda p, i=i, j=j, v=v: ((p >> i) ^ (p >> j) ^ (v ^ 1)) & 1  # noqa: E731
            if all(f(p) for p in on) and not any(f(p) for p in off):
                op = "^" if v else "~^"
                best = (f"({names[i]} {op} {names[j]})", 2)
                break
        if best:
            break
    sop = _sop(on, off, names)
    if sop is not None and (best is None or sop[1] <= best[1]):
        best = sop
    return best


def _sop(on: set[int], off: set[int], names: list[str]) -> tuple[str, int] | None:
    n = len(names)
    full = (1 << n) - 1
    care = on | off
    dc = {p for p in range(1 << n) if p not in care}
    # implicants as (value, mask) where mask bits are the cared-about positions
    cur = {(p, full) for p in on | dc}
    primes: set[tuple[int, int]] = set()
    while cur:
        nxt = set()
        used = set()
        lst = sorted(cur)
        by_mask: dict[int, list[tuple[int, int]]] = {}
        for v, m in lst:
            by_mask.setdefault(m, []).append((v, m))
        for m, group in by_mask.items():
            vals = {v for v, _ in group}
            for v in vals:
                for b in range(n):
                    bit = 1 << b
                    if m & bit and not v & bit and (v | bit) in vals:
                        nxt.add((v, m & ~bit))
                        used.add((v, m))
                        used.add((v | bit, m))
        primes |= cur - used
        cur = nxt
    primes = {(v, m) for v, m in primes if any((p & m) == v for p in on)}
    # greedy cover of the on-set, fewest literals first among equals
    left = set(on)
    chosen: list[tuple[int, int]] = []
    while left:
        best = max(primes, key=lambda c: (sum(1 for p in left if (p & c[1]) == c[0]), -bin(c[1]).count("1")))
        got = {p for p in left if (p & best[1]) == best[0]}
        if not got:
            return None
        chosen.append(best)
        left -= got
    terms = []
    count = 0
    for v, m in chosen:
        lits = [_lit(names, b, v >> b & 1) for b in range(n) if m >> b & 1]
        count += len(lits)
        if not lits:
            return "1'b1", 0
        terms.append(lits[0] if len(lits) == 1 else "(" + " & ".join(lits) + ")")
    return (terms[0] if len(terms) == 1 else "(" + " | ".join(terms) + ")"), count
