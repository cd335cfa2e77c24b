// Power-flow polarity monitor (reference: sign tests of the readings, no multiplier).
module polarity (
  input clk,
  input [29:0] volts,
  input [29:0] amps,
  output reg [2:0] export_q,
  output reg [2:0] idle_q
);
  genvar i;
  generate
    for (i = 0; i < 3; i = i + 1) begin : ph
      wire [9:0] v = volts[i*10 +: 10];
      wire [9:0] c = amps[i*10 +: 10];
      wire nz = (|v) & (|c);
      always @(posedge clk) begin
        export_q[i] <= nz & (v[9] ^ c[9]);
        idle_q[i] <= ~nz;
      end
    end
  endgenerate
endmodule
