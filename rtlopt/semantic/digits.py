"""A binary counter whose only readers are its digits becomes cascaded digit counters.

A register ``R`` (clocked, written only by non-blocking assignments of one always block) whose every
reader outside that block is combinational logic ending in output ports, each port a *digit* of ``R``
(``(R / D) % r`` over every reachable value, however it is computed: ``/`` and ``%`` by constants,
chained through intermediate words, a double-dabble loop, a table), is kept in the digit encoding:

- the values ``R`` can reach from its constant loads are computed from the update's own functions
  (each right side of ``R <= ...`` that reads only ``R``, evaluated on every value by Yosys; the
  conditions that read only ``R`` restrict the arms; other conditions are free) -- they must be
  ``0 .. N-1``;
- the ports' digits must form one mixed-radix system (``D_0 = 1``, ``D_{i+1} = D_i * r_i``); digits
  no port reads are added to close the chain;
- every write is a constant, ``R`` itself, or ``R + 1`` wrapping to 0 after ``N-1``; every other read
  of ``R`` in the block is a condition true on a few values (``R == 3599``);

then ``R`` becomes one register per digit, a constant load loads the constant's digits, the increment
is the digit cascade (each digit counts when every lower digit is at its last value), the conditions
compare digit tuples and the ports read their digit registers directly: no divider remains.

Names and spellings never matter: the functions are evaluated, the digits recognised by value, and
the search loop proves the whole rewrite (sequential equivalence from reset) and measures it.
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

import numpy as np

RULE = "digit_counter_reencoding"
MAX_BITS = 14
MAX_CONDITION_VALUES = 4


def _clog2(n: int) -> int:
    return max(1, (n - 1).bit_length())


def _digits_of(x: int, chain: list[tuple[int, int]]) -> list[int]:
    return [(x // d) % r for d, r in chain]


# ---- source analysis -----------------------------------------------------------------------------------
def _kind(node) -> str:
    from rtlopt.templates._expr import kind_name
    return kind_name(node)


def _clocked_blocks(an, mod) -> list:
    out = []
    for m in mod.members:
        if _kind(m) in ("AlwaysBlock", "AlwaysFFBlock") and re.search(r"@\s*\(\s*(posedge|negedge)", str(m)):
            out.append(m)
    return out


def _ident_exprs(an, s: int, e: int) -> list:
    """Named-value expressions inside the span ``[s, e)`` (from the elaboration)."""
    return [x for x in an.exprs if s <= x.start and x.end <= e and _named(x)]


def _named(x) -> bool:
    return "NamedValue" in str(getattr(x.node, "kind", ""))


def _assignments(an, s: int, e: int, reg: str) -> list:
    """Non-blocking assignments ``reg <= ...`` inside ``[s, e)``: (assign expr, rhs start, rhs end)."""
    out = []
    for x in an.exprs:
        if not (s <= x.start and x.end <= e) or "Assignment" not in str(getattr(x.node, "kind", "")):
            continue
        m = re.match(rf"({re.escape(reg)})\s*(<=|=)(?!=)", x.text)
        if not m:
            continue
        out.append((x, m.group(2)))
    return out


def _params_text(mod) -> str:
    """The module's parameter declarations (header and body), for a scratch module."""
    parts = []
    hdr = getattr(mod.header, "parameters", None)
    if hdr is not None:
        inner = str(hdr).strip()
        if inner.startswith("#"):
            inner = inner[1:].strip()
        if inner.startswith("(") and inner.endswith(")"):
            inner = inner[1:-1]
        for p in re.split(r",(?![^()\[\]{}]*[)\]}])", inner):
            p = p.strip()
            if p:
                parts.append(("" if re.match(r"(parameter|localparam)\b", p) else "parameter ") + p + ";")
    for m in mod.members:
        if _kind(m) == "ParameterDeclarationStatement":
            parts.append(str(m).strip())
    return "\n".join(parts)


# ---- evaluation by Yosys ---------------------------------------------------------------------------------
def _evaluate(exprs: list[tuple[str, int]], reg: str, n: int, params: str, timeout: float) -> list[np.ndarray] | None:
    """Values of each ``(expr, width)`` (a function of the ``n``-bit ``reg`` only) at every ``reg`` value."""
    from rtlopt.errors import RtloptError
    from rtlopt.semantic.netlist import elaborate_modules
    outs = ", ".join(f"output [{w - 1}:0] rtlopt_e{i}" for i, (_x, w) in enumerate(exprs))
    body = "\n".join(f"  assign rtlopt_e{i} = {x};" for i, (x, _w) in enumerate(exprs))
    src = f"module rtlopt_digit_eval (input [{n - 1}:0] {reg}, {outs});\n{params}\n{body}\nendmodule\n"
    with tempfile.TemporaryDirectory(prefix="rtlopt-digits-") as td:
        f = Path(td) / "ev.sv"  # SV reads Verilog-2005 expressions too
        f.write_text(src)
        try:
            nls = elaborate_modules([f], ["rtlopt_digit_eval"], timeout=timeout)
        except RtloptError:
            return None
    nl = nls.get("rtlopt_digit_eval")
    if nl is None:
        return None
    return _exhaustive(nl, reg, n, [f"rtlopt_e{i}" for i in range(len(exprs))])


def _exhaustive(nl, reg: str, n: int, names: list[str]) -> list[np.ndarray] | None:
    net = nl.nets.get(reg)
    if net is None or len(net.bits) != n:
        return None
    xs = np.arange(1 << n, dtype=np.uint64)
    inputs = {b: ((xs >> np.uint64(k)) & np.uint64(1)).astype(bool) for k, b in enumerate(net.bits)
              if isinstance(b, int)}
    bits = []
    for nm in names:
        o = nl.nets.get(nm)
        if o is None:
            return None
        bits.append(o.bits)
    cone = nl.fanin_cells([b for bs in bits for b in bs if isinstance(b, int)])
    _inside, boundary = nl.cone_bits(cone)
    if not {b for b in boundary if isinstance(b, int)} <= set(inputs):
        return None  # reads something other than the register
    try:
        vals = nl.simulate_cells(cone, inputs, 1 << n)
    except Exception:  # noqa: BLE001 - an unsupported cell: no answer
        return None
    out = []
    for bs in bits:
        v = np.zeros(1 << n, dtype=np.uint64)
        for k, b in enumerate(bs):
            if b == "1":
                v |= np.uint64(1) << np.uint64(k)
            elif isinstance(b, int):
                bv = vals.get(b, inputs.get(b))
                if bv is None:
                    return None
                v |= bv.astype(np.uint64) << np.uint64(k)
        out.append(v)
    return out


# ---- the rewrite -----------------------------------------------------------------------------------------
def _chain(ports: dict[str, np.ndarray], N: int) -> tuple[list[tuple[int, int]], dict[str, int]] | None:
    """The mixed-radix digit system the ports read (``[(D, r)]`` from the lowest digit) and each port's
    digit index, or None when a port is not a digit."""
    xs = np.arange(N, dtype=np.uint64)
    found: dict[str, tuple[int, int]] = {}
    for p, v in ports.items():
        v = v[:N]
        if int(v[0]) != 0 or not v.any():
            return None
        d = int(np.flatnonzero(v != 0)[0])
        r = int(v.max()) + 1
        if d < 1 or r < 2 or not np.array_equal(v, (xs // np.uint64(d)) % np.uint64(r)):
            return None
        found[p] = (d, r)
    chain: list[tuple[int, int]] = []
    D = 1
    by_d: dict[int, int] = {}
    for d, r in found.values():
        if by_d.get(d, r) != r:
            return None
        by_d[d] = r
    while D < N:
        if D in by_d:
            r = by_d[D]
        else:
            nxt = [d for d in by_d if d > D]
            if nxt:
                d2 = min(nxt)
                if d2 % D:
                    return None
                r = d2 // D
            else:
                r = -(-N // D)
        if r < 2:
            return None
        chain.append((D, r))
        D *= r
    if any(d not in {c[0] for c in chain} for d in by_d):
        return None
    # a port's digit may be narrower than the chain's (x % 60 read where the chain has x % 600): not here
    if any(dict(chain)[d] != r and d * r < N for d, r in found.values()):
        return None
    idx = {p: [c[0] for c in chain].index(found[p][0]) for p in found}
    return chain, idx


def candidates_for(texts: dict, top: str | None, timeout_s: float = 20.0) -> list[tuple[dict, str]]:
    """``(new texts, description)`` for every counter re-encoded into digit counters."""
    from rtlopt.templates._sem import analyze
    deadline = time.monotonic() + timeout_s
    out = []
    for path, text in texts.items():
        if not re.search(r"\b(posedge|negedge)\b", text):
            continue
        an = analyze(text, str(path))
        if an.syntax_errors:
            continue
        from rtlopt.semantic.emit import _modules
        for mod in _modules(an):
            if time.monotonic() > deadline:
                return out
            try:
                got = _module_candidates(texts, path, text, an, mod, deadline)
            except (ValueError, IndexError, KeyError, TypeError):
                continue
            out += got
    return out


def _module_candidates(texts, path, text: str, an, mod, deadline: float) -> list[tuple[dict, str]]:
    from rtlopt.semantic.emit import module_source, port_directions
    name = mod.header.name.valueText
    dirs = port_directions(an)
    ms = module_source(an, name, dirs)
    if ms is None:
        return []
    ms_, me_ = an.span(mod)
    blocks = _clocked_blocks(an, mod)
    out = []
    for blk in blocks:
        bs, be = an.span(blk)
        regs = []
        for x in an.exprs:
            if bs <= x.start and x.end <= be and "Assignment" in str(getattr(x.node, "kind", "")):
                m = re.match(r"([A-Za-z_]\w*)\s*<=", x.text)
                if m and m.group(1) not in regs:
                    regs.append(m.group(1))
        for reg in regs:
            if time.monotonic() > deadline:
                return out
            got = _rewrite(texts, path, text, an, mod, name, ms, dirs, (ms_, me_), (bs, be), reg, deadline)
            if got is not None:
                out.append(got)
    return out


def _rewrite(texts, path, text, an, mod, module, ms, dirs, mspan, bspan, reg, deadline):
    from rtlopt.hdl.edit import Edit, apply_edits
    ms_, me_ = mspan
    bs, be = bspan
    mdirs = dict(dirs.get(module, []))
    if reg in mdirs:
        return None
    # the register: declared in this module, not a port, written only in this block
    decl = re.search(_decl_re(reg), text[ms_:me_])
    if decl is None:
        return None
    # the width as elaborated (a parameterized range is resolved)
    n = next((x.width for x in an.exprs if _named(x) and x.text == reg and ms_ <= x.start < me_), 0)
    if not 2 <= n <= MAX_BITS:
        return None
    writes = _assignments(an, bs, be, reg)
    if not writes or any(op != "<=" for _x, op in writes):
        return None
    if any(m.writes and reg in m.writes and not (bs <= m.start and m.end <= be) for m in ms.members):
        return None
    # reads of the register inside the block: within right sides read only the register, conditions
    reads_in = [x for x in _ident_exprs(an, bs, be) if x.text == reg]
    lhs_spans = {(w.start, w.start + len(reg)) for w, _op in writes}
    reads_in = [x for x in reads_in if (x.start, x.end) not in lhs_spans]
    # maximal expressions inside the block that read only the register (and constants)
    names_in = [x for x in _ident_exprs(an, bs, be) if (x.start, x.end) not in lhs_spans]
    cands = [x for x in an.exprs if bs <= x.start and x.end <= be and "Assignment" not in str(x.node.kind)]

    consts = _consts(an, mod)

    def pure(x) -> bool:
        ids = [y for y in names_in if x.start <= y.start and y.end <= x.end]
        return any(y.text == reg for y in ids) and all(y.text == reg or y.text in consts for y in ids)

    pures = [x for x in cands if pure(x)]
    maximal = [x for x in pures if not any(y is not x and y.start <= x.start and x.end <= y.end
                                           and (y.start, y.end) != (x.start, x.end) for y in pures)]
    seen_spans = set()
    maximal = [x for x in maximal if not ((x.start, x.end) in seen_spans or seen_spans.add((x.start, x.end)))]
    if any(not any(m.start <= r.start and r.end <= m.end for m in maximal) for r in reads_in):
        return None
    # right sides: the whole right side must be pure (or a constant)
    rhs = []
    for w, _op in writes:
        m = re.match(rf"{re.escape(reg)}\s*<=\s*", w.text)
        rs, re_ = w.start + m.end(), w.end
        rhs.append((rs, re_))
    kinds_expr = []  # (span, text, width, role)
    for rs, re_ in rhs:
        kinds_expr.append(((rs, re_), text[rs:re_], n, "rhs"))
    for x in maximal:
        if any(rs <= x.start and x.end <= re_ for rs, re_ in rhs):
            if not any((rs, re_) == (x.start, x.end) for rs, re_ in rhs):
                continue  # part of a right side that is pure as a whole (checked below)
            continue
        if x.width != 1:
            return None  # a multi-bit read (case (R), if (R), R in an index) is no digit-tuple compare
        kinds_expr.append(((x.start, x.end), x.text, 1, "cond"))
    # a right side that reads other signals too: not handled
    for rs, re_ in rhs:
        ids = [y for y in names_in if rs <= y.start and y.end <= re_]
        if any(y.text != reg and y.text not in consts for y in ids):
            return None
    # readers outside the block: combinational items whose names form the register's derived closure
    derived = {reg}
    items = [m for m in ms.members if not (bs <= m.start and m.end <= be)]
    known = set(ms.declared) | set(ms.ports)

    def rd(m) -> set[str]:
        return (m.reads & known) - m.writes

    changed = True
    while changed:
        changed = False
        for m in items:
            if rd(m) & derived and not (m.writes <= derived):
                if rd(m) - derived - consts or not m.writes:
                    return None  # mixes the register with other signals (or an instance reads it)
                if re.search(r"\b(posedge|negedge)\b", text[m.start:m.end]):
                    return None
                derived |= m.writes
                changed = True
    ports = sorted(d for d in derived - {reg} if mdirs.get(d) == "output")
    if not ports or any(mdirs.get(d) in ("input", "inout") for d in derived):
        return None
    # nothing else reads the register or its derived names (the block itself reads only the register)
    for m in items:
        if rd(m) & derived and m.writes - derived:
            return None
    blk_reads = {y.text for y in names_in}
    if (blk_reads & derived) - {reg}:
        return None
    # logic that depends on an overridable parameter would only be right for its default value
    from rtlopt.semantic.emit import _names, overridable_params
    opar = overridable_params(mod)
    spans = [(bs, be), (ms_ + decl.start(), ms_ + decl.end())] + \
        [(m.start, m.end) for m in items if m.writes & derived]
    if opar and any(set(_names(text[a:b])) & opar for a, b in spans):
        return None
    if time.monotonic() > deadline:
        return None
    params = _params_text(mod)
    vals = _evaluate([(t, w) for _s, t, w, _r in kinds_expr], reg, n, params,
                     timeout=max(5.0, deadline - time.monotonic()))
    if vals is None:
        return None
    fn = {sp: v for (sp, _t, _w, _r), v in zip(kinds_expr, vals, strict=True)}
    # reachable values: constant loads, then the right sides (conditions that read only the register
    # restrict an arm when they enclose it as an if's predicate; other conditions are free)
    conds = [(sp, v) for (sp, _t, _w, role), v in zip(kinds_expr, vals, strict=True) if role == "cond"]
    guards = _guards(an, bs, be, rhs, {sp for sp, _v in conds})
    init = {int(fn[sp][0]) for sp in rhs if bool(np.all(fn[sp] == fn[sp][0]))}
    if not init:
        return None
    reach = np.zeros(1 << n, dtype=bool)
    todo = list(init)
    for x in todo:
        reach[x] = True
    cval = dict(conds)
    while todo:
        x = todo.pop()
        for sp in rhs:
            if any(bool(cval[c][x]) != pol for c, pol in guards.get(sp, ())):
                continue
            y = int(fn[sp][x])
            if not reach[y]:
                reach[y] = True
                todo.append(y)
    N = int(np.flatnonzero(reach)[-1]) + 1
    if not reach[:N].all() or N < 4:
        return None
    # the ports' values (the module itself, elaborated)
    pv = _port_values(texts, path, module, reg, n, ports, deadline)
    if pv is None:
        return None
    got = _chain(pv, N)
    if got is None:
        return None
    chain, pidx = got
    if len(chain) < 2:
        return None
    # classify the writes
    wkind = {}
    for sp in rhs:
        v = fn[sp][:N].astype(np.int64)
        xs = np.arange(N)
        feas = np.ones(N, dtype=bool)
        for c, pol in guards.get(sp, ()):
            feas &= cval[c][:N].astype(bool) == pol
        if bool(np.all(fn[sp] == fn[sp][0])):
            if int(fn[sp][0]) >= N:
                return None
            wkind[sp] = ("const", int(fn[sp][0]))
        elif np.array_equal(v[feas], xs[feas]):
            wkind[sp] = ("hold",)
        elif np.array_equal(v[feas], np.where(xs == N - 1, 0, xs + 1)[feas]):
            wkind[sp] = ("inc",)
        else:
            return None
    cond_sets = {}
    for sp, v in conds:
        true = np.flatnonzero(v[:N] != 0)
        false = np.flatnonzero(v[:N] == 0)
        if len(true) <= MAX_CONDITION_VALUES:
            cond_sets[sp] = (True, [int(t) for t in true])
        elif len(false) <= MAX_CONDITION_VALUES:
            cond_sets[sp] = (False, [int(t) for t in false])
        else:
            return None
    return _emit(texts, path, text, an, module, ms, reg, n, N, chain, pidx, rhs, wkind, cond_sets,
                 (bs, be), derived, ports, Edit, apply_edits)


def _consts(an, mod) -> set[str]:
    names = set()
    for m in mod.members:
        if _kind(m) == "ParameterDeclarationStatement":
            names |= set(re.findall(r"\b([A-Za-z_]\w*)\s*=", str(m)))
    hdr = getattr(mod.header, "parameters", None)
    if hdr is not None:
        names |= set(re.findall(r"\b([A-Za-z_]\w*)\s*=", str(hdr)))
    return names


def _guards(an, bs: int, be: int, rhs: list, cond_spans: set) -> dict:
    """For each right side: the enclosing ``if`` predicates that are pure register conditions, with the
    polarity of the arm it sits in."""
    out: dict = {}
    for node, s, e in an.statements:
        if not (bs <= s and e <= be) or "Conditional" not in str(getattr(node, "kind", "")):
            continue
        conds = getattr(node, "conditions", None) or []
        if len(conds) != 1:
            continue
        cexpr = conds[0].expr
        cs = getattr(cexpr, "sourceRange", None)
        if cs is None:
            continue
        sp = (cs.start.offset, cs.end.offset)
        # the predicate itself is a pure register condition (up to parentheses around it)
        pure = next((c for c in cond_spans
                     if sp[0] <= c[0] and c[1] <= sp[1] and not re.sub(r"[()\s]", "", an.text[sp[0]:c[0]]
                                                                        + an.text[c[1]:sp[1]])), None)
        if pure is None:
            continue
        t_s = _stmt_span(node.ifTrue)
        f_s = _stmt_span(node.ifFalse) if node.ifFalse is not None else None
        for r in rhs:
            if t_s and t_s[0] <= r[0] and r[1] <= t_s[1]:
                out.setdefault(r, []).append((pure, True))
            elif f_s and f_s[0] <= r[0] and r[1] <= f_s[1]:
                out.setdefault(r, []).append((pure, False))
    return out


def _stmt_span(st):
    sr = getattr(st, "sourceRange", None)
    if sr is None:
        return None
    return (sr.start.offset, sr.end.offset)


def _port_values(texts, path, module, reg, n, ports, deadline):
    from rtlopt.errors import RtloptError
    from rtlopt.semantic.netlist import elaborate_modules
    with tempfile.TemporaryDirectory(prefix="rtlopt-digits-src-") as td:
        files = []
        for i, (p, t) in enumerate(texts.items()):
            f = Path(td) / f"{i}_{Path(p).name}"
            f.write_text(t, encoding="utf-8")
            files.append(f)
        try:
            nls = elaborate_modules(files, [module], timeout=max(5.0, deadline - time.monotonic()))
        except RtloptError:
            return None
    nl = nls.get(module)
    if nl is None:
        return None
    # no other register reads it: every flip-flop's inputs outside the register's own
    regbits = {b for b in nl.nets[reg].bits if isinstance(b, int)} if reg in nl.nets else set()
    if len(regbits) != n:
        return None
    from rtlopt.semantic.netlist import _EVAL
    for c in nl.cells:
        if c.type in _EVAL:
            continue
        q = {b for p, d in c.dirs.items() if d == "output" for b in c.conns.get(p, []) if isinstance(b, int)}
        if q and q <= regbits:
            continue
        ins = [b for p, d in c.dirs.items() if d == "input" for b in c.conns.get(p, []) if isinstance(b, int)]
        cone = nl.fanin_cells(ins)
        _i, bnd = nl.cone_bits(cone)
        if (bnd | set(ins)) & regbits:
            return None
    vals = _exhaustive(nl, reg, n, ports)
    if vals is None:
        return None
    return dict(zip(ports, vals, strict=True))


def _emit(texts, path, text, an, module, ms, reg, n, N, chain, pidx, rhs, wkind, cond_sets, bspan, derived,
          ports, Edit, apply_edits):
    from rtlopt.semantic.emit import apply_lifts
    from rtlopt.templates._sem import analyze
    bs, be = bspan
    k = len(chain)
    widths = [_clog2(r) for _d, r in chain]
    dn = [f"{reg}_dg{i}" for i in range(k)]
    cy = [f"{reg}_cy{i}" for i in range(k)]
    full = 1
    for _d, r in chain:
        full *= r
    decls = [f"reg [{w - 1}:0] {d};" if w > 1 else f"reg {d};" for d, w in zip(dn, widths, strict=True)]
    for i in range(k):
        last = f"({dn[i]} == {widths[i]}'d{chain[i][1] - 1})"
        decls.append(f"wire {cy[i]} = {last};" if i == 0 else f"wire {cy[i]} = {cy[i - 1]} && {last};")
    tup = "{" + ", ".join(reversed(dn)) + "}"

    def tup_lit(x: int) -> str:
        return "{" + ", ".join(f"{w}'d{v}" for v, w in reversed(list(zip(_digits_of(x, chain), widths,
                                                                                strict=True)))) + "}"

    wrap = full != N
    if wrap:
        decls.append(f"wire {reg}_at_last = ({tup} == {tup_lit(N - 1)});")
    edits = []
    ind = "  "
    for sp in rhs:
        kind = wkind[sp]
        # the whole statement 'reg <= rhs;'
        st = next(((s, e) for node, s, e in an.statements if s <= sp[0] and sp[1] <= e
                   and "ExpressionStatement" in str(node.kind)), None)
        if st is None:
            return None
        s, e = st
        if kind[0] == "const":
            body = " ".join(f"{d} <= {w}'d{v};" for d, w, v in zip(dn, widths, _digits_of(kind[1], chain),
                                                                   strict=True))
        elif kind[0] == "hold":
            body = ""
        else:
            steps = [f"{dn[0]} <= {cy[0]} ? {widths[0]}'d0 : {dn[0]} + {widths[0]}'d1;"]
            for i in range(1, k):
                steps.append(f"if ({cy[i - 1]}) {dn[i]} <= {cy[i]} ? {widths[i]}'d0 : {dn[i]} + {widths[i]}'d1;")
            body = " ".join(steps)
            if wrap:
                zero = " ".join(f"{d} <= {w}'d0;" for d, w in zip(dn, widths, strict=True))
                body = f"if ({reg}_at_last) begin {zero} end else begin {body} end"
        edits.append(Edit(s, e, f"begin {body} end" if body else "begin end"))
    for sp, (pos, vs) in cond_sets.items():
        eq = " || ".join(f"({tup} == {tup_lit(v)})" for v in vs) or "1'b0"
        edits.append(Edit(sp[0], sp[1], f"({eq})" if pos else f"!({eq})"))
    # declarations in front of the block
    ls = text.rfind("\n", 0, bs) + 1
    edits.append(Edit(ls, ls, "".join(f"{ind}{d}\n" for d in decls)))
    try:
        new = apply_edits(text, edits)
    except ValueError:
        return None
    an2 = analyze(new)
    if an2.syntax_errors:
        return None
    # the ports read their digits
    spec = []
    for p in ports:
        i = pidx[p]
        spec.append(((p,), (dn[i],), p, dn[i]))
    cone = set(derived) - set(ports) - {reg}
    new2 = apply_lifts(new, module, spec, None, cone | {reg})
    if new2 is None:
        return None
    # the register itself: no reader and no writer left
    new2 = re.sub(rf"\n[ \t]*{_decl_re(reg)}[ \t]*(?=\n)", "", new2, count=1) \
        if not re.search(rf"\b{re.escape(reg)}\b(?!_)", _strip_decl(new2, reg)) else new2
    an3 = analyze(new2)
    if an3.syntax_errors or an3.errors > an.errors:
        return None
    radices = "/".join(str(r) for _d, r in chain)
    return {**texts, path: new2}, f"{reg} ({n}-bit counter 0..{N - 1} read as digits) kept as digit counters {radices}"


def _decl_re(reg: str) -> str:
    """A declaration of ``reg`` alone: ``reg [11:0] R;``, ``logic [W-1:0] R;`` (no initializer)."""
    return rf"\b(?:reg|logic|bit)\s*(?:unsigned\s*)?(?:\[[^\]]*\]\s*)?{re.escape(reg)}\s*;"


def _strip_decl(text: str, reg: str) -> str:
    return re.sub(_decl_re(reg), "", text)


def digit_candidates(state) -> list:
    """Search-loop generator: counters read only as digits, kept as digit counters."""
    from rtlopt.engine.candidate import one_file_candidates
    texts = dict(state.texts)
    if not any(re.search(r"\b(posedge|negedge)\b", t) for t in texts.values()):
        return []
    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    try:
        got = candidates_for(texts, getattr(state.design, "top", None), timeout_s=max(2.0, min(20.0, left)))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    return one_file_candidates(texts, got, RULE, "digit counters", "digits")
