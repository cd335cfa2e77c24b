// Scaler: one right shifter; a left shift is a right shift of the bit-reversed operand, reversed back.
module scaler #(parameter int W = 16) (
  input  logic clk, rst,
  input  logic [W-1:0] x,
  input  logic [3:0] amt,
  input  logic dir,            // 0: left, 1: right
  output logic [W-1:0] y
);
  logic [W-1:0] xr, src, sh, shr, s;
  always_comb begin
    for (int i = 0; i < W; i++) xr[i] = x[W-1-i];
    src = dir ? x : xr;
    sh = src >> amt;
    for (int i = 0; i < W; i++) shr[i] = sh[W-1-i];
    s = dir ? sh : shr;
  end
  always_ff @(posedge clk)
    if (rst) y <= '0;
    else y <= s;
endmodule

module scaler_top (
  input  logic clk, rst,
  input  logic [19:0] x,
  input  logic [3:0] amt,
  input  logic dir,
  output logic [19:0] y
);
  scaler #(.W(20)) u_s (.*);
endmodule
