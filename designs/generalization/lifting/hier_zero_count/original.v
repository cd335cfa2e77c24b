module zero_count (
  input      [15:0] v,
  input             from_msb,
  output reg [4:0]  n
);
  // counts the zeros before the first one, scanning from the MSB or from the LSB
  integer i;
  reg     stop;
  always @* begin
    n    = 5'd0;
    stop = 1'b0;
    for (i = 0; i < 16; i = i + 1)
      if (!stop) begin
        if (v[from_msb ? 15 - i : i]) stop = 1'b1;
        else                          n    = n + 5'd1;
      end
  end
endmodule

module fp_normalize (
  input  [15:0] mant_a,
  input  [15:0] mant_b,
  output [4:0]  shift_a,
  output [4:0]  shift_b
);
  zero_count u_a (.v(mant_a), .from_msb(1'b1), .n(shift_a));
  zero_count u_b (.v(mant_b), .from_msb(1'b1), .n(shift_b));
endmodule
