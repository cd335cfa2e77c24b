// Reference: (-d) * g = -(d * g): one product, added for one channel and subtracted for the other.
module bal_pair (a, off, g, yp, yn);
  input  signed [7:0]  a;
  input  signed [7:0]  off;
  input         [4:0]  g;
  output signed [15:0] yp;
  output signed [15:0] yn;
  wire signed [8:0]  dp = off;
  wire signed [5:0]  gs = {1'b0, g};
  wire signed [15:0] base = a;
  wire signed [15:0] p = dp * gs;
  assign yp = (base <<< 3) + p;
  assign yn = (base <<< 3) - p;
endmodule
