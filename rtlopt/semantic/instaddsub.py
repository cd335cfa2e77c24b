"""Exclusive instances of two DIFFERENT modules that compute the same thing up to add/subtract.

``u_a: m_add (.a(a), .b(b), .y(ys)); u_b: m_sub (.a(a), .b(b), .y(yd)); ... q <= c ? yd : ys``: the two
modules are one module body (token for token, local names may differ) except that some binary ``+``
of the first is a ``-`` in the second (a saturating adder and a saturating subtractor, each with its
own clamp). Only one result is ever used, so one copy of the body serves both: a new module
``<m_add>_rtlopt_i<inst>`` (a changed copy of ``m_add`` for the kept instance ``inst``) (the first body, one more input ``rtlopt_sel``) computes each differing
site ``X + Y`` as ``X + (rtlopt_sel ? ~(Y) : (Y)) + rtlopt_cin`` (two's complement, ``~`` and the
ternary arms are context-determined so the identity holds at the site's context width; the carry is a
2-bit signed 0/1 so it extends correctly in signed and unsigned context). The kept instance gets the
new module and ``.rtlopt_sel(c)``; the other one's outputs become copies of the kept one's. The
selection comes from :mod:`rtlopt.semantic.instmux` (dataflow, not names); every candidate is proven.
"""

from __future__ import annotations

import re

from rtlopt.semantic.crossinst import after_last_port

_TOK = re.compile(r"//[^\n]*|/\*.*?\*/|\s+|(?P<t>\d*'[sS]?[bodhBODH][0-9a-fA-F_xXzZ?]+|[A-Za-z_][\w$]*|\$[\w$]+"
                  r"|\d[\d_]*|<<<|>>>|===|!==|[<>=!]=|&&|\|\||<<|>>|\*\*|[+\-*/%<>=!~&|^?:;,.#@()\[\]{}'\"`])",
                  re.S)


def _tokens(text: str) -> list[tuple[str, int]] | None:
    out, pos = [], 0
    while pos < len(text):
        m = _TOK.match(text, pos)
        if m is None:
            return None
        if m.group("t") is not None:
            out.append((m.group("t"), m.start()))
        pos = m.end()
    return out


def _ident(t: str) -> bool:
    return re.fullmatch(r"[A-Za-z_][\w$]*", t) is not None


def addsub_sites(text_a: str, text_b: str, name_a: str, name_b: str, ports: list[str]) -> list[int] | None:
    """Offsets (in ``text_a``) of the ``+`` tokens that are ``-`` in ``text_b`` when the two module
    texts are the same token for token up to a consistent renaming of local names (the module names
    aside; port names must match) and those operators; None otherwise (or no such site, or a ``-`` of
    ``a`` that is a ``+`` of ``b``)."""
    ta, tb = _tokens(text_a), _tokens(text_b)
    if ta is None or tb is None or len(ta) != len(tb):
        return None
    fwd: dict[str, str] = {name_a: name_b}
    bwd: dict[str, str] = {name_b: name_a}
    sites = []
    for (x, off), (y, _o) in zip(ta, tb, strict=True):
        if x == y and not _ident(x):
            continue
        if _ident(x) and _ident(y):
            if fwd.setdefault(x, y) != y or bwd.setdefault(y, x) != x:
                return None
            continue
        if x == "+" and y == "-":
            sites.append(off)
            continue
        return None
    if any(fwd.get(p, p) != p for p in ports) or not sites:
        return None
    return sites


def merged_module(text_a: str, name_a: str, new_name: str, sites: list[int]) -> str | None:
    """``text_a`` (one module declaration, ANSI ports) renamed ``new_name`` with an input ``rtlopt_sel``
    and every binary ``+`` at ``sites`` computing ``-`` when ``rtlopt_sel`` is 1."""
    from pyslang import syntax

    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.instmux import _kind, _span, _walk

    tr = syntax.SyntaxTree.fromText(text_a, "twin.v")
    if any(d.isError() for d in tr.diagnostics):
        return None
    root = tr.root  # a text of one module parses to that module itself
    mods = [root] if _kind(root) == "ModuleDeclarationSyntax" else \
        [m for m in getattr(root, "members", ()) if _kind(m) == "ModuleDeclarationSyntax"]
    if len(mods) != 1 or mods[0].header.name.valueText != name_a:
        return None
    mod = mods[0]
    if mod.header.ports is None or _kind(mod.header.ports) != "AnsiPortListSyntax":
        return None
    want = set(sites)
    edits = []

    def visit(n):
        if _kind(n) == "BinaryExpressionSyntax" and hasattr(n, "operatorToken") \
                and n.operatorToken.location.offset in want:
            want.discard(n.operatorToken.location.offset)
            a, b = _span(text_a, n.left)
            c, d = _span(text_a, n.right)
            s, e = _span(text_a, n)
            edits.append(Edit(s, e, f"({text_a[a:b]} + (rtlopt_sel ? ~({text_a[c:d]}) : ({text_a[c:d]}))"
                                    f" + rtlopt_cin)"))

    _walk(mod, visit)
    if want or not edits:
        return None
    nm = mod.header.name
    s = nm.location.offset
    edits.append(Edit(s, s + len(name_a), new_name))
    pl = mod.header.ports
    close = pl.closeParen.location.offset
    last = after_last_port(text_a, close)  # before a trailing comment of the last port
    edits.append(Edit(last, last, ",\n    input rtlopt_sel"))
    # the carry wire right after the header's ';'
    semi = mod.header.semi.location.offset
    m = re.search(r"\n([ \t]*)\S", text_a[semi + 1:])
    ind = m.group(1) if m else "    "
    edits.append(Edit(semi + 1, semi + 1, f"\n{ind}wire signed [1:0] rtlopt_cin = {{1'b0, rtlopt_sel}};"))
    # nested edits (a site inside another site's operand) are not supported
    spans = sorted((e.start, e.end) for e in edits)
    if any(spans[i][1] > spans[i + 1][0] for i in range(len(spans) - 1)):
        return None
    k = mod.header.moduleKeyword.location.offset  # leading comments stay with the original module
    try:
        return apply_edits(text_a, edits)[k:]
    except ValueError:
        return None


def module_texts(trees) -> dict[str, str]:
    """{module name: its declaration's text} over every file (the first declaration of a name)."""
    from rtlopt.semantic.instmux import _kind

    out: dict[str, str] = {}
    for _p, tr in trees:
        for m in tr.root.members:
            if _kind(m) == "ModuleDeclarationSyntax":
                out.setdefault(m.header.name.valueText, str(m).strip("\n"))
    return out
