// Sonar AGC: position of the most significant set bit of the echo envelope,
// found from a leading-zero count.
module lzc #(parameter int W = 16, parameter int CW = 5) (
  input  logic [W-1:0]  x,
  output logic [CW-1:0] n,
  output logic          zero
);
  always_comb begin
    n = CW'(W);
    for (int i = 0; i < W; i++)
      if (x[i]) n = CW'(W - 1 - i);
    zero = (x == '0);
  end
endmodule

module msb_pos #(parameter int W = 16, parameter int CW = 5) (
  input  logic [W-1:0]  env,
  output logic [CW-1:0] pos,
  output logic          valid
);
  // priority-encode the index directly instead of W-1 minus the zero count
  always_comb begin
    pos = '0;
    for (int i = 0; i < W; i++)
      if (env[i]) pos = CW'(i);
  end
  assign valid = |env;
endmodule

module sonar_agc (
  input  logic [11:0] env,
  output logic [3:0]  gain_sh,
  output logic        sig
);
  msb_pos #(.W(12), .CW(4)) u_pos (.env(env), .pos(gain_sh), .valid(sig));
endmodule
