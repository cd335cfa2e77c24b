module nload (
  input             clk, rst, sel, ld,
  input      [7:0]  a, b,
  input      [31:0] base,
  output     [31:0] addr
);
  reg [7:0] off;
  always @(posedge clk) begin
    if (rst)     off <= 8'd0;
    else if (ld) off <= sel ? a : b;
  end
  assign addr = base + off;
endmodule
