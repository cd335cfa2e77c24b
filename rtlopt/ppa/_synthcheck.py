"""Refuse simulation-only designs before synthesis, with one clear message.

Yosys silently drops ``#`` delays, ``$display`` and most of an ``initial`` block, so a testbench
"synthesizes" to an empty netlist whose PPA would be meaningless. This check walks the pyslang
syntax trees of the modules reachable from the top and raises
:class:`~rtlopt.errors.UnsupportedConstruct` for:

* an ``initial`` block with timing controls (``#`` delays, ``@`` events, ``wait``, ``forever``) or
  ``$finish``/``$stop`` — testbench code — unless it is the parameter-check idiom
  ``initial if (PARAM bad) begin $error(..); $finish; end`` (conditions on parameters only, no
  assignments; see :func:`rtlopt.hdl.project.is_parameter_check`), which synthesis ignores;
* a ``real``/``realtime``/``shortreal`` variable or net — real numbers do not synthesize.

Delays on ordinary assignments in ``always`` blocks (``q <= #1 d``) are legal RTL that synthesis
ignores and are accepted. A design whose only behaviour is system tasks (``$display``) is refused
after synthesis, when its netlist turns out to be empty (see :func:`simulation_only_tasks`).
"""

from __future__ import annotations

import re
from pathlib import Path

from pyslang import syntax

from rtlopt.errors import UnsupportedConstruct
from rtlopt.hdl.project import is_parameter_check_in
from rtlopt.hdl.source import ParsedDesign

SK = syntax.SyntaxKind
_TIMING_IN_INITIAL = {SK.DelayControl, SK.EventControl, SK.EventControlWithExpression,
                      SK.WaitStatement, SK.ForeverStatement, SK.CycleDelay}
_TESTBENCH_TASKS = {"$finish", "$stop"}
_SIM_TASKS = {"$display", "$write", "$monitor", "$strobe", "$fdisplay", "$fwrite", "$info", "$warning",
              "$error", "$fatal", "$dumpfile", "$dumpvars", "$finish", "$stop"}


def _kind_name(node) -> str:
    return getattr(getattr(node, "kind", None), "name", "")


def _modules(node):
    if node.kind == SK.ModuleDeclaration:
        yield node
        return
    for member in getattr(node, "members", ()):
        if member.kind == SK.ModuleDeclaration:
            yield member


def _walk(node, fn) -> None:
    node.visit(lambda n: fn(n) or True)


def _reachable(design: ParsedDesign, top: str) -> list[tuple[object, object]]:
    """``(tree, module_node)`` pairs for ``top`` and every module it instantiates (by name)."""
    decls: dict[str, tuple[object, object]] = {}
    for tree in design.trees:
        for mod in _modules(tree.root):
            decls.setdefault(mod.header.name.valueText, (tree, mod))
    seen: list[str] = []
    todo = [top]
    while todo:
        name = todo.pop()
        if name in seen or name not in decls:
            continue
        seen.append(name)
        children: list[str] = []

        def visit(n, children=children):
            if getattr(n, "kind", None) == SK.HierarchyInstantiation:
                children.append(n.type.valueText)

        _walk(decls[name][1], visit)
        todo.extend(children)
    return [decls[n] for n in seen]


_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_HIGH_Z = re.compile(r"'[sS]?[bBhHoO]\s*[0-9a-fA-F_xXzZ]*[zZ]|'[zZ](?![\w])|\btri[01]?\b|\bbufif[01]\b|\bnotif[01]\b")


def design_warnings(design: ParsedDesign, top: str) -> list[str]:
    """Constructs that synthesize but whose PPA may mislead (currently: high-impedance logic)."""
    out = []
    for _tree, mod in _reachable(design, top):
        text = _COMMENTS.sub(" ", str(mod))
        if _HIGH_Z.search(text):
            out.append(f"module {mod.header.name.valueText} uses high-impedance ('z') values: Yosys treats "
                       "them as don't-care and maps no tri-state cells, so its PPA omits tri-state drivers")
    return out


def reachable_module_names(design: ParsedDesign, top: str) -> list[str]:
    """``top`` and the names of the declared modules it instantiates, directly or not."""
    return [mod.header.name.valueText for _tree, mod in _reachable(design, top)]


def _where(tree, node) -> tuple[str, int]:
    sm = tree.sourceManager
    loc = node.sourceRange.start
    return str(Path(sm.getFileName(loc))), sm.getLineNumber(loc)


def check_synthesizable(design: ParsedDesign, top: str) -> None:
    """Raise UnsupportedConstruct for simulation-only constructs in the modules under ``top``."""
    for tree, mod in _reachable(design, top):
        problem: list[tuple[str, object]] = []

        def visit(n, problem=problem, mod=mod):
            if problem:
                return
            kind = getattr(n, "kind", None)
            if kind == SK.InitialBlock:
                if is_parameter_check_in(n, mod):
                    return None  # `if (PARAM bad) begin $error(..); $finish; end`: elaboration check, ignored
                inner: list[str] = []

                def in_initial(m, inner=inner):
                    k = getattr(m, "kind", None)
                    if k in _TIMING_IN_INITIAL:
                        inner.append("a timing control (# delay, @ event, wait or forever)")
                    elif k == SK.SystemName and m.systemIdentifier.valueText in _TESTBENCH_TASKS:
                        inner.append(m.systemIdentifier.valueText)

                _walk(n, in_initial)
                if inner:
                    problem.append((f"'initial' block with {inner[0]} is simulation-only (testbench) code "
                                    "and cannot be synthesized", n))
            elif _kind_name(n) in ("RealKeyword", "RealTimeKeyword", "ShortRealKeyword"):
                problem.append((f"real-valued '{n.valueText}' data cannot be synthesized", n))

        _walk(mod, visit)
        if problem:
            msg, node = problem[0]
            try:
                file, line = _where(tree, node)
            except Exception:  # a token without a source range: report the module instead
                file, line = _where(tree, mod)
            raise UnsupportedConstruct(f"{msg} (module {mod.header.name.valueText})", file=file, line=line)


def simulation_only_tasks(design: ParsedDesign, top: str) -> list[str]:
    """System tasks such as ``$display`` used in the modules under ``top`` (sorted, unique)."""
    found: set[str] = set()
    for _tree, mod in _reachable(design, top):

        def visit(n):
            if getattr(n, "kind", None) == SK.SystemName and n.systemIdentifier.valueText in _SIM_TASKS:
                found.add(n.systemIdentifier.valueText)

        _walk(mod, visit)
    return sorted(found)
