// Stereo requantiser 16 -> 12 bits with rectangular dither. Each channel has its own 15-bit
// Fibonacci LFSR (x^15 + x^14 + 1) seeded identically and stepped on every sample.
module lfsr15 #(parameter [14:0] SEED = 15'h7fff) (
  input  wire clk, rst, en,
  output reg  [14:0] q
);
  always @(posedge clk)
    if (rst) q <= SEED;
    else if (en) q <= {q[13:0], q[14] ^ q[13]};
endmodule

module requant_ch #(parameter [14:0] SEED = 15'h7fff) (
  input  wire clk, rst, en,
  input  wire [15:0] x,
  output reg  [11:0] y
);
  wire [14:0] r;
  lfsr15 #(.SEED(SEED)) u_rng (.clk(clk), .rst(rst), .en(en), .q(r));
  wire [16:0] s = {1'b0, x} + {13'd0, r[3:0]};
  always @(posedge clk)
    if (rst) y <= 12'd0;
    else if (en) y <= s[16] ? 12'hfff : s[15:4];
endmodule

module stereo_requant (
  input  wire clk, rst, en,
  input  wire [15:0] xl, xr,
  output wire [11:0] yl, yr
);
  requant_ch #(.SEED(15'h1234)) u_l (.clk(clk), .rst(rst), .en(en), .x(xl), .y(yl));
  requant_ch #(.SEED(15'h1234)) u_r (.clk(clk), .rst(rst), .en(en), .x(xr), .y(yr));
endmodule
