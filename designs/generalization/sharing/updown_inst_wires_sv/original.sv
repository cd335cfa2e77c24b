// Two stepper channels (sub-module instances); the direction compares are named wires and the
// steps sit in an if/else-if of an always_ff.
module stepper #(parameter int W = 8) (
  input  logic         clk,
  input  logic         rst,
  input  logic         tick,
  input  logic [W-1:0] want,
  output logic [W-1:0] at
);
  logic fwd, back;
  assign fwd  = at < want;
  assign back = want < at;
  always_ff @(posedge clk)
    if (rst) at <= '0;
    else if (tick) begin
      if (fwd)       at <= at + 1'b1;
      else if (back) at <= at - 1'b1;
    end
endmodule

module two_steppers (
  input  logic        clk,
  input  logic        rst,
  input  logic        tick,
  input  logic [10:0] want_a,
  input  logic [10:0] want_b,
  output logic [10:0] at_a,
  output logic [10:0] at_b
);
  stepper #(.W(11)) u_a (.clk, .rst, .tick, .want(want_a), .at(at_a));
  stepper #(.W(11)) u_b (.clk, .rst, .tick, .want(want_b), .at(at_b));
endmodule
