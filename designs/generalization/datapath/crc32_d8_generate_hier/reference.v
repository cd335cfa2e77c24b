// CRC-32 (IEEE 802.3 polynomial 0x04C11DB7), 8 data bits per cycle, MSB first: the byte update as a
// function with the bit loop inside (the synthesis tool flattens the XOR chain and shares its terms).
module crc32_d8 (
  input  wire        clk,
  input  wire        rst_n,
  input  wire        en,
  input  wire [7:0]  data,
  output reg  [31:0] crc
);
  function [31:0] crc32_byte;
    input [31:0] c;
    input [7:0]  d;
    integer k;
    begin
      crc32_byte = c;
      for (k = 7; k >= 0; k = k - 1)
        crc32_byte = {crc32_byte[30:0], 1'b0} ^ ((crc32_byte[31] ^ d[k]) ? 32'h04C11DB7 : 32'h0);
    end
  endfunction

  always @(posedge clk or negedge rst_n)
    if (!rst_n)
      crc <= 32'hFFFFFFFF;
    else if (en)
      crc <= crc32_byte(crc, data);
endmodule
