// Linear interpolation: bg + a*(fg-bg), one (signed) multiplier per channel.
module blend_ch #(
  parameter int W = 8
) (
  input  logic [W-1:0] fg,
  input  logic [W-1:0] bg,
  input  logic [W:0]   alpha,
  output logic [W-1:0] out
);
  logic signed [W:0]     diff;
  logic signed [2*W+2:0] acc;
  always_comb begin
    diff = $signed({1'b0, fg}) - $signed({1'b0, bg});
    acc  = $signed({1'b0, alpha}) * diff + $signed({2'b0, bg, {W{1'b0}}});
    out  = acc[2*W-1:W];
  end
endmodule

module alpha_blend_rgb (
  input  logic        clk,
  input  logic [23:0] fg,
  input  logic [23:0] bg,
  input  logic [8:0]  alpha,
  output logic [23:0] px
);
  logic [23:0] mix;
  for (genvar c = 0; c < 3; c++) begin : g_ch
    blend_ch #(.W(8)) u_ch (.fg(fg[8*c +: 8]), .bg(bg[8*c +: 8]), .alpha(alpha), .out(mix[8*c +: 8]));
  end
  always_ff @(posedge clk) px <= mix;
endmodule
