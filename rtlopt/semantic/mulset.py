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

import re
from pathlib import Path

import numpy as np

RULE = "const_mult_to_shift_add"
BUDGET_S = 12.0
_LITERAL = re.compile(r"\(*\s*(\d+\s*)?('\s*[sS]?[dDhHbBoO]\s*[0-9a-fA-F_xXzZ]+|\d[\d_]*)\s*\)*")
#: Values at most in the operand's observed set.
MAX_VALUES = 4
#: Values at most in the operand's observed set for the two-term form ``(x << p) +- (x << q)``.
MAX_TWO_TERM = 16
#: Widest word a two-term table may be keyed on (the operand itself or a word it is a function of).
MAX_KEY_WIDTH = 6


def _value_set(nl, vals, pname: str, signed: bool, max_values: int = MAX_VALUES,
               pow2_only: bool = True) -> list[tuple[int, int]] | None:
    """[(bit pattern, value)] the word ``pname`` holds on every simulated vector, or None (with
    ``pow2_only`` each value must be 0 or +-2^k)."""
    p = nl.nets.get(pname)
    if p is None or p.width > 64 or any(not isinstance(b, int) for b in p.bits):
        return None
    pv = nl.word(vals, p.bits)
    if not len(pv):
        return None
    pats = [int(v) for v in np.unique(pv)]
    if not 2 <= len(pats) <= max_values:
        return None
    out = []
    for pat in pats:
        v = pat - (1 << p.width) if signed and pat >> (p.width - 1) & 1 else pat
        if pow2_only and v and abs(v) & (abs(v) - 1):
            return None
        out.append((pat, v))
    return out


def _two_terms(v: int) -> tuple[int, int, int, int] | None:
    """``v == sa * 2^p + sb * 2^q`` as (p, sa, q, sb) with signs +-1, or None when v needs more than two
    signed powers of two (plain binary when it has at most two ones, else the non-adjacent form)."""
    m = abs(v)
    if m == 0:
        return (0, 1, 0, -1)
    sg = 1 if v > 0 else -1
    ones = [i for i in range(m.bit_length()) if m >> i & 1]
    if len(ones) == 1:
        k = ones[0]
        return (k - 1, sg, k - 1, sg) if k else (1, sg, 0, -sg)
    if len(ones) == 2:
        return (ones[1], sg, ones[0], sg)
    from rtlopt.templates._arith import csd

    naf = csd(m)
    if len(naf) != 2:
        return None
    (sq, q), (sp, p_) = naf
    return (p_, sg * sp, q, sg * sq)


def _key(nl, vals, pname: str) -> str | None:
    """The narrowest named word (at most MAX_KEY_WIDTH bits, narrower than ``pname``) of which ``pname`` is a
    function on every simulated vector (a ROM's index), or None."""
    p = nl.nets[pname]
    pv = nl.word(vals, p.bits)
    best = None
    for n in nl.nets.values():
        if (n.hidden or n.name == pname or n.width >= p.width or n.width > MAX_KEY_WIDTH
                or any(not isinstance(b, int) for b in n.bits)):
            continue
        if best is not None and (n.width, n.port != "input") >= (best.width, best.port != "input"):
            continue
        kv = nl.word(vals, n.bits)
        if len(np.unique(kv)) == len(np.unique(np.stack([kv, pv]), axis=1)[0]):
            best = n
    return best.name if best is not None else None


def _table(key: str, wk: int, rows: dict[int, int], wv: int) -> str:
    """A select giving ``rows[key value]`` (the most common value as the default)."""
    by: dict[int, list[int]] = {}
    for k, v in rows.items():
        by.setdefault(v, []).append(k)
    vals = sorted(by, key=lambda v: (-len(by[v]), v))
    expr = f"{wv}'d{vals[0]}"
    for v in reversed(vals[1:]):
        cond = " || ".join(f"({key} == {wk}'d{k})" for k in sorted(by[v]))
        expr = f"(({cond}) ? {wv}'d{v} : {expr})"
    return expr


def _two_term_product(nl, vals, pname: str, x: str, signed: bool):
    """``x * P`` with every observed value of P a sum/difference of two powers of two:
    ``(x << p) +- (x << q)`` with p, q (and the signs when they vary) tables keyed on P or on a narrower
    word P is a function of."""
    vs = _value_set(nl, vals, pname, signed, MAX_TWO_TERM, pow2_only=False)
    if vs is None:
        return None
    if all(not v or not abs(v) & (abs(v) - 1) for _p, v in vs):
        return None  # one shift per value: mulpow2/the select of shifts
    terms = {pat: _two_terms(v) for pat, v in vs}
    if any(t is None for t in terms.values()):
        return None
    key, wk = pname, nl.nets[pname].width
    rows = {pat: t for pat, t in terms.items()}
    k = _key(nl, vals, pname)
    if k is not None:
        kn = nl.nets[k]
        kv = nl.word(vals, kn.bits)
        pv = nl.word(vals, nl.nets[pname].bits)
        key, wk = k, kn.width
        rows = {int(a): terms[int(b)] for a, b in zip(kv, pv, strict=True)}

    def part(i: int, j: int):
        """(shifted term, its sign: +1, -1 or the condition under which it is negative)."""
        sh = {r: t[i] for r, t in rows.items()}
        sgn = {r: t[j] for r, t in rows.items()}
        ws = max(max(sh.values()).bit_length(), 1)
        amt = _table(key, wk, sh, ws) if len(set(sh.values())) > 1 else str(next(iter(sh.values())))
        t = f"({x} << {amt})" if amt != "0" else x
        if len(set(sgn.values())) == 1:
            return t, next(iter(sgn.values()))
        ones = sorted(r for r, s in sgn.items() if s < 0)
        return t, "(" + " || ".join(f"({key} == {wk}'d{r})" for r in ones) + ")"

    def signed_term(t: str, sg) -> str:
        return f"({sg} ? (-{t}) : {t})" if isinstance(sg, str) else (f"(-{t})" if sg < 0 else t)

    def one(c: str) -> str:  # the +1 of a two's complement negation, without changing the signedness
        return f"$signed({{1'b0, {c}}})" if signed else c

    (a, sa), (b, sb) = part(0, 1), part(2, 3)
    if sa == 1 and isinstance(sb, str):  # an add/subtract picked by the table
        expr = f"({a} + ({sb} ? ~{b} : {b}) + {one(sb)})"
    elif sb == 1 and isinstance(sa, str):
        expr = f"({b} + ({sa} ? ~{a} : {a}) + {one(sa)})"
    elif sa == 1:
        expr = f"({a} {'+' if sb > 0 else '-'} {b})"
    elif sb == 1:
        expr = f"({b} - {a})" if sa == -1 else f"({b} + {signed_term(a, sa)})"
    elif sa == -1 and sb == -1:
        expr = f"(-({a} + {b}))"
    else:
        expr = f"({signed_term(a, sa)} + {signed_term(b, sb)})"
    return expr, (f"a product with {pname} in {{{', '.join(str(v) for _p, v in vs)}}} as two shifts "
                  f"keyed on {key}")


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
        if wo > 256:
            return None
        vs = _value_set(nl, vals, pname, signed)
        x = f"({other})" if signed else f"$unsigned({other})"
        if vs is None:
            if _LITERAL.fullmatch(other.strip()):
                return None  # a constant times the word: synthesis already shifts and adds
            return _two_term_product(nl, vals, pname, x, signed)
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
