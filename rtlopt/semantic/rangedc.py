"""Case tables read only at the values their selector register can hold: the other entries are don't-cares.

A hex 7-segment decoder (16 entries) fed by BCD digit counters that wrap at 9 is only ever read at 0..9;
the decoder with 10..15 as don't-care is a smaller sum of products per segment.

Found on the elaborated design (top flattened, netlist.py), not on the spelling: for every flip-flop word
the next-state cone is walked through its multiplexers; its leaves must be constants, the word itself
(hold) or the word plus / minus a small constant (steps). The value set guessed from reset is then the
constants (no steps), or the span from the smallest constant to the largest constant the word is compared
with in the multiplexers' selects (an up-counter's wrap test; mirrored for down-counters). A leaf loaded
from anything else (an input) leaves the word unbounded. The guess is only a hypothesis: every candidate
is proven from reset by the equivalence check (a wrong set is refuted there).

Sites: a ``case (X)`` whose arms all assign constants to the same target (one statement each), in a module
whose every elaborated instance has ``X`` driven by such a bounded word (zero-extended). The case is
replaced by one assignment of per-bit minimal sums of products over ``X``'s bits (Quine-McCluskey with the
unreachable selector values as don't-cares).
"""

from __future__ import annotations

import re
import time

RULE = "range_dont_care"
BUDGET_S = 12.0
MAX_SEL = 6  # selector bits at most (64 entries)
MAX_STEP = 4
_FF = frozenset({"$dff", "$dffe", "$sdff", "$sdffe", "$sdffce", "$adff", "$adffe"})
_CMP = {"$eq", "$ne", "$lt", "$le", "$gt", "$ge"}
_LOGIC = {"$logic_and", "$logic_or", "$logic_not", "$and", "$or", "$not", "$reduce_or", "$reduce_and",
          "$reduce_bool"}


def _const(bits) -> int | None:
    if any(b not in ("0", "1") for b in bits):
        return None
    return sum(1 << k for k, b in enumerate(bits) if b == "1")


def _zext_of(bits, q) -> bool:
    """``bits`` is ``q`` zero-extended (or exactly q)."""
    n = len(q)
    return len(bits) >= n and list(bits[:n]) == list(q) and all(b == "0" for b in bits[n:])


def word_sets(nl) -> dict[tuple, list[int]]:
    """``{Q bits: sorted guessed value set}`` of the flip-flop words bounded from reset."""
    out = {}
    for c in nl.cells:
        if c.type not in _FF:
            continue
        q = list(c.conns.get("Q", []))
        w = len(q)
        if not w or w > 16:
            continue
        s = _guess(nl, c, q)
        if s is not None and len(s) < (1 << w):
            out[tuple(q)] = s
    return out


def _guess(nl, ff, q) -> list[int] | None:
    consts: set[int] = set()
    cmps: set[int] = set()
    steps: set[int] = set()
    for k in ("SRST_VALUE", "ARST_VALUE"):
        if k in ff.params:
            try:
                consts.add(int(ff.params[k]))
            except (TypeError, ValueError):
                return None
    sels: list = []
    todo = [list(ff.conns.get("D", []))]
    seen = 0
    while todo:
        bits = todo.pop()
        seen += 1
        if seen > 64:
            return None
        v = _const(bits)
        if v is not None:
            consts.add(v)
            continue
        if bits == q:
            continue
        b0 = bits[0]
        ci = nl.driver.get(b0) if isinstance(b0, int) else None
        if ci is None:
            return None
        c = nl.cells[ci]
        y = list(c.conns.get("Y", []))
        if y[:len(bits)] != bits:
            return None
        if c.type == "$mux":
            todo += [list(c.conns["A"])[:len(bits)], list(c.conns["B"])[:len(bits)]]
            sels += list(c.conns["S"])
        elif c.type == "$pmux":
            a = list(c.conns["A"])
            bw = len(a)
            bb = list(c.conns["B"])
            todo.append(a[:len(bits)])
            todo += [bb[i:i + bw][:len(bits)] for i in range(0, len(bb), bw)]
            sels += list(c.conns["S"])
        elif c.type in ("$add", "$sub") and len(bits) == len(q):
            a, b = list(c.conns["A"]), list(c.conns["B"])
            if c.type == "$add" and _zext_of(b, q):
                a, b = b, a
            k = _const(b)
            if not _zext_of(a, q) or k is None or k == 0 or k > MAX_STEP:
                return None
            steps.add(k if c.type == "$add" else -k)
        else:
            return None
    # compared constants in the selects (through a few boolean cells)
    stack = [(s, 0) for s in sels if isinstance(s, int)]
    visited = set()
    while stack:
        s, d = stack.pop()
        if s in visited or d > 4:
            continue
        visited.add(s)
        ci = nl.driver.get(s)
        if ci is None:
            continue
        c = nl.cells[ci]
        if c.type in _CMP:
            a, b = list(c.conns["A"]), list(c.conns["B"])
            for x, y in ((a, b), (b, a)):
                k = _const(y)
                if k is not None and _zext_of(x, q):
                    cmps.add(k)
        elif c.type in _LOGIC:
            for p in ("A", "B"):
                stack += [(b, d + 1) for b in c.conns.get(p, []) if isinstance(b, int)]
    if not consts:
        return None
    w = len(q)
    if not steps:
        vals = consts
    elif all(s > 0 for s in steps):
        if not cmps:
            return None
        lo, hi = min(consts), max(consts | cmps)
        vals = set(range(lo, hi + 1))
    elif all(s < 0 for s in steps):
        if not cmps:
            return None
        lo, hi = min(consts | cmps), max(consts)
        vals = set(range(lo, hi + 1))
    else:
        return None
    if max(vals) >= (1 << w) or len(vals) > 4096:
        return None
    return sorted(vals)


# -- two-level minimization ------------------------------------------------------------------------

def _primes(on: set[int], dc: set[int], n: int) -> list[tuple[int, int]]:
    """Prime implicants ``(value, care mask)`` of ``on | dc``."""
    cur = {(m, (1 << n) - 1) for m in on | dc}
    primes = set()
    while cur:
        nxt = set()
        used = set()
        lst = sorted(cur)
        for i, (v1, m1) in enumerate(lst):
            for v2, m2 in lst[i + 1:]:
                if m1 != m2:
                    continue
                diff = (v1 ^ v2) & m1
                if diff and diff & (diff - 1) == 0:
                    nxt.add((v1 & ~diff, m1 & ~diff))
                    used.add((v1, m1))
                    used.add((v2, m2))
        primes |= cur - used
        cur = nxt
    return sorted(primes)


def _covers(p, m) -> bool:
    return (m & p[1]) == p[0]


def minimize(on: set[int], dc: set[int], n: int) -> list[tuple[int, int]]:
    """A small cover of ``on`` by prime implicants of ``on | dc`` (essential primes, then greedy)."""
    if not on:
        return []
    primes = _primes(on, dc, n)
    left = set(on)
    cover = []
    for m in sorted(on):
        ps = [p for p in primes if _covers(p, m)]
        if len(ps) == 1 and ps[0] not in cover:
            cover.append(ps[0])
    for p in cover:
        left -= {m for m in left if _covers(p, m)}
    while left:
        p = max(primes, key=lambda p: (len([m for m in left if _covers(p, m)]), -bin(p[1]).count("1")))
        cover.append(p)
        left -= {m for m in left if _covers(p, m)}
    return cover


def sop_text(cover, n: int, x: str) -> str:
    if not cover:
        return "1'b0"
    terms = []
    for v, m in cover:
        lits = [("" if v >> i & 1 else "~") + f"{x}[{i}]" for i in range(n - 1, -1, -1) if m >> i & 1]
        terms.append("(" + " & ".join(lits) + ")" if len(lits) > 1 else (lits[0] if lits else "1'b1"))
    return " | ".join(terms)


# -- source sites ----------------------------------------------------------------------------------

_CASE = re.compile(r"(?:\b(?:unique0|unique|priority)\s+)?\bcase\s*\(\s*([A-Za-z_]\w*)\s*\)(.*?)\bendcase\b", re.S)
_ARM = re.compile(r"\s*((?:[^:;]+?|default))\s*:\s*(?:begin\s*)?([A-Za-z_]\w*)\s*(<?=)\s*([^;]+);\s*(?:end\b)?",
                  re.S)
_LIT = re.compile(r"^\s*(?:(\d+)?\s*'\s*([bBdDhHoO])\s*([0-9a-fA-F_]+)|(\d+))\s*$")


def _lit(s: str) -> int | None:
    m = _LIT.match(s)
    if not m:
        return None
    if m.group(4) is not None:
        return int(m.group(4))
    base = {"b": 2, "d": 10, "h": 16, "o": 8}[m.group(2).lower()]
    try:
        return int(m.group(3).replace("_", ""), base)
    except ValueError:
        return None


def _strip_comments(t: str) -> str:
    return re.sub(r"//[^\n]*|/\*.*?\*/", lambda m: " " * len(m.group(0)), t, flags=re.S)


def _modules(text: str):
    for m in re.finditer(r"\bmodule\s+([A-Za-z_]\w*)(.*?)\bendmodule\b", text, re.S):
        yield m.group(1), m.start(), m.end()


def _table(body: str):
    """``(target, op, {value: const}, default const or None, output width)`` or None."""
    pos = 0
    table: dict[int, int] = {}
    default = None
    target = op = None
    width = 0
    while pos < len(body) and body[pos:].strip():
        m = _ARM.match(body, pos)
        if not m:
            return None
        labels, tgt, o, rhs = m.group(1).strip(), m.group(2), m.group(3), m.group(4).strip()
        if target not in (None, tgt) or op not in (None, o):
            return None
        target, op = tgt, o
        val = _lit(rhs)
        if val is None:
            return None
        wm = re.match(r"\s*(\d+)\s*'", rhs)
        if wm:
            width = max(width, int(wm.group(1)))
        if labels == "default":
            default = val
        else:
            for lab in labels.split(","):
                k = _lit(lab)
                if k is None:
                    return None
                table.setdefault(k, val)
        pos = m.end()
    if target is None or not width:
        return None
    return target, op, table, default, width


_INST = re.compile(r"\b([A-Za-z_]\w*)\s*(?:#\s*\((?:[^()]|\([^()]*\))*\)\s*)?([A-Za-z_]\w*)\s*\(")


def module_prefixes(texts, top: str) -> dict[str, list[str]]:
    """Hierarchical name prefixes of every instance of each module under ``top`` (``""`` for the top)."""
    bodies = {}
    for t in texts:
        m = _strip_comments(t)
        for mod, s, e in _modules(m):
            bodies[mod] = m[s:e]
    out: dict[str, list[str]] = {}

    def walk(mod, pre, depth):
        if depth > 12 or mod not in bodies:
            return
        out.setdefault(mod, []).append(pre)
        body = bodies[mod]
        hdr = body.find(";")
        for im in _INST.finditer(body, max(hdr, 0)):
            if im.group(1) in bodies and im.group(1) != mod:
                walk(im.group(1), f"{pre}{im.group(2)}.", depth + 1)

    walk(top, "", 0)
    return out


def _instances(nl, prefixes: list[str], names: list[str]) -> list[str] | None:
    """``prefixes`` when every one holds nets ``names`` (else None: an instance not seen, e.g. generate)."""
    for p in prefixes:
        if any(p + n not in nl.nets for n in names):
            return None
    return prefixes or None


def _bounded(sets: dict, bits) -> list[int] | None:
    for q, s in sets.items():
        if _zext_of(list(bits), list(q)):
            return s
    return None


def rewrite_text(text: str, nl, sets: dict, prefixes: dict[str, list[str]]) -> tuple[str, list[str]]:
    """``text`` with every bounded case table replaced (and the descriptions)."""
    masked = _strip_comments(text)
    edits = []
    descs = []
    for mod, ms, me in _modules(masked):
        for cm in _CASE.finditer(masked, ms, me):
            sel = cm.group(1)
            tab = _table(cm.group(2))
            if tab is None:
                continue
            target, op, table, default, width = tab
            pres = _instances(nl, prefixes.get(mod, []), [sel, target])
            if not pres:
                continue
            nbits = {len(nl.nets[p + sel].bits) for p in pres}
            if len(nbits) != 1:
                continue
            n = nbits.pop()
            if n > MAX_SEL:
                continue
            reach: set[int] = set()
            ok = True
            for p in pres:
                s = _bounded(sets, nl.nets[p + sel].bits)
                if s is None:
                    ok = False
                    break
                reach |= set(s)
            if not ok or len(reach) >= (1 << n) or any(v >= (1 << n) for v in reach):
                continue
            if any(v not in table for v in reach) and default is None:
                continue
            vals = {v: table.get(v, default) for v in range(1 << n)}
            dc = set(range(1 << n)) - reach
            bits = []
            for i in range(width - 1, -1, -1):
                on = {v for v in reach if vals[v] >> i & 1}
                bits.append(sop_text(minimize(on, dc, n), n, sel))
            rhs = "{" + ", ".join(f"({b})" for b in bits) + "}" if width > 1 else bits[0]
            edits.append((cm.start(), cm.end(), f"{target} {op} {rhs};"))
            descs.append(f"case ({sel}) in {mod}: {len(dc)} of {1 << n} entries unreachable "
                         f"(selector in {{{_spans(sorted(reach))}}}) are don't-cares")
    for s, e, new in sorted(edits, reverse=True):
        text = text[:s] + new + text[e:]
    return text, descs


_ASSIGN = re.compile(r"\b(?:assign\s+|wire\s+(?:logic\s+)?)([A-Za-z_]\w*)\s*=\s*([^;]+);")


def closed_forms(width: int):
    """Cheap one-bit functions of a ``width``-bit word, cheapest first: ``(text with {x}, predicate)``."""
    yield "1'b0", lambda v: 0
    yield "1'b1", lambda v: 1
    for i in range(width):
        yield f"{{x}}[{i}]", lambda v, i=i: v >> i & 1
        yield f"~{{x}}[{i}]", lambda v, i=i: 1 - (v >> i & 1)
    for k in range(2, min(width, 8) + 1):
        for c in range(1 << k):
            yield (f"({{x}}[{k - 1}:0] == {k}'d{c})", lambda v, k=k, c=c: int(v & ((1 << k) - 1) == c))
            yield (f"({{x}}[{k - 1}:0] != {k}'d{c})", lambda v, k=k, c=c: int(v & ((1 << k) - 1) != c))


def _cmp_forms(width: int, reach: list[int]):
    for c in sorted(set(reach)):
        yield f"({{x}} < {width}'d{c})", lambda v, c=c: int(v < c)
        yield f"({{x}} >= {width}'d{c})", lambda v, c=c: int(v >= c)


def expr_rewrites(text: str, nl, sets: dict, prefixes: dict[str, list[str]]) -> tuple[str, list[str]]:
    """Assignments (up to 16 bits) whose only varying input is one bounded register word: per bit a closed
    form that agrees on the word's value set (a constant, one bit, a low-bit mask compare, a threshold),
    else (a word of at most MAX_SEL bits) a minimal sum of products with the unreachable values as
    don't-cares."""
    import numpy as np

    masked = _strip_comments(text)
    edits = []
    descs = []
    sites = [(mod, am) for mod, s, e in _modules(masked) for am in _ASSIGN.finditer(masked, s, e)]
    for mod, am in sites:
        name, rhs = am.group(1), am.group(2)
        if re.fullmatch(r"\s*[\w\[\]:'\s]*", rhs):
            continue  # a plain copy / slice / literal: nothing to simplify
        pres = _instances(nl, prefixes.get(mod, []), [name])
        if not pres:
            continue
        word_name = None
        table: dict[int, tuple] = {}
        n = ow = None
        ok = True
        for p in pres:
            bits = list(nl.nets[p + name].bits)
            if not bits or len(bits) > 16 or not all(isinstance(b, int) for b in bits):
                ok = False
                break
            cells = nl.fanin_cells(bits)
            if not cells or any(nl.cells[i].type in _FF for i in cells) or not set(bits) <= nl.cone_bits(cells)[0]:
                ok = False
                break
            reads = nl.cone_bits(cells)[1]
            word = next((q for q in sets if reads and reads <= set(q)), None)
            names = [] if word is None else [
                x[len(p):] for x in nl.nets if x.startswith(p) and "." not in x[len(p):]
                and list(nl.nets[x].bits) == list(word) and re.search(r"\b" + re.escape(x[len(p):]) + r"\b", rhs)]
            if not names or (word_name is not None and word_name not in names) \
                    or (n is not None and (n, ow) != (len(word), len(bits))):
                ok = False
                break
            word_name = word_name or names[0]
            n, ow = len(word), len(bits)
            reach = sets[word]
            v = np.array(reach, dtype=np.uint64)
            inputs = {b: ((v >> np.uint64(k)) & np.uint64(1)).astype(bool) for k, b in enumerate(word)}
            vals = nl.simulate_cells(cells, inputs, len(reach))
            outs = list(zip(*[[int(x) for x in vals[b]] for b in bits], strict=True))
            for x, y in zip(reach, outs, strict=True):
                if table.setdefault(x, y) != y:
                    ok = False
            if not ok:
                break
        if not ok or not table:
            continue
        reach = sorted(table)
        forms = list(closed_forms(n)) + list(_cmp_forms(n, reach))
        texts = []
        for i in range(ow - 1, -1, -1):
            f = [table[x][i] for x in reach]
            got = next((tx for tx, pr in forms if all(pr(x) == y for x, y in zip(reach, f, strict=True))), None)
            if got is None and n <= MAX_SEL:
                on = {x for x, y in zip(reach, f, strict=True) if y}
                got = sop_text(minimize(on, set(range(1 << n)) - set(reach), n), n, "{x}")
            if got is None:
                break
            texts.append(got.replace("{x}", word_name))
        if len(texts) != ow:
            continue
        form_text = texts[0] if ow == 1 else "{" + ", ".join(f"({x})" for x in texts) + "}"
        edits.append((am.start(2), am.end(2), form_text))
        descs.append(f"{name} = {form_text if len(form_text) < 60 else 'per-bit sums of products'}"
                     f" over the values {word_name} can hold")
    for s, e, new in sorted(edits, reverse=True):
        text = text[:s] + new + text[e:]
    return text, descs


def _spans(vals: list[int]) -> str:
    out = []
    i = 0
    while i < len(vals):
        j = i
        while j + 1 < len(vals) and vals[j + 1] == vals[j] + 1:
            j += 1
        out.append(str(vals[i]) if i == j else f"{vals[i]}..{vals[j]}")
        i = j + 1
    return ", ".join(out)


_DEEP = re.compile(r"[%/]|&&|\|\||\b[A-Za-z_]\w*\s*\(")


def _worth(text: str) -> bool:
    """A constant case table, or a one-bit assignment computed with remainders / quotients / calls / logic
    (the cheap syntactic gate before a Yosys run)."""
    m = _strip_comments(text)
    if any(_table(cm.group(2)) for cm in _CASE.finditer(m)):
        return True
    return any(_DEEP.search(am.group(2)) for am in _ASSIGN.finditer(m))


def rewrites(texts: dict, top: str, budget_s: float = BUDGET_S) -> list:
    from rtlopt.semantic.modbound import elaborate_top

    deadline = time.monotonic() + budget_s
    if not any(_worth(t) for t in texts.values()):
        return []
    nl = elaborate_top(texts, top, deadline)
    if nl is None:
        return []
    sets = word_sets(nl)
    if not sets:
        return []
    prefixes = module_prefixes(texts.values(), top)
    out = []
    for p, t in texts.items():
        new, descs = rewrite_text(t, nl, sets, prefixes)
        if descs and new != t:
            out.append((p, new, "; ".join(descs)))
        new, descs = expr_rewrites(t, nl, sets, prefixes)
        if descs and new != t:
            out.append((p, new, "; ".join(descs)))
    return out


def rangedc_candidates(state) -> list:
    from rtlopt.engine.candidate import one_file_candidates

    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    try:
        got = [({**state.texts, p: new}, desc)
               for p, new, desc in rewrites(dict(state.texts), state.design.top, max(2.0, min(BUDGET_S, left)))]
    except Exception:  # noqa: BLE001 - an analysis failure means no candidates
        return []
    return one_file_candidates(state.texts, got, RULE, "range don't-care", None)


__all__ = ["minimize", "rangedc_candidates", "rewrite_text", "rewrites", "word_sets"]
