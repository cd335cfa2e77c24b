// 24-bit address decoder in an if/else chain with literal bounds; the last region is not aligned.
module dec24 (
  input      [23:0] a,
  output reg [1:0]  tgt,
  output reg        hit
);
  always @* begin
    hit = 1'b1;
    if (a >= 24'h10_0000 && a < 24'h18_0000)        tgt = 2'd0;
    else if (24'h20_0000 <= a && a < 24'h20_0400)   tgt = 2'd1;
    else if (a > 24'h2f_ffff && a <= 24'h30_ffff)   tgt = 2'd2;
    else if (a >= 24'h40_0000 && a < 24'h40_0300)   tgt = 2'd3;
    else begin tgt = 2'd0; hit = 1'b0; end
  end
endmodule
