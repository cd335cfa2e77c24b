// RGB888 alpha blender: out = (a*fg + (256-a)*bg) >> 8 per channel.
module blend_ch #(
  parameter int W = 8
) (
  input  logic [W-1:0] fg,
  input  logic [W-1:0] bg,
  input  logic [W:0]   alpha,     // 0 .. 2**W
  output logic [W-1:0] out
);
  logic [2*W+1:0] acc;
  always_comb begin
    acc = alpha * fg + ((2**W) - alpha) * bg;
    out = acc[2*W-1:W];
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
