// Block floating point normaliser: the block exponent is the smallest
// leading-zero count over the block; every sample is shifted by it.
module lzc #(parameter int W = 16) (
  input  logic [W-1:0] x,
  output logic [$clog2(W+1)-1:0] n
);
  always_comb begin
    n = ($clog2(W+1))'(W);
    for (int i = 0; i < W; i++)
      if (x[i]) n = ($clog2(W+1))'(W - 1 - i);
  end
endmodule

module bfp_block #(parameter int N = 4, parameter int W = 16) (
  input  logic clk, rst_n, load,
  input  logic [N-1:0][W-1:0] mag,
  output logic [$clog2(W+1)-1:0] exp_q,
  output logic [N-1:0][W-1:0] norm_q
);
  localparam int EW = $clog2(W+1);
  // min over i of lzc(x_i) = lzc(x_0 | x_1 | ...): one counter on the OR
  logic [W-1:0] any;
  logic [EW-1:0] m;
  always_comb begin
    any = '0;
    for (int i = 0; i < N; i++) any |= mag[i];
  end
  lzc #(.W(W)) u_lzc (.x(any), .n(m));
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      exp_q <= '0; norm_q <= '0;
    end else if (load) begin
      exp_q <= m;
      for (int i = 0; i < N; i++) norm_q[i] <= mag[i] << m;
    end
endmodule

module bfp_frontend (
  input  logic clk, rst_n, load,
  input  logic [2:0][11:0] mag,
  output logic [3:0] blk_exp,
  output logic [2:0][11:0] mant
);
  bfp_block #(.N(3), .W(12)) u_blk (.clk, .rst_n, .load, .mag, .exp_q(blk_exp), .norm_q(mant));
endmodule
