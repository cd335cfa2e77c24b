module modcnt (
  input         clk, rst, en,
  output        wrap,
  output [9:0]  low
);
  reg [31:0] count;
  always @(posedge clk) begin
    if (rst)
      count <= 32'd0;
    else if (en) begin
      if (count == 32'd999)
        count <= 32'd0;
      else
        count <= count + 32'd1;
    end
  end
  assign wrap = en && (count == 32'd999);
  assign low  = count[9:0];
endmodule
