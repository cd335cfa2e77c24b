// Phase-cut dimmer supervisor: duty in percent = on_time*100/period,
// flagged against a low and a high limit.
module duty_pct #(parameter W = 10) (
  input  [W-1:0] on_time, period,
  output [W+6:0] pct
);
  wire [W+6:0] scaled = on_time * 7'd100;
  assign pct = scaled / {7'd0, period};
endmodule

module duty_mon #(parameter W = 10, parameter LO = 10, parameter HI = 90) (
  input clk, input rst, input sample,
  input [W-1:0] on_time, period,
  output reg too_dim, output reg too_bright, output reg valid
);
  // floor(100*on/p) >= K  <=>  100*on >= K*p  (p > 0): no divider
  wire [W+6:0] scaled = on_time * 7'd100;
  wire [W+6:0] lo_lim = period * LO;
  wire [W+6:0] hi_lim = period * HI;
  always @(posedge clk)
    if (rst) begin
      too_dim <= 1'b0; too_bright <= 1'b0; valid <= 1'b0;
    end else if (sample) begin
      valid      <= (period != 0);
      too_dim    <= (period != 0) && (scaled < lo_lim);
      too_bright <= (period != 0) && (scaled >= hi_lim);
    end
endmodule

module dimmer_sup (
  input clk, input rst, input zc_edge,
  input [6:0] on_cnt, input [6:0] half_cycle,
  output dim, output bright, output ok
);
  duty_mon #(.W(7), .LO(15), .HI(85)) u_mon (.clk(clk), .rst(rst), .sample(zc_edge),
    .on_time(on_cnt), .period(half_cycle), .too_dim(dim), .too_bright(bright), .valid(ok));
endmodule
