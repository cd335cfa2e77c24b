"""A register bank read only by one operator becomes one register of the operator's result (retiming).

``a_q <= x; b_q <= y; ... e = ... (a_q - b_q) ...``: when two registers are written by adjacent
statements (so under the same clock, reset and enable) and each is read exactly once, both reads
being the two operands of one binary operator, the pair becomes one register ``r <= (x) - (y);`` read
in place of the operator: one flop bank and (for ``+``/``-``) the operator moves before the register,
where it can often share or fold (a reset of two zeros becomes ``0 - 0``). The new register holds the
exact result: ``max(wa, wb) + 1`` bits for ``+``/``-`` of two signed words (sign-extended where read,
as the operator's result was) or an unsigned sum; the widest operand for ``& | ^``. Unsigned
subtraction (whose result depends on the reading context's width) is not moved. Names and layout do
not matter (the parsed design's occurrences and assignments); the search loop measures and proves it.
"""

from __future__ import annotations

import re
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits

RULE = "register_retiming"

_ASSIGN = re.compile(r"\s*([A-Za-z_][\w$]*)\s*<=\s*(.+?)\s*;\s*", re.S)


def _signed(text: str, name: str) -> bool | None:
    """Whether the declaration statement of ``name`` says signed (None when not found once)."""
    hits = [m for m in re.finditer(r"(?:^|;)\s*(?:reg|logic|var\s+logic|bit)\b([^;]*?)(?<![\w$])"
                                   + re.escape(name) + r"(?![\w$])[^;]*;", text, re.M)]
    if len(hits) != 1:
        return None
    return bool(re.search(r"\bsigned\b", hits[0].group(1)))


def _decl_stmt(text: str, name: str) -> tuple[int, int, str] | None:
    m = re.search(r"^([ \t]*)(reg|logic|var\s+logic|bit)\b[^;]*?(?<![\w$])" + re.escape(name)
                  + r"(?![\w$])[^;]*;[^\n]*\n", text, re.M)
    if m is None:
        return None
    return m.start(), m.end(), m.group(1), m.group(2)


def candidates_for(texts: dict[Path, str], top: str) -> list[tuple[dict[Path, str], str]]:
    from rtlopt.semantic.seqred import _source_model

    paths = list(texts)
    tlist = [texts[p] for p in paths]
    if not all(t.isascii() for t in tlist):
        return []
    model = _source_model(tlist, [str(p) for p in paths], top)
    if model is None:
        return []
    occs, stmts, _trees = model
    byname: dict[str, list] = {}
    for o in occs:
        byname.setdefault(o.path, []).append(o)
    regs = {}
    for n, ol in byname.items():
        reads = [o for o in ol if not o.write]
        writes = [o for o in ol if o.write]
        if not ol[0].proc or len(reads) != 1 or not writes or reads[0].sel or reads[0].dynamic \
                or any(o.sel for o in writes) or len({o.file for o in ol}) != 1:
            continue
        mine = [st for st in stmts if st.path == n]
        if len(mine) != len(writes) or any(st.block is None for st in mine):
            continue
        # every mention in the file is a write, the one read or the declaration (the model may not
        # list reads in continuous assignments or other modules: a name seen anywhere else stays)
        ment = len(re.findall(rf"(?<![\w$.]){re.escape(n)}(?![\w$])", tlist[ol[0].file]))
        if ment != len(writes) + 2:
            continue
        regs[n] = (reads[0], sorted(mine, key=lambda s: s.span))
    out = []
    names = sorted(regs)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            ra, sa = regs[a]
            rb, sb = regs[b]
            if ra.file != rb.file or "." in a or "." in b:
                continue
            (x, y) = (a, b) if ra.ident[0] < rb.ident[0] else (b, a)
            rx, sx = regs[x]
            ry, sy = regs[y]
            text = tlist[rx.file]
            mid = text[rx.ident[1]:ry.ident[0]]
            mo = re.fullmatch(r"\s*([-+^&|])\s*", mid)
            if mo is None or len(sx) != len(sy):
                continue
            op = mo.group(1)
            # the operator is the whole of its operands' use: not part of a longer chain (a - b - c)
            before = text[:rx.ident[0]].rstrip()
            after = text[ry.ident[1]:].lstrip()
            paren = before.endswith("(") and after.startswith(")")
            # or the whole right side of an assignment (a continuous assign, a net declaration's
            # initializer, a blocking assignment): the net then carries the register of the result
            whole = after.startswith(";") and (
                re.search(r"(?<![<>=!])=$", before) is not None
                or re.search(r"(?:^|[;)]|\bbegin|\belse)\s*[A-Za-z_][\w$]*(?:\s*\[[^\]]*\])*\s*<=$",
                             before[-300:]) is not None)  # a non-blocking assignment, not a comparison
            if not (paren or whole):
                continue
            got = _rewrite(text, x, y, op, rx, ry, sx, sy, paren)
            if got is None:
                continue
            new = dict(texts)
            new[paths[rx.file]] = got
            out.append((new, f"registers {x}, {y} read only as '{x} {op} {y}': one register of the result"))
    return out[:4]


def _rewrite(text, x, y, op, rx, ry, sx, sy, paren: bool = True) -> str | None:
    sgx, sgy = _signed(text, x), _signed(text, y)
    if sgx is None or sgy is None or sgx != sgy:
        return None
    if op == "-" and not sgx:
        return None
    w = max(rx.width, ry.width) + (1 if op in "+-" else 0)
    name = f"{x}_{ {'-': 'sub', '+': 'add', '^': 'xor', '&': 'and', '|': 'or'}[op]}_{y}".replace(" ", "")
    while re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", text):
        name += "_q"
    eds: list[Edit] = []
    for s1, s2 in zip(sx, sy, strict=True):
        lo, hi = sorted([s1.span, s2.span])
        if s1.file != s2.file or s1.block != s2.block or text[lo[1]:hi[0]].strip():
            return None  # not adjacent statements of one block: maybe different control
        m1 = _ASSIGN.fullmatch(text[s1.span[0]:s1.span[1]])
        m2 = _ASSIGN.fullmatch(text[s2.span[0]:s2.span[1]])
        if m1 is None or m2 is None or m1.group(1) != x or m2.group(1) != y:
            return None
        v = f"({m1.group(2)}) {op} ({m2.group(2)})"
        eds.append(Edit(s1.span[0], s1.span[1], f"{name} <= {v};"))
        # the second statement goes with its line when alone on it
        a, b = s2.span
        ls = text.rfind("\n", 0, a) + 1
        le = text.find("\n", b)
        if le >= 0 and not text[ls:a].strip() and not text[b:le].strip():
            eds.append(Edit(ls, le + 1, ""))
        else:
            eds.append(Edit(a, b, ""))
    # the read: (x op y) -> name (or the bare right side x op y of an assignment)
    if paren:
        p0 = text.rfind("(", 0, rx.ident[0])
        p1 = text.find(")", ry.ident[1]) + 1
    else:
        p0, p1 = rx.ident[0], ry.ident[1]
    eds.append(Edit(p0, p1, name))
    d = _decl_stmt(text, x)
    if d is None:
        return None
    s0, _e0, ind, kw = d
    sg = " signed" if sgx else ""
    eds.append(Edit(s0, s0, f"{ind}{kw}{sg} [{w - 1}:0] {name};\n"))
    try:
        return apply_edits(text, eds)
    except ValueError:
        return None


def regretime_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, cap_s=None)
