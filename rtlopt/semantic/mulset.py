"""A product with a word that only takes a few values, each 0 or +-2^k: a select of shifts/negations.

``y = x * r`` with ``r = neg ? -1 : 1`` (a sign reference, a gain of 0/1, a power-of-two scale picked by
a mode bit) is a general multiplier to synthesis, although every value the operand takes makes the
product a wire, a negation or a shift. Found by values, in any spelling: the module is elaborated and
simulated (:mod:`rtlopt.semantic.netlist`); for a product whose operand is a named word ``P`` that on
every simulated vector holds one of at most ``MAX_VALUES`` values, each 0 or +-2^k (read signed when the
product is signed), the product is rewritten in place as ``(P == p1) ? x*c1 : (P == p2) ? x*c2 : x*c3`` (two values:
``P[b] ? x*c1 : x*c2`` on the lowest bit ``b`` where they differ), with each ``x*c`` spelled as ``x``, ``-x``, ``x << k``, ``-(x << k)`` or a zero of ``x``'s width and sign.
The value set is only observed: the search loop proves (a value outside the set refutes) and measures
every candidate.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

RULE = "const_mult_to_shift_add"
BUDGET_S = 12.0
#: Values at most in the operand's observed set.
MAX_VALUES = 4


def _value_set(nl, vals, pname: str, signed: bool) -> list[tuple[int, int]] | None:
    """[(bit pattern, value)] the word ``pname`` holds on every simulated vector, or None."""
    p = nl.nets.get(pname)
    if p is None or p.width > 64 or any(not isinstance(b, int) for b in p.bits):
        return None
    pv = nl.word(vals, p.bits)
    if not len(pv):
        return None
    pats = [int(v) for v in np.unique(pv)]
    if not 2 <= len(pats) <= MAX_VALUES:
        return None
    out = []
    for pat in pats:
        v = pat - (1 << p.width) if signed and pat >> (p.width - 1) & 1 else pat
        if v and abs(v) & (abs(v) - 1):
            return None
        out.append((pat, v))
    return out


def _times(x: str, wx: int, c: int, signed: bool) -> str:
    """``x * c`` for c = 0 or +-2^k, keeping ``x``'s width and sign."""
    if c == 0:
        z = f"{{{wx}{{1'b0}}}}"
        return f"$signed({z})" if signed else z
    k = abs(c).bit_length() - 1
    t = f"({x} << {k})" if k else x
    return f"(-{t})" if c < 0 else t


def rewrites(texts: dict, budget_s: float = BUDGET_S) -> list[tuple[Path, str, str]]:
    from rtlopt.semantic.mulpow2 import product_rewrites

    def make(nl, vals, pname, other, wo, signed):
        vs = _value_set(nl, vals, pname, signed) if wo <= 256 else None
        if vs is None:
            return None
        x = f"({other})" if signed else f"$unsigned({other})"
        wp = nl.nets[pname].width
        if len(vs) == 2:
            # two values: selected by the lowest bit where they differ
            b = ((vs[0][0] ^ vs[1][0]) & -(vs[0][0] ^ vs[1][0])).bit_length() - 1
            hi, lo = (vs[1], vs[0]) if vs[1][0] >> b & 1 else (vs[0], vs[1])
            sel = f"{pname}[{b}]" if wp > 1 else pname
            expr = f"({sel} ? {_times(x, wo, hi[1], signed)} : {_times(x, wo, lo[1], signed)})"
        else:
            expr = _times(x, wo, vs[-1][1], signed)
            for pat, v in reversed(vs[:-1]):
                expr = f"(({pname} == {wp}'d{pat}) ? {_times(x, wo, v, signed)} : {expr})"
        return expr, (f"a product with {pname} in {{{', '.join(str(v) for _p, v in vs)}}} "
                      "as a select of shifts/negations")

    return product_rewrites(texts, budget_s, make, tag="mulset")


def mulset_candidates(state) -> list:
    from rtlopt.engine.candidate import budgeted_candidates

    return budgeted_candidates(state, rewrites, BUDGET_S, RULE, "product by a few constants as a select", "mulset")


__all__ = ["mulset_candidates", "rewrites"]
