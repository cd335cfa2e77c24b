module norm_shift (
  input      [15:0] mant,
  output reg [4:0]  lz
);
  integer i;
  always @* begin
    lz = 5'd16;
    for (i = 0; i < 16; i = i + 1)
      if (mant[i]) lz = 5'd15 - i[4:0];
  end
endmodule
