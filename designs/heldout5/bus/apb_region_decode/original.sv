// APB interconnect address decoder: one PSEL per slave region.
module apb_decoder #(
  parameter int                  NS = 4,
  parameter logic [NS*32-1:0]    BASE = {32'h4000_3000, 32'h4000_2000, 32'h4000_1000, 32'h4000_0000},
  parameter logic [NS*32-1:0]    SIZE = {NS{32'h0000_1000}}
) (
  input  logic [31:0]    paddr,
  input  logic           psel,
  output logic [NS-1:0]  psel_s,
  output logic           decode_err
);
  always_comb begin
    for (int i = 0; i < NS; i++)
      psel_s[i] = psel && (paddr >= BASE[32*i +: 32]) && (paddr < BASE[32*i +: 32] + SIZE[32*i +: 32]);
    decode_err = psel && (psel_s == '0);
  end
endmodule

module periph_bus_dec (
  input  logic [31:0] paddr,
  input  logic        psel,
  output logic [5:0]  psel_s,
  output logic        decode_err
);
  // UART0, UART1, SPI, I2C (4 KiB each), TIMER (16 KiB), GPIO (64 KiB)
  apb_decoder #(
    .NS(6),
    .BASE({32'h5001_0000, 32'h5000_4000, 32'h5000_3000, 32'h5000_2000, 32'h5000_1000, 32'h5000_0000}),
    .SIZE({32'h0001_0000, 32'h0000_4000, 32'h0000_1000, 32'h0000_1000, 32'h0000_1000, 32'h0000_1000})
  ) u_dec (.*);
endmodule
