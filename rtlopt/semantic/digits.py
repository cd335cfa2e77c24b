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

Reads mode (when the readers are not all digit ports): every mention of ``R`` outside its writes is a
pure sub-expression of ``R`` and parameters -- in any item, mixed with any other logic around it -- whose
value over the reachable range is one digit (``R % 12``, ``R / 12``, ``R - (R / 12) * 12``: each becomes
its digit register) or a 1-bit condition true or false on a few values (a digit-tuple compare). The
reachable range comes from the register's next-state cone on the elaborated module (at its instances'
parameter values), enumerated over every value of ``R`` and of the cone's other inputs, so a wrap decided
by a wire mixing ``R`` with an enable bounds it too; a write is a constant, a hold or ``R + 1`` (anything
where the step leaves that closed range: it is never taken there). An output port that is ``R`` itself
is driven from the digits. Across a boundary, a child's output read by the parent only through pure
expressions of its net has those expressions moved into the child first (export ports, the parent's
parameters at their values), then the child's counter is rewritten: the pair is one candidate.

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
    outs = ", ".join(f"output [{w - 1}:0] rtlopt_e{i}" for i, (_x, w) in enumerate(exprs))
    body = "\n".join(f"  assign rtlopt_e{i} = {x};" for i, (x, _w) in enumerate(exprs))
    src = f"module rtlopt_digit_eval (input [{n - 1}:0] {reg}, {outs});\n{params}\n{body}\nendmodule\n"
    return _evaluate_src(src, reg, n, len(exprs), timeout)


def _evaluate_src(src: str, reg: str, n: int, k: int, timeout: float) -> list[np.ndarray] | None:
    """Outputs ``rtlopt_e0..k-1`` of the scratch module ``rtlopt_digit_eval`` at every value of its input."""
    from rtlopt.errors import RtloptError
    from rtlopt.semantic.netlist import elaborate_modules
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
    return _exhaustive(nl, reg, n, [f"rtlopt_e{i}" for i in range(k)])


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
    # a counter in a child whose output the parent reads only through its digits: those reads first move
    # into the child (the enabling step is offered only together with the counter it enables)
    for path, text in texts.items():
        if time.monotonic() > deadline or not re.search(r"\b(posedge|negedge)\b", text):
            continue
        an = analyze(text, str(path))
        if an.syntax_errors:
            continue
        try:
            pushed = _pushdowns(text, path, an, texts, deadline)
        except (ValueError, IndexError, KeyError, TypeError, AttributeError):
            continue
        for new, child, why in pushed:
            if time.monotonic() > deadline:
                return out
            an2 = analyze(new, str(path))
            if an2.syntax_errors or an2.errors > an.errors:
                continue
            from rtlopt.semantic.emit import _modules
            for mod in _modules(an2):
                if mod.header.name.valueText != child:
                    continue
                try:
                    got = _module_candidates({**texts, path: new}, path, new, an2, mod, deadline)
                except (ValueError, IndexError, KeyError, TypeError):
                    continue
                out += [(t, f"{why}; {d}") for t, d in got]
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
            if got is None and time.monotonic() < deadline:
                got = _rewrite_reads(texts, path, text, an, mod, name, ms, dirs, (ms_, me_), (bs, be), reg,
                                     deadline)
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
        feas = np.ones(N, dtype=bool)
        for c, pol in guards.get(sp, ()):
            feas &= cval[c][:N].astype(bool) == pol
        wkind[sp] = _write_kind(fn[sp], N, feas)
        if wkind[sp] is None:
            return None
    cond_sets = {}
    for sp, v in conds:
        cond_sets[sp] = _cond_class(v, N)
        if cond_sets[sp] is None:
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
          ports, Edit, apply_edits, reads=None):
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
    def cond_text(vs) -> str:
        if isinstance(vs, tuple):  # ("range", a, b): the digit tuple orders like the value
            _r, a, b = vs
            parts = ([f"({tup} >= {tup_lit(a)})"] if a > 0 else []) + ([f"({tup} <= {tup_lit(b)})"] if b < N - 1 else [])
            return " && ".join(parts) or "1'b1"
        return " || ".join(f"({tup} == {tup_lit(v)})" for v in vs) or "1'b0"

    for sp, (pos, vs) in cond_sets.items():
        eq = cond_text(vs)
        edits.append(Edit(sp[0], sp[1], f"({eq})" if pos else f"!({eq})"))
    if reads is not None:
        # reads mode: each digit read reads its digit register; an output port that is the register is
        # driven from the digits; the declarations go right after the header (reads may come first)
        dig_idx, as_port, mod, dspec = reads
        for sp, i in dig_idx.items():
            edits.append(Edit(sp[0], sp[1], dn[i]))
        for s0, e0, is_assign, outs in dspec:
            vals = []
            for d, c in outs:
                if c[0] == "dig":
                    vals.append((d, dn[c[1]]))
                else:
                    eq = cond_text(c[2])
                    vals.append((d, f"({eq})" if c[1] else f"!({eq})"))
            if is_assign:
                body = " ".join(f"assign {d} = {v};" for d, v in vals)
            else:
                body = "always @* begin " + " ".join(f"{d} = {v};" for d, v in vals) + " end" if vals else ""
            edits.append(Edit(s0, e0, body))
        if as_port:
            val = " + ".join(dn[i] if d == 1 else f"{dn[i]} * {n}'d{d}" for i, (d, _r) in enumerate(chain))
            decls.append(f"always @* {reg} = {val};")
        hs, he = an.span(mod.header)
        edits.append(Edit(he, he, "\n" + "".join(f"{ind}{d}\n" for d in decls)))
    else:
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
    if reads is not None:
        if not reads[1]:
            new = re.sub(rf"\n[ \t]*{_decl_re(reg)}[ \t]*(?=\n)", "", new, count=1) \
                if not re.search(rf"\b{re.escape(reg)}\b(?!_)", _strip_decl(new, reg)) else new
        an3 = analyze(new)
        if an3.syntax_errors or an3.errors > an.errors:
            return None
        radices = "/".join(str(r) for _d, r in chain)
        return ({**texts, path: new}, f"{reg} ({n}-bit counter 0..{N - 1} read only through its digits) kept as "
                                      f"nested counters {radices}")
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


# ---- reads mode: a counter read anywhere, but only through its digits and a few-valued conditions --------
MAX_FREE_BITS = 12  # other inputs of the register's next state enumerated with it (exhaustive reach)


def _params_at(mod, pv: dict[str, int]) -> str:
    """:func:`_params_text` with the header parameters at the values of the module's instances."""
    out = []
    for line in _params_text(mod).split("\n"):
        m = re.match(r"\s*parameter\b[^=;]*?\b([A-Za-z_]\w*)\s*=", line)
        if m and m.group(1) in pv:
            line = line[:m.end()] + f" {pv[m.group(1)]};"
        out.append(line)
    return "\n".join(out)


def _module_netlist(texts, module: str, params: dict, deadline: float):
    from rtlopt.errors import RtloptError
    from rtlopt.semantic.netlist import elaborate_modules
    with tempfile.TemporaryDirectory(prefix="rtlopt-digits-src-") as td:
        files = []
        for i, (p, t) in enumerate(texts.items()):
            f = Path(td) / f"{i}_{Path(p).name}"
            f.write_text(t, encoding="utf-8")
            files.append(f)
        try:
            nls = elaborate_modules(files, [module], timeout=max(5.0, deadline - time.monotonic()),
                                    params={module: params} if params else None)
        except RtloptError:
            return None
    return nls.get(module)


def _netlist_reach(nl, reg: str, n: int) -> np.ndarray | None:
    """The values the ``n``-bit register can reach from its constant loads, from its next-state cone on
    the elaborated netlist enumerated over every value of the register and of the cone's other inputs
    (at most :data:`MAX_FREE_BITS`): a set closed under every step, so an over-approximation."""
    net = nl.nets.get(reg)
    if net is None or len(net.bits) != n or not all(isinstance(b, int) for b in net.bits):
        return None
    pos = {b: k for k, b in enumerate(net.bits)}
    dbits: list = [None] * n
    init = set()
    for c in nl.cells:
        if c.type not in ("$dff", "$adff"):
            continue
        q = c.conns.get("Q", [])
        if not any(b in pos for b in q):
            continue
        if not all(b in pos for b in q):
            return None
        rv = str(c.params.get("ARST_VALUE", "")) if c.type == "$adff" else ""
        for k, b in enumerate(q):
            dbits[pos[b]] = c.conns["D"][k]
            if rv:
                init.add((pos[b], rv[len(rv) - 1 - k] if k < len(rv) else "0"))
    if any(d is None for d in dbits):
        return None
    cone = nl.fanin_cells(dbits)
    inside, boundary = nl.cone_bits(cone)
    free = sorted({b for b in boundary | {d for d in dbits if isinstance(d, int) and d not in inside}
                   if isinstance(b, int) and b not in pos})
    k = len(free)
    if k > MAX_FREE_BITS:
        return None
    total = 1 << (n + k)
    xs = np.arange(total, dtype=np.uint64)
    inputs = {b: ((xs >> np.uint64(pos[b])) & np.uint64(1)).astype(bool) for b in net.bits}
    inputs.update({b: ((xs >> np.uint64(n + j)) & np.uint64(1)).astype(bool) for j, b in enumerate(free)})
    try:
        vals = nl.simulate_cells(cone, inputs, total)
    except Exception:  # noqa: BLE001 - an unsupported cell: no answer
        return None
    nxt = np.zeros(total, dtype=np.uint64)
    for i, d in enumerate(dbits):
        if d == "1":
            nxt |= np.uint64(1) << np.uint64(i)
        elif isinstance(d, int):
            v = vals.get(d, inputs.get(d))
            if v is None:
                return None
            nxt |= v.astype(np.uint64) << np.uint64(i)
        elif d != "0":
            return None
    nxt = nxt.reshape(1 << k, 1 << n)  # [other inputs, register value]
    starts = {int(row[0]) for row in nxt if bool(np.all(row == row[0]))}
    if init:
        if len({b for b, _v in init}) != n:
            return None
        starts.add(sum(1 << b for b, v in init if v == "1"))
    if not starts:
        return None
    reach = np.zeros(1 << n, dtype=bool)
    todo = sorted(starts)
    reach[todo] = True
    while todo:
        x = todo.pop()
        for y in np.unique(nxt[:, x]).tolist():
            if not reach[y]:
                reach[y] = True
                todo.append(y)
    return reach


def _write_kind(f: np.ndarray, N: int, feas: np.ndarray) -> tuple | None:
    """A right side's function over ``0..N-1``: ``("const", c)``, ``("hold",)`` or ``("inc",)`` (wrapping
    after ``N-1``) where ``feas`` holds; None otherwise."""
    v = f[:N].astype(np.int64)
    xs = np.arange(N)
    if bool(np.all(f == f[0])):
        return ("const", int(f[0])) if int(f[0]) < N else None
    if np.array_equal(v[feas], xs[feas]):
        return ("hold",)
    if np.array_equal(v[feas], np.where(xs == N - 1, 0, xs + 1)[feas]):
        return ("inc",)
    return None


def _maximal(pures: list) -> list:
    """The expressions of ``pures`` inside no other (one per span)."""
    out, seen = [], set()
    for x in pures:
        if (x.start, x.end) in seen or any(y.start <= x.start and x.end <= y.end and (y.start, y.end) != (x.start, x.end)
                                           for y in pures):
            continue
        seen.add((x.start, x.end))
        out.append(x)
    return out


def _cond_class(v: np.ndarray, N: int):
    """``(polarity, values)`` of a 1-bit function of the counter over ``0..N-1``: true (or false) on a few
    values, or ``("range", a, b)`` when true (or false) exactly on ``a..b`` (``R >= K``, ``R < K``); None
    otherwise."""
    true = np.flatnonzero(v[:N] != 0)
    false = np.flatnonzero(v[:N] == 0)
    if len(true) <= MAX_CONDITION_VALUES:
        return True, [int(t) for t in true]
    if len(false) <= MAX_CONDITION_VALUES:
        return False, [int(t) for t in false]
    for pos, vs in ((True, true), (False, false)):
        if int(vs[-1]) - int(vs[0]) == len(vs) - 1:
            return pos, ("range", int(vs[0]), int(vs[-1]))
    return None


def _derived_items(text: str, ms, reg: str, consts: set, maximal: list, bspan) -> list | None:
    """The combinational items (continuous assigns, ``always @*`` / ``always_comb``) with a mention of
    ``reg`` outside every pure expression, and the items driving the other names they read, each reading
    only ``reg``, parameters and such names; None when one reads anything else (or is clocked)."""
    bs, be = bspan
    items = [m for m in ms.members if not (bs <= m.start and m.end <= be)]
    spans = [(x.start, x.end) for x in maximal if x.text.strip() != reg]  # (the whole value: no digit)
    known = (set(ms.declared) | set(ms.ports)) - set(ms.loopvars)
    todo = [m for m in items if reg in m.reads and _uncovered(text, m.start, m.end, reg, spans)]
    out: list = []
    while todo:
        m = todo.pop()
        if any(m is x for x in out):
            continue
        t = text[m.start:m.end]
        if m.kind not in ("ContinuousAssign", "AlwaysCombBlock", "AlwaysBlock") or not m.writes or reg in m.writes:
            return None
        if m.kind == "AlwaysBlock" and not re.match(r"always\s*@\s*(\*|\(\s*\*\s*\))", t):
            return None
        out.append(m)
        if len(out) > 8:
            return None
        for name in (m.reads & known) - m.writes - {reg} - consts:
            drv = [x for x in items if name in x.writes]
            if len(drv) != 1 or name in ms.ports:
                return None
            todo.append(drv[0])
    names = [w for m in out for w in m.writes]
    if len(names) != len(set(names)):
        return None
    return out


def _digit_of(v: np.ndarray, N: int) -> tuple[int, int] | None:
    """``(D, r)`` with ``v[x] == (x // D) % r`` for every ``x < N`` (not the identity)."""
    v = v[:N].astype(np.int64)
    xs = np.arange(N, dtype=np.int64)
    if int(v[0]) != 0 or not v.any():
        return None
    d = int(np.flatnonzero(v != 0)[0])
    r = int(v.max()) + 1
    if r < 2 or (d == 1 and r >= N) or not np.array_equal(v, (xs // d) % r):
        return None
    return d, r


def _rewrite_reads(texts, path, text, an, mod, module, ms, dirs, mspan, bspan, reg, deadline):
    """A counter whose every read (anywhere in the module, inside any expression) is a pure sub-expression
    of it that is one of its digits (``R % C``, ``R / C``, ``R - (R / C) * C``, by value) or a 1-bit
    condition true or false on a few values; an output port that is the register itself is driven from
    the digits (``R = d1 * C + d0``, unused when the parent reads only digits)."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.emit import overridable_params
    from rtlopt.semantic.histmirror import _pvals
    ms_, me_ = mspan
    bs, be = bspan
    mdirs = dict(dirs.get(module, []))
    if mdirs.get(reg) not in (None, "output"):
        return None
    as_port = mdirs.get(reg) == "output"
    if not as_port and re.search(_decl_re(reg), text[ms_:me_]) is None:
        return None
    n = next((x.width for x in an.exprs if _named(x) and x.text == reg and ms_ <= x.start < me_), 0)
    if not 2 <= n <= MAX_BITS:
        return None
    if any(_named(x) and x.text == reg and ms_ <= x.start < me_ and x.signed for x in an.exprs):
        return None
    writes = _assignments(an, bs, be, reg)
    if not writes or any(op != "<=" for _x, op in writes):
        return None
    if any(m.writes and reg in m.writes and not (bs <= m.start and m.end <= be) for m in ms.members):
        return None
    opar = overridable_params(mod)
    pv_all = _pvals(an, module)
    pv = {k: v for k, v in pv_all.items() if k in opar}
    if any(p not in pv_all for p in opar):
        return None  # instances with different values (or none elaborated)
    lhs_spans = {(w.start, w.start + len(reg)) for w, _op in writes}
    names_in = [x for x in _ident_exprs(an, ms_, me_) if (x.start, x.end) not in lhs_spans]
    reads = [x for x in names_in if _bare(x.text) == reg]
    consts = _consts(an, mod)
    cands = [x for x in an.exprs if ms_ <= x.start and x.end <= me_ and "Assignment" not in str(x.node.kind)]

    def pure(x) -> bool:
        ids = [y for y in names_in if x.start <= y.start and y.end <= x.end]
        return any(_bare(y.text) == reg for y in ids) and all(_bare(y.text) in ({reg} | consts) for y in ids)

    maximal = _maximal([x for x in cands if pure(x)])
    rhs = []
    for w, _op in writes:
        m = re.match(rf"{re.escape(reg)}\s*<=\s*", w.text)
        rhs.append((w.start + m.end(), w.end))
    # combinational items that read the register other than through a pure expression (a division by a
    # loop of subtractions: ``rem = R; for (...) if (rem >= C) ...``) and the items whose outputs they read:
    # derived logic, its outputs classified by value below
    derived_items = _derived_items(text, ms, reg, consts, maximal, (bs, be))
    if derived_items is None:
        return None
    dnames = set().union(*(m.writes for m in derived_items)) if derived_items else set()
    dspans = [(m.start, m.end) for m in derived_items]
    maximal = [x for x in maximal if not any(a <= x.start and x.end <= b for a, b in dspans)]
    if any(not any(m.start <= r.start and r.end <= m.end for m in maximal) and
           not any(a <= r.start and r.end <= b for a, b in dspans) for r in reads):
        return None
    # every mention of the register by its spelling: a write, its declaration or inside a pure read
    dm = re.search(_decl_re(reg), text[ms_:me_])
    covered = [(x.start, x.end) for x in maximal] + list(lhs_spans) + [an.span(mod.header)] + dspans
    if dm is not None:
        covered.append((ms_ + dm.start(), ms_ + dm.end()))
    if _uncovered(text, ms_, me_, reg, covered):
        return None
    for rs, re_ in rhs:
        ids = [y for y in names_in if rs <= y.start and y.end <= re_]
        if any(y.text != reg and y.text not in consts for y in ids):
            return None
    others = [x for x in maximal if not any(rs <= x.start and x.end <= re_ for rs, re_ in rhs)]
    if not others and not as_port and not dnames:
        return None
    exprs = [(text[rs:re_], n) for rs, re_ in rhs]
    for x in others:
        if x.width < 1 or x.width > 32:
            return None
        exprs += [(x.text, x.width), (x.text, 48)]  # the value at its width and at any wider context
    if time.monotonic() > deadline:
        return None
    vals = _evaluate(exprs, reg, n, _params_at(mod, pv), timeout=max(5.0, deadline - time.monotonic()))
    if vals is None:
        return None
    fn = dict(zip(rhs, vals[:len(rhs)], strict=True))
    ovals = vals[len(rhs):]
    nl = _module_netlist(texts, module, pv, deadline)
    reach = _netlist_reach(nl, reg, n) if nl is not None else None
    if reach is None:
        return None
    N = int(np.flatnonzero(reach)[-1]) + 1
    if not reach[:N].all() or N < 4:
        return None
    # the derived outputs another item (or a port) reads: their values from the elaborated module
    dread = sorted(d for d in dnames if d in ms.ports or any(
        d in (m.reads - m.writes) for m in ms.members if (m.start, m.end) not in dspans))
    dvals = _exhaustive(nl, reg, n, dread) if dread else []
    if dvals is None:
        return None
    dclass: dict = {}
    for d, v in zip(dread, dvals, strict=True):
        w = len(nl.nets[d].bits)
        if w == 1 and (cc := _cond_class(v, N)) is not None:
            dclass[d] = ("cond", *cc)
            continue
        dig = _digit_of(v, N)
        if dig is None:
            return None
        dclass[d] = ("dig", dig)
    # each read: a digit or a condition
    digit_reads: dict = {}
    cond_sets: dict = {}
    for i, x in enumerate(others):
        v, wide = ovals[2 * i], ovals[2 * i + 1]
        if x.width == 1 and (cc := _cond_class(v, N)) is not None:
            cond_sets[(x.start, x.end)] = cc
            continue
        if not np.array_equal(v[:N], wide[:N]):
            return None  # the value depends on the context's width
        dig = _digit_of(v, N)
        if dig is None:
            return None
        digit_reads[(x.start, x.end)] = dig
    if not digit_reads and not any(c[0] == "dig" for c in dclass.values()):
        return None
    # the digit system: the reads' digits, closed into one mixed-radix chain
    found = {f"r{i}": dig for i, dig in enumerate(list(digit_reads.values()) +
                                                   [c[1] for c in dclass.values() if c[0] == "dig"])}
    xs = np.arange(N, dtype=np.uint64)
    pseudo = {k: ((xs // np.uint64(d)) % np.uint64(r)) for k, (d, r) in found.items()}
    got = _chain(pseudo, N)
    if got is None:
        return None
    chain, _idx = got
    if len(chain) < 2:
        return None
    ds = [c[0] for c in chain]
    dig_idx = {sp: ds.index(d) for sp, (d, _r) in digit_reads.items()}
    dspec = []  # (start, end, continuous assign?, [(name, ("dig", i) | ("cond", pos, values))])
    for m in derived_items:
        outs = []
        for d in sorted(m.writes):
            c = dclass.get(d)
            if c is not None:
                outs.append((d, ("dig", ds.index(c[1][0])) if c[0] == "dig" else c))
        dspec.append((m.start, m.end, m.kind == "ContinuousAssign", outs))
    # the writes: a constant, a hold or the increment (at values the step never takes, anything: the reach
    # is closed, so a step out of it is never taken)
    wkind = {}
    for sp in rhs:
        wkind[sp] = _write_kind(fn[sp], N, fn[sp][:N].astype(np.int64) < N)
        if wkind[sp] is None:
            return None
    return _emit(texts, path, text, an, module, ms, reg, n, N, chain, {}, rhs, wkind, cond_sets,
                 (bs, be), set(), [], Edit, apply_edits,
                 reads=(dig_idx, as_port, mod, dspec))


# ---- across a module boundary: the parent's reads of a child's output pushed into the child ----------------
_IDT = re.compile(r"(?<![\w$.'`])[A-Za-z_][\w$]*")


def _module_of(syn):
    p = syn.parent
    while p is not None and _kind(p) != "ModuleDeclaration":
        p = p.parent
    return p


def _parent_derived(text, an, dirs, pname, pmod, isyn, child, cmod, net, port, consts, maximal, texts, deadline):
    """The parent's combinational items that read the child's output net whole (a quotient and then
    ``net - q * C``, a subtraction loop) with their outputs by value over the reach of the child's register
    behind the port: ``([(start, end, continuous assign?, [(name, width, signed, D, r)])], n)`` with each
    output read elsewhere a digit ``(net / D) % r``; None otherwise."""
    from rtlopt.semantic.emit import module_source, overridable_params
    from rtlopt.semantic.histmirror import _pvals
    pms = module_source(an, pname, dirs)
    if pms is None:
        return None
    hs, he = an.span(isyn.parent)
    items = _derived_items(text, pms, net, consts, maximal, (hs, he))
    if not items:
        return None
    ps, pe = an.span(pmod)
    n = next((x.width for x in an.exprs if _named(x) and x.text == net and ps <= x.start < pe), 0)
    if not 2 <= n <= MAX_BITS:
        return None
    spans = [(m.start, m.end) for m in items]
    dnames = sorted({w for m in items for w in m.writes})
    dread = [d for d in dnames if d in pms.ports or any(
        d in (m.reads - m.writes) for m in pms.members if (m.start, m.end) not in spans)]
    if not dread:
        return None
    # the reach of the child's register behind the port
    copar = overridable_params(cmod)
    cpv = {k: v for k, v in _pvals(an, child).items() if k in copar}
    if any(k not in cpv for k in copar):
        return None
    nlc = _module_netlist(texts, child, cpv, deadline)
    reach = _netlist_reach(nlc, port, n) if nlc is not None else None
    if reach is None:
        return None
    N = int(np.flatnonzero(reach)[-1]) + 1
    if not reach[:N].all() or N < 4:
        return None
    # the outputs' values: the items alone in a scratch module, the net its input
    popar = overridable_params(pmod)
    ppv = {k: v for k, v in _pvals(an, pname).items() if k in popar}
    if any(k not in ppv for k in popar):
        return None
    decls = []
    widths = {}
    for d in dnames:
        x = next((x for x in an.exprs if _named(x) and x.text == d and ps <= x.start < pe), None)
        if x is None or x.width < 1:
            return None
        widths[d] = (x.width, x.signed)
        decls.append(f"  logic {'signed ' if x.signed else ''}[{x.width - 1}:0] {d};")
    body = "\n".join(text[a:b] for a, b in spans)
    decls += [f"  integer {v};" for v in sorted(pms.loopvars) if re.search(rf"\b{re.escape(v)}\b", body)
              and not re.search(rf"\b(int|integer|genvar)\s+{re.escape(v)}\b", body)]
    outs = ", ".join(f"output [{widths[d][0] - 1}:0] rtlopt_e{i}" for i, d in enumerate(dread))
    src = (f"module rtlopt_digit_eval (input [{n - 1}:0] {net}, {outs});\n{_params_at(pmod, ppv)}\n"
           + "\n".join(decls) + "\n" + body + "\n"
           + "\n".join(f"  assign rtlopt_e{i} = {d};" for i, d in enumerate(dread)) + "\nendmodule\n")
    vals = _evaluate_src(src, net, n, len(dread), timeout=max(5.0, deadline - time.monotonic()))
    if vals is None:
        return None
    dig = {}
    for d, v in zip(dread, vals, strict=True):
        g = _digit_of(v, N)
        if g is None:
            return None
        dig[d] = g
    spec = []
    for m in items:
        spec.append((m.start, m.end, m.kind == "ContinuousAssign",
                     [(d, *widths[d], *dig[d]) for d in sorted(m.writes) if d in dig]))
    return spec, n


def _pushdowns(text: str, path, an, texts: dict | None = None, deadline: float = float("inf")
               ) -> list[tuple[str, str, str]]:
    """``(new text, child module, description)`` for each output port of a child instance whose net the parent
    reads only inside pure expressions of it (and parameters): those expressions become export ports of the
    child (``rtlopt_<port>_p<k>_o``, computed in the child from the port's own variable, the parent's
    parameters at their elaborated values) and the parent reads them instead (the net is left unread)."""
    from rtlopt.semantic.emit import port_directions
    from rtlopt.semantic.histmirror import _pvals
    out = []
    dirs = port_directions(an)
    mods = {m.header.name.valueText: m for m in _modules_of(an)}
    done = set()
    for sym in an.symbols:
        if type(sym).__name__ != "InstanceSymbol" or sym.syntax is None:
            continue
        isyn = sym.syntax
        child = sym.definition.name
        pmod = _module_of(isyn)
        cmod = mods.get(child)
        if pmod is None or cmod is None or _kind(cmod.header.ports) != "AnsiPortList":
            continue
        if _kind(isyn.parent.parent) != "ModuleDeclaration":
            continue  # (inside a generate block: one site, several instances)
        key = an.span(isyn)
        if key in done:
            continue
        done.add(key)
        pname = pmod.header.name.valueText
        pdirs = dict(dirs.get(pname, []))
        cdirs = dict(dirs.get(child, []))
        conns: dict[str, str] = {}
        wild = False
        for c in isyn.connections:
            k = _kind(c)
            if k == "WildcardPortConnection":
                wild = True
            elif k == "NamedPortConnection":
                e = c.expr
                if e is None:
                    conns[c.name.valueText] = c.name.valueText
                elif re.fullmatch(r"[A-Za-z_]\w*", str(e).strip()):
                    conns[c.name.valueText] = str(e).strip()
            elif k == "OrderedPortConnection":
                conns = {}
                break
        ps, pe = an.span(pmod)
        consts = _consts(an, pmod)
        pvals = _pvals(an, pname)
        for port, d in cdirs.items():
            if d != "output":
                continue
            net = conns.get(port, port if wild and port not in conns else None)
            if net is None or net in pdirs:
                continue
            named = [x for x in _ident_exprs(an, ps, pe) if _bare(x.text) == net]
            inst_s, inst_e = key
            reads = [x for x in named if not (inst_s <= x.start and x.end <= inst_e)]
            if not reads:
                continue
            allnames = [x for x in _ident_exprs(an, ps, pe) if not (inst_s <= x.start and x.end <= inst_e)]

            def pure(x, allnames=allnames, net=net, consts=consts) -> bool:
                ids = [y for y in allnames if x.start <= y.start and y.end <= x.end]
                return any(_bare(y.text) == net for y in ids) and all(_bare(y.text) in ({net} | consts) for y in ids)

            maximal = _maximal([x for x in an.exprs if ps <= x.start and x.end <= pe
                                and "Assignment" not in str(x.node.kind) and pure(x)])
            dspec, dspans = [], []
            if not all(any(m.start <= r.start and r.end <= m.end for m in maximal) for r in reads) or \
                    any(x.text.strip() == net for x in maximal):
                # the whole net read: by combinational items whose outputs are digits of it (by value)?
                if texts is None:
                    continue
                got = _parent_derived(text, an, dirs, pname, pmod, isyn, child, cmod, net, port, consts,
                                      [x for x in maximal if x.text.strip() != net], texts, deadline)
                if got is None:
                    continue
                dspec = got[0]
                dspans = [(a, b) for a, b, _c, _o in dspec]
                maximal = [x for x in maximal if not any(a <= x.start and x.end <= b for a, b in dspans)]
                if not all(any(m.start <= r.start and r.end <= m.end for m in maximal) or
                           any(a <= r.start and r.end <= b for a, b in dspans) for r in reads):
                    continue
            if any(x.text.strip() == net or not 1 <= x.width <= 32 for x in maximal):
                continue  # the whole net read somewhere: nothing to push
            dm = re.search(rf"\b(?:wire|reg|logic|bit)\s*(?:\[[^\]]*\]\s*)?{re.escape(net)}\s*;", text[ps:pe])
            covered = [(x.start, x.end) for x in maximal] + [key] + dspans
            if dm is not None:
                covered.append((ps + dm.start(), ps + dm.end()))
            if _uncovered(text, ps, pe, net, covered):
                continue  # a mention the expressions do not show (a select's base, a write)
            # a net written in the parent (other than by the instance) is not the port's value
            if re.search(rf"(?<![\w$.]){re.escape(net)}\s*(\[[^\]]*\]\s*)?(<=|=)(?!=)",
                         _blank(text[ps:pe], inst_s - ps, inst_e - ps)):
                continue
            edits_p, decl_p, conn_p, ports_c, body_c = [], [], [], [], []
            ok = True
            for k, x in enumerate(maximal):
                nm = f"rtlopt_{port}_p{k}"
                rng = f"[{x.width - 1}:0] " if x.width > 1 else ""
                sg = "signed " if x.signed else ""

                def sub(m, net=net, port=port, pvals=pvals):
                    w = m.group(0)
                    if w == net:
                        return port
                    if w in pvals:
                        return str(pvals[w])
                    return w

                ctext = _IDT.sub(sub, x.text)
                if any(w in consts and w not in pvals for w in _IDT.findall(x.text)):
                    ok = False
                    break
                edits_p.append((x.start, x.end, nm))
                decl_p.append(f"  wire {sg}{rng}{nm};\n")
                conn_p.append(f", .{nm}_o({nm})")
                ports_c.append(f",\n  output wire {sg}{rng}{nm}_o")
                body_c.append(f"  wire {sg}{rng}{nm} = {ctext};\n  assign {nm}_o = {nm};\n")
            k = len(maximal)
            for a, b, is_assign, outs in dspec:
                drv = []
                for d, w, _sgn, dd, r in outs:
                    nm = f"rtlopt_{port}_p{k}"
                    k += 1
                    rng = f"[{w - 1}:0] " if w > 1 else ""
                    ctext = f"({port} / {dd}) % {r}" if dd > 1 else f"{port} % {r}"
                    decl_p.append(f"  wire {rng}{nm};\n")
                    conn_p.append(f", .{nm}_o({nm})")
                    ports_c.append(f",\n  output wire {rng}{nm}_o")
                    body_c.append(f"  wire {rng}{nm} = {ctext};\n  assign {nm}_o = {nm};\n")
                    drv.append((d, nm))
                if is_assign:
                    rep = " ".join(f"assign {d} = {nm};" for d, nm in drv)
                else:
                    rep = ("always @* begin " + " ".join(f"{d} = {nm};" for d, nm in drv) + " end") if drv else ""
                edits_p.append((a, b, rep))
            if not ok:
                continue
            from rtlopt.hdl.edit import Edit, apply_edits
            items = [p for p in cmod.header.ports.ports if _kind(p) != "Token"]
            last_end = an.span(items[-1])[1]
            che = an.span(cmod.header)[1]
            phe = an.span(pmod.header)[1]
            if text[inst_e - 1] != ")":
                continue
            edits = [Edit(s, e, r) for s, e, r in edits_p]
            edits += [Edit(phe, phe, "\n" + "".join(decl_p)), Edit(inst_e - 1, inst_e - 1, "".join(conn_p)),
                      Edit(last_end, last_end, "".join(ports_c)), Edit(che, che, "\n" + "".join(body_c))]
            try:
                new = apply_edits(text, edits)
            except ValueError:
                continue
            what = [x.text for x in maximal] + [d for _a, _b, _c, outs in dspec for d, *_r in outs]
            out.append((new, child, f"{pname}'s reads of {net} ({', '.join(what)}) moved into {child}"))
    return out


def _modules_of(an) -> list:
    from rtlopt.semantic.emit import _modules
    return _modules(an)


def _bare(t: str) -> str:
    """A name's text without the parentheses around it (``(idx)``)."""
    return re.sub(r"^[\s(]+|[\s)]+$", "", t)


def _uncovered(text: str, s: int, e: int, name: str, covered: list[tuple[int, int]]) -> bool:
    """Whether ``name`` occurs in ``text[s:e]`` (comments and strings masked) outside every ``covered`` span:
    a read the elaboration's expressions do not show (a select's base, say) is caught by its spelling."""
    from rtlopt.engine.hierarchy import _mask
    masked = _mask(text[s:e])
    for m in re.finditer(rf"(?<![\w$.'`]){re.escape(name)}(?![\w$])", masked):
        a = s + m.start()
        if not any(c0 <= a < c1 for c0, c1 in covered):
            return True
    return False


def _blank(t: str, s: int, e: int) -> str:
    return t[:s] + " " * (e - s) + t[e:]
