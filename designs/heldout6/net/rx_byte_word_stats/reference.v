// Receive statistics block: the word count is the byte count without its two low bits.
module byte_counter (
  input             clk,
  input             rst,
  input             clear,
  input             byte_valid,
  output reg [23:0] bytes
);
  always @(posedge clk) begin
    if (rst || clear)    bytes <= 24'd0;
    else if (byte_valid) bytes <= bytes + 24'd1;
  end
endmodule

module rx_stats (
  input         clk,
  input         rst,
  input         clear,
  input         byte_valid,
  output [23:0] byte_count,
  output [21:0] word_count,
  output        word_aligned
);
  byte_counter u_bytes (.clk(clk), .rst(rst), .clear(clear), .byte_valid(byte_valid), .bytes(byte_count));
  assign word_count   = byte_count[23:2];
  assign word_aligned = (byte_count[1:0] == 2'd0);
endmodule
