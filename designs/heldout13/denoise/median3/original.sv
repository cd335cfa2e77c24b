// Scanner line denoise: median of three neighbouring samples, per lane.
module med3 #(parameter int W = 8) (
  input  logic [W-1:0] a, b, c,
  output logic [W-1:0] m
);
  always_comb begin
    if ((a >= b && a <= c) || (a <= b && a >= c))
      m = a;
    else if ((b >= a && b <= c) || (b <= a && b >= c))
      m = b;
    else
      m = c;
  end
endmodule

module line_denoise #(parameter int W = 8, parameter int L = 2) (
  input  logic [L-1:0][W-1:0] prv, cur, nxt,
  output logic [L-1:0][W-1:0] med
);
  for (genvar i = 0; i < L; i++) begin : g_lane
    med3 #(.W(W)) u_m (.a(prv[i]), .b(cur[i]), .c(nxt[i]), .m(med[i]));
  end
endmodule

module scan_denoise (
  input  logic [2:0][9:0] prv, cur, nxt,
  output logic [2:0][9:0] med
);
  line_denoise #(.W(10), .L(3)) u_ln (.prv, .cur, .nxt, .med);
endmodule
