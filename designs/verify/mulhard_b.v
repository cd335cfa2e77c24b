// shift-and-add multiplier: equivalent, but hard for every engine at this width
module mulh(input [15:0] a, b, output [31:0] y);
  integer i;
  reg [31:0] acc;
  always @* begin
    acc = 32'd0;
    for (i = 0; i < 16; i = i + 1)
      if (b[i]) acc = acc + ({16'd0, a} << i);
  end
  assign y = acc;
endmodule
