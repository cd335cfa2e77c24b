"""Arithmetic templates: constant multiplication, adder trees, shared subexpressions, mux sharing."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import combinations

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._expr import _replace, in_decl_context, kind_name, wrap
from rtlopt.templates._sem import (
    Analysis,
    ExprInfo,
    is_pure,
    norm,
    op_name,
    paren,
    self_signed,
    self_width,
    strip,
)

# ----------------------------------------------------------------------------- const mult


def csd(n: int) -> list[tuple[int, int]]:
    """Canonical signed digit recoding of ``n`` > 0: list of (sign, shift), lowest shift first."""
    digits = []
    shift = 0
    while n:
        if n & 1:
            d = 2 - (n & 3)  # +1 if ...01, -1 if ...11
            digits.append((d, shift))
            n -= d
        n >>= 1
        shift += 1
    return digits


def _odd(n: int) -> tuple[int, int]:
    k = 0
    while n and not n & 1:
        n >>= 1
        k += 1
    return n, k


def _shl(e: str, s: int) -> str:
    return e if s == 0 else f"({e} << {s})"


def mcm_plan(constants: list[int], x: str, max_bits: int = 40) -> tuple[dict[int, str], int]:
    """Expressions for ``c * x`` for every positive constant, sharing intermediate terms.

    A small RAG-n style heuristic: keep a set of realised odd "fundamentals" (starting with 1 = x);
    a target reachable with one adder from two fundamentals (``±(a<<s) ± (b<<r)``) is added
    first; otherwise the target with the fewest CSD digits is built by its CSD chain. Returns the
    expression for each constant and the number of adders/subtractors used.
    """
    fund: dict[int, str] = {1: x}
    adders = 0
    targets = sorted({_odd(c)[0] for c in constants if c > 0} - {1})
    limit = 1 << max_bits

    def one_adder(t: int) -> str | None:
        items = sorted(fund.items())
        for a, ea in items:
            for b, eb in items:
                for s in range(0, max_bits):
                    if (a << s) > 2 * limit:
                        break
                    av = a << s
                    if av + b == t:
                        return f"{_shl(ea, s)} + {eb}"
                    if av - b == t:
                        return f"{_shl(ea, s)} - {eb}"
                    if b - av == t:
                        return f"{eb} - {_shl(ea, s)}"
        return None

    remaining = list(targets)
    while remaining:
        progress = False
        for t in list(remaining):
            e = one_adder(t)
            if e is not None:
                fund[t] = f"({e})"
                adders += 1
                remaining.remove(t)
                progress = True
        if progress:
            continue
        t = min(remaining, key=lambda v: (len(csd(v)), v))
        digits = csd(t)
        ordered = sorted(digits, key=lambda ds: -ds[1])  # the leading CSD digit of n > 0 is +1
        expr = _shl(x, ordered[0][1])
        for d, s in ordered[1:]:
            expr = f"{expr} {'+' if d > 0 else '-'} {_shl(x, s)}"
        fund[t] = f"({expr})"
        adders += len(digits) - 1
        remaining.remove(t)
    out = {}
    for c in constants:
        o, k = _odd(c)
        e = fund[o]
        out[c] = e if k == 0 else f"({e} << {k})"
    return out, adders


_LOW_BITS_OK = {"AddExpression", "SubtractExpression", "MultiplyExpression", "BinaryAndExpression",
                "BinaryOrExpression", "BinaryXorExpression", "BinaryXnorExpression", "ParenthesizedExpression",
                "UnaryBitwiseNotExpression", "UnaryMinusExpression", "UnaryPlusExpression"}


def low_bits_only(syn) -> bool:
    """True if only the low bits (up to the assignment width) of ``syn`` matter where it is used.

    Walks up through +, -, *, &, |, ^, ~, unary -, parentheses, ternary arms and the left operand of
    ``<<`` to an assignment right-hand side or a declaration initialiser.
    """
    child = syn
    p = syn.parent
    while p is not None:
        k = kind_name(p)
        if k in _LOW_BITS_OK:
            pass
        elif k in ("LogicalShiftLeftExpression", "ArithmeticShiftLeftExpression"):
            if p.left is not child:
                return False
        elif k == "ConditionalExpression":
            if p.left is not child and p.right is not child:
                return False
        elif k in ("AssignmentExpression", "NonblockingAssignmentExpression"):
            return p.right is child
        elif k == "EqualsValueClause":
            return kind_name(p.parent) == "Declarator"
        else:
            return False
        child, p = p, p.parent
    return False


def _param_const(an: Analysis, node) -> int | None:
    """A literal constant, or a parameter expression (``x * GAIN``) with one value in every elaborated
    copy of the module: the rewrite of a parameterized module is pinned to the values it was proven
    with (engine.parampin). A parameter whose copies differ (``#(.GAIN(5))``, ``#(.GAIN(12))``) is not
    one constant."""
    from rtlopt.templates._regwidth import _const, _param_only, _varies

    c = an.const(node)
    if c is None and _param_only(node) and not _varies(an, node):
        c = _const(an, node)
    return c


class ConstMultToShiftAdd(Template):
    """``x * C`` becomes shifts and adds/subtracts (CSD recoding, terms shared across constants of one x)."""

    id = rule = "const_mult_to_shift_add"
    description = ("multiplications by constants become shift/add/subtract networks (CSD, with terms shared "
                   "between constants multiplying the same operand) when that needs fewer adders")

    def find(self, an: Analysis) -> list[Match]:
        groups: dict[tuple, list[tuple[ExprInfo, int, object]]] = defaultdict(list)
        for e in an.exprs:
            n = e.node
            if type(n).__name__ != "BinaryExpression" or op_name(n) != "Multiply":
                continue
            if in_decl_context(n.syntax) or e.width <= 0:
                continue
            c, x = _param_const(an, n.right), n.left
            if c is None:
                c, x = _param_const(an, n.left), n.right
            if c is None or c <= 0 or _param_const(an, x) is not None or not is_pure(x):
                continue
            xi = an.info(x)
            if xi is None:
                continue
            c &= (1 << e.width) - 1
            if c == 0:
                continue
            groups[(xi.key, e.width, e.signed)].append((e, c, x))
        out: list[Match] = []
        alts: list[Match] = []
        flat_edits: list[Edit] = []
        for (_key, width, signed), items in groups.items():
            consts = sorted({c for _e, c, _x in items})
            binary_adders = sum(bin(_odd(c)[0]).count("1") - 1 for c in consts)
            x0 = items[0][2]
            xtext = paren(an.info(x0).text)
            xw, xs = self_width(x0), self_signed(x0)
            if xw is None or xs is None:
                continue
            # keep the context width and signedness: extend/cast the operand explicitly when needed
            ext_needed = any(xw < width and not low_bits_only(e.node.syntax) for e, _c, _x in items)
            if ext_needed:
                if signed:
                    continue
                xtext = f"{{{width - xw}'b0, {xtext}}}"
            elif signed != xs:
                xtext = f"$signed({xtext})" if signed else f"$unsigned({xtext})"
            plan, adders = mcm_plan(consts, xtext)
            # CSD/shared terms never need more adders than the binary shift-add Yosys effectively builds;
            # a lone x*3 (one adder either way) measured slightly larger as shift-add, so it is left alone.
            if adders > binary_adders or all(_odd(c)[0] == 3 for c in consts):
                continue
            first = min(items, key=lambda t: t[0].start)[0]
            what = f"x*{{{', '.join(str(c) for c in consts)}}} with {adders} adders (binary: {binary_adders})"
            variants = [(plan, what)]
            # the same products as flat sums of shifted operands, one per constant (no ``(...) << k``
            # around a sum, no shared intermediate): the synthesiser's multi-operand adder then takes
            # every term of an enclosing sum at once; measurement picks
            flat = {c: " ".join(("" if i == 0 else ("+ " if d > 0 else "- ")) + _shl(xtext, sh)
                                for i, (d, sh) in enumerate(sorted(csd(c), key=lambda ds: -ds[1])))
                    for c in consts}
            flat_adders = sum(len(csd(c)) - 1 for c in consts)
            if flat_adders <= binary_adders:
                variants.append(({c: f"({v})" for c, v in flat.items()},
                                 what.replace(f"with {adders} adders", f"as flat sums, {flat_adders} adders")))
            # x*C + y with C even: the product's low zero bits pass y's low bits through, and y's
            # upper bits join the smallest shifted term (a narrow two-operand add); measurement picks
            for e, c, x in items:
                got = _low_bits_through(an, e, c, x)
                if got is not None:
                    ps, pe, txt = got
                    alts.append(Match(self.id, ps, pe, an.line(ps),
                                      f"{self.id} at line {an.line(ps)}: x*{c} + y with y's low bits passed through",
                                      (Edit(ps, pe, txt),), an.text[ps:pe],
                                      {"spans": [(ps, pe)], "alternative": True}))
            seen_edits: set = set()
            for k, (pl, desc) in enumerate(variants):
                edits = [Edit(e.start, e.end, wrap(e, pl[c])) for e, c, _x in items]
                if k == len(variants) - 1:  # the flat spelling, else the usual one
                    flat_edits.extend(edits)
                if tuple(norm(ed.replacement) for ed in edits) in seen_edits:
                    continue
                seen_edits.add(tuple(norm(ed.replacement) for ed in edits))
                (alts if k else out).append(
                    Match(self.id, first.start, first.end, an.line(first.start),
                          f"{self.id} at line {an.line(first.start)}: {desc}", tuple(edits),
                          an.text[first.start:first.end], {"spans": [(e.start, e.end) for e, _c, _x in items],
                                                           **({"alternative": True} if k else {})}))
        # the flat spellings come after the usual ones (a combination of all matches takes the first
        # of overlapping ones), alone and all at once
        if alts and len(out) > 1:
            edits = sorted(flat_edits, key=lambda ed: ed.start)
            alts.append(Match(self.id, edits[0].start, edits[0].end, an.line(edits[0].start),
                              f"{self.id} at line {an.line(edits[0].start)}: every constant product as a flat sum",
                              tuple(edits), an.text[edits[0].start:edits[0].end],
                              {"spans": [(ed.start, ed.end) for ed in edits], "alternative": True}))
        return out + _per_copy_matches(self, an) + alts

    def apply(self, text: str, match: Match) -> list[Edit]:
        for s, e in match.data.get("spans", ()):
            if not any(ed.start == s and ed.end == e for ed in match.edits):
                raise ValueError("stale match")
        return super().apply(text, match)


#: Distinct constant values one product may take over its elaborated copies and still be dispatched.
MAX_COPY_VALUES = 6


def _per_copy_matches(tmpl: Template, an: Analysis) -> list[Match]:
    """``x * C`` where ``C`` is a parameter expression with a different value in each elaborated copy
    of the syntax: a module instantiated with ``#(.GAIN(5))`` and ``#(.GAIN(12))``, or a generate loop
    reading ``COEF[t*8 +: 8]`` per iteration. One edit must serve every copy, so the product becomes a
    dispatch on the constant, folded by elaboration:

        ((GAIN) == 5) ? ((x << 2) + x) : ((GAIN) == 12) ? ((x << 3) + (x << 2)) : x * GAIN

    one shift/add arm per value the design uses (where that needs fewer adders than the binary
    product), the original product for any other value: right at every parameter value."""
    from pyslang import ast

    copies: dict[tuple[int, int], list] = {}

    def visit(n):
        if isinstance(n, ast.Expression) and type(n).__name__ == "BinaryExpression" and op_name(n) == "Multiply" \
                and n.syntax is not None:
            copies.setdefault(an.span(n.syntax), []).append(n)
        return True

    an.root.visit(visit)

    def value(node) -> int | None:
        try:
            sv = node.eval(ast.EvalContext(an.root)).value
        except Exception:  # noqa: BLE001 - pyslang raises assorted errors on odd nodes
            return None
        if type(sv).__name__ != "SVInt" or sv.hasUnknown:
            return None
        return int(sv)

    out = []
    for (s, e), ns in copies.items():
        if len(ns) < 2:
            continue
        info = an.by_span.get((s, e))
        if info is None or in_decl_context(ns[0].syntax):
            continue
        side = None
        vals = []
        for n in ns:
            lv, rv = value(n.left), value(n.right)
            if (lv is None) == (rv is None):
                side = "bad"  # both constant (a constant expression) or neither
                break
            this = "right" if rv is not None else "left"
            if side not in (None, this):
                side = "bad"
                break
            side = this
            vals.append((n, rv if rv is not None else lv))
        if side in (None, "bad"):
            continue
        distinct = sorted({v for _n, v in vals})
        if len(distinct) < 2 or len(distinct) > MAX_COPY_VALUES or distinct[0] <= 0:
            continue
        n0 = ns[0]
        cnode, xnode = (n0.right, n0.left) if side == "right" else (n0.left, n0.right)
        shapes = {(int(n.type.bitWidth), bool(n.type.isSigned),
                   self_width(n.left if side == "right" else n.right),
                   self_signed(n.left if side == "right" else n.right)) for n in ns}
        if len(shapes) != 1:
            continue  # the operand or context width differs between copies: no one text
        width, signed, xw, xs = shapes.pop()
        if signed or xs or xw is None or not is_pure(xnode):
            continue
        xi, ci = an.info(xnode), an.info(cnode)
        if xi is None or ci is None or strip(cnode).syntax is None:
            continue
        xtext = paren(xi.text)
        if xw < width and not low_bits_only(n0.syntax):
            xtext = f"{{{width - xw}'b0, {xtext}}}"
        ctext = an.text[an.span(strip(cnode).syntax)[0]:an.span(strip(cnode).syntax)[1]]
        arms, threes = [], []
        for c in distinct:
            c &= (1 << width) - 1
            if c == 0:
                continue
            digits = sorted(csd(c), key=lambda ds: -ds[1])
            if len(digits) - 1 > bin(_odd(c)[0]).count("1") - 1:
                continue
            # a flat sum of shifted operands (one constant per arm: nothing to share)
            flat = " ".join(("" if i == 0 else ("+ " if d > 0 else "- ")) + _shl(xtext, sh)
                            for i, (d, sh) in enumerate(digits))
            (threes if _odd(c)[0] == 3 else arms).append((c, flat))
        # x*3 alone measured slightly larger as shift/add: the arms without it first, then with it
        for k, use in enumerate(v for v in (arms, sorted(arms + threes)) if v):
            if k and len(use) == len(arms):
                continue
            new = " : ".join(f"(({ctext}) == {c}) ? ({t})" for c, t in use) + f" : {an.text[s:e]}"
            what = (f"{tmpl.id} at line {an.line(s)}: x*{ctext} per elaborated value "
                    f"{{{', '.join(str(c) for c, _t in use)}}} as shift/add (other values: the product)")
            out.append(Match(tmpl.id, s, e, an.line(s), what, (Edit(s, e, wrap(info, new)),), an.text[s:e],
                             {"spans": [(s, e)], **({"alternative": True} if k else {})}))
    return out


def _vector_name(node) -> tuple[str, int] | None:
    """(name, width) of an unsigned ``[W-1:0]`` vector read by name, else None."""
    node = strip(node)
    if type(node).__name__ != "NamedValueExpression":
        return None
    t = node.type
    try:
        if not (t.isIntegral and t.hasFixedRange) or t.isSigned:
            return None
        w = int(t.bitWidth)
        r = t.fixedRange
        if r.right != 0 or r.left != w - 1:
            return None
    except Exception:  # noqa: BLE001 - an unusual type: no rewrite
        return None
    return node.symbol.name, w


def _bits(name: str, hi: int, lo: int) -> str:
    return f"{name}[{hi}]" if hi == lo else f"{name}[{hi}:{lo}]"


def _low_bits_through(an: Analysis, e: ExprInfo, c: int, x) -> tuple[int, int, str] | None:
    """``x*C + y`` (C even, at most 3 one bits, unsigned names x and y, the sum ``W`` bits wide) as
    ``(x << s2) + ... + {x[W-1-s1:0] + y[wy-1:s1], y[s1-1:0]}`` (s1 < s2 < ... the one bits of C):
    the shifted product's s1 low zero bits leave y's low bits unchanged, so the first adder is
    ``W - s1`` bits wide and adds a narrow operand. Returns (start, end, text) of the sum, or None."""
    syn = e.node.syntax
    p = syn.parent
    while p is not None and kind_name(p) == "ParenthesizedExpression":
        p = p.parent
    if p is None or kind_name(p) != "AddExpression":
        return None
    ps, pe = an.off(p.sourceRange.start.offset), an.off(p.sourceRange.end.offset)
    pi = an.by_span.get((ps, pe))
    if pi is None or pi.signed or type(pi.node).__name__ != "BinaryExpression":
        return None
    other = pi.node.right if strip(pi.node.left).syntax is not None and \
        an.span(strip(pi.node.left).syntax) == (e.start, e.end) else pi.node.left
    if other is None or strip(other).syntax is None or an.span(strip(other).syntax) == (e.start, e.end):
        return None
    xv, yv = _vector_name(x), _vector_name(other)
    if xv is None or yv is None:
        return None
    W = pi.width
    ones = [i for i in range(W) if c >> i & 1]
    if not ones or len(ones) > 3 or ones[0] == 0:
        return None
    s1 = ones[0]
    (xn, xw), (yn, wy) = xv, yv
    if not s1 < wy or W - s1 < 2:
        return None
    xs = _bits(xn, W - 1 - s1, 0) if xw >= W - s1 else f"{{{W - s1 - xw}'b0, {xn}}}"
    low = f"{{{xs} + {_bits(yn, wy - 1, s1)}, {_bits(yn, s1 - 1, 0)}}}"
    rest = [f"({xn} << {sh})" for sh in reversed(ones[1:])]
    return ps, pe, wrap(pi, " + ".join(rest + [low]))


# ----------------------------------------------------------------------------- chains


def _flatten(node, op: str, out: list) -> list:
    node = strip(node)
    if type(node).__name__ == "BinaryExpression" and op_name(node) == op:
        _flatten(node.left, op, out)
        _flatten(node.right, op, out)
    else:
        out.append(node)
    return out


def _is_chain_top(an: Analysis, e: ExprInfo, op: str) -> bool:
    p = e.node.syntax.parent
    while p is not None and kind_name(p) == "ParenthesizedExpression":
        p = p.parent
    if p is None:
        return True
    pk = kind_name(p)
    return pk != {"Add": "AddExpression", "Multiply": "MultiplyExpression", "BinaryAnd": "BinaryAndExpression",
                  "BinaryOr": "BinaryOrExpression", "BinaryXor": "BinaryXorExpression"}[op]


class AdderChainToTree(Template):
    """``a + b + c + d`` (a left-leaning chain) becomes ``(a + b) + (c + d)``: log depth, same width."""

    id = rule = "adder_chain_to_tree"
    description = "rebalance chains of four or more additions into a balanced tree (shorter critical path)"

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for e in an.exprs:
            n = e.node
            if type(n).__name__ != "BinaryExpression" or op_name(n) != "Add" or in_decl_context(n.syntax):
                continue
            if not _is_chain_top(an, e, "Add"):
                continue
            terms = _flatten(n, "Add", [])
            if len(terms) < 4:
                continue
            infos = [an.info(t) for t in terms]
            if any(i is None for i in infos):
                continue
            texts = [paren(i.text) for i in infos]
            new = _tree(texts, "+")
            if _norm(new) == _norm(e.text):
                continue
            out.append(_replace(an, self, e, new, f"chain of {len(terms)} additions"))
        return out


def _norm(t: str) -> str:
    from rtlopt.templates._sem import _balanced_outer
    t = "".join(t.split())
    while t.startswith("(") and _balanced_outer(t, "(", ")"):
        t = t[1:-1]
    return t


def _tree(items: list[str], op: str) -> str:
    if len(items) == 1:
        return items[0]
    mid = (len(items) + 1) // 2
    left, right = _tree(items[:mid], op), _tree(items[mid:], op)
    return f"({left} {op} {right})"


class CommonSubexpressionElimination(Template):
    """Re-associate add/mul/and/or/xor chains so a pair of operands they share is computed once."""

    id = rule = "common_subexpression_elimination"
    description = ("rewrite commutative/associative chains so that an operand pair occurring in several "
                   "expressions (same width and sign) is written identically and synthesised once")

    def find(self, an: Analysis) -> list[Match]:
        chains = []
        for e in an.exprs:
            n = e.node
            if type(n).__name__ != "BinaryExpression" or in_decl_context(n.syntax):
                continue
            op = op_name(n)
            if op not in ("Add", "Multiply", "BinaryAnd", "BinaryOr", "BinaryXor"):
                continue
            if not _is_chain_top(an, e, op):
                continue
            terms = _flatten(n, op, [])
            infos = [an.info(t) for t in terms]
            if any(i is None for i in infos) or not all(is_pure(t) for t in terms):
                continue
            chains.append((e, op, infos))
        pairs: Counter = Counter()
        for e, op, infos in chains:
            keys = sorted({i.key for i in infos})
            for a, b in combinations(keys, 2):
                pairs[(op, e.width, e.signed, a, b)] += 1
        out = []
        for (op, width, signed, a, b), count in pairs.most_common():
            if count < 2:
                break
            sym = {"Add": "+", "Multiply": "*", "BinaryAnd": "&", "BinaryOr": "|", "BinaryXor": "^"}[op]
            edits = []
            for e, cop, infos in chains:
                if (cop, e.width, e.signed) != (op, width, signed):
                    continue
                keys = [i.key for i in infos]
                if a not in keys or b not in keys:
                    continue
                ia = next(i for i in infos if i.key == a)
                ib = next(i for i in infos if i.key == b)
                rest = list(infos)
                rest.remove(ia)
                rest.remove(ib)
                pair = f"({paren(ia.text)} {sym} {paren(ib.text)})"
                new = " ".join([pair] + [f"{sym} {paren(r.text)}" for r in rest])
                if _norm(new) != _norm(e.text) and not _pair_is_prefix(an, e, ia, ib):
                    edits.append(Edit(e.start, e.end, wrap(e, new)))
            if len(edits) < 1:
                continue
            first = min(edits).start
            out.append(Match(self.id, first, first, an.line(first),
                             f"{self.id} at line {an.line(first)}: share ({a} {sym} {b}) in {count} expressions",
                             tuple(edits), ""))
        return out


def _pair_is_prefix(an: Analysis, e: ExprInfo, ia: ExprInfo, ib: ExprInfo) -> bool:
    """True if the chain already starts with exactly ``ia op ib`` in that order."""
    n = strip(e.node)
    while type(n).__name__ == "BinaryExpression" and type(strip(n.left)).__name__ == "BinaryExpression" \
            and op_name(strip(n.left)) == op_name(n):
        n = strip(n.left)
    if type(n).__name__ != "BinaryExpression":
        return False
    li, ri = an.info(n.left), an.info(n.right)
    return li is not None and ri is not None and (li.start, li.end) == (ia.start, ia.end) \
        and (ri.start, ri.end) == (ib.start, ib.end)


# ----------------------------------------------------------------------------- muxes

_SHARE_OPS = {"Add": "+", "Subtract": "-", "Multiply": "*"}
_COMMUTATIVE = {"Add", "Multiply"}


def _same_type(a, b) -> bool:
    return self_width(a) == self_width(b) and self_signed(a) == self_signed(b) and self_width(a) is not None


def share_arms(an: Analysis, pred: str, L, R) -> str | None:
    """``pred ? (a op b) : (c op d)`` as one operator fed by muxes, or None if unsafe/unhelpful."""
    L, R = strip(L), strip(R)
    if type(L).__name__ != "BinaryExpression" or type(R).__name__ != "BinaryExpression":
        return None
    op = op_name(L)
    if op != op_name(R) or op not in _SHARE_OPS:
        return None
    sym = _SHARE_OPS[op]
    a, b, c, d = strip(L.left), strip(L.right), strip(R.left), strip(R.right)
    if not all(is_pure(x) for x in (a, b, c, d)):
        return None
    ia, ib, ic, idd = (an.info(x) for x in (a, b, c, d))
    if None in (ia, ib, ic, idd):
        return None
    if op in _COMMUTATIVE and ia.key != ic.key and ib.key != idd.key \
            and (ia.key == idd.key or ib.key == ic.key):  # swap the false arm's operands
        c, d, ic, idd = d, c, idd, ic
    if not (_same_type(a, c) and _same_type(b, d)):
        return None
    p = paren(pred)
    if ia.key == ic.key:
        return f"{paren(ia.text)} {sym} ({p} ? {paren(ib.text)} : {paren(idd.text)})"
    if ib.key == idd.key:
        return f"({p} ? {paren(ia.text)} : {paren(ic.text)}) {sym} {paren(ib.text)}"
    return f"({p} ? {paren(ia.text)} : {paren(ic.text)}) {sym} ({p} ? {paren(ib.text)} : {paren(idd.text)})"


class OperatorSharingAcrossMux(Template):
    """``s ? a+b : a+c`` → ``a + (s ? b : c)``; also if/else arms assigning one target with the same operator."""

    id = rule = "operator_sharing_across_mux"
    description = ("one adder/subtractor/multiplier fed by multiplexers instead of one per mux arm "
                   "(ternaries and if/else arms assigning the same target; operand widths and signs must match)")

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for e in an.exprs:
            n = e.node
            if type(n).__name__ != "ConditionalExpression" or len(n.conditions) != 1 or in_decl_context(n.syntax):
                continue
            pred = n.conditions[0].expr
            pi = an.info(pred)
            if pi is None or not is_pure(pred):
                continue
            new = share_arms(an, pi.text, n.left, n.right)
            if new is not None:
                out.append(_replace(an, self, e, new, "operator duplicated across mux arms"))
        for st, s, e in an.statements:
            m = self._if_else(an, st, s, e)
            if m is not None:
                out.append(m)
        return out

    def _if_else(self, an: Analysis, st, s: int, e: int) -> Match | None:
        if type(st).__name__ != "ConditionalStatement" or st.ifFalse is None or len(st.conditions) != 1:
            return None
        if st.conditions[0].pattern is not None:
            return None
        cond = st.conditions[0].expr
        ci = an.info(cond)
        if ci is None or not is_pure(cond):
            return None
        a1, a2 = single_assignment(st.ifTrue), single_assignment(st.ifFalse)
        if a1 is None or a2 is None or a1.isNonBlocking != a2.isNonBlocking:
            return None
        l1, l2 = an.info(a1.left), an.info(a2.left)
        if l1 is None or l2 is None or l1.key != l2.key:
            return None
        new = share_arms(an, ci.text, a1.right, a2.right)
        if new is None:
            return None
        assign = "<=" if a1.isNonBlocking else "="
        text = f"{l1.text.strip()} {assign} {new};"
        return self._m(an, s, e, "operator duplicated across if/else arms", [Edit(s, e, text)])


def single_assignment(st):
    """The assignment expression if ``st`` is one assignment statement (maybe in begin/end), else None."""
    k = type(st).__name__
    if k == "BlockStatement":
        body = st.body
        if type(body).__name__ == "StatementList":
            return None
        if st.blockSymbol is not None:
            return None
        return single_assignment(body)
    if k == "ExpressionStatement":
        ex = st.expr
        if type(ex).__name__ == "AssignmentExpression" and not ex.isCompound and ex.timingControl is None:
            return ex
    return None


def _merged_arms(an: Analysis, n, li) -> tuple[str, int] | None:
    """``p ? X : q ? X : R`` (a run of a priority chain selecting the same value) as
    ``(p || q) ? X : R``: exact, the value is X exactly when p or q holds (each predicate is a truth
    value; X and R keep their types, so the result's width and signedness do not change). Only at the
    top of the run (the chain above it selects something else)."""
    par = n.syntax.parent
    while par is not None and kind_name(par) == "ParenthesizedExpression":
        par = par.parent
    if par is not None and kind_name(par) == "ConditionalExpression":
        ls, le = an.span(par.left)
        if norm(an.text[ls:le]) == norm(li.text):
            return None  # the enclosing conditional starts the run
    preds = [n.conditions[0].expr]
    raw = n.right  # the false arm as written (its span includes its parentheses)
    cur = strip(raw)
    while type(cur).__name__ == "ConditionalExpression" and len(cur.conditions) == 1:
        ci = an.info(strip(cur.left))
        if ci is None or norm(ci.text) != norm(li.text) or not is_pure(cur.conditions[0].expr):
            break
        preds.append(cur.conditions[0].expr)
        raw = cur.right
        cur = strip(raw)
    if len(preds) < 2 or an.info(cur) is None:
        return None
    pis = [an.info(strip(x)) for x in preds]
    if None in pis:
        return None
    sel = " || ".join(paren(pi.text.strip()) for pi in pis)
    return f"({sel}) ? {paren(li.text.strip())} : ", an.span(raw.syntax)[0]


def _merged_else_ifs(tmpl, an: Analysis, st, s: int, e: int) -> Match | None:
    """``if (p) S else if (q) S else T`` (consecutive arms of an if/else-if chain doing the same thing,
    as left by sharing an operator between FSM states) → ``if ((p) || (q)) S else T``. Exact: S runs
    exactly when p or q holds, T otherwise; only at the top of the run."""
    def body(x):
        a, b = an.span(x.ifTrue.syntax)
        return norm(an.text[a:b])

    def plain(x):
        return type(x).__name__ == "ConditionalStatement" and len(x.conditions) == 1 \
            and x.conditions[0].pattern is None and str(getattr(x, "check", "")).endswith(("None", "None_")) \
            and is_pure(x.conditions[0].expr)

    if not plain(st):
        return None
    par = st.syntax.parent
    if par is not None and kind_name(par) == "ElseClause" and par.parent is not None \
            and kind_name(par.parent) == "ConditionalStatement":
        ps, pe = an.span(par.parent.statement)
        if norm(an.text[ps:pe]) == body(st):
            return None  # the enclosing arm starts the run
    run = [st]
    cur = st
    while cur.ifFalse is not None and plain(cur.ifFalse) and body(cur.ifFalse) == body(st):
        cur = cur.ifFalse
        run.append(cur)
    if len(run) < 2:
        return None
    conds = [an.info(x.conditions[0].expr) for x in run]
    if None in conds:
        return None
    c0 = conds[0]
    cond = " || ".join(f"({c.text.strip()})" for c in conds)
    t_end = an.span(st.ifTrue.syntax)[1]
    last_end = an.span(run[-1].ifTrue.syntax)[1]
    return tmpl._m(an, s, e, f"{len(run)} if/else-if arms with the same body merged",
                   [Edit(c0.start, c0.end, cond), Edit(t_end, last_end, "")])


_EDGE = re.compile(r"\b(?:posedge|negedge|edge)\b")


def async_reset_if(an: Analysis, st) -> bool:
    """Whether ``st`` (an if statement) is the top statement of a procedural block triggered by more
    than one edge (``always @(posedge clk or negedge rst_n)``, possibly inside ``begin ... end``): the
    asynchronous reset (or set) test, whose condition synthesis reads as the reset signal alone.
    Merging another arm into it (``if (!rst_n || clr)``) or dropping it when both arms are alike
    makes the block unsynthesizable (Yosys: "Multiple edge sensitive events found for this signal")."""
    p = st.syntax.parent
    while p is not None and kind_name(p) in ("BlockStatement", "SequentialBlockStatement"):
        p = p.parent
    if p is None or kind_name(p) != "TimingControlStatement":
        return False
    a, b = an.span(p.timingControl)
    return len(_EDGE.findall(an.text[a:b])) >= 2


class MuxRedundantArms(Template):
    """``s ? x : x`` → ``x``; ``s ? 1'b1 : 1'b0`` → ``s``; constant selects; if/else with identical arms."""

    id = rule = "mux_redundant_arms"
    description = "remove multiplexers whose arms are identical, whose select is constant, or that copy the select"

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for e in an.exprs:
            n = e.node
            if type(n).__name__ != "ConditionalExpression" or len(n.conditions) != 1 or in_decl_context(n.syntax):
                continue
            pred = strip(n.conditions[0].expr)
            L, R = strip(n.left), strip(n.right)
            li, ri, pi = an.info(L), an.info(R), an.info(pred)
            if li is None or ri is None or pi is None or not is_pure(pred):
                continue
            new = None
            if li.key == ri.key:
                new = li.text.strip()
            elif an.const(pred) is not None and _same_type(L, R):
                new = (li if an.const(pred) else ri).text.strip()
            elif self_width(pred) == 1 and not self_signed(pred) and not e.signed:
                lv, rv = an.const(L), an.const(R)
                if (lv, rv) == (1, 0):
                    new = pi.text.strip()
                elif (lv, rv) == (0, 1):
                    new = f"!{paren(pi.text)}"
            if new is None:
                got = _merged_arms(an, n, li)
                if got is not None:
                    head, rest_start = got
                    out.append(self._m(an, e.start, e.end, "priority-chain arms selecting the same value merged",
                                       [Edit(e.start, rest_start, head)]))
                    continue
            if new is not None:
                out.append(_replace(an, self, e, new, "redundant multiplexer"))
        for st, s, e in an.statements:
            if type(st).__name__ != "ConditionalStatement" or st.ifFalse is None or len(st.conditions) != 1:
                continue
            cond = st.conditions[0].expr
            if not is_pure(cond) or st.conditions[0].pattern is not None:
                continue
            if async_reset_if(an, st):
                continue  # its condition must stay the reset alone (see async_reset_if)
            ts, te = an.span(st.ifTrue.syntax)
            fs, fe = an.span(st.ifFalse.syntax)
            from rtlopt.templates._sem import norm
            if norm(an.text[ts:te]) == norm(an.text[fs:fe]):
                out.append(self._m(an, s, e, "if/else arms are identical", [Edit(s, e, an.text[ts:te])]))
                continue
            m = _merged_else_ifs(self, an, st, s, e)
            if m is not None:
                out.append(m)
        return out
