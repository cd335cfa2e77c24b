"""A one-hot register that always sits at the position another register names keeps one flag bit.

A register ``R`` (``W`` bits) that in every reachable state is either zero or ``1 << S`` for another
register ``S`` (a per-port ready/valid/grant vector of a mux or arbiter set with ``x << select_next``
next to ``select_reg <= select_next``) holds one bit of information beyond ``S``: whether it is zero.
It becomes a 1-bit register ``F`` (``F == |R``) written ``F <= |(e)`` wherever ``R <= e`` was, and
``R`` itself ``always @* R = F ? (1 << S) : 0;``. A read ``R[S]`` (or through a continuous alias
``assign port = R;``: ``port[S]``), which synthesis keeps as a decode followed by a multiplexer, is
``F`` itself when ``S`` cannot leave ``R``'s range.

Finding (semantics, never names): the gate model of :mod:`rtlopt.semantic.seqsim` is simulated from
reset on random lanes; a pair (R, S) is kept when every sample has ``R == 0 or R == 1 << S`` with both
forms seen, and the invariant is proven to hold after reset and to be inductive by z3
(:func:`rtlopt.semantic.regfunc.prove`, op ``dec0``). The search loop proves the rewritten design
equivalent again (sequential equivalence from reset) and measures it. Only whole-word nonblocking
writes of ``R`` are rewritten (how the written value is computed does not matter); otherwise no
candidate.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic import regfunc, seqsim

RULE = "onehot_index_compression"


def _width_pairs(regs: dict[str, list], taken: set[str]) -> bool:
    """Whether some register R (2..40 bits, not in ``taken``) has another S of ``b`` bits with
    ``b < |R| <= 2**b`` and no shared bit: the shapes :func:`_find` tests on simulated values. Without
    one no value can pass, so the simulation is skipped (the same answer: no candidate)."""
    w = {n: len(js) for n, js in regs.items() if len(js) <= 40 and "." not in n}
    for r, wr in w.items():
        if wr < 2 or r in taken:
            continue
        for s, b in w.items():
            if s != r and b < wr <= (1 << b) and not set(regs[s]) & set(regs[r]):
                return True
    return False


def _find(an: regfunc.Analysis, deadline: float) -> list[regfunc.Relation]:
    net, regs = an.net, an.regs
    if not _width_pairs(regs, regfunc.word_targets(an)):
        return []
    trace = seqsim.simulate(net, cycles=256, words=2)
    bm = regfunc._bit_matrix(trace)
    vals: dict[str, np.ndarray] = {}
    for n, js in regs.items():
        if len(js) <= 40 and "." not in n:
            v = np.zeros(bm.shape[1], dtype=np.int64)
            for i, j in enumerate(js):
                v |= bm[j].astype(np.int64) << i
            vals[n] = v
    taken = regfunc.word_targets(an)
    hyps = []
    for r, rv in vals.items():
        w = len(regs[r])
        if w < 2 or r in taken or not (rv == 0).any() or (rv == 0).all():
            continue
        mask = (1 << w) - 1
        for s, sv in vals.items():
            b = len(regs[s])
            if s == r or not (b < w <= (1 << b)) or set(regs[s]) & set(regs[r]):
                continue
            dec = (np.int64(1) << np.minimum(sv, 62)) & mask
            if ((rv == 0) | (rv == dec)).all() and not (rv == dec).all():
                hyps.append(regfunc.Relation(r, w, 0, s, op="dec0"))
                break
        if time.monotonic() > deadline:
            break
    if not hyps:
        return []
    return regfunc.prove(net, regs, hyps, timeout_s=max(1.0, deadline - time.monotonic()))


def _any(expr: str) -> str:
    """``|(expr)``; a zero literal is ``1'b0``."""
    if re.fullmatch(r"\s*(?:\d*\s*'[sS]?[bBdDhHoO]\s*)?[0_]+\s*", expr):
        return "1'b0"
    return f"|({expr})"


def _mask(text: str) -> str:
    """Comments and strings blanked (same offsets)."""
    return re.sub(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\])*\"", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text,
                  flags=re.S)


def _fresh(text: str, base: str) -> str:
    name, k = base, 0
    while re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", text):
        k += 1
        name = f"{base}{k}"
    return name


def emit(texts: dict[Path, str], top: str, rel: regfunc.Relation, index_bits: int,
         reads: bool = True) -> dict[Path, str] | None:
    """``texts`` with ``rel.target`` kept as one flag register (see the module docstring), or None.
    ``index_bits``: the width of ``rel.base``; reads ``R[S]`` become the flag only when ``S`` cannot
    leave ``R``'s range (``2 ** index_bits == width``)."""
    from rtlopt.semantic.seqred import _source_model

    paths = list(texts)
    tlist = [texts[p] for p in paths]
    model = _source_model(tlist, [str(p) for p in paths], top)
    if model is None:
        return None
    occs, stmts, _trees = model
    r, s = rel.target, rel.base
    mine = [o for o in occs if o.path == r]
    if not mine or not all(o.proc for o in mine) or {o.file for o in mine} != {mine[0].file}:
        return None
    fi = mine[0].file
    text = tlist[fi]
    if not text.isascii():
        return None
    flag = _fresh(text, f"{r}_any")
    eds: list[Edit] = []
    writes = [o for o in mine if o.write]
    if not writes:
        return None
    for o in writes:
        if o.sel is not None:
            return None  # a bit or part of R written on its own
        st = [x for x in stmts if x.path == r and x.file == fi and x.span[0] <= o.ident[0] < x.span[1]]
        if len(st) != 1:
            return None
        a, e = st[0].span
        m = re.fullmatch(rf"(\s*){re.escape(r)}(\s*<=\s*)(.*?)(\s*;?\s*)", text[a:e], re.S)
        if m is None or st[0].block is None:
            return None  # a blocking or continuous assignment of R
        eds.append(Edit(a, e, f"{m.group(1)}{flag}{m.group(2)}{_any(m.group(3))}{m.group(4)}"))
    # the declaration statement of R (the last one declaring it before its first use): the flag is
    # declared right after it, with R's start value
    masked = _mask(text)
    first = min(o.ident[0] for o in mine)
    dm = None
    for d in re.finditer(r"(?m)^[ \t]*reg\b[^;]*;", masked):
        if d.end() <= first and re.search(rf"(?<![\w$]){re.escape(r)}(?![\w$])", d.group(0)):
            dm = d
    if dm is not None:
        decl = text[dm.start():dm.end()]
        im = re.search(rf"(?<![\w$]){re.escape(r)}\s*=\s*([^,;]+)", decl)
        init = f" = {_any(im.group(1).strip())}" if im else ""
        ind = re.match(r"[ \t]*", decl).group(0)
        eol = text.find("\n", dm.end())
        eol = len(text) if eol < 0 else eol
    else:  # an ANSI port 'output reg [..] R' (no start value): after the module header
        from rtlopt.engine.parampin import _header_end

        mods = [m for m in re.finditer(r"(?<![\w$])module\s+[A-Za-z_]", masked) if m.start() < first]
        if not mods:
            return None
        he = _header_end(masked[mods[-1].start():first])
        if he is None:
            return None
        he += mods[-1].start()
        hdr = masked[mods[-1].start():he]
        if not re.search(rf"(?<![\w$])reg\b[^;]*?(?<![\w$]){re.escape(r)}(?![\w$])", hdr):
            return None
        init, ind = "", "    "
        eol = text.find("\n", he)
        eol = len(text) if eol < 0 else eol
        nxt = re.match(r"\n([ \t]+)\S", text[eol:])
        if nxt:
            ind = nxt.group(1)
    eds.append(Edit(eol, eol, f"\n{ind}reg {flag}{init};"))
    # R is the decode of the flag at S (before the endmodule of R's module)
    em = re.compile(r"(?<![\w$])endmodule\b").search(text, first)
    if em is None:
        return None
    ls = text.rfind("\n", 0, em.start()) + 1
    if text[ls:em.start()].strip():
        ls = em.start()
    eds.append(Edit(ls, ls, f"{ind}always @* {r} = {flag} ? (1 << {s}) : 0;\n"))
    if reads and (1 << index_bits) == rel.width:
        ms = max((m.start() for m in re.finditer(r"(?<![\w$])module\b", masked[:first])), default=0)
        names = {r} | {m.group(1) for m in re.finditer(
            rf"(?m)^\s*assign\s+([A-Za-z_][\w$]*)\s*=\s*{re.escape(r)}\s*;", masked[ms:em.start()])}
        alt = "|".join(re.escape(n) for n in sorted(names))
        for m in re.finditer(rf"(?<![\w$.])(?:{alt})\s*\[\s*{re.escape(s)}\s*\]", masked[ms:em.start()]):
            eds.append(Edit(ms + m.start(), ms + m.end(), flag))
    # a reduction OR of R (or an alias) is the flag whatever the index
    names = {r} | {m.group(1) for m in re.finditer(
        rf"(?m)^\s*assign\s+([A-Za-z_][\w$]*)\s*=\s*{re.escape(r)}\s*;", masked)}
    alt = "|".join(re.escape(n) for n in sorted(names))
    for m in re.finditer(rf"\|\s*(?:{alt})(?![\w$\[])", masked):
        a = m.start()
        if masked[a - 1:a] == "|":
            continue  # '||'
        before = masked[:a].rstrip()
        if before[-1:] in ("(", "=", ",", "!", "?", ":", ";") or before[-2:] in ("&&", "||"):
            eds.append(Edit(a, m.end(), flag))
    try:
        new = apply_edits(text, eds)
    except ValueError:
        return None
    out = dict(texts)
    out[paths[fi]] = new
    return out


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict, str]]:
    t0 = time.monotonic()
    an = regfunc.analysis_for(texts, top, timeout_s)
    if an.net is None or an.regs is None:
        return []
    rels = _find(an, max(t0 + timeout_s, time.monotonic() + 5.0))  # the analysis may be the cached one
    out = []
    for rel in rels:
        for reads in (True, False):
            new = emit(texts, top, rel, len(an.regs[rel.base]), reads=reads)
            if new is not None and new != texts:
                how = " (reads at the index use the flag)" if reads else ""
                out.append((new, f"'{rel.target}' is 0 or 1 << {rel.base}: one flag bit{how}"))
    return out


def onehotidx_candidates(state) -> list:
    """Search-loop generator: one-hot registers at another register's index kept as one flag bit."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, "register compression", "onehotidx")
