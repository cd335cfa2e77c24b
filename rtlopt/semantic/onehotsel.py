"""An indexed read at an index encoded from a one-hot-or-zero vector becomes an AND-OR selection.

``idx = encode(g)`` (a priority encoder written as a loop, a ``casez`` table, a function, an OR of
indices ...) followed by a read ``data[idx*DW +: DW]`` / ``mem[idx]`` builds an encoder and a binary
multiplexer tree. When ``g`` is one-hot or zero in every reachable state (an arbiter's grant, ``x & -x``,
a rotating token), the read is ``|({DW{g[k]}} & data[f(k)])`` over the grant bits: one AND-OR level, no
encoder (it stays only where something else still reads it).

Finding is semantic, never by names or coding style:

- a *site* is a select (``a[i]``, ``a[i +: W]``, ``a[i -: W]``, chains of them) whose index reads one
  module-level variable ``idx`` that the select's own block does not write after the read;
- on the module's gate model (:mod:`rtlopt.semantic.netlist`, elaborated at the instance parameters) the
  cone of ``idx`` is cut at a named vector ``g`` (any name, inputs/registers/intermediate words; a cone
  through flattened sub-module instances too) that is its only boundary, and ``f`` is tabulated by
  simulating that cone at ``g = 0`` and ``g = 1 << k`` for every ``k``;
- ``g`` must be one-hot or zero: on random values of the module's inputs and registers (a combinational
  property: ``x & -x``, a fixed-priority grant), or, for every instance of the module, on the design's
  gate model simulated from reset (:mod:`rtlopt.semantic.seqsim`: a registered grant, a grant coming in
  through a port).

The rewrite substitutes the index by each value ``f(1 << k)`` (a literal of the index's width, so every
select keeps its meaning) and ANDs each read with its grant bits. The value read when ``g`` is zero is
the original's too: the slot ``f(0)`` is selected by "no bit that maps elsewhere is set", so the
output is the same for a zero grant (and for one-hot grants the conditions are exactly one-hot). A
literal index out of the selected range (an X read in the original) refuses the site. In a
parameterized module the edit is pinned to the elaborated parameter values (the original kept for
every other value, :func:`rtlopt.semantic.emit._pinned`). The search proves every candidate
(sequentially from reset where the property needs reachable states) and measures it.
"""

from __future__ import annotations

import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RULE = "onehot_select_andor"
MAX_GRANT = 64
MAX_SITES = 8
#: the one-hot property must be seen at this many distinct grant positions (evidence of exploration)
MIN_POSITIONS = 2


@dataclass
class Site:
    path: Path
    module: str
    start: int
    end: int
    idx: str
    width: int
    signed: bool


_SELECTS = ("ElementSelectExpression", "RangeSelectExpression", "MemberAccessExpression")


def _kind(node) -> str:
    return type(node).__name__


def _variables(node, out: set) -> set:
    """Names of the non-constant symbols (nets, variables) an expression reads."""
    from pyslang import ast

    def visit(n):
        if isinstance(n, ast.NamedValueExpression):
            sym = n.symbol
            k = str(sym.kind).split(".")[-1]
            if k not in ("Parameter", "Genvar", "EnumValue", "Specparam"):
                out.add((sym.name, k))
        return True

    node.visit(visit)
    return out


def _selector_nodes(node) -> list | None:
    """The index expressions of one select (None for a select with a variable width/bound)."""
    k = _kind(node)
    if k == "ElementSelectExpression":
        return [node.selector]
    if k == "RangeSelectExpression":
        sk = str(node.selectionKind).split(".")[-1]
        if sk == "Simple":
            return [node.left, node.right]
        return [node.left, node.right]
    return []


def _lvalue_spans(an) -> list[tuple[int, int]]:
    out = []
    for x in an.exprs:
        if _kind(x.node) == "AssignmentExpression":
            out.append(an.span(x.node.left.syntax))
    return out


def _module_of(an, pos: int):
    from rtlopt.semantic.emit import _modules
    for m in _modules(an):
        s, e = an.span(m)
        if s <= pos < e:
            return m.header.name.valueText, (s, e)
    return None, None


def _blocks(an) -> list[tuple[int, int]]:
    from pyslang import ast
    out = []
    for s in an.symbols:
        if isinstance(s, (ast.ProceduralBlockSymbol, ast.SubroutineSymbol)) and getattr(s, "syntax", None) is not None:
            out.append(an.span(s.syntax))
    return out


def _loops(an) -> list[tuple[int, int]]:
    return [(s, e) for st, s, e in an.statements
            if _kind(st) in ("ForLoopStatement", "WhileLoopStatement", "DoWhileLoopStatement", "RepeatLoopStatement",
                             "ForeverLoopStatement", "ForeachLoopStatement")]


def _masked(text: str) -> str:
    return re.sub(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\])*\"", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text,
                  flags=re.S)


def sites(an, path: Path) -> list[Site]:
    """Reads whose select index depends on exactly one module-level variable (see the module docstring)."""
    text = an.text
    masked = _masked(text)
    lhs = _lvalue_spans(an)
    blocks = _blocks(an)
    loops = _loops(an)
    cands: dict[tuple[int, int], tuple] = {}
    for x in an.exprs:
        if _kind(x.node) not in ("ElementSelectExpression", "RangeSelectExpression"):
            continue
        sels = _selector_nodes(x.node)
        if not sels:
            continue
        names: set = set()
        for s in sels:
            _variables(s, names)
        if _kind(x.node) == "RangeSelectExpression":
            # the width (right of +:/-:, or both bounds of [a:b]) must be constant
            sk = str(x.node.selectionKind).split(".")[-1]
            wn: set = set()
            _variables(x.node.right, wn)
            if sk == "Simple":
                _variables(x.node.left, wn)
            if wn:
                continue
            names = set()
            _variables(x.node.left, names)
        if len(names) != 1:
            continue
        (idx, kind), = names
        if kind not in ("Net", "Variable"):
            continue
        cands[(x.start, x.end)] = (x, idx)
    if not cands:
        return []
    out = []
    spans = {sp: x for x in an.exprs for sp in [(x.start, x.end)]}
    for (s, e), (x, idx) in cands.items():
        # grow to the whole select chain (mem[idx][7:0], s[idx].f): the outermost select reading it
        cs, ce, node = s, e, x.node
        while True:
            outer = [y for (a, b), y in spans.items() if a == cs and b > ce and _kind(y.node) in _SELECTS
                     and getattr(y.node, "value", None) is not None and an.span(y.node.value.syntax) == (cs, ce)]
            if not outer:
                break
            y = outer[0]
            # another variable in an outer select index: not this rewrite's shape
            if _kind(y.node) != "MemberAccessExpression":
                more: set = set()
                for sn in _selector_nodes(y.node) or []:
                    _variables(sn, more)
                if more:
                    cs = -1
                    break
            cs, ce, node = y.start, y.end, y.node
        if cs < 0:
            continue
        if any(a <= cs and ce <= b for a, b in lhs):
            continue  # written, not read
        mod, mspan = _module_of(an, cs)
        if mod is None:
            continue
        # the variable read at the select is the net's settled value: its block may write it only
        # before the read, and not around it in a loop
        blk = next(((a, b) for a, b in blocks if a <= cs < b), None)
        if blk is not None:
            w = [m.start() for m in re.finditer(rf"(?<![\w$.]){re.escape(idx)}\s*(?:\[[^\]]*\]\s*)*(?<![<>=!])=(?!=)",
                                                masked[blk[0]:blk[1]])]
            if any(blk[0] + p > cs for p in w) or any(a <= cs < b and any(a <= blk[0] + p < b for p in w)
                                                       for a, b in loops):
                continue
        if any(a <= cs < b for a, b in loops) and re.search(
                rf"(?<![\w$.]){re.escape(idx)}\s*(?:=|\+\+|--)", masked[mspan[0]:mspan[1]]) and blk is None:
            continue
        out.append(Site(path, mod, cs, ce, idx, int(node.type.bitWidth or 0), bool(node.type.isSigned)))
    # nested sites (a site inside another's span): the outer one only
    out = [st for st in out if not any(o is not st and o.start <= st.start and st.end <= o.end and
                                       (o.start, o.end) != (st.start, st.end) for o in out)]
    uniq = {}
    for st in out:
        uniq.setdefault((st.start, st.end), st)
    return list(uniq.values())


# ---- the gate model: the index as a function of a vector -------------------------------------------

def _cut_cone(nl, bits, stop: set) -> tuple[set[int], set]:
    """(comb cells in the fan-in of ``bits`` not crossing ``stop``, boundary bits read)."""
    cells: set[int] = set()
    seen = set()
    stack = [b for b in bits if isinstance(b, int)]
    boundary = set()
    while stack:
        b = stack.pop()
        if b in seen:
            continue
        seen.add(b)
        if b in stop:
            boundary.add(b)
            continue
        i = nl.driver.get(b)
        if i is None:
            boundary.add(b)
            continue
        if i in cells:
            continue
        cells.add(i)
        c = nl.cells[i]
        for p, d in c.dirs.items():
            if d == "input":
                stack += [x for x in c.conns.get(p, []) if isinstance(x, int)]
    return cells, boundary


def index_function(nl, idx: str) -> list[tuple[str, list[int], int]]:
    """``[(g, [f(1 << k) for k], f(0))]`` for the named vectors ``g`` that alone determine ``idx``
    (nearest first)."""
    net = nl.nets.get(idx)
    if net is None or not net.bits or not all(isinstance(b, int) and b in nl.driver or not isinstance(b, int)
                                              for b in net.bits):
        return []
    if not any(isinstance(b, int) for b in net.bits) or net.width > 16:
        return []
    full, fb = _cut_cone(nl, net.bits, set())
    inside = set()
    for i in full:
        c = nl.cells[i]
        for p, d in c.dirs.items():
            if d == "output":
                inside.update(b for b in c.conns.get(p, []) if isinstance(b, int))
    reach = inside | fb
    found = []
    for g in nl.nets.values():
        if g.hidden or "." in g.name or g.name == idx or not 2 <= g.width <= MAX_GRANT or g.upto:
            continue
        if not all(isinstance(b, int) for b in g.bits) or not set(g.bits) & reach:
            continue
        if len(set(g.bits)) != g.width:
            continue
        cells, bnd = _cut_cone(nl, net.bits, set(g.bits))
        if not bnd <= set(g.bits) or not cells:
            continue
        found.append((len(cells), g))
    out = []
    for _n, g in sorted(found, key=lambda t: (t[0], t[1].name)):
        cells, _b = _cut_cone(nl, net.bits, set(g.bits))
        w = g.width
        nvec = w + 1
        inputs = {}
        for k, b in enumerate(g.bits):
            v = np.zeros(nvec, dtype=bool)
            v[k] = True  # vector k: g = 1 << k; vector w: g = 0
            inputs[b] = v
        vals = nl.simulate_cells(cells, inputs, nvec)
        try:
            word = nl.word(vals, net.bits)
        except KeyError:
            continue
        f = [int(x) for x in word]
        if len(set(f)) < 2:
            continue
        out.append((g.name, f[:w], f[w]))
    return out


def _onehot0(v: np.ndarray) -> bool:
    v = v.astype(np.uint64)
    return bool(((v & (v - np.uint64(1))) == 0).all())


def _positions(v: np.ndarray) -> int:
    return len({int(x) for x in np.unique(v) if int(x)})


def comb_onehot(nl, g: str, nvec: int = 2048) -> bool:
    """``g`` one-hot or zero on random values of the module's inputs and registers."""
    net = nl.nets[g]
    if any(b in nl.free for b in net.bits):
        return False
    vals = nl.simulate(nvec)
    v = nl.word(vals, net.bits)
    return _onehot0(v) and _positions(v) >= MIN_POSITIONS


def _instance_paths(an_all: list, module: str, top: str) -> list[str] | None:
    """Flattened instance prefixes (``u_a.u_b.``; ``""`` for the top) of every instance of ``module``."""
    from pyslang import ast
    if module == top:
        return [""]
    out = []
    for an in an_all:
        for s in an.symbols:
            if isinstance(s, ast.InstanceSymbol) and s.body.name == module:
                p = str(s.hierarchicalPath)
                if p.startswith(top + "."):
                    out.append(p[len(top) + 1:] + ".")
    return sorted(set(out)) or None


def _watch(net, sigs: list[int], cycles: int = 256, words: int = 2, seed: int = 1) -> np.ndarray:
    """Values of ``sigs`` (combinational or not) every cycle of :func:`rtlopt.semantic.seqsim.simulate`'s
    random run from reset: ``[cycles, len(sigs), words]``."""
    from rtlopt.semantic.seqsim import ONES, _eval, _groups
    rng = np.random.default_rng(seed)
    v = np.zeros((net.nsig, words), dtype=np.uint64)
    v[1] = ONES
    qs = np.array([f.q for f in net.flops], dtype=np.int64)
    ds = np.array([f.d for f in net.flops], dtype=np.int64)
    for f in net.flops:
        if f.init:
            v[f.q] = ONES
    rfl = [(i, f) for i, f in enumerate(net.flops) if f.rst is not None]
    in_sigs = [s for p, bits in net.inputs.items() if p not in (net.clock,) for s in bits if s > 1]
    rst_sig = net.inputs[net.reset][0] if net.reset in net.inputs else None
    in_sigs = [s for s in in_sigs if s != rst_sig]
    rand_sigs = np.array(sorted(set(in_sigs) | set(net.free)), dtype=np.int64)
    groups = _groups(net)
    out = np.zeros((cycles, len(sigs), words), dtype=np.uint64)
    idx = np.array(sigs, dtype=np.int64)
    for t in range(cycles):
        if len(rand_sigs):
            v[rand_sigs] = rng.integers(0, 2**64, size=(len(rand_sigs), words), dtype=np.uint64)
        if rst_sig is not None:
            if t == 0:
                r = ONES
            else:
                r = rng.integers(0, 2**64, size=words, dtype=np.uint64)
                for _ in range(4):
                    r &= rng.integers(0, 2**64, size=words, dtype=np.uint64)
            v[rst_sig] = ~r if net.reset_active_low else r
        for t_, outs, ins in groups:
            v[outs] = _eval(t_, [v[i] for i in ins])
        out[t] = v[idx]
        nxt = v[ds].copy()
        for i, f in rfl:
            act = v[f.rst] if f.rst_active else ~v[f.rst]
            nxt[i] = (nxt[i] & ~act) | ((ONES if f.rst_value else np.uint64(0)) & act)
        v[qs] = nxt
    return out


def _words(trace: np.ndarray) -> np.ndarray:
    """Per-sample integer values of the watched bits (LSB first) after the first cycle (reset)."""
    cyc, nb, words = trace.shape
    bits = np.unpackbits(trace[1:].view(np.uint8), axis=-1, bitorder="little")  # [cyc-1, nb, words*64]
    val = np.zeros((cyc - 1, words * 64), dtype=np.uint64)
    for k in range(nb):
        val |= bits[:, k, :].astype(np.uint64) << np.uint64(k)
    return val.ravel()


def seq_onehot(gnet, prefixes: list[str], g: str) -> bool:
    """``g`` (in every instance) one-hot or zero in every cycle of a random run from reset."""
    groups = []
    for pre in prefixes:
        sig = gnet.name_bits.get(pre + g)
        if not sig or any(s < 0 for s in sig):
            return False
        groups.append(sig)
    allsig = [s for sig in groups for s in sig]
    tr = _watch(gnet, allsig)
    pos = 0
    for sig in groups:
        part = tr[:, pos:pos + len(sig), :]
        pos += len(sig)
        v = _words(part)
        if not _onehot0(v) or _positions(v) < MIN_POSITIONS:
            return False
    return True


# ---- the edit -----------------------------------------------------------------------------------------

def _bit(name: str, k: int, offset: int) -> str:
    return f"{name}[{k + offset}]"


def andor_expr(site_text: str, idx: str, idx_width: int, idx_signed: bool, g: str, g_offset: int,
               f: list[int], z: int, width: int, signed: bool) -> str:
    """The AND-OR selection replacing ``site_text`` (see the module docstring)."""
    slots: dict[int, list[int]] = {}
    for k, v in enumerate(f):
        slots.setdefault(v, []).append(k)
    order = list(slots)
    if z not in slots:
        order.append(z)
    pat = re.compile(rf"(?<![\w$.']){re.escape(idx)}(?![\w$])")
    terms = []
    for v in order:
        lit = f"{idx_width}'{'s' if idx_signed else ''}d{v}"
        e = pat.sub(lit, site_text)
        if v == z:
            others = [k for k in range(len(f)) if f[k] != z]
            cond = "~|{" + ", ".join(_bit(g, k, g_offset) for k in reversed(others)) + "}" if others else "1'b1"
        else:
            ks = slots[v]
            cond = " | ".join(_bit(g, k, g_offset) for k in ks)
            if len(ks) > 1:
                cond = f"({cond})"
        terms.append(f"({cond} & {e})" if width == 1 else f"({{{width}{{{cond}}}}} & {e})")
    body = " | ".join(terms)
    return f"$signed({body})" if signed else f"({body})"


def _oob(an) -> int:
    n = 0
    for d in an.comp.getAllDiagnostics():
        if re.search(r"OOB|OutOfBounds|Range", str(d.code)):
            n += 1
    return n


def emit(text: str, site: Site, idx_width: int, idx_signed: bool, g: str, g_offset: int, f: list[int], z: int,
         params: dict | None) -> str | None:
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.emit import (
        _module_node,
        _pinned,
        module_source,
        overridable_params,
        port_directions,
        remove_leftovers,
    )
    from rtlopt.templates._sem import analyze

    an = analyze(text)
    if an.syntax_errors:
        return None
    rep = andor_expr(text[site.start:site.end], site.idx, idx_width, idx_signed, g, g_offset, f, z, site.width,
                     site.signed)
    edits = [Edit(site.start, site.end, rep)]
    mod = _module_node(an, site.module)
    if mod is None:
        return None
    if overridable_params(mod):
        ms = module_source(an, site.module, port_directions(an))
        if ms is None:
            return None
        edits = _pinned(text, ms, edits, mod, params, [(None, None, (site.idx,))], None)
        if not edits:
            return None
    try:
        new = apply_edits(text, edits)
    except ValueError:
        return None
    an2 = analyze(new)
    if an2.syntax_errors or an2.errors > an.errors or _oob(an2) > _oob(an):
        return None  # a literal index outside the selected range (the original read X there): refused
    return remove_leftovers(new, site.module, text)


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0,
                   params: dict | None = None) -> list[tuple[dict, str]]:
    """``[(new texts, description)]``: every site rewritten, one candidate per site and all at once."""
    from rtlopt.semantic.netlist import elaborate_modules
    from rtlopt.templates._sem import analyze

    t0 = time.monotonic()
    ans = {p: analyze(t, str(p)) for p, t in texts.items()}
    found: list[Site] = []
    for p, an in ans.items():
        if an.syntax_errors:
            continue
        found += sites(an, p)
    if not found:
        return []
    found = found[:4 * MAX_SITES]
    mods = sorted({s.module for s in found})
    with tempfile.TemporaryDirectory(prefix="rtlopt-ohsel-") as td:
        files = []
        for i, (p, t) in enumerate(texts.items()):
            fp = Path(td) / f"{i}_{Path(p).name}"
            fp.write_text(t, encoding="utf-8")
            files.append(fp)
        dirs_in = list(dict.fromkeys(Path(p).resolve().parent for p in texts))
        nls = elaborate_modules(files, mods, timeout=max(5.0, timeout_s), top=top, include_dirs=dirs_in,
                                params=params)
    gnet = None
    rewrites: list[tuple[Site, str, dict, str]] = []  # (site, g, spec, description)
    for st in found:
        if time.monotonic() - t0 > timeout_s:
            break
        nl = nls.get(st.module)
        if nl is None:
            continue
        fs = index_function(nl, st.idx)
        for g, f, z in fs:
            ok = comb_onehot(nl, g)
            how = "one-hot or zero for every input"
            if not ok:
                if gnet is None:
                    from rtlopt.semantic import seqsim
                    try:
                        gnet = seqsim.load_texts(texts, top, timeout=max(5.0, timeout_s))
                    except Exception:  # noqa: BLE001 - outside the sequential model: combinational only
                        gnet = False
                if gnet:
                    pre = _instance_paths(list(ans.values()), st.module, top)
                    ok = bool(pre) and seq_onehot(gnet, pre, g)
                    how = "one-hot or zero from reset"
            if not ok:
                continue
            inet = nl.nets[st.idx]
            spec = dict(idx_width=inet.width, idx_signed=inet.signed, g=g, g_offset=nl.nets[g].offset, f=f, z=z,
                        params=dict(nl.params) if nl.params else None)
            rewrites.append((st, g, spec, f"{st.idx} encodes {g} ({how}): AND-OR read on {g}"))
            break
    out = []
    for st, _g, spec, desc in rewrites[:MAX_SITES]:
        new = emit(texts[st.path], st, **spec)
        if new is not None and new != texts[st.path]:
            out.append(({**texts, st.path: new}, desc))
    return out


def onehotsel_candidates(state) -> list:
    """Search-loop generator: indexed reads at an index encoded from a one-hot-or-zero vector."""
    from rtlopt.engine.candidate import one_file_candidates
    from rtlopt.semantic import _inst_params

    try:
        params = _inst_params(state.design) if getattr(state, "design", None) is not None else None
        left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
        got = candidates_for(dict(state.texts), state.design.top, timeout_s=max(2.0, min(20.0, left)),
                             params=params)
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    return one_file_candidates(state.texts, got, RULE, "one-hot select", "onehotsel")
