"""exclusive_operator_sharing leaves out operations whose guard never holds at the design's parameter values.

verilog-axis axis_async_fifo (FRAME_FIFO = 0) got "one 13-bit adder/subtractor shared by 7 exclusive
operations" from ``FRAME_FIFO ? wr_ptr_commit_sync_reg - rd_ptr_reg : wr_ptr_conv_reg - rd_ptr_reg`` and
equalities read only under FRAME_FIFO: an arm that is never taken is exclusive with everything vacuously,
synthesis drops it anyway, and the "shared" unit computed one live operation.
"""

from rtlopt.templates._share import ExclusiveOperatorSharing

DEAD = """module m #(parameter P = 0) (input [7:0] a, b, c, output [7:0] x);
assign x = P ? (c - b) : (a - b);
endmodule
"""

# the same arms selected by an input: both live, exclusive, shared as before
LIVE = """module m (input s, input [7:0] a, b, c, output [7:0] x);
assign x = s ? (c - b) : (a - b);
endmodule
"""

# SV, parameter taken (P = 1): the else arm is the dead one; a live third operation under an input select
DEAD_SV = """module m #(parameter bit P = 1'b1) (input logic s, input logic [7:0] a, b, c, d, output logic [7:0] x);
  always_comb begin
    if (P) begin
      if (s) x = a + d;
      else   x = c - b;
    end else begin
      x = a - b;
    end
  end
endmodule
"""


def _descs(text: str) -> list[str]:
    return [m.description for m in ExclusiveOperatorSharing().match(text)]


def test_parameter_dead_arm_is_not_shared():
    assert _descs(DEAD) == []


def test_input_selected_arms_still_shared():
    d = _descs(LIVE)
    assert d and all("2 exclusive operations" in x for x in d)


def test_dead_else_left_out_live_arms_shared():
    d = _descs(DEAD_SV)
    assert d, "the two live arms under s are exclusive"
    assert all("(a - b)" not in x and "a - b" not in x.split("(", 1)[-1] for x in d), d
    assert all("2 exclusive operations" in x for x in d), d
