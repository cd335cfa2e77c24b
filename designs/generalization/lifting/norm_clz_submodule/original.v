// Leading-zero counter as a reusable sub-module; the parent normalizes a 16-bit
// fraction with it and reports the shift (block floating point).
module clz16 (
  input  wire [15:0] v,
  output reg  [4:0]  n
);
  integer j;
  always @* begin
    n = 5'd16;
    for (j = 0; j < 16; j = j + 1)
      if (v[j]) n = 15 - j;
  end
endmodule

module frac_norm16 (
  input  wire [15:0] frac,
  output wire [15:0] mant,
  output wire [4:0]  shift
);
  clz16 u_clz (.v(frac), .n(shift));
  assign mant = frac << shift;
endmodule
