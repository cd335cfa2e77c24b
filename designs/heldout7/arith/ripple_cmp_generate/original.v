// Bit-serial-style magnitude comparator: MSB-first ripple of (gt, eq) cells
module cmp_cell (input a, input b, input gt_in, input eq_in, output gt_out, output eq_out);
  assign gt_out = gt_in | (eq_in & a & ~b);
  assign eq_out = eq_in & ~(a ^ b);
endmodule

module mag_cmp #(parameter W = 8) (input [W-1:0] a, input [W-1:0] b, output gt, output eq, output lt);
  wire [W:0] g, e;
  assign g[W] = 1'b0;
  assign e[W] = 1'b1;
  genvar i;
  generate
    for (i = W-1; i >= 0; i = i - 1) begin : bitc
      cmp_cell c (.a(a[i]), .b(b[i]), .gt_in(g[i+1]), .eq_in(e[i+1]), .gt_out(g[i]), .eq_out(e[i]));
    end
  endgenerate
  assign gt = g[0];
  assign eq = e[0];
  assign lt = ~g[0] & ~e[0];
endmodule

module cmp_unit (input clk, input [23:0] a, input [23:0] b, input [23:0] c,
                 output reg a_gt_b, output reg a_eq_b, output reg c_lt_b);
  wire g1, e1, l1, g2, e2, l2;
  mag_cmp #(.W(24)) u_ab (.a(a), .b(b), .gt(g1), .eq(e1), .lt(l1));
  mag_cmp #(.W(24)) u_cb (.a(c), .b(b), .gt(g2), .eq(e2), .lt(l2));
  always @(posedge clk) begin
    a_gt_b <= g1; a_eq_b <= e1; c_lt_b <= l2;
  end
endmodule
