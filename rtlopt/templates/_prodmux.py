"""A mux that selects between products becomes one product of muxed operands.

``wire [W-1:0] y = c ? p : q;`` where ``p`` and ``q`` are products (written in place or held in nets
with one driver, ``wire [23:0] p = a * a;``) is ``(c ? a : d) * (c ? b : e)``: one multiplier instead
of two; when every product is a square the operand mux is one wire and the product ``m * m`` (which
the folded-squarer rewrite then halves). Exact, not only under the mux's care set: every product is
unsigned and no net on the way truncates it below ``W`` bits (``W`` or the product's full width,
whichever is smaller), so each arm equals its operands' product modulo ``2^W``.

Used on the operand muxes the exclusive-sharing template creates: products read in different states
of an FSM (``acc <= acc + p`` in one state, ``acc <= acc + q`` in another) first share the adder,
whose operand mux then selects between the products; offered together with that sharing, the step
is one candidate (the folded squarer of one product, measured on its own, would otherwise win the
greedy round and leave two different expressions no mux can share).
"""

from __future__ import annotations

import re

from pyslang import ast

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.templates._guards import net_definitions, skey
from rtlopt.templates._sem import analyze, op_name, paren, parses_cleanly, strip

MAX_ARMS = 8


def _product(node, defs: dict):
    """``(a, b, width of the value held)`` for an unsigned product, seen through one-driver nets."""
    n = strip(node)
    held = int(n.type.bitWidth or 0)
    if type(n).__name__ == "NamedValueExpression" and isinstance(n.symbol, (ast.NetSymbol, ast.VariableSymbol)):
        d = defs.get(skey(n.symbol))
        if d is None:
            return None
        n = strip(d)
        held = min(held, int(n.type.bitWidth or 0))
    if type(n).__name__ != "BinaryExpression" or op_name(n) != "Multiply" or n.type.isSigned:
        return None
    a, b = strip(n.left), strip(n.right)
    for x in (a, b):
        if not x.type.isIntegral or x.type.isSigned or type(x).__name__ not in (
                "NamedValueExpression", "RangeSelectExpression", "ElementSelectExpression"):
            return None
    return a, b, held


def _arms(node, out: list) -> bool:
    """Leaves of a (nested) ``?:`` tree, left to right."""
    n = strip(node)
    if type(n).__name__ == "ConditionalExpression":
        if len(n.conditions) != 1 or n.conditions[0].pattern is not None:
            return False
        return _arms(n.left, out) and _arms(n.right, out)
    out.append(n)
    return len(out) <= MAX_ARMS


def _operand_mux(an, s: int, e: int, arms: list, prods: list, k: int) -> str:
    """The mux's own text ``an.text[s:e]``, each arm replaced by its product's ``k``-th operand."""
    sub = []
    for arm, p in zip(arms, prods, strict=True):
        a0, a1 = an.span(arm.syntax)
        sub.append(Edit(a0 - s, a1 - s, paren(an.text[slice(*an.span(p[k].syntax))])))
    return apply_edits(an.text[s:e], sub)


def hoist_product_muxes(text: str, name_re: str = r".*", file: str = "design.v") -> str | None:
    """Every net whose name matches ``name_re`` and whose one driver is a mux of products, rewritten as
    the product of muxed operands (declarations inserted before the net's); None when none applies."""
    an = analyze(text, file)
    if an.syntax_errors:
        return None
    defs = net_definitions(an)
    pat = re.compile(name_re)
    edits: list[Edit] = []
    taken: set[str] = set(re.findall(r"[A-Za-z_][\w$]*", text))
    for sym in an.symbols:
        if not isinstance(sym, (ast.NetSymbol, ast.VariableSymbol)) or not pat.fullmatch(sym.name) or skey(sym) not in defs:
            continue
        rhs = defs[skey(sym)]
        syn = getattr(strip(rhs), "syntax", None)
        if syn is None or type(strip(rhs)).__name__ != "ConditionalExpression" or sym.type.isSigned:
            continue
        w = int(sym.type.bitWidth or 0)
        arms: list = []
        if not _arms(rhs, arms) or len(arms) < 2:
            continue
        prods = [_product(a, defs) for a in arms]
        if any(p is None for p in prods):
            continue
        ok = True
        for a, b, held in prods:
            full = int(a.type.bitWidth) + int(b.type.bitWidth)
            ok &= held >= min(w, full)
        if not ok:
            continue
        s, e = an.span(syn)
        square = all(an.text[slice(*an.span(a.syntax))] == an.text[slice(*an.span(b.syntax))] for a, b, _ in prods)

        names = []
        for k in ((0,) if square else (0, 1)):
            base = f"{sym.name}_m{'ab'[k]}"
            nm, i = base, 0
            while nm in taken:
                i += 1
                nm = f"{base}{i}"
            taken.add(nm)
            wk = max(int(p[k].type.bitWidth) for p in prods)
            names.append(nm)
            decl_line = an.text.rfind("\n", 0, an.span(sym.syntax)[0]) + 1
            indent = re.match(r"[ \t]*", an.text[decl_line:]).group()
            edits.append(Edit(decl_line, decl_line,
                              f"{indent}wire [{wk - 1}:0] {nm} = {_operand_mux(an, s, e, arms, prods, k)};\n"))
        edits.append(Edit(s, e, f"{names[0]} * {names[-1]}"))
    if not edits:
        return None
    try:
        new = apply_edits(text, edits)
    except ValueError:
        return None
    return new if new != text and parses_cleanly(new, an.errors) else None
