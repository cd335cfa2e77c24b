"""Writes at a variable index into a small register array, unrolled into one write per element with
the index known in each (a register file whose write data depends on the write address).

``regs[waddr] <= (waddr == 0) ? 0 : wdata;`` makes synthesis build a memory write port: one data
path shared by every element and an address decoder for the enables; the data's dependence on the
address stays in the data path of every element. Unrolled, ``if (waddr == K) regs[K] <= E[waddr :=
K];`` per element, each element's data is the expression partially evaluated at its own index
(element 0 above loads the constant 0, so its flip-flops go; the others load ``wdata`` directly).
The index must be a plain identifier of known width (it is substituted by a literal of that width);
arrays of at most :data:`MAX_ELEMS` elements. Every candidate is proven and measured by the search.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits

RULE = "memory_write_unrolling"
MAX_ELEMS = 32
_ID = r"[A-Za-z_][\w$]*"


def _strip(text: str) -> str:
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\])*\"", blank, text, flags=re.S)


def _width(clean: str, s: int, e: int, name: str) -> int | None:
    """Declared width of ``name`` in the module body/header (1 when declared without a range)."""
    m = re.search(rf"\b(?:input|output|inout|reg|wire|logic)\b(?:\s+(?:wire|reg|logic|signed))*\s*"
                  rf"(\[\s*(\d+)\s*:\s*(\d+)\s*\])?\s*(?:{_ID}\s*,\s*)*{re.escape(name)}\b(?!\s*\[)", clean[s:e])
    if m is None:
        return None
    if m.group(1) is None:
        return 1
    return abs(int(m.group(2)) - int(m.group(3))) + 1


def find_edits(text: str) -> list[tuple[str, list[Edit]]]:
    """[(description, edits)] per array written at a variable index, over every module of ``text``."""
    clean = _strip(text)
    out = []
    for mm in re.finditer(rf"(?<![\w$])module\s+({_ID})", clean):
        em = re.compile(r"(?<![\w$])endmodule\b").search(clean, mm.end())
        if em is None:
            continue
        s, e = mm.start(), em.start()
        for dm in re.finditer(rf"\b(?:reg|logic)\b(?:\s+signed)?\s*(?:\[\s*\d+\s*:\s*\d+\s*\]\s*)?({_ID})\s*"
                              rf"\[\s*(\d+)\s*:\s*(\d+)\s*\]\s*;", clean[s:e]):
            arr, a0, a1 = dm.group(1), int(dm.group(2)), int(dm.group(3))
            lo, hi = min(a0, a1), max(a0, a1)
            if hi - lo + 1 > MAX_ELEMS:
                continue
            eds, n = [], 0
            for wm in re.finditer(rf"(?<![\w$.]){re.escape(arr)}\s*\[\s*({_ID})\s*\]\s*<=", clean[s:e]):
                ws = s + wm.start()
                before = clean[s:ws].rstrip()
                if not re.search(r"(;|\bbegin|\belse|\)|:|\bend)$", before):
                    continue
                idx = wm.group(1)
                w = _width(clean, mm.start(), e, idx)
                if w is None or w > 16:
                    continue
                semi = clean.find(";", s + wm.end())
                if semi < 0 or semi > e:
                    continue
                rhs = text[s + wm.end():semi].strip()
                if not re.search(rf"(?<![\w$.']){re.escape(idx)}\b", _strip(rhs)):
                    continue  # the data does not depend on the index: nothing to evaluate per element
                arms = []
                for k in range(lo, hi + 1):
                    if k >= (1 << w):
                        break
                    ek = re.sub(rf"(?<![\w$.']){re.escape(idx)}\b(?!\s*\[)", f"{w}'d{k}", rhs)
                    if re.search(rf"(?<![\w$.']){re.escape(idx)}\b", ek):
                        arms = []
                        break  # the index is bit-selected in the data: not substituted
                    arms.append(f"if ({idx} == {w}'d{k}) {arr}[{k}] <= {ek};")
                if not arms:
                    continue
                ls = text.rfind("\n", 0, ws) + 1
                ind = re.match(r"[ \t]*", text[ls:]).group(0)
                eds.append(Edit(ws, semi + 1, "begin\n" + "".join(f"{ind}    {a}\n" for a in arms) + f"{ind}end"))
                n += 1
            if eds:
                out.append((f"'{arr}' written at a variable index: {n} write(s) unrolled per element "
                            f"with the index known", eds))
    return out


_CACHE: dict[str, list] = {}


def candidates_for(texts: dict[Path, str]) -> list[tuple[dict, str]]:
    key = hashlib.sha256(repr(sorted((str(p), t) for p, t in texts.items())).encode()).hexdigest()
    if key in _CACHE:
        return _CACHE[key]
    out = []
    for p, t in texts.items():
        if not t.isascii():
            continue
        for desc, eds in find_edits(t):
            try:
                new = apply_edits(t, eds)
            except ValueError:
                continue
            nt = dict(texts)
            nt[p] = new
            out.append((nt, desc))
    if len(_CACHE) > 32:
        _CACHE.clear()
    _CACHE[key] = out
    return out


def memunroll_candidates(state) -> list:
    """Search-loop generator: variable-index writes of small register arrays unrolled per element."""
    from rtlopt.engine.candidate import one_file_candidates

    texts = dict(state.texts)
    if not any(re.search(r"\b(posedge|negedge)\b", t) for t in texts.values()):
        return []
    try:
        got = candidates_for(texts)
    except Exception:  # noqa: BLE001 - a finder bug must not stop the optimizer
        return []
    return one_file_candidates(texts, got, RULE, "memory write unrolling", "memunroll")
