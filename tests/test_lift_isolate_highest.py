"""Lifting: the one-hot of the highest set bit (``isolate_highest``), also as the decode ``1 << i`` of a
highest-index priority encoder ``i`` (which decodes to bit 0 when no bit is set), is offered as a
prefix-OR form ``y[p] = x[p] & ~|x[n-1:p+1]`` with no encoder and no decoder. Recognised in a casez
table + shift, a loop + case decoder, and a generate tree of 2:1 stages; proven; near misses (the lowest
set bit decoded, a decoder of an index that is not a priority encoding, a wrong arm) are not lifted
to it."""

from __future__ import annotations

import numpy as np
import pytest

from rtlopt.semantic.lift import Operand, _isolate_highest_expr, match_target

N = 1 << 8


def _op(w: int) -> Operand:
    return Operand("x", "x", w, np.arange(1 << w, dtype=np.uint64), False, True, (), 0)


def _iso_hi(v: int, w: int) -> int:
    return 0 if v == 0 else 1 << (v.bit_length() - 1)


@pytest.mark.parametrize("forced", [False, True])
def test_matcher_and_form_exhaustive(forced):
    w = 6
    x = _op(w)
    t = np.array([_iso_hi(v | (1 if forced else 0), w) for v in range(1 << w)], dtype=np.uint64)
    got = {k: e for k, _o, e in match_target(t, w, [x])}
    assert "isolate_highest" in got, sorted(got)
    expr = got["isolate_highest"][0]
    assert expr == _isolate_highest_expr(x, 0 if forced else -1)
    # evaluate the emitted form bit by bit (y[p] = x[p] & ~|x[n-1:p+1]; bit 0 forced: ~|x[n-1:1])
    for v in range(1 << w):
        y = 0
        for p in range(w):
            above = v >> (p + 1)
            b = (1 if above == 0 else 0) if (forced and p == 0) else ((v >> p) & 1 and above == 0)
            y |= int(bool(b)) << p
        assert y == t[v]


def test_lowest_bit_is_not_isolate_highest():
    w = 6
    x = _op(w)
    t = np.array([v & -v for v in range(1 << w)], dtype=np.uint64)
    kinds = {k for k, _o, _e in match_target(t, w, [x])}
    assert "isolate_highest" not in kinds and "isolate_lowest" in kinds


STYLES = {
    # priority casez table, then a shift decoder
    "casez_shift": """module m(input [7:0] x, output [7:0] y);
  reg [2:0] i;
  always @* casez (x)
    8'b1???????: i = 3'd7; 8'b01??????: i = 3'd6; 8'b001?????: i = 3'd5; 8'b0001????: i = 3'd4;
    8'b00001???: i = 3'd3; 8'b000001??: i = 3'd2; 8'b0000001?: i = 3'd1; default: i = 3'd0;
  endcase
  assign y = 8'd1 << i;
endmodule""",
    # last-one-wins loop, then a case decoder into a one-hot vector (zero when nothing is set)
    "loop_case": """module m(input [7:0] x, output reg [7:0] y);
  integer k;
  reg [2:0] i;
  reg any;
  always @* begin
    i = 0; any = 0;
    for (k = 0; k < 8; k = k + 1) if (x[k]) begin i = k; any = 1; end
    y = 0;
    if (any) y[i] = 1'b1;
  end
endmodule""",
    # a generate tree of 2:1 priority stages (SystemVerilog), decoded with a shift
    "tree_sv": """module m(input logic [7:0] x, output logic [7:0] y);
  logic [3:0] v1; logic [3:0] e1;
  logic [1:0] v2; logic [3:0] e2;
  logic [2:0] e3;
  for (genvar n = 0; n < 4; n++) begin : l1
    assign v1[n] = x[2*n+1] | x[2*n];
    assign e1[n] = x[2*n+1];
  end
  for (genvar n = 0; n < 2; n++) begin : l2
    assign v2[n] = v1[2*n+1] | v1[2*n];
    assign e2[2*n +: 2] = v1[2*n+1] ? {1'b1, e1[2*n+1]} : {1'b0, e1[2*n]};
  end
  assign e3 = v2[1] ? {1'b1, e2[3:2]} : {1'b0, e2[1:0]};
  assign y = 8'b1 << e3;
endmodule""",
}

NEGATIVE = {
    # lowest set bit wins: that is isolate_lowest, not this
    "lowest_wins": """module m(input [7:0] x, output [7:0] y);
  reg [2:0] i;
  integer k;
  always @* begin i = 0; for (k = 7; k >= 0; k = k - 1) if (x[k]) i = k; end
  assign y = 8'd1 << i;
endmodule""",
    # decoder of a plain slice: no priority
    "plain_decoder": """module m(input [7:0] x, output [7:0] y);
  assign y = 8'd1 << x[2:0];
endmodule""",
    # one arm of the table wrong (bit 5 maps to index 4)
    "wrong_arm": """module m(input [7:0] x, output [7:0] y);
  reg [2:0] i;
  always @* casez (x)
    8'b1???????: i = 3'd7; 8'b01??????: i = 3'd6; 8'b001?????: i = 3'd4; 8'b0001????: i = 3'd4;
    8'b00001???: i = 3'd3; 8'b000001??: i = 3'd2; 8'b0000001?: i = 3'd1; default: i = 3'd0;
  endcase
  assign y = 8'd1 << i;
endmodule""",
}


def _lifts(tmp_path, src, suffix="v"):
    from rtlopt.semantic.lift import lift_module
    from rtlopt.semantic.netlist import elaborate_modules
    f = tmp_path / f"m.{suffix}"
    f.write_text(src + "\n")
    return f, lift_module(elaborate_modules([f], ["m"])["m"])


@pytest.mark.yosys
@pytest.mark.parametrize("style", sorted(STYLES))
def test_isolate_highest_lifted_and_proven(tmp_path, style):
    from rtlopt.design import open_design
    from rtlopt.semantic.emit import apply_lift
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
    suffix = "sv" if style.endswith("_sv") else "v"
    src = STYLES[style]
    f, lifts = _lifts(tmp_path, src, suffix)
    lf = next((x for x in lifts if x.lhs == "y" and x.kind == "isolate_highest"), None)
    assert lf is not None, [(x.lhs, x.kind) for x in lifts]
    new = apply_lift(src + "\n", "m", lf.targets, lf.operands, lf.lhs, lf.exprs[0])
    assert new is not None and "~|" in new
    g = tmp_path / f"new.{suffix}"
    g.write_text(new)
    res = check_equivalence(open_design([f], "m"), open_design([g], "m"), VerifyOptions(timeout_s=120))
    assert res.verdict is Verdict.EQUIVALENT, (new, res)


@pytest.mark.yosys
@pytest.mark.parametrize("case", sorted(NEGATIVE))
def test_near_misses_not_lifted_to_isolate_highest(tmp_path, case):
    _f, lifts = _lifts(tmp_path, NEGATIVE[case])
    assert "isolate_highest" not in {x.kind for x in lifts}
