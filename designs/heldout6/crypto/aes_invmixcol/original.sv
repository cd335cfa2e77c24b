// AES InvMixColumns on one column: coefficients {14, 11, 13, 9}, multiplications by repeated xtime.
module aes_inv_mixcolumn (
  input  logic [31:0] col_in,
  output logic [31:0] col_out
);
  function automatic logic [7:0] xt(input logic [7:0] v);
    xt = {v[6:0], 1'b0} ^ (v[7] ? 8'h1b : 8'h00);
  endfunction
  function automatic logic [7:0] mul9(input logic [7:0] v);
    mul9 = xt(xt(xt(v))) ^ v;
  endfunction
  function automatic logic [7:0] mul11(input logic [7:0] v);
    mul11 = xt(xt(xt(v))) ^ xt(v) ^ v;
  endfunction
  function automatic logic [7:0] mul13(input logic [7:0] v);
    mul13 = xt(xt(xt(v))) ^ xt(xt(v)) ^ v;
  endfunction
  function automatic logic [7:0] mul14(input logic [7:0] v);
    mul14 = xt(xt(xt(v))) ^ xt(xt(v)) ^ xt(v);
  endfunction

  logic [7:0] a [4];
  always_comb begin
    for (int i = 0; i < 4; i++) a[i] = col_in[31-8*i -: 8];
    for (int i = 0; i < 4; i++)
      col_out[31-8*i -: 8] = mul14(a[i]) ^ mul11(a[(i+1)%4]) ^ mul13(a[(i+2)%4]) ^ mul9(a[(i+3)%4]);
  end
endmodule
