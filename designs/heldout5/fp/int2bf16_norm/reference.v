// Normalizing shifter that produces the leading-zero count stage by stage.
module u16_to_bf16 (
  input  wire [15:0] x,
  output wire [15:0] y
);
  wire        s3 = ~|x[15:8];
  wire [15:0] x3 = s3 ? {x[7:0], 8'd0} : x;
  wire        s2 = ~|x3[15:12];
  wire [15:0] x2 = s2 ? {x3[11:0], 4'd0} : x3;
  wire        s1 = ~|x2[15:14];
  wire [15:0] x1 = s1 ? {x2[13:0], 2'd0} : x2;
  wire        s0 = ~x1[15];
  wire [6:0]  m  = s0 ? x1[13:7] : x1[14:8];
  wire [3:0]  lz = {s3, s2, s1, s0};
  wire        nz = x1[15] | x1[14];
  // 142 - lz = 8'b1000_1110 - lz, lz <= 15
  wire [7:0]  expo = 8'd142 - {4'd0, lz};
  assign y = nz ? {1'b0, expo, m} : 16'd0;
endmodule
