"""A small e-graph over word-level bit-vector expressions with explicit widths.

Semantics: every e-class holds one value, an unsigned bit vector of the class's width. Signedness is
not a property of a value but of the operations: extensions are explicit (``zext``/``sext``/``trunc``)
and the signed operations are separate operators (``slt``/``sle``/``ashr``). Binary arithmetic and
logic operators take operands of the result's width, so every identity applied here (commutativity,
distributivity mod 2^W, shift/multiply by constants, ...) holds by construction; the traps of Verilog
context widths (a carry lost at a narrower context, a signed operand zero-extended in an unsigned
context) are decided once, when the front end makes the extensions explicit, and rules that cross a
width boundary (``trunc`` push-down, ``zext`` of logic) check the widths they need.

An e-node is a tuple ``(op, width, payload, *children)``: children are e-class ids, ``payload`` is
the constant value (``const``), the leaf key (``var``), the shift amount (``shl``/``lshr``/``ashr``)
or None.
"""

from __future__ import annotations

import time
from collections.abc import Callable

COMM = {"add", "mul", "and", "or", "xor", "eq", "ne"}
BIN = {"add", "sub", "mul", "and", "or", "xor"}
CMP = {"eq", "ne", "ult", "ule", "slt", "sle"}


def mask(w: int) -> int:
    return (1 << w) - 1


def to_signed(v: int, w: int) -> int:
    return v - (1 << w) if w and v >> (w - 1) & 1 else v


def evaluate(op: str, w: int, payload, args: list[int], widths: list[int]) -> int:
    """Value of one operator on child values (``widths``: the children's widths)."""
    m = mask(w)
    if op == "const":
        return payload & m
    if op == "add":
        return (args[0] + args[1]) & m
    if op == "sub":
        return (args[0] - args[1]) & m
    if op == "mul":
        return (args[0] * args[1]) & m
    if op == "udiv":  # Yosys's model of x / 0 (all ones; x in Verilog: the proof decides, see divcmp)
        return args[0] // args[1] if args[1] else m
    if op in ("lzc", "tzc"):  # leading/trailing zeros of the operand (its width when it is 0), see lzcop
        v, k = args[0], widths[0]
        if v == 0:
            return k & m
        return (k - v.bit_length() if op == "lzc" else (v & -v).bit_length() - 1) & m
    if op == "mulge":  # args[1] >= payload * args[0] (a cross-multiplied quotient compare, see divcmp)
        return int(args[1] >= payload * args[0])
    if op == "umod":  # x % 0 = x (Yosys)
        return args[0] % args[1] if args[1] else args[0]
    if op == "and":
        return args[0] & args[1]
    if op == "or":
        return args[0] | args[1]
    if op == "xor":
        return args[0] ^ args[1]
    if op == "not":
        return ~args[0] & m
    if op == "neg":
        return -args[0] & m
    if op == "shl":
        return (args[0] << payload) & m
    if op == "lshr":
        return args[0] >> payload
    if op == "ashr":
        return (to_signed(args[0], w) >> payload) & m
    if op == "shlv":
        return (args[0] << args[1]) & m if args[1] < w else 0
    if op == "lshrv":
        return args[0] >> args[1] if args[1] < w else 0
    if op == "ashrv":  # an amount >= w fills every bit with the sign
        return (to_signed(args[0], w) >> min(args[1], w)) & m
    if op == "mux":
        return args[1] if args[0] else args[2]
    if op == "zext":
        return args[0]
    if op == "sext":
        return to_signed(args[0], widths[0]) & m
    if op == "trunc":
        return args[0] & m
    if op == "concat":
        v = 0
        for a, aw in zip(args, widths, strict=True):
            v = (v << aw) | a
        return v
    if op == "eq":
        return int(args[0] == args[1])
    if op == "ne":
        return int(args[0] != args[1])
    if op == "ult":
        return int(args[0] < args[1])
    if op == "ule":
        return int(args[0] <= args[1])
    if op == "slt":
        return int(to_signed(args[0], widths[0]) < to_signed(args[1], widths[1]))
    if op == "sle":
        return int(to_signed(args[0], widths[0]) <= to_signed(args[1], widths[1]))
    if op == "redand":
        return int(args[0] == mask(widths[0]))
    if op == "redor":
        return int(args[0] != 0)
    if op == "redxor":
        return bin(args[0]).count("1") & 1
    if op == "bitsel":  # bit args[1] of args[0]; 0 past the width
        return (args[0] >> args[1]) & 1
    raise ValueError(f"no evaluator for {op}")


class EGraph:
    def __init__(self) -> None:
        self.parent: list[int] = []
        self.width: list[int] = []
        self.nodes: dict[int, set[tuple]] = {}
        self.memo: dict[tuple, int] = {}
        self.const: dict[int, int] = {}
        self.pending: list[tuple[int, int]] = []
        self.params: set[int] = set()  # leaves that are parameters read by name (constant per elaboration)

    # -- core -------------------------------------------------------------------------------------
    def find(self, c: int) -> int:
        p = self.parent
        while p[c] != c:
            p[c] = p[p[c]]
            c = p[c]
        return c

    def canon(self, n: tuple) -> tuple:
        if len(n) <= 3:
            return n
        f = self.find
        return n[:3] + tuple(f(c) for c in n[3:])

    def add(self, n: tuple) -> int:
        n = self.canon(n)
        c = self.memo.get(n)
        if c is not None:
            return self.find(c)
        c = len(self.parent)
        self.parent.append(c)
        self.width.append(n[1])
        self.nodes[c] = {n}
        self.memo[n] = c
        k = self._fold(n)
        if k is not None:
            self.const[c] = k
            if n[0] != "const":
                self.pending.append((c, self.add(("const", n[1], k))))
        return c

    def _fold(self, n: tuple) -> int | None:
        if n[0] == "const":
            return n[2] & mask(n[1])
        if n[0] == "var" or len(n) <= 3:
            return None
        vals = []
        for c in n[3:]:
            v = self.const.get(self.find(c))
            if v is None:
                return None
            vals.append(v)
        try:
            return evaluate(n[0], n[1], n[2], vals, [self.width[self.find(c)] for c in n[3:]])
        except ValueError:
            return None

    def union(self, a: int, b: int) -> int:
        a, b = self.find(a), self.find(b)
        if a == b:
            return a
        if self.width[a] != self.width[b]:
            raise AssertionError(f"union of widths {self.width[a]} and {self.width[b]}")
        if len(self.nodes[a]) < len(self.nodes[b]):
            a, b = b, a
        self.parent[b] = a
        self.nodes[a] |= self.nodes.pop(b)
        if b in self.const:
            self.const.setdefault(a, self.const.pop(b))
        return a

    def rebuild(self) -> None:
        """Apply pending unions and restore congruence (re-canonicalise every node until stable)."""
        while True:
            for a, b in self.pending:
                self.union(a, b)
            self.pending = []
            memo: dict[tuple, int] = {}
            merged = False
            for c in list(self.nodes):
                if self.find(c) != c:
                    continue
                new = set()
                for n in self.nodes[c]:
                    cn = self.canon(n)
                    new.add(cn)
                    o = memo.get(cn)
                    if o is not None and self.find(o) != self.find(c):
                        self.pending.append((o, c))
                        merged = True
                    memo[cn] = c
                self.nodes[c] = new
            for c, v in list(self.const.items()):
                if self.find(c) != c:
                    self.const.pop(c)
                    self.const.setdefault(self.find(c), v)
            self.memo = memo
            if not merged:
                # constants discovered by folding after unions
                for c in list(self.nodes):
                    if c in self.const:
                        continue
                    for n in self.nodes[c]:
                        k = self._fold(n)
                        if k is not None:
                            self.const[c] = k
                            self.pending.append((c, self.add(("const", n[1], k))))
                            break
                if not self.pending:
                    return

    def classes(self) -> list[int]:
        return [c for c in self.nodes if self.find(c) == c]

    def size(self) -> int:
        return sum(len(v) for v in self.nodes.values())

    # -- helpers used by rules ------------------------------------------------------------------
    def k(self, w: int, v: int) -> int:
        return self.add(("const", w, v & mask(w)))

    def cval(self, c: int) -> int | None:
        return self.const.get(self.find(c))

    def w(self, c: int) -> int:
        return self.width[self.find(c)]

    def has(self, c: int, op: str) -> list[tuple]:
        return [n for n in self.nodes[self.find(c)] if n[0] == op]

    def check(self, env_samples: list[dict[str, int]]) -> list[str]:
        """Debug/test aid: every node of a class must evaluate to one value on each sample."""
        problems = []
        for env in env_samples:
            val = self.values(env)
            for c in self.classes():
                for n in self.nodes[c]:
                    v = self._node_value(n, val, env)
                    if v is not None and val.get(c) is not None and v != val[c]:
                        problems.append(f"class {c} (w{self.width[c]}): {n} = {v} but class = {val[c]}")
        return problems

    def values(self, env: dict[str, int]) -> dict[int, int]:
        val: dict[int, int] = {}
        changed = True
        while changed:
            changed = False
            for c in self.classes():
                if c in val:
                    continue
                for n in self.nodes[c]:
                    v = self._node_value(n, val, env)
                    if v is not None:
                        val[c] = v
                        changed = True
                        break
        return val

    def _node_value(self, n: tuple, val: dict[int, int], env: dict[str, int]) -> int | None:
        if n[0] == "var":
            v = env.get(n[2])
            return None if v is None else v & mask(n[1])
        args = []
        for c in n[3:]:
            v = val.get(self.find(c))
            if v is None:
                return None
            args.append(v)
        return evaluate(n[0], n[1], n[2], args, [self.w(c) for c in n[3:]])


# -- rules ----------------------------------------------------------------------------------------

def csd(c: int, w: int) -> list[tuple[int, int]]:
    """Canonical signed digits of ``c`` (mod 2^w): list of (sign, shift)."""
    out = []
    k = 0
    c &= mask(w)
    while c and k < w:
        if c & 1:
            d = 2 - (c & 3)  # +1 or -1
            out.append((d, k))
            c -= d
        c >>= 1
        k += 1
    return out


Rule = Callable[[EGraph, int, tuple], None]


def _identity_of(op: str, w: int) -> int | None:
    return {"add": 0, "sub": 0, "or": 0, "xor": 0, "mul": 1, "and": mask(w)}.get(op)


def saturate(eg: EGraph, *, max_nodes: int = 4000, max_iters: int = 8, time_s: float = 2.0,
             rules: list[Rule] | None = None) -> dict:
    """Apply the rules until nothing changes or a limit is hit; returns statistics."""
    rules = RULES if rules is None else rules
    t0 = time.monotonic()
    it = 0
    stop = "saturated"
    eg.rebuild()
    while it < max_iters:
        it += 1
        before = (eg.size(), len(eg.classes()))
        snapshot = [(c, n) for c in eg.classes() for n in list(eg.nodes[c])]
        for c, n in snapshot:
            for r in rules:
                r(eg, c, n)
            if eg.size() > max_nodes:
                stop = "node limit"
                break
            if time.monotonic() - t0 > time_s:
                stop = "time limit"
                break
        eg.rebuild()
        if stop != "saturated":
            break
        if (eg.size(), len(eg.classes())) == before:
            break
    else:
        stop = "iteration limit"
    return {"iterations": it, "nodes": eg.size(), "classes": len(eg.classes()), "stop": stop,
            "seconds": round(time.monotonic() - t0, 3)}


def r_comm(eg: EGraph, c: int, n: tuple) -> None:
    if n[0] in COMM and len(n) == 5 and n[3] != n[4]:
        eg.pending.append((c, eg.add((n[0], n[1], None, n[4], n[3]))))


def r_assoc(eg: EGraph, c: int, n: tuple) -> None:
    # (a op b) op x -> a op (b op x) for add/mul/and/or/xor (all of one width)
    op = n[0]
    if op not in COMM or op in CMP:
        return
    for m in eg.has(n[3], op):
        inner = eg.add((op, n[1], None, m[4], n[4]))
        eg.pending.append((c, eg.add((op, n[1], None, m[3], inner))))


def r_identities(eg: EGraph, c: int, n: tuple) -> None:
    op, w = n[0], n[1]
    if op in BIN:
        a, b = n[3], n[4]
        ka, kb = eg.cval(a), eg.cval(b)
        if kb is not None:
            if kb == _identity_of(op, w):
                eg.pending.append((c, a))
            elif (op in ("mul", "and") and kb == 0) or (op == "or" and kb == mask(w)):
                eg.pending.append((c, b))
            elif op == "sub":  # a - k = a + (-k)
                eg.pending.append((c, eg.add(("add", w, None, a, eg.k(w, -kb)))))
            elif op == "xor" and kb == mask(w):
                eg.pending.append((c, eg.add(("not", w, None, a))))
        if ka is not None and op == "sub" and ka == 0:
            eg.pending.append((c, eg.add(("neg", w, None, b))))
        elif ka is not None and op == "sub" and ka == mask(w):  # (2^W - 1) - b = ~b (no borrow anywhere)
            eg.pending.append((c, eg.add(("not", w, None, b))))
        if eg.find(a) == eg.find(b):
            if op in ("and", "or"):
                eg.pending.append((c, a))
            elif op in ("xor", "sub"):
                eg.pending.append((c, eg.k(w, 0)))
            elif op == "add":
                eg.pending.append((c, eg.add(("shl", w, 1, a))))
    elif op in ("not", "neg"):
        for m in eg.has(n[3], op):
            eg.pending.append((c, m[3]))
    elif op in ("shl", "lshr", "ashr") and n[2] == 0:
        eg.pending.append((c, n[3]))
    elif op in ("shl", "lshr") and n[2] >= w:
        eg.pending.append((c, eg.k(w, 0)))
    elif op == "mux":
        s, a, b = n[3], n[4], n[5]
        ks = eg.cval(s)
        if ks is not None:
            eg.pending.append((c, a if ks else b))
        elif eg.find(a) == eg.find(b):
            eg.pending.append((c, a))
        elif w == 1 and eg.cval(a) == 1 and eg.cval(b) == 0:
            eg.pending.append((c, s))
    elif op in ("zext", "sext", "trunc") and eg.w(n[3]) == w:
        eg.pending.append((c, n[3]))


def r_sub_neg(eg: EGraph, c: int, n: tuple) -> None:
    w = n[1]
    if n[0] == "sub":
        eg.pending.append((c, eg.add(("add", w, None, n[3], eg.add(("neg", w, None, n[4]))))))
    elif n[0] == "add":
        for a, b in ((n[3], n[4]), (n[4], n[3])):
            for m in eg.has(b, "neg"):
                eg.pending.append((c, eg.add(("sub", w, None, a, m[3]))))
            if eg.cval(b) == 1:  # ~x + 1 = -x (a negation spelled as the two's complement)
                for m in eg.has(a, "not"):
                    eg.pending.append((c, eg.add(("neg", w, None, m[3]))))
    elif n[0] == "neg":
        if eg.cval(n[3]) is None:
            # -(x) = ~x + 1 (kept as an alternative; the cost model decides)
            eg.pending.append((c, eg.add(("add", w, None, eg.add(("not", w, None, n[3])), eg.k(w, 1)))))
        for m in eg.has(n[3], "sub"):  # -(a-b) = b-a
            eg.pending.append((c, eg.add(("sub", w, None, m[4], m[3]))))


def r_factor(eg: EGraph, c: int, n: tuple) -> None:
    """a*b + a*c -> a*(b+c); a*b - a*c -> a*(b-c); a*b + a -> a*(b+1) (all mod 2^W)."""
    op, w = n[0], n[1]
    if op not in ("add", "sub"):
        return
    x, y = n[3], n[4]
    xs = eg.has(x, "mul")
    ys = eg.has(y, "mul")
    for m1 in xs:
        for m2 in ys:
            for a1, b1 in ((m1[3], m1[4]), (m1[4], m1[3])):
                for a2, b2 in ((m2[3], m2[4]), (m2[4], m2[3])):
                    if eg.find(a1) == eg.find(a2):
                        inner = eg.add((op, w, None, b1, b2))
                        eg.pending.append((c, eg.add(("mul", w, None, a1, inner))))
    for m1 in xs:  # a*b + a
        for a1, b1 in ((m1[3], m1[4]), (m1[4], m1[3])):
            if eg.find(a1) == eg.find(y):
                inner = eg.add((op, w, None, b1, eg.k(w, 1)))
                eg.pending.append((c, eg.add(("mul", w, None, a1, inner))))
    # shifted copies of one value: (a<<i) + (a<<j) -> a * (2^i + 2^j) lets the constant rules see it
    for s1 in eg.has(x, "shl"):
        for s2 in eg.has(y, "shl"):
            if eg.find(s1[3]) == eg.find(s2[3]):
                k = (1 << s1[2]) + (1 << s2[2]) if op == "add" else (1 << s1[2]) - (1 << s2[2])
                eg.pending.append((c, eg.add(("mul", w, None, s1[3], eg.k(w, k)))))


#: Flattened sums factored at once: at most this many terms, this nesting depth.
SUM_FACTOR_TERMS = 24
SUM_FACTOR_DEPTH = 12


def _sum_flat(eg: EGraph, c: int, w: int, stack: set[int], out: list[int], depth: int) -> bool:
    """The terms of class ``c`` as a sum of ``add`` nodes of width ``w`` (one add node per class, the
    smallest, so the flattening is deterministic); False past the limits or on a cycle."""
    c = eg.find(c)
    adds = [m for m in eg.has(c, "add") if m[1] == w and eg.cval(m[3]) is None and eg.cval(m[4]) is None]
    if not adds or depth > SUM_FACTOR_DEPTH:
        out.append(c)
        return len(out) <= SUM_FACTOR_TERMS
    if c in stack:
        return False
    stack.add(c)
    m = min(adds)
    ok = _sum_flat(eg, m[3], w, stack, out, depth + 1) and _sum_flat(eg, m[4], w, stack, out, depth + 1)
    stack.discard(c)
    return ok


def r_sum_factor(eg: EGraph, c: int, n: tuple) -> None:
    """A flattened sum of three or more terms with products sharing a factor, each group at once:
    ``a*x + b*y + c*x + ... -> (a + c)*x + b*y + ...`` (mod 2^W, an exact identity). The pairwise
    r_factor needs the two products adjacent, which a long chain of additions (a symmetric FIR's
    mirrored taps at opposite ends of the sum) reaches only after many rounds of associativity."""
    if n[0] != "add":
        return
    w = n[1]
    terms: list[int] = []
    if not _sum_flat(eg, c, w, set(), terms, 0) or len(terms) < 3:
        return
    done = eg.__dict__.setdefault("_sum_factor_done", set())
    # factor -> [(term index, cofactor)]
    by_factor: dict[int, list[tuple[int, int]]] = {}
    for i, t in enumerate(terms):
        seen = set()
        for m in eg.has(t, "mul"):
            for a, b in ((m[3], m[4]), (m[4], m[3])):
                fa = eg.find(a)
                if fa in seen or eg.cval(a) in (0, 1):
                    continue
                seen.add(fa)
                by_factor.setdefault(fa, []).append((i, b))
            for a, b in ((m[3], m[4]), (m[4], m[3])):  # a * (f * k): f a factor of cofactor a * k
                for m2 in eg.has(b, "mul"):
                    for f, kc in ((m2[3], m2[4]), (m2[4], m2[3])):
                        ff = eg.find(f)
                        if eg.cval(kc) is None or eg.cval(f) is not None or ff in seen:
                            continue
                        seen.add(ff)
                        by_factor.setdefault(ff, []).append((i, eg.add(("mul", w, None, a, kc))))
    used: set[int] = set()
    groups: list[int] = []
    picked: list[tuple] = []
    while True:
        best, members = None, []
        for f, lst in sorted(by_factor.items()):
            free = [(i, b) for i, b in lst if i not in used]
            if len(free) >= 2 and len(free) > len(members):
                best, members = f, free
        if best is None:
            break
        picked.append((best, tuple(i for i, _b in members)))
        used |= {i for i, _b in members}
        co = _sum_terms(eg, w, [(1, b) for _i, b in members])
        groups.append(eg.add(("mul", w, None, best, co)))
    # once per grouping: a later round that finds a larger group (a term's product re-associated to
    # show the common factor: g * (2 * x) of (2 * g) * x) groups again
    key = (eg.find(c), tuple(sorted(terms)), tuple(picked))
    if not groups or key in done:
        return
    done.add(key)
    rest = [t for i, t in enumerate(terms) if i not in used]
    eg.pending.append((c, _sum_terms(eg, w, [(1, t) for t in groups + rest])))


def _lookup(eg: EGraph, op: str, w: int, a: int, b: int) -> int | None:
    """The class of ``a op b`` (or ``b op a``) of width ``w`` if the e-graph already has it."""
    for x, y in ((a, b), (b, a)):
        got = eg.memo.get(eg.canon((op, w, None, x, y)))
        if got is not None:
            return eg.find(got)
    return None


def r_gauss(eg: EGraph, c: int, n: tuple) -> None:
    """The real and imaginary parts of a complex product, both present: ``a*c - b*d`` and
    ``a*d + b*c`` share ``k = c*(a + b)``: ``re = k - b*(c + d)``, ``im = k + a*(d - c)`` (three
    products instead of four, exact mod 2^W). Only when the partner sum exists in the e-graph."""
    if n[0] != "sub":
        return
    w = n[1]
    for m1 in eg.has(n[3], "mul"):
        for m2 in eg.has(n[4], "mul"):
            for a, cc in ((m1[3], m1[4]), (m1[4], m1[3])):
                for b, d in ((m2[3], m2[4]), (m2[4], m2[3])):
                    if len({eg.find(a), eg.find(cc), eg.find(b), eg.find(d)}) < 4:
                        continue
                    ad, bc = _lookup(eg, "mul", w, a, d), _lookup(eg, "mul", w, b, cc)
                    im = None if ad is None or bc is None else _lookup(eg, "add", w, ad, bc)
                    if im is None:
                        continue
                    k = eg.add(("mul", w, None, cc, eg.add(("add", w, None, a, b))))
                    re_ = eg.add(("sub", w, None, k, eg.add(("mul", w, None, b, eg.add(("add", w, None, cc, d))))))
                    im_ = eg.add(("add", w, None, k, eg.add(("mul", w, None, a, eg.add(("sub", w, None, d, cc))))))
                    eg.pending.append((c, re_))
                    eg.pending.append((im, im_))  # (both pairings: k = c*(a+b) and k = a*(c+d))


def r_shift_mul(eg: EGraph, c: int, n: tuple) -> None:
    """x*2^k <-> x<<k; x*c -> canonical signed-digit shift-add; x*c from another x*c' (sharing)."""
    w = n[1]
    if n[0] == "shl":
        eg.pending.append((c, eg.add(("mul", w, None, n[3], eg.k(w, 1 << n[2])))))
        return
    if n[0] != "mul":
        return
    for x, kc in ((n[3], n[4]), (n[4], n[3])):
        k = eg.cval(kc)
        if k is None or eg.cval(x) is not None:
            continue
        if k and k & (k - 1) == 0:
            eg.pending.append((c, eg.add(("shl", w, k.bit_length() - 1, x))))
            continue
        digits = csd(k, w)
        if 1 < len(digits) <= 6:
            # balanced tree of the signed terms (keeps the depth low)
            terms = [(s, eg.add(("shl", w, sh, x)) if sh else eg.find(x)) for s, sh in digits]
            eg.pending.append((c, _sum_terms(eg, w, terms)))
        # sharing with other constant multiples of x already in the graph: k = k2*2^i +- 2^j
        for other in _const_multiples(eg, x, w):
            k2, c2 = other
            if k2 in (k, 0, 1) or eg.find(c2) == eg.find(c):
                continue
            for i in range(w):
                base = (k2 << i) & mask(w)
                rest = (k - base) & mask(w)
                if base == 0:
                    break
                for sign, r in ((1, rest), (-1, (-rest) & mask(w))):
                    if r and r & (r - 1) == 0:
                        j = r.bit_length() - 1
                        shifted = eg.add(("shl", w, i, c2)) if i else c2
                        tj = eg.add(("shl", w, j, x)) if j else x
                        eg.pending.append((c, eg.add(("add" if sign > 0 else "sub", w, None, shifted, tj))))
                    elif r == 0:
                        eg.pending.append((c, eg.add(("shl", w, i, c2)) if i else c2))


def _const_multiples(eg: EGraph, x: int, w: int) -> list[tuple[int, int]]:
    out = []
    fx = eg.find(x)
    for cc in eg.classes():
        if eg.width[cc] != w:
            continue
        for m in eg.nodes[cc]:
            if m[0] == "mul":
                if eg.find(m[3]) == fx and eg.cval(m[4]) is not None:
                    out.append((eg.cval(m[4]), cc))
                    break
                if eg.find(m[4]) == fx and eg.cval(m[3]) is not None:
                    out.append((eg.cval(m[3]), cc))
                    break
    return out[:8]


def _sum_terms(eg: EGraph, w: int, terms: list[tuple[int, int]]) -> int:
    pos = [t for s, t in terms if s > 0]
    neg = [t for s, t in terms if s < 0]

    def tree(ts):
        while len(ts) > 1:
            ts = [eg.add(("add", w, None, ts[i], ts[i + 1])) if i + 1 < len(ts) else ts[i]
                  for i in range(0, len(ts), 2)]
        return ts[0]

    if pos and neg:
        return eg.add(("sub", w, None, tree(pos), tree(neg)))
    if pos:
        return tree(pos)
    return eg.add(("neg", w, None, tree(neg)))


def r_mux(eg: EGraph, c: int, n: tuple) -> None:
    """Mux hoisting: s ? a op b : a op d -> a op (s ? b : d); s ? (a op b) : a -> a op (s ? b : id)."""
    if n[0] != "mux":
        return
    w, s, t, e = n[1], n[3], n[4], n[5]
    for op in ("add", "sub", "mul", "and", "or", "xor"):
        tn, en = eg.has(t, op), eg.has(e, op)
        for m1 in tn:
            for m2 in en:
                pairs = [((0, 1), (0, 1))]
                if op in COMM:
                    pairs = [((0, 1), (0, 1)), ((0, 1), (1, 0)), ((1, 0), (0, 1)), ((1, 0), (1, 0))]
                for (i1, j1), (i2, j2) in pairs:
                    a1, b1 = m1[3 + i1], m1[3 + j1]
                    a2, b2 = m2[3 + i2], m2[3 + j2]
                    if eg.find(a1) == eg.find(a2):
                        mx = eg.add(("mux", w, None, s, b1, b2))
                        node = (op, w, None, a1, mx) if i1 == 0 or op in COMM else (op, w, None, mx, a1)
                        eg.pending.append((c, eg.add(node)))
        ident = _identity_of(op, w)
        for m1 in tn:  # s ? a op b : a
            for i1 in ((0, 1) if op in COMM else (0,)):
                a1, b1 = m1[3 + i1], m1[4 - i1]
                if eg.find(a1) == eg.find(e):
                    mx = eg.add(("mux", w, None, s, b1, eg.k(w, ident)))
                    eg.pending.append((c, eg.add((op, w, None, a1, mx))))
        for m2 in en:  # s ? a : a op d
            for i2 in ((0, 1) if op in COMM else (0,)):
                a2, b2 = m2[3 + i2], m2[4 - i2]
                if eg.find(a2) == eg.find(t):
                    mx = eg.add(("mux", w, None, s, eg.k(w, ident), b2))
                    eg.pending.append((c, eg.add((op, w, None, a2, mx))))
    # s ? a*b : d*e -> (s ? a : d) * (s ? b : e): one multiplier for two selected products
    for m1 in eg.has(t, "mul"):
        for m2 in eg.has(e, "mul"):
            for a2, b2 in ((m2[3], m2[4]), (m2[4], m2[3])):
                ma = eg.add(("mux", w, None, s, m1[3], a2))
                mb = eg.add(("mux", w, None, s, m1[4], b2))
                eg.pending.append((c, eg.add(("mul", w, None, ma, mb))))
    for op in ("shl", "lshr", "zext", "sext", "trunc", "not", "neg"):
        for m1 in eg.has(t, op):
            for m2 in eg.has(e, op):
                if m1[2] == m2[2] and eg.w(m1[3]) == eg.w(m2[3]):
                    mx = eg.add(("mux", eg.w(m1[3]), None, s, m1[3], m2[3]))
                    eg.pending.append((c, eg.add((op, w, m1[2], mx))))


def _parts(eg: EGraph, w: int, parts: tuple) -> int:
    """The class of the concatenation of ``parts`` (high first), ``w`` bits (one part: itself)."""
    return eg.find(parts[0]) if len(parts) == 1 else eg.add(("concat", w, None, *parts))


def r_trunc(eg: EGraph, c: int, n: tuple) -> None:
    """Truncation moves below operators whose low bits depend only on low bits; a truncation (or a
    right shift) of a concatenation at a boundary of its parts is the low (high) parts, so a word
    selected from a packed bus (``bus[i*9 +: 9]`` of ``{a, b, c}``) is the word it was built from."""
    if n[0] == "lshr" and 0 < n[2] < n[1]:
        for m in eg.has(n[3], "concat"):
            low = 0
            for i in range(len(m) - 1, 3, -1):
                low += eg.w(m[i])
                if low == n[2]:
                    hi = m[3:i]
                    eg.pending.append((c, eg.add(("zext", n[1], None, _parts(eg, n[1] - low, hi)))))
                if low >= n[2]:
                    break
        return
    if n[0] != "trunc":
        return
    w = n[1]
    x = n[3]
    for m in eg.nodes[eg.find(x)]:
        op = m[0]
        if op == "concat":
            low = 0
            for i in range(len(m) - 1, 3, -1):
                low += eg.w(m[i])
                if low == w:
                    eg.pending.append((c, _parts(eg, w, m[i:])))
                if low >= w:
                    break
        if op in BIN:
            a = eg.add(("trunc", w, None, m[3]))
            b = eg.add(("trunc", w, None, m[4]))
            eg.pending.append((c, eg.add((op, w, None, a, b))))
        elif op in ("not", "neg"):
            eg.pending.append((c, eg.add((op, w, None, eg.add(("trunc", w, None, m[3]))))))
        elif op == "shl":
            eg.pending.append((c, eg.add(("shl", w, m[2], eg.add(("trunc", w, None, m[3]))))))
        elif op == "shlv":  # the low w bits of a left shift come from the low w bits of its operand
            eg.pending.append((c, eg.add(("shlv", w, None, eg.add(("trunc", w, None, m[3])), m[4]))))
        elif op == "mux":
            a = eg.add(("trunc", w, None, m[4]))
            b = eg.add(("trunc", w, None, m[5]))
            eg.pending.append((c, eg.add(("mux", w, None, m[3], a, b))))
        elif op in ("zext", "sext", "trunc"):
            iw = eg.w(m[3])
            if iw == w:
                eg.pending.append((c, m[3]))
            elif iw > w:
                eg.pending.append((c, eg.add(("trunc", w, None, m[3]))))
            else:
                eg.pending.append((c, eg.add((op if op != "trunc" else "zext", w, None, m[3]))))


def r_ext(eg: EGraph, c: int, n: tuple) -> None:
    """zext/sext distribute over bitwise logic and muxes of the same inner width; ext of ext."""
    op, w = n[0], n[1]
    if op in ("and", "or", "xor"):
        for e1 in ("zext", "sext"):
            for m1 in eg.has(n[3], e1):
                for m2 in eg.has(n[4], e1):
                    iw = eg.w(m1[3])
                    if iw == eg.w(m2[3]):
                        inner = eg.add((op, iw, None, m1[3], m2[3]))
                        eg.pending.append((c, eg.add((e1, w, None, inner))))
    elif op == "mux":  # mux(s, ext(a), ext(b)) -> ext(mux(s, a, b)): the narrow words are selected
        for e1 in ("zext", "sext"):
            for m1 in eg.has(n[4], e1):
                for m2 in eg.has(n[5], e1):
                    iw = eg.w(m1[3])
                    if iw == eg.w(m2[3]):
                        inner = eg.add(("mux", iw, None, n[3], m1[3], m2[3]))
                        eg.pending.append((c, eg.add((e1, w, None, inner))))
    elif op in ("zext", "sext"):
        for m in eg.has(n[3], op) + (eg.has(n[3], "zext") if op == "sext" else []):
            eg.pending.append((c, eg.add((m[0], w, None, m[3]))))
    elif op == "concat" and len(n) == 5 and eg.cval(n[3]) == 0:  # {0, x} is zext(x)
        eg.pending.append((c, eg.add(("zext", w, None, n[4]))))
    elif op == "concat" and len(n) >= 5 and eg.cval(n[-1]) == 0 and any(eg.cval(x) is None for x in n[3:-1]):
        # {x, k'b0} is zext(x) * 2^k: a word derived as a shifted copy of another (a coefficient
        # b1 = {b0, 1'b0}) multiplies like a constant multiple of it, so products of both factor
        k = eg.w(n[-1])
        parts = n[3:-1]
        while eg.cval(parts[0]) == 0:  # leading zero parts: the zero extension itself
            parts = parts[1:]
        hi = _parts(eg, sum(eg.w(x) for x in parts), parts)
        eg.pending.append((c, eg.add(("mul", w, None, eg.add(("zext", w, None, hi)), eg.k(w, 1 << k)))))


def r_cmp(eg: EGraph, c: int, n: tuple) -> None:
    """Comparison normalisations: x+k1 == k2 -> x == k2-k1 (mod 2^W); x^k1 == k2; zext/zext."""
    op = n[0]
    if op not in CMP:
        return
    a, b = n[3], n[4]
    wo = eg.w(a)
    if op in ("eq", "ne"):
        kb = eg.cval(b)
        if kb is not None:
            for m in eg.has(a, "add"):
                for x, y in ((m[3], m[4]), (m[4], m[3])):
                    ky = eg.cval(y)
                    if ky is not None:
                        eg.pending.append((c, eg.add((op, 1, None, x, eg.k(wo, kb - ky)))))
            for m in eg.has(a, "xor"):
                for x, y in ((m[3], m[4]), (m[4], m[3])):
                    ky = eg.cval(y)
                    if ky is not None:
                        eg.pending.append((c, eg.add((op, 1, None, x, eg.k(wo, kb ^ ky)))))
            if kb == 0:
                for m in eg.has(a, "sub"):
                    eg.pending.append((c, eg.add((op, 1, None, m[3], m[4]))))
    # both sides zero-extended from one width: compare the narrow values (any unsigned comparison)
    if op in ("eq", "ne", "ult", "ule"):
        for m1 in eg.has(a, "zext"):
            for m2 in eg.has(b, "zext"):
                if eg.w(m1[3]) == eg.w(m2[3]):
                    eg.pending.append((c, eg.add((op, 1, None, m1[3], m2[3]))))
    if op in ("eq", "ne", "slt", "sle"):
        for m1 in eg.has(a, "sext"):
            for m2 in eg.has(b, "sext"):
                if eg.w(m1[3]) == eg.w(m2[3]):
                    eg.pending.append((c, eg.add((op, 1, None, m1[3], m2[3]))))


def _narrow(eg: EGraph, c: int) -> list[tuple[int, int]]:
    """``(inner, bits)`` pairs: class ``c`` equals zext(inner) and its value fits in ``bits`` bits."""
    k = eg.cval(c)
    if k is not None:
        return [(-1, max(1, k.bit_length()))]
    out = [(m[3], eg.w(m[3])) for m in eg.has(c, "zext")]
    return out or [(c, eg.w(c))]


def r_zext_nowrap(eg: EGraph, c: int, n: tuple) -> None:
    """zext_W(a op_w b) -> zext_W(a) op_W zext_W(b) for add/mul that cannot wrap at width w.

    A product of an m-bit and an n-bit value needs m+n bits and a sum max(m,n)+1 (a constant
    operand: the bits of the largest result, ``(2^m - 1) * k`` / ``2^m - 1 + k``): when the narrow
    operation is at least that wide it computes the exact value, so widening it commutes with the
    extension (this is what lets products and sums named by narrower wires be factored/shared).
    """
    if n[0] != "zext":
        return
    W, x = n[1], n[3]
    w = eg.w(x)
    if w >= W:
        return
    for m in eg.nodes[eg.find(x)]:
        if m[0] not in ("add", "mul"):
            continue
        for ia, ba in _narrow(eg, m[3]):
            for ib, bb in _narrow(eg, m[4]):
                need = ba + bb if m[0] == "mul" else max(ba, bb) + 1
                if (ia < 0) != (ib < 0):  # one constant operand: the exact bound of the result
                    k, bx = (eg.cval(m[3]), bb) if ia < 0 else (eg.cval(m[4]), ba)
                    top = (1 << bx) - 1
                    need = max(1, (top * k if m[0] == "mul" else top + k).bit_length())
                if need > w:
                    continue
                a = eg.k(W, eg.cval(m[3])) if ia < 0 else eg.add(("zext", W, None, ia)) if eg.w(ia) < W else ia
                b = eg.k(W, eg.cval(m[4])) if ib < 0 else eg.add(("zext", W, None, ib)) if eg.w(ib) < W else ib
                eg.pending.append((c, eg.add((m[0], W, None, a, b))))
                return


def r_pick_bit(eg: EGraph, c: int, n: tuple) -> None:
    """|(x & (1 << i)) -> bitsel(x, i): masking with a decoded one-hot and OR-reducing picks bit i
    (0 when i is past the width, as the shift of 1 leaves no bit), |(x & (b << i)) -> b & bitsel(x, i)
    for a one-bit b; a picked bit of bitwise logic is
    the logic of the picked bits (so one pick can be shared)."""
    if n[0] == "ne" and 0 in (eg.cval(n[3]), eg.cval(n[4])):  # x != 0 is |x
        x = n[4] if eg.cval(n[3]) == 0 else n[3]
        eg.pending.append((c, eg.add(("redor", 1, None, x))))
    if n[0] == "redor":
        for z in eg.has(n[3], "zext"):  # the added zeros do not change |x
            eg.pending.append((c, eg.add(("redor", 1, None, z[3]))))
        for m in eg.has(n[3], "and"):
            for a, b in ((m[3], m[4]), (m[4], m[3])):
                for sh in eg.has(b, "shlv"):
                    if eg.cval(sh[3]) == 1:
                        eg.pending.append((c, eg.add(("bitsel", 1, None, a, sh[4]))))
                    for z in eg.has(sh[3], "zext"):  # |(x & (bit << i)) is bit & x[i]
                        if eg.w(z[3]) == 1:
                            pick = eg.add(("bitsel", 1, None, a, sh[4]))
                            eg.pending.append((c, eg.add(("and", 1, None, z[3], pick))))
    elif n[0] == "bitsel":
        for m in eg.nodes[eg.find(n[3])]:
            if m[0] in ("and", "or", "xor"):
                a = eg.add(("bitsel", 1, None, m[3], n[4]))
                b = eg.add(("bitsel", 1, None, m[4], n[4]))
                eg.pending.append((c, eg.add((m[0], 1, None, a, b))))


def r_zext_sub_nowrap(eg: EGraph, c: int, n: tuple) -> None:
    """zext_W(k -_w b) -> k -_W zext_W(b) when the narrow difference cannot borrow: b's value fits in
    ``bb`` bits and 2^bb - 1 <= k (so k - b >= 0 is the exact difference, which widening keeps)."""
    if n[0] != "zext":
        return
    W, x = n[1], n[3]
    w = eg.w(x)
    if w >= W:
        return
    for m in eg.has(x, "sub"):
        k = eg.cval(m[3])
        if k is None:
            continue
        for ib, bb in _narrow(eg, m[4]):
            if ib < 0 or mask(bb) > k:
                continue
            b = eg.add(("zext", W, None, ib)) if eg.w(ib) < W else ib
            eg.pending.append((c, eg.add(("sub", W, None, eg.k(W, k), b))))
            return


def r_distribute_const(eg: EGraph, c: int, n: tuple) -> None:
    """x * (k - y) -> x*k - x*y (mod 2^W, any values): exposes the
    constant part (a shift-add) so that x*y can cancel or factor against another product."""
    if n[0] != "mul":
        return
    w = n[1]
    for x, s in ((n[3], n[4]), (n[4], n[3])):
        if eg.cval(x) is not None:
            continue
        for m in eg.has(s, "sub"):
            if eg.cval(m[3]) is not None and eg.cval(m[4]) is None:
                xk = eg.add(("mul", w, None, x, m[3]))
                xy = eg.add(("mul", w, None, x, m[4]))
                eg.pending.append((c, eg.add(("sub", w, None, xk, xy))))


def _bits(eg: EGraph, c: int, depth: int = 0) -> int:
    """An upper bound on the significant bits of class ``c`` (its value is below 2^bits)."""
    c = eg.find(c)
    w = eg.width[c]
    k = eg.const.get(c)
    if k is not None:
        return k.bit_length()
    if depth > 4:
        return w
    best = w
    for n in eg.nodes[c]:
        if n[0] == "zext":
            best = min(best, _bits(eg, n[3], depth + 1))
        elif n[0] == "add":
            best = min(best, max(_bits(eg, n[3], depth + 1), _bits(eg, n[4], depth + 1)) + 1)
        elif n[0] in ("and",):
            best = min(best, _bits(eg, n[3], depth + 1), _bits(eg, n[4], depth + 1))
        elif n[0] == "lshr":
            best = min(best, max(0, _bits(eg, n[3], depth + 1) - n[2]))
    return best


def _bit(eg: EGraph, x: int, j: int) -> int:
    """Bit j of x as trunc_1(lshr(trunc_{j+1}(x), j)) (the truncation lets r_trunc narrow x's adder)."""
    w = eg.w(x)
    t = eg.add(("trunc", j + 1, None, x)) if j + 1 < w else x
    sh = eg.add(("lshr", j + 1, j, t)) if j else t
    return eg.add(("trunc", 1, None, sh)) if j else sh


def r_cmp_carry(eg: EGraph, c: int, n: tuple) -> None:
    """Comparisons as carries of an adder the datapath may already have.

    - slt/sle of two values provably below 2^(W-1) (both sign bits 0) are ult/ule;
    - 2^j - 1 <u x and 2^j <=u x are bit j of x, and x <u 2^j, x <=u 2^j - 1 its negation, when x
      is provably below 2^(j+1) (e.g. a carry of a sum of two j-bit values).
    """
    op = n[0]
    if op not in ("ult", "ule", "slt", "sle"):
        return
    a, b = n[3], n[4]
    w = eg.w(a)
    if op in ("slt", "sle"):
        if _bits(eg, a) < w and _bits(eg, b) < w:
            eg.pending.append((c, eg.add(("u" + op[1:], 1, None, a, b))))
        return
    ka, kb = eg.cval(a), eg.cval(b)
    if ka is not None and kb is None:  # k < x / k <= x
        k = ka + (1 if op == "ult" else 0)  # x >= k
        if k and k & (k - 1) == 0:
            j = k.bit_length() - 1
            if j < w and _bits(eg, b) <= j + 1:
                eg.pending.append((c, _bit(eg, b, j)))
    elif kb is not None and ka is None:  # x < k / x <= k
        k = kb + (0 if op == "ult" else 1)  # x < k
        if k and k & (k - 1) == 0:
            j = k.bit_length() - 1
            if j < w and _bits(eg, a) <= j + 1:
                eg.pending.append((c, eg.add(("not", 1, None, _bit(eg, a, j)))))


def _srange(eg: EGraph, c: int, depth: int = 0) -> tuple[int, int]:
    """Bounds of class ``c`` read as a signed number of its width (interval arithmetic; the full
    range when nothing better is known)."""
    c = eg.find(c)
    w = eg.width[c]
    lo, hi = -(1 << (w - 1)), (1 << (w - 1)) - 1
    k = eg.const.get(c)
    if k is not None:
        v = to_signed(k, w)
        return v, v
    if depth > 4:
        return lo, hi
    best = (lo, hi)
    for n in eg.nodes[c]:
        r = None
        if n[0] == "sext":
            r = _srange(eg, n[3], depth + 1)
        elif n[0] == "zext" and eg.w(n[3]) < w:
            r = (0, mask(eg.w(n[3])))
        elif n[0] in ("add", "sub", "mul"):
            r = _interval(n[0], _srange(eg, n[3], depth + 1), _srange(eg, n[4], depth + 1))
            if r[0] < lo or r[1] > hi:  # may wrap: nothing known
                r = None
        if r is not None and r[1] - r[0] < best[1] - best[0]:
            best = r
    return best


def _interval(op: str, a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    """Exact integer bounds of ``a op b`` for add/sub/mul of two intervals."""
    if op == "add":
        return a[0] + b[0], a[1] + b[1]
    if op == "sub":
        return a[0] - b[1], a[1] - b[0]
    corners = [x * y for x in a for y in b]
    return min(corners), max(corners)


def r_sext_nowrap(eg: EGraph, c: int, n: tuple) -> None:
    """sext_W(a op_w b) -> sext_W(a) op_W sext_W(b) for add/sub/mul whose w-bit result, read as a
    signed number, cannot wrap (interval bounds of the operands read as signed numbers): the narrow
    operation then computes the exact signed value, so widening it commutes with the sign extension
    (the signed twin of :func:`r_zext_nowrap`: signed products and sums named by narrower wires)."""
    if n[0] != "sext":
        return
    W, x = n[1], n[3]
    w = eg.w(x)
    if w >= W:
        return
    for m in list(eg.nodes[eg.find(x)]):
        if m[0] not in ("add", "sub", "mul"):
            continue
        if not _fits(_interval(m[0], _srange(eg, m[3]), _srange(eg, m[4])), w):
            continue
        a = eg.add(("sext", W, None, m[3]))
        b = eg.add(("sext", W, None, m[4]))
        eg.pending.append((c, eg.add((m[0], W, None, a, b))))
        return


def _fits(r: tuple[int, int], w: int) -> bool:
    return -(1 << (w - 1)) <= r[0] and r[1] <= (1 << (w - 1)) - 1


def r_signed_headroom(eg: EGraph, c: int, n: tuple) -> None:
    """Headroom compares as one sum and its top bits (all W-bit signed, W >= 3).

    - p - y <s x  ->  p <s x + y, and x <s p - y  ->  x + y <s p (likewise <=s), when neither p - y
      nor x + y can leave the signed W-bit range (interval bounds), so both sides are exact;
    - 2^(W-2) - 1 <s s is "top two bits of s are 01" and s <s -2^(W-2) is "10" (for any W-bit s);
      k <=s s and s <=s k are the strict forms with k -+ 1.
    """
    op = n[0]
    if op not in ("slt", "sle"):
        return
    a, b = n[3], n[4]
    W = eg.w(a)
    if W < 3:
        return
    for side, (p_cls, other) in enumerate(((a, b), (b, a))):
        for m in eg.has(p_cls, "sub"):
            p, y = m[3], m[4]
            if not _fits(_srange(eg, p_cls), W):
                continue
            rx, ry = _srange(eg, other), _srange(eg, y)
            if not _fits((rx[0] + ry[0], rx[1] + ry[1]), W):
                continue
            s = eg.add(("add", W, None, other, y))
            eg.pending.append((c, eg.add((op, 1, None, p, s) if side == 0 else (op, 1, None, s, p))))
    ka, kb = eg.cval(a), eg.cval(b)
    top = _bit(eg, a if ka is None else b, W - 1) if (ka is None) != (kb is None) else None
    if top is None:
        return
    if ka is not None:  # k < s  (k <= s is k-1 < s)
        k = to_signed(ka, W) - (1 if op == "sle" else 0)
        if k == (1 << (W - 2)) - 1:
            nxt = _bit(eg, b, W - 2)
            eg.pending.append((c, eg.add(("and", 1, None, eg.add(("not", 1, None, top)), nxt))))
    else:  # s < k  (s <= k is s < k+1)
        k = to_signed(kb, W) + (1 if op == "sle" else 0)
        if k == -(1 << (W - 2)):
            nxt = _bit(eg, a, W - 2)
            eg.pending.append((c, eg.add(("and", 1, None, top, eg.add(("not", 1, None, nxt))))))


def r_absdiff(eg: EGraph, c: int, n: tuple) -> None:
    """x >u y ? x - y : y - x (or x >=u y, or the mirrored spelling) is |x - y|: with
    D = zext(x) - zext(y) in w+1 bits, bit w of D is the borrow (x <u y) and the result is
    borrow ? -D[w-1:0] : D[w-1:0] (one subtractor and a conditional negation instead of a comparator
    and two subtractors; at x == y both arms are 0, so > and >= agree)."""
    if n[0] != "mux":
        return
    w, s, t, e = n[1], n[3], n[4], n[5]
    for m1 in eg.has(t, "sub"):
        x, y = eg.find(m1[3]), eg.find(m1[4])
        if not any(eg.find(m2[3]) == y and eg.find(m2[4]) == x for m2 in eg.has(e, "sub")):
            continue
        # s must say x >= y (x > y, or NOT x < y)
        ok = any(m[0] in ("ult", "ule") and eg.find(m[3]) == y and eg.find(m[4]) == x for m in eg.nodes[eg.find(s)])
        if not ok:
            continue
        d = eg.add(("sub", w + 1, None, eg.add(("zext", w + 1, None, x)), eg.add(("zext", w + 1, None, y))))
        low = eg.add(("trunc", w, None, d))
        eg.pending.append((c, eg.add(("mux", w, None, _bit(eg, d, w), eg.add(("neg", w, None, low)), low))))
        return


def _ge_of(eg: EGraph, c: int) -> list[tuple[int, int]]:
    """``(b, x)`` pairs for which class ``c`` (one bit) says ``b <=u x`` (also as ``!(x <u b)``)."""
    out = [(m[3], m[4]) for m in eg.has(c, "ule")]
    for m in eg.has(c, "not"):
        out += [(k[4], k[3]) for k in eg.has(m[3], "ult")]
    return out


def _same_zext(eg: EGraph, wide: int, c: int) -> bool:
    """``wide`` is ``c`` or its zero extension."""
    c = eg.find(c)
    return eg.find(wide) == c or any(eg.find(z[3]) == c for z in eg.has(wide, "zext"))


def r_range_window(eg: EGraph, c: int, n: tuple) -> None:
    """b <=u x && x <u b + s (the sum exact: b, s below 2^w at width W > w) -> the window test as one
    subtraction: d = x - b at width W, bit w of d is the borrow (x below b) and x - b <u s its low w bits
    (an address in [base, base + size): one subtractor and one comparator instead of an adder and two
    comparators). Also x <u b + s && b <=u x."""
    if n[0] != "and" or n[1] != 1:
        return
    for p, q in ((n[3], n[4]), (n[4], n[3])):
        for m in eg.has(q, "ult"):
            x, t = eg.find(m[3]), m[4]
            W = eg.w(x)
            w = W - 1
            if w < 2 or _bits(eg, x) > w:
                continue
            for b, x2 in _ge_of(eg, p):
                if not _same_zext(eg, x, x2):
                    continue
                for a in eg.has(t, "add"):
                    for b2, s in ((a[3], a[4]), (a[4], a[3])):
                        if not _same_zext(eg, b2, b) or _bits(eg, b2) > w or _bits(eg, s) > w:
                            continue
                        d = eg.add(("sub", W, None, x, b2))
                        low = eg.add(("trunc", w, None, d))
                        inside = eg.add(("ult", 1, None, low, eg.add(("trunc", w, None, s))))
                        nb = eg.add(("not", 1, None, _bit(eg, d, w)))
                        eg.pending.append((c, eg.add(("and", 1, None, nb, inside))))
                        return


def r_cond_neg_carry(eg: EGraph, c: int, n: tuple) -> None:
    """a + (s ? -x : x) = a + (x ^ {w{s}}) + s (one adder, the negation's +1 as a carry-in; the
    add/subtract unit); likewise s ? x : -x with ~s."""
    if n[0] != "add":
        return
    w = n[1]
    for a, b in ((n[3], n[4]), (n[4], n[3])):
        for m in eg.has(b, "mux"):
            sel, t, e = m[3], m[4], m[5]
            if eg.w(sel) != 1:
                continue
            for neg_arm, x_arm, inv in ((t, e, False), (e, t, True)):
                x = eg.find(x_arm)
                if not any(eg.find(k[3]) == x for k in eg.has(neg_arm, "neg")):
                    continue
                s1 = eg.add(("not", 1, None, sel)) if inv else sel
                rep = eg.add(("sext", w, None, s1))
                flip = eg.add(("xor", w, None, x_arm, rep))
                inner = eg.add(("add", w, None, a, flip))
                eg.pending.append((c, eg.add(("add", w, None, inner, eg.add(("zext", w, None, s1))))))
                return


def r_absdiff_carry(eg: EGraph, c: int, n: tuple) -> None:
    """a + zext_W(b ? -L : L) = a + zext_W(L ^ {w{b}}) + b for L = D[w-1:0], b = D[w], D = p - q in w+1
    bits with p, q below 2^w (the borrow-selected |p - q| of r_absdiff summed into a wider word: the
    negation's +1 becomes a carry of the sum). Sound at W > w because b = 1 means p < q, so L = 2^w + p - q
    is not 0 and ~L + 1 does not wrap to 2^w."""
    if n[0] != "add":
        return
    W = n[1]
    for a, z in ((n[3], n[4]), (n[4], n[3])):
        for zx in eg.has(z, "zext"):
            m = zx[3]
            w = eg.w(m)
            if not 2 <= w < W:
                continue
            for mx in eg.has(m, "mux"):
                sel, t, e = eg.find(mx[3]), eg.find(mx[4]), mx[5]
                low = eg.find(e)
                if not any(eg.find(k[3]) == low for k in eg.has(t, "neg")):
                    continue
                for tr in eg.has(low, "trunc"):
                    d = eg.find(tr[3])
                    if eg.w(d) != w + 1 or eg.find(_bit(eg, d, w)) != sel:
                        continue
                    if not any(_bits(eg, s[3]) <= w and _bits(eg, s[4]) <= w for s in eg.has(d, "sub")):
                        continue
                    flip = eg.add(("xor", w, None, low, eg.add(("sext", w, None, sel))))
                    inner = eg.add(("add", W, None, a, eg.add(("zext", W, None, flip))))
                    eg.pending.append((c, eg.add(("add", W, None, inner, eg.add(("zext", W, None, sel))))))
                    return


def _abs_of(eg: EGraph, m: int) -> list[int]:
    """Classes x (W bits, W = width of m) for which class ``m`` is |x| read as W-bit unsigned: a mux of x
    and -x (or ~x + 1) selected by x's sign (bit W-1, x <s 0, x <=s 0, or their negations with the arms
    swapped; at x == 0 both arms are 0, so < and <= agree). |most negative| is 2^(W-1)."""
    w = eg.w(m)
    out = []
    for n in eg.has(m, "mux"):
        s, t, e = n[3], n[4], n[5]
        for neg_arm, x_arm, want in ((t, e, True), (e, t, False)):
            x = eg.find(x_arm)
            if eg.w(x) != w or w < 2:
                continue
            isneg = any(eg.find(k[3]) == x for k in eg.has(neg_arm, "neg"))
            for k in eg.has(neg_arm, "add"):
                for p, q in ((k[3], k[4]), (k[4], k[3])):
                    if eg.cval(q) == 1 and any(eg.find(z[3]) == x for z in eg.has(p, "not")):
                        isneg = True
            if isneg and _sign_sel(eg, s, x) is want:
                out.append(x)
    return out


def _sign_sel(eg: EGraph, s: int, x: int, depth: int = 0) -> bool | None:
    """True: one-bit class ``s`` is x <s 0 (or x <=s 0); False: its negation; None: neither known."""
    s = eg.find(s)
    w = eg.w(x)
    if eg.w(s) != 1 or depth > 2:
        return None
    for n in eg.nodes[s]:
        op = n[0]
        if op == "trunc" and n[1] == 1:
            for sh in eg.has(n[3], "lshr"):
                if sh[2] == w - 1 and eg.w(sh[3]) == w and eg.find(sh[3]) == x:
                    return True
        elif op in ("slt", "sle") and eg.w(n[3]) == w:
            if eg.find(n[3]) == x and eg.cval(n[4]) == 0:
                return True  # x < 0, x <= 0
            if eg.find(n[4]) == x and eg.cval(n[3]) == 0:
                return False  # 0 < x, 0 <= x
        elif op in ("slt", "sle"):  # sext(x) against a wider zero
            wa = eg.w(n[3])
            for a, b, r in ((n[3], n[4], True), (n[4], n[3], False)):
                if eg.cval(b) == 0 and any(eg.find(z[3]) == x for z in eg.has(a, "sext")) and wa > w:
                    return r
        elif op == "not":
            r = _sign_sel(eg, n[3], x, depth + 1)
            if r is not None:
                return not r
        elif op in ("eq", "ne") and eg.w(n[3]) == 1:  # case (x[W-1]) 1'b1: ..., sign == 1'b0
            for a, b in ((n[3], n[4]), (n[4], n[3])):
                kb = eg.cval(b)
                r = _sign_sel(eg, a, x, depth + 1) if kb is not None else None
                if r is not None:
                    return r if (kb == 1) == (op == "eq") else not r
    return None


def _abs_gt(eg: EGraph, x: int, k: int) -> int:
    """|x| >u k as a one-bit class: false for k >= 2^(W-1) (|x| <= 2^(W-1)); else x >s k or x <s -k
    (the most negative x: |x| = 2^(W-1) > k, and -2^(W-1) <s -k)."""
    w = eg.w(x)
    if k >= 1 << (w - 1):
        return eg.k(1, 0)
    return eg.add(("or", 1, None, eg.add(("slt", 1, None, eg.k(w, k), x)), eg.add(("slt", 1, None, x, eg.k(w, -k)))))


def r_abs_cmp(eg: EGraph, c: int, n: tuple) -> None:
    """A comparison of |x| (the sign-selected negation, W-bit unsigned) with a constant K compares x
    itself: |x| > K = x >s K | x <s -K (K < 2^(W-1)), |x| >= K = |x| > K-1, |x| < K = !(|x| > K-1),
    |x| <= K = !(|x| > K); also through a zero extension of |x| to a wider constant."""
    op = n[0]
    if op not in ("ult", "ule"):
        return
    for m, kc, mag_right in ((n[4], n[3], True), (n[3], n[4], False)):
        k = eg.cval(kc)
        if k is None:
            continue
        mags = [m] + [z[3] for z in eg.has(m, "zext")]
        for mg in mags:
            for x in _abs_of(eg, mg):
                # k < |x| is |x| > k, k <= |x| is |x| > k-1; |x| < k is !(|x| > k-1), |x| <= k !(|x| > k)
                t = k - 1 if (op == "ule") == mag_right else k
                if t < 0:  # 0 <= |x| holds, |x| < 0 does not
                    r = eg.k(1, 1 if mag_right else 0)
                else:
                    r = _abs_gt(eg, x, t)
                    r = r if mag_right else eg.add(("not", 1, None, r))
                eg.pending.append((c, r))
                return


def _mux_leaves(eg: EGraph, c: int, path: tuple, depth: int, out: list) -> None:
    """The arms of a mux tree under class ``c`` (at most ``depth`` levels): (path, class), a path being
    the (select, taken) pairs from the root."""
    out.append((path, eg.find(c)))
    if depth == 0:
        return
    for n in eg.nodes[eg.find(c)]:
        if n[0] == "mux":
            _mux_leaves(eg, n[4], path + ((n[3], True),), depth - 1, out)
            _mux_leaves(eg, n[5], path + ((n[3], False),), depth - 1, out)
            return


def _rebuild(eg: EGraph, c: int, w: int, rep: dict, at: tuple = ()) -> int:
    """The mux tree of ``c`` along ``path`` (the first mux node each level) with the arms in ``rep``
    (keyed by path) replaced."""
    if at in rep:
        return rep[at]
    if len(at) >= max(len(p) for p in rep) or not any(p[:len(at)] == at for p in rep):
        return eg.find(c)
    for n in eg.nodes[eg.find(c)]:
        if n[0] == "mux":
            t = _rebuild(eg, n[4], w, rep, at + ((n[3], True),))
            e = _rebuild(eg, n[5], w, rep, at + ((n[3], False),))
            for m in eg.nodes[e]:  # s ? a : (s2 ? a : b) -> (s | s2) ? a : b (the shared arm once)
                if m[0] == "mux" and eg.find(m[4]) == t and eg.w(n[3]) == 1 and eg.w(m[3]) == 1:
                    return eg.add(("mux", w, None, eg.add(("or", 1, None, n[3], m[3])), t, m[5]))
            return eg.add(("mux", w, None, n[3], t, e))
    return eg.find(c)


def r_shift_share(eg: EGraph, c: int, n: tuple) -> None:
    """A logical and an arithmetic right shift of the same x by the same amount in two arms of one mux
    tree -> one arithmetic shift of {fill, x} (w+1 bits, low w kept) in both arms, fill = msb(x) & the
    select where the two arms part (as it picks the arithmetic side): that arm still sees the sign, the
    logical one a zero, every other arm is unchanged.

    Exact for any amount (>= w too: the fill then covers every kept bit, and is 0 on the logical arm)."""
    if n[0] != "mux" or n[1] < 2:
        return
    w = n[1]
    leaves: list = []
    _mux_leaves(eg, c, (), 3, leaves)
    ash = [(p, m) for p, lc in leaves if p for m in eg.has(lc, "ashrv")]
    if not ash:
        return
    lsh = [(p, m) for p, lc in leaves if p for m in eg.has(lc, "lshrv")]
    for pa, ma in ash:
        for pl, ml in lsh:
            if pa[:len(pl)] == pl or pl[:len(pa)] == pa:  # one arm under the other: not exclusive
                continue
            if ma[1] != w or ml[1] != w or eg.find(ma[3]) != eg.find(ml[3]) or eg.find(ma[4]) != eg.find(ml[4]):
                continue
            k = next(i for i in range(len(pa)) if pa[i] != pl[i])  # where the two arms part
            sel, taken = pa[k]
            if eg.w(sel) != 1:
                continue
            x, amt = ma[3], ma[4]
            sel = eg.find(sel) if taken else eg.add(("not", 1, None, sel))
            cond = eg.add(("and", 1, None, sel, _bit(eg, x, w - 1)))
            wide = eg.add(("ashrv", w + 1, None, eg.add(("concat", w + 1, None, cond, x)), amt))
            shared = eg.add(("trunc", w, None, wide))
            eg.pending.append((c, _rebuild(eg, c, w, {pa: shared, pl: shared})))


def r_diff_squares(eg: EGraph, c: int, n: tuple) -> None:
    """a*a - b*b -> (a + b)*(a - b): a ring identity, exact mod 2^W for any a, b of the result's width
    (two squarers become one product; the sum and difference of sign/zero-extended narrow words are
    narrowed again by r_sext_nowrap / r_zext_nowrap)."""
    if n[0] != "sub":
        return
    w = n[1]
    for m1 in eg.has(n[3], "mul"):
        if eg.find(m1[3]) != eg.find(m1[4]):
            continue
        for m2 in eg.has(n[4], "mul"):
            if eg.find(m2[3]) != eg.find(m2[4]) or eg.find(m2[3]) == eg.find(m1[3]):
                continue
            a, b = m1[3], m2[3]
            eg.pending.append((c, eg.add(("mul", w, None, eg.add(("add", w, None, a, b)),
                                          eg.add(("sub", w, None, a, b))))))
            # both extensions of narrow words: the sum and the difference as exact narrow words
            for ext, grow in (("sext", 1), ("zext", 2)):
                ss, dd = _narrow_op(eg, "add", w, a, b, ext, grow), _narrow_op(eg, "sub", w, a, b, ext, grow)
                if ss is not None and dd is not None:
                    eg.pending.append((c, eg.add(("mul", w, None, ss, dd))))
            return


def r_abs_square(eg: EGraph, c: int, n: tuple) -> None:
    """x*x = |x|*|x| for a difference x = p - q of two values below 2^w, held in w+1 bits (sign-extended
    to the product's width M, or the product at w+1 bits itself): the integer x lies in (-2^w, 2^w), its
    sign is bit w (the borrow) and |x| fits w bits unsigned, so the signed (w+1)-bit square becomes an
    unsigned w-bit one of borrow ? -x[w-1:0] : x[w-1:0]; equal mod 2^M for every M (an integer identity)."""
    if n[0] != "mul" or eg.find(n[3]) != eg.find(n[4]):
        return
    M, x = n[1], eg.find(n[3])
    if eg.cval(x) is not None:
        return  # a constant squared (a class such as 2 that also holds some p - q): nothing to gain
    ds = [s[3] for s in eg.has(x, "sext")] + [x]
    for d in ds:
        d = eg.find(d)
        w = eg.w(d) - 1
        if w < 2 or w >= M:
            continue
        if not any(_bits(eg, s[3]) <= w and _bits(eg, s[4]) <= w for s in eg.has(d, "sub")):
            continue
        low = eg.add(("trunc", w, None, d))
        a = eg.add(("mux", w, None, _bit(eg, d, w), eg.add(("neg", w, None, low)), low))
        za = eg.add(("zext", M, None, a))
        eg.pending.append((c, eg.add(("mul", M, None, za, za))))
        return


def _narrow_op(eg: EGraph, op: str, w: int, a: int, b: int, ext: str, grow: int) -> int | None:
    """``a op b`` (add/sub, width w) of two ``ext``-extended narrow words as sext_w of the exact
    operation on words ``grow`` bits wider than the wider one (1 for signed, 2 for unsigned: a
    difference of unsigned words is signed), or None."""
    xa, xb = eg.has(a, ext), eg.has(b, ext)
    if not xa or not xb:
        return None
    na = min((m[3] for m in xa), key=lambda k: (eg.w(k), eg.find(k)))
    nb = min((m[3] for m in xb), key=lambda k: (eg.w(k), eg.find(k)))
    v = max(eg.w(na), eg.w(nb)) + grow
    if v >= w:
        return None
    wa = eg.add((ext, v, None, na)) if eg.w(na) < v else eg.find(na)
    wb = eg.add((ext, v, None, nb)) if eg.w(nb) < v else eg.find(nb)
    return eg.add(("sext", w, None, eg.add((op, v, None, wa, wb))))


def _signed_form(eg: EGraph, c: int, w: int, sign: int, seen: frozenset, out: dict[int, int], depth: int) -> bool:
    """Flatten ``c`` (width ``w``) through add/sub/neg into ``out``: leaf class -> integer coefficient.
    One add/sub/neg node per class (the first in sorted order; all are equal); False past 8 leaves."""
    fc = eg.find(c)
    if depth < 6 and fc not in seen:
        for m in sorted(eg.nodes[fc]):
            if m[0] in ("add", "sub") and m[1] == w:
                s2 = sign if m[0] == "add" else -sign
                return (_signed_form(eg, m[3], w, sign, seen | {fc}, out, depth + 1)
                        and _signed_form(eg, m[4], w, s2, seen | {fc}, out, depth + 1))
            if m[0] == "neg" and m[1] == w:
                return _signed_form(eg, m[3], w, -sign, seen | {fc}, out, depth + 1)
    out[fc] = out.get(fc, 0) + sign
    return len(out) <= 8


def _unit_form(eg: EGraph, c: int) -> dict[int, int] | None:
    """The +-1 linear form of a sum class over >= 3 leaves, or None."""
    out: dict[int, int] = {}
    if not _signed_form(eg, c, eg.w(c), 1, frozenset(), out, 0):
        return None
    out = {k: v for k, v in out.items() if v}
    if len(out) < 3 or any(abs(v) != 1 or eg.cval(k) is not None for k, v in out.items()):
        return None
    return out


def r_pair_share(eg: EGraph, c: int, n: tuple) -> None:
    """Sums of +-1 terms over common leaves, several at once (a Hadamard / butterfly matrix written out
    row by row): each sum is regrouped into leaf pairs ``p + q`` / ``p - q`` that another sum of the same
    width also contains (up to an overall sign), so the DAG extraction builds each pair once
    (x0+x1+x2+x3, x0+x1-x2-x3, x0-x1-x2+x3, x0-x1+x2-x3: 12 adders -> 8). Exact mod 2^W: only the
    grouping of the same signed terms changes."""
    if n[0] not in ("add", "sub"):
        return
    w = n[1]
    form = _unit_form(eg, c)
    if form is None:
        return
    done = eg.__dict__.setdefault("_pair_share_done", set())
    key = eg.find(c)  # once per class: its first form (later ones are regroupings of the same terms)
    if key in done:
        return
    cache = eg.__dict__.setdefault("_pair_share_forms", {})
    if cache.get("size") != (eg.size(), len(eg.classes())):
        forms = {}
        inner = {eg.find(x) for cc in eg.classes() for m in eg.nodes[cc] if m[0] in ("add", "sub", "neg")
                 for x in m[3:]}  # partial sums of a chain are not sums of their own
        for cc in eg.classes():
            if cc not in inner and any(m[0] in ("add", "sub") for m in eg.nodes[cc]):
                f = _unit_form(eg, cc)
                if f is not None:
                    forms[cc] = f
        cache.clear()
        cache.update(size=(eg.size(), len(eg.classes())), forms=forms, inner=inner)
    me = eg.find(c)
    if me in cache["inner"]:
        return
    mine = tuple(sorted(form.items()))
    # distinct sums (a regrouping not yet merged into its class is the same sum again)
    uniq = {tuple(sorted(f.items())) for cc, f in cache["forms"].items() if eg.width[eg.find(cc)] == w}

    def part(f, g):  # f's signed terms are part of g's (a partial sum of g's chain, either sign)
        return len(f) < len(g) and (all(g.get(k) == v for k, v in f) or all(g.get(k) == -v for k, v in f))

    full = [dict(g) for g in uniq]
    uniq = {f for f in uniq if not any(part(f, g) for g in full)}
    others = [dict(f) for f in sorted(uniq - {mine})]
    if not others:
        return

    def pairs(f):  # (p, q, relative sign) with p < q
        ks = sorted(f)
        return {(p, q, f[p] * f[q]) for i, p in enumerate(ks) for q in ks[i + 1:]}

    count: dict[tuple, int] = {}
    for f in others:
        for pq in pairs(f):
            count[pq] = count.get(pq, 0) + 1
    # ties by the leaves alone (not the relative sign), so sums over the same leaves pick one matching
    cand = sorted((pq for pq in pairs(form) if pq in count), key=lambda pq: (-count[pq], pq[0], pq[1]))
    used: set[int] = set()
    terms: list[tuple[int, int]] = []
    for p, q, r in cand:
        if p in used or q in used:
            continue
        used |= {p, q}
        node = eg.add(("add" if r > 0 else "sub", w, None, p, q))
        narrow = _narrow_op(eg, "add" if r > 0 else "sub", w, p, q, "sext", 1)
        if narrow is not None:  # two sign-extended words: the pair as an exact narrow word one bit wider
            eg.pending.append((node, narrow))
        terms.append((form[p], node))
    if not terms:
        return
    done.add(key)
    terms += [(v, k) for k, v in sorted(form.items()) if k not in used]
    eg.pending.append((c, _sum_terms(eg, w, terms)))


def _w_minus(eg: EGraph, m: int, n: int, W: int) -> bool:
    """``m`` is ``W - n`` exactly (no wrap: n < W, W fits m's width)."""
    fn = eg.find(n)
    if (1 << eg.w(n)) > W:
        return False
    for node in eg.nodes[eg.find(m)]:
        if node[0] != "sub" or eg.cval(node[3]) != W or W >> node[1]:
            continue
        z = eg.find(node[4])
        if z == fn or any(k[0] == "zext" and eg.find(k[3]) == fn for k in eg.nodes[z]):
            return True
    return False


def _barrel(eg: EGraph, x: int, amt: int, W: int) -> int:
    """x rotated left by ``amt`` (< W): one stage per amount bit, stage k rotating by 2^k."""
    t = eg.find(x)
    sw = eg.w(amt)
    for k in range(sw):
        sh = (1 << k) % W
        if not sh:
            continue
        hi = eg.add(("trunc", W - sh, None, t))
        lo = eg.add(("trunc", sh, None, eg.add(("lshr", W, W - sh, t))))
        rot = eg.add(("concat", W, None, hi, lo))
        bit = eg.add(("trunc", 1, None, eg.add(("lshr", sw, k, amt)) if k else amt))
        t = eg.add(("mux", W, None, bit, rot, t))
    return t


def r_rotate(eg: EGraph, c: int, n: tuple) -> None:
    """Rotates by a variable amount written as two shifts, ``(x << n) | (x >> (W - n))`` (left) and
    ``(x >> n) | (x << (W - n))`` (right), with n narrower than W (n < W: at n = 0 the second shift is by
    W and gives 0, so both are exact rotates) -> a logarithmic rotator (a mux per amount bit); a right
    rotate is a left one by -n when W = 2^width(n). Two rotates of one x in the arms of a mux share one
    rotator on the selected amount: ``d ? rotr(x, n) : rotl(x, m)`` -> rotl(x, d ? -n : m)."""
    rots = eg.__dict__.setdefault("_rotates", {})
    if n[0] == "or" and n[1] >= 2:
        W = n[1]
        for p, q in ((n[3], n[4]), (n[4], n[3])):
            for sl in eg.has(p, "shlv"):
                for sr in eg.has(q, "lshrv"):
                    if eg.find(sl[3]) != eg.find(sr[3]):
                        continue
                    x = sl[3]
                    amt = None
                    if _w_minus(eg, sr[4], sl[4], W):  # left by sl's amount
                        amt = eg.find(sl[4])
                    elif _w_minus(eg, sl[4], sr[4], W) and 1 << eg.w(sr[4]) == W:  # right: left by -n
                        amt = eg.add(("neg", eg.w(sr[4]), None, sr[4]))
                    if amt is None or eg.find(c) in rots:
                        continue
                    rots[eg.find(c)] = (eg.find(x), amt)
                    eg.pending.append((c, _barrel(eg, x, amt, W)))
        return
    if n[0] != "mux" or eg.w(n[3]) != 1:
        return
    t, e = rots.get(eg.find(n[4])), rots.get(eg.find(n[5]))
    if t is None or e is None or eg.find(t[0]) != eg.find(e[0]) or eg.w(t[1]) != eg.w(e[1]):
        return
    amt = eg.add(("mux", eg.w(t[1]), None, n[3], t[1], e[1]))
    eg.pending.append((c, _barrel(eg, t[0], amt, n[1])))


def _rotl_concat(eg: EGraph, x: int, amt: int, W: int) -> int:
    """x rotated left by ``amt`` (2^width(amt) <= W) as ({x, x} << amt)[2W-1:W]."""
    dbl = eg.add(("concat", 2 * W, None, x, x))
    return eg.add(("trunc", W, None, eg.add(("lshr", 2 * W, W, eg.add(("shlv", 2 * W, None, dbl, amt))))))


def r_rot_compose(eg: EGraph, c: int, n: tuple) -> None:
    """Rotates written as a double-width shift, ``({x, x} << n)[2W-1:W]`` with 2^width(n) <= W (n < W: an
    exact left rotate), are recorded with r_rotate's; a rotate of a rotate of one v, W a power of two,
    is one rotate by the sum of the amounts mod W: rotl(rotl(v, b), r) -> rotl(v, (b + r) mod 2^k) with
    the amounts zero-extended to k = log2 W bits (one rotator and a k-bit adder instead of two rotators)."""
    if n[0] != "trunc":
        return
    W = n[1]
    if W < 2 or eg.w(n[3]) != 2 * W:
        return
    rots = eg.__dict__.setdefault("_rotates", {})
    c = eg.find(c)
    if c not in rots:
        for sh in eg.has(n[3], "lshr"):
            if sh[2] != W:
                continue
            for sv in eg.has(sh[3], "shlv"):
                amt = eg.find(sv[4])
                if (1 << eg.w(amt)) > W:
                    continue
                for cc in eg.has(sv[3], "concat"):
                    if len(cc) == 5 and eg.find(cc[3]) == eg.find(cc[4]) and eg.w(cc[3]) == W:
                        rots[c] = (eg.find(cc[3]), amt)
                        break
                if c in rots:
                    break
            if c in rots:
                break
    if c not in rots or W & (W - 1):
        return
    x, r = rots[c]
    inner = None
    for key, val in list(rots.items()):
        if eg.find(key) == eg.find(x):
            inner = val
            break
    if inner is None:
        return
    v, b = inner
    k = W.bit_length() - 1
    done = eg.__dict__.setdefault("_rot_composed", set())
    if (c, eg.find(v)) in done:
        return
    done.add((c, eg.find(v)))

    def ext(a: int) -> int:
        return a if eg.w(a) == k else eg.add(("zext", k, None, a))
    amt = eg.add(("add", k, None, ext(b), ext(r)))
    new = _rotl_concat(eg, v, amt, W)
    rots[eg.find(new)] = (eg.find(v), amt)
    eg.pending.append((c, new))


def r_leak_shift(eg: EGraph, c: int, n: tuple) -> None:
    """(a * (2^k - 1) + x) >> k with a run-time k (the leaky integrator / exponential moving average) ->
    a + ((x - a) >>> k): a*2^k - a + x = a*2^k + (x - a), so the quotient is a + floor((x - a) / 2^k),
    the difference a signed word one bit wider than a and x and shifted arithmetically. Exact when the
    sum does not wrap at the result's width P: a < 2^wa, x < 2^wx and max(wa + kmax, wx) + 1 <= P
    (kmax = 2^width(k) - 1); then the sum is below 2^P, non-negative, and 2^k - 1 is exact too."""
    if n[0] != "lshrv":
        return
    P, k = n[1], eg.find(n[4])
    kmax = (1 << eg.w(k)) - 1
    for ad in eg.has(n[3], "add"):
        for m, xx in ((ad[3], ad[4]), (ad[4], ad[3])):
            for mu in eg.has(m, "mul"):
                for a, t in ((mu[3], mu[4]), (mu[4], mu[3])):
                    ok = False
                    for sb in eg.has(t, "sub"):
                        if eg.cval(sb[4]) != 1:
                            continue
                        ok = any(eg.find(sh[4]) == k and eg.cval(sh[3]) == 1 for sh in eg.has(sb[3], "shlv"))
                        if ok:
                            break
                    if not ok:
                        continue
                    wa, wx = _bits(eg, a), _bits(eg, xx)
                    if max(wa + kmax, wx) + 1 > P:
                        continue
                    wd = max(wa, wx) + 1
                    ta = a if wd == P else eg.add(("trunc", wd, None, a))
                    tx = xx if wd == P else eg.add(("trunc", wd, None, xx))
                    q = eg.add(("ashrv", wd, None, eg.add(("sub", wd, None, tx, ta)), k))
                    sq = q if wd == P else eg.add(("sext", P, None, q))
                    eg.pending.append((c, eg.add(("add", P, None, a, sq))))
                    return


def r_neg_mul(eg: EGraph, c: int, n: tuple) -> None:
    """(-s) * g = -(s * g) (a ring identity at one width), and sext_W(-s) = -sext_W(s) when s, read as a
    signed w-bit number, is never the most negative one (its negation does not wrap at w bits): a product
    of a negated operand shares the product of the operand itself (x + s*g and x - s*g)."""
    W = n[1]
    if n[0] == "sext":
        lo = -(1 << (eg.w(n[3]) - 1))
        for m in eg.has(n[3], "neg"):
            if _srange(eg, m[3])[0] > lo:
                eg.pending.append((c, eg.add(("neg", W, None, eg.add(("sext", W, None, m[3]))))))
                return
        return
    if n[0] != "mul":
        return
    for a, b in ((n[3], n[4]), (n[4], n[3])):
        for m in eg.has(a, "neg"):
            eg.pending.append((c, eg.add(("neg", W, None, eg.add(("mul", W, None, m[3], b))))))
            return


RULES: list[Rule] = [r_identities, r_comm, r_assoc, r_sub_neg, r_factor, r_sum_factor, r_gauss, r_shift_mul, r_mux, r_trunc,
                     r_ext, r_cmp, r_zext_nowrap, r_sext_nowrap, r_pick_bit,
                     r_zext_sub_nowrap, r_distribute_const, r_cmp_carry,
                     r_signed_headroom, r_absdiff, r_range_window, r_cond_neg_carry, r_absdiff_carry, r_abs_cmp,
                     r_shift_share, r_diff_squares, r_pair_share, r_rotate, r_abs_square, r_rot_compose, r_leak_shift, r_neg_mul]
