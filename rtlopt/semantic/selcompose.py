"""A selection steered by an encoded selector that is itself a decode of a few bits: select on those bits.

``sel = decode(op)`` (a case table, a ternary chain, a function, another instance: any logic whose value
depends only on a few cut-point bits ``op``) followed by ``case (sel) K1: y = a; K2: y = b; ...`` encodes a
one-hot decision into a binary code and decodes it again: the second decode compares ``sel`` with every
label. Composing the two tables removes the round trip: each label ``K`` becomes the set of ``op`` values
that ``decode`` maps to ``K`` (a sum of cubes over ``op``), and the selection is a parallel one on those
disjoint predicates -- ``case (1'b1)`` with ``parallel_case``, or, when every arm assigns one target, the
AND-OR ``y = ({W{P1}} & a) | ({W{P2}} & b) | ..`` which lets synthesis merge the arms bit by bit (arms that
put the same source bit at a position share one AND term: the per-field mux of an immediate generator).
Comparisons ``sel == K`` / ``sel != K`` elsewhere become the same predicates.

What ``decode`` computes is found on the elaborated netlist (Yosys, ``proc; flatten``) by simulating the
selector's cone exhaustively over its cut-point bits (at most :data:`MAX_BITS`); names and coding style do
not matter. The search measures every candidate and proves the one it keeps.
"""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from rtlopt.semantic._guard import generator_deadline, never_raises

RULE = "selector_decode_composition"
MAX_BITS = 8  # cut-point bits of the selector's cone (exhaustive simulation: 2**MAX_BITS vectors)
MAX_SEL_BITS = 8
MAX_CUBES = 24  # predicate size per label (else the composition is not a simplification)
BUDGET_S = 20.0


# ---- the selector's decode table ------------------------------------------------------------------
def _decode_table(nl, name: str):
    """``(op text, op width, table)`` with ``table[v]`` the selector's value for cut-point value ``v``."""
    net = nl.nets.get(name)
    if net is None or net.port == "input" or not 2 <= net.width <= MAX_SEL_BITS:
        return None
    ib = [b for b in net.bits if isinstance(b, int)]
    if not ib or any(b in nl.free for b in ib):
        return None
    cone = nl.fanin_cells(ib)
    if not cone:
        return None
    _inside, boundary = nl.cone_bits(cone)
    boundary = {b for b in boundary if isinstance(b, int)}
    if not boundary or len(boundary) > MAX_BITS or not boundary <= nl.free:
        return None
    # each boundary bit as a bit of a named word (inputs first, visible names first)
    owner: dict[int, tuple[str, int]] = {}
    for n in sorted(nl.nets.values(), key=lambda n: (n.hidden, n.port != "input", n.name)):
        if n.hidden or n.upto or n.name.startswith("$") or "." in n.name:
            continue
        for k, b in enumerate(n.bits):
            if isinstance(b, int) and b in boundary and b not in owner:
                owner[b] = (n.name, k)
    if set(owner) != boundary:
        return None
    # contiguous slices, MSB first: {w1[h:l], w2[h:l], ...}
    by_net: dict[str, list[int]] = {}
    for nm, k in owner.values():
        by_net.setdefault(nm, []).append(k)
    parts = []  # (name, hi index, lo index) in bit positions of the net
    for nm in sorted(by_net):
        ks = sorted(by_net[nm], reverse=True)
        run = [ks[0]]
        for k in ks[1:]:
            if k == run[-1] - 1:
                run.append(k)
            else:
                parts.append((nm, run[0], run[-1]))
                run = [k]
        parts.append((nm, run[0], run[-1]))
    texts, obits = [], []
    for nm, hi, lo in parts:
        n = nl.nets[nm]
        if hi - lo + 1 == n.width:
            texts.append(nm)
        elif hi == lo:
            texts.append(f"{nm}[{hi + n.offset}]")
        else:
            texts.append(f"{nm}[{hi + n.offset}:{lo + n.offset}]")
    for nm, hi, lo in reversed(parts):  # LSB first
        obits += [nl.nets[nm].bits[k] for k in range(lo, hi + 1)]
    k = len(obits)
    xs = np.arange(1 << k, dtype=np.uint64)
    inputs = {b: ((xs >> np.uint64(i)) & np.uint64(1)).astype(bool) for i, b in enumerate(obits)}
    try:
        vals = nl.simulate_cells(cone, inputs, 1 << k)
    except Exception:  # noqa: BLE001 - an unsupported cell: no table
        return None
    if any(isinstance(b, int) and b not in vals for b in net.bits):
        return None
    table = [int(v) for v in nl.word(vals, net.bits)]
    if len(set(table)) < 2:
        return None
    text = texts[0] if len(texts) == 1 else "{" + ", ".join(texts) + "}"
    return text, k, table


# ---- predicates: a small cube cover of a set of op values ----------------------------------------
def _cubes(on: set[int], k: int) -> list[tuple[int, int]]:
    """A cover of ``on`` by cubes ``(value, care mask)`` (prime implicants, greedy cover)."""
    full = (1 << k) - 1
    cur = {(v, full) for v in on}
    primes: set[tuple[int, int]] = set()
    while cur:
        nxt: set[tuple[int, int]] = set()
        used: set[tuple[int, int]] = set()
        lst = sorted(cur)
        by_mask: dict[int, set[int]] = {}
        for v, m in lst:
            by_mask.setdefault(m, set()).add(v)
        for v, m in lst:
            for bit in range(k):
                bm = 1 << bit
                if m & bm and not v & bm and (v | bm) in by_mask[m]:
                    nxt.add((v, m & ~bm))
                    used.add((v, m))
                    used.add((v | bm, m))
        primes |= cur - used
        cur = nxt
    # greedy cover
    left = set(on)
    cover = []
    plist = sorted(primes, key=lambda c: (bin(c[1]).count("1"), c))
    while left:
        best = max(plist, key=lambda c: sum(1 for v in left if v & c[1] == c[0]))
        got = {v for v in left if v & best[1] == best[0]}
        if not got:
            break
        cover.append(best)
        left -= got
    return cover


def _pred(op: str, k: int, on: set[int]) -> str | None:
    n = 1 << k
    if not on:
        return "1'b0"
    if len(on) == n:
        return "1'b1"
    full = n - 1
    pos = _cubes(on, k)
    neg = _cubes(set(range(n)) - on, k)

    def term(v, m):
        if m == full:
            return f"({op} == {k}'b{v:0{k}b})"
        return f"(({op} & {k}'b{m:0{k}b}) == {k}'b{v:0{k}b})"

    if len(neg) < len(pos):
        if len(neg) > MAX_CUBES:
            return None
        return "!(" + " || ".join(term(v, m) for v, m in neg) + ")"
    if len(pos) > MAX_CUBES:
        return None
    return "(" + " || ".join(term(v, m) for v, m in pos) + ")" if len(pos) > 1 else term(*pos[0])


# ---- source sites ---------------------------------------------------------------------------------
def _module_name(syn) -> str | None:
    p = syn
    while p is not None and type(p).__name__ != "ModuleDeclarationSyntax":
        p = p.parent
    try:
        return None if p is None else p.header.name.valueText
    except AttributeError:
        return None


def _cval(an, x) -> int | None:
    from pyslang import ast

    from rtlopt.templates._sem import strip
    for node in (x, strip(x)):
        cv = getattr(node, "constant", None)
        if cv is None:
            try:
                cv = node.eval(ast.EvalContext(an.root))
            except Exception:  # noqa: BLE001
                cv = None
        v = getattr(cv, "value", None)
        if v is not None and type(v).__name__ == "SVInt" and not v.hasUnknown:
            try:
                return int(v)
            except (TypeError, ValueError):
                return None
    return None


def _sel_name(x) -> str | None:
    """The name of a module-level net / variable read whole (a function argument or a local of a
    procedural scope is no net of the elaborated module)."""
    from rtlopt.templates._sem import strip
    x = strip(x)
    if type(x).__name__ != "NamedValueExpression":
        return None
    sym = x.symbol
    if type(sym).__name__ not in ("NetSymbol", "VariableSymbol"):
        return None
    try:
        if sym.parentScope.isProceduralContext:
            return None
    except AttributeError:
        return None
    return sym.name


def not_combinational(an) -> set[str]:
    """Names that cannot be a combinational decode: input ports and targets of nonblocking assignments."""
    from pyslang import ast

    from rtlopt.templates._sem import strip
    out: set[str] = set()
    for s in an.symbols:
        if isinstance(s, ast.PortSymbol) and str(s.direction).split(".")[-1] == "In":
            out.add(s.name)
    for info in an.exprs:
        n = info.node
        if type(n).__name__ == "AssignmentExpression" and n.isNonBlocking:
            lhs = strip(n.left)
            while type(lhs).__name__ in ("ElementSelectExpression", "RangeSelectExpression"):
                lhs = strip(lhs.value)
            if type(lhs).__name__ == "NamedValueExpression":
                out.add(lhs.symbol.name)
    return out


def _sites(an):
    """``{(module, selector name): [site, ...]}``; a site is ``("case", stmt, s, e)`` or ``("cmp", expr info,
    negated, label value)``."""
    out: dict = {}
    skip = not_combinational(an)
    for st, s, e in an.statements:
        if type(st).__name__ != "CaseStatement" or str(st.condition).split(".")[-1] != "Normal":
            continue
        nm = _sel_name(st.expr)
        if nm is None or nm in skip or not st.items:
            continue
        labels = [[_cval(an, x) for x in it.expressions] for it in st.items]
        if any(v is None for ls in labels for v in ls):
            continue
        mod = _module_name(st.syntax)
        if mod is not None:
            out.setdefault((mod, nm), []).append(("case", st, s, e, labels))
    for info in an.exprs:
        n = info.node
        if type(n).__name__ != "BinaryExpression":
            continue
        op = str(n.op).split(".")[-1]
        if op not in ("Equality", "Inequality", "CaseEquality", "CaseInequality"):
            continue
        for a, b in ((n.left, n.right), (n.right, n.left)):
            nm = _sel_name(a)
            if nm in skip:
                break
            v = _cval(an, b) if nm is not None else None
            if nm is not None and v is not None:
                mod = _module_name(n.syntax)
                if mod is not None:
                    out.setdefault((mod, nm), []).append(("cmp", info, op in ("Inequality", "CaseInequality"), v))
                break
    return out


def _case_edits(an, st, s, e, labels, preds_of, andor: bool):
    """Edits turning one ``case (sel)`` into the parallel selection (``None``: not possible)."""
    from rtlopt.hdl.edit import Edit
    from rtlopt.templates._arith import single_assignment
    from rtlopt.templates._sem import is_pure, paren, self_width, strip
    preds = []
    for ls in labels:
        p = preds_of(set(ls))
        if p is None:
            return None
        preds.append(p)
    if andor:
        assigns = [single_assignment(it.stmt) for it in st.items]
        dflt = st.defaultCase
        if dflt is not None:
            assigns.append(single_assignment(dflt))
        if any(a is None or a.isNonBlocking for a in assigns):
            return None
        lhs = [an.info(a.left) for a in assigns]
        if any(x is None for x in lhs) or len({x.key for x in lhs}) != 1:
            return None
        w = lhs[0].width
        terms = []
        rhs_list = [a.right for a in assigns]
        covered = set().union(*[set(ls) for ls in labels])
        conds = list(preds)
        if dflt is not None:
            pd = preds_of(None, exclude=covered)
            if pd is None:
                return None
            conds.append(pd)
        elif not preds_of.total(covered):
            return None  # values no label covers keep the old value: not an AND-OR
        for c, r in zip(conds, rhs_list, strict=True):
            if not is_pure(r) or getattr(strip(r).type, "isSigned", False) or (self_width(r) or w + 1) > w:
                return None
            ri = an.info(r)
            if ri is None:
                return None
            if c == "1'b0" or an.const(r) == 0:
                continue
            terms.append(f"({{{w}{{{c}}}}} & {paren(ri.text.strip())})")
        if not terms:
            terms = [f"{w}'d0"]
        return [Edit(s, e, f"{lhs[0].text.strip()} = {' | '.join(terms)};")]
    edits = []
    syns = [strip(st.expr).syntax] + [strip(x).syntax for it in st.items for x in (it.expressions[0],
                                                                                   it.expressions[-1])]
    if any(y is None for y in syns):
        return None
    sa, sb = an.span(syns[0])
    edits.append(Edit(sa, sb, "1'b1"))
    for k, p in enumerate(preds):
        a0, _ = an.span(syns[1 + 2 * k])
        _, b1 = an.span(syns[2 + 2 * k])
        edits.append(Edit(a0, b1, p))
    if st.check is None or str(st.check).split(".")[-1] not in ("Unique", "Unique0", "Priority"):
        ck = an.text.find("case", s, e)
        if ck < 0:
            return None
        edits.append(Edit(ck, ck, "(* parallel_case *) "))
    return edits


class _Preds:
    def __init__(self, op, k, table):
        self.op, self.k, self.table = op, k, table
        self.cache: dict = {}

    def __call__(self, labels: set[int] | None, exclude: set[int] | None = None):
        if labels is None:
            on = frozenset(v for v in range(1 << self.k) if self.table[v] not in exclude)
        else:
            on = frozenset(v for v in range(1 << self.k) if self.table[v] in labels)
        if on not in self.cache:
            self.cache[on] = _pred(self.op, self.k, set(on))
        return self.cache[on]

    def total(self, covered: set[int]) -> bool:
        return all(t in covered for t in self.table)


def rewrites(text: str, path: str, nls: dict) -> list[tuple[str, str]]:
    """``(new text, description)`` per selector (parallel-case form and AND-OR form)."""
    from rtlopt.hdl.edit import Edit, OverlappingEdits, apply_edits
    from rtlopt.templates._sem import analyze, parses_cleanly
    an = analyze(text, path)
    if an.syntax_errors:
        return []
    out = []
    for (mod, nm), sites in _sites(an).items():
        nl = nls.get(mod)
        if nl is None:
            continue
        dt = _decode_table(nl, nm)
        if dt is None:
            continue
        op, k, table = dt
        preds = _Preds(op, k, table)
        ncase = sum(1 for s in sites if s[0] == "case")
        for andor in ((False, True) if ncase else (False,)):
            edits: list = []
            ok = True
            for site in sites:
                if site[0] == "case":
                    _kind, st, s, e, labels = site
                    got = _case_edits(an, st, s, e, labels, preds, andor)
                    if got is None and andor:
                        got = _case_edits(an, st, s, e, labels, preds, False)
                    if got is None:
                        ok = False
                        break
                    edits += got
                else:
                    _kind, info, neg, v = site
                    p = preds({v})
                    if p is None:
                        ok = False
                        break
                    if neg:  # (the predicate is "!(...)" of one group, or a term / group of its own)
                        p = p[1:] if p.startswith("!(") else f"!{p}"
                    edits.append(Edit(info.start, info.end, p))
            if not ok or not edits:
                continue
            # compares inside a rewritten case statement are replaced with it (drop the inner ones)
            spans = [(ed.start, ed.end) for ed in edits if ed.end - ed.start > 0]
            edits = [ed for ed in edits if not any(a <= ed.start and ed.end <= b and (a, b) != (ed.start, ed.end)
                                                   for a, b in spans)]
            try:
                new = apply_edits(text, edits)
            except (OverlappingEdits, ValueError):
                continue
            if new == text or not parses_cleanly(new, an.errors):
                continue
            form = "AND-OR" if andor else "parallel case"
            out.append((new, f"selector {nm} of module {mod} is a decode of {op}: selection composed onto "
                             f"{op} ({form})"))
    return out


_NL_CACHE: dict = {}
_NL_LOCK = threading.Lock()


def netlists(state, names: list[str], deadline: float) -> dict:
    """The elaborated netlists of ``names`` for the state's texts (a Yosys child run; shared by the
    generators of one round through a small cache keyed by the texts, the top and the modules)."""
    import hashlib

    from rtlopt.errors import RtloptError
    from rtlopt.semantic import _inst_params
    from rtlopt.semantic.netlist import elaborate_modules
    design = getattr(state, "design", None)
    h = hashlib.sha256()
    for p, t in sorted(state.texts.items(), key=lambda kv: str(kv[0])):
        h.update(str(p).encode() + b"\0" + t.encode() + b"\0")
    key = (h.hexdigest(), getattr(design, "top", None))
    with _NL_LOCK:
        have = _NL_CACHE.setdefault(key, {})
        while len(_NL_CACHE) > 8:
            _NL_CACHE.pop(next(iter(_NL_CACHE)))
        missing = [m for m in names if m not in have]
    if missing:
        with tempfile.TemporaryDirectory(prefix="rtlopt-selc-") as td:
            files = []
            for i, (p, t) in enumerate(state.texts.items()):
                f = Path(td) / f"{i}_{Path(p).name}"
                f.write_text(t, encoding="utf-8")
                files.append(f)
            try:
                dirs_in = list(dict.fromkeys(Path(p).resolve().parent for p in state.texts))
                got = elaborate_modules(files, missing, timeout=max(5.0, deadline - time.monotonic()),
                                        top=getattr(design, "top", None), include_dirs=dirs_in,
                                        params=_inst_params(design))
            except RtloptError:
                got = {}
        with _NL_LOCK:
            for m in missing:
                have[m] = got.get(m)
    return {m: have[m] for m in names if have.get(m) is not None}


def selcompose_candidates(state) -> list:
    """Search-loop generator (never raises)."""
    return never_raises(_candidates)(state)


def _candidates(state) -> list:
    from rtlopt.engine.candidate import one_file_candidates
    from rtlopt.templates._sem import analyze
    deadline = generator_deadline(state, BUDGET_S)
    wanted: dict = {}
    for p, t in state.texts.items():
        an = analyze(t, str(p))
        if an.syntax_errors:
            continue
        mods = {m for m, _n in _sites(an)}
        if mods:
            wanted[p] = mods
    if not wanted:
        return []
    nls = netlists(state, sorted(set().union(*wanted.values())), deadline)
    got = []
    for p in wanted:
        for new, desc in rewrites(state.texts[p], str(p), nls):
            got.append(({**state.texts, p: new}, desc))
    return one_file_candidates(state.texts, got, RULE, "selector decode composition", "selcompose")


__all__ = ["rewrites", "selcompose_candidates"]
