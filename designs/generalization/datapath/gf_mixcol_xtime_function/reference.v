// AES MixColumns, the shared form: t = a0^a1^a2^a3, b_i = a_i ^ t ^ xtime(a_i ^ a_{i+1}).
module aes_mixcol (
  input  wire [31:0] col_in,
  output wire [31:0] col_out
);
  function [7:0] xtime;
    input [7:0] b;
    begin
      xtime = {b[6:0], 1'b0} ^ {3'b000, b[7], b[7], 1'b0, b[7], b[7]};
    end
  endfunction

  wire [7:0] a0 = col_in[31:24], a1 = col_in[23:16], a2 = col_in[15:8], a3 = col_in[7:0];
  wire [7:0] s01 = a0 ^ a1, s12 = a1 ^ a2, s23 = a2 ^ a3, s30 = a3 ^ a0;
  wire [7:0] t = s01 ^ s23;
  assign col_out = {a0 ^ t ^ xtime(s01), a1 ^ t ^ xtime(s12), a2 ^ t ^ xtime(s23), a3 ^ t ^ xtime(s30)};
endmodule
