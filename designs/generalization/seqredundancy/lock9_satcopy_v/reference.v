// Pulse-width monitor: the flag counter was always min(width, LIMIT): stuck = width >= LIMIT.
module width_meter (
  input  wire clk, rst, in,
  output reg  [9:0] width
);
  always @(posedge clk)
    if (rst || !in) width <= 10'd0;
    else if (width != 10'h3ff) width <= width + 10'd1;
endmodule

module pulse_mon (
  input  wire clk, rst, in,
  output wire [9:0] width,
  output wire stuck
);
  width_meter u_w (.clk(clk), .rst(rst), .in(in), .width(width));
  assign stuck = (width >= 10'd700);
endmodule
