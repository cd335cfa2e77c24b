"""A replica of a machine driven by that machine's inputs delayed k cycles is the machine delayed.

Two instances ``I1`` and ``I2`` of one module with the same parameter overrides, in one module ``P``,
where every input bit of ``I2`` is either the bit of ``I1``'s same port (the clock, a reset shared by
both, a constant) or that bit passed through a chain of exactly ``k`` plain flip-flops (``q <= d``, one
common reset, no enable), run in lock step k cycles apart once both are reset together: when the
delay flip-flops' reset values keep ``I2`` in its reset state, every register of ``I2`` equals the same
register of ``I1`` k cycles earlier, and so does every output (a Mealy output too: its inputs are the
delayed inputs). ``I2`` is then replaced by k registers per output of ``I1`` (reset with the same
reset as the delay chain, to the value ``I2``'s output has in the reset state, found by three-valued
evaluation of the netlist with every flip-flop at its reset value).

Finding is on the gate model of :mod:`rtlopt.semantic.seqsim` (port directions and connections come
from the text; the delay chains, shared bits and reset values from the netlist: names of the delay
registers never matter). Emitting (module ``P``; one edit serves all its instances): ``I2``'s
instantiation becomes the registers and one continuous assignment per output it drove; an output
``I1`` left open gets a new wire. The search loop proves (sequential equivalence from reset; the
reset-state condition and anything the syntax misses is the proof's) and measures it.
"""

from __future__ import annotations

import re
from pathlib import Path

from rtlopt.semantic import seqsim
from rtlopt.semantic.incparity import (
    _INST,
    _module_spans,
    _sig_text,
    _strip,
    _sync_of,
    clk_edge,
    run_generator,
    shared_net,
    texts_key,
    top_file,
)

RULE = "sequential_redundancy"
#: Longest delay chain followed.
MAX_K = 4
#: Ordered instance pairs looked at (many copies of one module: the first ones).
MAX_PAIRS = 64
_KW = {"input", "output", "inout", "wire", "reg", "logic", "var", "signed", "unsigned", "bit", "integer",
       "tri", "uwire", "int", "byte", "shortint", "longint"}


def _ports(body: str) -> dict[str, str]:
    """port name -> direction ('input', 'output', 'inout') from a module's declarations (ANSI or not)."""
    out: dict[str, str] = {}
    for m in re.finditer(r"(?<![\w$])(input|output|inout)\b", body):
        stop = re.compile(r"(?<![\w$])(?:input|output|inout)\b|;|\)\s*;")
        e = stop.search(body, m.end())
        seg = body[m.end():e.start() if e else len(body)]
        seg = re.sub(r"\[[^\]]*\]", " ", seg)
        seg = re.sub(r"=[^,]*", " ", seg)
        for nm in re.findall(r"[A-Za-z_][\w$]*", seg):
            if nm not in _KW and not re.fullmatch(r"[a-z_]+_t", nm):
                out.setdefault(nm, m.group(1))
    return out


def _conn(conns: str, port: str) -> tuple[str | None, bool]:
    """(connection text of ``port`` or None when open/absent, whether the port is named at all)."""
    m = re.search(rf"\.\s*{re.escape(port)}\s*\(((?:[^()]|\([^()]*\))*)\)", conns)
    if m:
        e = m.group(1).strip()
        return (e or None), True
    if re.search(rf"\.\s*{re.escape(port)}\b(?!\s*\()", conns):
        return port, True
    if re.search(r"\.\s*\*", conns):
        return port, True
    return None, False


def _chain(net: seqsim.GateNet, byq: dict, drv: dict, b2: int, b1: int) -> tuple[int, list] | None:
    """(k, flops) when ``b2`` is ``b1`` through k plain flip-flops (a synchronous reset allowed)."""
    x, fl = b2, []
    while x != b1:
        f = byq.get(x)
        if f is None or len(fl) >= MAX_K:
            return None
        sy, d = _sync_of(drv, f)
        fl.append((f, None if sy is None else sy[:2]))
        x = d
    return len(fl), fl


def _reset_outputs(net: seqsim.GateNet, bits: list[int]) -> list[int] | None:
    """Values of ``bits`` with every flip-flop at its reset value and the inputs unknown."""
    st = seqsim.ternary_reset_state(net)
    val: dict[int, int | None] = {0: 0, 1: 1}
    for f, v in zip(net.flops, st, strict=True):
        val[f.q] = v
    for t, o, ins in net.gates:
        val[o] = seqsim._tern(t, [val.get(i) for i in ins])
    out = [val.get(b) for b in bits]
    return None if any(v is None for v in out) else out


def _find(net: seqsim.GateNet, scope: str, i1: str, i2: str, ports: dict[str, str], drv: dict,
          byq: dict) -> dict | None:
    shared_ok = {0, 1}
    for nm in (net.clock, net.reset):
        if nm in net.inputs:
            shared_ok |= set(net.inputs[nm])
    pre = f"{scope}." if scope else ""
    ks, kinds = set(), set()
    stages: dict[str, list[list[int]]] = {}  # input port -> per bit [b2 = stage k, ..., stage 1, b1]
    for p, d in ports.items():
        if d != "input":
            continue
        b1, b2 = net.name_bits.get(f"{pre}{i1}.{p}"), net.name_bits.get(f"{pre}{i2}.{p}")
        if b1 is None or b2 is None or len(b1) != len(b2):
            return None
        for x, y in zip(b1, b2, strict=True):
            if x == y:
                if x not in shared_ok:
                    return None
                continue
            got = _chain(net, byq, drv, y, x)
            if got is None:
                return None
            if any(x2 == y2 for x2, y2 in zip(b1, b2, strict=True)):
                return None  # a port partly shared, partly delayed: not rewired by port
            stages.setdefault(p, []).append([f.q for f, _sy in got[1]] + [x])
            ks.add(got[0])
            kinds |= {(f.rst, f.rst_active, sy) for f, sy in got[1]}
    if len(ks) != 1 or len(kinds) != 1:
        return None
    rst, act, sy = next(iter(kinds))
    if rst is None and sy is None:
        return None  # nothing resets the delays: the replica's first cycles are not the machine's
    outs = {}
    for p, d in ports.items():
        if d == "output":
            bits = net.name_bits.get(f"{pre}{i2}.{p}")
            if bits is None:
                continue  # read by nothing (gone from the netlist): nothing to drive
            if min(bits) < 0:
                return None
            rv = _reset_outputs(net, bits)
            if rv is None:
                return None
            outs[p] = rv
    return {"k": next(iter(ks)), "rst": rst, "rst_active": act, "sync": sy, "outs": outs, "stages": stages}


def _insts(clean: str, spans: dict, mod: str) -> list[re.Match]:
    ms, me = spans[mod]
    return [m for m in _INST.finditer(clean, ms, me) if m.group(1) in spans and m.group(1) != mod]


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def _emit(text: str, full: str, net: seqsim.GateNet, scope: str, mod: str, m1: re.Match, m2: re.Match,
          ports: dict[str, str], info: dict, clk_edge: str, j: int | None = None) -> str | None:
    """The replica replaced by k delays of I1's outputs; with ``j`` (0 < j < k) a step towards it that
    keeps the replica, fed the inputs delayed k - j cycles, its outputs delayed j cycles (each step is a
    one-cycle proof where the whole k-cycle miter is hard for induction)."""
    ms, me = _module_spans(full)[mod]
    clean = " " * ms + full[ms:me]
    qs = {f.q for f in net.flops}
    clk = _sig_text(net, clean, net.inputs[net.clock][0], set(), scope) if net.clock in net.inputs else None
    rst = "" if info["rst"] is None else _sig_text(net, clean, info["rst"], qs, scope)
    srst = "" if info["sync"] is None else _sig_text(net, clean, info["sync"][0], qs, scope)
    if clk is None or rst is None or srst is None:
        return None
    tag = 0
    while re.search(rf"\brtlopt_dly{tag}_", text):
        tag += 1
    k = info["k"] if j is None else j
    ls = text.rfind("\n", 0, m2.start()) + 1
    ind = re.match(r"[ \t]*", text[ls:]).group(0)
    decl1, add1, regs, resets, shifts, drives = [], [], [], [], [], []
    for p, rv in info["outs"].items():
        e2, _named = _conn(m2.group(4), p)
        if e2 is None:
            continue
        e1, named = _conn(m1.group(4), p)
        w = len(rv)
        rng = f"[{w - 1}:0] " if w > 1 else ""
        if j is not None:
            e1 = f"rtlopt_dly{tag}_{p}_r"  # the kept replica's output
            decl1.append(f"{ind}wire {rng}{e1};\n")
            add1.append(f".{p}({e1})")
        elif e1 is None:
            if named:
                return None  # open in I1 by '.p()': not rewired here
            e1 = f"rtlopt_dly{tag}_{p}_o"
            decl1.append(f"{ind}wire {rng}{e1};\n")
            add1.append(f".{p}({e1})")
        lit = f"{w}'b" + "".join(str(b) for b in reversed(rv))
        src = e1
        for n in range(1, k + 1):
            r = f"rtlopt_dly{tag}_{p}_{n}"
            regs.append(f"{ind}reg {rng}{r};\n")
            resets.append(f"{r} <= {lit};")
            shifts.append(f"{r} <= {src};")
            src = r
        var = re.search(rf"(?<![\w$])reg\b[^;]*(?<![\w$.]){re.escape(e2)}\b", clean) is not None
        drives.append(f"{ind}always @* {e2} = {src};\n" if var else f"{ind}assign {e2} = {src};\n")
    if not regs:
        return None
    edge = "negedge" if info["rst_active"] == 0 else "posedge"
    sens = f"{clk_edge} {clk}" + (f" or {edge} {rst}" if rst else "")
    arms = []
    if rst:
        arms.append(f"if ({'!' if info['rst_active'] == 0 else ''}{rst}) begin {' '.join(resets)} end")
    if srst:
        arms.append(f"if ({'!' if info['sync'][1] == 0 else ''}{srst}) begin {' '.join(resets)} end")
    arms.append(f"begin {' '.join(shifts)} end")
    body = "".join(regs) + f"{ind}always @({sens})\n" + "".join(
        f"{ind}    {'else ' if i else ''}{a}\n" for i, a in enumerate(arms)) + "".join(drives)
    e2end = text.find("\n", m2.end())
    e2end = len(text) if e2end < 0 else e2end + 1
    if text[m2.end():e2end].strip():
        return None
    if j is not None:
        conns = m2.group(4)
        for p in sorted(set(info["outs"]) | set(info["stages"]), key=lambda q: -conns.find(q)):
            if p in info["outs"]:
                if _conn(conns, p)[0] is None:
                    continue
                rep = next(a for a in add1 if a.startswith(f".{p}("))
            else:
                # stage j of [delay k, ..., delay 1, delay 0]: the inputs delayed k - j cycles (LSB first)
                bits = [_sig_text(net, clean, st[j], qs, scope) for st in info["stages"][p]]
                if any(b is None for b in bits):
                    return None
                rep = f".{p}({{{', '.join(reversed(bits))}}})"
            cm = re.search(rf"\.\s*{re.escape(p)}\s*\(((?:[^()]|\([^()]*\))*)\)|\.\s*{re.escape(p)}\b(?!\s*\()", conns)
            if cm is not None:
                conns = conns[:cm.start()] + rep + conns[cm.end():]
            elif re.search(r"\.\s*\*", conns):
                conns = conns + ", " + rep
            else:
                return None
        stmt = text[ls:m2.start(4)] + conns + text[m2.end(4):e2end]
        return text[:ls] + "".join(decl1) + stmt + body + text[e2end:]
    new = text[:ls] + body + text[e2end:]
    if add1:
        # the connection list of I1 gets the new wires (I1 is before or after I2: offsets moved)
        cl = m1.end(4)
        if m1.start() > m2.start():
            cl += len(body) - (e2end - ls)
        sep = ", " if m1.group(4).strip() else ""
        new = new[:cl] + sep + ", ".join(add1) + new[cl:]
        l1 = new.rfind("\n", 0, m1.start() if m1.start() < m2.start() else m1.start() + len(body) - (e2end - ls)) + 1
        new = new[:l1] + "".join(decl1) + new[l1:]
    return new


_CACHE: dict[str, list] = {}
#: candidate text -> the texts of its proof steps (k > 1: one delay peeled per step)
CHAINS: dict[str, list[str]] = {}


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 30.0) -> list[tuple[dict, str]]:
    key = texts_key(texts, top)
    if key in _CACHE:
        return _CACHE[key]
    out: list[tuple[dict, str]] = []
    pairs = []
    p = top_file(texts, top)
    if p is not None:
        t = texts[p]
        full = _strip(t)
        spans = _module_spans(full)
        for mod in spans:
            ms, me = spans[mod]
            clean = " " * ms + full[ms:me]
            ins = _insts(clean, spans, mod)
            for a in ins:
                for b in ins:
                    if a is not b and a.group(1) == b.group(1) and _norm(a.group(2)) == _norm(b.group(2)):
                        pairs.append((mod, a, b))
    if pairs:
        net = shared_net(texts, top, key, timeout_s)
        if net is not None and net.clock is not None:
            edge = clk_edge(net, full)
            drv = {g[1]: g for g in net.gates}
            byq = {f.q: f for f in net.flops}
            for mod, a, b in pairs[:MAX_PAIRS]:
                cs, ce = spans[a.group(1)]
                ports = _ports(full[cs:ce])
                inp = next((q for q, d in ports.items() if d == "input"), None)
                if inp is None or "inout" in ports.values():
                    continue
                suf = f"{a.group(3)}.{inp}"
                scopes = sorted({n[:-len(suf)].rstrip(".") for n in net.name_bits
                                 if n == suf or n.endswith("." + suf)})
                if not scopes:
                    continue
                infos = [_find(net, s, a.group(3), b.group(3), ports, drv, byq) for s in scopes]
                if any(i is None for i in infos) or len({repr(i) for i in infos}) != 1:
                    continue
                new = _emit(t, full, net, scopes[0], mod, a, b, ports, infos[0], edge)
                if new is None or new == t:
                    continue
                if infos[0]["k"] > 1:
                    steps = [_emit(t, full, net, scopes[0], mod, a, b, ports, infos[0], edge, j)
                             for j in range(1, infos[0]["k"])]
                    if any(x is None for x in steps):
                        continue
                    CHAINS[new] = steps
                nt = dict(texts)
                nt[p] = new
                out.append((nt, f"'{b.group(3)}' replays '{a.group(3)}' on its inputs delayed "
                                f"{infos[0]['k']} cycle(s): its outputs are '{a.group(3)}''s delayed"))
    if len(_CACHE) > 32:
        _CACHE.clear()
        CHAINS.clear()
    _CACHE[key] = out
    return out


def delayrep_candidates(state) -> list:
    """Search-loop generator: a replica instance fed delayed inputs replaced by delayed outputs."""
    out = run_generator(state, candidates_for, "delayed replica", "delayrep")
    for c in out:
        if c.text in CHAINS:
            c.hints["chain"] = list(CHAINS[c.text])
    return out
