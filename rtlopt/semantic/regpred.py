"""Comparisons of a register that are functions of other registers' bits: the comparison reads those bits
instead, and the register (read only through such comparisons) becomes dead.

An HDLC receiver counts consecutive ones in ``ones_run`` beside the shift window ``sr`` of the last eight
bits; ``ones_run >= 7`` (abort) is ``&sr[6:0]`` and ``ones_run == 5`` is ``sr[5:0] == 6'b011111`` in every
state reachable from reset, so the counter and its adder go. Likewise a debouncer's ``stable_cnt == 3``
next to the sample history (all of the last four samples equal), a zero-run counter next to a window.

Found by value (names and spelling do not matter): every comparison of a top-level name with a constant
(``==``, ``!=``, ``<``, ``<=``, ``>``, ``>=``, either side, literals or parameters) whose bits are flip-flops
is a site. The gate model (:mod:`rtlopt.semantic.seqsim`) is simulated from reset (fair and held inputs);
on the sampled states each site's truth value is matched against the other flip-flops' bits: an AND of
literals (the literals the predicate implies, minimized), an OR of literals (its negation), else a truth
table over at most :data:`MAX_SUPPORT` bits chosen greedily by how many sample conflicts each removes.
Every threshold and equality of the same register that is such a function on the samples joins the
induction as a helper (``ones_run >= 7`` needs ``ones_run >= 6`` in the step); the hypotheses must hold
after reset and be inductive together (:func:`rtlopt.semantic.regfunc.prove`, Houdini). A proven site is
rewritten in place; the register's own update logic stays in the source (synthesis drops it once
nothing observable reads it) and the search loop measures and proves every candidate.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

RULE = "sequential_redundancy"
MAX_W = 8  # widest compared register
MAX_SUPPORT = 8  # truth-table support bits at most
MAX_LITS = 12  # literals of one AND / OR at most
MAX_HELPERS = 48  # helper predicates per register at most
MAX_COLS = 512  # candidate support flip-flops at most
MAX_ELIM = 192  # candidate bits at most for the backward support search

_REL = {"Equality": "eq", "Inequality": "ne", "LessThan": "lt", "LessThanEqual": "le",
        "GreaterThan": "gt", "GreaterThanEqual": "ge"}
_FLIP = {"lt": "gt", "le": "ge", "gt": "lt", "ge": "le", "eq": "eq", "ne": "ne"}


def _norm(op: str, k: int, maxv: int) -> tuple[str, int] | None:
    """``op k`` as one of eq/ne/ge/lt over values 0..maxv (None: constant over the range)."""
    if op == "le":
        op, k = "lt", k + 1
    elif op == "gt":
        op, k = "ge", k + 1
    if k < 0 or (op in ("ge", "lt") and (k == 0 or k > maxv)) or (op in ("eq", "ne") and k > maxv):
        return None
    return op, k


def _pred(op: str, v: np.ndarray, k: int) -> np.ndarray:
    return {"eq": v == k, "ne": v != k, "ge": v >= k, "lt": v < k}[op]


def _const_of(an, node) -> int | None:
    """A literal constant or a parameter's value."""
    from pyslang import ast

    from rtlopt.templates._sem import strip

    k = an.const(node)
    if k is not None:
        return k
    node = strip(node)
    bare = type(node).__name__ == "NamedValueExpression" and type(node.symbol).__name__ == "ParameterSymbol"
    if not bare and not _param_arith(node):
        return None
    try:
        sv = node.eval(ast.EvalContext(an.root)).value
    except Exception:  # noqa: BLE001
        return None
    if type(sv).__name__ != "SVInt" or sv.hasUnknown:
        return None
    try:
        v = int(sv)
    except (TypeError, ValueError):
        return None
    return v if v >= 0 else None


#: expression kinds a constant threshold may be made of (with literals and parameters: ``W - 1``)
_ARITH = {"BinaryExpression", "UnaryExpression", "ConversionExpression", "ConditionalExpression",
          "IntegerLiteral", "UnbasedUnsizedIntegerLiteral"}


def _param_arith(node) -> bool:
    """Whether ``node`` is arithmetic over literals and parameters only (evaluated in its instance)."""
    from pyslang import ast

    ok = [True]

    def visit(x):
        k = type(x).__name__
        if k == "NamedValueExpression":
            if type(x.symbol).__name__ != "ParameterSymbol":
                ok[0] = False
        elif k not in _ARITH:
            ok[0] = False
        return ast.VisitAction.Advance if ok[0] else ast.VisitAction.Interrupt

    try:
        node.visit(visit)
    except Exception:  # noqa: BLE001
        return False
    return ok[0]


def _sites(texts: dict[Path, str], top: str) -> list[tuple[Path, int, int, str, str, int]]:
    """``(path, start, end, name, op, k)``: comparisons ``name op k`` (normalized to name on the left)
    of an unsigned named value (at most :data:`MAX_W` flip-flops, checked on the netlist) in any module."""
    from rtlopt.semantic.countcmp import _module_name
    from rtlopt.templates._sem import analyze, op_name, strip

    out = []
    for p, t in texts.items():
        an = analyze(t, str(p))
        if an.syntax_errors:
            continue
        for info in an.exprs:
            n = info.node
            if type(n).__name__ != "BinaryExpression" or op_name(n) not in _REL:
                continue
            for a, b, flip in ((n.left, n.right, False), (n.right, n.left, True)):
                a = strip(a)
                if type(a).__name__ != "NamedValueExpression" or getattr(a.type, "isSigned", False):
                    continue
                if not 1 < int(getattr(a.type, "bitWidth", 0) or 0) <= 32:
                    continue  # wider than MAX_W only with constant upper bits (checked on the netlist)
                if type(a.symbol).__name__ == "ParameterSymbol":
                    continue
                k = _const_of(an, b)
                if k is None or _module_name(n.syntax) is None:
                    continue
                op = _REL[op_name(n)]
                out.append((p, info.start, info.end, a.symbol.name, _FLIP[op] if flip else op, k))
                break
    return out


def _cube(p: np.ndarray, x: np.ndarray, cols: list[int]) -> list[tuple[int, int]] | None:
    """Literals ``(row of x, value)`` whose AND equals ``p`` on every sample (few, greedy), or None."""
    on = p
    if not on.any():
        return None
    xo = x[:, on]
    ones, zeros = xo.all(axis=1), ~xo.any(axis=1)
    lits = [(r, 1) for r in np.flatnonzero(ones)] + [(r, 0) for r in np.flatnonzero(zeros)]
    if not lits:
        return None

    def value(ls):
        acc = np.ones(p.shape, dtype=bool)
        for r, v in ls:
            acc &= x[r] if v else ~x[r]
        return acc

    if not np.array_equal(value(lits), p):
        return None
    # drop literals that exclude the fewest false samples first
    off = ~p
    excl = {lit: int((~x[lit[0]] if lit[1] else x[lit[0]])[off].sum()) for lit in lits}
    keep = sorted(lits, key=lambda lit: (-excl[lit], cols[lit[0]]))
    i = len(keep) - 1
    while i >= 0:
        trial = keep[:i] + keep[i + 1:]
        if trial and np.array_equal(value(trial), p):
            keep = trial
        i -= 1
    return keep if len(keep) <= MAX_LITS else None


def _table(p: np.ndarray, x: np.ndarray) -> tuple[list[int], int] | None:
    """``(rows, table)``: at most :data:`MAX_SUPPORT` rows of ``x`` of which ``p`` is a function on every
    sample (chosen greedily by the number of samples in conflicting patterns), and its truth table."""
    key = np.zeros(p.shape, dtype=np.int64)
    rows: list[int] = []
    pi = p.astype(np.int64)

    def conflicts(k):
        tot = np.bincount(k)
        one = np.bincount(k, weights=pi).astype(np.int64)
        mixed = (one > 0) & (one < tot)
        return int(tot[mixed].sum())

    cur = conflicts(key)
    while cur and len(rows) < MAX_SUPPORT:
        best, bv = None, cur
        for r in range(x.shape[0]):
            if r in rows:
                continue
            c = conflicts(key * 2 + x[r])
            if c < bv:
                best, bv = r, c
        if best is None:
            break
        rows.append(best)
        key = key * 2 + x[best]
        cur = bv
    if cur:  # no single bit helps (a symmetric function: 'all samples equal'): eliminate instead
        got = _eliminate(p, x)
        if got is None:
            return None
        rows = got
    idx = np.zeros(p.shape, dtype=np.int64)
    for t, r in enumerate(rows):
        idx |= x[r].astype(np.int64) << t
    table = 0
    for m in np.unique(idx[p]):
        table |= 1 << int(m)
    return rows, table


def _eliminate(p: np.ndarray, x: np.ndarray) -> list[int] | None:
    """Rows of ``x`` of which ``p`` is a function on every sample, found backwards: from all rows, drop
    each row whose removal keeps ``p`` a function (patterns hashed by a random linear map, so one trial
    costs one pass over the samples); None when the rest is wider than :data:`MAX_SUPPORT`."""
    rng = np.random.default_rng(5)
    n = x.shape[0]
    if n > MAX_ELIM:
        return None
    coef = rng.integers(1, 2**63, size=n, dtype=np.uint64) | np.uint64(1)
    h = np.zeros(x.shape[1], dtype=np.uint64)
    for r in range(n):
        h += x[r].astype(np.uint64) * coef[r]
    pi = p.astype(np.int64)

    def functional(hh) -> bool:
        _u, inv = np.unique(hh, return_inverse=True)
        tot = np.bincount(inv)
        one = np.bincount(inv, weights=pi)
        return not ((one > 0) & (one < tot)).any()

    if not functional(h):
        return None
    # the rows least correlated with p go first
    corr = np.abs(x[:, p].mean(axis=1) - x[:, ~p].mean(axis=1)) if (~p).any() else np.zeros(n)
    keep = set(range(n))
    for r in sorted(range(n), key=lambda r: (corr[r], -r)):
        h2 = h - x[r].astype(np.uint64) * coef[r]
        if functional(h2):
            h = h2
            keep.discard(r)
    return sorted(keep) if len(keep) <= MAX_SUPPORT else None


def _function(p: np.ndarray, x: np.ndarray, cols: list[int], table_ok: bool = True):
    """``("and"|"or", literals)`` or ``("table", (rows, table))`` equal to ``p`` on the samples, or None."""
    c = _cube(p, x, cols)
    if c is not None:
        return "and", c
    c = _cube(~p, x, cols)
    if c is not None:
        return "or", [(r, 1 - v) for r, v in c]
    if table_ok:
        t = _table(p, x)
        if t is not None:
            return "table", t
    return None


def _as_table(kind, f) -> tuple[list[int], int]:
    if kind == "table":
        return f
    rows = [r for r, _v in f]
    table = 0
    for m in range(1 << len(rows)):
        bits = [(m >> t) & 1 == v for t, (_r, v) in enumerate(f)]
        if (all(bits) if kind == "and" else any(bits)):
            table |= 1 << m
    return rows, table


def _expr(kind, f, spell, order=None) -> str:
    if kind in ("and", "or"):
        lits = [spell(r) if v else f"!{spell(r)}" for r, v in sorted(f, key=lambda rv: order(rv[0]))]
        if len(lits) == 1:
            return f"({lits[0]})"
        return "(" + (" & " if kind == "and" else " | ").join(lits) + ")"
    rows, table = f
    n = 1 << len(rows)
    return f"(|({n}'h{table:x} & ({n}'d1 << {spell(rows)})))"


def _only_assigns(st, name: str) -> bool:
    """Whether statement ``st`` only assigns ``name`` (whole-variable assignments under conditions, cases,
    blocks and timing controls; empty statements)."""
    from rtlopt.templates._arith import single_assignment
    from rtlopt.templates._sem import is_pure, strip

    k = type(st).__name__
    if k == "EmptyStatement":
        return True
    if k == "ExpressionStatement":
        a = single_assignment(st)
        lhs = strip(a.left) if a is not None else None
        return (lhs is not None and type(lhs).__name__ == "NamedValueExpression" and lhs.symbol.name == name
                and is_pure(a.right))
    if k == "ConditionalStatement":
        if any(c.pattern is not None or not is_pure(c.expr) for c in st.conditions):
            return False
        return all(_only_assigns(x, name) for x in (st.ifTrue, st.ifFalse) if x is not None)
    if k == "CaseStatement":
        if not is_pure(st.expr):
            return False
        return all(_only_assigns(it.stmt, name) for it in st.items) and (
            st.defaultCase is None or _only_assigns(st.defaultCase, name))
    if k == "BlockStatement":
        return _only_assigns(st.body, name)
    if k == "StatementList":
        return all(_only_assigns(x, name) for x in st.list)
    if k == "TimedStatement":
        return _only_assigns(st.stmt, name)
    return False


def drop_dead_register(text: str, name: str, fname: str = "design.v") -> str | None:
    """``text`` without the variable ``name`` (not a port) when every mention of it is its declaration or
    inside statements that only assign it (its own update: ``if (!d) run <= 0; else if (run != 15) run <=
    run + 1;``): those statements (an always block whose body is one of them), and a declaration of that
    name alone, are removed. None when something else reads it."""
    import re

    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.templates._expr import kind_name
    from rtlopt.templates._sem import analyze, parses_cleanly
    from rtlopt.templates._stmt import _COMMENT, _decls, _module_spans, _ports, _remove_span

    an = analyze(text, fname)
    if an.syntax_errors:
        return None
    mods = []
    for ms, me, mod in _module_spans(an):
        for d, names in _decls(mod):
            if name in names and kind_name(d) == "DataDeclaration" and name not in _ports(mod):
                mods.append((ms, me, d, names))
    if len(mods) != 1:
        return None
    ms, me, d, names = mods[0]
    only = [(st, s, e) for st, s, e in an.statements if ms <= s < me and _only_assigns(st, name)]
    top = [(st, s, e) for st, s, e in only if not any(s0 <= s and e <= e0 and (s0, e0) != (s, e)
                                                       for _x, s0, e0 in only)]
    if not top:
        return None
    edits: list[Edit] = []
    spans: list[tuple[int, int]] = []
    for st, s, e in top:
        par = st.syntax.parent
        pk = kind_name(par) if par is not None else ""
        if pk in ("AlwaysBlock", "AlwaysFFBlock", "AlwaysCombBlock", "AlwaysLatchBlock"):
            s, e = an.span(par)
            edits.append(_remove_span(text, s, e))
        elif pk == "SequentialBlockStatement":
            edits.append(_remove_span(text, s, e))
        else:
            edits.append(Edit(s, e, ";"))
        spans.append((s, e))
    ds, de = an.span(d)
    blank = _COMMENT.sub(lambda m: " " * len(m.group(0)), text)
    for m in re.finditer(rf"(?<![\w$.]){re.escape(name)}(?![\w$])", blank[ms:me]):
        at = ms + m.start()
        if not (ds <= at < de or any(s <= at < e for s, e in spans)):
            return None  # read elsewhere
    if len(names) == 1:
        edits.append(_remove_span(text, ds, de))
    try:
        new = apply_edits(text, sorted(set(edits), key=lambda x: (x.start, x.end)))
    except ValueError:
        return None
    return new if new != text and parses_cleanly(new, an.errors) else None


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    from rtlopt.semantic import regfunc
    from rtlopt.semantic.seqred import _bits_expr, _source_model

    t0 = time.monotonic()
    sites = _sites(texts, top)
    if not sites:
        return []
    paths = list(texts)
    model = _source_model([texts[p] for p in paths], [str(p) for p in paths], top)
    if model is None:
        return []
    occs = model[0]
    decl: dict[str, tuple[int, bool, int]] = {}
    for o in occs:
        decl.setdefault(o.path, (o.decl_lo, o.decl_up, o.width))
    # each site's compared name in every elaborated instance of its module (hierarchical paths)
    fidx = {p: i for i, p in enumerate(paths)}
    site_paths: list[tuple[str, ...]] = []
    for p, s, e, name, _op, _k in sites:
        site_paths.append(tuple(sorted({o.path for o in occs if o.file == fidx[p] and s <= o.ident[0]
                                        and o.ident[1] <= e and o.path.rpartition(".")[2] == name})))
    if not any(site_paths):
        return []
    an = regfunc.analysis_for(texts, top, timeout_s)
    net = an.net
    if net is None:
        return []
    t0 = time.monotonic()  # the analysis is shared with regfunc (memoized): the budget starts here
    qi = net.q_index
    words: dict[str, list[int]] = {}
    for path in sorted({x for ps in site_paths for x in ps}):
        bits = list(net.name_bits.get(path) or [])
        while bits and bits[-1] == 0:  # upper bits constant zero (a wide declaration, a narrowed counter)
            bits.pop()
        if not 1 < len(bits) <= MAX_W or any(b not in qi for b in bits):
            continue
        js = [qi[b] for b in bits]
        if len(set(js)) == len(js):
            words[path] = js
    if not words:
        return []
    # the first two of regfunc's shared runs (fair and held inputs; traces kept for the net while the
    # regfunc generator runs, so its with_regpred step does not simulate the net again: two more runs
    # of a deep netlist cost 13 s at a load of 15, heldout10 cpu/ras_stack)
    bm = regfunc.samples(net, runs=2).astype(bool)
    # support candidates per scope: flip-flops with a name in the compared name's scope (readable where
    # the comparison is), one per distinct non-constant trace; register names before port aliases
    ports = {*net.inputs, *net.outputs}
    spelled: dict[str, dict[int, tuple[str, int]]] = {}
    for n, bits in sorted(net.name_bits.items(), key=lambda kv: (kv[0] in ports, -len(kv[1]), kv[0])):
        if n.startswith("\\") or n not in decl:
            continue
        sc = spelled.setdefault(n.rpartition(".")[0], {})
        for i, b in enumerate(bits):
            if b in qi:
                sc.setdefault(qi[b], (n, i))
    rels: list = []
    regs: dict[str, list[int]] = {}
    found: dict[tuple[str, str, int], tuple] = {}  # (path, op, k) -> (kind, f, cols, relation)
    for path, js in words.items():
        if time.monotonic() - t0 > 0.6 * timeout_s:
            break
        scope = spelled.get(path.rpartition(".")[0], {})
        seen: dict[bytes, int] = {}
        for j in sorted(scope):
            row = bm[j]
            if j in js or row.all() or not row.any():
                continue
            seen.setdefault(np.packbits(row).tobytes(), j)
        cols = sorted(seen.values())
        if not cols or len(cols) > MAX_COLS:
            continue
        x = bm[cols]
        v = np.zeros(bm.shape[1], dtype=np.int64)
        for i, j in enumerate(js):
            v |= bm[j].astype(np.int64) << i
        maxv = (1 << len(js)) - 1
        key = f"__regpred_{path}"
        regs[key] = js
        wanted = set()
        for (_p, _s, _e, _n, op, k), ps in zip(sites, site_paths, strict=True):
            if path in ps:
                nk = _norm(op, k, maxv)
                if nk is not None:
                    wanted.add(nk)
        helpers = [("ge", j) for j in range(1, int(v.max()) + 1)] + [("eq", j) for j in range(int(v.max()) + 1)]
        tried = 0
        for op, k in sorted(wanted) + [h for h in helpers if h not in wanted]:
            is_site = (op, k) in wanted
            if not is_site and tried >= MAX_HELPERS:
                break
            tried += not is_site
            p = _pred(op, v, k)
            if p.all() or not p.any():
                continue
            f = _function(p, x, cols, table_ok=is_site or time.monotonic() - t0 < 0.4 * timeout_s)
            if f is None:
                continue
            rows, table = _as_table(*f)
            bits = []
            for r in rows:
                bk = f"__regpred_b{cols[r]}"
                regs[bk] = [cols[r]]
                bits.append((bk, 0))
            rel = regfunc.Relation(key, len(js), k, op="fn", bits=tuple(bits), cmp=op, table=table)
            rels.append(rel)
            if is_site:
                found[(path, op, k)] = (f[0], f[1], cols, rel)
    if not found:
        return []
    left = max(2.0, timeout_s - (time.monotonic() - t0))
    proven = set(regfunc.prove(net, regs, rels, timeout_s=left))
    ok = {key: val for key, val in found.items() if val[3] in proven}
    if not ok:
        return []
    edits: dict[Path, list] = {}
    descs: list[str] = []
    for (p, s, e, _name, op, k), ps in zip(sites, site_paths, strict=True):
        texts_here = set()
        for path in ps:  # every instance of the module must give the same text
            nk = _norm(op, k, (1 << len(words[path])) - 1) if path in words else None
            if nk is None or (path, *nk) not in ok:
                texts_here = set()
                break
            kind, f, cols, _rel = ok[(path, *nk)]
            scope = spelled[path.rpartition(".")[0]]

            def spell(r, cols=cols, scope=scope):
                """One bit (a row), or the concatenation of rows (a list, the first the LSB)."""
                rs = r[::-1] if isinstance(r, list) else [r]
                return _bits_expr([("n", *scope[cols[q]], False) for q in rs], decl)

            def order(r, cols=cols, scope=scope):
                n, i = scope[cols[r]]
                return n.rpartition(".")[2], -i

            texts_here.add(_expr(kind, f, spell, order))
        if len(texts_here) != 1:
            continue
        new = texts_here.pop()
        edits.setdefault(p, []).append((s, e, new))
        descs.append(f"{texts[p][s:e].strip()} -> {new}")
    if not edits:
        return []
    from rtlopt.templates._sem import parses_cleanly

    new_texts = dict(texts)
    for p, eds in edits.items():
        t = texts[p]
        for s, e, rep in sorted(eds, key=lambda x: -x[0]):
            t = t[:s] + rep + t[e:]
        if not parses_cleanly(t):
            return []
        new_texts[p] = t
    desc = "register compared only through functions of other registers (proven from reset): " + "; ".join(descs)
    # a register now read only by its own update is dead: its statements and declaration go too (the
    # same edit: synthesis would drop it anyway, the user's file should not keep it)
    gone = []
    for p in edits:
        for leaf in sorted({path.rpartition(".")[2] for ps in site_paths for path in ps}):
            try:
                t2 = drop_dead_register(new_texts[p], leaf, str(p))
            except Exception:  # noqa: BLE001 - the plain rewrite stands
                t2 = None
            if t2 is not None:
                new_texts[p] = t2
                gone.append(leaf)
    if gone:
        desc += f"; now unread, removed: {', '.join(gone)}"
    return [(new_texts, desc)]


def regpred_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE)
