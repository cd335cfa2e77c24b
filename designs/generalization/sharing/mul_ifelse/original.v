module mulsel (
  input  [7:0] a, b, c, d,
  input        sel,
  output reg [15:0] p
);
  always @* begin
    if (sel)
      p = a * b;
    else
      p = c * d;
  end
endmodule
