"""One shared value for the x of a statement both designs write alike (``pcpi_rd <= 'bx;`` in idle cycles).

Semantics of the check (see :mod:`rtlopt.verify._prepare`): the gate refines gold. Each x the gate
writes may become any value after synthesis, so every choice must match (universal); each x gold writes
is a don't-care, i.e. gold may be resolved in any way (existential). Engines that see the two x's of an
unchanged statement as unrelated values fail on register correspondence: gold's ``pcpi_rd`` (x read as
0) and the gate's (any value) differ in every idle cycle, though nothing else changed.

:func:`share_x` gives such a pair of occurrences one new top-level input ``rtlopt_xin_<n>`` in both
designs (the statement ``r <= 'bx;`` becomes ``r <= rtlopt_xin_<n>;`` on both sides). Why that is sound:

* gate side: the occurrence now reads a primary input, free in every cycle, as wide as its target
  (at least); each occurrence has its own input, and only occurrences executed once per evaluation are
  taken (not in a loop, function, task or generate loop, and only in the top module, instantiated once),
  so every value synthesis could choose for that x in any cycle (a constant or any function of the
  design's signals) is one input sequence of the proof;
* gold side: for the gate's choice in a cycle, gold's x is resolved to the same value: one of gold's
  allowed behaviours (a resolution of an x is what x means; x-propagation's don't-care on outputs
  allows at least the outputs of every resolution). So equal outputs for every input sequence show that
  every gate behaviour is a gold behaviour.

Which gold occurrence is paired with which gate occurrence does not matter for soundness (any coupling
picks a valid gold resolution); statements of equal text in the same module, the k-th with the k-th,
are paired because that is what makes the proof go through. Occurrences of a text whose count differs
between the designs are left alone (the usual x semantics applies to them).
"""

from __future__ import annotations

import re
from pathlib import Path

from rtlopt.design import DesignRef

#: A right-hand side that is nothing but an x literal: 'bx, 'x, 32'bx, 8'hxx.
_X_RHS = re.compile(r"^(?:\d+\s*)?'[sS]?(?:[bBoOhH]\s*[xX_]+|[xX])$")
_LOOPS = {"ForLoopStatementSyntax", "WhileLoopStatementSyntax", "DoWhileStatementSyntax",
          "RepeatLoopStatementSyntax", "ForeverLoopStatementSyntax", "ForeachLoopStatementSyntax",
          "LoopGenerateSyntax", "FunctionDeclarationSyntax", "TaskDeclarationSyntax"}
_ANY_X = re.compile(r"'[sS]?(?:[bBoOhH]\s*[xX_]*[xX]|[xX])\b")
PREFIX = "rtlopt_xin_"


def _occurrences(path: Path, top: str) -> tuple[list[tuple[str, int, int, int]], tuple[int, str], str] | None:
    """(statement text without blanks, rhs start, rhs end, target width) of every x-only write of the
    top module executed once per evaluation; the offset of the port list's ``)`` and the separator a
    new port needs there; the text. None when the design is not one this handles (non-ANSI header,
    includes, non-ASCII text, elaboration errors). The module is elaborated as Yosys elaborates it
    (the only top, the project's -G values): the widths are those of the proof's netlist."""
    from pyslang import ast

    from rtlopt.hdl.project import syntax_tree, top_compilation
    from rtlopt.templates._sem import strip

    text = path.read_text(encoding="utf-8", errors="replace")
    if "`include" in text or PREFIX in text or not text.isascii():
        return None
    tree = syntax_tree(text, str(path))
    comp = top_compilation(top)
    comp.addSyntaxTree(tree)
    root = comp.getRoot()
    if any(d.isError() for d in tree.diagnostics) or any(d.isError() for d in comp.getAllDiagnostics()):
        return None
    insts = list(root.topInstances)
    mods = [m for m in tree.root.members if type(m).__name__ == "ModuleDeclarationSyntax"
            and m.header.name.valueText == top]
    if len(insts) != 1 or insts[0].name != top or len(mods) != 1:
        return None
    mod = mods[0]
    ports = mod.header.ports
    if type(ports).__name__ != "AnsiPortListSyntax":
        return None

    def span(syn) -> tuple[int, int]:
        return syn.sourceRange.start.offset, syn.sourceRange.end.offset

    close = ports.closeParen.location.offset
    first = "" if not text[ports.openParen.location.offset + 1:close].strip() else ", "
    mspan = span(mod)
    found = []

    def visit(n):
        if isinstance(n, ast.AssignmentExpression):
            found.append(n)

    insts[0].body.visit(visit)
    out = []
    seen = set()
    for n in found:
        rhs = strip(n.right)
        if getattr(rhs, "syntax", None) is None or n.syntax is None:
            continue
        rs, re_ = span(rhs.syntax)
        if not _X_RHS.match(text[rs:re_].strip()):
            continue
        ok, stmt, p = True, None, n.syntax.parent
        while p is not None:
            k = type(p).__name__
            if k == "ModuleDeclarationSyntax":
                ok = ok and span(p) == mspan  # (a child module's statement: not this module's)
                break
            if k in _LOOPS or (k == "ProceduralBlockSyntax" and p.keyword.valueText in ("initial", "final")):
                ok = False  # (an initial value cannot read an input)
                break
            if stmt is None and k == "ExpressionStatementSyntax":
                stmt = p
            p = p.parent
        width = getattr(getattr(n.left, "type", None), "bitWidth", 0)
        if not ok or p is None or stmt is None or not width:
            continue
        ss, se = span(stmt)
        if (ss, se) in seen:
            continue
        seen.add((ss, se))
        out.append((re.sub(r"\s+", "", text[ss:se]), rs, re_, int(width)))
    return out, (close, first), text


def share_x(gold: DesignRef, gate: DesignRef, workdir: Path) -> tuple[DesignRef, DesignRef, int]:
    """``gold``/``gate`` with the x writes of equal statements of their (one-file, ANSI) top module
    reading shared new inputs (see the module docstring), written to ``workdir``; the designs
    unchanged (and 0) when there is nothing to share or the designs are not of that form."""
    if len(gold.files) != 1 or len(gate.files) != 1 or gold.top != gate.top:
        return gold, gate, 0
    try:  # (the analysis only when both texts write some x literal)
        if not all(_ANY_X.search(Path(f).read_text(encoding="utf-8", errors="replace"))
                   for f in (gold.files[0], gate.files[0])):
            return gold, gate, 0
    except OSError:
        return gold, gate, 0
    try:
        g = _occurrences(Path(gold.files[0]), gold.top)
        h = _occurrences(Path(gate.files[0]), gate.top)
    except Exception:  # noqa: BLE001 - an analysis problem: the usual x semantics, nothing shared
        return gold, gate, 0
    if g is None or h is None or not g[0] or not h[0]:
        return gold, gate, 0
    by_text: dict[str, tuple[list, list]] = {}
    for side, occ in ((0, g[0]), (1, h[0])):
        for o in occ:
            by_text.setdefault(o[0], ([], []))[side].append(o)
    pairs = []
    for go, ho in by_text.values():
        if len(go) == len(ho):
            pairs += list(zip(sorted(go, key=lambda o: o[1]), sorted(ho, key=lambda o: o[1]), strict=True))
    if not pairs:
        return gold, gate, 0
    edits: tuple[list, list] = ([], [])
    ports = []
    for i, (a, b) in enumerate(sorted(pairs, key=lambda p: p[0][1])):
        name = f"{PREFIX}{i}"
        ports.append(f"input [{max(a[3], b[3]) - 1}:0] {name}")
        edits[0].append((a[1], a[2], name))
        edits[1].append((b[1], b[2], name))
    out = []
    for side, (ref, (_occ, close, text)) in enumerate(((gold, g), (gate, h))):
        es = sorted(edits[side] + [(close[0], close[0], close[1] + ", ".join(ports))], key=lambda e: e[0],
                    reverse=True)
        for s, e, rep in es:
            text = text[:s] + rep + text[e:]
        path = workdir / f"rtlopt_sharedx_{'gold' if side == 0 else 'gate'}{Path(ref.files[0]).suffix}"
        path.write_text(text, encoding="utf-8")
        out.append(DesignRef((path,), ref.top))
    return out[0], out[1], len(pairs)
