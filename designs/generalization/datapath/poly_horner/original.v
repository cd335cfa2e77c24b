module poly_horner (
  input             clk,
  input      [9:0]  x,
  input      [9:0]  a, b, c,
  output reg [19:0] y
);
  function [19:0] quad(input [9:0] v);
    quad = a * v * v + b * v + c;
  endfunction
  always @(posedge clk) y <= quad(x);
endmodule
