// One +/-1 adder per channel (the back compare picks -1).
module two_steppers (
  input  logic        clk,
  input  logic        rst,
  input  logic        tick,
  input  logic [10:0] want_a,
  input  logic [10:0] want_b,
  output logic [10:0] at_a,
  output logic [10:0] at_b
);
  logic fa, ba, fb, bb;
  assign fa = at_a < want_a;
  assign ba = want_a < at_a;
  assign fb = at_b < want_b;
  assign bb = want_b < at_b;
  always_ff @(posedge clk)
    if (rst) begin
      at_a <= '0;
      at_b <= '0;
    end else if (tick) begin
      if (fa | ba) at_a <= at_a + {{10{ba}}, 1'b1};
      if (fb | bb) at_b <= at_b + {{10{bb}}, 1'b1};
    end
endmodule
