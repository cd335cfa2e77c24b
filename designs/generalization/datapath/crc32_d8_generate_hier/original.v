// CRC-32 (IEEE 802.3 polynomial 0x04C11DB7), 8 data bits per cycle, MSB first: a chain of eight
// one-bit LFSR steps, one instance per data bit.
module crc32_bitstep #(parameter [31:0] POLY = 32'h04C11DB7) (
  input  wire [31:0] c_in,
  input  wire        d,
  output wire [31:0] c_out
);
  wire fb = c_in[31] ^ d;
  assign c_out = {c_in[30:0], 1'b0} ^ ({32{fb}} & POLY);
endmodule

module crc32_d8 (
  input  wire        clk,
  input  wire        rst_n,
  input  wire        en,
  input  wire [7:0]  data,
  output reg  [31:0] crc
);
  wire [31:0] chain [0:8];
  assign chain[0] = crc;
  genvar g;
  generate
    for (g = 0; g < 8; g = g + 1) begin : step
      crc32_bitstep u_step (.c_in(chain[g]), .d(data[7-g]), .c_out(chain[g+1]));
    end
  endgenerate
  always @(posedge clk or negedge rst_n)
    if (!rst_n)
      crc <= 32'hFFFFFFFF;
    else if (en)
      crc <= chain[8];
endmodule
