// AES InvMixColumns on one 32-bit column with a generic GF(2^8) multiplier (shift-and-add loop)
// called with the constant coefficients {0e 0b 0d 09}.
module aes_invmixcol (
  input  wire [31:0] s_in,
  output wire [31:0] s_out
);
  function [7:0] gfmul;
    input [7:0] a;
    input [7:0] b;
    reg   [7:0] p, x;
    integer k;
    begin
      p = 8'h00;
      x = a;
      for (k = 0; k < 8; k = k + 1) begin
        if (b[k]) p = p ^ x;
        x = {x[6:0], 1'b0} ^ (x[7] ? 8'h1b : 8'h00);
      end
      gfmul = p;
    end
  endfunction

  wire [7:0] a0 = s_in[31:24];
  wire [7:0] a1 = s_in[23:16];
  wire [7:0] a2 = s_in[15:8];
  wire [7:0] a3 = s_in[7:0];

  assign s_out[31:24] = gfmul(a0, 8'h0e) ^ gfmul(a1, 8'h0b) ^ gfmul(a2, 8'h0d) ^ gfmul(a3, 8'h09);
  assign s_out[23:16] = gfmul(a0, 8'h09) ^ gfmul(a1, 8'h0e) ^ gfmul(a2, 8'h0b) ^ gfmul(a3, 8'h0d);
  assign s_out[15:8]  = gfmul(a0, 8'h0d) ^ gfmul(a1, 8'h09) ^ gfmul(a2, 8'h0e) ^ gfmul(a3, 8'h0b);
  assign s_out[7:0]   = gfmul(a0, 8'h0b) ^ gfmul(a1, 8'h0d) ^ gfmul(a2, 8'h09) ^ gfmul(a3, 8'h0e);
endmodule
