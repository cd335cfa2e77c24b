// AES MixColumns on one 32-bit column, written from the FIPS-197 matrix {02 03 01 01} with an xtime helper.
module aes_mixcol (
  input  wire [31:0] col_in,
  output reg  [31:0] col_out
);
  function [7:0] xtime;
    input [7:0] b;
    begin
      xtime = {b[6:0], 1'b0} ^ (b[7] ? 8'h1b : 8'h00);
    end
  endfunction

  function [7:0] gmul3;
    input [7:0] b;
    begin
      gmul3 = xtime(b) ^ b;
    end
  endfunction

  reg [7:0] a [0:3];
  integer i;
  always @* begin
    for (i = 0; i < 4; i = i + 1)
      a[i] = col_in[8*(3-i) +: 8];
    for (i = 0; i < 4; i = i + 1)
      col_out[8*(3-i) +: 8] = xtime(a[i]) ^ gmul3(a[(i+1)%4]) ^ a[(i+2)%4] ^ a[(i+3)%4];
  end
endmodule
