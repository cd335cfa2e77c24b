"""A population count compared with 0, 1 or 2: an OR, or a prefix-OR pair check, instead of the adder tree.

``cnt = popcount(x)`` followed by ``cnt != 0`` / ``cnt > 1`` / ``cnt == 1`` / ``cnt <= 1`` builds an adder
tree only to ask "any bit set?" or "at least two bits set?". Those are ``|x`` and
``|(x & (x - 1))`` (``x - 1`` clears the lowest set bit: the and is the set bits that have a set bit below
them, i.e. ``x[i] & |x[i-1:0]``, the prefix-OR pair check of a multi-hit detector); ``== 1`` is
``|x & ~|(x & (x - 1))``.

What the compared word computes is found on the elaborated netlist, not in its spelling: a word whose
cone, cut at some named word ``x``, reads only ``x`` and agrees with ``popcount(x)`` on vectors of every
weight (exhaustive up to 12 bits) is a population count of ``x`` (``$countones``, a loop adding bits,
an adder tree, a function); a ``$countones(x)`` call is one by definition. Compares of the count with
a constant whose truth set over the possible counts is one of the five above are rewritten in place.
At least 3 or 4 (and exactly 2 or 3) clear the lowest set bit K - 1 times: ``|(y & (y - 1))`` with
``y = x & (x - 1)``. A count no net names (a block-local ``int`` a function fills, a function called in
the compare itself) is the operand word of the cells Yosys places on the compare's source line.
The search measures every candidate and proves the one it keeps.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from rtlopt.semantic._guard import generator_deadline, never_raises

RULE = "popcount_threshold_compare"
MAX_X = 32
BUDGET_S = 20.0
_REL = {"Equality": lambda c, k: c == k, "Inequality": lambda c, k: c != k,
        "LessThan": lambda c, k: c < k, "LessThanEqual": lambda c, k: c <= k,
        "GreaterThan": lambda c, k: c > k, "GreaterThanEqual": lambda c, k: c >= k}
_FLIP = {"LessThan": "GreaterThan", "LessThanEqual": "GreaterThanEqual", "GreaterThan": "LessThan",
         "GreaterThanEqual": "LessThanEqual", "Equality": "Equality", "Inequality": "Inequality"}


def threshold_text(x: str, n: int, truth: list[bool]) -> str | None:
    """The expression of ``x`` (``n`` bits) whose value is ``truth[popcount(x)]``, for the simple cases."""
    ge1 = [c >= 1 for c in range(n + 1)]
    ge2 = [c >= 2 for c in range(n + 1)]
    two = f"|({x} & ({x} - 1'b1))"
    if truth == ge1:
        return f"(|{x})"
    if truth == [not t for t in ge1]:
        return f"(~|{x})"
    if truth == ge2:
        return f"({two})"
    if truth == [not t for t in ge2]:
        return f"(~{two})"
    if truth == [c == 1 for c in range(n + 1)]:
        return f"(|{x} & ~{two})"
    # at least K (K = 3, 4): K - 1 lowest set bits cleared (x & (x - 1) each), something left; exactly K
    # as at least K and not K + 1 (the search measures it against the count)
    cleared = [x]
    for _k in range(4):
        y = cleared[-1]
        cleared.append(f"({y} & ({y} - 1'b1))")
    for k in (3, 4):
        if k > n:
            break
        ge = f"(|{cleared[k - 1]})"
        if truth == [c >= k for c in range(n + 1)]:
            return ge
        if truth == [c < k for c in range(n + 1)]:
            return f"(~{ge})"
    for k in (2, 3):
        if k + 1 > n:
            break
        ge, ge1 = f"(|{cleared[k - 1]})", f"(|{cleared[k]})"
        if truth == [c == k for c in range(n + 1)]:
            return f"({ge} & ~{ge1})"
        if truth == [c != k for c in range(n + 1)]:
            return f"(~{ge} | {ge1})"
    return None


def _cut_cone(nl, bits, stop: set) -> tuple[set, set]:
    """Comb cells driving ``bits`` without crossing ``stop`` bits; (cells, boundary bits)."""
    cells: set[int] = set()
    bnd: set = set()
    stack = [b for b in bits if isinstance(b, int)]
    seen = set(stack)
    while stack:
        b = stack.pop()
        if b in stop:
            bnd.add(b)
            continue
        i = nl.driver.get(b)
        if i is None:
            bnd.add(b)
            continue
        if i in cells:
            continue
        cells.add(i)
        c = nl.cells[i]
        for p, d in c.dirs.items():
            if d == "input":
                for y in c.conns.get(p, []):
                    if isinstance(y, int) and y not in seen:
                        seen.add(y)
                        stack.append(y)
    return cells, bnd


def _weight_vectors(n: int, rng) -> np.ndarray:
    if n <= 12:
        return np.arange(1 << n, dtype=np.uint64)
    out = []
    for c in range(n + 1):
        for _ in range(48):
            idx = rng.choice(n, size=c, replace=False)
            out.append(sum(1 << int(i) for i in idx))
    return np.array(out, dtype=np.uint64)


def popcount_source(nl, name: str) -> tuple[str, int] | None:
    """``(x name, x width)`` when the named word ``name`` is the population count of the named word ``x``."""
    net = nl.nets.get(name)
    if net is None or net.width > 8:
        return None
    return popcount_of_bits(nl, list(net.bits), name)


def _line_words(nl, fname: str, line: int) -> list[list]:
    """The non-constant input words of the cells Yosys places on line ``line`` of file ``fname`` (a compare
    of a block-local count names no net: its operand is found where the compare is)."""
    import re
    out: list[list] = []
    for c in nl.cells:
        if not any((m := re.search(r"^(.*):(\d+)\.\d+-(\d+)\.\d+$", part)) and int(m[2]) <= line <= int(m[3])
                   and m[1].rsplit("/", 1)[-1].endswith(fname) for part in c.src.split("|")):
            continue
        for p, d in c.dirs.items():
            bits = list(c.conns.get(p, []))
            if d == "input" and any(isinstance(b, int) for b in bits) and bits not in out:
                out.append(bits)
    return out


def popcount_at_line(nl, fname: str, line: int, name: str) -> tuple[str, int] | None:
    """``(x name, x width)`` when exactly one operand word of the cells on ``line`` of ``fname`` is a
    population count (of one named word ``x``)."""
    got = {r for w in _line_words(nl, fname, line) if (r := popcount_of_bits(nl, w, name)) is not None}
    return got.pop() if len(got) == 1 else None


def popcount_of_bits(nl, bits: list, name: str = "") -> tuple[str, int] | None:
    """``(x name, x width)`` when the word of ``bits`` (LSB first, constant bits allowed) is the
    population count of the named word ``x``."""
    class _W:  # (the word as popcount_source reads a net)
        pass
    net = _W()
    net.bits, net.width = bits, len(bits)
    if net.width > 64:
        return None
    ib = [b for b in net.bits if isinstance(b, int)]
    if not ib:
        return None
    full = nl.fanin_cells(ib)
    inside, _b = nl.cone_bits(full)
    rng = np.random.default_rng(7)
    cands = []
    for n in nl.nets.values():
        if n.name == name or n.hidden or n.upto or "." in n.name or n.name.startswith("$"):
            continue
        if not 2 <= n.width <= MAX_X or (1 << min(len(ib), 8)) <= n.width:
            continue
        xb = [b for b in n.bits if isinstance(b, int)]
        if len(xb) != n.width or not all(b in inside or b in nl.free for b in xb):
            continue
        if not (set(xb) & (inside | _b)):
            continue
        cands.append(n)
    cands.sort(key=lambda n: -n.width)
    for xn in cands[:16]:
        cells, bnd = _cut_cone(nl, ib, set(xn.bits))
        if not bnd <= set(xn.bits) or not cells:
            continue
        xs = _weight_vectors(xn.width, rng)
        inputs = {b: ((xs >> np.uint64(k)) & np.uint64(1)).astype(bool) for k, b in enumerate(xn.bits)}
        try:
            vals = nl.simulate_cells(cells, inputs, len(xs))
        except Exception:  # noqa: BLE001 - an unsupported cell
            continue
        if any(b not in vals for b in ib):
            continue
        got = nl.word(vals, net.bits)
        if np.array_equal(got, np.bitwise_count(xs).astype(np.uint64)):
            return xn.name, xn.width
    return None


def _module_name(syn) -> str | None:
    p = syn
    while p is not None and type(p).__name__ != "ModuleDeclarationSyntax":
        p = p.parent
    try:
        return None if p is None else p.header.name.valueText
    except AttributeError:
        return None


def _plausible(rel: str, k: int) -> bool:
    """The compare of a count with ``k`` is one of the rewritten thresholds (>= 1..4, == 0..3 and negations)."""
    t = [bool(_REL[rel](c, k)) for c in range(8)]
    pats = ([c >= 1 for c in range(8)], [c >= 2 for c in range(8)], [c == 1 for c in range(8)],
            [c >= 3 for c in range(8)], [c >= 4 for c in range(8)], [c == 2 for c in range(8)],
            [c == 3 for c in range(8)])
    return any(t == p or t == [not x for x in p] for p in pats)


def _accumulated(text: str, name: str) -> bool:
    """``name`` is added into (``name += ...`` / ``name = name + ...``): a count a loop may compute."""
    import re
    n = re.escape(name)
    return re.search(rf"\b{n}\s*(?:\+=|=\s*{n}\s*\+)", text) is not None


def _sites(an):
    """``[(info, count side, other constant, relation, module)]`` for compares of a word with a constant
    that would be a simple threshold of a count (registers and inputs are no counts computed here)."""
    from rtlopt.semantic.selcompose import not_combinational
    from rtlopt.templates._sem import op_name, strip
    out = []
    skip = not_combinational(an)
    for info in an.exprs:
        n = info.node
        if type(n).__name__ != "BinaryExpression" or op_name(n) not in _REL:
            continue
        for a, b, rel in ((n.left, n.right, op_name(n)), (n.right, n.left, _FLIP[op_name(n)])):
            k = an.const(b)
            if k is None:
                continue
            a = strip(a)
            ka = type(a).__name__
            if (getattr(a.type, "isSigned", False) and k < 0) or not (_plausible(rel, k) or (0 <= k <= MAX_X and (
                    (ka == "CallExpression" and _call_name(a) == "$countones") or
                    (ka == "NamedValueExpression" and _accumulated(an.text, a.symbol.name))))):
                continue  # (a count of zeros: compared with its width or one less, any constant then)
            if ka == "NamedValueExpression" and a.symbol.name in skip:
                continue
            if ka not in ("NamedValueExpression", "CallExpression") or (
                    ka == "CallExpression" and _call_name(a).startswith("$") and _call_name(a) != "$countones"):
                continue  # (a user function's result: what it computes is read where the compare is)
            if int(getattr(a.type, "bitWidth", 0) or 0) > 32:
                continue
            out.append((info, a, k, rel, _module_name(n.syntax)))
            break
    return out


def _count_of(an, a, nl) -> tuple[str, int] | None:
    """``(x text, width)`` when ``a`` is a population count."""
    from rtlopt.templates._sem import is_pure, self_width, strip
    k = type(a).__name__
    if k == "CallExpression" and _call_name(a) == "$countones" and len(a.arguments) == 1:
        x = strip(a.arguments[0])
        xi = an.info(x)
        w = self_width(x)
        if xi is None or not w or not is_pure(x):
            return None
        t = xi.text.strip()
        return (t if type(x).__name__ in ("NamedValueExpression", "ElementSelectExpression",
                                          "RangeSelectExpression") else f"({t})"), w
    if k == "NamedValueExpression" and nl is not None:
        from rtlopt.semantic.selcompose import _sel_name
        nm = _sel_name(a)
        got = popcount_source(nl, nm) if nm is not None else None
        if got is None and nm is not None:
            # the counted bits are terms of a loop, no named word: a vector of them is declared
            got = loop_terms(an, nm, _module_name(a.syntax)) or sum_terms(an, nm, _module_name(a.syntax))
        return got
    return None


def _flag(node) -> bool:
    """A 1-bit term in any context (a compare, a reduction, a logical operator, a 1-bit select or name:
    zero-extended in a sum); a bitwise operator of 1-bit operands is not one (its operands widen with
    the sum: ``c + (a[i] ~^ b[i])`` adds 15 for two zeros in a 4-bit sum)."""
    from rtlopt.templates._sem import _ONE_BIT, op_name, self_width, strip
    node = strip(node)
    name = type(node).__name__
    if name == "BinaryExpression":
        return op_name(node) in _ONE_BIT
    if name == "UnaryExpression":
        return op_name(node) not in ("BitwiseNot", "Plus", "Minus")
    return name in ("NamedValueExpression", "ElementSelectExpression", "RangeSelectExpression",
                    "ConcatenationExpression", "ReplicationExpression", "CallExpression",
                    "MemberAccessExpression") and self_width(node) == 1


def loop_terms(an, name: str, mod: str | None):
    """``(x text, n, helper text, insert offset)`` when ``name`` is accumulated by a loop of 1-bit terms
    (``for (i = 0; i < N; i++) name += t(i);`` or ``name = name + t(i)``) in module ``mod``: the counted
    bits are no named word, so a vector of them is declared (``x[i] = t(i)`` in a generate loop in front
    of the item holding the loop) and the compare reads that. The count starting at zero, the terms
    reading only what the generate loop can see: the search's proof checks all of it."""
    import re

    from rtlopt.semantic.emit import _walk
    from rtlopt.templates._expr import kind_name
    text = an.text
    found = None
    for n in _walk(an.tree.root):
        if kind_name(n) != "ForLoopStatement" or _module_name(n) != mod:
            continue
        st = n.statement
        if kind_name(st) == "SequentialBlockStatement":
            items = [x for x in (st.items or ()) if hasattr(x, "kind")]
            st = items[0] if len(items) == 1 else None
        if st is None or kind_name(st) != "ExpressionStatement":
            continue
        ex, term = st.expr, None
        lhs = str(getattr(ex, "left", "")).strip()
        if lhs != name:
            continue
        if kind_name(ex) == "AddAssignmentExpression":
            term = ex.right
        elif kind_name(ex) == "AssignmentExpression" and kind_name(ex.right) == "AddExpression":
            a, b = ex.right.left, ex.right.right
            term = b if str(a).strip() == name else a if str(b).strip() == name else None
        if term is None:
            continue
        info = an.by_span.get(an.span(term))
        inits = [str(x).strip() for x in n.initializers]
        m0 = re.fullmatch(r"(?:(?:int|integer|genvar)\s+)?([A-Za-z_]\w*)\s*=\s*0", inits[0]) if len(inits) == 1 else None
        if info is None or not _flag(info.node) or m0 is None:
            continue
        v = m0.group(1)
        ms = re.fullmatch(rf"{v}\s*<\s*(.+)", str(n.stopExpr).strip(), re.S)
        steps = [re.sub(r"\s+", "", str(x)) for x in n.steps]
        if ms is None or steps not in ([f"{v}++"], [f"++{v}"], [f"{v}+=1"], [f"{v}={v}+1"]):
            continue
        if found is not None:
            return None  # two loops add into the count
        item = n
        while item.parent is not None and kind_name(item.parent) != "ModuleDeclaration":
            item = item.parent
        found = (v, ms.group(1).strip(), info.text.strip(), an.span(item)[0])
    if found is None:
        return None
    v, bound, t, at = found
    x, g = f"rtlopt_cc_{name}", f"rtlopt_cc_{name}_i"
    if re.search(rf"\b{x}\b", text):
        return None
    tg = re.sub(rf"\b{re.escape(v)}\b", g, t)
    ls = text.rfind("\n", 0, at) + 1
    ind = text[ls:at] if not text[ls:at].strip() else "    "
    helper = (f"wire [({bound})-1:0] {x};\n{ind}genvar {g};\n"
              f"{ind}generate for ({g} = 0; {g} < ({bound}); {g} = {g} + 1) begin : {x}_g\n"
              f"{ind}    assign {x}[{g}] = {tg};\n{ind}end endgenerate\n{ind}")
    try:
        from rtlopt.templates._sem import analyze
        probe = analyze(text[:at] + helper + text[at:])
        # (the thresholds rewritten hold for every count width >= 2: any instance's width serves)
        ws = {int(getattr(sm.type, "bitWidth", 0) or 0) for sm in probe.symbols if getattr(sm, "name", None) == x}
    except Exception:  # noqa: BLE001
        return None
    w = max(ws, default=None)
    if not w or w > MAX_X:
        return None
    return x, w, helper, at, len(ws) == 1


def sum_terms(an, name: str, mod: str | None) -> tuple[str, int] | None:
    """``({t0, t1, ...}, n)`` when ``name``'s only assignment in ``mod`` is a sum of 1-bit terms (an adder
    tree written out, ``(a[0] != b[0]) + (a[1] != b[1]) + ...``): the concatenation of the terms is the
    counted vector."""
    from rtlopt.semantic.emit import _walk
    from rtlopt.templates._expr import kind_name
    sums = []
    for n in _walk(an.tree.root):
        if kind_name(n) not in ("AssignmentExpression", "AddAssignmentExpression") or \
                str(n.left).strip() != name or _module_name(n) != mod:
            continue
        sums.append(n)
    if len(sums) != 1 or kind_name(sums[0]) != "AssignmentExpression":
        return None
    leaves, todo = [], [sums[0].right]
    while todo:
        x = todo.pop()
        if kind_name(x) == "AddExpression":
            todo += [x.right, x.left]
        elif kind_name(x) == "ParenthesizedExpression" and kind_name(x.expression) == "AddExpression":
            todo.append(x.expression)
        else:
            leaves.append(x)
    if not 2 <= len(leaves) <= MAX_X:
        return None
    texts = []
    for x in leaves:
        info = an.by_span.get(an.span(x))
        if info is None or not _flag(info.node):
            return None
        texts.append(info.text.strip())
    return "{" + ", ".join(texts) + "}", len(texts)


def _call_name(a) -> str:
    try:
        return str(a.subroutineName)
    except Exception:  # noqa: BLE001
        return ""


def rewrites(text: str, path: str, nls: dict) -> list[tuple[str, str]]:
    from rtlopt.hdl.edit import Edit, OverlappingEdits, apply_edits
    from rtlopt.templates._sem import analyze, parses_cleanly
    an = analyze(text, path)
    if an.syntax_errors:
        return []
    found = []
    memo: dict = {}
    for info, a, k, rel, mod in _sites(an):
        key = (mod, type(a).__name__, an.info(a).text if an.info(a) else id(a))
        if key not in memo:
            memo[key] = _count_of(an, a, nls.get(mod))
        src = memo[key]
        nl = nls.get(mod)
        if src is None and nl is not None and type(a).__name__ in ("NamedValueExpression", "CallExpression"):
            # a block-local count (or one a function returns) names no net: the compare's operand
            nm = a.symbol.name if type(a).__name__ == "NamedValueExpression" else _call_name(a)
            src = popcount_at_line(nl, Path(path).name, text.count("\n", 0, info.start) + 1, nm)
        if src is None:
            continue
        x, n = src[0], src[1]
        if getattr(a.type, "isSigned", False) and n >= 1 << (int(getattr(a.type, "bitWidth", 0) or 0) - 1):
            continue  # (a signed count whose sign bit the count can reach)
        exact_width = len(src) < 5 or src[4]  # (a loop's vector: every instance has the same width)
        truth = [bool(_REL[rel](c, k)) for c in range(n + 1)]
        new = threshold_text(x, n, truth)
        if new is None and n >= 2 and exact_width:
            # the same thresholds counted in zeros: all bits set, all but at most one, exactly one clear
            new = threshold_text(f"(~{x})", n, truth[::-1])
        if new is not None:
            helper = Edit(src[3], src[3], src[2]) if len(src) > 2 else None
            found.append((Edit(info.start, info.end, new), f"{info.text.strip()} -> {new}", helper))
    out = []
    combos = [[f] for f in found] + ([found] if len(found) > 1 else [])
    for combo in combos:
        helpers = list({(h.start, h.replacement): h for _e, _d, h in combo if h is not None}.values())
        try:
            new = apply_edits(text, [e for e, _d, _h in combo] + helpers)
        except (OverlappingEdits, ValueError):
            continue
        if new != text and parses_cleanly(new, an.errors):
            out.append((new, "population count compared with a small constant: " + "; ".join(d for _e, d, _h in combo)))
    return out


def countcmp_candidates(state) -> list:
    """Search-loop generator (never raises)."""
    return never_raises(_candidates)(state)


def _candidates(state) -> list:
    from rtlopt.engine.candidate import one_file_candidates
    from rtlopt.semantic.selcompose import netlists
    from rtlopt.templates._sem import analyze, strip
    deadline = generator_deadline(state, BUDGET_S)
    wanted: dict = {}
    need_nl: set = set()
    for p, t in state.texts.items():
        an = analyze(t, str(p))
        if an.syntax_errors:
            continue
        sites = _sites(an)
        if sites:
            wanted[p] = True
            need_nl |= {m for _i, a, _k, _r, m in sites if m and (type(strip(a)).__name__ == "NamedValueExpression"
                                                                  or _call_name(strip(a)) != "$countones")}
    if not wanted:
        return []
    nls = netlists(state, sorted(need_nl), deadline) if need_nl else {}
    got = []
    for p in wanted:
        for new, desc in rewrites(state.texts[p], str(p), nls):
            got.append(({**state.texts, p: new}, desc))
    return one_file_candidates(state.texts, got, RULE, "popcount threshold", "countcmp")


__all__ = ["countcmp_candidates", "popcount_source", "rewrites", "threshold_text"]
