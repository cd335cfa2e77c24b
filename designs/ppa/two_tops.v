// Two unrelated modules: the top is ambiguous unless --top names one.
module alpha (input a, input b, output y);
  assign y = a & b;
endmodule

module beta (input a, input b, output y);
  assign y = a | b;
endmodule
