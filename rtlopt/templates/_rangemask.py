"""Value-level rewrites of shift round trips and aligned range tests into masks.

* ``((x >> s) << s) != x`` (``==``): "some bit of x below position s is set" -- one thermometer mask and
  an OR reduction, ``|(x & ~({W{1'b1}} << s))``, instead of a second barrel shifter and a wide compare.
  The right shift may sit behind a wire (``w = x >> s; ... (w << s) != x``), in any block style.
* ``x >= L && x < H`` (also ``x <= H-1``, ``L <= x``, ``H > x``): when ``[L, H)`` is a naturally aligned
  power-of-two region the two magnitude compares are one equality on the bits above the region size,
  ``(x & ~(H - L - 1)) == L``. Constant bounds are checked here (a non-aligned region is left alone);
  bounds that are only constant per elaboration (parameters indexed by a loop variable) are offered as a
  candidate that the equivalence proof accepts or refuses like every other rewrite.
"""

from __future__ import annotations

import re

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._expr import in_decl_context, wrap
from rtlopt.templates._sem import (
    Analysis,
    ExprInfo,
    is_pure,
    literal,
    op_name,
    paren,
    self_signed,
    self_width,
    strip,
)


def _bin(node, *ops) -> bool:
    return type(node).__name__ == "BinaryExpression" and op_name(node) in ops


def _through_wire(an: Analysis, node):
    """``node`` itself, or the single unconditional driver of the plain variable it names."""
    node = strip(node)
    if type(node).__name__ != "NamedValueExpression":
        return node, None
    from rtlopt.templates._zerosum import _single_driver

    try:
        drv = _single_driver(an, node.symbol)
    except Exception:  # noqa: BLE001 - odd symbols: no driver
        drv = None
    return (strip(drv), node) if drv is not None else (node, None)


class ShiftRoundTripSticky(Template):
    """``((x >> s) << s) != x`` becomes ``|(x & ~({W{1'b1}} << s))`` (``==``: its complement)."""

    id = rule = "shift_roundtrip_sticky"
    description = ("a right-then-left shift compared with its operand tests the bits shifted out: "
                   "one mask and an OR reduction instead of a second shifter and a compare")

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for e in an.exprs:
            n = e.node
            if not _bin(n, "Equality", "Inequality", "CaseEquality", "CaseInequality"):
                continue
            if in_decl_context(n.syntax) or n.left.type.isSigned or n.right.type.isSigned:
                continue
            for a, b in ((n.left, n.right), (n.right, n.left)):
                new = self._one(an, strip(a), strip(b))
                if new is not None:
                    neg = op_name(n) in ("Equality", "CaseEquality")
                    txt = f"~|{new}" if neg else f"|{new}"
                    out.append(self._m(an, e.start, e.end, "bits shifted out tested with a mask",
                                       [Edit(e.start, e.end, wrap(e, txt))]))
                    break
        return out

    @staticmethod
    def _one(an: Analysis, a, b) -> str | None:
        a, awire = _through_wire(an, a)
        if awire is not None:  # (x >> s) << s held in a wire: it must keep every bit of x's width
            aw = awire.type.bitWidth
            if not aw or awire.type.isSigned or self_width(b) is None or int(aw) < self_width(b):
                return None
        if not _bin(a, "LogicalShiftLeft", "ArithmeticShiftLeft"):
            return None
        inner, wire = _through_wire(an, a.left)
        if not _bin(inner, "LogicalShiftRight"):
            return None
        xi, bi = an.info(inner.left), an.info(b)
        s1, s2 = an.info(inner.right), an.info(a.right)
        if None in (xi, bi, s1, s2) or xi.key != bi.key or s1.key != s2.key:
            return None
        if not (is_pure(inner.left) and is_pure(inner.right) and is_pure(b)):
            return None
        wx = self_width(inner.left)
        if wx is None or self_signed(inner.left) is not False:
            return None
        if wire is not None:  # the wire must hold all of x >> s
            ww = wire.type.bitWidth
            if not ww or int(ww) < wx or wire.type.isSigned:
                return None
        return f"({paren(bi.text)} & ~({{{wx}{{1'b1}}}} << {paren(s2.text)}))"


_BETWEEN = re.compile(r"^[\s()]*&&?[\s()]*$")


def _flatten_and(node, out: list) -> None:
    node = strip(node)
    if _bin(node, "LogicalAnd") or (_bin(node, "BinaryAnd") and self_width(node) == 1):
        _flatten_and(node.left, out)
        _flatten_and(node.right, out)
    else:
        out.append(node)


def _bound(an: Analysis, c):
    """(x-info, kind, bound-info) of one magnitude compare: kind 'lo' (x >= L) or 'hi' (x < H) / 'hi1' (x <= H-1)."""
    if not _bin(c, "GreaterThanEqual", "LessThan", "LessThanEqual", "GreaterThan"):
        return None
    if c.left.type.isSigned or c.right.type.isSigned:
        return None
    op = op_name(c)
    L, R = strip(c.left), strip(c.right)
    # normalise to "x OP bound" with the bound the side that is constant (or not a plain signal)
    lc, rc = an.const(L), an.const(R)
    if lc is not None and rc is None:
        L, R = R, L
        op = {"GreaterThanEqual": "LessThanEqual", "LessThanEqual": "GreaterThanEqual",
              "LessThan": "GreaterThan", "GreaterThan": "LessThan"}[op]
    xi, bi = an.info(L), an.info(R)
    if xi is None or bi is None or not (is_pure(L) and is_pure(R)):
        return None
    kind = {"GreaterThanEqual": "lo", "LessThan": "hi", "LessThanEqual": "hi1", "GreaterThan": "lo1"}[op]
    return xi, kind, bi, R, int(c.left.type.bitWidth)


def _elab_const(node) -> bool:
    """Whether an expression is constant per elaboration: it reads only parameters, genvars and the
    variables of ``for (int i ...)`` loops (unrolled)."""
    from pyslang import ast

    ok = [True]

    def visit(x):
        if isinstance(x, ast.Expression) and type(x).__name__ == "NamedValueExpression":
            sym = x.symbol
            kind = str(sym.kind).rpartition(".")[2]
            if kind in ("Parameter", "Genvar"):
                return True
            syn = getattr(sym, "syntax", None)
            par = getattr(syn, "parent", None) if syn is not None else None
            if kind == "Variable" and par is not None and str(par.kind).endswith("ForVariableDeclaration"):
                return True
            ok[0] = False
        elif isinstance(x, ast.Expression) and type(x).__name__ == "CallExpression":
            ok[0] = False
        return True

    try:
        strip(node).visit(visit)
    except Exception:  # noqa: BLE001 - unreadable: not known constant
        return False
    return ok[0]


class AlignedRangeToEquality(Template):
    """``x >= L && x < H`` over an aligned power-of-two region becomes ``(x & ~(H-L-1)) == L``."""

    id = rule = "aligned_range_to_equality"
    description = ("two magnitude compares bounding a naturally aligned power-of-two region are one "
                   "equality on the bits above the region size")

    def find(self, an: Analysis) -> list[Match]:
        out = []
        done: set[tuple[int, int]] = set()
        for e in an.exprs:
            n = e.node
            if not (_bin(n, "LogicalAnd") or (_bin(n, "BinaryAnd") and self_width(n) == 1)) \
                    or in_decl_context(n.syntax):
                continue
            p = n.syntax.parent  # only the top of an && chain
            terms: list = []
            _flatten_and(n, terms)
            infos = [an.info(t) for t in terms]
            if any(i is None for i in infos):
                continue
            bounds = [_bound(an, t) for t in terms]
            used = set()
            for i, bi in enumerate(bounds):
                if bi is None or i in used:
                    continue
                for j in range(i + 1, len(bounds)):
                    bj = bounds[j]
                    if bj is None or j in used or bj[0].key != bi[0].key:
                        continue
                    kinds = {bi[1], bj[1]}
                    lo = bi if bi[1] in ("lo", "lo1") else bj
                    hi = bj if lo is bi else bi
                    if lo[1] not in ("lo", "lo1") or hi[1] not in ("hi", "hi1") or len(kinds) != 2:
                        continue
                    if j != i + 1:
                        continue
                    m = self._pair(an, e, infos[i], infos[j], lo, hi)
                    if m is not None and (m.start, m.end) not in done:
                        done.add((m.start, m.end))
                        out.append(m)
                        used.update((i, j))
                    break
            del p
        return out

    def _pair(self, an: Analysis, e: ExprInfo, ti: ExprInfo, tj: ExprInfo, lo, hi) -> Match | None:
        x = lo[0]
        w = max(lo[4], hi[4])
        lv, hv = an.const(lo[3]), an.const(hi[3])
        lt, ht = lo[2].text.strip(), hi[2].text.strip()
        # lower bound L (inclusive) and size-1 as text
        ltxt = lt if lo[1] == "lo" else f"{paren(lt)} + 1'b1"
        hn = strip(hi[3])
        size_txt = None
        if hi[1] == "hi" and lo[1] == "lo" and _bin(hn, "Add"):  # H spelled L + SIZE: SIZE - 1
            for a, b in ((hn.left, hn.right), (hn.right, hn.left)):
                ai, bi = an.info(a), an.info(b)
                if ai is not None and bi is not None and ai.key == lo[2].key:
                    size_txt = bi.text.strip()
                    break
        if size_txt is not None:
            sm1 = f"{paren(size_txt)} - 1'b1"
        elif hi[1] == "hi":
            sm1 = f"{paren(ht)} - {paren(ltxt)} - 1'b1"
        else:
            sm1 = f"{paren(ht)} - {paren(ltxt)}"
        if lv is not None and hv is not None:
            mask = (1 << w) - 1
            lval = (lv + (1 if lo[1] == "lo1" else 0)) & mask
            hval = (hv + (1 if hi[1] == "hi1" else 0))
            size = hval - lval
            if size <= 0 or size & (size - 1) or lval % size or hval > (1 << w) or lval >= (1 << w):
                return None
            new = f"(({paren(x.text)} & {literal(mask & ~(size - 1), w)}) == {literal(lval, w)})"
        else:
            if not (_elab_const(lo[3]) and _elab_const(hi[3])):
                return None  # bounds that vary at run time: not a fixed region
            new = f"(({paren(x.text)} & ~({sm1})) == {paren(ltxt)})"
        s, t = (ti, tj) if ti.start < tj.start else (tj, ti)
        between = an.text[s.end:t.start]
        if not _BETWEEN.match(between) or between.count("(") != between.count(")"):
            return None
        if (s.start, t.end) == (e.start, e.end):
            return self._m(an, e.start, e.end, "aligned power-of-two region", [Edit(e.start, e.end, wrap(e, new))])
        return self._m(an, s.start, t.end, "aligned power-of-two region", [Edit(s.start, t.end, new)])
