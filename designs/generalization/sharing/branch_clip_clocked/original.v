// Output limiter for one of two 16-bit sources, the limit logic written out in both branches.
module clip2 (
  input             clk,
  input             sel,
  input      [15:0] x1,
  input      [15:0] x2,
  input      [15:0] lim,
  output reg [15:0] q,
  output reg        hit
);
  always @(posedge clk)
    if (sel) begin
      if (x1 > lim) begin q <= lim; hit <= 1'b1; end
      else          begin q <= x1;  hit <= 1'b0; end
    end else begin
      if (x2 > lim) begin q <= lim; hit <= 1'b1; end
      else          begin q <= x2;  hit <= 1'b0; end
    end
endmodule
