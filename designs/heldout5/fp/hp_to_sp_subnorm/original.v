// IEEE half to single precision conversion, subnormal halves normalized.
module hp_to_sp (
  input  wire [15:0] h,
  output reg  [31:0] f
);
  wire       s = h[15];
  wire [4:0] e = h[14:10];
  wire [9:0] m = h[9:0];
  reg  [3:0] lz;
  reg  [9:0] mn;
  integer i;
  always @* begin
    // leading zeros of the subnormal mantissa (m != 0)
    lz = 4'd0;
    for (i = 0; i < 10; i = i + 1)
      if (m[i]) lz = 9 - i;
    mn = m << (lz + 4'd1);              // drop the leading one
    if (e == 5'd0) begin
      if (m == 10'd0) f = {s, 31'd0};
      else            f = {s, 8'd112 - {4'd0, lz}, mn, 13'd0};
    end else if (e == 5'h1f) begin
      f = {s, 8'hff, m, 13'd0};
    end else begin
      f = {s, {3'd0, e} + 8'd112, m, 13'd0};
    end
  end
endmodule
