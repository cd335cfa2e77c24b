"""A word that is a constant-weighted sum of input words, re-emitted as ``(sum of positive terms) -
(sum of negative terms)``, every partial sum at the width its value range needs.

Shift-and-subtract weights (``(s << 3) - s``), constant multipliers, accumulator chains through wire
arrays or generate loops, all computed at the declared (often far too wide) width: the tree has one
wide subtractor per term. Found by values, in any spelling: the module is elaborated
(:mod:`rtlopt.semantic.netlist`, Yosys ``proc; flatten``) and for a word ``T`` read somewhere as a
whole (the right side of an assignment naming a net or array element, or the net a continuous
assignment drives) the fan-in cone of ``T`` is evaluated on the all-zero vector and every unit vector
of its cut bits: ``c_j = T(e_j) - T(0)``. When random vectors confirm ``T == T(0) + sum c_j x_j (mod
2^W)`` the bits are grouped into words (runs of one named net whose coefficients double bit to bit),
each word's weight is written in canonical signed digits, the terms sharing a shift are pre-added,
and ``T`` becomes ``pos - neg`` with ``pos``/``neg`` as narrow as their maxima (the difference at
``T``'s width, so that the algebraic engine proves it in seconds). The search loop proves and
measures every candidate.
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

import numpy as np

RULE = "algebraic_factoring"
BUDGET_S = 15.0
_ARITH = {"$add", "$sub", "$mul", "$neg", "$shl", "$sshl", "$shr", "$sshr", "$shift", "$shiftx", "$pos"}
_SIMPLE = re.compile(r"^[A-Za-z_]\w*$")


def _csd(c: int) -> list[tuple[int, int]]:
    """``[(sign, shift)]`` with ``c == sum sign * 2^shift`` (non-adjacent form)."""
    out, k = [], 0
    while c:
        if c & 1:
            d = 2 - (c & 3)  # +1 or -1
            out.append((d, k))
            c -= d
        c >>= 1
        k += 1
    return out


def _module_of(syn):
    p = syn
    while p is not None and type(p).__name__ != "ModuleDeclarationSyntax":
        if "Generate" in type(p).__name__ or type(p).__name__ in ("LoopGenerateSyntax", "IfGenerateSyntax"):
            return None, None
        p = p.parent
    if p is None:
        return None, None
    return p.header.name.valueText, p


def _item_start(an, syn) -> int | None:
    """Start of the module item (line start) holding ``syn``."""
    p = syn
    while p.parent is not None and type(p.parent).__name__ != "ModuleDeclarationSyntax":
        p = p.parent
    if p.parent is None:
        return None
    s, _e = an.span(p)
    ls = an.text.rfind("\n", 0, s) + 1
    return ls if an.text[ls:s].strip() == "" else None


def _net_name(an, node) -> str | None:
    from pyslang import ast
    k = type(node).__name__
    if k == "NamedValueExpression":
        return node.symbol.name
    if k == "ElementSelectExpression" and type(node.value).__name__ == "NamedValueExpression":
        try:
            v = node.selector.eval(ast.EvalContext(an.root))
            idx = int(v.value)
        except Exception:  # noqa: BLE001
            return None
        return f"{node.value.symbol.name}[{idx}]"
    return None


def _sites(an) -> list[tuple[str, str, int, int, int]]:
    """``[(module, net name, start, end, insertion offset)]``: whole-word reads to replace."""
    out = []
    for x in an.exprs:
        node = x.node
        syn = node.syntax
        par = getattr(syn, "parent", None)
        if par is None or "Assignment" not in str(getattr(par, "kind", "")):
            continue
        ps, pe = an.span(par)
        if (x.start, x.end) != an.span(par.right):
            continue
        mod, _m = _module_of(syn)
        if mod is None:
            continue
        name = _net_name(an, node)
        if name is None:  # a continuous assignment's whole right side: the net it drives
            lhs = par.left
            grand = par.parent
            if "ContinuousAssign" not in type(grand).__name__:
                continue
            name = an.text[slice(*an.span(lhs))].strip()
            if not _SIMPLE.match(name):
                continue
        ins = _item_start(an, syn)
        if ins is not None:
            out.append((mod, name, x.start, x.end, ins))
    return out


def _fit(nl, bits: list, rng, min_arith: int = 2) -> tuple[int, dict] | None:
    """``(T(0), {bit: coefficient mod 2^W})`` when ``T`` is affine in its cut bits (through at least
    ``min_arith`` arithmetic cells), else None."""
    w = len(bits)
    if w > 64 or w < 2:
        return None
    cells = nl.fanin_cells(bits)
    if sum(1 for i in cells if nl.cells[i].type in _ARITH) < min_arith:
        return None
    if any(nl.cells[i].type not in _ARITH and nl.cells[i].type not in ("$mux", "$pmux", "$and", "$or",
                                                                        "$not", "$xor")
           for i in cells):
        return None
    _inside, reads = nl.cone_bits(cells)
    leaves = sorted(reads | {b for b in bits if isinstance(b, int) and b not in _inside})
    n = len(leaves)
    if n == 0 or n > 512:
        return None
    nr = 64
    nvec = 1 + n + nr
    mat = np.zeros((nvec, n), dtype=bool)
    for j in range(n):
        mat[1 + j, j] = True
    mat[1 + n:] = rng.integers(0, 2, (nr, n)).astype(bool)
    inputs = {b: mat[:, j].copy() for j, b in enumerate(leaves)}
    vals = nl.simulate_cells(cells, inputs, nvec)
    for b in bits:
        if isinstance(b, int) and b not in vals:
            return None
    t = nl.word_int(vals, bits)
    m = 1 << w
    t0 = int(t[0]) % m
    coef = {b: (int(t[1 + j]) - t0) % m for j, b in enumerate(leaves)}
    for r in range(nr):
        row = mat[1 + n + r]
        if (t0 + sum(coef[b] for j, b in enumerate(leaves) if row[j])) % m != int(t[1 + n + r]) % m:
            return None
    return t0, coef


def _words(nl, coef: dict, w: int):
    """``[(net name, lo, hi, signed coefficient of bit lo)]`` or None when a bit has no source name."""
    m = 1 << w
    where = {}
    for net in sorted(nl.nets.values(), key=lambda n: (n.port != "input", n.hidden, n.name)):
        if net.hidden or net.upto or not _SIMPLE.match(net.name):
            continue
        for k, b in enumerate(net.bits):
            if isinstance(b, int) and b in coef and b not in where:
                where[b] = (net.name, k + net.offset)
    if any(c and b not in where for b, c in coef.items()):
        return None
    runs = []
    for b in sorted((b for b, c in coef.items() if c), key=lambda b: where[b]):
        name, k = where[b]
        c = coef[b]
        if runs and runs[-1][0] == name and runs[-1][2] == k - 1 and (runs[-1][4] * 2) % m == c:
            runs[-1][2] = k
            runs[-1][4] = c
        else:
            runs.append([name, k, k, c, c])
    out = []
    for name, lo, hi, c, _last in runs:
        sc = c - m if c >= m // 2 else c
        out.append((name, lo, hi, sc))
    return out


def _emit(words, t0: int, w: int, base: str, full: dict) -> tuple[list[str], str, int] | None:
    """(declarations, name of the result, result width)."""
    def leaf(name, lo, hi, full):
        if name.startswith(base):
            return name
        return name if full.get(name) == (lo, hi) else (f"{name}[{lo}]" if lo == hi else f"{name}[{hi}:{lo}]")

    pos: dict[int, list] = {}
    neg: dict[int, list] = {}
    decls = []
    vmax, vmin = t0, t0
    by_coef: dict[int, list] = {}
    for name, lo, hi, c in words:
        by_coef.setdefault(c, []).append((name, lo, hi))
    for j, (c, ws) in enumerate(sorted(by_coef.items(), key=lambda kv: (abs(kv[0]), kv[0]))):
        top = sum((1 << (hi - lo + 1)) - 1 for _n, lo, hi in ws)
        if c > 0:
            vmax += c * top
        else:
            vmin += c * top
        if len(ws) > 1:  # words of one weight: pre-added, the weight applied once
            pname = f"{base}_w{j}"
            decls.append(f"wire [{max(1, top.bit_length()) - 1}:0] {pname} = "
                         + " + ".join(leaf(*x, full) for x in ws) + ";")
            item = (pname, 0, top.bit_length() - 1, top)
        else:
            item = (*ws[0], top)
        for d, k in _csd(abs(c)):
            s = d if c > 0 else -d
            (pos if s > 0 else neg).setdefault(k, []).append(item)
    if not neg or vmax >= (1 << 64):
        return None
    n = [0]

    def side(groups, tag, const=0):
        terms, total = [], const
        for k in sorted(groups):
            g = groups[k]
            gmax = sum(t for *_x, t in g)
            if len(g) > 1:
                n[0] += 1
                gw = max(1, gmax.bit_length())
                gname = f"{base}_{tag}{k}"
                decls.append(f"wire [{gw - 1}:0] {gname} = " + " + ".join(leaf(a, lo, hi, full) for a, lo, hi, _t in g)
                             + ";")
                txt = gname
            else:
                a, lo, hi, _t = g[0]
                txt = leaf(a, lo, hi, full)
            terms.append(f"{{{txt}, {k}'b0}}" if k else txt)
            total += gmax << k
        if const:
            terms.append(f"{max(1, const.bit_length())}'d{const}")
        if len(terms) == 1 and 0 in groups and not const:
            return terms[0]
        sw = max(1, total.bit_length())
        name = f"{base}_{tag}"
        decls.append(f"wire [{sw - 1}:0] {name} = " + " + ".join(terms) + ";")
        return name

    p = side(pos, "pos", t0)
    q = side(neg, "neg")
    # the difference at the word's own width: a narrower one drops a borrow that only the value range
    # (pos >= neg) makes zero, which the algebraic proof (polynomials mod 2^W) cannot see; the bits
    # above the range are left to synthesis and to the register width reduction
    rw = w
    res = f"{base}_val"
    decls.append(f"wire [{rw - 1}:0] {res} = {p} - {q};")
    return decls, res, rw


def _fresh(text: str, base: str) -> str:
    name, n = base, 0
    while re.search(rf"\b{re.escape(name)}", text):
        n += 1
        name = f"{base}{n}"
    return name


def rewrites(texts: dict, budget_s: float = BUDGET_S, params: dict | None = None) -> list[tuple[Path, str, str]]:
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.netlist import elaborate_modules
    from rtlopt.templates._sem import analyze, parses_cleanly

    deadline = time.monotonic() + budget_s
    out = []
    rng = np.random.default_rng(7)
    for path, text in texts.items():
        if "-" not in text and "*" not in text:
            continue
        an = analyze(text, str(path))
        if an.syntax_errors:
            continue
        sites = _sites(an)
        if not sites:
            continue
        mods = sorted({s[0] for s in sites})
        with tempfile.TemporaryDirectory(prefix="rtlopt-linsum-") as td:
            f = Path(td) / Path(path).name
            f.write_text(text, encoding="utf-8")
            try:
                nls = elaborate_modules([f], mods, timeout=max(5.0, deadline - time.monotonic()),
                                        include_dirs=[Path(path).resolve().parent], params=params)
            except Exception:  # noqa: BLE001
                continue
        done = set()
        for mod, name, s, e, ins in sites:
            nl = nls.get(mod)
            if nl is None or time.monotonic() > deadline or (mod, name) in done:
                continue
            net = nl.nets.get(name)
            if net is None or net.signed:
                continue
            done.add((mod, name))
            try:
                fit = _fit(nl, net.bits, rng)
            except Exception:  # noqa: BLE001 - an unsupported cell: no rewrite
                fit = None
            if fit is None:
                continue
            t0, coef = fit
            words = _words(nl, coef, net.width)
            if not words or len(words) < 2:
                continue
            base = _fresh(text, re.sub(r"\W", "_", name).strip("_") + "_lin")
            full = {x.name: (x.offset, x.offset + x.width - 1) for x in nl.nets.values()}
            em = _emit(words, t0, net.width, base, full)
            if em is None:
                continue
            decls, res, rw = em
            ind = re.match(r"[ \t]*", text[ins:]).group(0)
            block = "".join(f"{ind}{d}\n" for d in decls)
            new = apply_edits(text, [Edit(ins, ins, block), Edit(s, e, res)])
            if new != text and parses_cleanly(new, an.errors):
                out.append((path, new, f"{name} as (positive terms) - (negative terms), {rw} bits"))
    return out


def linsum_candidates(state) -> list:
    from rtlopt.engine.candidate import budgeted_candidates

    return budgeted_candidates(state, rewrites, BUDGET_S, RULE, "positive minus negative terms", "linsum", instance_params=True)


__all__ = ["linsum_candidates", "rewrites"]
