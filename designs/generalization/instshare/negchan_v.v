// Balance stage: each channel instance adds its offset word scaled by a gain to a common base; the
// second channel receives the negated offset, so its product is the first one's, negated.
module bal_chan (base, d, g, y);
  parameter W = 8;
  parameter G = 5;
  input  signed [W-1:0] base;
  input  signed [W:0]   d;
  input         [G-1:0] g;
  output signed [W+G+2:0] y;
  wire signed [G:0] gs = {1'b0, g};
  assign y = (base <<< 3) + d * gs;
endmodule

module bal_pair (a, off, g, yp, yn);
  input  signed [7:0]  a;
  input  signed [7:0]  off;
  input         [4:0]  g;
  output signed [15:0] yp;
  output signed [15:0] yn;
  wire signed [8:0]  dp = off;
  wire signed [8:0]  dn = -dp;
  wire signed [15:0] tp, tn;
  bal_chan #(.W(8), .G(5)) cp (.base(a), .d(dp), .g(g), .y(tp));
  bal_chan #(.W(8), .G(5)) cn (.base(a), .d(dn), .g(g), .y(tn));
  assign yp = tp;
  assign yn = tn;
endmodule
