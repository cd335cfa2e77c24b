// One left shift by the gain code; the bias is a constant slice.
module gain_stage (
  input  wire        clk,
  input  wire [11:0] smp,
  input  wire [3:0]  g,
  output reg  [19:0] y
);
  wire [26:0] t = {15'd0, smp} << g;
  always @(posedge clk) y <= {1'b0, t[26:8]};
endmodule
