"""Algebraic factoring (distributivity) of products, exact modulo 2^W.

Two directions, each only where it removes a multiplier:

- factoring: ``p*q + p*r`` → ``p * (q + r)`` (also ``-``, any operand order) when neither product
  is computed anywhere else (otherwise the multiplier stays and nothing is saved);
- expansion for sharing: ``(q + k) * p`` → ``q*p + k*p`` (``k`` a positive constant, ``k*p`` written
  ``p`` for k = 1) when the product ``q*p`` is already computed elsewhere in the design, so the
  multiplier is shared and only an adder (plus a constant multiple) remains.

Both are ring identities, so they hold bit-exactly modulo 2^W for any W; the templates only fire
where the value is used through ``+ - * & | ^ ~ <<`` up to an assignment (only the low bits up to
the target width matter) and all variable operands are unsigned (zero extension on both sides).
"""

from __future__ import annotations

from rtlopt.hdl.edit import Edit
from rtlopt.templates._arith import low_bits_only
from rtlopt.templates._base import Match, Template
from rtlopt.templates._expr import in_decl_context, kind_name, wrap
from rtlopt.templates._sem import Analysis, ExprInfo, is_pure, op_name, paren, self_signed, strip

_SYM = {"Add": "+", "Subtract": "-"}


def _binop(node, *ops: str):
    node = strip(node)
    if type(node).__name__ == "BinaryExpression" and op_name(node) in ops:
        return node
    return None


def _unsigned_pure(an: Analysis, *nodes) -> bool:
    return all(is_pure(n) and self_signed(n) is False and an.info(n) is not None for n in nodes)


def _products(an: Analysis) -> list[tuple[ExprInfo, frozenset]]:
    """Every multiplication with its (unordered) operand-key pair."""
    out = []
    for e in an.exprs:
        n = e.node
        if type(n).__name__ != "BinaryExpression" or op_name(n) != "Multiply":
            continue
        li, ri = an.info(n.left), an.info(n.right)
        if li is None or ri is None:
            continue
        out.append((e, frozenset((li.key, ri.key)) if li.key != ri.key else frozenset((li.key,))))
    return out


def _pair(an: Analysis, a, b) -> frozenset:
    ka, kb = an.info(a).key, an.info(b).key
    return frozenset((ka, kb)) if ka != kb else frozenset((ka,))


def _outside(e: ExprInfo, other: ExprInfo) -> bool:
    return other.end <= e.start or other.start >= e.end


def _module_of(syn):
    """The enclosing module declaration syntax node (names are only comparable inside one module)."""
    p = syn.parent
    while p is not None and kind_name(p) != "ModuleDeclaration":
        p = p.parent
    return p


class AlgebraicFactoring(Template):
    """``p*q ± p*r`` → ``p*(q ± r)``; ``(q + k)*p`` → ``q*p + k*p`` when ``q*p`` exists elsewhere."""

    id = rule = "algebraic_factoring"
    description = ("distributivity: factor a common operand out of a sum/difference of two products that are "
                   "not used elsewhere (one multiplier becomes an adder), or expand (q + k) * p into q*p + k*p "
                   "when q*p is already computed elsewhere (the multiplier is shared)")

    def find(self, an: Analysis) -> list[Match]:
        prods = _products(an)
        out = []
        for e in an.exprs:
            n = e.node
            if type(n).__name__ != "BinaryExpression" or in_decl_context(n.syntax) or e.width <= 0:
                continue
            op = op_name(n)
            if op in _SYM:
                m = self._factor(an, e, n, op, prods)
            elif op == "Multiply":
                m = self._expand(an, e, n, prods)
            else:
                m = None
            if m is not None:
                out.append(m)
        return out

    def _factor(self, an: Analysis, e: ExprInfo, n, op: str, prods) -> Match | None:
        L, R = _binop(n.left, "Multiply"), _binop(n.right, "Multiply")
        if L is None or R is None or not low_bits_only(n.syntax):
            return None
        if not _unsigned_pure(an, L.left, L.right, R.left, R.right):
            return None
        li, ri = an.info(L), an.info(R)
        if li is None or ri is None:
            return None
        # the two products must not be computed anywhere else (else the multipliers stay)
        for pe, key in prods:
            if (pe.start, pe.end) in ((li.start, li.end), (ri.start, ri.end)):
                continue
            if _outside(e, pe) and key in (_pair(an, L.left, L.right), _pair(an, R.left, R.right)):
                return None
        lk = [an.info(L.left), an.info(L.right)]
        rk = [an.info(R.left), an.info(R.right)]
        for i in range(2):
            for j in range(2):
                if lk[i].key != rk[j].key:
                    continue
                common, q, r = lk[i], lk[1 - i], rk[1 - j]
                if an.const(q.node) is not None and an.const(r.node) is not None:
                    return None  # constant multiples: const_mult_to_shift_add's job
                sym = _SYM[op]
                new = f"{paren(common.text)} * ({paren(q.text)} {sym} {paren(r.text)})"
                return self._m(an, e.start, e.end, f"factor {common.text.strip()} out of two products",
                               [Edit(e.start, e.end, wrap(e, new))])
        return None

    def _expand(self, an: Analysis, e: ExprInfo, n, prods) -> Match | None:
        if not low_bits_only(n.syntax):
            return None
        for s, p in ((n.left, n.right), (n.right, n.left)):
            sm = _binop(s, "Add", "Subtract")
            if sm is None:
                continue
            for q, k, q_first in ((sm.left, sm.right, True), (sm.right, sm.left, False)):
                kv = an.const(k)
                if kv is None or kv <= 0 or an.const(q) is not None:
                    continue
                if not q_first and op_name(sm) == "Subtract":
                    continue  # k - q: the product would be negated; not worth it
                if not _unsigned_pure(an, q, p):
                    continue
                key = _pair(an, q, p)
                mod = _module_of(n.syntax)
                shared = next((pe for pe, pk in prods if pk == key and _outside(e, pe)
                               and not in_decl_context(pe.node.syntax) and _module_of(pe.node.syntax) is mod),
                              None)
                if shared is None:
                    continue
                pt = paren(an.info(p).text)
                kterm = pt if kv == 1 else f"({paren(an.info(k).text)} * {pt})"
                sym = _SYM[op_name(sm)]
                new = f"({shared.text.strip()}) {sym} {kterm}"
                return self._m(an, e.start, e.end,
                               f"expand to share the product {shared.text.strip()} (line {an.line(shared.start)})",
                               [Edit(e.start, e.end, wrap(e, new))])
        return None
