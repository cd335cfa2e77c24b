// CRC-16-CCITT (poly 0x1021, MSB first), one data byte per cycle, bit-serial update unrolled by a for loop.
module crc16_ccitt_byte (
  input  wire        clk,
  input  wire        rst,
  input  wire        init,
  input  wire        valid,
  input  wire [7:0]  data,
  output reg  [15:0] crc
);
  reg [15:0] c;
  reg        fb;
  integer    k;
  always @(posedge clk) begin
    if (rst || init) begin
      crc <= 16'hFFFF;
    end else if (valid) begin
      c = crc;
      for (k = 7; k >= 0; k = k - 1) begin
        fb = c[15] ^ data[k];
        c  = {c[14:0], 1'b0};
        if (fb)
          c = c ^ 16'h1021;
      end
      crc <= c;
    end
  end
endmodule
