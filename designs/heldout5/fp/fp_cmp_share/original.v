// IEEE-754 half-precision compare unit (quiet compare: any NaN -> unordered)
module hp_compare (
  input  wire [15:0] a,
  input  wire [15:0] b,
  output reg         lt,
  output reg         eq,
  output reg         gt,
  output wire        unordered
);
  wire nan_a = (&a[14:10]) & (|a[9:0]);
  wire nan_b = (&b[14:10]) & (|b[9:0]);
  assign unordered = nan_a | nan_b;

  wire both_zero = ~|a[14:0] & ~|b[14:0];   // +0 == -0
  wire mag_lt = a[14:0] <  b[14:0];
  wire mag_gt = a[14:0] >  b[14:0];
  wire mag_eq = a[14:0] == b[14:0];

  always @* begin
    lt = 1'b0; eq = 1'b0; gt = 1'b0;
    if (!unordered) begin
      if (both_zero) begin
        eq = 1'b1;
      end else begin
        case ({a[15], b[15]})
          2'b00: begin lt = mag_lt; gt = mag_gt; eq = mag_eq; end
          2'b11: begin lt = mag_gt; gt = mag_lt; eq = mag_eq; end
          2'b10: lt = 1'b1;
          2'b01: gt = 1'b1;
        endcase
      end
    end
  end
endmodule
