"""register_width_reduction of a timer that ends each controller state on its own ``==`` limit, read
through a slice above the new width (``t[15:3] != 0``): the slice cannot be re-sized in place, so the
narrow register sits behind a full-width alias wire with the bound of its step-guarding compares
(z3 over the timer's writes alone finds no global bound: yellow's limit is 3, red's 24). The
equivalence proof needs the per-state invariants ``ph == 1 -> t <= 3`` (verify._smt)."""

from __future__ import annotations

import pytest

from rtlopt.templates._regwidth import RegisterWidthReduction

RW = RegisterWidthReduction()

SEQ = """module seq (input clk, input rst, input skip, output reg [1:0] ph);
  reg [15:0] t;
  always @(posedge clk)
    if (rst) begin
      ph <= 2'd2;
      t  <= 16'd0;
    end else
      case (ph)
        2'd0: if (t == 16'd30 || (skip && t[15:3] != 13'd0)) begin ph <= 2'd1; t <= 16'd0; end
              else t <= t + 16'd1;
        2'd1: if (t == 16'd3) begin ph <= 2'd2; t <= 16'd0; end
              else t <= t + 16'd1;
        default: RED
      endcase
endmodule
"""
RED = "if (t == 16'd24) begin ph <= 2'd0; t <= 16'd0; end\n              else t <= t + 16'd1;"


def test_slice_read_timer_narrowed_behind_alias(tmp_path):
    text = SEQ.replace("RED", RED)
    ms = [m for m in RW.match(text) if "t 16 -> 5 bits" in m.description]
    assert ms, [m.description for m in RW.match(text)]
    new = RW.rewrite(text, ms[:1])
    assert "reg [4:0] t_q;" in new and "wire [15:0] t = t_q;" in new
    assert "t[15:3] != 13'd0" in new  # the read is kept as written


@pytest.mark.yosys
def test_slice_read_timer_narrowing_proves(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

    text = SEQ.replace("RED", RED)
    ms = [m for m in RW.match(text) if "t 16 -> 5 bits" in m.description]
    (tmp_path / "g.v").write_text(text)
    (tmp_path / "h.v").write_text(RW.rewrite(text, ms[:1]))
    r = check_equivalence(open_design(tmp_path / "g.v"), open_design(tmp_path / "h.v"),
                          VerifyOptions(timeout_s=120, engines=["smt"]))
    assert r.verdict == Verdict.EQUIVALENT, r.reason


def test_unguarded_step_with_slice_read_not_narrowed():
    # red counts on without a limit: no bound from compares, none from z3
    text = SEQ.replace("RED", "t <= t + 16'd1;")
    assert not [m.description for m in RW.match(text) if m.description.split(": ", 1)[-1].startswith("t 16")]
