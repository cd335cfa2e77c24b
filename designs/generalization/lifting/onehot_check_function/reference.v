// One-hot state vector checker: "at least two" is v & (v - 1) != 0 (the lowest set bit cleared).
module onehot_check (
  input  wire [19:0] state_vec,
  output wire        legal,
  output wire        none_set
);
  wire two_or_more = |(state_vec & (state_vec - 20'd1));
  assign none_set = ~|state_vec;
  assign legal    = ~none_set & ~two_or_more;
endmodule
