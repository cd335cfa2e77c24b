// one saturating adder instance; its operands are selected by mode[0]
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
  wire [11:0] sum;
  satadd12 u (mode[0] ? ch1 : ch0, mode[0] ? bias : gain, sum);
  always @(posedge clk)
    case (mode)
      2'b00, 2'b01: out <= sum;
      2'b10:        out <= ch0 & ch1;
      default:      out <= out;
    endcase
endmodule
