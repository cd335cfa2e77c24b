module twoblk (
  input  [15:0] a, b, c, d,
  input  [1:0]  mode,
  output reg [15:0] y1, y2
);
  always @* begin
    if (mode == 2'b01) y1 = a + b;
    else               y1 = 16'd0;
  end
  always @* begin
    if (mode == 2'b10) y2 = c + d;
    else               y2 = 16'd0;
  end
endmodule
