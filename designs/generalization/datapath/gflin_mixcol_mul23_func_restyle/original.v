// AES MixColumns of one 32-bit column, straight from the matrix: each output byte is
// 2*a ^ 3*b ^ c ^ d in GF(2^8), with small mul2/mul3 functions.
module aes_mixcol (
  input  [31:0] col_in,
  output [31:0] col_out
);
  function [7:0] mul2;
    input [7:0] x;
    mul2 = {x[6:0], 1'b0} ^ (x[7] ? 8'h1b : 8'h00);
  endfunction
  function [7:0] mul3;
    input [7:0] x;
    mul3 = mul2(x) ^ x;
  endfunction

  wire [7:0] a0 = col_in[31:24];
  wire [7:0] a1 = col_in[23:16];
  wire [7:0] a2 = col_in[15:8];
  wire [7:0] a3 = col_in[7:0];

  assign col_out[31:24] = mul2(a0) ^ mul3(a1) ^ a2 ^ a3;
  assign col_out[23:16] = a0 ^ mul2(a1) ^ mul3(a2) ^ a3;
  assign col_out[15:8]  = a0 ^ a1 ^ mul2(a2) ^ mul3(a3);
  assign col_out[7:0]   = mul3(a0) ^ a1 ^ a2 ^ mul2(a3);
endmodule
