// Event statistics: rising-edge and falling-edge counters on the same signal, one
// generic edge-counter instance per polarity.
module edge_cnt #(parameter W = 16, parameter RISE = 1) (
  input              clk,
  input              rst,
  input              x,
  output reg [W-1:0] count
);
  reg prev;
  wire hit = RISE ? (x & ~prev) : (~x & prev);
  always @(posedge clk) begin
    if (rst) begin
      prev  <= 1'b0;
      count <= {W{1'b0}};
    end else begin
      prev <= x;
      if (hit) count <= count + 1'b1;
    end
  end
endmodule

module edge_stats (
  input         clk,
  input         rst,
  input         x,
  output [11:0] rises,
  output [11:0] falls
);
  edge_cnt #(.W(12), .RISE(1)) u_rise (.clk(clk), .rst(rst), .x(x), .count(rises));
  edge_cnt #(.W(12), .RISE(0)) u_fall (.clk(clk), .rst(rst), .x(x), .count(falls));
endmodule
