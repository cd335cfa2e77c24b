// Round-to-nearest of one of two 24-bit accumulators down to 12 bits with saturation, per branch.
module rnd_pick (
  input      [23:0] acc_a,
  input      [23:0] acc_b,
  input             use_b,
  output reg [11:0] r
);
  reg [12:0] t;
  always @* begin
    if (use_b) begin
      t = acc_b[23:11] + 13'd1;
      r = t[12] ? 12'hfff : t[12:1];
    end else begin
      t = acc_a[23:11] + 13'd1;
      r = t[12] ? 12'hfff : t[12:1];
    end
  end
endmodule
