"""Multiplier digit split: ``X * Y`` as a sum of radix-4 partial products ``(X * Y[2i+1:2i]) << 2i``.

Splitting the multiplier operand into 2-bit digits is the partial-product generation of a radix-4
multiplier: each digit product is a narrow ``w x 2`` multiply (an AND row plus one adder row) and
the shifted partial products are summed by the synthesis tool's adder tree. Generic synthesis
maps a whole ``*`` to an array of ripple rows; on small and medium unsigned multipliers the digit
form maps to fewer cells (measured on sky130: 4x4 -10 % area / -19 % power, 8x8 -6 % area / -8 %
power). Whether it pays is left to the PPA measurement; the rewrite itself is exact:

In the multiply's context width ``C`` every term is computed at ``C`` bits, so the sum equals
``X * Y mod 2^C``. The digit operand is the narrower (or equal) operand, which must be an unsigned
identifier declared ``[w-1:0]``; the other operand is repeated, so it must be pure. When every write
of the digit operand leaves its upper bits zero (``{24'b0, x}``, see
:func:`rtlopt.templates._width.known_value_bits`), only its significant bits get digits. The new
expression's self-determined width is that of ``X``, the same as before, so no context changes.
"""

from __future__ import annotations

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._sem import (
    Analysis,
    is_pure,
    literal_only,
    op_name,
    paren,
    self_signed,
    self_width,
    strip,
)

#: Digit operands narrower than this gain nothing. Wider ones (or a wider other operand) make
#: equivalence proofs that time out: z3 needs ~1.5 s for 6x6, ~8 s for 7x7 and ~45 s for 8x8.
MIN_DIGIT_OPERAND, MAX_DIGIT_OPERAND, MAX_OTHER_OPERAND = 4, 7, 8


def _plain_vector(node) -> bool:
    """An unsigned identifier declared ``[w-1:0]``."""
    node = strip(node)
    if type(node).__name__ != "NamedValueExpression" or node.type.isSigned:
        return False
    try:
        rng = node.type.fixedRange
        return int(rng.right) == 0 and int(rng.left) == int(node.type.bitWidth) - 1
    except (AttributeError, TypeError, ValueError):
        return False


def _sym_key(node) -> tuple[str, int]:
    node = strip(node)
    if type(node).__name__ != "NamedValueExpression":
        return ("", -1)
    return node.symbol.name, int(node.symbol.location.offset)


def split_product(x: str, y: str, width: int) -> str:
    """``x * y`` for a ``width``-bit identifier ``y``, as a sum of shifted 2-bit digit products."""
    terms = []
    for lo in range(0, width, 2):
        hi = min(lo + 1, width - 1)
        digit = f"{y}[{hi}:{lo}]" if hi != lo else f"{y}[{lo}]"
        prod = f"{paren(x)} * {digit}"
        terms.append(prod if lo == 0 else f"(({prod}) << {lo})")
    return " + ".join(terms)


class MultiplierDigitSplit(Template):
    """Unsigned ``X * Y`` → ``X*Y[1:0] + ((X*Y[3:2]) << 2) + ...`` (radix-4 partial products)."""

    id = "multiplier_digit_split"
    rule = "multiplier_digit_split"
    description = "compute a multiplication as a sum of radix-4 (2-bit digit) partial products"

    def find(self, an: Analysis) -> list[Match]:
        from rtlopt.templates._width import known_value_bits

        known = None
        out = []
        lhs_width = {}  # span of a whole assignment right-hand side -> width of its target
        for a in an.exprs:
            if type(a.node).__name__ == "AssignmentExpression":
                r = an.info(a.node.right)
                if r is not None and a.node.left.type.bitWidth:
                    lhs_width[(r.start, r.end)] = int(a.node.left.type.bitWidth)
        for info in an.exprs:
            node = info.node
            if type(node).__name__ != "BinaryExpression" or op_name(node) != "Multiply" or info.signed:
                continue
            a, b = strip(node.left), strip(node.right)
            if literal_only(a) or literal_only(b) or self_signed(a) or self_signed(b):
                continue
            wa, wb = self_width(a), self_width(b)
            if wa is None or wb is None:
                continue
            # the digit operand: the narrower one (the right one on a tie), a plain vector
            order = [(a, b, wa, wb), (b, a, wb, wa)] if wa < wb else [(b, a, wb, wa), (a, b, wa, wb)]
            for y, x, wy, wx in order:
                if wy > wx or not _plain_vector(y):
                    continue
                if known is None:
                    known = known_value_bits(an)
                # digits only over the bits of y that can be nonzero (upper bits known zero)
                sym = strip(y).symbol
                wy = min(wy, known.get((sym.name, int(sym.location.offset)), wy))
                if not (MIN_DIGIT_OPERAND <= wy <= MAX_DIGIT_OPERAND):
                    continue
                if min(wx, known.get(_sym_key(x), wx)) > MAX_OTHER_OPERAND:
                    continue
                xi, yi = an.info(x), an.info(y)
                if xi is None or yi is None or not is_pure(x):
                    continue
                xt = xi.text
                if _plain_vector(x):  # the other operand's known-zero upper bits are cut too, when
                    xs = strip(x).symbol  # the narrower sum cannot narrow its context
                    kx = known.get((xs.name, int(xs.location.offset)), wx)
                    if kx < wx and lhs_width.get((info.start, info.end), 0) >= max(wa, wb):
                        xt = f"{xt}[{kx - 1}:0]"
                new = f"({split_product(xt, yi.text, wy)})"
                out.append(self._m(an, info.start, info.end,
                                   f"{info.text} as {(wy + 1) // 2} radix-4 partial products",
                                   [Edit(info.start, info.end, new)]))
                break
        return out
