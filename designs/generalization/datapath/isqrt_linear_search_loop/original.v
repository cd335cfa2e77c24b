// Distance estimate for a 2-D sensor: magnitude = floor(sqrt(dx^2 + dy^2)) with 6-bit components
// whose squared sum is pre-computed as a 12-bit energy. The root is found by a linear search.
module energy_root (
  input      [11:0] energy,
  output reg [5:0]  mag
);
  integer i;
  always @* begin
    mag = 6'd0;
    for (i = 1; i < 64; i = i + 1)
      if (i * i <= energy) mag = i;
  end
endmodule
