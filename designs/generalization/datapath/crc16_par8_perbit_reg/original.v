// CRC-16 (x^16 + x^15 + x^2 + 1), one byte per clock, MSB first: the parallel next-state equations
// written out per bit, as a CRC generator prints them (data and state terms listed separately).
module crc16_par8 (
  input  wire        clk,
  input  wire        rst,
  input  wire        en,
  input  wire [7:0]  din,
  output reg  [15:0] crc
);
  always @(posedge clk) begin
    if (rst)
      crc <= 16'hFFFF;
    else if (en) begin
      crc[0] <= din[0] ^ din[1] ^ din[2] ^ din[3] ^ din[4] ^ din[5] ^ din[6] ^ din[7] ^ crc[8] ^ crc[9] ^ crc[10] ^ crc[11] ^ crc[12] ^ crc[13] ^ crc[14] ^ crc[15];
      crc[1] <= din[1] ^ din[2] ^ din[3] ^ din[4] ^ din[5] ^ din[6] ^ din[7] ^ crc[9] ^ crc[10] ^ crc[11] ^ crc[12] ^ crc[13] ^ crc[14] ^ crc[15];
      crc[2] <= din[0] ^ din[1] ^ crc[8] ^ crc[9];
      crc[3] <= din[1] ^ din[2] ^ crc[9] ^ crc[10];
      crc[4] <= din[2] ^ din[3] ^ crc[10] ^ crc[11];
      crc[5] <= din[3] ^ din[4] ^ crc[11] ^ crc[12];
      crc[6] <= din[4] ^ din[5] ^ crc[12] ^ crc[13];
      crc[7] <= din[5] ^ din[6] ^ crc[13] ^ crc[14];
      crc[8] <= din[6] ^ din[7] ^ crc[0] ^ crc[14] ^ crc[15];
      crc[9] <= din[7] ^ crc[1] ^ crc[15];
      crc[10] <= crc[2];
      crc[11] <= crc[3];
      crc[12] <= crc[4];
      crc[13] <= crc[5];
      crc[14] <= crc[6];
      crc[15] <= din[0] ^ din[1] ^ din[2] ^ din[3] ^ din[4] ^ din[5] ^ din[6] ^ din[7] ^ crc[7] ^ crc[8] ^ crc[9] ^ crc[10] ^ crc[11] ^ crc[12] ^ crc[13] ^ crc[14] ^ crc[15];
    end
  end
endmodule
