"""Semantic view of one HDL text for the templates: pyslang syntax + elaborated expressions with widths.

Every template works on an :class:`Analysis`: the lossless syntax tree of the text, the elaborated
compilation, and, for every expression that has source text, its context-determined width and
signedness (from pyslang's type propagation) plus helpers to compute self-determined widths. Offsets
are character offsets into the Python string (pyslang reports UTF-8 byte offsets; they are mapped).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from pyslang import ast, syntax

_WS = re.compile(r"//[^\n]*|/\*.*?\*/|\s+", re.S)


def norm(text: str) -> str:
    """Text with comments and whitespace removed: a cheap structural key for expressions."""
    return _WS.sub("", text)


@dataclass
class ExprInfo:
    """One elaborated expression with source text."""

    node: object  # pyslang ast.Expression (never a Conversion)
    start: int
    end: int
    width: int  # context-determined (after propagation) width
    signed: bool
    text: str

    @property
    def key(self) -> str:
        return norm(self.text)


@dataclass
class Analysis:
    """Parsed and elaborated view of one text."""

    text: str
    tree: object
    comp: object
    root: object
    exprs: list[ExprInfo] = field(default_factory=list)
    by_span: dict[tuple[int, int], ExprInfo] = field(default_factory=dict)
    statements: list[tuple[object, int, int]] = field(default_factory=list)
    symbols: list[object] = field(default_factory=list)
    errors: int = 0
    syntax_errors: int = 0
    _b2c: list[int] | None = None
    #: Set by ``rtlopt check`` (a report of places, no rewrite applied): matches marked
    #: ``alternative`` (other spellings of a rewrite already found at a place) are discarded there,
    #: so a matcher may skip computing them. False (optimize): every alternative is offered.
    report_only: bool = False
    #: Set by ``rtlopt check``: ``prefilter(rule, subject) -> bool``, False when the check would drop
    #: a match about ``subject`` whatever its confirmation says, so a matcher may skip the expensive
    #: confirmation (e.g. a Yosys run) of that candidate. None (optimize): every candidate is confirmed.
    prefilter: object = None

    def off(self, byte_offset: int) -> int:
        """Character offset of a pyslang byte offset."""
        if self._b2c is None:
            return byte_offset
        return self._b2c[min(byte_offset, len(self._b2c) - 1)]

    def span(self, node) -> tuple[int, int]:
        """Character span of a syntax node (or a semantic node's syntax)."""
        syn = node if isinstance(node, syntax.SyntaxNode) else getattr(node, "syntax", None)
        r = syn.sourceRange
        return self.off(r.start.offset), self.off(r.end.offset)

    def info(self, node) -> ExprInfo | None:
        """The ExprInfo of a semantic expression (looking through implicit conversions)."""
        node = strip(node)
        syn = getattr(node, "syntax", None)
        if syn is None:
            return None
        return self.by_span.get(self.span(syn))

    def line(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def const(self, node) -> int | None:
        """Integer value of a constant expression made only of literals (no x/z), else None."""
        node = strip(node)
        if not literal_only(node):
            return None
        try:
            v = node.eval(ast.EvalContext(self.root))
        except Exception:  # noqa: BLE001 - pyslang raises assorted errors on odd nodes
            return None
        sv = getattr(v, "value", None)
        if sv is None or type(sv).__name__ != "SVInt" or sv.hasUnknown:
            return None
        try:
            return int(sv)
        except (TypeError, ValueError):
            return None


def strip(node):
    """Look through implicit conversions (and parentheses are already transparent in pyslang)."""
    while node is not None and type(node).__name__ == "ConversionExpression" and node.isImplicit:
        node = node.operand
    return node


def literal_only(node) -> bool:
    """True if the expression tree contains only literals and operators (no names, no calls)."""
    node = strip(node)
    name = type(node).__name__
    if name == "IntegerLiteral" or name == "UnbasedUnsizedIntegerLiteral":
        return True
    if name == "BinaryExpression":
        return literal_only(node.left) and literal_only(node.right)
    if name == "UnaryExpression":
        return literal_only(node.operand)
    if name == "ConditionalExpression":
        return all(literal_only(c.expr) for c in node.conditions) and literal_only(node.left) \
            and literal_only(node.right)
    if name == "ConcatenationExpression":
        return all(literal_only(o) for o in node.operands)
    if name == "ConversionExpression":
        return literal_only(node.operand)
    return False


_SELF_MAX = {"Add", "Subtract", "Multiply", "Divide", "Mod", "BinaryAnd", "BinaryOr", "BinaryXor",
             "BinaryXnor"}
_ONE_BIT = {"Equality", "Inequality", "CaseEquality", "CaseInequality", "GreaterThanEqual", "GreaterThan",
            "LessThanEqual", "LessThan", "LogicalAnd", "LogicalOr", "LogicalImplication",
            "LogicalEquivalence", "WildcardEquality", "WildcardInequality"}
_SHIFT = {"LogicalShiftLeft", "LogicalShiftRight", "ArithmeticShiftLeft", "ArithmeticShiftRight", "Power"}


def op_name(node) -> str:
    return str(node.op).split(".")[-1]


def self_width(node) -> int | None:
    """Self-determined width of an expression (Verilog rules), or None if not computable."""
    node = strip(node)
    name = type(node).__name__
    if name in ("NamedValueExpression", "ElementSelectExpression", "RangeSelectExpression",
                "IntegerLiteral", "ConcatenationExpression", "ReplicationExpression", "StringLiteral",
                "MemberAccessExpression", "CallExpression"):
        w = node.type.bitWidth
        return int(w) if w else None
    if name == "BinaryExpression":
        op = op_name(node)
        if op in _ONE_BIT:
            return 1
        if op in _SHIFT:
            return self_width(node.left)
        if op in _SELF_MAX:
            lw, rw = self_width(node.left), self_width(node.right)
            return None if lw is None or rw is None else max(lw, rw)
        return None
    if name == "UnaryExpression":
        op = op_name(node)
        if op in ("BitwiseNot", "Plus", "Minus"):
            return self_width(node.operand)
        return 1
    if name == "ConditionalExpression":
        lw, rw = self_width(node.left), self_width(node.right)
        return None if lw is None or rw is None else max(lw, rw)
    if name == "ConversionExpression":  # explicit cast: its own type
        w = node.type.bitWidth
        return int(w) if w else None
    return None


def self_signed(node) -> bool | None:
    """Self-determined signedness of an expression (Verilog rules), or None if unknown."""
    node = strip(node)
    name = type(node).__name__
    if name in ("NamedValueExpression", "IntegerLiteral", "ConversionExpression", "CallExpression"):
        return bool(node.type.isSigned)
    if name in ("ElementSelectExpression", "RangeSelectExpression", "ConcatenationExpression",
                "ReplicationExpression", "StringLiteral"):
        return False
    if name == "BinaryExpression":
        op = op_name(node)
        if op in _ONE_BIT:
            return False
        if op in _SHIFT:
            return self_signed(node.left)
        ls, rs = self_signed(node.left), self_signed(node.right)
        return None if ls is None or rs is None else (ls and rs)
    if name == "UnaryExpression":
        return self_signed(node.operand) if op_name(node) in ("BitwiseNot", "Plus", "Minus") else False
    if name == "ConditionalExpression":
        ls, rs = self_signed(node.left), self_signed(node.right)
        return None if ls is None or rs is None else (ls and rs)
    return None


def is_pure(node) -> bool:
    """No calls, assignments or increments: duplicating or dropping it is safe."""
    node = strip(node)
    name = type(node).__name__
    if name in ("NamedValueExpression", "IntegerLiteral", "UnbasedUnsizedIntegerLiteral", "StringLiteral"):
        return True
    if name == "BinaryExpression":
        return is_pure(node.left) and is_pure(node.right)
    if name == "UnaryExpression":
        return op_name(node) not in ("Preincrement", "Predecrement", "Postincrement", "Postdecrement") \
            and is_pure(node.operand)
    if name == "ConditionalExpression":
        return all(is_pure(c.expr) for c in node.conditions) and is_pure(node.left) and is_pure(node.right)
    if name == "ConcatenationExpression":
        return all(is_pure(o) for o in node.operands)
    if name == "ReplicationExpression":
        return is_pure(node.count) and is_pure(node.concat)
    if name == "ElementSelectExpression":
        return is_pure(node.value) and is_pure(node.selector)
    if name == "RangeSelectExpression":
        return is_pure(node.value) and is_pure(node.left) and is_pure(node.right)
    if name == "ConversionExpression":
        return is_pure(node.operand)
    return False


def names_in(node, out: set[str] | None = None) -> set[str]:
    """Names of the symbols an expression reads."""
    out = set() if out is None else out
    node = strip(node)
    name = type(node).__name__
    if name == "NamedValueExpression":
        out.add(node.symbol.name)
        return out
    for attr in ("left", "right", "operand", "value", "selector", "count", "concat"):
        child = getattr(node, attr, None)
        if child is not None and isinstance(child, ast.Expression):
            names_in(child, out)
    for attr in ("operands",):
        for child in getattr(node, attr, None) or ():
            names_in(child, out)
    if name == "ConditionalExpression":
        for c in node.conditions:
            names_in(c.expr, out)
    return out


_ATOMIC = re.compile(r"^(?:[A-Za-z_][\w$]*(?:\s*\[[^\[\]]*\])*|\d*'[sS]?[bBoOdDhH][0-9a-fA-FxXzZ_?]+|\d+)$")


def paren(text: str) -> str:
    """``text`` wrapped in parentheses unless it is already atomic (name, select, literal, group)."""
    t = text.strip()
    if _ATOMIC.match(t):
        return t
    if (t.startswith("(") and _balanced_outer(t, "(", ")")) or (t.startswith("{") and _balanced_outer(t, "{", "}")):
        return t
    return f"({t})"


def _balanced_outer(t: str, o: str, c: str) -> bool:
    depth = 0
    for i, ch in enumerate(t):
        if ch == o:
            depth += 1
        elif ch == c:
            depth -= 1
            if depth == 0 and i != len(t) - 1:
                return False
    return t.endswith(c)


def literal(value: int, width: int, signed: bool = False) -> str:
    """A sized Verilog literal of ``width`` bits holding ``value`` (two's complement if negative)."""
    value &= (1 << width) - 1
    s = "s" if signed else ""
    if width <= 8:
        return f"{width}'{s}b{value:0{width}b}" if width <= 4 else f"{width}'{s}h{value:x}"
    return f"{width}'{s}h{value:x}"


_current = threading.local()


def analyze(text: str, name: str = "design.v", *, context: str = "") -> Analysis:
    """Parse and elaborate ``text``; collect every expression with source text.

    ``name`` is the file the text belongs to (language by suffix, includes from its directory, see
    :mod:`rtlopt.hdl.project`); the default ``design.v`` means "a rewrite of the file this thread
    analysed last" (its includes and language), or SystemVerilog when there was none.
    ``context``: declarations of modules defined elsewhere (stubs, :func:`rtlopt.hdl.project.module_stubs`)
    that the text instantiates; they are elaborated with it, but nothing in them is collected and
    their diagnostics do not count.
    """
    from rtlopt.hdl.project import compilation, syntax_tree

    if name != "design.v":
        _current.path = name
        path = name
    else:
        # a text without a file (a rewrite being checked, e.g. parses_cleanly): read it as the file
        # this thread analysed last, whose rewrite it is (same includes, same language)
        path = getattr(_current, "path", None)
    tree = syntax_tree(text, path)
    trees = [tree]
    ctx_buf = None
    if context:
        ctx = syntax.SyntaxTree.fromText(context, tree.sourceManager, "<rtlopt: context stubs>")
        ctx_buf = ctx.root.sourceRange.start.buffer
        trees.append(ctx)
    comp = compilation(trees)
    root = comp.getRoot()
    diags = comp.getAllDiagnostics()
    syntax_errors = sum(1 for d in tree.diagnostics if d.isError())
    errors = syntax_errors + sum(1 for d in diags if d.isError() and (ctx_buf is None or
                                                                      d.location.buffer != ctx_buf))
    an = Analysis(text, tree, comp, root, errors=errors, syntax_errors=syntax_errors)
    if not text.isascii():
        b2c: list[int] = []
        for i, ch in enumerate(text):
            b2c.extend([i] * len(ch.encode("utf-8")))
        b2c.append(len(text))
        an._b2c = b2c
    conflicts: set[tuple[int, int]] = set()
    # the file's own buffer (that of its end-of-file token): text that comes from a macro expansion or
    # an included file lives in other buffers, whose offsets are not offsets of ``text``
    main_buf = tree.root.getLastToken().location.buffer

    def foreign(syn) -> bool:
        r = syn.sourceRange
        return r.start.buffer != main_buf or r.end.buffer != main_buf

    def visit(node):
        if ctx_buf is not None:
            syn = getattr(node, "syntax", None)
            if syn is not None and syn.sourceRange.start.buffer == ctx_buf:
                return True
        if isinstance(node, ast.Expression):
            if type(node).__name__ == "ConversionExpression" and node.isImplicit:
                return True
            syn = node.syntax
            if syn is None or foreign(syn):
                return True
            s, e = an.span(syn)
            w = node.type.bitWidth
            info = ExprInfo(node, s, e, int(w or 0), bool(node.type.isSigned), text[s:e])
            old = an.by_span.get((s, e))
            if old is None:
                an.by_span[(s, e)] = info
                an.exprs.append(info)
            elif (old.width, old.signed) != (info.width, info.signed) or type(old.node) is not type(node):
                conflicts.add((s, e))
        elif isinstance(node, ast.Statement):
            syn = node.syntax
            if syn is not None and not foreign(syn):
                s, e = an.span(syn)
                an.statements.append((node, s, e))
        elif isinstance(node, ast.Symbol):
            an.symbols.append(node)
        return True

    root.visit(visit)
    if conflicts:  # instantiated with different parameters: widths differ per instance, leave alone
        an.exprs = [x for x in an.exprs if (x.start, x.end) not in conflicts]
        for k in conflicts:
            an.by_span.pop(k, None)
    return an


def parses_cleanly(text: str, baseline_errors: int = 0) -> bool:
    """True if ``text`` parses without syntax errors and elaborates with no more errors than the original.

    (Legacy Verilog that Yosys accepts, e.g. a procedural assignment to a ``wire``, is an
    elaboration error for slang; such files are still optimized, but a rewrite may not add errors.)
    """
    try:
        an = analyze(text)
        return an.syntax_errors == 0 and an.errors <= baseline_errors
    except Exception:  # noqa: BLE001 - any front-end failure means "do not use"
        return False
