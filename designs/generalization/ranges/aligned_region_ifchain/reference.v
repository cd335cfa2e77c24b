module dec24 (
  input      [23:0] a,
  output reg [1:0]  tgt,
  output reg        hit
);
  always @* begin
    hit = 1'b1;
    if (a[23:19] == 5'b00010)                       tgt = 2'd0;
    else if (a[23:10] == 14'h0800)                  tgt = 2'd1;
    else if (a[23:16] == 8'h30)                     tgt = 2'd2;
    else if (a >= 24'h40_0000 && a < 24'h40_0300)   tgt = 2'd3;
    else begin tgt = 2'd0; hit = 1'b0; end
  end
endmodule
