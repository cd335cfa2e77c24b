"""Piecewise-linear resubstitution: a word recomputed from scratch re-expressed through words the
design already computes (GF(2) linear algebra on simulation values).

A target word ``T`` of the top module (an output or a named wire driven by one instance port or one
``assign``) is checked bit by bit: is ``t`` an XOR (affine GF(2) combination) of bits the design
already has in the top module -- ports, named wires, other instance outputs -- either everywhere, or
separately on the two sides of a cheap mode predicate ``P``? The predicates tried are the 1-bit
named signals and ``|(X ^ Y)`` for two same-width words whose difference is never more than one
bit (a corrected word and the word it corrects). With such a split ``t = P ? L1 : L0``.

Example (SECDED scrubber): the write-back check bits are a second encoder over the corrected word
``w = r ^ e``. On ``w == r`` they are ``syndrome ^ stored`` (the decoder's re-encoding), on ``w != r``
(a single data bit flipped, at the position the syndrome names) the stored bits; the overall parity
follows as a 2-3 term XOR. Nothing depends on names or spelling: the fits are Gaussian elimination
over simulated values of every named bit, solved in several column orders and the sparsest kept.

Emitting: the driver of ``T`` is cut (the instance port is left unconnected, or the ``assign`` is
removed) and ``assign T = {...};`` (with the predicate as a wire) goes before ``endmodule`` of the
top; the rest of the file is kept byte for byte. Fits are re-checked on fresh vectors; the search
loop proves and measures the candidate.
"""

from __future__ import annotations

import random
import re
import time

import numpy as np

RULE = "linear_resubstitution"
#: seconds per call (its Yosys run included): it runs early in a round, so it stays cheap
BUDGET_S = 8.0
#: samples (64 per word)
WORDS = 32
MAX_COLS = 600
MAX_TARGET_W = 64
#: candidates kept per design (largest estimated saving first)
MAX_CANDIDATES = 3
#: gate weights of the cost estimate (an XOR or a mux is about twice a NAND in a standard-cell library)
_XOR_W = 2
_GATE_W = {"$_XOR_": 2, "$_XNOR_": 2, "$_MUX_": 2, "$_NMUX_": 2, "$_NOT_": 0, "$_BUF_": 0}
#: targets whose own logic (what nothing else needs) is smaller than this are left alone
MIN_FREED = 6
_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")


class _Net:
    """The flattened gate netlist of the top (combinational view: flip-flop outputs are free)."""

    def __init__(self, gates_js: dict, top: str) -> None:
        from rtlopt.semantic.seqsim import _FF_RE, _GATES, _module

        mod = _module(gates_js, top)
        idx: dict = {"0": 0, "1": 1}
        free: list[int] = []
        self.flop_d: dict[int, int] = {}  # flip-flop Q -> D

        def sig(b) -> int:
            if isinstance(b, str) and b not in idx:
                idx[f"x{len(idx)}"] = len(idx)
                free.append(len(idx) - 1)
                return len(idx) - 1
            if b not in idx:
                idx[b] = len(idx)
            return idx[b]

        ports = mod.get("ports", {})
        self.inputs = {p: [sig(b) for b in v["bits"]] for p, v in ports.items() if v["direction"] == "input"}
        self.outputs = {p: [sig(b) for b in v["bits"]] for p, v in ports.items() if v["direction"] != "input"}
        raw = []
        for c in mod.get("cells", {}).values():
            t, conns = c["type"], c.get("connections", {})
            if t in _GATES:
                raw.append((t, sig(conns["Y"][0]), tuple(sig(conns[p][0]) for p in _GATES[t])))
            elif _FF_RE.match(t):
                free.append(sig(conns["Q"][0]))
                self.flop_d[sig(conns["Q"][0])] = sig(conns["D"][0])
            else:
                dirs = c.get("port_directions", {})
                for p, bits in conns.items():
                    if dirs.get(p) == "output":
                        free.extend(sig(b) for b in bits)
        self.names: dict[str, tuple[list[int], int, int]] = {}  # name -> (bits, offset, upto)
        for n, v in mod.get("netnames", {}).items():
            if v.get("hide_name", 0) or not _ID.fullmatch(n):
                continue
            bits = [-1 if isinstance(b, str) and b not in ("0", "1") else sig(b) for b in v["bits"]]
            self.names[n] = (bits, int(v.get("offset", 0)), int(v.get("upto", 0)))
        self.driver = {g[1]: g for g in raw}
        order: list = []
        seen: set[int] = set()
        for g in raw:
            stack = [(g, False)]
            while stack:
                cur, done = stack.pop()
                if done:
                    if cur[1] not in seen:
                        seen.add(cur[1])
                        order.append(cur)
                    continue
                if cur[1] in seen:
                    continue
                stack.append((cur, True))
                stack.extend((self.driver[i], False) for i in cur[2] if i in self.driver and i not in seen)
        self.gates = order
        self.nsig = len(idx)
        ins = {s for bits in self.inputs.values() for s in bits}
        self.rand = sorted((ins | set(free)) - {0, 1})

    def simulate(self, words: int, seed: int) -> np.ndarray:
        from rtlopt.semantic.seqsim import ONES, _eval
        rng = np.random.default_rng(seed)
        v = np.zeros((self.nsig, words), dtype=np.uint64)
        v[1] = ONES
        if self.rand:
            v[self.rand] = rng.integers(0, 2**64, size=(len(self.rand), words), dtype=np.uint64)

        def sparse(k: int) -> np.ndarray:  # lanes with probability 2**-k
            m = rng.integers(0, 2**64, size=words, dtype=np.uint64)
            for _ in range(k - 1):
                m &= rng.integers(0, 2**64, size=words, dtype=np.uint64)
            return m
        # structured lanes so that equalities and near-equalities occur: a port copied onto another
        # port of the same width (whole, or but one bit), and all-zero / all-one ports
        ports = [bits for bits in self.inputs.values() if all(b > 1 for b in bits)]
        for a in range(len(ports)):
            for b in range(a + 1, len(ports)):
                pa, pb = ports[a], ports[b]
                if len(pa) != len(pb) or len(pa) < 2:
                    continue
                m = sparse(2)
                v[pb] = (v[pb] & ~m) | (v[pa] & m)
                m1 = sparse(3)
                flip = rng.integers(0, len(pa), size=words * 64)
                for i, sb in enumerate(pb):
                    fm = np.packbits((flip == i).astype(np.uint8), bitorder="little").view(np.uint64)
                    v[sb] = (v[sb] & ~m1) | ((v[pa[i]] ^ fm) & m1)
        for bits in ports:
            # sparse (density 1/16) and dense (15/16) words: counts, priorities, thermometer codes
            lo, hi = sparse(3), sparse(3) & ~sparse(1)
            for b in bits:
                v[b] = (v[b] & ~lo) | (sparse(4) & lo)
                v[b] = (v[b] & ~hi) | (~sparse(4) & hi)
            z, o = sparse(4), sparse(5)
            v[bits] = (v[bits] & ~z) | o
            # extremes of a signed word: 100..0 and 011..1
            mn, mx = sparse(3), sparse(4)
            v[bits[:-1]] = v[bits[:-1]] & ~mn
            v[bits[-1]] = v[bits[-1]] | mn
            v[bits[:-1]] = v[bits[:-1]] | mx
            v[bits[-1]] = v[bits[-1]] & ~mx
        for t, o, ins in self.gates:
            v[o] = _eval(t, [v[i] for i in ins])
        return v

    def cone(self, sigs, stop=frozenset()) -> set[int]:
        """Gate outputs in the fan-in of ``sigs`` (not crossing ``stop``)."""
        out: set[int] = set()
        stack = [s for s in sigs if s in self.driver and s not in stop]
        while stack:
            s = stack.pop()
            if s in out:
                continue
            out.add(s)
            stack.extend(i for i in self.driver[s][2] if i in self.driver and i not in out and i not in stop)
        return out


def _vec(row: np.ndarray) -> int:
    return int.from_bytes(row.tobytes(), "little")


def _basis(cols: list[int], order: list[int], mask: int) -> dict:
    basis: dict[int, tuple[int, int]] = {}
    for ci in order:
        v, c = cols[ci] & mask, 1 << ci
        while v:
            p = v.bit_length() - 1
            if p in basis:
                bv, bc = basis[p]
                v ^= bv
                c ^= bc
            else:
                basis[p] = (v, c)
                break
    return basis


def _reduce(basis: dict, t: int) -> int | None:
    c = 0
    while t:
        p = t.bit_length() - 1
        if p not in basis:
            return None
        bv, bc = basis[p]
        t ^= bv
        c ^= bc
    return c


def _ref(name: str, i: int, info) -> str:
    bits, off, upto = info
    if len(bits) == 1 and off == 0:
        return name
    return f"{name}[{off + (len(bits) - 1 - i if upto else i)}]"


def _affine_text(combo: int, col_ref: list[str], excl=None) -> str:
    idx = [i for i in range(1, len(col_ref)) if combo >> i & 1]
    terms = [col_ref[i] for i in idx]
    inv = combo & 1
    if not terms:
        return "1'b1" if inv else "1'b0"
    # terms never 1 together: their XOR is their OR
    op = " | " if excl is not None and excl(idx) else " ^ "
    e = op.join(terms)
    if inv:
        return f"~({e})"
    return e if len(terms) == 1 else f"({e})"


def analyze(gates_js: dict, top: str, deadline: float) -> list[tuple[str, list, list]]:
    """Per target word: ``(name, predicates [(wire, expr)], per-bit expression texts MSB first, kind)``;
    kind ``comb`` (the word itself) or ``reg`` (a register: the texts are its next value)."""
    net = _Net(gates_js, top)
    v = net.simulate(WORDS, 1)
    v2 = net.simulate(WORDS, 7)
    full = (1 << (64 * WORDS)) - 1
    sig_names: dict[int, tuple[str, int]] = {}
    for n, info in sorted(net.names.items(), key=lambda kv: (len(kv[1][0]), kv[0])):
        for i, s in enumerate(info[0]):
            if s > 1 and s not in sig_names:
                sig_names[s] = (n, i)
    results = []
    all_d = set(net.flop_d.values())
    for tname, tinfo in sorted(net.names.items()):
        if time.monotonic() > deadline:
            break
        tbits = tinfo[0]
        if not (1 <= len(tbits) <= MAX_TARGET_W) or any(s <= 1 for s in tbits):
            continue
        kind = "comb"
        if all(s in net.flop_d for s in tbits):  # a register: its next-state word is the target
            kind = "reg"
            tbits = [net.flop_d[s] for s in tbits]
        if not all(s in net.driver for s in tbits):
            continue
        tset = set(tbits)
        tcone = net.cone(tbits)
        if len(tcone) < MIN_FREED:
            continue
        others = {s for n, bits in net.outputs.items() if n != tname for s in bits if s > 1}
        others |= all_d - tset
        if len(tcone - net.cone(others - tset, tset)) < MIN_FREED:
            continue  # the target's logic is needed elsewhere anyway
        # fanout of the target: bits whose cone holds a target bit are not available
        fan: set[int] = set(tset)
        for _t, o, ins in net.gates:
            if any(i in fan for i in ins):
                fan.add(o)
        cols: list[int] = [full]
        cols2: list[int] = [full]
        col_ref: list[str] = ["1"]
        col_sig: list[int] = [1]
        col_word: list[str] = [""]
        seen_vec: set[int] = set()
        for n, info in sorted(net.names.items(), key=lambda kv: (len(kv[1][0]), kv[0])):
            if n == tname or any(s < 0 for s in info[0]):
                continue
            for i, s in enumerate(info[0]):
                if s <= 1 or s in fan or s in tset or sig_names.get(s) != (n, i):
                    continue
                vec = _vec(v[s])
                if vec in seen_vec or vec == 0 or vec == full:
                    continue
                seen_vec.add(vec)
                cols.append(vec)
                cols2.append(_vec(v2[s]))
                col_ref.append(_ref(n, i, info))
                col_sig.append(s)
                col_word.append(n)
        if len(cols) > MAX_COLS or len(cols) < 3:
            continue
        # the target must not already be (trivially) one of the columns
        tvecs = [_vec(v[s]) for s in tbits]
        tvecs2 = [_vec(v2[s]) for s in tbits]
        # predicates: 1-bit named signals and |(X ^ Y) of words that differ in at most one bit
        preds: list[tuple[str, int, int, int]] = [("", full, full, 0)]  # (text, vec, vec2, cost)
        words: dict[str, list[int]] = {}
        for ci in range(1, len(cols)):
            words.setdefault(col_word[ci], []).append(ci)
        for n, cis in words.items():
            info = net.names[n]
            if len(info[0]) == 1:
                preds.append((_ref(n, 0, info), cols[cis[0]], cols2[cis[0]], 0))
        wl = [(n, info) for n, info in sorted(net.names.items())
              if n != tname and len(info[0]) >= 2 and all(s > 1 and s not in fan for s in info[0])]
        for a in range(len(wl)):
            for b in range(a + 1, len(wl)):
                (na, ia), (nb, ib) = wl[a], wl[b]
                if len(ia[0]) != len(ib[0]) or ia[1:] != ib[1:]:
                    continue
                d = v[ia[0]] ^ v[ib[0]]
                anyd = np.bitwise_or.reduce(d, axis=0)
                if not anyd.any():
                    continue
                # at most one bit set per sample: no two rows share a set lane
                acc = np.zeros(WORDS, dtype=np.uint64)
                two = np.zeros(WORDS, dtype=np.uint64)
                for row in d:
                    two |= acc & row
                    acc |= row
                if two.any():
                    continue
                pv = _vec(anyd)
                if bin(pv).count("1") < 64 or bin(full ^ pv).count("1") < 64:
                    continue
                d2 = np.bitwise_or.reduce(v2[ia[0]] ^ v2[ib[0]], axis=0)
                # cost: the OR tree (the XOR of a corrected word with its source is the correction mask)
                preds.append((f"|({na} ^ {nb})", pv, _vec(d2), len(ia[0]) - 1))
        rnd = random.Random(5)
        base = list(range(1, len(cols)))
        orders = [base, base[::-1]]
        for _ in range(3):
            o = base[:]
            rnd.shuffle(o)
            orders.append(o)
        orders = [[0] + o for o in orders]
        # per bit: options (cost, pred index, combo0, combo1)
        best_bits: list[list] = [[] for _ in tbits]
        for pi, (_pt, pv, pv2, _pc) in enumerate(preds):
            if time.monotonic() > deadline:
                break
            modes = [(pv, pv2)] if pi == 0 else [(full ^ pv, full ^ pv2), (pv, pv2)]
            sols: list[list[int | None]] = []
            for m, _m2 in modes:
                per_bit: list[int | None] = [None] * len(tbits)
                for o in orders:
                    bs = _basis(cols, o, m)
                    for j, tv in enumerate(tvecs):
                        c = _reduce(bs, tv & m)
                        if c is not None and (per_bit[j] is None or bin(c).count("1") < bin(per_bit[j]).count("1")):
                            per_bit[j] = c
                sols.append(per_bit)
            for j in range(len(tbits)):
                cs = [s[j] for s in sols]
                if any(c is None for c in cs):
                    continue
                # fresh vectors
                ok = True
                for (_m, m2), c in zip(modes, cs, strict=True):
                    acc = 0
                    for i in range(len(cols)):
                        if c >> i & 1:
                            acc ^= cols2[i]
                    if (acc ^ tvecs2[j]) & m2:
                        ok = False
                        break
                if not ok:
                    continue
                # gates: an XOR of k terms is k - 1 of them, plus the mux of a split
                cost = sum(_XOR_W * max(0, bin(c >> 1).count("1") - 1) for c in cs) + (_XOR_W if pi else 0)
                best_bits[j].append((cost, pi, cs))
        if any(not b for b in best_bits):
            continue
        chosen = [min(b, key=lambda x: (x[0], x[1])) for b in best_bits]
        used_preds = sorted({c[1] for c in chosen if c[1]})
        new_cost = sum(c[0] for c in chosen) + sum(preds[p][3] for p in used_preds)
        # gates freed: the target's cone minus what the rest of the design (and the new form) still needs
        used_sigs = {col_sig[i] for c in chosen for cb in c[2] for i in range(1, len(cols)) if cb >> i & 1}
        for p in used_preds:
            for w in re.findall(r"[A-Za-z_][\w$]*", preds[p][0]):
                used_sigs |= {s for s in net.names[w][0] if s > 1}
        keep_roots = set(used_sigs)
        keep_roots |= others
        freed = tcone - net.cone(keep_roots - tset, tset)
        saved = sum(_GATE_W.get(net.driver[g][0], 1) for g in freed) - new_cost
        if saved <= 0:
            continue
        # a target that is just one existing column per bit (a copy) is not worth a rewrite
        if all(c[1] == 0 and bin(c[2][0]).count("1") <= 1 for c in chosen):
            continue
        pnames = {p: f"rtlopt_lr_{tname}_p{k}" for k, p in enumerate(used_preds)}
        def excl(idx: list[int], cols=cols, cols2=cols2) -> bool:
            return len(idx) > 1 and all(not (cols[i] & cols[k]) and not (cols2[i] & cols2[k])
                                        for a, i in enumerate(idx) for k in idx[a + 1:])

        texts = []
        for c in chosen:
            if c[1] == 0:
                texts.append(_affine_text(c[2][0], col_ref, excl))
            else:
                e0, e1 = (_affine_text(x, col_ref, excl) for x in c[2])
                texts.append(f"({pnames[c[1]]} ? {e1} : {e0})")
        results.append((saved, tname, [(pnames[p], preds[p][0]) for p in used_preds], texts[::-1], kind))
    results.sort(key=lambda r: (-r[0], r[1]))
    return [r[1:] for r in results[:MAX_CANDIDATES]]


def _top_span(text: str, top: str) -> tuple[int, int] | None:
    m = re.search(rf"\bmodule\s+{re.escape(top)}\b", text)
    if m is None:
        return None
    e = re.compile(r"\bendmodule\b").search(text, m.end())
    return (m.start(), e.start()) if e else None


NOTE = ("re-expressed through signals already computed (piecewise GF(2)-linear)",
        "re-expressed through signals already computed")


def rewrite(text: str, top: str, tname: str, preds: list, bit_texts: list, kind: str = "comb",
            note: tuple[str, str] = NOTE) -> str | None:
    """``text`` with the driver of ``tname`` in module ``top`` replaced by the new assignment (for a
    register: the right side of its one nonblocking assignment); ``note`` is the source comment's text
    for a word and for a register's next value."""
    from rtlopt.hdl.edit import Edit, apply_edits
    span = _top_span(text, top)
    if span is None:
        return None
    s, e = span
    body = text[s:e]
    nm = re.escape(tname)
    edits = []
    if kind == "reg":
        nba = []
        for m in re.finditer(rf"(?<![\w$.]){nm}\s*<=\s*", body):
            semi = body.find(";", m.end())
            # a reset or clear to a constant is not the next-state function
            if semi > 0 and not re.fullmatch(r"\s*(?:'[01]|\d*'[bdhBDH]?[0-9a-fA-F_]+|\d+|\{\s*\d+\s*\{\s*1'b[01]\s*\}\s*\})\s*",
                                             body[m.end():semi]):
                nba.append((m, semi))
        if len(nba) != 1:
            return None
        m, semi = nba[0]
        alw = [a for a in re.finditer(r"\balways(?:_ff)?\b", body[:m.start()])]
        if semi < 0 or not alw:
            return None
        ls = body.rfind("\n", 0, alw[-1].start()) + 1
        decl = [f"  // rtlopt: next {tname} {note[1]}\n"]
        decl += [f"  wire {pn} = {pt};\n" for pn, pt in preds]
        edits.append(Edit(s + ls, s + ls, "".join(decl)))
        edits.append(Edit(s + m.end(), s + semi, f"{{{', '.join(bit_texts)}}}"))
        try:
            return apply_edits(text, edits)
        except ValueError:
            return None
    conn = list(re.finditer(rf"\.\s*[A-Za-z_][\w$]*\s*\(\s*{nm}\s*\)", body))
    asg = list(re.finditer(rf"\bassign\s+{nm}\s*=", body))
    # ``wire [..] T = expr;`` (a declaration with one name): the initializer goes
    decl = list(re.finditer(rf"\b(?:wire|logic)\b[^;=(]*?(?<![\w$]){nm}\s*(=)[^;]*;", body))
    if len(conn) + len(asg) + len(decl) != 1:
        return None
    if decl:
        m = decl[0]
        if "," in body[m.start():m.start(1)]:
            return None
        edits.append(Edit(s + m.start(1) - len(body[:m.start(1)]) + len(body[:m.start(1)].rstrip()),
                          s + m.end() - 1, ""))
    elif conn:
        m = conn[0]
        inner = m.group(0)
        lp = inner.index("(")
        edits.append(Edit(s + m.start() + lp + 1, s + m.end() - 1, ""))
    else:
        m = asg[0]
        semi = body.find(";", m.end())
        if semi < 0:
            return None
        edits.append(Edit(s + m.start(), s + semi + 1, f"// {tname}: assigned below (rtlopt)"))
    lines = [f"  // rtlopt: {tname} {note[0]}\n"]
    lines += [f"  wire {pn} = {pt};\n" for pn, pt in preds]
    lines.append(f"  assign {tname} = {{{', '.join(bit_texts)}}};\n")
    edits.append(Edit(e, e, "".join(lines)))
    try:
        return apply_edits(text, sorted(edits, key=lambda x: x.start))
    except ValueError:
        return None


#: gate netlists :func:`gate_netlist` keeps (content key -> Yosys JSON, least recently used first): linresub
#: and gflin read the same one of the same texts in every round (one Yosys run each, the same script)
_GATE_MEMO: dict[str, dict] = {}
GATE_MEMO_MAX = 4


def gate_netlist(texts: dict, top: str, budget_s: float):
    """The gate-level Yosys JSON netlist of the design ``texts`` (by path) under ``top`` (read-only: kept
    for the next caller with the same names and texts; a failure is not kept)."""
    import hashlib
    import tempfile
    from pathlib import Path

    from rtlopt.semantic.seqsim import yosys_json
    key = hashlib.sha256(repr((top, [(Path(p).name, t) for p, t in texts.items()])).encode()).hexdigest()
    hit = _GATE_MEMO.pop(key, None)
    if hit is not None:
        _GATE_MEMO[key] = hit
        return hit
    with tempfile.TemporaryDirectory(prefix="rtlopt-lin-") as tmp:
        files = []
        for i, (p, t) in enumerate(texts.items()):
            f = Path(tmp) / f"{i}_{Path(p).name}"
            f.write_text(t)
            files.append(f)
        got = yosys_json(files, top, timeout=max(5.0, budget_s))[1]
    _GATE_MEMO[key] = got
    while len(_GATE_MEMO) > GATE_MEMO_MAX:
        _GATE_MEMO.pop(next(iter(_GATE_MEMO)))
    return got


def rewrites(texts: dict, top: str, budget_s: float = BUDGET_S) -> list[tuple]:
    """``[(path, new text, description)]`` for the design ``texts`` with top ``top``."""
    from rtlopt.templates._sem import analyze as sem_analyze
    from rtlopt.templates._sem import parses_cleanly
    deadline = time.monotonic() + budget_s
    found = analyze(gate_netlist(texts, top, budget_s), top, deadline)
    out = []
    for tname, preds, bit_texts, kind in found:
        for p, t in texts.items():
            if _top_span(t, top) is None:
                continue
            new = rewrite(t, top, tname, preds, bit_texts, kind)
            if new is not None and new != t and parses_cleanly(new, sem_analyze(t).errors):
                out.append((p, new, f"{tname} re-expressed through existing signals"
                            + (f" split on {', '.join(x for _n, x in preds)}" if preds else "")))
            break
    return out


def linresub_candidates(state) -> list:
    """Search-loop generator (never raises)."""
    from rtlopt.engine.candidate import budgeted_candidates
    return budgeted_candidates(state, rewrites, BUDGET_S, RULE, "linear resubstitution", "linresub",
                               top=state.design.top)


__all__ = ["analyze", "linresub_candidates", "rewrite", "rewrites"]
