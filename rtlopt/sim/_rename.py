"""Prefix every module of a design copy so two versions of a design can be simulated side by side.

The renaming is token-exact: pyslang finds each module declaration name and each instantiation's
module name, and :func:`rtlopt.hdl.edit.apply_edits` replaces only those spans. Instantiations of
modules the design does not define (library cells, primitives) keep their names.
"""

from __future__ import annotations

from pyslang import syntax

from rtlopt.hdl.edit import Edit, apply_edits

_MODULE_KINDS = (syntax.SyntaxKind.ModuleDeclaration,)


def defined_modules(trees: list[syntax.SyntaxTree]) -> set[str]:
    """Names of the modules declared in ``trees``."""
    names: set[str] = set()

    def visit(node) -> bool:
        if getattr(node, "kind", None) in _MODULE_KINDS:
            names.add(node.header.name.valueText)
        return True

    for tree in trees:
        tree.root.visit(visit)
    return names


def rename_modules(text: str, tree: syntax.SyntaxTree, names: set[str], prefix: str) -> str:
    """Return ``text`` with every declaration and instantiation of a module in ``names`` prefixed.

    Args:
        text: The source text the tree was parsed from.
        tree: Its pyslang syntax tree.
        names: Module names to rename (usually every module the design defines).
        prefix: Prefix added to each name (``gold_`` / ``gate_``).

    Returns:
        The renamed text; everything else is byte for byte the same.
    """
    # pyslang offsets count bytes: edit a latin-1 view of the UTF-8 bytes (one char per byte).
    view = text.encode("utf-8").decode("latin-1")
    edits: list[Edit] = []

    def add(tok) -> None:
        start, end = tok.range.start.offset, tok.range.end.offset
        raw = view[start:end]
        if raw.startswith("\\"):  # escaped identifier: keep it escaped
            edits.append(Edit(start, end, "\\" + prefix + raw[1:]))
        else:
            edits.append(Edit(start, end, prefix + raw))

    def visit(node) -> bool:
        kind = getattr(node, "kind", None)
        if kind in _MODULE_KINDS:
            name = node.header.name
            if name.valueText in names:
                add(name)
                label = getattr(node, "blockName", None)
                if label is not None and label.name.valueText == name.valueText:
                    add(label.name)
        elif kind == syntax.SyntaxKind.HierarchyInstantiation and node.type.valueText in names:
            add(node.type)
        return True

    tree.root.visit(visit)
    return apply_edits(view, edits).encode("latin-1").decode("utf-8")
