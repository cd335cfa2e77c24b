// Over-temperature detector with hysteresis, one per sensor channel.
module hyst_cmp #(parameter W = 10) (
  input          clk,
  input          rst,
  input  [W-1:0] temp,
  input  [W-1:0] th_hi,
  input  [W-1:0] th_lo,
  output reg     hot
);
  always @(posedge clk) begin
    if (rst)                       hot <= 1'b0;
    else if (!hot && temp > th_hi) hot <= 1'b1;
    else if (hot && temp < th_lo)  hot <= 1'b0;
  end
endmodule

module thermal_mon (
  input         clk,
  input         rst,
  input  [47:0] temps,
  input  [11:0] th_hi,
  input  [11:0] th_lo,
  output [3:0]  hot
);
  genvar i;
  generate
    for (i = 0; i < 4; i = i + 1) begin : g_ch
      hyst_cmp #(.W(12)) u_h (.clk(clk), .rst(rst), .temp(temps[i*12 +: 12]), .th_hi(th_hi),
                              .th_lo(th_lo), .hot(hot[i]));
    end
  endgenerate
endmodule
