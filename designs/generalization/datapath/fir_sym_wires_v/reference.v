// Half-band style smoother: 4-tap symmetric FIR, products as continuous assignments of their own,
// summed in tap order (the taps sharing a coefficient are not adjacent in the sum).
module fir_sym_wires_v (
  input  wire               clk,
  input  wire               rst,
  input  wire signed [9:0]  din,
  input  wire signed [4:0]  ca,
  input  wire signed [4:0]  cb,
  output reg  signed [16:0] dout
);
  // symmetric taps: pre-add the mirrored samples, two multipliers instead of four
  reg signed [9:0] d1, d2, d3;
  wire signed [16:0] s0 = din + d3;
  wire signed [16:0] s1 = d1 + d2;
  always @(posedge clk) begin
    if (rst) begin
      d1 <= 10'sd0; d2 <= 10'sd0; d3 <= 10'sd0; dout <= 17'sd0;
    end else begin
      d1 <= din; d2 <= d1; d3 <= d2;
      dout <= s0 * ca + s1 * cb;
    end
  end
endmodule
