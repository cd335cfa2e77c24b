// one stage short: q is d delayed by 2 cycles instead of 3
module sh(input clk, input d, output q);
  reg a, b;
  always @(posedge clk) begin a <= d; b <= a; end
  assign q = b;
endmodule
