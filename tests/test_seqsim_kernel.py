"""The sequential simulator's kernel (rtlopt.semantic.seqsim): every gate group's inputs gathered with
one index, every flip-flop's reset applied at once, the three-valued mux in fewer operations. Checked
against per-gate and per-flop evaluation with the scalar formulas: each recorded cycle (``watch`` = all
signals) must be what each gate and each flop computes alone, two- and three-valued, with reset values
0 and 1, active-high and active-low resets, and free (x) bits."""

from __future__ import annotations

import numpy as np
import pytest

from rtlopt.semantic import seqsim

pytestmark = pytest.mark.yosys

_DESIGN = """module cell(input clk, input rst_n, input [3:0] a, input [3:0] d, output reg [3:0] q);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) q <= 4'b1010;
    else q <= (q == 4'd0) ? a : (q - 1'b1) ^ (a / d);
endmodule

module top(input clk, input rst_n, input go, input [3:0] a, input [3:0] d, output [3:0] q, output reg [2:0] st,
           output reg flag);
  cell u(.clk(clk), .rst_n(rst_n), .a(a), .d(d), .q(q));
  always @(posedge clk) begin
    if (!rst_n) begin st <= 3'd5; flag <= 1'b0; end
    else begin
      case (st)
        3'd0: st <= go ? 3'd1 : 3'd0;
        3'd1: st <= (a > d) ? 3'd2 : 3'd4;
        3'd2: st <= 3'd3;
        default: st <= go ? 3'd0 : st + 3'd1;
      endcase
      flag <= (st == 3'd3) | (q[0] & go);
    end
  end
endmodule
"""


def _old_t_mux(a, b, s):  # the formula before (the oracle)
    (va, ka), (vb, kb), (vs, ks) = a, b, s
    v = (va & ~vs) | (vb & vs)
    k = (ks & ((ka & ~vs) | (kb & vs))) | (~ks & ka & kb & ~(va ^ vb))
    v = (v & ks) | (va & ~ks)
    return v, k


def test_three_valued_mux_is_the_same_function_bit_for_bit():
    rng = np.random.default_rng(1)
    parts = [rng.integers(0, 2**64, size=(64, 2), dtype=np.uint64) for _ in range(6)]
    va, ka, vb, kb, vs, ks = parts
    assert all((x == y).all() for x, y in zip(seqsim._t_mux((va, ka), (vb, kb), (vs, ks)),
                                              _old_t_mux((va, ka), (vb, kb), (vs, ks)), strict=True))


def _net(tmp_path):
    f = tmp_path / "d.v"
    f.write_text(_DESIGN)
    net = seqsim.load([f], "top", timeout=120)
    assert net.free, "the division by a divisor that may be 0 gives free bits"
    assert {f.rst_value for f in net.flops if f.rst is not None} == {0, 1}
    assert {f.rst_active for f in net.flops if f.rst is not None} == {0}
    return net


def _check(net, vals, known=None):
    """Every gate's output per cycle is its scalar evaluation; every flop's next value its reset mux."""
    tern = known is not None
    for t_, o, ins in net.gates:
        if tern:
            got = seqsim._eval3(t_, [(vals[:, i], known[:, i]) for i in ins]) if t_ not in ("$_MUX_", "$_NMUX_") \
                else _old_t_mux(*[(vals[:, i], known[:, i]) for i in ins])
            if t_ == "$_NMUX_":
                got = seqsim._t_not(got)
            kk = got[1] & known[:, o]
            assert (got[1] == known[:, o]).all(), t_
            assert ((got[0] ^ vals[:, o]) & kk).sum() == 0, t_
        else:
            assert (seqsim._eval(t_, [vals[:, i] for i in ins]) == vals[:, o]).all(), t_
    for f in net.flops:
        d, q = vals[:-1, f.d], vals[1:, f.q]
        if f.rst is None:
            if tern:
                assert (known[1:, f.q] == known[:-1, f.d]).all()
                assert ((d ^ q) & known[1:, f.q]).sum() == 0
            else:
                assert (d == q).all()
            continue
        rv = seqsim.ONES if f.rst_value else np.uint64(0)
        r = vals[:-1, f.rst] if f.rst_active else ~vals[:-1, f.rst]
        if tern:
            ev, ek = _old_t_mux((d, known[:-1, f.d]), (np.full_like(d, rv), np.full_like(d, seqsim.ONES)),
                                (r, known[:-1, f.rst]))
            assert (ek == known[1:, f.q]).all()
            assert ((ev ^ q) & ek).sum() == 0
        else:
            assert (((d & ~r) | (rv & r)) == q).all()


def test_named_runs_match_per_gate_and_per_flop_evaluation(tmp_path):
    net = _net(tmp_path)
    every = list(range(net.nsig))
    for hold in (0, 3):
        vals = seqsim._simulate_named(net, 64, 2, 7, 3, hold, every, 107)
        _check(net, vals)
        vals, known = seqsim._simulate_named(net, 64, 2, 7, 3, hold, every, 107, ternary=True)
        assert (known != seqsim.ONES).any() and (known != 0).any()  # x and known values both occur
        _check(net, vals, known)


def test_plain_runs_match_per_gate_and_per_flop_evaluation(tmp_path):
    net = _net(tmp_path)
    vals = seqsim.simulate(net, 64, 2, 5, 3, 0, list(range(net.nsig)))
    _check(net, vals)
    # the flip-flop trace (no watch) is the recorded q values one cycle on
    flops = seqsim.simulate(net, 64, 2, 5, 3, 0)
    qs = [f.q for f in net.flops]
    assert (flops[:-1] == vals[1:][:, qs]).all()
