// One multiplier on the bank-selected coefficient.
module bank_acc (
  input             clk,
  input             rst,
  input             bank,
  input      [7:0]  x,
  input      [7:0]  k0,
  input      [7:0]  k1,
  output reg [19:0] acc
);
  wire [15:0] q = x * (bank ? k1 : k0);
  always @(posedge clk)
    if (rst) acc <= 20'd0;
    else     acc <= acc + q;
endmodule
