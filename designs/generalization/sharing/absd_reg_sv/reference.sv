// Pixel-difference stage of a frame-difference motion detector: the registered absolute
// difference of the current and background 10-bit pixels. One 11-bit subtraction; its borrow
// decides a conditional negate.
module px_diff (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       en,
  input  logic [9:0] cur,
  input  logic [9:0] bg,
  output logic [9:0] diff_q
);
  logic [10:0] d;
  assign d = {1'b0, cur} - {1'b0, bg};
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n)
      diff_q <= '0;
    else if (en)
      diff_q <= d[10] ? (~d[9:0] + 1'b1) : d[9:0];
  end
endmodule
