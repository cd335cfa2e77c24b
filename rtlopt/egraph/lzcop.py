"""Leading/trailing-zero counts as e-graph operators, and the min of counts as the count of the OR.

``("lzc", E, None, x)`` is the number of leading zeros of the k-bit word x (k when x is 0), E bits wide;
``("tzc", E, None, x)`` the trailing zeros. :func:`_counts` recognises a count whatever its spelling (a
priority loop, casez, a function with a found flag: the front end's mux chains) by what it computes: a
class that is a function of one word alone is evaluated on that word (all zero gives k, each single bit
gives the slice it reads and the count's direction, then random sparse words confirm). The evaluation is exact per vector (every node of a class has the class's
value), the recognition a sampling: the search loop proves every rewrite. Only the arms of a min are
tried (a count alone keeps its own spelling).

:func:`r_count_min` then reads ``min(lzc(a), lzc(b))`` -- a mux choosing the smaller of two counts, any
spelling the front end gives (``a < b ? a : b``, ``!(b < a) ? a : b``, ``<=``) -- as ``lzc(a | b)`` (the
OR's highest one is the highest one of either word; zero only when both are), likewise for tzc. A max of
counts, counts of different widths or an offset count match nothing.
"""

from __future__ import annotations

import random

from rtlopt.egraph import core
from rtlopt.egraph.core import EGraph, evaluate, mask

#: Classes visited when finding the one word a count reads (larger cones are not counts).
MAX_CONE = 400
#: Random words that confirm a recognised count.
CONFIRM = 48


def _cone_leaves(eg: EGraph, c: int) -> set | None:
    """Keys of the ``var`` leaves class ``c`` is computed from (a class with a computing node is not a
    leaf even when it also has a name); None past :data:`MAX_CONE` classes."""
    seen: set[int] = set()
    leaves: set = set()
    stack = [eg.find(c)]
    while stack:
        x = stack.pop()
        if x in seen:
            continue
        seen.add(x)
        if len(seen) > MAX_CONE:
            return None
        if eg.cval(x) is not None:
            continue
        comp = [n for n in eg.nodes[x] if n[0] != "var"]
        if not comp:
            leaves |= {(n[2], n[1]) for n in eg.nodes[x]}
            continue
        for n in comp:
            stack.extend(eg.find(y) for y in n[3:])
    return leaves


def _value(eg: EGraph, c: int, env: dict, memo: dict, onstack: set) -> int | None:
    c = eg.find(c)
    if c in memo:
        return memo[c]
    k = eg.cval(c)
    if k is not None:
        return k
    if c in onstack:
        return None
    onstack.add(c)
    got = None
    for n in sorted(eg.nodes[c], key=lambda n: (n[0] == "var", repr(n))):
        if n[0] == "var":
            if n[2] in env:
                got = env[n[2]] & mask(n[1])
                break
            continue
        args = [_value(eg, y, env, memo, onstack) for y in n[3:]]
        if any(a is None for a in args):
            continue
        try:
            got = evaluate(n[0], n[1], n[2], args, [eg.w(y) for y in n[3:]])
        except (ValueError, ZeroDivisionError):
            continue
        break
    onstack.discard(c)
    memo[c] = got
    return got


def count_of(v: int, k: int, lead: bool) -> int:
    """Leading (``lead``) or trailing zeros of the k-bit ``v`` (k when it is 0)."""
    v &= mask(k)
    if v == 0:
        return k
    return k - v.bit_length() if lead else (v & -v).bit_length() - 1


def _recognise(eg: EGraph, c: int) -> tuple[str, int, int, int] | None:
    """``(op, key, lo, k)``: class ``c`` is the lzc/tzc of bits ``lo .. lo+k-1`` of the word ``key``."""
    E = eg.w(c)
    leaves = _cone_leaves(eg, c)
    if not leaves or len(leaves) != 1:
        return None
    (key, wv), = leaves
    if wv > 64 or wv < 2:
        return None

    def at(v: int) -> int | None:
        return _value(eg, c, {key: v}, {}, set())

    k = at(0)
    if k is None or not 2 <= k <= wv or k >= (1 << E):
        return None
    single = [at(1 << j) for j in range(wv)]
    if any(s is None for s in single):
        return None
    read = [j for j, s in enumerate(single) if s != k]
    if len(read) != k or read != list(range(read[0], read[0] + k)):
        return None
    lo = read[0]
    if all(single[lo + i] == k - 1 - i for i in range(k)):
        op = "lzc"
    elif all(single[lo + i] == i for i in range(k)):
        op = "tzc"
    else:
        return None
    rng = random.Random(hash((key, lo, k, E)) & 0xFFFF)
    for _ in range(CONFIRM):
        v = rng.getrandbits(wv) >> rng.randrange(wv + 1)
        if rng.random() < 0.5:
            v = (v << rng.randrange(wv)) & mask(wv)
        if at(v) != count_of(v >> lo, k, op == "lzc"):
            return None
    return op, key, lo, k


def _counts(eg: EGraph, c: int, depth: int = 0) -> list[tuple[str, int]]:
    """``(op, x)``: class ``c`` is ``op(x)`` -- a count node it holds, the OR count of a min of counts
    below it (a min tree or loop resolved at once, not one level per saturation round) or the recognised
    count of its own spelling (cached per class; no node is added for it, so a count alone is never
    re-spelled)."""
    fc = eg.find(c)
    out = [(m[0], m[3]) for m in eg.nodes[fc] if m[0] in ("lzc", "tzc")]
    if not out and depth < 16:
        for n in list(eg.nodes[fc]):
            if n[0] == "mux" and eg.find(n[4]) != eg.find(n[5]) and _min_arms(eg, n):
                out += _or_counts(eg, n, depth + 1)
        if out:
            return out
    cache = eg.__dict__.setdefault("_count_cache", {})
    if fc not in cache:
        cache[fc] = None
        got = _recognise(eg, fc) if 2 <= eg.w(fc) <= 8 else None
        if got is not None:
            op, key, lo, k = got
            (_key, wv), = _cone_leaves(eg, fc)
            var = next(m for cc in eg.classes() for m in eg.nodes[cc] if m[0] == "var" and m[2] == key
                       and m[1] == wv)
            x = eg.add(var)
            if lo:
                x = eg.add(("lshr", wv, lo, x))
            if k < wv:
                x = eg.add(("trunc", k, None, x))
            cache[fc] = (op, x)
    if cache[fc] is not None:
        out.append(cache[fc])
    return out


def _min_arms(eg: EGraph, n: tuple) -> bool:
    """Whether ``mux(s, p, q)`` is min(p, q): s is p < q or p <= q (also as !(q <= p), !(q < p))."""
    s, p, q = n[3], eg.find(n[4]), eg.find(n[5])
    for m in eg.nodes[eg.find(s)]:
        if m[0] in ("ult", "ule") and eg.find(m[3]) == p and eg.find(m[4]) == q:
            return True
        if m[0] == "not":
            for m2 in eg.nodes[eg.find(m[3])]:
                if m2[0] in ("ult", "ule") and eg.find(m2[3]) == q and eg.find(m2[4]) == p:
                    return True
    return False


def r_count_min(eg: EGraph, c: int, n: tuple) -> None:
    """min(lzc(a), lzc(b)) -> lzc(a | b); min(tzc(a), tzc(b)) -> tzc(a | b) (equal widths)."""
    if n[0] != "mux" or not 2 <= n[1] <= 8 or eg.find(n[4]) == eg.find(n[5]) or not _min_arms(eg, n):
        return
    for op, x in _or_counts(eg, n, 0):
        eg.pending.append((c, eg.add((op, n[1], None, x))))


def _or_counts(eg: EGraph, n: tuple, depth: int) -> list[tuple[str, int]]:
    """``(op, a | b)`` for the min ``n`` of ``op(a)`` and ``op(b)`` (one op, equal operand widths)."""
    out = []
    for op1, x1 in _counts(eg, n[4], depth):
        for op2, x2 in _counts(eg, n[5], depth):
            k = eg.w(x1)
            if op1 != op2 or eg.w(x2) != k:
                continue
            out.append((op1, x1 if eg.find(x1) == eg.find(x2) else eg.add(("or", k, None, x1, x2))))
    return out


for _r in (r_count_min,):
    if _r not in core.RULES:
        core.RULES.append(_r)
