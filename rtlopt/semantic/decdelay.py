"""A clock-rate delay line fed by a sample-rate signal kept as stages shifted once per sample period.

A child module that is, as a whole, a delay line -- every output bit is an input bit delayed by a chain
of plain flip-flops (``d[0] <= x; d[i] <= d[i-1]`` in any spelling: an array with a for loop, a
generate loop, a concatenation shift ``{d, x}``, a chain of one-stage instances) -- holds ``N`` stages
of ``W`` bits. When the design drives its input with a signal that changes only at one phase of a
period ``P`` counted from reset (a sample register loaded on the strobe of a divider, maybe a sibling
module's), stage ``j`` equals stage ``j - 1`` in every reachable state except at the period's
boundary: only every ``P``-th stage carries information. A delay of ``D = m*P + q`` cycles is then
``m`` stages loaded once per period (at the cycle before the input may change) followed by ``q`` plain
stages; the phase comes from a ``P``-state counter reset with the delay line. ``N*W`` flip-flops become
``(m + q)*W`` plus the counter.

Finding (names and spelling never matter): the flattened gate netlist of the design
(:mod:`rtlopt.semantic.seqsim`) gives, for each child instance instantiated once, whether each bit of
each output port is a pure chain (each stage's D the previous stage's Q, one asynchronous reset to one
value per bit chain) back to a bit of an input port; a module with any other output is skipped. The
design is simulated from reset (no further resets) and the cycles at which the first stages change
give the period (their gcd) and the phase. Only then is the source read: the module's body (its
header and parameter/port declarations kept) is replaced by the decimated line, for how this design
drives it (the search pins the body to the module's parameter values). Candidates are offered only
when a whole-design simulation from reset agrees on the outputs (an input that may change between
strobes changes at other phases: no period, or a disagreement); the search proves each one
(the phase relation between the sibling's divider and the new counter is a reachable-state invariant:
ABC's engines prove it).
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np

RULE = "sequential_redundancy"
#: Cycles of the whole-design simulation that finds the period (64 lanes per word).
CYCLES = 256
WORDS = 2
#: Changes of the first stages at least this many distinct cycles apart before a period is believed.
MIN_CHANGES = 4
#: Stages at least (over all outputs of a module) before a module is looked at.
MIN_STAGES = 3
_PFX = "rtlopt_dd"
#: Offered only when the new flip-flops (phase counter included) are at most this share of the stages.
MAX_KEPT = 0.75


def _cone_link(net, drv, sig: int, sync: bool):
    """How a D signal ``sig`` copies a source: ``(source, None)`` when it is a gate cone (at most three
    gates, stopping at named signals) equal to one leaf, ``(source, (reset signal, active level, reset
    value))`` when ``sync`` and it is ``r ? c : source`` of two leaves (a synchronous reset in any gate
    spelling; an enable tied to a constant folds away either way); else None."""
    from rtlopt.semantic.seqsim import ONES, _eval

    leaves, gates = set(), []

    def walk(s, depth):
        if s < 2:
            return
        g = drv.get(s)
        if g is None or depth == 0 or (gates and s in net.names):
            leaves.add(s)
            return
        gates.append(s)
        for x in g[1]:
            walk(x, depth - 1)

    walk(sig, 3)
    if len(leaves) > 2 or len(gates) > 3:
        return None
    z, o = np.array([0], dtype=np.uint64), np.array([ONES], dtype=np.uint64)

    def ev(vals):
        memo = {0: z, 1: o, **vals}

        def go(s):
            if s not in memo:
                t, ins = drv[s]
                memo[s] = _eval(t, [go(x) for x in ins])
            return memo[s]
        return int(go(sig)[0] & np.uint64(1))

    if len(leaves) == 1:
        (src,) = leaves
        return (src, None) if (ev({src: z}), ev({src: o})) == (0, 1) else None
    if not sync or len(leaves) != 2:
        return None
    for src, r in (tuple(leaves), tuple(leaves)[::-1]):
        for act in (0, 1):
            ra, rn = (o if act else z), (z if act else o)
            if ev({src: z, r: rn}) == 0 and ev({src: o, r: rn}) == 1:
                c0, c1 = ev({src: z, r: ra}), ev({src: o, r: ra})
                if c0 == c1:
                    return src, (r, act, c0)
    return None


def _links(net):
    """({Q signal: flop index}, {flop index: (the signal it copies, reset key)}): stage links whose D is
    the source (through buffers or constant-folding gates; an asynchronous reset or none) and
    synchronously reset ones."""
    qi = {f.q: i for i, f in enumerate(net.flops)}
    drv = {out: (t, ins) for t, out, ins in net.gates}
    link = {}
    for i, f in enumerate(net.flops):
        if f.init is not None or f.d < 2:
            continue
        key = ("async", f.rst, f.rst_active, f.rst_value) if f.rst is not None else ("none",)
        if f.d not in drv or f.d in net.names:
            link[i] = (f.d, key)
            continue
        cl = _cone_link(net, drv, f.d, f.rst is None)
        if cl is not None:
            link[i] = (cl[0], key if cl[1] is None else ("sync", *cl[1]))
    return qi, link


def _trace_back(qi, link, sig: int, inside):
    """(delay, source signal, stage-0 flop, reset key) of the chain of linked stages ending in signal
    ``sig`` that goes on while ``inside(source)`` holds (``sig`` itself not inside: delay 0), or None
    (a stage without a link, a loop, stages reset differently)."""
    if not inside(sig):
        return 0, sig, None, None
    i, d, key, seen = qi[sig], 0, None, set()
    while True:
        if i in seen or i not in link:
            return None
        seen.add(i)
        src, k = link[i]
        if key is None:
            key = k
        elif k != key:
            return None
        d += 1
        if not inside(src):
            return d, src, i, key
        i = qi[src]


def _module_plan(net, qi, link, rel: str, ports: list[tuple[str, str, int]]):
    """Each output port of the instance at ``rel`` as (input port, low bit, delay) plus the reset
    (signal, active level), the reset value per input bit and the stage-0 flops; None when some output
    is not a pure chain from an input port."""
    pfx = rel + "."
    owned = {i for i, f in enumerate(net.flops) if any(n.startswith(pfx) for n, _b in net.names.get(f.q, []))}
    if len(owned) < MIN_STAGES:
        return None
    sigs = {}
    for name, dirn, _w in ports:
        bits = net.name_bits.get(pfx + name)
        if bits is None or any(b < 2 for b in bits):
            if dirn == "out":
                return None
            continue
        sigs[name] = bits
    in_bit = {}
    for name, dirn, _w in ports:
        if dirn == "in" and name in sigs:
            for j, s in enumerate(sigs[name]):
                in_bit.setdefault(s, (name, j))
    owned -= {qi[x] for x in in_bit if x in qi}  # a source register the port shows (the parent's)
    outs, resets, rvals, first, most = {}, set(), {}, set(), 0
    for name, dirn, _w in ports:
        if dirn != "out":
            continue
        if name not in sigs:
            return None
        got = []
        for s in sigs[name]:
            tb = _trace_back(qi, link, s, lambda x: x not in in_bit and qi.get(x) in owned)
            if tb is None or tb[1] not in in_bit:
                return None
            d, src, f0, key = tb
            xp, j = in_bit[src]
            if f0 is not None:
                if key[0] == "none":
                    return None  # no reset: the phase counter could not start in step
                resets.add(key[:3])
                if rvals.setdefault((xp, j), key[3]) != key[3]:
                    return None
                first.add(f0)
            got.append((xp, j, d))
        xp, lo, d = got[0]
        if any(g != (xp, lo + k, d) for k, g in enumerate(got)):
            return None
        outs[name] = (xp, lo, d)
        most = max(most, d)
    if not outs or most < MIN_STAGES or len(resets) != 1:
        return None
    (kind, rsig, ract), = resets
    rport = [p for p, bits in sigs.items() if bits == [rsig]]
    cport = [p for p, bits in sigs.items() if net.clock in net.inputs and bits == net.inputs[net.clock]]
    if not rport or not cport:
        return None
    return {"outs": outs, "flops": len(owned), "sync": kind == "sync", "rst": rport[0], "rst_active": ract, "clk": cport[0], "rvals": rvals,
            "first": sorted(first)}


def _period(net, first: list[int]) -> tuple[int, int] | None:
    """(P, phase a): the first stages change only at cycles tau = a (mod P) after the reset state."""
    from rtlopt.semantic import seqsim

    tr = seqsim.simulate(net, cycles=CYCLES, words=WORDS, seed=11, reset_rate_log2=62)
    st = tr[:, first, :]
    ch = np.nonzero((st[1:] != st[:-1]).any(axis=(1, 2)))[0]  # entry e+1 differs from e: u changes at tau=e
    if len(ch) < MIN_CHANGES:
        return None
    p = 0
    for c in ch[1:]:
        p = math.gcd(p, int(c - ch[0]))
    if p < 2 or p * MIN_CHANGES > CYCLES:
        return None
    return p, int(ch[0]) % p


def _ports(inst) -> list[tuple[str, str, int, bool]] | None:
    """(name, 'in'/'out', width, is a variable) of every port of an instance (None: an inout, an interface)."""
    out = []
    for p in inst.body.portList:
        if type(p).__name__ != "PortSymbol":
            return None
        d = str(p.direction).split(".")[-1]
        if d not in ("In", "Out"):
            return None
        isym = p.internalSymbol
        var = isym is not None and "Variable" in str(isym.kind)
        out.append((p.name, d.lower(), int(p.type.bitWidth), var))
    return out


def _kept_members(mod_syntax) -> list[str]:
    """The body items a new body must keep: parameter declarations, non-ANSI port declarations and the
    data/net declarations of those ports (verbatim)."""
    keep = []
    ports = set()
    for m in mod_syntax.members:
        if type(m).__name__ == "PortDeclarationSyntax":
            for dcl in m.declarators:
                ports.add(dcl.name.valueText)
    for m in mod_syntax.members:
        k = type(m).__name__
        if k in ("ParameterDeclarationStatementSyntax", "PortDeclarationSyntax"):
            keep.append(str(m).strip())
        elif k in ("DataDeclarationSyntax", "NetDeclarationSyntax"):
            names = {dcl.name.valueText for dcl in m.declarators}
            if names and names <= ports:
                keep.append(str(m).strip())
    return keep


def _line(xs: dict, taps: dict, p: int, ctl: tuple, pfx: str = _PFX) -> tuple[list, list, dict]:
    """The decimated line: (declarations, the clocked block, {tap key: expression}). ``xs``: source name ->
    (width, reset value, the phase at which it changes); ``taps``: key -> (source name, low bit, width, delay); ``ctl``: (clock, reset,
    reset active level, synchronous reset)."""
    clk, rst, ract, sync = ctl
    cb = max(1, (p - 1).bit_length())
    decl, rlines, slines, enl, exprs = [], [], [], {}, {}
    ph = f"{pfx}_ph"
    decl.append(f"reg [{cb - 1}:0] {ph};")
    rlines.append(f"{ph} <= {cb}'d0;")
    slines.append(f"{ph} <= ({ph} == {cb}'d{p - 1}) ? {cb}'d0 : {ph} + {cb}'d1;")
    for xi, (xp, (w, rv, a)) in enumerate(sorted(xs.items())):
        r0 = f"{w}'d{rv}"
        mine = {k: t for k, t in taps.items() if t[0] == xp}
        m0 = max(t[3] // p for t in mine.values())
        # a tap m*P + q (0 < q < P) reads E_m or, where the period boundary lies within its last q
        # cycles, E_(m+1) (E_k: k loaded stages, E_0 the source): a mux where E_(m+1) exists anyway or
        # instead of two or more plain stages; else q plain stages after E_m
        mux = {k for k, t in mine.items() if t[3] % p and (t[3] % p >= 2 or t[3] // p + 1 <= m0)}
        en_st = [f"{pfx}_{xi}_e{k}" for k in range(max([t[3] // p for t in mine.values()]
                                                       + [mine[k][3] // p + 1 for k in mux]))]
        for k, st in enumerate(en_st):
            decl.append(f"reg [{w - 1}:0] {st};")
            rlines.append(f"{st} <= {r0};")
            enl.setdefault((a - 1) % p, []).append(f"{st} <= {xp if k == 0 else en_st[k - 1]};")

        def e_(k, en_st=en_st, xp=xp):
            return xp if k == 0 else en_st[k - 1]
        qmax: dict[int, int] = {}
        for k, t in mine.items():
            m, q = divmod(t[3], p)
            if k not in mux:
                qmax[m] = max(qmax.get(m, 0), q)
        for m, qn in sorted(qmax.items()):
            for i in range(1, qn + 1):
                st = f"{pfx}_{xi}_p{m}_{i}"
                decl.append(f"reg [{w - 1}:0] {st};")
                rlines.append(f"{st} <= {r0};")
                slines.append(f"{st} <= {e_(m) if i == 1 else f'{pfx}_{xi}_p{m}_{i - 1}'};")
        for key, (_x, lo, wy, d) in mine.items():
            m, q = divmod(d, p)
            sl = "" if (lo, wy) == (0, w) else (f"[{lo}]" if wy == 1 else f"[{lo + wy - 1}:{lo}]")
            if key in mux:
                cross = sorted((a + i) % p for i in range(q))
                rest = sorted(set(range(p)) - set(cross))
                cond = " || ".join(f"{ph} == {cb}'d{v}" for v in (cross if len(cross) <= len(rest) else rest))
                exprs[key] = (f"(({cond}) ? {e_(m + 1)}{sl} : {e_(m)}{sl})" if len(cross) <= len(rest)
                              else f"(({cond}) ? {e_(m)}{sl} : {e_(m + 1)}{sl})")
            else:
                exprs[key] = (e_(m) if q == 0 else f"{pfx}_{xi}_p{m}_{q}") + sl
    low = ract == 0
    cond = f"!{rst}" if low else rst
    sens = f"posedge {clk}" if sync else f"posedge {clk} or {'negedge' if low else 'posedge'} {rst}"
    ind = "\n        "
    block = [
        f"always @({sens})",
        f"  if ({cond}) begin{ind}" + ind.join(rlines) + "\n    end",
        f"  else begin{ind}" + ind.join(slines)
        + "".join(f"{ind}if ({ph} == {cb}'d{e}) begin{ind}  " + f"{ind}  ".join(ls) + f"{ind}end"
                  for e, ls in sorted(enl.items()))
        + "\n    end",
    ]
    return decl, block, exprs


def _body(plan: dict, ports: dict, p: int, a: int) -> str | None:
    """The decimated delay line's module items (a child's whole body)."""
    xs = {}
    for xp, _lo, _d in plan["outs"].values():
        xs[xp] = (ports[xp][1], sum(v << j for (x, j), v in plan["rvals"].items() if x == xp), a)
    taps = {y: (xp, lo, ports[y][1], d) for y, (xp, lo, d) in plan["outs"].items()}
    decl, block, exprs = _line(xs, taps, p, (plan["clk"], plan["rst"], plan["rst_active"], plan["sync"]))
    assigns = [f"always @* {y} = {e};" if ports[y][2] else f"assign {y} = {e};" for y, e in exprs.items()]
    return "\n".join("  " + ln for ln in decl + block + assigns)


def _replace_body(text: str, module: str, items: str, kept: list[str]) -> str | None:
    from rtlopt.engine.hierarchy import _mask, module_span
    from rtlopt.engine.parampin import _header_end

    sp = module_span(text, module)
    if sp is None:
        return None
    s, e = sp
    mod = text[s:e]
    he = _header_end(_mask(mod))
    if he is None or not mod.endswith("endmodule"):
        return None
    note = ("  // rtlopt: the input changes once per period of a counter from reset: "
            "one stage per period shifted at its last cycle")
    new = mod[:he] + "\n" + "".join(f"  {k}\n" for k in kept) + note + "\n" + items + "\nendmodule"
    return text[:s] + new + text[e:]


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict, str]]:
    """Whole-body rewrites of delay-line child modules whose input changes once per counter period."""
    import time

    from rtlopt.semantic import seqsim
    from rtlopt.semantic.instshare import _children, _compile

    deadline = time.monotonic() + timeout_s
    net = seqsim.load_texts(texts, top, timeout=timeout_s)
    qi, link = _links(net)
    if sum(src in qi for src, _k in link.values()) < MIN_STAGES:
        return []
    got = _compile(texts, top)
    if got is None:
        return []
    comp, buf = got
    tops = [r for r in comp.getRoot().topInstances if r.name == top]
    if not tops:
        return []
    by_def: dict[str, list] = {}
    for _pp, rel, n, _g in _children(tops[0]):
        by_def.setdefault(n.definition.name, []).append((rel, n))
    out = []
    for name, insts in by_def.items():
        if time.monotonic() > deadline:
            break
        body = _def_body(net, qi, link, insts)  # every instance must ask for the same body
        if body is None:
            continue
        items, per, nfl = body
        kept = sum(int(w) + 1 for w in re.findall(r"reg \[(\d+):0\] " + _PFX + r"_", items))
        if kept * len(insts) > MAX_KEPT * nfl:
            continue  # (counter included) too little left to gain
        syn = insts[0][1].definition.syntax
        for path, text in texts.items():
            new = _replace_body(text, name, items, _kept_members(syn)) if f"module {name}" in text else None
            if new is None or new == text:
                continue
            nt = {**texts, path: new}
            if seqsim.outputs_agree(net, nt, top, max(2.0, deadline - time.monotonic())) is False:
                break
            where = ", ".join(r for r, _n in insts)
            out.append((nt, f"delay line '{name}' ({where}): its input changes only once per {per} cycles "
                            f"(phase from reset): {nfl} stage flip-flops -> {kept * len(insts)} loaded once per "
                            f"period or plain (with the phase counter)"))
            break
    done = {d for d, _insts in by_def.items() if any(f"'{d}'" in desc for _nt, desc in out)}
    scopes = [("", tops[0])] + [(insts[0][0] + ".", insts[0][1]) for d, insts in by_def.items()
                                if len(insts) == 1 and d not in done]
    for pfx, inst in scopes:
        if time.monotonic() > deadline:
            break
        retry = False
        for nt, desc, nl in _inline_edit(texts, buf, inst, net, qi, link, pfx):
            if seqsim.outputs_agree(net, nt, top, max(2.0, deadline - time.monotonic())) is not False:
                out.append((nt, desc))
            else:
                retry = retry or nl > 1
        for nt, desc, _nl in _inline_edit(texts, buf, inst, net, qi, link, pfx, split=True) if retry else []:
            if seqsim.outputs_agree(net, nt, top, max(2.0, deadline - time.monotonic())) is not False:
                out.append((nt, desc))  # the lines of a refused group one at a time
    return out


def _def_body(net, qi, link, insts) -> tuple[str, int, int] | None:
    """(module items, period, stage flip-flops replaced) when every instance of one definition is a
    delay line whose input changes once per period and all of them get the same body; else None."""
    items = per = None
    nfl = 0
    for rel, n in insts:
        pl = _ports(n)
        if pl is None:
            return None
        plan = _module_plan(net, qi, link, rel, [(a, b, c) for a, b, c, _v in pl])
        if plan is None:
            return None
        got = _period(net, plan["first"])
        if got is None or max(d for _x, _l, d in plan["outs"].values()) < got[0]:
            return None
        it = _body(plan, {a: (b, c, v) for a, b, c, v in pl}, *got)
        if items is not None and it != items:
            return None
        items, per, nfl = it, got[0], nfl + plan["flops"]
    return None if items is None else (items, per, nfl)


# -- delay lines inside a module (read at fixed stages) ----------------------------------------------

def _root_sym(e):
    while type(e).__name__ in ("ElementSelectExpression", "RangeSelectExpression"):
        e = e.value
    return e.symbol if type(e).__name__ == "NamedValueExpression" else None


def _pos(rng, k: int) -> int:
    """Bit position (from the LSB) of index ``k`` in a packed range ``[left:right]``."""
    return k - rng.right if rng.left >= rng.right else rng.right - k


def _sel_bits(e, cells: dict):
    """The signals (LSB first) a constant select of a chain variable reads, or None."""
    from rtlopt.semantic.seqred import _cint

    k = type(e).__name__
    if k == "NamedValueExpression":
        c = cells.get(e.symbol.name)
        return None if c is None or None not in c else c[None]
    if k not in ("ElementSelectExpression", "RangeSelectExpression"):
        return None
    base = e.value
    if k == "ElementSelectExpression":
        i = _cint(e.selector.constant)
        if i is None:
            return None
        if type(base).__name__ == "NamedValueExpression" and base.type.isUnpackedArray:
            c = cells.get(base.symbol.name)
            return None if c is None else c.get(i)
        idx = [i]
    else:
        a, b = _cint(e.left.constant), _cint(e.right.constant)
        if a is None or b is None:
            return None
        kind = str(e.selectionKind)
        idx = (list(range(min(a, b), max(a, b) + 1)) if kind.endswith("Simple")
               else list(range(a, a + b)) if kind.endswith("IndexedUp") else list(range(a - b + 1, a + 1)))
    inner = _sel_bits(base, cells)
    if inner is None or not base.type.hasFixedRange:
        return None
    rng = base.type.fixedRange
    pos = sorted(_pos(rng, i) for i in idx)
    if any(p < 0 or p >= len(inner) for p in pos):
        return None
    return [inner[p] for p in pos]


def _scope_chains(net, qi, link, pfx: str, body):
    """{variable: {element index (None: packed): signals}} for the variables of one module instance
    whose every bit is a linked flip-flop, grouped into components linked stage to stage."""
    cells: dict[str, dict] = {}
    driven = {o for _t, o, _i in net.gates} | {f.q for f in net.flops} | set(net.free) | {0, 1, -1} \
        | {x for bits in net.inputs.values() for x in bits}
    skip = set()  # ports (read outside) and variables a continuous assignment drives (aliases of a stage)
    for m in body:
        kind = str(m.kind).split(".")[-1]
        if kind == "Port":
            skip.add(m.name)
        elif kind == "ContinuousAssign":
            sym = _root_sym(m.assignment.left)
            if sym is not None:
                skip.add(sym.name)
    for m in body:
        if str(m.kind).split(".")[-1] != "Variable" or m.name in skip:
            continue
        t = m.type
        if t.isUnpackedArray:
            if not t.hasFixedRange or not t.elementType.isIntegral:
                continue
            r = t.fixedRange
            el = {i: net.name_bits.get(f"{pfx}{m.name}[{i}]") for i in range(min(r.left, r.right),
                                                                              max(r.left, r.right) + 1)}
        elif t.isIntegral:
            el = {None: net.name_bits.get(pfx + m.name)}
        else:
            continue
        # every bit a linked stage, or dead (its flip-flop unread, removed: driven by nothing)
        if any(v is None or any(x in qi and qi[x] not in link or x not in qi and x in driven for x in v)
               for v in el.values()) or not any(x in qi for v in el.values() for x in v):
            continue
        cells[m.name] = el
    q2v = {x: v for v, el in cells.items() for bits in el.values() for x in bits if x in qi}
    up = {v: v for v in cells}

    def find(v):
        while up[v] != v:
            up[v] = up[up[v]]
            v = up[v]
        return v
    for v, el in cells.items():
        for bits in el.values():
            for x in bits:
                if x not in qi:
                    continue
                src = link[qi[x]][0]
                if src in q2v:
                    up[find(v)] = find(q2v[src])
    comps: dict[str, dict] = {}
    for v in cells:
        comps.setdefault(find(v), {})[v] = cells[v]
    return list(comps.values())


def _comp_plan(net, qi, link, pfx: str, comp: dict):
    """Per signal of a component: (delay, source bit), plus the source's name and width, the reset key
    per chain and the stage-0 flip-flops; None when the chains do not start at one named signal."""
    sig_set = {x for el in comp.values() for bits in el.values() for x in bits if x in qi}
    info, first, keys, rvals, src_names = {}, set(), set(), {}, None
    for x in sig_set:
        tb = _trace_back(qi, link, x, sig_set.__contains__)
        if tb is None:
            return None
        d, src, i, key = tb
        if key[0] == "none":
            return None
        names = {(n[len(pfx):], b) for n, b in net.names.get(src, []) if n.startswith(pfx) and "." not in n[len(pfx):]}
        src_names = names if src_names is None else src_names
        info[x] = (d, src, names)
        first.add(i)
        keys.add(key[:3])
        rvals[src] = key[3] if rvals.setdefault(src, key[3]) == key[3] else None
    if len(keys) != 1 or None in rvals.values():
        return None
    for xname in sorted({n for n, _b in src_names}):
        if all(any(n == xname for n, _b in nm) for _d, _s, nm in info.values()):
            break
    else:
        return None
    xbits = net.name_bits.get(pfx + xname)
    if xbits is None:
        return None
    out = {}
    for x, (d, _src, nm) in info.items():
        out[x] = (d, next(b for n, b in nm if n == xname))
    rv = sum(v << xbits.index(s) for s, v in rvals.items() if s in xbits)
    return {"bits": out, "x": xname, "w": len(xbits), "rv": rv, "key": next(iter(keys)), "first": sorted(first)}


def _scope_name(net, pfx: str, sig: int) -> str | None:
    got = sorted(n[len(pfx):] for n, _b in net.names.get(sig, []) if n.startswith(pfx) and "." not in n[len(pfx):]
                 and net.name_bits.get(n) == [sig])
    return got[0] if got else None


def _comp_reads(inst, comp: dict, plan: dict) -> list:
    """[(buffer id, start, end, tap)] of the reads of a component's variables at fixed stages (the
    component's own assignments and reads that are no single stage are left alone)."""
    from pyslang import ast

    names, reads = set(comp), []

    def visit(n):
        k = type(n).__name__
        if k == "InstanceSymbol" or (k == "GenerateBlockSymbol" and n.isUninstantiated):
            return ast.VisitAction.Skip
        if k == "AssignmentExpression":
            sym = _root_sym(n.left)
            if sym is not None and sym.name in names:
                return ast.VisitAction.Skip  # the line's own shift (and reset)
        if k in ("NamedValueExpression", "ElementSelectExpression", "RangeSelectExpression"):
            sym = _root_sym(n)
            if sym is not None and sym.name in names:
                bits = _sel_bits(n, comp)
                got = None if not bits else [plan["bits"].get(x) for x in bits]
                if got and None not in got and len({d for d, _b in got}) == 1 and \
                        [b for _d, b in got] == list(range(got[0][1], got[0][1] + len(got))):
                    sr = n.sourceRange
                    reads.append((sr.start.buffer.id, sr.start.offset, sr.end.offset,
                                  (plan["x"], got[0][1], len(got), got[0][0])))
                return ast.VisitAction.Skip
        return ast.VisitAction.Advance

    inst.body.visit(visit)
    return reads


def _inline_edit(texts, buf, inst, net, qi, link, pfx: str, split: bool = False):
    """(new texts, description): the delay lines inside one module instance read at fixed stages whose
    sources change once per period, each period and reset with one phase counter (``split``: a
    candidate per line), and how many lines each one rewrites."""
    from rtlopt.hdl.edit import Edit, apply_edits, before_endmodule

    paths = list(texts)
    groups: dict[tuple, list] = {}
    for comp in _scope_chains(net, qi, link, pfx, inst.body):
        plan = _comp_plan(net, qi, link, pfx, comp)
        if plan is None or max(d for d, _b in plan["bits"].values()) < MIN_STAGES:
            continue
        reads = _comp_reads(inst, comp, plan)
        if not reads or len({r[0] for r in reads}) != 1 or reads[0][0] not in buf:
            continue
        per = _period(net, plan["first"])
        if per is None or max(r[3][3] for r in reads) < per[0]:
            continue
        kind, rsig, ract = plan["key"]
        clk = _scope_name(net, pfx, net.inputs[net.clock][0]) if net.clock in net.inputs else None
        rst = _scope_name(net, pfx, rsig)
        if clk is None or rst is None:
            continue
        groups.setdefault((reads[0][0], per[0], clk, rst, ract, kind == "sync") + ((id(comp),) if split else ()),
                          []).append(
            (comp, plan, reads, per[1]))
    out = []
    for (bid, p, *ctl), members in groups.items():
        ctl = ctl[:4]
        path = paths[buf[bid]]
        text = texts[path]
        tag = _PFX
        while tag in text:
            tag += "x"
        xs, taps, reads, nfl, lines = {}, {}, [], 0, []
        for comp, plan, rd, a in members:
            if xs.setdefault(plan["x"], (plan["w"], plan["rv"], a)) != (plan["w"], plan["rv"], a):
                continue
            taps.update({r[3]: r[3] for r in rd})
            reads += rd
            nfl += sum(x in qi for el in comp.values() for b in el.values() for x in b)
            lines.append("/".join(sorted(comp)))
        decl, block, exprs = _line(xs, taps, p, tuple(ctl), tag)
        kept = sum(int(w) + 1 for w in re.findall(r"reg \[(\d+):0\] " + tag + r"_", "\n".join(decl)))
        if kept > MAX_KEPT * nfl:
            continue  # (counter included) too little left to gain
        syn = inst.definition.syntax
        mem = [m for m in syn.members if type(m).__name__ not in ("PortDeclarationSyntax",
                                                                   "ParameterDeclarationStatementSyntax")]
        at = mem[0].sourceRange.start.offset if mem else None
        end = before_endmodule(text, syn.sourceRange.start.offset)
        if at is None or end is None:
            continue
        edits = [Edit(s, e, exprs[tap]) for _b, s, e, tap in reads]
        edits.append(Edit(at, at, "// rtlopt: the delay line's input changes once per period of a counter from "
                                  "reset: one stage per period\n  " + "\n  ".join(decl) + "\n  "))
        edits.append(Edit(end, end, "  " + "\n  ".join(block) + "\n"))
        try:
            new = apply_edits(text, edits)
        except Exception:  # noqa: BLE001 - overlapping reads: no candidate
            continue
        out.append(({**texts, path: new},
                    f"delay line(s) '{', '.join(lines)}' in {inst.definition.name} read at {len(reads)} fixed "
                    f"stage(s): the input changes only once per {p} cycles (phase from reset): "
                    f"{nfl} stage flip-flops -> {kept} loaded once per period or plain (with the phase counter)",
                    len(lines)))
    return out


def decdelay_candidates(state) -> list:
    """Search-loop generator: sample-rate signals in clock-rate delay lines kept at the sample rate."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, "decimated delay line", "decdelay")


__all__ = ["candidates_for", "decdelay_candidates"]
