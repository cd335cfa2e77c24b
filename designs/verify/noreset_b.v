module sh(input clk, input d, output q);
  reg a, b, c;
  always @(posedge clk) begin a <= d; b <= a; c <= b; end
  assign q = c;
endmodule
