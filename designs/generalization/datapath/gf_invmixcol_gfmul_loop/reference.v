// AES InvMixColumns as a pre-step and the forward MixColumns: u = 04*(a0^a2), v = 04*(a1^a3);
// b = MixColumns(a0^u, a1^v, a2^u, a3^v).
module aes_invmixcol (
  input  wire [31:0] s_in,
  output wire [31:0] s_out
);
  function [7:0] xtime;
    input [7:0] b;
    begin
      xtime = {b[6:0], 1'b0} ^ {3'b000, b[7], b[7], 1'b0, b[7], b[7]};
    end
  endfunction

  wire [7:0] a0 = s_in[31:24], a1 = s_in[23:16], a2 = s_in[15:8], a3 = s_in[7:0];
  wire [7:0] u  = xtime(xtime(a0 ^ a2));
  wire [7:0] v  = xtime(xtime(a1 ^ a3));
  wire [7:0] c0 = a0 ^ u, c1 = a1 ^ v, c2 = a2 ^ u, c3 = a3 ^ v;
  wire [7:0] s01 = c0 ^ c1, s12 = c1 ^ c2, s23 = c2 ^ c3, s30 = c3 ^ c0;
  wire [7:0] t = s01 ^ s23;
  assign s_out = {c0 ^ t ^ xtime(s01), c1 ^ t ^ xtime(s12), c2 ^ t ^ xtime(s23), c3 ^ t ^ xtime(s30)};
endmodule
