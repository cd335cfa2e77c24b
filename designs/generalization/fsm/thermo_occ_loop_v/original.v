// occupancy of an 8-entry queue kept as a thermometer code (t[k] = more than k entries)
module occ8 (clk, rst, push, pop, full, empty, level);
  input clk, rst, push, pop;
  output full, empty;
  output reg [3:0] level;
  reg [7:0] t;
  integer k;
  wire inc; assign inc = push & ~t[7] & ~(pop & t[0]);
  wire dec; assign dec = pop & t[0] & ~(push & ~t[7]);
  always @(posedge clk)
    if (rst) t <= 8'd0;
    else if (inc) t <= {t[6:0], 1'b1};
    else if (dec) t <= {1'b0, t[7:1]};
  assign full = t[7];
  assign empty = ~t[0];
  always @(*) begin
    level = 4'd0;
    for (k = 0; k < 8; k = k + 1) level = level + t[k];
  end
endmodule
