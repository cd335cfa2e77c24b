// Leading-one normalize of a 16-bit word: a normalizing shifter whose stage
// decisions are the count (0 for a zero word, as the chain gives).
module lead_norm16 (
  input  wire [15:0] d,
  output wire [15:0] q,
  output wire [3:0]  lz,
  output wire        zero
);
  wire        s3 = ~|d[15:8];
  wire [15:0] d3 = s3 ? {d[7:0], 8'd0} : d;
  wire        s2 = ~|d3[15:12];
  wire [15:0] d2 = s2 ? {d3[11:0], 4'd0} : d3;
  wire        s1 = ~|d2[15:14];
  wire [15:0] d1 = s1 ? {d2[13:0], 2'd0} : d2;
  wire        s0 = ~d1[15];
  assign zero = s0 & ~d1[14];
  assign q    = zero ? 16'd0 : (s0 ? {d1[14:0], 1'b0} : d1);
  assign lz   = zero ? 4'd0 : {s3, s2, s1, s0};
endmodule
