module norm_shift (
  input      [15:0] mant,
  output reg [4:0]  lz
);
  integer i;
  reg     seen;
  always @* begin
    lz   = 5'd0;
    seen = 1'b0;
    for (i = 15; i >= 0; i = i - 1) begin
      if (!seen) begin
        if (mant[i]) seen = 1'b1;
        else         lz = lz + 5'd1;
      end
    end
  end
endmodule
