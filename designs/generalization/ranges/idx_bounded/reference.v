module idxscan (
  input             clk, rst, start,
  input      [63:0] bits,
  output reg        hit
);
  reg [5:0] idx;
  always @(posedge clk) begin
    if (rst) begin
      idx <= 6'd0;
      hit <= 1'b0;
    end else if (start) begin
      idx <= 6'd0;
      hit <= 1'b0;
    end else if (idx < 6'd60) begin
      idx <= idx + 6'd3;
      hit <= hit | bits[idx];
    end
  end
endmodule
