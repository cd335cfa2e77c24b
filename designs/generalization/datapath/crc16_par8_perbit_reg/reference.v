// CRC-16 (x^16 + x^15 + x^2 + 1), one byte per clock, MSB first, factored: t is the feedback byte
// (data XOR the high state byte), p its parity; the low bits of the next state are p and adjacent
// pairs of t, the high ones the low state byte shifted up with three taps.
module crc16_par8 (
  input  wire        clk,
  input  wire        rst,
  input  wire        en,
  input  wire [7:0]  din,
  output reg  [15:0] crc
);
  wire [7:0] t = din ^ crc[15:8];
  wire       p = ^t;
  always @(posedge clk) begin
    if (rst)
      crc <= 16'hFFFF;
    else if (en)
      crc <= {p ^ crc[7], crc[6:2], t[7] ^ crc[1], t[7] ^ t[6] ^ crc[0],
              t[6:1] ^ t[5:0], p ^ t[0], p};
  end
endmodule
