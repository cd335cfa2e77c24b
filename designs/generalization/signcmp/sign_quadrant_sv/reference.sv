// Quadrant classifier (reference: operand sign and zero tests).
module quadrant (
  input  logic signed [7:0] i_s, q_s,
  input  logic [5:0] mag_a, mag_b,
  output logic [1:0] cls,
  output logic live
);
  logic nz, diff;
  always_comb begin
    nz = (i_s != 0) && (q_s != 0);
    diff = i_s[7] ^ q_s[7];
    if (nz && !diff) cls = 2'd1;
    else if (nz) cls = 2'd2;
    else cls = 2'd0;
  end
  assign live = (mag_a != 0) && (mag_b != 0);
endmodule
