"""Right-hand sides of procedural assignments as named words a value analysis can fit.

Value-based generators (:mod:`rtlopt.semantic.linshare`) fit every word driven by ``assign w = ...;`` /
``wire w = ...;`` as a function of the module's cut bits. The same forms are just as often written in a
procedural block -- ``always @* begin y0 = x0 + x1; ... end``, ``always_comb row[1] = ...;``, or straight
into the registers, ``always @(posedge clk) if (en) q1 <= x0 - x1 + x2 - x3;``. Each such right-hand
side that reads nothing blocking-assigned in its block (so it has its module-level value wherever it is
evaluated) is given a probe net at the end of its module, ``wire [W-1:0] rtlopt_prb<k> = <rhs>;`` (``W``
the target's width: the assignment keeps the low ``W`` bits of the same expression), in a copy of the
text that is elaborated instead of the original. The probe is fitted like any driven word and a
rewrite replaces the right-hand side text in the original file (the probes are never emitted).
"""

from __future__ import annotations

import re

from pyslang import ast

_ID = r"[A-Za-z_][\w$]*"


def probe_sites(text: str, an, spans: dict[str, tuple[int, int]], min_ops: int = 2, min_w: int = 4,
                max_w: int = 64) -> tuple[str, dict[str, dict[str, tuple]]]:
    """``(probe text, {module: {probe name: (start, end, item start, target text, blocking names)}})``.

    ``spans``: ``{module: (start, end)}`` in ``text``. ``start`` is right after the ``=`` / ``<=`` (the
    right-hand side with its leading blanks, as :func:`rtlopt.semantic.linshare._sites` gives it),
    offsets relative to the module start; ``blocking names``: names assigned by blocking assignments in
    the block (a leaf read there must not be one of them)."""
    from rtlopt.templates._guards import reads, sites

    out: dict[str, dict[str, tuple]] = {}
    inserts: dict[int, list[str]] = {}
    k = 0
    seen: set[tuple[int, int]] = set()
    for s in sites(an):
        n = s.node
        if type(n).__name__ != "AssignmentExpression" or not isinstance(s.block, ast.ProceduralBlockSymbol):
            continue
        rsyn = getattr(n.right, "syntax", None)
        lsyn = getattr(n.left, "syntax", None)
        if rsyn is None or lsyn is None or n.right.type is None or not n.right.type.isIntegral:
            continue
        try:
            w = int(n.left.type.bitWidth or 0)
        except Exception:  # noqa: BLE001
            continue
        if not min_w <= w <= max_w:
            continue
        rs, re_ = an.span(rsyn)
        if (rs, re_) in seen:
            continue
        seen.add((rs, re_))
        rhs = text[rs:re_]
        if len(re.findall(r"(?<![<>=!+\-])[+\-](?![+\-=])", rhs)) < min_ops or "$" in rhs.replace("$signed", "") \
                .replace("$unsigned", ""):
            continue
        if reads(n.right) & s.volatile:
            continue
        # the statement must not sit in a generate scope or loop (the probe sits at module level)
        syn, bad = rsyn, False
        while syn is not None and type(syn).__name__ != "ModuleDeclarationSyntax":
            t = type(syn).__name__
            bad |= "Generate" in t or "Loop" in t or "Foreach" in t or "Function" in t or "Task" in t
            syn = syn.parent
        if bad:
            continue
        mod = next((m for m, (a, b) in spans.items() if a <= rs and re_ <= b), None)
        if mod is None:
            continue
        j = rs
        while j > 0 and text[j - 1] in " \t\r\n":
            j -= 1
        if j == 0 or text[j - 1] != "=":
            continue
        while f"rtlopt_prb{k}" in text:
            k += 1
        name = f"rtlopt_prb{k}"
        k += 1
        a, b = spans[mod]
        item = s.item[0]
        vol = {v[0] for v in s.volatile}
        out.setdefault(mod, {})[name] = (j - a, re_ - a, item - a, text[an.span(lsyn)[0]:an.span(lsyn)[1]], vol)
        end = text.rfind("endmodule", a, b)
        inserts.setdefault(end, []).append(f"(* keep *) wire [{w - 1}:0] {name} = {rhs};\n")
    if not out:
        return text, {}
    new = text
    for pos in sorted(inserts, reverse=True):
        new = new[:pos] + "".join(inserts[pos]) + new[pos:]
    return new, out


__all__ = ["probe_sites"]
