"""An element read at a register index (or a select arm) that is constant whenever it is read.

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

Select arms: ``C ? A : B`` with ``C`` a 1-bit register (or ``!C``) and an arm a register that is the
same on every sample where ``C`` picks it (a buffered copy of an input tied to a constant in this
configuration, reset to another value; a code register of which one value is ever latched) reads
that constant there; registers some of whose bits synthesis already made constant count, and names
of a generate scope are rewritten only inside that labelled block.
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


#: ``C ? A : B`` with ``C`` a name (``!C`` too) and an arm a plain name
_TERN = re.compile(r"(?<![\w$.'\]])(!\s*)?([A-Za-z_][\w$]*)\s*\?\s*([A-Za-z_][\w$]*)(?![\w$\[(])\s*:\s*"
                   r"([A-Za-z_][\w$]*)(?![\w$\[(])")


def _ternaries(masked: str, span: tuple[int, int]) -> list[tuple[int, int, int, str, str, int]]:
    """(arm start, arm end, select polarity that picks the arm, select name, arm name, ternary start)."""
    out = []
    for m in _TERN.finditer(masked, span[0], span[1]):
        # the whole condition is C: what comes before opens an expression ('x == C ? ...' and
        # 'a && C ? ...' have a larger condition)
        before = masked[span[0]:m.start()].rstrip()
        if (not before or before[-1] not in "(=,?:;{" or before[-2:] in ("==", "!=", ">=")) \
                and not re.search(r"(?<![\w$])(?:begin|return)$", before):
            continue
        pol_a = 0 if m.group(1) else 1  # '!C ? A : B' picks A when C == 0
        out.append((m.start(3), m.end(3), pol_a, m.group(2), m.group(3), m.start()))
        after = masked[m.end(4):m.end(4) + 2].lstrip()[:1]
        if after and after in ";),}":  # 'C ? A : B + 1' has the arm 'B + 1'
            out.append((m.start(4), m.end(4), 1 - pol_a, m.group(2), m.group(4), m.start()))
    return out


def _scoped(regs: dict[str, list], names: set[str]) -> tuple[dict[str, list], dict[str, str]]:
    """``regs`` plus each of ``names`` that is not a register of the top scope but of exactly one
    generate scope (``outer.blk.name``) under that plain name; and name -> ``blk`` for those."""
    out, scope = dict(regs), {}
    for n in names:
        if n in regs:
            continue
        hits = [k for k in regs if k.endswith("." + n)]
        if len(hits) == 1:
            out[n] = regs[hits[0]]
            scope[n] = hits[0].rsplit(".", 1)[0].split(".")[-1]  # the innermost label
    return out, scope


def _block_spans(masked: str, span: tuple[int, int]) -> dict[str, list[tuple[int, int]]]:
    """Label -> (start, end) of each ``begin : label ... end`` in the module (begin/end counted)."""
    out: dict[str, list[tuple[int, int]]] = {}
    tok = re.compile(r"(?<![\w$])(begin|end|fork|join\w*)(?![\w$])")
    for m in re.finditer(r"(?<![\w$])begin\s*:\s*([A-Za-z_][\w$]*)", masked[span[0]:span[1]]):
        a = span[0] + m.start()
        depth, e = 0, None
        for x in tok.finditer(masked, a, span[1]):
            if x.group(1) in ("begin", "fork"):
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    e = x.end()
                    break
        if e is not None:
            out.setdefault(m.group(1), []).append((a, e))
    return out


def _find_arms(net, regs: dict[str, list[int]], arms, deadline: float, spans=None) -> list[tuple]:
    """The arms whose register is the same on every sample where the select picks it (and not
    constant overall): (arm start, arm end, value, width, select, arm name)."""
    from rtlopt.semantic import regfunc, seqsim

    spans = spans or {}
    # registers some of whose bits synthesis already found constant count too (bit -> flop or 0/1)
    qi = net.q_index
    bits: dict[str, list] = {n: [("q", j) for j in js] for n, js in regs.items()}
    for n, sig in net.name_bits.items():
        if n not in bits and sig and all(s in qi or s in (0, 1) for s in sig) and any(s in qi for s in sig):
            bits[n] = [("q", qi[s]) if s in qi else ("c", s) for s in sig]
    regs, scope = _scoped(bits, {n for a in arms for n in (a[3], a[4])})
    arms = [a for a in arms if a[3] in regs and len(regs[a[3]]) == 1 and regs[a[3]][0][0] == "q"
            and a[4] in regs and a[4] != a[3] and len(regs[a[4]]) <= 62]
    # a name found in a generate scope: only its occurrences inside that labelled block
    keep = []
    for a in arms:
        blks = {scope[n] for n in (a[3], a[4]) if n in scope}
        if len(blks) > 1 or (blks and not any(s0 <= a[0] < s1 for s0, s1 in spans.get(next(iter(blks)), []))):
            continue
        keep.append(a)
    arms = keep
    if not arms:
        return []
    bm = regfunc._bit_matrix(seqsim.simulate(net, cycles=256, words=2))

    def word(bs):
        v = np.zeros(bm.shape[1], dtype=np.int64)
        for i, (kind, j) in enumerate(bs):
            if kind == "q":
                v |= bm[j].astype(np.int64) << i
            elif j:
                v |= np.int64(1) << i
        return v

    out = []
    for s0, e0, pol, c, a, _ts in arms:
        hit = bm[regs[c][0][1]] == pol
        if hit.sum() < MIN_HITS:
            continue
        ev = word(regs[a])
        v = ev[hit]
        if (v == v[0]).all() and not (ev == v[0]).all():
            out.append((s0, e0, int(v[0]), len(regs[a]), c, a))
        if time.monotonic() > deadline:
            break
    return out


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
        arms = _ternaries(masked, span)
        if reads or arms:
            found_in.append((p, reads, _zero_based(masked[span[0]:span[1]], [r[0] for r in reads]), arms,
                             _block_spans(masked, span) if arms else {}))
    if len(found_in) != 1:
        return []
    p, reads, zb, arms, spans = found_in[0]
    an = regfunc.analysis_for(texts, top, timeout_s)
    if an.net is None or an.regs is None:
        return []
    deadline = max(t0 + timeout_s, time.monotonic() + 5.0)
    hits = _find(an.net, an.regs, reads, deadline, zb) if reads else []
    out = []
    for a, s, sbits, consts in hits[:MAX_CANDIDATES]:
        new = emit(texts[p], top, a, s, sbits, consts)
        if new is not None and new != texts[p]:
            ks = ", ".join(f"{a}[{k}] == {c}" for k, c, _w in consts)
            out.append(({**texts, p: new}, f"'{a}[{s}]' reads a constant at those indices: {ks} whenever {s} "
                                           "names it"))
    # a select arm that is a register constant whenever the select picks it: all such arms in one
    # candidate, and each (select, arm) pair on its own
    got = _find_arms(an.net, an.regs, arms, deadline, spans) if arms else []
    if got:
        groups = {}
        for g in got:
            groups.setdefault((g[4], g[5]), []).append(g)
        sets = ([got] if len(groups) > 1 else []) + list(groups.values())
        for gs in sets[:MAX_CANDIDATES]:
            eds = [Edit(s0, e0, f"{w}'d{v}") for s0, e0, v, w, _c, _a in gs]
            try:
                new = apply_edits(texts[p], eds)
            except ValueError:
                continue
            desc = "; ".join(sorted({f"{a} == {v} whenever {c} selects it" for _s, _e, v, _w, c, a in gs}))
            out.append(({**texts, p: new}, f"select arm read as a constant: {desc}"))
    return out


def idxconst_candidates(state) -> list:
    """Search-loop generator: indexed reads whose element is constant whenever the index names it."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, "sequential don't care", "idxconst")
