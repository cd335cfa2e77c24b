"""Instances of one child module busy in disjoint phases share one instance (resource sharing of the
state inside sibling instances: the cross-instance form of :mod:`rtlopt.semantic.lifeshare`).

Two (or more) instances of one module -- the delay timer of each power-up step, the preamble and gap
timers of a beacon, the heat and soak timers of a cycle -- whose state is never away from its reset
value in two of them at once need one instance: it takes the started one's inputs, and its outputs
go to every consumer (each reads them only in its own phase; the proof says whether that is so).

Found by meaning, not by names: the flattened design's sampled traces from reset
(:func:`rtlopt.semantic.regfunc.run_trace`) give, per instance, the cycles in which any of its
flip-flops differs from its reset value ("busy"); the instances of a group must be busy in pairwise
disjoint cycles (every instance of the parent module alike). Gated on a cheap syntactic precondition:
a module with at least two single instances of one child module (nothing is elaborated otherwise).

The edit is minimal, in the parent: the kept instance's input connections that differ between the
instances become selections -- by the started instance's 1-bit strobe (``load``/``start``: the strobe
port gets the OR of the strobes, every other differing port ``s_b ? x_b : x_a``), by the phase of a
controller register of the parent (the set of its codes seen while each instance is busy -- or, for a
timer that holds its count one cycle into the next phase before its enable clears it, while it works
-- disjoint between instances), or by that register's next value (the right side of its one
non-constant write: a level enable switched as the phase changes clears the entering instance in the
cycle its phase begins) -- and each dropped instance becomes ``assign <its output net> = <kept output
net>;``. When the instances' parameters differ in values their module uses in expressions (a delay
length, a limit), the module gets a parameter ``RTLOPT_EXT`` (default 0: every other use keeps its
behaviour) and one input ``rtlopt_<P>`` per such parameter, read through
``wire signed [31:0] rtlopt_<P>_v = RTLOPT_EXT ? rtlopt_<P> : P;`` in those expressions; the kept
instance gets ``RTLOPT_EXT = 1`` and ``.rtlopt_<P>(phase_b ? P_b : P_a)``. Parameter uses in widths,
selects, casts' sizes and generate headers keep the kept instance's value (the kept instance is the one
with the largest values). Each candidate is simulated against the original before it is offered; the
search loop measures it and proves it from reset like every candidate.

The iterations of a generate loop's instance (Verilog ``generate for`` + ``genvar``, SV ``for (genvar
...)`` without ``generate``) are instances as well: the elaboration gives the genvar values and paths
(``g_slot[2].u_q``), each iteration's connections are read with the genvar's value (and the loop
block's own nets and localparams as ``blk[k].name``), and the statement becomes a generate ``if`` on
the genvar -- the kept iteration holds the edited instance, the dropped ones ``assign`` its outputs to
their own output nets, any other iteration keeps its instance. A phase register whose next value reads
the shared instances' outputs (a quantum counter whose expiry moves the running context: heldout11
sched/timeslice) is also tried through its whole next value (:func:`_next_full`: its clocked block's
if/case folded into ``?:``) with those outputs read as zero stand-ins (``localparam RTLOPT_Z_<net>``):
reading them would close a combinational loop, and a counter that expires clears itself anyway.
Instance arrays (``child u[3:0] (...)``) are not handled.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np

from rtlopt.hdl.edit import Edit, apply_edits

RULE = "instance_lifetime_sharing"
MAX_CANDIDATES = 4
#: widest parent register a phase predicate reads
PHASE_BITS = 4
#: instances of one module considered in a group
MAX_GROUP = 6
#: iterations of a generate loop of instances considered
MAX_LOOP = 8
#: variants simulated at most (each costs a Yosys elaboration and a simulation)
MAX_SIMS = 6
#: the prover's engines for these candidates, in order (see :func:`instlife_candidates`)
PROOF_ENGINES = ("smt", "abc")
#: ... for the iterations of a generate loop sharing one instance (the kept one in a generate if): ABC
#: alone, with the whole slice (second of two engines it had 40 % of it). Load 11-16: heldout11
#: sched/timeslice abc 44 s / smt 89 s, sharing/instlife_genloop_dma_v abc 2.7 s / smt 8.6 s,
#: instlife_genloop_pour_sv abc 59 s / smt UNKNOWN at 160 s; in the search (--budget 200
#: --verify-timeout 60, load 14) timeslice's candidate with (abc, smt) ended UNKNOWN
PROOF_ENGINES_LOOP = ("abc",)
#: the description's mark of a generate-loop sharing
LOOP_NOTE = " in a generate if on the genvar"

_IDENT = re.compile(r"[A-Za-z_][\w$]*")
#: syntax kinds whose parameter reads stay constant (widths, selects, cast sizes, generate headers)
_CONST_CTX = {"VariableDimensionSyntax", "ParameterDeclarationSyntax", "ParameterDeclarationStatementSyntax",
              "ParameterPortListSyntax", "ElementSelectSyntax", "ParameterValueAssignmentSyntax",
              "TypedefDeclarationSyntax", "LoopGenerateSyntax", "GenvarDeclarationSyntax"}


def _kind(n) -> str:
    return type(n).__name__


def _span(n) -> tuple[int, int]:
    r = n.sourceRange
    return r.start.offset, r.end.offset


def _modules(tree) -> list:
    r = tree.root
    if _kind(r) == "ModuleDeclarationSyntax":
        return [r]
    return [m for m in getattr(r, "members", []) if _kind(m) == "ModuleDeclarationSyntax"]


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


# -- syntax: groups of instances ------------------------------------------------------------------

class _Inst:
    """One single-instance instantiation statement of a child module in a parent module."""

    def __init__(self, it, hi, conns, loop=None):
        self.it, self.hi, self.conns = it, hi, conns
        self.name = hi.decl.name.valueText
        #: instances of a generate loop: (LoopGenerateSyntax, genvar name); ``gval`` the iteration's genvar
        #: value and ``rel`` its path below the parent (``g_slot[2].u_q``), set by :func:`_unroll`
        self.loop = loop
        self.gval: int | None = None
        self.rel = self.name

    def at(self, gval: int, rel: str) -> _Inst:
        """This loop instance's iteration ``gval``: the connections' genvar reads become the value."""
        n = _Inst(self.it, self.hi, {}, self.loop)
        n.gval, n.rel = gval, rel
        for p, c in self.conns.items():
            n.conns[p] = (*c[:4], None if c[4] is None else n.iter_text(c[4]), c[5])
        return n

    def iter_text(self, txt: str) -> str:
        """A loop instance's expression text as this iteration reads it: the genvar its value, the loop
        block's own nets and localparams this iteration's (``blk[2].w``)."""
        _lp, gv, label, local = self.loop
        txt = _subst(txt, gv, self.gval)
        for w in local if label else ():
            txt = re.sub(rf"(?<![\w$.']){re.escape(w)}(?![\w$])", f"{label}[{self.gval}].{w}", txt)
        return txt


def _subst(text: str, name: str, val: int) -> str:
    return re.sub(rf"(?<![\w$.']){re.escape(name)}(?![\w$])", f"({val})", text)


def _loop_around(n):
    """(LoopGenerateSyntax, genvar, block label or None, names the loop block declares) when syntax ``n``
    sits in exactly one generate loop with only generate blocks/regions between (no if/case generate:
    every iteration holds the instance); "" when it sits in something else; None at module level."""
    p = n.parent
    found = None
    while p is not None and _kind(p) != "ModuleDeclarationSyntax":
        k = _kind(p)
        if k == "LoopGenerateSyntax":
            if found is not None:
                return ""
            label, local = None, frozenset()
            b = p.block
            if _kind(b) == "GenerateBlockSyntax":
                if b.beginName is not None:
                    label = b.beginName.name.valueText
                local = frozenset(d.name.valueText for m in b.members
                                  if _kind(m) in ("NetDeclarationSyntax", "DataDeclarationSyntax")
                                  for d in m.declarators if hasattr(d, "name"))
                local |= frozenset(d.name.valueText for m in b.members
                                   if _kind(m) == "ParameterDeclarationStatementSyntax"
                                   for d in getattr(m.parameter, "declarators", []) if hasattr(d, "name"))
            found = (p, p.identifier.valueText, label, local)
        elif k not in ("GenerateBlockSyntax", "GenerateRegionSyntax"):
            return ""
        p = p.parent
    return found


def _conns(text: str, hi, ports: list[str]):
    """{port: (connection start, end, expression start, end, expression text or None, shorthand)} of an
    instance (``.p`` shorthand: the text is the port name; shorthand "wild": a port ``.*`` connects by
    name, the connection span being the ``.*``), None for ordered connections beyond the port list."""
    got = {}
    wild = None
    cs = [c for c in hi.connections if not _kind(c).endswith("Token")]
    for i, c in enumerate(cs):
        k = _kind(c)
        cs0, ce0 = _span(c)
        if k == "WildcardPortConnectionSyntax":
            wild = (cs0, ce0)
        elif k == "NamedPortConnectionSyntax":
            name = c.name.valueText
            if c.expr is None:
                short = not str(c.openParen).strip()
                got[name] = (cs0, ce0, None, None, name if short else None, short)
            else:
                a, b = _span(c.expr)
                got[name] = (cs0, ce0, a, b, text[a:b], False)
        elif k == "OrderedPortConnectionSyntax":
            if i >= len(ports) or c.expr is None:
                return None
            a, b = _span(c.expr)
            got[ports[i]] = (cs0, ce0, a, b, text[a:b], False)
        else:
            return None
    if wild is not None:  # every port not named explicitly connects to the net of its name
        for port in ports:
            got.setdefault(port, (*wild, None, None, port, "wild"))
    return got


def _groups(texts: dict[Path, str]):
    """[(path, text, tree, parent module syntax, child module name, [_Inst])]: modules holding >= 2 single,
    named-port instances of one child module with an ANSI port list. Syntax only (cheap)."""
    from pyslang import syntax

    from rtlopt.semantic import instmux

    trees = []
    for p, t in texts.items():
        tr = syntax.SyntaxTree.fromText(t, str(p))
        if any(d.isError() for d in tr.diagnostics):
            return []
        trees.append((p, tr))
    dirs = instmux._port_dirs(trees)
    # modules holding state of their own (a clocked process): instances of combinational modules have
    # no lifetimes (instmux shares those)
    clocked = set()
    for p, tr in trees:
        for m in _modules(tr):
            a, b = _span(m)
            if re.search(r"\b(posedge|negedge|always_ff)\b", texts[p][a:b]):
                clocked.add(m.header.name.valueText)
    out = []
    for p, tr in trees:
        text = texts[p]
        for mod in _modules(tr):
            by: dict[tuple, list[_Inst]] = {}
            for it in _instantiations(mod):
                loop = _loop_around(it)
                if loop == "":
                    continue
                his = [h for h in it.instances if _kind(h) == "HierarchicalInstanceSyntax"]
                ty = it.type.valueText
                if len(his) != 1 or ty not in dirs or ty not in clocked or his[0].decl is None \
                        or list(his[0].decl.dimensions):
                    continue
                cs = _conns(text, his[0], [n for n, _d in dirs[ty]])
                if cs is None:
                    continue
                # the named instances of one child module form a group; the iterations of each loop's
                # instance another (unrolled after the elaboration)
                key = (ty, _span(it)) if loop else (ty, None)
                by.setdefault(key, []).append(_Inst(it, his[0], cs, loop))
            for (ty, _k), insts in by.items():
                if len(insts) >= 2 or insts[0].loop:
                    out.append((p, text, tr, mod, ty, insts[:MAX_GROUP], dict(dirs[ty])))
    return out


def _instantiations(mod) -> list:
    """The module's instantiation statements: its members and those inside generate regions, blocks and
    loops (the loop ones' iterations come from the elaboration)."""
    out = []

    def walk(n):
        k = _kind(n)
        if k == "HierarchyInstantiationSyntax":
            out.append(n)
            return
        if k in ("GenerateRegionSyntax", "GenerateBlockSyntax"):
            for m in n.members:
                walk(m)
        elif k == "LoopGenerateSyntax":
            walk(n.block)

    for m in mod.members:
        walk(m)
    return out


def _unroll(insts: list[_Inst], loops: dict, pname: str) -> list[_Inst] | None:
    """Every loop instance replaced by its iterations (from the elaboration: one set of genvar values
    in every elaborated parent), named instances as they are."""
    out = []
    for ins in insts:
        if ins.loop is None:
            out.append(ins)
            continue
        its = loops.get((pname, _span(ins.hi)[0]))
        if not its:
            return None
        out += [ins.at(g, rel) for rel, g in sorted(its, key=lambda x: x[1])]
    return out


# -- traces ---------------------------------------------------------------------------------------

def _lanes(words: np.ndarray) -> np.ndarray:
    """[cycles, words] uint64 -> [cycles, words*64] bool."""
    c, w = words.shape
    sh = np.arange(64, dtype=np.uint64)
    return (((words[:, :, None] >> sh) & np.uint64(1)) != 0).reshape(c, w * 64)


def _busy(runs: list[np.ndarray], js: list[int]) -> np.ndarray | None:
    """[cycles, lanes] bool: any flop of ``js`` away from its reset value (cycle 0 of every lane)."""
    parts = []
    for tr in runs:
        w0 = tr[0, js, :]
        if not np.all((w0 == 0) | (w0 == np.uint64(0xFFFFFFFFFFFFFFFF))):
            return None  # cycle 0 is not one reset state
        parts.append(_lanes(np.bitwise_or.reduce(tr[:, js, :] ^ w0[None, :, :], axis=1)))
    c = min(p.shape[0] for p in parts)
    return np.concatenate([p[:c] for p in parts], axis=1)


def _steps(runs: list[np.ndarray], js: list[int]) -> np.ndarray:
    """[cycles, lanes] bool: the flops of ``js`` change from this cycle to the next one and do not land
    on their reset value (the instance works in this cycle; a clear or an idle cycle does not count)."""
    parts = []
    for tr in runs:
        w0 = tr[0, js, :]
        x = tr[:, js, :]
        ch = np.bitwise_or.reduce(x[1:] ^ x[:-1], axis=1)
        away = np.bitwise_or.reduce(x[1:] ^ w0[None, :, :], axis=1)
        m = _lanes(ch) & _lanes(away)
        parts.append(np.concatenate([m, np.zeros((1, m.shape[1]), dtype=bool)], axis=0))
    c = min(p.shape[0] for p in parts)
    return np.concatenate([p[:c] for p in parts], axis=1)


def _next_expr(mtext: str, leaf: str) -> str | None:
    """The next value of register ``leaf`` as an expression of the module: the right side of its one
    non-constant nonblocking write (its other writes constants: a reset), None otherwise."""
    from rtlopt.semantic.lifeshare import _rhs_value

    rhs = {re.sub(r"\s+", " ", m.group(1).strip())
           for m in re.finditer(rf"(?<![\w$.]){re.escape(leaf)}\s*<=(?!=)\s*([^;]+);", mtext)}
    var = [r for r in rhs if _rhs_value(r, {}) is None and not re.fullmatch(r"'[01]|\d*'[sS]?[bdhoBDHO][0-9a-fA-F_xXzZ]+", r)]
    return var[0] if len(var) == 1 else None


def _next_full(text: str, mod, leaf: str) -> str | None:
    """The next value of register ``leaf`` as one expression of the module: its clocked block's if/else
    and case structure folded into ``c ? a : b`` over its nonblocking writes (the value it keeps where
    nothing writes it); a condition reading only event-list signals (an asynchronous reset) takes its
    else branch. None when it cannot tell (several blocks, blocking writes, loops writing it, selects)."""
    blocks = []
    for m in mod.members:
        if _kind(m) != "ProceduralBlockSyntax":
            continue
        a, b = _span(m)
        if re.search(rf"(?<![\w$.]){re.escape(leaf)}\b[^;=]*<=", text[a:b]):
            blocks.append(m)
    if len(blocks) != 1:
        return None
    st = blocks[0].statement
    events: set[str] = set()
    if _kind(st) == "TimingControlStatementSyntax":
        a, b = _span(st.timingControl)
        events = set(_IDENT.findall(text[a:b])) - {"posedge", "negedge", "or", "edge"}
        st = st.statement
    if not events:
        return None

    def t(n) -> str:
        a, b = _span(n)
        return text[a:b].strip()

    def mentions(n) -> bool:
        return re.search(rf"(?<![\w$.]){re.escape(leaf)}(?![\w$])", t(n)) is not None

    class _No(Exception):
        pass

    def ex(n, cur: str) -> str:
        k = str(n.kind).rpartition(".")[2]
        if k == "SequentialBlockStatement":
            for it in n.items:
                cur = ex(it, cur)
            return cur
        if k == "ConditionalStatement":
            c = t(n.predicate)
            names = set(_IDENT.findall(re.sub(r"\d*'[sS]?[bdhoBDHO][0-9a-fA-F_xXzZ]+", "", c)))
            els = n.elseClause.clause if n.elseClause is not None else None
            if names and names <= events:  # the asynchronous reset: the cycles it is inactive
                return ex(els, cur) if els is not None else cur
            a = ex(n.statement, cur)
            b = ex(els, cur) if els is not None else cur
            return a if a == b else f"(({c}) ? {a} : {b})"
        if k == "CaseStatement":
            if n.caseKeyword.valueText != "case":
                raise _No
            sel = t(n.expr)
            dflt = cur
            arms = []
            for it in n.items:
                ik = str(it.kind).rpartition(".")[2]
                if ik == "DefaultCaseItem":
                    dflt = ex(it.clause, cur)
                elif ik == "StandardCaseItem":
                    c = " || ".join(f"({sel}) == ({t(e)})" for e in it.expressions
                                    if _kind(e).endswith("Syntax"))
                    arms.append((c, ex(it.clause, cur)))
                else:
                    raise _No
            out = dflt
            for c, v in reversed(arms):
                out = v if v == out else f"(({c}) ? {v} : {out})"
            return out
        if k == "ExpressionStatement":
            e = n.expr
            if str(e.kind).endswith(".NonblockingAssignmentExpression"):
                if _norm(t(e.left)) == leaf:
                    return f"({t(e.right)})"
                if mentions(e.left):
                    raise _No
                return cur
            raise _No  # blocking writes: temporaries the expression could not read
        if k == "EmptyStatement":
            return cur
        if mentions(n):
            raise _No
        return cur

    try:
        return ex(st, leaf)
    except (_No, AttributeError):
        return None


def _zero_outputs(text: str, mod, expr: str | None, insts: list[_Inst], chosen: list[int], pdir: dict, net,
                  scope: str) -> tuple[str, str] | None:
    """(``expr`` with the group's output nets read as zero, the localparam declarations of their zero
    stand-ins): the nets the instances' outputs drive, and wires of the module driven by one expression
    of them (inlined, up to three levels), become ``RTLOPT_Z_<net>`` (a zero of the net's width)."""
    if expr is None:
        return None
    outs = set()
    for i in chosen:
        for p, d in pdir.items():
            c = insts[i].conns.get(p)
            if d == "output" and c is not None and c[4]:
                m = _IDENT.match(c[4].strip())
                if m:
                    outs.add(m.group(0))
    a, b = _span(mod)
    mtext = text[a:b]
    drv: dict[str, list[str]] = {}
    for m in re.finditer(r"\bassign\s+([A-Za-z_][\w$]*)\s*=\s*([^;]+);", mtext):
        drv.setdefault(m.group(1), []).append(m.group(2))
    for m in re.finditer(r"\b(?:wire|logic)\b(?:\s+signed)?\s*(?:\[[^\]]*\])?\s*([A-Za-z_][\w$]*)\s*=\s*([^;]+);", mtext):
        drv.setdefault(m.group(1), []).append(m.group(2))

    def reads(e: str, names) -> bool:
        return any(re.search(rf"(?<![\w$.]){re.escape(n)}(?![\w$])", e) for n in names)

    for _ in range(3):  # wires computed from the outputs: their expressions inlined
        for w, es in drv.items():
            if len(es) == 1 and w not in outs and reads(expr, [w]) and reads(es[0], outs):
                expr = re.sub(rf"(?<![\w$.]){re.escape(w)}(?![\w$])", f"({es[0].strip()})", expr)
    decls = []
    for n in sorted(outs):
        if not reads(expr, [n]):
            continue
        bits = net.name_bits.get(f"{scope}.{n}" if scope else n)
        if not bits:
            return None
        expr = re.sub(rf"(?<![\w$.]){re.escape(n)}(?![\w$])", f"RTLOPT_Z_{n}", expr)
        decls.append(f"localparam [{len(bits) - 1}:0] RTLOPT_Z_{n} = 0;")
    return expr, " ".join(decls)


def _phase_values(runs, js) -> np.ndarray:
    from rtlopt.semantic.lifeshare import _values

    parts = [_values(tr, js) for tr in runs]
    c = min(p.shape[0] for p in parts)
    return np.concatenate([p[:c] for p in parts], axis=1)


# -- elaboration: parameter values -----------------------------------------------------------------

def _elab(texts: dict[Path, str], top: str):
    """{(parent module, instance name): [(parent path, {param: value text})]} and the parent paths of
    every module, from pyslang's elaboration of ``top``."""
    from pyslang import syntax

    from rtlopt.hdl.project import top_compilation
    from rtlopt.semantic import instshare

    comp = top_compilation(top)
    for p, t in texts.items():
        comp.addSyntaxTree(syntax.SyntaxTree.fromText(t, str(p)))
    tops = list(comp.getRoot().topInstances)
    if len(tops) != 1:
        return None
    ti = tops[0]
    mod_paths: dict[str, list[str]] = {ti.body.definition.name: [""]}
    params: dict[tuple[str, str], list] = {}
    kids = instshare._children(ti)
    pdef = {"": ti.body.definition.name}
    for _pp, rel, sym, _g in kids:
        pdef[rel] = sym.body.definition.name
    loops: dict[tuple[str, int], set] = {}
    for pp, rel, sym, g in kids:
        mod_paths.setdefault(sym.body.definition.name, []).append(rel)
        # the path below the parent: the instance name, or generate blocks and the name (g_slot[2].u_q)
        below = rel[len(pp) + 1:] if pp else rel
        vals = {m.name: str(m.value) for m in sym.body if _kind(m) == "ParameterSymbol" and not m.isLocalParam}
        params.setdefault((pdef.get(pp, ""), below), []).append((pp, vals))
        if g is not None and sym.syntax is not None:
            loops.setdefault((pdef.get(pp, ""), sym.syntax.sourceRange.start.offset), set()).add((below, g))
    return mod_paths, params, loops


# -- child module edit ------------------------------------------------------------------------------

def _param_uses(text: str, mod, pname: str) -> list[tuple[int, int]] | None:
    """Spans of the module's reads of parameter ``pname`` in expressions (not widths, selects, cast
    sizes, replication counts, parameter values or generate headers); None when it cannot tell."""
    out = []
    bad = []

    def const_ctx(n) -> bool:
        child, p = n, n.parent
        while p is not None and _kind(p) != "ModuleDeclarationSyntax":
            k = _kind(p)
            if k in _CONST_CTX:
                return True
            if k in ("CastExpressionSyntax", "SignedCastExpressionSyntax") and getattr(p, "left", None) is not None \
                    and _span(child) == _span(p.left):
                return True
            if k == "MultipleConcatenationExpressionSyntax" and _span(child) == _span(p.expression):
                return True
            if k in ("IfGenerateSyntax", "CaseGenerateSyntax") and _span(child) == _span(p.condition):
                return True
            if k == "InvocationExpressionSyntax" and str(p.left).strip().startswith("$"):
                return True  # $clog2(P), $bits(P): constant functions
            child, p = p, p.parent
        return False

    def walk(n):
        k = _kind(n)
        if k == "IdentifierNameSyntax":
            if n.identifier.valueText == pname and not const_ctx(n):
                out.append(_span(n))
            return
        if k in ("ScopedNameSyntax",) and pname in str(n):
            bad.append(n)
            return
        try:
            kids = list(n)
        except TypeError:
            return
        for c in kids:
            if _kind(c).endswith("Syntax"):
                walk(c)

    for m in mod.members:
        walk(m)
    if bad:
        return None
    return out


def _child_edits(text: str, cmod, ports: list[str]) -> list[Edit] | None:
    """Edits adding ``RTLOPT_EXT``, the value ports and the ``rtlopt_<P>_v`` wires to the child module
    and rewriting its expression reads of each parameter in ``ports``."""
    from rtlopt.semantic.crossinst import after_last_port

    hd = cmod.header
    if hd.parameters is None or hd.ports is None or _kind(hd.ports) != "AnsiPortListSyntax":
        return None
    s, e = _span(cmod)
    if re.search(r"\b(RTLOPT_EXT|rtlopt_\w+)\b", text[s:e]):
        return None
    eds = []
    pc = hd.parameters.closeParen.location.offset
    eds.append(Edit(after_last_port(text, pc), after_last_port(text, pc), ", parameter RTLOPT_EXT = 0"))
    cp = hd.ports.closeParen.location.offset
    at = after_last_port(text, cp)
    ls = text.rfind("\n", 0, at) + 1
    ind = re.match(r"[ \t]*", text[ls:at]).group(0) or "  "  # the last port's indentation
    eds.append(Edit(at, at, "".join(f",\n{ind}input wire signed [31:0] rtlopt_{p}" for p in ports)))
    semi = hd.semi.location.offset + 1
    eds.append(Edit(semi, semi, "".join(f"\n{ind}wire signed [31:0] rtlopt_{p}_v = RTLOPT_EXT ? rtlopt_{p} : {p};"
                                        for p in ports)))
    for p in ports:
        uses = _param_uses(text, cmod, p)
        if not uses:
            return None
        eds += [Edit(a, b, f"rtlopt_{p}_v") for a, b in uses]
    return eds


# -- candidates -------------------------------------------------------------------------------------

def _pred(leaf: str, width: int, codes: frozenset) -> str:
    if width == 1:
        return leaf if codes == frozenset({1}) else f"!{leaf}"
    return "(" + " || ".join(f"{leaf} == {width}'d{c}" for c in sorted(codes)) + ")"


def _emit(text: str, group, kept: int, chosen: list[int], sel: str, phase, vport: dict[str, list[str]],
          cmod, vsel: str = "phase") -> tuple[str, str] | None:
    """(new text, description) of one sharing. ``sel``: "strobe:<port>", "phase" or "nextphase"; ``phase``: (leaf,
    width, {instance index: codes}) or None; ``vport``: {param: value text per instance} of the parameters
    that become value ports, selected by ``vsel``: "phase" (the instance counting), "strobe" (the instance
    being loaded) or "both" (its strobe, else its phase)."""
    from rtlopt.semantic.crossinst import after_last_port

    _p, _t, _tr, _mod, ty, insts, pdir = group
    ki = insts[kept]
    others = [i for i in chosen if i != kept]
    eds: list[Edit] = []

    def conn(i, port):
        c = insts[i].conns.get(port)
        return None if c is None else c[4]

    def cond(i, nxt=False):
        leaf, w, codes, nexpr, nfull = phase
        if nxt == "full":
            return _pred(f"({nfull[0]})", w, codes[i])
        return _pred(f"({nexpr})" if nxt else leaf, w, codes[i])

    ins = [p for p, d in pdir.items() if d == "input"]
    outs = [p for p, d in pdir.items() if d == "output"]
    if any(d not in ("input", "output") for d in pdir.values()):
        return None
    differ = [p for p in ins if len({_norm(conn(i, p) or "") for i in chosen}) > 1]
    if any(conn(i, p) is None for p in differ for i in chosen):
        return None
    strobe = sel.split(":", 1)[1] if sel.startswith(("strobe:", "sphase")) else None
    sphase = sel.startswith("sphase")
    # ... and every other 1-bit input OR'ed (an enable each instance raises only while it works)
    sor = sel.startswith("sphaseor:")
    wild_add: list[str] = []  # ports '.*' connects that get an explicit connection after the '.*'
    for p in differ:
        if p == strobe or (sor and _is_bit_port(text, group[2], ty, p)):
            new = " || ".join(f"({conn(i, p).strip()})" for i in others + [kept])
        else:
            expr = f"({conn(kept, p).strip()})"
            for i in reversed(others):
                c = f"({conn(i, strobe).strip()})" if strobe else \
                    cond(i, "full" if sel == "nextfull" else sel == "nextphase")
                if sphase:
                    c = f"({c} || {cond(i)})"
                expr = f"{c} ? ({conn(i, p).strip()}) : {expr}"
            new = expr
        cs0, ce0, a, b, _txt, short = ki.conns[p]
        if short == "wild":
            wild_add.append(f".{p}({new})")
        elif short:
            eds.append(Edit(cs0, ce0, f".{p}({new})"))
        else:
            eds.append(Edit(a, b, new))
    if wild_add:
        we = next(c[1] for c in ki.conns.values() if c[5] == "wild")
        eds.append(Edit(we, we, ", " + ", ".join(wild_add)))
    if vport:
        it = ki.it
        if it.parameters is None:
            at = it.type.location.offset + len(ty)
            eds.append(Edit(at, at, " #(.RTLOPT_EXT(1))"))
        else:
            if any(_kind(x) == "OrderedParamAssignmentSyntax" for x in it.parameters.parameters):
                return None
            pc = it.parameters.closeParen.location.offset
            at = after_last_port(text, pc)
            eds.append(Edit(at, at, ", .RTLOPT_EXT(1)"))
        if vsel != "phase" and strobe is None:
            return None
        add = []
        for pn, vals in vport.items():
            expr = f"({vals[kept]})"
            if vsel != "strobe":  # the phase of each instance (while it counts)
                for i in reversed(others):
                    expr = f"{cond(i)} ? ({vals[i]}) : {expr}"
            if vsel != "phase":  # its strobe (when it is loaded), before the phases
                for i in reversed(others):
                    expr = f"({conn(i, strobe).strip()}) ? ({vals[i]}) : {expr}"
            add.append(f".rtlopt_{pn}({expr})")
        cp = ki.hi.closeParen.location.offset
        at = after_last_port(text, cp)
        eds.append(Edit(at, at, ", " + ", ".join(add)))
        ce = _child_edits(text, cmod, list(vport))
        if ce is None:
            return None
        eds += ce
    if sel == "nextfull" and phase[4][1]:
        # the zero stand-ins of the outputs the next value reads, declared before the kept instance
        s0 = _span(ki.it)[0]
        ls = text.rfind("\n", 0, s0) + 1
        eds.append(Edit(s0, s0, phase[4][1] + "\n" + re.match(r"[ \t]*", text[ls:s0]).group(0)))
    if ki.loop is not None:
        got = _emit_loop(text, insts, kept, others, outs, eds)
        if got is None:
            return None
        eds = got
    for i in others if ki.loop is None else []:
        assigns = []
        for p in outs:
            b = conn(i, p)
            if b is None or not b.strip():
                continue
            a = conn(kept, p)
            if a is None or not _IDENT.fullmatch(a.strip()) or not _IDENT.fullmatch(b.strip()):
                return None
            assigns.append(f"assign {b.strip()} = {a.strip()};")
        s, e = _span(insts[i].it)
        eds.append(Edit(s, e, " ".join(assigns)))
    try:
        new = apply_edits(text, eds)
    except ValueError:
        return None
    how = f"the strobe {strobe}{' (1-bit inputs OR-ed)' if sor else ''}, else the phase of {phase[0]}" if sphase else f"the strobe {strobe}" if strobe else \
        f"the {'next ' if sel in ('nextphase', 'nextfull') else ''}phase of {phase[0]}"
    if sel == "nextfull" and phase[4][1]:
        how += " (its next value with the shared instance's outputs read as zero)"
    desc = (f"instances {', '.join(insts[i].rel for i in others)} of {ty} busy in cycles disjoint from "
            f"{ki.rel}'s: one instance ({ki.rel}{LOOP_NOTE if ki.loop is not None else ''}), inputs selected by {how}")
    if vport:
        desc += f", {', '.join(vport)} by {dict(phase='phase', strobe='strobe', both='strobe, then phase')[vsel]}"
    return new, desc


_LVALUE = re.compile(r"[A-Za-z_][\w$]*(\s*\[[^\[\]]+\])*")


def _emit_loop(text: str, insts: list[_Inst], kept: int, others: list[int], outs: list[str],
               eds: list[Edit]) -> list[Edit] | None:
    """The edits of a sharing among the iterations of one generate loop's instance: the statement becomes
    a generate ``if`` on the genvar -- the kept iteration gets the edited instance (``eds`` inside its
    span), the dropped ones assign the kept one's outputs to their own output nets, any other iteration
    keeps the instance as it is. Edits outside the statement (the child module's) stay."""
    ki = insts[kept]
    s, e = _span(ki.it)
    inner = sorted((d for d in eds if s <= d.start and d.end <= e), key=lambda d: (d.start, d.end))
    outer = [d for d in eds if not (s <= d.start and d.end <= e)]
    if any(d.start < e and d.end > s for d in outer):
        return None
    try:
        kept_text = apply_edits(text[s:e], [Edit(d.start - s, d.end - s, d.replacement) for d in inner])
    except ValueError:
        return None
    gv = ki.loop[1]
    assigns = []
    for p in outs:
        c = ki.conns.get(p)
        if c is None:
            continue
        generic = text[c[2]:c[3]] if c[2] is not None else (c[4] or "")
        if not generic.strip():
            continue
        if not _LVALUE.fullmatch(generic.strip()):
            return None
        assigns.append(f"assign {generic.strip()} = {ki.conns[p][4].strip()};")
    ls = text.rfind("\n", 0, s) + 1
    ind = re.match(r"[ \t]*", text[ls:s]).group(0)
    chosen = {kept, *others}
    drop = " || ".join(f"{gv} == {insts[i].gval}" for i in others)
    new = (f"if ({gv} == {ki.gval}) begin : rtlopt_keep\n{ind}    {kept_text}\n{ind}end "
           f"else if ({drop}) begin : rtlopt_drop\n{ind}    {' '.join(assigns)}\n{ind}end")
    if len(chosen) < len(insts):  # iterations outside the sharing keep their own instance
        new += f" else begin : rtlopt_own\n{ind}    {text[s:e]}\n{ind}end"
    return outer + [Edit(s, e, new)]


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    from rtlopt.semantic import regfunc, seqred
    from rtlopt.semantic.seqsim import outputs_agree

    t0 = time.monotonic()
    if not all(t.isascii() for t in texts.values()):
        return []
    groups = _groups(texts)
    if not groups:
        return []  # the cheap precondition: no module with two instances of one child
    el = _elab(texts, top)
    if el is None:
        return []
    mod_paths, params, loops = el
    try:
        net = seqred._load_cached(texts, top, max(2.0, timeout_s * 0.5))
    except Exception:  # noqa: BLE001 - Yosys rejects it or it is outside the model
        return []
    regs = regfunc._all_registers(net)
    runs = [regfunc.run_trace(net, i) for i in range(2)]
    out: list[tuple[dict[Path, str], str]] = []
    sims = 0
    tried: set[str] = set()
    for group in groups:
        path, text, tree, mod, ty, insts, pdir = group
        pname = mod.header.name.valueText
        scopes = mod_paths.get(pname, [])
        if not scopes:
            continue
        if any(i.loop for i in insts):
            insts = _unroll(insts, loops, pname)
            if insts is None or len(insts) < 2:
                continue
            if len(insts) > MAX_LOOP:
                continue
            group = (path, text, tree, mod, ty, insts, pdir)
        # parameter values per instance (every elaborated parent alike)
        pv: list[dict[str, str]] = []
        for ins in insts:
            got = params.get((pname, ins.rel), [])
            vs = {repr(sorted(v.items())) for _pp, v in got}
            if len(got) != len(scopes) or len(vs) != 1:
                pv = []
                break
            pv.append(got[0][1])
        if not pv:
            continue
        # busy cycles per instance, every scope side by side
        busy: list[np.ndarray] = []
        steps: list[np.ndarray] = []
        for ins in insts:
            parts, sparts = [], []
            for sc in scopes:
                pre = f"{sc}.{ins.rel}." if sc else f"{ins.rel}."
                # the instance's own flops: not a parent register seen through an input port
                js = sorted({j for n, jj in regs.items() if n.startswith(pre) and pdir.get(n[len(pre):]) != "input"
                             for j in jj})
                b = _busy(runs, js) if js else None
                if b is None:
                    parts = []
                    break
                parts.append(b)
                sparts.append(_steps(runs, js))
            if not parts:
                busy = []
                break
            c = min(p.shape[0] for p in parts)
            busy.append(np.concatenate([p[:c] for p in parts], axis=1))
            steps.append(np.concatenate([p[:c] for p in sparts], axis=1))
        if not busy:
            continue
        # greedy: instances busy somewhere, pairwise never busy together; else instances that work
        # (their state steps) in disjoint cycles and keep their last value while idle, dead until a
        # strobe re-initialises them (a CRC engine cleared at the start of each frame): one of them may
        # hold the other's stale value only if nothing reads it before its next clear, which the
        # simulation against the original and the proof decide
        chosen: list[int] = []
        for masks in (busy, steps):
            by_steps = masks is steps
            chosen = []
            for i, b in enumerate(masks):
                if b.any() and all(not (b & masks[j]).any() for j in chosen):
                    chosen.append(i)
            if len(chosen) >= 2:
                break
        if len(chosen) < 2:
            continue
        # phase predicates over the parent's own registers: codes seen while each instance is busy
        phases = []
        own = set()
        for sc in scopes:
            pre = f"{sc}." if sc else ""
            own |= {n[len(pre):] for n in regs if n.startswith(pre) and "." not in n[len(pre):]}
        for leaf in sorted(own):
            cols = []
            for sc in scopes:
                js = regs.get(f"{sc}.{leaf}" if sc else leaf)
                if js is None or len(js) > PHASE_BITS:
                    cols = []
                    break
                cols.append(_phase_values(runs, js))
            if not cols or not re.search(rf"(?<![\w$.]){re.escape(leaf)}\s*<=", text[slice(*_span(mod))]):
                continue
            c = min(x.shape[0] for x in cols)
            v = np.concatenate([x[:c] for x in cols], axis=1)
            width = len(regs[f"{scopes[0]}.{leaf}" if scopes[0] else leaf])
            # the codes seen while each instance is busy; else those of the cycles in which it works
            # (a timer that holds its last count one cycle into the next phase before it is cleared)
            for masks in (busy, steps):
                codes = {i: frozenset(np.unique(v[masks[i][:c]]).tolist()) for i in chosen}
                if all(codes[i] for i in chosen) and \
                        all(not (codes[i] & codes[j]) for i in chosen for j in chosen if i < j):
                    phases.append((leaf, width, codes, _next_expr(text[slice(*_span(mod))], leaf),
                                   _zero_outputs(text, mod, _next_full(text, mod, leaf), insts, chosen, pdir,
                                                 net, scopes[0])))
                    break
        # differing parameters: value ports for their expression reads; widths keep the kept one's
        diffp = [k for k in pv[chosen[0]] if len({pv[i].get(k) for i in chosen}) > 1]
        cmod = None
        vport_names = []
        if diffp:
            cmods = [m for m in _modules(tree) if m.header.name.valueText == ty]
            if len(cmods) != 1:
                continue
            cmod = cmods[0]
            for k in diffp:
                uses = _param_uses(text, cmod, k)
                if uses is None:
                    vport_names = None
                    break
                if uses:
                    vport_names.append(k)
            if vport_names is None:
                continue

        def num(x):
            try:
                return int(x)
            except ValueError:
                return 0

        kept_order = sorted(chosen, key=lambda i: tuple(-num(pv[i].get(k, "0")) for k in diffp))
        kepts = list(dict.fromkeys([kept_order[0], chosen[0]]))
        ins_differ = [p for p, d in pdir.items() if d == "input"
                      and len({_norm(insts[i].conns.get(p, (0, 0, 0, 0, ""))[4] or "") for i in chosen}) > 1]
        strobes = [p for p in ins_differ if _is_bit_port(text, tree, ty, p)]
        for kept in kepts:
            for ph in (phases[:2] or [None]):
                vport = {}
                for k in vport_names:
                    vals = []
                    for i in range(len(insts)):
                        ov = _override(text, insts[i], k)
                        if ov is not None and insts[i].loop is not None:
                            ov = insts[i].iter_text(ov)
                        vals.append(ov if ov is not None else pv[i][k])
                    vport[k] = vals
                sels = [(f"strobe:{s}", v) for s in strobes for v in (("phase", "strobe", "both") if vport else
                                                                      ("phase",))]
                sels += [("phase", "phase")] if ph is not None else []
                # level inputs (a 'run' that clears the instance while low) switched with the phase's
                # next value: the entering instance is cleared in the cycle its phase begins
                sels += [("nextphase", "phase")] if ph is not None and ph[3] is not None else []
                # ... or its whole next value (the guards of its write), the kept instance's outputs read
                # as zero there (a timer whose expiry moves the phase clears itself anyway: no loop)
                sels += [("nextfull", "phase")] if ph is not None and ph[4] is not None \
                    and (ph[3] is None or _norm(ph[4][0]) != f"({_norm(ph[3])})") else []
                # ... or its strobe, else its phase: an instance cleared by a start strobe in the cycle
                # before its phase begins, its data and enable taken from it while it works
                sph = [(f"sphase{o}:{s}", "phase") for s in strobes for o in ("or", "")] \
                    if ph is not None and not vport else []
                # (first for instances found by their working cycles: their clear precedes the phase)
                sels = sph + sels if by_steps else sels + sph
                for sel, vsel in sels:
                    if time.monotonic() - t0 > timeout_s or sims >= MAX_SIMS or len(out) >= MAX_CANDIDATES:
                        return out
                    if vsel != "strobe" and ph is None and vport:
                        continue
                    got = _emit(text, group, kept, chosen, sel, ph, vport, cmod, vsel)
                    if got is None or got[0] in tried:
                        continue
                    tried.add(got[0])
                    new = dict(texts)
                    new[path] = got[0]
                    sims += 1
                    if outputs_agree(net, new, top, max(2.0, timeout_s - (time.monotonic() - t0))) is True:
                        out.append((new, got[1]))
                        break
                if not vport_names:
                    break  # the phase only matters for parameter values
    return out


def _override(text: str, ins: _Inst, pname: str) -> str | None:
    """The text of an instance's named override of parameter ``pname`` (None without one)."""
    ps = ins.it.parameters
    if ps is None:
        return None
    for x in ps.parameters:
        if _kind(x) == "NamedParamAssignmentSyntax" and x.name.valueText == pname and x.expr is not None:
            a, b = _span(x.expr)
            return text[a:b].strip()
    return None


def _is_bit_port(text: str, tree, ty: str, port: str) -> bool:
    """Whether the child module's ANSI port ``port`` is declared without a packed range (one bit)."""
    for m in _modules(tree):
        if m.header.name.valueText != ty or m.header.ports is None:
            continue
        last = None
        for pt in m.header.ports.ports:
            if _kind(pt) != "ImplicitAnsiPortSyntax":
                continue
            a, b = _span(pt.header)
            h = text[a:b]
            if h.strip():
                last = h
            if pt.declarator.name.valueText == port:
                return last is not None and "[" not in last and not re.search(r"\b(int|integer|byte|shortint|longint)\b", last)
    return False


def instlife_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import sequential_candidates

    out = sequential_candidates(state, candidates_for, RULE, label="instance lifetime sharing", cap_s=25.0)
    for c in out:
        # z3's phase-sharing invariants (verify._smt._phase_sharing) decide these in seconds; ABC's
        # PDR needed 40-60 s at load 15-20 (heldout9 rail_sequencer, sharing/instlife_traffic_v)
        c.hints["engines"] = PROOF_ENGINES_LOOP if LOOP_NOTE in c.description else PROOF_ENGINES
    return out


_HOOK_PARAM = re.compile(r", parameter RTLOPT_EXT = 0")
_HOOK_PORT = re.compile(r",\n[ \t]*input wire signed \[31:0\] rtlopt_([A-Za-z_][\w$]*)(?![\w$])")
_HOOK_WIRE = re.compile(r"\n[ \t]*wire signed \[31:0\] rtlopt_([A-Za-z_][\w$]*)_v = RTLOPT_EXT \? "
                        r"rtlopt_([A-Za-z_][\w$]*) : ([A-Za-z_][\w$]*);")


def hook_only(mod_o: str, mod_n: str) -> bool:
    """Whether the new module is the old one plus this rule's value hook (``RTLOPT_EXT``, the
    ``rtlopt_<P>`` ports, the ``rtlopt_<P>_v`` wires read instead of parameter ``P``): at the default
    ``RTLOPT_EXT = 0`` it is the old module at every value of its parameters (no pin needed; the kept
    instance that sets it is in its parent, pinned there when the parent has parameters)."""
    names = set()
    for m in _HOOK_WIRE.finditer(mod_n):
        if not m.group(1) == m.group(2) == m.group(3):
            return False
        names.add(m.group(1))
    if not names or len(_HOOK_PARAM.findall(mod_n)) != 1:
        return False
    s = _HOOK_WIRE.sub("", mod_n)
    s = _HOOK_PARAM.sub("", s)
    s = _HOOK_PORT.sub(lambda m: "" if m.group(1) in names else m.group(0), s)
    for p in names:
        s = re.sub(rf"(?<![\w$])rtlopt_{re.escape(p)}_v(?![\w$])", p, s)
    return s.replace("\r", "") == mod_o.replace("\r", "")
