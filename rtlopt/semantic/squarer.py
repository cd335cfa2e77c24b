"""A product of a word with itself as a folded squarer: half the partial products.

``x * x = sum_i x_i 2^(2i) + sum_{i<j} x_i x_j 2^(i+j+1)``: the diagonal terms are the bits of ``x``
spread to the even positions (a concatenation, no logic) and each pair ``i < j`` is counted once at
double weight, so an n-bit squarer has n(n-1)/2 partial-product bits instead of the n^2 of a general
multiplier (which synthesis cannot fold: it does not know the two operands are equal bit by bit).
Emitted inline at the product's place as ``{1'b0, x[n-1], ..., 1'b0, x[0]} + ({W{x[0]}} & ((x >> 1) << 2))
+ ...`` in the product's own context width W (every term is exact modulo 2^W, as the product is).
Unsigned operands only (a named word or a constant part-select of one); the search loop measures and
proves every candidate.
"""

from __future__ import annotations

RULE = "algebraic_factoring"
MAX_N = 24


def _square_expr(x: str, n: int, w: int) -> str:
    diag = ", ".join(f"1'b0, {x}[{i}]" for i in range(n - 1, -1, -1))
    terms = [f"{{{diag}}}"]
    for i in range(n - 1):
        terms.append(f"({{{w}{{{x}[{i}]}}}} & (({x} >> {i + 1}) << {2 * i + 2}))")
    return "(" + " + ".join(terms) + ")"


def rewrites(text: str, name: str = "design.v") -> list[tuple[str, str]]:
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.templates._expr import in_decl_context, wrap
    from rtlopt.templates._sem import analyze, op_name, parses_cleanly, strip

    if "*" not in text:
        return []
    an = analyze(text, name)
    if an.syntax_errors:
        return []
    out = []
    for e in an.exprs:
        n = e.node
        if type(n).__name__ != "BinaryExpression" or op_name(n) != "Multiply" or in_decl_context(n.syntax):
            continue
        a, b = strip(n.left), strip(n.right)
        if type(a).__name__ != "NamedValueExpression" or type(b).__name__ != "NamedValueExpression" \
                or a.symbol is not b.symbol:
            continue
        t = a.type
        if t.isSigned or not t.isIntegral or n.type.isSigned:
            continue
        wn = int(t.bitWidth or 0)
        rng = getattr(t, "fixedRange", None)
        if not 2 <= wn <= MAX_N or rng is None or rng.right != 0 or rng.left != wn - 1:
            continue
        w = max(int(e.width or 0), 2 * wn)
        x = a.symbol.name
        new_expr = _square_expr(x, wn, w)
        new = apply_edits(text, [Edit(e.start, e.end, wrap(e, new_expr))])
        if new != text and parses_cleanly(new, an.errors):
            out.append((new, f"{x} * {x} as a folded squarer ({wn * (wn - 1) // 2} partial products instead "
                             f"of {wn * wn})"))
    return out


def squarer_candidates(state) -> list:
    from rtlopt.engine.candidate import per_file_candidates

    return per_file_candidates(state, rewrites, RULE, "folded squarer", "squarer")


__all__ = ["rewrites", "squarer_candidates"]
