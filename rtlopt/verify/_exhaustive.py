"""Complete combinational equivalence by exhaustive bit-parallel evaluation (small input spaces).

When the two designs share at most :data:`MAX_INPUT_BITS` input bits, every input vector is evaluated:
vector ``v`` is lane ``v % 64`` of word ``v // 64``, so input bit ``k < 6`` is a fixed 64-bit pattern
and input bit ``k >= 6`` is all-ones or all-zeros per word. Each gate is one numpy operation over all
words. The result is a proof (every vector agrees) or a concrete counterexample (the first vector that
differs); nothing is sampled. Values of gates that are no longer needed are dropped as evaluation goes.
"""

from __future__ import annotations

import time

import numpy as np

from rtlopt.verify._gates import Bit, GateNet

#: Largest input space decided exhaustively (2**24 vectors: 256 Ki words per signal).
MAX_INPUT_BITS = 24

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
        if gi % 256 == 0 and time.monotonic() > deadline:
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


def check(gold: GateNet, gate: GateNet, seconds: float) -> tuple[str, str, dict | None]:
    """("equivalent" | "different" | "unknown", detail, counterexample inputs/outputs or None)."""
    deadline = time.monotonic() + seconds
    names = sorted(gold.inputs)
    if sorted(gate.inputs) != names or any(len(gold.inputs[n]) != len(gate.inputs[n]) for n in names):
        return "unknown", "inputs differ", None
    n = sum(len(gold.inputs[x]) for x in names)
    if n > MAX_INPUT_BITS:
        return "unknown", f"{n} input bits (exhaustive up to {MAX_INPUT_BITS})", None
    words = max(1, (1 << n) // 64)
    lanes = np.uint64(_ONES if n >= 6 else (1 << (1 << n)) - 1)
    inputs: dict[tuple[str, int], np.ndarray] = {}
    k = 0
    for name in names:
        for i in range(len(gold.inputs[name])):
            inputs[(name, i)] = _input_words(k, n)
            k += 1
    try:
        go = _eval(gold, inputs, words, deadline)
        ho = _eval(gate, inputs, words, deadline)
    except Deadline:
        return "unknown", f"time limit ({seconds:.1f} s) during exhaustive evaluation of 2^{n} vectors", None
    except KeyError:
        return "unknown", "undriven net in a gate netlist", None
    for name in gold.outputs:
        if name not in ho or len(ho[name]) != len(go[name]):
            return "unknown", f"output {name} differs in shape", None
    for name in sorted(gold.outputs):
        for i, (g, h) in enumerate(zip(go[name], ho[name], strict=True)):
            d = (g ^ h) & lanes
            nz = np.flatnonzero(d)
            if nz.size:
                w = int(nz[0])
                lane = (int(d[w]) & -int(d[w])).bit_length() - 1
                vec = w * 64 + lane
                cex = _cex(gold, names, vec, go, ho, w, lane)
                return "different", f"exhaustive: output {name}[{i}] differs on input vector {vec} of 2^{n}", cex
    return "equivalent", f"exhaustive evaluation of all 2^{n} input vectors (bit-parallel)", None


def _cex(gold: GateNet, names: list[str], vec: int, go, ho, w: int, lane: int) -> dict:
    ins: dict[str, int] = {}
    k = 0
    for name in names:
        v = 0
        for i in range(len(gold.inputs[name])):
            v |= ((vec >> k) & 1) << i
            k += 1
        ins[name] = v

    def word(bits) -> int:
        return sum(((int(b[w]) >> lane) & 1) << i for i, b in enumerate(bits))

    return {"inputs": ins, "gold": {n: word(b) for n, b in go.items()}, "gate": {n: word(b) for n, b in ho.items()}}


def evaluate(net: GateNet, values: dict[str, int]) -> dict[str, int]:
    """The outputs of ``net`` for one input vector (``values`` by input port name)."""
    inputs = {(name, i): np.full(1, _ONES if (values.get(name, 0) >> i) & 1 else np.uint64(0), dtype=np.uint64)
              for name, bits in net.inputs.items() for i in range(len(bits))}
    outs = _eval(net, inputs, 1, time.monotonic() + 60.0)
    return {name: sum((int(b[0]) & 1) << i for i, b in enumerate(bits)) for name, bits in outs.items()}
