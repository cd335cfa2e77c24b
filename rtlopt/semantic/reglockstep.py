"""Registers of one child instance running in lock step with registers outside it (any module).

A register ``R`` of instance ``I`` (a direct child of the top) whose value in every reachable state is
a function of flip-flops outside ``I`` is redundant: an LFSR stored bit-reversed in a checker
(``r[i] == s[6-i]``), a reader index mirrored from a writer's (``ridx == 47 - widx``), a bank bit
that is the complement of another (``rbank == ~wbank``). The functions are

- per bit: ``R[i] == S[j]`` or ``R[i] == ~S[j]`` for any flip-flop bit outside ``I`` (a permutation
  of another register's bits with optional per-bit inversion; equal traces on every simulated
  state from reset);
- per word: ``R == k +/- S`` modulo ``2**W`` for a register ``S`` outside ``I`` (the relations
  :mod:`rtlopt.semantic.regfunc` already proves).

Bit hypotheses are proven by induction together with the proven word relations (``regfunc.prove``,
Houdini; the bit relations are one-bit relations over synthetic one-flop registers). Names never
matter: instances, registers and their flip-flops come from the elaborated netlist.

Emitting (a minimal source edit): the module of ``I`` (instantiated once) gets one new input port per
replaced register, its procedural assignments to ``R`` go and ``always @* R = <port>;`` computes it
(:func:`rtlopt.semantic.regfunc.emit`); the instance connects the port to the function written with
top-level names of the kept flip-flops (``{state[0], state[1], ...}``, ``6'd47 - widx``). When a
kept register has no top-level name, its instance exports it first (:mod:`rtlopt.semantic.crossinst`).
The search loop measures and proves every candidate (from reset).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np

from rtlopt.hdl.edit import Edit
from rtlopt.semantic import regfunc, seqsim


def _scope_regs(net: seqsim.GateNet) -> dict[str, dict[str, list[int]]]:
    """instance name -> {register leaf name: flop indices} for registers of direct child instances."""
    allregs = regfunc._all_registers(net)
    out: dict[str, dict[str, list[int]]] = {}
    for n, js in allregs.items():
        if n.count(".") != 1:
            continue
        inst, leaf = n.split(".")
        out.setdefault(inst, {})[leaf] = js
    return out


def _top_names(net: seqsim.GateNet) -> dict[int, list[tuple[str, int]]]:
    """flop index -> [(top-level name, bit)] of the top-scope names carrying that flop's output."""
    qi = net.q_index
    out: dict[int, list[tuple[str, int]]] = {}
    for n, bits in sorted(net.name_bits.items(), key=lambda kv: (len(kv[1]), kv[0])):  # narrowest first
        if "." in n or not re.fullmatch(r"[A-Za-z_][\w$]*", n):
            continue
        for i, b in enumerate(bits):
            if b in qi:
                out.setdefault(qi[b], []).append((n, i))
    return out


def _samples(net: seqsim.GateNet) -> np.ndarray:
    runs = [regfunc._bit_matrix(seqsim.simulate(net, cycles=256, words=2)),
            regfunc._bit_matrix(seqsim.simulate(net, cycles=256, words=1, seed=7, hold_log2=4))]
    if len(net.flops) <= regfunc._DEEP_FLOPS and net.nsig <= getattr(regfunc, "_DEEP_SIGNALS", net.nsig):
        runs.append(regfunc._bit_matrix(seqsim.simulate(net, cycles=1024, words=1, seed=11, hold_log2=8,
                                                        reset_rate_log2=14)))
    return np.concatenate(runs, axis=1)


def hypotheses(net: seqsim.GateNet, an: regfunc.Analysis, bm: np.ndarray):
    """{instance: {leaf: ("word", Relation) | ("bits", [(flop, inverted)])}}: per register of a child
    instance, a function of flip-flops outside that instance (not yet proven for bit forms)."""
    scopes = _scope_regs(net)
    regs = an.regs or {}
    key: dict[bytes, list[int]] = {}
    for j in range(bm.shape[0]):
        row = bm[j]
        if row.min() == row.max():
            continue
        key.setdefault(row.tobytes(), []).append(j)
    out: dict[str, dict[str, tuple]] = {}
    for inst, rs in scopes.items():
        mine = {j for n, bits in net.name_bits.items() if n.startswith(inst + ".")
                for j in (net.q_index.get(b) for b in bits) if j is not None}
        for leaf, js in rs.items():
            got = None
            for r in an.relations:  # a proven word relation to a register outside the instance
                if r.op == "add" and r.base and not r.base2 and not r.bits and r.target in regs \
                        and regs[r.target] == js and not set(regs[r.base]) & mine \
                        and len(regs[r.base]) == len(js) and (r.k or r.sign < 0):
                    got = ("word", r)
                    break
            if got is None:
                bits = []
                for j in js:
                    row = bm[j]
                    if row.min() == row.max():
                        break
                    eq = [i for i in key.get(row.tobytes(), []) if i not in mine]
                    inv = [i for i in key.get((1 - row).tobytes(), []) if i not in mine]
                    if eq:
                        bits.append((eq[0], 0))
                    elif inv:
                        bits.append((inv[0], 1))
                    else:
                        break
                else:
                    got = ("bits", bits)
            if got is not None:
                out.setdefault(inst, {})[leaf] = got
    return out


def prove_bits(net: seqsim.GateNet, an: regfunc.Analysis, hyps, timeout_s: float) -> set[tuple[int, int, int]]:
    """The proven (flop, base flop, inverted) bit relations among ``hyps`` (with the proven word
    relations as helpers)."""
    regs = dict(an.regs or {})
    rels = [r for r in an.relations if r.op == "add"]
    pairs = {}
    for inst, rs in hyps.items():
        for leaf, (kind, h) in rs.items():
            if kind != "bits":
                continue
            for j, (i, inv) in zip(_flops(an, net, inst, leaf), h, strict=True):
                t, b = f"\\lk_t{j}", f"\\lk_b{i}"
                regs[t], regs[b] = [j], [i]
                rel = regfunc.Relation(t, 1, 1 if inv else 0, b, -1 if inv else 1)
                pairs[rel] = (j, i, inv)
    if not pairs:
        return set()
    got = regfunc.prove(net, regs, rels + list(pairs), timeout_s=timeout_s)
    return {pairs[r] for r in got if r in pairs}


def _flops(an, net, inst, leaf) -> list[int]:
    return _scope_regs(net)[inst][leaf]


def _top_expr(js_bits: list[tuple[int, int]], topn: dict[int, list[tuple[str, int]]],
              net: seqsim.GateNet, wires: dict[str, list[int]] | None = None) -> str | None:
    """``{[~]a[i], ...}`` (MSB first) of top-level names for (flop, inverted) per bit, LSB first;
    consecutive runs of one name with no inversion are written as part selects."""
    js = [j for j, _v in js_bits]
    if not any(v for _j, v in js_bits):  # a top-level name of exactly these flip-flops
        qi = net.q_index
        for n, bits in sorted(net.name_bits.items()):
            if "." in n:
                continue
            if [qi.get(b) for b in bits] == js:
                return n
        for n, fl in sorted((wires or {}).items()):
            if fl == js:
                return n
    widths = {n: len(b) for n, b in net.name_bits.items()} | {n: len(fl) for n, fl in (wires or {}).items()}
    terms: list[tuple[str, int, int]] = []
    for j, inv in js_bits:
        if j not in topn:
            return None
        n, i = topn[j][0]
        terms.append((n, i, inv))
    if all(not v for _n, _i, v in terms) and len({n for n, _i, _v in terms}) == 1 \
            and [i for _n, i, _v in terms] == list(range(len(terms))):
        n = terms[0][0]
        return n if len(terms) == widths.get(n, len(terms)) else f"{n}[{len(terms) - 1}:0]"
    parts = [f"{'~' if inv else ''}{n}" + (f"[{i}]" if widths[n] > 1 else "")
             for n, i, inv in reversed(terms)]
    return parts[0] if len(parts) == 1 else "{" + ", ".join(parts) + "}"



def _add_input(texts: dict[Path, str], top: str, inst: str, width: int, conn: str,
               prefix: str) -> tuple[dict[Path, str], str] | None:
    """``texts`` with a new input port on the module of ``inst`` (a direct child of ``top``, that
    module instantiated once) connected to ``conn`` at the instance: (texts, port name)."""
    from rtlopt.semantic.crossinst import apply_site_edits, child_site

    site = child_site(texts, top, inst, once=True)
    if site is None:
        return None
    n, ds, ports, paths, fm, fi, mtext = site
    body = mtext[ds.sourceRange.start.offset:ds.sourceRange.end.offset]
    k = 0
    while re.search(rf"(?<![\w$]){prefix}{k}_i(?![\w$])", body):
        k += 1
    port = f"{prefix}{k}_i"
    rng = f"[{width - 1}:0] " if width > 1 else ""
    cp = ports.closeParen.range.start.offset
    at = len(mtext[:cp].rstrip())
    eds_m = [Edit(at, at, f",\n  input wire {rng}{port}")]
    itext = texts[paths[fi]]
    s0, e0 = n.syntax.sourceRange.start.offset, n.syntax.sourceRange.end.offset
    if not itext[:e0].rstrip().endswith(")"):
        return None
    close = itext.rfind(")", s0, e0)
    eds_i = [Edit(close, close, f", .{port}({conn})")]
    out = apply_site_edits(texts, site, eds_m, eds_i)
    return None if out is None else (out, port)


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 30.0,
                   max_cands: int = 2) -> list[tuple[dict[Path, str], str]]:
    """[(new texts, description)]: per child instance, its registers proven to be functions of
    flip-flops outside it, fed in on new input ports."""
    t0 = time.monotonic()
    an = regfunc.analysis_for(texts, top, timeout_s)
    net = an.net
    if net is None or an.regs is None or len(net.flops) > regfunc._DEEP_FLOPS:
        return []
    if not _scope_regs(net):  # no register inside a child instance: nothing to feed in
        return []
    bm = _samples(net)
    hyps = hypotheses(net, an, bm)
    if not hyps:
        return []
    proven = prove_bits(net, an, hyps, max(2.0, timeout_s - (time.monotonic() - t0)))
    regs = an.regs
    out = []
    for inst, rs in sorted(hyps.items()):
        topn = _top_names(net)
        wires: dict[str, list[int]] = {}
        cur = dict(texts)
        descs = []
        rels = []
        ports: dict[str, str] = {}
        done: set[tuple[int, ...]] = set()
        for leaf, (kind, h) in sorted(rs.items()):
            js = _scope_regs(net)[inst][leaf]
            if tuple(js) in done:
                continue  # another name of flip-flops already fed in
            # an alias of the register (an output port wire assigned from it) is not what to replace
            try:
                real = regfunc.emit(texts, top, [regfunc.Relation(f"{inst}.{leaf}", len(js), 0, f"{inst}.{leaf}")])
            except Exception:  # noqa: BLE001
                real = None
            if real is None:
                continue
            if kind == "bits":
                if any((j, i, v) not in proven for j, (i, v) in zip(js, h, strict=True)):
                    continue
                cur = _export_missing(cur, top, net, inst, [i for i, _v in h], topn, wires)
                et = _top_expr(h, topn, net, wires)
            else:
                base = regs[h.base]
                cur = _export_missing(cur, top, net, inst, base, topn, wires)
                et0 = _top_expr([(i, 0) for i in base], topn, net, wires)
                if et0 is None:
                    continue
                w = len(js)
                k = h.k % (1 << w)
                if h.sign > 0:
                    et = f"{w}'d{k} + {et0}"
                elif k == (1 << w) - 1:
                    et = f"~{et0}"
                else:
                    et = f"{w}'d{k} - {et0}"
            if et is None:
                continue
            got = _add_input(cur, top, inst, len(js), et, "rtlopt_lock_")
            if got is None:
                continue
            cur, port = got
            done.add(tuple(js))
            # spelled as a self copy (the new port has no occurrence the source model knows yet): the
            # emitted right-hand side is then replaced by the port
            rels.append(regfunc.Relation(f"{inst}.{leaf}", len(js), 0, f"{inst}.{leaf}"))
            ports[leaf] = port
            descs.append(f"'{inst}.{leaf}' == {et}")
        if not rels:
            continue
        try:
            new = regfunc.emit(cur, top, rels)
        except Exception:  # noqa: BLE001 - a source shape the emitter does not know
            new = None
        if new is not None:
            new = _rhs_to_ports(cur, new, ports)
        if new is not None and wires:
            new = _declare_before_use(new, list(wires))
        if new is None:
            continue
        out.append((new, "; ".join(descs) + " (lock step, fed from outside the instance)"))
        if len(out) >= max_cands:
            break
    return out


def _rhs_to_ports(before: dict[Path, str], after: dict[Path, str], ports: dict[str, str]) -> dict[Path, str] | None:
    """In the one file :func:`regfunc.emit` changed, the new ``always @* R = ...;`` lines get the port
    of ``R`` as their right-hand side (exactly one new line per register), else None."""
    changed = [p for p in after if after[p] != before[p]]
    if len(changed) != 1:
        return None
    p = changed[0]
    text = after[p]
    for leaf, port in ports.items():
        pat = re.compile(rf"^([ \t]*always @\* {re.escape(leaf)} = )([^;\n]*);$", re.M)
        hits = [m for m in pat.finditer(text) if m.group(0) not in before[p]]
        if len(hits) != 1:
            return None
        m = hits[0]
        text = text[:m.start(2)] + port + text[m.end(2):]
    out = dict(after)
    out[p] = text
    return out


def _export_missing(texts: dict[Path, str], top: str, net: seqsim.GateNet, inst: str, flops: list[int],
                    topn: dict[int, list[tuple[str, int]]], wires: dict[str, list[int]]) -> dict[Path, str]:
    """``texts`` with the registers (of other child instances) holding ``flops`` that have no top-level
    name exported on new output ports (:mod:`rtlopt.semantic.crossinst`); ``topn``/``wires`` learn the
    new wires. Unchanged where a register cannot be exported (the caller then finds no expression)."""
    from rtlopt.semantic import crossinst

    scopes = _scope_regs(net)
    for j in flops:
        if j in topn:
            continue
        for inst2, rs in sorted(scopes.items()):
            if inst2 == inst:
                continue
            for leaf, js in sorted(rs.items()):
                if j not in js:
                    continue
                try:
                    got = crossinst.texts_with_export(texts, top, f"{inst2}.{leaf}")
                except Exception:  # noqa: BLE001 - a shape the exporter does not know
                    got = None
                if got is None:
                    continue
                texts, wire = got
                wires[wire] = list(js)
                for i, f in enumerate(js):
                    topn.setdefault(f, []).insert(0, (wire, i))
                break
            if j in topn:
                break
    return texts


def _declare_before_use(texts: dict[Path, str], wires: list[str]) -> dict[Path, str] | None:
    """An exported wire's declaration (one ``wire [..] name;`` line) moved ahead of the statement of
    its first use when a connection added later reads it earlier; None when that shape is not found."""
    out = dict(texts)
    for w in wires:
        hits = [(p, m) for p, t in out.items()
                for m in re.finditer(rf"^[ \t]*wire (?:\[[^\]\n]*\] )?{re.escape(w)};\n", t, re.M)]
        if len(hits) != 1:
            return None
        p, m = hits[0]
        t = out[p]
        use = re.search(rf"(?<![\w$]){re.escape(w)}(?![\w$])", t)
        if use is None or use.start() >= m.start():
            continue
        semi = t.rfind(";", 0, use.start())
        hdr = t.rfind(")", 0, use.start())  # an ANSI header ending in ');'
        at = t.find("\n", max(semi, hdr if semi < 0 else semi)) + 1
        if at <= 0 or at > use.start():
            return None
        line = m.group(0)
        t = t[:m.start()] + t[m.end():]
        out[p] = t[:at] + line + t[at:]
    return out
