// FM synth voice mixer: each operator output is scaled by the shared
// envelope exponent (a left shift) and the scaled operators are summed.
module gain_shift #(parameter W = 12, parameter SW = 3, parameter OW = W + 7) (
  input  signed [W-1:0] x,
  input  [SW-1:0] g,
  output signed [OW-1:0] y
);
  wire signed [OW-1:0] xe = x;
  assign y = xe <<< g;
endmodule

module voice_mix #(parameter W = 12, parameter SW = 3) (
  input clk, input rst_n, input en,
  input signed [W-1:0] op0, op1, op2,
  input [SW-1:0] env,
  output reg signed [W+8:0] mix
);
  // (a << g) + (b << g) + (c << g) = (a + b + c) << g: one shifter
  wire signed [W+1:0] s = op0 + op1 + op2;
  wire signed [W+8:0] y;
  gain_shift #(.W(W+2), .SW(SW), .OW(W+9)) u_g (.x(s), .g(env), .y(y));
  always @(posedge clk or negedge rst_n)
    if (!rst_n) mix <= 0;
    else if (en) mix <= y;
endmodule

module fm_voice (
  input clk, input rst_n, input en,
  input signed [9:0] car, mod1, mod2,
  input [2:0] level,
  output signed [18:0] out
);
  voice_mix #(.W(10), .SW(3)) u_mix (.clk(clk), .rst_n(rst_n), .en(en), .op0(car), .op1(mod1), .op2(mod2), .env(level), .mix(out));
endmodule
