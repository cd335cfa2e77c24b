"""Registers of one child instance running in lock step with registers outside it (any module).

A register ``R`` of instance ``I`` (a direct child of the top) whose value in every reachable state is
a function of flip-flops outside ``I`` is redundant: an LFSR stored bit-reversed in a checker
(``r[i] == s[6-i]``), a reader index mirrored from a writer's (``ridx == 47 - widx``), a bank bit
that is the complement of another (``rbank == ~wbank``). The functions are

- per bit: ``R[i] == S[j]`` or ``R[i] == ~S[j]`` for any flip-flop bit outside ``I`` (a permutation
  of another register's bits with optional per-bit inversion; equal traces on every simulated
  state from reset);
- per word: ``R == k +/- S`` modulo ``2**W`` for a register ``S`` outside ``I`` (the relations
  :mod:`rtlopt.semantic.regfunc` already proves);
- per word plus one bit: ``R == k +/- S + b`` for ``S`` of R's width and one flip-flop ``b`` outside
  ``I`` (a rising-edge count is the falling-edge count plus the level seen last);
- per bit, a table: every bit of ``R`` is a Boolean function of a few bits of ONE register outside
  ``I`` (the sampled bit never differs between samples agreeing on those bits; the support is shrunk
  greedily): an LFSR seeded one step ahead is the next-state function of the other (``{s[5:0], s[6] ^
  s[5]}``), a mod-3 / mod-4 counter a function of a mod-12 one, a short timer ``max(t - 2, 0)`` of a
  long one. Indices never sampled are chosen to keep the expression small (Shannon expansion with
  literals and XOR recognised); the proof is over exactly that table (a ``fn`` relation).

Bit hypotheses are proven by induction together with the proven word relations (``regfunc.prove``,
Houdini; the bit relations are one-bit relations over synthetic one-flop registers). Names never
matter: instances, registers and their flip-flops come from the elaborated netlist.

Flip-flops named in several child instances (one register wired into both) are inputs of all but one:
they may be bases of the other registers of an instance that names them.

Emitting (a minimal source edit): the module of ``I`` gets one new input port per
replaced register, its procedural assignments to ``R`` go and ``always @* R = <port>;`` computes it
(:func:`rtlopt.semantic.regfunc.emit`); the instance connects the port to the function written with
top-level names of the kept flip-flops (``{state[0], state[1], ...}``, ``6'd47 - widx``). When a
kept register has no top-level name, its instance exports it first (:mod:`rtlopt.semantic.crossinst`).
A module instantiated more than once is first copied for ``I`` alone (``<module>_rtlopt_i<inst>``,
written after it; :mod:`rtlopt.engine.parampin` keeps such a copy out of pinning: only that instance
uses it, at the parameter values the proof covers).
The search loop measures and proves every candidate (from reset).
"""

from __future__ import annotations

import contextlib
import re
import time
from pathlib import Path

import numpy as np

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic import regfunc, seqsim


def _scope_regs(net: seqsim.GateNet) -> dict[str, dict[str, list[int]]]:
    """instance name -> {register leaf name: flop indices} for registers of direct child instances."""
    allregs = regfunc._all_registers(net)
    out: dict[str, dict[str, list[int]]] = {}
    for n, js in allregs.items():
        if n.count(".") != 1:
            continue
        inst, leaf = n.split(".")
        out.setdefault(inst, {})[leaf] = js
    return out


def _top_names(net: seqsim.GateNet) -> dict[int, list[tuple[str, int]]]:
    """flop index -> [(top-level name, bit)] of the top-scope names carrying that flop's output."""
    qi = net.q_index
    out: dict[int, list[tuple[str, int]]] = {}
    for n, bits in sorted(net.name_bits.items(), key=lambda kv: (len(kv[1]), kv[0])):  # narrowest first
        if "." in n or not re.fullmatch(r"[A-Za-z_][\w$]*", n):
            continue
        for i, b in enumerate(bits):
            if b in qi:
                out.setdefault(qi[b], []).append((n, i))
    return out


def _samples(net: seqsim.GateNet) -> np.ndarray:
    """The sampled states: regfunc's runs (the same simulations, shared: :func:`regfunc.samples`)."""
    return regfunc.samples(net)


def _local_possible(net: seqsim.GateNet) -> bool:
    """Whether some scope (the top or a direct child) names two registers on disjoint flip-flops (a
    local table needs a target and another register of its scope to read)."""
    scopes: dict[str, list[set[int]]] = {}
    for n, js in regfunc._all_registers(net).items():
        scope, _, leaf = n.rpartition(".")
        if not scope.count(".") and re.fullmatch(r"[A-Za-z_][\w$]*", leaf):
            scopes.setdefault(scope, []).append(set(js))
    return any(not a & b for sets in scopes.values() for i, a in enumerate(sets) for b in sets[i + 1:])


def hypotheses(net: seqsim.GateNet, an: regfunc.Analysis, bm: np.ndarray, consts=()):
    """{instance: {leaf: ("word", Relation) | ("bits", [(flop, inverted)]) | ("wordb", (S flops, sign, k,
    bit flop)) | ("fn", [[(support flops, table)] per fill of :data:`_FILLS`]) | ("cbits", [[(flop, inverted)
    candidates] per bit]) | ("min", (S flops, [k...])) | ("alt", [several of these])}}: per register of a child
    instance, a function of flip-flops outside that instance (not yet proven except the word form).
    ``consts``: integers written in the source (saturation limits ``min(S, k)`` tried)."""
    scopes = _scope_regs(net)
    regs = an.regs or {}
    key: dict[bytes, list[int]] = {}
    for j in range(bm.shape[0]):
        row = bm[j]
        if row.min() == row.max():
            continue
        key.setdefault(row.tobytes(), []).append(j)
    out: dict[str, dict[str, tuple]] = {}
    budget = [_SLOW_PAIRS]  # candidate pairs left for registers that never change when sampled
    named_in: dict[int, set[str]] = {}
    for inst, rs in scopes.items():
        for js in rs.values():
            for j in js:
                named_in.setdefault(j, set()).add(inst)
    # flip-flops without a name here (outside the scope of a nested view, :func:`_scoped`) are no bases
    qi = net.q_index
    unnamed = set(range(len(net.flops))) - {qi[b] for bits in net.name_bits.values() for b in bits if b in qi}
    for inst, rs in scopes.items():
        mine = {j for n, bits in net.name_bits.items() if n.startswith(inst + ".")
                for j in (net.q_index.get(b) for b in bits) if j is not None}
        # flip-flops named in several child instances are inputs to (at least) all but one of them: they
        # may be bases of this instance's other registers (which are then never their bases)
        shared = {j for j in mine if len(named_in.get(j, ())) > 1}
        owned = (mine - shared) | unnamed
        for leaf, js in rs.items():
            mine = owned | shared if set(js) & shared else owned
            got = None
            for r in an.relations:  # a proven word relation to a register outside the instance
                # (a difference or sum of two outside registers too: an interval count == now - last)
                b2 = not r.base2 or (r.sign > 0 and not set(regs[r.base2]) & mine and len(regs[r.base2]) == len(js))
                if r.op == "add" and r.base and b2 and not r.bits and r.target in regs \
                        and regs[r.target] == js and not set(regs[r.base]) & mine \
                        and len(regs[r.base]) == len(js) and (r.k or r.sign < 0 or r.base2):
                    got = ("word", r)
                    break
            if got is None:
                bits = []
                for j in js:
                    row = bm[j]
                    if row.min() == row.max():
                        break
                    eq = [i for i in key.get(row.tobytes(), []) if i not in mine]
                    inv = [i for i in key.get((1 - row).tobytes(), []) if i not in mine]
                    if eq:
                        bits.append((eq[0], 0))
                    elif inv:
                        bits.append((inv[0], 1))
                    else:
                        break
                else:
                    got = ("bits", bits)
            alts = [got] if got is not None else []
            if got is None:  # alternatives, all proven in one Houdini call (:func:`_resolve`)
                same = _equal_word_hypothesis(js, bm, net, mine)
                if same is not None:  # a plain copy first (its never-set high bits paired in order)
                    alts.append(same)
                slow = _slow_bits_hypothesis(js, bm, mine, key, budget)
                if slow is not None:
                    budget[0] -= sum(len(c) for c in slow[1])
                    alts.append(slow)
                sat = _min_hypothesis(js, bm, net, mine, consts)
                if sat is not None:
                    alts.append(("min", sat))
                dif = _diff_hypothesis(js, bm, net, mine)
                if dif is not None:
                    alts.append(("diff", dif))
                got = _wordbit_hypothesis(js, bm, net, mine, key)
                if got is None:
                    fns = _fn_variants(js, bm, _outside_words(net, mine, bm))
                    if fns is not None and any(sup for sup, _t in fns[0]):
                        got = ("fn", fns)
                if got is not None:
                    alts.append(got)
            if len(alts) == 1:
                out.setdefault(inst, {})[leaf] = alts[0]
            elif alts:
                out.setdefault(inst, {})[leaf] = ("alt", alts)
    return out


def _equal_word_hypothesis(js: list[int], bm: np.ndarray, net: seqsim.GateNet, mine: set[int]):
    """("bits", [(flop, 0)] per bit): ``R == S`` bit for bit for a register ``S`` of R's width outside the
    instance whose every bit has R's trace on every sample, R varying (a prescaler in several instances
    whose high bits never leave 0: the per-bit search skips constant bits, and pairing each of those with
    any constant flip-flop gives a scrambled copy or a saturated one); None when none fits."""
    rows = bm[js]
    if all(r.min() == r.max() for r in rows):
        return None
    for _n, sj in sorted(regfunc._registers(net).items()):
        if len(sj) == len(js) and not set(sj) & mine and np.array_equal(bm[sj], rows):
            return ("bits", [(i, 0) for i in sj])
    return None


#: Saturation limits at most tried per register (:func:`_min_hypothesis`).
_MIN_KS = 48


def _min_hypothesis(js: list[int], bm: np.ndarray, net: seqsim.GateNet, mine: set[int], consts,
                    within: set[int] | None = None):
    """(S flops, [k, ...]): ``R == min(S, k)`` (unsigned) on every sample for a register ``S`` of R's
    width outside the instance and constants ``k`` written in the source (a counter saturating at
    ``MTU + 1`` beside a length counter saturating at its all-ones: a random simulation rarely reaches
    the limit, so R may simply equal S on the samples); with a third item -1, ``R == k - min(S, k)`` (a
    down-counter loaded with k that stops at 0 beside an up-counter). ``within``: S's flip-flops must be
    among these (a register of the same module). None when none fits."""
    w = len(js)
    if w < 2 or w > 62 or not consts:
        return None
    m = (1 << w) - 1
    rv = _word_of(js, bm)
    if rv.min() == rv.max():
        return None
    ks = sorted(k for k in consts if int(rv.max()) <= k < m)
    ks_dn = sorted(k for k in consts if 0 < k < m and int(rv.max()) <= k)
    for _n, sj in sorted(regfunc._registers(net).items()):
        if len(sj) != w or set(sj) & mine or (within is not None and not set(sj) <= within):
            continue
        sv = _word_of(sj, bm)
        fits = [k for k in ks if np.array_equal(np.minimum(sv, k), rv)]
        if fits:
            return (list(sj), fits[:_MIN_KS])
        # a down-counter from k that stops at 0 beside an up-counter: R == k - min(S, k)
        fits = [k for k in ks_dn if np.array_equal(k - np.minimum(sv, k), rv)]
        if fits:
            return (list(sj), fits[:_MIN_KS], -1)
    return None


#: Registers of R's width at most paired (:func:`_diff_hypothesis`).
_DIFF_REGS = 16


def _diff_hypothesis(js: list[int], bm: np.ndarray, net: seqsim.GateNet, mine: set[int]):
    """(A flops, B flops, k): ``R == k + A - B`` (mod 2**W) on every sample for two registers ``A``, ``B``
    of R's width outside the instance (an up/down FIFO level beside the write and read pointers of
    sibling instances: level == wp - rp); None when no pair fits or R never changes."""
    w = len(js)
    if w < 2 or w > 62:
        return None
    rv = _word_of(js, bm)
    if rv.min() == rv.max():
        return None
    m = (1 << w) - 1
    words = [(list(sj), _word_of(sj, bm)) for _n, sj in sorted(regfunc._registers(net).items())
             if len(sj) == w and not set(sj) & mine and not set(sj) & set(js)][:_DIFF_REGS]
    words = [(sj, v) for sj, v in words if v.min() != v.max()]
    for a, av in words:
        for b, bv in words:
            if a == b:
                continue
            d = (rv - av + bv) & m
            if d.min() == d.max():
                return (a, b, int(d[0]))
    return None


#: Candidate (bit, partner) pairs at most, over the whole design, for register bits that never change
#: on the simulated states (:func:`_slow_bits_hypothesis`).
_SLOW_PAIRS = 600
#: Partners at most per such bit.
_SLOW_PER_BIT = 24


def _slow_bits_hypothesis(js: list[int], bm: np.ndarray, mine: set[int], key: dict[bytes, list[int]],
                          budget: list[int]):
    """("cbits", [[(flop, inverted), ...] per bit]): candidate partners outside the instance for every bit
    of a register some bit of which never changes on the samples (a frame counter advancing once per
    24000 cycles is not seen to move): such a bit may pair with any outside flip-flop that also kept
    one value (equal or inverted), a varying bit with its equal-trace partners; Houdini keeps the pairs
    that are inductive together. None when the register has no unchanging bit, some bit has no
    candidate, or the pair budget is spent."""
    rows = [bm[j] for j in js]
    if all(r.min() != r.max() for r in rows):
        return None
    cons: dict[int, list[int]] = {0: [], 1: []}
    for i in range(bm.shape[0]):
        if i not in mine and bm[i].min() == bm[i].max():
            cons[int(bm[i][0])].append(i)
    out = []
    for row in rows:
        if row.min() == row.max():
            v = int(row[0])
            c = [(i, 0) for i in cons[v]] + [(i, 1) for i in cons[1 - v]]
        else:
            c = [(i, 0) for i in key.get(row.tobytes(), []) if i not in mine] \
                + [(i, 1) for i in key.get((1 - row).tobytes(), []) if i not in mine]
        c = c[:_SLOW_PER_BIT]
        if not c:
            return None
        out.append(c)
    if sum(len(c) for c in out) > budget[0]:
        return None
    return ("cbits", out)


def _word_of(js: list[int], bm: np.ndarray) -> np.ndarray:
    v = np.zeros(bm.shape[1], dtype=np.int64)
    for i, j in enumerate(js):
        v |= bm[j].astype(np.int64) << i
    return v


def _wordbit_hypothesis(js: list[int], bm: np.ndarray, net: seqsim.GateNet, mine: set[int],
                        key: dict[bytes, list[int]]):
    """("wordb", (S flops, sign, k, bit flop, neg)): ``R == k + sign * S + b`` (``neg``: ``R == k + S - b``)
    modulo ``2**W`` for a register ``S`` of R's width and one flip-flop bit ``b``, both outside the
    instance, on every sample (a rising-edge count is the falling-edge count plus the current level, the
    falling-edge count the rising-edge count minus it); None when none fits."""
    w = len(js)
    if w < 2 or w > 62:
        return None
    m = (1 << w) - 1
    rv = _word_of(js, bm)
    for _n, sj in sorted(regfunc._registers(net).items()):
        if len(sj) != w or set(sj) & mine:
            continue
        sv = _word_of(sj, bm)
        for sign in (1, -1):
            d = (rv - sign * sv) & m
            vals = np.unique(d)
            if len(vals) != 2 or (int(vals[0]) + 1) & m != int(vals[1]) and (int(vals[1]) + 1) & m != int(vals[0]):
                continue
            k = int(vals[0]) if (int(vals[0]) + 1) & m == int(vals[1]) else int(vals[1])
            row = (d != k).astype(np.uint8)
            hit = [i for i in key.get(row.tobytes(), []) if i not in mine]
            if hit:
                return ("wordb", (list(sj), sign, k, hit[0], False))
            if sign > 0:  # R == (k + 1) + S - b: the bit set where the difference is k
                hit = [i for i in key.get((1 - row).tobytes(), []) if i not in mine]
                if hit:
                    return ("wordb", (list(sj), sign, (k + 1) & m, hit[0], True))
    return None


#: Widest register (flip-flops that vary when sampled) a target bit may be a table of.
_FN_WORD = 10
#: Support (flip-flops) at most of one target bit's table.
_FN_SUPPORT = 6


def _outside_words(net: seqsim.GateNet, mine: set[int], bm: np.ndarray) -> list[tuple[list[int], np.ndarray]]:
    """[(varying flops LSB first, sampled value per sample)] of the registers outside an instance (one
    entry per set of flip-flops, at most :data:`_FN_WORD` varying bits), narrowest first."""
    out, seen = [], set()
    for _n, js in sorted(regfunc._registers(net).items(), key=lambda kv: (len(kv[1]), kv[0])):
        if set(js) & mine:
            continue
        var = [j for j in js if bm[j].min() != bm[j].max()]
        if not var:
            continue
        if len(var) > _FN_WORD or tuple(var) in seen:
            continue
        seen.add(tuple(var))
        v = np.zeros(bm.shape[1], dtype=np.int64)
        for i, j in enumerate(var):
            v |= bm[j].astype(np.int64) << i
        out.append((var, v))
    return out


def _is_fn(v: np.ndarray, row: np.ndarray) -> bool:
    """Whether ``row`` (0/1 per sample) is one function of ``v`` (a value per sample)."""
    return not np.intersect1d(v[row == 0], v[row == 1], assume_unique=False).size


def _fn_hypothesis(js: list[int], bm: np.ndarray, words, fill: int | None = None
                   ) -> list[tuple[tuple[int, ...], int]] | None:
    """Per bit of the register ``js`` (LSB first): (support flops, truth table over them) such that the
    sampled bit is that table of the support on every sample (``support[0]`` the index's LSB; an empty
    support is a constant), the support a smallest-found subset of ONE register outside the instance
    (an LFSR one step ahead: ``{s[5:0], s[6] ^ s[5]}``; a mod-3 / mod-4 counter of a mod-12 one;
    ``max(s - 2, 0)`` of a down-counter); indices never sampled take the value that keeps the
    expression small (:func:`_shannon`), or the constant ``fill`` (0 / 1). None when some bit is not
    such a function."""
    cares = _fn_cares(js, bm, words)
    return None if cares is None else _fn_tables(cares, fill)


def _fn_cares(js: list[int], bm: np.ndarray, words) -> list[tuple[tuple[int, ...], dict[int, int]]] | None:
    """Per bit of ``js``: (support flops, {sampled index: value}) (:func:`_fn_hypothesis`)."""
    out = []
    for j in js:
        row = bm[j]
        if row.min() == row.max():
            out.append(((), {0: int(row[0])}))
            continue
        got = None
        for var, v in words:
            if not _is_fn(v, row):
                continue
            keep = list(range(len(var)))
            for b in reversed(range(len(var))):  # drop support bits the bit does not depend on
                trial = [x for x in keep if x != b]
                mask = sum(1 << x for x in trial)
                if _is_fn(v & mask, row):
                    keep = trial
            if len(keep) > _FN_SUPPORT:
                continue
            # the projected care set: index (over keep, LSB first) -> value
            idx = np.zeros_like(v)
            for t, x in enumerate(keep):
                idx |= ((v >> x) & 1) << t
            care = {}
            for a in np.unique(idx[row == 0]):
                care[int(a)] = 0
            for a in np.unique(idx[row == 1]):
                care[int(a)] = 1
            got = (tuple(var[x] for x in keep), care)
            break
        if got is None:
            return None
        out.append(got)
    return out


def _fn_tables(cares, fill: int | None) -> list[tuple[tuple[int, ...], int]]:
    """Full truth tables of :func:`_fn_cares`' bits, the indices never sampled chosen by
    :func:`_shannon` (``fill`` None) or all ``fill``."""
    out = []
    for sup, care in cares:
        if fill is not None:
            care = {m: care.get(m, fill) for m in range(1 << len(sup))}
        out.append((sup, _shannon(len(sup), care)[1]))
    return out


#: How a table's indices never sampled (unreachable) are filled, one variant each: chosen per bit to keep
#: that bit's expression small, all 0, all 1. A reader of several bits at once (``c == 2`` of a mod-3
#: count) can come out smaller with a constant fill than with per-bit choices; measurement decides.
_FILLS = (None, 0, 1)


def _fn_variants(js: list[int], bm: np.ndarray, words) -> list[list[tuple[tuple[int, ...], int]]] | None:
    """Distinct :func:`_fn_hypothesis` tables of ``js`` over :data:`_FILLS` (the Shannon choice first);
    None when some bit is not a table."""
    cares = _fn_cares(js, bm, words)
    if cares is None:
        return None
    out: list = []
    for f in _FILLS:
        t = _fn_tables(cares, f)
        if t not in out:
            out.append(t)
    return out


def _shannon(n: int, care: dict[int, int], names: list[str] | None = None) -> tuple[str, int]:
    """(expression, full truth table) of a function of ``n`` variables given on the ``care`` indices
    (others free), by Shannon expansion on the highest variable: constants, a literal ``x`` / ``~x``,
    ``x ^ f`` when the cofactors are complements on the cares, else ``x ? f1 : f0``. ``names[t]`` is
    the text of variable ``t`` (``v{t}`` when None)."""
    nm = names or [f"v{t}" for t in range(n)]
    full = (1 << (1 << n)) - 1

    def var_tt(t):
        return sum(1 << m for m in range(1 << n) if m >> t & 1)

    def rec(vs: list[int], cs: dict[int, int]) -> tuple[str, int]:
        vals = set(cs.values())
        if len(vals) <= 1:
            c = vals.pop() if vals else 0
            return ("1'b1" if c else "1'b0"), (full if c else 0)
        for t in vs:  # a literal
            if all(v == (m >> t & 1) for m, v in cs.items()):
                return nm[t], var_tt(t)
            if all(v != (m >> t & 1) for m, v in cs.items()):
                return f"~{nm[t]}", full & ~var_tt(t)
        t = vs[-1]
        rest = vs[:-1]
        c0 = {m: v for m, v in cs.items() if not m >> t & 1}
        c1 = {m & ~(1 << t): v for m, v in cs.items() if m >> t & 1}
        if not c1:
            return rec(rest, c0)
        if not c0:
            return rec(rest, c1)
        if all(m not in c0 or c0[m] != v for m, v in c1.items()) and set(c0) & set(c1):
            # complements wherever both are given: f = x ^ f0
            merged = dict(c0)
            for m, v in c1.items():
                merged.setdefault(m, 1 - v)
            e0, t0 = rec(rest, merged)
            vt = var_tt(t)
            return f"({nm[t]} ^ {e0})", (t0 ^ vt) & full
        e0, t0 = rec(rest, c0)
        e1, t1 = rec(rest, c1)
        if t0 == t1:
            return e0, t0
        vt = var_tt(t)
        return f"({nm[t]} ? {e1} : {e0})", ((t1 & vt) | (t0 & ~vt)) & full

    return rec(list(range(n)), care)


def prove_bits(net: seqsim.GateNet, an: regfunc.Analysis, hyps, timeout_s: float) -> set[tuple[int, int, int]]:
    """The proven (flop, base flop, inverted) bit relations among ``hyps`` (with the proven word
    relations as helpers)."""
    regs = dict(an.regs or {})
    rels = [r for r in an.relations if r.op in ("add", "ule")]
    pairs = {}
    for inst, rs in hyps.items():
        for leaf, (kind, h) in [(lf, hh) for lf, hy in rs.items()
                                for hh in (hy[1] if hy[0] == "alt" else [hy])]:
            if kind == "min":  # every limit
                js = _flops(an, net, inst, leaf)
                t, sn = f"\\lk_w{js[0]}", f"\\lk_s{h[0][0]}"
                regs[t], regs[sn] = list(js), list(h[0])
                sg = h[2] if len(h) > 2 else 1
                for k in h[1]:
                    pairs[regfunc.Relation(t, len(js), k, sn, sg, op="min")] = ("min", tuple(js), k)
                continue
            if kind == "fn":
                for var in h:  # every fill variant
                    for j, (sup, tt) in zip(_flops(an, net, inst, leaf), var, strict=True):
                        t = f"\\lk_t{j}"
                        regs[t] = [j]
                        for i in sup:
                            regs[f"\\lk_b{i}"] = [i]
                        rel = regfunc.Relation(t, 1, 0, op="fn", cmp="ne",
                                               bits=tuple((f"\\lk_b{i}", 0) for i in sup), table=tt)
                        pairs[rel] = (j, sup, tt)
                continue
            if kind == "diff":  # R == k + A - B
                aj, bj, k = h
                js = _flops(an, net, inst, leaf)
                t, sa, sb = f"\\lk_w{js[0]}", f"\\lk_s{aj[0]}", f"\\lk_s{bj[0]}"
                regs[t], regs[sa], regs[sb] = list(js), list(aj), list(bj)
                pairs[regfunc.Relation(t, len(js), k, sa, 1, base2=sb)] = ("diff", tuple(js))
                continue
            if kind == "wordb":
                sj, sign, k, bi, neg = h
                js = _flops(an, net, inst, leaf)
                t, sn, b = f"\\lk_w{js[0]}", f"\\lk_s{sj[0]}", f"\\lk_b{bi}"
                regs[t], regs[sn], regs[b] = list(js), list(sj), [bi]
                if neg:  # R == k + S - b, proven as S == R - k + b
                    rel = regfunc.Relation(sn, len(sj), (-k) % (1 << len(sj)), t, 1, ((b, 0),))
                else:
                    rel = regfunc.Relation(t, len(js), k, sn, sign, ((b, 0),))
                pairs[rel] = ("wordb", tuple(js))
                continue
            if kind == "cbits":  # every candidate partner of every bit, and the bit being constant
                for j, cands in zip(_flops(an, net, inst, leaf), h, strict=True):
                    t = f"\\lk_t{j}"
                    regs[t] = [j]
                    for k in (0, 1):
                        pairs[regfunc.Relation(t, 1, k)] = ("const", j, k)
                    for i, inv in cands:
                        b = f"\\lk_b{i}"
                        regs[b] = [i]
                        pairs[regfunc.Relation(t, 1, 1 if inv else 0, b, -1 if inv else 1)] = (j, i, inv)
                continue
            if kind != "bits":
                continue
            for j, (i, inv) in zip(_flops(an, net, inst, leaf), h, strict=True):
                t, b = f"\\lk_t{j}", f"\\lk_b{i}"
                regs[t], regs[b] = [j], [i]
                rel = regfunc.Relation(t, 1, 1 if inv else 0, b, -1 if inv else 1)
                pairs[rel] = (j, i, inv)
    if not pairs:
        return set()
    got = regfunc.prove(net, regs, rels + list(pairs), timeout_s=timeout_s)
    return {pairs[r] for r in got if r in pairs}


def _flops(an, net, inst, leaf) -> list[int]:
    return _scope_regs(net)[inst][leaf]


def _fn_expr(h: list[tuple[tuple[int, ...], int]], topn: dict[int, list[tuple[str, int]]],
             net: seqsim.GateNet, wires: dict[str, list[int]] | None = None, scope: str = "") -> str | None:
    """``{f_{w-1}, ..., f_0}`` (one bit alone unbraced) of per-bit tables over top-level names of their
    support flip-flops (:func:`_shannon`'s forms); None when a support flop has no top-level name."""
    pre = scope + "." if scope else ""
    widths = {n[len(pre):]: len(b) for n, b in net.name_bits.items() if n.startswith(pre)} \
        | {n: len(fl) for n, fl in (wires or {}).items()}
    parts = []
    for sup, tt in reversed(h):
        names = []
        for j in sup:
            if j not in topn:
                return None
            n, i = topn[j][0]
            names.append(f"{n}[{i}]" if widths.get(n, 1) > 1 else n)
        care = {m: tt >> m & 1 for m in range(1 << len(sup))}
        e, t2 = _shannon(len(sup), care, names)
        if t2 != tt:
            return None
        parts.append(e)
    return parts[0] if len(parts) == 1 else "{" + ", ".join(parts) + "}"


def _top_expr(js_bits: list[tuple[int, int]], topn: dict[int, list[tuple[str, int]]],
              net: seqsim.GateNet, wires: dict[str, list[int]] | None = None) -> str | None:
    """``{[~]a[i], ...}`` (MSB first) of top-level names for (flop, inverted) per bit, LSB first;
    consecutive runs of one name with no inversion are written as part selects."""
    js = [j for j, _v in js_bits]
    if not any(v for _j, v in js_bits):  # a top-level name of exactly these flip-flops
        qi = net.q_index
        for n, bits in sorted(net.name_bits.items()):
            if "." in n:
                continue
            if [qi.get(b) for b in bits] == js:
                return n
        for n, fl in sorted((wires or {}).items()):
            if fl == js:
                return n
    widths = {n: len(b) for n, b in net.name_bits.items()} | {n: len(fl) for n, fl in (wires or {}).items()}
    terms: list[tuple[str, int, int]] = []
    for j, inv in js_bits:
        if j not in topn:
            return None
        n, i = topn[j][0]
        terms.append((n, i, inv))
    if all(not v for _n, _i, v in terms) and len({n for n, _i, _v in terms}) == 1 \
            and [i for _n, i, _v in terms] == list(range(len(terms))):
        n = terms[0][0]
        return n if len(terms) == widths.get(n, len(terms)) else f"{n}[{len(terms) - 1}:0]"
    parts = [f"{'~' if inv else ''}{n}" + (f"[{i}]" if widths[n] > 1 else "")
             for n, i, inv in reversed(terms)]
    return parts[0] if len(parts) == 1 else "{" + ", ".join(parts) + "}"



#: Suffix of a module copied for one instance (:func:`_uniquify`; rtlopt.engine.parampin accepts it).
CLONE = "_rtlopt_i"


def _uniquify(texts: dict[Path, str], top: str, inst: str) -> dict[Path, str] | None:
    """``texts`` unchanged when the module of ``top.inst`` is instantiated once, else with a copy of
    that module (named ``<module>_rtlopt_i<inst>``, written after it) that the instance uses instead,
    so registers of this instance alone can be replaced; None when the shape is not recognised."""
    from rtlopt.semantic.crossinst import child_site

    if child_site(texts, top, inst, once=True) is not None:
        return texts
    site = child_site(texts, top, inst)
    if site is None:
        return None
    n, ds, _ports, paths, fm, fi, mtext = site
    name = n.definition.name
    clone = f"{name}{CLONE}{inst}"
    if any(re.search(rf"(?<![\w$]){re.escape(clone)}(?![\w$])", t) for t in texts.values()):
        return None
    ms, me = ds.sourceRange.start.offset, ds.sourceRange.end.offset
    body = mtext[ms:me]
    hm = re.match(rf"(\s*(?:module|macromodule)\s+){re.escape(name)}(?![\w$])", body)
    if hm is None:
        return None
    copy = body[:hm.start()] + hm.group(1) + clone + body[hm.end():]
    itext = texts[paths[fi]]
    s0 = n.syntax.sourceRange.start.offset
    semi = max(itext.rfind(";", 0, s0), itext.rfind("endmodule", 0, s0), 0)
    tm = None
    for m in re.finditer(rf"(?<![\w$.]){re.escape(name)}(?![\w$])", itext[semi:s0]):
        tm = m
    if tm is None:
        return None
    gap = itext[semi + tm.end():s0]
    if gap.count("(") != gap.count(")") or re.sub(r"\([^;]*\)", "", gap).strip(" \t\r\n#"):
        return None  # not the statement's first (only) instance
    ta, tb = semi + tm.start(), semi + tm.end()
    out = dict(texts)
    if fm == fi:
        out[paths[fm]] = apply_edits(mtext, [Edit(me, me, "\n\n" + copy), Edit(ta, tb, clone)])
    else:
        out[paths[fm]] = apply_edits(mtext, [Edit(me, me, "\n\n" + copy)])
        out[paths[fi]] = apply_edits(itext, [Edit(ta, tb, clone)])
    return out


def _add_input(texts: dict[Path, str], top: str, inst: str, width: int, conn: str,
               prefix: str) -> tuple[dict[Path, str], str] | None:
    """``texts`` with a new input port on the module of ``inst`` (a direct child of ``top``, that
    module instantiated once) connected to ``conn`` at the instance: (texts, port name)."""
    from rtlopt.semantic.crossinst import after_last_port, apply_site_edits, child_site

    site = child_site(texts, top, inst, once=True)
    if site is None:
        return None
    n, ds, ports, paths, fm, fi, mtext = site
    body = mtext[ds.sourceRange.start.offset:ds.sourceRange.end.offset]
    k = 0
    while re.search(rf"(?<![\w$]){prefix}{k}_i(?![\w$])", body):
        k += 1
    port = f"{prefix}{k}_i"
    rng = f"[{width - 1}:0] " if width > 1 else ""
    cp = ports.closeParen.range.start.offset
    at = after_last_port(mtext, cp)
    eds_m = [Edit(at, at, f",\n  input wire {rng}{port}")]
    itext = texts[paths[fi]]
    s0, e0 = n.syntax.sourceRange.start.offset, n.syntax.sourceRange.end.offset
    if not itext[:e0].rstrip().endswith(")"):
        return None
    close = itext.rfind(")", s0, e0)
    eds_i = [Edit(close, close, f", .{port}({conn})")]
    out = apply_site_edits(texts, site, eds_m, eds_i)
    return None if out is None else (out, port)


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 30.0,
                   max_cands: int = 2) -> list[tuple[dict[Path, str], str]]:
    """[(new texts, description)]: per child instance, its registers proven to be functions of
    flip-flops outside it, fed in on new input ports."""
    t0 = time.monotonic()
    an = regfunc.analysis_for(texts, top, timeout_s)
    net = an.net
    if net is None or an.regs is None or len(net.flops) > regfunc._DEEP_FLOPS:
        return []
    cross, local = bool(_scope_regs(net)), _local_possible(net)
    if not cross and not local:  # no child-instance register, no two registers in one scope: no sampling
        return []
    bm = _samples(net)
    out = _cross_candidates(texts, top, an, net, bm, t0, timeout_s, max_cands) if cross else []
    if not out:  # sibling instances one level down or deeper (the parent module's scope)
        with contextlib.suppress(Exception):
            out += _nested_candidates(texts, top, an, net, bm, t0, timeout_s, max_cands)
    if not out and _partly_dead(net) and time.monotonic() - t0 < 0.5 * timeout_s:
        # a register some bits of which nothing reads (a FIFO pointer's wrap bit beside a level counter):
        # those flip-flops are gone from the netlist, and the register they make up with the rest may be
        # what another register is a function of; look again with every register kept
        with contextlib.suppress(Exception):
            net2 = seqsim.load_texts(texts, top, timeout=max(2.0, timeout_s - (time.monotonic() - t0)),
                                     keep_regs=True)
            if len(net2.flops) > len(net.flops) and len(net2.flops) <= regfunc._DEEP_FLOPS:
                an2 = regfunc.analyze_texts(texts, top, max(2.0, timeout_s - (time.monotonic() - t0)), net=net2)
                if an2.net is not None and an2.regs is not None:
                    bm2 = _samples(net2)
                    if _scope_regs(net2):
                        out += _cross_candidates(texts, top, an2, net2, bm2, t0, timeout_s, max_cands)
                    if not out:
                        out += _nested_candidates(texts, top, an2, net2, bm2, t0, timeout_s, max_cands)
    with contextlib.suppress(Exception):  # a shape the emitter does not know
        out += [] if not local else local_candidates(texts, top, an, net, bm, max(2.0, timeout_s - (time.monotonic() - t0)))
    return out


def _partly_dead(net: seqsim.GateNet) -> bool:
    """Whether a register name holds flip-flop bits beside bits that are no flip-flop (removed as
    unread: a pointer's wrap bit nothing reads), or an instance without a flip-flop has a sibling
    instance with flip-flops whose names include all of its names (two counters of one module, one of
    which nothing reads: its register is gone from the netlist, its port names are left)."""
    qi = net.q_index
    leaves: dict[str, set[str]] = {}
    flopped: set[str] = set()
    for n, bits in net.name_bits.items():
        scope, _, leaf = n.rpartition(".")
        if not scope:
            continue  # the top's own names: no instance to feed
        fl = [b in qi for b in bits]
        if any(fl) and not all(fl) and all(b in qi or b > 1 for b in bits):
            return True
        leaves.setdefault(scope, set()).add(leaf)
        if any(fl):
            flopped.add(scope)
    for sc, ls in leaves.items():
        if sc in flopped:
            continue
        par = sc.rpartition(".")[0]
        if any(o in flopped and o.rpartition(".")[0] == par and ls <= leaves[o] for o in leaves):
            return True
    return False


#: Nested parent scopes at most tried (:func:`_nested_candidates`).
_NESTED_PARENTS = 2


def _scoped(net: seqsim.GateNet, parent: str) -> seqsim.GateNet:
    """A view of ``net`` named from instance ``parent``'s scope: its names with the ``parent.`` prefix
    dropped, every name outside it gone (those flip-flops cannot be read there)."""
    from dataclasses import replace

    pre = parent + "."
    nb = {n[len(pre):]: b for n, b in net.name_bits.items() if n.startswith(pre)}
    names = {s: [(n[len(pre):], i) for n, i in v if n.startswith(pre)] for s, v in net.names.items()}
    return replace(net, name_bits=nb, names={s: v for s, v in names.items() if v})


def _nested_candidates(texts, top, an, net, bm, t0, timeout_s, max_cands):
    """:func:`_cross_candidates` inside an instance ``P`` below the top whose module is instantiated once
    and holds two or more child instances with registers (a FIFO controller's pointer and level
    counters one level down): the hypotheses, proofs and simulations are the whole design's (its real
    parameter values), the names and the edit are ``P``'s module's (its instance ports)."""
    from pyslang import ast, syntax

    from rtlopt.hdl.project import top_compilation

    kids: dict[str, set[str]] = {}
    for n in regfunc._all_registers(net):
        parts = n.split(".")
        if len(parts) >= 3:
            kids.setdefault(".".join(parts[:-2]), set()).add(parts[-2])
    parents = [p for p, ks in sorted(kids.items(), key=lambda kv: (kv[0].count("."), kv[0])) if len(ks) >= 2]
    if not parents:
        return []
    comp = top_compilation(top)
    for p in texts:
        comp.addSyntaxTree(syntax.SyntaxTree.fromText(texts[p], str(p)))
    mods: dict[str, str] = {}
    defs: dict[str, int] = {}

    def visit(n):
        if type(n).__name__ == "InstanceSymbol":
            hp = n.hierarchicalPath
            if hp.startswith(top + "."):
                mods[hp[len(top) + 1:]] = n.definition.name
            defs[n.definition.name] = defs.get(n.definition.name, 0) + 1
        return ast.VisitAction.Advance

    comp.getRoot().visit(visit)
    out = []
    for par in parents[:_NESTED_PARENTS]:
        if time.monotonic() - t0 > timeout_s:
            break
        m = mods.get(par)
        if m is None or defs.get(m) != 1:
            continue
        out += _cross_candidates(texts, top, an, _scoped(net, par), bm, t0, timeout_s, max_cands, par + ".")
        if out:
            break
    return out


def _cross_candidates(texts, top, an, net, bm, t0, timeout_s, max_cands, pre: str = ""):
    hyps = hypotheses(net, an, bm, regfunc.mined_constants(list(texts.values())))
    if not hyps:
        return []
    proven = prove_bits(net, an, hyps, max(2.0, timeout_s - (time.monotonic() - t0)))
    hyps = _resolve(net, hyps, proven)
    out = []
    firsts = []  # (instance, its hypotheses, fills) of each instance's first candidate
    insts = 0
    topn = _top_names(net)
    scopes = _scope_regs(net)

    def visible(item):  # instances whose redundant registers the top never names come first
        inst, rs = item
        return (sum(any(j in topn for j in scopes[inst][leaf]) for leaf in rs), inst)

    for inst, rs in sorted(hyps.items(), key=visible):
        # the fill variants of table registers whose every bit is proven; one candidate per variant
        fills = {leaf: [v for v in h if all((j, sup, tt) in proven for j, (sup, tt)
                                            in zip(_scope_regs(net)[inst][leaf], v, strict=True))]
                 for leaf, (kind, h) in rs.items() if kind == "fn"}
        seen: set[str] = set()
        for choice in range(max([len(v) for v in fills.values()] + [1])):
            got = _inst_candidate(texts, top, an, net, inst, rs, proven, fills, choice, pre)
            if got is None or got[1] in seen:
                continue
            seen.add(got[1])
            out.append(got)
            if choice == 0:
                firsts.append((inst, rs, fills))
        insts += bool(seen)
        if insts >= max_cands:
            break
    both = _combined(texts, top, an, net, firsts, proven, pre) if len(firsts) > 1 else None
    return ([both] if both is not None else []) + out


def _combined(texts, top, an, net, firsts, proven, pre: str = ""):
    """One candidate feeding the registers of every instance in ``firsts`` at once (each instance's
    first candidate, applied one after the other with shared exports), or None. Per instance, one
    flip-flop each: two stage flags equal to the inverses of a sibling delay line's first two taps (the
    line's last tap has no partner: the last flag is unread) are two candidates of one flop; together
    they remove both. Only plain per-bit copies, and no instance reads a flip-flop another one drops
    (no loop through the new ports)."""
    scopes = _scope_regs(net)
    dropped: set[int] = set()
    bases: set[int] = set()
    for inst, rs, _f in firsts:
        for leaf, (kind, h) in rs.items():
            if kind != "bits":
                return None
            dropped |= set(scopes[inst][leaf])
            bases |= {i for i, _v in h}
    if dropped & bases:
        return None
    cur, descs = texts, []
    exported = (_top_names(net), {})
    for inst, rs, fills in firsts:
        got = _inst_candidate(cur, top, an, net, inst, rs, proven, fills, 0, pre, exported)
        if got is None:
            return None
        cur = got[0]
        descs.append(got[1].removesuffix(" (lock step, fed from outside the instance)"))
    return cur, "; ".join(descs) + " (lock step, fed from outside the instances)"


def _resolve(net, hyps, proven):
    """``hyps`` with every list of alternatives ("alt") and every "min" replaced by one proven form:
    a plain copy (word, bits, slow bits) first, then a saturated copy ("minp", (S flops, k)) for the
    smallest proven limit (usually smaller than a table), then the others (k +/- S + b, tables); the
    last alternative when none is proven (its candidate is then skipped)."""
    out = {}
    for inst, rs in hyps.items():
        for leaf, (kind, h) in rs.items():
            alts = h if kind == "alt" else [(kind, h)]
            js = _scope_regs(net)[inst][leaf]
            pick = None
            for tier in (("word", "bits", "cbits"), ("min",), ("diff", "wordb", "fn")):
                for a in alts:
                    if a[0] not in tier:
                        continue
                    if a[0] == "min":
                        k = next((k for k in a[1][1] if ("min", tuple(js), k) in proven), None)
                        if k is not None:
                            pick = ("minp", (a[1][0], k, a[1][2] if len(a[1]) > 2 else 1))
                    elif _fully_proven(js, a, proven):
                        pick = a
                    if pick is not None:
                        break
                if pick is not None:
                    break
            if pick is None:
                pick = next((a for a in reversed(alts) if a[0] != "min"), None)
            if pick is not None:
                out.setdefault(inst, {})[leaf] = pick
    return out


def _fully_proven(js, hyp, proven) -> bool:
    kind, h = hyp
    if kind == "word":
        return True
    if kind == "bits":
        return all((j, i, v) in proven for j, (i, v) in zip(js, h, strict=True))
    if kind == "cbits":
        return all(any((j, *c) in proven for c in cands) for j, cands in zip(js, h, strict=True)) \
            and not all(("const", j, 0) in proven or ("const", j, 1) in proven for j in js)
    if kind in ("wordb", "diff"):
        return (kind, tuple(js)) in proven
    if kind == "fn":
        return any(all((j, sup, tt) in proven for j, (sup, tt) in zip(js, v, strict=True)) for v in h)
    return False


def _inst_candidate(texts, top, an, net, inst, rs, proven, fills, choice, pre: str = "", exported=None):
    """(new texts, description) feeding instance ``inst``'s proven registers in on new ports (table
    registers with their fill variant ``choice``, else their last proven one), or None. ``pre``: the
    path of the parent instance (``net`` a view of its scope, :func:`_scoped`): ``inst`` is edited as
    ``top.<pre><inst>``, with names of the parent's module. ``exported``: (top names, exported wires)
    shared with an earlier call whose texts these are (:func:`_combined`: its exports are reused)."""
    px = pre + inst
    regs = an.regs
    topn, wires = exported if exported is not None else (_top_names(net), {})
    cur = _uniquify(dict(texts), top, px)
    if cur is None:
        return None
    descs = []
    rels = []
    ports: dict[str, str] = {}
    done: set[tuple[int, ...]] = set()
    for leaf, (kind, h) in sorted(rs.items()):
        js = _scope_regs(net)[inst][leaf]
        if tuple(js) in done:
            continue  # another name of flip-flops already fed in
        # an alias of the register (an output port wire assigned from it) is not what to replace
        try:
            real = regfunc.emit(cur, top, [regfunc.Relation(f"{px}.{leaf}", len(js), 0, f"{px}.{leaf}")])
        except Exception:  # noqa: BLE001
            real = None
        # a wire driven by the one connected output of an instance nested in ``inst`` (an LFSR two levels
        # down): that instance goes and the wire takes the new port
        nested = real is None and _drop_nested(cur, top, px, leaf, "rtlopt_probe") is not None
        if real is None and not nested:
            continue
        if kind == "fn":
            if not fills.get(leaf):
                continue
            h = fills[leaf][min(choice, len(fills[leaf]) - 1)]
            cur = _export_missing(cur, top, net, inst, sorted({i for sup, _t in h for i in sup}), topn, wires, pre)
            et = _fn_expr(h, topn, net, wires)
        elif kind == "minp":
            sj, k, sg = h
            cur = _export_missing(cur, top, net, inst, list(sj), topn, wires, pre)
            es = _top_expr([(i, 0) for i in sj], topn, net, wires)
            if es is None:
                continue
            kt = f"{len(js)}'d{k}"
            # sign -1: k - min(S, k), spelled as 'S > k ? 0 : k - S'
            et = f"(({es} > {kt}) ? {kt} : {es})" if sg > 0 else f"(({es} > {kt}) ? {len(js)}'d0 : {kt} - {es})"
        elif kind == "diff":
            aj, bj, k = h
            if ("diff", tuple(js)) not in proven:
                continue
            cur = _export_missing(cur, top, net, inst, list(aj) + list(bj), topn, wires, pre)
            ea = _top_expr([(i, 0) for i in aj], topn, net, wires)
            eb = _top_expr([(i, 0) for i in bj], topn, net, wires)
            if ea is None or eb is None:
                continue
            et = f"{ea} - {eb}" + (f" + {len(js)}'d{k}" if k else "")
        elif kind == "wordb":
            sj, sign, k, bi, neg = h
            if ("wordb", tuple(js)) not in proven:
                continue
            cur = _export_missing(cur, top, net, inst, list(sj) + [bi], topn, wires, pre)
            es = _top_expr([(i, 0) for i in sj], topn, net, wires)
            eb = _top_expr([(bi, 0)], topn, net, wires)
            if es is None or eb is None:
                continue
            w = len(js)
            kt = f"{w}'d{k} + " if k else ""
            et = f"{kt}{es} - {eb}" if neg else f"{kt}{es} + {eb}" if sign > 0 else f"{w}'d{k} - {es} + {eb}"
        elif kind in ("bits", "cbits"):
            if kind == "cbits":  # the first proven partner of each bit; not a register proven constant
                if all(("const", j, 0) in proven or ("const", j, 1) in proven for j in js):
                    continue  # constant from reset: sequential redundancy's
                h = [next((c for c in cands if (j, *c) in proven), None) for j, cands in zip(js, h, strict=True)]
                if any(c is None for c in h):
                    continue
            if any((j, i, v) not in proven for j, (i, v) in zip(js, h, strict=True)):
                continue
            cur = _export_missing(cur, top, net, inst, [i for i, _v in h], topn, wires, pre)
            et = _top_expr(h, topn, net, wires)
        else:
            base = regs[h.base]
            cur = _export_missing(cur, top, net, inst, base, topn, wires, pre)
            et0 = _top_expr([(i, 0) for i in base], topn, net, wires)
            if et0 is None:
                continue
            w = len(js)
            k = h.k % (1 << w)
            if h.base2:
                cur = _export_missing(cur, top, net, inst, regs[h.base2], topn, wires, pre)
                et1 = _top_expr([(i, 0) for i in regs[h.base2]], topn, net, wires)
                if et1 is None:
                    continue
                et = f"{et0} {'+' if h.plus2 else '-'} {et1}" + (f" + {w}'d{k}" if k else "")
            elif h.sign > 0:
                et = f"{w}'d{k} + {et0}"
            elif k == (1 << w) - 1:
                et = f"~{et0}"
            else:
                et = f"{w}'d{k} - {et0}"
        if et is None:
            continue
        got = _add_input(cur, top, px, len(js), et, "rtlopt_lock_")
        if got is not None and nested:
            got = (_drop_nested(got[0], top, px, leaf, got[1]), got[1])
            if got[0] is None:
                continue
        if got is None:
            continue
        cur, port = got
        done.add(tuple(js))
        if nested:
            descs.append(f"'{px}.{leaf}' == {et} (its nested instance dropped)")
            continue
        # spelled as a self copy (the new port has no occurrence the source model knows yet): the
        # emitted right-hand side is then replaced by the port
        rels.append(regfunc.Relation(f"{px}.{leaf}", len(js), 0, f"{px}.{leaf}"))
        ports[leaf] = port
        descs.append(f"'{px}.{leaf}' == {et}")
    if not descs:
        return None
    try:
        new = regfunc.emit(cur, top, rels) if rels else cur
    except Exception:  # noqa: BLE001 - a source shape the emitter does not know
        new = None
    if new is not None and rels:
        new = _rhs_to_ports(cur, new, ports)
    if new is not None and wires:
        new = _declare_before_use(new, list(wires))
    if new is None:
        return None
    return new, "; ".join(descs) + " (lock step, fed from outside the instance)"


def _drop_nested(texts: dict[Path, str], top: str, inst: str, leaf: str, port: str) -> dict[Path, str] | None:
    """``texts`` with the instance nested in the module of ``top.inst`` (instantiated once) whose output
    ports drive only the net ``leaf`` (as a whole) removed, and ``assign leaf = port;`` added before
    ``endmodule``; None when no such single instance is found (or ``leaf`` is read by it)."""
    from pyslang import syntax

    from rtlopt.semantic import instmux
    from rtlopt.semantic.crossinst import child_site
    from rtlopt.semantic.regfunc_inst import _line_removal

    site = child_site(texts, top, inst, once=True)
    if site is None:
        return None
    text, ds = site.mtext, site.decl
    trees = [(p, syntax.SyntaxTree.fromText(t, str(p))) for p, t in texts.items()]
    dirs = instmux._port_dirs(trees)
    word = re.compile(rf"(?<![\w$.]){re.escape(leaf)}(?![\w$])")
    hits = []
    for it in ds.members:
        if instmux._kind(it) != "HierarchyInstantiationSyntax":
            continue
        ports = dirs.get(it.type.valueText)
        insts = [hi for hi in it.instances if instmux._kind(hi) == "HierarchicalInstanceSyntax"]
        for hi in insts:
            a, b = instmux._span(text, hi)
            conns = instmux._conns(text, hi, ports) if ports is not None else None
            if conns is None:
                if word.search(text[a:b]) or (ports is None and re.search(r"\.\*", text[a:b])):
                    return None
                continue
            pdir = dict(ports)
            outs = {pn: (pn if c is None else c[2].strip()) for pn, c in conns.items()
                    if pdir.get(pn) in ("output", "inout")}
            ins = [c[2] for pn, c in conns.items() if c is not None and pn not in outs]
            if leaf not in outs.values():
                continue
            if any(pdir.get(pn) == "inout" for pn in outs) or any(n and n != leaf for n in outs.values()) \
                    or any(word.search(e) for e in ins) or len(insts) != 1:
                return None
            hits.append(it)
    if len(hits) != 1:
        return None
    end = ds.endmodule.location.offset if hasattr(ds.endmodule, "location") else None
    if end is None:
        return None
    ls = text.rfind("\n", 0, end) + 1
    if text[ls:end].strip():
        ls = end
    mm = re.search(r"^([ \t]+)(assign|always|wire|logic|reg)\b", text[ds.sourceRange.start.offset:end], re.M)
    ind = mm.group(1) if mm else "  "
    a, b = instmux._span(text, hits[0])
    try:
        new = apply_edits(text, [_line_removal(text, a, b), Edit(ls, ls, f"{ind}assign {leaf} = {port};\n")])
    except ValueError:
        return None
    out = dict(texts)
    out[site.paths[site.fm]] = new
    return out


def _scope_names(net: seqsim.GateNet, scope: str) -> dict[int, list[tuple[str, int]]]:
    """flop index -> [(name local to ``scope``, bit)] (``scope`` "" is the top), narrowest first."""
    qi = net.q_index
    pre = scope + "." if scope else ""
    out: dict[int, list[tuple[str, int]]] = {}
    for n, bits in sorted(net.name_bits.items(), key=lambda kv: (len(kv[1]), kv[0])):
        if not n.startswith(pre):
            continue
        leaf = n[len(pre):]
        if "." in leaf or not re.fullmatch(r"[A-Za-z_][\w$]*", leaf):
            continue
        for i, b in enumerate(bits):
            if b in qi:
                out.setdefault(qi[b], []).append((leaf, i))
    return out


def _dedupe(bm: np.ndarray) -> np.ndarray:
    """``bm`` with repeated samples (columns) dropped: the functional checks only need distinct states."""
    packed = np.ascontiguousarray(np.packbits(bm, axis=0).T)
    _u, idx = np.unique(packed.view(np.dtype((np.void, packed.shape[1]))).ravel(), return_index=True)
    return bm[:, np.sort(idx)]


def _local_min_candidates(texts, top, an, net, bm, scopes, done_targets, timeout_s, max_cands: int = 2):
    """[(new texts, description)]: a register of a module (the top or a direct child) that is
    ``min(S, k)`` or ``k - min(S, k)`` of another register ``S`` of that module on every sample (k a
    constant of the source: a saturating copy, a down-counter loaded with k that stops at 0 beside the
    up-counter counting the same events), proven by induction (:func:`regfunc.prove`), computed from
    ``S`` by ``always @* R = ...``."""
    consts = regfunc.mined_constants(list(texts.values()))
    if not consts:
        return []
    hyps = []
    t0 = time.monotonic()
    for scope, regs in sorted(scopes.items()):
        flops = {j for js in regs for j in js}
        for js, n in sorted(regs.items(), key=lambda kv: kv[1])[:_LOCAL_TARGETS]:
            if time.monotonic() - t0 > 0.2 * timeout_s:
                break
            if js in done_targets or not 2 <= len(js) <= 32:
                continue
            h = _min_hypothesis(list(js), bm, net, set(js), consts, within=flops - set(js))
            if h is not None and tuple(h[0]) in regs:
                hyps.append((scope, n, list(js), h))
    if not hyps:
        return []
    rregs = dict(an.regs or {})
    rels = [r for r in an.relations if r.op in ("add", "ule")]
    pairs = {}
    for _scope, _n, js, (sj, ks, *sg) in hyps:
        t, sn = f"\\lk_w{js[0]}", f"\\lk_s{sj[0]}"
        rregs[t], rregs[sn] = list(js), list(sj)
        for k in ks:
            pairs[regfunc.Relation(t, len(js), k, sn, sg[0] if sg else 1, op="min")] = (tuple(js), k)
    got = regfunc.prove(net, rregs, rels + list(pairs), timeout_s=max(2.0, 0.3 * timeout_s))
    proven = {pairs[r] for r in got if r in pairs}
    out = []
    for scope, n, js, (sj, ks, *sg) in hyps:
        k = next((k for k in ks if (tuple(js), k) in proven), None)
        if k is None:
            continue
        cur = _uniquify(dict(texts), top, scope) if scope else dict(texts)
        if cur is None:
            continue
        es = scopes[scope][tuple(sj)].rpartition(".")[2]
        w = len(js)
        kt = f"{w}'d{k}"
        et = f"(({es} > {kt}) ? {kt} : {es})" if not sg or sg[0] > 0 else f"(({es} > {kt}) ? {w}'d0 : {kt} - {es})"
        try:
            new = regfunc.emit(cur, top, [regfunc.Relation(n, w, 0, n)])
        except Exception:  # noqa: BLE001
            new = None
        if new is not None:
            new = _rhs_to_ports(cur, new, {n.rpartition(".")[2]: et})
        if new is None:
            continue
        out.append((new, f"'{n}' == {et} (a saturated copy of another register of its module)"))
        if len(out) >= max_cands:
            break
    return out


#: Registers at most tried as targets of one scope (local tables).
_LOCAL_TARGETS = 24


def local_candidates(texts: dict[Path, str], top: str, an: regfunc.Analysis, net: seqsim.GateNet,
                     bm: np.ndarray, timeout_s: float, max_cands: int = 3) -> list[tuple[dict[Path, str], str]]:
    """[(new texts, description)]: a register whose every bit is a table of bits of ONE other register
    of the same module (the top, or a child instance's module, copied when instantiated more than
    once): ``always @* R = <tables>;`` replaces its procedural assignments (an LFSR kept beside its
    successor, a mod-3 counter beside a mod-12 one, ``max(t - 2, 0)`` beside ``t``). Relations
    :mod:`rtlopt.semantic.regfunc` already has (``k +/- S``, ...) are left to it."""
    t0 = time.monotonic()
    bm = _dedupe(bm)
    done_targets = {tuple(an.regs[t]) for t in regfunc.word_targets(an) if t in (an.regs or {})}
    allregs = regfunc._all_registers(net)
    scopes: dict[str, dict[tuple[int, ...], str]] = {}
    for n, js in sorted(allregs.items(), key=lambda kv: (kv[0].count("."), kv[0])):
        scope, _, leaf = n.rpartition(".")
        if scope.count(".") or not re.fullmatch(r"[A-Za-z_][\w$]*", leaf):
            continue  # the top and direct children only
        scopes.setdefault(scope, {}).setdefault(tuple(js), n)
    out = _local_min_candidates(texts, top, an, net, bm, scopes, done_targets, timeout_s)
    hyps: list[tuple[str, str, list[int], list]] = []
    for scope, regs in sorted(scopes.items()):
        items = sorted(regs.items(), key=lambda kv: -len(kv[0]))[:_LOCAL_TARGETS]
        for js, n in items:
            if time.monotonic() - t0 > 0.4 * timeout_s:
                break
            if js in done_targets or len(js) > 32 or all(bm[j].min() == bm[j].max() for j in js):
                continue
            words = []
            for sj, _m in regs.items():
                if set(sj) & set(js):
                    continue
                var = [j for j in sj if bm[j].min() != bm[j].max()]
                if var and len(var) <= _FN_WORD:
                    words.append((var, _word_of(var, bm)))
            words.sort(key=lambda w: len(w[0]))
            variants = _fn_variants(list(js), bm, words)
            if variants is None or not any(sup for sup, _t in variants[0]):
                continue
            hyps.extend((scope, n, list(js), fns) for fns in variants)
    if not hyps:
        return out
    regs = dict(an.regs or {})
    rels = [r for r in an.relations if r.op in ("add", "ule")]
    pairs = {}
    for _scope, _n, js, fns in hyps:
        for j, (sup, tt) in zip(js, fns, strict=True):
            t = f"\\lk_t{j}"
            regs[t] = [j]
            for i in sup:
                regs[f"\\lk_b{i}"] = [i]
            rel = regfunc.Relation(t, 1, 0, op="fn", cmp="ne", bits=tuple((f"\\lk_b{i}", 0) for i in sup), table=tt)
            pairs[rel] = (j, sup, tt)
    got = regfunc.prove(net, regs, rels + list(pairs), timeout_s=max(2.0, timeout_s - (time.monotonic() - t0)))
    proven = {pairs[r] for r in got if r in pairs}
    named: list[str] = []  # registers with a candidate (each may have one per fill variant)
    for scope, n, js, fns in hyps:
        if len(named) >= max_cands and n not in named:
            break
        if any((j, sup, tt) not in proven for j, (sup, tt) in zip(js, fns, strict=True)):
            continue
        cur = _uniquify(dict(texts), top, scope) if scope else dict(texts)
        if cur is None:
            continue
        et = _fn_expr(fns, _scope_names(net, scope), net, scope=scope)
        if et is None:
            continue
        leaf = n.rpartition(".")[2]
        try:
            new = regfunc.emit(cur, top, [regfunc.Relation(n, len(js), 0, n)])
        except Exception:  # noqa: BLE001
            new = None
        if new is not None:
            new = _rhs_to_ports(cur, new, {leaf: et})
        if new is None:
            continue
        desc = f"'{n}' == {et} (a table of another register of its module)"
        if any(d == desc for _t, d in out):
            continue
        out.append((new, desc))
        if n not in named:
            named.append(n)
    return out


def _rhs_to_ports(before: dict[Path, str], after: dict[Path, str], ports: dict[str, str]) -> dict[Path, str] | None:
    """In the one file :func:`regfunc.emit` changed, the new ``always @* R = ...;`` lines get the port
    of ``R`` as their right-hand side (exactly one new line per register), else None."""
    changed = [p for p in after if after[p] != before[p]]
    if len(changed) != 1:
        return None
    p = changed[0]
    text = after[p]
    for leaf, port in ports.items():
        pat = re.compile(rf"^([ \t]*always @\* {re.escape(leaf)} = )([^;\n]*);$", re.M)
        hits = [m for m in pat.finditer(text) if m.group(0) not in before[p]]
        if len(hits) != 1:
            return None
        m = hits[0]
        text = text[:m.start(2)] + port + text[m.end(2):]
    out = dict(after)
    out[p] = text
    return out


def _export_missing(texts: dict[Path, str], top: str, net: seqsim.GateNet, inst: str, flops: list[int],
                    topn: dict[int, list[tuple[str, int]]], wires: dict[str, list[int]],
                    pre: str = "") -> dict[Path, str]:
    """``texts`` with the registers (of other child instances) holding ``flops`` that have no top-level
    name exported on new output ports (:mod:`rtlopt.semantic.crossinst`); ``topn``/``wires`` learn the
    new wires. Unchanged where a register cannot be exported (the caller then finds no expression).
    ``pre``: the path of the parent instance whose scope ``net`` views (:func:`_scoped`): the register
    of its child ``inst2`` is exported into the parent's module (a shift block's bit counter equal to
    the sequencer sibling's ``bitcnt[2:0]``, both one level below the top's only instance)."""
    from rtlopt.semantic import crossinst

    scopes = _scope_regs(net)
    for j in flops:
        if j in topn:
            continue
        for inst2, rs in sorted(scopes.items()):
            if inst2 == inst:
                continue
            for leaf, js in sorted(rs.items()):
                if j not in js:
                    continue
                try:
                    got = crossinst.texts_with_export(texts, top, f"{pre}{inst2}.{leaf}")
                except Exception:  # noqa: BLE001 - a shape the exporter does not know
                    got = None
                if got is None:
                    continue
                texts, wire = got
                wires[wire] = list(js)
                for i, f in enumerate(js):
                    topn.setdefault(f, []).insert(0, (wire, i))
                break
            if j in topn:
                break
    return texts


def _declare_before_use(texts: dict[Path, str], wires: list[str]) -> dict[Path, str] | None:
    """An exported wire's declaration (one ``wire [..] name;`` line) moved ahead of the statement of
    its first use when a connection added later reads it earlier; None when that shape is not found."""
    out = dict(texts)
    for w in wires:
        hits = [(p, m) for p, t in out.items()
                for m in re.finditer(rf"^[ \t]*wire (?:\[[^\]\n]*\] )?{re.escape(w)};\n", t, re.M)]
        if len(hits) != 1:
            return None
        p, m = hits[0]
        t = out[p]
        use = re.search(rf"(?<![\w$]){re.escape(w)}(?![\w$])", t)
        if use is None or use.start() >= m.start():
            continue
        semi = t.rfind(";", 0, use.start())
        hdr = t.rfind(")", 0, use.start())  # an ANSI header ending in ');'
        at = t.find("\n", max(semi, hdr if semi < 0 else semi)) + 1
        if at <= 0 or at > use.start():
            return None
        line = m.group(0)
        t = t[:m.start()] + t[m.end():]
        out[p] = t[:at] + line + t[at:]
    return out
