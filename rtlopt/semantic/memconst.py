"""Constant elements of register arrays (a register file whose entry 0 is reset to zero and only ever
written with zero, say): every read of the array is given the constant for that index, so the
element's flip-flops have no reader left and synthesis drops them.

Finding is :mod:`rtlopt.semantic.seqred`'s (simulation from reset + z3 induction over the flattened
flip-flops; Yosys names the flip-flops of array element ``i`` as ``name[i]``): an element all of
whose bits are proven constant. Emitting: each read ``name[idx]`` of the array in the module that
declares it becomes ``((idx) == i ? C : name[idx])``; writes stay, so the rest of the file is kept
byte for byte. When the index is a constant (an unrolled loop variable) the read folds to ``C``.
The search loop measures and proves every candidate like any other.
"""

from __future__ import annotations

import re
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits

_ELEM = re.compile(r"^([A-Za-z_][\w$]*)\[(\d+)\]$")


def _strip(text: str) -> str:
    """The text with comments and strings blanked (same length, so offsets stay valid)."""
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\])*\"", blank, text, flags=re.S)


def _close(text: str, i: int) -> int:
    """Index just past the ``]`` matching the ``[`` at ``i`` (-1 when unbalanced)."""
    depth = 0
    for j in range(i, len(text)):
        c = text[j]
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return j + 1
    return -1


_STMT_END = re.compile(r"(;|\bbegin|\belse|\)|:|\bend|\bendcase|\bfork|\bjoin)\s*$")


def constant_elements(facts) -> dict[tuple[str, int], dict[int, int]]:
    """(array, index) -> {bit: value} for top-scope array elements with constant flip-flop bits."""
    out: dict[tuple[str, int], dict[int, int]] = {}
    for f in facts:
        if f.const is None:
            continue
        m = _ELEM.match(f.name)
        if m:
            out.setdefault((m.group(1), int(m.group(2))), {})[f.bit] = int(f.const)
    return out


def emit(text: str, top: str, name: str, index: int, bits: dict[int, int]) -> str | None:
    """The text with every read of ``name[idx]`` in module ``top`` guarded for element ``index``."""
    if not text.isascii():
        return None
    clean = _strip(text)
    mm = re.search(rf"(?<![\w$])module\s+{re.escape(top)}\b", clean)
    if mm is None:
        return None
    em = re.compile(r"(?<![\w$])endmodule\b").search(clean, mm.end())
    if em is None:
        return None
    body_s, body_e = mm.end(), em.start()
    body = clean[body_s:body_e]
    decl = list(re.finditer(rf"\b(?:reg|logic)\b(?:\s+(?:signed|unsigned))?\s*(\[\s*(\d+)\s*:\s*(\d+)\s*\])?"
                            rf"\s*(?:[\w$]+\s*\[[^\]]*\]\s*,\s*)*(?<![\w$]){re.escape(name)}\s*\[", body))
    if len(decl) != 1:
        return None
    d = decl[0]
    width = abs(int(d.group(2)) - int(d.group(3))) + 1 if d.group(1) else 1
    if sorted(bits) != list(range(width)):
        return None  # not every bit of the element is constant
    value = sum(v << b for b, v in bits.items())
    decl_end = body_s + d.end() + body[d.end():].find(";")
    eds: list[Edit] = []
    for m in re.finditer(rf"(?<![\w$.]){re.escape(name)}\s*\[", clean):
        s = m.start()
        if not (body_s <= s < body_e) or s < decl_end:
            continue
        e = _close(clean, m.end() - 1)
        if e < 0:
            return None
        k = e
        while k < len(clean) and clean[k] in " \t\r\n":
            k += 1
        if clean[k:k + 1] == "[":
            return None  # a select of the element: not rewritten
        nxt = clean[k:k + 2]
        before = clean[body_s:s].rstrip()
        lvalue = (nxt.startswith("=") and not nxt.startswith("==")) or (
            nxt == "<=" and (_STMT_END.search(before) is not None or before.endswith("begin")))
        if lvalue:
            continue
        idx = text[m.end():e - 1].strip()
        eds.append(Edit(s, e, f"(({idx}) == {index} ? {width}'d{value} : {text[s:e]})"))
    if not eds:
        return None
    try:
        return apply_edits(text, eds)
    except ValueError:
        return None


#: :func:`emit`'s array declaration for any name (never a keyword: 'reg signed [7:0] y' declares no array)
_ANY_DECL = re.compile(r"\b(?:reg|logic)\b(?:\s+(?:signed|unsigned))?\s*(\[\s*(\d+)\s*:\s*(\d+)\s*\])?"
                       r"\s*(?:[\w$]+\s*\[[^\]]*\]\s*,\s*)*(?<![\w$])(?!(?:signed|unsigned)\b)[\w$]+\s*\[")


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 30.0) -> list[tuple[dict, str]]:
    """[(new texts, description)] for constant array elements found by seqred's analysis."""
    import hashlib

    from rtlopt.semantic import seqred

    # an array declaration the emitter can read (the one of emit(), any name): else no candidate can
    # come, and seqred's simulation is not run here
    if not any(t.isascii() and _ANY_DECL.search(_strip(t)) for t in texts.values()):
        return []
    key = hashlib.sha256(repr((top, sorted((str(p), t) for p, t in texts.items()))).encode()).hexdigest()
    an = seqred._CACHE.get(key)  # the seqredundancy generator's analysis of the same texts
    if an is None:
        an = seqred.analyze_texts(texts, top, timeout_s)
        seqred._CACHE[key] = an  # shared with the seqredundancy generator (same key)
    facts = getattr(an, "facts", None) or []
    out = []
    for (name, index), bits in sorted(constant_elements(facts).items()):
        hits = []
        for p, t in texts.items():
            new = emit(t, top, name, index, bits)
            if new is not None:
                hits.append((p, new))
        if len(hits) != 1:
            continue
        p, new = hits[0]
        nt = dict(texts)
        nt[p] = new
        val = sum(v << b for b, v in bits.items())
        out.append((nt, f"array element '{name}[{index}]' is constant {val}"))
    return out
