// Leading-one position of a 16-bit word through a generate chain (each stage
// keeps the count of the highest one seen so far), then the normalizing shift.
module lead_norm16 (
  input  wire [15:0] d,
  output wire [15:0] q,
  output wire [3:0]  lz,
  output wire        zero
);
  wire [3:0] cnt [0:16];
  wire       hit [0:16];
  assign cnt[16] = 4'd0;
  assign hit[16] = 1'b0;
  genvar g;
  generate
    for (g = 15; g >= 0; g = g - 1) begin : scan
      assign hit[g] = hit[g+1] | d[g];
      assign cnt[g] = hit[g+1] ? cnt[g+1] : (d[g] ? 4'd15 - g : 4'd0);
    end
  endgenerate
  assign lz   = cnt[0];
  assign zero = ~hit[0];
  assign q    = d << lz;
endmodule
