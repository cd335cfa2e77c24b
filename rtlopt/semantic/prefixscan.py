"""Reductions over nested prefixes or suffixes of one vector computed as one scan.

``b[i] = ^(g >> i)`` for every ``i`` (Gray to binary), ``b[i] = |g[i:0]`` (a thermometer of the lowest
set bit), ``b[i] = &g[W-1:i]`` ...: every bit of a word ``b`` is the XOR / OR / AND of a prefix
``g[i:0]`` or a suffix ``g[W-1:i]`` of one word ``g`` of the same width. Written bit by bit (shift or
part-select reductions in a generate loop, per-bit expressions, a loop with an accumulator per bit)
each reduction is its own tree; the scan ``b[i] = b[i+1] ^ g[i]`` (or a log-depth Hillis-Steele scan)
shares the partial results.

Found by values, in any spelling: each module is elaborated (:mod:`rtlopt.semantic.netlist`); for a
named non-input word ``b`` and a named word ``g`` of the same width cutting ``b``'s cone, the cone's
values on the zero / all-ones / unit / co-unit vectors give each bit's support under XOR, OR and AND;
the fit is checked on random vectors and kept when the supports are the prefixes or the suffixes.
Emitting: the continuous assignments driving ``b`` (or the one combinational block writing only
``b``) are cut and the scan is declared before ``endmodule``, parametric in ``$bits(g)`` so every
instance's width is served. Both scans are offered; the search measures and proves each.
"""

from __future__ import annotations

import re
import time

import numpy as np

from rtlopt.semantic._guard import generator_deadline, never_raises

RULE = "prefix_scan_sharing"
BUDGET_S = 15.0
MAX_W = 64
_OPS = {"xor": "^", "or": "|", "and": "&"}


def _support_fit(nl, b, g, rng) -> tuple[str, list[set]] | None:
    """``(op, supports)`` when every bit of word ``b`` is op-reduction of a subset of word ``g``'s bits."""
    from rtlopt.semantic.countcmp import _cut_cone
    ib = list(b.bits)
    cells, bnd = _cut_cone(nl, ib, set(g.bits))
    if not cells or not bnd <= set(g.bits):
        return None
    w = g.width
    full = (1 << w) - 1
    units = [1 << j for j in range(w)]
    rand = [int(x) for x in rng.integers(0, 1 << 62, size=96, dtype=np.int64)]
    rand = [(r ^ (r << 31)) & full for r in rand]
    vecs = [0, full] + units + [full ^ u for u in units] + rand
    inputs = {bit: np.array([bool((v >> k) & 1) for v in vecs]) for k, bit in enumerate(g.bits)}
    try:
        vals = nl.simulate_cells(cells, inputs, len(vecs))
    except Exception:  # noqa: BLE001 - an unsupported cell
        return None
    if any(bit not in vals for bit in ib):
        return None
    out = [np.asarray(vals[bit], dtype=bool) for bit in ib]
    nb = len(ib)
    for op in ("xor", "or", "and"):
        if op == "and":
            if not all(o[1] for o in out):
                continue
            sup = [{j for j in range(w) if not o[2 + w + j]} for o in out]
        else:
            if any(o[0] for o in out):
                continue
            sup = [{j for j in range(w) if o[2 + j]} for o in out]
        ok = True
        for t, v in enumerate(vecs):
            xs = {j for j in range(w) if (v >> j) & 1}
            for i in range(nb):
                s = sup[i]
                want = (len(s & xs) % 2 == 1) if op == "xor" else bool(s & xs) if op == "or" else s <= xs
                if bool(out[i][t]) != want:
                    ok = False
                    break
            if not ok:
                break
        if ok:
            return op, sup
    return None


def scans(nl) -> list[tuple[str, str, str, str]]:
    """``[(b name, g name, op, "prefix"|"suffix")]`` for the module's words that are nested reductions."""
    rng = np.random.default_rng(11)
    found = []
    named = [n for n in nl.nets.values() if not n.hidden and "." not in n.name and not n.name.startswith("$")
             and not n.upto and n.offset == 0]
    seen: set = set()
    for b in sorted(named, key=lambda n: n.port is not None):  # (of two names of one word the inner one)
        if tuple(b.bits) in seen:
            continue
        seen.add(tuple(b.bits))
        if b.port == "input" or not 3 <= b.width <= MAX_W or not all(isinstance(x, int) for x in b.bits):
            continue
        if not any(x in nl.driver for x in b.bits):
            continue
        cone, bnd = nl.cone_bits(nl.fanin_cells(list(b.bits)))
        for g in named:
            if g is b or g.width != b.width or not all(isinstance(x, int) for x in g.bits):
                continue
            if not set(g.bits) & (cone | bnd) or not all(x in nl.driver or x in g.bits for x in b.bits):
                continue
            fit = _support_fit(nl, b, g, rng)
            if fit is None:
                continue
            op, sup = fit
            w = b.width
            if all(sup[i] == set(range(i, w)) for i in range(w)):
                found.append((b.name, g.name, op, "suffix"))
            elif all(sup[i] == set(range(i + 1)) for i in range(w)):
                found.append((b.name, g.name, op, "prefix"))
            break
    return found


def scan_text(b: str, g: str, op: str, kind: str, style: str, tag: str, ind: str = "    ") -> str:
    """Declarations computing ``tag`` (a wire as wide as ``g``) as the scan of ``g``, then ``b``'s driver."""
    o = _OPS[op]
    n = f"$bits({g})"
    k = f"{tag}_k"
    if style == "ripple":
        nxt, end = (f"{k} + 1", f"{n} - 1") if kind == "suffix" else (f"{k} - 1", "0")
        body = (f"{ind}wire [{n}-1:0] {tag};\n{ind}genvar {k};\n"
                f"{ind}generate for ({k} = 0; {k} < {n}; {k} = {k} + 1) begin : {tag}_g\n"
                f"{ind}    if ({k} == {end}) begin : e\n{ind}        assign {tag}[{k}] = {g}[{k}];\n"
                f"{ind}    end else begin : s\n{ind}        assign {tag}[{k}] = {tag}[{nxt}] {o} {g}[{k}];\n"
                f"{ind}    end\n{ind}end endgenerate\n")
        return body
    sh = ">>" if kind == "suffix" else "<<"
    lv = f"$clog2({n})"
    step = (f"{tag}_s[{k}] {o} ({tag}_s[{k}] {sh} (1 << {k}))" if op != "and" else
            f"{tag}_s[{k}] & ~((~{tag}_s[{k}]) {sh} (1 << {k}))")
    return (f"{ind}wire [{n}-1:0] {tag};\n{ind}wire [{n}-1:0] {tag}_s [0:{lv}];\n{ind}genvar {k};\n"
            f"{ind}assign {tag}_s[0] = {g};\n"
            f"{ind}generate for ({k} = 0; {k} < {lv}; {k} = {k} + 1) begin : {tag}_g\n"
            f"{ind}    assign {tag}_s[{k} + 1] = {step};\n{ind}end endgenerate\n"
            f"{ind}assign {tag} = {tag}_s[{lv}];\n")


def _drivers(an, mod_node, b: str):
    """``(edits removing b's drivers, procedural)`` or None: the continuous assignments whose every left
    side is ``b`` (whole or selected) and a net declaration's initializer, or the one combinational
    always block writing only ``b``."""
    from rtlopt.hdl.edit import Edit
    from rtlopt.semantic.emit import _walk
    from rtlopt.templates._expr import kind_name
    pat = re.compile(rf"^\s*\{{?\s*{re.escape(b)}\b")
    edits, proc = [], False
    for n in _walk(mod_node):
        k = kind_name(n)
        if k == "ContinuousAssign":
            lhs = [str(a.left) for a in n.assignments]
            hit = [bool(pat.match(x)) and not re.search(r",", x) for x in lhs]
            if any(hit):
                if not all(hit):
                    return None
                s, e = an.span(n)
                edits.append(Edit(s, e, ""))
        elif k == "NetDeclaration":  # wire [..] b = expr; (a continuous assignment too)
            for d in n.declarators:
                if d.name.valueText == b and d.initializer is not None:
                    s, e = an.span(d.initializer)
                    while s > 0 and an.text[s - 1] in " \t":
                        s -= 1
                    edits.append(Edit(s, e, ""))
        elif k in ("AlwaysBlock", "AlwaysCombBlock"):
            txt = str(n)
            if "edge" in txt.split("begin", 1)[0]:
                continue
            writes = set(re.findall(r"(?:^|[;\s])([A-Za-z_]\w*)\s*(?:\[[^;=]*\])?\s*(?:<=|=(?!=))", txt))
            if b not in writes:
                continue
            local = set(re.findall(r"\b(?:integer|int|genvar|automatic\s+int)\s+([A-Za-z_]\w*)", txt))
            local |= set(re.findall(r"for\s*\(\s*(?:int\s+|integer\s+)?([A-Za-z_]\w*)", txt))
            if writes - local - {b}:
                return None
            s, e = an.span(n)
            kw = "always_comb" if k == "AlwaysCombBlock" else "always @*"
            edits.append(Edit(s, e, f"{kw} {b} = @@SCAN@@;"))
            proc = True
        elif k == "HierarchyInstantiation":
            got = _instance_outputs(an, n, b, pat)
            if got is None:
                return None
            edits += got
    if not edits or (proc and len(edits) != 1):
        return None
    return edits, proc


def _port_dirs(an, mod: str) -> list[tuple[str, str]] | None:
    """``[(port, direction)]`` of the ANSI port list of module ``mod`` of this file (None: unknown)."""
    from rtlopt.semantic.emit import _walk
    from rtlopt.templates._expr import kind_name
    for n in _walk(an.tree.root):
        if kind_name(n) == "ModuleDeclaration" and n.header.name.valueText == mod:
            ports = getattr(n.header, "ports", None)
            if ports is None or kind_name(ports) != "AnsiPortList":
                return None
            out = []
            for pp in ports.ports:
                if kind_name(pp) == "ImplicitAnsiPort":
                    out.append((pp.declarator.name.valueText, str(getattr(pp.header, "direction", "")).strip()))
                elif hasattr(pp, "kind") and kind_name(pp) not in ("Comma",):
                    return None
            # (a port without its own direction keeps the one before it)
            for i, (nm, d) in enumerate(out):
                if not d and i:
                    out[i] = (nm, out[i - 1][1])
            return out
    return None


def _instance_outputs(an, inst, b: str, pat) -> list | None:
    """Edits leaving unconnected the output ports of ``inst`` that drive ``b`` (an instance computing a bit
    of ``b``: the instance is then dead logic); ``[]`` when it only reads ``b``; None when unsure."""
    from rtlopt.hdl.edit import Edit
    from rtlopt.templates._expr import kind_name
    word = re.compile(rf"\b{re.escape(b)}\b")
    if not word.search(str(inst)) and "*" not in str(inst):
        return []
    dirs = _port_dirs(an, inst.type.valueText)
    if dirs is None:
        return None
    by_name = dict(dirs)
    edits = []
    for hi in inst.instances:
        if kind_name(hi) != "HierarchicalInstance":
            continue
        pos = 0
        for c in hi.connections:
            kc = kind_name(c)
            if kc == "WildcardPortConnection":
                if by_name.get(b, "input") != "input":
                    return None
                continue
            if kc not in ("NamedPortConnection", "OrderedPortConnection"):
                continue
            d = by_name.get(c.name.valueText) if kc == "NamedPortConnection" else (
                dirs[pos][1] if pos < len(dirs) else None)
            pos += 1
            ex = getattr(c, "expr", None)
            et = str(ex) if ex is not None else ""
            if not word.search(et):
                continue
            if d == "input":
                continue
            if d != "output" or not pat.match(et) or "," in et:
                return None
            s, e = an.span(ex)
            edits.append(Edit(s, e, ""))
    return edits


def rewrites(text: str, path: str, nls: dict) -> list[tuple[str, str]]:
    from rtlopt.hdl.edit import Edit, OverlappingEdits, apply_edits
    from rtlopt.semantic.emit import _walk
    from rtlopt.templates._expr import kind_name
    from rtlopt.templates._sem import analyze, parses_cleanly
    an = analyze(text, path)
    if an.syntax_errors:
        return []
    out, ripple = [], []
    for mod_node in _walk(an.tree.root):
        if kind_name(mod_node) != "ModuleDeclaration":
            continue
        name = mod_node.header.name.valueText
        nl = nls.get(name)
        if nl is None:
            continue
        for b, g, op, kind in scans(nl):
            drv = _drivers(an, mod_node, b)
            if drv is None:
                continue
            edits, proc = drv
            tag = f"rtlopt_ps_{b}"
            if re.search(rf"\b{tag}\b", text):
                continue
            s, e = an.span(mod_node)
            at = text.rfind("endmodule", s, e)
            if at < 0:
                continue
            for style in ("ripple", "logdepth"):
                body = scan_text(b, g, op, kind, style, tag)
                if proc:  # (the scan declared in front of the block that reads it)
                    es = [Edit(x.start, x.end, body.lstrip() + "    " + x.replacement.replace("@@SCAN@@", tag))
                          for x in edits]
                else:
                    es = edits + [Edit(at, at, body + f"    assign {b} = {tag};\n")]
                desc = f"{name}.{b}: {op} reductions over the {kind}es of {g} as a {style} scan"
                if style == "ripple":
                    ripple.append((es, desc))
                try:
                    new = apply_edits(text, es)
                except (OverlappingEdits, ValueError):
                    continue
                if parses_cleanly(new, an.errors):
                    out.append((new, desc))
    if len(ripple) > 1:  # every word of the file at once (one round instead of one per word)
        try:
            new = apply_edits(text, [e for es, _d in ripple for e in es])
        except (OverlappingEdits, ValueError):
            new = None
        if new is not None and parses_cleanly(new, an.errors):
            out.append((new, "; ".join(d for _e, d in ripple)))
    return out


def prefixscan_candidates(state) -> list:
    """Search-loop generator (never raises)."""
    return never_raises(_candidates)(state)


def _candidates(state) -> list:
    from rtlopt.engine.candidate import one_file_candidates
    from rtlopt.semantic.selcompose import netlists
    deadline = generator_deadline(state, BUDGET_S)
    mods: dict = {}
    for p, t in state.texts.items():
        # (a cheap filter: a file with a reduction or an XOR somewhere -- maybe in a module instantiated
        # per bit by another)
        if re.search(r"\^|(?<![\w)\]])[|&]\s*[\w(]", t):
            mods[p] = re.findall(r"\bmodule\s+([A-Za-z_]\w*)", t)
    if not mods:
        return []
    nls = netlists(state, sorted({m for ms in mods.values() for m in ms}), deadline)
    got = []
    for p in mods:
        if time.monotonic() > deadline:
            break
        for new, desc in rewrites(state.texts[p], str(p), nls):
            got.append(({**state.texts, p: new}, desc))
    return one_file_candidates(state.texts, got, RULE, "prefix scan", "prefixscan")


__all__ = ["prefixscan_candidates", "rewrites", "scan_text", "scans"]
