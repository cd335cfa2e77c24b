// From reset (level low) every fall follows a rise: falls = rises - (current level).
module edge_stats (
  input             clk,
  input             rst,
  input             x,
  output reg [11:0] rises,
  output     [11:0] falls
);
  reg prev;
  always @(posedge clk) begin
    if (rst) begin
      prev  <= 1'b0;
      rises <= 12'd0;
    end else begin
      prev <= x;
      if (x & ~prev) rises <= rises + 1'b1;
    end
  end
  assign falls = rises - {11'd0, prev};
endmodule
