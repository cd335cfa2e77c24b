"""Getting Verilog out of a model response, whatever its shape.

Handles fenced blocks (```verilog / ```systemverilog / ```sv / ``` / ~~~), prose around them,
several blocks (a later block defining the same module wins: models often show the original first),
bare code in prose, a whole file or only the module(s) that changed, and a response cut off before
``endmodule``. The modules found are spliced into the ORIGINAL file text in place of the modules of
the same name, so the file's header, comments, ``timescale`` and the untouched modules stay byte for
byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pyslang import syntax

from rtlopt.errors import RtloptError

_FENCE = re.compile(r"(?P<fence>```|~~~)[ \t]*(?P<lang>[\w+\-.]*)[^\n]*\n(?P<body>.*?)(?:\n[ \t]*(?P=fence)|\Z)", re.S)
_MODULE = re.compile(r"(?<![\w$`])(?:module|macromodule)\s+(?P<name>[A-Za-z_][\w$]*)(?P<rest>.*?)"
                     r"(?<![\w$])endmodule\b(?:\s*:\s*[A-Za-z_][\w$]*)?", re.S)
_MODULE_START = re.compile(r"(?<![\w$`])(?:module|macromodule)\s+([A-Za-z_][\w$]*)")
_HDL_LANGS = {"", "verilog", "systemverilog", "sv", "v", "vlog", "hdl", "rtl", "vhdl", "code"}


class ExtractionError(RtloptError):
    """The response holds no usable Verilog (the message is fed back to the model)."""


@dataclass(frozen=True)
class Extracted:
    """The new file text and what was taken from the response.

    Attributes:
        text: the original file with the response's modules spliced in.
        replaced: names of original modules the response replaced.
        added: names of modules the response added.
        how: ``fenced`` or ``bare`` (code found outside fences).
    """

    text: str
    replaced: tuple[str, ...]
    added: tuple[str, ...]
    how: str


def _module_spans(text: str, name: str = "original.v") -> dict[str, tuple[int, int]]:
    """Character spans of the module declarations of a parseable text."""
    tree = syntax.SyntaxTree.fromText(text, name)
    root = tree.root
    decls = [root] if root.kind == syntax.SyntaxKind.ModuleDeclaration else [
        m for m in getattr(root, "members", ()) if m.kind == syntax.SyntaxKind.ModuleDeclaration]
    raw = text.encode("utf-8")
    out = {}
    for d in decls:
        r = d.sourceRange
        s = len(raw[: r.start.offset].decode("utf-8", errors="replace"))
        e = len(raw[: r.end.offset].decode("utf-8", errors="replace"))
        # the range starts at the first token; leading trivia (comments) stays outside
        m = _MODULE_START.search(text, s, e)
        if m and m.start() < e:
            s = min(s, m.start())
        out[d.header.name.valueText] = (s, e)
    return out


def _segments(response: str) -> tuple[list[str], str]:
    blocks = []
    for m in _FENCE.finditer(response):
        lang = m.group("lang").lower()
        if lang in _HDL_LANGS or _MODULE_START.search(m.group("body")):
            blocks.append(m.group("body"))
    with_modules = [b for b in blocks if _MODULE_START.search(b)]
    if with_modules:
        return with_modules, "fenced"
    return [_FENCE.sub(lambda m: m.group("body"), response)], "bare"


def extract_modules(response: str) -> tuple[dict[str, str], str]:
    """Module name -> module text found in ``response`` (last definition wins), and how it was found.

    Raises:
        ExtractionError: no module, or a module without ``endmodule`` (a truncated response).
    """
    segs, how = _segments(response)
    found: dict[str, str] = {}
    for seg in segs:
        ends = 0
        for m in _MODULE.finditer(seg):
            found[m.group("name")] = m.group(0).strip("\n")
            ends = m.end()
        tail = _MODULE_START.search(seg, ends)
        if tail:
            raise ExtractionError(f"module '{tail.group(1)}' in the response has no 'endmodule' "
                                  "(the response looks cut off); send the complete module")
    if not found:
        raise ExtractionError("the response contains no Verilog module (expected the complete rewritten "
                              "module(s) in a ```verilog block)")
    return found, how


def extract_code(response: str, original: str, *, name: str = "design.v") -> Extracted:
    """Splice the modules of ``response`` into ``original`` (see the module docstring).

    Raises:
        ExtractionError: the response has no complete module.
    """
    found, how = extract_modules(response)
    spans = _module_spans(original, name)
    replaced = [n for n in found if n in spans]
    added = [n for n in found if n not in spans]
    text = original
    for n in sorted(replaced, key=lambda n: spans[n][0], reverse=True):
        s, e = spans[n]
        text = text[:s] + found[n] + text[e:]
    if added:
        if not text.endswith("\n"):
            text += "\n"
        text += "\n" + "\n\n".join(found[n] for n in added) + "\n"
    return Extracted(text, tuple(replaced), tuple(added), how)
