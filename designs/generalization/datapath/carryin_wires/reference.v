// One adder: the overflow flag is the carry-in.
module blk_exp (
  input  wire              clk,
  input  wire signed [9:0] ex,
  input  wire signed [9:0] shift,
  input  wire              ovf,
  output reg  signed [9:0] ex_q
);
  always @(posedge clk)
    ex_q <= ex - shift + 10'sd4 + $signed({1'b0, ovf});
endmodule
