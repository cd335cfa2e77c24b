"""Registers whose reachable values are a small set kept as an index into that set.

A 15-bit segment register shifted up (fill a 1) or down (drop the top 1) is a thermometer code in
every state reachable from reset: 16 values, 4 bits of information. Kept as a 4-bit index ``R__c``
with the old register decoded where it is read (``always @* case (R__c) i: R = S[i]; default: R =
'x;``) and every write ``R <= e`` turned into ``R__c <= R__enc(e)`` (``R__enc``: the table of the set,
``'x`` outside it), synthesis sees only ``|S|`` values: the shift and the popcount of the decoded
value collapse into the index's logic (the don't-cares outside the set are what lets them). The
same holds for one-hot and sign-extended registers, Johnson counters, a few codes.

Found by value: every register written as a whole with ``<=`` in one module instance is simulated
from reset (:mod:`rtlopt.semantic.seqsim`, fair and held inputs); when the values seen fit in at least
two bits fewer, the candidate is built on that set (indices in the order the runs step through the
values from reset, and in numeric order when that differs: a Johnson ring in step order synthesizes
as a counter) and offered only when a simulation of the whole
design agrees. Nothing is trusted: the verifier proves it from reset (the set closed under the
update is the induction; a register that can leave the set is refuted -- every 'x choice must match).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np

RULE = "register_reencoding"
MAX_SET = 64
MAX_W = 63
MAX_TRIES = 4
_ID = r"[A-Za-z_][\w$]*"


def _modules(text: str):
    for m in re.finditer(rf"\bmodule\s+({_ID})", text):
        e = text.find("endmodule", m.end())
        if e > 0:
            yield m.group(1), m.start(), e


def _regs(text: str, s: int, e: int) -> list[tuple[str, int]]:
    """(name, declaration line) of names written only whole with ``<=`` in the module body."""
    body = text[s:e]
    out = []
    for name in sorted(set(re.findall(rf"(?<![\w$.])({_ID})\s*<=(?!=)", body))):
        if re.search(rf"(?<![\w$.]){re.escape(name)}\s*\[[^;=]*\]\s*<=(?!=)", body) \
                or re.search(rf"(?<![\w$.]){re.escape(name)}\s*=(?!=)", body):
            continue
        d = re.search(rf"\b(?:reg|logic|bit)\b[^;()]*?(?<![\w$.]){re.escape(name)}\b", body)
        if d is None or re.search(rf"{re.escape(name)}\s*\[", body[d.end():d.end() + 3]):
            continue  # not declared here as a plain vector (an array, a port without reg/logic)
        out.append((name, text.count("\n", 0, s + d.end()) + 1))
    return out


def _sites(texts: dict[Path, str], net) -> list:
    """(path, module span, name, flop indices) of registers found in the netlist by declaration line."""
    qi = net.q_index
    out = []
    for p, t in texts.items():
        clean = re.sub(r"//[^\n]*", lambda m: " " * len(m.group(0)), t)
        for _mod, s, e in _modules(clean):
            for name, line in _regs(clean, s, e):
                hits = []
                for k, bits in net.name_bits.items():
                    if k != name and not k.endswith("." + name):
                        continue
                    src = net.name_src.get(k, "")
                    m = re.search(r"([^/\\]+):(\d+)\.", src)
                    if m is None or int(m.group(2)) != line or not m.group(1).endswith(p.name):
                        continue
                    if all(b in qi for b in bits):
                        hits.append([qi[b] for b in bits])
                if len(hits) == 1 and 3 <= len(hits[0]) <= MAX_W:
                    out.append((p, (s, e), name, hits[0]))
    return out


def _values(traces: list[np.ndarray], idx: list[int]) -> tuple[set[int], list[int]] | None:
    """The values the register takes in the runs and a chain order of them: from the reset value, each
    next one the most frequent step from the last (then from any placed value) -- a ring or a
    counter-like code gets consecutive indices, so its update becomes an increment of the index."""
    seen: set[int] = set()
    steps: dict[tuple[int, int], int] = {}
    start: dict[int, int] = {}
    lanes = np.arange(64, dtype=np.uint64)
    for tr in traces:  # [cycles, flops, words] of 64-lane words
        bits = (tr[:, idx, :, None] >> lanes) & np.uint64(1)  # [cycles, W, words, 64]
        vals = np.zeros(bits.shape[:1] + bits.shape[2:], dtype=np.uint64)
        for j in range(len(idx)):
            vals |= bits[:, j] << np.uint64(j)
        seen.update(int(v) for v in np.unique(vals))
        if len(seen) > MAX_SET:
            return None
        for v in vals[0].ravel():
            start[int(v)] = start.get(int(v), 0) + 1
        pairs = np.stack([vals[:-1].ravel(), vals[1:].ravel()], axis=1)
        got, cnt = np.unique(pairs, axis=0, return_counts=True)
        for (u, v), c in zip(got.tolist(), cnt.tolist(), strict=True):
            if u != v:
                steps[(u, v)] = steps.get((u, v), 0) + c
    order = [max(start, key=start.get)] if start else []
    left = seen - set(order)
    while left:
        last = order[-1] if order else None
        nxt = [(steps.get((last, v), 0), -v, v) for v in left]
        best = max(nxt)
        if best[0] == 0:
            best = max((sum(steps.get((u, v), 0) for u in order), -v, v) for v in left)
        order.append(best[2])
        left.discard(best[2])
    return seen, order


def _emit(text: str, span: tuple[int, int], name: str, w: int, values: list[int], sv: bool,
          fill: str = "x") -> str | None:
    k = max(1, (len(values) - 1).bit_length())
    s, e = span
    body = text[s:e]
    c, f = f"{name}__c", f"{name}__enc"
    writes = list(re.finditer(rf"(?<![\w$.]){re.escape(name)}(\s*)<=(?!=)([^;]*);", body))
    if not writes:
        return None
    new = body
    for m in reversed(writes):
        ex = m.group(2).strip()
        if fill == "x":
            rhs = f"{f}({ex})"
        else:  # no function call: Yosys evaluates a call in a branch with 'x elsewhere (a slow simulation)
            v0 = f"{w}'(({ex}))" if sv else f"{{{{{w}{{1'b0}}}} | ({ex})}}"
            rhs = " : ".join(f"({v0} == {w}'d{v}) ? {k}'d{i}" for i, v in enumerate(values)) + f" : {k}'d0"
        new = new[:m.start()] + f"{c}{m.group(1)}<= {rhs};" + new[m.end():]
    decl = "logic" if sv else "reg"
    enc = "\n".join(f"            {w}'d{v}: {f} = {k}'d{i};" for i, v in enumerate(values))
    dec = "\n".join(f"            {k}'d{i}: {name} = {w}'d{v};" for i, v in enumerate(values))
    func = "" if fill != "x" else (
           f"    function [{k - 1}:0] {f}(input [{w - 1}:0] v);\n"
           f"        {f} = {{{k}{{1'b{fill}}}}};\n        case (v)\n{enc}\n"
           f"            default: {f} = {{{k}{{1'b{fill}}}}};\n        endcase\n"
           f"    endfunction\n")
    add = (f"\n    // {name}: {len(values)} reachable values from reset, kept as their index\n"
           f"    {decl} [{k - 1}:0] {c};\n{func}")
    dec_blk = (f"    always @* begin\n        case ({c})\n{dec}\n"
               f"            default: {name} = {{{w}{{1'b{fill}}}}};\n        endcase\n    end\n")
    # the index and its encoder after the module header (the first ';' after the port list closes
    # it: the writes may come before the register's declaration), the decoder at the end (after it)
    hdr = re.search(r"\)\s*;", new)
    if hdr is None:
        return None
    new = new[:hdr.end()] + add + new[hdr.end():] + dec_blk
    return text[:s] + new + text[e:]


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    from rtlopt.semantic import seqsim

    if not any("<=" in t for t in texts.values()):
        return []
    deadline = time.monotonic() + timeout_s
    net = seqsim.load_texts(texts, top, timeout=max(2.0, deadline - time.monotonic()))
    sites = _sites(texts, net)
    if not sites or time.monotonic() > deadline:
        return []
    traces = [seqsim.simulate(net, cycles=256, words=2, seed=11),
              seqsim.simulate(net, cycles=256, words=2, seed=12, hold_log2=4, reset_rate_log2=8)]
    ranked = []
    for p, span, name, idx in sites:
        got = _values(traces, idx)
        if got is None:
            continue
        vals, chain = got
        w = len(idx)
        k = max(1, (len(vals) - 1).bit_length())
        if w - k >= 2:
            ranked.append((k - w, p, span, name, w, chain, ""))
            if chain != sorted(vals):  # both index orders: which one synthesizes smaller is measured
                ranked.append((k - w, p, span, name, w, sorted(vals), ", numeric order"))
    ranked.sort(key=lambda x: x[0])
    out = []
    for _g, p, span, name, w, vals, how in ranked[:MAX_TRIES]:
        if time.monotonic() > deadline:
            break
        sv = p.suffix.lower() in (".sv", ".svh")
        t, t0 = _emit(texts[p], span, name, w, vals, sv), _emit(texts[p], span, name, w, vals, sv, "0")
        if t is None or t0 is None:
            continue
        new = {**texts, p: t}
        # simulated with 0 outside the set (two-valued, ~100x cheaper than x): the same outputs on
        # every state the runs reach (the set is what they reached)
        if seqsim.outputs_agree(net, {**texts, p: t0}, top, max(2.0, deadline - time.monotonic())) is True:
            out.append((new, f"'{name}' ({w} bits) takes {len(vals)} values from reset: kept as a "
                              f"{max(1, (len(vals) - 1).bit_length())}-bit index{how}"))
    return out


def reachset_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, label="reachable-set index", cap_s=8.0)
