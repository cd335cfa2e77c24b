// Gain stage: an 8-bit sample scaled by 2^(g-4) through a function that
// picks a left or a right shift; registered output.
module gain_stage (
  input  wire        clk,
  input  wire [7:0]  smp,
  input  wire [2:0]  g,
  output reg  [11:0] y
);
  function [11:0] scale;
    input [7:0] v;
    input [2:0] k;
    begin
      if (k > 3'd3)
        scale = {4'd0, v} << (k - 3'd4);
      else
        scale = {4'd0, v} >> (3'd4 - k);
    end
  endfunction
  always @(posedge clk) y <= scale(smp, g);
endmodule
