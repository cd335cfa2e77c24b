// A registered lowest-requester grant (zero when nothing is requested) is encoded bit by bit in a
// generate loop (index bit b = OR of the grant bits whose number has bit b set); two payload fields,
// a data word and a tag, are read at that index.
module two_field_pick (
  input              clk,
  input              rst,
  input      [7:0]   req,
  input      [127:0] d,      // 8 x 16-bit data
  input      [31:0]  tg,     // 8 x 4-bit tags
  output reg [7:0]   gnt,
  output     [15:0]  y,
  output     [3:0]   t
);
  always @(posedge clk)
    if (rst) gnt <= 8'd0;
    else     gnt <= req & (~req + 8'd1);

  wire [2:0] idx;
  genvar b, k;
  generate
    for (b = 0; b < 3; b = b + 1) begin : g_bit
      wire [7:0] m;
      for (k = 0; k < 8; k = k + 1) begin : g_k
        assign m[k] = gnt[k] & (((k >> b) & 1) != 0);
      end
      assign idx[b] = |m;
    end
  endgenerate

  assign y = d[idx*16 +: 16];
  assign t = tg[idx*4 +: 4];
endmodule
