"""A per-entry column that is always written as a function of the entry's tag, computed from the tag.

A TLB that stores beside each entry's tag a permission bit computed from the tag being written
(``kern[idx] <= vpn_in >= KBASE;`` in the same branch as ``tag[idx] <= vpn_in;``) keeps in every
reachable state ``kern[i] == f(tag[i])``, provided the reset values agree (entries reset to tag 0 and
``f(0)``, or the column is never read unguarded). The column's flip-flops are then redundant: ``kern``
becomes combinational, ``kern[i] = f(tag[i])`` for every entry (synthesis shares ``f`` with nothing
else but drops N flip-flops and their write muxes).

Found by syntax (names never matter): in one module, an array/vector ``C`` whose only non-constant
write is ``C[idx] <= g(X);`` where the same module also writes ``T[idx] <= X;`` with the same index
text and ``X`` a plain identifier; every other write of ``C`` assigns a constant (reset, clear). The
writes of ``C`` are kept but retargeted to an unread copy ``C__w`` (removed by synthesis), and ``C`` is
defined by a loop over its first index range. Nothing is trusted: the verifier proves the rewrite
from reset (a column also written elsewhere is not offered; a reset value that breaks the relation is
refuted).
"""

from __future__ import annotations

import re
from pathlib import Path

RULE = "derived_column"
_ID = r"[A-Za-z_][\w$]*"
_CONST = re.compile(r"^\s*(?:'[01xXzZ]|\d+|\d*'[sS]?[bBhHdDoO][0-9a-fA-F_xXzZ]+|\{[^{}]*\{\s*1'b[01]\s*\}\s*\})\s*$")


def _modules(text: str):
    for m in re.finditer(rf"\bmodule\s+({_ID})", text):
        e = text.find("endmodule", m.end())
        if e > 0:
            yield m.group(1), m.end(), e


def _writes(body: str, name: str):
    """(start, end of the target, index text or None, rhs) of every ``name[...] <= rhs;`` / ``name <= rhs;``."""
    out = []
    for m in re.finditer(rf"(?<![\w$.]){re.escape(name)}\s*(\[[^;=\]]*\])?\s*<=(?!=)([^;]*);", body):
        out.append((m.start(), m.start() + len(name), m.group(1), m.group(2)))
    return out


def _decl(body: str, name: str):
    """(statement span, keyword, packed dims text, unpacked dims text) of ``name``'s reg/logic declaration."""
    for m in re.finditer(r"(?<![\w$.])(reg|logic|bit)\b((?:\s*signed\b)?(?:\s*\[[^\]]*\])*)([^;()]*);", body):
        for part in m.group(3).split(","):
            pm = re.match(rf"\s*({_ID})\s*((?:\[[^\]]*\]\s*)*)(=.*)?$", part)
            if pm and pm.group(1) == name and pm.group(3) is None:
                return (m.start(), m.end()), m.group(1), m.group(2).strip(), pm.group(2).strip()
    return None


def _range(dims: str) -> tuple[str, str] | None:
    m = re.match(r"\[([^\]:]+)(?::([^\]]+))?\]", dims)
    if m is None:
        return None
    if m.group(2) is None:
        return "0", f"({m.group(1).strip()}) - 1"
    a, b = m.group(1).strip(), m.group(2).strip()
    return f"((({a}) < ({b})) ? ({a}) : ({b}))", f"((({a}) < ({b})) ? ({b}) : ({a}))"


def _rewrite(text: str, s: int, e: int, name: str, tag: str, var: str, rhs: str, sv: bool,
             key: str | None = None) -> str | None:
    body = text[s:e]
    d = _decl(body, name)
    if d is None:
        return None
    (ds, de), kw, packed, unpacked = d
    rng = _range(unpacked) if unpacked else _range(packed)
    if rng is None:
        return None
    lo, hi = rng
    w = f"{name}__w"
    if re.search(rf"(?<![\w$.]){re.escape(w)}\b", text):
        return None
    new = body
    for ws, we, _i, _r in sorted(_writes(body, name), reverse=True):
        new = new[:ws] + w + new[we:]
    it = f"{name}__i"
    f_i = re.sub(rf"(?<![\w$.]){re.escape(var)}\b", key or f"{tag}[{it}]", rhs.strip())
    if sv:
        blk = f"  always_comb for (int {it} = {lo}; {it} <= {hi}; {it}++) {name}[{it}] = {f_i};\n"
        add = f"\n  {kw} {packed} {w} {unpacked};"
    else:
        blk = f"  always @* for ({it} = {lo}; {it} <= {hi}; {it} = {it} + 1) {name}[{it}] = {f_i};\n"
        add = f"\n  {kw} {packed} {w} {unpacked};\n  integer {it};"
    # the copy declared right after the column; the loop at the module's end (after every declaration)
    dpos = new.find(body[ds:de])
    if dpos < 0:
        return None
    dend = dpos + (de - ds)
    new = new[:dend] + add + new[dend:] + blk
    return text[:s] + new + text[e:]


def _keys(body: str, tag: str) -> list[str]:
    """Plain identifiers compared for equality with an entry of ``tag`` (``tag[i] == key``)."""
    t = re.escape(tag)
    found = re.findall(rf"(?<![\w$.]){t}\s*\[[^\]]*\]\s*==\s*({_ID})\b(?!\s*[\[(])", body)
    found += re.findall(rf"(?<![\w$.])({_ID})\s*==\s*{t}\s*\[", body)
    return sorted(set(found) - {tag})[:2]


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    out = []
    for p, text in texts.items():
        if "<=" not in text or "[" not in text:
            continue
        sv = p.suffix.lower() in (".sv", ".svh")
        for _mod, s, e in _modules(text):
            body = text[s:e]
            targets = set(re.findall(rf"(?<![\w$.])({_ID})\s*\[[^;=\]]*\]\s*<=(?!=)", body))
            for name in sorted(targets):
                ws = _writes(body, name)
                live = [w for w in ws if not _CONST.match(w[3])]
                if len(live) != 1 or live[0][2] is None or re.search(rf"(?<![\w$.]){re.escape(name)}\s*=(?!=)", body):
                    continue
                idx, rhs = live[0][2], live[0][3]
                if re.search(rf"(?<![\w$.]){re.escape(name)}\b", rhs):
                    continue
                for tag in sorted(targets - {name}):
                    hit = [w for w in _writes(body, tag) if w[2] is not None and w[2].replace(" ", "") == idx.replace(" ", "")
                           and re.fullmatch(rf"\s*{_ID}\s*", w[3])]
                    if not hit:
                        continue
                    var = hit[0][3].strip()
                    if not re.search(rf"(?<![\w$.]){re.escape(var)}\b", rhs):
                        continue
                    t = _rewrite(text, s, e, name, tag, var, rhs, sv)
                    if t is None:
                        continue
                    out.append(({**texts, p: t}, f"'{name}' is always written as a function of the "
                                                  f"'{tag}' entry written beside it: computed from '{tag}'"))
                    # read only where the entry's tag equals a lookup key (a hit): f of the key
                    for key in _keys(body, tag):
                        t2 = _rewrite(text, s, e, name, tag, var, rhs, sv, key)
                        if t2 is not None:
                            out.append(({**texts, p: t2}, f"'{name}' (a function of the '{tag}' entry) read "
                                                           f"where '{tag}' equals '{key}': computed from '{key}'"))
                    break
    return out[:6]


def derivedcol_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, label="derived column", cap_s=4.0)
