// Purely combinational 8-bit adder (no clock): PPA reports the in-to-out delay.
module adder8 (input [7:0] a, input [7:0] b, input cin, output [7:0] sum, output cout);
  assign {cout, sum} = a + b + cin;
endmodule
