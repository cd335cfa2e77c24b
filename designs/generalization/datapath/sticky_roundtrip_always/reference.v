// Sticky from a thermometer mask of the positions the right shift drops.
module align32 (
  input      [31:0] frac,
  input      [5:0]  dist,
  output reg [31:0] q,
  output reg        st
);
  always @* begin
    q  = frac >> dist;
    st = |(frac & ~(32'hffff_ffff << dist));
  end
endmodule
