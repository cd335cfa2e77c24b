"""A product with a word that is always ``1 << s``: a shift by ``s`` instead of a multiplier.

``bytes = (len + 1) * incr`` with ``incr = 1 << size`` computed elsewhere (another statement, a
continuous assignment, a function, a case table of powers of two): synthesis sees a general
multiplier because the one-hot value of ``incr`` is not visible at the product. Found by values, in
any spelling: the module is elaborated and simulated (:mod:`rtlopt.semantic.netlist`); for a product
whose operand is a named word ``P`` that is a power of two on every simulated vector, a named word
``S`` of the module with ``P == 1 << S`` on every vector is looked for, and the product is rewritten
in place as ``(other) << S`` (exact modulo the product's context width, as the product is). The
search loop proves and measures every candidate.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np

RULE = "const_mult_to_shift_add"
BUDGET_S = 12.0


def _module_of(syn):
    from rtlopt.templates._expr import kind_name
    m = syn
    while m is not None and kind_name(m) != "ModuleDeclaration":
        m = m.parent
    return m.header.name.valueText if m is not None else None


def _shift_source(nl, vals, pname: str) -> str | None:
    p = nl.nets.get(pname)
    if p is None or p.width > 64 or any(not isinstance(b, int) for b in p.bits):
        return None
    pv = nl.word(vals, p.bits)
    if not len(pv) or np.any(pv == 0) or np.any(pv & (pv - np.uint64(1))):
        return None
    lg = np.zeros_like(pv)
    x = pv.copy()
    while np.any(x > 1):
        gt = x > 1
        lg[gt] += np.uint64(1)
        x[gt] >>= np.uint64(1)
    if not np.any(lg):
        return None  # always 1: nothing to shift
    best = None
    for n in nl.nets.values():
        if n.hidden or n.name == pname or n.width > 8 or any(not isinstance(b, int) for b in n.bits):
            continue
        if np.array_equal(nl.word(vals, n.bits), lg) and (best is None or n.port == "input"):
            best = n
    return best.name if best is not None else None


def product_rewrites(texts: dict, budget_s: float, make, unsigned_only: bool = False, tag: str = "mulpow2"
                     ) -> list[tuple[Path, str, str]]:
    """Products ``o * p`` / ``p * o`` with a named operand ``p``, rewritten in place by values: each module
    holding one is elaborated and simulated once, and ``make(netlist, values, p's name, o's text, o's
    width, the product's signedness)`` gives ``(new expression, description)`` or None. ``unsigned_only``:
    only unsigned products with an unsigned ``p``. One rewrite per product."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.netlist import elaborate_modules
    from rtlopt.templates._expr import in_decl_context, wrap
    from rtlopt.templates._sem import analyze, op_name, parses_cleanly, strip

    deadline = time.monotonic() + budget_s
    out = []
    for path, text in texts.items():
        if "*" not in text:
            continue
        an = analyze(text, str(path))
        if an.syntax_errors:
            continue
        sites = []
        for e in an.exprs:
            n = e.node
            if type(n).__name__ != "BinaryExpression" or op_name(n) != "Multiply" or in_decl_context(n.syntax):
                continue
            signed = bool(n.type.isSigned)
            if unsigned_only and signed:
                continue
            for p, o in ((strip(n.right), n.left), (strip(n.left), n.right)):
                if type(p).__name__ != "NamedValueExpression" or (unsigned_only and p.type.isSigned):
                    continue
                mod = _module_of(n.syntax)
                osyn = o.syntax if o.syntax is not None else strip(o).syntax
                wo = strip(o).type.bitWidth
                if mod is not None and osyn is not None and wo:
                    sites.append((mod, e, p.symbol.name, an.span(osyn), int(wo), signed))
        if not sites:
            continue
        mods = sorted({s[0] for s in sites})
        with tempfile.TemporaryDirectory(prefix=f"rtlopt-{tag}-") as td:
            f = Path(td) / Path(path).name
            f.write_text(text, encoding="utf-8")
            try:
                nls = elaborate_modules([f], mods, timeout=max(5.0, deadline - time.monotonic()),
                                        include_dirs=[Path(path).resolve().parent])
            except Exception:  # noqa: BLE001
                continue
        sims: dict = {}
        done = set()
        for mod, e, pname, (os_, oe), wo, signed in sites:
            nl = nls.get(mod)
            if nl is None or time.monotonic() > deadline or (e.start, e.end) in done:
                continue
            if mod not in sims:
                sims[mod] = nl.simulate(1024, deadline=deadline)
            got = make(nl, sims[mod], pname, text[os_:oe], wo, signed)
            if got is None:
                continue
            done.add((e.start, e.end))
            new = apply_edits(text, [Edit(e.start, e.end, wrap(e, got[0]))])
            if new != text and parses_cleanly(new, an.errors):
                out.append((path, new, got[1]))
    return out


def rewrites(texts: dict, budget_s: float = BUDGET_S) -> list[tuple[Path, str, str]]:
    def make(nl, vals, pname, other, _wo, _signed):
        s = _shift_source(nl, vals, pname)
        return None if s is None else (f"(({other}) << {s})", f"a product with {pname} == 1 << {s} as a shift by {s}")

    return product_rewrites(texts, budget_s, make, unsigned_only=True)


def mulpow2_candidates(state) -> list:
    from rtlopt.engine.candidate import budgeted_candidates

    return budgeted_candidates(state, rewrites, BUDGET_S, RULE, "power-of-two product as a shift", "mulpow2")


__all__ = ["mulpow2_candidates", "product_rewrites", "rewrites"]
