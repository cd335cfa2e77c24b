module poly_horner (
  input             clk,
  input      [9:0]  x,
  input      [9:0]  a, b, c,
  output reg [19:0] y
);
  always @(posedge clk) y <= (a * x + b) * x + c;
endmodule
