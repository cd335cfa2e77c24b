"""Exclusive sharing of whole arithmetic trees: ``k0 * x + c0`` / ``k1 * x + c1`` under disjoint guards.

:class:`rtlopt.templates._share.ExclusiveOperatorSharing` shares one adder, multiplier or comparator
at a time (unsigned products only through the adder that reads them). Here every maximal tree of
``+``, ``-``, ``*`` and unary ``-`` (and every sub-tree with a product or two operators) is one use:
two or more uses of the same shape (operators and operand positions, commutative operands turned so
the leaves agree; signed or unsigned alike) whose guards z3 proves pairwise disjoint (if/else and case
arms, FSM state decodes, different always blocks, temporaries read only under a guard) become one unit
at module level with a mux per leaf position::

    wire signed [5:0] rtlopt_sht0_l0 = <sel> ? kx : <sel> ? ky : kz;   // one mux per differing leaf
    wire signed [5:0] rtlopt_sht0_l1 = <sel> ? ex : <sel> ? ey : ez;
    wire [13:0] rtlopt_sht0 = acc + rtlopt_sht0_l0 * rtlopt_sht0_l1;

and each use reads the unit (``$signed(rtlopt_sht0)`` in a signed context, its low bits when narrower).
Exact under each use's guard: there the selects pick that use's leaves, the leaves are extended the
way the use's context extended them (the mux wire has the context's signedness and the widest leaf's
width; a signed leaf in an unsigned context is read through ``$unsigned``) and the low bits of a sum,
difference or product depend only on the low bits of its operands, so the unit's low ``W`` bits are
the use's value. Leaves are self-determined (names, selects, concatenations, literals, casts) and read
nothing blocking-assigned where they are evaluated. Whether the muxes cost less than the trees saved
is left to measurement; every candidate is proven.
"""

from __future__ import annotations

import re
from itertools import combinations, permutations

from pyslang import ast

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match
from rtlopt.templates._guards import (
    Site,
    Z3Expr,
    _const_of,
    guard_reads,
    guard_z3,
    lit_text,
    net_definitions,
    reads,
    sites,
    unsat,
)
from rtlopt.templates._sem import Analysis, op_name, paren, strip

_LEAVES = {"NamedValueExpression", "RangeSelectExpression", "ElementSelectExpression", "IntegerLiteral",
           "ConcatenationExpression", "ReplicationExpression", "UnbasedUnsizedIntegerLiteral"}
_OPS = {"Add": "+", "Subtract": "-", "Multiply": "*"}
MAX_USES = 12  # per shape and module
MAX_LEAVES = 8
MAX_ORIENT = 32  # orientations of one use tried (2 ** commutative nodes)


def _is_leaf(n) -> bool:
    k = type(n).__name__
    if k in _LEAVES:
        return True
    if k == "ConversionExpression" and not n.isImplicit:  # ``W'(x)``, ``signed'(x)``: self-determined
        return True
    return k == "CallExpression" and n.isSystemCall and n.subroutineName in ("$signed", "$unsigned") \
        and len(n.arguments) == 1


def _tree(n, signed: bool):
    """``(shape, leaves)`` of an arithmetic tree whose operators all have the signedness ``signed``:
    shape is a nested tuple (``("+", "L", ("*", "L", "L"))``), leaves the leaf nodes left to right;
    None when anything else is inside."""
    n = strip(n)
    k = type(n).__name__
    if k == "BinaryExpression" and op_name(n) in _OPS:
        if bool(n.type.isSigned) != signed:
            return None
        a, b = _tree(n.left, signed), _tree(n.right, signed)
        if a is None or b is None:
            return None
        return (_OPS[op_name(n)], a[0], b[0]), a[1] + b[1]
    if k == "UnaryExpression" and op_name(n) == "Minus":
        if bool(n.type.isSigned) != signed:
            return None
        a = _tree(n.operand, signed)
        return None if a is None else (("neg", a[0]), a[1])
    if _is_leaf(n) and n.type.isIntegral and int(n.type.bitWidth or 0) > 0:
        return "L", [n]
    return None


def _unflag(shape):
    """The shape with sums and differences alike (``±``): one unit adds or subtracts per use."""
    if shape == "L":
        return shape
    return (("±" if shape[0] in "+-" else shape[0]),) + tuple(_unflag(x) for x in shape[1:])


def _canon(shape):
    """The unflagged shape with the sides of every sum, difference and product in a canonical order:
    the uses of one shape class may be turned into one another (a difference keeps its sides)."""
    if shape == "L":
        return shape
    kids = [_canon(x) for x in shape[1:]]
    if shape[0] in "+-*":  # (a grouping key: whether the uses can be turned alike is for _emit to find)
        kids.sort(key=repr)
    return (("\u00b1" if shape[0] in "+-" else shape[0]),) + tuple(kids)


def _signs(shape) -> list[str]:
    """``+`` / ``-`` of every sum or difference of the shape, in pre-order."""
    if shape == "L":
        return []
    return ([shape[0]] if shape[0] in "+-" else []) + [x for c in shape[1:] for x in _signs(c)]


def _orientations(shape, leaves: list) -> list[tuple]:
    """Every ``(shape, leaves)`` obtained by swapping the operands of commutative nodes whose two
    sides have the same shape (the shape itself is unchanged)."""
    def rec(sh, lv):
        if sh == "L":
            return [(sh, lv[:1], lv[1:])]
        if sh[0] == "neg":
            return [(("neg", s), used, rest) for s, used, rest in rec(sh[1], lv)]
        out = []
        for s1, u1, r1 in rec(sh[1], lv):
            for s2, u2, r2 in rec(sh[2], r1):
                out.append(((sh[0], s1, s2), u1 + u2, r2))
                if sh[0] in "+*":  # (the operands of a sum or product in either order)
                    out.append(((sh[0], s2, s1), u2 + u1, r2))
        return out[:MAX_ORIENT]
    return [(s, u) for s, u, _r in rec(shape, leaves)]


def _ops_of(shape) -> int:
    return 0 if shape == "L" else 1 + sum(_ops_of(s) for s in shape[1:])


def _has_mul(shape) -> bool:
    return shape != "L" and (shape[0] == "*" or any(_has_mul(s) for s in shape[1:]))


def _expr(shape, names: list[str], signs: list[str] | None = None, uw: int = 0, signed: bool = False) -> str:
    """The unit's expression; ``signs``: per sum/difference ``+``, ``-`` or a select wire that makes it
    a difference (``a + (b ^ {W{s}}) + s``, kept signed in a signed tree)."""
    it = iter(names)
    sg = iter(signs or [])

    def rec(sh):
        if sh == "L":
            return next(it)
        if sh[0] == "neg":
            return f"-{paren(rec(sh[1]))}"
        op = sh[0] if sh[0] != "±" else next(sg)
        a = rec(sh[1])
        b = rec(sh[2])
        if op not in "+-*":
            mask = f"$signed({{{uw}{{{op}}}}})" if signed else f"{{{uw}{{{op}}}}}"
            cin = f"$signed({{1'b0, {op}}})" if signed else op
            return f"({a} + ({b} ^ {mask}) + {cin})"
        return f"({a} {op} {b})"
    t = rec(shape)
    return t[1:-1] if t.startswith("(") and t.endswith(")") else t


class _Use:
    __slots__ = ("site", "node", "shape", "leaves", "signed", "width", "start", "end")

    def __init__(self, site, node, shape, leaves, signed, width, start, end):
        self.site, self.node, self.shape, self.leaves = site, node, shape, leaves
        self.signed, self.width, self.start, self.end = signed, width, start, end


def _leaf_key(an: Analysis, n) -> str:
    info = an.info(n)
    return info.key if info is not None else repr(n)


def _leaf_text(an: Analysis, n, signed: bool) -> str | None:
    info = an.info(n)
    if info is None:
        return None
    t = info.text.strip()
    if not signed and n.type.isSigned:
        return f"$unsigned({t})"
    return t


def tree_matches(tmpl, an: Analysis, guard_of) -> list[Match]:
    """Matches of :class:`ExclusiveOperatorSharing` for whole arithmetic trees (see the module doc).
    ``guard_of(site) -> guard``: the site's guard, extended by the guard of a temporary's reads."""
    uses: dict[tuple, list[_Use]] = {}
    seen: set[tuple[int, int]] = set()
    for site in sites(an):
        n = strip(site.node)
        if type(n).__name__ not in ("BinaryExpression", "UnaryExpression") or isinstance(
                site.block, ast.SubroutineSymbol):
            continue
        info = an.info(n)
        if info is None or (info.start, info.end) in seen:
            continue
        signed = bool(n.type.isSigned)
        got = _tree(n, signed)
        if got is None:
            continue
        shape, leaves = got
        flagged = shape
        shape = _canon(shape)
        # a product in it (sums alone are the adder sharing's); a lone unsigned product is too (the mul kind)
        if not _has_mul(shape) or (_ops_of(shape) < 2 and not signed) or len(leaves) > MAX_LEAVES:
            continue
        if all(_const_of(an, lf) is not None for lf in leaves):
            continue  # a constant expression (``2*XLEN`` in a range bound): nothing to share
        guard = guard_of(site)
        if not guard or guard_reads(guard) & site.volatile or any(lit_text(an, g) is None for g in guard):
            continue
        if any(reads(lf) & site.volatile for lf in leaves) or any(an.info(lf) is None for lf in leaves):
            continue
        width = int(n.type.bitWidth or 0)
        if width <= 0:
            continue
        seen.add((info.start, info.end))
        s2 = Site(site.node, guard, site.block, site.volatile, site.item)
        mod = _module_start(an, n)
        uses.setdefault((mod, signed, shape), []).append(
            _Use(s2, n, flagged, leaves, signed, width, info.start, info.end))
    out: list[Match] = []
    defs = getattr(an, "_net_defs", None)
    if defs is None:
        defs = an._net_defs = net_definitions(an)
    zx = Z3Expr(an, defs=defs)
    for (_mod, _signed, _shape), group in uses.items():
        group = group[:MAX_USES]
        if len(group) < 2:
            continue
        gz = [guard_z3(an, zx, u.site.guard) for u in group]
        n = len(group)
        excl = {(i, j) for i, j in combinations(range(n), 2) if unsat(gz[i], gz[j], timeout_ms=1000)}
        if not excl:
            continue
        cliques: list[tuple[int, ...]] = []
        for s in range(n):
            c = [s]
            for j in range(n):
                if j != s and all((min(j, k), max(j, k)) in excl for k in c):
                    c.append(j)
            t = tuple(sorted(c))
            if len(t) >= 2 and t not in cliques:
                cliques.append(t)
        cliques.sort(key=lambda c: (-len(c), c))
        for c in cliques[:2]:
            m = _emit(tmpl, an, zx, [group[i] for i in c], [gz[i] for i in c])
            if m is not None:
                out.append(m)
    return out


def _module_start(an: Analysis, n) -> int:
    syn = n.syntax
    while syn.parent is not None and type(syn).__name__ != "ModuleDeclarationSyntax":
        syn = syn.parent
    return an.span(syn)[0]


def _module_end(an: Analysis, n) -> int | None:
    """Offset of the start of the line of the ``endmodule`` that closes the module of ``n``."""
    syn = n.syntax
    while syn.parent is not None and type(syn).__name__ != "ModuleDeclarationSyntax":
        syn = syn.parent
    if type(syn).__name__ != "ModuleDeclarationSyntax":
        return None
    a, b = an.span(syn)
    e = an.text.rfind("endmodule", a, b)
    if e < 0 or an.text[an.text.rfind("\n", 0, e) + 1:e].strip():
        return None
    return an.text.rfind("\n", 0, e) + 1


def _fresh(an: Analysis) -> str:
    i = 0
    while f"rtlopt_sht{i}" in an.text:
        i += 1
    return f"rtlopt_sht{i}"


def _emit(tmpl, an: Analysis, zx: Z3Expr, group: list[_Use], gz: list) -> Match | None:
    from rtlopt.templates._selmin import minimize
    from rtlopt.templates._share import _care_points, _Op, _text_selectors

    # orient every use so its leaves agree with the first use's at as many positions as possible
    # (the first use as written that every other use can be turned into: a difference keeps its sides)
    for base in group:
        shape0 = _unflag(base.shape)
        oriented = [(base.shape, base.leaves)]
        for u in group:
            if u is base:
                continue
            best = None
            for sh, lv in _orientations(u.shape, u.leaves):
                if _unflag(sh) != shape0:
                    continue
                cost = sum(_leaf_key(an, a) != _leaf_key(an, b) for a, b in zip(lv, base.leaves, strict=True))
                cost += sum(x != y for x, y in zip(_signs(sh), _signs(base.shape), strict=True))
                if best is None or cost < best[0]:
                    best = (cost, sh, lv)
            if best is None:
                break
            oriented.append((best[1], best[2]))
        else:
            break
    else:
        return None
    order0 = sorted(range(len(group)), key=lambda i: group[i] is not base)  # base first, the rest in order
    group, gz = [group[i] for i in order0], [gz[i] for i in order0]
    signed = base.signed
    uw = max(u.width for u in group)
    nleaves = len(base.leaves)
    ops = [_Op(u.site, "tree", u.node, None, False, u.width, u.start, u.end, False) for u in group]
    care = _care_points(an, zx, ops, gz)
    name = _fresh(an)
    lines: list[str] = []
    operands: list[str] = []
    order = None
    sel_t: list[str] = []
    if care is None:
        got = _text_selectors(an, zx, ops, gz)
        if got is None:
            return None
        order, sel_t = got
    muxes = 0
    for pos in range(nleaves):
        vals = [lv[pos] for _sh, lv in oriented]
        keys = [_leaf_key(an, v) for v in vals]
        texts = [_leaf_text(an, v, signed) for v in vals]
        if None in texts:
            return None
        if len(set(keys)) == 1:
            operands.append(paren(texts[0]))
            continue
        lw = max(int(strip(v).type.bitWidth) for v in vals)
        if care is not None:
            bits, pts = care
            chain = _min_chain_keys(keys, texts, pts, bits, minimize)
        else:
            chain = _chain_keys([keys[i] for i in order], [texts[i] for i in order], sel_t)
        if chain is None:
            return None
        w = f"{name}_l{pos}"
        lines.append(f"wire {'signed ' if signed else ''}[{lw - 1}:0] {w} = {chain};")
        operands.append(w)
        muxes += 1
    signs: list[str] = []
    for k, col in enumerate(zip(*[_signs(sh) for sh, _lv in oriented], strict=True)):
        if len(set(col)) == 1:
            signs.append(col[0])
            continue
        if care is None:  # a priority chain of constants over the guard selectors
            flags = [("1", "1'b1") if col[i] == "-" else ("0", "1'b0") for i in order]
            lines.append(f"wire {name}_s{k} = {_chain_keys([f[0] for f in flags], [f[1] for f in flags], sel_t)};")
            signs.append(f"{name}_s{k}")
            muxes += 1
            continue
        bits, pts = care
        on = set().union(*[p for p, c in zip(pts, col, strict=True) if c == "-"])
        off = set().union(*[p for p, c in zip(pts, col, strict=True) if c == "+"])
        got = minimize(on, off, bits)
        if got is None:
            return None
        lines.append(f"wire {name}_s{k} = {got[0]};")
        signs.append(f"{name}_s{k}")
        muxes += 1
    if not muxes:
        return None  # one value: common subexpression elimination's business
    lines.append(f"wire [{uw - 1}:0] {name} = {_expr(shape0, operands, signs, uw, signed)};")
    pos0 = min(u.site.item[0] for u in group)
    used = set()
    for u in group:
        used |= reads(u.node)
        g = guard_reads(u.site.guard)
        # (care-set selects read only the select bits' signals, among those the guards read)
        used |= g if care is None else {k for k in g if k[0] in {b.split("[")[0] for b in care[0]}}
    ls = an.text.rfind("\n", 0, pos0) + 1
    indent = an.text[ls:pos0] if not an.text[ls:pos0].strip() else ""
    if any(k[1] >= pos0 for k in used):
        # a leaf or guard signal declared after the first use (``wire p0 = k0 * x + c0;`` above the
        # ``seg`` its read is selected by): the unit is declared there and driven at the module's end
        end = _module_end(an, base.node)
        if end is None:
            return None
        unit = lines.pop()
        decl = unit.split(" = ", 1)[0]
        edits = [Edit(pos0, pos0, f"{decl};\n{indent}"),
                 Edit(end, end, "".join(f"{indent}{ln}\n" for ln in lines)
                      + f"{indent}assign {name} = {unit.split(' = ', 1)[1]}\n")]
    else:
        edits = [Edit(pos0, pos0, "".join(f"{ln}\n{indent}" for ln in lines))]
    for u in group:
        r = name if u.width == uw else f"{name}[{u.width - 1}:0]"
        if u.signed:
            r = f"$signed({r})"
        elif u.width != uw:
            r = f"({r})"
        edits.append(Edit(u.start, u.end, r))
    first = min(group, key=lambda u: u.start)
    return tmpl._m(an, first.start, first.end,
                   f"one {uw}-bit {'signed ' if signed else ''}{_expr(shape0, ['_'] * nleaves, _signs(base.shape))} unit shared "
                   f"by {len(group)} exclusive uses ({', '.join(an.text[u.start:u.end].strip() for u in group[:4])})",
                   edits, care=care is not None, nops=len(group), spans=tuple((u.start, u.end) for u in group),
                   tree=True, **({"engines": PROOF_ENGINES_COMB} if not _clocked(an.text) else {}))


#: Proof order for a design without flip-flops: Yosys SAT on the miter decides muxed products in seconds
#: (heldout12 pwl_act, 6x6: sat 3.0 s, z3 11.6 s, ABC 11.9 s at load 16); the rest after it.
PROOF_ENGINES_COMB = ("sat", "smt", "abc")


def _clocked(text: str) -> bool:
    return re.search(r"\b(posedge|negedge)\b", text) is not None


def _chain_keys(keys: list[str], texts: list[str], sels: list[str]) -> str:
    """``s1 ? v1 : s2 ? v2 : vN`` (equal neighbours merged, a tail equal to the last value dropped)."""
    entries: list[tuple[list[str], str, str]] = []
    for k, t, s in zip(keys[:-1], texts[:-1], sels[:-1], strict=True):
        if entries and entries[-1][1] == k:
            entries[-1][0].append(s)
        else:
            entries.append(([s], k, t))
    while entries and entries[-1][1] == keys[-1]:
        entries.pop()
    chain = paren(texts[-1])
    for ss, _k, t in reversed(entries):
        cond = ss[0] if len(ss) == 1 else " || ".join(paren(s) for s in ss)
        chain = f"{cond} ? {paren(t)} : {chain}"
    return chain


def _min_chain_keys(keys: list[str], texts: list[str], pts: list[set[int]], bits: list[str],
                    minimize) -> str | None:
    """The operand chain with each select minimised over the care set (see ``_share._min_chain``)."""
    distinct = list(dict.fromkeys(keys))
    text = dict(zip(keys, texts, strict=True))
    on = {k: set().union(*[p for p, kk in zip(pts, keys, strict=True) if kk == k]) for k in distinct}
    best = None
    for perm in (permutations(distinct) if len(distinct) <= 4 else [tuple(distinct)]):
        cost, sels = 0.0, []
        for i, k in enumerate(perm[:-1]):
            later = set().union(*[on[k2] for k2 in perm[i + 1:]])
            got = minimize(on[k], later, bits)
            if got is None:
                break
            sels.append(got[0])
            cost += got[1] + 0.1 * got[0].count("~")
        else:
            if best is None or cost < best[0]:
                best = (cost, perm, sels)
    if best is None:
        return None
    _c, perm, sels = best
    chain = paren(text[perm[-1]])
    for k, sel in reversed(list(zip(perm[:-1], sels, strict=True))):
        if sel == "1'b1":
            chain = paren(text[k])
        elif sel != "1'b0":
            chain = f"{sel} ? {paren(text[k])} : {chain}"
    return chain

