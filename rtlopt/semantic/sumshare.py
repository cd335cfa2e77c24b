"""Cross-instance sum sharing: a sum of one-bit port reads inside a child module whose instances see
overlapping bits of their parent (sliding windows: a Life cell's eight neighbours, a box filter's taps, a
neighbour count along a row) is regrouped so that the same parent bits form the same sub-sum in several
instances. After flattening, synthesis merges identical sub-sums (``opt_merge``: same cells, same
inputs), so a column sum three cells see is built once instead of three times.

Found on the flattened gate netlist, not on names: every operand ``p[k]`` of the sum is, per instance,
one signal of the flattened design (the parent bit its port connects). Two instances that read the same
signals through different operands give an overlap set (the operands of one instance whose signals the
other also reads); operands that lie in the same overlap sets form atoms, and a grouping is an exact cover
of the operands by overlap sets and atoms. The grouping whose distinct sub-sums (over all instances, in
the order the text writes them) need the fewest adders is written: ``(a + b + c) + (d + e) + ...``, the
operands of a group in port order. Regrouping a sum in one expression context is exact (the same
modular addition at the same width), so only the measurement decides whether it pays; the search loop
proves it anyway like every candidate.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits

RULE = "cross_instance_sum_sharing"
#: operands of one sum considered
MAX_OPERANDS = 16
#: instances of one child considered
MAX_INSTANCES = 64
#: groupings written at most
MAX_CANDIDATES = 3
#: exact covers enumerated at most
MAX_COVERS = 5000


def _kind(n) -> str:
    return str(n.kind).rpartition(".")[2]


def _span(n) -> tuple[int, int]:
    r = n.sourceRange
    return r.start.offset, r.end.offset


def _modules(tree) -> list:
    r = tree.root
    if type(r).__name__ == "ModuleDeclarationSyntax":
        return [r]
    return [m for m in getattr(r, "members", []) if type(m).__name__ == "ModuleDeclarationSyntax"]


def _input_ports(text: str, mod) -> dict[str, tuple[int, int] | None] | None:
    """{input port: (msb, lsb) of its literal range, None for one bit} of an ANSI port list."""
    hd = mod.header
    if hd.ports is None or type(hd.ports).__name__ != "AnsiPortListSyntax":
        return None
    out: dict[str, tuple[int, int] | None] = {}
    last = ""
    for pt in hd.ports.ports:
        if type(pt).__name__ != "ImplicitAnsiPortSyntax":
            continue
        a, b = _span(pt.header)
        h = text[a:b]
        if h.strip():
            last = h
        if not re.match(r"\s*input\b", last):
            continue
        if re.search(r"\b(int|integer|byte|shortint|longint|signed)\b", last):
            continue
        m = re.search(r"\[\s*(\d+)\s*:\s*(\d+)\s*\]", last)
        if "[" in last and not m:
            continue
        out[pt.declarator.name.valueText] = (int(m.group(1)), int(m.group(2))) if m else None
    return out


def _operand(text: str, n, ports) -> tuple[str, int] | None:
    """(port, LSB-first position) of a one-bit read of an input port, None otherwise."""
    k = _kind(n)
    if k == "IdentifierName":
        name = n.identifier.valueText
        return (name, 0) if name in ports and ports[name] is None else None
    if k == "IdentifierSelectName":
        name = n.identifier.valueText
        sels = list(n.selectors)
        if name not in ports or ports[name] is None or len(sels) != 1:
            return None
        a, b = _span(sels[0])
        m = re.fullmatch(r"\[\s*(\d+)\s*\]", text[a:b])
        if not m:
            return None
        msb, lsb = ports[name]
        i = int(m.group(1))
        if not min(msb, lsb) <= i <= max(msb, lsb):
            return None
        return name, (i - lsb) if msb >= lsb else (lsb - i)
    if k == "ParenthesizedExpression":
        return _operand(text, n.expression, ports)
    return None


def _sums(text: str, mod, ports) -> list[tuple[tuple[int, int], list[tuple[int, int, str, tuple[str, int]]]]]:
    """Maximal ``+`` chains of the module whose leaves are all one-bit input port reads:
    [((start, end) of the chain, [(leaf start, end, leaf text, (port, position))])]."""
    out = []

    def leaves(n, acc) -> bool:
        k = _kind(n)
        if k == "AddExpression":
            return leaves(n.left, acc) and leaves(n.right, acc)
        if k == "ParenthesizedExpression" and _kind(n.expression) == "AddExpression":
            return leaves(n.expression, acc)
        op = _operand(text, n, ports)
        if op is None:
            return False
        a, b = _span(n)
        acc.append((a, b, text[a:b].strip(), op))
        return True

    def walk(n):
        if _kind(n) == "AddExpression":
            acc: list = []
            if leaves(n, acc) and 4 <= len(acc) <= MAX_OPERANDS and len({x[3] for x in acc}) == len(acc):
                out.append((_span(n), acc))
                return
        try:
            kids = list(n)
        except TypeError:
            return
        for c in kids:
            if type(c).__name__.endswith("Syntax"):
                walk(c)

    for m in mod.members:
        walk(m)
    return out


def _covers(nops: int, groups: list[frozenset]):
    """Exact covers of range(nops) by ``groups`` (every singleton is a group too)."""
    gs = sorted(set(groups) | {frozenset([i]) for i in range(nops)}, key=lambda g: (-len(g), sorted(g)))
    by_first: dict[int, list[frozenset]] = {}
    for g in gs:
        for i in g:
            by_first.setdefault(i, []).append(g)
    count = [0]

    def rec(left: frozenset, chosen: list):
        if count[0] >= MAX_COVERS:
            return
        if not left:
            count[0] += 1
            yield list(chosen)
            return
        i = min(left)
        for g in by_first.get(i, []):
            if g <= left:
                chosen.append(g)
                yield from rec(left - g, chosen)
                chosen.pop()

    yield from rec(frozenset(range(nops)), [])


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    t0 = time.monotonic()
    out = _candidates(texts, top, timeout_s)
    if not out:
        # the sum accumulated in a procedural loop (s = 0; for (...) s = s + p[i];): the same sum as one
        # '+' chain (procnorm.unroll_sums), then the same analysis
        from rtlopt.semantic.procnorm import unrolled
        un = dict(unrolled(texts))
        if un:
            out = _candidates({**texts, **un}, top, max(2.0, timeout_s - (time.monotonic() - t0)))
    return out


def _candidates(texts: dict[Path, str], top: str, timeout_s: float) -> list[tuple[dict[Path, str], str]]:
    from pyslang import syntax

    from rtlopt.semantic import seqred

    t0 = time.monotonic()
    if not all(t.isascii() for t in texts.values()):
        return []
    trees = {}
    for p, t in texts.items():
        tr = syntax.SyntaxTree.fromText(t, str(p))
        if any(d.isError() for d in tr.diagnostics):
            return []
        trees[p] = tr
    # the cheap precondition: a module with a sum of >= 4 one-bit port reads
    found = []
    for p, tr in trees.items():
        for mod in _modules(tr):
            ports = _input_ports(texts[p], mod)
            if not ports:
                continue
            for span, ops in _sums(texts[p], mod, ports):
                found.append((p, mod, span, ops))
    if not found:
        return []
    paths = _instance_paths(texts, top)
    if not paths:
        return []
    try:
        net = seqred._load_cached(texts, top, max(2.0, timeout_s * 0.5))
    except Exception:  # noqa: BLE001 - Yosys rejects it or it is outside the model
        return []
    out: list[tuple[dict[Path, str], str]] = []
    for p, mod, span, ops in found:
        if time.monotonic() - t0 > timeout_s or len(out) >= MAX_CANDIDATES:
            break
        name = mod.header.name.valueText
        insts = paths.get(name, [])[:MAX_INSTANCES]
        if len(insts) < 2:
            continue
        # per instance: the flattened signal each operand reads (constants: unique, they match nothing)
        sigs: list[list[int]] = []
        for ip in insts:
            row = []
            for _a, _b, _t, (port, pos) in ops:
                bits = net.name_bits.get(f"{ip}.{port}" if ip else port)
                if bits is None or pos >= len(bits):
                    row = []
                    break
                s = bits[pos]
                row.append(s if s > 1 else -(len(sigs) * 1000 + len(row) + 2))
            if not row:
                sigs = []
                break
            sigs.append(row)
        if not sigs:
            continue
        got = _grouping(ops, sigs, t0 + timeout_s)
        if got is None:
            continue
        text = texts[p]
        for groups, cost, base in got:
            order = sorted(groups, key=min)
            parts = []
            for g in order:
                ts = [ops[i][2] for i in sorted(g, key=lambda i: _port_key(ops[i][3], ops))]
                parts.append(ts[0] if len(ts) == 1 else "(" + " + ".join(ts) + ")")
            new_text = apply_edits(text, [Edit(span[0], span[1], " + ".join(parts))])
            if new_text == text:
                continue
            new = dict(texts)
            new[p] = new_text
            desc = (f"sum of {len(ops)} port bits in {name} regrouped into {len(groups)} sub-sums shared across its "
                    f"{len(insts)} instances ({base} -> {cost} adders after merging identical sub-sums)")
            out.append((new, desc))
            if len(out) >= MAX_CANDIDATES:
                break
    return out


def _port_key(op: tuple[str, int], ops) -> tuple[int, int]:
    """Port order (first appearance in the sum), then bit position."""
    first = []
    for x in ops:
        if x[3][0] not in first:
            first.append(x[3][0])
    return first.index(op[0]), op[1]


def _grouping(ops, sigs: list[list[int]], deadline: float | None = None):
    """[(groups, adders, adders before)] of the best groupings (fewest adders after merging identical
    sub-sums), only those below the plain sum's count; None without an overlap."""
    n = len(ops)
    overlap: set[frozenset] = set()
    for i, ri in enumerate(sigs):
        for j, rj in enumerate(sigs):
            if i == j:
                continue
            sj = set(rj)
            x = frozenset(k for k in range(n) if ri[k] in sj)
            if len(x) >= 2:
                overlap.add(x)
    if not overlap:
        return None
    sets = sorted(overlap, key=sorted)
    sig_of = {k: frozenset(i for i, s in enumerate(sets) if k in s) for k in range(n)}
    atoms: dict[frozenset, set] = {}
    for k, s in sig_of.items():
        atoms.setdefault(s, set()).add(k)
    groups = set(overlap) | {frozenset(a) for a in atoms.values()}

    def cost(cover) -> int:
        distinct = set()
        for row in sigs:
            for g in cover:
                if len(g) >= 2:
                    distinct.add(tuple(row[k] for k in sorted(g, key=lambda k: _port_key(ops[k][3], ops))))
        return sum(len(d) - 1 for d in distinct) + len(sigs) * (len(cover) - 1)

    base = len(sigs) * (n - 1)
    scored = []
    for cover in _covers(n, list(groups)):
        if deadline is not None and time.monotonic() > deadline:
            break
        if all(len(g) == 1 for g in cover):
            continue
        scored.append((cost(cover), sorted(sorted(g) for g in cover), cover))
    scored.sort(key=lambda x: (x[0], x[1]))
    out = []
    for c, _k, cover in scored[:MAX_CANDIDATES]:
        if c < base:
            out.append((cover, c, base))
    return out or None


def _instance_paths(texts: dict[Path, str], top: str) -> dict[str, list[str]]:
    """{module name: [instance paths below the top]} from pyslang's elaboration of ``top``."""
    from pyslang import syntax

    from rtlopt.hdl.project import top_compilation
    from rtlopt.semantic import instshare

    comp = top_compilation(top)
    for p, t in texts.items():
        comp.addSyntaxTree(syntax.SyntaxTree.fromText(t, str(p)))
    tops = list(comp.getRoot().topInstances)
    if len(tops) != 1:
        return {}
    out: dict[str, list[str]] = {}
    for _pp, rel, sym, _g in instshare._children(tops[0]):
        out.setdefault(sym.body.definition.name, []).append(rel)
    return out


def sumshare_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import one_file_candidates

    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    try:
        got = candidates_for(dict(state.texts), state.design.top, timeout_s=max(2.0, min(20.0, left)))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    return one_file_candidates(state.texts, got, RULE, "cross-instance sum sharing", None)
