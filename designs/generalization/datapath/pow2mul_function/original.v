// Scaled accumulator input: sample times a gain 2**g, the gain from a function.
module gain_pow2 (
  input  wire [11:0] sample,
  input  wire [2:0]  g,
  output wire [19:0] scaled
);
  function [7:0] gain_of;
    input [2:0] e;
    gain_of = 8'd1 << e;
  endfunction
  wire [7:0] gain = gain_of(g);
  assign scaled = sample * gain;
endmodule
