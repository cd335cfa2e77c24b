// Sticky from a thermometer mask of the positions the right shift drops.
module align32 (
  input      [31:0] frac,
  input      [5:0]  amt,
  output reg [31:0] q,
  output reg        st
);
  always @* begin
    q  = frac >> amt;
    st = |(frac & ~(32'hffff_ffff << amt));
  end
endmodule
