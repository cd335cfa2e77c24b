// One CRC step unit on the byte of the active direction.
module crc8_step (d, c, n);
  input  [7:0] d;
  input  [7:0] c;
  output [7:0] n;
  reg [7:0] s;
  integer i;
  always @* begin
    s = c;
    for (i = 7; i >= 0; i = i - 1)
      s = {s[6:0], 1'b0} ^ ((s[7] ^ d[i]) ? 8'h07 : 8'h00);
  end
  assign n = s;
endmodule

module crc_dir (
  input  wire       rx_mode,
  input  wire [7:0] tx_byte,
  input  wire [7:0] rx_byte,
  input  wire [7:0] crc_in,
  output wire [7:0] crc_out,
  output wire       zero
);
  wire [7:0] c;
  crc8_step s1 (rx_mode ? rx_byte : tx_byte, crc_in, c);
  assign crc_out = rx_mode ? c : ~c;
  assign zero = ~|crc_out;
endmodule
