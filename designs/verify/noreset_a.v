// shift register without a reset
module sh(input clk, input d, output q);
  reg [2:0] r;
  always @(posedge clk) r <= {r[1:0], d};
  assign q = r[2];
endmodule
