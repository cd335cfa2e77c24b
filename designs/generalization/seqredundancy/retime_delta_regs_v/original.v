// Motion estimate: current x/y distance minus the previous sample's distance.
module delta_track (
  input                    clk,
  input                    rst_n,
  input                    strobe,
  input  signed [11:0]     pos_x,
  input  signed [11:0]     pos_y,
  output signed [12:0]     sep,
  output reg signed [13:0] accel
);
  reg signed [11:0] x_last;
  reg signed [11:0] y_last;

  assign sep = pos_x - pos_y;

  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      x_last <= 12'sd0;
      y_last <= 12'sd0;
      accel  <= 14'sd0;
    end else if (strobe) begin
      x_last <= pos_x;
      y_last <= pos_y;
      accel  <= sep - (x_last - y_last);
    end
endmodule
