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
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic import seqsim

RULE = "sequential_redundancy"


@dataclass(frozen=True)
class Relation:
    """``target == (k + sign * base_word + sum(bits)) mod 2**width`` in every reachable state.

    ``base``: a register name (word form, ``sign`` +1/-1) or None; ``bits``: (name, yosys bit) terms.
    ``op`` other than "add": a 1-bit target that is the comparison ``base <op> k`` (eq, ne, ge, lt);
    "ule": the helper invariant ``target <= k`` (never emitted; strengthens the induction)."""

    target: str
    width: int
    k: int
    base: str | None = None
    sign: int = 1
    bits: tuple[tuple[str, int], ...] = ()
    op: str = "add"

    def uses(self) -> set[str]:
        return ({self.base} if self.base else set()) | {n for n, _ in self.bits}


@dataclass
class Analysis:
    net: seqsim.GateNet | None
    relations: list[Relation]
    error: str | None = None
    seconds: float = 0.0
    regs: dict[str, list[int]] | None = None


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
        bits = []
        for n0, i0 in rel.bits:
            j0 = regs[n0][i0]
            hit = sorted((len(allregs[n]) * -1, n, allregs[n].index(j0)) for n in allregs
                         if here(n) and j0 in allregs[n])
            if not hit:
                break
            bits.append((hit[0][1], hit[0][2]))
        else:
            out.append(Relation(t, rel.width, rel.k, base, rel.sign, tuple(bits), rel.op))
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


def discover(net: seqsim.GateNet, regs: dict[str, list[int]], bm: np.ndarray,
             max_terms: int = 16, deadline: float = float("inf")) -> list[Relation]:
    """Hypotheses that hold on every sample of ``bm`` (not yet proven). A word base may be wider or
    narrower than the target: the relation holds modulo the target's width (Verilog's truncation)."""
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
    for r, js in regs.items():
        if len(js) == 1 and r in vals and vals[r].min() != vals[r].max():
            out += _predicates(r, vals, regs)
    if out:  # value ranges of the compared words help prove the comparisons
        for s in {r.base for r in out if r.base}:
            top = int(vals[s].max())
            if top < (1 << len(regs[s])) - 1:
                out.append(Relation(s, len(regs[s]), top, op="ule"))
    for r, js in regs.items():
        w = len(js)
        if w < 2 or r not in vals:
            continue
        rv = vals[r]
        if rv.min() == rv.max():
            continue  # constant: seqred's business
        mask = (1 << w) - 1
        found = False
        for s, sj in regs.items():
            if time.monotonic() > deadline:
                return out
            if s == r or len(sj) < 2 or s not in vals or set(sj) & set(js):
                continue
            sv = vals[s]
            d = (rv - sv) & mask
            if d[0] != 0 and (d == d[0]).all():
                out.append(Relation(r, w, int(d[0]), s, 1))
                found = True
            a = (rv + sv) & mask
            if (a == a[0]).all():
                out.append(Relation(r, w, int(a[0]), s, -1))
                found = True
        if found or time.monotonic() > deadline:
            continue
        cols = [j for j in rep.values() if j not in js and j in flop_name]
        if len(cols) < 2 or len(cols) > 400:
            continue
        # the fit runs on at most _FIT_ROWS distinct sampled states (one LAPACK call is one C call: it
        # cannot be interrupted by the time limit or a signal, so its size is bounded); the fitted
        # relation is then checked on every sample below
        x = np.ones((bm.shape[1], len(cols) + 1), dtype=np.float64)
        x[:, 1:] = bm[cols].T
        y = rv.astype(np.float64)
        _, keep = np.unique(np.column_stack([x[:, 1:], y]), axis=0, return_index=True)
        if len(keep) > _FIT_ROWS:
            keep = np.random.default_rng(len(keep)).choice(keep, _FIT_ROWS, replace=False)
        try:
            coef, *_ = np.linalg.lstsq(x[keep], y[keep], rcond=None)
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


def _predicates(r: str, vals: dict[str, np.ndarray], regs: dict[str, list[int]]) -> list[Relation]:
    """A 1-bit register that is a comparison of a word register with a constant on every sample."""
    rv = vals[r].astype(bool)
    out = []
    for s, sj in regs.items():
        if s == r or len(sj) < 2 or len(sj) > 24 or s not in vals or set(sj) & set(regs[r]):
            continue
        sv = vals[s]
        a, b = np.unique(sv[rv]), np.unique(sv[~rv])
        if np.intersect1d(a, b).size:
            continue
        if a.size == 1:
            out.append(Relation(r, 1, int(a[0]), s, op="eq"))
        elif b.size == 1:
            out.append(Relation(r, 1, int(b[0]), s, op="ne"))
        elif b.max() < a.min():
            out.append(Relation(r, 1, int(a.min()), s, op="ge"))
        elif a.max() < b.min():
            out.append(Relation(r, 1, int(b.min()), s, op="lt"))
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

        rv = word(regs[rel.target])
        if rv is None:
            return False
        acc = rel.k
        if rel.op == "ule":
            return rv <= rel.k
        if rel.op != "add":
            sv = word(regs[rel.base])
            return sv is not None and _cmp(rel.op, sv, rel.k) == rv
        if rel.base:
            sv = word(regs[rel.base])
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

    def rel_expr(rel: Relation, v):
        w = rel.width
        if rel.op == "ule":
            return z3.ULE(bv(regs[rel.target], v), z3.BitVecVal(rel.k, w, ctx))
        if rel.op != "add":
            sb = bv(regs[rel.base], v)
            kk = z3.BitVecVal(rel.k, len(regs[rel.base]), ctx)
            c = {"eq": lambda: sb == kk, "ne": lambda: sb != kk, "ge": lambda: z3.UGE(sb, kk),
                 "lt": lambda: z3.ULT(sb, kk)}[rel.op]()
            return v[regs[rel.target][0]] == c
        acc = z3.BitVecVal(rel.k, w, ctx)
        if rel.base:
            b = bv(regs[rel.base], v)
            bw = len(regs[rel.base])
            if bw > w:
                b = z3.Extract(w - 1, 0, b)
            elif bw < w:
                b = z3.ZeroExt(w - bw, b)
            acc = acc + b if rel.sign > 0 else acc - b
        for n, i in rel.bits:
            acc = acc + z3.ZeroExt(w - 1, bv([regs[n][i]], v))
        return bv(regs[rel.target], v) == acc

    live = list(rels)
    it = 0
    while live:
        left = deadline - time.monotonic()
        if left <= 0:
            return []
        act = z3.Bool(f"act{it}", ctx)
        it += 1
        s.add(z3.Implies(act, z3.And([rel_expr(r, q) for r in live])))
        goals = [rel_expr(r, nx) for r in live]
        s.add(z3.Implies(act, z3.Or([z3.Not(g) for g in goals])))
        s.set("timeout", max(1, int(left * 1000)))
        res = s.check(act)
        if res == z3.unsat:
            return live
        if res != z3.sat:
            return []
        m = s.model()
        live = [r for r, g in zip(live, goals, strict=True) if z3.is_true(m.eval(g, model_completion=True))]
    return []


def _cmp(op: str, a: int, k: int) -> int:
    return int({"eq": a == k, "ne": a != k, "ge": a >= k, "lt": a < k}[op])


_OPS = {"eq": "==", "ne": "!=", "ge": ">=", "lt": "<"}


def analyze_texts(texts: dict[Path, str], top: str, timeout_s: float = 30.0,
                  net: seqsim.GateNet | None = None) -> Analysis:
    t0 = time.monotonic()
    if net is not None:
        return _analyze_net(net, t0, timeout_s)
    try:
        net = seqsim.load_texts(texts, top, timeout=timeout_s)
    except Exception as exc:  # noqa: BLE001 - outside the model or rejected: no candidates
        return Analysis(None, [], str(exc), time.monotonic() - t0)
    return _analyze_net(net, t0, timeout_s)


def _analyze_net(net: seqsim.GateNet, t0: float, timeout_s: float) -> Analysis:
    try:
        regs = _registers(net)
        trace = seqsim.simulate(net, cycles=256, words=2)
        hyps = discover(net, regs, _bit_matrix(trace), deadline=t0 + timeout_s * 0.6)
        rels = prove(net, regs, hyps, timeout_s=max(2.0, timeout_s - (time.monotonic() - t0)))
        rels = [r for r in rels if r.op != "ule"]
    except Exception as exc:  # noqa: BLE001
        return Analysis(net, [], str(exc), time.monotonic() - t0)
    return Analysis(net, rels, None, time.monotonic() - t0, regs)


# -- source side ---------------------------------------------------------------------------------

def _expr_text(rel: Relation, decl: dict[str, tuple[int, bool, int]]) -> str:
    from rtlopt.semantic.seqred import _bits_expr

    w = rel.width
    parts: list[str] = []
    base = rel.base.rpartition(".")[2] if rel.base else None
    if rel.op != "add":
        bw = decl[rel.base][2]
        return f"({base} {_OPS[rel.op]} {bw}'d{rel.k})"
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
    usable = []
    for r in rels:
        ol = [o for o in occs if o.path == r.target]
        if ol and all(o.proc for o in ol) and any(o.write for o in ol):
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
        line = f"{ind}always @* {r.target.rpartition('.')[2]} = {_expr_text(r, decl)};\n"
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


def _select(rels: list[Relation]) -> list[Relation]:
    """A consistent set: no target is used by another chosen relation, one relation per target."""
    chosen: list[Relation] = []
    removed: set[str] = set()
    used: set[str] = set()
    for r in sorted(rels, key=lambda r: (-r.width, r.base is None, r.target)):
        if r.target in removed or r.target in used or r.uses() & removed:
            continue
        chosen.append(r)
        removed.add(r.target)
        used |= r.uses()
    return chosen


_CACHE: dict[str, Analysis] = {}


def analysis_for(texts: dict[Path, str], top: str, timeout_s: float = 30.0) -> Analysis:
    """:func:`analyze_texts`, memoized on the texts."""
    key = hashlib.sha256(repr((top, sorted((str(p), t) for p, t in texts.items()))).encode()).hexdigest()
    an = _CACHE.get(key)
    if an is None:
        from rtlopt.semantic import seqred

        sa = seqred._CACHE.get(key)  # the same netlist, already loaded by the seqredundancy generator
        an = analyze_texts(texts, top, timeout_s, net=sa.net if sa is not None else None)
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

    add(_select(an.relations))
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
    return out


def _local_sig(r: Relation) -> tuple:
    return (r.target.rpartition(".")[2], r.base.rpartition(".")[2] if r.base else None, r.k, r.sign, r.op,
            tuple((n.rpartition(".")[2], i) for n, i in r.bits))


def _describe(r: Relation) -> str:
    t = [f"{n}[{i}]" for n, i in r.bits]
    if r.op != "add":
        return f"({r.base} {_OPS[r.op]} {r.k})"
    if r.base:
        return f"{r.k} {'+' if r.sign > 0 else '-'} {r.base}" if r.k else r.base
    return f"{r.k} + " * bool(r.k) + " + ".join(t)


def regfunc_candidates(state) -> list:
    """Search-loop generator: registers proven to be a function of other registers."""
    from rtlopt.engine.candidate import Candidate

    if not any(re.search(r"\b(posedge|negedge)\b", t) for t in state.texts.values()):
        return []
    try:
        left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
        got = candidates_for(dict(state.texts), state.design.top, timeout_s=max(2.0, min(30.0, left)))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    out = []
    for new, desc in got:
        changed = [p for p in new if new[p] != state.texts[p]]
        if len(changed) != 1:
            continue
        p = changed[0]
        out.append(Candidate(new[p], "template", (RULE,), f"register function: {desc}",
                             {"file": str(p), "regfunc": desc}))
    return out
