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


def _trace_back(qi, link, sig: int, owned: set[int], stop):
    """(delay, input signal, stage-0 flop, reset key) of a chain ending in signal ``sig`` and starting at
    a signal of ``stop`` (the instance's input bits), or None."""
    i = qi.get(sig)
    if i is None or sig in stop:
        return 0, sig, None, None
    key = None
    d = 0
    seen = set()
    while True:
        if i in seen or i not in owned or i not in link:
            return None
        seen.add(i)
        src, k = link[i]
        if key is None:
            key = k
        elif k != key:
            return None
        d += 1
        if src in stop:
            return d, src, i, key
        if src not in qi:
            return None
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
            tb = _trace_back(qi, link, s, owned, in_bit)
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


def _body(plan: dict, ports: dict, p: int, a: int) -> str | None:
    """The decimated delay line's module items."""
    clk, rst = plan["clk"], plan["rst"]
    low = plan["rst_active"] == 0
    cb = max(1, (p - 1).bit_length())
    en = (a - 1) % p
    xs = sorted({xp for xp, _lo, _d in plan["outs"].values()})
    decl, rlines, slines, assigns = [], [], [], []
    ph = f"{_PFX}_ph"
    decl.append(f"  reg [{cb - 1}:0] {ph};")
    rlines.append(f"{ph} <= {cb}'d0;")
    slines.append(f"{ph} <= ({ph} == {cb}'d{p - 1}) ? {cb}'d0 : {ph} + {cb}'d1;")
    enl = []
    for xi, xp in enumerate(xs):
        w = ports[xp][1]
        rv = sum(v << j for (x, j), v in plan["rvals"].items() if x == xp)
        r0 = f"{w}'d{rv}"
        taps = [(lo, d) for xp2, lo, d in plan["outs"].values() if xp2 == xp]
        m_all = max(d // p for _lo, d in taps)
        en_st = [f"{_PFX}_{xi}_e{k}" for k in range(m_all)]
        for k, s in enumerate(en_st):
            decl.append(f"  reg [{w - 1}:0] {s};")
            rlines.append(f"{s} <= {r0};")
            enl.append(f"{s} <= {xp if k == 0 else en_st[k - 1]};")
        qmax: dict[int, int] = {}
        for _lo, d in taps:
            m, q = divmod(d, p)
            qmax[m] = max(qmax.get(m, 0), q)
        for m, qn in sorted(qmax.items()):
            src = xp if m == 0 else en_st[m - 1]
            for i in range(1, qn + 1):
                s = f"{_PFX}_{xi}_p{m}_{i}"
                decl.append(f"  reg [{w - 1}:0] {s};")
                rlines.append(f"{s} <= {r0};")
                slines.append(f"{s} <= {src if i == 1 else f'{_PFX}_{xi}_p{m}_{i - 1}'};")
        for y, (xp2, lo, d) in plan["outs"].items():
            if xp2 != xp:
                continue
            m, q = divmod(d, p)
            src = (xp if m == 0 else en_st[m - 1]) if q == 0 else f"{_PFX}_{xi}_p{m}_{q}"
            wy = ports[y][1]
            rd = src if (lo, wy) == (0, w) else f"{src}[{lo + wy - 1}:{lo}]"
            assigns.append(f"  always @* {y} = {rd};" if ports[y][2] else f"  assign {y} = {rd};")
    edge = "negedge" if low else "posedge"
    cond = f"!{rst}" if low else rst
    sens = f"posedge {clk}" if plan["sync"] else f"posedge {clk} or {edge} {rst}"
    ind = "\n        "
    lines = decl + [
        f"  always @({sens})",
        f"    if ({cond}) begin{ind}" + ind.join(rlines) + "\n      end",
        f"    else begin{ind}" + ind.join(slines)
        + (f"{ind}if ({ph} == {cb}'d{en}) begin{ind}  " + f"{ind}  ".join(enl) + f"{ind}end" if enl else "")
        + "\n      end",
    ] + assigns
    return "\n".join(lines)


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
    if sum(len(re.findall(r"(?<![\w$])module\s", t)) for t in texts.values()) < 2:
        return []  # a delay line driven by the design lives in a child module
    net = seqsim.load_texts(texts, top, timeout=timeout_s)
    qi, link = _links(net)
    if sum(src in qi for src, _k in link.values()) < MIN_STAGES:
        return []
    got = _compile(texts, top)
    if got is None:
        return []
    comp, _buf = got
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
        syn = insts[0][1].definition.syntax
        for path, text in texts.items():
            new = _replace_body(text, name, items, _kept_members(syn)) if f"module {name}" in text else None
            if new is None or new == text:
                continue
            nt = {**texts, path: new}
            if seqsim.outputs_agree(net, nt, top, max(2.0, deadline - time.monotonic())) is False:
                break
            kept = sum(int(w) + 1 for w in re.findall(r"reg \[(\d+):0\] " + _PFX + r"_\d", items))
            where = ", ".join(r for r, _n in insts)
            out.append((nt, f"delay line '{name}' ({where}): its input changes only once per {per} cycles "
                            f"(phase from reset): {nfl} stage flip-flops -> {kept * len(insts)} loaded once per "
                            f"period or plain, plus a phase counter"))
            break
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


def decdelay_candidates(state) -> list:
    """Search-loop generator: sample-rate signals in clock-rate delay lines kept at the sample rate."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, "decimated delay line", "decdelay")


__all__ = ["candidates_for", "decdelay_candidates"]
