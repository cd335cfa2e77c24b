module max_reg (
  input            clk,
  input            rst_n,
  input      [7:0] a,
  input      [7:0] b,
  output reg [7:0] peak
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n)
      peak <= 8'd0;
    else
      peak <= (a < b) ? b : a;
  end
endmodule
