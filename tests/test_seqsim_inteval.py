"""seqsim's compiled integer evaluator (rtlopt.semantic._inteval) gives the numpy loop's traces bit for bit
(plain and port-keyed simulations, watched signals, held inputs, random start states, injected reset
values, final states), and steps aside where it would not pay (many lanes) or cannot mirror ``v``."""

from __future__ import annotations

import numpy as np
import pytest

from rtlopt.semantic import _inteval, seqsim

pytestmark = pytest.mark.yosys

# a divider-like deep datapath (restoring division by a register), an async-low reset flag, a mux
# chain: many levels and every common gate type
DESIGN_V = """
module ie_div(input clk, input rst_n, input [5:0] a, input [2:0] b, input go, output reg [5:0] q,
              output reg done, output [2:0] r);
  reg [2:0] bb;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin q <= 6'd0; done <= 1'b0; bb <= 3'd1; end
    else begin
      if (go) begin bb <= (b == 3'd0) ? 3'd1 : b; q <= a / bb; end
      done <= go ^ done;
    end
  assign r = q[2:0] ^ {3{done}} ^ (a % bb);
endmodule
"""

# SystemVerilog, a case table and a generate loop over a shift history
DESIGN_SV = """
module ie_hist #(parameter int N = 5) (input logic clk, input logic rst, input logic d, input logic [1:0] m,
                                     output logic [N-1:0] h, output logic y);
  logic [N-1:0] nx;
  for (genvar i = 0; i < N; i++) begin : g
    if (i == 0) assign nx[i] = d; else assign nx[i] = h[i-1];
  end
  always_ff @(posedge clk) if (rst) h <= '0; else h <= nx;
  always_comb begin
    unique case (m)
      2'd0: y = &h;
      2'd1: y = |h;
      2'd2: y = ^h;
      default: y = h[N-1] & ~d;
    endcase
  end
endmodule
"""


def _both(monkeypatch, fn):
    """(numpy result, integer-evaluator result) of ``fn()``."""
    real = seqsim._int_evaluator
    monkeypatch.setattr(seqsim, "_int_evaluator", lambda *a, **k: None)
    ref = fn()
    monkeypatch.setattr(seqsim, "_int_evaluator", real)
    return ref, fn()


def _same(a, b) -> bool:
    if isinstance(a, tuple):
        return len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))
    return np.array_equal(a, b)


@pytest.mark.parametrize("name,text,top", [("ie_div.v", DESIGN_V, "ie_div"), ("ie_hist.sv", DESIGN_SV, "ie_hist")])
def test_traces_equal_the_numpy_loop(tmp_path, monkeypatch, name, text, top):
    net = seqsim.load_texts({tmp_path / name: text}, top)
    ds = np.array([f.d for f in net.flops], dtype=np.int64)
    assert seqsim._int_evaluator(net, 2, [], None, None, ds) is not None  # (the fast path is taken)
    watch = sorted({g[1] for g in net.gates[:: max(1, len(net.gates) // 6)]})
    for words, cycles, hold, rr, w in [(1, 1, 0, 1, None), (2, 60, 0, 2, None), (4, 33, 2, 3, watch),
                                       (2, 50, 3, 1, watch)]:
        ref, got = _both(monkeypatch, lambda w=w, words=words, cycles=cycles, hold=hold, rr=rr:
                         seqsim._simulate_plain(net, cycles, words, 3, rr, hold, w))
        assert (cycles == 1 or ref.any()) and _same(ref, got), (words, cycles, hold, w)
        for kw in ({}, {"start_seed": 5}, {"inject": [0, len(net.flops) - 1]}, {"final": True}):
            ref, got = _both(monkeypatch, lambda w=w, words=words, cycles=cycles, hold=hold, rr=rr, kw=kw:
                             seqsim._simulate_named(net, cycles, words, 3, rr, hold, w, 11, **kw))
            assert _same(ref, got), (words, cycles, hold, w, kw)
    # a three-valued run keeps the numpy loop (and is not disturbed by a two-valued one before it)
    ref, got = _both(monkeypatch, lambda: seqsim._simulate_named(net, 20, 2, 3, 2, 0, None, 11, ternary=True))
    assert _same(ref, got)


def test_steps_aside(tmp_path):
    # (a netlist of its own: load_texts keeps netlists by content, the other test's has its function)
    net = seqsim.load_texts({tmp_path / "ie_div.v": DESIGN_V + "// steps aside\n"}, "ie_div")
    ds = np.array([f.d for f in net.flops], dtype=np.int64)
    # a short run of a netlist whose function is not generated yet stays with numpy; a long one generates it,
    # and then a short one uses it too
    assert seqsim._int_evaluator(net, 2, [], None, None, ds, cycles=1) is None
    assert seqsim._int_evaluator(net, 2, [], None, None, ds, cycles=100_000) is not None
    assert seqsim._int_evaluator(net, 2, [], None, None, ds, cycles=1) is not None
    # many lanes on a small netlist: numpy's per-call cost is shared by the lanes, it is faster
    assert seqsim._int_evaluator(net, 4096, [], None, None, ds) is None
    # a gate output that the caller also writes between cycles: the mirror would not be exact
    assert seqsim._int_evaluator(net, 2, [net.gates[-1][1]], None, None, ds) is None


def test_lane_conversion_round_trip():
    a = np.array([[0, 1], [0xFFFFFFFFFFFFFFFF, 2**63], [5, 0]], dtype=np.uint64)
    xs = _inteval.rows_to_ints(a)
    assert xs == [1 << 64, (2**63 << 64) | 0xFFFFFFFFFFFFFFFF, 5]
    assert np.array_equal(_inteval.ints_to_rows(xs, 2), a)


@pytest.mark.parametrize("k,shape", [(0, (2,)), (1, (3, 2)), (2, (2,)), (5, (4, 3)), (62, (1,))])
def test_and_draws_equal_one_draw_per_word(k, shape):
    """seqsim._and_draws (one rng call for the k words ANDed: held inputs, rare resets) gives the words and
    leaves the stream where k calls of one word each do."""
    a, b = np.random.default_rng([5, k]), np.random.default_rng([5, k])
    ref = a.integers(0, 2**64, size=shape, dtype=np.uint64)
    for _ in range(k - 1):
        ref &= a.integers(0, 2**64, size=shape, dtype=np.uint64)
    got = seqsim._and_draws(b, k, shape)
    assert got.shape == ref.shape and np.array_equal(got, ref)
    assert np.array_equal(a.integers(0, 2**64, size=4, dtype=np.uint64), b.integers(0, 2**64, size=4, dtype=np.uint64))
