"""A combinational word that is the sum of other words the module already computes.

``total = popcount(err)`` next to per-lane counts ``lane_k = popcount(err[8k +: 8])``: the total is
``lane_0 + lane_1 + lane_2 + lane_3`` (a second 32-input count becomes three small adders). Found by
values, in any spelling: the module is elaborated and simulated (:mod:`rtlopt.semantic.netlist`), and
for every word ``T`` computed by statements of one procedural block that write nothing else (an
initial assignment and loops accumulating into it), a set of other named words whose sum equals ``T``
on every simulated vector (least squares over the vectors, coefficients rounded to 0/1, then checked
exactly modulo 2^W) replaces those statements by ``T = W1 + W2 + ...;`` at the last one's place. The
search loop proves every candidate (a word written later in the block than ``T`` is read fails the
proof, so nothing is assumed about statement order).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np

RULE = "word_level_lifting"
BUDGET_S = 15.0
MAX_WORDS = 24


def _written(stmt) -> set:
    """Symbols assigned inside ``stmt`` (loop variables of its for loops excluded)."""
    out, loopv = set(), set()

    def visit(n):
        t = type(n).__name__
        if t == "ForLoopStatement":
            for v in n.loopVars:
                loopv.add(v)
            for a in n.initializers:
                lv = getattr(a, "left", None)
                if type(lv).__name__ == "NamedValueExpression":
                    loopv.add(lv.symbol)
        if t == "AssignmentExpression":
            lv = n.left
            while type(lv).__name__ in ("ConversionExpression",):
                lv = lv.operand
            if type(lv).__name__ == "NamedValueExpression":
                out.add(lv.symbol)
            else:
                out.add(None)  # a select or concatenation: not one whole word
        return True

    stmt.visit(visit)
    return out - loopv


def _has_loop(stmt) -> bool:
    found = []

    def visit(n):
        if type(n).__name__ in ("ForLoopStatement", "ForeachLoopStatement", "WhileLoopStatement",
                                "RepeatLoopStatement"):
            found.append(n)
        return True

    stmt.visit(visit)
    return bool(found)


def _block_items(an):
    """``[(module name, [(stmt, start, end), ...])]`` per procedural block with a statement list."""
    from rtlopt.templates._expr import kind_name
    out = []
    for st, _s, _e in an.statements:
        if type(st).__name__ != "BlockStatement" or type(st.body).__name__ != "StatementList":
            continue
        p = st.syntax.parent if st.syntax is not None else None
        if p is not None and kind_name(p) == "TimingControlStatement":
            if "edge" in str(p.timingControl):
                continue  # a clocked block: its words are registers
            p = p.parent
        if p is None or kind_name(p) not in ("AlwaysBlock", "AlwaysCombBlock"):
            continue
        m = p
        while m is not None and kind_name(m) != "ModuleDeclaration":
            m = m.parent
        if m is None:
            continue
        items = [x for x in st.body.list if type(x).__name__ != "EmptyStatement" and x.syntax is not None]
        out.append((m.header.name.valueText, [(x, *an.span(x.syntax)) for x in items]))
    return out


def _targets(an):
    """``[(module, target name, [(start, end), ...])]``: words written only by their own statements."""
    out = []
    for mod, items in _block_items(an):
        writes = [(_written(x), s, e) for x, s, e in items]
        by = {}
        for w, s, e in writes:
            for sym in w:
                by.setdefault(sym, []).append((w, s, e))
        for sym, its in by.items():
            if sym is None or any(len(w) != 1 for w, _s, _e in its) or len(its) < 1:
                continue
            # only words accumulated in a loop (a count or sum): keeps the Yosys run to designs that can gain
            loops = [x for x, s, e in items if _has_loop(x) and any((s, e) == (s1, e1) for _w, s1, e1 in its)]
            if not loops:
                continue
            out.append((mod, sym.name, [(s, e) for _w, s, e in its]))
    return out


def _sum_of(nl, vals, tname: str) -> list[str] | None:
    tgt = nl.nets.get(tname)
    if tgt is None or tgt.width > 32 or any(not isinstance(b, int) or b in nl.free for b in tgt.bits):
        return None
    t = nl.word(vals, tgt.bits).astype(np.float64)
    # operands: whole named words, and equal chunks of a wider word (a packed array of counts)
    cands: list[tuple[str, list]] = []
    for n in nl.nets.values():
        if n.hidden or n.name == tname or n.port == "input" or n.width > 64:
            continue
        if any(not isinstance(b, int) or b in nl.free for b in n.bits):
            continue
        if n.width <= tgt.width:
            cands.append((n.name, list(n.bits)))
            continue
        for c in range(tgt.width, 1, -1):
            if n.width % c == 0 and n.width // c <= 8:
                m = (1 << c) - 1
                cands += [(f"(({n.name} >> {lo}) & {n.width}'h{m:x})", list(n.bits[lo:lo + c]))
                          for lo in range(0, n.width, c)]
                break
    cands = cands[:MAX_WORDS]
    if len(cands) < 2:
        return None
    a = np.stack([nl.word(vals, bits).astype(np.float64) for _t, bits in cands], axis=1)
    coef, *_ = np.linalg.lstsq(a, t, rcond=None)
    pick = [n for n, c in zip(cands, coef, strict=True) if abs(c - 1.0) < 0.25]
    if len(pick) < 2 or any(abs(c) > 0.25 and abs(c - 1.0) >= 0.25 for c in coef):
        return None
    tb = set(tgt.bits)
    for _t, bits in pick:  # a word computed from T itself would make a combinational loop
        inside, reads = nl.cone_bits(nl.fanin_cells(bits))
        if tb & (inside | reads):
            return None
    m = (1 << tgt.width) - 1
    tv = nl.word(vals, tgt.bits)
    s = np.zeros_like(tv)
    for _t, bits in pick:
        s = s + nl.word(vals, bits)
    if not np.array_equal(s & np.uint64(m), tv):
        return None
    return [t for t, _b in pick]


def _whole_lines(text: str, s: int, e: int) -> tuple[int, int]:
    """The span widened to its whole lines when nothing else is on them (no blank line is left)."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le + 1
    if text[ls:s].strip() == "" and text[e:le].strip() == "":
        return ls, le
    return s, e


def rewrites(texts: dict, budget_s: float = BUDGET_S) -> list[tuple[Path, str, str]]:
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
        mods = sorted({m for m, _t, _sp in tg})
        with tempfile.TemporaryDirectory(prefix="rtlopt-popsum-") as td:
            f = Path(td) / Path(path).name
            f.write_text(text, encoding="utf-8")
            try:
                nls = elaborate_modules([f], mods, timeout=max(5.0, deadline - time.monotonic()),
                                        include_dirs=[Path(path).resolve().parent])
            except Exception:  # noqa: BLE001
                continue
        for mod, tname, spans in tg:
            nl = nls.get(mod)
            if nl is None or time.monotonic() > deadline:
                continue
            vals = nl.simulate(1024, deadline=deadline)
            words = _sum_of(nl, vals, tname)
            if words is None:
                continue
            s, e = spans[-1]
            new_stmt = f"{tname} = " + " + ".join(words) + ";"
            edits = [Edit(*_whole_lines(text, s0, e0), "") for s0, e0 in spans[:-1]] + [Edit(s, e, new_stmt)]
            new = apply_edits(text, edits)
            if new != text and parses_cleanly(new, an.errors):
                out.append((path, new, f"{tname} is the sum of {', '.join(words)}"))
    return out


def popsum_candidates(state) -> list:
    from rtlopt.engine.candidate import budgeted_candidates

    return budgeted_candidates(state, rewrites, BUDGET_S, RULE, "sum of computed words", "popsum")


__all__ = ["popsum_candidates", "rewrites"]
