// Two-bank scaler accumulator: two multiplier instances, their products read in the two arms of an if.
module umul #(parameter W = 8) (input [W-1:0] a, input [W-1:0] b, output [2*W-1:0] p);
  assign p = a * b;
endmodule

module bank_acc (
  input             clk,
  input             rst,
  input             bank,
  input      [7:0]  x,
  input      [7:0]  k0,
  input      [7:0]  k1,
  output reg [19:0] acc
);
  wire [15:0] q0, q1;
  umul #(.W(8)) m0 (.a(x), .b(k0), .p(q0));
  umul #(.W(8)) m1 (.a(x), .b(k1), .p(q1));
  always @(posedge clk)
    if (rst)       acc <= 20'd0;
    else if (bank) acc <= acc + q1;
    else           acc <= acc + q0;
endmodule
