// CRC-16-CCITT byte update in the classic table-free form: x = crc[15:8] ^ d; x ^= x >> 4;
// crc' = (crc << 8) ^ (x << 12) ^ (x << 5) ^ x.
module crc16_ccitt_byte (
  input  wire        clk,
  input  wire        rst,
  input  wire        init,
  input  wire        valid,
  input  wire [7:0]  data,
  output reg  [15:0] crc
);
  wire [7:0]  x0 = crc[15:8] ^ data;
  wire [7:0]  x  = x0 ^ {4'b0000, x0[7:4]};
  wire [15:0] nxt = {crc[7:0], 8'h00} ^ {x[3:0], 12'h000} ^ {3'b000, x, 5'b00000} ^ {8'h00, x};
  always @(posedge clk) begin
    if (rst || init)
      crc <= 16'hFFFF;
    else if (valid)
      crc <= nxt;
  end
endmodule
