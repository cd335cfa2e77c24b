// Pulse-width monitor: one instance measures how long the input has been high (10-bit count, held
// at its maximum); a second instance flags a stuck-high input with its own counter that stops at
// LIMIT. Both clear while the input is low, so the flag counter is min(width, LIMIT).
module width_meter (
  input  wire clk, rst, in,
  output reg  [9:0] width
);
  always @(posedge clk)
    if (rst || !in) width <= 10'd0;
    else if (width != 10'h3ff) width <= width + 10'd1;
endmodule

module stuck_flag #(parameter LIMIT = 100) (
  input  wire clk, rst, in,
  output wire stuck
);
  reg [9:0] t;
  always @(posedge clk)
    if (rst)
      t <= 10'd0;
    else if (!in)
      t <= 10'd0;
    else if (t < LIMIT)
      t <= t + 10'd1;
  assign stuck = (t == LIMIT);
endmodule

module pulse_mon (
  input  wire clk, rst, in,
  output wire [9:0] width,
  output wire stuck
);
  width_meter u_w (.clk(clk), .rst(rst), .in(in), .width(width));
  stuck_flag #(.LIMIT(700)) u_s (.clk(clk), .rst(rst), .in(in), .stuck(stuck));
endmodule
