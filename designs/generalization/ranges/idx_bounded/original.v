module idxscan (
  input             clk, rst, start,
  input      [63:0] bits,
  output reg        hit
);
  reg [31:0] idx;
  always @(posedge clk) begin
    if (rst) begin
      idx <= 32'd0;
      hit <= 1'b0;
    end else if (start) begin
      idx <= 32'd0;
      hit <= 1'b0;
    end else if (idx < 32'd60) begin
      idx <= idx + 32'd3;
      hit <= hit | bits[idx];
    end
  end
endmodule
