// Normalizing shifter that produces the count per stage; the exponent of a
// normal number is a concatenation (e + 112 with e in 1..30).
module hp_to_sp (
  input  wire [15:0] h,
  output reg  [31:0] f
);
  wire       s = h[15];
  wire [4:0] e = h[14:10];
  wire [9:0] m = h[9:0];
  wire       s3 = ~|m[9:2];
  wire [9:0] m3 = s3 ? {m[1:0], 8'd0} : m;
  wire       s2 = ~|m3[9:6];
  wire [9:0] m2 = s2 ? {m3[5:0], 4'd0} : m3;
  wire       s1 = ~|m2[9:8];
  wire [9:0] m1 = s1 ? {m2[7:0], 2'd0} : m2;
  wire       s0 = ~m1[9];
  wire [9:0] mn = s0 ? {m1[7:0], 2'd0} : {m1[8:0], 1'b0};
  wire [3:0] lz = {s3, s2, s1, s0};
  always @* begin
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
