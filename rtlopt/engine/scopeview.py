"""The text a module-scoped search analyses: the other modules of the file blanked out.

``rtlopt optimize picorv32.v --top picorv32_pcpi_mul`` edits only the multiplier's span, but the
template matchers analysed (and elaborated) the whole 3000-line file, the CPU core included: the
templates generator used all 70 s of its window and found nothing, and no other generator ran. The
view keeps every character's offset and line (edits found in it apply to the real text unchanged) and
blanks the span of each module the scope module does not reach, keeping preprocessor directive lines
(``define``/``ifdef`` and their continuations), so macros and conditional compilation stay as they were.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rtlopt.engine.hierarchy import _mask, _module_spans

_WORD = re.compile(r"[A-Za-z_][\w$]*")
#: compiler directives (kept in blanked spans); a line starting with another macro name is a macro use
_DIRECTIVE = re.compile(r"\s*`(define|undef|undefineall|ifdef|ifndef|elsif|else|endif|include|timescale|"
                        r"default_nettype|resetall|celldefine|endcelldefine|line|pragma|begin_keywords|"
                        r"end_keywords|unconnected_drive|nounconnected_drive)\b")


def _reached(text: str, spans: dict[str, tuple[int, int] | None], scope: str) -> set[str]:
    """``scope`` and every module of ``text`` whose name occurs as a word in a reached module's body
    (an over-approximation of its instances: a kept module is only analysed, never edited)."""
    masked = _mask(text)
    seen, todo = {scope}, [scope]
    while todo:
        sp = spans.get(todo.pop())
        if sp is None:
            continue
        for w in set(_WORD.findall(masked, sp[0], sp[1])):
            if w in spans and w not in seen:
                seen.add(w)
                todo.append(w)
    return seen


def _blank(text: str, a: int, b: int) -> str:
    """``text[a:b]`` with every line blanked except preprocessor directive lines (and the lines a
    directive continues onto with a trailing backslash); newlines kept."""
    out, cont = [], False
    for line in text[a:b].splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if cont or _DIRECTIVE.match(body):
            out.append(line)
            cont = body.endswith("\\")
        else:
            out.append(re.sub(r"[^\r\n]", " ", line))
            cont = False
    return "".join(out)


@lru_cache(maxsize=16)
def scope_view(text: str, scope: str | None) -> str:
    """``text`` as the matchers of a search scoped to module ``scope`` see it (``text`` itself when
    there is no scope, the scope module is not in it, or no other module can be blanked)."""
    if scope is None:
        return text
    spans = _module_spans(text)
    if spans.get(scope) is None:
        return text
    keep = _reached(text, spans, scope)
    cut = sorted(sp for m, sp in spans.items() if m not in keep and sp is not None)
    if not cut:
        return text
    parts, pos = [], 0
    for a, b in cut:
        if a < pos:  # (overlapping spans cannot happen for well-formed files; be safe)
            continue
        parts += [text[pos:a], _blank(text, a, b)]
        pos = b
    parts.append(text[pos:])
    view = "".join(parts)
    return view if len(view) == len(text) else text
