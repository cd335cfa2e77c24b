"""Compares of two child results through one bijection: ``F(a, k) == F(b, k)`` -> ``a == b``.

Two instances of one module F (same parameter text) whose connections agree on every port but one
input p, their outputs on the same port y compared (``==`` / ``!=``, anywhere in the parent: a
continuous assign, a generate loop comparing each stored word's scrambled image with the request's),
compare the p connections instead, when F's y is one-to-one in p for every value of the other inputs.
The e-graph of F (:mod:`rtlopt.egraph`) decides that structurally: y is p under XOR / addition /
subtraction of values independent of p, NOT, negation, odd constant products, rotates and bit
permutations by amounts independent of p, selects between one-to-one arms on conditions independent
of p, and extensions. The instances whose outputs are no longer read are removed by synthesis.

Syntax only (pyslang); the connection texts must not read a genvar unless both instances sit in the
same generate block. Every candidate is proven by the search loop.
"""

from __future__ import annotations

import re

RULE = "bijective_compare"
MAX_CANDIDATES = 4


def _kind(n) -> str:
    return type(n).__name__


def _walk(node, stack: tuple, out: list) -> None:
    out.append((node, stack))
    k = _kind(node)
    inner = stack + (node.sourceRange.start.offset,) if k in ("LoopGenerateSyntax", "GenerateBlockSyntax", "IfGenerateSyntax",
                                     "CaseGenerateSyntax") else stack
    for ch in node:
        if hasattr(ch, "kind") and not hasattr(ch, "valueText"):
            _walk(ch, inner, out)


def _norm(x) -> str:
    s = re.sub(r"\s+", "", str(x))
    while s.startswith("(") and s.endswith(")") and _balanced(s[1:-1]):
        s = s[1:-1]
    return s


def _balanced(s: str) -> bool:
    d = 0
    for ch in s:
        d += ch == "("
        d -= ch == ")"
        if d < 0:
            return False
    return d == 0


def _instances(nodes: list) -> list[dict]:
    out = []
    for node, stack in nodes:
        if _kind(node) != "HierarchyInstantiationSyntax":
            continue
        params = _norm(node.parameters) if node.parameters is not None else ""
        for inst in node.instances:
            if hasattr(inst, "valueText"):
                continue
            conns, raw = {}, {}
            ok = True
            for c in inst.connections:
                if hasattr(c, "valueText"):  # a separator
                    continue
                if _kind(c) != "NamedPortConnectionSyntax":
                    ok = False
                    break
                conns[c.name.valueText] = _norm(c.expr) if c.expr is not None else ""
                raw[c.name.valueText] = str(c.expr).strip() if c.expr is not None else ""
            if ok:
                out.append({"type": node.type.valueText, "params": params, "conns": conns, "raw": raw,
                            "stack": stack})
    return out


def _visible(inst_stack: tuple, use_stack: tuple) -> bool:
    return use_stack[:len(inst_stack)] == inst_stack


def _one_to_one(text: str, fname: str, mod: str, pin: str, pout: str) -> bool:
    """Whether output ``pout`` of module ``mod`` is one-to-one in input ``pin`` (structural, e-graph)."""
    from rtlopt.egraph import core
    from rtlopt.egraph.front import build_module, module_bodies
    from rtlopt.templates._sem import analyze

    an = analyze(text, fname)
    if an.syntax_errors:
        return False
    for body in module_bodies(an):
        if body.definition.name != mod:
            continue
        try:
            mg = build_module(an, body, frozenset())
        except Exception:  # noqa: BLE001 - an unsupported construct: no claim
            return False
        eg = mg.eg
        roots = [r.cls for r in mg.roots if r.lhs == pout]
        p = [c for c in eg.classes() for n in eg.nodes[c] if n[0] == "var" and n[2] == pin]
        if len(roots) != 1 or len(p) != 1:
            return False
        core.saturate(eg, max_nodes=3000, max_iters=4, time_s=1.5)
        return _inj(eg, roots[0], eg.find(p[0]), {}, {}, 0)
    return False


def _dep(eg, c: int, p: int, memo: dict) -> bool:
    c = eg.find(c)
    if c == p:
        return True
    if c in memo:
        return memo[c]
    memo[c] = True  # in progress: a cycle counts as dependent
    res = True
    for n in eg.nodes[c]:
        if n[0] in ("const", "var") or all(not _dep(eg, x, p, memo) for x in n[3:]):
            res = False
            break
    memo[c] = res
    return res


def _inj(eg, c: int, p: int, dmemo: dict, memo: dict, depth: int) -> bool:
    c = eg.find(c)
    if c == p:
        return True
    if c in memo or depth > 60:
        return memo.get(c, False)
    memo[c] = False

    def ind(x):
        return not _dep(eg, x, p, dmemo)

    def inj(x):
        return _inj(eg, x, p, dmemo, memo, depth + 1)

    rot = eg.__dict__.get("_rotates", {}).get(c)
    ok = rot is not None and ind(rot[1]) and eg.w(rot[0]) == eg.w(c) and inj(rot[0])
    for n in eg.nodes[c]:
        if ok:
            break
        op, ch = n[0], n[3:]
        if op in ("not", "neg", "zext", "sext"):
            ok = inj(ch[0])
        elif op in ("xor", "add", "sub"):
            ok = (ind(ch[1]) and inj(ch[0])) or (ind(ch[0]) and inj(ch[1]))
        elif op == "mul":
            ok = any(eg.cval(y) is not None and eg.cval(y) & 1 and inj(x) for x, y in ((ch[0], ch[1]), (ch[1], ch[0])))
        elif op == "mux":
            ok = ind(ch[0]) and inj(ch[1]) and inj(ch[2])
        elif op == "concat":
            ok = _perm_of(eg, n, inj)
    memo[c] = bool(ok)
    return bool(ok)


def _perm_of(eg, n: tuple, inj) -> bool:
    """A concatenation of slices of one word, every bit of it exactly once, the word one-to-one."""
    src, spans = None, []
    for x in n[3:]:
        got = None
        for m in eg.nodes[eg.find(x)]:
            if m[0] == "trunc":
                s = eg.find(m[3])
                lo = 0
                for sh in eg.nodes[s]:
                    if sh[0] == "lshr":
                        s, lo = eg.find(sh[3]), sh[2]
                        break
                got = (s, lo, eg.w(x))
                break
        if got is None or (src is not None and got[0] != src):
            return False
        src = got[0]
        spans.append(got[1:])
    pos = 0
    for lo, w in sorted(spans):
        if lo != pos:
            return False
        pos += w
    return src is not None and pos == eg.w(src) == n[1] and inj(src)


def _rewrites(text: str, fname: str) -> list[tuple[str, str]]:
    from pyslang import syntax

    from rtlopt.hdl.edit import Edit, apply_edits

    if not re.search(r"[!=]=", text):
        return []
    tree = syntax.SyntaxTree.fromText(text, fname)
    if any(d.isError() for d in tree.diagnostics):
        return []
    genvars = set(re.findall(r"\bgenvar\s+(\w+)", text))
    out = []
    cache: dict = {}
    for mod in tree.root.members:
        if _kind(mod) != "ModuleDeclarationSyntax":
            continue
        nodes: list = []
        _walk(mod, (), nodes)
        insts = _instances(nodes)
        edits, seen, descs = [], set(), []
        for node, stack in nodes:
            if _kind(node) != "BinaryExpressionSyntax" or node.operatorToken.valueText not in ("==", "!="):
                continue
            lt, rt = _norm(node.left), _norm(node.right)
            pick = []
            for side in (lt, rt):
                hits = [(i, port) for i in insts for port, e in i["conns"].items()
                        if e == side and _visible(i["stack"], stack)]
                pick.append(hits[0] if len(hits) == 1 else None)
            if None in pick:
                continue
            (i1, y1), (i2, y2) = pick
            if i1 is i2 or y1 != y2 or i1["type"] != i2["type"] or i1["params"] != i2["params"] or \
                    set(i1["conns"]) != set(i2["conns"]):
                continue
            diff = [q for q in i1["conns"] if q != y1 and i1["conns"][q] != i2["conns"][q]]
            if len(diff) != 1 or not i1["conns"][diff[0]] or not i2["conns"][diff[0]]:
                continue
            same_block = i1["stack"] == i2["stack"]
            if not same_block and any(set(re.findall(r"\w+", e)) & genvars
                                         for q, e in i1["conns"].items() if q not in (y1, diff[0])):
                continue
            key = (i1["type"], diff[0], y1)
            if key not in cache:
                cache[key] = _one_to_one(text, fname, i1["type"], diff[0], y1)
            if not cache[key]:
                continue
            r = node.sourceRange
            if (r.start.offset, r.end.offset) in seen:
                continue
            seen.add((r.start.offset, r.end.offset))
            op = node.operatorToken.valueText
            new = f"(({i1['raw'][diff[0]]}) {op} ({i2['raw'][diff[0]]}))"
            edits.append(Edit(r.start.offset, r.end.offset, new))
            descs.append(f"{lt} {op} {rt} -> {new} ({i1['type']} one-to-one in {diff[0]})")
        if edits:
            out.append((apply_edits(text, edits), "; ".join(descs[:4])))
        if len(out) >= MAX_CANDIDATES:
            break
    return out


def bijcmp_candidates(state) -> list:
    """Search-loop generator: compares of two instances' results through one bijection as compares of
    the differing inputs."""
    from rtlopt.engine.candidate import one_file_candidates

    got = []
    for p, t in state.texts.items():
        try:
            got += [({**state.texts, p: new}, desc) for new, desc in _rewrites(t, str(p))]
        except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
            continue
    return one_file_candidates(state.texts, got, RULE, "bijective compare", "bijcmp")
