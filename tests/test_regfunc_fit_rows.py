"""regfunc.discover's bit-sum fit (a register equal to a constant plus a sum of flag bits, e.g. an
occupancy counter beside its valid flags) builds its least-squares matrix over the kept distinct rows
only: a float matrix over every sample was ~300 MB per register on verilog-axis axis_crosspoint (regfunc
56 s -> 29 s there). The relation found must be the same."""

from __future__ import annotations

import numpy as np

from rtlopt.semantic import regfunc


def _bm(n: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    flags = rng.integers(0, 2, size=(4, n), dtype=np.uint8)
    other = rng.integers(0, 2, size=(3, n), dtype=np.uint8)
    cnt = (2 + flags.sum(axis=0)) & 7  # c == 2 + f0 + f1 + f2 + f3 (mod 8)
    cbits = np.stack([(cnt >> i) & 1 for i in range(3)]).astype(np.uint8)
    bm = np.concatenate([cbits, flags, other])  # rows: c[0..2], f0..f3, o0..o2
    regs = {"c": [0, 1, 2], **{f"f{i}": [3 + i] for i in range(4)}, **{f"o{i}": [7 + i] for i in range(3)}}
    return regs, bm


def _sum_relations(rels):
    return [r for r in rels if r.target == "c" and r.base is None and r.bits]


def test_bit_sum_found_with_many_samples():
    regs, bm = _bm(5000)  # more distinct rows than the fit keeps: a random subset is fitted
    got = _sum_relations(regfunc.discover(None, regs, bm))
    assert len(got) == 1
    r = got[0]
    assert r.k == 2 and sorted(r.bits) == [(f"f{i}", 0) for i in range(4)]


def test_bit_sum_not_claimed_when_one_sample_breaks_it():
    regs, bm = _bm(300)
    bm[0, 17] ^= 1  # one sample off: the fitted sum no longer holds on every sample
    assert not _sum_relations(regfunc.discover(None, regs, bm))
