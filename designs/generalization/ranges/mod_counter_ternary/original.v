module modcnt_t (
  input         clk, rst, tick,
  output [31:0] hours
);
  reg [31:0] h;
  always @(posedge clk)
    h <= rst ? 32'd0 : tick ? ((h == 32'd23) ? 32'd0 : h + 32'd1) : h;
  assign hours = h;
endmodule
