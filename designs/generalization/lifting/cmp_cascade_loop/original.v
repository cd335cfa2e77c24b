module mag_cmp (
  input      [15:0] a,
  input      [15:0] b,
  output reg        gt,
  output reg        lt
);
  reg still_eq;
  integer i;
  always @* begin
    gt = 1'b0;
    lt = 1'b0;
    still_eq = 1'b1;
    for (i = 15; i >= 0; i = i - 1) begin
      if (still_eq && a[i] && !b[i]) gt = 1'b1;
      if (still_eq && !a[i] && b[i]) lt = 1'b1;
      still_eq = still_eq & ~(a[i] ^ b[i]);
    end
  end
endmodule
