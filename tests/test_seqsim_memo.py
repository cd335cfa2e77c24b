"""seqsim.simulate's memo: a repeated or shorter run of the same netlist with the same stimulus settings is
served from the longest trace computed, and equals what a fresh simulation gives (prefix property)."""

from __future__ import annotations

import numpy as np
import pytest

from rtlopt.semantic import seqsim

pytestmark = pytest.mark.yosys

# a counter with a load and a toggling flag: random inputs change the trace every cycle
DESIGN = """
module memo_cnt(input clk, input rst, input ld, input [3:0] d, input en, output reg [3:0] c, output reg f);
  always @(posedge clk) begin
    if (rst) begin c <= 4'd0; f <= 1'b0; end
    else begin
      if (ld) c <= d; else if (en) c <= c + 4'd1;
      f <= f ^ (c == 4'd7);
    end
  end
endmodule
"""


def _fresh(net, **kw):
    seqsim._SIM_MEMO.clear()
    return seqsim.simulate(net, **kw)


def test_memo_hits_equal_fresh_runs(tmp_path):
    net = seqsim.load_texts({tmp_path / "memo_cnt.v": DESIGN}, "memo_cnt")
    long_fresh = _fresh(net, cycles=256, words=2)
    short_fresh = _fresh(net, cycles=192, words=2)
    held_fresh = _fresh(net, cycles=64, words=1, seed=7, hold_log2=4)
    assert long_fresh.any() and not np.array_equal(long_fresh[:64, :, :1], held_fresh)

    seqsim._SIM_MEMO.clear()
    before = dict(seqsim.SIM_MEMO_STATS)
    a = seqsim.simulate(net, cycles=256, words=2)
    b = seqsim.simulate(net, cycles=192, words=2)  # a prefix of the run above: a hit
    c = seqsim.simulate(net, cycles=256, words=2)
    d = seqsim.simulate(net, cycles=64, words=1, seed=7, hold_log2=4)  # other settings: simulated
    assert seqsim.SIM_MEMO_STATS["hit"] - before["hit"] == 2
    assert seqsim.SIM_MEMO_STATS["miss"] - before["miss"] == 2
    assert np.array_equal(a, long_fresh) and np.array_equal(c, long_fresh)
    assert np.array_equal(b, short_fresh)
    assert np.array_equal(d, held_fresh)
    # a hit is the caller's own copy: writing to it does not change what the next caller gets
    c[:] = 0
    assert np.array_equal(seqsim.simulate(net, cycles=256, words=2), long_fresh)


def test_memo_longer_run_after_shorter_one(tmp_path):
    """A longer run than the one kept is simulated (not padded) and then kept instead."""
    net = seqsim.load_texts({tmp_path / "memo_cnt.v": DESIGN}, "memo_cnt")
    want = _fresh(net, cycles=300, words=2)
    seqsim._SIM_MEMO.clear()
    short = seqsim.simulate(net, cycles=100, words=2)
    longer = seqsim.simulate(net, cycles=300, words=2)
    assert np.array_equal(short, want[:100]) and np.array_equal(longer, want)
    before = seqsim.SIM_MEMO_STATS["hit"]
    assert np.array_equal(seqsim.simulate(net, cycles=200, words=2), want[:200])
    assert seqsim.SIM_MEMO_STATS["hit"] == before + 1


def test_memo_keyed_by_netlist_object(tmp_path):
    """Two different netlists never share a trace (another design of the same shape)."""
    net = seqsim.load_texts({tmp_path / "memo_cnt.v": DESIGN}, "memo_cnt")
    other = seqsim.load_texts({tmp_path / "memo_cnt.v": DESIGN.replace("4'd7", "4'd3")}, "memo_cnt")
    seqsim._SIM_MEMO.clear()
    a = seqsim.simulate(net, cycles=128, words=1)
    b = seqsim.simulate(other, cycles=128, words=1)
    assert not np.array_equal(a, b)
    assert np.array_equal(b, _fresh(other, cycles=128, words=1))


def test_gate_netlist_memo_same_texts_one_yosys_run(tmp_path, monkeypatch):
    """linresub and gflin ask for the gate netlist of the same texts: one Yosys run, the same netlist as a
    fresh run; other texts (or another top) are elaborated again."""
    from rtlopt.semantic import linresub

    calls = []
    real = seqsim.yosys_json

    def counting(*a, **kw):
        calls.append(a[1])
        return real(*a, **kw)

    monkeypatch.setattr(seqsim, "yosys_json", counting)
    linresub._GATE_MEMO.clear()
    texts = {tmp_path / "memo_cnt.v": DESIGN}
    a = linresub.gate_netlist(texts, "memo_cnt", 30.0)
    b = linresub.gate_netlist(dict(texts), "memo_cnt", 30.0)
    assert len(calls) == 1 and b is a
    other = linresub.gate_netlist({tmp_path / "memo_cnt.v": DESIGN.replace("4'd7", "4'd3")}, "memo_cnt", 30.0)
    assert len(calls) == 2 and other != a
    linresub._GATE_MEMO.clear()
    fresh = linresub.gate_netlist(texts, "memo_cnt", 30.0)
    assert len(calls) == 3

    def shape(js):  # (source locations name the temporary directory: compare the logic)
        net = linresub._Net(js, "memo_cnt")
        return sorted(net.gates), net.inputs, net.outputs, sorted(net.flop_d.items())

    assert shape(fresh) == shape(a) and shape(other) != shape(a)
