// Unsigned 24-bit sample to a 32-bit float: a normalizing shifter whose stage
// decisions are the leading-zero count (16/8/4/2/1).
module u24_to_f32 (
  input  wire [23:0] x,
  output wire [31:0] f
);
  wire        s4 = ~|x[23:8];
  wire [23:0] x4 = s4 ? {x[7:0], 16'd0} : x;
  wire        s3 = ~|x4[23:16];
  wire [23:0] x3 = s3 ? {x4[15:0], 8'd0} : x4;
  wire        s2 = ~|x3[23:20];
  wire [23:0] x2 = s2 ? {x3[19:0], 4'd0} : x3;
  wire        s1 = ~|x2[23:22];
  wire [23:0] x1 = s1 ? {x2[21:0], 2'd0} : x2;
  wire        s0 = ~x1[23];
  wire [22:0] m  = s0 ? {x1[21:0], 1'b0} : x1[22:0];
  wire [4:0]  lz = {s4, s3, s2, s1, s0};
  wire        nz = x1[23] | x1[22];
  assign f = nz ? {1'b0, 8'd150 - {3'd0, lz}, m} : 32'd0;
endmodule
