// Bar-graph level meter: a thermometer register beside the level count, both moved by up/down.
module bar_meter (
  input            clk,
  input            rst,
  input            up,
  input            dn,
  output reg [3:0] level,
  output reg [7:0] bar
);
  always @(posedge clk) begin
    if (rst) begin
      level <= 4'd0;
      bar   <= 8'h00;
    end else if (up && !dn && level != 4'd8) begin
      level <= level + 4'd1;
      bar   <= {bar[6:0], 1'b1};
    end else if (dn && !up && level != 4'd0) begin
      level <= level - 4'd1;
      bar   <= bar >> 1;
    end
  end
endmodule
