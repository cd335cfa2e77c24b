// Power spectrum bin: |X|^2 = X * conj(X) on the generic complex multiplier,
// accumulated over a frame; the imaginary part goes to a debug register.
module cmult #(parameter int W = 16) (
  input  logic signed [W-1:0] ar, ai, br, bi,
  output logic signed [2*W:0] pr, pi
);
  always_comb begin
    pr = ar * br - ai * bi;
    pi = ar * bi + ai * br;
  end
endmodule

module psd_bin #(parameter int W = 8, parameter int AW = 24) (
  input  logic clk, rst_n, valid, clr,
  input  logic signed [W-1:0] xr, xi,
  output logic [AW-1:0] acc,
  output logic signed [2*W+2:0] cross_q
);
  // X * conj(X): the imaginary part cancels, the real part is a sum of squares
  logic signed [2*W+2:0] pr;
  assign pr = xr * xr + xi * xi;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      acc <= '0; cross_q <= '0;
    end else if (clr) begin
      acc <= '0; cross_q <= '0;
    end else if (valid) begin
      acc <= acc + AW'(pr);
      cross_q <= '0;
    end
endmodule

module spectrum_bin (
  input  logic clk, rst_n, valid, clr,
  input  logic signed [6:0] re, im,
  output logic [19:0] power,
  output logic signed [16:0] resid
);
  psd_bin #(.W(7), .AW(20)) u_bin (.clk, .rst_n, .valid, .clr, .xr(re), .xi(im), .acc(power), .cross_q(resid));
endmodule
