// Energy detector of a receiver: instantaneous power of the magnitude sample (from the
// CORDIC magnitude stage) and a carrier-detect compare against a fixed threshold.
// Dedicated squarer: x*x = sum x_i 2^(2i) + sum_{i<j} x_i x_j 2^(i+j+1), half the partial products.
module power_det (
  input  logic [11:0] mag,
  output logic [23:0] power,
  output logic        carrier
);
  function automatic logic [23:0] square12(input logic [11:0] x);
    logic [23:0] s;
    s = '0;
    for (int i = 0; i < 12; i++) begin
      s[2*i] = x[i];      // diagonal terms do not overlap: x_i at bit 2i
    end
    for (int i = 0; i < 11; i++) begin
      // row i: x_i & x[j] for j > i, weight 2^(i+j+1)
      s = s + ((24'(x[11:i+1] & {(11-i){x[i]}})) << (2*i + 2));
    end
    square12 = s;
  endfunction

  assign power = square12(mag);

  localparam logic [23:0] CARRIER_TH = 24'd250_000;
  assign carrier = power > CARRIER_TH;
endmodule
