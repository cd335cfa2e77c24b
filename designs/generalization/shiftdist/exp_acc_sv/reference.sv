// Block-exponent difference (reference: subtract, then one shift).
module exp_diff (
  input  logic signed [7:0] ma, mb,
  input  logic [2:0] e,
  output logic signed [16:0] d
);
  logic signed [16:0] df;
  always_comb begin
    df = ma - mb;
    d = df <<< e;
  end
endmodule
