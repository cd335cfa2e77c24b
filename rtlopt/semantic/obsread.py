"""A captured copy read only while it equals its source: read the source instead (observability).

A register ``R`` loaded from a signal ``S`` (``R <= S`` under some guard, in this module or in a child
instance whose output is ``R`` and whose input is ``S``) is often read only at moments when ``S`` still
holds the captured value: a snapshot taken when a counter stops, read only while the counter stays
stopped (``valid ? snap : 0``); command fields captured at a transaction's start from a source that
holds them stable until the transaction ends. ``R`` and ``S`` differ in some reachable states, so
register correspondence does not merge them, but every read of ``R`` sees ``S``'s value. Every read
of ``R`` in the module (continuous assignments, conditions and right-hand sides of procedural code;
not the targets of assignments and not instance port connections) becomes a read of ``S``; the
capture register then goes unread and synthesis removes it.

The read conditions are not analysed here: the candidate is offered only when its outputs equal the
original's in a random simulation from reset (seqsim) and kept only when the verifier proves it from
reset (a snapshot read while the counter runs fails the simulation; a source that may change while
its copy is read fails the simulation or the proof). Whether the copy equals its source where it is
read is a reachable-state invariant (``valid -> snap == cnt``); ABC's engines prove the small cases
(a frozen snapshot beside its counter in 5 s); the proof of a whole transaction controller can run
out of time (UNKNOWN: dropped, never accepted).

Pairs come from the syntax: nonblocking assignments whose right side (or one arm of a ``?:`` right
side) is a plain name; through an instance, a child's output port assigned that way from one of its
input ports, connected by name to plain nets. Per module all of its pairs together first, then each
pair alone; at most :data:`MAX_CANDIDATES` per design.
"""

from __future__ import annotations

import re
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic.instmux import _kind, _span, _walk

RULE = "sequential_redundancy"
MAX_CANDIDATES = 4
_NAME = re.compile(r"\s*\(?\s*([A-Za-z_]\w*)\s*\)?\s*")


def _kids(n) -> list:
    """The syntax children of ``n`` (tokens left out)."""
    try:
        kids = list(n)
    except TypeError:
        return []
    return [c for c in kids if hasattr(c, "sourceRange") and not _kind(c).endswith("Token")]


def _plain(text: str, n) -> str | None:
    if n is None:
        return None
    a, b = _span(text, n)
    m = _NAME.fullmatch(text[a:b])
    return m.group(1) if m else None


def _captures(text: str, mod) -> list[tuple[str, str]]:
    """(R, S) of nonblocking ``R <= S`` / ``R <= c ? S : x`` / ``R <= c ? x : S`` under at least two
    enclosing ``if``/``case`` statements or ``?:`` (a reset and a load condition): an assignment under the reset
    ``if`` alone is a delay of S every cycle (``state <= next``), not a capture."""
    out: list[tuple[str, str]] = []

    def visit(n, depth: int):
        k = _kind(n)
        if k in ("ConditionalStatementSyntax", "CaseStatementSyntax"):
            depth += 1
        if k == "BinaryExpressionSyntax" and "NonblockingAssignment" in str(n.kind):
            r = _plain(text, n.left)
            rhs = n.right
            srcs = [_plain(text, rhs)]
            if _kind(rhs) == "ConditionalExpressionSyntax":  # a load condition too
                srcs = [_plain(text, rhs.left), _plain(text, rhs.right)]
                depth += 1
            if r is None or depth < 2:
                return
            for s in srcs:
                if s is not None and s != r and (r, s) not in out:
                    out.append((r, s))
            return
        for c in _kids(n):
            visit(c, depth)

    visit(mod, 0)
    return out


def _ports(mod) -> dict[str, str]:
    """{port name: direction keyword} of an ANSI port list."""
    out: dict[str, str] = {}
    ports = getattr(mod.header, "ports", None)
    if ports is None or _kind(ports) != "AnsiPortListSyntax":
        return out
    d = ""
    for p in ports.ports:
        h = getattr(p, "header", None)
        kw = getattr(h, "direction", None) if h is not None else None
        if kw is not None and str(getattr(kw, "valueText", "")):
            d = kw.valueText
        decl = getattr(p, "declarator", None)
        if decl is not None and d:
            out[decl.name.valueText] = d
    return out


def _connections(text: str, inst) -> dict[str, str]:
    """{child port: plain parent net} of named connections (``.p(x)``, ``.p``)."""
    out: dict[str, str] = {}
    for c in inst.connections:
        if _kind(c) != "NamedPortConnectionSyntax":
            continue
        port = c.name.valueText
        if c.openParen is None or str(c.openParen.kind) == "TokenKind.Unknown" or c.expr is None:
            out[port] = port
            continue
        net = _plain(text, c.expr)
        if net is not None:
            out[port] = net
    return out


def _signals(mod) -> set[str]:
    """Names of the ports, variables and nets ``mod`` declares (not parameters or enum constants)."""
    out: set[str] = set(_ports(mod))

    def walk(n, ok: bool):
        k = _kind(n)
        if k in ("ParameterDeclarationSyntax", "EnumTypeSyntax", "TypedefDeclarationSyntax"):
            return
        if k in ("DataDeclarationSyntax", "NetDeclarationSyntax", "PortDeclarationSyntax"):
            ok = True
        if ok and k == "DeclaratorSyntax":
            out.add(n.name.valueText)
        for c in _kids(n):
            walk(c, ok)

    walk(mod, False)
    return out


def _comb_reads(text: str, mod) -> dict[str, set[str]]:
    """name -> names it is computed from combinationally (continuous assignments, net initializers; every name a
    combinational block assigns reads every name in the block)."""
    from rtlopt.semantic.dropguard import _assigned, _clocked
    from rtlopt.semantic.instmux import _ids

    dep: dict[str, set[str]] = {}

    def visit(n):
        k = _kind(n)
        if k == "ContinuousAssignSyntax":
            for x in n.assignments:
                if _kind(x) == "BinaryExpressionSyntax":
                    a, b = _span(text, x.left)
                    c, d = _span(text, x.right)
                    for v in _ids(text[a:b]):
                        dep.setdefault(v, set()).update(_ids(text[c:d]))
        elif k == "DeclaratorSyntax" and n.initializer is not None:  # wire w = ...;
            c, d = _span(text, n.initializer)
            dep.setdefault(n.name.valueText, set()).update(_ids(text[c:d]))
        elif k == "ProceduralBlockSyntax" and not _clocked(text, n):
            a, b = _span(text, n)
            every = _ids(text[a:b])
            for v in _assigned(text, n):
                dep.setdefault(v, set()).update(every)

    _walk(mod, visit)
    return dep


def _reads_comb(dep: dict[str, set[str]], s: str, r: str) -> bool:
    """Whether ``s`` is computed combinationally from ``r`` (reading s for r would close a loop)."""
    seen, todo = {s}, [s]
    while todo:
        for u in dep.get(todo.pop(), ()):
            if u == r:
                return True
            if u not in seen:
                seen.add(u)
                todo.append(u)
    return False


def _pairs(text: str, mod, children: dict) -> list[tuple[str, str]]:
    """(R, S) pairs of module ``mod``: its own captures and its instances' port captures."""
    sig = _signals(mod)
    pairs = [(r, s) for r, s in _captures(text, mod) if r in sig and s in sig]

    def visit(n):
        if _kind(n) != "HierarchyInstantiationSyntax":
            return
        child = children.get(n.type.valueText)
        if child is None:
            return
        ctext, cmod = child
        dirs = _ports(cmod)
        caps = [(r, s) for r, s in _captures(ctext, cmod) if dirs.get(r) == "output" and dirs.get(s) == "input"]
        if not caps:
            return
        for inst in n.instances:
            conn = _connections(text, inst)
            for r, s in caps:
                if r in conn and s in conn and conn[r] != conn[s] and (conn[r], conn[s]) not in pairs:
                    pairs.append((conn[r], conn[s]))

    _walk(mod, visit)
    dep = _comb_reads(text, mod)
    return [(r, s) for r, s in pairs if not _reads_comb(dep, s, r)]


def _reads(text: str, mod, name: str) -> list[tuple[int, int]]:
    """Spans of the identifier ``name`` read in ``mod``: not an assignment target, not in an instance's
    connections, not in a pinned original arm."""
    skip: list[tuple[int, int]] = []
    hits: list[tuple[int, int]] = []

    def visit(n):
        k = _kind(n)
        if k == "BinaryExpressionSyntax" and "Assignment" in str(n.kind):
            # the target, or the whole next-state assignment of the copy itself (its hold arm)
            skip.append(_span(text, n if _plain(text, n.left) == name else n.left))
        elif k == "HierarchyInstantiationSyntax":
            skip.append(_span(text, n))
        elif k == "ContinuousAssignSyntax":
            for a in n.assignments:
                if _kind(a) == "BinaryExpressionSyntax":
                    skip.append(_span(text, a.left))
        else:
            bn = getattr(n, "beginName", None) or getattr(n, "blockName", None)
            nm = getattr(bn, "name", None) if bn is not None else None
            if nm is not None and nm.valueText.startswith("rtlopt_original_"):
                skip.append(_span(text, n))
        if k == "IdentifierNameSyntax" and n.identifier.valueText == name:
            hits.append(_span(text, n))

    _walk(mod, visit)
    return [h for h in hits if not any(a <= h[0] and h[1] <= b for a, b in skip)]


def _flagged_loads(text: str, mod) -> list[tuple[int, int, str, str, str]]:
    """Load guards whose value a flag register records: ``if (g) R <= E;`` (no else, nonblocking
    assignments only, nested under a reset) in a module that also registers ``V <= g`` every cycle.
    When R is read only under V (``V ? R : 0``, ``V && R == K``), R is observed only in the cycle after
    it was loaded, so it can load every cycle. (start, end, body, guard, flag) of each site."""
    from rtlopt.semantic.dropguard import _nonblocking_only

    flags: dict[str, str] = {}
    sites: list[tuple[int, int, str, str]] = []

    def visit(n, depth: int):
        k = _kind(n)
        if k == "BinaryExpressionSyntax" and "NonblockingAssignment" in str(n.kind):
            v, g = _plain(text, n.left), _plain(text, n.right)
            if v is not None and g is not None and depth == 1:
                flags.setdefault(g, v)
            return
        if k == "ConditionalStatementSyntax":
            conds = list(n.predicate.conditions)
            if depth >= 1 and n.elseClause is None and len(conds) == 1 and conds[0].matchesClause is None \
                    and _nonblocking_only(text, n.statement):
                g = _plain(text, conds[0].expr)
                body = n.statement
                if _kind(body) == "BlockStatementSyntax" and len(list(body.items)) == 1:
                    body = body.items[0]
                if g is not None:
                    a, b = _span(text, n)
                    c, d = _span(text, body)
                    sites.append((a, b, text[c:d].strip(), g))
            depth += 1
        elif k == "CaseStatementSyntax":
            depth += 1
        for c in _kids(n):
            visit(c, depth)

    visit(mod, 0)
    return [(a, b, body, g, flags[g]) for a, b, body, g in sites if g in flags]


def _modules(tr) -> list:
    """The module declarations of a syntax tree (a file of one module is its root)."""
    if _kind(tr.root) == "ModuleDeclarationSyntax":
        return [tr.root]
    return [m for m in getattr(tr.root, "members", []) if _kind(m) == "ModuleDeclarationSyntax"]


def rewrites(texts: dict[Path, str]) -> list[tuple[dict[Path, str], str]]:
    from pyslang import syntax

    trees = {}
    children: dict[str, tuple[str, object]] = {}
    for p, t in texts.items():
        if "<=" not in t:
            continue
        tr = syntax.SyntaxTree.fromText(t, str(p))
        if any(d.isError() for d in tr.diagnostics):
            continue
        trees[p] = tr
        for m in _modules(tr):
            children[m.header.name.valueText] = (t, m)
    out: list[tuple[dict[Path, str], str]] = []
    for p, tr in trees.items():
        t = texts[p]
        for m in _modules(tr):
            sites = []
            for r, s in _pairs(t, m, children):
                spans = _reads(t, m, r)
                if spans and not any(x[0] == r or x[1] == r for x in sites):
                    sites.append((r, s, spans))
            groups = [sites] if len(sites) > 1 else []
            groups += [[x] for x in sites]
            for g in groups:
                edits = [Edit(a, b, s) for _r, s, spans in g for a, b in spans]
                try:
                    new = apply_edits(t, edits)
                except ValueError:
                    continue
                what = ", ".join(f"{r} -> {s}" for r, s, _ in g)
                out.append(({**texts, p: new}, f"{m.header.name.valueText}: captured copies read as their "
                                               f"sources ({what}; equal wherever read)"))
            for a, b, body, g, v in _flagged_loads(t, m):
                try:
                    new = apply_edits(t, [Edit(a, b, body)])
                except ValueError:
                    continue
                out.append(({**texts, p: new}, f"{m.header.name.valueText}: load guard if ({g}) dropped "
                                               f"(read only under {v}, the registered {g})"))
    return out


def _agree(state, got: list[tuple[dict[Path, str], str]], budget_s: float = 15.0) -> list:
    """The candidates whose outputs equal the original's in a simulation from reset (seqsim); the
    ones not simulated within ``budget_s`` are not offered (most pairs the syntax gives are delays or
    captures read while their source moves: each would cost a refuted proof)."""
    import time

    from rtlopt.semantic import seqsim

    top = getattr(getattr(state, "design", None), "top", None)
    if not got or top is None:
        return []
    end = time.monotonic() + budget_s
    try:
        net = seqsim.load_texts(dict(state.texts), top, timeout=budget_s)
    except Exception:  # noqa: BLE001 - no simulation model: nothing offered
        return []
    out = []
    for new, desc in got:
        left = end - time.monotonic()
        if left < 1.0:
            break
        if seqsim.outputs_agree(net, new, top, left) is True:
            out.append((new, desc))
    return out


def obsread_candidates(state) -> list:
    """Search-loop generator: reads of a captured copy become reads of its source (simulation-filtered,
    proven from reset by the search loop)."""
    from rtlopt.engine.candidate import one_file_candidates

    try:
        got = _agree(state, rewrites(dict(state.texts))[:MAX_CANDIDATES])
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    return one_file_candidates(state.texts, got, RULE, "observed copy", "obsread")
