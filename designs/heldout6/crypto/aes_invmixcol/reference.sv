// AES InvMixColumns = MixColumns after the pre-step a0^=u, a1^=v, a2^=u, a3^=v
// with u = xtime(xtime(a0^a2)), v = xtime(xtime(a1^a3)).
module aes_inv_mixcolumn (
  input  logic [31:0] col_in,
  output logic [31:0] col_out
);
  function automatic logic [7:0] xt(input logic [7:0] v);
    xt = {v[6:0], 1'b0} ^ {3'b000, v[7], v[7], 1'b0, v[7], v[7]};
  endfunction

  logic [7:0] a0, a1, a2, a3, u, v, b0, b1, b2, b3, t;
  always_comb begin
    a0 = col_in[31:24]; a1 = col_in[23:16]; a2 = col_in[15:8]; a3 = col_in[7:0];
    u  = xt(xt(a0 ^ a2));
    v  = xt(xt(a1 ^ a3));
    b0 = a0 ^ u; b1 = a1 ^ v; b2 = a2 ^ u; b3 = a3 ^ v;
    t  = b0 ^ b1 ^ b2 ^ b3;
    col_out[31:24] = b0 ^ t ^ xt(b0 ^ b1);
    col_out[23:16] = b1 ^ t ^ xt(b1 ^ b2);
    col_out[15:8]  = b2 ^ t ^ xt(b2 ^ b3);
    col_out[7:0]   = b3 ^ t ^ xt(b3 ^ b0);
  end
endmodule
