// Power-flow polarity monitor: per phase, the sign of voltage * current (a constant loop over three
// phases in a combinational block) tells whether power flows into or out of the load; an idle flag
// when either reading is zero.
module polarity (
  input clk,
  input [29:0] volts,   // three signed 10-bit readings
  input [29:0] amps,    // three signed 10-bit readings
  output reg [2:0] export_q,
  output reg [2:0] idle_q
);
  reg [2:0] exp_w, idle_w;
  reg signed [19:0] pw;
  integer i;
  always @* begin
    for (i = 0; i < 3; i = i + 1) begin
      pw = $signed(volts[i*10 +: 10]) * $signed(amps[i*10 +: 10]);
      exp_w[i] = pw < 0;
      idle_w[i] = pw == 0;
    end
  end
  always @(posedge clk) begin
    export_q <= exp_w;
    idle_q <= idle_w;
  end
endmodule
