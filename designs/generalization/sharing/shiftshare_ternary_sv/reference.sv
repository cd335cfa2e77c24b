// One arithmetic shifter on {arith & sign, x}.
module shiftshare_ternary_sv #(parameter int W = 20) (
  input  logic signed [W-1:0] x,
  input  logic [4:0] k,
  input  logic arith, en,
  output logic [W-1:0] y
);
  logic signed [W:0] wide;
  assign wide = $signed({arith & x[W-1], x}) >>> k;
  assign y = en ? wide[W-1:0] : x;
endmodule
