module modcnt_t (
  input         clk, rst, tick,
  output [31:0] hours
);
  reg [4:0] h;
  always @(posedge clk)
    h <= rst ? 5'd0 : tick ? ((h == 5'd23) ? 5'd0 : h + 5'd1) : h;
  assign hours = {27'd0, h};
endmodule
