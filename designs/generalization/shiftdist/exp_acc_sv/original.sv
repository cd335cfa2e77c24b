// Block-exponent difference: two signed mantissas scaled by one exponent in a child module each,
// subtracted in an always_comb.
module scl #(parameter int W = 8) (input logic signed [W-1:0] m, input logic [2:0] e,
                                   output logic signed [W+7:0] y);
  always_comb y = m <<< e;
endmodule

module exp_diff (
  input  logic signed [7:0] ma, mb,
  input  logic [2:0] e,
  output logic signed [16:0] d
);
  logic signed [15:0] ya, yb;
  scl #(.W(8)) u_a (.m(ma), .e(e), .y(ya));
  scl #(.W(8)) u_b (.m(mb), .e(e), .y(yb));
  always_comb d = ya - yb;
endmodule
