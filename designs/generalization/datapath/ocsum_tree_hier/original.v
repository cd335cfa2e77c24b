// Ones'-complement sum of four 16-bit lanes as a 2-level adder tree of end-around-carry adders.
module oc_add (
  input  wire [15:0] a,
  input  wire [15:0] b,
  output wire [15:0] y
);
  wire [16:0] s = a + b;
  assign y = s[15:0] + {15'd0, s[16]};
endmodule

module lane_sum4 (
  input  wire [15:0] l0, l1, l2, l3,
  output wire [15:0] sum
);
  wire [15:0] p0, p1;
  oc_add u_p0 (.a(l0), .b(l1), .y(p0));
  oc_add u_p1 (.a(l2), .b(l3), .y(p1));
  oc_add u_r  (.a(p0), .b(p1), .y(sum));
endmodule
