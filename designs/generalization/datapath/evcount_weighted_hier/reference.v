// Count the valid lanes (4 bits), then add twice the count once.
module lane_bytes (
  input  wire        clk,
  input  wire        clr,
  input  wire [7:0]  lane_vld,
  output reg  [23:0] total
);
  reg [3:0] n;
  integer k;
  always @(*) begin
    n = 4'd0;
    for (k = 0; k < 8; k = k + 1)
      n = n + lane_vld[k];
  end
  always @(posedge clk)
    if (clr) total <= 24'd0;
    else     total <= total + {n, 1'b0};
endmodule

module rx_byte_stats (
  input  wire        clk,
  input  wire        clr,
  input  wire [7:0]  vld,
  output wire [23:0] rx_bytes
);
  lane_bytes u_lanes (.clk(clk), .clr(clr), .lane_vld(vld), .total(rx_bytes));
endmodule
