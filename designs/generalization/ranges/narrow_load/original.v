module nload (
  input             clk, rst, sel, ld,
  input      [7:0]  a, b,
  input      [31:0] base,
  output     [31:0] addr
);
  reg [31:0] off;
  always @(posedge clk) begin
    if (rst)     off <= 32'd0;
    else if (ld) off <= sel ? {24'd0, a} : {24'd0, b};
  end
  assign addr = base + off;
endmodule
