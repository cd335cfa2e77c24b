// Shared form: t = a0^a1^a2^a3, b_i = a_i ^ t ^ xtime(a_i ^ a_{i+1}) (4 xtimes instead of 8).
module aes_mixcol (
  input  [31:0] col_in,
  output [31:0] col_out
);
  wire [7:0] a0 = col_in[31:24];
  wire [7:0] a1 = col_in[23:16];
  wire [7:0] a2 = col_in[15:8];
  wire [7:0] a3 = col_in[7:0];
  wire [7:0] t  = a0 ^ a1 ^ a2 ^ a3;
  wire [7:0] s01 = a0 ^ a1, s12 = a1 ^ a2, s23 = a2 ^ a3, s30 = a3 ^ a0;
  wire [7:0] x01 = {s01[6:0], 1'b0} ^ {3'b000, s01[7], s01[7], 1'b0, s01[7], s01[7]};
  wire [7:0] x12 = {s12[6:0], 1'b0} ^ {3'b000, s12[7], s12[7], 1'b0, s12[7], s12[7]};
  wire [7:0] x23 = {s23[6:0], 1'b0} ^ {3'b000, s23[7], s23[7], 1'b0, s23[7], s23[7]};
  wire [7:0] x30 = {s30[6:0], 1'b0} ^ {3'b000, s30[7], s30[7], 1'b0, s30[7], s30[7]};
  assign col_out[31:24] = a0 ^ t ^ x01;
  assign col_out[23:16] = a1 ^ t ^ x12;
  assign col_out[15:8]  = a2 ^ t ^ x23;
  assign col_out[7:0]   = a3 ^ t ^ x30;
endmodule
