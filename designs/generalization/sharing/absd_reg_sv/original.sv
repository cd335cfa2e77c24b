// Pixel-difference stage of a frame-difference motion detector: the registered absolute
// difference of the current and background 10-bit pixels, an enable per beat.
module px_diff (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       en,
  input  logic [9:0] cur,
  input  logic [9:0] bg,
  output logic [9:0] diff_q
);
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n)
      diff_q <= '0;
    else if (en) begin
      if (cur < bg) diff_q <= bg - cur;
      else          diff_q <= cur - bg;
    end
  end
endmodule
