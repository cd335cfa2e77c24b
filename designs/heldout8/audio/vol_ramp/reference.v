// One adder per channel adds +1 or -1 (the direction picks the addend) instead of an incrementer,
// a decrementer and a mux.
module stereo_vol (
  input             clk,
  input             rst,
  input             tick,
  input      [11:0] tgt_l,
  input      [11:0] tgt_r,
  output reg [11:0] gain_l,
  output reg [11:0] gain_r
);
  wire up_l = gain_l < tgt_l, dn_l = gain_l > tgt_l;
  wire up_r = gain_r < tgt_r, dn_r = gain_r > tgt_r;
  always @(posedge clk) begin
    if (rst) begin
      gain_l <= 12'd0;
      gain_r <= 12'd0;
    end else if (tick) begin
      if (up_l | dn_l) gain_l <= gain_l + {{11{dn_l}}, 1'b1};
      if (up_r | dn_r) gain_r <= gain_r + {{11{dn_r}}, 1'b1};
    end
  end
endmodule
