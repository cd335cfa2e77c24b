"""Registers whose value is a table of a few other registers (functional dependencies from reset).

A register ``R`` that, in every reachable state, is determined by the values of a small set ``S`` of
other registers (at most :data:`MAX_BITS` flip-flops in all) is ``f(S)`` for a table ``f``: the Moore
outputs of a state machine registered in its arms (``led <= 3'b101`` wherever ``state <= BLINK``), a
pattern registered beside the index it is a table of, a parity kept beside the word it covers, a flag
that is ``state == A && mode``. Unlike :mod:`rtlopt.semantic.regfunc`'s word relations no form is
assumed: the table is read off the sampled states.

Finding (names never matter): the states simulated from reset (regfunc's shared runs) are reduced to
the distinct ones; for a target not explained by a word relation, single registers, then pairs and
triples of the most informative ones (those whose values determine ``R`` on the most states) are
tried smallest first; a set determines ``R`` when no two sampled states agree on it but not on ``R``.
The table holds the sampled value for every key seen and the most common value elsewhere (keys never
reached; the emitted logic cannot know they are don't-cares). The relation (op "tt") is proven with the
others by regfunc's induction (it must hold in the reset state too: a register equal to the table only
from the first cycle on, or after a reset value that disagrees, is no relation), emitted as a
comparison chain on the concatenated key, and kept only when the search loop measures it smaller.
"""

from __future__ import annotations

import itertools
import time

import numpy as np

#: Flip-flops at most in the key of one table (2**MAX_BITS entries).
MAX_BITS = 8
#: Target registers at most this wide.
MAX_TARGET = 8
#: Registers at most in one key.
MAX_REGS = 3
#: Most informative single registers tried in pairs and triples.
_TOP = 8
#: Distinct sampled states the search runs on (every state checks what it finds).
_SEARCH_STATES = 4096


def _distinct_states(bm: np.ndarray) -> np.ndarray:
    """The distinct columns of ``bm`` ([nflops, samples] of 0/1): [nflops, distinct]."""
    packed = np.ascontiguousarray(np.packbits(bm, axis=0).T)
    _, keep = np.unique(packed.view(np.dtype((np.void, packed.shape[1]))).ravel(), return_index=True)
    return bm[:, np.sort(keep)]


def _explained(key: np.ndarray, rv: np.ndarray, w: int) -> float:
    """Share of the states on which the majority value of ``rv`` for their ``key`` is right (1.0: a
    functional dependency)."""
    ub, cb = np.unique((key << w) | rv, return_counts=True)  # sorted: one key's values are adjacent
    k = ub >> w
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    return float(np.maximum.reduceat(cb, starts).sum()) / len(rv)


def relations(regs: dict[str, list[int]], bm: np.ndarray, skip: set[str], until: float,
              limit: int = 16) -> list:
    """Hypotheses ``target == table(key registers)`` (regfunc.Relation, op "tt") for the registers
    not in ``skip`` (targets already explained by another relation), true on every sample of ``bm``."""
    from rtlopt.semantic.regfunc import Relation

    if not regs or bm.shape[1] == 0:
        return []
    u = _distinct_states(bm)
    if u.shape[1] < 2:
        return []
    full = None
    if u.shape[1] > _SEARCH_STATES:  # the search on a sample of the states, each table checked on all
        full = u
        u = u[:, np.random.default_rng(u.shape[1]).choice(u.shape[1], _SEARCH_STATES, replace=False)]
    vals: dict[str, np.ndarray] = {}
    for n, js in regs.items():
        if len(js) > MAX_BITS:
            continue
        v = np.zeros(u.shape[1], dtype=np.int64)
        for i, j in enumerate(js):
            v |= u[j].astype(np.int64) << i
        if v.min() != v.max():
            vals[n] = v
    def keyof(c, vv, n, extra=None):
        key = np.zeros(n, dtype=np.int64)
        sh = 0
        for s in c:
            key |= vv[s] << sh
            sh += len(regs[s])
        if extra is not None:
            key |= extra << sh
        return key

    def search(tv, w, order, score, sizes, extra=None, budget=MAX_BITS):
        """The smallest register set (with ``extra`` as the key's top bit) that determines ``tv``."""
        for size in sizes:
            pool = order if size == 1 else order[:_TOP]
            combos = sorted(itertools.combinations(pool, size),
                            key=lambda c: (sum(len(regs[s]) for s in c), -sum(score[s] for s in c)))
            for c in combos:
                if time.monotonic() > until:
                    return None
                if sum(len(regs[s]) for s in c) + (extra is not None) > budget:
                    continue
                if _explained(keyof(c, vals, len(tv), extra), tv, w) == 1.0:
                    return c
        return None

    full_vals: dict[str, np.ndarray] = {}

    def fv(n):  # a register's value over every distinct state
        if n not in full_vals:
            x = np.zeros(full.shape[1], dtype=np.int64)
            for i, j in enumerate(regs[n]):
                x |= full[j].astype(np.int64) << i
            full_vals[n] = x
        return full_vals[n]

    out = []
    for r in sorted(vals, key=lambda n: (-len(regs[n]), n)):
        if time.monotonic() > until or len(out) >= limit:
            break
        w = len(regs[r])
        if r in skip or w > MAX_TARGET:
            continue
        rv = vals[r]
        mine = set(regs[r])
        srcs = [s for s in vals if s != r and not set(regs[s]) & mine]
        score = {s: _explained(vals[s], rv, w) for s in srcs}
        order = sorted(srcs, key=lambda s: (-score[s], len(regs[s]), s))
        op, mask = "tt", (1 << w) - 1
        c = search(rv, w, order, score, range(1, MAX_REGS + 1))
        if c is None and w >= 2:
            # a table of a few registers and of whether R itself is zero: R is 0 or the table (a
            # pattern registered as 'en ? TABLE[next] : 0' beside the index), kept as one flag flip-flop
            c = search(rv, w, order, score, range(0, MAX_REGS), extra=(rv != 0).astype(np.int64))
            op = "ttz"
        if c is None and w >= 2:
            # some bits are tables (a status word whose low bits decode the state): those bits, over
            # the union of their keys
            c, mask = (), 0
            for i in range(w):
                bv = (rv >> i) & 1
                if bv.min() == bv.max():
                    continue  # a constant bit: seqred's business
                sc = {s: _explained(vals[s], bv, 1) for s in srcs}
                oi = sorted(srcs, key=lambda s: (-sc[s], len(regs[s]), s))
                ci = search(bv, 1, oi, sc, range(1, MAX_REGS + 1))
                if ci is None:
                    continue
                union = tuple(dict.fromkeys(c + ci))
                if sum(len(regs[s]) for s in union) <= MAX_BITS:
                    c, mask = union, mask | (1 << i)
            op = "ttm"
            if not mask or mask == (1 << w) - 1:
                c = None
        if c is None:
            continue
        tv, key = rv, keyof(c, vals, len(rv), (rv != 0).astype(np.int64) if op == "ttz" else None)
        if full is not None:  # the key and the target over every distinct state
            tv = fv(r)
            key = keyof(c, {s: fv(s) for s in c}, len(tv), (tv != 0).astype(np.int64) if op == "ttz" else None)
            if _explained(key, tv & mask, w) != 1.0:
                continue
        seen: dict[int, int] = {}
        for k, v in zip(key.tolist(), (tv & mask).tolist(), strict=True):
            seen[k] = v
        counts: dict[int, int] = {}
        for v in seen.values():
            counts[v] = counts.get(v, 0) + 1
        default = max(sorted(counts), key=lambda v: counts[v])
        nb = sum(len(regs[s]) for s in c) + (op == "ttz")
        table = 0
        for m in range(1 << nb):
            table |= seen.get(m, default) << (m * w)
        bits = tuple((s, i) for s in c for i in range(len(regs[s])))
        out.append(Relation(r, w, default, None, 1, bits, op, table=table, mod=mask if op == "ttm" else 0))
    return out


def table_value(rel, m: int) -> int:
    """The table's value at key ``m``."""
    return (rel.table >> (m * rel.width)) & ((1 << rel.width) - 1)


def expr_text(rel, decl, bits_expr, nz: str | None = None) -> str | None:
    """Verilog for the table: a comparison chain on the concatenated key, the most common value last.
    ``nz``: op "ttz", the name of the flag above the key bits."""
    nb, w = len(rel.bits) + (rel.op == "ttz"), rel.width
    if (rel.op == "ttz") != (nz is not None) or nb > MAX_BITS:
        return None
    if not rel.bits:
        key = nz
    else:
        key = bits_expr([("n", n, i, False) for n, i in reversed(rel.bits)], decl)
        if nz is not None:
            key = "{" + nz + ", " + (key[1:-1] if key.startswith("{") else key) + "}"
    groups: dict[int, list[int]] = {}
    for m in range(1 << nb):
        groups.setdefault(table_value(rel, m), []).append(m)
    default = rel.k if rel.k in groups else max(groups, key=lambda v: len(groups[v]))

    def cond(ms: list[int]) -> str:
        return " || ".join(f"{key} == {nb}'d{m}" for m in ms)

    def lit(v: int) -> str:
        return f"{w}'b{v:0{w}b}"

    arms = sorted((v for v in groups if v != default), key=lambda v: (len(groups[v]), v))
    if not arms:
        return lit(default)
    if w == 1:
        c = cond(groups[arms[0]])
        return f"({c})" if arms[0] == 1 else f"!({c})"
    e = lit(default)
    for v in reversed(arms):
        e = f"({cond(groups[v])}) ? {lit(v)} : {e}"
    return e


def _emit_kept(texts: dict, top: str, rels: list, suffix: str, build) -> dict | None:
    """The rewrite of the first spelling in ``rels`` whose target is a variable written only in
    procedural statements of clocked blocks of one file: ``build(r, text, mine, writes, decl, name)``
    gives (edits, declaration, right side) or None; the declaration of the new variable ``name`` goes
    before R's first block, ``always @* R = <right side>;`` before its ``endmodule``."""
    import re

    from rtlopt.hdl.edit import Edit, apply_edits, before_endmodule
    from rtlopt.semantic.seqred import _dedupe, _source_model

    paths = list(texts)
    tlist = [texts[p] for p in paths]
    if not all(t.isascii() for t in tlist) or not rels:
        return None
    model = _source_model(tlist, [str(p) for p in paths], top)
    if model is None:
        return None
    occs, stmts, _trees = model
    decl: dict = {}
    for o in occs:
        decl.setdefault(o.path, (o.decl_lo, o.decl_up, o.width))
    for r in rels:
        ol = [o for o in occs if o.path == r.target]
        mine = [st for st in stmts if st.path == r.target]
        if not ol or not mine or not all(o.proc for o in ol) or decl.get(r.target, (0, False, -1))[2] != r.width:
            continue
        if any(n not in decl for n in r.uses()) or any(st.block is None for st in mine):
            continue
        if len({o.file for o in ol} | {st.file for st in mine}) != 1:
            continue
        writes = [o for o in ol if o.write]
        if not writes or not all(any(st.span[0] <= (o.sel or o.ident)[0] and (o.sel or o.ident)[1] <= st.span[1]
                                     for st in mine) for o in writes):
            continue
        fi = ol[0].file
        text = tlist[fi]
        leaf = r.target.rpartition(".")[2]
        name = f"{leaf}_{suffix}"
        if re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", text):
            return None
        got = build(r, text, mine, writes, decl, name)
        if got is None:
            continue
        eds, dtext, body = got
        first = min(st.block[0] for st in mine)
        ls = text.rfind("\n", 0, first) + 1
        ind = re.match(r"[ \t]*", text[ls:]).group(0)
        el = before_endmodule(text, first)
        if el is None:
            return None
        eds = eds + [Edit(ls, ls, f"{ind}{dtext}\n"), Edit(el, el, f"{ind}always @* {leaf} = {body};\n")]
        try:
            new = apply_edits(text, _dedupe(eds))
        except ValueError:
            return None
        out = dict(texts)
        out[paths[fi]] = new
        return out
    return None


def emit_nz(texts: dict, top: str, rels: list) -> dict | None:
    """Op "ttz" (one target, its spellings in ``rels``): every whole assignment ``R <= E;`` becomes
    ``R_rtlopt_nz <= |(E);`` (a new 1-bit register declared before R's first clocked block) and R is
    the table of the key and that flag. The flag is ``R != 0`` in every state by construction (it is
    written where R was, with the same value's OR); the relation proven by induction gives R. The proof
    of the whole rewrite decides (an E evaluated wider than R in its assignment context, say)."""
    import re

    from rtlopt.hdl.edit import Edit
    from rtlopt.semantic.seqred import _bits_expr

    def build(r, text, mine, _writes, decl, name):
        leaf = r.target.rpartition(".")[2]
        eds = []
        for st in mine:
            m = re.fullmatch(rf"\s*{re.escape(leaf)}\s*<=\s*(.+?)\s*;\s*", text[st.span[0]:st.span[1]], re.S)
            if m is None:
                return None  # a part select, a blocking write: not this emitter
            eds.append(Edit(st.span[0], st.span[1], f"{name} <= |({m.group(1)});"))
        et = expr_text(r, decl, _bits_expr, nz=name)
        return None if et is None else (eds, f"reg {name};", et)

    return _emit_kept(texts, top, rels, "rtlopt_nz", build)


def emit_mask(texts: dict, top: str, rels: list) -> dict | None:
    """Op "ttm" (one target, its spellings in ``rels``): the bits of R in ``mod`` are the table. Every
    write of R (whole or part, in any procedural statement) writes ``R_rtlopt_q`` instead (a new variable
    of R's range declared before R's first clocked block), and R is ``always @*`` the concatenation of
    the table's bits and the other bits of ``R_rtlopt_q``: reads of R stay as they are, and the flip-flops
    of the table's bits are no longer read (synthesis removes them)."""
    from dataclasses import replace

    from rtlopt.hdl.edit import Edit
    from rtlopt.semantic.seqred import _bits_expr

    def build(r, _text, _mine, writes, decl, name):
        w = r.width
        lo, up, _w = decl[r.target]
        eds = [Edit(o.ident[0], o.ident[1], name) for o in {o.ident: o for o in writes}.values()]
        decl[name] = decl[r.target]
        parts: list[str] = []
        run: list[tuple] = []
        for i in range(w - 1, -1, -1):  # MSB first
            if r.mod >> i & 1:
                if run:
                    parts.append(_bits_expr(run, decl))
                    run = []
                one = replace(r, width=1, op="tt", mod=0, k=(r.k >> i) & 1,
                              table=sum(((r.table >> (m * w + i)) & 1) << m for m in range(1 << len(r.bits))))
                e = expr_text(one, decl, _bits_expr)
                if e is None:
                    return None
                parts.append(e if e.startswith("(") or e.startswith("!(") or "'" in e and " " not in e else f"({e})")
            else:
                run.append(("n", name, i, False))
        if run:
            parts.append(_bits_expr(run, decl))
        body = parts[0] if len(parts) == 1 else "{" + ", ".join(p[1:-1] if p.startswith("{") else p
                                                             for p in parts) + "}"
        rng = "" if w == 1 and lo == 0 else (f" [{lo}:{lo + w - 1}]" if up else f" [{lo + w - 1}:{lo}]")
        return eds, f"reg{rng} {name};", body

    return _emit_kept(texts, top, rels, "rtlopt_q", build)
