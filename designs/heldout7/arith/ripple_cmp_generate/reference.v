module cmp_unit (input clk, input [23:0] a, input [23:0] b, input [23:0] c,
                 output reg a_gt_b, output reg a_eq_b, output reg c_lt_b);
  always @(posedge clk) begin
    a_gt_b <= a > b; a_eq_b <= a == b; c_lt_b <= c < b;
  end
endmodule
