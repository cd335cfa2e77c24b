// Signed 12-bit median of three taps picked by a case on the three pairwise orders.
module med3_case (
  input  logic signed [11:0] t0, t1, t2,
  output logic signed [11:0] mid
);
  logic g01, g12, g02;
  always_comb begin
    g01 = t0 > t1;
    g12 = t1 > t2;
    g02 = t0 > t2;
    unique case ({g01, g12, g02})
      3'b000:  mid = t1;   // t0 <= t1 <= t2
      3'b010:  mid = t2;   // t0 <= t2 < t1
      3'b011:  mid = t0;   // t2 < t0 <= t1
      3'b100:  mid = t0;   // t1 < t0 <= t2
      3'b101:  mid = t2;   // t1 <= t2 < t0
      3'b111:  mid = t1;   // t2 < t1 < t0
      default: mid = t1;   // orders that cannot occur
    endcase
  end
endmodule
