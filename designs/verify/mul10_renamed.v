module mul10_opt(input [7:0] a, output [11:0] y);   // top module renamed
  assign y = {a, 3'b000} + {a, 1'b0};
endmodule
