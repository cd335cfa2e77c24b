// Two mixer instances (always @* with a blocking update) registered under an enable, the second fed
// 0 - s; the first instance also passes c through on an output that stays read.
module mix_u #(parameter N = 6) (input signed [N-1:0] c, input signed [N:0] s, input [3:0] w,
                                 output reg signed [N+7:0] z, output [N-1:0] cpass);
  always @(*) begin
    z = s * $signed({1'b0, w});
    z = z + (c <<< 2);
  end
  assign cpass = c;
endmodule
module mix_top (input clk, input en, input signed [5:0] c, input signed [5:0] s, input [3:0] w,
                output reg signed [13:0] za, output reg signed [13:0] zb, output [5:0] cp);
  wire signed [13:0] z1, z2;
  wire signed [6:0] s7 = s;
  wire signed [6:0] s7n = 7'sd0 - s7;
  mix_u #(6) m1 (.c(c), .s(s7), .w(w), .z(z1), .cpass(cp));
  mix_u #(6) m2 (.c(c), .s(s7n), .w(w), .z(z2), .cpass());
  always @(posedge clk) if (en) za <= z1;
  always @(posedge clk) if (en) zb <= z2;
endmodule
