// Schmitt trigger per channel, the comparisons in && conditions of an if-chain, in a
// generate loop of sub-module instances.
module schmitt #(parameter W = 8) (
  input          clk,
  input          rst,
  input  [W-1:0] v,
  input  [W-1:0] up,
  input  [W-1:0] dn,
  output reg     q
);
  always @(posedge clk)
    if (rst)                q <= 1'b0;
    else if (~q && v >= up) q <= 1'b1;
    else if (q && v <= dn)  q <= 1'b0;
endmodule

module schmitt_bank (
  input         clk,
  input         rst,
  input  [23:0] v,
  input  [7:0]  up,
  input  [7:0]  dn,
  output [2:0]  q
);
  genvar i;
  generate
    for (i = 0; i < 3; i = i + 1) begin : g
      schmitt #(.W(8)) u (.clk(clk), .rst(rst), .v(v[8*i +: 8]), .up(up), .dn(dn), .q(q[i]));
    end
  endgenerate
endmodule
