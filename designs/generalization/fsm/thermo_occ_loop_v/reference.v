// reference: the occupancy as a 4-bit binary up/down counter (the thermometer holds 9 values)
module occ8 (clk, rst, push, pop, full, empty, level);
  input clk, rst, push, pop;
  output full, empty;
  output reg [3:0] level;
  wire inc; assign inc = push & ~full & ~(pop & ~empty);
  wire dec; assign dec = pop & ~empty & ~(push & ~full);
  always @(posedge clk)
    if (rst) level <= 4'd0;
    else if (inc) level <= level + 4'd1;
    else if (dec) level <= level - 4'd1;
  assign full = (level == 4'd8);
  assign empty = (level == 4'd0);
endmodule
