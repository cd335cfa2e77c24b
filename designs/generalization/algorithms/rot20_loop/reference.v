// 20-bit rotate left by sh mod 20: stages rotating by 1, 2, 4, 8 and 16 (= 16 mod 20).
module rot20_loop (
  input  wire [19:0] din,
  input  wire [4:0]  sh,
  output wire [19:0] dout
);
  wire [19:0] s1  = sh[0] ? {din[18:0], din[19]}    : din;
  wire [19:0] s2  = sh[1] ? {s1[17:0], s1[19:18]}   : s1;
  wire [19:0] s4  = sh[2] ? {s2[15:0], s2[19:16]}   : s2;
  wire [19:0] s8  = sh[3] ? {s4[11:0], s4[19:12]}   : s4;
  assign dout     = sh[4] ? {s8[3:0], s8[19:4]}     : s8;
endmodule
