module modcnt_r (
  input         clk, rst, en,
  output        wrap,
  output [9:0]  low
);
  reg  [9:0] c_q;
  wire [9:0] c_d = (c_q == 10'd999) ? 10'd0 : c_q + 10'd1;
  always @(posedge clk)
    if (rst) c_q <= 10'd0;
    else if (en) c_q <= c_d;
  assign wrap = en & (c_q == 10'd999);
  assign low  = c_q;
endmodule
