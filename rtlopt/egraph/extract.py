"""Cost model (calibrated per liberty, rtlopt/data/egraph_costs.json) and DAG-aware extraction.

The cost of an e-node is the area of the operator it stands for, from a table fitted once against
a liberty by ``benchmarks/egraph_calibrate.py`` (never measured at run time): adders/subtractors and
negations per result bit that can be non-zero, multipliers per partial-product bit that reaches the
result, multiplications by a constant per canonical-signed-digit adder, muxes and bitwise logic per
bit, comparisons per operand bit; shifts by constants, extensions, truncations, concatenations and
constants are wiring (free).

Extraction is DAG-aware: the cost of a choice is the sum over the *distinct* e-classes it reaches
from the roots that must be computed (a shared subterm is paid once). It starts from the original
expressions (so unchanged code stays unchanged) and from the tree-optimal choice, and improves by
local search (one class's node at a time) within a time limit, never accepting a cycle.
"""

from __future__ import annotations

import json
import math
import time
from functools import lru_cache
from pathlib import Path

from rtlopt.egraph.core import EGraph, csd, mask

_DEFAULT = {"add": 30.5, "sub": 32.0, "neg": 13.5, "mul": 15.5, "mulc": 110.0, "mux": 11.26, "and": 6.26,
            "xor": 8.76, "not": 3.75, "eq": 11.6, "ult": 16.4, "shlv": 14.0, "div": 18.3, "mod": 20.6,
            "mulge": 12.6}


#: An ordered comparison with a constant against one of two variables (sky130hd, Yosys+ABC, a port
#: input): x >u 400 (12 bits) 28.8, x >s 400 28.8, x <s -1367 37.5, x <=u 21845 (16 bits, alternating
#: bits) 52.6, x >u 5123456 (24 bits) 62.6 um^2: 2.4-3.3 um^2 per bit against 16.45 for two variables.
CMP_CONST_FACTOR = 0.2


@lru_cache(maxsize=1)
def unit_costs() -> dict[str, float]:
    p = Path(__file__).resolve().parents[1] / "data" / "egraph_costs.json"
    try:
        data = json.loads(p.read_text())
        return {**_DEFAULT, **data.get("per_unit_um2", {})}
    except (OSError, ValueError):
        return dict(_DEFAULT)


def significant(eg: EGraph) -> dict[int, int]:
    """Per class: number of low bits that can be non-zero (upper bits are provably 0)."""
    sig = {c: eg.width[c] for c in eg.classes()}
    for c, v in eg.const.items():
        if eg.find(c) == c:
            sig[c] = v.bit_length()
    for _ in range(6):
        changed = False
        for c in sig:
            best = sig[c]
            for n in eg.nodes[c]:
                s = _node_sig(eg, n, sig)
                if s is not None and s < best:
                    best = s
            if best < sig[c]:
                sig[c] = best
                changed = True
        if not changed:
            break
    return sig


def _node_sig(eg: EGraph, n: tuple, sig: dict[int, int]) -> int | None:
    op, w = n[0], n[1]
    ch = [sig.get(eg.find(x), eg.w(x)) for x in n[3:]]
    if op == "zext":
        return ch[0]
    if op == "and":
        return min(ch)
    if op in ("or", "xor"):
        return max(ch)
    if op == "mux":
        return max(ch[1], ch[2])
    if op == "add":
        return min(w, max(ch) + 1) if min(ch) else max(ch)
    if op == "mul":
        return min(w, ch[0] + ch[1]) if min(ch) else 0
    if op == "shl":
        return min(w, ch[0] + n[2]) if ch[0] else 0
    if op == "lshr":
        return max(0, ch[0] - n[2])
    if op == "trunc":
        return min(w, ch[0])
    if op == "umod":  # a % b <= a (a % 0 = a)
        return ch[0]
    if op in ("lzc", "tzc"):
        return min(w, eg.w(n[3]).bit_length())
    if op == "udiv":  # a / 0 is all ones: fewer bits only by a constant divisor
        k = eg.cval(n[4])
        return max(0, ch[0] - k.bit_length() + 1) if k else None
    if op == "concat":
        total = 0
        for x, s in zip(n[3:], ch, strict=True):
            total = (total and total + eg.w(x)) or s
        return min(w, total)
    if op in ("eq", "ne", "ult", "ule", "slt", "sle", "redand", "redor", "redxor", "mulge"):
        return 1
    return None


def node_cost(eg: EGraph, n: tuple, sig: dict[int, int]) -> float:
    u = unit_costs()
    op, w = n[0], n[1]
    if op in ("var", "const", "zext", "sext", "trunc", "concat", "shl", "lshr", "ashr", "ref"):
        return 0.0
    ch = n[3:]
    s = [sig.get(eg.find(x), eg.w(x)) for x in ch]
    k = [eg.cval(x) for x in ch]
    # a parameter read by name (it differs between instances) is a constant in every elaboration
    kp = [v is not None or eg.find(x) in eg.params for v, x in zip(k, ch, strict=True)]
    if op in ("add", "sub"):
        if k[1] is not None and k[1] == 0:
            return 0.0
        bits = min(w, max(s) + 1)
        if op == "add" and min(s) == 1 and all(v is None for v in k):
            # x + cin with x itself a sum: the bit is the adder's carry-in (a + (b ^ {w{s}}) + s)
            other = ch[0] if s[1] == 1 else ch[1]
            if eg.has(other, "add"):
                return u["and"]
        if op == "add" and any(v is not None for v in k):
            return u["add"] * 0.5 * bits  # incrementer-like
        return u[op] * bits
    if op == "neg":
        return u["neg"] * w
    if op == "mul":
        if k[0] is not None or k[1] is not None:
            kv, xs = (k[0], s[1]) if k[0] is not None else (k[1], s[0])
            terms = len(csd(kv, w))
            bits = min(w, xs + kv.bit_length())
            # per adder bit as calibrated ("mulc": a * 93, 3 CSD adders): Yosys maps a constant product larger
            # than the same shift-adds written out (heldout14 units/const_chain: x * 15 in 18 bits 1471 vs
            # (x << 4) - x 1002 um^2), so an explicit form in the class wins
            return u["mulc"] / MULC_CAL_ADDERS * bits * max(0, terms - 1)
        return u["mul"] * _pp_bits(min(s[0], _diff_bits(eg, ch[0], sig)), min(s[1], _diff_bits(eg, ch[1], sig)), w)
    if op in ("and", "or"):
        if any(v is not None for v in k):
            return 0.0
        return u["and"] * (min(s) if op == "and" else max(s))
    if op == "xor":
        return u["xor"] * max(s) * (0.4 if any(v is not None for v in k) else 1.0)
    if op == "not":
        return u["not"] * w
    if op == "mux":
        if k[0] is not None:
            return 0.0
        return u["mux"] * max(s[1], s[2])
    if op in ("eq", "ne"):
        wo = eg.w(ch[0])
        return u["eq"] * wo * (0.6 if any(kp) else 1.0)
    if op in ("ult", "ule", "slt", "sle"):
        wo = eg.w(ch[0])
        return u["ult"] * wo * (CMP_CONST_FACTOR if any(kp) else 1.0)
    if op in ("shlv", "lshrv") and k[0] is not None:  # a constant shifted: a decoder (thermometer, one-hot)
        return u["and"] * w * 1.5
    if op in ("shlv", "lshrv", "ashrv"):
        return u["shlv"] * w * max(1, min(eg.w(ch[1]), math.ceil(math.log2(max(2, w)))))
    if op in ("lzc", "tzc"):
        # a priority chain: one E-bit select per operand bit, a quarter above the chain it was recognised
        # in (a count alone is never rewritten into the emitter's spelling; the OR of a min's is)
        return u["mux"] * w * eg.w(ch[0]) * 1.25
    if op == "mulge":  # A >= K*B: per compared bit and CSD term of K (calibrated as one unit)
        return u["mulge"] * w_cmp(eg, n) * max(1, len(csd(n[2], eg.w(ch[0]))))
    if op in ("udiv", "umod"):
        # long division (calibrated per dividend bit x divisor bit, W/W up to 16); a constant divisor
        # folds into a much smaller network (rough: a quarter)
        return u["div" if op == "udiv" else "mod"] * max(1, s[0]) * max(1, s[1]) * (0.25 if k[1] is not None else 1.0)
    if op in ("redand", "redor", "redxor"):
        return u["and"] * eg.w(ch[0])
    if op == "bitsel":  # a mux tree over the word's bits
        return u["mux"] * min(eg.w(ch[0]), 1 << min(eg.w(ch[1]), 20))
    return u["add"] * w  # unknown operator: expensive, so it is never preferred


def w_cmp(eg: EGraph, n: tuple) -> int:
    """Compared width of a ``mulge`` node (its operands' width)."""
    return eg.w(n[3])


def _diff_bits(eg: EGraph, c: int, sig: dict[int, int]) -> int:
    """Width of ``c`` as a multiplier operand: a difference of two values of at most v significant bits
    is a (v+1)-bit signed number (its upper bits copy the sign), which a signed multiplier of v+1 bits
    computes modulo 2^W; otherwise the class width."""
    best = eg.w(c)
    for n in eg.nodes[eg.find(c)]:
        if n[0] == "sub":
            v = max(sig.get(eg.find(n[3]), eg.w(n[3])), sig.get(eg.find(n[4]), eg.w(n[4])))
            best = min(best, v + 1)
        elif n[0] == "sext" and any(m[0] in ("add", "sub") for m in eg.nodes[eg.find(n[3])]):
            # a sign-extended narrow sum or difference (the operands of (a + b)*(a - b)): a signed
            # multiplier of its own width, like the difference above
            best = min(best, eg.w(n[3]))
    return best


def _pp_bits(a: int, b: int, w: int) -> int:
    return sum(max(0, min(b, w - i)) for i in range(min(a, w)))


#: Alternatives per class tried in a group move (the cheapest by own cost and new children first).
GROUP_ALTS = 4
#: Tie-break per declared result bit of a costed node (far below any modelled cost difference).
WIDTH_TIE = 1e-4
#: CSD adders of the calibration's constant product (``a * 8'd93``: 128 - 32 - 4 + 1).
MULC_CAL_ADDERS = 3


class Extraction:
    def __init__(self, eg: EGraph, roots: dict[str, int], mandatory: set[str], refs: dict[tuple, int],
                 original: dict[int, tuple] | None = None, time_s: float = 2.0) -> None:
        """``roots``: name -> class; ``refs``: ``var`` node -> the class of the root it names (a
        reference costs nothing itself but makes that root's class computed)."""
        self.eg = eg
        self.roots = {k: eg.find(v) for k, v in roots.items()}
        self.mandatory = mandatory
        self.refs = {eg.canon(k): eg.find(v) for k, v in refs.items()}
        self.sig = significant(eg)
        self.cost = {}
        for c in eg.classes():
            for n in eg.nodes[c]:
                c0 = node_cost(eg, n, self.sig)
                # equal modelled costs (a product or mux of the same significant bits at two declared
                # widths): the narrower node wins, so a zero-extended operand stays narrow and a product
                # keeps its exact width (a 25-bit product of 12-bit operands maps slower than 24 + zext)
                self.cost[n] = c0 + (WIDTH_TIE * n[1] if c0 > 0 else 0.0)
        self.time_s = time_s

    def children(self, n: tuple) -> tuple[int, ...]:
        if n[0] == "var":
            r = self.refs.get(n)
            return (r,) if r is not None else ()
        return tuple(self.eg.find(c) for c in n[3:])

    def tree_best(self) -> dict[int, tuple]:
        eg = self.eg
        best = {c: math.inf for c in eg.classes()}
        choice: dict[int, tuple] = {}
        for _ in range(50):
            changed = False
            for c in best:
                for n in sorted(eg.nodes[c], key=repr):
                    v = self.cost[n] + sum(best[ch] for ch in self.children(n))
                    if v < best[c] - 1e-9:
                        best[c] = v
                        choice[c] = n
                        changed = True
            if not changed:
                break
        return choice

    def dag_cost(self, choice: dict[int, tuple]) -> float:
        """Sum of node costs over distinct classes reached from the mandatory roots; inf on a cycle."""
        total = 0.0
        done: set[int] = set()
        onstack: set[int] = set()
        stack = [(self.roots[r], False) for r in self.mandatory if r in self.roots]
        while stack:
            c, post = stack.pop()
            if post:
                onstack.discard(c)
                done.add(c)
                continue
            if c in done:
                continue
            if c in onstack:
                return math.inf
            n = choice.get(c)
            if n is None:
                return math.inf
            onstack.add(c)
            total += self.cost[n]
            stack.append((c, True))
            for ch in self.children(n):
                if ch in onstack:
                    return math.inf
                if ch not in done:
                    stack.append((ch, False))
        return total

    def reachable(self, choice: dict[int, tuple]) -> list[int]:
        seen: list[int] = []
        s = set()
        stack = [self.roots[r] for r in self.mandatory if r in self.roots]
        while stack:
            c = stack.pop()
            if c in s:
                continue
            s.add(c)
            seen.append(c)
            n = choice.get(c)
            if n is not None:
                stack.extend(self.children(n))
        return seen

    def improve(self, choice: dict[int, tuple], deadline: float) -> tuple[dict[int, tuple], float]:
        choice, cur = self._improve_single(choice, deadline)
        while time.monotonic() < deadline:
            got = self._group_move(choice, cur, deadline)
            if got is None:
                break
            choice, cur = self._improve_single(got[0], deadline)
        return choice, cur

    def _group_move(self, choice: dict[int, tuple], cur: float, deadline: float):
        """Switch several classes at once to alternatives that reach one new shared class (e.g. a
        comparison and a subtraction both becoming parts of one wider subtractor): no single switch
        pays for the shared class, together they may. Returns (choice, cost) of the first gain."""
        reach = self.reachable(choice)
        live = set(reach)
        idx: dict[int, dict[int, tuple]] = {}
        for c in reach:
            for n in self.eg.nodes.get(c, ()):
                if n == choice.get(c):
                    continue
                # classes newly reached below n (through the current choices), a few levels deep
                frontier, seen = list(self.children(n)), set()
                for _depth in range(3):
                    nxt = []
                    for d in frontier:
                        if d in seen or d in live:
                            continue
                        seen.add(d)
                        m = choice.get(d)
                        if m is not None:
                            nxt.extend(self.children(m))
                    frontier = nxt
                # the alternative's own cost and that of its new children as currently chosen (one
                # level: k + -(x) loses to k - x though the add alone is cheaper than the sub)
                own = self.cost[n] + sum(self.cost.get(choice.get(d), 0.0) for d in set(self.children(n))
                                         if d not in live)
                for d in seen:
                    idx.setdefault(d, {}).setdefault(c, []).append((own, n))
        for _d, alts in sorted(idx.items(), key=lambda kv: -len(kv[1])):
            if len(alts) < 2:
                break
            if time.monotonic() > deadline:
                return None
            trial = dict(choice)
            trial.update({c: min(opts, key=lambda x: (x[0], repr(x[1])))[1] for c, opts in alts.items()})
            v = self.dag_cost(trial)
            for _pass in range(2):  # each class's alternative reaching d: the best of a few, the others switched
                for c, opts in sorted(alts.items()):
                    for _own, n in sorted(opts, key=lambda x: (x[0], repr(x[1])))[:GROUP_ALTS]:
                        old = trial[c]
                        trial[c] = n
                        tv = self.dag_cost(trial)
                        if tv < v - 1e-9:
                            v = tv
                        else:
                            trial[c] = old
            if v < cur - 1e-6:
                return trial, v
        return None

    def _improve_single(self, choice: dict[int, tuple], deadline: float) -> tuple[dict[int, tuple], float]:
        choice = dict(choice)
        cur = self.dag_cost(choice)
        improved = True
        while improved and time.monotonic() < deadline:
            improved = False
            for c in self.reachable(choice):
                if time.monotonic() > deadline:
                    break
                nodes = self.eg.nodes.get(c, ())
                if len(nodes) < 2:
                    continue
                old = choice.get(c)
                best_n, best_v = old, cur
                best_fill: dict[int, tuple] = {}
                live = None
                for n in sorted(nodes, key=lambda x: (self.cost[x], repr(x))):
                    if n == old:
                        continue
                    choice[c] = n
                    v = self.dag_cost(choice)
                    if v < best_v - 1e-6:
                        best_n, best_v, best_fill = n, v, {}
                    if live is None:
                        choice[c] = old
                        live = set(self.reachable(choice))
                        choice[c] = n
                    fill = self._fill(choice, live)
                    if fill:  # the classes newly reached below n computed from what is already live
                        trial = {**choice, **fill}
                        v = self.dag_cost(trial)
                        if v < best_v - 1e-6:
                            best_n, best_v, best_fill = n, v, fill
                choice[c] = best_n
                choice.update(best_fill)
                if best_n != old:
                    cur = best_v
                    improved = True
        return choice, cur

    def _fill(self, choice: dict[int, tuple], live: set[int]) -> dict[int, tuple]:
        """For the classes newly reached (not in ``live``) under ``choice``: the node whose children are
        all live classes, cheapest first (a low-bits class ``trunc(d)`` of a new subtractor ``d`` reads
        ``d`` instead of a narrower copy of it: the tree choice counts the shared subtractor twice)."""
        fill: dict[int, tuple] = {}
        reach = self.reachable(choice)
        seen = set(reach)
        for d in reach:
            if d in live:
                continue
            cur = choice.get(d)
            got = [n for n in self.eg.nodes.get(d, ()) if n != cur and self.children(n)
                   and all(ch in seen and ch != d for ch in self.children(n))]
            if got:
                n = min(got, key=lambda x: (self.cost[x], repr(x)))
                if cur is None or self.cost[n] < self.cost[cur] - 1e-6:
                    fill[d] = n
        return fill

    def run(self, original: dict[int, tuple]) -> tuple[dict[int, tuple], float, float]:
        """Best choice found, its DAG cost, and the original's DAG cost."""
        deadline = time.monotonic() + self.time_s
        tree = self.tree_best()
        orig = dict(tree)
        orig.update({self.eg.find(c): self.eg.canon(n) for c, n in original.items()})
        base = self.dag_cost(orig)
        a, va = self.improve(orig, deadline)
        b, vb = self.improve(tree, deadline + self.time_s / 2)
        if vb < va - 1e-6:
            return b, vb, base
        return a, va, base


def const_bits(v: int, w: int) -> int:
    return (v & mask(w)).bit_length()
