// Signed 20-bit arithmetic shift with round-half-up, registered; the
// rounding bit is picked by a second bit-select in the same always block.
module asr_round (
  input  wire               clk,
  input  wire signed [19:0] a,
  input  wire [3:0]         k,
  output reg  signed [19:0] q
);
  reg signed [19:0] t;
  reg               r;
  always @(posedge clk) begin
    t = a >>> k;
    r = (k == 4'd0) ? 1'b0 : a[k - 4'd1];
    q <= t + $signed({19'd0, r});
  end
endmodule
