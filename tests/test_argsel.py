"""Filtered / offset argmax and argmin (rtlopt.semantic.argsel): which output words match, and near misses
that must not (a threshold on another key, a filter the best lane does not decide, an offset that wraps)."""

from __future__ import annotations

import numpy as np
import pytest

from rtlopt.semantic.argsel import match_argsel
from rtlopt.semantic.lift import Operand
from rtlopt.semantic.netlist import mask

RNG = np.random.default_rng(7)
NV = 3000


def _op(name: str, w: int, v=None) -> Operand:
    if v is None:
        v = RNG.integers(0, 1 << w, NV, dtype=np.uint64)
    return Operand(name, name, w, np.asarray(v, dtype=np.uint64) & mask(w), False, True)


def _lanes(v, n, w):
    return np.stack([(v >> np.uint64(i * w)) & mask(w) for i in range(n)]).astype(np.int64)


def _scan(key, elig, want_max, first=True):
    """Reference loop semantics: index, value, found of the best eligible lane."""
    n, nv = key.shape
    idx = np.zeros(nv, dtype=np.uint64)
    val = np.zeros(nv, dtype=np.uint64)
    got = np.zeros(nv, dtype=bool)
    for i in range(n):
        k = key[i]
        better = (k > val.astype(np.int64)) if want_max else (k < val.astype(np.int64))
        if not first:
            better |= k == val.astype(np.int64)
        take = elig[i] & (~got | better)
        idx = np.where(take, np.uint64(i), idx)
        val = np.where(take, k.astype(np.uint64), val)
        got |= take
    return idx, val, got


def _kinds(t, tw, ops):
    return [k for k, _u, _e in match_argsel(t & mask(tw), tw, ops)]


def _setup(n=8, w=4):
    pend, prio, cur = _op("pend", n), _op("prio", n * w), _op("cur", w)
    key = _lanes(prio.value, n, w)
    valid = np.stack([((pend.value >> np.uint64(i)) & np.uint64(1)) == 1 for i in range(n)])
    return pend, prio, cur, key, valid


def test_threshold_filtered_argmax_index_value_and_valid():
    pend, prio, cur, key, valid = _setup()
    elig = valid & (key > cur.value.astype(np.int64))
    idx, val, got = _scan(key, elig, True)
    ops = [prio, pend, cur]
    assert _kinds(idx, 3, ops) == ["argmax_filtered_index"]
    assert _kinds(val, 4, ops) == ["argmax_filtered_value"]
    assert _kinds(got.astype(np.uint64), 1, ops) == ["argsel_valid"]
    # the emitted index: one compare with the threshold after the tree
    e = match_argsel(idx, 3, ops)[0][2][0]
    from rtlopt.semantic.algos import helpers_for
    assert "cur" in helpers_for(e) and helpers_for(e).count("cur") == 1


def test_priority_zero_never_interrupts():
    pend, prio, _cur, key, valid = _setup()
    idx, val, got = _scan(key, valid & (key > 0), True)
    ops = [prio, pend]
    assert _kinds(idx, 3, ops) == ["argmax_filtered_index"]
    assert _kinds(got.astype(np.uint64), 1, ops) == ["argsel_valid"]


def test_argmin_last_on_ties_with_le_threshold():
    pend, prio, cur, key, valid = _setup(6, 3)
    elig = valid & (key <= cur.value.astype(np.int64))
    idx, _val, _got = _scan(key, elig, False, first=False)
    assert _kinds(idx, 3, [prio, pend, cur]) == ["argmin_filtered_index"]


def test_threshold_on_another_key_does_not_match():
    pend, prio, cur, key, valid = _setup()
    other = _op("other", 32)
    okey = _lanes(other.value, 8, 4)
    elig = valid & (okey > cur.value.astype(np.int64))  # the filter reads another word's lanes
    idx, val, got = _scan(key, elig, True)
    ops = [prio, other, pend, cur]
    assert _kinds(idx, 3, ops) == []
    assert _kinds(val, 4, ops) == []


def test_non_monotone_filter_does_not_match():
    pend, prio, cur, key, valid = _setup()
    elig = valid & (key < cur.value.astype(np.int64))  # the best lane does not decide: max among keys < T
    idx, val, _got = _scan(key, elig, True)
    assert _kinds(idx, 3, [prio, pend, cur]) == []
    assert _kinds(val, 4, [prio, pend, cur]) == []


def test_offset_argmin_value_and_index():
    rdy, rel, base = _op("rdy", 4), _op("rel", 40), _op("base", 16)
    key = _lanes(rel.value, 4, 10)
    valid = np.stack([((rdy.value >> np.uint64(i)) & np.uint64(1)) == 1 for i in range(4)])
    absk = key + base.value.astype(np.int64)[None, :]  # 17 bits: never wraps
    idx, val, got = _scan(absk, valid, False)
    ops = [rel, base, rdy]
    assert _kinds(idx, 2, ops) == ["argmin_filtered_index"]
    assert _kinds(np.where(got, val, 0), 17, ops) == ["argmin_offset_value"]


def test_offset_that_wraps_does_not_match():
    rdy, rel, base = _op("rdy", 4), _op("rel", 40), _op("base", 16)
    key = _lanes(rel.value, 4, 10)
    valid = np.stack([((rdy.value >> np.uint64(i)) & np.uint64(1)) == 1 for i in range(4)])
    absk = (key + base.value.astype(np.int64)[None, :]) & 0xFFFF  # 16 bits: the sum wraps
    idx, val, got = _scan(absk, valid, False)
    ops = [rel, base, rdy]
    assert _kinds(idx, 2, ops) == []
    assert _kinds(np.where(got, val, 0), 16, ops) == []


SRC = """module plic #(parameter N = 4) (input [N-1:0] ip, input [4*N-1:0] pr, input [3:0] th,
  output reg irq, output reg [2:0] id, output reg [3:0] best);
  integer i;
  always @(*) begin
    irq = 1'b0; id = 3'd0; best = 4'd0;
    for (i = 0; i < N; i = i + 1)
      if (ip[i] && pr[i*4 +: 4] > th && (!irq || pr[i*4 +: 4] > best)) begin
        irq = 1'b1; id = i; best = pr[i*4 +: 4];
      end
  end
endmodule
module top(input [5:0] ip, input [23:0] pr, input [3:0] th, output irq, output [2:0] id, output [3:0] best);
  plic #(.N(6)) u (.ip(ip), .pr(pr), .th(th), .irq(irq), .id(id), .best(best));
endmodule
"""


@pytest.mark.yosys
def test_lift_at_the_instance_parameter_values(tmp_path):
    from rtlopt.semantic.lift import lift_module
    from rtlopt.semantic.netlist import elaborate_modules
    f = tmp_path / "m.v"
    f.write_text(SRC)
    nl = elaborate_modules([f], ["plic"], params={"plic": {"N": 6}})["plic"]
    got = {lf.lhs: (lf.kind, lf.exprs[0]) for lf in lift_module(nl)}
    assert got["id"][0] == "argmax_filtered_index", got
    assert got["best"][0] == "argmax_filtered_value", got
    assert got["irq"][0] == "argsel_valid", got
    from rtlopt.semantic.algos import helpers_for
    assert "pr_flat" in helpers_for(got["id"][1]) and "[23:0]" in helpers_for(got["id"][1])  # N = 6, not 4
