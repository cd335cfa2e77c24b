"""Expression-level templates: folding, identities, negations, concatenations, booleans, comparisons."""

from __future__ import annotations

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._sem import (
    Analysis,
    ExprInfo,
    _balanced_outer,
    is_pure,
    literal,
    literal_only,
    op_name,
    paren,
    self_signed,
    self_width,
    strip,
)

_DECL_KINDS = ("VariableDimension", "ParameterDeclaration", "TypeParameterDeclaration", "RangeSelect",
               "BitSelect", "SimpleRangeSelect", "AscendingRangeSelect", "DescendingRangeSelect",
               "LocalParameterDeclaration", "ParameterPortList", "ParameterValueAssignment",
               "GenerateRegion", "LoopGenerate", "IfGenerate", "CaseGenerate", "ForLoopStatement",
               "CaseItem", "StandardCaseItem", "DefaultCaseItem", "ImplicitType", "ElementSelect")


def kind_name(syn) -> str:
    return str(syn.kind).split(".")[-1]


def in_decl_context(syn) -> bool:
    """True if a syntax node sits inside a range, parameter, select index, case label or generate."""
    p = syn.parent
    while p is not None:
        k = kind_name(p)
        if k in _DECL_KINDS or k.endswith("Dimension") or k.endswith("Select"):
            return True
        if k in ("ModuleDeclaration", "ContinuousAssign", "AlwaysBlock", "AlwaysCombBlock",
                 "AlwaysFFBlock", "ExpressionStatement"):
            return False
        p = p.parent
    return False


def kind(node) -> str:
    return type(strip(node)).__name__


def info(an: Analysis, node) -> ExprInfo | None:
    return an.info(node)


_NO_PAREN_PARENTS = ("AssignmentExpression", "NonblockingAssignmentExpression", "EqualsValueClause",
                     "ParenthesizedExpression", "ExpressionStatement")


def wrap(e: ExprInfo, new: str) -> str:
    """``new`` parenthesized unless it replaces a whole right-hand side or is already atomic."""
    syn = e.node.syntax
    parent = syn.parent
    if parent is not None and kind_name(parent) in _NO_PAREN_PARENTS and (
            kind_name(parent) not in ("AssignmentExpression", "NonblockingAssignmentExpression")
            or parent.right is syn):
        t = new.strip()
        while t.startswith("(") and _balanced_outer(t, "(", ")"):
            t = t[1:-1].strip()
        return t
    return paren(new)


def _replace(an: Analysis, tmpl: Template, e: ExprInfo, new: str, what: str) -> Match:
    return tmpl._m(an, e.start, e.end, what, [Edit(e.start, e.end, wrap(e, new))])


def _maximal(spans: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    out = []
    for s, e, x in sorted(spans, key=lambda t: (t[0], -t[1])):
        if out and s >= out[-1][0] and e <= out[-1][1]:
            continue
        out.append((s, e, x))
    return out


class ConstantFolding(Template):
    """Operator expressions made only of literals become one sized literal of the same width/sign."""

    id = rule = "constant_folding"
    description = "fold operators applied only to literals into one sized literal (context width and sign kept)"

    def find(self, an: Analysis) -> list[Match]:
        spans = []
        for e in an.exprs:
            k = type(e.node).__name__
            if k not in ("BinaryExpression", "UnaryExpression", "ConditionalExpression"):
                continue
            if not literal_only(e.node) or in_decl_context(e.node.syntax) or e.width <= 0:
                continue
            v = an.const(e.node)
            if v is None:
                continue
            spans.append((e.start, e.end, (e, v)))
        out = []
        for _s, _e, (e, v) in _maximal(spans):
            out.append(_replace(an, self, e, literal(v, e.width, e.signed), f"'{e.text.strip()}' is constant"))
        return out


class DoubleNegation(Template):
    """``~~x`` becomes ``x`` and ``!!x`` becomes ``|x``."""

    id = rule = "double_negation"
    description = "remove double bitwise negation (~~x -> x) and double logical negation (!!x -> |x)"

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for e in an.exprs:
            if type(e.node).__name__ != "UnaryExpression":
                continue
            op = op_name(e.node)
            inner = strip(e.node.operand)
            if type(inner).__name__ != "UnaryExpression" or op_name(inner) != op:
                continue
            if op not in ("BitwiseNot", "LogicalNot"):
                continue
            x = an.info(inner.operand)
            if x is None or not is_pure(inner.operand):
                continue
            if op == "BitwiseNot":
                out.append(_replace(an, self, e, x.text.strip(), "~~x is x"))
            else:
                w = self_width(inner.operand)
                new = x.text.strip() if (w == 1 and not self_signed(inner.operand)) else f"|{paren(x.text)}"
                out.append(_replace(an, self, e, new, "!!x is |x"))
        return out


_ZERO_RIGHT = {"Add", "Subtract", "BinaryOr", "BinaryXor", "LogicalShiftLeft", "LogicalShiftRight",
               "ArithmeticShiftLeft", "ArithmeticShiftRight"}
_ZERO_LEFT = {"Add", "BinaryOr", "BinaryXor"}
_ONE_RIGHT = {"Multiply", "Divide"}
_ONE_LEFT = {"Multiply"}


class IdentityOperations(Template):
    """``x + 0``, ``x | 0``, ``x ^ 0``, ``x << 0``, ``x * 1``, ``x / 1`` become ``x`` (when width/sign allow)."""

    id = rule = "identity_operations"
    description = "drop identity operands (x+0, x-0, x|0, x^0, x<<0, x*1, x/1) when they do not set width or sign"

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for e in an.exprs:
            if type(e.node).__name__ != "BinaryExpression" or in_decl_context(e.node.syntax):
                continue
            op = op_name(e.node)
            left, right = e.node.left, e.node.right
            lv, rv = an.const(left), an.const(right)
            keep = None
            if rv is not None and ((rv == 0 and op in _ZERO_RIGHT) or (rv == 1 and op in _ONE_RIGHT)):
                keep, drop = left, right
            elif lv is not None and ((lv == 0 and op in _ZERO_LEFT) or (lv == 1 and op in _ONE_LEFT)):
                keep, drop = right, left
            if keep is None or not is_pure(drop):
                continue
            k = an.info(keep)
            if k is None:
                continue
            if "Shift" not in op:
                kw, dw = self_width(keep), self_width(drop)
                ks, ds = self_signed(keep), self_signed(drop)
                if kw is None or dw is None or ks is None or ds is None:
                    continue
                if dw > kw or (ks and not ds):  # the constant widens the context or makes it unsigned
                    continue
            out.append(_replace(an, self, e, k.text.strip(), f"'{e.text.strip()}' is an identity operation"))
        return out


class RedundantConcatenation(Template):
    """``{x}`` → ``x`` (unsigned simple operands), ``{1{x}}`` → ``{x}``, adjacent slices merged."""

    id = rule = "redundant_concatenation"
    description = "remove single-element concatenations and merge adjacent part-selects of one signal"

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for e in an.exprs:
            k = type(e.node).__name__
            if k == "ReplicationExpression" and not in_decl_context(e.node.syntax):
                if an.const(e.node.count) == 1:
                    c = an.info(e.node.concat)
                    if c is not None:
                        out.append(_replace(an, self, e, c.text.strip(), "{1{x}} is {x}"))
                continue
            if k != "ConcatenationExpression" or in_decl_context(e.node.syntax):
                continue
            ops = list(e.node.operands)
            if len(ops) == 1:
                x = strip(ops[0])
                xi = an.info(x)
                if xi is None:
                    continue
                xk = type(x).__name__
                if xk in ("NamedValueExpression", "ElementSelectExpression", "RangeSelectExpression",
                          "ConcatenationExpression", "ReplicationExpression") and not self_signed(x):
                    out.append(_replace(an, self, e, xi.text.strip(), "{x} is x"))
                continue
            merged = self._merge_slices(an, ops)
            if merged is not None:
                out.append(_replace(an, self, e, merged, "adjacent part-selects of one signal"))
        return out

    @staticmethod
    def _descending_vector(ty) -> bool:
        """A packed (integral) type whose outer range is declared ``[hi:lo]`` with hi >= lo."""
        try:
            if getattr(ty, "isUnpackedArray", False) or not ty.isIntegral or not ty.hasFixedRange:
                return False
            r = ty.fixedRange
            return r.left >= r.right
        except Exception:  # noqa: BLE001 - a type pyslang cannot describe: not merged
            return False

    @staticmethod
    def _merge_slices(an: Analysis, ops) -> str | None:
        """``{a[7:4], a[3:0]}`` → ``a[7:0]`` (descending ranges, constant bounds, same plain signal)."""
        base = None
        hi_lo = []
        for o in ops:
            o = strip(o)
            k = type(o).__name__
            if k == "RangeSelectExpression" and str(o.selectionKind).endswith("Simple"):
                hi, lo = an.const(o.left), an.const(o.right)
            elif k == "ElementSelectExpression":
                hi = lo = an.const(o.selector)
            else:
                return None
            v = strip(o.value)
            if type(v).__name__ != "NamedValueExpression" or hi is None or lo is None or hi < lo:
                return None
            if not RedundantConcatenation._descending_vector(v.type):
                return None  # words of an unpacked memory, or an ascending [0:N] range: no [hi:lo] select
            name = v.symbol.name
            if base is None:
                base = name
            elif base != name:
                return None
            hi_lo.append((hi, lo))
        for (_h1, l1), (h2, _l2) in zip(hi_lo, hi_lo[1:], strict=False):
            if h2 != l1 - 1:
                return None
        return f"{base}[{hi_lo[0][0]}:{hi_lo[-1][1]}]"


class BooleanSimplification(Template):
    """Idempotence, complements and absorption on bitwise/logical operators."""

    id = rule = "boolean_simplification"
    description = "x&x, x|x -> x; x^x, x&~x -> 0; x|~x -> all ones; x|(x&y), x&(x|y) -> x (equal widths)"

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for e in an.exprs:
            if type(e.node).__name__ != "BinaryExpression" or in_decl_context(e.node.syntax):
                continue
            op = op_name(e.node)
            if op not in ("BinaryAnd", "BinaryOr", "BinaryXor", "LogicalAnd", "LogicalOr"):
                continue
            L, R = strip(e.node.left), strip(e.node.right)
            li, ri = an.info(L), an.info(R)
            if li is None or ri is None or not (is_pure(L) and is_pure(R)):
                continue
            lw, rw = self_width(L), self_width(R)
            ls, rs = self_signed(L), self_signed(R)
            if lw is None or rw is None:
                continue
            new = None
            if li.key == ri.key:
                if op in ("BinaryAnd", "BinaryOr"):
                    new = li.text.strip()
                elif op == "BinaryXor":
                    new = literal(0, e.width, e.signed)
                elif lw == 1 and not ls:
                    new = li.text.strip()
            elif op in ("BinaryAnd", "BinaryOr", "BinaryXor") and lw == rw and ls == rs:
                for a, b in ((L, R), (R, L)):
                    ai, bn = an.info(a), strip(b)
                    if type(bn).__name__ == "UnaryExpression" and op_name(bn) == "BitwiseNot":
                        bi = an.info(bn.operand)
                        if bi is not None and bi.key == ai.key and self_width(bn.operand) == lw:
                            if op == "BinaryAnd":
                                new = literal(0, e.width, e.signed)
                            else:
                                new = literal(-1, e.width, e.signed) if e.width == lw else None
                            break
                    inner = {"BinaryOr": "BinaryAnd", "BinaryAnd": "BinaryOr"}.get(op)
                    if inner and type(bn).__name__ == "BinaryExpression" and op_name(bn) == inner:
                        for x in (bn.left, bn.right):
                            xi = an.info(x)
                            if xi is not None and xi.key == ai.key and self_width(bn) == lw:
                                new = ai.text.strip()
                                break
                    if new is not None:
                        break
            if new is not None:
                out.append(_replace(an, self, e, new, f"'{e.text.strip()}' simplifies"))
        return out


_CMP = {"Equality": "!=", "Inequality": "==", "LessThan": ">=", "GreaterThanEqual": "<",
        "GreaterThan": "<=", "LessThanEqual": ">"}
_SAME_TRUE = {"Equality", "GreaterThanEqual", "LessThanEqual", "CaseEquality"}
_SAME_FALSE = {"Inequality", "LessThan", "GreaterThan", "CaseInequality"}


class ComparisonSimplification(Template):
    """``x == x`` → 1, ``!(a < b)`` → ``a >= b``, unsigned ``x >= 0`` → 1 and ``x < 0`` → 0."""

    id = rule = "comparison_simplification"
    description = "fold self-comparisons and unsigned comparisons against zero; push ! into comparisons"

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for e in an.exprs:
            n = e.node
            k = type(n).__name__
            if in_decl_context(n.syntax):
                continue
            if k == "UnaryExpression" and op_name(n) == "LogicalNot":
                c = strip(n.operand)
                if type(c).__name__ == "BinaryExpression" and op_name(c) in _CMP:
                    li, ri = an.info(c.left), an.info(c.right)
                    if li is not None and ri is not None:
                        new = f"{paren(li.text)} {_CMP[op_name(c)]} {paren(ri.text)}"
                        out.append(_replace(an, self, e, new, "negated comparison"))
                continue
            if k != "BinaryExpression":
                continue
            op = op_name(n)
            if op not in _SAME_TRUE and op not in _SAME_FALSE:
                continue
            L, R = strip(n.left), strip(n.right)
            li, ri = an.info(L), an.info(R)
            if li is None or ri is None or not (is_pure(L) and is_pure(R)):
                continue
            new = None
            if li.key == ri.key:
                new = "1'b1" if op in _SAME_TRUE else "1'b0"
            elif not (n.left.type.isSigned or n.right.type.isSigned):
                rv = an.const(R)
                if rv == 0 and op == "GreaterThanEqual":
                    new = "1'b1"
                elif rv == 0 and op == "LessThan":
                    new = "1'b0"
            if new is not None:
                out.append(_replace(an, self, e, new, f"'{e.text.strip()}' is constant"))
        from rtlopt.templates._zerosum import zero_test_of_sum  # S == 0 of a no-wrap sum: NOR of its terms
        out += zero_test_of_sum(self, an)
        from rtlopt.templates._subcmp import difference_sign_test  # (a - b) >= 0 without overflow: a >= b
        out += difference_sign_test(self, an)
        return out


class ConstantComparisonToBitmask(Template):
    """``x == C1 || x == C2`` with C1, C2 differing in one bit becomes ``(x & M) == C``."""

    id = rule = "constant_comparison_to_bitmask"
    description = "merge equality tests against constants that differ in one bit into one masked compare"

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for e in an.exprs:
            n = e.node
            if type(n).__name__ != "BinaryExpression" or op_name(n) not in ("LogicalOr", "BinaryOr"):
                continue
            if in_decl_context(n.syntax) or e.width != 1 and op_name(n) == "BinaryOr":
                continue
            terms = []
            for side in (n.left, n.right):
                s = strip(side)
                if type(s).__name__ != "BinaryExpression" or op_name(s) != "Equality":
                    break
                a, b = strip(s.left), strip(s.right)
                cv = an.const(b)
                x = a
                if cv is None:
                    cv, x = an.const(a), b
                xi = an.info(x)
                if cv is None or xi is None or not is_pure(x):
                    break
                w = int(s.left.type.bitWidth)  # operands of == share one context width
                if s.left.type.isSigned or s.right.type.isSigned:
                    break
                terms.append((xi.key, xi.text.strip(), cv & ((1 << w) - 1), w))
            if len(terms) != 2 or terms[0][0] != terms[1][0] or terms[0][3] != terms[1][3]:
                continue
            diff = terms[0][2] ^ terms[1][2]
            w = terms[0][3]
            if diff == 0 or diff & (diff - 1):
                continue
            mask = ((1 << w) - 1) & ~diff
            val = terms[0][2] & mask
            new = f"({paren(terms[0][1])} & {literal(mask, w)}) == {literal(val, w)}"
            out.append(_replace(an, self, e, new, "two constant compares differ in one bit"))
        return out
