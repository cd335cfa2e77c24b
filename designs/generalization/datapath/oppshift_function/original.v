// Gain stage: a 12-bit sample scaled by 2^(g-8) through a function that
// picks a left or a right shift; registered output.
module gain_stage (
  input  wire        clk,
  input  wire [11:0] smp,
  input  wire [3:0]  g,
  output reg  [19:0] y
);
  function [19:0] scale;
    input [11:0] v;
    input [3:0]  k;
    begin
      if (k > 4'd7)
        scale = {8'd0, v} << (k - 4'd8);
      else
        scale = {8'd0, v} >> (4'd8 - k);
    end
  endfunction
  always @(posedge clk) y <= scale(smp, g);
endmodule
