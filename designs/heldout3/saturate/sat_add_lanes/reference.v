// Packed SIMD saturating add: one 35-bit adder serves both modes (separator bits pass or kill the
// carry between lanes), lane overflow = operands agree in sign and the lane sum does not.
module simd_sat_add (
  input  wire [31:0] rs1,
  input  wire [31:0] rs2,
  input  wire        simd8,
  output wire [31:0] rd,
  output wire        ov_flag
);
  wire        p = ~simd8;   // separator: 1 + 0 + c passes the carry, 0 + 0 + c kills it
  wire [34:0] s = {rs1[31:24], p, rs1[23:16], p, rs1[15:8], p, rs1[7:0]}
                + {rs2[31:24], 1'b0, rs2[23:16], 1'b0, rs2[15:8], 1'b0, rs2[7:0]};
  wire [31:0] sum = {s[34:27], s[25:18], s[16:9], s[7:0]};
  wire [31:0] lanes;
  wire [3:0]  ov;
  genvar i;
  generate
    for (i = 0; i < 4; i = i + 1) begin : g_lane
      wire sa = rs1[8*i+7];
      assign ov[i] = (sa == rs2[8*i+7]) && (sum[8*i+7] != sa);
      assign lanes[8*i +: 8] = ov[i] ? {sa, {7{~sa}}} : sum[8*i +: 8];
    end
  endgenerate
  assign rd      = simd8 ? lanes : sum;
  assign ov_flag = simd8 & |ov;
endmodule
