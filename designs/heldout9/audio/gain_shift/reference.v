// Sign-magnitude gain stage in 6 dB steps: the magnitude is shifted left (boost) or right (cut)
// by n places; one right shifter, with the operand and result bit-reversed for a left shift.
module mag_shift #(parameter W = 16) (
  input  wire [W-1:0] mag,
  input  wire [2:0] n,
  input  wire boost,
  output wire [W-1:0] y
);
  function [W-1:0] rev;
    input [W-1:0] v;
    integer i;
    for (i = 0; i < W; i = i + 1) rev[i] = v[W-1-i];
  endfunction
  wire [W-1:0] src = boost ? rev(mag) : mag;
  wire [W-1:0] sh  = src >> n;
  assign y = boost ? rev(sh) : sh;
endmodule

module gain_stage (
  input  wire clk, rst,
  input  wire [17:0] s_in,      // {sign, 17-bit magnitude}
  input  wire [2:0] n,
  input  wire boost,
  output reg  [17:0] s_out
);
  wire [16:0] m;
  mag_shift #(.W(17)) u_sh (.mag(s_in[16:0]), .n(n), .boost(boost), .y(m));
  always @(posedge clk)
    if (rst) s_out <= 18'd0;
    else s_out <= {s_in[17], m};
endmodule
