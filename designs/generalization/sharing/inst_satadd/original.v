// saturating 12-bit adder used for two different operand pairs; the results feed case arms
module satadd12 (input [11:0] a, input [11:0] b, output [11:0] s);
  wire [12:0] t = a + b;
  assign s = t[12] ? 12'hfff : t[11:0];
endmodule

module mixer (
  input             clk,
  input      [1:0]  mode,
  input      [11:0] ch0, ch1, gain, bias,
  output reg [11:0] out
);
  wire [11:0] sum_a, sum_b;
  satadd12 ua (ch0, gain, sum_a);
  satadd12 ub (ch1, bias, sum_b);
  always @(posedge clk)
    case (mode)
      2'b00:   out <= sum_a;
      2'b01:   out <= sum_b;
      2'b10:   out <= ch0 & ch1;
      default: out <= out;
    endcase
endmodule
