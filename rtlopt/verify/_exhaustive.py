"""Complete combinational equivalence by exhaustive bit-parallel evaluation (small input spaces).

When the outputs read at most :data:`MAX_INPUT_BITS` input bits (all together, or cone by cone: output
bits grouped by the input bits they read), every input vector is evaluated:
vector ``v`` is lane ``v % 64`` of word ``v // 64``, so input bit ``k < 6`` is a fixed 64-bit pattern
and input bit ``k >= 6`` is all-ones or all-zeros per word. Each gate is one numpy operation over all
words. The result is a proof (every vector agrees) or a concrete counterexample (the first vector that
differs); nothing is sampled. Values of gates that are no longer needed are dropped as evaluation goes.
"""

from __future__ import annotations

import time

import numpy as np

from rtlopt.verify import _lanes
from rtlopt.verify._gates import Bit, GateNet

#: Largest input space decided exhaustively (2**24 vectors: 256 Ki words per signal).
MAX_INPUT_BITS = 24
#: Words (64 vectors each) evaluated at a time: 32 Ki words = 256 KiB per signal (cache-friendlier).
CHUNK = 1 << 15

#: Largest number of (vector x gate) evaluations over all cones when output cones are enumerated one
#: by one (a few seconds: 6.3e10 took 2.5 s of CPU, ten 21-bit cones through an 8x8 mux of products).
MAX_WORK = (1 << 24) * 6_000

_ONES = np.uint64(0xFFFFFFFFFFFFFFFF)
_LOW_PATTERNS = [0xAAAAAAAAAAAAAAAA, 0xCCCCCCCCCCCCCCCC, 0xF0F0F0F0F0F0F0F0, 0xFF00FF00FF00FF00,
                 0xFFFF0000FFFF0000, 0xFFFFFFFF00000000]


class Deadline(Exception):
    pass


def _input_words(k: int, n: int) -> np.ndarray:
    words = max(1, (1 << n) // 64)
    if k < 6:
        return np.full(words, np.uint64(_LOW_PATTERNS[k]), dtype=np.uint64)
    idx = np.arange(words, dtype=np.uint64)
    return np.where((idx >> np.uint64(k - 6)) & np.uint64(1), _ONES, np.uint64(0)).astype(np.uint64)


def _eval(net: GateNet, inputs: dict[tuple[str, int], np.ndarray],
          words: int, deadline: float) -> dict[str, list[np.ndarray]]:
    zero = np.zeros(words, dtype=np.uint64)
    one = np.full(words, _ONES, dtype=np.uint64)
    val: dict[int, np.ndarray] = {}
    for name, bits in net.inputs.items():
        for i, b in enumerate(bits):
            if isinstance(b, int):
                val[b] = inputs[(name, i)]
    # last use of each bit, so that dead values are freed
    last: dict[int, int] = {}
    for gi, (_t, _y, ins) in enumerate(net.gates):
        for b in ins:
            if isinstance(b, int):
                last[b] = gi
    keep = {b for bits in net.outputs.values() for b in bits if isinstance(b, int)}

    def get(b: Bit) -> np.ndarray:
        if b == "0":
            return zero
        if b == "1":
            return one
        return val[b]  # an undriven net raises KeyError: the caller reports it

    for gi, (t, y, ins) in enumerate(net.gates):
        if gi % 256 == 0 and (time.monotonic() > deadline or _lanes.stopped()):
            raise Deadline
        a = get(ins[0])
        if t == "$_BUF_":
            r = a
        elif t == "$_NOT_":
            r = ~a
        elif t == "$_AND_":
            r = a & get(ins[1])
        elif t == "$_OR_":
            r = a | get(ins[1])
        elif t == "$_XOR_":
            r = a ^ get(ins[1])
        elif t == "$_NAND_":
            r = ~(a & get(ins[1]))
        elif t == "$_NOR_":
            r = ~(a | get(ins[1]))
        elif t == "$_XNOR_":
            r = ~(a ^ get(ins[1]))
        elif t == "$_ANDNOT_":
            r = a & ~get(ins[1])
        elif t == "$_ORNOT_":
            r = a | ~get(ins[1])
        elif t in ("$_MUX_", "$_NMUX_"):
            s = get(ins[2])
            r = (a & ~s) | (get(ins[1]) & s)
            if t == "$_NMUX_":
                r = ~r
        elif t == "$_AOI3_":
            r = ~((a & get(ins[1])) | get(ins[2]))
        elif t == "$_OAI3_":
            r = ~((a | get(ins[1])) & get(ins[2]))
        elif t == "$_AOI4_":
            r = ~((a & get(ins[1])) | (get(ins[2]) & get(ins[3])))
        else:  # $_OAI4_
            r = ~((a | get(ins[1])) & (get(ins[2]) | get(ins[3])))
        val[y] = r
        for b in ins:
            if isinstance(b, int) and last.get(b) == gi and b not in keep and b in val:
                del val[b]
    return {name: [get(b) for b in bits] for name, bits in net.outputs.items()}


def _supports(net: GateNet, index: dict[tuple[str, int], int]) -> dict[str, list[int]]:
    """Per output bit, the input bits (as a mask over ``index``) its cone reads."""
    sup: dict[int, int] = {}
    for name, bits in net.inputs.items():
        for i, b in enumerate(bits):
            if isinstance(b, int):
                sup[b] = sup.get(b, 0) | (1 << index[(name, i)])
    for _t, y, ins in net.gates:
        m = 0
        for b in ins:
            if isinstance(b, int):
                m |= sup.get(b, 0)
        sup[y] = m
    return {name: [sup.get(b, 0) if isinstance(b, int) else 0 for b in bits] for name, bits in net.outputs.items()}


def _groups(gsup: dict[str, list[int]], hsup: dict[str, list[int]]) -> list[tuple[int, list[tuple[str, int]]]]:
    """Output bits grouped by input support: (support mask, [(output, bit)]), every bit in exactly one
    group whose support contains its own (gold's and gate's cones together)."""
    bits = sorted(((gsup[n][i] | hsup[n][i], n, i) for n in gsup for i in range(len(gsup[n]))),
                  key=lambda x: -bin(x[0]).count("1"))
    groups: list[tuple[int, list[tuple[str, int]]]] = []
    for m, n, i in bits:
        for g in groups:
            if m & g[0] == m:
                g[1].append((n, i))
                break
        else:
            groups.append((m, [(n, i)]))
    return groups


def refusal(gold: GateNet, gate: GateNet) -> str | None:
    """Why :func:`check` would give up at once on these netlists (an output cone reads too many input
    bits, or enumerating every cone is too much work), or None when it would enumerate."""
    return estimate(gold, gate)[0]


def estimate(gold: GateNet, gate: GateNet) -> tuple[str | None, int]:
    """(:func:`refusal`, gate evaluations the enumeration takes: 0 when refused)."""
    names = sorted(gold.inputs)
    if sorted(gate.inputs) != names or any(len(gold.inputs[n]) != len(gate.inputs[n]) for n in names):
        return "inputs differ", 0
    index = {(name, i): k for k, (name, i) in enumerate((n, i) for n in names for i in range(len(gold.inputs[n])))}
    gsup, hsup = _supports(gold, index), _supports(gate, index)
    used = 0
    for sup in (gsup, hsup):
        for ms in sup.values():
            for m in ms:
                used |= m
    if bin(used).count("1") <= MAX_INPUT_BITS:
        return None, (1 << bin(used).count("1")) * (len(gold.gates) + len(gate.gates))
    groups = _groups(gsup, hsup)
    big = max(bin(g[0]).count("1") for g in groups)
    if big > MAX_INPUT_BITS:
        return f"an output cone reads {big} input bits", 0
    work = _work(gold, gate, groups)
    if work > MAX_WORK:
        return f"{len(groups)} output cones of up to {big} input bits: too many gate evaluations", 0
    return None, work


def _work(gold: GateNet, gate: GateNet, groups: list) -> int:
    """Gate evaluations of enumerating every group's cone over all its input values."""
    return sum((1 << bin(m).count("1")) * (len(_cone(gold, _want(o)).gates) + len(_cone(gate, _want(o)).gates))
               for m, o in groups)


def check(gold: GateNet, gate: GateNet, seconds: float) -> tuple[str, str, dict | None]:
    """("equivalent" | "different" | "unknown", detail, counterexample inputs/outputs or None).

    Only input bits that some output actually reads are enumerated; when all of them together are
    more than :data:`MAX_INPUT_BITS`, output bits are grouped by the input bits their cones read and
    each group with at most that many is enumerated on its own (complete when every group fits)."""
    deadline = time.monotonic() + seconds
    names = sorted(gold.inputs)
    if sorted(gate.inputs) != names or any(len(gold.inputs[n]) != len(gate.inputs[n]) for n in names):
        return "unknown", "inputs differ", None
    if sorted(gold.outputs) != sorted(gate.outputs) or \
            any(len(gold.outputs[n]) != len(gate.outputs[n]) for n in gold.outputs):
        return "unknown", "outputs differ in shape", None
    index = {(name, i): k for k, (name, i) in enumerate((n, i) for n in names for i in range(len(gold.inputs[n])))}
    gsup, hsup = _supports(gold, index), _supports(gate, index)
    used = 0
    for sup in (gsup, hsup):
        for ms in sup.values():
            for m in ms:
                used |= m
    if bin(used).count("1") <= MAX_INPUT_BITS:
        groups = [(used, [(n, i) for n in sorted(gold.outputs) for i in range(len(gold.outputs[n]))])]
    else:
        groups = _groups(gsup, hsup)
        big = max(bin(g[0]).count("1") for g in groups)
        if big > MAX_INPUT_BITS:
            return "unknown", (f"an output cone reads {big} input bits (exhaustive up to {MAX_INPUT_BITS}; "
                               f"{bin(used).count('1')} in all)"), None
        work = _work(gold, gate, groups)
        if work > MAX_WORK:
            return "unknown", (f"{len(groups)} output cones of up to {big} input bits: about {work:.1e} gate "
                               f"evaluations (exhaustive up to {MAX_WORK:.1e})"), None
    total = 0
    for sup, outs in groups:
        ks = [k for k in range(sup.bit_length()) if (sup >> k) & 1]
        n = len(ks)
        words = max(1, (1 << n) // 64)
        lanes = np.uint64(_ONES if n >= 6 else (1 << (1 << n)) - 1)
        zero = np.zeros(words, dtype=np.uint64)
        pos = {k: j for j, k in enumerate(ks)}
        inputs = {key: (_input_words(pos[k], n) if k in pos else zero) for key, k in index.items()}
        want = _want(outs)
        gc, hc = _cone(gold, want), _cone(gate, want)
        for lo in range(0, words, CHUNK):  # slices that stay in cache; each a view of the patterns
            hi = min(words, lo + CHUNK)
            part = {key: v[lo:hi] for key, v in inputs.items()}
            try:
                go = _eval(gc, part, hi - lo, deadline)
                ho = _eval(hc, part, hi - lo, deadline)
            except Deadline:
                return "unknown", f"time limit ({seconds:.1f} s) during exhaustive evaluation of 2^{n} vectors", None
            except KeyError:
                return "unknown", "undriven net in a gate netlist", None
            found = _first_difference(want, go, ho, lanes)
            if found is not None:
                name, i, w, lane = found
                vec = (lo + w) * 64 + lane
                ins = {nm: 0 for nm in names}
                for k, j in pos.items():
                    if (vec >> j) & 1:
                        nm, bit = next(key for key, kk in index.items() if kk == k)
                        ins[nm] |= 1 << bit
                go_all, ho_all = evaluate(gold, ins), evaluate(gate, ins)
                cex = {"inputs": ins, "gold": go_all, "gate": ho_all}
                return "different", f"exhaustive: output {name}[{i}] differs on input vector {vec} of 2^{n}", cex
        total += 1 << n
    if len(groups) == 1:
        return "equivalent", f"exhaustive evaluation of all 2^{len(ks)} input vectors (bit-parallel)", None
    return "equivalent", (f"exhaustive evaluation of {len(groups)} output cones, each over all values of the "
                          f"<= {MAX_INPUT_BITS} input bits it reads ({total} vectors in all, bit-parallel)"), None


def _first_difference(want: dict[str, list[int]], go: dict, ho: dict, lanes) -> tuple[str, int, int, int] | None:
    """(output, bit, word, lane) of the first differing vector, or None."""
    for name in sorted(want):
        for i, g, h in zip(want[name], go[name], ho[name], strict=True):
            d = (g ^ h) & lanes
            nz = np.flatnonzero(d)
            if nz.size:
                w = int(nz[0])
                return name, i, w, (int(d[w]) & -int(d[w])).bit_length() - 1
    return None


def _want(outs: list[tuple[str, int]]) -> dict[str, list[int]]:
    want: dict[str, list[int]] = {}
    for o, i in outs:
        want.setdefault(o, []).append(i)
    return want


def _cone(net: GateNet, want: dict[str, list[int]]) -> GateNet:
    """The gates ``want`` (output name: bit positions) depend on, as a net with just those outputs."""
    outs = {name: [net.outputs[name][i] for i in idx] for name, idx in want.items()}
    need = {b for bits in outs.values() for b in bits if isinstance(b, int)}
    gates = []
    for g in reversed(net.gates):
        if g[1] in need:
            gates.append(g)
            need.update(b for b in g[2] if isinstance(b, int))
    gates.reverse()
    return GateNet(net.inputs, outs, gates)


def evaluate(net: GateNet, values: dict[str, int]) -> dict[str, int]:
    """The outputs of ``net`` for one input vector (``values`` by input port name)."""
    inputs = {(name, i): np.full(1, _ONES if (values.get(name, 0) >> i) & 1 else np.uint64(0), dtype=np.uint64)
              for name, bits in net.inputs.items() for i in range(len(bits))}
    outs = _eval(net, inputs, 1, time.monotonic() + 60.0)
    return {name: sum((int(b[0]) & 1) << i for i, b in enumerate(bits)) for name, bits in outs.items()}
