// Motion estimate: keep the previous distance (13 bits) instead of both previous coordinates.
module delta_track (
  input                    clk,
  input                    rst_n,
  input                    strobe,
  input  signed [11:0]     pos_x,
  input  signed [11:0]     pos_y,
  output signed [12:0]     sep,
  output reg signed [13:0] accel
);
  reg signed [12:0] sep_last;

  assign sep = pos_x - pos_y;

  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      sep_last <= 13'sd0;
      accel     <= 14'sd0;
    end else if (strobe) begin
      sep_last <= sep;
      accel     <= sep - sep_last;
    end
endmodule
