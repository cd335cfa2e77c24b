// Level smoother for a VU meter: y <- (y*(2^K - 1) + x) / 2^K, an exponential moving average.
module ema #(parameter int W = 12, parameter int K = 3) (
  input  logic clk, rst, en,
  input  logic [W-1:0] x,
  output logic [W-1:0] y
);
  logic [W+K:0] acc;
  always_comb acc = y * ((1 << K) - 1) + x;
  always_ff @(posedge clk) begin
    if (rst) y <= '0;
    else if (en) y <= acc[W+K-1:K];
  end
endmodule

module vu_smooth (
  input  logic clk, rst, en,
  input  logic [13:0] lvl_l, lvl_r,
  output logic [13:0] sm_l, sm_r
);
  ema #(.W(14), .K(4)) u_l (.clk, .rst, .en, .x(lvl_l), .y(sm_l));
  ema #(.W(14), .K(4)) u_r (.clk, .rst, .en, .x(lvl_r), .y(sm_r));
endmodule
