"""An element read at a register index that is constant whenever the index names it.

A read ``A[S]`` -- ``A`` an unpacked array of registers or a packed register vector, ``S`` a register
-- where in every reachable state with ``S == k`` the element ``A[k]`` holds the same value ``c``
(a two-entry skid buffer's valid bit that is always set while the read pointer names it, say) is
``(S == k) ? c : A[S]``: synthesis drops that leg of the read multiplexer and, when nothing else reads
``A[k]``, its flip-flops. This is a sequential don't-care Yosys/ABC do not see (the element is not
constant, it only is whenever it is observed through this read).

Finding (semantics, never names): the gate model of :mod:`rtlopt.semantic.seqsim` (shared with
:mod:`rtlopt.semantic.regfunc`) is simulated from reset on random lanes; for every source read
``NAME[IDX]`` of the top module whose ``NAME`` is a register array/vector and ``IDX`` a register of
at most 6 bits, each index value ``k`` seen often enough is tested: is ``A[k]`` the same on every
sample with ``S == k`` while not constant overall? Emitting rewrites each such read in place (byte-span
edits); the search loop proves the candidate equivalent from reset (the invariant is only a
simulation fact here) and measures it.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np

from rtlopt.hdl.edit import Edit, apply_edits

RULE = "indexed_read_constant"
#: samples with the index at k needed before an element counts as constant there
MIN_HITS = 4
#: index registers at most this wide
MAX_INDEX_BITS = 6
MAX_CANDIDATES = 4

_READ = re.compile(r"(?<![\w$.'])([A-Za-z_][\w$]*)\s*\[\s*([A-Za-z_][\w$]*)\s*\]")


def _mask(text: str) -> str:
    """Comments and strings blanked (same offsets)."""
    return re.sub(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\])*\"",
                  lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)


def _module_span(masked: str, top: str) -> tuple[int, int] | None:
    m = re.search(rf"(?<![\w$])module\s+{re.escape(top)}(?![\w$])", masked)
    if m is None:
        return None
    e = re.compile(r"(?<![\w$])endmodule\b").search(masked, m.end())
    return (m.start(), e.start()) if e else None


def _is_read(masked: str, end: int) -> bool:
    """Whether the select ending at ``end`` is read (not the target of ``=`` / ``<=``, nor followed
    by a further select or a part select)."""
    rest = masked[end:end + 3].lstrip()
    if rest.startswith(("==", "<=", "=", "[")):
        # '<=' after a select is a nonblocking write or a comparison: left alone either way
        return rest.startswith("==")
    return True


def _elements(name: str, regs: dict[str, list[int]], zero_based: set[str]) -> dict[int, list[int]] | None:
    """Element index -> flop indices: ``name[k]`` array elements, else the bits of a packed vector
    declared ``[hi:0]`` (``zero_based``: its bit k is the k-th flop, LSB first)."""
    arr = {}
    for n, js in regs.items():
        m = re.fullmatch(rf"{re.escape(name)}\[(\d+)\]", n)
        if m:
            arr[int(m.group(1))] = js
    if arr:
        return arr
    if name in regs and len(regs[name]) >= 2 and name in zero_based:
        return {i: [j] for i, j in enumerate(regs[name])}
    return None


def _zero_based(masked: str, names) -> set[str]:
    """Those of ``names`` whose declaration (their first occurrence in ``masked``, a module body)
    carries a packed range ``[... : 0]``."""
    out: set[str] = set()
    for n in set(names):
        m = re.search(rf"(?<![\w$.]){re.escape(n)}(?![\w$])", masked)
        if m is None:
            continue
        ls = max(masked.rfind(c, 0, m.start()) for c in ";(\n") + 1
        seg = masked[ls:m.start()]
        seg = re.split(r"(?<![\w$])(?:input|output|inout)(?![\w$])", seg)[-1]
        if not re.search(r"(?<![\w$])(?:reg|logic|bit)(?![\w$])", seg):
            continue
        rng = re.findall(r"\[([^\[\]]*)\]", seg)
        if rng and re.fullmatch(r"[^:]+:\s*0\s*", rng[-1]):
            out.add(n)
    return out


def _find(net, regs: dict[str, list[int]], reads: list[tuple[str, str]], deadline: float,
          zero_based: set[str] = frozenset()) -> list[tuple]:
    from rtlopt.semantic import regfunc, seqsim

    todo = []
    for a, s in dict.fromkeys(reads):
        if s not in regs or len(regs[s]) > MAX_INDEX_BITS:
            continue
        el = _elements(a, regs, zero_based)
        if el and not set(regs[s]) & {j for js in el.values() for j in js}:
            todo.append((a, s, el))
    if not todo:
        return []
    bm = regfunc._bit_matrix(seqsim.simulate(net, cycles=256, words=2))

    def word(js):
        v = np.zeros(bm.shape[1], dtype=np.int64)
        for i, j in enumerate(js):
            v |= bm[j].astype(np.int64) << i
        return v

    out = []
    for a, s, el in todo:
        sv = word(regs[s])
        consts = []
        for k, js in sorted(el.items()):
            if len(js) > 62:
                continue
            hit = sv == k
            if hit.sum() < MIN_HITS:
                continue
            ev = word(js)
            c = ev[hit]
            if (c == c[0]).all() and not (ev == c[0]).all():
                consts.append((k, int(c[0]), len(js)))
        if consts:
            out.append((a, s, len(regs[s]), consts))
        if time.monotonic() > deadline:
            break
    return out


def emit(text: str, top: str, a: str, s: str, sbits: int, consts: list[tuple[int, int, int]]) -> str | None:
    masked = _mask(text)
    span = _module_span(masked, top)
    if span is None:
        return None
    sel = f"({s})"
    eds = []
    for m in _READ.finditer(masked, span[0], span[1]):
        if m.group(1) != a or m.group(2) != s or not _is_read(masked, m.end()):
            continue
        expr = text[m.start():m.end()]
        for k, c, w in reversed(consts):
            expr = f"({sel} == {sbits}'d{k} ? {w}'d{c} : {expr})"
        eds.append(Edit(m.start(), m.end(), expr))
    if not eds:
        return None
    try:
        return apply_edits(text, eds)
    except ValueError:
        return None


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict, str]]:
    from rtlopt.semantic import regfunc

    t0 = time.monotonic()
    found_in = []
    for p, t in texts.items():
        masked = _mask(t)
        span = _module_span(masked, top)
        if span is None:
            continue
        reads = [(m.group(1), m.group(2)) for m in _READ.finditer(masked, span[0], span[1])
                 if _is_read(masked, m.end())]
        if reads:
            found_in.append((p, reads, _zero_based(masked[span[0]:span[1]], [r[0] for r in reads])))
    if len(found_in) != 1:
        return []
    p, reads, zb = found_in[0]
    an = regfunc.analysis_for(texts, top, timeout_s)
    if an.net is None or an.regs is None:
        return []
    hits = _find(an.net, an.regs, reads, max(t0 + timeout_s, time.monotonic() + 5.0), zb)
    out = []
    for a, s, sbits, consts in hits[:MAX_CANDIDATES]:
        new = emit(texts[p], top, a, s, sbits, consts)
        if new is not None and new != texts[p]:
            ks = ", ".join(f"{a}[{k}] == {c}" for k, c, _w in consts)
            out.append(({**texts, p: new}, f"'{a}[{s}]' reads a constant at those indices: {ks} whenever {s} "
                                           "names it"))
    return out


def idxconst_candidates(state) -> list:
    """Search-loop generator: indexed reads whose element is constant whenever the index names it."""
    from rtlopt.engine.candidate import Candidate

    if not any(re.search(r"\b(posedge|negedge)\b", t) for t in state.texts.values()):
        return []
    try:
        left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
        got = candidates_for(dict(state.texts), state.design.top, timeout_s=max(2.0, min(20.0, left)))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        got = []
    out = []
    for new, desc in got:
        changed = [p for p in new if new[p] != state.texts[p]]
        if len(changed) != 1:
            continue
        p = changed[0]
        out.append(Candidate(new[p], "template", (RULE,), f"sequential don't care: {desc}",
                             {"file": str(p), "idxconst": desc}))
    return out
