// Not synthesizable: real-valued arithmetic.
module real_num (input [7:0] a, output [7:0] y);
  real scale;
  initial scale = 1.5;
  assign y = a * scale;
endmodule
