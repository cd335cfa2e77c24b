// One magnitude comparator: greater-than is "not less and not equal".
module hp_compare (
  input  wire [15:0] a,
  input  wire [15:0] b,
  output wire        lt,
  output wire        eq,
  output wire        gt,
  output wire        unordered
);
  wire nan_a = (&a[14:10]) & (|a[9:0]);
  wire nan_b = (&b[14:10]) & (|b[9:0]);
  assign unordered = nan_a | nan_b;

  wire both_zero = ~|a[14:0] & ~|b[14:0];
  wire mag_lt = a[14:0] <  b[14:0];
  wire mag_eq = a[14:0] == b[14:0];
  wire mag_gt = ~mag_lt & ~mag_eq;
  wire ord    = ~unordered & ~both_zero;
  wire sdiff  = a[15] ^ b[15];

  assign eq = ~unordered & (both_zero | (~sdiff & mag_eq));
  assign lt = ord & (sdiff ? a[15] : (a[15] ? mag_gt : mag_lt));
  assign gt = ord & (sdiff ? b[15] : (a[15] ? mag_lt : mag_gt));
endmodule
