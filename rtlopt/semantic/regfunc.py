"""Registers that are always a simple function of other registers (sequential redundancy, word level).

A register ``R`` whose value in every reachable state equals ``k + S``, ``k - S`` (so also ``~S``) of
another register ``S`` of the same width, or ``k + x1 + x2 + ...`` of single flip-flop bits (a count
of valid bits kept incrementally, say) is redundant: its reads can use the function instead and its
flip-flops go away.

Finding (on the semantics, names never matter): the gate model of :mod:`rtlopt.semantic.seqsim` is
simulated from reset on many random lanes; word hypotheses are the offsets ``R - S`` / ``R + S``
that are constant over every sampled state, and bit sums come from an integer least-squares fit of
``R`` over all other flip-flop bits (kept only when the rounded fit is exact on every sample). The
hypotheses must hold in the reset state and are proven inductive together by z3 (Houdini: a
counterexample drops the hypotheses it breaks, repeat).

Emitting: every procedural assignment to ``R`` is removed (blocks left empty go) and
``always @* R = <function>;`` is added before ``endmodule``: reads of ``R`` (bit selects included)
and a port declaration stay as they are. The search loop measures and proves every candidate.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rtlopt.engine.timelimit import Deadline, time_limit
from rtlopt.hdl.edit import Edit, apply_edits, before_endmodule
from rtlopt.semantic import seqsim

RULE = "sequential_redundancy"


@dataclass(frozen=True)
class Relation:
    """``target == (k + sign * base_word + sum(bits)) mod 2**width`` in every reachable state.

    ``base``: a register name (word form, ``sign`` +1/-1) or None; ``bits``: (name, yosys bit) terms.
    ``base2``: a second register of the base's width subtracted from it (the word is ``base - base2``
    modulo the base width: a FIFO level from its pointers, say).
    ``op`` other than "add": a 1-bit target that is the comparison ``word <op> k`` (eq, ne, ge, lt);
    "ule": the helper invariant ``word <= k`` (never emitted; strengthens the induction; its target is
    the base register); "dec": the target is the decode ``1 << base`` (a one-hot copy of an index);
    "cat": the target is ``{bit, word}``, one flag bit (``bits[0]``) above a word one bit narrower (a
    FIFO occupancy ``{full, wptr - rptr}`` of pointers without a wrap bit); "dec0": the target is zero
    or ``1 << base`` (never emitted here; :mod:`rtlopt.semantic.onehotidx` keeps it as one flag bit).
    ``gate`` ((name, bit, fv, cv),) on a comparison: the target is ``cv`` while that register bit is
    ``fv``, else the comparison (an 'empty' flag that is ``wptr == rptr`` unless 'full' is set).
    "shr": the target is the base's bits from ``k`` up (``base >> k`` truncated: a word count kept
    beside a byte count); "modadd": the target is ``(base + k) mod mod`` for a modulus that is not a
    power of two (a column counter trailing another by one), proven with the range helpers
    ``base <= mod - 1`` and ``target <= mod - 1``; "min": the target is ``min(base, k)`` (unsigned, both
    of its width: a counter saturating at k beside one saturating higher; never emitted here), with
    ``sign`` -1 ``k - min(base, k)`` (a down-counter from k stopping at 0 beside an up-counter);
    "mul": the target is ``base * k`` in the target's width (a scaled copy loaded beside its source)."""

    target: str
    width: int
    k: int
    base: str | None = None
    sign: int = 1
    bits: tuple[tuple[str, int], ...] = ()
    op: str = "add"
    base2: str | None = None
    gate: tuple[tuple[str, int, int, int], ...] = ()
    plus2: bool = False  # base2 is added, not subtracted (a total kept beside its parts: total = a + b)
    mod: int = 0  # "modadd": target == (base + k) mod ``mod`` (a wrap counter trailing another by k)
    # "fn": the comparison ``target <cmp> k`` (eq, ne, ge, lt) equals the truth table ``table`` over the
    # flip-flop bits ``bits`` (``bits[0]`` the index's LSB): a predicate of a counter that is a function
    # of another register's bits (rtlopt.semantic.regpred; never emitted here)
    cmp: str = ""
    table: int = 0
    # "dec": the decode is rotated by ``rot`` (``1 << (base + rot)`` modulo the base's width, only when the
    # target has 2**that width bits) and XORed with ``k`` (0, or all ones: an active-low ring of row or
    # digit enables ``~(1 << idx)``); "therm": the target is the thermometer code ``(1 << (base + rot)) - 1``
    # (rot 0 or 1) XORed with ``k``
    rot: int = 0
    # "dec" with ``bits``: the decode is gated by the AND of those flip-flop bits, bit ``t`` of ``table``
    # set when bits[t] is inverted (a valid flag: one positive bit; a state decode ``state == RUN``: the
    # state's bits with the code's polarities)

    def uses(self) -> set[str]:
        return ({self.base} if self.base else set()) | ({self.base2} if self.base2 else set()) \
            | {n for n, _ in self.bits} | {g[0] for g in self.gate}


@dataclass
class Analysis:
    net: seqsim.GateNet | None
    relations: list[Relation]
    error: str | None = None
    seconds: float = 0.0
    regs: dict[str, list[int]] | None = None



#: regfd's table relations (a register as a table of others): a fallback form, so generators that look for
#: their own (cheaper, named) relation of a target do not count a table as that target already explained
TABLE_OPS = ("tt", "ttz", "ttm")


def word_targets(an: Analysis) -> set[str]:
    """The targets of an analysis's relations other than regfd's tables."""
    return {r.target for r in an.relations if r.op not in TABLE_OPS}

def _all_registers(net: seqsim.GateNet) -> dict[str, list[int]]:
    """Every public name (any scope) whose bits are distinct flip-flop outputs: name -> flop indices."""
    qi = net.q_index
    out: dict[str, list[int]] = {}
    for n, bits in net.name_bits.items():
        if not bits or any(b not in qi for b in bits):
            continue
        js = [qi[b] for b in bits]
        if len(set(js)) == len(js):
            out[n] = js
    return out


def localize(rel: Relation, allregs: dict[str, list[int]], regs: dict[str, list[int]]) -> list[Relation]:
    """The relation spelled with names of one scope, for every scope holding a name of its target
    (so it can be written inside that module): [] when some term has no name there."""
    tj = regs[rel.target]
    out = []
    for t, js in sorted(allregs.items()):
        if js != tj:
            continue
        scope = t.rpartition(".")[0]

        def here(n, scope=scope):
            return n.rpartition(".")[0] == scope

        base = None
        if rel.base:
            bj = regs[rel.base]
            cands = sorted(n for n, j in allregs.items() if j == bj and here(n))
            if not cands:
                continue
            base = rel.base if rel.base in cands else cands[0]  # the canonical name prefers registers
        base2 = None
        if rel.base2:
            bj = regs[rel.base2]
            cands = sorted(n for n, j in allregs.items() if j == bj and here(n))
            if not cands:
                continue
            base2 = rel.base2 if rel.base2 in cands else cands[0]
        bits = []
        for n0, i0 in list(rel.bits) + [(g[0], g[1]) for g in rel.gate]:
            j0 = regs[n0][i0]
            hit = sorted((len(allregs[n]) * -1, n, allregs[n].index(j0)) for n in allregs
                         if here(n) and j0 in allregs[n])
            if not hit:
                break
            bits.append((hit[0][1], hit[0][2]))
        else:
            nb = len(rel.bits)
            gate = tuple((n, i, g[2], g[3]) for (n, i), g in zip(bits[nb:], rel.gate, strict=True))
            out.append(Relation(t, rel.width, rel.k, base, rel.sign, tuple(bits[:nb]), rel.op, base2, gate,
                                rel.plus2, rot=rel.rot, table=rel.table, mod=rel.mod))
    return out


def _registers(net: seqsim.GateNet) -> dict[str, list[int]]:
    """One name per set of flip-flops (any scope): name -> flop indices (LSB first)."""
    qi = net.q_index
    regs: dict[str, list[int]] = {}
    seen: dict[tuple[int, ...], str] = {}
    ports = {*net.inputs, *net.outputs}
    # among aliases of the same flip-flops, the internal register (not a port wire driven from it)
    for n, bits in sorted(net.name_bits.items(), key=lambda kv: (kv[0].count("."), kv[0] in ports, kv[0])):
        if not bits or any(b not in qi for b in bits):
            continue
        js = [qi[b] for b in bits]
        if len(set(js)) != len(js):
            continue
        key = tuple(js)
        if key in seen:
            continue
        seen[key] = n
        regs[n] = js
    return regs


def _bit_matrix(trace: np.ndarray) -> np.ndarray:
    """[nflops, samples] of 0/1 (uint8) from simulate()'s [cycles, nflops, words] of 64-lane words."""
    c, n, w = trace.shape
    t = np.ascontiguousarray(trace.transpose(1, 0, 2)).reshape(n, c * w)
    b = np.unpackbits(t.view(np.uint8).reshape(n, c * w * 8), axis=1, bitorder="little")
    return b


#: Distinct sampled states one least-squares fit may use (bounds the uninterruptible LAPACK call).
_FIT_ROWS = 1024


#: Numbers written in Verilog source: sized/based literals and plain decimals.
_NUM = re.compile(r"(?<![\w$.])(?:(\d[\d_]*)?\s*'[sS]?([dDhHbBoO])\s*([0-9a-fA-F_]+)|(\d[\d_]*))(?![\w.'])")


def mined_constants(texts) -> set[int]:
    """Every integer constant written in the source (and its neighbours): thresholds a random
    simulation from reset may never reach (a counter compared with 1000, a FIFO level with its depth)
    are still tried as comparison hypotheses; the proof decides."""
    out: set[int] = set()
    for t in texts:
        t = re.sub(r"//[^\n]*|/\*.*?\*/", " ", t, flags=re.S)
        for m in _NUM.finditer(t):
            try:
                if m.group(4) is not None:
                    v = int(m.group(4).replace("_", ""))
                else:
                    v = int(m.group(3).replace("_", ""), {"d": 10, "h": 16, "b": 2, "o": 8}[m.group(2).lower()])
            except ValueError:
                continue
            if v < (1 << 24):
                out |= {v - 1, v, v + 1}
            if len(out) > 600:
                return out
    return {v for v in out if v > 0}


def _diff_words(regs: dict[str, list[int]], vals: dict[str, np.ndarray], limit: int = 48) -> dict:
    """(a, b) -> samples of ``a - b`` modulo their width, for registers of one width (2..24 bits)
    whose difference is not constant (one pair per distinct difference)."""
    wl = sorted(s for s in vals if 2 <= len(regs[s]) <= 24 and vals[s].min() != vals[s].max())
    if len(wl) > 24:
        return {}
    seen: set[bytes] = set()
    out: dict[tuple[str, str], np.ndarray] = {}
    for a in wl:
        for b in wl:
            if a == b or len(regs[a]) != len(regs[b]) or set(regs[a]) & set(regs[b]):
                continue
            d = (vals[a] - vals[b]) & ((1 << len(regs[a])) - 1)
            if d.min() == d.max() or d.tobytes() in seen:
                continue
            seen.add(d.tobytes())
            out[(a, b)] = d
            if len(out) >= limit:
                return out
    return out


def discover(net: seqsim.GateNet, regs: dict[str, list[int]], bm: np.ndarray,
             max_terms: int = 16, deadline: float = float("inf"), consts=()) -> list[Relation]:
    """Hypotheses that hold on every sample of ``bm`` (not yet proven). A word base may be wider or
    narrower than the target: the relation holds modulo the target's width (Verilog's truncation).
    ``consts``: source constants tried as comparison thresholds no sample reached."""
    out: list[Relation] = []
    vals: dict[str, np.ndarray] = {}
    for n, js in regs.items():
        if len(js) <= 40:
            v = np.zeros(bm.shape[1], dtype=np.int64)
            for i, j in enumerate(js):
                v |= bm[j].astype(np.int64) << i
            vals[n] = v
    # a sample of the flop bits: one representative per distinct non-constant trace
    rep: dict[bytes, int] = {}
    for j in range(bm.shape[0]):
        row = bm[j]
        if row.min() == row.max():
            continue
        rep.setdefault(row.tobytes(), j)
    flop_name: dict[int, tuple[str, int]] = {}
    for n, js in sorted(regs.items(), key=lambda kv: (-len(kv[1]), kv[0])):  # the widest register names a bit
        for i, j in enumerate(js):
            flop_name.setdefault(j, (n, i))
    # compared words: up to 24 bits, or up to 40 when every sample fits in 24 (an 'int' counter that
    # stays below its limit: 'sat == (cnt == MAX)' over a 32-bit count)
    words: dict[tuple[str, str | None], np.ndarray] = {
        (s, None): vals[s] for s, sj in regs.items() if s in vals and (2 <= len(sj) <= 24 or (
            len(sj) <= 40 and int(vals[s].max()) < 1 << 24))}
    diffs = _diff_words(regs, vals)
    words.update(diffs)
    consts = sorted(consts)

    def pairwise(r: str, js: list[int], rv: np.ndarray, w: int, mask: int, until: float) -> bool | None:
        """Word relations of target ``r`` with each other register (offsets, a decode of an index,
        gated by a valid flag): whether one was found; None when ``until`` passed."""
        found = False
        for s, sj in regs.items():
            if time.monotonic() > until:
                return None
            if s == r or len(sj) < 2 or s not in vals or set(sj) & set(js):
                continue
            sv = vals[s]
            d = (rv - sv) & mask
            # equal registers: a copy of a register inside a child instance (across the boundary)
            deeper = s.count(".") > r.count(".") and r.rpartition(".")[0] != s.rpartition(".")[0]
            if (d[0] != 0 or (deeper and len(sj) == w)) and (d == d[0]).all():
                out.append(Relation(r, w, int(d[0]), s, 1))
                found = True
            a = (rv + sv) & mask
            if (a == a[0]).all():
                out.append(Relation(r, w, int(a[0]), s, -1))
                found = True
            out.extend(_shr_mod_relations(r, w, rv, s, sj, sv, consts))
        if not found and w <= 62:  # a one-hot decode of an index register (or its complement, rotation)
            for s, sj in regs.items():
                b = len(sj)
                if s == r or s not in vals or set(sj) & set(js) or not (b < w <= (1 << b)):
                    continue
                sv = vals[s]
                got = _decode_relation(r, w, rv, s, b, sv) if sv.max() <= w else None
                if got is not None:
                    out.append(got)
                    found = True
                elif not found and rv.min() == 0:  # gated: R == (g ? 1 << S : 0), g a valid flag or a
                    got = _gated_decode(r, w, rv, s, sv, set(js) | set(sj), bm, flop_name, regs)  # state decode
                    if got:
                        out.extend(got)
                        found = True
        return found

    def word_target(r: str, js: list[int]):
        if len(js) < 2 or r not in vals or vals[r].min() == vals[r].max():
            return None  # a constant word: seqred's business
        return vals[r], len(js), (1 << len(js)) - 1

    # the pairwise word relations first (cheap numpy tests; at most a third of the window): they each
    # remove a whole word of flip-flops, and came after the 1-bit mining, which on a loaded machine
    # (load 17: 31 s wall for 5 s CPU on a 58-flop interrupt controller) used up the window before them
    first: dict[str, bool] = {}
    now = time.monotonic()
    pair_deadline = deadline if deadline == float("inf") else now + 0.35 * max(0.0, deadline - now)
    for r, js in regs.items():
        t = word_target(r, js)
        if t is None:
            continue
        n0 = len(out)
        got = pairwise(r, js, t[0], t[1], t[2], pair_deadline)
        if got is None:
            del out[n0:]  # this target is tried again, whole, after the bit mining
            break
        first[r] = got
    nmined = 0
    n_bits = len(out)
    # the gated comparisons and OR/AND relations of 1-bit registers get at most half of what is left
    # of the window: the rest of the word relations below (differences, totals, fits) come after them
    now = time.monotonic()
    bits_deadline = deadline if deadline == float("inf") else now + 0.5 * max(0.0, deadline - now)
    for r, js in regs.items():
        if len(js) == 1 and r in vals:
            varies = vals[r].min() != vals[r].max()
            if not varies and nmined > 192:
                continue
            got = _predicates(r, vals, regs, words, consts)
            if not varies:
                nmined += len(got)
            elif time.monotonic() < bits_deadline:
                got += _gated_predicates(r, vals, regs, words, {(x.base, x.base2) for x in got})
            out += got
            if varies and time.monotonic() < bits_deadline:
                out += _gate_relations(r, js[0], bm, rep, flop_name, regs)
    if out[n_bits:]:  # value ranges of the compared words help prove the comparisons
        for b1, b2 in {(r.base, r.base2) for r in out[n_bits:] if r.base}:
            wv = words[(b1, b2)]
            top, lim = int(wv.max()), (1 << len(regs[b1])) - 1
            for k in [top] + [c for c in consts if top < c < lim][:8]:
                if k < lim:
                    out.append(Relation(b1, len(regs[b1]), k, b1, op="ule", base2=b2))
    out += _frozen_decodes(regs, vals)
    for r, js in regs.items():
        t = word_target(r, js)
        if t is None:
            continue
        rv, w, mask = t
        found = first[r] if r in first else pairwise(r, js, rv, w, mask, deadline)
        if found is None:
            return out
        if not found:  # a difference of two registers (an occupancy from two pointers)
            for (a, b), dv in diffs.items():
                if len(regs[a]) != w or r in (a, b) or set(js) & (set(regs[a]) | set(regs[b])):
                    continue
                d = (rv - dv) & mask
                if (d == d[0]).all():
                    out.append(Relation(r, w, int(d[0]), a, 1, (), "add", b))
                    found = True
        if not found and w <= 40:  # a total kept beside its parts: R == k + a + b
            ws = [s for s in vals if len(regs[s]) == w and s != r and not set(regs[s]) & set(js)
                  and vals[s].min() != vals[s].max()][:16]
            for i, a in enumerate(ws):
                for b in ws[i + 1:]:
                    if set(regs[a]) & set(regs[b]):
                        continue
                    d = (rv - vals[a] - vals[b]) & mask
                    if (d == d[0]).all():
                        out.append(Relation(r, w, int(d[0]), a, 1, (), "add", b, plus2=True))
                        found = True
                        break
                if found:
                    break
        if not found and time.monotonic() < deadline:  # the same over words of other widths (a count
            got = _mixed_affine(r, js, w, rv, regs, vals)  # left = a loaded length - an index)
            if got is not None:
                out.append(got)
                found = True
        if not found:  # a flag bit above a word one bit narrower: R == {F, word}
            found = _cat_relation(r, js, w, rv, regs, vals, words, out)
        if not found and w >= 3:  # R's own top bit above a difference: R[w-2:0] == a - b + k
            lm = (1 << (w - 1)) - 1
            for (a, b), dv in diffs.items():
                if len(regs[a]) != w - 1 or r in (a, b) or set(js) & (set(regs[a]) | set(regs[b])):
                    continue
                d = (rv - dv) & lm
                if (d == d[0]).all() and (rv >> (w - 1)).min() != (rv >> (w - 1)).max():
                    out.append(Relation(r, w, int(d[0]), a, 1, (), "low", b))
                    found = True
                    break
        if found or time.monotonic() > deadline:
            continue
        cols = [j for j in rep.values() if j not in js and j in flop_name]
        if len(cols) < 2 or len(cols) > 400:
            continue
        # the fit runs on at most _FIT_ROWS distinct sampled states (one LAPACK call is one C call: it
        # cannot be interrupted by the time limit or a signal, so its size is bounded); the fitted
        # relation is then checked on every sample below
        sub = bm[cols]
        # distinct sampled rows, found on their packed bits and the target's value as bytes (np.unique
        # over float rows of a few hundred columns sorted 2 KB records: 14 s on a 260-flop memory fold)
        key = np.ascontiguousarray(np.column_stack([
            np.packbits(sub.T.astype(np.uint8), axis=1),
            np.ascontiguousarray(rv.astype(np.uint64)).view(np.uint8).reshape(len(rv), 8)]))
        _, keep = np.unique(key.view(np.dtype((np.void, key.shape[1]))).ravel(), return_index=True)
        keep = np.sort(keep)
        if len(keep) > _FIT_ROWS:
            keep = np.random.default_rng(len(keep)).choice(keep, _FIT_ROWS, replace=False)
        # the fit's matrix over the kept rows only (a float matrix over every sample was 300 MB per
        # register on verilog-axis axis_crosspoint: 0.35 s in np.ones alone, 27 times)
        x = np.ones((len(keep), len(cols) + 1), dtype=np.float64)
        x[:, 1:] = sub[:, keep].T
        y = rv.astype(np.float64)
        try:
            coef, *_ = np.linalg.lstsq(x, y[keep], rcond=None)
        except np.linalg.LinAlgError:
            continue
        rc = np.rint(coef)
        if np.abs(coef - rc).max() > 1e-6:
            continue
        terms = [cols[i] for i, c in enumerate(rc[1:]) if c != 0]
        if not terms or any(c not in (0.0, 1.0) for c in rc[1:]) or len(terms) < 2 or len(terms) > max_terms:
            continue
        k = int(rc[0])
        pred = (k + bm[terms].astype(np.int64).sum(axis=0)) & mask
        if not (pred == rv).all():
            continue
        out.append(Relation(r, w, k & mask, None, 1, tuple(flop_name[j] for j in terms)))
    return out


#: Flip-flop bits at most in one OR / AND relation.
_GATE_MAX = 16


def _gate_relations(r: str, jr: int, bm: np.ndarray, rep: dict[bytes, int],
                    flop_name: dict[int, tuple[str, int]], regs: dict[str, list[int]]) -> list[Relation]:
    """A 1-bit register that is the OR (op "or") or the AND (op "and") of other flip-flop bits on every
    sample, possibly inverted (``k`` 1: NOR / NAND): a busy flag registered as the OR of the next state
    of a pipeline's valid bits. The largest set of bits that are 0 whenever the target's OR is 0 (1
    whenever its AND is 1) must cover the other samples; it is then thinned greedily to the bits still
    needed on the samples (the induction proves the result or drops it). Bits of one register alone
    are left to the word comparisons (``R == (w == 0)``)."""
    tv = bm[jr].astype(bool)
    cols = [j for j in rep.values() if j != jr and j in flop_name and flop_name[j][0] != r]
    if len(cols) < 2 or len(cols) > 400:
        return []
    sub = bm[cols].astype(bool)
    if (sub == tv).all(axis=1).any() or (sub != tv).all(axis=1).any():
        return []  # a copy or complement of one bit: seqred's business
    out = []
    for op in ("or", "and"):
        for k in (0, 1):
            t = tv ^ bool(k)  # the value the gate computes
            idle = ~t if op == "or" else t  # samples where every input is at the idle level
            if not idle.any() or idle.all():
                continue
            lvl = op == "and"
            cand = [i for i in range(len(cols)) if (sub[i][idle] == lvl).all()]
            if len(cand) < 2:
                continue
            need = ~idle  # every such sample needs one input off its idle level
            hit = (sub[cand] != lvl)
            if not hit[:, need].any(axis=0).all():
                continue
            keep = list(range(len(cand)))
            # bits of wide registers first (a count beside its valid bits is often a function itself),
            # then rarely active ones
            for x in sorted(keep, key=lambda x: (-len(regs.get(flop_name[cols[cand[x]]][0], ())),
                                                 int(hit[x][need].sum()))):
                rest = [y for y in keep if y != x]
                if rest and hit[rest][:, need].any(axis=0).all():
                    keep = rest
            bits = tuple(sorted(flop_name[cols[cand[x]]] for x in keep))
            # bits of one word alone are its comparison with 0 / all ones (regfunc's predicates)
            if 2 <= len(bits) <= _GATE_MAX and len({n for n, _ in bits}) >= 2:
                out.append(Relation(r, 1, k, None, 1, bits, op))
    return out


def _decode_relation(r: str, w: int, rv: np.ndarray, s: str, b: int, sv: np.ndarray,
                     every: bool = False) -> Relation | list[Relation] | None:
    """``r == (1 << s)`` on every sample, or its complement ``~(1 << s)``, a rotation ``1 << (s + c)``
    (modulo ``2**b`` when ``r`` has ``2**b`` bits), or the thermometer code ``(1 << s) - 1`` /
    ``(2 << s) - 1`` (and its complement): a ring of enables kept beside its binary index. ``every``:
    the list of all forms that fit (samples that never left the reset state fit several)."""
    full = (1 << w) - 1
    hits = []
    for inv in (0, full):
        x = rv ^ inv
        if sv.max() < w:
            rots = range(w) if w == 1 << b else range(1)
            for c in rots:
                if ((np.int64(1) << ((sv + c) & ((1 << b) - 1))) == x).all():
                    hits.append(Relation(r, w, inv, s, op="dec", rot=c))
        for c in (0, 1):
            if sv.max() + c <= w and (((np.int64(1) << (sv + c)) - 1) == x).all():
                hits.append(Relation(r, w, inv, s, op="therm", rot=c))
        if hits and not every:
            return hits[0]
    return hits if every else None


#: Literals at most in the gate of a gated decode (:func:`_gated_decode`).
_GATE_LITS = 6


def _gated_decode(r: str, w: int, rv: np.ndarray, s: str, sv: np.ndarray, excl: set[int], bm: np.ndarray,
                  flop_name: dict[int, tuple[str, int]], regs: dict[str, list[int]]) -> list[Relation]:
    """``r == (g ? 1 << s : 0)`` on every sample, ``g`` an AND of flip-flop literals outside ``r`` and
    ``s`` (a valid flag, or a state decode: a one-hot valve register that is the zone index's decode
    while the controller is in its RUN state): the literals constant on every sample where ``r`` is
    not zero, all of them false together on every sample where it is zero, thinned greedily to those
    still needed (bits of wide registers dropped first, so a 1-bit flag or a narrow state word stays).
    Also the gate on every bit of those registers (the whole state code), when that is more literals.
    [] when no such gate exists on the samples (the induction proves or drops the hypotheses)."""
    on = rv != 0
    if on.all() or not on.any() or sv[on].max() >= w:
        return []
    dec = np.int64(1) << np.minimum(sv, 62)
    if not (rv[on] == dec[on]).all():
        return []
    sub = bm[:, on]
    const = np.nonzero(sub.min(axis=1) == sub.max(axis=1))[0]
    lits: dict[bytes, tuple[int, int]] = {}  # one literal per distinct trace on the 'off' samples
    off = ~on
    for j in const:
        j = int(j)
        if j in excl or j not in flop_name or flop_name[j][0] == r:
            continue
        p = int(sub[j, 0])
        lits.setdefault((bm[j][off] == p).tobytes(), (j, p))
    if not lits:
        return []
    offm = np.array([bm[j][off] == p for j, p in lits.values()], dtype=bool)  # [lit, off sample]
    if offm.all(axis=0).any():
        return []  # some 'off' sample satisfies every literal: no AND gate fits
    keep = list(range(len(offm)))
    order = sorted(keep, key=lambda x: (-len(regs.get(flop_name[list(lits.values())[x][0]][0], ())),
                                        int(offm[x].sum()) * -1))
    for x in order:
        rest = [y for y in keep if y != x]
        if rest and not offm[rest].all(axis=0).any():
            keep = rest
    if len(keep) > _GATE_LITS:
        return []
    chosen = [list(lits.values())[x] for x in keep]
    out = [chosen]
    # the whole code of the registers the literals are bits of: the thinned gate may hold on every
    # reachable state and still not be inductive (an unreachable code the literals accept: a 3-bit
    # state with codes 0, 3, 5, 6 gated by s[0] & s[1] lets code 7 through), the full compare is
    mine = {flop_name[j][0] for j, _p in chosen}
    full = [(int(j), int(sub[j, 0])) for j in const if int(j) in flop_name and flop_name[int(j)][0] in mine]
    if len(full) > len(chosen) and len(full) <= _GATE_LITS:
        out.append(full)
    rels = []
    for lits_c in out:
        lc = sorted((flop_name[j], p) for j, p in lits_c)
        bits = tuple(nb for nb, _p in lc)
        table = sum(1 << t for t, (_nb, p) in enumerate(lc) if not p)
        rels.append(Relation(r, w, 0, s, bits=bits, op="dec", table=table))
    return rels


def _frozen_decodes(regs: dict[str, list[int]], vals: dict[str, np.ndarray], limit: int = 12) -> list[Relation]:
    """Decode hypotheses between registers no sample moved from their reset value: a ring of digit
    enables stepped by a divider that counts to 50000 never steps in a few thousand simulated cycles,
    and neither does the digit index beside it. Every decode form that fits the reset values is a
    hypothesis; the induction keeps those that hold in every reachable state."""
    frozen = {n: int(vals[n][0]) for n in vals if vals[n].min() == vals[n].max()}
    out: list[Relation] = []
    for r, rv in sorted(frozen.items()):
        w = len(regs[r])
        lo = rv if rv & 1 else ~rv & ((1 << w) - 1)  # active-low codes as their complement
        # a one-hot / one-cold / thermometer-looking reset value only
        if not 3 <= w <= 62 or bin(rv).count("1") not in (1, w - 1) and lo & (lo + 1):
            continue
        for s, sv in sorted(frozen.items()):
            b = len(regs[s])
            if s == r or set(regs[s]) & set(regs[r]) or not (b < w <= (1 << b)):
                continue
            out += _decode_relation(r, w, np.array([rv]), s, b, np.array([sv]), every=True)
            if len(out) >= limit:
                return out[:limit]
    return out


def _shr_mod_relations(r: str, w: int, rv: np.ndarray, s: str, sj: list[int], sv: np.ndarray,
                       consts) -> list[Relation]:
    """``r == s >> k`` (s wider: its upper bits) and ``r == (s + k) mod N`` for a source constant N
    that is not a power of two (with the range helpers the induction needs), true on every sample."""
    out: list[Relation] = []
    mask = (1 << w) - 1
    if len(sj) > w:
        for k in range(0, len(sj) - w + 1):
            if (((sv >> k) & mask) == rv).all():
                out.append(Relation(r, w, k, s, op="shr"))
                break
    elif len(sj) == w and consts:
        top = int(max(rv.max(), sv.max()))
        for n in consts:
            if not (top < n < (1 << w)) or n & (n - 1) == 0:
                continue
            d = (rv - sv) % n
            if (d == d[0]).all() and d[0] != 0:
                out += [Relation(r, w, int(d[0]), s, op="modadd", mod=n),
                        Relation(s, w, n - 1, s, op="ule"), Relation(r, w, n - 1, r, op="ule")]
                if len(out) >= 12:
                    break
    if w + len(sj) <= 62 and int(rv.min()) != int(rv.max()):
        # r == s * m modulo r's width: a scaled copy loaded beside its source (a coefficient 2 b0 or
        # 3 b0 registered together with b0); m from a sample where s is odd (invertible), else a power
        # of two; 1 (a copy) and -1 (a negation) are offset relations; only multiples that never
        # wrap on the samples (an inverse modulo 2^w, b0 == 43 * b1 of b1 == 3 * b0, would add a multiplier)
        odd = np.nonzero(sv & 1)[0]
        if len(odd):
            i = int(odd[0])
            ms = [(int(rv[i]) * pow(int(sv[i]) & mask, -1, 1 << w)) & mask]
        else:
            ms = [1 << k for k in range(1, w)]
        for m in ms:
            if m not in (0, 1, mask) and int(sv.max()) * m <= mask and (((sv * m) & mask) == rv).all():
                out.append(Relation(r, w, m, s, op="mul"))
                break
    return out


def _mixed(rel: Relation, regs: dict[str, list[int]]) -> bool:
    """A sum / difference of two registers whose widths are not all the target's: computed on the
    operands zero-extended to the widest of the three (else in the base's width, as the same-width
    relations are)."""
    return rel.op == "add" and not (len(regs[rel.base]) == len(regs[rel.base2]) == rel.width)


#: Registers at most tried as operands of a mixed-width difference / sum (pairs grow with the square).
_MIXED_MAX = 16


def _mixed_affine(r: str, js: list[int], w: int, rv: np.ndarray, regs: dict[str, list[int]],
                  vals: dict[str, np.ndarray]) -> Relation | None:
    """``R == k + a - b`` or ``R == k + a + b`` modulo R's width over two registers of which at least one
    is not R's width (an 8-bit elements-left count beside a 3-bit loaded length and an integer index:
    ``left == len - idx``); the operands are zero-extended to the widest of the three, as Verilog
    evaluates ``R = a - b`` with unsigned operands. Only when both operands vary, their difference (sum)
    is not constant and takes several values with R (a pair that merely coincides on a few states is
    no hypothesis for the prover). The first pair that fits, differences before sums."""
    mask = (1 << w) - 1
    ws = [s for s in vals if s != r and 2 <= len(regs[s]) <= 40 and not set(regs[s]) & set(js)
          and vals[s].min() != vals[s].max()][:_MIXED_MAX]
    if len(ws) < 2:
        return None
    for plus in (False, True):
        for i, a in enumerate(ws):
            for b in ws if not plus else ws[i + 1:]:
                wa, wb = len(regs[a]), len(regs[b])
                if a == b or set(regs[a]) & set(regs[b]) or wa == wb == w:
                    continue  # one width: the loops of discover
                # a prefix of the samples first: most pairs fail there (the whole arrays only for the rest)
                if len(np.unique((rv[:512] - (vals[a][:512] + vals[b][:512] if plus else
                                              vals[a][:512] - vals[b][:512])) & mask)) > 1:
                    continue
                comb = vals[a] + vals[b] if plus else vals[a] - vals[b]
                d = (rv - comb) & mask
                if not (d == d[0]).all() or (comb == comb[0]).all():
                    continue
                if len(np.unique(comb & mask)) < 3:
                    continue
                return Relation(r, w, int(d[0]), a, 1, (), "add", b, plus2=plus)
    return None


def _cat_relation(r: str, js: list[int], w: int, rv: np.ndarray, regs: dict[str, list[int]],
                  vals: dict[str, np.ndarray], words: dict, out: list) -> bool:
    """``R == {F, word}`` on every sample: the word (a register or a difference of two, modulo its
    width) is R's low bits and a 1-bit register F its top bit (R's value above the word's range is
    carried by a flag the design keeps anyway)."""
    lo = (1 << (w - 1)) - 1
    for (a, b), wv in words.items():
        if len(regs[a]) != w - 1 or r in (a, b):
            continue
        used = set(regs[a]) | (set(regs[b]) if b else set())
        if set(js) & used:
            continue
        d = rv - wv
        if ((d & lo) != 0).any():
            continue
        hb = d >> (w - 1)
        if hb.min() == hb.max() or hb.min() < 0 or hb.max() > 1:
            continue
        for fn, fj in sorted(regs.items()):
            if len(fj) != 1 or fn not in vals or fj[0] in js or fj[0] in used:
                continue
            if (vals[fn] == hb).all():
                out.append(Relation(r, w, 0, a, 1, ((fn, 0),), "cat", b))
                return True
    return False


def _gated_predicates(r: str, vals: dict[str, np.ndarray], regs: dict[str, list[int]], words: dict,
                      skip: set, limit: int = 4) -> list[Relation]:
    """A 1-bit register that is constant while another 1-bit register has one value and a comparison
    of a word otherwise (``empty == !full && wptr == rptr``), on every sample."""
    rv = vals[r].astype(bool)
    rj = set(regs[r])
    flags = [f for f, fj in sorted(regs.items()) if len(fj) == 1 and f != r and f in vals and fj[0] not in rj
             and vals[f].min() != vals[f].max()][:32]
    out: list[Relation] = []
    for f in flags:
        fa = vals[f].astype(bool)
        for fv in (0, 1):
            on = fa == bool(fv)
            c = rv[on]
            if not on.any() or on.all() or c.min() != c.max():
                continue
            off = ~on
            ro = rv[off]
            if ro.min() == ro.max():
                continue  # a function of the flag alone
            for (s, s2), sv in words.items():
                if (s, s2) in skip or r in (s, s2) or f in (s, s2) or set(regs[s]) & rj:
                    continue
                if s2 is not None and set(regs[s2]) & rj:
                    continue
                so = sv[off]
                a, b = np.unique(so[ro]), np.unique(so[~ro])
                if np.intersect1d(a, b).size:
                    continue
                if a.size == 1:
                    op, k = "eq", int(a[0])
                elif b.size == 1:
                    op, k = "ne", int(b[0])
                elif b.max() < a.min():
                    op, k = "ge", int(a.min())
                elif a.max() < b.min():
                    op, k = "lt", int(b.min())
                else:
                    continue
                out.append(Relation(r, 1, k, s, op=op, base2=s2, gate=((f, 0, fv, int(c[0])),)))
                if len(out) >= limit:
                    return out
    return out


# widest frozen word (never moved from reset in the simulation) whose every value is a comparison hypothesis
_FROZEN_STATE_BITS = 4


def _predicates(r: str, vals: dict[str, np.ndarray], regs: dict[str, list[int]],
                words: dict | None = None, consts=()) -> list[Relation]:
    """A 1-bit register that is a comparison of a word (a register, or a difference of two) with a
    constant on every sample; thresholds from ``consts`` are tried too (a 1-bit register constant on
    every sample may still be a comparison whose threshold the simulation never reached)."""
    rv = vals[r].astype(bool)
    if words is None:
        words = {(s, None): vals[s] for s, sj in regs.items() if 2 <= len(sj) <= 24 and s in vals}
    out = []
    varies = rv.min() != rv.max()
    for (s, s2), sv in words.items():
        if r in (s, s2) or len(regs[s]) > 40 or set(regs[s]) & set(regs[r]):
            continue
        if s2 is not None and set(regs[s2]) & set(regs[r]):
            continue
        w = len(regs[s])
        got = set()
        if varies:
            a, b = np.unique(sv[rv]), np.unique(sv[~rv])
            if not np.intersect1d(a, b).size:
                # every form that fits the samples: a state the simulation never reached (a busy flag
                # beside IDLE/SHIFT/DONE whose DONE comes after 512 cycles) decides between 'st == SHIFT'
                # and 'st != IDLE'; the induction keeps the one that holds
                if a.size == 1:
                    got.add(("eq", int(a[0])))
                if b.size == 1:
                    got.add(("ne", int(b[0])))
                if not got and b.max() < a.min():
                    got.add(("ge", int(a.min())))
                elif not got and a.max() < b.min():
                    got.add(("lt", int(b.min())))
        elif s2 is None and 2 <= w <= _FROZEN_STATE_BITS and sv.min() == sv.max():
            # a flag and a small state word no sample moved from reset (an init sequencer waiting 2000
            # cycles before its first step): the flag compared with each other value of the word
            # ('init_done == (st == DONE)'), and the flag as the reset value's (in)equality
            s0 = int(sv[0])
            got |= {("ne" if rv[0] else "eq", k) for k in range(1 << w) if k != s0}
            got.add(("eq" if rv[0] else "ne", s0))
        if not varies and consts and sv.min() != sv.max():  # thresholds beyond every sampled value
            top = int(sv.max())
            ks = [k for k in consts if top < k < (1 << w)][:6]
            ops = ("eq", "ge") if not rv[0] else ("ne", "lt")
            got |= {(op, k) for k in ks for op in ops}
            # and below every sampled value (a counter from a reset at its maximum that never ran
            # empty: 'has credit' == cnt != 0)
            bot = int(sv.min())
            ks = sorted({k for k in list(consts) + [0] if 0 <= k < bot})[-6:]
            ops = ("ne", "ge") if rv[0] else ("eq", "lt")
            got |= {(op, k) for k in ks for op in ops if k > 0 or op in ("eq", "ne")}
        # one spelling for one predicate (w >= 1 is w != 0): copies in other instances agree
        got = {{("ge", 1): ("ne", 0), ("lt", 1): ("eq", 0)}.get(x, x) for x in got}
        for op, k in sorted(got):
            out.append(Relation(r, 1, k, s, op=op, base2=s2))
    return out


def prove(net: seqsim.GateNet, regs: dict[str, list[int]], rels: list[Relation],
          timeout_s: float = 20.0) -> list[Relation]:
    """The relations that hold after reset and are inductive together (Houdini)."""
    import z3

    if not rels:
        return []
    st = seqsim.ternary_reset_state(net)

    def base_ok(rel: Relation) -> bool:
        def word(js):
            if any(st[j] is None for j in js):
                return None
            return sum(st[j] << i for i, j in enumerate(js))

        def base_word():
            sv = word(regs[rel.base])
            if sv is None or rel.base2 is None:
                return sv
            s2 = word(regs[rel.base2])
            return None if s2 is None else (sv + s2 if rel.plus2 else sv - s2) & ((1 << len(regs[rel.base])) - 1)

        rv = word(regs[rel.target])
        if rv is None:
            return False
        acc = rel.k
        if rel.op == "ule":
            sv = base_word() if rel.base else rv
            return sv is not None and sv <= rel.k
        if rel.op in ("shr", "modadd", "min", "mul"):
            sv = base_word()
            if sv is None:
                return False
            if rel.op == "mul":
                return (sv * rel.k) & ((1 << rel.width) - 1) == rv
            if rel.op == "min":  # sign -1: a down-counter mirroring it, k - min(base, k)
                return (min(sv, rel.k) if rel.sign > 0 else rel.k - min(sv, rel.k)) == rv
            if rel.op == "shr":
                return ((sv >> rel.k) & ((1 << rel.width) - 1)) == rv
            return sv < rel.mod and (sv + rel.k) % rel.mod == rv
        if rel.op == "cat":
            sv, fb = base_word(), st[regs[rel.bits[0][0]][rel.bits[0][1]]]
            return sv is not None and fb is not None and (sv & ((1 << (rel.width - 1)) - 1)) \
                + (fb << (rel.width - 1)) == rv
        if rel.op == "low":
            sv = base_word()
            return sv is not None and ((sv + rel.k) & ((1 << (rel.width - 1)) - 1)) == rv & ((1 << (rel.width - 1)) - 1)
        if rel.op in ("or", "and"):
            bs = [st[regs[n][i]] for n, i in rel.bits]
            if any(b is None for b in bs):
                return False
            return (int(any(bs) if rel.op == "or" else all(bs)) ^ rel.k) == rv
        if rel.op in ("fn", "tt", "ttz", "ttm"):
            idx = 0
            for t, (n, i) in enumerate(rel.bits):
                b = st[regs[n][i]]
                if b is None:
                    return False
                idx |= b << t
            if rel.op == "ttz":  # the key's top bit: the target is nonzero
                idx |= int(rv != 0) << len(rel.bits)
            if rel.op in ("tt", "ttz", "ttm"):  # a table of the key bits (rtlopt.semantic.regfd)
                mask = rel.mod if rel.op == "ttm" else (1 << rel.width) - 1  # "ttm": the bits in mod
                return (rel.table >> (idx * rel.width)) & mask == rv & mask
            return _cmp(rel.cmp, rv, rel.k) == (rel.table >> idx) & 1
        if rel.op == "dec0":  # zero or the decode (rtlopt.semantic.onehotidx)
            sv = base_word()
            return sv is not None and rv in (0, (1 << sv) & ((1 << rel.width) - 1))
        if rel.op == "therm":
            sv = base_word()
            return sv is not None and ((((1 << (sv + rel.rot)) - 1) ^ rel.k) & ((1 << rel.width) - 1)) == rv
        if rel.op == "dec" and (rel.k or rel.rot):
            sv = base_word()
            if sv is None:
                return False
            bw = len(regs[rel.base])
            return (((1 << ((sv + rel.rot) & ((1 << bw) - 1))) ^ rel.k) & ((1 << rel.width) - 1)) == rv
        if rel.op == "dec":
            sv = base_word()
            if sv is None:
                return False
            gate = 1
            for t, (n, i) in enumerate(rel.bits):  # the gate of a gated decode: an AND of literals
                b = st[regs[n][i]]
                if b is None:
                    return False
                gate &= b ^ (rel.table >> t & 1)
            return (((1 << sv) & ((1 << rel.width) - 1)) if gate else 0) == rv
        if rel.op != "add":
            sv = base_word()
            if sv is None:
                return False
            for n, i, fv, cv in rel.gate:
                gv = st[regs[n][i]]
                if gv is None:
                    return False
                if gv == fv:
                    return cv == rv
            return _cmp(rel.op, sv, rel.k) == rv
        if rel.base2 and _mixed(rel, regs):  # zero-extended operands (_mixed_affine)
            a2, b2 = word(regs[rel.base]), word(regs[rel.base2])
            if a2 is None or b2 is None:
                return False
            acc += rel.sign * (a2 + b2 if rel.plus2 else a2 - b2)
        elif rel.base:
            sv = base_word()
            if sv is None:
                return False
            acc += rel.sign * sv
        for n, i in rel.bits:
            b = st[regs[n][i]]
            if b is None:
                return False
            acc += b
        return (acc & ((1 << rel.width) - 1)) == rv

    rels = [r for r in rels if base_ok(r)]
    if not rels:
        return []
    deadline = time.monotonic() + timeout_s
    ctx = z3.Context()
    q = {j: z3.Bool(f"q{j}", ctx) for j in range(len(net.flops))}
    sub: dict[int, object] = {0: z3.BoolVal(False, ctx), 1: z3.BoolVal(True, ctx)}
    for j, f in enumerate(net.flops):
        sub[f.q] = q[j]
    members: set[int] = set()
    for r in rels:
        members |= set(regs[r.target])
        for n in r.uses():
            members |= set(regs[n])
    needed = {net.flops[j].d for j in members} | {net.flops[j].rst for j in members if net.flops[j].rst is not None}
    expr = seqsim._build_exprs(net, sub, needed, ctx)
    one, zero = z3.BitVecVal(1, 1, ctx), z3.BitVecVal(0, 1, ctx)

    def nxt(j):
        f = net.flops[j]
        d = expr[f.d]
        if f.rst is None:
            return d
        act = expr[f.rst] if f.rst_active else z3.Not(expr[f.rst])
        return z3.If(act, z3.BoolVal(bool(f.rst_value), ctx), d)

    nx = {j: z3.Bool(f"n{j}", ctx) for j in members}
    s = z3.Solver(ctx=ctx)
    for j in members:
        s.add(nx[j] == nxt(j))

    def bv(js, v):
        bits = [z3.If(v[j], one, zero) for j in reversed(js)]
        return bits[0] if len(bits) == 1 else z3.Concat(*bits)

    def base_bv(rel: Relation, v):
        b = bv(regs[rel.base], v)
        if rel.base2 is None:
            return b
        b2 = bv(regs[rel.base2], v)
        return b + b2 if rel.plus2 else b - b2

    def rel_expr(rel: Relation, v):
        w = rel.width
        if rel.op == "ule":
            if rel.base:
                return z3.ULE(base_bv(rel, v), z3.BitVecVal(rel.k, len(regs[rel.base]), ctx))
            return z3.ULE(bv(regs[rel.target], v), z3.BitVecVal(rel.k, w, ctx))
        if rel.op == "shr":
            sb = base_bv(rel, v)
            bw = len(regs[rel.base])
            if rel.k + w > bw:
                sb = z3.ZeroExt(rel.k + w - bw, sb)
            return bv(regs[rel.target], v) == z3.Extract(rel.k + w - 1, rel.k, sb)
        if rel.op == "mul":
            sb = base_bv(rel, v)
            bw = len(regs[rel.base])
            sb = z3.ZeroExt(w - bw, sb) if bw < w else z3.Extract(w - 1, 0, sb) if bw > w else sb
            return bv(regs[rel.target], v) == sb * z3.BitVecVal(rel.k, w, ctx)
        if rel.op == "min":  # a copy saturating at k: min(base, k) (rtlopt.semantic.reglockstep)
            sb = base_bv(rel, v)
            kk = z3.BitVecVal(rel.k, w, ctx)
            mn = z3.If(z3.ULE(sb, kk), sb, kk)
            return bv(regs[rel.target], v) == (mn if rel.sign > 0 else kk - mn)
        if rel.op == "modadd":
            sb = z3.ZeroExt(1, base_bv(rel, v))
            s1 = sb + z3.BitVecVal(rel.k, w + 1, ctx)
            nn = z3.BitVecVal(rel.mod, w + 1, ctx)
            val = z3.If(z3.UGE(s1, nn), s1 - nn, s1)
            return bv(regs[rel.target], v) == z3.Extract(w - 1, 0, val)
        if rel.op == "cat":
            sb = base_bv(rel, v)
            if len(regs[rel.base]) != w - 1:
                return z3.BoolVal(False, ctx)
            n, i = rel.bits[0]
            return bv(regs[rel.target], v) == z3.Concat(bv([regs[n][i]], v), sb)
        if rel.op == "low":
            if len(regs[rel.base]) != w - 1:
                return z3.BoolVal(False, ctx)
            return z3.Extract(w - 2, 0, bv(regs[rel.target], v)) == base_bv(rel, v) + z3.BitVecVal(rel.k, w - 1, ctx)
        if rel.op in ("or", "and"):
            lits = [v[regs[n][i]] for n, i in rel.bits]
            g = z3.Or(lits) if rel.op == "or" else z3.And(lits)
            return v[regs[rel.target][0]] == (z3.Not(g) if rel.k else g)
        if rel.op == "fn":
            tb = bv(regs[rel.target], v)
            kk = z3.BitVecVal(rel.k, w, ctx)
            c = {"eq": lambda: tb == kk, "ne": lambda: tb != kk, "ge": lambda: z3.UGE(tb, kk),
                 "lt": lambda: z3.ULT(tb, kk)}[rel.cmp]()
            lits = [v[regs[n][i]] for n, i in rel.bits]
            terms = [z3.And([x if m >> t & 1 else z3.Not(x) for t, x in enumerate(lits)] or [z3.BoolVal(True, ctx)])
                     for m in range(1 << len(lits)) if rel.table >> m & 1]
            return c == (z3.Or(terms) if terms else z3.BoolVal(False, ctx))
        if rel.op in ("tt", "ttz", "ttm"):  # a table of the key bits (rtlopt.semantic.regfd): a chain on the key
            tb = bv(regs[rel.target], v)
            key = bv([regs[n][i] for n, i in rel.bits], v) if rel.bits else None
            if rel.op == "ttz":  # ... and of whether the target is nonzero (the key's top bit)
                nzb = z3.If(tb != z3.BitVecVal(0, w, ctx), one, zero)
                key = nzb if key is None else z3.Concat(nzb, key)
            nb, mask = len(rel.bits) + (rel.op == "ttz"), (1 << w) - 1
            val = z3.BitVecVal(rel.k, w, ctx)
            for m in range(1 << nb):
                x = (rel.table >> (m * w)) & mask
                if x != rel.k:
                    val = z3.If(key == z3.BitVecVal(m, nb, ctx), z3.BitVecVal(x, w, ctx), val)
            if rel.op == "ttm":  # only the bits in mod
                mk = z3.BitVecVal(rel.mod, w, ctx)
                return tb & mk == val & mk
            return tb == val
        if rel.op == "therm" or rel.op == "dec" and (rel.k or rel.rot):
            sb = base_bv(rel, v)
            bw = len(regs[rel.base])
            if rel.op == "dec" and rel.rot:
                sb = sb + z3.BitVecVal(rel.rot, bw, ctx)
            ww = max(w, bw) + 1
            sb = z3.ZeroExt(ww - bw, sb)
            if rel.op == "therm":
                sb = sb + z3.BitVecVal(rel.rot, ww, ctx)
            dec = z3.BitVecVal(1, ww, ctx) << sb
            if rel.op == "therm":
                dec = dec - z3.BitVecVal(1, ww, ctx)
            dec = z3.Extract(w - 1, 0, dec) ^ z3.BitVecVal(rel.k, w, ctx)
            return bv(regs[rel.target], v) == dec
        if rel.op in ("dec", "dec0"):
            sb = base_bv(rel, v)
            ww = max(w, len(regs[rel.base]))
            if ww > len(regs[rel.base]):
                sb = z3.ZeroExt(ww - len(regs[rel.base]), sb)
            dec = z3.BitVecVal(1, ww, ctx) << sb
            if ww > w:
                dec = z3.Extract(w - 1, 0, dec)
            for t, (n, i) in enumerate(rel.bits):  # the gate of a gated decode: an AND of literals
                g = v[regs[n][i]]
                dec = z3.If(z3.Not(g) if rel.table >> t & 1 else g, dec, z3.BitVecVal(0, w, ctx))
            if rel.op == "dec0":
                return z3.Or(bv(regs[rel.target], v) == dec, bv(regs[rel.target], v) == z3.BitVecVal(0, w, ctx))
            return bv(regs[rel.target], v) == dec
        if rel.op != "add":
            sb = base_bv(rel, v)
            kk = z3.BitVecVal(rel.k, len(regs[rel.base]), ctx)
            c = {"eq": lambda: sb == kk, "ne": lambda: sb != kk, "ge": lambda: z3.UGE(sb, kk),
                 "lt": lambda: z3.ULT(sb, kk)}[rel.op]()
            for n, i, fv, cv in rel.gate:
                c = z3.If(v[regs[n][i]] == z3.BoolVal(bool(fv), ctx), z3.BoolVal(bool(cv), ctx), c)
            return v[regs[rel.target][0]] == c
        acc = z3.BitVecVal(rel.k, w, ctx)
        if rel.base2 and _mixed(rel, regs):  # operands zero-extended to the widest (_mixed_affine)
            ww = max(w, len(regs[rel.base]), len(regs[rel.base2]))

            def ext(n):
                x = bv(regs[n], v)
                return z3.ZeroExt(ww - len(regs[n]), x) if ww > len(regs[n]) else x

            a2, b2 = ext(rel.base), ext(rel.base2)
            comb = a2 + b2 if rel.plus2 else a2 - b2
            comb = z3.Extract(w - 1, 0, comb) if ww > w else comb
            return bv(regs[rel.target], v) == acc + comb if rel.sign > 0 else acc - comb
        if rel.base:
            b = base_bv(rel, v)
            bw = len(regs[rel.base])
            if bw > w:
                b = z3.Extract(w - 1, 0, b)
            elif bw < w:
                b = z3.ZeroExt(w - bw, b)
            acc = acc + b if rel.sign > 0 else acc - b
        for n, i in rel.bits:
            acc = acc + z3.ZeroExt(w - 1, bv([regs[n][i]], v))
        return bv(regs[rel.target], v) == acc

    def houdini(items, until):
        # items: (key, now, next); the largest subset that is inductive together, or None (timeout)
        live = list(items)
        while live:
            left = until - time.monotonic()
            if left <= 0:
                return None
            act = z3.Bool(f"act{next(acts)}", ctx)
            s.add(z3.Implies(act, z3.And([c for _k, c, _n in live])))
            s.add(z3.Implies(act, z3.Or([z3.Not(g) for _k, _c, g in live])))
            s.set("timeout", max(1, int(left * 1000)))
            res = s.check(act)
            if res == z3.unsat:
                return live
            if res != z3.sat:
                return None
            m = s.model()
            live = [it for it in live if z3.is_true(m.eval(it[2], model_completion=True))]
        return []

    import itertools

    acts = itertools.count()
    got = houdini([(r, rel_expr(r, q), rel_expr(r, nx)) for r in rels], deadline)
    if got is None:
        return []
    proven = [k for k, _c, _n in got]
    if len(proven) == len(rels) or deadline - time.monotonic() < 1.0:
        return proven
    # Strengthening: some hypothesis is true on every sample but not inductive alone (it needs a
    # fact about other registers: 'state == S implies index == 0'). Two-literal clauses over the
    # flip-flops its next state reads, true on every simulated state and after reset, join the
    # induction as helpers (never returned); Houdini drops the ones that are not inductive.
    try:
        helpers = _clause_helpers(net, [r for r in rels if r not in proven], regs, st)
    except Exception:  # noqa: BLE001 - no strengthening; the plain answer stands
        helpers = []
    if not helpers:
        return proven
    extra = {j for cl in helpers for j, _p in cl} - members
    if extra:
        more = {net.flops[j].d for j in extra} | {net.flops[j].rst for j in extra
                                                    if net.flops[j].rst is not None}
        expr.update(seqsim._build_exprs(net, sub, more, ctx))
        for j in sorted(extra):
            nx[j] = z3.Bool(f"n{j}", ctx)
            s.add(nx[j] == nxt(j))

    def lit(j, pol, v):
        return v[j] if pol else z3.Not(v[j])

    items = [(r, rel_expr(r, q), rel_expr(r, nx)) for r in rels]
    items += [(None, z3.Or([lit(j, p, q) for j, p in cl]), z3.Or([lit(j, p, nx) for j, p in cl]))
              for cl in helpers]
    # a bounded share of the time: most hypotheses that fail alone are simply false
    got2 = houdini(items, min(deadline, time.monotonic() + min(_CLAUSE_TIME_S, 0.3 * timeout_s)))
    if got2 is None:
        return proven
    return [k for k, _c, _n in got2 if k is not None]


#: Flip-flop bits at most in one strengthening (pairs grow with the square).
_CLAUSE_BITS = 96
#: Helper clauses at most (each is one more conjunct of the induction query).
_CLAUSE_MAX = 1500
#: Seconds at most for the strengthened induction (also at most 30 % of the proof's time).
_CLAUSE_TIME_S = 8.0


def _clause_helpers(net: seqsim.GateNet, rels: list[Relation], regs: dict[str, list[int]],
                    st: list) -> list[tuple[tuple[int, int], ...]]:
    """Clauses (tuples of (flop, polarity)) of one or two literals over the flip-flops the next
    state of ``rels``' registers reads (and those registers), true on every simulated state and in
    the reset state: candidate helper invariants for :func:`prove` (the caller proves them)."""
    qi = net.q_index
    driver = {g[1]: g for g in net.gates}
    seed: set[int] = set()
    for r in rels:
        seed |= set(regs[r.target])
        for n in r.uses():
            seed |= set(regs[n])
    cone, seen = set(seed), set()
    stack = [net.flops[j].d for j in seed] + [net.flops[j].rst for j in seed if net.flops[j].rst is not None]
    while stack:
        x = stack.pop()
        if x in seen:
            continue
        seen.add(x)
        if x in qi:
            cone.add(qi[x])
        elif x in driver:
            stack.extend(driver[x][2])
    if len(cone) > _CLAUSE_BITS:
        return []
    fl = sorted(cone)
    x = _bit_matrix(run_trace(net, 0))[fl].astype(bool)  # run 0 is simulate(net, 256, 2)
    n = len(fl)
    rs = [st[j] for j in fl]
    out: list[tuple[tuple[int, int], ...]] = []
    one = x.all(axis=1)
    zero = ~x.any(axis=1)
    for i in range(n):
        if (one[i] or zero[i]) and rs[i] is not None and rs[i] == int(one[i]):
            out.append(((fl[i], int(one[i])),))
    var = [i for i in range(n) if not (one[i] or zero[i])]
    if len(var) < 2:
        return out
    xv = x[var].astype(np.float32)
    nv = 1.0 - xv
    # co-occurrence counts of each literal pair: a clause (a | b) holds when !a & !b never occurs
    both = {(1, 1): xv @ xv.T, (1, 0): xv @ nv.T, (0, 1): nv @ xv.T, (0, 0): nv @ nv.T}
    for a in range(len(var)):
        for b in range(a + 1, len(var)):
            ja, jb = fl[var[a]], fl[var[b]]
            ra, rb = st[ja], st[jb]
            for (va, vb), m in both.items():
                if m[a, b] == 0:  # never va & vb: clause (a != va) | (b != vb)
                    if ra is None or rb is None or (ra == va and rb == vb):
                        continue
                    out.append(((ja, 1 - va), (jb, 1 - vb)))
    return out[:_CLAUSE_MAX]


def _cmp(op: str, a: int, k: int) -> int:
    return int({"eq": a == k, "ne": a != k, "ge": a >= k, "lt": a < k}[op])


_OPS = {"eq": "==", "ne": "!=", "ge": ">=", "lt": "<"}

#: the deep simulation run (1024 cycles, rare resets) only for netlists with at most this many flops
_DEEP_FLOPS = 512
#: ... and at most this many signals: its cost is signals x cycles (a 20-flop pointer advanced through an
#: unrolled function has 2040 signals: 1.9 s CPU for nothing, which starved later generators under load)
_DEEP_SIGNALS = 1024


def analyze_texts(texts: dict[Path, str], top: str, timeout_s: float = 30.0,
                  net: seqsim.GateNet | None = None) -> Analysis:
    t0 = time.monotonic()
    consts = mined_constants(texts.values())
    if net is not None:
        return _analyze_net(net, t0, timeout_s, consts)
    try:
        net = seqsim.load_texts(texts, top, timeout=timeout_s)
    except Exception as exc:  # noqa: BLE001 - outside the model or rejected: no candidates
        return Analysis(None, [], str(exc), time.monotonic() - t0)
    return _analyze_net(net, t0, timeout_s, consts)


#: The simulation runs the sampling analyses share, (cycles, words, seed, hold_log2, reset_rate_log2):
#: inputs random each cycle; inputs held for long stretches (a clear held low while a count enable is
#: held high: counters reach the values where a relation like 'words == bytes >> 3' shows); resets rare
#: and inputs held for hundreds of cycles (a divider counting to a few hundred before its phase steps
#: is never reached when a reset comes every 32 cycles; only on nets :func:`_deep` admits).
_RUNS = ((256, 2, 1, 0, 5), (256, 1, 7, 4, 5), (1024, 1, 11, 8, 14))
#: the traces of :data:`_RUNS` of the last two netlists (id -> (net, {run index: trace}); two: the net
#: with unread registers kept is analysed beside the plain one): regfunc,
#: regfunc_vec, reglockstep, regzero and the clause helpers of :func:`prove` simulated the same net
#: the same way each (9 runs, 7 s CPU on tables/sine32_ifchain_function_v); cleared by the generator
_RUN_CACHE: dict = {}
_RUN_LOCK = threading.Lock()


def _deep(net: seqsim.GateNet) -> bool:
    return len(net.flops) <= _DEEP_FLOPS and net.nsig <= _DEEP_SIGNALS


def run_trace(net: seqsim.GateNet, i: int) -> np.ndarray:
    """seqsim.simulate's trace of run ``i`` of :data:`_RUNS` on ``net`` (kept for the last net, read-only)."""
    with _RUN_LOCK:
        ent = _RUN_CACHE.get(id(net))
        if ent is None or ent[0] is not net:
            if len(_RUN_CACHE) >= 2:
                _RUN_CACHE.pop(next(iter(_RUN_CACHE)))
            ent = _RUN_CACHE[id(net)] = (net, {})
        tr = ent[1].get(i)
    if tr is None:
        c, w, seed, hold, rr = _RUNS[i]
        tr = seqsim.simulate(net, cycles=c, words=w, seed=seed, hold_log2=hold, reset_rate_log2=rr)
        tr.flags.writeable = False
        ent[1][i] = tr
    return tr


def samples(net: seqsim.GateNet, runs: int | None = None) -> np.ndarray:
    """[nflops, samples] bit matrix of the first ``runs`` of :data:`_RUNS` (default: the first two,
    and the third when :func:`_deep`), the simulations shared between the analyses of one net."""
    n = runs if runs is not None else (3 if _deep(net) else 2)
    return np.concatenate([_bit_matrix(run_trace(net, i)) for i in range(n)], axis=1)


def _analyze_net(net: seqsim.GateNet, t0: float, timeout_s: float, consts=()) -> Analysis:
    try:
        regs = _registers(net)
        if len(regs) < 2:  # every relation relates a register to another one: nothing to simulate
            return Analysis(net, [], None, time.monotonic() - t0, regs)
        bm = samples(net)
        hyps = discover(net, regs, bm, deadline=t0 + timeout_s * 0.6, consts=consts)
        try:  # tables of a few other registers, for the targets no word relation explains
            from rtlopt.semantic import regfd

            # (a register another relation of a target at least as wide reads is kept: its table of
            # that target is the same fact the other way round, removing no more flip-flops)
            skip = {r.target for r in hyps if r.op != "ule"} | {
                n for r in hyps if r.op != "ule" for n in r.uses() if len(regs.get(n, ())) <= r.width}
            hyps += regfd.relations(regs, bm, skip,
                                    until=min(t0 + timeout_s * 0.7, time.monotonic() + 0.15 * timeout_s))
        except Exception:  # noqa: BLE001 - no tables; the word relations stand
            pass
        rels = prove(net, regs, hyps, timeout_s=max(2.0, timeout_s - (time.monotonic() - t0)))
        ules = {(r.base, r.base2, r.k) for r in rels if r.op == "ule"}
        rels = [_bit_test(r, ules, regs) for r in rels if r.op != "ule"]
    except Exception as exc:  # noqa: BLE001
        return Analysis(net, [], str(exc), time.monotonic() - t0)
    return Analysis(net, rels, None, time.monotonic() - t0, regs)


def _bit_test(r: Relation, ules: set, regs: dict[str, list[int]]) -> Relation:
    """``word == K`` (``!=``) with ``word <= K`` proven and ``K = 2**j`` is the bit test ``word[j]``
    (op "bit"/"nbit"): a FIFO's full flag at count == DEPTH is the count's top bit, one wire instead of
    a comparator (synthesis cannot know the bound)."""
    from dataclasses import replace

    k = r.k
    if r.op in ("eq", "ne") and r.base and not r.base2 and k > 0 and not k & (k - 1) \
            and (r.base, None, k) in ules and k < (1 << len(regs[r.base])):
        return replace(r, op="bit" if r.op == "eq" else "nbit")
    return r


# -- source side ---------------------------------------------------------------------------------

def _expr_text(rel: Relation, decl: dict[str, tuple[int, bool, int]], ktext: str | None = None) -> str:
    """``ktext``: the comparison's constant spelled another way (an unsized literal or a parameter
    expression, for a module elaborated at several widths or parameter values)."""
    from rtlopt.semantic.seqred import _bits_expr

    w = rel.width
    parts: list[str] = []
    base = rel.base.rpartition(".")[2] if rel.base else None
    if rel.op == "low":
        return None  # the target keeps its top flip-flop: _emit_low
    if rel.op in ("or", "and"):
        e = f" {'|' if rel.op == 'or' else '&'} ".join(_bits_expr([("n", n, i, False)], decl) for n, i in rel.bits)
        return f"~({e})" if rel.k else e
    if rel.op in ("tt", "ttz", "ttm"):
        from rtlopt.semantic import regfd

        return regfd.expr_text(rel, decl, _bits_expr)
    if rel.op == "cat":  # operands of a concatenation are self-determined: the word is w - 1 bits
        if decl[rel.base][2] != w - 1 or (rel.base2 and decl[rel.base2][2] != w - 1):
            return None
        flag = _bits_expr([("n", rel.bits[0][0], rel.bits[0][1], False)], decl)
        word = f"{base} - {rel.base2.rpartition('.')[2]}" if rel.base2 else base
        return None if rel.plus2 else f"{{{flag}, {word}}}"
    if rel.base2:
        if rel.op == "add" and rel.sign < 0 or rel.plus2 and rel.op != "add":
            return None
        b2 = rel.base2.rpartition('.')[2]
        if rel.op == "add" and (rel.base not in decl or rel.base2 not in decl):
            return None
        if rel.op == "add" and not (decl[rel.base][2] == decl[rel.base2][2] == w):
            # mixed widths (_mixed_affine): the narrower operands zero-extended whatever their
            # signedness (two signed operands would be sign-extended in the assignment's width)
            # signedness; an operand wider than the target is read in the target's width (its low bits
            # decide the result: 8 bits of a 32-bit integer index, not a 32-bit subtraction)
            def operand(n, t):
                if decl[n][2] > w:
                    return _bits_expr([("n", n, i, False) for i in range(w - 1, -1, -1)], decl)
                return f"$unsigned({t})" if decl[n][2] < w else t

            base, b2 = operand(rel.base, base), operand(rel.base2, b2)
        base = f"({base} {'+' if rel.plus2 else '-'} {b2})"
    if rel.op in ("shr", "modadd", "mul"):
        if rel.base2:
            return None
        if rel.op == "shr":
            return f"{base} >> {rel.k}" if rel.k else base
        if rel.op == "mul":  # in the target's width (the assignment's context); powers of two a shift
            k = rel.k
            return f"{base} << {k.bit_length() - 1}" if k & (k - 1) == 0 else f"{base} * {w}'d{k}"
        lim = rel.mod - rel.k
        return f"({base} >= {w}'d{lim}) ? {base} - {w}'d{lim} : {base} + {w}'d{rel.k}"
    if rel.op == "therm" or rel.op == "dec" and (rel.k or rel.rot):
        if rel.base2 or rel.bits or rel.k not in (0, (1 << w) - 1):
            return None
        bw = decl[rel.base][2]
        if rel.op == "dec":
            sh = f"({base} + {bw}'d{rel.rot})" if rel.rot else base
            e = f"({w}'d1 << {sh})"
        else:  # the shift is done one bit wider so that 1 << w (all ones) does not drop out
            e = f"(({w + 1}'d1 << {base}) - {w + 1}'d1)" if not rel.rot else \
                f"(({w + 1}'d2 << {base}) - {w + 1}'d1)"
        return f"~{e}" if rel.k else e
    if rel.op == "dec":
        if rel.base2:
            return None
        if rel.bits:
            flag = " & ".join(_bits_expr([("n", n, i, bool(rel.table >> t & 1))], decl)
                              for t, (n, i) in enumerate(rel.bits))
            flag = f"({flag})" if len(rel.bits) > 1 else flag
            return f"{flag} ? ({w}'d1 << {base}) : {w}'d0"
        return f"{w}'d1 << {base}"
    if rel.op in ("bit", "nbit"):
        if ktext is not None or decl[rel.base][2] <= rel.k.bit_length() - 1:
            return None
        cmp = _bits_expr([("n", rel.base, rel.k.bit_length() - 1, rel.op == "nbit")], decl)
        for n, i, fv, cv in rel.gate:
            flag = _bits_expr([("n", n, i, False)], decl)
            cmp = (f"({'!' if fv else ''}{flag} && {cmp})" if not cv else
                   f"({'' if fv else '!'}{flag} || {cmp})")
        return cmp
    if rel.op != "add":
        bw = decl[rel.base][2]
        if rel.base2 and decl[rel.base2][2] != bw:
            return None
        if ktext is not None and rel.base2:
            return None
        kt = ktext if ktext is not None else f"{bw}'d{rel.k}"
        cmp = f"({base} {_OPS[rel.op]} {kt})"
        if rel.base2 and rel.k == 0 and rel.op in ("eq", "ne"):  # a - b == 0 is a == b
            cmp = f"({rel.base.rpartition('.')[2]} {_OPS[rel.op]} {rel.base2.rpartition('.')[2]})"
        for n, i, fv, cv in rel.gate:
            flag = _bits_expr([("n", n, i, False)], decl)
            cmp = (f"({'!' if fv else ''}{flag} && {cmp})" if not cv else
                   f"({'' if fv else '!'}{flag} || {cmp})")
        return cmp
    if base:
        if rel.sign < 0 and rel.k == (1 << w) - 1:
            return f"~{base}"
        if rel.sign < 0:
            return f"{w}'d{rel.k} - {base}"
        parts.append(base)
    for n, i in rel.bits:
        parts.append(_bits_expr([("n", n, i, False)], decl))
    if rel.k:
        parts.insert(0, f"{w}'d{rel.k}")
    return " + ".join(parts)


def emit(texts: dict[Path, str], top: str, rels: list[Relation]) -> dict[Path, str] | None:
    """New texts with each relation's target computed combinationally, or None.

    ``rels`` may hold several spellings of one relation (aliases in other scopes): those whose target
    is not an assigned variable are ignored; every elaborated copy of an edited module must be in."""
    from rtlopt.semantic.seqred import _dedupe, _remove_span, _source_model, _stmt_removal

    kept = [r for r in rels if r.op in ("ttz", "ttm")]
    if kept:  # the target keeps flip-flops (rtlopt.semantic.regfd: a zero flag, some bits), after the others
        from rtlopt.semantic import regfd

        rest = [r for r in rels if r.op not in ("ttz", "ttm")]
        base = emit(texts, top, rest) if rest else texts
        for leaf in sorted({r.target.rpartition(".")[2] for r in kept}):
            mine = [r for r in kept if r.target.rpartition(".")[2] == leaf]
            if base is None or len({r.op for r in mine}) != 1:
                return None
            base = (regfd.emit_nz if mine[0].op == "ttz" else regfd.emit_mask)(base, top, mine)
        return base
    paths = list(texts)
    tlist = [texts[p] for p in paths]
    if not all(t.isascii() for t in tlist):
        return None
    model = _source_model(tlist, [str(p) for p in paths], top)
    if model is None:
        return None
    occs, stmts, _trees = model
    decl: dict[str, tuple[int, bool, int]] = {}
    for o in occs:
        decl.setdefault(o.path, (o.decl_lo, o.decl_up, o.width))
    if any(r.op == "low" for r in rels):
        return _emit_low(texts, rels, occs, stmts, decl)

    def in_stmt(o) -> bool:
        s0, e0 = o.sel or o.ident
        return any(st.path == o.path and st.file == o.file and st.span[0] <= s0 and e0 <= st.span[1]
                   for st in stmts)

    usable = []
    for r in rels:
        ol = [o for o in occs if o.path == r.target]
        # a variable driven by a continuous assignment (an SV 'output logic' alias) is another name
        # of the register, not one to replace
        if ol and all(o.proc for o in ol) and any(o.write for o in ol) \
                and all(in_stmt(o) for o in ol if o.write):
            usable.append(r)
    rels = usable
    if not rels:
        return None
    targets = {r.target for r in rels}
    files = set()
    for r in rels:
        ol = [o for o in occs if o.path == r.target]
        if not ol or not all(o.proc for o in ol) or decl.get(r.target, (0, False, -1))[2] != r.width:
            return None
        for n in r.uses():
            if n not in decl:
                return None
        mine = [st for st in stmts if st.path == r.target]
        for o in ol:
            if o.write:
                s0, e0 = o.sel or o.ident
                if not any(st.file == o.file and st.span[0] <= s0 and e0 <= st.span[1] for st in mine):
                    return None  # written some other way (concatenation, task output, ...)
        files |= {o.file for o in ol}
    if len(files) != 1:
        return None
    fi = files.pop()
    text = tlist[fi]
    drop = {(st.file, *st.span) for st in stmts if st.path in targets}
    keep_any = {(st.file, *st.span) for st in stmts if st.path not in targets}
    if drop & keep_any:
        return None
    blocks: dict[tuple[int, int, int], list] = {}
    for st in stmts:
        if st.block is not None:
            blocks.setdefault((st.file, *st.block), []).append((st.file, *st.span))
    covered = [bk for bk, mem in blocks.items() if all(m in drop for m in mem)]
    eds: list[Edit] = []
    for f, s, e in covered:
        eds.append(_remove_span(tlist[f], s, e))
    for f, s, e in sorted(drop):
        if f != fi:
            return None
        if any(cf == f and cs <= s and e <= ce for cf, cs, ce in covered):
            continue
        ed = _stmt_removal(text, s, e)
        if ed.replacement == "" and ed.start == s:  # statement sharing its line: take one space before it
            ls0 = s
            while ls0 > 0 and text[ls0 - 1] in " \t":
                ls0 -= 1
            if ls0 < s and text[ls0 - 1:ls0] not in ("\n", ""):
                ed = Edit(ls0, e, "")
        eds.append(ed)
    # before the endmodule of the module declaring each target (once per module text)
    adds: dict[int, list[str]] = {}
    kt = _module_constants(rels, decl, tlist, [str(p) for p in paths], top)
    if kt is None:
        return None
    for r in rels:
        pos = min(o.ident[0] for o in occs if o.path == r.target)
        ms = [m for m in re.finditer(r"(?<![\w$])module\s+[A-Za-z_]", text) if m.start() < pos]
        if not ms:
            return None
        m = ms[-1]
        em = re.compile(r"(?<![\w$])endmodule\b").search(text, pos)
        if em is None:
            return None
        ls = text.rfind("\n", 0, em.start()) + 1
        if text[ls:em.start()].strip():
            ls = em.start()
        ind = "    "
        for line in text[m.end():em.start()].splitlines():
            mm = re.match(r"([ \t]+)(assign|always|reg|wire)\b", line)
            if mm:
                ind = mm.group(1)
                break
        et = _expr_text(r, decl, kt.get(r.target))
        if et is None:
            return None
        leaf = r.target.rpartition('.')[2]
        ty = _typedef_of(text[m.end():em.start()], text, leaf)
        if ty is not None:  # an enum (or other typedef'd) variable takes a vector only through a cast
            et = f"{ty}'({et})"
        line = f"{ind}always @* {leaf} = {et};\n"
        head = line.partition("=")[0]
        if any(x != line and x.partition("=")[0] == head for x in adds.get(ls, [])):
            return None  # copies of one module would need different texts
        if line not in adds.setdefault(ls, []):
            adds[ls].append(line)
    for ls, lines in adds.items():
        eds.append(Edit(ls, ls, "".join(lines)))
    try:
        new = apply_edits(text, _dedupe(eds))
    except ValueError:
        return None
    out = dict(texts)
    out[paths[fi]] = new
    return out if new != text else None


def _emit_low(texts: dict[Path, str], rels: list[Relation], occs, stmts, decl) -> dict[Path, str] | None:
    """Op "low" (``R[w-2:0] == a - b + k``, one spelling per scope in ``rels``): R keeps its top flip-flop
    only. Every write of R assigns ``{rtlopt_R_hi, rtlopt_R_lo}`` instead (the same right-hand side and
    width; the low part is never read, so synthesis drops its flip-flops) and ``always @* R =
    {rtlopt_R_hi, a - b + k};`` before endmodule gives every reader the word. Whole-word writes only."""
    from rtlopt.semantic.seqred import _dedupe

    paths = list(texts)
    tlist = [texts[p] for p in paths]
    if any(r.op != "low" for r in rels):
        return None
    usable = []
    for r in rels:
        ol = [o for o in occs if o.path == r.target]
        if ol and all(o.proc for o in ol) and any(o.write for o in ol):
            usable.append(r)
    if not usable:
        return None
    eds: dict[int, list[Edit]] = {}
    adds: dict[tuple[int, int], str] = {}
    for r in usable:
        w = r.width
        if decl.get(r.target, (0, False, -1))[2] != w or decl.get(r.base, (0, False, -1))[2] != w - 1 \
                or decl.get(r.base2, (0, False, -1))[2] != w - 1:
            return None
        ol = [o for o in occs if o.path == r.target]
        mine = [st for st in stmts if st.path == r.target]
        if len({o.file for o in ol}) != 1:
            return None
        fi = ol[0].file
        text = tlist[fi]
        leaf = r.target.rpartition(".")[2]
        hi, lo = f"rtlopt_{leaf}_hi", f"rtlopt_{leaf}_lo"
        if re.search(rf"\b{hi}\b|\b{lo}\b", text):
            return None
        blocks = []
        for o in ol:
            if not o.write:
                continue
            if o.sel is not None:
                return None  # a part-select write
            s0, e0 = o.ident
            st = [x for x in mine if x.file == o.file and x.span[0] <= s0 and e0 <= x.span[1]]
            if not st or st[0].block is None:
                return None
            blocks.append(st[0].block[0])
            eds.setdefault(fi, []).append(Edit(s0, e0, f"{{{hi}, {lo}}}"))
        bs = min(blocks)
        ls = text.rfind("\n", 0, bs) + 1
        ind = re.match(r"[ \t]*", text[ls:]).group(0)
        adds[(fi, ls)] = f"{ind}reg {hi};\n{ind}reg [{w - 2}:0] {lo};\n"
        le = before_endmodule(text, bs)
        if le is None:
            return None
        word = f"{r.base.rpartition('.')[2]} - {r.base2.rpartition('.')[2]}"
        if r.k:
            word += f" + {w - 1}'d{r.k}"
        adds[(fi, le)] = f"{ind}always @* {leaf} = {{{hi}, {word}}};\n"
    out = dict(texts)
    for (fi, pos), line in adds.items():
        eds.setdefault(fi, []).append(Edit(pos, pos, line))
    for fi, el in eds.items():
        try:
            out[paths[fi]] = apply_edits(tlist[fi], _dedupe(el))
        except ValueError:
            return None
    return out


_NOT_TYPE = {"logic", "reg", "bit", "wire", "var", "integer", "int", "input", "output", "inout", "signed",
             "unsigned", "byte", "shortint", "longint", "assign", "return", "parameter", "localparam"}


def _typedef_of(mtext: str, text: str, name: str) -> str | None:
    """The typedef name declaring variable ``name`` in a module's text (``st_t st;``, ``state_t s, n;``)
    when the file defines that type, else None."""
    for m in re.finditer(rf"(?m)^[ \t]*([A-Za-z_][\w$]*)[ \t]+(?:[A-Za-z_][\w$]*[ \t]*,[ \t]*)*"
                         rf"{re.escape(name)}[ \t]*[,;=]", mtext):
        ty = m.group(1)
        # an enum's braces hold no ';' (one linear scan per typedef; a struct's members end the match)
        if ty not in _NOT_TYPE and re.search(rf"\btypedef\b[^;]*(?<![\w$]){re.escape(ty)}\s*;", text):
            return ty
    return None


def _instance_params(texts: list[str], names: list[str], top: str) -> dict[str, dict[str, int]]:
    """Instance path (relative to ``top``, "" for the top) -> its integer parameter values."""
    from pyslang import ast, syntax

    from rtlopt.hdl.project import top_compilation

    comp = top_compilation(top)  # the top alone, at its -G values
    for text, nm in zip(texts, names, strict=True):
        comp.addSyntaxTree(syntax.SyntaxTree.fromText(text, nm))
    out: dict[str, dict[str, int]] = {}

    def visit(n):
        if type(n).__name__ == "InstanceSymbol":
            hp = n.hierarchicalPath
            path = "" if hp == top else hp[len(top) + 1:] if hp.startswith(top + ".") else None
            if path is not None:
                vals = {}
                for prm in n.body.parameters:
                    m = re.fullmatch(r"(?:\d+'s?d)?(-?\d+)", str(prm.value).strip())
                    if m:
                        vals[prm.name] = int(m.group(1))
                out[path] = vals
        return ast.VisitAction.Advance

    comp.getRoot().visit(visit)
    return out


def _module_constants(rels: list[Relation], decl, tlist, names, top) -> dict[str, str] | None:
    """Target -> the spelling of its comparison constant when copies of one module (one target name
    in several instances) need one text: the same value at different widths is an unsized literal;
    different values are a parameter expression (``P``, ``P - 1``, ``P + 1``) elaborated to each
    copy's value. {} when sized literals already agree; None when no spelling fits every copy."""
    by_leaf: dict[str, list[Relation]] = {}
    for r in rels:
        by_leaf.setdefault(r.target.rpartition(".")[2], []).append(r)
    out: dict[str, str] = {}
    params = None
    for _leaf, rs in by_leaf.items():
        if len(rs) < 2 or len({_expr_text(r, decl) for r in rs}) == 1:
            continue
        if any(r.op not in _OPS or r.base2 for r in rs):
            continue  # emitted as two lines in the module: emit refuses the conflict below
        if len({r.k for r in rs}) == 1:
            if len({_expr_text(r, decl, f"'d{r.k}") for r in rs}) == 1:
                out |= {r.target: f"'d{r.k}" for r in rs}
            continue
        if params is None:
            params = _instance_params(tlist, names, top)
        found = None
        cands = sorted({p for r in rs for p in params.get(r.target.rpartition(".")[0], {})})
        for pn in cands:
            for d, sfx in ((0, ""), (-1, " - 1"), (1, " + 1")):
                if all(params.get(r.target.rpartition(".")[0], {}).get(pn) == r.k - d for r in rs):
                    found = f"{pn}{sfx}" if not sfx else f"({pn}{sfx})"
                    break
            if found:
                break
        if found is None:
            return None
        out |= {r.target: found for r in rs}
    return out


def _select(rels: list[Relation]) -> list[Relation]:
    """A consistent set: no target is used by another chosen relation, one relation per target. Greedy,
    widest target first."""
    chosen: list[Relation] = []
    removed: set[str] = set()
    used: set[str] = set()
    for r in sorted(rels, key=lambda r: (-r.width, r.base is None, r.target)):
        if r.target in removed or r.target in used or r.uses() & removed or r.op == "low":
            continue
        chosen.append(r)
        removed.add(r.target)
        used |= r.uses()
    return chosen


#: Relations at most for the exhaustive consistent-set search (:func:`_select_most`).
_SELECT_EXACT = 16


def _select_most(rels: list[Relation]) -> list[Relation]:
    """The consistent set (as :func:`_select`) removing the most flip-flops: relations that exclude each
    other (a one-hot register that is a flag's gated decode of an index, the flag that is the one-hot's
    zero test; registers that are functions of the one-hot) are chosen by the flip-flops they remove
    together, not widest first. Exhaustive (branch and bound) over at most _SELECT_EXACT relations, else
    the greedy set."""
    cand = sorted((r for r in rels if r.op != "low"), key=lambda r: (-r.width, r.base is None, r.target))
    if len(cand) > _SELECT_EXACT:
        return _select(rels)
    best: list = [0, []]
    rest = [sum(r.width for r in cand[i:]) for i in range(len(cand) + 1)]

    def go(i: int, got: list[Relation], w: int, removed: set[str], used: set[str]) -> None:
        if w > best[0]:
            best[0], best[1] = w, list(got)
        if i == len(cand) or w + rest[i] <= best[0]:
            return
        r = cand[i]
        if not (r.target in removed or r.target in used or r.uses() & removed):
            got.append(r)
            go(i + 1, got, w + r.width, removed | {r.target}, used | r.uses())
            got.pop()
        go(i + 1, got, w, removed, used)

    go(0, [], 0, set(), set())
    greedy = _select(rels)
    return greedy if sum(r.width for r in greedy) >= best[0] else best[1]


_CACHE: dict[str, Analysis] = {}

_REG_DECL = re.compile(r"^[ \t]*(reg|logic)\b([^;]*);", re.M)


def _has_unread_regs(texts: dict[Path, str], net: seqsim.GateNet) -> bool:
    """Whether a register declared in the source (a ``reg`` declaration statement) has no name in the
    netlist (its flip-flops were removed as unread). An array with some elements in the netlist
    (``mem[15]``: a loop writes every element, only the last is read) is read: its other elements are
    no twin of a live register, and looking again kept every element (rtlrewriter memory_folding: 28 ->
    300 flops, the analysis run twice, 1.3 s more CPU for no relation)."""
    leaves = {n.rpartition(".")[2] for n in net.name_bits}
    leaves |= {n.partition("[")[0] for n in leaves if "[" in n}
    # where each netlist name is declared (file, line): a register of one module whose name is also a
    # port of another (a 'len' kept beside a ROM's 'len' output) is not read because the other is
    placed: set[tuple[str, str, int]] = set()
    for n, src in net.name_src.items():
        m = re.match(r"(.*):(\d+)\.\d+", src or "")
        if m:
            leaf = n.rpartition(".")[2]
            placed.add((re.sub(r"^\d+_", "", Path(m.group(1)).name), leaf.partition("[")[0], int(m.group(2))))
    files = {f for f, _n, _l in placed}
    for p, t in texts.items():
        t = re.sub(r"//[^\n]*|/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), t, flags=re.S)
        fname = Path(p).name
        for m in _REG_DECL.finditer(t):
            body = re.sub(r"\[[^\]]*\]|=[^,]*|\bsigned\b", lambda x: " " * len(x.group(0)), m.group(2))
            for mm in re.finditer(r"[A-Za-z_][\w$]*", body):
                nm = mm.group(0)
                if m.group(1) == "logic" and not re.search(rf"(?<![\w$.]){re.escape(nm)}\s*(?:\[[^\]]*\]\s*)*<=(?!=)", t):
                    continue  # an SV variable never assigned with '<=' is no register (a net, a next-state value)
                if nm not in leaves:
                    return True
                line = t.count("\n", 0, m.start(2) + mm.start()) + 1
                if fname in files and (fname, nm, line) not in placed:
                    return True
    return False


def analysis_for(texts: dict[Path, str], top: str, timeout_s: float = 30.0) -> Analysis:
    """:func:`analyze_texts`, memoized on the texts."""
    key = hashlib.sha256(repr((top, sorted((str(p), t) for p, t in texts.items()))).encode()).hexdigest()
    an = _CACHE.get(key)
    if an is None:
        from rtlopt.semantic import seqred

        sa = seqred._CACHE.get(key)  # the same netlist, already loaded by the seqredundancy generator
        an = analyze_texts(texts, top, timeout_s, net=sa.net if sa is not None else None)
        if an.net is not None and _has_unread_regs(texts, an.net):
            # a register only ever written (its flops are gone from the netlist) may be the cheaper
            # twin of a live one (a binary index next to its one-hot copy): look again with it kept
            t0 = time.monotonic()
            try:
                net2 = seqsim.load_texts(texts, top, timeout=timeout_s, keep_regs=True)
            except Exception:  # noqa: BLE001
                net2 = None
            if net2 is not None and len(net2.flops) > len(an.net.flops):
                an2 = analyze_texts(texts, top, max(2.0, timeout_s - (time.monotonic() - t0)), net=net2)
                # a target only the second net has is a register nothing reads: nothing to remove
                live = [r for r in an2.relations if r.target in an.net.name_bits]
                if an2.error is None and live:
                    an2.relations = live
                    an = an2
        if len(_CACHE) > 64:
            _CACHE.clear()
        _CACHE[key] = an
    return an


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 30.0, max_cands: int = 6):
    """[(new texts, description)]: all compatible relations together, then one at a time."""
    an = analysis_for(texts, top, timeout_s)
    if not an.relations or an.net is None or an.regs is None:
        return []
    allregs = _all_registers(an.net)
    out, seen = [], set()

    def spell(rs):
        return [x for r in rs for x in localize(r, allregs, an.regs)]

    def add(rs):
        new = emit(texts, top, spell(rs))
        if new is None:
            return
        k = tuple(sorted((str(p), t) for p, t in new.items()))
        if k in seen:
            return
        seen.add(k)
        desc = "; ".join(f"'{r.target}' == {_describe(r)}" for r in rs)
        out.append((new, desc))
        # the index a one-hot register is decoded from now feeds back like a state register: a variant
        # keeps its binary encoding (synthesis would re-encode it, one-hot again: the FSM engine's
        # attribute); measurement picks
        kept = _keep_encoding(new, {r.base.rpartition(".")[2] for r in rs if r.op in ("dec", "therm") and r.base})
        if kept is not None:
            out.append((kept, desc + " (index encoding kept)"))

    # the most flip-flops removed; the greedy set too when it differs. The word relations first; then
    # with regfd's tables (they may exclude a word relation: 'idx == table(left)' beside 'left == ~idx')
    words = [r for r in an.relations if r.op not in TABLE_OPS]
    add(_select_most(words))
    add(_select(words))
    if len(words) < len(an.relations):
        add(_select_most(an.relations))
    # one relation at a time, with its copies in other instances of the same module
    groups: dict[tuple, list[Relation]] = {}
    for r in an.relations:
        loc = spell([r])
        sig = min((_local_sig(x) for x in loc), default=None)
        groups.setdefault((sig, ) if sig else (r,), []).append(r)
    for rs in groups.values():
        if len(out) >= max_cands:
            break
        add(rs)
    for r in an.relations:  # a copy of a register of a child instance: the child exports it
        if len(out) >= max_cands + 2:
            break
        if r.op == "add" and r.k == 0 and r.sign > 0 and r.base and not r.bits and not r.base2:
            new = _cross_copy(texts, top, r, allregs, an.regs)
            if new is not None:
                out.append((new, f"'{r.target}' == {r.base} (exported from the instance)"))
    try:  # a target driven by a child instance: the instance goes, the top computes the function
        from rtlopt.semantic import regfunc_inst

        out += regfunc_inst.candidates_for(texts, top, an)
    except Exception:  # noqa: BLE001 - no candidate from this emitter
        pass
    return out


def _cross_copy(texts, top, r: Relation, allregs, regs) -> dict[Path, str] | None:
    from rtlopt.semantic import crossinst

    tj, bj = regs[r.target], regs[r.base]
    tnames = sorted(n for n, j in allregs.items() if j == tj and "." not in n)
    bnames = sorted(n for n, j in allregs.items() if j == bj and n.count(".") == 1)
    for t in tnames:
        for b in bnames:
            got = crossinst.texts_with_export(texts, top, b)
            if got is None:
                continue
            t2, wire = got
            new = emit(t2, top, [Relation(t, r.width, 0, wire)])
            if new is not None:
                return new
    return None


def _keep_encoding(texts: dict[Path, str], names: set[str]) -> dict[Path, str] | None:
    """``texts`` with the FSM engine's keep-encoding attribute on each ``reg`` declaration statement
    of ``names`` (one declaration per name over all files, declaring only that name), or None."""
    from rtlopt.fsm.encode import KEEP_ENCODING_ATTR

    if not names:
        return None
    out = dict(texts)
    for nm in sorted(names):
        hits = []
        for p, t in out.items():
            for m in re.finditer(rf"^[ \t]*(reg\b[^;,]*?(?<![\w$]){re.escape(nm)}\s*;)", t, re.M):
                hits.append((p, m.start(1)))
        if len(hits) != 1:
            return None
        p, at = hits[0]
        t = out[p]
        if "(*" in t[t.rfind("\n", 0, at) + 1:at]:
            return None
        out[p] = t[:at] + KEEP_ENCODING_ATTR + t[at:]
    return out


def _local_sig(r: Relation) -> tuple:
    return (r.target.rpartition(".")[2], r.base.rpartition(".")[2] if r.base else None, r.k, r.sign, r.op,
            tuple((n.rpartition(".")[2], i) for n, i in r.bits), r.base2.rpartition(".")[2] if r.base2 else None,
            tuple((g[0].rpartition(".")[2], *g[1:]) for g in r.gate), r.plus2, r.mod, r.rot,
            r.table if r.op in ("tt", "ttz", "ttm") else 0)


def _describe(r: Relation) -> str:
    t = [f"{n}[{i}]" for n, i in r.bits]
    b = f"({r.base} {'+' if r.plus2 else '-'} {r.base2})" if r.base2 else r.base
    if r.op == "low":
        return f"{{{r.target}[{r.width - 1}], {b}{f' + {r.k}' if r.k else ''}}}"
    if r.op in ("or", "and"):
        e = f" {'|' if r.op == 'or' else '&'} ".join(t)
        return f"~({e})" if r.k else e
    if r.op in ("tt", "ttz", "ttm"):
        regs = list(dict.fromkeys(n for n, _ in r.bits)) + ([f"{r.target} != 0"] if r.op == "ttz" else [])
        sel = f" in bits {[i for i in range(r.width) if r.mod >> i & 1]}" if r.op == "ttm" else ""
        return f"table({', '.join(regs)}){sel}"
    if r.op == "cat":
        return f"{{{t[0]}, {b}}}"
    if r.op == "shr":
        return f"{b} >> {r.k}"
    if r.op == "mul":
        return f"{b} * {r.k}"
    if r.op == "modadd":
        return f"({b} + {r.k}) mod {r.mod}"
    if r.op == "therm":
        return f"{'~' if r.k else ''}(({1 + r.rot} << {b}) - 1)"
    if r.op == "dec":
        if r.k or r.rot:
            return f"{'~' if r.k else ''}(1 << ({b} + {r.rot}))" if r.rot else f"~(1 << {b})"
        g = " & ".join(f"{'!' if r.table >> x & 1 else ''}{n}" for x, n in enumerate(t))
        return f"{g} ? (1 << {b}) : 0" if t else f"1 << {b}"
    if r.op in ("bit", "nbit"):
        g = "".join(f"{n}[{i}] == {fv} ? {cv} : " for n, i, fv, cv in r.gate)
        return f"{g}{'!' if r.op == 'nbit' else ''}{b}[{r.k.bit_length() - 1}] (as {b} <= {r.k})"
    if r.op != "add":
        g = "".join(f"{n}[{i}] == {fv} ? {cv} : " for n, i, fv, cv in r.gate)
        return f"{g}({b} {_OPS[r.op]} {r.k})"
    if r.base2:
        return f"{r.k} + {b}" if r.k else b
    if r.base:
        return f"{r.k} {'+' if r.sign > 0 else '-'} {r.base}" if r.k else r.base
    return f"{r.k} + " * bool(r.k) + " + ".join(t)


def regfunc_candidates(state) -> list:
    """Search-loop generator: registers proven to be a function of other registers."""
    if not any(re.search(r"\b(posedge|negedge)\b", t) for t in state.texts.values()):
        return []
    try:
        return _regfunc_candidates(state)
    finally:
        with _RUN_LOCK:  # the shared simulation traces are not kept past the generator
            _RUN_CACHE.clear()


class _StepDeadline(Deadline):
    """The generator's deadline passed during one of its follow-up steps (a :class:`Deadline`: code
    that catches its own steps' deadlines treats it as one)."""


def _before(deadline: float | None, fn, /, *args, **kw) -> list:
    """``fn(*args, **kw)``, or [] when ``deadline`` (the round's generator window) has passed or passes
    while it runs. The register-function candidates found first are then still returned: before, a
    follow-up step still running at the window's end (with_regpred, 14 s wall at a load of 13 on a
    folded memory controller) got the whole generator interrupted, and 'busy == (state != 0)', found
    17 s earlier, was lost with it."""
    if deadline is None:
        return fn(*args, **kw)
    left = deadline - time.monotonic()
    if left <= 0:
        return []
    try:
        with time_limit(left, exc=_StepDeadline):
            return fn(*args, **kw)
    except _StepDeadline:
        return []


def _regfunc_candidates(state) -> list:
    from rtlopt.engine.candidate import Candidate

    deadline = getattr(state, "deadline", None)
    try:
        left = (deadline or float("inf")) - time.monotonic()
        got = candidates_for(dict(state.texts), state.design.top, timeout_s=max(2.0, min(30.0, left)))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        got = []
    # the follow-up analyses and variants: each only within the generator's window (see _before)
    try:  # vectors whose every bit is a comparison of another register (per-element decodes)
        from rtlopt.semantic import regfunc_vec

        left = (deadline or float("inf")) - time.monotonic()
        got += _before(deadline, regfunc_vec.candidates_for, dict(state.texts), state.design.top,
                       timeout_s=max(2.0, min(20.0, left)))
    except Exception:  # noqa: BLE001
        pass
    try:  # with the other registers' constant bits removed too (one round instead of two)
        from rtlopt.semantic import regfunc_seq

        got += _before(deadline, regfunc_seq.with_seqred, dict(state.texts), state.design.top, list(got),
                       deadline or float("inf"))
    except Exception:  # noqa: BLE001
        pass
    try:  # with the comparisons of a register that are functions of other registers' bits rewritten too
        from rtlopt.semantic import regfunc_seq

        got += _before(deadline, regfunc_seq.with_regpred, dict(state.texts), state.design.top, got[:1],
                       deadline or float("inf"))
    except Exception:  # noqa: BLE001
        pass
    try:  # with the other registers narrowed to their value ranges too (one round instead of two)
        from rtlopt.semantic import regfunc_seq

        got += _before(deadline, regfunc_seq.with_narrowing, dict(state.texts), state.design.top, list(got),
                       limit=3, deadline=deadline or float("inf"))
    except Exception:  # noqa: BLE001
        pass
    try:  # a register loaded with a function of other registers' next values
        from rtlopt.semantic import nextfunc

        got += _before(deadline, nextfunc.candidates_for, dict(state.texts), state.design.top)
    except Exception:  # noqa: BLE001
        pass
    try:  # constant elements of register arrays (seqred's facts, array-aware emitter)
        from rtlopt.semantic import memconst

        left = (deadline or float("inf")) - time.monotonic()
        got += _before(deadline, memconst.candidates_for, dict(state.texts), state.design.top,
                       timeout_s=max(2.0, min(30.0, left)))
    except Exception:  # noqa: BLE001
        pass
    try:  # registers of a child instance in lock step with flip-flops outside it (fed in on a port)
        from rtlopt.semantic import reglockstep

        left = (deadline or float("inf")) - time.monotonic()
        lock = _before(deadline, reglockstep.candidates_for, dict(state.texts), state.design.top,
                       timeout_s=max(2.0, min(20.0, left)))
        got += lock
        if lock:  # with one other register narrowed too, each: a shift block's bit counter fed from
            # the sequencer's, beside a 16-bit divider below 3; one at a time the narrowing wins the
            # first round and the lock step waits for a round the 90 s budget may not reach
            from rtlopt.semantic import regfunc_seq

            got += _before(deadline, regfunc_seq.with_narrowing, dict(state.texts), state.design.top, lock,
                           limit=1, deadline=deadline or float("inf"), each=True)
    except Exception:  # noqa: BLE001
        pass
    try:  # zero tests of a register (any depth) reading another register whose zero test agrees
        from rtlopt.semantic import regzero

        left = (deadline or float("inf")) - time.monotonic()
        got += _before(deadline, regzero.candidates_for, dict(state.texts), state.design.top,
                       timeout_s=max(2.0, min(20.0, left)))
    except Exception:  # noqa: BLE001
        pass
    out = []
    by_desc = {desc: new for new, desc in got}
    for new, desc in got:
        changed = [p for p in new if new[p] != state.texts[p]]
        if len(changed) != 1:
            continue
        p = changed[0]
        hints = {"file": str(p), "regfunc": desc}
        # a combination "X; then Y" built on candidate X's text: proven X first, then the rest against
        # X's text (the search's prove_staged: two small miters instead of one)
        cut = desc.rfind("; then ")
        while cut > 0:
            base = by_desc.get(desc[:cut])
            if base is not None and base.get(p) not in (None, new[p], state.texts[p]):
                hints["stage"] = base[p]
                # (the narrowing link keeps the automatic engine race: z3 alone proves an irrigation
                # timer's 32 -> 6 bits behind the valve decode in 11.5 s, but not an SPI divider's
                # 16 -> 2 behind the fed-in bit counter in 60 s, which ABC proves in 3.8 s)
                break
            cut = desc.rfind("; then ", 0, cut)
        out.append(Candidate(new[p], "template", (RULE,), f"register function: {desc}", hints))
    return out
