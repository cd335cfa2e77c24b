module sub_borrow (
  input      [15:0] minuend,
  input      [15:0] subtrahend,
  output reg [15:0] diff,
  output reg        borrow_out
);
  reg br;
  integer i;
  always @(*) begin
    br = 1'b0;
    for (i = 0; i < 16; i = i + 1) begin
      diff[i] = minuend[i] ^ subtrahend[i] ^ br;
      br = (~minuend[i] & subtrahend[i]) | (~(minuend[i] ^ subtrahend[i]) & br);
    end
    borrow_out = br;
  end
endmodule
