module cmp_stage (
  input             clk,
  input             rst,
  input             en,
  input      [15:0] x,
  input      [15:0] y,
  output reg        x_lt_y
);
  always @(posedge clk) begin
    if (rst)
      x_lt_y <= 1'b0;
    else if (en)
      x_lt_y <= x < y;
  end
endmodule
