// Cursor over 8 LEDs moved left or right; the position is the one-hot cursor encoded by an OR tree.
module cursor8 (
  input            clk,
  input            rst,
  input            home,
  input            mv_l,
  input            mv_r,
  output reg [7:0] led,
  output     [2:0] pos
);
  always @(posedge clk) begin
    if (rst || home) led <= 8'h10;
    else if (mv_l)   led <= {led[6:0], led[7]};
    else if (mv_r)   led <= {led[0], led[7:1]};
  end
  assign pos[2] = led[4] | led[5] | led[6] | led[7];
  assign pos[1] = led[2] | led[3] | led[6] | led[7];
  assign pos[0] = led[1] | led[3] | led[5] | led[7];
endmodule
