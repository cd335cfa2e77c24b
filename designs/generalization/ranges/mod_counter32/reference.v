module modcnt (
  input         clk, rst, en,
  output        wrap,
  output [9:0]  low
);
  reg [9:0] count;
  always @(posedge clk) begin
    if (rst)
      count <= 10'd0;
    else if (en)
      count <= (count == 10'd999) ? 10'd0 : count + 10'd1;
  end
  assign wrap = en && (count == 10'd999);
  assign low  = count;
endmodule
