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
  through a port);
- an index that is a register of its own (a port number registered beside the one-hot grant) counts
  when, on the run from reset, it is the same function ``f`` of a one-hot-or-zero vector ``g`` on every
  sample with every position of ``g`` seen (the proof has to show the relation inductive); a vector never
  seen zero gives the form without the zero slot.

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
    #: a ``case (idx)`` whose every arm is one assignment to ``lhs``: ``(labels or None for default,
    #: right-hand side start, end)`` per arm (empty for a select site)
    arms: tuple = ()
    lhs: str = ""
    op: str = "="
    #: the select's own procedural block writes the index (before the read): in a clocked block the
    #: module's net is then a register, not the value read here
    block_writes: bool = False


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
                out.add((sym.name, k, str(sym.lexicalPath)))
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
        (idx, kind, lex), = names
        if kind not in ("Net", "Variable"):
            continue
        cands[(x.start, x.end)] = (x, idx, lex)
    out = []
    spans = {sp: x for x in an.exprs for sp in [(x.start, x.end)]}
    for (s, e), (x, idx, lex) in cands.items():
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
        if mod is None or lex != f"{mod}.{idx}":
            continue  # a function's or a generate block's own variable: not the module's net
        # the variable read at the select is the net's settled value: its block may write it only
        # before the read, and not around it in a loop
        blk = next(((a, b) for a, b in blocks if a <= cs < b), None)
        w = []
        if blk is not None:
            w = [m.start() for m in re.finditer(rf"(?<![\w$.]){re.escape(idx)}\s*(?:\[[^\]]*\]\s*)*(?<![<>=!])=(?!=)",
                                                masked[blk[0]:blk[1]])]
            if any(blk[0] + p > cs for p in w) or any(a <= cs < b and any(a <= blk[0] + p < b for p in w)
                                                       for a, b in loops):
                continue
        if any(a <= cs < b for a, b in loops) and re.search(
                rf"(?<![\w$.]){re.escape(idx)}\s*(?:=|\+\+|--)", masked[mspan[0]:mspan[1]]) and blk is None:
            continue
        out.append(Site(path, mod, cs, ce, idx, int(node.type.bitWidth or 0), bool(node.type.isSigned),
                        block_writes=bool(w)))
    out += _case_sites(an, path, masked, blocks)
    # nested sites (a site inside another's span): the outer one only
    out = [st for st in out if not any(o is not st and o.start <= st.start and st.end <= o.end and
                                       (o.start, o.end) != (st.start, st.end) for o in out)]
    uniq = {}
    for st in out:
        uniq.setdefault((st.start, st.end), st)
    return list(uniq.values())


def _single_assign(stmt):
    """The assignment expression of a statement that is exactly one (``begin x = e; end`` too)."""
    while _kind(stmt) == "BlockStatement":
        stmt = stmt.body
    if _kind(stmt) != "ExpressionStatement" or _kind(stmt.expr) != "AssignmentExpression":
        return None
    a = stmt.expr
    return None if a.isCompound else a


def _writes_after(masked: str, idx: str, blk, pos: int, loops) -> bool:
    if blk is None:
        return False
    w = [blk[0] + m.start() for m in re.finditer(
        rf"(?<![\w$.]){re.escape(idx)}\s*(?:\[[^\]]*\]\s*)*(?<![<>=!])=(?!=)", masked[blk[0]:blk[1]])]
    return any(p > pos for p in w) or any(a <= pos < b and any(a <= p < b for p in w) for a, b in loops)


def _case_sites(an, path: Path, masked: str, blocks) -> list[Site]:
    """``case (idx)`` statements whose arms each assign one expression to the same target."""
    from rtlopt.templates._sem import strip
    out = []
    loops = _loops(an)
    for st, s, e in an.statements:
        if _kind(st) != "CaseStatement":
            continue
        names: set = set()
        _variables(st.expr, names)
        ex = strip(st.expr)
        if len(names) != 1 or _kind(ex) != "NamedValueExpression":
            continue
        (idx, kind, lex), = names
        if kind not in ("Net", "Variable"):
            continue
        arms, lhs, op, lw = [], None, None, 0
        items = [(list(it.expressions), it.stmt) for it in st.items]
        if st.defaultCase is not None:
            items.append((None, st.defaultCase))
        for labels, body in items:
            a = _single_assign(body)
            if a is None:
                arms = []
                break
            ls, le = an.span(a.left.syntax)
            ltext = re.sub(r"\s+", "", an.text[ls:le])
            o = "<=" if a.isNonBlocking else "="
            if lhs is None:
                lhs, op, lw = an.text[ls:le], o, int(a.left.type.bitWidth or 0)
            elif ltext != re.sub(r"\s+", "", lhs) or o != op:
                arms = []
                break
            r = a.right
            while _kind(r) == "ConversionExpression" and r.isImplicit:
                r = r.operand
            if r.syntax is None:
                arms = []
                break
            if bool(r.type.isSigned) and int(r.type.bitWidth or 0) != lw:
                arms = []  # sign-extended in the assignment: an AND-OR term would zero-extend it
                break
            vals = None
            if labels is not None:
                vals = [an.const(x) for x in labels]
                if any(v is None for v in vals):
                    arms = []
                    break
            rs, re_ = an.span(r.syntax)
            arms.append((tuple(vals) if vals is not None else None, rs, re_))
        if not arms or not lhs or lw < 1:
            continue
        if re.search(rf"(?<![\w$.]){re.escape(idx)}(?![\w$])", masked[an.span(a.left.syntax)[0]:an.span(a.left.syntax)[1]]):
            continue  # the target names the index
        from rtlopt.semantic.emit import _modules
        mod = next((m.header.name.valueText for m in _modules(an) if an.span(m)[0] <= s < an.span(m)[1]), None)
        if mod is None or lex != f"{mod}.{idx}":
            continue
        blk = next(((a0, b0) for a0, b0 in blocks if a0 <= s < b0), None)
        if blk is None or _writes_after(masked, idx, blk, s, loops):
            continue
        bw = bool(re.search(rf"(?<![\w$.]){re.escape(idx)}\s*(?:\[[^\]]*\]\s*)*(?<![<>=!])=(?!=)",
                            masked[blk[0]:blk[1]]))
        out.append(Site(path, mod, s, e, idx, lw, False, tuple(arms), lhs, op, bw))
    return out


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


def _zero_seen(v: np.ndarray) -> bool:
    return bool((v == 0).any())


def _onehot0(v: np.ndarray) -> bool:
    v = v.astype(np.uint64)
    return bool(((v & (v - np.uint64(1))) == 0).all())


def _positions(v: np.ndarray) -> int:
    return len({int(x) for x in np.unique(v) if int(x)})


def comb_onehot(nl, g: str, nvec: int = 2048) -> tuple[bool, bool]:
    """(``g`` one-hot or zero on random values of the module's inputs and registers, zero seen)."""
    net = nl.nets[g]
    if any(b in nl.free for b in net.bits):
        return False, True
    vals = nl.simulate(nvec)
    v = nl.word(vals, net.bits)
    return _onehot0(v) and _positions(v) >= MIN_POSITIONS, _zero_seen(v)


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
    from rtlopt.semantic.seqsim import simulate
    return simulate(net, cycles, words, seed, watch=sigs)


def _words(trace: np.ndarray) -> np.ndarray:
    """Per-sample integer values of the watched bits (LSB first) after the first cycle (reset)."""
    cyc, nb, words = trace.shape
    bits = np.unpackbits(trace[1:].view(np.uint8), axis=-1, bitorder="little")  # [cyc-1, nb, words*64]
    val = np.zeros((cyc - 1, words * 64), dtype=np.uint64)
    for k in range(nb):
        val |= bits[:, k, :].astype(np.uint64) << np.uint64(k)
    return val.ravel()


def seq_onehot(gnet, prefixes: list[str], g: str) -> tuple[bool, bool]:
    """(``g`` (in every instance) one-hot or zero in every cycle of a random run from reset, zero seen)."""
    groups = []
    for pre in prefixes:
        sig = gnet.name_bits.get(pre + g)
        if not sig or any(s < 0 for s in sig):
            return False, True
        groups.append(sig)
    allsig = [s for sig in groups for s in sig]
    tr = _watch(gnet, allsig)
    pos = 0
    zero = False
    for sig in groups:
        part = tr[:, pos:pos + len(sig), :]
        pos += len(sig)
        v = _words(part)
        if not _onehot0(v) or _positions(v) < MIN_POSITIONS:
            return False, True
        zero = zero or _zero_seen(v)
    return True, zero


def _load_seq(texts, top: str, timeout_s: float):
    """The design's gate model from :mod:`rtlopt.semantic.seqsim`, or False outside that model."""
    from rtlopt.semantic import seqsim
    try:
        return seqsim.load_texts(texts, top, timeout=max(5.0, timeout_s))
    except Exception:  # noqa: BLE001 - outside the sequential model: combinational only
        return False


def _registered_index(nl, idx: str) -> bool:
    net = nl.nets.get(idx)
    return net is not None and 1 <= net.width <= 16 and all(isinstance(b, int) and b in nl.free
                                                            and b not in nl.driver for b in net.bits)


def seq_index_function(gnet, prefixes: list[str], nl, idx: str, max_vectors: int = 48
                       ) -> list[tuple[str, list[int], int | None]]:
    """``[(g, [f(1 << k)], f(0) or None when g is never zero)]`` for the module's vectors ``g`` that are
    one-hot or zero in every instance on a random run from reset, with every position seen, while the
    register ``idx`` is the same function ``f`` of ``g`` on every sample (an index kept beside its grant)."""
    iw = nl.nets[idx].width
    cands = [n for n in nl.nets.values() if not n.hidden and "." not in n.name and n.name != idx and not n.upto
             and 2 <= n.width <= MAX_GRANT and n.width <= (1 << iw) and all(isinstance(b, int) for b in n.bits)]
    # a vector computed from the index itself (the read being rewritten, a decode of the index) would
    # read the index through itself: a combinational loop, not a relation between two registers
    ibits = {b for b in nl.nets[idx].bits if isinstance(b, int)}
    cands = [n for n in cands if not ibits & set(n.bits)
             and not ibits & nl.cone_bits(nl.fanin_cells(n.bits))[1]]
    cands = sorted(cands, key=lambda n: (n.width, n.name))[:max_vectors]
    if not cands:
        return []
    sigs, where = [], {}
    for pre in prefixes:
        isig = gnet.name_bits.get(pre + idx)
        if not isig or any(s < 0 for s in isig):
            return []
        where[(pre, idx)] = (len(sigs), len(isig))
        sigs += isig
        for n in cands:
            sg = gnet.name_bits.get(pre + n.name)
            if sg and not any(s < 0 for s in sg):
                where[(pre, n.name)] = (len(sigs), len(sg))
                sigs += sg
    tr = _watch(gnet, sigs)

    def val(pre, name):
        a, n = where[(pre, name)]
        return _words(tr[:, a:a + n, :])

    out = []
    for n in cands:
        if not all((pre, n.name) in where for pre in prefixes):
            continue
        f: dict[int, int] = {}
        z: set[int] = set()
        ok = True
        for pre in prefixes:
            gv, iv = val(pre, n.name), val(pre, idx)
            if not _onehot0(gv):
                ok = False
                break
            for gval in np.unique(gv):
                got = np.unique(iv[gv == gval])
                if len(got) != 1:
                    ok = False
                    break
                if int(gval) == 0:
                    z.add(int(got[0]))
                else:
                    k = int(gval).bit_length() - 1
                    if f.setdefault(k, int(got[0])) != int(got[0]):
                        ok = False
                        break
            if not ok:
                break
        if not ok or len(z) > 1 or set(f) != set(range(n.width)) or len(set(f.values())) < 2:
            continue
        out.append((n.name, [f[k] for k in range(n.width)], next(iter(z)) if z else None))
    return out


# ---- the edit -----------------------------------------------------------------------------------------

def _bit(name: str, k: int, offset: int) -> str:
    return f"{name}[{k + offset}]"


def andor_expr(site_text, idx: str, idx_width: int, idx_signed: bool, g: str, g_offset: int,
               f: list[int], z: int, width: int, signed: bool, zero: bool = True) -> str | None:
    """The AND-OR selection replacing ``site_text`` (see the module docstring); ``site_text`` may be a
    function of the slot value giving the text read there (None: no arm reads that value).
    ``zero=False``: ``g`` is never zero (never seen zero from reset; the proof must establish it), so
    every term is selected by its own grant bits."""
    pat = re.compile(rf"(?<![\w$.']){re.escape(idx)}(?![\w$])")

    def read_at(v: int) -> str | None:
        base = site_text(v) if callable(site_text) else site_text
        return None if base is None else pat.sub(f"{idx_width}'{'s' if idx_signed else ''}d{v}", base)

    # one term per distinct text read: grant bits reading the same text share it
    groups: dict[str, list[int]] = {}
    for k, v in enumerate(f):
        e = read_at(v)
        if e is None:
            return None
        groups.setdefault(e, []).append(k)
    ez = read_at(z)
    if ez is None:
        return None
    groups.setdefault(ez, [])
    terms = []
    for e, ks in groups.items():
        if e == ez and not zero and not ks:
            continue  # only a zero grant reads it
        if e == ez and zero:
            # what a zero grant reads: selected by "no bit reading something else is set"
            others = [k for k in range(len(f)) if k not in ks]
            cond = "~|{" + ", ".join(_bit(g, k, g_offset) for k in reversed(others)) + "}" if others else "1'b1"
        else:
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
         params: dict | None, zero: bool = True) -> str | None:
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
    if site.arms:
        def arm(v: int) -> str | None:
            for labels, rs, re_ in site.arms:
                if labels is not None and v in labels:
                    return f"({text[rs:re_]})"
            dflt = [(rs, re_) for labels, rs, re_ in site.arms if labels is None]
            return f"({text[dflt[0][0]:dflt[0][1]]})" if dflt else None
        body = andor_expr(arm, site.idx, idx_width, idx_signed, g, g_offset, f, z, site.width, False, zero)
        rep = None if body is None else f"{site.lhs} {site.op} {body};"
    else:
        rep = andor_expr(text[site.start:site.end], site.idx, idx_width, idx_signed, g, g_offset, f, z,
                         site.width, site.signed, zero)
    if rep is None:
        return None
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
    from rtlopt.errors import RtloptError
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
        try:
            nls = elaborate_modules(files, mods, timeout=max(5.0, timeout_s), top=top, include_dirs=dirs_in,
                                    params=params)
        except RtloptError:
            return []
    gnet = None
    rewrites: list[tuple[Site, str, dict, str]] = []  # (site, g, spec, description)
    for st in found:
        if time.monotonic() - t0 > timeout_s:
            break
        nl = nls.get(st.module)
        if nl is None:
            continue
        fs = index_function(nl, st.idx)
        if not fs and not st.block_writes and _registered_index(nl, st.idx):
            # the index is a register of its own: kept equal to f(g) of a one-hot register by induction?
            if gnet is None:
                gnet = _load_seq(texts, top, timeout_s)
            pre = _instance_paths(list(ans.values()), st.module, top) if gnet else None
            for g, f, z in (seq_index_function(gnet, pre, nl, st.idx) if pre else []):
                inet = nl.nets[st.idx]
                spec = dict(idx_width=inet.width, idx_signed=inet.signed, g=g, g_offset=nl.nets[g].offset, f=f,
                            z=f[0] if z is None else z, params=dict(nl.params) if nl.params else None,
                            zero=z is not None)
                rewrites.append((st, g, spec, f"register {st.idx} == f({g}) from reset, {g} one-hot"
                                              f"{' or zero' if z is not None else ''}: AND-OR read on {g}"))
                break
            continue
        for g, f, z in fs:
            ok, zseen = comb_onehot(nl, g)
            how = "one-hot or zero for every input"
            if not ok:
                if gnet is None:
                    gnet = _load_seq(texts, top, timeout_s)
                if gnet:
                    pre = _instance_paths(list(ans.values()), st.module, top)
                    ok, zseen = seq_onehot(gnet, pre, g) if pre else (False, True)
                    how = "one-hot or zero from reset"
            if not ok:
                continue
            inet = nl.nets[st.idx]
            spec = dict(idx_width=inet.width, idx_signed=inet.signed, g=g, g_offset=nl.nets[g].offset, f=f, z=z,
                        params=dict(nl.params) if nl.params else None)
            rewrites.append((st, g, spec, f"{st.idx} encodes {g} ({how}): AND-OR read on {g}"))
            if not zseen:
                # never zero in simulation: each term on its own bits (the proof must show zero unreachable)
                rewrites.append((st, g, dict(spec, zero=False),
                                 f"{st.idx} encodes {g} (one-hot, never zero from reset): AND-OR read on {g}"))
            break
    out = []
    for st, _g, spec, desc in rewrites[:MAX_SITES]:
        new = emit(texts[st.path], st, **spec)
        if new is not None and new != texts[st.path]:
            out.append(({**texts, st.path: new}, desc))
    # every site of a file at once (two fields read at one index: the encoder goes only with both):
    # the zero-safe forms, and the never-zero forms where a grant was never seen zero
    by_path: dict[Path, dict[tuple, dict]] = {}
    for st, _g, spec, desc in rewrites:
        forms = by_path.setdefault(st.path, {}).setdefault((st.start, st.end), {})
        forms[spec.get("zero", True)] = (st, spec, desc)
    for path, per_site in by_path.items():
        if len(per_site) < 2:
            continue
        for safe in (True, False):
            if not safe and all(False not in f for f in per_site.values()):
                continue
            todo = [f[True] if safe or False not in f else f[False] for f in per_site.values()]
            new = _apply_all(texts[path], path, sorted(todo, key=lambda r: -r[0].start))
            if new is not None and new != texts[path]:
                out.append(({**texts, path: new}, f"{len(todo)} reads: " + "; ".join(r[2] for r in todo)))
    return out


def _key(text: str, st: Site) -> tuple:
    return st.module, st.idx, re.sub(r"\s+", "", text[st.start:st.end])


def _apply_all(text: str, path: Path, todo: list) -> str | None:
    """``text`` with every ``(site, spec, _)`` of ``todo`` emitted in turn (each site found again by its
    module, index and text in the text the previous ones left)."""
    from rtlopt.templates._sem import analyze

    keys = [_key(text, st) for st, _s, _d in todo]
    cur = text
    for key, (_st, spec, _d) in zip(keys, todo, strict=True):
        an = analyze(cur, str(path))
        if an.syntax_errors:
            return None
        hit = [s for s in sites(an, path) if _key(cur, s) == key]
        if len(hit) != 1:
            return None
        nxt = emit(cur, hit[0], **spec)
        if nxt is None:
            return None
        cur = nxt
    return cur


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
