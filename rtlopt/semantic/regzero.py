"""Zero tests of a register replaced by the zero test of another register (at any depth of the hierarchy).

A counter kept beside a vector of flags it counts (an in-flight count beside a scoreboard's busy bits,
an occupancy count beside a valid vector) is often read only as ``cnt == 0`` / ``cnt != 0`` ("idle",
"empty"). When ``(cnt == 0) == (busy == 0)`` in every reachable state, those reads can test ``busy``
instead and the counter (its adder, its flip-flops) goes away in synthesis once nothing else reads it.

Found by meaning: the elaborated netlist gives every named register at any depth (``u_sb.inflight``
is the output wire of ``u_sb.u_stats`` carrying its counter's flip-flops); sampled traces from reset
propose a register ``S`` of the same scope whose zero test equals the zero test of ``W`` on every
sample. The source edit is minimal: in the module of that scope, every read of ``W`` must be a zero
test (``W == 0``, ``W != 0``, any zero literal) besides its declaration and the instance port it is
connected to; those tests read ``S`` instead. The predicate is not 1-inductive on its own, so the
strengthening ``W == popcount(S)`` (with ``|S| < 2**|W|``: no wrap to zero) is checked on the samples
and proven by induction from reset (:func:`regfunc.prove`); the search loop then proves the candidate
from reset like every candidate.
Modules instantiated more than once are left alone (the edit would change every instance).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic import regfunc, reglockstep, seqsim

_ZERO = r"(?:(?:\d+)?'[sS]?[bBdDhHoO]0+|0+)"
_ID = r"[A-Za-z_][\w$]*"


def _zero_rows(net: seqsim.GateNet, bm: np.ndarray) -> dict[str, dict[str, tuple[tuple[int, ...], bytes]]]:
    """scope -> {leaf: (flops, zero-test row)} of the named registers (any depth) that vary."""
    out: dict[str, dict[str, tuple[tuple[int, ...], bytes]]] = {}
    for n, js in regfunc._all_registers(net).items():
        scope, _, leaf = n.rpartition(".")
        if not re.fullmatch(_ID, leaf) or len(js) < 1:
            continue
        z = np.ones(bm.shape[1], dtype=np.uint8)
        for j in js:
            z &= (1 - bm[j]).astype(np.uint8)
        if z.min() == z.max():
            continue
        out.setdefault(scope, {})[leaf] = (tuple(js), z.tobytes())
    return out


def _module_span(texts: dict[Path, str], top: str, scope: str):
    """(path, text, start, end) of the module written for ``scope`` (the top when ""); None when not
    found or (a child) instantiated more than once."""
    if not scope:
        hits = []
        for p, t in texts.items():
            for m in re.finditer(rf"(?m)^\s*module\s+{re.escape(top)}(?![\w$])", t):
                e = t.find("endmodule", m.end())
                if e > 0:
                    hits.append((p, t, m.start(), e))
        return hits[0] if len(hits) == 1 else None
    from rtlopt.semantic.crossinst import child_site

    site = child_site(texts, top, scope, once=True)
    if site is None:
        return None
    ds = site[1]
    return site[3][site[4]], site[6], ds.sourceRange.start.offset, ds.sourceRange.end.offset


def _rewrite(text: str, s: int, e: int, w: str, base: str) -> str | None:
    """``text`` with every zero test of ``w`` in ``text[s:e]`` reading ``base`` instead; None when ``w``
    is read otherwise (anything besides its declaration, one port connection and zero tests)."""
    body = text[s:e]
    if re.search(rf"(?<![\w$.]){re.escape(base)}(?![\w$])", body) is None:
        return None
    tests = list(re.finditer(rf"(?<![\w$.]){re.escape(w)}(\s*(?:==|!=)\s*{_ZERO})(?![\w$'])", body))
    tests += list(re.finditer(rf"(?<![\w$.'=!<>]){_ZERO}\s*(?:==|!=)\s*{re.escape(w)}(?![\w$\[])", body))
    if not tests:
        return None
    conns = 0
    for m in re.finditer(rf"(?<![\w$.]){re.escape(w)}(?![\w$])", body):
        if any(t.start() <= m.start() < t.end() for t in tests):
            continue
        before = body[:m.start()]
        after = body[m.end():]
        line = before[before.rfind("\n") + 1:]
        if re.fullmatch(r"\s*(?:wire|logic)\s*(?:signed\s*)?(?:\[[^\]]*\]\s*)?", line) and re.match(r"\s*;", after):
            continue  # its declaration
        if re.search(r"\.\s*[\w$]+\s*\(\s*$", before) and re.match(r"\s*\)", after):
            conns += 1
            continue  # the instance output port it is connected to
        return None
    if conns != 1:
        return None
    eds = []
    for m in tests:
        txt = m.group(0)
        k = re.search(rf"(?<![\w$]){re.escape(w)}(?![\w$])", txt)
        eds.append(Edit(s + m.start() + k.start(), s + m.start() + k.end(), base))
    return apply_edits(text, eds)


def _proven_count(net: seqsim.GateNet, an: regfunc.Analysis, wj: list[int], bj: list[int], bm: np.ndarray,
                  timeout_s: float) -> bool:
    """Whether ``W == popcount(S)`` (modulo ``2**|W|``, with ``|S| < 2**|W|`` so that it cannot wrap to 0)
    on every sample and by induction from reset (:func:`regfunc.prove`, the proven word relations as
    helpers): then ``W == 0`` exactly when ``S == 0``."""
    if len(bj) >= 1 << len(wj):
        return False
    cnt = np.zeros(bm.shape[1], dtype=np.int64)
    for j in bj:
        cnt += bm[j].astype(np.int64)
    if not np.array_equal(reglockstep._word_of(wj, bm), cnt & ((1 << len(wj)) - 1)):
        return False
    regs = dict(an.regs or {})
    regs["\\zc_w"], regs["\\zc_s"] = list(wj), list(bj)
    rel = regfunc.Relation("\\zc_w", len(wj), 0, None, 1, tuple(("\\zc_s", i) for i in range(len(bj))))
    helpers = [r for r in an.relations if r.op in ("add", "ule")]
    return rel in regfunc.prove(net, regs, helpers + [rel], timeout_s=timeout_s)


def _possible(texts: dict[Path, str], net: seqsim.GateNet) -> bool:
    """Whether a candidate can come before any sampling: a zero test in the source (:func:`_rewrite`
    needs one) and a scope naming a register of 2+ bits and, on disjoint flip-flops, another register."""
    if not any(re.search(rf"(?:==|!=)\s*{_ZERO}(?![\w$'])|(?<![\w$.'=!<>]){_ZERO}\s*(?:==|!=)", t)
               for t in texts.values()):
        return False
    regs = {tuple(js) for js in regfunc._registers(net).values()}
    scopes: dict[str, list[tuple[int, ...]]] = {}
    for n, js in regfunc._all_registers(net).items():
        scope, _, leaf = n.rpartition(".")
        if re.fullmatch(_ID, leaf):
            scopes.setdefault(scope, []).append(tuple(js))
    for names in scopes.values():
        for w in names:
            if len(w) >= 2 and any(b != w and b in regs and not set(b) & set(w) for b in names):
                return True
    return False


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0,
                   max_cands: int = 2) -> list[tuple[dict[Path, str], str]]:
    """[(new texts, description)]: zero tests of a register (read only that way in its scope's module)
    reading another register of that scope whose zero test agrees on every sampled state."""
    an = regfunc.analysis_for(texts, top, timeout_s)
    net = an.net
    if net is None or len(net.flops) > regfunc._DEEP_FLOPS or not _possible(texts, net):
        return []
    bm = reglockstep._dedupe(reglockstep._samples(net))
    rows = _zero_rows(net, bm)
    regs = {tuple(js) for js in regfunc._registers(net).values()}
    out = []
    for scope, names in sorted(rows.items()):
        for w, (wj, wz) in sorted(names.items()):
            if len(wj) < 2:
                continue
            bases = [(len(bj), b) for b, (bj, bz) in names.items()
                     if b != w and bz == wz and not set(bj) & set(wj) and tuple(bj) in regs]
            if not bases:
                continue
            base = min(bases)[1]
            bj = names[base][0]
            if not _proven_count(net, an, list(wj), list(bj), bm, timeout_s):
                continue
            span = _module_span(texts, top, scope)
            if span is None:
                continue
            p, text, s, e = span
            new = _rewrite(text, s, e, w, base)
            if new is None:
                continue
            res = dict(texts)
            res[p] = new
            where = f"'{scope}.{w}'" if scope else f"'{w}'"
            out.append((res, f"{where} == 0 <-> '{base}' == 0 (zero tests read '{base}')"))
            if len(out) >= max_cands:
                return out
    return out
