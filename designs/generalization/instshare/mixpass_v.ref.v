// Reference: one product s * w; the registers add and subtract it from c * 4.
module mix_top (input clk, input en, input signed [5:0] c, input signed [5:0] s, input [3:0] w,
                output reg signed [13:0] za, output reg signed [13:0] zb, output [5:0] cp);
  wire signed [13:0] p = s * $signed({1'b0, w});
  wire signed [13:0] c4 = c <<< 2;
  assign cp = c;
  always @(posedge clk) if (en) za <= c4 + p;
  always @(posedge clk) if (en) zb <= c4 - p;
endmodule
