// One left shift by the gain code; the bias is a constant slice.
module gain_stage (
  input  wire        clk,
  input  wire [7:0]  smp,
  input  wire [2:0]  g,
  output reg  [11:0] y
);
  wire [14:0] t = {7'd0, smp} << g;
  always @(posedge clk) y <= {1'b0, t[14:4]};
endmodule
