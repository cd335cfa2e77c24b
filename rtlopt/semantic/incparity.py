"""XOR reductions over registers kept incrementally (a running parity over a delay line).

A 1-bit signal whose combinational cone is only XOR/XNOR/NOT over flip-flop outputs is the parity
``c ^ q1 ^ ... ^ qn`` of a set S of flip-flops. When every flip-flop of S loads ``x_j`` under one
common enable (else holds) and shares one reset (asynchronous, synchronous or both), the parity of the next state is the current parity
XOR the symmetric difference of {x_j} and {q_j}: the bits that enter and the bits that leave S (for
a shift register: the new word and the oldest word). When that difference is smaller than S, one
new register ``P`` (reset to the parity of the reset values, ``P <= P ^ <difference>`` under the
enable) replaces the reduction tree: ``signal = c ^ P``.

Finding is on the gate model of :mod:`rtlopt.semantic.seqsim` (names never matter; loops, generate
blocks, reductions and gate-level XOR chains look alike there). Emitting (in the module of the
signal's instance; one edit serves every instance): the one continuous
assignment of the signal (``assign s = ...;`` or ``wire s = ...;``) gets the register as its right
side, the register and its always block are declared just before it; the rest of the file is kept
byte for byte. The search loop proves (sequential equivalence from reset) and measures it.
"""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

from rtlopt.semantic import seqsim

RULE = "sequential_redundancy"
_LINEAR = {"$_XOR_", "$_XNOR_", "$_NOT_", "$_BUF_"}
#: Largest reduction looked at (flip-flops in S).
MAX_BITS = 512


def _parity_set(net: seqsim.GateNet, drv: dict, qset: set[int], s: int) -> tuple[int, frozenset[int]] | None:
    """(c, S) with ``s == c ^ XOR(q for q in S)``, or None when the cone is not linear over flops."""
    c = 0
    odd: set[int] = set()
    todo = [s]
    n = 0
    while todo:
        x = todo.pop()
        n += 1
        if n > 8 * MAX_BITS:
            return None
        if x in qset:
            odd ^= {x}
            continue
        if x in (0, 1):
            c ^= x
            continue
        g = drv.get(x)
        if g is None or g[0] not in _LINEAR:
            return None
        if g[0] in ("$_XNOR_", "$_NOT_"):
            c ^= 1
        todo.extend(g[2])
    return c, frozenset(odd)


def _sync_of(drv: dict, f: seqsim.Flop) -> tuple[tuple[int, int, int] | None, int]:
    """((select, active level, value) of a synchronous reset/clear, or None; the D under it): the D of
    ``if (r) q <= c; else ...`` is a mux with a constant on the side its select picks when active."""
    g = drv.get(f.d)
    if g is not None and g[0] == "$_MUX_":
        a, b, sel = g[2]
        if b in (0, 1) and a not in (0, 1) and a != f.q:
            return (sel, 1, b), a
        if a in (0, 1) and b not in (0, 1) and b != f.q:
            return (sel, 0, a), b
    return None, f.d


def _next_of(net: seqsim.GateNet, drv: dict, f: seqsim.Flop, d: int | None = None) -> tuple[int | None, int] | None:
    """(enable signal or None, loaded signal) of a flip-flop whose D is ``en ? x : q`` (or ``x``)."""
    d = f.d if d is None else d
    g = drv.get(d)
    if g is not None and g[0] == "$_MUX_" and g[2][0] == f.q:
        return g[2][2], g[2][1]
    if g is not None and g[0] == "$_MUX_" and g[2][1] == f.q:
        return None  # holds when the select is 1 (an active-low enable): not handled
    return None, d


def find(net: seqsim.GateNet) -> list[dict]:
    """Incremental-parity opportunities: [{'signal': name, 'c', 'S', 'en', 'delta', 'rst', ...}], one per
    name of a reduction: several names of one set all come back (the one the emitter can edit may be an
    alias, ``assign par = p;`` of a ``p`` computed in an ``always @*`` loop); the caller keeps one per set."""
    drv = {g[1]: g for g in net.gates}
    byq = {f.q: f for f in net.flops}
    qset = set(byq)
    out = []
    for name, bits in sorted(net.name_bits.items()):
        if len(bits) != 1 or bits[0] <= 1 or bits[0] in qset:
            continue
        got = _parity_set(net, drv, qset, bits[0])
        if got is None:
            continue
        c, S = got
        if len(S) < 4 or len(S) > MAX_BITS:
            continue
        fl = [byq[q] for q in S]
        rst = {(f.rst, f.rst_active) for f in fl}
        if len(rst) != 1:
            continue  # one asynchronous reset (or none) shared by all
        syn = [_sync_of(drv, f) for f in fl]
        skey = {(sy[0], sy[1]) if sy else None for sy, _d in syn}
        if len(skey) != 1:
            continue  # one synchronous reset (or none) shared by all
        sk = next(iter(skey))
        if sk is None:
            syn = [(None, f.d) for f in fl]
        if fl[0].rst is None and sk is None:
            continue  # nothing gives the new register a start value
        nx = [_next_of(net, drv, f, d) for f, (_sy, d) in zip(fl, syn, strict=True)]
        if any(x is None for x in nx) or len({e for e, _ in nx}) != 1:
            continue
        en = nx[0][0]
        delta: set[int] = set()
        for (_e, x), q in zip(nx, [f.q for f in fl], strict=True):
            delta ^= {x}
            delta ^= {q}
        dc = 0
        for x in list(delta):
            if x in (0, 1):
                dc ^= x
                delta.discard(x)
        if len(delta) >= len(S) or not delta:
            continue
        r0 = s0 = 0
        for f, (sy, _d) in zip(fl, syn, strict=True):
            r0 ^= f.rst_value
            s0 ^= sy[2] if sy else 0
        out.append({"signal": name, "c": c, "S": S, "en": en, "delta": sorted(delta), "dc": dc,
                    "rst": fl[0].rst, "rst_active": fl[0].rst_active, "rst_value": r0,
                    "sync": None if sk is None else (sk[0], sk[1], s0)})
    return out


def _strip(text: str) -> str:
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\])*\"", blank, text, flags=re.S)


def _bit_text(clean: str, name: str, i: int, width: int) -> str | None:
    """Source spelling of bit ``i`` (Yosys index, LSB 0) of ``name`` (``win[3]`` = an array element)."""
    if not re.fullmatch(r"[A-Za-z_][\w$]*(\[\d+\])*", name):
        return None
    base = name.split("[", 1)[0]
    if width == 1 and "[" not in name:
        m = re.search(rf"\[\s*(\d+)\s*:\s*(\d+)\s*\]\s*(?:[\w$]+\s*,\s*)*{re.escape(base)}\b(?!\s*\[)", clean)
        return name if m is None else None
    m = re.search(rf"\[\s*(\d+)\s*:\s*(\d+)\s*\]\s*(?:[\w$]+\s*(?:\[[^\]]*\])?\s*,\s*)*{re.escape(base)}\b", clean)
    if m is None:
        return None
    hi, lo = int(m.group(1)), int(m.group(2))
    if hi < lo or hi - lo + 1 != width:
        return None
    return f"{name}[{lo + i}]"


def _local(nm: str, scope: str) -> str | None:
    """``nm`` without the instance path ``scope`` ('' = top), or None when it lives elsewhere."""
    if scope:
        if not nm.startswith(scope + "."):
            return None
        nm = nm[len(scope) + 1:]
    return None if "." in nm else nm


def _sig_text(net: seqsim.GateNet, clean: str, s: int, prefer_flops: set[int], scope: str = "") -> str | None:
    """Source spelling of signal ``s`` with a name of the instance ``scope`` (its module's own name)."""
    for nm, i in sorted(net.names.get(s, []), key=lambda t: (t[0] not in net.inputs, t[0].count("."),
                                                         t[0] in net.outputs, len(net.name_bits[t[0]]), t[0])):
        loc = _local(nm, scope)
        if loc is None:
            continue
        bits = net.name_bits[nm]
        if s in prefer_flops and not all(b in prefer_flops for b in bits):
            continue  # a wire that merely carries the register bit (a flattened vector): use the register
        t = _bit_text(clean, loc, i, len(bits))
        if t is not None:
            return t
    return None


def _module_spans(clean: str) -> dict[str, tuple[int, int]]:
    out = {}
    for m in re.finditer(r"(?<![\w$])module\s+([A-Za-z_][\w$]*)", clean):
        em = re.compile(r"(?<![\w$])endmodule\b").search(clean, m.end())
        if em is not None:
            out.setdefault(m.group(1), (m.start(), em.start()))
    return out


def _scope_module(clean: str, spans: dict, top: str, scope: str) -> str | None:
    """The module of the instance path ``scope`` below ``top`` (instantiations read from the text)."""
    mod = top
    for inst in scope.split(".") if scope else []:
        if mod not in spans:
            return None
        s, e = spans[mod]
        got = [m.group(1) for m in re.finditer(
            rf"(?<![\w$.])([A-Za-z_][\w$]*)\s*(?:#\s*\((?:[^()]|\([^()]*\))*\)\s*)?{re.escape(inst)}\s*\(",
            clean[s:e]) if m.group(1) in spans]
        if len(got) != 1:
            return None
        mod = got[0]
    return mod if mod in spans else None


def _delta_terms(net: seqsim.GateNet, clean: str, delta: list[int], prefer_flops: set[int],
                 scope: str) -> list[str] | None:
    """Source terms whose XOR is the XOR of the signals ``delta``: whole words entering or leaving read
    as reductions (``^rx ^ ^win[3]``, not 16 single bits; their spelling needs no bit range, so words
    declared with parameters, ``reg [W-1:0] d [0:N-1]``, are spelled too), the other bits one by one.
    None when some bit has no spelling in the instance ``scope``."""
    left = set(delta)
    words = []
    for nm, bits in net.name_bits.items():
        loc = _local(nm, scope)
        if loc is None or len(bits) < 2 or len(set(bits)) != len(bits) or not set(bits) <= left:
            continue
        if any(b in prefer_flops for b in bits) and not all(b in prefer_flops for b in bits):
            continue  # a wire that merely carries some register bits: the registers are named instead
        base = loc.split("[", 1)[0]
        if not re.fullmatch(r"[A-Za-z_][\w$]*(\[\d+\])*", loc) or \
                not re.search(rf"(?<![\w$.]){re.escape(base)}\b", clean):
            continue
        words.append(((nm not in net.inputs, -len(bits), nm.count("."), nm in net.outputs, nm), loc, bits))
    word_of: dict[int, str] = {}
    for _k, loc, bits in sorted(words):
        if all(b not in word_of for b in bits):
            word_of.update((b, loc) for b in bits)
    out, done = [], set()
    for s in delta:
        w = word_of.get(s)
        if w is not None:
            if w not in done:
                done.add(w)
                out.append(f"(^{w})")
            continue
        t = _sig_text(net, clean, s, prefer_flops, scope)
        if t is None:
            return None
        out.append(t)
    return out


def emit(text: str, net: seqsim.GateNet, opp: dict, clk_edge: str, top: str) -> tuple[str, str] | None:
    """(new text, module edited) with the reduction of ``opp`` made incremental in its own module."""
    full = _strip(text)
    spans = _module_spans(full)
    scope, _, nm = opp["signal"].rpartition(".")
    mod = _scope_module(full, spans, top, scope)
    if mod is None or net.clock is None:
        return None
    ms, me = spans[mod]
    clean = " " * ms + full[ms:me]  # offsets kept, other modules blank
    drivers = list(re.finditer(rf"(?<![\w$.])(assign\s+{re.escape(nm)}\s*=|wire\s+{re.escape(nm)}\s*=)", clean))
    comb = port = None
    if not drivers:
        # a variable computed by a combinational block of its own (a loop in 'always @*'): the block
        # becomes 'always @* s = <register>;' (the variable stays a variable)
        comb = _comb_block(clean, nm)
        if comb is None:
            # a net driven by a child instance's output port (the reduction sits in a child that does
            # not see the bits entering): the connection is left open, the register drives the net
            port = _inst_out(clean, full, spans, mod, nm)
            if port is None:
                return None
    elif len(drivers) != 1:
        return None
    if port is not None:
        d_start = port[0]
    elif comb is None:
        d = drivers[0]
        end = clean.find(";", d.end())
        if end < 0:
            return None
        d_start, d_end = d.start(), d.end()
    else:
        d_start = comb[0]
    qs = {f.q for f in net.flops}
    red = _delta_terms(net, clean, opp["delta"], qs, scope)
    en = "1'b1" if opp["en"] is None else _sig_text(net, clean, opp["en"], qs, scope)
    rst = "" if opp["rst"] is None else _sig_text(net, clean, opp["rst"], qs, scope)
    srst = "" if opp["sync"] is None else _sig_text(net, clean, opp["sync"][0], qs, scope)
    clk = _sig_text(net, clean, net.inputs[net.clock][0], set(), scope) if net.clock in net.inputs else None
    if red is None or en is None or rst is None or srst is None or clk is None:
        return None
    reg = "rtlopt_par"
    k = 0
    while re.search(rf"\b{reg}{k}\b", text):
        k += 1
    reg = f"{reg}{k}"
    ls = text.rfind("\n", 0, d_start) + 1
    ind = re.match(r"[ \t]*", text[ls:]).group(0)
    edge = "negedge" if opp["rst_active"] == 0 else "posedge"
    cond = f"!{rst}" if opp["rst_active"] == 0 else rst
    arms = []
    if rst:
        arms.append(f"if ({cond}) {{reg}} <= 1'b{opp['rst_value']};")
    if srst:
        sc = f"!{srst}" if opp["sync"][1] == 0 else srst
        arms.append(f"if ({sc}) {{reg}} <= 1'b{opp['sync'][2]};")
    upd = " ^ ".join([reg] + red + (["1'b1"] if opp["dc"] else []))
    arms.append(f"{reg} <= {upd};" if opp["en"] is None else f"if ({en}) {reg} <= {upd};")
    sens = f"{clk_edge} {clk}" + (f" or {edge} {rst}" if rst else "")
    body = f"{ind}reg {reg};\n{ind}always @({sens})\n" + "".join(
        f"{ind}    {'else ' if i else ''}{a.replace('{reg}', reg)}\n" for i, a in enumerate(arms))
    rhs = f" ~{reg}" if opp["c"] else f" {reg}"
    if port is not None:
        opp["via_port"] = True
        var = re.search(rf"(?<![\w$])reg\b[^;]*(?<![\w$.]){re.escape(nm)}\b", clean[ms:me]) is not None
        drive = f"always @* {nm} ={rhs};" if var else f"assign {nm} ={rhs};"
        return text[:ls] + body + f"{ind}{drive}\n" + text[ls:port[1]] + port[3] + text[port[2]:], mod
    if comb is not None:
        return text[:ls] + body + text[ls:comb[0]] + f"always @* {nm} ={rhs};" + text[comb[1]:], mod
    return text[:ls] + body + text[ls:d_end] + rhs + text[end:], mod


_INST = re.compile(r"(?<![\w$.])([A-Za-z_][\w$]*)\s*(#\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)\s*)?"
                   r"([A-Za-z_][\w$]*)\s*\(((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)\s*;")


def _inst_out(clean: str, full: str, spans: dict, mod: str, nm: str) -> tuple[int, int, int, str] | None:
    """(statement start, edit start, edit end, replacement) that leaves open the one connection of
    ``mod`` through which a child instance's output port drives the net ``nm`` (``.p(nm)`` -> ``.p()``,
    ``.nm`` -> ``.nm()``, ``.*`` -> ``.*, .nm()``); None unless exactly one output port drives it.
    ``clean`` is the module's text (others blank), ``full`` every module's (the child's ports)."""
    ms, me = spans[mod]
    found = []
    for m in _INST.finditer(clean, ms, me):
        cm = m.group(1)
        if cm not in spans or cm == mod:
            continue
        cs, ce = spans[cm]
        body = full[cs:ce]
        conns = m.group(4)
        base = m.start(4)
        named = [(c.start(), c.end(), c.group(1)) for c in
                 re.finditer(rf"\.\s*([A-Za-z_][\w$]*)\s*\(\s*{re.escape(nm)}\s*\)", conns)]
        named += [(c.start(), c.end(), nm) for c in
                  re.finditer(rf"\.\s*{re.escape(nm)}\b(?!\s*\()", conns)]
        if not named and re.search(r"\.\s*\*", conns) and not re.search(rf"\.\s*{re.escape(nm)}\s*\(", conns):
            w = re.search(r"\.\s*\*", conns)
            named = [(w.start(), w.end(), "*")]
        for s, e, pn in named:
            pname = nm if pn == "*" else pn
            if not re.search(rf"(?<![\w$])output\b[^;)]*?(?<![\w$.]){re.escape(pname)}\b(?!\s*\()", body):
                continue
            rep = f".*, .{nm}()" if pn == "*" else f".{pname}()"
            found.append((m.start(), base + s, base + e, rep))
    return found[0] if len(found) == 1 else None


_COMB = re.compile(r"(?<![\w$])(?:always_comb\b|always\s*@\s*(?:\*|\(\s*\*\s*\)))")


def _comb_block(clean: str, nm: str) -> tuple[int, int] | None:
    """(start, end) of the one combinational always block that writes ``nm``, when it writes nothing
    else but loop counters (``integer`` variables) and nothing else in the module writes ``nm``."""
    ints = set()
    for m in re.finditer(r"(?<![\w$])(?:integer|genvar)\s+([^;]*);", clean):
        ints |= set(re.findall(r"[A-Za-z_][\w$]*", m.group(1)))
    found = []
    for m in _COMB.finditer(clean):
        i = len(clean) - len(clean[m.end():].lstrip())
        if re.match(r"begin\b", clean[i:]):
            depth, e = 0, None
            for t in re.finditer(r"(?<![\w$])(begin|end)(?![\w$])", clean[i:]):
                depth += 1 if t.group(1) == "begin" else -1
                if depth == 0:
                    e = i + t.end()
                    break
            if e is None:
                return None
        else:
            e = clean.find(";", i)
            if e < 0:
                return None
            e += 1
        writes = set(re.findall(r"([A-Za-z_][\w$]*)\s*(?:\[[^\]]*\]\s*)*=(?!=)", clean[i:e]))
        if nm in writes:
            if writes - ints - {nm}:
                return None  # the block computes other variables too
            found.append((m.start(), e))
    if len(found) != 1:
        return None
    rest = clean[:found[0][0]] + clean[found[0][1]:]
    if re.search(rf"(?<![\w$.]){re.escape(nm)}\s*(?:\[[^\]]*\]\s*)*<?=(?!=)", rest):
        return None  # written elsewhere too
    return found[0]


_CACHE: dict[str, list] = {}


def shared_net(texts: dict[Path, str], top: str, key: str, timeout_s: float) -> seqsim.GateNet | None:
    """The seqredundancy generator's netlist of the same texts (``key``), else one loaded; None when
    the design is outside the model."""
    from rtlopt.semantic import seqred

    net = getattr(seqred._CACHE.get(key), "net", None)
    if net is None:
        try:
            net = seqsim.load_texts(texts, top, timeout=timeout_s)
        except Exception:  # noqa: BLE001 - outside the model: no candidates
            net = None
    return net


def clk_edge(net: seqsim.GateNet, clean: str) -> str:
    """'negedge' when the text clocks on the falling edge of the netlist's clock only."""
    c = re.escape(net.clock or "?")
    return "negedge" if re.search(rf"negedge\s+{c}\b", clean) and not re.search(rf"posedge\s+{c}\b", clean) \
        else "posedge"


def run_generator(state, produce, label: str, hint: str, need: str | None = None) -> list:
    """A search-loop generator over ``produce(texts, top, timeout_s)``: sequential texts only (and ones
    matching ``need`` when given), never longer than 30 s or the round's time, an analysis bug = none."""
    from rtlopt.engine.candidate import one_file_candidates

    texts = dict(state.texts)
    if not any(re.search(r"\b(posedge|negedge)\b", t) for t in texts.values()):
        return []
    if need is not None and not any(re.search(need, _strip(t)) for t in texts.values()):
        return []
    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    try:
        got = produce(texts, state.design.top, timeout_s=max(2.0, min(30.0, left)))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    return one_file_candidates(texts, got, RULE, label, hint)


def texts_key(texts: dict[Path, str], top: str) -> str:
    """The memo key of a design's texts and top (the seqredundancy generator's netlist cache uses it)."""
    return hashlib.sha256(repr((top, sorted((str(p), t) for p, t in texts.items()))).encode()).hexdigest()


def top_file(texts: dict[Path, str], top: str) -> Path | None:
    """The one ASCII file declaring ``top`` (the file the edits go to), or None."""
    hits = [p for p, t in texts.items() if re.search(rf"(?<![\w$])module\s+{re.escape(top)}\b", _strip(t))]
    return hits[0] if len(hits) == 1 and texts[hits[0]].isascii() else None


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 30.0) -> list[tuple[dict, str]]:
    key = texts_key(texts, top)
    if key in _CACHE:
        return _CACHE[key]
    out: list[tuple[dict, str]] = []
    p = top_file(texts, top)
    if p is not None:
        t = texts[p]
        net = shared_net(texts, top, key, timeout_s)
        if net is not None:
            edge = clk_edge(net, _strip(t))
            per_mod: dict[tuple[str, str], set] = {}
            opps: dict[tuple[str, str], dict] = {}
            done: set = set()  # (instance scope, set): one edit per reduction, from its first editable name
            clean_t = _strip(t)

            def alias(o):  # 'assign s = w;' copies another name: the edit goes where w is computed
                nm = re.escape(o["signal"].rpartition(".")[2])
                return re.search(rf"(?<![\w$.])(?:assign|wire)\s+{nm}\s*=\s*[A-Za-z_][\w$]*\s*"
                                 rf"(?:\[\s*\d+\s*\]\s*)?;", clean_t) is not None

            # an edit of an alias or a parent's edit leaving a child's output open (the port edit
            # before the alias) only for sets no scope edits in place (a child's own edit serves
            # every instance of it)
            ported: list = []
            for first in sorted(find(net), key=alias) + [None]:
                later = sorted((o for o in ported if o["S"] not in {k[1] for k in done}), key=alias)
                for opp in later if first is None else [first]:
                    sk = (opp["signal"].rpartition(".")[0], opp["S"])
                    if sk in done:
                        continue
                    got = emit(t, net, opp, edge, top)
                    if got is None or got[0] == t:
                        continue
                    if (opp.get("via_port") or alias(opp)) and opp not in ported:
                        ported.append(opp)
                        continue
                    done.add(sk)
                    k2 = (got[1], opp["signal"].rpartition(".")[2])
                    per_mod.setdefault(k2, set()).add(got[0])
                    opps.setdefault(k2, opp)
            for k2, news in per_mod.items():
                if len(news) != 1:
                    continue  # the instances of one module need different edits: not one source edit
                new, opp = next(iter(news)), opps[k2]
                nt = dict(texts)
                nt[p] = new
                out.append((nt, f"'{opp['signal']}' (parity of {len(opp['S'])} register bits) kept "
                                f"incrementally: {len(opp['delta'])} bits enter/leave per cycle"))
    if len(_CACHE) > 32:
        _CACHE.clear()
    _CACHE[key] = out
    return out


def incparity_candidates(state) -> list:
    """Search-loop generator: XOR reductions over registers kept as one incrementally updated register."""
    return run_generator(state, candidates_for, "incremental parity", "incparity", need=r"\^|\bx(?:n)?or\b")
