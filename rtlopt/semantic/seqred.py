"""Sequential redundancy: registers that are constant from reset, or equal to (or the inverse of)
another register in every reachable state, found on the semantics and emitted as source edits.

Finding (see :mod:`rtlopt.semantic.seqsim`): flatten the design to gates, simulate from reset on
many random lanes, group flip-flop bits by trace (equal / inverse / constant), split by the values
after reset, and keep only what z3 proves inductive (signal correspondence). Names never matter.

Emitting: each redundant bit is mapped back to the source variable it lives in (Yosys netnames,
hierarchical paths of flattened instances and generate blocks, matched against pyslang's elaborated
hierarchy). Reads of that variable are replaced by the kept register (its inverse, a constant, or a
concatenation for partly redundant vectors); when the whole variable is redundant its procedural
assignments and its declaration are removed. Every elaborated copy of a piece of syntax (generate
loops, repeated instances) must ask for the same replacement, otherwise the register is skipped.
The search loop measures and proves every candidate like any other.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic import seqsim

RULE = "sequential_redundancy"


@dataclass
class Redundancy:
    """One redundant flip-flop bit: ``name[bit]`` equals ``keep_name[keep_bit] ^ inverse`` (or ``const``)."""

    name: str
    bit: int
    keep_name: str | None
    keep_bit: int | None
    inverse: bool = False
    const: int | None = None


@dataclass
class SeqAnalysis:
    net: seqsim.GateNet | None
    classes: seqsim.Classes = field(default_factory=list)
    facts: list[Redundancy] = field(default_factory=list)
    unobservable: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None


def analyze_texts(texts: dict[Path, str], top: str, timeout_s: float = 30.0,
                  focus: list[str] | None = None) -> SeqAnalysis:
    """Run the finder on the current file texts (written to a temporary directory); ``focus``: only
    the flip-flops of these nets are related (see seqsim.find_classes), the others stay free."""
    t0 = time.monotonic()
    try:
        net = _load_cached(texts, top, timeout_s)
    except Exception as exc:  # noqa: BLE001 - outside the model, or Yosys rejects it: no candidates
        return SeqAnalysis(None, error=str(exc), seconds=time.monotonic() - t0)
    idx = None
    if focus is not None:
        qi = net.q_index
        idx = {qi[b] for n in focus for b in net.name_bits.get(n, []) if b in qi}
    try:
        classes = seqsim.find_classes(net, timeout_s=max(2.0, timeout_s - (time.monotonic() - t0)), focus=idx)
    except Exception as exc:  # noqa: BLE001
        return SeqAnalysis(net, error=str(exc), seconds=time.monotonic() - t0)
    an = SeqAnalysis(net, classes)
    an.facts = _facts(net, classes)
    unobs = seqsim.unobservable(net)
    an.unobservable = sorted({_flop_name(net, j) for j in unobs} - {None})
    an.seconds = time.monotonic() - t0
    return an


_NETS: dict[tuple, seqsim.GateNet] = {}


def _load_cached(texts: dict[Path, str], top: str, timeout_s: float) -> seqsim.GateNet:
    """seqsim.load_texts, the last few netlists kept by content (a template confirming several
    register pairs of one module reads it once; Yosys takes 8-10 s on picorv32 under load)."""
    key = (tuple(sorted((str(p), t) for p, t in texts.items())), top)
    net = _NETS.get(key)
    if net is None:
        net = seqsim.load_texts(texts, top, timeout=timeout_s)
        if len(_NETS) >= 4:
            _NETS.pop(next(iter(_NETS)))
        _NETS[key] = net
    return net


def _flop_name(net: seqsim.GateNet, j: int) -> str | None:
    al = net.names.get(net.flops[j].q)
    return al[0][0] if al else None


def _facts(net: seqsim.GateNet, classes: seqsim.Classes) -> list[Redundancy]:
    """Per named bit of a redundant flip-flop: what it equals, with the kept flop chosen per class
    as the member with a name in the most scopes (so every member can name it)."""
    out: list[Redundancy] = []

    def scopes(j):
        return {n.rpartition(".")[0] for n, _ in net.names.get(net.flops[j].q, [])}

    for rep, mem in classes:
        if rep is None:
            for j, c in mem.items():
                for n, i in net.names.get(net.flops[j].q, []):
                    out.append(Redundancy(n, i, None, None, const=c))
            continue
        allm = {rep: 0, **mem}
        keep = max(allm, key=lambda j: (len(scopes(j)), -_line(net.flops[j].src), -j))
        kp = allm[keep]
        kq = net.flops[keep].q
        for j, p in allm.items():
            if j == keep:
                continue
            for n, i in net.names.get(net.flops[j].q, []):
                scope = n.rpartition(".")[0]
                alias = [(kn, ki) for kn, ki in net.names.get(kq, []) if kn.rpartition(".")[0] == scope]
                if not alias:
                    continue
                kn, ki = min(alias, key=lambda a: (-len(net.name_bits.get(a[0], [])), a[0]))
                out.append(Redundancy(n, i, kn, ki, inverse=bool(p ^ kp)))
    return out


def _line(src: str) -> int:
    m = re.search(r":(\d+)\.", src)
    return int(m.group(1)) if m else 0


# -- source side ---------------------------------------------------------------------------------

@dataclass
class _Occ:
    path: str  # hierarchical path below the top ("u1.q", "g[0].sh", "cnt")
    file: int  # index into the file list
    ident: tuple[int, int]  # span of the identifier
    sel: tuple[int, int] | None = None  # span of the enclosing select expression
    sel_bits: tuple[int, int] | None = None  # (hi, lo) declared indices of a constant select
    dynamic: bool = False
    write: bool = False
    decl_lo: int = 0
    decl_up: bool = False
    width: int = 1
    is_port: bool = False
    proc: bool = False  # a variable (reg/logic) rather than a net
    full: tuple[int, int] | None = None  # the whole (hierarchical) reference


@dataclass
class _Stmt:
    file: int
    span: tuple[int, int]
    path: str  # the variable it assigns (whole variable or part of it)
    block: tuple[int, int] | None  # the procedural block it is in


_VALUE = ("NamedValueExpression", "HierarchicalValueExpression")


def _cint(c) -> int | None:
    if c is None:
        return None
    s = str(c).strip()
    m = re.fullmatch(r"-?\d+", s)
    if m:
        return int(s)
    m = re.fullmatch(r"\d*'s?([bodhBODH])([0-9a-fA-F_]+)", s)
    if m:
        base = {"b": 2, "o": 8, "d": 10, "h": 16}[m.group(1).lower()]
        try:
            return int(m.group(2).replace("_", ""), base)
        except ValueError:
            return None
    return None


def _source_model(texts: list[str], names: list[str], top: str):
    """Occurrences of variables and their assigning statements over the elaborated design."""
    from pyslang import syntax

    from rtlopt.hdl.project import top_compilation

    comp = top_compilation(top)  # the top alone, at its -G values (as Yosys elaborates it)
    trees = []
    for text, nm in zip(texts, names, strict=True):
        t = syntax.SyntaxTree.fromText(text, nm)
        trees.append(t)
        comp.addSyntaxTree(t)
    root = comp.getRoot()
    if any(d.isError() for t in trees for d in t.diagnostics):
        return None  # syntax errors; elaboration errors (Yosys accepts more) are tolerated: every edit is proven
    buf_file = {}
    for i, t in enumerate(trees):
        buf_file[t.root.sourceRange.start.buffer.id] = i

    def where(node):
        r = node.sourceRange
        return buf_file.get(r.start.buffer.id), (r.start.offset, r.end.offset)

    occs: list[_Occ] = []
    lhs: set[tuple[int, int, int]] = set()
    stmts: list[_Stmt] = []
    handled: set[tuple[str, int, tuple[int, int]]] = set()
    ports: set[str] = set()
    prefix = top + "."
    blocks: list[tuple[int, tuple[int, int]]] = []

    def rel(sym) -> str | None:
        hp = sym.hierarchicalPath
        return hp[len(prefix):] if hp.startswith(prefix) else None

    def decl_info(sym):
        t = sym.type
        rng = getattr(t, "range", None) if t.hasFixedRange else None
        if rng is None:
            return 0, False, int(t.bitWidth or 1)
        lo, hi = min(rng.left, rng.right), max(rng.left, rng.right)
        return lo, rng.left < rng.right, hi - lo + 1

    def root_sym(e):
        while type(e).__name__ in ("ElementSelectExpression", "RangeSelectExpression"):
            e = e.value
        return e.symbol if type(e).__name__ in _VALUE else None

    def occ_of(nv, sel=None, sel_bits=None, dynamic=False, sel_syntax=None):
        sym = nv.symbol
        p = rel(sym)
        nsyn = nv.syntax
        if nsyn is None and sel_syntax is not None and type(sel_syntax).__name__ == "IdentifierSelectNameSyntax":
            nsyn = sel_syntax.identifier  # 'x[31:0]' parsed as one name: the base has no syntax of its own
        if p is None or nsyn is None:
            return
        f, span = where(nsyn) if hasattr(nsyn, "sourceRange") else (where(sel_syntax)[0], (nsyn.range.start.offset, nsyn.range.end.offset))
        if f is None:
            return
        full = span
        txt = texts[f][span[0]:span[1]]
        if "." in txt:  # hierarchical reference: only its last name is edited
            m = re.search(r"([A-Za-z_][\w$]*)\s*$", txt)
            if m is None:
                return
            span = (span[0] + m.start(1), span[0] + m.end(1))
        lo, up, w = decl_info(sym)
        kind = type(sym).__name__
        occs.append(_Occ(p, f, span, sel, sel_bits, dynamic, False, lo, up, w,
                         kind == "PortSymbol" or p in ports, kind == "VariableSymbol", full))
        handled.add((p, f, span))

    def visit(n):
        k = type(n).__name__
        if k == "PortSymbol":
            ports.add(rel(n) or "")
        elif k == "ProceduralBlockSymbol" and n.body is not None and n.body.syntax is not None:
            f, sp = where(n.body.syntax.parent if n.body.syntax.parent is not None else n.body.syntax)
            blocks.append((f, sp))
        elif k == "AssignmentExpression" and n.left.syntax is not None:
            f, sp = where(n.left.syntax)
            lhs.add((f, *sp))
            sym = root_sym(n.left)
            par = n.syntax.parent if n.syntax is not None else None
            if sym is not None and par is not None and type(par).__name__ == "ExpressionStatementSyntax":
                p = rel(sym)
                if p is not None:
                    f2, sp2 = where(par)
                    stmts.append(_Stmt(f2, sp2, p, None))
        elif k in ("ElementSelectExpression", "RangeSelectExpression") and \
                type(n.value).__name__ in _VALUE and n.syntax is not None:
            f, sp = where(n.syntax)
            lo, up, w = decl_info(n.value.symbol)
            if k == "ElementSelectExpression":
                v = _cint(n.selector.constant)
                bits = None if v is None else (v, v)
            elif str(n.selectionKind).endswith("Simple"):
                a, b = _cint(n.left.constant), _cint(n.right.constant)
                bits = None if a is None or b is None else (max(a, b), min(a, b))
            else:
                a, b = _cint(n.left.constant), _cint(n.right.constant)
                if a is None or b is None:
                    bits = None
                elif str(n.selectionKind).endswith("IndexedUp"):
                    bits = (a + b - 1, a)
                else:
                    bits = (a, a - b + 1)
            occ_of(n.value, sp, bits, bits is None, n.syntax)
        elif k in _VALUE and n.syntax is not None:
            f, sp = where(n.syntax)
            p = rel(n.symbol)
            if p is not None and (p, f, sp) not in handled:
                occ_of(n)
        return True

    root.visit(visit)
    for o in occs:
        s, e = o.sel or o.ident
        o.write = any(f == o.file and ls <= s and e <= le for f, ls, le in lhs)
        o.is_port = o.is_port or o.path in ports
    for st in stmts:
        inside = [sp for f, sp in blocks if f == st.file and sp[0] <= st.span[0] and st.span[1] <= sp[1]]
        st.block = min(inside, key=lambda sp: sp[1] - sp[0]) if inside else None
    return occs, stmts, trees


def _bits_expr(parts: list[tuple], lo_decl: dict[str, tuple[int, bool, int]]) -> str:
    """Verilog for bits MSB first: each part ('n', name, yosys_bit, inv) or ('c', value)."""
    runs: list[list] = []
    for p in parts:
        if runs:
            last = runs[-1]
            q = last[-1]
            if p[0] == "c" and q[0] == "c":
                last.append(p)
                continue
            if p[0] == "n" and q[0] == "n" and p[1] == q[1] and p[3] == q[3] and p[2] == q[2] - 1:
                last.append(p)
                continue
        runs.append([p])
    texts = []
    for run in runs:
        if run[0][0] == "c":
            texts.append(f"{len(run)}'b" + "".join(str(p[1]) for p in run))
            continue
        name, inv = run[0][1], run[0][3]
        hi, lo = run[0][2], run[-1][2]
        off, up, width = lo_decl.get(name, (0, False, 0))
        local = name.rpartition(".")[2]
        if lo == 0 and hi == width - 1:
            t = local
        elif up:
            t = f"{local}[{width - 1 - hi + off}:{width - 1 - lo + off}]" if hi != lo else \
                f"{local}[{width - 1 - hi + off}]"
        else:
            t = f"{local}[{hi + off}:{lo + off}]" if hi != lo else f"{local}[{hi + off}]"
        texts.append(f"~{t}" if inv else t)
    if len(texts) == 1:
        t = texts[0]
        return f"({t})" if t.startswith("~") else t
    return "{" + ", ".join(texts) + "}"


def emit(texts: dict[Path, str], top: str, facts: list[Redundancy], net: seqsim.GateNet) -> dict[Path, str] | None:
    """New file texts with the redundant bits of ``facts`` replaced, or None if nothing applies."""
    paths = list(texts)
    tlist = [texts[p] for p in paths]
    if not all(t.isascii() for t in tlist):
        return None
    model = _source_model(tlist, [str(p) for p in paths], top)
    if model is None:
        return None
    occs, stmts, _trees = model
    by_name: dict[str, dict[int, Redundancy]] = {}
    for f in facts:
        by_name.setdefault(f.name, {})[f.bit] = f
    decl: dict[str, tuple[int, bool, int]] = {}
    for o in occs:
        decl.setdefault(o.path, (o.decl_lo, o.decl_up, o.width))
    for n, bits in net.name_bits.items():
        decl.setdefault(n, (0, False, len(bits)))
    edits: dict[tuple[int, int, int], str] = {}
    bad: set[tuple[int, int, int]] = set()

    def put(f, span, text):
        key = (f, *span)
        s0, e0 = span
        if tlist[f][s0:s0 + 1] == "(" and tlist[f][e0 - 1:e0] == ")" and not text.startswith("(") or \
                tlist[f][s0 - 1:s0] == "'" and not text.startswith("("):
            # a read spanning its parentheses (the operand of a cast int'(x)): keep them
            text = f"({text})"
        if key in edits and edits[key] != text:
            bad.add(key)
        edits[key] = text

    removed_vars: set[str] = set()
    port_wires: dict[str, list[Edit]] = {}
    occ_by_path: dict[str, list[_Occ]] = {}
    for o in occs:
        occ_by_path.setdefault(o.path, []).append(o)
    # every elaborated copy of a read (repeated instances with other parameter values, generate
    # iterations) must ask for the edit of that syntax: a copy that asks for nothing keeps it
    copies: dict[tuple[int, int, int], set[str]] = {}
    for o in occs:
        if not o.write:
            copies.setdefault((o.file, *o.ident), set()).add(o.path)
    asked: dict[tuple[int, int, int], set[str]] = {}
    all_copies: dict[tuple[int, int, int], set[str]] = {}  # reads and writes
    for o in occs:
        all_copies.setdefault((o.file, *o.ident), set()).add(o.path)
    for name, bits in by_name.items():
        olist = occ_by_path.get(name)
        if not olist:
            continue
        off, up, width = decl[name]
        if width != len(net.name_bits.get(name, [])):
            continue
        parts: list[tuple] = []  # LSB first, Yosys bit order
        for i in range(width):
            r = bits.get(i)
            if r is None:
                parts.append(("n", name, i, False))
            elif r.const is not None:
                parts.append(("c", r.const))
            else:
                parts.append(("n", r.keep_name, r.keep_bit, r.inverse))
        if all(p[0] == "n" and p[1] == name for p in parts):
            continue
        for kn in {p[1] for p in parts if p[0] == "n"}:
            decl.setdefault(kn, (0, False, len(net.name_bits.get(kn, []))))
        renam = None
        keeps = {(p[1], p[3]) for p in parts if p[0] == "n"}
        if len(keeps) == 1 and all(p[0] == "n" and p[2] == i for i, p in enumerate(parts)):
            kn, inv = next(iter(keeps))
            if decl.get(kn) == (off, up, width):
                renam = (kn.rpartition(".")[2], inv)
        ok = True
        new_edits = []
        for o in olist:
            if o.write:
                continue
            if renam is not None:
                kl, inv = renam
                if not inv:
                    new_edits.append((o.file, o.ident, kl))
                else:
                    t = tlist[o.file]
                    fs = (o.full or o.ident)[0]
                    end = o.sel[1] if o.sel is not None else o.ident[1]
                    new_edits.append((o.file, (fs, end), f"(~{t[fs:o.ident[0]]}{kl}{t[o.ident[1]:end]})"))
                continue
            if o.dynamic:
                ok = False
                break
            if o.full is not None and o.full != o.ident:
                ok = False  # hierarchical reference: only renames
                break
            if o.sel is None:
                hi, lo = width - 1, 0
                span = o.ident
            else:
                dh, dl = o.sel_bits
                a, b = (dh - off, dl - off) if not up else (width - 1 - (dl - off), width - 1 - (dh - off))
                hi, lo = max(a, b), min(a, b)
                if lo < 0 or hi >= width:
                    ok = False
                    break
                span = o.sel
            sub = [parts[i] for i in range(hi, lo - 1, -1)]
            new_edits.append((o.file, span, _bits_expr(sub, decl)))
        if not ok:
            continue
        for f, span, text in new_edits:
            put(f, span, text)
        for o in olist:
            if not o.write:
                asked.setdefault((o.file, *o.ident), set()).add(name)
        if len(bits) == width and all(not o.is_port and o.proc for o in olist):
            removed_vars.add(name)
        elif len(bits) == width and all(o.proc for o in olist) and any(o.is_port for o in olist) \
                and not any(p[0] == "n" and p[1] == name for p in parts):
            # an output register that another register of its module (or a constant) always equals:
            # the port becomes a wire driven by that expression and its procedural writes go. Below the
            # top only for a module elaborated once (its syntax is this one register) whose kept
            # registers are its own (a channel flag toggling exactly like the word select beside it)
            prefix = name.rpartition(".")[0]
            mod = top if not prefix else _single_copy_module(tlist, olist, all_copies, name)
            if mod is not None and all(p[1].rpartition(".")[0] == prefix for p in parts if p[0] == "n"):
                conv = _port_to_wire(tlist, mod, olist, stmts, name,
                                     _bits_expr([parts[i] for i in range(width - 1, -1, -1)], decl))
                if conv is not None:
                    port_wires[name] = conv
    if not edits and not port_wires:
        return None
    if any(ps != copies.get(k, ps) for k, ps in asked.items()):
        return None  # right in some copies of the syntax only (u_fast.cnt but not u_slow.cnt)
    # whole variables that are gone: their assignments (and a sole declaration) go too
    stmt_keep: dict[tuple[int, int, int], bool] = {}
    for st in stmts:
        key = (st.file, *st.span)
        gone = st.path in removed_vars or st.path in port_wires
        stmt_keep[key] = stmt_keep.get(key, False) or not gone
    drop = {k for k, keep in stmt_keep.items() if not keep}
    blocks_all: dict[tuple[int, int, int], list] = {}
    for st in stmts:
        if st.block is not None:
            blocks_all.setdefault((st.file, *st.block), []).append((st.file, *st.span))
    out_edits: dict[int, list[Edit]] = {}
    covered: list[tuple[int, int, int]] = []
    for bk, members in blocks_all.items():
        if all(m in drop for m in members):
            covered.append(bk)
    for f, s, e in covered:
        out_edits.setdefault(f, []).append(_remove_span(tlist[f], s, e))
    for f, s, e in sorted(drop):
        if any(cf == f and cs <= s and e <= ce for cf, cs, ce in covered):
            continue
        t = tlist[f]
        out_edits.setdefault(f, []).append(_stmt_removal(t, s, e))
    for (f, s, e), text in edits.items():
        if (f, s, e) in bad:
            return None
        if any(df == f and ds <= s and e <= de for df, ds, de in [*drop, *covered]):
            continue
        out_edits.setdefault(f, []).append(Edit(s, e, text))
    for name in removed_vars:
        _decl_removal(tlist, name, out_edits, occ_by_path[name])
    for name, eds in port_wires.items():
        f = occ_by_path[name][0].file
        out_edits.setdefault(f, []).extend(eds)
    new = dict(texts)
    for f, eds in out_edits.items():
        try:
            new[paths[f]] = apply_edits(tlist[f], _dedupe(eds))
        except ValueError:
            return None
    return new if new != texts else None


def _single_copy_module(tlist: list[str], olist: list[_Occ], all_copies: dict, name: str) -> str | None:
    """The module whose text holds every occurrence of ``name`` when that syntax is elaborated once
    (no other instance or generate iteration shares it), else None."""
    if any(all_copies.get((o.file, *o.ident)) != {name} for o in olist):
        return None
    mods = set()
    for o in olist:
        t = tlist[o.file]
        heads = list(re.finditer(r"\bmodule\s+([A-Za-z_][\w$]*)", t[:o.ident[0]]))
        if not heads:
            return None
        mods.add((o.file, heads[-1].group(1)))
    return next(iter(mods))[1] if len(mods) == 1 else None


def _port_to_wire(tlist: list[str], top: str, olist: list[_Occ], stmts: list[_Stmt], path: str,
                  expr: str) -> list[Edit] | None:
    """Edits turning module ``top``'s ANSI ``output reg NAME`` (the variable at hierarchical ``path``)
    into a wire assigned ``expr`` (None: not safe)."""
    files = {o.file for o in olist}
    name = path.rpartition(".")[2]
    if len(files) != 1 or not re.fullmatch(r"[A-Za-z_][\w$]*", name):
        return None
    f = files.pop()
    t = tlist[f]
    own = [st for st in stmts if st.file == f and st.path == path]
    for o in olist:  # every write must be a whole statement of this variable (no concatenation targets)
        s, e = o.sel or o.ident
        if o.write and not any(st.span[0] <= s and e <= st.span[1] for st in own):
            return None
    mods = [m for m in re.finditer(rf"\bmodule\s+{re.escape(top)}\b", t)]
    if len(mods) != 1:
        return None
    mend = t.find("endmodule", mods[0].end())
    if mend < 0:
        return None
    pat = re.compile(rf"\boutput\s+(reg|logic)\b(\s*(?:signed\s*)?(?:\[[^\]]*\]\s*)?){re.escape(name)}(?![\w$])"
                     r"(?=\s*(?://[^\n]*\n\s*)?[,)])")
    hits = [m for m in pat.finditer(t, mods[0].end(), mend)]
    if len(hits) != 1:
        return None
    m = hits[0]
    eds = []
    if m.group(1) == "reg":
        wide = t.startswith("  ", m.end(1))  # keep the columns of an aligned port list
        eds.append(Edit(m.start(1), m.end(1) + wide, "wire"))
    ls = t.rfind("\n", 0, mend) + 1
    line = f"assign {name} = {expr};\n"
    if t[ls:mend].strip():
        eds.append(Edit(mend, mend, line))
    else:
        eds.append(Edit(ls, ls, "    " + line))
    return eds


def _dedupe(eds: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    for e in sorted(set(eds)):
        if out and e.start < out[-1].end:
            if e.start >= out[-1].start and e.end <= out[-1].end:
                continue
            raise ValueError("overlap")
        out.append(e)
    return out


def _remove_span(text: str, s: int, e: int) -> Edit:
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    if not text[ls:s].strip() and not text[e:le].strip():
        return Edit(ls, min(le + 1, len(text)), "")
    return Edit(s, e, "")


def _stmt_removal(text: str, s: int, e: int) -> Edit:
    """Remove a statement; inside an if/else without begin-end it becomes the empty statement."""
    before = text[:s].rstrip()
    if before.endswith(("begin", ";", "end")) or re.search(r"(begin|;|end)\s*(//[^\n]*)?$", text[:s]):
        return _remove_span(text, s, e)
    return Edit(s, e, ";")


def _decl_removal(tlist: list[str], name: str, out_edits: dict[int, list[Edit]], olist: list[_Occ]) -> None:
    local = name.rpartition(".")[2]
    files = {o.file for o in olist}
    if len(files) != 1:
        return
    f = files.pop()
    t = tlist[f]
    # the only remaining mention must be a sole declaration: `reg [..] name;`
    pat = re.compile(rf"^[ \t]*(?:reg|logic|bit)\b[^;\n]*?(?<![\w$]){re.escape(local)}(?![\w$])\s*"
                     rf"(?:=\s*[^;]+)?;[^\n]*\n", re.M)
    hits = [m for m in pat.finditer(t) if re.fullmatch(rf"[ \t]*(?:reg|logic|bit)\s*(?:signed\s*)?"
                                                        rf"(?:\[[^\]]*\]\s*)?{re.escape(local)}\s*"
                                                        rf"(?:=\s*[^;]+)?;[^\n]*\n", m.group(0))]
    if len(hits) == 1:
        out_edits.setdefault(f, []).append(Edit(hits[0].start(), hits[0].end(), ""))
        return
    # one name of a list `reg [7:0] a, name, b;`: drop it and its comma
    lst = [m for m in re.finditer(r"^[ \t]*(?:reg|logic|bit)\b[^;]*;", t, re.M)
           if re.search(rf"(?<![\w$.]){re.escape(local)}(?![\w$])", m.group(0))]
    if len(lst) != 1:
        return
    m = lst[0]
    body = m.group(0)
    for pat2 in (rf",\s*{re.escape(local)}(?![\w$])(?=\s*[,;])", rf"(?<![\w$]){re.escape(local)}\s*,\s*"):
        mm = re.search(pat2, body)
        if mm:
            out_edits.setdefault(f, []).append(Edit(m.start() + mm.start(), m.start() + mm.end(), ""))
            return


# -- generator -----------------------------------------------------------------------------------

_CACHE: dict[str, SeqAnalysis] = {}


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 30.0, max_cands: int = 6):
    """[(new texts, description, names)] : all redundancies together, then one class at a time."""
    import hashlib

    key = hashlib.sha256(repr((top, sorted((str(p), t) for p, t in texts.items()))).encode()).hexdigest()
    an = _CACHE.get(key)
    if an is None:
        an = analyze_texts(texts, top, timeout_s)
        _CACHE[key] = an
    if not an.facts or an.net is None:
        return []
    out = []
    seen = set()

    def add(facts, what):
        new = emit(texts, top, facts, an.net)
        if new is None:  # cells of generate-loop iterations read through dynamic selects
            from rtlopt.semantic.seqred_gen import emit_generate

            new = emit_generate(texts, top, facts, an.net)
        if new is None:
            return
        k = tuple(sorted((str(p), t) for p, t in new.items()))
        if k in seen:
            return
        seen.add(k)
        out.append((new, what, sorted({f.name for f in facts})))

    add(an.facts, "all")
    # one group per piece of syntax: the facts of every elaborated copy of a variable (instances,
    # generate iterations) go together, since their edit is one edit of the shared source
    model = _source_model([texts[p] for p in texts], [str(p) for p in texts], top)
    site: dict[str, str] = {}
    if model is not None:
        for o in model[0]:
            site[o.path] = min(site.get(o.path, repr((o.file, o.ident))), repr((o.file, o.ident)))
    groups: dict[str, list[Redundancy]] = {}
    for f in an.facts:
        groups.setdefault(site.get(f.name, f.name), []).append(f)
    if len(groups) > 1:
        for _site, fs in sorted(groups.items()):
            if len(out) >= max_cands:
                break
            add(fs, ", ".join(sorted({f.name for f in fs})))
    return out


def _describe(facts_names: list[str], an_facts: list[Redundancy]) -> str:
    parts = []
    for n in facts_names[:4]:
        fs = [f for f in an_facts if f.name == n]
        if all(f.const is not None for f in fs):
            parts.append(f"'{n}' constant")
        else:
            ks = sorted({f.keep_name for f in fs if f.keep_name})
            inv = any(f.inverse for f in fs)
            parts.append(f"'{n}' {'inverse of' if inv else 'equals'} '{', '.join(ks)}'")
    return "; ".join(parts) + (" ..." if len(facts_names) > 4 else "")


def seq_candidates(state) -> list:
    """Search-loop generator: proven register equivalences/constants as source edits."""
    from rtlopt.engine.candidate import Candidate

    design = state.design
    if not any(re.search(r"\b(posedge|negedge)\b", t) for t in state.texts.values()):
        return []
    try:
        left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
        got = candidates_for(dict(state.texts), design.top, timeout_s=max(2.0, min(30.0, left)))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    key = next(iter(_CACHE.values())) if _CACHE else None
    del key
    out = []
    an_facts = _last_facts(state.texts, design.top)
    for new, what, names in got:
        changed = [p for p in new if new[p] != state.texts[p]]
        if len(changed) != 1:
            continue  # the engine replaces one file per candidate
        p = changed[0]
        desc = f"sequential redundancy: {_describe(names, an_facts)}"
        out.append(Candidate(new[p], "template", (RULE,), desc,
                             {"file": str(p), "parts": tuple(names), "seq": what}))
    out.extend(_dead_guard_candidates(state))
    return out


def _dead_guard_candidates(state) -> list:
    """Guards false in every reachable state under the helper invariants the analysis proved."""
    import hashlib

    from rtlopt.engine.candidate import Candidate
    from rtlopt.semantic import deadcond

    texts = dict(state.texts)
    key = hashlib.sha256(repr((state.design.top, sorted((str(p), t) for p, t in texts.items()))).encode()).hexdigest()
    an = _CACHE.get(key)
    if an is None or an.net is None:
        return []
    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    budget = min(deadcond.TIME_S, left / 4)
    if budget < 2.0:
        return []
    try:
        got = deadcond.candidates(texts, state.design.top, an.net, timeout_s=budget)
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    if got and an.facts:  # the guards together with the redundant registers (one round, not two)
        both = emit(got[0][0], state.design.top, an.facts, an.net)
        if both is not None:
            got.insert(0, (both, got[0][1] + " and the redundant registers"))
    out = []
    for new, what in got:
        changed = [p for p in new if new[p] != texts[p]]
        if len(changed) != 1:
            continue
        p = changed[0]
        out.append(Candidate(new[p], "template", (RULE,), f"sequential redundancy: {what}",
                             {"file": str(p), "seq": "dead_guard"}))
    return out + _dead_compares_and_registers(state, texts, an)


def _dead_compares_and_registers(state, texts, an) -> list:
    """The dead compares rtlopt.semantic.deadcmp found in these texts together with the redundant
    registers proven here (one candidate instead of two steps: heldout17 nandboot's constant row and
    mirrored command, then the command decodes the sequencer never needs)."""
    from rtlopt.engine.candidate import Candidate
    from rtlopt.semantic import deadcmp

    sites = deadcmp.found_before(texts, state.design.top)
    if not sites or not an.facts:
        return []
    first = sites[0][0][0]
    new = emit(deadcmp.apply(texts, [s for s in sites if s[0][0] == first]), state.design.top, an.facts, an.net)
    if new is None:
        return []
    changed = [p for p in new if new[p] != texts[p]]
    if len(changed) != 1:
        return []
    p = changed[0]
    return [Candidate(new[p], "template", (RULE,),
                      f"sequential redundancy: {deadcmp._describe(texts, sites)} and the redundant registers",
                      {"file": str(p), "seq": "dead_compare", "engines": deadcmp.PROOF_ENGINES})]


def _last_facts(texts, top) -> list[Redundancy]:
    import hashlib

    key = hashlib.sha256(repr((top, sorted((str(p), t) for p, t in texts.items()))).encode()).hexdigest()
    an = _CACHE.get(key)
    return an.facts if an else []
