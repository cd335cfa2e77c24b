// Complex multiplier child (always_comb) fed X and conj(X), the conjugate written as a two's
// complement (~im + 1) of a sign-extended imaginary part: the imaginary product is zero.
module cmul #(parameter int N = 8) (
  input  logic signed [N-1:0] xr, xi, yr, yi,
  output logic signed [2*N:0] zr, zi
);
  logic signed [2*N:0] p0, p1, p2, p3;
  always_comb begin
    p0 = xr * yr;
    p1 = xi * yi;
    p2 = xr * yi;
    p3 = xi * yr;
    zr = p0 - p1;
    zi = p2 + p3;
  end
endmodule

module energy_pipe (
  input  logic clk, rst,
  input  logic signed [5:0] sr, si,
  output logic [13:0] e_q,
  output logic signed [14:0] q_q
);
  logic signed [6:0] wr, wi, wc;
  logic signed [14:0] zr, zi;
  assign wr = sr;
  assign wi = si;
  assign wc = ~wi + 7'sd1;
  cmul #(.N(7)) u_m (.xr(wr), .xi(wi), .yr(wr), .yi(wc), .zr(zr), .zi(zi));
  always_ff @(posedge clk)
    if (rst) begin
      e_q <= '0;
      q_q <= '0;
    end else begin
      e_q <= zr[13:0];
      q_q <= zi;
    end
endmodule
