// Level smoother for a VU meter: y <- y + floor((x - y) / 2^K) (same as (y*(2^K-1) + x) / 2^K).
module ema #(parameter int W = 12, parameter int K = 3) (
  input  logic clk, rst, en,
  input  logic [W-1:0] x,
  output logic [W-1:0] y
);
  logic signed [W:0] d;
  logic [W-1:0] nxt;
  always_comb begin
    d   = $signed({1'b0, x}) - $signed({1'b0, y});
    nxt = y + W'(d >>> K);
  end
  always_ff @(posedge clk) begin
    if (rst) y <= '0;
    else if (en) y <= nxt;
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
