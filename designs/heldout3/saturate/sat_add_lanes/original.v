// Packed SIMD saturating add (4 x 8-bit signed lanes), DSP-extension style.
module sat_add_lane #(
  parameter W = 16
) (
  input  wire signed [W-1:0] a,
  input  wire signed [W-1:0] b,
  output reg  signed [W-1:0] y,
  output reg                 ov
);
  localparam signed [W:0] MAXV = (1 <<< (W-1)) - 1;
  localparam signed [W:0] MINV = -(1 <<< (W-1));
  wire signed [W:0] s = a + b;
  always @* begin
    ov = 1'b0;
    if (s > MAXV) begin
      y  = MAXV[W-1:0];
      ov = 1'b1;
    end else if (s < MINV) begin
      y  = MINV[W-1:0];
      ov = 1'b1;
    end else
      y = s[W-1:0];
  end
endmodule

module simd_sat_add (
  input  wire [31:0] rs1,
  input  wire [31:0] rs2,
  input  wire        simd8,        // 1: 4 x 8-bit lanes, 0: plain 32-bit wrap-around add
  output wire [31:0] rd,
  output wire        ov_flag
);
  wire [31:0] lanes;
  wire [3:0]  ov;
  genvar i;
  generate
    for (i = 0; i < 4; i = i + 1) begin : g_lane
      sat_add_lane #(.W(8)) u_lane (.a(rs1[8*i +: 8]), .b(rs2[8*i +: 8]), .y(lanes[8*i +: 8]), .ov(ov[i]));
    end
  endgenerate
  assign rd      = simd8 ? lanes : rs1 + rs2;
  assign ov_flag = simd8 & |ov;
endmodule
