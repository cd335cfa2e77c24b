module sgain #(parameter int W = 6, parameter int G = 4) (
  input logic signed [W-1:0] v, input logic [G-1:0] k, output logic signed [W+G:0] p);
  always_comb p = v * $signed({1'b0, k});
endmodule
module pan_sv (input logic signed [5:0] a, b, input logic [3:0] k, output logic signed [11:0] o1, o2);
  logic signed [6:0] d;
  logic signed [11:0] p1;
  always_comb d = a - b;
  sgain #(.W(7), .G(4)) u1 (.v(d), .k(k), .p(p1));
  assign o1 = p1 + 12'(a);
  assign o2 = 12'(b) - p1;
endmodule
