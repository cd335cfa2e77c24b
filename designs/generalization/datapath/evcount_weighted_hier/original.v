// Byte counter: each of 8 lanes that is valid delivers 2 bytes; the total is accumulated in 24 bits.
module lane_bytes (
  input  wire        clk,
  input  wire        clr,
  input  wire [7:0]  lane_vld,
  output reg  [23:0] total
);
  reg [23:0] t_next;
  integer k;
  always @(*) begin
    t_next = total;
    for (k = 7; k >= 0; k = k - 1)
      if (lane_vld[k])
        t_next = t_next + 24'd2;
  end
  always @(posedge clk)
    if (clr) total <= 24'd0;
    else     total <= t_next;
endmodule

module rx_byte_stats (
  input  wire        clk,
  input  wire        clr,
  input  wire [7:0]  vld,
  output wire [23:0] rx_bytes
);
  lane_bytes u_lanes (.clk(clk), .clr(clr), .lane_vld(vld), .total(rx_bytes));
endmodule
