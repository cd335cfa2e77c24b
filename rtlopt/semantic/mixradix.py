"""A linear address ``r*C + c`` split again by ``/ C`` and ``% C``: read ``r`` and ``c`` instead.

A raster scanner exports the linear cell address ``addr = row*COLS + col`` from its own column and row
counters; a consumer (the same module or a sibling instance) recovers ``addr / COLS`` and
``addr % COLS``. ``(r*C + c) / C == r`` and ``(r*C + c) % C == c`` whenever ``0 <= c < C`` and
``r*C + c`` does not overflow the address width: the bound on ``c`` is a reachable-state invariant of
the producer's counter (it wraps at ``C - 1``). The divider and the modulo then disappear.

Found by syntax (names never matter): a continuous or procedural assignment ``X = R*C + K`` (any
operand order) with ``R`` and ``K`` plain names. In the same module, ``X / C`` and ``X % C`` become
``R`` and ``K``. Across modules: ``X`` is an output port of module ``M``, instantiated once, whose
net ``N`` feeds (named or ``.*`` connections) the input port ``Y`` of the one instance of a sibling
module ``Q`` that divides ``Y / C2`` or ``Y % C2``, where ``C`` and ``C2`` have the same value at the
two instances (elaborated parameter values: overrides or defaults, integer literals only). ``M``
gets output ports ``X__mrq``/``X__mrr`` (``R`` and ``K``, typed like ``X``), ``Q`` input ports
``Y__mrq``/``Y__mrr`` (typed like ``Y``) replacing the quotient and remainder, and the parent nets
``N__mrq``/``N__mrr`` (ranged like ``N``) between them. Nothing is trusted: the verifier proves every
candidate from reset (a ``c`` that can reach ``C`` is refuted).
"""

from __future__ import annotations

import re
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic.reencode import _close_paren as _close

RULE = "mixed_radix_split"
_ID = r"[A-Za-z_][\w$]*"
_OP = rf"(?:{_ID}|\d+)"
# the characters that may precede ``Y / C`` without binding tighter than the division
_LEFT_OK = set("=(,?:{+[<>;")


def _strip(t: str) -> str:
    """Comments blanked (offsets kept)."""
    t = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), t, flags=re.S)
    return re.sub(r"//[^\n]*", lambda m: " " * len(m.group(0)), t)


def _modules(text: str) -> dict[str, tuple[int, int]]:
    out = {}
    for m in re.finditer(rf"\bmodule\s+({_ID})", text):
        e = text.find("endmodule", m.end())
        if e > 0:
            out[m.group(1)] = (m.start(), e)
    return out


def _header_end(text: str, s: int) -> int:
    """Index just past the ``;`` ending the header of the module starting at ``s`` (-1 if not found)."""
    m = re.compile(rf"module\s+{_ID}\s*").match(text, s)
    if not m:
        return -1
    i = m.end()
    if text.startswith("#", i):
        p = text.find("(", i)
        i = _close(text, p)
        if i < 0:
            return -1
    while i < len(text) and text[i].isspace():
        i += 1
    if i < len(text) and text[i] == "(":
        i = _close(text, i)
        if i < 0:
            return -1
    e = text.find(";", i)
    return e + 1 if e >= 0 else -1


def _linear(expr: str) -> list[tuple[str, str, str]]:
    """(R, C, K) of ``R*C + K`` in any operand order (R, K names; C a name or a decimal); both readings
    when both factors are names."""
    e = expr.strip()
    while e.startswith("(") and _close(e, 0) == len(e):
        e = e[1:-1].strip()
    m = re.fullmatch(rf"\(?\s*({_OP})\s*\*\s*({_OP})\s*\)?\s*\+\s*({_ID})", e) or None
    if m:
        a, b, k = m.groups()
    else:
        m = re.fullmatch(rf"({_ID})\s*\+\s*\(?\s*({_OP})\s*\*\s*({_OP})\s*\)?", e)
        if not m:
            return []
        k, a, b = m.groups()
    return [(r, c, k) for r, c in ((a, b), (b, a)) if re.fullmatch(_ID, r) and r != k and c != k]


def _sources(body: str) -> list[tuple[str, str, str, str]]:
    """(X, R, C, K) of ``assign X = R*C + K;`` / ``X = R*C + K;`` in a module body; the product may be a
    name assigned once elsewhere (``base = R*C; X = base + K;``)."""
    out = []
    found = [m for m in re.finditer(rf"(?:\bassign\s+)?(?<![\w$.])({_ID})\s*=(?!=)([^;]*);", body)
             if body[max(0, m.start() - 1)] not in "<>!="]
    defs: dict[str, list[str]] = {}
    for m in found:
        defs.setdefault(m.group(1), []).append(m.group(2).strip())
    prods = {n: v[0] for n, v in defs.items() if len(v) == 1 and re.fullmatch(rf"\(?\s*{_OP}\s*\*\s*{_OP}\s*\)?", v[0])}
    for m in found:
        rhs = m.group(2)
        sm = re.fullmatch(rf"\s*({_ID})\s*\+\s*({_ID})\s*", rhs)
        if sm and (sm.group(1) in prods) != (sm.group(2) in prods):
            a, b = sm.groups()
            rhs = f"({prods[a]}) + {b}" if a in prods else f"{a} + ({prods[b]})"
        for lin in _linear(rhs):
            x = (m.group(1), *lin)
            if m.group(1) not in lin and x not in out:
                out.append(x)
    return out


def _divs(text: str, s: int, e: int, y: str, c: str) -> list[tuple[int, int, str]]:
    """(start, end, '/' or '%') of every ``y / c`` and ``y % c`` in ``text[s:e]`` whose left neighbour does
    not bind tighter than the division and whose right one is not ``**`` / ``[``."""
    out = []
    pat = re.compile(rf"(?<![\w$.']){re.escape(y)}\s*([/%])\s*{re.escape(c)}(?![\w$])")
    for m in pat.finditer(text, s, e):
        j = m.start() - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        if j < 0 or text[j] not in _LEFT_OK:
            continue
        k = m.end()
        while k < len(text) and text[k].isspace():
            k += 1
        if text[k:k + 1] in ("*", "[", "'") or (text[k:k + 1] == "/" and text[k + 1:k + 2] != "/"):
            continue
        out.append((m.start(), m.end(), m.group(1)))
    return out


def _param(text: str, s: int, e: int, name: str, override: str, parent: tuple[int, int] | None = None) -> int | None:
    """The value of parameter ``name`` of the module ``text[s:e]`` at an instance with parameter
    overrides ``override`` (named only; a decimal literal, or a parameter of the ``parent`` span at its
    default), or of a decimal literal ``name``."""
    if name.isdigit():
        return int(name)
    m = re.search(rf"\.{re.escape(name)}\s*\(\s*(\d+)\s*\)", override)
    if m:
        return int(m.group(1))
    m = re.search(rf"\.{re.escape(name)}\s*\(\s*({_ID})\s*\)", override)
    if m and parent is not None:
        return _param(text, *parent, m.group(1), "")
    if re.search(rf"\.{re.escape(name)}\s*\(", override) or (override.strip() and "." not in override):
        return None
    m = re.search(rf"\b(?:parameter|localparam)\b[^;=]*?\b{re.escape(name)}\s*=\s*(\d+)\s*[,;)]", text[s:e])
    return int(m.group(1)) if m else None


def _instances(text: str, s: int, e: int, mod: str) -> list[tuple[int, int, str, str, str]]:
    """(start of the connection list's inside, its end, parameter override text, instance name, connection
    text) of every instance of ``mod`` in ``text[s:e]``."""
    out = []
    for m in re.finditer(rf"(?<![\w$.]){re.escape(mod)}\s*(#\s*\()?", text[:e]):
        if m.start() < s:
            continue
        i, ov = m.end(), ""
        if m.group(1):
            j = _close(text, m.end() - 1)
            if j < 0:
                continue
            ov, i = text[m.end():j - 1], j
        n = re.compile(rf"\s*({_ID})\s*\(").match(text, i)
        if not n:
            continue
        j = _close(text, n.end() - 1)
        if j < 0 or not re.match(r"\s*;", text[j:]):
            continue
        out.append((n.end(), j - 1, ov, n.group(1), text[n.end():j - 1]))
    return out


def _net(conns: str, port: str) -> str | None:
    m = re.search(rf"\.{re.escape(port)}\s*\(\s*({_ID})\s*\)", conns)
    if m:
        return m.group(1)
    if re.search(r"\.\s*\*", conns) and not re.search(rf"\.{re.escape(port)}\b", conns):
        return port
    return None


def _decl(text: str, s: int, e: int, name: str, direction: str | None) -> tuple[str, str, int] | None:
    """(type text, range text, end of the name) of the declaration of ``name`` in ``text[s:e]`` (a port
    of ``direction``, or any net/variable when ``None``)."""
    kinds = direction if direction else r"(?:input|output|inout|wire|logic|reg|var)"
    pat = re.compile(rf"\b({kinds}\b[^;(){{}},=]*?)((?:{_ID}\s*,\s*)*){re.escape(name)}\b(?!\s*[\[(])")
    for m in pat.finditer(_strip(text), s, e):
        head = m.group(1)
        rng = re.search(r"\[[^\]]*\]", head)
        return head.strip(), rng.group(0) if rng else "", m.end()
    return None


def _same_module(text: str, mods: dict) -> list[tuple[str, str]]:
    out = []
    st = _strip(text)
    for mod, (s, e) in mods.items():
        edits, what = [], []
        for x, r, c, k in _sources(st[s:e]):
            for a, b, op in _divs(st, s, e, x, c):
                edits.append(Edit(a, b, f"({r if op == '/' else k})"))
                what.append(f"{x} {op} {c} -> {r if op == '/' else k}")
        if edits:
            try:
                out.append((apply_edits(text, edits), f"{mod}: {', '.join(what)} (the linear address "
                                                       f"split again)"))
            except ValueError:
                continue
    return out


def _all_insts(st: str, mods: dict, mod: str) -> list[tuple[str, tuple]]:
    """(parent module, instance) of every instance of ``mod`` in the file."""
    return [(p, i) for p in mods if p != mod for i in _instances(st, *mods[p], mod)]


def _producers(text: str, st: str, mods: dict):
    """(module, its span, header end, its instances, X, R, C, K) of every ``X = R*C + K`` whose ``X`` is an
    output port declared in the module's (ANSI) header, the module instantiated in the file."""
    for mod, (ms, me) in mods.items():
        mh = _header_end(st, ms)
        minsts = _all_insts(st, mods, mod)
        if mh < 0 or not minsts:
            continue
        for x, r, c, k in _sources(st[mh:me]):
            if _decl(text, ms, mh, x, "output") is not None:
                yield mod, ms, me, mh, minsts, x, r, c, k


def _cross_module(text: str, mods: dict, sv: bool) -> list[tuple[str, str]]:
    """Every instance of a consumer module ``Q`` that divides its input ``Y`` by ``C2`` must be fed, in
    its parent, by one instance of the producer ``M`` (its output ``X = R*C + K``) with ``C == C2`` at
    the two instances: then ``M`` exports ``R`` and ``K``, ``Q`` reads them, every pair is wired."""
    out = []
    st = _strip(text)
    for mod, ms, me, mh, minsts, x, r, c, k in _producers(text, st, mods):
        for qmod, (qs, qe) in mods.items():
            qh = _header_end(st, qs)
            qinsts = _all_insts(st, mods, qmod)
            if qmod == mod or qh < 0 or not qinsts:
                continue
            for y, c2 in sorted(set(re.findall(rf"(?<![\w$.'])({_ID})\s*[/%]\s*({_OP})\b", st[qh:qe]))):
                if _decl(text, qs, qh, y, "input") is None:
                    continue
                pairs, vals = [], set()
                for qp, qi in qinsts:
                    net = _net(qi[4], y)
                    feed = [mi for mp, mi in minsts if mp == qp and net and _net(mi[4], x) == net]
                    if len(feed) != 1:
                        break
                    cv = _param(st, ms, me, c, feed[0][2], mods[qp])
                    if cv is None or cv != _param(st, qs, qe, c2, qi[2], mods[qp]):
                        break
                    vals.add(cv)
                    pairs.append((qp, feed[0], qi, net))
                else:
                    new = _rewire(text, st, mods, (mod, ms, mh, minsts), (qmod, qs, qh), pairs, x, r, k, y,
                                  _divs(st, qh, qe, y, c2))
                    if new is not None:
                        vs = "/".join(str(v) for v in sorted(vals))
                        out.append((new, f"{qmod}: {y} / {c2} and {y} % {c2} read as {mod}'s {r} and {k} "
                                         f"({x} = {r}*{c} + {k}, {c} = {vs} at {len(pairs)} instance "
                                         f"pair(s))"))
    return out


def _ports_close(st: str, s: int) -> int | None:
    """Offset of the ``)`` closing the port list of the module starting at ``s``."""
    h = _header_end(st, s)
    if h < 0:
        return None
    cp = st.rfind(")", s, h)
    return cp if cp > s else None


def _stmt_start(text: str, at: int) -> int:
    """The start of the line holding the statement at ``at`` (after the previous ``;``)."""
    ls = text.rfind(";", 0, at)
    return text.find("\n", ls) + 1 if ls >= 0 else at


def _rewire(text, st, mods, prod, cons, pairs, x, r, k, y, divs) -> str | None:
    """The producer exports ``r`` and ``k`` (``rtlopt_<name>_o`` output ports, the cross-instance export
    convention: valid at every parameter value), the consumer reads them on new input ports
    (``rtlopt_split_<n>_i``, pinned with its rewritten body to the proven parameter values), each parent
    wires its pairs (named connections, also beside ``.*``; a producer instance connected by ``.*`` that
    feeds no consumer leaves the new ports open explicitly)."""
    from rtlopt.semantic.crossinst import after_last_port

    mod, ms, mh, minsts = prod
    qmod, qs, qh = cons
    if not divs:
        return None
    mbody, qbody = st[ms:mods[mod][1]], st[qs:mods[qmod][1]]
    eo = [f"rtlopt_{r}_o", f"rtlopt_{k}_o"]
    n0 = 0
    while re.search(rf"(?<![\w$])rtlopt_split_({n0}|{n0 + 1})_i(?![\w$])", qbody):
        n0 += 1
    im = [f"rtlopt_split_{n0}_i", f"rtlopt_split_{n0 + 1}_i"]
    if any(re.search(rf"(?<![\w$]){n}(?![\w$])", mbody) for n in eo):
        return None
    xr, yr = _decl(text, ms, mh, x, "output")[1], _decl(text, qs, qh, y, "input")[1]
    mcp, qcp = _ports_close(st, ms), _ports_close(st, qs)
    if mcp is None or qcp is None:
        return None
    at_m, at_q = after_last_port(text, mcp), after_last_port(text, qcp)
    me = mods[mod][1]
    edits = [Edit(at_m, at_m, "".join(f",\n  output wire {xr + ' ' if xr else ''}{n}" for n in eo)),
             Edit(me, me, f"  assign {eo[0]} = {r};\n  assign {eo[1]} = {k};\n"),
             Edit(at_q, at_q, "".join(f",\n  input wire {yr + ' ' if yr else ''}{n}" for n in im))]
    edits += [Edit(a, b, im[0] if op == "/" else im[1]) for a, b, op in divs]
    decls: dict[int, str] = {}
    conns: dict[int, str] = {}
    for qp, mi, qi, net in pairs:
        wires = [f"rtlopt_{mi[3]}_{r}", f"rtlopt_{mi[3]}_{k}"]
        if any(re.search(rf"(?<![\w$]){w}(?![\w$])", st) for w in wires):
            return None
        nd = _decl(text, *mods[qp], net, None)
        if nd is None:
            return None
        if mi[1] not in conns:
            ls = _stmt_start(text, min(mi[0], qi[0]))
            ind = re.match(r"[ \t]*", text[ls:]).group(0)
            decls[ls] = decls.get(ls, "") + f"{ind}wire {nd[1] + ' ' if nd[1] else ''}{wires[0]}, {wires[1]};\n"
            conns[mi[1]] = "".join(f", .{p}({w})" for p, w in zip(eo, wires, strict=True))
        conns[qi[1]] = "".join(f", .{p}({w})" for p, w in zip(im, wires, strict=True))
    for _mp, mi in minsts:
        if mi[1] not in conns and re.search(r"\.\s*\*", mi[4]):
            conns[mi[1]] = "".join(f", .{p}()" for p in eo)
    edits += [Edit(a, a, t) for a, t in decls.items()] + [Edit(a, a, t) for a, t in conns.items()]
    try:
        return apply_edits(text, edits)
    except ValueError:
        return None


def _parent_divides(text: str, mods: dict) -> list[tuple[str, str]]:
    """The parent itself divides the net a producer instance drives (``addr / C`` beside
    ``M u (.X(addr))``): ``M`` exports ``R`` and ``K``, the parent reads them on new wires."""
    from rtlopt.semantic.crossinst import after_last_port

    out = []
    st = _strip(text)
    for mod, ms, me, mh, minsts, x, r, c, k in _producers(text, st, mods):
        eo = [f"rtlopt_{r}_o", f"rtlopt_{k}_o"]
        if any(re.search(rf"(?<![\w$]){n}(?![\w$])", st[ms:me]) for n in eo):
            continue
        edits, conns, what = [], {}, []
        for pp, mi in minsts:
            net = _net(mi[4], x)
            ps, pe = mods[pp]
            ph = _header_end(st, ps)
            cv = _param(st, ms, me, c, mi[2], mods[pp])
            if net is None or cv is None or ph < 0:
                continue
            divs = []
            for c2 in sorted(set(re.findall(rf"(?<![\w$.']){re.escape(net)}\s*[/%]\s*({_OP})\b", st[ph:pe]))):
                if _param(st, ps, pe, c2, "") == cv:
                    divs += _divs(st, ph, pe, net, c2)
            wires = [f"rtlopt_{mi[3]}_{r}", f"rtlopt_{mi[3]}_{k}"]
            nd = _decl(text, ps, pe, net, None)
            if not divs or nd is None or any(re.search(rf"(?<![\w$]){w}(?![\w$])", st) for w in wires):
                continue
            ls = _stmt_start(text, min([mi[0]] + [a for a, _b, _o in divs]))
            ind = re.match(r"[ \t]*", text[ls:]).group(0)
            edits.append(Edit(ls, ls, f"{ind}wire {nd[1] + ' ' if nd[1] else ''}{wires[0]}, {wires[1]};\n"))
            edits += [Edit(a, b, wires[0] if op == "/" else wires[1]) for a, b, op in divs]
            conns[mi[1]] = "".join(f", .{p}({w})" for p, w in zip(eo, wires, strict=True))
            what.append(f"{pp}.{mi[3]}: {net} / and % {cv}")
        if not conns:
            continue
        for _mp, mi in minsts:
            if mi[1] not in conns and re.search(r"\.\s*\*", mi[4]):
                conns[mi[1]] = "".join(f", .{p}()" for p in eo)
        xr = _decl(text, ms, mh, x, "output")[1]
        mcp = _ports_close(st, ms)
        if mcp is None:
            continue
        at_m = after_last_port(text, mcp)
        edits += [Edit(at_m, at_m, "".join(f",\n  output wire {xr + ' ' if xr else ''}{n}" for n in eo)),
                  Edit(me, me, f"  assign {eo[0]} = {r};\n  assign {eo[1]} = {k};\n")]
        edits += [Edit(a, a, t) for a, t in conns.items()]
        try:
            out.append((apply_edits(text, edits), f"{'; '.join(what)} read as {mod}'s {r} and {k} "
                                                  f"({x} = {r}*{c} + {k})"))
        except ValueError:
            continue
    return out


def rewrites(texts: dict[Path, str]) -> list[tuple[dict[Path, str], str]]:
    out = []
    for p, text in texts.items():
        if "%" not in text and "/" not in text:
            continue
        st = _strip(text)
        if not re.search(r"[/%]\s*(?:[A-Za-z_]|\d)", st) or "*" not in st:
            continue
        mods = _modules(st)
        sv = p.suffix.lower() in (".sv", ".svh")
        for new, desc in _same_module(text, mods) + _cross_module(text, mods, sv) + _parent_divides(text, mods):
            out.append(({**texts, p: new}, desc))
    return out


def mixradix_candidates(state) -> list:
    """Search-loop generator: ``(r*C + c) / C`` and ``% C`` read as ``r`` and ``c`` (proven from reset)."""
    from rtlopt.engine.candidate import one_file_candidates

    try:
        got = rewrites(dict(state.texts))[:4]
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    return one_file_candidates(state.texts, got, RULE, "mixed radix", "mixradix")
