// CRC-8 (0x07) one byte per cycle: the table is GF(2)-linear in x = crc ^ data; its XOR equations.
module crc8_table (
  input  wire       clk,
  input  wire       rst,
  input  wire       en,
  input  wire [7:0] data,
  output reg  [7:0] crc
);
  wire [7:0] x = crc ^ data;
  wire [7:0] nxt;
  assign nxt[0] = x[0] ^ x[6] ^ x[7];
  assign nxt[1] = x[0] ^ x[1] ^ x[6];
  assign nxt[2] = x[0] ^ x[1] ^ x[2] ^ x[6];
  assign nxt[3] = x[1] ^ x[2] ^ x[3] ^ x[7];
  assign nxt[4] = x[2] ^ x[3] ^ x[4];
  assign nxt[5] = x[3] ^ x[4] ^ x[5];
  assign nxt[6] = x[4] ^ x[5] ^ x[6];
  assign nxt[7] = x[5] ^ x[6] ^ x[7];
  always @(posedge clk)
    if (rst)
      crc <= 8'h00;
    else if (en)
      crc <= nxt;
endmodule
