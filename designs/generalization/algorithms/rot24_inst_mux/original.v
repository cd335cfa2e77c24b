// Rotate-right unit (parameterized) used by a round function that picks one of two amounts.
module rotr #(
  parameter W = 16
) (
  input  wire [W-1:0]         v,
  input  wire [$clog2(W)-1:0] k,
  output wire [W-1:0]         r
);
  assign r = (v >> k) | (v << (W - k));
endmodule

module rot24_inst_mux (
  input  wire [23:0] state,
  input  wire [4:0]  amt_a,
  input  wire [4:0]  amt_b,
  input  wire        use_b,
  output wire [23:0] rotated
);
  wire [4:0] amt = use_b ? amt_b : amt_a;
  rotr #(.W(24)) u_rotr (.v(state), .k(amt), .r(rotated));
endmodule
