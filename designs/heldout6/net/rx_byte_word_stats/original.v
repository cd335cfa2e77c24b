// Receive statistics block: bytes and 32-bit words received since the last clear.
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

module word_counter (
  input             clk,
  input             rst,
  input             clear,
  input             byte_valid,
  output reg [21:0] words
);
  reg [1:0] lane;                 // byte position within the word
  always @(posedge clk) begin
    if (rst || clear) begin
      lane  <= 2'd0;
      words <= 22'd0;
    end else if (byte_valid) begin
      lane <= lane + 2'd1;
      if (lane == 2'd3) words <= words + 22'd1;
    end
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
  word_counter u_words (.clk(clk), .rst(rst), .clear(clear), .byte_valid(byte_valid), .words(word_count));
  assign word_aligned = (byte_count[1:0] == 2'd0);
endmodule
