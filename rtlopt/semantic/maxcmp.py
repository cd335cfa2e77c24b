"""A register compared with its largest reachable value: an AND of the value's set bits.

``ones == 6`` on a run counter that never exceeds 6 (proven from reset by induction) is
``ones[2] & ones[1]``: every value at most K that has all of K's set bits is K. Likewise ``!=`` (its
negation), ``>= K`` and ``< K``. The bound is the largest value a random simulation from reset reaches
(two runs: fair inputs, held inputs), proven inductive with :func:`rtlopt.semantic.regfunc.prove`; the
compared name may be any alias of the flip-flops (an ``int`` whose upper bits are constant zero after
width reduction, a port). The comparison is rewritten in place; the search loop measures and proves.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

RULE = "sequential_redundancy"

_LIT = r"(?:\d+\s*'[sS]?[dD]\s*)?(\d[\d_]*)|\d+\s*'[sS]?[hH]\s*([0-9a-fA-F_]+)|\d+\s*'[sS]?[bB]\s*([01_]+)"


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    from rtlopt.semantic import regfunc, seqsim

    an = regfunc.analysis_for(texts, top, timeout_s)
    net = an.net
    if net is None or an.regs is None:
        return []
    qi = net.q_index
    words: dict[str, list[int | None]] = {}  # top-level name -> flop index per bit (None: constant 0)
    for n, bits in net.name_bits.items():
        if "." in n or not bits:
            continue
        js = [qi.get(b) if b != 0 else None for b in bits]
        if any(j is None and b != 0 for j, b in zip(js, bits, strict=True)):
            continue
        while js and js[-1] is None:
            js.pop()
        if len(js) < 2 or None in js or len(set(js)) != len(js):
            continue
        words[n] = js
    if not words:
        return []
    bm = np.concatenate([regfunc._bit_matrix(seqsim.simulate(net, cycles=256, words=1)),
                         regfunc._bit_matrix(seqsim.simulate(net, cycles=256, words=1, seed=7, hold_log2=4))],
                        axis=1)
    found: dict[str, int] = {}
    for n, js in words.items():
        v = np.zeros(bm.shape[1], dtype=np.int64)
        for i, j in enumerate(js):
            v |= bm[j].astype(np.int64) << i
        k = int(v.max())
        w = len(js)
        if k <= 0 or k >= (1 << w) - 1 or bin(k).count("1") >= w:
            continue
        found[n] = k
    if not found:
        return []
    # which names are compared with their bound in the source at all
    hits: dict[str, list] = {}
    for p, t in texts.items():
        for n, k in found.items():
            e = re.escape(n)
            for m in re.finditer(rf"(?<![\w$.]){e}\s*(==|!=|>=|<)\s*(?:{_LIT})(?![\w$'.])", t):
                if m.group(2) is not None:
                    val = int(m.group(2).replace("_", ""))
                elif m.group(3) is not None:
                    val = int(m.group(3).replace("_", ""), 16)
                else:
                    val = int(m.group(4).replace("_", ""), 2)
                # not an operand of a tighter operator on its left (a + n == k)
                before = t[:m.start()].rstrip()
                if val == k and not re.search(r"[-+*/%&|^~<>]$", before):
                    hits.setdefault(n, []).append((p, m.start(), m.end(), m.group(1)))
    if not hits:
        return []
    regs = dict(an.regs)
    rels = []
    for n in hits:
        key = f"__maxcmp_{n}"
        regs[key] = words[n]
        rels.append(regfunc.Relation(key, len(words[n]), found[n], key, op="ule"))
    proven = {r.target[len("__maxcmp_"):] for r in regfunc.prove(net, regs, rels, timeout_s=min(10.0, timeout_s))}
    out = []
    for n in sorted(proven):
        k = found[n]
        ones = [i for i in range(k.bit_length()) if k >> i & 1]
        conj = " & ".join(f"{n}[{i}]" for i in reversed(ones))
        new = dict(texts)
        for p in {h[0] for h in hits[n]}:
            t = new[p]
            for _p, s, e, op in sorted((h for h in hits[n] if h[0] == p), key=lambda h: -h[1]):
                rep = f"({conj})" if op in ("==", ">=") else f"!({conj})"
                t = t[:s] + rep + t[e:]
            new[p] = t
        out.append((new, f"'{n}' never exceeds {k} (proven): compare with {k} is {conj}"))
    return out


def maxcmp_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE)
