"""A wide word built as ``T = B`` then a run of small increments: the increments summed narrow first.

``nxt = count; for (i...) if (ev[i]) nxt = nxt + 1;`` builds one full-width incrementer (and a
full-width mux) per event; ``count + popcount(ev)`` needs one small counter chain and one wide adder.
Found by values, in any spelling (loop, unrolled ``if`` chain, ``+ ev[i]``, case arms): the module is
elaborated and simulated (:mod:`rtlopt.semantic.netlist`), and for every word ``T`` of a combinational
procedural block written only by its own statements — first ``T = B;`` (``B`` a named word), then
statements that only update ``T`` — the difference ``T - B`` (mod 2^W) is taken on every simulated
vector (the stimulus holds all-ones and all-zeros words). When it always fits ``K`` bits with ``K`` at
most half of ``W``, the update statements are kept as written but accumulate into a new ``K``-bit
variable that starts at zero, and ``T = B + acc;`` follows them. The search loop proves every
candidate (a ``K`` too small, or an update that reads ``T`` in another way, fails the proof).
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

import numpy as np

RULE = "word_level_lifting"
BUDGET_S = 15.0


def _assign_parts(stmt):
    """``(target symbol, right-hand expression)`` of a plain blocking ``T = expr;``, else None."""
    if type(stmt).__name__ != "ExpressionStatement":
        return None
    ex = stmt.expr
    if type(ex).__name__ != "AssignmentExpression" or ex.isNonBlocking:
        return None
    lv = ex.left
    if type(lv).__name__ != "NamedValueExpression":
        return None
    rv = ex.right
    while type(rv).__name__ == "ConversionExpression":
        rv = rv.operand
    return lv.symbol, rv


def _targets(an):
    """``[(module, T, B, always-block start, init span, [(update start, end, statement)], T's symbol)]``."""
    from rtlopt.semantic.popsum import _block_items, _written
    out = []
    for mod, items in _block_items(an):
        writes = [(_written(x), x, s, e) for x, s, e in items]
        seen = set()
        for k, (w, x, s, e) in enumerate(writes):
            ap = _assign_parts(x)
            if ap is None or len(w) != 1:
                continue
            sym, rv = ap
            if sym in seen or type(rv).__name__ != "NamedValueExpression" or rv.symbol is sym:
                continue
            seen.add(sym)
            if any(sym in w2 for w2, _x, _s, _e in writes[:k]):
                continue  # written before its plain init
            ups = [(s2, e2, x2) for w2, x2, s2, e2 in writes[k + 1:] if sym in w2]
            if not ups or any(len(w2) != 1 for w2, _x2, _s2, _e2 in writes[k + 1:] if sym in w2):
                continue
            # updates must be one contiguous run right after the init (nothing else between)
            idx = [j for j, (w2, _x2, _s2, _e2) in enumerate(writes) if sym in w2]
            if idx != list(range(k, k + len(idx))):
                continue
            blk = x.syntax.parent
            while blk is not None and type(blk).__name__ not in ("ProceduralBlockSyntax",):
                blk = blk.parent
            if blk is None:
                continue
            bstart, _be = an.span(blk)
            out.append((mod, sym.name, rv.symbol.name, bstart, (s, e), ups, sym))
    return out


def _stmts(st):
    """``st`` and every statement nested in it (blocks, loops, ifs, case arms)."""
    yield st
    k = type(st).__name__
    subs = []
    if k == "BlockStatement":
        subs = [st.body]
    elif k == "StatementList":
        subs = list(st.list)
    elif k in ("ForLoopStatement", "WhileLoopStatement", "RepeatLoopStatement", "ForeverLoopStatement",
               "DoWhileLoopStatement"):
        subs = [st.body]
    elif k == "ConditionalStatement":
        subs = [st.ifTrue, st.ifFalse]
    elif k == "CaseStatement":
        subs = [i.stmt for i in st.items] + [st.defaultCase]
    for x in subs:
        if x is not None:
            yield from _stmts(x)


def _gated_updates(an, stmt, sym) -> list[tuple[int, int, str]]:
    """``if (c) T = T + E;`` (no else, E not a constant) inside ``stmt`` as ``T = T + ((c) ? (E) : 0);``: the select moves
    from the sum (a K-bit mux per step) onto the addend (E gated to 0), which synthesis maps smaller.
    ``[(start, end, replacement)]`` in the text; the proof covers the edit like the rest."""
    from rtlopt.templates._sem import op_name, self_width, strip

    out = []
    for st in _stmts(stmt):
        if type(st).__name__ != "ConditionalStatement" or st.ifFalse is not None or len(st.conditions) != 1 \
                or st.conditions[0].pattern is not None or st.syntax is None:
            continue
        body = st.ifTrue
        if type(body).__name__ == "BlockStatement" and type(body.body).__name__ == "ExpressionStatement":
            body = body.body
        ap = _assign_parts(body)
        if ap is None or ap[0] is not sym:
            continue
        rv = ap[1]
        if type(rv).__name__ != "BinaryExpression" or op_name(rv) != "Add":
            continue
        left, right = strip(rv.left), strip(rv.right)
        def is_t(n):
            return type(n).__name__ == "NamedValueExpression" and n.symbol is sym
        other = rv.right if is_t(left) else rv.left if is_t(right) else None
        if other is None or is_t(strip(other)):
            continue
        other = strip(other)
        # an unsigned addend widened by an explicit cast (``24'(n[1:0])``) is added as it is: the sum
        # is kept mod 2^K either way, and the narrow select and add map smaller than a 24-bit one
        while type(other).__name__ == "ConversionExpression" and not other.type.isSigned \
                and not other.operand.type.isSigned and (self_width(other.operand) or 1 << 30) <= (
                    self_width(other) or 0):
            other = strip(other.operand)
        if other.type.isSigned or other.syntax is None:
            continue  # a signed addend: a zero of another signedness would change its extension
        if type(other).__name__ == "IntegerLiteral":
            # a constant step (an event count): gated it saved 0-2 % and its proof needed ABC (27 s
            # at load 20; UNKNOWN in a loaded bench run, where the plain form proves by equiv in 3 s)
            continue
        csyn = st.conditions[0].expr.syntax
        w = self_width(other)
        if csyn is None or w is None:
            continue
        cs, ce = an.span(csyn)
        es, ee = an.span(other.syntax)
        s, e = an.span(st.syntax)
        out.append((s, e, f"{sym.name} = {sym.name} + (({an.text[cs:ce]}) ? ({an.text[es:ee]}) : {w}'d0);"))
    return out


def _narrow_width(nl, vals, tname: str, bname: str) -> int | None:
    t, b = nl.nets.get(tname), nl.nets.get(bname)
    if t is None or b is None or t.width > 64 or b.width > t.width:
        return None
    if any(not isinstance(x, int) or x in nl.free for x in t.bits):
        return None
    if any(not isinstance(x, int) for x in b.bits):
        return None
    m = np.uint64((1 << t.width) - 1) if t.width < 64 else np.uint64(0xFFFFFFFFFFFFFFFF)
    d = (nl.word(vals, t.bits) - nl.word(vals, b.bits)) & m
    top = int(d.max()) if len(d) else 0
    k = max(1, top.bit_length())
    if top == 0 or 2 * k > t.width:
        return None
    return k


def _fresh(text: str, base: str) -> str:
    name, n = base, 0
    while re.search(rf"\b{re.escape(name)}\b", text):
        n += 1
        name = f"{base}{n}"
    return name


def rewrites(texts: dict, budget_s: float = BUDGET_S, params: dict | None = None) -> list[tuple[Path, str, str]]:
    """``params``: ``{module: {param: value}}`` for modules every instance of which gets those values
    (elaborated at them, so ``K`` fits the design's configuration rather than the defaults)."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.netlist import elaborate_modules
    from rtlopt.templates._sem import analyze, parses_cleanly

    deadline = time.monotonic() + budget_s
    out = []
    for path, text in texts.items():
        if "always" not in text:
            continue
        an = analyze(text, str(path))
        if an.syntax_errors:
            continue
        tg = _targets(an)
        if not tg:
            continue
        mods = sorted({t[0] for t in tg})
        with tempfile.TemporaryDirectory(prefix="rtlopt-narrowacc-") as td:
            f = Path(td) / Path(path).name
            f.write_text(text, encoding="utf-8")
            try:
                nls = elaborate_modules([f], mods, timeout=max(5.0, deadline - time.monotonic()),
                                        include_dirs=[Path(path).resolve().parent], params=params)
            except Exception:  # noqa: BLE001
                continue
        sims: dict = {}
        for mod, tname, bname, bstart, (s0, e0), ups, tsym in tg:
            nl = nls.get(mod)
            if nl is None or time.monotonic() > deadline:
                continue
            if mod not in sims:
                sims[mod] = nl.simulate(1024, deadline=deadline)
            k = _narrow_width(nl, sims[mod], tname, bname)
            if k is None:
                continue
            acc = _fresh(text, f"{tname}_inc")
            pat = re.compile(rf"(?<![\w$.\\]){re.escape(tname)}(?![\w$])")
            ls = text.rfind("\n", 0, bstart) + 1
            ind = text[ls:bstart] if text[ls:bstart].strip() == "" else ""
            gates = [_gated_updates(an, x, tsym) for _s, _e, x in ups]
            # the gated form first (``if (c) T = T + E`` as ``T = T + (c ? E : 0)``), then the updates as written
            for gated in ([True, False] if any(gates) else [False]):
                edits = [Edit(ls if ind or ls == bstart else bstart, ls if ind or ls == bstart else bstart,
                              f"{ind}reg [{k - 1}:0] {acc};\n"),
                         Edit(s0, e0, f"{acc} = {k}'d0;")]
                for j, (s, e, _x) in enumerate(ups):
                    seg = text[s:e]
                    if gated:
                        for gs, ge, rep in sorted(gates[j], reverse=True):
                            seg = seg[:gs - s] + rep + seg[ge - s:]
                    body = pat.sub(acc, seg)
                    if j == len(ups) - 1:
                        ls2 = text.rfind("\n", 0, s) + 1
                        ind2 = text[ls2:s] if text[ls2:s].strip() == "" else " "
                        body += f"\n{ind2}{tname} = {bname} + {acc};"
                    edits.append(Edit(s, e, body))
                new = apply_edits(text, edits)
                if new != text and parses_cleanly(new, an.errors):
                    how = " (each step's select on its addend)" if gated else ""
                    out.append((path, new, f"{tname} = {bname} + a {k}-bit sum of its increments{how}"))
    return out


def narrowacc_candidates(state) -> list:
    from rtlopt.engine.candidate import budgeted_candidates

    return budgeted_candidates(state, rewrites, BUDGET_S, RULE, "narrow increments first", "narrowacc", instance_params=True)


__all__ = ["narrowacc_candidates", "rewrites"]
