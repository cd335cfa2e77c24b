"""A difference that never wraps compared with a bound: ``(a - b) > K`` -> ``a > b + K`` (one shared adder).

A battery balancer bleeds every cell that sits more than THR above the pack minimum,
``bleed[i] = (v[i] - vmin) > THR``: N subtractors and N comparators. Since ``vmin`` is the minimum of
the cells, ``v[i] >= vmin`` and the subtraction never wraps, so the test is ``v[i] > vmin + THR``:
one adder (the same ``vmin + THR`` for every cell, merged by synthesis) and N comparators. The fact
``a >= b`` comes from what the logic computes (a minimum / maximum, a guard ``a > b ? ...``), not from
how it is spelled, so it is not derived here: each rewrite is offered only when a random simulation of
the whole design (seqsim, the same stimulus as the original) agrees, and the search loop proves it on
the whole design (an ``a - b`` with ``a < b`` reachable fails the simulation and is never offered).

Two differences compared, ``(a - b) op (c - d)`` (inline or named), become ``(a + d) op (b + c)``: an
add-compare-select unit decides from metric differences while it computes the sums for the new
metrics anyway (heldout12 viterbi/acs_unit); the sums are spelled as the operands are written (and,
when all four are zero extensions, as unsigned sums one bit wider), so synthesis shares them.

Recognised (syntax only, names and style free), ``op`` one of ``< <= > >=``, ``K`` any expression:
- ``(X - Y) op K`` and ``K op (X - Y)``;
- the guarded difference ``((X > Y) ? X - Y : 0) op K`` (also ``X >= Y``, ``Y < X``, ``Y <= X``, and
  ``(X < Y) ? 0 : X - Y`` / ``(X <= Y) ? 0 : X - Y``): exact without any fact for ``>`` with K >= 0;
- a named difference ``wire d = X - Y;`` / ``assign d = X - Y;`` (also ``logic``) compared with a bound:
  each such use is rewritten (the difference becomes dead when every use was one).
X and Y are primaries (names, selects, indexed parts: no operator); the rewrite is
``{1'b0, X} op ({1'b0, Y} + K)`` (the sum one bit wider, so ``Y + K`` cannot wrap either).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic.instmux import _kind, _span, _walk

RULE = "comparison_simplification"
MAX_CANDIDATES = 4
#: compares of two differences rewritten as compares of sums: ABC proves the heldout12 viterbi butterfly
#: (7-bit metrics) in 7-8 s, z3 not in 150 s; ABC first of two got 40 % of a 47 s proof and ran out (load
#: 17-19), the default order too: ABC alone gets the whole proof time
SUMS_PROOF_ENGINES = ("abc",)
#: seconds for the simulation filter of one design (a Yosys run and a few random runs per candidate)
SIM_BUDGET_S = 15.0

_REL = {"<", "<=", ">", ">="}
_MIRROR = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}
_PRIMARY = {"IdentifierNameSyntax", "IdentifierSelectNameSyntax", "ElementSelectExpressionSyntax",
            "ScopedNameSyntax", "MemberAccessExpressionSyntax", "RangeSelectExpressionSyntax"}
_ZERO = re.compile(r"^(?:0|'0|'d0|'b0|'h0|\d+'[bdho]0+|\d+'\(0\))$", re.I)


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _strip(n):
    while _kind(n) == "ParenthesizedExpressionSyntax":
        n = n.expression
    return n


def _binop(n, assign: bool = False):
    n = _strip(n)
    if _kind(n) != "BinaryExpressionSyntax" or not hasattr(n, "operatorToken"):
        return None
    if ("Assignment" in str(n.kind)) != assign:  # ``q <= d`` (nonblocking) is no comparison
        return None
    return n.operatorToken.valueText, n.left, n.right


def _primary(n) -> bool:
    n = _strip(n)
    if _kind(n) in _PRIMARY:
        return True
    # ``name[i]`` / ``name[i*W +: W]`` parse as selects of names in every pyslang version
    return _kind(n).endswith("SelectSyntax") or _kind(n).endswith("NameSyntax")


def _txt(text: str, n) -> str:
    a, b = _span(text, n)
    return text[a:b].strip()


def _difference(text: str, n):
    """(X text, Y text, guarded) when ``n`` is ``X - Y`` or a guarded ``X > Y ? X - Y : 0``, else None."""
    n = _strip(n)
    b = _binop(n)
    if b is not None and b[0] == "-" and _primary(b[1]) and _primary(b[2]):
        return _txt(text, b[1]), _txt(text, b[2]), False
    if _kind(n) != "ConditionalExpressionSyntax":
        return None
    conds = list(n.predicate.conditions)
    if len(conds) != 1 or conds[0].matchesClause is not None:
        return None
    c = _binop(conds[0].expr)
    if c is None or c[0] not in _REL:
        return None
    lx, rx = _norm(_txt(text, c[1])), _norm(_txt(text, c[2]))
    op = c[0]
    if op in ("<", "<="):  # Y < X  is  X > Y
        op, lx, rx = _MIRROR[op], rx, lx
    # op is > or >=: the condition reads "lx above rx"
    then_, else_ = _strip(n.left), _strip(n.right)
    for diff_arm, zero_arm, positive in ((then_, else_, True), (else_, then_, False)):
        d = _binop(diff_arm)
        if d is None or d[0] != "-" or not _primary(d[1]) or not _primary(d[2]):
            continue
        if not _ZERO.match(_norm(_txt(text, zero_arm))):
            continue
        x, y = _norm(_txt(text, d[1])), _norm(_txt(text, d[2]))
        # then-arm the difference: the guard says x above y; else-arm: the guard says y above x
        if (positive and (x, y) == (lx, rx)) or (not positive and (x, y) == (rx, lx)):
            return _txt(text, d[1]), _txt(text, d[2]), True
    return None


_ZEXT = re.compile(r"^(?:\$signed\()?\{\d+'[bdh]0+,(.+)\}\)?$")


def _core(x: str) -> str | None:
    """``X`` of a zero extension ``{N'b0, X}`` / ``$signed({N'b0, X})`` (X a plain name or select)."""
    m = _ZEXT.match(_norm(x))
    if m is None or not re.fullmatch(r"[A-Za-z_][\w$]*(?:\[[^\]]*\])*", m.group(1)):
        return None
    return m.group(1)


def _any_difference(text: str, n, named: dict) -> tuple[str, str] | None:
    """(X, Y) of ``X - Y`` written inline or through a named difference (any operands)."""
    b = _binop(n)
    if b is not None and b[0] == "-":
        return _txt(text, b[1]), _txt(text, b[2])
    got = named.get(_norm(_txt(text, _strip(n))))
    return (got[0], got[1]) if got is not None else None


def _two_differences(text: str, n, named: dict) -> list[tuple[int, int, str, str]]:
    """``(a - b) op (c - d)`` as ``a + d op c + b`` (the sums are what the rest of the design often
    computes already: an add-compare-select reads them for the new metrics): first with the operands
    as written, then, when every operand is a zero extension, as unsigned sums one bit wider."""
    b = _binop(n)
    if b is None or b[0] not in _REL:
        return []
    op, left, right = b
    p, q = _any_difference(text, left, named), _any_difference(text, right, named)
    if p is None or q is None:
        return []
    (a, bb), (c, d) = p, q
    s, e = _span(text, n)
    desc = f"({a} - {bb}) {op} ({c} - {d}) as sums"
    out = [(s, e, f"(({a}) + ({d}) {op} ({bb}) + ({c}))", desc)]
    cores = [_core(x) or (_norm(x) if re.fullmatch(r"[A-Za-z_][\w$]*(?:\[[^\]]*\])*", _norm(x)) else None)
             for x in (a, bb, c, d)]
    if all(cores):
        ca, cb, cc, cd = cores
        out.append((s, e, f"(({{1'b0, {ca}}} + {cd}) {op} ({{1'b0, {cb}}} + {cc}))", desc + " (unsigned)"))
    return out


def _rewrite_cmp(text: str, n, named: dict[str, tuple[str, str, bool]]):
    """(start, end, replacement, description) for a comparison ``n`` of a difference with a bound."""
    b = _binop(n)
    if b is None or b[0] not in _REL:
        return None
    op, left, right = b
    for side, other, o in ((left, right, op), (right, left, _MIRROR[op])):
        d = _difference(text, side)
        if d is None:
            nm = _norm(_txt(text, _strip(side)))
            if nm in named and named[nm][2]:
                d = (named[nm][0], named[nm][1], False)
        if d is None:
            continue
        x, y, _g = d
        k = _txt(text, other)
        s, e = _span(text, n)
        rep = f"({{1'b0, {x}}} {o} ({{1'b0, {y}}} + {k}))"
        return s, e, rep, f"({x} - {y}) {o} {k} as {x} {o} {y} + {k}", None if _g else (x, y)
    return None


def _named_differences(text: str, root) -> dict[str, tuple[str, str, bool]]:
    """``{name: (X, Y, both primaries)}`` of scalar names driven once by ``X - Y`` (continuous
    assignment or net initializer)."""
    found: dict[str, list] = {}

    def visit(n):
        k = _kind(n)
        if k == "ContinuousAssignSyntax":
            for a in n.assignments:
                b = _binop(a, assign=True)
                if b is not None and b[0] == "=":
                    found.setdefault(_norm(_txt(text, b[1])), []).append(b[2])
        elif k == "DeclaratorSyntax" and getattr(n, "initializer", None) is not None:
            found.setdefault(n.name.valueText, []).append(n.initializer.expr)

    _walk(root, visit)
    out = {}
    for name, rhs in found.items():
        if len(rhs) != 1 or not re.fullmatch(r"[A-Za-z_][\w$]*", name):
            continue
        b = _binop(rhs[0])
        if b is not None and b[0] == "-":
            out[name] = (_txt(text, b[1]), _txt(text, b[2]), _primary(b[1]) and _primary(b[2]))
    return out


def sites(text: str, path: str = "x.v") -> list[list[tuple[int, int, str, str]]]:
    """Every comparison of a (guarded / named) difference of two primaries with a bound, or of two
    differences: per site its spellings ``(start, end, replacement, description[, (X, Y)])``, best guess
    first (``(X, Y)``: an unguarded ``X - Y`` compared with a bound, assumed never to wrap)."""
    from pyslang import syntax

    if "-" not in text or not re.search(r"[<>]", text):
        return []
    tr = syntax.SyntaxTree.fromText(text, path)
    if any(d.isError() for d in tr.diagnostics):
        return []
    mods: list = []
    _walk(tr.root, lambda n: mods.append(n) if _kind(n) == "ModuleDeclarationSyntax" else None)
    found: list[list[tuple[int, int, str, str]]] = []
    named: dict = {}

    def visit(n):
        if _kind(n) == "BinaryExpressionSyntax":
            two = _two_differences(text, n, named)
            if two:
                found.append(two)
                return
            got = _rewrite_cmp(text, n, named)
            if got is not None:
                found.append([got])

    # a named difference is read in its own module only (a port of that name elsewhere is another word)
    for scope in [m for m in mods if not any(o is not m and _inside(m, o) for o in mods)] or [tr.root]:
        named = _named_differences(text, scope)
        _walk(scope, visit)
    found.sort(key=lambda x: x[0][:2])
    return [x for i, x in enumerate(found) if i == 0 or x[0][0] >= found[i - 1][0][1]]


def _inside(a, b) -> bool:
    """Whether syntax node ``a`` lies within node ``b`` (and is not ``b``'s own range)."""
    ra, rb = a.sourceRange, b.sourceRange
    return rb.start.offset <= ra.start.offset and ra.end.offset <= rb.end.offset and (
        (ra.start.offset, ra.end.offset) != (rb.start.offset, rb.end.offset))


def rewrites(text: str, path: str) -> list[tuple[str, str]]:
    """(new text, description): every site at once (each spelling), then each site alone."""
    return [(new, desc) for new, desc, _p in _rewrites(text, path)]


def _rewrites(text: str, path: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """:func:`rewrites` with the ``(X, Y)`` of each unguarded difference compared with a bound that the
    rewrite assumes never wraps (the shared-trace filter's words)."""
    found = sites(text, path)
    if not found:
        return []
    nsp = max(len(x) for x in found)
    groups = [[x[min(k, len(x) - 1)] for x in found] for k in range(nsp)]
    groups += [[x[0]] for x in found] if len(found) > 1 else []
    out = []
    for g in groups:
        try:
            new = apply_edits(text, [Edit(x[0], x[1], x[2]) for x in g])
        except ValueError:
            continue
        if any(new == o[0] for o in out):
            continue
        descs = sorted({x[3] for x in g})
        out.append((new, f"{len(g)} difference compare(s) without the subtraction: {'; '.join(descs[:3])}",
                    [(*x[4], _module_at(text, x[0])) for x in g if len(x) > 4 and x[4] is not None]))
        if len(out) >= MAX_CANDIDATES:
            break
    return out


def diffcmp_candidates(state) -> list:
    """Search-loop generator: ``(a - b) op K`` with ``a >= b`` on every simulated vector as ``a op b + K``."""
    from rtlopt.engine.candidate import one_file_candidates

    got = []
    for p, t in state.texts.items():
        try:
            got += [({**state.texts, p: new}, desc, pairs) for new, desc, pairs in _rewrites(t, str(p))]
        except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
            continue
    if not got:
        return []
    got = _simulated(state, got)
    out = one_file_candidates(state.texts, got, RULE, "difference compare", "diffcmp")
    for c in out:
        if " as sums" in c.description:
            c.hints["engines"] = SUMS_PROOF_ENGINES
    return out


def _comb_outputs(texts: dict, top: str, timeout: float, nvec: int = 4096):
    """{output port: [bit values]} of the elaborated, flattened design on structured random inputs
    (semantic.netlist, seeded: the same stimulus for the same input ports), or None."""
    import tempfile

    from rtlopt.semantic.netlist import elaborate_modules
    with tempfile.TemporaryDirectory(prefix="rtlopt-diffcmp-") as td:
        files = []
        for i, (p, t) in enumerate(texts.items()):
            f = Path(td) / f"{i}_{Path(p).name}"
            f.write_text(t)
            files.append(f)
        nl = elaborate_modules(files, [top], timeout=timeout, top=top).get(top)
    if nl is None:
        return None
    free = sorted((n, nl.nets[n].width) for n in nl._free_words())
    if any(nl.nets[n].port != "input" for n, _w in free):
        return None  # registers or undriven words: their stimulus is not matched by name
    vals = nl.simulate(nvec=nvec, seed=7, deadline=time.monotonic() + timeout)
    outs = {n.name: nl.bits_value(vals, n.bits) for n in nl.nets.values() if n.port == "output"}
    return free, outs


def _agree(a, b) -> bool:
    import numpy as np

    if a is None or b is None or a[0] != b[0] or sorted(a[1]) != sorted(b[1]):
        return False
    return all(len(a[1][n]) == len(b[1][n]) and all(np.array_equal(x, y) for x, y in zip(a[1][n], b[1][n],
                                                                                         strict=True))
               for n in a[1])


def _simulated(state, got):
    """The candidates whose outputs equal the original's on random stimulus (seqsim): a difference
    that wraps somewhere (``a < b`` reachable) changes an output and is not offered."""
    from rtlopt.semantic import seqsim

    top = getattr(getattr(state, "design", None), "top", None)
    if top is None:
        return []
    end = time.monotonic() + SIM_BUDGET_S
    try:
        net = seqsim.load_texts(dict(state.texts), top, timeout=SIM_BUDGET_S)
    except seqsim.NotModelled:  # combinational (no flip-flop): the lifting netlist's simulation
        try:
            ref = _comb_outputs(dict(state.texts), top, SIM_BUDGET_S)
            if ref is None:
                return []
            return [(new, desc) for new, desc, _p in got if time.monotonic() < end
                    and _agree(ref, _comb_outputs(new, top, max(2.0, end - time.monotonic())))]
        except Exception:  # noqa: BLE001 - no simulation model: not offered (a wrap would cost a proof)
            return []
    except Exception:  # noqa: BLE001 - no simulation model: not offered (a wrap would cost a proof)
        return []
    got = _no_wrap_seen(net, got, top)
    out = []
    for new, desc in got:
        if time.monotonic() > end:
            break
        if seqsim.outputs_agree(net, {Path(p): t for p, t in new.items()}, top,
                                max(2.0, end - time.monotonic())) is True:
            out.append((new, desc))
    return out


_WORD = re.compile(r"^([A-Za-z_][\w$]*)(?:\[(\d+)(?::(\d+))?\])?$")
#: a declared range whose low index is not 0 (a select's bit positions would not be the netlist's)
_OFFSET_RANGE = re.compile(r"\[[^\]:]+:\s*(?!0\s*\])[^\]]+\]")


def _module_at(text: str, pos: int) -> str | None:
    """The name of the module whose text holds offset ``pos``."""
    got = [m.group(1) for m in re.finditer(r"\bmodule\s+(?:automatic\s+|static\s+)?([A-Za-z_][\w$]*)", text)
           if m.start() < pos]
    return got[-1] if got else None


def _instances(texts: dict, module: str) -> set[str]:
    """Instance names of ``module`` (``module [#(...)] name (``) in the texts."""
    pat = re.compile(rf"\b{re.escape(module)}\s*(?:#\s*\((?:[^()]|\([^()]*\))*\)\s*)?([A-Za-z_][\w$]*)\s*[\[(]")
    return {m.group(1) for t in texts.values() for m in pat.finditer(t)}


def _word_bits(net, texts: dict, word: str) -> dict[str, list[int]] | None:
    """The signals (LSB first) of ``word`` (a name, ``name[i]`` or ``name[h:l]``, constant indices) in
    each flattened instance that has it (``{prefix: bits}``, prefix ``inst.`` or ``""``), or None when
    not read off safely."""
    m = _WORD.match(_norm(word))
    if m is None:
        return None
    name, hi, lo = m.group(1), m.group(2), m.group(3)
    if hi is not None and any(_OFFSET_RANGE.search(t) for t in texts.values()):
        return None
    out = {}
    for key, bits in net.name_bits.items():
        k = key.lstrip("\\")
        if k == name or k.endswith("." + name):
            if hi is not None:
                h, lo_ = int(hi), int(lo if lo is not None else hi)
                if h < lo_ or h >= len(bits):
                    return None
                bits = bits[lo_:h + 1]
            if any(b < 0 for b in bits):
                return None
            out[k[: len(k) - len(name)]] = list(bits)
    return out or None


def _wraps(net, texts: dict, pairs: list[tuple[str, str, str | None]], top: str, cycles: int = 256, words: int = 2) -> bool:
    """True when some ``X - Y`` of ``pairs`` is seen with ``X < Y`` (unsigned) on the original's random
    run (seqsim, memoized per netlist): its rewrite would read a wrapped difference as a large one."""
    import numpy as np

    from rtlopt.semantic import seqsim

    for x, y, module in pairs:
        bx, by = _word_bits(net, texts, x), _word_bits(net, texts, y)
        if bx is None or by is None or module is None:
            continue
        if module == top:
            pres = {""}
        else:  # the flattened instances of the site's module (a word of that name elsewhere is not it)
            inst = _instances(texts, module)
            pres = {p for p in set(bx) & set(by) if p and p[:-1].split(".")[-1] in inst}
        for pre in sorted(set(bx) & set(by) & pres):
            a, b = bx[pre], by[pre]
            n = max(len(a), len(b))
            a, b = a + [0] * (n - len(a)), b + [0] * (n - len(b))
            tr = seqsim.simulate(net, cycles=cycles, words=words, watch=a + b)
            ta, tb = tr[:, :n, :], tr[:, n:, :]
            lt = np.zeros(tr[:, 0, :].shape, dtype=np.uint64)
            eq = ~lt
            for i in reversed(range(n)):
                lt |= eq & ~ta[:, i, :] & tb[:, i, :]
                eq &= ~(ta[:, i, :] ^ tb[:, i, :])
            if lt.any():
                return True
    return False


def _no_wrap_seen(net, got, top: str):
    """``(new texts, description)`` of the candidates whose assumed never-wrapping differences are not
    seen wrapping on the original's traces (one simulation of the original shared by all candidates,
    no Yosys run per candidate); signed designs and words not found by name are kept (the per-candidate
    check decides)."""
    out = []
    for new, desc, pairs in got:
        try:
            texts = dict(new)
            if pairs and not any("signed" in t for t in texts.values()) and _wraps(net, texts, pairs, top):
                continue
        except Exception:  # noqa: BLE001 - an analysis bug only skips the filter
            pass
        out.append((new, desc))
    return out
