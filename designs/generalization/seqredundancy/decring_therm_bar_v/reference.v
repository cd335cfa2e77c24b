// The bar is the thermometer code of the level.
module bar_meter (
  input            clk,
  input            rst,
  input            up,
  input            dn,
  output reg [3:0] level,
  output     [7:0] bar
);
  always @(posedge clk) begin
    if (rst)
      level <= 4'd0;
    else if (up && !dn && level != 4'd8)
      level <= level + 4'd1;
    else if (dn && !up && level != 4'd0)
      level <= level - 4'd1;
  end
  wire [8:0] t = (9'd1 << level) - 9'd1;
  assign bar = t[7:0];
endmodule
