// 18-bit rotate-left: stages by 1, 2, 4, 8, 16; amounts 19..31 give zero (n == 18 gives a).
module rot18_function (
  input  wire [17:0] a,
  input  wire [4:0]  n,
  input  wire [17:0] key,
  output wire [17:0] y
);
  wire [17:0] s1  = n[0] ? {a[16:0], a[17]}      : a;
  wire [17:0] s2  = n[1] ? {s1[15:0], s1[17:16]} : s1;
  wire [17:0] s4  = n[2] ? {s2[13:0], s2[17:14]} : s2;
  wire [17:0] s8  = n[3] ? {s4[9:0], s4[17:10]}  : s4;
  wire [17:0] s16 = n[4] ? {s8[1:0], s8[17:2]}   : s8;
  assign y = ((n > 5'd18) ? 18'd0 : s16) ^ key;
endmodule
