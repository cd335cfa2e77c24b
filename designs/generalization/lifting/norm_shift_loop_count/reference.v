// Normalize a 20-bit magnitude with a 16/8/4/2/1 normalizing shifter; the stage
// decisions are the shift count (saturating at 19 for a zero magnitude).
module mag_norm20 (
  input  wire [19:0] a,
  output wire [19:0] n,
  output wire [4:0]  cnt
);
  wire        s4 = ~|a[19:4];
  wire [19:0] a4 = s4 ? {a[3:0], 16'd0} : a;
  wire        s3 = ~|a4[19:12];
  wire [19:0] a3 = s3 ? {a4[11:0], 8'd0} : a4;
  wire        s2 = ~|a3[19:16];
  wire [19:0] a2 = s2 ? {a3[15:0], 4'd0} : a3;
  wire        s1 = ~|a2[19:18];
  wire [19:0] a1 = s1 ? {a2[17:0], 2'd0} : a2;
  wire        s0 = ~a1[19];
  assign n   = s0 ? {a1[18:0], 1'b0} : a1;
  // a zero magnitude: 16+2+1 = 19 shifts, as the loop does
  assign cnt = {s4, s3 & ~s4, s2 & ~s4, s1, s0};
endmodule
