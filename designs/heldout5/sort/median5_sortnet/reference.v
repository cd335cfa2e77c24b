// Median-of-5 selection network (7 compare-exchanges, several one-sided).
module median5 (
  input  wire [39:0] s,
  output wire [7:0]  med
);
  wire [7:0] p0 = s[7:0], p1 = s[15:8], p2 = s[23:16], p3 = s[31:24], p4 = s[39:32];
  // sort(p0,p1), sort(p3,p4)
  wire [7:0] a0 = (p0 > p1) ? p1 : p0, a1 = (p0 > p1) ? p0 : p1;
  wire [7:0] a3 = (p3 > p4) ? p4 : p3, a4 = (p3 > p4) ? p3 : p4;
  // max(a0,a3) ; min(a1,a4)
  wire [7:0] b3 = (a0 > a3) ? a0 : a3;
  wire [7:0] b1 = (a1 > a4) ? a4 : a1;
  // sort(b1,p2)
  wire [7:0] c1 = (b1 > p2) ? p2 : b1, c2 = (b1 > p2) ? b1 : p2;
  // min(c2,b3) ; max(c1, that)
  wire [7:0] d2 = (c2 > b3) ? b3 : c2;
  assign med = (c1 > d2) ? c1 : d2;
endmodule
