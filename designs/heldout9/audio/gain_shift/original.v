// Sign-magnitude gain stage in 6 dB steps: the magnitude is shifted left (boost) or right (cut)
// by n places; two barrel shifters and a select.
module mag_shift #(parameter W = 16) (
  input  wire [W-1:0] mag,
  input  wire [2:0] n,
  input  wire boost,
  output wire [W-1:0] y
);
  wire [W-1:0] up = mag << n;
  wire [W-1:0] dn = mag >> n;
  assign y = boost ? up : dn;
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
