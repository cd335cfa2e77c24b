"""Queues whose occupancy stays at most K from reset: their storage indexed modulo K.

A tag FIFO of 4 (16, ...) entries written at one pointer and read at another, in a child module or
inline, whose producer never pushes a second entry before the first is popped (a bus master that waits
for each acknowledge, a request accepted only while no transfer is open): the live entries are never
more than one, so a single word -- indexed by nothing -- holds the queue; the other words, the write
decoder, the read mux (and the pointers, when nothing else reads them) are dead.

Found by what the design does, not by its spelling: every array (an unpacked ``NAME [0:E]`` / ``[E:0]``
memory or a packed ``[D-1:0][W-1:0] NAME`` register file; Verilog or SV; in the top or in a child
module under it) that is written at one variable index and read at another (a ring buffer's two
pointers, a shift FIFO's count and head) is tried with every word index ``E`` written ``0`` (K = 1), then
``(E) % 2`` (K = 2, when the array has more than two words). A K is proposed only when a whole-design
simulation from reset with random stimuli agrees with the original
(:func:`rtlopt.semantic.seqsim.outputs_agree`): a producer that can push twice, a read of the stale word
of an empty queue the outputs see, an occupancy of 2 reached after a long sequence -- all of them
differ there, or are refuted by the proof. Nothing here is trusted: every candidate is proven
sequentially equivalent by the verifier (an UNKNOWN is never accepted).

The edit is the index texts only (the rest byte for byte); the unused words then go in synthesis, and
memdepth shrinks the declaration in a later round (its addresses now stay below K). A child module is
changed for how this design drives it: the proof is for the given top (every instance is simulated).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from rtlopt.semantic.memdepth import _modules, _norm, memories
from rtlopt.semantic.reencode import _strip

RULE = "queue_occupancy"
BUDGET_S = 20.0
#: occupancy bounds tried, smallest first (the first one that agrees is proposed)
KS = (1, 2)

_PACKED = re.compile(r"\b(?:reg|logic|bit)\b\s*(?:signed\s*)?\[[^\[\]]+\]\s*\[[^\[\]]+\]\s*"
                     r"([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*;")
_ID = re.compile(r"[A-Za-z_]\w*")
#: an SV unpacked array declared by its size: ``logic [7:0] ring [N];``
_SIZED = re.compile(r"\b(?:reg|logic|bit)\b\s*(?:signed\s*)?(?:\[[^\[\]]+\]\s*)*([A-Za-z_]\w*)\s*"
                    r"\[\s*[^\[\]:]+?\s*\]\s*;")


def _close_bracket(s: str, i: int) -> int:
    """Index just past the ``]`` matching the ``[`` at ``i`` (-1 when unbalanced)."""
    d = 0
    for j in range(i, len(s)):
        d += (s[j] == "[") - (s[j] == "]")
        if d == 0:
            return j + 1
    return -1


def _top_colon(e: str) -> bool:
    d = 0
    for c in e:
        d += (c in "([{") - (c in ")]}")
        if c == ":" and d == 0:
            return True
    return False


def _arrays(s: str) -> list[tuple[str, int, int, int, int]]:
    """``(array, module start, module end, declaration start, declaration end)`` of every unpacked memory
    and packed two-dimensional register in the comment-stripped text ``s``."""
    out = []
    mods = _modules(s)
    for mod, name, ds, de, _lo, _hi in memories(s):
        a, b = next(((a, b) for m, a, b in mods if m == mod and a <= ds < b), (None, None))
        if a is not None:
            out.append((name, a, b, ds, de))
    for _mod, a, b in mods:
        for d in _PACKED.finditer(s, a, b):
            for n in re.split(r"\s*,\s*", d.group(1).strip()):
                out.append((n, a, b, d.start(), d.end()))
        for d in _SIZED.finditer(s, a, b):
            out.append((d.group(1), a, b, d.start(), d.end()))
    return out


def accesses(s: str, name: str, a: int, b: int, ds: int, de: int) -> list[tuple[int, int, bool]] | None:
    """``(index start, index end, written)`` of every ``name[E]`` in ``s[a:b]`` outside its declaration
    (the first bracket: the word), or None when one is a part select (not a word access)."""
    out = []
    for m in re.finditer(rf"(?<![\w.$]){re.escape(name)}\s*\[", s[:b]):
        if m.start() < a or ds <= m.start() < de:
            continue
        i = m.end() - 1
        j = _close_bracket(s, i)
        if j < 0 or _top_colon(s[i + 1:j - 1]):
            return None
        k = j
        while True:  # further selects of the word: m[i][3:0]
            mm = re.match(r"\s*\[", s[k:])
            if mm is None:
                break
            k2 = _close_bracket(s, k + mm.end() - 1)
            if k2 < 0:
                return None
            k = k2
        written = re.match(r"\s*<?=(?!=)", s[k:]) is not None
        out.append((i + 1, j - 1, written))
    return out


_LOOPVAR = re.compile(r"\bfor\s*\(\s*(?:integer\s+|int\s+|genvar\s+)?([A-Za-z_]\w*)\s*=|\bgenvar\s+([A-Za-z_]\w*)")


def _loops(s: str, a: int, b: int) -> set[str]:
    return {g for m in _LOOPVAR.finditer(s, a, b) for g in m.groups() if g}


def _queue_like(s: str, acc: list[tuple[int, int, bool]], a: int, b: int) -> bool:
    """Written at an index that reads some signal other than a loop variable (a pointer, a count) and read
    at an index of another text (a ring buffer's read pointer, a shift FIFO's head): not a table written
    and read at one pointer (a delay tap), not a network of loop-indexed words (a sorting network)."""
    loops = _loops(s, a, b)
    writes = {_norm(s[i:j]) for i, j, w in acc if w and set(_ID.findall(s[i:j])) - loops}
    reads = {_norm(s[i:j]) for i, j, w in acc if not w}
    return bool(writes) and bool(reads - writes)


def candidates_syntax(text: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """``(array, [(index start, index end), ...])`` of every queue-like array of ``text`` (syntax only): the
    indices that read a signal other than a loop variable (a reset or shift loop's ``m[i]`` is kept: every
    word stays reset, the words no pointer reaches are constant)."""
    s = _strip(text)
    out = []
    for name, a, b, ds, de in _arrays(s):
        acc = accesses(s, name, a, b, ds, de)
        if acc and _queue_like(s, acc, a, b):
            loops = _loops(s, a, b)
            out.append((name, [(i, j) for i, j, _w in acc if set(_ID.findall(s[i:j])) - loops]))
    return out


def _collapse(text: str, spans: list[tuple[int, int]], k: int) -> str:
    new = text
    for i, j in sorted(spans, reverse=True):
        e = text[i:j].strip()
        rep = "0" if k == 1 else f"({e}) % {k}"
        new = new[:i] + rep + new[j:]
    return new


def _mask_pointers(text: str, mod: str, idx: list[str], k: int) -> str | None:
    """``text`` (already indexed mod ``k``) with every read of a pointer register (an identifier of the
    original indices ``idx`` that the module assigns with ``<=``) outside its own update read through a
    wire holding its low bits (``P & (2**b - 1)``, ``2**b > k``): two pointers at most ``k`` apart
    compare equal exactly when their low bits do, and the wrap bit of a full test reads 0 (never full).
    The high bits then feed only their own increment and go in synthesis. None when no such read."""
    s = _strip(text)
    span = next(((a, b) for m, a, b in _modules(s) if m == mod), None)
    if span is None:
        return None
    a, b = span
    body = s[a:b]
    names = sorted({n for e in idx for n in _ID.findall(e)
                    if re.search(rf"(?<![\w.$]){n}\s*(?:\[[^\]]*\]\s*)?<=", body)})
    mask = (1 << k.bit_length()) - 1
    edits = []
    for n in names:
        if f"rtlopt_{n}_low" in text:
            continue  # already read by its low bits
        dm = re.search(rf"\b(?:reg|logic|bit)\b\s*(\[[^\[\]]+\])?[^;=()]*(?<![\w.$]){n}\b[^;=()]*;", body)
        if dm is None or dm.group(1) is None:
            continue  # declared in the port list, or unsized: left alone
        own = [(m.start(), body.find(";", m.end())) for m in
               re.finditer(rf"(?<![\w.$]){n}\s*(?:\[[^\]]*\]\s*)?<?=(?!=)", body)]
        reads = [m.start() for m in re.finditer(rf"(?<![\w.$']){n}\b", body)
                 if not dm.start() <= m.start() < dm.end() and not any(i <= m.start() <= j for i, j in own)]
        if not reads:
            continue
        w = f"rtlopt_{n}_low"
        edits += [(a + r, a + r + len(n), w) for r in reads]
        edits.append((a + dm.end(), a + dm.end(), f"\n  wire {dm.group(1)} {w} = {n} & {mask};"))
    if not edits:
        return None
    new = text
    for i, j, rep in sorted(edits, reverse=True):
        new = new[:i] + rep + new[j:]
    return new


def _depth(net, name: str, prefixes: list[str]) -> int | None:
    """The words of an unpacked memory ``name`` in the netlist (None when not mapped to words)."""
    from rtlopt.semantic.memdepth import _words

    words = _words(net, name)
    got = [words.get(p) for p in prefixes]
    return None if not got or None in got else max(got)


def rewrites(texts: dict, top: str, budget_s: float = BUDGET_S, origins: dict | None = None) -> list[tuple[dict, str]]:
    """``(new texts, description)`` for each queue-like array whose storage indexed modulo K (the smallest
    of :data:`KS` that agrees with the original on a whole-design simulation from reset); with the
    user's texts ``origins`` (by path), for each queue they had that is now indexed by 0, its pointers'
    other reads by their low bits (:func:`_mask_pointers`)."""
    from rtlopt.semantic.rangedc import module_prefixes
    from rtlopt.semantic.seqsim import load_texts, outputs_agree

    deadline = time.monotonic() + budget_s
    found = [(p, name, spans) for p, t in texts.items() for name, spans in candidates_syntax(t)]
    if not found and not _collapsed(texts, origins or {}):
        return []
    prefixes = module_prefixes(texts.values(), top)
    try:
        net = load_texts(texts, top, timeout=max(5.0, deadline - time.monotonic()))
    except Exception:  # noqa: BLE001 - not modelled: no candidates
        return []
    def agrees(new: dict) -> bool:
        return outputs_agree(net, {Path(p): t for p, t in new.items()}, top,
                             max(5.0, deadline - time.monotonic()), deep=True) is True

    out = []
    for path, name, spans in found:
        s = _strip(texts[path])
        mod = next((m for m, a, b in _modules(s) if a <= spans[0][0] < b), None)
        pre = prefixes.get(mod)
        if not pre:
            continue  # not under the top
        depth = _depth(net, name, pre)
        for k in KS:
            if time.monotonic() > deadline or (k > 1 and (depth is None or depth <= 2 * k)):
                break
            new = {**texts, path: _collapse(texts[path], spans, k)}
            if agrees(new):
                occ = "one entry" if k == 1 else f"{k} entries"
                desc = f"queue {mod}.{name}: at most {occ} from reset, indexed {'by 0' if k == 1 else f'mod {k}'}"
                out.append((new, desc))
                break
    for path, mod, name, idx in _collapsed(texts, origins or {}):
        # a later round: the queue indexed by 0 (proven); its pointers' other reads by their low bits
        # (a step of its own: proven against the one-word queue, ABC 21 s, where original -> both at
        # once ran out of time)
        masked = _mask_pointers(texts[path], mod, idx, 1)
        if masked is not None and prefixes.get(mod) and time.monotonic() < deadline \
                and agrees({**texts, path: masked}):
            out.append(({**texts, path: masked}, f"queue {mod}.{name} (one word): pointers compared by their "
                                                 "low bits"))
    return out


def _collapsed(texts: dict, origins: dict) -> list[tuple]:
    """``(path, module, array, original index texts)`` of every queue-like array of the original text
    ``origins[path]`` whose word indices are all ``0`` in ``texts[path]``."""
    out = []
    for path, text in texts.items():
        orig = origins.get(path)
        if not orig or orig == text:
            continue
        so, s = _strip(orig), _strip(text)
        mods = {m: (a, b) for m, a, b in _modules(s)}
        for name, spans in candidates_syntax(orig):
            mod = next((m for m, a, b in _modules(so) if a <= spans[0][0] < b), None)
            if mod not in mods:
                continue
            a, b = mods[mod]
            got = [(n, x, y, dd, ee) for n, x, y, dd, ee in _arrays(s) if n == name and x == a]
            acc = accesses(s, name, a, b, got[0][3], got[0][4]) if len(got) == 1 else None
            loops = _loops(s, a, b)
            if acc and not any(set(_ID.findall(s[i:j])) - loops for i, j, _w in acc):
                out.append((path, mod, name, [orig[i:j] for i, j in spans]))
    return out


def queueocc_candidates(state) -> list:
    from rtlopt.engine.candidate import one_file_candidates

    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    try:
        origins = {}
        for p in state.texts:
            try:
                origins[p] = Path(p).read_text()
            except OSError:
                continue
        got = rewrites(dict(state.texts), state.design.top, max(3.0, min(BUDGET_S, left)), origins)
    except Exception:  # noqa: BLE001 - an analysis failure means no candidates
        return []
    return one_file_candidates(state.texts, got, RULE, "queue occupancy", None)


__all__ = ["accesses", "candidates_syntax", "queueocc_candidates", "rewrites"]
