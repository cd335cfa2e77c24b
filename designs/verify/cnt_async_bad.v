// wraps at 9 instead of 15
module cnt(input clk, input arst_n, input en, output [3:0] q);
  reg [3:0] c;
  always @(posedge clk or negedge arst_n)
    if (!arst_n) c <= 4'd0;
    else if (en) c <= (c == 4'd9) ? 4'd0 : c + 4'd1;
  assign q = c;
endmodule
