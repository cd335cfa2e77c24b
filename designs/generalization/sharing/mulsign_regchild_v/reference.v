// Fixed-point scaler: one (W+1)x(W+1) signed multiplier; the sample is sign-extended in mode 0
// only, the gain in modes 0 and 1.
module gain_mul #(parameter W = 16) (
  input  wire [1:0]   mode,
  input  wire [W-1:0] smp,
  input  wire [W-1:0] gain,
  output wire [W-1:0] out
);
  wire s_smp  = (mode == 2'd0);
  wire s_gain = ~mode[1];
  wire signed [W:0]     a = {s_smp & smp[W-1], smp};
  wire signed [W:0]     b = {s_gain & gain[W-1], gain};
  wire signed [2*W+1:0] p = a * b;
  assign out = (mode == 2'd3) ? p[W-1:0] : p[2*W-1:W];
endmodule

module scaler (
  input  wire       clk,
  input  wire       rst_n,
  input  wire       load,
  input  wire [1:0] mode,
  input  wire [6:0] smp,
  input  wire [6:0] gain,
  output reg  [6:0] q
);
  wire [6:0] y;
  gain_mul #(.W(7)) u_mul (.mode(mode), .smp(smp), .gain(gain), .out(y));
  always @(posedge clk or negedge rst_n)
    if (!rst_n) q <= 7'd0;
    else if (load) q <= y;
endmodule
