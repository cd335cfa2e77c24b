"""One procedural view of a register's update, whatever the coding style: a semantics-preserving
source normalization that the register matchers (pingpong, modacc) run on when the user's text gives
them nothing.

The same update of a register set is written in several styles that the matchers, which read one
clocked block, did not see:

- **two-process** (registered state plus a combinational next-state block): ``always_comb begin
  a_n = a; if (en) a_n = a + 1; end`` and ``always_ff ... else a <= a_n;``. When every variable the
  combinational block writes is such a next value -- loaded by exactly one ``R <= N;`` of one clocked
  block, fully assigned (an unconditional assignment at the block's top level), read nowhere else, not
  even in its own block -- the block's body replaces the ``R <= N;`` statements with each ``N = e``
  turned into ``R <= e`` (the default ``N = R;`` written before any other write of ``N`` is a hold and
  goes). Same value on every path: the last write of ``N`` is the last write of ``R``.
- **compare functions**: calls of one-expression 1-bit functions of a variable (``over(missed, LIMIT)``
  with ``return m > lim;``) written out (:func:`inline_calls`, the inliner histflag uses).
- **one register per block**: clocked blocks with the same event control and the same reset test
  (``if (!rst_n) a <= 0; else ...`` next to ``if (!rst_n) d <= 0; else ...``), nonblocking writes
  only and disjoint targets, become one block ``if (C) begin A1 A2 end else begin B1 B2 end``;
  consecutive ``if (c) X`` arms of the merged branch with the same condition become one ``if (c)
  begin X1 X2 end`` (nonblocking writes do not change what ``c`` reads in the same step).

:func:`normalize` returns the rewritten file or None (nothing of the kind). The matchers' rewrites of
the normalized file are candidates like any other: the search loop proves them against the user's
design, so a mistake here can only lose a candidate, never give a wrong result.
"""

from __future__ import annotations

import re

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic.pingpong import _kids, _kind, _span, _walk

_ID = r"[A-Za-z_][\w$]*"


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"//[^\n]*|/\*.*?\*/", " ", s, flags=re.S)).strip()


def _assignments(n) -> list:
    out = []

    def f(x):
        if _kind(x) == "BinaryExpressionSyntax" and "Assignment" in str(x.kind):
            out.append(x)
    _walk(n, f)
    return out


def _blocking(x) -> bool:
    return "NonblockingAssignment" not in str(x.kind)


def _body(blk):
    st = blk.statement
    return st.statement if _kind(st) == "TimingControlStatementSyntax" else st


def _is_comb(text: str, blk) -> bool:
    a, b = _span(blk)
    head = text[a:min(b, a + 60)]
    return re.match(r"\s*always_comb\b", head) is not None or \
        re.match(r"\s*always\s*@\s*(\*|\(\s*\*\s*\))", head) is not None


def _clock_head(text: str, blk) -> str | None:
    """``always @(posedge clk or negedge rst_n)`` (normalized, always_ff as always) of a clocked block."""
    st = blk.statement
    if _kind(st) != "TimingControlStatementSyntax":
        return None
    a, _b = _span(blk)
    head = _norm(text[a:_span(st.timingControl)[1]])
    if not re.search(r"\b(posedge|negedge)\b", head):
        return None
    return re.sub(r"^always_ff\b", "always", head)


def _modules(tree) -> list:
    r = tree.root
    if _kind(r) == "ModuleDeclarationSyntax":
        return [r]
    return [m for m in getattr(r, "members", []) if _kind(m) == "ModuleDeclarationSyntax"]


def _blocks(mod) -> list:
    return [m for m in mod.members if _kind(m) == "ProceduralBlockSyntax"]


def _mentions(text: str, name: str, a: int, b: int) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<![\w$.'])" + re.escape(name) + r"(?![\w$])", text[a:b])]


def _mask(text: str) -> str:
    from rtlopt.engine.hierarchy import _mask as m
    return m(text)


def _indent_at(text: str, pos: int) -> str:
    ls = text.rfind("\n", 0, pos) + 1
    return re.match(r"[ \t]*", text[ls:]).group(0)


def _reindent(seg: str, src: str, dst: str) -> str:
    """``seg``'s continuation lines moved from indent ``src`` to ``dst``."""
    lines = seg.split("\n")
    out = [lines[0]]
    for ln in lines[1:]:
        out.append(dst + ln[len(src):] if ln.startswith(src) else ln)
    return "\n".join(out)


def _remove_item(text: str, a: int, b: int) -> Edit:
    ls = text.rfind("\n", 0, a) + 1
    le = text.find("\n", b)
    le = len(text) if le < 0 else le
    if not text[ls:a].strip() and not text[b:le].strip():
        return Edit(ls, min(le + 1, len(text)), "")
    return Edit(a, b, "")


def _inline_next_state(text: str, mod) -> list[Edit] | None:
    """Edits inlining one combinational next-state block into its clocked block, or None."""
    mk = _mask(text)
    ma, mb = _span(mod)
    blocks = _blocks(mod)
    for k in blocks:
        if not _is_comb(text, k):
            continue
        kbody = _body(k)
        asg = _assignments(kbody)
        if not asg or not all(_blocking(x) for x in asg):
            continue
        lhs = [text[slice(*_span(x.left))].strip() for x in asg]
        if not all(re.fullmatch(_ID, n) for n in lhs):
            continue
        ka, kb = _span(k)
        if re.search(r"\b(for|while|repeat|forever|logic|reg|int|integer|bit|automatic)\b", mk[ka:kb]):
            continue
        names = sorted(set(lhs))
        # every next value N: one 'R <= N;' in one clocked block
        loads: dict[str, tuple] = {}
        blk_of = set()
        for b in blocks:
            if b is k or _clock_head(text, b) is None:
                continue
            for x in _assignments(b):
                r = text[slice(*_span(x.right))].strip()
                if r in names and not _blocking(x):
                    loads.setdefault(r, []).append((b, x))
        if sorted(loads) != names or any(len(v) != 1 for v in loads.values()):
            continue
        for v in loads.values():
            blk_of.add(id(v[0][0]))
        if len(blk_of) != 1:
            continue
        blk = loads[names[0]][0][0]
        if ka > _span(blk)[0] and any(_kind(m) in ("DataDeclarationSyntax", "NetDeclarationSyntax") and
                                      _span(blk)[1] <= _span(m)[0] < ka for m in mod.members):
            continue  # the body would move above a declaration it may read
        pair = {n: text[slice(*_span(loads[n][0][1].left))].strip() for n in names}
        regs = list(pair.values())
        if not all(re.fullmatch(_ID, r) for r in regs) or len(set(regs)) != len(regs):
            continue
        # each N: read nowhere (its own block included), mentioned only in plain declarations
        stmts = []
        for n in names:
            x = loads[n][0][1]
            # the statement: the assignment and its ';'
            xa, xb = _span(x)
            semi = mk.find(";", xb)
            stmts.append((xa, semi + 1))
        ok = True
        drop: dict[tuple[int, int], tuple[list[str], set[str]]] = {}
        reads = _default_reads(text, kbody, asg, names, pair)
        for n in names:
            in_k = _mentions(mk, n, ka, kb)
            if reads.get(n) is None or len(in_k) != lhs.count(n) + len(reads[n]):
                ok = False  # N read in its own block where it may differ from R
                break
            for off in _mentions(mk, n, ma, mb):
                p = ma + off
                if ka <= p < kb or any(a <= p < b for a, b in stmts):
                    continue
                st = max(mk.rfind(";", 0, p), mk.rfind("\n", 0, p))
                en = mk.find(";", p)
                decl = mk[st + 1:en]
                if not re.match(r"\s*(?:logic|reg|bit|var|" + _ID + r")\b", decl) or "=" in decl or \
                        re.match(r"\s*(assign|input|output|inout)\b", decl):
                    ok = False
                    break
                # the declaration goes with the variable (alone: the statement; else its name in the list)
                dm = re.fullmatch(r"(\s*(?:(?:logic|reg|bit|var|" + _ID + r")\b\s*(?:signed\s+|unsigned\s+)?"
                                  r"(?:\[[^\]]*\]\s*)*))(.*)", decl, re.S)
                if dm is None:
                    ok = False
                    break
                ids = [x.strip() for x in dm.group(2).split(",")]
                if n not in ids or not all(re.fullmatch(_ID, x) for x in ids):
                    ok = False
                    break
                drop.setdefault((st + 1 + len(dm.group(1)), en), (ids, set()))[1].add(n)
            if not ok:
                break
        if not ok:
            continue
        # the declarations go with the variables (all names of a list: the statement; else the names)
        decl_edits = []
        for (lo, en), (ids, gone) in drop.items():
            left = [x for x in ids if x not in gone]
            if left:
                decl_edits.append(Edit(lo, en, ", ".join(left)))
            else:
                ds = max(mk.rfind(";", 0, lo), mk.rfind("\n", 0, lo)) + 1
                ds += len(text[ds:lo]) - len(text[ds:lo].lstrip())
                decl_edits.append(_remove_item(text, ds, en + 1))
        # every N fully assigned: an unconditional top-level write
        items = list(kbody.items) if _kind(kbody) == "BlockStatementSyntax" else [kbody]
        top = set()
        for it in items:
            if _kind(it) == "ExpressionStatementSyntax" and _kind(it.expr) == "BinaryExpressionSyntax":
                top.add(text[slice(*_span(it.expr.left))].strip())
        if not set(names) <= top:
            continue
        # R written in the clocked block only by its load outside the load's arm (the reset arm)
        arm = _arm(blk, [_span(loads[n][0][1]) for n in names])
        if arm is None:
            continue
        aa, ab = _span(arm)
        if any(aa <= _span(x)[0] < ab and text[slice(*_span(x.left))].strip() in regs
               and text[slice(*_span(x.right))].strip() not in names for x in _assignments(blk)):
            continue
        # the body with N = e as R <= e; the leading defaults N = R dropped
        ba, bb = _span(kbody)
        first_write: dict[str, int] = {}
        for x in asg:
            n = text[slice(*_span(x.left))].strip()
            first_write.setdefault(n, _span(x)[0])
        edits = []
        for it in items:
            if _kind(it) != "ExpressionStatementSyntax" or _kind(it.expr) != "BinaryExpressionSyntax":
                continue
            x = it.expr
            n = text[slice(*_span(x.left))].strip()
            if n in pair and _span(x)[0] == first_write[n] and text[slice(*_span(x.right))].strip() == pair[n]:
                ia, ib = _span(it)
                edits.append(_remove_item(text, ia, ib))
        done = {e.start for e in edits}
        for x in asg:
            n = text[slice(*_span(x.left))].strip()
            la, _lb = _span(x.left)
            ra, _rb = _span(x.right)
            if any(e.start <= la < e.end for e in edits if e.start in done):
                continue
            edits.append(Edit(la, ra, f"{pair[n]} <= "))
        edits += [Edit(r, r + len(n), pair[n]) for n, rs in reads.items() for r in rs]
        seg = apply_edits(text[ba:bb], [Edit(e.start - ba, e.end - ba, e.replacement) for e in edits
                                        if ba <= e.start and e.end <= bb])
        if not re.search(r"<=", seg):
            continue
        first = min(stmts)
        seg = _reindent(seg, _indent_at(text, ba), _indent_at(text, first[0]))
        out = [Edit(first[0], first[1], seg)]
        out += [_remove_item(text, a, b) for a, b in stmts if (a, b) != first]
        out.append(_remove_item(text, ka, kb))
        return out + decl_edits
    return None


def _default_reads(text: str, kbody, asg: list, names: list[str], pair: dict[str, str]) -> dict[str, list | None]:
    """``{N: [offsets of reads of N that see the default N = R]}`` (None: a read that may see another
    value). A read in top-level item ``j`` of the block sees ``R`` when every earlier top-level write of
    ``N`` is the default ``N = R;`` (one at least) and no write of ``N`` in item ``j`` comes before it
    (``acc_n = acc_q; if (v) acc_n = acc_n + d;``: the read is ``acc_q``)."""
    items = list(kbody.items) if _kind(kbody) == "BlockStatementSyntax" else [kbody]
    lhs_at, done_at = {}, {}
    for x in asg:
        a, b = _span(x.left)
        lhs_at[a] = text[a:b].strip()
        done_at[a] = _span(x)[1]  # a write takes effect once its right-hand side was read
    out: dict[str, list | None] = {n: [] for n in names}
    mk = _mask(text)
    for j, it in enumerate(items):
        ia, ib = _span(it)
        for n in names:
            if out[n] is None:
                continue
            for off in _mentions(mk, n, ia, ib):
                p = ia + off
                if lhs_at.get(p) == n:
                    continue
                before = items[:j]
                defaults = [b for b in before if _kind(b) == "ExpressionStatementSyntax"
                            and _kind(b.expr) == "BinaryExpressionSyntax"
                            and text[slice(*_span(b.expr.left))].strip() == n
                            and text[slice(*_span(b.expr.right))].strip() == pair[n]]
                writes_before = [a for a, nm in lhs_at.items() if nm == n and a < ia]
                own_before = [a for a, nm in lhs_at.items() if nm == n and ia <= a and done_at[a] <= p
                              and not _exclusive(it, a, p)]
                if not defaults or own_before or len(writes_before) != len(defaults):
                    out[n] = None
                    break
                out[n].append(p)
    return out


def _path(n, pos: int) -> list:
    out = [n]
    while True:
        nxt = next((c for c in _kids(out[-1]) if _span(c)[0] <= pos < _span(c)[1]), None)
        if nxt is None:
            return out
        out.append(nxt)


def _exclusive(node, a: int, b: int) -> bool:
    """Whether offsets ``a`` and ``b`` under ``node`` lie in different arms of one if/else or case."""
    pa, pb = _path(node, a), _path(node, b)
    k = 0
    while k < min(len(pa), len(pb)) and pa[k] is pb[k]:
        k += 1
    if k == 0 or k >= min(len(pa), len(pb)):
        return False
    return _kind(pa[k - 1]) in ("ConditionalStatementSyntax", "CaseStatementSyntax", "ElseClauseSyntax") and \
        _kind(pa[k]) != "ConditionalPredicateSyntax" and _kind(pb[k]) != "ConditionalPredicateSyntax"


def _arm(blk, spans):
    """The innermost branch (then / else clause statement, or the block body) holding all ``spans``."""
    best = _body(blk)

    def rec(x):
        nonlocal best
        if _kind(x) == "ConditionalStatementSyntax":
            for c in (x.statement, x.elseClause.clause if x.elseClause is not None else None):
                if c is None:
                    continue
                a, b = _span(c)
                if all(a <= s and e <= b for s, e in spans):
                    best = c
                    rec(c)
                    return
        for c in _kids(x):
            a, b = _span(c)
            if all(a <= s and e <= b for s, e in spans):
                rec(c)
                return
    rec(_body(blk))
    return best


def _split_if(text: str, st):
    """(normalized condition, then text, else text or None) of ``if (c) A [else B]`` (unique/priority: no)."""
    if _kind(st) != "ConditionalStatementSyntax":
        return None
    pred = st.predicate
    conds = list(pred.conditions)
    if len(conds) != 1 or st.uniqueOrPriority is not None and str(st.uniqueOrPriority).strip():
        return None
    c = _norm(text[slice(*_span(conds[0]))])
    th = text[slice(*_span(st.statement))]
    el = text[slice(*_span(st.elseClause.clause))] if st.elseClause is not None else None
    return c, th, el


def _unblock(n):
    while _kind(n) == "BlockStatementSyntax":
        items = list(n.items)
        if len(items) != 1 or n.blockName is not None:
            return n
        n = items[0]
    return n


def _stmts_of(text: str, st) -> list:
    """The statements of a begin/end list (one statement: itself)."""
    if _kind(st) == "BlockStatementSyntax" and st.blockName is None:
        return list(st.items)
    return [st]


def _merged_list(text: str, stmts: list, ind: str) -> str:
    """``stmts`` (text nodes) as lines; consecutive ``if (c) ...`` with the same ``c`` joined."""
    out: list[str] = []
    runs: list[tuple] = []
    for s in stmts:
        got = _split_if(text, s)
        if got is not None and runs and runs[-1][0] is not None and runs[-1][0] == got[0]:
            runs[-1][1].append(got[1])
            if got[2] is not None:
                runs[-1][2].append(got[2])
            continue
        if got is not None:
            runs.append((got[0], [got[1]], [got[2]] if got[2] is not None else [], s))
        else:
            runs.append((None, [text[slice(*_span(s))]], [], s))
    for c, ths, els, s in runs:
        if c is None or (len(ths) == 1):
            out.append(ind + _reindent(text[slice(*_span(s))], _indent_at(text, _span(s)[0]), ind))
            continue
        inner = ind + "    "
        line = f"{ind}if ({c}) begin\n" + "\n".join(inner + _strip_block(t, inner) for t in ths) + f"\n{ind}end"
        if els:
            line += " else begin\n" + "\n".join(inner + _strip_block(t, inner) for t in els) + f"\n{ind}end"
        out.append(line)
    return "\n".join(out)


def _strip_block(t: str, ind: str) -> str:
    m = re.fullmatch(r"\s*begin\b(.*)\bend\s*", t, re.S)
    body = m.group(1) if m and not re.match(r"\s*:", m.group(1)) else t
    lines = [ln.strip() for ln in body.strip().split("\n")]
    # nested structure: keep relative indentation by re-deriving from the original lines
    raw = body.strip("\n").split("\n")
    base = min((len(ln) - len(ln.lstrip()) for ln in raw if ln.strip()), default=0)
    lines = [ln[base:] if len(ln) >= base else ln.strip() for ln in raw if ln.strip()]
    return ("\n" + ind).join(lines)


def _merge_clocked(text: str, mod) -> list[Edit] | None:
    groups: dict[tuple, list] = {}
    for b in _blocks(mod):
        head = _clock_head(text, b)
        if head is None:
            continue
        asg = _assignments(b)
        if not asg or any(_blocking(x) for x in asg):
            continue
        body = _unblock(_body(b))
        got = _split_if(text, body)
        if got is None:
            continue
        groups.setdefault((head, got[0]), []).append((b, body, got))
    for (_head, cond), bs in groups.items():
        if len(bs) < 2:
            continue
        written = [{text[slice(*_span(x.left))].strip() for x in _assignments(b)} for b, _bd, _g in bs]
        if any(written[i] & written[j] for i in range(len(bs)) for j in range(i + 1, len(bs))):
            continue
        # the merged block stands where the last one stood: every name any of them reads is declared
        # before it (a block reading a wire declared between them moves after that declaration)
        b0 = bs[-1][0]
        ba, bb = _span(b0)
        ind = _indent_at(text, ba)
        i1, i2 = ind + "    ", ind + "        "
        thens, elses = [], []
        for _b, body, _g in bs:
            thens += _stmts_of(text, body.statement)
            if body.elseClause is not None:
                elses += _stmts_of(text, body.elseClause.clause)
        tc = _span(b0.statement.timingControl)[1]
        head_text = text[ba:tc]
        new = (f"{head_text} begin\n{i1}if ({cond}) begin\n" + _merged_list(text, thens, i2) + f"\n{i1}end")
        if elses:
            new += " else begin\n" + _merged_list(text, elses, i2) + f"\n{i1}end"
        new += f"\n{ind}end"
        out = [Edit(ba, bb, new)]
        out += [_remove_item(text, *_span(b)) for b, _bd, _g in bs[:-1]]
        return out
    return None


def normalize(text: str, path: str = "x.sv", rounds: int = 8) -> str | None:
    """The file with next-state blocks inlined and same-clock/same-reset blocks merged, or None."""
    from pyslang import syntax

    cur = text
    changed = False
    for _ in range(rounds):
        tr = syntax.SyntaxTree.fromText(cur, path)
        if any(d.isError() for d in tr.diagnostics):
            return None
        edits = None
        for mod in _modules(tr):
            edits = _inline_next_state(cur, mod) or _merge_clocked(cur, mod)
            if edits:
                break
        if not edits:
            break
        try:
            nxt = apply_edits(cur, edits)
        except ValueError:
            break
        t2 = syntax.SyntaxTree.fromText(nxt, path)
        if any(d.isError() for d in t2.diagnostics):
            break
        cur, changed = nxt, True
    return cur if changed else None


def inline_calls(text: str, path: str = "x.sv") -> str | None:
    """The file with its calls of one-expression 1-bit functions (``return m > lim;`` / ``f = a == b;``)
    of a variable written out (the argument texts for the formals, widths and signedness equal: the
    shared inliner of :mod:`rtlopt.semantic.histmirror`), or None."""
    from rtlopt.semantic.histmirror import _inline_calls
    n = _inline_calls(text, path)
    return n if n != text else None


def variants(texts: dict) -> list[tuple]:
    """``[(path, normalized text)]`` of the files :func:`normalize` (then :func:`inline_calls`) changes."""
    out = []
    for p, t in texts.items():
        try:
            n = normalize(t, str(p)) or t
            n = inline_calls(n, str(p)) or n
        except Exception:  # noqa: BLE001 - a parse problem: no view
            n = None
        if n is not None and n != t:
            out.append((p, n))
    return out


# ---- sums accumulated in a procedural loop ------------------------------------------------------------

MAX_UNROLL = 64
_INT_EXPR = re.compile(r"[\d\s()+\-*/%<>=!&|^]*")


def _const_eval(expr: str) -> int | None:
    """The value of an integer expression of literals (after loop variables were substituted), or None."""
    e = expr.strip()
    if not e or not _INT_EXPR.fullmatch(e):
        return None
    e = e.replace("&&", " and ").replace("||", " or ")
    e = re.sub(r"!(?!=)", " not ", e).replace("/", "//")
    try:
        v = eval(e, {"__builtins__": {}}, {})  # noqa: S307 - digits and operators only (checked above)
    except Exception:  # noqa: BLE001
        return None
    return int(v) if isinstance(v, (bool, int)) else None


def _subst(text: str, env: dict[str, int]) -> str:
    for k, v in env.items():
        text = re.sub(r"(?<![\w$.'])" + re.escape(k) + r"(?![\w$])", str(v), text)
    # fold constant index expressions: win[3 * 1 + 2] -> win[5]

    def fold(m):
        v = _const_eval(m.group(1))
        return f"[{v}]" if v is not None and ":" not in m.group(1) else m.group(0)
    return re.sub(r"\[([^\[\]:]*)\]", fold, text)


def _loop_range(text: str, loop) -> tuple[str, list[int]] | None:
    """(loop variable, its values) of ``for (i = A; i < B; i++)`` with constant bounds."""
    a, b = _span(loop)
    head = _norm(text[a:_span(loop.statement)[0]])
    m = re.fullmatch(r"for \( ?(?:(?:int|integer|genvar|automatic int)\s+)?(" + _ID + r") ?= ?([^;]+?) ?; ?\1 ?(<=|<|!=|>=|>)"
                     r" ?([^;]+?) ?; ?(\1 ?\+\+|\+\+ ?\1|\1 ?\+= ?1|\1 ?= ?\1 ?\+ ?1|\1 ?--|--\1|\1 ?-= ?1|"
                     r"\1 ?= ?\1 ?- ?1) ?\)", head)
    if m is None:
        return None
    lo, hi = _const_eval(m.group(2)), _const_eval(m.group(4))
    if lo is None or hi is None:
        return None
    down = "-" in m.group(5)
    op = m.group(3)
    vals = []
    v = lo
    while len(vals) <= MAX_UNROLL:
        ok = {"<": v < hi, "<=": v <= hi, "!=": v != hi, ">": v > hi, ">=": v >= hi}[op]
        if not ok:
            break
        vals.append(v)
        v += -1 if down else 1
    if len(vals) > MAX_UNROLL or not vals:
        return None
    return m.group(1), vals


def _acc_terms(text: str, st, env: dict[str, int], acc: list) -> list[str] | None:
    """The addends ``st`` adds to one accumulator (``acc[0]``, fixed by the first ``s = s + E`` / ``s +=
    E``) for the loop values ``env``, or None when ``st`` does anything else."""
    k = _kind(st)
    if k == "ForLoopStatementSyntax":
        got = _loop_range(text, st)
        if got is None:
            return None
        var, vals = got
        out = []
        for v in vals:
            t = _acc_terms(text, st.statement, {**env, var: v}, acc)
            if t is None:
                return None
            out += t
        return out
    if k == "BlockStatementSyntax":
        out = []
        for it in st.items:
            t = _acc_terms(text, it, env, acc)
            if t is None:
                return None
            out += t
        return out
    if k == "ConditionalStatementSyntax":
        conds = list(st.predicate.conditions)
        if len(conds) != 1:
            return None
        c = _const_eval(_subst(text[slice(*_span(conds[0]))], env))
        if c is None:
            return None
        if c:
            return _acc_terms(text, st.statement, env, acc)
        return _acc_terms(text, st.elseClause.clause, env, acc) if st.elseClause is not None else []
    if k != "ExpressionStatementSyntax" or _kind(st.expr) != "BinaryExpressionSyntax":
        return None
    x = st.expr
    lhs = text[slice(*_span(x.left))].strip()
    rhs = text[slice(*_span(x.right))].strip()
    if not re.fullmatch(_ID, lhs) or lhs in env or (acc and acc[0] != lhs):
        return None
    if "AddAssignment" in str(x.kind):
        e = rhs
    elif str(x.kind).endswith("SyntaxKind.AssignmentExpression"):
        own = r"(?<![\w$.'])" + re.escape(lhs) + r"(?![\w$])"
        m = re.fullmatch(own + r"\s*\+\s*(.+)", rhs, re.S) or re.fullmatch(r"(.+?)\s*\+\s*" + own, rhs, re.S)
        if m is None:
            return None
        e = m.group(1)
    else:
        return None
    if re.search(r"(?<![\w$.'])" + re.escape(lhs) + r"(?![\w$])", e) or re.search(r"[?:<>=&|^]", e):
        return None  # one addend per step, not reading the sum
    acc[:] = [lhs]
    e = _subst(e, env)
    return [e if re.fullmatch(r"[\w$]+(\[\d+\])*", e.strip()) else f"({e.strip()})"]


def _unroll_sums(text: str, mod) -> list[Edit] | None:
    """Edits writing ``s = 0; for (...) s = s + E(i);`` as ``s = E(a) + E(a+1) + ...;`` in one module."""
    mk = _mask(text)
    ma, mb = _span(mod)
    found = []

    def f(x):
        if _kind(x) == "BlockStatementSyntax":
            found.append(x)
    for b in _blocks(mod):
        if _is_comb(text, b):
            _walk(b, f)
    for blk in found:
        items = list(blk.items)
        for i, it in enumerate(items):
            if _kind(it) != "ForLoopStatementSyntax":
                continue
            acc: list = []
            try:
                terms = _acc_terms(text, it, {}, acc)
            except Exception:  # noqa: BLE001
                terms = None
            if not terms or not acc or len(terms) < 2:
                continue
            s = acc[0]
            la, lb = _span(it)
            # the loop variables: read nowhere else but in declarations and other loops
            var = _loop_range(text, it)[0]
            loops = []

            def g(x, loops=loops):
                if _kind(x) == "ForLoopStatementSyntax":
                    loops.append(_span(x))
            _walk(mod, g)
            bad = False
            for off in _mentions(mk, var, ma, mb):
                p = ma + off
                if any(a <= p < b for a, b in loops):
                    continue
                ls = mk.rfind("\n", 0, p) + 1
                if not re.match(r"\s*(integer|int|genvar)\b[^=]*;", mk[ls:mk.find("\n", p)]):
                    bad = True
            if bad:
                continue
            start, init = la, None
            if i > 0 and _kind(items[i - 1]) == "ExpressionStatementSyntax":
                px = items[i - 1].expr
                if _kind(px) == "BinaryExpressionSyntax" and str(px.kind).endswith("SyntaxKind.AssignmentExpression") \
                        and text[slice(*_span(px.left))].strip() == s:
                    init = text[slice(*_span(px.right))].strip()
                    if re.search(r"(?<![\w$.'])" + re.escape(s) + r"(?![\w$])", init):
                        init = None
                    else:
                        start = _span(items[i - 1])[0]
            lead = [] if init is not None and re.fullmatch(r"(\d*\s*'[sS]?[dDbBhH]\s*0+|'0|0)", init) else \
                [init] if init is not None else [s]
            return [Edit(start, lb, f"{s} = " + " + ".join(lead + terms) + ";")]
    return None


def unroll_sums(text: str, path: str = "x.sv", rounds: int = 16) -> str | None:
    """The file with every sum accumulated in a constant-bound procedural loop of a combinational
    block written out as one ``+`` chain (same value: modular addition at the accumulator's width is
    the same summed at once or step by step), or None."""
    from pyslang import syntax

    cur, changed = text, False
    for _ in range(rounds):
        tr = syntax.SyntaxTree.fromText(cur, path)
        if any(d.isError() for d in tr.diagnostics):
            return None
        edits = None
        for mod in _modules(tr):
            edits = _unroll_sums(cur, mod)
            if edits:
                break
        if not edits:
            break
        nxt = apply_edits(cur, edits)
        if any(d.isError() for d in syntax.SyntaxTree.fromText(nxt, path).diagnostics):
            break
        cur, changed = nxt, True
    return cur if changed else None


def unrolled(texts: dict) -> list[tuple]:
    """``[(path, text with loop sums unrolled)]`` of the files :func:`unroll_sums` changes."""
    out = []
    for p, t in texts.items():
        try:
            n = unroll_sums(t, str(p))
        except Exception:  # noqa: BLE001
            n = None
        if n is not None and n != t:
            out.append((p, n))
    return out
