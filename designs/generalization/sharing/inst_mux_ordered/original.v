// 8-bit CRC step unit instantiated for the TX and RX byte with ordered
// port connections; the frame check reads one of them, chosen by direction.
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
  wire [7:0] ct, cr, t_inv, r_inv;
  crc8_step st (tx_byte, crc_in, ct);
  crc8_step sr (rx_byte, crc_in, cr);
  assign t_inv = ~ct;
  assign r_inv = cr;
  assign crc_out = !rx_mode ? t_inv : r_inv;
  assign zero = ~|crc_out;
endmodule
