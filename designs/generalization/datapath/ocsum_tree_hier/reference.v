// One wide sum of the four lanes, carries folded back twice at the end.
module lane_sum4 (
  input  wire [15:0] l0, l1, l2, l3,
  output wire [15:0] sum
);
  wire [17:0] s  = l0 + l1 + l2 + l3;
  wire [16:0] f1 = s[15:0] + s[17:16];
  assign sum = f1[15:0] + f1[16];
endmodule
