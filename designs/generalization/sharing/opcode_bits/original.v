module opbits (
  input  [15:0] a, b, c,
  input  [2:0]  op,
  output reg [15:0] y
);
  always @* begin
    y = 16'd0;
    if (!op[2] && op[1:0] == 2'b00)
      y = a + b;
    if (op == 3'b101)
      y = a - c;
    if (op == 3'b110)
      y = c - b;
  end
endmodule
