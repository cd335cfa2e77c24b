"""Candidate invariants for the z3 engine: a register one design keeps that the other design computes
as the sum or difference of two of its registers, operands of any widths.

A rewrite that drops an elements-left count ``left`` (8 bits) kept beside a loaded length ``len``
(3 bits) and an integer index ``idx`` (32 bits) reads ``len - idx`` instead; the miter's induction then
needs ``gold.left == (zext(gate.len) - gate.idx)[7:0]``, a relation neither the equalities nor the
one-width differences state. Here the relations are found on the random traces of the miter
(:func:`rtlopt.verify._smtsim.sim_traces`): for each word register of one side that no register of
the other side equals on the simulated states, every pair of the other side's words whose difference
or sum (zero-extended to the widest of the three, modulo the register's width) plus a constant equals
it on every simulated lane. Only candidates: the caller's BMC filter and Houdini keep what holds and is
inductive with the outputs equal, so a relation that merely fits the traces proves nothing.
"""

from __future__ import annotations

import numpy as np
import z3

from rtlopt.verify._smtsim import _evaluate

#: Word registers per side at most (pairs grow with the square).
WORDS = 16
#: Candidates at most.
LIMIT = 24


def cross_affine_candidates(sm, gregs: list, hregs: list, traces, guard) -> list:
    """``r == k + a - b`` / ``r == k + a + b`` with ``r`` of one side and ``a``, ``b`` of the other (see the
    module docstring). [] without traces."""
    if not traces:
        return []

    def words(rs):
        return [r for r in rs if not z3.is_bool(sm.regs[r.name]) and 2 <= sm.regs[r.name].size() <= 64][:WORDS]

    gw, hw = words(gregs), words(hregs)
    regs = gw + hw
    if len(gw) < 1 or len(hw) < 1:
        return []
    exprs = [sm.regs[r.name] for r in regs] + ([guard] if guard is not None else [])
    vals = _evaluate(exprs, sm.s0, traces)
    if vals is None:
        return []
    arr = {}
    keep = None
    if guard is not None:
        g = np.asarray(vals[-1])
        keep = g.astype(bool) if g.dtype != object else np.array([bool(x) for x in g])
    for r, v in zip(regs, vals, strict=False):
        v = np.asarray(v)
        if v.dtype == object or v.dtype == bool:
            continue
        v = v.astype(np.uint64)
        arr[r.name] = v[keep] if keep is not None else v
    if not arr or not len(next(iter(arr.values()))):
        return []
    moving = {n for n, v in arr.items() if v.min() != v.max()}
    out: list = []
    for one, other in ((gw, hw), (hw, gw)):
        ops = [r for r in other if r.name in moving]
        for r in one:
            if r.name not in moving:
                continue
            rv = arr[r.name]
            if any(o.name in arr and np.array_equal(arr[o.name], rv) for o in other):
                continue  # the other side keeps it: the equalities cover it
            w = sm.regs[r.name].size()
            mask = np.uint64((1 << w) - 1) if w < 64 else np.uint64(0xFFFFFFFFFFFFFFFF)
            found = False
            for plus in (False, True):
                for i, a in enumerate(ops):
                    for b in (ops[i + 1:] if plus else ops):
                        if a.name == b.name:
                            continue
                        comb = arr[a.name] + arr[b.name] if plus else arr[a.name] - arr[b.name]
                        d = (rv - comb) & mask
                        if not (d == d[0]).all() or len(np.unique(comb & mask)) < 3:
                            continue
                        out.append(_relation(sm, r, a, b, int(d[0]), plus))
                        found = True
                        if len(out) >= LIMIT:
                            return out
                        break
                    if found:
                        break
                if found:
                    break
    return out


def _relation(sm, r, a, b, k: int, plus: bool):
    er, ea, eb = sm.regs[r.name], sm.regs[a.name], sm.regs[b.name]
    w = er.size()
    ww = max(w, ea.size(), eb.size())

    def ext(e):
        return z3.ZeroExt(ww - e.size(), e) if ww > e.size() else e

    comb = ext(ea) + ext(eb) if plus else ext(ea) - ext(eb)
    if ww > w:
        comb = z3.Extract(w - 1, 0, comb)
    return er == comb + z3.BitVecVal(k, w, er.ctx)
