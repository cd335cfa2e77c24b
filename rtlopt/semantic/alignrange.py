"""A range test over an aligned window is an equality of the high bits.

``B <= A && A < B + 2**k`` is ``(A >> k) == (B >> k)`` when the low ``k`` bits of ``B`` are zero (and
``B + 2**k`` does not wrap): an address window whose base register is always written size-aligned
(``base <= {wdata[hi:k], k'b0}``, zero from reset), a page/bank hit test. The alignment is an
invariant of the registers: synthesis keeps two magnitude comparators and an adder where an
equality of ``W - k`` bits does.

Found by meaning: in every conjunction (``&&``, or ``&`` of one-bit terms) a lower bound ``A >= B`` /
``B <= A`` and an upper bound ``A < B + C`` / ``A < C + B`` / ``B + C > A`` on the same ``A`` and ``B``
(the same text), ``C`` an elaborated constant power of two (parameters allowed: ``1 << SZ``). The
two terms become one equality (the shift amount spelled as the exponent of ``1 << X`` where the
text has it, so the rewrite follows the module's parameters). Offered only when a simulation of the
whole design from reset agrees (:func:`rtlopt.semantic.regguard.agreeing_edits`, strict); the search
measures it and the verifier proves it (the base's low bits constant from reset: an unaligned write
refutes it).
"""

from __future__ import annotations

from pathlib import Path

RULE = "sequential_redundancy"
MAX_TRIES = 4
_ANDS = ("LogicalAnd", "BinaryAnd")


def _sites(path: Path, text: str) -> list:
    from pyslang import ast

    from rtlopt.templates._sem import analyze, is_pure, norm, op_name, paren, strip

    an = analyze(text, str(path))
    if an.syntax_errors:
        return []

    def is_and(n) -> bool:
        n = strip(n)
        if type(n).__name__ != "BinaryExpression" or op_name(n) not in _ANDS:
            return False
        return op_name(n) == "LogicalAnd" or int(getattr(n.type, "bitWidth", 0) or 0) == 1

    def terms(n) -> list:
        n = strip(n)
        return terms(n.left) + terms(n.right) if is_and(n) else [n]

    def const(n) -> int | None:
        try:
            v = strip(n).eval(ast.EvalContext(an.root))
            sv = getattr(v, "value", None)
            return None if sv is None or type(sv).__name__ != "SVInt" or sv.hasUnknown else int(sv)
        except Exception:  # noqa: BLE001 - not a constant (pyslang raises assorted errors)
            return None

    def txt(n) -> str:
        s, e = an.span(n)
        return text[s:e]

    def bound(t):
        """('lo', A, B) for A >= B, ('hi', A, B, shift text) for A < B + 2**k."""
        t = strip(t)
        if type(t).__name__ != "BinaryExpression" or not is_pure(t):
            return None
        op, left, right = op_name(t), strip(t.left), strip(t.right)
        if op == "GreaterThanEqual":
            return ("lo", left, right)
        if op == "LessThanEqual":
            return ("lo", right, left)
        if op in ("LessThan", "GreaterThan"):
            a, s = (left, right) if op == "LessThan" else (right, left)
            if type(s).__name__ != "BinaryExpression" or op_name(s) != "Add":
                return None
            for b, c in ((strip(s.left), strip(s.right)), (strip(s.right), strip(s.left))):
                v = const(c)
                if v is not None and v >= 2 and v & (v - 1) == 0 and const(b) is None:
                    k = v.bit_length() - 1
                    sh = str(k)
                    if type(c).__name__ == "BinaryExpression" and op_name(c) in ("LogicalShiftLeft",
                                                                                 "ArithmeticShiftLeft") \
                            and const(c.left) == 1:
                        sh = paren(txt(c.right))
                    return ("hi", a, b, sh)
        return None

    found = []
    for e in an.exprs:
        n = e.node
        if not is_and(n):
            continue
        ts = terms(n)
        bs = [bound(t) for t in ts]
        for i, lo in enumerate(bs):
            if lo is None or lo[0] != "lo" or const(lo[1]) is not None:
                continue
            for j, hi in enumerate(bs):
                if hi is None or hi[0] != "hi" or norm(txt(hi[1])) != norm(txt(lo[1])) \
                        or norm(txt(hi[2])) != norm(txt(lo[2])):
                    continue
                a, b = paren(txt(lo[1])), paren(txt(lo[2]))
                eq = f"(({a} >> {hi[3]}) == ({b} >> {hi[3]}))"
                parts = [eq if x == i else paren(txt(t)) for x, t in enumerate(ts) if x != j]
                found.append((e.start, e.end, "(" + " && ".join(parts) + ")",
                              f"'{txt(ts[i]).strip()[:40]}' and '{txt(ts[j]).strip()[:40]}' (line {an.line(e.start)}): "
                              f"an aligned window, the high bits equal"))
                break
            else:
                continue
            break
    # the widest conjunction holding a pair (its sub-chains hold the same pair)
    return [f for f in found if not any(g is not f and g[0] <= f[0] and f[1] <= g[1] and (g[0], g[1]) != (f[0], f[1])
                                        for g in found)]


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    from rtlopt.semantic.regguard import agreeing_edits

    sites = [(p, s) for p, t in texts.items() if "<" in t and "+" in t and "&" in t for s in _sites(p, t)]
    return agreeing_edits(texts, top, sites, timeout_s, MAX_TRIES, "aligned windows tested by their high bits",
                          strict=True)


def alignrange_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, label="aligned window", cap_s=8.0)
