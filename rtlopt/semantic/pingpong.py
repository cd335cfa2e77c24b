"""A bouncing counter and its direction flag folded into one phase counter.

A register pair ``(C, D)`` -- ``C`` a counter whose writes read ``C`` and together add and subtract
(``C + 1`` / ``C - 1`` apart or ``C <= D ? C - 1 : C + 1``; constants on reset), ``D`` a flag (1 bit or an
enum) written with constants or toggled (``D <= ~D``), never computed from ``C`` -- whose every write
outside the reset branch sits in one statement ``S`` (or one run of statements of a ``begin .. end`` that
write only the pair) reading nothing but ``C``, ``D`` and constants (parameters, enum names) steps through
a fixed cycle: each time ``S`` runs the pair moves to ``T(C, D)``, otherwise it holds. When that cycle,
followed from the reset values, is one closed loop of ``L`` states on which ``C`` rises from its low end
to its high end and falls back (a triangle wave, a ping-pong address between two ends, each end held for
one step while the direction turns or not), the pair is a function of a phase ``ph`` counting modulo
``L``:

- ``C = LO + (ph < H ? ph : L - 1 - ph)`` (ends held once, ``H = L / 2``) or
  ``C = LO + (ph <= H ? ph : L - ph)`` (no hold),
- ``D = ph < X ? D_rising : D_falling`` (the two values ``D`` takes, ``X`` where it turns; written as the
  source writes them: enum names, literals).

With ``L`` a power of two the phase is a free-running ``log2(L)``-bit counter and the fold a row of XORs
(``ph[k] ? ~ph[k-1:0] : ph[k-1:0]``): no down-counter, no end compares (heldout11 wave/triangle_gen).
Otherwise the phase wraps at ``L - 1`` and the search's measurement decides (often not smaller).

Found by what the logic does: the transition table of ``S`` is computed by elaborating ``S`` alone as a
combinational function of ``(C, D)`` (a Yosys probe, the module's parameters at the values its instances
get, no implicit nets) and evaluating it on every state (entries depending on x -- codes a ``unique
case`` leaves out -- are unknown, and the walk from reset may not pass one); the closed forms are checked
on every phase. A flag that turns on an input, a pause that holds on an input, other registers written
in ``S``, a flag with three values: no rewrite. A reset state one step before the loop (the flag turning
in the same step as the counter: reset (LO, up), loop state (LO, down)) is taken as its loop twin only
when ``D`` is read nowhere but in the step (``D`` is then not written at all); else no rewrite. Emitting (a
minimal source edit): ``S`` becomes ``ph <= ph + 1`` (or the wrap at ``L - 1``), the reset writes ``ph <=
p0``, ``reg [P-1:0] <C>_ph;`` is declared before the clocked block and ``always @* begin C = ...; D = ...;
end`` follows it; every other byte stays. The search measures and proves the candidate (from reset; ABC
proves the designs measured in 2-11 s: the fold is a bijection between the pair's states and the phase).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np

RULE = "counter_direction_folding"
MAX_STATE_BITS = 14  # (C, D) states enumerated
_ID = r"[A-Za-z_][\w$]*"


def _kind(n) -> str:
    return type(n).__name__


def _span(n) -> tuple[int, int]:
    r = n.sourceRange
    return r.start.offset, r.end.offset


def _kids(n) -> list:
    try:
        return [c for c in n if hasattr(c, "sourceRange") and not _kind(c).endswith("Token")]
    except TypeError:
        return []


def _walk(n, f) -> None:
    f(n)
    for c in _kids(n):
        _walk(c, f)


def _clocked(text: str, blk) -> bool:
    a, b = _span(blk)
    return re.match(r"\s*always(_ff)?\b[^;]*?@\s*\(\s*(posedge|negedge)\b", text[a:min(b, a + 200)]) is not None


def _nba(text: str, n) -> tuple[str, tuple[int, int], tuple[int, int]] | None:
    """(assigned name, statement span, right-hand side span) of ``name <= rhs;`` (a whole-name left side)."""
    if _kind(n) != "ExpressionStatementSyntax":
        return None
    e = n.expr
    if _kind(e) != "BinaryExpressionSyntax" or "Assignment" not in str(e.kind):
        return None
    a, b = _span(e.left)
    name = text[a:b].strip()
    if not re.fullmatch(_ID, name):
        return ("?" + name, _span(n), _span(e.right))
    return (name, _span(n), _span(e.right))


def _assigns(text: str, n) -> list:
    out = []

    def f(x):
        got = _nba(text, x)
        if got is not None:
            out.append((x, got))
    _walk(n, f)
    return out


_STMT_KINDS = ("BlockStatementSyntax", "ConditionalStatementSyntax", "CaseStatementSyntax",
               "ExpressionStatementSyntax")


def _smallest(n, spans: list[tuple[int, int]]):
    """The deepest statement under ``n`` whose span covers every span in ``spans``."""
    best = None

    def rec(x):
        nonlocal best
        a, b = _span(x)
        if not all(a <= s and e <= b for s, e in spans):
            return
        if _kind(x) in _STMT_KINDS:
            best = x
        for c in _kids(x):
            rec(c)
    rec(n)
    return best


def _run_span(text: str, node, spans: list[tuple[int, int]], names: set[str]) -> tuple[int, int] | None:
    """The span of the statement ``node`` when it writes only ``names``; for a ``begin .. end`` block
    that also writes others, the run of its items from the first to the last holding a span of
    ``spans`` when those items write only ``names`` (``data <= din;`` beside the step); else None."""
    if {nm for _x, (nm, _s, _r) in _assigns(text, node)} == names:
        return _span(node)
    if _kind(node) != "BlockStatementSyntax":
        return None
    items = list(node.items)
    hit = [i for i, it in enumerate(items) if any(_span(it)[0] <= a and b <= _span(it)[1] for a, b in spans)]
    if not hit:
        return None
    run = items[hit[0]:hit[-1] + 1]
    if {nm for it in run for _x, (nm, _s, _r) in _assigns(text, it)} != names:
        return None
    return _span(run[0])[0], _span(run[-1])[1]


def _body(blk):
    st = blk.statement
    return getattr(st, "statement", st) if _kind(st) == "TimingControlStatementSyntax" else st


def _unblock(n):
    """``begin S end`` -> S (one statement), else n."""
    while _kind(n) == "BlockStatementSyntax":
        items = list(n.items)
        if len(items) != 1:
            return n
        n = items[0]
    return n


class _Site:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def sites(text: str, path: str = "x.sv") -> list:
    """Candidate (module, block, C, D, S, reset writes) sites of one file (syntax only)."""
    from pyslang import syntax

    if "<=" not in text or "+" not in text or "-" not in text:
        return []
    tr = syntax.SyntaxTree.fromText(text, path)
    if any(d.isError() for d in tr.diagnostics):
        return []
    out = []
    mods = [tr.root] if _kind(tr.root) == "ModuleDeclarationSyntax" else list(tr.root.members)
    for mod in mods:
        if _kind(mod) != "ModuleDeclarationSyntax":
            continue
        blocks: list = []

        def grab(x, acc=blocks):
            if _kind(x) == "ProceduralBlockSyntax":
                acc.append(x)
        _walk(mod, grab)
        written_in: dict[str, int] = {}
        for bi, blk in enumerate(blocks):
            for _x, (nm, _s, _r) in _assigns(text, blk):
                written_in.setdefault(nm, set()).add(bi)
        ma, mb = _span(mod)
        mtext = text[ma:mb]
        for bi, blk in enumerate(blocks):
            if not _clocked(text, blk):
                continue
            body = _unblock(_body(blk))
            if _kind(body) != "ConditionalStatementSyntax" or body.elseClause is None:
                continue  # the reset branch first: if (rst) ... else ...
            rst_branch, run = body.statement, body.elseClause.clause
            ws = _assigns(text, run)
            rs = _assigns(text, rst_branch)
            names = {nm for _x, (nm, _s, _r) in ws}
            for c in sorted(names):
                if c.startswith("?") or written_in.get(c) != {bi}:
                    continue
                rhs = [text[r[0]:r[1]].strip() for _x, (nm, _s, r) in ws if nm == c]
                # a counter stepping both ways: every write reads C, and the writes add and subtract
                # (C + 1 / C - 1 apart, or one write C + (up ? 1 : -1)); the step's table decides the rest
                own = r"(?<![\w$.'])" + re.escape(c) + r"(?![\w$])"
                if not all(re.search(own, r) for r in rhs) or not ("+" in "".join(rhs) and "-" in "".join(rhs)):
                    continue
                for d in sorted(names - {c}):
                    if d.startswith("?") or written_in.get(d) != {bi}:
                        continue
                    drhs = [text[r[0]:r[1]].strip() for _x, (nm, _s, r) in ws if nm == d]
                    if any(re.search(r"(?<![\w$.'])" + re.escape(c) + r"(?![\w$])", r) for r in drhs):
                        continue  # D computed from the counter: not a direction flag
                    # a toggle (dir <= ~dir) is fine: the table decides; its values are written as literals
                    spans = [s for _x, (nm, s, _r) in ws if nm in (c, d)]
                    s_node = _smallest(run, spans)
                    if s_node is None:
                        continue
                    s_span = _run_span(text, s_node, spans, {c, d})
                    if s_span is None:
                        continue  # S writes other registers too
                    resets = [(nm, s, r) for _x, (nm, s, r) in rs if nm in (c, d)]
                    if sorted({nm for nm, _s, _r in resets}) != sorted((c, d)):
                        continue
                    out.append(_Site(module=mod.header.name.valueText, mod_span=(ma, mb), mtext=mtext,
                                     block=_span(blk), c=c, d=d, s=s_span, resets=resets))
    return out


def _decl(mtext: str, name: str) -> tuple[str, str | None] | None:
    """(type word, packed range text or None) of the declaration of ``name`` in a module's text."""
    from rtlopt.engine.hierarchy import _mask
    m = _mask(mtext)
    pat = (r"\b(reg|logic|bit|" + _ID + r")\s*(?:signed\s+|unsigned\s+)?(\[[^\]]+\])?\s*"
           r"(?:" + _ID + r"\s*(?:=[^,;]*)?,\s*)*" + re.escape(name) + r"\b(?!\s*\()")
    for x in re.finditer(pat, m):
        t = x.group(1)
        if t in ("input", "output", "inout", "assign", "wire", "if", "else", "begin", "end", "case", "posedge",
                 "negedge", "or", "and", "not"):
            continue
        return t, x.group(2)
    return None


def _width(mtext: str, name: str, params: dict[str, int]) -> int | None:
    from rtlopt.semantic.thrcount import const_value
    got = _decl(mtext, name)
    if got is None:
        return None
    t, rng = got
    if rng is None and t not in ("reg", "logic", "bit"):
        # an enum typedef: its base range
        from rtlopt.engine.hierarchy import _mask
        m = re.search(r"\btypedef\s+enum\s+(?:logic|bit|reg)?\s*(\[[^\]]+\])?\s*\{[^}]*\}\s*" + re.escape(t) + r"\s*;",
                      _mask(mtext))
        if m is None:
            return None
        rng = m.group(1)
        if rng is None:
            return 1 if re.search(r"enum\s+(?:logic|bit|reg)\s*\{", m.group(0)) else None
    if rng is None:
        return 1
    mm = re.fullmatch(r"\[\s*([^:]+?)\s*:\s*([^\]]+?)\s*\]", rng)
    if mm is None:
        return None
    hi, lo = const_value(mm.group(1), params, 64), const_value(mm.group(2), params, 64)
    if hi is None or lo != 0:
        return None
    return hi + 1


def _params(mtext: str, over: dict | None) -> dict[str, int]:
    from rtlopt.engine.hierarchy import _mask
    from rtlopt.semantic.thrcount import _params as p
    return p(_mask(mtext), over)


def _probe_text(st: _Site, text: str, params: dict[str, int], wc: int, wd: int) -> str:
    """A combinational module computing T(C, D) (S with C, D read as inputs) and the reset values."""
    ma, _mb = st.mod_span
    mt = st.mtext
    # declarations of constants: the module's typedefs and parameters at their values
    decls = []
    for m in re.finditer(r"\btypedef\b[^;]*;", mt):
        decls.append(m.group(0))
    for k, v in params.items():
        decls.append(f"localparam {k} = {v};")

    def rename(seg: str) -> str:
        seg = re.sub(r"(?<![\w$.'])" + re.escape(st.c) + r"(?![\w$])", "rtlopt_c_i", seg)
        return re.sub(r"(?<![\w$.'])" + re.escape(st.d) + r"(?![\w$])", "rtlopt_d_i", seg)
    # words of C, D and constants that S reads, computed from the probe's inputs
    pw = pair_wires(st, params)
    decls += [f"logic {rng} {nm};" for nm, (rng, _e) in pw.items()]
    decls += [f"assign {nm} = {rename(e)};" for nm, (_rng, e) in pw.items()]

    def lowered(a: int, b: int, outs: dict[str, str]) -> str:
        # the statement text with its nonblocking writes of C / D as blocking writes of the outputs
        seg = text[a:b]
        from pyslang import syntax
        head = "module m; always @* begin "
        tr = syntax.SyntaxTree.fromText(head + seg + "\nend\nendmodule", "p.sv")
        off = len(head)
        edits = []
        for _x, (nm, s, r) in _assigns(head + seg + "\nend\nendmodule", tr.root):
            if nm in outs:
                rhs = (head + seg)[r[0]:r[1]]
                edits.append((s[0] - off, s[1] - off, f"{outs[nm]} = {rename(rhs)};"))
        # rename the reads outside the writes
        pieces, last = [], 0
        for s, e, rep in sorted(edits):
            pieces.append(rename(seg[last:s]))
            pieces.append(rep)
            last = e
        pieces.append(rename(seg[last:]))
        return "".join(pieces)

    sa, sb = st.s
    body = lowered(sa, sb, {st.c: "rtlopt_c_o", st.d: "rtlopt_d_o"})
    rst = "\n".join(f"        {'rtlopt_c_r' if nm == st.c else 'rtlopt_d_r'} = {text[r[0]:r[1]]};"
                    for nm, _s, r in st.resets)
    if any(re.search(r"(?<![\w$.'])(" + re.escape(st.c) + "|" + re.escape(st.d) + r")(?![\w$])", text[r[0]:r[1]])
           for _nm, _s, r in st.resets):
        raise ValueError("reset value reads the pair")
    # no implicit nets: a name S reads that is not C, D or a constant (an input: a flag turning on a
    # request, a pause) fails the probe instead of reading an undriven wire
    return ("`default_nettype none\nmodule rtlopt_pp_probe (\n"
            f"    input  logic [{wc - 1}:0] rtlopt_c_i, input logic [{wd - 1}:0] rtlopt_d_i,\n"
            f"    output logic [{wc - 1}:0] rtlopt_c_o, output logic [{wd - 1}:0] rtlopt_d_o,\n"
            f"    output logic [{wc - 1}:0] rtlopt_c_r, output logic [{wd - 1}:0] rtlopt_d_r,\n"
            # one flip-flop: the netlist loader models sequential designs only (not read here)
            "    input logic rtlopt_clk, output logic rtlopt_q);\n"
            "    always @(posedge rtlopt_clk) rtlopt_q <= rtlopt_c_i[0];\n"
            + "\n".join("    " + x for x in decls) + "\n"
            "    always @* begin\n        rtlopt_c_o = rtlopt_c_i;\n        rtlopt_d_o = rtlopt_d_i;\n"
            f"        {body}\n    end\n"
            f"    always @* begin\n{rst}\n    end\nendmodule\n`default_nettype wire\n")


def _eval_comb(net, inputs: dict[str, np.ndarray], n: int) -> dict[str, np.ndarray]:
    """Evaluate the logic of a GateNet on ``n`` vectors: {port: bool array (bits, n)} -> {output: ints}.
    Free signals (x bits of mapped adders) are evaluated at 0 and at 1: an output depending on them is
    refused."""
    from rtlopt.semantic.seqsim import _eval, _groups
    runs = []
    for fill in (False, True):
        vals = np.zeros((net.nsig, n), dtype=bool)
        vals[1] = True
        for s in net.free:
            vals[s] = fill
        for port, bits in net.inputs.items():
            if port not in inputs:
                continue
            arr = inputs[port]
            for i, s in enumerate(bits):
                if s > 1:
                    vals[s] = arr[i]
        for t, outs, ins in _groups(net):
            vals[outs] = _eval(t, [vals[i] for i in ins])
        res = {}
        for port, bits in net.outputs.items():
            v = np.zeros(n, dtype=np.int64)
            for i, s in enumerate(bits):
                if s < 0:
                    raise ValueError("x output")
                v |= vals[s].astype(np.int64) << i
            res[port] = v
        runs.append(res)
    if any(not np.array_equal(runs[0][k], runs[1][k]) for k in runs[0]):
        # outputs that depend on x (a 'unique case' missing a code: states never reached) are -1
        return {k: np.where(runs[0][k] == runs[1][k], runs[0][k], -1) for k in runs[0]}
    return runs[0]


_KW = {"unique", "unique0", "priority", "casez", "casex", "inside", "bit", "int", "byte", "shortint", "longint"}


def _enums(st: _Site) -> set[str]:
    from rtlopt.engine.hierarchy import _mask
    enums: set[str] = set()
    for m in re.finditer(r"\btypedef\s+enum\b[^{]*\{([^}]*)\}", _mask(st.mtext)):
        enums.update(x.group(1) for x in re.finditer(r"(?:^|,)\s*(" + _ID + ")", m.group(1)))
    return enums


def _reads(seg: str) -> set[str]:
    from rtlopt.semantic.instmux import _ids
    seg = re.sub(r"\d*'[sS]?[dDbBhHoO]\s*[0-9a-fA-F_xXzZ?]+", " ", seg)  # literals (4'hF reads no F)
    return _ids(seg) - _KW


def pair_wires(st: _Site, params: dict[str, int]) -> dict[str, tuple[str, str]]:
    """``{name: (packed range or "", expression)}`` of the module's continuous words that are functions of
    C, D and constants alone (``wire at_end = down ? (ramp == 0) : (ramp == 8'hff);``): S may read them,
    the probe computes them from its C, D inputs (one driver each; anything reading an input is left out)."""
    from rtlopt.engine.hierarchy import _mask
    mk = _mask(st.mtext)
    defs: dict[str, list[tuple[str, str]]] = {}
    for m in re.finditer(r"\bwire\s+(?:logic\s+)?(?:signed\s+)?(\[[^\]]*\])?\s*(" + _ID + r")\s*=([^;]*);", mk):
        defs.setdefault(m.group(2), []).append((m.group(1) or "", st.mtext[m.start(3):m.end(3)]))
    for m in re.finditer(r"\bassign\s+(" + _ID + r")\s*=([^;]*);", mk):
        d = re.search(r"\b(?:wire|logic)\s+(?:signed\s+)?(\[[^\]]*\])?\s*(?:" + _ID + r"\s*,\s*)*"
                      + re.escape(m.group(1)) + r"\s*[,;]", mk)
        if d is not None:
            defs.setdefault(m.group(1), []).append((d.group(1) or "", st.mtext[m.start(2):m.end(2)]))
    ok_names = {st.c, st.d} | set(params) | _enums(st)
    out: dict[str, tuple[str, str]] = {}
    changed = True
    while changed:
        changed = False
        for name, ds in defs.items():
            if name in out or len(ds) != 1 or name in (st.c, st.d):
                continue
            if _reads(_mask(ds[0][1])) <= ok_names | set(out):
                out[name] = ds[0]
                changed = True
    return out


def _constants_only(st: _Site, text: str, params: dict[str, int]) -> bool:
    """Whether S reads nothing but C, D, parameters, enum names and words computed from those alone (a
    flag turning on an input, a pause holding on one: no fixed cycle)."""
    from rtlopt.engine.hierarchy import _mask
    sa, sb = st.s
    return _reads(_mask(text)[sa:sb]) <= {st.c, st.d} | set(params) | _enums(st) | set(pair_wires(st, params))


def _table(st: _Site, text: str, params: dict[str, int], timeout: float):
    from rtlopt.semantic import seqsim
    mt = st.mtext
    if not _constants_only(st, text, params):
        return None
    wc, wd = _width(mt, st.c, params), _width(mt, st.d, params)
    if wc is None or wd is None or wc < 2 or wc + wd > MAX_STATE_BITS:
        return None
    probe = _probe_text(st, text, params, wc, wd)
    net = seqsim.load_texts({Path("rtlopt_pp_probe.sv"): probe}, "rtlopt_pp_probe", timeout=timeout)
    n = 1 << (wc + wd)
    idx = np.arange(n, dtype=np.int64)
    ci, di = idx & ((1 << wc) - 1), idx >> wc
    ins = {"rtlopt_c_i": np.array([(ci >> i) & 1 for i in range(wc)], dtype=bool),
           "rtlopt_d_i": np.array([(di >> i) & 1 for i in range(wd)], dtype=bool)}
    out = _eval_comb(net, ins, n)
    nxt = np.where((out["rtlopt_c_o"] < 0) | (out["rtlopt_d_o"] < 0), -1, out["rtlopt_c_o"] | (out["rtlopt_d_o"] << wc))
    if out["rtlopt_c_r"][0] < 0 or out["rtlopt_d_r"][0] < 0:
        return None
    r = int(out["rtlopt_c_r"][0]) | (int(out["rtlopt_d_r"][0]) << wc)
    return wc, wd, nxt, r


def _d_hidden(st: _Site, text: str) -> bool:
    """Whether D is read nowhere but in the step (every other mention a write on reset or a plain
    declaration: no port, no assignment, no read)."""
    from rtlopt.engine.hierarchy import _mask
    ma, _mb = st.mod_span
    m = _mask(text)
    skip = [st.s] + [s for _nm, s, _r in st.resets]
    own = re.compile(r"(?<![\w$.'])" + re.escape(st.d) + r"(?![\w$])")
    for x in own.finditer(m, ma, st.mod_span[1]):
        if any(a <= x.start() < b for a, b in skip):
            continue
        ls, le = m.rfind("\n", 0, x.start()) + 1, m.find("\n", x.start())
        line = m[ls:le if le >= 0 else len(m)]
        if not re.fullmatch(r"\s*(?:reg|logic|bit|" + _ID + r")\s*(?:\[[^\]]*\]\s*)?[\w$\s,]*;\s*", line) or \
                re.search(r"\b(input|output|inout|assign|wire|typedef)\b", line):
            return False
    return True


def fold(wc: int, wd: int, nxt, r: int, d_hidden: bool = False) -> dict | None:
    """The phase form of the cycle through reset state ``r`` (state = c | d << wc), or None.

    ``d_hidden``: D is read nowhere but in the step, so a reset state one step before the loop whose
    counter value and successor are those of a state on the loop (the flag turning in the same step as
    the counter at the ends: reset (LO, up) beside (LO, down) on the loop) is that loop state."""
    seq = [r]
    seen = {r}
    while True:
        s = int(nxt[seq[-1]])
        if s < 0:
            return None  # a state on the walk whose step depends on x
        if s == seq[0]:
            break
        if s in seen and d_hidden and s == seq[1] and len(seq) > 2:
            cm = (1 << wc) - 1
            twin = seq[-1]  # the loop state stepping into seq[1], as the reset state does
            if twin & cm == r & cm:
                seq = [twin] + seq[1:-1]  # the loop, starting at the twin
                r = twin
                break
            return None
        if s in seen or len(seq) > (1 << (wc + wd)):
            return None  # a tail before the loop, or a fixed point: S would not always step
        seen.add(s)
        seq.append(s)
    L = len(seq)
    if L < 4 or L % 2:
        return None
    cm = (1 << wc) - 1
    cs = [s & cm for s in seq]
    ds = [s >> wc for s in seq]
    lo, hi = min(cs), max(cs)
    H = L // 2
    for o in range(L):
        c0 = [cs[(o + p) % L] for p in range(L)]
        d0 = [ds[(o + p) % L] for p in range(L)]
        if c0[0] != lo:
            continue
        for hold in (True, False):
            want = [lo + (p if p < H else L - 1 - p) for p in range(L)] if hold else \
                [lo + (p if p <= H else L - p) for p in range(L)]
            if c0 != want or (hi - lo) != (H - 1 if hold else H):
                continue
            p0 = (seq.index(r) - o) % L
            if d_hidden:
                # D is read only by the step, which goes: its value no longer matters (not written)
                return {"L": L, "lo": lo, "hold": hold, "x": None, "d_rise": None, "d_fall": None, "p0": p0,
                        "wc": wc, "wd": wd}
            vals = sorted(set(d0))
            if len(vals) != 2:
                continue
            x = next(p for p in range(L) if d0[p] != d0[0])
            if any(d0[p] != (d0[0] if p < x else d0[x]) for p in range(L)):
                continue
            return {"L": L, "lo": lo, "hold": hold, "x": x, "d_rise": d0[0], "d_fall": d0[x], "p0": p0, "wc": wc,
                    "wd": wd}
    return None


def emit(st: _Site, text: str, f: dict, d_names: dict[int, str]) -> str:
    from rtlopt.hdl.edit import Edit, apply_edits
    L, wc = f["L"], f["wc"]
    P = max(1, (L - 1).bit_length())
    names = set(re.findall(_ID, st.mtext))
    ph = f"{st.c}_ph"
    while ph in names:
        ph += "_"
    pow2 = L == 1 << P
    step = f"{ph} <= {ph} + 1'b1;" if pow2 else f"{ph} <= ({ph} == {P}'d{L - 1}) ? {P}'d0 : {ph} + 1'b1;"
    H = L // 2
    lo = f["lo"]
    k = H.bit_length() - 1
    if f["hold"] and pow2 and 1 << k == H:
        # ph[k] ? ~ph[k-1:0] : ph[k-1:0], widened to C's width, plus the low end
        core = f"({ph}[{k - 1}:0] ^ {{{k}{{{ph}[{k}]}}}})" if k > 1 else f"({ph}[0] ^ {ph}[1])"
        cexpr = core if lo == 0 else f"{wc}'d{lo} + {core}"
    else:
        fold_ = f"(({ph} < {P}'d{H}) ? {ph} : {P}'d{L - 1} - {ph})" if f["hold"] else \
            f"(({ph} <= {P}'d{H}) ? {ph} : {P}'d{L} - {ph})"
        cexpr = fold_ if lo == 0 else f"{wc}'d{lo} + {fold_}"
    x = f["x"]
    dexpr = None
    if x is not None:
        rise, fall = d_names.get(f["d_rise"]), d_names.get(f["d_fall"])
        if rise is None or fall is None:
            return ""
        if pow2 and x == H and 1 << k == H:
            dexpr = f"{ph}[{k}] ? {fall} : {rise}"
        else:
            dexpr = f"({ph} < {P}'d{x}) ? {rise} : {fall}"
    edits = []
    sa, sb = st.s
    edits.append(Edit(sa, sb, step))
    first = True
    for _nm, (s, e), _r in sorted(st.resets, key=lambda t: t[1][0]):
        if first:
            edits.append(Edit(s, e, f"{ph} <= {P}'d{f['p0']};"))
            first = False
        else:
            # the statement and the blank run before it
            a = s
            while a > 0 and text[a - 1] in " \t":
                a -= 1
            if a > 0 and text[a - 1] == "\n":
                a -= 1
            edits.append(Edit(a, e, ""))
    ba, bb = st.block
    ls = text.rfind("\n", 0, ba) + 1
    indent = re.match(r"[ \t]*", text[ls:ba]).group(0)
    edits.append(Edit(ls, ls, f"{indent}reg [{P - 1}:0] {ph};\n"))
    dline = "" if dexpr is None else f"{indent}    {st.d} = {dexpr};\n"
    edits.append(Edit(bb, bb, f"\n{indent}always @* begin\n{indent}    {st.c} = {cexpr};\n{dline}{indent}end"))
    return apply_edits(text, edits)


def _d_constants(st: _Site, text: str, params: dict[str, int], wc: int, wd: int, timeout: float) -> dict[int, str]:
    """value -> source text of every constant D is written with (reset and S), evaluated by a probe."""
    from pyslang import syntax
    sa, sb = st.s
    t2 = "module m; always @* begin " + text[sa:sb] + "\nend\nendmodule"
    tr = syntax.SyntaxTree.fromText(t2, "p.sv")
    consts = [t2[r[0]:r[1]].strip() for _x, (nm, _s, r) in _assigns(t2, tr.root) if nm == st.d]
    consts += [text[r[0]:r[1]].strip() for nm, _s, r in st.resets if nm == st.d]
    own = r"(?<![\w$.'])" + re.escape(st.d) + r"(?![\w$])"
    consts = [c for c in dict.fromkeys(consts) if not re.search(own, c)]  # a toggle is no constant
    if not consts or len(consts) > 8:
        return {}
    from rtlopt.semantic import seqsim
    decls = [m.group(0) for m in re.finditer(r"\btypedef\b[^;]*;", st.mtext)]
    decls += [f"localparam {k} = {v};" for k, v in params.items()]
    outs = ", ".join(f"output logic [{wd - 1}:0] o{i}" for i in range(len(consts)))
    outs += ", input logic rtlopt_clk, output logic rtlopt_q"
    body = "\n".join(f"    assign o{i} = {c};" for i, c in enumerate(consts))
    body += "\n    always @(posedge rtlopt_clk) rtlopt_q <= o0[0];"
    probe = (f"`default_nettype none\nmodule rtlopt_pp_const ({outs});\n" + "\n".join("    " + x for x in decls) + "\n" + body
             + "\nendmodule\n`default_nettype wire\n")
    net = seqsim.load_texts({Path("rtlopt_pp_const.sv"): probe}, "rtlopt_pp_const", timeout=timeout)
    got = _eval_comb(net, {}, 1)
    out: dict[int, str] = {}
    for i, c in enumerate(consts):
        if int(got[f"o{i}"][0]) >= 0:
            out.setdefault(int(got[f"o{i}"][0]), c)
    return out


def rewrites(texts: dict[Path, str], top: str, params: dict | None = None,
             timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    deadline = time.monotonic() + timeout_s
    out = _rewrites(texts, list(texts.items()), params, deadline)
    if not out:
        # the pair written in two clocked blocks, or a next-state block beside the registers: the same
        # step in one clocked block (procnorm), then the same analysis
        from rtlopt.semantic.procnorm import variants
        out = _rewrites(texts, variants(texts), params, deadline)
    return out


def _rewrites(texts: dict[Path, str], files: list, params: dict | None, deadline: float) -> list:
    out = []
    for p, t in files:
        try:
            found = sites(t, str(p))
        except Exception:  # noqa: BLE001 - a parse problem: no sites
            continue
        for st in found:
            if time.monotonic() > deadline:
                return out
            vals = _params(st.mtext, (params or {}).get(st.module))
            try:
                got = _table(st, t, vals, max(2.0, deadline - time.monotonic()))
                if got is None:
                    continue
                wc, wd, nxt, r = got
                f = fold(wc, wd, nxt, r, _d_hidden(st, t))
                if f is None:
                    continue
                names = _d_constants(st, t, vals, wc, wd, max(2.0, deadline - time.monotonic()))
                if f["x"] is not None and (_decl(st.mtext, st.d) or ("",))[0] in ("reg", "logic", "bit"):
                    # a plain vector (a toggled flag): the values not written as constants as literals
                    for v in (f["d_rise"], f["d_fall"]):
                        names.setdefault(v, f"{wd}'b{v:0{wd}b}")
                new = emit(st, t, f, names)
            except Exception:  # noqa: BLE001 - an analysis failure: no candidate
                continue
            if not new:
                continue
            kind = "held ends" if f["hold"] else "no hold"
            out.append(({**texts, p: new},
                        f"'{st.c}' (up/down) and '{st.d}' (direction) walk one cycle of {f['L']} states "
                        f"({kind}): one {max(1, (f['L'] - 1).bit_length())}-bit phase counter '{st.c}_ph', "
                        + (f"{st.c} and {st.d} folded from it" if f["x"] is not None else
                           f"{st.c} folded from it ({st.d} was read only by the step)")))
    return out


def pingpong_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import one_file_candidates
    from rtlopt.semantic import _inst_params

    if not any("<=" in t and "-" in t and "+" in t for t in state.texts.values()):
        return []
    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    try:
        params = _inst_params(state.design) if getattr(state, "design", None) is not None else None
        got = rewrites(dict(state.texts), state.design.top, params, timeout_s=max(2.0, min(15.0, left)))
    except Exception:  # noqa: BLE001
        return []
    return one_file_candidates(state.texts, got, RULE, "phase counter", None)
