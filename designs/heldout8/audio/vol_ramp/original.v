// Click-free volume control: the gain steps by one toward the target on each ramp tick.
module vol_ramp #(parameter W = 8) (
  input              clk,
  input              rst,
  input              tick,
  input      [W-1:0] target,
  output reg [W-1:0] gain
);
  always @(posedge clk) begin
    if (rst) gain <= {W{1'b0}};
    else if (tick) begin
      if (gain < target)      gain <= gain + 1'b1;
      else if (gain > target) gain <= gain - 1'b1;
    end
  end
endmodule

module stereo_vol (
  input         clk,
  input         rst,
  input         tick,
  input  [11:0] tgt_l,
  input  [11:0] tgt_r,
  output [11:0] gain_l,
  output [11:0] gain_r
);
  vol_ramp #(.W(12)) u_l (.clk(clk), .rst(rst), .tick(tick), .target(tgt_l), .gain(gain_l));
  vol_ramp #(.W(12)) u_r (.clk(clk), .rst(rst), .tick(tick), .target(tgt_r), .gain(gain_r));
endmodule
