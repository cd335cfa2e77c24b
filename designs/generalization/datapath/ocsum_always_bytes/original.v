// 8-bit ones'-complement sum of a 6-byte field, accumulated in an always block with a carry-out
// fed back after every byte.
module byte_ocsum (
  input  wire [7:0] b0, b1, b2, b3, b4, b5,
  output reg  [7:0] sum
);
  reg [7:0] acc;
  reg       c;
  always @* begin
    acc = b0;
    {c, acc} = acc + b1;  acc = acc + c;
    {c, acc} = acc + b2;  acc = acc + c;
    {c, acc} = acc + b3;  acc = acc + c;
    {c, acc} = acc + b4;  acc = acc + c;
    {c, acc} = acc + b5;  acc = acc + c;
    sum = acc;
  end
endmodule
