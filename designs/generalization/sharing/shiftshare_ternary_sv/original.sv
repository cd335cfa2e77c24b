// Scaler: an enable and an arithmetic/logical flag over a signed sample, SV always_comb ternary.
module shiftshare_ternary_sv #(parameter int W = 20) (
  input  logic signed [W-1:0] x,
  input  logic [4:0] k,
  input  logic arith, en,
  output logic [W-1:0] y
);
  always_comb begin
    if (en) y = arith ? (x >>> k) : (x >> k);
    else y = x;
  end
endmodule
