// One arithmetic shift with one extra fraction bit.
module asr_round (
  input  wire               clk,
  input  wire signed [19:0] a,
  input  wire [3:0]         k,
  output reg  signed [19:0] q
);
  wire signed [20:0] t = $signed({a, 1'b0}) >>> k;
  always @(posedge clk)
    q <= t[20:1] + t[0];
endmodule
