// Magnitude-squared monitor: a Verilog-2001 complex multiplier child (continuous assigns, one
// product per wire) fed a sample and its conjugate (0 - im in the parent); the quadrature
// output X * conj(X) is identically zero, the real one the sum of two squares.
module cplx_mul (ar, ai, br, bi, pr, pi);
  parameter W = 8;
  input  signed [W-1:0] ar, ai, br, bi;
  output signed [2*W:0] pr, pi;
  wire signed [2*W-1:0] m_rr = ar * br;
  wire signed [2*W-1:0] m_ii = ai * bi;
  wire signed [2*W-1:0] m_ri = ar * bi;
  wire signed [2*W-1:0] m_ir = ai * br;
  assign pr = m_rr - m_ii;
  assign pi = m_ri + m_ir;
endmodule

module mag_mon (clk, rst, go, re, im, mag, quad);
  input clk, rst, go;
  input signed [6:0] re, im;
  output reg [14:0] mag;
  output reg signed [16:0] quad;
  wire signed [7:0] xr = re;
  wire signed [7:0] xi = im;
  wire signed [7:0] xc = 8'sd0 - xi;
  wire signed [16:0] pr, pi;
  cplx_mul #(.W(8)) u_cm (.ar(xr), .ai(xi), .br(xr), .bi(xc), .pr(pr), .pi(pi));
  always @(posedge clk) begin
    if (rst) begin
      mag <= 15'd0;
      quad <= 17'sd0;
    end else if (go) begin
      mag <= pr[14:0];
      quad <= pi;
    end
  end
endmodule
