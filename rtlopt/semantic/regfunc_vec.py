"""Vector registers whose every bit is a comparison of another register (per-element decodes).

A cache keeps ``valid[w]`` and ``dirty[w]`` beside the per-way line states ``state[w]``; in every
reachable state ``valid[w] == (state[w] != INV)`` and ``dirty[w] == (state[w] == MOD)``. Neither vector is
one comparison of one word (each bit reads another array element), so :mod:`rtlopt.semantic.regfunc`'s
1-bit predicates do not see them. Here every bit of a multi-bit register is taken as a 1-bit register
of its own (``valid[2]``): its comparisons with a word (a register or an array element) true on every
simulated state are hypotheses, proven inductive together by :func:`rtlopt.semantic.regfunc.prove`
(with the words' value ranges as helpers). A vector all of whose bits are proven becomes
``always @* V = {f_n-1, ..., f_0};`` and every procedural assignment to it goes (the emitter of
:mod:`rtlopt.semantic.regfunc`). Names never matter: the model is the netlist's flip-flops.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np

from rtlopt.semantic import regfunc, seqsim

#: vectors of at most this many bits are split into bit hypotheses
_MAX_BITS = 32
#: a marker constant the emitter writes in place of the concatenation
_MARK = 0x5EC7A1


def _vals(regs: dict[str, list[int]], bm: np.ndarray) -> dict[str, np.ndarray]:
    vals = {}
    for n, js in regs.items():
        if len(js) <= 40:
            v = np.zeros(bm.shape[1], dtype=np.int64)
            for i, j in enumerate(js):
                v |= bm[j].astype(np.int64) << i
            vals[n] = v
    return vals


def vector_relations(net: seqsim.GateNet, regs: dict[str, list[int]], bm: np.ndarray,
                     timeout_s: float = 20.0) -> dict[str, list[regfunc.Relation]]:
    """Vector register -> one proven relation per bit (LSB first), for vectors whose bits all have one."""
    t0 = time.monotonic()
    vecs = {n: js for n, js in regs.items()
            if 2 <= len(js) <= _MAX_BITS and "[" not in n.rpartition(".")[2]}
    if not vecs:
        return {}
    regs2 = dict(regs)
    bitname: dict[str, tuple[str, int]] = {}
    for n, js in vecs.items():
        for i, j in enumerate(js):
            bn = f"{n}[{i}]"
            if bn in regs2:
                break
            regs2[bn] = [j]
            bitname[bn] = (n, i)
    vals = _vals(regs2, bm)
    words = {(s, None): vals[s] for s, sj in regs.items() if 2 <= len(sj) <= 24 and s in vals}
    hyps: list[regfunc.Relation] = []
    per: dict[str, set[int]] = {}
    for bn, (n, i) in bitname.items():
        if time.monotonic() - t0 > 0.5 * timeout_s:
            break
        v = vals[bn]
        if v.min() == v.max():
            continue  # a constant bit: seqred's business
        # bases outside the vector itself, in its scope
        scope = n.rpartition(".")[0]
        ws = {k: x for k, x in words.items() if k[0].rpartition(".")[0] == scope and k[0] != n}
        got = [r for r in regfunc._predicates(bn, vals, regs2, ws) if r.op in regfunc._OPS]
        if got:  # a bit (or its complement) of the compared word, when one agrees on every sample:
            # on the reachable values the comparison is that bit (a state never 2 is tested by one bit)
            for b in sorted({r.base for r in got}):
                for jb, fj in enumerate(regs[b]):
                    x = bm[fj].astype(np.int64)
                    if (x == v).all() or (x != v).all():
                        got.append(regfunc.Relation(bn, 1, int((x != v).all()), None, 1, ((b, jb),)))
        if got:
            hyps += got
            per.setdefault(n, set()).add(i)
    full = {n for n, idx in per.items() if len(idx) == len(vecs[n])}
    hyps = [r for r in hyps if bitname[r.target][0] in full]
    if not hyps:
        return {}
    for b in sorted({r.base for r in hyps if r.base}):  # value ranges of the compared words
        top = int(vals[b].max())
        if top < (1 << len(regs[b])) - 1:
            hyps.append(regfunc.Relation(b, len(regs[b]), top, b, op="ule"))
    left = max(2.0, timeout_s - (time.monotonic() - t0))
    proven = regfunc.prove(net, regs2, hyps, timeout_s=left)
    ules = {(r.base, r.base2, r.k) for r in proven if r.op == "ule"}
    out: dict[str, list] = {}
    for n in sorted(full):
        bits = []
        for i in range(len(vecs[n])):
            rs = sorted((r for r in proven if r.op != "ule" and r.target == f"{n}[{i}]"), key=lambda r: r.op != "add")
            if not rs:
                break
            bits.append(regfunc._bit_test(rs[0], ules, regs2))
        else:
            out[n] = bits
    return out


def _bit_text(r: regfunc.Relation, regs: dict[str, list[int]]) -> str | None:
    if r.op == "add":  # one bit of another register, or its complement
        (n, j), = r.bits
        return f"{'!' if r.k else ''}{n.rpartition('.')[2]}[{j}]"
    base = r.base.rpartition(".")[2]
    if r.base2 or r.gate:
        return None
    if r.op in ("bit", "nbit"):
        j = r.k.bit_length() - 1
        return f"{'!' if r.op == 'nbit' else ''}{base}[{j}]"
    w = len(regs[r.base])
    return f"({base} {regfunc._OPS[r.op]} {w}'d{r.k})"


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    """[(new texts, description)]: every proven vector together, then each alone."""
    an = regfunc.analysis_for(texts, top, timeout_s)
    if an.net is None or an.regs is None:
        return []
    net, regs = an.net, an.regs
    # a vector (2..32 bits) and another word (2..24 bits) of its scope to compare: else nothing to sample
    if not any(2 <= len(js) <= _MAX_BITS and "[" not in n.rpartition(".")[2]
               and any(s != n and 2 <= len(sj) <= 24 and s.rpartition(".")[0] == n.rpartition(".")[0]
                       for s, sj in regs.items())
               for n, js in regs.items()):
        return []
    try:
        bm = regfunc.samples(net, 2)  # regfunc's first two runs (shared simulations)
        found = vector_relations(net, regs, bm, timeout_s)
    except Exception:  # noqa: BLE001 - no candidates from a failed analysis
        return []
    if not found:
        return []
    # the plain 1-bit relations proven beside (a flag that is 'dirty != 0') go with the vectors
    extra = [r for r in an.relations if r.width == 1 and r.base in found and r.op in regfunc._OPS
             and not r.base2 and not r.gate]
    out = []

    def add(names, plus):
        rels, lines = [], {}
        for i, n in enumerate(names):
            parts = [_bit_text(r, regs) for r in found[n]]
            if any(p is None for p in parts):
                return
            rels.append(regfunc.Relation(n, len(parts), _MARK + i))
            lines[n] = "{" + ", ".join(reversed(parts)) + "}"
        new = regfunc.emit(texts, top, rels + plus)
        if new is None and plus:
            new = regfunc.emit(texts, top, rels)
            plus = []
        if new is None:
            return
        for p, t in list(new.items()):
            for i, n in enumerate(names):
                leaf = n.rpartition(".")[2]
                w = len(found[n])
                t, c = re.subn(rf"(always @\* {re.escape(leaf)} = ){w}'d{_MARK + i};", lambda m, s=lines[n]: m.group(1) + s + ";", t)
                if c > 1:
                    return
            new[p] = t
        if any(str(_MARK) in t for t in new.values()):
            return
        desc = "; ".join(f"'{n}' == {lines[n]}" for n in names)
        if plus:
            desc += "; " + "; ".join(f"'{r.target}' == {regfunc._describe(r)}" for r in plus)
        out.append((new, desc))

    # a consistent set: no chosen vector reads another chosen one (act from the channel states, not a
    # channel state from act and err); vectors of registers nobody decodes first
    bases = {n: {r.base or r.bits[0][0] for r in rs} for n, rs in found.items()}
    names: list[str] = []
    for n in sorted(found, key=lambda n: (bool(bases[n] & set(found)), n)):
        if bases[n] & set(names) or any(n in bases[m] for m in names):
            continue
        names.append(n)
    add(names, [r for r in extra if r.base in names])
    for n in sorted(found):
        if [n] != names:
            add([n], [])
    return out
