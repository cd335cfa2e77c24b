"""See through Verilog functions: each function body, viewed as a module, for the semantic matchers.

A matcher that reads procedural code (``T = B;`` then updates, a count accumulated in a loop) and
proves its guess by simulating named words finds nothing in ``function [W-1:0] f; ... endfunction``:
a function's variables are no nets of the elaborated module, and its body is no ``always`` block.
:func:`function_view` turns every function of a file into a small module of its own -- the
function's arguments become input ports, its result an output variable, its declarations and body
are copied byte for byte into one ``always @*`` (with the enclosing module's parameters, typedefs and
other functions, so that it elaborates alike). A matcher runs on that view unchanged; its rewrite of
the view is mapped back (:meth:`View.back`) to the same edit of the function in the user's file, or
dropped when any part of it touches generated text. The result is a candidate like any other: the
search loop proves it against the original design (every call site at once).

:func:`through_functions` and :func:`through_functions_per_file` wrap the two kinds of rewrite
functions of the semantic generators (``rewrites(texts, budget_s=...)`` and ``rewrites(text, path)``).
"""

from __future__ import annotations

import difflib
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits

PREFIX = "rtlopt_fnview_"
MAX_FUNCTIONS = 16
_DECLS = {"PortDeclaration", "DataDeclaration", "NetDeclaration", "ParameterDeclarationStatement",
          "TypedefDeclaration", "LocalVariableDeclaration", "EmptyMember"}
_CONTEXT = {"ParameterDeclarationStatement", "TypedefDeclaration", "FunctionDeclaration",
            "PackageImportDeclaration"}


@dataclass
class View:
    """``text``: the functions of ``orig`` as modules; ``segs``: ``(view start, view end, orig start)``
    of every run copied byte for byte."""

    orig: str
    text: str
    segs: list[tuple[int, int, int]] = field(default_factory=list)
    functions: list[str] = field(default_factory=list)

    def _map(self, a: int, b: int) -> tuple[int, int] | None:
        for vs, ve, os_ in self.segs:
            if vs <= a and b <= ve:
                return os_ + a - vs, os_ + b - vs
        return None

    def back(self, new: str) -> str | None:
        """``orig`` with the edit that turned :attr:`text` into ``new``, or None when the edit touches
        text that is not a copy of the user's (a port list, the generated ``always``)."""
        old = self.text
        if new == old:
            return None
        ol, nl = old.splitlines(keepends=True), new.splitlines(keepends=True)
        offs = [0]
        for line in ol:
            offs.append(offs[-1] + len(line))
        edits = []
        sm = difflib.SequenceMatcher(None, ol, nl, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                continue
            a, b = offs[i1], offs[i2]
            rep = "".join(nl[j1:j2])
            # the smallest change: common leading and trailing characters stay
            k = 0
            while a + k < b and k < len(rep) and old[a + k] == rep[k]:
                k += 1
            a, rep = a + k, rep[k:]
            k = 0
            while b - k > a and k < len(rep) and old[b - 1 - k] == rep[len(rep) - 1 - k]:
                k += 1
            b, rep = b - k, rep[:len(rep) - k]
            span = self._map(a, b)
            if span is None:
                return None
            edits.append(Edit(span[0], span[1], rep))
        try:
            return apply_edits(self.orig, edits)
        except ValueError:
            return None


def _items(lst) -> list:
    from rtlopt.templates._expr import kind_name
    return [x for x in lst if kind_name(x) != "Comma"] if lst is not None else []


def _ret_decl(rt: str, name: str) -> str | None:
    rt = rt.strip()
    if rt == "void":
        return None
    if not rt or rt.startswith("[") or re.match(r"(signed|unsigned)\b", rt):
        rt = ("reg " + rt).strip()
    return f"output {rt} {name}"


def function_view(text: str, path: str = "design.v", an=None) -> View | None:
    """Every function of ``text`` as a module (see the module docstring), or None when there is none."""
    if "function" not in text:
        return None
    from rtlopt.semantic.emit import _walk
    from rtlopt.templates._expr import kind_name
    from rtlopt.templates._sem import analyze
    an = an or analyze(text, path)
    if an.syntax_errors:
        return None
    mods = [n for n in _walk(an.tree.root) if kind_name(n) == "ModuleDeclaration"]
    if not mods:
        return None
    pre = text[:an.span(mods[0])[0]]
    parts: list[str] = [pre]
    pos = len(pre)
    segs: list[tuple[int, int, int]] = []
    names: list[str] = []

    def gen(s: str) -> None:
        nonlocal pos
        parts.append(s)
        pos += len(s)

    def copy(a: int, b: int) -> None:
        nonlocal pos
        segs.append((pos, pos + (b - a), a))
        parts.append(text[a:b])
        pos += b - a

    from rtlopt.semantic.emit import _names, module_source, port_directions
    dirs = port_directions(an)
    for mod in mods:
        mname = mod.header.name.valueText
        ms = module_source(an, mname, dirs)
        signals = ms.declared if ms is not None else set()
        members = list(getattr(mod, "members", None) or ())
        context = [m for m in members if kind_name(m) in _CONTEXT]
        hparams = getattr(mod.header, "parameters", None)
        for fn in members:
            if kind_name(fn) != "FunctionDeclaration" or len(names) >= MAX_FUNCTIONS:
                continue
            p = fn.prototype
            fname = str(p.name).strip()
            if not re.fullmatch(r"[A-Za-z_]\w*", fname):
                continue
            items = list(fn.items or ())
            k0 = next((k for k, it in enumerate(items) if kind_name(it) not in _DECLS), None)
            if k0 is None or any(kind_name(it) in _DECLS for it in items[k0:]):
                continue
            body = text[an.span(items[k0])[0]:an.span(items[-1])[1]]
            if re.search(r"\breturn\b", body) or re.search(rf"\b{re.escape(fname)}\s*\(", body):
                continue  # a return statement, a recursive call: no always block
            local = set(_names(text[an.span(fn)[0]:an.span(items[k0])[0]]))
            if (set(_names(body)) - local) & signals:
                continue  # reads a signal of the module, not an argument: no module of its own
            ret = _ret_decl(str(p.returnType), fname)
            if ret is None:
                continue
            vname = f"{PREFIX}{mname}_{fname}"
            hp = str(hparams).strip() if hparams is not None else ""
            if p.portList is not None:
                pl = str(p.portList).strip()
                inner = pl[1:-1].strip() if pl.startswith("(") and pl.endswith(")") else None
                if inner is None:
                    continue
                if inner and not re.match(r"(input|output|inout|ref|const)\b", inner):
                    inner = "input " + inner
                gen(f"\nmodule {vname} {hp}({inner + ', ' if inner else ''}{ret});\n")
            else:
                ports = []
                for it in items[:k0]:
                    if kind_name(it) == "PortDeclaration":
                        ports += [d.name.valueText for d in _items(getattr(it, "declarators", None))
                                  if hasattr(d, "name")]
                gen(f"\nmodule {vname} {hp}({', '.join(ports + [fname])});\n  {ret};\n")
            for c in context:
                if c is not fn:
                    gen("  " + str(c).strip() + "\n")
            a = an.off(fn.semi.range.end.offset)
            b = an.span(items[k0])[0]
            copy(a, b)
            ls = text.rfind("\n", 0, b) + 1
            ind = text[ls:b] if not text[ls:b].strip() else "  "
            many = len(items) - k0 > 1
            gen("always @*" + (" begin" if many else "") + "\n" + ind)
            copy(b, an.span(items[-1])[1])
            gen("\n" + (ind + "end\n" if many else "") + "endmodule\n")
            names.append(vname)
    if not names:
        return None
    return View(text, "".join(parts), segs, names)


def through_functions(texts: dict, run, budget_s: float) -> list[tuple[Path, str, str]]:
    """``run(view texts, budget_s)`` (a whole-design rewrite: ``[(path, new text, description)]``) on
    the function views of ``texts``, mapped back to the files: ``[(path, new text, description)]``."""
    deadline = time.monotonic() + budget_s
    views = {}
    for p, t in texts.items():
        try:
            v = function_view(t, str(p))
        except Exception:  # noqa: BLE001 - a file the view cannot take is left out
            v = None
        if v is not None:
            views[p] = v
    if not views or time.monotonic() > deadline:
        return []
    out = []
    for p, new, desc in run({p: v.text for p, v in views.items()}, max(1.0, deadline - time.monotonic())):
        v = views.get(p)
        back = v.back(new) if v is not None else None
        if back is not None and back != texts[p]:
            out.append((p, back, desc + " [in a function]"))
    return out


def through_functions_per_file(text: str, path: str, run) -> list[tuple[str, str]]:
    """``run(view text, path)`` (a per-file rewrite: ``[(new text, description)]``) on the function
    view of ``text``, mapped back: ``[(new text, description)]``."""
    v = function_view(text, path)
    if v is None:
        return []
    out = []
    for new, desc in run(v.text, path):
        back = v.back(new)
        if back is not None and back != text:
            out.append((back, desc + " [in a function]"))
    return out


__all__ = ["PREFIX", "View", "function_view", "through_functions", "through_functions_per_file"]
