"""Registers with disjoint lifetimes share one register (resource sharing of sequential state).

Two word registers ``A`` and ``B`` of one module that are never busy at the same time -- a delay
counter used only before a phase flag rises and a rate counter used only after it, two timers each
counting in its own FSM state -- can live in one register of the larger width: while the controller
is in ``A``'s phase the shared register holds ``A``, in ``B``'s phase it holds ``B``.

Found by meaning, not by names: the elaborated netlist's sampled traces from reset (the simulations
:mod:`rtlopt.semantic.regfunc` shares) give, per pair of word registers of one scope, the cycles in
which each one changes (a step in which both land on their reset values -- a common clear -- does not
count). A phase predicate ``P`` over another register of the scope (a flag ``p`` or ``!p``, a state
register in a set of codes) separates them: ``A`` changes only where ``!P`` holds, ``B`` only where
``P`` holds, and both do change somewhere. Where ``B`` is not reloaded on entering its phase but
waits at a constant ``k`` (``B == k`` in every sample with ``!P``: a counter cleared when it leaves
its phase), the shared register is set to ``k`` at each write of the phase register that enters
``P`` (the same for ``A`` and the writes leaving ``P``), unless that block writes ``A`` or ``B``
itself.
A timer that holds its last count one cycle after its phase gets the value it starts its phase
with instead (seen at each entry in the traces). Timers each cleared by an ``else`` of their own
(``if (in phase) t <= t + 1; else t <= 0;``) also get a variant where the later of the two equal
else-clears goes: the earlier statement clears the shared register outside its phase, the later one
counts over it in its own.

The edit is minimal: the narrower register's declarator goes, its reads and writes name the kept one
(a write identical to a write of the kept register in the same block goes), and the entry writes get
``M <= k;`` (guarded by ``!P`` unless an enclosing if/case already says so). Modules instantiated
several times are edited once: every instance must agree. Each candidate is simulated against the
original (same random stimulus, outputs compared) before it is offered; the search loop measures it
and proves it from reset like every candidate (the proof needs the conditional equalities
``!P -> M == A``, ``P -> M == B``).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np

from rtlopt.hdl.edit import Edit, apply_edits

RULE = "register_lifetime_sharing"
MAX_CANDIDATES = 4
#: widest register considered (values decoded to int64 lanes)
MAX_WIDTH = 32
#: register pairs examined at most (one always block of a large design holds many)
MAX_PAIRS = 200
#: further sharings chained onto the first one in a candidate of its own
MAX_CHAIN = 2
#: widest register a phase predicate reads
PHASE_BITS = 4
#: variants with a transformed register (complement, offsets) simulated at most per register pair
MAX_TRANSFORM_VARIANTS = 4
#: offsets (most frequent hand-over differences) tried per register pair
MAX_OFFSETS = 2
#: the prover's engines for these candidates, in order (see :func:`lifeshare_candidates`)
PROOF_ENGINES = ("smt", "abc")
#: ... for a sharing that holds one register transformed (complement, offset)
PROOF_ENGINES_TF = ("abc", "smt")
#: the description's mark of such a sharing
TF_NOTE = " read as "

_ID = re.compile(r"[A-Za-z_][\w$]*")
#: texts of sharings whose registers reach the kept register's top bit in the traces (no narrowing to try
#: on top, :func:`_with_narrowing`); bounded
_FULL_WIDTH: dict[str, bool] = {}


def _kind(n) -> str:
    return type(n).__name__


# -- traces -------------------------------------------------------------------------------------

def _values(trace: np.ndarray, js: list[int]) -> np.ndarray:
    """[cycles, lanes] int64 values of the register on flops ``js`` (LSB first) in a seqsim trace."""
    c, _n, w = trace.shape
    out = np.zeros((c, w * 64), dtype=np.int64)
    sh = np.arange(64, dtype=np.uint64)
    for i, j in enumerate(js):
        bits = ((trace[:, j, :][:, :, None] >> sh) & np.uint64(1)).reshape(c, w * 64).astype(np.int64)
        out |= bits << i
    return out


def _phase_for(va: np.ndarray, vb: np.ndarray, ka: set[int], kb: set[int], phases: dict[str, np.ndarray]):
    """[(phase register, set of codes where B is busy)] separating A's changes from B's ([cycles, lanes]
    arrays). A step to one of a register's load constants ``ka``/``kb`` (its reset value, the constants
    its source writes: a reload on entering its phase, which reads nothing of the old value) is no use."""
    a0, a1, b0, b1 = va[:-1], va[1:], vb[:-1], vb[1:]
    cha = (a1 != a0) & ~np.isin(a1, list(ka))
    chb = (b1 != b0) & ~np.isin(b1, list(kb))
    if not cha.any() or not chb.any():
        return []
    out = []
    for name, pv in phases.items():
        p0 = pv[:-1]
        sa, sb = set(np.unique(p0[cha]).tolist()), set(np.unique(p0[chb]).tolist())
        if sa & sb:
            continue
        out.append((name, frozenset(sb), frozenset(sa)))
    return out


# -- source model -------------------------------------------------------------------------------

def _consts(texts: list[str], names: list[str], top: str) -> dict[str, int]:
    """Enum member and parameter names with one value over the elaborated design."""
    from pyslang import syntax

    from rtlopt.hdl.project import top_compilation

    comp = top_compilation(top)
    for t, n in zip(texts, names, strict=True):
        comp.addSyntaxTree(syntax.SyntaxTree.fromText(t, n))
    vals: dict[str, set] = {}

    def visit(n):
        k = _kind(n)
        if k in ("EnumValueSymbol", "ParameterSymbol"):
            try:
                iv = _num(str(n.value))
            except Exception:  # noqa: BLE001 - not an integer
                iv = None
            vals.setdefault(n.name, set()).add(iv)
        return True

    comp.getRoot().visit(visit)
    out = {k: next(iter(v)) for k, v in vals.items() if len(v) == 1 and None not in v}
    # enum members of typedefs (the visitor does not enter types): numbered from 0 or their '= value'
    enum_vals: dict[str, set] = {}
    for t in texts:
        for m in re.finditer(r"\benum\b[^{;]*\{([^}]*)\}", t):
            nxt = 0
            for item in m.group(1).split(","):
                mm = re.fullmatch(r"\s*([A-Za-z_][\w$]*)\s*(?:=\s*(.+?))?\s*", item)
                if mm is None:
                    break
                if mm.group(2) is not None:
                    v = _rhs_value(mm.group(2), out)
                    if v is None:
                        break
                    nxt = v
                enum_vals.setdefault(mm.group(1), set()).add(nxt)
                nxt += 1
    for k, v in enum_vals.items():
        if len(v) == 1 and k not in vals:
            out[k] = next(iter(v))
    return out


def _num(s: str) -> int | None:
    m = re.fullmatch(r"\s*(-?\d+)\s*", s)
    if m:
        return int(m.group(1))
    m = re.fullmatch(r"\s*\d*'s?([dDhHbBoO])([0-9a-fA-F_]+)\s*", s)
    if m:
        return int(m.group(2).replace("_", ""), {"d": 10, "h": 16, "b": 2, "o": 8}[m.group(1).lower()])
    return None


def _const_of(text: str, consts: dict[str, int]) -> int | None:
    from rtlopt.semantic.seqred import _cint

    s = text.strip()
    while s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    if s in consts:
        return consts[s]
    m = re.fullmatch(r"\d+'\((.+)\)", s)  # SV size cast of a name
    if m and m.group(1).strip() in consts:
        return consts[m.group(1).strip()]
    if s in ("'0", "'1"):
        return None if s == "'1" else 0
    return _cint(s)


def _rhs_value(rhs: str, consts: dict[str, int]) -> int | None:
    """The value of a right side that reads no variable: literals, parameters, enum names, + - * / << >>
    and parentheses (None otherwise)."""
    s = rhs.strip()
    if re.fullmatch(r"\{\s*[\w$]+\s*\{\s*1'b0\s*\}\s*\}|'0|\d*'[sS]?[bdhoBDHO]0+", s):
        return 0
    s = re.sub(r"\b\d+'\(", "(", s)  # SV size casts
    s = re.sub(r"\d*'[sS]?([dDhHbBoO])\s*([0-9a-fA-F_]+)",
               lambda m: str(int(m.group(2).replace("_", ""), {"d": 10, "h": 16, "b": 2, "o": 8}[m.group(1).lower()])), s)

    def name(m):
        n = m.group(0)
        if n not in consts:
            raise KeyError(n)
        return str(consts[n])

    try:
        s = re.sub(r"[A-Za-z_][\w$]*", name, s)
    except KeyError:
        return None
    if not re.fullmatch(r"[\d\s+\-*/()<>]*", s) or not s.strip():
        return None
    try:
        v = eval(s.replace("/", "//"), {"__builtins__": {}}, {})  # noqa: S307 - digits and operators only
    except Exception:  # noqa: BLE001
        return None
    return v if isinstance(v, int) else None


def _loads(n: str, sts, tlist, by, consts) -> set[int]:
    """Constants the source writes into register ``n`` (its reloads), at its width."""
    out = set()
    w = by[n][0].width
    for s in sts.get(n, []):
        body = tlist[s.file][slice(*s.span)]
        rhs = body.split("<=", 1)[1].strip().rstrip(";").strip()
        v = (1 << w) - 1 if _all_ones(rhs) else _rhs_value(rhs, consts)
        if v is not None:
            out.add(v & ((1 << w) - 1))
    return out


def _all_ones(rhs: str) -> bool:
    """``'1``, ``{N{1'b1}}``, ``~0``: all ones at whatever width the assignment has."""
    s = re.sub(r"\s+", "", rhs)
    while s.startswith("(") and s.endswith(")"):
        s = s[1:-1]
    return s in ("'1", "~0", "~'0") or re.fullmatch(r"\{[\w$()+\-*]+\{1'b1\}\}", s) is not None


def _find_stmt(tree, span: tuple[int, int]):
    """The ExpressionStatementSyntax node spanning exactly ``span`` in a syntax tree (None if absent)."""
    found = []

    def walk(n):
        if found:
            return
        r = getattr(n, "sourceRange", None)
        if r is not None and (r.end.offset <= span[0] or r.start.offset >= span[1]):
            return
        if _kind(n) == "ExpressionStatementSyntax" and (r.start.offset, r.end.offset) == span:
            found.append(n)
            return
        try:
            kids = list(n)
        except TypeError:
            return
        for c in kids:
            if _kind(c).endswith("Syntax"):
                walk(c)

    walk(tree.root)
    return found[0] if found else None


def _span(n) -> tuple[int, int]:
    r = n.sourceRange
    return r.start.offset, r.end.offset


def _strip(s: str) -> str:
    s = re.sub(r"\s+", "", s)
    while s.startswith("(") and s.endswith(")"):
        s = s[1:-1]
    return s


def _known_outside(stmt, text: str, preg: str, pset: frozenset, pwidth: int, consts) -> bool:
    """Whether an enclosing if/case of ``stmt`` already implies ``!P`` (the entry guard is redundant)."""
    child, n = stmt, stmt.parent
    while n is not None and _kind(n) not in ("ProceduralBlockSyntax", "ModuleDeclarationSyntax"):
        k = _kind(n)
        if k == "ConditionalStatementSyntax":
            c = _strip(text[slice(*_span(n.predicate))])
            in_else = n.elseClause is not None and _span(child) == _span(n.elseClause)
            if pwidth == 1:
                neg = {f"!{preg}", f"~{preg}", f"{preg}==0", f"{preg}==1'b0", f"{preg}==1'd0"}
                pos = {preg, f"{preg}==1", f"{preg}==1'b1", f"{preg}==1'd1"}
                outside_is_zero = pset == frozenset({1})
                if (not in_else and c in (neg if outside_is_zero else pos)) or \
                        (in_else and c in (pos if outside_is_zero else neg)):
                    return True
            elif not in_else:
                m = re.fullmatch(re.escape(preg) + r"==(.+)", c)
                if m:
                    v = _const_of(m.group(1), consts)
                    if v is not None and v not in pset:
                        return True
        elif k in ("StandardCaseItemSyntax",):
            case = n.parent
            if _kind(case) == "CaseStatementSyntax" and _strip(text[slice(*_span(case.expr))]) == preg:
                labels = [_const_of(text[slice(*_span(e))], consts) for e in n.expressions
                          if _kind(e).endswith("Syntax") and not _kind(e).endswith("TokenSyntax")]
                labels = [x for x in labels]
                if labels and all(x is not None and x not in pset for x in labels):
                    return True
        child, n = n, n.parent
    return False


def _block_writes(stmt, text: str, names: set[str]) -> bool:
    """Whether the begin-end block holding ``stmt`` (or the statement alone) assigns one of ``names``."""
    n = stmt.parent
    scope = n if n is not None and _kind(n) == "BlockStatementSyntax" else stmt
    body = text[slice(*_span(scope))]
    return any(re.search(rf"(?<![\w$.]){re.escape(x)}\s*(?:\[[^\]]*\]\s*)?<=(?!=)", body) for x in names)


def _decl_removal(mtext: str, off: int, name: str) -> list[Edit] | None:
    """Edits removing ``name``'s declarator from its declaration statement inside a module's text."""
    pat = re.compile(r"(?m)^([ \t]*)((?:reg|logic|bit|var\s+logic)\b[^;]*?);[ \t]*(?://[^\n]*)?\n?")
    for m in pat.finditer(mtext):
        body = m.group(2)
        if not re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", body):
            continue
        decls = re.match(r"((?:reg|logic|bit|var\s+logic)\b(?:\s+(?:signed|unsigned))?\s*(?:\[[^\]]*\]\s*)*)(.*)$",
                         body, re.S)
        if decls is None:
            return None
        items = [x.strip() for x in decls.group(2).split(",")]
        names = [re.match(r"[A-Za-z_][\w$]*", x).group(0) if re.match(r"[A-Za-z_][\w$]*", x) else None
                 for x in items]
        if name not in names or None in names:
            return None
        if len(items) == 1:
            return [Edit(off + m.start(), off + m.end(), "")]
        # 'a, b' -> remove ', b' (or 'a, ' when it is the first)
        s0 = m.start(2) + len(decls.group(1))
        seg = mtext[s0:m.end(2)]
        pos = [mm.start() for mm in re.finditer(rf"(?<![\w$]){re.escape(name)}(?![\w$])", seg)]
        if len(pos) != 1:
            return None
        i = names.index(name)
        p = pos[0]
        if i == 0:
            e = seg.index(",", p) + 1
            while e < len(seg) and seg[e] in " \t":
                e += 1
            return [Edit(off + s0 + p, off + s0 + e, "")]
        c = seg.rindex(",", 0, p)
        e = p + len(items[i])
        return [Edit(off + s0 + c, off + s0 + e, "")]
    return None


def _stmt_removal(text: str, a: int, b: int) -> Edit:
    """The edit removing the statement at ``a..b``: its whole line when it stands alone there, else the
    statement and the blanks after it."""
    ls = text.rfind("\n", 0, a) + 1
    le = text.find("\n", b)
    if le >= 0 and not text[ls:a].strip() and not text[b:le].strip():
        return Edit(ls, le + 1, "")
    while b < len(text) and text[b] in " \t":
        b += 1
    return Edit(a, b, "")


def _module_range(tree, pos: int) -> tuple[int, int] | None:
    mods = [tree.root] if _kind(tree.root) == "ModuleDeclarationSyntax" else list(tree.root.members)
    for m in mods:
        if _kind(m) == "ModuleDeclarationSyntax":
            s, e = _span(m)
            if s <= pos < e:
                return s, e
    return None


# -- candidates ---------------------------------------------------------------------------------

def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    """The pair sharings of :func:`_pair_candidates`; when the first one leaves a register that shares
    with yet another (three wait timers of one FSM, heldout10 lcd/hd44780_init), the chain of them
    (at most MAX_CHAIN further sharings, each simulated) is offered first as one candidate."""
    t0 = time.monotonic()
    out = _pair_candidates(texts, top, timeout_s)
    if out:
        chained, descs = out[0][0], [out[0][1]]
        for _ in range(MAX_CHAIN):
            left = timeout_s - (time.monotonic() - t0)
            if left < 3.0:
                break
            more = _pair_candidates(chained, top, left)
            if not more:
                break
            chained = more[0][0]
            descs.append(more[0][1])
        if len(descs) > 1:
            out.insert(0, (chained, "; ".join(descs)))
    return out[:MAX_CANDIDATES]


def _pair_candidates(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    from rtlopt.semantic import regfunc, seqred

    t0 = time.monotonic()
    paths = list(texts)
    tlist = [texts[p] for p in paths]
    if not all(t.isascii() for t in tlist):
        return []
    model = seqred._source_model(tlist, [str(p) for p in paths], top)
    if model is None:
        return []
    occs, stmts, trees = model
    by: dict[str, list] = {}
    for o in occs:
        by.setdefault(o.path, []).append(o)
    sts: dict[str, list] = {}
    for s in stmts:
        sts.setdefault(s.path, []).append(s)

    def word_ok(n: str) -> bool:
        ol = by.get(n, [])
        if not ol or not ol[0].proc or ol[0].is_port or not 2 <= ol[0].width <= MAX_WIDTH:
            return False
        if any(o.sel or o.dynamic for o in ol) or len({o.file for o in ol}) != 1:
            return False
        mine = sts.get(n, [])
        if not mine or len({s.block for s in mine}) != 1 or mine[0].block is None:
            return False
        f = ol[0].file
        return all(re.fullmatch(rf"\s*{re.escape(n.rpartition('.')[2])}\s*<=[^;]*;\s*", tlist[f][slice(*s.span)])
                   for s in mine)

    scopes: dict[str, list[str]] = {}
    for n in by:
        scopes.setdefault(n.rpartition(".")[0], []).append(n)
    pairs = []
    for sc, ns in scopes.items():
        ws = sorted(n for n in ns if word_ok(n))
        for i, a in enumerate(ws):
            for b in ws[i + 1:]:
                if by[a][0].file == by[b][0].file and sts[a][0].block == sts[b][0].block:
                    pairs.append((sc, a, b))
    if not pairs:
        return []
    pairs = pairs[:MAX_PAIRS]
    try:
        net = seqred._load_cached(texts, top, max(2.0, timeout_s * 0.5))
    except Exception:  # noqa: BLE001 - Yosys rejects it or it is outside the model
        return []
    regs = regfunc._all_registers(net)
    runs = [regfunc.run_trace(net, i) for i in range(2)]

    memo: dict[str, np.ndarray | None] = {}

    def vals(n: str) -> np.ndarray | None:
        if n in memo:
            return memo[n]
        js = regs.get(n)
        if js is None or len(js) > MAX_WIDTH:
            memo[n] = None
            return None
        # runs side by side on the lane axis (each run's cycles in order)
        parts = [_values(tr, js) for tr in runs]
        c = min(p.shape[0] for p in parts)
        memo[n] = np.concatenate([p[:c] for p in parts], axis=1)
        return memo[n]

    # hypotheses per module (the pair's leaf names, the module's spans): every instance must agree
    found: dict[tuple, dict] = {}
    consts = None
    for sc, a, b in pairs:
        if time.monotonic() - t0 > timeout_s:
            break
        va, vb = vals(a), vals(b)
        if va is None or vb is None:
            continue
        if consts is None:
            consts = _consts(tlist, [str(p) for p in paths], top)
        ka = {int(va[0, 0])} | _loads(a, sts, tlist, by, consts)
        kb = {int(vb[0, 0])} | _loads(b, sts, tlist, by, consts)
        phases = {}
        for n in scopes[sc]:
            if n in (a, b) or n not in regs or len(regs[n]) > PHASE_BITS or not by[n][0].proc:
                continue
            v = vals(n)
            if v is not None:
                phases[n] = v
        key = (by[a][0].file, by[a][0].ident, by[b][0].ident)
        for orient in ((a, b, va, vb, ka, kb), (b, a, vb, va, kb, ka)):
            x, y, vx, vy, rx, ry = orient
            for pn, pset, xbusy in _phase_for(vx, vy, rx, ry, phases):
                inP = np.isin(phases[pn], list(pset))
                ky = np.unique(vy[~inP])
                kx = np.unique(vx[inP])
                ent = found.setdefault((key, x.rpartition(".")[2], pn.rpartition(".")[2], pset), {
                    "x": x, "y": y, "p": pn, "pset": pset, "ky": set(), "kx": set(), "scopes": set(),
                    "xbusy": set(), "ey": set(), "ex": set(), "dxy": {}})
                if by[x][0].width == by[y][0].width:
                    # x - y (mod 2^w) where the phase changes hands: the offset a shared register would
                    # need for the register that waits across the other's phase to find its value again
                    mask = (1 << by[x][0].width) - 1
                    hand = inP[:-1] != inP[1:]
                    for d in ((vx[1:] - vy[1:])[hand] & mask).tolist():
                        ent["dxy"][d] = ent["dxy"].get(d, 0) + 1
                ent["xbusy"].update(xbusy)
                ent["scopes"].add(sc)
                ent["ky"].update(ky.tolist())
                ent["kx"].update(kx.tolist())
                # values on entering each phase (a timer that holds its last count one cycle after its
                # phase does not wait at one constant, but may still start its phase at one)
                ent["ey"].update(np.unique(vy[1:][~inP[:-1] & inP[1:]]).tolist())
                ent["ex"].update(np.unique(vx[1:][inP[:-1] & ~inP[1:]]).tolist())
    inst_count: dict[tuple, int] = {}
    for _sc, a, b in pairs:
        k = (by[a][0].file, by[a][0].ident, by[b][0].ident)
        inst_count[k] = inst_count.get(k, 0) + 1
    out = []
    seen: set[str] = set()
    if consts is None:
        consts = _consts(tlist, [str(p) for p in paths], top)
    # per register pair: every phase that separates them, emitted; the plain renaming first (the writes
    # at the phase entries only when it alone disagrees), the shortest text first (fewest guards)
    per_key: dict[tuple, list[dict]] = {}
    for (key, _xl, _pl, _ps), ent in found.items():
        if len(ent["scopes"]) == inst_count.get(key, 0):
            per_key.setdefault(key, []).append(ent)
    for key in sorted(per_key, key=str):
        if time.monotonic() - t0 > timeout_s or len(out) >= MAX_CANDIDATES:
            break
        variants = []
        tvars = []
        for ent in per_key[key]:
            for entries, far in ((False, False), (True, False), (False, True), (True, True)):
                got = _emit(tlist, trees, by, sts, ent, consts, entries, far)
                if got is not None and got[1] not in seen:
                    seen.add(got[1])
                    variants.append((far, entries, len(got[1]), got))
            for rank, tf in enumerate(_transforms(ent)):
                for entries in (False, True):
                    got = _emit(tlist, trees, by, sts, ent, consts, entries, False, tf)
                    if got is not None and got[1] not in seen:
                        seen.add(got[1])
                        tvars.append((rank, entries, len(got[1]), got))
        # the renamings as before (at most 3), then at most 2 with the later of two else-clears dropped,
        # then the shared register holding one of them transformed (complement first, then offsets)
        order = sorted(variants, key=lambda v: v[:3])
        order = [v for v in order if not v[0]][:3] + [v for v in order if v[0]][:2]
        order += sorted(tvars, key=lambda v: v[:3])[:MAX_TRANSFORM_VARIANTS]
        for _fa, _e, _n, (f, new_text, desc) in order:
            new = dict(texts)
            new[paths[f]] = new_text
            if _sim_agrees(net, new, top, max(2.0, timeout_s - (time.monotonic() - t0))):
                out.append((new, desc))
                ent = per_key[key][0]
                hi = max(int(vals(ent["x"]).max()), int(vals(ent["y"]).max()))
                if hi.bit_length() >= max(by[ent["x"]][0].width, by[ent["y"]][0].width):
                    if len(_FULL_WIDTH) >= 64:
                        _FULL_WIDTH.pop(next(iter(_FULL_WIDTH)))
                    _FULL_WIDTH[new_text] = True
                break
    return out


def _transforms(ent) -> list[tuple[str, int]]:
    """Ways the shared register may hold the register it drops, besides as it is (equal widths only):
    its complement (an up count standing for a down count: a down pointer that ends its phase at 0
    where the other pointer waits at all ones), then at most :data:`MAX_OFFSETS` offsets ``x = y + d``,
    the differences most often seen where the phase changes hands. Each is only a guess: the candidate
    is simulated (deep, rare resets) before it is offered and proven like every other."""
    dxy = ent.get("dxy") or {}
    offs = sorted((d for d in dxy if d), key=lambda d: (-dxy[d], d))[:MAX_OFFSETS]
    return [("not", 0)] + [("add", d) for d in offs]


def _apply_tf(tf: tuple[str, int], rhs: str, dl: str, kl: str, width: int) -> str:
    """The kept register's write standing for ``dl <= rhs;`` when it holds ``dl`` transformed by ``tf``
    (``("not", 0)``: ``~dl``; ``("add", d)``: ``dl + d`` mod 2^width): ``dl +/- c`` becomes ``kl -/+ c`` or
    ``kl +/- c``, an SV fill literal the other one, an offset constant its sum, anything else ``~(rhs)`` /
    ``(rhs) + d`` (the assignment truncates to the register's width, where complement and sums commute
    with it)."""
    s = rhs.strip()
    m = re.fullmatch(rf"\(?\s*{re.escape(dl)}\s*([+-])\s*([0-9]*'?[sS]?[bdhoBDHO]?[0-9a-fA-F_]+)\s*\)?", s)
    if m and (s.startswith("(") == s.endswith(")")):
        op = m.group(1)
        if tf[0] == "not":
            op = "-" if op == "+" else "+"
        return f"{kl} {op} {m.group(2)}"
    mask = (1 << width) - 1
    if tf[0] == "not":
        # the complement at whatever width the assignment has: right at every parameter value
        if re.fullmatch(r"'[01]", s):
            return "'1" if s == "'0" else "'0"
        return f"~({s})"
    v = _rhs_value(s, {})
    if v is not None:
        return f"{width}'d{(v + tf[1]) & mask}"
    if _all_ones(s):
        return f"{width}'d{(mask + tf[1]) & mask}"
    return f"({s}) + {width}'d{tf[1]}"


def _decl_end(mtext: str, off: int, names: list[str]) -> int | None:
    """The offset just past the last declaration statement (of a module's text at ``off``) naming one
    of ``names``."""
    pat = re.compile(r"(?m)^[ \t]*(?:reg|logic|bit|var\s+logic)\b[^;]*;[ \t]*(?://[^\n]*)?\n?")
    ends = [m.end() for m in pat.finditer(mtext)
            if any(re.search(rf"(?<![\w$]){re.escape(n)}(?![\w$])", m.group(0)) for n in names)]
    return off + max(ends) if ends else None


def _emit(tlist, trees, by, sts, ent, consts, entries: bool = True, far: bool = False, tf=None):
    """(file, new text, description) of one sharing: the kept register is the wider one. ``far``: a
    constant write of the dropped register equal to a constant write of the kept one anywhere in the
    always block goes too (with its ``else``): each timer cleared outside its own state by an
    ``if (in phase) t <= t + 1; else t <= 0;`` of its own -- the kept one's else already clears, the
    dropped one's else would clear the kept one's count in its phase."""
    x, y, pn = ent["x"], ent["y"], ent["p"]
    ox, oy = by[x][0], by[y][0]
    f = ox.file
    text = tlist[f]
    # the kept register M: the wider (ties: the one declared first)
    if oy.width > ox.width:
        keep, drop = y, x
    else:
        keep, drop = x, y
    kl, dl = keep.rpartition(".")[2], drop.rpartition(".")[2]
    mr = _module_range(trees[f], ox.ident[0])
    if mr is None:
        return None
    mtext = text[mr[0]:mr[1]]
    width = ox.width
    if tf is not None:
        if far or ox.width != oy.width:
            return None
        # x = y + d where the phase changes hands: the shared register holds the dropped one plus dd
        dd = 0 if tf[0] == "not" else (tf[1] if keep == x else -tf[1]) & ((1 << width) - 1)
        tf = (tf[0], dd)
    # every mention of the dropped register in its module is an occurrence of the model or the declarator
    spans = sorted({o.ident for o in by[drop]})
    ment = [m.start() + mr[0] for m in re.finditer(rf"(?<![\w$.]){re.escape(dl)}(?![\w$])", mtext)]
    if len(ment) != len(spans) + 1 or any(s[0] not in ment for s in spans):
        return None
    eds = _decl_removal(mtext, mr[0], dl)
    if eds is None:
        return None
    if tf is not None:
        more = _tf_edits(text, mtext, mr[0], trees[f], sts, keep, drop, kl, dl, tf, width)
        if more is None:
            return None
        eds += more
    # writes of the dropped register identical (after renaming) to a write of the kept one in the same block go
    kept_w = {}
    kept_any: dict[int, list] = {}  # constant -> the kept register's writes of it (statements)
    for s in {s.span: s for s in sts[keep]}.values():
        node = _find_stmt(trees[f], s.span)
        blk = _span(node.parent) if node is not None and node.parent is not None else None
        rhs = text[slice(*s.span)].split("<=", 1)[1].strip().rstrip(";").strip()
        v = _rhs_value(rhs, consts)
        kept_w.setdefault(blk, set()).add(("v", v) if v is not None else re.sub(r"\s+", " ", rhs))
        if v is not None:
            kept_any.setdefault(v, []).append(s)
    gone = set()
    for s in ({s.span: s for s in sts[drop]}.values() if tf is None else ()):
        node = _find_stmt(trees[f], s.span)
        blk = _span(node.parent) if node is not None and node.parent is not None else None
        rhs = text[slice(*s.span)].split("<=", 1)[1].strip().rstrip(";").strip()
        v = _rhs_value(rhs, consts)
        rhs = ("v", v) if v is not None else re.sub(r"\s+", " ", re.sub(rf"(?<![\w$.]){re.escape(dl)}(?![\w$])", kl, rhs))
        if blk is not None and rhs in kept_w.get(blk, set()):
            eds.append(_stmt_removal(text, *s.span))
            gone.add(s.span)
        elif far and node is not None and isinstance(rhs, tuple) and rhs[1] in kept_any:
            # the later of the two clears goes (the earlier one's if/else runs first and is overridden
            # by the later statement's count in its phase)
            later = sorted((k for k in kept_any[rhs[1]] if k.block == s.block and k.span[0] > s.span[0]),
                           key=lambda k: k.span[0])
            if later:
                node = _find_stmt(trees[f], later[0].span)
                if node is None:
                    return None
            par = node.parent
            if par is not None and _kind(par) == "ElseClauseSyntax":
                a, b = _span(par)
            elif par is not None and _kind(par) == "BlockStatementSyntax":
                a, b = _span(node)
            else:
                return None  # the only statement of a then-branch or a case item: not removable alone
            ls = text.rfind("\n", 0, a) + 1
            le = text.find("\n", b)
            if le >= 0 and not text[ls:a].strip() and not text[b:le].strip():
                eds.append(Edit(ls, le + 1, ""))
            else:
                while a > 0 and text[a - 1] in " \t":
                    a -= 1
                eds.append(Edit(a, b, ""))
            if not later:
                gone.add(s.span)
    for sp in (spans if tf is None else ()):
        if not any(g[0] <= sp[0] and sp[1] <= g[1] for g in gone):
            eds.append(Edit(sp[0], sp[1], kl))
    # entry writes: the register of the phase being entered waits at a constant -> M gets it there
    pl = pn.rpartition(".")[2]
    pset = ent["pset"]
    pw = by[pn][0].width
    pwrites = {s.span: s for s in sts.get(pn, [])}.values()
    ins = []
    for target, kset, entering in ((y, ent["ky"], True), (x, ent["kx"], False)):
        if len(kset) != 1:
            kset = ent.get("ey" if entering else "ex", set())
        if len(kset) != 1 or not entries:
            continue  # reloaded on entry (or not constant): no write added
        k = next(iter(kset))
        if tf is not None and target == drop:
            k = (~k if tf[0] == "not" else k + tf[1]) & ((1 << width) - 1)
        for s in pwrites:
            body = text[slice(*s.span)]
            v = _const_of(body.split("<=", 1)[1].rstrip().rstrip(";"), consts)
            if v is None:
                return None  # a phase write whose value is not known: the entries cannot be found
            if (v in pset) != entering or (not entering and pw > 1 and v not in ent["xbusy"]):
                continue  # not an entry into the phase of the register that waits at k
            node = _find_stmt(trees[f], s.span)
            if node is None:
                return None
            if _block_writes(node, text, {kl, dl}):
                continue
            guard_set = pset if entering else frozenset(c for c in range(1 << pw) if c not in pset)
            need_guard = not _known_outside(node, text, pl, guard_set, pw, consts)
            if pw == 1:
                cond = f"{'!' if 1 in pset else ''}{pl}" if entering else f"{'' if 1 in pset else '!'}{pl}"
            else:
                codes = sorted(pset)
                inside = " || ".join(f"{pl} == {pw}'d{c}" for c in codes)
                cond = f"!({inside})" if entering else inside
            kt = str(k) if k == 0 else f"{ox.width if keep == x else oy.width}'d{k}"
            w = f"{kl} <= {kt};" if not need_guard else f"if ({cond}) {kl} <= {kt};"
            ins.append((node, w))
            _ = target
    for node, w in ins:
        a, b = _span(node)
        if node.parent is not None and _kind(node.parent) == "BlockStatementSyntax":
            eds.append(Edit(b, b, f" {w}"))
        else:
            eds.append(Edit(a, b, f"begin {text[a:b].strip()} {w} end"))
    try:
        new = apply_edits(text, eds)
    except ValueError:
        return None
    desc = (f"registers {kl} and {dl} ({keep.rpartition('.')[0] or 'top'}) busy in disjoint phases of {pl}: "
            f"one register")
    if tf is not None:
        desc += f", {dl}{TF_NOTE}{_tf_read(tf, kl)}"
    return f, new, desc


def _tf_read(tf: tuple[str, int], kl: str) -> str:
    return f"~{kl}" if tf[0] == "not" else f"{kl} - {tf[1]}"


def _tf_edits(text, mtext, off, tree, sts, keep, drop, kl, dl, tf, width) -> list[Edit] | None:
    """The dropped register becomes a net of the kept one (``wire [R] dl = ~kl;`` or ``kl - d``, declared
    after both declarations, so every read stays as written), and each of its writes a write of the kept
    register with the transformed value; a write beside a write of the kept register in the same block
    (a common reset) goes, the kept register's value wins (the other orientation keeps the other one)."""
    m = re.search(rf"(?m)^([ \t]*)(?:reg|logic|bit|var\s+logic)\b(\s+(?:signed|unsigned))?\s*((?:\[[^\]]*\]\s*)*)"
                  rf"[^;]*?(?<![\w$]){re.escape(dl)}(?![\w$])[^;]*;", mtext)
    if m is None or (m.group(2) or "").strip() == "signed" or not m.group(3).strip():
        return None
    if re.search(rf"(?m)^[ \t]*(?:reg|logic|bit|var\s+logic)\b\s+signed\b[^;]*(?<![\w$]){re.escape(kl)}(?![\w$])",
                 mtext):
        return None
    rng = re.sub(r"\s+", "", m.group(3))
    pos = _decl_end(mtext, off, [kl, dl])
    if pos is None:
        return None
    ls = text.rfind("\n", 0, pos - 1) + 1
    indent = re.match(r"[ \t]*", text[ls:]).group(0)
    if text[pos - 1:pos] != "\n":
        return None
    eds = [Edit(pos, pos, f"{indent}wire {rng} {dl} = {_tf_read(tf, kl)};\n")]
    kept_blocks = set()
    for s in sts[keep]:
        node = _find_stmt(tree, s.span)
        if node is None:
            return None
        kept_blocks.add(_span(node.parent) if node.parent is not None else None)
    for s in {s.span: s for s in sts[drop]}.values():
        node = _find_stmt(tree, s.span)
        if node is None:
            return None
        body = text[slice(*s.span)]
        rhs = body.split("<=", 1)[1].strip().rstrip(";").strip()
        blk = _span(node.parent) if node.parent is not None else None
        if blk in kept_blocks and node.parent is not None and _kind(node.parent) == "BlockStatementSyntax":
            eds.append(_stmt_removal(text, *s.span))
            continue
        eds.append(Edit(s.span[0], s.span[1], f"{kl} <= {_apply_tf(tf, rhs, dl, kl, width)};"))
    return eds


def _sim_agrees(net, new_texts: dict[Path, str], top: str, timeout_s: float) -> bool:
    """Not shown to differ: the simulation agrees, or it cannot compare the two (left to the proof). With
    the deep run (rare resets): a sharing is wrong, if at all, where one phase hands over to the other,
    which may come only after a whole count (an address sweep)."""
    from rtlopt.semantic.seqsim import outputs_agree

    return outputs_agree(net, new_texts, top, timeout_s, deep=True) is not False


def _with_narrowing(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    """:func:`candidates_for`, then the first sharing with the register width templates applied on top
    (:func:`rtlopt.semantic.regfunc_seq.with_narrowing`), that one first: the kept register keeps the wider
    declaration, often wider than both value ranges (heldout11 clock/alarm_snooze: two 16-bit timers
    counting to 19 and 6 -> one 5-bit one, 1074 -> 542 um^2); measured one at a time the narrowing came
    a round later, after the budget (90 s at load 10-13) had run out."""
    t0 = time.monotonic()
    got = candidates_for(texts, top, timeout_s)
    if not got or any(new[p] in _FULL_WIDTH for new, _d in got[:1] for p in new if new[p] != texts.get(p)):
        # nothing to narrow: the shared register reaches its top bit in the traces (an address sweep)
        return got
    from rtlopt.semantic import regfunc_seq

    left = timeout_s - (time.monotonic() - t0)
    try:
        more = regfunc_seq.with_narrowing(texts, top, got, deadline=time.monotonic() + max(3.0, left), limit=1)
    except Exception:  # noqa: BLE001 - no combination from a failed analysis
        more = []
    return more[:2] + got


def lifeshare_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import sequential_candidates

    stages: dict[str, str] = {}

    def gen(texts, top, timeout_s=20.0):
        got = _with_narrowing(texts, top, timeout_s)
        by_desc = {d: n for n, d in got}
        for n, d in got:
            cut = d.rfind("; then ")
            base = by_desc.get(d[:cut]) if cut > 0 else None
            ch = [q for q in n if n[q] != texts[q]]
            if base is not None and len(ch) == 1 and base.get(ch[0]) not in (None, n[ch[0]], texts[ch[0]]):
                stages[n[ch[0]]] = base[ch[0]]
        return got

    out = sequential_candidates(state, gen, RULE, label="register lifetime sharing", cap_s=25.0)
    for c in out:
        if c.text in stages:  # the sharing, then the narrowing: proven in two steps where the search can
            c.hints["stage"] = stages[c.text]
        # z3's phase-sharing invariants (verify._smt._phase_sharing: !P -> M == A, P -> M == B) decide these
        # in seconds; ABC's PDR ran first and took 22 s or timed out (heldout11 clock/alarm_snooze: smt
        # EQUIVALENT 8.6 s, abc unknown 22 s at load 13; the search's proof gave up UNKNOWN)
        # a register held transformed (``dn read as ~up``): the other register waits at a constant through
        # the phase (not a phase equality z3's invariants name), ABC's PDR finds it (an SV March-style
        # controller's up/down pointers: abc 3.6 s, smt UNKNOWN at 60 s)
        c.hints["engines"] = PROOF_ENGINES_TF if TF_NOTE in c.description else PROOF_ENGINES
    return out
