"""Map then select becomes select then map: N copies of one operator, of which only the selected one is used.

``for (b = 0; b < N; b++) hit[b] = (tag[b] == key);`` followed by reads ``hit[sel]`` only builds N
comparators and an N:1 multiplexer of their results; only the selected comparison is ever observed.
Each read ``V[S]`` is the loop body's right side with the loop variable replaced by ``S``:
``(tag[sel] == key)`` -- one multiplexer of the operands (``tag[sel]``) and ONE comparator. Any
operator, any number of reads (identical reads are one operator after synthesis merges them).

Found on the elaborated source, not by names: a loop (a ``for`` in a combinational ``always`` block that
holds nothing else, or a generate ``for`` of ``assign``\\ s) whose body is one assignment ``V[i] = E(i)``
covering every element ``0 .. N-1`` of a vector ``V`` declared ``[N-1:0]`` (or an array ``[0:N-1]``)
with ``E`` of the element's width and not reading ``V``; every other mention of ``V`` in its module is a
read ``V[S]`` (no part-select, no whole-vector use, not a port). Every read is rewritten in place; the
loop stays byte for byte (it has no reader left, synthesis removes it). The search measures every
candidate and proves the one it keeps (an index that can leave ``0 .. N-1`` fails the proof).
"""

from __future__ import annotations

import re

RULE = "exclusive_operator_sharing"

_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_NUM = r"(?:\d+'[sS]?[dD])?\s*(\d+)"


def _blank_comments(text: str) -> str:
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _walk(node):
    yield node
    for c in node:
        if hasattr(c, "kind") and not hasattr(c, "valueText"):
            yield from _walk(c)


def _strip_block(body: str) -> str:
    """The statement inside ``begin [: label] ... end`` (repeatedly), else ``body``."""
    b = body.strip()
    while True:
        m = re.fullmatch(r"begin\s*(?::\s*\w+)?\s*(.*?)\s*end(?:\s*:\s*\w+)?", b, re.S)
        if m is None:
            return b
        b = m.group(1).strip()


def _bound(stop: str, var: str, params: dict[str, int]) -> int | None:
    m = re.fullmatch(rf"\s*{re.escape(var)}\s*(<|<=|!=)\s*(\w+'?[sSdD]?\w*)\s*(?:-\s*1)?\s*", stop)
    if m is None:
        return None
    tok = m.group(2)
    n = re.fullmatch(_NUM, tok)
    val = int(n.group(1)) if n else params.get(tok)
    if val is None:
        return None
    minus = re.search(r"-\s*1\s*$", stop) is not None
    if m.group(1) == "<=":
        return val + (0 if minus else 1)
    return val - 1 if minus else val


def _module_params(mtext: str) -> dict[str, int]:
    out = {}
    for m in re.finditer(rf"\b(?:localparam|parameter)\b(?:\s+integer)?\s+(\w+)\s*=\s*{_NUM}\s*[;,)]", mtext):
        out[m.group(1)] = int(m.group(2))
    return out


def _loops(an, mod):
    """``(var, stop text, body text, kind, node)`` for every loop of the module."""
    for n in _walk(mod):
        k = n.kind.name
        if k == "ForLoopStatement":
            inits = [str(x) for x in n.initializers if hasattr(x, "kind") and x.kind.name != "Comma"] \
                if hasattr(n.initializers, "__iter__") else [str(n.initializers)]
            if len(inits) != 1:
                continue
            m = re.fullmatch(r"\s*(?:integer|int|genvar|int\s+unsigned)?\s*(\w+)\s*=\s*(?:\d+'[dD])?\s*0\s*", inits[0])
            if m is None:
                continue
            yield m.group(1), str(n.stopExpr), str(n.statement), "proc", n
        elif k == "LoopGenerate":
            if not re.fullmatch(r"\s*(?:\d+'[dD])?\s*0\s*", str(n.initialExpr)):
                continue
            yield str(n.identifier).strip(), str(n.stopExpr), str(n.block), "gen", n


def _comb_only_loop(loop) -> bool:
    """The procedural loop is the whole body of a combinational always block."""
    p = loop.parent
    while p is not None and p.kind.name == "SequentialBlockStatement":
        if len([x for x in p.items if hasattr(x, "kind")]) != 1:
            return False
        p = p.parent
    if p is not None and p.kind.name == "TimingControlStatement":
        if re.fullmatch(r"@\s*(\*|\(\s*\*\s*\))", str(p.timingControl).strip()) is None:
            return False
        p = p.parent
    return p is not None and p.kind.name in ("AlwaysCombBlock", "AlwaysBlock")


def rewrites(text: str, name: str = "design.v") -> list[tuple[str, str]]:
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.templates._sem import analyze, parses_cleanly, self_width, strip

    if "for" not in text or "[" not in text:
        return []
    an = analyze(text, name)
    if an.syntax_errors:
        return []
    clean = _blank_comments(text)
    out = []
    for mod in (n for n in _walk(an.tree.root) if n.kind.name == "ModuleDeclaration"):
        ms, me = an.span(mod)
        mtext = clean[ms:me]
        params = _module_params(mtext)
        header = mtext[:mtext.find(";")]
        for var, stop, body, kind, node in _loops(an, mod):
            n = _bound(stop, var, params)
            if n is None or not 2 <= n <= 256:
                continue
            if kind == "proc" and not _comb_only_loop(node):
                continue
            st = _strip_block(_blank_comments(body))
            pat = (r"assign\s+" if kind == "gen" else "") + \
                rf"(\w+)\s*\[\s*{re.escape(var)}\s*\]\s*=\s*(.+?)\s*;"
            m = re.fullmatch(pat, st, re.S)
            if m is None:
                continue
            vname, rhs = m.group(1), m.group(2)
            if re.search(rf"\b{re.escape(vname)}\b", rhs) or re.search(rf"\b{re.escape(vname)}\b", header):
                continue  # reads itself, or a port (visible outside)
            # the element width and the right side's self-determined width must agree
            ls, le = an.span(node)
            sel_w = rhs_w = None
            for info in an.exprs:
                if not ls <= info.start < le:
                    continue
                nd = strip(info.node)
                if type(nd).__name__ == "ElementSelectExpression" and info.text.replace(" ", "") == \
                        f"{vname}[{var}]":
                    sel_w = info.width
                elif info.text.strip() == rhs.strip() and rhs_w is None:
                    rhs_w = self_width(info.node)
            if sel_w is None or rhs_w is None or sel_w != rhs_w:
                continue
            # the vector/array covers exactly 0 .. n-1
            decl = re.search(rf"\b(?:reg|wire|logic|bit)\b\s*(?:signed\s*)?(\[[^\]]*\])?\s*{re.escape(vname)}\s*"
                             rf"(\[[^\]]*\])?\s*[;,=]", mtext)
            if decl is None:
                continue
            packed, unpacked = decl.group(1), decl.group(2)
            rng = unpacked if unpacked else packed
            if rng is None:
                continue
            rm = re.fullmatch(r"\[\s*(\w+)\s*(?:-\s*1)?\s*:\s*(\w+)\s*(?:-\s*1)?\s*\]", rng.replace(" ", ""))
            if rm is None:
                continue
            ends = []
            for tok in (rm.group(1), rm.group(2)):
                v = int(tok) if tok.isdigit() else params.get(tok)
                if v is None:
                    break
                ends.append(v)
            if len(ends) != 2:
                continue
            inner = rng.replace(" ", "")[1:-1].split(":")[:2]
            ends = [e - (1 if re.search(r"-1$", s) else 0) for e, s in zip(ends, inner, strict=True)]
            if sorted(ends) != [0, n - 1]:
                continue
            # every other mention is a read V[S] (one element, non-constant index)
            body_s, body_e = ls, le
            reads = []
            bad = False
            for occ in re.finditer(rf"\b{re.escape(vname)}\b", mtext):
                a = ms + occ.start()
                if body_s <= a < body_e or decl.start() <= occ.start() < decl.end():
                    continue
                rest = clean[a + len(vname):]
                br = re.match(r"\s*\[", rest)
                if br is None:
                    bad = True
                    break
                depth, j = 0, br.end() - 1
                k = j
                while k < len(rest):
                    if rest[k] == "[":
                        depth += 1
                    elif rest[k] == "]":
                        depth -= 1
                        if depth == 0:
                            break
                    k += 1
                sel = rest[j + 1:k]
                if ":" in sel or not sel.strip() or re.fullmatch(r"\s*\d+\s*", sel) \
                        or re.match(r"\s*\[", rest[k + 1:]):
                    bad = True
                    break
                reads.append((a, a + len(vname) + k + 1, text[a + len(vname) + j + 1:a + len(vname) + k]))
            if bad or not reads:
                continue
            rhs_text = _strip_block(body)
            rhs_orig = re.fullmatch(pat, rhs_text.strip(), re.S)
            rhs_src = rhs_orig.group(2) if rhs_orig else rhs
            edits = [Edit(a, b, "(" + re.sub(rf"\b{re.escape(var)}\b", lambda _m, s=s: f"({s.strip()})", rhs_src)
                          + ")") for a, b, s in reads]
            try:
                new = apply_edits(text, edits)
            except ValueError:
                continue
            if new != text and parses_cleanly(new, an.errors):
                out.append((new, f"{len(reads)} read(s) of {vname}[sel] (a loop of {n} copies of one operator): "
                                 f"the operator on the selected operands"))
    return out


def mapsel_candidates(state) -> list:
    from rtlopt.engine.candidate import per_file_candidates

    return per_file_candidates(state, rewrites, RULE, "select then operate", "mapsel")


__all__ = ["mapsel_candidates", "rewrites"]
