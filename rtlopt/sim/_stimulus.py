"""Deterministic stimulus for differential simulation (pure; the cocotb testbench replays it).

Sequential designs get a reset sequence, corner cases (all zeros, all ones, walking ones and zeros,
per-input boundary values) and then random vectors with occasional reset pulses. Combinational
designs get every input combination when they have at most :data:`EXHAUSTIVE_BITS` input bits,
otherwise corners then random vectors. The same seed gives the same vectors.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

#: Combinational designs with at most this many input bits are simulated exhaustively.
EXHAUSTIVE_BITS = 16
#: Cycles the reset is held at the start of a sequential run.
RESET_CYCLES = 2


@dataclass(frozen=True)
class Step:
    """One cycle (or one combinational vector): reset level, data input values, and what it tests."""

    reset: bool
    values: tuple[int, ...]
    kind: str


def _corners(widths: list[int]) -> Iterator[tuple[str, tuple[int, ...]]]:
    masks = [(1 << w) - 1 for w in widths]
    n = len(widths)
    yield "all-zeros", tuple(0 for _ in widths)
    yield "all-ones", tuple(masks)
    maxw = max(widths, default=0)
    for i in range(maxw):
        yield f"walking-one bit {i}", tuple((1 << i) if i < w else 0 for w in widths)
    for i in range(maxw):
        yield f"walking-zero bit {i}", tuple(m & ~(1 << i) for m in masks)
    # Boundary values of each input with the others at zero and at all ones.
    for j in range(n):
        w = widths[j]
        vals = sorted({1, masks[j], masks[j] - 1, 1 << (w - 1), (1 << (w - 1)) - 1} - {0} if w > 1 else {1})
        for v in vals:
            for base_name, base in (("others 0", [0] * n), ("others 1", list(masks))):
                vec = list(base)
                vec[j] = v & masks[j]
                yield f"boundary input {j}={v:#x}, {base_name}", tuple(vec)


def _random_value(rng: random.Random, width: int) -> int:
    mask = (1 << width) - 1
    r = rng.random()
    if r < 0.6:
        return rng.getrandbits(width)
    if r < 0.75:
        return rng.randrange(4) & mask
    if r < 0.85:
        return (mask - rng.randrange(4)) & mask
    return (1 << rng.randrange(width)) & mask


def sequential(widths: list[int], cycles: int, seed: int, *, has_reset: bool) -> Iterator[Step]:
    """``cycles`` steps for a clocked design with data inputs of ``widths`` bits."""
    rng = random.Random(seed)
    done = 0
    zeros = tuple(0 for _ in widths)
    if has_reset:
        for _ in range(min(RESET_CYCLES, cycles)):
            yield Step(True, zeros, "reset")
            done += 1
    corner_budget = max(0, (cycles - done) * 2 // 5)
    for kind, vec in _corners(widths) if widths else ():
        if corner_budget <= 0 or done >= cycles:
            break
        yield Step(False, vec, kind)
        done += 1
        corner_budget -= 1
    pulse = 0
    while done < cycles:
        if has_reset and pulse == 0 and rng.random() < 1 / 64:
            pulse = rng.randint(1, 2)
        if pulse:
            pulse -= 1
            yield Step(True, tuple(_random_value(rng, w) for w in widths), "reset pulse")
        else:
            yield Step(False, tuple(_random_value(rng, w) for w in widths), "random")
        done += 1


def combinational(widths: list[int], cycles: int, seed: int) -> Iterator[Step]:
    """Vectors for a design without a clock: exhaustive up to EXHAUSTIVE_BITS, else corners + random."""
    total = sum(widths)
    if total <= EXHAUSTIVE_BITS:
        for flat in range(1 << total):
            vec = []
            shift = 0
            for w in widths:
                vec.append((flat >> shift) & ((1 << w) - 1))
                shift += w
            yield Step(False, tuple(vec), "exhaustive")
        return
    yield from sequential(widths, cycles, seed, has_reset=False)


def is_exhaustive(widths: list[int]) -> bool:
    return sum(widths) <= EXHAUSTIVE_BITS
